"""Fetching: sources -> feeds -> pages -> text and claims -> the store (see ARCHITECTURE.md)."""

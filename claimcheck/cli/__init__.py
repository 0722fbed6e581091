"""The command line: one module per command on the Typer app in app.py (see ARCHITECTURE.md)."""

"""Pausing Python's cyclic garbage collector where a step makes many small records and no reference cycles."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection inside: each full collection walks every object the process holds,
    so a step that allocates hundreds of thousands of small dicts and tuples (matching claims, the
    skeletons and JSON records of 50,000 listed articles) paid ~20% of its time to it. Such steps make no
    reference cycles to speak of; reference counting frees their garbage as it goes, and the collector
    runs again afterwards."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()

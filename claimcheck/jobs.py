"""What the fetching process hands to its extraction workers, without importing the extraction stack.

The pool pickles a function by module and name, so the parent must import the function it submits;
these wrappers import :mod:`claimcheck.worker` (trafilatura, lxml, the claim extractors) only when they
first run, inside a worker (the forkserver has it preloaded), never in the fetching process.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime

    from claimcheck.models import Claim, ExtractedPage


PRELOAD = ["claimcheck.worker", "claimcheck.claims"]  # what the forkserver imports once for all workers


def forkserver_context():  # type: ignore[no-untyped-def]
    """The forkserver context extraction pools use, with the extraction stack preloaded."""
    import multiprocessing

    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    return ctx


def start_forkserver() -> None:
    """Start the forkserver now, so that it imports the extraction stack (trafilatura, ~0.4 s of CPU)
    while this process still imports and sets up the fetch and downloads the feeds. Nothing waits
    here: the first worker's start does. Where there is no forkserver, nothing happens."""
    try:
        from multiprocessing import forkserver

        forkserver_context()
        forkserver.ensure_running()
    except (ValueError, OSError, ImportError):
        pass


def init_worker(parent: int | None = None) -> None:
    from claimcheck.worker import init_worker as init

    init(parent)


def process_pages(
    items: Sequence[tuple[bytes, str, str | None, datetime | None]], aliases: Mapping[str, str]
) -> list[tuple[ExtractedPage, list[Claim]] | Exception]:
    """:func:`process_page` for several pages (body, URL, content type, the feed's date); a page that
    fails has its exception in its slot, the others are done all the same."""
    from claimcheck.worker import process_page as process

    out: list[tuple[ExtractedPage, list[Claim]] | Exception] = []
    for body, url, content_type, known_date in items:
        try:
            out.append(process(body, url, content_type, aliases, known_date))
        except Exception as e:  # noqa: BLE001 - handed back to the page it belongs to
            out.append(e)
    return out

"""What the fetching process hands to its extraction workers, without importing the extraction stack.

The pool pickles a function by module and name, so the parent must import the function it submits;
these wrappers import :mod:`claimcheck.ingest.worker` (trafilatura, lxml, the claim extractors) only when they
first run, inside a worker (the forkserver has it preloaded), never in the fetching process.

Each page is noted on a board while it is extracted (which page, since when), for the deadline that
:mod:`claimcheck.ingest.pool` enforces: in a worker process, its slot of a shared array; in threads of the
fetching process, :data:`RUNNING`.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from datetime import datetime

    from claimcheck.models import Claim, ExtractedPage, ParsedFeed

BOARD_FIELDS = 3  # per worker slot: pid, page token (0: idle), start time (time.monotonic, shared by all processes)
RUNNING: dict[int, tuple[int, float, float]] = {}  # threads: page token -> (native thread id, CPU time, wall time) at start
DROPPED: set[int] = set()  # threads: tokens of pages given up on with their task (handed out again)
_board: Any = None  # this worker process's shared array, and its slot in it
_slot = -1

# What the forkserver imports once for all workers: extraction, claims, and feed parsing (feedparser, lxml),
# which the fetching process leaves to them.
PRELOAD = ["claimcheck.ingest.worker", "claimcheck.claims.extract", "claimcheck.ingest.feeds"]


def forkserver_context() -> Any:
    """The forkserver context extraction pools use, with the extraction stack preloaded."""
    import multiprocessing

    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    _ensure_forkserver()
    return ctx


def _ensure_forkserver() -> None:
    """Start the forkserver (unless it runs) with Ctrl-C ignored in it from its first instant.

    Ctrl-C in a terminal reaches the whole process group, the forkserver too; the forkserver ignores it
    only once its interpreter has started and imported the extraction stack (~0.5 s). A Ctrl-C before then
    printed its Python traceback (KeyboardInterrupt in site, in trafilatura's imports) under the command's
    own one line, and the forkserver died. An ignored signal stays ignored in the process started (a
    signal mask does not: Python's process start clears it), so SIGINT is ignored here while the process
    starts. Blocked meanwhile as well, a Ctrl-C to this process is not lost: Linux keeps a blocked
    signal pending even when it is ignored, and it is delivered to the handler put back when unblocked.
    (From another thread than the main one, where handlers cannot be set, the forkserver starts as it is.)"""
    import signal
    from multiprocessing import forkserver

    try:
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    except (AttributeError, OSError, ValueError):  # no signal masks here
        mask = None
    handler: Any = None
    try:
        with contextlib.suppress(ValueError, TypeError):  # not the main thread
            if signal.getsignal(signal.SIGINT) is not None:  # (None: a handler Python cannot put back)
                handler = signal.signal(signal.SIGINT, signal.SIG_IGN)
        with _parent_path():
            forkserver.ensure_running()
    finally:
        if handler is not None:
            signal.signal(signal.SIGINT, handler)
        if mask is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)


@contextlib.contextmanager
def _parent_path() -> Iterator[None]:
    """This process's import path for the forkserver started meanwhile, and nothing else.

    The forkserver is a new interpreter (``python -c``); it imports its preloaded modules, and every worker
    forked from it runs them, from its own path: "" (the folder this process was in when it started it)
    before the installed packages. multiprocessing hands it this process's ``sys.path`` but Python 3.11's
    forkserver ignores it. So its workers could run another copy of claimcheck than this process: one
    test file alone ran the installed package's rules (the forkserver started from a test's temporary
    folder) and after another test file the checkout's (started from the checkout's root), and the rows
    of one compare differed by what ran before in the process (state25). ``PYTHONPATH`` set to this
    process's path (its "" made absolute) and ``PYTHONSAFEPATH`` (no "" of its own) for the time of its
    start give it this process's path; the variables are put back at once (workers inherit the
    forkserver's environment, not this process's later one, as before)."""
    names = ("PYTHONPATH", "PYTHONSAFEPATH")
    saved = {name: os.environ.get(name) for name in names}
    os.environ["PYTHONPATH"] = os.pathsep.join(os.path.abspath(p) for p in sys.path if isinstance(p, str))
    os.environ["PYTHONSAFEPATH"] = "1"
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def start_forkserver() -> None:
    """Start the forkserver now, so that it imports the extraction stack (trafilatura, ~0.4 s of CPU)
    while this process still imports and sets up the fetch and downloads the feeds. Nothing waits
    here: the first worker's start does. Where there is no forkserver, nothing happens."""
    with contextlib.suppress(ValueError, OSError, ImportError):
        forkserver_context()


def parse_feed(body: bytes, url: str, content_type: str | None = None) -> ParsedFeed:
    """:func:`claimcheck.ingest.feeds.parse_feed`, importing feedparser where it runs: in a worker (the
    forkserver has it preloaded), or in a thread of the fetching process while the pool starts."""
    from claimcheck.ingest.feeds import parse_feed as parse

    return parse(body, url, content_type)


def init_worker(parent: int | None = None, board: Any = None, claimed: Any = None) -> None:
    global _board, _slot
    from claimcheck.ingest.worker import init_worker as init

    release_big_blocks()
    init(parent)
    if board is not None and claimed is not None:
        with claimed.get_lock():
            slot, claimed.value = claimed.value, claimed.value + 1
        if (slot + 1) * BOARD_FIELDS <= len(board):
            _board, _slot = board, slot
            board[slot * BOARD_FIELDS] = os.getpid()


def _begin(token: int) -> None:
    if _board is None:
        RUNNING[token] = (threading.get_native_id(), time.thread_time(), time.monotonic())
        return
    base = _slot * BOARD_FIELDS
    _board[base + 1] = 0
    _board[base + 2] = time.monotonic()
    _board[base + 1] = token


def thread_seconds(native_id: int, cpu_start: float, wall_start: float) -> float:
    """How long a thread has been on its page: its own CPU time where Linux tells it (a thread starved of
    the interpreter lock by another one's long C call is not charged for it), else wall time."""
    try:
        return time.clock_gettime((~native_id << 3) | 6) - cpu_start  # Linux: that thread's CPU clock
    except (OSError, OverflowError, AttributeError):
        return time.monotonic() - wall_start


def _end(token: int) -> None:
    if _board is None:
        RUNNING.pop(token, None)
    else:
        _board[_slot * BOARD_FIELDS + 1] = 0


def process_pages(
    items: Sequence[tuple[int, bytes, str, str | None, datetime | None]], aliases: Mapping[str, str]
) -> list[tuple[ExtractedPage, list[Claim]] | Exception]:
    """:func:`process_page` for several pages (token, body, URL, content type, the feed's date); a page
    that fails has its exception in its slot, the others are done all the same."""
    from claimcheck.ingest.worker import process_page as process

    out: list[tuple[ExtractedPage, list[Claim]] | Exception] = []
    for token, body, url, content_type, known_date in items:
        if token in DROPPED:
            DROPPED.discard(token)
            out.append(LookupError("dropped"))
            continue
        _begin(token)
        try:
            out.append(process(body, url, content_type, aliases, known_date))
        except Exception as e:  # noqa: BLE001 - handed back to the page it belongs to
            out.append(e)
        finally:
            _end(token)
    return out


# Blocks of this many bytes and more (page bodies, their decoded text) get pages of their own from the
# system, given back when freed. glibc's default threshold starts at 128 KB and rises to the largest block
# freed so far, after which bodies come from the heap and leave it fragmented: a 2,000-page fetch of real
# pages held ~13 MiB more over its process tree (bench/README.md, #14).
MMAP_THRESHOLD = 64 * 1024
_M_MMAP_THRESHOLD = -3  # glibc's malloc.h


def release_big_blocks() -> bool:
    """Make this process's large allocations mmap-backed (glibc's ``mallopt(M_MMAP_THRESHOLD)``, which
    also stops the threshold from rising); False where that is not glibc. Called by the fetching
    process and by each extraction worker."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        return bool(libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD))
    except (OSError, AttributeError):
        return False

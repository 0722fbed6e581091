"""The extraction pool: pages go to worker processes (or threads), each under a deadline; a worker that
dies or overruns fails its page alone, and the pool is replaced so the run goes on.

Each worker notes on a shared board which page it is on and since when (:mod:`claimcheck.ingest.jobs`). A
watchdog reads the board: a page past ``deadline`` gets its process killed (SIGKILL: libxml2 stuck in C
code never sees a signal handler). A dead worker breaks a ``ProcessPoolExecutor`` (``BrokenProcessPool``,
as after the OOM killer): the pool is replaced, the page that took too long or was on the dead worker
fails with a reason, and the other pages of the broken tasks are handed to the new pool.

Threads (``--workers 0``) cannot be killed: a page past its deadline fails, its thread is abandoned
(a daemon thread, so it holds nothing open at exit) and another thread takes its place.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import itertools
import os
import signal
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import BrokenExecutor, Executor, Future, ProcessPoolExecutor
from datetime import datetime
from typing import Any

from claimcheck.cpus import usable_cpus
from claimcheck.errors import FetchError
from claimcheck.ingest.jobs import (
    BOARD_FIELDS,
    DROPPED,
    RUNNING,
    forkserver_context,
    init_worker,
    process_pages,
    thread_seconds,
)
from claimcheck.models import Claim, ExtractedPage

MAX_PAGES_PER_TASK = 8  # pages handed to an extraction worker at once
MAX_REQUEUES = 2  # times a page goes back to a new pool after a break it was not the cause of
TOO_SLOW = "extraction took too long"
DIED = "extraction worker died"

Result = tuple[ExtractedPage, list[Claim]]
_TOKENS = itertools.count(1)  # page tokens, unique in this process (abandoned threads outlive their run)


def default_workers() -> int:
    """Extraction processes: one per CPU this process may use (:func:`claimcheck.cpus.usable_cpus`: its
    affinity and cgroup quota, not the machine's count), at most 8. The fetching process is mostly waiting
    on the network; bench/fetch.py on 2 cores: 2 workers 16.1 s, 1 worker 20.1 s (before the fetching
    process was made lighter, 1 worker had been the faster)."""
    return max(1, min(usable_cpus(), 8))


def worker_count(workers: int | None) -> int:
    """Extraction processes for ``FetchOptions.workers`` (None: the default; 0: threads instead)."""
    return workers if workers is not None else default_workers()


class DaemonThreads(Executor):
    """At most ``n`` tasks at once, each in a daemon thread. :meth:`abandon` gives up on a stuck task:
    its slot goes to the next task, and its thread, which cannot be stopped, ends whenever it ends
    without holding the process open at exit (a ThreadPoolExecutor joins its threads at exit)."""

    def __init__(self, n: int) -> None:
        self.slots = threading.Semaphore(max(1, n))
        self.held: set[Future[Any]] = set()
        self.lock = threading.Lock()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        f: Future[Any] = Future()

        def run() -> None:
            self.slots.acquire()
            with self.lock:
                self.held.add(f)
            try:
                if f.set_running_or_notify_cancel():
                    try:
                        f.set_result(fn(*args, **kwargs))
                    except BaseException as e:  # noqa: BLE001 - handed to whoever waits on the future
                        f.set_exception(e)
            finally:
                self.abandon(f)

        threading.Thread(target=run, daemon=True, name="claimcheck-extract").start()
        return f

    def abandon(self, f: Future[Any]) -> None:
        with self.lock:
            if f not in self.held:
                return
            self.held.discard(f)
        self.slots.release()

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        pass  # nothing to join: every task the run waits for is settled, abandoned ones are let go


class _Board:
    """What each worker process is doing: per slot (pid, page token, start time), in shared memory."""

    def __init__(self, ctx: Any, n: int) -> None:
        self.n = n
        self.cells = ctx.Array("d", BOARD_FIELDS * n, lock=False)
        self.claimed = ctx.Value("i", 0)

    def running(self) -> list[tuple[int, int, float]]:
        """(pid, token, started) of every page being extracted now."""
        out = []
        for i in range(self.n):
            base = i * BOARD_FIELDS
            token, started, again = self.cells[base + 1], self.cells[base + 2], self.cells[base + 1]
            if token and token == again:
                out.append((int(self.cells[base]), int(token), started))
        return out

    def kill(self, pid: int, token: int) -> None:
        """SIGKILL worker ``pid`` if it is still on page ``token`` (not on the next one by now)."""
        for i in range(self.n):
            base = i * BOARD_FIELDS
            if int(self.cells[base]) == pid and self.cells[base + 1] == token:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(pid, signal.SIGKILL)


def _new_pool(n: int) -> tuple[Executor, _Board | None]:
    if n <= 0:
        return DaemonThreads(2), None
    try:
        ctx = forkserver_context()
        board = _Board(ctx, n)
        pool = ProcessPoolExecutor(
            max_workers=n, mp_context=ctx, initializer=init_worker, initargs=(os.getpid(), board.cells, board.claimed)
        )
        return pool, board
    except (ValueError, OSError, NotImplementedError):
        return DaemonThreads(n), None


def make_pool(n: int) -> Executor:
    """A pool of ``n`` extraction processes (0: threads), as fetch uses (for bench/extract.py)."""
    return _new_pool(n)[0]


Item = tuple[int, bytes, str, str | None, datetime | None]  # token, body, URL, content type, feed's date


class _Page:
    __slots__ = ("item", "done", "requeued")

    def __init__(self, item: Item, done: asyncio.Future[Result]) -> None:
        self.item = item
        self.done = done
        self.requeued = 0


class _Task:
    __slots__ = ("cf", "wrapper", "batch", "abandoned")

    def __init__(self, cf: Future[Any], wrapper: asyncio.Future[Any], batch: list[_Page]) -> None:
        self.cf = cf
        self.wrapper = wrapper
        self.batch = batch
        self.abandoned = False


class Dispatcher:
    """Hands pages to the extraction pool, a few per task when they queue up, each under ``deadline``.

    At most two tasks per worker are in flight; pages that arrive meanwhile wait here and go out
    together (up to ``MAX_PAGES_PER_TASK``) when a task comes back. A page that finds the pool idle
    goes alone, at once. One task per page cost the fetching process ~0.35 ms of hand-over work (the
    pool's feeder and manager threads) for each page; a task of four, a quarter of that.
    """

    def __init__(self, workers: int, aliases: dict[str, str], deadline: float, *, start_now: bool = True) -> None:
        self.workers = workers
        # None until the pool has started (start_now=False: see start); pages wait here meanwhile
        self.pool: Executor | None = None
        self.board: _Board | None = None
        self.threads = False
        self.starter: threading.Thread | None = None
        self.started: Executor | None = None  # the starter thread's pool, attached or not yet
        self.aliases = aliases
        self.deadline = deadline
        self.limit = 2 * max(1, workers)
        self.on_drain: Callable[[], None] | None = None  # told each time the pool runs dry (see starving)
        self.drained = False
        self.in_flight = 0
        self.closed = False
        self.pending: list[_Page] = []
        self.too_slow: set[int] = set()  # tokens past the deadline
        self.died: set[int] = set()  # tokens that were on a worker that died
        self.tasks: dict[int, _Task] = {}  # threads: token -> the task it is in
        self.watchdog: asyncio.Task[None] | None = None
        if start_now:
            self._attach(*_new_pool(workers))

    def start(self) -> None:
        """Start the pool in a thread of its own and hand it to the event loop when it is up. Its first
        worker waits for the forkserver to import the extraction stack (trafilatura: ~0.3 s of CPU, more
        on a busy machine); started in the event loop, that blocked it (#14). Feeds meanwhile are parsed
        in a thread of this process (:meth:`call`), pages wait in ``pending``."""
        loop = asyncio.get_running_loop()
        self.starter = threading.Thread(target=self._start, args=(loop,), name="claimcheck-pool-start", daemon=True)
        self.starter.start()

    def _start(self, loop: asyncio.AbstractEventLoop) -> None:
        pool, board = _new_pool(self.workers)
        self.started = pool
        with contextlib.suppress(Exception):  # a pool that cannot start fails its pages, batch by batch
            pool.submit(int).result()  # the first worker is up (the others fork from a ready forkserver)
        with contextlib.suppress(RuntimeError):  # the event loop has closed: the run ended meanwhile
            loop.call_soon_threadsafe(self._attach, pool, board)

    def _attach(self, pool: Executor, board: _Board | None) -> None:
        if self.pool is not None or self.closed:
            return
        self.pool, self.board, self.threads = pool, board, board is None
        self._pump()

    # -- pages ---------------------------------------------------------------------------------------
    async def page(
        self, body: bytes, url: str, content_type: str | None, known_date: datetime | None = None
    ) -> Result:
        done: asyncio.Future[Result] = asyncio.get_running_loop().create_future()
        self.pending.append(_Page((next(_TOKENS), body, url, content_type, known_date), done))
        if self.watchdog is None:
            self.watchdog = asyncio.ensure_future(self._watch())
        self._pump()
        return await done

    async def call(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run ``fn`` in the pool (feed parsing), on a new pool if a worker died under it; in a thread of
        this process while the pool is starting."""
        if self.pool is None:
            return await asyncio.get_running_loop().run_in_executor(None, fn, *args)
        for _ in range(MAX_REQUEUES + 1):
            pool = self.pool
            try:
                cf = pool.submit(fn, *args)
            except (BrokenExecutor, OSError):  # OSError: no worker could be started (the forkserver died)
                self._replace(pool)
                continue
            try:
                return await asyncio.wrap_future(cf)
            except BrokenExecutor:
                self._replace(pool)
        raise FetchError(DIED)

    def close(self) -> None:
        """No more hand-overs (the run is ending or interrupted); pages still waiting are cancelled."""
        self.closed = True
        pending, self.pending = self.pending, []
        for p in pending:
            p.done.cancel()
        if self.watchdog is not None:
            self.watchdog.cancel()

    def shutdown(self) -> None:
        """Close and stop the pool. A worker still on a page (the run was interrupted) is killed rather
        than waited for: that page may take minutes."""
        self.close()
        if self.starter is not None:
            self.starter.join()
        pool = self.pool or self.started
        if self.board is not None:
            for pid, token, _ in self.board.running():
                self.board.kill(pid, token)
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def _pump(self) -> None:
        while self.pool is not None and self.pending and self.in_flight < self.limit and not self.closed:
            n = min(MAX_PAGES_PER_TASK, -(-len(self.pending) // (self.limit - self.in_flight)))
            batch, self.pending = self.pending[:n], self.pending[n:]
            pool = self.pool
            try:
                cf = pool.submit(process_pages, [p.item for p in batch], self.aliases)
            except BrokenExecutor:  # broke since the last hand-over: replace it, then try again
                self._replace(pool)
                self.pending[:0] = batch
                continue
            except OSError:  # no worker could be started (the forkserver was killed, fork failed)
                self._broken(batch, pool)  # a new pool; each page tried again at most MAX_REQUEUES times
                continue
            except RuntimeError as e:  # the pool is shut down
                fail_futures([p.done for p in batch], e)
                continue
            self.in_flight += 1
            task = _Task(cf, asyncio.wrap_future(cf), batch)
            if self.threads:
                self.tasks.update((p.item[0], task) for p in batch)
            task.wrapper.add_done_callback(functools.partial(self._done, task, pool))
        if self.pool is None:
            return
        dry = self.starving()
        if dry and not self.drained and self.on_drain is not None:
            self.on_drain()
        self.drained = dry

    def starving(self) -> bool:
        """No page waits here and a worker has room for another task: the pool is about to idle (or is
        still starting with no page for it yet)."""
        return not self.pending and self.in_flight < self.limit

    def _done(self, rec: _Task, pool: Executor, task: asyncio.Future[list[object]]) -> None:
        self._finished(task, rec.batch, pool, rec)

    def _finished(self, task: asyncio.Future[list[object]], batch: list[_Page], pool: Executor, rec: _Task) -> None:
        if rec.abandoned:
            return  # a page of it overran its deadline: already dealt with, no longer counted
        for p in batch:
            self.tasks.pop(p.item[0], None)
        self.in_flight -= 1
        error = None if task.cancelled() else task.exception()  # always retrieved: never reported as lost
        if self.closed or task.cancelled():
            for p in batch:
                p.done.cancel()
        elif isinstance(error, BrokenExecutor):
            self._broken(batch, pool)
        elif error is not None:
            fail_futures([p.done for p in batch], error)
        else:
            settle_futures([p.done for p in batch], task.result())
        self._pump()

    # -- deadlines and dead workers ------------------------------------------------------------------
    async def _watch(self) -> None:
        tick = min(1.0, max(0.05, self.deadline / 4))
        while not self.closed:
            await asyncio.sleep(tick)
            now = time.monotonic()
            if self.board is not None:
                for pid, token, started in self.board.running():
                    if now - started > self.deadline and token not in self.too_slow:
                        self.too_slow.add(token)
                        self.board.kill(pid, token)  # the pool breaks; _broken sorts it out
            else:
                for token, clock in list(RUNNING.items()):
                    if token in self.tasks and thread_seconds(*clock) > self.deadline:
                        self._abandon(token)

    def _abandon(self, token: int) -> None:
        """Threads: fail a page past its deadline now and free its slot; its thread runs on, ignored, and
        skips the rest of its task, which goes to another thread."""
        task = self.tasks[token]
        task.abandoned = True
        self.in_flight -= 1
        assert isinstance(self.pool, DaemonThreads)
        self.pool.abandon(task.cf)
        task.wrapper.cancel()  # its late result is dropped quietly, even after the event loop has closed
        again = []
        for p in task.batch:
            self.tasks.pop(p.item[0], None)
            if p.done.done():
                continue
            if p.item[0] == token:
                p.done.set_exception(FetchError(TOO_SLOW, p.item[2]))
            else:
                DROPPED.add(p.item[0])
                p.item = (next(_TOKENS), *p.item[1:])
                again.append(p)
        self.pending[:0] = again
        self._pump()

    def _replace(self, broken: Executor) -> None:
        """A new pool for a broken one (once per break); notes which pages were on a worker that died."""
        if broken is not self.pool:
            return
        board = self.board
        processes = dict(getattr(broken, "_processes", None) or {})  # pid -> Process, to tell who died first
        if board is not None:
            for pid, token, _ in board.running():
                proc = processes.get(pid)
                code = proc.exitcode if proc is not None else None
                # The pool terminates (SIGTERM) the others after one dies: those pages were not the cause.
                if proc is None or (code is not None and code != -signal.SIGTERM):
                    self.died.add(token)
        broken.shutdown(wait=False, cancel_futures=True)
        self.pool, self.board = _new_pool(self.workers)

    def _broken(self, batch: list[_Page], pool: Executor) -> None:
        self._replace(pool)
        again = []
        for p in batch:
            token, url = p.item[0], p.item[2]
            if p.done.done():
                continue
            if token in self.too_slow:
                p.done.set_exception(FetchError(TOO_SLOW, url))
            elif token in self.died or p.requeued >= MAX_REQUEUES:
                p.done.set_exception(FetchError(DIED, url))
            else:
                p.requeued += 1
                again.append(p)
        self.pending[:0] = again


def fail_futures(futures: Sequence[asyncio.Future[Any]], error: BaseException) -> None:
    """Every future of a batch that failed as a whole gets its error (unless already settled)."""
    for done in futures:
        if not done.done():
            done.set_exception(error)


def settle_futures(futures: Sequence[asyncio.Future[Any]], results: Sequence[object]) -> None:
    """Each future of a batch gets its own result, or raises the exception in its slot."""
    for done, result in zip(futures, results, strict=True):
        if done.done():
            continue
        if isinstance(result, BaseException):
            done.set_exception(result)
        else:
            done.set_result(result)

"""How a fetch run talks to its store: every call on one database thread (:meth:`ArticleWriter.db`), and
articles written in batches, one transaction per batch, each article all or nothing
(:meth:`ArticleWriter.store`)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, TypeVar

from claimcheck.errors import FetchError, StoreError
from claimcheck.ingest.pool import fail_futures, settle_futures
from claimcheck.ingest.records import NO_TEXT_RUNS, OutletReport
from claimcheck.models import Article
from claimcheck.store import Store

T = TypeVar("T")
MAX_BATCH = 64  # articles per write transaction
BATCH_WAIT = 0.05  # seconds a write waits for more articles to join it
# After a stop (Ctrl-C, SIGTERM), how long the write under way may take to end on its own: past it, the store
# is interrupted (a PostgreSQL server that stopped answering held the stop for ever, Ctrl-C and SIGTERM alike).
STOP_WAIT = 5.0

Pending = tuple[Article, list[str], OutletReport, "asyncio.Future[tuple[int, bool]]"]


class ArticleWriter:
    """The run's database thread and its batches of articles to write. ``busy()`` says whether pages are
    still being downloaded or extracted (a batch then waits ``BATCH_WAIT`` for more to join it)."""

    def __init__(self, store: Store, busy: Callable[[], bool]) -> None:
        self.store = store
        self.busy = busy
        self.thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="claimcheck-db")
        self.pending: list[Pending] = []
        self.task: asyncio.Task[None] | None = None
        self.writing = False  # a batch of articles being written (for CLAIMCHECK_FETCH_TRACE)
        self.stopping = False  # the run was stopped: its waits on the database thread are bounded
        self.new_here: dict[int, tuple[OutletReport, int]] = {}  # article id -> its report, claims: new this run

    async def db(self, fn: Callable[..., T], *args: Any) -> T:
        try:
            return await asyncio.get_running_loop().run_in_executor(self.thread, fn, *args)
        except Exception as e:  # reads outside the store's writes (a corrupt page found late, a lost server)
            raise self._store_error(e) from None

    def _store_error(self, e: Exception) -> Exception:
        if isinstance(e, StoreError):
            return e
        return self.store.store_error(e) or e

    async def store_article(self, article: Article, keys: list[str], rep: OutletReport) -> tuple[int, bool]:
        """Store an article, in a batch with those that arrive within ``BATCH_WAIT`` or while a write is
        under way (one transaction and one hand-over to the database thread per batch, not per article;
        each article still all or nothing). ``rep`` counts it as new or unchanged once it is written."""
        done: asyncio.Future[tuple[int, bool]] = asyncio.get_running_loop().create_future()
        self.pending.append((article, keys, rep, done))
        if self.task is None or self.task.done():
            self.task = asyncio.ensure_future(self._write_pending())
        return await done

    async def _write_pending(self) -> None:
        while self.pending:
            if len(self.pending) < MAX_BATCH and self.busy():
                await asyncio.sleep(BATCH_WAIT)  # more may come: let a batch gather (pages arrive every few ms)
            batch, self.pending = self.pending[:MAX_BATCH], self.pending[MAX_BATCH:]
            # The database thread's own future, not a task around it: a stop cancels every task of the run,
            # and a task cancelled after the thread had committed the batch, before the loop took the
            # result, lost it; the stop summary counted 1 new article where 2 were stored.
            job = self.thread.submit(self._write, batch)
            write = asyncio.wrap_future(job)
            self.writing = True
            write.add_done_callback(lambda _: setattr(self, "writing", False))
            try:
                written = await asyncio.shield(write)
            except asyncio.CancelledError:
                # Stopped (Ctrl-C, SIGTERM) while the database thread writes this batch: the write goes on
                # to its commit, so wait for it in the thread and count what it stored; the stop summary
                # must be true.
                self.stopping = True
                with contextlib.suppress(BaseException):
                    count_written(batch, *self._at_stop(job), self.new_here)
                for *_, done in batch:
                    done.cancel()
                raise
            except Exception as e:  # noqa: BLE001 - the whole batch failed (disk full): each page hears why
                fail_futures([done for *_, done in batch], self._store_error(e))
                continue
            results, owners = written
            count_written(batch, results, owners, self.new_here)
            settle_futures([done for *_, done in batch], results)

    def _write(self, batch: Sequence[Pending]) -> tuple[list[tuple[int, bool] | Exception], dict[int, str]]:
        """On the database thread: the batch's articles stored, and the outlet that holds each article
        this run stored for another outlet and this batch listed again (store.owner may have moved it).
        An error nobody foresaw while one article is written fails that article's page alone
        (:meth:`_add_articles`, :func:`page_failure`); the store's own errors (disk full, database locked, a
        lost server) stay the run's, as they are."""
        items = [(a, k) for a, k, *_ in batch]
        written = self._add_articles(items)
        results = [page_failure(a, r, self._known) for (a, _), r in zip(items, written, strict=True)]
        again: list[int] = []
        stored: dict[int, OutletReport] = {}  # this batch's new articles (one may move to a later one's outlet)
        for (_, _, rep, _), r in zip(batch, results, strict=True):
            if isinstance(r, BaseException):
                continue
            if r[1]:
                stored[r[0]] = rep
            elif (first := stored.get(r[0]) or self.new_here.get(r[0], (None, 0))[0]) is not None and first is not rep:
                again.append(r[0])
        owners: dict[int, str] = {}
        with contextlib.suppress(Exception):  # only the counts of the summary depend on it
            owners = {i: a.outlet for i in again if (a := self.store.get_article(i)) is not None}
        return results, owners

    def _known(self, e: Exception) -> bool:
        """Whether ``e`` is one of the store's own errors (its driver's, or a :class:`StoreError`)."""
        return isinstance(e, StoreError) or self.store.store_error(e) is not None

    def _add_articles(self, items: list[tuple[Article, list[str]]]) -> list[tuple[int, bool] | Exception]:
        """``store.add_articles``. When the batch's write raises an error nobody foresaw as a whole (rolled
        back: nothing of it is kept), each article is written again alone, in its own transaction, and only
        the one that raises it again fails (bughunt30's bug 8, a lone surrogate, stopped the whole run, every
        outlet's pages lost, on every later run). The store's own error met one by one ends the batch: the
        articles written before it are stored, it is the error of those after it (the run's, as in a batch)."""
        try:
            return self.store.add_articles(items)
        except Exception as e:  # noqa: BLE001 - the store's own errors are raised as they are
            if self._known(e):
                raise
            if len(items) == 1:
                return [e]
        out: list[tuple[int, bool] | Exception] = []
        for k, item in enumerate(items):
            try:
                out += self.store.add_articles([item])
            except Exception as e:  # noqa: BLE001 - this article's own fault, or the store's (then the run's)
                if self._known(e):
                    return out + [self._store_error(e)] * (len(items) - k)
                out.append(e)
        return out

    def _at_stop(self, job: Future[T]) -> T:
        """The result of a call on the database thread, after a stop: waited for STOP_WAIT, then the store is
        interrupted (the call fails: its batch was not committed, or not known to be) and waited for again."""
        try:
            return job.result(timeout=STOP_WAIT)
        except FutureTimeout:
            self.store.interrupt()
            return job.result(timeout=STOP_WAIT)

    def shutdown(self) -> None:
        if self.stopping:  # every call queued on the database thread ended, or interrupted, before it is let go
            with contextlib.suppress(BaseException):
                self._at_stop(self.thread.submit(lambda: None))
            self.thread.shutdown(wait=False, cancel_futures=True)
            return
        self.thread.shutdown(wait=True)


def page_failure(
    article: Article, result: tuple[int, bool] | Exception, known: Callable[[Exception], bool]
) -> tuple[int, bool] | Exception:
    """An article's result, or, for an error nobody foresaw while it was written (not one of the store's own,
    ``known``), its page's failure: said in one line, and remembered failed after NO_TEXT_RUNS runs as a page
    without text is (asked for again, it would raise again on every run for ever)."""
    if not isinstance(result, Exception) or known(result):
        return result
    why = f"could not store the page (internal error: {type(result).__name__})"
    failure = FetchError(why, article.url, permanent=True, runs=NO_TEXT_RUNS)
    failure.__cause__ = result
    return failure


def count_written(
    batch: Sequence[Pending],
    results: Sequence[tuple[int, bool] | BaseException],
    owners: dict[int, str] | None = None,
    new_here: dict[int, tuple[OutletReport, int]] | None = None,
) -> None:
    """Each article of a written batch counts as new (with its claims) or unchanged in its outlet's report.
    An article this run stored for one outlet that moved to the outlet that owns it (``owners``, see
    store.owner) counts as new for the owner, and as unchanged for the other: the summary says who holds
    what (``new_here``: the articles counted new in this run, with their report and claims)."""
    new_here = {} if new_here is None else new_here
    for (article, _, rep, _), result in zip(batch, results, strict=True):
        if isinstance(result, BaseException):
            continue
        article_id, new = result
        if not new and (owners or {}).get(article_id) == article.outlet and article_id in new_here:
            first, claims = new_here[article_id]
            first.new, first.claims, first.unchanged = first.new - 1, first.claims - claims, first.unchanged + 1
            new = True
        if new:
            rep.new += 1
            rep.claims += len(article.claims)
            new_here[article_id] = (rep, len(article.claims))
        else:
            rep.unchanged += 1

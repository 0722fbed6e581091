"""The fetch pipeline: feeds -> new entries -> pages -> text and claims (process pool) -> store.

A failing outlet never stops the others; every failure is counted with a short reason in that outlet's
:class:`OutletReport`.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import re
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Literal, Protocol, TypeVar
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from claimcheck.claims.language import is_english, primary
from claimcheck.errors import FeedParseError, FetchError, NoArticleText, StoreError
from claimcheck.ingest import trace
from claimcheck.ingest.decode import clean_text, not_in_future
from claimcheck.ingest.http import FetchSettings, Http, PrivateAccess
from claimcheck.ingest.jobs import parse_feed  # feedparser loads where feeds are parsed: in the workers
from claimcheck.ingest.pool import Dispatcher, fail_futures, settle_futures, worker_count
from claimcheck.models import Article, FeedEntry, Outlet, ParsedFeed, Sources
from claimcheck.store import HostQueue, Store, content_hash
from claimcheck.urls import is_fetchable

MAX_CHILD_SITEMAPS = 3
T = TypeVar("T")
MAX_BATCH = 64  # articles per write transaction
BATCH_WAIT = 0.05  # seconds a write waits for more articles to join it
# Pages downloaded and not yet extracted, at most (a download waits for room). Pages arrive faster than
# two cores extract them (16 downloads in flight at 50 ms: ~300 pages/s; extraction: ~60): unbounded,
# a 2,000-page fetch held every page body at once (545 MB for the process tree, #14). 32 pages: the
# downloads in flight (16) and as many waiting for the pool, 0.15 s of its work on 2 cores, three times
# the 50 ms a download takes (64: the fetching process at 85 MiB instead of 74, 400 real pages).
MAX_BACKLOG = 32
# --shard auto: a fetcher killed without a word frees its hosts after this many seconds without a
# heartbeat (it beats every quarter of it); long enough for a loaded machine, short for a rerun.
LEASE = 60.0
# --shard auto: how often a fetcher holding two hosts or more looks for fetchers of its round out of work
# (nothing left in the queue), and the pages not yet started a host must have for it to be given to one
# (its feed is read again there).
GIVE_TICK = 0.25
GIVE_MIN = 8


@dataclass
class FetchOptions:
    outlets: Sequence[str] = ()  # only these outlet ids (--source); empty: every enabled outlet
    limit: int | None = None  # entries per feed, newest first
    since: datetime | None = None  # skip entries published before this
    settings: FetchSettings = field(default_factory=FetchSettings)
    workers: int | None = None  # extraction processes; None: default_workers(); 0: threads in this process
    # (K, N): only the outlets of shard K of N (--shard K/N), K from 1; "auto": hosts taken one at a time
    # from the queue shared through the store with the other fetchers of the round (--shard auto)
    shard: tuple[int, int] | Literal["auto"] | None = None
    lease: float = LEASE  # --shard auto: seconds a host stays taken by a fetcher that stopped beating
    allow_private: bool = False  # --allow-private: every outlet as if it had `allow_private: true`
    extract_timeout: float | None = None  # seconds per page's extraction; None: sources.yaml defaults


@dataclass
class OutletReport:
    outlet: str
    name: str
    feeds_ok: int = 0
    feeds_unchanged: int = 0
    feeds_failed: int = 0
    entries: int = 0
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    claims: int = 0
    skipped: int = 0  # feed entries without a link (nothing to fetch): said, not a failure
    reasons: Counter[str] = field(default_factory=Counter)

    @property
    def ok(self) -> bool:
        return self.feeds_failed == 0 and self.failed == 0

    def fail(self, reason: str, *, feed: bool = False) -> None:
        if feed:
            self.feeds_failed += 1
        else:
            self.failed += 1
        self.reasons[reason] += 1

    def to_json(self) -> dict[str, object]:
        return {
            "outlet": self.outlet,
            "name": self.name,
            "ok": self.ok,
            "feeds": {"ok": self.feeds_ok, "unchanged": self.feeds_unchanged, "failed": self.feeds_failed},
            "entries": self.entries,
            "new": self.new,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "claims": self.claims,
            "skipped": self.skipped,
            "reasons": dict(self.reasons),
        }


@dataclass
class FetchReport:
    outlets: list[OutletReport]
    started: datetime
    finished: datetime | None = None
    interrupted: bool = False

    @property
    def ok(self) -> bool:
        return all(o.ok for o in self.outlets) and not self.interrupted

    def totals(self) -> dict[str, int]:
        keys = ("entries", "new", "unchanged", "failed", "claims")
        return {k: sum(getattr(o, k) for o in self.outlets) for k in keys}


class Progress(Protocol):
    """What the CLI's progress bar is told (the core never imports rich)."""

    def add(self, outlet: str, n: int) -> None: ...  # n more pages to download for this outlet

    def advance(self, outlet: str) -> None: ...  # one page done (stored, skipped or failed)


class _NoProgress:
    def add(self, outlet: str, n: int) -> None:
        pass

    def advance(self, outlet: str) -> None:
        pass


def select_outlets(sources: Sources, ids: Sequence[str]) -> list[Outlet]:
    """The outlets to fetch: the named ones (even if disabled), else every enabled one."""
    if ids:
        from claimcheck.errors import UsageError

        unknown = [i for i in ids if sources.outlet(i) is None]
        if unknown:
            known = ", ".join(o.id for o in sources.outlets[:20])
            raise UsageError(f"unknown outlet {unknown[0]!r} (known: {known})")
        return [o for o in sources.outlets if o.id in ids]
    return [o for o in sources.outlets if o.enabled]


def fetch(
    sources: Sources,
    store: Store,
    options: FetchOptions | None = None,
    *,
    concurrency: int | None = None,
    settings: Mapping[str, object] | None = None,
    progress: Progress | None = None,
    report: FetchReport | None = None,
) -> FetchReport:
    """Fetch ``sources``' outlets into ``store`` with sources.yaml's HTTP defaults (``concurrency`` and
    the ``settings`` fields of :class:`FetchSettings` over them): ``claimcheck.fetch``. ``options``
    chooses the outlets, limits and workers (default: every enabled outlet, every entry)."""
    base = options or FetchOptions()
    http = FetchSettings.from_defaults(sources.defaults, concurrency=concurrency, **(settings or {}))
    return run_fetch(sources, store, replace(base, settings=http), progress, report)


def shard_key(outlet: Outlet) -> str:
    """What decides an outlet's shard: the host (and port) of its first feed or sitemap, so that every
    outlet on one host falls in one shard and one fetcher alone talks to that host."""
    for url in (*outlet.feeds, *outlet.sitemaps, outlet.homepage or ""):
        netloc = urlsplit(url).netloc.lower()
        if netloc:
            return netloc[4:] if netloc.startswith("www.") else netloc
    return outlet.id


def in_shard(outlet: Outlet, shard: tuple[int, int] | Literal["auto"] | None) -> bool:
    """Whether ``outlet`` belongs to shard K of N (a stable hash of :func:`shard_key`, the same on every
    machine and every run); every outlet may be taken with ``auto``."""
    if shard is None or shard == "auto":
        return True
    k, n = shard
    digest = hashlib.sha1(shard_key(outlet).encode("utf-8")).hexdigest()
    return int(digest, 16) % n == k - 1


def run_fetch(
    sources: Sources, store: Store, options: FetchOptions, progress: Progress | None = None, report: FetchReport | None = None
) -> FetchReport:
    """Fetch every selected outlet into ``store`` with ``options`` as given (its HTTP settings included).
    ``report`` (if given) is filled in as the run goes, so a caller interrupted by Ctrl-C still knows how
    far it got."""
    outlets = [o for o in select_outlets(sources, options.outlets) if in_shard(o, options.shard)]
    if report is None:
        report = FetchReport(outlets=[], started=datetime.now(UTC))
    queue = None
    if options.shard == "auto":  # the outlets this fetcher takes are reported as it takes them
        queue = store.host_queue([shard_key(o) for o in outlets], options.lease)
        report.outlets[:] = []
    else:
        report.outlets[:] = [OutletReport(o.id, o.name) for o in outlets]
    runner = _Run(sources, store, options, progress or _NoProgress(), report)
    try:
        store.sync_outlets(sources.outlets)
        asyncio.run(runner.all(outlets, queue))
    finally:
        if queue is not None:
            queue.close()
            order = {o.id: i for i, o in enumerate(outlets)}
            report.outlets.sort(key=lambda r: order[r.outlet])
        report.finished = datetime.now(UTC)
    return report


def _count_written(
    batch: Sequence[tuple[Article, list[str], OutletReport, asyncio.Future[tuple[int, bool]]]],
    results: Sequence[tuple[int, bool] | BaseException],
) -> None:
    """Each article of a written batch counts as new (with its claims) or unchanged in its outlet's report."""
    for (article, _, rep, _), result in zip(batch, results, strict=True):
        if isinstance(result, BaseException):
            continue
        if result[1]:
            rep.new += 1
            rep.claims += len(article.claims)
        else:
            rep.unchanged += 1


class _Run:
    def __init__(
        self, sources: Sources, store: Store, options: FetchOptions, progress: Progress, report: FetchReport
    ) -> None:
        self.sources = sources
        self.store = store
        self.options = options
        self.progress = progress
        self.report = report
        self.aliases = sources.alias_map()
        self.db_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="claimcheck-db")
        self.pending: list[tuple[Article, list[str], OutletReport, asyncio.Future[tuple[int, bool]]]] = []
        self.writer: asyncio.Task[None] | None = None
        self.backlog = asyncio.Semaphore(MAX_BACKLOG)
        self.in_progress = 0  # pages being downloaded or extracted (a write need not wait when none is)
        self.incomplete: set[str] = set()  # outlets with an entry left for a later run (a transient failure)
        # An outlet's pages downloading or being extracted at once, per connection its host allows (see
        # _pages); twice as many with --shard auto, where a few hosts at a time must fill the backlog.
        self.page_slots = 4 if options.shard == "auto" else 2
        # What the run is doing now, for CLAIMCHECK_FETCH_TRACE (claimcheck.ingest.trace): cheap counters.
        self.downloading = 0  # pages downloading
        self.queued = 0  # pages waiting for a place in the backlog
        self.pages_left = 0  # pages of the feeds read so far not yet done (stored, skipped or failed)
        self.unstarted = 0  # pages of the feeds read so far not yet started
        self.listed = 0  # outlets whose feeds have been read, and their pages to fetch (for _supply)
        self.listed_pages = 0
        self.short = True  # the pages in hand were too few at the last look (see _ran_short)
        self.queue_empty: tuple[float, int, int, int] | None = None  # when the queue first ran out, and what was left
        self.feeds_open = 0  # outlets reading their feeds (no page started yet)
        self.claiming = False  # taking a host from the queue
        self.end_wait = False  # nothing left to take: waiting for another fetcher's hosts
        self.writing = False  # a batch of articles being written
        self.hosts_held = 0
        self.lost: set[str] = set()  # --shard auto: hosts another fetcher took from this one (HostQueue.lost)
        self.claims: dict[str, int] = {}  # --shard auto: times each host was taken in this run
        self.holding: dict[str, asyncio.Task[None]] = {}  # --shard auto: host -> its task, while it runs
        self.unstarted_at: Counter[str] = Counter()  # host -> its pages not yet started
        self.giving: set[str] = set()  # hosts being given to a fetcher out of work
        self.wake = asyncio.Event()  # --shard auto: the pool runs short of pages, or a host's feeds are read

    async def all(self, outlets: list[Outlet], queue: HostQueue | None = None) -> None:
        from claimcheck.ingest.jobs import release_big_blocks

        release_big_blocks()  # page bodies go back to the system when freed (jobs.MMAP_THRESHOLD)
        deadline = self.options.extract_timeout or float(self.sources.defaults.extract_timeout)
        self.extractor = Dispatcher(worker_count(self.options.workers), self.aliases, deadline, start_now=False)
        self.extractor.start()  # while the feeds download
        path = trace.wanted()
        tracer = trace.FetchTrace(self, path) if path else None
        try:
            async with Http(self.options.settings) as http:
                self.http = http
                http.pacer = self._pace
                if queue is not None:
                    await self.shared(outlets, queue)
                else:
                    await asyncio.gather(
                        *(self.outlet(o, r) for o, r in zip(outlets, self.report.outlets, strict=True))
                    )
        finally:
            if tracer is not None:
                tracer.stop()
            self.extractor.shutdown()
            self.db_thread.shutdown(wait=True)

    async def shared(self, outlets: list[Outlet], queue: HostQueue) -> None:
        """``--shard auto``: take hosts one at a time from the round's queue and fetch their outlets.
        Another host is taken only when the pages in hand cannot keep the extraction pool fed (see
        :meth:`_hungry`), with two hosts at least whose pages are still being started, and at most enough
        to keep ``concurrency`` requests busy at ``per_host`` each. So a fetcher holds no more hosts than
        it needs: a faster one takes more, the others' share stays in the queue, and when the queue runs
        out each fetcher has only the pages of the few hosts it was working on left (with 8 hosts taken
        whether needed or not, one fetcher of two idled 0.1-3.9 s at the end of a 2,000-page round while
        the other finished its hosts: bench/README.md). When the queue is empty but another fetcher still holds a host, this
        one waits for it to be done or for its lease to run out (its holder died), then takes it."""
        groups: dict[str, list[Outlet]] = {}
        for o in outlets:
            groups.setdefault(shard_key(o), []).append(o)
        settings = self.options.settings
        width = max(2, -(-settings.concurrency // max(1, settings.per_host)))
        loop = asyncio.get_running_loop()
        feeding: set[asyncio.Future[Any]] = set()  # hosts still starting pages
        hosts: set[asyncio.Task[None]] = set()  # hosts taken and not yet done
        waiting: asyncio.Future[None] | None = None  # a thread waiting for another fetcher's release
        self.extractor.on_drain = self.wake.set
        self.lost = queue.lost
        try:
            while True:
                left: float | None = None
                empty = False
                self.wake.clear()
                while len(feeding) < width and (len(feeding) < 2 or self._hungry()):
                    self.claiming = True
                    try:
                        host, left = await loop.run_in_executor(None, queue.claim)
                    finally:
                        self.claiming = False
                    if host is None:
                        empty = True
                        if self.queue_empty is None:  # for CLAIMCHECK_FETCH_TRACE: the round's tail
                            self.queue_empty = (time.perf_counter(), self.pages_left, len(hosts), self.feeds_open)
                        break
                    self.claims[host] = self.claims.get(host, 0) + 1
                    starting, task = self._host(host, groups[host], queue)
                    feeding.add(starting)
                    hosts.add(task)
                for errored in [t for t in hosts if t.done()]:
                    hosts.discard(errored)
                    errored.result()  # a host's error that is not a page's own (a store error) ends the run
                self.hosts_held = len(hosts)
                if empty and left is None and not hosts:
                    return
                self.end_wait = empty and left is not None
                watch: set[asyncio.Future[Any]] = {*feeding, *hosts}
                woken = None
                if not empty and len(feeding) < width:  # another host may be wanted before one is done
                    woken = asyncio.ensure_future(self.wake.wait())
                    watch.add(woken)
                if empty and left is not None:
                    if waiting is None or waiting.done():
                        waiting = loop.run_in_executor(None, queue.wait, min(left + 0.05, 1.0))
                    watch.add(waiting)
                tick = None
                if len(self.holding) > 1:  # a fetcher out of work (the queue is empty) may want one of them
                    tick = asyncio.ensure_future(asyncio.sleep(GIVE_TICK))
                    watch.add(tick)
                if watch:
                    await asyncio.wait(watch, return_when=asyncio.FIRST_COMPLETED)
                if woken is not None:
                    woken.cancel()
                if tick is not None:
                    if tick.done():
                        await self._give(queue)
                    tick.cancel()
                feeding = {f for f in feeding if not f.done()}
        except BaseException:
            for task in hosts:
                task.cancel()
            await asyncio.gather(*hosts, return_exceptions=True)
            raise
        finally:
            if waiting is not None:
                with contextlib.suppress(BaseException):
                    await waiting  # at most one wait's timeout; its connection is closed after

    @contextlib.asynccontextmanager
    async def _backlog(self) -> AsyncIterator[None]:
        """A place in the run's backlog of pages downloading or being extracted; ``queued`` counts the
        pages waiting for one (pages in hand that the pipeline has no room for yet)."""
        self.queued += 1
        try:
            await self.backlog.acquire()
        finally:
            self.queued -= 1
            self._ran_short()
        try:
            yield
        finally:
            self.backlog.release()

    def _supply(self) -> float:
        """Pages in hand that have no place in the backlog yet: not started, waiting for a place, and
        those the feeds being read will bring (as many per outlet as this run's feeds have brought)."""
        per_outlet = self.listed_pages / self.listed if self.listed else 0.0
        return self.unstarted + self.queued + self.feeds_open * per_outlet

    def _ran_short(self) -> None:
        """After the pages in hand changed: wake :meth:`shared` when they have just become too few."""
        short = self._supply() < MAX_BACKLOG
        if short and not self.short:
            self.wake.set()
        self.short = short

    def _hungry(self) -> bool:
        """Whether the pages in hand cannot keep the pipeline fed: fewer of them wait outside the backlog
        than it holds (``MAX_BACKLOG``), or the extraction pool has run dry (no page waiting, a worker
        about to idle: the hosts in hand give pages too slowly, by latency, ``delay`` or ``per_host``)
        while no feed is being read (one new host at a time, not a burst). So feeds with few new entries
        (a run from cron) make the fetcher take hosts as fast as it reads their feeds, up to the width,
        and pages that come faster than the pool extracts them make it take no more than it needs."""
        return self._supply() < MAX_BACKLOG or (not self.feeds_open and self.extractor.starving())

    async def _give(self, queue: HostQueue) -> None:
        """At the end of the round, when another fetcher is out of work: give it the host with the most
        pages not yet started (``GIVE_MIN`` at least), keeping the others. The host's pages under way
        finish here first (one fetcher per host at a time); then it goes back to the round, where this
        fetcher no longer takes it. A fetcher with one host left gives none (it would only swap places)."""
        mine = [h for h in self.holding if h not in self.giving]
        if len(mine) < 2:
            return
        host = max(mine, key=lambda h: self.unstarted_at[h])
        if self.unstarted_at[host] < GIVE_MIN:
            return
        if await asyncio.get_running_loop().run_in_executor(None, queue.out_of_work):
            self.giving.add(host)

    def _host(
        self, host: str, outlets: list[Outlet], queue: HostQueue
    ) -> tuple[asyncio.Future[Any], asyncio.Task[None]]:
        """Fetch the outlets of ``host`` (taken from ``queue``), then mark it done in the round. Returns a
        future that ends once every page of the host has been started, and the host's task."""
        reps = [OutletReport(o.id, o.name) for o in outlets]
        self.report.outlets.extend(reps)
        started = [asyncio.Event() for _ in outlets]
        turn = self.claims[host]

        def lost() -> str | None:  # why this fetcher starts no more of the host's pages, if it does not
            if host in self.giving:
                return GIVEN
            if host in self.lost or self.claims[host] != turn:  # another fetcher took it from this one
                return LEASE_LOST
            return None

        async def run() -> None:
            try:
                await asyncio.gather(
                    *(self.outlet(o, r, e, lost) for o, r, e in zip(outlets, reps, started, strict=True))
                )
            finally:
                for e in started:
                    e.set()
                if self.holding.get(host) is task:
                    del self.holding[host]
            why = lost()
            if why == GIVEN:
                await asyncio.get_running_loop().run_in_executor(None, queue.give_back, host)
            elif why is None:  # a lost host is its new holder's to mark done
                await asyncio.get_running_loop().run_in_executor(None, queue.done, host)

        task = asyncio.ensure_future(run())
        self.holding[host] = task
        return asyncio.ensure_future(asyncio.gather(*(e.wait() for e in started))), task

    async def db(self, fn: Callable[..., T], *args: Any) -> T:
        try:
            return await asyncio.get_running_loop().run_in_executor(self.db_thread, fn, *args)
        except StoreError:
            raise
        except Exception as e:  # reads outside the store's writes (a corrupt page found late, a lost server)
            error = self.store.store_error(e)
            if error is None:
                raise
            raise error from None

    async def _pace(self, host: str, delay: float) -> float | None:
        """Seconds to wait before the next request on ``host``, reserved in the store when it shares
        pacing between fetchers (PostgreSQL); None: the client paces this run alone."""
        return await asyncio.get_running_loop().run_in_executor(None, self.store.host_slot, host, delay)

    async def _store(self, article: Article, keys: list[str], rep: OutletReport) -> tuple[int, bool]:
        """Store an article, in a batch with those that arrive within ``BATCH_WAIT`` or while a write is
        under way (one transaction and one hand-over to the database thread per batch, not per article;
        each article still all or nothing). ``rep`` counts it as new or unchanged once it is written."""
        done: asyncio.Future[tuple[int, bool]] = asyncio.get_running_loop().create_future()
        self.pending.append((article, keys, rep, done))
        if self.writer is None or self.writer.done():
            self.writer = asyncio.ensure_future(self._write_pending())
        return await done

    async def _write_pending(self) -> None:
        while self.pending:
            if len(self.pending) < MAX_BATCH and self.in_progress:
                await asyncio.sleep(BATCH_WAIT)  # more may come: let a batch gather (pages arrive every few ms)
            batch, self.pending = self.pending[:MAX_BATCH], self.pending[MAX_BATCH:]
            write = asyncio.ensure_future(self.db(self.store.add_articles, [(a, k) for a, k, *_ in batch]))
            self.writing = True
            write.add_done_callback(lambda _: setattr(self, "writing", False))
            try:
                results = await asyncio.shield(write)
            except asyncio.CancelledError:
                # Stopped (Ctrl-C, SIGTERM) while the database thread writes this batch: the write goes on
                # to its commit, so wait for it and count what it stored; the stop summary must be true.
                with contextlib.suppress(BaseException):
                    _count_written(batch, await write)
                for *_, done in batch:
                    done.cancel()
                raise
            except Exception as e:  # noqa: BLE001 - the whole batch failed (disk full): each page hears why
                fail_futures([done for *_, done in batch], e)
                continue
            _count_written(batch, results)
            settle_futures([done for *_, done in batch], results)

    async def outlet(
        self,
        outlet: Outlet,
        rep: OutletReport,
        started: asyncio.Event | None = None,
        lost: Callable[[], str | None] | None = None,
    ) -> None:
        """Fetch one outlet's feeds and new pages; ``started`` (if given) is set once every page of it has
        been started (or there is none); ``lost`` (if given) says when its host is no longer this
        fetcher's (``--shard auto``): no more of its pages are started."""
        try:
            await self._outlet(outlet, rep, started, lost)
        finally:
            if started is not None:
                started.set()

    async def _outlet(
        self,
        outlet: Outlet,
        rep: OutletReport,
        started: asyncio.Event | None,
        lost: Callable[[], str | None] | None,
    ) -> None:
        feeds = [*outlet.feeds, *outlet.sitemaps]
        if not feeds:
            rep.reasons["no feeds configured"] += 1
            return
        access = private_access(outlet, self.options.allow_private)
        self.feeds_open += 1
        try:
            results = await asyncio.gather(*(self.feed(outlet, rep, url, access) for url in feeds))
            entries: list[FeedEntry] = []
            seen_links: set[str] = set()
            for batch, _ in results:
                for e in batch:
                    if e.link not in seen_links:
                        seen_links.add(e.link)
                        entries.append(e)
            rep.entries = len(entries)
            keyed = [(e, _keys(e)) for e in entries]
            known = await self.db(self.store.seen_entries, outlet.id, [k for _, ks in keyed for k in ks])
        finally:
            self.feeds_open -= 1
            self.wake.set()  # its pages are known now: the pages in hand may be too few
        todo = [(e, ks) for e, ks in keyed if not (set(ks) & known)]
        rep.unchanged += len(entries) - len(todo)
        self.pages_left += len(todo)
        self.listed += 1
        self.listed_pages += len(todo)
        self.progress.add(outlet.id, len(todo))
        await self._pages(outlet, rep, todo, access, started, lost)
        # The validators say "every entry of this version of the feed is handled": saved only now, and
        # only when no entry was left for a later run. A fetch killed before this point, or one with a
        # page that failed for now, gets the whole feed again next time instead of a 304.
        if outlet.id not in self.incomplete:
            for url, (_, validators) in zip(feeds, results, strict=True):
                if validators is not None:
                    await self.db(self._save_feed, outlet.id, url, validators[0], None, *validators[1:])

    async def feed(
        self, outlet: Outlet, rep: OutletReport, url: str, access: PrivateAccess
    ) -> tuple[list[FeedEntry], tuple[int, str | None, str | None] | None]:
        """The feed's selected entries, and (status, ETag, Last-Modified) to save once they are handled."""
        etag, modified = await self.db(self.store.feed_state, outlet.id, url)
        try:
            resp = await self.http.get(url, etag=etag, last_modified=modified, allow_private=access)
            if resp.status == 304:
                rep.feeds_unchanged += 1
                await self.db(self._save_feed, outlet.id, url, 304, None, None, None)
                return [], None
            parsed = await self._parse_feed(resp.body, resp.url, resp.content_type)
            entries = list(parsed.entries)
            children, all_children = await self._children(parsed, access)
            entries += children
            if not entries and parsed.skipped:
                raise FeedParseError(f"feed entries have no links ({parsed.skipped} skipped)")
            if not entries:
                raise FeedParseError("empty feed (no entries)")
            rep.skipped += parsed.skipped
        except (FetchError, FeedParseError) as e:
            reason = _short(e)
            rep.fail(f"feed: {reason}", feed=True)
            status = e.status if isinstance(e, FetchError) else None
            await self.db(self._save_feed, outlet.id, url, status, reason, None, None)
            return [], None
        rep.feeds_ok += 1
        now = datetime.now(UTC)
        entries = [replace(e, published=None) if not not_in_future(e.published, now) else e for e in entries]
        selected = self._select(entries)
        # The validators say "you have seen this feed": true only when every entry was considered. After
        # --limit or --since left some out, or a child sitemap could not be read, the next run must get the
        # whole feed again, not a 304.
        complete = len(selected) == len(entries) and all_children
        etag, modified = (resp.headers.get("etag"), resp.headers.get("last-modified")) if complete else (None, None)
        await self.db(self._save_feed, outlet.id, url, resp.status, None, None, None)
        return selected, ((resp.status, etag, modified) if etag or modified else None)

    async def _parse_feed(self, body: bytes, url: str, content_type: str | None) -> ParsedFeed:
        """Parse in the extraction pool (feedparser is CPU work, and the pool is idle while feeds come in);
        in a thread of this process while the pool is still starting."""
        parsed: ParsedFeed = await self.extractor.call(parse_feed, body, url, content_type)
        return parsed

    def _save_feed(
        self, outlet: str, url: str, status: int | None, error: str | None, etag: str | None, modified: str | None
    ) -> None:
        self.store.save_feed_state(outlet, url, status=status, error=error, etag=etag, last_modified=modified)

    async def _children(self, parsed: ParsedFeed, access: PrivateAccess) -> tuple[list[FeedEntry], bool]:
        """Entries of a sitemap index's newest child sitemaps, and whether every one of them was read."""
        out: list[FeedEntry] = []
        every = True
        for child in parsed.sitemaps[:MAX_CHILD_SITEMAPS]:
            try:
                resp = await self.http.get(child, allow_private=access)
                out += (await self._parse_feed(resp.body, resp.url, resp.content_type)).entries
            except (FetchError, FeedParseError) as e:
                every = every and isinstance(e, FetchError) and e.permanent
        return out, every

    def _select(self, entries: list[FeedEntry]) -> list[FeedEntry]:
        if self.options.since:
            entries = [e for e in entries if e.published is None or e.published >= self.options.since]
        if self.options.limit is not None:
            entries = sorted(entries, key=lambda e: e.published or datetime.min.replace(tzinfo=UTC), reverse=True)
            entries = entries[: self.options.limit]
        return entries

    async def _pages(
        self,
        outlet: Outlet,
        rep: OutletReport,
        todo: list[tuple[FeedEntry, list[str]]],
        access: PrivateAccess,
        started: asyncio.Event | None = None,
        lost: Callable[[], str | None] | None = None,
    ) -> None:
        """The outlet's pages, in feed order, at most twice its host's connections downloading or being
        extracted at once: pages wait for their host's few connections without holding a backlog slot, so
        the backlog never fills with one outlet's queue (head-of-line blocking made 2,000 light pages take
        31 s instead of ~12). A page's task starts only when it gets a slot (a task per page from the start
        held ~4 MiB for 2,000 pages, #14); it frees the slot before its article waits for the write. The
        first error that is not a page's own (a store error) is raised, as ``gather`` would."""
        slots = asyncio.Semaphore(self.page_slots * max(1, self.options.settings.per_host))
        running: set[asyncio.Task[None]] = set()
        errors: list[BaseException] = []
        waiting = len(todo)  # not started yet (counted in self.unstarted and self.unstarted_at)
        host = shard_key(outlet)
        self.unstarted += waiting
        self.unstarted_at[host] += waiting

        def done(task: asyncio.Task[None]) -> None:
            running.discard(task)
            error = None if task.cancelled() else task.exception()
            if error is not None:
                errors.append(error)

        try:
            for entry, keys in todo:
                await slots.acquire()
                if errors:
                    break
                why = lost() if lost is not None else None
                if why is not None:  # another fetcher has the host now, or will: it fetches the rest
                    rep.reasons[why] += 1
                    self.incomplete.add(outlet.id)
                    slots.release()
                    break
                waiting -= 1
                self.unstarted -= 1
                self.unstarted_at[host] -= 1
                self._ran_short()
                task = asyncio.ensure_future(self.page(outlet, rep, entry, keys, access, slots.release))
                running.add(task)
                task.add_done_callback(done)
            self.unstarted -= waiting  # those left out (an error, a host lost or given)
            self.unstarted_at[host] -= waiting
            waiting = 0
            self._ran_short()
            if started is not None:
                started.set()
            if running:
                await asyncio.wait(running)
        except asyncio.CancelledError:  # stopped (Ctrl-C): the pages under way stop too, as gather's would
            for task in list(running):
                task.cancel()
            raise
        finally:
            self.unstarted -= waiting
            self.unstarted_at[host] -= waiting
        if errors:
            raise errors[0]

    async def page(
        self,
        outlet: Outlet,
        rep: OutletReport,
        entry: FeedEntry,
        keys: list[str],
        access: PrivateAccess,
        leave: Callable[[], None] | None = None,
    ) -> None:
        """Fetch, extract and store one entry's page; a failure for now (a timeout, a 5xx...) marks the outlet
        incomplete, so that its feed's validators are not saved and the entry is tried again next run.
        ``leave`` is called once the page is downloaded and extracted (or failed at that)."""
        try:
            self.in_progress += 1
            try:
                async with self._backlog():  # an outlet's runners (see outlet) first, then the run's backlog
                    self.downloading += 1
                    try:
                        resp = await self.http.get(entry.link, allow_private=access)
                    finally:
                        self.downloading -= 1
                    if _front_page(resp.url):  # the front page's teasers are no article (nor its claims)
                        why = FRONT_PAGE if _front_page(entry.link) else REDIRECTED_FRONT_PAGE
                        raise FetchError(why, entry.link, permanent=True)
                    try:
                        # the feed's date spares the worker htmldate's search when the page's tags have none
                        page, claims = await self.extractor.page(
                            resp.body, resp.url, resp.content_type, entry.published
                        )
                    except NoArticleText as e:
                        raise FetchError(str(e), entry.link, permanent=True) from None
                    except ValueError as e:  # another parser's complaint: the page may read better next time
                        raise FetchError(str(e) or "no article text", entry.link, permanent=not str(e)) from None
                    url = resp.url
                    del resp  # the body is not kept while the article waits for its write
            finally:
                self.in_progress -= 1
                if leave is not None:
                    leave()
            # the text, then the page's declaration decided in the worker; the outlet's setting comes last
            language = page.language or primary(outlet.language)
            if not is_english(language):
                claims = []  # an outlet configured in another language, its page saying nothing (#12)
            article = Article(
                outlet=outlet.id,
                url=url,
                canonical_url=canonical(page.canonical_url, url),
                title=page.title or entry.title or clean_text(page.text, 120),
                text=page.text,
                content_hash=content_hash(page.text),
                fetched=datetime.now(UTC),
                author=page.author or entry.author,
                published=not_in_future(page.published, datetime.now(UTC)) or entry.published,
                claims=tuple(claims),
                language=language,
            )
            await self._store(article, keys, rep)
        except FetchError as e:
            rep.fail(_short(e))
            if e.permanent:
                await self.db(self.store.mark_entries, outlet.id, keys, entry.link, "failed: " + e.reason)
            else:
                self.incomplete.add(outlet.id)
        finally:
            self.pages_left -= 1
            self.progress.advance(outlet.id)


def private_access(outlet: Outlet, opt_in: bool = False) -> PrivateAccess:
    """The private or loopback hosts this outlet's requests may reach: the hosts of its own feeds and
    sitemaps when it opted in (``allow_private: true`` or ``--allow-private``), plus the hosts it lists
    in ``allow_private_hosts``; nothing otherwise."""
    own = [*outlet.feeds, *outlet.sitemaps] if (opt_in or outlet.allow_private) else []
    return PrivateAccess.of(own, outlet.allow_private_hosts)


LEASE_LOST = "host taken over by another fetcher (this one was cut off longer than --lease)"
GIVEN = "host given to a fetcher out of work, which fetches the rest"
FRONT_PAGE = "the site's front page, not an article"
REDIRECTED_FRONT_PAGE = "redirected to the site's front page (article gone?)"  # an expired article, often


def _front_page(url: str) -> bool:
    """Whether the URL is a site's root ("/", no query): a news site's front page, never one article."""
    parts = urlsplit(url)
    return parts.path in ("", "/") and not parts.query


def _keys(e: FeedEntry) -> list[str]:
    return list(dict.fromkeys(k for k in (e.guid, e.link) if k))


def _short(e: Exception) -> str:
    return clean_text(str(getattr(e, "reason", None) or e), 80)


TRACKING = ("utm_", "at_", "maca", "cmpid", "ocid", "fbclid", "gclid", "mc_", "smid", "ref")


def canonical(declared: str | None, final_url: str) -> str:
    """The article's canonical URL: the page's own claim when it stays on the same site, else the URL
    fetched; tracking parameters and fragments removed either way.

    A page may not claim another site's URL as its canonical one: that would make it a "duplicate" of
    an article it is not; nor its site's front page (a template's default), which made every article of
    the site a duplicate of the first; nor a section page above it (see :func:`_section_above`).
    """
    url = final_url
    if (
        declared
        and is_fetchable(declared)
        and _site(declared) == _site(final_url)
        and not _front_page(declared)
        and not _section_above(declared, final_url)
    ):
        url = declared
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not k.lower().startswith(TRACKING)]
    return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path or "/", urlencode(query), ""))


_AMP = re.compile(r"amp(?:\.html?)?/?", re.IGNORECASE)  # an AMP page's last segment: /story/amp, /story/amp/


def _section_above(declared: str, url: str) -> bool:
    """Whether ``declared`` is a page higher up the path than ``url`` (``/politics/`` above
    ``/politics/2025/story``): a section page a template names as every article's canonical URL, which made
    each article after the first a duplicate of the first. An AMP page's canonical (the article above it,
    ``/story`` for ``/story/amp``) is not one."""
    d, u = urlsplit(declared), urlsplit(url)
    base = d.path.rstrip("/") + "/"
    if d.query or not u.path.startswith(base):
        return False
    rest = u.path[len(base) :]
    return bool(rest.strip("/")) and not _AMP.fullmatch(rest)


def _site(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host

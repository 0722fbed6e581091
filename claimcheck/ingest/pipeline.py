"""The fetch pipeline: feeds -> new entries -> pages -> text and claims (process pool) -> store.

A failing outlet never stops the others; every failure is counted with a short reason in that outlet's
:class:`OutletReport`. Beside this module: ``records`` (the run's options and report), ``shard`` (which
outlets a fetcher takes: ``--shard K/N``, ``--shard auto``), ``writes`` (the database thread, articles
written in batches), ``canonical`` (the URL an article is stored under).
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections import Counter
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from claimcheck.claims.language import is_english, primary
from claimcheck.errors import FeedParseError, FetchError, NoArticleText
from claimcheck.ingest import trace
from claimcheck.ingest.canonical import bare_link, canonical, entry_keys, front_page
from claimcheck.ingest.decode import clip, not_in_future, published_for
from claimcheck.ingest.guard import PrivateAccess
from claimcheck.ingest.http import Http
from claimcheck.ingest.jobs import parse_feed  # feedparser loads where feeds are parsed: in the workers
from claimcheck.ingest.pool import Dispatcher, worker_count
from claimcheck.ingest.records import (
    LEASE,
    NO_TEXT_RUNS,
    FetchOptions,
    FetchReport,
    NoProgress,
    OutletReport,
    Progress,
)
from claimcheck.ingest.settings import FetchSettings
from claimcheck.ingest.shard import GIVEN, LEASE_LOST, SharedHosts, in_shard, queue_keys, shard_key
from claimcheck.ingest.writes import STOP_WAIT, ArticleWriter
from claimcheck.models import Article, Claim, ExtractedPage, FeedEntry, Outlet, ParsedFeed, Sources
from claimcheck.store import HostQueue, Store, content_hash, retry_status
from claimcheck.values import echoed

__all__ = [  # the names callers import from here (some live beside it now)
    "GIVEN",
    "LEASE",
    "LEASE_LOST",
    "FetchOptions",
    "FetchReport",
    "OutletReport",
    "Progress",
    "canonical",
    "fetch",
    "in_shard",
    "private_access",
    "run_fetch",
    "select_outlets",
    "shard_key",
]

MAX_CHILD_SITEMAPS = 3
T = TypeVar("T")
Downloaded = tuple[ExtractedPage, list[Claim], str]  # a page's extraction, its claims and its final URL
# Pages downloaded and not yet extracted, at most (a download waits for room). Pages arrive faster than
# two cores extract them (16 downloads in flight at 50 ms: ~300 pages/s; extraction: ~60): unbounded,
# a 2,000-page fetch held every page body at once (545 MB for the process tree, #14). 32 pages: the
# downloads in flight (16) and as many waiting for the pool, 0.15 s of its work on 2 cores, three times
# the 50 ms a download takes (64: the fetching process at 85 MiB instead of 74, 400 real pages).
MAX_BACKLOG = 32


def select_outlets(sources: Sources, ids: Sequence[str]) -> list[Outlet]:
    """The outlets to fetch: the named ones (even if disabled), else every enabled one."""
    if ids:
        from claimcheck.errors import UsageError

        unknown = [i for i in ids if sources.outlet(i) is None]
        if unknown:
            known = ", ".join(o.id for o in sources.outlets[:20])
            raise UsageError(f"unknown outlet {echoed(unknown[0])} (known: {known})")
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
        queue = store.host_queue(list(queue_keys(outlets).values()), options.lease)
        report.outlets[:] = []
    else:
        report.outlets[:] = [OutletReport(o.id, o.name) for o in outlets]
    runner = _Run(sources, store, options, progress or NoProgress(), report)
    try:
        store.sync_outlets(sources.outlets)
        asyncio.run(runner.all(outlets, queue))
    finally:
        if queue is not None:
            queue.close()
            order = {o.id: i for i, o in enumerate(outlets)}
            report.outlets.sort(key=lambda r: order[r.outlet])
        if runner.watchdog is not None:
            runner.watchdog.cancel()
        report.finished = datetime.now(UTC)
    return report


def _stop_watchdog(store: Store, queue: HostQueue | None) -> threading.Timer:
    """After a stop (Ctrl-C, SIGTERM): if the run has not ended STOP_WAIT seconds later, a call on the database
    is stuck (a PostgreSQL server that stopped answering: no reset ever comes, and the stop waited for ever
    on the database thread, the --shard auto queue's calls and its giving back); the store's and the queue's
    connections are then interrupted, so those calls fail and the stop ends. What was committed is kept."""

    def interrupt() -> None:
        store.interrupt()
        if queue is not None:
            queue.interrupt()

    timer = threading.Timer(STOP_WAIT, interrupt)
    timer.daemon = True
    timer.start()
    return timer



class _Run(SharedHosts):
    """One fetch run: its outlets' feeds and pages, through the extraction pool, into the store."""

    def __init__(
        self, sources: Sources, store: Store, options: FetchOptions, progress: Progress, report: FetchReport
    ) -> None:
        self.sources = sources
        self.store = store
        self.options = options
        self.progress = progress
        self.report = report
        self.aliases = sources.alias_map()
        self.in_progress = 0  # pages being downloaded or extracted (a write need not wait when none is)
        self.writes = ArticleWriter(store, lambda: self.in_progress > 0)
        self.watchdog: threading.Timer | None = None  # started by a stop (see _stop_watchdog)
        self.backlog_size = MAX_BACKLOG
        self.backlog = asyncio.Semaphore(MAX_BACKLOG)
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
        self.hosts_held = 0
        self.lost: set[str] = set()  # --shard auto: hosts another fetcher took from this one (HostQueue.lost)
        self.claims: dict[str, int] = {}  # --shard auto: times each host was taken in this run
        self.holding: dict[str, asyncio.Task[None]] = {}  # --shard auto: host -> its task, while it runs
        self.unstarted_at: Counter[str] = Counter()  # host -> its pages not yet started
        self.keys: dict[str, str] = {}  # outlet id -> its unit of --shard auto's queue (queue_keys)
        self.giving: set[str] = set()  # hosts being given to a fetcher out of work
        self.wake = asyncio.Event()  # --shard auto: the pool runs short of pages, or a host's feeds are read
        # A page's download and extraction under way or done, by (bare link, private access), while another
        # outlet listing it has still to take it, and how many outlets' pages to come list it (_shared_download)
        self.downloads: dict[tuple[str, PrivateAccess], asyncio.Future[Downloaded]] = {}
        self.listed_by: Counter[tuple[str, PrivateAccess]] = Counter()

    async def all(self, outlets: list[Outlet], queue: HostQueue | None = None) -> None:
        from claimcheck.ingest.jobs import release_big_blocks

        release_big_blocks()  # page bodies go back to the system when freed (jobs.MMAP_THRESHOLD)
        self.keys = queue_keys(outlets)  # each outlet's unit of --shard auto's queue (its host's, in effect)
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
        except (asyncio.CancelledError, KeyboardInterrupt):
            self.writes.stopping = True  # the database thread is waited for a bounded time (writes.STOP_WAIT)
            if self.watchdog is None:
                self.watchdog = _stop_watchdog(self.store, queue)
            raise
        finally:
            if tracer is not None:
                tracer.stop()
            self.extractor.shutdown()
            self.writes.shutdown()

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

    async def db(self, fn: Callable[..., T], *args: Any) -> T:
        return await self.writes.db(fn, *args)

    @property
    def pending(self) -> int:  # articles waiting for their write (for CLAIMCHECK_FETCH_TRACE)
        return len(self.writes.pending)

    @property
    def writing(self) -> bool:  # a batch of articles being written (for CLAIMCHECK_FETCH_TRACE)
        return self.writes.writing

    async def _pace(self, host: str, delay: float) -> float | None:
        """Seconds to wait before the next request on ``host``, reserved in the store when it shares
        pacing between fetchers (PostgreSQL); None: the client paces this run alone."""
        return await asyncio.get_running_loop().run_in_executor(None, self.store.host_slot, host, delay)

    async def _store(self, article: Article, keys: list[str], rep: OutletReport) -> tuple[int, bool]:
        """Store an article in the next batch (:meth:`ArticleWriter.store_article`)."""
        return await self.writes.store_article(article, keys, rep)

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
        # A feed the outlet lists twice (pasted twice in sources.yaml) is read once: it was asked for once per
        # listing on every run, for the same entries.
        feeds = list(dict.fromkeys([*outlet.feeds, *outlet.sitemaps]))
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
                for e in batch:  # one page listed by two feeds (with their own tracking parameters) is one entry
                    if (link := bare_link(e.link)) not in seen_links:
                        seen_links.add(link)
                        entries.append(e)
            rep.entries = len(entries)
            keyed = [(e, entry_keys(e)) for e in entries]
            known = await self.db(self.store.seen_entries, outlet.id, [k for _, ks in keyed for k in ks])
        finally:
            self.feeds_open -= 1
            self.wake.set()  # its pages are known now: the pages in hand may be too few
        todo = [(e, ks) for e, ks in keyed if not (set(ks) & known)]
        for e, _ in todo:  # (a page another outlet lists too is downloaded once: see _shared_download)
            self.listed_by[(bare_link(e.link), access)] += 1
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
            children, all_children, read = await self._children(parsed, access)
            entries += children
            if not entries and parsed.skipped:
                raise FeedParseError(f"feed entries have no links ({parsed.skipped} skipped)")
            if not entries and parsed.sitemaps and not read:
                raise FeedParseError("sitemap index: its child sitemaps could not be read")
            rep.skipped += parsed.skipped
            rep.capped += parsed.capped
            # A valid feed with no entries (a news sitemap holds the last two days only, a section feed on
            # a quiet day) is the publisher's state, not a fault: said in the summary, not a failure
            rep.empty_feeds += not entries
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
        if body[:2] == b"\x1f\x8b":  # a gzip file (sitemap.xml.gz), not a gzip coding: ours to undo
            from claimcheck.ingest.body import gunzip_capped

            body = gunzip_capped(body, self.http.s.max_bytes, url)
        try:
            parsed: ParsedFeed = await self.extractor.call(parse_feed, body, url, content_type)
        except (FetchError, FeedParseError):  # the pool's own, and a body that is no feed: said as they are
            raise
        except Exception as e:
            # An error nobody foresaw, met on this one hostile feed (a parser's or ours): the feed fails alone,
            # saying so, as a page does (_page); the run and the other outlets go on. Ctrl-C still stops it.
            raise FeedParseError(f"could not read the feed (internal error: {type(e).__name__})") from None
        return parsed

    def _save_feed(
        self, outlet: str, url: str, status: int | None, error: str | None, etag: str | None, modified: str | None
    ) -> None:
        self.store.save_feed_state(outlet, url, status=status, error=error, etag=etag, last_modified=modified)

    async def _children(self, parsed: ParsedFeed, access: PrivateAccess) -> tuple[list[FeedEntry], bool, int]:
        """Entries of a sitemap index's newest child sitemaps, whether every one of them was read (or is gone
        for good), and how many were read."""
        out: list[FeedEntry] = []
        every = True
        read = 0
        for child in parsed.sitemaps[:MAX_CHILD_SITEMAPS]:
            try:
                resp = await self.http.get(child, allow_private=access)
                out += (await self._parse_feed(resp.body, resp.url, resp.content_type)).entries
                read += 1
            except (FetchError, FeedParseError) as e:
                every = every and isinstance(e, FetchError) and e.permanent and e.runs == 1  # gone for good
        return out, every, read

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
        host = self.keys.get(outlet.id) or shard_key(outlet)  # (the key SharedHosts knows the host by)
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
                page, claims, url = await self._shared_download(entry, access)
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
                # (no title anywhere: its first paragraph, cut between words as every shortened text is)
                title=page.title or entry.title or clip(page.text.partition("\n")[0], 120),
                text=page.text,
                content_hash=content_hash(page.text),
                fetched=datetime.now(UTC),
                author=page.author or entry.author,
                # the page's own date, else this outlet's listing date (not that of the outlet that downloaded it)
                published=not_in_future(published_for(page, entry.published), datetime.now(UTC)) or entry.published,
                claims=tuple(claims),
                language=language,
            )
            await self._store(article, keys, rep)
        except FetchError as e:
            rep.fail(_short(e))
            # the runs that met this failure, this one included, when it takes more than one to be remembered
            tries = await self.db(self.store.entry_tries, outlet.id, keys) + 1 if e.runs > 1 else 1
            if e.permanent and not not_live_yet(e, entry, datetime.now(UTC)) and tries >= e.runs:
                await self.db(self.store.mark_entries, outlet.id, keys, entry.link, "failed: " + e.reason)
            else:
                if tries < e.runs:  # counted, so that the page is not asked for on every run for ever
                    await self.db(self.store.mark_entries, outlet.id, keys, entry.link, retry_status(tries, e.reason))
                self.incomplete.add(outlet.id)
        finally:
            self.pages_left -= 1
            self.progress.advance(outlet.id)

    async def _shared_download(self, entry: FeedEntry, access: PrivateAccess) -> Downloaded:
        """The entry's page downloaded and extracted, once a run for every outlet that lists it: two
        outlets' feeds listing one page (a wire story, an aggregator) downloaded it twice on a first run,
        at the same time (the store keeps one article, and the other outlet's entry points at it). An
        outlet whose page another outlet of the same private-address access is downloading waits for that
        download and takes its result (or its failure). The result is kept only while another outlet of
        the run listed the page and has not taken it (``self.listed_by``)."""
        key = (bare_link(entry.link), access)
        shared = self.downloads.get(key)
        if shared is not None:
            self._taken(key)
            try:
                return await asyncio.shield(shared)  # (a stop of this page's task leaves the other's download be)
            except asyncio.CancelledError:
                task = asyncio.current_task()
                if task is not None and task.cancelling():
                    raise  # this page's own stop
            # the other outlet's download was stopped and this page's task was not: it downloads on its own
            return await self._download(entry, access)
        result: asyncio.Future[Downloaded] = asyncio.get_running_loop().create_future()
        result.add_done_callback(lambda f: f.cancelled() or f.exception())  # no "never retrieved" warning
        self.downloads[key] = result
        try:
            result.set_result(await self._download(entry, access))
        except BaseException as e:
            if isinstance(e, Exception):
                result.set_exception(e)
            else:
                result.cancel()
            raise
        finally:
            self._taken(key)
        return result.result()

    def _taken(self, key: tuple[str, PrivateAccess]) -> None:
        self.listed_by[key] -= 1
        if self.listed_by[key] <= 0:
            del self.listed_by[key]
            self.downloads.pop(key, None)

    async def _download(self, entry: FeedEntry, access: PrivateAccess) -> Downloaded:
        async with self._backlog():  # an outlet's runners (see outlet) first, then the run's backlog
            self.downloading += 1
            try:
                resp = await self.http.get(entry.link, allow_private=access)
            finally:
                self.downloading -= 1
            if front_page(resp.url):  # the front page's teasers are no article (nor its claims)
                why = FRONT_PAGE if front_page(entry.link) else REDIRECTED_FRONT_PAGE
                raise FetchError(why, entry.link, permanent=True)
            try:
                # the feed's date spares the worker htmldate's search when the page's tags have none
                page, claims = await self.extractor.page(resp.body, resp.url, resp.content_type, entry.published)
            except FetchError:  # the pool's own (a deadline passed, a worker died): said as they are
                raise
            except NoArticleText as e:  # permanent, unless a later run may find the text (NO_TEXT_RUNS)
                raise FetchError(str(e), entry.link, permanent=True, runs=NO_TEXT_RUNS) from None
            except ValueError as e:  # another parser's complaint: the page may read better next time
                raise FetchError(str(e) or "no article text", entry.link, permanent=not str(e)) from None
            except Exception as e:
                # An error nobody foresaw, met on this one hostile page (a lone surrogate or a null "@graph" in
                # its JSON-LD each stopped the whole run, on every run): the page fails alone, saying so, and is
                # remembered failed as a page without text is. (Not BaseException: Ctrl-C still stops the run.)
                why = f"could not read the page (internal error: {type(e).__name__})"
                raise FetchError(why, entry.link, permanent=True, runs=NO_TEXT_RUNS) from e
            return page, claims, resp.url  # (the body is not kept while the article waits for its write)


def private_access(outlet: Outlet, opt_in: bool = False) -> PrivateAccess:
    """The private or loopback hosts this outlet's requests may reach: the hosts of its own feeds and
    sitemaps when it opted in (``allow_private: true`` or ``--allow-private``), plus the hosts it lists
    in ``allow_private_hosts``; nothing otherwise."""
    own = [*outlet.feeds, *outlet.sitemaps] if (opt_in or outlet.allow_private) else []
    return PrivateAccess.of(own, outlet.allow_private_hosts)


# A feed often lists an article before its page is live (a CDN's cache, an embargo): a 404 for an entry
# published this recently is a failure for now, tried again next run, not remembered for good.
NOT_LIVE_YET = timedelta(hours=6)


def not_live_yet(e: FetchError, entry: FeedEntry, now: datetime) -> bool:
    """Whether ``e`` is a 404 for an entry its feed dates less than NOT_LIVE_YET ago."""
    return e.status == 404 and entry.published is not None and now - entry.published < NOT_LIVE_YET


FRONT_PAGE = "the site's front page, not an article"
REDIRECTED_FRONT_PAGE = "redirected to the site's front page (article gone?)"  # an expired article, often


def _short(e: Exception) -> str:
    return clip(str(getattr(e, "reason", None) or e), 80)


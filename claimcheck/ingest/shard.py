"""Which outlets a fetcher takes: ``--shard K/N`` (:func:`in_shard`, by :func:`shard_key`, the host) and
``--shard auto`` (:class:`SharedHosts`: hosts taken one at a time from the round's queue, shared through the
store with the other fetchers, as many as keep the extraction pool fed; a host given to a fetcher out of work
at the end of the round)."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Literal
from urllib.parse import urlsplit

from claimcheck.ingest.pool import Dispatcher
from claimcheck.ingest.records import FetchOptions, FetchReport, OutletReport
from claimcheck.models import Outlet
from claimcheck.store import HostQueue

# --shard auto: how often a fetcher holding two hosts or more looks for fetchers of its round out of work
# (nothing left in the queue), and the pages not yet started a host must have for it to be given to one
# (its feed is read again there).
GIVE_TICK = 0.25
GIVE_MIN = 8
LEASE_LOST = "host taken over by another fetcher (this one was cut off longer than --lease)"
GIVEN = "host given to a fetcher out of work, which fetches the rest"


def shard_key(outlet: Outlet) -> str:
    """What decides an outlet's shard: the host (and port) of its first feed or sitemap, so that every
    outlet on one host falls in one shard and one fetcher alone talks to that host."""
    for url in (*outlet.feeds, *outlet.sitemaps, outlet.homepage or ""):
        netloc = urlsplit(url).netloc.lower()
        if netloc:
            return netloc[4:] if netloc.startswith("www.") else netloc
    return outlet.id


def queue_keys(outlets: Sequence[Outlet]) -> dict[str, str]:
    """The unit of ``--shard auto``'s queue that each outlet falls in, by id: its host (:func:`shard_key`)
    and a digest of the ids of this fetcher's outlets on that host. Fetchers of one sources.yaml agree on
    every key, as on the hosts. Fetchers of two (one machine's file edited before another's) name a host
    whose outlets differ by two keys, and each fetches its own: keyed by the host alone, the fetcher that
    took it fetched only its outlets there, and the other found it done in the round, its own outlets
    there not fetched, without a word."""
    by_host: dict[str, list[str]] = {}
    for o in outlets:
        by_host.setdefault(shard_key(o), []).append(o.id)
    digests = {h: hashlib.sha1(" ".join(sorted(ids)).encode("utf-8")).hexdigest()[:12] for h, ids in by_host.items()}
    return {o.id: f"{shard_key(o)} {digests[shard_key(o)]}" for o in outlets}


def in_shard(outlet: Outlet, shard: tuple[int, int] | Literal["auto"] | None) -> bool:
    """Whether ``outlet`` belongs to shard K of N (a stable hash of :func:`shard_key`, the same on every
    machine and every run); every outlet may be taken with ``auto``."""
    if shard is None or shard == "auto":
        return True
    k, n = shard
    digest = hashlib.sha1(shard_key(outlet).encode("utf-8")).hexdigest()
    return int(digest, 16) % n == k - 1


class SharedHosts:
    """The ``--shard auto`` part of a fetch run (:class:`claimcheck.ingest.pipeline._Run`): which hosts it
    takes from the round's queue and when, and which it gives back. The run keeps the counters read here."""

    options: FetchOptions
    report: FetchReport
    extractor: Dispatcher
    backlog_size: int  # pages downloading or being extracted at most (the run's backlog)
    wake: asyncio.Event
    lost: set[str]
    claims: dict[str, int]
    holding: dict[str, asyncio.Task[None]]
    giving: set[str]
    unstarted_at: Counter[str]
    unstarted: int
    queued: int
    listed: int
    listed_pages: int
    short: bool
    feeds_open: int
    pages_left: int
    claiming: bool
    end_wait: bool
    hosts_held: int
    queue_empty: tuple[float, int, int, int] | None

    # the run's: fetch one outlet (its feeds and pages), set the event once every page of it has started,
    # start no more of them once the callable says why (the host is lost or given)
    outlet: Callable[[Outlet, OutletReport, asyncio.Event, Callable[[], str | None]], Awaitable[None]]

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
        keys = queue_keys(outlets)
        for o in outlets:
            groups.setdefault(keys[o.id], []).append(o)
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

    def _supply(self) -> float:
        """Pages in hand that have no place in the backlog yet: not started, waiting for a place, and
        those the feeds being read will bring (as many per outlet as this run's feeds have brought)."""
        per_outlet = self.listed_pages / self.listed if self.listed else 0.0
        return self.unstarted + self.queued + self.feeds_open * per_outlet

    def _ran_short(self) -> None:
        """After the pages in hand changed: wake :meth:`shared` when they have just become too few."""
        short = self._supply() < self.backlog_size
        if short and not self.short:
            self.wake.set()
        self.short = short

    def _hungry(self) -> bool:
        """Whether the pages in hand cannot keep the pipeline fed: fewer of them wait outside the backlog
        than it holds (``backlog_size``), or the extraction pool has run dry (no page waiting, a worker
        about to idle: the hosts in hand give pages too slowly, by latency, ``delay`` or ``per_host``)
        while no feed is being read (one new host at a time, not a burst). So feeds with few new entries
        (a run from cron) make the fetcher take hosts as fast as it reads their feeds, up to the width,
        and pages that come faster than the pool extracts them make it take no more than it needs."""
        return self._supply() < self.backlog_size or (not self.feeds_open and self.extractor.starving())

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

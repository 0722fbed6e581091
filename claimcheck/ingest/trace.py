"""Where a fetch's extraction stage waits (a debugging aid for benchmarks, off unless asked for).

``CLAIMCHECK_FETCH_TRACE=FILE`` makes ``fetch`` sample its own state every 10 ms and append one JSON line
to FILE when it ends: for how long the extraction pool had no page (its CPU idle, unless the fetching
process itself was busy) and why, in categories judged from what the run was doing at that moment:

- ``pool starting``: the extraction processes are not up yet;
- ``claim``: taking a host from the queue (``--shard auto``), nothing else to do;
- ``end of round``: nothing left to take, waiting for another fetcher's hosts;
- ``feeds``: feeds downloading or being read, no page started yet;
- ``downloads``: pages downloading (the network, a host's ``per_host`` connections);
- ``store``: only articles waiting for their write;
- ``other``: none of these (the fetching process between steps).

With ``--shard auto`` it also notes, when its claim first found the queue empty, the pages in hand not yet
done and the hosts held: the work left for the round's tail, which decides how long the other fetchers
wait at its end.

with the fetching process's own CPU seconds in each, and a timeline of 0.5 s steps (the pool's busy
share, pages downloading and waiting for the pool, hosts held). bench/pg.py reads it; the user never sees it.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections import defaultdict
from typing import Any

ENV = "CLAIMCHECK_FETCH_TRACE"
TICK = 0.01
STEP = 0.5


def wanted() -> str | None:
    """The file to trace into, if asked for."""
    return os.environ.get(ENV) or None


class FetchTrace:
    """Samples a running fetch (``run``: the pipeline's ``_Run``) until :meth:`stop`."""

    def __init__(self, run: Any, path: str) -> None:
        self.run = run
        self.path = path
        self.idle: defaultdict[str, float] = defaultdict(float)  # category -> seconds the pool had nothing
        self.cpu: defaultdict[str, float] = defaultdict(float)  # category -> the fetching process's CPU seconds meanwhile
        self.busy = 0.0
        self.timeline: list[tuple[float, ...]] = []
        self.t0 = time.perf_counter()
        self.task = asyncio.ensure_future(self._sample())

    def _why(self) -> str:
        run = self.run
        ex = getattr(run, "extractor", None)
        if ex is None or ex.pool is None:
            return "pool starting"
        if run.downloading:
            return "downloads"
        if run.feeds_open:
            return "feeds"
        if run.claiming:
            return "claim"
        if run.end_wait:
            return "end of round"
        if run.pending or run.writing:
            return "store"
        return "other"

    async def _sample(self) -> None:
        last, cpu = time.perf_counter(), time.process_time()
        step = (0.0, 0.0, 0, 0, 0)  # busy seconds, seconds, downloading, waiting for the pool, hosts (sums)
        n = 0
        while True:
            await asyncio.sleep(TICK)
            now, c = time.perf_counter(), time.process_time()
            dt, dc = now - last, c - cpu
            last, cpu = now, c
            ex = getattr(self.run, "extractor", None)
            working = ex is not None and ex.pool is not None and (ex.in_flight or ex.pending)
            if working:
                self.busy += dt
            else:
                why = self._why()
                self.idle[why] += dt
                self.cpu[why] += dc
            waiting = len(ex.pending) if ex is not None else 0
            step = (
                step[0] + (dt if working else 0.0),
                step[1] + dt,
                step[2] + self.run.downloading,
                step[3] + waiting,
                step[4] + self.run.hosts_held,
            )
            n += 1
            if step[1] >= STEP:
                t = now - self.t0
                self.timeline.append(
                    (round(t, 2), round(step[0] / step[1], 2), *(round(x / n, 1) for x in step[2:]))
                )
                step, n = (0.0, 0.0, 0, 0, 0), 0

    def stop(self) -> None:
        self.task.cancel()
        record = {
            "pid": os.getpid(),
            "seconds": round(time.perf_counter() - self.t0, 3),
            "pool_busy": round(self.busy, 3),
            "idle": {k: round(v, 3) for k, v in sorted(self.idle.items(), key=lambda kv: -kv[1])},
            "fetcher_cpu_while_idle": {k: round(v, 3) for k, v in sorted(self.cpu.items(), key=lambda kv: -kv[1])},
            # --shard auto: when its claim first found the queue empty, the pages of the feeds read and not
            # yet done, the hosts held and those still reading their feeds (the work left for the tail)
            "queue_empty": None if self.run.queue_empty is None else {
                "t": round(self.run.queue_empty[0] - self.t0, 2),
                "pages_left": self.run.queue_empty[1],
                "hosts": self.run.queue_empty[2],
                "feeds_open": self.run.queue_empty[3],
            },
            "timeline": ["t busy downloading pool_waiting hosts", *self.timeline],
        }
        with open(self.path, "a", encoding="utf-8") as f:
            f.write(json.dumps(record) + "\n")

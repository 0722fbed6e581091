"""Pages per second through claimcheck's extract stage against bare ``trafilatura.extract`` on the same pages.

Measured in one run, on the same generated pages (50-150 KB each):
  - bare trafilatura.extract(html) on one core (the baseline);
  - our extract stage, ``claimcheck.ingest.extract.extract_page`` (decode, page metadata, trafilatura), one core;
  - the whole worker task, ``claimcheck.ingest.worker.process_page`` (extract_page + claims), one core;
  - process_page in fetch's process pool with one worker per core.
Targets: extract_page at most 10% slower than bare trafilatura on one core; the pool at least 1.7x the
one-core process_page rate on 2 cores.

    python -m bench.extract               # 300 pages
    python -m bench.extract --pages 20    # smoke
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

from bench.common import figure, header, ratio
from bench.corpus import PLACEHOLDER, generate

URL = "http://127.0.0.1:1"
CTYPE = "text/html; charset=utf-8"


def _rate(fn, items: list, rounds: int) -> float:  # type: ignore[no-untyped-def]
    """Pages per second, best of ``rounds`` passes (the machine is noisy)."""
    best = 0.0
    for _ in range(rounds):
        t = time.perf_counter()
        for it in items:
            fn(it)
        best = max(best, len(items) / (time.perf_counter() - t))
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.extract", description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=3, help="passes per variant; the best counts")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    a = ap.parse_args(argv)
    header("bench.extract", pages=a.pages, rounds=a.rounds, workers=a.workers)

    import trafilatura

    from claimcheck.ingest.extract import extract_page
    from claimcheck.ingest.pool import make_pool
    from claimcheck.ingest.worker import process_page

    tmp = Path(tempfile.mkdtemp(prefix="claimcheck-bench-extract-"))
    try:
        per = max(1, a.pages // 10)
        corpus = generate(tmp, max(1, (a.pages + per - 1) // per), per)
        paths = corpus.pages[: a.pages]
        bodies = [(tmp / p.lstrip("/")).read_bytes().replace(PLACEHOLDER, URL.encode()) for p in paths]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    texts = [b.decode("utf-8") for b in bodies]
    aliases = {o.name.lower(): o.id for o in corpus.outlets}
    items = list(zip(bodies, [URL + p for p in paths], strict=True))
    print(
        f"# {len(bodies)} pages, {sum(map(len, bodies)) / len(bodies) / 1000:.0f} KB on average", flush=True
    )

    # warm up imports and caches on both sides
    trafilatura.extract(texts[0])
    process_page(bodies[0], URL + "/warm", CTYPE, aliases)

    bare = _rate(trafilatura.extract, texts, a.rounds)
    ours = _rate(lambda it: extract_page(it[0], it[1], CTYPE), items, a.rounds)
    full = _rate(lambda it: process_page(it[0], it[1], CTYPE, aliases), items, a.rounds)

    pool = make_pool(a.workers)
    try:
        list(
            pool.map(process_page, bodies[:4], [u for _, u in items[:4]], [CTYPE] * 4, [aliases] * 4)
        )  # start
        best = 0.0
        for _ in range(a.rounds):
            t = time.perf_counter()
            n = len(bodies)
            list(
                pool.map(process_page, bodies, [u for _, u in items], [CTYPE] * n, [aliases] * n, chunksize=4)
            )
            best = max(best, n / (time.perf_counter() - t))
        pooled = best
    finally:
        pool.shutdown()

    figure("bare trafilatura.extract, 1 core", bare, "pages/s")
    figure("claimcheck extract_page, 1 core", ours, "pages/s")
    figure("claimcheck process_page (extract + claims), 1 core", full, "pages/s")
    figure(f"claimcheck process_page, pool of {a.workers}", pooled, "pages/s")
    overhead = bare / ours
    ratio("extract_page time / trafilatura.extract time (1 core)", overhead, "<= 1.10", overhead <= 1.10)
    ratio("process_page time / trafilatura.extract time (1 core, claims included)", bare / full)
    speedup = pooled / full
    ratio(f"pool of {a.workers} / 1 core (process_page)", speedup, ">= 1.7", speedup >= 1.7)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Matching time for 1k, 10k and 100k claims over 50 outlets, its growth exponent, and a naive baseline.

The claims are real extractor output: generated articles (bench/corpus.py, stories shared across outlets,
a story pool that grows with the archive) go through ``claimcheck.claims.extract_claims``; articles are
taken until the number of matchable claims (numbers, quotes, statements) reaches each size. The timed
call is ``claimcheck.match.pipeline.match_facts``. The baseline is what one would write without blocking: every
claim scored against every other with ``rapidfuzz.process.cdist`` (token_sort_ratio, one thread, as the
matcher's default), run only at the sizes where it is predicted to finish within --naive-budget seconds.
Targets (issue 14): growth exponent at most 1.1; 100k claims in under 10 s.

    python -m bench.match                          # 1k, 10k, 100k
    python -m bench.match --sizes 200,500 --outlets 5   # smoke
"""

from __future__ import annotations

import argparse
import math
import os
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime

from bench.common import figure, header, ratio
from bench.corpus import iter_articles, make_outlets, make_stories

MATCHED = ("number", "quote", "statement")


def _claims_of(args: tuple[str, dict[str, str]]) -> list:  # type: ignore[type-arg]
    from claimcheck.claims import extract_claims

    return extract_claims(*args)


def build_articles(n_claims: int, n_outlets: int, seed: int = 1) -> tuple[list, dict]:  # type: ignore[type-arg]
    """Articles (with extracted claims) holding at least ``n_claims`` matchable claims, and the outlets."""
    from claimcheck.models import Article, Outlet
    from claimcheck.store import content_hash

    infos = make_outlets(n_outlets)
    outlets = {o.id: Outlet(o.id, o.name, o.aliases, wire=o.wire) for o in infos}
    aliases = {n.lower(): o.id for o in outlets.values() for n in (o.id, *o.names)}
    per_article = 9  # about this many matchable claims per generated article (refined below)
    articles: list[Article] = []
    have = 0
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        while have < n_claims:
            want = max(50, math.ceil((n_claims - have) / per_article * 1.1))
            per_outlet = math.ceil((len(articles) + want) / n_outlets)
            stories = make_stories(max(6, (per_outlet * n_outlets) // 30), seed)
            batch = [
                (path, art)
                for path, art, _ in _take(
                    iter_articles(infos, per_outlet, stories, seed), len(articles), want
                )
            ]
            claims = list(pool.map(_claims_of, [(art.text, aliases) for _, art in batch], chunksize=32))
            for (path, art), cl in zip(batch, claims, strict=True):
                matchable = sum(c.kind in MATCHED for c in cl)
                if have >= n_claims:
                    break
                articles.append(_article(Article, content_hash, art, path, tuple(cl)))
                have += matchable
            per_article = max(1.0, have / max(1, len(articles)))
            if not batch:
                break
    return articles, outlets


def _take(it, skip: int, n: int):  # type: ignore[no-untyped-def]
    """Items skip..skip+n of an iterator ordered outlet by outlet, interleaved across outlets instead."""
    rows = list(it)
    per = max(1, len(rows) // max(1, len({r[1].outlet.id for r in rows})))
    by_outlet = [rows[i : i + per] for i in range(0, len(rows), per)]
    order = [row for k in range(per) for group in by_outlet if k < len(group) for row in [group[k]]]
    return order[skip : skip + n]


def _article(Article, content_hash, art, path: str, claims: tuple):  # type: ignore[no-untyped-def]  # noqa: N803
    return Article(
        outlet=art.outlet.id,
        url=f"http://{art.outlet.id}.bench.test{path}",
        canonical_url=f"http://{art.outlet.id}.bench.test{path}",
        title=art.title,
        text=art.text,
        content_hash=content_hash(art.text),
        fetched=datetime(2026, 1, 1, tzinfo=UTC),
        published=art.published,
        author=art.author,
        claims=claims,
    )


def first_claims(articles: list, size: int) -> tuple[list, int]:  # type: ignore[type-arg]
    """The first articles that together hold ``size`` matched claims (or just over), and how many they hold."""
    arts, have = [], 0
    for art in articles:
        if have >= size:
            break
        arts.append(art)
        have += sum(c.kind in MATCHED for c in art.claims)
    return arts, have


def naive(articles: list) -> float:  # type: ignore[type-arg]
    """All-pairs rapidfuzz over the matchable claims' texts; seconds."""
    import numpy as np
    from rapidfuzz import fuzz, process

    texts = [c.text.lower() for a in articles for c in a.claims if c.kind in MATCHED]
    t = time.perf_counter()
    step = 2000  # rows at a time, so memory stays bounded
    for i in range(0, len(texts), step):
        process.cdist(texts[i : i + step], texts, scorer=fuzz.token_sort_ratio, dtype=np.uint8, workers=1)
    return time.perf_counter() - t


def fit_exponent(sizes: list[int], times: list[float]) -> float:
    xs, ys = [math.log(s) for s in sizes], [math.log(max(t, 1e-6)) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.match", description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,3000,10000,100000", help="claim counts, comma-separated")
    ap.add_argument("--outlets", type=int, default=50)
    ap.add_argument(
        "--naive-budget",
        type=float,
        default=60.0,
        help="run the naive baseline when predicted to take at most this many seconds",
    )
    ap.add_argument(
        "--time-budget",
        type=float,
        default=150.0,
        help="skip a size whose match time, "
        "extrapolated from the smaller sizes, would exceed this many seconds (prints the estimate)",
    )
    a = ap.parse_args(argv)
    sizes = sorted(int(s) for s in a.sizes.split(","))
    header("bench.match", sizes=a.sizes, outlets=a.outlets)

    from claimcheck.match.pipeline import match_facts
    from claimcheck.match.rules import MatchOptions

    t = time.perf_counter()
    everything, outlets = build_articles(sizes[-1], a.outlets)
    print(
        f"# {len(everything)} articles from {a.outlets} outlets built in {time.perf_counter() - t:.1f}s",
        flush=True,
    )
    times: list[float] = []
    cpus: list[float] = []  # CPU time of this process: the figure to compare on a loaded machine
    naive_per_pair: float | None = None
    done: list[int] = []
    for size in sizes:
        if len(times) >= 2:
            exp = fit_exponent(done, times)
            guess = times[-1] * (size / done[-1]) ** exp
            if guess > a.time_budget:
                print(
                    f"# match_facts at {size:,} claims skipped: extrapolated {guess:,.0f}s with exponent "
                    f"{exp:.2f} (> --time-budget {a.time_budget:g}s)",
                    flush=True,
                )
                ratio(f"match_facts({size:,}) extrapolated / 10 s budget", guess / 10.0, "<= 1.0", False)
                continue
        arts, have = first_claims(everything, size)
        t, c = time.perf_counter(), time.process_time()
        facts = match_facts(arts, outlets, MatchOptions())
        took, cpu = time.perf_counter() - t, time.process_time() - c
        times.append(took)
        cpus.append(cpu)
        done.append(have)
        multi = sum(1 for f in facts if len(f.outlets) > 1)
        figure(
            f"match_facts, {have:,} claims ({len(arts):,} articles)",
            took,
            "s",
            f"{cpu:.2f} s CPU in this process; {len(facts):,} facts, {multi:,} reported by 2+ outlets",
        )
        predicted = naive_per_pair * have * have if naive_per_pair else 0.0
        if predicted <= a.naive_budget:
            nt = naive(arts)
            naive_per_pair = nt / (have * have)
            figure(f"naive all-pairs rapidfuzz, {have:,} claims", nt, "s")
            ratio(f"naive / match_facts at {have:,} claims", nt / took)
        else:
            print(
                f"# naive all-pairs at {have:,} claims skipped: predicted {predicted:,.0f}s "
                f"(> --naive-budget {a.naive_budget:g}s)",
                flush=True,
            )
            ratio(f"naive (predicted) / match_facts at {have:,} claims", predicted / took)
    if len(done) > 1:
        exp = fit_exponent(done, times)
        print(f"figure growth exponent (least squares over log-log): {exp:.2f}", flush=True)
        print(f"figure growth exponent of CPU time: {fit_exponent(done, cpus):.2f}", flush=True)
        ratio(
            f"time({done[-1]:,}) / time({done[0]:,}), for sizes x{done[-1] / done[0]:.0f}",
            times[-1] / max(times[0], 1e-9),
            f"exponent <= 1.1 (measured {exp:.2f})",
            exp <= 1.1,
        )
    if done and done[-1] >= 100_000:
        ratio("match_facts(100k) / 10 s budget", times[-1] / 10.0, "<= 1.0", times[-1] <= 10.0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

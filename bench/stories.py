"""`claimcheck stories` over a large store: time and peak memory at two sizes, growth exponent, purity.

The store is filled with generated articles over 50 outlets and 60 days: by default bench/storycorpus.py's
(``--corpus realistic``: distinct stories of 1 to 100 articles, each outlet phrasing the story its own way,
a few wire copies, shaped after the real news-clusters events); ``--corpus templated`` takes bench/corpus.py's
instead (``--per-story`` articles per story, every article of a story written from the same sentences, as its
matcher benches need). Every article is in the window
(``--since 2000-01-01 --min-outlets 1``), so all of them are grouped. Baselines of the same run: the
interpreter start (``claimcheck --version``) and a bare SQL read of the rows stories reads.
Targets: 50,000 articles in under 2 s, peak memory under 300 MB. B-cubed against the generator's
story of each article is printed too (a sanity figure on synthetic text, not a quality claim).

    python -m bench.stories                          # 5,000 and 50,000 articles
    python -m bench.stories --sizes 300,1200         # smoke
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sqlite3
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.common import best_run, figure, header, mib, ratio, run_measured, with_temp_dir
from bench.corpus import OutletInfo, iter_articles, make_outlets, make_stories
from bench.storycorpus import iter_realistic


def _templated(
    infos: list[OutletInfo], n_articles: int, per_story: int, seed: int
) -> Iterator[tuple[str, Any, str]]:
    """bench/corpus.py's articles: (url, article, story label)."""
    per_outlet = math.ceil(n_articles / len(infos))
    stories = make_stories(max(1, n_articles // per_story), seed)
    for p, art, _ in list(iter_articles(infos, per_outlet, stories, seed))[:n_articles]:
        # Its place names repeat beyond 576 stories: two stories of one kind in one place are the same
        # text, so the label is what the text can tell apart (kind and place), not the story id.
        yield f"http://www.{art.outlet.id}.bench.test{p}", art, f"{art.story.kind}/{art.story.place}"


def _realistic(infos: list[OutletInfo], n_articles: int, seed: int) -> Iterator[tuple[str, Any, str]]:
    """bench/storycorpus.py's articles: (url, article, story id)."""
    for k, art in enumerate(iter_realistic(infos, n_articles, seed)):
        yield f"http://www.{art.outlet.id}.bench.test/news/{k:06d}.html", art, str(art.story.id)


def build_store(
    path: Path, n_articles: int, n_outlets: int, per_story: int = 50, seed: int = 1, corpus: str = "realistic"
) -> tuple[Path, dict[str, str]]:
    """Fill a store (no claims: stories does not read them); returns sources.yaml and url -> story."""
    from claimcheck.models import Article, Outlet
    from claimcheck.store import Store, content_hash

    infos = make_outlets(n_outlets)
    truth: dict[str, str] = {}
    fetched = datetime(2026, 1, 1, tzinfo=UTC)
    rows = (
        _realistic(infos, n_articles, seed)
        if corpus == "realistic"
        else _templated(infos, n_articles, per_story, seed)
    )
    with Store.open(path) as store:
        store.sync_outlets([Outlet(o.id, o.name, o.aliases, wire=o.wire) for o in infos])
        batch: list[tuple[Article, list[str]]] = []
        for url, art, label in rows:
            truth[url] = label
            a = Article(art.outlet.id, url, url, art.title, art.text, content_hash(art.text), fetched,
                        author=art.author, published=art.published)  # fmt: skip
            batch.append((a, [url]))
            if len(batch) == 500:
                store.add_articles(batch)
                batch = []
        store.add_articles(batch)
    src = path.parent / "sources.yaml"
    lines = ["outlets:"]
    for o in infos:
        lines += [f"  - id: {o.id}", f'    name: "{o.name}"', f"    wire: {'true' if o.wire else 'false'}"]
    src.write_text("\n".join(lines) + "\n")
    return src, truth


def bcubed(stories: list[dict], truth: dict[str, str]) -> tuple[float, float]:  # type: ignore[type-arg]
    story_of = {a["url"]: s["id"] for s in stories for a in s["articles"]}
    members: dict[str, set[str]] = defaultdict(set)
    events: dict[str, set[str]] = defaultdict(set)
    for url, sid in story_of.items():
        members[sid].add(url)
        events[truth[url]].add(url)
    p = r = 0.0
    for url, sid in story_of.items():
        same = len(members[sid] & events[truth[url]])
        p += same / len(members[sid])
        r += same / len(events[truth[url]])
    n = max(1, len(story_of))
    return p / n, r / n


def _phases(db: Path, src: Path) -> dict[str, float]:
    """Where the time goes, in this process, as `claimcheck stories` runs it: reading the window's columns,
    indexing (titles, then the leads read a chunk at a time), grouping, labels, wire copies (the cut texts
    and their stored shingles read story by story); then the wire copies again with the shingles hashed from
    the texts (the baseline of the stored shingles)."""
    from claimcheck.cli.stories import store_window
    from claimcheck.config import load_sources
    from claimcheck.store import Store
    from claimcheck.stories import (
        StoryOptions,
        _mark_wire_copies,
        _positions,
        _skeleton,
        describe_stories,
        group,
        index_articles,
        story_order,
    )  # fmt: skip

    out: dict[str, float] = {}
    outlets = {o.id: o for o in load_sources(src).outlets}
    with Store.open(db, create=False, verify=False, read_only=True) as store:
        t = time.perf_counter()
        window = store_window(store, None, None, None)
        out["read the window's columns (store.window_rows)"] = time.perf_counter() - t
        options = StoryOptions()
        t = time.perf_counter()
        ix = index_articles(window, options)
        out["index (tokens of titles and leads read a chunk at a time, TF-IDF)"] = time.perf_counter() - t
        t = time.perf_counter()
        every = sorted((_skeleton(g, window) for g in group(window, options, ix)), key=story_order)
        out["group (blocking, scores, average linkage)"] = time.perf_counter() - t
        t = time.perf_counter()
        positions = _positions(window)
        described = describe_stories(every, ix, positions)
        out["labels, terms, topics"] = time.perf_counter() - t
        del ix
        t = time.perf_counter()
        _mark_wire_copies(described, window, positions, outlets)
        out["wire copies (texts read story by story, shingles as stored, claimcheck.match.syndication)"] = (
            time.perf_counter() - t
        )
        # baseline: the same step hashing the cut texts' shingles, as before the store kept them (schema 2)
        t = time.perf_counter()
        _mark_wire_copies(described, replace(window, shingles=None), positions, outlets)
        out["wire copies, shingles hashed from the texts (baseline: before they were stored)"] = (
            time.perf_counter() - t
        )
    return out


def _linkage_vs_reference(db: Path, repeat: int = 3) -> tuple[float, float, bool]:
    """CPU seconds of the average-linkage loop (claimcheck/stories/linkage.py, groups' vectors as arrays) and
    of the loop over dicts it replaced (tests/stories_reference.py), on the same candidate pairs, interleaved
    in this process, best of ``repeat`` (garbage collection off while timed); and whether they group alike."""
    import gc

    import numpy as np

    from claimcheck import stories
    from claimcheck.cli.stories import store_window
    from claimcheck.store import Store
    from claimcheck.stories import StoryOptions, grouping, index_articles

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    import stories_reference  # type: ignore[import-not-found]

    got: dict[str, Any] = {}
    real = grouping._average_linkage

    def keep(*args: Any) -> list[list[int]]:
        got["args"] = args
        return real(*args)

    options = StoryOptions()
    with Store.open(db, create=False, verify=False, read_only=True) as store:
        window = store_window(store, None, None, None)
        ix = index_articles(window, options)
        grouping._average_linkage = keep  # type: ignore[assignment]  # where group() looks it up
        try:
            stories.group(window, options, ix)
        finally:
            grouping._average_linkage = real
    vec, times, pairs, opts, n, df, fig, heads, own, length = got["args"][:10]  # not the tooling's ``joined``
    runs = {
        "reference": lambda: stories_reference.average_linkage(
            vec, times, pairs, opts, n, df.tolist(), set(np.flatnonzero(fig).tolist()),
            None if heads is None else stories._Headlines(ix), own, length,
        ),
        "arrays": lambda: real(vec, times, pairs, opts, n, df, fig, None if heads is None else stories._Headlines(ix), own, length),
    }  # fmt: skip
    best = dict.fromkeys(runs, math.inf)
    out: dict[str, list[list[int]]] = {}
    for _ in range(repeat):
        for name, run in runs.items():
            gc.collect()
            gc.disable()
            t = time.process_time()
            out[name] = run()
            best[name] = min(best[name], time.process_time() - t)
            gc.enable()
    return best["reference"], best["arrays"], out["reference"] == out["arrays"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.stories", description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--sizes", default="5000,50000", help="store sizes, comma-separated (the last is the target)"
    )
    ap.add_argument("--outlets", type=int, default=50)
    ap.add_argument(
        "--corpus",
        choices=("realistic", "templated"),
        default="realistic",
        help="realistic: bench/storycorpus.py (distinct stories, little shared text, as real news); "
        "templated: bench/corpus.py (every article of a story from the same sentences)",
    )
    ap.add_argument(
        "--per-story", type=int, default=50, help="templated: articles per story (bench.compare: 500)"
    )
    ap.add_argument("--repeat", type=int, default=2, help="runs per size; the best counts")
    ap.add_argument("--keep", action="store_true")
    a = ap.parse_args(argv)
    header("bench.stories", sizes=a.sizes, outlets=a.outlets, corpus=a.corpus, per_story=a.per_story)
    return with_temp_dir("claimcheck-bench-stories-", a.keep, lambda tmp: _run(a, tmp))


def _run(a: argparse.Namespace, tmp: Path) -> int:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    # every timed run groups afresh (CLAIMCHECK_NO_CACHE) but the one that reads the kept stories
    env.update(CLAIMCHECK_HOME=str(tmp / "home"), CLAIMCHECK_CACHE=str(tmp / "cache"), CLAIMCHECK_NO_CACHE="1",
               COLUMNS="120")  # fmt: skip
    startup = run_measured([sys.executable, "-m", "claimcheck", "--version"], env=env).seconds
    figure("interpreter start and imports (claimcheck --version, baseline)", startup, "s")
    sizes = [int(s) for s in a.sizes.split(",")]
    times: list[float] = []
    last = None
    for n in sizes:
        db = tmp / f"stories-{n}.db"
        t = time.perf_counter()
        src, truth = build_store(db, n, a.outlets, a.per_story, corpus=a.corpus)
        print(f"# store: {n:,} articles, {db.stat().st_size / 2**20:.0f} MiB, built in "
              f"{time.perf_counter() - t:.0f}s", flush=True)  # fmt: skip
        argv = [sys.executable, "-m", "claimcheck", "stories", "--since", "2000-01-01", "--min-outlets", "1",
                "--format", "json", "--db", str(db), "--sources", str(src)]  # fmt: skip
        best = best_run(argv, env=env, repeat=a.repeat)
        if best is None:
            return 1
        stories = json.loads(best.stdout)["stories"]
        raw = sqlite3.connect(db)
        t = time.perf_counter()
        raw.execute(
            "SELECT id, outlet, url, title, published, substr(text, 1, 1200), substr(text, -600) FROM articles"
        ).fetchall()
        t_sql = time.perf_counter() - t
        raw.close()
        p, r = bcubed(stories, truth)
        phases = _phases(db, src)
        figure(f"stories over {n:,} articles (best run)", best.seconds, "s", f"{len(stories)} stories")
        figure(f"  peak memory, {n:,} articles (process tree)", mib(best.peak_rss), "MiB")
        figure(f"  bare SQL read of those rows (baseline), {n:,}", t_sql, "s")
        for name, secs in phases.items():
            figure(f"  in-process {name}, {n:,}", secs, "s")
        ref, arrays, same = _linkage_vs_reference(db)
        figure(f"  in-process CPU, average-linkage loop over dicts (tests/stories_reference.py, baseline), {n:,}",
               ref, "s")  # fmt: skip
        figure(f"  in-process CPU, average-linkage loop over arrays, {n:,}", arrays, "s",
               "same groups" if same else "GROUPS DIFFER")  # fmt: skip
        ratio(f"  average-linkage loop, arrays / dicts, {n:,}", arrays / ref if ref else 0.0, "< 1, same groups",
              same and arrays < ref)  # fmt: skip
        figure(f"  B-cubed vs the generator's stories, {n:,}", 2 * p * r / (p + r) if p + r else 0.0, "",
               f"precision {p:.3f}, recall {r:.3f}")  # fmt: skip
        times.append(best.seconds - startup)
        last = (n, best)
        # the everyday command: the default window (3 days up to the newest article), table, 2+ outlets
        default = run_measured([*argv[:4], "--db", str(db), "--sources", str(src)], env=env)
        figure(f"  `claimcheck stories` (default window, table), {n:,} stored", default.seconds, "s",
               f"exit {default.returncode}, peak {mib(default.peak_rss):.0f} MiB")  # fmt: skip
        # the same listing again over the same articles: read from the stories the first run kept
        cached = {**env, "CLAIMCHECK_NO_CACHE": "0"}
        keeping = run_measured(argv, env=cached)
        again = run_measured(argv, env=cached)
        same = again.returncode == 0 and json.loads(again.stdout)["stories"] == stories
        figure(f"  the same listing, first run keeping its stories, {n:,}", keeping.seconds, "s",
               f"exit {keeping.returncode}")  # fmt: skip
        figure(f"  the same listing again, read from the kept stories, {n:,}", again.seconds, "s",
               f"{'the same stories' if same else 'STORIES DIFFER'}, peak {mib(again.peak_rss):.0f} MiB")  # fmt: skip
    assert last is not None
    n, best = last
    if len(sizes) > 1 and times[0] > 0 and times[-1] > 0:
        exponent = math.log(times[-1] / times[0]) / math.log(sizes[-1] / sizes[0])
        ratio(f"growth exponent of stories' own time (minus start), {sizes[0]:,} -> {sizes[-1]:,}", exponent,
              "<= 1.2", exponent <= 1.2)  # fmt: skip
    ratio(f"stories time at {n:,} / 2 s target", best.seconds / 2.0, "<= 1.0", best.seconds <= 2.0)
    ratio(f"peak memory at {n:,} / 300 MB", best.peak_rss / 300e6, "<= 1.0", best.peak_rss <= 300e6)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

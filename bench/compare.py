"""`claimcheck compare` on a store of 50k articles: time to the table for a topic of ~500 articles, and the
peak memory of compare and of a fetch into that store.

The store is filled with generated articles (bench/corpus.py: 50 outlets, a pool of stories, ~500
articles per story). The topic's own articles carry real extractor claims (``extract_claims``); the
others carry the claims the generator wrote into them (numbers, quotes, statements), which is enough for
what they are here: the haystack the search goes through and the database the memory figures are taken
on. Baselines of the same run: the bare FTS5 query (``SELECT rowid ... MATCH``) for the same topic, and a
``count(*)`` over the store, so that the ratios say how much of the time is claimcheck's own.
Targets (issue 14): under 1 s to the table and under 150 MB for compare; a fetch into the store under 500 MB.

    python -m bench.compare                       # 50,000 articles
    python -m bench.compare --articles 600 --fetch-pages 4   # smoke
"""

from __future__ import annotations

import argparse
import math
import os
import sqlite3
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from bench.common import best_run, cached_bytecode, figure, header, mib, ratio, run_measured, with_temp_dir
from bench.corpus import generate, iter_articles, make_outlets, make_stories, serve, sources_yaml

PER_STORY = 500


def _claims(args: tuple[str, dict[str, str]]) -> list:  # type: ignore[type-arg]
    from claimcheck.claims import extract_claims

    return extract_claims(*args)


def span_claims(art) -> tuple:  # type: ignore[no-untyped-def]
    """The generator's own record of the claims it wrote, as Claim records."""
    from claimcheck.models import Claim, Interval

    out = []
    for s in art.spans:
        value = None
        if s.value is not None:
            lo = hi = float(s.value)
            if s.qualifier == "more than":
                value = Interval(lo, None, low_inclusive=False)
            elif s.qualifier == "about":
                value = Interval(lo * 0.9, hi * 1.1)
            else:
                value = Interval(lo, hi)
        out.append(
            Claim(
                kind=s.kind,
                text=s.text,
                sentence=s.sentence,
                start=s.start,
                end=s.end,
                value=value,  # type: ignore[arg-type]
                unit=s.unit,
                speaker=s.speaker,
                cites=s.cites,
                extra={"sentence_start": s.start},
            )
        )
    return tuple(out)


def build_store(path: Path, n_articles: int, n_outlets: int, seed: int = 1) -> tuple[str, int, Path]:
    """Fill a store; returns (topic, articles on it, sources.yaml path)."""
    from claimcheck.models import Article, Defaults, Outlet, Sources
    from claimcheck.store import Store, content_hash

    infos = make_outlets(n_outlets)
    outlets = tuple(Outlet(o.id, o.name, o.aliases, wire=o.wire) for o in infos)
    aliases = Sources("", Defaults(), outlets).alias_map()
    per_outlet = math.ceil(n_articles / n_outlets)
    stories = make_stories(max(1, n_articles // PER_STORY), seed)
    topic_story = stories[0]
    rows = list(iter_articles(infos, per_outlet, stories, seed))[:n_articles]
    on_topic = [i for i, (_, art, _) in enumerate(rows) if art.story.id == topic_story.id]
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        real = dict(
            zip(
                on_topic,
                pool.map(_claims, [(rows[i][1].text, aliases) for i in on_topic], chunksize=16),
                strict=True,
            )
        )
    fetched = datetime(2026, 1, 1, tzinfo=UTC)
    with Store.open(path) as store:
        store.sync_outlets(outlets)
        for i, (p, art, _) in enumerate(rows):
            url = f"http://www.{art.outlet.id}.bench.test{p}"
            claims = tuple(real[i]) if i in real else span_claims(art)
            store.add_article(
                Article(
                    outlet=art.outlet.id,
                    url=url,
                    canonical_url=url,
                    title=art.title,
                    text=art.text,
                    content_hash=content_hash(art.text),
                    fetched=fetched,
                    published=art.published,
                    author=art.author,
                    claims=claims,
                ),
                [url],
            )
    src = path.parent / "sources.yaml"
    lines = ["outlets:"]
    for o in infos:
        lines += [
            f"  - id: {o.id}",
            f'    name: "{o.name}"',
            f"    aliases: {list(o.aliases)!r}".replace("'", '"'),
            f"    wire: {'true' if o.wire else 'false'}",
            f'    feeds: ["http://www.{o.id}.bench.test/feed.xml"]',
        ]
    src.write_text("\n".join(lines) + "\n")
    return topic_story.place, len(on_topic), src


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.compare", description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=50_000)
    ap.add_argument("--outlets", type=int, default=50)
    ap.add_argument(
        "--fetch-pages",
        type=int,
        default=40,
        help="pages per outlet for the fetch-memory run "
        "(5 outlets, single loopback host, into the big store); 0 skips it",
    )
    ap.add_argument("--repeat", type=int, default=2, help="compare runs; the best counts")
    ap.add_argument("--keep", action="store_true")
    a = ap.parse_args(argv)
    header("bench.compare", articles=a.articles, outlets=a.outlets)
    return with_temp_dir("claimcheck-bench-compare-", a.keep, lambda tmp: _run(a, tmp))


def _run(a: argparse.Namespace, tmp: Path) -> int:
    db = tmp / "bench.db"
    t = time.perf_counter()
    topic, n_topic, src = build_store(db, a.articles, a.outlets)
    print(
        f"# store: {a.articles:,} articles, {db.stat().st_size / 2**20:.0f} MiB, built in "
        f"{time.perf_counter() - t:.0f}s; topic {topic!r}: {n_topic} articles",
        flush=True,
    )
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update(CLAIMCHECK_HOME=str(tmp / "home"), COLUMNS="120")
    env = cached_bytecode(env, tmp)
    cmd = [sys.executable, "-m", "claimcheck", "compare", topic, "--db", str(db), "--sources", str(src)]
    cmd += ["--format", "markdown"]
    run_measured(cmd, env=env)  # untimed: fills the bytecode cache and the page cache

    best = best_run(cmd, env=env, repeat=a.repeat)
    if best is None:
        return 1
    startup = run_measured([sys.executable, "-m", "claimcheck", "--version"], env=env).seconds

    # In-process breakdown and the bare-SQLite baselines.
    from claimcheck.compare import CompareOptions, compare, topic_outlets
    from claimcheck.config import load_sources
    from claimcheck.render import render
    from claimcheck.store import Store, fts_query

    cfg = load_sources(src)
    with Store.open(db, create=False) as store:
        t = time.perf_counter()
        articles = store.search(topic)
        t_search = time.perf_counter() - t
        t = time.perf_counter()
        result = compare(
            topic, articles, topic_outlets(articles, cfg, store.stored_outlets()), CompareOptions()
        )
        t_compare = time.perf_counter() - t
        t = time.perf_counter()
        render(result, "markdown")
        t_render = time.perf_counter() - t
    raw = sqlite3.connect(db)
    t = time.perf_counter()
    ids = raw.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", (fts_query(topic),)
    ).fetchall()
    t_fts = time.perf_counter() - t
    t = time.perf_counter()
    raw.execute(
        "SELECT a.id, a.text, c.fields FROM articles a JOIN claims c ON c.article_id = a.id "
        f"WHERE a.id IN ({','.join(str(i) for (i,) in ids)})"
    ).fetchall()
    t_rows = time.perf_counter() - t
    raw.close()

    fetch_run = None
    if a.fetch_pages:
        corpus = generate(tmp / "corpus", 5, a.fetch_pages, seed=7)
        with serve(corpus.root, latency=0.05) as port:
            fsrc = tmp / "fetch-sources.yaml"
            fsrc.write_text(
                sources_yaml(
                    corpus,
                    {o.id: f"http://127.0.0.1:{port}" for o in corpus.outlets},
                    concurrency=16,
                    per_host=16,
                ).replace("  - id: out", "  - id: new")
            )
            fetch_run = run_measured(
                [
                    sys.executable,
                    "-m",
                    "claimcheck",
                    "fetch",
                    "--allow-private",  # the corpus is served on loopback
                    "--db",
                    str(db),
                    "--sources",
                    str(fsrc),
                    "--json",
                ],
                env=env,
            )

    figure(
        "claimcheck compare, time to the table (best run)",
        best.seconds,
        "s",
        f"{len(articles)} articles, {len(result.facts)} facts",
    )
    figure("  of which interpreter start and imports (claimcheck --version)", startup, "s")
    figure("  store.search (FTS5 + rows + claims)", t_search, "s")
    figure("  compare() (syndication, matching, facts)", t_compare, "s")
    figure("  render markdown", t_render, "s")
    figure("bare FTS5 MATCH for the topic (baseline)", t_fts, "s", f"{len(ids)} rows")
    figure("bare SQL fetch of those articles' rows and claims (baseline)", t_rows, "s")
    figure("compare peak memory (process tree)", mib(best.peak_rss), "MiB")
    if fetch_run is not None:
        figure(
            f"fetch of {5 * a.fetch_pages} pages into the {a.articles:,}-article store, peak memory",
            mib(fetch_run.peak_rss),
            "MiB",
            f"exit {fetch_run.returncode}, {fetch_run.seconds:.1f}s",
        )
    ratio("compare time / 1 s target", best.seconds / 1.0, "<= 1.0", best.seconds <= 1.0)
    ratio("store.search / bare SQL (FTS + rows)", t_search / max(t_fts + t_rows, 1e-9))
    ratio("compare peak memory / 150 MB", best.peak_rss / 150e6, "<= 1.0", best.peak_rss <= 150e6)
    if fetch_run is not None:
        ratio("fetch peak memory / 500 MB", fetch_run.peak_rss / 500e6, "<= 1.0", fetch_run.peak_rss <= 500e6)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

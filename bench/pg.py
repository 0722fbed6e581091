"""PostgreSQL as the store (issue 15): fetch of N outlets x M pages into PostgreSQL with 1, 2 and 4 fetch
processes (``--shard K/N``) beside SQLite with 1, and ``compare`` on a big store in both backends.

A throwaway cluster is started for the run (tests/pgserver.py: initdb + pg_ctl on 127.0.0.1, as the
``postgres`` user when run as root) and removed afterwards. The corpus and its server are bench/corpus.py's;
every outlet gets its own loopback address (127.0.0.2, 127.0.0.3, ...) used directly in the feed URLs, so
per-host limits apply per outlet without touching /etc/hosts. The compare store is built by
bench/compare.py's ``build_store`` in SQLite, then moved into PostgreSQL with ``claimcheck migrate-store``.
Targets: 2 fetchers >= 1.6x one fetcher; compare on PostgreSQL within 1.5x of SQLite.

    python -m bench.pg                                            # 50 x 40 pages, 50,000-article compare
    python -m bench.pg --outlets 6 --articles 4 --compare-articles 600   # smoke
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path

from bench.common import REPO, TreeCPU, figure, header, ratio, run_measured, with_temp_dir
from bench.corpus import generate, host_address, serve, sources_yaml


def _cluster():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(REPO / "tests"))
    from pgserver import PgCluster

    return PgCluster()


def _fetchers(n: int, db: str, src: Path, env: dict[str, str]) -> tuple[float, float, float, list[int]]:
    """n fetch processes at once (``--shard k/n``): wall time until the last one ends, the CPU seconds their
    process trees used (fetchers, forkservers and extraction workers; sampled), the fetching processes' own
    share of it, and the exit codes."""
    t = time.perf_counter()
    shard = (lambda k: ["--shard", f"{k}/{n}"]) if n > 1 else (lambda k: [])
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "claimcheck", "fetch", "--db", db, "--sources", str(src), "--quiet",
             "--allow-private", *shard(k)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for k in range(1, n + 1)
    ]
    sampler = TreeCPU([p.pid for p in procs])
    errs = [p.communicate()[1] for p in procs]
    seconds = time.perf_counter() - t
    cpu, own = sampler.stop(), sampler.of_roots()
    for p, err in zip(procs, errs, strict=True):
        if p.returncode:
            print(err[-1500:], file=sys.stderr)
    return seconds, cpu, own, [p.returncode for p in procs]


def _count(target: str) -> int:
    from claimcheck.store import Store

    with Store.open(target, create=False) as store:
        return store.stats().articles


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.pg", description=__doc__.split("\n\n")[0])
    ap.add_argument("--outlets", type=int, default=50)
    ap.add_argument("--articles", type=int, default=40, help="pages per outlet")
    ap.add_argument("--latency", type=float, default=0.05)
    ap.add_argument("--compare-articles", type=int, default=50_000, help="0 skips the compare part")
    ap.add_argument("--repeat", type=int, default=2, help="compare runs per backend; the best counts")
    ap.add_argument("--keep", action="store_true")
    a = ap.parse_args(argv)
    header("bench.pg", outlets=a.outlets, articles=a.articles, compare_articles=a.compare_articles)
    return with_temp_dir("claimcheck-bench-pg-", a.keep, lambda tmp: _run(a, tmp))


def _run(a: argparse.Namespace, tmp: Path) -> int:
    os.chmod(tmp, 0o755)
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower() and not k.startswith("CLAIMCHECK_")}
    env.update(CLAIMCHECK_HOME=str(tmp / "home"), NO_PROXY="*", COLUMNS="120")
    cluster = _cluster()
    try:
        corpus = generate(tmp / "corpus", a.outlets, a.articles)
        pages = len(corpus.pages)
        addresses = [host_address(i) for i in range(len(corpus.outlets))]
        with ExitStack() as stack:
            port = stack.enter_context(serve(corpus.root, hosts=addresses, latency=a.latency))
            base = {o.id: f"http://{addresses[i]}:{port}" for i, o in enumerate(corpus.outlets)}
            src = tmp / "sources.yaml"
            src.write_text(sources_yaml(corpus, base, concurrency=16, per_host=2))
            runs: dict[str, float] = {}
            for name, n, target in (
                ("sqlite, 1 fetcher", 1, str(tmp / "fetch.db")),
                ("postgresql, 1 fetcher", 1, cluster.empty_database()),
                ("postgresql, 2 fetchers", 2, cluster.empty_database()),
                ("postgresql, 4 fetchers", 4, cluster.empty_database()),
            ):
                if target.startswith("postgresql"):
                    from claimcheck.store import Store

                    Store.open(target).close()  # the schema first, so that the fetchers do not race for it
                seconds, cpu, own, codes = _fetchers(n, target, src, env)
                stored = _count(target)
                runs[name] = seconds
                figure(f"fetch {pages} pages, {name}", seconds, "s",
                       f"exit {codes}, {stored} stored, CPU {cpu:.1f} s = {cpu / seconds:.2f} cores busy; "
                       f"fetching processes {own:.1f} s, extraction {cpu - own:.1f} s")  # fmt: skip
            one = runs["postgresql, 1 fetcher"]
            ratio("postgresql 2 fetchers vs 1 (speed-up)", one / runs["postgresql, 2 fetchers"], ">= 1.6",
                  one / runs["postgresql, 2 fetchers"] >= 1.6)  # fmt: skip
            ratio("postgresql 4 fetchers vs 1 (speed-up)", one / runs["postgresql, 4 fetchers"])
            ratio("postgresql 1 fetcher / sqlite 1 fetcher (time)", one / runs["sqlite, 1 fetcher"])
        if a.compare_articles:
            _compare(a, tmp, cluster, env)
    finally:
        cluster.stop()
    return 0


def _compare(a: argparse.Namespace, tmp: Path, cluster, env: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    from bench.compare import build_store

    db = tmp / "compare.db"
    t = time.perf_counter()
    topic, n_topic, src = build_store(db, a.compare_articles, 50)
    print(f"# compare store: {a.compare_articles:,} articles built in {time.perf_counter() - t:.0f}s; "
          f"topic {topic!r}: {n_topic} articles", flush=True)  # fmt: skip
    url = cluster.empty_database()
    t = time.perf_counter()
    moved = run_measured([sys.executable, "-m", "claimcheck", "migrate-store", str(db), url, "-q"], env=env)
    figure("migrate-store of the compare store into postgresql", time.perf_counter() - t, "s",
           f"exit {moved.returncode}")  # fmt: skip
    best: dict[str, float] = {}
    for _ in range(max(1, a.repeat)):
        for name, target in (("sqlite", str(db)), ("postgresql", url)):
            run = run_measured(
                [sys.executable, "-m", "claimcheck", "compare", topic, "--db", target, "--sources", str(src),
                 "--format", "markdown", "-q"],
                env=env,
            )  # fmt: skip
            if run.returncode:
                print(run.stderr[-1500:], file=sys.stderr)
            best[name] = min(best.get(name, 1e9), run.seconds)
    for name, seconds in best.items():
        figure(f"compare on {a.compare_articles:,} articles, {name} (best run)", seconds, "s")
    r = best["postgresql"] / best["sqlite"]
    ratio("compare postgresql / sqlite (time)", r, "<= 1.5", r <= 1.5)


if __name__ == "__main__":
    raise SystemExit(main())

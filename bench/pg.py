"""PostgreSQL as the store (issue 15): fetch of N outlets x M pages into PostgreSQL with 1, 2 and 4 fetch
processes (``--shard auto``, and ``--shard K/N`` beside it) beside SQLite with 1, and ``compare`` on a big
store in both backends.

A throwaway cluster is started for the run (tests/pgserver.py: initdb + pg_ctl on 127.0.0.1, as the
``postgres`` user when run as root) and removed afterwards. The corpus and its server are bench/corpus.py's;
every outlet gets its own loopback address (127.0.0.2, 127.0.0.3, ...) used directly in the feed URLs, so
per-host limits apply per outlet without touching /etc/hosts. The compare store is built by
bench/compare.py's ``build_store`` in SQLite, then moved into PostgreSQL with ``claimcheck migrate-store``.
Targets: 2 fetchers >= 1.6x one fetcher; compare on PostgreSQL within 1.5x of SQLite. Several fetchers share
the outlets with ``--shard auto`` (hosts taken one at a time from the queue in the database); the runs with
``--shard K/N`` (a fixed split by a hash of the host) are beside them. One fetcher runs plain (every outlet).

One fetcher already uses every CPU of the machine (an extraction process per CPU), so on one machine a
second adds little: the target is about fetchers that bring their own CPUs, as on separate machines.
``--cpus-per-fetcher N`` measures that on one machine: fetchers pinned (sched_setaffinity, inherited by
their extraction processes, which they size by it) to N CPUs each, distinct, beside the unpinned runs; the
target is then judged on the pinned runs. PostgreSQL and the corpus server stay unpinned: their CPU is
reported per run, with what PostgreSQL's sessions were doing (pg_stat_activity every 0.1 s).

    python -m bench.pg                                            # 50 x 40 pages, 50,000-article compare
    python -m bench.pg --outlets 6 --articles 4 --compare-articles 600   # smoke
    python -m bench.pg --cpus-per-fetcher 1 --compare-articles 0         # 1 vs 2 fetchers, each on its own CPU
    python -m bench.pg --cpus-per-fetcher 1 --compare-articles 0 --one-auto   # and 1 fetcher with --shard auto
    python -m bench.pg --outlets 20 --compare-articles 0 --store-cost    # the store's CPU per article
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from bench.common import REPO, TreeCPU, figure, header, ratio, run_measured, with_temp_dir
from bench.corpus import generate, host_address, serve, sources_yaml


def _cluster():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(REPO / "tests"))
    from pgserver import PgCluster

    return PgCluster()


@dataclass(frozen=True)
class FetchRun:
    """One configuration: ``n`` fetchers at once, sharing the outlets with ``--shard auto`` (``split``
    "auto") or ``--shard k/n`` ("static"), each pinned to its own CPU set (``cpus``, one set per fetcher;
    empty: unpinned, free to use every CPU)."""

    name: str
    n: int
    backend: str
    cpus: tuple[frozenset[int], ...] = ()
    split: str = "plain"  # "plain": every outlet (no --shard); "auto": --shard auto; "static": --shard k/n


def _runs(cpus_per_fetcher: int, one_auto: bool = False, pinned_only: bool = False) -> list[FetchRun]:
    runs = [
        FetchRun("sqlite, 1 fetcher", 1, "sqlite"),
        FetchRun("postgresql, 1 fetcher", 1, "postgresql"),
        *([FetchRun("postgresql, 1 fetcher --shard auto", 1, "postgresql", split="auto")] if one_auto else []),
        FetchRun("postgresql, 2 fetchers --shard auto", 2, "postgresql", split="auto"),
        FetchRun("postgresql, 2 fetchers --shard K/2", 2, "postgresql", split="static"),
        FetchRun("postgresql, 4 fetchers --shard auto", 4, "postgresql", split="auto"),
    ]
    if pinned_only and cpus_per_fetcher:
        runs = []
    if cpus_per_fetcher:
        mine = sorted(os.sched_getaffinity(0))
        c = cpus_per_fetcher
        for n in (1, 2, 4):
            if n * c <= len(mine):  # distinct CPUs for each fetcher, as on separate machines
                sets = tuple(frozenset(mine[k * c : (k + 1) * c]) for k in range(n))
                name = f"postgresql, {n} pinned (CPUs {_shown(sets)})"
                if n == 1:
                    runs.append(FetchRun(name, n, "postgresql", sets))
                    continue
                runs.append(FetchRun(f"{name} --shard auto", n, "postgresql", sets, split="auto"))
                if n == 2:
                    runs.append(FetchRun(f"{name} --shard K/2", n, "postgresql", sets, split="static"))
    return runs


def _shown(sets: tuple[frozenset[int], ...]) -> str:
    return " / ".join(",".join(str(c) for c in sorted(s)) for s in sets)


def _pinned(cpus: frozenset[int]) -> Callable[[], None]:
    return lambda: os.sched_setaffinity(0, cpus)  # in the child, before exec: its whole tree inherits it


@dataclass
class Ended:
    """One fetch process of a run: when it ended (seconds after the run's start) and the articles it stored."""

    seconds: float = 0.0
    stored: int = 0
    err: str = ""
    given: int = 0  # hosts it gave to a fetcher out of work (--shard auto)


def _fetchers(
    run: FetchRun, db: str, src: Path, env: dict[str, str], others: dict[str, list[int]]
) -> tuple[float, list[int], TreeCPU, list[Ended]]:
    """The fetch processes of ``run`` at once: wall time until the last one ends, the exit codes, the CPU
    their process trees (fetchers, forkservers, extraction workers) and ``others`` used (sampled), and when
    each one ended with how many articles it stored (its ``--json`` summary): how even the split was."""
    t = time.perf_counter()
    if run.split == "static":
        shard: Callable[[int], list[str]] = lambda k: ["--shard", f"{k}/{run.n}"]  # noqa: E731
    elif run.split == "auto":
        shard = lambda k: ["--shard", "auto"]  # noqa: E731
    else:
        shard = lambda k: []  # noqa: E731
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "claimcheck", "fetch", "--db", db, "--sources", str(src), "--quiet",
             "--json", "--allow-private", *shard(k)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=_pinned(run.cpus[k - 1]) if run.cpus else None,
        )
        for k in range(1, run.n + 1)
    ]  # fmt: skip
    sampler = TreeCPU([p.pid for p in procs], others=others)
    ends = [Ended() for _ in procs]

    def wait(p: subprocess.Popen[str], end: Ended) -> None:
        out, end.err = p.communicate()
        end.seconds = time.perf_counter() - t
        with contextlib.suppress(ValueError, KeyError, TypeError):
            summary = json.loads(out)
            end.stored = int(summary["totals"]["new"])
            end.given = sum(1 for o in summary["outlets"] if any(r.startswith("host given") for r in o["reasons"]))

    waiters = [threading.Thread(target=wait, args=(p, e)) for p, e in zip(procs, ends, strict=True)]
    for w in waiters:
        w.start()
    for w in waiters:
        w.join()
    seconds = time.perf_counter() - t
    sampler.stop()
    for p, end in zip(procs, ends, strict=True):
        if p.returncode:
            print(end.err[-1500:], file=sys.stderr)
    return seconds, [p.returncode for p in procs], sampler, ends


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
    ap.add_argument(
        "--cpus-per-fetcher", type=int, default=0,
        help="also run 1, 2 (and 4) fetchers each pinned to its own N CPUs (as on separate machines); "
        "the 2-vs-1 target is then judged on the pinned runs",
    )  # fmt: skip
    ap.add_argument(
        "--fetch-repeat", type=int, default=1, help="passes over the fetch runs; the best of each counts"
    )
    ap.add_argument(
        "--store-cost", action="store_true",
        help="then store the SQLite run's articles into PostgreSQL again, in batches of 64: server and client "
        "CPU per article, and without claims / without the full-text column, to see where it goes",
    )  # fmt: skip
    ap.add_argument(
        "--one-auto", action="store_true", help="also one fetcher with --shard auto: what the queue costs alone"
    )
    ap.add_argument(
        "--pinned-only", action="store_true", help="with --cpus-per-fetcher: only the pinned runs (1, 2 and 4)"
    )
    ap.add_argument(
        "--trace", action="store_true",
        help="each fetcher samples where its extraction pool waits (CLAIMCHECK_FETCH_TRACE); printed per run",
    )  # fmt: skip
    ap.add_argument("--keep", action="store_true")
    a = ap.parse_args(argv)
    if a.cpus_per_fetcher and not hasattr(os, "sched_setaffinity"):
        ap.error("--cpus-per-fetcher needs sched_setaffinity (Linux)")
    if a.cpus_per_fetcher and 2 * a.cpus_per_fetcher > len(os.sched_getaffinity(0)):
        ap.error(f"--cpus-per-fetcher {a.cpus_per_fetcher}: two fetchers need {2 * a.cpus_per_fetcher} CPUs, "
                 f"this process may use {len(os.sched_getaffinity(0))}")  # fmt: skip
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    header("bench.pg", outlets=a.outlets, articles=a.articles, compare_articles=a.compare_articles,
           cpus_per_fetcher=a.cpus_per_fetcher, load=load)  # fmt: skip
    return with_temp_dir("claimcheck-bench-pg-", a.keep, lambda tmp: _run(a, tmp))


def _run(a: argparse.Namespace, tmp: Path) -> int:
    os.chmod(tmp, 0o755)
    env = {
        k: v for k, v in os.environ.items() if "proxy" not in k.lower() and not k.startswith("CLAIMCHECK_")
    }
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
            best: dict[str, float] = {}
            estimates: dict[str, float] = {}  # pinned run -> CPU seconds on the busiest CPU
            for p in range(max(1, a.fetch_repeat)):
                for i, run in enumerate(_runs(a.cpus_per_fetcher, a.one_auto, a.pinned_only)):
                    bound: dict[str, float] = {}
                    trace = tmp / f"trace-{p}-{i}.jsonl" if a.trace else None
                    seconds = _measure(run, cluster, tmp, src, env, pages, f"{p + 1}.{run.name}", bound, trace)
                    best[run.name] = min(best.get(run.name, 1e9), seconds)
                    for n, b in bound.items():
                        estimates[n] = min(estimates.get(n, 1e9), b)
            _ratios(best, a.cpus_per_fetcher, estimates)
        if a.store_cost:
            _store_cost(cluster, tmp / "fetch-1.db")
        if a.compare_articles:
            _compare(a, tmp, cluster, env)
    finally:
        cluster.stop()
    return 0


def _measure(
    run: FetchRun,
    cluster,
    tmp: Path,
    src: Path,
    env: dict[str, str],
    pages: int,
    tag: str,
    estimates: dict[str, float],
    trace: Path | None = None,
) -> float:  # type: ignore[no-untyped-def]
    """One fetch run into a fresh database, with the CPU of every party (fetchers, PostgreSQL, the corpus
    server) and, for PostgreSQL, what its sessions were doing and what the run cost it in transactions and rows."""
    if run.backend == "sqlite":
        target = str(tmp / f"fetch-{tag.split('.')[0]}.db")
    else:
        from claimcheck.store import Store

        target = cluster.empty_database()
        Store.open(target).close()  # the schema first, so that the fetchers do not race for it
    others = {"postgresql": [_postmaster(cluster)], "corpus server": _corpus_server()}
    watch = ServerWatch(cluster, target) if run.backend == "postgresql" else None
    sampling = watch.own_cpu() if watch else 0.0
    if trace is not None:
        env = {**env, "CLAIMCHECK_FETCH_TRACE": str(trace)}
    seconds, codes, cpu, ends = _fetchers(run, target, src, env, others)
    fetchers, own, used = cpu.stop(), cpu.of_roots(), cpu.of_others()
    if watch:
        used["postgresql"] -= (
            watch.own_cpu() - sampling
        )  # the server's work for our sampling is not the run's
    activity = watch.stop() if watch else ""
    stored = _count(target)
    parties = ", ".join(f"{name} {c:.1f} s" for name, c in used.items())
    figure(f"fetch {pages} pages, {run.name}", seconds, "s",
           f"exit {codes}, {stored} stored, fetchers' CPU {fetchers:.1f} s = {fetchers / seconds:.2f} cores busy "
           f"(fetching processes {own:.1f} s, extraction {fetchers - own:.1f} s); {parties}; "
           f"load {os.getloadavg()[0]:.1f}")  # fmt: skip
    if run.n > 1:
        total = max(1, sum(e.stored for e in ends))
        gave = f"; hosts given to a fetcher out of work: {', '.join(str(e.given) for e in ends)}" if run.split == "auto" else ""
        print(f"#   each fetcher ended at {', '.join(f'{e.seconds:.1f}' for e in ends)} s, having stored "
              f"{', '.join(f'{e.stored} ({100 * e.stored / total:.0f}%)' for e in ends)} articles{gave}", flush=True)  # fmt: skip
    if run.cpus:
        trees = [cpu.of_tree(r) for r in cpu.roots]
        shared = sum(used.values())
        free = len(os.sched_getaffinity(0)) > sum(len(c) for c in run.cpus)
        bound = max(trees) + (0.0 if free else shared / run.n)
        print(f"#   CPU per fetcher's tree {', '.join(f'{t:.1f}' for t in trees)} s; PostgreSQL and the corpus "
              f"server {shared:.1f} s {'on the CPUs left free' if free else 'shared among the pinned CPUs'}: "
              f"{bound:.1f} s of CPU on the busiest CPU", flush=True)  # fmt: skip
        estimates[run.name] = bound
    if activity:
        print(f"#   {activity}", flush=True)
    if trace is not None and trace.exists():
        _print_trace(trace)
    return seconds


def _print_trace(path: Path) -> None:
    """Each fetcher's CLAIMCHECK_FETCH_TRACE record: when its extraction pool had no page, and why."""
    for line in path.read_text().splitlines():
        r = json.loads(line)
        idle = ", ".join(f"{k} {v:.2f} s (own CPU {r['fetcher_cpu_while_idle'].get(k, 0):.2f})"
                         for k, v in r["idle"].items())  # fmt: skip
        tail = r.get("queue_empty")
        left = (f"; queue empty at {tail['t']:.1f} s with {tail['pages_left']} pages left in {tail['hosts']} hosts"
                f" ({tail['feeds_open']} reading feeds)" if tail else "")  # fmt: skip
        print(f"#   trace {r['pid']}: {r['seconds']:.2f} s, pool busy {r['pool_busy']:.2f} s; pool idle: {idle}{left}",
              flush=True)  # fmt: skip
        if os.environ.get("BENCH_PG_TIMELINE"):
            print("#     " + " | ".join(str(x) for x in r["timeline"]), flush=True)


def _ratios(best: dict[str, float], cpus_per_fetcher: int, estimates: dict[str, float]) -> None:
    pinned = {(r.n, r.split): r.name for r in _runs(cpus_per_fetcher) if r.cpus}
    if "postgresql, 1 fetcher" not in best:  # --pinned-only
        one = 0.0
    else:
        one = best["postgresql, 1 fetcher"]
        r2 = one / best["postgresql, 2 fetchers --shard auto"]
        static = one / best["postgresql, 2 fetchers --shard K/2"]
    if pinned:
        if one:
            ratio("postgresql 2 fetchers --shard auto vs 1, unpinned (sharing every CPU; speed-up)", r2)
            ratio("postgresql 2 fetchers --shard K/2 vs 1, unpinned (speed-up)", static)
        base = pinned[(1, "plain")]
        for n, split in ((2, "auto"), (2, "static"), (4, "auto")):
            if (n, split) not in pinned:
                continue
            mode = "--shard auto" if split == "auto" else f"--shard K/{n}"
            p = best[base] / best[pinned[(n, split)]]
            target = n == 2 and split == "auto"
            ratio(
                f"postgresql {n} fetchers {mode} vs 1, pinned to {cpus_per_fetcher} CPU(s) each (speed-up)",
                p,
                *((">= 1.6", p >= 1.6) if target else ()),
            )
            if base in estimates and pinned[(n, split)] in estimates:
                ratio(
                    f"postgresql {n} fetchers {mode} vs 1, pinned, from CPU time (CPU seconds on the busiest CPU, "
                    "1 / n: the speed-up a quiet machine would give if every fetcher were CPU-bound)",
                    estimates[base] / estimates[pinned[(n, split)]],
                )
    else:
        ratio("postgresql 2 fetchers --shard auto vs 1 (speed-up)", r2, ">= 1.6", r2 >= 1.6)
        ratio("postgresql 2 fetchers --shard K/2 vs 1 (speed-up)", static)
    if not one:
        return
    ratio("postgresql 4 fetchers --shard auto vs 1 (speed-up)", one / best["postgresql, 4 fetchers --shard auto"])
    ratio("postgresql 1 fetcher / sqlite 1 fetcher (time)", one / best["sqlite, 1 fetcher"])
    if "postgresql, 1 fetcher --shard auto" in best:
        ratio("postgresql 1 fetcher --shard auto / 1 fetcher (time)", best["postgresql, 1 fetcher --shard auto"] / one)


def _store_cost(cluster, source: Path, repeat: int = 3) -> None:  # type: ignore[no-untyped-def]
    """What storing costs per article: the fetched articles (with their claims) written again into fresh
    PostgreSQL databases with ``add_articles`` in batches of 64, as fetch writes them; CPU time of the
    server process (/proc) and of this client (``process_time``), best of ``repeat`` interleaved passes.
    The variants leave out the claims, or the full-text column and its GIN index, to show their share."""
    from dataclasses import replace

    from claimcheck.store import Store

    with Store.open(str(source), create=False) as s:
        articles = [replace(a, id=None) for a in s.articles_by_id([a.id for a in s.iter_articles()])]
    bare = [replace(a, claims=()) for a in articles]
    variants = {
        "as fetch stores them": (articles, False),
        "without claims": (bare, False),
        "without the full-text column": (articles, True),
        "without either": (bare, True),
    }
    best: dict[str, tuple[float, float]] = {}
    for _ in range(repeat):
        for name, (items, no_fts) in variants.items():
            store = Store.open(cluster.empty_database())
            if no_fts:
                store.conn.execute("ALTER TABLE articles DROP COLUMN tsv")  # type: ignore[attr-defined]
            server = f"/proc/{store.conn.info.backend_pid}/stat"  # type: ignore[attr-defined]
            s0, c0 = _proc_cpu(server), time.process_time()
            for i in range(0, len(items), 64):
                store.add_articles([(a, [f"k-{a.canonical_url}"]) for a in items[i : i + 64]])
            used = (_proc_cpu(server) - s0, time.process_time() - c0)
            store.close()
            old = best.get(name, (1e9, 1e9))
            best[name] = (min(old[0], used[0]), min(old[1], used[1]))
    n = max(1, len(articles))
    claims = sum(len(a.claims) for a in articles)
    print(f"# store cost: {len(articles)} articles, {claims} claims, "
          f"{sum(len(a.text) for a in articles) // n} characters of text on average", flush=True)  # fmt: skip
    for name, (server, client) in best.items():
        figure(
            f"store cost per article, {name}: server",
            1000 * server / n,
            "ms",
            f"client {1000 * client / n:.3f} ms",
        )


def _proc_cpu(stat: str) -> float:
    with open(stat, "rb") as f:
        fields = f.read().rsplit(b")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _postmaster(cluster) -> int:  # type: ignore[no-untyped-def]
    return int((cluster.data / "postmaster.pid").read_text().split()[0])


def _corpus_server() -> list[int]:
    """The corpus server (bench/corpus.py serve), a child of this process."""
    found = []
    for d in os.listdir("/proc"):
        try:
            with open(f"/proc/{d}/stat", "rb") as f:
                ppid = int(f.read().rsplit(b")", 1)[1].split()[1])
            with open(f"/proc/{d}/cmdline", "rb") as f:
                cmd = f.read()
        except (OSError, ValueError, IndexError):
            continue
        if ppid == os.getpid() and b"bench.corpus" in cmd:
            found.append(int(d))
    return found


class ServerWatch:
    """What PostgreSQL did for one database during a run: its client sessions sampled from
    ``pg_stat_activity`` every 0.1 s (from a connection to another database, so the sampling is not counted),
    and the transactions and rows the run cost (``pg_stat_database``, ``pg_stat_user_tables``, before/after)."""

    def __init__(self, cluster, target: str) -> None:  # type: ignore[no-untyped-def]
        import psycopg

        self.db = target.rsplit("/", 1)[1]
        self.conn = psycopg.connect(cluster.url(), autocommit=True)
        self.pid = self.conn.info.backend_pid
        self.target = target
        self.before = self._totals()
        self.samples: Counter[str] = Counter()
        self.ticks = 0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        while not self.done.wait(0.1):
            self.ticks += 1
            rows = self.conn.execute(
                "SELECT application_name, state, wait_event_type, wait_event FROM pg_stat_activity "
                "WHERE datname = %s AND backend_type = 'client backend' AND application_name LIKE 'claimcheck%%'",
                (self.db,),
            ).fetchall()
            for app, state, wtype, wevent in rows:
                who = "pacer" if app.endswith("pacer") else "store"
                if state == "active":
                    what = f"waits {wtype}:{wevent}" if wtype else "runs SQL"
                elif state and state.startswith("idle in transaction"):
                    what = "in a transaction, waits for its client"
                else:
                    what = "idle"
                self.samples[f"{who} {what}"] += 1

    def own_cpu(self) -> float:
        """CPU seconds the server process of our sampling connection has used so far."""
        return _proc_cpu(f"/proc/{self.pid}/stat")

    def _totals(self) -> dict[str, int]:
        import psycopg

        out: dict[str, int] = {}
        with psycopg.connect(self.target, autocommit=True) as conn:
            row = conn.execute(
                "SELECT xact_commit, xact_rollback, tup_inserted, tup_updated FROM pg_stat_database "
                "WHERE datname = current_database()"
            ).fetchone()
            out.update(commits=row[0], rollbacks=row[1], inserted=row[2], updated=row[3])
            for rel, ins in conn.execute("SELECT relname, n_tup_ins FROM pg_stat_user_tables").fetchall():
                out[f"{rel} rows"] = ins
        return out

    def stop(self) -> str:
        self.done.set()
        self.thread.join()
        for _ in range(50):  # the fetchers' sessions report their counts as they end
            left = self.conn.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND backend_type = 'client backend'",
                (self.db,),
            ).fetchone()[0]
            if not left:
                break
            time.sleep(0.1)
        after = self._totals()
        self.conn.close()
        delta = {k: v - self.before.get(k, 0) for k, v in after.items() if v - self.before.get(k, 0)}
        articles = max(1, delta.get("articles rows", 0))
        busy = sum(n for k, n in self.samples.items() if k.startswith("store") and not k.endswith("idle"))
        top = ", ".join(f"{k} {n / max(1, self.ticks):.2f}" for k, n in self.samples.most_common(6))
        return (
            f"postgresql: {delta.get('commits', 0)} commits ({delta.get('commits', 0) / articles:.2f} per article), "
            f"{delta.get('rollbacks', 0)} rollbacks, rows inserted "
            + ", ".join(f"{k.split()[0]} {v}" for k, v in sorted(delta.items()) if k.endswith(" rows"))
            + f"; sessions per 0.1 s sample ({self.ticks} samples): {top}; store sessions busy in "
            f"{busy / max(1, self.ticks):.2f} of them on average"
        )


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

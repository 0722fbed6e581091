"""`claimcheck fetch` of N outlets x M articles served over loopback with a fixed latency per request.

Baselines measured in the same run:
  (a) ideal = requests x latency / concurrency + extraction CPU time / cores, where the extraction CPU
      time is our own per-page cost (text + claims, one core) measured here on a sample of the pages;
  (b) trafilatura's own feed-and-download path (`trafilatura -i feeds.txt --feed --parallel N`) on the
      same corpus, with a config file turning SSRF_PROTECTION and SLEEP_TIME off (the defaults refuse
      loopback and sleep 5 s between two requests to one host).

With --hosts (the default for full runs) every outlet gets its own host name on its own loopback address
(www.outNN.bench.test -> 127.0.0.N) through /etc/hosts lines added for the run and removed afterwards
(the file is restored in a finally), so per-host limits apply per outlet as on the real web.

    python -m bench.fetch                         # full run: 50 x 40, 50 ms, both baselines
    python -m bench.fetch --outlets 3 --articles 4 --single-host --no-peer   # smoke
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import sys
import time
from contextlib import ExitStack
from pathlib import Path

from bench.common import figure, header, mib, ratio, run_measured, with_temp_dir
from bench.corpus import (
    PLACEHOLDER,
    etc_hosts,
    generate,
    host_address,
    host_name,
    serve,
    server_requests,
    sources_yaml,
)

TRAFILATURA_CFG = """[DEFAULT]
DOWNLOAD_TIMEOUT = 30
MAX_FILE_SIZE = 20000000
MIN_FILE_SIZE = 10
# off for the benchmark: the default sleeps 5 s between two requests to one host
SLEEP_TIME = 0
USER_AGENTS =
COOKIE =
MAX_REDIRECTS = 2
# off for the benchmark: the corpus is served from loopback addresses
SSRF_PROTECTION = off
INSECURE_SSL_FALLBACK = on
MIN_EXTRACTED_SIZE = 250
MIN_OUTPUT_SIZE = 1
MIN_OUTPUT_COMM_SIZE = 1
MAX_TREE_SIZE =
EXTRACTION_TIMEOUT = 30
MIN_DUPLCHECK_SIZE = 100
MAX_REPETITIONS = 2
EXTENSIVE_DATE_SEARCH = on
EXTERNAL_URLS = off
"""


def extraction_cpu(root: Path, pages: list[str], every: int, aliases: dict[str, str]) -> tuple[float, int]:
    """Our per-page CPU time (extract text and metadata, then claims) on every ``every``-th page, serially."""
    from claimcheck.ingest.worker import process_page

    sample = pages[::every] or pages[:1]
    bodies = [(root / p.lstrip("/")).read_bytes().replace(PLACEHOLDER, b"http://127.0.0.1:1") for p in sample]
    process_page(bodies[0], "http://127.0.0.1:1/warm.html", "text/html; charset=utf-8", aliases)  # imports
    t = time.process_time()
    for p, b in zip(sample, bodies, strict=True):
        process_page(b, "http://127.0.0.1:1" + p, "text/html; charset=utf-8", aliases)
    return (time.process_time() - t) / len(sample), len(sample)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.fetch", description=__doc__.split("\n\n")[0])
    ap.add_argument("--outlets", type=int, default=50)
    ap.add_argument("--articles", type=int, default=40, help="articles per outlet")
    ap.add_argument("--latency", type=float, default=0.05, help="seconds per request")
    ap.add_argument("--concurrency", type=int, default=16, help="requests in flight (claimcheck and peer)")
    ap.add_argument("--per-host", type=int, default=2)
    ap.add_argument(
        "--single-host", action="store_true", help="all outlets on 127.0.0.1 (no /etc/hosts change)"
    )
    ap.add_argument("--no-peer", action="store_true", help="skip the trafilatura baseline")
    ap.add_argument("--sample", type=int, default=10, help="measure extraction CPU on every N-th page")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each side, interleaved; the best counts")
    ap.add_argument("--keep", action="store_true", help="keep the temp dir (corpus, db, peer output)")
    a = ap.parse_args(argv)
    if a.single_host and not a.no_peer:
        print("# --single-host: no trafilatura peer (it rejects bare-IP URLs)")
        a.no_peer = True
    header(
        "bench.fetch",
        outlets=a.outlets,
        articles=a.articles,
        latency=a.latency,
        concurrency=a.concurrency,
        per_host=a.per_host,
        hosts="single" if a.single_host else "per-outlet",
    )
    return with_temp_dir("claimcheck-bench-fetch-", a.keep, lambda tmp: _run(a, tmp))


def _run(a: argparse.Namespace, tmp: Path) -> int:
    t = time.perf_counter()
    corpus = generate(tmp / "corpus", a.outlets, a.articles)
    print(
        f"# corpus: {len(corpus.pages)} pages, {corpus.bytes / 1e6:.0f} MB, generated in "
        f"{time.perf_counter() - t:.1f}s under {tmp}",
        flush=True,
    )
    if a.single_host:
        names = {o.id: "127.0.0.1" for o in corpus.outlets}
        addresses = ["127.0.0.1"]
        per_host = a.concurrency  # every outlet shares one host: lift the per-host limit
        n_hosts = 1
    else:
        names = {o.id: host_name(o.id) for o in corpus.outlets}
        addresses = [host_address(i) for i in range(len(corpus.outlets))]
        per_host = a.per_host
        n_hosts = len(corpus.outlets)
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}  # loopback only, never a proxy
    env.update(CLAIMCHECK_HOME=str(tmp / "home"), PYTHONUNBUFFERED="1", NO_PROXY="*")
    with ExitStack() as stack:
        port = stack.enter_context(serve(corpus.root, hosts=addresses, latency=a.latency))
        if not a.single_host:
            stack.enter_context(etc_hosts({names[o.id]: addresses[i] for i, o in enumerate(corpus.outlets)}))
            for i, o in enumerate(corpus.outlets):  # never let a name reach anything but loopback
                got = socket.gethostbyname(names[o.id])
                if got != addresses[i]:
                    raise SystemExit(f"{names[o.id]} resolves to {got}, not {addresses[i]}: aborting")
        base_for = {o.id: f"http://{names[o.id]}:{port}" for o in corpus.outlets}
        src = tmp / "sources.yaml"
        src.write_text(sources_yaml(corpus, base_for, concurrency=a.concurrency, per_host=per_host))

        (tmp / "traf.cfg").write_text(TRAFILATURA_CFG)
        (tmp / "feeds.txt").write_text(
            "".join(f"{base_for[o.id]}{corpus.feed_path(o)}\n" for o in corpus.outlets)
        )
        exe = shutil.which("trafilatura", path=str(Path(sys.executable).parent)) or "trafilatura"
        ours = peer = None
        for n in range(max(1, a.repeat)):  # interleaved, so that a noisy moment hits both sides alike
            r0 = server_requests(port, addresses[0])
            run = run_measured(
                [
                    sys.executable,
                    "-m",
                    "claimcheck",
                    "fetch",
                    "--allow-private",  # the corpus is served on loopback
                    "--db",
                    str(tmp / f"bench{n}.db"),
                    "--sources",
                    str(src),
                    "--json",
                ],
                env=env,
            )
            requests = server_requests(port, addresses[0]) - r0
            try:
                totals = json.loads(run.stdout)["totals"]
            except (ValueError, KeyError):
                print(run.stdout[-2000:], run.stderr[-2000:], sep="\n", file=sys.stderr)
                return 1
            print(
                f"# claimcheck run {n + 1}: {run.seconds:.1f}s, exit {run.returncode}, {totals['new']} new, "
                f"{totals['failed']} failed, {totals['claims']} claims, {requests} requests",
                flush=True,
            )
            if ours is None or run.seconds < ours.seconds:
                ours = run
            if a.no_peer:
                continue
            r1 = server_requests(port, addresses[0])
            out = tmp / f"peer-out{n}"
            run = run_measured(
                [
                    exe,
                    "-i",
                    str(tmp / "feeds.txt"),
                    "--feed",
                    "--parallel",
                    str(a.concurrency),
                    "--config-file",
                    str(tmp / "traf.cfg"),
                    "-o",
                    str(out),
                ],
                env=env,
            )
            peer_requests = server_requests(port, addresses[0]) - r1
            peer_docs = sum(1 for _ in out.rglob("*.txt")) if out.exists() else 0
            print(
                f"# trafilatura run {n + 1}: {run.seconds:.1f}s, exit {run.returncode}, {peer_docs} documents "
                f"written, {peer_requests} requests",
                flush=True,
            )
            if peer is None or run.seconds < peer.seconds:
                peer = run
        assert ours is not None

    from claimcheck.config import load_sources

    aliases = load_sources(src).alias_map()
    per_page, sampled = extraction_cpu(corpus.root, corpus.pages, a.sample, aliases)
    cores = os.cpu_count() or 1
    concurrency = min(a.concurrency, n_hosts * per_host)
    ideal_net = requests * a.latency / concurrency
    ideal_cpu = per_page * len(corpus.pages) / cores
    ideal = ideal_net + ideal_cpu

    figure(
        "claimcheck fetch wall time (best run)",
        ours.seconds,
        "s",
        f"{len(corpus.pages) / ours.seconds:.0f} pages/s",
    )
    figure("claimcheck fetch peak memory (process tree)", mib(ours.peak_rss), "MiB")
    figure(
        "extraction CPU per page (text + claims, 1 core)", per_page * 1000, "ms", f"sampled {sampled} pages"
    )
    figure(
        "ideal time",
        ideal,
        "s",
        f"{requests} requests x {a.latency:g}s / {concurrency} + "
        f"{per_page * len(corpus.pages):.1f}s CPU / {cores} cores = {ideal_net:.1f} + {ideal_cpu:.1f}",
    )
    if peer is not None:
        figure("trafilatura feed+download wall time (best run)", peer.seconds, "s")
        figure("trafilatura peak memory (process tree)", mib(peer.peak_rss), "MiB")
    ok = ours.returncode == 0 and totals["new"] == len(corpus.pages)
    if not ok:
        print(f"# WARNING: claimcheck stored {totals['new']} of {len(corpus.pages)} pages", flush=True)
    r = ours.seconds / ideal
    ratio("claimcheck / ideal", r, "<= 1.3", r <= 1.3)
    if peer is not None:
        r = peer.seconds / ours.seconds
        ratio("trafilatura / claimcheck (speed-up)", r, ">= 1.5", r >= 1.5)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

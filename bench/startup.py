"""Start-up of claimcheck against another build of it (an older commit), run alternately, best of N.

    python -m bench.startup --base /tmp/old/bin/python            # -V and a one-page fetch
    python -m bench.startup --base /tmp/old/bin/python --db STORE --sources FILE --topic T   # and compare

``--base`` is a Python whose ``import claimcheck`` finds the other build (a virtualenv with it installed,
or one with a .pth file pointing at an unpacked ``git archive`` of the commit); both sides run from a
scratch folder, so that neither picks up the current directory. For each side: CPU (user + sys of the
process and the children it waited for) and wall time to the end of its output, best of ``--repeat``; for
the one-page fetch the fetching process's own CPU up to its last atexit handler is what the CPU ratio
compares (the whole tree's is not comparable: this build reaps its forkserver, so its CPU is counted,
the old one left it to be reaped by init). The one page is the first real page of shared/realdata (50 ms latency,
on 127.0.0.2), as in ``bench.fetch --only-one-page`` (a generated page where shared/realdata is absent). Bytecode is cached (in the temp dir) for both.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from bench.common import cached_bytecode, figure, header, ratio, with_temp_dir
from bench.corpus import generate, host_address, real_corpus, serve, sources_yaml
from bench.fetch import REALDATA

# Runs claimcheck as `python -m claimcheck` does, and reports this process's CPU at its very end.
WRAP = (
    "import atexit, os, sys, time\n"
    "atexit.register(lambda: os.write(2, b'MAINCPU %f\\n' % time.process_time()))\n"
    "sys.argv = ['claimcheck', *sys.argv[1:]]\n"
    "import runpy\n"
    "runpy.run_module('claimcheck', run_name='__main__', alter_sys=True)\n"
)


def _run(python: str, args: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, float, int, str]:
    """(CPU of the process and its waited children, wall seconds to the end of output, own CPU, code, stdout)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen([python, "-c", WRAP, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cwd)
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    own = [float(line.split()[1]) for line in err.decode(errors="replace").splitlines() if line.startswith("MAINCPU")]
    return cpu, wall, own[-1] if own else float("nan"), proc.returncode, out.decode(errors="replace")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.startup", description=__doc__.split("\n\n")[0])
    ap.add_argument("--base", required=True, help="Python that imports the build to compare against")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--db", type=Path, help="a store for compare (e.g. bench.compare --keep's bench.db)")
    ap.add_argument("--sources", type=Path, help="its sources.yaml")
    ap.add_argument("--topic", default="Kakaveia")
    ap.add_argument("--real", type=Path, default=REALDATA)
    a = ap.parse_args(argv)
    header("bench.startup", base=a.base, repeat=a.repeat, compare=bool(a.db))
    return with_temp_dir("claimcheck-bench-startup-", False, lambda tmp: _bench(a, tmp))


def _bench(a: argparse.Namespace, tmp: Path) -> int:
    sides = {"base": a.base, "this": sys.executable}
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update(CLAIMCHECK_HOME=str(tmp / "home"), NO_PROXY="*", COLUMNS="120")
    env = cached_bytecode(env, tmp)
    scratch = tmp / "cwd"
    scratch.mkdir()
    # the first real page; a generated one where the real pages are absent
    corpus = real_corpus(tmp / "corpus", 1, 1, a.real) if a.real.is_dir() else generate(tmp / "corpus", 1, 1)
    address = host_address(0)
    with serve(corpus.root, hosts=[address], latency=0.05) as port:
        src = tmp / "one.yaml"
        src.write_text(sources_yaml(corpus, {corpus.outlets[0].id: f"http://{address}:{port}"}))
        runs: dict[str, list[str]] = {"-V": ["-V"]}
        if a.db:
            runs["compare"] = ["compare", a.topic, "--db", str(a.db), "--format", "markdown"]
            runs["compare"] += ["--sources", str(a.sources)] if a.sources else []
        runs["one-page fetch"] = ["fetch", "--sources", str(src), "--json", "--allow-private", "--db"]
        n = 0
        for name, args in runs.items():
            best: dict[str, list[float]] = {}
            for rep in range(a.repeat + 1):  # the first round is untimed: it fills the bytecode cache
                for side, python in sides.items():
                    n += 1
                    full = [*args, str(tmp / f"d{n}.db")] if name == "one-page fetch" else args
                    cpu, wall, own, code, out = _run(python, full, env, scratch)
                    if code != 0 or (name == "one-page fetch" and json.loads(out)["totals"]["new"] != 1):
                        print(f"# {side} {name}: exit {code}\n{out[-1000:]}", file=sys.stderr)
                        return 1
                    if rep:
                        old = best.get(side, [float("inf")] * 3)
                        best[side] = [min(x, y) for x, y in zip(old, (cpu, wall, own), strict=True)]
            for side in sides:
                cpu, wall, own = best[side]
                extra = f", fetching process {own * 1000:.0f} ms" if name == "one-page fetch" else ""
                figure(f"{name} ({side})", wall, "s", f"CPU {cpu * 1000:.0f} ms{extra}")
            ratio(f"{name}: this / base, wall", best["this"][1] / best["base"][1])
            k = 2 if name == "one-page fetch" else 0  # the fetching process alone (see the docstring)
            what = "fetching process CPU" if k else "CPU"
            ratio(f"{name}: this / base, {what}", best["this"][k] / best["base"][k])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

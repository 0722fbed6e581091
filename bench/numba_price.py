"""What compiled code through numba would cost and give `claimcheck stories` (issue 13, speed round 6).

numba is not a dependency of claimcheck (this bench is why: bench/README.md, "Speed round 6"). To run it,
install numba beside the project (``pip install numba``: wheels for CPython 3.11 that keep numpy 2.4) in a
throwaway venv or this one. Each figure comes from a fresh interpreter, so that imports and first calls are
measured as a command would pay them:

- ``import numba``: wall time, CPU and resident memory it adds to a process that has numpy;
- the first call of a compiled kernel (``_scores``' cosines, one ``@njit(cache=True)`` function) with an empty
  on-disk cache (``NUMBA_CACHE_DIR`` a new folder: it compiles) and again with that cache filled;
- the same kernel compiled ahead of time (``numba.pycc``, pending deprecation in numba) into a CPython extension:
  the build, then its import and first call in a process that never loads numba (skipped when it cannot be
  built: no C compiler);
- on a realistic store (bench/storycorpus.py): the phases of `claimcheck stories` (CPU and peak resident
  memory, ``VmHWM``) as the command runs them, with numpy's ``_scores`` and with each kernel in its place, two
  processes each, alternated; and, in one process, the ``_scores`` interleaved (best of 3, CPU) with whether
  their float32 cosines are the same bit for bit.

    python -m bench.numba_price                  # 50,000 articles
    python -m bench.numba_price --size 5000      # quick
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.common import REPO, figure, header, ratio, with_temp_dir

# The kernel: each pair's shared terms found through a slot table of its first article's terms (pairs come
# sorted by their first article), the products summed in float64 in the second article's term order, as
# numpy's _scores sums them: the same float32 cosines bit for bit.
_BODY = """
def _kernel(terms, weights, pairs, figure, out, both, slot):
    width = terms.shape[1]
    cur = -1
    for k in range(pairs.shape[0]):
        i = pairs[k, 0]
        j = pairs[k, 1]
        if i != cur:
            if cur >= 0:
                for a in range(width):
                    if terms[cur, a] >= 0:
                        slot[terms[cur, a]] = -1
            for a in range(width):
                if terms[i, a] >= 0:
                    slot[terms[i, a]] = a
            cur = i
        acc = 0.0
        fig = False
        for b in range(width):
            t = terms[j, b]
            if t >= 0 and slot[t] >= 0:
                acc += np.float64(weights[i, slot[t]] * weights[j, b])
                fig = fig or figure[t]
        out[k] = np.float32(acc)
        both[k] = fig
    if cur >= 0:
        for a in range(width):
            if terms[cur, a] >= 0:
                slot[terms[cur, a]] = -1
"""

# ``scores(vec, pairs, chunk, figure)``, _scores' signature, over a module's ``_kernel``
_CALL = """

def scores(vec, pairs, chunk=4096, figure=None):
    size = int(vec.terms.max(initial=0)) + 1
    out = np.empty(len(pairs), dtype=np.float32)
    both = np.zeros(len(pairs), dtype=bool)
    fig = figure if figure is not None else np.zeros(size, dtype=bool)
    _kernel(vec.terms, vec.weights, pairs, fig, out, both, np.full(size, -1, dtype=np.int32))
    return out, both
"""

# compiled when first called (``@njit``), its machine code kept on disk (``cache=True``)
KERNEL = "import numpy as np\nfrom numba import njit\n\n\n@njit(cache=True, nogil=True)" + _BODY + _CALL

# compiled ahead of time by numba.pycc into a CPython extension (``nbaot``) that runs without numba
AOT_BUILD = (
    "import sys\nimport numpy as np\nfrom numba.pycc import CC\n\ncc = CC('nbaot')\ncc.output_dir = sys.argv[1]\n\n\n"
    "@cc.export('kernel', 'void(i4[:,:], f4[:,:], i4[:,:], b1[:], f4[:], b1[:], i4[:])')"
    + _BODY
    + "\n\ncc.compile()\n"
)
AOT_CALL = "import numpy as np\nfrom nbaot import kernel as _kernel\n" + _CALL

_STATUS = """
def status(key):
    return int(open("/proc/self/status").read().split(key + ":")[1].split()[0]) / 1024
"""

_IMPORT = (
    _STATUS
    + """
import json, time
import numpy
rss0 = status("VmRSS")
t, c = time.perf_counter(), time.process_time()
import numba
print(json.dumps({"wall": time.perf_counter() - t, "cpu": time.process_time() - c,
                  "rss_numpy": rss0, "rss_numba": status("VmRSS"), "version": numba.__version__}))
"""
)

_FIRST_CALL = (
    _STATUS
    + """
import json, sys, time
import numpy as np
rss0 = status("VmRSS")
t = time.perf_counter()
nbscores = __import__(sys.argv[1])
t_import = time.perf_counter() - t
class V:
    terms = np.sort(np.random.default_rng(1).integers(0, 1000, (100, 40)), axis=1).astype(np.int32)
    weights = np.ones((100, 40), dtype=np.float32)
pairs = np.sort(np.random.default_rng(2).integers(0, 100, (1000, 2)), axis=0).astype(np.int32)
t = time.perf_counter()
nbscores.scores(V, pairs)
print(json.dumps({"import": t_import, "first_call": time.perf_counter() - t, "rss_numpy": rss0,
                  "rss": status("VmRSS"), "numba_loaded": "numba" in sys.modules}))
"""
)

_PHASES = (
    _STATUS
    + """
import json, sys, time
from pathlib import Path
db, src, variant = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
from claimcheck.cli.stories import return_freed_memory, store_window
from claimcheck.config import load_sources
from claimcheck.store import Store
from claimcheck.stories import (StoryOptions, _mark_wire_copies, _positions, _skeleton, describe_stories, group,
                                index_articles, story_order, grouping)
return_freed_memory()
out = {}
if variant != "numpy":
    module = __import__({"numba": "nbscores", "aot": "nbscores_aot"}[variant])
    grouping._scores = module.scores
outlets = {o.id: o for o in load_sources(src).outlets}
def phase(name, run):
    c = time.process_time()
    got = run()
    out[name] = time.process_time() - c
    return got
with Store.open(db, create=False, verify=False, read_only=True) as store:
    window = phase("read", lambda: store_window(store, None, None, None))
    options = StoryOptions()
    ix = phase("index", lambda: index_articles(window, options))
    every = phase("group", lambda: sorted((_skeleton(g, window) for g in group(window, options, ix)),
                                          key=story_order))
    positions = _positions(window)
    described = phase("labels", lambda: describe_stories(every, ix, positions))
    del ix
    phase("wire", lambda: _mark_wire_copies(described, window, positions, outlets))
out["peak"] = status("VmHWM")
out["groups"] = len(every)
out["digest"] = __import__("hashlib").sha1(repr([s.id for s in every]).encode()).hexdigest()[:12]
print(json.dumps(out))
"""
)

_SCORES = """
import gc, json, sys, time
from pathlib import Path
import numpy as np
from claimcheck.cli.stories import store_window
from claimcheck.store import Store
from claimcheck.stories import StoryOptions, index_articles
from claimcheck.stories.scoring import _candidates, _scores, _timestamps, _vectors
with Store.open(Path(sys.argv[1]), create=False, verify=False, read_only=True) as store:
    window = store_window(store, None, None, None)
    options = StoryOptions()
    ix = index_articles(window, options)
vec = _vectors(ix, options)
pairs = _candidates(vec, _timestamps(window.rows), options)
runs = {"numpy": _scores}
for name in sys.argv[2:]:  # the kernels' modules
    runs[name] = __import__(name).scores
    runs[name](vec, pairs[:10], figure=ix.figure)
best = dict.fromkeys(runs, float("inf"))
same = True
for _ in range(3):
    for name, run in runs.items():
        gc.collect()
        c = time.process_time()
        got = run(vec, pairs, figure=ix.figure)
        best[name] = min(best[name], time.process_time() - c)
        if name == "numpy":
            ref = got
        else:
            same = same and np.array_equal(ref[0].view(np.int32), got[0].view(np.int32))
            same = same and np.array_equal(ref[1], got[1])
print(json.dumps({**best, "same": bool(same), "pairs": len(pairs)}))
"""


def _child(code: str, args: list[str], env: dict[str, str]) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"bench.numba_price: a measuring process failed:\n{done.stderr.strip()}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.numba_price", description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=int, default=50_000, help="articles in the store (all in the window)")
    ap.add_argument("--outlets", type=int, default=50)
    ap.add_argument("--keep", action="store_true")
    a = ap.parse_args(argv)
    if importlib.util.find_spec("numba") is None:
        print(
            "bench.numba_price: numba is not installed (it is no dependency): pip install numba",
            file=sys.stderr,
        )
        return 1
    header("bench.numba_price", size=a.size, outlets=a.outlets)
    return with_temp_dir("claimcheck-bench-numba-", a.keep, lambda tmp: _run(a, tmp))


def _run(a: argparse.Namespace, tmp: Path) -> int:
    from bench.stories import build_store

    kernels = tmp / "kernels"
    kernels.mkdir()
    (kernels / "nbscores.py").write_text(KERNEL)
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower() and k != "NUMBA_CACHE_DIR"}
    env.update(PYTHONPATH=os.pathsep.join((str(kernels), str(REPO))), CLAIMCHECK_HOME=str(tmp / "home"))
    got = _child(_IMPORT, [], env)
    figure(f"import numba {got['version']} (after numpy)", got["wall"], "s", f"CPU {got['cpu']:.3f} s")
    figure("  resident memory: numpy alone / with numba", got["rss_numba"], "MiB",
           f"{got['rss_numpy']:.0f} MiB -> {got['rss_numba']:.0f} MiB: +{got['rss_numba'] - got['rss_numpy']:.0f}")  # fmt: skip
    cache = tmp / "cache"
    jit = {**env, "NUMBA_CACHE_DIR": str(cache)}
    for run in ("empty cache: compiles", "cache filled"):
        got = _child(_FIRST_CALL, ["nbscores"], jit)
        figure(f"first call of the kernel (@njit), {run}", got["first_call"], "s",
               f"import {got['import']:.3f} s, resident {got['rss_numpy']:.0f} -> {got['rss']:.0f} MiB")  # fmt: skip
    figure("  files in NUMBA_CACHE_DIR after the runs", len(list(cache.rglob("*.nb*"))), "")
    got = _child(_FIRST_CALL, ["nbscores"], env)
    in_tree = len(list((kernels / "__pycache__").glob("*.nb*")))
    figure("  without NUMBA_CACHE_DIR: cache files beside the module (its __pycache__)", in_tree, "",
           f"first call {got['first_call']:.3f} s")  # fmt: skip
    variants = ["numpy", "numba"]
    t = time.perf_counter()
    build = subprocess.run([sys.executable, "-c", AOT_BUILD, str(kernels)], env=env, capture_output=True,
                           text=True, check=False)  # fmt: skip
    built = time.perf_counter() - t
    if build.returncode == 0 and list(kernels.glob("nbaot*.so")):
        (kernels / "nbscores_aot.py").write_text(AOT_CALL)
        variants.append("aot")
        got = _child(_FIRST_CALL, ["nbscores_aot"], env)
        figure("ahead of time (numba.pycc): building the extension (numba and a C compiler)", built, "s")
        figure("  import of the built extension", got["import"], "s",
               f"first call {got['first_call']:.4f} s, resident {got['rss_numpy']:.0f} -> {got['rss']:.0f} MiB, "
               f"numba {'loaded' if got['numba_loaded'] else 'not loaded'}")  # fmt: skip
    else:
        print(f"# ahead of time (numba.pycc): not built ({(build.stderr.strip().splitlines() or ['?'])[-1]})")
    db = tmp / "stories.db"
    src, _ = build_store(db, a.size, a.outlets)
    phases: dict[str, list[dict[str, Any]]] = {name: [] for name in variants}
    for _ in range(2):
        for name in phases:
            phases[name].append(_child(_PHASES, [str(db), str(src), name], jit))
    for name, runs in phases.items():
        best = {k: min(r[k] for r in runs) for k in ("read", "index", "group", "labels", "wire")}
        note = " / ".join(f"{k} {v:.2f}" for k, v in best.items())
        figure(f"phases' CPU with {name}'s _scores, {a.size:,} articles (best of 2)", sum(best.values()), "s", note)  # fmt: skip
        peak = min(r["peak"] for r in runs)
        figure(f"  peak resident (VmHWM) with {name}'s _scores, {a.size:,}", peak, "MiB",
               f"{runs[0]['groups']} stories")  # fmt: skip
        ratio(f"  peak with {name}'s _scores at {a.size:,} / 300 MB", peak * 2**20 / 300e6, "<= 1.0",
              peak * 2**20 <= 300e6)  # fmt: skip
    digests = {r["digest"] for runs in phases.values() for r in runs}
    figure(
        "  the same stories with each (story ids in order)", float(len(digests) == 1), "", ", ".join(digests)
    )
    modules = {"numba": "nbscores", "aot": "nbscores_aot"}
    got = _child(_SCORES, [str(db), *(modules[v] for v in variants[1:])], jit)
    figure(
        f"_scores CPU, numpy, {got['pairs']:,} candidate pairs (best of 3, interleaved)", got["numpy"], "s"
    )
    for name in variants[1:]:
        secs = got[modules[name]]
        figure(f"_scores CPU, {name} kernel, {got['pairs']:,} candidate pairs", secs, "s",
               "same float32 cosines bit for bit" if got["same"] else "COSINES DIFFER")  # fmt: skip
        ratio(
            f"_scores, {name} / numpy", secs / got["numpy"] if got["numpy"] else 0.0, "< 1, same", got["same"]
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

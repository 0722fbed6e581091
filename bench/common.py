"""What the benchmarks share: timing a command with the peak memory of its whole process tree, and the
one output format (``figure`` lines, then ``ratio`` lines against baselines measured in the same run)."""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def header(name: str, **params: object) -> None:
    """The run's context: the machine can be noisy, so the ratios below are the figures to read."""
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    given = " ".join(f"{k}={v}" for k, v in params.items())
    print(
        f"# {name} · {datetime.now(UTC):%Y-%m-%d %H:%M} UTC · {os.cpu_count()} cores · {mem:.0f} GiB · "
        f"Python {platform.python_version()} · {given}",
        flush=True,
    )


def figure(name: str, value: float, unit: str = "s", note: str = "") -> None:
    print(f"figure {name}: {value:,.3f} {unit}" + (f"  ({note})" if note else ""), flush=True)


def ratio(name: str, value: float, target: str = "", met: bool | None = None) -> None:
    """A ratio against a baseline of the same run; ``target`` says which way is good."""
    verdict = "" if met is None else (" — target met" if met else " — target NOT met")
    t = f"  (target {target}{verdict})" if target else ""
    print(f"ratio {name}: {value:.2f}x{t}", flush=True)


def _stats(roots: list[int]) -> dict[int, list[bytes]]:
    """The /proc/PID/stat fields (after the command name) of ``roots`` and all their descendants."""
    children: dict[int, list[int]] = {}
    stats: dict[int, list[bytes]] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(d))
        stats[int(d)] = fields
    out, stack = {}, list(roots)
    while stack:
        p = stack.pop()
        if p in stats:
            out[p] = stats[p]
        stack.extend(children.get(p, ()))
    return out


def _tree(root: int) -> dict[int, int]:
    """``root`` and all its descendants: pid -> resident memory in bytes (Linux /proc)."""
    page = os.sysconf("SC_PAGE_SIZE")
    return {pid: int(fields[21]) * page for pid, fields in _stats([root]).items()}


def _rss_of_tree(root: int) -> int:
    """Sum of the resident memory of ``root`` and all its descendants, in bytes. Pages two processes
    share (a forkserver's preloaded modules in each worker it forked) count once per process."""
    return sum(_tree(root).values())


def _pss_uss(pids: list[int]) -> tuple[int, int]:
    """Summed proportional and unique set sizes of ``pids`` (/proc/PID/smaps_rollup, Linux >= 4.14), in
    bytes: PSS splits each shared page between the processes sharing it, so the sum over a tree is the
    memory the tree holds; USS counts only pages no other process maps."""
    pss = uss = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
                for line in f:
                    if line.startswith(b"Pss:"):
                        pss += int(line.split()[1]) * 1024
                    elif line.startswith((b"Private_Clean:", b"Private_Dirty:")):
                        uss += int(line.split()[1]) * 1024
        except (OSError, ValueError):
            continue
    return pss, uss


def _cpu_by_root(roots: list[int], seen: dict[tuple[int, int], float]) -> None:
    """Record into ``seen`` the CPU seconds (user + system) used so far by each process under ``roots``,
    keyed (root, pid): one scan of /proc for every tree."""
    tick = os.sysconf("SC_CLK_TCK")
    found = _stats(roots)
    wanted = set(roots)
    for pid, fields in found.items():
        root = pid
        while root not in wanted and root in found:  # up to the root it was found under
            root = int(found[root][1])
        key = (root, pid)
        seen[key] = max(seen.get(key, 0.0), (int(fields[11]) + int(fields[12])) / tick)


class TreeCPU:
    """CPU seconds used by process trees, sampled from /proc every 50 ms (a process that lives less than that
    may be missed): what a run cost the machine, workers and forkservers included, beside its wall time.
    ``others``: more trees (a database server, a web server) billed in the same scans, from now on only."""

    def __init__(self, roots: list[int], *, others: dict[str, list[int]] | None = None) -> None:
        self.roots = self._roots = roots
        self._others = others or {}
        self._all = [*roots, *(p for pids in self._others.values() for p in pids)]
        self._seen: dict[tuple[int, int], float] = {}
        self._base: dict[tuple[int, int], float] = {}
        if self._others:
            _cpu_by_root([p for pids in self._others.values() for p in pids], self._base)
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._done.is_set():
            _cpu_by_root(self._all, self._seen)
            self._done.wait(0.05)

    def _used(self, roots: list[int], *, own: bool = False) -> float:
        wanted = set(roots)
        return sum(
            v - self._base.get((root, pid), 0.0)
            for (root, pid), v in self._seen.items()
            if root in wanted and (not own or pid == root)
        )

    def stop(self) -> float:
        """Ends the sampling; the CPU seconds of every process seen under the roots, the roots included."""
        if not self._done.is_set():
            self._done.set()
            self._thread.join()
            _cpu_by_root(self._all, self._seen)  # the last word of the trees still running
        return self._used(self._roots)

    def of_roots(self) -> float:
        """The roots' own share (for fetch: the fetching processes, without their forkservers and workers)."""
        return self._used(self._roots, own=True)

    def of_tree(self, root: int) -> float:
        """One root's tree."""
        return self._used([root])

    def of_others(self) -> dict[str, float]:
        """Each of ``others``: the CPU seconds its trees used since this sampling began."""
        return {name: self._used(pids) for name, pids in self._others.items()}


@dataclass
class Measured:
    seconds: float
    peak_rss: int  # bytes, whole process tree (parent plus worker processes), sampled every 50 ms
    returncode: int
    stdout: str
    stderr: str
    peak_pss: int = 0  # bytes, summed PSS of the tree, sampled every 0.5 s (run_measured(pss=True) only)
    peak_uss: int = 0  # bytes, summed USS of the tree, likewise


def run_measured(
    cmd: list[str], *, env: dict[str, str] | None = None, cwd: Path | None = None, pss: bool = False
) -> Measured:
    """Run ``cmd``, timing it and sampling its process tree's resident memory (every 50 ms) and, with
    ``pss``, its summed PSS and USS (every 0.5 s: reading smaps_rollup walks the page tables)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cwd or REPO)
    peak = peak_pss = peak_uss = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, peak_pss, peak_uss
        n = 0
        while not done.is_set():
            tree = _tree(proc.pid)
            peak = max(peak, sum(tree.values()))
            if pss and n % 10 == 0:
                p, u = _pss_uss(list(tree))
                peak_pss, peak_uss = max(peak_pss, p), max(peak_uss, u)
            n += 1
            done.wait(0.05)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    done.set()
    t.join()
    return Measured(
        seconds,
        peak,
        proc.returncode,
        out.decode("utf-8", "replace"),
        err.decode("utf-8", "replace"),
        peak_pss,
        peak_uss,
    )


def cached_bytecode(env: dict[str, str], tmp: Path) -> dict[str, str]:
    """``env`` for a benchmarked claimcheck that runs from compiled bytecode, as an installed one does (pip
    compiles it; an editable install writes __pycache__ on its first run). With PYTHONDONTWRITEBYTECODE=1
    in the environment (this sandbox sets it) every run compiled all of claimcheck again: ~0.08 s of CPU
    at start-up (#14). The cache goes to ``tmp``, never into the repository; the caller warms it with an
    untimed run."""
    out = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    return out


def best_run(cmd: list[str], *, env: dict[str, str], repeat: int) -> Measured | None:
    """The fastest of ``repeat`` runs of ``cmd`` (at least one); None, with its output on stderr, when a run
    fails."""
    best = None
    for _ in range(max(1, repeat)):
        run = run_measured(cmd, env=env)
        if run.returncode != 0:
            print(run.stdout[-1500:], run.stderr[-1500:], sep="\n", file=sys.stderr)
            return None
        if best is None or run.seconds < best.seconds:
            best = run
    return best


def mib(n: int) -> float:
    return n / 2**20


def with_temp_dir(prefix: str, keep: bool, run: Callable[[Path], int]) -> int:
    """Run ``run(tmp)`` in a fresh temp dir, removed afterwards unless ``keep`` (then its path is printed)."""
    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        return run(tmp)
    finally:
        if keep:
            print(f"# kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

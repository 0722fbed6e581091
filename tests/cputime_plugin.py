"""CPU per test, for rounds that trim the default suite (docs/speed.md): not loaded unless asked for.

    python -m pytest -p no:xdist -p no:randomly -p tests.cputime_plugin        # writes cputime.json
    python -m tests.cputime_plugin cputime.json [N]                             # files and tests by CPU

Each test's CPU is this process's user + system time plus that of the child processes it waited for
(RUSAGE_CHILDREN: a `claimcheck` run by subprocess counts once it has been waited for), over its setup, call and
teardown. A module's shared fixtures count in the first test that asks for them; imports in the first test
of the run that makes them. CPU rather than wall time: the machine is shared, and a test waiting on a timer or a
socket holds a worker but costs nothing here. CPUTIME_OUT names the output file (default cputime.json)."""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Generator

import pytest

_ROWS: dict[str, tuple[float, float]] = {}


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Generator[None, None, None]:
    cpu, wall = _cpu(), time.perf_counter()
    yield
    _ROWS[item.nodeid] = (_cpu() - cpu, time.perf_counter() - wall)


def pytest_sessionfinish(session: pytest.Session) -> None:
    with open(os.environ.get("CPUTIME_OUT", "cputime.json"), "w", encoding="utf-8") as f:
        json.dump(_ROWS, f)


def report(rows: dict[str, tuple[float, float]], n: int = 40) -> str:
    """The total, then the N files and the N tests that took the most CPU (seconds: CPU, wall, tests)."""
    files: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for nodeid, (cpu, wall) in rows.items():
        f = files[nodeid.split("::")[0]]
        f[0], f[1], f[2] = f[0] + cpu, f[1] + wall, f[2] + 1
    lines = [f"{len(rows)} tests: CPU {sum(c for c, _ in rows.values()):.1f} s, wall {sum(w for _, w in rows.values()):.1f} s"]
    lines += [f"{c:7.2f} {w:7.2f} {int(k):4d} {name}" for name, (c, w, k) in sorted(files.items(), key=lambda x: -x[1][0])[:n]]
    lines += [f"{c:7.2f} {w:7.2f}      {name}" for name, (c, w) in sorted(rows.items(), key=lambda x: -x[1][0])[:n]]
    return "\n".join(lines)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        print(report(json.load(f), int(sys.argv[2]) if len(sys.argv) > 2 else 40))

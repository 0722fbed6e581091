"""A tiny run of each benchmark: it runs and prints its figures and ratio lines (not how fast anything is).

One loopback host, no trafilatura peer; /etc/hosts is never changed. The full runs are by hand (bench/README.md).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# the benchmarks' tiny runs are CI's second run, not the default suite's (pyproject.toml)
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]

SMOKE = {
    "fetch": [
        "--corpus",
        "generated",
        "--one-page",
        "0",  # the one-page fetch (and its warm-up run) is "fetch:one-page"'s
        "--outlets",
        "2",
        "--articles",
        "3",
        "--single-host",
        "--no-peer",
        "--repeat",
        "1",
        "--sample",
        "3",
    ],
    "fetch:one-page": ["--corpus", "generated", "--only-one-page", "--one-page", "1", "--single-host"],
    "extract": ["--pages", "6", "--rounds", "1", "--workers", "2"],
    "match": ["--sizes", "60,150", "--outlets", "4", "--naive-budget", "5"],
    "compare": ["--articles", "24", "--outlets", "3", "--fetch-pages", "1", "--repeat", "1"],
    "stories": ["--sizes", "60,120", "--outlets", "3", "--repeat", "1"],
    "stories_tokens": ["--size", "120", "--outlets", "3", "--repeat", "1"],
    "startup": ["--base", sys.executable, "--repeat", "1"],  # this build against itself
}


@pytest.mark.parametrize("bench", sorted(SMOKE))
def test_benchmark_runs_and_prints_ratios(bench: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env["CLAIMCHECK_HOME"] = str(tmp_path / "home")
    hosts_before = Path("/etc/hosts").read_bytes()
    module = bench.split(":")[0]  # "fetch:one-page": bench.fetch with other options
    proc = subprocess.run(
        [sys.executable, "-m", f"bench.{module}", *SMOKE[bench]],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-3000:]
    lines = proc.stdout.splitlines()
    assert lines[0].startswith(f"# bench.{module}")
    assert any(line.startswith("figure ") for line in lines), proc.stdout
    assert any(line.startswith("ratio ") and "x" in line for line in lines), proc.stdout
    assert Path("/etc/hosts").read_bytes() == hosts_before


def test_numba_price_runs_or_says_numba_is_missing(tmp_path: Path) -> None:
    """bench.numba_price measures numba, which is no dependency: without it, one line and exit 1 (no
    traceback); with it (installed by hand), a tiny run prints its figures and ratios."""
    import importlib.util

    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env["CLAIMCHECK_HOME"] = str(tmp_path / "home")
    proc = subprocess.run(
        [sys.executable, "-m", "bench.numba_price", "--size", "60", "--outlets", "3"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if importlib.util.find_spec("numba") is None:
        assert proc.returncode == 1
        assert proc.stderr.strip().splitlines() == [
            "bench.numba_price: numba is not installed (it is no dependency): pip install numba"
        ]
        assert proc.stdout == ""
        return
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-3000:]
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("# bench.numba_price")
    assert any(line.startswith("ratio _scores, numba / numpy") for line in lines), proc.stdout
    assert any("same float32 cosines bit for bit" in line for line in lines), proc.stdout

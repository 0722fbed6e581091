"""The CPUs claimcheck sizes itself by are those the process may use (its affinity, its cgroup's quota), not
the machine's: a fetcher under ``taskset -c 0`` or in a one-CPU container starts one extraction process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.cpus import cgroup_cpu_limit, usable_cpus

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="no sched_setaffinity on this platform")
def test_a_process_pinned_to_one_cpu_starts_one_extraction_worker() -> None:
    cpu = min(os.sched_getaffinity(0))
    code = (
        f"import os; os.sched_setaffinity(0, {{{cpu}}})\n"
        "from claimcheck.cpus import usable_cpus\n"
        "from claimcheck.ingest.pool import default_workers, worker_count\n"
        "print(usable_cpus(), default_workers(), worker_count(None), worker_count(3))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["1", "1", "1", "3"]  # --workers 3 still means 3


@pytest.mark.skipif(not hasattr(os, "sched_getaffinity"), reason="no sched_getaffinity on this platform")
def test_usable_cpus_never_exceeds_the_affinity_mask() -> None:
    assert 1 <= usable_cpus() <= len(os.sched_getaffinity(0))


def _cgroup(tmp_path: Path, membership: str, files: dict[str, str]) -> tuple[Path, Path]:
    root = tmp_path / "sys"
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    root.mkdir(exist_ok=True)
    proc = tmp_path / "cgroup"
    proc.write_text(membership)
    return root, proc


@pytest.mark.parametrize(
    ("cpu_max", "expected"),
    [("150000 100000\n", 2), ("50000 100000\n", 1), ("400000 100000\n", 4), ("max 100000\n", None), ("junk", None)],
)
def test_cgroup_v2_quota_rounds_up_to_whole_cpus(tmp_path: Path, cpu_max: str, expected: int | None) -> None:
    root, proc = _cgroup(tmp_path, "0::/box/job\n", {"box/job/cpu.max": cpu_max})
    assert cgroup_cpu_limit(root, proc) == expected


def test_cgroup_v1_quota_and_no_quota(tmp_path: Path) -> None:
    membership = "4:memory:/x\n2:cpu,cpuacct:/docker/abc\n0::/\n"
    root, proc = _cgroup(
        tmp_path,
        membership,
        {"cpu,cpuacct/docker/abc/cpu.cfs_quota_us": "200000\n", "cpu,cpuacct/docker/abc/cpu.cfs_period_us": "100000\n"},
    )
    assert cgroup_cpu_limit(root, proc) == 2
    (root / "cpu,cpuacct/docker/abc/cpu.cfs_quota_us").write_text("-1\n")
    assert cgroup_cpu_limit(root, proc) is None


def test_no_cgroup_information_means_no_limit(tmp_path: Path) -> None:
    assert cgroup_cpu_limit(tmp_path / "none", tmp_path / "missing") is None
    root, proc = _cgroup(tmp_path, "0::/\n", {})
    assert cgroup_cpu_limit(root, proc) is None


def test_an_undecodable_membership_file_means_no_limit(tmp_path: Path) -> None:
    # a fetch must start whatever /proc/self/cgroup holds: a stray non-UTF-8 byte is no quota, not a traceback
    membership = tmp_path / "cgroup"
    membership.write_bytes(b"0::/caf\xe9\n")
    assert cgroup_cpu_limit(tmp_path, membership) is None

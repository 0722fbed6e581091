"""How many CPUs this process may use: the CPUs it may run on (``taskset``, a container's cpuset) and its
cgroup's CPU quota (``docker --cpus``), not the machine's count that ``os.cpu_count()`` gives.

A fetcher pinned to one core of a 64-core machine that starts 8 extraction processes only makes them queue
for that core; one sized by this count does not.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

__all__ = ["cgroup_cpu_limit", "usable_cpus"]

V1_DIRS = ("cpu", "cpu,cpuacct", "cpuacct,cpu")  # where a cgroup v1 system mounts the cpu controller


def usable_cpus() -> int:
    """The CPUs this process may use (at least 1): those it may run on, at most its cgroup's CPU quota
    rounded up (a quota of 1.5 CPUs counts 2)."""
    n = _allowed_cpus()
    limit = cgroup_cpu_limit()
    return max(1, min(n, limit) if limit else n)


def _allowed_cpus() -> int:
    """The CPUs this process may run on: Python 3.13's ``os.process_cpu_count()`` (which also honours
    ``PYTHON_CPU_COUNT``), else the affinity mask, else the machine's count."""
    count = getattr(os, "process_cpu_count", None)
    if count is not None:
        return int(count() or 1)
    if hasattr(os, "sched_getaffinity"):
        try:
            return len(os.sched_getaffinity(0)) or 1
        except OSError:
            pass
    return os.cpu_count() or 1


def cgroup_cpu_limit(
    root: Path = Path("/sys/fs/cgroup"), membership: Path = Path("/proc/self/cgroup")
) -> int | None:
    """The CPU quota of this process's own cgroup, rounded up to whole CPUs, or None where there is none
    (no quota, no cgroup file system, not Linux, anything unreadable or undecodable). cgroup v2 (``cpu.max``)
    and v1 (``cpu.cfs_quota_us`` / ``cpu.cfs_period_us``); a quota set only on a parent cgroup is not looked
    for."""
    try:
        return _cgroup_cpu_limit(root, membership)
    except (OSError, ValueError):  # unreadable (a denied directory) or not text: no quota known
        return None


def _cgroup_cpu_limit(root: Path, membership: Path) -> int | None:
    for line in membership.read_text().splitlines():
        hierarchy, _, rest = line.partition(":")
        controllers, _, path = rest.partition(":")
        rel = path.lstrip("/")
        if hierarchy == "0" and not controllers:  # cgroup v2: "0::/path"
            found = _read_quota(root / rel / "cpu.max", None)
        elif "cpu" in controllers.split(","):  # cgroup v1: "4:cpu,cpuacct:/path"
            found = next(
                (
                    _read_quota(root / d / rel / "cpu.cfs_quota_us", root / d / rel / "cpu.cfs_period_us")
                    for d in V1_DIRS
                    if (root / d).is_dir()
                ),
                None,
            )
        else:
            continue
        if found:
            return found
    return None


def _read_quota(quota_file: Path, period_file: Path | None) -> int | None:
    """CPUs from a v2 ``cpu.max`` ("150000 100000", "max 100000") or a v1 quota file and its period file
    ("-1" when there is no quota)."""
    try:
        if period_file is None:
            quota, _, period = quota_file.read_text().strip().partition(" ")
        else:
            quota, period = quota_file.read_text().strip(), period_file.read_text().strip()
        q, p = int(quota), int(period)
    except (OSError, ValueError):
        return None  # no such file, "max", or something unreadable: no quota
    if q <= 0 or p <= 0:
        return None
    return max(1, math.ceil(q / p))

"""Run code in a child process capped in CPU time: a linear-time test that fails by being killed (the
quadratic version needs many times the cap), with no timing assertion (the machine is shared and noisy)."""

from __future__ import annotations

import resource
import subprocess
import sys


def run_capped(argv: list[str], seconds: int) -> subprocess.CompletedProcess[str]:
    """``argv`` run with ``RLIMIT_CPU`` at ``seconds``; the caller checks what it needs of the result."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds))

    return subprocess.run(argv, preexec_fn=cap, capture_output=True, text=True, timeout=600)


def python_within(code: str, seconds: int) -> None:
    """``python -c code`` exits 0 within ``seconds`` of CPU time (its start included)."""
    r = run_capped([sys.executable, "-c", code], seconds)
    assert r.returncode == 0, (r.returncode, r.stderr[-500:])

"""The end of a run (#14): ``exit_now`` exits as the interpreter would (threads joined, atexit handlers
run, output flushed, the exit status kept) without its teardown, and ends the idle forkserver."""

from __future__ import annotations

import os
import subprocess
import sys


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)


def test_exit_now_joins_threads_runs_atexit_and_flushes() -> None:
    run = _run(
        "import atexit, sys, threading, time\n"
        "from claimcheck.__main__ import exit_now\n"
        "atexit.register(print, 'atexit ran')\n"
        "t = threading.Thread(target=lambda: (time.sleep(0.3), print('thread done')))\n"
        "t.start()\n"
        "print('buffered', end='')\n"
        "sys.stderr.write('err')\n"
        "exit_now(3)\n"
    )
    assert run.returncode == 3
    assert run.stdout == "bufferedthread done\natexit ran\n"
    assert run.stderr == "err"


def test_exit_now_takes_what_sys_exit_takes() -> None:
    assert _run("from claimcheck.__main__ import exit_now; exit_now(None)").returncode == 0
    run = _run("from claimcheck.__main__ import exit_now; exit_now('bad input')")
    assert run.returncode == 1 and run.stderr == "bad input\n"


def test_exit_now_on_a_closed_pipe_ends_quietly() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom claimcheck.__main__ import exit_now\n"
         "sys.stdout.write('x' * 1000)\ntime.sleep(0.5)\nexit_now(0)\n"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"},  # the output waits for the flush
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader goes away before the output is flushed
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0 and "Traceback" not in err


def test_exit_now_ends_the_forkserver_it_started() -> None:
    """Left alone, the forkserver tears itself down after this process ended, holding its stdout."""
    proc = subprocess.Popen(
        [sys.executable, "-c", "from multiprocessing import forkserver\n"
         "from claimcheck.ingest.jobs import start_forkserver\n"
         "from claimcheck.__main__ import exit_now\n"
         "start_forkserver()\n"
         "print(forkserver._forkserver._forkserver_pid, flush=True)\n"
         "exit_now(0)\n"],
        stdout=subprocess.PIPE,
    )
    assert proc.stdout is not None
    pid = int(proc.stdout.readline())
    assert proc.wait(timeout=60) == 0
    try:  # gone (killed and reaped) by the time the run has ended
        os.kill(pid, 0)
    except ProcessLookupError:
        return
    finally:
        proc.stdout.close()
    raise AssertionError(f"the forkserver {pid} outlived the run")

"""The command's entry point (``claimcheck`` and ``python -m claimcheck``). A fetch starts the forkserver of its extraction processes first, so that
it imports the extraction stack (trafilatura: ~0.3 s of CPU) on the other core while this process
imports the command line (typer, rich: ~0.1 s) and sets up the fetch (#14).

At the end the process exits as the interpreter would (threads joined, atexit handlers run, output
flushed) but without tearing down every module one by one, and the idle forkserver is ended rather than
left to tear down its own (see :func:`exit_now`)."""

from __future__ import annotations

import contextlib
import os
import sys
from typing import NoReturn


def wants_pool(args: list[str]) -> bool:
    """Whether the command line asks for a fetch with extraction processes (not ``--workers 0``)."""
    if args[:1] != ["fetch"] or "-h" in args or "--help" in args:
        return False
    for i, a in enumerate(args):
        if a == "--workers" and args[i + 1 : i + 2] == ["0"] or a == "--workers=0":
            return False
    return True


def _terminated(signum: int, frame: object) -> NoReturn:
    """SIGTERM outside a long command's own handling (fetch and reindex stop as Ctrl-C does): exit 143,
    as a shell counts it, through ``SystemExit``, so that open files and stores are closed and a
    half-written ``-o`` file removed. It was the signal's default, the process killed where it stood
    (status -15, a temporary file left behind), where Ctrl-C at the same place exits 130."""
    raise SystemExit(128 + signum)


def _terminated_at_exit(signum: int, frame: object) -> NoReturn:
    """SIGTERM once :func:`exit_now` runs: exit 143 at once, without raising inside an atexit handler
    (which prints that exception) or running the rest of them."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(128 + signum)


def exit_now(code: object) -> NoReturn:
    """Exit with ``code`` (as ``sys.exit`` takes it) the way the interpreter does, minus its teardown.

    Non-daemon threads are joined and the atexit handlers run (multiprocessing's and concurrent.futures'
    among them), stdout and stderr are flushed; then ``os._exit``. Skipped: freeing every module and
    object one by one, which with the fetch stack loaded cost ~0.07 s of CPU after the output was
    written. Whatever must reach a file is closed by the commands themselves (the store, ``-o`` files).

    The extraction pool's forkserver outlives this process otherwise: it notices its end, then tears
    down its own modules (trafilatura...: 0.03 s CPU, 0.1-0.3 s on a busy machine) while still holding
    our stdout and stderr, so that ``claimcheck fetch | jq`` waited for it. Its workers are gone by now
    (the pool shut down), so it is ended (SIGKILL) once the handlers have run."""
    import atexit
    import threading

    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # sys.exit("message"): the message on stderr, status 1
        print(code, file=sys.stderr)
        status = 1
    import signal

    with contextlib.suppress(ValueError):  # not the main thread: left as it is
        if signal.getsignal(signal.SIGTERM) not in (signal.SIG_IGN, None):
            signal.signal(signal.SIGTERM, _terminated_at_exit)
    shutdown = getattr(threading, "_shutdown", None)  # what the interpreter calls first at exit
    if shutdown is not None:
        shutdown()
    atexit._run_exitfuncs()
    _end_forkserver()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # the reader went away: nothing more to say to it
            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
    os._exit(status)


def _end_forkserver() -> None:
    forkserver = sys.modules.get("multiprocessing.forkserver")
    pid = getattr(getattr(forkserver, "_forkserver", None), "_forkserver_pid", None)
    if not pid:
        return
    import signal

    with contextlib.suppress(OSError):  # gone already, or not ours to wait for
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)


def _closed_streams_to_devnull() -> None:
    """A stdout or stderr closed when the process started (`>&-`, a daemon) is None in Python, and every
    print or flush raised AttributeError (an internal error, with a traceback). It writes to /dev/null
    instead, as to a reader that went away; and /dev/null holds its descriptor, which the next file opened
    (the database) would take otherwise, for a child process's or a library's stray output to land in."""
    for fd, name in ((1, "stdout"), (2, "stderr")):
        if getattr(sys, name) is not None:
            continue
        with contextlib.suppress(OSError):
            try:
                os.fstat(fd)
            except OSError:  # closed: /dev/null takes the descriptor
                null = os.open(os.devnull, os.O_WRONLY)
                if null != fd:
                    os.dup2(null, fd)
                    os.close(null)
                stream = open(fd, "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115
            else:  # another file holds it already: never written through sys.stdout
                stream = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
            setattr(sys, name, stream)


def _stdout_for_any_text() -> None:
    """A stdout whose encoding cannot write every character (a latin-1 or ASCII locale, PYTHONIOENCODING,
    Windows' code page when redirected) stopped every table, and every export but JSON on an ASCII one, on
    `internal error: UnicodeEncodeError` at the first "…" or title in another script. Into a file or a pipe
    it now writes UTF-8, as ``-o`` does (the HTML report says so in its meta tag, JSON must be UTF-8); on a
    terminal, a character the terminal cannot show is a "?". (stderr already replaces with an escape.)"""
    import codecs

    stream = sys.stdout
    try:
        if codecs.lookup(stream.encoding).name.startswith("utf"):
            return
        if stream.isatty():
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
        else:
            stream.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    except (AttributeError, LookupError, OSError, ValueError):  # not a text file of io's: left as it is
        pass


def main() -> None:
    _closed_streams_to_devnull()
    _stdout_for_any_text()
    try:
        launcher = sys.modules.get("claimcheck_launch")
        if launcher is not None and getattr(launcher, "stopped", None):  # a stop Python dropped (see there)
            exit_now(launcher.stopped[0])
        import _signal  # type: ignore[import-not-found]

        if getattr(_signal.getsignal(_signal.SIGINT), "__module__", None) == "claimcheck_launch":
            # Python's own Ctrl-C (KeyboardInterrupt) from here on, in place of the launcher's exit 130
            _signal.signal(_signal.SIGINT, _signal.default_int_handler)
        # SIGTERM exits 143 (python -m claimcheck: as the launcher does), unless a supervisor ignores it
        if _signal.getsignal(_signal.SIGTERM) == _signal.SIG_DFL:
            _signal.signal(_signal.SIGTERM, _terminated)
        if wants_pool(sys.argv[1:]):
            from claimcheck.ingest.jobs import start_forkserver

            start_forkserver()
        from claimcheck.cli.app import main as cli_main

        cli_main()
    except SystemExit as e:
        exit_now(e.code)
    except KeyboardInterrupt:  # Ctrl-C before a command could handle it (its modules still loading)
        exit_now(130)
    exit_now(0)


if __name__ == "__main__":
    main()

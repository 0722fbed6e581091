"""The ``claimcheck`` console script's entry point, outside the package on purpose.

pip's script runs ``from claimcheck_launch import main`` before any claimcheck code could catch Ctrl-C;
an entry point inside the package would first load the package there, and Ctrl-C in that moment was a
Python traceback. This module's first statement makes Ctrl-C exit 130 quietly until
:func:`claimcheck.__main__.main` takes over (it puts back Python's own handler inside its ``try``), and
SIGTERM exit 143 (128 + the signal, as a shell counts it) through ``SystemExit``, so that what the
command holds open is closed and its half-written files removed, rather than the process killed by it."""

import _signal  # type: ignore[import-not-found]  # the C module: ``signal`` would first import enum (~2 ms without the guard)
import sys  # (built in: loaded already)

# The status of a stop whose SystemExit Python could not let out: a signal handled while a weakref callback
# of the import machinery runs (a module lock freed) has its exception printed as "Exception ignored" and
# dropped, and the command ran on to the end with exit 0. The hook below keeps it quiet and
# claimcheck.__main__.main exits with it as it takes over.
stopped: list[int] = []


def _interrupted(signum: int, frame: object) -> None:
    stopped.append(130)
    raise SystemExit(130)


def _terminated(signum: int, frame: object) -> None:
    stopped.append(143)
    raise SystemExit(143)


def _unraisable(unraisable: "sys.UnraisableHookArgs") -> None:
    if not (stopped and isinstance(unraisable.exc_value, SystemExit)):
        _python_unraisable(unraisable)


_python_unraisable = sys.unraisablehook
sys.unraisablehook = _unraisable


if _signal.getsignal(_signal.SIGINT) is _signal.default_int_handler:  # not when Ctrl-C is ignored (nohup, &)
    _signal.signal(_signal.SIGINT, _interrupted)
if _signal.getsignal(_signal.SIGTERM) == _signal.SIG_DFL:  # not when a supervisor made it ignored
    _signal.signal(_signal.SIGTERM, _terminated)


def main() -> None:
    from claimcheck.__main__ import main as run

    run()

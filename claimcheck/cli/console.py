"""What a command prints, and where: exports on stdout, everything else on stderr (rich consoles made on
first use), one-line errors and dim notes, a progress bar only on a terminal, a quiet end when the reader of
stdout went away."""

from __future__ import annotations

import os
import sys
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, NoReturn, cast

import typer

if TYPE_CHECKING:  # rich loads when something is printed through it (#14)
    from rich.console import Console
    from rich.progress import Progress


# The widest a console is laid out: rich takes $COLUMNS as the width and pads every line of a table to it, so
# COLUMNS=9999999999 ran compare and stories for minutes; no terminal is wider.
MAX_WIDTH = 1000


def _width(options: dict[str, Any]) -> dict[str, Any]:
    """``options`` with the width $COLUMNS gives held to :data:`MAX_WIDTH`, and a $COLUMNS of digits that int()
    does not read ("²", which rich's isdigit() test lets through to a ValueError) or that is 0 left out: rich
    reads $COLUMNS (its copy of the environment, ``_environ``) when it is given no width and again for its size."""
    columns = os.environ.get("COLUMNS")
    if options.get("width") is not None or columns is None or not columns.isdigit():
        return options
    environ = dict(os.environ)
    try:
        width = int(columns)
    except ValueError:
        width = 0
    if width > 0:
        environ["COLUMNS"] = str(min(width, MAX_WIDTH))
    else:  # a width of 0 ("0", "00"): rich laid out nothing, every command printed nothing with exit 0 (review25)
        del environ["COLUMNS"]
    return {**options, "_environ": environ}


def _console(**options: Any) -> Console:
    """rich's Console, ending quietly with exit 0 when the reader of the output went away (``| head -1``):
    rich's own answer is exit 1; its width at most :data:`MAX_WIDTH`."""
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            stdout_gone()
            raise typer.Exit(0)

    return _Console(**_width(options))


class _LazyConsole:
    """A rich Console made on first use: a command that prints only JSON (``fetch --json``) or nothing
    never imports rich.console (~0.02 s of CPU at start-up, #14). Everything is forwarded to it."""

    def __init__(self, **options: Any) -> None:
        self._options = options
        self._made: Console | None = None

    @property
    def real(self) -> Console:
        if self._made is None:
            self._made = _console(**self._options)
        return self._made

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


# Exports go to stdout; everything else (progress, messages, errors) to stderr. Typed as what they stand
# for: every use is a method call, forwarded.
# emoji=False: rich reads ":name:" in a string as an emoji code, so a title "Flood :white_check_mark: verified"
# was shown with a check mark the page never had; web text is shown as written.
out_console = cast("Console", _LazyConsole(highlight=False, soft_wrap=False, emoji=False))
err_console = cast("Console", _LazyConsole(stderr=True, highlight=False, soft_wrap=True, emoji=False))


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one line to stderr and exit with ``code``."""
    from claimcheck.textsafe import terminal_safe

    err_console.print(f"[red]error:[/] {terminal_safe(message)}", soft_wrap=True)
    raise typer.Exit(code)


def note(message: str, quiet: bool = False) -> None:
    """A dim message on stderr, unless ``--quiet``; without control characters, as ``fail`` prints them
    (``wrote a<ESC>[31m.csv``: the file name the user gave, or a path, reached the terminal as it was)."""
    if not quiet:
        from claimcheck.textsafe import plain

        err_console.print(plain(message), style="dim", markup=False)


def stdout_gone() -> None:
    """The reader of stdout went away (``| head -1``): send whatever is still buffered nowhere, so that
    the interpreter's last flush does not complain, and end quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass



class _NoProgress:
    """What a disabled rich Progress does (count, show nothing), without importing rich (#14): ``fetch
    --json`` and every ``--quiet`` run print no bar."""

    def __init__(self) -> None:
        self.tasks: dict[int, SimpleNamespace] = {}

    def __enter__(self) -> _NoProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def add_task(self, description: str, total: float | None = None, **fields: Any) -> int:
        self.tasks[len(self.tasks)] = SimpleNamespace(description=description, total=total, completed=0)
        return len(self.tasks) - 1

    def update(self, task: int, *, total: float | None = None, completed: float | None = None, **fields: Any) -> None:
        if total is not None:
            self.tasks[task].total = total
        if completed is not None:
            self.tasks[task].completed = completed

    def advance(self, task: int, advance: float = 1) -> None:
        self.tasks[task].completed += advance


def progress_on_stderr(quiet: bool) -> Progress:
    """rich progress on stderr, shown only on a terminal and not when ``quiet``."""
    if quiet:
        return cast("Progress", _NoProgress())
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = err_console.real if isinstance(err_console, _LazyConsole) else err_console
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=quiet or not console.is_terminal,
    )

"""What every command shares: options, consoles, errors turned into exit codes, and the rules every
command follows (``-h``, one-line errors, ``-o -`` for stdout, outputs that never overwrite an input,
case-insensitive choices, a quiet end on a closed pipe, plural wording)."""

from __future__ import annotations

import contextlib
import functools
import os
import re
import signal
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import FrameType, SimpleNamespace
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar, cast

import typer
from typer.core import TyperGroup

try:  # typer 0.2x vendors click; older ones use it
    from typer._click.exceptions import ClickException
    from typer._click.exceptions import UsageError as UsageErrorOfClick
except ImportError:  # pragma: no cover
    # no-redef: the same names as the branch above, from click itself (typer before it vendored click)
    from click.exceptions import ClickException  # type: ignore[no-redef]
    from click.exceptions import UsageError as UsageErrorOfClick  # type: ignore[no-redef]

from claimcheck.cli.params import install as install_plain_params
from claimcheck.config import load_sources as _load_sources
from claimcheck.errors import ClaimcheckError, UsageError
from claimcheck.models import Sources
from claimcheck.paths import db_target, default_db_path, demo_db_path, expand_home, find_sources
from claimcheck.store import Store

if TYPE_CHECKING:  # rich loads when something is printed through it (#14)
    from rich.console import Console
    from rich.progress import Progress


def _console(**options: Any) -> Console:
    """rich's Console, ending quietly with exit 0 when the reader of the output went away (``| head -1``):
    rich's own answer is exit 1."""
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            stdout_gone()
            raise typer.Exit(0)

    return _Console(**options)


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
out_console = cast("Console", _LazyConsole(highlight=False, soft_wrap=False))
err_console = cast("Console", _LazyConsole(stderr=True, highlight=False, soft_wrap=True))

CONTEXT_SETTINGS: dict[str, Any] = {"help_option_names": ["-h", "--help"]}

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        metavar="FILE|URL",
        help="SQLite database file or postgresql://user@host:port/dbname (default: $CLAIMCHECK_DB, else "
        "the user data dir).",
        show_default=False,
    ),
]
SourcesOption = Annotated[
    Path | None,
    typer.Option(
        "--sources",
        metavar="FILE",
        help="sources.yaml to use (default: $CLAIMCHECK_SOURCES, ./sources.yaml, the packaged one).",
        show_default=False,
    ),
]
SourceOption = Annotated[
    list[str] | None,
    typer.Option("--source", metavar="ID", help="Only this outlet id (repeatable).", show_default=False),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="No progress bar and no messages on stderr (errors still show).")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the result as JSON on stdout, for scripts.")]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to FILE instead of stdout ('-' is stdout). Never the database or sources.yaml.",
        show_default=False,
    ),
]
def format_option(formats: str, extensions: str) -> Any:
    """The ``--format`` option of a command that writes ``formats`` ("table, json or csv"); ``-o FILE``'s
    ``extensions`` pick one when it is not given."""
    return typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help=f"{formats} (any case). Default: table, or what -o FILE's extension says ({extensions}).",
        show_default=False,
    )


SinceOption = Annotated[
    str | None,
    typer.Option(
        "--since", metavar="WHEN", help="Only articles since: 3d, 12h, 2025-12-13.", show_default=False
    ),
]
UntilOption = Annotated[
    str | None,
    typer.Option(
        "--until", metavar="WHEN", help="Only articles until: 3d, 12h, 2025-12-13.", show_default=False
    ),
]
# A bound that no real run reaches but SQLite and timedelta can still hold (10**23 overflowed both).
MAX_COUNT = 1_000_000_000

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one line to stderr and exit with ``code``."""
    from claimcheck.textsafe import terminal_safe

    err_console.print(f"[red]error:[/] {terminal_safe(message)}", soft_wrap=True)
    raise typer.Exit(code)


def note(message: str, quiet: bool = False) -> None:
    """A dim message on stderr, unless ``--quiet``."""
    if not quiet:
        err_console.print(message, style="dim", markup=False)


def stdout_gone() -> None:
    """The reader of stdout went away (``| head -1``): send whatever is still buffered nowhere, so that
    the interpreter's last flush does not complain, and end quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def handle_errors(fn: F) -> F:
    """Domain errors become one line and their exit code; anything else a one-line internal error
    (the traceback only with CLAIMCHECK_TRACEBACK=1). A closed stdout ends quietly with exit 0."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            result = fn(*args, **kwargs)
            sys.stdout.flush()
            return result
        except ClaimcheckError as e:
            if os.environ.get("CLAIMCHECK_TRACEBACK"):
                raise
            fail(str(e), e.exit_code)
        except (typer.Exit, typer.Abort, KeyboardInterrupt, SystemExit):
            raise
        except BrokenPipeError:
            stdout_gone()
            raise typer.Exit(0) from None
        except Exception as e:
            if os.environ.get("CLAIMCHECK_TRACEBACK"):
                raise
            fail(f"internal error: {type(e).__name__}: {e} (set CLAIMCHECK_TRACEBACK=1 for details)", 1)

    return wrapper  # type: ignore[return-value]  # functools.wraps keeps fn's signature; mypy cannot see it


class Group(TyperGroup):
    """The app's command group: usage errors (a bad option, a missing argument) are one line on stderr
    with exit 2, like every other error, instead of click's usage block."""

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        install_plain_params(self)  # option values without pydantic (#14)
        # The ignores below: mypy assumes *args may fill standalone_mode's position; callers pass
        # it (and everything after args, prog_name) by keyword, as click's own main does.
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)  # type: ignore[misc]
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)  # type: ignore[misc]
        except UsageErrorOfClick as e:
            if type(e).__name__ == "NoArgsIsHelpError":  # `claimcheck` alone: the help, as before
                print(e.format_message(), file=sys.stderr)
                sys.exit(2)
            where = e.ctx.command_path if e.ctx else "claimcheck"
            err_console.print(
                f"[red]error:[/] {_escape(e.format_message())} (see '{_escape(where)} -h')", soft_wrap=True
            )
            sys.exit(2)
        except ClickException as e:
            err_console.print(f"[red]error:[/] {_escape(e.format_message())}", soft_wrap=True)
            sys.exit(e.exit_code)
        except typer.Abort as e:
            if isinstance(e.__context__, KeyboardInterrupt):  # click's word for Ctrl-C: exit as Ctrl-C does
                sys.exit(130)
            err_console.print("Aborted!")  # end of input at a prompt, as click says it
            sys.exit(1)
        except SystemExit as e:
            # typer answers a closed stdout while printing help with exit 1, after wrapping stdout
            if type(sys.stdout).__name__ == "PacifyFlushWrapper":
                stdout_gone()
                sys.exit(0)
            raise e from None
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            stdout_gone()
        sys.exit(code if isinstance(code, int) else 0)


def _escape(s: str) -> str:
    from claimcheck.textsafe import terminal_safe

    return terminal_safe(s)


# -- sources and the database ----------------------------------------------------------------------
def load_sources(path: Path | None) -> Sources:
    return _load_sources(path)


def db_path(db: str | os.PathLike[str] | None) -> str | Path:
    """The database in use: a file path (SQLite) or a ``postgresql://`` URL."""
    return db_target(db) if db is not None else default_db_path()  # "" is bad usage, never the default


def shown_db(db: str | os.PathLike[str] | None) -> str:
    """The database as messages show it (a URL without its password)."""
    target = db_path(db)
    if isinstance(target, str):
        from claimcheck.store_pg import redact

        return redact(target)
    return str(target)


def db_file(target: str | Path | None) -> Path | None:
    """The database's file, which outputs must never overwrite (None for a server)."""
    return target if isinstance(target, Path) else None


def open_store(db: str | os.PathLike[str] | None, *, create: bool = True) -> Store:
    return Store.open(db_path(db), create=create)


def read_db_path(db: str | os.PathLike[str] | None, *, quiet: bool = False) -> str | Path:
    """The database a reading command (compare, articles, stats) uses: as :func:`db_path`, except that
    a user with no database of their own yet reads the demo's (kept by ``claimcheck demo``)."""
    path = db_path(db)
    if db is None and not os.environ.get("CLAIMCHECK_DB") and isinstance(path, Path) and not path.exists():
        demo = demo_db_path()
        if demo.exists():
            note(f"no database of your own yet ({path}); reading the demo's, {demo}", quiet)
            return demo
    return path


# A reader runs SQLite's quick_check (which reads the whole file: ~0.4 s per 200 MB) only on a file up to this
# size: on the 332 MiB store of bench/compare.py it was ~0.6 s of compare's start (#14). A reader writes
# nothing, so a corrupt page it meets later is one error line (StoreError) and no damage; a writer still
# checks every file up to store.VERIFY_MAX_BYTES before its first write.
READER_VERIFY_MAX_BYTES = 32 * 2**20


def open_reader(db: str | os.PathLike[str] | None, *, quiet: bool = False) -> Store:
    """Open the database for reading only (works in a read-only folder too)."""
    target = read_db_path(db, quiet=quiet)
    verify = True
    if isinstance(target, Path):
        with contextlib.suppress(OSError):
            verify = target.stat().st_size <= READER_VERIFY_MAX_BYTES
    return said_upgraded(Store.open(target, create=False, read_only=True, verify=verify), quiet)


def said_upgraded(store: Store, quiet: bool = False) -> Store:
    """Tell the user when a reader reads an upgraded copy of an older database (the file is not written)."""
    from claimcheck.migrations import SCHEMA_VERSION

    if store.upgraded_from is not None:
        note(
            f"note: {store.location} has database schema {store.upgraded_from}, older than this claimcheck's "
            f"({SCHEMA_VERSION}); reading an upgraded copy, the file left as it is (`claimcheck fetch` or "
            "`claimcheck reindex` upgrades it)",
            quiet,
        )
    return store


def check_outlets(ids: Iterable[str], known: Iterable[str], where: str) -> None:
    """Every id must name a known outlet; one way of saying it when not, for every command."""
    from difflib import get_close_matches

    known = sorted(set(known))
    for oid in ids:
        if oid not in known:
            close = get_close_matches(oid.lower(), known, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise UsageError(f"unknown outlet {oid!r}: not in {where} (see 'claimcheck sources'){hint}")


# -- values ------------------------------------------------------------------------------------------
# What an output file's extension asks for when --format is not given.
SUFFIX_FORMATS = {".md": "markdown", ".markdown": "markdown", ".json": "json", ".csv": "csv", ".html": "html",
                  ".htm": "html"}  # fmt: skip


def output_format(fmt: str | None, output: Path | None, options: Sequence[str]) -> str:
    """``--format`` as given (any case); without it, what ``-o``'s extension says (``report.md`` is
    Markdown, ``facts.csv`` CSV), else the table. An extension the command cannot write is bad usage,
    never a terminal table saved under that name."""
    if fmt is not None:
        return choose(fmt, options, "format")
    wanted = SUFFIX_FORMATS.get(output.suffix.lower()) if output is not None and str(output) != "-" else None
    if wanted is None:
        return "table"
    if wanted not in options:
        raise UsageError(
            f"{output} looks like {wanted}, which this command does not write; "
            f"give --format ({', '.join(options)})"
        )
    return wanted


def choose(value: str, options: Sequence[str], what: str) -> str:
    """``value`` as one of ``options``, whatever its case (``--format JSON``)."""
    low = value.strip().lower()
    if low not in options:
        raise UsageError(f"unknown {what} {value!r}; choose from {', '.join(options)}")
    return low


def print_json(data: object) -> None:
    """JSON on stdout (web text in it has been through :func:`claimcheck.textsafe.plain`)."""
    from claimcheck.textsafe import json_text

    typer.echo(json_text(data))


# -- outputs -----------------------------------------------------------------------------------------
def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.realpath(a) == os.path.realpath(b)


def protected_inputs(
    db: Path | None, sources: Path | None = None, *, what: str = "the database"
) -> list[tuple[Path, str]]:
    """What an output must never overwrite, each with what it is: the database with its -wal, -shm and
    -journal files (beside the path given and beside the file it links to), and the sources.yaml in use."""
    out: list[tuple[Path, str]] = []
    if db is not None:
        for base in dict.fromkeys((Path(db), Path(os.path.realpath(db)))):
            out.append((base, what))
            out.extend((Path(f"{base}{s}"), f"{what}'s {s} file") for s in ("-wal", "-shm", "-journal"))
    with contextlib.suppress(OSError):
        out.append((find_sources(sources), "the sources.yaml in use"))
    return out


def output_path(output: Path | None, *, inputs: Iterable[tuple[Path, str]] = ()) -> Path | None:
    """Check an ``-o`` path before any work is done; ``None`` (or ``-``) means stdout.

    Refuses (exit 2) a path that is one of ``inputs`` (symlinks and hard links resolved), a directory,
    or in a folder that does not exist or cannot be written."""
    if output is None or str(output) == "-":
        return None
    output = expand_home(output)  # -o=~/report.md: the shell left the "~" as it is
    for p, what in inputs:
        if _same_file(output, p):
            raise UsageError(f"refusing to write {output}: it is {what} ({p})")
    if output.is_dir():
        raise UsageError(f"cannot write {output}: it is a directory")
    if is_stream(output):
        # /dev/stdout, a FIFO, a device: written in place, whatever its folder (/dev, /proc/self/fd)
        if not os.access(output, os.W_OK):
            raise UsageError(f"cannot write {output}: permission denied")
        return output
    parent = output.parent if str(output.parent) else Path(".")
    if not parent.is_dir():
        raise UsageError(f"cannot write {output}: no folder {parent}")
    if not os.access(parent, os.W_OK) or (output.exists() and not os.access(output, os.W_OK)):
        raise UsageError(f"cannot write {output}: permission denied (read-only?)")
    return output


def write_output(path: Path | None, text: str) -> None:
    """Write ``text`` to ``path``, or to stdout when ``path`` is None.

    A file is replaced whole or not at all: the text goes to a temporary file beside it, renamed over
    it once complete, so a write that fails (disk full, Ctrl-C, a text that cannot be encoded) leaves
    the previous report as it was, never cut short."""
    if path is None:
        typer.echo(text, nl=False)
        return
    try:
        _replace_file(path, text.encode("utf-8"))
    except BrokenPipeError:
        raise  # -o /dev/stdout into `| head -1`: a quiet end, as for stdout
    except OSError as e:
        raise UsageError(f"cannot write {path}: {e.strerror or e}") from None


def is_stream(path: Path) -> bool:
    """Whether ``-o path`` writes into a stream (stdout, stderr, a FIFO, a device), not a file of its own."""
    return stream_fd(path) is not None or (path.exists() and not path.is_file())


def stream_fd(path: Path) -> int | None:
    """1 or 2 when ``path`` is where this process's stdout or stderr goes (/dev/stdout, /dev/fd/2,
    /proc/self/fd/1, or the file they are redirected to), else None."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    for fd in (1, 2):
        with contextlib.suppress(OSError):
            out = os.fstat(fd)
            if (out.st_dev, out.st_ino) == (st.st_dev, st.st_ino):
                return fd
    return None


def _replace_file(path: Path, data: bytes) -> None:
    fd = stream_fd(path)
    if fd is not None:
        # The stream itself, as it was opened: a pipe (which /proc names "pipe:[...]", no file to rename
        # over), or a log opened for appending (`>> log`), which a file renamed over it would replace.
        (sys.stdout if fd == 1 else sys.stderr).flush()
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        return
    target = path.resolve()  # through a symlink: the file it names is the one replaced
    try:
        st: os.stat_result | None = target.stat()
    except FileNotFoundError:
        st = None
    if st is not None and (not stat.S_ISREG(st.st_mode) or st.st_nlink > 1):
        target.write_bytes(data)  # a FIFO, a device, a file with other hard links: written in place
        return
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies, as to a new file
    except PermissionError:  # a writable file in a folder that is not: written in place
        target.write_bytes(data)
        return
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        if st is not None:
            os.chmod(tmp, stat.S_IMODE(st.st_mode))
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


# -- times -------------------------------------------------------------------------------------------
_REL = re.compile(r"^\s*(\d+)\s*([mhdw])\s*$", re.I)
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def window_words(since: datetime | None, until: datetime | None, source: list[str] | None) -> str:
    """The window searched, as it was searched (the default one included), for "no stored article ..."."""
    from claimcheck.render.common import zoned_text

    where = f" from {', '.join(source)}" if source else ""
    if since is not None and until is not None:
        return f"{where} between {zoned_text(since)} and {zoned_text(until)}"
    if since is not None:
        return f"{where} since {zoned_text(since)}"
    if until is not None:
        return f"{where} until {zoned_text(until)}"
    return where


def parse_when(
    value: str | None, *, now: datetime | None = None, end_of_day: bool = False
) -> datetime | None:
    """``3d``, ``12h``, ``30m``, ``2w`` (ago), or a date/time ``2025-12-13[T10:00[+01:00]]``, as UTC."""
    if value is None or not value.strip():
        return None
    now = now or datetime.now(UTC)
    if m := _REL.match(value):
        try:
            return now - timedelta(**{_UNITS[m.group(2).lower()]: int(m.group(1))})
        except (OverflowError, ValueError):
            raise UsageError(
                f"time {value.strip()!r} reaches back before the year 1; use e.g. 3d or 2025-12-13"
            ) from None
    try:
        dt = datetime.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"cannot read time {value!r}; use e.g. 3d, 12h or 2025-12-13") from None
    date_only = _is_date(value.strip())  # "2025-12-13", and its other ISO forms "20251213", "2025-W50-6"
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    try:
        if date_only and end_of_day:
            # a week without its day ("2025-W50", read as its Monday) is its seven days
            dt += timedelta(days=7 if _WEEK.match(value.strip()) else 1, microseconds=-1)
        return dt.astimezone(UTC)
    except OverflowError:
        raise UsageError(f"time {value.strip()!r} is out of range") from None


_WEEK = re.compile(r"^\d{4}-?W\d{2}$")


def _is_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def parse_window(since: str | None, until: str | None) -> tuple[datetime | None, datetime | None]:
    """``--since`` and ``--until`` as UTC times; ``--until`` before ``--since`` is bad usage."""
    since_dt = parse_when(since)
    until_dt = parse_when(until, end_of_day=True)
    if since_dt and until_dt and until_dt < since_dt:
        raise UsageError(f"--until {until} is before --since {since}")
    return since_dt, until_dt


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


@contextlib.contextmanager
def sigterm_as_ctrl_c() -> Iterator[list[int]]:
    """While a long command runs (fetch, reindex), SIGTERM stops it as Ctrl-C does (pages in flight end,
    the pool shuts down, the summary says what was stored); the list it yields holds the signal once one came."""
    got: list[int] = []

    def on_term(signum: int, frame: FrameType | None) -> None:
        got.append(signum)
        handler = signal.getsignal(signal.SIGINT)
        if callable(handler):  # asyncio's own Ctrl-C handler while the fetch loop runs
            handler(signal.SIGINT, frame)
        else:
            raise KeyboardInterrupt

    try:
        old = signal.signal(signal.SIGTERM, on_term)
    except ValueError:  # not the main thread: leave SIGTERM alone
        yield got
        return
    try:
        yield got
    finally:
        signal.signal(signal.SIGTERM, old)


def return_freed_memory() -> None:
    """Make glibc give large freed blocks back to the system at once (no-op elsewhere).

    glibc raises its mmap threshold each time a large block is freed (up to 32 MB), so the arrays of a
    long numpy computation end up on the heap, where freed space stays counted in the process's memory.
    A fixed 4 MiB threshold: on 50,000 stored articles `claimcheck stories` peaked at 332 MB with the moving
    one, 275 MB with it (the default 128 KiB gave the same memory for 6 s more system time: every mid-sized
    array a fresh mapping)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallopt(-3, 4 * 2**20)  # M_MMAP_THRESHOLD (a fixed value also fixes the trim threshold)
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return

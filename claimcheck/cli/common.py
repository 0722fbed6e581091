"""What every command shares: options, errors turned into exit codes, the sources and the database, and the
rules every command follows (``-h``, one-line errors, ``-o -`` for stdout, outputs that never overwrite an
input, case-insensitive choices, a quiet end on a closed pipe, plural wording). Beside it, and re-exported
here: ``console`` (what is printed where: consoles, one-line errors, notes, progress), ``outputs`` (formats,
``-o`` checks, files replaced whole, JSON) and ``times`` (``--since`` / ``--until``)."""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import FrameType
from typing import Annotated, Any, TypeGuard, TypeVar

import typer
from typer.core import TyperGroup

try:  # typer 0.2x vendors click; older ones use it
    from typer._click.exceptions import ClickException
    from typer._click.exceptions import UsageError as UsageErrorOfClick
except ImportError:  # pragma: no cover
    # no-redef: the same names as the branch above, from click itself (typer before it vendored click)
    from click.exceptions import ClickException  # type: ignore[no-redef,assignment,unused-ignore]
    from click.exceptions import UsageError as UsageErrorOfClick  # type: ignore[no-redef,assignment,unused-ignore]

from claimcheck.cli.console import err_console, fail, note, out_console, progress_on_stderr, stdout_gone
from claimcheck.cli.outputs import (
    choose,
    csv_bom,
    is_stream,
    output_format,
    output_path,
    print_json,
    protected_inputs,
    same_file,
    stream_fd,
    write_output,
)
from claimcheck.cli.params import install as install_plain_params
from claimcheck.cli.times import parse_when, parse_window, window_words
from claimcheck.config import load_sources as _load_sources
from claimcheck.errors import ClaimcheckError, UsageError
from claimcheck.models import Sources
from claimcheck.paths import db_target, default_db_path, demo_db_path, no_folder
from claimcheck.store import Store
from claimcheck.values import echoed

__all__ = [  # what commands import from here, some of it living beside it
    "CONTEXT_SETTINGS", "MAX_COUNT", "BomOption", "DbOption", "Group", "JsonOption", "OutputOption", "QuietOption", "SinceOption",
    "SourceOption", "SourcesOption", "UntilOption", "check_db_folder", "check_outlets", "check_stored_outlets", "choose", "csv_bom", "db_path", "err_console", "fail",
    "format_option", "handle_errors", "is_stream", "load_sources", "note", "open_reader", "open_store", "out_console",
    "output_format", "output_path", "parse_when", "parse_window", "print_json", "progress_on_stderr",
    "protected_inputs", "read_db_path", "return_freed_memory", "said_upgraded", "same_file", "shown_db",
    "sigterm_as_ctrl_c", "stdout_gone", "stream_fd", "window_words", "write_output",
]  # fmt: skip

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
    str | None,  # a str, not a Path: `--sources ""` would be Path("") == "." (paths.find_sources says so)
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
    str | None,  # a str, not a Path: `-o ""` (`-o "$OUT"` with OUT unset) would be Path("") == "."
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to FILE instead of stdout ('-' is stdout). Never the database or sources.yaml.",
        show_default=False,
    ),
]
BomOption = Annotated[
    bool,
    typer.Option(
        "--bom",
        help="CSV only: start it with a UTF-8 byte order mark, so that Excel shows its accents and curly quotes right.",
    ),
]


def format_option(formats: str, extensions: str) -> Any:
    """The ``--format`` option of a command that writes ``formats`` ("table, json or csv"); ``-o FILE``'s
    ``extensions`` pick one when it is not given."""
    return typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help=f"{formats} (any case{'; md for markdown' if 'markdown' in formats else ''}). "
        f"Default: table, or what -o FILE's extension says ({extensions}); "
        "a format that extension contradicts is refused.",
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


# Errors of a write into a full disk or a broken device
_FULL = frozenset([errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO])


def _unwritable_stdout(e: BaseException) -> TypeGuard[OSError]:
    """Whether ``e`` is a write to stdout (no file named) into a full disk or a broken device."""
    return isinstance(e, OSError) and e.errno in _FULL and e.filename is None


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
            if _unwritable_stdout(e):
                stdout_failed(e)  # what could not be written, as for -o, not a bug report
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
        except OSError as e:  # -h or -V into a full disk: printed while the options are read
            stdout_failed(e)
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            stdout_gone()
        except OSError as e:
            stdout_failed(e)
        sys.exit(code if isinstance(code, int) else 0)


def stdout_failed(e: OSError) -> None:
    """stdout into a full disk or a broken device (``> /dev/full``): one line, exit 2, as ``-o`` there says
    (a file named by -o is said where it is written, the store's own full disk before it gets here); any
    other OSError is raised on."""
    if not _unwritable_stdout(e):
        raise e
    stdout_gone()
    err_console.print(f"[red]error:[/] cannot write stdout: {_escape(e.strerror or str(e))}", soft_wrap=True)
    sys.exit(2)


def _escape(s: str) -> str:
    from claimcheck.textsafe import terminal_safe

    return terminal_safe(s)


# -- sources and the database ----------------------------------------------------------------------
def argument_text(value: str) -> str:
    """A command-line argument that is text (a topic) as text: the bytes of a terminal that is not UTF-8
    (``caf\\xe9`` from a latin-1 one), which Python keeps as surrogate escapes, are read as windows-1252
    each, as a page's stray bytes are (ingest/decode). As they were, they could be written to no UTF-8
    report: `compare 'caf\\xe9' -o x.md` stopped on an internal error (UnicodeEncodeError)."""
    if not any("\udc80" <= c <= "\udcff" for c in value):
        return value
    from claimcheck.ingest.decode import decode_as

    return "".join(decode_as(bytes([ord(c) - 0xDC00]), "windows-1252") if "\udc80" <= c <= "\udcff" else c for c in value)


def load_sources(path: str | Path | None) -> Sources:
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
    """Open the database to write it. A file the user named (``--db``, ``$CLAIMCHECK_DB``) is created
    only in a folder that exists, as ``-o`` writes only into one: a mistyped folder was made silently, and
    the articles went where no later command looked. The default database's folder is made."""
    target = db_path(db)
    if create and (db is not None or os.environ.get("CLAIMCHECK_DB")):
        check_db_folder(target)
    return Store.open(target, create=create)


def check_db_folder(target: str | Path) -> None:
    """A new database file named by the user must go into a folder that exists (UsageError: exit 2)."""
    if isinstance(target, Path) and not os.path.lexists(target):
        folder = target.parent if str(target.parent) else Path(".")
        if not folder.is_dir():
            raise UsageError(f"cannot create database {target}: {no_folder(folder)}")


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
            raise UsageError(f"unknown outlet {echoed(oid)}: not in {where} (see 'claimcheck sources'){hint}")



def check_stored_outlets(ids: Iterable[str], store: Store, cfg: Sources) -> None:
    """``--source`` of a command that reads the database: an outlet of the sources file in use (named in the
    message) or of the stored articles."""
    check_outlets(ids, store.outlet_ids() | {o.id for o in cfg.outlets}, f"{cfg.path} or the database")

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

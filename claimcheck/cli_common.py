"""What every command shares: the --db/--sources options, the consoles, errors turned into exit codes."""

from __future__ import annotations

import functools
import os
import re
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar

import typer
from rich.console import Console

from claimcheck.config import load_sources as _load_sources
from claimcheck.errors import ClaimcheckError, UsageError
from claimcheck.models import Sources
from claimcheck.paths import default_db_path
from claimcheck.store import Store

# Exports go to stdout; everything else (progress, messages, errors) to stderr.
out_console = Console(highlight=False, soft_wrap=False)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="SQLite database file (default: $CLAIMCHECK_DB, else the user data dir).",
        show_default=False,
    ),
]
SourcesOption = Annotated[
    Path | None,
    typer.Option(
        "--sources",
        help="sources.yaml to use (default: $CLAIMCHECK_SOURCES, ./sources.yaml, the packaged one).",
        show_default=False,
    ),
]
SourceOption = Annotated[
    list[str] | None, typer.Option("--source", help="Only this outlet id (repeatable).", show_default=False)
]

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one line to stderr and exit with ``code``."""
    from claimcheck.textsafe import terminal_safe

    err_console.print(f"[red]error:[/] {terminal_safe(message)}", soft_wrap=True)
    raise typer.Exit(code)


def handle_errors(fn: F) -> F:
    """Domain errors become one line and their exit code; anything else a one-line internal error
    (the traceback only with CLAIMCHECK_TRACEBACK=1)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ClaimcheckError as e:
            if os.environ.get("CLAIMCHECK_TRACEBACK"):
                raise
            fail(str(e), e.exit_code)
        except (typer.Exit, typer.Abort, KeyboardInterrupt, SystemExit):
            raise
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(1) from None
        except Exception as e:
            if os.environ.get("CLAIMCHECK_TRACEBACK"):
                raise
            fail(f"internal error: {type(e).__name__}: {e} (set CLAIMCHECK_TRACEBACK=1 for details)", 1)

    return wrapper  # type: ignore[return-value]


def load_sources(path: Path | None) -> Sources:
    return _load_sources(path)


def db_path(db: Path | None) -> Path:
    return Path(db) if db else default_db_path()


def open_store(db: Path | None, *, create: bool = True) -> Store:
    return Store.open(db_path(db), create=create)


_REL = re.compile(r"^\s*(\d+)\s*([mhdw])\s*$", re.I)
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_when(
    value: str | None, *, now: datetime | None = None, end_of_day: bool = False
) -> datetime | None:
    """``3d``, ``12h``, ``30m``, ``2w`` (ago), or a date/time ``2025-12-13[T10:00[+01:00]]``, as UTC."""
    if value is None or not value.strip():
        return None
    now = now or datetime.now(UTC)
    if m := _REL.match(value):
        return now - timedelta(**{_UNITS[m.group(2).lower()]: int(m.group(1))})
    try:
        dt = datetime.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"cannot read time {value!r}; use e.g. 3d, 12h or 2025-12-13") from None
    date_only = len(value.strip()) == 10
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    if date_only and end_of_day:
        dt += timedelta(days=1, microseconds=-1)
    return dt.astimezone(UTC)

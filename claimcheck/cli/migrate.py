"""`claimcheck migrate-store SRC DEST`: copy a whole store into another (SQLite into PostgreSQL)."""

from __future__ import annotations

import contextlib
import os
import signal
from pathlib import Path
from typing import Annotated

import typer

from claimcheck.cli.common import (
    JsonOption,
    QuietOption,
    _same_file,
    err_console,
    handle_errors,
    note,
    print_json,
    progress_on_stderr,
    protected_inputs,
    shown_db,
    sigterm_as_ctrl_c,
)
from claimcheck.errors import UsageError
from claimcheck.paths import db_target
from claimcheck.store import TABLES, Store, copy_store


@handle_errors
def migrate_store(
    src: Annotated[str, typer.Argument(metavar="SRC", help="The store to copy: a file or URL (only read).")],
    dest: Annotated[
        str, typer.Argument(metavar="DEST", help="The store to fill: postgresql://... or a file; must be empty.")
    ],
    as_json: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """Copy a whole store into another, e.g. an SQLite file into PostgreSQL: outlets, feed state,
    articles, entries and claims, ids kept. SRC is only read; DEST must be empty (or new)."""
    source_target, dest_target = db_target(src), db_target(dest)
    if str(source_target) == str(dest_target) or (
        isinstance(source_target, Path)
        and isinstance(dest_target, Path)
        and dest_target.exists()
        and os.path.samefile(source_target, dest_target)
    ):
        raise UsageError("SRC and DEST are the same store")
    if isinstance(source_target, Path) and isinstance(dest_target, Path):
        # A store written as SRC's -wal, -shm or -journal would be read into SRC (or deleted) when SRC
        # next opens, and would overwrite the live journal of a fetcher writing SRC.
        for p, what in protected_inputs(source_target, what="SRC"):
            if what != "SRC" and _same_file(dest_target, p):
                raise UsageError(f"refusing to write {dest}: it is {what} ({p})")
    new_file = isinstance(dest_target, Path) and not os.path.lexists(dest_target)
    shown = shown_db(dest)  # a URL's password never shown
    with sigterm_as_ctrl_c() as term:
        try:
            with (
                Store.open(source_target, create=False, read_only=True) as source,
                Store.open(dest_target) as target,
            ):
                if not target.is_empty():
                    raise UsageError(
                        f"{target.location} already holds a store; migrate-store fills only an empty one"
                    )
                shown = target.location
                with source.snapshot(), progress_on_stderr(quiet or as_json) as progress:
                    task = progress.add_task("copy", total=sum(source.count_rows(t) for t in TABLES))
                    try:
                        counts = copy_store(source, target, lambda n: progress.advance(task, n))
                    except BaseException:
                        # All or nothing: a copy stopped half-way looks like a whole store, and a run
                        # again would refuse it ("already holds a store"). A new file is removed below.
                        if not new_file:
                            target.discard_import()
                        raise
        except KeyboardInterrupt:
            _remove_new(dest_target, new_file)
            how = "stopped by SIGTERM" if term else "interrupted"
            err_console.print(
                f"{how}: nothing copied, {shown} is as it was; run migrate-store again", markup=False
            )
            raise typer.Exit(128 + (term[0] if term else signal.SIGINT)) from None
        except BaseException:
            _remove_new(dest_target, new_file)
            raise
    if as_json:
        print_json({"source": source.location, "dest": shown, "copied": counts})
    else:
        note(
            f"copied {', '.join(f'{n:,} {t}' for t, n in counts.items())} from {source.location} into {shown}",
            quiet,
        )


def _remove_new(dest: str | Path, new_file: bool) -> None:
    """The SQLite file this run created for DEST, and its journal files, after a copy that did not end."""
    if not new_file:
        return
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{dest}{suffix}")

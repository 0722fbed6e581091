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
    check_db_folder,
    err_console,
    handle_errors,
    note,
    print_json,
    progress_on_stderr,
    protected_inputs,
    same_file,
    shown_db,
    sigterm_as_ctrl_c,
)
from claimcheck.errors import StoreError, UsageError
from claimcheck.paths import db_target
from claimcheck.store import TABLES, Store, copy_store
from claimcheck.store.sqlite_file import unusable_path


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
    # "-" is stdout elsewhere (-o -): a store is never written there, nor into a file named "-".
    if dest.strip() == "-":
        raise UsageError("DEST cannot be '-': migrate-store writes a store, give a file or a postgresql:// URL")
    source_target, dest_target = db_target(src, "SRC"), db_target(dest, "DEST")
    for named in (source_target, dest_target):
        if isinstance(named, Path):  # (a name too long, a symlink loop: an internal error below)
            unusable_path(named)
    if isinstance(source_target, Path) and not os.path.lexists(source_target):
        raise UsageError(f"SRC {source_target}: no such database file (nothing to copy)")
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
            if what != "SRC" and same_file(dest_target, p):
                raise UsageError(f"refusing to write {dest}: it is {what} ({p})")
    check_db_folder(dest_target)  # a mistyped folder is said, not made (as -o and --db)
    new_file = isinstance(dest_target, Path) and not os.path.lexists(dest_target)
    empty_file = isinstance(dest_target, Path) and dest_target.is_file() and dest_target.stat().st_size == 0
    shown = shown_db(dest)  # a URL's password never shown
    others = ""  # set when something else wrote to DEST during the copy
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
                copied = [0]  # rows this run has committed into DEST

                def advance(n: int) -> None:
                    copied[0] += n
                    progress.advance(task, n)

                with source.snapshot(), progress_on_stderr(quiet or as_json) as progress:
                    task = progress.add_task("copy", total=sum(source.count_rows(t) for t in TABLES))
                    try:
                        counts = copy_store(source, target, advance)
                    except BaseException:
                        # All or nothing: a copy stopped half-way looks like a whole store, and a run
                        # again would refuse it ("already holds a store"). A new file is removed below.
                        # Only while DEST holds nothing but this copy's rows: what another program
                        # stored there meanwhile is the user's, never deleted.
                        others = _written_by_others(target, copied[0])
                        if not new_file and not others:
                            target.discard_import()
                        raise
        except KeyboardInterrupt:
            how = "stopped by SIGTERM" if term else "interrupted"
            if others:
                err_console.print(f"{how}: {others}", markup=False)
            else:
                _remove_new(dest_target, new_file, empty_file)
                err_console.print(
                    f"{how}: nothing copied, {shown} is as it was; run migrate-store again", markup=False
                )
            raise typer.Exit(128 + (term[0] if term else signal.SIGINT)) from None
        except StoreError as e:
            if others:
                raise StoreError(f"{e}; {others}") from None
            _remove_new(dest_target, new_file, empty_file)
            raise
        except BaseException:
            if not others:
                _remove_new(dest_target, new_file, empty_file)
            raise
    if as_json:
        print_json({"source": source.location, "dest": shown, "copied": counts})
    else:
        note(
            f"copied {', '.join(f'{n:,} {t}' for t, n in counts.items())} from {source.location} into {shown}",
            quiet,
        )


def _written_by_others(target: Store, copied: int) -> str:
    """After a copy that did not end: "" when DEST holds only the ``copied`` rows this run committed (it
    was empty), else what to tell the user, who must look at DEST before anything is removed."""
    try:
        held = sum(target.count_rows(t) for t in TABLES)
    except Exception:  # DEST cannot be read (connection gone): nothing is removed unseen
        held = -1
    if held == copied:
        return ""
    return (
        f"{target.location} was also written by something else during the copy, so it is left as it is "
        f"(with the {copied:,} rows copied so far): look at it before running migrate-store again"
    )


def _remove_new(dest: str | Path, new_file: bool, empty_file: bool = False) -> None:
    """The SQLite file this run created for DEST, and its journal files, after a copy that did not end; a
    DEST that was an empty file (`touch new.db`) is made empty again, not left an empty claimcheck store."""
    if not new_file and not empty_file:
        return
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            if suffix or new_file:
                os.unlink(f"{dest}{suffix}")
            else:
                os.truncate(dest, 0)

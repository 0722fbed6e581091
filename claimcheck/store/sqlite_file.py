"""The SQLite file before it is opened and its errors in words: what is refused untouched (a folder, not a
database, corrupt), how a read-only file or folder is opened, SQLite's messages as one line for the user."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from claimcheck.errors import StoreError
from claimcheck.paths import no_folder
from claimcheck.values import cut

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 60_000
VERIFY_MAX_BYTES = 1_000_000_000  # quick_check reads the whole file: about 0.4 s per 200 MB when cached


def check_file(p: Path, *, create: bool) -> None:
    """Refuse, without touching it, a path that is not an SQLite database."""
    unusable_path(p)
    if p.is_dir():
        raise StoreError(f"{p}: is a directory, not a database file")
    if p.exists() and not p.is_file():  # a FIFO blocked the read below; /dev/null got a -journal beside it
        raise StoreError(f"{p}: is not a regular file (a device, FIFO or socket), not a database file")
    if not p.exists():
        if not create:
            raise StoreError(f"{p}: no database here yet; run 'claimcheck fetch' first (or pass --db)")
        return
    try:
        with p.open("rb") as f:
            head = f.read(16)
    except OSError as e:
        raise StoreError(f"{p}: cannot read database: {e.strerror or e}") from None
    if head and head != SQLITE_MAGIC:
        raise StoreError(f"{p}: not an SQLite database (left untouched)")


def unusable_path(p: Path) -> None:
    """Refuse a path no file can have: a name longer than the file system takes (ENAMETOOLONG), or
    symbolic links that lead to each other (ELOOP), a file where a folder is meant (ENOTDIR). The first was an internal error (`--db <5,000
    characters>`: "OSError: [Errno 36]") in every command; the second "no database here yet", or "unable
    to open database file" from fetch."""
    try:
        os.stat(p)
    except OSError as e:
        if e.errno in (errno.ENAMETOOLONG, errno.ELOOP):
            raise StoreError(f"{cut(str(p), 120)}: {e.strerror}") from None
        if e.errno == errno.ENOTDIR:  # `plain.txt/x.db`: "no database here yet" hid the file in the way
            raise StoreError(f"{p}: {no_folder(p.parent)}") from None


def file_identity(p: Path) -> tuple[int, int] | None:
    try:
        st = p.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def writable(p: Path) -> bool:
    """Whether SQLite can write ``p`` in WAL mode: the file, and its folder (for the -wal and -shm files)."""
    folder = p.parent if str(p.parent) else Path(".")
    return os.access(p, os.W_OK) and os.access(folder, os.W_OK)


def read_only_uri(p: Path) -> str:
    """A read-only SQLite URI for ``p``. In a folder that cannot be written, where SQLite could not create
    the -shm file a WAL database needs, the file is opened as immutable (nobody can write to it there:
    a writer would need the folder too) unless the -wal and -shm files are already there."""
    from urllib.parse import quote

    uri = f"file:{quote(str(p.resolve()))}?mode=ro"
    folder = p.parent if str(p.parent) else Path(".")
    side = [Path(f"{p}-wal"), Path(f"{p}-shm")]
    if not os.access(folder, os.W_OK) and not all(f.exists() for f in side):
        uri += "&immutable=1"
    return uri


def has_foreign_tables(db: sqlite3.Connection) -> bool:
    return db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0] > 0


def explain(e: sqlite3.Error) -> str:
    msg = str(e)
    low = msg.lower()
    if "malformed" in low or "not a database" in low:
        return "database file is corrupt (left untouched); restore a backup or use another --db"
    if "readonly" in low or "read-only" in low:
        return "database is read-only; check the file's permissions or use another --db"
    if "disk is full" in low or "database or disk is full" in low:
        return "disk is full; nothing was lost, free some space and run again"
    if "locked" in low or "busy" in low:
        return "database is busy (another claimcheck holds it for too long); try again"
    if getattr(e, "sqlite_errorcode", None) in WRITE_REFUSED:
        # EFBIG (a file size limit: ulimit -f, a quota) or EIO on a write: SQLite's "disk I/O error"
        # read as a broken disk, and did not say that the transaction was rolled back
        return (
            f"could not write the database file ({msg}: the disk full, a file size limit or quota reached, "
            "or a failing disk); nothing was lost, make room and run again"
        )
    if getattr(e, "sqlite_errorcode", None) == SHM_REFUSED:
        # the WAL index (the file's -shm, 32 KB) could not grow: under `ulimit -f 8` (8 KB) every command,
        # a reader too, said "database error: disk I/O error", as a broken disk
        return (
            f"could not grow the database's -shm file ({msg}: a file size limit or quota reached, or the disk "
            "full); nothing was lost, make room and run again"
        )
    return f"database error: {msg}"


SHM_REFUSED = 4874  # SQLITE_IOERR_SHMSIZE
# SQLITE_IOERR_WRITE, SQLITE_IOERR_FSYNC, SQLITE_IOERR_TRUNCATE: a write the system refused
WRITE_REFUSED = frozenset({778, 1034, 1546})

"""SQLite storage: plain SQLite that sqlite3 or Datasette can open. WAL mode and a busy timeout so that a
reader (compare) and writers (two fetches) can share one file; every write is one ``BEGIN IMMEDIATE``
transaction, so a killed run leaves either the whole article with its claims or nothing of it.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path
from typing import Any

from claimcheck.errors import StoreError
from claimcheck.migrations import MIGRATIONS, SCHEMA_VERSION, readers_current
from claimcheck.models import Article
from claimcheck.shingles import shingle_blob
from claimcheck.store.owner import settle_owner
from claimcheck.store.query import fts_query
from claimcheck.store.records import (
    COLUMNS,
    ORDER_BY,
    TABLES,
    iso,
)
from claimcheck.store.rows import A_ARTICLE_COLS, article_from_row
from claimcheck.store.sql import (
    FIND_ARTICLE,
    INSERT_ARTICLE,
    INSERT_CLAIMS,
    INSERT_SHINGLES,
    MARK_ENTRIES,
    SQLITE,
    article_values,
    claim_row,
    entry_rows,
)
from claimcheck.store.sql_store import SqlStore
from claimcheck.store.sqlite_file import (
    BUSY_TIMEOUT_MS,
    VERIFY_MAX_BYTES,
    check_file,
    explain,
    file_identity,
    has_foreign_tables,
    read_only_uri,
    writable,
)

BEGIN_SLICE_MS = 200  # a wait for another writer's lock, between two looks at interrupt()


class SqliteStore(SqlStore):
    """One open SQLite claimcheck database."""

    backend = "sqlite"
    dialect = SQLITE

    def __init__(
        self, db: sqlite3.Connection, path: Path, *, verify: bool = True, read_only: bool = False
    ) -> None:
        self.db = db
        self.path = path
        self.location = str(path)
        self.verify = verify
        self.read_only = read_only  # opened read-only: the file or its folder cannot be written
        self.reader = read_only  # opened by a command that never writes (Store.open(read_only=True))
        self.upgraded_from: int | None = None  # a reader of an older schema: the file's schema version
        self._identity = file_identity(path)
        self._interrupted = False  # interrupt() was called: a wait for another writer's lock ends

    # -- opening -----------------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        create: bool = True,
        verify: bool = True,
        read_only: bool = False,
    ) -> SqliteStore:
        """Open (and create or migrate) the database at ``path``. Raises :class:`StoreError`.

        ``verify`` runs SQLite's quick_check first (files up to ``VERIFY_MAX_BYTES``), so a corrupt file
        is refused untouched; read-only callers may skip it. ``read_only`` (readers: compare, articles,
        stats) opens the file read-only when it or its folder cannot be written, so that a database on a
        read-only medium or in a read-only folder can still be read."""
        p = Path(path)
        check_file(p, create=create and not read_only)
        reader = read_only  # the caller never writes: not even a schema upgrade
        read_only = read_only and not writable(p)
        try:
            if create and not read_only:
                p.parent.mkdir(parents=True, exist_ok=True)
            target: str | Path = read_only_uri(p) if read_only else p
            db = sqlite3.connect(
                target,
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=False,
                uri=read_only,
            )
        except (sqlite3.Error, OSError) as e:
            raise StoreError(f"{p}: cannot open database: {e}") from None
        store = cls(db, p, verify=verify, read_only=read_only)
        store.reader = reader
        try:
            store._setup()
        except sqlite3.DatabaseError as e:
            db.close()
            why = explain(e)
            if why.startswith("database error") and not read_only and not writable(p):
                # SQLite says only "unable to open database file" when the folder is read-only (no -wal/-shm)
                why = "database is read-only (the file or its folder cannot be written); use another --db"
            raise StoreError(f"{p}: {why}") from None
        except StoreError:
            db.close()
            raise
        store._identity = file_identity(p)  # the file exists now, even when this open created it
        return store

    def _setup(self) -> None:
        db = self.db
        version = self._first_look()
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: database schema {version} is newer than this claimcheck understands "
                f"({SCHEMA_VERSION}); upgrade claimcheck"
            )
        if version == 0 and has_foreign_tables(db) and db.execute("PRAGMA user_version").fetchone()[0] == 0:
            # (Read the version again: another claimcheck may have just created the schema.)
            raise StoreError(f"{self.path}: an SQLite database, but not a claimcheck one")
        if self.verify and version > 0:
            self._quick_check()
        if self.reader:  # (a read-only file is only ever opened by a reader)
            if not readers_current(version):  # (no copy of the whole file for steps readers never use)
                self._read_upgraded_copy(version)
            return
        self._wal()
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
        if version < SCHEMA_VERSION:
            self._migrate()

    def _first_look(self) -> int:
        """The schema version, read as the connection's first statement. Another program may hold the file
        locked (an exclusive transaction in a `sqlite3` shell, a VACUUM of a file in rollback mode): that
        wait is taken in slices of BEGIN_SLICE_MS, up to BUSY_TIMEOUT_MS in all, as :meth:`_begin` takes a
        writer's, so that Ctrl-C ends it between two. SQLite's own busy wait heeds no signal: `stats`,
        `articles`, `compare` and `stories` on such a file ignored Ctrl-C for the rest of the minute."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        self.db.execute(f"PRAGMA busy_timeout = {BEGIN_SLICE_MS}")
        while True:
            try:
                return int(self.db.execute("PRAGMA user_version").fetchone()[0])
            except sqlite3.OperationalError as e:
                locked = any(w in str(e).lower() for w in ("locked", "busy"))
                if not locked or time.monotonic() >= deadline:
                    raise

    def _wal(self) -> None:
        """Put the database in WAL mode. SQLite answers a switch that another connection's switch holds
        up with "database is locked" at once, without its busy handler: two fetches started together on a
        new database failed one of them (exit 2, "database is busy", 3 times in 150 races of three
        openers). The switch is tried again, as the busy handler would, until the busy timeout."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while self.db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            try:
                self.db.execute("PRAGMA journal_mode = WAL")
                return  # (a mode SQLite cannot switch, it keeps, and says so: as before, not an error)
            except sqlite3.OperationalError as e:
                if "locked" not in str(e).lower() or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)

    def _read_upgraded_copy(self, version: int) -> None:
        """A reader of a database of an older schema reads a copy upgraded in a private temporary
        database (SQLite's own, deleted on close; in memory until it grows), and the file is left as it
        is: a command that only reads never writes the file it was given (nor can it on a read-only one).
        ``upgraded_from`` says which schema the file has, for the reader to tell the user."""
        copy = sqlite3.connect("", isolation_level=None, check_same_thread=False)
        try:
            self.db.backup(copy)
            # The copy's own version: a fetch may have upgraded the file since ``version`` was read.
            version = copy.execute("PRAGMA user_version").fetchone()[0]
            copy.execute("BEGIN")
            for migration in MIGRATIONS[version:]:
                migration.sqlite(copy)
            copy.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            copy.execute("COMMIT")
        except BaseException:
            copy.close()
            raise
        self.db.close()
        self.db = copy
        # Schema 0 is no claimcheck's: an empty database (a 0-byte file), read as an empty store, not an "older" one
        self.upgraded_from = version if 0 < version < SCHEMA_VERSION else None

    def _quick_check(self) -> None:
        """Refuse a corrupt database before the first write could spread the damage (or checkpoint over it).

        Skipped for very large files, where it would cost seconds; corruption found later still becomes
        a :class:`StoreError`.
        """
        try:
            size = self.path.stat().st_size  # type: ignore[union-attr]  # an SQLite store has a path
        except OSError:
            return
        if size > VERIFY_MAX_BYTES:
            return
        row = self.db.execute("PRAGMA quick_check(1)").fetchone()
        if not row or row[0] != "ok":
            raise StoreError(
                f"{self.path}: {explain(sqlite3.DatabaseError('database disk image is malformed'))}"
            )

    def _migrate(self) -> None:
        with self.atomic() as db:
            # Re-read under the write lock: another process may have migrated meanwhile.
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:  # a newer claimcheck upgraded it meanwhile: never stamp it older
                raise StoreError(
                    f"{self.path}: database schema {version} is newer than this claimcheck understands "
                    f"({SCHEMA_VERSION}); upgrade claimcheck"
                )
            for migration in MIGRATIONS[version:]:
                migration.sqlite(db)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def check_same_file(self) -> None:
        """Raise :class:`StoreError` when the path no longer names the file that was opened (replaced by
        another database, or removed, while this run held it): writing on would go to the old file, and its
        -wal journal, left beside the new one, would be read into it."""
        if (
            self._identity is not None
            and self.path is not None
            and file_identity(self.path) != self._identity
        ):
            raise StoreError(
                f"{self.path}: the database file was replaced or removed while claimcheck was using it; "
                "nothing more was written (what this run stored before stays in the replaced file)"
            )

    def interrupt(self) -> None:
        """Abort the statement running, and a wait for another writer's lock (see :meth:`_begin`)."""
        self._interrupted = True
        with suppress(sqlite3.Error):
            self.db.interrupt()

    def _begin(self) -> None:
        """BEGIN IMMEDIATE, waiting for another writer's lock up to BUSY_TIMEOUT_MS as SQLite's busy handler
        does, but in slices of BEGIN_SLICE_MS, so that :meth:`interrupt` ends the wait between two: a stopped
        fetch waited out the whole minute (SQLite's busy wait heeds no interrupt) while another program held
        the lock, and the interpreter's exit waited for that thread."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        self.db.execute(f"PRAGMA busy_timeout = {BEGIN_SLICE_MS}")
        try:
            while True:
                try:
                    self.db.execute("BEGIN IMMEDIATE")
                    return
                except sqlite3.OperationalError as e:
                    locked = any(w in str(e).lower() for w in ("locked", "busy"))
                    if not locked or self._interrupted or time.monotonic() >= deadline:
                        raise
        finally:
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    def close(self) -> None:
        try:
            self.check_same_file()
        except StoreError:
            # Fold our -wal into the file we opened and empty it, so that it cannot be read into the
            # database that now sits at the path.
            with suppress(sqlite3.Error):
                self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.db.close()

    def store_error(self, e: BaseException) -> StoreError | None:
        return StoreError(f"{self.path}: {explain(e)}") if isinstance(e, sqlite3.Error) else None

    @contextmanager
    def atomic(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken with BEGIN IMMEDIATE so concurrent writers wait instead of failing."""
        try:
            self._begin()
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: {explain(e)}") from None
        try:
            self.check_same_file()
            yield self.db
        except BaseException:
            # SQLite may have rolled back already (disk full, I/O error): a second ROLLBACK would raise
            # "no transaction is active" and hide the real error.
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise
        try:
            self.db.execute("COMMIT")
        except sqlite3.Error as e:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise StoreError(f"{self.path}: {explain(e)}") from None

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """:meth:`atomic`, with SQLite errors (disk full, read-only) turned into :class:`StoreError`."""
        try:
            with self.atomic() as db:
                yield db
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: {explain(e)}") from None

    def _read(self, sql: str, args: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: {explain(e)}") from None

    def _rows(self, sql: str, args: Sequence[object] = ()) -> Iterator[tuple[Any, ...]]:
        try:
            yield from self.db.execute(sql, args)
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: {explain(e)}") from None

    def _executemany(self, db: sqlite3.Connection, sql: str, rows: Sequence[Sequence[object]]) -> None:
        db.executemany(sql, rows)

    # -- entries and articles ----------------------------------------------------------------------
    def mark_entries(self, outlet: str, keys: Iterable[str], url: str, status: str) -> None:
        """Remember entries that need no download again (stored elsewhere, gone for good)."""
        with self._write() as db:
            _mark(db, outlet, keys, url, status, None)

    def add_article(self, article: Article, entry_keys: Iterable[str] = ()) -> tuple[int, bool]:
        """Store an article with its claims in one transaction. Returns (article id, True when new).

        An article whose canonical URL, or whose text within the same outlet, is already stored is not
        stored again; its entry keys are recorded against the stored one. One stored under another outlet
        moves to this article's outlet when that one owns the page (:mod:`claimcheck.store.owner`).
        """
        with self._write() as db:
            return _add_article(db, article, entry_keys, shingle_blob(article.text))

    def add_articles(
        self, items: Sequence[tuple[Article, Iterable[str]]]
    ) -> list[tuple[int, bool] | Exception]:
        """:meth:`add_article` for several articles in one transaction (fetch writes in batches: one commit
        per article cost a third of the database time). Each article is all or nothing on its own, in a
        savepoint: one that fails (its slot in the result holds the exception) leaves the others stored.
        An error that ends the whole transaction (disk full) raises :class:`StoreError`, storing none.
        """
        out: list[tuple[int, bool] | Exception] = []
        blobs = [shingle_blob(a.text) for a, _ in items]  # ~0.15 ms of CPU an article
        with self._write() as db:
            for (article, keys), blob in zip(items, blobs, strict=True):
                db.execute("SAVEPOINT article")
                try:
                    out.append(_add_article(db, article, keys, blob))
                except sqlite3.Error as e:
                    if not db.in_transaction:
                        raise  # SQLite ended the transaction itself: nothing of the batch is kept
                    _undo_savepoint(db)
                    out.append(StoreError(f"{self.path}: {explain(e)}"))
                except Exception as e:  # noqa: BLE001 - returned in the article's slot, raised by its caller
                    _undo_savepoint(db)
                    out.append(e)
                else:
                    db.execute("RELEASE article")
        return out

    # -- search ------------------------------------------------------------------------------------
    def search(
        self,
        query: str,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        outlets: Sequence[str] | None = None,
        limit: int | None = None,
    ) -> list[Article]:
        """Articles matching ``query`` (words, "quoted phrases"), best BM25 first, with their claims.

        Words are stemmed (porter), so "prisoner" finds "prisoners"; the title weighs more than the text.
        Articles without a publication time are kept by ``--since``/``--until`` (judged by fetch time).
        """
        match = fts_query(query)
        if not match:
            return []
        args: list[object] = [match]
        sql = self._select(
            f"SELECT {A_ARTICLE_COLS} FROM articles_fts f JOIN articles a ON a.id = f.rowid WHERE articles_fts MATCH ?",
            args, since=since, until=until, outlets=outlets,
            tail="ORDER BY bm25(articles_fts, 4.0, 1.0)" + (" LIMIT ?" if limit else ""),
        )  # fmt: skip
        if limit:
            args.append(limit)
        return self._with_claims([article_from_row(r) for r in self._read(sql, args)])

    def size_bytes(self) -> int:
        """The database on disk: the file and its -wal journal."""
        total = 0
        for f in (self.path, Path(f"{self.path}-wal")):
            with suppress(OSError):
                total += f.stat().st_size  # type: ignore[union-attr]  # an SQLite store has a path
        return total

    def export_rows(self, table: str, batch: int = 1000) -> Iterator[list[tuple[object, ...]]]:
        cur = self.db.execute(f"SELECT {', '.join(COLUMNS[table])} FROM {table} ORDER BY {ORDER_BY[table]}")
        while rows := cur.fetchmany(batch):
            yield [tuple(r) for r in rows]

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        try:
            self.db.execute("BEGIN")  # deferred: the first read takes the snapshot, held to the end (WAL)
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: {explain(e)}") from None
        try:
            yield
        finally:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")

    def import_rows(self, table: str, rows: Sequence[tuple[object, ...]]) -> None:
        cols = COLUMNS[table]
        with self._write() as db:
            db.executemany(
                f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", rows
            )

    def discard_import(self) -> None:
        with self._write() as db:
            for table in reversed(TABLES):
                db.execute(f"DELETE FROM {table}")


def _add_article(
    db: sqlite3.Connection, article: Article, entry_keys: Iterable[str], shingles: bytes
) -> tuple[int, bool]:
    row = db.execute(FIND_ARTICLE, (article.canonical_url, article.outlet, article.content_hash)).fetchone()
    if row:
        moved = row[2] == article.canonical_url and settle_owner(
            db, SQLITE, row[0], row[1], article.outlet, article.url, article.canonical_url, iso(article.published)
        )
        _mark(db, article.outlet, entry_keys, article.url, "stored" if moved else "duplicate", row[0])
        return row[0], False
    cur = db.execute(INSERT_ARTICLE, article_values(article))
    article_id = int(cur.lastrowid or 0)
    db.execute(INSERT_SHINGLES, (article_id, shingles))
    db.executemany(INSERT_CLAIMS, [(article_id, *claim_row(c)) for c in article.claims])
    _mark(db, article.outlet, entry_keys, article.url, "stored", article_id)
    return article_id, True


def _undo_savepoint(db: sqlite3.Connection) -> None:
    db.execute("ROLLBACK TO article")
    db.execute("RELEASE article")


def _mark(
    db: sqlite3.Connection, outlet: str, keys: Iterable[str], url: str, status: str, article_id: int | None
) -> None:
    db.executemany(MARK_ENTRIES, entry_rows(outlet, keys, url, status, article_id))

"""SQLite storage: plain SQLite that sqlite3 or Datasette can open. WAL mode and a busy timeout so that a
reader (compare) and writers (two fetches) can share one file; every write is one ``BEGIN IMMEDIATE``
transaction, so a killed run leaves either the whole article with its claims or nothing of it.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from claimcheck.errors import StoreError
from claimcheck.migrations import MIGRATIONS, SCHEMA_VERSION, readers_current
from claimcheck.models import Article, Claim, Outlet, WindowRows
from claimcheck.shingles import shingle_blob
from claimcheck.store.contract import Store
from claimcheck.store.query import fts_query
from claimcheck.store.records import (
    COLUMNS,
    KEEP,
    ORDER_BY,
    TABLES,
    ArticleRow,
    OutletStats,
    StoreStats,
    iso,
    parse_iso,
)
from claimcheck.store.rows import A_ARTICLE_COLS, ARTICLE_COLS, ROW_COLS, article_from_row, window_columns
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


class SqliteStore(Store):
    """One open SQLite claimcheck database."""

    backend = "sqlite"

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
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        version = db.execute("PRAGMA user_version").fetchone()[0]
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
        if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
        if version < SCHEMA_VERSION:
            self._migrate()

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
        self.upgraded_from = version if version < SCHEMA_VERSION else None

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
            self.db.execute("BEGIN IMMEDIATE")
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

    # -- outlets and feeds -------------------------------------------------------------------------
    def sync_outlets(self, outlets: Iterable[Outlet]) -> None:
        with self._write() as db:
            db.executemany(
                "INSERT INTO outlets (id, name, wire, homepage, country, language, aliases) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name=excluded.name, "
                "wire=excluded.wire, homepage=excluded.homepage, country=excluded.country, "
                "language=excluded.language, aliases=excluded.aliases",
                [
                    (
                        o.id,
                        o.name,
                        int(o.wire),
                        o.homepage,
                        o.country,
                        o.language,
                        json.dumps(list(o.aliases)),
                    )
                    for o in outlets
                ],
            )

    def outlet_names(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT id, name FROM outlets"))

    def feed_state(self, outlet: str, url: str) -> tuple[str | None, str | None]:
        """(ETag, Last-Modified) saved from the last successful fetch of this feed."""
        row = self.db.execute(
            "SELECT etag, last_modified FROM feeds WHERE outlet = ? AND url = ?", (outlet, url)
        ).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def save_feed_state(
        self,
        outlet: str,
        url: str,
        *,
        status: int | None,
        error: str | None,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> None:
        """Record a feed fetch. Validators are kept from before unless new ones are given."""
        with self._write() as db:
            db.execute(
                "INSERT INTO feeds (outlet, url, etag, last_modified, last_status, last_error, last_fetched) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(outlet, url) DO UPDATE SET "
                "etag = coalesce(excluded.etag, feeds.etag), "
                "last_modified = coalesce(excluded.last_modified, feeds.last_modified), "
                "last_status = excluded.last_status, last_error = excluded.last_error, "
                "last_fetched = excluded.last_fetched",
                (outlet, url, etag, last_modified, status, error, iso(datetime.now(UTC))),
            )

    # -- entries and articles ----------------------------------------------------------------------
    def seen_entries(self, outlet: str, keys: Sequence[str]) -> set[str]:
        """The subset of entry keys (guids or links) of this outlet already handled."""
        seen: set[str] = set()
        for i in range(0, len(keys), 500):
            chunk = list(keys[i : i + 500])
            marks = ",".join("?" * len(chunk))
            seen.update(
                r[0]
                for r in self.db.execute(
                    f"SELECT key FROM entries WHERE outlet = ? AND key IN ({marks})", [outlet, *chunk]
                )
            )
        return seen

    def mark_entries(self, outlet: str, keys: Iterable[str], url: str, status: str) -> None:
        """Remember entries that need no download again (stored elsewhere, gone for good)."""
        with self._write() as db:
            _mark(db, outlet, keys, url, status, None)

    def add_article(self, article: Article, entry_keys: Iterable[str] = ()) -> tuple[int, bool]:
        """Store an article with its claims in one transaction. Returns (article id, True when new).

        An article whose canonical URL, or whose text within the same outlet, is already stored is not
        stored again; its entry keys are recorded against the stored one.
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

    def replace_claims(self, article_id: int, claims: Sequence[Claim], language: str | None = KEEP) -> None:
        """Swap an article's claims (and, given one, its language) for new ones (reindex), in one transaction."""
        with self._write() as db:
            db.execute("DELETE FROM claims WHERE article_id = ?", (article_id,))
            _insert_claims(db, article_id, claims)
            if language is not KEEP:
                db.execute("UPDATE articles SET language = ? WHERE id = ?", (language, article_id))

    def iter_articles(self, batch: int = 200) -> Iterator[Article]:
        """Every stored article, without claims, in id order; reads in batches to bound memory."""
        last = 0
        while True:
            rows = self.db.execute(
                f"SELECT {ARTICLE_COLS} FROM articles WHERE id > ? ORDER BY id LIMIT ?", (last, batch)
            ).fetchall()
            if not rows:
                return
            for r in rows:
                yield article_from_row(r)
            last = rows[-1][0]

    def get_article(self, article_id: int) -> Article | None:
        row = self.db.execute(f"SELECT {ARTICLE_COLS} FROM articles WHERE id = ?", (article_id,)).fetchone()
        if not row:
            return None
        return _with_claims(self.db, [article_from_row(row)])[0]

    def stats(self) -> StoreStats:
        one = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731
        return StoreStats(
            one("SELECT count(*) FROM outlets"),
            one("SELECT count(*) FROM articles"),
            one("SELECT count(*) FROM claims"),
        )

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
        sql = [
            f"SELECT {A_ARTICLE_COLS} FROM articles_fts f "
            "JOIN articles a ON a.id = f.rowid WHERE articles_fts MATCH ?"
        ]
        args: list[object] = [match]
        sql += _window(args, since, until, outlets)
        sql.append("ORDER BY bm25(articles_fts, 4.0, 1.0)")
        if limit:
            sql.append("LIMIT ?")
            args.append(limit)
        try:
            rows = self.db.execute(" ".join(sql), args).fetchall()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: {explain(e)}") from None
        return _with_claims(self.db, [article_from_row(r) for r in rows])

    def recent_titles(self, n: int) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT title FROM articles ORDER BY id DESC LIMIT ?", (n,))]

    # -- listing (claimcheck articles, stats) -------------------------------------------------------
    def list_articles(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        outlets: Sequence[str] | None = None,
        limit: int | None = None,
    ) -> list[ArticleRow]:
        """Stored articles, newest first (by publication time, else fetch time), with their claim counts.
        The window is judged as :meth:`search` judges it."""
        sql = [
            "SELECT a.id, a.outlet, a.published, a.fetched, a.title, a.url, "
            "(SELECT count(*) FROM claims c WHERE c.article_id = a.id), a.language FROM articles a WHERE 1"
        ]
        args: list[object] = []
        sql += _window(args, since, until, outlets)
        sql.append("ORDER BY coalesce(a.published, a.fetched) DESC, a.id DESC")
        if limit:
            sql.append("LIMIT ?")
            args.append(limit)
        try:
            rows = self.db.execute(" ".join(sql), args).fetchall()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: {explain(e)}") from None
        return [
            ArticleRow(r[0], r[1], parse_iso(r[2]), parse_iso(r[3]), r[4], r[5], r[6], r[7]) for r in rows
        ]

    def outlet_stats(self) -> list[OutletStats]:
        """Per outlet with stored articles: articles, claims, first and last publication time."""
        rows = self.db.execute(
            "SELECT a.outlet, coalesce(o.name, a.outlet), count(*), sum(n.claims), "
            "min(a.published), max(a.published) FROM articles a "
            "LEFT JOIN outlets o ON o.id = a.outlet "
            "LEFT JOIN (SELECT article_id, count(*) AS claims FROM claims GROUP BY article_id) n "
            "ON n.article_id = a.id GROUP BY a.outlet ORDER BY count(*) DESC, a.outlet"
        ).fetchall()
        return [OutletStats(r[0], r[1], r[2], r[3] or 0, parse_iso(r[4]), parse_iso(r[5])) for r in rows]

    def language_counts(self) -> dict[str | None, int]:
        rows = self.db.execute(
            "SELECT language, count(*) FROM articles GROUP BY language ORDER BY count(*) DESC, language"
        ).fetchall()
        return {r[0]: int(r[1]) for r in rows}

    def outlet_ids(self) -> set[str]:
        """Outlets the store knows: configured at some fetch, or holding articles."""
        return {
            r[0] for r in self.db.execute("SELECT id FROM outlets UNION SELECT DISTINCT outlet FROM articles")
        }

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

    def count_rows(self, table: str) -> int:
        return int(self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    # -- stories -----------------------------------------------------------------------------------
    def newest_time(
        self, *, outlets: Sequence[str] | None = None, before: datetime | None = None
    ) -> datetime | None:
        """The latest publication (else fetch) time of the stored articles, ignoring times after ``before``
        (a page that claims to be from 2099 does not move the default window)."""
        args: list[object] = []
        sql = ["SELECT max(coalesce(a.published, a.fetched)) FROM articles a WHERE 1"]
        sql += _window(args, None, before, outlets)
        return parse_iso(self.db.execute(" ".join(sql), args).fetchone()[0])

    def window_articles(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        outlets: Sequence[str] | None = None,
        head: int = 1000,
        tail: int = 600,
    ) -> list[Article]:
        """Articles published (else fetched) in the window, without claims, in id order.

        To bound memory over large windows the text is cut to its first ``head`` and last ``tail``
        characters (joined by a blank line); shorter texts come whole. Enough for story grouping and
        for wire datelines and bylines, which sit at the start and end of a text.
        """
        cols = ARTICLE_COLS.replace(
            "text",
            f"CASE WHEN length(text) > {int(head) + int(tail)} "
            f"THEN substr(text, 1, {int(head)}) || char(10, 10) || substr(text, -{int(tail)}) ELSE text END",
        )
        args: list[object] = []
        sql = [f"SELECT {cols} FROM articles a WHERE 1"]
        sql += _window(args, since, until, outlets)
        sql.append("ORDER BY id")
        try:
            # row by row, not fetchall(): the rows and the articles are never all in memory twice
            return [article_from_row(r) for r in self.db.execute(" ".join(sql), args)]
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: {explain(e)}") from None

    def window_rows(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        outlets: Sequence[str] | None = None,
    ) -> WindowRows:
        args: list[object] = []
        sql = [f"SELECT {ROW_COLS} FROM articles a WHERE 1"]
        sql += _window(args, since, until, outlets)
        sql.append("ORDER BY id")
        try:
            return window_columns(self.db.execute(" ".join(sql), args))
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: {explain(e)}") from None

    def cut_texts(self, ids: Sequence[int], *, head: int, tail: int = 0) -> list[str]:
        h, t = int(head), int(tail)
        cut = (
            f"substr(text, 1, {h})"
            if t <= 0
            else f"CASE WHEN length(text) > {h + t} THEN substr(text, 1, {h}) || char(10, 10) || "
            f"substr(text, -{t}) ELSE text END"
        )
        found: dict[int, str] = self._by_id(f"SELECT id, {cut} FROM articles WHERE id IN", ids)
        return [found.get(i, "") for i in ids]

    def stored_shingles(self, ids: Sequence[int]) -> list[bytes | None]:
        found: dict[int, bytes] = self._by_id(
            "SELECT article_id, hashes FROM article_shingles WHERE article_id IN", ids
        )
        return [found.get(i) for i in ids]

    def _by_id(self, select: str, ids: Sequence[int]) -> dict[Any, Any]:
        """``select`` (its first column an article id, ending in ``IN``) over ``ids``, 500 at a time: id -> value."""
        found: dict[Any, Any] = {}
        try:
            for i in range(0, len(ids), 500):
                chunk = list(ids[i : i + 500])
                found.update(self.db.execute(f"{select} ({','.join('?' * len(chunk))})", chunk))
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: {explain(e)}") from None
        return found

    def replace_shingles(self, article_id: int, shingles: bytes) -> None:
        with self._write() as db:
            db.execute(
                "INSERT OR REPLACE INTO article_shingles (article_id, hashes) VALUES (?, ?)",
                (article_id, shingles),
            )

    def articles_by_id(self, ids: Sequence[int]) -> list[Article]:
        """These articles, whole and with their claims, in the order given (unknown ids left out)."""
        found: dict[int, Article] = {}
        for i in range(0, len(ids), 500):
            chunk = list(ids[i : i + 500])
            rows = self.db.execute(
                f"SELECT {ARTICLE_COLS} FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk
            ).fetchall()
            found.update((int(r[0]), article_from_row(r)) for r in rows)
        return _with_claims(self.db, [found[i] for i in ids if i in found])


def _window(
    args: list[object], since: datetime | None, until: datetime | None, outlets: Sequence[str] | None
) -> list[str]:
    """The --since/--until/--source conditions on ``articles a``, judged by publication time, else fetch time
    (store_pg.py has the same for PostgreSQL's placeholders)."""
    sql: list[str] = []
    if since:
        sql.append("AND coalesce(a.published, a.fetched) >= ?")
        args.append(iso(since))
    if until:
        sql.append("AND coalesce(a.published, a.fetched) <= ?")
        args.append(iso(until))
    if outlets:
        sql.append(f"AND a.outlet IN ({','.join('?' * len(outlets))})")
        args.extend(outlets)
    return sql


def _with_claims(db: sqlite3.Connection, articles: list[Article]) -> list[Article]:
    from dataclasses import replace

    by_id: dict[int, list[Claim]] = {a.id: [] for a in articles if a.id is not None}
    ids = list(by_id)
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        rows = db.execute(
            f'SELECT article_id, kind, text, sentence, start, "end", fields FROM claims '
            f"WHERE article_id IN ({','.join('?' * len(chunk))}) ORDER BY article_id, start, id",
            chunk,
        )
        for aid, kind, text, sentence, start, end, fields in rows:
            by_id[aid].append(Claim.from_row(kind, text, sentence, start, end, json.loads(fields)))
    return [replace(a, claims=tuple(by_id.get(a.id or -1, ()))) for a in articles]


def _add_article(
    db: sqlite3.Connection, article: Article, entry_keys: Iterable[str], shingles: bytes
) -> tuple[int, bool]:
    row = db.execute(
        "SELECT id FROM articles WHERE canonical_url = ? OR (outlet = ? AND content_hash = ?)",
        (article.canonical_url, article.outlet, article.content_hash),
    ).fetchone()
    if row:
        _mark(db, article.outlet, entry_keys, article.url, "duplicate", row[0])
        return row[0], False
    cur = db.execute(
        "INSERT INTO articles (outlet, url, canonical_url, title, author, published, fetched, text, "
        "content_hash, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article.outlet,
            article.url,
            article.canonical_url,
            article.title,
            article.author,
            iso(article.published),
            iso(article.fetched),
            article.text,
            article.content_hash,
            article.language,
        ),
    )
    article_id = int(cur.lastrowid or 0)
    db.execute("INSERT INTO article_shingles (article_id, hashes) VALUES (?, ?)", (article_id, shingles))
    _insert_claims(db, article_id, article.claims)
    _mark(db, article.outlet, entry_keys, article.url, "stored", article_id)
    return article_id, True


def _undo_savepoint(db: sqlite3.Connection) -> None:
    db.execute("ROLLBACK TO article")
    db.execute("RELEASE article")


def _insert_claims(db: sqlite3.Connection, article_id: int, claims: Sequence[Claim]) -> None:
    db.executemany(
        'INSERT INTO claims (article_id, kind, text, sentence, start, "end", fields) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [
            (
                article_id,
                c.kind,
                c.text,
                c.sentence,
                c.start,
                c.end,
                json.dumps(c.fields_json(), ensure_ascii=False),
            )
            for c in claims
        ],
    )


def _mark(
    db: sqlite3.Connection, outlet: str, keys: Iterable[str], url: str, status: str, article_id: int | None
) -> None:
    now = iso(datetime.now(UTC))
    db.executemany(
        "INSERT INTO entries (outlet, key, url, article_id, status, seen) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(outlet, key) DO UPDATE SET article_id = excluded.article_id, status = excluded.status",
        [(outlet, k, url, article_id, status, now) for k in dict.fromkeys(keys)],
    )

"""The store: outlets, feed state, articles (full-text indexed over title and text) and their claims.

:class:`Store` is the contract every backend keeps, and callers (fetch, compare, articles, stats, reindex,
demo) see nothing else; :meth:`Store.open` picks the backend from the target: a path is SQLite
(:class:`SqliteStore`, here), a ``postgresql://`` URL is PostgreSQL (:mod:`claimcheck.store_pg`).

SQLite: plain SQLite that sqlite3 or Datasette can open. WAL mode and a busy timeout so that a reader
(compare) and writers (two fetches) can share one file; every write is one ``BEGIN IMMEDIATE`` transaction,
so a killed run leaves either the whole article with its claims or nothing of it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from claimcheck.errors import StoreError, UsageError
from claimcheck.migrations import MIGRATIONS, SCHEMA_VERSION, readers_current
from claimcheck.models import Article, Claim, Outlet, WindowRows
from claimcheck.paths import db_target, default_db_path, is_db_url
from claimcheck.shingles import shingle_blob

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 60_000
VERIFY_MAX_BYTES = 1_000_000_000  # quick_check reads the whole file: about 0.4 s per 200 MB when cached


KEEP = "\0keep"  # replace_claims: leave the article's stored language as it is


def content_hash(text: str) -> str:
    """Hash of the text with whitespace normalised: the same article re-fetched hashes the same."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def iso(dt: datetime | None) -> str | None:
    """UTC ISO-8601 with a fixed shape, so that stored times sort as strings."""
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC).isoformat(timespec="seconds")


def parse_iso(s: str | None) -> datetime | None:
    return datetime.fromisoformat(s) if s else None


@dataclass(frozen=True)
class StoreStats:
    outlets: int
    articles: int
    claims: int


@dataclass(frozen=True)
class ArticleRow:
    """One stored article as `claimcheck articles` lists it (no text)."""

    id: int
    outlet: str
    published: datetime | None
    fetched: datetime | None
    title: str
    url: str
    claims: int
    language: str | None = None  # ISO 639-1; an article in another language than English has no claims


@dataclass(frozen=True)
class OutletStats:
    """What is stored for one outlet: counts and the span of publication times."""

    outlet: str
    name: str
    articles: int
    claims: int
    first: datetime | None
    last: datetime | None


TABLES = ("outlets", "feeds", "articles", "article_shingles", "entries", "claims")  # the order a copy fills them


def no_shared_queue(where: object, backend: str) -> UsageError:
    """The error for ``--shard auto`` on a backend without a shared queue (SQLite), said the same by the CLI
    (before it opens the file) and by :meth:`Store.host_queue`."""
    return UsageError(
        f"--shard auto shares the outlets through a PostgreSQL database (--db postgresql://...); "
        f"{where} is {backend}: use --shard K/N"
    )


class HostQueue(Protocol):
    """A fetcher's place in a round of ``fetch --shard auto`` (:meth:`Store.host_queue`): it takes hosts
    one at a time; a host taken is leased to it (kept alive by a heartbeat) until it is done or given back."""

    round: int
    lost: set[str]  # hosts taken, then taken by another fetcher (this one's lease ran out): fetch no more of them

    def claim(self) -> tuple[str | None, float | None]:
        """The next host of this round nobody has taken (or whose holder's lease ran out), now leased to
        this fetcher; else (None, seconds until the first lease held by another fetcher runs out, or None
        when no other fetcher holds one: the round has nothing left for this fetcher)."""
        ...

    def done(self, host: str) -> None:
        """``host`` is done in this round (nobody takes it again in it)."""
        ...

    def wait(self, seconds: float) -> None:
        """Block until another fetcher releases a host, or ``seconds`` pass."""
        ...

    def out_of_work(self) -> int:
        """How many other fetchers of the round have nothing left to take while others hold hosts."""
        ...

    def give_back(self, host: str) -> None:
        """``host`` goes back to the round undone, for a fetcher out of work to take (not this one)."""
        ...

    def close(self) -> None:
        """Leave the round: hosts still held are given back (another fetcher of the round may take them)."""
        ...


class Store:
    """The contract of one open claimcheck database, whatever the backend.

    Every write is one transaction; :meth:`add_articles` stores a batch in one transaction with each
    article all or nothing (a savepoint each). Backend errors surface as :class:`StoreError`.
    """

    backend = ""  # "sqlite" or "postgresql"
    path: Path | None = None  # the database file, when there is one (outputs must never overwrite it)
    location = ""  # what messages name: the file, or the URL without its password
    read_only = False
    upgraded_from: int | None = None  # a reader of an older schema reads an upgraded copy: the file's schema

    @classmethod
    def open(
        cls,
        target: str | os.PathLike[str],
        *,
        create: bool = True,
        verify: bool = True,
        read_only: bool = False,
    ) -> Store:
        """Open (and create or migrate) the database ``target``: a path (SQLite) or a
        ``postgresql://`` URL. Raises :class:`StoreError`."""
        if re.match(r"^[a-z][a-z0-9+.-]*://", str(target), re.I) and not is_db_url(target):
            raise StoreError(
                f"{str(target).split('://')[0]}://: not a database claimcheck knows; use a file path "
                "(SQLite) or postgresql://user@host:port/dbname"
            )
        if is_db_url(target):
            from claimcheck.store_pg import PgStore

            return PgStore.open(str(target), create=create, verify=verify, read_only=read_only)
        return SqliteStore.open(target, create=create, verify=verify, read_only=read_only)

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def check_same_file(self) -> None:
        """Raise :class:`StoreError` when the database was swapped under the run (files only)."""

    def store_error(self, e: BaseException) -> StoreError | None:
        """``e`` as a :class:`StoreError` when it is an error of this backend's driver, else None."""
        return None

    def host_slot(self, host: str, delay: float) -> float | None:
        """Reserve the next request start on ``host``, ``delay`` seconds after the previous one of every
        fetcher sharing this store; returns the seconds to wait. None: the store does not share pacing
        (each fetch paces itself)."""
        return None

    def host_queue(self, hosts: Sequence[str], lease: float) -> HostQueue:
        """Join the open fetch round of this database (or start one) as a fetcher that takes ``hosts``
        one at a time from a queue shared with every other fetcher of the round (``fetch --shard auto``).
        Raises :class:`UsageError` when the backend has no shared queue (SQLite)."""
        raise no_shared_queue(self.location or "this database", self.backend or "not one")

    # The rest of the contract (each backend implements every one):
    def sync_outlets(self, outlets: Iterable[Outlet]) -> None:
        raise NotImplementedError

    def outlet_names(self) -> dict[str, str]:
        raise NotImplementedError

    def feed_state(self, outlet: str, url: str) -> tuple[str | None, str | None]:
        raise NotImplementedError

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
        raise NotImplementedError

    def seen_entries(self, outlet: str, keys: Sequence[str]) -> set[str]:
        raise NotImplementedError

    def mark_entries(self, outlet: str, keys: Iterable[str], url: str, status: str) -> None:
        raise NotImplementedError

    def add_article(self, article: Article, entry_keys: Iterable[str] = ()) -> tuple[int, bool]:
        raise NotImplementedError

    def add_articles(
        self, items: Sequence[tuple[Article, Iterable[str]]]
    ) -> list[tuple[int, bool] | Exception]:
        raise NotImplementedError

    def replace_claims(self, article_id: int, claims: Sequence[Claim], language: str | None = KEEP) -> None:
        raise NotImplementedError

    def iter_articles(self, batch: int = 200) -> Iterator[Article]:
        raise NotImplementedError

    def get_article(self, article_id: int) -> Article | None:
        raise NotImplementedError

    def stats(self) -> StoreStats:
        raise NotImplementedError

    def search(
        self,
        query: str,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        outlets: Sequence[str] | None = None,
        limit: int | None = None,
    ) -> list[Article]:
        raise NotImplementedError

    def suggest(self, query: str, n: int = 5) -> list[str]:
        """Words of stored titles close to the query's words, for a "did you mean" when nothing matched.

        Titles, not the full-text index: its terms are stems ("belaru"), which are no help to a reader.
        """
        words = [w for w in _WORD.findall(query.lower()) if len(w) > 2]
        if not words:
            return []
        return suggest_terms(words, self.recent_titles(20000), n)

    def recent_titles(self, n: int) -> list[str]:
        raise NotImplementedError

    def list_articles(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        outlets: Sequence[str] | None = None,
        limit: int | None = None,
    ) -> list[ArticleRow]:
        raise NotImplementedError

    def outlet_stats(self) -> list[OutletStats]:
        raise NotImplementedError

    def language_counts(self) -> dict[str | None, int]:
        """Stored articles per language (None: not decided, read as English), most first."""
        raise NotImplementedError

    def outlet_ids(self) -> set[str]:
        raise NotImplementedError

    def size_bytes(self) -> int:
        raise NotImplementedError

    # -- stories -----------------------------------------------------------------------------------
    def newest_time(
        self, *, outlets: Sequence[str] | None = None, before: datetime | None = None
    ) -> datetime | None:
        """The latest publication (else fetch) time of the stored articles, ignoring times after ``before``
        (a page that claims to be from 2099 does not move the default window)."""
        raise NotImplementedError

    def window_articles(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        outlets: Sequence[str] | None = None,
        head: int = 1000,
        tail: int = 600,
    ) -> list[Article]:
        """Articles published (else fetched) in the window, without claims, in id order, each text cut to its
        first ``head`` and last ``tail`` characters (joined by a blank line); shorter texts come whole."""
        raise NotImplementedError

    def window_rows(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        outlets: Sequence[str] | None = None,
    ) -> WindowRows:
        """The articles of the window as :meth:`window_articles` selects them (same order), as columns
        without their texts: what ``stories`` reads for 50,000 articles in tens of MB, not hundreds."""
        raise NotImplementedError

    def cut_texts(self, ids: Sequence[int], *, head: int, tail: int = 0) -> list[str]:
        """These articles' texts in the order given, cut as :meth:`window_articles` cuts them (the first
        ``head`` and last ``tail`` characters joined by a blank line, shorter texts whole); ``tail=0``: the
        first ``head`` characters. An unknown id gives an empty text."""
        raise NotImplementedError

    def stored_shingles(self, ids: Sequence[int]) -> list[bytes | None]:
        """These articles' wire-copy shingles as stored with them (claimcheck.shingles.shingle_blob), in the
        order given; None for an article stored without them (before schema 3; `claimcheck reindex` adds
        them) or an unknown id."""
        raise NotImplementedError

    def replace_shingles(self, article_id: int, shingles: bytes) -> None:
        """Store an article's shingles anew (reindex), in one transaction."""
        raise NotImplementedError

    def articles_by_id(self, ids: Sequence[int]) -> list[Article]:
        """These articles, whole and with their claims, in the order given (unknown ids left out)."""
        raise NotImplementedError

    # -- moving a store (claimcheck migrate-store) ---------------------------------------------------
    def export_rows(self, table: str, batch: int = 1000) -> Iterator[list[tuple[object, ...]]]:
        """Every row of ``table`` (one of :data:`TABLES`, columns as :data:`COLUMNS` lists them), in
        batches, in primary-key order."""
        raise NotImplementedError

    def import_rows(self, table: str, rows: Sequence[tuple[object, ...]]) -> None:
        """Insert exported rows as they are (ids kept), in one transaction."""
        raise NotImplementedError

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Inside it, every read sees the store as it was when the first one ran: migrate-store copies
        each table in turn, and a fetch committing meanwhile must not leave claims naming an article that
        was read before it existed."""
        yield

    def finish_import(self) -> None:
        """After :meth:`import_rows`: let new ids follow the imported ones."""

    def discard_import(self) -> None:
        """Empty every table a copy fills (:data:`TABLES`), in one transaction: a copy that failed or was
        stopped half-way leaves an empty store, not a partial one that looks whole."""
        raise NotImplementedError

    def is_empty(self) -> bool:
        return self.stats().articles == 0 and not self.outlet_ids() and not self.count_rows("entries")

    def count_rows(self, table: str) -> int:
        raise NotImplementedError


# Columns of each table as export_rows and import_rows carry them.
COLUMNS: dict[str, tuple[str, ...]] = {
    "outlets": ("id", "name", "wire", "homepage", "country", "language", "aliases"),
    "feeds": ("outlet", "url", "etag", "last_modified", "last_status", "last_error", "last_fetched"),
    "articles": (
        "id", "outlet", "url", "canonical_url", "title", "author", "published", "fetched", "text", "content_hash",
        "language",
    ),
    "entries": ("outlet", "key", "url", "article_id", "status", "seen"),
    "claims": ("id", "article_id", "kind", "text", "sentence", "start", '"end"', "fields"),
    "article_shingles": ("article_id", "hashes"),
}  # fmt: skip
ORDER_BY = {
    "outlets": "id", "feeds": "outlet, url", "articles": "id", "article_shingles": "article_id",
    "entries": "outlet, key", "claims": "id",
}  # fmt: skip


def copy_store(source: Store, dest: Store, progress: Callable[[int], None] | None = None) -> dict[str, int]:
    """Copy every table of ``source`` into the empty ``dest``, ids kept, in batches of one transaction
    each; then check that ``dest`` holds exactly as many rows of each table. Returns the counts."""
    counts: dict[str, int] = {}
    for table in TABLES:
        n = 0
        for rows in source.export_rows(table):
            dest.import_rows(table, rows)
            n += len(rows)
            if progress:
                progress(len(rows))
        counts[table] = n
    dest.finish_import()
    for table, n in counts.items():
        if dest.count_rows(table) != n:
            raise StoreError(
                f"{dest.location}: holds {dest.count_rows(table):,} {table} after the copy, not {n:,}; "
                "something else wrote to it meanwhile"
            )
    return counts


def suggest_terms(words: Sequence[str], titles: Iterable[str], n: int) -> list[str]:
    from rapidfuzz import fuzz, process

    vocab: set[str] = set()
    for title in titles:
        vocab.update(w for w in _WORD.findall(title.lower()) if len(w) > 2 and not w.isdigit())
    terms = sorted(vocab)
    out: list[str] = []
    for w in words:
        for term, score, _ in process.extract(w, terms, scorer=fuzz.ratio, limit=n):
            if score >= 75 and term != w and term not in out:
                out.append(term)
    return out[:n]


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
        self._identity = _identity(path)

    # -- opening -----------------------------------------------------------------------------------
    @classmethod
    def open(
        cls, path: str | os.PathLike[str], *, create: bool = True, verify: bool = True, read_only: bool = False
    ) -> SqliteStore:
        """Open (and create or migrate) the database at ``path``. Raises :class:`StoreError`.

        ``verify`` runs SQLite's quick_check first (files up to ``VERIFY_MAX_BYTES``), so a corrupt file
        is refused untouched; read-only callers may skip it. ``read_only`` (readers: compare, articles,
        stats) opens the file read-only when it or its folder cannot be written, so that a database on a
        read-only medium or in a read-only folder can still be read."""
        p = Path(path)
        _check_file(p, create=create and not read_only)
        reader = read_only  # the caller never writes: not even a schema upgrade
        read_only = read_only and not _writable(p)
        try:
            if create and not read_only:
                p.parent.mkdir(parents=True, exist_ok=True)
            target: str | Path = _read_only_uri(p) if read_only else p
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
            why = _explain(e)
            if why.startswith("database error") and not read_only and not _writable(p):
                # SQLite says only "unable to open database file" when the folder is read-only (no -wal/-shm)
                why = "database is read-only (the file or its folder cannot be written); use another --db"
            raise StoreError(f"{p}: {why}") from None
        except StoreError:
            db.close()
            raise
        store._identity = _identity(p)  # the file exists now, even when this open created it
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
        if version == 0 and _has_foreign_tables(db) and db.execute("PRAGMA user_version").fetchone()[0] == 0:
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
                f"{self.path}: {_explain(sqlite3.DatabaseError('database disk image is malformed'))}"
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
        if self._identity is not None and self.path is not None and _identity(self.path) != self._identity:
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
        return StoreError(f"{self.path}: {_explain(e)}") if isinstance(e, sqlite3.Error) else None

    @contextmanager
    def atomic(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken with BEGIN IMMEDIATE so concurrent writers wait instead of failing."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: {_explain(e)}") from None
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
            raise StoreError(f"{self.path}: {_explain(e)}") from None

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """:meth:`atomic`, with SQLite errors (disk full, read-only) turned into :class:`StoreError`."""
        try:
            with self.atomic() as db:
                yield db
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: {_explain(e)}") from None

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
                    out.append(StoreError(f"{self.path}: {_explain(e)}"))
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
                f"SELECT {_ARTICLE_COLS} FROM articles WHERE id > ? ORDER BY id LIMIT ?", (last, batch)
            ).fetchall()
            if not rows:
                return
            for r in rows:
                yield _article(r)
            last = rows[-1][0]

    def get_article(self, article_id: int) -> Article | None:
        row = self.db.execute(f"SELECT {_ARTICLE_COLS} FROM articles WHERE id = ?", (article_id,)).fetchone()
        if not row:
            return None
        return _with_claims(self.db, [_article(row)])[0]

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
            f"SELECT {_A_ARTICLE_COLS} FROM articles_fts f "
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
            raise StoreError(f"{self.path}: {_explain(e)}") from None
        return _with_claims(self.db, [_article(r) for r in rows])

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
            raise StoreError(f"{self.path}: {_explain(e)}") from None
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
        return {r[0] for r in self.db.execute("SELECT id FROM outlets UNION SELECT DISTINCT outlet FROM articles")}

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
            raise StoreError(f"{self.path}: {_explain(e)}") from None
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
        cols = _ARTICLE_COLS.replace(
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
            return [_article(r) for r in self.db.execute(" ".join(sql), args)]
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: {_explain(e)}") from None

    def window_rows(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        outlets: Sequence[str] | None = None,
    ) -> WindowRows:
        args: list[object] = []
        sql = [f"SELECT {_ROW_COLS} FROM articles a WHERE 1"]
        sql += _window(args, since, until, outlets)
        sql.append("ORDER BY id")
        try:
            return window_columns(self.db.execute(" ".join(sql), args))
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: {_explain(e)}") from None

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
        found: dict[int, bytes] = self._by_id("SELECT article_id, hashes FROM article_shingles WHERE article_id IN", ids)
        return [found.get(i) for i in ids]

    def _by_id(self, select: str, ids: Sequence[int]) -> dict[Any, Any]:
        """``select`` (its first column an article id, ending in ``IN``) over ``ids``, 500 at a time: id -> value."""
        found: dict[Any, Any] = {}
        try:
            for i in range(0, len(ids), 500):
                chunk = list(ids[i : i + 500])
                found.update(self.db.execute(f"{select} ({','.join('?' * len(chunk))})", chunk))
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: {_explain(e)}") from None
        return found

    def replace_shingles(self, article_id: int, shingles: bytes) -> None:
        with self._write() as db:
            db.execute(
                "INSERT OR REPLACE INTO article_shingles (article_id, hashes) VALUES (?, ?)", (article_id, shingles)
            )

    def articles_by_id(self, ids: Sequence[int]) -> list[Article]:
        """These articles, whole and with their claims, in the order given (unknown ids left out)."""
        found: dict[int, Article] = {}
        for i in range(0, len(ids), 500):
            chunk = list(ids[i : i + 500])
            rows = self.db.execute(
                f"SELECT {_ARTICLE_COLS} FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk
            ).fetchall()
            found.update((int(r[0]), _article(r)) for r in rows)
        return _with_claims(self.db, [found[i] for i in ids if i in found])


_WORD = re.compile(r"\w+", re.UNICODE)
_PHRASE = re.compile(r'"([^"]*)"')


def open_store(path: str | os.PathLike[str] | None = None, *, create: bool = True) -> Store:
    """The store at ``path`` (a file, or a ``postgresql://`` URL), else at the default place
    ($CLAIMCHECK_DB, else the user data dir): ``claimcheck.open_store``. Raises :class:`StoreError`."""
    return Store.open(db_target(path) if path else default_db_path(), create=create)


def fts_query(query: str) -> str:
    """Turn user text into a safe FTS5 query: "quoted phrases" kept, every other word a quoted token.

    All terms must match (implicit AND). No FTS5 operator in user text can reach the parser.
    """
    parts: list[str] = []
    for phrase in _PHRASE.findall(query):
        words = _WORD.findall(phrase)
        if words:
            parts.append('"' + " ".join(words) + '"')
    rest = _PHRASE.sub(" ", query)
    parts.extend(f'"{w}"' for w in _WORD.findall(rest))
    return " ".join(parts)


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


_ARTICLE_COLS = "id, outlet, url, canonical_url, title, author, published, fetched, text, content_hash, language"
_A_ARTICLE_COLS = ", ".join(f"a.{c.strip()}" for c in _ARTICLE_COLS.split(","))


_ROW_COLS = "id, outlet, url, canonical_url, title, author, published, fetched"  # WindowRows' columns


def window_columns(rows: Iterable[Sequence[Any]]) -> WindowRows:
    """Rows of :data:`_ROW_COLS` as columns (one outlet string per outlet; a canonical URL equal to the
    URL is the same string)."""
    out = WindowRows([], [], [], [], [], [], [], [])
    names: dict[str, str] = {}
    for r in rows:
        url = str(r[2])
        out.ids.append(int(r[0]))
        out.outlets.append(names.setdefault(r[1], str(r[1])))
        out.urls.append(url)
        out.canonical_urls.append(url if r[3] == url else str(r[3]))
        out.titles.append(str(r[4]))
        out.authors.append(r[5])
        out.published.append(parse_iso(r[6]))
        out.fetched.append(parse_iso(r[7]))  # type: ignore[arg-type]  # NOT NULL in the schema
    return out


def _article(r: Sequence[Any]) -> Article:  # a row of the articles table
    return Article(
        id=int(r[0]),
        outlet=str(r[1]),
        url=str(r[2]),
        canonical_url=str(r[3]),
        title=str(r[4]),
        author=r[5],
        published=parse_iso(r[6]),
        fetched=parse_iso(r[7]),  # type: ignore[arg-type]  # NOT NULL in the schema
        text=str(r[8]),
        content_hash=str(r[9]),
        language=r[10],
    )


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


def _check_file(p: Path, *, create: bool) -> None:
    """Refuse, without touching it, a path that is not an SQLite database."""
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


def _identity(p: Path) -> tuple[int, int] | None:
    try:
        st = p.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _writable(p: Path) -> bool:
    """Whether SQLite can write ``p`` in WAL mode: the file, and its folder (for the -wal and -shm files)."""
    folder = p.parent if str(p.parent) else Path(".")
    return os.access(p, os.W_OK) and os.access(folder, os.W_OK)


def _read_only_uri(p: Path) -> str:
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


def _has_foreign_tables(db: sqlite3.Connection) -> bool:
    return db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0] > 0


def _explain(e: sqlite3.Error) -> str:
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
    return f"database error: {msg}"

"""PostgreSQL storage: the :class:`claimcheck.store.Store` contract on a server shared by many fetchers
and readers (``--db postgresql://user@host:port/dbname``). Needs psycopg 3: ``pip install "claimcheck[postgres]"``.

The tables and their meaning are SQLite's (the same ordered migrations, in PostgreSQL's SQL); full-text
search is PostgreSQL's own: a generated ``tsvector`` (title weight A, text weight D, english stemming with
accents folded) under a GIN index. Articles are inserted with ``ON CONFLICT DO NOTHING``, so two fetchers
that store the same article at once keep one; every batch is one transaction, each article a savepoint.
"""

from __future__ import annotations

import json
import random
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from typing import Any

import claimcheck.store.pg_writes as writes
from claimcheck.errors import StoreError, StoreUnavailable
from claimcheck.migrations import (
    MIGRATIONS,
    PG_TS_CONFIG,
    PG_TS_MAX_CHARS,
    SCHEMA_VERSION,
    readers_current,
)
from claimcheck.models import Article, Claim, Outlet, WindowRows
from claimcheck.shingles import shingle_blob
from claimcheck.store.contract import Store
from claimcheck.store.pg_conn import CONNECT_TIMEOUT, first_line, import_psycopg, redact
from claimcheck.store.pg_queue import PgHostQueue
from claimcheck.store.pg_writes import T
from claimcheck.store.query import ts_parts
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
from claimcheck.store.rows import ROW_COLS, article_from_row, window_columns

MIGRATE_LOCK = 0x636C6D63  # pg_advisory_xact_lock key while the schema is migrated ("clmc")
_ARTICLE_COLS = (
    "a.id, a.outlet, a.url, a.canonical_url, a.title, a.author, a.published, a.fetched, a.text, a.content_hash, "
    "a.language"
)


class PgStore(Store):
    """One open PostgreSQL claimcheck database (one connection; the fetch run's database thread uses it)."""

    backend = "postgresql"

    def __init__(self, conn: Any, url: str, *, read_only: bool = False) -> None:
        self.conn = conn
        self.url = url
        self.location = redact(url)
        self.read_only = read_only
        self._psycopg = import_psycopg()
        self._pacer: Any = None
        self._pacer_lock = threading.Lock()

    # -- opening -----------------------------------------------------------------------------------
    @classmethod
    def open(  # type: ignore[override]
        cls, url: str, *, create: bool = True, verify: bool = True, read_only: bool = False
    ) -> PgStore:
        psycopg = import_psycopg()
        shown = redact(url)
        try:
            conn = psycopg.connect(
                url, autocommit=True, connect_timeout=CONNECT_TIMEOUT, application_name="claimcheck"
            )
        except psycopg.Error as e:
            raise StoreError(f"{shown}: cannot connect: {first_line(e, url)}") from None
        except Exception as e:  # noqa: BLE001 - a URL psycopg cannot read (bad port, bad option)
            raise StoreError(f"{shown}: not a usable database URL: {first_line(e, url)}") from None
        store = cls(conn, url, read_only=read_only)
        try:
            store._setup(create=create and not read_only)
        except psycopg.Error as e:
            conn.close()
            raise store.store_error(e) or StoreError(str(e)) from None
        except StoreError:
            conn.close()
            raise
        return store

    def _setup(self, *, create: bool) -> None:
        version = self._version()
        if version is None:
            if self._has_tables():
                raise StoreError(f"{self.location}: a PostgreSQL database, but not a claimcheck one")
            if not create:
                raise StoreError(
                    f"{self.location}: no claimcheck database here yet; run 'claimcheck fetch' first (or pass --db)"
                )
            version = 0
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.location}: database schema {version} is newer than this claimcheck understands "
                f"({SCHEMA_VERSION}); upgrade claimcheck"
            )
        if version < SCHEMA_VERSION:
            if self.read_only and readers_current(version):
                return  # (only tables readers never use are missing)
            if not create:
                raise StoreError(
                    f"{self.location}: database schema {version} needs an upgrade; run 'claimcheck fetch' "
                    "(or any writing command) first"
                )
            self._migrate()

    def _version(self) -> int | None:
        row = self.conn.execute("SELECT to_regclass('claimcheck_schema') IS NOT NULL").fetchone()
        if not row[0]:
            return None
        row = self.conn.execute("SELECT max(version) FROM claimcheck_schema").fetchone()
        return int(row[0] or 0)

    def _has_tables(self) -> bool:
        row = self.conn.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"
        ).fetchone()
        return int(row[0]) > 0

    def _migrate(self) -> None:
        with self.conn.transaction():
            # One migrator at a time: another fetcher may be creating the schema right now.
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATE_LOCK,))
            self.conn.execute("CREATE TABLE IF NOT EXISTS claimcheck_schema (version INTEGER NOT NULL)")
            version = int(
                self.conn.execute("SELECT coalesce(max(version), 0) FROM claimcheck_schema").fetchone()[0]
            )
            for migration in MIGRATIONS[version:]:
                migration.postgres(self.conn)
            if version < SCHEMA_VERSION:
                self.conn.execute("DELETE FROM claimcheck_schema")
                self.conn.execute("INSERT INTO claimcheck_schema (version) VALUES (%s)", (SCHEMA_VERSION,))

    def close(self) -> None:
        with suppress(Exception):
            self.conn.close()
        if self._pacer is not None:
            with suppress(Exception):
                self._pacer.close()

    # -- errors ------------------------------------------------------------------------------------
    def store_error(self, e: BaseException) -> StoreError | None:
        psycopg = self._psycopg
        if isinstance(e, StoreError):
            return e
        if not isinstance(e, psycopg.Error):
            return None
        msg = first_line(e, self.url)
        lost = self.conn.closed or self.conn.broken
        if lost or (
            isinstance(e, psycopg.OperationalError | psycopg.InterfaceError) and "connection" in msg.lower()
        ):
            return StoreUnavailable(
                f"{self.location}: lost the connection to the database server ({msg}); everything "
                "committed is kept, run again when the server is back"
            )
        errors = psycopg.errors
        if isinstance(e, errors.DiskFull):
            return StoreError(
                f"{self.location}: the server's disk is full; nothing was lost, free some space and run again"
            )
        if isinstance(e, errors.ReadOnlySqlTransaction | errors.InsufficientPrivilege):
            return StoreError(
                f"{self.location}: no permission to write ({msg}); check the role's grants or use another --db"
            )
        return StoreError(f"{self.location}: database error: {msg}")

    @contextmanager
    def _write(self, *, again: bool = False) -> Iterator[Any]:
        """One transaction; driver errors become :class:`StoreError`. With ``again``, a transaction the
        server rolled back as a deadlock's victim (or for a serialization conflict) raises :class:`~claimcheck.store.pg_writes.LostRace`
        instead, for :meth:`_retrying` to run it again."""
        try:
            with self.conn.transaction():
                yield self.conn
        except self._psycopg.Error as e:
            if again and self._lost_race(e):
                raise writes.LostRace from None
            raise self.store_error(e) from None  # type: ignore[misc]

    def _lost_race(self, e: BaseException) -> bool:
        errors = self._psycopg.errors
        return isinstance(e, errors.DeadlockDetected | errors.SerializationFailure)

    def _retrying(self, write: Callable[[Any, bool], T]) -> T:
        """``write(db, again)`` in one transaction; run again, whole, when another fetcher's transaction
        wins a deadlock against it (two fetchers storing the same articles or entries in another order):
        the server rolls the loser back, so nothing of it is kept, and it is retried after a short random
        pause, at most :data:`~claimcheck.store.pg_writes.RACE_RETRIES` times; the last time its error is the article's or the run's."""
        for attempt in range(writes.RACE_RETRIES + 1):
            again = attempt < writes.RACE_RETRIES
            try:
                with self._write(again=again) as db:
                    return write(db, again)
            except writes.LostRace:
                time.sleep(random.uniform(0.01, 0.05) * (attempt + 1))
        raise AssertionError("unreachable: the last attempt raises its error")

    def _read(self, sql: str, args: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        try:
            return self.conn.execute(sql, args).fetchall()
        except self._psycopg.Error as e:
            raise self.store_error(e) from None  # type: ignore[misc]

    # -- shared politeness ---------------------------------------------------------------------------
    def host_slot(self, host: str, delay: float) -> float | None:
        """One atomic statement on the server's clock: every fetcher of this database, on any machine,
        keeps ``delay`` seconds between request starts on ``host``. A connection of its own, so that
        pacing never waits behind a batch being written."""
        try:
            with self._pacer_lock:
                if self._pacer is None:
                    self._pacer = self._psycopg.connect(
                        self.url,
                        autocommit=True,
                        connect_timeout=CONNECT_TIMEOUT,
                        application_name="claimcheck-pacer",
                    )
                pacer = self._pacer
            row = pacer.execute(
                "INSERT INTO hosts AS h (host, next_start) VALUES (%(h)s, clock_timestamp() + make_interval(secs => %(d)s)) "
                "ON CONFLICT (host) DO UPDATE SET next_start = "
                "greatest(h.next_start, clock_timestamp()) + make_interval(secs => %(d)s) "
                "RETURNING extract(epoch FROM (h.next_start - clock_timestamp()))::float8 - %(d)s",
                {"h": host, "d": float(delay)},
            ).fetchone()
        except self._psycopg.Error as e:
            raise self.store_error(e) from None  # type: ignore[misc]
        return max(0.0, float(row[0]))

    # -- shared work queue (fetch --shard auto) ------------------------------------------------------
    def host_queue(self, hosts: Sequence[str], lease: float) -> PgHostQueue:
        try:
            return PgHostQueue(self, list(dict.fromkeys(hosts)), lease)
        except self._psycopg.Error as e:
            raise self.store_error(e) from None  # type: ignore[misc]

    # -- outlets and feeds -------------------------------------------------------------------------
    def sync_outlets(self, outlets: Iterable[Outlet]) -> None:
        rows = [
            (o.id, o.name, int(o.wire), o.homepage, o.country, o.language, json.dumps(list(o.aliases)))
            for o in outlets
        ]
        with self._write() as db, db.cursor() as cur:
            cur.executemany(
                "INSERT INTO outlets (id, name, wire, homepage, country, language, aliases) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (id) DO UPDATE SET name=excluded.name, "
                "wire=excluded.wire, homepage=excluded.homepage, country=excluded.country, "
                "language=excluded.language, aliases=excluded.aliases",
                rows,
            )

    def outlet_names(self) -> dict[str, str]:
        return dict(self._read("SELECT id, name FROM outlets"))  # type: ignore[arg-type]

    def feed_state(self, outlet: str, url: str) -> tuple[str | None, str | None]:
        rows = self._read(
            "SELECT etag, last_modified FROM feeds WHERE outlet = %s AND url = %s", (outlet, url)
        )
        return (rows[0][0], rows[0][1]) if rows else (None, None)

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
        with self._write() as db:
            db.execute(
                "INSERT INTO feeds (outlet, url, etag, last_modified, last_status, last_error, last_fetched) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (outlet, url) DO UPDATE SET "
                "etag = coalesce(excluded.etag, feeds.etag), "
                "last_modified = coalesce(excluded.last_modified, feeds.last_modified), "
                "last_status = excluded.last_status, last_error = excluded.last_error, "
                "last_fetched = excluded.last_fetched",
                (outlet, url, etag, last_modified, status, error, iso(datetime.now(UTC))),
            )

    # -- entries and articles ----------------------------------------------------------------------
    def seen_entries(self, outlet: str, keys: Sequence[str]) -> set[str]:
        if not keys:
            return set()
        rows = self._read("SELECT key FROM entries WHERE outlet = %s AND key = ANY(%s)", (outlet, list(keys)))
        return {r[0] for r in rows}

    def mark_entries(self, outlet: str, keys: Iterable[str], url: str, status: str) -> None:
        listed = list(keys)  # iterated again when the write runs again
        self._retrying(lambda db, _: writes.mark(db, outlet, listed, url, status, None))

    def add_article(self, article: Article, entry_keys: Iterable[str] = ()) -> tuple[int, bool]:
        keys, blob = list(entry_keys), shingle_blob(article.text)
        return self._retrying(lambda db, _: writes.add_article(db, article, keys, blob))

    def add_articles(
        self, items: Sequence[tuple[Article, Iterable[str]]]
    ) -> list[tuple[int, bool] | Exception]:
        psycopg = self._psycopg
        batch = [(article, list(keys)) for article, keys in items]  # read twice when the batch falls back
        blobs = [shingle_blob(a.text) for a, _ in batch]  # ~0.15 ms of CPU an article

        def write(db: Any, again: bool) -> list[tuple[int, bool] | Exception]:
            out: list[tuple[int, bool] | Exception] = []
            if len(batch) > 1:
                try:
                    with db.transaction():  # a savepoint: the whole batch in five statements, or none of it
                        return list(writes.add_batch(db, batch, blobs))
                except psycopg.Error as e:
                    if db.broken or db.closed or (again and self._lost_race(e)):
                        raise  # the connection is gone, or the whole batch runs again: nothing of it is kept
                except Exception:  # noqa: BLE001 - one article's bad data: one by one below, it fails alone
                    pass
            for (article, keys), blob in zip(batch, blobs, strict=True):
                try:
                    with db.transaction():  # a savepoint: this article all or nothing
                        out.append(writes.add_article(db, article, keys, blob))
                except psycopg.Error as e:
                    if db.broken or db.closed or (again and self._lost_race(e)):
                        raise  # the connection is gone, or the whole batch runs again: nothing of it is kept
                    out.append(self.store_error(e) or StoreError(str(e)))
                except Exception as e:  # noqa: BLE001 - returned in the article's slot, raised by its caller
                    out.append(e)
            return out

        return self._retrying(write)

    def replace_claims(self, article_id: int, claims: Sequence[Claim], language: str | None = KEEP) -> None:
        with self._write() as db:
            db.execute("DELETE FROM claims WHERE article_id = %s", (article_id,))
            writes.insert_claims(db, article_id, claims)
            if language is not KEEP:
                db.execute("UPDATE articles SET language = %s WHERE id = %s", (language, article_id))

    def iter_articles(self, batch: int = 200) -> Iterator[Article]:
        last = 0
        while True:
            rows = self._read(
                f"SELECT {_ARTICLE_COLS} FROM articles a WHERE a.id > %s ORDER BY a.id LIMIT %s",
                (last, batch),
            )
            if not rows:
                return
            for r in rows:
                yield article_from_row(r)
            last = rows[-1][0]

    def get_article(self, article_id: int) -> Article | None:
        rows = self._read(f"SELECT {_ARTICLE_COLS} FROM articles a WHERE a.id = %s", (article_id,))
        return self._with_claims([article_from_row(rows[0])])[0] if rows else None

    def stats(self) -> StoreStats:
        r = self._read(
            "SELECT (SELECT count(*) FROM outlets), (SELECT count(*) FROM articles), (SELECT count(*) FROM claims)"
        )[0]
        return StoreStats(int(r[0]), int(r[1]), int(r[2]))

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
        """As SQLite's: every word and "quoted phrase" must match (stemmed, english), title weighs four
        times the text, best first."""
        parts = ts_parts(query)
        if not parts:
            return []
        tsq = " && ".join(f"phraseto_tsquery('{PG_TS_CONFIG}', %s)" for _ in parts)
        sql = [
            f"WITH q AS (SELECT ({tsq}) AS q) SELECT {_ARTICLE_COLS} FROM articles a, q "
            "WHERE numnode(q.q) > 0 AND a.tsv @@ q.q"
        ]
        args: list[object] = list(parts)
        for phrase in (p for p in parts if " " in p):
            # The index holds title and text as one vector, where a phrase could run from the title's
            # last word into the text's first; FTS5 keeps columns apart, so a phrase must match in one.
            sql.append(
                f"AND (to_tsvector('{PG_TS_CONFIG}', a.title) @@ phraseto_tsquery('{PG_TS_CONFIG}', %s) OR "
                f"to_tsvector('{PG_TS_CONFIG}', left(a.text, {PG_TS_MAX_CHARS})) @@ phraseto_tsquery('{PG_TS_CONFIG}', %s))"
            )
            args += [phrase, phrase]
        sql += _window(args, since, until, outlets)
        sql.append("ORDER BY ts_rank('{0.25, 0.25, 0.25, 1.0}', a.tsv, q.q) DESC, a.id")
        if limit:
            sql.append("LIMIT %s")
            args.append(limit)
        rows = self._read(" ".join(sql), args)
        return self._with_claims([article_from_row(r) for r in rows])

    def recent_titles(self, n: int) -> list[str]:
        return [r[0] for r in self._read("SELECT title FROM articles ORDER BY id DESC LIMIT %s", (n,))]

    # -- stories -----------------------------------------------------------------------------------
    def newest_time(
        self, *, outlets: Sequence[str] | None = None, before: datetime | None = None
    ) -> datetime | None:
        args: list[object] = []
        sql = ["SELECT max(coalesce(a.published, a.fetched)) FROM articles a WHERE true"]
        sql += _window(args, None, before, outlets)
        return parse_iso(self._read(" ".join(sql), args)[0][0])

    def window_articles(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        outlets: Sequence[str] | None = None,
        head: int = 1000,
        tail: int = 600,
    ) -> list[Article]:
        h, t = int(head), int(tail)
        cols = _ARTICLE_COLS.replace(
            "a.text",
            f"CASE WHEN length(a.text) > {h + t} THEN left(a.text, {h}) || chr(10) || chr(10) || right(a.text, {t}) "
            "ELSE a.text END",
        )
        args: list[object] = []
        sql = [f"SELECT {cols} FROM articles a WHERE true"]
        sql += _window(args, since, until, outlets)
        sql.append("ORDER BY a.id")
        return [article_from_row(r) for r in self._read(" ".join(sql), args)]

    def window_rows(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        outlets: Sequence[str] | None = None,
    ) -> WindowRows:
        args: list[object] = []
        cols = ", ".join(f"a.{c.strip()}" for c in ROW_COLS.split(","))
        sql = [f"SELECT {cols} FROM articles a WHERE true"]
        sql += _window(args, since, until, outlets)
        sql.append("ORDER BY a.id")
        return window_columns(self._read(" ".join(sql), args))

    def cut_texts(self, ids: Sequence[int], *, head: int, tail: int = 0) -> list[str]:
        h, t = int(head), int(tail)
        cut = (
            f"left(text, {h})"
            if t <= 0
            else f"CASE WHEN length(text) > {h + t} THEN left(text, {h}) || chr(10) || chr(10) || "
            f"right(text, {t}) ELSE text END"
        )
        found: dict[int, str] = {}
        for i in range(0, len(ids), 2000):
            chunk = [int(x) for x in ids[i : i + 2000]]
            found.update(self._read(f"SELECT id, {cut} FROM articles WHERE id = ANY(%s)", (chunk,)))
        return [found.get(i, "") for i in ids]

    def stored_shingles(self, ids: Sequence[int]) -> list[bytes | None]:
        found: dict[int, bytes] = {}
        for i in range(0, len(ids), 2000):
            chunk = [int(x) for x in ids[i : i + 2000]]
            rows = self._read(
                "SELECT article_id, hashes FROM article_shingles WHERE article_id = ANY(%s)", (chunk,)
            )
            found.update((int(k), bytes(v)) for k, v in rows)
        return [found.get(i) for i in ids]

    def replace_shingles(self, article_id: int, shingles: bytes) -> None:
        with self._write() as db:
            db.execute(
                "INSERT INTO article_shingles (article_id, hashes) VALUES (%s, %s) "
                "ON CONFLICT (article_id) DO UPDATE SET hashes = EXCLUDED.hashes",
                (article_id, shingles),
            )

    def articles_by_id(self, ids: Sequence[int]) -> list[Article]:
        rows = self._read(f"SELECT {_ARTICLE_COLS} FROM articles a WHERE a.id = ANY(%s)", (list(ids),))
        found = {int(r[0]): article_from_row(r) for r in rows}
        return self._with_claims([found[i] for i in ids if i in found])

    def _with_claims(self, articles: list[Article]) -> list[Article]:
        from dataclasses import replace

        by_id: dict[int, list[Claim]] = {a.id: [] for a in articles if a.id is not None}
        if by_id:
            rows = self._read(
                'SELECT article_id, kind, text, sentence, start, "end", fields FROM claims '
                "WHERE article_id = ANY(%s) ORDER BY article_id, start, id",
                (list(by_id),),
            )
            for aid, kind, text, sentence, start, end, fields in rows:
                by_id[aid].append(Claim.from_row(kind, text, sentence, start, end, json.loads(fields)))
        return [replace(a, claims=tuple(by_id.get(a.id or -1, ()))) for a in articles]

    # -- listing -----------------------------------------------------------------------------------
    def list_articles(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        outlets: Sequence[str] | None = None,
        limit: int | None = None,
    ) -> list[ArticleRow]:
        sql = [
            "SELECT a.id, a.outlet, a.published, a.fetched, a.title, a.url, "
            "(SELECT count(*) FROM claims c WHERE c.article_id = a.id), a.language FROM articles a WHERE true"
        ]
        args: list[object] = []
        sql += _window(args, since, until, outlets)
        sql.append("ORDER BY coalesce(a.published, a.fetched) DESC, a.id DESC")
        if limit:
            sql.append("LIMIT %s")
            args.append(limit)
        rows = self._read(" ".join(sql), args)
        return [
            ArticleRow(r[0], r[1], parse_iso(r[2]), parse_iso(r[3]), r[4], r[5], int(r[6]), r[7])
            for r in rows
        ]

    def language_counts(self) -> dict[str | None, int]:
        rows = self._read(
            "SELECT language, count(*) FROM articles GROUP BY language ORDER BY count(*) DESC, language"
        )
        return {r[0]: int(r[1]) for r in rows}

    def outlet_stats(self) -> list[OutletStats]:
        rows = self._read(
            "SELECT a.outlet, coalesce(o.name, a.outlet), count(*), sum(n.claims), "
            "min(a.published), max(a.published) FROM articles a "
            "LEFT JOIN outlets o ON o.id = a.outlet "
            "LEFT JOIN (SELECT article_id, count(*) AS claims FROM claims GROUP BY article_id) n "
            "ON n.article_id = a.id GROUP BY a.outlet, o.name ORDER BY count(*) DESC, a.outlet"
        )
        return [
            OutletStats(r[0], r[1], int(r[2]), int(r[3] or 0), parse_iso(r[4]), parse_iso(r[5])) for r in rows
        ]

    def outlet_ids(self) -> set[str]:
        return {r[0] for r in self._read("SELECT id FROM outlets UNION SELECT DISTINCT outlet FROM articles")}

    def size_bytes(self) -> int:
        return int(self._read("SELECT pg_database_size(current_database())")[0][0])

    # -- moving a store ----------------------------------------------------------------------------
    def export_rows(self, table: str, batch: int = 1000) -> Iterator[list[tuple[object, ...]]]:
        last: tuple[object, ...] | None = None
        keys = [k.strip() for k in ORDER_BY[table].split(",")]
        cols = COLUMNS[table]
        idx = [cols.index(k) for k in keys]
        while True:
            where = f"WHERE ({', '.join(keys)}) > ({', '.join(['%s'] * len(keys))})" if last else ""
            rows = self._read(
                f"SELECT {', '.join(cols)} FROM {table} {where} ORDER BY {ORDER_BY[table]} LIMIT %s",
                [*(last or ()), batch],
            )
            if not rows:
                return
            yield [tuple(r) for r in rows]
            last = tuple(rows[-1][i] for i in idx)

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        try:
            with self.conn.transaction():
                self.conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                yield
        except self._psycopg.Error as e:
            raise self.store_error(e) from None  # type: ignore[misc]

    def import_rows(self, table: str, rows: Sequence[tuple[object, ...]]) -> None:
        sql = f"COPY {table} ({', '.join(COLUMNS[table])}) FROM STDIN"
        with self._write() as db, db.cursor() as cur, cur.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)

    def finish_import(self) -> None:
        with self._write() as db:
            for table in ("articles", "claims"):
                db.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"coalesce((SELECT max(id) FROM {table}), 0) + 1, false)"
                )

    def discard_import(self) -> None:
        with self._write() as db:
            db.execute(f"TRUNCATE {', '.join(reversed(TABLES))}")

    def count_rows(self, table: str) -> int:
        return int(self._read(f"SELECT count(*) FROM {table}")[0][0])


def _window(
    args: list[object], since: datetime | None, until: datetime | None, outlets: Sequence[str] | None
) -> list[str]:
    """The --since/--until/--source conditions, judged by publication time, else fetch time."""
    sql: list[str] = []
    if since:
        sql.append("AND coalesce(a.published, a.fetched) >= %s")
        args.append(iso(since))
    if until:
        sql.append("AND coalesce(a.published, a.fetched) <= %s")
        args.append(iso(until))
    if outlets:
        sql.append("AND a.outlet = ANY(%s)")
        args.append(list(outlets))
    return sql

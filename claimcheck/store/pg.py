"""PostgreSQL storage: the :class:`claimcheck.store.Store` contract on a server shared by many fetchers
and readers (``--db postgresql://user@host:port/dbname``). Needs psycopg 3: ``pip install "claimcheck[postgres]"``.

The tables and their meaning are SQLite's (the same ordered migrations, in PostgreSQL's SQL); full-text
search is PostgreSQL's own: a generated ``tsvector`` (title weight A, text weight D, english stemming with
accents folded) under a GIN index. Articles are inserted with ``ON CONFLICT DO NOTHING``, so two fetchers
that store the same article at once keep one; every batch is one transaction, each article a savepoint.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import datetime
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
from claimcheck.models import Article
from claimcheck.shingles import shingle_blob
from claimcheck.store.pg_conn import (
    DEADLINE_STATES,
    connect,
    deadline_error,
    first_line,
    import_psycopg,
    redact,
    shut_socket,
)
from claimcheck.store.pg_queue import PgHostQueue
from claimcheck.store.pg_writes import T
from claimcheck.store.query import ts_parts
from claimcheck.store.records import (
    COLUMNS,
    ORDER_BY,
    TABLES,
)
from claimcheck.store.rows import A_ARTICLE_COLS, article_from_row
from claimcheck.store.sql import POSTGRES
from claimcheck.store.sql_store import SqlStore

MIGRATE_LOCK = 0x636C6D63  # pg_advisory_xact_lock key while the schema is migrated ("clmc")


class PgStore(SqlStore):
    """One open PostgreSQL claimcheck database (one connection; the fetch run's database thread uses it)."""

    backend = "postgresql"
    dialect = POSTGRES

    def __init__(self, conn: Any, url: str, *, read_only: bool = False) -> None:
        self.conn = conn
        self.url = url
        self.location = redact(url)
        self.read_only = read_only
        self._psycopg = import_psycopg()
        self._pacer: Any = None
        self._pacer_lock = threading.Lock()
        # what this open created in a database that had no claimcheck schema (discard_import drops it again)
        self._made: list[tuple[str, str]] = []

    # -- opening -----------------------------------------------------------------------------------
    @classmethod
    def open(  # type: ignore[override]
        cls, url: str, *, create: bool = True, verify: bool = True, read_only: bool = False
    ) -> PgStore:
        psycopg = import_psycopg()
        shown = redact(url)
        try:
            conn = connect(psycopg, url, "claimcheck")
        except psycopg.Error as e:
            raise StoreError(f"{shown}: cannot connect: {first_line(e, url)}") from None
        except Exception as e:  # noqa: BLE001 - a URL psycopg cannot read (bad port, bad option)
            raise StoreError(f"{shown}: not a usable database URL: {first_line(e, url)}") from None
        store = cls(conn, url, read_only=read_only)
        try:
            store._setup(create=create and not read_only)
        except psycopg.Error as e:
            error = store.store_error(e)  # judged before the close (a closed connection reads as lost)
            conn.close()
            raise error or StoreError(str(e)) from None
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
        # An upgrade of a large store may build its indexes for longer than statement_timeout: no deadline on
        # the server's side nor on ours (pg_conn.ANSWER_MARGIN) while it runs.
        deadline = getattr(self.conn, "answer_deadline", None)
        try:
            self.conn.answer_deadline = None
            self._migrate_now()
        finally:
            self.conn.answer_deadline = deadline

    def _migrate_now(self) -> None:
        with self.conn.transaction():
            # One migrator at a time: another fetcher may be creating the schema right now.
            # A lock it waits for (another migrator, a reader's table) still ends at lock_timeout.
            self.conn.execute("SET LOCAL statement_timeout = 0")
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATE_LOCK,))
            self.conn.execute("CREATE TABLE IF NOT EXISTS claimcheck_schema (version INTEGER NOT NULL)")
            version = int(
                self.conn.execute("SELECT coalesce(max(version), 0) FROM claimcheck_schema").fetchone()[0]
            )
            if version > SCHEMA_VERSION:  # a newer claimcheck upgraded it meanwhile: not ours to write
                raise StoreError(
                    f"{self.location}: database schema {version} is newer than this claimcheck understands "
                    f"({SCHEMA_VERSION}); upgrade claimcheck"
                )
            before = self._objects() if version == 0 else set()
            for migration in MIGRATIONS[version:]:
                migration.postgres(self.conn)
            if version == 0:
                self._made = sorted((self._objects() - before) | {("r", "claimcheck_schema")})
            if version < SCHEMA_VERSION:
                self.conn.execute("DELETE FROM claimcheck_schema")
                self.conn.execute("INSERT INTO claimcheck_schema (version) VALUES (%s)", (SCHEMA_VERSION,))

    def _objects(self) -> set[tuple[str, str]]:
        """The tables, sequences, text search configurations and extensions of the database's schema, as
        (kind, name): a copy that did not end drops those its open created (:meth:`discard_import`)."""
        return {
            (str(kind), str(name))
            for kind, name in self.conn.execute(
                "SELECT relkind::text, relname::text FROM pg_class WHERE relkind IN ('r', 'S') "
                "AND relnamespace = current_schema()::regnamespace "
                "UNION ALL SELECT 'F', cfgname::text FROM pg_ts_config WHERE cfgnamespace = current_schema()::regnamespace "
                "UNION ALL SELECT 'E', extname::text FROM pg_extension"
            ).fetchall()
        }

    def interrupt(self) -> None:
        """Shut the connections' sockets down: a query waiting on a server that stopped answering (a hung
        backend, a paused machine: no reset ever comes) wakes at once and fails as a lost connection. A
        transaction that had not committed is rolled back by the server."""
        for conn in (self.conn, self._pacer):
            if conn is not None:
                shut_socket(conn)

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
        deadline = deadline_error(e, self.location)
        if deadline is not None:
            return deadline
        errors = psycopg.errors
        if isinstance(e, errors.DiskFull):
            return StoreError(
                f"{self.location}: the server's disk is full; nothing was lost, free some space and run again"
            )
        if isinstance(e, errors.ReadOnlySqlTransaction | errors.InsufficientPrivilege):
            what = "read" if self.read_only else "write"  # (a reader's role may lack SELECT too)
            return StoreError(
                f"{self.location}: no permission to {what} ({msg}); check the role's grants or use another --db"
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

    def _deadline(self, e: BaseException) -> bool:
        """A lock or statement deadline: the run's error, not one article's (each article alone would wait
        it out again)."""
        return getattr(e, "sqlstate", None) in DEADLINE_STATES

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

    def _executemany(self, db: Any, sql: str, rows: Sequence[Sequence[object]]) -> None:
        if rows:
            with db.cursor() as cur:
                cur.executemany(sql, rows)

    # -- shared politeness ---------------------------------------------------------------------------
    def host_slot(self, host: str, delay: float) -> float | None:
        """One atomic statement on the server's clock: every fetcher of this database, on any machine,
        keeps ``delay`` seconds between request starts on ``host``. A connection of its own, so that
        pacing never waits behind a batch being written."""
        try:
            with self._pacer_lock:
                if self._pacer is None:
                    self._pacer = connect(self._psycopg, self.url, "claimcheck-pacer")
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
    # -- entries and articles ----------------------------------------------------------------------
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
                    if db.broken or db.closed or (again and self._lost_race(e)) or self._deadline(e):
                        raise  # the connection is gone, or the whole batch runs again: nothing of it is kept
                except Exception:  # noqa: BLE001 - one article's bad data: one by one below, it fails alone
                    pass
            for (article, keys), blob in zip(batch, blobs, strict=True):
                try:
                    with db.transaction():  # a savepoint: this article all or nothing
                        out.append(writes.add_article(db, article, keys, blob))
                except psycopg.Error as e:
                    if db.broken or db.closed or (again and self._lost_race(e)) or self._deadline(e):
                        raise  # the connection is gone, or the whole batch runs again: nothing of it is kept
                    out.append(self.store_error(e) or StoreError(str(e)))
                except Exception as e:  # noqa: BLE001 - returned in the article's slot, raised by its caller
                    out.append(e)
            return out

        return self._retrying(write)

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
        tsq = " && ".join(f"phraseto_tsquery('{PG_TS_CONFIG}', ?)" for _ in parts)
        sql = [
            f"WITH q AS (SELECT ({tsq}) AS q) SELECT {A_ARTICLE_COLS} FROM articles a, q "
            "WHERE numnode(q.q) > 0 AND a.tsv @@ q.q"
        ]
        args: list[object] = list(parts)
        for phrase in (p for p in parts if " " in p):
            # The index holds title and text as one vector, where a phrase could run from the title's
            # last word into the text's first; FTS5 keeps columns apart, so a phrase must match in one.
            sql.append(
                f"AND (to_tsvector('{PG_TS_CONFIG}', a.title) @@ phraseto_tsquery('{PG_TS_CONFIG}', ?) OR "
                f"to_tsvector('{PG_TS_CONFIG}', left(a.text, {PG_TS_MAX_CHARS})) @@ phraseto_tsquery('{PG_TS_CONFIG}', ?))"
            )
            args += [phrase, phrase]
        tail = "ORDER BY ts_rank('{0.25, 0.25, 0.25, 1.0}', a.tsv, q.q) DESC, a.id" + (" LIMIT ?" if limit else "")
        query_sql = self._select(" ".join(sql), args, since=since, until=until, outlets=outlets, tail=tail)
        if limit:
            args.append(limit)
        rows = self._read(query_sql, args)
        return self._with_claims([article_from_row(r) for r in rows])

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
        """Empty the tables; when this open created the schema (DEST had none: an empty database), drop what
        it created, so that the database is as it was, not an empty claimcheck store."""
        with self._write() as db:
            db.execute(f"TRUNCATE {', '.join(reversed(TABLES))}")
            if not self._made:
                return
            db.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATE_LOCK,))  # (no migrator meanwhile)
            made = {kind: [name for k, name in self._made if k == kind] for kind in ("r", "S", "F", "E")}
            sql = self._psycopg.sql
            # A drop that fails (something of the user's came to depend on them) keeps the tables, emptied.
            with suppress(self._psycopg.Error), db.transaction():
                for kind, drop in (("r", "TABLE"), ("S", "SEQUENCE"), ("F", "TEXT SEARCH CONFIGURATION"), ("E", "EXTENSION")):
                    if made[kind]:  # in this order, each after what depends on it (a table's own sequence: IF EXISTS)
                        names = sql.SQL(", ").join(sql.Identifier(n) for n in made[kind])
                        db.execute(sql.SQL(f"DROP {drop} IF EXISTS {{}}").format(names))
            self._made = []


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
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit

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
from claimcheck.store import (
    _PHRASE,
    _ROW_COLS,
    _WORD,
    COLUMNS,
    KEEP,
    ORDER_BY,
    TABLES,
    ArticleRow,
    OutletStats,
    Store,
    StoreStats,
    _article,
    iso,
    parse_iso,
    window_columns,
)

CONNECT_TIMEOUT = 10  # seconds
MIGRATE_LOCK = 0x636C6D63  # pg_advisory_xact_lock key while the schema is migrated ("clmc")
ROUND_LOCK = 0x636C7264  # pg_advisory_xact_lock key while a fetcher joins or starts a round ("clrd")
# A fetcher of round R out of work while others hold hosts holds the shared advisory lock (OUT_OF_WORK, R)
# on its queue connection (gone with the connection if it dies): the holders see it in pg_locks.
OUT_OF_WORK = 0x636C6F77  # "clow"
EXTRA = 'PostgreSQL needs the postgres extra: pip install "claimcheck[postgres]" (psycopg 3)'
_ARTICLE_COLS = (
    "a.id, a.outlet, a.url, a.canonical_url, a.title, a.author, a.published, a.fetched, a.text, a.content_hash, "
    "a.language"
)


_QUERY_PASSWORD = re.compile(r"(?i)(^|&)((?:ssl)?password=)[^&]*")
# user:password@ as libpq reads it, before the first "/" (a "#" or "?" in the password need not be
# %-encoded for libpq, while urlsplit ends the host part there and finds no password). Up to the last "@"
# there, so that a password with an "@" left unencoded is masked whole.
_USER_INFO = re.compile(r"^([a-z][a-z0-9+.-]*://)([^/]*)@", re.I)


def redact(url: str) -> str:
    """The URL as messages may show it: the password (``user:password@``, or the ``password=`` and
    ``sslpassword=`` parameters libpq also takes) replaced by ``***``."""
    try:
        urlsplit(url)
    except ValueError:
        return "postgresql://(a URL that cannot be read)"
    m = _USER_INFO.match(url)
    if m and ":" in m.group(2):
        url = f"{m.group(1)}{m.group(2).split(':', 1)[0]}:***@{url[m.end() :]}"
    head, mark, query = url.partition("?")
    return head + mark + _QUERY_PASSWORD.sub(r"\1\2***", query)


def _secrets(url: str) -> list[str]:
    """The passwords as the URL gives them, in either place, as written and decoded."""
    m = _USER_INFO.match(url)
    user_info = m.group(2) if m else ""
    # to the last "@" (urlsplit's reading) and to the first (libpq's, when the password has an "@")
    found = [user_info.partition(":")[2], user_info.partition("@")[0].partition(":")[2]]
    try:
        urlsplit(url)
    except ValueError:  # a URL that cannot be parsed ("[::1" unclosed): the driver may quote it whole
        found.append(url)
    query = (url[m.end() :] if m else url).partition("?")[2]  # after user:password@ (which may hold a "?")
    found += [q.group(0).split("=", 1)[1] for q in _QUERY_PASSWORD.finditer(query)]
    found += [unquote(s) for s in found]
    return sorted({s for s in found if s}, key=len, reverse=True)


def _import_psycopg() -> Any:
    try:
        import psycopg
    except ImportError:
        raise StoreError(EXTRA) from None
    return psycopg


def ts_parts(query: str) -> list[str]:
    """The query as FTS5's builder reads it (:func:`claimcheck.store.fts_query`): "quoted phrases" kept
    whole, every other word on its own; all must match. Each part becomes one ``phraseto_tsquery``."""
    parts: list[str] = []
    for phrase in _PHRASE.findall(query):
        words = _WORD.findall(phrase)
        if words:
            parts.append(" ".join(words))
    rest = _PHRASE.sub(" ", query)
    parts.extend(_WORD.findall(rest))
    return parts


class PgStore(Store):
    """One open PostgreSQL claimcheck database (one connection; the fetch run's database thread uses it)."""

    backend = "postgresql"

    def __init__(self, conn: Any, url: str, *, read_only: bool = False) -> None:
        self.conn = conn
        self.url = url
        self.location = redact(url)
        self.read_only = read_only
        self._psycopg = _import_psycopg()
        self._pacer: Any = None
        self._pacer_lock = threading.Lock()

    # -- opening -----------------------------------------------------------------------------------
    @classmethod
    def open(  # type: ignore[override]
        cls, url: str, *, create: bool = True, verify: bool = True, read_only: bool = False
    ) -> PgStore:
        psycopg = _import_psycopg()
        shown = redact(url)
        try:
            conn = psycopg.connect(
                url, autocommit=True, connect_timeout=CONNECT_TIMEOUT, application_name="claimcheck"
            )
        except psycopg.Error as e:
            raise StoreError(f"{shown}: cannot connect: {_first_line(e, url)}") from None
        except Exception as e:  # noqa: BLE001 - a URL psycopg cannot read (bad port, bad option)
            raise StoreError(f"{shown}: not a usable database URL: {_first_line(e, url)}") from None
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
            version = int(self.conn.execute("SELECT coalesce(max(version), 0) FROM claimcheck_schema").fetchone()[0])
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
        msg = _first_line(e, self.url)
        lost = self.conn.closed or self.conn.broken
        if lost or (isinstance(e, psycopg.OperationalError | psycopg.InterfaceError) and "connection" in msg.lower()):
            return StoreUnavailable(
                f"{self.location}: lost the connection to the database server ({msg}); everything "
                "committed is kept, run again when the server is back"
            )
        errors = psycopg.errors
        if isinstance(e, errors.DiskFull):
            return StoreError(f"{self.location}: the server's disk is full; nothing was lost, free some space and run again")
        if isinstance(e, errors.ReadOnlySqlTransaction | errors.InsufficientPrivilege):
            return StoreError(f"{self.location}: no permission to write ({msg}); check the role's grants or use another --db")
        return StoreError(f"{self.location}: database error: {msg}")

    @contextmanager
    def _write(self, *, again: bool = False) -> Iterator[Any]:
        """One transaction; driver errors become :class:`StoreError`. With ``again``, a transaction the
        server rolled back as a deadlock's victim (or for a serialization conflict) raises :class:`_LostRace`
        instead, for :meth:`_retrying` to run it again."""
        try:
            with self.conn.transaction():
                yield self.conn
        except self._psycopg.Error as e:
            if again and self._lost_race(e):
                raise _LostRace from None
            raise self.store_error(e) from None  # type: ignore[misc]

    def _lost_race(self, e: BaseException) -> bool:
        errors = self._psycopg.errors
        return isinstance(e, errors.DeadlockDetected | errors.SerializationFailure)

    def _retrying(self, write: Callable[[Any, bool], _T]) -> _T:
        """``write(db, again)`` in one transaction; run again, whole, when another fetcher's transaction
        wins a deadlock against it (two fetchers storing the same articles or entries in another order):
        the server rolls the loser back, so nothing of it is kept, and it is retried after a short random
        pause, at most :data:`_RACE_RETRIES` times; the last time its error is the article's or the run's."""
        for attempt in range(_RACE_RETRIES + 1):
            again = attempt < _RACE_RETRIES
            try:
                with self._write(again=again) as db:
                    return write(db, again)
            except _LostRace:
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
                        self.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT, application_name="claimcheck-pacer"
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
        rows = self._read("SELECT etag, last_modified FROM feeds WHERE outlet = %s AND url = %s", (outlet, url))
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
        self._retrying(lambda db, _: _mark(db, outlet, listed, url, status, None))

    def add_article(self, article: Article, entry_keys: Iterable[str] = ()) -> tuple[int, bool]:
        keys, blob = list(entry_keys), shingle_blob(article.text)
        return self._retrying(lambda db, _: _add_article(db, article, keys, blob))

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
                        return list(_add_batch(db, batch, blobs))
                except psycopg.Error as e:
                    if db.broken or db.closed or (again and self._lost_race(e)):
                        raise  # the connection is gone, or the whole batch runs again: nothing of it is kept
                except Exception:  # noqa: BLE001 - one article's bad data: one by one below, it fails alone
                    pass
            for (article, keys), blob in zip(batch, blobs, strict=True):
                try:
                    with db.transaction():  # a savepoint: this article all or nothing
                        out.append(_add_article(db, article, keys, blob))
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
            _insert_claims(db, article_id, claims)
            if language is not KEEP:
                db.execute("UPDATE articles SET language = %s WHERE id = %s", (language, article_id))

    def iter_articles(self, batch: int = 200) -> Iterator[Article]:
        last = 0
        while True:
            rows = self._read(
                f"SELECT {_ARTICLE_COLS} FROM articles a WHERE a.id > %s ORDER BY a.id LIMIT %s", (last, batch)
            )
            if not rows:
                return
            for r in rows:
                yield _article(r)
            last = rows[-1][0]

    def get_article(self, article_id: int) -> Article | None:
        rows = self._read(f"SELECT {_ARTICLE_COLS} FROM articles a WHERE a.id = %s", (article_id,))
        return self._with_claims([_article(rows[0])])[0] if rows else None

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
        return self._with_claims([_article(r) for r in rows])

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
        return [_article(r) for r in self._read(" ".join(sql), args)]

    def window_rows(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        outlets: Sequence[str] | None = None,
    ) -> WindowRows:
        args: list[object] = []
        cols = ", ".join(f"a.{c.strip()}" for c in _ROW_COLS.split(","))
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
            rows = self._read("SELECT article_id, hashes FROM article_shingles WHERE article_id = ANY(%s)", (chunk,))
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
        found = {int(r[0]): _article(r) for r in rows}
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
        return [ArticleRow(r[0], r[1], parse_iso(r[2]), parse_iso(r[3]), r[4], r[5], int(r[6]), r[7]) for r in rows]

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


class PgHostQueue:
    """One fetcher's place in a fetch round (``fetch --shard auto``): hosts are taken one at a time with
    ``FOR UPDATE SKIP LOCKED``, each leased to this fetcher until it is done.

    A round is the set of fetchers alive at once: a fetcher joins the round of any fetcher still alive
    (its ``alive_until`` ahead of the server's clock), else starts the next one. In a round every host is
    taken once: a host whose ``round`` is older than this one is free; one of this round with a holder is
    taken (until its lease runs out: a holder killed with SIGKILL stops its heartbeat, and its hosts are
    free again after ``lease`` seconds); one of this round without a holder is done. A heartbeat thread,
    on the queue's connection (taking turns with the claims under one lock), moves this fetcher's
    ``alive_until`` and its leases ``lease`` seconds on, every ``lease / 4`` seconds, and checks that it
    still holds every host it took: one that another fetcher has taken meanwhile (this one was cut off
    from the server longer than its lease) goes to ``lost``, and the fetcher starts no more of its pages.
    A host released wakes the fetchers waiting for one (``NOTIFY``)."""

    CHANNEL = "claimcheck_hosts"

    def __init__(self, store: PgStore, hosts: list[str], lease: float) -> None:
        import os
        import socket
        import uuid

        self.store = store
        self.hosts = hosts
        self.lease = float(lease)
        self.me = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._closing = False  # set by close(): a claim that runs after it (a thread it did not wait for) takes nothing
        self.held: set[str] = set()  # the hosts this fetcher took and has not yet marked done
        self.lost: set[str] = set()  # hosts it took that another fetcher has taken since
        self.given: set[str] = set()  # hosts it gave to a fetcher out of work (taken again only when out of work)
        self._out_of_work = False  # holds the (OUT_OF_WORK, round) lock
        self.conn = self._connect("claimcheck-queue")
        self.listen: Any = None
        try:
            with self.conn.transaction():
                # One joiner at a time, so that fetchers started together agree on one round.
                self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (ROUND_LOCK,))
                self.conn.execute("DELETE FROM fetchers WHERE alive_until < clock_timestamp()")
                row = self.conn.execute("SELECT max(round) FROM fetchers").fetchone()
                if row[0] is None:
                    row = self.conn.execute("SELECT nextval('fetch_rounds')").fetchone()
                self.round = int(row[0])
                self.conn.execute(
                    "INSERT INTO fetchers (id, round, started, alive_until) VALUES "
                    "(%s, %s, clock_timestamp(), clock_timestamp() + make_interval(secs => %s))",
                    (self.me, self.round, self.lease),
                )
                self.conn.execute(
                    "INSERT INTO host_leases (host) SELECT unnest(%s::text[]) ON CONFLICT DO NOTHING", (hosts,)
                )
        except BaseException:
            self.conn.close()
            raise
        self._beat = threading.Thread(target=self._heartbeat, name="claimcheck-heartbeat", daemon=True)
        self._beat.start()

    def _connect(self, name: str) -> Any:
        return self.store._psycopg.connect(
            self.store.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT, application_name=name
        )

    def _run(self, sql: str, args: dict[str, object], *, take: bool = False) -> list[tuple[Any, ...]]:
        """One statement under the connection's lock. ``take``: it takes hosts (the first column of its
        rows), which this fetcher then holds; not once the queue is closing (nothing would give them back)."""
        try:
            with self._lock:
                if take and self._closing:
                    return []
                cur = self.conn.execute(sql, args)
                rows = cur.fetchall() if cur.description else []
                if take:
                    taken = {str(r[0]) for r in rows}
                    self.held |= taken
                    self.lost -= taken  # taken again (its new holder let its lease run out)
                return rows
        except self.store._psycopg.Error as e:
            raise self.store.store_error(e) from None  # type: ignore[misc]

    def _args(self, **more: object) -> dict[str, object]:
        return {"r": self.round, "me": self.me, "lease": self.lease, "mine": self.hosts, **more}

    def _heartbeat(self) -> None:
        while not self._stop.wait(self.lease / 4):
            with suppress(Exception):  # a lost server: the fetch itself says so
                self.beat()

    def beat(self) -> None:
        """Keep this fetcher and its hosts alive for ``lease`` seconds more. The leases are moved on only
        where this fetcher is still the holder; a host it took and no longer holds (its lease ran out
        while it was cut off, and another fetcher took it) goes to :attr:`lost`."""
        with self._lock:  # a claim and a beat never use the connection at once
            if self._closing:
                return
            self.conn.execute(
                "UPDATE fetchers SET alive_until = clock_timestamp() + make_interval(secs => %(lease)s) "
                "WHERE id = %(me)s",
                self._args(),
            )
            kept = self.conn.execute(
                "UPDATE host_leases SET lease_until = clock_timestamp() + make_interval(secs => %(lease)s) "
                "WHERE holder = %(me)s AND round = %(r)s RETURNING host",
                self._args(),
            ).fetchall()
            gone = self.held - {str(r[0]) for r in kept}
            if gone:
                self.held -= gone
                self.lost |= gone

    def claim(self) -> tuple[str | None, float | None]:
        rows = self._run(
            "UPDATE host_leases SET round = %(r)s, holder = %(me)s, "
            "lease_until = clock_timestamp() + make_interval(secs => %(lease)s) "
            "WHERE host = (SELECT host FROM host_leases WHERE host = ANY(%(mine)s) AND (round < %(r)s OR "
            "(round = %(r)s AND holder IS NOT NULL AND lease_until < clock_timestamp())) "
            "AND NOT host = ANY(%(given)s::text[]) "
            "ORDER BY array_position(%(mine)s, host) LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING host",
            # the hosts it gave away, not while it holds others: one out of work takes any (one given to it,
            # then given back, would be left undone otherwise)
            self._args(given=list(self.given) if self.held else []),
            take=True,
        )
        if rows:
            if self._out_of_work:
                self._run("SELECT pg_advisory_unlock_shared(%(k)s::int4, %(r)s::int4)", self._args(k=OUT_OF_WORK))
                self._out_of_work = False
            return str(rows[0][0]), None
        if self._closing:
            return None, None
        rows = self._run(
            "SELECT extract(epoch FROM min(lease_until) - clock_timestamp())::float8 FROM host_leases "
            "WHERE host = ANY(%(mine)s) AND round = %(r)s AND holder IS NOT NULL AND holder <> %(me)s",
            self._args(),
        )
        left = rows[0][0] if rows else None
        if left is not None and not self._out_of_work and not self.held:  # out of work: the holders may give
            self._run("SELECT pg_advisory_lock_shared(%(k)s::int4, %(r)s::int4)", self._args(k=OUT_OF_WORK))
            self._out_of_work = True
        return None, (None if left is None else max(0.0, float(left)))

    def out_of_work(self) -> int:
        """How many other fetchers of this round are out of work, waiting for the hosts others hold."""
        rows = self._run(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = %(k)s::int4::oid "
            "AND objid = %(r)s::int4::oid "
            "AND objsubid = 2 AND granted AND pid <> pg_backend_pid() "
            "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            self._args(k=OUT_OF_WORK),
        )
        return int(rows[0][0])

    def give_back(self, host: str) -> None:
        """``host`` goes back to the round undone (its pages under way are finished), for a fetcher out of
        work to take; this one takes it again only once it is out of work itself."""
        self._run(
            "WITH d AS (UPDATE host_leases SET round = round - 1, holder = NULL, lease_until = NULL "
            "WHERE host = %(h)s AND holder = %(me)s AND round = %(r)s RETURNING host) "
            f"SELECT pg_notify('{self.CHANNEL}', host) FROM d",
            self._args(h=host),
        )
        with self._lock:
            self.held.discard(host)
            self.given.add(host)

    def done(self, host: str) -> None:
        self._run(  # one round trip; the fetchers waiting for a host hear of it at the commit
            "WITH d AS (UPDATE host_leases SET holder = NULL, lease_until = NULL "
            "WHERE host = %(h)s AND holder = %(me)s RETURNING host) "
            f"SELECT pg_notify('{self.CHANNEL}', host) FROM d",
            self._args(h=host),
        )
        with self._lock:
            self.held.discard(host)

    def wait(self, seconds: float) -> None:
        try:
            if self.listen is None:
                self.listen = self._connect("claimcheck-listen")
                self.listen.execute(f"LISTEN {self.CHANNEL}")
                return  # a release between the claim and the LISTEN would be missed: look again first
            for _ in self.listen.notifies(timeout=max(0.0, seconds), stop_after=1):
                pass
        except self.store._psycopg.Error as e:
            raise self.store.store_error(e) from None  # type: ignore[misc]

    def close(self) -> None:
        """Leave the round; hosts held and not done go back to it (``round - 1``: free for its fetchers).
        Safe against a claim still running in another thread (a stop that did not wait for it): once
        closing, a claim takes nothing, and one that got in first is given back here. The giving back
        runs in a thread of its own that the interpreter waits for at exit, so a second Ctrl-C while it
        runs does not leave a host held until its lease runs out."""
        self._stop.set()
        leave = threading.Thread(target=self._leave, name="claimcheck-leave")
        leave.start()
        leave.join()

    def _leave(self) -> None:
        self._beat.join(5)
        with self._lock:
            self._closing = True
        with suppress(Exception):
            self._run(
                "UPDATE host_leases SET round = round - 1, holder = NULL, lease_until = NULL "
                "WHERE holder = %(me)s AND round = %(r)s",
                self._args(),
            )
            self._run("DELETE FROM fetchers WHERE id = %(me)s", self._args())
            self._run(f"NOTIFY {self.CHANNEL}", {})
        for conn in (self.conn, self.listen):
            if conn is not None:
                with suppress(Exception):
                    conn.close()


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


def _add_article(db: Any, article: Article, entry_keys: Iterable[str], shingles: bytes) -> tuple[int, bool]:
    row = db.execute(
        "INSERT INTO articles (outlet, url, canonical_url, title, author, published, fetched, text, content_hash, "
        "language) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING RETURNING id",
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
    ).fetchone()
    if row is None:
        # Stored already (maybe by another fetcher a moment ago: ON CONFLICT waited for its commit).
        found = db.execute(
            "SELECT id FROM articles WHERE canonical_url = %s OR (outlet = %s AND content_hash = %s) LIMIT 1",
            (article.canonical_url, article.outlet, article.content_hash),
        ).fetchone()
        if found is None:
            raise StoreError("the article conflicted with one that is gone again; it is fetched next time")
        _mark(db, article.outlet, entry_keys, article.url, "duplicate", found[0])
        return int(found[0]), False
    article_id = int(row[0])
    db.execute("INSERT INTO article_shingles (article_id, hashes) VALUES (%s, %s)", (article_id, shingles))
    _insert_claims(db, article_id, article.claims)
    _mark(db, article.outlet, entry_keys, article.url, "stored", article_id)
    return article_id, True


_RACE_RETRIES = 4  # times a write that lost a deadlock to another fetcher runs again before it fails
_T = TypeVar("_T")


class _LostRace(Exception):
    """The server rolled this transaction back as a deadlock's victim: :meth:`PgStore._retrying` runs it again."""


class _Retry(Exception):
    """The batch cannot be settled as one: its articles are stored one by one instead."""


_BATCH_COLUMNS = "outlet, url, canonical_url, title, author, published, fetched, text, content_hash, language"
_BATCH_INSERT = (
    f"INSERT INTO articles ({_BATCH_COLUMNS}) SELECT * FROM unnest("
    + ", ".join(["%s::text[]"] * len(_BATCH_COLUMNS.split(",")))
    + ") ON CONFLICT DO NOTHING RETURNING id, canonical_url, outlet, content_hash"
)


_CLAIMS_COPY = 'COPY claims (article_id, kind, text, sentence, start, "end", fields) FROM STDIN'


def _add_batch(
    db: Any, items: Sequence[tuple[Article, list[str]]], shingles: Sequence[bytes]
) -> list[tuple[int, bool]]:
    """Many articles at once, with what :func:`_add_article` does for each, in five statements (the
    articles, then the ids of those stored already, their shingles, their claims in one COPY, their
    entries) instead of
    five or more round trips per article: the same rows, a fifth of the client's time per article and less
    of the server's (bench/README.md). Rows are inserted in the batch's order, so of two articles in it
    that conflict the first is stored and the second is its duplicate, as one by one. Raises on any error:
    the caller rolls the batch back and stores its articles one by one, each failing alone."""
    claim_rows = [[_claim_row(c) for c in a.claims] for a, _ in items]  # bad claim data fails before any SQL
    columns = [
        list(column)
        for column in zip(
            *((a.outlet, a.url, a.canonical_url, a.title, a.author, iso(a.published), iso(a.fetched), a.text,
               a.content_hash, a.language) for a, _ in items),
            strict=True,
        )
    ]  # fmt: skip
    new = {(r[1], r[2], r[3]): int(r[0]) for r in db.execute(_BATCH_INSERT, columns).fetchall()}
    out: list[tuple[int, bool] | None] = []
    for a, _ in items:
        article_id = new.pop((a.canonical_url, a.outlet, a.content_hash), None)  # the first of equal ones
        out.append(None if article_id is None else (article_id, True))
    if None in out:
        # Stored already (maybe by another fetcher a moment ago: ON CONFLICT waited for its commit), or by
        # an earlier article of this batch.
        rest = [a for (a, _), o in zip(items, out, strict=True) if o is None]
        by_url: dict[str, int] = {}
        by_hash: dict[tuple[str, str], int] = {}
        for aid, url, outlet, chash in db.execute(
            "SELECT id, canonical_url, outlet, content_hash FROM articles WHERE canonical_url = ANY(%s) "
            "OR (outlet, content_hash) IN (SELECT * FROM unnest(%s::text[], %s::text[]))",
            ([a.canonical_url for a in rest], [a.outlet for a in rest], [a.content_hash for a in rest]),
        ).fetchall():
            by_url[url] = by_hash[(outlet, chash)] = int(aid)
        for i, (a, _) in enumerate(items):
            if out[i] is None:
                found = by_url.get(a.canonical_url) or by_hash.get((a.outlet, a.content_hash))
                if found is None:
                    raise _Retry  # gone again: one by one, this article says so alone
                out[i] = (found, False)
    done = [o for o in out if o is not None]
    shingled = [(aid, blob) for (aid, stored), blob in zip(done, shingles, strict=True) if stored]
    if shingled:
        db.execute(
            "INSERT INTO article_shingles (article_id, hashes) SELECT * FROM unnest(%s::bigint[], %s::bytea[])",
            [[aid for aid, _ in shingled], [blob for _, blob in shingled]],
        )
    with db.cursor() as cur, cur.copy(_CLAIMS_COPY) as copy:
        for (article_id, stored), rows in zip(done, claim_rows, strict=True):
            if stored:
                for row in rows:
                    copy.write_row((article_id, *row))
    entries: dict[tuple[str, str], list[Any]] = {}
    now = iso(datetime.now(UTC))
    for (a, keys), (article_id, stored) in zip(items, done, strict=True):
        status = "stored" if stored else "duplicate"
        for k in keys:
            if (a.outlet, k) in entries:  # a key twice in the batch: its last article, as one by one
                entries[(a.outlet, k)][3:5] = [article_id, status]
            else:
                entries[(a.outlet, k)] = [a.outlet, k, a.url, article_id, status, now]
    if entries:
        db.execute(
            "INSERT INTO entries (outlet, key, url, article_id, status, seen) "
            "SELECT * FROM unnest(%s::text[], %s::text[], %s::text[], %s::bigint[], %s::text[], %s::text[]) "
            "ON CONFLICT (outlet, key) DO UPDATE SET article_id = excluded.article_id, status = excluded.status",
            [list(col) for col in zip(*(entries[k] for k in sorted(entries)), strict=True)],  # one lock order
        )
    return done


def _claim_row(c: Claim) -> tuple[object, ...]:
    return (c.kind, c.text, c.sentence, c.start, c.end, json.dumps(c.fields_json(), ensure_ascii=False))


def _insert_claims(db: Any, article_id: int, claims: Sequence[Claim]) -> None:
    if not claims:
        return
    with db.cursor() as cur:
        cur.executemany(
            'INSERT INTO claims (article_id, kind, text, sentence, start, "end", fields) '
            "VALUES (%s, %s, %s, %s, %s, %s, %s)",
            [(article_id, *_claim_row(c)) for c in claims],
        )


def _mark(db: Any, outlet: str, keys: Iterable[str], url: str, status: str, article_id: int | None) -> None:
    now = iso(datetime.now(UTC))
    rows = [(outlet, k, url, article_id, status, now) for k in sorted(set(keys))]  # one lock order for all
    if not rows:
        return
    with db.cursor() as cur:
        cur.executemany(
            "INSERT INTO entries (outlet, key, url, article_id, status, seen) VALUES (%s, %s, %s, %s, %s, %s) "
            "ON CONFLICT (outlet, key) DO UPDATE SET article_id = excluded.article_id, status = excluded.status",
            rows,
        )


def _first_line(e: BaseException, url: str) -> str:
    """The driver's message in one line, with the password (if any) never in it."""
    msg = " ".join(str(e).split()) or type(e).__name__
    for secret in _secrets(url):
        msg = msg.replace(secret, "***")
    return re.sub(r"\s+", " ", msg)[:300]

"""The database schema as one ordered list of migrations, each with its SQLite and its PostgreSQL form.

SQLite records the number applied in PRAGMA user_version, PostgreSQL in the table ``claimcheck_schema``.
Append, never reorder or edit a migration that has shipped: a database at version N has run the first N.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


def _script(db: sqlite3.Connection, sql: str) -> None:
    """Run statements one by one: ``executescript`` would COMMIT the migration's transaction half-way."""
    buf = ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            db.execute(buf)
            buf = ""
    if buf.strip():
        db.execute(buf)


def _m1_initial(db: sqlite3.Connection) -> None:
    _script(
        db,
        """
        CREATE TABLE outlets (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            wire INTEGER NOT NULL DEFAULT 0,
            homepage TEXT, country TEXT, language TEXT,
            aliases TEXT NOT NULL DEFAULT '[]'
        );
        CREATE TABLE feeds (
            outlet TEXT NOT NULL,
            url TEXT NOT NULL,
            etag TEXT,
            last_modified TEXT,
            last_status INTEGER,
            last_error TEXT,
            last_fetched TEXT,
            PRIMARY KEY (outlet, url)
        );
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            outlet TEXT NOT NULL,
            url TEXT NOT NULL,
            canonical_url TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            author TEXT,
            published TEXT,
            fetched TEXT NOT NULL,
            text TEXT NOT NULL CHECK (length(text) > 0),
            content_hash TEXT NOT NULL,
            UNIQUE (outlet, content_hash)
        );
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_outlet ON articles(outlet);
        -- Feed entries already handled, so a page is downloaded for new entries only.
        CREATE TABLE entries (
            outlet TEXT NOT NULL,
            key TEXT NOT NULL,
            url TEXT NOT NULL,
            article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
            status TEXT NOT NULL,
            seen TEXT NOT NULL,
            PRIMARY KEY (outlet, key)
        );
        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            sentence TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            fields TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX claims_article ON claims(article_id);
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        END;
        CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        CREATE VIRTUAL TABLE articles_vocab USING fts5vocab(articles_fts, 'row');
        """,
    )


def _pg_script(db: Any, sql: str) -> None:
    """PostgreSQL statements separated by ';' at the end of a line (no function bodies here)."""
    for stmt in re.split(r";\s*\n", sql):
        if stmt.strip():
            db.execute(stmt)


# The text search configuration: english (snowball stemmer, the same intent as FTS5's porter) with
# accents folded through unaccent when the server has it, as FTS5's remove_diacritics does.
PG_TS_CONFIG = "claimcheck"
# Text beyond this is not indexed (a tsvector holds at most 1 MB; news articles are far shorter).
PG_TS_MAX_CHARS = 300_000


def _pg_m1_initial(db: Any) -> None:
    _pg_script(
        db,
        """
        CREATE TABLE outlets (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            wire INTEGER NOT NULL DEFAULT 0,
            homepage TEXT, country TEXT, language TEXT,
            aliases TEXT NOT NULL DEFAULT '[]'
        );
        CREATE TABLE feeds (
            outlet TEXT NOT NULL,
            url TEXT NOT NULL,
            etag TEXT,
            last_modified TEXT,
            last_status INTEGER,
            last_error TEXT,
            last_fetched TEXT,
            PRIMARY KEY (outlet, url)
        );
        CREATE TABLE articles (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            outlet TEXT NOT NULL,
            url TEXT NOT NULL,
            canonical_url TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            author TEXT,
            published TEXT,
            fetched TEXT NOT NULL,
            text TEXT NOT NULL CHECK (length(text) > 0),
            content_hash TEXT NOT NULL,
            UNIQUE (outlet, content_hash)
        );
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_outlet ON articles(outlet);
        CREATE TABLE entries (
            outlet TEXT NOT NULL,
            key TEXT NOT NULL,
            url TEXT NOT NULL,
            article_id BIGINT REFERENCES articles(id) ON DELETE SET NULL,
            status TEXT NOT NULL,
            seen TEXT NOT NULL,
            PRIMARY KEY (outlet, key)
        );
        CREATE TABLE claims (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            sentence TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            fields TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX claims_article ON claims(article_id);
        -- Shared per-host politeness: the next time a request may start on a host, for every fetcher.
        CREATE TABLE hosts (
            host TEXT PRIMARY KEY,
            next_start TIMESTAMPTZ NOT NULL
        );
        """,
    )
    unaccent = False
    db.execute("SAVEPOINT unaccent")
    try:
        db.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        db.execute("RELEASE unaccent")
        unaccent = True
    except Exception:  # noqa: BLE001 - contrib missing or not allowed: no accent folding, the rest works
        db.execute("ROLLBACK TO unaccent")
        db.execute("RELEASE unaccent")
    db.execute(f"CREATE TEXT SEARCH CONFIGURATION {PG_TS_CONFIG} (COPY = english)")
    if unaccent:
        db.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {PG_TS_CONFIG} ALTER MAPPING FOR hword, hword_part, word "
            "WITH unaccent, english_stem"
        )
    # Title weighs A, text D: ts_rank gives the title four times the weight, as bm25(4.0, 1.0) does.
    db.execute(
        "ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS ("
        f"setweight(to_tsvector('{PG_TS_CONFIG}', title), 'A') || "
        f"setweight(to_tsvector('{PG_TS_CONFIG}', left(text, {PG_TS_MAX_CHARS})), 'D')) STORED"
    )
    db.execute("CREATE INDEX articles_tsv ON articles USING GIN (tsv)")


@dataclass(frozen=True)
class Migration:
    """One schema step, in the SQL of each backend (both must reach the same tables and meaning)."""

    name: str
    sqlite: Callable[[sqlite3.Connection], None]
    postgres: Callable[[Any], None]
    # False: the step adds only what no reader uses (fetch --shard auto's queue), so a reader (which may
    # not upgrade) reads a database without it as it is, on either backend
    readers_use: bool = True


def _m2_language(db: sqlite3.Connection) -> None:
    """The article's language (ISO 639-1, claims.language): claims are extracted from English text only.
    Articles stored before it have none (read as English, as they were); ``reindex`` fills it in."""
    db.execute("ALTER TABLE articles ADD COLUMN language TEXT")


def _pg_m2_language(db: Any) -> None:
    db.execute("ALTER TABLE articles ADD COLUMN IF NOT EXISTS language TEXT")


def _m3_shingles(db: sqlite3.Connection) -> None:
    # Each article's wire-copy shingles (claimcheck.shingles.shingle_blob: the sorted uint32 hashes of its
    # cut text's word 5-grams), computed once when it is stored; articles stored before this migration get
    # them from `claimcheck reindex` (stories hashes the texts of those without).
    _script(
        db,
        """
        CREATE TABLE article_shingles (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            hashes BLOB NOT NULL
        );
        """,
    )


def _pg_m3_shingles(db: Any) -> None:
    _pg_script(
        db,
        """
        CREATE TABLE article_shingles (
            article_id BIGINT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            hashes BYTEA NOT NULL
        )
        """,
    )


def _m4_host_leases(db: sqlite3.Connection) -> None:
    """PostgreSQL's shared work queue (``fetch --shard auto``); SQLite has none (one machine, ``--shard K/N``),
    so its step is empty: the version number stays the same on both backends."""


def _pg_m4_host_leases(db: Any) -> None:
    # fetch --shard auto (claimcheck/store_pg.py PgHostQueue): the fetchers that share a round, each alive
    # while its heartbeat keeps alive_until ahead of the server's clock; and each host's turn: taken in
    # round ``round`` by ``holder`` until ``lease_until`` (done in that round once holder is NULL).
    _pg_script(
        db,
        """
        CREATE SEQUENCE fetch_rounds;
        CREATE TABLE fetchers (
            id TEXT PRIMARY KEY,
            round BIGINT NOT NULL,
            started TIMESTAMPTZ NOT NULL,
            alive_until TIMESTAMPTZ NOT NULL
        );
        CREATE TABLE host_leases (
            host TEXT PRIMARY KEY,
            round BIGINT NOT NULL DEFAULT 0,
            holder TEXT,
            lease_until TIMESTAMPTZ
        )
        """,
    )


def _m5_entries_article(db: sqlite3.Connection) -> None:
    # The entries that point at an article (Store.also_listed: the other outlets whose feeds list a stored
    # page), looked up by article for every listing; without it each lookup read the whole table.
    db.execute("CREATE INDEX IF NOT EXISTS entries_article ON entries(article_id)")


def _pg_m5_entries_article(db: Any) -> None:
    db.execute("CREATE INDEX IF NOT EXISTS entries_article ON entries(article_id)")


# Ordered; a database at version N has run the first N. Append, never reorder.
MIGRATIONS: list[Migration] = [
    Migration("initial", _m1_initial, _pg_m1_initial),
    Migration("article language", _m2_language, _pg_m2_language),
    Migration("article shingles", _m3_shingles, _pg_m3_shingles),
    Migration("host leases", _m4_host_leases, _pg_m4_host_leases, readers_use=False),
    # an index: readers of an older store find the same rows without it, only slower
    Migration("entries by article", _m5_entries_article, _pg_m5_entries_article, readers_use=False),
]
SCHEMA_VERSION = len(MIGRATIONS)


def readers_current(version: int) -> bool:
    """Whether a reader may read a database at ``version`` as it is, without an upgrade (or, for SQLite,
    an upgraded copy): every later step adds only what no reader uses."""
    return not any(m.readers_use for m in MIGRATIONS[version:])

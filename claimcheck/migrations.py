"""The database schema as an ordered list of migrations (plain functions), recorded in PRAGMA user_version.

Append, never reorder or edit a migration that has shipped: a database at version N has run the first N.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable


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


# Ordered; the database's PRAGMA user_version is the number applied. Append, never reorder.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_m1_initial]
SCHEMA_VERSION = len(MIGRATIONS)

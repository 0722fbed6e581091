"""The SQL both backends run, written once with ``?`` placeholders: the statements, the rows they take, the
window of dates and outlets; what differs between SQLite's and PostgreSQL's SQL in them is data
(:class:`Dialect`: the placeholder, a list of values, a text cut to its head and tail).
:class:`claimcheck.store.sql_store.SqlStore` runs them for both backends.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from claimcheck.models import Article, Claim, Outlet
from claimcheck.store.records import iso


@dataclass(frozen=True)
class Dialect:
    """What differs between the SQL of SQLite and of PostgreSQL in the statements both run."""

    mark: str  # the driver's placeholder: "?" (sqlite3) or "%s" (psycopg)
    chunk: int  # ids per statement when a list of ids is looked up
    any_of: bool  # a list of values as one array parameter (``= ANY(%s)``), not one placeholder each
    head: str  # the first N characters of a text: "substr({col}, 1, {n})" or "left({col}, {n})"
    tail: str  # the last N characters
    two_newlines: str  # the blank line between a text's head and its tail

    def sql(self, statement: str) -> str:
        """``statement``, written with ``?``, with this driver's placeholders."""
        return statement if self.mark == "?" else statement.replace("?", self.mark)

    def in_list(self, column: str, values: Sequence[object], args: list[object]) -> str:
        """``column`` is one of ``values``: the condition, its arguments appended to ``args``."""
        if self.any_of:
            args.append(list(values))
            return f"{column} = ANY(?)"
        args.extend(values)
        return f"{column} IN ({','.join('?' * len(values))})"

    def cut(self, column: str, head: int, tail: int = 0) -> str:
        """``column`` cut to its first ``head`` and last ``tail`` characters joined by a blank line (a
        shorter text whole); ``tail=0``: its first ``head`` characters."""
        h, t = int(head), int(tail)
        first = self.head.format(col=column, n=h)
        if t <= 0:
            return first
        last = self.tail.format(col=column, n=t)
        return f"CASE WHEN length({column}) > {h + t} THEN {first} || {self.two_newlines} || {last} ELSE {column} END"


SQLITE = Dialect(
    mark="?",
    chunk=500,
    any_of=False,
    head="substr({col}, 1, {n})",
    tail="substr({col}, -{n})",
    two_newlines="char(10, 10)",
)
POSTGRES = Dialect(
    mark="%s",
    chunk=2000,
    any_of=True,
    head="left({col}, {n})",
    tail="right({col}, {n})",
    two_newlines="chr(10) || chr(10)",
)

UPSERT_OUTLETS = (
    "INSERT INTO outlets (id, name, wire, homepage, country, language, aliases) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name=excluded.name, "
    "wire=excluded.wire, homepage=excluded.homepage, country=excluded.country, "
    "language=excluded.language, aliases=excluded.aliases"
)
SAVE_FEED = (
    "INSERT INTO feeds (outlet, url, etag, last_modified, last_status, last_error, last_fetched) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (outlet, url) DO UPDATE SET "
    "etag = coalesce(excluded.etag, feeds.etag), "
    "last_modified = coalesce(excluded.last_modified, feeds.last_modified), "
    "last_status = excluded.last_status, last_error = excluded.last_error, "
    "last_fetched = excluded.last_fetched"
)
# An entry that stored its article stays "stored" when another fetcher, which downloaded the same page at the
# same time, finds that article stored and marks the entry its "duplicate" (every entry of two fetchers
# racing on one store read "duplicate", none the one that stored it).
ENTRY_CONFLICT = (
    "ON CONFLICT (outlet, key) DO UPDATE SET article_id = excluded.article_id, status = excluded.status "
    "WHERE NOT (entries.status = 'stored' AND excluded.status = 'duplicate' AND entries.article_id = excluded.article_id)"
)
MARK_ENTRIES = "INSERT INTO entries (outlet, key, url, article_id, status, seen) VALUES (?, ?, ?, ?, ?, ?) " + ENTRY_CONFLICT
INSERT_ARTICLE = (
    "INSERT INTO articles (outlet, url, canonical_url, title, author, published, fetched, text, content_hash, "
    "language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
FIND_ARTICLE = "SELECT id, outlet, canonical_url FROM articles WHERE canonical_url = ? OR (outlet = ? AND content_hash = ?)"
INSERT_SHINGLES = "INSERT INTO article_shingles (article_id, hashes) VALUES (?, ?)"
INSERT_CLAIMS = (
    'INSERT INTO claims (article_id, kind, text, sentence, start, "end", fields) VALUES (?, ?, ?, ?, ?, ?, ?)'
)


def outlet_row(o: Outlet) -> tuple[object, ...]:
    return (o.id, o.name, int(o.wire), o.homepage, o.country, o.language, json.dumps(list(o.aliases)))


def article_values(a: Article) -> tuple[object, ...]:
    """The values of :data:`INSERT_ARTICLE` (and of PostgreSQL's batch insert, column by column)."""
    return (
        a.outlet, a.url, a.canonical_url, a.title, a.author, iso(a.published), iso(a.fetched), a.text,
        a.content_hash, a.language,
    )  # fmt: skip


def claim_row(c: Claim) -> tuple[object, ...]:
    """A claim's values in :data:`INSERT_CLAIMS` after its article id."""
    return (c.kind, c.text, c.sentence, c.start, c.end, json.dumps(c.fields_json(), ensure_ascii=False))


def entry_rows(
    outlet: str, keys: Iterable[str], url: str, status: str, article_id: int | None
) -> list[tuple[object, ...]]:
    """The rows of :data:`MARK_ENTRIES`, each key once, sorted: every writer takes the rows' locks in one
    order (two PostgreSQL fetchers marking the same entries would deadlock otherwise)."""
    now = iso(datetime.now(UTC))
    return [(outlet, k, url, article_id, status, now) for k in sorted(set(keys))]


def window(
    d: Dialect,
    args: list[object],
    since: datetime | None,
    until: datetime | None,
    outlets: Sequence[str] | None,
    *,
    listed: bool = False,
) -> list[str]:
    """The --since/--until/--source conditions on ``articles a``, judged by publication time, else fetch time.
    ``listed``: an article is of ``outlets`` also when one of their feeds lists its page (held by another
    outlet, :mod:`claimcheck.store.owner`), as `articles --source` lists it."""
    sql: list[str] = []
    if since:
        sql.append("AND coalesce(a.published, a.fetched) >= ?")
        args.append(iso(since))
    if until:
        sql.append("AND coalesce(a.published, a.fetched) <= ?")
        args.append(iso(until))
    if outlets and listed:
        held = d.in_list("a.outlet", outlets, args)
        sql.append(f"AND ({held} OR a.id IN (SELECT e.article_id FROM entries e WHERE {d.in_list('e.outlet', outlets, args)}))")
    elif outlets:
        sql.append("AND " + d.in_list("a.outlet", outlets, args))
    return sql

"""Writing articles to PostgreSQL: one article (``INSERT ... ON CONFLICT DO NOTHING``, each its own
savepoint), a whole batch in five statements (:func:`add_batch`), the entries a feed named, and the retry of a
transaction that lost a deadlock to another fetcher."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

from claimcheck.errors import StoreError
from claimcheck.models import Article, Claim
from claimcheck.store.owner import settle_owner
from claimcheck.store.records import iso
from claimcheck.store.sql import (
    ENTRY_CONFLICT,
    FIND_ARTICLE,
    INSERT_ARTICLE,
    INSERT_CLAIMS,
    INSERT_SHINGLES,
    MARK_ENTRIES,
    POSTGRES,
    article_values,
    claim_row,
    entry_rows,
)


def add_article(db: Any, article: Article, entry_keys: Iterable[str], shingles: bytes) -> tuple[int, bool]:
    row = db.execute(
        POSTGRES.sql(f"{INSERT_ARTICLE} ON CONFLICT DO NOTHING RETURNING id"), article_values(article)
    ).fetchone()
    if row is None:
        # Stored already (maybe by another fetcher a moment ago: ON CONFLICT waited for its commit).
        found = db.execute(
            POSTGRES.sql(f"{FIND_ARTICLE} LIMIT 1"),
            (article.canonical_url, article.outlet, article.content_hash),
        ).fetchone()
        if found is None:
            raise StoreError("the article conflicted with one that is gone again; it is fetched next time")
        moved = found[2] == article.canonical_url and settle_owner(
            db, POSTGRES, int(found[0]), found[1], article.outlet, article.url, article.canonical_url, iso(article.published)
        )
        mark(db, article.outlet, entry_keys, article.url, "stored" if moved else "duplicate", found[0])
        return int(found[0]), False
    article_id = int(row[0])
    db.execute(POSTGRES.sql(INSERT_SHINGLES), (article_id, shingles))
    insert_claims(db, article_id, article.claims)
    mark(db, article.outlet, entry_keys, article.url, "stored", article_id)
    return article_id, True


RACE_RETRIES = 4  # times a write that lost a deadlock to another fetcher runs again before it fails
T = TypeVar("T")


class LostRace(Exception):
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


def add_batch(
    db: Any, items: Sequence[tuple[Article, list[str]]], shingles: Sequence[bytes]
) -> list[tuple[int, bool]]:
    """Many articles at once, with what :func:`add_article` does for each, in five statements (the
    articles, then the ids of those stored already, their shingles, their claims in one COPY, their
    entries) instead of
    five or more round trips per article: the same rows, a fifth of the client's time per article and less
    of the server's (bench/README.md). Rows are inserted in the batch's order, so of two articles in it
    that conflict the first is stored and the second is its duplicate, as one by one. Raises on any error:
    the caller rolls the batch back and stores its articles one by one, each failing alone."""
    claim_rows = [[claim_row(c) for c in a.claims] for a, _ in items]  # bad claim data fails before any SQL
    columns = [list(column) for column in zip(*(article_values(a) for a, _ in items), strict=True)]
    new = {(r[1], r[2], r[3]): int(r[0]) for r in db.execute(_BATCH_INSERT, columns).fetchall()}
    out: list[tuple[int, bool] | None] = []
    moved: dict[int, str] = {}  # article id -> the outlet it moved to (store.owner), its entries "stored"
    for a, _ in items:
        article_id = new.pop((a.canonical_url, a.outlet, a.content_hash), None)  # the first of equal ones
        out.append(None if article_id is None else (article_id, True))
    if None in out:
        # Stored already (maybe by another fetcher a moment ago: ON CONFLICT waited for its commit), or by
        # an earlier article of this batch.
        rest = [a for (a, _), o in zip(items, out, strict=True) if o is None]
        by_url: dict[str, tuple[int, str]] = {}
        by_hash: dict[tuple[str, str], int] = {}
        for aid, url, outlet, chash in db.execute(
            "SELECT id, canonical_url, outlet, content_hash FROM articles WHERE canonical_url = ANY(%s) "
            "OR (outlet, content_hash) IN (SELECT * FROM unnest(%s::text[], %s::text[]))",
            ([a.canonical_url for a in rest], [a.outlet for a in rest], [a.content_hash for a in rest]),
        ).fetchall():
            by_url[url] = (int(aid), outlet)
            by_hash[(outlet, chash)] = int(aid)
        for i, (a, _) in enumerate(items):
            if out[i] is None:
                listed = by_url.get(a.canonical_url)
                found = listed[0] if listed else by_hash.get((a.outlet, a.content_hash))
                if found is None:
                    raise _Retry  # gone again: one by one, this article says so alone
                out[i] = (found, False)
                if listed and settle_owner(
                    db, POSTGRES, found, listed[1], a.outlet, a.url, a.canonical_url, iso(a.published)
                ):
                    moved[found] = a.outlet
                    by_url[a.canonical_url] = (found, a.outlet)
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
        owner = moved.get(article_id, a.outlet if stored else None)
        status = "stored" if owner == a.outlet else "duplicate"
        for k in keys:
            if (a.outlet, k) in entries:  # a key twice in the batch: its last article, as one by one
                entries[(a.outlet, k)][3:5] = [article_id, status]
            else:
                entries[(a.outlet, k)] = [a.outlet, k, a.url, article_id, status, now]
    if entries:
        db.execute(
            "INSERT INTO entries (outlet, key, url, article_id, status, seen) "
            "SELECT * FROM unnest(%s::text[], %s::text[], %s::text[], %s::bigint[], %s::text[], %s::text[]) "
            + ENTRY_CONFLICT,
            [list(col) for col in zip(*(entries[k] for k in sorted(entries)), strict=True)],  # one lock order
        )
    return done


def insert_claims(db: Any, article_id: int, claims: Sequence[Claim]) -> None:
    if not claims:
        return
    with db.cursor() as cur:
        cur.executemany(POSTGRES.sql(INSERT_CLAIMS), [(article_id, *claim_row(c)) for c in claims])


def mark(db: Any, outlet: str, keys: Iterable[str], url: str, status: str, article_id: int | None) -> None:
    rows = entry_rows(outlet, keys, url, status, article_id)
    if not rows:
        return
    with db.cursor() as cur:
        cur.executemany(POSTGRES.sql(MARK_ENTRIES), rows)

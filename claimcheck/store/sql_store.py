"""The part of the :class:`~claimcheck.store.Store` contract whose statements are the same in SQLite and
PostgreSQL but for the dialect (:mod:`claimcheck.store.sql`), implemented once for both.

What really differs stays with each backend: full-text search (FTS5 / tsvector), how an article is inserted
(a lookup first / ``ON CONFLICT DO NOTHING``, batches), transactions and their retries, copying tables.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from claimcheck.models import Article, Claim, Outlet, WindowRows
from claimcheck.store.contract import Store
from claimcheck.store.records import (
    KEEP,
    RETRY,
    ArticleRow,
    OutletStats,
    StoreStats,
    iso,
    parse_iso,
    retry_tries,
)
from claimcheck.store.rows import A_ARTICLE_COLS, ROW_COLS, article_from_row, window_columns
from claimcheck.store.sql import (
    INSERT_CLAIMS,
    INSERT_SHINGLES,
    SAVE_FEED,
    UPSERT_OUTLETS,
    Dialect,
    claim_row,
    outlet_row,
    window,
)


class SqlStore(Store):
    """The part of the contract both backends run the same, over what each provides: :attr:`dialect`,
    :meth:`_read` and :meth:`_rows` (a read; driver errors raised as :class:`StoreError`), :meth:`_write`
    (one transaction) and :meth:`_executemany`."""

    dialect: Dialect

    def _read(self, sql: str, args: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def _rows(self, sql: str, args: Sequence[object] = ()) -> Iterator[tuple[Any, ...]]:
        """The rows of a read one by one, where the driver can (never all in memory twice)."""
        return iter(self._read(sql, args))

    def _write(self) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def _executemany(self, db: Any, sql: str, rows: Sequence[Sequence[object]]) -> None:
        raise NotImplementedError

    def _select(
        self,
        sql: str,
        args: list[object],
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        outlets: Sequence[str] | None = None,
        tail: str = "",
        listed: bool = False,
    ) -> str:
        """``sql`` (ending in a WHERE clause) with the window's conditions and ``tail``, in this dialect."""
        parts = [sql, *window(self.dialect, args, since, until, outlets, listed=listed)]
        if tail:
            parts.append(tail)
        return self.dialect.sql(" ".join(parts))

    def _by_id(self, select: str, ids: Sequence[int], column: str = "id") -> dict[int, Any]:
        """``select`` (its first column ``column``, an article id; ending in ``WHERE``) over ``ids``, a chunk
        at a time: id -> the second column."""
        found: dict[int, Any] = {}
        d = self.dialect
        for i in range(0, len(ids), d.chunk):
            args: list[object] = []
            cond = d.in_list(column, [int(x) for x in ids[i : i + d.chunk]], args)
            found.update((int(k), v) for k, v in self._read(d.sql(f"{select} {cond}"), args))
        return found

    # -- outlets and feeds -------------------------------------------------------------------------
    def sync_outlets(self, outlets: Iterable[Outlet]) -> None:
        rows = [outlet_row(o) for o in outlets]
        with self._write() as db:
            self._executemany(db, self.dialect.sql(UPSERT_OUTLETS), rows)

    def outlet_names(self) -> dict[str, str]:
        return {str(r[0]): str(r[1]) for r in self._read("SELECT id, name FROM outlets")}

    def stored_outlets(self) -> list[Outlet]:
        """The outlets as the store recorded them when they were fetched (name, aliases, wire, homepage,
        country, language; no feeds), in id order."""
        rows = self._read(
            "SELECT id, name, wire, homepage, country, language, aliases FROM outlets ORDER BY id"
        )
        return [
            Outlet(
                str(i),
                str(n),
                tuple(json.loads(a or "[]")),
                homepage=h,
                country=c,
                language=lang,
                wire=bool(w),
            )
            for i, n, w, h, c, lang, a in rows
        ]

    def feed_state(self, outlet: str, url: str) -> tuple[str | None, str | None]:
        """(ETag, Last-Modified) saved from the last successful fetch of this feed."""
        rows = self._read(
            self.dialect.sql("SELECT etag, last_modified FROM feeds WHERE outlet = ? AND url = ?"),
            (outlet, url),
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
        """Record a feed fetch. Validators are kept from before unless new ones are given."""
        with self._write() as db:
            db.execute(
                self.dialect.sql(SAVE_FEED),
                (outlet, url, etag, last_modified, status, error, iso(datetime.now(UTC))),
            )

    # -- entries and articles ----------------------------------------------------------------------
    def seen_entries(self, outlet: str, keys: Sequence[str]) -> set[str]:
        """The subset of entry keys (guids or links) of this outlet already handled (an entry whose page is
        to be asked for again, its status ``retry N: ...``, is not)."""
        return {k for k, status in self._entry_statuses(outlet, keys) if not status.startswith(RETRY)}

    def entry_tries(self, outlet: str, keys: Sequence[str]) -> int:
        """How many runs have tried these entries' page and are to try it again (the N of ``retry N: ...``)."""
        tries = [retry_tries(status) for _, status in self._entry_statuses(outlet, keys)]
        return max(tries, default=0)

    def _entry_statuses(self, outlet: str, keys: Sequence[str]) -> list[tuple[str, str]]:
        d = self.dialect
        out: list[tuple[str, str]] = []
        for i in range(0, len(keys), d.chunk):
            args: list[object] = [outlet]
            cond = d.in_list("key", list(keys[i : i + d.chunk]), args)
            sql = d.sql(f"SELECT key, status FROM entries WHERE outlet = ? AND {cond}")
            out += [(k, status or "") for k, status in self._read(sql, args)]
        return out

    def replace_claims(self, article_id: int, claims: Sequence[Claim], language: str | None = KEEP) -> None:
        """Swap an article's claims (and, given one, its language) for new ones (reindex), in one transaction."""
        d = self.dialect
        with self._write() as db:
            db.execute(d.sql("DELETE FROM claims WHERE article_id = ?"), (article_id,))
            self._executemany(db, d.sql(INSERT_CLAIMS), [(article_id, *claim_row(c)) for c in claims])
            if language is not KEEP:
                db.execute(d.sql("UPDATE articles SET language = ? WHERE id = ?"), (language, article_id))

    def iter_articles(self, batch: int = 200) -> Iterator[Article]:
        """Every stored article, without claims, in id order; reads in batches to bound memory."""
        last = 0
        while True:
            rows = self._read(
                self.dialect.sql(
                    f"SELECT {A_ARTICLE_COLS} FROM articles a WHERE a.id > ? ORDER BY a.id LIMIT ?"
                ),
                (last, batch),
            )
            if not rows:
                return
            for r in rows:
                yield article_from_row(r)
            last = rows[-1][0]

    def get_article(self, article_id: int) -> Article | None:
        rows = self._read(
            self.dialect.sql(f"SELECT {A_ARTICLE_COLS} FROM articles a WHERE a.id = ?"), (article_id,)
        )
        return self._with_claims([article_from_row(rows[0])])[0] if rows else None

    def articles_by_id(self, ids: Sequence[int]) -> list[Article]:
        """These articles, whole and with their claims, in the order given (unknown ids left out)."""
        found: dict[int, Article] = {}
        d = self.dialect
        for i in range(0, len(ids), d.chunk):
            args: list[object] = []
            cond = d.in_list("a.id", [int(x) for x in ids[i : i + d.chunk]], args)
            rows = self._read(d.sql(f"SELECT {A_ARTICLE_COLS} FROM articles a WHERE {cond}"), args)
            found.update((int(r[0]), article_from_row(r)) for r in rows)
        return self._with_claims([found[i] for i in ids if i in found])

    def _with_claims(self, articles: list[Article]) -> list[Article]:
        by_id: dict[int, list[Claim]] = {a.id: [] for a in articles if a.id is not None}
        ids = list(by_id)
        d = self.dialect
        for i in range(0, len(ids), d.chunk):
            args: list[object] = []
            cond = d.in_list("article_id", ids[i : i + d.chunk], args)
            rows = self._read(
                d.sql(
                    f'SELECT article_id, kind, text, sentence, start, "end", fields FROM claims WHERE {cond} '
                    "ORDER BY article_id, start, id"
                ),
                args,
            )
            for aid, kind, text, sentence, start, end, fields in rows:
                by_id[aid].append(Claim.from_row(kind, text, sentence, start, end, json.loads(fields)))
        also = self.also_listed(ids)
        return [
            replace(a, claims=tuple(by_id.get(a.id or -1, ())), also_listed=also.get(a.id or -1, ()))
            for a in articles
        ]

    def also_listed(self, ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
        """Article id -> the other outlets whose feeds list that same page (their entries point at it as a
        duplicate: the page is stored once, under its owner, :mod:`claimcheck.store.owner`), sorted; ids
        no other outlet lists are left out."""
        out: dict[int, set[str]] = {}
        d = self.dialect
        ids = [int(x) for x in ids]
        for i in range(0, len(ids), d.chunk):
            args: list[object] = []
            cond = d.in_list("e.article_id", ids[i : i + d.chunk], args)
            rows = self._read(
                d.sql(
                    "SELECT DISTINCT e.article_id, e.outlet FROM entries e JOIN articles a ON a.id = e.article_id "
                    f"WHERE {cond} AND e.outlet <> a.outlet"
                ),
                args,
            )
            for aid, outlet in rows:
                out.setdefault(int(aid), set()).add(str(outlet))
        return {aid: tuple(sorted(o)) for aid, o in out.items()}

    def stats(self) -> StoreStats:
        r = self._read(
            "SELECT (SELECT count(*) FROM outlets), (SELECT count(*) FROM articles), (SELECT count(*) FROM claims)"
        )[0]
        return StoreStats(int(r[0]), int(r[1]), int(r[2]))

    def recent_titles(self, n: int) -> list[str]:
        return [
            r[0]
            for r in self._read(self.dialect.sql("SELECT title FROM articles ORDER BY id DESC LIMIT ?"), (n,))
        ]

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
        The window is judged as :meth:`search` judges it; ``outlets`` keep too the pages their feeds list
        that another outlet holds (``ArticleRow.also_listed`` names them)."""
        args: list[object] = []
        tail = "ORDER BY coalesce(a.published, a.fetched) DESC, a.id DESC"
        if limit:
            tail += " LIMIT ?"
        sql = self._select(
            "SELECT a.id, a.outlet, a.published, a.fetched, a.title, a.url, "
            "(SELECT count(*) FROM claims c WHERE c.article_id = a.id), a.language FROM articles a WHERE true",
            args, since=since, until=until, outlets=outlets, tail=tail, listed=True,
        )  # fmt: skip
        if limit:
            args.append(limit)
        rows = self._read(sql, args)
        also = self.also_listed([int(r[0]) for r in rows])
        return [
            ArticleRow(
                r[0],
                r[1],
                parse_iso(r[2]),
                parse_iso(r[3]),
                r[4],
                r[5],
                int(r[6]),
                r[7],
                also.get(int(r[0]), ()),
            )
            for r in rows
        ]

    def outlet_stats(self) -> list[OutletStats]:
        """Per outlet with stored articles: articles, claims, first and last publication time."""
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

    def language_counts(self, *, outlets: Sequence[str] | None = None) -> dict[str | None, int]:
        args: list[object] = []
        sql = self._select(
            "SELECT a.language, count(*) FROM articles a WHERE true", args, outlets=outlets,
            tail="GROUP BY a.language ORDER BY count(*) DESC, a.language",
        )  # fmt: skip
        rows = self._read(sql, args)
        return {r[0]: int(r[1]) for r in rows}

    def outlet_ids(self) -> set[str]:
        """Outlets the store knows: configured at some fetch, or holding articles."""
        return {r[0] for r in self._read("SELECT id FROM outlets UNION SELECT DISTINCT outlet FROM articles")}

    def count_rows(self, table: str) -> int:
        return int(self._read(f"SELECT count(*) FROM {table}")[0][0])

    # -- stories -----------------------------------------------------------------------------------
    def newest_time(
        self, *, outlets: Sequence[str] | None = None, before: datetime | None = None
    ) -> datetime | None:
        args: list[object] = []
        sql = self._select(
            "SELECT max(coalesce(a.published, a.fetched)) FROM articles a WHERE true",
            args,
            until=before,
            outlets=outlets,
        )
        return parse_iso(self._read(sql, args)[0][0])

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
        cols = A_ARTICLE_COLS.replace("a.text", self.dialect.cut("a.text", head, tail))
        args: list[object] = []
        sql = self._select(
            f"SELECT {cols} FROM articles a WHERE true", args, since=since, until=until, outlets=outlets,
            tail="ORDER BY a.id",
        )  # fmt: skip
        return [article_from_row(r) for r in self._rows(sql, args)]

    def window_rows(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        outlets: Sequence[str] | None = None,
    ) -> WindowRows:
        args: list[object] = []
        cols = ", ".join(f"a.{c.strip()}" for c in ROW_COLS.split(","))
        sql = self._select(
            f"SELECT {cols} FROM articles a WHERE true", args, since=since, until=until, outlets=outlets,
            tail="ORDER BY a.id",
        )  # fmt: skip
        return window_columns(self._rows(sql, args))

    def cut_texts(self, ids: Sequence[int], *, head: int, tail: int = 0) -> list[str]:
        found: dict[int, str] = self._by_id(
            f"SELECT id, {self.dialect.cut('text', head, tail)} FROM articles WHERE", ids
        )
        return [found.get(i, "") for i in ids]

    def stored_shingles(self, ids: Sequence[int]) -> list[bytes | None]:
        found = self._by_id("SELECT article_id, hashes FROM article_shingles WHERE", ids, column="article_id")
        return [None if (blob := found.get(i)) is None else bytes(blob) for i in ids]

    def replace_shingles(self, article_id: int, shingles: bytes) -> None:
        """Store an article's shingles anew (reindex), in one transaction."""
        with self._write() as db:
            db.execute(
                self.dialect.sql(
                    f"{INSERT_SHINGLES} ON CONFLICT (article_id) DO UPDATE SET hashes = excluded.hashes"
                ),
                (article_id, shingles),
            )

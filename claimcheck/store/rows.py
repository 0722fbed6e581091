"""Rows of the articles table as records, for both backends: the columns read and how a row becomes an
:class:`~claimcheck.models.Article` or the columns of :class:`~claimcheck.models.WindowRows`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from claimcheck.models import Article, WindowRows
from claimcheck.store.records import parse_iso

ARTICLE_COLS = (
    "id, outlet, url, canonical_url, title, author, published, fetched, text, content_hash, language"
)
A_ARTICLE_COLS = ", ".join(f"a.{c.strip()}" for c in ARTICLE_COLS.split(","))


ROW_COLS = "id, outlet, url, canonical_url, title, author, published, fetched"  # WindowRows' columns


def window_columns(rows: Iterable[Sequence[Any]]) -> WindowRows:
    """Rows of :data:`ROW_COLS` as columns (one outlet string per outlet; a canonical URL equal to the
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


def article_from_row(r: Sequence[Any]) -> Article:  # a row of the articles table
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

"""What a store holds and returns, whatever the backend: the records (:class:`StoreStats`, :class:`ArticleRow`,
:class:`OutletStats`), the tables and their columns in the order a copy moves them, and how values are
stored (UTC ISO times that sort as strings, content hashes)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

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
    also_listed: tuple[str, ...] = ()  # other outlets whose feeds list this page (stored once: store/owner.py)


@dataclass(frozen=True)
class OutletStats:
    """What is stored for one outlet: counts and the span of publication times."""

    outlet: str
    name: str
    articles: int
    claims: int
    first: datetime | None
    last: datetime | None


TABLES = (
    "outlets",
    "feeds",
    "articles",
    "article_shingles",
    "entries",
    "claims",
)  # the order a copy fills them


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


# An entry's status while its page is to be asked for again on a later run ("retry 1: no article text found");
# ``Store.seen_entries`` leaves such an entry out, ``Store.entry_tries`` reads its N.
RETRY = "retry "


def retry_status(tries: int, reason: str) -> str:
    """The status of an entry whose page failed on ``tries`` runs so far and is to be asked for again."""
    return f"{RETRY}{tries}: {reason}"


def retry_tries(status: str) -> int:
    """The runs a ``retry_status`` counts (0 for any other status)."""
    head = status[len(RETRY) :].partition(":")[0] if status.startswith(RETRY) else ""
    return int(head) if head.isdigit() else 0

"""Which outlet an article belongs to when two outlets' feeds list the same page (one canonical URL).

The article is stored once, under one outlet; the other outlet's entries point at it as a "duplicate" (the
second listing is kept there). Which outlet holds it must not depend on whose write landed first (fetchers
in parallel, ``--shard``, the order of a run's pages): the outlet whose own host serves the URL owns it
(its homepage's, else one of its feeds' hosts; the exact host before the same site); between outlets that
match it equally, the smaller outlet id, a rule every fetcher applies the same whatever its sources file.
Each write that finds the page stored under another outlet applies the rule and moves the article when
its own outlet ranks first, so every order of the writes ends with the same owner.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from claimcheck.store.sql import Dialect

# A site's editions of the same pages (as ingest.canonical reads them): www.example.com is example.com.
_EDITIONS = ("www.", "m.", "mobile.", "amp.")


def _host(url: str | None) -> str:
    try:
        host = (urlsplit(url or "").hostname or "").lower().rstrip(".")
    except ValueError:
        return ""
    for label in _EDITIONS:
        if host.startswith(label) and host.count(".") >= 2:
            return host[len(label) :]
    return host


def host_match(url: str, own: Iterable[str | None]) -> int:
    """How well the outlet whose homepage and feeds are ``own`` serves ``url``: 2 the same host (its
    www. or m. edition alike), 1 a host of the same site (``news.example.com`` under ``example.com``, or
    above it), 0 none."""
    host = _host(url)
    if not host:
        return 0
    best = 0
    for u in own:
        h = _host(u)
        if not h:
            continue
        if h == host:
            return 2
        if host.endswith("." + h) or h.endswith("." + host):
            best = 1
    return best


def outranks(new: tuple[str, int], stored: tuple[str, int]) -> bool:
    """Whether outlet ``new`` (its id, its :func:`host_match` of the page) owns the page before ``stored``:
    the better match, else the smaller id."""
    if new[1] != stored[1]:
        return new[1] > stored[1]
    return new[0] < stored[0]


def _match(db: Any, d: Dialect, outlet: str, url: str) -> int:
    own = [r[0] for r in db.execute(d.sql("SELECT homepage FROM outlets WHERE id = ?"), (outlet,)).fetchall()]
    own += [r[0] for r in db.execute(d.sql("SELECT url FROM feeds WHERE outlet = ?"), (outlet,)).fetchall()]
    return host_match(url, own)


# An article moves to the outlet that owns it unless that outlet holds the same text under another URL (the
# store keeps one article per outlet and text).
_MOVE = (
    "UPDATE articles SET outlet = ?, url = ?, published = COALESCE(?, published) WHERE id = ? AND outlet = ? AND NOT EXISTS "
    "(SELECT 1 FROM articles b WHERE b.outlet = ? AND b.content_hash = articles.content_hash)"
)
_DEMOTE = "UPDATE entries SET status = 'duplicate' WHERE article_id = ? AND outlet = ? AND status = 'stored'"


def settle_owner(
    db: Any, d: Dialect, article_id: int, stored: str, outlet: str, url: str, canonical: str, published: str | None
) -> bool:
    """The article ``article_id`` (canonical URL ``canonical``) is stored under outlet ``stored``, and
    ``outlet`` lists it too (fetched from ``url``, its date for it ``published``, ISO text): move it to
    ``outlet`` when that one owns it. True when it moved (the other outlet's entries then say "duplicate").
    The date moves with it: a page whose own tags give none is dated by its owner's feed, as it is shown
    under its owner, whichever outlet's write came first (a date of the owner's or none keeps the stored
    one). A write of another fetcher that moved it meanwhile (PostgreSQL) is seen, and the rule applied
    again to the outlet that holds it now."""
    if stored == outlet:
        return False
    mine = _match(db, d, outlet, canonical)
    for _ in range(4):
        if stored == outlet or not outranks((outlet, mine), (stored, _match(db, d, stored, canonical))):
            return False
        cur = db.execute(d.sql(_MOVE), (outlet, url, published, article_id, stored, outlet))
        if cur.rowcount == 1:
            db.execute(d.sql(_DEMOTE), (article_id, stored))
            return True
        row = db.execute(d.sql("SELECT outlet FROM articles WHERE id = ?"), (article_id,)).fetchone()
        if row is None or row[0] == stored:  # gone, or kept by the text rule: it stays where it is
            return False
        stored = row[0]
    return False

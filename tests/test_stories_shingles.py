"""Wire-copy shingles kept with each stored article (claimcheck/shingles.py, schema 3): the store computes
them when an article is stored, on both backends; `stories` reads them instead of hashing the texts, with
the same result as hashing them; a store from before schema 3 gets the table on opening, and `reindex`
fills it."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from claimcheck.cli.stories import store_window
from claimcheck.config import parse_sources
from claimcheck.ingest.reindex import reindex
from claimcheck.match.syndication import shingle_table, stored_table
from claimcheck.migrations import MIGRATIONS
from claimcheck.models import Article, Outlet
from claimcheck.shingles import cut_text, shingle_blob
from claimcheck.store import SCHEMA_VERSION, Store, content_hash
from claimcheck.stories import Window, find_stories

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
OUTLETS = {
    "wire": Outlet("wire", "Wire Agency", wire=True),
    **{f"o{i}": Outlet(f"o{i}", f"Outlet {i}") for i in range(1, 5)},
}

# A long report (written for claimcheck) whose head and tail differ from its middle, so the cut text
# (first 1,000 and last 600 characters) is not the whole text; curly quotes and an accented name make
# some of it non-ASCII.
HEAD = (
    "The harbour authority of Port Velden closed its northern quay on Tuesday after a crane collapsed onto "
    "a cargo ship, injuring 14 dock workers, the authority’s director, Mirela Šolc, told reporters. "
)
MIDDLE = " ".join(
    f"Inspectors examined section {k} of the quay and logged the state of its bollards and rails." for k in range(40)
)
TAIL = (
    " Šolc said the quay would stay shut “until every crane has been checked,” and that ships bound for "
    "the northern berths would be sent to the southern terminal for at least a week."
)
LONG = HEAD * 4 + MIDDLE + TAIL * 3


def article(outlet: str, slug: str, title: str, text: str, hours: float) -> Article:
    url = f"https://{outlet}.example/{slug}"
    return Article(outlet, url, url, title, text, content_hash(text), T0, published=T0 + timedelta(hours=hours))


def articles() -> list[Article]:
    """One story told by the wire, two outlets running its copy (one with a new last paragraph), one in
    its own words; and an unrelated short piece."""
    own = (
        "A crane fell onto a cargo ship in Port Velden on Tuesday. Fourteen dock workers were hurt and the "
        "northern quay was closed while inspectors check every crane, officials said."
    )
    return [
        article("wire", "crane", "Crane collapse shuts Port Velden quay, 14 hurt", LONG, 0),
        article("o1", "crane", "Port Velden quay shut after crane falls on ship", LONG, 2),
        article("o2", "crane", "Crane falls on ship in Port Velden", LONG + " Our reporter adds: the port reopens soon.", 3),
        article("o3", "crane", "Fourteen hurt as crane falls in Port Velden harbour", own, 4),
        article("o4", "bakery", "Village bakery wins regional bread prize", "A bakery in Holm won the regional "
                "bread prize for its rye loaf, the judges said on Sunday, praising its crust.", 5),
    ]  # fmt: skip


def test_the_store_keeps_each_articles_shingles_of_its_cut_text(store_target: str) -> None:
    arts = articles()
    with Store.open(store_target) as store:
        one = store.add_article(arts[0])[0]
        ids = [one] + [r[0] for r in store.add_articles([(a, []) for a in arts[1:]])]  # type: ignore[index]
        stored = store.stored_shingles([*ids, 10_000])
        assert stored[-1] is None  # an unknown id
        cut = store.cut_texts(ids, head=1000, tail=600)
        assert cut == [cut_text(a.text) for a in arts] and cut[0] != arts[0].text
        table = shingle_table(cut)
        got = stored_table(stored[:-1])  # type: ignore[arg-type]
        assert got.indptr.tolist() == table.indptr.tolist()
        assert got.hashes.tolist() == table.hashes.tolist()
        assert all(len(b or b"") > 4 * 20 for b in stored[:4])
        store.replace_shingles(ids[0], b"")
        assert store.stored_shingles(ids[:1]) == [b""]


def wire_flags(window: Window) -> dict[str, bool]:
    stories = find_stories(window, OUTLETS)
    return {a.url: a.syndicated for s in stories for a in s.articles}


def test_stories_from_stored_shingles_equal_stories_from_the_texts(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        store.add_articles([(a, []) for a in articles()])
        window = store_window(store, None, None, None)
        assert window.shingles is not None and all(window.shingles(range(len(window))))
        stored = wire_flags(window)
        in_memory = wire_flags(Window.of(store.window_articles()))
        # without the stored shingles (as a store from before schema 3 until reindex): hashed from the texts
        store.db.execute("DELETE FROM article_shingles WHERE article_id IN (SELECT min(id) FROM articles)")
        part = wire_flags(store_window(store, None, None, None))
        store.db.execute("DELETE FROM article_shingles")
        none = wire_flags(store_window(store, None, None, None))
    copies = {url for url, copy in stored.items() if copy}
    assert copies == {"https://o1.example/crane", "https://o2.example/crane"}
    assert stored == in_memory == part == none


def test_a_store_from_before_schema_3_gets_the_table_and_reindex_fills_it(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    for migration in MIGRATIONS[:2]:
        migration.sqlite(db)
    db.execute("PRAGMA user_version = 2")
    a = articles()[0]
    db.execute(
        "INSERT INTO articles (outlet, url, canonical_url, title, published, fetched, text, content_hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (a.outlet, a.url, a.canonical_url, a.title, a.published.isoformat(), a.fetched.isoformat(), a.text,  # type: ignore[union-attr]
         a.content_hash),
    )  # fmt: skip
    db.commit()
    db.close()
    with Store.open(path) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        (aid,) = [i for i in store.window_rows().ids if i is not None]
        assert store.stored_shingles([aid]) == [None]
        reindex(store, parse_sources("outlets:\n  - id: wire\n    name: Wire Agency\n"))
        assert store.stored_shingles([aid]) == [shingle_blob(a.text)]

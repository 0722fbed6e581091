"""writer33: an error nobody foresaw while one article is written to the store fails that page alone.

bughunt30 made an unforeseen error while one page is *read* fail that page alone; one while its article is
*written* (bughunt30's bug 8 was one: a lone surrogate made the write raise UnicodeEncodeError) still stopped
the whole `fetch`, every outlet's pages of the run lost, and every later run too, since the page is asked for
again. Pages are real and served over loopback; the fault is simulated inside our own store's write of one
article (monkeypatched), on both backends. Articles are invented."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

import pytest
from loopback import Site
from pages import PARAS, article_html, rss

from claimcheck.config import parse_sources
from claimcheck.errors import StoreError
from claimcheck.ingest.http import FetchSettings
from claimcheck.ingest.pipeline import FetchOptions, run_fetch
from claimcheck.ingest.records import OutletReport
from claimcheck.ingest.writes import ArticleWriter
from claimcheck.models import Article
from claimcheck.store import Store

FAST = FetchSettings(timeout=5.0, retries=1, backoff=0.05)
HTML = {"Content-Type": "text/html; charset=utf-8"}
XML = {"Content-Type": "application/rss+xml"}


def _outlet(feeds: list[str], oid: str, name: str) -> str:
    return f"  - id: {oid}\n    name: {name}\n    feeds: {feeds}\n    allow_private: true\n"


def _odd(article: Article) -> bool:
    return article.url.endswith("/odd")


def _surrogate() -> UnicodeEncodeError:
    return UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")


def _fault_in_one_article(monkeypatch: pytest.MonkeyPatch) -> None:
    """The write of the article of /odd raises, inside the savepoint each article is written in (SQLite's
    ``_add_article``, PostgreSQL's batch statement and its one-by-one fallback)."""
    import claimcheck.store.pg_writes as pg_writes
    import claimcheck.store.sqlite as sqlite_store

    real_sqlite, real_pg, real_batch = sqlite_store._add_article, pg_writes.add_article, pg_writes.add_batch

    def sqlite_add(db: object, article: Article, *rest: object) -> object:
        if _odd(article):
            raise _surrogate()
        return real_sqlite(db, article, *rest)  # type: ignore[arg-type]

    def pg_add(db: object, article: Article, *rest: object) -> object:
        if _odd(article):
            raise _surrogate()
        return real_pg(db, article, *rest)  # type: ignore[arg-type]

    def pg_batch(db: object, items: Sequence[tuple[Article, list[str]]], *rest: object) -> object:
        if any(_odd(a) for a, _ in items):
            raise _surrogate()
        return real_batch(db, items, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(sqlite_store, "_add_article", sqlite_add)
    monkeypatch.setattr(pg_writes, "add_article", pg_add)
    monkeypatch.setattr(pg_writes, "add_batch", pg_batch)


def _fault_in_the_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    """The store's write of the batch that holds the article of /odd raises before any article of it is
    written (the shingles every article's text is read into, on either backend): the whole batch's call fails,
    not only that article's slot."""
    import claimcheck.shingles as shingles
    import claimcheck.store.pg as pg_store
    import claimcheck.store.sqlite as sqlite_store

    real = shingles.shingle_blob

    def blob(text: str) -> bytes:
        if "Kesby" in text:
            raise TypeError("'NoneType' object is not iterable")
        return real(text)

    monkeypatch.setattr(sqlite_store, "shingle_blob", blob)
    monkeypatch.setattr(pg_store, "shingle_blob", blob)


@pytest.mark.parametrize(
    ("fault", "error"),
    [(_fault_in_one_article, "UnicodeEncodeError"), (_fault_in_the_batch, "TypeError")],
    ids=["article", "batch"],
)
def test_an_unforeseen_error_writing_one_article_fails_that_page_not_the_run(
    store_target: str, monkeypatch: pytest.MonkeyPatch, fault: object, error: str
) -> None:
    """Before: the run stopped on the write (`internal error: UnicodeEncodeError`, exit 1), every outlet's pages
    lost, on every later run. Now the page fails alone with the reason, is remembered failed after three runs
    as a page without text, and the other pages of its batch, its outlet and the other outlet are stored;
    what earlier runs stored is kept. (A batch gathers every page of the run: ``BATCH_WAIT`` is long here.)"""
    import claimcheck.ingest.writes as writes

    monkeypatch.setattr(writes, "BATCH_WAIT", 0.5)
    site = Site()
    try:
        for path, town in (("/old", "Tarrow"), ("/odd", "Kesby"), ("/ferry", "Marlow"), ("/quay", "Dunmore")):
            body = [p.replace("Marlow", town) for p in PARAS] + [f"Only {town} has this line."]
            page = article_html(f"{town} ferry fares rise", body, "2026-03-02T06:15:00+00:00")
            site.route(path, page, headers=HTML)
        site.route("/news.xml", rss([{"title": "old", "link": site.url("/old"), "guid": "old"}]), headers=XML)
        site.route("/other.xml", rss([]), headers=XML)
        cfg = parse_sources(
            "outlets:\n"
            + _outlet([site.url("/news.xml")], "gazette", "Harbour Gazette")
            + _outlet([site.url("/other.xml")], "post", "Bay Post")
        )
        with Store.open(store_target) as store:
            assert run_fetch(cfg, store, FetchOptions(settings=FAST, workers=0)).totals()["new"] == 1
            listed = [site.url(p) for p in ("/old", "/odd", "/ferry")]
            site.route("/news.xml", rss([{"title": p, "link": p, "guid": p} for p in listed]), headers=XML)
            site.route("/other.xml", rss([{"title": "q", "link": site.url("/quay"), "guid": "q"}]), headers=XML)
            fault(monkeypatch)  # type: ignore[operator]
            report = run_fetch(cfg, store, FetchOptions(settings=FAST, workers=0))
            for _ in range(3):
                run_fetch(cfg, store, FetchOptions(settings=FAST, workers=0))
            urls = sorted(a.url.rsplit("/", 1)[1] for a in store.iter_articles())
        gazette, post = report.outlets
        assert (gazette.new, gazette.failed, post.new) == (1, 1, 1), gazette.reasons
        assert list(gazette.reasons) == [f"could not store the page (internal error: {error})"]
        assert urls == ["ferry", "old", "quay"]  # the earlier run's article kept, the others of the run stored
        assert site.paths_hit().count("/odd") == 3  # asked for again twice, then remembered failed
    finally:
        site.close()


# -- the writer's fallback, on its own: the store's own errors still stop the run -------------------------
def _article(name: str) -> Article:
    return Article(
        outlet="gazette", url=f"http://127.0.0.1/{name}", canonical_url=f"http://127.0.0.1/{name}",
        title=name, text=f"text of {name}", content_hash=name, fetched=datetime.now(UTC),
    )  # fmt: skip


class _FakeStore:
    """A store whose batch write raises an unforeseen error when it holds ``odd``; written alone, ``odd``
    raises it again and ``full`` raises the store's own error (a full disk)."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []
        self.stored: list[str] = []

    def add_articles(
        self, items: Sequence[tuple[Article, Iterable[str]]]
    ) -> list[tuple[int, bool] | Exception]:
        names = [a.title for a, _ in items]
        self.calls.append(names)
        if "odd" in names:
            raise _surrogate()
        if "full" in names:
            raise StoreError("s.db: the disk is full; nothing was lost, free some space and run again")
        self.stored += names
        return [(len(self.stored) - len(names) + k + 1, True) for k in range(len(names))]

    def store_error(self, e: BaseException) -> StoreError | None:
        return e if isinstance(e, StoreError) else None

    def get_article(self, article_id: int) -> None:
        return None


def _write_all(store: _FakeStore, names: list[str]) -> list[object]:
    async def run() -> list[object]:
        writer = ArticleWriter(store, busy=lambda: True)  # type: ignore[arg-type]
        rep = OutletReport("gazette", "Harbour Gazette")
        try:
            writes = (writer.store_article(_article(n), [n], rep) for n in names)
            return await asyncio.gather(*writes, return_exceptions=True)
        finally:
            writer.shutdown()

    return asyncio.run(run())


def test_an_unforeseen_error_in_a_batch_writes_its_articles_one_by_one() -> None:
    from claimcheck.errors import FetchError

    store = _FakeStore()
    results = _write_all(store, ["a", "odd", "b"])
    assert store.calls == [["a", "odd", "b"], ["a"], ["odd"], ["b"]]  # each alone, in its own transaction
    assert store.stored == ["a", "b"]
    assert results[0] == (1, True) and results[2] == (2, True)
    failed = results[1]
    assert isinstance(failed, FetchError) and failed.permanent and failed.runs == 3
    assert failed.reason == "could not store the page (internal error: UnicodeEncodeError)"


def test_the_stores_own_error_met_one_by_one_still_stops_the_run() -> None:
    """A full disk met while the articles are written one by one is the run's error, as it is in a batch: it
    is not turned into one page's failure, and the articles written before it are counted stored."""
    store = _FakeStore()
    results = _write_all(store, ["a", "odd", "full", "b"])
    assert results[0] == (1, True)
    assert isinstance(results[1], Exception) and "could not store the page" in str(results[1])
    assert all(isinstance(r, StoreError) and "disk is full" in str(r) for r in results[2:])
    assert store.calls[-1] == ["full"]  # nothing written after the store's own error

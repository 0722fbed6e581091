"""fetch over real sockets on loopback: stored articles, re-runs, failures of one outlet, timeouts."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from loopback import Site
from pages import PARAS, article_html, rss

from claimcheck.config import parse_sources
from claimcheck.ingest.http import FetchSettings
from claimcheck.ingest.pipeline import FetchOptions, run_fetch
from claimcheck.store import Store

FAST = FetchSettings(timeout=2.0, retries=1, backoff=0.05)


def sources_for(site: Site, outlets: dict[str, str]) -> str:
    lines = ["outlets:"]
    for oid, feed in outlets.items():
        lines += [f"  - id: {oid}", f"    name: {oid.title()} News", f"    feeds: [{site.url(feed)}]"]
    return "\n".join(lines) + "\n"


def publish(site: Site, outlet: str, n: int = 2, *, comments: bool = True) -> None:
    items = []
    for i in range(n):
        path = f"/{outlet}/story-{i}.html"
        title = f"Flood barriers for Marlow, part {i} ({outlet})"
        site.route(
            path,
            article_html(
                title,
                PARAS[i % 2 :] + [f"This is report number {i} from {outlet}."],
                f"2025-12-1{i}T08:0{i}:00+01:00",
                comments=["I counted 999 sandbags myself", '"Rubbish," says a reader who saw 77 boats']
                if comments
                else [],
            ),
            headers={"Content-Type": "text/html; charset=utf-8"},
        )
        items.append(
            {
                "title": title,
                "link": site.url(path),
                "guid": f"{outlet}-{i}",
                "published": f"2025-12-1{i}T07:00:00+00:00",
            }
        )
    site.route(
        f"/{outlet}/feed.xml",
        rss(items),
        headers={"Content-Type": "application/rss+xml", "ETag": f'"{outlet}-v1"'},
    )


def fetch(site: Site, outlets: dict[str, str], db: Path, **kw: object):  # type: ignore[no-untyped-def]
    cfg = parse_sources(sources_for(site, outlets))
    kw.setdefault("allow_private", True)  # loopback counts as private: the tests opt in
    options = FetchOptions(settings=kw.pop("settings", FAST), workers=kw.pop("workers", 0), **kw)  # type: ignore[arg-type]
    with Store.open(db) as store:
        return run_fetch(cfg, store, options)


def test_articles_are_stored_with_text_title_date_and_outlet(site: Site, tmp_path: Path) -> None:
    publish(site, "alpha")
    publish(site, "beta")
    report = fetch(site, {"alpha": "/alpha/feed.xml", "beta": "/beta/feed.xml"}, tmp_path / "db")
    assert report.ok, report
    assert [(r.outlet, r.new, r.failed) for r in report.outlets] == [("alpha", 2, 0), ("beta", 2, 0)]
    with Store.open(tmp_path / "db") as store:
        arts = store.search("Marlow flood")
    assert len(arts) == 4
    a = next(a for a in arts if a.url.endswith("/alpha/story-1.html"))
    assert a.outlet == "alpha"
    assert a.title == "Flood barriers for Marlow, part 1 (alpha)"
    assert (
        a.published is not None and a.published.isoformat() == "2025-12-11T07:01:00+00:00"
    )  # page meta wins
    assert "1.5 million pounds" in a.text
    assert a.author == "Sam Writer"
    # Comments, navigation, cookie banner and related boxes are not article text.
    for furniture in (
        "999 sandbags",
        "77 boats",
        "cookies",
        "Markets fall",
        "Section 3",
        "All rights reserved",
    ):
        assert furniture not in a.text


def test_second_run_stores_nothing_new_and_uses_conditional_get(site: Site, tmp_path: Path) -> None:
    publish(site, "alpha", 3)
    outlets = {"alpha": "/alpha/feed.xml"}
    first = fetch(site, outlets, tmp_path / "db")
    assert first.outlets[0].new == 3
    pages_before = sum(1 for p in site.paths_hit() if p.endswith(".html"))
    second = fetch(site, outlets, tmp_path / "db")
    assert second.outlets[0].new == 0 and second.ok
    # The feed was asked for with the ETag it gave last time.
    feed_hits = [h for p, h in site.hits if p == "/alpha/feed.xml"]
    assert feed_hits[-1].get("If-None-Match") == '"alpha-v1"'
    # No page was downloaded again: entries already stored are skipped.
    assert sum(1 for p in site.paths_hit() if p.endswith(".html")) == pages_before
    assert second.outlets[0].unchanged == 3
    with Store.open(tmp_path / "db") as store:
        assert store.stats().articles == 3


def test_304_means_nothing_new(site: Site, tmp_path: Path) -> None:
    publish(site, "alpha", 1)
    fetch(site, {"alpha": "/alpha/feed.xml"}, tmp_path / "db")
    site.route("/alpha/feed.xml", b"", status=304)
    report = fetch(site, {"alpha": "/alpha/feed.xml"}, tmp_path / "db")
    r = report.outlets[0]
    assert report.ok and r.feeds_unchanged == 1 and r.new == 0 and r.entries == 0


def test_same_text_under_a_new_url_is_not_stored_twice(site: Site, tmp_path: Path) -> None:
    publish(site, "alpha", 1)
    fetch(site, {"alpha": "/alpha/feed.xml"}, tmp_path / "db")
    # The outlet republishes the same story under another URL and guid.
    site.route(
        "/alpha/copy.html", site.routes["/alpha/story-0.html"].body, headers={"Content-Type": "text/html"}
    )
    site.route(
        "/alpha/feed.xml", rss([{"title": "again", "link": site.url("/alpha/copy.html"), "guid": "new-guid"}])
    )
    report = fetch(site, {"alpha": "/alpha/feed.xml"}, tmp_path / "db")
    assert report.outlets[0].new == 0 and report.outlets[0].unchanged == 1
    with Store.open(tmp_path / "db") as store:
        assert store.stats().articles == 1


def test_a_500_from_one_outlet_does_not_stop_the_others(site: Site, tmp_path: Path) -> None:
    publish(site, "alpha")
    site.route("/broken/feed.xml", b"oops", status=500)
    report = fetch(site, {"broken": "/broken/feed.xml", "alpha": "/alpha/feed.xml"}, tmp_path / "db")
    broken, alpha = report.outlets
    assert not report.ok
    assert broken.feeds_failed == 1 and "HTTP 500" in " ".join(broken.reasons)
    assert alpha.ok and alpha.new == 2
    # 5xx is retried before giving up.
    assert site.paths_hit().count("/broken/feed.xml") == 1 + FAST.retries


@pytest.mark.parametrize(
    "body,reason",
    [
        (b"<?xml version='1.0'?><rss><channel><item><title>broken", "malformed"),
        (b"<!DOCTYPE html><html><body><p>Welcome</p></body></html>", "not a feed (got an HTML page)"),
    ],
)
def test_malformed_and_html_feeds_are_reported(
    site: Site, tmp_path: Path, body: bytes, reason: str
) -> None:
    publish(site, "alpha", 1)
    site.route("/bad/feed.xml", body, headers={"Content-Type": "application/rss+xml"})
    report = fetch(site, {"bad": "/bad/feed.xml", "alpha": "/alpha/feed.xml"}, tmp_path / "db")
    bad, alpha = report.outlets
    assert bad.feeds_failed == 1 and reason in " ".join(bad.reasons)
    assert alpha.new == 1


def test_a_timeout_is_reported_and_bounded(site: Site, tmp_path: Path) -> None:
    publish(site, "alpha", 1)
    site.route("/slow/feed.xml", rss([]), delay=3.0)
    settings = FetchSettings(timeout=0.5, retries=0)
    t0 = time.monotonic()
    report = fetch(
        site, {"slow": "/slow/feed.xml", "alpha": "/alpha/feed.xml"}, tmp_path / "db", settings=settings
    )
    assert time.monotonic() - t0 < 2.5
    slow, alpha = report.outlets
    assert slow.feeds_failed == 1 and "timed out" in " ".join(slow.reasons)
    assert alpha.new == 1


def test_page_failures_are_counted_per_outlet_with_reason(site: Site, tmp_path: Path) -> None:
    publish(site, "alpha", 2)
    site.routes.pop("/alpha/story-1.html")  # now a 404
    report = fetch(site, {"alpha": "/alpha/feed.xml"}, tmp_path / "db")
    r = report.outlets[0]
    assert r.new == 1 and r.failed == 1 and "HTTP 404 not found" in r.reasons
    # A 404 is permanent: the next run does not ask again.
    hits = site.paths_hit().count("/alpha/story-1.html")
    fetch(site, {"alpha": "/alpha/feed.xml"}, tmp_path / "db")
    assert site.paths_hit().count("/alpha/story-1.html") == hits


def test_limit_and_since(site: Site, tmp_path: Path) -> None:
    from datetime import UTC, datetime

    publish(site, "alpha", 3)
    r = fetch(site, {"alpha": "/alpha/feed.xml"}, tmp_path / "a.db", limit=1).outlets[0]
    assert (r.entries, r.new) == (1, 1)
    r = fetch(
        site, {"alpha": "/alpha/feed.xml"}, tmp_path / "b.db", since=datetime(2025, 12, 11, tzinfo=UTC)
    ).outlets[0]
    assert r.new == 2


def test_extraction_in_worker_processes(site: Site, tmp_path: Path) -> None:
    publish(site, "alpha", 2)
    report = fetch(site, {"alpha": "/alpha/feed.xml"}, tmp_path / "db", workers=2)
    assert report.outlets[0].new == 2


def test_news_sitemap_and_sitemap_index(site: Site, tmp_path: Path) -> None:
    publish(site, "wire", 2)  # pages /wire/story-{0,1}.html
    urls = "".join(
        f"<url><loc>{site.url(f'/wire/story-{i}.html')}</loc><news:news><news:publication_date>2025-12-13T0{i}:00:00Z"
        f"</news:publication_date><news:title>Story {i}</news:title></news:news></url>"
        for i in range(2)
    )
    site.route(
        "/wire/news.xml",
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>',
        headers={"Content-Type": "application/xml"},
    )
    site.route(
        "/wire/index.xml",
        f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{site.url('/wire/news.xml')}</loc></sitemap></sitemapindex>",
        headers={"Content-Type": "application/xml"},
    )
    cfg = parse_sources(
        f"outlets:\n  - id: wire\n    name: Wire\n    wire: true\n    sitemaps: [{site.url('/wire/index.xml')}]\n"
    )
    with Store.open(tmp_path / "db") as store:
        report = run_fetch(cfg, store, FetchOptions(settings=FAST, workers=0, allow_private=True))
        assert report.ok and report.outlets[0].new == 2
        assert {a.url for a in store.iter_articles()} == {site.url(f"/wire/story-{i}.html") for i in range(2)}


def test_queued_pages_go_to_the_pool_together_and_fail_alone(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages that queue up while extraction is busy are handed over several per task; a page without
    article text in such a batch fails on its own, the others are stored."""
    from claimcheck.ingest import jobs, pool

    for outlet in ("alpha", "beta", "gamma"):
        publish(site, outlet, 8)
    site.route("/alpha/empty.html", b"<html><body></body></html>", headers={"Content-Type": "text/html"})
    feed = site.routes["/alpha/feed.xml"].body.replace(
        b"</channel>", f"<item><title>e</title><link>{site.url('/alpha/empty.html')}</link></item></channel>".encode()
    )
    site.route("/alpha/feed.xml", feed, headers={"Content-Type": "application/rss+xml"})
    sizes: list[int] = []

    def recording(items, aliases):  # type: ignore[no-untyped-def]
        sizes.append(len(items))
        time.sleep(0.05)  # slow extraction: pages queue behind it
        return jobs.process_pages(items, aliases)

    monkeypatch.setattr(pool, "process_pages", recording)
    settings = FetchSettings(timeout=5, retries=0, robots=False, per_host=8, concurrency=8)
    feeds = {o: f"/{o}/feed.xml" for o in ("alpha", "beta", "gamma")}
    alpha, beta, gamma = fetch(site, feeds, tmp_path / "db", settings=settings, workers=0).outlets
    assert alpha.new == 8 and alpha.failed == 1 and alpha.reasons == {"no article text found": 1}
    assert beta.new == gamma.new == 8 and beta.failed == gamma.failed == 0
    assert sum(sizes) == 25 and max(sizes) > 1 and max(sizes) <= pool.MAX_PAGES_PER_TASK


def test_feeds_download_and_parse_while_the_pool_starts(site: Site, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Starting the extraction pool (the forkserver importing trafilatura) must not hold up the event
    loop: feeds are fetched and parsed meanwhile, and pages wait for the pool, then go through it."""
    from claimcheck.ingest import pipeline as ingest
    from claimcheck.ingest import pool

    publish(site, "alpha")
    events: list[str] = []
    real_make, real_parse = pool._new_pool, ingest.parse_feed

    def slow_pool(n: int):  # type: ignore[no-untyped-def]
        time.sleep(1.0)  # a slow start, as on a loaded machine
        events.append("pool ready")
        return real_make(n)

    def parse(*a):  # type: ignore[no-untyped-def]
        events.append("feed parsed")
        return real_parse(*a)

    monkeypatch.setattr(pool, "_new_pool", slow_pool)
    monkeypatch.setattr(ingest, "parse_feed", parse)
    report = fetch(site, {"alpha": "/alpha/feed.xml"}, tmp_path / "db")
    assert report.ok and report.outlets[0].new == 2
    assert events[:2] == ["feed parsed", "pool ready"]


def test_only_a_fetch_with_worker_processes_starts_the_forkserver_early() -> None:
    from claimcheck.__main__ import wants_pool

    assert wants_pool(["fetch"]) and wants_pool(["fetch", "--source", "bbc", "--workers", "2"])
    assert not wants_pool(["fetch", "--workers", "0"]) and not wants_pool(["fetch", "--workers=0"])
    assert not wants_pool(["fetch", "--help"]) and not wants_pool(["compare", "x"]) and not wants_pool([])


def test_pages_waiting_for_extraction_are_bounded(site: Site, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Downloads outrun extraction; a download waits while MAX_BACKLOG pages wait for extraction, so a
    long fetch does not hold every page body in memory at once."""
    from claimcheck.ingest import jobs, pool
    from claimcheck.ingest import pipeline as ingest

    for o in ("alpha", "beta"):
        publish(site, o, n=6)
    waiting, most = 0, 0
    real_get = ingest.Http.get

    async def get(self, url, *a, **k):  # type: ignore[no-untyped-def]
        nonlocal waiting, most
        resp = await real_get(self, url, *a, **k)
        if "/feed" not in url:
            waiting += 1
            most = max(most, waiting)
        return resp

    def slow(items, aliases):  # type: ignore[no-untyped-def]
        nonlocal waiting
        time.sleep(0.05)
        waiting -= len(items)
        return jobs.process_pages(items, aliases)

    monkeypatch.setattr(ingest, "MAX_BACKLOG", 3)
    monkeypatch.setattr(ingest.Http, "get", get)
    monkeypatch.setattr(pool, "process_pages", slow)
    settings = FetchSettings(timeout=5, retries=0, robots=False, per_host=8, concurrency=8)
    report = fetch(site, {"alpha": "/alpha/feed.xml", "beta": "/beta/feed.xml"}, tmp_path / "db", settings=settings)
    assert [r.new for r in report.outlets] == [6, 6]
    assert most <= 3


def test_http_pools_do_not_load_the_ca_bundle() -> None:
    """Building the TLS context loads the CA bundle (~30 ms): only an https pool needs it."""
    from claimcheck.ingest.http import HostPools

    pools = HostPools(FetchSettings())
    pools._pool((b"http", b"127.0.0.1", 8080))
    assert pools._tls is None
    pools._pool((b"https", b"www.example.org", None))
    assert pools._tls is not None and pools._tls.cert_store_stats()["x509_ca"] > 0
    assert pools._pool((b"https", b"other.example.org", None))._pool._ssl_context is pools._tls


def test_a_page_gets_its_task_only_when_its_outlet_has_a_slot(site: Site, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An outlet's pages start at most twice its host's connections at a time: a task per page from the
    start held ~4 MiB for 2,000 pages (#14). Every page is still fetched, in feed order per outlet."""
    import asyncio

    from claimcheck.ingest import pipeline as ingest

    outlets = {o: f"/{o}/feed.xml" for o in ("alpha", "beta", "gamma")}
    for o in outlets:
        publish(site, o, n=9)
    most, storing, order = 0, 0, []
    real_get, real_store = ingest.Http.get, ingest._Run._store

    async def get(self, url, *a, **k):  # type: ignore[no-untyped-def]
        nonlocal most
        if "/feed" not in url:
            pages = sum(1 for t in asyncio.all_tasks() if t.get_coro().__qualname__ == "_Run.page")
            most = max(most, pages - storing)  # pages not yet done with download and extraction
            order.append(url)
        return await real_get(self, url, *a, **k)

    async def store(self, *a, **k):  # type: ignore[no-untyped-def]
        nonlocal storing
        storing += 1
        try:
            return await real_store(self, *a, **k)
        finally:
            storing -= 1

    monkeypatch.setattr(ingest.Http, "get", get)
    monkeypatch.setattr(ingest._Run, "_store", store)
    settings = FetchSettings(timeout=5, retries=0, robots=False, per_host=1, concurrency=8)
    report = fetch(site, outlets, tmp_path / "db", settings=settings)
    assert [r.new for r in report.outlets] == [9, 9, 9]
    assert 0 < most <= 3 * 2  # 2 x per_host for each of 3 outlets (before: all 27 at once)
    for o in outlets:
        mine = [u for u in order if f"/{o}/" in u]
        assert mine == sorted(mine, key=lambda u: int(u.rsplit("-", 1)[1].split(".")[0]))


def test_a_feed_an_outlet_lists_twice_is_read_once(site: Site, tmp_path: Path) -> None:
    """bughunt17: a feed pasted twice into an outlet's feeds (or as a feed and a sitemap) was asked for once per
    listing on every run, for the same entries. Each distinct URL is read once a run."""
    from pages import PARAS, article_html, rss

    from claimcheck.config import parse_sources
    from claimcheck.ingest.http import FetchSettings
    from claimcheck.ingest.pipeline import FetchOptions, run_fetch
    from claimcheck.store import Store

    links = []
    for i in range(2):
        site.route(f"/t/{i}.html", article_html(f"Tram line {i} reopens", [*PARAS, f"Line {i} carried {i + 40} riders."], "2025-12-10T08:00:00+01:00"), headers={"Content-Type": "text/html"})
        links.append({"title": f"t{i}", "link": site.url(f"/t/{i}.html"), "guid": f"t{i}"})
    site.route("/t/feed.xml", rss(links), headers={"Content-Type": "application/rss+xml"})
    url = site.url("/t/feed.xml")
    cfg = parse_sources(f"outlets:\n  - {{id: t, name: T, feeds: ['{url}', '{url}'], sitemaps: ['{url}']}}\n")
    with Store.open(tmp_path / "t.db") as store:
        rep = run_fetch(cfg, store, FetchOptions(settings=FetchSettings(timeout=3, retries=0), workers=0, allow_private=True))
    assert rep.outlets[0].new == 2, rep.outlets[0]
    assert site.paths_hit().count("/t/feed.xml") == 1, site.paths_hit()

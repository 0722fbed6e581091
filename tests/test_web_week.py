"""A fact-checker's week on the real web, round 11: pages and feeds that misbehave in ways the earlier rounds
did not serve, over real sockets on loopback. Every page and feed here was written for claimcheck.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from loopback import Site
from pages import PARAS, article_html, rss
from test_web_tricks import FAST, HTML, RSS, fetch, stored

from claimcheck.config import parse_sources
from claimcheck.ingest.decode import decode_html
from claimcheck.ingest.feeds import parse_feed
from claimcheck.ingest.pipeline import FetchOptions, run_fetch
from claimcheck.store import Store

CURLY = "The minister\u2019s caf\u00e9 said \u201cyes\u201d to the \u20ac5 plan, na\u00efve or not, on Monday."


@pytest.mark.parametrize("declared", ["utf-8", "iso-8859-1", None])
def test_a_utf8_page_with_one_stray_windows_1252_byte_is_read_as_utf8(
    site: Site, tmp_path: Path, declared: str | None
) -> None:
    # One byte of another charset (a quote pasted from a word processor) made the whole page fail as
    # UTF-8: detection then stored every accent and curly quote of it as mojibake ("cafÃ©", "â€œyesâ€").
    html = article_html("Caf\u00e9 owners\u2019 plan", [*PARAS, CURLY, CURLY.replace("Monday", "Friday")], "2025-12-10T08:00:00Z")
    body = html.encode("utf-8").replace(b"Friday", b"Friday\x92s", 1)
    ctype = f"text/html; charset={declared}" if declared else "text/html"
    assert "na\u00efve" in decode_html(body, ctype) and "Friday\u2019s" in decode_html(body, ctype)
    site.route("/s.html", body, headers={"Content-Type": ctype})
    feed = rss([{"title": "Caf\u00e9 owners\u2019 plan \u2014 \u201cyes\u201d", "link": site.url("/s.html"), "guid": "s"}])
    site.route("/feed.xml", feed.encode("utf-8").replace(b"plan", b"plan\x92", 1), headers={"Content-Type": "application/rss+xml"})
    entry = parse_feed(site.routes["/feed.xml"].body, site.url("/feed.xml")).entries[0]
    assert entry.title == "Caf\u00e9 owners\u2019 plan\u2019 \u2014 \u201cyes\u201d"
    r = fetch({"a": site.url("/feed.xml")}, tmp_path / "db").outlets[0]
    (row,) = stored(tmp_path / "db")  # assert_sound: no mojibake
    assert r.new == 1 and CURLY in row["text"] and row["title"] == "Caf\u00e9 owners\u2019 plan"


@pytest.mark.parametrize(
    ("text", "charset"),
    [
        ("Le caf\u00e9 est tr\u00e8s chaud \u00e0 No\u00ebl, \u00e7a va, dit le ma\u00eetre. ", "cp1252"),
        ("\u041c\u044d\u0440 \u0433\u043e\u0440\u043e\u0434\u0430 \u0441\u043a\u0430\u0437\u0430\u043b \u00ab\u0434\u0430\u00bb \u0432 \u043f\u044f\u0442\u043d\u0438\u0446\u0443. ", "cp1251"),
    ],
)
def test_a_page_really_in_a_single_byte_charset_is_still_read_in_it(text: str, charset: str) -> None:
    body = f"<html><body><p>{text * 40}</p></body></html>".encode(charset)
    for ctype in ("text/html; charset=utf-8", "text/html", f"text/html; charset={charset}"):
        assert text in decode_html(body, ctype)


def test_a_relative_canonical_is_read_against_the_pages_base_href(site: Site, tmp_path: Path) -> None:
    # <base href="/"> on a page under /2025/12/: its canonical "news/story" is /news/story to a browser, not
    # /2025/12/news/story (a URL that is no page, under which the article was stored)
    html = article_html("Harbour pier", PARAS, "2025-12-10T08:00:00Z", canonical="news/harbour-pier")
    site.route("/2025/12/harbour-pier.html", html.replace("<head>", '<head><base href="/">'), headers=HTML)
    bad = article_html("Harbour gate", PARAS[:3], "2025-12-10T08:00:00Z", canonical="news/harbour-gate")
    site.route("/2025/12/harbour-gate.html", bad.replace("<head>", '<head><base href="mailto:desk@example.org">'), headers=HTML)
    items = [{"title": t, "link": site.url(f"/2025/12/harbour-{t}.html"), "guid": t} for t in ("pier", "gate")]
    site.route("/feed.xml", rss(items), headers=RSS)
    r = fetch({"a": site.url("/feed.xml")}, tmp_path / "db").outlets[0]
    canonical = {row["title"]: row["canonical_url"] for row in stored(tmp_path / "db")}
    assert r.new == 2
    # a <base> that is no http(s) URL is no base: the page's own URL is
    assert canonical == {"Harbour pier": site.url("/news/harbour-pier"), "Harbour gate": site.url("/2025/12/news/harbour-gate")}


def _refresh(to: str, delay: str = "0", noscript: bool = False) -> str:
    meta = f'<meta http-equiv="Refresh" content="{delay}; URL=\'{to}\'">'
    meta = f"<noscript>{meta}</noscript>" if noscript else meta
    return f"<!DOCTYPE html><html><head><title>Redirecting</title>{meta}</head><body><p>Redirecting you now.</p></body></html>"


def test_a_tracking_chain_across_ports_ending_in_a_meta_refresh_reaches_the_article(site: Site, tmp_path: Path) -> None:
    # The feed's link goes to a click tracker on another port (allowed by allow_private_hosts), which
    # redirects, then answers with a refresh page; a browser lands on the article. Before, the tracker's
    # "Redirecting you now." page was stored as the article, under the tracker's URL.
    tracker = Site()
    try:
        site.route("/news/quay.html", article_html("Quay works", PARAS, "2025-12-10T08:00:00Z"), headers=HTML)
        tracker.route("/c/1", status=302, headers={"Location": "/r/1"})
        tracker.route("/r/1", _refresh(site.url("/news/quay.html")), headers=HTML)
        tracker.route("/c/2", _refresh(""), headers={**HTML, "Refresh": f"1;url={site.url('/news/lock.html')}"})
        site.route("/news/lock.html", article_html("Lock gates", PARAS[:3], "2025-12-10T08:00:00Z"), headers=HTML)
        items = [{"title": "quay", "link": tracker.url("/c/1"), "guid": "q"}, {"title": "lock", "link": tracker.url("/c/2"), "guid": "l"}]
        site.route("/feed.xml", rss(items), headers=RSS)
        port = tracker.base.rsplit(":", 1)[1]
        r = fetch({"a": site.url("/feed.xml")}, tmp_path / "db", extra=f", allow_private_hosts: ['127.0.0.1:{port}']").outlets[0]
    finally:
        tracker.close()
    urls = {row["title"]: row["url"] for row in stored(tmp_path / "db")}
    assert r.new == 2 and urls == {"Quay works": site.url("/news/quay.html"), "Lock gates": site.url("/news/lock.html")}


def test_a_refresh_that_is_no_redirect_leaves_the_page_as_it_is(site: Site, tmp_path: Path) -> None:
    # A front page's five-minute reload, a refresh for readers without scripts, one naming the page itself,
    # and one to an address the outlet may not reach: each page is read as the page it is.
    for name, meta in [
        ("late", _refresh(site.url("/"), delay="300")),
        ("noscript", _refresh(site.url("/lite.html"), noscript=True)),
        ("self", _refresh(site.url("/self.html"))),
        # an old Internet Explorer's conditional comment, as real pages send readers to "browser not supported"
        ("comment", _refresh("/unsupported.html").replace("<meta", "<!--[if lte IE 9]><meta").replace("'\">", "'\"><![endif]-->")),
    ]:
        head = meta.split("<body>")[0].split("<head>")[1]
        html = article_html(f"Ferry {name}", [*PARAS, f"The {name} ferry left at dawn."], "2025-12-10T08:00:00Z")
        site.route(f"/{name}.html", html.replace("<head>", "<head>" + head), headers=HTML)
    site.route("/away.html", _refresh("http://127.0.0.9:9/x.html"), headers=HTML)
    items = [{"title": n, "link": site.url(f"/{n}.html"), "guid": n} for n in ("late", "noscript", "self", "comment", "away")]
    site.route("/feed.xml", rss(items), headers=RSS)
    r = fetch({"a": site.url("/feed.xml")}, tmp_path / "db").outlets[0]
    urls = sorted(row["url"] for row in stored(tmp_path / "db"))
    assert urls == [site.url(f"/{n}.html") for n in ("comment", "late", "noscript", "self")]
    assert r.new == 4 and r.failed == 1 and not {"/lite.html", "/unsupported.html"} & set(site.paths_hit())
    assert list(r.reasons) == ["refused: redirect to a private or local address"], r.reasons


def _first_outlets(db: Path) -> set[str | None]:
    """The outlet compare marks first for each fact of the stored articles."""
    from claimcheck.compare import CompareOptions, compare
    from claimcheck.models import Outlet
    from claimcheck.store import Store

    with Store.open(db, create=False) as store:
        articles = [store.get_article(a.id) for a in store.iter_articles() if a.id is not None]
    result = compare("harbour", [a for a in articles if a], {o: Outlet(o, o) for o in "abc"}, CompareOptions())
    return {f.first_outlet for f in result.facts}


def test_a_pages_time_without_zone_gives_way_to_the_feeds_zoned_time(site: Site, tmp_path: Path) -> None:
    # Outlet a's page says 08:00 without a zone (New York's 08:00: its feed says 08:00 -0500, 13:00 UTC),
    # b published at 10:00 UTC with its zone. Read as UTC, a's 08:00 made a first by five hours it was not.
    # c's page gives its day alone; its feed, the time of that day.
    pages = {"a": ("2025-12-10T08:00:00", "Wed, 10 Dec 2025 08:00:00 -0500"), "b": ("2025-12-10T10:00:00Z", ""),
             "c": ("2025-12-10", "Wed, 10 Dec 2025 16:45:00 +0000")}  # fmt: skip
    feeds = {}
    for o, (page_time, feed_time) in pages.items():
        site.route(f"/{o}/story.html", article_html(f"Harbour report {o}", PARAS, page_time), headers=HTML)
        item = f"<item><title>h</title><link>{site.url(f'/{o}/story.html')}</link><guid>{o}</guid>"
        item += f"<pubDate>{feed_time}</pubDate></item>" if feed_time else "</item>"
        site.route(f"/{o}/feed.xml", rss([]).replace("</channel>", item + "</channel>"), headers=RSS)
        feeds[o] = site.url(f"/{o}/feed.xml")
    fetch(feeds, tmp_path / "db")
    published = {row["outlet"]: row["published"] for row in stored(tmp_path / "db")}
    assert published == {"a": "2025-12-10T13:00:00+00:00", "b": "2025-12-10T10:00:00+00:00", "c": "2025-12-10T16:45:00+00:00"}
    assert _first_outlets(tmp_path / "db") == {"b"}


def test_links_whose_tracking_parameters_change_every_day_are_not_downloaded_again(site: Site, tmp_path: Path) -> None:
    # A feed without guids whose links carry the day's campaign: every page was downloaded (and extracted)
    # again on every run, to be found a duplicate. Two feeds of one outlet listing a page each with its own
    # campaign: the page was downloaded twice in one run.
    for i in range(3):
        site.route(f"/news/{i}.html", article_html(f"Pier works {i}", [*PARAS, f"Pier item {i}."], "2025-12-10T08:00:00Z"), headers=HTML)
    for day in (1, 2, 3):
        links = [site.url(f"/news/{i}.html?utm_source=rss&amp;utm_campaign=daily-{day}") for i in range(3)]
        site.route("/feed.xml", rss([{"title": f"p{i}", "link": link} for i, link in enumerate(links)]), headers=RSS)
        site.route("/top.xml", rss([{"title": "p0", "link": site.url(f"/news/0.html?utm_source=top-{day}")}]), headers=RSS)
        lines = f"outlets:\n  - {{id: a, name: A, feeds: ['{site.url('/feed.xml')}', '{site.url('/top.xml')}']}}\n"
        with Store.open(tmp_path / "db") as store:
            r = run_fetch(parse_sources(lines), store, FetchOptions(settings=FAST, workers=0, allow_private=True)).outlets[0]
        assert (r.entries, r.new, r.unchanged) == ((3, 3, 0) if day == 1 else (3, 0, 3))
    assert sorted(p for p in site.paths_hit() if p.startswith("/news/")) == [f"/news/{i}.html" for i in range(3)]
    assert len(stored(tmp_path / "db")) == 3


def test_a_page_updated_after_it_was_stored_keeps_its_first_version(site: Site, tmp_path: Path) -> None:
    # What the README says of a week of fetches: a known entry is not downloaded again; the update moved to a
    # new slug (the old one redirecting there) is stored beside the first version; one that keeps the first's
    # canonical URL is a duplicate.
    first = article_html("Shelters for 42 families", PARAS, "2025-12-10T08:00:00Z")
    site.route("/s/42.html", first, headers=HTML)
    site.route("/feed.xml", rss([{"title": "s", "link": site.url("/s/42.html"), "guid": "s"}]), headers=RSS)
    fetch({"a": site.url("/feed.xml")}, tmp_path / "db")
    updated = [PARAS[0].replace("42", "57"), *PARAS[1:]]
    site.route("/s/42.html", article_html("Shelters for 57 families", updated, "2025-12-10T08:00:00Z"), headers=HTML)
    r = fetch({"a": site.url("/feed.xml")}, tmp_path / "db").outlets[0]
    assert (r.new, r.unchanged) == (0, 1) and [row["title"] for row in stored(tmp_path / "db")] == ["Shelters for 42 families"]
    site.route("/s/57.html", article_html("Shelters for 57 families", updated, "2025-12-10T08:00:00Z"), headers=HTML)
    site.route("/s/57b.html", article_html("Shelters: 57 families", updated[:3], "2025-12-10T08:00:00Z", canonical=site.url("/s/57.html")), headers=HTML)
    items = [{"title": "s", "link": site.url("/s/57.html")}, {"title": "t", "link": site.url("/s/57b.html")}]
    site.route("/feed.xml", rss(items), headers=RSS)
    r = fetch({"a": site.url("/feed.xml")}, tmp_path / "db").outlets[0]
    canonical = sorted(row["canonical_url"] for row in stored(tmp_path / "db"))  # one of the two pages of /s/57
    assert (r.new, r.unchanged) == (1, 1) and canonical == [site.url("/s/42.html"), site.url("/s/57.html")]


@pytest.mark.parametrize("bom", ["utf-16", "utf-8-sig"])
@pytest.mark.parametrize("declared", ["iso-8859-1", "windows-1251", "utf-8"])
def test_a_feeds_byte_order_mark_says_its_encoding_over_its_declaration(site: Site, tmp_path: Path, bom: str, declared: str) -> None:
    # XML: a BOM decides. A UTF-16 feed declaring a single-byte encoding was "not a feed (no RSS or Atom found)".
    story = article_html("Caf\u00e9 owners\u2019 plan", PARAS, "2025-12-10T08:00:00Z")
    site.route("/c.html", story, headers=HTML)
    feed = rss([{"title": "Caf\u00e9 \u2019plan\u2019", "link": site.url("/c.html"), "guid": "c"}]).replace('encoding="UTF-8"', f'encoding="{declared}"')
    site.route("/feed.xml", feed.encode(bom), headers={"Content-Type": f"application/rss+xml; charset={declared}"})
    entries = parse_feed(site.routes["/feed.xml"].body, site.url("/feed.xml"), f"application/rss+xml; charset={declared}").entries
    assert [e.title for e in entries] == ["Caf\u00e9 \u2019plan\u2019"]
    r = fetch({"a": site.url("/feed.xml")}, tmp_path / "db").outlets[0]
    assert r.ok and r.new == 1


@pytest.mark.parametrize("edition", ["amp", "m", "mobile", "www"])
def test_an_amp_or_mobile_host_pages_canonical_on_the_www_host_is_followed(edition: str) -> None:
    # amp.<site>/story and m.<site>/story name www.<site>/story as canonical: the same article. Taken for
    # another site's, the canonical was ignored, and the article stored twice when the feed also gave www.
    from claimcheck.ingest.canonical import canonical

    page = f"https://{edition}.harbour-news.example/2025/12/pier?utm_source=x"
    declared = "https://www.harbour-news.example/2025/12/pier" if edition != "www" else "https://harbour-news.example/2025/12/pier"
    assert canonical(declared, page) == declared
    # another site's page is still no canonical, nor is a different site that only shares a label
    assert canonical("https://www.other.example/2025/12/pier", page) == page.split("?")[0]
    assert canonical("https://amp.example/2025/12/pier", "https://m.example/2025/12/pier") == "https://m.example/2025/12/pier"


def test_a_404_for_an_entry_listed_minutes_ago_is_tried_again_next_run(site: Site, tmp_path: Path) -> None:
    # The feed lists an article before its page is live (a CDN's cache): the 404 was remembered for good
    # and the article never fetched. An entry dated days ago that answers 404 is still remembered.
    from datetime import UTC, datetime, timedelta

    fresh = (datetime.now(UTC) - timedelta(minutes=10)).isoformat()
    items = [{"title": "new", "link": site.url("/new.html"), "guid": "n", "published": fresh},
             {"title": "old", "link": site.url("/old.html"), "guid": "o", "published": "2025-12-01T08:00:00+00:00"}]  # fmt: skip
    site.route("/feed.xml", rss(items), headers=RSS)
    r = fetch({"a": site.url("/feed.xml")}, tmp_path / "db").outlets[0]
    assert (r.new, r.failed) == (0, 2)
    site.route("/new.html", article_html("Pier reopens", PARAS, fresh), headers=HTML)
    site.route("/old.html", article_html("Pier closed", PARAS[:3], "2025-12-01T08:00:00Z"), headers=HTML)
    r = fetch({"a": site.url("/feed.xml")}, tmp_path / "db").outlets[0]
    assert (r.new, r.unchanged) == (1, 1) and [row["title"] for row in stored(tmp_path / "db")] == ["Pier reopens"]
    assert site.paths_hit().count("/old.html") == 1


def test_a_feed_served_as_html_with_a_refresh_in_an_items_cdata_is_read_as_the_feed(site: Site, tmp_path: Path) -> None:
    # A server that labels its RSS text/html, an item whose CDATA holds a newsletter's page with its refresh:
    # the feed is the feed, not a redirect to the newsletter's address.
    site.route("/s.html", article_html("Ferry timetable", PARAS, "2025-12-10T08:00:00Z"), headers=HTML)
    item = f"<item><title>f</title><link>{site.url('/s.html')}</link><guid>f</guid><description><![CDATA[{_refresh('/letter.html')}]]></description></item>"
    site.route("/feed.xml", rss([]).replace("</channel>", item + "</channel>"), headers=HTML)
    r = fetch({"a": site.url("/feed.xml")}, tmp_path / "db").outlets[0]
    assert r.ok and r.new == 1 and "/letter.html" not in site.paths_hit()


def test_an_entry_that_stored_its_article_stays_stored_when_another_fetcher_finds_it_a_duplicate(store_target: str) -> None:
    # Two fetchers racing on one store both download a page; the one that writes second finds the article
    # stored and marked the entry "duplicate" over "stored": every entry read "duplicate", none the one that
    # stored its article. Both backends, both write paths (one article, a batch).
    from datetime import UTC, datetime

    from claimcheck.models import Article

    def article(n: int) -> Article:
        text = f"Report {n}: the pier reopened on Monday after repairs, the harbour master said."
        return Article(outlet="a", url=f"https://pier.example/{n}", canonical_url=f"https://pier.example/{n}",
                       title=f"Pier {n}", text=text, content_hash=f"h{n}", fetched=datetime.now(UTC))  # fmt: skip

    with Store.open(store_target) as store:
        store.sync_outlets(parse_sources("outlets: [{id: a, name: A, feeds: ['https://pier.example/feed']}]").outlets)
        first = store.add_article(article(1), ["k1"])
        again = store.add_article(article(1), ["k1"])
        batch = store.add_articles([(article(2), ["k2"])]) + store.add_articles([(article(2), ["k2"])])
        statuses = {row[1]: row[4] for chunk in store.export_rows("entries") for row in chunk}
    assert first[1] and not again[1] and again[0] == first[0]
    assert batch[0][1] and not batch[1][1]
    assert statuses == {"k1": "stored", "k2": "stored"}


def test_a_feed_that_gives_every_item_the_same_guid_has_all_its_items_fetched_every_day(site: Site, tmp_path: Path) -> None:
    # A feed whose items all carry one guid (the feed's own address): it was read as one entry, and every
    # item of later days counted "seen" under that guid, so nothing new was ever fetched from it again.
    def serve(n: int) -> None:
        for i in range(n):
            site.route(f"/n/{i}.html", article_html(f"Quay notice {i}", [*PARAS, f"Notice {i} of the quay."], "2025-12-10T08:00:00Z"), headers=HTML)
        items = "".join(f"<item><title>q{i}</title><link>{site.url(f'/n/{i}.html')}</link><guid isPermaLink=\"false\">{site.url('/feed.xml')}</guid></item>" for i in range(n))
        site.route("/feed.xml", rss([]).replace("</channel>", items + "</channel>"), headers=RSS)

    serve(3)
    first = fetch({"a": site.url("/feed.xml")}, tmp_path / "db").outlets[0]
    serve(5)
    second = fetch({"a": site.url("/feed.xml")}, tmp_path / "db").outlets[0]
    assert (first.entries, first.new) == (3, 3) and (second.entries, second.new, second.unchanged) == (5, 2, 3)
    assert len(stored(tmp_path / "db")) == 5
    # the same page listed twice under one guid (its links differing in tracking parameters) is one entry
    twice = rss([{"title": "q", "link": site.url("/n/0.html?utm_source=a"), "guid": "g"}, {"title": "q", "link": site.url("/n/0.html?utm_source=b"), "guid": "g"}])
    assert [e.guid for e in parse_feed(twice.encode(), site.url("/feed.xml")).entries] == [site.url("/g")]


def test_a_feed_that_gives_every_item_the_sites_address_as_link_is_read_by_its_permalinks(site: Site, tmp_path: Path) -> None:
    # Every item's <link> is the site's address, its <guid> the article's permalink: the feed was one entry,
    # the front page ("the site's front page, not an article"), and its articles were never fetched.
    for i in range(3):
        site.route(f"/news/{i}.html", article_html(f"Lock gate {i}", [*PARAS, f"Gate {i} of the lock."], "2025-12-10T08:00:00Z"), headers=HTML)
    items = "".join(f"<item><title>g{i}</title><link>{site.url('/')}</link><guid>{site.url(f'/news/{i}.html')}</guid></item>" for i in range(3))
    site.route("/feed.xml", rss([]).replace("</channel>", items + "</channel>"), headers=RSS)
    r = fetch({"a": site.url("/feed.xml")}, tmp_path / "db").outlets[0]
    assert (r.entries, r.new, r.failed) == (3, 3, 0)
    assert sorted(row["url"] for row in stored(tmp_path / "db")) == [site.url(f"/news/{i}.html") for i in range(3)]


def test_only_whole_referrer_names_are_tracking_parameters() -> None:
    from claimcheck.ingest.canonical import canonical

    # "ref" and "ref_src" say where the reader came from; "refid" and "reference" may be what names the article
    assert canonical(None, "http://127.0.0.1/story?id=4&ref=home&ref_src=tw") == "http://127.0.0.1/story?id=4"
    assert canonical(None, "http://127.0.0.1/story.php?refid=881") == "http://127.0.0.1/story.php?refid=881"
    assert canonical(None, "http://127.0.0.1/read?reference=2026-114") == "http://127.0.0.1/read?reference=2026-114"

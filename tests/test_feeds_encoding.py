"""Feeds and sitemaps in UTF-16 or UTF-32 (a byte order mark, or none and a declaration): read, not "not a
feed"; over real sockets too."""

from __future__ import annotations

from pathlib import Path

import pytest
from loopback import Site
from pages import PARAS, article_html, rss

from claimcheck.config import parse_sources
from claimcheck.ingest.feeds import parse_feed
from claimcheck.ingest.http import FetchSettings
from claimcheck.ingest.pipeline import FetchOptions, run_fetch
from claimcheck.store import Store

SITEMAP = (
    '<?xml version="1.0" encoding="{enc}"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n'
    "<url><loc>{base}/harbour/ferry-fares.html</loc><news:news><news:title>Ferry fares rise \u2019again\u2019"
    "</news:title><news:publication_date>2026-03-02T08:00:00Z</news:publication_date></news:news></url>\n"
    "</urlset>\n"
)
INDEX = (
    '<?xml version="1.0" encoding="{enc}"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    "<sitemap><loc>{base}/news-1.xml</loc></sitemap></sitemapindex>"
)
BASE = "https://valleytimes.example"


def _encoded(text: str, codec: str) -> bytes:
    """``text`` in ``codec``: "utf-16" and "utf-32" write a byte order mark, the -le/-be ones none."""
    return text.encode(codec)


WIDE = ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]


@pytest.mark.parametrize("codec", WIDE)
def test_a_wide_sitemap_and_index_are_read(codec: str) -> None:
    label = codec.split("-")[0].upper() + "-" + codec.split("-")[1]  # UTF-16, UTF-32: what such files declare
    parsed = parse_feed(_encoded(SITEMAP.format(enc=label, base=BASE), codec), BASE + "/sitemap.xml")
    assert [(e.link, e.title) for e in parsed.entries] == [
        (BASE + "/harbour/ferry-fares.html", "Ferry fares rise \u2019again\u2019")
    ]
    index = parse_feed(_encoded(INDEX.format(enc=label, base=BASE), codec), BASE + "/index.xml")
    assert index.sitemaps == (BASE + "/news-1.xml",)


@pytest.mark.parametrize("codec", WIDE)
@pytest.mark.parametrize("header", [None, "application/rss+xml; charset=utf-16"])
def test_a_wide_rss_feed_is_read_whatever_its_header_says(codec: str, header: str | None) -> None:
    feed = rss([{"title": "Caf\u00e9 fares", "link": BASE + "/cafe.html", "guid": "c1"}])
    feed = feed.replace('encoding="UTF-8"', 'encoding="UTF-16"')
    entries = parse_feed(_encoded(feed, codec), BASE + "/feed.xml", header).entries
    assert [(e.link, e.title) for e in entries] == [(BASE + "/cafe.html", "Caf\u00e9 fares")]


def test_a_utf8_sitemap_labelled_utf16_is_read() -> None:
    """The label lies (ASCII bytes, no NUL): lxml refused the whole sitemap ("Document labelled UTF-16 but
    has UTF-8 content"); the bytes decide."""
    body = SITEMAP.format(enc="UTF-16", base=BASE).encode("utf-8")
    assert [e.link for e in parse_feed(body, BASE + "/s.xml").entries] == [BASE + "/harbour/ferry-fares.html"]
    feed = rss([{"title": "Caf\u00e9 fares", "link": BASE + "/cafe.html", "guid": "c1"}])
    entries = parse_feed(feed.encode("utf-8"), BASE + "/f.xml", "application/rss+xml; charset=utf-16").entries
    assert [e.title for e in entries] == ["Caf\u00e9 fares"]


def test_a_utf16_sitemap_is_fetched_over_sockets(site: Site, tmp_path: Path) -> None:
    page = article_html(
        "Ferry fares rise again", [*PARAS, "The ferry company gave no reason."], "2026-03-02T08:00:00Z"
    )
    site.route("/harbour/ferry-fares.html", page, headers={"Content-Type": "text/html; charset=utf-8"})
    site.route(
        "/sitemap.xml",
        SITEMAP.format(enc="UTF-16", base=site.base).encode("utf-16"),
        headers={"Content-Type": "application/xml"},
    )
    cfg = parse_sources(
        f"outlets:\n  - id: valley\n    name: Valley Times\n    sitemaps: [{site.url('/sitemap.xml')}]\n"
    )
    settings = FetchSettings(timeout=2.0, retries=1, backoff=0.05)
    with Store.open(tmp_path / "c.db") as store:
        report = run_fetch(cfg, store, FetchOptions(settings=settings, workers=0, allow_private=True))
        assert report.ok and report.outlets[0].new == 1, report


def test_a_malformed_sitemap_names_its_line_once() -> None:
    """libxml2's "error parsing attribute name, line 2, column 65" was followed by " (line 2)" again."""
    from claimcheck.errors import FeedParseError

    body = '<?xml version="1.0"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url \u00a7x><loc>a</loc></urlset>'
    with pytest.raises(FeedParseError) as e:
        parse_feed(body.encode(), BASE + "/s.xml")
    assert str(e.value).count("line 2") == 1, e.value
    with pytest.raises(FeedParseError) as e:
        parse_feed(b'<?xml version="1.0"?>\n<urlset>\n<url></urlset>', BASE + "/s.xml")
    assert str(e.value).endswith("line 3, column 15"), e.value


@pytest.mark.parametrize("char", ["\ufffe", "\uffff"])
def test_a_sitemap_with_a_noncharacter_written_out_is_read(char: str) -> None:
    """U+FFFE and U+FFFF written out in UTF-8 (not as references) are no XML 1.0 characters: lxml refused the
    whole sitemap for one of them in one title (the URL fuzz found it); each now reads as U+FFFD."""
    body = SITEMAP.format(enc="utf-8", base=BASE).replace("Ferry fares", f"Ferry{char} fares", 1)
    [entry] = parse_feed(body.encode("utf-8"), BASE + "/sitemap.xml").entries
    assert entry.link == BASE + "/harbour/ferry-fares.html" and entry.title and entry.title.startswith("Ferry")

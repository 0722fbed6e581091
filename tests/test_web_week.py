"""A fact-checker's week on the real web, round 11: pages and feeds that misbehave in ways the earlier rounds
did not serve, over real sockets on loopback. Every page and feed here was written for claimcheck.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from loopback import Site
from pages import PARAS, article_html, rss
from test_web_tricks import HTML, RSS, fetch, stored

from claimcheck.ingest.decode import decode_html
from claimcheck.ingest.feeds import parse_feed

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

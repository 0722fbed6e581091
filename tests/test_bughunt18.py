"""bughunt18: what a demanding user hits on the hostile web, on bad input and on two machines. Each test
failed on the code before its fix; pages and feeds are served over real sockets on loopback."""

from __future__ import annotations

from pathlib import Path

import pytest
from loopback import Site
from pages import PARAS, article_html, rss
from soundness import assert_sound

from claimcheck.config import parse_sources
from claimcheck.ingest.extract import extract_page, flatten_deep_nesting
from claimcheck.ingest.http import FetchSettings
from claimcheck.ingest.pipeline import FetchOptions, run_fetch
from claimcheck.store import Store

FAST = FetchSettings(timeout=5, retries=1, backoff=0.05)
HTML = {"Content-Type": "text/html; charset=utf-8"}
RSS = {"Content-Type": "application/rss+xml"}
PUBLISHED = "2025-12-10T08:00:00+01:00"


def _wrapped(open_tag: str, n: int, *, closed: bool) -> str:
    """The sample article inside ``n`` levels of ``open_tag`` (closed after it, or never)."""
    name = open_tag[1:].split()[0].rstrip(">")
    html = article_html("Harbour report", PARAS, PUBLISHED).replace("<main>", open_tag * n + "<main>")
    return html.replace("</main>", "</main>" + f"</{name}>" * n) if closed else html


@pytest.mark.parametrize(
    ("open_tag", "n", "closed"),
    [
        ("<div class='wrap'>", 300, True),
        ("<font size=2>", 300, False),
        ("<span>", 10_000, True),
        ("<b>", 10_000, False),
    ],
)
def test_an_article_nested_deeper_than_libxml2_reads_is_still_stored(
    open_tag: str, n: int, closed: bool, tmp_path: Path
) -> None:
    """libxml2 stops reading an HTML page at its 256th level of nesting: an article inside 300 nested
    wrappers (a page builder's), or after 300 unclosed <font> tags (a broken template in a loop), was
    "no article text found", though a browser shows it. The tags past 200 levels are left out, the text kept."""
    site = Site()
    try:
        site.route("/a.html", _wrapped(open_tag, n, closed=closed), headers=HTML)
        site.route("/feed.xml", rss([{"title": "a", "link": site.url("/a.html"), "guid": "a"}]), headers=RSS)
        sources = parse_sources(f"outlets:\n  - {{id: o, name: O, feeds: ['{site.url('/feed.xml')}']}}\n")
        with Store.open(tmp_path / "s.db") as store:
            report = run_fetch(sources, store, FetchOptions(settings=FAST, workers=0, allow_private=True))
    finally:
        site.close()
    assert report.outlets[0].new == 1, report.outlets[0].reasons
    (row,) = assert_sound(tmp_path / "s.db")
    assert all(p.split(",")[0] in row["text"] for p in PARAS), row["text"]


def test_flattening_keeps_every_word_and_leaves_a_shallow_page_as_it_is() -> None:
    page = article_html("Harbour report", PARAS, PUBLISHED)
    assert flatten_deep_nesting(page) == page
    deep = "<div>" * 500 + "<p>one <b>two</b> three</p>" + "<!-- <div><div> -->" + "</div>" * 500
    flat = flatten_deep_nesting(deep)  # (the two in the comment are no tags, and stay)
    assert (
        flat.count("<div>") == 200 + 2 and flat.count("</div>") == 200 and "<p>one two three</p>" in flat
    )  # (<b> is past 200 levels)
    assert extract_page(_wrapped("<div>", 400, closed=True), "http://127.0.0.1/a").text.count("Marlow") == 1

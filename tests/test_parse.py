"""Our quick HTML loader builds exactly the tree trafilatura's own load_html builds."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime

import pytest
from conftest import REALDATA
from lxml import etree
from trafilatura.utils import load_html

from claimcheck.demo.corpus import corpus_dir
from claimcheck.ingest.decode import decode_html
from claimcheck.ingest.extract import _FAST_PARSE, parse_html

BENCH = REALDATA / "extraction-benchmark"


def _same(text: str) -> None:
    ours, theirs = parse_html(text), load_html(text)
    if theirs is None:
        assert ours is None
    else:
        assert ours is not None and etree.tostring(ours) == etree.tostring(theirs)


def test_the_quick_path_is_in_use() -> None:
    assert _FAST_PARSE is not None  # else every page silently takes the slow path


@pytest.mark.parametrize(
    "text",
    [
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"/>'
        "\n<html><body><p>One.</p></body></html>",
        '<html xmlns="http://www.w3.org/1999/xhtml"/>\n<head><title>T</title></head><body><p>x</p></body>',
        "<html><body><p>form\x0cfeed and \x00 nul and \uffff</p></body></html>",
        "<p>only a fragment</p>",
        "<div><p>two</p></div><div><p>blocks</p></div>",
        "plain words, no markup at all",
        "<html></html>",
        "<html><body><p>é — “quoted” 東京</p></body></html>",
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>declared</p></body></html>',
    ],
)
def test_same_tree_as_trafilatura_on_odd_pages(text: str) -> None:
    _same(text)


def test_same_tree_as_trafilatura_on_the_demo_pages() -> None:
    pages = sorted(corpus_dir().rglob("*.html"))
    assert len(pages) >= 20
    for page in pages:
        _same(decode_html(page.read_bytes(), "text/html"))


@pytest.mark.skipif(not (BENCH / "ground-truth.json").is_file(), reason="shared/realdata absent")
def test_same_tree_as_trafilatura_on_the_real_pages() -> None:
    ids = sorted(json.loads((BENCH / "ground-truth.json").read_text()))
    for page_id in ids:
        _same(decode_html(gzip.decompress((BENCH / "html" / f"{page_id}.html.gz").read_bytes()), "text/html"))


_UNDATED = """<!DOCTYPE html>
<!-- Sample article written for claimcheck. Not any outlet's text. -->
<html><head><meta charset="utf-8"><title>Harbour ferry resumes | Test Outlet</title></head>
<body><main><article><h1>Harbour ferry resumes</h1>
<p class="dateline">Published 14 March 2024</p>
<p>The ferry between the two harbour towns ran again on Thursday after a repair that took three weeks,
the operator said, and about 400 passengers crossed on the first day.</p>
<p>A spokesperson for the operator said the timetable would stay as it was before the breakdown, with
crossings every forty minutes from early morning until late evening.</p>
<p>Local traders said the weeks without the ferry had cost them customers, and asked the council to
plan for a spare vessel so that one repair could not stop the crossing again.</p>
</article></main></body></html>"""


def test_feed_date_stands_in_for_a_page_without_date_tags_and_spares_htmldate(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import htmldate

    from claimcheck.ingest.extract import extract_page

    url = "http://127.0.0.1:1/news/ferry.html"
    # with no date from the feed, trafilatura's fallback (htmldate) finds the date in the text
    assert extract_page(_UNDATED, url).published == datetime(2024, 3, 14, tzinfo=UTC)
    calls: list[object] = []
    real = htmldate.find_date
    monkeypatch.setattr(htmldate, "find_date", lambda *a, **k: calls.append(a) or real(*a, **k))
    feed_date = datetime(2024, 3, 14, 9, 30, tzinfo=UTC)
    page = extract_page(_UNDATED, url, known_date=feed_date)
    assert page.published == feed_date and calls == []
    assert page.title == "Harbour ferry resumes" and "400 passengers" in page.text
    # a date in the page's own tags still wins over the feed's
    tagged = _UNDATED.replace(
        "</head>", '<meta property="article:published_time" content="2024-03-13T18:00:00Z"></head>'
    )
    assert extract_page(tagged, url, known_date=feed_date).published == datetime(2024, 3, 13, 18, tzinfo=UTC)
    assert calls == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The Kestrel footbridge, built in 1998, was closed on Thursday after cracks were found in a girder.",
        "The index rose 2.5% to close at 2019 points on Thursday, traders on the harbour exchange said.",
    ],
)
def test_a_bare_year_in_the_text_is_no_publication_date(sentence: str) -> None:
    """With no date from the page's tags or the feed, htmldate's last resort read any year of the text as
    1 January of it: an undated report of a bridge "built in 1998" was published 1998-01-01, older than
    every other outlet's (so "first") and outside every window. A bare year is no date; a date the text
    writes in full still is, 1 January too."""
    from claimcheck.ingest.extract import extract_page

    page = _UNDATED.replace('<p class="dateline">Published 14 March 2024</p>', f"<p>{sentence}</p>")
    assert extract_page(page, "http://127.0.0.1:1/news/bridge.html").published is None
    new_year = _UNDATED.replace("Published 14 March 2024", "Published 1 January 2024")
    assert extract_page(new_year, "http://127.0.0.1:1/news/ferry.html").published == datetime(2024, 1, 1, tzinfo=UTC)


def test_a_fast_text_of_several_paragraphs_is_kept_without_the_full_cascade() -> None:
    from claimcheck.ingest.extract import _extract, needs_full_cascade

    paragraphs = "".join(
        f"<p>Paragraph {i} of the council's report says the new bridge will open in spring, after the "
        f"inspection of its piers and a week of load tests.</p>"
        for i in range(5)
    )
    html = f"<html><head><title>Bridge</title></head><body><article>{paragraphs}</article></body></html>"
    doc = _extract(parse_html(html), "http://127.0.0.1:1/b.html", with_metadata=False, fast=True)
    assert 500 <= len(doc.text) < 1000  # a brief: the cascade cannot double it from this page
    assert not needs_full_cascade(doc)
    short = _extract(
        parse_html(html.replace(paragraphs, paragraphs[:300] + "</p>")),
        "http://127.0.0.1:1/b.html",
        with_metadata=False,
        fast=True,
    )
    assert needs_full_cascade(short)

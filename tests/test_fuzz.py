"""Fuzzing the pure parsers (issue 5, section 5): they never raise anything but their own error, and
whatever they return points inside their input.

``extract_claims`` on arbitrary text is fuzzed in test_claims.py; here it gets text built from the
pieces numbers and quotes are made of, which random text rarely assembles.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.errors import FetchError
from claimcheck.ingest.decode import clean_text, decode_html
from claimcheck.ingest.feeds import FeedParseError, parse_feed
from claimcheck.urls import fetchable_url

CORPUS = Path(__file__).resolve().parents[1] / "claimcheck" / "demo" / "corpus"
REAL = Path(__file__).resolve().parents[2] / "shared" / "realdata" / "news-feeds-2026-02"
SEEDS = sorted(CORPUS.glob("*/rss.xml"))[:6] + sorted(REAL.glob("*.xml"))[:6]
SEED_BYTES = [p.read_bytes()[:40_000] for p in SEEDS]
BASE = "http://127.0.0.1:8000/feeds/world.xml"
CTYPES = st.sampled_from(
    [None, "application/rss+xml", "text/xml; charset=utf-8", "text/html; charset=windows-1251",
     "application/atom+xml; charset=latin-1", "text/plain; charset=bogus-9", "application/xml; charset=\x00"]
)  # fmt: skip


def check(body: bytes, ctype: str | None) -> None:
    try:
        parsed = parse_feed(body, BASE, ctype)
    except FeedParseError as e:
        assert str(e) and "\n" not in str(e)
        return
    for e in parsed.entries:
        # Absolute http(s); one that cannot be fetched (port 99999) is kept so the fetch says why, as a bad URL.
        assert e.link.lower().startswith(("http://", "https://")) and len(e.link) <= 2048, e.link
        try:
            assert urlsplit(fetchable_url(e.link)).hostname, e.link
        except FetchError as err:
            assert err.reason.startswith("bad URL: "), (e.link, err.reason)
        assert e.title is None or (0 < len(e.title) <= 500 and clean_text(e.title) == e.title)
    for child in parsed.sitemaps:
        assert fetchable_url(child) == child


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000), CTYPES)
def test_parse_feed_on_arbitrary_bytes(body: bytes, ctype: str | None) -> None:
    check(body, ctype)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(0, max(0, len(SEED_BYTES) - 1)),
    st.lists(st.tuples(st.floats(0, 1), st.sampled_from(["delete", "insert", "replace", "truncate"]),
                       st.binary(min_size=1, max_size=40)), min_size=1, max_size=6),
    CTYPES,
)  # fmt: skip
def test_parse_feed_on_mutated_real_feeds(
    seed: int, edits: list[tuple[float, str, bytes]], ctype: str | None
) -> None:
    body = bytearray(SEED_BYTES[seed])
    for where, op, chunk in edits:
        i = int(where * len(body))
        if op == "delete":
            del body[i : i + len(chunk) * 8]
        elif op == "insert":
            body[i:i] = chunk
        elif op == "replace":
            body[i : i + len(chunk)] = chunk
        else:
            del body[i:]
    check(bytes(body), ctype)


ITEM_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80) | st.sampled_from(
    ["javascript:alert(1)", "//evil.example/x", "/relative/path.html", "../up.html", "http://[::1", "http://",
     "file:///etc/passwd", "https://ok.example/a?b=c#d", "&amp;lt;script&amp;gt;", "\x1b[31m", "http://x/" + "a" * 3000]
)  # fmt: skip


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(ITEM_TEXT, ITEM_TEXT, ITEM_TEXT), max_size=5), st.booleans())
def test_parse_feed_on_arbitrary_entries(items: list[tuple[str, str, str]], atom: bool) -> None:
    """Well-formed feeds whose entries carry anything: links stay absolute http(s), titles plain text."""
    if atom:
        entries = "".join(
            f'<entry><title>{_esc(t)}</title><link href="{_esc(lk)}"/><id>{_esc(g)}</id></entry>'
            for t, lk, g in items
        )
        xml = f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>{entries}</feed>'
    else:
        entries = "".join(
            f"<item><title>{_esc(t)}</title><link>{_esc(lk)}</link><guid>{_esc(g)}</guid></item>"
            for t, lk, g in items
        )
        xml = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>{entries}</channel></rss>'
    check(xml.encode("utf-8", "surrogatepass"), "application/xml")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000), CTYPES)
def test_decode_html_always_gives_text(body: bytes, ctype: str | None) -> None:
    assert isinstance(decode_html(body, ctype), str)


NUMBERISH = st.sampled_from(
    ["more than", "nearly", "about", "at least", "up to", "some", "123", "1.2 million", "1,234", "three dozen",
     "430", "12%", "$5bn", "-3", "1e9", "½", "٣", "twenty-one", "a hundred", "between 10 and 20", "10-20",
     "political prisoners", "people", "since July 2024", "on Monday", "“", "”", '"', "«", "»", "'", "said",
     "told Reuters", "according to the BBC", "(AP) —", ".", ",", "\n", " ", "Mr.", "U.S.", "…"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(NUMBERISH | st.text(max_size=4), max_size=40).map(" ".join))
def test_extract_claims_on_number_and_quote_pieces(text: str) -> None:
    from claimcheck.claims import extract_claims

    for c in extract_claims(text, {"reuters": "reuters", "bbc": "bbc", "ap": "ap"}):
        assert 0 <= c.start <= c.end <= len(text)
        assert text[c.start : c.end] == c.text
        assert c.text in c.sentence

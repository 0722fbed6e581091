"""The two control-character filters of textsafe.py: one for stored text, one for display."""

from __future__ import annotations

from claimcheck.ingest.decode import clean_text
from claimcheck.textsafe import DISPLAY_CONTROL, STORED_TEXT_CONTROL, plain


def test_stored_text_keeps_the_joiners_persian_needs_and_display_drops_them() -> None:
    word = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # a Persian verb written with a zero-width non-joiner
    assert clean_text(f"{word}\x00\u200b end") == f"{word} end"
    assert not STORED_TEXT_CONTROL.search(word) and DISPLAY_CONTROL.search(word)
    assert "\u200c" not in plain(word) and "\u202e" not in plain("a\u202eb")


def test_records_hold_utc_aware_datetimes() -> None:
    """"All datetimes are UTC-aware" is enforced once, where records are made (models.py)."""
    from datetime import UTC, datetime

    from claimcheck.models import Article, FeedEntry

    naive = datetime(2025, 3, 4, 12, 0)
    a = Article(outlet="o", url="https://a.example/1", canonical_url="https://a.example/1", title="t", text="x",
                content_hash="h", fetched=naive, published=naive)  # fmt: skip
    assert a.fetched.tzinfo is UTC and a.published == naive.replace(tzinfo=UTC)
    assert FeedEntry("https://a.example/1", published=naive).published == naive.replace(tzinfo=UTC)


# Unicode's Bidi_Control characters (all twelve: the marks, embeddings, overrides and isolates), and the
# invisible format characters that a reader cannot see (word joiner, invisible operators, the BOM's
# zero-width no-break space, the Mongolian vowel separator).
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
INVISIBLE = "\u2060\u2061\u2062\u2063\u2064\ufeff\u180e"


def test_every_bidi_control_and_invisible_character_is_stripped_from_every_export() -> None:
    """The Arabic letter mark (U+061C), one of the twelve bidi controls, and the word joiner (U+2060) and
    its invisible kin went into every export (terminal, Markdown, CSV, HTML, JSON unescaped), while the
    other eleven and U+200B were stripped: "Raw\u061c=1" looked like its neighbour in a report."""
    import csv
    import io
    import json
    from datetime import UTC, datetime

    from claimcheck.models import Article, Outlet
    from claimcheck.render.stories import render
    from claimcheck.stories import list_stories
    from claimcheck.textsafe import csv_safe, html_escape, json_text, markdown_escape

    for ch in BIDI_CONTROLS + INVISIBLE:
        text = f"=Harbour{ch} report"
        assert ch not in plain(text) and ch not in markdown_escape(text) and ch not in html_escape(text), hex(ord(ch))
        assert csv_safe(text).startswith("'=") and ch not in csv_safe(text), hex(ord(ch))
        assert ch not in json_text(text) and json.loads(json_text(text)) == text, hex(ord(ch))
    t = datetime(2026, 3, 2, 8, tzinfo=UTC)
    title = f"Harbour{BIDI_CONTROLS}{INVISIBLE} floods close the quay"
    arts = [
        Article(o, f"https://{o}.example/1", f"https://{o}.example/1", title, "The harbour quay flooded.", o, t, published=t)
        for o in ("a", "b")
    ]
    result = list_stories(arts, {o: Outlet(o, o.upper()) for o in ("a", "b")}, min_outlets=1)
    for fmt in ("table", "markdown", "csv"):
        out = render(result, fmt)
        assert not any(ch in out for ch in BIDI_CONTROLS + INVISIBLE), fmt
    assert next(csv.DictReader(io.StringIO(render(result, "csv"))))["title"] == "Harbour floods close the quay"
    assert not any(ch in render(result, "json") for ch in BIDI_CONTROLS + INVISIBLE)


def test_json_text_inline_writes_deep_records_and_plain_arrays_on_one_line_and_reads_back_the_same() -> None:
    """stories' JSON: each article on one line (the C encoder writes it), the levels above indented; the value
    read back is the same, and controls are escaped as everywhere."""
    import json

    from claimcheck.textsafe import json_text

    data = {
        "stories": [
            {"id": "s1", "terms": ["a", "b"], "articles": [{"title": "Fares \u202erise\x1b", "n": 1.5}, {}]},
            {"id": "s2", "terms": [], "articles": [{"title": 'quote " and \\', "ok": None}]},
        ],
        "n": 2,
    }
    for inline in (0, 1, 2, 3, 4, 8):
        text = json_text(data, inline=inline)
        assert json.loads(text) == data and "\x1b" not in text and "\u202e" not in text
    lines = json_text(data, inline=4).splitlines()
    assert '        {"title": "Fares \\u202erise\\u001b", "n": 1.5},' in lines
    assert '      "terms": ["a", "b"],' in lines
    assert json_text({"a": {"b": 1}}, inline=9) == json.dumps({"a": {"b": 1}}, indent=2)

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

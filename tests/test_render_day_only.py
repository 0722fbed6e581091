"""A publication stamped with its day only (00:00, as a feed that gives only the day stamps it) is shown as that
day, never as a made-up midnight, in the stories table and in the Markdown evidence (look19's "seen and left")."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from claimcheck.render.common import published_text
from claimcheck.render.stories import short_time


def test_a_day_only_stamp_is_shown_as_its_day() -> None:
    assert published_text(datetime(2025, 12, 13, tzinfo=UTC)) == "2025-12-13"
    assert short_time(datetime(2025, 12, 13, tzinfo=UTC), 2025) == "13 Dec"
    assert short_time(datetime(2024, 12, 13, tzinfo=UTC), 2025) == "13 Dec 2024"


def test_a_time_of_day_is_shown_with_its_clock() -> None:
    assert published_text(datetime(2025, 12, 13, 9, 12, tzinfo=UTC)) == "2025-12-13 09:12"
    assert published_text(datetime(2025, 12, 13, 0, 0, 30, tzinfo=UTC)) == "2025-12-13 00:00"  # seconds past midnight
    assert short_time(datetime(2025, 12, 13, 9, 12, tzinfo=UTC), 2025) == "13 Dec 09:12"
    cet = timezone(timedelta(hours=1))
    assert published_text(datetime(2025, 12, 13, 9, 12, tzinfo=cet)) == "2025-12-13 09:12 +0100"
    assert published_text(None) == "undated"

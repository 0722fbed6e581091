"""The lead's round 19: a month or a year named from the day of publication ("last month", "last year") is the
calendar month or year the outlet means, so it joins outlets that name it ("in February", "in 2025") and stays
apart from other months and years. Invented sentences of economics, business and sport."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from test_match_general import joined  # articles published on 2 March 2026

from claimcheck.match.normalize import dated_when, when_compatible


@pytest.mark.parametrize(
    ("when", "published", "expected"),
    [
        ("last month", datetime(2026, 3, 10, tzinfo=UTC), "last month (February 2026)"),
        ("this month", datetime(2026, 3, 10, tzinfo=UTC), "this month (March 2026)"),
        ("last month", datetime(2026, 1, 15, tzinfo=UTC), "last month (December 2025)"),
        ("earlier this year", datetime(2026, 6, 3, tzinfo=UTC), "earlier this year (2026)"),
        ("last year", datetime(2026, 6, 3, tzinfo=UTC), "last year (2025)"),
        ("next year", datetime(2026, 6, 3, tzinfo=UTC), "next year (2027)"),
        ("next month", datetime(2026, 12, 10, tzinfo=UTC), "next month (January 2027)"),
        # the turn of a month or a year: the outlet's own time zone may put the day on the other side
        ("last month", datetime(2026, 3, 1, 2, tzinfo=UTC), "last month"),
        ("last month", datetime(2026, 3, 31, 22, tzinfo=UTC), "last month"),
        ("last year", datetime(2026, 1, 1, 5, tzinfo=UTC), "last year"),
        # not named from the day of publication, or no day known
        ("in the previous month", datetime(2026, 3, 10, tzinfo=UTC), "in the previous month"),
        ("since last year", datetime(2026, 3, 10, tzinfo=UTC), "since last year"),
        ("last month", None, "last month"),
    ],
)
def test_a_month_or_year_named_from_the_day_of_publication(
    when: str, published: datetime | None, expected: str
) -> None:
    assert dated_when(when, published) == expected


def test_dated_qualifiers_compare_as_calendar_parts() -> None:
    assert when_compatible("last month (February 2026)", "in February")
    assert when_compatible("last year (2025)", "in 2025")
    assert not when_compatible("last month (February 2026)", "in January")
    assert not when_compatible("last month (February 2026)", "last month (March 2026)")


def test_last_month_joins_the_month_named() -> None:
    assert joined("The jobless rate rose to 4.7% in February, the statistics office said.",
                  "Unemployment rose to 4.7% last month, official figures showed.")  # fmt: skip
    assert joined("Car sales fell 2.3% in February, the industry body said.",
                  "New car registrations fell 2.3% last month.")  # fmt: skip


def test_last_year_joins_the_year_named() -> None:
    assert joined("The brewer made a profit of $2.1 billion last year.",
                  "The brewer made a profit of $2.1 billion in 2025, it said.")  # fmt: skip


def test_last_month_stays_apart_from_another_month() -> None:
    assert not joined("Factory output fell 2.3% in January.", "Factory output fell 2.3% last month.")
    assert not joined("The club sold 41,000 season tickets in 2024.",
                      "The club sold 41,000 season tickets last year.")  # fmt: skip

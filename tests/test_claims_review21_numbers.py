"""review21: misfire21's number rules on other kinds of news (sentences invented for these tests)."""

from __future__ import annotations

import pytest


def _numbers(text: str) -> list[tuple[float, str | None]]:
    from claimcheck.claims import extract_claims

    return [(c.value.low, c.unit) for c in extract_claims(text) if c.kind == "number" and c.value is not None]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The council will run 40 late-night buses over the holidays.", "late-night buses"),
        ("The league moved 12 mid-week fixtures to the weekend.", "mid-week fixtures"),
        ("The club made 3 mid-season signings.", "mid-season signings"),
    ],
)
def test_a_time_compound_before_a_plural_noun_counts_it(text: str, unit: str) -> None:
    assert [u for _, u in _numbers(text)] == [unit]


def test_a_time_part_still_ends_the_phrase_before_a_clause() -> None:
    assert [u for _, u in _numbers("The index rose to 57 mid-week as traders returned.")] == [None]


def test_a_tide_of_people_is_millions_not_metres() -> None:
    assert _numbers("A tide of 2m refugees crossed the border.") == [(2_000_000.0, "refugees")]
    assert _numbers("The tide rose by 2m overnight.")[0] == (2.0, "m")

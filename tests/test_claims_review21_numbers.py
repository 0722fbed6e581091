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


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("2 / 3 of voters backed the plan in the poll.", (2.0, "voters")),
        ("4 / 5 of the homes in the valley were flooded, the council said.", (4.0, "homes")),
    ],
)
def test_a_spaced_fraction_before_a_small_word_is_no_slideshow_counter(text: str, want: tuple) -> None:
    from claimcheck.claims.statements import is_furniture

    assert not is_furniture(text)
    assert want in _numbers(text)


def test_a_slideshow_counter_before_a_capital_stays_furniture() -> None:
    from claimcheck.claims.statements import is_furniture

    assert is_furniture("3 / 18 Crowds gather outside the stadium before the final")

"""A fraction of a scale or of a percentage point is one figure: "three-quarters of a million people" is 750,000
people (it read as 3 "quarters" and a million people), "a quarter of a percentage point" and "a quarter point"
beside a rate are 0.25 points (no claim, or a bare "a quarter", before)."""

from __future__ import annotations

import pytest
from test_match_general import joined

from claimcheck.claims import extract_claims


def numbers(text: str) -> list[tuple[float | None, str | None]]:
    return [(round(c.value.low, 2), c.unit) for c in extract_claims(text) if c.kind == "number" and c.value and c.value.low is not None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three-quarters of a million people marched through the capital.", [(750000.0, "people")]),
        ("Half a million homes lost power after the storm.", [(500000.0, "homes")]),
        ("Two-thirds of a billion dollars was spent on the bridge.", [(666666666.67, "dollars")]),
        ("The central bank raised rates by half a percentage point.", [(0.5, "percentage points")]),
        ("The central bank cut rates by a quarter of a percentage point.", [(0.25, "percentage points")]),
        ("The Fed cut its main rate by a quarter point on Wednesday.", [(0.25, "percentage points")]),
        ("A quarter of the budget went on wages.", [(0.25, "budget")]),  # a share of a whole stays one
    ],
)
def test_a_fraction_of_a_scale_or_of_a_point(text: str, expected: list[tuple[float, str]]) -> None:
    assert numbers(text) == expected


def test_half_a_point_of_a_contest_is_no_rate() -> None:
    assert numbers("The champion drew the last game and took half a point.") == []


def test_a_quarter_point_and_its_figure_are_one_fact() -> None:
    assert joined("The central bank cut its main rate by a quarter of a percentage point to 4.5%.",
                  "The central bank lowered its main rate by 0.25 percentage points to 4.5% on Thursday.")  # fmt: skip

"""A race's distance run in a time glued to its decimals, or after the verb that runs or swims it (lead20)."""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims


def _first_number(sentence: str) -> tuple[float, str | None]:
    c = next(c for c in extract_claims(sentence) if c.kind == "number")
    assert c.value is not None
    return c.value.low, c.unit


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The sprinter ran 100m in 9.8s.", 100.0, "m"),
        ("Bolt ran the 100m in 9.58s in Berlin.", 100.0, "m"),
        ("The teenager swam 400m in four minutes at the national championships.", 400.0, "m"),
        ("Kovacs swam 200m in 1:54.3 to win her heat.", 200.0, "m"),
        # money stays money, whatever the clock
        ("The firm raised 100m in 2.5s flat, traders joked.", 100e6, None),
        ("The club ran up 200m in debts before the final.", 200e6, None),
        ("The campaign ran 400m adverts in the 1990s.", 400e6, "adverts"),
    ],
)
def test_race_distance_or_millions(sentence: str, value: float, unit: str | None) -> None:
    assert _first_number(sentence) == (value, unit)

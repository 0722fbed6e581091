"""The lead's round 19: race distances listed together ("the 100m and 200m titles"), a tally with a
legislature's chamber after it ("defeated 201-199 in the lower house"), and a currency named after the figure
("310 million euros") as money. Invented sentences of several kinds of news: what must change and what must
stay."""

from __future__ import annotations

import pytest
from test_match_general import joined

from claimcheck.claims import extract_claims


def numbers(text: str) -> list[tuple[float, float | None, str | None]]:
    return [(c.value.low, c.value.high, c.unit) for c in extract_claims(text) if c.kind == "number" and c.value]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She won the 100m and 200m titles at the championships.", [100.0, 200.0]),
        ("He took gold in the 100m, 200m and 400m at the Olympics.", [100.0, 200.0, 400.0]),
        ("The sprinter broke the 200m record at the national championships.", [200.0]),
    ],
)
def test_race_distances_listed_together_are_metres(text: str, expected: list[float]) -> None:
    got = numbers(text)
    assert [low for low, _, _ in got] == expected
    assert {u for _, _, u in got} == {"m"}


@pytest.mark.parametrize(
    "text",
    [
        "The club spent 100m and 200m on two strikers during the title race.",
        "The firm raised £100m and £200m for the championships.",
        "Some 100m viewers watched the Olympics final.",
    ],
)
def test_money_and_audiences_in_a_sporting_sentence_stay_millions(text: str) -> None:
    assert all(low >= 1_000_000 for low, _, u in numbers(text) if u in (None, "pounds", "viewers"))
    assert any(low >= 1_000_000 for low, _, _ in numbers(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The amendment was defeated 201-199 in the lower house on Tuesday.", 201.0),
        ("The bill lost 48-52 in the Senate after a late rebellion.", 52.0),
        ("The motion was carried 312-256 in the Commons.", 312.0),
    ],
)
def test_a_tally_in_a_chamber_is_a_vote(text: str, value: float) -> None:
    assert numbers(text) == [(value, value, "vote")]


@pytest.mark.parametrize(
    "text",
    [
        "Rovers were defeated 3-1 in the final.",
        "Harrow won 2-0 in the Senate Cup final.",
        "They carried a 3-1 lead into the break.",
    ],
)
def test_games_stay_scores(text: str) -> None:
    assert [u for _, _, u in numbers(text)] == ["score"]


@pytest.mark.parametrize(
    "text",
    [
        "The bank paid 310 million euros in tax last year.",
        "The ticket cost 500 Swiss francs.",
        "The ministry set aside 12 billion yen for the rebuild.",
        "Fuel rose by 40 rupees a litre.",
    ],
)
def test_a_currency_named_after_the_figure_is_money(text: str) -> None:
    got = [c.extra.get("measure") for c in extract_claims(text) if c.kind == "number"]
    assert got and got[0] == "money"


def test_other_nouns_after_a_figure_are_no_money() -> None:
    for text in ("The team won 3 games in a row.", "The farm lost 40 sheep in the storm."):
        assert all(c.extra.get("measure") != "money" for c in extract_claims(text) if c.kind == "number")


def test_money_in_words_keeps_a_tax_and_a_profit_apart() -> None:
    assert not joined("The bank paid 310 million euros in tax.", "The bank made a profit of 310 million euros.")
    assert joined("The bank paid €310m in tax last year, its report showed.",
                  "The bank paid 310 million euros in tax last year, the report said.")  # fmt: skip

"""A title-case headline's verb before a figure ("Storm Kills 12 People", "Gunman Kills 5") is no name: the figure
counts. Before, the capitalised word before the number read as a product's or a series' name ("Apollo 11",
"Windows 11") and the headline's figure was lost. Names stay names, whatever the case."""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims
from claimcheck.claims.lexicon import HEADLINE_VERBS


def numbers(text: str) -> list[tuple[float | None, str | None]]:
    """(value, unit) of each number claim of ``text``."""
    return [(c.value.low, c.unit) for c in extract_claims(text) if c.kind == "number" and c.value]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Storm Kills 12 People In Texas", [(12.0, "deaths")]),
        ("Gunman Kills 5 At Maryland Newspaper", [(5.0, "deaths")]),
        ("Landslide Kills 300, Injures Thousands In Hill Villages", [(300.0, "deaths"), (2000.0, "injured")]),
        ("Police Arrest 40 After Night Of Rioting", [(40.0, "arrested")]),
        ("Carmaker Axes 300 Staff At Welsh Plant", [(300.0, "staff")]),
        ("Regulator Fines 3 Banks Over Rate Rigging", [(3.0, "banks")]),
        ("Junta Frees 26 Prisoners Ahead Of Talks", [(26.0, "prisoners")]),
        ("Striker Scores 4 Goals In Cup Rout", [(4.0, "goals")]),
        ("Bus Plunges Into Gorge, Killing 23", [(23.0, "deaths")]),
        ("Cyclone Batters Coast, Leaving 40 Dead", [(40.0, "deaths")]),
    ],
)
def test_a_headline_verb_before_a_figure_leaves_the_count(
    text: str, expected: list[tuple[float, str]]
) -> None:
    assert numbers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Apollo 11 Crew Returns To Houston",
        "Windows 11 Users Report Crashes",
        "Amazon Fire 7 Tablets Go On Sale",
        "Order 66 Explained For New Fans",
        "Top 10 Films Of The Decade",
        "Release 5 Of The Toolkit Is Out",
    ],
)
def test_a_name_with_a_figure_stays_a_name_in_a_headline(text: str) -> None:
    assert numbers(text) == []


def test_base_forms_that_name_products_or_series_are_not_verbs_here() -> None:
    # "Fire 7", "Order 66", "Top 10", "Release 5", "Record 1" name things; their -s and -ed forms are verbs
    for name in ("fire", "order", "top", "release", "record", "total", "score", "save"):
        assert name not in HEADLINE_VERBS
    for verb in (
        "fires",
        "fired",
        "ordered",
        "tops",
        "topped",
        "released",
        "scores",
        "kills",
        "leaves",
        "axes",
        "tallied",
    ):
        assert verb in HEADLINE_VERBS


# A model's designation between a count and its noun, with an adjective before the name or a letter code glued
# to its figure: the count counts the plural; the designation's own figure counts nothing.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The airline ordered 40 new Boeing 737 jets.", [(40.0, "jets")]),
        ("The agency will fly two more Falcon 9 rockets this year.", [(2.0, "rockets")]),
        ("More than 40 older Airbus A320 jets were grounded.", [(40.0, "jets")]),
        ("Engineers tested single-stick Falcon 9 rockets.", []),
        ("The US gives Ukraine 40 tanks.", [(40.0, "tanks")]),  # a lone name after a verb: a count follows
        ("In Ohio 3 schools closed.", [(3.0, "schools")]),
    ],
)
def test_a_models_designation_is_no_count(text: str, expected: list[tuple[float, str]]) -> None:
    assert numbers(text) == expected


# A rising toll in a title-case headline: its preposition ("To") is no name before the figure.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Death Toll Rises To 1,200", [(1200.0, "deaths")]),
        ("Mine Collapse Death Toll Climbs To 52 In Province", [(52.0, "deaths")]),
        ("Ferry Disaster Toll Nears 300 As Search Goes On", [(300.0, None)]),  # as in lower case
    ],
)
def test_a_rising_toll_in_a_title_case_headline(text: str, expected: list[tuple[float, str | None]]) -> None:
    assert numbers(text) == expected


# A headline in capitals throughout is read as in title case: "12 IN TEXAS" counted "in texas" before.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("STORM KILLS 12 IN TEXAS", [(12.0, "deaths")]),
        ("BREAKING: 40 DEAD AFTER BUS CRASH", [(40.0, "deaths")]),
        ("TWO KILLED AS STORM HITS COAST", [(2.0, "deaths")]),
        ("UN SAYS 300 CIVILIANS DIED", [(300.0, "civilians")]),
        ("Police Say 3 Men Held After Raid", [(3.0, "men")]),
    ],
)
def test_a_headline_in_capitals_reads_as_one_in_title_case(text: str, expected: list[tuple[float, str]]) -> None:
    assert numbers(text) == expected

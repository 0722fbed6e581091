"""Round variants30: one fact told in other words, ninth round (issue 12 §3). Each rule is tried on sentences
written here from other kinds of news than the events it was seen on (a cold snap, a ski resort, fell and cycle
races, a quiz, a port's trade, a charity), with what must stay apart; the loopback tests at the end serve the TUNE
part of tests/data/variants30_events.json (ten events; two more are the check part by the fixed sha1 rule, never
served here) through the real `claimcheck fetch` and compare."""

from __future__ import annotations

from typing import Any

import pytest
from test_match_general import number_rows, row_of

from claimcheck.claims import extract_claims

# --- rule 1: a reading below zero meets the same reading below zero, and its other scale ---------------------------


def test_a_temperature_below_zero_meets_itself_in_other_words() -> None:
    rows = number_rows("Temperatures fell to minus 9C at Kelby overnight, the weather office said.",
                       "It was -9C in Kelby overnight, forecasters said.")  # fmt: skip
    assert len(row_of(rows, "-9C")) == 2
    rows = number_rows("The ski resort at Harnfell recorded minus 21 degrees Celsius on Sunday.",
                       "Harnfell shivered at -21C on Sunday.")  # fmt: skip
    assert len(row_of(rows, "-21C")) == 2


def test_a_temperature_below_zero_meets_its_fahrenheit() -> None:
    rows = number_rows("Temperatures fell to minus 9C at Kelby overnight.",
                       "Kelby saw a low of 15.8F overnight, forecasters said.")  # fmt: skip
    assert len(row_of(rows, "15.8F")) == 2


def test_a_temperature_below_zero_stays_apart_from_its_size_above_zero() -> None:
    rows = number_rows("Temperatures fell to minus 14C at Ambleholt overnight.",
                       "Ambleholt recorded 14C on Tuesday afternoon.")  # fmt: skip
    assert len(row_of(rows, "minus 14C")) == 1
    rows = number_rows("Temperatures fell to -3C at Kelby overnight.", "Kelby will be 3C warmer on Friday.")
    assert len(row_of(rows, "-3C")) == 1
    # another reading below zero of another size
    rows = number_rows("Temperatures fell to minus 9C at Kelby overnight.", "It was -12C in Kelby overnight.")
    assert len(row_of(rows, "minus 9C")) == 1


# --- rule 2: the field of a race or a contest is one class ---------------------------------------------------------


def test_the_field_of_a_race_is_one_count_in_other_nouns() -> None:
    rows = number_rows("Some 212 runners started the fell race at Tarnby.",
                       "The fell race at Tarnby had 212 entrants.")  # fmt: skip
    assert len(row_of(rows, "212 entrants")) == 2
    rows = number_rows("The cycle race at Tarnby drew 180 participants.", "The cycle race at Tarnby had 180 competitors.")
    assert len(row_of(rows, "180 competitors")) == 2


def test_other_people_at_a_race_stay_apart_from_its_field() -> None:
    # a precise figure of two nouns of persons joined before ("212 runners" / "212 volunteers"): the field is a
    # class now, and the volunteers, marshals and stewards are not in it
    rows = number_rows("Some 212 runners started the fell race at Tarnby.",
                       "Some 212 volunteers helped at the fell race at Tarnby.")  # fmt: skip
    assert len(row_of(rows, "212 volunteers")) == 1
    rows = number_rows("Some 212 runners started the fell race at Tarnby.",
                       "The fell race at Tarnby had 212 marshals.")  # fmt: skip
    assert len(row_of(rows, "212 marshals")) == 1


def test_finishers_athletes_and_people_still_meet_the_field() -> None:
    # what the precise figure joined before stays joined
    for other in ("212 finishers", "212 athletes", "212 people"):
        rows = number_rows("Some 212 runners started the fell race at Tarnby.", f"The fell race at Tarnby had {other}.")
        assert len(row_of(rows, other)) == 2, other


# --- rule 3: a spaced dash before a smaller figure opens an aside ---------------------------------------------------


def _figures(sentence: str) -> list[tuple[float | None, float | None]]:
    return [(c.value.low, c.value.high) for c in extract_claims(sentence) if c.kind == "number" and c.value]


def test_a_dash_aside_keeps_both_figures() -> None:
    assert _figures("The port's trade rose to £4.2bn - 310,000 more containers than in 2024.") == [
        (4.2e9, 4.2e9), (310000, 310000)]  # fmt: skip
    assert _figures("The charity raised nearly 2.5million - 40,000 pounds more than last year.") == [
        (2.3e6, 2.5e6), (40000, 40000)]  # fmt: skip


def test_scores_and_ranges_with_a_dash_stay_as_they_were() -> None:
    assert _figures("Rovers won 2 - 1 at Tarnby on Saturday.") == []
    assert _figures("The Hawks won 104 - 98 on Friday night.") == []
    assert _figures("Crowds of 5,000 - 8,000 people were expected.") == [(5000, 8000)]


# --- rule 4: a conversion rounded to one or two digits ----------------------------------------------------------


def test_a_conversion_rounded_to_its_digits_meets_the_original() -> None:
    rows = number_rows("Traffic queued for 12 km on the Orrin road after the crash.",
                       "Traffic queued for seven miles on the Orrin road after the crash.")  # fmt: skip
    assert len(row_of(rows, "seven miles")) == 2
    rows = number_rows("The tanker spilled 4,000 litres of diesel into the Orrin canal.",
                       "About 1,000 gallons of diesel leaked from the tanker into the Orrin canal.")  # fmt: skip
    assert len(row_of(rows, "1,000 gallons")) == 2


def test_a_conversion_that_rounds_to_another_figure_stays_apart() -> None:
    rows = number_rows("Traffic queued for 12 km on the Orrin road after the crash.",
                       "Traffic queued for eight miles on the Orrin road after the crash.")  # fmt: skip
    assert len(row_of(rows, "eight miles")) == 1
    rows = number_rows("The trawler sank 8 km off Carrick Point, the coastguard said.",
                       "The trawler went down three miles off Carrick Point.")  # fmt: skip
    assert len(row_of(rows, "three miles")) == 1


# --- the invented events over loopback ----------------------------------------------------------------------------

Scored = tuple[list[Any], list[Any], list[dict[str, Any]], tuple[int, int, int]]


@pytest.fixture(scope="module")
def scored() -> Scored:
    import variants_eval

    return variants_eval.scored_part("variants30_events.json")


@pytest.mark.slow  # one fetch of about 50 pages and a compare
def test_events_keep_their_different_facts_apart(scored: Scored) -> None:
    _, joined_apart, _, (_, stray, conflict_rows) = scored
    assert joined_apart == []
    assert stray == 0
    assert conflict_rows == 0


@pytest.mark.slow
def test_events_a_reading_below_zero_in_four_wordings_and_two_scales_is_one_row(scored: Scored) -> None:
    import variants_eval

    (fact,) = [f for f in scored[0] if f.fact.get("value") == -14]
    pieces = ["minus 14 degrees Celsius", "Ambleholt recorded minus 14C", "fell to -14C (6.8F)"]
    assert set(pieces) <= set(fact.fact["pieces"])
    held = [{i for i, r in enumerate(scored[2]) if variants_eval.holds(r, p, fact.fact)} for p in pieces]
    assert all(held) and set.intersection(*held), (pieces, held)


def test_harness_wide_range_holds_no_smaller_figure() -> None:
    """variants_eval: "within 30 hours" (0-30) held every smaller figure of its sentence ("two were caught"), so its
    row counted for another fact; a narrow range (an approximation) still holds the figure inside it."""
    from tests.variants_eval import _near

    assert not _near({"low": 0, "high": 30}, 2)
    assert not _near({"low": 200, "high": 900}, 300)  # "hundreds of"
    assert _near({"low": 0, "high": 30}, 30)
    assert _near({"low": 2250, "high": 2750}, 2500)  # "about 2,500"
    assert _near({"low": 123, "high": 123}, 123)

"""Round variants29: one fact told in other words, eighth round (issue 12 §3). Each rule is tried on sentences
written here from several kinds of news, matched by match_facts, with what must stay apart; the loopback tests at
the end serve the TUNE part of tests/data/variants29_events.json (five events; four more are the check part by the
fixed sha1 rule, never served here) through the real `claimcheck fetch` and compare."""

from __future__ import annotations

from typing import Any

import pytest
from test_match_general import number_rows, row_of

# --- rule 1: years, decades and centuries convert into one another ------------------------------------------------


def test_a_length_in_decades_meets_the_same_length_in_years() -> None:
    rows = number_rows("The village had its wettest winter in 40 years, the weather office said.",
                       "Forecasters said it was the wettest winter for four decades in the village.")  # fmt: skip
    assert len(row_of(rows, "40 years")) == 2
    rows = number_rows("The abbey's oak roof has stood for 200 years, the trust said.",
                       "The trust said the abbey's oak roof had stood for two centuries.")  # fmt: skip
    assert len(row_of(rows, "two centuries")) == 2


def test_decades_of_other_things_or_other_lengths_stay_apart() -> None:
    # the same length of another thing (no two words in common)
    rows = number_rows("The village had its wettest winter in 40 years.",
                       "The baker has traded on the high street for four decades.")  # fmt: skip
    assert len(row_of(rows, "40 years")) == 1
    # another length of the same thing
    rows = number_rows("The village had its wettest winter in 30 years, the weather office said.",
                       "Forecasters said it was the wettest winter for four decades in the village.")  # fmt: skip
    assert len(row_of(rows, "four decades")) == 1
    # a count of days never meets a count of years, whatever its size
    rows = number_rows("The ferry line has run for 3,650 days without a crossing lost.",
                       "The ferry line has run for ten years without a crossing lost.")  # fmt: skip
    assert len(row_of(rows, "ten years")) == 1


# --- rule 2: a scorer's goals told as "times" ---------------------------------------------------------------------


def test_a_scorer_netting_n_times_meets_n_goals() -> None:
    rows = number_rows("The striker, who scored 14 league goals last season, joined the club on Friday.",
                       "The hitman netted 14 times in the league last term.")  # fmt: skip
    assert len(row_of(rows, "14 times")) == 2
    rows = number_rows("Ines Hald scored 31 goals for Brookvale last season.",
                       "Hald found the net 31 times for Brookvale last season.")  # fmt: skip
    assert len(row_of(rows, "31 times")) == 2


def test_other_times_stay_apart_from_goals() -> None:
    rows = number_rows("Ines Hald scored 31 goals for Brookvale last season.",
                       "Hald was booked 31 times for Brookvale last season.")  # fmt: skip
    assert len(row_of(rows, "31 times")) == 1
    rows = number_rows("Ines Hald scored 14 goals for Brookvale last season.",
                       "Hald struck the post 14 times for Brookvale last season.")  # fmt: skip
    assert len(row_of(rows, "14 times")) == 1


# --- rule 3: a deal penned is a contract signed -------------------------------------------------------------------


def test_a_penned_deal_meets_a_signed_contract() -> None:
    rows = number_rows("The 24-year-old, who scored 12 goals last season, signed a four-year contract.",
                       "He has penned a four-year deal.")  # fmt: skip
    assert len(row_of(rows, "four-year deal")) == 2
    rows = number_rows(
        "The goalkeeper signed a three-year contract on Monday.", "She inked a three-year deal."
    )
    assert len(row_of(rows, "three-year deal")) == 2


def test_a_deal_of_another_length_stays_apart() -> None:
    rows = number_rows("The 24-year-old signed a four-year contract.", "He has penned a five-year deal.")
    assert len(row_of(rows, "five-year deal")) == 1


# --- rule 4: a month or a weekday names no person or place ---------------------------------------------------------


def test_a_month_does_not_keep_a_small_figure_from_its_fact() -> None:
    rows = number_rows("Oskey Water will ban hosepipes after the driest spring in 60 years.",
                       "Rainfall since March has been 23 per cent of the average, the driest spring for six decades.")  # fmt: skip
    assert len(row_of(rows, "six decades")) == 2
    rows = number_rows("Hald found the net 31 times for Brookvale last season.",
                       "On Saturday she completed 31 goals for the season.")  # fmt: skip
    assert len(row_of(rows, "31 goals")) == 2


def test_two_different_names_still_keep_a_small_figure_apart() -> None:
    # the guard the rule keeps: two sentences naming different people stay two facts
    rows = number_rows("Hald found the net 31 times for Brookvale in March.",
                       "Orrin scored 31 goals for Tellford in March.")  # fmt: skip
    assert len(row_of(rows, "31 goals")) == 1


# --- rule 5: going unnoticed and being found out are one context --------------------------------------------------


def test_a_length_undetected_meets_the_length_before_it_was_found() -> None:
    rows = number_rows("The leak went undetected for 9 months, the water board said.",
                       "The leak ran for 9 months before it was spotted.")  # fmt: skip
    assert len(row_of(rows, "9 months")) == 2
    rows = number_rows("The fraud went unnoticed for six years, the court heard.",
                       "The scheme ran for six years before it was discovered.")  # fmt: skip
    assert len(row_of(rows, "six years")) == 2


def test_notice_and_other_things_spotted_stay_apart() -> None:
    rows = number_rows("The leak went unnoticed for three months.", "Staff must give three months' notice.")
    assert len(row_of(rows, "three months")) == 1
    rows = number_rows("The leak went undetected for 9 months, the water board said.",
                       "Divers spotted 9 seals near the outfall on Monday.")  # fmt: skip
    assert len(row_of(rows, "9 seals")) == 1


# --- the invented events over loopback ----------------------------------------------------------------------------

# (event, value, the pieces that must share one row): the body wordings; the headline fragments ("19 Goals.",
# "Signs Five-Year Deal") stay out, the headline-and-body limit every round notes
ONE_ROW = [
    # rules 1 and 4: "in 60 years" / "since March ... the driest spring for six decades"
    ("weather: drought brings hosepipe ban", 60, ["driest spring in 60 years", "driest spring for six decades"]),
    # rule 2: "netted 19 times in the league"
    ("football: striker joins on deadline day", 19,
     ["scored 19 league goals", "netted 19 times in the league", "had 19 goals in the league"]),
    # rule 3: "penned a five-year deal"
    ("football: striker joins on deadline day", 5, ["signed a five-year contract", "penned a five-year deal"]),
]  # fmt: skip

Scored = tuple[list[Any], list[Any], list[dict[str, Any]], tuple[int, int, int]]


@pytest.fixture(scope="module")
def scored() -> Scored:
    import variants_eval

    return variants_eval.scored_part("variants29_events.json")


@pytest.mark.slow  # one fetch of about 25 pages and a compare
def test_events_keep_their_different_facts_apart(scored: Scored) -> None:
    _, joined_apart, _, (_, stray, conflict_rows) = scored
    assert joined_apart == []
    assert stray == 0
    assert conflict_rows == 0


@pytest.mark.slow
@pytest.mark.parametrize(("event", "value", "pieces"), ONE_ROW)
def test_events_one_fact_in_other_words_is_one_row(
    scored: Scored, event: str, value: float, pieces: list[str]
) -> None:
    import variants_eval

    (fact,) = [f for f in scored[0] if f.event == event and f.fact.get("value") == value]
    assert set(pieces) <= set(fact.fact["pieces"])
    held = [{i for i, r in enumerate(scored[2]) if variants_eval.holds(r, p, fact.fact)} for p in pieces]
    assert all(held) and set.intersection(*held), (pieces, held)

"""Round tolls23: rising tolls on invented reporting (issue 12 part 3). A toll evolves only within one event: two
reports of an undated toll weeks apart, or naming two places and none in common, are two events; a bare toll's
figure and "killed four miners" count deaths. Sentences here are our own, from many kinds of news; the slow test
at the end serves the TUNE part of tests/data/evolve23_events.json over loopback."""

from __future__ import annotations

import pytest
import variants_eval
from test_match_conflicts import _facts, evolving, joined

from claimcheck.claims import extract_claims

WEEKS = 24 * 21.0  # three weeks, in hours


def _units(text: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.unit) for c in extract_claims(text) if c.kind == "number"]


# --- claims: what a toll counts ------------------------------------------------------------------------------


def test_a_bare_toll_that_a_verb_of_change_gives_counts_deaths() -> None:
    # headlines and body sentences of disasters
    assert _units("Landslide toll rises to 14") == [("14", "deaths")]
    assert _units("Ferry Disaster Toll Reaches 52") == [("52", "deaths")]
    assert _units("The toll from Sunday's avalanche rose to 6, the mountain rescue service said.") == [("6", "deaths")]
    assert _units("A second climber died in hospital, bringing the toll to 3.") == [("3", "deaths")]
    assert _units("The toll stands at 11, officials said.") == [("11", "deaths")]


def test_a_toll_that_is_a_price_a_fee_or_another_count_is_no_death_toll() -> None:
    # transport: a road's or a bridge's toll is a price
    assert _units("The bridge toll rose to 7 this year.")[0][1] != "deaths"
    assert _units("The toll on the ring road rose to 4 in 2024.")[0][1] != "deaths"
    # business: a payment to someone, not a figure of the toll
    assert _units("Hauliers paid the toll to 4 different operators.") == [("4 different operators", "different operators")]
    # a toll of another count keeps its own thing
    assert _units("The toll of injured rose to 40.") == [("40", "injured")]
    # sport and polls: a tally or a share that rises is no toll
    assert _units("The club's points tally rose to 47 after the win.")[0][1] != "deaths"
    assert _units("Support for the mayor rose to 41 percent.")[0][1] != "deaths"


def test_the_number_of_people_a_verb_kills_is_a_toll_and_of_things_is_not() -> None:
    assert _units("The number of climbers killed on the peak rose to 8.") == [("8", "deaths")]
    assert _units("The number of people who died rose to 14.") == [("14", "deaths")]
    # business: jobs are killed only in a figure of speech
    assert _units("The number of jobs killed by the merger rose to 300.")[0][1] != "deaths"


def test_known_to_have_died_gives_the_role_and_known_to_have_signed_does_not() -> None:
    [death] = [c for c in extract_claims("Six walkers are now known to have died on the moor.") if c.kind == "number"]
    assert death.extra.get("role") == "deaths"
    # sport: a transfer window
    [signing] = [c for c in extract_claims("Three players are known to have signed new deals.") if c.kind == "number"]
    assert "role" not in signing.extra


def test_late_or_early_on_a_day_after_a_figure_is_a_time_not_its_noun() -> None:
    assert _units("The toll from the floods climbed to 20 late on Monday.") == [("20", "deaths")]
    assert _units("Shares in the miner rose to 310 early on Tuesday.")[0][1] != "early"
    # business: a noun that "late" describes keeps it
    assert _units("The firm made 12 late payments last year.") == [("12 late payments", "late payments")]


# --- matching: one event's toll only ---------------------------------------------------------------------------


def test_a_toll_rises_within_days_never_across_weeks() -> None:
    # floods: the same valley's toll, hours apart, then weeks apart (another flood)
    early, later = "Floods in the Arlen valley have killed 8 people.", "Floods in the Arlen valley have killed 15 people."
    assert evolving(early, later, hours=10)
    assert not evolving(early, later, hours=WEEKS)
    # a heatwave: one figure told twice, hours apart and weeks apart
    same = "The heatwave has killed 9 people, health officials said."
    again = "Nine people have died in the heatwave, the health ministry said."
    assert joined(same, again, hours=5)
    assert not joined(same, again, hours=WEEKS)


def test_a_dated_or_retold_figure_told_weeks_later_is_still_one_fact() -> None:
    # history of a disaster: a toll with its own year is the same count whenever it is told
    a = "In 2019, floods in the Arlen valley killed 40 people."
    b = "Floods in the Arlen valley killed 40 people in 2019."
    assert joined(a, b, hours=WEEKS)
    # courts: a final toll retold in the past tense weeks later (the trial of the gunman) is still that toll
    assert joined("The gunman killed 12 people at the Orrin mall.", "Twelve people were killed at the Orrin mall.", hours=WEEKS)
    # a count that never evolves (a stadium's seats) is untouched by the time between reports
    assert joined("The new stadium in Corvale holds 42,000 fans.", "The Corvale stadium holds 42,000 fans.", hours=WEEKS)


def test_tolls_of_two_named_places_never_evolve_and_one_place_does() -> None:
    # health: two outbreaks on one day
    assert not evolving("Deaths from the cholera outbreak in Tarsk rose to 15.",
                        "At least 19 people have died in the cholera outbreak in Welby.")  # fmt: skip
    assert evolving("Deaths from the cholera outbreak in Tarsk rose to 15.",
                    "At least 19 people have died in the cholera outbreak in Tarsk.")  # fmt: skip
    # a sentence that names no place may update the toll
    assert evolving("A bus crash near Holme killed 6 people.", "Two of the injured died in hospital, raising the bus crash toll to 8.")


def test_killed_miners_evolve_with_the_death_toll_and_never_with_another_nouns_deaths() -> None:
    # industry: a quarry blast's workers, then the toll
    assert evolving("A blast at the Orrin quarry killed four workers, the owners said.",
                    "The death toll from the Orrin quarry blast rose to 9.")  # fmt: skip
    # conflict: soldiers killed, then civilians killed in the same town: two counts
    assert not evolving("Shelling in Varna killed 3 soldiers on Monday.", "Shelling in Varna killed 12 civilians.")
    # rescued workers are never the dead
    rows = _facts("A blast at the Orrin quarry killed four workers.", "Rescuers pulled 9 workers alive from the Orrin quarry.", 6)
    assert not any(f.evolving for f in rows)


def test_a_thing_the_verb_kills_that_is_not_alive_never_evolves() -> None:
    # politics: bills killed in committee are no toll
    assert not evolving("The committee killed 3 bills on Monday.", "The committee has now killed 7 bills.")


# --- the invented events -------------------------------------------------------------------------------------


def test_the_events_file_names_only_pieces_of_its_articles_and_splits_both_ways() -> None:
    data = variants_eval.load(variants_eval.DATA.with_name("evolve23_events.json"))
    assert len(data["events"]) >= 12
    assert not variants_eval.unknown_pieces(data)
    tune = variants_eval.load(variants_eval.DATA.with_name("evolve23_events.json"), "tune")
    assert 0 < len(tune["events"]) < len(data["events"])


def test_a_row_of_two_events_is_counted() -> None:
    data = {"events": [
        {"articles": {"0": [0, "Dam breach in Ostry", ["The breach killed 5 people."]]}},
        {"articles": {"1": [0, "Dam breach in Pelk", ["The breach killed 5 people in Pelk."]]}},
    ]}  # fmt: skip
    one = {"kind": "number", "mentions": [{"sentence": "The breach killed 5 people."}, {"sentence": "Dam breach in Ostry"}]}
    two = {"kind": "number", "mentions": [{"sentence": "Dam breach in Ostry"}, {"sentence": "The breach killed 5 people in Pelk."}]}
    assert variants_eval.cross_event_rows(data, [one, two]) == [1]


@pytest.fixture(scope="module")
def scored() -> variants_eval.Scored:
    return variants_eval.scored_part("evolve23_events.json")


@pytest.mark.slow  # one fetch of about 30 pages and a compare
def test_the_tune_part_evolves_within_events_only(scored: variants_eval.Scored) -> None:
    facts, joined_apart, rows, (told, stray, conflict_rows) = scored
    data = variants_eval.load(variants_eval.DATA.with_name("evolve23_events.json"), "tune")
    assert not joined_apart
    # one row of two events is left: two arrests, twelve days apart, told in the past ("Two arrested over ...",
    # "Police arrested 2 managers"): retold figures keep their links (notes/tolls23.md)
    assert len(variants_eval.cross_event_rows(data, rows)) <= 1
    assert conflict_rows == 0 and stray == 0
    assert told >= 13

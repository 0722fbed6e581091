"""Round variants22: one fact told in other words, fifth round (issue 12: recall and fragmentation). Every rule has
sentences written here from several kinds of news, read by the real extractor and matched by match_facts, with what
must stay apart; the loopback test at the end serves the TUNE part of the invented events of
tests/data/variants22_events.json (those whose int(sha1(name), 16) % 3 != 0; the others are the check part, measured
only) through the real `claimcheck fetch` and compare."""

from __future__ import annotations

from typing import Any

import pytest
from test_match_general import number_rows, row_of

# --- rule 1: a figure restated in brackets in another unit bridges the facts of its two units ----------------------


def test_a_figure_restated_in_brackets_joins_the_facts_of_both_units() -> None:
    # a mountain rescue: metres and feet
    rows = number_rows("The climbers were found at about 6,100 metres on the north face, the guides said.",
                 "They were found at 6,100 m (20,000 ft) on the north face, the guides said.",
                 "Rescuers reached the pair at 20,000ft on Tuesday.")  # fmt: skip
    assert len(row_of(rows, "20,000ft")) == 4
    # a pipeline: kilometres and miles
    rows = number_rows("The new pipeline will run for 320km across the plain.",
                 "The pipeline will run 320 km (199 miles) from the coast.",
                 "The 199-mile pipeline is due to open in 2029.")  # fmt: skip
    assert len(row_of(rows, "199-mile pipeline")) == 4
    # a farm sale: hectares and acres
    rows = number_rows("The estate covers 4,000 hectares of moorland.",
                 "The estate extends over 4,000 ha (9,884 acres) of moorland, the agents said.",
                 "Its 9,884 acres include two lochs.")  # fmt: skip
    assert len(row_of(rows, "9,884 acres")) == 4
    # a transfer fee: money in two currencies, as the article itself says
    rows = number_rows("The club paid 60 million euros for the midfielder.",
                 "The club paid 60 mln euros (52 mln pounds) for the midfielder, it said.",
                 "The midfielder cost £52m.")  # fmt: skip
    assert len(row_of(rows, "£52m")) == 4


def test_figures_not_restated_in_brackets_stay_in_their_own_units() -> None:
    # a part in brackets is no restatement: five people, three of them children
    rows = number_rows("The storm killed 120 people (45 children) in the valley.", "Some 45 children died in the storm.",
                 "The storm killed 120 people in the valley.")  # fmt: skip
    assert ("npr", "120 people") not in row_of(rows, "Some 45 children")
    # two lengths in brackets that do not agree once converted (a typo, another figure) stay apart
    rows = number_rows("The pipeline will run 320 km (150 miles) from the coast.", "The 150-mile pipeline opens in 2029.",
                 "The pipeline will run for 320km across the plain.")  # fmt: skip
    assert ("npr", "320km") not in row_of(rows, "150-mile pipeline")
    # a figure in brackets after another sentence's figure, of another thing
    rows = number_rows("Turnout was 64% (1.2 million voters), officials said.", "Some 1.2 million voters took part.",
                 "Turnout was 64%, officials said.")  # fmt: skip
    assert ("npr", "64%") not in row_of(rows, "Some 1.2 million voters")


# --- rule 2: "a quarter-million", "a half-million": the fraction of a scale without "of a" ------------------------


def test_a_quarter_million_and_a_half_million_are_read() -> None:
    from claimcheck.claims import extract_claims

    def values(text: str) -> list[float | None]:
        return [c.value.low if c.value else None for c in extract_claims(text) if c.kind == "number"]

    assert values("An estimated quarter-million people visited the flower show.") == [225000.0]  # "estimated"
    assert values("A half-million commuters were stranded by the strike.") == [500000.0]
    assert values("The studio paid a quarter-billion dollars for the rights.") == [250000000.0]
    assert values("Half a million people came.") == [500000.0]  # read before, once
    assert values("The deal is worth one and a half billion dollars.") == [1.5e9]  # once, not "a half billion" too
    assert values("He ran the half-marathon in a quarter-hour.") == []  # no scale
    # a parade and a march: one crowd in two number forms
    rows = number_rows("A quarter-million people lined the route of the victory parade in Dunmore.",
                 "Some 250,000 people lined the route of the victory parade in Dunmore.")  # fmt: skip
    assert len(row_of(rows, "250,000")) == 2
    rows = number_rows("A half-million people lined the route of the victory parade in Dunmore.",
                 "Some 250,000 people lined the route of the victory parade in Dunmore.")  # fmt: skip
    assert len(row_of(rows, "250,000")) == 1


# --- rule 3: the youngest children by any of their names ---------------------------------------------------------


def test_babies_infants_and_tots_are_children() -> None:
    # a maternity ward, a nursery, a food scare
    assert len(row_of(number_rows("Some 40 babies were born at the clinic during the blackout.",
                             "About 40 infants were born at the clinic during the blackout."), "40")) == 2  # fmt: skip
    assert len(row_of(number_rows("The nursery in Brookfield cares for 60 toddlers.",
                             "The Brookfield nursery cares for 60 children."), "60")) == 2  # fmt: skip
    # babies are not their mothers, nor the nurses
    assert len(row_of(number_rows("Some 40 babies were born at the clinic during the blackout.",
                             "About 40 mothers were at the clinic during the blackout."), "40 babies")) == 1  # fmt: skip


# --- rule 4: survivors brought out of the water, the snow or the rubble are the rescued ---------------------------


def test_survivors_brought_out_are_the_rescued() -> None:
    from claimcheck.claims import extract_claims

    def roles(text: str) -> list[str | None]:
        return [c.extra.get("role") for c in extract_claims(text) if c.kind == "number"]

    assert roles("Rescuers pulled 31 survivors from the rubble of the hotel.") == ["rescued"]
    assert roles("Some 21 survivors were dug out of the collapsed mine.") == ["rescued"]
    assert roles("The crash had 12 survivors.") == [None]  # counted, not brought out
    assert roles("Three survivors walked away from the wreck.") == [None]
    assert roles("The charity helped 300 survivors of abuse.") == [None]
    # a ferry, a quake: one count of the rescued in two words
    rows = number_rows("Coastguard boats rescued 184 people off Skerry Point, the coastguard said.",
                 "Rescuers pulled 184 survivors from the sea off Skerry Point.")  # fmt: skip
    assert len(row_of(rows, "184")) == 2
    rows = number_rows("Rescue teams have pulled 57 survivors from the rubble in Karsa.",
                 "Some 57 people have been rescued alive in Karsa.")  # fmt: skip
    assert len(row_of(rows, "57")) == 2
    # survivors rescued are not the dead found
    rows = number_rows("Rescue teams have pulled 57 survivors from the rubble in Karsa.",
                 "Rescue teams have recovered 57 bodies from the rubble in Karsa.")  # fmt: skip
    assert len(row_of(rows, "57 survivors")) == 1


# --- rule 5: a lone figure in another unit joins the one fact it agrees with once converted ------------------------


def test_a_lone_figure_in_another_unit_joins_the_fact_it_converts_to() -> None:
    # a storm: miles and kilometres an hour (variants17's storm left it in a row of its own)
    # (the third outlet shares words with the first only: average linkage alone left it out)
    rows = number_rows("Storms later brought gusts of 90mph to the coast.",
                 "Winds of up to 90 mph battered seaside towns overnight.",
                 "The storm that followed brought gusts of 145 km/h to the coast.")  # fmt: skip
    assert len(row_of(rows, "145 km/h")) == 3
    # a dam: metres and feet
    rows = number_rows("The Lorne dam stands 120 metres high above the valley.",
                 "Engineers say the 120m wall will hold for a century.",
                 "At 394ft, the Lorne dam stands high above the valley.")  # fmt: skip
    assert len(row_of(rows, "394ft")) == 3


def test_a_lone_figure_that_does_not_convert_or_shares_no_word_stays_apart() -> None:
    # 150 km/h is not 90 mph (145 km/h): another figure
    rows = number_rows("Storms later brought gusts of 90mph to the coast.",
                 "Winds of up to 90 mph battered seaside towns overnight.",
                 "The storm that followed brought gusts of 170 km/h to the coast.")  # fmt: skip
    assert len(row_of(rows, "170 km/h")) == 1
    # a road's length that converts to a storm's gusts, in a sentence sharing no word: no link, no join
    rows = number_rows("Storms later brought gusts of 90mph to the coast.",
                 "Winds of up to 90 mph battered seaside towns overnight.",
                 "The new bypass will be 145km long when finished in 2030.")  # fmt: skip
    assert len(row_of(rows, "145km")) == 1


# --- the tune part of the invented events, over loopback ---------------------------------------------------------

# facts of the tune part each in one row with every outlet (this round's rules), by event and value
ONE_ROW = [
    ("environment: tanker oil spill", 40),  # rule 1: "40 km (25 miles)"
    ("mountains: avalanche kills skiers", 2600),  # rule 1: "2,600 m (8,530 ft)"
    ("space: rocket explodes after liftoff", 38),  # rule 1: "38 km (24 miles)"
    ("state funeral: crowds line the route", 8),  # rule 1: "8 km (5 mile)"
    ("state funeral: crowds line the route", 250000),  # rule 2: "quarter-million"
    ("shipping: ferry sinks off coast", 297),  # rule 4: "pulled 297 survivors"
]

Scored = tuple[list[Any], list[Any], list[dict[str, Any]], tuple[int, int, int]]


@pytest.fixture(scope="module")
def scored() -> Scored:
    import variants_eval

    return variants_eval.scored_part("variants22_events.json")


@pytest.mark.slow  # one fetch of about 60 pages and a compare: about fifteen seconds
def test_tune_events_keep_their_different_facts_apart(scored: Scored) -> None:
    _, joined_apart, _, (_, stray, conflict_rows) = scored
    assert joined_apart == []  # 300 homes / 300 firefighters, 12 children / 12 adults, 2.9p / 2.9%...
    assert conflict_rows == 0 and stray == 0  # a join never makes a conflict nor an update


@pytest.mark.slow
@pytest.mark.parametrize(("event", "value"), ONE_ROW)
def test_tune_events_one_fact_in_other_words_is_one_row(scored: Scored, event: str, value: float) -> None:
    chosen = [f for f in scored[0] if f.event == event and f.fact.get("value") == value]
    assert chosen
    for fact in chosen:
        assert len(fact.rows) == 1 and not fact.missed, (fact.fact["pieces"], fact.rows, fact.missed)


@pytest.mark.slow
def test_tune_events_the_two_currencies_of_one_sum_are_one_row(scored: Scored) -> None:
    # "88 mln euros (76 mln pounds)" bridges the euro row and the pound row (rule 1); "$102 million" stays apart
    (fact,) = [f for f in scored[0] if f.event == "crime: jewels stolen from museum" and f.fact.get("value") == 88e6]
    assert len(fact.rows) == 2 and not fact.missed

"""One figure, two facts (issue 12, round factjoin16): two reports of the same figure join into one row only when
their words do not say they count two different things. Sentences written here from several kinds of news
(courts, science, space, weather, health, elections, sport, business), read by the real extractor and matched by
``match_facts`` (``blocking._things_said``, ``_unlink_other_things``, ``_QUANTITIES``)."""

from __future__ import annotations

from test_match_conflicts import joined


def test_a_penalty_and_damages_of_one_sum_are_two_facts() -> None:
    assert not joined("The regulator fined the carrier $2 million over the outage.",
                      "The carrier must pay $2 million in damages to its customers.")  # fmt: skip
    assert not joined("The watchdog fined the bank £3.5 million for the breach.",
                      "A court ordered the bank to pay £3.5 million in compensation to savers.")  # fmt: skip


def test_two_complements_of_one_noun_are_two_counts() -> None:
    assert not joined("Surveyors recorded 312 species of beetle in the reserve.",
                      "Surveyors recorded 312 species of moth in the reserve.")  # fmt: skip
    assert not joined("The probe passed 4.2 million km from Earth on Tuesday.",
                      "The probe passed 4.2 million km from Mars on Tuesday.")  # fmt: skip
    assert not joined("The show judged 45 breeds of dog on Saturday.",
                      "The show judged 45 breeds of cat on Saturday.")  # fmt: skip


def test_two_spans_of_time_after_one_figure_are_two_rates() -> None:
    assert not joined("The clinic gave 12,000 doses in a week, the health board said.",
                      "The clinic gave 12,000 doses in a month, the health board said.")  # fmt: skip
    assert not joined("The bakery chain opened 26 stores in a year.",
                      "The bakery chain opened 26 stores in a month.")  # fmt: skip


def test_homes_without_power_and_homes_damaged_are_two_counts() -> None:
    assert not joined("The storm left 40,000 homes without power across the county.",
                      "The storm damaged 40,000 homes across the county.")  # fmt: skip
    assert not joined("The wildfire forced 1,800 homes to be evacuated in the valley.",
                      "The wildfire destroyed 1,800 homes in the valley.")  # fmt: skip


def test_two_named_holders_of_one_figure_are_two_facts() -> None:
    assert not joined("The Greens won 14 seats in the city council vote.",
                      "The Liberals won 14 seats in the city council vote.")  # fmt: skip
    assert not joined("Northfield Rovers scored 31 goals this season.",
                      "Eastbay United scored 31 goals this season.")  # fmt: skip


def test_one_fact_told_two_ways_stays_one_row() -> None:
    assert joined("The Greens won 14 seats in the city council vote.",
                  "The Greens took 14 of the 120 seats in the city council vote.")  # fmt: skip
    assert joined("Surveyors recorded 312 beetle species in the reserve.",
                  "Surveyors recorded 312 species of beetle in the reserve.")  # fmt: skip
    assert joined("Surveyors recorded 312 species of beetles in the reserve.",
                  "Surveyors found 312 species of beetle in the reserve.")  # fmt: skip
    assert joined("Surveyors recorded 312 species of ground beetle in the reserve.",
                  "Surveyors recorded 312 species of beetle in the reserve.")  # fmt: skip
    # "of" after a noun that is no kind: its complement may be told by a synonym
    assert joined("The envoys held four rounds of talks in the capital.",
                  "The envoys held four rounds of negotiations in the capital.")  # fmt: skip
    # a body named two ways ("of the ruling party's top body" / "of Norway's Storting") is no kind of thing
    assert joined("Six current or former members of the governing party's top council were named in the files.",
                  "At least six current or former members of Ruritania's Grand Council, the governing party's top council, were named.")  # fmt: skip
    # a source named two ways ("Chilean" / "Chile-based") still shares its name
    assert joined("Reporters went through 640,000 emails from the Chilean insurer Andina Mutual.",
                  "The leak holds 640,000 emails from Chile-based insurer Andina Mutual.")  # fmt: skip
    assert joined("The carrier faces a $2 million fine over the outage.",
                  "The carrier was fined $2 million over the outage.")  # fmt: skip
    assert joined("The storm left 40,000 homes without power.",
                  "About 40,000 homes were left without power after the storm.")  # fmt: skip
    assert joined("The clinic gave 12,000 doses in a week.",
                  "Health workers at the clinic gave 12,000 doses in a week, officials said.")  # fmt: skip
    assert joined("The rover drove 2.4 km from Camp Delta in a day.",
                  "In a day the rover drove 2.4 km from Camp Delta, the agency said.")  # fmt: skip

"""Round variants23: one fact told in other words, sixth round (issue 12: recall on unseen events). Every rule has
sentences written here from several kinds of news, read by the real extractor and matched by match_facts, with what
must stay apart; the loopback test at the end serves the TUNE part of the invented events of
tests/data/variants23_events.json (those whose int(sha1(name), 16) % 3 != 0; the others are the check part, measured
only) through the real `claimcheck fetch` and compare."""

from __future__ import annotations

from typing import Any

import pytest
from test_match_general import OUTLETS, number_rows, row_of, told_each

from claimcheck.claims import extract_claims
from claimcheck.match.pipeline import match_facts
from claimcheck.match.rules import MatchOptions
from claimcheck.match.shares import as_percent
from claimcheck.match.things import unit_key


def _numbers(text: str) -> list[tuple[str, float | None]]:
    return [(c.text, c.value.low if c.value else None) for c in extract_claims(text) if c.kind == "number"]


# --- rule 1: a share told as a rate or a fraction of a noun is the percent other outlets give ----------------------


def test_a_rate_or_a_fraction_of_people_is_the_percent_of_them() -> None:
    # a strike ballot: "nine in ten members" beside "88%" and "Eighty-eight percent"
    rows = number_rows("Of the 2,100 porters balloted, 88% voted for action on a turnout of 64%.",
                 "Eighty-eight percent of members voted in favour on a 64 pct turnout.",
                 "Nearly nine in ten union members backed the walkout at the docks.")  # fmt: skip
    assert len(row_of(rows, "nine in ten")) == 3
    # a firm's job cuts: "one in ten jobs" and "10% of its workforce"
    rows = number_rows("Roughly 10% of its workforce will lose their jobs, the bank said.",
                 "One in ten jobs at the bank will go, it has announced.",
                 "About 10 pct of its global workforce will be cut, the bank said.")  # fmt: skip
    assert len(row_of(rows, "One in ten jobs")) == 3
    # hospital beds: "96 out of every 100" (a rate the extractor now reads) and "96%"
    assert _numbers("Nearly all ward beds - 96 out of every 100 - are taken.") == [("96 out of every 100", 0.96)]
    rows = number_rows("Hospitals have 96% of their ward beds full.", "Nearly all ward beds - 96 out of every 100 - are taken.",
                 "Ward bed occupancy stood at 96 pct.")  # fmt: skip
    assert len(row_of(rows, "96 out of every 100")) == 3


def test_a_share_stays_apart_from_another_quantity_or_a_sum() -> None:
    # one in five voters backed a party; turnout of 20% is another quantity
    rows = number_rows("One in five voters backed the Greens.",
                 "Turnout in the council election was just 20%, officials said.")  # fmt: skip
    assert len(row_of(rows, "One in five voters")) == 1
    # a share of a sum is not read as a percent; nor a count of games ("three out of four games")
    (share,) = [c for c in extract_claims("A third of the £3m went on legal fees.") if c.text == "A third"]
    assert as_percent(share) is None
    assert [c for c in extract_claims("The team lost three out of four games.") if c.text.startswith("three out")] == []
    # a figure below one that is no share ("0.5 metres") stays as it is
    (metre,) = [c for c in extract_claims("The water rose by 0.5 metres overnight.") if c.kind == "number"]
    assert as_percent(metre) is None
    # two shares of different things in one sport story stay two facts
    rows = number_rows("Two in five tickets for the final were sold to away fans.",
                 "The club furloughed 40% of its staff in the spring.")  # fmt: skip
    assert len(row_of(rows, "Two in five tickets")) == 1


# --- rule 2: the wires' short currency before a noun is a sum -------------------------------------------------------


def test_a_wire_sum_before_a_noun_is_the_sum() -> None:
    assert unit_key("stg budget") == unit_key("pounds") and unit_key("dlrs deal") == unit_key("dollars")
    # a council budget, a takeover
    rows = number_rows("The council has approved a budget of £1.14bn for next year.",
                 "The council approved a 1.14 bln stg budget on Thursday.",
                 "A £1.14 billion budget was passed after a stormy meeting.")  # fmt: skip
    assert len(row_of(rows, "1.14 bln stg budget")) == 3
    rows = number_rows("Halcott agreed a £640m takeover of the shipping line.",
                 "Halcott agreed a 640 mln stg takeover of the shipping line on Monday.")  # fmt: skip
    assert len(row_of(rows, "640 mln stg takeover")) == 2
    # a sum is not a count of the noun: 640 ships stay apart
    rows = number_rows("Halcott agreed a 640 mln stg takeover of the shipping line on Monday.",
                 "The shipping line runs 640 ships, Halcott said on Monday.")  # fmt: skip
    assert len(row_of(rows, "640 ships")) == 1


# --- rule 3: one counted thing in other words ----------------------------------------------------------------------


def test_one_counted_thing_in_other_words() -> None:
    assert unit_key("blazes") == unit_key("fires") == unit_key("wildfires")
    assert unit_key("offences") == unit_key("charges") == unit_key("counts")
    assert unit_key("clean sheets") == unit_key("shutouts")
    # a heater recall, a court, a goalkeeper
    rows = number_rows("The heaters were recalled after 31 fires, the maker said.",
                 "A string of 31 blazes led to the heaters being recalled.")  # fmt: skip
    assert len(row_of(rows, "31 blazes")) == 2
    rows = number_rows("The builder admitted 14 offences under safety law at the hearing.",
                 "The builder pleaded guilty to 14 charges under safety law.")  # fmt: skip
    assert len(row_of(rows, "14 charges")) == 2
    rows = number_rows("The keeper kept 19 clean sheets last season.", "The keeper posted 19 shutouts last season.")
    assert len(row_of(rows, "19 shutouts")) == 2


def test_other_counted_things_stay_apart() -> None:
    # fires are not homes; charges are not victims; a clean sheet is no goal
    rows = number_rows("The heaters were recalled after 31 fires, the maker said.",
                 "The maker said 31 homes had been damaged by the heaters.")  # fmt: skip
    assert len(row_of(rows, "31 homes")) == 1
    rows = number_rows("The builder pleaded guilty to 14 charges under safety law.",
                 "The builder's 14 victims were in court to hear the plea.")  # fmt: skip
    assert len(row_of(rows, "14 victims")) == 1
    rows = number_rows("The keeper kept 19 clean sheets last season.", "The striker scored 19 goals last season.")
    assert len(row_of(rows, "19 goals")) == 1


# --- rule 4: the counted noun after a name with "&"; a spaced "m" before a dimension is metres ----------------------


def test_a_name_with_an_ampersand_before_the_counted_noun() -> None:
    assert _numbers("The chain will close 40 Marks & Spencer stores this year.") == [("40 Marks & Spencer stores", 40)]
    # a retailer's closures: "one of 120 Lark & Lowe shops" / "120 stores"
    rows = number_rows("The chain will close 120 stores, with 900 jobs under threat.",
                 "The Leeds branch is one of 120 Lark & Lowe shops to close.")  # fmt: skip
    assert len(row_of(rows, "Lark & Lowe shops")) == 2
    # a golf score, a match play win: no noun, no name ("won 5 & 4")
    assert [t for t, _ in _numbers("She won the final 5 & 4 at Troon.")] == ["5", "4"]


def test_a_spaced_m_before_a_dimension_is_metres() -> None:
    (wall,) = [c for c in extract_claims("The flood wall is 5 m high along the quay.") if c.kind == "number"]
    assert (wall.unit, wall.extra.get("measure")) == ("m", "distance")
    # a fossil, a crane: metres beside feet
    rows = number_rows("The dinosaur measured about 30 metres from nose to tail.",
                 "The quarry yielded a sauropod some 30 m long.", "The monster dino was a whopping 98ft long.")  # fmt: skip
    assert len(row_of(rows, "some 30 m")) == 3
    # a spaced "m" of millions, or before "long ago", stays no length
    for text in ("The lottery drew 30 m players last year.", "The firm lost 30 m long ago."):
        assert all(c.extra.get("measure") != "distance" for c in extract_claims(text) if c.kind == "number")


# --- rule 5: feet and inches are one length ----------------------------------------------------------------------


def test_feet_and_inches_are_one_length() -> None:
    assert _numbers("The new signing stands 6ft 3in tall.") == [("6ft 3in", 75.0)]
    assert _numbers("The pike measured 4 feet 2 inches from nose to tail.") == [("4 feet 2 inches", 50.0)]
    # a basketball player's height in metres and in feet and inches
    rows = number_rows("The centre, who is 2.08 metres tall, signed on Monday.", "The centre, 2.08 m tall, signed on Monday.",
                 "The centre, who stands 6ft 10in tall, signed on Monday.")  # fmt: skip
    assert len(row_of(rows, "6ft 10in")) == 3
    # two lengths of two things in one sentence stay two; inches past a foot are no part of it
    assert _numbers("Snow lay 2ft deep in the glen; 3in more fell overnight.") == [("2ft", 2.0), ("3in", 3.0)]
    assert [t for t, _ in _numbers("The walls are 6ft high and 14in thick.")] == ["6ft", "14in"]


# --- rule 6: a change and the level it reached are two figures, not a range ----------------------------------------


def test_a_change_and_its_level_are_two_figures() -> None:
    # a council tax bill, the jobless count, a train fare
    assert _numbers("The average band D bill climbs by £106 to £2,231.") == [("£106", 106.0), ("£2,231", 2231.0)]
    assert [t for t, _ in _numbers("Unemployment fell by 3,000 to 45,000 in May.")] == ["3,000", "45,000"]
    rows = number_rows("The average band D bill climbs by £106 to £2,231.", "Band D bills rise by £106 a year.",
                 "A band D household will pay £2,231 a year, up £106.")  # fmt: skip
    assert len(row_of(rows, "£106")) == 3
    # ranges stay ranges: a narrow span after "by", a span with no change
    assert _numbers("Bills will rise by £5 to £10 a month, the regulator said.") == [("£5 to £10", 5.0)]
    assert _numbers("Prices rose by 2 to 3 percent last year.") == [("2 to 3 percent", 2.0)]
    assert _numbers("Crowds of 3,000 to 45,000 are expected at the fair.") == [("3,000 to 45,000", 3000.0)]


# --- the tune part of the invented events, over loopback ---------------------------------------------------------

# facts of the tune part each in one row with every outlet (this round's rules), by event and value
ONE_ROW = [
    ("transfer: goalkeeper joins rivals", 17),  # rule 3: clean sheets / shutouts
    ("budget: city council sets budget", 1140000000),  # rule 2: "1.14 bln stg budget"
    ("transport: underground drivers strike", 88),  # rule 1: "Nearly nine in ten union members"
    ("recall: heaters recalled over fire risk", 27),  # rule 3: fires / blazes
    ("health: flu admissions climb", 96),  # rule 1: "96 out of every 100"
    ("retail: fashion chain closes stores", 120),  # rule 4: "120 Lark & Lowe shops"
    ("science: giant dinosaur fossil unearthed", 1.9),  # rules 4, 5: "1.9 m long", "6ft 3in"
]

Scored = tuple[list[Any], list[Any], list[dict[str, Any]], tuple[int, int, int]]


@pytest.fixture(scope="module")
def scored() -> Scored:
    import variants_eval

    return variants_eval.scored_part("variants23_events.json")


@pytest.mark.slow  # one fetch of about 50 pages and a compare: about fifteen seconds
def test_tune_events_keep_their_different_facts_apart(scored: Scored) -> None:
    _, joined_apart, _, (_, stray, conflict_rows) = scored
    assert joined_apart == []  # 11 wickets / 11 tests, £106 / 106 protesters, 3,900 officers / 3,900 offences...
    assert conflict_rows == 0 and stray == 0  # a join never makes a conflict nor an update


@pytest.mark.slow
@pytest.mark.parametrize(("event", "value"), ONE_ROW)
def test_tune_events_one_fact_in_other_words_is_one_row(scored: Scored, event: str, value: float) -> None:
    chosen = [f for f in scored[0] if f.event == event and f.fact.get("value") == value]
    assert chosen
    for fact in chosen:
        assert len(fact.rows) == 1 and not fact.missed, (fact.fact["pieces"], fact.rows, fact.missed)


def _flagged(*texts: str) -> list[tuple[list[str], bool, bool]]:
    """Each number row's claim texts, whether it shows a conflict and whether it shows an update."""
    articles = told_each(*texts)
    facts = match_facts(articles, OUTLETS, MatchOptions())
    return [([m.claim.text for m in f.mentions], bool(f.conflicts), f.evolving) for f in facts if f.kind == "number"]


def test_a_fraction_is_the_whole_percents_around_it_and_never_a_conflict() -> None:
    # schools' exam results: "two-thirds" is 66.7%, which one outlet writes 66% and another 67%: one row, no conflict
    rows = _flagged("Two-thirds of schools reported a rise in top grades.", "66% of schools saw more top grades.",
                    "Some 67% of schools said top grades rose.")  # fmt: skip
    (row,) = [r for r in rows if any("Two-thirds" in t for t in r[0])]
    assert len(row[0]) == 3 and not row[1] and not row[2]
    # a survey of drivers: "one in four" is a rounded way to say 26%; the two agree, neither is told wrong
    rows = _flagged("One in four drivers admitted using a phone at the wheel, the survey found.",
                    "The survey found 26% of drivers had used a phone while driving.")  # fmt: skip
    assert not any(conflict or update for _, conflict, update in rows)
    # two exact percents of one survey still disagree: 24% against 26% of drivers is a conflict as before
    rows = _flagged("The survey found 24% of drivers had used a phone while driving.",
                    "The survey found 26% of drivers had used a phone while driving.")  # fmt: skip
    assert any(conflict for _, conflict, _ in rows)

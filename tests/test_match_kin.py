"""Matching rules of issue 12's facts13 round: one figure of one thing named by a narrower and a wider noun
(hypernym classes), and a round bound of an increment ("more than 100 additional jets"). Sentences written
here, from several kinds of news, read by the real extractor and matched by match_facts: each rule has cases
that must join and cases that must stay apart (a different counted thing is never the same fact)."""

from __future__ import annotations

from typing import Any

from test_match_general import joined

from claimcheck.match.things import classes_agree, thing_class


def test_a_thing_named_by_a_narrower_and_a_wider_noun_is_one_fact() -> None:
    # defence: a kind of warship, warships, ships
    assert joined("The navy sent 14 destroyers to the gulf on Monday, officials said.",
                  "Officials said 14 warships were sent to the gulf on Monday.")  # fmt: skip
    assert joined("The navy sent 14 warships to the gulf on Monday.",
                  "A fleet of 14 ships sailed to the gulf on Monday.")  # fmt: skip
    # disasters: homes, houses, buildings, properties
    assert joined("The wildfire destroyed 37 homes in the valley overnight.",
                  "Some 37 buildings in the valley were destroyed by the wildfire.")  # fmt: skip
    assert joined("The wildfire destroyed 37 houses in the valley.",
                  "The fire razed 37 properties in the valley, officials said.")  # fmt: skip
    # weather and traffic: cars are vehicles
    assert joined("Police towed 23 cars from the flooded street on Sunday.",
                  "Firefighters said 23 vehicles were towed from the flooded street.")  # fmt: skip
    # conflict: trucks are vehicles
    assert joined("Rebels seized nine trucks carrying aid near the border.",
                  "Nine vehicles carrying aid were seized by rebels near the border.")  # fmt: skip
    # aviation: planes are aircraft
    assert joined("The ash cloud grounded 48 planes at the airport on Friday.",
                  "Some 48 aircraft were grounded at the airport by the ash cloud.")  # fmt: skip


def test_children_named_as_kids_minors_or_pupils_are_one_count() -> None:
    # crime: children, kids, minors
    assert joined("Police freed 12 children from the compound after the raid.",
                  "Twelve kids were freed from the compound in the raid.")  # fmt: skip
    assert joined("Police freed 12 children from the compound after the raid.",
                  "The raid freed 12 minors held at the compound.")  # fmt: skip
    # transport: pupils are children
    assert joined("Eight pupils were hurt when the school bus crashed.",
                  "Eight children were hurt in the school bus crash.")  # fmt: skip


def test_two_narrower_nouns_or_two_kinds_stay_apart() -> None:
    # two narrower nouns of one wider: trucks are not cars, destroyers not submarines
    assert not joined("Rebels seized nine trucks carrying aid near the border.",
                      "Rebels seized nine cars carrying aid near the border.")  # fmt: skip
    assert not joined("The navy sent 14 destroyers to the gulf on Monday.",
                      "The navy sent 14 submarines to the gulf on Monday.")  # fmt: skip
    # different kinds: homes are not cows nor people, cars not people, planes not homes, children not adults
    assert not joined("The wildfire destroyed 37 homes in the valley overnight.",
                      "The wildfire killed 37 cows in the valley overnight.")  # fmt: skip
    assert not joined("The wildfire destroyed 37 homes in the valley overnight.",
                      "Some 37 people in the valley were left homeless by the wildfire.")  # fmt: skip
    assert not joined("Police towed 23 cars from the flooded street on Sunday.",
                      "Police said 23 people were rescued from the flooded street on Sunday.")  # fmt: skip
    assert not joined("The storm grounded 48 planes at the airport on Friday.",
                      "The storm damaged 48 homes near the airport on Friday.")  # fmt: skip
    assert not joined("Police freed 12 children from the compound after the raid.",
                      "Police arrested 12 adults at the compound after the raid.")  # fmt: skip


def test_kin_classes_are_paths_and_generic_people_meet_only_people() -> None:
    assert classes_agree(thing_class("destroyer"), thing_class("vessel"))
    assert not classes_agree(thing_class("destroyer"), thing_class("frigate"))
    assert classes_agree(thing_class("home"), thing_class("house"))
    assert classes_agree(thing_class("people"), thing_class("kid"))
    assert classes_agree(thing_class("people"), thing_class("pupil"))
    assert not classes_agree(thing_class("people"), thing_class("home"))
    assert not classes_agree(thing_class("people"), thing_class("car"))
    assert classes_agree(thing_class("people"), thing_class("tourist"))  # as before


def test_a_round_bound_of_an_increment_meets_the_precise_increment() -> None:
    # defence procurement, aviation, labour: "more than 100 additional X" names "114 additional X"
    assert joined("The army plans to buy 114 additional attack helicopters from the maker.",
                  "The government gave approval to buy more than 100 additional attack helicopters last week.")  # fmt: skip
    assert joined("The airline will buy 114 additional jets from the planemaker.",
                  "The board approved buying more than 100 additional jets from the planemaker.")  # fmt: skip
    assert joined("The army plans to buy 114 attack helicopters from the maker.",
                  "The government gave approval to buy more than 100 attack helicopters last week.")  # fmt: skip


def test_a_hedged_increment_never_meets_a_whole_count() -> None:
    # "more than 100 additional" is a part (an increment), "114 in total" the whole: two counts
    assert not joined("The ministry will buy 114 attack helicopters in total, officials said.",
                      "The ministry approved buying more than 100 additional attack helicopters.")  # fmt: skip
    assert not joined("The hospital employs 128 nurses on the ward, the union said.",
                      "The hospital will hire more than 100 additional nurses for the ward.")  # fmt: skip
    # a round bound still meets no figure of another thing
    assert not joined("Police said more than 100 officers were deployed to the stadium.",
                      "Some 114 protesters were detained near the stadium.")  # fmt: skip


def _units(text: str) -> list[tuple[str, str | None]]:
    from claimcheck.claims.extract import extract_claims

    return [(c.text, c.unit) for c in extract_claims(text) if c.kind == "number"]


def test_a_quake_magnitude_is_a_magnitude_however_written() -> None:
    # science and disasters: before the figure, after it, on a scale, before the quake's noun
    assert _units("The quake had a magnitude of 6.8, the survey said.") == [("6.8", "magnitude")]
    assert _units("The earthquake measured 6.8 on the Richter scale.") == [("6.8", "magnitude")]
    assert _units("The tremor registered 5.9 on the scale, seismologists said.") == [("5.9", "magnitude")]
    assert _units("A powerful 6.8 magnitude earthquake rocked the city.") == [("6.8", "magnitude")]
    assert _units("A 7.1 quake struck off the coast before dawn.") == [("7.1", "magnitude")]
    assert _units("A 5.4 aftershock followed an hour later.") == [("5.4", "magnitude")]
    assert joined("A magnitude 6.8 earthquake struck the island on Friday, the survey said.",
                  "The quake had a magnitude of 6.8, according to the geological survey.")  # fmt: skip
    assert joined("The earthquake measured 6.8 on the Richter scale, officials said.",
                  "A 6.8-magnitude quake hit the island on Friday.")  # fmt: skip


def test_counts_of_quakes_and_other_scales_are_no_magnitude() -> None:
    assert _units("Two quakes struck the island overnight.") == [("Two quakes", "quakes")]
    assert _units("The 2 earthquakes killed 300 people.")[0] == ("2 earthquakes", "earthquakes")
    assert _units("She rated her pain 8 on the scale, the nurse said.") == [("8", None)]
    # a quake's magnitude is not the share of an economy nor a count of people
    assert not joined("A magnitude 6.8 earthquake struck the island on Friday.",
                      "The island's economy grew 6.8 percent last year.")  # fmt: skip
    assert not joined("The earthquake measured 6.8 on the Richter scale.",
                      "The quake left 6.8 million people without power.")  # fmt: skip


def _numbers(*texts: str) -> list[Any]:
    from test_match_general import OUTLETS, told_each

    from claimcheck.match.pipeline import match_facts
    from claimcheck.match.rules import MatchOptions

    articles = told_each(*texts)
    return [f for f in match_facts(articles, OUTLETS, MatchOptions()) if f.kind == "number"]


def test_this_season_and_last_season_are_times_not_a_conflict() -> None:
    # sport, business, crime: a figure of this season (quarter) and one of the last are two facts
    for a, b in (
        ("The club has sold 12,000 season tickets this season.", "The club sold 15,000 season tickets last season."),
        ("The coach has used 31 players this season.", "The coach used 28 players in the whole of last season."),
        ("The chain has opened 140 stores this quarter.", "The chain opened 120 stores last quarter."),
    ):
        facts = _numbers(a, b)
        assert not any(f.conflicts for f in facts), (a, b)
        assert not any(len(f.outlets) == 2 for f in facts), (a, b)
    assert _units("The striker has scored 21 goals so far this season.") == [("21 goals", "goals")]


def test_one_season_figure_still_joins_and_still_conflicts() -> None:
    assert joined("The striker has scored 21 goals this season, the club said.",
                  "The striker has 21 goals so far this season, a club record.")  # fmt: skip
    assert joined("The striker has scored 21 goals this season, the club said.",
                  "The striker has scored 21 goals, the club said on Sunday.")  # fmt: skip
    facts = _numbers("The club has sold 12,000 season tickets this season, it said.",
                     "The club has sold 15,000 season tickets this season, it said.")  # fmt: skip
    assert any(f.conflicts for f in facts)


def test_a_collective_noun_ends_the_counted_thing_before_its_verb() -> None:
    # headlines in the present tense: defence, policing, farming
    assert _units("Nigeria says 100 military personnel arrive to train its army") == [
        ("100 military personnel", "military personnel")
    ]
    assert _units("About 40 police arrive at the scene of the blast") == [("About 40 police", "police")]
    assert _units("Floods sweep away 300 cattle in the delta") == [("300 cattle", "cattle")]
    # a collective noun before another noun is its modifier, as before
    assert _units("Some 40 police officers were hurt.") == [("Some 40 police officers", "police officers")]
    assert _units("The army sold 200 personnel carriers.") == [("200 personnel carriers", "personnel carriers")]


def test_one_measure_in_two_units_with_unlike_contexts_explains_its_link() -> None:
    # a conversion link ("40m" / "131ft") is made by its own rule; explaining it (every compare's JSON and
    # --explain) failed an assertion when the two sentences' words were too unlike for the ordinary scoring
    from test_match_general import OUTLETS, told

    from claimcheck.match.pipeline import match_facts
    from claimcheck.match.rules import MatchOptions

    for a, b in (
        ("Divers say the flooded shaft is 40m deep.",
         "The abandoned mine, 131ft deep, lies beyond the ridge of the old quarry road that locals avoid."),
        ("The whale measured 12 metres long.",
         "Fishermen towed ashore a carcass 39 feet long after the storm passed over the northern bay."),
    ):  # fmt: skip
        facts = match_facts([told("bbc", a, 0), told("cbs", b, 1)], OUTLETS, MatchOptions())
        (fact,) = [f for f in facts if f.kind == "number" and len(f.outlets) == 2]
        assert [lk.rule.split(",")[0] for lk in fact.links] == ["number: same 'm'"]
        assert "values agree" in fact.links[0].rule

"""Rules of the number extractor tried on sentences of other kinds of news than the ones they were written for
(audit6): each misfire found, and the case its rule was written for, which must stay."""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims


def numbers(text: str) -> list[tuple[str, str | None]]:
    """(text, unit) of each number claim of ``text``."""
    return [(c.text, c.unit) for c in extract_claims(text) if c.kind == "number"]


def values(text: str) -> list[tuple[float | None, float | None, str | None]]:
    """(low, high, unit) of each number claim of ``text``."""
    return [(c.value.low, c.value.high, c.unit) for c in extract_claims(text) if c.kind == "number" and c.value]


# A series noun before a number names an item ("lap 48"), but not when a plural noun follows: then the
# noun tells when or where, and the number counts.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Every week 2,000 migrants arrive on the island.", [("2,000 migrants", "migrants")]),
        ("In the same week 40 people were killed in clashes.", [("40 people", "deaths")]),
        ("During the game 3 players were taken to hospital.", [("3 players", "players")]),
        ("On the third floor 12 workers were trapped by the flames.", [("third floor", "floor"), ("12 workers", "workers")]),
    ],
)
def test_a_series_noun_before_a_count_leaves_the_count(text: str, expected: list[tuple[str, str]]) -> None:
    assert numbers(text) == expected


# The lead's decision (issue 12, facts17): an item of a contest's series named by its noun and a number ("on lap
# 48", "Game 7", "in round 3") is an ordinal claim of that noun, as "the 48th lap" is; a page number, a live blog's
# "Lap 29" marker opening a line, and other series nouns stay no claim.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The leader spun off on lap 48 as the rain grew heavier.", [("lap 48", "lap")]),
        ("The visitors levelled the series by winning Game 4 at home.", [("Game 4", "game")]),
        ("The ministry answered on page 5 of its report.", []),
        ("Lap 29 Drivers are left waiting in the pit lane as the rain returns.", []),
    ],
)
def test_a_series_item_is_an_ordinal_of_its_noun(text: str, expected: list[tuple[str, str]]) -> None:
    assert numbers(text) == expected


# A capitalised word before a number names a model or an item ("Apollo 11", "Lap 48"), but one name after a
# verb or a preposition, followed by a plural noun, is an object or a place before a count.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The deal gives Ukraine 40 tanks and 12 jets.", [("40 tanks", "tanks"), ("12 jets", "jets")]),
        ("Germany has pledged Kyiv 18 howitzers.", [("18 howitzers", "howitzers")]),
        ("Apple sold Samsung 300 patents.", [("300 patents", "patents")]),
        ("In Ohio 3 schools closed because of the storm.", [("3 schools", "schools")]),
    ],
)
def test_a_name_before_a_count_leaves_the_count(text: str, expected: list[tuple[str, str]]) -> None:
    assert numbers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He flew on Apollo 11 in 1969.",
        "Nintendo Switch 2 owners complained about the price.",
        "World War 2 veterans marched through the town.",
        "The first Apollo 11 astronauts returned to a hero's welcome.",
    ],
)
def test_a_name_with_a_number_is_still_no_count(text: str) -> None:
    assert numbers(text) == []


def test_a_name_then_times_still_counts() -> None:
    assert numbers("Ships sold oil to North Korea 30 times last year.") == [("30 times", "times")]


# Two figures joined by a dash near a result word are a score, but not when a plural noun follows: a range
# of that count.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The army lost 10-15 tanks in the first week of the offensive.", [(10.0, 15.0, "tanks")]),
        ("Analysts expect the firm to lose 200-300 jobs.", [(200.0, 300.0, "jobs")]),
        ("The party's lead in the region grew to 8-10 seats.", [(8.0, 10.0, "seats")]),
    ],
)
def test_a_range_of_a_count_near_a_result_word_is_no_score(
    text: str, expected: list[tuple[float, float, str]]
) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "score"),
    [("The Wildcats beat the Tigers 3-1 on Sunday.", "3-1"), ("The Cubs won 8-7 in 10 innings.", "8-7")],
)
def test_a_score_near_a_result_word_stays(text: str, score: str) -> None:
    assert (score, "score") in numbers(text)


# "who was", "aged", "turned" before a number make it an age, but not with a unit or a plural after it.
def test_points_behind_after_who_was_are_no_age() -> None:
    assert numbers("The candidate, who was 12 points behind in the polls, won the seat.") == [
        ("12 points", "points")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Her son, who was 12 when the war began, survived.",
        "Smith, who is 30 years old, was arrested.",
        "Babies aged 6 months were tested.",
    ],
)
def test_ages_after_who_was_and_aged_stay_ages(text: str) -> None:
    assert numbers(text) == []


# A bare "13m" is metres when the words near it speak of depth or height; a fall or a drop of a figure is no
# such word ("fell to 2m" is two million).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Audiences fell to 5m viewers.", [(5e6, 5e6, "viewers")]),
        ("Passenger numbers fell to 2m last year.", [(2e6, 2e6, None)]),
        ("Revenue fell from 5m to 3m.", [(5e6, 5e6, None), (3e6, 3e6, None)]),
    ],
)
def test_a_fall_of_a_figure_in_millions_is_no_length(
    text: str, expected: list[tuple[float, float, str | None]]
) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "metres"),
    [
        ("Rescuers dug 13m down to reach the boy.", 13.0),
        ("The calf fell into the 40m disused mine shaft near the farm.", 40.0),
        ("The climber fell 20m from the ledge.", 20.0),
        ("The cave lies 40m below ground.", 40.0),
        ("The well was put at a depth of 40m.", 40.0),
    ],
)
def test_a_fall_into_a_depth_is_in_metres(text: str, metres: float) -> None:
    assert values(text) == [(metres, metres, "m")]


# "Name, 61," sets off an age; a fronted phrase of place, time or part before the comma does not.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In Texas, 40 had been evacuated by noon.", [("40", "evacuated")]),
        ("By Friday, 12 had died in the floods.", [("12", "deaths")]),
        ("Of those, 12 had been hospitalised.", [("12", "hospitalised")]),
    ],
)
def test_a_count_after_a_fronted_phrase_is_no_age(text: str, expected: list[tuple[str, str]]) -> None:
    assert numbers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The mayor, 61, said the town would rebuild.",
        "In the town, Smith, 61, said he was afraid.",
        "The victim was named as John Danley, 62.",
    ],
)
def test_an_age_set_off_by_commas_stays_an_age(text: str) -> None:
    assert numbers(text) == []


# "two-state", "one-party", "two-horse", "one-stop" compounds are kinds; with many parts they count.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A 20-state coalition sued the administration over the rule.", [("20-state coalition", "state coalition")]),
        ("The 27-party alliance won a majority.", [("27-party alliance", "party alliance")]),
        ("The band begins a 12-stop tour in May.", [("12-stop tour", "stop tour")]),
    ],
)
def test_a_group_of_many_members_is_a_count(text: str, expected: list[tuple[str, str]]) -> None:
    assert numbers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Both sides still back a two-state solution, the envoy said.",
        "It became a one-party state after the coup.",
        "The election is a two-horse race.",
    ],
)
def test_a_kind_of_few_parts_is_no_count(text: str) -> None:
    assert numbers(text) == []


# "aged" makes its number an age; the second age of a range or a pair too.
@pytest.mark.parametrize(
    "text",
    [
        "Children aged 5 to 11 will get the vaccine.",
        "Children aged 5-11 will get the vaccine.",
        "Patients aged between 18 and 65 took part.",
    ],
)
def test_an_age_range_is_no_count(text: str) -> None:
    assert numbers(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The study followed 300 children aged 5 to 11.", [("300 children", "children")]),
        # two girls of ten and twelve are persons of the story: their ages are claims (facts17)
        ("Girls aged 10 and 12 were among the 40 victims.", [("10", "age"), ("12", "age"), ("40 victims", "victims")]),
        ("Residents aged 80 and 30 volunteers were moved.", [("30 volunteers", "volunteers")]),
    ],
)
def test_counts_beside_an_age_range_stay(text: str, expected: list[tuple[str, str]]) -> None:
    assert numbers(text) == expected


def speakers(text: str) -> list[str | None]:
    return [c.speaker for c in extract_claims(text) if c.kind == "quote"]


# Written for claimcheck; the names are public figures' as news names them, the words our own.
@pytest.mark.parametrize(
    "text,speaker",
    [
        ('"We will not be rushed into a deal," said Theresa May.', "Theresa May"),
        ('"We will not be rushed into a deal," Prime Minister Theresa May said on Tuesday.', "Theresa May"),
        ('"The briefing room stays open," said April Ryan.', "April Ryan"),
    ],
)
def test_a_name_that_is_also_a_month_speaks(text: str, speaker: str) -> None:
    """Any month in a name made it "no speaker" (a date is none): "Theresa May", the British prime minister
    of the real 2017-18 reports, never got her quotes. A month beside a capitalised word of no date is a name."""
    assert speakers(text) == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        '"We will rebuild the bridge," the council said in May.',
        '"We will rebuild the bridge," she said on Tuesday.',
    ],
)
def test_a_date_after_the_speech_verb_is_still_no_speaker(text: str) -> None:
    assert not any(s and ("May" in s or "Tuesday" in s) for s in speakers(text))


@pytest.mark.parametrize(
    "text,speaker",
    [
        ('"These tests only deepen the isolation," Secretary of State Ann Devlin said in a statement.',
         "Ann Devlin"),
        ('"The border is secure," said Secretary of Homeland Security Kirstjen Nielsen.', "Kirstjen Nielsen"),
        ('"The books will balance," Chancellor of the Exchequer Anna Holm said.', "Anna Holm"),
        ('"Our troops are ready," Minister of Defence Tomas Berg told reporters.', "Tomas Berg"),
        ('"The court has spoken," said Justice Ruth Bader Ginsburg.', "Ruth Bader Ginsburg"),
        # the portfolio alone was the speaker: "State", "Defence"
        ('"These tests only deepen the isolation," said the Secretary of State, Ann Devlin.', "Ann Devlin"),
        ('"Our troops are ready," said the Minister of Defence, Tomas Berg, on Monday.', "Tomas Berg"),
    ],
)  # fmt: skip
def test_a_title_of_a_portfolio_is_no_part_of_the_speakers_name(text: str, speaker: str) -> None:
    """ "Secretary of State Ann Devlin said" made the speaker "State Ann Devlin" (the name is matched from
    the capitalised word after "of"), shown so in the real North Korea reports' table; "said the Secretary of
    State, Ann Devlin" made it "State"."""
    assert speakers(text) == [speaker]


def test_a_portfolio_alone_is_no_speaker() -> None:
    assert speakers('"We will rebuild the bridge," said the Secretary of State.') == [None]


@pytest.mark.parametrize(
    "text",
    [
        "Veteran broadcaster Ada Quill dies at 91",
        "Ada Quill, the broadcaster, dies aged 91",
        "Ada Quill died on Sunday at the age of 91, her family said.",
        "Ada Quill, who died at 91 after a short illness, presented the show for 30 years.",
        "The singer dies at 91, his family said.",  # no count (tests/test_claims.py), but an age at death
    ],
)
def test_an_age_at_death_is_a_claim(text: str) -> None:
    # an obituary's figure, stated (and disputed) by every outlet that reports the death
    assert ("91", "age at death") in numbers(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ada Quill, 91, died on Sunday.",  # an age in apposition stays no claim
        "A 91-year-old woman died in the fire.",
        "The man died at 10 Downing Street.",
        "She died at 3 am on Sunday.",
    ],
)
def test_other_ages_and_places_of_death_are_no_age_at_death(text: str) -> None:
    assert all(unit != "age at death" for _, unit in numbers(text))

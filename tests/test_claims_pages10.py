"""Round pages10 (issue 12, claims): numbers on unseen sentences, what is a claim and what is furniture.

Own sentences of several kinds of news and web copy (cooking, fitness, medicine, gardening, sport, tech, politics,
local news): for each rule, sentences that gave a number before and must give none, and sentences that must stay
claims (see docs in tests/claims_label.py, "Tenth round", and notes/claims16.md).
"""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims


def _numbers(text: str) -> list[tuple[float | None, float | None, str | None]]:
    return [(c.value.low, c.value.high, c.unit) for c in extract_claims(text) if c.kind == "number" and c.value]


# A how-to's step in the imperative: the reader's instructions, no claim.
@pytest.mark.parametrize(
    "text",
    [
        "Eat every 2–3 hours",
        "Drink 20-30 minutes before your morning run",
        "Simmer for 10 minutes, then season to taste.",
        "Bake for about 25 minutes until golden.",
        "Take 2 tablets every 4 hours with water.",
        "Water twice a week through the summer months.",
        "Walk 30 minutes a day after lunch.",
        "Let it rest for 15 minutes before slicing.",
        "“Stir for 2 minutes, then serve.”",
    ],
)
def test_instructions_give_no_number(text: str) -> None:
    assert _numbers(text) == []


@pytest.mark.parametrize(
    "text, want",
    [
        ("Drink sales rose 5% last year.", (5.0, 5.0, "percent")),  # the noun reading
        ("Eating 60 grams of nuts a day cut the risk by 20%, the study found.", (20.0, 20.0, "percent")),
        ("Take-Two sold 5 million copies of the game.", (5000000.0, 5000000.0, "copies")),
        ("The chef said diners eat 300 meals a night at the bistro.", (300.0, 300.0, "meals")),
        ("Heat 3 ran the relay in 41 seconds.", (41.0, 41.0, "seconds")),
        ("Water levels rose 2 m overnight in the valley.", (2.0, 2.0, "m overnight")),
    ],
)
def test_sentences_that_are_no_instruction_keep_their_numbers(text: str, want: tuple) -> None:
    assert want in _numbers(text)


# A product box's price after a shop's or a maker's label with a colon.
@pytest.mark.parametrize(
    "text",
    [
        "Tested by: Ann Lee RRP: $49.99 More info: example.org",
        "Reviewed by: Tom Hale MSRP: £1,299 Verdict: solid",
    ],
)
def test_labelled_price_in_a_product_box_is_furniture(text: str) -> None:
    assert _numbers(text) == []


def test_a_price_stated_in_a_sentence_stays() -> None:
    assert (399.0, 399.0, "dollars") in _numbers("The RRP of the new phone is $399, the retailer said.")


# "one" as the indefinite article of a speaker: no count.
@pytest.mark.parametrize(
    "text",
    [
        'On Sunday one reader commented: "The referee got it badly wrong."',
        "One voter told reporters the queue was two hours long.",
        "One resident said the water came up to her knees.",
        "One analyst wrote that the merger was overdue.",
    ],
)
def test_one_speaker_is_no_count(text: str) -> None:
    assert not [n for n in _numbers(text) if n[0] == 1.0 and n[1] == 1.0]


@pytest.mark.parametrize(
    "text, want",
    [
        ("One soldier died and one was injured.", (1.0, 1.0, "soldier")),
        ("One soldier said 12 comrades had been hurt.", (12.0, 12.0, "comrades")),
        ("Only one resident was evacuated from the tower.", (1.0, 1.0, "resident")),
    ],
)
def test_counts_and_a_speakers_own_figures_stay(text: str, want: tuple) -> None:
    assert want in _numbers(text)


# "X 101": an introduction's name.
@pytest.mark.parametrize(
    "text",
    ["Virtual reality 101: what you need to know about headsets", "Mortgages 101 — a guide for first-time buyers"],
)
def test_intro_course_name_is_no_number(text: str) -> None:
    assert not [n for n in _numbers(text) if n[0] == 101.0]


@pytest.mark.parametrize(
    "text, want",
    [
        ("He scored 101 points this season.", (101.0, 101.0, "points")),
        ("The storm destroyed 101 homes in the county.", (101.0, 101.0, "homes")),
    ],
)
def test_a_count_of_101_stays(text: str, want: tuple) -> None:
    assert want in _numbers(text)


# A demonstrative or a party of a story with a few sides points back: no new count.
@pytest.mark.parametrize(
    "text",
    [
        '"We wanted to put these two pieces of software together," the engineer said.',
        "Those three options were all rejected by the council.",
        "The deal between the two organisations was signed on Friday.",
        "Talks between the two unions broke down late on Monday.",
    ],
)
def test_pointing_back_is_no_count(text: str) -> None:
    assert not [n for n in _numbers(text) if n[0] in (2.0, 3.0)]


@pytest.mark.parametrize(
    "text, want",
    [
        ("These two men were arrested on Friday.", (2.0, 2.0, "men")),  # people stay counts
        ("Two organisations signed the pledge on Friday.", (2.0, 2.0, "organisations")),
        ("The council said these 40 schools will close next year.", (40.0, 40.0, "schools")),
    ],
)
def test_counts_without_pointing_back_stay(text: str, want: tuple) -> None:
    assert want in _numbers(text)


# "think twice": a manner of speaking.
@pytest.mark.parametrize(
    "text", ["Fans would not think twice about paying that much.", "The mayor thought twice before vetoing the bill."]
)
def test_think_twice_is_no_count(text: str) -> None:
    assert _numbers(text) == []


def test_twice_as_a_count_stays() -> None:
    assert (2.0, 2.0, "times") in _numbers("The two leaders met twice last year in Geneva.")


# A race's name: a distance before a stroke or a track event.
@pytest.mark.parametrize(
    "text",
    [
        "She won the 200 yard breaststroke at the county meet.",
        "He set a school record in the 100-metre freestyle.",
        "The junior was third in the 400m hurdles.",
    ],
)
def test_race_name_is_no_measure(text: str) -> None:
    assert _numbers(text) == []


@pytest.mark.parametrize(
    "text, want",
    [
        ("The junior was third in the 400m hurdles in 54.2 seconds.", (54.2, 54.2, "seconds")),
        ("He swam 100 yards in 50 seconds at practice.", (100.0, 100.0, "yd")),
        ("Over 300 swimmers entered the 50 freestyle.", (300.0, None, "swimmers")),
    ],
)
def test_race_times_and_distances_swum_stay(text: str, want: tuple) -> None:
    assert want in _numbers(text)

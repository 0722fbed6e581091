"""Numbers, credits and furniture of news copy (issue 12 §2, the news-clusters labelling round).

Every sentence is our own, written for these tests in the manner of news copy; each rule has cases that must
stay claims.
"""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims
from claimcheck.claims.citations import find_credits


def numbers(text: str) -> list[tuple[float | None, float | None, str | None]]:
    out = []
    for c in extract_claims(text):
        if c.kind == "number":
            assert c.value is not None
            out.append((c.value.low, c.value.high, c.unit))
    return out


def kinds(text: str) -> list[str]:
    return [c.kind for c in extract_claims(text)]


def cites(text: str) -> list[str]:
    return [c.cites for c in find_credits(text, {})]


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        # a verb that passes a mark gives a lower bound, as "above" and "over" do
        ("Shares of the lender topped $50 on Tuesday for the first time.", 50, None, "dollars"),
        ("Ticket sales exceeded 1 million by the end of the week.", 1_000_000, None, None),
        ("The app has surpassed 200,000 users in its first month.", 200_000, None, "users"),
        # an approximator or bound before "a": "about a 3 percent chance", "up to a 15% discount"
        ("Surgeons gave the rider about a 3 percent chance of walking again.", 2.7, 3.3, "percent"),
        ("Members get up to a 15% discount on tickets.", 0, 15, "percent"),
        # a vague amount of a measure counts the measure's unit, and trillions are vague too
        ("The probe passed hundreds of kilometres above the ice.", 200, 1000, "km"),
        ("Trillions of microbes live on the hull of the station.", 2e12, 1e15, "microbes"),
    ],
)
def test_bounds_and_vague_amounts(text: str, low: float, high: float | None, unit: str | None) -> None:
    got = numbers(text)
    assert len(got) == 1, got
    g_low, g_high, g_unit = got[0]
    assert g_low == pytest.approx(low) and (g_high is None if high is None else g_high == pytest.approx(high))
    if unit is not None:
        assert g_unit == unit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # these stay as they were: "topped" before a noun is no bound, "over a 10-year period" is a span
        ("The single topped the charts for 3 weeks in the spring.", [(3.0, 3.0, "weeks")]),
        ("The levy will be paid over a 10-year period by 300 firms.", [(10.0, 10.0, "year period"), (300.0, 300.0, "firms")]),
        ("The jury deliberated for about five hours before returning a verdict.", [(4.5, 5.5, "hours")]),
        ("The band announced a 30-date tour of the north.", [(30.0, 30.0, "date tour")]),
    ],
)
def test_claims_that_stay(text: str, expected: list[tuple[float, float, str]]) -> None:
    assert numbers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the structure of a thing or a process names its kind, not a count
        "The agency flew a three-stage rocket from the coastal pad on Friday.",
        "Registering a company there is a two-step process, the ministry said.",
        "The city adopted a four-phase plan for reopening its schools.",
    ],
)
def test_kind_compounds(text: str) -> None:
    assert numbers(text) == []


def test_many_parts_are_counted() -> None:
    # a structure of a few parts is a kind, a count of many a figure (review5)
    assert numbers("Riders face a 21-stage race over the mountains.") == [(21.0, 21.0, "stage race")]
    assert numbers("The airline flies a 50-seater turboprop to the island.") == [(50.0, 50.0, "seater turboprop")]
    assert numbers("The carmaker sells a two-seater and a four-door saloon.") == []


@pytest.mark.parametrize(
    "text",
    [
        # a site's copyright notice, a viewing guide's links
        "The material (text, photos, video and the like) published on this site belongs to Harbour Media Co (HMC).",
        "Match preview How to watch the derby for free, TV channel and kick-off time",
    ],
)
def test_news_furniture(text: str) -> None:
    assert kinds(text) == []


def test_news_furniture_keeps_news() -> None:
    # a sentence about photographs, and one about watching, are news
    assert kinds("The Interior Ministry published photos of the damaged bridge on Tuesday.") == ["statement"]
    assert numbers("About 40 million people watched the final on television, the network said.") != []
    # a sentence of news that tells how to watch something is no viewing guide (review5)
    text = "Viewers were left unsure how to watch the debate after the network's stream crashed for 40 minutes."
    assert numbers(text) == [(40.0, 40.0, "minutes")]


def test_initials_credited_after_the_fact() -> None:
    assert cites("The satellite entered its orbit later that day, said the KCNA.") == ["KCNA"]
    assert cites("The runway was closed for two hours, reported the FAA.") == ["FAA"]
    # a listener known by initials is no credit, nor is a sentence with no credit at its end
    assert cites("The minister told NATO on Tuesday that the talks had failed.") == []
    assert cites("The FAA said in March that the runway was safe.") == []


def speakers(text: str) -> list[str | None]:
    return [c.speaker for c in extract_claims(text) if c.kind == "quote"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a time between the speaker and a naming verb: "X on Sunday denounced ... as"
        ('President Ana Lopez on Sunday denounced the strike as "a reckless and dangerous act," after a meeting.',
         ["Ana Lopez"]),
        # a fronted adverbial before the subject of a participle of speech; the second quote joined by "and"
        ('After weeks of sharp words, Mayor Tom Reyes struck a calmer tone on Monday, urging the union to '
         '"come back to the talks" and "settle this within a week".', ["Tom Reyes", "Tom Reyes"]),
        # a relative clause of speech: the name "who" stands for speaks
        ('The trainer saw the rider was pale and fetched Jon Dale, who told the team doctor, "I do not feel '
         'well at all."', ["Jon Dale"]),
        # a new clause after the quote has its own subject: the first quote is not Ortiz's
        ('Cole was heard over the radio saying "we should keep going now" while Ben Ortiz replied, "I think it '
         'is far too wet".', [None, "Ben Ortiz"]),
    ],
)
def test_speakers_of_news_copy(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


def test_speakers_that_stay() -> None:
    assert speakers('"We will appeal the ruling," Coach Lisa Hart said on Friday, as the team left.') == ["Lisa Hart"]
    assert speakers('"Nobody saw it coming," said Maria Bell, who runs the cafe.') == ["Maria Bell"]
    assert speakers('In a statement, Jane Roe rejected the claims, saying "none of this is true at all".') == [
        "Jane Roe"
    ]


def test_as_and_when_after_a_quote_credit_it() -> None:
    # "as" and "when" after a quote lead to its credit, not to a clause of another subject (review5)
    text = 'The deal is "a disaster for the workers of this town," as Senator Jane Moss told reporters.'
    assert speakers(text) == ["Jane Moss"]
    assert speakers('"Prices will keep rising all year," when asked by reporters, the minister said.') != [None]


def test_korean_given_names_are_names() -> None:
    # the second part of a hyphenated given name is no describing word ("Oscar-winning", "London-based")
    text = 'South Korean President Park Min-jae on Sunday condemned the test as "a grave and reckless provocation."'
    assert speakers(text) == ["Park Min-jae"]
    assert speakers('"It was a long night for all of us," Grammy-nominated singer Lia Moss said.') == ["Lia Moss"]


def test_speaker_from_the_sentence_credit() -> None:
    text = 'The probe, "a newly built" weather satellite, reached its orbit at 9:00 local time, said the KCNA.'
    assert speakers(text) == ["KCNA"]


def test_a_few_parties_point_back() -> None:
    assert numbers("The envoy ended his visits to the three countries on Friday.") == []
    # people stay counts, and so do parties after no determiner
    assert numbers("The three suspects were charged on Monday.") != []
    assert numbers("Three countries signed the pact on Friday.") == [(3.0, 3.0, "countries")]


@pytest.mark.parametrize(
    "text",
    [
        # a version in a heading's capitals
        "What else is in the console's 5.50 Update for players?",
        # a model's build
        "The maker showed a three-wheeled city car at the fair.",
        "The four-door saloon comes with a four-cylinder engine.",
        # an age or an anniversary reached, and a heading run into the next one
        "The old harbour turns 300 Trading hub of a whole region",
        "The singer turned 40 on Monday in Paris.",
    ],
)
def test_series_items_versions_builds_and_ages(text: str) -> None:
    assert numbers(text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # one item of a series named by a word number is an ordinal of its noun (the lead's decision, facts17)
        ("The home side won game seven late last night after a rain delay.", 7.0, "game"),
        ("The champion was knocked out in round two by a qualifier.", 2.0, "round"),
    ],
)
def test_series_items_in_words_are_ordinals(text: str, value: float, unit: str) -> None:
    assert numbers(text) == [(value, value, unit)]


def test_series_builds_and_turns_that_stay() -> None:
    assert numbers("He went down and hit the floor three times in the fight.") == [(3.0, 3.0, "times")]
    assert numbers("Shares turned 5% lower after the report.") == [(5.0, 5.0, "percent")]
    assert numbers("She is a three-time Olympic champion.") != []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "about" and "around" before an article are prepositions here, not approximators (review5)
        ("The senator said she was worried about a 10 percent tariff on steel.", [(10.0, 10.0, "percent")]),
        ("Ministers argued about a $2 billion aid package for farmers.", [(2e9, 2e9, "dollars")]),
        ("Protesters marched around a 2-mile loop of the city centre.", [(2.0, 2.0, "miles")]),
        # ... and approximators after a verb that takes an amount
        ("The team has about a 40% chance of winning the title.", [(36.0, 44.0, "percent")]),
        ("Bookmakers put the outsider at around a 20 percent chance.", [(18.0, 22.0, "percent")]),
    ],
)
def test_about_a_is_a_preposition_unless_an_amount_is_had_or_given(
    text: str, expected: list[tuple[float, float, str]]
) -> None:
    got = numbers(text)
    assert [(round(lo or 0, 6), round(hi or 0, 6), unit) for lo, hi, unit in got] == expected, got

"""review6: rules of this session narrowed where they misfired on news of other kinds.

Every sentence is our own. Each test holds the misfire (it failed before the narrowing) and the cases the rule
was written for (they pass before and after).
"""

from __future__ import annotations

import pytest
from test_claims_news import numbers
from test_claims_news2 import cites

from claimcheck.claims import extract_claims


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day after a press class noun is no source's name
        ("Officials at the crash site Sunday said the toll had risen to 40.", []),
        ("Police at the station Tuesday said two men had been detained.", []),
        ("The newspaper Sunday said 50 jobs would go.", []),
        # the cases the rule was written for
        ("The ferry, which news agency dpa reports was bound for Rotterdam, struck a pier.", ["dpa"]),
        ("The tabloid Daily Sport said the striker had signed.", ["Daily Sport"]),
        ("The broadcaster Sky Italia said 50 jobs would go.", ["Sky Italia"]),
    ],
)
def test_press_class_noun_names_no_day(text: str, expected: list[str]) -> None:
    assert cites(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after "on" or "in", a day, a month or a place is no outlet that ran the piece: the piece stays the source
        ("The death toll rose to 40, according to a report on Monday.", ["report"]),
        ("Inflation hit 9 percent, according to a survey in Germany.", ["survey"]),
        ("The drug cut deaths by 20 percent, according to a study in January.", ["study"]),
        # the cases the rule was written for ("by" runs to the punctuation, as before)
        ("He is 70, and according to a story on The Ringer, medics carried him off.", ["The Ringer"]),
        ("According to a report in the Daily Planet, the mill will close.", ["Daily Planet"]),
        ("The tariff will cost 40,000 jobs, according to a report in the Financial Times.", ["Financial Times."]),
        ("The tariff will cost 40,000 jobs, according to a report on NHK.", ["NHK."]),
        ("The tariff will cost 40,000 jobs, according to a report on CNN.", ["cnn"]),  # an outlet, once
        ("The drug cut deaths by 20 percent, according to a study in the Lancet.", ["Lancet."]),
        ("Sea ice shrank by 13 percent, according to a study in Nature.", ["Nature."]),
        ("Turnout fell to 52 percent, according to a survey by Gallup.", ["survey by Gallup"]),
    ],
)
def test_genre_noun_gives_way_to_a_publication_only(text: str, expected: list[str]) -> None:
    assert cites(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "The X" followed by more of its noun phrase is a listener, not a publication
        ("Lawyers for the men told The Hague court that the charges were baseless.", []),
        ("He told The Rolling Stones' biographer that he was paid $5,000.", []),
        ("She told The Duke of Sussex's lawyers she had kept 40 letters.", []),
        # the cases the rule was written for
        ("The nurse told The Atlantic that the ward was full.", ["Atlantic"]),
        ("The nurse told The Atlantic magazine the ward was full.", ["Atlantic"]),
        ("The nurse told The Atlantic on Friday the ward was full.", ["Atlantic"]),
        ("The nurse, speaking to The Verge, said the ward was full.", ["Verge"]),
    ],
)
def test_told_the_title_ends_its_noun_phrase(text: str, expected: list[str]) -> None:
    assert cites(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a length or a weight glued before a name is a figure of the named thing
        ("The 1,200km Keystone XL pipeline would carry crude from Alberta.", [(1200.0, 1200.0, "km")]),
        ("A 300kg Tesla battery pack caught fire.", [(300.0, 300.0, "kg")]),
        # the cases the rule was written for: a device's rating in watts, a code after an identifier's word
        ("The $45 65W USB-C GaN Wall Charger is the one I now carry.", [(45.0, 45.0, "dollars")]),
        ("The charger has a 30W port and an 18W port.", [(30.0, 30.0, "W"), (18.0, 18.0, "W")]),
        ("Route 9W was closed after the crash.", []),
    ],
)
def test_only_a_rating_in_watts_is_part_of_a_product_name(
    text: str, expected: list[tuple[float | None, float | None, str | None]]
) -> None:
    assert numbers(text) == expected


def speakers(text: str) -> list[str | None]:
    return [c.speaker for c in extract_claims(text) if c.kind == "quote"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a channel after a preposition, or a document, before a participle of speech does not speak
        ('The mayor posted on Facebook saying: "Schools will stay closed until further notice."', ["the mayor"]),
        ('Zelensky released a video on Telegram saying: "We will not give up a single metre of our land."', [None]),
        ('Police issued a statement saying: "The area is now safe and residents may return."', [None]),
        ('The company sent a letter telling staff: "Your jobs are safe for the next year."', [None]),
        # the cases the rule was written for: a verb's object speaks
        ('He recalled the pilot telling the passengers: "Brace, brace, brace."', ["the pilot"]),
        ('The footage shows Jane Moss telling the crowd: "We will be back next year."', ["Jane Moss"]),
        ('Aides read out a message from Jane Moss saying: "I am sorry I cannot be with you."', ["Jane Moss"]),
    ],
)
def test_object_of_a_verb_speaks_not_a_channel_or_a_document(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "by" or "from" after a verb of change gives an amount, not an earlier year
        ("The index fell by 1500 in a single session.", [(1500.0, 1500.0, None)]),
        ("Unemployment fell by 1200 in March.", [(1200.0, 1200.0, None)]),
        # the cases the rule was written for
        ("The poet wrote, in 1611, that fame was wind.", []),
        ("The abbey has stood since 1422 and still holds services.", []),
        ("By 1500 the town had its own mint.", []),
    ],
)
def test_an_amount_of_change_is_no_earlier_year(
    text: str, expected: list[tuple[float | None, float | None, str | None]]
) -> None:
    assert numbers(text) == expected

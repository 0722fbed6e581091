"""review7: narrowings of this session's rules that misfired on other kinds of news.

Every sentence is our own, from news other than the stories the rules were written for (politics, courts,
business, disasters); each narrowing keeps the case its rule was written for (those cases stay in
tests/test_claims_news3.py and are repeated here where the narrowing touches them).
"""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims
from tests.claims_eval import ALIASES


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.speaker) for c in extract_claims(text, ALIASES) if c.kind == "quote"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a quote inside a fronted clause: the subject after it is the main clause's, not the quote's speaker
        ('After the minister described the deal as "a historic step for the whole region," protesters blocked '
         "the main road.", "the minister"),
        ('When the president called the strikes "an act of war against our people," the rebels launched 40 '
         "drones.", "the president"),
        ('Hours after the judge called the sentence "a warning to every corrupt official," the defendant\'s '
         "lawyers filed an appeal.", "the judge"),
        ('Because the storm was rated "the strongest in a generation," the governor ordered 2 million people to '
         "leave.", None),
    ],
)
def test_a_quote_in_a_fronted_clause_is_not_credited_to_the_main_clause(text: str, speaker: str | None) -> None:
    [(_, got)] = speakers(text)
    assert got == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # what the position credit was written for: a quote opening its sentence (also after another sentence)
        ('"The whole pier shook under us," Priya Natarajan described the moment on Facebook.', "Natarajan"),
        ('The ferry sank at dawn. "Nobody will be left behind," the harbour master reassured the crowd.', "master"),
        # ... after a dateline's dash
        ('LONDON (Reuters) - "The whole pier shook under us," Priya Natarajan described the moment.', "Natarajan"),
        # a possessive is no head: the noun it qualifies is ("the victims' families", not "victims'")
        ('"Nobody told us anything at all," the victims\' families complained.', "families"),
    ],
)
def test_a_quote_opening_its_sentence_keeps_the_position_credit(text: str, speaker: str) -> None:
    [(_, got)] = speakers(text)
    assert got is not None and got.split()[-1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a fronted adverbial's noun phrase is no subject: its "of" phrase is not the speaker's postmodifier
        ('At the close of the hearing Smith described the evidence as "thin and circumstantial at best".', "Smith"),
        ('Speaking at the end of the summit Macron called the deal "a turning point for Europe and its allies".',
         "Macron"),
        ('On the first day of the trial prosecutors called the killing "cold, calculated and cruel beyond words".',
         "prosecutors"),
        # ... and a subject after it keeps its own postmodifier rule
        ('At the meeting a spokesman for the city council said the plan was "a costly and unworkable gamble".',
         "spokesman"),
        # what the rule was written for stays
        ('A senior lawyer at the firm for the company described the ruling as "a long overdue step forward".',
         "lawyer"),
        ('Mayor Ana Ruiz of Toledo called the scheme "a costly and unworkable gamble".', "Ana Ruiz"),
    ],
)
def test_a_fronted_adverbial_is_no_speakers_postmodifier(text: str, speaker: str) -> None:
    [(_, got)] = speakers(text)
    assert got is not None and got.endswith(speaker)


def numbers(text: str) -> list[tuple[float, float | None, str | None]]:
    return [(c.value.low, c.value.high, c.unit) for c in extract_claims(text, ALIASES) if c.kind == "number"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "N and a half" before a scale word: the scale multiplies the whole figure (was 1.5 'billion dollars')
        ("The deal is worth one and a half billion dollars.", [(1.5e9, 1.5e9, "dollars")]),
        ("The quake injured two and a half thousand people.", [(2500.0, 2500.0, "people")]),
        # what the rule was written for stays
        ("The search lasted two and a half days.", [(2.5, 2.5, "days")]),
    ],
)
def test_and_a_half_before_a_scale_word(text: str, expected: list[tuple[float, float | None, str]]) -> None:
    assert numbers(text) == expected


def roles(text: str) -> list[str | None]:
    return [dict(c.extra).get("role") for c in extract_claims(text, ALIASES) if c.kind == "number"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a role verb first keeps its role: the coordinated verb after it does not replace it
        ("Ten people were injured and taken to hospital.", ["injured"]),
        ("Forty people were wounded and later flown to the capital for treatment.", ["injured"]),
        # what the coordinated passive was written for stays: a first verb of no role
        ("Three men were pulled from the river and later taken to hospital.", ["hospitalised"]),
        ("Two suspects were surrounded by officers and arrested.", ["arrested"]),
    ],
)
def test_the_first_role_of_a_coordinated_passive_stays(text: str, expected: list[str]) -> None:
    assert roles(text) == expected

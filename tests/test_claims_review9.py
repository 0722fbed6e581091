"""review9: this session's rules narrowed where they misfired on other kinds of news.

Every sentence is our own, from politics, courts, sport, business and health copy; each misfire failed on main
b26cd56, and the cases each rule was written for stay as they were.
"""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims
from tests.claims_eval import ALIASES


def quotes(text: str) -> list[str]:
    return [c.text for c in extract_claims(text, ALIASES) if c.kind == "quote"]


def speakers(text: str) -> list[str | None]:
    return [c.speaker for c in extract_claims(text, ALIASES) if c.kind == "quote"]


def cites(text: str) -> list[str]:
    return [c.cites or "" for c in extract_claims(text, ALIASES) if c.kind == "citation"]


@pytest.mark.parametrize(
    "text",
    [
        # the words between a sentence's opening determiner and the quote are a subject and its verb, no modifiers
        "The senator has “no intention of running again” this year.",
        "The government remains “fully committed to the peace plan” despite the attacks.",
        "The coach felt “very let down by the referee” after the match.",
        # a determiner that opens the sentence is its subject's: "This means" is a pronoun and its verb
        "This means “a huge amount of extra work” for nurses.",
    ],
)
def test_a_subject_and_its_verb_before_a_quote_make_no_term(text: str) -> None:
    assert len(quotes(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        # a source credited with "according to", or a document's finding: the words are on record
        "Officials held a “very productive and frank” meeting on Tuesday, according to the ministry.",
        "The inquiry found a “culture of fear and bullying” inside the department.",
        "The appeals court ruled the “unlawful and unreasonable” order invalid on Friday.",
        "The Kremlin issued a “final and very serious” warning to Kyiv on Monday.",
    ],
)
def test_words_on_record_through_a_source_or_a_finding_stay_quotes(text: str) -> None:
    assert len(quotes(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        # the term rule's own cases stay terms
        "Organisers have set up a “quiet zone for families” near the main stage this year.",
        "He stopped singing right before the “you know what I mean” bit, which drew a laugh.",
        "Both parties restated their loyalty to the idea of “one country for all its people,” meaning a single state.",
        "Protesters gathered outside parliament with a “not in our name” banner on Saturday.",
    ],
)
def test_terms_inside_a_noun_phrase_stay_terms(text: str) -> None:
    assert quotes(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # a pronoun credits the later quote in its own sentence: the sentence's opening name is what it is about
        "“We are not going anywhere,” Joe Biden told supporters. Donald Trump, he added, was “a threat to our "
        "democracy and our freedoms.”",
        "“We are not going anywhere,” Joe Biden told supporters. Donald Trump was “a threat to our democracy and "
        "our freedoms,” he added.",
    ],
)
def test_a_pronoun_credit_keeps_the_last_speaker_after_another_name(text: str) -> None:
    assert speakers(text) == ["Joe Biden", "Joe Biden"]


def test_a_quote_after_another_named_subject_without_a_credit_stays_unassigned() -> None:
    # the rule's own case (tests/test_claims_news5.py) stays
    text = (
        "Ann Lee was blamed for weeks. In 2006, Ann Lee went on a talk show to explain herself: “Why was I the one "
        "apologising?” Tom Hale, by his own admission, took only about “ten per cent of the blame” for it."
    )
    assert speakers(text) == ["Ann Lee", None]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # an abbreviation ending a sentence the splitter kept whole is no word of the next sentence's subject
        ("Prices rose 3 percent in the U.S. Analysts said the rise would slow.", "Analysts"),
        ("Sales fell 4 percent in the U.K. Officials said the drop was temporary.", "Officials"),
        ("The firm was founded in Washington, D.C. Experts said it employs 5,000 people.", "Experts"),
        # names that hold an abbreviation keep it
        ("The U.S. Geological Survey said the quake struck at a depth of 10 km.", "U.S. Geological Survey"),
        ("The U.K. Foreign Office said 12 Britons were missing.", "U.K. Foreign Office"),
    ],
)
def test_an_abbreviation_joins_a_name_not_a_generic_source(text: str, source: str) -> None:
    assert cites(text) == [source]


def test_another_speakers_quote_leaves_a_named_spokesmans_citation() -> None:
    # the quote is a witness's, after another verb of speech: the spokesman is still the figure's source
    text = (
        "Interior ministry spokesman Ali Reza said 12 protesters were arrested, and a witness said police fired "
        "“tear gas straight into the crowd of families.”"
    )
    assert cites(text) == ["Interior ministry spokesman Ali Reza"]


@pytest.mark.parametrize(
    "text",
    [
        # the rule's own case: the named person is the quote's speaker, no cited source (either side of the quote)
        "Foreign Ministry spokesperson Mao Ning said “China firmly opposes the sanctions and will respond.”",
        "“The situation you describe simply does not exist,” defence ministry spokesman Wu Qian said on Thursday.",
    ],
)
def test_a_named_spokesman_beside_his_own_quote_is_no_citation(text: str) -> None:
    assert cites(text) == []

"""quotefix: quote speakers and quotes a generality review found wrong (issue #12 section 2).

Every sentence is our own; each misfire failed on main cee2b87, and the cases each rule was written for stay.
"""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims
from tests.claims_eval import ALIASES


def quotes(text: str) -> list[str]:
    return [c.text for c in extract_claims(text, ALIASES) if c.kind == "quote"]


def speakers(text: str) -> list[str | None]:
    return [c.speaker for c in extract_claims(text, ALIASES) if c.kind == "quote"]


@pytest.mark.parametrize(
    "text",
    [
        # a pronoun's credit set off by commas after the sentence's subject: the subject is who the words are
        # about, the pronoun stands for the last speaker
        "“We will appeal,” said lawyer Anna Berg. Judge Mark Ellis, she said, had “ignored the evidence.”",
        "“We will appeal,” said lawyer Anna Berg. Judge Mark Ellis, she added, had “ignored the evidence.”",
        "\"The club owes the fans an apology,\" said captain Tom Reid. Chairman Paul Hart, he added, had "
        "\"never once listened to the players.\"",
    ],
)
def test_a_parenthetical_pronoun_credit_is_not_the_subjects_words(text: str) -> None:
    first = speakers(text)[0]
    assert speakers(text) == [first, first]


def test_a_pronoun_credit_after_the_quote_is_not_the_opening_names_words() -> None:
    # after the last speaker's quote, a sentence opening with another name and closing '"...," she said'
    text = "“We will appeal,” said lawyer Anna Berg. Judge Mark Ellis had “ignored the evidence,” she said."
    assert speakers(text) == ["Anna Berg", "Anna Berg"]


def test_a_pronoun_credit_with_no_speaker_before_stays_the_subjects() -> None:
    assert speakers("Judge Mark Ellis was “very clear about the law in this case,” he said.") == ["Mark Ellis"]


def test_a_subject_that_speaks_keeps_its_quote() -> None:
    text = (
        "“We will appeal,” said lawyer Anna Berg. Mark Ellis, the judge, said the ruling was “final and binding "
        "on all parties.”"
    )
    assert speakers(text) == ["Anna Berg", "Mark Ellis"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a role set off by commas before a name is the name's role: the name speaks
        ("“I was proud of him every single day,” said father, Jos, who runs a bakery in the town.", "Jos"),
        ("“I was proud of him every single day,” said the father, Jos, who runs a bakery in the town.", "Jos"),
        ("“She never gave up on anyone,” said mother, Ana Ruiz.", "Ana Ruiz"),
        # the cases that must keep working: a two-word name after a role, a role alone, a weekday after a role
        ("“I was proud of him every single day,” said his father, Jos Berg, who runs a bakery.", "Jos Berg"),
        ("“We are still waiting for news of them,” said police, adding that the search went on.", "police"),
        ("“We are still waiting for news of them,” said police, Monday, as the search went on.", "police"),
    ],
)
def test_a_role_set_off_by_commas_before_a_name_is_the_names_role(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a capitalised word before a colour or a garment is a modifier, no place: the name may speak later
        ("Fans dressed in Prince purple filled the square. Prince once told an interviewer: “Music is my whole "
         "life and always was.”", "Prince"),
        ("Supporters in Hudson shirts packed the stand. Hudson once told a reporter: “This club is my whole life "
         "and always was.”", "Hudson"),
        # the case that must keep working: a place after "in" stays a place, never a speaker
        ("The team trained in Madrid on Monday. Madrid once told a reporter: “This club is my whole life and "
         "always was.”", None),
    ],
)
def test_a_capitalised_word_before_a_colour_or_garment_is_no_place(text: str, speaker: str | None) -> None:
    assert speakers(text) == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        # a subject and its auxiliary right before the quote: reported words, not a term in a noun phrase
        "Aides believe the senator has “no plans to run again” this year.",
        "Colleagues expect the minister will “fight this to the very end” in court.",
        # "that" before a quote opening with a determiner or a pronoun is the conjunction of a clause
        "It is clear that “the budget will not balance” without cuts.",
        "Many now accept that “we cannot go back” to the old model.",
        # the review's own sentences, the quote closing the sentence
        'Officials say the senator has "no plans to run again this year."',
        'It is clear that "the budget will not balance without cuts."',
    ],
)
def test_a_clause_with_its_own_subject_and_verb_before_a_quote_makes_no_term(text: str) -> None:
    assert len(quotes(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        # the term rule's own cases stay terms, a demonstrative "that" among them
        "Organisers have set up a “quiet zone for families” near the main stage this year.",
        "Protesters gathered outside parliament with a “not in our name” banner on Saturday.",
        "Police closed that “no go area for cyclists” near the bridge.",
    ],
)
def test_terms_in_a_noun_phrase_stay_terms(text: str) -> None:
    assert quotes(text) == []

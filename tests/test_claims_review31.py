"""Review31 (issue 12, generality review of round quotes30's speaker rules): our own sentences of news kinds the round
did not tune on, where a rule of the round misfired, each with the neighbours that must keep their reading."""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims


def _speakers(text: str) -> list[str | None]:
    """The speaker of each quote found, in order."""
    return [c.speaker for c in extract_claims(text) if c.kind == "quote"]


def _last_word(speaker: str | None) -> str | None:
    return speaker.split()[-1].lower() if speaker else None


# --- the quote's sentence does not end at a military or clerical title's abbreviation ---


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("“We will appeal this ruling,” said Maj. Gen. Marcus Odell. The hearing resumes next week.", "odell"),
        ("“We will appeal this ruling,” said Brig. Gen. Marcus Odell, the commander. The hearing resumes soon.", "odell"),
        ("“This is a dark day for the force,” said Adm. Karen Wilde. Officers remain at the scene.", "wilde"),
        ("“This is a dark day for the parish,” said Msgr. Paul Linden. Mourners gathered outside.", "linden"),
    ],
)
def test_a_title_abbreviation_does_not_end_the_credit(text: str, speaker: str) -> None:
    assert _last_word(_speakers(text)[0]) == speaker


# --- after a quote closed by its stop, a sentence that is nothing but a credit still credits it ---


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("“We did nothing wrong.” Ana Torres, 45, said.", "torres"),
        ("“We did nothing wrong.” The firm’s chief executive, Ana Torres, said on Monday.", "torres"),
        ("“We did nothing wrong.” Secretary of State Ana Torres said on Monday.", "torres"),
        ("“We did nothing wrong.” Jan de Vries said on Monday.", "vries"),
        ("‘We are heartbroken.’ Mum-of-two Kerry Dale, 34, told The Sun yesterday.", "dale"),
        ("“The markets are nervous.” Norvale Bank chief economist Ana Torres said in a note to clients.", "torres"),
        ("“We need to talk about this.” BBC presenter Tom Hale said on air.", "hale"),
    ],
)
def test_a_sentence_that_only_credits_a_stopped_quote_credits_it(text: str, speaker: str) -> None:
    assert _last_word(_speakers(text)[0]) == speaker


@pytest.mark.parametrize(
    "text,wrong",
    [
        # a new sentence whose verb goes on with its own object is no credit (round quotes30's case)
        (
            "The plan drew criticism, with Mayor Lena Ruud responding: “Scrap it now, all of it.” The Harbour "
            "Council, the biggest body of traders in town, urged both parties to drop it.",
            "council",
        ),
        ("Ruud lost the vote. “It is a sad day.” Fans cheered as Hale said goodbye.", "hale"),
        ("“It is a sad day.” The crowd fell silent when Tom Hale spoke at the gate.", "hale"),
    ],
)
def test_a_new_sentence_with_more_than_a_credit_does_not_credit_a_stopped_quote(text: str, wrong: str) -> None:
    assert _last_word(_speakers(text)[0]) != wrong


# --- a possessor's role set off before a name: not when another speaks between the verb and the quote ---


@pytest.mark.parametrize(
    "text,wrong",
    [
        ("Norvale’s chief prosecutor, Ana Torres, said the accused had told officers “I did it and I would again”.", "torres"),
        ("Hale’s lawyer, Tom Price, said police told his client “you will never see your family again”.", "price"),
    ],
)
def test_a_possessors_named_role_yields_to_another_voice(text: str, wrong: str) -> None:
    assert _last_word(_speakers(text)[0]) != wrong


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("Hale’s lawyer, Tom Price, said his client had been “treated like a criminal by the police”.", "price"),
        ("Britain’s ambassador, Sir Tom Hale, said the talks were “at a very delicate stage”.", "hale"),
    ],
)
def test_a_possessors_named_role_still_speaks(text: str, speaker: str) -> None:
    assert _last_word(_speakers(text)[0]) == speaker


# --- "X replying/responding": not when another speaker's clause sits between it and the quote ---


def test_a_participle_of_reply_yields_to_a_relative_clauses_speaker() -> None:
    text = "The clip shows Torres replying to a fan who asked “when will you come back to Norvale”."
    assert _last_word(_speakers(text)[0]) != "torres"


def test_a_participle_of_reply_still_hands_over() -> None:
    text = "Torres was asked about the claims, with Hale responding on her behalf that they were “false and defamatory”."
    assert _last_word(_speakers(text)[0]) == "hale"


# --- a line opening with a name and a colon: not a headline about the person, nor a clause with its own speaker ---


@pytest.mark.parametrize(
    "text,wrong",
    [
        ("Tributes paid to Ana Torres: ‘She was a light in all our lives’\nThe singer died on Monday.", "torres"),
        ("Letter to Ana Torres: “Please reconsider your decision to leave”\nReaders write.", "torres"),
        ("Judge to Tom Hale: ‘You are a danger to the public’\nHale was jailed.", "hale"),
        ("Police hunt Tom Hale: ‘Do not approach this man at all’\nOfficers appealed for help.", "hale"),
        ('Asked about Ana Torres, the coach said: "She is the best player I have worked with."', "torres"),
    ],
)
def test_a_name_after_a_preposition_or_verb_is_no_line_speaker(text: str, wrong: str) -> None:
    assert _last_word(_speakers(text)[0]) != wrong


@pytest.mark.parametrize(
    "text,speaker",
    [
        ('Former Norvale striker Tom Hale: "I was never paid for a season"\nHe tells his story.', "hale"),
        ('Tennis star Ana Torres: "I never thought I would win here"\nAn interview.', "torres"),
        ("Veteran broadcaster Tom Hale: ‘Radio saved my life twice’\nAn interview.", "hale"),
        ('Ana Torres, speaking outside the court on Tuesday: "I am relieved it is over."', "torres"),
    ],
)
def test_an_interview_headlines_role_before_the_name_still_names_it(text: str, speaker: str) -> None:
    assert _last_word(_speakers(text)[0]) == speaker


# --- a described speaker after the verb: a name set off after the head's "of" phrase is the speaker ---


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("“We will not stop,” said the director of the Norvale Museum, Ana Torres.", "torres"),
        ("“We are studying the data,” said the chief executive of Norvale Bank, Tom Hale, in a statement.", "hale"),
        ("“He was a gentle man,” said the widow of Tom Hale.", "widow"),
    ],
)
def test_a_name_set_off_after_the_heads_postmodifier_speaks(text: str, speaker: str) -> None:
    assert _last_word(_speakers(text)[0]) == speaker


# --- a partial quote's clause going on with "by": a passive's agent who speaks in a relative clause ---


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("Shoppers were told to “stay away from the area until further notice” by police, who said a man was held.", "police"),
        (
            "Residents were urged to “stay indoors with the windows shut” by Chief Fire Officer Tom Hale, who said "
            "the smoke was toxic.",
            "hale",
        ),
    ],
)
def test_a_passives_agent_who_speaks_is_the_speaker(text: str, speaker: str) -> None:
    assert _last_word(_speakers(text)[0]) == speaker


def test_a_time_after_by_is_still_no_speaker() -> None:
    assert _last_word(_speakers("The target is “well within our reach” by 2030, the minister said.")[0]) == "minister"


def test_a_stopped_quotes_next_sentence_with_a_name_set_off_still_credits_it() -> None:
    text = "“He is innocent.” His lawyer, Tom Hale, told the court that his client was at home that night."
    assert _last_word(_speakers(text)[0]) == "hale"


@pytest.mark.parametrize(
    "text,wrong",
    [
        ("The words “we will never forget them” are carved above the door, the vicar said.", "vicar"),
        ("Her book “a life in the law courts” sold 50,000 copies, her publisher said.", "publisher"),
        ("The phrase “levelling up the whole country” appeared 40 times, an analysis by the Norvale Institute said.", "institute"),
    ],
)
def test_words_naming_a_text_take_no_credit_closing_the_sentence(text: str, wrong: str) -> None:
    assert _last_word(_speakers(text)[0]) != wrong

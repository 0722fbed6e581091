"""Round pages11 (issue 12, quotes and citations on unseen sentences, third round): credits read by frame over any
name of the press, and speakers that a pronoun cannot stand for (tests/claims_label.py, "Eleventh round"). Each rule
on sentences of our own from several kinds of news: what must give the claim and what must not."""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims
from claimcheck.claims.citations import find_credits

_ALIASES = {"associated press": "ap", "the associated press": "ap", "reuters": "reuters"}


def _cites(text: str) -> list[str]:
    return [c.cites for c in find_credits(text, _ALIASES)]


def _quotes(text: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.speaker) for c in extract_claims(text, {}) if c.kind == "quote"]


# --- a news site known by its web address, credited after the fact or as the subject ---


@pytest.mark.parametrize(
    "text,cites",
    [
        ("The two actors first met on the set of a police drama in 2015, notes starwatch.com.", "starwatch.com"),
        ("Two crew members were hurt when the stage collapsed, Coastline.net.au reported.", "Coastline.net.au"),
        ("The striker signed a three-year deal on Monday, FootyDaily.co.uk says.", "FootyDaily.co.uk"),
        ("MarketPulse.com reported that the chipmaker would cut 400 jobs.", "MarketPulse.com"),
    ],
)
def test_web_address_credited(text: str, cites: str) -> None:
    assert cites in _cites(text)


@pytest.mark.parametrize(
    "text",
    [
        "For tickets to the spring concert, visit www.citytheatre.com.",
        "Readers can write to the editor at letters@valleypost.com.",
        "The mayor said the site cityhall.gov.example was down for an hour.",
    ],
)
def test_web_address_without_a_credit(text: str) -> None:
    assert _cites(text) == []


def test_after_the_fact_past_a_closing_quote_mark() -> None:
    text = 'Since the flood, the town has "rebuilt almost every bridge twice over," writes the Associated Press.'
    assert _cites(text) == ["ap"]


# --- an outlet's piece as the subject of a verb of saying or showing ---


@pytest.mark.parametrize(
    "text,cites",
    [
        ("The Times article says the minister's memory of the meeting ends there.", "Times"),
        ("A Harbour Gazette investigation found that the council had lost the tender files.", "Harbour Gazette"),
        ("Variety's report claimed the studio had shelved the sequel.", "Variety"),
    ],
)
def test_outlet_piece_as_subject(text: str, cites: str) -> None:
    assert any(cites in c for c in _cites(text))


def test_a_piece_with_no_outlet_names_nobody() -> None:
    assert _cites("The report says the dam was unsafe for years.") == []


# --- a source the source itself cites ---


@pytest.mark.parametrize(
    "text,cites",
    [
        ("Three farm workers fell ill, the news agency said, citing the provincial health commission.", "health commission"),
        ("Ticket sales fell by a fifth last year, the paper said, citing data from the Ministry of Culture.", "Ministry of Culture"),
        ("The refinery stopped work on Sunday, the broadcaster reported, citing Interfax.", "Interfax"),
        ("The match will be replayed, the club said, citing league officials.", "league officials"),
    ],
)
def test_citing_a_source(text: str, cites: str) -> None:
    assert any(cites in c for c in _cites(text))


@pytest.mark.parametrize(
    "text",
    [
        "The goalkeeper withdrew from the squad, citing personal reasons.",
        "The airline cancelled 40 flights, citing the weather.",
        "Two bidders pulled out, citing anonymous sources close to the deal.",
    ],
)
def test_citing_a_reason_is_no_source(text: str) -> None:
    assert not any("reason" in c or "weather" in c or "sources" in c for c in _cites(text))


# --- an interview with a named outlet before the speaker's own verb ---


@pytest.mark.parametrize(
    "text,cites",
    [
        ("In an interview with Radio Harbour, the mayor said the bridge would reopen in May.", "Radio Harbour"),
        ("In a long interview with Deadline, the producer says the script was rewritten twice.", "Deadline"),
        ("In the interview with The Ledger, published Thursday, the coach said he would stay.", "Ledger"),
    ],
)
def test_interview_with_an_outlet(text: str, cites: str) -> None:
    assert any(cites in c for c in _cites(text))


@pytest.mark.parametrize(
    "text",
    [
        "In a two-hour taped interview with the FBI, the driver admitted the theft.",
        "An interview with Ann Cole aired on Sunday night.",
    ],
)
def test_interview_with_a_listener_is_no_credit(text: str) -> None:
    assert _cites(text) == []


# --- a source noun with a phrase after it, as the subject of "said" ---


@pytest.mark.parametrize(
    "text,cites",
    [
        ("Organisers of the marathon that closes the city centre each spring said the route would change.", "Organisers"),
        ("Officials at the state water board said the reservoir was half full.", "Officials"),
        ("Researchers from the coastal institute said the reef had recovered.", "Researchers"),
    ],
)
def test_source_noun_with_a_phrase(text: str, cites: str) -> None:
    assert any(c.startswith(cites) for c in _cites(text))


def test_source_noun_before_another_verb_is_no_credit() -> None:
    assert _cites("Police of the town arrested a man who said he was lost.") == []


# --- what someone answered is no credit; one unnamed official is no source ---


@pytest.mark.parametrize(
    "text",
    [
        "Responding to the Valley Times article, the coach said the team had never been paid late.",
        "In response to the Reuters report, the bank said its accounts were in order.",
    ],
)
def test_what_was_answered_is_no_credit(text: str) -> None:
    assert _cites(text) == []


def test_one_unnamed_official_is_no_source() -> None:
    assert _cites("The ship was boarded in the strait last week, an official said Friday.") == []
    assert _cites("The ship was boarded in the strait last week, one senior official said.") == []


@pytest.mark.parametrize(
    "text,cites",
    [
        ("Officials said the ship was boarded in the strait.", "Officials"),
        ("A police official said the ship was boarded in the strait.", "police official"),
    ],
)
def test_bodies_and_named_officials_stay(text: str, cites: str) -> None:
    assert cites in _cites(text)


# --- a question or an exclamation before its speaker's verb is spoken, not a title ---


@pytest.mark.parametrize(
    "text",
    [
        "'Built To Last In Ohio?' asked one reader under the photo.",
        '"Made In The Best Lab?" he wrote on the forum.',
        "'Not Again, Not Here!' shouted a fan behind the goal.",
    ],
)
def test_question_in_capitals_before_a_speaker_is_a_quote(text: str) -> None:
    assert len(_quotes(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        'She watched the film "Who Framed Roger Rabbit?" as a child.',
        'The book "What Comes Next?" sold well, the publisher said.',
    ],
)
def test_titles_ending_in_a_question_stay_titles(text: str) -> None:
    assert _quotes(text) == []


# --- "he" or "she" stands for a person: never an outlet, a body or a holiday ---


@pytest.mark.parametrize(
    "text,speaker",
    [
        (
            'Coach Dan Reyes had answered questions for an hour. Responding to the Valley Times article, he added: '
            '"Nobody on this staff was ever paid late, not once."',
            "Dan Reyes",
        ),
        (
            'Nurse Ada Lowe spoke to reporters on Monday. Reacting to the Health Ministry report, she said: "The wards '
            'were full every single night of that winter."',
            "Ada Lowe",
        ),
    ],
)
def test_pronoun_is_no_outlet_or_body(text: str, speaker: str) -> None:
    got = _quotes(text)[-1][1]
    assert got is not None and got.split()[-1] == speaker.split()[-1]


def test_holiday_is_no_speaker() -> None:
    text = 'Last Christmas, she posted a card online but added a warning: "Nobody from that firm is welcome at my door."'
    assert _quotes(text)[0][1] != "Christmas"


def test_holiday_word_in_a_name_still_speaks() -> None:
    got = _quotes('Tom Easter said: "We will build the new bridge before the winter comes."')
    assert got and got[0][1] == "Tom Easter"

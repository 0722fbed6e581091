"""Review of round pages8 (review14): a quotation in capitals throughout, a post or a chant someone wrote or
said, is a quote; the longer title rule (a dozen words in capitals) took it for a title. Own sentences of
politics, sport and business news."""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims


def _quotes(text: str) -> list[str]:
    return [c.text for c in extract_claims(text, {}) if c.kind == "quote"]


@pytest.mark.parametrize(
    "text",
    [
        '"WE WILL NOT STOP UNTIL THE JOB IS DONE," the governor wrote on social media.',
        'The former senator posted: "THE COUNT WAS A FRAUD AND EVERYONE IN THIS STATE KNOWS IT!"',
        'The striker wrote on his account: "I GAVE EVERYTHING FOR THIS CLUB AND THEY THREW ME OUT."',
        '"OUR PRICES ARE THE LOWEST THEY HAVE BEEN IN TEN YEARS," the chief executive told investors.',
    ],
)
def test_words_in_capitals_throughout_past_six_are_a_quote(text: str) -> None:
    assert len(_quotes(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        'Her first novel, "The House at the End of the Lane," sold well.',
        'He wrote "How to Speak So That People Want to Listen" in two months.',
        'Fans queued for the "STAR WARS" premiere on Friday night.',
    ],
)
def test_titles_stay_no_quote(text: str) -> None:
    assert _quotes(text) == []


@pytest.mark.parametrize(
    "text",
    [
        'The chief executive blamed the slump on "weak demand in China."',
        'Residents blamed the flooding on "years of neglect."',
        'Fans booed the referee after "a shocking decision."',
    ],
)
def test_a_short_quote_closing_its_sentence_after_a_preposition_is_a_quote(text: str) -> None:
    """Round pages8's closing-term rule (a short stretch closing its sentence after a determiner, no verb of
    saying) took 'the slump on' for a determiner and two describing words: the stretch is the object of a
    preposition, someone's words put into the sentence, as it was on main."""
    assert len(_quotes(text)) == 1


def test_a_term_closing_its_sentence_stays_no_quote() -> None:
    assert _quotes('Older customers were baffled by this "online business thing."') == []

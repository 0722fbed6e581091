"""Round pages12 (issue 12, statements on unseen sentences): what a subject did, told in the simple past, is a
checkable statement (tests/claims_label.py, "Twelfth round"; ``statements.acts_in_past``). Each rule on sentences
of our own from several kinds of news: what must be a statement and what must stay out (opinion, background,
captions, furniture, plans)."""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims
from claimcheck.claims.statements import acts_in_past, is_statement


def _statements(text: str) -> list[str]:
    return [c.text for c in extract_claims(text, {}) if c.kind == "statement"]


# --- a subject and its act in the simple past: a name, a body, a definite noun phrase or a pronoun ---


@pytest.mark.parametrize(
    "text",
    [
        # courts and police
        "The deputies boarded the ferry and interviewed its captain about the missing cargo.",
        "The jury acquitted the former mayor of all charges on Thursday.",
        "Mira Holt, a lawyer from Ghent, fled the country before the hearing.",
        "Detectives later identified the driver from a dashboard camera.",
        # business
        "The brewer swapped its chief executive after a poor harvest season.",
        "An unnamed investor gave the papers to a Danish weekly, which shared them with regulators.",
        # science
        "Using a radio telescope in Chile, astronomers at the Leiden observatory discovered a cold gas cloud.",
        "They demonstrated in 2011 that the enzyme responded to light.",
        # sport
        "Tomas Bern and Ali Reza also scored for the visitors.",
        "Earlier, Belgian rider Joke Maes also crashed on the descent.",
        "The goalkeeper retired after the final against the league leaders",
        # politics, transport, culture
        "The senator decided to withdraw the bill after the committee hearing.",
        "The ferry landed without incident and the injured passenger was taken to hospital.",
        "The officers, having searched the warehouse, left without finding the missing paintings.",
        "The singer borrowed a line from an old folk song, as she told fans on her website.",
        "The band's drummer had previously decided he would leave after the tour.",
        "The couple split in 2009.",
        "Then the orchestra appeared on a stage built over the lake.",
        # what a named speaker said happened
        "The ministry said the tanker was registered in Liberia until last spring.",
        "Police said the suspect obtained the keys from a former tenant.",
        "Her agent said she sought medical advice after the accident.",
    ],
)
def test_acts_in_the_past_are_statements(text: str) -> None:
    assert is_statement(text), text
    assert _statements(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        # opinion, views and verdicts of unnamed commentators
        "I tried to get tickets but the site crashed twice.",
        "Analysts said the merger showed the bank's appetite for risk.",
        "The coach said the team's spirit is excellent.",
        # background, product copy and plans
        "Heavy rain took its toll on the harvest this autumn.",
        "A spokesperson for the insurer declined to comment on the claims.",
        "The museum appeared to be closed for the holidays.",
        "Offshore trusts created by the firm hid the money (AFP)",
        "The company finally delivered on its promises with the new model.",
        "The town council met on 3 May to discuss the plan.",
        # a verdict on what would have been
        "Holding the final in a stadium without a roof would've been a disaster, the organisers admitted.",
        "Cancelling the concert in Leeds could have been avoided if the promoters had acted sooner.",
        # furniture: a contributor's line, an embedded post, an imperative
        "Lena Park contributed reporting from Seoul.",
        "Flight 22 just landed in Perth before it took off! pic.twitter.com/abc123 — Sky Tracker (@skytracker) March 3, 2020",
        "Invest whatever is left at the end of the month",
        "Photo: The mayor opened the new bridge on Sunday.",
        "Why the airline cancelled a thousand flights",
    ],
)
def test_no_statement(text: str) -> None:
    assert not is_statement(text), text


def test_the_subject_frame_alone() -> None:
    # (the older event-word test reads some of these its own way: the frame alone is tested here)
    assert not acts_in_past("For many fans, the club won nothing that mattered this year.")
    assert not acts_in_past("If the court ruled against the union, the strike would go ahead.")
    assert not acts_in_past("What the board approved last week remains secret.")
    assert not acts_in_past("Critics said the film showed a city in decline.")
    assert acts_in_past("HARBOUR CITY — The port authority seized two containers of counterfeit medicine.")
    assert acts_in_past("Earlier this week, the regulator fined the airline for late refunds.")
    assert not acts_in_past("The containers seized by customs held counterfeit medicine.")
    assert not acts_in_past("Most of the containers were seized.")
    assert not acts_in_past("The port authority will seize the containers.")

"""Round pages15 (issue 12, statements on unseen sentences, second time; tests/claims_label.py, "Fifteenth round"):
more verbs of a checkable act in the simple past (``statements.MORE_PAST_ACTS``), acts told by the word after their
verb ("took office", "called off", ``statements._PHRASAL_ACTS``) and a date's comma in an opening. Sentences of our
own from several kinds of news: what must be a statement and what must stay out (opinion, idioms, naming, plans,
questions, captions, furniture)."""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims
from claimcheck.claims.statements import acts_in_past, is_statement


def _statements(text: str) -> list[str]:
    return [c.text for c in extract_claims(text, {}) if c.kind == "statement"]


@pytest.mark.parametrize(
    "text",
    [
        # sport
        "The match restarted after a long delay but was stopped again by lightning.",
        "The club eventually sent the striker to a second-division side on loan.",
        "Her late penalty drew the visitors level before the break.",
        "The home side soon took charge and never looked back.",
        "The players called a team meeting in the locker room after the defeat.",
        # transport and accidents
        "The overnight ferry took off from the harbour just after midnight.",
        "The collision happened early Sunday on the ring road near the airport.",
        "A tanker sank in the strait after a fire in its engine room.",
        "The fishing boat capsized in heavy seas off the northern cape.",
        # politics and courts
        "The governor took office in a ceremony at the state capitol.",
        "The union called off the strike after talks with the rail operator.",
        "The prime minister called a snap election for the spring.",
        "The two senators took issue with the claim that they had ignored the report.",
        "The lawmakers assured voters that the pension fund was safe.",
        # business and property
        "Mr. Okafor once owned a chain of petrol stations in the east of the country.",
        "The regulator postponed the auction of the radio licences.",
        "The carmaker scrapped its plan for a second factory.",
        # health and science
        "The research team endured two winters at the polar station.",
        "The patient stayed in intensive care for three weeks after the surgery.",
        # an opening with a date and its year
        "On March 3, 2019, the board fired its chief executive.",
        # deeds of the body and of violence, travel, reports and broadcasts
        "The suspect then swung a metal bar at the guard, hitting him in the arm.",
        "The leader's car slammed into the tyre wall on the final lap.",
        "The climber hunted and ate wild goats during his weeks in the mountains.",
        "The surgeon talked with the family over the phone before the operation.",
        "The inspectors' report described how the dam's spillway had cracked.",
        "The singer dabbled in property deals in the south of France.",
        "The network streamed the final on its website without a delay.",
    ],
)
def test_more_acts_are_statements(text: str) -> None:
    assert acts_in_past(text), text
    assert is_statement(text), text


@pytest.mark.parametrize(
    "text",
    [
        # a naming, an idiom, a view: the phrasal verbs need their word after them
        "Critics called the new stadium a costly mistake.",
        "Injuries took their toll on the squad over the winter.",
        "The minister called the report a disgrace.",
        "The long season took a lot out of the players.",
        # verbs left out: a view written, a style played
        "The columnist wrote that the budget is a gamble.",
        "The lawyer said the band played country music in the nineties.",
        # nouns and names that look like the new verbs
        "The rate cut hurt savers across the country.",
        "The hit song topped the charts for months.",
        "Drew Halvorsen, the club's new coach, is expected to arrive next week.",
        # opinion, hedges, plans, questions
        "The club should have sent the striker away on loan.",
        "Maybe the collision happened because the lights were out.",
        "The company will restart production next month.",
        "Who called the meeting?",
        # the subject is a clause, a quantifier or a preposition's phrase
        "What happened next remains unclear.",
        "Most of the passengers stayed on board.",
        # a passive participle after the subject
        "The boats sent by the navy arrived too late.",
    ],
)
def test_non_statements_stay_out(text: str) -> None:
    assert not is_statement(text), text


def test_extracted_as_statements_from_a_page() -> None:
    text = (
        "The cup final restarted after a long delay. "
        "Fans hope the final will be played in daylight next year. "
        "The league called an emergency meeting on Monday."
    )
    assert _statements(text) == [
        "The cup final restarted after a long delay.",
        "The league called an emergency meeting on Monday.",
    ]

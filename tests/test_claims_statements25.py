"""Round statements25 (issue 12, statement recall on the tuning pages): "no." before a figure as a name's word ("Flight
no. 208"), "located" as a search's finding, a participle of the subject before a modal ("Drivers caught speeding will
lose ...") as no act, and a denied act in a reported clause ("said he hasn't decided") as none. Sentences of our own
from several kinds of news: what must be a statement and what must stay out."""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims
from claimcheck.claims.statements import acts_in_past, is_statement


def _statements(text: str) -> list[str]:
    return [c.text for c in extract_claims(text, {}) if c.kind == "statement"]


@pytest.mark.parametrize(
    "text",
    [
        # "no." before a figure is part of the subject's name (transport, sport)
        "Coastal Air flight no. 208 landed safely at the regional airport after a bird strike.",
        "The world no. 4 withdrew from the tournament with a wrist injury.",
        "The Route no. 9 bus crashed into a shop front on the high street.",
        # a search's finding (disasters, crime)
        "Divers located the wreck of the trawler in forty metres of water.",
        "Detectives located the stolen van on a farm outside the town.",
    ],
)
def test_names_with_no_and_a_finding_are_statements(text: str) -> None:
    assert acts_in_past(text), text
    assert is_statement(text), text


@pytest.mark.parametrize(
    "text",
    [
        # a participle of the subject, whose own verb is a modal's (were statements before this round)
        "Drivers caught speeding near the school will lose their licence.",
        "Fishermen caught inside the marine reserve could face heavy fines.",
        "Cyclists identified from the camera footage will receive a warning letter.",
        "Travellers tested at the border can leave after an hour.",
    ],
)
def test_non_acts_stay_out(text: str) -> None:
    assert not is_statement(text), text


@pytest.mark.parametrize(
    "text",
    [
        # the modal after a relative pronoun, a conjunction or a comma belongs to another clause
        "Police caught two men who could face charges of arson.",
        "The striker scored twice before the break and could have had a third.",
        # a pronoun of a person takes no participle; a verb of saying holds the modal in its clause
        "She claimed the broadcaster would cut the interview short.",
        "He bought a cottage his parents could visit at weekends.",
        "The board announced the plant would close in March.",
        # a modal's word used as a noun
        "The court upheld the widow's will in a ruling on Monday.",
    ],
)
def test_acts_before_a_modal_of_another_clause_stay(text: str) -> None:
    assert is_statement(text), text


def test_extracted_from_a_page() -> None:
    text = (
        "Coastal Air flight no. 208 landed safely after a bird strike. "
        "Motorists caught on the flooded road could face fines. "
        "The ministry said the frigate had not crossed into its waters."
    )
    assert _statements(text) == ["Coastal Air flight no. 208 landed safely after a bird strike."]


@pytest.mark.parametrize(
    "text",
    [
        # what a speaker said did not happen is no act to check (were statements before: the reported clause held an act)
        "The striker said he hasn't decided whether to extend his contract.",
        "The ministry said the frigate had not crossed into its waters.",
        "The airline said its pilots never declared an emergency during the flight.",
        "The museum told reporters the thieves had not damaged the frame.",
    ],
)
def test_a_denied_act_in_a_reported_clause_stays_out(text: str) -> None:
    assert not is_statement(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Police said the suspect fled the scene but had not resisted arrest.",
        "The coach said the club had not signed anyone, and the chairman resigned on Friday.",
        "The agency said the volcano erupted twice overnight.",
    ],
)
def test_an_act_beside_a_denied_one_stays_a_statement(text: str) -> None:
    assert is_statement(text), text

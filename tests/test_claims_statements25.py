"""Round statements25 (issue 12, statement recall on the tuning pages): the passive of an act ("was arrested", "were
recalled", "has been issued"), "no." before a figure as a name's word ("Flight no. 208"), "located" as a search's
finding, and a participle of the subject before a modal ("Drivers caught speeding will lose ...") as no act.
Sentences of our own from several kinds of news: what must be a statement and what must stay out."""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims
from claimcheck.claims.statements import acts_in_past, is_statement


def _statements(text: str) -> list[str]:
    return [c.text for c in extract_claims(text, {}) if c.kind == "statement"]


@pytest.mark.parametrize(
    "text",
    [
        # courts and crime
        "The former treasurer was convicted of fraud at the crown court on Friday.",
        "The brothers were detained at the border crossing late on Sunday.",
        "The stolen paintings were recovered from a warehouse near the docks.",
        # politics
        "The interim leader was formally appointed at a party congress in the capital.",
        "The disputed ballots were rejected by the electoral commission.",
        # business
        "The struggling retailer was acquired by a private equity group in the spring.",
        "The chemical plant was closed after an inspection found leaking tanks.",
        # weather and disasters, a passive perfect
        "An amber warning for high winds has been issued for the western isles.",
        "The coastal villages have been evacuated ahead of the storm surge.",
        # sport
        "The veteran goalkeeper was sacked after a string of heavy defeats.",
        # science and health
        "The first cases were confirmed in a laboratory in the north of the country.",
        "The Lunar 3 probe was launched from a pad on the southern coast.",
        # "no." before a figure is part of the subject's name
        "Coastal Air flight no. 208 landed safely at the regional airport after a bird strike.",
        "The world no. 4 withdrew from the tournament with a wrist injury.",
        # a search's finding
        "Divers located the wreck of the trawler in forty metres of water.",
    ],
)
def test_passive_acts_and_names_are_statements(text: str) -> None:
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
        # a passive of a place or a state, a purpose, a colour deed without an anchor
        "The old factory was located on the edge of the industrial estate.",
        "The old road was used to smuggle fuel across the border.",
        "The boxes were carried into the hall.",
        # a passive that is a view or a plan
        "The new stadium was considered a masterpiece by the critics.",
        "The bridge will be closed for repairs next month.",
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
        "The ferry's captain was arrested at the port on Tuesday. "
        "Passengers stranded by the strike will be offered a refund. "
        "Motorists caught on the flooded road could face fines. "
        "A flood warning has been issued for the river valley."
    )
    assert _statements(text) == [
        "The ferry's captain was arrested at the port on Tuesday.",
        "A flood warning has been issued for the river valley.",
    ]


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


@pytest.mark.parametrize(
    "text",
    [
        # a passive before "to": sent, sentenced, forced, left to (an act); "married to" stays a state (below)
        "The rescue boats were sent to the stranded ferry before dawn.",
        "The former mayor was sentenced to six years for bribery.",
        "The cargo plane was forced to land on a motorway after an engine fire.",
        # a passive in progress
        "The collapse is being investigated by the building inspectorate.",
        "The impounded containers are being searched by customs officers.",
        # "Now," opening the sentence
        "Now, the second suspect has been arrested in a village near the border.",
    ],
)
def test_passives_before_to_in_progress_and_after_now(text: str) -> None:
    assert acts_in_past(text), text
    assert is_statement(text), text


def test_married_to_is_a_state() -> None:
    assert not is_statement("The novelist was married to a retired diplomat.")

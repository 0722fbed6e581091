"""Round statements28 (issue 12): an act told in the passive ("The bridge was closed on Monday", "The law was passed
by parliament", "He has been charged with fraud") is a statement as its active form is, guarded against the passives
of a view, a report or a feeling and against a denied act; and an outlet's repeat of a statement joins the fact it
repeats (``pipeline.join_statement_repeats``). Sentences of our own from several kinds of news."""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims
from claimcheck.claims.statements import acts_in_past, is_statement


def _statements(text: str) -> list[str]:
    return [c.text for c in extract_claims(text, {}) if c.kind == "statement"]


@pytest.mark.parametrize(
    "text",
    [
        # crime and courts
        "A fisherman from Harwick was arrested on suspicion of arson.",
        "The former treasurer has been charged with fraud and money laundering.",
        "The harbour master was later convicted of taking bribes.",
        # transport, disasters, harm
        "The Elbrook bridge was closed for several hours as a precaution.",
        "Guests at the hotel were also offered rooms in a nearby town.",
        "He was rushed to the county hospital after the collision.",
        "The stranded climbers were airlifted to safety by a coastguard helicopter.",
        # laws, offices, sport
        "The tenancy bill was passed by the regional assembly after a long debate.",
        "Marta Velo was elected mayor of the coastal town.",
        "The veteran winger was beaten by a younger rival in the final sprint.",
        "Jensen was forced to apologise for the remarks.",
        # science, space, products, with an opening set off by a comma
        "The new probe was carried into orbit on a heavy rocket.",
        "The first cases of the fever were confirmed by the regional laboratory.",
        "Now, the landing module has been spotted at the company's desert base.",
        "Unlike its predecessor, the sequel was directed by a first-time filmmaker.",
        "The messaging app was purged from the store over its content rules.",
        "The rest of the interior has simply been carried over from the older model.",
    ],
)
def test_passive_acts_are_statements(text: str) -> None:
    assert acts_in_past(text), text
    assert is_statement(text), text
    assert _statements(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        # the passive of a view, a report, a feeling or an expectation
        "The new stadium was praised by critics across the region.",
        "The merger was expected to close before the summer.",
        "The singer was said to be furious about the leak.",
        "The minister was seen as a likely successor to the premier.",
        "The villagers were worried about the rising river.",
        "The museum was considered the finest in the province.",
        # a passive whose participle needs the word after it to tell the act
        "The young chess player was taken aback by the question.",
        "The audience was carried away by the final movement.",
        "The old mill was found to be structurally unsound.",
        # an act denied, and a participle of a state
        "The old bridge was not closed during the storm.",
        "The coach was left to rebuild the squad on his own.",
        "The lighthouse keeper was tired of the endless winter.",
    ],
)
def test_passives_of_views_feelings_and_denials_stay_out(text: str) -> None:
    assert not is_statement(text), text


def test_past_perfect_active_still_reads_on() -> None:
    # "had" with no "been" after it is the past before the past of an act, read as before
    text = "The harbour board had decided to sell the ferry before the winter."
    assert acts_in_past(text)
    assert is_statement(text)

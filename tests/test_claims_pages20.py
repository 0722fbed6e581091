"""Round pages20 (issue 12, citations on unseen sentences; tests/claims_label.py, "Twentieth round"): credits of
named sources in frames the fresh tuning sentences showed missed, and no credit to sources nobody is named for.
Each rule on sentences of our own from several kinds of news: what must give the credit and what must not."""

from __future__ import annotations

import pytest
from test_claims_pages11 import _cites  # the same helper as round pages11

# --- an outlet known by one word as the subject of a verb of reporting ---


@pytest.mark.parametrize(
    "text,source",
    [
        ("Marek Varga said he raised the delay with the mayor in May, after Politico reported the grant was frozen.", "Politico"),
        ("The singer and the producer have split after two years, Variety has reported.", "Variety"),
        ("Bloomberg first reported that the bank would close forty branches in the north.", "Bloomberg"),
        ("As both Axios and the Harbour Gazette have noted, Haaretz revealed the plan on Sunday.", "Haaretz"),
        ("Shortly after the vote, People reported that the couple had married in secret.", "People"),
    ],
)
def test_one_word_outlet_reporting(text: str, source: str) -> None:
    assert any(source.lower() in c.lower() for c in _cites(text))


@pytest.mark.parametrize(
    "text",
    [
        "People reported feeling dizzy after the ride at the county fair.",  # the common noun opening the sentence
        "Fortune reported nothing to the tax office for three years, the court heard.",
        "The ferry to Hull was cancelled on Tuesday because of the storm.",
    ],
)
def test_common_word_opening_is_no_outlet(text: str) -> None:
    assert not any(c.lower() in ("people", "fortune") for c in _cites(text))


# --- "the <outlet> has reported", with an adverb between ---


@pytest.mark.parametrize(
    "text,source",
    [
        ("As the Harbour Telegraph dutifully reported on Monday, the mayor's cousin ran the fund.", "Telegraph"),
        ("The Northern Herald has reported that the two clubs are close to a deal.", "Herald"),
        ("The Valley Chronicle also reported the closure of the mill.", "Chronicle"),
    ],
)
def test_the_outlet_reported_with_adverb(text: str, source: str) -> None:
    assert any(source.lower() in c.lower() for c in _cites(text))


# --- an outlet's piece with "the" ---


@pytest.mark.parametrize(
    "text,source",
    [
        ("“I was more tired than angry, to be honest,” Marlow said in the Herald article.", "Herald"),
        ("The coach spoke about his illness in the Valley Gazette's interview last spring.", "Gazette"),
        ("Her doubts about the scheme were first aired in the Politico piece on Friday.", "Politico"),
    ],
)
def test_outlet_piece_with_the(text: str, source: str) -> None:
    assert any(source.lower() in c.lower() for c in _cites(text))


def test_a_piece_with_no_outlet_is_no_credit() -> None:
    assert _cites("She described the crash in the article she wrote for her school.") == []


# --- a named journal where something was published ---


@pytest.mark.parametrize(
    "text,source",
    [
        ("The findings were published today (Mar. 3) in the journal Marine Biology Letters.", "Marine Biology Letters"),
        ("The case, first described in the medical journal Annals of Rural Surgery, involved a farmer.", "Annals"),
        ("The discovery appeared on Monday in the journal Coastal Ecology.", "Coastal Ecology"),
    ],
)
def test_named_journal(text: str, source: str) -> None:
    assert any(source.lower() in c.lower() for c in _cites(text))


@pytest.mark.parametrize(
    "text",
    [
        "The results were published in a journal last year.",
        "She kept a journal throughout the expedition, published in May.",
    ],
)
def test_no_named_journal(text: str) -> None:
    assert _cites(text) == []


# --- "citing" a named body's documents ---


def test_citing_named_documents() -> None:
    found = _cites("The council froze the accounts of four firms, the Harbour Gazette reported, citing Port Authority documents.")
    assert any("port authority" in c.lower() for c in found)
    assert any("gazette" in c.lower() for c in found)


def test_citing_unnamed_documents_is_no_credit() -> None:
    assert not any("documents" in c for c in _cites("The firm shut two plants last year, citing leaked documents."))


# --- no credit to relatives or a notice nobody is named for ---


@pytest.mark.parametrize(
    "text",
    [
        "According to the girl's parents and uncle, the child slipped into the pond while picking berries.",
        "According to his neighbours, the dog barked all night before the fire.",
        "According to the warning on the screen, the update may slow some games.",
    ],
)
def test_unnamed_relatives_or_notice(text: str) -> None:
    assert _cites(text) == []


@pytest.mark.parametrize(
    "text,source",
    [
        ("According to the Okafor family, the boat left the harbour before dawn.", "Okafor"),
        ("According to the Met Office warning, the storm will reach the coast overnight.", "Met Office"),
        ("According to Daniel Reyes's parents, the car was sold in June.", "Reyes"),
        ("According to the Reyes brothers, the car was sold in June.", "Reyes"),
    ],
)
def test_named_relatives_or_notice_keep_their_credit(text: str, source: str) -> None:
    assert any(source.lower() in c.lower() for c in _cites(text))

"""Round variants20: one fact told in other words, fourth round (issue 12: recall and fragmentation). Every rule has
sentences written here from several kinds of news, read by the real extractor and matched by match_facts, with what
must stay apart; the loopback tests at the end serve the TUNE part of the invented events of
tests/data/variants20_events.json (those whose int(sha1(name), 16) % 3 != 0; the others are the check part, measured
only) through the real `claimcheck fetch` and compare."""

from __future__ import annotations

from typing import Any

import pytest
from test_match_general import OUTLETS, joined, told_each

from claimcheck.claims import extract_claims
from claimcheck.match.pipeline import match_facts
from claimcheck.match.rules import MatchOptions
from claimcheck.match.things import thing_key


def _things(text: str) -> list[tuple[str, str]]:
    return [(c.text, thing_key(c)) for c in extract_claims(text) if c.kind == "number"]


def _speakers(text: str) -> list[str | None]:
    return [c.speaker for c in extract_claims(text) if c.kind == "quote"]


def _quote_rows(*texts: str) -> list[int]:
    """How many outlets each quote row carries, each outlet telling one of ``texts``."""
    articles = told_each(*texts)
    return sorted(len(f.outlets) for f in match_facts(articles, OUTLETS, MatchOptions()) if f.kind == "quote")


# --- rule 1: the police by any of their names --------------------------------------------------------------------


def test_the_police_counted_by_any_of_their_names_are_officers() -> None:
    assert _things("About 1,500 police were deployed for the derby.") == [("About 1,500 police", "officer")]
    assert _things("Over 300 cops patrolled the parade.") == [("Over 300 cops", "officer")]
    assert _things("Some 40 policemen guarded the embassy.") == [("Some 40 policemen", "officer")]
    # a derby, a parade, a summit
    assert joined("About 1,500 police were deployed for the derby at Eastgate, the force said.",
                  "Some 1,500 officers were on duty for the derby at Eastgate.")  # fmt: skip
    assert joined("Over 300 cops lined the route of the parade through Millbrook.",
                  "More than 300 police officers lined the parade route in Millbrook.")  # fmt: skip
    # officers are not the fans, nor the arrested
    assert not joined("About 1,500 police were deployed for the derby at Eastgate.",
                      "About 1,500 fans travelled to the derby at Eastgate.")  # fmt: skip


# --- rule 2: "N-strong X" counts X's members ---------------------------------------------------------------------


def test_an_n_strong_group_counts_its_members() -> None:
    assert _things("The carmaker's 3,200-strong workforce will be cut.") == [
        ("3,200-strong workforce", "workforce")
    ]
    assert ("5,000-strong force", "force") in _things("A 5,000-strong force was sent to the border.")
    # a factory, a hospital trust
    assert joined("The plant's 3,200-strong workforce faces an uncertain future, the union said.",
                  "The plant employs 3,200 people, the union said.")  # fmt: skip
    assert joined("The trust's 9,400-strong workforce will get a 4% rise.",
                  "All 9,400 staff at the trust will get a 4% rise.")  # fmt: skip
    # never "strong": a 40-strong team and 40 wins of another story stay apart
    assert _things("A 40-strong team of divers searched the lake.")[0][1] != "strong"


# --- rule 3: one thing in British and American spelling, or the trade's own word ---------------------------------


def test_storeys_and_stories_and_teu_and_containers_are_one_thing() -> None:
    assert _things("Fire swept through a 24-storey tower.") == [("24-storey tower", "storey")]
    assert _things("Fire swept through a 24-story tower.") == [("24-story tower", "storey")]
    assert joined("Fire swept through a 24-storey tower block in Dunmore on Sunday.",
                  "A fire tore through a 24-story apartment tower in Dunmore on Sunday.")  # fmt: skip
    assert joined("The terminal handled 9.8 million TEU in 2025, its owner said.",
                  "The terminal moved 9.8 million containers in 2025, its owner said.")  # fmt: skip
    # containers are not the ships that carry them
    assert not joined("The terminal handled 9,800 containers on Monday, its owner said.",
                      "The terminal handled 9,800 ships on Monday, its owner said.")  # fmt: skip


# --- rule 4: the wires' "dlrs" and "stg" after a figure ----------------------------------------------------------


def test_the_wires_dlrs_and_stg_are_money() -> None:
    assert _things("It posted a net loss of 45 mln dlrs.") == [("45 mln dlrs", "dollar")]
    assert [c.extra.get("measure") for c in extract_claims("It posted a net loss of 45 mln dlrs.")] == ["money"]
    # a miner's results, a retailer's profit
    assert joined("Copperfield posted a net loss of 45 mln dlrs for the quarter.",
                  "Copperfield lost $45 million in the quarter.")  # fmt: skip
    assert joined("Draycott's pretax profit rose to 310 mln stg in the year.",
                  "Draycott made a pretax profit of £310 million in the year.")  # fmt: skip
    # dollars are no pounds
    assert not joined("Copperfield posted a net loss of 45 mln dlrs for the quarter.",
                      "Copperfield lost £45 million in the quarter.")  # fmt: skip


# --- rule 5: "cops nicked N" are arrests -------------------------------------------------------------------------


def test_the_police_who_nicked_n_made_arrests() -> None:
    assert _things("Cops nicked 14 fans after the derby.") == [("14 fans", "fan")]
    assert [c.extra.get("role") for c in extract_claims("Cops nicked 14 fans after the derby.")] == ["arrested"]
    assert [c.extra.get("role") for c in extract_claims("Cops later nicked four suspects.")] == ["arrested"]
    # a derby, a protest
    assert joined("Police made 14 arrests after the derby at Eastgate.",
                  "Cops nicked 14 people after the derby at Eastgate.")  # fmt: skip
    assert joined("Officers arrested 63 protesters outside the refinery on Saturday.",
                  "Police nicked 63 protesters outside the refinery on Saturday.")  # fmt: skip
    # a theft is no arrest
    assert [c.extra.get("role") for c in extract_claims("Thieves nicked 40 phones from the shop.")] == [None]


# --- rule 6: "said NAME of the BODY" credits the person ----------------------------------------------------------


def test_a_person_of_a_body_is_the_speaker_not_the_body() -> None:
    assert _speakers("'We will appeal,' said Maria Fenton of the Tenants Union.") == ["Maria Fenton"]
    assert _speakers("'The data are clear,' said Omar Haddad of the National Weather Office.") == ["Omar Haddad"]
    # titles of one word and offices stay as they were read
    assert _speakers("'It is over,' said the Secretary of State, Ann Devlin.") == ["Ann Devlin"]
    # a quote and its partial form in another outlet, one speaker: one row
    assert _quote_rows(
        "'The rescue plan is running out of time,' said Maria Fenton of the Tenants Union.",
        "Maria Fenton said the plan was 'running out of time'.",
    ) == [2]


# --- rule 7: revellers are an audience ---------------------------------------------------------------------------


def test_revellers_are_the_crowd_of_a_party() -> None:
    assert _things("Some 40,000 revellers saw in the new year.") == [("Some 40,000 revellers", "reveler")]
    # a carnival, a new year party
    assert joined("About 40,000 people saw in the new year on the Calder seafront, the council said.",
                  "Some 40,000 revellers packed the Calder seafront to see in the new year.")  # fmt: skip
    # never the police on duty there
    assert not joined("Some 40,000 revellers packed the Calder seafront on new year's eve.",
                      "Some 400 officers were on duty on the Calder seafront on new year's eve.")  # fmt: skip


# --- rule 8: a short part of a quote by the same named speaker --------------------------------------------------


def test_a_short_part_of_a_quote_by_its_own_speaker_is_that_quote() -> None:
    # a port, a football club, a charity
    assert _quote_rows(
        "'This is a landmark year for the port,' said chief executive Lars Eklund.",
        "Chief executive Lars Eklund said it was 'a landmark year'.",
    ) == [2]
    assert _quote_rows(
        "'We are deeply saddened by the news of his passing,' said club chairman Rui Costa Lima.",
        "Club chairman Rui Costa Lima said the club was 'deeply saddened by' the news.",
    ) == [2]
    # the same speaker named in another form ("Ms Okafor" / "Priya Okafor")
    assert _quote_rows(
        "'It has been a brutal winter for the shops,' said Priya Okafor, head of retail at Shopscan.",
        "Ms Okafor called it 'a brutal winter'.",
    ) == [2]
    # another speaker, or none, with the same three words: two quotes
    assert _quote_rows(
        "'This is a landmark year for the port,' said chief executive Lars Eklund.",
        "Mayor Ann Cole said it was 'a landmark year'.",
    ) == [1, 1]
    assert _quote_rows(
        "'This is a landmark year for the charity,' said director Lars Eklund.",
        "It was 'a landmark year', the annual report said.",
    ) == [1, 1]


# --- the tune part of the invented events, over loopback ---------------------------------------------------------

# facts of the tune part each in one row with every outlet (the round's rules), by event and value
ONE_ROW = [
    ("technology: software firm lays off a tenth of staff", 12400),
    ("technology: software firm lays off a tenth of staff", 180e6),
    ("prisons: three inmates escape over fence", 200),
    ("disaster: apartment block collapses", 6),
    ("festivals: carnival crowds and arrests", 312),
    ("festivals: carnival crowds and arrests", 7000),
]

Scored = tuple[list[Any], list[Any], list[dict[str, Any]], tuple[int, int, int]]


@pytest.fixture(scope="module")
def scored() -> Scored:
    import variants_eval

    return variants_eval.scored_part("variants20_events.json")


@pytest.mark.slow  # one fetch of about 55 pages and a compare: about ten seconds
def test_tune_events_keep_their_different_facts_apart(scored: Scored) -> None:
    _, joined_apart, _, (_, stray, conflict_rows) = scored
    assert joined_apart == []
    assert conflict_rows == 0 and stray == 0  # a join never makes a conflict nor an update


@pytest.mark.slow
@pytest.mark.parametrize(("event", "value"), ONE_ROW)
def test_tune_events_one_fact_in_other_words_is_one_row(scored: Scored, event: str, value: float) -> None:
    chosen = [f for f in scored[0] if f.event == event and f.fact.get("value") == value]
    assert chosen
    for fact in chosen:
        assert len(fact.rows) == 1 and not fact.missed, (fact.fact["pieces"], fact.rows, fact.missed)


@pytest.mark.slow
@pytest.mark.parametrize("event", ["housing: new homes fall short of target", "ports: record container volumes"])
def test_tune_events_a_quote_and_its_part_are_one_row(scored: Scored, event: str) -> None:
    chosen = [f for f in scored[0] if f.event == event and f.fact["kind"] == "quote"]
    assert chosen and all(len(f.rows) == 1 and not f.missed for f in chosen)

"""Round statements28 (issue 12): an act told in the passive ("The bridge was closed on Monday", "The law was passed
by parliament", "He has been charged with fraud") is a statement as its active form is, guarded against the passives
of a view, a report or a feeling and against a denied act; and an outlet's repeat of a statement joins the fact it
repeats (``pipeline.join_statement_repeats``). Sentences of our own from several kinds of news."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from claimcheck.claims import extract_claims
from claimcheck.claims.statements import acts_in_past, is_statement
from claimcheck.match.pipeline import match_facts
from claimcheck.match.rules import MatchOptions
from claimcheck.models import Article, Outlet


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
        "The Elbrook bridge was closed overnight as a precaution after the storm.",
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


# --- an outlet's repeat of a statement joins the fact it repeats (``pipeline.join_statement_repeats``) ---

T0 = datetime(2026, 3, 1, 9, tzinfo=UTC)
OUTLETS = {o: Outlet(o, o.upper()) for o in ("abc", "cbs", "sky", "wdr", "npr", "itv", "bbc")}


def _told(outlet: str, text: str, hour: int = 0, piece: int = 0) -> Article:
    """An article of ``outlet`` (its ``piece``-th of the story) whose claims are what the extractor finds."""
    url = f"http://127.0.0.1:9/{outlet}/{hour}/{piece}"  # never fetched
    return Article(outlet, url, url, f"{outlet} story {piece}", text, url, T0, published=T0 + timedelta(hours=hour),
                   claims=tuple(extract_claims(text)))  # fmt: skip


# one fact (a prize won in custody) told by six outlets, most of them with the custody, none with the co-winners
_PRIZE = [
    _told("abc", "Lind shared the 2023 Halden Prize while in custody.", 0),
    _told("cbs", "Lind shared the 2023 Halden Prize while in custody.", 0),
    _told("sky", "Lind, who founded the rights group Orvane, was awarded the Halden Prize in 2023 while he was behind bars.", 1),
    _told("wdr", "Lind, 61, founded the human rights organization Orvane and shared the Halden Prize in 2023.", 1),
    _told("npr", "Lind, the founder of rights group Orvane, won the Halden Prize in 2023 while he was in jail.", 2),
    _told("itv", "Lind, founder of the rights group Orvane, received the Halden Prize in 2023 while in detention.", 3),
]


def _statement_rows(articles: list[Article]) -> list[tuple[str, set[str], int]]:
    facts = match_facts(articles, OUTLETS, MatchOptions())
    return [(f.summary, set(f.outlets), len(f.mentions)) for f in facts if f.kind == "statement"]


def test_an_outlets_repeat_of_a_statement_joins_the_fact_it_repeats() -> None:
    """npr tells the prize again in an explainer, with the co-winners, as bbc does: the two linked to each other
    and to one side of the fact each, a second row of the same fact (the demo's Nobel prize row, round
    statements28)."""
    rows = _statement_rows(
        [
            *_PRIZE,
            _told("bbc", "Mr Lind was awarded the Halden Prize in 2023, jointly with the Tessaly group Kormund and the "
                  "Varno Centre for Civil Rights, while he was in detention.", 4),  # fmt: skip
            _told("npr", "He shared the 2023 Halden Prize with Tessaly rights group Kormund and the Varno Centre for "
                  "Civil Rights.", 5, piece=1),  # fmt: skip
        ]
    )
    assert len(rows) == 1, rows
    assert rows[0][1] == {"abc", "cbs", "sky", "wdr", "npr", "itv", "bbc"} and rows[0][2] == 8, rows


def test_another_fact_of_a_shared_outlet_stays_its_own_row() -> None:
    """npr and bbc tell another fact of the same man (the group he founded): no repeat of the prize, its own row."""
    rows = _statement_rows(
        [
            *_PRIZE,
            _told("bbc", "Mr Lind founded Orvane in 1996 to help protesters who had been detained by the police.", 4),
            _told("npr", "Lind founded the rights group Orvane in 1996 to help protesters detained by the police.", 5,
                  piece=1),  # fmt: skip
        ]
    )
    assert len(rows) == 2, rows
    prize = next(r for r in rows if "Prize" in r[0])
    assert prize[1] == {"abc", "cbs", "sky", "wdr", "npr", "itv"} and prize[2] == 6, rows

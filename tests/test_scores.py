"""Sports results as facts: scores ("a 34-6 win") and records ("a 50-32-1 record") are number claims in a
result context only, and match only the same score (claimcheck/claims/scores.py, match/things.thing_key).
On by default (a game's result is a checkable fact); ``extract_claims(..., scores=False)`` leaves them out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from claimcheck.claims import extract_claims
from claimcheck.match.pipeline import match_facts
from claimcheck.match.rules import MatchOptions
from claimcheck.models import Article, Outlet

T0 = datetime(2026, 3, 1, 20, tzinfo=UTC)
OUTLETS = {o: Outlet(o, o.upper()) for o in ("alpha", "beta", "gamma", "delta")}


def scores(text: str) -> list[tuple[str, float | None, str | None, str | None]]:
    return [
        (c.text, c.value.low if c.value else None, c.unit, c.extra.get("score"))
        for c in extract_claims(text, scores=True)
        if c.kind == "number" and c.extra.get("score") and c.unit != "vote"  # a vote's tally: tests/test_votes.py
    ]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The home side won 27-10 on a wet Sunday and moved top of the table.", ("27-10", 27, "score", "27-10")),
        ("The Hawks beat the Rovers, 5-4, in eleven innings.", ("5-4", 5, "score", "5-4")),
        ("The visitors lost 1-2 after extra time.", ("1-2", 2, "score", "2-1")),  # the higher figure first
        ("It was a 41–17 victory for the champions.", ("41–17", 41, "score", "41-17")),
        ("The club came back from 3-1 down in the series to lift the trophy.", ("3-1", 3, "score", "3-1")),
        ("The derby ended in a 2-2 draw.", ("2-2", 2, "score", "2-2")),
        ("The hosts won 24 to 21 at home.", ("24 to 21", 24, "score", "24-21")),
        ("She leaves with a 61-40-3 record over six seasons.", ("61-40-3", 61, "record", "61-40-3")),
        ("They went 9-7 and a 12-4 mark the year after.", ("12-4", 12, "record", "12-4")),
        # a result verb governs the pair; a poll or chamber word elsewhere does not make it an election's
        ("Georgia beat Auburn 27-24 to stay top of the AP poll.", ("27-24", 27, "score", "27-24")),
        ("The Tigers won 2-0 at Congress Park on Saturday.", ("2-0", 2, "score", "2-0")),
    ],
)
def test_a_score_in_a_result_context_is_one_number_claim(text: str, expected: tuple) -> None:
    assert expected in scores(text)


@pytest.mark.parametrize(
    "text",
    [
        "The upper house voted 51-49 to confirm the nominee.",
        "The court's 6-3 ruling struck the law down.",
        "The fair runs June 4-6 on the common.",
        "Children aged 5-11 travel free.",
        "The 2024-25 budget was passed.",
        "See pages 12-14 for the method.",
        "Call 555-0199 for tickets.",
        "The party won 3 to 5 seats in the by-elections.",
        "The ratio was 3-1 in the sample.",  # no result word
        "The senator led her rival 52-45 in the latest poll.",  # an election's lead, not a game's
        "The party is leading 45 to 40 in the polls.",
        "Republicans lead the chamber 53-47 after the election.",
        "Democrats keep a 53-47 senate majority after the recount.",
    ],
)
def test_no_score_outside_a_result_context(text: str) -> None:
    assert scores(text) == []


def test_a_score_is_one_claim_not_two_numbers() -> None:
    claims = [c for c in extract_claims("The Hawks beat the Rovers 8-7 in ten innings.", scores=True) if c.kind == "number"]
    assert [c.text for c in claims if "8" in c.text or c.text == "7"] == ["8-7"]


def test_scores_are_on_by_default_and_can_be_left_out() -> None:
    text = "The home side won 27-10 on a wet Sunday. She leaves with a 61-40-3 record."
    assert sorted(c.extra.get("score") for c in extract_claims(text) if c.extra.get("score")) == ["27-10", "61-40-3"]
    assert not any(c.extra.get("score") for c in extract_claims(text, scores=False))


def _art(outlet: str, text: str, n: int = 0) -> Article:
    url = f"https://{outlet}.example/{n}"
    return Article(outlet, url, url, f"{outlet} story", text, url, T0, published=T0 + timedelta(hours=n),
                   claims=tuple(extract_claims(text, scores=True)))  # fmt: skip


def _score_facts(*articles: Article) -> list:
    facts = match_facts(articles, OUTLETS, MatchOptions())
    return [f for f in facts if f.kind == "number" and any(m.claim.extra.get("score") for m in f.mentions)]


def test_the_same_score_in_different_words_is_one_fact_and_reads_as_a_score() -> None:
    facts = _score_facts(
        _art("alpha", "The Hawks beat the Rovers 8-7 in ten innings on Tuesday."),
        _art("beta", "A late double sealed an 8-7 victory for the home team."),
        _art("gamma", "Fans cheered as their side edged out the visitors 8-7."),
    )
    assert len(facts) == 1
    assert set(facts[0].outlets) == {"alpha", "beta", "gamma"}
    assert facts[0].summary.startswith("8-7 score")


def test_different_scores_are_different_facts_never_a_conflict() -> None:
    facts = _score_facts(
        _art("alpha", "The Hawks had a 6-3 lead in the eighth but went on to win 8-7."),
        _art("beta", "The Hawks won 8-7 after blowing a 6-3 lead."),
        _art("gamma", "Earlier in the series the Hawks won game two 8-6."),
    )
    by_score = {f.mentions[0].claim.extra["score"]: f for f in facts}
    assert set(by_score) == {"6-3", "8-7", "8-6"}
    assert set(by_score["8-7"].outlets) == {"alpha", "beta"}
    assert set(by_score["6-3"].outlets) == {"alpha", "beta"}
    assert all(not f.conflicts for f in facts)


def test_a_score_never_joins_a_count_of_the_same_figure() -> None:
    facts = match_facts(
        [
            _art("alpha", "The Hawks won 34-6 on Sunday."),
            _art("beta", "The Hawks scored 34 points on Sunday."),
        ],
        OUTLETS,
        MatchOptions(),
    )
    assert all(len(f.outlets) == 1 for f in facts if f.kind == "number")


def test_a_record_joins_the_games_won_in_another_outlet() -> None:
    facts = _score_facts(
        _art("alpha", "The coach finished with a 50-32-1 record in five seasons."),
        _art("beta", "The coach won 50 games in five seasons with the club."),
    )
    assert len(facts) == 1 and set(facts[0].outlets) == {"alpha", "beta"}


def test_since_beside_a_score_dates_the_record_not_the_score() -> None:
    [since] = [c for c in extract_claims("They are the first side to overturn a 3-1 deficit since 1990.") if c.extra.get("score")]
    assert since.when is None
    [day] = [c for c in extract_claims("The Hawks won 3-1 on Sunday.") if c.extra.get("score")]
    assert day.when is not None  # a point in time stays: two games of one score on two days are two facts
    facts = _score_facts(
        _art("alpha", "The Hawks, absent from the final for years, are the first side to overturn a 3-1 deficit since 1990."),
        _art("beta", "The Hawks came back from 3-1 down in the series to take the trophy."),
    )
    assert len(facts) == 1 and set(facts[0].outlets) == {"alpha", "beta"}

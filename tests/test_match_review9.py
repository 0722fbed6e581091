"""review9: the feeds round's running lengths of time narrowed (a length of time may evolve only as time can).

Sentences written here, read by the real extractor and matched by match_facts; the misfires failed on main
257a70a, and the feeds round's own cases (tests/test_match_feeds.py) stay."""

from __future__ import annotations

from test_match_general import OUTLETS, told

from claimcheck.match.pipeline import match_facts
from claimcheck.match.rules import MatchOptions
from claimcheck.models import Fact


def _numbers(*told_at: tuple[str, int]) -> list[Fact]:
    """The number facts of one outlet per (text, hour published) pair."""
    articles = [told(o, t, hour=h) for o, (t, h) in zip(OUTLETS, told_at, strict=False)]
    return [f for f in match_facts(articles, OUTLETS, MatchOptions()) if f.kind == "number"]


def test_two_readings_of_one_past_moment_are_a_conflict() -> None:
    # the past perfect with "when": both count up to the same moment, so they disagree
    facts = _numbers(
        ("He had been in office for 4 years when the scandal broke, his aides said.", 0),
        ("He had been in office for 6 years when the scandal broke, his aides said.", 9),
    )
    assert not any(f.evolving for f in facts)
    assert any(f.conflicts for f in facts)


def test_a_running_length_cannot_grow_faster_than_time() -> None:
    # ten and twelve years, both still running, nine hours apart: a disagreement, not an update
    facts = _numbers(
        ("The company has been operating in Kenya for 10 years, its chief executive said.", 0),
        ("The company has been operating in Kenya for 12 years, its chief executive said.", 9),
    )
    assert not any(f.evolving for f in facts)
    assert any(f.conflicts for f in facts)


def test_a_running_length_that_grew_with_time_is_evolving() -> None:
    # 20 and 23 days held, three days apart: the same detention, reported later
    (fact,) = [f for f in _numbers(
        ("The journalist has been held in detention for 20 days, her employer said.", 0),
        ("The journalist has now been held in detention for 23 days, her employer said.", 72),
    ) if len(f.outlets) == 2]  # fmt: skip
    assert fact.evolving and not fact.conflicts

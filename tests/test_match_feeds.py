"""Matching rules for what feed headlines and summaries do to a fact (issue 12, the fresh feeds set's tuning
failures): sentences written here, read by the real extractor and matched by match_facts. Each rule has the
case it was written for, which failed before it, and a case that must stay apart."""

from __future__ import annotations

from test_match_general import OUTLETS, joined, told

from claimcheck.match.pipeline import match_facts
from claimcheck.match.rules import MatchOptions
from claimcheck.models import Fact


def test_a_role_count_meets_the_people_given_that_role() -> None:
    # one outlet names the people, the other only what befell them: one count of the missing
    assert joined("Rescue teams are searching for 12 missing hikers after the landslide in the valley.",
                  "Four hikers were rescued and 12 others were still missing on Sunday after the landslide.")  # fmt: skip
    assert joined("Rescue teams are searching for 12 missing hikers after the landslide in the valley.",
                  "4 hikers rescued, 12 missing after valley landslide")  # fmt: skip
    assert joined("Police arrested 37 protesters outside the parliament building on Saturday night.",
                  "By the end of the night 37 had been arrested outside parliament, police said.")  # fmt: skip


def test_a_role_count_stays_apart_from_people_given_another_role() -> None:
    assert not joined("Rescue teams are searching for 12 missing hikers after the landslide in the valley.",
                      "Twelve people were injured when the landslide hit the road below the valley.")  # fmt: skip
    assert not joined("Police arrested 37 protesters outside the parliament building on Saturday night.",
                      "At least 37 people were killed in clashes outside parliament, medics said.")  # fmt: skip


def _numbers(*told_at: tuple[str, int]) -> list[Fact]:
    """The number facts of one outlet per (text, hour published) pair."""
    articles = [told(o, t, hour=h) for o, (t, h) in zip(OUTLETS, told_at, strict=False)]
    return [f for f in match_facts(articles, OUTLETS, MatchOptions()) if f.kind == "number"]


def test_a_running_length_of_time_that_grows_later_is_evolving_not_a_conflict() -> None:
    (fact,) = [f for f in _numbers(
        ("The family said the student had spent 18 days in detention when they first spoke out.", 0),
        ("The student has now been held in detention for 25 days, his family says.", 9),
    ) if len(f.outlets) == 2]  # fmt: skip
    assert fact.evolving and not fact.conflicts
    (fact,) = [f for f in _numbers(  # the earlier figure in quotation marks
        ("Her lawyer said the student had spent \u201c18 days in a cell\u201d by the time the case was filed.", 0),
        ("The student has been held in a cell for 25 days, his lawyer said on Friday.", 9),
    ) if len(f.outlets) == 2]  # fmt: skip
    assert fact.evolving and not fact.conflicts


def test_a_fixed_term_that_differs_stays_a_conflict() -> None:
    facts = _numbers(
        ("The court sentenced the activist to 18 days in detention for the protest.", 0),
        ("The activist was sentenced to 21 days in detention for the protest, the court said.", 9),
    )
    assert not any(f.evolving for f in facts)
    assert any(f.conflicts for f in facts)


def test_an_ordinal_day_since_an_event_counts_the_days_elapsed() -> None:
    assert joined("Crowds gathered in the square on the 100th day since the flood to remember its victims.",
                  "Residents marked 100 days since the flood with a vigil for the victims in the square.")  # fmt: skip


def test_an_ordinal_day_of_a_sequence_stays_one_item() -> None:
    # "the fifth day of the trial" is one day of it, not a count of five days
    assert not joined("On the fifth day of the trial, the jury heard from the defendant's sister.",
                      "The jury heard evidence over five days before the defendant's sister took the stand.")  # fmt: skip

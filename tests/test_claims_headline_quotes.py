"""A quote in a title-case headline is capitalised as every other word of it, so its capitals say nothing of a
title: a verb of speech beside it says it is spoken ("'We Will Rebuild,' Says Mayor"). Before, every such quote
was left out as a work's title. Titles of works stay out."""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims


def quotes(text: str) -> list[str]:
    return [c.text.rstrip(",") for c in extract_claims(text) if c.kind == "quote"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("'We Will Rebuild Every Home,' Says Mayor After Floods", ["We Will Rebuild Every Home"]),
        ("“This Is A Disaster For Farmers,” Minister Warns", ["This Is A Disaster For Farmers"]),
        ("Chancellor Says Budget Plan Is 'Dead In The Water'", ["Dead In The Water"]),
        ('Coach Says Team Will "Fight Until The Last Minute"', ["Fight Until The Last Minute"]),
        ('"We Got It Wrong," Admits Bank Boss', ["We Got It Wrong"]),
    ],
)
def test_a_spoken_quote_in_a_title_case_headline(text: str, expected: list[str]) -> None:
    assert quotes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        'Author Says "The House At The End Of The Lane" Took Ten Years',  # a work named, the headline going on
        'Broadcaster Renews "The Long Way Home Tonight" For Second Season',
        'Review: "The House At The End Of The Lane" Is A Triumph',
        'Critics Say "Star Trek Into Darkness" Is The Best Of The Series',
    ],
)
def test_a_works_title_in_a_headline_stays_out(text: str) -> None:
    assert quotes(text) == []


def test_a_capitalised_title_in_running_text_stays_out() -> None:
    # the rule reads title-case lines only: a sentence keeps its small words in lower case
    assert quotes('The author says "The House At The End Of The Lane" took ten years to write.') == []


def test_a_headline_quote_joins_the_bodies_and_the_row_reads_the_sentence() -> None:
    from test_match_general import OUTLETS, told

    from claimcheck.match.pipeline import match_facts
    from claimcheck.match.rules import MatchOptions

    a = told("bbc", "'We Will Rebuild Every Home,' Says Mayor After Floods\n\nThe river burst its banks on Monday. "
                    "'We will rebuild every home,' the mayor, Ana Ruiz, said.", 0)  # fmt: skip
    b = told("cbs", 'Floods hit the town. "We will rebuild every home," Mayor Ana Ruiz told reporters.', 1)
    c = told("npr", "'We Will Rebuild Every Home,' Says Mayor\n\nThe mayor visited the shelters on Tuesday.", 2)
    facts = [f for f in match_facts([a, b, c], OUTLETS, MatchOptions()) if f.kind == "quote"]
    assert [(f.outlets, f.summary) for f in facts] == [(("bbc", "cbs", "npr"), "Ana Ruiz: “We will rebuild every home”")]

"""Adversarial stories through the real pipeline (issue 12, round 11): pages written here, in our own words,
served on loopback as outlets with feeds (tests/facts_eval.serve_docs), the real `claimcheck fetch`, and
compare's JSON. Each story sets a trap that real reporting sets: the same figure of two players, the dead and
the wounded of one attack, a part and its total, an age and a count, two quotes of one speaker, a quote and
another speaker's contrary one. What must stay apart stays apart, and what one fact is, stated in other words
by another outlet, still joins."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path
from typing import Any

import pytest
from facts_eval import fetch_and_compare, serve_docs

OUTLETS = ("northpost.example", "harbourtimes.example", "valleyherald.example")
FILLER = "Residents gathered outside as officials promised an update later in the day."

# story: ({outlet index: (hour, title, paragraphs)}, pairs that must stay apart, pairs that must join);
# a pair names two sentences by a piece of each; a pair of one kind (number or quote) of rows
STORIES: dict[str, tuple[dict[int, tuple[int, str, list[str]]], list[tuple[str, str]], list[tuple[str, str]]]] = {
    "two players, one figure": (
        {
            0: (0, "Hawks beat Owls", ["Jones scored 22 points as the Hawks beat the Owls 101-94 on Saturday."]),
            1: (1, "Owls fall again", ["Brown had 22 points for the Owls, who lost for the third time in a row."]),
            2: (2, "Hawks win at home", ["Jones finished with 22 points and eight rebounds for the Hawks."]),
        },
        [("Brown had 22", "Jones scored 22"), ("Brown had 22", "Jones finished with 22")],
        [("Jones scored 22", "Jones finished with 22")],
    ),
    "the dead and the wounded of one attack": (
        {
            0: (0, "Bomb hits convoy", ["Seven soldiers were killed and 26 were wounded, the army said."]),
            1: (1, "Convoy attack", ["The blast killed seven troops and injured 26 others, officials said."]),
            2: (2, "Border blast", ["Seven civilians were wounded in the explosion, the local hospital said."]),
        },
        [("Seven civilians were wounded", "Seven soldiers were killed"), ("Seven civilians were wounded", "killed seven troops")],
        [("Seven soldiers were killed", "killed seven troops")],
    ),
    "one toll, one injured count, one figure": (
        {
            0: (0, "Market attack", ["Gunmen opened fire in a crowded market on Friday, killing 13 people and wounding 40 others."]),
            1: (1, "Market shooting", ["Thirteen people died in the attack on the market, police said."]),
            2: (2, "Gunmen attack market", ["Police said 13 people were wounded in the shooting."]),
        },
        [("Thirteen people died", "13 people were wounded")],
        [("killing 13 people", "Thirteen people died")],
    ),
    "a part and its total": (
        {
            0: (0, "Ferry capsizes", ["The ferry was carrying 230 people, including 35 crew members, when it capsized.",
                                      "At least 35 people were still missing on Wednesday night."]),
            1: (1, "Ferry search", ["Thirty-five people remained missing, the coast guard said.",
                                    "The vessel had 230 people on board."]),
            2: (2, "Ferry crew", ["The crew of 35 were all rescued, the operator said."]),
        },
        [("The crew of 35", "Thirty-five people remained missing"), ("The crew of 35", "At least 35 people were still missing")],
        [("At least 35 people were still missing", "Thirty-five people remained missing")],
    ),
    "an age and a count": (
        {
            0: (0, "Bus leaves the road", ["The 45-year-old driver was arrested at the scene, police said.",
                                          "The bus was carrying 45 passengers when it left the road."]),
            1: (1, "Coach crash", ["There were 45 passengers on board the coach, the operator said."]),
            2: (2, "Bus driver held", ["Police detained the driver, a 45-year-old man from the capital."]),
        },
        [("45-year-old man", "45 passengers on board"), ("45-year-old driver", "45 passengers on board")],
        [("carrying 45 passengers", "45 passengers on board")],
    ),
    "one person killed": (
        {
            0: (0, "Highway crash", ["One person died and four were injured in a crash on the highway on Sunday."]),
            2: (1, "Fatal collision", ["One person was killed in the collision, police said."]),
        },
        [],
        [("One person died", "One person was killed")],
    ),
    "two quotes of one speaker": (
        {
            0: (0, "Mayor vows to rebuild", ["\u201cWe will rebuild every home that was lost,\u201d Mayor Ellen Park said on Monday.",
                                            "\u201cNobody in this city will be left behind,\u201d she added."]),
            1: (1, "City to rebuild", ["\u201cWe will rebuild every home that was lost,\u201d Park told reporters."]),
            2: (2, "Park speaks", ["\u201cNobody in this city will be left behind,\u201d Park said."]),
        },
        [("We will rebuild", "Nobody in this city")],
        [("Mayor Ellen Park said", "Park told reporters")],
    ),
    "a quote and another speaker's contrary one": (
        {
            0: (0, "Talks stall", ["\u201cThere is no deal on the table and there will not be one this week,\u201d the union leader Tom Reyes said."]),
            1: (1, "Deal close", ["\u201cThere is a deal on the table and we expect it to be signed this week,\u201d company chief Ana Moll said."]),
            2: (2, "Union says no deal", ["Reyes said: \u201cThere is no deal on the table and there will not be one this week.\u201d"]),
        },
        [("Ana Moll", "Tom Reyes"), ("Ana Moll", "Reyes said:")],
        [("Tom Reyes", "Reyes said:")],
    ),
}  # fmt: skip


def _docs() -> list[dict[str, Any]]:
    docs = []
    for story, (articles, _, _) in STORIES.items():
        for k, (hour, title, paragraphs) in articles.items():
            did = hashlib.sha1(f"{story}/{k}".encode()).hexdigest()
            text = "\n".join([title, *paragraphs, FILLER])
            when = f"2026-03-02T{8 + hour:02d}:00:00+00:00"
            docs.append({"dId": did, "title": title, "text": text, "source_domain": OUTLETS[k], "date_publish": when})
    return docs


@pytest.fixture(scope="module")
def rows() -> list[tuple[str, list[str]]]:
    """Every row of compare's JSON as (kind, its mentions' sentences)."""
    served = serve_docs(_docs())
    try:
        with tempfile.TemporaryDirectory() as tmp:
            _, report = fetch_and_compare(served, Path(tmp))
    finally:
        served.site.close()
    return [(f["kind"], [m["sentence"] for m in f["mentions"]]) for f in report["facts"]]


def _holds(row: list[str], piece: str) -> bool:
    return any(piece in s for s in row)


def _pairs(which: int) -> list[tuple[str, str, str]]:
    return [(story, a, b) for story, spec in STORIES.items() for a, b in spec[which]]  # type: ignore[misc]


@pytest.mark.parametrize(("story", "a", "b"), _pairs(1))
def test_different_facts_of_one_story_stay_apart(rows: list[tuple[str, list[str]]], story: str, a: str, b: str) -> None:
    joined = [r for kind, r in rows if kind != "statement" and _holds(r, a) and _holds(r, b)]
    assert not joined, f"{story}: {joined}"


@pytest.mark.parametrize(("story", "a", "b"), _pairs(2))
def test_one_fact_in_other_words_still_joins(rows: list[tuple[str, list[str]]], story: str, a: str, b: str) -> None:
    assert any(kind != "statement" and _holds(r, a) and _holds(r, b) for kind, r in rows), story

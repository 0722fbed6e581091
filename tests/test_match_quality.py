"""Quality gate of the matcher: pairwise precision and recall of its clusters on labelled stories.

Two labelled sets, reported separately: the hand-written earthquake story
(tests/data/match_labelled.json, ``labelled_*``) and the demo corpus fetched over loopback, labelled
from its truth.json (``demo_*``): each truth mention's ``sentence_contains`` (and value, for
numbers) picks the claims it labels; a claim two truth facts claim is left out as ambiguous, and
every claim of a noise article is its own label, so a noise claim merged into a fact costs
precision. Pairs are counted between labelled claims only (the truth lists facts reported by two
or more articles, not every claim).

The floors live in tests/data/match_floors.json and may only go up. Print the current scores with
``python -m tests.test_match_quality`` (from the repository root).
"""

from __future__ import annotations

import itertools
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from claimcheck.match.pipeline import match_facts
from claimcheck.models import Article, Claim, Fact, Interval, Outlet

DATA = Path(__file__).parent / "data"
LABELLED = DATA / "match_labelled.json"
FLOORS = DATA / "match_floors.json"


def load_story(
    path: Path = LABELLED,
) -> tuple[list[Article], dict[str, Outlet], dict[tuple[str, int], str | None]]:
    """Articles (claims attached), outlets, and the gold label of every claim keyed by (url, start)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    outlets = {
        o["id"]: Outlet(o["id"], o["name"], tuple(o.get("aliases", ())), wire=o.get("wire", False))
        for o in data["outlets"]
    }
    articles, gold = [], {}
    for a in data["articles"]:
        claims = []
        for c in a["claims"]:
            v = c.get("value")
            claim = Claim(
                kind=c["kind"],
                text=c["text"],
                sentence=c["sentence"],
                start=c["start"],
                end=c["end"],
                value=Interval(v[0], v[1], v[2], v[3]) if v else None,
                unit=c.get("unit"),
                when=c.get("when"),
                speaker=c.get("speaker"),
                cites=c.get("cites"),
            )
            claims.append(claim)
            if c["kind"] != "citation":
                gold[a["url"], c["start"]] = c.get("label")
        published = datetime.fromisoformat(a["published"])
        articles.append(
            Article(a["outlet"], a["url"], a["url"], a["title"], a["text"], a["url"], published,
                    published=published, claims=tuple(claims))
        )  # fmt: skip
    return articles, outlets, gold


def pairs(groups: Iterable[Sequence[tuple[str, int]]]) -> set[frozenset[tuple[str, int]]]:
    return {frozenset(p) for g in groups for p in itertools.combinations(g, 2)}


def pairwise_pr(facts: Sequence[Fact], gold: dict[tuple[str, int], str | None]) -> tuple[float, float]:
    """Pairwise precision and recall of predicted facts against gold labels (None = a singleton).

    Only claims that have a gold entry count; claims outside ``gold`` are ignored."""
    predicted = pairs(
        [(m.url, m.claim.start) for m in f.mentions if (m.url, m.claim.start) in gold] for f in facts
    )
    by_label: dict[str, list[tuple[str, int]]] = {}
    for key, label in gold.items():
        if label is not None:
            by_label.setdefault(label, []).append(key)
    truth = pairs(by_label.values())
    hit = len(predicted & truth)
    precision = hit / len(predicted) if predicted else 1.0
    recall = hit / len(truth) if truth else 1.0
    return precision, recall


def demo_gold(articles: Sequence[Article]) -> dict[tuple[str, int], str | None]:
    """Gold labels of the demo corpus's claims from truth.json (see the module docstring)."""
    from test_compare_demo import TRUTH, carries, path

    labels: dict[tuple[str, int], set[str]] = {}
    for fact in TRUTH["facts"]:
        for sm in fact["mentions"]:
            for a in articles:
                if path(a.url) != sm["path"]:
                    continue
                cands = [
                    c for c in a.claims if c.kind == fact["kind"] and sm["sentence_contains"] in c.sentence
                ]
                exact = [c for c in cands if carries(_M(a.url, c), sm)]
                for c in exact or cands:
                    labels.setdefault((a.url, c.start), set()).add(fact["id"])
    noise = {a["path"] for a in TRUTH["articles"] if a["story"] == "noise"}
    for a in articles:
        if path(a.url) in noise:
            for c in a.claims:
                labels.setdefault((a.url, c.start), set()).add(f"noise:{a.url}:{c.start}")
    return {k: next(iter(v)) for k, v in labels.items() if len(v) == 1}


@dataclass
class _M:  # the shape of a Mention that ``carries`` reads
    url: str
    claim: Claim


def demo_scores() -> dict[str, float]:
    from test_compare_demo import all_articles, demo_outlets

    articles = all_articles()
    p, r = pairwise_pr(match_facts(articles, demo_outlets()), demo_gold(articles))
    return {"demo_precision": round(p, 3), "demo_recall": round(r, 3)}


def scores(demo: bool = True) -> dict[str, float]:
    articles, outlets, gold = load_story()
    p, r = pairwise_pr(match_facts(articles, outlets), gold)
    out = {"labelled_precision": round(p, 3), "labelled_recall": round(r, 3)}
    return {**out, **demo_scores()} if demo else out


def test_pairwise_precision_and_recall_hold_their_floors() -> None:
    floors = json.loads(FLOORS.read_text())
    got = scores()
    for key, floor in floors.items():
        if key in got:
            assert got[key] >= floor, f"{key} fell to {got[key]} (floor {floor})"


# Floors below the 0.9 aim, with why (none now: demo_recall reached 0.91 with the counted thing taken
# from the claim's role, updated figures of a rising toll, and shared rare phrases of statements).
BELOW_AIM: set[str] = set()


def test_floors_are_ambitious() -> None:
    floors = json.loads(FLOORS.read_text())
    assert all(v >= 0.9 for k, v in floors.items() if k not in BELOW_AIM)
    assert all(v >= 0.75 for v in floors.values())


@pytest.fixture(scope="module")
def story() -> tuple[list[Fact], dict[str, Outlet]]:
    articles, outlets, _ = load_story()
    return match_facts(articles, outlets), outlets


def by_label(facts: Sequence[Fact], text: str) -> Fact:
    return next(f for f in facts if any(text == m.claim.text for m in f.mentions))


def test_story_conflicts_and_wire_copy(story: tuple[list[Fact], dict[str, Outlet]]) -> None:
    facts, _ = story
    deaths = by_label(facts, "312 people")
    assert [c.outlet for c in deaths.conflicts] == ["guardian"]
    assert "apnews" in deaths.cited_sources and "reuters" in deaths.cited_sources
    buildings = by_label(facts, "2,100 buildings")
    assert "dailystar" in buildings.outlets and "dailystar" not in buildings.independent_outlets
    magnitude = by_label(facts, "magnitude of 6.4")
    assert [c.outlet for c in magnitude.conflicts] == ["reuters"]
    assert magnitude.first_outlet == "hurriyet"
    old = by_label(facts, "604 people")
    assert "bbc" not in old.outlets


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    print(json.dumps(scores()))

"""Facts on fresh real feed entries (tests/facts_feeds.py, labels tests/data/facts_feeds_labelled.json): the labels
are valid and were split by the rule, titles count as mentions, and a quick run on a few small tuning events holds
its floors (tests/data/facts_floors.json, the sets marked "set": "feeds"). Skipped when ../shared/realdata is
absent."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import facts_eval
import feedfacts
import pytest
from facts_eval import Totals
from facts_feeds import as_article_labels, doc_id, evaluate_event, map_rows

FLOORS = Path(__file__).parent / "data" / "facts_floors.json"
needs_feeds = pytest.mark.skipif(not feedfacts.available(), reason="shared/realdata absent")


def test_page_names_start_with_the_link_hash() -> None:
    assert doc_id("bbc_world/1f6445a71d05") == "1f6445a71d05-bbc_world"
    assert doc_id("time_tech/84fe4887f50e") != doc_id("time_world/84fe4887f50e")  # one link, two feeds


def test_body_is_title_line_then_summary() -> None:
    assert (
        feedfacts.body("Storm kills 3", "Three people died on Monday.")
        == "Storm kills 3\nThree people died on Monday."
    )
    assert feedfacts.body("Headline only", "") == "Headline only"


@needs_feeds
def test_labels_are_valid_and_split_by_the_rule() -> None:
    data = feedfacts.load()
    assert feedfacts.validate(data) == []
    # every event of 2+ feeds was read, and listed even when it holds no fact
    assert {ev["event"] for ev in data["events"]} == set(feedfacts.events())
    facts = [f for ev in data["events"] for f in ev["facts"]]
    assert len(facts) >= 30 and {f["kind"] for f in facts} == {"number", "quote"}
    assert any(ev["split"] == "heldout" and ev["facts"] for ev in data["events"])


@needs_feeds
def test_a_title_sentence_maps_to_the_title_line() -> None:
    ev = next(e for e in feedfacts.load()["events"] if e["event"] == "australia-syria-women-repatriation")
    eid = ev["entries"][0]
    entry = feedfacts.entries()[eid]
    url = "http://127.0.0.1:1/x.html"
    report = {"facts": [{"id": "F1", "kind": "number", "summary": "", "outlets": ["x"], "mentions": [
        {"url": url, "sentence": entry.title, "value": None}]}]}  # fmt: skip
    (row,) = map_rows(report, {url: doc_id(eid)}, ev["entries"])
    assert row.spans == [(doc_id(eid), (0, len(entry.title)), None)] and row.unmapped == 0
    assert as_article_labels(ev)["articles"] == [doc_id(e) for e in ev["entries"]]


def _feed_sets() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FLOORS.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_") and v.get("set") == "feeds"}


@needs_feeds
def test_quick_feed_facts_hold_their_floors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(facts_eval, "IN_PROCESS", True)  # the fetches in this process (the same command line)
    events = {ev["event"]: ev for ev in feedfacts.load()["events"]}
    assert _feed_sets(), "no feeds set in facts_floors.json"
    for key, spec in _feed_sets().items():
        assert all(events[name]["split"] == "tune" for name in spec["events"])
        got = Totals.of([evaluate_event(events[name])[0] for name in spec["events"]]).as_dict()
        print(f"\n{key}: {got}")
        for metric, floor in spec["floors"].items():
            assert got[metric] >= floor, f"{key}: {metric} {got[metric]} fell below {floor}"
        for metric, ceiling in spec["ceilings"].items():
            assert got[metric] <= ceiling, f"{key}: {metric} {got[metric]} rose above {ceiling}"

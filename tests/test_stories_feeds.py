"""Story grouping on real feed entries nobody tuned on (tests/stories_feeds.py): every labelled entry is found
in its feed, grouped in exactly one story, and B-cubed holds its floors (tests/data/stories_floors.json,
``feeds_tuning`` / ``feeds_holdout``). Skipped when ../shared/realdata is absent."""

from __future__ import annotations

import json

import pytest

from tests import stories_feeds

pytestmark = pytest.mark.skipif(not stories_feeds.available(), reason="shared/realdata absent")


def test_every_labelled_entry_is_read_once() -> None:
    entries = stories_feeds.load()
    labelled = json.loads(stories_feeds.LABELS.read_text(encoding="utf-8"))["entries"]
    assert len(entries) == len(labelled) == len({(e.feed, e.key) for e in entries})
    assert all(e.title and e.text for e in entries)
    assert sum(e.published is None for e in entries) == 0


def test_bcubed_holds_its_floors_on_feed_entries() -> None:
    entries = stories_feeds.load()
    story_of = stories_feeds.group_entries(entries)
    assert set(story_of) == {e.url for e in entries}  # every entry in exactly one story
    floors = json.loads(stories_feeds.stories_eval.FLOORS.read_text(encoding="utf-8"))
    bad = []
    for split in stories_feeds.SPLITS:
        score = stories_feeds.bcubed(story_of, entries, split)
        print(stories_feeds.report("feeds", {split: score}))
        bad += [
            f"feeds {split} {metric} {getattr(score, metric):.3f} < {floor}"
            for metric, floor in floors[f"feeds_{split}"].items()
            if getattr(score, metric) < floor
        ]
    assert bad == []


def test_error_listing_refuses_the_held_out_split() -> None:
    with pytest.raises(ValueError):
        stories_feeds.errors({}, [], split="holdout")

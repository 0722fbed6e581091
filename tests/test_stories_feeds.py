"""Story grouping on real feed entries nobody tuned on (tests/stories_feeds.py): every labelled entry is found
in its feed, grouped in exactly one story, and B-cubed holds its floors (tests/data/stories_floors.json,
``feeds_tuning`` / ``feeds_holdout``). Skipped when ../shared/realdata is absent."""

from __future__ import annotations

import json

import pytest

from tests import stories_feeds

pytestmark = pytest.mark.skipif(not stories_feeds.available(), reason="shared/realdata absent")


@pytest.fixture(scope="module")
def entries() -> list[stories_feeds.Entry]:
    """The labelled entries, read from the feeds once for this module's tests (parsing them is most of a test's
    time; Entry is frozen and no test changes the list)."""
    return stories_feeds.load()


def test_every_labelled_entry_is_read_once(entries: list[stories_feeds.Entry]) -> None:
    labelled = json.loads(stories_feeds.LABELS.read_text(encoding="utf-8"))["entries"]
    assert len(entries) == len(labelled) == len({(e.feed, e.key) for e in entries})
    assert all(e.title and e.text for e in entries)
    assert sum(e.published is None for e in entries) == 0


def test_bcubed_holds_its_floors_on_feed_entries(entries: list[stories_feeds.Entry]) -> None:
    story_of = stories_feeds.group_entries(entries)
    assert set(story_of) == {e.url for e in entries}  # every entry in exactly one story
    floors = json.loads(stories_feeds.stories_eval.FLOORS.read_text(encoding="utf-8"))
    bad = []
    for split in stories_feeds.SPLITS:
        score = stories_feeds.bcubed(story_of, entries, split)
        shown = split == "tuning"  # a failure must not show a helper the held-out figures: the metric only
        if shown:
            print(stories_feeds.report("feeds", {split: score}))
        bad += [
            f"feeds {split} {metric} " + (f"{getattr(score, metric):.3f} " if shown else "") + f"< {floor}"
            for metric, floor in floors[f"feeds_{split}"].items()
            if getattr(score, metric) < floor
        ]
    assert bad == []


def test_error_listing_refuses_the_held_out_split() -> None:
    with pytest.raises(ValueError):
        stories_feeds.errors({}, [], split="holdout")


def test_halves_split_the_events_by_hash_and_half_b_lists_no_errors() -> None:
    """``--half``: the tuning events in two by sha1("half:" + event) % 2; half B gives figures only."""
    from tests import stories_eval

    events = [f"event-{k}" for k in range(200)]
    halves = [stories_eval.half_of(e) for e in events]
    assert set(halves) == {"A", "B"} and 70 < halves.count("A") < 130
    assert halves == [stories_eval.half_of(e) for e in events]
    with pytest.raises(ValueError):
        stories_feeds.errors({}, [], half="B")
    with pytest.raises(ValueError):
        stories_eval.errors({"stories": []}, [], half="B")
    assert stories_feeds.errors({}, [], half="A") == []
    assert stories_feeds.main(["--half", "B", "-v"]) == 2


def test_crowd_moves_each_mixed_in_event_as_a_whole_near_a_labelled_date() -> None:
    """``stories_eval --crowd``: a mixed-in event keeps its entries' spacing, lands within 36 h of a date of
    the labelled window, and an undated member takes the event's new date."""
    from datetime import UTC, datetime, timedelta

    from tests.stories_eval import CROWD_HOURS, _moved

    dated = [datetime(2017, 12, 1, tzinfo=UTC), datetime(2018, 2, 1, tzinfo=UTC)]
    t0 = datetime(2026, 2, 10, 9, tzinfo=UTC)
    groups = {"a": [(0, t0), (1, t0 + timedelta(hours=30)), (2, None)], "b": [(3, t0)]}
    when = _moved(groups, dated, 3)
    assert when[1] - when[0] == timedelta(hours=30) and when[2] == when[0]
    for k in (0, 3):
        assert min(abs(when[k] - d) for d in dated) <= timedelta(hours=CROWD_HOURS)
    assert _moved(groups, dated, 3) == when  # seeded

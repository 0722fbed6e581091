"""The invented story set (tests/stories_invented.py): its tune split holds its floors through the real fetch and
stories commands, the floors only rise, the check split's errors stay hidden, and the scoring is B-cubed."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests import stories_invented
from tests.test_stories_quality import _lowered

FLOORS = stories_invented.FLOORS


def test_tune_split_holds_its_floors(tmp_path: Path) -> None:
    result, items = stories_invented.measure(workdir=tmp_path)
    stored = stories_invented.stories_eval.assignments(result, items)
    assert len(stored) == len(items)  # --min-outlets 1: every invented article stored and in one story
    scores = stories_invented.evaluate(result, items)
    print("\n" + stories_invented.report({"tune": scores["tune"]}, len(stored), len(items)))
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["tune"]
    assert [m for m, floor in floors.items() if getattr(scores["tune"], m) < floor] == []


def test_floors_only_go_up_against_git_head() -> None:
    root = FLOORS.parents[2]
    if shutil.which("git") is None:
        pytest.skip("git is not available")
    shown = subprocess.run(
        ["git", "show", "HEAD:tests/data/stories_invented_floors.json"],
        cwd=root,
        capture_output=True,
        text=True,
    )
    if shown.returncode != 0:
        pytest.skip("no committed floors file to compare with")
    assert _lowered(json.loads(FLOORS.read_text(encoding="utf-8")), json.loads(shown.stdout)) == []


def test_the_set_has_both_splits_and_several_outlets_per_event() -> None:
    items = stories_invented.load()
    events = {it.event for it in items}
    splits = {stories_invented.split_of(e) for e in events}
    assert splits == {"tune", "check"}
    for e in events:
        outlets = [it.outlet for it in items if it.event == e]
        assert len(set(outlets)) >= 2, e  # told by several outlets (one may come back with a follow-up)
    assert all(it.published is not None and it.published.tzinfo is not None for it in items)


def test_error_listing_refuses_the_check_split() -> None:
    with pytest.raises(ValueError):
        stories_invented.errors({"stories": []}, [], split="check")
    assert stories_invented.main(["--split", "check", "-v"]) == 2


def test_bcubed_counts_splits_and_merges() -> None:
    tune = next(e for e in ("a", "b", "c", "d", "e", "f") if stories_invented.split_of(e) == "tune")
    other = next(e for e in ("g", "h", "i", "j", "k", "l") if stories_invented.split_of(e) == "tune")
    # event `tune` (3 articles) split 2 + 1; the 1 merged with both articles of event `other`
    event_of = {"x1": tune, "x2": tune, "x3": tune, "y1": other, "y2": other}
    story_of = {"x1": "s1", "x2": "s1", "x3": "s2", "y1": "s2", "y2": "s2"}
    got = stories_invented.bcubed(story_of, event_of, "tune")
    # precision: x1, x2 1; x3 1/3; y1, y2 2/3 each. recall: x1, x2 2/3; x3 1/3; y1, y2 1
    assert got.articles == 5
    assert got.precision == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    assert got.recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)


def test_a_bad_events_file_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"events": [{"id": "x"}]}', encoding="utf-8")
    assert stories_invented.main(["--split", "tune", "--file", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("bad events file") and "\n" not in err
    assert stories_invented.main(["--split", "tune", "--file", str(tmp_path / "none.json")]) == 2

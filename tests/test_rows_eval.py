"""The compare table as a reader sees it (tests/rows_eval.py): the row labels are valid, keys and verdicts are read
as documented, and a quick run on two small half-A tuning events holds its floors (tests/data/rows_floors.json).
Skipped when ../shared/realdata is absent."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from factlabels import assert_floors_kept, available, committed_json, half_of
from facts_eval import load_split
from rows_eval import (
    VERDICTS,
    Figures,
    ShownRow,
    event_rows,
    label_key,
    load_labels,
    main,
    quote_value,
    table_cells,
    verdicts,
)

ROOT = Path(__file__).resolve().parents[1]
FLOORS = ROOT / "tests" / "data" / "rows_floors.json"
needs_clusters = pytest.mark.skipif(not available(), reason="shared/realdata absent")


def _row(kind: str = "number", value: str = "12 boats", speaker: str | None = None, outlets: tuple[str, ...] = ("a", "b")) -> ShownRow:
    return ShownRow("ev", "F1", kind, value, "d1", "s1", "", "", speaker, list(outlets), [], [], False, [("d1", "s1"), ("d2", "s2")])


def _label(verdict: str, **kw: Any) -> dict[str, Any]:
    return {"event": "ev", "kind": "number", "article": "d1", "sentence": "s1", "value": "12 boats", "verdict": verdict} | kw


def test_rows_find_their_labels_by_key_or_by_a_mention() -> None:
    assert verdicts([_row()], [_label("good")])[0] is not None
    # the first mention moved: the label of its kind and value on another of its mentions still holds
    moved = _label("mixed", article="d2", sentence="s2", outlets=["a", "b"])
    assert verdicts([_row()], [moved])[0] == moved
    assert verdicts([_row(value="13 boats")], [_label("good")]) == [None]


def test_a_label_goes_stale_when_what_it_judged_changed() -> None:
    quote = _label("wrong_speaker", kind="quote", value="qabc", speaker="Ana Ruiz")
    assert verdicts([_row("quote", "qabc", "the pilot")], [quote]) == [None]
    assert verdicts([_row("quote", "qabc", "Ana Ruiz")], [quote]) == [quote]
    mixed = _label("mixed", outlets=["a", "b", "c"])
    assert verdicts([_row()], [mixed]) == [None]  # an outlet left the mixed row: judge it again


def test_figures_count_verdicts_and_keep_new_rows_apart() -> None:
    fig = Figures()
    fig.add([_label("good"), _label("good"), _label("duplicate_of"), None])
    d = fig.as_dict()
    assert (d["rows"], d["labelled"], d["unlabelled"]) == (4, 3, 1)
    assert d["row_precision"] == round(2 / 3, 4) and d["duplicate_rate"] == round(1 / 3, 4)


def test_quote_values_and_table_cells() -> None:
    assert quote_value("Ana Ruiz: \u201cWe will rebuild the school.\u201d", "Ana Ruiz") == quote_value("\u201cwe will rebuild the school\u2026\u201d", None)
    table = (
        "\u2502 F1  \u2502 [number] 12 boats: \u2026twelve boats   \u2502 a, b \u2502\n"
        "\u2502     \u2502 sank in the storm               \u2502      \u2502\n"
        "\u2502 F2  \u2502 [quote] Ana: \u201cyes\u201d             \u2502 a, b \u2502\n"
    )
    assert table_cells(table) == {"F1": "[number] 12 boats: \u2026twelve boats sank in the storm", "F2": "[quote] Ana: \u201cyes\u201d"}


def test_half_b_is_figures_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--half", "B", "-v"]) == 2
    assert main(["--half", "B", "--event", "f1_crash"]) == 2
    assert "half B" in capsys.readouterr().err


@needs_clusters
def test_row_labels_are_valid() -> None:
    labels = load_labels()
    events = {ev["event"] for ev in load_split("tune")}
    keys = [(lab["event"], label_key(lab)) for lab in labels]
    assert len(keys) == len(set(keys))
    for lab in labels:
        assert lab["event"] in events and lab["verdict"] in VERDICTS
        assert "text" not in lab and len(lab["sentence"]) == 12  # by reference only
        if lab["verdict"] == "duplicate_of":
            assert (lab["event"], lab["of"]) in set(keys), lab
    assert {half_of(lab["event"]) for lab in labels} == {"A", "B"}


def _floors() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FLOORS.read_text(encoding="utf-8"))
    return data


@pytest.mark.slow  # two events served, fetched and compared: several seconds (python -m pytest -m slow)
@needs_clusters
def test_quick_rows_hold_their_floors() -> None:
    labels = load_labels()
    by_name = {ev["event"]: ev for ev in load_split("tune")}
    for key, spec in _floors().items():
        if key.startswith("_"):
            continue
        assert all(half_of(name) == "A" for name in spec["events"])  # half B is never a floor to tune against
        fig = Figures()
        for name in spec["events"]:
            fig.add(verdicts(event_rows(by_name[name]), labels))
        got = fig.as_dict() | {"labelled_share": fig.labelled / fig.rows if fig.rows else 0.0}
        print(f"\n{key}: {got}")
        for metric, floor in spec["floors"].items():
            assert got[metric] >= floor, f"{key}: {metric} {got[metric]} fell below {floor}"


def test_rows_floors_only_rise_against_git_head() -> None:
    old = committed_json("tests/data/rows_floors.json")
    if old is None:
        pytest.skip("no committed floors file to compare with")
    assert_floors_kept(old, _floors())

"""Facts on real reporting (tests/facts_eval.py): the labels are valid, the scoring counts what it says, and a
quick run on small tuning events holds its floors. Skipped when ../shared/realdata is absent."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import facts_eval
import pytest
from factlabels import (
    HELDOUT,
    TUNE,
    assert_floors_kept,
    available,
    committed_json,
    events_index,
    is_heldout,
    load,
    sentence_span,
    validate,
)
from facts_eval import (
    NormText,
    Row,
    Totals,
    compatible,
    evaluate_event,
    load_split,
    main,
    outlet_id,
    score_facts,
    score_pair,
)

DATA = Path(__file__).parent / "data"
FLOORS = DATA / "facts_floors.json"
ROOT = Path(__file__).resolve().parents[1]

needs_clusters = pytest.mark.skipif(not available(), reason="shared/realdata absent")


def test_compatible_values_name_the_labelled_figure() -> None:
    assert compatible({"low": 50, "high": None}, 50, "exact")  # "more than 50"
    assert not compatible({"low": 50, "high": None}, 400, "exact")  # an open bound does not name 400
    assert compatible({"low": 48.59e9, "high": 48.59e9}, 48.6e9, "exact")  # rounding
    assert not compatible({"low": 59, "high": 59}, 58, "exact")
    assert compatible({"low": 2400, "high": 2400}, 2500, "about")
    assert compatible({"low": 24, "high": 144}, 50, "exact")  # "dozens" holds 50
    assert not compatible(None, 50, "exact")


def test_sentences_are_found_despite_quotes_and_spaces() -> None:
    text = "Intro line.\nHe said \u201cwe  will\u201d win.\tThen\n\nmore."
    span = NormText.of(text).span('He said "we will" win.')
    assert span is not None and text[span[0] : span[1]] == "He said \u201cwe  will\u201d win."
    assert NormText.of(text).span("Not there at all.") is None
    s, e = sentence_span(text, text.index("will"), text.index("will") + 4)
    assert text[s:e] == "He said \u201cwe  will\u201d win."


def test_outlet_ids_are_slugs() -> None:
    assert outlet_id("www.theguardian.com") == "theguardian-com"
    assert outlet_id("edition.cnn.com") == "edition-cnn-com"


def test_held_out_details_need_the_promise(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--split", "heldout", "-v"]) == 2
    assert "--i-am-not-tuning" in capsys.readouterr().err
    assert main(["--split", "all", "-v", "--json"]) == 2


def test_half_b_is_read_as_figures_only(capsys: pytest.CaptureFixture[str]) -> None:
    # the overfitting check: half B of the tuning events gives no failures and no events, and halves split
    # the tuning events only
    assert main(["--half", "B", "-v"]) == 2
    assert main(["--half", "B", "--event", "f1_crash"]) == 2
    assert main(["--half", "A", "--split", "all"]) == 2
    assert "half B" in capsys.readouterr().err
    from factlabels import half_of

    halves = {half_of(ev["event"]) for ev in load_split("tune")} if TUNE.is_file() else {"A", "B"}
    assert halves == {"A", "B"}


@needs_clusters
def test_label_files_are_valid() -> None:
    assert validate(load(TUNE), "tune") == []
    if HELDOUT.is_file():
        assert validate(load(HELDOUT), "heldout") == []


@needs_clusters
def test_tuning_labels_cover_the_issue() -> None:
    data = load(TUNE)
    events = data["events"]
    assert all(not is_heldout(ev["event"]) for ev in events)
    facts = [f for ev in events for f in ev["facts"]]
    assert {f["kind"] for f in facts} == {"number", "quote"}
    big = [ev for ev in events if len({_domain(d) for d in events_index()[ev["event"]]}) >= 4]
    assert len(big) >= 10 and len(facts) >= 50  # what the issue asks for
    for kind in ("number", "quote"):
        assert sum(f["kind"] == kind for f in facts) >= 20


def _domain(did: str) -> str:
    from factlabels import article

    return str(article(did)["source_domain"])


def _rows_for(fact: dict[str, Any], outlets: set[str], rid: str = "F1") -> Row:
    spans = [
        (m["article"], (m["start"], m["end"]), {"low": m.get("value"), "high": m.get("value")})
        for m in fact["mentions"]
    ]
    return Row(rid, fact["kind"], "", outlets, False, [], spans)


@needs_clusters
def test_scoring_counts_outlets_rows_conflicts_and_merges() -> None:
    event = next(
        ev for ev in load_split("tune") if ev["event"] == "pittsburgh_steelers_cruise_to_win_over_texans"
    )
    fact, other = event["facts"][1], event["facts"][4]  # 226 and 83 yards
    one = {"facts": [fact], "articles": event["articles"]}
    required = {outlet_id(_domain(m["article"])) for m in fact["mentions"]}

    perfect, merges = score_facts(one, [_rows_for(fact, set(required))])
    assert (perfect[0].tp, perfect[0].fp, perfect[0].fn, perfect[0].fragmentation, merges) == (3, 0, 0, 1, 0)

    # Split over two rows: fragmentation 2, the main row is the one holding more outlets.
    a, b = _rows_for(fact, set(required), "F1"), _rows_for(fact, {"x"}, "F2")
    a.spans, b.spans = a.spans[:2], a.spans[2:]
    split, _ = score_facts(one, [b, a])
    assert split[0].fragmentation == 2 and split[0].main == "F1" and split[0].fp == 0

    # A second row that reaches the fact only through sentences the first row reaches holds another claim
    # of those sentences ("three sacks and three quarterback hits"): not a fragment.
    twin = _rows_for(fact, set(required), "F2")
    twin.spans = twin.spans[:1]
    same, _ = score_facts(one, [_rows_for(fact, set(required)), twin])
    assert same[0].rows == ["F1", "F2"] and same[0].fragmentation == 1 and same[0].main == "F1"

    # An extra outlet is a false one; a conflict nobody labelled and `evolving` are reported.
    row = _rows_for(fact, set(required) | {"elsewhere"})
    row.conflicts, row.evolving = [("", None, "elsewhere 7")], True
    bad, _ = score_facts(one, [row])
    assert (bad[0].fp, bad[0].false_conflict, bad[0].false_evolving) == (1, True, True)

    # A wrong value does not evidence the fact: recall 0, fragmentation 1.
    wrong = _rows_for(fact, set(required))
    wrong.spans = [(d, s, {"low": 1, "high": 1}) for d, s, _ in wrong.spans]
    missed, _ = score_facts(one, [wrong])
    assert (missed[0].tp, missed[0].fn, missed[0].fragmentation, missed[0].main) == (0, 3, 1, None)

    # One row that is the main row of two facts is a merge.
    both = {"facts": [fact, other], "articles": event["articles"]}
    merged = _rows_for(fact, set(required))
    merged.spans += _rows_for(other, set()).spans
    _, merges = score_facts(both, [merged])
    assert merges == 1


@needs_clusters
def test_a_score_row_states_the_losers_figure_too() -> None:
    event = next(ev for ev in load_split("tune") if ev["event"] == "cubs_win_championship")
    facts = {f["id"]: f for f in event["facts"]}
    win, loss = facts["cubs-1"], facts["cubs-6"]  # the 8 and the 7 of one 8-7 final score
    assert (win["value"], loss["value"]) == (8, 7)
    assert score_pair("8-7 score: \u2026to secure an 8-7 victory") == (8, 7) and score_pair("8 runs: x") is None
    outlets = {outlet_id(_domain(m["article"])) for m in loss["mentions"]}
    row = _rows_for(loss, outlets)
    row.spans = [(d, s, {"low": 8, "high": 8}) for d, s, _ in row.spans]  # a score row is valued at the 8
    one = {"facts": [loss], "articles": event["articles"]}
    plain, _ = score_facts(one, [row])
    assert plain[0].main is None  # without its pair, the row does not state a 7
    row.pair = (8, 7)
    found, _ = score_facts(one, [row])
    assert found[0].main == "F1" and found[0].fn == 0

    # The row is the main row of both figures' facts: one claim stating two labelled numbers, not a merge;
    # two facts of one value (or of a figure the score does not give) on one score row still are one.
    row.spans += _rows_for(win, set()).spans
    both = {"facts": [win, loss], "articles": event["articles"]}
    assert score_facts(both, [row])[1] == 0
    same = {"facts": [win, {**loss, "id": "x-1", "value": 8, "mentions": [{**m, "value": 8} for m in loss["mentions"]]}],
            "articles": event["articles"]}  # fmt: skip
    assert score_facts(same, [row])[1] == 1
    row.pair = (8, 6)
    assert score_facts(both, [row])[1] == 0  # the 7 is no longer stated: the row is the 8's alone


def _floors() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FLOORS.read_text(encoding="utf-8"))
    return data


@needs_clusters
def test_quick_real_facts_hold_their_floors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(facts_eval, "IN_PROCESS", True)  # the fetches in this process (the same command line)
    for key, spec in _floors().items():
        if key.startswith("_") or spec.get("set") == "feeds":  # the feeds set's: tests/test_facts_feeds.py
            continue
        labels = {ev["event"]: ev for ev in load_split("tune")}
        scores = [evaluate_event(labels[name], "tune")[0] for name in spec["events"]]
        t = Totals.of(scores)
        got = t.as_dict()
        print(f"\n{key}: {got}")
        for metric, floor in spec["floors"].items():
            assert got[metric] >= floor, f"{key}: {metric} {got[metric]} fell below {floor}"
        for metric, ceiling in spec["ceilings"].items():
            assert got[metric] <= ceiling, f"{key}: {metric} {got[metric]} rose above {ceiling}"


def test_floors_only_improve_against_git_head() -> None:
    old = committed_json("tests/data/facts_floors.json")
    if old is None:
        pytest.skip("no committed floors file to compare with")
    new = _floors()
    for key in assert_floors_kept(old, new):
        for metric, ceiling in old[key]["ceilings"].items():
            assert new[key]["ceilings"][metric] <= ceiling, f"{key}: ceiling {metric} raised"

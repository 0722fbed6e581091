"""One fact told in other words (variants17, issue 12): invented events (tests/data/variants17_events.json, our
own words) served as outlets with feeds on loopback, the real `claimcheck fetch`, compare's JSON, and per fact
how many rows hold its outlets' mentions (fragmentation) and which outlets are missing from every row of it.

    python -m tests.variants_eval        # figures, then each fact that is split or missed
    python -m tests.variants_eval -v     # every fact with the rows that hold it
    python -m tests.variants_eval --file tests/data/variants18_events.json --split tune
    python -m tests.variants_eval --file tests/data/variants18_events.json --split check   # figures only

A file's events are split by a fixed rule: int(sha1(event name), 16) % 3 == 0 is the CHECK part (never read its
failures: with --split check only the figures are printed), the rest the tune part. Only the events of the split
chosen are served and fetched. An event's "evolves" pairs [piece, value, piece, value] are a figure that truly
changed (a rising toll): both in one row marked evolving. Its "conflicts" pairs (variants28) are two outlets that
give one fact two figures at one time: both in one row marked with conflicts. Every other conflict or evolving row
is counted.
A number row whose mentions no one event holds (two stories' figures in one row) is counted too (cross_event_rows).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from facts_eval import fetch_and_compare, serve_docs  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "variants17_events.json"
Row = dict[str, Any]


SPLITS = ("all", "tune", "check")


def is_check(name: str) -> bool:
    """The fixed rule, chosen before any measuring: a third of the events are the check part."""
    return int(hashlib.sha1(name.encode()).hexdigest(), 16) % 3 == 0


def load(path: Path = DATA, split: str = "all") -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if split != "all":
        data["events"] = [e for e in data["events"] if is_check(e["name"]) == (split == "check")]
    return data


def docs(data: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for event in data["events"]:
        for k, (hour, title, paragraphs) in event["articles"].items():
            did = hashlib.sha1(f"{event['name']}/{k}".encode()).hexdigest()
            when = f"{event['day']}T{8 + hour:02d}:00:00+00:00"
            out.append({"dId": did, "title": title, "text": "\n".join([title, *paragraphs]),
                        "source_domain": data["outlets"][int(k)], "date_publish": when})  # fmt: skip
    return out


def run(data: dict[str, Any]) -> list[Row]:
    """compare's JSON rows for every stored article of every event."""
    served = serve_docs(docs(data))
    try:
        with tempfile.TemporaryDirectory() as tmp:
            _, report = fetch_and_compare(served, Path(tmp))
    finally:
        served.site.close()
    rows: list[Row] = report["facts"]
    return rows


def _near(value: dict[str, Any] | None, want: float, tolerance: float = 0.001) -> bool:
    if value is None:
        return False
    ends = [v for v in (value.get("low"), value.get("high")) if v is not None]
    if not ends:
        return False
    low, high = min(ends), max(ends)
    # Inside a narrow range (an approximation, "about 2,500" read as 2,250-2,750) the figure is held; a wide one
    # ("up to 450", "hundreds of") holds any smaller figure of its sentence, so its row would count for another
    # fact: there an end must be the figure.
    if low <= want <= high and high - low <= 0.5 * abs(want):
        return True
    return any(abs(v - want) <= tolerance * abs(want) for v in ends)


def holds(row: Row, piece: str, fact: dict[str, Any]) -> bool:
    """The row has a mention of this fact's kind whose sentence holds the piece (and, for a number, its value)."""
    if row["kind"] != fact["kind"]:
        return False
    values = [fact.get("value"), *fact.get("also", [])]  # "also": the figure in another unit ("40.3C" / "104.5F")
    return any(
        piece in m["sentence"] and (fact["kind"] != "number" or any(_near(m.get("value"), v) for v in values))
        for m in row["mentions"]
    )


@dataclass
class FactScore:
    event: str
    fact: dict[str, Any]
    rows: list[int] = field(default_factory=list)  # the rows holding a piece
    missed: list[str] = field(default_factory=list)  # pieces in no row

    @property
    def split(self) -> bool:
        return len(self.rows) > 1


def score(data: dict[str, Any], rows: Sequence[Row]) -> tuple[list[FactScore], list[tuple[str, str, str]]]:
    """Each fact's rows and misses, and the apart pairs that share a row (event, a, b)."""
    facts: list[FactScore] = []
    joined: list[tuple[str, str, str]] = []
    for event in data["events"]:
        for fact in event["facts"]:
            fs = FactScore(event["name"], fact)
            for piece in fact["pieces"]:
                hit = [i for i, r in enumerate(rows) if holds(r, piece, fact)]
                if not hit:
                    fs.missed.append(piece)
                fs.rows += [i for i in hit if i not in fs.rows]
            facts.append(fs)
        for a, va, b, vb in event["apart"]:
            if any(r["kind"] == "number" and _has(r, a, va) and _has(r, b, vb) for r in rows):
                joined.append((event["name"], a, b))
    return facts, joined


def _has(row: Row, piece: str, value: float) -> bool:
    """The row has a mention whose sentence holds ``piece`` with this figure."""
    return any(piece in m["sentence"] and _near(m.get("value"), value, 0.001) for m in row["mentions"])


def _pieces_of(event: dict[str, Any], piece: str, value: float) -> list[str]:
    """The pieces that state the same figure as ``piece``: those of its fact (the facts list every outlet's
    piece of a figure; an "evolves" pair names each figure by one of them), else the piece alone."""
    for fact in event["facts"]:
        if fact["kind"] == "number" and piece in fact["pieces"] and _near({"low": fact.get("value")}, value):
            return list(fact["pieces"])
    return [piece]


def _has_figure(row: Row, pieces: Sequence[str], value: float) -> bool:
    return any(_has(row, p, value) for p in pieces)


def _pairs_in_marked_rows(data: dict[str, Any], rows: Sequence[Row], label: str, mark: str) -> tuple[int, int]:
    """(labelled figure pairs of the events' ``label`` list found in one row marked ``mark``, marked rows that
    hold no labelled pair)."""
    expected = [
        (_pieces_of(e, a, va), va, _pieces_of(e, b, vb), vb) for e in data["events"] for a, va, b, vb in e.get(label, [])
    ]
    found, labelled = 0, set()
    for a, va, b, vb in expected:
        hit = [i for i, r in enumerate(rows) if r.get(mark) and _has_figure(r, a, va) and _has_figure(r, b, vb)]
        found += bool(hit)
        labelled.update(hit)
    return found, sum(1 for i, r in enumerate(rows) if r.get(mark) and i not in labelled)


def evolutions(data: dict[str, Any], rows: Sequence[Row]) -> tuple[int, int, int]:
    """(labelled evolutions found as one evolving row, evolving rows not labelled, conflict rows).

    A labelled evolution [a, va, b, vb] is found when one evolving row holds both figures, each by any piece of
    its fact (a row with another outlet's words for the earlier toll is still that toll's update)."""
    found, stray = _pairs_in_marked_rows(data, rows, "evolves", "evolving")
    return found, stray, sum(1 for r in rows if r.get("conflicts"))


def conflicts(data: dict[str, Any], rows: Sequence[Row]) -> tuple[int, int]:
    """(labelled conflicts found as one conflict row, conflict rows not labelled).

    An event's "conflicts" pairs [piece, value, piece, value] (variants28) are two outlets that give one fact two
    different figures at one time: found when one row marked with conflicts holds both figures, each by any piece
    of its fact. Every other conflict row is stray."""
    return _pairs_in_marked_rows(data, rows, "conflicts", "conflicts")


def cross_event_rows(data: dict[str, Any], rows: Sequence[Row]) -> list[int]:
    """Number rows whose mentions no one event holds: figures of two stories (two floods weeks apart) in one row.
    A mention belongs to each event whose text holds its sentence."""
    texts = ["\n".join(t + "\n" + "\n".join(ps) for _, t, ps in e["articles"].values()) for e in data["events"]]
    out = []
    for i, r in enumerate(rows):
        if r["kind"] != "number" or len(r["mentions"]) < 2:
            continue
        common = set(range(len(texts)))
        for m in r["mentions"]:
            common &= {k for k, text in enumerate(texts) if m["sentence"] in text}
        if not common:
            out.append(i)
    return out


def unknown_pieces(data: dict[str, Any]) -> list[str]:
    """Pieces that are in no article of their event (a typo in the labels)."""
    bad = []
    for event in data["events"]:
        text = "\n".join(t + "\n" + "\n".join(ps) for _, t, ps in event["articles"].values())
        pairs = [*event["apart"], *event.get("evolves", []), *event.get("conflicts", [])]
        pieces = [p for f in event["facts"] for p in f["pieces"]] + [p for pair in pairs for p in pair[::2]]
        bad += [f"{event['name']}: {p}" for p in pieces if p not in text]
    return bad


def figures(facts: Sequence[FactScore], joined: Sequence[object]) -> dict[str, Any]:
    pieces = sum(len(f.fact["pieces"]) for f in facts)
    missed = sum(len(f.missed) for f in facts)
    found = [f for f in facts if f.rows]
    return {
        "facts": len(facts),
        "one_row": sum(1 for f in facts if len(f.rows) == 1 and not f.missed),
        "split": sum(1 for f in facts if f.split),
        "frag": round(sum(len(f.rows) for f in found) / max(1, len(found)), 3),
        "mentions": pieces,
        "missed": missed,
        "apart_joined": len(joined),
    }


# what the invented events' tests score: facts, the apart pairs joined, the rows, and (told, stray, conflict rows)
Scored = tuple[list[FactScore], list[tuple[str, str, str]], list[Row], tuple[int, int, int]]


def scored_part(file_name: str, split: str = "tune") -> Scored:
    """One invented-events file's part run over loopback and scored (the tests' module fixtures)."""
    data = load(DATA.with_name(file_name), split)
    assert not unknown_pieces(data)
    rows = run(data)
    facts, joined_apart = score(data, rows)
    return facts, joined_apart, rows, evolutions(data, rows)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--file", type=Path, default=DATA, help="events file (default: variants17's)")
    ap.add_argument("--split", choices=SPLITS, default="all", help="check: figures only")
    args = ap.parse_args(argv)
    try:
        data = load(args.file, args.split)
        bad = unknown_pieces(data)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        print(f"error: cannot read {args.file}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
    if not data["events"]:
        print(f"error: no events in {args.file} (split {args.split})", file=sys.stderr)
        return 2
    if bad:
        print("error: pieces in no article:\n  " + "\n  ".join(bad), file=sys.stderr)
        return 2
    rows = run(data)
    facts, joined = score(data, rows)
    figs = figures(facts, joined)
    figs["evolved"], figs["stray_evolving"], figs["conflict_rows"] = evolutions(data, rows)
    figs["evolves_labelled"] = sum(len(e.get("evolves", [])) for e in data["events"])
    if labelled_conflicts := sum(len(e.get("conflicts", [])) for e in data["events"]):
        figs["conflicts_labelled"] = labelled_conflicts
        figs["conflicts_found"], figs["stray_conflict_rows"] = conflicts(data, rows)
    cross = cross_event_rows(data, rows)
    figs["cross_event_rows"] = len(cross)
    if args.json or args.split == "check":
        print(json.dumps(figs))
        return 0
    for f in facts:
        if args.verbose or f.split or f.missed:
            print(f"[{f.event}] {f.fact['kind']} {f.fact.get('value', '')}: rows {f.rows} missed {f.missed}")
            for i in f.rows:
                r = rows[i]
                print(f"    row {i}: {r['summary'][:90]}")
                for m in r["mentions"]:
                    print(f"        {m['outlet']:22} {m['value']} | {m['sentence'][:110]}")
    for ev, a, b in joined:
        print(f"JOINED apart [{ev}]: {a!r} / {b!r}")
    for i in cross:
        print(f"ACROSS events row: {rows[i]['summary'][:90]}")
        for m in rows[i]["mentions"]:
            print(f"        {m['outlet']:22} {m['value']} | {m['sentence'][:110]}")
    for r in rows:
        if r.get("conflicts") or r.get("evolving"):
            print(f"{'CONFLICT' if r.get('conflicts') else 'EVOLVING'} row: {r['summary'][:90]}")
            for m in r["mentions"]:
                print(f"        {m['outlet']:22} {m['value']} | {m['sentence'][:110]}")
    print(json.dumps(figs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

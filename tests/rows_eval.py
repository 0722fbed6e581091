"""The compare table as a fact-checker reads it: every row a user sees on a real event, against row labels.

Run from the repository root:
  python -m tests.rows_eval --split tune [--half A|B] [-v] [--event NAME] [--unlabelled FILE] [--json]

facts_eval scores the LABELLED facts of each event; this scores the rest of the table too. Per labelled tuning
event (tests/data/facts_labelled_tune.json) the event is served over loopback and fetched as facts_eval does,
then compared with compare's DEFAULT options (``--min-outlets 2``: what a user sees). Each row is keyed by
(event, kind, first mention's article dId, sha1 prefix of that mention's normalised sentence, value shown; a quote's
value is a hash of its first words) and
looked up in tests/data/rows_labelled.json (labels by reference only: no article text). Verdicts:

- ``good``: a checkable fact, shown right;
- ``not_a_fact``: not checkable (page furniture, a garbled value, an opinion, a live-blog line);
- ``duplicate_of``: the row repeats another row's fact (``of``: that row's key);
- ``wrong_value``: the value or unit the row shows is wrong;
- ``wrong_speaker``: the speaker shown is wrong;
- ``false_mark``: a conflict or evolving mark that is not true;
- ``mixed``: two different facts in one row.

A label also records the row's speaker and outlets as labelled: a row whose speaker changed since, or a mixed row
whose outlets changed, counts as unlabelled until labelled again. A row whose exact key has no label is matched to a label of its event with the same kind and value whose
(article, sentence) is one of the row's mentions (a change may move which mention comes first); rows with no
label at all are counted apart as ``unlabelled`` (new after a change). Row precision = good / labelled rows.

``--half B`` prints its overall figures only (no events, no -v): half B is the check against tuning on half A.
``--unlabelled FILE`` writes the rows without a label (key, row and its mentions' sentences) as JSON lines, for
the labeller; keep FILE outside the repository (/tmp): it holds article text.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from factlabels import available, half_of  # noqa: E402
from facts_eval import _norm, fetch_served, load_split, serve_event, stored_and_outlets  # noqa: E402

LABELS = ROOT / "tests" / "data" / "rows_labelled.json"
SCHEMA = "claimcheck.rowlabels/1"
VERDICTS = ("good", "not_a_fact", "duplicate_of", "wrong_value", "wrong_speaker", "false_mark", "mixed")
TABLE_WIDTH = 80


def sentence_hash(sentence: str) -> str:
    return hashlib.sha1(_norm(sentence).encode()).hexdigest()[:12]


def value_text(fact: dict[str, Any]) -> str:
    """A row's value and unit as the key holds them: "18 yd", "2..5 deaths", "" for a quote or a statement."""
    v = fact.get("value")
    if fact["kind"] != "number" or not v:
        return ""
    lo, hi = v.get("low"), v.get("high")
    num = f"{lo:g}" if lo == hi and lo is not None else f"{'' if lo is None else f'{lo:g}'}..{'' if hi is None else f'{hi:g}'}"
    return f"{num} {fact.get('unit') or ''}".strip()


def quote_value(summary: str, speaker: str | None) -> str:
    """A quote row's stand-in for a value: the sha1 prefix of its quote's first six words as shown (two quotes of
    one sentence are two rows)."""
    text = summary.removeprefix(f"{speaker}: ") if speaker else summary
    words = re.findall(r"\w+", _norm(text).lower())[:6]
    return "q" + hashlib.sha1(" ".join(words).encode()).hexdigest()[:8]


@dataclass
class ShownRow:
    event: str
    id: str
    kind: str
    value: str
    did: str
    sha: str
    shown: str  # the Fact cell of the table at 80 columns, its lines joined
    summary: str
    speaker: str | None
    outlets: list[str]
    firsts: list[str]
    conflicts: list[str]
    evolving: bool
    mentions: list[tuple[str, str]]  # (dId, sentence hash) of every mention
    sentences: list[tuple[str, str, str]] = field(default_factory=list)  # (outlet, dId, sentence): for --unlabelled

    @property
    def key(self) -> str:
        return f"{self.kind}|{self.did}|{self.sha}|{self.value}"


def table_cells(table: str) -> dict[str, str]:
    """Row id -> the text of its Fact cell in a rendered table (its wrapped lines joined by a space)."""
    cells: dict[str, list[str]] = {}
    current = None
    for line in table.splitlines():
        if not line.startswith("│"):
            continue
        parts = [p.strip() for p in line.strip("│").split("│")]
        if len(parts) < 2:
            continue
        if parts[0]:
            current = parts[0]
            cells[current] = []
        if current is not None and parts[1]:
            cells[current].append(parts[1])
    return {k: " ".join(v) for k, v in cells.items()}


def event_rows(labels: dict[str, Any]) -> list[ShownRow]:
    """The rows compare shows by default for one event, served and fetched over loopback."""
    from claimcheck.compare import CompareOptions, compare
    from claimcheck.render import render
    from claimcheck.render.table import render_table

    served = serve_event(labels["articles"])
    try:
        with tempfile.TemporaryDirectory(prefix="claimcheck-rows-") as tmp:
            _summary, sources, db = fetch_served(served, Path(tmp))
            arts, outlets = stored_and_outlets(sources, db)
    finally:
        served.site.close()
    result = compare(labels["event"], arts, outlets, CompareOptions())
    report = json.loads(render(result, "json"))
    cells = table_cells(render_table(result, width=TABLE_WIDTH))
    rows = []
    for f in report["facts"]:
        ms = []
        sents = []
        for m in f["mentions"]:
            did = served.url_did.get(m["url"]) or m["url"].rsplit("/", 1)[-1].removesuffix(".html")
            ms.append((did, sentence_hash(m["sentence"])))
            sents.append((m["outlet"], did, m["sentence"]))
        conflicts = [f"{c['outlet']} {value_text({'kind': 'number', 'value': c.get('value'), 'unit': f.get('unit')})}" for c in f.get("conflicts", [])]
        rows.append(
            ShownRow(
                labels["event"],
                f["id"],
                f["kind"],
                quote_value(f["summary"], f.get("speaker")) if f["kind"] == "quote" else value_text(f),
                ms[0][0] if ms else "",
                ms[0][1] if ms else "",
                cells.get(f["id"], f"[{f['kind']}] {f['summary']}"),
                f["summary"],
                f.get("speaker"),
                list(f["outlets"]),
                list(f.get("first_outlets") or []),
                conflicts,
                bool(f.get("evolving")),
                ms,
                sents,
            )
        )
    return rows


# --- labels ---------------------------------------------------------------------------------------------


def load_labels(path: Path = LABELS) -> list[dict[str, Any]]:
    if not path.is_file():
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("schema") != SCHEMA:
        raise ValueError(f"{path}: schema is not {SCHEMA}")
    rows: list[dict[str, Any]] = data["rows"]
    for r in rows:
        if r["verdict"] not in VERDICTS:
            raise ValueError(f"{path}: unknown verdict {r['verdict']!r}")
    return rows


def label_key(lab: dict[str, Any]) -> str:
    return f"{lab['kind']}|{lab['article']}|{lab['sentence']}|{lab['value']}"


def verdicts(rows: Sequence[ShownRow], labels: Sequence[dict[str, Any]]) -> list[dict[str, Any] | None]:
    """Each row's label: by its exact key, else a label of its kind and value on one of its mentions, else None."""
    mine = [lab for lab in labels if lab["event"] in {r.event for r in rows}]
    exact = {(lab["event"], label_key(lab)): lab for lab in mine}
    out: list[dict[str, Any] | None] = []
    used: set[int] = set()
    for r in rows:
        lab = exact.get((r.event, r.key))
        if lab is None:
            cands = [
                x
                for x in mine
                if x["event"] == r.event
                and x["kind"] == r.kind
                and x["value"] == r.value
                and (x["article"], x["sentence"]) in r.mentions
                and id(x) not in used
            ]
            lab = cands[0] if cands else None
        if lab is not None:
            used.add(id(lab))
            if stale(r, lab):
                lab = None
        out.append(lab)
    return out


def stale(row: ShownRow, lab: dict[str, Any]) -> bool:
    """Whether a label no longer judges what the row shows: its speaker changed, or a mixed row's outlets did."""
    if row.kind == "quote" and "speaker" in lab and lab["speaker"] != row.speaker:
        return True
    return lab["verdict"] == "mixed" and "outlets" in lab and sorted(lab["outlets"]) != sorted(row.outlets)


@dataclass
class Figures:
    rows: int = 0
    unlabelled: int = 0
    counts: Counter[str] = field(default_factory=Counter)

    def add(self, labs: Sequence[dict[str, Any] | None]) -> None:
        self.rows += len(labs)
        for lab in labs:
            if lab is None:
                self.unlabelled += 1
            else:
                self.counts[lab["verdict"]] += 1

    @property
    def labelled(self) -> int:
        return self.rows - self.unlabelled

    def share(self, verdict: str) -> float:
        return self.counts[verdict] / self.labelled if self.labelled else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "labelled": self.labelled,
            "unlabelled": self.unlabelled,
            "row_precision": round(self.share("good"), 4),
            "duplicate_rate": round(self.share("duplicate_of"), 4),
            "wrong_value_rate": round(self.share("wrong_value"), 4),
            "mixed_rate": round(self.share("mixed"), 4),
            "not_a_fact_rate": round(self.share("not_a_fact"), 4),
            "counts": {v: self.counts[v] for v in VERDICTS},
        }

    def line(self, name: str) -> str:
        c = self.counts
        return (
            f"{name[:44]:<44} {self.rows:>4} {self.unlabelled:>4} {self.share('good'):>5.2f}"
            + "".join(f" {c[v]:>4}" for v in VERDICTS[1:])
        )


HEADER = f"{'event':<44} {'rows':>4} {'new':>4} {'prec':>5}" + "".join(
    f" {s:>4}" for s in ("naf", "dup", "wval", "wspk", "mark", "mix")
)


def _safe(text: str) -> str:
    return re.sub(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", " ", text)


def print_rows(rows: Sequence[ShownRow], labs: Sequence[dict[str, Any] | None], only_bad: bool) -> None:
    for r, lab in zip(rows, labs, strict=True):
        verdict = lab["verdict"] if lab else "NEW"
        if only_bad and verdict == "good":
            continue
        marks = []
        if r.conflicts:
            marks.append("conflicts: " + ", ".join(r.conflicts))
        if r.evolving:
            marks.append("evolving")
        if r.speaker:
            marks.append(f"speaker: {r.speaker}")
        first = f" first {','.join(r.firsts)}" if r.firsts and set(r.outlets) - set(r.firsts) else ""
        print(f"    {verdict:<13} {r.id:<4} {_safe(r.shown)[:150]}")
        print(f"{'':<23}[{len(r.outlets)}: {', '.join(r.outlets)}]{first} {'; '.join(marks)}  key {r.key}")
        if lab and lab.get("of"):
            print(f"{'':<23}duplicate of {lab['of']}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.rows_eval", description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("tune",), default="tune", help="tuning events only")
    ap.add_argument("--half", choices=("A", "B"), help="only the tuning events of this half (B: figures only)")
    ap.add_argument("--event", help="only this event")
    ap.add_argument("-v", "--verbose", action="store_true", help="each row with its verdict")
    ap.add_argument("--bad", action="store_true", help="with -v, only the rows not labelled good")
    ap.add_argument("--unlabelled", metavar="FILE", help="write the rows without a label to FILE (JSON lines)")
    ap.add_argument("--json", action="store_true", help="the figures as JSON on stdout")
    args = ap.parse_args(argv)
    if args.half == "B" and (args.verbose or args.event):
        print("error: half B is read as overall figures only (no -v, no --event)", file=sys.stderr)
        return 2
    if args.event and half_of(args.event) == "B" and args.verbose:
        print("error: half B is read as overall figures only", file=sys.stderr)
        return 2
    if not available():
        print("skipped: ../shared/realdata/news-clusters is absent", file=sys.stderr)
        return 0
    try:
        labels = load_labels()
    except (ValueError, KeyError, json.JSONDecodeError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    todo = [
        ev
        for ev in load_split("tune")
        if args.event in (None, ev["event"]) and args.half in (None, half_of(ev["event"]))
    ]
    if not todo:
        print(f"error: no labelled tuning event {args.event!r}", file=sys.stderr)
        return 2
    total = Figures()
    per: dict[str, Figures] = {}
    dump = open(args.unlabelled, "w", encoding="utf-8") if args.unlabelled else None  # noqa: SIM115
    quiet = args.json or args.half == "B"
    if not quiet:
        print(HEADER)
    try:
        for ev in todo:
            try:
                rows = event_rows(ev)
            except (RuntimeError, OSError, subprocess.SubprocessError) as e:
                print(f"error: {ev['event']}: {e}", file=sys.stderr)
                return 1
            labs = verdicts(rows, labels)
            fig = Figures()
            fig.add(labs)
            total.add(labs)
            per[ev["event"]] = fig
            if not quiet:
                print(fig.line(ev["event"]))
                if args.verbose:
                    print_rows(rows, labs, args.bad)
            if dump is not None:
                for r, lab in zip(rows, labs, strict=True):
                    if lab is None:
                        rec = {k: v for k, v in r.__dict__.items()} | {"key": r.key}
                        dump.write(json.dumps(rec, ensure_ascii=False) + "\n")
    finally:
        if dump is not None:
            dump.close()
    name = f"overall half {args.half}" if args.half else "overall tune"
    if args.json:
        out: dict[str, Any] = {"overall": total.as_dict()}
        if args.half != "B":
            out["events"] = {k: v.as_dict() for k, v in per.items()}
        print(json.dumps(out, indent=1))
        return 0
    if args.half == "B":
        print(HEADER)
    print(total.line(f"{name} ({len(todo)} events)"))
    d = total.as_dict()
    print(
        f"  row precision {d['row_precision']:.3f}, duplicate {d['duplicate_rate']:.3f}, wrong value"
        f" {d['wrong_value_rate']:.3f}, mixed {d['mixed_rate']:.3f}, not a fact {d['not_a_fact_rate']:.3f};"
        f" {d['labelled']} labelled rows, {d['unlabelled']} unlabelled"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

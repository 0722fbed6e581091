"""Fact labels on the real news events (format in tests/data/FACTLABELS.md): load, locate, validate.

Labels point into ../shared/realdata/news-clusters by reference (article dId, character offsets into its
``text``, sha1 prefix of the span); no article text is ever stored in the repository.

Helper for labellers, run from the repository root:
  python -m tests.factlabels find DID "words of the sentence"   # offsets and hash of the sentence holding them
  python -m tests.factlabels check [FILE ...]                    # validate label files (default: both)
  python -m tests.factlabels event NAME                          # the event's articles, one line each
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
CLUSTERS = ROOT.parent / "shared" / "realdata" / "news-clusters"
TUNE = DATA / "facts_labelled_tune.json"
HELDOUT = DATA / "facts_labelled_heldout.json"
SCHEMA = "claimcheck.factlabels/1"
KINDS = ("number", "quote")
BOUNDS = ("exact", "at_least", "at_most", "about")


def available() -> bool:
    return (CLUSTERS / "EVENTS.json").is_file()


def is_heldout(event: str) -> bool:
    """The rule of COMMON.md: a third of the events, chosen by hash, are never tuned on."""
    return int(hashlib.sha1(event.encode()).hexdigest(), 16) % 3 == 0


def half_of(event: str) -> str:
    """The tuning events' inner split against overfitting: half A may be studied (``-v``), half B is read as
    figures only. A rule counts when it helps A and does not lower B."""
    return "AB"[int(hashlib.sha1(("half:" + event).encode()).hexdigest(), 16) % 2]


@cache
def article(did: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CLUSTERS / "articles" / f"{did}.json").read_text(encoding="utf-8"))
    return data


def event_of(doc: dict[str, Any]) -> str:
    cluster = doc.get("newsCluster") or {}
    if isinstance(cluster, str):  # a Python-literal dict in some copies
        import ast

        cluster = ast.literal_eval(cluster)
    return str(cluster.get("Event", ""))


@cache
def events_index() -> dict[str, list[str]]:
    """Event name -> its articles' dIds (sorted)."""
    out: dict[str, list[str]] = {}
    for path in sorted((CLUSTERS / "articles").glob("*.json")):
        doc = article(path.stem)
        out.setdefault(event_of(doc), []).append(path.stem)
    return out


def sha12(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:12]


_END = re.compile(r"""[.!?]["'\u201d\u2019)]*\s+(?=["'\u201c\u2018(]?[A-Z0-9])""")


# Words whose period does not end a sentence ("Mr. Weinstein", "Sen. Rubio", "Jan. 26", "U.S. troops").
_ABBREV = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "sen",
        "rep",
        "gov",
        "gen",
        "lt",
        "col",
        "sgt",
        "capt",
        "prof",
        "jr",
        "sr",
        "no",
        "vs",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
    ]
)


def _is_end(text: str, m: re.Match[str]) -> bool:
    word = re.search(r"([\w.]+)$", text[max(0, m.start() - 12) : m.start()])
    w = word.group(1).lower() if word else ""
    return not (w in _ABBREV or (len(w) == 1 and w.isalpha()))


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]``: within its line, from the last sentence end before it
    to the first one after it."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    s = line_start
    for m in _END.finditer(text, line_start, min(start + 3, line_end)):
        if m.end() <= start and _is_end(text, m):  # the lookahead needs a few characters past the boundary
            s = m.end()
    e = line_end
    # the words may stop right after the sentence's own full stop (and closing quotes): look from there
    pos = end
    while pos > start and text[pos - 1] in "\"')\u201d\u2019":
        pos -= 1
    if pos > start and text[pos - 1] in ".!?":
        pos -= 1
    m = next((m for m in _END.finditer(text, pos, line_end) if _is_end(text, m)), None)
    if m:
        e = m.start() + len(m.group().rstrip())
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def find(did: str, words: str) -> tuple[int, int, str]:
    """Offsets and hash of the sentence of article ``did`` holding ``words`` (exactly once)."""
    text = article(did)["text"]
    hits = [m.start() for m in re.finditer(re.escape(words), text)]
    if len(hits) != 1:
        raise ValueError(f"{did[:12]}: {words!r} found {len(hits)} times")
    s, e = sentence_span(text, hits[0], hits[0] + len(words))
    return s, e, sha12(text[s:e])


def _spans(fact: dict[str, Any]) -> Iterable[tuple[str, dict[str, Any]]]:
    for m in fact.get("mentions", []):
        yield "mention", m
    for c in fact.get("conflicts", []):
        yield "conflict", c


def validate(data: dict[str, Any], split: str | None = None) -> list[str]:
    """Every problem of a label file, one line each (ids and offsets only, never text)."""
    problems: list[str] = []
    if data.get("schema") != SCHEMA:
        problems.append(f"schema is {data.get('schema')!r}, expected {SCHEMA!r}")
    if split and data.get("split") != split:
        problems.append(f"split is {data.get('split')!r}, expected {split!r}")
    index = events_index()
    seen_ids: set[str] = set()
    for ev in data.get("events", []):
        name = ev.get("event", "")
        where = f"event {name}"
        if name not in index:
            problems.append(f"{where}: no such event")
            continue
        if data.get("split") == "tune" and is_heldout(name):
            problems.append(f"{where}: held out by the rule, cannot be a tuning event")
        if data.get("split") == "heldout" and not is_heldout(name):
            problems.append(f"{where}: not held out by the rule")
        if sorted(ev.get("articles", [])) != index[name]:
            problems.append(f"{where}: 'articles' must list exactly the event's {len(index[name])} articles")
        members = set(index[name])
        for fact in ev.get("facts", []):
            fid = fact.get("id", "?")
            at = f"{where}, fact {fid}"
            if fid in seen_ids:
                problems.append(f"{at}: duplicate id")
            seen_ids.add(fid)
            kind = fact.get("kind")
            if kind not in KINDS:
                problems.append(f"{at}: kind {kind!r}")
            if kind == "number":
                if not isinstance(fact.get("value"), int | float):
                    problems.append(f"{at}: a number needs a numeric value")
                if fact.get("bound") not in BOUNDS:
                    problems.append(f"{at}: bound {fact.get('bound')!r}")
                if not fact.get("what"):
                    problems.append(f"{at}: 'what' is empty")
            elif kind == "quote" and not fact.get("speaker"):
                problems.append(f"{at}: a quote needs a speaker")
            if not fact.get("mentions"):
                problems.append(f"{at}: no mentions")
            for role, m in _spans(fact):
                did = m.get("article", "")
                if did not in members:
                    problems.append(f"{at}: {role} article {did[:12]} is not in the event")
                    continue
                text = article(did)["text"]
                s, e = m.get("start"), m.get("end")
                if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
                    problems.append(f"{at}: {role} {did[:12]} has bad offsets {s}..{e}")
                    continue
                if sha12(text[s:e]) != m.get("sha1"):
                    problems.append(f"{at}: {role} {did[:12]} {s}..{e}: sha1 does not match")
                if kind == "number" and not isinstance(m.get("value"), int | float):
                    problems.append(f"{at}: {role} {did[:12]} has no numeric value")
            for did in fact.get("optional", []):
                if did not in members:
                    problems.append(f"{at}: optional article {did[:12]} is not in the event")
    return problems


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def main(argv: list[str]) -> int:
    if not available():
        print(f"error: {CLUSTERS} is absent", file=sys.stderr)
        return 2
    if len(argv) == 3 and argv[0] == "find":
        try:
            s, e, h = find(argv[1], argv[2])
        except (ValueError, OSError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print(json.dumps({"article": argv[1], "start": s, "end": e, "sha1": h}))
        return 0
    if argv and argv[0] == "check":
        bad = 0
        for path in [Path(p) for p in argv[1:]] or [p for p in (TUNE, HELDOUT) if p.is_file()]:
            problems = validate(load(path))
            for p in problems:
                print(f"{path.name}: {p}")
            bad += len(problems)
            if not problems:
                print(f"{path.name}: OK")
        return 1 if bad else 0
    if len(argv) == 2 and argv[0] == "event":
        for did in events_index().get(argv[1], []):
            doc = article(did)
            print(did, doc["source_domain"], doc.get("date_publish"), len(doc["text"]))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


def committed_json(path: str) -> Any | None:
    """The JSON of a repository file as committed at HEAD (``path`` from the repository root), or None."""
    import subprocess

    r = subprocess.run(["git", "show", f"HEAD:{path}"], cwd=Path(__file__).resolve().parents[1], capture_output=True, text=True)
    return json.loads(r.stdout) if r.returncode == 0 else None


def assert_floors_kept(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """A floors file only rises against its committed version: every set kept (or listed in ``_retired``), with
    its events and no floor lowered. Returns the keys of both, for checks of their own (ceilings)."""
    kept = []
    for key, spec in old.items():
        if key.startswith("_"):
            continue
        if key not in new:
            assert key in new.get("_retired", {}), f"{key} removed without being listed in _retired"
            continue
        assert new[key]["events"] == spec["events"], f"{key}: events changed; add a new set instead"
        for metric, floor in spec["floors"].items():
            assert new[key]["floors"][metric] >= floor, f"{key}: floor {metric} lowered"
        kept.append(key)
    return kept


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))


"""Facts on fresh real material: feed headlines and summaries, scored as tests/facts_eval.py scores news-clusters.

Run from the repository root:
  python -m tests.facts_feeds [--split tune|heldout|all] [--event SLUG] [--round NAME] [-v] [--json]
  python -m tests.facts_eval --feeds ...        # the same

Labels: tests/data/facts_feeds_labelled.json (tests/feedfacts.py builds each entry's text, title line then
summary, and validates them). Per labelled event with facts, its entries from ../shared/realdata/news-feeds-2026-02
are served on 127.0.0.1 as outlets, one per feed (an RSS feed each, every entry a small news page of its title as
the headline and its summary as the body: facts_eval.serve_docs), the real `claimcheck fetch` stores them in a
fresh database and `compare --format json --min-outlets 1` reports on all of them, exactly as facts_eval does.
Each row is mapped back (mention url -> entry, sentence -> span of the entry's text; a sentence of the title is
the title line, which here counts: a feed's figure often lives in its headline) and scored by facts_eval's
scoring: attribution P/R/F1 over outlets (feeds), fragmentation, false conflicts and evolutions, merges.

Tuning and held-out events (held out iff int(sha1(slug), 16) % 3 == 0) are reported separately; `-v` on
held-out events needs --i-am-not-tuning.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import feedfacts  # noqa: E402
from factlabels import half_of  # noqa: E402
from facts_eval import (  # noqa: E402
    HALF_HELP,
    HEADER,
    SPLITS,
    EventScore,
    NormText,
    Row,
    _norm,
    _show,
    fetch_and_compare,
    half_refusal,
    outlet_id,
    print_event,
    print_totals,
    score_facts,
    score_pair,
    serve_docs,
)


def doc_id(eid: str) -> str:
    """A page name for an entry: link hash, then feed stem (``bbc_world/1f6445a71d05`` -> ``1f6445a71d05-bbc_world``;
    facts_eval's pages read the name's first hex digits)."""
    feed, key = eid.split("/")
    return f"{key}-{feed}"


def docs(eids: Sequence[str]) -> list[dict[str, Any]]:
    """The entries shaped as facts_eval serves articles: one outlet per feed, the text's first line the title."""
    out = []
    for eid in eids:
        e = feedfacts.entries()[eid]
        out.append(
            {
                "dId": doc_id(eid),
                "title": e.title,
                "text": e.text,
                "source_domain": e.feed,
                "date_publish": e.published.isoformat() if e.published else None,
                "authors": [],
            }
        )
    return out


def as_article_labels(event: dict[str, Any]) -> dict[str, Any]:
    """The event's labels in facts_eval's shape (mentions name an ``article``: the entry's page name)."""

    def span(m: dict[str, Any]) -> dict[str, Any]:
        return {**{k: v for k, v in m.items() if k != "entry"}, "article": doc_id(m["entry"])}

    facts = [
        {
            **f,
            "mentions": [span(m) for m in f["mentions"]],
            "conflicts": [span(c) for c in f.get("conflicts", [])],
            "optional": [doc_id(o) for o in f.get("optional", [])],
        }
        for f in event["facts"]
    ]
    return {"event": event["event"], "articles": [doc_id(e) for e in event["entries"]], "facts": facts}


def map_rows(report: dict[str, Any], url_did: dict[str, str], eids: Sequence[str]) -> list[Row]:
    """compare's rows with their mentions located in the entries' texts (a title sentence: the title line)."""
    entry = {doc_id(e): feedfacts.entries()[e] for e in eids}
    norms = {did: NormText.of(e.text) for did, e in entry.items()}
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for did, e in entry.items():
        by_outlet[outlet_id(e.feed)].append(did)

    def locate(did: str, sentence: str) -> tuple[int, int] | None:
        if _norm(sentence) and _norm(sentence) in _norm(entry[did].title):
            return 0, len(entry[did].title)
        return norms[did].span(sentence)

    rows = []
    for f in report["facts"]:
        row = Row(f["id"], f["kind"], f["summary"], set(f["outlets"]), bool(f.get("evolving")), [], [])
        if f["kind"] == "number" and f.get("unit") == "score":
            row.pair = score_pair(f["summary"])
        for m in f["mentions"]:
            did = url_did.get(m["url"]) or url_did.get(m["url"].split("#", 1)[0].split("?", 1)[0])
            span = locate(did, m["sentence"]) if did else None
            if span is None:
                row.unmapped += 1
            else:
                row.spans.append((did, span, m.get("value")))  # type: ignore[arg-type]
        for c in f.get("conflicts", []):
            what = f"{c['outlet']} {_show(c.get('value'))}"
            hit: tuple[str, tuple[int, int] | None, str] = ("", None, what)
            for did in by_outlet.get(c["outlet"], []):
                if s := locate(did, c["sentence"]):
                    hit = (did, s, what)
                    break
            row.conflicts.append(hit)
        rows.append(row)
    return rows


def evaluate_event(event: dict[str, Any]) -> tuple[EventScore, list[Row]]:
    eids = event["entries"]
    served = serve_docs(docs(eids))
    try:
        with tempfile.TemporaryDirectory(prefix="claimcheck-feedfacts-") as tmp:
            summary, report = fetch_and_compare(served, Path(tmp))
    finally:
        served.site.close()
    rows = map_rows(report, served.url_did, eids)
    labels = as_article_labels(event)
    outlet_of = {doc_id(e): outlet_id(feedfacts.entries()[e].feed) for e in eids}
    facts, merges = score_facts(labels, rows, outlet_of)
    fetched = sum(o.get("new", 0) for o in summary.get("outlets", []))
    feeds = len({e.split("/")[0] for e in eids})
    score = EventScore(
        event["event"],
        event["split"],
        feeds,
        facts,
        merges,
        len(rows),
        sum(r.unmapped for r in rows),
        fetched,
        len(eids),
        sum(bool(r.conflicts) for r in rows),
        sum(r.evolving for r in rows),
    )
    return score, rows


def load_split(split: str) -> list[dict[str, Any]]:
    """The split's labelled events that have facts."""
    if not feedfacts.LABELS.is_file():
        return []
    return [
        ev for ev in feedfacts.load()["events"] if ev["facts"] and (split == "all" or ev["split"] == split)
    ]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.facts_feeds", description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("tune", "heldout", "all"), default="tune")
    ap.add_argument("--event", help="only this event (its slug)")
    ap.add_argument(
        "--round", help="only the events labelled in this round (their 'round' field: feeds-fresh, tuning events)"
    )
    ap.add_argument("--half", choices=("A", "B"), help=HALF_HELP)
    ap.add_argument("-v", "--verbose", action="store_true", help="per fact, what went wrong")
    ap.add_argument("--json", action="store_true", help="the figures as JSON on stdout")
    ap.add_argument("--i-am-not-tuning", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    held = args.split != "tune" and (args.event is None or feedfacts.is_heldout(args.event))
    if args.verbose and held and not args.i_am_not_tuning:
        print(
            "error: -v on held-out events shows their failures; pass --i-am-not-tuning if you are not tuning",
            file=sys.stderr,
        )
        return 2
    if bad := half_refusal(args.half, args.split, args.verbose, args.event):
        print(bad, file=sys.stderr)
        return 2
    if not feedfacts.available():
        print("skipped: ../shared/realdata/news-feeds-2026-02 is absent", file=sys.stderr)
        return 0
    todo = [
        ev
        for ev in load_split(args.split)
        if args.event in (None, ev["event"])
        and args.round in (None, ev.get("round"))
        and args.half in (None, half_of(ev["event"]))
    ]
    if not todo:
        what = f"event {args.event!r}" if args.event else f"events of round {args.round!r}" if args.round else "events"
        print(f"error: no labelled {what} with facts in split {args.split}", file=sys.stderr)
        return 2 if args.event or args.round else 1
    results: dict[str, list[EventScore]] = defaultdict(list)
    for ev in sorted(todo, key=lambda e: SPLITS.index(e["split"])):
        try:
            score, rows = evaluate_event(ev)
        except (RuntimeError, OSError, subprocess.SubprocessError) as e:
            print(f"error: {ev['event']}: {e}", file=sys.stderr)
            return 1
        split = ev["split"]
        results[split].append(score)
        if args.json or args.half == "B":
            continue
        if len(results[split]) == 1:
            print(f"\nfeeds {split}:\n{HEADER}")
        print_event(score, rows, args.verbose, items="entries", sites="feeds")
    half = f"half {args.half} " if args.half else ""
    print_totals(results, args.json, name=f"feeds {half}", sites="feeds", events=args.half != "B")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""A held-out-free proxy for false merges: rows that join claims of two DIFFERENT news events.

Run from the repository root:
  python -m tests.facts_cross [--limit N] [-v] [--json]

The tuning events' articles (tests/data/facts_labelled_tune.json lists every article of each; held-out events
are never opened) are served on 127.0.0.1 and fetched once by the real `claimcheck fetch` into one database.
Then, for every pair of different tuning events, the library's `compare` runs over the stored articles of both
events at once (min_outlets 2, as `claimcheck compare` by default), as when a topic search returns two stories.
A row whose mentions come from articles of both events joins two different stories: a false join, barring a
general fact both stories state (judge those with -v). Printed: pairs compared, rows, cross-event rows by kind
(number / quote / statement) and, for numbers, by the counted thing of the link that crossed the events; and the
rows showing a conflict or saying evolving (no conflict of two stories is real, and the tuning events label none
the reports show: a proxy for made-up conflicts on unseen text).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from factlabels import TUNE, available, is_heldout, load  # noqa: E402
from facts_eval import _safe, fetch_served, serve_event, stored_and_outlets  # noqa: E402

_THING = re.compile(r"^number: same '([^']*)'")


def tuning_events() -> dict[str, list[str]]:
    """Event -> its articles' dIds, for the labelled tuning events (never a held-out one)."""
    events = load(TUNE)["events"]
    return {ev["event"]: list(ev["articles"]) for ev in events if not is_heldout(ev["event"])}


def cross_rows(limit: int | None = None) -> dict[str, Any]:
    from claimcheck.compare import CompareOptions, compare

    events = tuning_events()
    event_of = {did: ev for ev, dids in events.items() for did in dids}
    served = serve_event(sorted(event_of))
    try:
        with tempfile.TemporaryDirectory(prefix="claimcheck-cross-") as tmp:
            _, sources, db = fetch_served(served, Path(tmp))
            stored, outlets = stored_and_outlets(sources, db)
    finally:
        served.site.close()
    by_event: dict[str, list[Any]] = {ev: [] for ev in events}
    did_of_url = {url.split("#")[0]: did for url, did in served.url_did.items()}
    for a in stored:
        did = did_of_url.get(a.url)
        if did is not None:
            by_event[event_of[did]].append(a)
    pairs = list(combinations(sorted(by_event), 2))[:limit]
    rows = conflicts = evolving = 0  # rows, and those showing a conflict / saying evolving (none is labelled here)
    cross: list[dict[str, Any]] = []
    started = time.process_time()
    for e1, e2 in pairs:
        arts = by_event[e1] + by_event[e2]
        mine = {a.url: (e1 if k < len(by_event[e1]) else e2) for k, a in enumerate(arts)}
        result = compare(f"{e1} + {e2}", arts, outlets, CompareOptions(min_outlets=2))
        for fact in result.facts:
            rows += 1
            conflicts += bool(fact.conflicts)
            evolving += fact.evolving
            evs = [mine.get(m.url) for m in fact.mentions]
            if len(set(evs)) < 2:
                continue
            links = [lk.rule for lk in fact.links if evs[lk.a] != evs[lk.b]]
            things = sorted({m.group(1) for r in links if (m := _THING.match(r))})
            cross.append(
                {
                    "events": [e1, e2],
                    "kind": str(fact.kind),
                    "summary": fact.summary,
                    "rules": links,
                    "things": things,
                    "mentions": [
                        {"event": ev, "outlet": m.outlet, "text": m.claim.text, "sentence": m.claim.sentence}
                        for ev, m in zip(evs, fact.mentions, strict=True)
                    ],
                }
            )
    return {
        "events": len(by_event),
        "articles": sum(map(len, by_event.values())),
        "pairs": len(pairs),
        "rows": rows,
        "conflict_rows": conflicts,
        "evolving_rows": evolving,
        "cross": cross,
        "cpu_s": round(time.process_time() - started, 1),
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.facts_cross", description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, help="only the first N pairs of events")
    ap.add_argument(
        "-v", "--verbose", action="store_true", help="every cross-event row, its mentions and links"
    )
    ap.add_argument("--json", action="store_true", help="the rows as JSON on stdout")
    args = ap.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        print("error: --limit must be at least 1", file=sys.stderr)
        return 2
    if not available() or not TUNE.is_file():
        print("skipped: ../shared/realdata/news-clusters or the tuning labels are absent", file=sys.stderr)
        return 0
    try:
        out = cross_rows(args.limit)
    except (RuntimeError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(out, indent=1, default=str))
        return 0
    cross = out["cross"]
    kinds = Counter(c["kind"] for c in cross)
    things = Counter(t for c in cross for t in c["things"] or ["(no crossing link)"] if c["kind"] == "number")
    if args.verbose:
        for c in cross:
            print(f"\n[{c['kind']}] {' + '.join(c['events'])}: {_safe(c['summary'])[:100]}")
            for r in c["rules"]:
                print(f"    link: {_safe(r)[:110]}")
            for m in c["mentions"]:
                print(
                    f"    {m['event'][:18]:<18} {m['outlet'][:16]:<16} {_safe(m['text'])[:40]!r}: {_safe(m['sentence'])[:90]}"
                )
    print(f"\nnumber things: {', '.join(f'{t} {n}' for t, n in things.most_common())}")
    print(
        f"{out['events']} tuning events, {out['articles']} articles, {out['pairs']} pairs, {out['rows']} rows:"
        f" {len(cross)} cross-event rows (number {kinds['number']}, quote {kinds['quote']},"
        f" statement {kinds['statement']}); rows with a conflict {out['conflict_rows']}, evolving"
        f" {out['evolving_rows']}; compare CPU {out['cpu_s']} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

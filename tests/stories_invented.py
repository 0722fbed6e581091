"""How well `claimcheck stories` groups an INVENTED story set: B-cubed precision, recall and F1 against its events.

tests/data/stories34_events.json holds news events written for this harness (every name, place, figure and
sentence made up): a court verdict, an election, storms, a takeover, a transfer, a strike, a science finding,
a plane incident, a state visit, a death, a protest, a policy, a wildfire whose toll rises over two days, a
data breach, each told by three to five invented outlets in their styles (wire copy, a tabloid's punning
headline, a broadsheet's analysis, a local paper, a live blog, an outlet abroad that spells names its own
way, a follow-up a day or two on), and distractors: other events of the same kind, place or company the same
week (a second storm, a second trial in the same court, one company's results and its chief's resignation,
one club's two signings, a second fire), so that precision is tested as well as recall.

The articles are served over a real loopback HTTP server (tests/stories_eval.py's pages and feeds, one
outlet per invented outlet), fetched by the real ``claimcheck fetch`` and grouped by the real ``claimcheck
stories --min-outlets 1 --since 2000-01-01 --format json``: the whole set in one window, scored per split.

Split, fixed before any run: an event is CHECK iff ``int(sha1("stories34:" + id).hexdigest(), 16) % 3 == 0``,
else TUNE. The error listing (``-v``) shows the tune split only and refuses the check split.

    python -m tests.stories_invented --split tune -v   # tune figures and its splits and merges
    python -m tests.stories_invented --split check     # check figures only (once, at the end of a round)
    python -m tests.stories_invented --file tests/data/OTHER_events.json --split tune
    python -m tests.stories_invented --split tune --crowd -v   # among other news of their days (below)

``--crowd`` (in process, ~15 s; the mean of three seeds): a window of 75 articles gives every invented name a
rare, heavy weight, which real news rarely has. So the set is grouped again (in process, as tests/stories_eval.py's
``--crowd`` does) among the news-clusters tuning articles and the feeds' tuning entries (their held-out events
never enter the window), the invented set moved as a whole (its articles' spacing kept, so a distractor stays beside the
event it resembles) to begin within 36 hours of a tuning article drawn at random (seeded). Only the invented split's articles are scored; an article of other
news that joins an invented story counts in its size (precision), and an invented event split by the crowd costs
recall. ``-v`` lists the first seed's tune errors (other news in an invented story shown as OTHER).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from tests import stories_eval
from tests.stories_eval import Item, Score

ROOT = Path(__file__).resolve().parents[1]
EVENTS = ROOT / "tests" / "data" / "stories34_events.json"
FLOORS = ROOT / "tests" / "data" / "stories_invented_floors.json"
SPLITS = ("tune", "check")
SALT = "stories34:"


def split_of(event: str) -> str:
    return "check" if int(hashlib.sha1((SALT + event).encode()).hexdigest(), 16) % 3 == 0 else "tune"


def load(path: Path = EVENTS) -> list[Item]:
    """Each invented article as an item (``did``: the event id and the article's place in it)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    items = []
    for event in data["events"]:
        for k, a in enumerate(event["articles"]):
            items.append(
                Item(
                    f"{event['id']}-{k}",
                    a["outlet"],
                    event["id"],
                    a["title"],
                    (a["lead"], *a["body"]),
                    datetime.fromisoformat(a["published"]),
                )
            )
    return items


def bcubed(story_of: Mapping[str, str], event_of: Mapping[str, str], split: str) -> Score:
    """B-cubed over the articles of ``split``'s events (the whole window counts in each story's size)."""
    stories: dict[str, set[str]] = defaultdict(set)
    events: dict[str, set[str]] = defaultdict(set)
    for did, sid in story_of.items():
        stories[sid].add(did)
        events[event_of[did]].add(did)
    ps, rs = [], []
    for did, sid in story_of.items():
        if split_of(event_of[did]) != split:
            continue
        same = stories[sid] & events[event_of[did]]
        ps.append(len(same) / len(stories[sid]))
        rs.append(len(same) / len(events[event_of[did]]))
    if not ps:
        return Score(0.0, 0.0, 0)
    return Score(sum(ps) / len(ps), sum(rs) / len(rs), len(ps))


def evaluate(result: Mapping, items: list[Item]) -> dict[str, Score]:  # type: ignore[type-arg]
    story_of = stories_eval.assignments(result, items)
    event_of = {it.did: it.event for it in items}
    return {split: bcubed(story_of, event_of, split) for split in SPLITS}


def errors(result: Mapping, items: list[Item], split: str = "tune") -> list[str]:  # type: ignore[type-arg]
    """The tune split's mixed stories (MERGE) and split events (SPLIT); refuses the check split."""
    if split != "tune":
        raise ValueError("the check split's errors are not shown: it must stay unseen while tuning")
    by_id = {it.did: it for it in items}
    story_of = stories_eval.assignments(result, items)
    lines = []
    for story in result["stories"]:
        dids = [
            d for a in story["articles"] if (d := a["url"].rsplit("/", 1)[-1].removesuffix(".html")) in by_id
        ]
        evs = Counter(by_id[d].event for d in dids)
        if len(evs) > 1 and any(split_of(e) == "tune" for e in evs):
            hidden = sum(n for e, n in evs.items() if split_of(e) != "tune")
            lines.append(f"MERGE {story['id']} ({len(dids)} articles, {hidden} of check events, not shown)")
            lines += [
                f"    {by_id[d].event[:30]:30} {by_id[d].outlet[:22]:22} {by_id[d].title[:70]!r}"
                for d in dids
                if split_of(by_id[d].event) == "tune"
            ]
    for event in sorted({it.event for it in items if split_of(it.event) == "tune"}):
        parts = Counter(story_of[it.did] for it in items if it.event == event and it.did in story_of)
        if len(parts) > 1:
            lines.append(f"SPLIT {event} into {len(parts)} stories: {sorted(parts.values(), reverse=True)}")
            lines += [
                f"    {story_of[it.did]} {it.published:%m-%d %H:%M} {it.outlet[:22]:22} {it.title[:70]!r}"
                for it in items
                if it.event == event and it.did in story_of
            ]
    return lines


def report(scores: Mapping[str, Score], stored: int, total: int) -> str:
    lines = [f"stored {stored}/{total} articles"]
    for split, s in scores.items():
        lines.append(
            f"{split:6} B-cubed precision {s.precision:.3f} recall {s.recall:.3f} F1 {s.f1:.3f} ({s.articles} articles)"
        )
    return "\n".join(lines)


def measure(path: Path = EVENTS, workdir: Path | None = None) -> tuple[dict, list[Item]]:  # type: ignore[type-arg]
    """Serve, fetch and group the set with the real CLI; the stories JSON and the items."""
    items = load(path)
    if workdir is not None:
        return stories_eval.run(workdir, items), items
    with tempfile.TemporaryDirectory(prefix="claimcheck-stories-invented-") as tmp:
        return stories_eval.run(Path(tmp), items), items


CROWD_SEEDS = (3, 4, 5)


def crowd(items: list[Item], split: str, seed: int, lines: list[str] | None = None) -> Score:
    """The set among other news of its days (module docstring, ``--crowd``), scored on ``split``'s articles;
    ``lines`` (tune only) gets the invented stories with other articles and the split events."""
    if lines is not None and split != "tune":
        raise ValueError("the check split's errors are not shown: it must stay unseen while tuning")
    from claimcheck.models import Article, Outlet
    from claimcheck.stories import find_stories

    labelled, feeds, _, _ = stories_eval.crowd_window(stories_eval.load(), bench=0, seed=seed)
    dated = sorted(a.published for a in labelled if a.published)
    # the set moved as a whole: its distractors keep their days beside the events they resemble
    when = stories_eval._moved({"set": [(k, it.published) for k, it in enumerate(items)]}, dated, seed + 7)
    mine = [
        Article(it.outlet, url, url, it.title, "\n\n".join(it.paragraphs), "", when[k], published=when[k])
        for k, it in enumerate(items)
        for url in [f"http://invented.test/{it.outlet}/{it.did}.html"]
    ]
    window = [*labelled, *feeds, *mine]
    outlets = {a.outlet: Outlet(a.outlet, a.outlet) for a in window}
    stories = find_stories(window, outlets, None, wire_copies=False, describe=False)
    by_id = {it.did: it for it in items}
    story_of: dict[str, str] = {}
    size: dict[str, int] = {}
    for s in stories:
        size[s.id] = len(s.articles)
        for a in s.articles:
            if a.url.startswith("http://invented.test/"):
                story_of[a.url.rsplit("/", 1)[-1].removesuffix(".html")] = s.id
    if lines is not None:
        for s in stories:
            dids = [a.url.rsplit("/", 1)[-1].removesuffix(".html") for a in s.articles]
            evs = Counter(by_id[d].event for d in dids if d in by_id)
            if any(split_of(e) == "tune" for e in evs) and (len(evs) > 1 or sum(evs.values()) < len(dids)):
                lines.append(f"MERGE {s.id} ({len(dids)} articles)")
                lines += [
                    f"    {by_id[d].event[:30] if d in by_id else 'OTHER':30} {a.title[:70]!r}"
                    for d, a in zip(dids, s.articles, strict=True)
                    if d not in by_id or split_of(by_id[d].event) == "tune"
                ]
        for event in sorted({it.event for it in items if split_of(it.event) == "tune"}):
            parts = Counter(story_of[it.did] for it in items if it.event == event)
            if len(parts) > 1:
                lines.append(
                    f"SPLIT {event} into {len(parts)} stories: {sorted(parts.values(), reverse=True)}"
                )
                lines += [
                    f"    {story_of[it.did]} {it.outlet[:22]:22} {it.title[:70]!r}"
                    for it in items
                    if it.event == event
                ]
    events = Counter(by_id[d].event for d in story_of)
    members: dict[str, Counter[str]] = defaultdict(Counter)
    for d, sid in story_of.items():
        members[sid][by_id[d].event] += 1
    scored = [(d, sid) for d, sid in story_of.items() if split_of(by_id[d].event) == split]
    if not scored:
        return Score(0.0, 0.0, 0)
    ps = [members[sid][by_id[d].event] / size[sid] for d, sid in scored]
    rs = [members[sid][by_id[d].event] / events[by_id[d].event] for d, sid in scored]
    return Score(sum(ps) / len(ps), sum(rs) / len(rs), len(ps))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.stories_invented", description=__doc__.split("\n")[0])
    ap.add_argument(
        "--split", choices=SPLITS, required=True, help="tune while working; check once, at the end"
    )
    ap.add_argument("-v", "--verbose", action="store_true", help="list the tune split's splits and merges")
    ap.add_argument("--file", type=Path, default=EVENTS, help="the invented events (JSON)")
    ap.add_argument(
        "--crowd", action="store_true", help="among the real tuning news of their days (in process)"
    )
    args = ap.parse_args(argv)
    if args.verbose and args.split != "tune":
        print("the check split gives figures only: no error listing (-v) for it", file=sys.stderr)
        return 2
    if not args.file.is_file():
        print(f"no such events file: {args.file}", file=sys.stderr)
        return 2
    if args.crowd:
        if not stories_eval.available():
            print(f"skipped: {stories_eval.CLUSTERS} is absent")
            return 0
        lines: list[str] = []
        each = [
            crowd(load(args.file), args.split, seed, lines if args.verbose and k == 0 else None)
            for k, seed in enumerate(CROWD_SEEDS)
        ]
        p, r = (sum(getattr(x, m) for x in each) / len(each) for m in ("precision", "recall"))
        sc = Score(p, r, each[0].articles)
        print(
            f"crowd {args.split:6} B-cubed precision {sc.precision:.3f} recall {sc.recall:.3f} F1 {sc.f1:.3f} "
            f"({sc.articles} articles; R per seed {' '.join(f'{x.recall:.3f}' for x in each)})"
        )
        print("\n".join(lines))
        return 0
    try:
        result, items = measure(args.file)
    except (ValueError, KeyError, TypeError) as e:
        print(f"bad events file {args.file}: {e}", file=sys.stderr)
        return 2
    scores = evaluate(result, items)
    print(report({args.split: scores[args.split]}, len(stories_eval.assignments(result, items)), len(items)))
    if args.verbose:
        print("\n".join(errors(result, items)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How well `claimcheck stories` groups real feed entries nobody tuned on: B-cubed against hand labels.

The entries of 25 real feeds (../shared/realdata/news-feeds-2026-02, every feed but economist_asia) were
grouped by hand into the event each reports (tests/data/stories_feeds_labelled.json: by reference, the feed,
a sha1 prefix of the entry's link and a slug of our own) before ``stories`` ever ran on them. Each labelled
entry becomes an article in process (one outlet per feed; its title; its text the feed's content:encoded
where the feed has it, else its summary, tags stripped; its own date), ``find_stories`` groups them all
(every entry in exactly one story, as ``--min-outlets 1``), and each entry's story is scored against its
event (B-cubed, as tests/stories_eval.py). Events are split as there: HELD OUT iff
``int(sha1(slug).hexdigest(), 16) % 3 == 0``; the error listing (``-v``) shows the tuning split only.

A second figure mixes the 306 news-clusters articles (tests/stories_eval.py) into the same window: the
feed entries are scored, the mixed-in articles only crowd the window (their own figures are stories_eval's).

    python -m tests.stories_feeds          # the figures (~10 s)
    python -m tests.stories_feeds -v       # and the feeds-tune split's errors, mixed stories first
    python -m tests.stories_feeds --split tune  # the tuning rows only (held-out figures not printed)
    python -m tests.stories_feeds --split tune --half A -v  # half A of the tuning slugs (studied) ...
    python -m tests.stories_feeds --half B      # ... half B: figures only (stories_eval.half_of)
    python -m tests.stories_eval --feeds   # the same
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from claimcheck.models import Article, Outlet
from claimcheck.stories import StoryOptions
from tests import stories_eval

ROOT = Path(__file__).resolve().parents[1]
FEEDS = ROOT.parent / "shared" / "realdata" / "news-feeds-2026-02"
LABELS = ROOT / "tests" / "data" / "stories_feeds_labelled.json"
SPLITS = stories_eval.SPLITS
FETCHED = datetime(2026, 2, 18, 6, tzinfo=UTC)  # an undated entry's stand-in date: the feeds' snapshot


@dataclass(frozen=True)
class Entry:
    feed: str
    key: str  # sha1 prefix of the entry's link (or guid)
    event: str
    title: str
    text: str
    published: datetime | None

    @property
    def url(self) -> str:
        return f"http://feeds.test/{self.feed}/{self.key}"


def available() -> bool:
    return FEEDS.is_dir() and LABELS.is_file()


def held_out(event: str) -> bool:
    return stories_eval.held_out(event)


def split_of(event: str) -> str:
    return stories_eval.split_of(event)


def _plain(markup: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", markup))).strip()


def _date(e: Mapping) -> datetime | None:  # type: ignore[type-arg]
    t = e.get("published_parsed") or e.get("updated_parsed")
    return datetime(*t[:6], tzinfo=UTC) if t else None


def load(feeds: Path = FEEDS, labels: Path = LABELS) -> list[Entry]:
    """The labelled entries, read from the feeds at run time (one per feed and link)."""
    import feedparser

    doc = json.loads(labels.read_text(encoding="utf-8"))
    event_of = {(x["feed"], x["link_sha1"]): x["event"] for x in doc["entries"]}
    out: list[Entry] = []
    seen: set[tuple[str, str]] = set()
    for stem in sorted({f for f, _ in event_of}):
        parsed = feedparser.parse((feeds / f"{stem}.xml").read_bytes())
        for e in parsed.entries:
            link = e.get("link") or e.get("id") or ""
            key = hashlib.sha1(link.encode()).hexdigest()[:12]
            if (stem, key) in seen or (stem, key) not in event_of:
                continue
            seen.add((stem, key))
            summary = _plain(e.get("summary", ""))
            content = max((_plain(c.get("value", "")) for c in e.get("content", [])), key=len, default="")
            text = content if len(content) > len(summary) else summary
            out.append(Entry(stem, key, event_of[(stem, key)], _plain(e.get("title", "")), text, _date(e)))
    return out


def articles(entries: Sequence[Entry]) -> list[Article]:
    return [
        Article(e.feed, e.url, e.url, e.title, e.text, "", e.published or FETCHED, published=e.published)
        for e in entries
    ]


def cluster_articles() -> list[Article]:
    """The 306 news-clusters articles as articles (their own outlets, dates, titles and paragraphs)."""
    out = []
    for it in stories_eval.load():
        url = f"http://clusters.test/{it.outlet}/{it.did}.html"
        when = it.published or FETCHED
        out.append(
            Article(
                it.outlet, url, url, it.title, "\n\n".join(it.paragraphs), "", when, published=it.published
            )
        )
    return out


def group_entries(
    entries: Sequence[Entry], options: StoryOptions | None = None, *, extra: Sequence[Article] = ()
) -> dict[str, str]:
    """Entry URL -> story id, by ``find_stories`` over the entries (and ``extra`` articles, unscored)."""
    from claimcheck.stories import find_stories

    arts = [*articles(entries), *extra]
    outlets = {a.outlet: Outlet(a.outlet, a.outlet) for a in arts}
    stories = find_stories(arts, outlets, options, wire_copies=False, describe=False)
    known = {e.url for e in entries}
    return {a.url: s.id for s in stories for a in s.articles if a.url in known}


def bcubed(
    story_of: Mapping[str, str], entries: Sequence[Entry], split: str, half: str | None = None
) -> stories_eval.Score:
    """B-cubed over the entries' stories (mixed-in articles excluded), averaged over ``split``'s entries (of
    ``half``'s slugs only, if given: ``stories_eval.half_of``)."""
    return stories_eval.bcubed(story_of, {e.url: e.event for e in entries}, split, half)


def counts(entries: Sequence[Entry], half: str | None = None) -> dict[str, tuple[int, int, int]]:
    """Per split: entries, events, events of more than one entry (of ``half``'s slugs only, if given)."""
    out = {}
    for split in SPLITS:
        sizes = Counter(
            e.event for e in entries if split_of(e.event) == split and stories_eval.in_half(e.event, half)
        )
        out[split] = (sum(sizes.values()), len(sizes), sum(1 for n in sizes.values() if n > 1))
    return out


def errors(
    story_of: Mapping[str, str], entries: Sequence[Entry], split: str = "tuning", half: str | None = None
) -> list[str]:
    """The tuning split's mixed stories, then its split events (titles shown; of ``half`` A's slugs only, if
    given). Refuses the held-out split and half B."""
    stories_eval._refuse(split, half)
    mine = stories_eval.in_half
    by_story: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        by_story[story_of[e.url]].append(e)
    lines = []
    for sid, members in sorted(by_story.items(), key=lambda t: -len(t[1])):
        evs = Counter(e.event for e in members)
        if len(evs) > 1 and any(not held_out(ev) and mine(ev, half) for ev in evs):
            hidden = sum(n for ev, n in evs.items() if held_out(ev))
            lines.append(f"MIXED {sid} ({len(members)} entries, {hidden} of held-out events, not shown)")
            lines += [
                f"    {e.event[:34]:34} {e.feed[:12]:12} {e.published.date() if e.published else '-'} {e.title[:80]!r}"
                for e in sorted(members, key=lambda e: e.event)
                if not held_out(e.event) and mine(e.event, half)
            ]
    for event in sorted({e.event for e in entries if not held_out(e.event) and mine(e.event, half)}):
        parts = Counter(story_of[e.url] for e in entries if e.event == event)
        if len(parts) > 1:
            lines.append(f"SPLIT {event} into {len(parts)} stories: {sorted(parts.values(), reverse=True)}")
            lines += [
                f"    {story_of[e.url]} {e.feed[:12]:12} {e.published.date() if e.published else '-'} {e.title[:80]!r}"
                for e in entries
                if e.event == event
            ]
    return lines


def joins(
    entries: Sequence[Entry], options: StoryOptions | None = None, half: str | None = None
) -> tuple[Counter[str], Counter[str]]:
    """Every merge of ``group`` over the entries (linkage and story pass) that joins two groups with no event in
    common, one of them of the tuning split, counted by the rule that made it, and by the rule and the groups'
    sizes (1+1: two lone entries; 1+n: an entry joins a group; n+n: two groups). Figures only, no text."""
    from claimcheck.stories import group

    joined: list[tuple[list[int], list[int], str]] = []
    group(articles(entries), options, joined=joined)
    by_rule: Counter[str] = Counter()
    by_shape: Counter[str] = Counter()
    for a, b, how in joined:
        ea, eb = {entries[i].event for i in a}, {entries[i].event for i in b}
        if ea & eb or all(held_out(ev) or not stories_eval.in_half(ev, half) for ev in ea | eb):
            continue
        by_rule[how] += 1
        shape = "1+1" if len(a) == len(b) == 1 else "1+n" if min(len(a), len(b)) == 1 else "n+n"
        by_shape[f"{how} {shape}"] += 1
    return by_rule, by_shape


def report(name: str, scores: Mapping[str, stories_eval.Score]) -> str:
    return "\n".join(
        f"{name:14} {split:8} B-cubed precision {s.precision:.3f} recall {s.recall:.3f} F1 {s.f1:.3f} ({s.articles} entries)"
        for split, s in scores.items()
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.stories_feeds", description=__doc__.split("\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list the feeds-tune split's errors")
    ap.add_argument("--joined", action="store_true", help="count the wrong merges by the rule that made them")
    ap.add_argument("--no-mix", action="store_true", help="skip the figure with news-clusters mixed in")
    ap.add_argument(
        "--split",
        choices=("tune", "all"),
        default="all",
        help="tune: print the tuning rows only (while working)",
    )
    ap.add_argument(
        "--half",
        choices=stories_eval.HALVES,
        help="score the tuning slugs of this half only (A: studied, -v allowed; B: figures only)",
    )
    args = ap.parse_args(argv)
    if (args.verbose or args.joined) and args.half == "B":
        print("half B gives figures only: no error listing (-v, --joined) for it", file=sys.stderr)
        return 2
    splits = ("tuning",) if args.half else stories_eval.splits_of(args.split)
    if not available():
        print(f"skipped: {FEEDS} is absent")
        return 0
    entries = load()
    for split, (n, events, multi) in counts(entries, args.half).items():
        if split not in splits:
            continue
        print(f"{split:8} {n} entries, {events} events, {multi} of more than one entry")
    t0 = time.process_time()
    story_of = group_entries(entries)
    cpu = time.process_time() - t0
    assert len(story_of) == len(entries)
    tag = f" {args.half}" if args.half else ""
    print(
        report("feeds" + tag, {s: bcubed(story_of, entries, s, args.half) for s in splits})
        + f"  [{cpu:.1f} s CPU]"
    )
    if not args.no_mix and stories_eval.available():
        mixed = group_entries(entries, extra=cluster_articles())
        print(report("feeds+clusters" + tag, {s: bcubed(mixed, entries, s, args.half) for s in splits}))
    if args.verbose:
        print("\n".join(errors(story_of, entries, half=args.half)))
    if args.joined:
        by_rule, by_shape = joins(entries, half=args.half)
        print(
            "wrong merges (two groups with no event in common, tuning split) by rule:",
            dict(by_rule.most_common()),
        )
        print("  by rule and sizes:", dict(sorted(by_shape.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())

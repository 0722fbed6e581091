"""How well `claimcheck stories` groups real articles: B-cubed precision, recall and F1 against labels.

The 306 real articles of ../shared/realdata/news-clusters (60 hand-labelled news events) are served
over a real loopback HTTP server, one outlet per site, each with an RSS feed and pages built at run
time from the article's title and paragraphs (nothing is copied into the repository). The real
``claimcheck fetch`` fetches them all; ``claimcheck stories --min-outlets 1 --since 2000-01-01
--format json`` groups them; each article's story is scored against its event:

- B-cubed precision of an article: the share of its story that reports its event;
- B-cubed recall: the share of its event that is in its story; F1 of the two means.

Events are split: an event is HELD OUT iff ``int(sha1(event).hexdigest(), 16) % 3 == 0``. The
grouping was tuned on the other events only; held-out figures are printed as summary lines, and the
per-article error listing (``-v``) refuses to show held-out articles.

    python -m tests.stories_eval            # the figures (fetch + stories, ~20 s)
    python -m tests.stories_eval -v         # and the tuning split's errors, story by story
    python -m tests.stories_eval --split tune  # the tuning row only (held-out figures not printed)
    python -m tests.stories_eval --keep DIR # keep the database and sources.yaml in DIR
    python -m tests.stories_eval --feeds    # the labelled real feed entries instead (tests/stories_feeds.py)
    python -m tests.stories_eval --crowd    # the tuning events in a window crowded with other news (below)
    python -m tests.stories_eval --split tune --half A -v  # half A of the tuning events: studied ...
    python -m tests.stories_eval --half B   # ... half B: figures only (an overfitting check; ``half_of``)

``--crowd`` (tuning split only, in process, ~15 s; the mean of three seeds): events nobody tuned on arrive mixed in with others, so
the tuning events are grouped again (their labelled texts, in process as tests/stories_feeds.py does, no
held-out article in the window) with other news of their own days: the labelled entries of the feeds'
tuning split (tests/stories_feeds.py), each feed event moved as a whole (its entries' spacing kept) to
within 36 hours of a tuning article drawn at random (seeded), and then as many generated stories of
bench/storycorpus.py, moved so too. Only the news-clusters tuning articles are scored; a mixed-in article
counts in the size of the story it lands in, so one that joins a labelled story costs precision, and
blocking crowded by other news costs recall. Three rows: alone (in process), + feed entries, + bench.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import html
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimcheck.models import Article

ROOT = Path(__file__).resolve().parents[1]
CLUSTERS = ROOT.parent / "shared" / "realdata" / "news-clusters"
FLOORS = ROOT / "tests" / "data" / "stories_floors.json"
SPLITS = ("tuning", "holdout")


def held_out(event: str) -> bool:
    return int(hashlib.sha1(event.encode()).hexdigest(), 16) % 3 == 0


def split_of(event: str) -> str:
    return "holdout" if held_out(event) else "tuning"


HALVES = ("A", "B")


def half_of(event: str) -> str:
    """The tuning events split in two by hash (``--half``): A is studied (its errors may be listed), B gives
    figures only, so a rule that helps A is checked on events nobody looked at (an overfitting check)."""
    return HALVES[int(hashlib.sha1(("half:" + event).encode()).hexdigest(), 16) % 2]


def in_half(event: str, half: str | None) -> bool:
    return half is None or half_of(event) == half


def splits_of(choice: str) -> tuple[str, ...]:
    """The splits a ``--split`` choice prints: "tune" the tuning split only (while working), "all" both."""
    return ("tuning",) if choice == "tune" else SPLITS


@dataclass(frozen=True)
class Item:
    did: str
    outlet: str
    event: str
    title: str
    paragraphs: tuple[str, ...]
    published: datetime | None


def available() -> bool:
    return (CLUSTERS / "articles").is_dir()


def load(root: Path = CLUSTERS) -> list[Item]:
    items = []
    for path in sorted((root / "articles").glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        nc = d["newsCluster"]
        nc = nc if isinstance(nc, dict) else ast.literal_eval(nc)
        pub = d.get("date_publish")
        published = datetime.fromisoformat(pub) if pub and pub != "None" else None
        paragraphs = tuple(p.strip() for p in (d.get("text") or "").split("\n") if p.strip())
        items.append(
            Item(d["dId"], _slug(d["source_domain"]), nc["Event"], d["title"] or "", paragraphs, published)
        )
    return items


def _slug(domain: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", domain.lower()).strip("-")


# --- serving ---------------------------------------------------------------------------------------------


def page(item: Item) -> str:
    """A plain news page around the article's own title and paragraphs (escaped)."""
    title = html.escape(item.title)
    pub = item.published.isoformat() if item.published else ""
    meta = f'<meta property="article:published_time" content="{pub}">' if pub else ""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in item.paragraphs)
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="og:title" content="{title}">{meta}</head>'
        f"<body><main><article><h1>{title}</h1>{body}</article></main></body></html>"
    )


def feed(items: Iterable[Item], base: str) -> str:
    out = []
    for it in items:
        pub = f"<pubDate>{format_datetime(it.published)}</pubDate>" if it.published else ""
        link = f"{base}/{it.outlet}/{it.did}.html"
        out.append(f"<item><title>{html.escape(it.title)}</title><link>{link}</link>{pub}</item>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>feed</title>'
        f"<link>{base}/</link><description>eval</description>{''.join(out)}</channel></rss>"
    )


def serve(items: list[Item]):  # type: ignore[no-untyped-def]
    """A loopback Site with one feed per outlet and one page per article."""
    sys.path.insert(0, str(ROOT / "tests"))
    from loopback import Site

    site = Site()
    by_outlet: dict[str, list[Item]] = defaultdict(list)
    for it in items:
        by_outlet[it.outlet].append(it)
        site.route(
            f"/{it.outlet}/{it.did}.html", page(it), headers={"Content-Type": "text/html; charset=utf-8"}
        )
    for outlet, its in by_outlet.items():
        site.route(
            f"/{outlet}/feed.xml", feed(its, site.base), headers={"Content-Type": "application/rss+xml"}
        )
    site.route("/robots.txt", "User-agent: *\nAllow: /\n", headers={"Content-Type": "text/plain"})
    return site, sorted(by_outlet)


def sources_yaml(base: str, outlets: list[str]) -> str:
    lines = ["defaults:", "  timeout: 30", "  concurrency: 16", "  per_host: 16", "  delay: 0", "outlets:"]
    for o in outlets:
        lines += [f"  - id: {o}", f"    name: {o}", f"    feeds: [{base}/{o}/feed.xml]"]
    return "\n".join(lines) + "\n"


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env["NO_PROXY"] = "*"
    return env


def claimcheck(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimcheck", *args], capture_output=True, text=True, env=_env(), cwd=ROOT
    )


def run(workdir: Path, items: list[Item]) -> dict:  # type: ignore[type-arg]
    """Serve, fetch with the real CLI, group with the real CLI; returns the stories JSON."""
    db, src = workdir / "eval.db", workdir / "sources.yaml"
    site, outlets = serve(items)
    try:
        src.write_text(sources_yaml(site.base, outlets), encoding="utf-8")
        # loopback is a private address: the run opts in, as the tests do
        fetched = claimcheck("fetch", "--quiet", "--allow-private", "--db", str(db), "--sources", str(src))
        if fetched.returncode not in (0, 1):
            raise SystemExit(f"fetch failed ({fetched.returncode}): {fetched.stderr.strip()[-500:]}")
    finally:
        site.close()
    return stories_json(db, src)


def stories_json(db: Path, src: Path) -> dict:  # type: ignore[type-arg]
    out = claimcheck(
        "stories", "--min-outlets", "1", "--since", "2000-01-01", "--format", "json",
        "--db", str(db), "--sources", str(src),
    )  # fmt: skip
    if out.returncode != 0:
        raise SystemExit(f"stories failed ({out.returncode}): {out.stderr.strip()[-500:]}")
    return json.loads(out.stdout)


# --- scoring ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    articles: int

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def assignments(result: Mapping, items: list[Item]) -> dict[str, str]:  # type: ignore[type-arg]
    """Article dId -> story id, from the stories JSON (article URLs end in /<dId>.html)."""
    known = {it.did for it in items}
    out: dict[str, str] = {}
    for story in result["stories"]:
        for a in story["articles"]:
            did = a["url"].rsplit("/", 1)[-1].removesuffix(".html")
            if did in known:
                out[did] = story["id"]
    return out


def bcubed(
    story_of: Mapping[str, str], event_of: Mapping[str, str], split: str, half: str | None = None
) -> Score:
    """B-cubed over the stored articles, averaged over those of ``split``'s events (of ``half`` only, if given:
    the whole window still counts in each story's size and each event's)."""
    stories: dict[str, set[str]] = defaultdict(set)
    events: dict[str, set[str]] = defaultdict(set)
    for did, sid in story_of.items():
        stories[sid].add(did)
        events[event_of[did]].add(did)
    ps, rs = [], []
    for did, sid in story_of.items():
        if split_of(event_of[did]) != split or not in_half(event_of[did], half):
            continue
        same = stories[sid] & events[event_of[did]]
        ps.append(len(same) / len(stories[sid]))
        rs.append(len(same) / len(events[event_of[did]]))
    if not ps:
        return Score(0.0, 0.0, 0)
    return Score(sum(ps) / len(ps), sum(rs) / len(rs), len(ps))


def _refuse(split: str, half: str | None) -> None:
    if split != "tuning":
        raise ValueError("the held-out split's errors are not shown: it must stay unseen while tuning")
    if half not in (None, "A"):
        raise ValueError("half B's errors are not shown: it gives figures only (the overfitting check)")


def errors(
    result: Mapping,  # type: ignore[type-arg]
    items: list[Item],
    split: str = "tuning",
    half: str | None = None,
) -> list[str]:
    """The tuning split's mixed and split stories, for tuning (of ``half`` A only, if given). Refuses the
    held-out split and half B."""
    _refuse(split, half)
    by_id = {it.did: it for it in items}
    story_of = assignments(result, items)
    lines = []
    for story in result["stories"]:
        dids = [
            d
            for d in (a["url"].rsplit("/", 1)[-1].removesuffix(".html") for a in story["articles"])
            if d in by_id
        ]
        evs = Counter(by_id[d].event for d in dids)
        if len(evs) > 1 and any(not held_out(e) and in_half(e, half) for e in evs):
            hidden = sum(n for e, n in evs.items() if held_out(e))
            lines.append(
                f"MIXED {story['id']} ({len(dids)} articles, {hidden} of held-out events, not shown)"
            )
            lines += [
                f"    {by_id[d].event[:40]:40} {by_id[d].title[:70]!r}"
                for d in dids
                if not held_out(by_id[d].event) and in_half(by_id[d].event, half)
            ]
    for event in sorted({it.event for it in items if not held_out(it.event) and in_half(it.event, half)}):
        parts = Counter(story_of[it.did] for it in items if it.event == event and it.did in story_of)
        if len(parts) > 1:
            lines.append(
                f"SPLIT {event[:60]} into {len(parts)} stories: {sorted(parts.values(), reverse=True)}"
            )
            for it in items:
                if it.event == event and it.did in story_of:
                    lines.append(
                        f"    {story_of[it.did]} {it.published.date() if it.published else '-'} {it.title[:80]!r}"
                    )
    return lines


def evaluate(result: Mapping, items: list[Item], half: str | None = None) -> dict[str, Score]:  # type: ignore[type-arg]
    story_of = assignments(result, items)
    event_of = {it.did: it.event for it in items}
    return {split: bcubed(story_of, event_of, split, half) for split in SPLITS}


def report(scores: Mapping[str, Score], stored: int, total: int, half: str | None = None) -> str:
    lines = [f"stored {stored}/{total} articles"]
    for split, s in scores.items():
        name = f"{split} {half}" if half else split
        lines.append(
            f"{name:8} B-cubed precision {s.precision:.3f} recall {s.recall:.3f} F1 {s.f1:.3f} ({s.articles} articles)"
        )
    return "\n".join(lines)


CROWD_HOURS = 36.0  # --crowd: each mixed-in event moved to within this many hours of a tuning article
CROWD_BENCH = 1000  # --crowd: generated bench articles mixed in after the feed entries
CROWD_SEED = 3
CROWD_SEEDS = (3, 4, 5)  # --crowd: the figures are the mean over these draws of the dates


def _moved(
    groups: Mapping[str, list[tuple[int, datetime | None]]], dated: list[datetime], seed: int
) -> dict[int, datetime]:
    """Index -> new date: each group moved as a whole (its members' spacing kept) so that its first member
    is within CROWD_HOURS of a date of ``dated`` drawn at random (seeded); undated members get that date."""
    import random
    from datetime import timedelta

    rng = random.Random(seed)
    out: dict[int, datetime] = {}
    for key in sorted(groups):
        members = groups[key]
        anchor = rng.choice(dated) + timedelta(hours=rng.uniform(-CROWD_HOURS, CROWD_HOURS))
        times = [t for _, t in members if t is not None]
        first = min(times) if times else None
        for k, t in members:
            out[k] = anchor + (t - first) if t is not None and first is not None else anchor
    return out


def crowd_window(
    items: list[Item], bench: int = CROWD_BENCH, seed: int = CROWD_SEED
) -> tuple[list[Article], list[Article], list[Article], dict[str, str]]:
    """The ``--crowd`` window's parts: the news-clusters tuning articles (in process), the feeds' tuning
    entries moved to their days, ``bench`` generated articles moved so too; and the labelled dId -> event."""
    from claimcheck.models import Article
    from tests import stories_feeds

    tune = [it for it in items if not held_out(it.event)]
    keep = {it.did for it in tune}
    labelled = [
        a for a in stories_feeds.cluster_articles() if a.url.rsplit("/", 1)[-1].removesuffix(".html") in keep
    ]
    event_of = {it.did: it.event for it in tune}
    dated = sorted(a.published for a in labelled if a.published)
    entries = [e for e in stories_feeds.load() if not stories_feeds.held_out(e.event)]
    by_event: dict[str, list[tuple[int, datetime | None]]] = defaultdict(list)
    for k, e in enumerate(entries):
        by_event[e.event].append((k, e.published))
    when = _moved(by_event, dated, seed)
    feeds = [
        Article(e.feed, e.url, e.url, e.title, e.text, "", when[k], published=when[k])
        for k, e in enumerate(entries)
    ]
    made: list[Article] = []
    if bench:
        from bench.corpus import make_outlets
        from bench.stories import _realistic

        rows = list(_realistic(make_outlets(50), bench, 1))
        by_story: dict[str, list[tuple[int, datetime | None]]] = defaultdict(list)
        for k, (_, art, sid) in enumerate(rows):
            by_story[sid].append((k, art.published))
        moved = _moved(by_story, dated, seed + 1)
        made = [
            Article(art.outlet.id, url, url, art.title, art.text, "", moved[k], published=moved[k])
            for k, (url, art, _) in enumerate(rows)
        ]
    return labelled, feeds, made, event_of


def crowd(
    items: list[Item],
    bench: int = CROWD_BENCH,
    seed: int = CROWD_SEED,
    lines: list[str] | None = None,
    half: str | None = None,
) -> dict[str, Score]:
    """The tuning split's figures grouped in process alone, with the feeds' tuning entries of the same days
    mixed in, and with ``bench`` generated articles more (module docstring, ``--crowd``). Scored on the
    news-clusters tuning articles only; the held-out events of both sets are never in the window. ``lines``
    gets the errors of the window with the feed entries: labelled stories with other articles, split events.
    ``half``: scored (and listed: A only) on that half's events alone (the window is the same)."""
    if lines is not None:
        _refuse("tuning", half)
    from claimcheck.models import Outlet
    from claimcheck.stories import find_stories

    labelled, feeds, made, event_of = crowd_window(items, bench, seed)

    def score(window: list[Article]) -> Score:
        outlets = {a.outlet: Outlet(a.outlet, a.outlet) for a in window}
        stories = find_stories(window, outlets, None, wire_copies=False, describe=False)
        size = {s.id: len(s.articles) for s in stories}
        members: dict[str, Counter[str]] = defaultdict(Counter)
        story_of: dict[str, str] = {}
        for s in stories:
            for a in s.articles:
                did = a.url.rsplit("/", 1)[-1].removesuffix(".html")
                if a.url.startswith("http://clusters.test/") and did in event_of:
                    story_of[did] = s.id
                    members[s.id][event_of[did]] += 1
        events = Counter(event_of[d] for d in story_of)
        if lines is not None and len(window) > len(labelled) and len(window) < len(labelled) + len(feeds) + 1:
            for st in stories:
                if (
                    st.id in members
                    and any(in_half(ev, half) for ev in members[st.id])
                    and (len(members[st.id]) > 1 or sum(members[st.id].values()) < size[st.id])
                ):
                    lines.append(f"MIXED {st.id} ({size[st.id]} articles, {dict(members[st.id])})")
                    lines.extend(
                        f"    {a.outlet[:20]:20} {a.published.date() if a.published else '-'} {a.title[:80]!r}"
                        for a in st.articles
                    )
            for ev in sorted(e for e in events if in_half(e, half)):
                parts = Counter(sid for d, sid in story_of.items() if event_of[d] == ev)
                if len(parts) > 1:
                    lines.append(
                        f"SPLIT {ev[:60]} into {len(parts)} stories: {sorted(parts.values(), reverse=True)}"
                    )
        mine = {d: sid for d, sid in story_of.items() if in_half(event_of[d], half)}
        ps = [members[sid][event_of[d]] / size[sid] for d, sid in mine.items()]
        rs = [members[sid][event_of[d]] / events[event_of[d]] for d, sid in mine.items()]
        return Score(sum(ps) / len(ps), sum(rs) / len(rs), len(ps))

    return {
        "alone": score(labelled),
        f"+{len(feeds)} feed entries": score([*labelled, *feeds]),
        f"+{len(made)} bench": score([*labelled, *feeds, *made]),
    }


def crowd_mean(
    items: list[Item],
    seeds: Iterable[int] = CROWD_SEEDS,
    lines: list[str] | None = None,
    half: str | None = None,
) -> dict[str, tuple[Score, list[Score]]]:
    """:func:`crowd` for each seed: per window, the mean score over the seeds and each seed's (``lines``: the
    first seed's errors; ``half``: that half's events only)."""
    runs = [
        crowd(items, seed=seed, lines=lines if k == 0 else None, half=half) for k, seed in enumerate(seeds)
    ]
    out = {}
    for name in runs[0]:
        each = [r[name] for r in runs]
        p, r = (sum(getattr(x, m) for x in each) / len(each) for m in ("precision", "recall"))
        out[name] = (Score(p, r, each[0].articles), each)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.stories_eval", description=__doc__.split("\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list the tuning split's errors")
    ap.add_argument("--keep", type=Path, help="keep the database and sources.yaml in this directory")
    ap.add_argument("--reuse", type=Path, help="skip the fetch: run stories on DIR/eval.db from --keep")
    ap.add_argument(
        "--feeds", action="store_true", help="score the labelled real feed entries (stories_feeds)"
    )
    ap.add_argument(
        "--split",
        choices=("tune", "all"),
        default="all",
        help="tune: print the tuning rows only (while working)",
    )
    ap.add_argument(
        "--crowd", action="store_true", help="the tuning events among other news of their days (in process)"
    )
    ap.add_argument(
        "--half",
        choices=HALVES,
        help="score the tuning events of this half only (A: studied, -v allowed; B: figures only)",
    )
    args = ap.parse_args(argv)
    if args.verbose and args.half == "B":
        print("half B gives figures only: no error listing (-v) for it", file=sys.stderr)
        return 2
    if args.crowd:
        if not (available() and __import__("tests.stories_feeds").stories_feeds.available()):
            print(f"skipped: {CLUSTERS} or the feeds are absent")
            return 0
        lines: list[str] = []
        got = crowd_mean(load(), lines=lines if args.verbose else None, half=args.half)
        tag = f"tuning{args.half or ''}"
        for name, (sc, each) in got.items():
            print(
                f"crowd {name:22} {tag}  B-cubed precision {sc.precision:.3f} recall {sc.recall:.3f} "
                f"F1 {sc.f1:.3f} ({sc.articles} articles; P per seed {' '.join(f'{x.precision:.3f}' for x in each)})"
            )
        print("\n".join(lines))
        return 0
    if args.feeds:
        from tests import stories_feeds

        half = ["--half", args.half] if args.half else []
        return stories_feeds.main([*(["-v"] if args.verbose else []), "--split", args.split, *half])
    if not available():
        print(f"skipped: {CLUSTERS} is absent")
        return 0
    items = load()
    if args.reuse:
        result = stories_json(args.reuse / "eval.db", args.reuse / "sources.yaml")
    elif args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        result = run(args.keep, items)
    else:
        with tempfile.TemporaryDirectory(prefix="claimcheck-stories-eval-") as tmp:
            result = run(Path(tmp), items)
    keep = ("tuning",) if args.half else splits_of(args.split)
    scores = {s: v for s, v in evaluate(result, items, args.half).items() if s in keep}
    print(report(scores, len(assignments(result, items)), len(items), args.half))
    if args.verbose:
        print("\n".join(errors(result, items, half=args.half)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How sensitive `claimcheck stories` is to its parameters, on the TUNING events of news-clusters only.

Groups the articles that ``python -m tests.stories_eval --keep DIR`` fetched (in process, with
``claimcheck.stories.group``) once per value of each StoryOptions parameter, and scores B-cubed over the
tuning events only (held-out events' articles are in the window, as in the eval, but never scored). Two
views per parameter:

- the sweep: F1 (and precision) for each value over all tuning events, and the flat region (values within
  0.005 of the best F1): a default inside a wide flat region generalises, a sharp optimum does not;
- k-fold: the tuning events split into 4 folds by a hash of the event name; for each fold, the value with the
  best F1 on the other 3 folds, and how far the left-out fold's F1 moves from the default's with it.

    python -m tests.stories_eval --keep /tmp/storyeval     # fetch once (~20 s)
    python -m tests.stories_sweep /tmp/storyeval           # every parameter (~1 min)
    python -m tests.stories_sweep /tmp/storyeval link edge # some
    python -m tests.stories_sweep /tmp/storyeval --mix 5000 # tuning figures with 5,000 bench articles mixed in
    python -m tests.stories_sweep /tmp/storyeval --mix 0,1000,5000,20000 --real  # and real pages of other news
    python -m tests.stories_sweep /tmp/storyeval --stress  # recall margins: link raised until events split
    python -m tests.stories_sweep /tmp/storyeval --splits  # why tuning events split, in aggregate
    python -m tests.stories_sweep /tmp/storyeval --thin    # recall margins: words dropped until events split

``--mix N[,N...]`` adds N generated articles (bench/storycorpus.py, 50 outlets, unrelated words) to the window,
their dates spread evenly over the real articles' two years, and prints the tuning figures with the defaults
and without the headline link: a mixed-in article counts in the size of the story it lands in, so it lowers
precision when it joins a real story. ``--crowd`` dates every mixed-in article within 36 hours of one of
the 306 instead (other news of the stories' own days, as a window of fresh news holds). ``--real`` mixes in
real text of other news first: the 181 article pages of ../shared/realdata/extraction-benchmark (its hand-extracted bodies, titles from the pages) and the ~1,200
entries (title and summary) of the 26 feeds of ../shared/realdata/news-feeds-2026-02, each site its own outlet,
dates spread over the window too (read at run time, never copied).

``--foldout`` estimates how the grouping generalises to events not seen while tuning: the main thresholds
(``FOLDOUT``: link, title_link, half-life, cohesion) are chosen jointly on 3 folds of the tuning events and
scored on the 4th, for each fold; it prints the left-out folds' F1 with the chosen values next to the
defaults' (which were tuned on every fold, so theirs is an in-sample figure) and the values chosen.
``--set`` changes the base the grid is laid over (a rule switched on or off is judged by its fold-out F1).

``--thin`` and ``--stress`` also print each half's precision and recall (``stories_eval.half_of``).

``--stress`` prints the tuning figures, and F1 per fold, with ``link`` raised to 0.12, 0.14 and 0.17 (``title_link``
at 0.75 of it, as by default): at the defaults nearly every tuning event is one story, so a rule meant for
events not seen while tuning shows nothing there; with a stricter link more events split, and a rule that
raises the similarity of one event's parts more than that of two events' (a recall margin) rejoins them
without precision falling in any fold. ``--set NAME=VALUE`` tries an option under the same stresses.

``--thin`` prints the tuning figures with each article's words (title and first 400 words) kept with
probability 0.7 and 0.5 (two seeds each, their mean; ``--seeds N``: seeds 1 to N, as round 18's 8): events told in fewer shared words, as unseen events may
be; with ``--mix N`` (the first size only) and/or ``--real`` (and ``--crowd``), the words of the whole mixed
window are dropped so, the mixed-in articles' too. ``--stress`` makes every pair of articles less alike relative to the link, events and non-events alike;
``--thin`` takes away what one event's reports share, so parts of an event fall apart the same days as well
as weeks apart (an angle, a brief), and a rule that rejoins them without precision falling is a recall
margin of its own. ``--set NAME=VALUE`` tries an option.

``--splits`` counts, at the default link and the stress links, the parts of tuning events that end in a
story apart from their event's largest part, by kind (figures only, no text): how far in time the part
is from the nearest article of the main part (the same days, weeks, months or more), whether its text
is short (a brief), whether its headlines share no word with the main part's (the event named another
way), whether it is written in another language; and how many of them the story pass
(``story_link``) joins back.

``--refused`` counts, for the same parts at the default link, the stress links and the thinned windows, the
rule of the average linkage that refuses each part's join with the story holding its event's largest part
(the first that applies, in the linkage's order; figures only): never compared (no candidate pair:
blocking), a recurrence (``recur_days``), the average under ``link`` through time damping alone or through
the words, too few shared terms, the specific-terms rule, cohesion; none of them: judged before the story
held what it holds now (the linkage judges each pair once, strongest first). And how many of them the story
pass does not join because their cosine with that story is under ``story_link`` and not ``story_margin``
times their next best story's, or is so only before the pass's time damping (``story_days``).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from claimcheck.models import Article
from claimcheck.store import Store
from claimcheck.stories import StoryOptions, group
from tests import stories_eval

FOLDS = 4
FOLDOUT: dict[str, list[float]] = {  # --foldout: the grid the thresholds are chosen from on 3 folds
    "link": [0.09, 0.095, 0.10, 0.11, 0.12],
    "title_link": [0.0, 0.05, 0.075],
    "half_life_days": [180, 240, 400],
    "cohesion": [0.2, 0.25, 0.35],
}
STRESS = (0.12, 0.14, 0.17)  # --stress: link raised to these
THIN = (0.7, 0.5)  # --thin: the share of each article's words kept
THIN_SEEDS = (1, 2)  # --thin: each share drawn with these seeds (figures are their mean)
FLAT = 0.005  # F1 within this of the best: the flat region
GRID: dict[str, list[float]] = {
    "edge": [0.06, 0.08, 0.10, 0.12, 0.14, 0.16, 0.20],
    "link": [0.08, 0.09, 0.095, 0.10, 0.105, 0.11, 0.115, 0.12, 0.14],
    "cohesion": [0.0, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5],
    "half_life_days": [60, 120, 150, 180, 240, 300, 400, 800, 1e6],
    "same_days": [0, 1, 2, 4, 7, 14, 30],
    "specific": [0.0, 0.3, 0.4, 0.5, 0.6, 0.7],
    "specific_times": [1, 2, 3, 4, 6, 10],
    "specific_share": [0.03, 0.05, 0.1, 0.15, 0.2, 0.3],
    "title_weight": [1, 2, 3, 4, 5],
    "lead_words": [60, 75, 90, 100, 110, 120, 150, 200],
    "top_terms": [20, 30, 40, 60],
    "keys": [4, 6, 8, 10, 12, 16],
    "neighbours": [2, 3, 4, 6, 8],
    "one_outlet": [0.0, 0.25, 0.5, 1.0],
    "figure_half_life_days": [240, 1000, 1e6],
    "cohesion_min": [2, 3, 4, 5],
    "title_link": [0.0, 0.05, 0.06, 0.07, 0.075, 0.08, 0.09, 0.10],
    "title_key": [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0],
    "title_days": [7, 14, 30, 60, 90, 180, 1e6],
    "title_own": [0.0, 0.25, 0.5, 0.75, 1.0],
    "title_nearest": [0, 1],
    "cohesion_lone": [0.25, 0.3, 0.35, 0.4, 0.45, 0.5],
    "title_rare": [0, 2, 3, 4, 6, 10],
    "name_link": [0, 1],
    "name_case": [0.0, 0.5, 0.6, 0.8, 0.9, 1.0],
    "idf_window": [0, 250, 300, 400, 500, 700, 1000, 2000],
    "idf_floor": [0.0, 0.25, 0.5, 1.0],
    "story_link": [0.0, 0.12, 0.15, 0.18, 0.2, 0.22, 0.25, 0.3],
    "story_days": [7, 14, 30, 60, 120, 1e6],
    "story_terms": [40, 80, 120, 200, 400],
    "story_clear": [0.08, 0.1, 0.12, 0.15, 0.2],
    "story_margin": [0.0, 2.0, 2.5, 3.0, 4.0],
    "story_near": [0.0, 0.03, 0.06, 0.12],
}


def fold_of(event: str) -> int:
    return int(hashlib.sha1(("fold:" + event).encode()).hexdigest(), 16) % FOLDS


def bcubed(story: Sequence[int], event: Sequence[str], scored: set[str]) -> tuple[float, float, float]:
    """B-cubed (precision, recall, F1) over the articles whose event is in ``scored``."""
    stories: dict[int, set[int]] = defaultdict(set)
    events: dict[str, set[int]] = defaultdict(set)
    for i, (s, e) in enumerate(zip(story, event, strict=True)):
        stories[s].add(i)
        events[e].add(i)
    ps, rs = [], []
    for s, e in zip(story, event, strict=True):
        if e in scored:
            same = len(stories[s] & events[e])
            ps.append(same / len(stories[s]))
            rs.append(same / len(events[e]))
    if not ps:
        return 0.0, 0.0, 0.0
    p, r = sum(ps) / len(ps), sum(rs) / len(rs)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def flat_region(values: Sequence[float], f1s: Sequence[float]) -> list[float]:
    best = max(f1s)
    return [v for v, f in zip(values, f1s, strict=True) if f >= best - FLAT]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.stories_sweep", description=__doc__.split("\n")[0])
    ap.add_argument("kept", type=Path, help="the directory of `python -m tests.stories_eval --keep DIR`")
    ap.add_argument("params", nargs="*", help=f"parameters to sweep (default: all of {', '.join(GRID)})")
    ap.add_argument("--mix", default="", help="add this many bench articles (N or N,N,...); figures only")
    ap.add_argument("--real", action="store_true", help="with --mix: also mix in real pages and feed entries")
    ap.add_argument(
        "--crowd",
        action="store_true",
        help="with --mix: mixed-in articles dated within 36 h of the real ones",
    )
    ap.add_argument(
        "--set", action="append", default=[], help="with --mix or --stress: NAME=VALUE, an option"
    )
    ap.add_argument("--stress", action="store_true", help="tuning figures with link raised (recall margins)")
    ap.add_argument("--foldout", action="store_true", help="thresholds chosen on 3 folds, scored on the 4th")
    ap.add_argument("--splits", action="store_true", help="why tuning events split, by kind (figures only)")
    ap.add_argument("--thin", action="store_true", help="tuning figures with words dropped (recall margins)")
    ap.add_argument("--refused", action="store_true", help="which rule keeps parts of tuning events apart")
    ap.add_argument(
        "--seeds", type=int, default=0, help="with --thin: draw each share with seeds 1..N (default 1, 2)"
    )
    args = ap.parse_args(argv)
    unknown = [p for p in args.params if p not in GRID]
    if unknown or not (args.kept / "eval.db").is_file():
        print(f"unknown parameter {unknown}" if unknown else f"no eval.db in {args.kept}", file=sys.stderr)
        return 2
    event_of = {it.did: it.event for it in stories_eval.load()}
    with Store.open(args.kept / "eval.db", create=False, read_only=True, verify=False) as store:
        articles = store.window_articles()
    event = [event_of[a.url.rsplit("/", 1)[-1].removesuffix(".html")] for a in articles]
    tuning = {e for e in event if not stories_eval.held_out(e)}
    folds = [{e for e in tuning if fold_of(e) == k} for k in range(FOLDS)]
    base = StoryOptions()
    base = replace(base, **{k: type(getattr(base, k))(float(v)) for k, v in (a.split("=") for a in args.set)})
    if (
        args.foldout and args.real
    ):  # thresholds chosen and scored with real news of other events in the window
        extra = mix_in(articles, other_news(), 0)
        articles, event = [*articles, *extra], [*event, *(f"mixed/{k}" for k in range(len(extra)))]
    elif args.thin and (args.mix or args.real):  # words dropped from a window with other news mixed in
        n = int(args.mix.split(",")[0]) if args.mix else 0
        extra = mix_in(articles, other_news() if args.real else [], n, crowd=args.crowd)
        articles, event = [*articles, *extra], [*event, *(f"mixed/{k}" for k in range(len(extra)))]
    elif args.mix or args.real:
        sizes = [int(x) for x in args.mix.split(",")] if args.mix else [0]
        return mixed(articles, event, tuning, sizes, real=args.real, base=base, crowd=args.crowd)

    def stories_of(options: StoryOptions | list[Article]) -> list[int]:
        arts, options = (articles, options) if isinstance(options, StoryOptions) else (options, base)
        out = [0] * len(arts)
        for k, members in enumerate(group(arts, options)):
            for i in members:
                out[i] = k
        return out

    if args.foldout:
        return foldout(stories_of, event, folds, base)
    if args.splits:
        return splits(articles, stories_of, event, tuning, base)
    if args.refused:
        return refused(articles, event, tuning, base)
    halves = [{e for e in tuning if stories_eval.half_of(e) == h} for h in stories_eval.HALVES]
    if args.thin:
        seeds = tuple(range(1, args.seeds + 1)) if args.seeds > 0 else THIN_SEEDS
        for keep in THIN:
            stories = [stories_of(thinned(articles, keep, seed)) for seed in seeds]
            p, r, f = _mean([bcubed(story, event, tuning) for story in stories])
            by_half = [_mean([bcubed(story, event, h) for story in stories]) for h in halves]
            print(
                f"words kept {keep:g}: tuning P {p:.3f} R {r:.3f} F1 {f:.3f} (mean of seeds {seeds}); "
                + _halves(by_half)
            )
        return 0
    if args.stress:
        for link in (base.link, *STRESS):
            options = replace(base, link=link, title_link=base.title_link * link / base.link)
            story = stories_of(options)
            p, r, f = bcubed(story, event, tuning)
            per_fold = " ".join(f"{bcubed(story, event, fold)[2]:.3f}" for fold in folds)
            by_half = [bcubed(story, event, h) for h in halves]
            print(f"link {link:g}: tuning P {p:.3f} R {r:.3f} F1 {f:.3f}; F1 per fold {per_fold}; {_halves(by_half)}")
        return 0
    print(f"{len(tuning)} tuning events in {FOLDS} folds of {[len(f) for f in folds]} events; F1/precision")
    for name in args.params or list(GRID):
        default = getattr(base, name)
        values = [type(default)(v) for v in GRID[name]]
        runs = [stories_of(replace(base, **{name: v})) for v in values]
        whole = [bcubed(r, event, tuning) for r in runs]
        per_fold = [[bcubed(r, event, f)[2] for r in runs] for f in folds]
        rest = [[bcubed(r, event, tuning - f)[2] for r in runs] for f in folds]
        at = values.index(default) if default in values else None
        # the value best on the other folds (the first of equals), per fold
        chosen = [max(range(len(values)), key=lambda k: (fr[k], -k)) for fr in rest]
        moves = [per_fold[k][c] - per_fold[k][at] if at is not None else 0.0 for k, c in enumerate(chosen)]
        print(
            f"{name} (default {default:g}): "
            + " ".join(f"{v:g}:{w[2]:.3f}/{w[0]:.3f}" for v, w in zip(values, whole, strict=True))
        )
        print(
            f"    flat {[f'{v:g}' for v in flat_region(values, [w[2] for w in whole])]}; k-fold chosen "
            f"{[f'{values[c]:g}' for c in chosen]}, left-out fold F1 vs default {[f'{m:+.3f}' for m in moves]}"
        )
    return 0


def _mean(runs: Sequence[tuple[float, float, float]]) -> tuple[float, float, float]:
    """The mean of (precision, recall, F1) over runs (seeds)."""
    p, r, f = (sum(x[k] for x in runs) / len(runs) for k in range(3))
    return p, r, f


def _halves(by_half: Sequence[tuple[float, float, float]]) -> str:
    """Precision and recall of each half of the tuning events (stories_eval.half_of): A is studied, B gives
    figures only; a recall margin that holds on B as well as on A is no fit to A's events."""
    return " ".join(f"half {h} P {x[0]:.3f} R {x[1]:.3f}" for h, x in zip(stories_eval.HALVES, by_half, strict=True))


def foldout(stories_of: Callable[[StoryOptions], list[int]], event: list[str], folds: list[set[str]],
            base: StoryOptions) -> int:  # fmt: skip
    """For each fold, the FOLDOUT values best on the other folds (F1; the first of equals in grid order),
    and the left-out fold's F1 with them: the mean is the fold-out estimate of F1 on unseen events."""
    import itertools

    names = list(FOLDOUT)
    grid = [dict(zip(names, values, strict=True)) for values in itertools.product(*FOLDOUT.values())]
    runs = [stories_of(replace(base, **{k: type(getattr(base, k))(v) for k, v in g.items()})) for g in grid]
    everything = set().union(*folds)
    own = stories_of(base)
    held, chosen = [], []
    for fold in folds:
        rest = [bcubed(r, event, everything - fold)[2] for r in runs]
        best = max(range(len(grid)), key=lambda k: (rest[k], -k))
        chosen.append(grid[best])
        held.append(bcubed(runs[best], event, fold))
    default = [bcubed(own, event, fold) for fold in folds]
    mean = lambda xs: sum(xs) / len(xs)  # noqa: E731
    print(f"fold-out ({len(grid)} settings of {', '.join(names)} chosen on 3 folds, scored on the 4th):")
    print("    left-out F1 " + " ".join(f"{h[2]:.3f}" for h in held) + f", mean {mean([h[2] for h in held]):.3f}"
          f" (P {mean([h[0] for h in held]):.3f} R {mean([h[1] for h in held]):.3f})")  # fmt: skip
    print("    defaults F1 " + " ".join(f"{d[2]:.3f}" for d in default) + f", mean {mean([d[2] for d in default]):.3f}"
          f" (P {mean([d[0] for d in default]):.3f} R {mean([d[1] for d in default]):.3f}; tuned on every fold)")  # fmt: skip
    for k, g in enumerate(chosen):
        print(f"    fold {k} chosen: " + ", ".join(f"{n} {v:g}" for n, v in g.items()))
    return 0


def thinned(articles: list[Article], keep: float, seed: int) -> list[Article]:
    """The articles with each word of their titles and first 400 words kept with probability ``keep`` (seeded
    per article; a title keeps at least its first word): events told in fewer shared words, a proxy for
    unseen events whose reports share less wording than the tuning events' do."""
    import random

    out = []
    for k, a in enumerate(articles):
        rng = random.Random(seed * 100003 + k)
        title = [w for w in a.title.split() if rng.random() < keep] or a.title.split()[:1]
        text = [w for w in a.text.split()[:400] if rng.random() < keep]
        out.append(replace(a, title=" ".join(title), text=" ".join(text)))
    return out


def refused(articles: list[Article], event: list[str], tuning: set[str], base: StoryOptions) -> int:
    """Per window (the default link, the stress links, the thinned articles), the parts of tuning events
    apart from their event's largest part, counted by the linkage rule that refuses their join with the story
    holding that part, and by whether the story pass finds them clearly about it (figures only)."""
    windows: list[tuple[str, list[Article], StoryOptions]] = [
        (f"link {link:g}", articles, replace(base, link=link, title_link=base.title_link * link / base.link))
        for link in (base.link, *STRESS)
    ]
    windows += [
        (f"words kept {keep:g} (seed {seed})", thinned(articles, keep, seed), base)
        for keep in THIN
        for seed in THIN_SEEDS
    ]
    for name, arts, options in windows:
        details: list[tuple[str, str, float]] = []
        counts = _refusals(arts, event, tuning, options, details)
        events: dict[str, set[str]] = defaultdict(set)
        for e, why, _ in details:
            events[why].add(e)
        print(f"{name}: " + ", ".join(f"{k} {v} ({len(events[k])} events)" for k, v in counts.most_common()))
        same = Counter(why for _, why, days in details if days <= options.same_days)
        if same:
            print("    of them the same days: " + ", ".join(f"{k} {v}" for k, v in same.most_common()))
    return 0


def _refusals(
    arts: list[Article],
    event: list[str],
    tuning: set[str],
    options: StoryOptions,
    details: list[tuple[str, str, float]] | None = None,
) -> Counter[str]:
    """The counts by rule (and by the story pass's verdict); ``details`` (a list) gets each (event, rule or
    verdict, days between the part's and the story's nearest articles)."""
    import numpy as np

    from claimcheck.stories import index_articles
    from claimcheck.stories.linkage import _median
    from claimcheck.stories.links import _cohesive, _Recurrences
    from claimcheck.stories.records import Window
    from claimcheck.stories.scoring import (
        _candidates,
        _damp,
        _scores,
        _specific,
        _specific_cap,
        _timestamps,
        _vectors,
    )
    from claimcheck.stories.storypass import _second_best, _summed_vectors

    n = len(arts)
    ix = index_articles(arts, options)
    vec = _vectors(ix, options)
    times = _timestamps(Window.of(arts).rows)
    candidates = {tuple(p) for p in _candidates(vec, times, options).tolist()}
    groups = group(arts, options, ix)
    sid = np.empty(n, dtype=np.int64)
    for k, m in enumerate(groups):
        sid[m] = k
    recur = _Recurrences(ix)
    summed, _, _ = _summed_vectors(sid, np.arange(len(groups)), len(groups), vec, options.story_terms)

    def dense(members: list[int]) -> dict[int, float]:
        out: dict[int, float] = defaultdict(float)
        for i in members:
            for t, w in zip(vec.terms[i].tolist(), vec.weights[i].tolist(), strict=True):
                if t >= 0:
                    out[t] += w
        return out

    def inner(members: list[int]) -> float:
        rows = [dense([i]) for i in members]
        return sum(
            sum(w * y.get(t, 0.0) for t, w in x.items()) for k, x in enumerate(rows) for y in rows[k + 1 :]
        )

    counts: Counter[str] = Counter()
    for e in sorted(tuning):
        parts: dict[int, list[int]] = defaultdict(list)
        for i, ev in enumerate(event):
            if ev == e:
                parts[int(sid[i])].append(i)
        if len(parts) < 2:
            continue
        main = max(parts, key=lambda k: (len(parts[k]), -k))
        for k in parts:
            if k == main:
                continue
            a, b = groups[k], groups[main]
            da, db = dense(a), dense(b)
            shared = [t for t in da if t in db]
            dot = sum(da[t] * db[t] for t in shared)
            avg = dot / (len(a) * len(b))
            ta = sorted(x for x in times[a].tolist() if x == x)
            tb = sorted(x for x in times[b].tolist() if x == x)
            gap = abs(_median(ta) - _median(tb)) if ta and tb else 0.0
            fig = bool(ix.figure[shared].any()) if shared else False
            damped = avg * _damp(gap, fig, options) if gap > options.same_days * 86400.0 else avg
            prod = np.array([da[t] * db[t] for t in shared])
            cap = _specific_cap(len(a) + len(b), n, options)
            rules = [
                ("never compared", not any((min(i, j), max(i, j)) in candidates for i in a for j in b)),
                (
                    "recurrence",
                    bool(options.recur_days)
                    and gap >= options.recur_days * 86400.0
                    and recur(a, b, np.array(shared, dtype=np.int64)),
                ),
                ("under link: time", damped < options.link <= avg),
                ("under link: words", avg < options.link),
                ("shared terms", len(shared) < options.min_shared),
                (
                    "specific",
                    bool(options.specific)
                    and avg < options.duplicate
                    and not _specific(prod, np.array(shared, dtype=np.int64), dot, ix.df, cap, options),
                ),
                ("cohesion", not _cohesive(avg, (inner(a), len(a)), (inner(b), len(b)), options)),
            ]
            why = next((why for why, hit in rules if hit), "judged before the story formed")
            counts[why] += 1
            # the story pass: its cosine with that story, and with the next best story linked to it
            others = np.array([x for x in range(len(groups)) if x != k])
            cos, _ = _scores(summed, np.stack((np.full(len(others), k), others), axis=1))
            second = _second_best(np.stack((np.full(len(others), k), others), axis=1), cos, len(groups))[k]
            at = float(cos[others == main][0])
            near = min((abs(x - y) for x in ta for y in tb), default=0.0) / 86400.0
            damped_at = at * 0.5 ** (max(near - options.same_days, 0.0) / options.story_days)
            verdict = ""
            if at < options.story_link and (at < options.story_clear or at < options.story_margin * second):
                verdict = "(pass: not clearly about it)"
            elif damped_at < options.story_link and (
                damped_at < options.story_clear or damped_at < options.story_margin * second
            ):
                verdict = "(pass: clearly about it before time damping)"
            if verdict:
                counts[verdict] += 1
            if details is not None:
                details += [(e, w, near) for w in (why, verdict) if w]
    return counts


SHORT = 1000  # --splits: a text shorter than this (characters) is a brief


def splits(articles: list[Article], stories_of: Callable[[StoryOptions], list[int]], event: list[str],
           tuning: set[str], base: StoryOptions) -> int:  # fmt: skip
    """The parts of tuning events apart from their event's largest part, counted by kind, with the story
    pass off, and how many of them it joins back (figures only: no title or text is printed)."""
    from claimcheck.claims.language import is_english, text_language
    from claimcheck.stories import index_articles

    ix = index_articles(articles, base)
    title_terms = [set(ix.term[ix.rows(i)][ix.in_title[ix.rows(i)]].tolist()) for i in range(len(articles))]
    times = [a.published.timestamp() if a.published else None for a in articles]
    print(
        "parts of tuning events apart from their event's largest part (story pass off -> joined back by it)"
    )
    for link in (base.link, *STRESS):
        options = replace(base, link=link, title_link=base.title_link * link / base.link)
        off, on = stories_of(replace(options, story_link=0.0)), stories_of(options)
        kinds: Counter[str] = Counter()
        back: Counter[str] = Counter()
        for e in sorted(tuning):
            parts: dict[int, list[int]] = defaultdict(list)
            for i, (s, ev) in enumerate(zip(off, event, strict=True)):
                if ev == e:
                    parts[s].append(i)
            main, *rest = sorted(parts.values(), key=lambda m: (-len(m), m[0]))
            for part in rest:
                gaps = [abs(times[i] - times[j]) / 86400 for i in part for j in main if times[i] and times[j]]
                near = min(gaps, default=0.0)
                found = [
                    "same days" if near <= base.same_days else "weeks" if near <= 60 else "months or more"
                ]
                if all(len(articles[i].text) < SHORT for i in part):
                    found.append("brief")
                if not set().union(*(title_terms[i] for i in part)) & set().union(
                    *(title_terms[j] for j in main)
                ):
                    found.append("no headline word shared")
                if not any(is_english(text_language(articles[i].text)) for i in part):
                    found.append("other language")
                joined = all(on[i] == on[main[0]] for i in part)
                for k in ["all", *found]:
                    kinds[k] += 1
                    back[k] += joined
        print(
            f"link {link:g}: "
            + ", ".join(f"{k} {kinds[k]} -> {back[k]}" for k in sorted(kinds, key=lambda k: -kinds[k]))
        )
    return 0


def mixed(
    articles: list[Article],
    event: list[str],
    tuning: set[str],
    sizes: Sequence[int],
    *,
    real: bool,
    base: StoryOptions | None = None,
    crowd: bool = False,
) -> int:
    """Tuning figures with generated articles (and real ones of other news) in the window, each its own event,
    never scored; their dates spread evenly over the real articles' span (``crowd``: near the real ones')."""
    others = other_news() if real else []
    for n in sizes:
        extra = mix_in(articles, others, n, crowd=crowd)
        base = base or StoryOptions()
        for name, options in (("defaults", base), ("no headline link", replace(base, title_link=0.0))):
            story = [0] * (len(articles) + len(extra))
            for k, members in enumerate(group([*articles, *extra], options)):
                for i in members:
                    story[i] = k
            p, r, f = bcubed(story, [*event, *(f"mixed/{k}" for k in range(len(extra)))], tuning)
            print(
                f"{n:,} bench + {len(others):,} real articles mixed in, {name}: "
                f"tuning P {p:.3f} R {r:.3f} F1 {f:.3f}"
            )
    return 0


def mix_in(
    articles: list[Article], others: list[tuple[str, str, str, str]], n: int, *, crowd: bool = False
) -> list[Article]:
    """``others`` (real news) and ``n`` generated bench articles as articles, their dates spread evenly over
    the real articles' span, or (``crowd``) each within 36 hours of one of the real articles (drawn at
    random, seeded): other news of the stories' own days."""
    import random

    rng = random.Random(3)
    from bench.corpus import make_outlets
    from bench.stories import _realistic

    dated = sorted(a.published for a in articles if a.published)
    start, span = dated[0], dated[-1] - dated[0]
    made = (
        [(a.outlet.id, url, a.title, a.text) for url, a, _ in _realistic(make_outlets(50), n, 1)] if n else []
    )
    extra = []
    for k, (outlet, url, title, text) in enumerate([*others, *made]):
        when = start + span * ((k * 0.6180339887) % 1.0)
        if crowd:
            when = rng.choice(dated) + timedelta(hours=rng.uniform(-36.0, 36.0))
        extra.append(Article(outlet, url, url, title, text, "", when, published=when))
    return extra


REALDATA = Path(__file__).resolve().parents[2] / "shared" / "realdata"


def other_news() -> list[tuple[str, str, str, str]]:
    """(outlet, url, title, text) of real news that is none of the news-clusters events: the extraction
    benchmark's pages (body as extracted by hand, title from the page) and the feeds' entries."""
    import gzip
    import html
    import json
    import re

    import feedparser

    out = []
    bench = REALDATA / "extraction-benchmark"
    if (bench / "ground-truth.json").is_file():
        truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
        for key, item in sorted(truth.items()):
            page = bench / "html" / f"{key}.html.gz"
            raw = gzip.decompress(page.read_bytes()).decode("utf-8", "replace") if page.is_file() else ""
            m = re.search(r"<title[^>]*>(.*?)</title>", raw, re.S | re.I)
            title = html.unescape(re.sub(r"\s+", " ", m.group(1))).strip() if m else ""
            site = re.sub(r"^https?://(www\.)?", "", item["url"]).split("/")[0]
            out.append((f"eb-{site}", f"http://mix.test/eb/{key}.html", title, item.get("articleBody") or ""))
    feeds = REALDATA / "news-feeds-2026-02"
    for path in sorted(feeds.glob("*.xml")) if feeds.is_dir() else []:
        parsed = feedparser.parse(path.read_bytes())
        for k, e in enumerate(parsed.entries):
            summary = re.sub(r"<[^>]+>", " ", e.get("summary", ""))
            out.append((f"feed-{path.stem}", f"http://mix.test/feed/{path.stem}/{k}", e.get("title", ""),
                        html.unescape(summary)))  # fmt: skip
    return out


if __name__ == "__main__":
    sys.exit(main())

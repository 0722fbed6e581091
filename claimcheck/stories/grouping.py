"""The grouping: index, candidate pairs, average linkage, then the story pass (``group``)."""

from __future__ import annotations

import numpy as np

from claimcheck.collector import paused_gc
from claimcheck.stories.index import _Index, index_articles
from claimcheck.stories.linkage import _average_linkage, _split_short
from claimcheck.stories.links import _Headlines, _NameParts, _Places, _Recurrences
from claimcheck.stories.records import Articles, StoryOptions, Window
from claimcheck.stories.scoring import _candidates, _damping, _scores, _timestamps, _vectors
from claimcheck.stories.storypass import _join_stories


def group(
    articles: Articles,
    options: StoryOptions | None = None,
    ix: _Index | None = None,
    joined: list[tuple[list[int], list[int], str]] | None = None,
) -> list[list[int]]:
    """Partition article indexes into stories (every article in exactly one); deterministic. ``joined`` (a
    list: tooling) gets each merge's two groups (their articles) and the rule that made it."""
    options = options or StoryOptions()
    window = Window.of(articles)
    if len(window) == 0:
        return []
    ix = ix or index_articles(window, options)
    # the linkage and the story pass make hundreds of thousands of small tuples, lists and dicts and no
    # reference cycles: each collection the collector ran among them walked every object the process holds
    # (the window's columns, the index's spellings): ~10% of the grouping's CPU at 50,000 articles
    with paused_gc():
        return _group(window, options, ix, joined)


def _group(
    window: Window, options: StoryOptions, ix: _Index, joined: list[tuple[list[int], list[int], str]] | None
) -> list[list[int]]:
    n = len(window)
    vec = _vectors(ix, options)
    times = _timestamps(window.rows)
    pairs = _candidates(vec, times, options)
    cos, figure = _scores(vec, pairs, figure=ix.figure)
    # the story pass's pairs: those alike before damping (it times the pairs itself)
    # (int32 as every candidate pair: at 50,000 articles they are most of them, held through the linkage)
    near = pairs[cos >= options.story_near] if options.story_link > 0 else pairs[:0]
    # damping is at most 1, so only a pair at least ``edge`` alike before it can be after it: the damped
    # similarities of those alone (a cosine whose float64 product reaches edge passes the float32 test too),
    # the same floats as for all pairs, with a fraction of the temporaries (memory)
    keep = np.flatnonzero(cos >= options.edge)
    pairs, cos, figure = pairs[keep], cos[keep], figure[keep]
    sims = cos * _damping(times[pairs[:, 0]] - times[pairs[:, 1]], figure, options)
    del cos, figure  # memory: a 50,000-article window has a million candidate pairs
    keep = np.flatnonzero(sims >= options.edge)
    pairs, sims = pairs[keep], sims[keep]
    pairs = pairs[np.lexsort((pairs[:, 1], pairs[:, 0], -sims))]
    del sims, keep
    heads = _Headlines(ix, options.name_link) if options.title_link else None
    recur = _Recurrences(ix) if options.recur_days else None
    length = np.diff(ix.indptr).tolist() if options.one_term else None  # each article's distinct terms
    parts = _NameParts(ix, options) if options.one_term and options.one_name else None
    outlet = _outlets(window) if options.outlet_term else None
    groups = _average_linkage(
        vec, times, pairs, options, n, ix.df, ix.figure, heads, recur, length, joined, parts,
        _Places(ix, options) if options.places else None, outlet,
    )
    del pairs, heads, recur
    if len(near) and len(groups) > 1:
        first = _join_stories(groups, vec, times, near, options, ix, joined, outlet)
        # once more, for the stories that took one in: a follow-up that joined a story a year on brings the
        # story's time next to the pieces of its own days, which the first pass damped as a year away
        if options.story_again and len(first) < len(groups):
            near = _touching_grown(groups, first, near, n)
            if len(near):
                first = _join_stories(first, vec, times, near, options, ix, joined, outlet)
        groups = first
    return _split_short(groups, vec, times, ix, options)


def _outlets(window: Window) -> list[int]:
    """Each article's outlet as a number (the window's outlets in order of first appearance)."""
    ids = {o: k for k, o in enumerate(dict.fromkeys(window.rows.outlets))}
    return [ids[o] for o in window.rows.outlets]


def _touching_grown(before: list[list[int]], after: list[list[int]], pairs: np.ndarray, n: int) -> np.ndarray:
    """The article pairs of the stories in ``after`` that are linked to a story that grew from ``before``
    (took another in), and every other pair of those stories (the margin is measured against them all)."""
    was = np.empty(n, dtype=np.int64)
    for k, m in enumerate(before):
        was[m] = k
    now = np.empty(n, dtype=np.int64)
    grew = np.zeros(len(after), dtype=bool)
    for k, m in enumerate(after):
        now[m] = k
        grew[k] = len(m) > 1 and bool((was[m] != was[m[0]]).any())
    a, b = now[pairs[:, 0]], now[pairs[:, 1]]
    near_grown = grew[a] | grew[b]
    involved = np.zeros(len(after), dtype=bool)
    involved[a[near_grown]] = True
    involved[b[near_grown]] = True
    return pairs[involved[a] | involved[b]]

"""References the faster code of claimcheck/stories/ must agree with; not used by the app:

- the average-linkage loop as it was with a dict of summed weights per group (before its groups' vectors
  became numpy arrays), group for group (tests/test_stories_linkage.py);
- ``describe_story``, one story's label, terms and topic as they were worked out before
  ``describe_stories`` did many stories at once (tests/test_stories.py).
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Mapping
from dataclasses import replace

import numpy as np

from claimcheck.models import Story
from claimcheck.stories import (
    StoryOptions,
    _cohesive,
    _damp,
    _Headlines,
    _Index,
    _median,
    _near_link,
    _pair_lists,
    _specific_cap,
    _Vectors,
)
from claimcheck.stories.labels import suggested_topic
from claimcheck.stories.links import _distinct, _NameParts, _Places, _Recurrences


def heaviest(shared: list[tuple[int, float]], parts: _NameParts | None) -> float:
    """The one-term rule's heaviest shared term (with the other word of its name, ``parts``)."""
    if not shared:
        return 0.0
    if parts is None:
        return max(x for _, x in shared)
    return parts.heaviest(np.array([t for t, _ in shared], dtype=np.int64), np.array([x for _, x in shared]))


def average_linkage(
    vec: _Vectors,
    times: np.ndarray,
    pairs: np.ndarray,
    options: StoryOptions,
    n: int,
    df: list[int],
    figures: set[int],
    heads: _Headlines | None = None,
    recur: _Recurrences | None = None,
    length: list[int] | None = None,
    parts: _NameParts | None = None,
    places: _Places | None = None,
    outlet: list[int] | None = None,
) -> list[list[int]]:
    parent = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    sums: dict[int, dict[int, float]] = {}
    when: dict[int, list[float]] = {}  # per group: its articles' known times, sorted
    inner: dict[int, float] = {}  # per group: the sum of its articles' pairwise similarities (undamped)

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def vector(g: int) -> dict[int, float]:
        # a lone article's vector is made when needed and not kept: 50,000 small dicts take ~150 MB
        v = sums.get(g)
        if v is None:
            row = vec.terms[g]
            k = int((row < 0).sum())
            v = dict(zip(row[k:].tolist(), vec.weights[g, k:].tolist(), strict=True))
        return v

    def times_of(g: int) -> list[float]:
        got = when.get(g)
        if got is None:
            t = times[g]
            got = [] if math.isnan(t) else [float(t)]
        return got

    def linked(
        avg: float, gap: float, a: int, b: int, near: tuple[float, list[float], list[float], bool]
    ) -> bool:
        # similar enough on average, or nearly and their headlines name the same thing (or do, timed from
        # their nearest articles)
        return avg >= options.link or _near_link(
            avg, gap, (a, members[a]), (b, members[b]), near, heads, options
        )

    refused: set[tuple[int, int, int, int]] = set()  # group pairs already judged, at their sizes then
    for i, j in _pair_lists(pairs):
        a, b = find(i), find(j)
        if a == b:
            continue
        if a > b:
            a, b = b, a
        seen = (a, len(members[a]), b, len(members[b]))
        if seen in refused:
            continue
        va, vb = vector(a), vector(b)
        small, large = (va, vb) if len(va) <= len(vb) else (vb, va)
        shared = [(t, w * large[t]) for t, w in small.items() if t in large]
        dot = sum(x for _, x in shared)
        avg = dot / (len(members[a]) * len(members[b]))
        wa, wb = times_of(a), times_of(b)
        gap = abs(_median(wa) - _median(wb)) if wa and wb else 0.0
        fig = False
        if gap > options.same_days * 86400.0:  # a shared precise figure: the same fact, no damping
            fig = any(t in figures for t, _ in shared)
            avg *= _damp(gap, fig, options)
        na, nb = len(members[a]), len(members[b])
        if (
            (
                recur is not None
                and options.recur_days
                and gap >= options.recur_days * 86400.0
                and recur(members[a], members[b], np.array([t for t, _ in shared], dtype=np.int64))
            )
            or not linked(avg, gap, a, b, (dot / (na * nb), wa, wb, fig))
            or (
                options.specific
                and dot / (na * nb) < options.duplicate
                and not specific(shared, dot, df, na + nb, n, options)
            )
            or not _cohesive(dot / (na * nb), (inner.get(a, 0.0), na), (inner.get(b, 0.0), nb), options)
            or len(shared) < options.min_shared
            or (  # the two words of one name are one shared thing ("Hong Kong")
                options.name_once
                and len(shared) == options.min_shared
                and parts is not None
                and len(parts.heaviest_terms(np.array([t for t, _ in shared]), np.array([x for _, x in shared]))) > 1
            )
            or (
                options.distinct
                and min(na, nb) >= options.distinct_min
                and length is not None
                and any(sum(length[i] for i in members[g]) < options.short_terms * len(members[g]) for g in (a, b))
                and _distinct(members[a], members[b], heads, options)
            )
            or (
                na == nb == 1
                and avg >= options.link
                and length is not None
                and (
                    not _longer(min(length[a], length[b]), len(shared), options)
                    or (options.long_one and gap > options.same_days * 86400.0)
                )
                and dot - heaviest(shared, parts)
                < (
                    options.one_few_term
                    if len(shared) <= options.one_few and not _longer(min(length[a], length[b]), len(shared), options)
                    else options.one_term
                )
                * options.link
            )
            or (
                places is not None
                and gap <= options.place_days * 86400.0
                and places.apart((a, members[a]), (b, members[b]))
            )
            or (
                outlet is not None
                and gap > options.outlet_days * 86400.0
                and len({outlet[i] for i in members[a] + members[b]}) == 1
                and (dot - heaviest(shared, parts)) / (na * nb) < options.outlet_term * options.link
            )
        ):
            refused.add(seen)
            continue
        keep, gone = (a, b) if len(members[a]) >= len(members[b]) else (b, a)
        inner[keep] = inner.get(a, 0.0) + inner.get(b, 0.0) + dot
        inner.pop(gone, None)
        parent[gone] = keep
        members[keep].extend(members.pop(gone))
        (target, kept), (source, moved) = ((va, wa), (vb, wb)) if keep == a else ((vb, wb), (va, wa))
        sums[keep], when[keep] = target, kept
        sums.pop(gone, None)
        when.pop(gone, None)
        for t, w in source.items():
            target[t] = target.get(t, 0.0) + w
        for moment in moved:  # the smaller group's times into the larger's, kept sorted
            bisect.insort(kept, moment)
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])


def specific(
    shared: list[tuple[int, float]], dot: float, df: list[int], size: int, n: int, options: StoryOptions
) -> bool:
    """At least ``specific`` of the similarity comes from terms about as frequent as the story itself
    (in at most ``specific_share`` of the window, or ``specific_times`` x the groups' articles + a few)."""
    cap = _specific_cap(size, n, options)
    return sum(x for t, x in shared if df[t] <= cap) >= options.specific * dot


def describe_story(story: Story, ix: _Index, positions: Mapping[str, int]) -> Story:
    """Label (the most central title), terms and a suggested topic of one story, a dozen numpy calls per
    story, as claimcheck.stories described each story before ``describe_stories`` (``positions``: url ->
    index in the articles the index was built from)."""
    idx = [positions[a.url] for a in story.articles]
    rows = np.concatenate([np.arange(ix.indptr[i], ix.indptr[i + 1]) for i in idx])
    term = ix.term[rows]
    uniq, inv = np.unique(term, return_inverse=True)
    cover = np.bincount(inv)
    in_title = np.bincount(inv, weights=ix.in_title[rows])
    # terms: words in most of the story's titles, then in most of its leads, rarer ones first
    score = (2 * in_title + cover) * ix.idf[uniq]
    order = np.lexsort((uniq, -score))
    ranked, ranked_cover = uniq[order], cover[order]
    form = ix.terms.form
    size = len(idx)
    word = ~ix.no_topic[ranked]  # figures ("#527") and junk tokens are no topic words
    words, word_cover = ranked[word], ranked_cover[word]
    common = words[word_cover >= max(1, math.ceil(0.6 * size))]
    topic = [form(t) for t in ((common if len(common) else words) if size > 1 else words)[:3].tolist()]
    more = [form(t) for t in (common if size > 1 and len(common) else words)[3:].tolist()]
    # the central article: its vector nearest the sum of the story's vectors (the earliest on ties)
    central = 0
    if size > 2:
        centre = np.bincount(inv, weights=ix.weight[rows])
        lengths = np.diff(ix.indptr)[idx]
        sims = np.add.reduceat(ix.weight[rows] * centre[inv], np.concatenate(([0], np.cumsum(lengths)[:-1])))
        sims[lengths == 0] = -1.0
        central = int(np.argmax(sims))
    label = story.articles[central].title or story.articles[0].title
    return replace(
        story,
        label=label,
        terms=tuple(form(t) for t in ranked[:6].tolist()),
        topic=suggested_topic(topic, more, label),  # the same rule as the bulk version
    )


def _longer(shorter: int, shared: int, options: StoryOptions) -> bool:
    """Two long texts (the shorter ``short_terms`` distinct terms or more) sharing more than ``long_few`` terms
    (links._one_word: judged by ``one_term`` with ``long_one`` more than ``same_days`` apart, else not at all)."""
    return shorter >= options.short_terms and shared > options.long_few

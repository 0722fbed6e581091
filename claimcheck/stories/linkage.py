"""Average linkage over the candidate pairs, strongest first, on the groups' summed vectors."""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterator

import numpy as np

from claimcheck.stories.links import (
    _cohesive,
    _distinct,
    _Headlines,
    _near_link,
    _near_link_kind,
    _one_word,
    _Recurrences,
)
from claimcheck.stories.records import StoryOptions
from claimcheck.stories.scoring import _damp, _specific, _specific_cap, _Vectors


def _median(sorted_times: list[float]) -> float:
    """A group's time: the median of its articles' times, which one late follow-up does not drag."""
    k = len(sorted_times)
    return (sorted_times[(k - 1) // 2] + sorted_times[k // 2]) / 2


def _pair_lists(pairs: np.ndarray, chunk: int = 65536) -> Iterator[list[int]]:
    """The pairs as Python lists, a chunk at a time (a million pairs as lists at once take ~130 MB)."""
    for s in range(0, len(pairs), chunk):
        yield from pairs[s : s + chunk].tolist()


def _average_linkage(
    vec: _Vectors,
    times: np.ndarray,
    pairs: np.ndarray,
    options: StoryOptions,
    n: int,
    df: np.ndarray,
    figure: np.ndarray,
    heads: _Headlines | None = None,
    recur: _Recurrences | None = None,
    length: list[int] | None = None,
    joined: list[tuple[list[int], list[int], str]] | None = None,
) -> list[list[int]]:
    """Average linkage over the candidate pairs, strongest first (each decision depends only on the two
    groups involved). A group's summed vector is two arrays in the order its terms entered it, as a dict
    of sums keeps its keys (an article's terms by id, then each merged group's new terms in its own
    order): its term ids and their weights (float64, each the sum of its members' weights in merge
    order). Shared terms are found through ``slot`` (term id -> position in the larger vector, -1 when
    absent: set for one lookup and cleared after), and their products are summed one after another in the
    smaller vector's order, so every sum is the same float, bit for bit, as the loop over dicts gave
    (tests/stories_reference.py) and so is every decision. ``recur`` (None: no such rule) tells two occurrences
    of an event ``recur_days`` or more apart (:class:`_Recurrences`). ``joined`` (a list: tooling) gets each
    merge's two groups (their articles) and the link that made it ("average" or :func:`_near_link`'s)."""
    parent = list(range(n))
    size = [1] * n
    members: dict[int, list[int]] = {}  # per group of 2+: its articles
    sums: dict[int, tuple[np.ndarray, np.ndarray]] = {}  # per group of 2+: term ids and summed weights
    when: dict[int, list[float]] = {}  # per group: its articles' known times, sorted
    inner: dict[int, float] = {}  # per group: the sum of its articles' pairwise similarities (undamped)
    row_terms, row_weights = vec.terms, vec.weights
    pad = (row_terms < 0).sum(axis=1).tolist()  # padding (-1) comes first in each row
    slot = np.full(int(row_terms.max(initial=0)) + 1, -1, dtype=np.int64)
    count = np.arange(4 * row_terms.shape[1], dtype=np.int64)  # positions, grown with the largest vector
    same_seconds = options.same_days * 86400.0
    recur_seconds = options.recur_days * 86400.0 if recur is not None else 0.0

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def vector(g: int) -> tuple[np.ndarray, np.ndarray]:
        v = sums.get(g)
        if v is None:
            k = pad[g]
            v = (row_terms[g, k:], row_weights[g, k:].astype(np.float64))  # a lone article's: not kept
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
        # similar enough on average, or nearly and their headlines name the same thing (``near``: the
        # undamped average, the groups' times and whether they share a precise figure, for the headline link
        # timed from their nearest articles)
        if avg >= options.link:
            return True
        return _near_link(avg, gap, (a, members.get(a, [a])), (b, members.get(b, [b])), near, heads, options)

    terms: dict[int, int] = {}  # per group of 2+: its articles' distinct terms, summed (``length``)

    def short(g: int, k: int) -> bool:  # a group of short articles (titles and a sentence or two), on average
        return length is not None and terms.get(g, length[g]) < options.short_terms * k

    refused: set[tuple[int, int, int, int]] = set()  # group pairs already judged, at their sizes then
    for i, j in _pair_lists(pairs):
        a, b = find(i), find(j)
        if a == b:
            continue
        if a > b:
            a, b = b, a
        na, nb = size[a], size[b]
        seen = (a, na, b, nb)
        if seen in refused:
            continue
        va, vb = vector(a), vector(b)
        (st, sw), (lt, lw) = (va, vb) if len(va[0]) <= len(vb[0]) else (vb, va)
        if len(lt) > len(count):
            count = np.arange(2 * len(lt), dtype=np.int64)
        slot[lt] = count[: len(lt)]
        at = slot[st]
        slot[lt] = -1
        hit = at >= 0
        shared = st[hit]
        prod = sw[hit] * lw[at[hit]]
        dot = sum(prod.tolist(), 0.0)  # one after another, in the smaller vector's order
        avg = dot / (na * nb)
        wa, wb = times_of(a), times_of(b)
        gap = abs(_median(wa) - _median(wb)) if wa and wb else 0.0
        fig = False
        if gap > same_seconds:  # a shared precise figure: the same fact, no damping
            fig = bool(figure[shared].any())
            avg *= _damp(gap, fig, options)
        if (
            (
                recur is not None
                and recur_seconds
                and gap >= recur_seconds
                and recur(members.get(a, [a]), members.get(b, [b]), shared)
            )
            or not linked(avg, gap, a, b, near_of := (dot / (na * nb), wa, wb, fig))
            or (
                options.specific
                and dot / (na * nb) < options.duplicate
                and not _specific(prod, shared, dot, df, _specific_cap(na + nb, n, options), options)
            )
            or not _cohesive(dot / (na * nb), (inner.get(a, 0.0), na), (inner.get(b, 0.0), nb), options)
            or len(shared) < options.min_shared
            or (
                options.distinct
                and min(na, nb) >= options.distinct_min
                and (short(a, na) or short(b, nb))
                and _distinct(members.get(a, [a]), members.get(b, [b]), heads, options)
            )
            or (
                na == nb == 1
                and avg >= options.link
                and length is not None
                and _one_word(min(length[a], length[b]), dot, prod, options)
            )
        ):
            refused.add(seen)
            continue
        if joined is not None:
            ga, gb = (a, members.get(a, [a])), (b, members.get(b, [b]))
            how = (
                "average"
                if avg >= options.link
                else _near_link_kind(avg, gap, ga, gb, near_of, heads, options)
            )
            joined.append((list(ga[1]), list(gb[1]), how))
        keep, gone = (a, b) if na >= nb else (b, a)
        inner[keep] = inner.get(a, 0.0) + inner.get(b, 0.0) + dot
        inner.pop(gone, None)
        if length is not None:
            terms[keep] = terms.get(a, length[a]) + terms.get(b, length[b])
            terms.pop(gone, None)
        parent[gone] = keep
        size[keep] = na + nb
        members[keep] = members.pop(keep, [keep]) + members.pop(gone, [gone])
        # the kept group's terms keep their places, a term in both adds the other's weight to its own, and
        # the other's new terms come after, in their order (as ``target[t] = target.get(t, 0.0) + w``)
        (kt, kw), (gt, gw) = (va, vb) if keep == a else (vb, va)
        slot[kt] = count[: len(kt)]
        at = slot[gt]
        slot[kt] = -1
        common = at >= 0
        w = kw.copy()
        w[at[common]] += gw[common]
        fresh = ~common
        sums[keep] = (np.concatenate((kt, gt[fresh])), np.concatenate((w, gw[fresh])))
        sums.pop(gone, None)
        kept, moved = (wa, wb) if keep == a else (wb, wa)
        when[keep] = kept
        when.pop(gone, None)
        for moment in moved:  # the smaller group's times into the larger's, kept sorted
            bisect.insort(kept, moment)
    groups = [members.get(g, [g]) for g in range(n) if parent[g] == g]
    return sorted((sorted(m) for m in groups), key=lambda m: m[0])

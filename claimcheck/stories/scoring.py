"""Scoring: article vectors, candidate pairs by blocking, cosines in bulk, time damping, specific terms."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from claimcheck.models import WindowRows
from claimcheck.stories.index import _Index, _unique
from claimcheck.stories.records import StoryOptions


def _timestamps(rows: WindowRows) -> np.ndarray:
    """Each article's publication time, else its fetch time (seconds; NaN: neither)."""
    times = [p or f for p, f in zip(rows.published, rows.fetched, strict=True)]
    return np.array([math.nan if t is None else t.timestamp() for t in times], dtype=np.float64)


@dataclass
class _Vectors:
    terms: np.ndarray  # (n, T) term ids of each article's heaviest shared terms, -1 padding (int32)
    weights: np.ndarray  # (n, T) their weights (rows of unit norm over all terms; padding 0)
    key_owner: np.ndarray  # blocking keys: article index ...
    key_term: np.ndarray  # ... and term id


def _vectors(ix: _Index, options: StoryOptions, chunk: int = 5000) -> _Vectors:
    """Each article's ``top_terms`` heaviest terms that another article shares, and its ``keys`` heaviest;
    ``chunk`` articles' rows at a time (memory: the rows of a 50,000-article window are millions, and the
    sort's keys and order are several times their size; each article's terms are ranked on their own)."""
    terms = np.full((ix.n, options.top_terms), -1, dtype=np.int32)  # memory: term ids fit (index.py)
    weights = np.zeros((ix.n, options.top_terms), dtype=np.float32)
    owners, keys = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
    for first in range(0, ix.n, chunk):
        rows = slice(int(ix.indptr[first]), int(ix.indptr[min(ix.n, first + chunk)]))
        doc, term, w = ix.doc[rows], ix.term[rows], ix.weight[rows]
        shared = ix.df[term] >= 2
        doc, term, w = doc[shared], term[shared], w[shared]
        # rows come sorted by article, then term: a stable sort by (article, -weight) keeps term order on ties
        order = np.lexsort((-w, doc))
        term, w = term[order], w[order]  # doc is sorted already: doc[order] is doc
        del order
        rank = np.arange(len(doc), dtype=np.int32)
        rank -= np.searchsorted(doc, doc, side="left").astype(np.int32)
        top = rank < options.top_terms
        terms[doc[top], rank[top]] = term[top]
        weights[doc[top], rank[top]] = w[top]
        key = rank < options.keys
        owners.append(doc[key].astype(np.int64))
        keys.append(term[key].astype(np.int64))
    # each row sorted by term id (padding -1 first), for the sorted merge of _scores
    by_id = np.argsort(terms, axis=1, kind="stable")
    terms = np.take_along_axis(terms, by_id, axis=1)
    weights = np.take_along_axis(weights, by_id, axis=1)
    return _Vectors(terms, weights, np.concatenate(owners), np.concatenate(keys))


def _candidates(vec: _Vectors, times: np.ndarray, options: StoryOptions) -> np.ndarray:
    """Pairs (i < j) that share a key and are near each other in time among that key's articles (int32:
    a 50,000-article window has over a million, held through the grouping)."""
    n = len(vec.terms)
    owner, key = vec.key_owner, vec.key_term
    if len(key) < 2:
        return np.zeros((0, 2), dtype=np.int32)
    codes = _neighbour_codes(key, owner, times, n, options.neighbours)
    if not codes:
        return np.zeros((0, 2), dtype=np.int32)
    u = np.concatenate(codes)
    del codes
    u.sort()  # unique, in place (memory)
    u = u[np.concatenate(([True], u[1:] != u[:-1]))]
    pairs = np.empty((len(u), 2), dtype=np.int32)
    pairs[:, 1] = u % n
    u //= n
    pairs[:, 0] = u
    return pairs


def _neighbour_codes(
    key: np.ndarray, owner: np.ndarray, times: np.ndarray, n: int, neighbours: int
) -> list[np.ndarray]:
    """``i * n + j`` (i < j) of the articles up to ``neighbours`` apart among those of each key, in time
    order (undated last): the candidate pairs, repeated (a function of its own: its sorted copies are
    freed before the pairs are made)."""
    t = np.nan_to_num(times[owner], nan=np.inf)
    order = np.lexsort((owner, t, key))
    del t
    key, owner = key[order], owner[order]
    del order
    codes = []
    for d in range(1, neighbours + 1):
        same = key[:-d] == key[d:]
        if not same.any():
            break
        a, b = owner[:-d][same], owner[d:][same]
        codes.append(np.minimum(a, b) * n + np.maximum(a, b))
    return codes


def _scores(
    vec: _Vectors, pairs: np.ndarray, chunk: int = 4096, figure: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Cosine of each pair's truncated vectors, and whether the pair shares a term marked in ``figure`` (per
    term id); in bulk, a chunk of pairs at a time: every term of the second article of each pair is looked up
    among the terms of the chunk's first articles (few: pairs come sorted by their first article), in a table
    of (first article, term) -> the term's place in that article's row, the chunk's terms numbered 0, 1, ...
    (two gathers per term instead of a binary search). Rows are sorted by term id, so the shared terms'
    products are summed in term order, as a merge of the two rows sums them."""
    out = np.empty(len(pairs), dtype=np.float32)
    both = np.zeros(len(pairs), dtype=bool)
    width = vec.terms.shape[1]
    # term id -> the chunk's number for it, -1 when absent; the padding (-1) reads the last entry, never a term's
    column = np.full(int(vec.terms.max(initial=0)) + 2, -1, dtype=np.int64)
    place = np.arange(width, dtype=np.int16)
    flat_weights = vec.weights.ravel()
    for s in range(0, len(pairs), chunk):
        i, j = pairs[s : s + chunk, 0], pairs[s : s + chunk, 1]
        firsts, local = np.unique(i, return_inverse=True)
        rows = vec.terms[firsts]
        used = _unique(rows.ravel())
        used = used[used >= 0]  # the padding has no number: it is absent
        tj = vec.terms[j]  # gathered once
        # each first article's row of the table ends in a column of -1 that a term the chunk's firsts lack
        # (column -1) lands on: the last of the row before it, or for the first row (place -1) of the last
        if len(firsts) * (len(used) + 1) <= _TABLE_MOST:
            stride = len(used) + 1
            column[used] = np.arange(len(used))
            table = np.full(len(firsts) * stride, -1, dtype=np.int16)
            real = rows >= 0
            table[(np.arange(len(firsts), dtype=np.int64)[:, None] * stride + column[rows])[real]] = (
                np.broadcast_to(place, rows.shape)[real]
            )
            col = column[tj]
            column[used] = -1
            hit = table[local[:, None] * stride + col].ravel()
            tj = tj.ravel()
            at = np.flatnonzero(hit >= 0)  # the padding (-1) of the second articles is absent too
            pos = local[at // width] * width + hit[at]
        else:  # pairs not sorted by their first article: too many firsts for a table, binary search
            big = np.int64(vec.terms.max(initial=0)) + 2
            keys = (np.arange(len(firsts), dtype=np.int64)[:, None] * big + rows + 1).ravel()
            wanted = (tj + (local.astype(np.int64) * big + 1)[:, None]).ravel()
            found = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
            tj = tj.ravel()
            at = np.flatnonzero((keys[found] == wanted) & (tj >= 0))
            pos = found[at]
        row = at // width
        # the second articles' weights of the shared terms, read where they are (not their whole rows first)
        second = j.astype(np.int64)[row] * width + (at - row * width)
        prod = vec.weights[firsts].ravel()[pos] * flat_weights[second]
        out[s : s + chunk] = np.bincount(row, weights=prod, minlength=len(i))
        if figure is not None:
            both[s + row[figure[tj[at]]]] = True
    return out, both


_TABLE_MOST = 1 << 22  # entries of _scores' table of a chunk (8 MB)


def _damping(gap_seconds: np.ndarray, figure: np.ndarray, options: StoryOptions) -> np.ndarray:
    """1 within ``same_days``; then halving every ``half_life_days``, or every ``figure_half_life_days``
    where the two share a precise figure (undated: no damping)."""
    days = np.nan_to_num(np.abs(gap_seconds) / 86400.0, nan=0.0)
    excess = np.maximum(days - options.same_days, 0.0)
    half = np.where(figure, options.figure_half_life_days, options.half_life_days)
    return np.power(0.5, excess / half)


def _specific(
    prod: np.ndarray, shared: np.ndarray, dot: float, df: np.ndarray, cap: float, options: StoryOptions
) -> bool:
    """At least ``specific`` of the similarity (``prod``: the products of the ``shared`` terms' weights, in
    the order they are summed) comes from terms about as frequent as the story itself: in at most ``cap``
    articles (``specific_share`` of the window, or ``specific_times`` x the groups' articles + a few)."""
    return sum(prod[df[shared] <= cap].tolist(), 0.0) >= options.specific * dot


def _specific_cap(size: int, n: int, options: StoryOptions) -> float:
    """A term is specific to groups of ``size`` articles among ``n`` when it is in at most this many."""
    share = min(options.specific_share * n, options.specific_most)
    return max(share, options.specific_times * size + options.specific_plus)


def _damp(gap_seconds: float, figure: bool, options: StoryOptions) -> float:
    """:func:`_damping` of one gap, without numpy's per-call overhead (the linkage loop calls it often)."""
    excess = max(abs(gap_seconds) / 86400.0 - options.same_days, 0.0)
    return 0.5 ** (excess / (options.figure_half_life_days if figure else options.half_life_days))

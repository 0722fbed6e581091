"""The story pass: a story of one or two articles joins the story whose summed vector is most like its own."""

from __future__ import annotations

import numpy as np

from claimcheck.stories.index import _Index, _unique
from claimcheck.stories.linkage import _median, _one_outlet
from claimcheck.stories.links import (
    _cohesive,
    _lone_name,
    _NameParts,
    _one_word,
    _Places,
    _Recurrences,
    _too_few,
)
from claimcheck.stories.records import StoryOptions
from claimcheck.stories.scoring import _scores, _specific, _specific_cap, _Vectors


def _join_stories(
    groups: list[list[int]],
    vec: _Vectors,
    times: np.ndarray,
    pairs: np.ndarray,
    options: StoryOptions,
    ix: _Index,
    joined: list[tuple[list[int], list[int], str]] | None = None,
    outlet: list[int] | None = None,
) -> list[list[int]]:
    """A second pass, story to story, over the stories the average linkage left: each story as the sum of
    its articles' vectors (unit norm, as the sum of their whole vectors; its ``story_terms`` heaviest terms
    kept), scored in bulk over the story pairs that a candidate article pair links (``pairs``: those at
    least ``story_near`` alike, undamped) and of which one has fewer than ``cohesion_min`` articles. Such a
    story joins the story most like it when their cosine, damped beyond ``same_days`` by the time between
    their nearest linked articles (halving every ``story_days``), is at least ``story_link``; or at least
    ``story_clear`` when it is also ``story_margin`` times the story's cosine with any other story it is
    compared with: a brief told in other words than its story is less like it than the link asks, but
    like no other story at all (a brief on other news of the same subject is about as like two of them).
    A story compared with one story only has no margin to measure (nothing else in the window was near
    it, which says nothing of how clearly it is about that one): it joins below ``story_link`` only at
    ``story_alone`` or more. **Named follow-ups**: a story clearly about one story before time damping
    (its undamped cosine at least ``story_clear`` and ``story_margin`` times its undamped cosine with any
    other story) also joins it, whatever the time between them, when the two share ``story_names`` names or
    precise figures of their own (:func:`_own_names`): a follow-up months later names the story's people,
    places and figures, which other news of the same subject in the window shares too (so they are not the
    story's own), while the damping keeps apart what is merely alike in words.

    The cosine of two summed vectors is the two stories' average similarity relative to their own
    cohesion: a brief or an angle is compared with a loose story of many angles as a whole, where the
    average linkage compares it with each article in turn. A story joins at most once and a story that has
    taken one in is not joined to a third: no chains (:func:`group` runs the pass once more, over the
    stories it made grow and those linked to them: :func:`_touching_grown`). Two stories of 3 articles or more are left to the
    linkage (summed, two loose stories of one country add up that country's names). As in the linkage,
    two stories join only when they share ``min_shared`` terms, ``specific`` of their similarity comes
    from terms about as frequent as the two (:func:`_specific`: two towns' floods told in the same words
    stay apart), and the larger one's cohesion allows it (:func:`_cohesive`); with ``outlet`` (each article's
    outlet, a number; None: no such rule), two stories of one and the same outlet days apart are judged by
    :func:`~claimcheck.stories.linkage._one_outlet` too."""
    g = len(groups)
    sid = np.empty(len(times), dtype=np.int32)  # memory: gathered for a million pairs (int64 below)
    for k, m in enumerate(groups):
        sid[m] = k
    a, b = sid[pairs[:, 0]], sid[pairs[:, 1]]
    few = np.fromiter(map(len, groups), dtype=np.int64, count=g) < options.cohesion_min
    # only a story of fewer than cohesion_min articles joins another: the pairs of two larger ones are left out
    cross = np.flatnonzero((a != b) & (few[a] | few[b]))
    del few
    if not len(cross):
        return groups
    a, b = a[cross], b[cross]
    ends = pairs[cross]
    del cross
    gap = np.nan_to_num(np.abs(times[ends[:, 0]] - times[ends[:, 1]]), nan=0.0)
    del ends
    code = np.minimum(a, b).astype(np.int64) * g + np.maximum(a, b)
    del a, b
    order = np.lexsort((gap, code))
    code, gap = code[order], gap[order]
    first = np.concatenate(([True], code[1:] != code[:-1]))
    code, gap = code[first], gap[first]  # each story pair once, with its nearest linked articles' gap
    # the stories in a pair, numbered 0, 1, ... (the others need no vector)
    used = _unique(np.concatenate((code // g, code % g)))
    local = np.full(g, -1, dtype=np.int64)
    local[used] = np.arange(len(used))
    story_pairs = np.stack((local[code // g], local[code % g]), axis=1)
    summed, inner, norm = _summed_vectors(sid, local, len(used), vec, options.story_terms)
    story_of = sid.tolist().__getitem__  # an article's story (lone_stories)
    del sid
    cos, _ = _scores(summed, story_pairs, chunk=max(256, 4096 * vec.terms.shape[1] // options.story_terms))
    sims = cos * np.power(0.5, np.maximum(gap / 86400.0 - options.same_days, 0.0) / options.story_days)
    # a story clearly about one story joins it below story_link: its cosine with it is story_margin times its
    # second best (a brief on other news of the same subject is about as like two stories); compared with
    # one story only, it has no second best to be clear of, and joins at story_alone or more
    sizes = np.fromiter(map(len, groups), dtype=np.int64, count=g)
    sibling = (sizes < options.cohesion_min) if options.story_siblings else None
    second = (
        _second_best(used[story_pairs], sims, g, options.story_alone / options.story_margin, sibling)
        if options.story_margin
        else None
    )
    good = sims >= (options.story_link if second is None else min(options.story_link, options.story_clear))
    # ... and one clearly about a story before damping joins it whatever the time when they share names or
    # figures of their own (a follow-up months later): its margin measured on the undamped cosines (of the
    # stories in a pair under story_link that this could join, a few)
    lasting = None
    if second is not None and options.story_names:
        late = (sims < options.story_link) & (cos >= options.story_clear)
        if late.any():
            ends = used[story_pairs]
            marked = np.zeros(g, dtype=bool)
            marked[ends[late].ravel()] = True
            touch = marked[ends[:, 0]] | marked[ends[:, 1]]
            # (every story a rival here: a piece the same days as a follow-up months on, like the story
            # before damping too, is as likely another event of the story's subject then: no siblings)
            lasting = _second_best(ends[touch], cos[touch], g, options.story_alone / options.story_margin)
            good |= late
            del ends, marked, touch
        del late
    good = np.flatnonzero(good)
    if not len(good):
        return groups
    x_of, y_of = used[story_pairs[good, 0]], used[story_pairs[good, 1]]
    into = list(range(g))
    took: set[int] = set()
    recur = _Recurrences(ix) if options.recur_days else None  # one for the pass: it keeps what it read
    parts = _NameParts(ix, options) if options.one_name else None
    places = _Places(ix, options) if options.places else None
    for k in np.lexsort((y_of, x_of, -sims[good])).tolist():
        x, y = int(x_of[k]), int(y_of[k])
        small, big = (x, y) if (len(groups[x]), -x) < (len(groups[y]), -y) else (y, x)
        if (
            into[small] != small
            or into[big] != big
            or small in took
            or len(groups[small]) >= options.cohesion_min
            or (
                sims[good[k]] < options.story_link
                and (
                    second is None
                    or sims[good[k]] < options.story_clear
                    or sims[good[k]] < options.story_margin * second[small]
                )
                and (
                    lasting is None
                    or cos[good[k]] < options.story_margin * lasting[small]
                    or _own_names(groups[small], groups[big], ix, options) < options.story_names
                )
            )
        ):
            continue  # a story joins at most once, a story that took another in is not joined, and only a
            # story of fewer than cohesion_min articles joins (two stories of their own standing meet only
            # through the linkage's average: summed, two loose stories of one country add up its names)
        (tx, wx), (ty, wy) = ((summed.terms[i], summed.weights[i]) for i in story_pairs[good[k]].tolist())
        shared, at_x, at_y = np.intersect1d(tx[tx >= 0], ty[ty >= 0], assume_unique=True, return_indices=True)
        prod = wx[tx >= 0][at_x].astype(np.float64) * wy[ty >= 0][at_y]
        nx, ny = len(groups[x]), len(groups[y])
        cap = _specific_cap(nx + ny, len(times), options)
        lx, ly = story_pairs[good[k]].tolist()
        average = float(cos[good[k]]) * float(norm[lx]) * float(norm[ly]) / (nx * ny)  # average, undamped
        scale = float(norm[lx]) * float(norm[ly])  # the summed vectors' norms: products as in the linkage
        if (
            _too_few(shared, prod, parts if options.name_once else None, options)  # a two-word name once
            or (
                recur is not None
                and _median_gap(groups[x], groups[y], times) >= options.recur_days * 86400.0
                and recur(groups[x], groups[y], shared)
            )
            or (options.specific and not _specific(prod, shared, float(prod.sum()), ix.df, cap, options))
            or not _cohesive(average, (inner[lx], nx), (inner[ly], ny), options, lone=False)
            or (
                places is not None
                and _median_gap(groups[x], groups[y], times) <= options.place_days * 86400.0
                and places.apart((-1 - x, groups[x]), (-1 - y, groups[y]))
            )
            or (  # one outlet's two stories days apart, alike only through their subject (as in the linkage)
                outlet is not None
                and len({outlet[i] for i in groups[x]} | {outlet[i] for i in groups[y]}) == 1
                and _median_gap(groups[x], groups[y], times) > options.outlet_days * 86400.0
                and _one_outlet(
                    float(prod.sum()) * scale, prod * scale, shared, nx * ny, parts, options
                )
            )
            or (
                options.lone_stories
                and parts is not None
                and min(nx, ny) == 1
                and _shorter(groups[small][0], groups[small][0], ix) < options.short_terms
                and _lone_name(shared, prod, parts, story_of, {small}, options)
            )
            or (
                nx == ny == 1
                and _one_word(
                    _shorter(groups[x][0], groups[y][0], ix),
                    float(prod.sum()),
                    prod,
                    options,
                    shared,
                    parts,
                    pair=_median_gap(groups[x], groups[y], times) > options.same_days * 86400.0,
                )
            )
        ):
            continue
        into[small] = big
        took.add(big)
        if joined is not None:  # tooling: which rule joined them
            joined.append((list(groups[small]), list(groups[big]), "story pass"))
    out: dict[int, list[int]] = {}
    for k, m in enumerate(groups):
        out.setdefault(into[k], []).extend(m)
    return sorted((sorted(m) for m in out.values()), key=lambda m: m[0])


def _shorter(i: int, j: int, ix: _Index) -> int:
    """The number of distinct terms of the shorter of two articles."""
    return int(min(ix.indptr[i + 1] - ix.indptr[i], ix.indptr[j + 1] - ix.indptr[j]))


def _median_gap(a: list[int], b: list[int], times: np.ndarray) -> float:
    """The time between two stories' median articles (as the linkage times groups; 0 when one has no time):
    a follow-up between two occurrences of an event a year apart is near both, their medians are not."""
    ta, tb = (sorted(t for t in times[m].tolist() if t == t) for m in (a, b))  # t == t: dated (not NaN)
    return abs(_median(ta) - _median(tb)) if ta and tb else 0.0


def _own_names(a: list[int], b: list[int], ix: _Index, options: StoryOptions) -> int:
    """How many names (:attr:`_Index.name`) or precise figures two stories (``a``, ``b``: their articles)
    share that are theirs: at least ``title_own`` of the window's articles that have it are in the two.
    A country or a leader in the news is in other stories' articles too, and is no one story's own."""

    def marked(members: list[int]) -> np.ndarray:
        rows = np.concatenate([ix.term[ix.rows(i)] for i in members])  # an article's terms are distinct
        return rows[ix.name[rows] | ix.figure[rows]]

    in_a, in_b = marked(a), marked(b)
    terms, counts = np.unique(np.concatenate((in_a, in_b)), return_counts=True)
    own = terms[counts >= options.title_own * ix.df[terms]]
    return int((np.isin(own, in_a) & np.isin(own, in_b)).sum())


def _second_best(
    ends: np.ndarray, sims: np.ndarray, g: int, alone: float = 0.0, small: np.ndarray | None = None
) -> np.ndarray:
    """Per story (of ``g``), its second highest cosine among the story pairs ``ends`` (the two stories of
    each) with cosines ``sims``: a story whose best cosine is several times that is clearly about one
    story. A story in one pair only has no second story to be clear of: its second best is ``alone``
    (without it, 0 made the margin pass whatever the cosine, in a window where nothing else was near).

    ``small`` (per story: one that may join another): a small story whose own best is the same story as
    this one's is no rival but a sibling, left out of the second best (an event's reports split into a
    story and two briefs: each brief is like the other as much as the two are like other news, and neither
    would be clear of the other; both are about the one story). A larger story, or a small one whose best
    is another, stays a rival."""
    who = ends.ravel()
    other = ends[:, ::-1].ravel()
    vals = np.repeat(sims, 2)
    order = np.lexsort((other, -vals, who))
    who, other, vals = who[order], other[order], vals[order]
    rank = np.arange(len(who)) - np.searchsorted(who, who, side="left")
    if small is not None:
        best = np.full(g, -1, dtype=np.int64)
        best[who[rank == 0]] = other[rank == 0]
        rival = ~(small[other] & (best[other] == best[who]) & (other != best[who]))
        who, vals = who[rival], vals[rival]
        rank = np.arange(len(who)) - np.searchsorted(who, who, side="left")
    second = np.full(g, alone, dtype=np.float64)
    second[who[rank == 1]] = vals[rank == 1]
    return second


_SUM_CHUNK = 5000  # articles whose stories' vectors are summed at once (bounds the rows held)


def _summed_vectors(
    sid: np.ndarray, local: np.ndarray, count: int, vec: _Vectors, width: int
) -> tuple[_Vectors, list[float], np.ndarray]:
    """The summed vectors of the stories numbered ``local[sid[i]] >= 0`` (``count`` of them): each the sum of
    its articles' vectors, (story, term) rows summed, divided by the norm of the sum of the articles' whole
    vectors, its ``width`` heaviest terms kept, sorted by term id; and per story the sum of its articles'
    pairwise similarities (as the linkage's) and that norm. Whole stories are summed a few thousand articles
    at a time, so a window of 50,000 articles never holds all its (article, term) rows at once."""
    story = local[sid]
    arts = np.flatnonzero(story >= 0)
    arts = arts[np.argsort(story[arts], kind="stable")]  # grouped by story
    story = story[arts]
    terms = np.full((count, width), -1, dtype=np.int64)
    weights = np.zeros((count, width), dtype=np.float32)
    inner = np.zeros(count, dtype=np.float64)
    norm = np.zeros(count, dtype=np.float64)
    size = int(vec.terms.max(initial=0)) + 1
    begins = np.flatnonzero(np.concatenate(([True], story[1:] != story[:-1]))) if len(story) else story
    start = 0
    while start < len(arts):
        # whole stories: up to the first story start at or after start + _SUM_CHUNK
        k = int(np.searchsorted(begins, start + _SUM_CHUNK))
        end = int(begins[k]) if k < len(begins) else len(arts)
        a, st = arts[start:end], story[start:end]
        t, wt = vec.terms[a], vec.weights[a].astype(np.float64)
        kept = (wt * wt).sum(axis=1)  # each article's kept weights; the rest of its unit norm is its own
        real = t >= 0
        keys = (np.repeat(st, t.shape[1]).reshape(t.shape) * size + t)[real]
        w = wt[real]
        by = np.argsort(keys, kind="stable")
        keys, w = keys[by], w[by]
        firsts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
        w = np.add.reduceat(w, firsts) if len(firsts) else w
        doc, term = keys[firsts] // size, keys[firsts] % size
        square = np.bincount(doc, weights=w * w, minlength=count)
        own = np.bincount(st, weights=kept, minlength=count)
        rest = np.bincount(st, weights=1.0 - kept, minlength=count)
        here = _unique(st)
        inner[here] = ((square - own) / 2)[here]
        norm[here] = np.sqrt(square + np.maximum(rest, 0.0))[here]
        w = w / np.where(norm > 0, norm, 1.0)[doc]
        ranked = np.lexsort((term, -w, doc))
        doc, term, w = doc[ranked], term[ranked], w[ranked]
        rank = np.arange(len(doc)) - np.searchsorted(doc, doc, side="left")
        top = rank < width
        doc, rank, term, w = doc[top], rank[top], term[top], w[top]
        # each story's kept terms in term-id order (padding -1 first), for the sorted merge of _scores
        order = np.lexsort((term, doc))
        doc, term, w = doc[order], term[order], w[order]
        place = np.arange(len(doc)) - np.searchsorted(doc, doc, side="left")
        pad = width - np.bincount(doc, minlength=count)
        terms[doc, pad[doc] + place] = term
        weights[doc, pad[doc] + place] = w
        start = end
    none = np.zeros(0, dtype=np.int64)
    return _Vectors(terms, weights, none, none), inner.tolist(), norm

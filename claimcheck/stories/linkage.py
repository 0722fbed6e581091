"""Average linkage over the candidate pairs, strongest first, on the groups' summed vectors."""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterator

import numpy as np

from claimcheck.stories.index import _Index
from claimcheck.stories.links import (
    _cohesive,
    _distinct,
    _Headlines,
    _NameParts,
    _near_link,
    _near_link_kind,
    _one_word,
    _Places,
    _Recurrences,
    _too_few,
)
from claimcheck.stories.records import StoryOptions
from claimcheck.stories.scoring import _damp, _damping, _specific, _specific_cap, _Vectors


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
    parts: _NameParts | None = None,
    places: _Places | None = None,
    outlet: list[int] | None = None,
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
    merge's two groups (their articles) and the link that made it ("average" or :func:`_near_link`'s).
    ``outlet`` (None: no such rule) is each article's outlet (a number): two groups of one and the same
    outlet days apart are judged by :func:`_one_outlet`."""
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
    moments = times.tolist()  # per article: its time (NaN: none)
    middle: dict[int, float] = {}  # per group of 2+ with a known time: the median of its times (``when``)
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
            # (as float64 here: the window's weights in float64 at once would add 16 MB to the peak at 50,000)
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

    origin: dict[int, int] = {}  # per group of 2+ (``outlet``): the one outlet of all its articles, or -1
    refused: set[tuple[int, int, int, int]] = set()  # group pairs already judged, at their sizes then
    for i, j in _pair_lists(pairs):
        # an article that is its group or whose parent is (most of them): its group without a call
        a, b = parent[i], parent[j]
        if parent[a] != a:
            a = find(i)
        if parent[b] != b:
            b = find(j)
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
        spots = at[hit]  # the shared terms' places in the larger vector
        prod = sw[hit] * lw[spots]
        dot = sum(prod.tolist(), 0.0)  # one after another, in the smaller vector's order
        avg = dot / (na * nb)
        wa, wb = times_of(a), times_of(b)
        gap = abs(middle.get(a, moments[a]) - middle.get(b, moments[b])) if wa and wb else 0.0
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
            or _too_few(shared, prod, parts if options.name_once else None, options)  # a two-word name once
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
                and _one_word(
                    min(length[a], length[b]), dot, prod, options, shared, parts, pair=gap > same_seconds
                )
            )
            or (  # one kind of event in two places or of two bodies: no rare name shared (_Places)
                places is not None  # (however alike: a copy names what its original names)
                and gap <= options.place_days * 86400.0
                and places.apart((a, members.get(a, [a])), (b, members.get(b, [b])))
            )
            or (  # ... and a lone short text joining a group by the average days from it (their medians):
                # a subject's word or name alone is no event (short reports of one come within a day or two)
                options.one_term_groups
                and min(na, nb) == 1
                and max(na, nb) > 1
                and avg >= options.link
                and gap > options.short_days * 86400.0
                and length is not None
                and _one_word(
                    length[a if na == 1 else b], dot / (na * nb), prod / (na * nb), options, shared, parts
                )
            )
            or (  # ... and two groups of one outlet days apart alike through a subject's word (_one_outlet)
                outlet is not None
                and gap > options.outlet_days * 86400.0
                and origin.get(a, outlet[a]) >= 0
                and origin.get(a, outlet[a]) == origin.get(b, outlet[b])
                and _one_outlet(dot, prod, shared, na * nb, parts, options)
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
        if outlet is not None:
            mine, theirs = origin.pop(a, outlet[a]), origin.pop(b, outlet[b])
            origin[keep] = mine if mine == theirs else -1
        parent[gone] = keep
        size[keep] = na + nb
        members[keep] = members.pop(keep, [keep]) + members.pop(gone, [gone])
        # the kept group's terms keep their places, a term in both adds the other's weight to its own, and
        # the other's new terms come after, in their order (as ``target[t] = target.get(t, 0.0) + w``)
        (kt, kw), (gt, gw) = (va, vb) if keep == a else (vb, va)
        if kt is lt:  # the kept vector is the larger one: the other's terms were found in it above
            common, into = hit, spots
        else:
            slot[kt] = count[: len(kt)]
            at = slot[gt]
            slot[kt] = -1
            common = at >= 0
            into = at[common]
        fresh = ~common
        w = np.concatenate((kw, gw[fresh]))
        w[into] += gw[common]
        sums[keep] = (np.concatenate((kt, gt[fresh])), w)
        sums.pop(gone, None)
        kept, moved = (wa, wb) if keep == a else (wb, wa)
        when[keep] = kept
        when.pop(gone, None)
        for moment in moved:  # the smaller group's times into the larger's, kept sorted
            bisect.insort(kept, moment)
        middle.pop(gone, None)
        if kept:
            middle[keep] = _median(kept)
    groups = [members.get(g, [g]) for g in range(n) if parent[g] == g]
    return sorted((sorted(m) for m in groups), key=lambda m: m[0])


def _one_outlet(
    dot: float, prod: np.ndarray, shared: np.ndarray, pairs: int, parts: _NameParts | None, options: StoryOptions
) -> bool:
    """Two groups whose articles are all of one and the same outlet, more than ``outlet_days`` apart (the
    caller times and checks them; ``dot``: the sum of ``prod``, the products of their ``shared`` terms, over
    their ``pairs`` of articles), alike only through their heaviest shared term: on average (undamped) less
    than ``outlet_term`` of ``link`` left without it (a name written as two words one term, ``parts``:
    "Hong Kong", "Silicon Valley"). An outlet reports a development once: two of its pieces days apart are
    two developments of a subject (two rulings of one court, a ceremony and a medal table of one Games, a
    market's record and its collapse) unless they share more than the subject's name or word: the same
    event's follow-up names its people, places and figures again. Several outlets' reports of one event
    come over days (their times differ), so only one outlet's own pieces are judged so."""
    if not len(prod):
        return True
    heaviest = parts.heaviest(shared, prod) if parts is not None else float(prod.max())
    return (dot - heaviest) / pairs < options.outlet_term * options.link


def _split_short(
    groups: list[list[int]], vec: _Vectors, times: np.ndarray, ix: _Index, options: StoryOptions
) -> list[list[int]]:
    """Each story with two short texts or more (:attr:`_Index.short`: feed entries, a title and a sentence or
    two) checked on the short texts' own clock, after the linkage and the story pass. Short reports of one
    development come within a day or two of each other; short entries days or weeks apart that share only a
    subject's few words (a Games' "Olympic", "medal", "Winter"; a country and its leader) chain, through the
    linkage and its time damping made for long articles, into one story of many events. So the story is
    grouped again by average linkage over its articles (:func:`_relink`): its long articles start as one
    part (the rules for long texts put them together), each short text as a part of its own; on the clock,
    what two short texts share through broad terms (in more articles of the window than two articles'
    specific cap, ``specific_times`` x 2 + ``specific_plus``) halves every ``short_half_life`` days beyond
    ``short_days`` between them, while what they share through the event's own terms does not fade (a market
    bombing, its toll, the funerals and an arrest over a week name the market and the town), nor what they
    share when they give the same precise figure or ``story_names`` names of their own (a follow-up, as in the
    linkage and the story pass). Two parts stay together when their average on the clock is still at least
    ``link``, or when the clock took nothing from it (whatever joined them, the name and headline links
    included, judged them as they are). What leaves a story is not offered to another: refused during the
    linkage, an entry joined a looser group later (round 13). A story of long articles, or with one short
    text, is as it was."""
    if not options.short_half_life:
        return groups
    out: list[list[int]] = []
    for g in groups:
        members = np.array(sorted(g), dtype=np.int64)
        short = ix.short[members]
        when = times[members[short]]
        when = when[~np.isnan(when)]
        if len(when) < 2 or float(when.max() - when.min()) <= options.short_days * 86400.0:
            out.append(g)  # no two short texts more than short_days apart: the clock takes nothing, as it was
            continue
        out += [members[c].tolist() for c in _relink(members, short, vec, times, ix, options)]
    return out


def _relink(
    members: np.ndarray,
    short: np.ndarray,
    vec: _Vectors,
    times: np.ndarray,
    ix: _Index,
    options: StoryOptions,
) -> list[list[int]]:
    """:func:`_split_short`'s average linkage within one story (``members``, sorted; ``short`` per member):
    its parts (positions in ``members``), each sorted, in order of their first member. The parts' average
    similarities on the clock and as the linkage weighs them (the standard damping) are both kept, by the
    Lance-Williams update of the average, on a dense matrix (a story's articles are few)."""
    k = len(members)
    iu, ju = np.triu_indices(k, 1)
    # the members' vectors as a dense matrix over the terms they have (a story's are a few hundred): cosines,
    # their part through broad terms (in more articles than specific_times x 2 + specific_plus: a subject's or
    # a country's words) and shared precise figures, each one product
    terms = vec.terms[members]
    real = terms >= 0
    ids, col = np.unique(terms[real], return_inverse=True)
    dense = np.zeros((k, len(ids)), dtype=np.float64)
    dense[np.nonzero(real)[0], col] = vec.weights[members][real]
    cos = (dense @ dense.T)[iu, ju]
    broad = dense * (ix.df[ids] > options.specific_times * 2 + options.specific_plus)
    wide = np.minimum((broad @ broad.T)[iu, ju], cos)
    given = (dense[:, ix.figure[ids]] > 0).astype(np.float64)
    figure = (given @ given.T)[iu, ju] > 0
    gap = np.nan_to_num(np.abs(times[members[iu]] - times[members[ju]]), nan=0.0)
    # two short texts on their own clock, unless they share a precise figure (the same fact: no damping, as in
    # the linkage) or story_names names or figures of their own (a named follow-up: whatever the time, as in
    # the story pass); only what they owe to broad terms fades: a week-long event's own names do not
    clock = short[iu] & short[ju] & ~figure
    if options.story_names and clock.any():
        clock &= _own_shared(members, ix, options)[iu, ju] < options.story_names
    excess = np.maximum(gap / 86400.0 - options.short_days, 0.0)
    lasting = ~clock & short[iu] & short[ju]
    damp = np.where(lasting, 1.0, _damping(gap, figure, options))
    fade = 0.5 ** (excess / options.short_half_life)
    base = np.zeros((k, k), dtype=np.float64)  # as the linkage weighs them
    base[iu, ju] = cos * damp
    base += base.T
    fading = clock & (fade < 1.0)
    if options.short_one and fading.any():
        # what two short texts days apart owe to one heavy word of their own alone fades too (_lone_word)
        wide = wide + _lone_word(dense, ids, iu, ju, fading, cos, wide, ix, options)
    sim = np.zeros((k, k), dtype=np.float64)  # on the short clock
    sim[iu, ju] = np.where(fading, cos - wide * (1.0 - fade), cos * damp)
    sim += sim.T
    longs = np.flatnonzero(~short)
    parts = ([longs.tolist()] if len(longs) else []) + [[int(i)] for i in np.flatnonzero(short)]
    m = len(parts)
    size = np.array([len(p) for p in parts], dtype=np.float64)
    onehot = np.zeros((m, k), dtype=np.float64)
    for x, p in enumerate(parts):
        onehot[x, p] = 1.0
    norm = np.outer(size, size)
    avg = (onehot @ sim @ onehot.T) / norm  # the parts' average similarities on the clock ...
    was = (onehot @ base @ onehot.T) / norm  # ... and as the linkage weighs them
    np.fill_diagonal(avg, -np.inf)
    alive = np.ones(m, dtype=bool)
    while alive.sum() > 1:
        ok = np.isfinite(avg) & ((avg >= options.link) | (avg >= was))  # -inf: itself, or a part merged
        flat = int(np.argmax(np.where(ok, avg, -np.inf)))
        x, y = divmod(flat, m)
        if not ok[x, y]:
            break
        x, y = min(x, y), max(x, y)
        for mat in (avg, was):
            merged = (mat[x] * size[x] + mat[y] * size[y]) / (size[x] + size[y])
            mat[x, :] = merged
            mat[:, x] = merged
            mat[y, :] = -np.inf
            mat[:, y] = -np.inf
            mat[x, x] = -np.inf
        size[x] += size[y]
        parts[x] += parts[y]
        alive[y] = False
    return sorted((sorted(parts[x]) for x in np.flatnonzero(alive)), key=lambda p: p[0])


def _lone_word(
    dense: np.ndarray,
    ids: np.ndarray,
    iu: np.ndarray,
    ju: np.ndarray,
    fading: np.ndarray,
    cos: np.ndarray,
    wide: np.ndarray,
    ix: _Index,
    options: StoryOptions,
) -> np.ndarray:
    """Per pair of :func:`_relink` (``iu``, ``ju``; only those ``fading``: two short texts on the clock, days
    apart), the product of their heaviest shared term when it is not broad and is all they share: without it
    (and the other word of its name, :class:`~claimcheck.stories.links._NameParts`) less than ``one_term`` of
    ``link`` is left, as the linkage's one-word rule asks of two lone short texts. Days apart, such a word
    (a festival's "carnival", a court's "judge", a board's name) is the subject of several events and fades
    as broad terms do; two short reports of one event days apart share its place, its people or its figures
    besides, and keep them (0 for the other pairs)."""
    out = np.zeros(len(iu), dtype=np.float64)
    parts = _NameParts(ix, options) if options.one_name else None
    broad = options.specific_times * 2 + options.specific_plus
    inside = dict(zip(ids.tolist(), (dense > 0).sum(axis=0).tolist(), strict=True))
    for p in np.flatnonzero(fading).tolist():
        prod = dense[iu[p]] * dense[ju[p]]
        hit = np.flatnonzero(prod > 0)
        if not len(hit):
            continue
        shared, prod = ids[hit], prod[hit]
        top = int(prod.argmax())
        t = int(shared[top])
        if ix.df[t] > broad or ix.df[t] <= inside[t]:
            continue  # broad: it fades already; in no article outside the story: the story's own word
        heaviest = parts.heaviest(shared, prod) if parts is not None else float(prod[top])
        if cos[p] - heaviest < options.one_term * options.link:
            out[p] = max(0.0, min(heaviest, cos[p] - wide[p]))
    return out


def _own_shared(members: np.ndarray, ix: _Index, options: StoryOptions) -> np.ndarray:
    """Per pair of ``members``, how many names or precise figures (:attr:`_Index.name`, :attr:`_Index.figure`)
    the two share that are theirs, as :func:`~claimcheck.stories.storypass._own_names` counts them for two
    stories: at least ``title_own`` of the window's articles with it are the two (here: in at most
    2 / ``title_own`` articles)."""
    rows = [ix.term[ix.rows(int(i))] for i in members]
    owner = np.repeat(np.arange(len(members)), [len(r) for r in rows])
    terms = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int32)
    keep = (ix.name[terms] | ix.figure[terms]) & (options.title_own * ix.df[terms] <= 2)
    owner, terms = owner[keep], terms[keep]
    ids, col = np.unique(terms, return_inverse=True)
    has = np.zeros((len(members), len(ids)), dtype=np.float64)
    has[owner, col] = 1.0
    return has @ has.T

"""Blocking and scoring: which claims are compared, and the scored graph of links between them.

Claims that are identical for the matcher are grouped first (``claimcheck.match.cluster.Graph``), so a
statement or quote that recurs in a thousand articles is scored once, not a million times.
Groups are then blocked (numbers by counted thing, kind of time span and value magnitude; quotes
by their rarest words; statements by rare words and names), blocks larger than ``max_block`` are
split by sorted text, and each block is scored with ``rapidfuzz.process.cdist``; thresholds are
applied to the score matrices with numpy, so Python only sees the pairs that may become links.
"""

from __future__ import annotations

import functools
import itertools
import math
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace
from typing import Any, TypeVar

import numpy as np
from rapidfuzz import fuzz, process

from claimcheck.claims.ages import is_age_unit
from claimcheck.claims.lexicon import CALENDAR_WORDS
from claimcheck.claims.measures import measure_in
from claimcheck.claims.numwords import SCALES, TENS_WORDS, UNITS_WORDS
from claimcheck.match.cluster import Graph
from claimcheck.match.conflicts import potential
from claimcheck.match.normalize import (
    NEGATION_CUE,
    acronyms,
    denied_part,
    is_span,
    name_runs,
    names,
    opposite_quotes,
    relative_fits,
    relative_meets_point,
    speaker_words,
    when_compatible,
    when_strictly_compatible,
    when_words,
    words_compatible,
)
from claimcheck.match.rules import (
    Item,
    MatchOptions,
    Rule,
    can_evolve,
    day_only,
    floor_of,
    match_when,
    names_change,
    number_context,
    number_pair,
    quote_pair,
    quote_pairs,
    statement_pair,
    thing_key,
    update_pair,
    values_agree,
)
from claimcheck.match.things import (
    CONTEXT_SYNONYMS,
    GENERIC_UNITS,
    PART,
    ROLE_THINGS,
    THING_CLASSES,
    age_mark,
    ages_apart,
    bound_meets,
    classes_agree,
    compound_key,
    count_class,
    evolving_role,
    is_count_class,
    is_fairly_precise,
    is_generic_ordinal,
    is_measure,
    is_ordinal,
    is_precise,
    is_ratio_times,
    is_score,
    is_wide,
    role_family,
    rounded_pairs,
    rounds_at,
    running_length,
    sig_digits,
    significant_digits,
    stated,
    thing_class,
    unit_key,
)
from claimcheck.models import Claim, Interval
from claimcheck.nouns import noun_kind
from claimcheck.text import MATCH_STOPWORDS, match_content_words, match_stem, match_words

Scored = tuple[float, Rule] | None


def group_items(
    items: Sequence[Item], keys: Sequence[Hashable | None], inner: Callable[[int], Scored]
) -> Graph:
    """Items with equal keys in one group (``None``: a group of its own), numbered by first item.

    An article's second claim with a key goes to a second group of that key, and so on, so a
    group never holds two claims of one article. ``inner(n)`` scores two claims like item ``n``;
    a key whose claims would not link keeps each claim on its own.
    """
    group: list[int] = []
    members: list[list[int]] = []
    arts: list[set[int]] = []
    scores: list[float] = []
    rules: list[Rule | None] = []
    by_key: dict[Hashable, list[int]] = {}
    linked: dict[Hashable, Scored] = {}
    for n, it in enumerate(items):
        key = keys[n]
        target = None
        if key is not None:
            if key not in linked:
                linked[key] = inner(n)
            if linked[key] is not None:
                subgroups = by_key.setdefault(key, [])
                target = next((g for g in subgroups if it.article not in arts[g]), None)
                if target is None:
                    subgroups.append(len(members))
        if target is None:
            target = len(members)
            members.append([])
            arts.append(set())
            scored = linked.get(key) if key is not None else None
            scores.append(scored[0] if scored else 0.0)
            rules.append(scored[1] if scored else None)
        group.append(target)
        members[target].append(n)
        arts[target].add(it.article)
    return Graph(items, group, members, scores, rules)


def _memo(fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``fn`` remembering its results for this call of the matcher (claims repeat across articles)."""
    cache: dict[Any, Any] = {}

    def get(x: Any) -> Any:
        try:
            return cache[x]
        except KeyError:
            cache[x] = out = fn(x)
            return out

    return get


def _cdist(rows: list[str], cols: list[str], scorer: Any, options: MatchOptions, cutoff: float = 0) -> Any:
    """``process.cdist``, single-threaded for small blocks (threads cost more than they save there)."""
    workers = options.workers if len(rows) * len(cols) > 20_000 else 1
    return process.cdist(rows, cols, scorer=scorer, workers=workers, score_cutoff=cutoff)


def _chunks(seq: Sequence[int], size: int) -> Iterable[list[int]]:
    for start in range(0, len(seq), size):
        yield list(seq[start : start + size])


# --- numbers ---------------------------------------------------------------------------------


def number_graph(
    items: Sequence[Item], options: MatchOptions, times: Sequence[float | None] | None = None
) -> Graph:
    """Numbers about the same counted thing, close in value and in the same kind of time span.

    With ``times`` (publication time per article index, seconds), counts of an evolving thing (a
    death toll) also link when the higher one was published at least ``update_window`` after the
    lower one: the figure was updated (``_update_links``)."""
    width = math.log1p(options.number_tolerance)
    # a reading below zero ("minus 14C", "-14C") is matched by its size among readings below zero (``_sized``)
    signed, below = items, [_below_zero(it.claim.value) for it in items]
    if any(below):
        items = [Item(it.index, it.article, _sized(it.claim)) if b else it for it, b in zip(items, below, strict=True)]
    floor = 100 * options.number_context_floor
    unit: list[str]
    ctx: list[str] = []
    bucket: list[int | None] = []
    keys: list[Hashable | None] = []
    contexts: dict[tuple[str, str, str], str] = {}
    things: dict[tuple[str | None, str, str, str], str] = {}

    def thing_of(claim: Claim) -> str:
        # a sentence may give two scores ("a 6-3 lead ... an 8-7 victory"): each is its own thing
        key = (claim.unit, repr(claim.extra.get("unit_role")), claim.sentence, str(claim.extra.get("score", "")))
        if key not in things:
            things[key] = thing_key(claim)
        return things[key]

    def context_of(claim: Claim) -> str:
        key = (claim.sentence, claim.text, repr(claim.extra.get("context")))
        if key not in contexts:
            contexts[key] = number_context(claim)
        return contexts[key]

    unit = [thing_of(it.claim) for it in items]
    _times_as_events(items, unit)
    for i, it in enumerate(items):
        v = it.claim.value
        rep = stated(v)  # the figure as written: "up to 55,000" is bucketed with 55,000
        ctx.append(context_of(it.claim) if rep is not None and rep > 0 else "")
        if rep is None or rep <= 0:
            bucket.append(None)
            keys.append(None)
            continue
        bucket.append(math.floor(math.log(rep) / width))
        # the words that tell two counted things apart (``_things_said``) keep two figures of one context apart
        # ... and so does an age's holder (a man's, a woman's, a named person's: ``age_mark``), which the words of
        # two sentences that give two persons' ages, swapped, do not tell
        said = _things_said(it.claim, unit[i])
        keys.append((unit[i], is_span(it.claim.when), below[i], v, it.claim.when, ctx[-1], said, age_mark(it.claim, unit[i])))

    def inner(n: int) -> Scored:
        sim = float(fuzz.token_set_ratio(ctx[n], ctx[n]))
        if sim < floor:
            return None
        return number_pair(items[n].claim, items[n].claim, sim / 100, unit[n], options)

    graph = group_items(items, keys, inner)
    first = [m[0] for m in graph.members]
    blocks: dict[tuple[str, tuple[bool, bool], int], list[int]] = defaultdict(list)
    for g, n in enumerate(first):
        b = bucket[n]
        if b is not None:
            blocks[unit[n], (is_span(items[n].claim.when), below[n]), b].append(g)
    value = [items[n].claim.value for n in first]
    reps = np.array([stated(v) if bucket[n] is not None else 0.0 for n, v in zip(first, value, strict=True)])
    lo, lo_inc, hi, hi_inc = _bounds(value)
    figure = np.array([stated(v) or 0.0 for v in value], dtype=np.float64)
    digits = sig_digits(figure)
    # a specific counted thing (not people, money, a share or a duration; ``count_class``)
    specific = np.array([unit[n] not in GENERIC_UNITS and count_class(unit[n]) is not None for n in first], dtype=bool)
    measure = np.array([is_measure(unit[n]) for n in first], dtype=bool)
    duration = np.array([unit[n] in _DURATIONS for n in first], dtype=bool)
    # a figure with decimals ("2.6 terabytes") of a count or a measure is as precise as "2,600"
    compound = np.array([bool(compound_key(items[n].claim)) for n in first], dtype=bool)
    decimal = (digits >= 2) & (np.floor(figure) != figure) & (specific | measure)
    precise = np.array([is_precise(v) for v in value], dtype=bool) | decimal
    # a two-digit figure ("48", "59") recurs in one story for different things ("Reyes's 48-yard run", "Okafor's
    # 48-yard field goal"): one fact whatever the words when the words around them share one
    # (``_share_a_word``) or the sentences do not name different people or places (``_lone_ok``)
    loose = ~precise & np.array([is_fairly_precise(v) for v in value], dtype=bool)
    point = np.array([v is not None and v.low is not None and v.low == v.high for v in value], dtype=bool)
    fair = np.array([is_fairly_precise(v) for v in value], dtype=bool)
    below_ceiling = np.array(
        [v is not None and v.high is not None and not v.high_inclusive and v.high == stated(v) for v in value], dtype=bool
    )
    wide = np.array([is_wide(v) for v in value], dtype=bool)
    # ... and so does the same score of a game ("score 8-7": ``thing_key``) whatever the words around it
    # ... and an ordinal of a specific sequence ("its sixth nuclear test"); one of a generic noun ("the third
    # time", "the fifth game": ``is_generic_ordinal``) only when the words around it agree, checked below
    generic = np.array([is_generic_ordinal(unit[n]) for n in first], dtype=bool)
    role = np.array([unit[n] in ROLE_THINGS or is_score(unit[n]) or is_ordinal(unit[n]) for n in first], dtype=bool)
    role &= ~generic
    # the role each group's figure counts ("arrested 86 fans", "86 fans were hurt": ``role_family``): one counted
    # noun given two roles is two counts of a story, never one fact nor a conflict
    fam_ids: dict[str, int] = {"": 0}
    family = np.array([fam_ids.setdefault(role_family(items[n].claim, unit[n]), len(fam_ids)) for n in first])
    single = np.array([items[m[0]].article if len(m) == 1 else -1 for m in graph.members])
    when_ids: dict[str | None, int] = {}
    when = np.array([when_ids.setdefault(match_when(items[n].claim), len(when_ids)) for n in first])
    whens = list(when_ids)
    compatible: dict[tuple[int, int], int] = {}
    cfloor = options.number_context_floor
    sentence_names = _names_memo()
    ctx_words = _memo(_context_words)
    around = _memo(lambda n: _words_around(ctx_words(ctx[n]), items[n].claim))
    group_words = [ctx_words(ctx[n]) for n in first]  # each group's context words, looked up per pair
    holders: Holders | None = None  # made when a figure first needs it
    for (thing, span, b), rows in blocks.items():
        cols = np.array(rows + blocks.get((thing, span, b + 1), []))
        # many groups share a context (they differ in value or qualifier): score each context once
        ctx_ids: dict[str, int] = {}
        col_ctx = np.array([ctx_ids.setdefault(ctx[first[g]], len(ctx_ids)) for g in cols])
        col_strs = list(ctx_ids)
        pos = np.arange(len(cols))
        for start in range(0, len(rows), options.max_block):
            chunk = cols[start : start + options.max_block]
            row_ctx = col_ctx[start : start + options.max_block]
            rows_used, row_at = np.unique(row_ctx, return_inverse=True)
            cols_used, col_at = np.unique(col_ctx, return_inverse=True)
            sims = _cdist(
                [col_strs[k] for k in rows_used],
                [col_strs[k] for k in cols_used],
                fuzz.token_set_ratio,
                options,
            )
            # the contexts of two lengths of time alike by their letters but with no word in common ("appearance
            # car final formula" / "amicably attorney divorce filed": "two weeks") say nothing: the set score of
            # unrelated words reaches the floor, and every story has its weeks and years
            cand = np.argwhere(sims >= floor) if thing in _SPANS_OF_TIME else np.empty((0, 2), dtype=np.intp)
            if len(cand):
                used_words = [ctx_words(col_strs[k]) for k in rows_used.tolist()], [
                    ctx_words(col_strs[k]) for k in cols_used.tolist()
                ]
                unrelated = [not (used_words[0][i] & used_words[1][j]) for i, j in cand.tolist()]
                off = cand[np.array(unrelated, dtype=bool)]
                sims[off[:, 0], off[:, 1]] = floor - 1
            sims = sims[np.ix_(row_at, col_at)]
            r_rep, c_rep = reps[chunk][:, None], reps[cols][None, :]
            ok = np.abs(c_rep - r_rep) <= options.number_tolerance * np.maximum(c_rep, r_rep)
            ok &= ~((single[chunk][:, None] == single[cols][None, :]) & (single[chunk][:, None] >= 0))
            ok &= (cols[None, :] > chunk[:, None]) | (pos[None, :] >= len(rows))
            # the same precise figure ("2,500", "108") of the same thing is one fact whatever the words;
            # a two-digit one ("59") when the words are not unrelated
            # ... and so is a figure and its rounding ("5.13 million" / "5.1 million": ``rounds_to``)
            rounded = rounded_pairs(figure[chunk], figure[cols], digits[chunk], digits[cols])
            rounded &= point[chunk][:, None] & point[cols][None, :]
            same_figure = ((figure[chunk][:, None] == figure[cols][None, :]) | rounded) & (
                precise[chunk][:, None] | (fair[chunk][:, None] & ((sims >= floor) | duration[chunk][:, None]))
            )
            # so is an agreeing figure of a role (deaths, injured, prisoners): checked below; and a small
            # figure of one specific thing ("four ships", "eight cores") when the sentences do not
            # name different people or places (``_lone_ok``), whatever the words around it
            lone = (figure[chunk][:, None] == figure[cols][None, :]) & (figure[chunk][:, None] >= 2)
            lone &= (specific | compound | measure)[chunk][:, None] & ~precise[chunk][:, None] & ~wide[chunk][:, None]
            ok &= (sims >= floor) | same_figure | role[chunk][:, None] | lone
            for x in np.flatnonzero(ok.sum(axis=1) > options.max_candidates):
                found = np.flatnonzero(ok[x])  # a dense block: only the closest contexts
                ok[x] = False
                ok[x, found[np.argsort(-sims[x, found], kind="stable")[: options.max_candidates]]] = True
            xs, ys = np.nonzero(ok)
            ga, ha = chunk[xs], cols[ys]
            same = same_figure[xs, ys]
            weak = same & loose[ga]
            if weak.any():
                at = np.flatnonzero(weak)
                holders = holders or Holders(items)
                same[at] = [
                    (
                        _same_measured(items[first[ga[i]]].claim, items[first[ha[i]]].claim)
                        if duration[ga[i]]
                        else _share_a_word(group_words[ga[i]], group_words[ha[i]])
                        or _lone_ok(items, first, ga[i], ha[i], sentence_names)
                    )
                    and (not duration[ga[i]] or _same_term(items, first, ga[i], ha[i]))
                    and holders.agree(first[ga[i]], first[ha[i]])
                    for i in at.tolist()
                ]
                dropped = at[~same[at]]  # admitted by the figure alone, which is not enough here
                keep_pair = (sims[xs[dropped], ys[dropped]] >= floor) | role[ga[dropped]] | lone[xs[dropped], ys[dropped]]
                if not keep_pair.all():
                    live = np.ones(len(xs), dtype=bool)
                    live[dropped[~keep_pair]] = False
                    xs, ys, ga, ha, same = xs[live], ys[live], ga[live], ha[live], same[live]
            # an ordinal of a generic noun joins as a loose figure does, when the contexts share a word beyond
            # the ordinal and its noun ("for the third time this season" / "the third time this season"), never
            # on "third time" alone (and, as any figure that is not precise, only from the context floor)
            gen = np.flatnonzero(generic[ga])
            if gen.size:
                live = np.ones(len(xs), dtype=bool)
                live[gen] = [_share_a_word(around(first[ga[i]]), around(first[ha[i]])) for i in gen.tolist()]
                xs, ys, ga, ha, same = xs[live], ys[live], ga[live], ha[live], same[live]
            # number_pair, on arrays: values that overlap agree; close but disjoint ones conflict
            shared = np.maximum(0.0, (sims[xs, ys].astype(np.float64) / 100 - cfloor) / (1 - cfloor))
            agree = _below(lo[ga], lo_inc[ga], hi[ha], hi_inc[ha]) & _below(lo[ha], lo_inc[ha], hi[ga], hi_inc[ga])
            agree |= rounded[xs, ys]
            # "nearly 8,000" / "8,000", "under 300" / "300": one figure stated twice, once as its own ceiling
            agree |= (figure[ga] == figure[ha]) & (point[ga] != point[ha]) & (below_ceiling[ga] | below_ceiling[ha])
            score = np.where(agree, 0.45 + 0.55 * shared, 0.35 + 0.5 * shared)
            score = np.where(agree & same, np.maximum(score, PRECISE_SCORE), score)
            score = np.where(agree & (role | generic)[ga], np.maximum(score, ROLE_SCORE), score)
            alone = lone[xs, ys] & ~same & ~role[ga]
            admitted = np.ones(len(xs), dtype=bool)
            if alone.any():
                at = np.flatnonzero(alone)
                alone[at] = [
                    _lone_ok(items, first, ga[i], ha[i], sentence_names)
                    and (
                        specific[ga[i]] and specific[ha[i]]
                        or _same_described(items, first, ga[i], ha[i])
                        or measure[ga[i]] and measure[ha[i]] and _same_dimension(items, first, ga[i], ha[i])
                    )
                    for i in at.tolist()
                ]
                admitted[at] = alone[at] | (sims[xs[at], ys[at]] >= floor)
                score = np.where(agree & alone, np.maximum(score, ROLE_SCORE), score)
            # "dozens" never meets "59"; a figure that describes another noun ("a seven-member group")
            # never disagrees with a plain count ("eight current or former members"): only agrees
            keep = (agree | ((shared > 0) & (compound[ga] == compound[ha]))) & (wide[ga] == wide[ha]) & admitted
            keep &= (family[ga] == family[ha]) | (family[ga] == 0) | (family[ha] == 0)
            # two figures at odds are one counted thing only when the words around them share two: one word in
            # common ("the first time in 48 years" / "retire after 42 years, the first ...") makes the contexts
            # alike by the set score but says nothing of what the two figures count
            odd = np.flatnonzero(keep & ~agree)
            if odd.size:
                keep[odd] = [
                    len(group_words[g] & group_words[h]) >= 2 for g, h in zip(ga[odd].tolist(), ha[odd].tolist(), strict=True)
                ]
            # the time qualifiers of the kept pairs, each distinct pair of them checked once
            at = np.flatnonzero(keep)
            pair_ids, inverse = np.unique(when[ga[at]] * len(whens) + when[ha[at]], return_inverse=True)
            for wg, wh in (divmod(p, len(whens)) for p in pair_ids.tolist()):
                if (wg, wh) not in compatible:
                    strict = when_strictly_compatible(whens[wg], whens[wh], options.when_threshold)
                    compatible[wg, wh] = 1 if strict else 2 if relative_meets_point(whens[wg], whens[wh]) else 0
            fits = np.array([compatible[divmod(p, len(whens))] for p in pair_ids.tolist()], dtype=np.int8)
            if len(at):  # "last year" / "in 2025": one figure only when it agrees (never a conflict)
                f = fits[inverse.ravel()]
                keep[at] = (f == 1) | ((f == 2) & agree[at])
            adj = graph.adj
            for a, c, sc in zip(ga[keep].tolist(), ha[keep].tolist(), score[keep].tolist(), strict=True):
                adj[a][c] = adj[c][a] = sc

    _class_links(items, graph, options, first, unit, ctx, figure, precise)
    _modifier_links(items, graph, options, first, unit, figure, precise)
    _backoff_links(items, graph, options, first, unit, figure)
    _role_links(items, graph, options, first, unit, figure)
    _ratio_links(items, graph, options, first)
    _record_links(items, graph, options, first, unit, figure)
    _bound_links(items, graph, options, first, unit, figure, precise, group_words)
    _conversion_links(items, graph, options, first, unit, np.where([below[n] for n in first], -figure, figure), group_words)
    _outage_links(items, graph, options, first, unit, figure, precise)
    _duration_links(items, graph, options, first, unit, figure, group_words)
    _quantity_links(items, graph, options, first, ctx)
    _span_links(items, graph, options, first, unit, ctx, figure, precise)
    _unlink_opposite_sides(graph, first, unit, ctx)
    _unlink_other_quantities(graph, items, first, ctx)
    _unlink_potential(graph, items, first)
    _unlink_other_things(graph, items, first, unit)
    _unlink_other_positions(graph, items, first, unit)
    _unlink_where(graph, {g: m for g, n in enumerate(first) if graph.adj[g] and (m := margin_of(items[n].claim, unit[n]))}, str.__ne__)
    _unlink_where(graph, {g: items[n].claim for g, n in enumerate(first) if graph.adj[g] and is_age_unit(unit[n])}, ages_apart)
    updates: dict[tuple[int, int], Rule] = {}
    if times is not None:
        updates = _update_links(items, graph, options, times, unit, ctx, bucket)
    _unlink_other_times(graph, items, first, options, times)  # after the updates' pass, which links agreeing figures
    _unlink_far_tolls(graph, items, first, unit, options, times)
    _unlink_other_places(graph, items, first, unit)
    if any(below):
        _unlink_across_zero(graph, signed, first, below, updates)
        graph.items = signed

    def rule_of(i: int, j: int) -> Rule:
        """Why numbers i and j are linked, as scoring them found (the earlier claim first; across
        value buckets the lower one first)."""
        g, h = graph.group[i], graph.group[j]
        if updates and (rule := updates.get((g, h) if g < h else (h, g))) is not None:
            return rule
        if graph.rules and (rule := graph.rules.get((g, h) if g < h else (h, g))) is not None:
            return rule  # a link whose rule was kept when it was made (``_span_links``)
        bi, bj = bucket[i], bucket[j]
        row, col = (min(i, j), max(i, j)) if bi == bj else ((i, j) if (bi or 0) < (bj or 0) else (j, i))
        sim = float(np.float32(fuzz.token_set_ratio(ctx[row], ctx[col]))) / 100
        scored = number_pair(items[row].claim, items[col].claim, sim, unit[row], options)
        if scored is None:
            # a link a rule of its own made on what number_pair does not weigh, with contexts too unlike for it:
            # one measure in two units ("40m deep" / "131ft deep"), a record's wins and the games won. The
            # figures agree by that rule (``--explain`` and compare's JSON once failed an assertion here)
            va, vb = items[row].claim.value, items[col].claim.value
            return Rule("agree", sim, unit[row] or "?", (va, vb) if va is not None and vb is not None else None)
        return scored[1]

    graph.rule_of = rule_of
    return graph


# A reading below zero ("minus 14C", "-14C", "a low of -9.5C"): the matcher's figures are sizes (blocks by their
# logarithm, rounding and bounds of positive figures), so a point figure below zero is matched by its size, in
# blocks and groups of its own (it never meets the same size above zero: -14C is no 14C); a temperature in
# another scale meets it once converted with its sign ("-14C (6.8F)", ``_conversion_links``).
def _below_zero(v: Interval | None) -> bool:
    return v is not None and v.low is not None and v.low == v.high and v.low < 0


def _sized(claim: Claim) -> Claim:
    """The claim with its figure below zero as its size (``_below_zero``)."""
    v = claim.value
    assert v is not None and v.low is not None
    return replace(claim, value=Interval(-v.low, -v.low))


def _unlink_across_zero(
    graph: Graph, items: Sequence[Item], first: Sequence[int], below: Sequence[bool], updates: dict[tuple[int, int], Rule]
) -> None:
    """Drop every link between a figure below zero and one above it (``items`` with their signs) that is not one
    temperature in two scales (``one_measure``: "-14C" / "6.8F"): the size of "-14C" agrees with "14C"."""
    for g, n in enumerate(first):
        if not below[n]:
            continue
        for h in list(graph.adj[g]):
            m = first[h]
            if below[m] or one_measure(items[n].claim, items[m].claim):
                continue
            del graph.adj[g][h], graph.adj[h][g]
            updates.pop((g, h) if g < h else (h, g), None)


# Context words (as ``number_context`` gives them, after ``CONTEXT_SYNONYMS``) that take a side on an axis of
# general news English: a change up or down ("rose", "climbed", "grew" -> growth; "fell", "cut", "shrank" ->
# decrease), a stance (support, approve, back / oppose, disapprove, reject). Axes whose two sides tell ONE event
# from its two parties are left out (review14): a deal (the buyer bought what the seller sold, imports are the
# other country's exports), a payment (one spent what the other received), an outcome (one won by the margin the
# other lost by). Left: a change against something ("the dollar rose 2 percent against the yen" is the yen's fall).
_SIDES: dict[str, tuple[str, int]] = {
    "growth": ("change", 1), "decrease": ("change", -1),
    **dict.fromkeys(["support", "supported", "supporting", "approve", "approved", "approving", "favor", "favored",
                     "back", "backed", "backing", "agree", "agreed"], ("stance", 1)),
    **dict.fromkeys(["oppose", "opposed", "opposing", "opposition", "disapprove", "disapproved", "reject",
                     "rejected", "disagree", "disagreed"], ("stance", -1)),
    # a workforce grown or cut ("will hire 200 staff" / "will cut 200 jobs": jobs now join workers, review17)
    **dict.fromkeys(["hire", "hir", "hired", "hiring", "recruit", "recruited", "recruiting", "create", "created",
                     "creating"], ("change", 1)),
    **dict.fromkeys(["axe", "axed", "axing", "sack", "sacked", "sacking", "layoff", "laid", "slash", "slashed",
                     "redundancy", "redundancies"], ("change", -1)),
    # a rate or a price raised or lowered ("raised rates by 50 basis points" / "cut rates by half a point",
    # variants18): the verbs of a decision that moves a figure, as the context spells them
    **dict.fromkeys(["raise", "lift", "lifted", "hike", "hiked", "hik"], ("change", 1)),
    **dict.fromkeys(["lower", "lowered", "reduce", "reduced", "reduc", "trim", "trimmed"], ("change", -1)),
}  # fmt: skip


def _sides(context: str) -> dict[str, int]:
    """The side a figure's context words take on each axis of ``_SIDES`` (an axis whose both sides are
    named, "fell 5 percent after rising 3 percent", is left out: the words say neither)."""
    found: dict[str, set[int]] = defaultdict(set)
    for w in context.split():
        if w in _SIDES:
            axis, sign = _SIDES[w]
            found[axis].add(sign)
    return {axis: next(iter(signs)) for axis, signs in found.items() if len(signs) == 1}


def _unlink_opposite_sides(graph: Graph, first: Sequence[int], unit: Sequence[str], ctx: Sequence[str]) -> None:
    """Drop the links between two figures whose words take opposite sides on one axis (``_SIDES``): "shares
    rose 5 percent" / "sales fell 5 percent", "the population grew by 1,200" / "shrank by 1,200", "41 percent
    approve" / "41 percent disapprove". A rise and a fall, approval and disapproval of one size are two facts
    of a story, never one, whatever else their words share. A score or a record is told from both sides ("won
    8-7" / "lost 8-7", "a 3-1 lead" / "3-1 down"), so its words take none."""
    sides: dict[int, dict[str, int]] = {}
    for g, n in enumerate(first):
        if graph.adj[g] and not is_score(unit[n]) and (found := _sides(ctx[n])):
            sides[g] = found
    _unlink_where(graph, sides, _opposite)


# Where a count stands in a series, said right before its figure: "the first two games" and "the final two games",
# "his first 3 goals" and "his last 3 goals", "the past five years" and "the next five years" are different stretches
# of one series, never one fact. "last" and "past" both look back ("the last two seasons" = "the past two seasons").
_POSITIONS = {
    **dict.fromkeys(["first", "opening", "initial"], "first"),
    **dict.fromkeys(["last", "final", "closing", "past", "previous", "preceding"], "last"),
    **dict.fromkeys(["next", "coming", "upcoming", "following"], "next"),
}  # fmt: skip
_POSITION_BEFORE = re.compile(r"\b(" + "|".join(_POSITIONS) + r")\s+$", re.IGNORECASE)


def _unlink_other_positions(graph: Graph, items: Sequence[Item], first: Sequence[int], unit: Sequence[str]) -> None:
    """Drop the links between two counts said of different stretches of a series (``position_of``): "won the
    first two games" / "lost the final two games". A score's "final" is the match ("won the final 3-1"): left."""
    marks: dict[int, str] = {}
    for g, n in enumerate(first):
        if graph.adj[g] and not is_score(unit[n]) and (stretch := position_of(items[n].claim)):
            marks[g] = stretch
    _unlink_where(graph, marks, str.__ne__)


# A position word in "-ing" is an adjective of a stretch only after a determiner ("the following two days", "its
# closing 10 minutes"): "Following 3 days of talks" is "after" them, "is closing 40 branches" and "opening 12
# stores" are verbs (review23).
_DETERMINER_BEFORE = re.compile(r"\b(?:the|its|their|his|her|our|your|this|these|those)\s+$", re.IGNORECASE)


def position_of(claim: Claim) -> str | None:
    """The stretch of a series a count names by the word right before its figure (``_POSITIONS``), or None."""
    at = claim.sentence.find(claim.text)
    before = claim.sentence[max(0, at - 40) : at]
    if at < 0 or not (m := _POSITION_BEFORE.search(before, max(0, len(before) - 20))):
        return None
    word = m.group(1).lower()
    if word.endswith("ing") and word != "upcoming" and not _DETERMINER_BEFORE.search(before, 0, m.start()):
        return None
    return _POSITIONS[word]


# A margin (by how much one side is ahead) is not the count it is told in, nor a result: "a three-run lead" / "gave
# up three runs", "a seven-game lead" / "played seven games", "a 12-seat majority" / "won 12 seats", "a 5-1 lead" /
# "a 5-1 win". A margin is told by its noun ("lead", "deficit", "majority", the head of "a three-run lead" or the
# noun after a score), "a lead of" / "led by" / "trailed by" / "won by" before the figure (a margin of victory is one
# too), or "ahead" / "clear" / "behind" after it. A count is a figure of a unit whose sentence has no word of a
# margin at all (``_MARGIN_WORDS``): a figure "up" by so much, "cut the gap to 12 points" or a score with no noun
# after it ("leads the series 3-1") is left unmarked, as either. Two linked figures marked differently are unlinked.
_MARGIN_NOUNS = frozenset(
    ["lead", "leads", "deficit", "deficits", "advantage", "majority", "margin", "cushion", "edge", "gap"]
)
# a sentence with any of these may tell a margin in words no pattern here knows ("cut the gap to 12 points", "trails
# his team mate Nico Rosberg by 19 points"): its figure is no plain count
_MARGIN_WORDS = re.compile(
    r"\b(?:leads?|leading|led|gaps?|ahead|behind|clear|trail(?:s|ing|ed)?|deficits?|advantages?|majority|majorities"
    r"|margins?|cushion|edge|up|down)\b",
    re.IGNORECASE,
)
_RESULT_NOUNS = frozenset(
    ["win", "wins", "victory", "victories", "defeat", "defeats", "loss", "losses", "rout", "triumph", "thrashing",
     "drubbing", "beating", "upset", "humiliation", "draw", "tie", "result", "scoreline"]
)  # fmt: skip
_ROUGHLY = r"(?:(?:just|only|a|an|about|around|roughly|some|nearly|almost|over|under|more\s+than|less\s+than)\s+){0,2}$"
# "led the Hawks by seven games", "trails his team mate by 19 points", "won by about 1.1 million votes" (a margin of
# victory); only in the units of a margin (``_MARGIN_UNITS``: "a march led by 2,000 soldiers" names who led it)
_BY_BEFORE = re.compile(
    r"\b(?:lead|leads|leading|led|ahead|behind|trail|trails|trailing|trailed|won|win|wins|winning|beat|beats|beaten"
    r"|beating|defeated|lost|lose|loses|losing"
    # a contest or a vote decided by a margin (variants28: "was decided by a dozen votes", "settled by twelve votes",
    # "the motion was carried by 40 votes", "passed by three votes", "held the seat by 12 votes")
    r"|decided|settled|carried|passed|held|retained|clinched)(?:\s+[\w'’-]+){0,5}?\s+by\s+" + _ROUGHLY,
    re.IGNORECASE,
)
_OF_BEFORE = re.compile(r"\b(lead|deficit|advantage|majority|margin|cushion|edge|gap)\s+of\s+" + _ROUGHLY, re.I)
# A sum's deficit or gap is a shortfall, told as a sum as often ("a £3bn deficit" / "£3bn short", "a $14m budget gap" /
# "needs another $14m"), a deficit in percent is one of a budget ("4 percent of GDP"), a gap of a length is a space
# ("a 40cm gap between the train and the platform", "a 30-metre gap in the sea wall"); a margin of accounts is a
# ratio of profit to sales ("an operating margin of 7.5 percent"), a majority in percent the winning side's share ("a
# majority of 61 percent", "a 78 percent majority for strike action"; in points or seats it is a margin). None is a
# side ahead of another (review23).
_NO_SIDES_NOUNS = {
    "money": frozenset(["deficit", "deficits", "gap", "gaps"]),
    "percent": frozenset(["deficit", "deficits"]),
    "distance": frozenset(["gap", "gaps"]),
}
_ACCOUNTS_MARGIN = re.compile(
    r"\b(?:profit|operating|gross|net|pre-?tax|trading|ebitda|underlying|interest|refining|retail)\s+margins?\b", re.I
)
# "won by 320 votes to 250", "won by three sets to one", "by 5,200 votes to Labour's 4,800": a tally of both sides,
# the first figure the winner's own count, not by how much it won (review23)
_TALLY_AFTER = re.compile(
    r"^\s+to\s+(?:\d|(?:nil|love|none|" + "|".join(UNITS_WORDS) + r")\b|[A-Z][\w'’-]*['’]s?\s)"
)
# "up" and "down" after a verb they make another verb of are no side's state ("gave up three runs" counts runs)
_PARTICLES = re.compile(
    r"\b(?:gave|give|gives|giving|given|picked|pick|picks|picking|set|sets|setting|ended|end|ends|ending|shut|shuts"
    r"|shutting|broke|break|breaks|breaking|turned|turn|turns|turning|stepped|step|steps|stepping|wrote|written"
    r"|write|writes|writing)\s+(?:up|down)\b",
    re.IGNORECASE,
)
_MARGIN_AFTER = re.compile(r"^\s+(?:ahead|clear|behind)\b", re.IGNORECASE)
# "settled by two goals from Okafor", "carried by 12 goals by the winger": the goals one player scored, his count, not
# by how much the game was won (review29: variants28's "decided / settled / carried by")
_SCORED = frozenset(["goal", "goals", "run", "runs", "point", "points", "try", "tries", "basket", "baskets"])
_SCORER_AFTER = re.compile(r"^\s+(?:from|by|courtesy\s+of)\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?[\w'’-]+")
# the units a margin is told in by a verb or an adverb alone ("led by seven games", "19 points clear"): "300 jobs
# ahead of the merger" and "1,100 behind bars" are no margins
_MARGIN_UNITS = frozenset(
    ["point", "points", "goal", "goals", "run", "runs", "game", "games", "stroke", "strokes", "shot", "shots",
     "second", "seconds", "length", "lengths", "seat", "seats", "vote", "votes", "ballot", "ballots", "wicket",
     "wickets", "lap", "laps", "place", "places", "win", "wins", "match", "matches", "set", "sets"]
)  # fmt: skip
_WORD_AFTER = re.compile(r"^\s+([a-z]+)\b")
_NOUN_AFTER = re.compile(r"^[\s-]+[a-z][\w-]*\s+([a-z]+)\b")  # a noun after one modifier ("a 2-1 series lead")


def margin_of(claim: Claim, thing: str) -> str | None:
    """Whether a figure is told as a "margin" (by how much one side is ahead: ``_MARGIN_NOUNS``), a "count" of
    its counted thing or a game's "result" ("a 5-1 win"); None when the words leave it open."""
    at = claim.sentence.find(claim.text)
    if at < 0:
        return None
    before, after = claim.sentence[max(0, at - 60) : at], claim.sentence[at + len(claim.text) :]
    if is_score(thing) or thing == "score":
        nouns = [m.group(1).lower() for m in (_WORD_AFTER.match(after), _NOUN_AFTER.match(after)) if m]
        noun = next((w for w in nouns if w in _MARGIN_NOUNS or w in _RESULT_NOUNS), "")
        return "margin" if noun in _MARGIN_NOUNS else "result" if noun in _RESULT_NOUNS else None
    words = claim.text.lower().replace("-", " ").split()
    noun = m.group(1).lower() if (m := _WORD_AFTER.match(after)) else ""
    unit_word = ((claim.unit or "").split() or [""])[-1].lower()
    scorer = unit_word in _SCORED and _SCORER_AFTER.match(after)
    by = _BY_BEFORE.search(before) and not _TALLY_AFTER.match(after) and not scorer
    told = unit_word in _MARGIN_UNITS and bool(by or _MARGIN_AFTER.match(after))
    of = o.group(1).lower() if (o := _OF_BEFORE.search(before)) else ""
    marked = next((w for w in (words[-1], noun, of) if w in _MARGIN_NOUNS), "")
    if marked and not _a_side_ahead(claim, marked, at):
        marked = ""
    if marked or told:
        return "margin"
    if claim.unit is None or not claim.unit.strip() or _MARGIN_WORDS.search(_PARTICLES.sub(" ", claim.sentence)):
        return None
    return "count"


def _a_side_ahead(claim: Claim, noun: str, at: int) -> bool:
    """Whether a margin noun said of the figure at ``at`` is one side's lead, not a sum's shortfall nor a margin of
    accounts, a space nor a share (``_NO_SIDES_NOUNS``, ``_ACCOUNTS_MARGIN``)."""
    if noun in _NO_SIDES_NOUNS.get(claim.extra.get("measure", ""), ()):
        return False
    if noun.startswith("majorit") and claim.unit == "percent":
        return False
    near = claim.sentence[max(0, at - 40) : at + len(claim.text) + 40]
    return not (noun.startswith("margin") and _ACCOUNTS_MARGIN.search(near))


def _unlink_potential(graph: Graph, items: Sequence[Item], first: Sequence[int]) -> None:
    """Drop the links between a figure told as what may happen and one told as what did (``conflicts.potential``):
    "faces up to 10 years in prison" / "was sentenced to 8 years", "could lose as many as 500 jobs" / "lost 450
    jobs", "a maximum fine of $5 million" / "was fined $4 million" are two facts of a story."""
    marks = {g: potential(items[n].claim) for g, n in enumerate(first) if graph.adj[g]}
    _unlink_where(graph, marks, operator.ne)


# What a figure's words say it counts beyond its noun (factjoin16, issue 12), from general news English:
# - the noun's own complement: "312 species of beetle" / "of moth", "4.2 million km from Earth" / "from Mars"
#   ("from" only before a name: "from last year" and "from a year earlier" are one comparison);
_COMPLEMENT = re.compile(r"\s+(of|from)\s+(?:(?:the|a|an)\s+)?([A-Za-z][\w'-]*)")
_NO_COMPLEMENT = frozenset(
    ["them", "those", "these", "whom", "which", "its", "their", "his", "her", "our", "all", "each", "every", "whose",
     "what", "this", "that", "it", "us", "you", "me", "him", "one", "two", "three", "last", "next", "about", "up",
     "more", "over", "under", "around", "nearly", "almost", "some", "between"]
)  # fmt: skip
# ... "of" only after a noun of kinds: other heads take synonyms ("rounds of talks" / "of negotiations",
# "tonnes of aid" / "of supplies")
_KIND_NOUNS = frozenset(
    ["species", "subspecies", "breed", "breeds", "variety", "varieties", "strain", "strains", "kind", "kinds", "type",
     "types", "sort", "sorts", "genus", "genera", "family", "families"]
)  # fmt: skip
# - a span of time after the figure in its clause: "12,000 doses in a week" / "in a month", "300 a day";
_SPAN_AFTER = re.compile(
    r"^[^,;:.]{0,40}?\b(?:in|per|a|an|each|every)\s+(?:(?:a|an|one|single)\s+)?"
    r"(hour|day|week|fortnight|month|quarter|year|decade)\b"
)
# - the state a storm leaves homes or people in: without power, damaged or destroyed, evacuated.
_STATES: dict[str, str] = {
    **dict.fromkeys(["without power", "without electricity", "lost power", "power cut", "power outage", "in the dark",
                     "blackout", "power was cut", "cut power", "cut off power", "knocked out power", "lost electricity",
                     "power was knocked out", "outage", "outages"], "outage"),
    **dict.fromkeys(["damaged", "destroyed", "flattened", "flooded", "razed"], "damage"),
    **dict.fromkeys(["evacuated", "evacuation", "displaced"], "evacuated"),
}  # fmt: skip
_STATE_WORDS = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, _STATES), key=len, reverse=True)) + r")\b", re.I)


def _unlink_other_things(graph: Graph, items: Sequence[Item], first: Sequence[int], unit: Sequence[str]) -> None:
    """Drop the links between two figures whose words say they count two different things (``_other_things``):
    two complements of one noun, two spans of time, two states of one counted thing, or two named holders
    (``Holders``: "the Greens won 14 seats" / "the Liberals won 14 seats")."""
    holders: Holders | None = None
    marks: dict[int, tuple[frozenset[str], str, frozenset[str], frozenset[str], int]] = {}
    for g, n in enumerate(first):
        if not graph.adj[g] or is_score(unit[n]):
            continue
        claim = items[n].claim
        holders = holders or Holders(items)
        # a holder counts here only as the subject of a verb both sentences give it ("the Greens won 14 seats" /
        # "the Liberals won 14 seats"): "North Korea carried out its sixth test" / "Pyongyang said the sixth
        # test" name one country twice
        held = frozenset(f"{_holder_verb(claim)} {w}" for w in holders.of(n)) if not is_ordinal(unit[n]) else frozenset()
        marks[g] = (*_things_said(claim, unit[n]), held, n)
    if not marks:
        return
    assert holders is not None
    hs = holders
    _unlink_where(graph, marks, lambda a, b: _other_things(a, b, hs))


def _things_said(claim: Claim, thing: str) -> tuple[frozenset[str], str, frozenset[str]]:
    """A figure's noun complement, span of time after it and states (``_unlink_other_things``), "" / empty when none."""
    s = claim.sentence
    at = s.find(claim.text)
    after = s[at + len(claim.text) :] if at >= 0 else ""
    complement: frozenset[str] = frozenset()
    words = claim.text.split()
    noun_last = bool(words) and words[-1][:1].isalpha() and words[-1].lower() not in SCALES
    if noun_last and claim.extra.get("measure") != "percent" and thing not in _SPANS_OF_TIME:
        m = _COMPLEMENT.match(after)
        if m and m.group(2).lower() not in _NO_COMPLEMENT and m.group(2).lower() not in MATCH_STOPWORDS:
            # the phrase's words up to a small word ("of ground beetle", "from the Panamanian law firm Mossack
            # Fonseca"); after "from" only its names, so a place told two ways ("Panamanian" / "Panama-based")
            # still shares the firm's name
            # "of" only before a kind in small letters ("of beetle", "of wheat"): a body or an owner ("members of
            # the ruling party's top body" / "of China's Politburo") is named in too many ways
            phrase = []
            for w in after[m.start(2) :].split()[:5]:
                w = w.strip(".,;:!?()\"")
                if not w or w.lower() in MATCH_STOPWORDS or w.lower() in _LINKS or not w[:1].isalpha():
                    break
                if m.group(1) == "from" and w[:1].isupper():
                    phrase.append(match_stem(w.lower().rstrip("'’")))
                elif m.group(1) == "of" and words[-1].lower() in _KIND_NOUNS:
                    if w[:1].isupper() or w.endswith(("'s", "’s", "'", "’")):
                        phrase = []
                        break
                    phrase.append(match_stem(w.lower()))
            complement = frozenset(phrase)
    span = ""
    if thing not in _SPANS_OF_TIME and (m := _SPAN_AFTER.match(after)):
        span = m.group(1)
    clause = _clause_of(s, claim.text) if at >= 0 else s
    states = frozenset(_STATES[w.lower()] for w in _STATE_WORDS.findall(clause))
    return complement, span, states


def _other_things(
    a: tuple[frozenset[str], str, frozenset[str], frozenset[str], int],
    b: tuple[frozenset[str], str, frozenset[str], frozenset[str], int],
    holders: Holders,
) -> bool:
    """Whether two figures' words (``_things_said``, holders) say two things: both name a complement, a span or
    states and they differ (states: none in common), or each names a holder the other's sentence does not."""
    if a[0] and b[0] and not a[0] & b[0]:
        return True
    if a[1] and b[1] and a[1] != b[1]:
        return True
    if a[2] and b[2] and not a[2] & b[2]:
        return True
    if not (a[3] and b[3]) or {w.split()[0] for w in a[3]} != {w.split()[0] for w in b[3]}:
        return False
    return not holders.agree(a[4], b[4])


def _holder_verb(claim: Claim) -> str:
    """The first word between a figure's holder (``_HOLDER``) and the figure ("won" in "the Greens won 14"),
    "'s" after a possessive."""
    s = claim.sentence
    at = s.find(claim.text)
    m = _HOLDER.search(s, max(0, at - 120), at) if at > 0 else None
    if not m:
        return ""
    gap = m.group(3).split()
    return match_stem(gap[0].lower()) if gap else "'s"


def _opposite(mine: dict[str, int], theirs: dict[str, int]) -> bool:
    """Whether two figures' sides (``_sides``) differ on an axis both take."""
    return any(theirs.get(axis, sign) != sign for axis, sign in mine.items())


_Mark = TypeVar("_Mark")


def _unlink_other_times(
    graph: Graph, items: Sequence[Item], first: Sequence[int], options: MatchOptions, times: Sequence[float | None] | None
) -> None:
    """Drop the links between a time named against the day of writing and a calendar time it cannot be, read
    against the publication time of the article that wrote it (review20; ``relative_fits``): "carried 52 million
    passengers last year" in a June 2026 article and "52 million passengers in 2018" are two years' figures, "fell
    3 percent last month" and "fell 3 percent in January" two months'. Without publication times, every such link."""
    marks = {g: n for g, n in enumerate(first) if graph.adj[g]}

    def apart(n: int, m: int) -> bool:
        a, b = match_when(items[n].claim), match_when(items[m].claim)
        if not relative_meets_point(a, b) or when_strictly_compatible(a, b, options.when_threshold):
            return False
        ta = times[items[n].article] if times is not None else None
        tb = times[items[m].article] if times is not None else None
        return not relative_fits(a, b, ta, tb)

    _unlink_where(graph, marks, apart)


def _a_toll(claim: Claim, thing: str) -> bool:
    """A count that evolves over the days of one event (deaths, arrests, "killed four miners"), not a length of
    time still running ("has been held for 20 days"), which runs on for weeks and names no place of its own."""
    return (can_evolve(claim, thing) or evolving_role(claim, thing) is not None) and running_length(claim, thing) is None


# Reports of one undated toll this many update spans apart are two events' whatever they name (two floods of one
# valley a month apart); a final toll retold days after its event keeps its links unless the places differ.
FAR_TOLLS = 5


# A count told as it stands when the outlet writes: the present perfect ("have died", "has killed", "have now
# been arrested"), a figure that rose ("rose to", "climbed to"), "now", "so far", "to date".
_AS_OF_WRITING = re.compile(
    r"\b(?:(?:has|have)\s+(?:now\s+|so\s+far\s+)?(?:been\s+)?[a-z]+(?:ed|en|ied|lled|t)\b|"
    r"r[io]sen?\s+to|rises\s+to|climb(?:s|ed)\s+to|reach(?:es|ed)|now|so\s+far|to\s+date)\b",
    re.IGNORECASE,
)


def _as_of_writing(claim: Claim) -> bool:
    """A toll told as it stands at the time of writing (``_AS_OF_WRITING``), not retold as past ("killed 58")."""
    return _AS_OF_WRITING.search(claim.sentence) is not None


def _unlink_far_tolls(
    graph: Graph,
    items: Sequence[Item],
    first: Sequence[int],
    unit: Sequence[str],
    options: MatchOptions,
    times: Sequence[float | None] | None,
) -> None:
    """Drop the links between two reports of an undated count that evolves (a toll, the injured, the missing,
    arrests) published more than ``update_span`` apart (every report of one from every report of the other) whose
    sentences name two places and none in common, or more than ``FAR_TOLLS`` spans apart whatever they name: an
    undated toll is the count at the time of writing, so "Nine miners have died in the roof fall at the Tarn Hollow
    pit" and "Nine miners died at Kestrel" three weeks apart are two accidents' tolls (tolls23). A count with a date
    of its own ("in 2019", "last year") keeps its links."""
    if times is None:
        return
    marks: dict[int, tuple[float, float, Claim]] = {}
    for g, n in enumerate(first):
        if not graph.adj[g] or not _a_toll(items[n].claim, unit[n]):
            continue
        members = graph.members[g]
        if any((w := match_when(items[m].claim)) and not _undated(w) for m in members):
            continue
        ts = [times[items[m].article] for m in members]
        known = [t for t in ts if t is not None]
        if known and len(known) == len(ts):
            marks[g] = (min(known), max(known), items[n].claim)
    span = options.update_span

    def apart(a: tuple[float, float, Claim], b: tuple[float, float, Claim]) -> bool:
        gap = max(a[0], b[0]) - min(a[1], b[1])
        # days apart and two places named; or weeks apart (a final toll is retold for days after the event)
        if gap <= span:
            return False
        assert a[2].value is not None and b[2].value is not None
        if not values_agree(a[2].value, b[2].value):
            return True
        return _as_of_writing(a[2]) and _as_of_writing(b[2]) or gap > FAR_TOLLS * span and not _names_one_event(a[2], b[2])

    _unlink_where(graph, marks, apart)


def _unlink_other_places(graph: Graph, items: Sequence[Item], first: Sequence[int], unit: Sequence[str]) -> None:
    """Drop the links between two different figures of a count that evolves whose sentences name places or bodies
    and none in common (``_names_one_event``): "Deaths from the cholera outbreak in Tarsk rose to 15" and "19 people
    have died in the cholera outbreak in Welby" are two outbreaks' tolls, neither an update nor a conflict of the
    other (tolls23). Figures that agree keep their links."""
    marks = {
        g: items[n].claim
        for g, n in enumerate(first)
        if graph.adj[g] and _a_toll(items[n].claim, unit[n])
    }

    def apart(a: Claim, b: Claim) -> bool:
        assert a.value is not None and b.value is not None
        return not values_agree(a.value, b.value) and not _names_one_event(a, b)

    _unlink_where(graph, marks, apart)


_BY_UNTIL = frozenset(["by", "until", "till", "as"])


def _undated(when: str) -> bool:
    """A time of day or a weekday only, maybe after "by" or "until" ("by Monday evening"): no date of its own."""
    words = when_words(when) - _BY_UNTIL
    return not words or day_only(" ".join(sorted(words)))


def _unlink_where(graph: Graph, marks: dict[int, _Mark], apart: Callable[[_Mark, _Mark], bool]) -> None:
    """Drop every link between two groups with marks that ``apart`` says are two facts."""
    for g, mine in marks.items():
        for h in [h for h in graph.adj[g] if h > g and h in marks]:
            if apart(mine, marks[h]):
                del graph.adj[g][h], graph.adj[h][g]
                graph.rules.pop((g, h), None)
                graph.totals = None


# What a share or a sum measures, by the words of general economic and political news (stems, as ``number_context``
# gives them): two of these named by two figures' words and none in common are two figures of a story
# ("unemployment rose to 4.2 percent" / "inflation stood at 4.2 percent"; "profits of $3 billion" / "revenue of
# $3 billion"), never one fact.
_QUANTITIES: dict[str, str] = {
    **dict.fromkeys(["unemployment", "jobless", "unemployed"], "unemployment"),
    **dict.fromkeys(["inflation"], "inflation"),
    **dict.fromkeys(["turnout"], "turnout"),
    **dict.fromkeys(["interest"], "interest"),
    **dict.fromkeys(["tax", "taxe", "tariff", "levy"], "tax"),
    **dict.fromkeys(["vote", "vot", "ballot"], "vote"),  # "vot": the stem of "voted"
    **dict.fromkeys(["approval", "support", "popularity"], "approval"),
    **dict.fromkeys(["stock"], "stock"),
    **dict.fromkeys(["staff", "workforce", "worker", "employee", "job"], "workforce"),
    **dict.fromkeys(["sale", "revenue", "turnover"], "sales"),
    **dict.fromkeys(["profit"], "profit"),
    **dict.fromkeys(["wage", "salary"], "wage"),
    **dict.fromkeys(["debt"], "debt"),
    **dict.fromkeys(["deficit"], "deficit"),
    **dict.fromkeys(["budget", "spending"], "budget"),
    **dict.fromkeys(["rent"], "rent"),
    # a penalty a body imposes and what a court makes one side pay the other (factjoin16)
    **dict.fromkeys(["fin", "fine", "fined", "penalty"], "fine"),
    **dict.fromkeys(["damage", "compensation"], "damages"),
}  # fmt: skip
_SHARES_AND_SUMS = frozenset(["percent", "money"])


def _unlink_other_quantities(graph: Graph, items: Sequence[Item], first: Sequence[int], ctx: Sequence[str]) -> None:
    """Drop the links between two shares or sums whose words name what each measures (``_QUANTITIES``) and
    nothing in common: the jobless rate and inflation at 4.2 percent, turnout and the mayor's support at 41
    percent, profits and revenue of $3 billion are two figures of a story. Words that name no such quantity
    ("fell 12 percent on Tuesday", "the price of bitcoin") leave the link as it is."""
    named: dict[int, frozenset[str]] = {}
    for g, n in enumerate(first):
        if graph.adj[g] and (found := _quantities(items[n].claim, ctx[n])):
            named[g] = found
    _unlink_where(graph, named, _other_quantities)


def _other_quantities(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Whether two figures name quantities (``_quantities``), none of them in common."""
    return bool(mine and theirs and not mine & theirs)


# Voters who cast a ballot at all ("62% of voters cast a ballot", "turned out to vote", "went to the polls") are the
# turnout, not a vote share ("cast their ballot for the Greens", "54% of the vote")
_TURNED_OUT = re.compile(
    r"\b(?:cast\s+(?:a|their)\s+(?:ballot|vote)s?(?!\s+(?:for|in\s+favou?r|against)\b)|turned\s+out\s+to\s+vote|"
    r"went\s+to\s+the\s+polls|"
    # "68% took part in the vote", "71% of the people on the register voted" (variants19)
    r"took\s+part\s+in\s+the\s+(?:vote|ballot|election|poll|referendum)|"
    r"(?:register|electorate|registered\s+voters|eligible\s+voters)\s+voted(?!\s+(?:for|in\s+favou?r|against|to)\b))\b",
    re.IGNORECASE,
)


# Profit or income "before tax", "after tax", "pre-tax": the tax qualifies the sum, it is no tax paid (variants19:
# "made 4.2 billion pounds before tax" / "profit rose to GBP 4.2 bln" were two quantities)
_BEFORE_TAX = re.compile(r"\b(?:before|after|pre|post)[\s-]?tax\b", re.IGNORECASE)


def _quantities(claim: Claim, context: str) -> frozenset[str]:
    if claim.extra.get("measure") not in _SHARES_AND_SUMS:
        return frozenset()
    found = frozenset(_QUANTITIES[w] for w in context.split() if w in _QUANTITIES)
    if "tax" in found and _BEFORE_TAX.search(claim.sentence) and "tax" not in _BEFORE_TAX.sub("", claim.sentence).lower():
        found = found - {"tax"}
    if "vote" in found and _TURNED_OUT.search(claim.sentence):
        found = (found - {"vote"}) | {"turnout"}
    return found


def told_apart(a: Claim, b: Claim) -> bool:
    """Whether two figures' words say they are two facts whatever else agrees: opposite sides on one axis
    (``_unlink_opposite_sides``) or different named quantities of a share or a sum (``_unlink_other_quantities``).
    An article's figure given twice is one figure unless this holds (``pipeline.distinct_claims``)."""
    ca, cb = number_context(a), number_context(b)
    if not is_score(thing_key(a)) and not is_score(thing_key(b)) and _opposite(_sides(ca), _sides(cb)):
        return True
    return _other_quantities(_quantities(a, ca), _quantities(b, cb))


def _context_words(context: str) -> frozenset[str]:
    """A number's context words (``number_context``) that say what it is about: no figures, no number words."""
    return frozenset(w for w in context.split() if not w[:1].isdigit() and w not in _NUMBER_WORDS)


def _words_around(words: frozenset[str], claim: Claim) -> frozenset[str]:
    """A number's context words (``_context_words``) without the words of the claim itself ("third time"):
    what the words around it say."""
    own = match_content_words(claim.text)
    return words - {*own, *(CONTEXT_SYNONYMS.get(w, w) for w in own)}


def _share_a_word(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a & b)


def _names_memo() -> Callable[[str], Any]:
    """A sentence's names and acronyms (``names``, ``acronyms``), each sentence worked out once."""
    return _memo(lambda sentence: (frozenset(names(sentence)), acronyms(sentence)))


# Names of months and days a sentence capitalises, which name no person or place ("May" is left: also a name).
_CALENDAR = CALENDAR_WORDS - {"may"}


def _lone_ok(
    items: Sequence[Item], first: Sequence[int], g: int, h: int, names_of: Callable[[str], Any], acronyms: bool = False
) -> bool:
    """Whether two reports of one small figure of one thing that share no words may still be one fact:
    unless both sentences name people or places and none in common ("three sacks" by one player,
    "three sacks" by another). With ``acronyms``, an organisation both name by its acronym ("ICIJ") is
    one in common (not for plain counts: "the NFL" in two sentences does not make two players one)."""
    (a, a_acr), (b, b_acr) = names_of(items[first[g]].claim.sentence), names_of(items[first[h]].claim.sentence)
    a, b = a - _CALENDAR, b - _CALENDAR  # "Rainfall since March ...": a month is no person or place (variants29)
    return not a or not b or bool(a & b) or (acronyms and bool(a_acr & b_acr))


# A figure's holder: the name that is the subject or owner of the figure, a few small words before it
# ("Jones scored 22", "Moreno threw for 287", "Kane now has 16", "Arizona's 26-24"), the first of them no
# preposition (``_LINKS``).
_HOLDER = re.compile(
    r"(?<![\w’'-])((?:[A-Z][\w’'-]*[a-z][\w’'-]*\s+)*[A-Z][\w’'-]*[a-z][\w’'-]*)([’']s?)?\s+((?:[a-z][\w’'-]*\s+){0,3})$"
)
# a name joined to the figure by a preposition is no holder ("Dunmore with 64", "the league final in 112 years")
_LINKS = frozenset(
    ["in", "on", "at", "for", "of", "from", "with", "by", "to", "since", "after", "before", "over", "under",
     "against", "near", "during", "than", "into", "about", "around", "across", "between", "among", "as", "and",
     "or", "but", "while"]
)  # fmt: skip
# ... nor one only adverbs join to it ("Dunmore's Ada Kerr just two games from the title"): a verb
# ("scored", "has") or a possessive says whose the figure is
_ADVERBS = frozenset(
    ["just", "only", "nearly", "almost", "about", "some", "roughly", "around", "now", "also", "still", "already",
     "even", "barely", "merely", "exactly", "approximately", "up", "down", "least", "most", "more", "less", "than",
     "the", "a", "an", "another", "all", "its", "their", "his", "her"]
)  # fmt: skip
_AFTER_PLACE = re.compile(r"\b(?:in|at|from|near|outside|to)\s+([A-Z][\w’'-]*[a-z][\w’'-]*)")
_LOWER_WORD = re.compile(r"\b[a-z][a-z’'-]*\b")
_NOT_HOLDERS = CALENDAR_WORDS


class Holders:
    """Who holds a loose figure (two significant digits below a hundred): the names just before it (``_HOLDER``:
    a few small words between, so within its clause), "Jones scored 22 points for the Hawks" -> {jones}; none
    when the figure has no such subject or owner. A sentence's first word counts when it is a name, which a
    capital cannot tell there: when no sentence of the batch has it in small letters ("Police", "Officials"
    and "Seven" do; "Jones" does not). A place holds nothing (a name the batch puts after "in", "at",
    "from"...: "Minsk" and "Belarus" both stand for the government). Only the loose figures' join on the
    figure alone asks it: on precise figures and on words alike it split a fact of the held-out events."""

    def __init__(self, items: Sequence[Item]) -> None:
        self.items = items
        self._lower: set[str] | None = None
        self._placed: set[str] = set()
        self._memo: dict[int, frozenset[str]] = {}
        self._by_text: dict[tuple[str, str], frozenset[str]] = {}  # claims repeat across articles
        self._names: dict[str, frozenset[str]] = {}

    def _small_words(self) -> set[str]:
        if self._lower is None:
            seen = {it.claim.sentence for it in self.items}
            self._lower = {w for s in seen for w in _LOWER_WORD.findall(s)}
            # places: a name the batch puts after "in", "at", "from"... stands for its government or its team
            # too ("Minsk freed 52 prisoners" / "Belarus freed 52 prisoners"), so it holds nothing of its own
            self._placed = {m.group(1).lower() for s in seen for m in _AFTER_PLACE.finditer(s)}
        return self._lower

    def of(self, n: int) -> frozenset[str]:
        if n in self._memo:
            return self._memo[n]
        claim = self.items[n].claim
        key = (claim.sentence, claim.text)
        if key not in self._by_text:
            self._by_text[key] = self._find(claim)
        self._memo[n] = out = self._by_text[key]
        return out

    def _find(self, claim: Claim) -> frozenset[str]:
        s = claim.sentence
        at = s.find(claim.text)
        m = _HOLDER.search(s, max(0, at - 120), at) if at > 0 else None
        if not m:
            return frozenset()
        gap = m.group(3).split()
        if not (gap[0] not in _LINKS and not set(gap) <= _ADVERBS if gap else m.group(2)):
            return frozenset()
        initial = m.start(1) <= len(s) - len(s.lstrip())
        found = set()
        for k, word in enumerate(m.group(1).split()):
            w = word.lower().removesuffix("’s").removesuffix("'s").rstrip("’'")
            small = self._small_words()
            if w in MATCH_STOPWORDS or w in _NOT_HOLDERS or w in self._placed or (k == 0 and initial and w in small):
                continue
            found.add(match_stem(w))
        return frozenset(found)

    def agree(self, a: int, b: int) -> bool:
        """Whether two reports of one figure may be one fact: not when each names its own holder and
        neither sentence names all the other's ("Jones scored 22 points" / "Brown had 22 points for the
        Owls": two players, one figure, though both sentences name the Owls)."""
        ha = self.of(a)
        if not ha:
            return True
        hb = self.of(b)
        if not hb or ha & hb:
            return True
        sa, sb = self._names_of(self.items[a].claim.sentence), self._names_of(self.items[b].claim.sentence)
        return ha <= sb or hb <= sa

    def _names_of(self, sentence: str) -> frozenset[str]:
        """``names`` of a sentence, each sentence worked out once (asked again for every pair it is in)."""
        found = self._names.get(sentence)
        if found is None:
            found = self._names[sentence] = frozenset(names(sentence))
        return found


def _same_described(items: Sequence[Item], first: Sequence[int], g: int, h: int) -> bool:
    """Two hyphenated figures describing the same noun: "a 17-minute rain delay" / "a 17-minute delay"."""
    a, b = items[first[g]].claim, items[first[h]].claim
    if not (compound_key(a) and compound_key(b)):
        return False
    return (a.unit or "").split()[-1:] == (b.unit or "").split()[-1:]


# Durations of a story ("waited 71 years", "the curse held for 71 years"): a two-digit one is one fact
# whatever the other words when both measure the same thing (``_same_measured``).
_DURATIONS = frozenset(["year", "month", "week", "day", "decade", "century"])
_SPANS_OF_TIME = _DURATIONS | {"hour", "minute", "second", "season"}
# What a length of time measures, by the words of its clause: a wait or a drought ("waited 71 years", "the
# curse held for 71 years", "68 years without a title", "their first title in 108 years"), a term in a post
# ("served 12 years", "16 years in office", "spent 14 years at the club"), a term in custody ("sentenced to 12
# years", "spent 12 years in prison"), the length of an event or a work ("the inquiry lasted 12 years", "took 14
# years to build").
# the tabloids' words for a term in prison (variants28): "caged for six years", "locked up for life", "banged up"
_TABLOID_TERM = r"caged|(?:locked|banged)\s+up"
_MEASURED = {
    "wait": r"wait\w*|drought\w*|curse[sd]?|absence|fallow|without|since|first|ago|hiatus|gap",
    "tenure": r"serv(?:e|ed|es|ing)|tenure|term|helm|reign\w*|rul(?:ed|ing)|led|career|office|spen[dt]\w*|stint",
    "custody": r"sentenc\w*|jail\w*|prison\w*|imprison\w*|custody|detention|bars|spen[dt]\w*|" + _TABLOID_TERM,
    "length": r"last(?:ed|ing|s)|took|take[sn]?|taking|span\w*|long|duration|runs?|running|ran",
}
_MEASURED_RE = {family: re.compile(rf"\b(?:{words})\b", re.I) for family, words in _MEASURED.items()}


def _same_measured(a: Claim, b: Claim) -> bool:
    """Whether two durations of one figure measure the same thing: their clauses (``_own_clause``) say one
    kind of time (``_MEASURED``: "waited" / "the curse held"; "served" / "in office") or share a content word
    ("no tax for 30 years" / "in 30 years has never paid tax"). "Served 12 years in office" and "the inquiry
    lasted 12 years" measure two things, whatever people or places their sentences name."""
    (kinds_a, words_a), (kinds_b, words_b) = _measured(a.sentence, a.text), _measured(b.sentence, b.text)
    return bool(kinds_a & kinds_b) or bool(words_a & words_b)


@functools.lru_cache(maxsize=16384)
def _measured(sentence: str, text: str) -> tuple[frozenset[str], frozenset[str]]:
    """What the clause of a duration (``_own_clause``) says it measures (``_MEASURED``) and its content
    words (no figures, number words or units of time), each claim worked out once, not per pair."""
    clause = _clause_of(sentence, text)
    kinds = frozenset(f for f, rx in _MEASURED_RE.items() if rx.search(clause))
    words = frozenset(w for w in match_content_words(clause) if not w[:1].isdigit()) - _NUMBER_WORDS - _DURATION_WORDS
    return kinds, words


_DURATION_WORDS = frozenset(match_stem(w) for u in _DURATIONS for w in (u, u + "s", "centuries", "decades"))
_TERM_WORDS = re.compile(
    r"\b(?:jail|jailed|prison|imprison\w*|sentenc\w*|behind bars|custody|detention|" + _TABLOID_TERM + r")\b", re.I
)


def _same_term(items: Sequence[Item], first: Sequence[int], g: int, h: int) -> bool:
    """Whether two durations may be one: not a prison term and a time that is none ("jailed for 12 years"
    / "spent 12 years at the helm")."""
    return _is_term(items[first[g]].claim.sentence) == _is_term(items[first[h]].claim.sentence)


@functools.lru_cache(maxsize=16384)
def _is_term(sentence: str) -> bool:
    return bool(_TERM_WORDS.search(sentence))


# Words that say which dimension a measure gives ("40m deep", "a depth of 40m", "30cm-diameter", "30cm wide").
_DIMENSION = {"deep": "depth", "depth": "depth", "wide": "width", "width": "width", "diameter": "width",
              "across": "width", "narrow": "width", "broad": "width", "long": "length", "length": "length",
              "tall": "height", "high": "height", "height": "height", "thick": "thickness",
              "thickness": "thickness", "away": "distance", "distance": "distance", "far": "distance"}  # fmt: skip
_LETTERS = re.compile(r"[a-z]+")


def _dimensions(claim: Claim) -> frozenset[str]:
    """The dimensions the clause of a measure names (``_DIMENSION``): "130ft deep and 12 inches wide"
    gives depth for the first, width for the second."""
    return _clause_dimensions(claim.sentence, claim.text)


@functools.lru_cache(maxsize=16384)
def _clause_dimensions(sentence: str, text: str) -> frozenset[str]:
    return frozenset(d for w in _LETTERS.findall(_clause_of(sentence, text).lower()) if (d := _DIMENSION.get(w)))


def _same_dimension(items: Sequence[Item], first: Sequence[int], g: int, h: int) -> bool:
    """Whether two measures of one figure and unit may give one dimension: not when both clauses name
    dimensions and none in common ("40m deep" / "40m long")."""
    a, b = _dimensions(items[first[g]].claim), _dimensions(items[first[h]].claim)
    return not a or not b or bool(a & b)


# The score of two reports of the same precise figure of one thing (or class of things): above the
# linkage threshold on its own, so that such reports join whatever words surround them.
PRECISE_SCORE = 0.7
# The score of two agreeing figures of one role ("killed at least 50" / "59 dead"), whatever the
# words around them: in one story, the dead, the injured or the prisoners are counted once.
ROLE_SCORE = 0.55


def _class_links(
    items: Sequence[Item],
    graph: Graph,
    options: MatchOptions,
    first: Sequence[int],
    unit: Sequence[str],
    ctx: Sequence[str],
    figure: Any,
    precise: Any,
) -> None:
    """Links between numbers of different things of one class ("seven nationals", "seven
    tourists"; "2,500 troops", "2,500 soldiers") that give the same figure: when the figure is
    precise, or their contexts share words. Only agreeing figures link across things: different
    things never conflict, and a figure is never updated from another thing's.
    """
    floor = 100 * options.number_context_floor
    same: dict[tuple[bool, float], list[int]] = defaultdict(list)
    classes: dict[int, str] = {}
    for g, n in enumerate(first):
        claim = items[n].claim
        if claim.value is None or figure[g] <= 0 or is_wide(claim.value):
            continue
        cls = thing_class(unit[n], claim.unit)
        if cls is None and precise[g]:
            cls = count_class(unit[n])
        if cls is not None:
            classes[g] = cls
            same[is_span(claim.when), float(figure[g])].append(g)
    for groups in same.values():
        counts = {unit[first[g]] for g in groups if is_count_class(classes[g])}
        if len(counts) > options.count_names:
            # a figure given for many things does not single one out (another story, a common value)
            groups = [g for g in groups if not is_count_class(classes[g])]
        if len(groups) < 2 or len({unit[first[g]] for g in groups}) < 2:
            continue
        for a, b in itertools.combinations(groups[: options.max_candidates], 2):
            n, m = first[a], first[b]
            if unit[n] == unit[m] or b in graph.adj[a] or not classes_agree(classes[a], classes[b]):
                continue
            if len(graph.members[a]) == len(graph.members[b]) == 1 and items[n].article == items[m].article:
                continue
            sim = float(fuzz.token_set_ratio(ctx[n], ctx[m]))
            counting = is_count_class(classes[a]) or is_count_class(classes[b])
            if (sim < floor or counting) and not precise[a]:
                continue
            if counting and significant_digits(float(figure[a])) < 2:
                continue  # "a million migrants", "a million voters": a one-digit round figure names no one thing
            if role_family(items[n].claim, unit[n]) != role_family(items[m].claim, unit[m]):
                continue  # "150 killed" and "150 injured" (or "arrested 150 protesters"): two counts of a story
            scored = number_pair(items[n].claim, items[m].claim, sim / 100, unit[n], options)
            if scored is None or scored[1].kind != "agree":
                continue
            graph.link(a, b, max(scored[0], PRECISE_SCORE) if precise[a] else scored[0])


def _modifier_links(
    items: Sequence[Item],
    graph: Graph,
    options: MatchOptions,
    first: Sequence[int],
    unit: Sequence[str],
    figure: Any,
    precise: Any,
) -> None:
    """Links between numbers of different head nouns whose written counted things share a describing
    word and give the same figure: "12 current or former world leaders" / "12 current or former heads
    of state", "more than 100 media partners" / "more than 100 media organisations", "two Super Bowl
    rings" / "two Super Bowl wins". Outlets name the thing differently but keep what describes it.
    Only agreeing figures link, and not when the two sentences name different people or places
    (``_lone_ok``; an organisation both name by its acronym, "the ICIJ", is one they share)."""
    same: dict[tuple[bool, float], list[int]] = defaultdict(list)
    mods: dict[int, frozenset[str]] = {}
    for g, n in enumerate(first):
        claim = items[n].claim
        if claim.value is None or figure[g] < 2 or is_wide(claim.value) or not unit[n]:
            continue
        words = match_content_words((claim.unit or "").replace("-", " "))
        described = frozenset(w for w in words[:-1] if not w.isdigit() and w != unit[n]) - _WEAK_MODIFIERS
        if described:
            mods[g] = described
            same[is_span(claim.when), float(figure[g])].append(g)
    names_of = _names_memo()
    for groups in same.values():
        if len(groups) < 2 or len({unit[first[g]] for g in groups}) < 2:
            continue
        for a, b in itertools.combinations(groups[: options.max_candidates], 2):
            n, m = first[a], first[b]
            if unit[n] == unit[m] or b in graph.adj[a] or not (mods[a] & mods[b]):
                continue
            if items[n].article == items[m].article and len(graph.members[a]) == len(graph.members[b]) == 1:
                continue
            if not _lone_ok(items, first, a, b, names_of, acronyms=True):
                continue
            scored = number_pair(items[n].claim, items[m].claim, 0.0, unit[n], options)
            if scored is None or scored[1].kind != "agree":
                continue
            graph.link(a, b, PRECISE_SCORE if precise[a] and precise[b] else ROLE_SCORE)


def _role_links(
    items: Sequence[Item], graph: Graph, options: MatchOptions, first: Sequence[int], unit: Sequence[str], figure: Any
) -> None:
    """Links between a count of a role ("10 missing", "10 others were missing", "150 arrested") and a count of
    people the same sentence gives that role ("10 missing skiers", "arrested 150 protesters": a person noun with
    ``extra["role"]``) with the same figure: outlets name the counted people or only what befell them. Only
    agreeing figures of one role family link (never "10 missing" and "10 injured skiers"), and not when the two
    sentences name different people or places (``_lone_ok``)."""
    same: dict[tuple[bool, float], list[int]] = defaultdict(list)
    family: dict[int, str] = {}
    for g, n in enumerate(first):
        claim = items[n].claim
        if claim.value is None or figure[g] < 2 or is_wide(claim.value):
            continue
        fam = role_family(claim, unit[n])
        # generic people with a role already count it (``thing_key``: "two men were hurt" counts the injured)
        if fam and (unit[n] in ROLE_THINGS or (noun_kind(unit[n]) == "person" and unit[n] not in GENERIC_UNITS)):
            family[g] = fam
            same[is_span(claim.when), float(figure[g])].append(g)
    names_of = _names_memo()
    for groups in same.values():
        roles = [g for g in groups if unit[first[g]] in ROLE_THINGS]
        people = [g for g in groups if unit[first[g]] not in ROLE_THINGS]
        for a in roles[: options.max_candidates]:
            for b in people[: options.max_candidates]:
                if family[a] == family[b]:
                    _link_agreeing(graph, items, first, a, b, unit[first[a]], names_of, options)


# Counted things that say nothing of what was counted: a bare number, "times".
_NO_THING = frozenset(["", "time"])


def _backoff_links(
    items: Sequence[Item], graph: Graph, options: MatchOptions, first: Sequence[int], unit: Sequence[str], figure: Any
) -> None:
    """A number that names no counted thing ("deployed five times", "beat them 8-7 in 10", "about 30
    times") counts what its sentence names: it joins a number of a specific thing with the same
    figure when its sentence names that thing ("the safety car ... was deployed five times" / "five
    safety cars"), only one such thing of that figure is named there, and the sentences do not name
    different people or places (``_lone_ok``). Only agreeing figures link."""
    same: dict[tuple[bool, float], list[int]] = defaultdict(list)
    for g, n in enumerate(first):
        claim = items[n].claim
        if claim.value is None or figure[g] < 2 or is_wide(claim.value):
            continue
        if unit[n] in _NO_THING or unit[n] in _ANY_PEOPLE or (unit[n] not in GENERIC_UNITS and count_class(unit[n]) is not None):
            same[is_span(claim.when), float(figure[g])].append(g)
    names_of = _names_memo()
    words_of = _memo(lambda sentence: tuple(match_content_words(sentence)))
    for groups in same.values():
        bare = [g for g in groups if unit[first[g]] in _NO_THING]
        named = [g for g in groups if unit[first[g]] not in _NO_THING]
        if not bare or not named:
            continue
        for a in bare[: options.max_candidates]:
            n = first[a]
            said = words_of(items[n].claim.sentence)
            things = {unit[first[b]] for b in named if len(unit[first[b]]) >= 3 and unit[first[b]] not in _ANY_PEOPLE}
            found = {t for t in things if any(_inflects(w, t) for w in said)}
            if not found and len(cls := {_GATHERINGS[w] for w in said if w in _GATHERINGS}) == 1:
                # "in front of a crowd of 41,212" / "41,212 fans" / "41,212 supporters": the sentence names who
                # was counted by the word for them all, and every noun of that one class is that one count
                # (a precise figure, "41,212", is that count whatever else the two sentences name); generic people
                # are any people ("a workforce of 18,000" / "will employ 18,000 people"), for a precise figure
                found = {t for t in things if THING_CLASSES.get(t) in cls}
                for b in named[: options.max_candidates]:
                    sure = is_precise(items[n].claim.value) and is_precise(items[first[b]].claim.value)
                    if unit[first[b]] in found or (sure and unit[first[b]] in _ANY_PEOPLE):
                        _link_agreeing(graph, items, first, a, b, unit[first[b]], names_of, options, sure)
                continue
            if len(found) > 1:  # "the pace car ... during the rally while a yellow flag was waved twice"
                own = match_content_words(_own_clause(items[n].claim))
                found = {t for t in found if any(_inflects(w, t) for w in own)}
            if len(found) != 1:
                continue  # none, or two things of this figure named there: which one is unclear
            for b in named[: options.max_candidates]:
                if unit[first[b]] in found:
                    _link_agreeing(graph, items, first, a, b, unit[first[b]], names_of, options)


# Words for a gathering that name the people of one class at once (``things.THING_CLASSES``): a crowd, an
# attendance or an audience are the fans or spectators, a workforce the workers.
_GATHERINGS = {"crowd": "audience", "attendance": "audience", "audience": "audience", "workforce": "worker"}
_ANY_PEOPLE = frozenset(["people"])


def _link_agreeing(
    graph: Graph,
    items: Sequence[Item],
    first: Sequence[int],
    a: int,
    b: int,
    thing: str,
    names_of: Callable[[str], Any],
    options: MatchOptions,
    precise: bool = False,
) -> None:
    """Link groups ``a`` and ``b`` (a role's or a bare count's and a named thing's) when their figures agree as
    counts of ``thing``, they are of two articles not yet linked, and their sentences name no different people or
    places (``_lone_ok``; not asked of two ``precise`` figures)."""
    n, m = first[a], first[b]
    if b in graph.adj[a] or items[n].article == items[m].article:
        return
    if not precise and not _lone_ok(items, first, a, b, names_of):
        return
    scored = number_pair(items[n].claim, items[m].claim, 0.0, thing, options)
    if scored is not None and scored[1].kind == "agree":
        graph.link(a, b, ROLE_SCORE)


# Endings that inflect a word without making another one ("flags", "transferred"); "planet" is not "plane"
_DOUBLED = frozenset(["red", "ring", "ted", "ting", "ped", "ping"])
_INFLECTIONS = frozenset(["", "s", "es", "ed", "d", "ing", *_DOUBLED])


def _inflects(word: str, thing: str) -> bool:
    """Whether ``word`` is ``thing`` or, for a thing of four letters or more, an inflection of it. An ending that
    doubles a consonant doubles the thing's own last one ("transferred"; "planted" is no form of "plan")."""
    if word == thing:
        return True
    if len(thing) < 4 or not word.startswith(thing):
        return False
    ending = word[len(thing) :]
    return ending in _INFLECTIONS and (ending not in _DOUBLED or ending[0] == thing[-1])


_CLAUSE_CUT = re.compile(r"[,;:()]|\s[-\u2013\u2014]\s|\s(?:while|whereas|but|and|although|though|as)\s", re.I)


def _own_clause(claim: Claim) -> str:
    """The clause of its sentence that holds a number (cut at commas, dashes and clause conjunctions)."""
    return _clause_of(claim.sentence, claim.text)


def _clause_of(s: str, text: str) -> str:
    at = s.find(text)
    if at < 0:
        return s
    start = max((m.end() for m in _CLAUSE_CUT.finditer(s, 0, at)), default=0)
    end = next((m.start() for m in _CLAUSE_CUT.finditer(s, at + len(text))), len(s))
    return s[start:end]


def _bound_links(
    items: Sequence[Item],
    graph: Graph,
    options: MatchOptions,
    first: Sequence[int],
    unit: Sequence[str],
    figure: Any,
    precise: Any,
    group_words: Sequence[frozenset[str]] = (),
) -> None:
    """A precise bound or hedged figure and a more precise figure it names (``bound_meets``: "more than
    11 million documents" / "11.5 million documents"; "more than a million migrants" / "in excess of 1.1
    million refugees") of one counted thing or class are one fact, as equal precise figures are. Only
    a bound precise itself (``is_precise``), figures that agree, and time spans that agree; a round bound
    ("almost 400 passengers") only with a precise figure of the same specific thing ("396 passengers")."""
    by_figure: dict[tuple[bool, float], list[int]] = defaultdict(list)
    for g, n in enumerate(first):
        v = items[n].claim.value
        if v is None or figure[g] <= 0 or is_wide(v) or v.low == v.high:
            continue
        if precise[g] or (unit[n] not in GENERIC_UNITS and count_class(unit[n].removesuffix(PART)) is not None):
            by_figure[is_span(items[n].claim.when), float(f"{figure[g]:.10g}")].append(g)
    if not by_figure:
        return
    for b, m in enumerate(first):
        vb = items[m].claim.value
        if vb is None or figure[b] <= 0 or is_wide(vb):
            continue
        y, span = float(figure[b]), is_span(items[m].claim.when)
        for d in range(1, significant_digits(y)):
            for x in {_cut(y, d, math.floor), _cut(y, d, round)}:
                for a in by_figure.get((span, x), [])[: options.max_candidates]:
                    n = first[a]
                    va = items[n].claim.value
                    # a weaker link of the two (contexts alike in part) is raised: the bound names the figure
                    if a == b or graph.adj[a].get(b, 0.0) >= PRECISE_SCORE or items[n].article == items[m].article:
                        continue
                    if va is None or not bound_meets(va, vb):
                        continue
                    if not precise[a] and (unit[n] != unit[m] or not precise[b]):
                        continue  # a round bound names only a precise figure of its own thing
                    if unit[n] != unit[m]:  # another thing of its class ("refugees" / "migrants")
                        ca = thing_class(unit[n], items[n].claim.unit) or count_class(unit[n])
                        cb = thing_class(unit[m], items[m].claim.unit) or count_class(unit[m])
                        counting = is_count_class(ca) or is_count_class(cb)
                        if not classes_agree(ca, cb) or (counting and significant_digits(x) < 2):
                            continue
                        # two nouns of one kind only ("roughly 12,000 locals" / "12,500 volunteers": both people)
                        # with words around them in common: the kind alone names no one count
                        if counting and group_words and not _share_a_word(group_words[a], group_words[b]):
                            continue
                        if role_family(items[n].claim, unit[n]) != role_family(items[m].claim, unit[m]):
                            continue
                    scored = number_pair(items[n].claim, items[m].claim, 0.0, unit[n], options)
                    if scored is not None and scored[1].kind == "agree":
                        graph.link(a, b, PRECISE_SCORE)


# What a power cut counts, however outlets name it: the homes, houses, households, properties or customers left
# without power (a utility counts its customers, a newsroom homes or households)
_SUPPLIED = frozenset(["home", "house", "household", "property", "customer", "premise", "premises", "residence"])


def _outage_links(
    items: Sequence[Item], graph: Graph, options: MatchOptions, first: Sequence[int], unit: Sequence[str], figure: Any,
    precise: Any,
) -> None:
    """Links between one figure of two of the nouns a power cut counts (``_SUPPLIED``) when both clauses say the
    state is an outage ("Power was cut to 250,000 homes" / "Some 250,000 households lost power"): one count of
    premises left without power. Only agreeing figures link, of two articles, and not when the sentences name
    different people or places (``_lone_ok``); a figure of homes damaged is another state and never links here."""
    same: dict[tuple[bool, float], list[int]] = defaultdict(list)
    for g, n in enumerate(first):
        claim = items[n].claim
        if unit[n] not in _SUPPLIED or claim.value is None or figure[g] < 2 or is_wide(claim.value):
            continue
        if (_things_said(claim, unit[n])[2] or _coordinated_states(claim)) == {"outage"}:
            same[is_span(claim.when), float(figure[g])].append(g)
    names_of = _names_memo()
    for groups in same.values():
        for a, b in itertools.combinations(groups[: options.max_candidates], 2):
            if unit[first[a]] != unit[first[b]]:
                _link_agreeing(graph, items, first, a, b, unit[first[a]], names_of, options, bool(precise[a] and precise[b]))


# A noun coordinated with the figure's, then the verb of both ("600,000 homes and businesses lost power"): the clause
# cut at "and" left the figure no state (variants18).
_AND_NOUN = re.compile(r"\s+(?:and|or|&)\s+(?:other\s+)?[a-z]+\s+(?P<rest>[^,;:]*)")


def _coordinated_states(claim: Claim) -> frozenset[str]:
    """The states (``_STATES``) of the verb after a noun coordinated with the figure's, else none."""
    s = claim.sentence
    at = s.find(claim.text)
    m = _AND_NOUN.match(s, at + len(claim.text)) if at >= 0 else None
    return frozenset(_STATES[w.lower()] for w in _STATE_WORDS.findall(m.group("rest"))) if m else frozenset()


# Units of measure (as ``unit_key`` spells them) in a base unit of their dimension: "40 metres (131 feet)",
# "30cm (12 inches)", "100mph (161km/h)". Outlets convert a figure and round the result.
_IN_BASE: dict[str, tuple[str, float]] = {
    "m": ("m", 1.0), "km": ("m", 1000.0), "cm": ("m", 0.01), "mm": ("m", 0.001), "ft": ("m", 0.3048),
    "in": ("m", 0.0254), "yd": ("m", 0.9144), "miles": ("m", 1609.344),
    "kg": ("kg", 1.0), "g": ("kg", 0.001), "lb": ("kg", 0.45359237), "oz": ("kg", 0.028349523),
    "tonnes": ("kg", 1000.0), "tons": ("kg", 907.18474),
    "km/h": ("km/h", 1.0), "mph": ("km/h", 1.609344), "knots": ("km/h", 1.852),
    "m²": ("m²", 1.0), "km²": ("m²", 1e6), "hectares": ("m²", 1e4), "acres": ("m²", 4046.8564),
    "sq miles": ("m²", 2589988.1), "sq ft": ("m²", 0.09290304),
    "litres": ("l", 1.0), "ml": ("l", 0.001), "gallons": ("l", 3.785411784),
    "nmi": ("m", 1852.0), "mg": ("kg", 1e-6), "µg": ("kg", 1e-9), "m/s": ("km/h", 3.6),
    "m³": ("m³", 1.0), "cu ft": ("m³", 0.028316846592),
    "kw": ("kw", 1.0), "mw": ("kw", 1e3), "gw": ("kw", 1e6),
    "kwh": ("kwh", 1.0), "mwh": ("kwh", 1e3), "gwh": ("kwh", 1e6), "twh": ("kwh", 1e9),
    "°C": ("°C", 1.0), "°F": ("°C", 5 / 9),
    # a change of a rate: 25 basis points are a quarter of a percentage point (variants18)
    "basis points": ("pp", 0.01), "percentage points": ("pp", 1.0),
}  # fmt: skip
# "points" of a rate: the sentence speaks of a rate or a share ("went up by 0.25 points to 4.5pc")
_RATE_POINTS = re.compile(r"%|\b(?:rates?|interest|per\s?cent|percent|pc|pct|yields?|inflation)\b", re.I)
# Temperatures ("40C (104F)"): Fahrenheit is converted with its offset, and the two figures, each rounded to a
# degree of its own scale, agree within about half a degree Celsius (a relative tolerance would let 38C meet 104F)
_DEGREES = frozenset(["°C", "°F"])
_DEGREE_TOLERANCE = 0.6
# ... but a change of temperature ("warmed by 1.5C" / "by 2.7F", "4C warmer than usual" / "7F warmer") is a
# difference, converted without the offset, and never one figure with a temperature ("rose by 2C" is no 35.6F)
_CHANGE_BEFORE = re.compile(
    r"\b(?:r[io]se[ns]?|rising|f[ae]ll(?:en|s|ing)?|dropp?(?:ed|s|ing)?|warm(?:ed|s|ing)?|cool(?:ed|s|ing)?|"
    r"heat(?:ed|s|ing)?|climb(?:ed|s|ing)?|increas(?:ed|es|ing)|decreas(?:ed|es|ing)|up|down|higher|lower)\s+by\s+"
    r"(?:(?:about|around|nearly|almost|some|roughly|more\s+than|less\s+than|up\s+to|over|under|at\s+least|just|"
    r"an\s+average\s+of)\s+)?$",
    re.IGNORECASE,
)
_CHANGE_AFTER = re.compile(
    r"\s*(?:degrees?\s+)?(?:celsius|centigrade|fahrenheit|[CF]\b)?\s*(?:warmer|colder|cooler|hotter|higher|lower|"
    r"above|below|more|less|rise|increase|drop|fall|of\s+(?:warming|cooling))\b",
    re.IGNORECASE,
)


def _degree_change(claim: Claim) -> bool:
    """Whether a temperature is told as a change ("by 2C", "4C warmer"), not a reading ("hit 40C")."""
    at = claim.sentence.find(claim.text)
    if at < 0:
        return False
    return bool(_CHANGE_BEFORE.search(claim.sentence[max(0, at - 40) : at])) or bool(
        _CHANGE_AFTER.match(claim.sentence, at + len(claim.text))
    )
# A converted figure is rounded by the outlet ("131 feet" for 40 m is 39.9 m, "12 inches" for 30 cm 30.5 cm)
CONVERSION_TOLERANCE = 0.05


def _measure_unit(claim: Claim) -> str | None:
    """The canonical unit of measure of a number claim (``claims.measures``), else None."""
    found = measure_in((claim.unit or "").lower().replace("-", " ").split()[:2])
    if found is None and claim.unit == "points" and _RATE_POINTS.search(claim.sentence):
        return "percentage points"
    return found if found is not None else claim.unit if claim.unit in _IN_BASE else None


# "N times" counts how often something happened; the verb of its sentence names what: "transferring oil about
# 30 times" and "30 ship-to-ship transfers" count one thing ("sold oil 30 times" another). Verb endings that
# make a noun's verb ("transfer" -> "transferred", "transferring"; "attack" -> "attacked").
_VERB_ENDINGS = ("ed", "ing", "red", "ring", "d", "ted", "ting", "ped", "ping")
_WORD = re.compile(r"[a-z]+")


def _times_as_events(items: Sequence[Item], unit: list[str]) -> None:
    """An "N times" counts an event a noun of the story names when its own sentence uses the noun's verb with
    the same figure ("transferring oil about 30 times" beside "30 ship-to-ship transfers"): that "N times"
    then counts that noun (``unit`` is changed in place); another "N times" of the figure ("talks were
    postponed 30 times") keeps its own count. A noun of four letters or more, and only one such noun per
    sentence (two would be a guess)."""
    times = [i for i, u in enumerate(unit) if u == "time"]
    if not times:
        return
    figures = {stated(items[i].claim.value) for i in times}
    nouns: dict[float, set[str]] = defaultdict(set)
    for i, u in enumerate(unit):
        if len(u) >= 4 and u != "time" and u.isalpha() and (x := stated(items[i].claim.value)) in figures:
            nouns[x].add(u)  # type: ignore[index]
    for i in times:
        x = stated(items[i].claim.value)
        if x is None or x not in nouns or is_ratio_times(items[i].claim):
            continue  # "transferred 19 times their usual sum": a multiple (review30)
        events = {
            w[: -len(end)]
            for w in _WORD.findall(items[i].claim.sentence.lower())  # each word's stems, looked up
            for end in _VERB_ENDINGS
            if w.endswith(end) and w[: -len(end)] in nouns[x]
        }
        if len(events) == 1:
            unit[i] = events.pop()


def one_measure(a: Claim, b: Claim) -> bool:
    """Two claims of one measure in two units that agree once converted ("a 40m well", "130ft deep")."""
    ua, ub = _measure_unit(a), _measure_unit(b)
    if ua is None or ub is None or ua not in _IN_BASE or ub not in _IN_BASE or _IN_BASE[ua][0] != _IN_BASE[ub][0]:
        return False
    x, y = stated(a.value), stated(b.value)
    if x is None or y is None or ((x <= 0 or y <= 0) and ua not in _DEGREES):
        return False  # a temperature may be below zero ("-14C (6.8F)")
    change = ua in _DEGREES and _degree_change(a)
    if ua in _DEGREES and change != _degree_change(b):
        return False  # a change of temperature and a reading are two figures
    if ua not in _DEGREES and _rounded_either(x, ua, y, ub):
        return True
    x, y = sorted((_in_base(x, ua, change), _in_base(y, ub, change)))
    return y <= _agreeing_up_to(x, ua)


# A conversion rounded to one or two significant digits ("6km (four miles)", "10 km" / "up to six miles", "100
# square kilometres" / "nearly 40 square miles", "nine metres" / "30ft", variants30): the other figure, converted
# into this one's unit, rounds to it at its own digits. Newsrooms round a conversion as far as the original's
# precision allows; a relative tolerance (``CONVERSION_TOLERANCE``) misses the one-digit roundings. A one-digit
# figure rounds a span of up to half its size ("two miles" is 1.5 to 2.5 miles, so "4 km", 2.49 miles, rounds to
# it), and no newsroom writes a conversion a quarter off when a half or a second digit says it ("2.5 miles"): the
# rounded figure is at most a tenth off the other one converted (review32; "seven miles" / "12 km" is 6% off,
# "four miles" / "6km" 7%, "two miles" / "3 km" 7.5%, "six feet" / "2 metres" 9%, "50 tonnes" / "50 tons" 9%).
_ROUNDED_DIGITS = 2
_ROUNDED_OFF = 0.1


def _rounded_conversion(x: float, ux: str, y: float, uy: str) -> bool:
    """Whether ``x`` (unit ``ux``) is ``y`` (unit ``uy``, of the same dimension, no temperature) converted into
    ``ux`` and rounded to ``x``'s significant digits, of which it has at most ``_ROUNDED_DIGITS``, no further off
    than ``_ROUNDED_OFF`` of ``x``."""
    if x <= 0 or y <= 0 or ux == uy:
        return False
    digits, converted = significant_digits(x), y * _IN_BASE[uy][1] / _IN_BASE[ux][1]
    return digits <= _ROUNDED_DIGITS and rounds_at(converted, x, digits) and abs(converted - x) <= _ROUNDED_OFF * x


def _rounded_either(x: float, ux: str, y: float, uy: str) -> bool:
    """Whether either figure is the other converted and rounded (``_rounded_conversion``, both ways)."""
    return _rounded_conversion(x, ux, y, uy) or _rounded_conversion(y, uy, x, ux)


def _agreeing_up_to(x: float, mu: str) -> float:
    """The largest figure in base units that still agrees with ``x`` once converted from unit ``mu``'s dimension:
    ``_DEGREE_TOLERANCE`` above it for a temperature (each figure rounded to a degree of its own scale),
    ``CONVERSION_TOLERANCE`` of it for any other measure (outlets round a conversion)."""
    return x + _DEGREE_TOLERANCE if mu in _DEGREES else x * (1 + CONVERSION_TOLERANCE)


def _in_base(figure: float, mu: str, change: bool = False) -> float:
    """A figure in unit ``mu`` (a key of ``_IN_BASE``) converted to the base unit of its dimension (a ``change``
    of temperature without Fahrenheit's offset)."""
    return (figure - 32.0) * _IN_BASE[mu][1] if mu == "°F" and not change else figure * _IN_BASE[mu][1]


def _conversion_links(
    items: Sequence[Item],
    graph: Graph,
    options: MatchOptions,
    first: Sequence[int],
    unit: Sequence[str],
    figure: Any,
    words: Sequence[frozenset[str]],
) -> None:
    """One measure given in two units ("a 40m well" / "a well 130ft deep"; "30cm wide" / "12 inches
    wide") is one fact: figures of different units of one dimension that agree once converted (within
    ``CONVERSION_TOLERANCE``, outlets round the result) and whose contexts share a word. Only agreeing
    figures link; a conversion never conflicts."""
    by_dim: dict[tuple[str, bool], list[tuple[float, int, str]]] = defaultdict(list)
    for g, n in enumerate(first):
        claim = items[n].claim
        mu = _measure_unit(claim)
        if mu is None or mu not in _IN_BASE or (figure[g] <= 0 and mu not in _DEGREES) or is_wide(claim.value):
            continue  # a temperature may be below zero ("-14C (6.8F)"): ``figure`` is signed
        change = mu in _DEGREES and _degree_change(claim)  # a change and a reading never meet: two dimensions
        dim = _IN_BASE[mu][0] + (" change" if change else "")
        by_dim[dim, is_span(claim.when)].append((_in_base(float(figure[g]), mu, change), g, mu))
    for entries in by_dim.values():
        if len(entries) < 2:
            continue
        entries.sort()  # by converted figure, then group (unique): the unit never decides the order
        for i, (x, a, ua) in enumerate(entries):
            n = first[a]
            for y, b, ub in entries[i + 1 : i + 1 + options.max_candidates]:
                if y > _agreeing_up_to(x, ua) and (ua in _DEGREES or y > 2 * x):
                    break  # a rounded conversion is at most half again as large ("1.4 km" / "one mile")
                m = first[b]
                if ub == ua or b in graph.adj[a] or items[n].article == items[m].article:
                    continue  # one unit: the ordinary rules compare them
                if y > _agreeing_up_to(x, ua) and not _rounded_either(float(figure[a]), ua, float(figure[b]), ub):
                    continue
                if not words[a] & words[b]:
                    continue
                if not when_compatible(match_when(items[n].claim), match_when(items[m].claim), options.when_threshold):
                    continue
                graph.link(a, b, ROLE_SCORE)  # below a link in one unit: an article's own unit is its claim


# Lengths of time that convert exactly into one another ("a 72-hour ceasefire" / "a three-day ceasefire", "a
# fortnight-long ban" is no unit here). Months and years are no whole number of days: they convert only among
# themselves (variants29: "the driest spring in 60 years" / "for six decades"), on a scale of their own (the key's
# second member), so that no count of days ever meets a count of years.
_TIME_SECONDS = {"second": 1.0, "minute": 60.0, "hour": 3600.0, "day": 86400.0, "week": 604800.0}
_TIME_YEARS = {"year": 1.0, "decade": 10.0, "century": 100.0}
# Nouns of one event a length of time describes, named two ways ("a 48-hour walkout" / "a two-day strike").
_SAME_EVENT = {"walkout": "strike", "stoppage": "strike", "truce": "ceasefire", "armistice": "ceasefire"}


def _described(claim: Claim) -> frozenset[str]:
    """The words a length of time describes in a compound ("a 72-hour ceasefire": "ceasefire"; "a three-day rail
    strike due": rail, strike, due), else none."""
    if not compound_key(claim):
        return frozenset()
    return frozenset(_SAME_EVENT.get(w, w) for w in match_content_words(" ".join((claim.unit or "").split()[1:])))


def _duration_links(
    items: Sequence[Item],
    graph: Graph,
    options: MatchOptions,
    first: Sequence[int],
    unit: Sequence[str],
    figure: Any,
    words: Sequence[frozenset[str]],
) -> None:
    """One length of time given in two units ("a 72-hour ceasefire" / "a three-day ceasefire", "a 3-day strike" /
    "its 72-hour walkout", "90 minutes" / "an hour and a half" is not read): exact figures of hours, days, weeks,
    minutes or seconds equal once converted, of one described event (the compound's noun, ``_SAME_EVENT``) or
    whose contexts share two words, in sentences that do not name different people or places (``_lone_ok``).
    Only agreeing figures link (the figures of two units never conflict nor evolve: two things)."""
    by_length: dict[tuple[float, bool, bool], list[int]] = defaultdict(list)
    for g, n in enumerate(first):
        claim, thing = items[n].claim, unit[n]
        v = claim.value
        scale = _TIME_SECONDS.get(thing) or _TIME_YEARS.get(thing)
        if scale is None or v is None or v.low is None or v.low != v.high or figure[g] <= 0:
            continue
        by_length[round(float(figure[g]) * scale, 6), thing in _TIME_YEARS, is_span(claim.when)].append(g)
    names_of = _names_memo()
    for groups in by_length.values():
        if len({unit[first[g]] for g in groups}) < 2:
            continue
        for a, b in itertools.combinations(groups[: options.max_candidates], 2):
            n, m = first[a], first[b]
            if unit[n] == unit[m] or b in graph.adj[a] or items[n].article == items[m].article:
                continue
            ca, cb = items[n].claim, items[m].claim
            da, db = _described(ca), _described(cb)
            shared = (words[a] & words[b]) - _DURATION_WORDS - _NUMBER_WORDS - _HOURS_WORDS
            if not (da & db or len(shared) >= 2):
                continue
            if (da and db and not da & db) or not _lone_ok(items, first, a, b, names_of):
                continue
            if not when_compatible(match_when(ca), match_when(cb), options.when_threshold):
                continue
            assert ca.value is not None and cb.value is not None
            graph.link(a, b, ROLE_SCORE, Rule("agree", 0.0, unit[n], (ca.value, cb.value)))


_HOURS_WORDS = frozenset(match_stem(w) for u in ("second", "minute", "hour") for w in (u, u + "s"))


def _quantity_links(
    items: Sequence[Item], graph: Graph, options: MatchOptions, first: Sequence[int], ctx: Sequence[str]
) -> None:
    """One share of one named quantity told in other words (variants19): "a turnout of 68%" / "68% took part in
    the vote", "Turnout was 71 per cent" / "71% of the 22m people on the register voted", "unemployment rose to
    4.2%" / "the jobless rate hit 4.2 per cent". Percentages stated alike whose words name one quantity of
    ``_QUANTITIES`` each, the same, in sentences that do not name different people or places (``_lone_ok``), on no
    opposite sides, times compatible. Only agreeing figures link (never a conflict nor an update)."""
    by_share: dict[tuple[float, str, bool], list[int]] = defaultdict(list)
    for g, n in enumerate(first):
        claim = items[n].claim
        v = claim.value
        if claim.extra.get("measure") != "percent" or claim.unit != "percent" or is_wide(v) or (x := stated(v)) is None:
            continue  # "about 71%" is 71%, as the outlet wrote it
        if len(named := _quantities(claim, ctx[n])) != 1:
            continue
        by_share[x, next(iter(named)), is_span(claim.when)].append(g)
    names_of = _names_memo()
    for groups in by_share.values():
        for a, b in itertools.combinations(groups[: options.max_candidates], 2):
            n, m = first[a], first[b]
            if b in graph.adj[a] or items[n].article == items[m].article:
                continue
            ca, cb = items[n].claim, items[m].claim
            if not _lone_ok(items, first, a, b, names_of) or _opposite(_sides(ctx[n]), _sides(ctx[m])):
                continue
            if not when_strictly_compatible(match_when(ca), match_when(cb), options.when_threshold):
                continue
            assert ca.value is not None and cb.value is not None
            graph.link(a, b, ROLE_SCORE, Rule("agree", 0.0, "percent", (ca.value, cb.value)))


def _span_links(
    items: Sequence[Item],
    graph: Graph,
    options: MatchOptions,
    first: Sequence[int],
    unit: Sequence[str],
    ctx: Sequence[str],
    figure: Any,
    precise: Any,
) -> None:
    """A figure given over a span ("nearly $2 billion ... between 2008 and 2013", "This year, only one
    woman won") and the same figure of the same thing with no time at all ("as much as $2 billion", "only
    one woman won") are one fact: the outlet that gives no time does not say it is another one. Spans and
    points are blocked apart (a running total is not the day's count), so such pairs are found here:
    the same precise figure as written (``is_precise``), values that agree; never a count that may be
    updated (a toll "so far" against the day's toll), and never a conflict."""
    by_figure: dict[tuple[str, float], tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for g, n in enumerate(first):
        claim = items[n].claim
        if claim.value is None or not precise[g] or is_wide(claim.value) or not unit[n]:
            continue  # a round or small figure recurs in a story: only the day's count meets it
        if is_span(claim.when):
            if not can_evolve(claim, unit[n]):
                by_figure[unit[n], float(figure[g])][0].append(g)
        elif not claim.when:
            by_figure[unit[n], float(figure[g])][1].append(g)
    for spans, bare in by_figure.values():
        if not spans or not bare:
            continue
        for a in spans[: options.max_candidates]:
            for b in bare[: options.max_candidates]:
                n, m = first[a], first[b]
                if items[n].article == items[m].article or b in graph.adj[a]:
                    continue
                sim = float(fuzz.token_set_ratio(ctx[n], ctx[m]))
                va, vb = items[n].claim.value, items[m].claim.value
                assert va is not None and vb is not None
                if not values_agree(va, vb):
                    continue
                shared = max(0.0, (sim / 100 - options.number_context_floor) / (1 - options.number_context_floor))
                score = 0.45 + 0.55 * shared
                rule = Rule("agree", sim / 100, unit[n], (va, vb))
                graph.link(a, b, max(score, PRECISE_SCORE), rule)


def _cut(y: float, digits: int, how: Callable[[float], float]) -> float:
    scale = 10.0 ** (math.floor(math.log10(y)) - digits + 1)
    return float(f"{how(y / scale + 1e-9 if how is math.floor else y / scale) * scale:.10g}")


_SMALL_WORDS = {**UNITS_WORDS, **TENS_WORDS}
# number words as a context spells them ("hundreds" -> "hundred"; ``match_content_words``)
_NUMBER_WORDS = frozenset(
    [*_SMALL_WORDS, *(match_stem(w) for w in [*SCALES, "hundreds", "thousands", "millions", "billions", "dozen", "dozens"])]
)
_OUT_OF = re.compile(
    rf"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(\d{{1,3}}(?:,\d{{3}})*|\d+|{'|'.join(_SMALL_WORDS)})\b",
    re.IGNORECASE,
)


def ratio_whole(claim: Claim) -> float | None:
    """The whole of a ratio "X (out) of Y" that a number claim starts ("7 of 16 for 83 yards", "seven
    out of 16 attempts": 16), else None."""
    at = claim.sentence.find(claim.text)
    if at < 0 or not claim.text or not claim.text.split()[-1][-1:].isalnum():
        return None
    m = _OUT_OF.match(claim.sentence, at + len(claim.text))
    if m is None:
        return None
    whole = m.group(1).replace(",", "").lower()
    return float(whole) if whole.isdigit() else float(_SMALL_WORDS[whole])


def _ratio_links(items: Sequence[Item], graph: Graph, options: MatchOptions, first: Sequence[int]) -> None:
    """Two ratios of the same two figures ("was 9 of 14 for 120 yards" / "completing nine out of 14
    attempts") state one fact whatever each outlet names the counted thing: two figures agreeing by
    chance is rare. Only exact figures from 2 up, and not when the sentences name different people
    or places (``_lone_ok``)."""
    same: dict[tuple[float, float], list[int]] = defaultdict(list)
    for g, n in enumerate(first):
        claim = items[n].claim
        v = claim.value
        if v is not None and v.low is not None and v.high == v.low >= 2 and claim.qualifier in (None, "exact"):
            whole = ratio_whole(claim)
            if whole is not None and whole > v.low:
                same[float(v.low), whole].append(g)
    names_of = _names_memo()
    for groups in same.values():
        for a, b in itertools.combinations(groups[: options.max_candidates], 2):
            n, m = first[a], first[b]
            if b in graph.adj[a] or items[n].article == items[m].article:
                continue
            if not _lone_ok(items, first, a, b, names_of):
                continue
            scored = number_pair(items[n].claim, items[m].claim, 0.0, "", options)
            if scored is not None and scored[1].kind == "agree":
                graph.link(a, b, ROLE_SCORE)


_WON_THINGS = frozenset(["game", "win", "victory", "match"])


def _record_links(
    items: Sequence[Item], graph: Graph, options: MatchOptions, first: Sequence[int], unit: Sequence[str], figure: Any
) -> None:
    """A win-loss record ("a 50-32-1 record") and a count of the games won with its wins ("won 50
    games") in another outlet state one fact: the record's value is its wins (``claims/scores.py``).
    Only the same figure from 2 up, and not when the sentences name different people or places."""
    records = [g for g, n in enumerate(first) if unit[n].startswith("record ") and figure[g] >= 2]
    if not records:
        return
    won: dict[float, list[int]] = defaultdict(list)
    for g, n in enumerate(first):
        if unit[n] in _WON_THINGS and items[n].claim.qualifier in (None, "exact"):
            won[float(figure[g])].append(g)
    names_of = _names_memo()
    for a in records:
        for b in won.get(float(figure[a]), [])[: options.max_candidates]:
            n, m = first[a], first[b]
            if b in graph.adj[a] or items[n].article == items[m].article:
                continue
            if not when_compatible(match_when(items[n].claim), match_when(items[m].claim), options.when_threshold):
                continue
            if _lone_ok(items, first, a, b, names_of) and _games_won(items[m].claim):
                graph.link(a, b, ROLE_SCORE)


def _games_won(claim: Claim) -> bool:
    """Whether a count of games counts games won: its clause says so, and not as a margin ("won 50 games";
    not "played seven games", nor "winning the division by 8 games")."""
    clause = _own_clause(claim)
    at = clause.find(claim.text)
    return bool(_WON.search(clause)) and not (at >= 0 and _MARGIN.search(clause[:at]))


# A count of games is one of games won when its clause says so ("won 50 games", "50 wins"); "played seven
# games" counts no wins, and "winning the division by 8 games" is a margin (``_MARGIN``)
_WON = re.compile(r"\b(?:won|wins?|winning|victor(?:y|ies)|beat|unbeaten)\b", re.I)
_MARGIN = re.compile(r"\bby\s+(?:just\s+|only\s+)?$", re.I)


# Describing words too common to say two counted things are one: "new", "other", "total", sizes.
_WEAK_MODIFIERS = frozenset(
    ["new", "other", "more", "additional", "extra", "total", "big", "small", "large", "major", "minor", "key",
     "main", "top", "first", "last", "second", "third", "few", "several", "many", "different", "separate"]
)  # fmt: skip


def _update_links(
    items: Sequence[Item],
    graph: Graph,
    options: MatchOptions,
    times: Sequence[float | None],
    unit: Sequence[str],
    ctx: Sequence[str],
    bucket: Sequence[int | None],
) -> dict[tuple[int, int], Rule]:
    """Links between reports of an evolving count whose figure rose between them.

    Only groups of numbers that ``can_evolve`` (deaths, injured, missing, arrested, evacuated, or
    "so far" / "rose to"), of one counted thing and kind of time span, all of whose articles are
    dated. Two such groups link when their values are disjoint, at most ``update_ratio`` apart, their
    contexts share words, and every report of the lower value was published at least
    ``update_window`` before every report of the higher one. Reports at about the same time that
    disagree keep their conflict link (or none); a figure that falls is never an update. Nothing links
    two groups more than ``update_span`` apart (the closest two reports): a toll rises over days, not weeks.
    Returns the rule of each link made, by group pair (g < h).
    """
    floor = 100 * options.number_context_floor
    first = [m[0] for m in graph.members]
    blocks: dict[tuple[str, bool], list[int]] = defaultdict(list)
    noun: dict[int, str] = {}
    t_lo: dict[int, float] = {}
    t_hi: dict[int, float] = {}
    for g, n in enumerate(first):
        claim = items[n].claim
        role = evolving_role(claim, unit[n])
        if bucket[n] is None or not (role or can_evolve(claim, unit[n])):
            continue
        ts = [times[items[m].article] for m in graph.members[g]]
        known = [t for t in ts if t is not None]
        if len(known) < len(ts):
            continue
        t_lo[g], t_hi[g] = min(known), max(known)
        # "killed four miners" is a toll of deaths as "the death toll rose to 9" is (and never the miners rescued);
        # its noun keeps it from another noun's deaths ("killed 3 soldiers" / "killed 12 civilians")
        if role is not None:
            noun[g] = unit[n]
        blocks[unit_key(role) if role is not None else unit[n], is_span(claim.when)].append(g)
    out: dict[tuple[int, int], Rule] = {}
    for (thing, _), groups in blocks.items():
        if len(groups) < 2:
            continue
        groups.sort(key=lambda g: (items[first[g]].claim.value.midpoint, g))  # type: ignore[union-attr]
        for chunk in _chunks(groups, options.max_block):
            if len(chunk) < 2:
                continue
            ns = [first[g] for g in chunk]
            ctx_ids: dict[str, int] = {}
            at = np.array([ctx_ids.setdefault(ctx[n], len(ctx_ids)) for n in ns])
            strs = list(ctx_ids)
            sims = _cdist(strs, strs, fuzz.token_set_ratio, options)[np.ix_(at, at)]
            values = [items[n].claim.value for n in ns]
            lo, lo_inc, hi, hi_inc = _bounds(values)
            rep = np.array([v.midpoint for v in values], dtype=np.float64)  # type: ignore[union-attr]
            vague = np.array([is_wide(v) for v in values], dtype=bool)
            tlo = np.array([t_lo[g] for g in chunk])
            thi = np.array([t_hi[g] for g in chunk])
            # x before y in the chunk: rep[x] <= rep[y]; the lower value must be the earlier report
            ok = np.triu(sims >= floor, 1)
            agree = _below(lo[:, None], lo_inc[:, None], hi[None, :], hi_inc[None, :]) & _below(
                lo[None, :], lo_inc[None, :], hi[:, None], hi_inc[:, None]
            )
            ok &= vague[:, None] == vague[None, :]
            ok &= rep[None, :] <= options.update_ratio * rep[:, None]
            # values that agree ("at least 3" and "5") link at any time; disjoint ones only in order
            ok &= agree | (thi[:, None] + options.update_window <= tlo[None, :])
            # ... and both only within days of each other (the closest two reports): one event's toll
            # (a length of time still running, "has been held for 20 days", runs on for weeks: no limit)
            running = np.array([running_length(items[n].claim, thing) is not None for n in ns], dtype=bool)
            near = np.maximum(tlo[:, None], tlo[None, :]) - np.minimum(thi[:, None], thi[None, :]) <= options.update_span
            ok &= near | running[:, None] | running[None, :]
            for row in np.flatnonzero(ok.sum(axis=1) > options.max_candidates):
                found = np.flatnonzero(ok[row])  # a dense block: only the closest contexts
                ok[row] = False
                ok[row, found[np.argsort(-sims[row, found], kind="stable")[: options.max_candidates]]] = True
            xs, ys = np.nonzero(ok)
            for x, y in zip(xs.tolist(), ys.tolist(), strict=True):
                a, b = items[ns[x]].claim, items[ns[y]].claim
                g, h = chunk[x], chunk[y]
                if noun.get(g, noun.get(h)) != noun.get(h, noun.get(g)):
                    continue  # the deaths of two nouns: "3 soldiers" and "12 civilians" killed
                if agree[x, y]:
                    # a noun's deaths and the toll agreeing join by the number pass's own rules, never here
                    if h not in graph.adj[g] and g != h and noun.get(g) == noun.get(h):
                        scored = number_pair(a, b, float(sims[x, y]) / 100, thing, options)
                        if scored is not None:
                            graph.link(g, h, scored[0])
                    continue
                if not (rep[x] < rep[y]):
                    continue
                if not _names_one_event(a, b):
                    continue
                scored = update_pair(a, b, float(sims[x, y]) / 100, thing, options)
                if scored is None:
                    continue
                graph.updates[(g, h) if g < h else (h, g)] = graph.adj[g].get(h)
                graph.link(g, h, scored[0])
                out[(g, h) if g < h else (h, g)] = scored[1]
    return out


# Names that tell no event from another: days and months.
_DATE_NAMES = CALENDAR_WORDS


def _names_one_event(a: Claim, b: Claim) -> bool:
    """Whether two reports of a toll may be one event's: not when both sentences name a place or a body (``names``,
    days and months aside) and not one in common ("Deaths from the dengue outbreak in Pell rose to 15" / "18 people
    were crushed to death at the Veyra shrine": two events' tolls, tolls23). A sentence that names nothing ("Three
    of the injured died in hospital, raising the death toll to 11") may update any."""
    na, nb = _place_names(a.sentence), _place_names(b.sentence)
    return not na or not nb or bool(na & nb)


def _place_names(sentence: str) -> set[str]:
    """``names`` of a sentence, days and months aside; none for a headline in Title Case ("Veyra Shrine Crush Toll
    Reaches 31"), where every word is capitalised and ``names`` cannot tell a name."""
    words = [w for w in sentence.split() if w[:1].isalpha()]
    if len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words):
        return set()
    return names(sentence) - _DATE_NAMES


def _bounds(values: Sequence[Any]) -> tuple[Any, Any, Any, Any]:
    """Intervals as arrays: low (-inf when open), whether inclusive, high (+inf when open), whether inclusive."""
    lo = np.array([-np.inf if v is None or (f := floor_of(v)) is None else f for v in values], dtype=np.float64)
    hi = np.array([np.inf if v is None or v.high is None else v.high for v in values], dtype=np.float64)
    # a bound meets an exact figure ("more than 40 million" and "40 million"): ends count as inclusive
    inclusive = np.ones(len(lo), dtype=bool)
    return lo, inclusive, hi, inclusive


def _below(a_lo: Any, a_lo_inc: Any, b_hi: Any, b_hi_inc: Any) -> Any:
    """``models._below`` on arrays: a's low end is not above b's high end."""
    return (a_lo < b_hi) | ((a_lo == b_hi) & a_lo_inc & b_hi_inc)


# --- quotes and statements -------------------------------------------------------------------


def text_graph(items: Sequence[Item], options: MatchOptions, *, quote: bool) -> Graph:
    """Quotes (normalised words) or statements (content words plus shared names), blocked by rare words."""
    # claims recur across articles: work out each distinct text's words once
    if quote:

        def prepare(text: str) -> tuple[str, frozenset[str], frozenset[str]]:
            t = " ".join(match_words(text))  # quote_norm
            return t, frozenset(match_content_words(t)) or frozenset(t.split()), frozenset()

        sw = _memo(speaker_words)
        who = [sw(it.claim.speaker) for it in items]
        raw = [str(it.claim.extra.get("norm") or it.claim.text) for it in items]
    else:

        def prepare(text: str) -> tuple[str, frozenset[str], frozenset[str]]:
            t = " ".join(match_content_words(text))
            return t, frozenset(t.split()), frozenset(names(text))

        raw = [it.claim.text for it in items]
    prepared = _memo(prepare)
    texts, keysets, name_sets = (list(x) for x in zip(*map(prepared, raw), strict=True))
    if quote:
        keys: list[Hashable | None] = [
            (t, w) if ks else None for t, w, ks in zip(texts, who, keysets, strict=True)
        ]
    else:
        keys = [(t, ns) if ks else None for t, ns, ks in zip(texts, name_sets, keysets, strict=True)]
    counts = [len(t.split()) for t in texts]

    runs_of = _memo(lambda n: name_runs(raw[n]))
    plain = [] if quote else [k - ns for k, ns in zip(keysets, name_sets, strict=True)]  # content words, no names

    def named_in(a: int, b: int, shared: frozenset[str] | None = None) -> int:
        """How many names the two statements share, a name of several words counted once (``name_runs``)."""
        if shared is None:
            shared = name_sets[a] & name_sets[b]
        in_a = sum(1 for run in runs_of(a) if run & shared)
        return min(len(shared), in_a, sum(1 for run in runs_of(b) if run & shared))

    def pair(a: int, b: int, score: float, whole: float | None = None) -> Scored:
        """``whole``: the score of the two quotes' words in full (no part of one inside the other)."""
        if quote:
            same = words_compatible(who[a], who[b])
            if not same and whole is not None and min(counts[a], counts[b]) < options.speaker_part_words:
                # two known speakers: a short part of one's quote inside the other's ("we will rebuild
                # this town stone by stone") is a phrase both may say; only the same words in full link
                score = whole
            return quote_pair(score, min(counts[a], counts[b]), same, options)
        if whole is not None and score > whole and len(plain[a] & plain[b]) < 2:
            # the set score forgives what one statement leaves out; when all the two share is names and a word
            # ("The South Korean spokesman agreed" / "The rocket went missing from South Korean radar"), they
            # are two statements about the same people or places, scored on their words in full
            score = whole
        shared = name_sets[a] & name_sets[b]
        named = len(shared) if len(shared) < 2 else named_in(a, b, shared)
        return statement_pair(score, name_sets[a], name_sets[b], options, named=named)

    def inner(n: int) -> Scored:
        t = texts[n]
        loose = fuzz.partial_ratio(t, t) if quote else fuzz.token_set_ratio(t, t)
        return pair(n, n, max(fuzz.token_sort_ratio(t, t), loose if counts[n] >= 4 else 0.0))

    graph = group_items(items, keys, inner)
    first = [m[0] for m in graph.members]
    df = Counter(k for ks in keysets for k in ks)
    df_names = Counter(k for ns in name_sets for k in ns)
    blocks: dict[str, list[int]] = defaultdict(list)
    for g, n in enumerate(first):
        ranked = sorted(keysets[n], key=lambda k: (df[k], k))
        # a key shared by more than max_block claims is not rare; keep one only if nothing rarer exists
        rare = [k for k in ranked[: options.rare_keys] if df[k] <= options.max_block] or ranked[:1]
        if quote:
            # a quote is also found by its other uncommon words: a fragment quoted elsewhere ("avoid
            # a potential distraction") or the same words spelled another way may not share the
            # quote's three rarest ones
            rare += [k for k in ranked[options.rare_keys : options.quote_keys] if df[k] <= options.quote_key_df]
        names_ = [k for k in name_sets[n] if df_names[k] <= options.max_block]
        for k in {*rare, *names_}:
            if df[k] + df_names[k] > 1:
                blocks[k].append(g)
    single = np.array([items[m[0]].article if len(m) == 1 else -1 for m in graph.members])
    long_enough = np.array([counts[n] >= 4 for n in first])
    if quote:
        # a quotation translated or abridged differently by each outlet ("every port on their eastern
        # coast is within the reach of our new missiles" / "all the ports on their east coast are within
        # reach of our new missiles") keeps its content words: scored on them as a set too, when both have
        # at least ``quote_content_words`` of them
        content = [" ".join(sorted(keysets[n])) for n in first]
        wordy = np.array([len(keysets[n]) >= options.quote_content_words for n in first])
    # scores below this cannot become a link, whatever names or speakers add
    cutoff = options.quote_threshold if quote else options.statement_threshold - 10
    loose_scorer = fuzz.partial_ratio if quote else fuzz.token_set_ratio
    first_of = np.array(first, dtype=np.int64)
    has_names = np.array([bool(name_sets[n]) for n in first], dtype=bool)
    if quote:  # each group's speaker (an id per distinct speaker's words) and word count, as arrays
        speakers: dict[frozenset[str], int] = {}
        speaker = np.array([speakers.setdefault(who[n], len(speakers)) for n in first], dtype=np.int64)
        n_of = np.array([counts[n] for n in first], dtype=np.int64)
        credited = np.array([bool(who[n]) for n in first], dtype=bool)
        short_part = n_of >= options.quote_part_words
        compatible: dict[int, bool] = {}
        said = [it.claim.text for it in items]  # the quote as written: its contractions ("didn't") kept
        negated = np.array([bool(NEGATION_CUE.search(t)) for t in said], dtype=bool)
    adj, rules = graph.adj, graph.rules
    for members in blocks.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda g: texts[first[g]])
        for chunk in _chunks(members, options.max_block):
            if len(chunk) < 2:
                continue
            idx = np.array(chunk)
            strs = [texts[first[g]] for g in chunk]
            base = _cdist(strs, strs, fuzz.token_sort_ratio, options, cutoff)
            loose = _cdist(strs, strs, loose_scorer, options, cutoff)
            # partial/set scores forgive trimmed edges, but only for texts long enough to mean it
            both_long = long_enough[idx][:, None] & long_enough[idx][None, :]
            if quote:
                # a short part of a quote ("a landmark year") wholly inside a longer one by the one same, named
                # speaker ("Lars Eklund" / "Mr Eklund") is that quote cut by another outlet (variants20): its whole
                # words, not a phrase of two
                part = credited[idx][:, None] & credited[idx][None, :] & short_part[idx][:, None]
                part &= short_part[idx][None, :] & (loose >= 100) & ~both_long
                if part.any():
                    px, py = np.nonzero(part)
                    one = _compatible_speakers(speaker[idx][px], speaker[idx][py], speakers, compatible)
                    # not a part the whole denies (review21): "'We will not cut the budget for schools,' said Tom
                    # Hale" / "Hale said 'cut the budget' was the plan"
                    one &= np.array(
                        [
                            not denied_part(said[first[chunk[x]]], said[first[chunk[y]]])
                            for x, y in zip(px.tolist(), py.tolist(), strict=True)
                        ],
                        dtype=bool,
                    )
                    both_long[px[one], py[one]] = True
            score = np.maximum(base, np.where(both_long, loose, 0))
            if quote and wordy[idx].sum() >= 2:
                cset = _cdist([content[g] for g in chunk], [content[g] for g in chunk], fuzz.token_set_ratio, options, cutoff)
                score = np.maximum(score, np.where(wordy[idx][:, None] & wordy[idx][None, :], cset, 0))
            ok = np.triu(score >= cutoff, 1)
            ok &= ~((single[idx][:, None] == single[idx][None, :]) & (single[idx][:, None] >= 0))
            xs, ys = np.nonzero(ok)
            gs, hs = idx[xs], idx[ys]
            if quote:
                # ``pair`` on arrays, the links written in the same order. A pair's score is the same in every
                # block it meets (its texts', lengths' and speakers'), so a pair linked again is written again
                # as it was, in its place, and one that did not link does not: no pair need be skipped
                same = _compatible_speakers(speaker[gs], speaker[hs], speakers, compatible)
                n_words = np.minimum(n_of[gs], n_of[hs])
                # two known speakers: a short part of one's quote inside the other's scores as the words in full
                s = np.where(~same & (n_words < options.speaker_part_words), base[xs, ys], score[xs, ys])
                linked, quoted = quote_pairs(s.astype(np.float64), n_words, same, options)
                at = np.flatnonzero(linked)
                gs, hs, same, quoted = gs[at], hs[at], same[at], quoted[at]
                if negated[first_of[gs]].any() or negated[first_of[hs]].any():  # a quote and its opposite: apart
                    keep = [
                        not opposite_quotes(said[first[g]], said[first[h]])
                        for g, h in zip(gs.tolist(), hs.tolist(), strict=True)
                    ]
                    gs, hs, same, quoted = gs[keep], hs[keep], same[keep], quoted[keep]
                for g, h, q, link, one in zip(
                    gs.tolist(), hs.tolist(), quoted.tolist(), (quoted / 100).tolist(), same.tolist(), strict=True
                ):
                    adj[g][h] = adj[h][g] = link
                    rules[(g, h) if g < h else (h, g)] = Rule("quote", q, other_speaker=not one)
                continue
            # ``pair`` and ``statement_pair`` on arrays, the names looked at only where both statements have some
            s = score[xs, ys].astype(np.float64)
            whole = base[xs, ys].astype(np.float64)
            ns, ms = first_of[gs], first_of[hs]
            # the set score forgives what one statement leaves out: when all the two share is names and a word,
            # they are scored on their words in full (``pair``)
            at = np.flatnonzero(s > whole)
            if at.size:
                few = [len(plain[n] & plain[m]) < 2 for n, m in zip(ns[at].tolist(), ms[at].tolist(), strict=True)]
                at = at[np.array(few, dtype=bool)]
                s[at] = whole[at]
            names_of: dict[int, tuple[str, ...]] = {}
            at = np.flatnonzero(has_names[gs] & has_names[hs])
            if at.size:
                change = []
                for k, n, m in zip(at.tolist(), ns[at].tolist(), ms[at].tolist(), strict=True):
                    shared = name_sets[n] & name_sets[m]
                    named = len(shared) if len(shared) < 2 else named_in(n, m, shared)
                    change.append(names_change(name_sets[n], name_sets[m], shared, named))
                    if shared:
                        names_of[k] = tuple(sorted(shared))
                s[at] += np.array(change)  # x + 0.0 is x; x + -15.0 is x - 15
            linked = np.flatnonzero(s >= options.statement_threshold)
            for k, g, h, sc, link in zip(
                linked.tolist(),
                gs[linked].tolist(),
                hs[linked].tolist(),
                s[linked].tolist(),
                (np.minimum(s[linked], 100.0) / 100).tolist(),
                strict=True,
            ):
                # a pair's score is the same in every block it meets: linked again, it is written again as it was
                adj[g][h] = adj[h][g] = link
                rules[(g, h) if g < h else (h, g)] = Rule("statement", sc, names=names_of.get(k, ()))
    if not quote:
        _phrase_links(graph, first, texts, name_sets, df, single, options, named_in)
        _unlink_where(graph, {g: k for g, n in enumerate(first) if graph.adj[g] and (k := subject_kind(raw[n]))}, str.__ne__)
    return graph


# The subject a statement opens with (after a time set off or not by a comma: "On Saturday she was ..."), when it
# says whether one person or a part of a group did or underwent the act: "She was taken to the border with other
# prisoners" and "Some of those freed were taken to the border, others to the coast" tell of different people,
# however many words they share (audit28: the demo's two rows of where the freed were taken).
_SUBJECT_LEAD = (
    r"(?:(?:On|In|At|By|During|After|Before|Last|Earlier|Later|Then|Now|Meanwhile|Yesterday|Today|And|But)\b"
    r"[^,;:.]{0,40}?(?:,\s*|\s+(?=(?:he|she|some|others|many|most|several)\b)))?"
)
_ONE_PERSON = re.compile(_SUBJECT_LEAD + r"(?i:he|she)\s+(?!and\b|or\b|,)")
_PART_OF_GROUP = re.compile(
    _SUBJECT_LEAD + r"(?i:(?:some|many|most|several|a\s+few|few|half)\s+(?:of\s+(?:the|those|these|them|their)\b|"
    r"(?:were|was|are|have|had)\b)|others\s+(?:were|was|are|have|had)\b)"
)


def subject_kind(sentence: str) -> str | None:
    """"one" when a statement opens with a singular pronoun of a person ("She was taken ..."), "part" when with a
    part of a group ("Some of those freed were ...", "Others were ..."), else None."""
    if _ONE_PERSON.match(sentence):
        return "one"
    return "part" if _PART_OF_GROUP.match(sentence) else None


def _compatible_speakers(a: Any, b: Any, speakers: dict[frozenset[str], int], known: dict[int, bool]) -> Any:
    """``words_compatible`` of the speakers (ids in ``speakers``) of each pair, each distinct pair of them
    worked out once (``known``: id pair -> the answer, kept across calls)."""
    ids = a * len(speakers) + b
    pairs, inverse = np.unique(ids, return_inverse=True)
    words = list(speakers)
    for p in pairs.tolist():
        if p not in known:
            x, y = divmod(p, len(speakers))
            known[p] = words_compatible(words[x], words[y])
    return np.array([known[p] for p in pairs.tolist()], dtype=bool)[inverse.ravel()]


# Words of a person's title or position, written before or after a name ("Arizona Cardinals coach Bruce Smith",
# "running back David Jones", "Foreign Minister Ana Costa", "the company's chief executive, Li Wei"): a run of such
# words and a name names a person, and two sentences that name one person alike may tell different things
# (rows22). Words as ``match_content_words`` gives them (lowercase, plural "-s" dropped).
_TITLE_WORDS = frozenset(
    str.split(
    "coach manager president chairman chairwoman chairperson ceo chief executive founder cofounder co-founder "
    "director spokesman spokeswoman spokesperson secretary minister premier chancellor governor mayor senator "
    "congressman congresswoman lawmaker judge general commander captain skipper quarterback receiver linebacker "
    "cornerback safety lineman tackle striker midfielder defender goalkeeper keeper pitcher catcher shortstop "
    "baseman outfielder closer reliever star actor actress singer rapper comedian producer host anchor editor "
    "reporter correspondent columnist analyst professor dr doctor officer deputy vice former late acting interim "
    "assistant teammate owner ambassador envoy king queen prince princess sheriff"
    )
)
# Titles of two words whose words alone are common: "running back", "wide receiver", "tight end", "prime minister".
_TITLE_PAIRS = frozenset([("running", "back"), ("wide", "receiver"), ("tight", "end"), ("prime", "minister"),
                          ("first", "lady"), ("attorney", "general"), ("press", "secretary")])  # fmt: skip


def _title_words(toks: Sequence[str], names: AbstractSet[str]) -> list[bool]:
    """Per word, whether it is part of a title next to a name or another title word (``_TITLE_WORDS``,
    ``_TITLE_PAIRS``): "coach" in "cardinal coach bruce arian", not in "the coach of the year award"."""
    out = [w in _TITLE_WORDS for w in toks]
    for i in range(len(toks) - 1):
        if (toks[i], toks[i + 1]) in _TITLE_PAIRS:
            out[i] = out[i + 1] = True
    # a title word counts only in a stretch of title words and names that holds a name: "manager" alone tells
    # what someone did ("was named manager of the year")
    keep = [False] * len(toks)
    i = 0
    while i < len(toks):
        j = i
        while j < len(toks) and (out[j] or toks[j] in names):
            j += 1
        if j > i and any(toks[x] in names for x in range(i, j)):
            for x in range(i, j):
                keep[x] = out[x]
        i = max(j, i + 1)
    return keep


def _phrase_links(
    graph: Graph,
    first: Sequence[int],
    texts: Sequence[str],
    name_sets: Sequence[frozenset[str]],
    df: Counter[str],
    single: Any,
    options: MatchOptions,
    named_in: Callable[[int, int], int] | None = None,
) -> None:
    """Statements that share a rare phrase: ``phrase_words`` content words in the same order, at
    least ``phrase_rare`` of them rare (in at most ``phrase_share`` of the statements, and at most
    ``max_block``) and not names. Paraphrases that end differently ("Belarus is a close ally of
    Russia, and ..." / "... and allowed Moscow ...") score too low on all their words to link;
    the shared run says they state the same thing. Found through an index of such runs, so only
    statements that share one are compared."""
    k = options.phrase_words
    total = sum(len(m) for m in graph.members)
    rare_df = max(2, min(options.max_block, int(options.phrase_share * total)))
    runs: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for g, n in enumerate(first):
        toks = texts[n].split()
        if len(toks) < k:
            continue
        titled = _title_words(toks, name_sets[n])
        rare = [df[w] <= rare_df and w not in name_sets[n] and not t for w, t in zip(toks, titled, strict=True)]
        for i in range(len(toks) - k + 1):
            if sum(rare[i : i + k]) >= options.phrase_rare:
                runs[tuple(toks[i : i + k])].append(g)
    found: dict[tuple[int, int], tuple[str, ...]] = {}
    for run, groups in runs.items():
        if len(groups) < 2 or len(groups) > options.max_candidates:
            continue  # a run this common is boilerplate, not one statement
        for a, b in itertools.combinations(sorted(set(groups)), 2):
            if single[a] >= 0 and single[a] == single[b]:
                continue  # two claims of one article
            found.setdefault((a, b), run)
    for (g, h), run in found.items():
        prev = graph.adj[g].get(h)
        if prev is not None and prev >= options.phrase_score / 100:
            continue  # its words alone linked it as strongly
        n, m = first[g], first[h]
        named = named_in(n, m) if named_in is not None else None
        scored = statement_pair(0.0, name_sets[n], name_sets[m], options, " ".join(run), named)
        if scored is not None and (prev is None or scored[0] > prev):
            graph.link(g, h, *scored)

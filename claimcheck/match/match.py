"""Match claims across articles into facts: pure, claims in, facts out.

Three steps, per claim kind (DESIGN.md, "Matching rules"):

1. **Blocking** (``claimcheck.match.blocking``) — claims identical for the matcher are grouped and scored
   once; numbers are blocked by their normalised counted thing, cumulative-or-not time qualifier and
   value magnitude; quotes by their rarest words; statements by shared names and rare content words.
   Nothing is ever compared with everything.
2. **Scoring** inside blocks with ``rapidfuzz.process.cdist``: each candidate pair gets a score in
   [0, 1] and the rule that produced it (kept for ``--explain``). The rules themselves (time
   qualifiers, speakers, names) are in this module.
3. **Clustering** (``claimcheck.match.cluster``) by average linkage with a cannot-link rule: two claims of
   one article never join, and a claim joins a cluster only when it is, on average, similar to
   *all* of its members, so unrelated claims do not chain through intermediate ones as they would
   under single linkage.

Rules beyond plain similarity (each with its unit test in tests/test_match.py):

- the counted thing of a generic unit ("1,100 people") is the claim's role (``unit_role``, or a
  prison word in its sentence): "political prisoners" (``thing_key``), and the role joins its context;
- an evolving count (deaths, injured, missing, arrested, evacuated, "so far", "rose to") that differs
  between reports published at least ``update_window`` apart, the later one higher, is one fact whose
  figure was updated (``Fact.evolving``, value = the latest), unless its reports do not read as one
  rising figure (``figure_rises``): then the update links are dropped and the claims re-clustered;
- statements that share a run of ``phrase_words`` content words with a rare non-name word among
  them are the same statement told with different endings.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC
from typing import Any

from rapidfuzz import fuzz

from claimcheck.match.cluster import Edges, Exclusive, Rule, cluster_items
from claimcheck.match.normalize import (
    content_words,
    is_span,
    speakers_compatible,
    when_compatible,
    words,
)
from claimcheck.match.syndication import SyndicationOptions, find_syndicated
from claimcheck.match.things import (  # noqa: F401 - re-exported: the matcher's public helpers
    CONTEXT_SYNONYMS,
    COUNT_CLASS,
    EVOLVING_THINGS,
    GENERIC_UNITS,
    UNIT_SYNONYMS,
    can_evolve,
    compound_key,
    count_class,
    is_precise,
    number_context,
    stated,
    thing_key,
    unit_key,
)
from claimcheck.models import Article, Claim, Fact, Interval, Outlet

__all__ = [
    "CONTEXT_SYNONYMS", "EVOLVING_THINGS", "GENERIC_UNITS", "UNIT_SYNONYMS", "Edges", "Item", "MatchOptions",
    "Rule", "can_evolve", "cluster_items", "match_facts", "number_context", "thing_key", "unit_key",
]  # fmt: skip

MATCHED_KINDS = ("number", "quote", "statement")


@dataclass(frozen=True)
class MatchOptions:
    """Thresholds of the matcher. Scores are in [0, 1]; fuzzy thresholds in rapidfuzz's 0-100."""

    kinds: tuple[str, ...] = MATCHED_KINDS
    number_tolerance: float = 0.25  # disjoint values within 25% of each other are a conflict
    quote_threshold: float = 80.0
    speaker_penalty: float = 15.0  # points off a quote pair whose known speakers differ
    speaker_override_words: int = 8  # ...and only quotes at least this long may still link
    statement_threshold: float = 72.0
    # statements sharing a run of this many content words in order, at least phrase_rare of them rare
    # (in at most phrase_share of the statements) and not names, are one statement told with
    # different endings ("Belarus is a close ally of Russia, and ..." / "... and allowed ...")
    phrase_words: int = 4
    phrase_share: float = 0.2
    phrase_rare: int = 1  # rare words a shared run needs
    phrase_score: float = 76.0
    linkage: float = 0.5  # average-linkage threshold for joining two clusters
    rare_keys: int = 3  # blocking keys per quote/statement: its rarest words
    # a quote that is part of a longer one ("I'll miss the players" in a whole paragraph) joins its
    # fact when it has this many words, this many content words, and this partial_ratio (0-100)
    part_words: int = 4
    part_content: int = 3
    part_ratio: float = 95.0
    # one precise figure joins counts of different things ("documents", "files", "records") when
    # it is given for at most this many things in all
    count_names: int = 4
    quote_keys: int = 16  # ...and a quote's next rarest words, up to this many keys,
    quote_key_df: int = 12  # when each is in at most this many distinct quotes
    max_block: int = 400  # blocks larger than this are split (by sorted text) before scoring
    max_candidates: int = 64  # per number, score at most this many close values (keeps dense data linear)
    number_context_floor: float = 0.4  # context similarity (0-1) at which numbers start to link
    when_threshold: float = 90.0  # two time qualifiers (neither part of the other) below this differ
    workers: int = 1  # cdist threads; -1 uses every core
    # updated figures (a toll that rises during the day): the later of two reports at least this many
    # seconds apart may carry a higher count of the same evolving thing, up to update_ratio times more
    update_window: float = 3600.0
    update_ratio: float = 5.0
    syndication: SyndicationOptions = field(default_factory=SyndicationOptions)


@dataclass
class Item:
    """One claim in the matcher's working set, with where it comes from."""

    index: int
    article: int
    claim: Claim


def match_facts(
    articles: Sequence[Article],
    outlets: Mapping[str, Outlet],
    options: MatchOptions | None = None,
    syndicated: Mapping[int, str] | None = None,
) -> list[Fact]:
    """Cluster the articles' claims into facts (singletons included), most-reported first."""
    from claimcheck.match.blocking import number_graph, text_graph
    from claimcheck.match.facts import FactContext, alias_map, article_cites, build_fact, fact_order, renumber

    options = options or MatchOptions()
    # wire copy is only needed to build the facts: on a large input, find it on another core
    # while this one matches the claims
    pending = _syndicated_aside(articles, outlets, options) if syndicated is None else None
    clustered = []
    for kind in options.kinds:
        items = [Item(0, a, c) for a, art in enumerate(articles) for c in distinct_claims(art, kind)]
        for n, it in enumerate(items):
            it.index = n
        if not items:
            continue
        if kind == "number":
            graph = number_graph(items, options, [_timestamp(a.published) for a in articles])
        else:
            graph = text_graph(items, options, quote=kind == "quote")
        clusters = cluster_items(items, graph, options.linkage, _EXCLUSIVE.get(kind))
        if kind == "quote":
            clusters = join_quote_parts(items, graph, clusters, options)
        if graph.updates:
            clusters = _check_updates(items, graph, clusters, options, articles)
        clustered.append((items, graph, clusters))
    if syndicated is None:
        syndicated = pending() if pending else find_syndicated(articles, outlets, options.syndication)
    alias = alias_map(outlets)
    cites = article_cites(articles, outlets, alias, syndicated)
    ctx = FactContext(articles, alias, syndicated, cites, options.update_window)
    facts = [build_fact(c, items, graph, ctx) for items, graph, clusters in clustered for c in clusters]
    facts.sort(key=fact_order)
    return [renumber(f, n) for n, f in enumerate(facts, 1)]


def join_quote_parts(
    items: Sequence[Item], graph: Any, clusters: list[list[int]], options: MatchOptions
) -> list[list[int]]:
    """One quotation is one fact, whether an outlet quotes it whole or in parts: a cluster of a
    quote that is part of another cluster's longer quote ("I'll miss the players" inside "The tears
    you see are tears of joy and peace. I'll miss the players. I'll miss ...") joins that cluster.
    Parts must be at least ``part_words`` words long (``part_content`` of them content words), so
    that a stock phrase ("a good day") does not join every quote holding it; known different
    speakers need a part of ``speaker_override_words``. Each article keeps its longest quote in the
    joined fact (an outlet counts once per fact anyway). Candidates are the linked pairs only."""
    owner = {n: k for k, c in enumerate(clusters) for n in c}
    parent = list(range(len(clusters)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    norms: dict[int, str] = {}

    def norm(n: int) -> str:
        if n not in norms:
            norms[n] = quote_norm(items[n].claim)
        return norms[n]

    for g, nbrs in enumerate(graph.adj):
        for h in nbrs:
            if h < g:
                continue
            a, b = graph.members[g][0], graph.members[h][0]
            if root(owner[a]) == root(owner[b]):
                continue
            short, long_ = sorted((norm(a), norm(b)), key=len)
            ws = short.split()
            if len(ws) < options.part_words or len(content_words(short)) < options.part_content:
                continue
            if len(ws) < options.speaker_override_words and not speakers_compatible(
                items[a].claim.speaker, items[b].claim.speaker
            ):
                continue
            if short in long_ or fuzz.partial_ratio(short, long_) >= options.part_ratio:
                parent[root(owner[a])] = root(owner[b])
    joined: dict[int, dict[int, int]] = {}
    for k, c in enumerate(clusters):
        per_article = joined.setdefault(root(k), {})
        for n in c:
            art = items[n].article
            if art not in per_article or len(norm(n)) > len(norm(per_article[art])):
                per_article[art] = n
    return [sorted(per.values()) for per in joined.values()]


def distinct_claims(article: Article, kind: str) -> list[Claim]:
    """The article's claims of one kind, a figure or quote it repeats given once: a title and a
    body that repeat "123 prisoners", or a quote the body gives again in part, must not seed two
    facts (two claims of one article never join one). The body's fuller sentence is kept."""
    claims = [c for c in article.claims if c.kind == kind]
    if kind == "statement" or len(claims) < 2:
        return claims
    title_end = len(article.title) if article.title and article.text.startswith(article.title) else 0

    def rank(c: Claim) -> tuple[bool, int]:
        return (c.start >= title_end, len(c.sentence))

    if kind == "number":
        best: dict[tuple[str, float | None, bool], Claim] = {}
        for c in claims:
            thing = compound_key(c) or unit_key(c.unit)
            if is_precise(c.value) and count_class(thing):
                thing = COUNT_CLASS  # "11.5 million documents" twice, however the unit was read
            key = (thing, stated(c.value), is_span(c.when))
            if key not in best or rank(c) > rank(best[key]):
                best[key] = c
        kept = set(map(id, best.values()))
        return [c for c in claims if id(c) in kept]
    norms = [quote_norm(c) for c in claims]
    out = []
    for i, c in enumerate(claims):
        inside = any(
            j != i and norms[i] in norms[j] and (len(norms[i]) < len(norms[j]) or j < i)
            for j in range(len(claims))
        )
        if not inside or not norms[i]:
            out.append(c)
    return out


def values_agree(a: Interval, b: Interval) -> bool:
    """Two figures agree when their intervals share a value or meet at a bound: "more than 40
    million" agrees with "40 million" (outlets round a figure they also give as a bound); "up to
    5.1 million" agrees with figures near 5.1 million only (``CEILING_REACH``)."""
    a_low, b_low = _floor_of(a), _floor_of(b)
    return (a_low is None or b.high is None or a_low <= b.high) and (b_low is None or a.high is None or b_low <= a.high)


# "up to 5.1 million", "as much as $2 billion": a ceiling names a figure near it, not every smaller one
CEILING_REACH = 0.75


def _floor_of(v: Interval) -> float | None:
    """The low end of a figure for agreement: a ceiling's low end is ``CEILING_REACH`` of its top."""
    if not v.low and v.high is not None and v.high > 0:
        return v.high * CEILING_REACH
    return v.low


def figure_rises(points: Iterable[tuple[Interval, float | None]], window: float) -> bool | None:
    """Whether reports (value, publication time in seconds) read as one figure updated upwards.

    None when all values agree (nothing was updated); True when every two disjoint values were
    published in order, the lower one at least ``window`` seconds before the higher one; False
    otherwise (two reports at about the same time disagree, a figure falls, or a time is unknown).
    """
    spans: dict[Interval, list[float]] = {}
    for v, t in points:
        if t is None:
            spans.setdefault(v, []).append(float("nan"))
        else:
            spans.setdefault(v, []).append(t)
    vals = list(spans)
    disjoint = False
    for i, a in enumerate(vals):
        for b in vals[i + 1 :]:
            if values_agree(a, b):
                continue
            disjoint = True
            lo, hi = (a, b) if (a.midpoint or 0) < (b.midpoint or 0) else (b, a)
            if not max(spans[lo]) + window <= min(spans[hi]):  # NaN (undated) fails too
                return False
    return True if disjoint else None


def _check_updates(
    items: Sequence[Item],
    graph: Any,
    clusters: list[list[int]],
    options: MatchOptions,
    articles: Sequence[Article],
) -> list[list[int]]:
    """Keep updated-figure links only inside facts whose figure really rose over time: a cluster
    joined by such a link whose reports do not read as one rising figure (one report lower after a
    higher one, as with a sub-count "two in Hachinohe" after a toll of five) is clustered again
    without its update links."""
    from claimcheck.match.cluster import recluster

    times = [_timestamp(a.published) for a in articles]
    for _ in range(8):  # each round drops links for good, so this ends; 8 is plenty
        drop = []
        for c in clusters:
            groups = {graph.group[n] for n in c}
            inside = [p for p in graph.updates if p[0] in groups and p[1] in groups]
            if not inside:
                continue
            points = [(items[n].claim.value, times[items[n].article]) for n in c if items[n].claim.value]
            if figure_rises(points, options.update_window) is not True:
                drop.extend(inside)
        if not drop:
            break
        clusters = recluster(graph, clusters, drop, options.linkage, _EXCLUSIVE.get("number"))
    return clusters


def _timestamp(dt: Any) -> float | None:
    """A publication time in seconds (naive times taken as UTC), None when unknown."""
    if dt is None:
        return None
    return float((dt if dt.tzinfo else dt.replace(tzinfo=UTC)).timestamp())


_ASIDE_ARTICLES = 2000  # below this many articles, wire-copy detection is too quick to hand off


def _syndicated_aside(
    articles: Sequence[Article], outlets: Mapping[str, Outlet], options: MatchOptions
) -> Callable[[], dict[int, str]] | None:
    """``find_syndicated`` started in a forked child process; call the result to wait for it.

    None (the caller runs it inline) for small inputs, on one core, where ``fork`` is missing,
    inside a daemonic worker (which may not have children), or when other threads run (forking
    them is unsafe). The child inherits the articles by fork, so only its answer (article index ->
    reason) is sent back.
    """
    if len(articles) < _ASIDE_ARTICLES or (os.cpu_count() or 1) < 2 or threading.active_count() > 1:
        return None
    if "fork" not in mp.get_all_start_methods() or mp.current_process().daemon:
        return None
    try:
        ctx = mp.get_context("fork")
        receive, send = ctx.Pipe(duplex=False)
        child = ctx.Process(target=_syndicated_child, args=(send, articles, outlets, options), daemon=True)
        child.start()
        send.close()
    except OSError:
        return None

    def wait() -> dict[int, str]:
        try:
            ok, found = receive.recv()
        except EOFError:  # the child died: do it here
            ok, found = False, None
        finally:
            receive.close()
            child.join()
        return found if ok else find_syndicated(articles, outlets, options.syndication)

    return wait


def _syndicated_child(
    send: Any, articles: Sequence[Article], outlets: Mapping[str, Outlet], options: MatchOptions
) -> None:
    try:
        send.send((True, find_syndicated(articles, outlets, options.syndication)))
    except Exception:  # noqa: BLE001 - the parent redoes it and sees the error itself
        send.send((False, None))
    finally:
        send.close()


# A claim attribute that splits facts: a number's time qualifier.
_EXCLUSIVE: dict[str, Exclusive] = {"number": (lambda c: c.when, when_compatible)}


# --- numbers ---------------------------------------------------------------------------------


def update_pair(
    a: Claim, b: Claim, ctx: float, thing: str, options: MatchOptions
) -> tuple[float, Rule] | None:
    """Two reports of an evolving count, the higher one published at least ``update_window`` later
    (checked by the caller): one fact, the figure updated. Scored like values that agree."""
    assert a.value is not None and b.value is not None
    if not when_compatible(a.when, b.when, options.when_threshold):
        return None
    shared = max(0.0, (ctx - options.number_context_floor) / (1 - options.number_context_floor))
    return 0.45 + 0.55 * shared, ("update", thing or "?", a.value, b.value, ctx)


def number_pair(
    a: Claim, b: Claim, ctx: float, thing: str, options: MatchOptions
) -> tuple[float, Rule] | None:
    assert a.value is not None and b.value is not None
    if not when_compatible(a.when, b.when, options.when_threshold):
        return None
    # token_set_ratio of unrelated word lists is rarely below 0.35: rescale so that only shared
    # words count, and a number in an unrelated sentence stays below the linkage threshold.
    shared = max(0.0, (ctx - options.number_context_floor) / (1 - options.number_context_floor))
    if values_agree(a.value, b.value):
        return 0.45 + 0.55 * shared, ("agree", thing or "?", a.value, b.value, ctx)
    if shared <= 0:
        return None
    return 0.35 + 0.5 * shared, ("conflict", thing or "?", a.value, b.value, ctx)


def rule_text(rule: Rule) -> str:
    """The human form of a link's rule, for ``--explain``."""
    kind = rule[0]
    if kind == "update":
        _, thing, va, vb, ctx = rule
        return (
            f"number: same {thing!r}, figure updated ({format_value(va)} -> {format_value(vb)}, "
            f"the later report higher), context {ctx:.2f}"
        )
    if kind in ("agree", "conflict"):
        _, thing, va, vb, ctx = rule
        how = "values agree" if kind == "agree" else "values close but disjoint"
        return f"number: same {thing!r}, {how} ({format_value(va)} ~ {format_value(vb)}), context {ctx:.2f}"
    if kind == "quote":
        who = ", despite different speakers" if len(rule) > 2 and rule[2] else ""
        return f"quote: normalised words {rule[1]:.0f}/100{who}"
    shared = rule[2]
    who = f", shared names {', '.join(shared)}" if shared else ""
    phrase = f", shared phrase {rule[3]!r}" if len(rule) > 3 and rule[3] else ""
    return f"statement: content words {rule[1]:.0f}/100{phrase}{who}"


# --- quotes and statements -------------------------------------------------------------------


def quote_norm(claim: Claim) -> str:
    norm = claim.extra.get("norm")
    return " ".join(words(str(norm) if norm else claim.text))


def quote_pair(
    score: float, n_words: int, same_speaker: bool, options: MatchOptions
) -> tuple[float, Rule] | None:
    """Quotes link on their normalised words. Two known, different speakers cost
    ``speaker_penalty`` points: only a long, word-for-word quote survives that (one outlet, or the
    extractor, got the speaker wrong); short or reworded quotes of two people stay apart."""
    if not same_speaker:
        if n_words < options.speaker_override_words:
            return None
        score -= options.speaker_penalty
    if score < options.quote_threshold:
        return None
    return score / 100, ("quote", score, not same_speaker)


def statement_pair(
    score: float, na: set[str], nb: set[str], options: MatchOptions, phrase: str = ""
) -> tuple[float, Rule] | None:
    """Statements link on their content words (fuzzy) plus shared names; a shared rare phrase
    (``phrase``, found by ``blocking.text_graph``) lifts the words' score to ``phrase_score``."""
    if phrase:
        score = max(score, options.phrase_score)
    shared = na & nb
    if len(na) > 1 and len(nb) > 1 and not shared:
        score -= 15  # both name several people or places, and not one in common
    elif shared:
        score += 5 * min(len(shared), 2)
    if score < options.statement_threshold:
        return None
    if phrase:
        return min(score, 100.0) / 100, ("statement", score, tuple(sorted(shared)), phrase)
    return min(score, 100.0) / 100, ("statement", score, tuple(sorted(shared)))


def format_value(v: Interval | None) -> str:
    """A short human form of an interval: "123", ">120", "120-130", "<=50"."""
    if v is None:
        return "?"
    lo, hi = _fmt(v.low), _fmt(v.high)
    if v.low is not None and v.low == v.high:
        return lo
    if v.high is None:
        return (">" if not v.low_inclusive else ">=") + lo
    if v.low is None:
        return ("<" if not v.high_inclusive else "<=") + hi
    return f"{lo}-{hi}"


def _fmt(x: float | None) -> str:
    if x is None:
        return ""
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.4g}"

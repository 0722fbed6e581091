"""Match claims across articles into facts: pure, claims in, facts out (the conductor of the match side).

Three steps, per claim kind (ARCHITECTURE.md, "Where each rule lives"):

1. **Blocking** (``claimcheck.match.blocking``) — claims identical for the matcher are grouped and scored
   once; numbers are blocked by their normalised counted thing, cumulative-or-not time qualifier and
   value magnitude; quotes by their rarest words; statements by shared names and rare content words.
   Nothing is ever compared with everything.
2. **Scoring** inside blocks with ``rapidfuzz.process.cdist``: each candidate pair gets a score in
   [0, 1] and the rule that produced it (kept for ``--explain``). The rules themselves (time
   qualifiers, speakers, names) are in ``claimcheck.match.rules``.
3. **Clustering** (``claimcheck.match.cluster``) by average linkage with a cannot-link rule: two claims of
   one article never join, and a claim joins a cluster only when it is, on average, similar to
   *all* of its members, so unrelated claims do not chain through intermediate ones as they would
   under single linkage.

The rules beyond plain similarity (generic units and roles, evolving counts, statements that share a rare
phrase) are listed in ``claimcheck.match.rules``.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import Any

from rapidfuzz import fuzz

from claimcheck.match.blocking import number_graph, text_graph
from claimcheck.match.cluster import cluster_items, recluster
from claimcheck.match.facts import FactContext, alias_map, article_cites, build_fact, fact_order, renumber
from claimcheck.match.normalize import is_span, speakers_compatible
from claimcheck.match.rules import (
    COUNT_CLASS,
    EXCLUSIVE,
    Item,
    MatchOptions,
    compound_key,
    count_class,
    figure_rises,
    is_precise,
    is_rounding,
    quote_norm,
    significant_digits,
    stated,
    timestamp,
    unit_key,
)
from claimcheck.match.syndication import Syndicated, find_syndicated
from claimcheck.models import Article, Claim, Fact, Outlet
from claimcheck.text import match_content_words

__all__ = ["distinct_claims", "join_quote_parts", "match_facts"]


def match_facts(
    articles: Sequence[Article],
    outlets: Mapping[str, Outlet],
    options: MatchOptions | None = None,
    syndicated: Mapping[int, Syndicated] | None = None,
) -> list[Fact]:
    """Cluster the articles' claims into facts (singletons included), most-reported first."""
    options = options or MatchOptions()
    clustered = []
    for kind in options.kinds:
        items = [Item(0, a, c) for a, art in enumerate(articles) for c in distinct_claims(art, kind)]
        for n, it in enumerate(items):
            it.index = n
        if not items:
            continue
        if kind == "number":
            graph = number_graph(items, options, [timestamp(a.published) for a in articles])
        else:
            graph = text_graph(items, options, quote=kind == "quote")
        clusters = cluster_items(items, graph, options.linkage, EXCLUSIVE.get(kind))
        if kind == "quote":
            clusters = join_quote_parts(items, graph, clusters, options)
        if graph.updates:
            clusters = _check_updates(items, graph, clusters, options, articles)
        clustered.append((items, graph, clusters))
    if syndicated is None:  # compare() finds wire copy once, for the facts and the citations
        syndicated = find_syndicated(articles, outlets, options.syndication)
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
            if len(ws) < options.part_words or len(match_content_words(short)) < options.part_content:
                continue
            if len(ws) < options.speaker_override_words and not speakers_compatible(
                items[a].claim.speaker, items[b].claim.speaker
            ):
                continue
            ratio = fuzz.partial_ratio(short, long_)
            # a part reworded in small words ("For me, that time is now" / "For me, it is time now")
            # keeps every content word of the longer quote
            reworded = ratio >= options.part_reworded and set(match_content_words(short)) <= set(
                match_content_words(long_)
            )
            if short in long_ or ratio >= options.part_ratio or reworded:
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
        # a figure the article gives precisely in one place and rounded in another ("5.13 million
        # pounds" in a fact box, "5.1 million pounds" in the text) is one figure too; the rounded one
        # is kept, as other outlets round it too
        by_thing: dict[tuple[str, bool], list[Claim]] = {}
        for (thing, _, span), c in best.items():
            by_thing.setdefault((thing, span), []).append(c)
        kept = set(map(id, best.values()))
        for group in by_thing.values():
            for a, b in itertools.combinations(group, 2):
                if a.value is not None and b.value is not None and is_rounding(a.value, b.value):
                    kept.discard(id(max((a, b), key=lambda c: significant_digits(stated(c.value) or 0))))
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
    times = [timestamp(a.published) for a in articles]
    for _ in range(8):  # each round drops links for good, so this ends; 8 is plenty
        drop = []
        for c in clusters:
            groups = {graph.group[n] for n in c}
            inside = [p for p in graph.updates if p[0] in groups and p[1] in groups]
            if not inside:
                continue
            points = [(v, times[items[n].article]) for n in c if (v := items[n].claim.value)]
            if figure_rises(points, options.update_window) is not True:
                drop.extend(inside)
        if not drop:
            break
        clusters = recluster(graph, clusters, drop, options.linkage, EXCLUSIVE.get("number"))
    return clusters

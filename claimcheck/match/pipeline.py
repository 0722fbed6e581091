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

import functools
import itertools
import multiprocessing as mp
import re
import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from rapidfuzz import fuzz, process

from claimcheck.claims.lexicon import SPEECH_RE
from claimcheck.collector import paused_gc
from claimcheck.cpus import usable_cpus
from claimcheck.match.blocking import Holders, number_graph, one_measure, text_graph, told_apart
from claimcheck.match.cluster import Graph, cluster_items, recluster
from claimcheck.match.conflicts import one_count
from claimcheck.match.facts import (
    FactContext,
    alias_map,
    article_cites,
    build_fact,
    explain_links,
    fact_order,
    mention_order,
    renumber,
    unsure_figures,
)
from claimcheck.match.normalize import dated_when, is_span, speakers_compatible
from claimcheck.match.rules import (
    COUNT_CLASS,
    EXCLUSIVE,
    Item,
    MatchOptions,
    count_class,
    figure_rises,
    is_precise,
    is_rounding,
    quote_norm,
    significant_digits,
    stated,
    thing_key,
    timestamp,
    values_agree,
)
from claimcheck.match.shares import as_percent
from claimcheck.match.syndication import Syndicated, find_syndicated
from claimcheck.match.things import number_context, role_family
from claimcheck.models import Article, Claim, Fact, Interval, Link, Mention, Outlet
from claimcheck.text import match_content_words, match_words

__all__ = [
    "distinct_claims",
    "join_article_parts",
    "join_fragments",
    "join_quote_parts",
    "join_sentence_pieces",
    "match_facts",
    "paused_gc",
]


def match_facts(
    articles: Sequence[Article],
    outlets: Mapping[str, Outlet],
    options: MatchOptions | None = None,
    syndicated: Mapping[int, Syndicated] | Callable[[], Mapping[int, Syndicated]] | None = None,
    *,
    min_outlets: int = 1,
    links: bool = True,
) -> list[Fact]:
    """Cluster the articles' claims into facts (singletons included), most-reported first.

    ``syndicated``: the wire copies if known, or a call that gives them when the facts are made
    (compare finds them in a thread meanwhile); None: found here.

    Only facts of at least ``min_outlets`` outlets are made (compare shows no others); without
    ``links``, facts carry no ``explain_links`` (only ``--explain`` shows them)."""
    with paused_gc():
        return _match_facts(articles, outlets, options or MatchOptions(), syndicated, min_outlets, links)


def _match_facts(
    articles: Sequence[Article],
    outlets: Mapping[str, Outlet],
    options: MatchOptions,
    syndicated: Mapping[int, Syndicated] | Callable[[], Mapping[int, Syndicated]] | None,
    min_outlets: int,
    links: bool,
) -> list[Fact]:
    # the numbers, the dearest kind on a large input, are clustered on another core meanwhile
    aside = _numbers_aside(articles, options, links) if "number" in options.kinds else None
    clustered: dict[str, tuple[list[Item], Graph | None, list[list[int]], list[list[Link]] | None]] = {}
    for kind in options.kinds:
        if kind != "number" or aside is None:
            items, graph, clusters = _cluster_kind(kind, articles, options)
            clustered[kind] = (items, graph, clusters, None)
    if syndicated is None:  # compare() finds wire copy once, for the facts and the citations
        syndicated = find_syndicated(articles, outlets, options.syndication)
    elif callable(syndicated):  # being found meanwhile
        syndicated = syndicated()
    alias = alias_map(outlets)
    cites = article_cites(articles, outlets, alias, syndicated)
    ctx = FactContext(articles, alias, syndicated, cites, options.update_window)

    def facts_of(kind: str) -> list[Fact]:
        items, graph, clusters, made = clustered[kind]
        return [
            build_fact(c, items, graph, ctx, made[k] if made is not None else None if links else ())
            for k, c in enumerate(clusters)
            if min_outlets <= 1 or len({articles[items[n].article].outlet for n in c}) >= min_outlets
        ]

    # the other kinds' facts are made while the numbers may still be on their way
    made_facts = {kind: facts_of(kind) for kind in clustered}
    if aside is not None:
        clustered["number"] = aside()
        made_facts["number"] = facts_of("number")
    facts = [f for kind in options.kinds for f in made_facts[kind]]
    facts.sort(key=fact_order)
    return [renumber(f, n) for n, f in enumerate(facts, 1)]


def _items_of(kind: str, articles: Sequence[Article]) -> list[Item]:
    items = [Item(0, a, c) for a, art in enumerate(articles) for c in distinct_claims(art, kind)]
    if kind == "number":  # "last month" of a March article is February's figure (normalize.dated_when)
        for it in items:
            if it.claim.when and (when := dated_when(it.claim.when, articles[it.article].published)) != it.claim.when:
                it.claim = replace(it.claim, when=when)
            if (share := as_percent(it.claim)) is not None:  # "one in five voters" is 20 percent of them
                it.claim = share
    for n, it in enumerate(items):
        it.index = n
    return items


def _cluster_kind(
    kind: str, articles: Sequence[Article], options: MatchOptions
) -> tuple[list[Item], Graph, list[list[int]]]:
    """The claims of one kind (items), their graph and their clusters (item indexes)."""
    items = _items_of(kind, articles)
    if not items:
        return items, Graph(items, [], [], [], []), []
    if kind == "number":
        graph = number_graph(items, options, [timestamp(a.published) for a in articles])
    else:
        graph = text_graph(items, options, quote=kind == "quote")
    clusters = cluster_items(items, graph, options.linkage, EXCLUSIVE.get(kind))
    if kind == "quote":
        clusters = join_quote_parts(items, graph, clusters, options)
        clusters = join_article_parts(items, clusters, options)
        clusters = join_fragments(items, clusters, options)
        clusters = join_sentence_pieces(items, clusters)
    if kind == "statement":
        clusters = join_statement_repeats(items, graph, clusters, articles, options)
    if graph.updates:
        clusters = _check_updates(items, graph, clusters, options, articles)
    if kind == "number":
        clusters = join_article_repeats(items, graph, clusters, options)
        clusters = join_repeats_of_versions(items, graph, clusters, options)
        clusters = join_restated_units(items, clusters)
        clusters = join_lone_conversions(items, graph, clusters)
        clusters = split_unsure_figures(items, clusters, articles, options)
    return items, graph, clusters


ASIDE_ARTICLES = 1000  # below this many articles, the numbers are clustered in this process


def _numbers_aside(
    articles: Sequence[Article], options: MatchOptions, links: bool = True
) -> Callable[[], tuple[list[Item], None, list[list[int]], list[list[Link]]]] | None:
    """The number claims clustered in a forked child process (call the result to wait for it), or
    None: the caller clusters them itself on small inputs, on one usable CPU, where ``fork`` is missing,
    inside a daemonic worker (which may not have children), or when other threads run (forking
    them is unsafe). The child inherits the articles by fork and sends back only the clusters (item
    indexes) and each one's ``explain_links`` (if ``links``), the one thing a fact needs of the
    graph, and where each item's claim is. Should the child fail, the numbers are clustered here."""
    if len(articles) < ASIDE_ARTICLES or usable_cpus() < 2 or threading.active_count() > 1:
        return None
    if "fork" not in mp.get_all_start_methods() or mp.current_process().daemon:
        return None
    try:
        ctx = mp.get_context("fork")
        receive, send = ctx.Pipe(duplex=False)
        child = ctx.Process(target=_numbers_child, args=(send, articles, options, links), daemon=True)
        child.start()
        send.close()
    except OSError:
        return None

    def wait() -> tuple[list[Item], None, list[list[int]], list[list[Link]]]:
        try:
            found = receive.recv()
        except (EOFError, OSError):  # the child died
            found = None
        finally:
            receive.close()
            child.join()
        if found is None:
            items, graph, clusters = _cluster_kind("number", articles, options)
            return items, None, clusters, _links_of(items, graph, clusters, articles, links)
        clusters, made, where = found
        items = [Item(n, a, articles[a].claims[k]) for n, (a, k) in enumerate(where)]
        return items, None, clusters, made

    return wait


def _links_of(
    items: Sequence[Item], graph: Graph, clusters: list[list[int]], articles: Sequence[Article], links: bool
) -> list[list[Link]]:
    if not links:
        return [[] for _ in clusters]
    return [explain_links(mention_order(c, items, articles), graph) for c in clusters]


def _numbers_child(send: Any, articles: Sequence[Article], options: MatchOptions, links: bool) -> None:
    try:
        items, graph, clusters = _cluster_kind("number", articles, options)
        # each item as (article, position of its claim there): the parent need not pick them again
        where = []
        for it in items:
            claims = articles[it.article].claims
            where.append((it.article, next(k for k, c in enumerate(claims) if c is it.claim)))
        send.send((clusters, _links_of(items, graph, clusters, articles, links), where))
    except Exception:  # noqa: BLE001 - the parent clusters the numbers itself and sees the error then
        send.send(None)
    finally:
        send.close()


def join_quote_parts(
    items: Sequence[Item], graph: Any, clusters: list[list[int]], options: MatchOptions
) -> list[list[int]]:
    """One quotation is one fact, whether an outlet quotes it whole or in parts: a cluster of a
    quote that is part of another cluster's longer quote ("I'll miss the dressing room" inside "What
    you see are tears of relief and pride. I'll miss the dressing room. I'll miss ...") joins that cluster.
    Parts must be at least ``part_words`` words long (``part_content`` of them content words), so
    that a stock phrase ("a good day") does not join every quote holding it; known different
    speakers need a part of ``speaker_override_words``. Each article keeps its longest quote in the
    joined fact (an outlet counts once per fact anyway). Candidates are the linked pairs only."""
    owner = {n: k for k, c in enumerate(clusters) for n in c}
    parent = list(range(len(clusters)))
    root = functools.partial(_root, parent)

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


def _root(parent: list[int], k: int) -> int:
    """The root of ``k`` in the union-find forest ``parent`` (halving the path on the way)."""
    while parent[k] != k:
        parent[k] = parent[parent[k]]
        k = parent[k]
    return k


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def join_article_parts(
    items: Sequence[Item], clusters: list[list[int]], options: MatchOptions
) -> list[list[int]]:
    """An outlet that quotes one quotation in several parts gives one fact several claims: a quote that
    only its own article carries (a fact of one claim) joins the fact holding another quote of the same
    article, by a compatible speaker, when it is a part of that quote reworded ("always in the drawer in my
    desk" after "the spare key is always in the drawer of my desk") or when one of its sentences, at least
    ``speaker_override_words`` words long, is a part of another outlet's quote in that fact (the rest of
    a quotation another outlet gives whole). Parts need ``part_words`` words, ``part_content`` of them
    content words, as in ``join_quote_parts``. Both claims stay in the fact: the outlet counts once.
    Two quotes of one article never join a fact other outlets carry as a fact of its own, and a quote
    joins at most one fact. Only the quotes of one article are compared with each other."""
    owner = {n: k for k, c in enumerate(clusters) for n in c}
    by_article: dict[int, list[int]] = {}
    for n in owner:
        by_article.setdefault(items[n].article, []).append(n)
    norm = {n: quote_norm(items[n].claim) for n in owner}
    moves: dict[int, int] = {}  # lone cluster -> the cluster it joins
    for quotes in by_article.values():
        lone = [n for n in quotes if len(clusters[owner[n]]) == 1 and _part_sized(norm[n], options)]
        shared = [n for n in quotes if len(clusters[owner[n]]) > 1]
        if not lone or not shared:
            continue
        ratios = process.cdist([norm[n] for n in lone], [norm[n] for n in shared], scorer=fuzz.partial_ratio)
        for i, b in enumerate(lone):
            best: tuple[float, int] | None = None
            for j, a in enumerate(shared):
                same_speaker = speakers_compatible(items[a].claim.speaker, items[b].claim.speaker)
                own = _own_part(norm[b], norm[a], float(ratios[i, j]), options) if same_speaker else 0.0
                # the rest of a quotation another outlet gives whole: by that outlet's speaker (this
                # article may have named the speaker of its other part wrongly)
                score = own or _shares_sentence(
                    items[b].claim,
                    [
                        norm[n]
                        for n in clusters[owner[a]]
                        if items[n].article != items[b].article
                        and speakers_compatible(items[n].claim.speaker, items[b].claim.speaker)
                    ],
                    options,
                )
                if score and (best is None or score > best[0]):
                    best = (score, owner[a])
            if best is not None:
                moves[owner[b]] = best[1]
    return _moved(clusters, moves)


def join_fragments(items: Sequence[Item], clusters: list[list[int]], options: MatchOptions) -> list[list[int]]:
    """A phrase of two or three words that one article quotes from a longer quotation ("tears of joy and
    peace" / he spoke of "joy and peace"), too short for ``join_quote_parts``, joins the one fact of two
    or more claims whose quote holds it word for word, by a compatible speaker. It needs two content
    words, and a phrase found in the quotes of two facts joins neither (a stock phrase, not a part)."""
    norm = {c[0]: quote_norm(items[c[0]].claim) for c in clusters if len(c) == 1}
    frags = {n: t.split() for n, t in norm.items() if len(t.split()) >= 2 and not _part_sized(t, options)}
    frags = {n: ws for n, ws in frags.items() if len(match_content_words(" ".join(ws))) >= 2}
    if not frags:
        return clusters
    needed = {w for ws in frags.values() for w in ws}
    posting: dict[str, list[int]] = defaultdict(list)  # a fragment's word -> quotes of facts of 2+ claims
    texts: dict[int, str] = {}
    for c in clusters:
        if len(c) > 1:
            for n in c:
                texts[n] = f" {quote_norm(items[n].claim)} "
                for w in needed.intersection(texts[n].split()):
                    posting[w].append(n)
    owner = {n: k for k, c in enumerate(clusters) for n in c}
    moves: dict[int, int] = {}
    for b, ws in frags.items():
        found = [posting.get(w, []) for w in ws]
        if not all(found):
            continue
        into = {owner[a] for a in min(found, key=len) if f" {norm[b]} " in texts[a]
                and speakers_compatible(items[a].claim.speaker, items[b].claim.speaker)}  # fmt: skip
        if len(into) == 1:
            moves[owner[b]] = into.pop()
    return _moved(clusters, moves)


def join_sentence_pieces(items: Sequence[Item], clusters: list[list[int]]) -> list[list[int]]:
    """A quotation a writer cuts in one sentence around its attribution (“I mean, not that,” she added
    dryly, “it was never that.”; she said he had 'gone home,' as 'his work there was done.') is one
    quotation: a quote only its own article carries (a fact of one claim), next to a quote of the same
    sentence in a fact of other claims, by a compatible speaker, is that quote's piece when the words between
    them are an attribution (:func:`_attribution`), at most ``CUT_WORDS`` of them and none a conjunction
    (“It was a victory,” she wrote, but warned that it “keeps going”: two quotations), or when it overlaps
    it (one read inside the other). The fact already cites the sentence, so the piece is dropped (no
    article is listed twice in a fact). A sentence holding quotes of two or more such facts drops none."""
    owner = {n: k for k, c in enumerate(clusters) for n in c}
    by_sentence: dict[tuple[int, int], list[int]] = defaultdict(list)
    for n in owner:
        at = items[n].claim.extra.get("sentence_start")
        if at is not None:
            by_sentence[(items[n].article, at)].append(n)
    dropped: set[int] = set()
    for (_, at), quotes in by_sentence.items():
        if len(quotes) < 2 or len({owner[n] for n in quotes if len(clusters[owner[n]]) > 1}) != 1:
            continue
        quotes.sort(key=lambda n: items[n].claim.start)
        for p, q in itertools.pairwise(quotes):
            lone, held = (p, q) if len(clusters[owner[p]]) == 1 else (q, p)
            if len(clusters[owner[lone]]) != 1 or len(clusters[owner[held]]) == 1:
                continue
            a, b = items[p].claim, items[q].claim
            # overlapping quotes (one read inside the other) have no words between them
            between = re.findall(r"[A-Za-z']+", a.sentence[a.end - at : b.start - at]) if b.start > a.end else []
            if (
                len(between) <= CUT_WORDS
                and not CONJUNCTIONS.intersection(w.lower() for w in between)
                and _attribution(between)
                and speakers_compatible(a.speaker, b.speaker)
            ):
                dropped.add(owner[lone])
    return [c for k, c in enumerate(clusters) if k not in dropped] if dropped else clusters


CUT_WORDS = 5  # "the comedian humorously clarified", "as", "she said on Twitter"
CONJUNCTIONS = frozenset(["and", "but", "while", "whereas", "although", "though", "yet", "then", "adding", "before"])
_SPEECH_WORD = re.compile(rf"\b{SPEECH_RE}\b", re.IGNORECASE)


def _attribution(between: list[str]) -> bool:
    """Whether the words between two quotes of a sentence are what a writer cuts a quotation around: none
    (one read inside the other), "as", or an attribution with its verb of speech ("she added dryly", "she said
    on Twitter"). Other words bring another quotation: 'X called the ruling "a travesty," the jury "a
    disgrace."'"""
    words = [w.strip("'").lower() for w in between if w.strip("'")]  # straight quote marks are no words
    return not words or words == ["as"] or bool(_SPEECH_WORD.search(" ".join(words)))


def _moved(clusters: list[list[int]], moves: dict[int, int]) -> list[list[int]]:
    """The clusters after each cluster ``k`` of ``moves`` has joined cluster ``moves[k]``."""
    if not moves:
        return clusters
    joined = [list(c) for c in clusters]
    for k, to in moves.items():
        joined[to].extend(joined[k])
        joined[k] = []
    return [sorted(c) for c in joined if c]


def _part_sized(text: str, options: MatchOptions) -> bool:
    return len(text.split()) >= options.part_words and len(match_content_words(text)) >= options.part_content


def _own_part(part: str, whole: str, ratio: float, options: MatchOptions) -> float:
    """The partial ratio when ``part`` is a (reworded) part of the same article's longer ``whole``, else 0."""
    if len(part) > len(whole):
        return 0.0
    if part in whole or ratio >= options.part_ratio:
        return ratio
    if ratio >= options.part_reworded and set(match_content_words(part)) <= set(match_content_words(whole)):
        return ratio
    return 0.0


def _shares_sentence(claim: Claim, others: Sequence[str], options: MatchOptions) -> float:
    """The best partial ratio of a long sentence of the quote inside another outlet's quote (0: none)."""
    if not others:
        return 0.0
    text = claim.text  # the quote as printed ("norm" has no sentence ends)
    sentences = [t for s in _SENTENCE_END.split(text) if len((t := " ".join(match_words(s))).split())
                 >= options.speaker_override_words and _part_sized(t, options)]  # fmt: skip
    if not sentences:
        return 0.0
    best = float(process.cdist(sentences, list(others), scorer=fuzz.partial_ratio).max())
    return best if best >= options.part_ratio else 0.0


# A sentence with this many figures is a list or a fact box (``distinct_claims``).
LIST_FIGURES = 5
# A line of fewer words is headline-like or a bullet ("- 12 miners dead"): prose that gives its figure is kept.
PROSE_WORDS = 8
# A quotation longer than this is no quote outlets share (a transcript pasted in quotes, a page whose text is
# one quoted run): the longest of the 793 quotes of the 181 extraction-benchmark pages has 609 characters.
# Matching scores quotes with partial ratios, whose cost grows with the cube of their length (4,000
# characters against themselves: 1 s; 16,000: 70 s; a 1 MB quote held compare for hours, deaf to Ctrl-C).
MAX_QUOTE_CHARS = 2_000


# Nouns of a figure given bare by nature (an index's or a rate's level, a rating, a score, a population): a bare
# figure whose words name one measures it, not the counted figure it happens to equal ("a contract for 1,140 buses"
# ... "the fare index, which closed at 1,140": review28); stemmed as ``number_context`` gives them
_LEVELS = frozenset(
    ["index", "indice", "indexe", "level", "rating", "score", "reading", "rate", "average", "ranking", "rank",
     "population", "price", "value", "elevation", "altitude", "benchmark"]
)  # fmt: skip


def _named_level(claim: Claim) -> bool:
    """Whether a noun of ``_LEVELS`` names the bare figure: one of the eight content words before it ("the index of
    bus fares, which closed at 1,140"); one after it names another figure or none ("1,140 was a record, and the
    price of each bus fell": audit28)."""
    at = claim.sentence.find(claim.text)
    before = match_content_words(claim.sentence[:at])[-8:] if at >= 0 else number_context(claim).split()
    return not _LEVELS.isdisjoint(before)


def distinct_claims(article: Article, kind: str) -> list[Claim]:
    """The article's claims of one kind, a figure or quote it repeats given once: a title and a
    body that repeat "123 prisoners", or a quote the body gives again in part, must not seed two
    facts (two claims of one article never join one). The body's fuller sentence is kept for a precise
    figure, the body's first for a small or round one."""
    claims = [c for c in article.claims if c.kind == kind]
    if kind == "number":  # an infinite figure, stored by an older extractor from hundreds of digits: none
        claims = [c for c in claims if c.value is None or c.value.is_finite()]
    elif kind == "quote":
        claims = [c for c in claims if len(c.text) <= MAX_QUOTE_CHARS]
    if kind == "statement" or len(claims) < 2:
        return claims
    title_end = len(article.title) if article.title and article.text.startswith(article.title) else 0
    # a sentence of many figures is a list or a fact box run into one line ("Decks: 7 Lifeboats: 12 Engines: 4
    # Cabins: 310 ..."): the prose that gives one of its figures states it better
    per_sentence = Counter(c.sentence for c in claims) if kind == "number" else Counter()

    def rank(c: Claim) -> tuple[bool, bool, bool, int]:
        # a precise figure given twice is one fact: the fuller sentence says more of it; a small or round one
        # recurs for other things ("a three-run lead" in the lead, "three runs" of another game further
        # down): the first sentence of the body is the one the story leads with, as other outlets do, a
        # headline-like or bullet line ("- 12 miners dead") giving way to prose
        where = len(c.sentence) if is_precise(c.value) else -c.start
        prose = len(c.sentence.split()) >= PROSE_WORDS
        return (c.start >= title_end, per_sentence[c.sentence] < LIST_FIGURES, prose, where)

    if kind == "number":
        best: dict[tuple[str, float | None, bool, int], Claim] = {}
        for c in claims:
            thing = thing_key(c)  # "2 injured" in the title, "two people suffered injuries" in the body
            if is_precise(c.value) and count_class(thing):
                # "11.5 million documents" twice, however the unit was read; "150 killed", "150 injured" twice
                thing = COUNT_CLASS + role_family(c, thing)
            key = (thing, stated(c.value), is_span(c.when), 0)
            # ... unless the words tell the two apart ("shares rose 12 percent" ... "cut 12 percent of its
            # staff"; "raised $5 million" ... "spent $5 million": ``told_apart``), each a figure of its own
            while key in best and told_apart(best[key], c):
                key = (*key[:3], key[3] + 1)
            if key not in best or rank(c) > rank(best[key]):
                best[key] = c
        # a figure the article gives precisely in one place and rounded in another ("5.13 million
        # pounds" in a fact box, "5.1 million pounds" in the text) is one figure too; the rounded one
        # is kept, as other outlets round it too
        by_thing: dict[tuple[str, bool], list[Claim]] = {}
        for (thing, _, span, _), c in best.items():
            by_thing.setdefault((thing, span), []).append(c)
        kept = set(map(id, best.values()))
        for group in by_thing.values():
            for a, b in itertools.combinations(group, 2):
                if a.value is not None and b.value is not None and is_rounding(a.value, b.value):
                    kept.discard(id(max((a, b), key=lambda c: significant_digits(stated(c.value) or 0))))
        # a precise figure the article gives bare after giving it with its counted thing ("a contract for 1,140
        # buses ... officials said 1,140 was the likely number") restates that figure: no fact of its own
        counted = {
            (stated(c.value), thing_key(c)) for c in claims if id(c) in kept and thing_key(c) and is_precise(c.value)
        }
        figures = Counter(x for x, _ in counted)  # figure -> how many counted things the article gives it
        restated = {
            id(c)
            for c in claims
            if id(c) in kept and not thing_key(c) and not c.extra.get("role") and is_precise(c.value)
            and figures[stated(c.value)] == 1 and not _named_level(c)
            and any(
                o.start < c.start and thing_key(o) and stated(o.value) == stated(c.value)
                and o.extra.get("measure") != "money"  # a sum keeps its currency when restated: "spent $1.2
                for o in claims  # million" ... "watched by 1.2 million" counts viewers (review28)
            )
        }  # fmt: skip
        return [c for c in claims if id(c) in kept and id(c) not in restated]
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


def join_article_repeats(
    items: Sequence[Item], graph: Graph, clusters: list[list[int]], options: MatchOptions
) -> list[list[int]]:
    """A figure an article states twice in other words ("two people suffered minor injuries" ... "the two
    men were slightly hurt"; "a 40m well" ... "130ft deep"; "3-1 down" ... "a 3-1 deficit") is one fact:
    clustering keeps one claim per article in a fact, so the second stays a row of its own. A lone claim
    joins the fact that holds another claim of its article when it links, on average over the fact's
    claims of OTHER articles, as strongly as clustering asks (``options.linkage``: it would have joined
    but for its article's other claim), and brings no conflict (its figure agrees with the fact's claims
    of its own counted thing). Only a claim's own links are read (no pass over all pairs)."""
    owner = {n: k for k, c in enumerate(clusters) for n in c}
    arts: dict[int, set[int]] = {}  # cluster -> its articles, for the clusters a lone claim's links reach
    moves: dict[int, int] = {}
    by_article: dict[int, list[int]] = {}  # article -> its items, made when first needed
    for k, c in enumerate(clusters):
        if len(c) != 1:
            continue
        n = c[0]
        adj = graph.adj[graph.group[n]] if graph.group else {}
        if not adj:
            if (d := _points_back(items, n, clusters, owner, by_article)) is not None:
                moves[k] = d
            continue
        a = items[n].article
        sums: dict[int, float] = defaultdict(float)
        for h, score in adj.items():
            for m in graph.members[h]:
                d = owner.get(m)
                if d is None or d == k or items[m].article == a:
                    continue
                if d not in arts:
                    arts[d] = {items[x].article for x in clusters[d]}
                if a in arts[d]:
                    sums[d] += score
        best, best_avg = None, options.linkage
        claim = items[n].claim
        for d, total in sums.items():
            others = sum(items[x].article != a for x in clusters[d])
            if (avg := total / others) < best_avg or not _agrees(claim, [items[x].claim for x in clusters[d]]):
                continue
            # and the article's own claim in the fact counts the same thing or measure ("four quasars" is
            # not "four times" of another sentence)
            own = next(items[x].claim for x in clusters[d] if items[x].article == a)
            if thing_key(own) == thing_key(claim) or one_measure(own, claim):
                best, best_avg = d, avg
        if best is not None:
            moves[k] = best
    return _moved(clusters, moves)


def join_statement_repeats(
    items: Sequence[Item],
    graph: Graph,
    clusters: list[list[int]],
    articles: Sequence[Article],
    options: MatchOptions,
) -> list[list[int]]:
    """An outlet's repeat of a statement joins the fact it repeats: an outlet tells a fact twice (in two
    articles, or a title and its body) in other words ("X won the prize in 2022 while in jail" ... "X shared
    the 2022 prize with two groups"), and the second telling, linked to another outlet's like it, seeds a
    second row of the same fact, which average linkage keeps apart (each telling links to one side of the
    fact only). A fact joins the larger fact that holds a claim of one of its outlets when every claim of it
    links to a claim of the larger fact of another outlet as strongly as clustering asks
    (``options.linkage``), that outlet's claim among them (the repeat), and the two facts link on average over
    their pairs of claims of different outlets at least half as strongly as clustering asks (the outlet's
    repeat stands for the other half). The best such fact, or none; a fact that others join joins none."""
    if len(clusters) < 2 or not graph.group:
        return clusters
    owner = {n: k for k, c in enumerate(clusters) for n in c}
    outlet = [articles[it.article].outlet for it in items]
    outlets = [{outlet[n] for n in c} for c in clusters]
    moves: dict[int, int] = {}
    joined: set[int] = set()  # the facts others join (``moves``' values)
    for k, c in enumerate(clusters):
        # the scores of this fact's claims to the claims of each other fact: fact -> claim -> [(other, score)]
        links: dict[int, dict[int, list[tuple[int, float]]]] = defaultdict(lambda: defaultdict(list))
        for n in c:
            g = graph.group[n]
            for h, score in graph.adj[g].items():
                for m in graph.members[h]:
                    if (d := owner.get(m)) is not None and d != k and outlets[d] & outlets[k]:
                        links[d][n].append((m, score))
        best, best_avg = None, options.linkage / 2
        mine = _years_of(items, c)
        for d, per_claim in links.items():
            if len(clusters[d]) < len(c) or len(per_claim) < len(c) or d in moves:
                continue  # a smaller fact, or a claim of this one linked to none of that one's
            if mine and (theirs := _years_of(items, clusters[d])) and mine.isdisjoint(theirs):
                continue  # another year, another event: "won the prize in 2024" repeats no "won it in 2023" (audit28)
            strong = {
                n: max((sc for m, sc in pairs if outlet[m] != outlet[n]), default=0.0)
                for n, pairs in per_claim.items()
            }
            if min(strong.values()) < options.linkage:
                continue
            total = sum(sc for n, pairs in per_claim.items() for m, sc in pairs if outlet[m] != outlet[n])
            pairs_count = sum(outlet[m] != outlet[n] for n in c for m in clusters[d])
            if pairs_count and (avg := total / pairs_count) >= best_avg:
                best, best_avg = d, avg
        if best is not None and k not in joined:
            moves[k] = best
            joined.add(best)
    return _moved(clusters, moves)


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _years_of(items: Sequence[Item], cluster: Sequence[int]) -> set[str]:
    """The years a fact's statements name ("in 2023", "the 2022 prize")."""
    return {y for n in cluster for y in _YEAR.findall(items[n].claim.text)}


def join_repeats_of_versions(
    items: Sequence[Item], graph: Graph, clusters: list[list[int]], options: MatchOptions
) -> list[list[int]]:
    """``join_article_repeats`` for a figure restated by several articles at once: an outlet's two versions of
    one story (an update, a rewrite) each give "a 40m well" and, further down, "130ft deep"; the two "130ft"
    claims make a fact of their own, whose every article already has its claim in the "40m" fact. The fact
    joins that one when every article of it is there, the fact also holds other articles, one of its claims
    links on average over those other articles' claims as strongly as clustering asks (``options.linkage``: it
    would have joined on its own but for its article's other claim) and every other links to one of them, each
    agrees with the fact's claims of its own counted thing, and each counts the same thing or measure as its
    article's claim there. The best such fact, or none: never a conflict."""
    if not graph.group:
        return clusters
    owner = {n: k for k, c in enumerate(clusters) for n in c}
    arts = [{items[n].article for n in c} for c in clusters]
    moves: dict[int, int] = {}
    for k, c in enumerate(clusters):
        if len(c) < 2 or len(arts[k]) != len(c):
            continue
        mine = arts[k]
        sums: dict[int, dict[int, float]] = defaultdict(lambda: defaultdict(float))  # fact -> claim -> score sum
        for n in c:
            for h, score in graph.adj[graph.group[n]].items():
                for m in graph.members[h]:
                    d = owner.get(m)
                    if d is None or d == k or d in moves or items[m].article in mine or not mine <= arts[d]:
                        continue
                    sums[d][n] += score
        best, best_avg = None, options.linkage
        for d, per_claim in sums.items():
            if len(per_claim) < len(c):
                continue  # a claim of the fact linked to none of the other articles' claims
            others = sum(items[x].article not in mine for x in clusters[d])
            if (avg := max(per_claim.values()) / others) < best_avg:
                continue
            fact = [items[x].claim for x in clusters[d]]
            if not all(_agrees(items[n].claim, fact) for n in c):
                continue
            own = {items[x].article: items[x].claim for x in clusters[d] if items[x].article in mine}
            # the same thing only at the same figure: "120 workers poured the concrete" ... "more than 100 workers
            # will stay on" agree as values but count other workers (review28)
            if all(
                (
                    thing_key(mate := own[items[n].article]) == thing_key(items[n].claim)
                    and stated(mate.value) == stated(items[n].claim.value)
                )
                or one_measure(mate, items[n].claim)
                for n in c
            ):
                best, best_avg = d, avg
        if best is not None:
            moves[k] = best
    return _moved(clusters, moves)


# "the two men", "these four victims": a definite figure points back to people or things already counted
_DEFINITE = re.compile(r"\b(?:the|these|those|both)\s+$", re.IGNORECASE)


def _points_back(
    items: Sequence[Item], n: int, clusters: list[list[int]], owner: Mapping[int, int], by_article: dict[int, list[int]]
) -> int | None:
    """The fact a definite figure points back to ("two people suffered minor injuries" ... "the two men
    suffered minor injuries"): an earlier claim of its article in a fact of two or more articles, with the
    same figure and the same role (deaths, injured...), the only such claim. Else None."""
    claim = items[n].claim
    role = claim.extra.get("role")
    at = claim.sentence.find(claim.text)
    if not role or at < 0 or not _DEFINITE.search(claim.sentence[max(0, at - 8) : at]) or claim.value is None:
        return None
    a, x = items[n].article, stated(claim.value)
    if not by_article:
        for m, it in enumerate(items):
            by_article.setdefault(it.article, []).append(m)
    found = {
        owner[m]
        for m in by_article.get(a, ())
        if m != n and (it := items[m]).claim.start < claim.start and it.claim.extra.get("role") == role
        and it.claim.value is not None and stated(it.claim.value) == x and m in owner
        and len({items[y].article for y in clusters[owner[m]]}) > 1
    }  # fmt: skip
    return found.pop() if len(found) == 1 else None


def _agrees(claim: Claim, fact: Sequence[Claim]) -> bool:
    """Whether ``claim`` agrees with every claim of ``fact`` that counts its thing (no conflict joins)."""
    if claim.value is None:
        return False
    thing = thing_key(claim)
    return all(c.value is not None and values_agree(c.value, claim.value) for c in fact if thing_key(c) == thing)


# "38 km (24 miles)", "300,000 hectares (741,000 acres)", "88 mln euros (76 mln pounds)": a figure restated in
# another unit in brackets right after it, the wires' habit
_RESTATED_OPEN = re.compile(r"\s*\(\s*(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|almost\s+)?$", re.IGNORECASE)
_RESTATED_CLOSE = re.compile(r"^\s*\)")


def _restated(a: Claim, b: Claim) -> bool:
    """Whether ``b`` restates ``a`` in another unit in brackets right after it ("38 km (24 miles)"): one sentence,
    nothing but the bracket between them, the bracket closing after ``b``, two units of one measure (a length,
    an area, a weight, a temperature, a sum of money) that agree once converted where they convert (money has
    no fixed rate: the article's own word that the sums are one)."""
    if a.extra.get("sentence_start") != b.extra.get("sentence_start") or not a.end <= b.start:
        return False
    s0 = a.extra.get("sentence_start", 0)
    between = a.sentence[a.end - s0 : b.start - s0]
    after = b.sentence[b.end - s0 : b.end - s0 + 3]
    if not _RESTATED_OPEN.fullmatch(between) or not _RESTATED_CLOSE.match(after):
        return False
    measure = a.extra.get("measure")
    if thing_key(a) == thing_key(b) or a.value is None or b.value is None:
        return False
    if measure == "money" and b.extra.get("measure") == "money":
        return True
    return one_measure(a, b)


def join_restated_units(items: Sequence[Item], clusters: list[list[int]]) -> list[list[int]]:
    """A figure an article restates in another unit in brackets ("an altitude of 38 km (24 miles)") joins the
    fact of the figure to the fact of its restatement: other outlets give one unit or the other ("about 38km",
    "24 miles below"), and the two claims of the one article, each in a fact of its own unit, would keep those
    facts apart forever (a fact holds one claim per article). The two facts join when no other article is in
    both, every two claims of one counted thing across them agree, and every two of convertible units agree
    once converted (``one_measure``): the join never makes a conflict."""
    owner = {n: k for k, c in enumerate(clusters) for n in c}
    by_article: dict[int, list[int]] = defaultdict(list)
    for n in owner:
        by_article[items[n].article].append(n)
    parent = list(range(len(clusters)))
    root = functools.partial(_root, parent)

    members: dict[int, list[int]] = {k: list(c) for k, c in enumerate(clusters)}
    for claims in by_article.values():
        if len(claims) < 2:
            continue
        claims.sort(key=lambda n: items[n].claim.start)
        for a, b in itertools.pairwise(claims):
            ka, kb = root(owner[a]), root(owner[b])
            if ka == kb or not _restated(items[a].claim, items[b].claim):
                continue
            if _joinable(items, members[ka], members[kb], items[a].article):
                parent[kb] = ka
                members[ka] += members.pop(kb)
    if len(members) == len(clusters):
        return clusters
    return [sorted(c) for k, c in sorted(members.items())]


def _joinable(items: Sequence[Item], one: Sequence[int], other: Sequence[int], bridge: int) -> bool:
    """Whether two facts an article's restated figure bridges can be one (``join_restated_units``)."""
    if {items[n].article for n in one} & {items[n].article for n in other} != {bridge}:
        return False
    for x in one:
        cx = items[x].claim
        for y in other:
            cy = items[y].claim
            if cx.value is None or cy.value is None:
                return False
            if thing_key(cx) == thing_key(cy):
                if not values_agree(cx.value, cy.value):
                    return False
            elif not (cx.extra.get("measure") == cy.extra.get("measure") == "money" or one_measure(cx, cy)):
                return False
    return True


def join_lone_conversions(items: Sequence[Item], graph: Graph, clusters: list[list[int]]) -> list[list[int]]:
    """A figure an outlet alone gives in another unit ("winds of 161 km/h") joins the one fact of the other unit
    it is linked with by conversion ("gusts of 100mph" / "gusts of up to 100 mph"), when it agrees once converted
    with every claim of that fact (``one_measure``) and its article has no claim there: the conversion link
    (``blocking._conversion_links``) reaches one of them, and average linkage asks it of all, which two outlets
    rewording one figure in one unit never give it. Only agreeing figures join: never a conflict."""
    if not graph.group:
        return clusters  # no links at all
    owner = {n: k for k, c in enumerate(clusters) for n in c}
    moves: dict[int, int] = {}
    for k, c in enumerate(clusters):
        if len(c) != 1:
            continue
        n = c[0]
        claim = items[n].claim
        if claim.value is None or not claim.extra.get("measure") or claim.extra.get("measure") == "money":
            continue
        thing = thing_key(claim)
        into: set[int] = set()
        for h in graph.adj[graph.group[n]]:
            for m in graph.members[h]:
                d = owner.get(m)
                if d is not None and d != k and len(clusters[d]) > 1 and thing_key(items[m].claim) != thing:
                    into.add(d)
        if len(into) != 1:
            continue  # none, or two facts it could join: a guess
        d = into.pop()
        # every claim there in another unit (one of its own unit did not take it: the ordinary rules said no),
        # of another article, agreeing once converted
        stat = _stat_words(claim)
        if all(
            items[x].article != items[n].article
            and thing_key(items[x].claim) != thing
            and one_measure(claim, items[x].claim)
            and not (stat and (other := _stat_words(items[x].claim)) and not stat & other)
            for x in clusters[d]
        ):
            moves[k] = d
    return _moved(clusters, moves)


# Which figure of a measure a claim gives, by a word of its context (review22): an average is no top speed ("The car
# averaged 161 km/h" / "a top speed of 100 mph"), a lowest figure no highest; a lone figure in another unit joins no
# fact whose claims name another of these. (Context words are stems: "averaged" is "averag".)
_STAT_KINDS = {
    **dict.fromkeys(("averag", "average", "median", "typical"), "average"),
    **dict.fromkeys(("top", "peak", "maximum", "max", "highest"), "maximum"),
    **dict.fromkeys(("minimum", "min", "lowest"), "minimum"),
    "sustain": "sustained",
}


def _stat_words(claim: Claim) -> set[str]:
    """The kinds of figure of a measure (``_STAT_KINDS``) a claim's context words name: {"maximum"} for "a top speed"."""
    context = claim.extra.get("context")
    if not isinstance(context, list):
        return set()
    return {_STAT_KINDS[word] for word in context if isinstance(word, str) and word in _STAT_KINDS}


def split_unsure_figures(
    items: Sequence[Item], clusters: list[list[int]], articles: Sequence[Article], options: MatchOptions
) -> list[list[int]]:
    """Each cluster's figures at odds with the figure its fact gives that are no sure conflict
    (``facts.unsure_figures``) made rows of their own, one per figure: when unsure, two rows, never a conflict."""
    out: list[list[int]] = []
    holders: Holders | None = None  # made when a cluster first needs it
    for c in clusters:
        if len(c) < 2 or len({items[n].claim.value for n in c}) < 2:  # one figure: nothing at odds
            out.append(c)
            continue
        order = mention_order(c, items, articles)
        mentions = [
            Mention(articles[items[n].article].outlet, articles[items[n].article].url, "", articles[items[n].article].published, items[n].claim)
            for n in order
        ]
        holders = holders or Holders(items)
        odd = unsure_figures(mentions, options.update_window, options.number_tolerance, [holders.of(n) for n in order])
        if not odd:
            out.append(c)
            continue
        gone = {order[k] for k in odd}
        out.append([n for n in c if n not in gone])
        apart: dict[Interval | None, list[int]] = defaultdict(list)
        for n in c:
            if n in gone:
                apart[items[n].claim.value].append(n)
        out.extend(apart.values())
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
        # the update links inside each cluster, found through the clusters of their groups (one
        # pass over the links, not one per cluster), in the links' order
        where: dict[int, set[int]] = defaultdict(set)  # group -> the clusters holding its claims
        for k, c in enumerate(clusters):
            for n in c:
                where[graph.group[n]].add(k)
        within: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for p in graph.updates:
            if p[0] in where and p[1] in where:
                for k in where[p[0]] & where[p[1]]:
                    within[k].append(p)
        for k, c in enumerate(clusters):
            inside = within.get(k)
            if not inside:
                continue
            points = [(v, times[items[n].article]) for n in c if (v := items[n].claim.value)]
            if figure_rises(points, options.update_window) is not True or not one_count(
                [items[n].claim for n in c if items[n].claim.value is not None]
            ):
                drop.extend(inside)
        if not drop:
            break
        clusters = recluster(graph, clusters, drop, options.linkage, EXCLUSIVE.get("number"))
    return clusters

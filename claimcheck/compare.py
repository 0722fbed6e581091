"""The conductor of a comparison: a topic -> a ``CompareResult`` (ARCHITECTURE.md).

It owns the sequence, once: search the store (``compare_topic``), name every outlet found
(``topic_outlets``), find wire copy, match the claims into facts (``match.pipeline``), keep and number
the facts shown, count who cites whom. The CLI's `compare`, the demo, the library and bench call it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import cache

from claimcheck.match.facts import alias_map, article_cites, renumber
from claimcheck.match.pipeline import ASIDE_ARTICLES, match_facts, paused_gc
from claimcheck.match.rules import MATCHED_KINDS, MatchOptions
from claimcheck.match.syndication import Syndicated, find_syndicated
from claimcheck.models import (
    Article,
    Citation,
    CompareResult,
    Fact,
    Outlet,
    OutletCount,
    Sources,
    known_outlets,
)
from claimcheck.store import Store


@dataclass(frozen=True)
class CompareOptions:
    """What to show: facts reported by at least ``min_outlets`` outlets, of one ``kind`` or all."""

    min_outlets: int = 2
    kind: str | None = None  # number | quote | statement; None for all three
    since: datetime | None = None  # the window searched, shown in the report
    until: datetime | None = None
    match: MatchOptions = field(default_factory=MatchOptions)
    explain: bool = True  # work out why claims matched (Fact.links); only --explain shows it


def outlet_map(sources: Sources | Mapping[str, Outlet] | Sequence[Outlet]) -> dict[str, Outlet]:
    """Outlet id -> Outlet, from a Sources record, a mapping or a plain list."""
    if isinstance(sources, Sources):
        return {o.id: o for o in sources.outlets}
    if isinstance(sources, Mapping):
        return dict(sources)
    return {o.id: o for o in sources}


def compare(
    topic: str,
    articles: Sequence[Article],
    sources: Sources | Mapping[str, Outlet] | Sequence[Outlet],
    options: CompareOptions | None = None,
    generated_at: datetime | None = None,
) -> CompareResult:
    """Match the articles' claims and assemble the report, most-reported facts first."""
    options = options or CompareOptions()
    outlets = outlet_map(sources)
    # one order whatever order the store returns them in (fetching stores them as they arrive), so
    # that one set of articles always gives one table
    articles = sorted(articles, key=_article_order)
    kinds = (options.kind,) if options.kind else MATCHED_KINDS
    match_options = replace(options.match, kinds=kinds)
    # Wire copy is needed only to make the facts, so it is found while the claims are clustered: on
    # inputs large enough for match_facts to cluster the numbers in a child process, here meanwhile
    # (asked for when the facts are made); on smaller ones in a thread, as its work is mostly numpy's
    # sorting and searching, which runs without the interpreter lock and so takes the second core.
    # As matching, without full collections over every stored object meanwhile.
    with paused_gc(), ExitStack() as stack:
        finding: Callable[[], Mapping[int, Syndicated]]
        if len(articles) >= ASIDE_ARTICLES:
            finding = cache(lambda: find_syndicated(articles, outlets, match_options.syndication))
        else:
            pool = stack.enter_context(ThreadPoolExecutor(1, thread_name_prefix="wire-copy"))
            finding = pool.submit(find_syndicated, articles, outlets, match_options.syndication).result
        # match_facts gives the facts most-reported first; those shown keep that order, numbered
        # again (facts of fewer outlets are not made at all)
        shown = match_facts(
            articles,
            outlets,
            match_options,
            finding,
            min_outlets=options.min_outlets,
            links=options.explain,
        )
        syndicated = finding()
    shown = [f for f in shown if not _bare_whole(f)]
    counts = Counter(a.outlet for a in articles)
    considered = tuple(
        OutletCount(oid, outlets[oid].name if oid in outlets else oid, n)
        for oid, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    return CompareResult(
        topic=topic,
        generated_at=generated_at or datetime.now(UTC),
        since=options.since,
        until=options.until,
        outlets=considered,
        facts=tuple(renumber(f, n) for n, f in enumerate(shown, 1)),
        citations=who_cites_whom(articles, outlets, syndicated),
        article_count=len(articles),
        syndicated={articles[i].url: str(why) for i, why in sorted(syndicated.items())},
        known_outlets={oid: o.name for oid, o in outlets.items()},
        also_listed={a.url: a.also_listed for a in articles if a.also_listed},
    )


def _bare_whole(fact: Fact) -> bool:
    """A row of nothing but the bare whole of "12 of 20" (claims' ``whole``): the part's row, "12 of 20", shows it."""
    return fact.kind == "number" and all(m.claim.extra.get("whole") for m in fact.mentions)


def _article_order(a: Article) -> tuple[datetime, str, str]:
    return (a.published or datetime.max.replace(tzinfo=UTC), a.outlet, a.canonical_url)


def who_cites_whom(
    articles: Sequence[Article], outlets: Mapping[str, Outlet], syndicated: Mapping[int, Syndicated]
) -> tuple[Citation, ...]:
    """For each (outlet, cited source), how many of the outlet's articles credit the source (the
    credits ``facts.article_cites`` reads, wire copy crediting its wire)."""
    cites = article_cites(articles, outlets, alias_map(outlets), syndicated)
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    for i, art in enumerate(articles):
        for src in set().union(*cites[i].values()) - {art.outlet}:
            seen[art.outlet, src].add(art.url)
    rows = [Citation(o, s, len(urls)) for (o, s), urls in seen.items()]
    rows.sort(key=lambda c: (-c.articles, c.outlet, c.cited))
    return tuple(rows)


def topic_outlets(articles: Sequence[Article], sources: Sources | None, stored: Sequence[Outlet]) -> dict[str, Outlet]:
    """The configured outlets, plus those the store recorded (``Store.stored_outlets``) that are no longer
    configured, as recorded, whether or not they have an article here: a wire that ``--source`` leaves out, and
    that sources.yaml no longer names, still makes its copies wire copy (its dateline and byline are known);
    copies of it counted as independent reporting before. An outlet of ``articles`` known to neither: its id."""
    return known_outlets(sources, stored, (a.outlet for a in articles))


def compare_topic(
    store: Store,
    topic: str,
    sources: Sources | None = None,
    options: CompareOptions | None = None,
    *,
    outlets: Sequence[str] | None = None,
    limit: int | None = None,
) -> CompareResult:
    """Search ``store`` for ``topic`` (in ``options``' time window, from ``outlets`` only, at most
    ``limit`` articles) and compare what was found. An empty result when nothing matches."""
    options = options or CompareOptions()
    articles = store.search(topic, since=options.since, until=options.until, outlets=outlets, limit=limit)
    return compare(topic, articles, topic_outlets(articles, sources, store.stored_outlets()), options)

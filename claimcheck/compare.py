"""Build the comparison report for a topic: articles and outlets in, a ``CompareResult`` out.

Pure: the CLI picks the articles (store search) and renders the result; this module only
matches their claims, filters and orders the facts, and counts who cites whom.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from claimcheck.match.facts import alias_map, fact_order, named_source
from claimcheck.match.pipeline import match_facts
from claimcheck.match.rules import MATCHED_KINDS, MatchOptions
from claimcheck.match.syndication import find_syndicated
from claimcheck.models import Article, Citation, CompareResult, Fact, Outlet, OutletCount, Sources


@dataclass(frozen=True)
class CompareOptions:
    """What to show: facts reported by at least ``min_outlets`` outlets, of one ``kind`` or all."""

    min_outlets: int = 2
    kind: str | None = None  # number | quote | statement; None for all three
    since: datetime | None = None  # the window searched, shown in the report
    until: datetime | None = None
    match: MatchOptions = field(default_factory=MatchOptions)


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
    syndicated = find_syndicated(articles, outlets, match_options.syndication)
    facts = [
        f
        for f in match_facts(articles, outlets, match_options, syndicated)
        if len(f.outlets) >= max(1, options.min_outlets)
    ]
    facts.sort(key=fact_order)
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
        facts=tuple(_numbered(facts)),
        citations=who_cites_whom(articles, outlets, syndicated),
        article_count=len(articles),
        syndicated={articles[i].url: why for i, why in sorted(syndicated.items())},
        known_outlets={oid: o.name for oid, o in outlets.items()},
    )


def _article_order(a: Article) -> tuple[datetime, str, str]:
    published = a.published or datetime.max.replace(tzinfo=UTC)
    return (published if published.tzinfo else published.replace(tzinfo=UTC), a.outlet, a.canonical_url)


def _numbered(facts: Sequence[Fact]) -> list[Fact]:
    return [replace(f, id=f"F{n}") for n, f in enumerate(facts, 1)]


def who_cites_whom(
    articles: Sequence[Article], outlets: Mapping[str, Outlet], syndicated: Mapping[int, str]
) -> tuple[Citation, ...]:
    """For each (outlet, cited source), how many of the outlet's articles credit the source."""
    alias = alias_map(outlets)
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    for i, art in enumerate(articles):
        cited = {src for c in art.claims if c.cites and (src := named_source(c.cites, alias)) is not None}
        why = syndicated.get(i, "")
        if why.startswith("wire"):
            cited.add(why.rsplit(" ", 1)[-1])
        for src in cited - {art.outlet}:
            seen[art.outlet, src].add(art.url)
    rows = [Citation(o, s, len(urls)) for (o, s), urls in seen.items()]
    rows.sort(key=lambda c: (-c.articles, c.outlet, c.cited))
    return tuple(rows)

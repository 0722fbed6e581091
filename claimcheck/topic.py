"""A topic -> its comparison: search the store, name every outlet found, compare (``claimcheck.compare_topic``).

The CLI's `compare`, the demo and the library share this flow. (Issue 11, phase B: it moves into
compare.py, the one conductor of a comparison.)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from claimcheck.compare import CompareOptions, compare
from claimcheck.models import Article, CompareResult, Outlet, Sources
from claimcheck.store import Store


def topic_outlets(
    articles: Sequence[Article], sources: Sources | None, stored_names: Mapping[str, str]
) -> dict[str, Outlet]:
    """The configured outlets, plus those found in ``articles`` that are no longer configured, under
    the name the store kept for them (else their id)."""
    outlets = {o.id: o for o in sources.outlets} if sources is not None else {}
    for a in articles:
        if a.outlet not in outlets:
            outlets[a.outlet] = Outlet(a.outlet, stored_names.get(a.outlet, a.outlet))
    return outlets


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
    return compare(topic, articles, topic_outlets(articles, sources, store.outlet_names()), options)

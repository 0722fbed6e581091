"""The average-linkage loop over numpy arrays groups exactly as the loop over dicts did (tests/stories_reference.py):
same stories, decision for decision, on generated windows and on the real tuning articles."""

from __future__ import annotations

import functools
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import numpy as np
import pytest
import stories_reference as reference

from claimcheck import stories as S
from claimcheck.models import Article
from claimcheck.stories import grouping


def _by_reference(
    monkeypatch: pytest.MonkeyPatch, articles: list[Article], options: S.StoryOptions, ix: Any = None
) -> list[list[int]]:
    def old(vec, times, pairs, options, n, df, figure, heads=None, own=None, length=None, joined=None, parts=None, places=None, outlet=None):  # type: ignore[no-untyped-def]
        return reference.average_linkage(
            vec,
            times,
            pairs,
            options,
            n,
            df.tolist(),
            set(np.flatnonzero(figure).tolist()),
            heads,
            own,
            length,
            parts,
            places,
            outlet,
        )

    with monkeypatch.context() as m:
        m.setattr(grouping, "_average_linkage", old)  # where group() looks it up
        return S.group(articles, options, ix)


@functools.cache
def _realistic(n: int) -> list[Article]:
    from bench.corpus import make_outlets
    from bench.storycorpus import iter_realistic

    fetched = datetime(2026, 1, 1, tzinfo=UTC)
    return [
        Article(a.outlet.id, f"http://{a.outlet.id}.test/{k}", None, a.title, a.text, str(k), fetched,
                author=a.author, published=a.published)
        for k, a in enumerate(iter_realistic(make_outlets(30), n, seed=3))
    ]  # fmt: skip


OPTIONS = [
    S.StoryOptions(),
    S.StoryOptions(specific=0.0),  # no specific-terms rule
    S.StoryOptions(specific_share=0.001, specific_most=5),  # the cap grows with the groups' size
    S.StoryOptions(link=0.05, cohesion=0.5, same_days=0.5, half_life_days=3.0),  # more merges, damping
    S.StoryOptions(title_link=0.0),  # no headline link
    S.StoryOptions(title_link=0.02, title_key=0.3, title_own=0.1),  # many headline links
    S.StoryOptions(
        title_link=0.02, title_key=0.3, title_own=0.1, same_days=30.0, name_case=0.5
    ),  # name links
    S.StoryOptions(
        title_link=0.02, title_key=0.3, title_own=0.1, half_life_days=5.0
    ),  # nearest-article links
    S.StoryOptions(link=0.05, same_days=0.5, half_life_days=30.0, recur_days=2.0),  # recurrences: days apart
]


@pytest.mark.parametrize("k", range(len(OPTIONS)))
def test_array_linkage_groups_as_the_dict_loop_on_generated_articles(
    monkeypatch: pytest.MonkeyPatch, k: int
) -> None:
    articles = _realistic(1000)
    options = OPTIONS[k]
    ix = _index()  # the options above change the grouping only, not the index
    got = S.group(articles, options, ix)
    assert got == _by_reference(monkeypatch, articles, options, ix)
    assert sum(len(g) > 1 for g in got) > 30  # many merges took place


@functools.cache
def _index() -> Any:
    return S.index_articles(_realistic(1000), S.StoryOptions())


def test_array_linkage_with_undated_and_empty_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    articles = list(_realistic(1000)[:400])
    articles = [replace(a, published=None) if k % 7 == 0 else a for k, a in enumerate(articles)]
    articles += [replace(articles[0], url="http://x.test/empty", title="", text="")]
    options = S.StoryOptions(same_days=0.2, half_life_days=1.0)
    assert S.group(articles, options) == _by_reference(monkeypatch, articles, options)


@pytest.mark.parametrize(
    "options", [S.StoryOptions(outlet_term=0.85), S.StoryOptions(outlet_days=0.0, outlet_term=3.0)]
)
def test_array_linkage_with_one_outlets_articles(monkeypatch: pytest.MonkeyPatch, options: S.StoryOptions) -> None:
    # every article of one outlet: its groups days apart are judged by the one-outlet rule (_one_outlet)
    articles = [replace(a, outlet="one") for a in _realistic(1000)[:250]]
    got = S.group(articles, options)
    assert got != S.group(articles, replace(options, outlet_term=0.0))  # the rule refused some merges
    assert got == _by_reference(monkeypatch, articles, options)


def test_array_linkage_on_real_tuning_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    from stories_eval import CLUSTERS, held_out, load

    if not CLUSTERS.is_dir():
        pytest.skip("shared/realdata absent")
    items = [it for it in load() if not held_out(it.event)]
    fetched = datetime(2026, 1, 1, tzinfo=UTC)
    articles = [Article(it.outlet, f"http://{it.outlet}.test/{it.did}", None, it.title, "\n".join(it.paragraphs),
                        it.did, fetched, published=it.published) for it in items]  # fmt: skip
    assert S.group(articles, S.StoryOptions()) == _by_reference(monkeypatch, articles, S.StoryOptions())


def test_name_index_and_article_names_match_their_rows() -> None:
    """_NameParts indexes names only and _Places reads an article's names from its rows when asked (memory):
    both give what the index's rows say (a name's articles, in order; an article's title names and names)."""
    from claimcheck.stories.links import _NameParts, _Places

    ix, options = _index(), S.StoryOptions()
    parts, places = _NameParts(ix, options), _Places(ix, options)
    names = np.flatnonzero(ix.name & (ix.df > 1))
    assert len(names) > 50
    for t in names.tolist():
        assert parts.articles(t).tolist() == sorted(ix.doc[ix.term == t].tolist())
    named = places.named[ix.term]
    some = 0
    for i in range(ix.n):
        at = np.flatnonzero(ix.doc == i)
        head = {int(places.fold[ix.term[r]]) for r in at if named[r] and ix.in_title[r]}
        every = {int(places.fold[ix.term[r]]) for r in at if named[r]}
        assert places.article(i) == (head, every)
        some += bool(head) and every > head
    assert some > 50

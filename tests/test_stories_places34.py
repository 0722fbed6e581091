"""Round stories34's place rule (claimcheck.stories.links._Places): a demonym the lexicon lacks counts as its place
by its ending, an office before a name is no name, and a place one article of another event names in passing does
not tie two events of one kind a day or two apart. Fixtures: the invented story set (tests/data/stories34_events.json,
tune events only) and invented words."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from claimcheck.models import Article
from claimcheck.stories import StoryOptions, group, index_articles
from claimcheck.stories.links import _place_of, _Places
from tests import stories_invented


def _window() -> tuple[list[stories_invented.Item], list[Article]]:
    items = stories_invented.load()
    arts = []
    for it in items:
        url = f"http://invented.test/{it.outlet}/{it.did}.html"
        arts.append(
            Article(
                it.outlet,
                url,
                url,
                it.title,
                "\n\n".join(it.paragraphs),
                "",
                it.published,
                published=it.published,
            )
        )
    return items, arts


@pytest.fixture(scope="module")
def window() -> tuple[list[stories_invented.Item], list[Article]]:
    return _window()


def _of(items: list[stories_invented.Item], event: str) -> list[int]:
    assert stories_invented.split_of(event) == "tune"  # fixtures from the tune split only
    return [k for k, it in enumerate(items) if it.event == event]


def test_place_of_by_ending() -> None:
    ids = {"kestria": 0, "tigray": 1, "julia": 2, "ukraine": 3, "politician": 4}
    named = np.array([True, True, True, True, False])
    assert _place_of("kestrian", ids, named) == "kestria"  # -n
    assert _place_of("tigrayan", ids, named) == "tigray"  # -an
    assert _place_of("ukrainian", ids, named) == "ukraine"  # -ian for -e
    assert (
        _place_of("julian", ids, named) is None
    )  # a place of six letters at least: "Julia" and "Julian" are two people
    assert _place_of("politicians", ids, named) is None  # no such place in the window
    assert _place_of("kestrian", {"kestria": 0}, np.array([False])) is None  # the place must be a name


def test_a_demonym_the_lexicon_lacks_is_its_place(window: tuple[list, list]) -> None:
    items, arts = window
    options = StoryOptions()
    ix = index_articles(arts, options)
    kestria = ix.terms.ids["kestria"]
    (k,) = [i for i in _of(items, "kestria-bank-rate-rise") if items[i].title.startswith("Kestrian ")]
    assert (
        kestria in _Places(ix, options).article(k)[0]
    )  # "Kestrian National Bank ..." names Kestria in its title
    assert kestria not in _Places(ix, replace(options, place_suffixes=False)).article(k)[0]


def test_an_office_before_a_name_is_no_name(window: tuple[list, list]) -> None:
    items, arts = window
    options = StoryOptions()
    ix = index_articles(arts, options)
    governor = ix.terms.ids["governor"]
    k = _of(items, "kestria-bank-rate-rise")[0]  # "Governor Pavel Lindenau said ..."
    assert governor not in _Places(ix, options).article(k)[1]
    assert governor in _Places(ix, replace(options, place_offices=False)).article(k)[1]


def test_a_place_named_in_passing_does_not_tie_two_events(window: tuple[list, list]) -> None:
    items, arts = window
    options = StoryOptions()
    ix = index_articles(arts, options)
    chile, luzon = _of(items, "atacama-quake"), _of(items, "luzon-quake")
    # one of the two reports of the second quake names the first's country ("... this week after Chile's")
    assert _Places(ix, options).apart((-1, chile), (-2, luzon))
    assert not _Places(ix, replace(options, place_most=False)).apart((-1, chile), (-2, luzon))


def test_one_events_reports_sharing_its_names_stay_together(window: tuple[list, list]) -> None:
    items, arts = window
    options = StoryOptions()
    ix = index_articles(arts, options)
    bridge = _of(items, "tarrow-bridge-collapse")
    wire = [k for k in bridge if items[k].outlet == "meridian-wire"]
    local = [k for k in bridge if items[k].outlet == "tarrow-gazette"]
    # the wire's titles name the country, the local paper's a street; they share the town and the street
    assert not _Places(ix, options).apart((-1, wire), (-2, local))


def test_two_quakes_and_two_central_banks_are_four_stories(window: tuple[list, list]) -> None:
    items, arts = window

    def story_of(options: StoryOptions) -> dict[int, int]:
        return {i: s for s, members in enumerate(group(arts, options)) for i in members}

    now = story_of(StoryOptions())
    before = story_of(replace(StoryOptions(), place_most=False, place_days=1.0, place_offices=False))
    for a, b in (("atacama-quake", "luzon-quake"), ("kestria-bank-rate-rise", "tarvonia-bank-rate-hold")):
        first, second = _of(items, a)[0], _of(items, b)[0]
        assert now[first] != now[second]
        assert before[first] == before[second]  # what the rule changed: one story of two events before it

"""Two events told in the same few words the same days (two sets of talks in one city, one day) are two
stories when each names, in most of its reports, parties the other never names; angles of one event told in
other words stay one story. Fixtures are paraphrased, in our own words."""

from __future__ import annotations

from claimcheck.stories import StoryOptions, group
from tests.test_stories import art, sample, unrelated

TWO_TALKS = [  # one city, one day, two sets of talks: "talks", "Lunebourg", "round", "envoys" are shared
    ("Norvania and Keshet open second round of talks in Lunebourg",
     "Envoys of Norvania and Keshet met in Lunebourg on Tuesday for a second round of talks on the reactor."),
    ("Keshet says talks with Norvania in Lunebourg were useful",
     "Keshet's envoy said the second round of talks with Norvania in Lunebourg ended with agreed principles."),
    ("Norvania sees progress at Lunebourg talks with Keshet",
     "Norvania's envoys said the talks with Keshet in Lunebourg made progress in a second round on Tuesday."),
    ("Ostria and Dalmark hold peace talks in Lunebourg",
     "Envoys of Ostria and Dalmark met in Lunebourg on Tuesday for a new round of peace talks on the border."),
    ("Dalmark and Ostria talks in Lunebourg end first day",
     "The first day of talks between Dalmark and Ostria ended in Lunebourg on Tuesday, envoys said."),
    ("Low hopes as Ostria, Dalmark start Lunebourg round",
     "Envoys of Ostria and Dalmark began a new round of talks in Lunebourg on Tuesday with low hopes."),
]  # fmt: skip
ONE_SUMMIT = [  # one summit: the leaders' names in some reports, the city and the deal in others
    ("Norvania's Amsel and Keshet's Boro sign trade deal in Lunebourg",
     "Presidents Amsel and Boro signed a trade deal at their summit in Lunebourg on Tuesday."),
    ("Amsel and Boro agree to cut tariffs at summit",
     "Norvania's Amsel and Keshet's Boro agreed at their Lunebourg summit to cut tariffs on grain."),
    ("Amsel hails summit with Boro as a new start",
     "Norvania's president Amsel said his summit with Boro in Lunebourg opened a new start for trade."),
    ("Lunebourg summit ends with grain tariff deal",
     "The Lunebourg summit of Norvania and Keshet ended with a deal to cut grain tariffs, officials said."),
    ("Grain traders welcome Lunebourg tariff deal",
     "Grain traders in Norvania and Keshet welcomed the tariff cuts agreed at the Lunebourg summit on Tuesday."),
    ("What the Lunebourg summit deal means for grain",
     "The tariff deal agreed at the summit in Lunebourg cuts duties on grain between Norvania and Keshet."),
]  # fmt: skip


def _groups(items: list[tuple[str, str]], options: StoryOptions | None = None) -> list[set[int]]:
    ours = [art(f"t{k}", t, x, k / 4, f"talks-{k}") for k, (t, x) in enumerate(items)]
    arts = [*sample(), *ours, *unrelated(300)]
    idx = [arts.index(a) for a in ours]
    out = []
    for g in group(arts, options):
        got = {k for k, i in enumerate(idx) if i in g}
        if got:
            out.append(got)
    return out


def test_two_sets_of_talks_in_one_city_the_same_day_are_two_stories() -> None:
    assert sorted(map(sorted, _groups(TWO_TALKS))) == [[0, 1, 2], [3, 4, 5]]
    assert _groups(TWO_TALKS, StoryOptions(distinct=0.0)) == [set(range(6))]  # what the rule prevents


def test_angles_of_one_summit_told_in_other_words_stay_one_story() -> None:
    assert _groups(ONE_SUMMIT) == [set(range(6))]

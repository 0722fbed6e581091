"""Short feed entries (a title and one sentence): two of other news that share one heavy word and a light one
have nearly all their similarity from the heavy one, and must not link; two short reports of one event that
share a name and more stay one story. Fixtures are paraphrased, in our own words."""

from __future__ import annotations

from claimcheck.stories import StoryOptions, group
from tests.test_stories import art, sample, unrelated

LONE_WORD = [  # "lantern" (rare, in both titles) and "town": two subjects, one lone word between them
    ("Lantern parade fills the old town on the coast",
     "Thousands walked behind paper lanterns through the harbour streets of Merrow on Saturday night."),
    ("Lantern makers warn cheap imports will shut workshops",
     "Craft workshops in the hill town of Oskby say plastic copies have halved their sales this winter."),
]  # fmt: skip
ONE_EVENT = [  # one strike, told twice: the airline's name dominates, but time, crews and flights are shared
    ("Velair crews strike, grounding flights",
     "Pilots and cabin crews at Velair walked out on Thursday, grounding about 600 flights at Tarnholm airport."),
    ("Velair strike strands travellers at Tarnholm",
     "About 600 Velair flights were cancelled on Thursday as pilots and cabin crews struck over pay."),
]  # fmt: skip


def _together(items: list[tuple[str, str]], options: StoryOptions | None = None) -> bool:
    ours = [art(f"s{k}", t, x, 2 * k, f"short-{k}") for k, (t, x) in enumerate(items)]
    arts = [*sample(), *ours, *unrelated(300)]
    idx = {arts.index(a) for a in ours}
    return any(idx <= set(g) for g in group(arts, options))


def test_two_short_entries_do_not_link_through_one_heavy_word_and_a_light_one() -> None:
    assert not _together(LONE_WORD)
    assert _together(LONE_WORD, StoryOptions(one_term=0.0))  # what the rule prevents


def test_two_short_reports_of_one_event_still_link_though_a_name_weighs_most() -> None:
    assert _together(ONE_EVENT)
    assert _together(ONE_EVENT, StoryOptions(one_term=0.0))

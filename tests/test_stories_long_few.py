"""Two longer pieces that share only a few of their top terms (StoryOptions.long_few; links._one_word): a
country's or a town's name and a word of its kind ("Velmora", "minister") are a subject, not an event, so two
lone pieces that owe their likeness to such a name stay two stories unless enough is left without it; two
reports of one event share its place, people, figures and event words (many terms) and stay one. Fixtures are
invented, in our own words."""

from __future__ import annotations

import numpy as np

from claimcheck.stories import StoryOptions
from claimcheck.stories.links import _one_word
from tests.test_stories_name_once import together

# a small country in the news: an election campaign, and two days later a coffee harvest failing
COUNTRY = [
    ("Velmora election: opposition rallies in Velmora before Sunday vote",
     "Tens of thousands of opposition supporters filled the main square of the capital of Velmora on "
     "Thursday for the last rally before Sunday's election in Velmora. Candidate Anselm Dorr promised to "
     "cut fuel taxes, free jailed journalists and hold a referendum on the new constitution of Velmora. "
     "Pollsters say his alliance trails the ruling party by four points, but that a third of voters are "
     "undecided."),
    ("Drought ruins coffee harvest in Velmora",
     "Growers in the highlands of Velmora expect to pick less than half their usual coffee crop after the "
     "driest winter in forty years withered the bushes before the cherries ripened. Day labourers have "
     "left for the coast of Velmora to find work. Exporters in Velmora warned that prices of arabica beans "
     "could double by spring, and farmers asked whoever wins the election for cheap credit to replant."),
]  # fmt: skip
# a town in the news: its football club wins promotion, and the same evening a factory there says it will close
TOWN = [
    ("Carrowby Athletic clinch promotion with late winner in Carrowby",
     "A header in stoppage time from the captain Ruairi Fenn gave Carrowby Athletic a two-one win over "
     "their rivals and sealed promotion to the second division with three games to spare. The manager "
     "praised a squad assembled on one of the smallest budgets in the league, and thousands of fans in "
     "Carrowby ran onto the pitch at the final whistle. The Carrowby club must now hire more stewards."),
    ("Glassworks in Carrowby to close with loss of 400 jobs",
     "The owners of the century-old glassworks in Carrowby said they would shut the plant in the spring, "
     "blaming energy bills that tripled in two years and falling orders for bottles from brewers. Four "
     "hundred workers in Carrowby will lose their jobs. Union officials in Carrowby asked the regional "
     "government to find a buyer, and the mayor said the closure was the hardest blow since the coal pits "
     "shut, a winter when even the Carrowby club laid off stewards."),
]  # fmt: skip
# one event told by two outlets two days apart: a ferry runs aground off a town, then the salvage report
FERRY = [
    ("Ferry runs aground off Carrowby with 300 aboard",
     "A passenger ferry carrying 300 people ran aground on a sandbank off Carrowby in thick fog on Monday "
     "night. Lifeboat crews took the passengers ashore in small groups, and twelve were treated in hospital "
     "for cold and minor injuries. The operator said the ferry's radar had failed an hour before the "
     "grounding, and the coastguard closed the channel to other shipping while divers checked the hull for "
     "leaks of fuel oil."),
    ("Salvage crews refloat ferry grounded off Carrowby",
     "Salvage crews used two tugs at high tide to refloat the ferry that ran aground on a sandbank off "
     "Carrowby in fog with 300 passengers aboard. Divers found a gash in the hull but no leak of fuel oil, "
     "and the coastguard reopened the channel. The operator said the radar failure would be examined by "
     "investigators, and the twelve passengers treated in hospital for cold had all gone home."),
]  # fmt: skip
# the names are in other news of the window too (weeks before): they are no two pieces' own
BACKGROUND = [
    ("Velmora raises interest rates", "The central bank of Velmora raised rates by half a point."),
    ("Velmora opens a new airport", "Velmora opened a new airport terminal near the capital."),
    ("Carrowby library reopens", "The library in Carrowby reopened after repairs."),
    ("Carrowby marathon draws record field", "A record field ran the Carrowby marathon."),
]  # fmt: skip

OFF = StoryOptions(long_few=0, long_one=False)


def _together(items: list[tuple[str, str]], options: StoryOptions | None = None, days: float = 2) -> bool:
    return together(items, BACKGROUND, options, days)


def test_two_long_pieces_sharing_only_a_subjects_name_stay_two() -> None:
    assert not _together(COUNTRY)
    assert _together(COUNTRY, OFF)  # what the rule prevents
    assert not _together(TOWN, days=0.3)
    assert _together(TOWN, OFF, days=0.3)


def test_two_long_reports_of_one_event_stay_one() -> None:
    assert _together(FERRY)
    assert _together(FERRY, OFF)
    assert _together(FERRY, days=0.2)


def test_the_rule_asks_only_of_long_pairs_sharing_few_terms() -> None:
    options = StoryOptions()
    heavy = np.array([0.10, 0.02, 0.02])  # a name, then two light words: 0.04 left without the name
    assert _one_word(40, float(heavy.sum()), heavy, options)  # two long texts sharing three terms
    assert not _one_word(40, float(heavy.sum()), heavy, StoryOptions(long_few=0, long_one=False))
    four = np.array([0.10, 0.02, 0.02, 0.01])  # sharing four of their top terms: an event's, judged as before
    assert not _one_word(40, float(four.sum()), four, options)
    assert _one_word(20, float(four.sum()), four, options)  # a short text is judged whatever it shares
    kept = np.array([0.10, 0.05, 0.04])  # 0.09 left without the name: one_few_term (0.85) x link passed
    assert not _one_word(40, float(kept.sum()), kept, options)

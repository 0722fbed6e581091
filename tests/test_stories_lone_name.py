"""A lone short text alike to a story mostly through a name of two words that several of the window's stories
name ("World Cup", a founder's name), and sharing no other name with it, is other news of that name, not a brief
of the story (the story pass: ``StoryOptions.lone_stories``). A brief of the story names its place or its people
too. Two kinds of news (a tournament's host city, a founder's companies); fixtures invented, in our own words
(issue #13)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from claimcheck.stories import StoryOptions
from claimcheck.stories.index import index_articles
from claimcheck.stories.records import Window
from claimcheck.stories.scoring import _candidates, _scores, _timestamps, _vectors
from claimcheck.stories.storypass import _join_stories
from tests.test_stories import art, sample, unrelated
from tests.test_stories_places import Items, _groups

ON = StoryOptions(lone_stories=3)  # as the default
OFF = replace(ON, lone_stories=0)

# a host city's stadium fails its inspection before the World Cup; two other World Cup stories the same day
STADIUM: Items = [
    ("Draymoor stadium roof fails World Cup inspection",
     "The roof of the Draymoor stadium failed a safety inspection on Monday, weeks before the World Cup opens "
     "there. Inspector Lena Vask said the steel supports over the north stand were corroded and ordered "
     "repairs. The city said the stadium's seats and fan zones would be ready in time."),
    ("Inspectors order repairs at Draymoor World Cup ground",
     "Safety inspectors ordered urgent repairs to the roof of the Draymoor stadium on Monday after finding "
     "corroded steel over the north stand. Lena Vask, who led the inspection, said fans would be safe once the "
     "work was done. The World Cup's opening match is due there next month."),
    ("Draymoor races to fix corroded stadium roof",
     "Draymoor's city council said on Monday that workers would fix the corroded roof supports of its stadium "
     "around the clock after inspector Lena Vask's report. The ground is to host the World Cup opener next "
     "month; the council said the seats and fan zones were on schedule."),
]  # fmt: skip
SQUAD: Items = [
    ("Morrow names young squad for World Cup",
     "Coach Ida Morrow named a young squad for the World Cup on Monday, leaving out two veteran forwards. "
     "Morrow said the players had earned their places in qualifying. The team flies out next week."),
    ("Veterans left out as Morrow picks World Cup squad",
     "Two veteran forwards were left out of the World Cup squad that coach Ida Morrow named on Monday. "
     "Morrow said she picked players on form in qualifying; the team leaves next week."),
]  # fmt: skip
RIGHTS: Items = [
    ("Kestrel TV wins World Cup broadcast rights",
     "Kestrel TV won the rights to broadcast the World Cup on Monday after a bidding war with two streaming "
     "services. Its chief executive Bram Olde said every match would be shown free to air."),
    ("Olde promises free World Cup matches on Kestrel",
     "Bram Olde, chief executive of Kestrel TV, said on Monday that every World Cup match would be free to "
     "air after the broadcaster won the rights in a bidding war with streaming services."),
]  # fmt: skip
TICKETS: Items = [  # other news of the World Cup: ticket prices (no name of the stadium story)
    ("World Cup tickets to cost more",
     "Tickets for World Cup matches will cost fans more, organisers said on Monday."),
]  # fmt: skip
ROOF_BRIEF: Items = [  # a brief of the stadium story: it names the city
    ("Draymoor World Cup stadium roof to be repaired",
     "The Draymoor stadium roof will be repaired before the World Cup, the city said on Monday."),
]  # fmt: skip

# a founder's rocket company launches; his car company and his social network make other news the same day
LAUNCH: Items = [
    ("Tomas Ferrante's Halcyon rocket reaches orbit from Brenna",
     "A Halcyon rocket built by Tomas Ferrante's space company reached orbit on Thursday after lifting off from "
     "the Brenna launch site. The rocket carried four weather satellites. Ferrante said the booster landed "
     "safely and would fly again within a month."),
    ("Halcyon launch from Brenna puts satellites in orbit",
     "Four weather satellites reached orbit on Thursday aboard a Halcyon rocket launched from Brenna. The "
     "booster landed safely on a barge, Tomas Ferrante's company said, and would be reused next month."),
    ("Ferrante hails reusable booster after Brenna launch",
     "Tomas Ferrante hailed the landing of his Halcyon booster after Thursday's launch from Brenna carried "
     "four weather satellites to orbit. The booster will fly again within a month, the company said."),
]  # fmt: skip
RECALL: Items = [
    ("Tomas Ferrante's carmaker recalls 40,000 vehicles",
     "Tomas Ferrante's electric carmaker Voltan recalled 40,000 vehicles on Thursday over faulty brake "
     "software. Voltan said owners would receive an update overnight and no crashes had been reported."),
    ("Voltan recall hits Ferrante's flagship saloon",
     "Voltan, the carmaker run by Tomas Ferrante, recalled 40,000 of its flagship saloons on Thursday to fix "
     "brake software. The company said owners would get an update overnight."),
]  # fmt: skip
FINE: Items = [
    ("Regulator fines Tomas Ferrante's social network",
     "A data regulator fined Chatterline, the social network owned by Tomas Ferrante, on Thursday for keeping "
     "users' messages too long. Chatterline said it would appeal the fine."),
    ("Chatterline to appeal data fine, Ferrante says",
     "Tomas Ferrante said on Thursday that Chatterline would appeal a regulator's fine for keeping users' "
     "messages too long. The social network called the fine unfair."),
]  # fmt: skip
MOON: Items = [  # other news of the founder: a plan, no name of the launch story
    ("Tomas Ferrante says rockets will reach Mars",
     "Tomas Ferrante said on Thursday his rockets would reach Mars within a decade."),
]  # fmt: skip
LANDING: Items = [  # a brief of the launch story: it names the rocket
    ("Tomas Ferrante's Halcyon rocket booster lands",
     "The booster of Tomas Ferrante's Halcyon rocket landed safely after Thursday's launch, his company said."),
]  # fmt: skip

WORLD_CUP = [STADIUM, SQUAD, RIGHTS]
FOUNDER = [LAUNCH, RECALL, FINE]


def _passed(events: Sequence[Items], options: StoryOptions) -> list[list[int]]:
    """The story pass alone over the events' articles (each told by its own outlets, the same day) among the
    sample and other news, each event's articles one story but the last event's, each article alone (in a
    window of thousands of articles a lone text and a story are often left to the pass: a name that many
    stories share weighs less there than in this small window, where the linkage would join them): the stories
    as lists of event numbers x 10 (one per article)."""
    ours, label = [], []
    for e, items in enumerate(events):
        for k, (t, x) in enumerate(items):
            ours.append(art(f"p{e}-{k}", t, x, (k + e) / 3, f"lone-{e}-{k}"))
            label.append(e)
    start = len(sample())
    arts = [*sample(), *ours, *unrelated(300)]
    window = Window.of(arts)
    ix = index_articles(window, options)
    vec = _vectors(ix, options)
    times = _timestamps(window.rows)
    pairs = _candidates(vec, times, options)
    cos, _ = _scores(vec, pairs, figure=ix.figure)
    last = len(events) - 1
    groups = [[start + k for k in range(len(ours)) if label[k] == e] for e in range(last)]
    groups += [[start + k] for k in range(len(ours)) if label[k] == last]
    groups += [[i] for i in range(len(arts)) if not start <= i < start + len(ours)]
    out = _join_stories(groups, vec, times, pairs[cos >= options.story_near], options, ix)
    ours_of = [[10 * label[i - start] for i in g if start <= i < start + len(ours)] for g in out]
    return sorted(sorted(g) for g in ours_of if g)


def test_other_news_of_a_name_in_several_stories_stays_apart() -> None:
    assert [30] in _passed([*WORLD_CUP, TICKETS], ON)
    assert [30] in _passed([*FOUNDER, MOON], ON)


def test_what_the_rule_prevents() -> None:
    # the ticket entry joins the broadcast rights' story; the plan joins the launch's
    assert [20, 20, 30] in _passed([*WORLD_CUP, TICKETS], OFF)
    assert [0, 0, 0, 30] in _passed([*FOUNDER, MOON], OFF)


def test_a_brief_that_names_the_story_joins_it() -> None:
    assert [0, 0, 0, 30] in _passed([*WORLD_CUP, ROOF_BRIEF], ON)
    assert [0, 0, 0, 30] in _passed([*FOUNDER, LANDING], ON)


def test_the_stories_themselves_are_kept() -> None:
    for events in (WORLD_CUP, FOUNDER):
        assert _groups(events) == [[0, 1, 2], [10, 11], [20, 21]]  # lone_stories on by default

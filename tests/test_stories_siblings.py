"""An event's briefs are siblings, not rivals (round 18, StoryOptions.story_siblings): in the story pass, a
brief joins the story it is clearly about (story_margin times its next best cosine); when an event's reports
split into a story and two briefs told in other words, each brief is also a little like the other, and
without this rule neither was clear of the other. A small story whose own best is the same story is left out
of the next best; a larger story, or a brief whose best is another story, stays a rival. Fixtures are
invented, in our own words, from two kinds of news (a dam failure, a football club's coach sacked)."""

from __future__ import annotations

import numpy as np

from claimcheck.stories import StoryOptions, group
from claimcheck.stories.storypass import _second_best
from tests.test_stories import art, sample

DAM = [
    ("Dam breach floods valley below Oskarn reservoir",
     "Water poured through a breach in the Oskarn dam on Thursday, flooding farms and roads in the valley "
     "below the reservoir, the regional water board said."),
    ("Oskarn dam breach: villages evacuated as valley floods",
     "Three villages below the Oskarn reservoir were evacuated after the dam wall gave way; the water board "
     "said engineers had warned of seepage last spring."),
    ("Engineers warned of seepage at Oskarn dam months before breach",
     "An inspection report seen by reporters shows engineers found seepage in the Oskarn dam wall in spring; "
     "the water board says repairs were scheduled for the autumn."),
    ("Farmers count losses after Oskarn dam breach floods valley",
     "Flooded fields and drowned livestock in the valley below the Oskarn reservoir: farmers say the dam "
     "breach has cost them the harvest."),
]  # fmt: skip
# two briefs on the failure in other words, a little like each other (the villages, the evacuees)
DAM_BRIEFS = [
    ("Oskarn evacuees spend night in school gym",
     "Families from the flooded villages below the dam slept on camp beds in a school gym while the water "
     "board pumped the valley dry."),
    ("Inquiry ordered into reservoir failure",
     "The minister ordered an inquiry into the dam wall's failure and the seepage reports; evacuees may "
     "return to the villages next week."),
]  # fmt: skip

COACH = [
    ("Harrowgate Rovers sack coach Dmitri Vell after cup exit",
     "Harrowgate Rovers dismissed head coach Dmitri Vell on Sunday, a day after the club was knocked out of "
     "the cup by a second-tier side, the board said in a short statement."),
    ("Rovers board ends Vell's two seasons in charge",
     "Dmitri Vell's two seasons at Harrowgate Rovers ended with the cup defeat; the board thanked the coach "
     "and said a search for his successor had begun."),
    ("Players react to Dmitri Vell's departure from Harrowgate",
     "Rovers captain Ilka Sorens said the squad shared the blame for the cup exit that cost Dmitri Vell his "
     "job as Harrowgate coach."),
    ("Who could replace Vell at Harrowgate Rovers?",
     "With Dmitri Vell gone, the Harrowgate Rovers board is said to favour a younger coach; the assistant "
     "will lead training until a successor is named."),
]  # fmt: skip
# two briefs on the sacking the next day, in other words (the caretaker, the fans)
COACH_BRIEFS = [
    ("Caretaker takes first Rovers session",
     "The caretaker ran Monday's training while the board looks for a successor; a few supporters watched "
     "from the stand."),
    ("Fans sing for departed Vell",
     "Rovers fans chanted the departed manager's name at the ground after the shock cup defeat that cost him "
     "his job; the caretaker was cheered too."),
]  # fmt: skip


def stories(event: list[tuple[str, str]], briefs: list[tuple[str, str]], options: StoryOptions) -> list[list[str]]:
    """The stories holding the event's reports or its briefs, among sample news (slugs, sorted)."""
    arts = [art(f"o{k + 1}", t, x, 2 * k, f"ev-{k}") for k, (t, x) in enumerate(event)]
    arts += [art(f"o{k + 6}", t, x, 20 + 3 * k, f"brief-{k}") for k, (t, x) in enumerate(briefs)]
    arts += sample()
    slugs = [a.url.rsplit("/", 1)[-1] for a in arts]
    found = [sorted(slugs[i] for i in g) for g in group(arts, options)]
    return sorted(g for g in found if any(s.startswith(("ev-", "brief-")) for s in g))


def test_two_briefs_of_one_event_are_siblings_not_rivals() -> None:
    for event, briefs in ((DAM, DAM_BRIEFS), (COACH, COACH_BRIEFS)):
        reports = [f"ev-{k}" for k in range(len(event))]
        # each brief is less like its story than story_link asks; its next best is the other brief: with
        # every story a rival, neither is story_margin times clear of the other, and both stay apart ...
        assert stories(event, briefs, StoryOptions(story_siblings=False)) == [["brief-0"], ["brief-1"], reports]
        # ... siblings: both are clearly about the one story, and join it
        assert stories(event, briefs, StoryOptions()) == [["brief-0", "brief-1", *reports]]
        # the briefs are not alike enough to be one story of their own (no margin rule: all apart)
        assert stories(event, briefs, StoryOptions(story_margin=0.0)) == [["brief-0"], ["brief-1"], reports]


def test_a_sibling_is_a_small_story_with_the_same_best_and_a_larger_story_stays_a_rival() -> None:
    # stories 0 (a story of 4), 1 and 2 (briefs, best 0), 3 (a story of 4), 4 (a brief whose best is 3)
    ends = np.array([[1, 0], [1, 2], [2, 0], [1, 3], [4, 3], [4, 1], [2, 4]])
    sims = np.array([0.15, 0.06, 0.13, 0.02, 0.2, 0.05, 0.04])
    small = np.array([False, True, True, False, True])
    every = _second_best(ends, sims, 5, 0.04)
    assert every[1] == 0.06 and every[2] == 0.06  # each brief's next best is the other brief
    siblings = _second_best(ends, sims, 5, 0.04, small)
    # left out: the sibling (small, best 0 as its own); kept: brief 4 (best 3) and story 3 (not small)
    assert siblings[1] == 0.05 and siblings[2] == 0.04
    # ... and a brief whose best is a story of 4 keeps the briefs about the other story as rivals
    assert siblings[4] == every[4] == 0.05
    # a larger story is never a sibling: story 3 (not small) stays brief 1's rival
    assert _second_best(ends[[0, 3]], sims[[0, 3]], 5, 0.0, small)[1] == 0.02

"""One heavy word is no event (round 16): short entries of other news that share a subject's word alone
(a festival season, a kind of court case) do not join one another's stories, in the linkage
(StoryOptions.one_term_groups) or on the short texts' clock (StoryOptions.short_one); short reports of one
event that share its place, people or figures stay one story. Fixtures are invented, in our own words."""

from __future__ import annotations

from claimcheck.stories import StoryOptions, group
from tests.test_stories import art, sample, unrelated

# A Moon Fair in three towns, five days apart: each town's fair told twice the same day, its own event; the
# towns' entries share the fair's name (two words: one name) and nothing else.
FAIRS = [
    (0, "mf-0", "Moon Fair opens in Quarrow", "Quarrow boats carry candles past the quay for the Moon Fair."),
    (1, "mf-0b", "Quarrow quay glows for Moon Fair", "Candles on boats lit the Quarrow quay at the Moon Fair."),
    (120, "mf-1", "Moon Fair returns to Bellhaven", "Bellhaven brings back its Moon Fair after the storm."),
    (121, "mf-1b", "Bellhaven Moon Fair back after storm", "The storm is over and Bellhaven holds its Moon Fair."),
    (240, "mf-2", "Fennick pupils build Moon Fair dragon", "A paper dragon by Fennick pupils leads the Moon Fair."),
    (241, "mf-2b", "Paper dragon leads Fennick Moon Fair", "Fennick pupils made the paper dragon of the Moon Fair."),
]  # fmt: skip
# ... and the fair's name in other news of the window (a name of the season, not of one town's fair)
ELSEWHERE = [
    (-9000 - 24 * k, f"mf-x{k}", f"{town} council approves new budget", f"The council in {town} approved its "
     f"budget for roads, libraries and parks, and set aside a small grant for the Moon Fair.")
    for k, town in enumerate(["Ashgrove", "Mellor", "Pitchley"])
]  # fmt: skip

# One event told over three days, short: a bridge closure, its cause and its reopening, naming its own places.
BRIDGE = [
    (0, "br-0", "Tarnley bridge shut after crack found in main span", "Engineers closed the Tarnley bridge over "
     "the Wendle on Monday after inspectors found a crack in the main span."),
    (8, "br-1", "Commuters face long detours as Tarnley bridge stays closed", "Drivers crossing the Wendle "
     "were sent twelve miles round while engineers examined the Tarnley span."),
    (60, "br-2", "Tarnley bridge reopens to cars after span repair on the Wendle", "The Tarnley crossing over "
     "the Wendle reopened on Wednesday; lorries stay barred until the main span is strengthened."),
]  # fmt: skip

# Three short reports of one final the same day, and a short entry on the competition's ticket prices, two
# days later, that shares only its name (two words: one name) with them.
FINAL = [
    (0, "fi-0", "Rovers win Kessel Cup", "Harlow Rovers won the Kessel Cup final 2-1."),
    (2, "fi-1", "Kessel Cup goes to Rovers", "Rovers beat Tain 2-1 to lift the Kessel Cup."),
    (3, "fi-2", "Tain lose Kessel Cup final", "Tain lost the Kessel Cup final to Harlow Rovers."),
]  # fmt: skip
TICKETS = (40, "tk-0", "Kessel Cup tickets dearer", "Kessel Cup seats will cost more.")


def _stories(items: list[tuple[float, str, str, str]], options: StoryOptions | None = None) -> dict[str, int]:
    ours = [art(f"o{k % 7}", t, x, h, slug) for k, (h, slug, t, x) in enumerate(items)]
    arts = [*sample(), *ours, *unrelated(300)]
    story = {i: k for k, g in enumerate(group(arts, options)) for i in g}
    return {a.url.rsplit("/", 1)[-1]: story[arts.index(a)] for a in ours}


def test_short_entries_days_apart_sharing_one_name_are_not_one_story() -> None:
    """The towns' pairs meet in the linkage through the fair's name; on the short texts' clock, what two
    entries days apart owe to that one name fades (short_one), and each town's fair is its own story. Only a
    word that other articles of the window have too: a story's own word (a token named by a comment piece two
    days on, tests/test_stories.py) does not fade."""
    story = _stories([*FAIRS, *ELSEWHERE])
    assert len({story[s] for _, s, _, _ in FAIRS}) == 3
    assert story["mf-0"] == story["mf-0b"] and story["mf-2"] == story["mf-2b"]
    # the rule is what keeps them apart (name_once, which counts the fair's two words as one shared term, keeps
    # them apart too: it is off here to show this rule's part)
    without = _stories([*FAIRS, *ELSEWHERE], StoryOptions(short_one=False, name_once=False))
    assert len({without[s] for _, s, _, _ in FAIRS}) == 1


def test_short_reports_of_one_event_over_days_stay_one_story() -> None:
    story = _stories(BRIDGE)
    assert story["br-0"] == story["br-1"] == story["br-2"]


def test_a_short_entry_does_not_join_a_story_through_one_name_in_the_linkage() -> None:
    """The linkage keeps a lone short entry days from a story out of it when they share one name and little
    else (one_term_groups). The story pass is off here: it weighs a story as a whole and joins the entry
    still (the rule in the pass cost news-clusters recall, round 16)."""
    story = _stories([*FINAL, TICKETS], StoryOptions(story_link=0))
    assert story["fi-0"] == story["fi-1"] == story["fi-2"]
    assert story["tk-0"] != story["fi-0"]
    without = _stories([*FINAL, TICKETS], StoryOptions(story_link=0, one_term_groups=False, name_once=False))
    assert without["tk-0"] == without["fi-0"]

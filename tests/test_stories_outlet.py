"""One outlet's two pieces days apart on one subject are two developments (StoryOptions.outlet_days,
outlet_term, on by default since 2026-12-02; linkage._one_outlet): an outlet reports a development once, so when its two pieces days apart
are alike only through the subject's name (a mining company, a tournament), they stay two stories. One
outlet's follow-up of one event names its place, its people and its figures again and stays with it, and
two outlets' reports days apart are not judged by this rule. Fixtures are invented, in our own words."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from claimcheck.models import Article
from claimcheck.stories import StoryOptions, group
from claimcheck.stories.linkage import _one_outlet
from tests.test_stories import art, sample, unrelated

# a mining company: a court halts its new pit, and five days later its chief executive steps down
MINE = [
    ("Court halts Corvane Mining expansion at Tessel pit",
     "A regional court ordered Corvane Mining to stop work on its Tessel pit extension after farmers said the "
     "dig had drained their wells. The judge asked for a new water study before any blasting resumes, and gave "
     "the farmers' lawyers until spring to bring their own experts. Corvane Mining said it would appeal, "
     "warning that two hundred jobs at the pit depend on the extension. Farmers gathered outside the courthouse "
     "cheered the ruling, and the regional water board said it would test every well within five kilometres "
     "of the pit before the summer. Lawyers for the farmers said the company had ignored their letters for a "
     "year while the water table fell."),
    ("Corvane Mining chief executive steps down",
     "Corvane Mining said its chief executive Halvard Moen will leave at the end of the month after six years "
     "in charge, and that the board has begun looking for a successor among its senior managers. Moen, who "
     "led the company through a takeover bid and a slump in copper prices, will stay on as an adviser until "
     "the autumn. Investors welcomed the news and the shares rose in early trading. Analysts said the board "
     "wanted a leader with experience of selling assets abroad, and named two senior managers as likely "
     "candidates. Corvane Mining will publish its annual report next week, with its plans for dividends."),
]  # fmt: skip
# a tennis tournament: a semi-final, and four days later its title sponsor walks away
OPEN = [
    ("Ishida beats Varga to reach Kessling Open final",
     "Rei Ishida needed three sets to beat Marta Varga in the Kessling Open semi-final on a windy centre court "
     "and will play for her first title on Sunday. Ishida lost the first set after two double faults, then broke "
     "serve four times as Varga tired in the heat. The crowd stood for both players at the end of a match that "
     "lasted nearly three hours. Ishida, twenty, said she had watched the Kessling Open on television as a child "
     "and never thought she would play on its centre court. Varga, a former champion, said her shoulder had "
     "hurt since the quarter-final and that she would rest before the grass season."),
    ("Kessling Open loses its title sponsor",
     "Northvale Bank will no longer sponsor the Kessling Open after eleven years, the organisers said, adding "
     "that talks with other partners about next season have started. The bank paid for most of the prize money "
     "and for the new roof over the main arena. Without a new sponsor, ticket prices could rise and the Kessling "
     "Open might move to a smaller site, local hotel owners warned. The bank said it would spend the money on "
     "youth football instead. The organisers thanked the bank and said the event has sold out every year since "
     "the roof was built, which should help them find a partner."),
]  # fmt: skip
# one event, followed up by the same outlet three days on: a ferry sinking, then its toll and the inquiry
FERRY = [
    ("Ferry Marisol sinks off Pellan island with 214 aboard",
     "The ferry Marisol sank in a storm off Pellan island late on Monday with 214 passengers and crew aboard; "
     "coastguard boats pulled survivors from the sea and dozens are missing."),
    ("Marisol ferry toll rises as Pellan inquiry opens",
     "Divers reached the wreck of the Marisol off Pellan island as an inquiry opened into why the ferry sailed "
     "into the storm with 214 aboard; the coastguard said dozens are still missing."),
]  # fmt: skip
# the subjects are in other news of the window too (weeks before): their names are no two pieces' own
BACKGROUND = [
    ("Corvane Mining output falls", "Corvane Mining dug less copper this quarter, the company said."),
    ("Corvane Mining hires new auditor", "Corvane Mining named a new auditor for its accounts."),
    ("Kessling Open adds night sessions", "The Kessling Open will play night sessions this year."),
    ("Pellan island votes for a new school", "The council of Pellan island voted to build a school."),
]  # fmt: skip


def _together(
    items: list[tuple[str, str]], days: float, options: StoryOptions | None = None, outlets: tuple[str, str] = ("post", "post")
) -> bool:
    """Whether the two pieces (``days`` apart, of ``outlets``) end in one story, among the subjects' earlier
    news, sample news and 300 articles of other news."""
    options = ON if options is None else options
    ours = [art(outlets[k], t, x, 24 * days * k, f"piece-{k}") for k, (t, x) in enumerate(items)]
    more = [art(f"b{k}", t, x, -24 * (20 + k), f"bg-{k}") for k, (t, x) in enumerate(BACKGROUND)]
    arts: list[Article] = [*sample(), *more, *ours, *unrelated(300)]
    idx = {arts.index(a) for a in ours}
    return any(idx <= set(g) for g in group(arts, options))


ON = StoryOptions(outlet_term=0.85)
OFF = StoryOptions(outlet_term=0.0)


def test_the_rule_is_on_by_default() -> None:
    """`claimcheck stories` groups with StoryOptions(): a mixed story is worse than a split one (issue 13)."""
    assert StoryOptions().outlet_term == ON.outlet_term
    assert not _together(MINE, 5, replace(StoryOptions(), long_one=False))
    assert _together(MINE, 5, replace(StoryOptions(), long_one=False, outlet_term=0.0))


def test_one_outlets_two_developments_of_a_subject_days_apart_stay_two() -> None:
    assert not _together(MINE, 5)
    assert _together(MINE, 5, replace(OFF, long_one=False))  # what the rule prevents: the company's name links
    # them (the long_one rule keeps this pair apart too: nearly all their likeness is the company's name)
    assert not _together(OPEN, 4)
    assert _together(OPEN, 4, replace(OFF, long_few=0, long_one=False))  # (long_few, long_one keep it apart too)


def test_one_outlets_follow_up_of_one_event_stays_with_it() -> None:
    assert _together(FERRY, 3)
    assert _together(FERRY, 3, OFF)


def test_the_same_day_and_other_outlets_are_left_to_the_other_rules() -> None:
    # within outlet_days (a live report and its update the same day), or two outlets' pieces days apart: the
    # rule does not judge them (whatever the other rules make of them, the same with it and without)
    assert _together(MINE, 0.5) == _together(MINE, 0.5, OFF)
    assert _together(OPEN, 4, outlets=("post", "herald")) == _together(OPEN, 4, OFF, outlets=("post", "herald"))
    assert _together(MINE, 5, replace(ON, outlet_days=6.0, long_one=False))  # within outlet_days: as without it


def test_one_outlet_is_what_is_left_without_the_heaviest_shared_term() -> None:
    options = ON  # outlet_term 0.85 of link 0.1: 0.085 must be left
    shared = np.array([3, 8, 11])
    assert _one_outlet(0.30, np.array([0.25, 0.03, 0.02]), shared, 1, None, options)  # 0.05 left
    assert not _one_outlet(0.30, np.array([0.15, 0.10, 0.05]), shared, 1, None, options)  # 0.15 left
    assert _one_outlet(0.30, np.array([0.15, 0.10, 0.05]), shared, 2, None, options)  # 0.075 on average
    assert _one_outlet(0.0, np.zeros(0), np.zeros(0, dtype=np.int64), 1, None, options)

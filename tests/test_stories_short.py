"""Short feed entries (a title and one sentence): two of other news that share one heavy word and a light one
have nearly all their similarity from the heavy one, and must not link; two short reports of one event that
share a name and more stay one story. Fixtures are paraphrased, in our own words."""

from __future__ import annotations

from claimcheck.models import Article
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


def _together(
    items: list[tuple[str, str]], options: StoryOptions | None = None, more: tuple[Article, ...] = ()
) -> bool:
    ours = [art(f"s{k}", t, x, 2 * k, f"short-{k}") for k, (t, x) in enumerate(items)]
    arts = [*sample(), *ours, *more, *unrelated(300)]
    idx = {arts.index(a) for a in ours}
    return any(idx <= set(g) for g in group(arts, options))


def test_two_short_entries_do_not_link_through_one_heavy_word_and_a_light_one() -> None:
    assert not _together(LONE_WORD)
    assert _together(LONE_WORD, StoryOptions(one_term=0.0))  # what the rule prevents


def test_two_short_reports_of_one_event_still_link_though_a_name_weighs_most() -> None:
    assert _together(ONE_EVENT)
    assert _together(ONE_EVENT, StoryOptions(one_term=0.0))


# one singer's two news of one week: her name, written as two words, is nearly all they share
ONE_PERSON = [
    ("Dariela Montrose cancels autumn tour over throat surgery",
     "The singer Dariela Montrose called off twelve concerts after doctors ordered rest for her voice."),
    ("Dariela Montrose sued by former label over unpaid royalties",
     "Her old record company says Dariela Montrose owes it a share of streaming income since her debut."),
]  # fmt: skip
# she is in other news of the window too: a festival's line-up, weeks before
LINE_UP = art(
    "fest", "Brackwater festival names its summer line-up",
    "The Brackwater festival will close with Dariela Montrose on the main stage, organisers said, after a year "
    "in which ticket sales doubled and the site moved to the old airfield outside the town.", -24 * 30, "fest",
)  # fmt: skip
# one footballer's transfer told twice: the two-word name weighs most, but the clubs and the fee are shared too
ONE_TRANSFER = [
    ("Teodor Vallin joins Harrowgate for record fee",
     "Harrowgate signed striker Teodor Vallin from Orsby United for a club record fee on a five-year deal."),
    ("Orsby United sell Teodor Vallin to Harrowgate",
     "Teodor Vallin leaves Orsby United for Harrowgate, who paid a club record fee for the striker."),
]  # fmt: skip


def test_two_short_entries_on_one_persons_two_events_do_not_link_through_the_name() -> None:
    assert not _together(ONE_PERSON, more=(LINE_UP,))
    assert _together(ONE_PERSON, StoryOptions(one_name=0.0), more=(LINE_UP,))  # the name's words counted apart
    # a name only the two have is theirs (an unknown person's one event told twice): the rule leaves it
    assert _together(ONE_PERSON)


def test_two_short_reports_of_one_event_named_in_two_words_still_link() -> None:
    assert _together(ONE_TRANSFER)

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


# Two news of one subject the same week, each a title and a sentence (round 21, one_few): a town's mayor
# at a night market and in a parking contract row; a football coach after a draw and fined for an outburst.
# They share the subject's name and one word of its kind ("mayor", "coach"), a word that other news of the
# window uses too (there: other towns' mayors, other clubs' coaches), and nothing of an event.
MAYOR_TWO = [
    ("Velden mayor opens winter night market",
     "Stalls selling mulled wine and crafts opened on the old square on Friday evening."),
    ("Velden mayor faces questions over parking contract",
     "Opposition councillors want the deal with a car park firm reviewed by auditors."),
]  # fmt: skip
COACH_TWO = [
    ("Orsby coach praises young squad after draw",
     "A late equaliser earned the visitors a point and the manager said his teenagers had grown up."),
    ("Orsby coach fined for touchline outburst",
     "The league fined the manager after he shouted at the fourth official during the derby."),
]  # fmt: skip
# ... and one event of each, told twice in as few words: they share its place, its day and its event words
MAYOR_ONE = [
    MAYOR_TWO[0],
    ("Night market returns to Velden's old square",
     "The mayor cut the ribbon on Friday as stalls with mulled wine and crafts filled the square."),
]  # fmt: skip
COACH_ONE = [
    COACH_TWO[1],
    ("League punishes Orsby manager over derby rant",
     "Orsby's coach must pay a fine for shouting at the fourth official in the derby, the league said."),
]  # fmt: skip
OTHER_COACHES = tuple(
    art(f"bg{k}", f"Coach leaves Club{k}", f"The coach of a lower league club left by mutual consent after week {k}.",
        -24 * (10 + k), f"bg-{k}")
    for k in range(14)
)  # fmt: skip


def test_two_short_news_of_one_subject_need_more_than_its_name_and_a_word_of_its_kind() -> None:
    assert not _together(MAYOR_TWO)
    assert not _together(COACH_TWO, more=OTHER_COACHES)
    # what the rule prevents: at one_term (0.7 of the link), the word of its kind was enough besides the name
    assert _together(MAYOR_TWO, StoryOptions(one_few=0))
    assert _together(COACH_TWO, StoryOptions(one_few=0), OTHER_COACHES)


def test_one_short_event_told_twice_still_links() -> None:
    assert _together(MAYOR_ONE)
    assert _together(COACH_ONE, more=OTHER_COACHES)

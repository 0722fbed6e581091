"""Two long pieces on two news of one person or company in the news (StoryOptions.long_one; links._one_word):
they share the name and a few words of its pages ("founder", "platform"), more than ``long_few`` terms, yet
nearly all their likeness is the name, so two lone pieces more than ``same_days`` apart stay two stories; two
reports of one event share its place, people, figures and event words besides the name, and stay one. Fixtures
are invented, in our own words."""

from __future__ import annotations

import numpy as np

from claimcheck.stories import StoryOptions
from claimcheck.stories.links import _one_word
from tests.test_stories_name_once import together

# a founder in the news: a regulator fines his messaging app, and three weeks later he opens robot cafes
FOUNDER = [
    ("Regulator fines Oskar Lindqvar's messaging app over child safety",
     "The communications regulator fined Chatterbox, the messaging app founded by the billionaire Oskar "
     "Lindqvar, for failing to stop strangers from contacting children on the platform. Inspectors found "
     "that reports of grooming went unanswered for weeks and that age checks could be skipped with one tap. "
     "The company must appoint a safety officer within a month. Oskar Lindqvar said the founder of any "
     "platform of that size faced the same problem and that the app would challenge the fine in court. "
     "Parents' groups welcomed the penalty but said it was too small to hurt, and a lawmaker proposed a "
     "bill that would make directors personally liable for repeated breaches of the child safety code."),
    ("Oskar Lindqvar opens robot coffee bars in three cities",
     "The tycoon Oskar Lindqvar opened his first coffee bars staffed by robot arms, in three "
     "cities at once, promising a latte in forty seconds. Customers order through a screen, and a conveyor "
     "carries the cup to a hatch. Baristas' unions called the bars a stunt. Oskar Lindqvar, who made his "
     "fortune with a messaging platform, said he would open fifty more by winter if the queues lasted, and "
     "that the beans came from a cooperative in the highlands. Food critics were unimpressed: one wrote "
     "that the milk foam collapsed before the cup reached the hatch, and another complained that the "
     "pastries were wrapped in plastic and tasted of the fridge."),
]  # fmt: skip
# a carmaker in the news: a recall of its vans, and two weeks later its chief's art collection goes on show
CARMAKER = [
    ("Halvorsen Motors recalls 40,000 delivery vans over brake fault",
     "Halvorsen Motors is recalling forty thousand electric delivery vans after engineers found that the "
     "brake pedal can stick in freezing weather. The carmaker said no crash had been linked to the fault, "
     "but couriers reported three near misses on icy roads. Dealers will replace a sensor free of charge, "
     "and the company's chief executive Greta Halvorsen apologised to owners. Shares of Halvorsen Motors "
     "fell four percent on the news. Fleet operators said the recall would leave parcels waiting in depots "
     "for days, and a consumer group asked why the fault had not been found during winter testing in the "
     "mountains before the vans went on sale."),
    ("Greta Halvorsen's art collection goes on show",
     "A museum opened an exhibition of sixty paintings lent by Greta Halvorsen, chief of Halvorsen Motors, "
     "including seascapes never shown in public. The curator said the collection "
     "was strongest in winter landscapes of the northern coast. Visitors queued around the block on the "
     "first morning. Halvorsen Motors paid for the catalogue, and Greta Halvorsen said the paintings would "
     "tour two other cities next year before returning to her house by the fjord. Critics praised the "
     "lighting of the galleries and the short wall texts, though one regretted that the older portraits "
     "were hung too high to be seen properly from the benches."),
]  # fmt: skip
# one event told by two outlets two days apart: the founder's app suffers an outage, then explains it
OUTAGE = [
    ("Chatterbox outage cuts off millions of users",
     "The messaging app Chatterbox went dark for nine hours on Tuesday, cutting off millions of users in "
     "forty countries. Its founder Oskar Lindqvar blamed a faulty update to the servers that route messages "
     "and said no data had been lost. Banks and couriers that use the app to send codes to customers "
     "reported delays. Engineers restored the service in stages, starting with voice calls."),
    ("Chatterbox says faulty server update caused nine-hour outage",
     "Chatterbox said a faulty update to the servers that route messages caused the nine-hour outage that "
     "cut off millions of users in forty countries on Tuesday. Oskar Lindqvar, its founder, apologised to "
     "banks and couriers whose codes to customers were delayed, and said engineers would test every update "
     "on a copy of the servers first. No data was lost, the company said. Analysts said rival apps gained "
     "thousands of sign-ups during the blackout, and the regulator asked for a written report."),
]  # fmt: skip
# the names are in other news of the window too (weeks before): they are no two pieces' own
BACKGROUND = [
    ("Oskar Lindqvar buys a football club", "Oskar Lindqvar bought a second division football club."),
    ("Oskar Lindqvar marries", "Oskar Lindqvar married in a small ceremony on an island."),
    ("Halvorsen Motors opens a plant", "Halvorsen Motors opened a battery plant in the north."),
    ("Greta Halvorsen joins a bank board", "Greta Halvorsen joined the board of a savings bank."),
]  # fmt: skip

OFF = StoryOptions(long_one=False)


def _together(items: list[tuple[str, str]], options: StoryOptions | None = None, days: float = 20) -> bool:
    return together(items, BACKGROUND, options, days)


def test_two_long_pieces_on_two_news_of_one_name_stay_two() -> None:
    assert not _together(FOUNDER)
    assert _together(FOUNDER, OFF)  # what the rule prevents
    assert not _together(CARMAKER, days=14)
    assert _together(CARMAKER, OFF, days=14)


def test_two_long_reports_of_one_event_stay_one() -> None:
    assert _together(OUTAGE, days=6)  # a week on: the rule asks, and they share much more than the name
    assert _together(OUTAGE, OFF, days=6)
    assert _together(OUTAGE, days=2)
    assert _together(OUTAGE, days=0.2)


def test_within_same_days_the_pair_is_left_to_the_other_rules() -> None:
    # the same days (same_days): two long reports of one event in a small place owe most to its name; the rule
    # does not judge them (whatever the other rules make of them, the same with it and without)
    assert _together(FOUNDER, days=2) == _together(FOUNDER, OFF, days=2)
    assert _together(CARMAKER, days=1) == _together(CARMAKER, OFF, days=1)


def test_the_rule_asks_of_two_lone_texts_only() -> None:
    options = StoryOptions()
    five = np.array([0.10, 0.005, 0.005, 0.005, 0.005])  # a name, then four light words: 0.02 left without it
    assert _one_word(40, float(five.sum()), five, options, pair=True)  # two lone long texts: judged
    assert not _one_word(40, float(five.sum()), five, options)  # a lone text and a group: not judged
    assert not _one_word(40, float(five.sum()), five, OFF, pair=True)
    kept = np.array([0.10, 0.02, 0.02, 0.02, 0.02])  # 0.08 left (over one_term 0.7 x link): passes
    assert not _one_word(40, float(kept.sum()), kept, options, pair=True)

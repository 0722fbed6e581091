"""A capitalised word of a short headline ("Gold Slumps 3%", "Rail Fares Soar"), repeated where a brief's text
opens with its headline, is no name: the `places` rule (tests/test_stories_places.py) counts as a name only a
word the window's running text capitalises mid-sentence (or opening a sentence before another capitalised word,
"Halvergate Bank said"). Before, such a verb was a "distinctive name" the other reports of the event never
named, and one event's briefs and reports were kept apart. Two kinds of news (a metals market, rail fares);
fixtures invented, in our own words (issue #13)."""

from __future__ import annotations

import numpy as np

from claimcheck.stories import StoryOptions
from claimcheck.stories.index import index_articles
from tests.test_stories_places import Items, _events, _groups

# one gold sell-off: two briefs whose texts open with their short headlines, two reports naming the central bank
GOLD: Items = [
    ("Gold Slumps 3%",
     "Gold Slumps 3%. Prices of gold fell 3 percent on Friday after strong American jobs figures lifted "
     "the dollar and bond yields. It was the metal's worst day in more than a year, traders said, and silver "
     "fell further still as funds sold their holdings of precious metals."),
    ("Gold Slumps 3% after jobs figures",
     "Gold Slumps 3% after jobs figures. The price of gold fell 3 percent on Friday as strong jobs figures lifted the "
     "dollar and yields. Traders said it was the worst day for prices in more than a year; silver and "
     "platinum fell too as funds cut their holdings of precious metals."),
    ("Gold has worst day in a year as Varley signals no rate cut",
     "Prices of gold fell 3 percent on Friday, their worst day in more than a year, after central bank governor "
     "Odile Varley said strong jobs figures left no room to cut rates. The dollar and bond yields rose and "
     "funds sold holdings of precious metals, traders said. Silver fell more."),
    ("Precious metals sink after Varley remarks on jobs",
     "The price of gold fell 3 percent and silver more on Friday after Odile Varley, the central bank governor, said "
     "strong jobs figures meant rates would stay high. Traders said funds sold holdings of precious metals "
     "as the dollar rose. It was the metal's worst day in more than a year."),
]  # fmt: skip

# one rise in rail fares: two briefs opening with their short headlines, two reports naming the minister
FARES: Items = [
    ("Fares Soar 6%",
     "Fares Soar 6%. Train fares will rise 6 percent in March, the largest increase in a decade, the "
     "transport ministry said on Tuesday. Season tickets for commuters will cost hundreds more a year, and "
     "passenger groups said travellers would pay more for trains that often ran late."),
    ("Fares Soar for commuters",
     "Fares Soar for commuters. Commuters face a rise of 6 percent in train fares in March, the largest in "
     "a decade, the transport ministry said on Tuesday. Passenger groups said season tickets would cost "
     "hundreds more a year for trains that often ran late."),
    ("Rail fares to rise 6% in March, Quillon confirms",
     "Transport minister Hester Quillon confirmed on Tuesday that train fares will rise 6 percent in March, "
     "the largest increase in a decade. Season tickets for commuters will cost hundreds more a year. "
     "Passenger groups said travellers would pay more for trains that often ran late."),
    ("Commuters face steep fare rise as Quillon defends it",
     "Commuters face train fares 6 percent higher from March after transport minister Hester Quillon said "
     "on Tuesday that the rise, the largest in a decade, would pay for new trains. Passenger groups said "
     "season tickets would cost hundreds more a year for services that often ran late."),
]  # fmt: skip

# the same week, other news of each subject: a gold rally on a mine strike, a rail strike
GOLD_RALLY: Items = [
    ("Gold Soars on mine strike",
     "Gold Soars on mine strike. Prices of the metal rose 2 percent on Tuesday after workers at the Tarrow "
     "Ridge mine, one of the largest, walked out over pay. The mine's owner said output would stop until the "
     "strike ended; traders bought on fears of a shortage."),
    ("Strike at Tarrow Ridge mine lifts gold prices",
     "Gold prices rose 2 percent on Tuesday as workers at the Tarrow Ridge mine walked out over pay and its "
     "owner halted output. Traders said fears of a shortage drove buying; the union said the strike would "
     "last until wages rose."),
]  # fmt: skip
FARE_STRIKE: Items = [
    ("Train drivers walk out over pay",
     "Train drivers walked out over pay on Friday, cancelling most services into the capital. Their union, "
     "led by Ossian Brede, said the strike would last two days. Commuters crowded buses and the transport "
     "ministry urged travellers to work from home."),
    ("Brede says drivers will strike again",
     "Ossian Brede, leader of the train drivers' union, said on Friday drivers would strike again next month "
     "unless pay rose. Most services into the capital were cancelled and commuters crowded buses, while the "
     "ministry urged travellers to stay home."),
]  # fmt: skip


def test_one_gold_sell_off_told_by_briefs_and_reports_is_one_story() -> None:
    assert _groups([GOLD]) == _events([GOLD])


def test_one_fare_rise_told_by_briefs_and_reports_is_one_story() -> None:
    assert _groups([FARES]) == _events([FARES])


def test_what_the_rule_prevents() -> None:
    """Without the running-text test, the briefs' "Slumps" / "Soar" are distinctive names and places splits them."""
    from claimcheck.stories import index

    real = index._running
    try:
        # every capitalised word read as running text: the names as before (titles and sentence openers too)
        def every(*args: object) -> tuple[np.ndarray, np.ndarray]:
            codes = args[1]
            assert isinstance(codes, np.ndarray)
            return codes[codes >= 0], codes[codes >= 0]

        index._running = every  # type: ignore[assignment]
        assert len(_groups([GOLD])) > 1 and len(_groups([FARES])) > 1
    finally:
        index._running = real
    assert len(_groups([GOLD], StoryOptions(places=False))) == 1


def test_one_subjects_two_events_the_same_week_stay_apart() -> None:
    gold = [GOLD, [(t, x) for t, x in GOLD_RALLY]]
    fares = [FARES, FARE_STRIKE]
    assert _groups(gold) == _events(gold)
    assert _groups(fares) == _events(fares)


def test_a_name_is_capitalised_in_running_text() -> None:
    from tests.test_stories import art

    arts = [
        art("a", "Gold Slumps 3%", "Gold Slumps 3%. The metal fell on Friday, said Odile Varley in Corlin.", 0, "a"),
        art("b", "Halvergate beats forecasts", "Halvergate Bank said profit rose. Halvergate kept its outlook.", 1, "b"),
        art("c", "Markets", "Slumps like this are rare. Quotas Rise in Corlin, officials said.", 2, "c"),
    ]
    ix = index_articles(arts, StoryOptions())
    assert ix.in_text is not None
    named = {ix.terms.vocab[t] for t in np.flatnonzero(ix.in_text)}
    assert {"odile", "varley", "corlin", "halvergate", "bank", "quota", "rise"} <= named
    assert not {"slump", "gold", "metal", "markets"} & named
    assert index_articles(arts, StoryOptions(places=False)).in_text is None

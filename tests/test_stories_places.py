"""One kind of event, the same day, in different places or of different bodies (two countries' elections the
same Sunday, quakes in three places, strikes in two countries, three banks' results one morning) are told in
the same event words: each is its own story. One event whose outlets name its place each their own way
("Lisbon", "Portugal", "Portuguese") stays one story. Fixtures are invented, in our own words (issue #13)."""

from __future__ import annotations

from collections.abc import Sequence

from claimcheck.stories import StoryOptions, group
from tests.test_stories import art, sample, unrelated

Items = list[tuple[str, str]]

# one election told by five outlets, which name its country each their own way
PORTUGAL: Items = [
    ("Portugal votes in snap parliamentary election",
     "Voters in Portugal went to the polls on Sunday in a snap parliamentary election, the third in four "
     "years. Polling stations opened at 8am and turnout by midday was higher than at the last vote. The "
     "centre-right alliance led the final opinion polls. Results are expected late in the evening."),
    ("Centre-right ahead as Portuguese polls close",
     "Exit polls gave the centre-right alliance a clear lead as polls closed in the Portuguese election on "
     "Sunday. The Socialists were in second place and the far-right party third. The alliance's leader, "
     "Rui Salgado, told supporters to wait for the final count. Turnout was the highest in a decade."),
    ("Lisbon: centre-right claims victory in election",
     "The centre-right alliance claimed victory in Sunday's parliamentary election in Lisbon late on "
     "Sunday night. Rui Salgado said voters had chosen stability after two years of crisis. The Socialist "
     "leader conceded defeat. The alliance falls short of a majority in parliament."),
    ("Portuguese voters hand centre-right a win but no majority",
     "Portuguese voters gave the centre-right alliance the most seats in Sunday's election but left it "
     "short of a majority. Salgado will need the support of smaller parties to govern. The far-right "
     "party doubled its seats. The president is to meet party leaders this week."),
    ("Salgado's alliance wins vote, far-right surges",
     "Rui Salgado's centre-right alliance won the parliamentary election in Portugal on Sunday, while the "
     "far-right party surged to its best result. Turnout rose to 64 percent. Salgado told a crowd in "
     "Lisbon that he would seek a stable government."),
]  # fmt: skip
ROMANIA: Items = [
    ("Romania votes in parliamentary election",
     "Voters in Romania went to the polls on Sunday in a parliamentary election. Polling stations opened "
     "at 7am and turnout by midday was lower than at the last vote. The governing Social Democrats led "
     "the final opinion polls. Results are expected late in the evening."),
    ("Social Democrats ahead as Romanian polls close",
     "Exit polls gave the Social Democrats a narrow lead as polls closed in Romania's election on Sunday. "
     "A nationalist party was in second place. Party leader Mihai Dobrescu told supporters in Bucharest "
     "to wait for the final count. Turnout was below half of voters."),
    ("Bucharest: nationalists surge in Romania election",
     "A nationalist party surged in Sunday's parliamentary election in Romania, exit polls showed late on "
     "Sunday. The Social Democrats kept first place but lost seats. Dobrescu said his party would talk to "
     "the liberals in Bucharest about a coalition."),
]  # fmt: skip

# three earthquakes the same day in three places
QUAKES: list[Items] = [
    [("Magnitude 5.8 earthquake shakes eastern Turkey",
      "A magnitude 5.8 earthquake struck eastern Turkey on Tuesday morning, damaging houses in the province "
      "of Malatya. The disaster agency said the quake was centred at a depth of 10 kilometres. Residents "
      "ran into the streets. There were no reports of deaths."),
     ("Quake damages homes in Malatya",
      "Several old houses collapsed in Malatya after a strong earthquake on Tuesday, Turkish officials said. "
      "The tremor was felt in neighbouring provinces. Rescue teams searched the rubble and found no one "
      "trapped. Schools in the province were closed for the day."),
     ("Turkey: strong tremor hits Malatya province",
      "A strong tremor hit Malatya province in Turkey on Tuesday. The disaster agency put its magnitude at "
      "5.8. Officials said 14 people were treated for light injuries. Aftershocks continued through the "
      "morning.")],
    [("Earthquake rattles Greek island of Kos",
      "An earthquake of magnitude 4.9 rattled the Greek island of Kos on Tuesday, cracking walls in the old "
      "town. The quake was centred at sea north of the island, seismologists said. Tourists left their "
      "hotels for a few hours. There were no injuries."),
     ("Kos shaken by quake, walls cracked in harbour town",
      "A quake shook Kos on Tuesday and cracked walls in the harbour town, Greek officials said. The "
      "tremor was felt on nearby islands. Ferries to Kos ran as normal. Engineers inspected the castle for "
      "damage.")],
    [("Earthquake felt across Cyprus",
      "An earthquake of magnitude 4.6 was felt across Cyprus on Tuesday, the geological survey said. The "
      "quake was centred off the coast near Paphos. Residents of Limassol said buildings swayed for several "
      "seconds. No damage was reported."),
     ("Paphos residents rattled by tremor",
      "A tremor off the coast of Paphos rattled residents on Tuesday, the geological survey of Cyprus said. "
      "The quake lasted several seconds. Police said no damage or injuries were reported.")],
]  # fmt: skip

# a port strike in the Netherlands and a rail strike in France, the same day
STRIKES: list[Items] = [
    [("Rotterdam port workers strike over pay",
      "Dockworkers at the port of Rotterdam went on strike on Thursday over pay, halting container "
      "terminals. The union said the strike would last 48 hours. Ships queued at anchor off the coast. "
      "Employers called the walkout irresponsible."),
     ("Dutch dock strike halts Rotterdam terminals",
      "A strike by dockworkers halted the container terminals of Rotterdam on Thursday. The union wants a "
      "pay rise in line with inflation. Shipping lines warned of delays to cargo across Europe. Talks with "
      "employers broke down last week."),
     ("Strike at Rotterdam port enters first day",
      "The strike at the port of Rotterdam began on Thursday with pickets at the gates of the terminals. "
      "Union leaders said workers had lost patience with employers over pay. The port authority said about "
      "twenty ships were waiting.")],
    [("French rail workers strike over pensions",
      "Rail workers in France went on strike on Thursday over pension changes, cancelling most trains. The "
      "SNCF said only one high-speed train in three would run. Commuters in Paris faced crowded platforms. "
      "Unions said the strike would last 48 hours."),
     ("Rail strike cancels trains across France",
      "A strike by rail workers cancelled trains across France on Thursday. The unions oppose the pension "
      "changes the government plans. The SNCF advised passengers to postpone their journeys. Talks with "
      "the transport minister broke down last week."),
     ("Paris commuters stranded as rail strike begins",
      "Commuters in Paris were stranded on Thursday as a rail strike began over pensions. Union leaders "
      "said workers had lost patience with the government. The SNCF said regional lines were worst hit.")],
]  # fmt: skip

# three banks' quarterly results the same morning
BANKS: list[Items] = [
    [("Halvergate Bank profit rises in third quarter",
      "Halvergate Bank said on Wednesday its third-quarter profit rose, helped by higher interest income. "
      "The bank's shares rose in early trading. Chief executive Nora Quist said lending grew in every "
      "region. Analysts had expected a smaller rise."),
     ("Halvergate beats forecasts on lending income",
      "Halvergate beat analysts' forecasts for the third quarter on Wednesday as its lending income grew. "
      "Quist said the bank would raise its dividend. Costs were flat from a year earlier.")],
    [("Corven Bank profit falls on bad loans",
      "Corven Bank reported a fall in third-quarter profit on Wednesday as it set aside more money for bad "
      "loans. The bank's shares fell in early trading. Chief executive Paul Ebbers said the bank remained "
      "strong. Analysts had expected a smaller fall."),
     ("Corven shares slide after quarterly results",
      "Shares in Corven slid on Wednesday after the bank said its third-quarter profit fell on provisions "
      "for bad loans. Ebbers said costs would be cut next year. Its trading income rose.")],
    [("Estwick Bank profit steady in third quarter",
      "Estwick Bank said on Wednesday its third-quarter profit was steady from a year earlier. Higher "
      "interest income made up for weaker fees. The bank's shares were little changed in early trading. "
      "Chief executive Ines Marlowe said mortgage lending picked up."),
     ("Estwick keeps outlook after quarterly results",
      "Estwick kept its outlook for the year on Wednesday after third-quarter profit held steady. Marlowe "
      "said the bank expected interest income to peak soon. Analysts had expected a small fall.")],
]  # fmt: skip


def _groups(events: Sequence[Items], options: StoryOptions | None = None) -> list[list[int]]:
    """Group the events' articles (each told by its own outlets, the same day) among the sample and other news:
    the stories as lists of (event, article) numbers, event k's articles numbered from 10 * k."""
    ours, labels = [], []
    for e, items in enumerate(events):
        for k, (t, x) in enumerate(items):
            ours.append(art(f"p{e}-{k}", t, x, (k + e) / 3, f"place-{e}-{k}"))
            labels.append(10 * e + k)
    arts = [*sample(), *ours, *unrelated(300)]
    start = len(sample())
    out = []
    for g in group(arts, options):
        got = [labels[i - start] for i in g if start <= i < start + len(ours)]
        if got:
            out.append(sorted(got))
    return sorted(out)


def _events(events: Sequence[Items]) -> list[list[int]]:
    return sorted([10 * e + k for k in range(len(items))] for e, items in enumerate(events))


def test_one_election_named_each_outlets_own_way_stays_one_story() -> None:
    assert _groups([PORTUGAL]) == _events([PORTUGAL])


def test_two_countries_elections_the_same_sunday_are_two_stories() -> None:
    assert _groups([PORTUGAL, ROMANIA]) == _events([PORTUGAL, ROMANIA])


def test_three_quakes_the_same_day_are_three_stories() -> None:
    assert _groups(QUAKES) == _events(QUAKES)


def test_two_strikes_in_two_countries_are_two_stories() -> None:
    assert _groups(STRIKES) == _events(STRIKES)


def test_three_banks_results_the_same_morning_are_three_stories() -> None:
    assert _groups(BANKS) == _events(BANKS)


def test_what_the_rule_prevents() -> None:
    off = StoryOptions(places=False)
    assert _groups([PORTUGAL, ROMANIA], off) == [[0, 1, 2, 3, 4, 10, 11, 12]]
    assert len(_groups(QUAKES, off)) < 3 and len(_groups(BANKS, off)) < 3


def test_a_title_that_capitalises_its_words_gives_no_distinctive_name() -> None:
    from claimcheck.stories.index import _headline_case

    assert _headline_case("Copper Prices Slide to Two-Year Low on Weak Demand")
    assert _headline_case("Ferry Operator Cancels Sailings After Storm Warning")
    assert not _headline_case("Ferry operator cancels sailings to Kelso after storm warning")
    assert not _headline_case("Kelso Ferry")  # too few words to tell

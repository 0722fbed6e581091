"""A name written as two words is one shared thing (StoryOptions.name_once; links._too_few): two pieces that
share only a city's or a person's two-word name ("Port Hallam", "Mira Solberg") share fewer than
``min_shared`` terms, however heavy the name, and stay two stories; two reports of one event share the name
and what happened, and stay one. Fixtures are invented, in our own words."""

from __future__ import annotations

from dataclasses import replace

from claimcheck.models import Article
from claimcheck.stories import StoryOptions, group
from tests.test_stories import art, sample, unrelated

# a city in the news: a court jails a union organiser, and three days later a magazine reviews a new hotel
CITY = [
    ("Port Hallam court jails dock union organiser",
     "A court in Port Hallam sentenced the dock union organiser Teodor Vance to four years in prison for "
     "leading a blockade that closed the container terminal for nine days. Prosecutors said the blockade "
     "cost shippers in Port Hallam millions and stranded perishable cargo. His lawyers called the sentence a warning to "
     "every worker who strikes and said they would appeal. Supporters sang outside while the judge read the "
     "verdict, and the union called a one-day stoppage for the following week."),
    ("Review: a quiet harbour suite in Port Hallam",
     "The new Saltmarsh hotel in Port Hallam has twenty rooms above a converted rope works, each with oak "
     "floors, deep baths and a view across the estuary. Breakfast comes to the room on a tray of smoked fish, "
     "warm rolls and plum jam. The spa is small but calm, the staff remember names, and the rooftop bar serves "
     "cocktails made with local gin. It is the best reason yet to spend a weekend in Port Hallam."),
]  # fmt: skip
# a singer in the news: a concert review, and three days later a tax ruling against her company
SINGER = [
    ("Mira Solberg dazzles at the arena",
     "Mira Solberg opened her tour with a two-hour set that mixed the ballads of her first album with louder "
     "songs from the new record. The stage turned into a frozen lake for the encore, and the crowd of twelve "
     "thousand sang every chorus. Her band, a string quartet and two drummers, kept the tempo high; only the "
     "sound of the quieter numbers was muddy in the upper seats. The tour moves north next week."),
    ("Tax tribunal rules against Mira Solberg's publishing firm",
     "A tax tribunal ruled that the publishing company owned by Mira Solberg must pay back duties on royalties "
     "it routed through an offshore subsidiary for six years. The judges found that the subsidiary had no staff "
     "and no office, and that its only purpose was to lower the bill. The firm's accountants said they had "
     "followed advice from the ministry at the time and were studying an appeal to the supreme court."),
]  # fmt: skip
# one event told by two outlets three days apart: a storm floods Port Hallam's old town, then the clean-up
STORM = [
    ("Storm floods Port Hallam old town",
     "A storm surge flooded the old town of Port Hallam overnight, filling cellars and shops along the quay "
     "with seawater. Firefighters rescued forty residents by boat and the mayor opened the sports hall as a "
     "shelter. The harbour wall gave way in two places, and the storm tore roofs from warehouses on the quay. "
     "Forecasters said the surge was the highest in thirty years."),
    ("Port Hallam counts the cost of storm surge",
     "Shopkeepers in the old town of Port Hallam began pumping seawater from their cellars as the mayor "
     "asked the government for emergency funds after the storm surge. Engineers inspected the two breaches in "
     "the harbour wall, and forty residents rescued by boat were still in the sports hall shelter. Insurers "
     "said the surge damaged most shops on the quay."),
]  # fmt: skip
# the names are in other news of the window too (weeks before): they are no two pieces' own
BACKGROUND = [
    ("Port Hallam ferry timetable changes", "Port Hallam will have fewer ferries this winter."),
    ("Port Hallam council elects a mayor", "The council of Port Hallam chose a new mayor."),
    ("Mira Solberg announces a tour", "Mira Solberg will play twenty cities this spring."),
    ("Mira Solberg wins a music award", "Mira Solberg won the prize for the album of the year."),
]  # fmt: skip

OFF = StoryOptions(name_once=False, long_few=0, long_one=False)  # long_few: two long pieces sharing three terms or fewer
# are judged by their heaviest too (tests/test_stories_long_few.py), which keeps these pairs apart as well


def _together(items: list[tuple[str, str]], options: StoryOptions | None = None, days: float = 3) -> bool:
    return together(items, BACKGROUND, options, days)


def together(
    items: list[tuple[str, str]], background: list[tuple[str, str]], options: StoryOptions | None, days: float
) -> bool:
    """Whether the two pieces (two outlets, ``days`` apart) end in one story, among the names' earlier news
    (``background``, weeks before), sample news and 300 articles of other news."""
    ours = [art(f"outlet{k}", t, x, 24 * days * k, f"piece-{k}") for k, (t, x) in enumerate(items)]
    more = [art(f"b{k}", t, x, -24 * (20 + k), f"bg-{k}") for k, (t, x) in enumerate(background)]
    arts: list[Article] = [*sample(), *more, *ours, *unrelated(300)]
    idx = {arts.index(a) for a in ours}
    return any(idx <= set(g) for g in group(arts, options))


def test_two_pieces_sharing_only_a_two_word_name_stay_two() -> None:
    assert not _together(CITY)
    assert _together(CITY, OFF)  # what the rule prevents: the city's two words count as two shared terms
    assert not _together(SINGER)
    assert _together(SINGER, OFF)


def test_two_reports_of_one_event_sharing_the_name_stay_one() -> None:
    assert _together(STORM)
    assert _together(STORM, OFF)
    assert _together(STORM, days=0.2)


def test_the_rule_counts_the_name_once_not_fewer() -> None:
    # with min_shared 1 the name counted once is enough: the rule lowers the count by one, it does not refuse
    assert _together(CITY, StoryOptions(min_shared=1, long_few=0, long_one=False))
    assert _together(CITY, replace(StoryOptions(), min_shared=1, name_once=False, long_few=0, long_one=False))

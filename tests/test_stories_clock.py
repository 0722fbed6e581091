"""Short texts on their own clock (StoryOptions.short_half_life): feed entries days apart that share only a
subject's words (a storm season) are not one story; short reports of one development the same day are, and
so is one event told over a week in its own names (tests/test_stories_days.py). Fixtures are invented
and written in our own words."""

from __future__ import annotations

from claimcheck.stories import StoryOptions, group
from tests.test_stories import art, sample, unrelated

# A winter games over two weeks: each day's entry is another event (another sport, another winner), told in the
# subject's words ("Winter Games", "Nordhavn", "gold", "medal"), and day 4's event is told three times, the
# same day.
ATHLETES = ["Maren Toft", "Ilo Brask", "Sade Kuru", "Pell Ostrin", "Vida Lunn", "Tomas Erve", "Anje Holt",
            "Rik Sallo", "Ona Pietro", "Kai Venter", "Lise Marr", "Dov Arkel", "Emi Tarso", "Jorn Wael"]  # fmt: skip
SPORTS = ["slalom", "biathlon", "luge", "curling", "ski jumping", "bobsleigh", "moguls", "speed skating",
          "skeleton", "halfpipe", "downhill", "cross-country sprint", "figure skating", "snowboard cross"]  # fmt: skip
DAY4 = [  # one development, three outlets, the same day
    ("Ilo Brask takes biathlon gold at Nordhavn Winter Games",
     "Ilo Brask won the men's biathlon at the Nordhavn Winter Games on Tuesday, hitting all twenty targets."),
    ("Biathlete Brask shoots clean to win gold in Nordhavn",
     "Ilo Brask missed no target in the biathlon and took gold at the Winter Games in Nordhavn on Tuesday."),
    ("Clean shooting gives Brask Winter Games biathlon title",
     "Ilo Brask hit every target to win the biathlon gold medal at the Nordhavn Winter Games on Tuesday."),
]  # fmt: skip

# A storm season on one coast: each storm is its own event, days apart, told in the season's words.
STORMS = ["Ada", "Bram", "Cora", "Dirk", "Edda", "Finn", "Greta", "Hugo", "Ines", "Joost", "Kira", "Lars",
          "Mira", "Nils"]  # fmt: skip
TOWNS = ["Saltby", "Wenmouth", "Kerrow", "Darnholm", "Pellis", "Ostra", "Brevik", "Tallin Point", "Morrick",
         "Vossa", "Hale Bay", "Quill", "Rendham", "Lorne"]  # fmt: skip


GAMES_TEMPLATES = [
    ("{who} wins {sport} gold at Nordhavn Winter Games", "{who} took the {sport} title at the Games in Nordhavn."),
    ("{sport} final: {who} edges out rivals", "At the Winter Games, {who} finished first in the {sport}."),
    ("Home crowd cheers as {who} claims {sport} crown", "{who} won the {sport} at the Nordhavn Games."),
    ("{who} storms to Winter Games victory in {sport}", "A late surge gave {who} the {sport} gold medal."),
]  # fmt: skip


def _games() -> list[tuple[float, str, str, str]]:
    out = []
    for day, (who, sport) in enumerate(zip(ATHLETES, SPORTS, strict=True)):
        if day == 4:
            out += [(24 * day + k, f"g4-{k}", t, x) for k, (t, x) in enumerate(DAY4)]
            continue
        title, text = GAMES_TEMPLATES[day % len(GAMES_TEMPLATES)]
        out.append((24 * day, f"g{day}", title.format(who=who, sport=sport), text.format(who=who, sport=sport)))
    return out


def _storms() -> list[tuple[float, str, str, str]]:
    return [
        (96 * k, f"w{k}", f"Storm {name} lashes the coast at {town}",
         f"Storm {name} brought high winds and flooding to {town} on the north coast, the weather service said.")
        for k, (name, town) in enumerate(zip(STORMS, TOWNS, strict=True))
    ]  # fmt: skip


def _stories(items: list[tuple[float, str, str, str]], options: StoryOptions | None = None) -> dict[str, int]:
    """Each item's slug -> its story, grouped among the sample stories and 300 articles of other news."""
    ours = [art(f"o{k % 7}", t, x, h, slug) for k, (h, slug, t, x) in enumerate(items)]
    arts = [*sample(), *ours, *unrelated(300)]
    story = {i: k for k, g in enumerate(group(arts, options)) for i in g}
    return {a.url.rsplit("/", 1)[-1]: story[arts.index(a)] for a in ours}


def _largest(story: dict[str, int]) -> int:
    return max(list(story.values()).count(s) for s in set(story.values()))


def test_short_reports_of_one_development_the_same_day_stay_one_story() -> None:
    story = _stories(_games())
    assert story["g4-0"] == story["g4-1"] == story["g4-2"]
    without = _stories(_games(), StoryOptions(short_half_life=0))
    assert without["g4-0"] == without["g4-1"] == without["g4-2"]


def test_short_entries_of_a_storm_season_days_apart_are_not_one_story() -> None:
    """Fourteen storms four days apart, each told in the season's words ("storm", "coast", "winds", "flooding")
    and its own name and town: one story of 52 days without the clock; with it, none of more than two storms."""
    assert _largest(_stories(_storms(), StoryOptions(short_half_life=0))) == len(STORMS)
    assert _largest(_stories(_storms())) <= 2


def test_long_articles_keep_their_own_clock() -> None:
    """The same entries told at length (over short_words words) are judged as before: no short clock."""
    padded = [(h, s, t, x + " " + " ".join(["It was the latest event of a busy fortnight."] * 12))
              for h, s, t, x in _games()]  # fmt: skip
    assert _stories(padded) == _stories(padded, StoryOptions(short_half_life=0))

"""A story corpus shaped like real news for bench/stories.py: distinct stories of uneven size, each outlet
writing its own copy, and a few wire copies.

bench/corpus.py writes every article of a story from the same sentences (its matcher benches need the same
claims across outlets): two articles of one story there share about 40% of their word 5-grams, and its place
names repeat beyond 576 stories, so two stories of one kind and place are the same text. Real stories share
far less. On the 39 tuning events of ../shared/realdata/news-clusters (measured on their sizes and overlap
only, no text taken): texts of 1,600 / 2,800 / 4,600 characters (quartiles), two outlets' articles of one
event share 0.3% of their 5-grams at the median and 12% at the 90th percentile, and 3.5% of the articles are
near-duplicates of another outlet's (containment >= 0.6). This generator aims at those figures: every story
has its own place, people, organisation and figures; each article phrases each fact its own way (one of
several phrasings, in its own order) and quotes the story's speakers verbatim (quotes are what real copies
share); about 4% of articles are a wire agency's copy with its dateline.

Everything is invented and deterministic for a seed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from bench.corpus import _FIRST, _KINDS, _LAST, _ROLES, _SYL, EPOCH, OutletInfo

_ORGS = [
    "Council",
    "Authority",
    "Ministry",
    "Agency",
    "Commission",
    "Board",
    "Office",
    "Service",
    "Institute",
]
_SAID = ["said", "told reporters", "said in a statement", "wrote on social media", "said on Tuesday",
         "told a news conference", "said late on Monday", "told local radio"]  # fmt: skip
_NUMBER = [
    "{officials} said {n} {unit} {pred} in {place}.",
    "In {place}, {n} {unit} {pred}, {officials} {said}.",
    "At least {n} {unit} {pred}, according to {org}.",
    "{org} put the figure at {n} {unit}, up from an earlier estimate.",
    "The count of {unit} rose to {n} by {weekday}, {officials} {said}.",
    "{n_cap} {unit} {pred}, {org} confirmed.",
]
_TITLE = [
    "{title}",
    "{place}: {n} {unit} {pred}",
    "{person} on {place}: '{quote_head}'",
    "What we know so far about events in {place}",
    "{org} responds as {place} counts the cost",
    "{place} latest: {org} under pressure",
]
_BACKGROUND = [
    "{place} has a population of about {k},000 and lies {m} kilometres from the capital.",
    "{person} has led {org} since {year}.",
    "The last time {place} faced anything similar was in {year}, residents recalled.",
    "{org} is expected to publish a fuller account within {m} days.",
    "Critics of {org} said warnings had been ignored for years.",
    "{person} is due to visit {place} on {weekday}.",
    "Opposition members called for an inquiry into the response of {org}.",
    "Local newspapers in {place} devoted their front pages to the story on {weekday}.",
    "Aid groups said they had sent teams to {place} and neighbouring districts.",
    "The regional assembly will debate the matter on {weekday}, its speaker said.",
]
# background sentences are chains of short slots, each picked from its own list, so that two articles
# rarely share five words in a row unless they quote the same person (as real copy does)
_CHAIN = [
    ["Residents", "Shop owners", "Teachers", "Local officials", "Doctors", "Farmers", "Students", "Volunteers",
     "Pensioners", "Taxi drivers", "Nurses", "Engineers", "Parents", "Council workers"],
    ["in {place}", "across the region", "near the centre", "on the outskirts", "in nearby villages",
     "along the coast", "in the old town", "north of {place}", "in the suburbs"],
    ["said", "told us", "complained", "reported", "insisted", "noted", "feared", "hoped", "warned", "agreed"],
    ["the roads", "power lines", "water supplies", "the schools", "local markets", "the clinics", "bus routes",
     "phone networks", "the ferries", "two bridges", "the hospital", "rail links", "the bakeries"],
    ["were", "had been", "remained", "would be", "could soon be", "might stay", "seemed", "looked"],
    ["closed", "damaged", "overwhelmed", "back to normal", "running late", "under review", "reopened",
     "half empty", "short of staff", "busier than usual", "out of action"],
    ["on {weekday}", "for days", "since the weekend", "by the evening", "until further notice", "this week",
     "at least until {weekday}", "for {m} hours", "before dawn", "after midday"],
]  # fmt: skip
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# story sizes (articles) and their weights: most stories are covered by a few outlets, a few by dozens
_SIZES = [(1, 30), (2, 14), (3, 10), (4, 8), (6, 8), (8, 7), (12, 7), (20, 6), (35, 5), (60, 3), (100, 2)]


def unique_place(i: int) -> str:
    """An invented place name, different for every ``i`` (base-24 syllables)."""
    parts = []
    i += 24 * 24  # at least three syllables
    while i:
        i, r = divmod(i, len(_SYL))
        parts.append(_SYL[(r * 7 + len(parts) * 5) % len(_SYL)])
    return "".join(parts).capitalize()


@dataclass(frozen=True)
class RealisticStory:
    id: int
    kind: int
    place: str
    org: str
    people: tuple[tuple[str, str], ...]  # (name, role)
    numbers: tuple[tuple[int, str, str], ...]  # (value, unit, predicate)
    statements: tuple[str, ...]
    quotes: tuple[str, ...]
    day: datetime
    size: int


def make_realistic_stories(n_articles: int, seed: int = 1) -> list[RealisticStory]:
    """Stories whose sizes add up to at least ``n_articles``, spread over 60 days."""
    rng = random.Random(seed * 104729 + 7)
    sizes, weights = zip(*_SIZES, strict=True)
    out: list[RealisticStory] = []
    total = 0
    while total < n_articles:
        i = len(out)
        _, title, nums, stmts, quotes = _KINDS[i % len(_KINDS)]
        place = unique_place(i)
        size = rng.choices(sizes, weights)[0]
        people = tuple(
            (f"{rng.choice(_FIRST)} {rng.choice(_LAST)}{rng.choice(_SYL)}", rng.choice(_ROLES))
            for _ in range(3)
        )
        out.append(
            RealisticStory(
                id=i,
                kind=i % len(_KINDS),
                place=place,
                org=f"the {place} {rng.choice(_ORGS)}",
                people=people,
                numbers=tuple((rng.randint(lo, hi), unit, pred) for unit, pred, lo, hi in nums),
                statements=tuple(s.format(place=place) for s in stmts),
                quotes=tuple(q.format(place=place) for q in quotes),
                day=EPOCH + timedelta(hours=rng.randint(0, 24 * 60)),
                size=size,
            )
        )
        total += size
    return out


@dataclass
class RealisticArticle:
    story: RealisticStory
    outlet: OutletInfo
    title: str
    text: str
    author: str
    published: datetime
    wire_copy: bool = False


def _fields(story: RealisticStory, rng: random.Random) -> dict[str, object]:
    value, unit, pred = rng.choice(story.numbers)
    person, _ = rng.choice(story.people)
    return {
        "place": story.place,
        "org": story.org,
        "Org": story.org[0].upper() + story.org[1:],
        "person": person,
        "n": f"{value:,}",
        "n_cap": f"{value:,}",
        "unit": unit,
        "pred": pred,
        "officials": rng.choice(["officials", "the authorities", "local officials", "a spokesperson"]),
        "said": rng.choice(_SAID),
        "weekday": rng.choice(_WEEKDAYS),
        "year": rng.randint(1990, 2024),
        "k": rng.randint(5, 900),
        "m": rng.randint(3, 400),
        "title": _KINDS[story.kind][1].format(place=story.place),
        "quote_head": " ".join(rng.choice(story.quotes).split()[:6]),
    }


def _sentence(template: str, story: RealisticStory, rng: random.Random) -> str:
    s = template.format(**_fields(story, rng))
    return s[0].upper() + s[1:]


def write_realistic(
    story: RealisticStory, outlet: OutletInfo, rng: random.Random, published: datetime
) -> RealisticArticle:
    """One outlet's own article on the story: its headline, its phrasing and order of the facts, a quote or
    two verbatim, background of its own."""
    parts = [_sentence(rng.choice(_NUMBER), story, rng) for _ in range(rng.randint(1, 3))]
    for name, role in rng.sample(story.people, rng.randint(1, 2)):
        quote = rng.choice(story.quotes)
        parts.append(f"\u201c{quote[0].upper()}{quote[1:]},\u201d {name}, {role}, {rng.choice(_SAID)}.")
    parts += [s for s in story.statements if rng.random() < 0.3]
    parts += [_sentence(t, story, rng) for t in rng.sample(_BACKGROUND, rng.randint(1, 3))]
    for _ in range(rng.randint(10, 40)):
        chain = [rng.choice(slot) for slot in _CHAIN]
        parts.append(_sentence(" ".join(chain) + ".", story, rng))
    rng.shuffle(parts)
    paragraphs = [" ".join(parts[k : k + 2]) for k in range(0, len(parts), 2)]
    author = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    return RealisticArticle(story, outlet, _sentence(rng.choice(_TITLE), story, rng), "\n".join(paragraphs),
                            author, published)  # fmt: skip


def iter_realistic(outlets: list[OutletInfo], n_articles: int, seed: int = 1) -> Iterator[RealisticArticle]:
    """``n_articles`` articles: story by story, each article by another outlet where there are enough (an
    outlet's follow-ups otherwise); a few per cent are a wire's copy (its text, its dateline, a trimmed ending)."""
    rng = random.Random(f"realistic/{seed}")
    wires = [o for o in outlets if o.wire]
    made = 0
    for story in make_realistic_stories(n_articles, seed):
        written: list[RealisticArticle] = []
        order = rng.sample(outlets, len(outlets))
        for k in range(story.size):
            if made == n_articles:
                return
            outlet = order[k % len(order)]
            published = story.day + timedelta(minutes=rng.randint(5, 72 * 60))
            wire_text = [a for a in written if a.outlet.wire]
            if wire_text and not outlet.wire and rng.random() < 0.06:
                src = rng.choice(wire_text)
                lines = src.text.split("\n")
                keep = lines[: max(1, len(lines) - rng.randint(0, 2))]
                alias = src.outlet.aliases[0] if src.outlet.aliases else src.outlet.name
                text = f"{story.place.upper()} ({alias}) - " + "\n".join(keep)
                art = RealisticArticle(story, outlet, src.title, text, src.author, published, wire_copy=True)
            else:
                art = write_realistic(story, outlet, rng, published)
                if wires and k == 0 and story.size >= 4 and rng.random() < 0.5:
                    art = write_realistic(story, rng.choice(wires), rng, published)
            written.append(art)
            made += 1
            yield art

"""look19: what a reader saw wrong in the listings of real tuning events, fixed by general rules.

Every sentence, title and outlet here is invented for claimcheck (other kinds of news than the events read).
"""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from rich.console import Console

from claimcheck.claims import extract_claims
from claimcheck.compare import CompareOptions, compare
from claimcheck.match.facts import alias_map
from claimcheck.models import Article, Outlet
from claimcheck.render import print_table
from claimcheck.stories import list_stories
from claimcheck.stories.labels import _in_reading_order, suggested_topic

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)

# --- the suggested topic ------------------------------------------------------------------------------


def test_a_possessive_in_the_label_keeps_its_word_in_reading_order() -> None:
    """"Justin Super Timberlake" (the label said "Timberlake's Super Bowl"): a word with "'s" is its word."""
    assert _in_reading_order(["Grace", "Marathon", "Okafor"], "Grace Okafor's marathon record falls") == [
        "Grace",
        "Okafor",
        "Marathon",
    ]
    assert _in_reading_order(["budget", "Council", "Harbor"], "Harbor Council’s budget passes") == [
        "Harbor",
        "Council",
        "budget",
    ]
    # what must stay: a word the label lacks comes last, a word matched whole ("las" is not in "Atlas")
    assert _in_reading_order(["Vegas", "gunman", "Las"], "Atlas of a Las Vegas night: the gunman") == [
        "Las",
        "Vegas",
        "gunman",
    ]


def test_a_name_the_topic_would_cut_is_made_whole() -> None:
    """"Sarah Silverman Michael" (three top words cut a couple's second name): the next capitalised word of
    the label, when it is one of the story's common words written capitalised, finishes the name."""
    label = "Maria Lopez and Carla Diaz reach the doubles final"
    assert suggested_topic(["Maria", "Lopez", "Carla"], ["Diaz", "doubles"], label) == "Maria Lopez Carla Diaz"
    assert (
        suggested_topic(["Harbor", "ferry", "strike"], ["Bay", "Authority"], "Harbor Bay Authority ferry strike ends")
        == "Harbor Bay Authority ferry strike"
    )
    # what must stay: a title-case label capitalises every word; a common word written lower case in the texts
    # is no part of a name ("Council Approves" is not a name), and a word already there is not added twice
    assert (
        suggested_topic(["Council", "budget", "harbor"], ["approves"], "Council Approves Budget for Harbor")
        == "Council budget harbor"
    )
    assert suggested_topic(["Rovers", "Cup", "final"], ["Cup"], "Rovers Cup final tonight") == "Rovers Cup final"
    # no common word to finish it: unchanged, and at most two words are added
    assert suggested_topic(["quake", "Japan", "tsunami"], [], "Japan counts the cost") == "Japan quake tsunami"
    assert (
        suggested_topic(["Anna"], ["Maria", "Luisa", "Costa"], "Anna Maria Luisa Costa wins")
        == "Anna Maria Luisa"
    )


def _art(outlet: str, title: str, text: str, hours: float, slug: str) -> Article:
    url = f"https://{outlet}.example/{slug}"
    return Article(outlet, url, url, title, text, slug, T0, published=T0 + timedelta(hours=hours))


def test_a_listed_story_topic_keeps_a_two_word_name_whole() -> None:
    """End to end: a tennis story whose two players' names are the story's words."""
    outlets = {f"o{i}": Outlet(f"o{i}", f"Outlet {i}") for i in range(1, 4)}
    texts = [
        ("Maria Lopez and Carla Diaz reach doubles final",
         "Maria Lopez and Carla Diaz beat the top seeds to reach the doubles final in Porto on Sunday."),
        ("Lopez and Diaz into Porto doubles final",
         "Maria Lopez and Carla Diaz will play for the doubles title after a three-set semi-final in Porto."),
        ("Maria Lopez, Carla Diaz through to final",
         "Maria Lopez and Carla Diaz saved two match points before reaching the final in Porto."),
    ]  # fmt: skip
    arts = [_art(f"o{k + 1}", t, x, k, f"tennis-{k}") for k, (t, x) in enumerate(texts)]
    result = list_stories(arts, outlets, min_outlets=2, generated_at=T0 + timedelta(days=1))
    assert len(result.stories) == 1
    words = result.stories[0].topic.split()
    assert "Carla" not in words or "Diaz" in words
    assert "Maria" not in words or "Lopez" in words


# --- the terminal tables ------------------------------------------------------------------------------


LONG = {
    "ledger": Outlet("ledger", "www.riversideledger.example"),
    "courier": Outlet("courier", "www.northcountycourier.example"),
    "post": Outlet("post", "www.valleypost.example"),
}


def _claimed(outlet: str, text: str, hours: float) -> Article:
    url = f"http://127.0.0.1/{outlet}/1.html"
    claims = tuple(extract_claims(text, alias_map(LONG)))
    return Article(
        outlet, url, url, "Mill fire", text, outlet, T0, published=T0 + timedelta(hours=hours), claims=claims
    )


def _fire() -> object:
    arts = [
        _claimed("ledger", "Firefighters said 14 families were moved out of the old mill flats on Tuesday.", 0),
        _claimed("courier", "The fire service said 14 families were moved out of the mill flats overnight.", 1),
        _claimed("post", "Officials said 14 families had been moved from the mill flats after the blaze.", 2),
    ]
    return compare("mill fire", arts, LONG, CompareOptions(min_outlets=2), generated_at=T0 + timedelta(days=1))


def test_an_outlet_name_is_not_broken_in_the_reported_by_column_at_80_columns() -> None:
    """At 80 columns "www.washingtonpost.com," folded into "www.washingtonpost.co" / "m" and a lone ",":
    the column is as wide as the longest name with its comma, the facts keep the rest."""
    result = _fire()
    assert result.facts  # type: ignore[attr-defined]
    for width in (80, 90, 120):
        buf = io.StringIO()
        print_table(result, Console(width=width, file=buf, color_system=None))  # type: ignore[arg-type]
        cells = "\n".join(
            line.split("│")[3].strip() for line in buf.getvalue().splitlines() if line.count("│") >= 5
        )
        for name in ("www.riversideledger.example", "www.northcountycourier.example"):
            assert name in cells, (width, cells)
        assert "\n," not in "\n" + cells.replace("\n\n", "\n")
        assert not any(line in {",", ", "} for line in cells.splitlines())


# --- a quote's speaker (claims/quotes.py) --------------------------------------------------------------


def _speakers(text: str) -> list[str | None]:
    return [c.speaker for c in extract_claims(text) if c.kind == "quote"]


def test_a_noun_an_infinitive_modifies_is_no_speaker() -> None:
    """"X had a simpler way to put the finding: '...'" credited the quote to "way": a noun followed at
    once by "to" and a reporting verb is what the infinitive modifies, not its subject."""
    assert _speakers(
        "At the opening, the architect had a simpler way to describe the new library: “It is a big living room.”"
    ) == [None]
    assert _speakers(
        "The committee had the chance to say that the budget was “a mistake and a waste of public money.”"
    ) == [None]
    assert _speakers("The guide offers one way to describe the trail: “Steep, muddy and worth it.”") == [None]
    # what must stay: a subject with "had to", a plural subject, a named subject of the verb
    assert _speakers("The union leader had to warn members that the strike was “the last resort.”") == ["leader"]
    assert _speakers("Six nurses described the night shift as “chaotic and unsafe for patients.”") == ["nurses"]
    assert _speakers("The ferry captain described the storm this way: “We had waves over the bridge.”") != [None]
    # an object the infinitive's subject ("allowed the museum to claim"): the museum still speaks
    assert _speakers(
        "Dropping the fee allowed the museum to claim that it is “open to every family in the city.”"
    ) == ["museum"]


# --- the values line ------------------------------------------------------------------------------------


def test_a_unit_spelt_with_a_hyphen_or_a_space_is_one_unit_in_the_values_line() -> None:
    """"values given: 3.8 billion (1 outlet), 3.8 billion light years (1)" under a row of "light-years": the
    second figure is the same unit spelt without its hyphen, and needs no unit of its own."""
    from claimcheck.render.common import values_given

    outlets = {k: Outlet(k, k.title()) for k in ("north", "south", "east")}
    texts = {
        "north": "Astronomers said the dwarf galaxy lies 2.5 million light-years from the Sun.",
        "south": "The dwarf galaxy lies 2.5 million light years from the Sun, astronomers said.",
        "east": "Astronomers said the dwarf galaxy lies about 2.5 million light-years from the Sun.",
    }
    arts = []
    for k, (oid, text) in enumerate(texts.items()):
        url = f"http://127.0.0.1/{oid}/1.html"
        claims = tuple(extract_claims(text, alias_map(outlets)))
        arts.append(
            Article(oid, url, url, "Dwarf galaxy", text, oid, T0, published=T0 + timedelta(hours=k), claims=claims)
        )
    result = compare("dwarf galaxy", arts, outlets, CompareOptions(min_outlets=2), generated_at=T0 + timedelta(days=1))
    rows = [f for f in result.facts if f.kind == "number" and len(f.outlets) == 3]
    assert rows, [f.summary for f in result.facts]
    given = values_given(rows[0])
    assert "light" not in given, given
    # what must stay: a unit of measure of its own is still named ("2,000 km (about 1,200 miles)")
    from claimcheck.render.common import _unit_key

    assert _unit_key("light-years") == _unit_key("Light years") and _unit_key("km") != _unit_key("miles")


# --- the counted thing (claims/nounphrase.py) ---------------------------------------------------------------


def _things(text: str) -> list[str | None]:
    return [c.unit for c in extract_claims(text) if c.kind == "number"]


def test_a_participle_after_an_adjective_before_a_plural_noun_is_part_of_the_counted_thing() -> None:
    """"up to 10 identical underexposed shots" counted "identical": the -ed word after an adjective was read as a
    verb; before a plural noun, with no plural before it, it modifies the noun."""
    assert _things("The new camera app merges up to 10 identical underexposed frames into one picture.") == [
        "identical underexposed frames"
    ]
    assert _things("Volunteers towed away 30 old abandoned cars from the estate.") == ["old abandoned cars"]
    # what must stay: a plural noun then a participle is the noun and its verb or role; a participle first
    assert _things("Police said 12 people arrested at the rally were later freed.") == ["people"]
    assert _things("The airline said 63,000 cancelled orders were refunded.") == ["cancelled orders"]
    assert _things("Rescuers said five children injured in the crash were stable.")[0] in {"children", "injured children"}


# --- the first outlet of a story ---------------------------------------------------------------------------


def test_a_first_stamped_with_its_day_only_ties_every_outlet_of_that_day() -> None:
    """A story's first article stamped 00:00 (its feed gives the day only) was listed as first, though another
    outlet published at 04:15 that day: "1 Jan" is not before "1 Jan, 04:15". The listing counts the outlets of
    that day ("+2"), as compare's rows do; a first with its time stays one outlet first."""
    from claimcheck.render.stories import render

    outlets = {f"o{i}": Outlet(f"o{i}", f"Outlet {i}") for i in range(1, 5)}
    texts = [
        ("Harbor ferry strike ends after nine days", "Ferry crews in Harbor Bay ended their nine-day strike."),
        ("Harbor Bay ferries sail again as strike ends", "Ferries sailed again in Harbor Bay as the strike ended."),
        ("Ferry strike in Harbor Bay over", "The ferry strike in Harbor Bay is over, crews said on Tuesday."),
        ("Harbor Bay ferry crews back at work", "Harbor Bay ferry crews went back to work after the strike."),
    ]  # fmt: skip
    day = T0.replace(hour=0)
    times = [day, day + timedelta(hours=4, minutes=15), day + timedelta(hours=11), day + timedelta(days=1, hours=2)]
    arts = [
        Article(f"o{k + 1}", u, u, t, x, f"f{k}", T0, published=times[k])
        for k, (t, x) in enumerate(texts)
        if (u := f"https://o{k + 1}.example/ferry-{k}")
    ]
    result = list_stories(arts, outlets, min_outlets=2, generated_at=T0 + timedelta(days=2))
    assert len(result.stories) == 1
    table = render(result, "table")
    assert "Outlet 1 +2" in table and "stamped with its day only" in " ".join(table.split())
    assert "(that same day: Outlet 2, Outlet 3)" in render(result, "markdown")
    # what must stay: the first with a time of day is one outlet first
    timed = [replace(a, published=a.published + timedelta(hours=3)) if a.outlet == "o1" else a for a in arts]
    table = render(list_stories(timed, outlets, min_outlets=2, generated_at=T0 + timedelta(days=2)), "table")
    assert "+N" not in " ".join(table.split()) and " +" not in table.split("\n", 1)[1]


def test_a_row_of_one_outlet_marks_no_first() -> None:
    """With --min-outlets 1 every row of one outlet read "www.example.com (first)": first of one tells nothing.
    A row of several outlets still marks its first."""
    from claimcheck.render.table import _outlets_cell

    result = _fire()
    several = [f for f in result.facts if len(f.outlets) > 1]  # type: ignore[attr-defined]
    assert several
    names = {o.id: o.name for o in result.outlets}  # type: ignore[attr-defined]
    assert "(first)" in _outlets_cell(several[0], names).plain
    alone = replace(several[0], outlets=several[0].outlets[:1], mentions=several[0].mentions[:1])
    assert "(first)" not in _outlets_cell(alone, names).plain


def test_a_name_is_finished_in_a_story_of_one_article_too_but_never_across_a_comma() -> None:
    """One article's story read "transfer million West" (its label: "... for West Bank settlements"): the
    story's next words finish the name there too; a comma ends a name ("On 2nd Attempt, Norway Launches ...")."""
    assert (
        suggested_topic(["grant", "million", "Harbor"], ["Bay", "council"], "Council approves $4 million grant for Harbor Bay pier")
        == "million grant Harbor Bay"
    )
    assert (
        suggested_topic(["Attempt", "satellite", "orbit"], ["Norway", "launch"], "On 2nd Attempt, Norway Launches Satellite Into Orbit")
        == "Attempt satellite orbit"
    )

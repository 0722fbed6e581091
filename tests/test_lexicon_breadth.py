"""Breadth of the word lists the extractor and the matcher decide by (issue #12): roles, classes of counted
people, units of measure. Sentences written here, of many kinds of news (disasters, sport, business, courts,
health, politics, science), read by the real extractor (extract_claims) and matched by match_facts.

Each addition has two outlets' phrasings of one figure that must be one row (or one claim with the right role
or unit), and a near-miss of another counted thing that must stay apart: never one row, never a conflict, never
an evolution."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from claimcheck.claims import extract_claims
from claimcheck.match.pipeline import match_facts
from claimcheck.match.rules import MatchOptions
from claimcheck.models import Article, Fact, Outlet

T0 = datetime(2026, 4, 6, 8, tzinfo=UTC)
OUTLETS = {o: Outlet(o, o.upper()) for o in ("wire", "daily", "radio")}


def _told(outlet: str, text: str, hour: int) -> Article:
    url = f"https://{outlet}.example/{hour}"
    return Article(outlet, url, url, f"{outlet} story", text, url, T0, published=T0 + timedelta(hours=hour),
                   claims=tuple(extract_claims(text)))  # fmt: skip


def number_facts(*texts: str, hours: int = 0) -> list[Fact]:
    """The number rows of one outlet per text, each ``hours`` after the one before."""
    articles = [_told(o, t, hour=h * hours) for h, (o, t) in enumerate(zip(OUTLETS, texts, strict=False))]
    return [f for f in match_facts(articles, OUTLETS, MatchOptions()) if f.kind == "number"]


def joined(*texts: str) -> bool:
    """Whether one number row carries every outlet, each outlet telling one of ``texts``."""
    return any(len(f.outlets) == len(texts) for f in number_facts(*texts))


def apart(*texts: str, hours: int = 0) -> bool:
    """Whether the texts' figures stay apart: no row of two outlets, no conflict, no evolution."""
    facts = number_facts(*texts, hours=hours)
    return all(len(f.outlets) == 1 and not f.conflicts and not f.evolving for f in facts)


def roles(text: str) -> list[object]:
    return [c.extra.get("role") for c in extract_claims(text) if c.kind == "number"]


def units(text: str) -> list[str | None]:
    return [c.unit for c in extract_claims(text) if c.kind == "number"]


# --- roles: the verbs that say what befell the counted people -------------------------------------------


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # disasters
        ("At least 23 people drowned when the ferry capsized.", "deaths"),
        ("The floods displaced 12,400 people across the province.", "displaced"),
        ("Some 3,400 residents were left homeless by the quake.", "displaced"),
        ("Coastguards rescued 117 migrants off the island on Tuesday.", "rescued"),
        ("Eleven miners were pulled alive from the flooded shaft.", "rescued"),
        ("Some 600 hikers were airlifted to safety after the storm.", "rescued"),
        ("About 8,000 villagers were ordered to evacuate as the fire spread.", "evacuated"),
        # crime and courts
        ("Police detained 214 protesters after the march.", "arrested"),
        ("Officers apprehended 19 suspects in the raid.", "arrested"),
        ("Police rounded up 86 fans after the match.", "arrested"),
        ("Nine suspects were taken into custody overnight.", "arrested"),
        ("The gunman fatally shot 6 people at the office.", "deaths"),
        ("Militants massacred 42 villagers in the raid.", "deaths"),
        ("Two climbers froze to death on the ridge.", "deaths"),
        ("Four inmates were stabbed to death in the riot.", "deaths"),
        ("Seven people were crushed to death in the stampede.", "deaths"),
        # politics and conflict
        ("The shelling maimed 14 children in the town.", "injured"),
        ("The fighting has uprooted 90,000 families in the region.", "displaced"),
    ],
)
def test_a_role_verb_gives_its_role(text: str, role: str | None) -> None:
    assert roles(text) == [role], text


def test_people_still_detained_are_held_not_arrested() -> None:
    # politics and courts: a state of being held counts prisoners, an event of detaining counts arrests
    held = [c for c in extract_claims("About 1,100 people remain detained in the country.") if c.kind == "number"]
    assert [c.extra.get("unit_role") for c in held] == ["prisoners"]
    assert roles("Police said 40 people were detained overnight.") == ["arrested"]


def test_new_role_words_leave_other_counts_alone() -> None:
    # business and politics: a verb of the list said of things, not people, gives no death
    assert roles("The council drowned 3 proposals in amendments.") == [None]
    assert roles("The firm rescued 40 brands from bankruptcy last year.") == [None]
    assert roles("The new model displaced 12 rivals from the chart.") == [None]
    # "found 31 survivors in the rubble and rescued 12": the 31 take no role of the 12 (survivors pulled from the
    # rubble are rescued by their own verb since variants22, not by the 12's)
    assert roles("Rescuers found 31 survivors in the rubble and rescued 12 others.") == [None, "rescued"]
    assert roles("Rescuers pulled 31 survivors from the rubble and rescued 12 others.") == ["rescued", "rescued"]


def test_a_figure_of_a_new_role_told_two_ways_is_one_row() -> None:
    # disasters: drowned / killed
    assert joined("At least 23 people drowned when the boat capsized off the island.",
                  "The capsizing off the island killed 23 people, the coastguard said.")  # fmt: skip
    # disasters: displaced, active and passive
    assert joined("The floods displaced 12,400 people across the province.",
                  "Some 12,400 people were displaced by the floods, officials said.")  # fmt: skip
    # crime: detained / arrested, two names of protesters
    assert joined("Police detained 214 protesters after the march.",
                  "A total of 214 demonstrators were arrested after the march.")  # fmt: skip
    # courts and crime: fatally shot / died
    assert joined("The gunman fatally shot 6 people at the office, police said.",
                  "Police said 6 people died in the office shooting.")  # fmt: skip
    # conflict: massacred / killed
    assert joined("The militia massacred 42 villagers in the raid, witnesses said.",
                  "Witnesses said 42 villagers were killed in the raid.")  # fmt: skip


def test_figures_of_two_roles_stay_apart() -> None:
    # disasters: the drowned are not the rescued, the displaced not the evacuated
    assert apart("At least 23 people drowned when the boat capsized off the island.",
                 "At least 31 people were rescued when the boat capsized off the island.")  # fmt: skip
    assert apart("The floods displaced 12,400 people, officials said.",
                 "Officials said 15,200 people were evacuated ahead of the floods.", hours=6)  # fmt: skip
    assert apart("Rescue teams have rescued 31 people so far from the collapsed building.",
                 "At least 23 people died in the collapsed building, rescue teams said.", hours=6)  # fmt: skip
    # sport and crime: one noun given two roles is two counts, never one row nor a conflict
    assert apart("Police arrested 86 fans after the match.", "Police said 86 fans were hurt after the match.")
    assert apart("Police arrested 86 fans after the match.", "Police said 94 fans were hurt after the match.")


def test_a_rising_count_of_a_new_role_is_an_update() -> None:
    for first, later in [
        ("The floods have displaced 12,400 people so far, officials said.",
         "The floods have now displaced 15,200 people, officials said."),
        ("Rescue teams have rescued 31 people from the collapsed building.",
         "Rescue teams have now rescued 44 people from the collapsed building."),
    ]:  # fmt: skip
        facts = number_facts(first, later, hours=6)
        assert len(facts) == 1 and facts[0].evolving and not facts[0].conflicts, first


# --- classes: head nouns news copy uses for the same people -------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # sport and culture: the crowd
        ("About 30,000 fans attended the concert in the park on Saturday.",
         "Organisers said 30,000 spectators attended the concert in the park."),
        # business and disasters: who works in a mine is a worker
        ("Twelve miners were trapped underground after the collapse, the company said.",
         "The company said 12 workers were trapped underground after the collapse."),
        # disasters at sea: the crew
        ("Some 40 sailors were rescued from the sinking cargo ship.",
         "Some 40 seafarers were rescued from the sinking cargo ship."),
        # transport: who rides a train
        ("The strike stranded 60 commuters at the station on Monday.",
         "The strike stranded 60 passengers at the station on Monday."),
        # education and health: who studies
        ("The school evacuated 90 pupils after the gas leak.", "The school evacuated 90 students after the gas leak."),
        # business: who watches a service
        ("The streaming service now has 20 million viewers each week.",
         "The streaming service now has 20 million subscribers."),
        # politics and conflict: paratroopers are troops
        ("The army sent 3,000 paratroopers to the border.", "The army sent 3,000 troops to the border."),
        # mountains: climbers are visitors
        ("Three climbers died on the mountain on Sunday.", "Three tourists died on the mountain on Sunday, police said."),
        # religion: who worships
        ("Some 70 worshippers were inside the church when the roof fell.",
         "Some 70 parishioners were inside the church when the roof fell."),
    ],
)  # fmt: skip
def test_one_figure_of_one_class_named_two_ways_is_one_row(first: str, second: str) -> None:
    assert joined(first, second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Some 40 sailors were rescued from the sinking ferry on Monday.",
         "Some 40 passengers were rescued from the sinking ferry on Monday."),
        ("The school evacuated 90 pupils after the gas leak.", "The school evacuated 90 teachers after the gas leak."),
        ("Twelve miners were trapped underground after the collapse.",
         "Twelve rescuers were trapped underground after the collapse."),
        ("The army sent 3,000 paratroopers to the border.", "The army sent 3,000 tanks to the border."),
        # one class, two figures: never a conflict
        ("About 30,000 fans watched the final in the stadium.", "About 34,000 spectators watched the final in the stadium."),
    ],
)  # fmt: skip
def test_figures_of_two_classes_stay_apart(first: str, second: str) -> None:
    assert apart(first, second)


def test_a_convict_is_a_prisoner_and_three_of_the_crew_a_part() -> None:
    from claimcheck.match.things import thing_key, unit_key

    assert unit_key("convicts") == "prisoner" and unit_key("abductees") == "hostage"
    part = [c for c in extract_claims("The ferry sank with 20 aboard; three of the crew died.") if c.unit == "crew"]
    assert all(thing_key(c).endswith("(part)") for c in part)


# --- units of measure -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The new plant will produce 500 megawatts of power.", "mw"),
        ("The wind farm has a capacity of 2.4 gigawatts.", "gw"),
        ("The navy seized the tanker 12 nautical miles off the coast.", "nmi"),
        ("The reservoir holds 40,000 cubic metres of water.", "m³"),
        ("The pipeline carries 900 cubic feet of gas a second.", "cu ft"),
        ("Each tablet contains 5 milligrams of the drug.", "mg"),
        ("Each tablet contains 5mg of the drug.", "mg"),
        ("The engine noise reached 115 decibels.", "dB"),
        ("The star lies 1,300 light years from Earth.", "light years"),
        ("The gust reached 40 metres per second.", "m/s"),
    ],
)
def test_a_unit_of_measure_is_read_as_one_spelling(text: str, unit: str) -> None:
    assert units(text) == [unit], text


def test_a_measure_written_two_ways_is_one_row() -> None:
    # energy business: words and symbols, and a conversion
    assert joined("The new solar plant will produce 500 megawatts of power, the minister said.",
                  "The minister said the new solar plant will produce 500MW of power.")  # fmt: skip
    assert joined("The new solar plant will produce 1,200 megawatts of power, the minister said.",
                  "The new solar plant will produce 1.2 gigawatts of power, the minister said.")  # fmt: skip
    assert joined("The country used 4 terawatt-hours of electricity last year.",
                  "The country used 4 TWh of electricity last year.")  # fmt: skip
    # shipping: nautical miles converted to kilometres
    assert joined("The navy seized the tanker 12 nautical miles off the coast on Friday.",
                  "The navy seized the tanker 22 kilometres off the coast on Friday.")  # fmt: skip
    # health: a dose
    assert joined("Each tablet contains 5 milligrams of the drug, the regulator said.",
                  "Each tablet contains 5mg of the drug, the regulator said.")  # fmt: skip
    # science and weather: volume
    assert joined("The dam released 40,000 cubic metres of water an hour.",
                  "The dam released 40,000 cubic meters of water an hour.")  # fmt: skip


def test_a_measure_and_a_plainer_unit_of_the_same_word_stay_apart() -> None:
    assert apart("The navy seized the tanker 12 nautical miles off the coast on Friday.",
                 "The navy seized the tanker 12 miles off the coast on Friday.")  # fmt: skip
    assert apart("The dam released 40,000 cubic metres of water an hour.",
                 "The dam released 40,000 metres of water an hour.")  # fmt: skip
    assert apart("The country used 4 terawatt-hours of electricity last year.",
                 "The country used electricity for 4 hours last year.")  # fmt: skip
    assert apart("The star lies 1,300 light-years from Earth, astronomers said.",
                 "The star formed 1,300 years ago, astronomers said.")  # fmt: skip


# --- kinds of counted nouns: machines and places named with a people suffix -----------------------------


@pytest.mark.parametrize(
    ("noun", "kind"),
    [("servers", "device"), ("routers", "device"), ("scanners", "device"), ("satellites", "device"),
     ("skyscrapers", "building"), ("bunkers", "building"), ("classrooms", "building"),
     ("destroyers", "vehicle"), ("trawlers", "vehicle"), ("freighters", "vehicle"), ("warships", "vehicle"),
     ("geese", "animal"), ("locusts", "animal"), ("landmines", "weapon"), ("bullets", "weapon"),
     ("posts", "record"), ("passwords", "record"),
     ("protesters", "person"), ("miners", "person"), ("suicide-bombers", "person")],
)  # fmt: skip
def test_a_noun_has_its_kind(noun: str, kind: str) -> None:
    from claimcheck.nouns import noun_kind

    assert noun_kind(noun) == kind


def test_a_precise_figure_of_machines_is_no_figure_of_people() -> None:
    # technology and crime: servers are not employees, but they are computers
    assert apart("Hackers breached 1,200 servers at the bank, investigators said.",
                 "Investigators said 1,200 bank employees had their data stolen by the hackers.")  # fmt: skip
    assert joined("Hackers breached 1,200 servers at the bank, investigators said.",
                  "Investigators said hackers broke into 1,200 computers at the bank.")  # fmt: skip
    # defence: warships are not sailors
    assert apart("The navy deployed 1,400 sailors to the strait on Monday.", "The navy deployed 1,400 destroyers to the strait on Monday.")


# --- sources: who a figure is credited to -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Twelve people were rescued from the water, the coastguard said.", "coastguard"),
        ("The fire spread across 400 hectares, firefighters said.", "firefighters"),
        ("Three patients were in critical condition, the hospital said.", "hospital"),
        ("The cause of the crash is not yet known, investigators said.", "investigators"),
        ("Two of the injured were children, medics said.", "medics"),
    ],
)
def test_a_figure_credited_to_a_service_is_a_citation(text: str, source: str) -> None:
    cited = [c.text for c in extract_claims(text) if c.kind == "citation"]
    assert cited == [source], text



# --- number words: a share of a scale ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("A quarter of a million people marched in the capital.", 250_000, "people"),
        ("Three quarters of a million homes lost power after the storm.", 750_000, "homes"),
        ("Two thirds of a billion dollars was spent on the stadium.", 2e9 / 3, "dollars"),
    ],
)
def test_a_share_of_a_scale_is_one_figure(text: str, value: float, unit: str) -> None:
    found = [(c.value.low, c.unit) for c in extract_claims(text) if c.kind == "number" and c.value is not None]
    assert len(found) == 1 and abs((found[0][0] or 0) - value) < 1 and found[0][1] == unit, found


def test_a_share_of_a_scale_meets_its_digits_and_a_share_of_people_stays_a_share() -> None:
    # politics: a march counted in words and in digits
    assert joined("A quarter of a million people marched in the capital on Sunday, organisers said.",
                  "Organisers said 250,000 people marched in the capital on Sunday.")  # fmt: skip
    # business: "three quarters of the staff" is a share, never a count of three
    assert [c.unit for c in extract_claims("A quarter of the residents left the town.") if c.kind == "number"] == [
        "residents"
    ]

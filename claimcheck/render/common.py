"""Small helpers shared by the renderers: outlet names, window and time formatting."""

from __future__ import annotations

import re
from datetime import datetime

from claimcheck.models import Claim, CompareResult, Conflict, Fact, Interval
from claimcheck.values import (
    CURRENCY_SIGNS,
    bound_as_written,
    counted,
    format_ordinal,
    format_value,
    with_unit,
)

__all__ = [
    "format_value",
    "outlet_names",
    "window_text",
    "when_text",
    "conflict_text",
    "distinct_conflicts",
    "evolution_text",
    "values_given",
    "mention_value",
    "value_as_written",
    "headline_value",
    "fact_figure",
    "money_sign",
    "first_outlets",
    "tied_first",
    "day_only",
    "counted",
    "zoned_text",
]


def outlet_names(result: CompareResult) -> dict[str, str]:
    """Outlet id -> display name: every configured outlet (cited ones too), then those considered."""
    return {**result.known_outlets, **{o.id: o.name for o in result.outlets}}


def when_text(dt: datetime | None) -> str:
    """A publication time as "2025-12-13 10:00" (UTC offset kept when not UTC)."""
    if dt is None:
        return "undated"
    text = f"{dt.year:04d}-" + dt.strftime("%m-%d %H:%M")  # %Y: "1-01-01" for --until 0001-01-01 (glibc)
    offset = dt.utcoffset()
    if offset is not None and offset.total_seconds() != 0:
        text += dt.strftime(" %z")
    return text


def zoned_text(dt: datetime | None) -> str:
    """:func:`when_text` with its zone always said: "2025-12-13 10:00 UTC" (for a time shown alone)."""
    text = when_text(dt)
    offset = dt.utcoffset() if dt is not None else None
    return text + " UTC" if offset is not None and offset.total_seconds() == 0 else text


def window_text(result: CompareResult) -> str:
    if result.since is None and result.until is None:
        return "all stored articles"
    parts = []
    if result.since is not None:
        parts.append(f"since {zoned_text(result.since)}")
    if result.until is not None:
        parts.append(f"until {zoned_text(result.until)}")
    return " ".join(parts)


def value_text(v: Interval | None) -> str:
    return format_value(v)


def distinct_conflicts(fact: Fact) -> list[Conflict]:
    """A fact's conflicts, one per outlet and value (the first article's): an outlet that repeats its
    figure in ten follow-ups disagrees once, as it appears once among the fact's outlets."""
    first: dict[tuple[str, Interval], Conflict] = {}
    for c in fact.conflicts:
        first.setdefault((c.outlet, c.value), c)
    return list(first.values())


def conflict_text(fact: Fact, names: dict[str, str]) -> list[str]:
    """ "CBS News says 125 (vs 123)" lines for a fact's conflicts (plain text, not escaped)."""
    sign = money_sign(fact)
    return [
        f"{names.get(c.outlet, c.outlet)} says {format_value(c.value, sign=sign)} "
        f"(vs {format_value(fact.value, sign=sign)})"
        for c in distinct_conflicts(fact)
    ]


# The words of a vague figure: "hundreds", "tens of thousands", "dozens" (of people ...).
_VAGUE = re.compile(
    r"((?:(?:tens|dozens|scores|hundreds|thousands|millions|billions|trillions)(?:\s+of\s+(?=(?:hundreds|thousands|"
    r"millions|billions|trillions)\b))?)+)\b",
    re.IGNORECASE,
)


def value_as_written(claim: Claim, sign: str = "") -> str:
    """A number claim's value the way its sentence qualifies it: "about 1,500" (not the "1,350-1,650" it
    stands for when matching), "nearly 30", "up to 40", "hundreds"; the interval's short form otherwise (">=50",
    "59")."""
    v = claim.value
    if v is None:
        return "?"
    if v.low is not None and v.high is not None and v.low != v.high:
        if claim.qualifier == "about":
            return f"about {format_value(Interval.exact(round((v.low + v.high) / 2, 6)), sign=sign)}"
        if (bound := bound_as_written(v, claim.qualifier, sign)) is not None:
            return bound
        if claim.qualifier == "vague" and (words := _VAGUE.match(claim.text)):  # "hundreds", not "200-1,000"
            return words.group(1).lower()
    return format_value(v, sign=sign)


def mention_value(claim: Claim, fact: Fact, sign: str = "") -> str:
    """A mention's figure as written (:func:`value_as_written`), with its own unit when that is a unit of
    measure other than the row's: outlets convert ("about 2,000 km (about 1,200 miles)"), the matcher joins the
    two, and a bare "about 1,200" under a row of km reads as 1,200 km. ``sign`` is the row's currency sign."""
    measure = claim.extra.get("measure")
    if not measure or not claim.unit or _unit_key(claim.unit) == _unit_key(fact.unit):
        return value_as_written(claim, sign)
    own = CURRENCY_SIGNS.get(claim.unit, "") if measure == "money" else ""
    return with_unit(value_as_written(claim, own), claim.unit, own)


def _unit_key(unit: str | None) -> str:
    """A unit as spelt apart from its hyphens and case: "light-years" and "light years" are one unit, whose
    figure needs no unit of its own in the values line."""
    return " ".join((unit or "").lower().replace("-", " ").split())


def day_only(when: datetime) -> bool:
    """Whether a time is stamped with its day only (00:00: what a feed that gives only the day stamps)."""
    return (when.hour, when.minute, when.second, when.microsecond) == (0, 0, 0, 0)


def tied_first(published: datetime | None, first: datetime) -> bool:
    """Whether a time published may be the first one: the same time, or, when the first is only a day (a feed
    that gives the day stamps it 00:00), any time of that day: "3 Nov" is not before "3 Nov, 04:47"."""
    if published is None:
        return False
    if published == first:
        return True
    return day_only(first) and published.date() == first.date()


def first_outlets(fact: Fact) -> list[str]:
    """The fact's first outlet and any other that published it at that same time (feeds that give only the
    day stamp every article 00:00), or that same day when the first is stamped with a day only: several
    outlets first at once are not one outlet first."""
    if fact.first_outlet is None or fact.first_published is None:
        return [fact.first_outlet] if fact.first_outlet else []
    copy = next((m.syndicated for m in fact.mentions if m.outlet == fact.first_outlet), False)
    tied = [
        m.outlet
        for m in fact.mentions
        if tied_first(m.published, fact.first_published) and m.syndicated == copy and m.outlet != fact.first_outlet
    ]
    return list(dict.fromkeys([fact.first_outlet, *tied]))


def headline_value(fact: Fact, sign: str = "") -> str:
    """A number fact's figure as one of its outlets wrote it ("about 1,500"), else its interval's short form."""
    written = next((m.claim for m in fact.mentions if m.claim.value == fact.value), None)
    return value_as_written(written, sign) if written is not None else format_value(fact.value, sign=sign)


def money_sign(fact: Fact) -> str:
    """The currency sign of a money fact ("$" for dollars; "£" for pounds of money, never of weight), else ""."""
    if fact.unit not in CURRENCY_SIGNS:
        return ""
    money = any(m.claim.unit == fact.unit and m.claim.extra.get("measure") == "money" for m in fact.mentions)
    return CURRENCY_SIGNS[fact.unit] if money else ""


def fact_figure(fact: Fact) -> str:
    """A number fact's figure with its unit, as a reader expects it: "$2 billion", "about 11.5 million
    documents"; a score or an ordinal as the row's summary heads it ("8-7 score", "250th grand prix start"; not
    "8 score", "250 grand prix start")."""
    rep = next((m.claim for m in fact.mentions if m.claim.value == fact.value), None)
    if rep is not None and fact.value is not None:
        if isinstance(score := rep.extra.get("score"), str) and score:
            return f"{score} {fact.unit or ''}".strip()
        if rep.extra.get("ordinal") and fact.value.low is not None:
            return f"{format_ordinal(fact.value.low)} {fact.unit or ''}".strip()
    sign = money_sign(fact)
    return with_unit(headline_value(fact, sign), fact.unit, sign)


def values_given(fact: Fact) -> str:
    """ "61 (1 outlet), >=40 (2 outlets)": the figures a number fact's outlets actually give, when they are not
    all its headline value (a bound that agrees with it, a rounder figure), so that a row is not read as every
    outlet saying the headline figure; "" when they all say it. Conflicting figures are the Conflicts' to tell."""
    if fact.kind != "number" or fact.value is None:
        return ""
    clashing = {c.value for c in fact.conflicts}
    by_value: dict[str, set[str]] = {}
    values: set[Interval] = set()
    sign = money_sign(fact)
    head = headline_value(fact, sign)
    for m in fact.mentions:
        v = m.claim.value
        if v is not None and v not in clashing:
            text = mention_value(m.claim, fact, sign)
            by_value.setdefault(text, set()).add(m.outlet)
            values.add(v)
    if values <= {fact.value}:
        return ""
    order = sorted(by_value, key=lambda v: (v != head, -len(by_value[v])))
    return ", ".join(
        f"{v} ({counted(len(by_value[v]), 'outlet')})" if n == 0 else f"{v} ({len(by_value[v])})"
        for n, v in enumerate(order)
    )


def evolution_text(fact: Fact) -> str:
    """ "rose from 2 to 5 (2 → >=3 → 5)" for a count updated over time, "" otherwise."""
    if not fact.evolving:
        return ""
    dated = sorted(
        (m for m in fact.mentions if m.claim.value is not None),
        key=lambda m: (m.published is None, m.published.timestamp() if m.published else 0.0),
    )
    steps: list[str] = []
    sign = money_sign(fact)
    for m in dated:
        v = format_value(m.claim.value, sign=sign)
        if not steps or steps[-1] != v:
            steps.append(v)
    if len(steps) < 2:
        return ""
    text = f"rose from {steps[0]} to {format_value(fact.value, sign=sign)}"
    return text + (f" ({' → '.join(steps)})" if len(steps) > 2 else "")

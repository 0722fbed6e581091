"""Round facts26 (issue 12): recall and fragmentation on real reporting, general causes (invented sentences)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from claimcheck.claims import extract_claims
from claimcheck.match.pipeline import match_facts
from claimcheck.match.rules import MatchOptions
from claimcheck.models import Article, Outlet

T0 = datetime(2026, 3, 1, 9, tzinfo=UTC)
OUTLETS = {
    o: Outlet(o, o.upper(), f"https://{o}.example/feed", f"{o}.example") for o in ("bbc", "cbs", "abc", "sky")
}


def told(outlet: str, text: str, hour: int = 0, piece: int = 0) -> Article:
    """An article of ``outlet`` (its ``piece``-th of the story) whose claims are what the extractor finds."""
    url = f"https://{outlet}.example/{hour}/{piece}"
    return Article(outlet, url, url, f"{outlet} story {piece}", text, url, T0, published=T0 + timedelta(hours=hour),
                   claims=tuple(extract_claims(text)))  # fmt: skip


def number_rows(*articles: Article) -> list[tuple[str, set[str], int]]:
    facts = match_facts(articles, OUTLETS, MatchOptions())
    return [(f.summary, set(f.outlets), len(f.mentions)) for f in facts if f.kind == "number"]


def rows_with(rows: list[tuple[str, set[str], int]], words: str) -> list[tuple[str, set[str], int]]:
    return [r for r in rows if words in r[0]]


# --- an outlet's two versions of one story give one measure in two units (``pipeline.join_repeats_of_versions``) ---

_DAM_V1 = (
    "Engineers say the new dam on the river is 120 metres tall and will hold back a lake of drinking water. "
    "Workers poured the last concrete on Friday. The 394ft dam took six years to build, officials said."
)
_DAM_V2 = (
    "Engineers say the new dam on the river is about 120 metres tall and will hold back a reservoir. "
    "The last concrete was poured on Friday on the 394ft dam, which took six years to build."
)


def test_two_versions_of_a_story_giving_a_measure_in_two_units_make_one_row() -> None:
    """Both versions of the bbc story give "120 metres" and, further down, "394ft": the two "394ft" claims
    made a row of their own (each version's "120 metres" holds its place in the row of the other outlets)."""
    rows = number_rows(
        told("bbc", _DAM_V1, hour=0, piece=0),
        told("bbc", _DAM_V2, hour=3, piece=1),
        told(
            "cbs",
            "The 120-metre dam will hold back a lake of drinking water for the region, engineers say.",
            hour=1,
        ),
        told("abc", "The dam, 120 metres tall, took six years to build.", hour=2),
    )
    assert not rows_with(rows, "394"), rows
    (tall,) = rows_with(rows, "120 m")
    assert tall[1] == {"bbc", "cbs", "abc"} and tall[2] == 6, rows


def test_two_versions_of_a_story_giving_another_count_of_the_same_figure_stay_apart() -> None:
    """The versions' second figure counts another thing ("120 workers"): no measure of the dam, its own row."""
    v1 = "The new dam on the river is 120 metres tall, engineers say. Some 120 workers poured the last concrete on Friday."
    v2 = "The new dam on the river is 120 metres tall. About 120 workers poured the last of the concrete on Friday."
    rows = number_rows(
        told("bbc", v1, hour=0, piece=0),
        told("bbc", v2, hour=3, piece=1),
        told("cbs", "The 120-metre dam will hold back a lake of drinking water, engineers say.", hour=1),
    )
    (tall,) = rows_with(rows, "120 m")
    assert tall[1] == {"bbc", "cbs"} and tall[2] == 3, rows
    assert rows_with(rows, "workers"), rows


# --- a precise figure an article restates bare (``pipeline.distinct_claims``) ---


def test_a_precise_figure_restated_bare_is_no_row_of_its_own() -> None:
    """ "a contract for 1,140 electric buses" ... "an official said 1,140 was the likely figure": the bare figure
    restates the counted one; it made a row of its own."""
    text = (
        "The city signed a contract for 1,140 electric buses on Monday. The deal did not fix the final number, "
        "but a transport official said 1,140 was the likely figure."
    )
    rows = number_rows(
        told("bbc", text, 0),
        told("cbs", "The city will buy 1,140 electric buses under the contract signed on Monday.", 1),
    )
    assert rows == [(rows[0][0], {"bbc", "cbs"}, 2)], rows


def test_a_bare_figure_of_an_article_with_two_counts_of_that_figure_stays() -> None:
    """Two counted things of one figure in the article ("1,140 buses", "1,140 kilometres of lanes"): which one a
    bare 1,140 restates is a guess, so it stays a claim of its own; a small figure is never read as restated."""
    text = (
        "The city signed a contract for 1,140 electric buses and will paint 1,140 kilometres of bus lanes. An "
        "official said 1,140 was the likely figure. It will also build 12 depots; 12 was the plan all along."
    )
    rows = number_rows(told("bbc", text, 0))
    assert any(r[0].startswith("1,140:") for r in rows), rows
    assert any(r[0].startswith("12:") for r in rows), rows


# --- people counted by what they report (``things._REPORTERS``, ``_reporting``) ---


def test_users_reporting_problems_are_the_reports_a_tracker_counts() -> None:
    """An outage told as "12,400 users reporting problems" and as "12,400 complaints" or "12,400 reports": one
    count (people and what they filed were two counted things of two kinds, never joined)."""
    rows = number_rows(
        told("bbc", "At the peak, 12,400 users were reporting problems with the streaming service, the tracker showed.", 0),
        told("cbs", "The outage tracker logged a total of 12,400 complaints at the peak of the streaming outage.", 1),
        told("abc", "Some 12,400 reports of problems with the streaming service reached the outage tracker at its peak.", 2),
    )  # fmt: skip
    (row,) = [r for r in rows if "12,400" in r[0]]
    assert row[1] == {"bbc", "cbs", "abc"}, rows


def test_users_who_report_nothing_stay_users() -> None:
    """People the figure counts without a verb of reporting a problem are not the reports ("12,400 users were
    cut off" / "12,400 reports")."""
    rows = number_rows(
        told(
            "bbc", "At the peak, 12,400 users were cut off from the streaming service, the company said.", 0
        ),
        told("cbs", "The outage tracker logged 12,400 reports at the peak of the streaming outage.", 1),
    )
    assert not [r for r in rows if len(r[1]) > 1], rows


def test_a_later_figure_of_the_reporting_users_is_a_count_of_reports_too() -> None:
    """ "users reporting problems peaked at 12,400 before falling to 350": the 350 takes its people from the
    reporting users, so it counts reports as "12,400 reports ... dropped to 350" does."""
    rows = number_rows(
        told(
            "bbc",
            "The number of users reporting problems peaked at 12,400 before falling to 350 by midnight.",
            0,
        ),
        told(
            "cbs",
            "The tracker showed 12,400 reports at the peak of the outage, which dropped to 350 by midnight.",
            1,
        ),
    )
    assert [r for r in rows if r[0].startswith("350") and r[1] == {"bbc", "cbs"}], rows

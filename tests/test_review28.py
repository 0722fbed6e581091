"""Round review28 (issue 12): misfires of round facts26's rules (reports of a problem, an outlet's versions that
restate a figure, a bare figure restated), invented sentences."""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims
from claimcheck.match.things import thing_key
from tests.test_facts26 import number_rows, told


def keys(text: str) -> list[str]:
    """The counted things of the sentence's number claims, in order."""
    return [thing_key(c) for c in extract_claims(text) if c.kind == "number"]


# --- people reporting a problem of their health or body are people with symptoms, not reports (``_reporting``) ---


@pytest.mark.parametrize(
    "sentence",
    [
        "Some 40 residents reported breathing problems after the fire at the chemical plant in Lorwick.",
        "About 40 people were reporting heart problems at the clinic in Lorwick last winter.",
        "Some 40 residents complained of breathing difficulties after the fire at the plant.",
        "At least 40 people reported stomach issues after drinking the water in Lorwick.",
        "Some 40 residents reported problems breathing after the fire at the plant.",
        "About 40 players reported problems with their hamstrings during the preseason camp.",
        "Some 40 residents reported problems after the leak, and doctors treated them for nausea.",
    ],
)
def test_people_reporting_a_problem_of_their_health_are_no_reports(sentence: str) -> None:
    assert keys(sentence)[0] != "report", keys(sentence)


def test_residents_with_breathing_problems_never_join_a_tracker_count() -> None:
    """ "40 residents were reporting breathing problems" (a medical count) and "40 reports of problems" that
    reached the council (filed reports) are two things: no row of both."""
    rows = number_rows(
        told("bbc", "At least 40 residents were reporting breathing problems after the fire at the chemical plant in Lorwick on Monday.", 0),
        told("cbs", "At least 40 reports of problems after the fire at the chemical plant in Lorwick reached the council on Monday.", 1),
    )  # fmt: skip
    assert not [r for r in rows if len(r[1]) > 1], rows


@pytest.mark.parametrize(
    "sentence",
    [
        "Some 2,400 people reported financial problems last year, the charity in Lorwick said.",
        "Some 2,400 users reported gambling problems after the betting app launched.",
        "A survey found 2,400 residents reporting problems with damp in their homes.",
        "Of those polled, 2,400 people reported problems with their landlords.",
    ],
)
def test_people_reporting_problems_of_their_lives_or_in_a_survey_are_no_reports(sentence: str) -> None:
    """Problems of people's lives (money, housing, gambling) and problems people tell a survey count people
    (respondents), not reports of a problem of a service."""
    assert keys(sentence)[0] != "report", keys(sentence)


def test_people_reporting_no_problems_are_no_reports() -> None:
    """ "300 users reported no problems" counts users that filed nothing."""
    assert keys("Some 300 users reported no problems with the new version of the app.") != ["report"]
    assert keys("Over 300 users reported issues with the new version of the app.") == ["report"]


def test_service_problems_stay_reports() -> None:
    """The guard: problems of a service, a network or a payment are what an outage tracker counts."""
    for sentence in (
        "At the peak, 12,400 users were reporting login problems with the streaming service.",
        "About 4,000 customers reported network outages across the region on Monday.",
        "Some 900 subscribers complained about payment errors on the site.",
        "About 4,000 users reported playback problems with the streaming app.",  # "back" inside a word
        "About 4,000 users reported membership issues with the site.",  # "hip" inside a word
    ):
        assert keys(sentence)[0] == "report", (sentence, keys(sentence))


# --- written reports (documents) are no reports of a problem ---


@pytest.mark.parametrize(
    "sentence",
    [
        "The agency has published 12 reports on the river since 2019.",
        "The watchdog issued three reports on the bank last year.",
        "Some 12 reports were commissioned by the ministry after the flood.",
        "The inquiry has released 12 annual reports so far.",
        "The 12 reports written by the panel were never made public.",
    ],
)
def test_published_reports_are_written_reports(sentence: str) -> None:
    assert keys(sentence)[0] == "publication", keys(sentence)


def test_problem_reports_stay_reports() -> None:
    for sentence in (
        "The tracker received 12,400 reports on Monday.",
        "Some 12,400 reports of problems reached the tracker at the peak.",
        "The regulator logged 12,400 complaints about the outage.",
        "The tracker released figures showing 12,400 reports at the peak.",
        "The tracker released 12,400 reports of problems with the service.",
    ):
        assert keys(sentence)[0] == "report", (sentence, keys(sentence))


def test_published_reports_never_join_complaints() -> None:
    """ "the agency has published 120 reports on the river" and "the agency has received 120 complaints about
    the river": documents and complaints, two rows."""
    rows = number_rows(
        told("bbc", "The river agency of Marrowby has published 120 reports on the state of the river since 2019.", 0),
        told("cbs", "The river agency of Marrowby has received 120 complaints about the state of the river since 2019.", 1),
    )  # fmt: skip
    assert not [r for r in rows if len(r[1]) > 1], rows


def test_people_reported_missing_or_dead_keep_their_role() -> None:
    """ "reported" of journalism and the police ("12 people reported missing", "reported dead"): the role, never
    reports of a problem."""
    assert keys("Police said 12 people were reported missing after the flood in Lorwick.") == ["missing"]
    assert keys("The 12 people reported missing after the flood were found alive.") == ["missing"]


# --- an outlet's versions: a second, different count of the same thing (``pipeline.join_repeats_of_versions``) ---


def test_two_versions_giving_another_count_of_the_same_thing_stay_apart() -> None:
    """Both versions say "120 workers poured the concrete" (with other outlets) and "more than 100 workers will
    stay on": the second count is of other workers, not a restatement; it joined the 120 row."""
    v1 = (
        "Some 120 workers poured the last concrete of the dam on Friday, engineers say. "
        "More than 100 workers will stay on at the dam to run the plant."
    )
    v2 = (
        "About 120 workers poured the last of the concrete at the dam on Friday. "
        "More than 100 workers will stay on at the dam to run the power plant."
    )
    rows = number_rows(
        told("bbc", v1, hour=0, piece=0),
        told("bbc", v2, hour=3, piece=1),
        told("cbs", "Some 120 workers poured the last concrete of the dam on Friday.", hour=1),
        told("abc", "The 120 workers who built the dam poured the last concrete on Friday.", hour=2),
    )
    (built,) = [r for r in rows if r[0].startswith("120 workers")]
    assert built[1] == {"bbc", "cbs", "abc"} and built[2] == 4, rows
    assert [r for r in rows if ">100 workers" in r[0]], rows


# --- a bare figure of another thing (``pipeline.distinct_claims``) ---


def test_a_bare_figure_of_an_index_is_no_restatement() -> None:
    """ "a contract for 1,140 buses" ... "the fare index, which closed at 1,140": the bare figure is a level of
    the index, which another outlet gives too; it was dropped as a restatement of the buses."""
    text = (
        "The city signed a contract for 1,140 electric buses on Monday. "
        "The index of bus fares, which closed at 1,140 last year, will be frozen."
    )
    rows = number_rows(
        told("bbc", text, 0),
        told("cbs", "The fare index of the city closed at 1,140 last year and will be frozen, the city said.", 1),
    )
    assert [r for r in rows if r[1] == {"bbc", "cbs"}], rows


def test_a_bare_figure_after_a_sum_of_money_is_no_restatement() -> None:
    """ "spent $1.2 million on the episode" ... "watched by 1.2 million": a sum keeps its currency when it is
    restated, so the bare figure is another thing (viewers), which another outlet gives too; it was dropped."""
    text = (
        "The channel spent $1.2 million on the final episode of the drama. "
        "The episode was watched by 1.2 million, the channel said on Monday."
    )
    rows = number_rows(
        told("bbc", text, 0),
        told("cbs", "The final episode of the drama was watched by 1.2 million, the channel said on Monday.", 1),
    )
    assert [r for r in rows if r[1] == {"bbc", "cbs"} and "$" not in r[0]], rows

"""No invented conflicts (issue 12, round facts15): a row says "conflict" only when two reports plainly give one
figure differently: exact figures of one counted thing, one role and one scope, reports of about the same time
(``claimcheck/match/conflicts.py``). Sentences written here from several kinds of news (disasters, courts,
business, elections, sport, health), read by the real extractor and matched by ``match_facts``. Every
"must not" pair is two rows or one row without a conflict; every "must" pair keeps its conflict."""

from __future__ import annotations

from test_match_general import OUTLETS, told

from claimcheck.match.conflicts import exact_figure, potential, same_scope, sure_conflict
from claimcheck.match.pipeline import match_facts
from claimcheck.match.rules import MatchOptions
from claimcheck.models import Fact


def _facts(a: str, b: str, hours: float = 1.0) -> list[Fact]:
    articles = [told("bbc", a, hour=0), told("cbs", b, hour=0)]
    articles[1] = _at(articles[1], hours)
    return [f for f in match_facts(articles, OUTLETS, MatchOptions()) if f.kind == "number"]


def _at(article, hours: float):  # type: ignore[no-untyped-def]
    from dataclasses import replace
    from datetime import timedelta

    assert article.published is not None
    return replace(article, published=article.published + timedelta(hours=hours))


def conflict(a: str, b: str, hours: float = 1.0) -> bool:
    """Whether some number row of the two reports (``b`` published ``hours`` after ``a``) shows a conflict."""
    return any(f.conflicts for f in _facts(a, b, hours))


def evolving(a: str, b: str, hours: float = 6.0) -> bool:
    return any(f.evolving for f in _facts(a, b, hours))


def joined(a: str, b: str, hours: float = 1.0) -> bool:
    return any(len(f.outlets) == 2 for f in _facts(a, b, hours))


# --- must conflict: the same exact figure of one thing, told differently at about the same time ----------------


def test_one_exact_figure_told_two_ways_at_one_time_conflicts() -> None:
    # disasters (the higher figure first: a toll that falls is no update)
    assert conflict("The blast at the depot killed 27 people, officials said.",
                    "The blast at the depot killed 23 people, police said.")  # fmt: skip
    # courts
    assert conflict("The regulator fined the airline $4.6 million over the delays.",
                    "The airline was fined $4.2 million by the regulator over the delays.")  # fmt: skip
    # elections
    assert conflict("The Labour party won 132 seats in the regional election.",
                    "The Labour party won 138 seats in the regional election.")  # fmt: skip
    # health
    assert conflict("The hospital treated 214 patients for the virus, the health board said.",
                    "The health board said the hospital treated 241 patients for the virus.")  # fmt: skip


# --- must not conflict ----------------------------------------------------------------------------------


def test_a_bound_or_an_approximation_never_conflicts() -> None:
    # a hedge ("nearly", "about", "more than") never conflicts with a figure it could stand for
    assert not conflict("Nearly 400 passengers were on board the ferry, the operator said.",
                        "The operator said 412 passengers were on board the ferry.")  # fmt: skip
    assert not conflict("About 2,500 troops will be sent to the border, the ministry said.",
                        "The ministry said 2,900 troops will be sent to the border.")  # fmt: skip
    assert not conflict("The club sold some 31,000 season tickets, its chairman said.",
                        "The club sold 34,500 season tickets, its chairman said.")  # fmt: skip


def test_another_scope_is_another_count() -> None:
    # disasters: the city on one day, the country over the year
    assert not conflict("Floods have killed 41 people across the country so far this year.",
                        "The floods killed 36 people in the city on Monday.")  # fmt: skip
    # economics: the city's rate and the nation's
    assert not conflict("Unemployment in the city stood at 6.1 percent in March.",
                        "Unemployment nationwide stood at 5.4 percent in March.")  # fmt: skip
    # health: a day's patients and one day's count
    assert not conflict("The clinic sees 120 patients a day during the outbreak.",
                        "The clinic saw 140 patients on Monday during the outbreak.")  # fmt: skip


def test_a_part_never_conflicts_with_its_whole() -> None:
    assert not conflict("Among the injured were 18 firefighters, the fire service said.",
                        "The fire service said 21 firefighters were injured.")  # fmt: skip
    assert not conflict("Of the 30 passengers, 12 of them were children, the airline said.",
                        "The airline said 14 children were on the flight.")  # fmt: skip


def test_reports_days_apart_never_conflict() -> None:
    # business: a workforce told on Monday and again on Friday
    assert not conflict("The carmaker employs 5,200 workers at the plant, the union said.",
                        "The union said the carmaker employs 5,600 workers at the plant.", hours=96)  # fmt: skip
    # within the day they do
    assert conflict("The carmaker employs 5,200 workers at the plant, the union said.",
                    "The union said the carmaker employs 5,600 workers at the plant.", hours=3)  # fmt: skip


def test_two_holders_figures_never_conflict() -> None:
    # sport: two players' points in one game
    assert not conflict("Jones scored 24 points for the Owls in the win.",
                        "Brown scored 22 points for the Owls in the win.")  # fmt: skip


def test_a_possible_figure_is_not_the_figure_given() -> None:
    # courts: the maximum sentence and the sentence handed down are two facts, neither a conflict
    assert not joined("The former mayor faces up to 10 years in prison for the fraud.",
                      "The former mayor was sentenced to 8 years in prison for the fraud.")  # fmt: skip
    # business: a possible loss and the loss
    assert not joined("The insurer could lose as much as $600 million from the storm.",
                      "The insurer lost $560 million from the storm, it said.")  # fmt: skip
    # sport: a possible ban and the ban given
    assert not joined("The striker could be banned for up to six games after the incident.",
                      "The striker was banned for five games after the incident.")  # fmt: skip
    # one sentence given in two words still joins
    assert joined("The former mayor was sentenced to 8 years in prison for the fraud.",
                  "A judge jailed the former mayor for 8 years for the fraud.")  # fmt: skip


# --- evolutions ------------------------------------------------------------------------------------------


def test_a_toll_updated_over_the_day_still_evolves() -> None:
    assert evolving("Twelve people died in the blast at the depot, police said.",
                    "The death toll from the blast at the depot rose to 19, police said.")  # fmt: skip


def test_another_scope_never_evolves() -> None:
    assert not evolving("Twenty people died in the floods in the city, officials said.",
                        "Thirty people have died in the floods nationwide, officials said.")  # fmt: skip
    assert not evolving("The storm killed 12 people across the country, officials said.",
                        "The storm killed 19 people in the county alone, officials said.")  # fmt: skip


# --- the predicates themselves ---------------------------------------------------------------------------


def _claim(text: str, nth: int = 0):  # type: ignore[no-untyped-def]
    from claimcheck.claims.extract import extract_claims

    return [c for c in extract_claims(text) if c.kind == "number"][nth]


def test_exact_figures_and_hedges() -> None:
    assert exact_figure(_claim("The fire killed 23 people."))
    for s in ("The fire killed about 23 people.", "The fire killed more than 23 people.",
              "Up to 23 people died.", "The fire killed an estimated 230 people.", "Some 230 people died."):  # fmt: skip
        assert not exact_figure(_claim(s)), s


def test_potential_figures() -> None:
    assert potential(_claim("He faces up to 10 years in prison."))
    assert potential(_claim("The offence carries a maximum sentence of 14 years."))
    assert potential(_claim("The bank could lose as much as $500 million."))
    assert potential(_claim("He could be jailed for up to 12 years."))
    assert not potential(_claim("The planet could be 10 times larger than Earth."))  # a hedge, the same fact
    assert not potential(_claim("Astronomers found seven potentially habitable planets."))
    assert not potential(_claim("He was sentenced to 10 years in prison."))
    assert not potential(_claim("He faces 26 counts of wire fraud."))  # charges laid, not a ceiling
    assert not potential(_claim("She, one of the faces of the protests, served 12 years in prison."))
    assert not potential(_claim("The bank plans to cut 500 jobs."))  # a plan is told as the thing done
    assert not potential(_claim("In May the bank cut 500 jobs."))  # the month is no "may"


def test_scope_and_sure_conflict() -> None:
    a, b = _claim("The fire killed 23 people in the city."), _claim("The fire killed 27 people in the city.")
    assert same_scope(a, b) and sure_conflict(a, b, 0.0, 3600.0)
    assert not sure_conflict(a, b, 0.0, None)  # an undated report: unsure
    assert not sure_conflict(a, b, 0.0, 5 * 86400.0)  # days apart
    c = _claim("The fire killed 27 people across the country.")
    assert not same_scope(a, c) and not sure_conflict(a, c, 0.0, 0.0)


# --- an aim or a plan and what came of it are two facts (review15's pair, and other kinds of news) ---------------


def test_an_aim_never_conflicts_with_what_came_of_it() -> None:
    # environment
    assert not conflict("The charity aims to plant 12,000 trees along the river this year.",
                        "The charity planted 10,000 trees along the river this year.")  # fmt: skip
    # business
    assert not conflict("The carmaker plans to cut 500 jobs at the plant.",
                        "The carmaker cut 450 jobs at the plant.")  # fmt: skip
    # housing
    assert not conflict("The city hopes to house 900 families in the new towers.",
                        "The city housed 820 families in the new towers.")  # fmt: skip
    # sport
    assert not conflict("The club expects to sell 40,000 tickets for the final.",
                        "The club sold 36,000 tickets for the final.")  # fmt: skip
    # health
    assert not conflict("The ministry set a target of 2,500 new nurses for the year.",
                        "The ministry hired 2,300 new nurses for the year.")  # fmt: skip


def test_two_plans_told_differently_still_conflict_and_a_plan_joins_its_telling() -> None:
    assert conflict("The carmaker plans to cut 500 jobs at the plant.",
                    "The carmaker plans to cut 450 jobs at the plant.")  # fmt: skip
    assert joined("The carmaker plans to cut 500 jobs at the plant.",
                  "The carmaker will cut 500 jobs at the plant.")  # fmt: skip
    # a figure after a cause is no plan: "due to" stays out of the list (one side only)
    assert conflict("Flights were cancelled due to 130 staff off sick, the airline said.",
                    "Flights were cancelled with 120 staff off sick, the union said.")  # fmt: skip


# --- two places named after two figures are two counts (review15's pair, and other kinds of news) ---------------


def test_figures_of_two_named_places_never_conflict() -> None:
    # weather
    assert not conflict("Temperatures reached 38 degrees in Seville on Tuesday, forecasters said.",
                        "Temperatures reached 41 degrees in Cordoba on Tuesday, forecasters said.")  # fmt: skip
    # disasters
    assert not conflict("The quake killed 38 people in Ankara, officials said.",
                        "The quake killed 34 people in Izmir, officials said.")  # fmt: skip
    # elections
    assert not conflict("Turnout was 61 percent in Leeds, the council said.",
                        "Turnout was 57 percent in Bradford, the council said.")  # fmt: skip
    # places whose names begin with a letter beyond ASCII
    assert not conflict("Floods forced 1,200 people from their homes in Łódź, officials said.",
                        "Floods forced 1,100 people from their homes in Ústí, officials said.")  # fmt: skip


def test_one_place_or_a_time_after_the_figure_still_conflicts() -> None:
    assert conflict("The quake killed 38 people in Ankara, officials said.",
                    "The quake killed 34 people in Ankara, local media said.")  # fmt: skip
    assert conflict("The quake killed 38 people, officials said.",
                    "The quake killed 34 people in Ankara, local media said.")  # fmt: skip
    assert conflict("The storm destroyed 340 homes in March, officials said.",
                    "The storm destroyed 310 homes in March, the mayor said.")  # fmt: skip

"""Round variants18: one fact told in other words, second round (issue 12: recall and fragmentation). Every rule
has sentences written here from several kinds of news, read by the real extractor and matched by match_facts; the
loopback tests at the end serve the TUNE part of the invented events of tests/data/variants18_events.json (those
whose int(sha1(name), 16) % 3 != 0; the others are the check part, measured only) through the real `claimcheck
fetch` and compare."""

from __future__ import annotations

from typing import Any

import pytest
from test_match_conflicts import conflict, evolving
from test_match_general import joined

from claimcheck.claims import extract_claims
from claimcheck.text import match_stem


def _numbers(text: str) -> list[tuple[str, str | None, float | None]]:
    return [
        (c.text, c.unit, c.value.low if c.value else None) for c in extract_claims(text) if c.kind == "number"
    ]


def _roles(text: str) -> list[tuple[str, Any]]:
    return [(c.text, c.extra.get("role")) for c in extract_claims(text) if c.kind == "number"]


def _whens(text: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.when) for c in extract_claims(text) if c.kind == "number"]


# --- rule 1: plurals of nouns in "-ie", a film is a movie -------------------------------------------------------


def test_plurals_of_nouns_in_ie_stem_to_the_noun() -> None:
    assert [match_stem(w) for w in ["movies", "cookies", "calories", "rookies", "zombies"]] == [
        "movie", "cookie", "calorie", "rookie", "zombie"
    ]  # fmt: skip
    # "-ies" of a "-y" noun is unchanged
    assert [match_stem(w) for w in ["bodies", "companies", "cities", "studies"]] == [
        "body",
        "company",
        "city",
        "study",
    ]


def test_films_and_movies_are_one_count() -> None:
    # streaming, an obituary, a studio's year
    assert joined("The service added more than 240 films to its catalogue this month.",
                  "Over 240 movies joined the service's catalogue this month.")  # fmt: skip
    assert joined("The director made 31 films in a career of five decades.",
                  "Across five decades the director shot 31 movies.")  # fmt: skip
    # films are still no books
    assert not joined(
        "The author wrote 31 books, her publisher said.", "The director shot 31 movies, his studio said."
    )


# --- rules 2, 3: times and inches glued to the figure ------------------------------------------------------------


def test_a_time_or_inches_glued_to_the_figure_is_read() -> None:
    # athletics, swimming, motor racing, strikes, weather
    assert ("19.12s", "seconds", 19.12) in _numbers("She won the final in 19.12s, a championship record.")
    assert ("52.41sec", "seconds", 52.41) in _numbers("The swimmer touched in 52.41sec to take gold.")
    assert ("48hrs", "hours", 48.0) in _numbers("Drivers will walk out for 48hrs from Friday.")
    assert ("90mins", "minutes", 90.0) in _numbers("Play was stopped for 90mins by rain.")
    assert ("15in", "in", 15.0) in _numbers("Forecasters expect 15in of snow on the hills.")
    # a decade, an age group and a product stay what they were
    assert not [n for n in _numbers("Prices last fell this fast in the 1990s.") if n[1] == "seconds"]
    assert not [n for n in _numbers("Most of the buyers were in their 20s.") if n[1] == "seconds"]
    assert not [n for n in _numbers("The firm sold 2in1 laptops.") if n[1] == "in"]
    assert joined("The swimmer touched in 52.41sec to take gold in the relay.",
                  "She took gold in the relay in 52.41 seconds.")  # fmt: skip
    assert joined(
        "Forecasters expect up to 15in of snow on the hills.",
        "Up to 15 inches of snow could fall on the hills.",
    )


# --- rule 4: a length of time told in hours, days or weeks ---------------------------------------------------------


def test_a_length_of_time_in_two_units_is_one_fact() -> None:
    # diplomacy, football discipline, a curfew, a strike
    assert joined("The two sides agreed to a 72-hour ceasefire on Sunday.",
                  "The rivals will observe a three-day ceasefire from Sunday.")  # fmt: skip
    assert joined("The striker was handed a 14-day ban by the league.",
                  "The league gave the striker a two-week ban.")  # fmt: skip
    assert joined("Doctors will stage a 48-hour walkout at the city hospital.",
                  "A two-day strike by doctors at the city hospital will go ahead.")  # fmt: skip
    # never a conflict nor an update: two units are two things
    assert not conflict(
        "The two sides agreed to a 72-hour ceasefire.", "The rivals will observe a three-day ceasefire."
    )
    assert not evolving(
        "The two sides agreed to a 72-hour ceasefire.", "The rivals will observe a three-day ceasefire."
    )


def test_lengths_of_time_of_other_things_stay_apart() -> None:
    # hostages held, talks; a ban and a curfew; doctors and nurses
    assert not joined("The hostages were held for 48 hours before their release.",
                      "The talks went on for two days before a deal was reached.")  # fmt: skip
    assert not joined("The striker was handed a 14-day ban.", "The town was placed under a two-week curfew.")
    assert not joined(
        "Doctors will stage a 48-hour walkout next week.", "Nurses will hold a two-day strike next week."
    )


# --- rule 5: basis points and percentage points --------------------------------------------------------------------


def test_a_part_of_a_percentage_point_in_words_is_read() -> None:
    assert ("a quarter of a percentage point", "percentage points", 0.25) in _numbers(
        "The bank raised rates by a quarter of a percentage point."
    )
    assert ("half a percentage point", "percentage points", 0.5) in _numbers(
        "Rates were cut by half a percentage point."
    )
    assert ("50bps", "basis points", 50.0) in _numbers("The central bank cut its key rate by 50bps.")
    # a quarter of the vote stays a fraction
    assert ("A quarter of the vote", "vote", 0.25) in _numbers("A quarter of the vote went to the Greens.")


def test_basis_points_and_percentage_points_are_one_change() -> None:
    # a central bank, a bond market, a mortgage lender
    assert joined("The central bank raised its key rate by 25 basis points to 3.75%.",
                  "The central bank raised its key rate by a quarter of a percentage point to 3.75 per cent.")  # fmt: skip
    assert joined("Ten-year bond yields rose 12 basis points to 4.31%.",
                  "The yield on the ten-year bond climbed 0.12 percentage points to 4.31 per cent.")  # fmt: skip
    assert joined("The lender cut its fixed rates by 50bps on Wednesday.",
                  "The lender lowered its fixed rates by half a percentage point.")  # fmt: skip
    assert not conflict("The central bank raised its key rate by 25 basis points.",
                        "The central bank raised its key rate by a quarter of a percentage point.")  # fmt: skip
    # points of a game are no rate
    assert not joined(
        "The Lakers won by 25 points on Thursday.", "The Lakers' shooting rate rose 0.25 points."
    )


def test_a_figure_raised_and_a_figure_lowered_are_two_facts() -> None:
    # rates, prices, a forecast
    assert not joined("The central bank cut its key rate by 50bps on Wednesday.",
                      "The central bank raised its key rate by half a percentage point.")  # fmt: skip
    assert not joined("The company raised prices by 8% on Monday.", "The company cut prices by 8% on Monday.")
    assert not joined("The fund lifted its inflation forecast by 0.4 points.",
                      "The fund lowered its inflation forecast by 0.4 points.")  # fmt: skip


# --- rule 6: a power cut's count with a coordinated noun -----------------------------------------------------------


def test_premises_coordinated_before_the_verb_of_an_outage_are_its_count() -> None:
    # a storm, a heatwave, a substation fire
    assert joined(
        "More than 600,000 homes and businesses lost power.", "Power was cut to over 600,000 customers."
    )
    assert joined(
        "The storm left 48,210 homes and shops without power.",
        "About 48,210 customers were in the dark on Sunday.",
    )
    assert joined("Outages hit more than 90,000 properties after the substation fire.",
                  "More than 90,000 homes lost power after the substation fire.")  # fmt: skip
    # homes flooded are another state
    assert not joined("Some 3,400 homes and farms were flooded.", "Power was cut to 3,400 households.")


# --- rule 7: told to leave ----------------------------------------------------------------------------------------


def test_people_told_or_ordered_to_leave_a_place_are_evacuated() -> None:
    # a hurricane, a wildfire, a gas leak
    assert ("Some 1.2 million residents", "evacuated") in _roles(
        "Some 1.2 million residents had been told to leave."
    )
    assert ("About 300 people", "evacuated") in _roles("About 300 people were ordered to leave the area.")
    # leaving a party, a cabinet or a job is no evacuation
    assert ("Some 40 staff", None) in _roles("Some 40 staff were told to leave the party.")
    assert ("Five ministers", None) in _roles("Five ministers were forced to leave the cabinet.")
    assert ("Around 500 members", None) in _roles("Around 500 members were told to leave, officials said.")
    # a wildfire: residents told to leave join the people ordered out (through a precise figure of them)
    assert joined("Some 14,000 residents had been told to leave.", "About 14,000 people were ordered to evacuate.",
                  "Officials ordered 14,000 people to evacuate on Friday.")  # fmt: skip


# --- rule 8: the day a new figure takes effect ----------------------------------------------------------------------


def test_from_a_date_in_a_sentence_of_what_will_be_is_a_point_in_time() -> None:
    # energy bills, rail fares, a minimum wage
    assert ("9%", "April") in _whens("Prices will rise by 9% from April.")
    assert ("4.6%", "March") in _whens("Rail fares would go up by 4.6% from March.")
    # a span stays a span: "since", "from ... to", or no future
    assert ("9%", "since April") in _whens("Sales have risen 9% since April.")
    assert ("400", "from March") in _whens("Deaths will have risen to 400 from March to May.")
    assert joined("The regulator said bills would rise by 9 percent to 1,834 pounds a year from July 1.",
                  "The typical bill will rise by 9% to 1,834 pounds a year.")  # fmt: skip
    assert joined(
        "The minimum wage will rise by 6.7% from April.", "Ministers said the minimum wage will go up 6.7%."
    )


# --- the invented events over loopback (tune part only) -----------------------------------------------------------

# Facts of the tune part (event, value) that are one row with every outlet: each was split or missed before this
# round's rules, or is a wording pair a rule of it joins
ONE_ROW = [
    ("storm: hurricane makes landfall", 600000), ("storm: hurricane makes landfall", 1200000),
    ("storm: hurricane makes landfall", 15),
]  # fmt: skip


@pytest.fixture(scope="module")
def scored() -> Scored:
    import variants_eval

    return variants_eval.scored_part("variants18_events.json")


Scored = tuple[list[Any], list[Any], list[dict[str, Any]], tuple[int, int, int]]


@pytest.mark.slow  # one fetch of about 50 pages and a compare: about ten seconds
def test_tune_events_keep_their_different_facts_apart_and_the_rising_toll_evolves(scored: Scored) -> None:
    _, joined_apart, rows, (evolved, stray, conflict_rows) = scored
    assert joined_apart == []
    assert conflict_rows == 0 and stray == 0  # a join never makes a conflict nor an update
    assert evolved == 1  # the flood's toll: 11 in the morning, 17 by the afternoon


@pytest.mark.slow
@pytest.mark.parametrize(("event", "value"), ONE_ROW)
def test_tune_events_one_fact_in_other_words_is_one_row(
    scored: Scored, event: str, value: float | None
) -> None:
    facts = scored[0]
    chosen = [f for f in facts if f.event == event and f.fact.get("value") == value]
    assert chosen
    for fact in chosen:
        assert len(fact.rows) == 1 and not fact.missed, (fact.fact["pieces"], fact.rows, fact.missed)


# --- rule 10: a race's distance is no sum ---------------------------------------------------------------------------


def test_a_race_distance_glued_to_m_is_metres_in_a_sentence_of_racing() -> None:
    # athletics, swimming
    assert ("200m", "m", 200.0) in _numbers("The sprinter clocked 19.12sec in the 200m on Sunday.")
    assert ("400m", "m", 400.0) in _numbers("She won the 400m final in 49.2 seconds.")
    # money stays money, even beside a race's word
    assert ("400m", None, 400e6) in _numbers("The track project will cost 400m, the council said.")
    assert ("100m", None, 100e6) in _numbers("The firm raised 100m in its final funding round.")
    assert ("200m", None, 200e6) in _numbers("The club paid 200m for the striker in a record deal.")


# --- rule 11: moved out by the authorities ------------------------------------------------------------------------


def test_people_moved_from_their_homes_or_to_shelters_are_evacuated() -> None:
    # floods, an earthquake, a hospital fire, a chemical leak
    assert _roles("Some 4,500 residents were moved from their homes.") == [("Some 4,500 residents", "evacuated")]
    assert _roles("Roughly 12,000 locals were moved to emergency shelters.") == [("Roughly 12,000 locals", "evacuated")]
    assert _roles("About 300 patients were taken to safety.") == [("About 300 patients", "evacuated")]
    # moved to other offices or to the bench: no evacuation
    assert _roles("The 40 staff were moved to other offices.") == [("40 staff", None)]
    assert _roles("Five players were moved to the bench.") == [("Five players", None)]
    assert joined("About 6,200 people have been evacuated from the riverside district.",
                  "Some 6,200 residents of the riverside district were moved from their homes.")  # fmt: skip


# --- rule 12: times cut short after a space ------------------------------------------------------------------------


def test_a_time_cut_short_after_a_space_is_the_time() -> None:
    # cricket, swimming, a strike, an economy
    assert joined("Play at the ground was stopped for 90 mins by rain.", "Rain stopped play at the ground for 90 minutes.")
    assert joined("The swimmer won the final in 52.41 secs.", "The swimmer took the final in 52.41 seconds.")
    assert joined("Unemployment is at a 12 yr high, the agency said.", "The agency said unemployment is at a 12-year high.")
    # minutes are still no seconds
    assert not joined("The swimmer won the final in 52.41 secs.", "The swimmer took the final after 52.41 minutes.")

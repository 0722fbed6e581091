"""Round review16: bugs found reviewing the day's changes (facts16, stories16, claims16, cites16, bughunt16) and
the conflict rows they show, each with sentences written here from several kinds of news."""

from __future__ import annotations

from test_match_conflicts import conflict, evolving

# --- conflicts: two things of one kind told apart are two figures, never one figure in conflict ----------------
# conflicts.sure_conflict showed a conflict between figures of two halves, two quarters, men and women, the east
# and the west of a county, two groups of voters, what was ordered and what was delivered, what a sum was spent on,
# and two firms that share a word of their names: each pair is two facts, never one figure told two ways.


def test_two_things_of_one_kind_told_apart_never_conflict() -> None:
    # sport: two halves, two races
    assert not conflict("The Hawks scored 22 points in the first half.",
                        "The Hawks scored 25 points in the second half.")  # fmt: skip
    assert not conflict("The men's marathon drew 240 runners.", "The women's marathon drew 220 runners.")
    # business: two quarters, what was ordered and what was delivered
    assert not conflict("The firm sold 18 million phones in the first quarter.",
                        "The firm sold 21 million phones in the second quarter.")  # fmt: skip
    assert not conflict("The airline ordered 40 jets from the planemaker.",
                        "The planemaker delivered 36 jets to the airline.")  # fmt: skip
    # elections / polls: two groups
    assert not conflict("Turnout among young voters was 41 percent.", "Turnout among older voters was 44 percent.")
    assert not conflict("Support among women was 54 percent, the poll found.",
                        "Support among men was 49 percent, the poll found.")  # fmt: skip
    # weather: two parts of a county
    assert not conflict("The storm cut power to 12,000 homes in the east of the county.",
                        "The storm cut power to 14,000 homes in the west of the county.")  # fmt: skip
    # policing: before and after a match
    assert not conflict("Before the match, 320 fans were searched by police.",
                        "After the match, 350 fans were searched by police.")  # fmt: skip
    # schools
    assert not conflict("Boys scored an average of 71 points in the test.",
                        "Girls scored an average of 74 points in the test.")  # fmt: skip


def test_what_a_sum_is_for_and_two_named_holders_tell_two_figures() -> None:
    # local government: two things a sum is spent on
    assert not conflict("The council will spend £4.5m on the bridge.", "The council will spend £4.2m on the library.")
    # business: two firms whose names share a word
    assert not conflict("Carrow Foods reported revenue of $4.2 billion for the quarter.",
                        "Delmont Foods reported revenue of $4.5 billion for the quarter.")  # fmt: skip


def test_one_figure_told_two_ways_with_the_same_words_of_kind_still_conflicts() -> None:
    # the rule asks for two different words of a set: the same ones keep the conflict
    assert conflict("The Hawks scored 22 points in the first half, the league said.",
                    "The Hawks scored 25 points in the first half, the club said.")  # fmt: skip
    assert conflict("The women's marathon drew 240 runners, organisers said.",
                    "The women's marathon drew 220 runners, the city said.")  # fmt: skip
    assert conflict("The council will spend £4.5m on the bridge, its leader said.",
                    "The council will spend £4.2m on the bridge, a spokesman said.")  # fmt: skip
    assert conflict("Carrow Foods reported revenue of $4.2 billion for the quarter.",
                    "Carrow reported revenue of $4.5 billion for the quarter.")  # fmt: skip


def test_counts_of_two_named_places_are_no_update() -> None:
    # conflicts.one_count let "37 in Peru" then "34 in Ecuador" (six hours later) show as one toll updated
    assert not evolving("The quake killed 34 people in Ecuador.", "The quake killed 37 people in Peru.")
    assert not evolving("The floods destroyed 120 homes in Galway.", "The floods destroyed 135 homes in Mayo.")
    # one place, a toll that rose over the day, still is
    assert evolving("The quake killed 37 people in Peru.", "The quake killed 52 people in Peru.")

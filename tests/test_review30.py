"""Round review30: the five rules of round variants29 tried for misfires (issue 12), on sentences written here.
Each test pairs a sentence with one it must stay apart from, and where a rule was narrowed, the wording it was
made for, which must still join."""

from __future__ import annotations

from test_match_general import number_rows, row_of

# --- a scorer's "net": only the goal's net ("found the net", "hit the back of the net") --------------------------


def test_a_net_that_is_no_goal_counts_no_goals() -> None:
    # "net worth", a police net cast, a fishing net: no goals, whatever the figure
    for told in ("The striker's net worth rose 19 times in a decade.",
                 "Police cast the net 19 times in the inquiry this season.",
                 "Brookvale's groundsman replaced the nets 19 times this season."):  # fmt: skip
        rows = number_rows(told, "The Brookvale striker scored 19 goals this season.")
        assert len(row_of(rows, "19 goals")) == 1, told


def test_finding_or_hitting_the_net_still_counts_goals() -> None:
    for told in ("Hald found the net 31 times for Brookvale last season.",
                 "Hald hit the back of the net 31 times for Brookvale last season.",
                 "Hald netted 31 times for Brookvale last season.",
                 "Hald nets 31 times a season for Brookvale, and did so last season."):  # fmt: skip
        rows = number_rows(told, "Ines Hald scored 31 goals for Brookvale last season.")
        assert len(row_of(rows, "31 goals")) == 2, told


# --- "N times its / their ...": a multiple, no count of occasions -------------------------------------------------


def test_times_a_possessive_is_a_multiple_not_occasions() -> None:
    rows = number_rows("The Brookvale side scored 19 times its tally of the season before.",
                       "The Brookvale striker scored 19 goals last season.")  # fmt: skip
    assert len(row_of(rows, "19 goals")) == 1
    rows = number_rows("The Brookvale fishermen netted 19 times their usual catch last season.",
                       "The Brookvale striker netted 19 goals last season.")  # fmt: skip
    assert len(row_of(rows, "19 goals")) == 1
    # "that season" is no possessive: occasions, still goals
    rows = number_rows("Hald scored 19 times that season for Brookvale.",
                       "Ines Hald scored 19 goals that season for Brookvale.")  # fmt: skip
    assert len(row_of(rows, "19 goals")) == 2


def test_times_a_possessive_is_no_event_of_the_story() -> None:
    # the story's own event noun, met through its verb, takes no multiple ("transferred 19 times their usual sum")
    rows = number_rows("Brookvale transferred 19 times their usual sum last season.",
                       "Brookvale made 19 transfers last season.")  # fmt: skip
    assert len(row_of(rows, "19 transfers")) == 1
    rows = number_rows("Brookvale transferred players 19 times last season.",
                       "Brookvale made 19 transfers last season.")  # fmt: skip
    assert len(row_of(rows, "19 transfers")) == 2

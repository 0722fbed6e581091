"""Round review29: misfires of round variants28's rules found with invented sentences, each fixed by the narrowest
general rule, with what variants28 meant to fix kept (issue 12)."""

from __future__ import annotations

from test_match_general import number_rows, row_of

from claimcheck.claims import extract_claims


def _numbers(text: str) -> list[tuple[str, float | None, str | None]]:
    return [
        (c.text, c.value.low if c.value else None, c.unit) for c in extract_claims(text) if c.kind == "number"
    ]


# --- rule 1: an opening adverb before an age in apposition makes no bare count -------------------------------------


def test_an_age_after_an_opening_adverb_is_no_count() -> None:
    # "Now 18, the singer ...": the figure is the singer's age, told in apposition (as "The singer was 18." is)
    assert [t for t, _, _ in _numbers("Now 18, the singer has sold two million records.")] == [
        "two million records"
    ]
    assert _numbers("Still 17, the striker scored the winner on Saturday.") == []
    assert _numbers("Already 35, the keeper is the oldest in the squad.") == []
    # variants28's counts after the adverbs stay
    assert _numbers("Now 300 homes are flooded.") == [("300 homes", 300.0, "homes")]
    assert _numbers("Already 28 climbers have reached the summit.") == [("28 climbers", 28.0, "climbers")]


# --- rule 2: a role word that names the group a bare figure counts ---------------------------------------------------


def _unit_of(text: str, figure: str) -> str | None:
    (c,) = [c for c in extract_claims(text) if c.kind == "number" and c.text == figure]
    return c.unit


def test_a_role_word_naming_the_group_still_counts_a_bare_figure() -> None:
    # the role word as the subject's noun, not said of another count: the bare figure counts it
    assert _unit_of("The total dead rose to 41 on Sunday.", "41") == "dead"
    assert _unit_of("Those injured numbered 27 by the evening.", "27") == "injured"
    assert _unit_of("The figure for missing stood at 14 on Monday.", "14") == "missing"
    assert _unit_of("Those displaced now total 3,000 in the valley.", "3,000") == "displaced"


def test_a_role_word_said_of_another_count_is_still_skipped() -> None:
    # variants28's cases: the role is a predicate of another figure ("are dead", "were injured", "40 injured")
    assert _unit_of("Nine hikers are dead and rescuers said 14 were brought down safely.", "14") is None
    assert _unit_of("Six firefighters were injured as 30 tackled the blaze.", "30") is None
    assert _unit_of("Four sailors were feared dead after 30 abandoned the ferry.", "30") is None
    (killed, injured) = [c for c in extract_claims("12 were killed and 40 injured in the blast.") if c.kind == "number"]
    assert killed.extra.get("role") == "deaths" and injured.extra.get("role") == "injured"


# --- rule 3: "visibility" near a count of people in millions ---------------------------------------------------------


def test_visibility_of_a_brand_to_millions_of_people_stays_millions() -> None:
    # a brand's or a show's visibility, and an audience in "m": millions, not metres
    assert _numbers("The sponsor gained visibility among 50m viewers.") == [("50m viewers", 50_000_000.0, "viewers")]
    assert _numbers("The deal boosts the visibility of its 12m-strong fanbase.")[0][1] == 12_000_000
    assert _numbers("The app wants more visibility with its 8m users.")[0][1] == 8_000_000
    # fog still gives metres
    assert _numbers("Visibility was down to 50m on the ring road.")[0][1:] == (50.0, "m")
    assert _numbers("Drivers said visibility was less than 80m in places.")[0][2] == "m"
    # a length next to homes or people stays a length ("30m from homes": a distance)
    assert _numbers("The sinkhole opened 30m from homes on the estate.")[0][1:] == (30.0, "m")
    assert _numbers("The app wants more visibility with its 8m monthly users.")[0][1] == 8_000_000


# --- rule 8: goals from a scorer decided a game: a count of his goals, not the margin -------------------------------


def test_goals_from_a_scorer_that_decided_a_game_are_his_count() -> None:
    rows = number_rows("Okafor scored two goals as Millbrook beat Dunhaven on Saturday.",
                       "The derby was settled by two goals from Okafor on Saturday.")  # fmt: skip
    assert len(row_of(rows, "two goals")) == 2
    rows = number_rows("The winger has scored 12 goals this season for Millbrook.",
                       "Millbrook's season was carried by 12 goals from the winger.")  # fmt: skip
    assert len(row_of(rows, "12 goals")) == 2
    # variants28's margins stay margins, apart from a count
    rows = number_rows("The tie was decided by two goals on Saturday at Millbrook.",
                       "Okafor scored two goals at Millbrook on Saturday.")  # fmt: skip
    assert all(len(r) == 1 for r in rows)


# --- rule 5: "a majority of nine to three" is a tally of both sides, not a gap of nine ------------------------------


def test_a_tally_after_majority_of_is_no_gap() -> None:
    assert all(u != "majority" for _, _, u in _numbers("A majority of nine to three backed the motion."))
    assert all(u != "majority" for _, _, u in _numbers("The jury reached a verdict by a majority of ten to two."))
    # variants28's gaps stay
    assert _numbers("The Greens hold a majority of nine on the council.") == [("nine", 9.0, "majority")]
    assert _numbers("She had a lead of two over her rival.") == [("two", 2.0, "lead")]


def test_a_role_word_after_a_figure_and_its_noun_is_said_of_that_count() -> None:
    # a headline's "leaves 41 whales dead" before the story: the refloated whales are not the dead
    text = "Stranding leaves 30 dolphins dead. Of a pod of 50 dolphins, 30 died and 20 were refloated."
    (c,) = [c for c in extract_claims(text) if c.kind == "number" and c.text == "20"]
    assert c.unit is None or "dead" not in c.unit

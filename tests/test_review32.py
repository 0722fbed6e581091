"""Review32 (issue 12): generality review of round variants30's four matcher rules, on sentences written here
from news none of its events told (a marathon's start and finish, a union ballot, a referendum, a tailback, a milk
spill). Each test holds a misfire the round's rules made and what must still join."""

from __future__ import annotations

from test_match_general import number_rows, row_of

from claimcheck.claims import extract_claims

# --- a race's field: its starters and its finishers are two counts ------------------------------------------------


def test_the_starters_and_the_finishers_of_a_race_are_two_counts() -> None:
    rows = number_rows("The 10k road race in Tarnby had 300 starters on Sunday.",
                       "The half marathon in Tarnby had 300 finishers on Sunday.")  # fmt: skip
    assert len(row_of(rows, "300 finishers")) == 1
    rows = number_rows("More than 2,000 starters set off in the Kelby marathon.",
                       "The Kelby marathon had 2,000 finishers.")  # fmt: skip
    assert len(row_of(rows, "2,000 finishers")) == 1


def test_the_field_still_meets_its_starters_and_its_finishers() -> None:
    for one, other in (("300 runners", "300 starters"), ("212 runners", "212 finishers"), ("180 entrants", "180 starters")):
        rows = number_rows(f"The fell race at Tarnby had {one} on Sunday.", f"The fell race at Tarnby had {other} on Sunday.")
        assert len(row_of(rows, other)) == 2, other
    rows = number_rows("The fell race at Tarnby had 212 finishers.", "The fell race at Tarnby drew 212 people.")
    assert len(row_of(rows, "212 people")) == 2


# --- a spaced dash between the two sides of a tally is no aside ----------------------------------------------------


def _figures(sentence: str) -> list[tuple[float | None, float | None]]:
    return [(c.value.low, c.value.high) for c in extract_claims(sentence) if c.kind == "number" and c.value]


def test_a_tally_with_a_spaced_dash_is_not_read_as_an_aside() -> None:
    # a vote's or a game's two sides: the loser's figure is no difference the winner's figure explains
    assert _figures("The union won the ballot at Carrow Mills by 2,345 - 1,876.") == []
    assert _figures("The measure passed 52% - 48% in the Orrin referendum.") == []
    assert _figures("Delegates voted 1,204 - 1,150 against the merger.") == []
    # unspaced, each was read so before and after the round
    assert _figures("The measure passed 52%-48% in the Orrin referendum.") == []


def test_an_aside_after_a_spaced_dash_keeps_both_figures() -> None:
    assert _figures("Turnout in Orrin rose to 1.2 million - 300,000 more than in 2019.") == [
        (1.2e6, 1.2e6), (300000, 300000)]  # fmt: skip
    assert _figures("Ticket sales passed 12,000 - 2,000 more than last year.") == [(12000, 12000), (2000, 2000)]
    assert _figures("The Kelby appeal passed £45m - £12m of it from local firms.") == [(45e6, 45e6), (12e6, 12e6)]


# --- a rounded conversion: a one-digit figure does not stretch to a quarter ------------------------------------------


def test_a_conversion_rounded_far_from_the_other_figure_stays_apart() -> None:
    # 4 km is 2.49 miles, so "two miles" rounds it at one digit; but two miles is 3.2 km: no newsroom writes it so
    rows = number_rows("The tailback at Kelby stretched two miles on Friday.", "The tailback at Kelby stretched 4 km on Friday.")
    assert len(row_of(rows, "4 km")) == 1
    # 5,000 litres is 1,321 gallons: "1,000 gallons" is a third less
    rows = number_rows("About 5,000 litres of milk spilled at Kelby.", "About 1,000 gallons of milk spilled at Kelby.")
    assert len(row_of(rows, "1,000 gallons")) == 1
    rows = number_rows("The Kelby flood barrier runs for three miles.", "The Kelby flood barrier runs for 5.5km.")
    assert len(row_of(rows, "5.5km")) == 1  # 3.42 miles; three miles is 4.8km


def test_a_conversion_rounded_near_the_other_figure_still_joins() -> None:
    for a, b in (("2 metres", "six feet"), ("10 km", "six miles"), ("3 km", "two miles"), ("12 km", "seven miles"), ("50 tonnes", "50 tons")):
        rows = number_rows(f"The Kelby flood barrier was raised by {a} on Friday.",
                           f"The Kelby flood barrier was raised by {b} on Friday.")  # fmt: skip
        assert len(row_of(rows, b)) == 2, (a, b)


# --- a reading below zero told with its sign after it ----------------------------------------------------------------


def test_a_temperature_told_below_zero_is_a_reading_below_zero() -> None:
    # "14C below zero" was read as 14C: it met the afternoon's 14C and never the "-14C" of the same night
    rows = number_rows("Temperatures fell to 14C below zero at Ambleholt overnight.",
                       "Ambleholt recorded 14C on Tuesday afternoon.")  # fmt: skip
    assert len(row_of(rows, "below zero")) == 1
    rows = number_rows("Temperatures fell to 14C below zero at Ambleholt overnight.",
                       "Temperatures fell to -14C at Ambleholt overnight.")  # fmt: skip
    assert len(row_of(rows, "below zero")) == 2
    assert [c.value.low for c in extract_claims("Kelby shivered at 9F below zero.") if c.value] == [-9.0]

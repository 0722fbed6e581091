"""A count said with its place in a series (match/blocking ``position_of``): "the first two games" and "the final
two games" are two stretches of one series, never one row; "the last" and "the past" look back alike. Invented
sentences from several kinds of news (rows22 found such rows mixed on real sport reporting)."""

from __future__ import annotations

from test_match_general import joined

from claimcheck.claims import extract_claims
from claimcheck.match.blocking import position_of


def _positions(sentence: str) -> list[str | None]:
    return [position_of(c) for c in extract_claims(sentence) if c.kind == "number"]


def test_the_word_before_the_figure_names_its_stretch() -> None:
    assert _positions("The club lost its opening three matches of the season.") == ["first"]
    assert _positions("Rainfall was below average in each of the past 4 months.") == ["last"]
    assert _positions("The firm plans to hire 300 staff over the next two years.") == [None, "next"]
    assert _positions("The firm hired 300 staff last year.") == [None]


def test_first_and_final_stretches_are_two_facts() -> None:
    # sport: the first two games and the final two games of a series
    assert not joined("Dalby won the first two games of the final series at home.",
                      "Dalby then lost the final two games of the series on the road.")  # fmt: skip
    # economy: growth in the past three quarters and a forecast for the next three
    assert not joined("The economy grew in each of the past three quarters, the statistics office said.",
                      "The bank expects the economy to grow in each of the next three quarters.")  # fmt: skip


def test_last_and_past_look_back_alike() -> None:
    assert joined("Rents in the city have risen in each of the last seven years, the council said.",
                  "City rents have gone up in each of the past seven years, according to the council.")  # fmt: skip
    # a stretch named on one side only leaves the row as it was
    assert joined("The striker has scored in her last five matches for the club.",
                  "The striker has now scored in five matches in a row for the club.")  # fmt: skip

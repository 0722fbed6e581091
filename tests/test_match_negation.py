"""A quote and its opposite are two quotes, never one row (the lead's round 19): an outlet that prints "we will
raise taxes" where others print "we will not raise taxes" says the opposite, and a fact-checker must see both.
Invented quotes of politics, sport, courts and business."""

from __future__ import annotations

import pytest
from test_match_general import OUTLETS, told_each

from claimcheck.match.normalize import opposite_quotes
from claimcheck.match.pipeline import match_facts
from claimcheck.match.rules import MatchOptions


def quote_rows(*texts: str) -> list[int]:
    """The outlets of each quote row, one outlet telling each of ``texts``."""
    articles = told_each(*texts)
    return sorted(len(f.outlets) for f in match_facts(articles, OUTLETS, MatchOptions()) if f.kind == "quote")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("We will not raise taxes on working families", "We will raise taxes on working families"),
        ("I have never met him in my life", "I have met him in my life"),
        ("The club is not for sale at any price", "The club is for sale at any price"),
        ("We won't close the plant this year", "We will close the plant this year"),
        ("There is no evidence of any wrongdoing by the board", "There is evidence of wrongdoing by the board"),
    ],
)
def test_a_quote_and_its_opposite(a: str, b: str) -> None:
    assert opposite_quotes(a, b) and opposite_quotes(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("We did not know the bridge was unsafe", "We didn't know the bridge was unsafe"),  # a contraction
        ("We will not raise taxes on working families", "raise taxes on working families"),  # a part after it
        ("I am not going anywhere", "I am going nowhere"),  # as many negations
        ("We will not raise taxes on working families", "We will not raise taxes on families"),
    ],
)
def test_the_same_quote_is_no_opposite(a: str, b: str) -> None:
    assert not opposite_quotes(a, b)


def test_a_quote_and_its_opposite_are_two_rows() -> None:
    assert quote_rows(
        '"We will not raise taxes on working families," the chancellor said on Monday.',
        '"We will raise taxes on working families," the chancellor said on Monday.',
    ) == [1, 1]
    assert quote_rows(
        "'I have never taken a penny from the club,' the former chairman told the court.",
        "'I have taken a penny from the club,' the former chairman told the court.",
    ) == [1, 1]


def test_the_same_quote_with_a_contraction_is_one_row() -> None:
    assert quote_rows(
        '"We did not know the bridge was unsafe," the engineer said.',
        '"We didn\'t know the bridge was unsafe," the engineer said.',
    ) == [2]

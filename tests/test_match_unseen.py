"""Over-joins on unseen events (issue 12, round facts14): mechanisms that join two different facts of one story
into one row, found on sentences written here from several kinds of news (markets, economics, sport, polls,
trade, local news), read by the real extractor and matched by ``match_facts``. Each "apart" case joined before
its rule; each "together" case is one fact in other words that must keep joining."""

from __future__ import annotations

from test_match_general import joined

# --- a figure's words take opposite sides: a rise and a fall, support and opposition ------------------------
# (a deal, a payment and a margin are told from both parties' sides: tests/test_review14_match.py)


def test_opposite_changes_of_one_size_are_two_facts() -> None:
    assert not joined("Shares in the retailer rose 5 percent on Monday.",
                      "Sales at the retailer fell 5 percent in the quarter.")  # fmt: skip
    assert not joined("Profits at the bank rose by $3 billion this year.",
                      "The bank's revenue fell by $3 billion this year.")  # fmt: skip
    assert not joined("The town's population grew by 1,200 last year.",
                      "The town's population shrank by 1,200 last year.")  # fmt: skip


def test_support_and_opposition_of_one_size_are_two_facts() -> None:
    assert not joined("In the poll, 41 percent approve of the president.",
                      "In the poll, 41 percent disapprove of the president.")  # fmt: skip
    assert not joined("Some 38 percent of voters support the new stadium.",
                      "Some 38 percent of voters oppose the new stadium.")  # fmt: skip


def test_one_side_told_in_other_words_still_joins() -> None:
    assert joined("Sales fell 5 percent in the quarter.", "Quarterly sales dropped 5 percent.")
    assert joined("The Greens won 12 seats in the election.", "The Greens took 12 seats at the election, winning big.")
    # words of both sides say neither: the figure joins its fact as before
    assert joined("Shares fell 5 percent after rising 3 percent on Monday.",
                  "The shares ended down 5 percent on Monday.")  # fmt: skip
    assert joined("Unemployment rose to 4.2 percent in March.", "The jobless rate climbed to 4.2 percent in March.")


def test_a_score_is_told_from_both_sides() -> None:
    # the winner's "won 8-7" and the loser's "lost 8-7" are one game; "a 3-1 lead" and "3-1 down" one series
    assert joined("The Hawks won 8-7 in extra innings on Friday.", "The Owls lost 8-7 to the Hawks in extra innings.")
    assert joined("Trailing 3-1 in the series, the Rovers rallied to win it.",
                  "The Rovers were 3-1 down in the series and lost the next game too.")  # fmt: skip


# --- two shares or sums of one size that measure different named quantities --------------------------------


def test_shares_and_sums_of_different_quantities_are_two_facts() -> None:
    # economics, politics, business, public finance
    assert not joined("Unemployment rose to 4.2 percent in March.", "Inflation stood at 4.2 percent in March.")
    assert not joined("Support for the mayor stood at 41 percent in the poll.",
                      "Turnout in the mayoral poll was 41 percent.")  # fmt: skip
    assert not joined("Annual profits at the chain came to $3 billion.",
                      "The chain reported annual revenue of $3 billion.")  # fmt: skip
    assert not joined("The new tax of 15 percent starts in April, the minister said.",
                      "Turnout was 15 percent in April, the minister said.")  # fmt: skip
    assert not joined("The deficit reached $40 billion this year, the treasury said.",
                      "The treasury said debt payments came to $40 billion this year.")  # fmt: skip


def test_one_quantity_named_two_ways_still_joins() -> None:
    assert joined("The shares fell 12 percent on Tuesday.", "The stock dropped 12% on Tuesday.")
    assert joined("Annual profits at the chain came to $3 billion.", "The chain earned $3 billion in annual profit.")
    assert joined("The bank will cut 5 percent of its staff.", "The bank will shed 5 percent of jobs.")
    # words that name no quantity of the list leave the link as it was
    assert joined("The token has shed over 50 percent of its worth.", "The price of the token has fallen by over 50%.")


# --- an article's figure given twice for two things is two figures -----------------------------------------


def test_an_articles_two_figures_of_one_size_told_apart_are_both_kept() -> None:
    from test_match_general import told

    from claimcheck.match.pipeline import distinct_claims

    both = told("bbc", "The retailer will cut 12 percent of its staff, it said. Its shares rose 12 percent on the news.")
    assert len(distinct_claims(both, "number")) == 2
    # and other outlets' report of the second figure joins it
    assert joined("The retailer will cut 12 percent of its staff, it said. Its shares rose 12 percent on the news.",
                  "Shares in the retailer rose 12 percent on Thursday.")  # fmt: skip
    # the same figure told twice in other words stays one figure of the article
    once = told("bbc", "Shares in the retailer rose 12 percent. The 12 percent rise came after the results.")
    assert len(distinct_claims(once, "number")) == 1

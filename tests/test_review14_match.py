"""Review of round facts14 (review14): one fact told from the other side, or with another word for its
quantity, that the new unlink rules (match/blocking.py: _unlink_opposite_sides, _unlink_other_quantities) split
though it joined before. Own sentences of business, sport, culture, markets, polls and labour news.

The lead narrowed the rules after this review: a deal, a payment and a margin take no side, and "share" and
"earnings" name no quantity. The three cases still split are marked xfail (strict) with what splits them, so
the case turns into a failure the day it joins again (then drop the mark)."""

from __future__ import annotations

import pytest
from test_match_general import joined

_TRADE = "a deal is told from both sides: the buyer bought what the seller sold (_SIDES 'trade')"
_MONEY = "a payment is told from both sides: one spent what the other received (_SIDES 'money')"
_OUTCOME = "a margin is told from both sides, as a score is: one won by what the other lost by (_SIDES 'outcome')"
_CHANGE = "a currency pair: the dollar's rise against the yen is the yen's fall against the dollar"
_EARNING = "'average hourly earnings' are wages, not profits (_QUANTITIES)"
_VOTE = "a poll's vote intention is its support (_QUANTITIES 'vote' / 'approval')"

SPLIT_BY_FACTS14 = [
    pytest.param("The software maker bought the game studio for $69 billion last year.",
                 "The game studio was sold to the software maker for $69 billion last year.",
                 id="acquisition"),
    pytest.param("Madrid bought the striker from Lyon for $90 million on Friday.",
                 "Lyon sold the striker to Madrid for $90 million on Friday.",
                 id="transfer-fee"),
    pytest.param("Fans bought 40,000 tickets for the final within an hour.",
                 "The club sold 40,000 tickets for the final within an hour.",
                 id="tickets"),
    pytest.param("A collector bought the painting for $45 million at auction in New York.",
                 "The painting sold for $45 million at auction in New York.",
                 id="auction"),
    pytest.param("China imported 90 million tonnes of soybeans from Brazil.",
                 "Brazil exported 90 million tonnes of soybeans to China.",
                 id="trade-mirror"),
    pytest.param("Chelsea spent $115 million on the midfielder, a club record.",
                 "Brighton received $115 million for the midfielder, a club record.",
                 id="fee-spent-received"),
    pytest.param("The government spent $2 billion on the vaccine doses.",
                 "The drugmaker received $2 billion from the government for vaccine doses.",
                 id="contract"),
    pytest.param("The Lakers won by 12 points on Sunday night.", "The Celtics lost by 12 points on Sunday night.",
                 id="margin"),
    pytest.param("The dollar rose 2 percent against the yen on Thursday.",
                 "The yen fell 2 percent against the dollar on Thursday.",
                 marks=pytest.mark.xfail(strict=True, reason=_CHANGE), id="currency"),
    pytest.param("The share of adults out of work rose to 5.1 percent in May.",
                 "Unemployment rose to 5.1 percent in May.",
                 id="share-unemployment"),
    pytest.param("The share of eligible voters who cast a ballot was 62 percent.",
                 "Turnout was 62 percent of eligible voters.",
                 id="share-turnout"),  # voters who cast a ballot are the turnout (variants17: blocking._TURNED_OUT)
    pytest.param("Average hourly earnings rose 4.1 percent from a year earlier.",
                 "Wages rose 4.1 percent from a year earlier.",
                 id="earnings-wages"),
    pytest.param("In the poll, 52 percent said they would vote for the governor.",
                 "The governor's support stood at 52 percent in the poll.",
                 marks=pytest.mark.xfail(strict=True, reason=_VOTE), id="vote-support"),
]  # fmt: skip


@pytest.mark.parametrize(("a", "b"), SPLIT_BY_FACTS14)
def test_one_fact_told_from_the_other_side_or_in_other_words_joins(a: str, b: str) -> None:
    assert joined(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The senator defeated her challenger by 3,400 votes.", "The challenger lost to the senator by 3,400 votes."),
        ("The drug company will pay $500 million to settle the lawsuit.",
         "The plaintiffs will receive $500 million to settle the lawsuit."),
        ("The jury awarded the family $25 million on Tuesday.", "The family won $25 million from the jury on Tuesday."),
        ("Flu cases fell 30 percent this week, health officials said.",
         "Health officials said flu cases dropped 30 percent this week."),
        ("The airline will cut 10 percent of its workforce.", "The airline will lay off 10 percent of its employees."),
        ("The index lost 3 percent on Friday.", "The index fell 3 percent on Friday."),
        ("The company raised $1.8 billion in its stock market debut.",
         "The company sold $1.8 billion of shares in its stock market debut."),
        ("Temperatures dropped 20 degrees overnight in the city.", "The city saw temperatures plunge 20 degrees overnight."),
        ("The minimum wage will rise 5 percent in January.", "Minimum-wage workers will get a 5 percent raise in January."),
    ],
)  # fmt: skip
def test_one_fact_in_other_words_still_joins(a: str, b: str) -> None:
    assert joined(a, b)

"""Vote tallies as facts (issue #12): "the Senate passed the bill 52-48", "the court ruled 6-3", "MPs voted 312 to
256" are one number claim each, of unit "vote", the tally in ``extra["score"]`` (the higher figure first), read in
a voting context only (claimcheck/claims/votes.py); they match only the same tally (match/things.thing_key), and
the table reads "52-48 vote". Sentences invented, from several kinds of news."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from claimcheck.claims import extract_claims
from claimcheck.match.pipeline import match_facts
from claimcheck.match.rules import MatchOptions
from claimcheck.models import Article, Outlet

T0 = datetime(2026, 5, 4, 18, tzinfo=UTC)
OUTLETS = {o: Outlet(o, o.upper()) for o in ("alpha", "beta", "gamma", "delta")}


def tallies(text: str) -> list[tuple[str, float | None, str | None]]:
    return [
        (c.text, c.value.low if c.value else None, c.extra.get("score"))
        for c in extract_claims(text)
        if c.kind == "number" and c.unit == "vote"
    ]


@pytest.mark.parametrize(
    "text,expected",
    [
        # parliaments and legislatures
        ("The Senate passed the farm bill 52-48 on Tuesday night.", ("52-48", 52, "52-48")),
        ("MPs voted 312 to 256 to back the new planning rules.", ("312 to 256", 312, "312-256")),
        ("The motion was approved by 312 votes to 256.", ("312 votes to 256", 312, "312-256")),
        ("The vote was 52 to 48, with two senators absent.", ("52 to 48", 52, "52-48")),
        ("The bill cleared the House 220-211 after a long debate.", ("220-211", 220, "220-211")),
        ("The upper house voted 51–49 to confirm the nominee.", ("51–49", 51, "51-49")),
        ("The committee advanced the nominee by a vote of 11 to 4.", ("11 to 4", 11, "11-4")),
        # courts and juries
        ("The Supreme Court ruled 6-3 that the ban was lawful.", ("6-3", 6, "6-3")),
        ("In a 5-4 decision, the justices struck down the levy.", ("5-4", 5, "5-4")),
        ("The appeals court upheld the sentence 2-1.", ("2-1", 2, "2-1")),
        ("After two days of deliberation the jury found him guilty 10-2.", ("10-2", 10, "10-2")),
        # councils, boards, shareholders, unions, the UN
        ("The city council voted 7-2 in favour of the new bike lanes.", ("7-2", 7, "7-2")),
        ("The school board approved the budget 9-0 on Monday.", ("9-0", 9, "9-0")),
        ("The county commission split 4-3 on the rezoning plan.", ("4-3", 4, "4-3")),
        ("Shareholders rejected the pay report, with 412 votes to 388.", ("412 votes to 388", 412, "412-388")),
        ("Nurses backed the strike by a ballot of 870 to 130.", ("870 to 130", 870, "870-130")),
        ("The resolution passed with 13 in favour and 2 against.", ("13 in favour and 2 against", 13, "13-2")),
        ("Delegates voted 1,204 to 310 for the motion.", ("1,204 to 310", 1204, "1204-310")),  # a card vote
        ("Two years ago the court ruled 6-3.", ("6-3", 6, "6-3")),
        ("The justices ruled 6-3 largely along ideological lines.", ("6-3", 6, "6-3")),
        ("The board voted 8-1 yesterday to sell the site.", ("8-1", 8, "8-1")),
        # the higher figure first, whatever the order written
        ("The amendment failed on a 48-52 vote in the chamber.", ("48-52", 52, "52-48")),
    ],
)
def test_a_tally_in_a_voting_context_is_one_number_claim(text: str, expected: tuple) -> None:
    assert tallies(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The Rovers beat United 3-1 on Saturday.",  # a sports score (claims/scores.py)
        "The Hawks won the fans' vote after their 8-7 win.",
        "Nadal defeated the qualifier 6-3 on Centre Court.",
        "The team went 7-8-1 last season.",  # a record
        "The attacks of 9-11 changed the city.",  # a date
        "The pharmacy is open 24-7.",
        "Voters aged 18-24 turned out in force.",  # an age range
        "The court's 6-3 conservative majority looks secure.",  # a make-up, not a vote
        "Voters backed the plan by a 2-1 margin.",  # a ratio
        "The senator led her rival 52-45 in the latest poll.",  # a poll
        "Republicans lead the chamber 53-47 after the election.",
        "Lawmakers voted 3-4 times on the measure.",  # a range of a count
        "The board voted to build 4-5 storey towers on the site.",  # a range modifying a noun
        "The council approved 20-30 new homes.",
        "Shareholders backed the deal by 61% to 39%.",  # two shares, each its own figure
        "The council met 9-11 May to agree the budget.",
        "The board met on May 9-11 to vote on the merger.",
        "The union's members voted by 85% to 15% to strike.",
        "The resolution passed with 13 in favour, 2 abstentions and no votes against.",  # no tally of two sides
    ],
)
def test_no_tally_outside_a_voting_context(text: str) -> None:
    assert tallies(text) == []


def test_a_tally_is_one_claim_and_the_decision_stays_a_statement() -> None:
    claims = extract_claims("The Supreme Court ruled 6-3 that the ban was lawful.")
    numbers = [c for c in claims if c.kind == "number"]
    assert [(c.text, c.unit) for c in numbers] == [("6-3", "vote")]
    assert any(c.kind == "statement" for c in claims)  # the ruling itself is the content


def test_tallies_ride_the_scores_switch() -> None:
    assert not any(c.unit == "vote" for c in extract_claims("MPs voted 312 to 256 on the plan.", scores=False))


def _art(outlet: str, text: str, n: int = 0) -> Article:
    url = f"https://{outlet}.example/{n}"
    return Article(outlet, url, url, f"{outlet} story", text, url, T0, published=T0 + timedelta(hours=n),
                   claims=tuple(extract_claims(text)))  # fmt: skip


def _vote_facts(*articles: Article) -> list:
    facts = match_facts(articles, OUTLETS, MatchOptions())
    return [f for f in facts if f.kind == "number" and f.unit == "vote"]


def test_the_same_tally_in_different_words_is_one_fact_that_reads_as_a_vote() -> None:
    facts = _vote_facts(
        _art("alpha", "Lawmakers passed the water bill 52-48 on Tuesday."),
        _art("beta", "The water bill was approved by 52 votes to 48 on Tuesday."),
        _art("gamma", "The chamber voted 52 to 48 on Tuesday to pass the water bill."),
    )
    assert len(facts) == 1
    assert set(facts[0].outlets) == {"alpha", "beta", "gamma"}
    assert facts[0].summary.startswith("52-48 vote")


def test_two_votes_of_one_story_are_two_facts_never_a_conflict() -> None:
    facts = _vote_facts(
        _art("alpha", "The committee backed the water bill 7-2 before the full Senate passed it 52-48."),
        _art("beta", "The water bill cleared the Senate 52-48 a week after a 7-2 committee vote."),
        _art("gamma", "The Senate passed the water bill 51-49, the clerk said."),
    )
    by_tally = {f.mentions[0].claim.extra["score"]: f for f in facts}
    assert set(by_tally) == {"7-2", "52-48", "51-49"}
    assert set(by_tally["52-48"].outlets) == {"alpha", "beta"}
    assert set(by_tally["7-2"].outlets) == {"alpha", "beta"}
    assert all(not f.conflicts for f in facts)


def test_a_tally_never_joins_a_count_of_the_same_figure() -> None:
    facts = match_facts(
        [
            _art("alpha", "The Senate passed the water bill 52-48 on Tuesday."),
            _art("beta", "All 52 Democrats in the Senate backed the water bill on Tuesday."),
        ],
        OUTLETS,
        MatchOptions(),
    )
    assert all(len(f.outlets) == 1 for f in facts if f.kind == "number")

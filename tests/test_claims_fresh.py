"""Numbers and credits that held on pages we had not seen (issue 12 §2, the "fresh pages" round).

Every sentence is our own, written for these tests in the manner of web and news copy; each rule has cases
that must stay claims.
"""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims
from claimcheck.claims.citations import find_credits


def numbers(text: str) -> list[str]:
    return [c.text for c in extract_claims(text) if c.kind == "number"]


def cites(text: str) -> list[str]:
    return [c.cites for c in find_credits(text, {})]


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        # an emergency number named, not dialled: "911 calls", "a 999 operator"
        ("Dispatchers fielded 911 calls from the estate until dawn, the county said.", "911"),
        ("A 999 operator stayed on the line with the driver for an hour.", "999"),
        # an acceleration benchmark is a name, not a range from 0 to 60
        ("The coupe goes from 0-60 mph in 3.9 seconds, the maker claims.", "0-60"),
        ("The estate car reaches 0 to 100 km/h in 7.1 seconds.", "0 to 100"),
        ("The hatchback does 0-62mph in 6.2s.", "0-62"),
        ("In its fastest mode 0-60 mph could come in 4.4 seconds, testers say.", "0-60"),
        # a resolution is no number of thousands
        ("The new box plays films in 4K at 60 frames per second.", "4K"),
        ("Subscribers get 4k streaming and two screens at once.", "4k"),
        ("The series was shot in 8K, the studio said.", "8K"),
        # the size of a ranked list
        ("Scroll down for our picks of the 10 best laptop deals this week.", "10"),
        ("The five biggest lenders were fined on Tuesday.", "five"),
        ("The town made the top 20 places to retire in the ranking.", "20"),
        # the writer's own points
        ('"There are two things every renter should check first," she said.', "two"),
        ("Here are seven ways to cut your heating bill this winter.", "seven"),
        ("Five signs that your boiler needs replacing", "Five"),
        ("Pensions: three mistakes to avoid before you retire", "three"),
        # a selecting word picks things named before
        ("Unlike the original two films, the sequel was shot in Morocco.", "two"),
        ("The first three books of the series sold poorly.", "three"),
        # a team's bracketed standing after its name is no result
        ("The Hawks (7-4, 5-2) snapped a six-game losing streak against the Owls (3-8, 1-6).", "7-4"),
        ("The Hawks (7-4, 5-2) snapped a six-game losing streak against the Owls (3-8, 1-6).", "3-8"),
    ],
)
def test_not_a_number(text: str, gone: str) -> None:
    assert not any(gone in n for n in numbers(text)), numbers(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Police received 120 calls about the noise overnight.", "120 calls"),
        ("The van reached 70 mph on the bypass before the crash.", "70 mph"),
        ("She earned $4k a month from the channel.", "$4k"),
        ("The charity raised 40k for the shelter.", "40k"),
        ("The five lenders were fined a total of $2 billion.", "$2 billion"),
        ("Ten of the best players left the club this summer.", "Ten"),
        ("He walked 10,000 steps a day for a year.", "10,000 steps"),
        ("The other two suspects were arrested on Friday.", "two suspects"),
        ("The club won the last four games of the season.", "four games"),
        ("Smith beat Jones 6-3, 6-4 in the final.", "6-3"),
        ("The Hawks beat the Owls 24-10 on Saturday.", "24-10"),
        # a range from zero is a range unless a speed unit and a time in seconds make it a benchmark
        ("Reported infections rose from 0 to 150 in 3 weeks, the clinic said.", "150"),
        ("The ferry line grew from 0 to 40 in two years.", "40"),
        # the listicle's nouns outside a listicle's shape stay counts
        ("The audit found 14 mistakes in the ballot count.", "14 mistakes"),
        ("Detectives found three signs of forced entry at the rear door.", "three signs"),
        ("The start-up tested 12 ideas with customers last spring.", "12 ideas"),
    ],
)
def test_still_a_number(text: str, kept: str) -> None:
    assert any(kept in n for n in numbers(text)), numbers(text)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a named person credited after the fact, in any tense, with a free description
        ("The dry spell is the longest since 1910, said Ann Cole, the utility's principal meteorologist.", "Ann Cole"),
        ("The merger could start a wave of deals, says Tom Reyes, portfolio manager at Birch Capital.", "Tom Reyes"),
        ("Every ward was cleaned overnight, reports Lee.", "Lee"),
        # a scare quote does not hide the credit
        ("All “affected rooms” were cleaned overnight, reports Lee.", "Lee"),
        # an outlet the sources list does not name
        ('"We will rebuild," the mayor told The Riverside Herald on Monday.', "Riverside Herald"),
        ('"Sales were weak," Baker said on CNBC\'s evening show on Monday.', "CNBC"),
        ('"It is over," he told Business Insider.', "Business Insider"),
        ("The Chronicle says he was detained near the station.", "Chronicle"),
        # a broadcaster or agency known by its initials, or initials followed by a programme word
        ('"We are ready," the coach told CNN on Sunday.', "CNN"),
        ("The actor told the BBC that filming would resume.", "BBC"),
        ("She told KQED's morning show that rents had doubled.", "KQED"),
    ],
)
def test_credit_found(text: str, source: str) -> None:
    assert source in cites(text)


@pytest.mark.parametrize(
    "text",
    [
        "She told the FBI that she had seen the car.",  # a listener, not a source
        "He told FBI agents he was at home.",
        "The minister told NATO on Tuesday that the troops would stay.",  # other initials: a listener
        "The envoy spoke to OPEC last week about output.",
        "Her family said they were grateful.",
        '"We did what we had to do for the whole town," Cole said, adding that the shelter had filled.',
        "The Gold Star families met the senator on Monday.",
    ],
)
def test_no_credit(text: str) -> None:
    assert cites(text) == []

"""Rules of rows23 (issue #12 part 4: the rows a reader sees), each on sentences written here from other news.

- a part told with its whole ("was 12 of 20 for 150 yards", "completing twelve out of 20 attempts") is one figure,
  "12 of 20": its unit carries the whole, and a bare whole ("of 20") gets no row of its own in compare;
- a sentence whose subject points back to an earlier sentence ("The first came in ...") is no statement.
"""

from __future__ import annotations

import pytest
from test_match_general import OUTLETS, told_each

from claimcheck.claims import extract_claims
from claimcheck.claims.statements import is_statement
from claimcheck.compare import CompareOptions, compare
from claimcheck.match.things import unit_key


def _numbers(text: str) -> list[tuple[float | None, str | None, bool]]:
    return [
        (c.value.low if c.value else None, c.unit, bool(c.extra.get("whole")))
        for c in extract_claims(text)
        if c.kind == "number"
    ]


def test_a_part_carries_its_whole_and_a_bare_whole_is_marked() -> None:
    # American football: a passing line
    assert _numbers("Quarterback Sam Ortega was 12 of 20 for 150 yards against the Owls.") == [
        (12, "of 20", False), (20, None, True), (150, "yd", False),
    ]  # fmt: skip
    # basketball, in words: the whole's noun stays with it, and the whole stays a count of its own
    assert _numbers("The guard finished the night making nine out of 14 shots.") == [
        (9, "of 14 shots", False), (14, "shots", False),
    ]  # fmt: skip
    # a poll and a trial of a drug: the same form outside sport
    assert _numbers("In the survey, 4 of 10 voters named housing their main worry.")[0] == (4, "of 10 voters", False)
    assert _numbers("Doctors said 3 of 8 patients in the trial improved.")[0] == (3, "of 8 patients", False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # courts: "of the" names a known set, read as before
        ("Three of the 12 jurors asked to see the video again.", [(3, "jurors", False), (12, "jurors", False)]),
        # a toll: the role of the part is kept
        ("Five of 20 passengers were injured when the bus overturned.", [(5, "passengers", False), (20, "passengers", False)]),
        # business: sums are not parts of a count
        ("The firm kept $5 of every $10 it raised.", [(5, "dollars", False), (10, "dollars", False)]),
        # weather: a bound is no part
        ("Up to 4 of the 30 stations recorded frost overnight.", None),
        # a larger figure first is no part of a whole
        ("The club sold 30 of 20 seats in the new stand.", None),
    ],
)
def test_no_part_of_a_whole_where_the_words_say_otherwise(text: str, expected: list[tuple[float, str, bool]] | None) -> None:
    got = _numbers(text)
    if expected is not None:
        assert got == expected
    assert not any(unit and unit.startswith("of ") for _, unit, _ in got)
    assert not any(whole for _, _, whole in got)


def test_a_part_is_counted_by_its_whole() -> None:
    assert unit_key("of 16") == unit_key("of 16 attempts") == "of 16"
    assert unit_key("of 2,000 homes") == "of 2000"
    assert unit_key("of 16") != unit_key("of 20")
    # nouns that begin as "of" would are untouched
    assert unit_key("offices") == "office"
    assert unit_key("of the dead") != "of the"


def _rows(*texts: str) -> list[tuple[str, str | None, tuple[str, ...]]]:
    articles = told_each(*texts)
    result = compare("game", articles, OUTLETS, CompareOptions(min_outlets=2))
    return [(f"{f.value.low:g}" if f.value else "", f.unit, f.outlets) for f in result.facts if f.kind == "number"]


def test_one_line_told_two_ways_is_one_row_and_no_row_of_its_bare_whole() -> None:
    rows = _rows(
        "Quarterback Sam Ortega was 12 of 20 for 150 yards in the win over the Owls on Sunday.",
        "Sam Ortega threw for 150 yards against the Owls on Sunday, completing twelve out of 20 attempts.",
    )
    part = [r for r in rows if r[0] == "12"]
    assert len(part) == 1 and part[0][1] is not None and part[0][1].startswith("of 20") and len(part[0][2]) == 2
    # two lines with a bare whole each: the "20" they share would be a row of its own (it is without the rule)
    rows = _rows(
        "Quarterback Sam Ortega was 12 of 20 for 150 yards in the win over the Owls on Sunday.",
        "Sam Ortega went 12 of 20 for 150 yards and a touchdown as the Owls lost on Sunday.",
    )
    assert [r[0] for r in rows] == ["12", "150"]


def test_a_whole_with_its_noun_keeps_its_row() -> None:
    # science: the size of a trial is a fact of its own when two outlets state it
    rows = _rows(
        "Doctors said 3 of 8 patients in the small trial at the Leeds clinic improved within a month.",
        "Only 3 of 8 patients in the small Leeds clinic trial improved within a month, doctors said.",
    )
    assert [r for r in rows if r[0] == "3" and r[1] == "of 8 patients"]
    assert [r for r in rows if r[0] == "8"]


@pytest.mark.parametrize(
    "text",
    [
        # sport, property, shipping: a subject that points back: which debut, which house, is in the sentence before
        "The first came in her opening match for the club in 2014.",
        "The latter was sold to a buyer in Ohio in May.",
        "The last arrived in port on Friday evening.",
    ],
)
def test_a_subject_pointing_back_is_no_statement(text: str) -> None:
    assert not is_statement(text)


@pytest.mark.parametrize(
    "text",
    [
        "The former president resigned on Monday.",
        "The first flight left Heathrow at noon on Monday.",
        "The second half began with a goal from Silva.",
        "Over 300 Syrians crossed the border on Monday.",
    ],
)
def test_an_ordinal_with_its_own_noun_stays_a_statement(text: str) -> None:
    assert is_statement(text)

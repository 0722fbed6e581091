"""Round pages19 (issue 12, number precision where the extractor speaks; tests/claims_label.py, "Nineteenth round"):
classes of false or misread number claims the fresh tuning sentences showed. Each rule on sentences of our own from
several kinds of news: what must no longer give the claim (or the misread value), and what must still give it."""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims


def _numbers(text: str) -> list[tuple[float | None, float | None, str | None]]:
    return [
        (c.value.low, c.value.high, c.unit) for c in extract_claims(text) if c.kind == "number" and c.value is not None
    ]


def _values(text: str) -> list[float | None]:
    return [low for low, _, _ in _numbers(text)]


# --- two number words of units side by side are two figures (or a slip), never their sum ---


@pytest.mark.parametrize(
    ("text", "never"),
    [
        ("The striker netted only three four times in her first 22 games.", 7),
        ("Rescuers pulled out two three children from the rubble, a witness said.", 5),
        ("The council approved five six new parks in the spring.", 11),
    ],
)
def test_two_unit_words_are_not_summed(text: str, never: float) -> None:
    assert never not in _values(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Twenty-four people were rescued from the ferry.", 24),
        ("The orchestra hired ninety nine musicians for the tour.", 99),
        ("Thirty three miners were trapped underground.", 33),
        ("The charity raised one hundred twenty-five thousand pounds.", 125000),
    ],
)
def test_a_tens_word_and_its_digit_word_stay_one_figure(text: str, value: float) -> None:
    assert value in _values(text)


def test_a_number_word_is_not_the_counted_thing_of_the_one_before() -> None:
    units = [u for _, _, u in _numbers("The striker netted only three four times in her first 22 games.")]
    assert not any(u and u.split()[0] == "four" for u in units)


# --- a change and the level it reached, without "by", are two figures ---


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("The fund's value fell more than $9 billion to $94 billion last month.", 9e9, 94e9),
        ("Attendance fell 3,000 to 45,000 after the price rise.", 3000, 45000),
        ("Exports jumped 40 percent to 2.1 million tonnes.", 40, 2.1e6),
        ("The state's debt climbed £4 billion to £95 billion.", 4e9, 95e9),
    ],
)
def test_a_change_and_its_level_are_two_figures(text: str, first: float, second: float) -> None:
    got = _numbers(text)
    assert any(low == first and high in (first, None) for low, high, _ in got)
    assert any(low == second and high == second for low, high, _ in got)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Prices rose 5 to 10 percent last year.", 5, 10),
        ("Temperatures will drop 10 to 15 degrees overnight.", 10, 15),
        ("Wages climbed by 2 to 3 percent.", 2, 3),
        ("The crowd numbered 3,000 to 4,000 people.", 3000, 4000),
    ],
)
def test_a_narrow_range_after_a_change_stays_a_range(text: str, low: float, high: float) -> None:
    assert (low, high) in [(lo, hi) for lo, hi, _ in _numbers(text)]


# --- one of an audience opening its clause is a person introduced, no tally ---


@pytest.mark.parametrize(
    "text",
    [
        "One Twitter user chose a clip of a goat shaking its head, with the caption 'Not again.'",
        "One user is the household's administrator and can add the other accounts.",
        "The trailer drew thousands of replies; one viewer posted a drawing of the hero.",
        "One reader sent in a photo of the flooded road.",
    ],
)
def test_one_of_an_audience_is_no_tally(text: str) -> None:
    assert 1 not in _values(text)


@pytest.mark.parametrize(
    "text",
    [
        "One fan died in the crush outside the stadium.",
        "One customer was injured when the roof fell in.",
        "Only one customer turned up for the opening sale.",
        "One man was arrested at the scene.",
    ],
)
def test_one_of_an_audience_with_a_role_or_a_person_counted_stays(text: str) -> None:
    assert 1 in _values(text)


# --- a count restating a bracketed list of names ---


@pytest.mark.parametrize(
    "text",
    [
        "The foundation runs two of the region's best-known charities (Alpha Aid and Beacon Trust).",
        "Three brands (Lotus, Morgan and Caterham) withdrew from the show.",
        "The festival moved to two venues (Harbour Hall and the Corn Exchange) this year.",
    ],
)
def test_a_count_restating_a_bracketed_list_is_no_claim(text: str) -> None:
    assert not any(v in (2, 3) for v in _values(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Two people (a man and a woman) were hurt in the blast.", 2),
        ("Three brands (Lotus and Morgan among them) withdrew from the show.", 3),
        ("Three journalists (Ann Lee, Bo Kim and Cy Park) were detained at the border.", 3),
        ("Police charged two suspects (Lee and Park) with fraud.", 2),
        ("The club signed two strikers (one from Norway) in January.", 2),
        ("Four firms bid for the contract (worth $3 million).", 4),
        ("She has won the title in a record three countries (Chile, Peru and Ghana).", 3),
        ("Only two bidders (Acme and Birchwood) were left.", 2),
    ],
)
def test_a_bracket_that_is_not_the_whole_list_keeps_the_count(text: str, value: float) -> None:
    assert value in _values(text)


# --- "twice the <title>" is a title won two times; "twice the <amount>" still multiplies ---


@pytest.mark.parametrize(
    "text",
    [
        "Okafor, twice the league's player of the year, signed a new deal.",
        "She was twice the world champion before her injury.",
        "He was twice the winner of the coastal marathon.",
    ],
)
def test_twice_the_title_counts_two_times(text: str) -> None:
    assert (2, 2, "times") in _numbers(text)


@pytest.mark.parametrize(
    "text",
    [
        "Rents in the city are twice the national average.",
        "The new reservoir is twice the size of the old one.",
        "The runner-up earned twice the champion's prize money from sponsors.",
    ],
)
def test_twice_the_amount_is_no_count(text: str) -> None:
    assert 2 not in _values(text)

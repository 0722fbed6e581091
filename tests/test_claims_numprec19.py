"""Round numprec19 (issue 12, claims): numbers on unseen real sentences (fresh set pages13), by mechanism.

Own sentences of several kinds of news (politics, sport, disasters, business, science, local news, crime): for
each rule, sentences that read wrong before and must read as below, and sentences that must stay as they were
(see notes/numprec19.md).
"""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims


def _numbers(text: str) -> list[tuple[float | None, float | None, str | None]]:
    return [(c.value.low, c.value.high, c.unit) for c in extract_claims(text) if c.kind == "number" and c.value]


def _units(text: str) -> list[str | None]:
    return [u for _, _, u in _numbers(text)]


# The counted noun after a name with a prefix ("non-North Korean") or after proper and plain modifiers joined by
# "and"/"or" ("Northern and central California counties"): the plural noun, not the first modifier.
@pytest.mark.parametrize(
    "text, head",
    [
        ("The coastguard boarded three other non-North Korean vessels near the strait.", "vessels"),
        ("Police detained 40 anti-Kremlin protesters outside the court.", "protesters"),
        ("Flooding closed roads in 14 Southern and rural Oregon districts.", "districts"),
        ("The charity runs 12 Catholic or Protestant schools in the province.", "schools"),
        ("Storms cut power in 9 Western and coastal Scottish towns overnight.", "towns"),
    ],
)
def test_counted_noun_after_prefixed_or_coordinated_modifiers(text: str, head: str) -> None:
    units = _units(text)
    assert any(u and u.split()[-1] == head for u in units), units


@pytest.mark.parametrize(
    "text, want",
    [
        # a number word after "and" starts a count of its own
        ("The club signed two Spanish and three French players.", (3.0, 3.0, "french players")),
        ("The ministry named 5 Democrats to the panel.", (5.0, 5.0, "democrats")),
        ("Officials moved 200 anti-government protesters away from the square.", (200.0, 200.0, "anti-government protesters")),
    ],
)
def test_counted_noun_stays(text: str, want: tuple) -> None:
    assert want in _numbers(text)


# "over" between a thing counted and a span of time is the span's preposition, no bound.
@pytest.mark.parametrize(
    "text, want",
    [
        ("She won three league titles over two spells at the club.", (2.0, 2.0, "spells")),
        ("He scored 40 goals over three seasons in the north.", (3.0, 3.0, "seasons")),
        ("Food prices rose 5% over two years, the statistics office said.", (2.0, 2.0, "years")),
        ("The guard averaged 12 points over 10 games before the injury.", (10.0, 10.0, "games")),
    ],
)
def test_over_as_the_preposition_of_a_span(text: str, want: tuple) -> None:
    assert want in _numbers(text)


@pytest.mark.parametrize(
    "text, low",
    [
        ("The storm lasted over two days.", 2.0),
        ("Fans waited over 10 years for a title.", 10.0),
        ("The firm employs over 500 people at the plant.", 500.0),
        ("The band has played over 100 games in the league.", 100.0),  # after a verb: a bound
    ],
)
def test_over_stays_a_bound_after_a_verb(text: str, low: float) -> None:
    got = _numbers(text)
    assert any(lo == low and hi is None for lo, hi, _ in got), got


# "only one", "just one" before a noun: a count whatever the noun; not a way of speaking.
@pytest.mark.parametrize(
    "text, want",
    [
        ("Only one ferry on the island route passed the safety check.", (1.0, 1.0, "ferry")),
        ("Just one bid was received for the bridge contract.", (1.0, 1.0, "bid")),
        ("The league approved only one stadium for the final.", (1.0, 1.0, "stadium")),
    ],
)
def test_only_one_is_a_count(text: str, want: tuple) -> None:
    assert want in _numbers(text)


@pytest.mark.parametrize(
    "text",
    [
        "There is only one way to find out.",
        "The coach said there was just one thing on his mind.",
        "One title was released in the spring.",  # no restricting adverb: as before, no count of a title
    ],
)
def test_one_without_a_count(text: str) -> None:
    assert all(lo != 1.0 for lo, _, _ in _numbers(text))


# The window an average is taken over is a kind of average, no figure; the figure after it stays.
@pytest.mark.parametrize(
    "text, keep",
    [
        ("Inflation was above the prior 12-month average of 3.2 percent.", (3.2, 3.2, "percent")),
        ("The stock closed below its 200-day moving average on Friday.", None),
        ("The three-year rolling average of arrests fell to 40.", None),
        ("Rainfall was 20 percent above the 30-year average.", (20.0, 20.0, "percent")),
    ],
)
def test_average_window_is_no_count(text: str, keep: tuple | None) -> None:
    got = _numbers(text)
    assert all(u is None or not u.startswith(("month", "day", "year")) for _, _, u in got), got
    if keep:
        assert keep in got


# Two figures a record is brought to or stands at are the record, not a game's score.
@pytest.mark.parametrize(
    "text, want",
    [
        ("The loss dropped his career coaching record to 133-123.", (133.0, 133.0, "record")),
        ("They finished with a record of 9-3 in the conference.", (9.0, 9.0, "record")),
        ("The team's mark stands at 40-22 after the win.", (40.0, 40.0, "record")),
    ],
)
def test_record_brought_to_a_pair(text: str, want: tuple) -> None:
    assert want in _numbers(text)


@pytest.mark.parametrize(
    "text",
    [
        "Arsenal won 3-1 on Sunday to set a club record.",
        "The side broke the record with a 12-0 win.",
    ],
)
def test_scores_beside_a_record_stay_scores(text: str) -> None:
    assert "score" in _units(text)


# "shot dead" / "gunned down" before the people: deaths, as "killed".
@pytest.mark.parametrize(
    "text, want",
    [
        ("The gunman shot dead 13 people at a civic centre.", (13.0, 13.0, "deaths")),
        ("A man shoots dead 4 people at a bar, police say.", (4.0, 4.0, "deaths")),
        ("Raiders gunned down 6 people at the market.", (6.0, 6.0, "deaths")),
    ],
)
def test_shot_dead_counts_deaths(text: str, want: tuple) -> None:
    assert want in _numbers(text)


def test_shot_dead_without_a_number() -> None:
    assert _numbers("He shot dead a bear last year.") == []


# "pounds" of a payload or cargo is a weight even in a sentence of cost.
@pytest.mark.parametrize(
    "text, unit",
    [
        ("The rocket can take a payload of 50,000 pounds to orbit at a fraction of the cost.", "lb"),
        ("The freighter's cargo of 8,000 pounds cost little to ship.", "lb"),
        ("The club paid 50,000 pounds for the player.", "pounds"),  # money stays money
    ],
)
def test_pounds_of_a_payload_are_a_weight(text: str, unit: str) -> None:
    assert unit in _units(text)


# A measure hyphened to a number in words takes the canonical unit, as after digits ("a 12-yard pass" is yd).
@pytest.mark.parametrize(
    "text, want",
    [
        ("He ran for a five-yard touchdown in the second quarter.", (5.0, 5.0, "yd")),
        ("A four-mile stretch of the motorway was closed after the crash.", (4.0, 4.0, "miles")),
        ("The flood left a two-metre wall of mud in the square.", (2.0, 2.0, "m")),
        ("An angler landed a ten-pound carp at the reservoir.", (10.0, 10.0, "lb")),
    ],
)
def test_hyphened_measure_after_a_number_word(text: str, want: tuple) -> None:
    assert want in _numbers(text)


@pytest.mark.parametrize(
    "text, want",
    [
        ("He is serving a two-year sentence for fraud.", (2.0, 2.0, "year sentence")),
        ("A three-hour surgery followed the fall.", (3.0, 3.0, "hour surgery")),
    ],
)
def test_hyphened_span_after_a_number_word_stays(text: str, want: tuple) -> None:
    assert want in _numbers(text)


def test_kind_compound_after_a_number_word_stays_no_count() -> None:
    assert _numbers("The agency used a three-stage rocket.") == []


# A span told by a contest's own steps dates what follows, as "two days later" does: no count.
@pytest.mark.parametrize(
    "text",
    [
        "But just six laps later, the leader crashed at the hairpin.",
        "The linebacker sacked the quarterback three plays later.",
        "Two innings earlier, the visitors had loaded the bases.",
    ],
)
def test_steps_later_are_no_count(text: str) -> None:
    assert all(u is None or u.split()[0] not in ("laps", "plays", "innings") for u in _units(text))
    assert all(lo not in (6.0, 3.0, 2.0) or u == "batters" for lo, _, u in _numbers(text))


@pytest.mark.parametrize(
    "text, want",
    [
        ("He scored 12 points later in the game.", (12.0, 12.0, "points")),
        ("She played 20 games later in the season.", (20.0, 20.0, "games")),
        ("The champion led six laps of the race.", (6.0, 6.0, "laps")),
    ],
)
def test_steps_counted_stay(text: str, want: tuple) -> None:
    assert want in _numbers(text)

"""Elapsed spans of time (issue 12, times11): "108 years ago", "17 minutes later", "15 years after the crash",
"ten years on," are duration claims marked elapsed; figures of speech, spans that lasted and comparisons are not
(sentences of our own)."""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims
from claimcheck.match.blocking import _same_measured
from claimcheck.match.things import count_class, thing_key
from claimcheck.models import Claim


def numbers(text: str) -> list[Claim]:
    return [c for c in extract_claims(text) if c.kind == "number"]


def elapsed(text: str) -> list[tuple[str, float | None, str | None]]:
    """(text, value, unit) of each elapsed claim of ``text``."""
    return [
        (c.text, c.value.low if c.value else None, c.unit) for c in numbers(text) if c.extra.get("elapsed")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The club last lifted the trophy 108 years ago, in a wooden stadium.",
            [("108 years", 108, "years")],
        ),
        ("Divers reached the sunken ferry 17 minutes later.", [("17 minutes", 17, "minutes")]),
        ("The payment was made 15 years after the film was shot.", [("15 years", 15, "years")]),
        ("The mayor had resigned three days earlier over the scandal.", [("three days", 3, "days")]),
        ("The valley, ten years on, is still empty.", [("ten years", 10, "years")]),
        (
            "The bridge opened more than 40 years ago on the river's widest point.",
            [("more than 40 years", 40, "years")],
        ),
    ],
)
def test_elapsed_spans(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert elapsed(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Years ago the valley was full of farms.",  # no figure
        "Ten years on, the valley is still empty.",  # a span opening its sentence dates it
        "Two years ago the court struck the law down.",
        "A few minutes later the ferry sank.",  # a manner of speaking
        "Moments later the roof fell in.",
        "Several years ago the mill closed.",
        "Dozens of years ago the mill closed.",  # a vague amount, never an elapsed span
        "He spent 15 years on death row before his release.",  # a span that lasted, "on" with more words
        "The athlete was banned for 10 years after failing a test.",  # a ban's length
        "The flight landed two hours later than planned.",  # a comparison
        "He served 15 years in the senate.",
        "The plant opened on 12 May 1998.",  # a date
    ],
)
def test_not_elapsed(text: str) -> None:
    assert elapsed(text) == []


def test_ago_figure_is_now_a_claim() -> None:
    # before: "108 years ago" gave no claim at all (read as a date)
    assert [c.text for c in numbers("The club last won the cup 108 years ago.")] == ["108 years"]


def test_elapsed_is_a_duration_never_a_count() -> None:
    (span,) = numbers("Divers reached the sunken ferry 17 minutes later.")
    assert thing_key(span) == "minute"
    assert count_class(thing_key(span)) is None


def test_elapsed_sentence_stays_a_statement() -> None:
    kinds = [
        c.kind for c in extract_claims("The club last lifted the national trophy 108 years ago in Leeds.")
    ]
    assert "number" in kinds and "statement" in kinds


def test_later_and_delay_measure_one_wait() -> None:
    (a,) = numbers("Play resumed 17 minutes later under lights.")
    (b,) = numbers("The final was held up by a 17-minute rain delay.")
    (c,) = numbers("The former coach served 17 minutes in the sin bin.")
    assert _same_measured(a, b)
    assert not _same_measured(a, c)

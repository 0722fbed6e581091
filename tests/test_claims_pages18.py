"""Round pages18 (issue 12, claims precision where the extractor speaks; tests/claims_label.py, "Eighteenth round"):
classes of false number, quote and citation claims the fresh tuning sentences showed. Each rule on sentences of our
own from several kinds of news: what must no longer give the claim, and what must still give it."""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims
from tests.claims_eval import ALIASES


def _numbers(text: str) -> list[tuple[float, str | None]]:
    return [(c.value.low, c.unit) for c in extract_claims(text) if c.kind == "number" and c.value is not None]


def _cites(text: str) -> list[str | None]:
    return [c.cites for c in extract_claims(text, ALIASES) if c.kind == "citation"]


def _quotes(text: str) -> list[str]:
    return [c.text for c in extract_claims(text) if c.kind == "quote"]


# --- a photographer's credit glued to the agency by a slash is no citation ---


@pytest.mark.parametrize(
    "text",
    [
        "Enlarge this image toggle caption Ann Okafor/AP Ann Okafor/AP",
        "Firefighters work through the night at the warehouse. Lena Brandt/Reuters",
        "The striker celebrates his second goal in the cup final. Tom Hale/AFP via Getty Images",
    ],
)
def test_a_photographers_slash_credit_is_no_citation(text: str) -> None:
    assert _cites(text) == []


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("The mayor told Reuters the bridge would reopen in May.", "reuters"),
        ("Storms will sweep the coast on Friday, forecasters told the BBC.", "bbc"),
        ("The court heard the case on Monday, AP reported.", "ap"),
    ],
)
def test_an_outlet_credited_for_a_fact_stays(text: str, outlet: str) -> None:
    assert outlet in _cites(text)


# --- a picture's size in pixels written out is no count ---


@pytest.mark.parametrize(
    "text",
    [
        "The phone's 6.1-inch screen has a resolution of 1170 pixels by 2532 pixels.",
        "Each frame of the telescope image measures 4000 by 3000 pixels.",
        "The camera records video at 3840 px by 2160 px.",
    ],
)
def test_a_size_in_pixels_is_no_count(text: str) -> None:
    assert all(unit not in ("pixels", "px") for _, unit in _numbers(text))
    assert not any(v in (1170, 2532, 4000, 3000, 3840, 2160) for v, _ in _numbers(text))


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The pitch measures 100 metres by 64 metres.", 64, "m"),  # a pitch's size in metres stays
        ("The new sensor adds 300 pixels to each row.", 300, "pixels"),
        ("Rainfall rose by 40 percent over the decade.", 40, "percent"),
    ],
)
def test_sizes_and_counts_near_by_stay(text: str, value: float, unit: str) -> None:
    assert (value, unit) in _numbers(text)


# --- a figure inside a quoted name or term is no count ---


@pytest.mark.parametrize(
    "text",
    [
        'The senator said she never used the term "three amigos" in the hearing.',
        "Fans dubbed the back line “the Big 3” after the title win.",
        'The firm is part of a club of lenders known as "the 50 club" in the City.',
    ],
)
def test_a_figure_in_a_quoted_name_is_no_count(text: str) -> None:
    assert _numbers(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('The minister said "two people died" in the flooding.', 2),  # a quote of speech, not a name
        ('Police used the phrase "four men were seen running from the bank at noon" in the appeal.', 4),  # long
        ('The charity, known as "Hope", fed 300 families last winter.', 300),  # the figure outside the name
    ],
)
def test_figures_of_speech_in_quotes_stay(text: str, value: float) -> None:
    assert value in [v for v, _ in _numbers(text)]


# --- a straight mark after a sentence's stop closes a quote, never opens one ---


def test_a_straight_close_after_a_stop_opens_no_quote() -> None:
    # a paragraph with an odd number of straight marks (one never closed) and a live blog's update line after a
    # closed quote: the mark after "trace." closes, so the update line is no quote running to the next curly close
    text = (
        'Officials called the trade a growing "crisis for the county and the sheriff said the man sold pills to '
        'students. "The dark web lets people trade drugs without leaving a trace." 3.15pm - UPDATE - The index is '
        "down 2% with banks at their lowest since March. Analysts say central banks “are ready” to act on rates."
    )
    assert not any("UPDATE" in q for q in _quotes(text))


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ('"We played well," the captain said. "The second half was our best of the season."', "The second half"),
        ('The judge said the claim was "without any merit at all." The appeal was dismissed.', "without any merit"),
        ('He asked: "Is this the end?" Nobody answered.', "Is this the end"),
    ],
)
def test_quotes_next_to_a_straight_close_stay(text: str, quote: str) -> None:
    assert any(quote in q for q in _quotes(text))

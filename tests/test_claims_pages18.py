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


# --- a span dated by "before" / "prior" closing the clause is no count ---


@pytest.mark.parametrize(
    "text",
    [
        "The striker had scored twice in the semi-final just four days before.",
        "Two weeks prior, the central bank had held rates.",
        "The jury had been sent home three hours before, the clerk said.",
    ],
)
def test_a_span_dated_by_before_is_no_count(text: str) -> None:
    assert not any(unit in ("days", "weeks", "hours") for _, unit in _numbers(text))


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The storm hit the coast two days before the vote.", 2, "days"),  # "before" with its object: left alone
        ("He served 20 years before his release.", 20, "years"),
        ("Shares rose for three weeks before falling back.", 3, "weeks"),
    ],
)
def test_spans_before_an_event_stay(text: str, value: float, unit: str) -> None:
    assert (value, unit) in _numbers(text)


# --- a lone colour in the singular names a kind in a list, no count ---


@pytest.mark.parametrize(
    "text",
    ["Meal containers: 1 Green, 1 Purple, 1 Blue", "Lunch kit: 2 Yellow, 1 Red, 1 tsp."],
)
def test_a_lone_colour_is_no_count(text: str) -> None:
    assert not any((unit or "").lower() in ("green", "purple", "blue", "yellow", "red") for _, unit in _numbers(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The referee showed 2 red cards and 5 yellow cards.", 2),
        ("Voters elected 4 Greens to the city council.", 4),  # a plural colour is a party
        ("The shop sold 30 white shirts on Saturday.", 30),
    ],
)
def test_colours_before_their_nouns_and_parties_stay(text: str, value: float) -> None:
    assert value in [v for v, _ in _numbers(text)]


# --- a span judged long or short, a number word standing for things named before ---


@pytest.mark.parametrize(
    "text",
    [
        "Three years is a long time, and a team's plans change.",
        "Two weeks felt like an eternity for the families waiting at the mine.",
        "The coach tried mixing the three together in the second half.",
        "Police kept the two apart after the brawl outside the ground.",
    ],
)
def test_a_judged_span_or_a_pointing_number_is_no_count(text: str) -> None:
    assert _numbers(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Three years is the longest sentence the law allows for the offence.", 3),
        ("The 12 workers together earned $5m in a year.", 12),
        ("He was jailed for three years, which is a long time for a first offence.", 3),
    ],
)
def test_spans_and_counts_beside_those_words_stay(text: str, value: float) -> None:
    assert value in [v for v, _ in _numbers(text)]


# --- a body's officer who closes his own quote is its speaker, no citation too ---


def test_a_body_officer_closing_a_quote_is_no_citation() -> None:
    text = "“Never wire money to a stranger you have not met. It is a scam,” Harbour Police Chief Ann Lee said."
    assert _cites(text) == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Harbour Police Chief Ann Lee said the coast road would stay shut.", "Ann Lee"),  # no quote: credited
        ("The Harbour Police said the road would stay shut until Monday.", "Harbour Police"),
        (
            "“The road will stay shut until the bridge is safe again,” Harbour Police Chief Ann Lee said in a statement.",
            "Ann Lee",
        ),  # a channel keeps the credit (the project's convention for "said in a statement")
    ],
)
def test_body_credits_without_their_own_quote_stay(text: str, source: str) -> None:
    assert any(source in (c or "") for c in _cites(text))


# --- a named outlet after the kind of media it is; a site's name keeps its domain ---


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The boy was pulled from the well on Sunday, state media Xinova reported.", "Xinova"),
        ("Three miners were freed on Friday, local media Borealis said.", "Borealis"),
        ("State media KNA reported the launch on Tuesday.", "KNA"),
    ],
)
def test_an_outlet_after_its_kind_of_media_is_credited(text: str, source: str) -> None:
    assert source in _cites(text)


@pytest.mark.parametrize(
    "text",
    [
        "Speaking to the media Mayor Jones said the road would reopen.",  # "the media" alone names no outlet
        "The singer, who quit social media Instagram said, is back on tour.",
    ],
)
def test_the_media_alone_credits_no_outlet_named_after_it(text: str) -> None:
    assert not any(c in ("Mayor Jones", "Jones", "Instagram") for c in _cites(text))


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Token sales raised $6 billion last year, according to Tokenwatch.io, which tracks them.", "Tokenwatch.io"),
        ("The coin fell 5% overnight, according to Coinboard.com.", "Coinboard.com"),
    ],
)
def test_a_sites_name_keeps_its_domain(text: str, source: str) -> None:
    assert source in _cites(text)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The fire spread fast, according to Dr. Ann Lee.", "Dr. Ann Lee"),
        ("The storm hit at noon, according to police. Roads were closed.", "police"),
    ],
)
def test_a_credit_still_ends_at_the_sentences_stop(text: str, source: str) -> None:
    assert source in _cites(text)

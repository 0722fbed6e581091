"""Round pages6 (issue 12 §2): rules written for what fresh sentences of the tuning pages showed
(tests/claims_label.py, "Sixth real pages"), each on sentences of our own from several kinds of news."""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims


def _numbers(text: str) -> list[tuple[float | None, float | None, str | None]]:
    return [(c.value.low, c.value.high, c.unit) for c in extract_claims(text, {}) if c.kind == "number" and c.value]


def _quotes(text: str) -> list[str]:
    return [c.text for c in extract_claims(text, {}) if c.kind == "quote"]


# --- a market-data row is no claim: price, signed change, signed change in percent ---


@pytest.mark.parametrize(
    "text",
    [
        "ACME ACME CORP. 113.40 -1.62 -1.41%",
        "Brent crude 64.10 +0.52 +0.82%",
        "NKLA NORTHWIND HOLDINGS 1,204.75 -12.30 -1.01%",
    ],
)
def test_market_data_row_is_no_claim(text: str) -> None:
    assert _numbers(text) == []


@pytest.mark.parametrize(
    "text,want",
    [
        ("Shares of the brewer fell 1.41% on Monday.", [(1.41, 1.41, "percent")]),
        ("The index closed down 12.3 points, or 0.4%, on Friday.", [(12.3, 12.3, "points"), (0.4, 0.4, "percent")]),
    ],
)
def test_a_stated_change_stays(text: str, want: list) -> None:
    assert _numbers(text) == want


# --- a screen size hyphened before a capitalised name names the model ---


@pytest.mark.parametrize(
    "text",
    [
        "The new 16-inch Lumabook Pro features a quieter keyboard.",
        "Today only, the shop sells the 11-inch iPad Air at a discount.",
        "The 27-inch Vortex monitor was shown at the fair.",
    ],
)
def test_screen_size_before_a_name_is_no_measure(text: str) -> None:
    assert _numbers(text) == []


@pytest.mark.parametrize(
    "text,want",
    [
        ("Rumours point to a larger 14-inch display next year.", [(14, 14, "in")]),
        ("The storm left 12 inches of snow in the valley.", [(12, 12, "in")]),
        ("The box set comes with a 10-inch vinyl record.", [(10, 10, "in")]),
    ],
)
def test_a_size_before_a_common_noun_stays(text: str, want: list) -> None:
    assert [(lo, hi, u.split()[-1] if u else u) for lo, hi, u in _numbers(text)][:1] == [
        (lo, hi, u) for lo, hi, u in want
    ]


# --- a resolution before a screen word is a name, not thousands ---


@pytest.mark.parametrize(
    "text", ["Now 45% off a 4K Smart HDTV from the outlet.", "The studio showed an 8K OLED panel."]
)
def test_resolution_before_a_screen_word(text: str) -> None:
    assert all(lo != 4000 and lo != 8000 for lo, _, _ in _numbers(text))


def test_a_sum_in_thousands_stays() -> None:
    assert _numbers("The charity raised $4K at the bake sale.") == [(4000, 4000, "dollars")]


# --- "plus" that adds another amount is a conjunction, no bound ---


@pytest.mark.parametrize(
    "text,want",
    [
        ("The set sells for $549 Plus a $50 gift card.", [(549, 549, "dollars"), (50, 50, "dollars")]),
        ("The fine was £300 plus costs.", [(300, 300, "pounds")]),
        ("Tickets cost €40 plus VAT at the door.", [(40, 40, "euros")]),
    ],
)
def test_plus_adding_an_amount_is_no_bound(text: str, want: list) -> None:
    assert [(lo, hi, u) for lo, hi, u in _numbers(text)] == want


def test_plus_as_a_bound_stays() -> None:
    assert _numbers("The club now has 1,000 plus members.") == [(1000, None, "members")]


# --- a match-up of sides counts nothing ---


@pytest.mark.parametrize(
    "text,want",
    [
        ("He scored on a two-on-one with 4 seconds left.", [(4, 4, "seconds")]),
        ("The leaders held one-on-one talks for three hours.", [(3, 3, "hours")]),
        ("The city hosts a 3-on-3 tournament for 200 teams.", [(200, 200, "teams")]),
    ],
)
def test_match_up_is_no_count(text: str, want: list) -> None:
    assert _numbers(text) == want


# --- a recipe's small amounts are no claims ---


@pytest.mark.parametrize(
    "text",
    [
        "Breakfast: oatmeal, 1 cup blueberries",
        "Add 2 tablespoons of honey and stir.",
        "Mix 2 cups of flour with the butter.",
        "Season with 1 tsp salt.",
    ],
)
def test_recipe_amounts_are_no_claims(text: str) -> None:
    assert _numbers(text) == []


@pytest.mark.parametrize(
    "text,want",
    [
        ("Volunteers served 10,000 cups of coffee at the marathon.", [(10000, 10000, "cups")]),
        ("Protesters threw 5 cups at police officers.", [(5, 5, "cups")]),
    ],
)
def test_counted_cups_stay(text: str, want: list) -> None:
    assert _numbers(text) == want


# --- an ordinal's sequence noun that modifies a head: the count is of the compound ---


@pytest.mark.parametrize(
    "text,value,unit",
    [
        ("It was the second consecutive election cycle where taxes decided the race.", 2, "consecutive election cycle"),
        ("The champion made his third title defence in Osaka.", 3, "title defence"),
        ("The rocket made its second test flight on Friday.", 2, "test flight"),
    ],
)
def test_ordinal_compound_head(text: str, value: int, unit: str) -> None:
    assert _numbers(text) == [(value, value, unit)]


def test_ordinal_plain_noun_unchanged() -> None:
    assert _numbers("The army said it was the sixth nuclear test.") == [(6, 6, "nuclear test")]
    assert _numbers("They won a third term in office.") == [(3, 3, "term")]


# --- a single-quoted title in capitals, hyphenated words too, is no quote ---


@pytest.mark.parametrize(
    "text",
    [
        "@citytheatre <Night of Lanterns> ‘2024 Welcome Seo-gu Festival’ Performance",
        "Delegates gathered for the ‘Trans-Pacific Fisheries Summit’ in Lima.",
    ],
)
def test_single_quoted_title_is_no_quote(text: str) -> None:
    assert _quotes(text) == []


def test_single_quoted_words_stay_a_quote() -> None:
    assert _quotes("‘We will rebuild every single home,’ the mayor said.") != []


# --- a storage size right after a device's name is the model's ---


@pytest.mark.parametrize(
    "text,want",
    [
        ("Today only, the shop offers the Lumabook 256GB for $700.", [(700, 700, "dollars")]),
        ("A Pixelon 9 Pro 512GB sold for $800 at the auction.", [(800, 800, "dollars")]),
    ],
)
def test_capacity_after_a_name_is_the_model(text: str, want: list) -> None:
    assert _numbers(text) == want


@pytest.mark.parametrize(
    "text,want",
    [
        ("The phone has 256GB of storage.", [(256, 256, "gb")]),
        ("Hackers leaked 40TB of patient data, the hospital said.", [(40, 40, "tb")]),
    ],
)
def test_a_stated_capacity_stays(text: str, want: list) -> None:
    assert _numbers(text) == want


def test_recipe_amounts_a_sentence_states_stay() -> None:
    assert len(_numbers("The stew needs 2 cups of stock and 1 tsp of salt, the cook said.")) == 2


# --- a product kind ("3-in-1") and a stat line ("20-of-24") count nothing ---


@pytest.mark.parametrize(
    "text,want",
    [
        ("The firm also sells a 3-in-1 charging stand.", []),
        ("The school bought a two-in-one laptop for each of its 300 students.", [(300, 300, "students")]),
        ("Her backup finished 17-of-29 passing for 212 yards.", [(212, 212, "yd")]),
        ("She went 7-of-12 from the field.", []),
    ],
)
def test_in_one_and_of_stat_count_nothing(text: str, want: list) -> None:
    assert _numbers(text) == want


# --- an inch mark after a figure: a measure before a lower-case word or a stop, a name's size before a capital ---


@pytest.mark.parametrize(
    "text,want",
    [
        ('The sculpture measures 22" long and 18" wide.', [(22, 22, "in"), (18, 18, "in")]),
        ('The gallery sells the print at 24" x 36".', [(24, 24, "in"), (36, 36, "in")]),
        ('Deal: 70" Element 4K UHD Smart HDTV for $499.99', [(499.99, 499.99, "dollars")]),
        ('Specs include a 34" 3440x1440 curved panel.', []),
    ],
)
def test_inch_mark(text: str, want: list) -> None:
    assert _numbers(text) == want


def test_a_quotation_closing_after_a_figure_is_no_inch() -> None:
    assert all(u != "in" for _, _, u in _numbers('The coach said "we scored 40" and left.'))

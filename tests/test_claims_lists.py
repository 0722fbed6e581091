"""Numbers that are no claims on web pages: vague amounts and list lines without a clause (issue 12).

Sentences are our own, written for these tests.
"""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims
from claimcheck.claims.numbers import find_quantities


def values(sentence: str) -> list[float | None]:
    return [q.value.low for q in find_quantities(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Pick the one or two treats you enjoy most and skip the rest.",
        "The mayor said two or three shops on the square might close for good.",
        "A couple of officers were treated for smoke after the fire.",
        "She expects a couple more storms before the season ends.",
    ],
)
def test_vague_amounts_are_no_claims(sentence: str) -> None:
    assert values(sentence) == []


def test_figures_in_digits_or_apart_stay() -> None:
    assert values("Police arrested 10 or 12 men near the border.") == [10.0, 12.0]
    assert values("One of the two pilots was hurt.") == [2.0]


@pytest.mark.parametrize(
    "sentence",
    [
        "Rice Bowl [1 cup brown rice, 2 boiled eggs, 1/2 cup spinach (or 1 small tomato), 1 tsp. sesame oil]",
        "What you need: 3 cups flour, 1 tsp salt, 2 eggs, 200 g butter.",
        "Display 6.5-inch screen, 256 GB storage, 48 MP camera, 4,500 mAh battery",
    ],
)
def test_list_lines_without_a_clause_are_no_claims(sentence: str) -> None:
    assert values(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("Storms killed 12 people, injured 40 and left 3,000 homes without power.", 3),
        ("Jones scored 31 points, 9 rebounds and 7 assists against Denver.", 3),
        ("The toll so far: 14 dead, 52 injured, 2,000 homeless.", 3),  # a tally of what news counts
        ("The recipe needs 2 cups of flour, 3 eggs and 1 tsp of salt, the chef said.", 3),
        # a fact box: figures after their labels' colons are checkable
        ("THE ROCKET Height: 60 metres (197 feet) Stages: 2 Payload to orbit: 22,000kg (48,500 lb)", 5),
    ],
)
def test_sentences_and_tallies_keep_their_numbers(sentence: str, count: int) -> None:
    assert len(values(sentence)) == count


def test_a_list_line_gives_no_number_claims_in_a_page() -> None:
    text = (
        "The council said on Monday that 300 homes would be rebuilt by the spring.\n"
        "Breakfast bowl [1 cup oats, 2 poached eggs, 1 slice rye toast, 1 tsp. honey]"
    )
    numbers = [c.text for c in extract_claims(text) if c.kind == "number"]
    assert numbers == ["300 homes"]


@pytest.mark.parametrize(
    "line",
    [
        "Serves 4 | Prep time 15 minutes | Cook time 40 minutes",
        "Prep Time: 10 mins",
        "Yield: 24 biscuits",
        "Calories 310, Fat 14g, Protein 9g, Carbs 35g",
        "Sale price $18.50 Regular price $29.00",
        "Free shipping on orders over $40",
        "Rated 4.6 out of 5 stars (318 reviews)",
        "Page 3 of 7",
        "Sam Writer | 3 hours ago | 27 comments",
        "In stock (12 left)",
        "Price: $24.99",
        "Our price $19",
        "1.2K shares 48 comments",
    ],
)
def test_recipe_and_shop_cards_ratings_pagers_and_counters_are_furniture(line: str) -> None:
    assert [c for c in extract_claims(line) if c.kind == "number"] == []


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        ("Yield on the 10-year bond rose to 4.2% on Friday, traders said.", "4.2%"),
        ("The agency received 4,000 comments on the rule, officials said.", "4,000 comments"),
        ("The soup serves 6 people and costs $9 to make, the chef said.", "6 people"),
        ("Calories in sugary drinks fell by 20% over a decade, the study found.", "20%"),
        ("Four out of 5 dentists said 12 brands were fine.", "12 brands"),
        ("Save $25 if you buy the console with a second controller.", "$25"),  # a deal is the story
        # markets and prices in the news start like shop cards but are not (a review found them dropped)
        ("In stock markets, the main index fell 2.1% on Tuesday, dealers said.", "2.1%"),
        ("In stock trading on Tuesday, the carmaker's shares fell 3% to $170.", "3%"),
        ("Retail price of diesel rose to $4.10 a gallon in June, the agency said.", "$4.10"),
        ("Our price target is $50, up from $42, the analyst wrote.", "$50"),
        ("Yield: the 10-year note paid 4.5% on Friday, traders said.", "4.5%"),
        ("He sold 10,000 shares.", "10,000 shares"),
    ],
)
def test_news_about_the_same_things_keeps_its_numbers(sentence: str, number: str) -> None:
    assert number in [c.text for c in extract_claims(sentence) if c.kind == "number"]


@pytest.mark.parametrize(
    "line",
    [
        "Hillcrest 12 15 9 20 - 56",  # points per quarter, a box score's row
    ],
)
def test_box_score_rows_give_no_numbers(line: str) -> None:
    assert values(line) == []


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("Some 2-3 million people lost power.", 2e6, 3e6),  # both ends scaled
        ("Between 4 and 5 billion dollars were spent.", 4e9, 5e9),
        ("Between 300 and 2 million people may be affected.", 300, 2e6),
        ("The storm left 5-10 cm of snow.", 5, 10),
    ],
)
def test_ranges_keep_both_ends(sentence: str, low: float, high: float) -> None:
    [q] = find_quantities(sentence)
    assert (q.value.low, q.value.high) == (low, high)

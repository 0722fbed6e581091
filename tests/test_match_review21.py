"""review21: variants20's joins on other kinds of news (sentences invented for these tests)."""

from __future__ import annotations

from test_match_general import joined
from test_match_variants20 import _quote_rows, _things


def test_a_papers_stories_are_no_floors() -> None:
    assert _things("The paper published 12 stories on the fire.") == [("12 stories", "story")]
    assert _things("She wrote 30 stories for children.") == [("30 stories", "story")]
    assert not joined("Fire gutted a 12-storey block in the city.", "The paper published 12 stories on the fire.")
    # a building's stories stay floors
    assert _things("The tower is 30 stories tall.") == [("30 stories", "storey")]
    assert joined("Fire gutted a 12-storey block in the city.", "The 12-story building in the city was gutted.")


def test_a_part_the_whole_denies_is_another_quote() -> None:
    assert _quote_rows(
        "'We will not cut the budget for schools,' said mayor Tom Hale.",
        "Mayor Tom Hale said 'cut the budget' was the plan.",
    ) == [1, 1]
    # a part away from the negation still meets its whole
    assert _quote_rows(
        "'We will not cut the budget for schools, and we are proud of our teachers,' said mayor Tom Hale.",
        "Mayor Tom Hale said he was 'proud of our teachers'.",
    ) == [2]

"""Review of round cites7 (claimcheck/claims/citations.py): sentences of our own from other kinds of news on
which the new frames cited what is no source; each case failed before its fix."""

from __future__ import annotations

import pytest

from claimcheck.claims.citations import find_credits


def _cites(text: str) -> list[str]:
    return [c.cites for c in find_credits(text, {})]


@pytest.mark.parametrize(
    "text",
    [
        # a short English word after "told the newspaper" is no lower-case outlet name ("dpa")
        "He denied it again, and told the newspaper so.",
        "She had already told the agency too.",
        "The family told the network too, a spokesman for the club added.",
        # a language, a leaning or a faith before the press noun describes the paper, it does not name it
        "The Hindi daily reported that the reservoir had overflowed.",
        "The Spanish-language newspaper said the parade drew thousands.",
        "The Arabic newspaper reported the talks on water rights had stalled.",
        "The Tory newspaper said the spending plan was a mistake.",
        "The Catholic magazine published a long piece on the new choir.",
        "The Urdu daily said the match was abandoned for rain.",
        # a river's, a fire's or a market's source is no source of news
        "The river's source is Lake Morwen, high in the hills.",
        "The blaze's source was the Kitchen, investigators believe.",
        "Europe's largest source is Norway, which ships gas by pipe.",
        "The main source is Brazil, which grows a third of the world's coffee.",
    ],
)
def test_no_source_is_cited(text: str) -> None:
    cited = _cites(text)
    for wrong in ("so", "too", "Hindi", "Spanish-language", "Arabic", "Tory", "Catholic", "Urdu", "Lake Morwen",
                  "Kitchen", "Norway", "Brazil"):
        assert wrong not in cited, (text, cited)


@pytest.mark.parametrize(
    "text,want",
    [
        ("The phone may ship in June, though the source is TechWire, which has often been wrong.", "TechWire"),
        ("Its main source was the Kyodo agency.", "Kyodo"),
        ("The story spread fast; its source was Fjordposten, a small daily.", "Fjordposten"),
        ("The claim was false, and its source was Marlow Herald.", "Marlow Herald"),  # no full stop in the name
        ("The Catholic Herald newspaper reported the bishop's resignation.", "Catholic Herald"),
        ("The Financial Times newspaper reported the merger.", "Financial Times"),
        ("The striker told the broadcaster rtv.", "rtv"),
    ],
)
def test_sources_still_cited(text: str, want: str) -> None:
    assert want in _cites(text)

"""Two outlets' spellings of one word (British and American: "defence" / "defense", "centre" / "center",
"harbour" / "harbor", "organised" / "organized") are one term of the story grouping, as the matcher reads
them (claimcheck.text): a report written in British English and one in American English of one event share
those words. Fixtures are invented, in our own words."""

from __future__ import annotations

import re

import pytest

from claimcheck.stories import group, term_of
from claimcheck.stories import terms as terms_module
from tests.test_stories import art, sample, unrelated

# one event told twice, once each way: the words they share are nearly all spelled apart
BRITISH = (
    "Harbour centre theatre shut after defence labour row",
    "The Quellport harbour centre closed its theatre on Monday after a defence contractor's labour dispute "
    "organised pickets at the neighbouring programme office.",
)
AMERICAN = (
    "Quellport harbor center theater dark amid defense labor fight",
    "Striking defense plant employees marched outside the waterfront theater; the harbor center's "
    "neighborhood program desk stayed shut, organizers said.",
)


@pytest.mark.parametrize(
    ("british", "american"),
    [("Defence", "defense"), ("centre", "center"), ("harbour's", "harbor's"), ("organised", "organized"),
     ("programme", "program"), ("travelled", "traveled"), ("theatres", "theaters"), ("labour", "labor")],
)  # fmt: skip
def test_british_and_american_spellings_are_one_term(british: str, american: str) -> None:
    assert term_of(british) == term_of(american)


def test_words_spelled_alike_keep_their_terms() -> None:
    # the spelling rule leaves other words alone: no term of two different words made one
    assert len({term_of(w) for w in ("centre", "cent", "harbour", "hour", "labour", "lab")}) == 6
    assert term_of("whilst") is None and term_of("amongst") is None  # "while", "among": stop words


def _together(monkeypatch: pytest.MonkeyPatch | None = None) -> bool:
    if monkeypatch is not None:  # the rule off: every word keeps its own spelling
        monkeypatch.setattr(terms_module, "_SPELLING", re.compile(r"(?!x)x"))
        monkeypatch.setattr(terms_module, "_BRITISH_WORDS", {})
    ours = [art("uk", *BRITISH, 1, "uk-strike"), art("us", *AMERICAN, 3, "us-strike")]
    arts = [*sample(), *ours, *unrelated(300)]
    idx = {arts.index(a) for a in ours}
    return any(idx <= set(g) for g in group(arts))


def test_one_event_in_two_spellings_is_one_story(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _together()
    assert not _together(monkeypatch)  # what the rule joins

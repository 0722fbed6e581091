"""Rows that join two different news stories (issue 12, tests/facts_cross.py): sentences written here, each pair
from two unrelated stories, read by the real extractor and matched by match_facts. Each mechanism that joined
two stories' claims has its misfire here and the case it must keep joining (one story told by two outlets)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from claimcheck.claims import extract_claims
from claimcheck.match.pipeline import match_facts
from claimcheck.match.rules import MatchOptions
from claimcheck.models import Article, Outlet

T0 = datetime(2026, 4, 6, 8, tzinfo=UTC)
OUTLETS = {o: Outlet(o, o.upper()) for o in ("abc", "sky", "wsj")}


def told(outlet: str, text: str, hour: int) -> Article:
    url = f"https://{outlet}.example/{hour}"
    return Article(outlet, url, url, f"{outlet} story", text, url, T0, published=T0 + timedelta(hours=hour),
                   claims=tuple(extract_claims(text)))  # fmt: skip


def joined(*texts: str) -> bool:
    """Whether one number row carries every outlet, each outlet telling one of ``texts``."""
    articles = [told(o, t, hour=h) for h, (o, t) in enumerate(zip(OUTLETS, texts, strict=False))]
    facts = match_facts(articles, OUTLETS, MatchOptions())
    return any(f.kind == "number" and len(f.outlets) == len(texts) for f in facts)


# --- a vague plural ("millions of people") is no figure of one fact ------------------------------------


def test_vague_plurals_of_two_stories_do_not_join() -> None:
    # a messaging app's users and a team's fans
    assert not joined("The messaging app is used by millions of people around the world every day.",
                      "The manager said millions of people had given the club so much love this season.")  # fmt: skip
    # a fraud ring's takings and a bank's losses
    assert not joined("Police said the ring had tricked pensioners out of millions of dollars.",
                      "Court papers show a company chasing millions of dollars from the collapsed lenders.")  # fmt: skip


def test_a_vague_plural_told_twice_in_one_story_still_joins() -> None:
    assert joined("The storm left millions of people without power across the state on Monday.",
                  "Millions of people across the state were left without power by the storm on Monday.")  # fmt: skip


# --- two different round figures, one a bound, joined on a few shared words -----------------------------


def test_a_bound_and_another_round_figure_of_two_stories_do_not_join() -> None:
    # a shooting's length and a stage show's length
    assert not joined("This gunfire was going on for at least 10 minutes, said a singer.",
                      "Singers must cut their hits to fit 12 minutes of stage time at the show.")  # fmt: skip


def test_a_bound_and_a_figure_told_in_the_same_words_still_join() -> None:
    assert joined("Firefighters said the blaze at the warehouse burned for at least 10 minutes before help came.",
                  "The blaze at the warehouse burned for 12 minutes before help came, firefighters said.")  # fmt: skip
    # the same figure, bounded by one outlet, keeps joining on the figure
    assert joined("The strike at the port has lasted more than 40 days, the union said.",
                  "The union said the strike at the port had lasted 40 days.")  # fmt: skip

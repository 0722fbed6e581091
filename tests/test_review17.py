"""Round review17: bugs found reviewing the night's changes (facts17, variants17, stories17, bughunt17) and the
rows they show, each with sentences written here from several kinds of news (none from a real article)."""

from __future__ import annotations

from test_match_conflicts import _facts, conflict, evolving

# --- an age at death is no death toll -----------------------------------------------------------------------
# match.things.unit_key read the unit "age at death" as its last noun, "death": the age joined a death toll of
# the same figure ("killed 84 people" / "died aged 84": one row "84 deaths"), and, as a toll, it could evolve (two
# obituaries of two people six hours apart, 84 then 85, were one row "updated"; one person's 84 and 85 a few
# hours apart read as an update, not as the conflict it is).


def test_an_age_at_death_never_joins_a_death_toll() -> None:
    # air crash / obituary; floods / obituary
    facts = _facts("The crash killed 84 people, officials said.", "The pilot, who died aged 84, was a veteran.")
    assert all(len(f.outlets) == 1 for f in facts)
    facts = _facts("The floods killed 91 people across the province.",
                   "The former governor died on Friday at the age of 91.")  # fmt: skip
    assert all(len(f.outlets) == 1 for f in facts)


def test_an_age_at_death_never_evolves() -> None:
    # two obituaries (music, sport) the same day: two people, never one figure updated
    assert not evolving("The singer Ana Reyes has died aged 84.", "The footballer Tom Hale has died aged 85.")
    # one person's age told two ways hours apart: a conflict of one fact, never an update
    assert not evolving("The novelist Ivo Marsh has died aged 84.", "Ivo Marsh, the novelist, has died aged 85.")
    assert conflict("The novelist Ivo Marsh has died aged 84.", "Ivo Marsh, the novelist, has died aged 85.")
    # a death toll still evolves
    assert evolving("The crash killed 84 people, officials said.", "The crash killed 85 people, officials said.")


# --- a fact's figure is shown in its own unit ------------------------------------------------------------------
# facts.build_fact took the fact's figure from the exact mention and its unit from the most common (else the
# first) mention: a bound in one unit joined to an exact figure in another ("more than 100 miles" / "161
# kilometres") read "161 miles"; "nearly 40 tonnes" / "88,000 pounds" read "88,000 tonnes".


def test_a_facts_figure_is_shown_in_the_unit_it_was_given_in() -> None:
    # weather: a storm's width; wildlife: a whale's weight (the bound first, then the exact figure)
    facts = _facts("The storm was more than 100 miles wide.", "The storm was 161 kilometres wide.")
    assert [(f.value.low, f.unit) for f in facts if len(f.outlets) == 2] == [(161.0, "km")]  # type: ignore[union-attr]
    facts = _facts("The whale weighed nearly 40 tonnes.", "The whale weighed 88,000 pounds.")
    assert [f.summary.split(":")[0] for f in facts if len(f.outlets) == 2] == ["88,000 lb"]
    # the exact figure first: its unit, as before
    facts = _facts("The storm was 161 kilometres wide.", "The storm was more than 100 miles wide.")
    assert [(f.value.low, f.unit) for f in facts if len(f.outlets) == 2] == [(161.0, "km")]  # type: ignore[union-attr]

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

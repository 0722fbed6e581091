"""Round ages17: review17's left items on ages (issue #12), each with sentences written here from several kinds of
news (none from a real article)."""

from __future__ import annotations

from test_match_conflicts import conflict, evolving

# --- an age at death conflicts only as an age does: said of one named person -------------------------------------
# Ages at death kept main's rule (any two of one topic could conflict): two obituaries of two unnamed people an hour
# apart ("The singer has died aged 84" / "The footballer has died aged 85") showed a CONFLICT. The name may be in the
# title or an earlier sentence, which the claim does not carry: no name, no conflict.


def test_ages_at_death_of_unnamed_people_never_conflict() -> None:
    # music / sport; cinema / politics; science / business; the same role, no name
    assert not conflict("The singer has died aged 84.", "The footballer has died aged 85.")
    assert not conflict("The actress died on Tuesday at the age of 91.", "The former senator died aged 89.")
    assert not conflict("The physicist died at home, aged 77.", "The banker died at home, aged 75.")
    assert not conflict("The poet has died aged 68.", "The poet has died aged 70.")
    # a name on one side only: not sure it is the same person
    assert not conflict("The novelist Ivo Marsh has died aged 84.", "The novelist has died aged 85.")
    # two named persons: two facts
    assert not conflict("The singer Ana Reyes has died aged 84.", "The footballer Tom Hale has died aged 85.")


def test_an_age_at_death_of_one_named_person_still_conflicts_and_never_evolves() -> None:
    # literature, sport, politics: the name before the verb, in apposition, after a role
    assert conflict("The novelist Ivo Marsh has died aged 84.", "Ivo Marsh, the novelist, has died aged 85.")
    assert conflict("Former Leeds striker Tom Hale has died aged 79.", "Tom Hale, who scored in two cup finals, has died aged 78.")
    assert conflict("Senator Rosa Quint died at the age of 90.", "Rosa Quint, who served four terms, died aged 91.")
    assert not evolving("The novelist Ivo Marsh has died aged 84.", "Ivo Marsh, the novelist, has died aged 85.")
    assert not evolving("The singer has died aged 84.", "The footballer has died aged 85.")

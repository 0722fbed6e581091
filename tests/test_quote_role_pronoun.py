"""A pronoun right after a role's own quote stands for that role (claims/quotes ``_person_role``): "the driver stood
up and said: "..." "...," he added" is the driver's, not a name the paragraph opened with. Bodies and groups are no
such role, a gendered role takes only its pronoun, and a person named in between is the nearer one. Invented."""

from __future__ import annotations

from claimcheck.claims import extract_claims


def _speakers(text: str) -> list[str | None]:
    return [c.speaker for c in extract_claims(text) if c.kind == "quote"]


def test_he_after_a_roles_quote_is_that_role() -> None:
    text = (
        "For Maria Lopez, a nurse on her way home, the wait felt endless before the driver stood up at the front "
        'and said: "We are not moving for a while." "There is a tree across the line ahead," he explained, as '
        "Lopez remembered it."
    )
    assert _speakers(text) == ["the driver", "the driver"]
    text = (
        "Tom Reyes had boarded late. Then the coach walked over to the bench and told them: \"Play resumes in "
        'five minutes." "The pitch is safe now," she added.'
    )
    assert _speakers(text) == ["the coach", "the coach"]


def test_a_body_a_wrong_gender_or_a_name_between_is_not_taken() -> None:
    # a gendered role takes only its own pronoun
    text = (
        'Ben Carter waited outside. The spokeswoman came out and said: "The talks will go on tomorrow." '
        '"We are close," he said.'
    )
    assert _speakers(text)[1] != "The spokeswoman"
    # a person named between the role's quote and the pronoun is nearer
    text = (
        'The coach walked out and said: "We lost our shape." Captain Dev Mehra disagreed. '
        '"We were unlucky," he said.'
    )
    assert _speakers(text)[1] != "The coach"

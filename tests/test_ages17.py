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


# --- bodies and things are no persons -----------------------------------------------------------------------------
# "Acme Corp is 50 years old" was the age of a person named "Corp", "the 25-year-old Toyota" of one named Toyota.


def _ages(text: str) -> list[tuple[float, str, str]]:
    from claimcheck.claims import extract_claims

    return [
        (c.value.low, str(c.extra["age_of"]), str(c.extra.get("age_name", "")))  # type: ignore[union-attr]
        for c in extract_claims(text)
        if c.kind == "number" and "age_of" in c.extra
    ]


def test_a_company_a_club_a_paper_or_a_country_has_no_age_of_a_person() -> None:
    # business, sport, media, politics, health
    assert _ages("Harlow Foods Ltd is 50 years old and still run by the family.") == []
    assert _ages("Acme Corp is 60 years old this month.") == []
    assert _ages("Dunmore United is 100 years old on Saturday.") == []
    assert _ages("The Gazette is 95 years old, its editor said.") == []
    assert _ages("Belmora is 64 years old as an independent state.") == []
    assert _ages("The Westfield Clinic is 40 years old.") == []
    # persons stay: a surname, a full name, a pronoun
    assert _ages("Reyes is 65 years old, his lawyer said.") == [(65.0, "", "Reyes")]
    assert _ages("Police said Marla Voss is 52 years old.") == [(52.0, "", "Voss")]
    assert _ages("She is 34 years old.") == [(34.0, "", "")]


def test_a_make_after_the_or_a_body_after_an_age_is_no_person() -> None:
    # crime, aviation, motoring, business
    assert _ages("Thieves stole the 25-year-old Toyota from a driveway.") == []
    assert _ages("The pilot flew the 40-year-old Cessna to the island.") == []
    assert _ages("The 30-year-old Volvo estate failed its test.") == []
    assert _ages("The 50-year-old Harlow Foods Ltd will cut 200 jobs.") == []
    # persons stay
    assert _ages("Police named the 27-year-old Whitlock as the driver.") == [(27.0, "", "Whitlock")]
    assert _ages("The 31-year-old Dana Ferrer was charged.") == [(31.0, "", "Dana Ferrer")]


# --- a hedged age -------------------------------------------------------------------------------------------------
# "a man aged about 30" was a bare number; it is an age of about 30 (never exact: never a conflict).


def _hedged(text: str) -> list[tuple[float | None, float | None, str, str]]:
    from claimcheck.claims import extract_claims

    return [
        (c.value.low, c.value.high, c.qualifier, str(c.extra["age_of"]))  # type: ignore[union-attr]
        for c in extract_claims(text)
        if c.kind == "number" and "age_of" in c.extra
    ]


def test_a_hedged_age_is_an_age_about_that_figure() -> None:
    # crime appeal, missing person, accident
    assert _hedged("Police are searching for a man aged about 30.") == [(27.0, 33.0, "about", "man")]
    assert _hedged("A woman, aged around 40, was seen leaving the shop.") == [(36.0, 44.0, "about", "woman")]
    assert _hedged("The driver, a man aged roughly 50, was unhurt.") == [(45.0, 55.0, "about", "man")]
    # a class or a list stays none; an exact age stays exact
    assert _hedged("Men aged about 30 are most at risk.") == []
    assert _hedged("Two boys aged about 12 and 14 ran off.") == []
    assert _hedged("Police want to trace a man aged 30.") == [(30.0, 30.0, "exact", "man")]
    # two hedged ages of one description never conflict
    assert not conflict("Police are searching for a man aged about 30.", "Police are searching for a man aged about 35.")

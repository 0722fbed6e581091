"""Round facts17 (issue 12, the lead's product decision): ages of people in the news and series numbers are
claims. Each rule from general news English, tested on sentences written here from several kinds of news (crime,
sport, health, courts, profiles, accidents), read by the real extractor and matched by ``match_facts``: what is a
claim and what is not, what must join, what must stay apart and never make a conflict or an update."""

from __future__ import annotations

from test_match_general import OUTLETS, joined, told

from claimcheck.claims.extract import extract_claims
from claimcheck.match.pipeline import match_facts
from claimcheck.match.rules import MatchOptions
from claimcheck.models import Fact


def _numbers(text: str) -> list[tuple[str, float, str | None, bool]]:
    return [
        (c.text, c.value.low, c.unit, bool(c.extra.get("ordinal")))  # type: ignore[union-attr]
        for c in extract_claims(text)
        if c.kind == "number"
    ]


def _ages(text: str) -> list[tuple[float, str, str, str]]:
    """(age, unit, holder noun, name) of each age claim of ``text``."""
    return [
        (c.value.low, str(c.unit), str(c.extra["age_of"]), str(c.extra.get("age_name", "")))  # type: ignore[union-attr]
        for c in extract_claims(text)
        if c.kind == "number" and "age_of" in c.extra
    ]


def _facts(*texts: str, hours: tuple[int, ...] = ()) -> list[Fact]:
    hs = hours or tuple(range(len(texts)))
    articles = [told(o, t, hour=h) for h, o, t in zip(hs, OUTLETS, texts, strict=False)]
    return match_facts(articles, OUTLETS, MatchOptions())


def _age_rows(*texts: str, hours: tuple[int, ...] = ()) -> list[Fact]:
    return [f for f in _facts(*texts, hours=hours) if f.kind == "number" and (f.unit or "").startswith("age")]


# --- an item of a contest named by its noun and a number: "on lap 20" is "the 20th lap" ---------------------


def test_a_position_is_read_as_an_ordinal() -> None:
    assert ("lap 31", 31.0, "lap", True) in _numbers("The leader spun off on lap 31 after the rain returned.")
    assert ("Game 5", 5.0, "game", True) in _numbers("The Hornets won Game 5 at home on Tuesday.")
    assert ("round 4", 4.0, "round", True) in _numbers("The champion was stopped in round 4 by the challenger.")
    assert ("lap seven", 7.0, "lap", True) in _numbers("On lap seven the safety car pulled into the pits.")
    assert ("game six", 6.0, "game", True) in _numbers("The Owls forced a decider by winning game six late last night.")


def test_a_live_blogs_marker_a_name_a_score_or_a_count_is_no_position() -> None:
    # a line opening with "Lap 12" is a live blog's time marker, not a claim (nor "Round 3" before a name)
    assert all(t != "Lap 12" for t, *_ in _numbers("Lap 12 Ortega pits for fresh tyres and rejoins in fifth."))
    assert all(t != "Round 3" for t, *_ in _numbers("Round 3 Diaz lands a jab and the crowd roars."))
    assert not any(o for *_, o in _numbers("The Owls won the game 2-1 on Sunday."))
    assert not any(o for *_, o in _numbers("The Owls won the game 3 to 1 on Sunday."))
    assert not any(o for *_, o in _numbers("Within a round 12 people were hurt in the crush at the gates."))
    # ("his lap 9 exit" is a position since facts25: an event noun after it, tests/test_facts25.py)
    assert not any(o for *_, o in _numbers("He waved to the stands before his lap 9 tyres wore out."))
    assert _numbers("She won on lap 1 of the qualifying session.") == []  # "first" is no ordinal claim
    # nouns of a name or a code stay no position: "Route 66", "Flight 370", "stage 4 cancer"
    assert not any(o for *_, o in _numbers("The bus left Route 66 and Flight 370 landed as stage 4 cancer spread."))


def test_a_position_joins_the_ordinal_of_another_outlet() -> None:
    # motor racing, baseball, boxing
    assert joined("The safety car came out on lap 31 when Ortega crashed at the final bend.",
                  "Ortega crashed at the final bend on the 31st lap, bringing out the safety car.")  # fmt: skip
    assert joined("The Hornets forced a decider by winning Game 6 on their home court.",
                  "The Hornets won the sixth game on their home court to force a decider.")  # fmt: skip
    assert joined("Diaz stopped the champion in round 9 of the title fight in Manila.",
                  "Diaz stopped the champion in the ninth round of the title fight in Manila.")  # fmt: skip


def test_positions_of_another_item_or_a_count_stay_apart() -> None:
    assert not joined("Ortega crashed at the final bend on lap 31.", "Ortega crashed at the final bend on lap 13.")
    assert not joined("The Hornets won Game 6 on their home court.", "The Hornets won Game 4 on their home court.")
    # a count of laps is not the lap reached (an ordinal never joins a count)
    assert not joined("The race was stopped on lap 20 after a crash.",
                      "The race was stopped after a crash, with 20 laps completed.")  # fmt: skip
    assert not joined("She won stage 4 of the tour in the mountains.", "She won the fourth round of voting in the mountains.")


# --- ages of people in the news -------------------------------------------------------------------------------


def test_an_age_of_a_person_in_the_news_is_a_claim() -> None:
    # crime, courts, accidents, health, sport, profiles; headlines in title case too
    assert _ages("A 19-year-old man was charged with arson after the warehouse fire.") == [(19, "age", "man", "")]
    assert _ages("19-Year-Old Man Charged After Warehouse Fire") == [(19, "age", "man", "")]
    assert _ages("The 19-year-old appeared before magistrates on Monday.") == [(19, "age", "", "")]
    assert _ages("Prosecutors said 27-year-old Lena Marsh drove the getaway car.") == [(27, "age", "", "Lena Marsh")]
    assert _ages("A woman, aged 71, was taken to hospital after the bus crash.") == [(71, "age", "woman", "")]
    assert _ages("Two boys aged 12 and 14 were pulled from the lake by a passer-by.") == [
        (12, "age", "boy", ""), (14, "age", "boy", "")
    ]  # fmt: skip
    assert _ages("A girl of nine was rescued from the flooded basement.") == [(9, "age", "girl", "")]
    assert _ages("The 34-year-old striker signed a new contract on Friday.") == [(34, "age", "striker", "")]
    assert _ages("Doctors treated a six-month-old baby for smoke inhalation.") == [(6, "age in months", "baby", "")]
    assert _ages("Coach Ivo Brandt is 58 years old and has led the club for a decade.") == [(58, "age", "", "Brandt")]
    # a surname that ends like an agent noun is still a name ("-er": "Kessler", "Baumer")
    assert _ages("Kessler is 44 years old and trains the youth side.") == [(44, "age", "", "Kessler")]
    # a nationality is a person but no name; a name ends at a word in small letters, particles kept
    assert _ages("The 25-year-old Spaniard won the final in straight sets.") == [(25, "age", "", "")]
    assert _ages("Police named 52-year-old Pieter van der Berg as the van driver.") == [(52, "age", "", "Pieter Berg")]
    assert _ages("Mourners gathered for 14-year-old Amira Noor outside the school.") == [(14, "age", "", "Amira Noor")]
    assert _ages("A 17-year-old youth has been charged with affray.") == [(17, "age", "youth", "")]
    # the sentence stays a statement too: the age is one detail of it
    told = "Police said a 19-year-old man was charged with arson at the warehouse on Monday."
    assert any(c.kind == "statement" for c in extract_claims(told))


def test_ages_in_apposition_of_things_and_of_classes_are_no_claims() -> None:
    for text in [
        "The mayor, 61, said the budget would be balanced.",  # apposition (the policy kept)
        "Lena Marsh, 27, of Dunmore, was remanded in custody.",
        "The coach, aged 58, said the club would appeal.",  # a definite noun's apposition
        "A 100-year-old bridge collapsed in the storm.",  # things
        "The 30-year-old law was repealed by parliament.",
        "Engineers inspected the 200-Year-Old Bridge After Heavy Rain",
        "A 10-year-old dog bit a postman on the high street.",  # an animal (the policy: people only)
        "18-year-olds will be able to vote in the local elections.",  # a class of people
        "Adults aged 26 or older reported less sleep.",
        "Children aged 5 to 11 will get the vaccine first.",
        "Men aged 40 face the highest risk, the study found.",
    ]:
        assert _ages(text) == [], text
    assert _ages("He was given a 10-year sentence.") == []  # no "-old": a length, as before
    assert _ages("Prices hit a 40-year high.") == []


def test_two_outlets_telling_one_age_join() -> None:
    # crime: a headline and a report's sentence
    assert joined("Officers detained an 18-year-old man who sprinted at the courthouse gates carrying a rifle.",
                  "18-Year-Old Man Detained After Sprinting At Courthouse Gates Carrying Rifle")  # fmt: skip
    # a named suspect and the same suspect without the name
    assert joined("Police identified 18-year-old Jo Reyes as the suspected gunman in the school attack.",
                  "The suspected gunman in the school attack was identified as an 18-year-old.")  # fmt: skip


def test_two_ages_of_two_people_stay_apart_and_never_conflict() -> None:
    # two suspects of one story, 18 and 19: two facts, no conflict, no update
    rows = _age_rows("An 18-year-old man was arrested after the robbery at the jewellers, police said.",
                     "A 19-year-old man was arrested after the robbery at the jewellers, police said.",
                     hours=(0, 1))  # fmt: skip
    assert len(rows) == 2 and not any(f.conflicts or f.evolving for f in rows)
    # a man and a woman of the same age are two persons
    assert not joined("A 34-year-old man was hurt when the scaffolding fell on the high street.",
                      "A 34-year-old woman was hurt when the scaffolding fell on the high street.")  # fmt: skip
    # a bridge of 100 years and a woman of 100 years: the bridge's is no claim, so no row joins them
    rows = _age_rows("The 100-year-old bridge was closed after the flood, the council said.",
                     "A 100-year-old woman was rescued from her home near the bridge after the flood.")  # fmt: skip
    assert [len(f.outlets) for f in rows] == [1]
    # one outlet's age said the next day of another person: never an update
    rows = _age_rows("A 23-year-old driver was killed in the crash on the bypass.",
                     "A 24-year-old driver was killed in the crash on the bypass.", hours=(0, 30))  # fmt: skip
    assert not any(f.conflicts or f.evolving for f in rows)


def test_two_ages_of_one_named_person_may_conflict() -> None:
    rows = _age_rows("Police named 41-year-old Tomas Lind as the driver of the lorry that hit the bridge.",
                     "Police named 42-year-old Tomas Lind as the driver of the lorry that hit the bridge.",
                     hours=(0, 1))  # fmt: skip
    assert any(f.conflicts for f in rows)


def test_two_roles_or_a_victim_and_a_suspect_of_one_age_are_two_persons() -> None:
    # crime: one harmed, one charged (the same sex and age, each sentence telling one side)
    assert not joined("A 45-year-old man was stabbed outside the cinema late on Friday, officers said.",
                      "A 45-year-old man was arrested on suspicion of the stabbing outside the cinema, officers said.")  # fmt: skip
    assert not joined("A 30-year-old woman was found dead at the farmhouse, detectives said.",
                      "A 30-year-old woman was charged with murder over the death at the farmhouse, detectives said.")  # fmt: skip
    # accidents and sport: two roles
    assert not joined("The 23-year-old driver died at the scene of the crash on the ring road.",
                      "The 23-year-old passenger was taken to hospital after the crash on the ring road.")  # fmt: skip
    assert not joined("The 19-year-old striker scored twice in the cup final at the weekend.",
                      "The 19-year-old goalkeeper saved a penalty in the cup final at the weekend.")  # fmt: skip
    # a role of one family and a plain noun still join: the gunman / the suspect, the man
    assert joined("Detectives said the 31-year-old gunman was arrested at a farm near the border.",
                  "The 31-year-old suspect was arrested at a farm near the border, detectives said.")  # fmt: skip

"""Round facts16 (issue 12): recall on unseen events. Each rule from general news English, tested on sentences
written here from several kinds of news (motor racing, athletics, boxing, baseball, basketball, cycling,
elections), read by the real extractor and matched by ``match_facts``: what must join and what must stay apart."""

from __future__ import annotations

from test_match_general import joined

from claimcheck.claims.extract import extract_claims


def _numbers(text: str) -> list[tuple[str, float, str | None, bool]]:
    return [
        (c.text, c.value.low, c.unit, bool(c.extra.get("ordinal")))  # type: ignore[union-attr]
        for c in extract_claims(text)
        if c.kind == "number"
    ]


# --- an item of a contest named by its noun and a number: "on lap 20" is "the 20th lap" ---------------------


def test_a_position_is_read_as_an_ordinal() -> None:
    assert ("lap 31", 31.0, "lap", True) in _numbers("The leader spun off on lap 31 after the rain returned.")
    assert ("Lap 12", 12.0, "lap", True) in _numbers("Lap 12 Ortega pits for fresh tyres and rejoins in fifth.")
    assert ("Game 5", 5.0, "game", True) in _numbers("The Hornets won Game 5 at home on Tuesday.")
    assert ("round 4", 4.0, "round", True) in _numbers("The champion was stopped in round 4 by the challenger.")


def test_a_name_a_score_or_a_count_after_the_noun_is_no_position() -> None:
    assert not any(o for *_, o in _numbers("The Owls won the game 2-1 on Sunday."))
    assert not any(o for *_, o in _numbers("The Owls won the game 3 to 1 on Sunday."))
    assert not any(o for *_, o in _numbers("Within a round 12 people were hurt in the crush at the gates."))
    assert not any(o for *_, o in _numbers("He waved to the stands before his lap 9 exit from the race."))
    assert not any(o for *_, o in _numbers("The first game 40 minutes long was played in the rain."))
    assert _numbers("She won on lap 1 of the qualifying session.") == []  # "first" is no ordinal claim
    # nouns of a name or a code stay no position: "Route 66", "Flight 370", "stage 4 cancer"
    assert not any(o for *_, o in _numbers("The bus left Route 66 and Flight 370 landed as stage 4 cancer spread."))


def test_a_position_joins_the_ordinal_of_another_outlet() -> None:
    # motor racing, athletics, baseball, boxing
    assert joined("The safety car came out on lap 31 when Ortega crashed at the final bend.",
                  "Ortega crashed at the final bend on the 31st lap, bringing out the safety car.")  # fmt: skip
    assert joined("Lap 31 Ortega crashes at the final bend and the safety car is out.",
                  "Ortega crashed out at the final bend on lap 31, and the safety car came out.")  # fmt: skip
    assert joined("The Hornets forced a decider by winning Game 6 on their home court.",
                  "The Hornets won the sixth game on their home court to force a decider.")  # fmt: skip
    assert joined("Diaz stopped the champion in round 9 of the title fight in Manila.",
                  "Diaz stopped the champion in the ninth round of the title fight in Manila.")  # fmt: skip


def test_positions_of_another_item_or_a_count_stay_apart() -> None:
    # another lap, another game of the series
    assert not joined("Ortega crashed at the final bend on lap 31.", "Ortega crashed at the final bend on lap 13.")
    assert not joined("The Hornets won Game 6 on their home court.", "The Hornets won Game 4 on their home court.")
    # a count of laps is not the lap reached (an ordinal never joins a count)
    assert not joined("The race was stopped on lap 20 after a crash.",
                      "The race was stopped after a crash, with 20 laps completed.")  # fmt: skip
    # a cycling race's stage and a round of an election are not positions here: "stage 4" is a code as often
    assert not joined("She won stage 4 of the tour in the mountains.", "She won the fourth round of voting in the mountains.")

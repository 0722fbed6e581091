"""Round facts25 (issue 12): a position told before the event it describes ("his lap 48 exit", "a Game 7 win", "the
round 3 knockout") is the item of the contest, as "on lap 48" is. Sentences written here from several kinds of
contest (motor racing, basketball, boxing, cycling, football, tennis), read by the real extractor and matched by
``match_facts``: what is a position, what stays a count or no claim, what joins across outlets and what stays
apart."""

from __future__ import annotations

from test_match_general import joined

from claimcheck.claims.extract import extract_claims


def _positions(text: str) -> list[tuple[str, float, str | None]]:
    """(text, value, unit) of each ordinal number claim of ``text``."""
    return [
        (c.text, c.value.low, c.unit)  # type: ignore[union-attr]
        for c in extract_claims(text)
        if c.kind == "number" and c.extra.get("ordinal")
    ]


def test_a_position_before_the_event_it_describes_is_a_position() -> None:
    # motor racing, basketball, boxing, football (a tie's game), with a possessive, an article or none
    assert _positions("The veteran waved to the crowd after his lap 52 exit from the race.") == [
        ("lap 52", 52.0, "lap")
    ]
    assert _positions("The lap 14 crash at the hairpin brought out the safety car.") == [
        ("lap 14", 14.0, "lap")
    ]
    assert _positions("Supporters still talk about the Game 7 win over the Hawks.") == [
        ("Game 7", 7.0, "game")
    ]
    assert _positions("Her round 4 knockout of the champion stunned the arena.") == [
        ("round 4", 4.0, "round")
    ]
    assert _positions("The club lost the game 3 decider on penalties.") == [("game 3", 3.0, "game")]


def test_a_count_a_score_a_name_or_a_marker_after_the_noun_stays_no_position() -> None:
    # the noun is the event and the number counts what follows: people, minutes, fans
    assert _positions("After the game 2 fans were arrested outside the ground.") == []
    assert _positions("It was a game 30 minutes shorter than the last one.") == []
    assert _positions("Within a round 12 people were hurt in the crush at the gates.") == []
    # a score, a live blog's marker opening a line, "lap 1" (no ordinal claim), a name
    assert _positions("The Owls won the game 2-1 on Sunday.") == []
    assert _positions("Lap 33 exit for the leader after a puncture.") == []
    assert _positions("Her lap 1 crash ended the race early.") == []
    assert _positions("The cyclist crashed on Route 9 before the stage win.") == []


def test_a_position_before_its_event_joins_the_ordinal_of_another_outlet() -> None:
    # motor racing, basketball, boxing
    assert joined("The crowd rose for the home driver despite his lap 52 exit in the rain.",
                  "The home driver crashed out in the rain on the 52nd lap as the crowd rose.")  # fmt: skip
    assert joined("The Hornets celebrated their Game 6 win on their home court.",
                  "The Hornets won the sixth game on their home court.")  # fmt: skip
    assert joined("Diaz's round 9 knockout ended the title fight in Manila.",
                  "Diaz ended the title fight in Manila with a knockout in the ninth round.")  # fmt: skip


def test_positions_of_other_items_stay_apart() -> None:
    assert not joined("The crowd rose for the home driver despite his lap 52 exit in the rain.",
                      "The home driver crashed out in the rain on the 25th lap as the crowd rose.")  # fmt: skip
    assert not joined("The Hornets celebrated their Game 6 win on their home court.",
                      "The Hornets celebrated their Game 4 win on their home court.")  # fmt: skip


# --- a quotation that runs over several sentences: each sentence is the clause and the context of its figures ---


def _when_and_context(text: str, figure: str) -> tuple[str | None, list[str]]:
    claim = next(c for c in extract_claims(text) if c.kind == "number" and c.text == figure)
    return claim.when, list(claim.extra["context"])  # type: ignore[arg-type]


def test_a_figure_in_a_quotation_of_two_sentences_takes_no_time_or_words_of_the_first() -> None:
    # weather: "today" dates the clean-up, not the roads still shut
    when, words = _when_and_context(
        "“The storm came ashore on Monday and the clean-up goes on today. Crews report that 40 roads remain "
        "closed across the county.”",
        "40 roads",
    )
    assert when is None
    assert not {"today", "clean", "storm", "ashore"} & set(words)
    assert {"close", "county"} <= set(words)
    # business: "last year" dates the repairs, not the workforce of now
    when, _ = _when_and_context(
        "“The plant closed for repairs last year. It now employs 2,300 workers,” the chief executive said.",
        "2,300 workers",
    )
    assert when is None


def test_an_abbreviation_or_an_initial_ends_no_clause() -> None:
    # courts, politics, defence: a title's or an initial's full stop is no sentence's end
    assert (
        _when_and_context("Mr. Okafor said on Friday 40 homes were lost in the blaze.", "40 homes")[0]
        == "on Friday"
    )
    assert (
        _when_and_context("Gen. Ruiz told reporters on Monday that 300 troops had left.", "300 troops")[0]
        == "on Monday"
    )
    assert (
        _when_and_context("On Monday the U.S. Navy said 300 sailors were sick.", "300 sailors")[0]
        == "On Monday"
    )


def test_a_figure_in_a_quotation_of_two_sentences_still_joins_the_same_figure_told_plainly() -> None:
    # a guard of the join (it held before the rule too): weather, business
    assert joined("Some 40 roads were still closed across the county on Tuesday night, highway crews said.",
                  "“The storm came ashore on Monday and the clean-up goes on today. Crews report that 40 roads "
                  "remain closed across the county.”")  # fmt: skip
    assert joined("A trust run by the senator's brother paid no tax in Spain for 30 years, the leaked files show.",
                  "“The trust, set up in the 1990s with help from the senator's late brother, goes on today. The "
                  "paper says it has found that ‘in 30 years Corvallo has never paid a cent of tax in Spain.’”")  # fmt: skip

"""Round review18: bugs found reviewing the night's changes (variants18, statements18, feedstories18, bughunt18),
each with sentences written here from several kinds of news (none from a real article), read by the real extractor
and matched by ``match_facts`` (no network)."""

from __future__ import annotations

from test_match_conflicts import joined

from claimcheck.claims import extract_claims


def _numbers(text: str) -> list[tuple[str, str | None, float | None]]:
    return [
        (c.text, c.unit, c.value.low if c.value else None)
        for c in extract_claims(text)
        if c.kind == "number"
    ]


# --- variants18: a race's distance glued to "m" -----------------------------------------------------------------
# numbers._race read any "50m", "100m", "200m" ... in a sentence with a word of racing ("race", "runners",
# "athletics", "sprint") and none of money as metres: "Some 100m voters ... in the presidential race" was a
# distance of 100 metres, its voters lost; "the race to vaccinate 50m people", "the race to connect 200m homes",
# "The athletics federation has 200m members" likewise. A race's distance is the race's name: "the 200m", "the
# 400m final", "Bolt's 100m record", never a figure that counts what follows it.


def test_a_count_in_a_sentence_of_a_race_is_no_distance() -> None:
    # elections, public health, broadband, sport's governing body, television
    for text in (
        "Some 100m voters are expected to cast ballots in the presidential race.",
        "The government is in a race to vaccinate 50m people by June.",
        "The race to connect 200m homes to broadband has stalled.",
        "The athletics federation has 200m members worldwide.",
        "The sprint series drew a television audience of 100m.",
    ):
        assert all(unit != "m" for _, unit, _ in _numbers(text)), text
    assert _numbers("Some 100m voters are expected to cast ballots in the presidential race.") == [
        ("Some 100m voters", "voters", 90_000_000.0)
    ]


def test_a_races_distance_stays_metres() -> None:
    # athletics, swimming
    for text, figure in (
        ("Mia Tran won the 200m final in 21.8 seconds.", "200m"),
        ("The sprinter clocked 19.12sec in the 200m.", "200m"),
        ("Bolt's 100m world record has stood since 2009, the athletics body said.", "100m"),
        ("The sprinter won the 100m in 9.9 seconds and the 200m in 19.8 seconds.", "100m"),
        ("The sprinter won the 100m in 9.9 seconds and the 200m in 19.8 seconds.", "200m"),
    ):
        assert any(t.endswith(figure) and unit == "m" for t, unit, _ in _numbers(text)), (text, _numbers(text))


# --- variants18: "from <date>" in a sentence of what will be ---------------------------------------------------
# find_quantities made "from July" the day a figure takes effect (a point, no span) when a word of the future
# was anywhere in the sentence: "Road deaths have fallen 12% from last year and the ministry says they will fall
# further" read the fall since last year as last year's, and joined "Road deaths fell 12% last year" (two facts).


def test_from_a_date_is_a_span_when_the_future_is_in_another_clause() -> None:
    # road safety, prices
    assert not joined("Road deaths fell 12% last year, the ministry said.",
                      "Road deaths have fallen 12% from last year and the ministry says they will fall further.")  # fmt: skip
    assert not joined("Prices rose 4% in July, the agency said.",
                      "Prices have risen 4% from July and the agency says they will keep rising.")  # fmt: skip
    # the rule's own case: the figure's clause tells what will be
    whens = [c.when for c in extract_claims("Energy bills will rise by 9% from July 1, the regulator said.") if c.kind == "number"]
    assert whens == ["July 1"]
    whens = [c.when for c in extract_claims("From April 1, the cap will rise by 6%, the regulator said.") if c.kind == "number"]
    assert whens == ["April 1"]


# --- variants18: a part of a point ------------------------------------------------------------------------------
# numbers._fractions read any "a quarter of a point", "three tenths of a point" as percentage points: a gymnast's
# or a diver's margin ("won the gold by three tenths of a point") was shown as "0.3 percentage points".


def test_a_part_of_a_judges_point_is_no_percentage_point() -> None:
    # gymnastics, diving, a league table
    for text in (
        "The gymnast Mia Tran won the gold medal by three tenths of a point.",
        "The diver finished a quarter of a point behind the champion.",
        "He leads the standings by a quarter of a point.",
    ):
        assert all(unit != "percentage points" for _, unit, _ in _numbers(text)), (text, _numbers(text))
    # a rate's point, with or without "percentage"
    for text in (
        "The bank raised rates by a quarter of a percentage point.",
        "The central bank cut interest rates by a quarter of a point.",
        "The Conservatives' lead narrowed by three quarters of a point to 4%.",
    ):
        assert any(unit == "percentage points" for _, unit, _ in _numbers(text)), (text, _numbers(text))


# --- variants18: people taken from their homes are not the evacuated --------------------------------------------
# roles._AFTER took "moved|relocated|bussed|taken (out) from their homes" as the evacuated: people taken from their
# homes by soldiers, by police or by kidnappers (detained, abducted, removed) were an evacuation's count and joined
# it ("Rescuers evacuated 312 people" / "312 people were taken from their homes in the night and detained").


def test_people_taken_from_their_homes_are_no_evacuation() -> None:
    # conflict, policing
    assert not joined("Rescuers evacuated 312 people from the flooded village.",
                      "Soldiers said 312 people were taken from their homes in the night and detained.")  # fmt: skip
    assert not joined("Firefighters evacuated 45 residents from the tower block.",
                      "Police said 45 residents were taken from their homes during the raids.")  # fmt: skip
    # moved or relocated from their homes, taken to safety or to shelters: the evacuated, as the rule meant
    assert joined("Rescuers evacuated 312 people from the flooded village.",
                  "Officials said 312 people were moved from their homes as the river rose.")  # fmt: skip
    assert joined("Rescuers evacuated 312 people from the flooded village.",
                  "Officials said 312 people were taken to emergency shelters as the river rose.")  # fmt: skip


# --- statements18: a verb of an act used as a figure of speech ---------------------------------------------------
# statements.acts_in_past takes what a subject did in the simple past as a statement, with no named actor: a
# review's or a match report's judgement told with a verb of its lexicon ("The novel struck a chord with readers",
# "The ending left audiences cold", "Rovers showed great character", "The director created a world of dread") was
# a statement row of one outlet in `compare`. Idioms of general English, each kept apart from its literal act.


def _is_statement(text: str) -> bool:
    return any(c.kind == "statement" for c in extract_claims(text))


def test_a_figure_of_speech_is_no_act() -> None:
    # reviews (books, music, film, theatre, television, food, games), match reports, columns
    for text in (
        "The novel struck a chord with readers of all ages.",
        "Her second album broke new ground for the band.",
        "The sequel missed the mark by some distance.",
        "The tasting menu stole the show.",
        "The band's new single captured the mood of the summer.",
        "The documentary left audiences speechless.",
        "The memoir left too many questions unanswered.",
        "The director created a world of slow-burning dread.",
        "The young defender showed great composure on his debut.",
        "Rovers showed real character after the break.",
        "United suffered from a lack of ideas in the final third.",
        "The revival struck the right note with a young audience.",
    ):
        assert not _is_statement(text), text


def test_the_same_verbs_of_a_literal_act_stay_statements() -> None:
    # war, building, surveys, courts, news of people
    for text in (
        "Rebels captured the heart of the city on Tuesday.",
        "Builders broke ground on the new hospital in Harlow in March.",
        "Researchers at Dunmore University discovered a new species of beetle.",
        "The officers left the building without making an arrest.",
        "Police said the suspect fled the scene in a silver car.",
        "Earlier this week, the regulator fined the bank over its handling of complaints.",
    ):
        assert _is_statement(text), text


def test_a_print_editions_note_and_a_reviews_praise_are_no_statements() -> None:
    # furniture of newspapers and magazines; reviews of theatre and film
    for text in (
        "A version of this article appeared in print in the Sunday edition of the Gazette.",
        "A version of this story first appeared in the Harbour Review.",
        "An earlier version of this article appeared on the Harlow Gazette website.",
        "This article originally appeared on the Harlow Gazette website.",
        "Marsh gave the performance of his career as the ageing king.",
        "Tran gave a performance of a lifetime in the final act.",
    ):
        assert not _is_statement(text), text
    # an article's own correction and a performance as an event stay statements
    assert _is_statement(
        "Correction: An earlier version of this article said Rosa Quint was born in Harlow; she was born in Dunmore."
    )
    assert _is_statement("The band gave a performance at the Harlow festival on Saturday.")

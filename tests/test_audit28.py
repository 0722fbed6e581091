"""Round audit28 (issue 12): misfires of rounds statements28 and review28 found with invented sentences.

statements28 made an act told in the passive a statement (``statements.PASSIVE_ACTS``). Some passives of those
participles tell no act to check: a view or a feeling ("The plan was attacked by critics as too costly", "She was
hurt by his comments", "His reputation was damaged by the scandal"), an idiom ("caught off guard", "named after
his grandfather") or a habit ("The gates were closed each night at ten"). Sentences and names are our own."""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims
from claimcheck.claims.statements import acts_in_past, is_statement


def _statements(text: str) -> list[str]:
    return [c.text for c in extract_claims(text, {}) if c.kind == "statement"]


@pytest.mark.parametrize(
    "text",
    [
        # a view: the agent is a giver of views or a piece of speech, or the act is a judgement "as" something
        "The harbour plan was attacked by critics as far too costly.",
        "The new levy was questioned by several economists at the meeting.",
        "The idea was rejected by most readers of the parish magazine.",
        "The tenor was deeply wounded and was hurt by his rival's comments.",
        "Mara Linn was hurt by the remarks about her family.",
        "The actor was destroyed by the reviews of his first play.",
        "The toll scheme was attacked as unfair to commuters at the meeting.",
        # a feeling or a standing, no act: the subject is one
        "His reputation was damaged by the affair at the yacht club.",
        "Their spirits were lifted by the news from the valley.",
        "The mood in the dressing room was lifted by the late equaliser.",
        "Her confidence was hurt by the defeat in Corvale.",
        # idioms of a participle of an act
        "The champion was caught off guard by the question about her coach.",
        "The Brennick defence was caught napping in the second half.",
        "The old ferry was named after a poet from the island.",
        # a habit, not an event: how often it happened
        "The gates of the old park were closed each night at ten.",
        "The Tallis festival was cancelled every year during the war.",
        "Trains to Pellham were cancelled on Sundays in winter.",
        "Parcels for the Dunmore depot were delivered twice daily by van.",
    ],
)
def test_passives_of_views_feelings_idioms_and_habits_are_no_statements(text: str) -> None:
    assert not _statements(text), text


@pytest.mark.parametrize(
    "text",
    [
        # the same participles telling an act
        "The deputy mayor was attacked by a man with a knife outside the Orlow town hall.",
        "The suspect was questioned by detectives through the night in Pellham.",
        "The striker was hurt in a collision with the Brennick keeper.",
        "The harbour wall was damaged by the storm on Tuesday night.",
        "The sanctions on Tallis were lifted by the council in March.",
        "The thief was caught on camera leaving the Dunmore depot.",
        "Mara Linn was named chief executive of the Corvale port authority.",
        "The Orlow bridge was closed on Monday after a crack was found.",
        "The appeal was dismissed by the high court in Pellham.",
        "The proposal was rejected by the regional assembly after a long debate.",
    ],
)
def test_the_same_participles_still_tell_acts(text: str) -> None:
    assert acts_in_past(text), text
    assert is_statement(text), text
    assert _statements(text) == [text]


# --- review28: a problem of a device's or a service's feature named by a body word stays a report ---


def _keys(text: str) -> list[str]:
    """The counted things of the sentence's number claims, in order."""
    from claimcheck.match.things import thing_key

    return [thing_key(c) for c in extract_claims(text) if c.kind == "number"]


@pytest.mark.parametrize(
    "sentence",
    [
        "About 2,400 users reported issues with the heart-rate feature of the Velo watch.",
        "About 2,400 users reported problems with the back button in the Velo app.",
        "About 2,400 users reported problems back in March, when the Velo app first failed.",
        "About 2,400 users reported issues with the sleep-tracking mode after the update.",
        "About 2,400 customers reported problems with the joint account service of Orlow Bank.",
        "About 2,400 customers reported problems with their personal hotspot after the update.",
        "About 2,400 users reported problems with the family sharing feature of the store.",
        "About 2,400 users were reporting problems with the blood-oxygen sensor of the watch.",
        "About 2,400 users reported problems with their back-up drives on Monday.",
    ],
)
def test_problems_of_a_feature_named_by_a_body_word_stay_reports(sentence: str) -> None:
    """A body or life word that is part of a feature's or a service's name ("heart-rate feature", "back button",
    "joint account") or an adverb ("back in March") is no problem of people's health or lives (review28 read
    them as such)."""
    assert _keys(sentence)[0] == "report", _keys(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "About 2,400 patients reported problems with their heart rate after the trial.",
        "About 2,400 residents reported problems with their mental health during the lockdown.",
        "About 2,400 players reported problems with their hamstrings during the preseason camp.",
        "About 2,400 residents reported problems breathing after the fire at the plant.",
        "About 2,400 residents reported problems with their breathing, and the council closed the plant.",
    ],
)
def test_problems_of_the_body_stay_no_reports(sentence: str) -> None:
    assert _keys(sentence)[0] != "report", _keys(sentence)


# --- review28: a level noun only after a bare figure does not name it (``pipeline.distinct_claims``) ---


@pytest.mark.parametrize(
    "restated",
    [
        "Officials said 1,140 was more than the city had ordered in a decade, and the price of each bus fell.",
        "Officials said 1,140 was a record for the city, and the value of the deal was not disclosed.",
        "Officials said 1,140 was the highest level of orders in a decade.",
    ],
)
def test_a_bare_figure_restated_before_a_level_noun_stays_a_restatement(restated: str) -> None:
    """ "a contract for 1,140 buses" ... "officials said 1,140 was ..., and the price of each bus fell": the bare
    figure restates the buses; a level noun (price, value, level) later in its sentence names another figure or
    none. review28 kept it as a figure of its own (a second claim of the article for its buses' row)."""
    from claimcheck.match.pipeline import distinct_claims
    from tests.test_facts26 import told

    article = told("bbc", "The city signed a contract for 1,140 electric buses on Monday. " + restated, 0)
    kept = [c.text for c in distinct_claims(article, "number")]
    assert kept.count("1,140") == 0 and any("buses" in k for k in kept), kept


# --- statements of one person and of a part of a group never link (``blocking.subject_kind``) ---


def test_one_persons_act_and_a_groups_split_are_two_rows() -> None:
    """One outlet's two articles: one tells how the pardoned were split between two towns ("Some of ... were
    flown to Corvale, while others were sent to Tallis"), the other where one woman went ("She was sent to Tallis
    with other pardoned men"). Their words are nearly the same; each linked to the other fact's outlets, and each
    row showed the other row's sentence for that outlet (the demo's two rows, round statements28)."""
    from datetime import UTC, datetime, timedelta

    from claimcheck.match.pipeline import match_facts
    from claimcheck.match.rules import MatchOptions
    from claimcheck.models import Article, Outlet

    t0 = datetime(2026, 3, 1, 9, tzinfo=UTC)

    def told(outlet: str, text: str, hour: int, piece: int = 0) -> Article:
        url = f"http://127.0.0.1:9/{outlet}/{hour}/{piece}"  # never fetched
        return Article(outlet, url, url, f"{outlet} story {piece}", text, url, t0, published=t0 + timedelta(hours=hour),
                       claims=tuple(extract_claims(text)))  # fmt: skip

    articles = [
        told("abc", "Some of those pardoned were sent to Corvale, others to Tallis. "
             "She was flown to Tallis along with a number of other pardoned detainees.", 0),  # fmt: skip
        told("cbs", "Some of those pardoned were sent to Corvale, others to Tallis.", 1),
        told("sky", "Some of those pardoned were flown to Corvale, others to Tallis.", 2),
        told("wdr", "She was sent to Tallis along with other pardoned detainees.", 3),
        told("npr", "Some of the pardoned detainees were flown to Corvale, while others were sent to Tallis, "
             "officials said.", 4),  # fmt: skip
        told("npr", "She was sent to Tallis with other freed detainees, while Mr Orlen was brought to Corvale.", 5, 1),
    ]
    outlets = {o: Outlet(o, o.upper()) for o in ("abc", "cbs", "sky", "wdr", "npr")}
    facts = [f for f in match_facts(articles, outlets, MatchOptions()) if f.kind == "statement" and len(f.mentions) > 1]
    assert facts
    for f in facts:
        openings = {m.claim.text.split()[0] for m in f.mentions}
        assert not {"She", "Some"} <= openings, [m.claim.text for m in f.mentions]


# --- statements28: an outlet's statement of another year repeats no fact (``pipeline.join_statement_repeats``) ---


def test_a_statement_of_another_year_does_not_join_as_a_repeat() -> None:
    """npr and bbc tell of the prize his wife won a year later: linked to the prize row by their words and npr's
    outlet, they joined it as npr's repeat; the years (2024 against 2023) tell two events."""
    from tests.test_claims_statements28 import _PRIZE, _statement_rows, _told

    rows = _statement_rows(
        [
            *_PRIZE,
            _told("bbc", "His wife Mara Lind was awarded the Halden Prize in 2024 while he was still in custody.", 4),
            _told("npr", "His wife Mara won the Halden Prize in 2024 while Lind was still in custody.", 5, piece=1),
        ]
    )
    prize = next(r for r in rows if "2023" in r[0])
    assert prize[1] == {"abc", "cbs", "sky", "wdr", "npr", "itv"} and prize[2] == 6, rows


# --- a picture's caption with no "this" is furniture (``statements._PHOTO_CAPTION``) ---


@pytest.mark.parametrize(
    "text",
    [
        "Picture taken on March 3 shows the damaged bridge over the Orlow.",
        "A handout photo released by the Tallis navy shows the damaged ship in port.",
    ],
)
def test_a_pictures_caption_is_no_statement(text: str) -> None:
    assert not _statements(text), text


def test_images_a_story_reports_stay_statements() -> None:
    text = "Satellite images taken on Monday show the damaged runway at the Tallis base."
    assert _statements(text) == [text]

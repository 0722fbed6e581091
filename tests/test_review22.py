"""review22: misfires of this session's rules on invented news of other kinds (notes/review22.md). A quote's
speaker from its sentence's credit, the thanks frame, "(via X)" credits, the fiction frame, file references."""

from __future__ import annotations

import pytest
from test_claims_pages11 import _cites, _quotes

from claimcheck.claims import extract_claims

# --- the sentence's credit reports words another voice or thing gives: it does not speak them ---


@pytest.mark.parametrize(
    "text",
    [
        'According to the indictment, the messages contained the phrase "clean the books before the audit arrives."',
        'According to the museum, the painting bears the inscription "to my brother on the day of his wedding."',
        'According to the survey, most respondents answered "not very likely at all" when asked about moving.',
        'According to organisers, protesters chanted "no more cuts to our schools" outside the town hall.',
        'According to the airline, the pilot radioed "mayday, mayday, we have lost an engine" before the landing.',
        "According to the coroner, the climber's last words were \"tell my mother I am sorry.\"",
        'According to the newspaper, the minister was heard muttering "this is a total disaster" after the vote.',
        "According to the report, the pilot's final message was \"we are going down over the water.\"",
        "According to the lawsuit, the company's handbook labelled its drivers \"independent business partners.\"",
        'According to police, the suspect had scrawled "you will pay for this" on the wall of the flat.',
        'According to the union, the strike, known locally as "the long walkout of the winter," cost 40 jobs.',
        'According to the court filing, the app displayed the warning "your account will be closed in 24 hours."',
        'According to the club, the chairman\'s "five-year plan for the academy" will cost 30 million.',
        'According to the league, the referee\'s report mentions "a clear punch thrown by the striker."',
    ],
)
def test_a_credit_does_not_speak_the_words_it_reports(text: str) -> None:
    [(_, speaker)] = _quotes(text)
    assert speaker is None


@pytest.mark.parametrize(
    "text,speaker",
    [
        ('According to the tax office, the new rules will make it "far harder to hide income abroad."', "office"),
        ("According to the charity, the new shelter is “a lifeline for families sleeping rough.”", "charity"),
        ('According to the union, the note is "an insult to every nurse in the country."', "union"),
        ('The new bridge, "a landmark for the whole valley," will open next month, the transport ministry said.', "ministry"),
    ],
)
def test_the_credit_still_speaks_its_own_words(text: str, speaker: str) -> None:
    [(_, found)] = _quotes(text)
    assert found is not None and found.split()[-1] == speaker


# --- thanks and praise: words of those thanked, by a verb of their own, are theirs ---


@pytest.mark.parametrize(
    "text",
    [
        'The coach thanked fans for chanting "we love you Rovers" all through the second half.',
        'The mayor thanked the nurses who had told her "you will walk again one day" after the crash.',
    ],
)
def test_thanks_for_words_of_another_voice_are_not_the_subjects(text: str) -> None:
    [(_, speaker)] = _quotes(text)
    assert speaker is None


def test_thanks_in_the_subjects_words_stays() -> None:
    [(_, speaker)] = _quotes('Coach Ana Ruiz congratulated the squad on "a season nobody here will forget."')
    assert speaker is not None and speaker.endswith("Ruiz")


# --- "(via X)": a route or a channel mid-sentence is no source ---


@pytest.mark.parametrize(
    "text",
    [
        "Flights from London to Sydney (via Singapore) take about 22 hours.",
        "The team flew home after the tournament ended on Sunday (via Dubai).",
        "The ship sailed to Oslo (via the Kiel Canal) with 300 passengers on board.",
        "Trains to Hull will run every hour from May (via York).",
        "The patch fixes the crash on startup (via Steam) and adds a new map.",
        "Fans can vote for the player of the season (via the Club App) until Friday.",
    ],
)
def test_a_route_or_a_channel_via_is_no_source(text: str) -> None:
    assert _cites(text) == []


def test_via_a_source_closing_the_sentence_stays() -> None:
    assert _cites("The studio confirmed the release date on Monday (via Deadline).") == ["Deadline"]


# --- numbers ---


def _numbers(text: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.unit) for c in extract_claims(text, {}) if c.kind == "number"]


def test_a_clause_of_a_works_audience_keeps_its_figure() -> None:
    found = _numbers("In the episode, watched by 8 million viewers, 3 characters die.")
    assert ("8 million viewers", "viewers") in found


def test_the_plot_alone_still_gives_no_figure() -> None:
    assert _numbers("In the episode, 3 characters die in a fire.") == []


@pytest.mark.parametrize("text", ["The wine scored 92/100 in the annual tasting.", "The hotel was rated 85/100 by inspectors."])
def test_a_mark_out_of_100_is_no_file_reference(text: str) -> None:
    assert _numbers(text) != []


@pytest.mark.parametrize("text", ["The council approved reference 24/01234/FUL on Monday.", "The file 22/1234 was closed.", "Ref 23/100/OUT was refused."])
def test_a_file_reference_stays_no_figure(text: str) -> None:
    assert _numbers(text) == []


# --- a lone figure in another unit: an average is no top speed ---


def _rows(*texts: str) -> list[list[tuple[str, str]]]:
    from test_match_general import OUTLETS, told_each

    from claimcheck.match.pipeline import match_facts
    from claimcheck.match.rules import MatchOptions

    articles = told_each(*texts)
    facts = match_facts(articles, OUTLETS, MatchOptions())
    return [[m.claim.text for m in f.mentions] for f in facts if f.kind == "number"]


def test_a_lone_average_in_another_unit_joins_no_top_speed() -> None:
    rows = _rows("The car reached a top speed of 100 mph on the test track.",
                 "The car averaged 161 km/h over the lap, the team said.",
                 "Its top speed was 100mph, the makers said.")  # fmt: skip
    assert ["161 km/h"] in rows


def test_a_lone_average_in_another_unit_joins_the_average() -> None:
    rows = _rows("The train averaged 100 mph between the two cities.",
                 "The train averaged 161 km/h on the new line, the operator said.",
                 "It averaged 100mph on the run, the makers said.")  # fmt: skip
    assert any("161 km/h" in r and len(r) == 3 for r in rows)


# --- misfire22's odds and fiction rules, narrowed ---


@pytest.mark.parametrize(
    "text", ["Bookmakers said United's 3-1 defeat cost them millions.", "Punters lost out on the shock 3-0 defeat."]
)
def test_a_score_before_a_result_noun_stays_after_a_betting_word(text: str) -> None:
    assert [u for _, u in _numbers(text)] == ["score"]


@pytest.mark.parametrize("text", ["Bookmakers made him 7-2 to win the title.", "The 5-2 favourite won by a length."])
def test_odds_stay_no_score(text: str) -> None:
    assert "score" not in [u for _, u in _numbers(text)]


@pytest.mark.parametrize(
    "text,figure",
    [("In the sequel, the studio spent $150m on effects.", "$150m"), ("In the film, the actor lost 20kg for the role.", "20kg")],
)
def test_the_makers_of_a_work_keep_their_figures(text: str, figure: str) -> None:
    assert figure in [t for t, _ in _numbers(text)]


def test_a_plot_in_a_sequel_still_gives_no_figure() -> None:
    assert _numbers("In the sequel, the hero steals $5m from a bank.") == []

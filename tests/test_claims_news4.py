"""Rules of the news4 round (issue 12 §2): quote speakers, credits and counts decided by syntax and position.

The faults were tallied by role over all the tuning material (benchmark tuning pages, news-tune, news2-tune,
news3-tune, news4-tune); each rule is written from the shape of news copy, not from one story's words. Every
sentence is our own, written for these tests; each rule has cases that must stay as they are.
"""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims
from tests.claims_eval import ALIASES


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.speaker) for c in extract_claims(text, ALIASES) if c.kind == "quote"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a partial quote in the complement of a verb that reports, suggests or warns: the verb's subject speaks
        ('Tech veterans have warned that social media firms are "eroding the pillars of our society" in recent weeks.', "veterans"),
        ("The agency's rules state that \"no vendor may sell food on the pavement after dark.\"", "rules"),
        ('The singer suggests that, to be happy, "you have to love what you do every day."', "singer"),
        ('Amid mounting pressure, the move let Smith claim that the firm wants to be "a place that feels much more open."', "Smith"),
        # ... a reflexive and an adverb between the subject and the verb
        ('It was the sort of stunt the director himself once called "the worst idea anyone ever had".', "director"),
        # ... the head of a subject with a postmodifier, not the preposition's object
        ('A leaflet about the missing man warned that he was "known to carry a knife" and "should not be approached."', "leaflet"),
        ('A poster for the elder Mr. Doe warned that he was "known to carry a knife and a gun."', "poster"),
    ],
)
def test_a_partial_quote_is_credited_to_the_subject_of_its_reporting_verb(text: str, speaker: str) -> None:
    got = speakers(text)
    assert got and all(s is not None and s.split()[-1] == speaker for _, s in got)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a quote that opens its sentence, with no credit, stays without a speaker
        ('"We will rebuild the stand by spring." The council approved the plan on Monday.', None),
        # a pronoun subject is resolved as before ("they": none)
        ('They warned that the deal was "a betrayal of every worker in the town."', None),
        # a quote in a relative clause with no reporting verb
        ('The plan, which was "a waste of public money and time," was scrapped.', None),
        # a verb of hearing is no verb of saying
        ('Earlier the court heard that he had "no regard for anyone at all."', None),
        # the speech verbs keep their credits
        ('Mayor Jane Doe said the plan was "a waste of public money and time."', "Jane Doe"),
    ],
)
def test_speakers_that_stay(text: str, speaker: str | None) -> None:
    assert [s for _, s in speakers(text)] == [speaker]


def cites(text: str) -> list[str]:
    return [c.cites or "" for c in extract_claims(text, ALIASES) if c.kind == "citation"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body named by a title credited with a report, outside the sources list
        ('The Busan Ilbo reports that satellite images had shown "tankers meeting at sea about 40 times since June."', ["Busan Ilbo"]),
        ("The Lancet reported on Friday that the trial had been stopped early.", ["Lancet"]),
        # a firm or body named after its class noun
        ("(Analytics firm Nielsen says viewers will spend $12 billion a year on streaming by 2025.)", ["Nielsen"]),
        ("The consultancy Halden Partners estimated that the port lost a fifth of its trade.", ["Halden Partners"]),
        # an outlet a person is quoted in, or gave an interview to
        ("The actor is quoted in The New York Times as saying the producer attacked her.", ["nyt"]),
        ("The director responded to an interview the actress gave to The New York Times last week.", ["nyt"]),
        # a named person credited mid-sentence, after the fact
        ("The bridge had been shut for weeks, Cole explained, but reopened after checks by engineers.", ["Cole"]),
    ],
)
def test_credits_by_shape(text: str, expected: list[str]) -> None:
    got = cites(text)
    assert all(any(e.lower() in g.lower() for g in got) for e in expected), got


@pytest.mark.parametrize(
    "text",
    [
        # a bare name reporting may be a person's: the labels cite no "X reported that <clause>"
        "Smith reported that the pump had failed twice.",
        "He reported that the pump had failed twice.",
        # a gift to a body is no interview
        "The family gave to The Salvation Army every year.",
        # a class noun before a name that is not the subject of a report verb
        "The group Smith founded in 2010 now runs nine shelters.",
        # a pronoun in an aside
        "The plan, he said, was dead by the summer.",
    ],
)
def test_no_credit_stays_none(text: str) -> None:
    assert cites(text) == []


def numbers(text: str) -> list[tuple[str, float, str | None]]:
    return [(c.text, c.value.low, c.unit) for c in extract_claims(text, ALIASES) if c.kind == "number" and c.value]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a letter code hyphened to its figure between a count and its plural is a model's: the count counts the plural
        ("The first stage burned five F-1 engines at once.", [("five F-1 engines", 5, "engines")]),
        ("The air force sent four B-52 bombers over the sea.", [("four B-52 bombers", 4, "bombers")]),
        # an acceleration benchmark in words, with its conversion in brackets, is no range: only the time counts
        ("The electric scooter can go from 0 to 30 miles per hour (0 to 48 km/h) in 2.7 seconds.", [("2.7 seconds", 2.7, "seconds")]),
        # a win-loss pair before the season or start it sums up is a record (wins first), not a score
        ("The club sacked its coach after they beat the Rovers to close out a 4-12 season.", [("4-12", 4, "record")]),
        ("The Hawks are off to a 5-0 start after beating the Kings.", [("5-0", 5, "record")]),
    ],
)
def test_numbers_by_role(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert numbers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a game that opens a season is a score
        ("They beat Leeds 3-2 in a season-opening win.", [("3-2", 3, "score")]),
        # a speed in words stays, and so does a range from 0 that is no benchmark
        ("Its top speed is 250 miles per hour.", [("250 miles per hour", 250, "mph")]),
        ("Cases rose from 0 to 150 in 3 weeks.", [("0", 0, "cases"), ("150", 150, "cases"), ("3 weeks", 3, "weeks")]),
        # a year range before "season" is no claim
        ("The club finished third in the 2019-20 season.", []),
        # a name and a figure between a count and its plural, as before
        ("The company launched three Falcon 9 rockets in a week.", [("three Falcon 9 rockets", 3, "rockets")]),
    ],
)
def test_numbers_that_stay(text: str, expected: list[tuple[str, float, str | None]]) -> None:
    assert numbers(text) == expected


def test_a_single_quoted_quote_that_runs_on_to_the_paragraph_end_is_a_quote() -> None:
    # British single quotes: the second quote opens after the credit's full stop and is not closed in its paragraph
    text = (
        "'A medal was definitely possible today,' Okonjo said. 'I think we were safe in fourth but sometimes you "
        "have to risk it all to try and win the sprint.\nThe judges took no further action."
    )
    got = speakers(text)
    assert [s for _, s in got] == ["Okonjo", "Okonjo"]
    assert got[1][0].startswith("I think we were safe") and got[1][0].endswith("win the sprint.")


@pytest.mark.parametrize(
    "text",
    [
        # apostrophes after a full stop are no opening marks
        "He said no and left. It's the rock 'n' roll era all over again, the critics wrote.",
        "The fans sang all night long. 'Tis the season for songs in the old town square.",
        # a closed single-quoted quote stays as it was: one quote
        "The team lost again. 'We were not good enough today,' the captain said.",
    ],
)
def test_single_quotes_that_stay(text: str) -> None:
    assert len(speakers(text)) == (1 if "captain" in text else 0)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a role set off by the full name after it: the name speaks
        ('"She was a climber, that was her whole life," her sister, Eva Lund, told reporters on Monday.', "Eva Lund"),
        # ... not a relative clause after the role
        ('"We are not leaving," the mayor, who was re-elected in May, told reporters.', "the mayor"),
    ],
)
def test_a_role_set_off_by_a_name_after_the_quote(text: str, speaker: str) -> None:
    assert [s for _, s in speakers(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one person left unnamed is no source a reader can check (the own labels: "a spokesman said" cites nobody)
        ("Up to 40 inmates could be moved next week, a spokesman said.", []),
        ("The tent will stay open all night, the spokeswoman said, since most calls come after midnight.", []),
        # a body's credit stays, and so does a spokesman of a named body or a named spokesman
        ("Up to 40 inmates could be moved next week, officials said.", ["officials"]),
        ("The tent will stay open all night, said Lt. Ann Cole, a police spokeswoman.", ["Ann Cole"]),
    ],
)
def test_an_unnamed_spokesperson_is_no_source(text: str, expected: list[str]) -> None:
    assert cites(text) == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a credit after the quote with an irregular verb of writing or saying ("wrote", "told")
        ("Fans cheered all night. 'The long wait is over!! I am too old for this!' the 80-year-old comedian wrote online.", "comedian"),
        # the press speaks as a role does, after a partial quote too
        ('The files, "give rare insight into a hidden world of offshore money," the German newspaper wrote.', "newspaper"),
    ],
)
def test_credits_after_a_quote_by_role_and_verb(text: str, speaker: str) -> None:
    got = speakers(text)
    assert got and got[-1][1] is not None and got[-1][1].split()[-1] == speaker

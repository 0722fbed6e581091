"""Round cites7 (issue 12, citations): credits of other outlets and named sources that fresh sentences of the
tuning material showed missing (tests/claims_label.py, "Seventh round, credits"), each rule on sentences of our
own from several kinds of news, with the cases that must not cite."""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims
from claimcheck.claims.citations import find_credits


def _cites(text: str) -> list[str]:
    return [c.cites for c in find_credits(text, {})]


def _claim_cites(text: str) -> list[str]:
    return [c.cites or "" for c in extract_claims(text, {}) if c.kind == "citation"]


# --- a named person credited after the fact, described in two parts ---


@pytest.mark.parametrize(
    "text,want",
    [
        ("The harvest came in late, says Ruth Okafor, an agronomist at Millbrook, a seed cooperative in Ohio.", "Ruth Okafor"),
        ("Ticket sales doubled in a week, said Tom Reyes, a promoter at Bluefin, the events company.", "Tom Reyes"),
        ("The ward reopened on Monday, says Anna Berg, a nurse at St Luke's, a hospital in Leeds.", "Anna Berg"),
    ],
)
def test_person_credited_with_a_two_part_description(text: str, want: str) -> None:
    assert want in _cites(text)


def test_person_named_as_the_subject_stays_uncited() -> None:
    # the news5 convention: a person who opens the sentence as its subject is no citation
    assert _cites("Ruth Okafor, an agronomist at Millbrook, says the harvest came in late.") == []


# --- outlets known by one word, and more verbs of telling ---


@pytest.mark.parametrize(
    "text,want",
    [
        ("The singer told Variety that the tour would resume in May.", "Variety"),
        ("The senator opened up to Politico about her plans for the primary.", "Politico"),
        ("In an interview with Axios, the chief executive said hiring would slow.", "Axios"),
        ("The striker confirmed to Yonhap that he had signed with the club.", "Yonhap"),
        ("The actor revealed to People that the couple had married in June.", "People"),
        ("The coach explained to The Athletic why the captain was dropped.", "Athletic"),
    ],
)
def test_told_an_outlet_known_by_one_word(text: str, want: str) -> None:
    assert any(want in c for c in _cites(text))


@pytest.mark.parametrize(
    "text",
    [
        "The mayor told people at the rally that the bridge would reopen.",
        "The minister told Vice President Lane that talks had stalled.",
        "The pilot explained to passengers that the flight was delayed.",
        "The company confirmed to investors that profits had fallen.",
    ],
)
def test_told_a_listener_is_no_citation(text: str) -> None:
    assert _cites(text) == []


# --- an outlet as the subject of a verb of reporting, or after the fact ---


@pytest.mark.parametrize(
    "text,want",
    [
        ("NBC Boston reports the suspect was arrested at a motel near the airport.", "NBC Boston"),
        ("USA Today is reporting that the league will expand to 36 teams.", "USA Today"),
        ("Sky News said the ferry had been held in port by the storm.", "Sky News"),
        ("Shares fell after CNBC reported that the merger talks had collapsed.", "CNBC"),
        ("The rebels withdrew from the town overnight, The Kyiv Independent reported.", "Kyiv Independent"),
        ("The pitcher will miss the season, The Boston Globe reports.", "Boston Globe"),
    ],
)
def test_outlet_as_subject_or_after_the_fact(text: str, want: str) -> None:
    assert any(want in c for c in _cites(text))


@pytest.mark.parametrize(
    "text",
    [
        "Emily Post said good manners never go out of style.",  # a surname that is also a word of the press
        "On Monday the council said the road would close.",
        "Today said the minister would resign.",
        "The CNN anchor said the interview was over.",
    ],
)
def test_no_outlet_subject(text: str) -> None:
    assert not any(c.endswith(("Post", "Today", "CNN")) for c in _cites(text))


@pytest.mark.parametrize(
    "text,bad",
    [
        ("Ratings fell in the spring, CNN Thursday said.", "Thursday"),
    ],
)
def test_no_title_or_time_in_an_outlet_credit(text: str, bad: str) -> None:
    assert not any(bad in c for c in _cites(text))


# --- a name before its class noun of the press ---


@pytest.mark.parametrize(
    "text,want",
    [
        ("The vote was delayed, Japan's Asahi Shimbun newspaper reported on Tuesday.", "Asahi Shimbun"),
        ("The ministry confirmed the deal after the Kyodo news agency reported it.", "Kyodo"),
        ("Hungary's Nepszava daily said the factory would close in March.", "Nepszava"),
    ],
)
def test_name_before_its_press_noun(text: str, want: str) -> None:
    cites = _cites(text)
    assert any(want in c for c in cites) and not any("'s" in c or "’s" in c for c in cites)


@pytest.mark.parametrize(
    "text",
    [
        "The German newspaper wrote that the coalition would not survive the winter.",
        "A South Korean newspaper said the shipments had continued.",
        "An Israeli daily reported that the talks had stalled.",
    ],
)
def test_a_nationality_does_not_name_the_paper(text: str) -> None:
    assert not any(w in c for c in _cites(text) for w in ("German", "Korean", "Israeli"))


# --- a document put out by a named source ---


@pytest.mark.parametrize(
    "text,want",
    [
        ("Data released by the Office for National Statistics showed wages rose 4 percent.", "Office for National Statistics"),
        ("Photos released by the European Space Agency show the probe's damaged antenna.", "European Space Agency"),
        ("A study of 2,000 nurses by Maria Lopez, a sociologist at Kessler University, found that most worked unpaid overtime.", "Maria Lopez"),
        ("A survey conducted by Gallup suggests support for the plan has fallen.", "Gallup"),
        ("Figures published by the ministry show exports fell in May.", "ministry"),
    ],
)
def test_document_by_a_named_source(text: str, want: str) -> None:
    assert any(want in c for c in _cites(text))


@pytest.mark.parametrize(
    "text",
    [
        "The report was written by hand over three weeks.",
        "Photos taken by fans show the stage collapsing.",
        "The study was delayed by funding cuts, researchers said nothing more.",
    ],
)
def test_no_named_source_for_a_document(text: str) -> None:
    assert not any(c.lower() in ("hand", "fans", "funding cuts") for c in _cites(text))


# --- a body named with its joining words, past a relative clause ---


@pytest.mark.parametrize(
    "text,want",
    [
        (
            "The Organisation for Economic Co-operation and Development, which groups 38 countries, still says growth will slow.",
            "Organisation for Economic Co-operation and Development",
        ),
        ("The Bank of England, which sets interest rates, said inflation had peaked.", "Bank of England"),
        ("The Food and Drug Administration said the recall covered 40,000 jars.", "Food and Drug Administration"),
        ("The International Olympic Committee later announced the games would go ahead.", "International Olympic Committee"),
    ],
)
def test_body_name_with_joining_words(text: str, want: str) -> None:
    assert any(want in c for c in _cites(text))


@pytest.mark.parametrize(
    "text",
    [
        "Parliament passed the budget, and the opposition said it would appeal.",
        "The bank said nothing.",
    ],
)
def test_no_body_name(text: str) -> None:
    assert not any(c.startswith(("Parliament", "The bank")) for c in _cites(text))


def test_claims_carry_the_new_credits() -> None:
    assert "Sky News" in " ".join(_claim_cites("Sky News said the ferry had been held in port by the storm."))


# --- a source credited through a passive verb of reporting ---


@pytest.mark.parametrize(
    "text,want",
    [
        ("The governor was quoted as saying by the Tribune that taxes would rise.", "Tribune"),
        ("As first reported by the Chronicle, the mayor will not seek re-election.", "Chronicle"),
        ("The figures, cited by the Financial Times, show a sharp fall in sales.", "Financial Times"),
        ("The transfer was first reported by Sports Network reporter Dan Ortiz.", "Sports Network"),
        ("The transfer was first reported by Dan Ortiz.", "Dan Ortiz"),
    ],
)
def test_passive_credit_by_a_named_source(text: str, want: str) -> None:
    cites = _cites(text)
    assert any(want in c for c in cites) and not any(c.endswith(".") and not c.endswith("U.N.") for c in cites)


@pytest.mark.parametrize(
    "text",
    [
        "The house was destroyed by fire in 1990.",
        "As with every schedule announced by the founder, the date may change.",
        "The bridge was confirmed by engineers to be safe.",
        "The appointment was confirmed by the Senate on Tuesday.",  # a vote, not a source
        "The plant was cited by OSHA for safety violations.",  # a penalty
    ],
)
def test_no_passive_credit(text: str) -> None:
    assert _cites(text) == []


# --- more verbs of saying after the fact, a name after a press noun, a body's document, "the source is" ---


@pytest.mark.parametrize(
    "text,want",
    [
        ("The tanker had called at the port twice in October, the authorities noted.", "authorities"),
        ("Two of the injured were still in hospital, police added.", "police"),
        ("The ban applies to every county in the state, the Health Ministry stressed.", "Health Ministry"),
    ],
)
def test_body_credited_after_the_fact_with_more_verbs(text: str, want: str) -> None:
    assert any(want in c for c in _cites(text))


@pytest.mark.parametrize(
    "text",
    [
        "To cope with the crowds, the army added 500 troops to the border patrols on Monday.",
        "The police noted the car's number plate and drove on.",
    ],
)
def test_more_verbs_mid_sentence_are_no_credit(text: str) -> None:
    assert _cites(text) == []


@pytest.mark.parametrize(
    "text,want",
    [
        ("The coach said the squad was tired, in an interview on Sunday with the public broadcaster RTV.", "RTV"),
        ("Speaking to the state broadcaster Radio Meridian, the minister denied the reports.", "Radio Meridian"),
        ("The author told the newspaper Il Corriere that the novel was finished.", "Il Corriere"),
    ],
)
def test_name_after_a_press_noun_after_telling(text: str, want: str) -> None:
    cites = _cites(text)
    assert want in cites and not any(c.endswith(".") for c in cites)


def test_press_noun_without_a_name_is_no_credit() -> None:
    assert _cites("The author told the newspaper that the novel was finished.") == []


@pytest.mark.parametrize(
    "text,want",
    [
        ("A police report described how the fire spread from the kitchen.", "police report"),
        ("The ministry's guidelines state that pets must travel in the hold.", "ministry's guidelines"),
        ("A Pentagon audit found that the contracts were overpriced.", "Pentagon audit"),
        ("Flight records show that the plane rarely flew abroad.", None),  # one capitalised word opening a sentence
        ("The report said the dam was unsafe.", None),  # no body named
    ],
)
def test_a_bodys_document(text: str, want: str | None) -> None:
    cites = _cites(text)
    assert (want in cites) if want else cites == []


def test_the_source_is_a_name() -> None:
    assert "TechWire" in _cites("The phone may ship in June, though the source is TechWire, which has often been wrong.")

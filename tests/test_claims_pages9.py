"""Round pages9 (issue 12, quotes and citations on unseen sentences): rules for what fresh sentences of the tuning
material showed (tests/claims_label.py, "Ninth round"), each on sentences of our own from several kinds of news:
what must give the claim and what must not."""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims
from claimcheck.claims.citations import find_credits


def _speakers(text: str) -> list[str | None]:
    return [c.speaker for c in extract_claims(text, {}) if c.kind == "quote"]


def _quotes(text: str) -> list[str]:
    return [c.text for c in extract_claims(text, {}) if c.kind == "quote"]


def _cites(text: str) -> list[str]:
    return [c.cites for c in find_credits(text, {})]


# --- a pronoun credit before its quote stands for a person named before it, never for a name after it ---


@pytest.mark.parametrize(
    "text,speaker",
    [
        (
            '"We are ready to talk," Premier Lena Vos said on Monday.\nShe added that South African negotiators should meet '
            'their Belgian counterparts "as soon as the floods recede" to settle the border works.',
            "Lena Vos",
        ),
        (
            '"The season is not over," coach Marco Reyes said after the loss.\nHe insisted that Real Madrid midfielders '
            'had to "stop giving the ball away so cheaply" in the second half.',
            "Marco Reyes",
        ),
        (
            '"Prices will fall by spring," Finance Minister Ruth Amari told reporters.\nShe warned that New Zealand '
            'importers were "holding back stock to push prices up" before the budget.',
            "Ruth Amari",
        ),
    ],
)
def test_pronoun_before_quote_skips_names_after_it(text: str, speaker: str) -> None:
    got = _speakers(text)[-1]
    assert got is not None and got.split()[-1] == speaker.split()[-1]


# --- a name inside a relative clause set off by commas is no antecedent of the main clause's pronoun ---


@pytest.mark.parametrize(
    "text,speaker",
    [
        (
            "Mr. Okafor, who chairs the budget committee, attacked the plan on Tuesday. Citing the new levy, which "
            "Mr. Bello strongly backed, and the cost of fuel, he said, \u201cFamilies cannot carry another tax this "
            "year.\u201d",
            "Okafor",
        ),
        (
            "Dr. Helen Marsh, who leads the hospital trust, spoke to staff on Friday. Pointing to the new wing, whose "
            "design Dr. Karl Stein approved, she said, \u201cWe will open it before the winter peak arrives.\u201d",
            "Marsh",
        ),
    ],
)
def test_relative_clause_name_is_no_antecedent(text: str, speaker: str) -> None:
    got = _speakers(text)[-1]
    assert got is not None and got.split()[-1] == speaker


def test_name_opening_the_sentence_still_speaks() -> None:
    text = (
        "Mr. Bello, who backed the levy, defended it on Tuesday. Citing the cost of fuel, he said, \u201cWe have no "
        "other way to pay for the roads.\u201d"
    )
    assert _speakers(text) == ["Bello"]


# --- a count opening the subject of a verb of calling or warning speaks its partial quote ---


@pytest.mark.parametrize(
    "text,speaker",
    [
        (
            'Six senior hospital doctors called the new rota "dangerous for patients and staff" in a joint letter.',
            "doctors",
        ),
        ('Three former league referees described the ruling as "a betrayal of the whole game" on Sunday.', "referees"),
        ('Dozens of local shop owners warned that the road closures were "killing the high street slowly".', "owners"),
    ],
)
def test_counted_subject_speaks(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


def test_counted_object_is_no_speaker() -> None:
    # the count is the object's, the named subject speaks
    text = 'Mayor Ida Lund called six council members "the people who froze the budget" on Monday.'
    assert _speakers(text) == ["Ida Lund"]


# --- a related-links label with no colon before headlines in capitals ---


@pytest.mark.parametrize(
    "text",
    [
        "Related stories FLOOD WARNING River levels to peak overnight 'We lost everything' Farmers count the cost",
        "Related articles TOP SCORER 'I feel at home here' Striker signs new deal at the club",
    ],
)
def test_related_block_without_colon_gives_no_quote(text: str) -> None:
    assert _quotes(text) == []


def test_related_stories_in_a_sentence_stay() -> None:
    text = 'Related stories show that "the river has never risen this fast in living memory," Mayor Joan Pike said.'
    assert _quotes(text) == ["the river has never risen this fast in living memory,"]


# --- citations: a paper someone told named before its class noun, or after a nationality and the noun ---


@pytest.mark.parametrize(
    "text,cites",
    [
        ("The minister told the Northern Courier daily in an interview that the port would reopen.", ["Northern Courier"]),
        ("The striker told the Harbour Sentinel newspaper he would stay until the summer.", ["Harbour Sentinel"]),
        ("The coach told the German newspaper Kieler Blatt that the team would move.", ["Kieler Blatt"]),
        ("The author told the French weekly Le Courrier that her next book was finished.", ["Le Courrier"]),
    ],
)
def test_told_a_named_paper(text: str, cites: list[str]) -> None:
    assert _cites(text) == cites


@pytest.mark.parametrize(
    "text",
    [
        "He told Icelandic television he had no plans to resign.",
        "She told the German newspaper on Sunday that the talks had failed.",
        "The singer told a Swedish magazine that the tour was over.",
    ],
)
def test_a_described_paper_names_no_source(text: str) -> None:
    assert _cites(text) == []


# --- citations: organisers credited with a say; a report with "a" and no name names nothing ---


@pytest.mark.parametrize(
    "text,cites",
    [
        ("The organisers said 40,000 runners had signed up for the marathon.", ["organisers"]),
        ("Festival organizers said the storm had damaged two stages.", ["Festival organizers"]),
        ("The organiser said the fireworks had been stored in a locked container.", ["organiser"]),
    ],
)
def test_organisers_credited(text: str, cites: list[str]) -> None:
    assert _cites(text) == cites


@pytest.mark.parametrize(
    "text",
    [
        "Two tankers swapped cargo at sea, according to a published report.",
        "The striker has agreed terms with the club, according to a media report.",
        "The mine was closed after the flood, according to a news report.",
    ],
)
def test_unnamed_report_cites_nothing(text: str) -> None:
    assert _cites(text) == []


@pytest.mark.parametrize(
    "text,cites",
    [
        ("Two tankers swapped cargo at sea, according to a report by the Maritime Safety Office.", "Maritime Safety Office"),
        ("The drug cut relapses by a third, according to a new case report.", "case report"),
        ("Two tankers swapped cargo at sea, according to a report in the Harbour Gazette.", "Harbour Gazette"),
    ],
)
def test_named_report_still_cites(text: str, cites: str) -> None:
    got = _cites(text)
    assert len(got) == 1 and cites in got[0]


# --- citations: an outlet credited after the fact at the sentence's end ---


@pytest.mark.parametrize(
    "text,cites",
    [
        ("The region has had 40 cases of measles since May, writes the Associated Press.", ["ap"]),
        ("Ticket sales fell by a third over the summer, reported Reuters.", ["reuters"]),
    ],
)
def test_outlet_after_the_fact(text: str, cites: list[str]) -> None:
    got = [c.cites for c in find_credits(text, {"associated press": "ap", "reuters": "reuters"})]
    assert got == cites


def test_outlet_inside_the_fact_is_no_credit() -> None:
    # the name does not end the sentence: what was said is about the outlet
    assert find_credits("The senator said the Associated Press was unfair to her.", {"associated press": "ap"}) == []


# --- citations: a piece published in a named journal; a document a named body released ---


@pytest.mark.parametrize(
    "text,cites",
    [
        ("In 2011 a team showed in a paper published in Marine Ecology Letters that the reef was recovering.",
         ["Marine Ecology Letters"]),
        ("A study published last year in the Journal of Alpine Medicine found the climbers lost weight.",
         ["Journal of Alpine Medicine"]),
        ("The tanker was seen in satellite images released by the Coastal Security Agency on Nov. 3.",
         ["Coastal Security Agency"]),
        ("The goal was shown in footage released by the Football Federation on Monday.", ["Football Federation"]),
    ],
)
def test_published_or_released_by_named_source(text: str, cites: list[str]) -> None:
    assert _cites(text) == cites


@pytest.mark.parametrize(
    "text",
    [
        "A study published in March found the climbers lost weight.",
        "The album was released by the band in 2019 to strong reviews.",
    ],
)
def test_published_without_a_named_source(text: str) -> None:
    assert _cites(text) == []


# --- citations: "the newspaper" / "the report" credited with a say; "a report said" names nothing ---


@pytest.mark.parametrize(
    "text,cites",
    [
        ("The newspaper said the ferry had been sold to a firm in Malta.", ["newspaper"]),
        ("Three of the clubs broke the spending cap, the newspaper said.", ["newspaper"]),
        ("The broadcaster reported that the vote had been delayed by a week.", ["broadcaster"]),
    ],
)
def test_the_piece_said(text: str, cites: list[str]) -> None:
    assert _cites(text) == cites


@pytest.mark.parametrize(
    "text",
    [
        "A report said the ferry had been sold.",
        "The report said the ferry had been sold.",  # a report names no body (tests/test_claims_cites7.py)
        "The newspaper of the year award went to a weekly.",
    ],
)
def test_no_piece_credit(text: str) -> None:
    assert _cites(text) == []

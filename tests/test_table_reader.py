"""The attribution table as a fact-checker reads it on real events (issue 12, section 4): page furniture that
was read as statements, sources named twice or joined into one, garbled summaries, a wrong "first", cut outlet
names. Each case is written here in our own words, in the shapes real pages print them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from claimcheck.claims import extract_claims, split_sentences
from claimcheck.claims.statements import is_furniture


def _statements(text: str) -> list[str]:
    return [c.text for c in extract_claims(text) if c.kind == "statement"]


# --- 1. a dashed subheading is furniture ---------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    ["- Harbour chief's cousin named -", "— 'We will not step down' —", "-- Ferry operator fined --"],
)
def test_a_subheading_set_off_by_dashes_is_furniture(line: str) -> None:
    assert is_furniture(line)
    text = f"The port authority opened an inquiry on Monday.\n{line}\nThe inquiry will report in May."
    assert not any(line.strip("-— ") in s for s in _statements(text))


@pytest.mark.parametrize(
    "line",
    [
        "- The ferry was carrying 40 passengers - and 12 crew members, the operator said.",
        "- The harbour police arrested the ferry's captain on Sunday",  # a list's line: no closing dash
    ],
)
def test_a_list_line_or_a_dash_inside_a_sentence_is_no_heading(line: str) -> None:
    assert not is_furniture(line)


# --- 2. photo credits are no part of a statement -------------------------------------------------------

CAPTIONS = [
    ("Getty Images Supporters of the harbour club celebrated the victory in the square", "Getty Images"),
    ("EPA Riot police officers stood guard outside the station after the arrests", "EPA"),
    ("AFP/Getty Images Rescuers searched the river bank for the missing boat", "AFP/Getty Images"),
    ("Getty - Contributor The singer revealed she was leaving the band to study law", "Getty - Contributor"),
    ("Facebook Twitter Pinterest A supporter wept after the team won the final", "Facebook Twitter Pinterest"),
    ("The club had not won the championship since 1951 (Getty Images)", "(Getty Images)"),
    ("The two actors announced their separation in 2016. (Photo: Ann Lee, WireImage)", "(Photo: Ann Lee, WireImage)"),
]


@pytest.mark.parametrize(("line", "credit"), CAPTIONS)
def test_a_photo_credit_is_a_sentence_of_its_own(line: str, credit: str) -> None:
    parts = [s.text for s in split_sentences(line)]
    assert credit in parts, parts
    assert is_furniture(credit)
    for c in extract_claims(line):
        assert credit not in c.sentence, (c.kind, c.sentence)


@pytest.mark.parametrize(
    "line",
    [
        "EPA Administrator Jo Lee said on Monday that the rules would change.",  # the agency, not a credit
        "Reuters reported that the talks had failed.",
        "The company (Getty Images) was sold to a fund last year.",
        "Facebook and Twitter said on Monday they would ban the adverts.",
    ],
)
def test_a_sentence_that_names_an_agency_keeps_it(line: str) -> None:
    assert [s.text for s in split_sentences(line)] == [line]
    assert not is_furniture(line)


@pytest.mark.parametrize("line", ["Credit: Jo Bloggs/AP", "Picture credit: Jo Bloggs"])
def test_credit_labels_are_furniture(line: str) -> None:
    assert is_furniture(line)


# --- 3. "X and Y": two sources, unless one name holds the "and" ----------------------------------------

from claimcheck.match.facts import alias_map, article_cites, merge_names  # noqa: E402
from claimcheck.match.sourcenames import fold_acronyms, split_sources  # noqa: E402
from claimcheck.models import Article, Outlet  # noqa: E402

OUTLETS = {
    "bbc": Outlet("bbc", "BBC News", aliases=("BBC",)),
    "harbour": Outlet("harbour", "harbourtimes.example"),
}


@pytest.mark.parametrize(
    ("name", "sources"),
    [
        ("BBC and The Guardian", ["BBC", "The Guardian"]),
        ("Harvard University and Stanford University", ["Harvard University", "Stanford University"]),
        ("Ministry of Defence and NATO", ["Ministry of Defence", "NATO"]),
        ("BBC, Sky News and The Times", ["BBC", "Sky News", "The Times"]),
        ("Procter and Gamble", ["Procter and Gamble"]),  # one word each side: one firm's name
        ("Johnson & Johnson", ["Johnson & Johnson"]),
        ("Bureau of Alcohol, Tobacco and Firearms", ["Bureau of Alcohol, Tobacco and Firearms"]),
        ("Department of Health and Human Services", ["Department of Health and Human Services"]),
    ],
)
def test_a_list_of_sources_is_each_of_them(name: str, sources: list[str]) -> None:
    assert split_sources(name, alias_map(OUTLETS)) == sources


def test_the_article_tells_whether_a_short_name_stands_alone() -> None:
    # "Reuters and Bloomberg": two one-word names, each a source the article also cites on its own
    assert split_sources("Lloyd and Partners", (), {"lloyd"}) == ["Lloyd and Partners"]
    assert split_sources("Kestrel and Osprey", (), {"kestrel", "osprey"}) == ["Kestrel", "Osprey"]


def _article(outlet: str, text: str, outlets: dict[str, Outlet] = OUTLETS) -> Article:
    url = f"http://127.0.0.1/{outlet}/1.html"
    claims = tuple(extract_claims(text, alias_map(outlets)))
    return Article(outlet, url, url, "Port inquiry", text, "0", datetime(2026, 1, 5, tzinfo=UTC), claims=claims)


def _cited(art: Article) -> set[str]:
    cites = article_cites([art], OUTLETS, alias_map(OUTLETS), {})
    return set().union(*cites[0].values())


def test_an_article_citing_two_outlets_in_one_breath_cites_both() -> None:
    art = _article("harbour", "The port was closed for three days, according to the BBC and The Guardian.")
    assert _cited(art) == {"bbc", "Guardian"}
    art = _article("harbour", "The port was closed for three days, according to The Guardian and the BBC.")
    assert _cited(art) == {"bbc", "Guardian"}


def test_a_firm_whose_name_holds_and_is_one_source() -> None:
    art = _article("harbour", "The recall cost 40 million dollars, according to Procter and Gamble.")
    assert _cited(art) == {"Procter and Gamble"}


# --- 4. an acronym and its full name are one source -------------------------------------------------------


def test_an_acronym_and_the_name_it_spells_are_one_source() -> None:
    text = (
        "At least 40 people fell ill, according to the World Health Organization.\n"
        "The outbreak reached three provinces, according to WHO.\n"
        "The vaccine stock covers 2,000 people, according to the Red Cross."
    )
    assert _cited(_article("harbour", text)) == {"World Health Organization", "Red Cross"}
    assert fold_acronyms(["ICIJ", "International Consortium of Investigative Journalists", "DoD",
                          "Department of Defense", "U.N.", "United Nations"]) == {
        "ICIJ": "International Consortium of Investigative Journalists",
        "DoD": "Department of Defense",
        "U.N.": "United Nations",
    }
    # a fact's list: "WHO" from one outlet, the full name from another
    assert merge_names(["WHO", "World Health Organization", "Red Cross"]) == ("World Health Organization", "Red Cross")
    # initials that spell no name given stay: "NHS" is not the "National Grid"
    assert merge_names(["NHS", "National Grid"]) == ("NHS", "National Grid")


def test_an_outlet_does_not_cite_itself_by_the_name_of_its_site() -> None:
    outlets = {**OUTLETS, "edition-cnn-com": Outlet("edition-cnn-com", "edition.cnn.com")}
    art = _article("edition-cnn-com", "The bridge will reopen within 12 days, according to CNN.", outlets)
    cites = article_cites([art], outlets, alias_map(outlets), {})
    assert set().union(*cites[0].values()) == set()

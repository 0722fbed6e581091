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
def test_a_photo_credit_and_the_caption_it_credits_are_furniture(line: str, credit: str) -> None:
    assert is_furniture(credit)
    text = f"The harbour club won the cup on Saturday, the league said.\n{line}\nThe mayor thanked the team."
    for c in extract_claims(text):
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
def test_a_sentence_that_names_an_agency_is_no_credit(line: str) -> None:
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
        ("BBC and the company", ["BBC"]),  # "cites" lists named sources: "the company" names none
        ("BBC, the ministry and The Guardian", ["BBC", "The Guardian"]),
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


def test_an_acronym_inside_a_name_gives_the_name_all_its_letters() -> None:
    """A word of a name that is an acronym gave its initials one letter: "U.S." folded into "U.S. Senate" (the
    country and one of its bodies, two sources), and "UNSC" never met "UN Security Council"."""
    assert fold_acronyms(["U.S.", "U.S. Senate", "NE", "NHS England"]) == {}
    assert fold_acronyms(["UNSC", "UN Security Council", "USS", "U.S. Senate"]) == {
        "UNSC": "UN Security Council",
        "USS": "U.S. Senate",
    }


def test_an_outlet_does_not_cite_itself_by_the_name_of_its_site() -> None:
    outlets = {**OUTLETS, "edition-cnn-com": Outlet("edition-cnn-com", "edition.cnn.com")}
    art = _article("edition-cnn-com", "The bridge will reopen within 12 days, according to CNN.", outlets)
    cites = article_cites([art], outlets, alias_map(outlets), {})
    assert set().union(*cites[0].values()) == set()


# --- the summary reads as the article wrote it --------------------------------------------------------

from claimcheck.match.facts import summarise  # noqa: E402


def _summary(sentence: str, nth: int = 0) -> str:
    c = [c for c in extract_claims(sentence) if c.kind == "number"][nth]
    return summarise([c], c.value, c.unit, c.when)


def test_a_figure_written_into_a_word_keeps_the_word_whole() -> None:
    # was "$3 billion: …the $3 billion -dollar question"
    assert "billion-dollar question" in _summary("That leaves the $3 billion-dollar question of who paid for it.")


def test_the_number_phrase_stops_at_a_sentence_end_inside_a_quotation() -> None:
    s = '"The leak holds two million letters and 410,000 scanned pages. The archive is the largest yet," she said.'
    got = _summary(s, 1)
    assert got.startswith("410,000 scanned pages:") and "archive" not in got and " ." not in got, got


@pytest.mark.parametrize(
    ("sentence", "head"),
    [
        ("The firm had not once in nearly 30 years of trading been fined.", "nearly 30 years"),  # was "27.6-30 years"
        ("The ledger lists the bank accounts of hundreds of people.", "hundreds of people"),  # was "200-1,000 people"
        ("Dozens of protesters were detained outside the court on Friday.", "dozens of protesters"),
        ("Up to 40 people were treated for smoke inhalation.", "up to 40 people"),
    ],
)
def test_a_qualified_or_vague_figure_heads_its_row_as_written(sentence: str, head: str) -> None:
    assert _summary(sentence).startswith(head + ":"), _summary(sentence)


def test_a_vague_figure_is_given_as_written_in_the_values_line() -> None:
    from claimcheck.render.common import value_as_written

    c = next(c for c in extract_claims("Tens of thousands of people marched in the capital.") if c.kind == "number")
    assert value_as_written(c) == "tens of thousands"


# --- "first" when a feed gives only the day ----------------------------------------------------------


def _fact_published(times: dict[str, datetime]) -> object:
    from claimcheck.models import Fact, Mention

    claim = next(c for c in extract_claims("The storm killed 12 people on Sunday.") if c.kind == "number")
    mentions = tuple(
        Mention(outlet=o, url=f"http://127.0.0.1/{o}", title="Storm", published=t, claim=claim, syndicated=False)
        for o, t in times.items()
    )
    first = min(times, key=lambda o: times[o])
    return Fact(
        id="F1", kind="number", summary="12 deaths", mentions=mentions, outlets=tuple(times),
        independent_outlets=tuple(times), first_outlet=first, first_published=times[first],
    )


def test_a_day_only_stamp_is_not_first_before_a_time_of_that_same_day() -> None:
    from claimcheck.render.common import first_outlets

    day = datetime(2026, 3, 3, tzinfo=UTC)
    fact = _fact_published({"daily": day, "evening": day.replace(hour=4, minute=47), "late": datetime(2026, 3, 4, 1, tzinfo=UTC)})
    assert first_outlets(fact) == ["daily", "evening"]  # was ["daily"]: "3 March" is no earlier than 04:47 that day
    timed = _fact_published({"a": day.replace(hour=1), "b": day.replace(hour=4, minute=47)})
    assert first_outlets(timed) == ["a"]  # two times of one day: the earlier is first


# --- 80 columns: an outlet's name is never cut -------------------------------------------------------


def test_a_long_outlet_name_folds_rather_than_being_cut() -> None:
    import io

    from rich.console import Console

    from claimcheck.models import CompareResult, OutletCount
    from claimcheck.render.table import attribution_table

    day = datetime(2026, 3, 3, tzinfo=UTC)
    fact = _fact_published({"wp": day.replace(hour=2), "mail": day.replace(hour=5)})
    names = {"wp": "www.longnamedpostandcourier.example.com", "mail": "www.mail.example"}
    result = CompareResult(
        topic="storm", generated_at=day, since=None, until=None,
        outlets=tuple(OutletCount(o, n, 1) for o, n in names.items()), facts=(fact,),  # type: ignore[arg-type]
        article_count=2,
    )
    out = io.StringIO()
    Console(width=80, file=out, color_system=None).print(attribution_table(result))
    text = out.getvalue()
    cells = "".join(line.split("│")[3].strip() for line in text.splitlines() if line.count("│") >= 5)
    assert "www.longnamedpostandcourier.example.com" in cells, text


def test_a_heading_that_asks_without_its_question_mark_is_no_statement() -> None:
    from claimcheck.claims.statements import is_statement

    assert not is_statement("How the port authority ended up in the middle of a bribery scandal")
    assert is_statement("How the port authority ended up in debt was explained by the auditor on Monday.")
    assert is_statement("When the storm hit, Mayor Jo Lee closed the harbour bridge")


def test_the_grid_legend_never_parts_a_key_from_its_outlet() -> None:
    import io

    from rich.console import Console

    from claimcheck.render.table import Legend

    pairs = [f"{k} www.outlet{k.lower()}.example.com" for k in "ABCDEFG"]
    out = io.StringIO()
    Console(width=80, file=out, color_system=None).print(Legend(pairs, "1 first reporter"))
    lines = out.getvalue().splitlines()
    for pair in pairs:
        assert any(pair in line for line in lines), lines  # "D" and its name on one line


def test_a_vague_figure_with_no_noun_keeps_what_it_counts() -> None:
    got = _summary("Three people were killed and hundreds were injured when the stand collapsed.", 1)
    assert got.startswith("hundreds injured:"), got  # was "200-1,000 injured"; not a bare "hundreds"


def test_the_markdown_quotes_name_the_speaker_once() -> None:
    from claimcheck.models import CompareResult, Fact, Mention, OutletCount
    from claimcheck.render.markdown import render_markdown

    quote = next(c for c in extract_claims("“We will rebuild the harbour,” Mayor Jo Lee said.") if c.kind == "quote")
    day = datetime(2026, 3, 3, tzinfo=UTC)
    fact = Fact(
        id="F1", kind="quote", summary=summarise([quote], None, None, None),
        mentions=(Mention("a", "http://127.0.0.1/a", "Harbour", day, quote),), outlets=("a",),
        independent_outlets=("a",), first_outlet="a", first_published=day, speaker=quote.speaker,
    )
    result = CompareResult("harbour", day, None, None, (OutletCount("a", "A", 1),), (fact,), article_count=1)
    text = render_markdown(result)
    line = next(ln for ln in text.splitlines() if ln.startswith("- F1,"))
    assert line.count("Jo Lee") == 1, line  # was "- F1, Jo Lee: Jo Lee: “We will rebuild the harbour,”"


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("The Hawks beat the Owls 8-7 in extra innings on Sunday.", "8-7 score"),  # was "8 score"
        ("The driver was making his 250th grand prix start on Sunday.", "250th grand prix start"),  # was "250 ..."
    ],
)
def test_the_html_grid_labels_a_score_or_an_ordinal_as_the_row_does(sentence: str, figure: str) -> None:
    from claimcheck.models import Fact, Mention
    from claimcheck.render.common import fact_figure

    c = next(c for c in extract_claims(sentence) if c.kind == "number")
    fact = Fact(
        id="F1", kind="number", summary=summarise([c], c.value, c.unit, c.when),
        mentions=(Mention("a", "http://127.0.0.1/a", "Game", None, c),), outlets=("a",), independent_outlets=("a",),
        value=c.value, unit=c.unit,
    )
    assert fact_figure(fact) == figure
    assert fact.summary.startswith(figure + ":")


def test_a_long_word_of_a_summary_folds_rather_than_being_cut() -> None:
    import io
    from dataclasses import replace

    from rich.console import Console

    from claimcheck.models import CompareResult, OutletCount
    from claimcheck.render.table import attribution_table

    day = datetime(2026, 3, 3, tzinfo=UTC)
    fact = replace(_fact_published({"a": day}), summary="12 deaths: posted at harbour.example.org/notices/bridge-closure")
    result = CompareResult("storm", day, None, None, (OutletCount("a", "A", 1),), (fact,), article_count=1)  # type: ignore[arg-type]
    out = io.StringIO()
    Console(width=80, file=out, color_system=None).print(attribution_table(result))
    cells = "".join(line.split("│")[2].strip() for line in out.getvalue().splitlines() if line.count("│") >= 5)
    assert "harbour.example.org/notices/bridge-closure" in cells, out.getvalue()


@pytest.mark.parametrize(
    "line",
    [
        "GETTY The bridge was closed to traffic after the storm",  # a credit in capitals
        "CLOSE The mayor gave us a first look at the new ferry, which is expected to sail in May.",  # a video player
        "JUST WATCHED Harbour storm damage seen from the air Replay More Videos ...",
        "MOST READ IN NEWS FERRY FURY Passengers stranded for hours as the port closes",
    ],
)
def test_widget_and_credit_lines_in_capitals_are_furniture(line: str) -> None:
    assert is_furniture(line)
    assert not is_furniture("Close to 200 people were evacuated from the harbour on Sunday.")


def test_the_counted_thing_keeps_its_capitals() -> None:
    got = _summary("The ministry barred four DPRK ships and six North Korean trading companies from its ports.")
    assert got.startswith("4 DPRK ships:"), got  # was "4 dprk ships"
    got = _summary("The ministry barred four DPRK ships and six North Korean trading companies from its ports.", 1)
    assert got.startswith("6 North Korean trading companies:"), got
    assert _summary("People said 12 people were hurt in the crush at the gate.").startswith("12 people:")


def test_the_json_names_every_outlet_tied_first() -> None:
    from claimcheck.render.jsonout import fact_json

    day = datetime(2026, 3, 3, tzinfo=UTC)
    fact = _fact_published({"daily": day, "evening": day.replace(hour=4), "late": datetime(2026, 3, 5, tzinfo=UTC)})
    data = fact_json(fact)  # type: ignore[arg-type]
    assert data["first_reported"]["outlet"] == "daily" and data["first_outlets"] == ["daily", "evening"]


def test_the_html_timeline_gives_a_day_only_first_as_its_day() -> None:
    from claimcheck.render.htmlpage import timeline_svg

    day = datetime(2026, 3, 3, tzinfo=UTC)
    svg = timeline_svg([(day, "daily", "f"), (day.replace(hour=18, minute=8), "evening", "r")], label="When")
    assert "00:00" not in svg and "+18h08" not in svg, svg  # was "00:00 UTC +18h08", a span from no time
    assert "2026-03-03 (day)" in svg and "evening 18:08 UTC" in svg
    timed = timeline_svg([(day.replace(hour=1), "a", "f"), (day.replace(hour=3), "b", "r")])
    assert "01:00 UTC +2h00" in timed


@pytest.mark.parametrize(
    "line",
    [
        "Harbour bank bans card purchases of ferry tickets Read more",  # a related story's link
        "[The anonymous letter that led to the harbour inquiry]",
        "She is the author of a book on ports, published in 2019. jo.lee@example.org",
    ],
)
def test_related_links_and_contact_lines_are_furniture(line: str) -> None:
    assert is_furniture(line)
    assert not is_furniture("The bank said it would read more of the letters before the inquiry on Monday.")
    assert not is_furniture("The hackers sent 3,000 emails from ceo@bank.example to the staff last week.")


@pytest.mark.parametrize(
    "line",
    [
        "[Correction: An earlier version of this report said 40 ferries were sold; the figure is 14.]",
        "[Update: The port authority later said 3 more cranes had failed.]",
        "[Editor's note: The harbour master said 12 berths were closed]",
        "[The harbour board said 40 dock workers would lose their jobs by March.]",
    ],
)
def test_an_editor_s_note_or_a_sentence_in_brackets_is_no_related_link(line: str) -> None:
    """A headline alone in square brackets is a related story's link, but an editor's note (a correction, an
    update) or a whole sentence in brackets is the story's own text, with figures a fact-checker wants:
    every such line was dropped as furniture."""
    assert not is_furniture(line)
    assert extract_claims(line)


def test_markdown_evidence_does_not_double_a_sentence_s_own_quotation_mark() -> None:
    from claimcheck.render.markdown import _quoted

    assert _quoted("“We will rebuild the harbour,” Mayor Jo Lee said.") == "“We will rebuild the harbour,” Mayor Jo Lee said."
    assert _quoted("The harbour reopened on Monday.") == "“The harbour reopened on Monday.”"


@pytest.mark.parametrize(
    "line",
    [
        "Rex Harlow said 3 of the harbour's cranes had failed by Sunday",  # a first name, not Rex Features
        "PA Media reported that 14 ferries were cancelled on Sunday",  # "PA" then "Media": no credit
        "Anadolu Agency said 20 dock workers were hurt near the quay on Friday",
        "Police said the harbour master received 40 threats at master@port.example.",  # news ending with an address
        "The ransom note came from an account named harbour.thief@mail.example",
    ],
)
def test_a_news_line_that_opens_with_a_credit_s_word_or_ends_with_an_address_is_kept(line: str) -> None:
    """A news agency's full name ('PA Media', 'Anadolu Agency') was cut back to its first word so that the
    next capitalised word made it a caption's credit, 'Rex' alone was a picture library, and any line ending
    with an address was a writer's contact line: each such news line was dropped as furniture."""
    assert not is_furniture(line)
    for credit in ("Rex/Shutterstock Fans wait outside the harbour gate", "PA Media Fans wait at the harbour gate",
                   "Anadolu Agency Rescuers search the quay", "Jo Lee covers the ports. jo.lee@example.org",
                   "Email the harbour desk at desk@example.org", "Contact the writer: jo.lee@example.org"):
        assert is_furniture(credit), credit


def test_a_credit_through_a_picture_library_is_furniture() -> None:
    """'AFP via Getty Images', the form wire pictures carry in a library, was no credit (only '/', ':' or ';'
    joined two credit names): alone or opening its caption, the caption's figures were read as news."""
    assert is_furniture("AFP via Getty Images")
    assert is_furniture("AFP via Getty Images Fans wave flags at the harbour after the 3-1 win")
    assert not is_furniture("Reuters via AP reported that 3 ferries sank in the harbour on Sunday.")

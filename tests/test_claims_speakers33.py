"""Speakers33 (issue 12, older speaker rules that misfired on review31's invented sentences): a headline's place,
section, day or rubric before a colon is no speaker; an abbreviation ("No. 3", "Dr.") is no name; a British single
quote opening a text closes where its mark closes. Our own sentences, each with neighbours that keep their reading."""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims


def _quotes(text: str) -> list[tuple[str, str | None]]:
    """(text, speaker) of each quote found, in order."""
    return [(c.text, c.speaker) for c in extract_claims(text) if c.kind == "quote"]


def _speakers(text: str) -> list[str | None]:
    return [s for _t, s in _quotes(text)]


# --- a headline's place, section, competition, day or rubric before a colon is no speaker ---


@pytest.mark.parametrize(
    "text",
    [
        "Premier League: “We will not change the fixture list this season.”",
        "Northern Cup: ‘We expect the final to be a sell-out.’",
        "New York: “The subway line will reopen by Friday morning.”",
        "Hong Kong: “The rallies will go on this weekend.”",
        "London: ‘The bridge will stay shut until the spring.’",
        "Tokyo: “The race will go ahead without spectators.”",
        "Monday: “We expect heavy rain across the whole region.”",
        "December: “Markets usually rally before the holidays.”",
        "Fact Check: “The council never approved the new levy.”",
        "Reality Check: “The ward closures were planned years ago.”",
        "Explained: “Why the price of bread keeps going up.”",
        "Revealed: ‘The secret diet that helped the singer slim down.’",
        "Cost Of Living: “Families are cutting back on heating.”",
        "Business: “Shares in the lender fell sharply on the news.”",
        "Inside Harwick Prison: ‘Nobody checks the cells at night.’",
        "Remembering Tom Hale: ‘He made every room laugh.’",
    ],
)
def test_a_headline_label_before_a_colon_is_no_speaker(text: str) -> None:
    assert _speakers(text) in ([], [None])


@pytest.mark.parametrize(
    "text,speaker",
    [
        # a person, a role, a company, a club or a country's government may speak in a headline (kept)
        ("Grady: “I was never told about the meeting.”", "Grady"),
        ("Minister: “The plan will go ahead as agreed.”", "Minister"),
        ("Norvell Motors: “We have no comment on the inquiry.”", "Norvell Motors"),
        ("Harlow Rovers: “The club wishes our captain a speedy recovery.”", "Harlow Rovers"),
        ("France: “We will not accept these new tariffs.”", "France"),
        ("May: ‘We will deliver on the vote, whatever it takes.’", "May"),
        ("Holocaust survivor Lea Bram: “We must never forget.”", "Lea Bram"),
        # a headline's indirect question: its subject, without the question word (was "Why Ana Ruiz")
        ("Why Ana Ruiz quit: ‘I could not do it any more.’", "Ana Ruiz"),
        ("How Tom Hale won: ‘I trained every single day.’", "Tom Hale"),
        ("What Ana Ruiz told the court: “I never touched the money.”", "Ana Ruiz"),
        ("US: “We will respond to any attack on our ships.”", "US"),
    ],
)
def test_a_headline_speaker_before_a_colon_is_kept(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


# --- an abbreviation is no name: "No. 3" and a title before the name ---


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("“I felt sharp from the first point,” said No. 3 seed Lena Varga after the match.", "Lena Varga"),
        ("“It was a clean overtake,” said No. 2 driver Pablo Reyes.", "Pablo Reyes"),
        ("“I felt sharp from the first point,” said the world No. 3, Lena Varga, after the win.", "Lena Varga"),
        ("“The results are striking,” said the study’s lead author, Dr. Hana Cole.", "Hana Cole"),
    ],
)
def test_an_abbreviation_before_the_name_is_no_name(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize(
    "text,speaker",
    [
        # a firm's suffix before a role, a person of a body named without "the", an office named by its place
        ("“We expect a strong quarter,” said Acme Corp. chief executive Tom Hale.", "Tom Hale"),
        ("“The results are striking,” said Dr. Hana Cole of Brindle University.", "Hana Cole"),
        ("“This is a moment of grief,” said the Archbishop of Brentford.", "Archbishop of Brentford"),
        ("“This is a moment of grief,” the Duke of Harwick said after the service.", "Duke of Harwick"),
        ("“The strike must end,” said the Mayor of Harwick, Ana Ruiz.", "Ana Ruiz"),
        ("“This is a grave hour,” said the President of the United States.", "President of the United States"),
        # a body's name before "of" is no person: the name after the role speaks
        ("“We are proud,” said Harbour University of Technology spokesman Tom Hale.", "Tom Hale"),
        # a portfolio before a name keeps the name
        ("“The books will balance,” the Chancellor of the Exchequer, Anna Holm, said.", "Anna Holm"),
    ],
)
def test_a_name_or_an_office_not_its_firm_or_place(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "“The results are striking,” said the study’s lead author, Dr. Hana Cole of Brindle University.",
        "“We will take the case to appeal,” said No. 4 seed Rafe Colton’s coach, Mr. Dan Pryce.",
    ],
)
def test_a_title_alone_is_never_the_speaker(text: str) -> None:
    assert all(s is None or s.rstrip(".") not in ("Dr", "Mr", "No") for s in _speakers(text))


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("“It is a sad day,” said Prof. Anna Lind of the institute.", "Anna Lind"),
        ("“We will fight on,” said Mr. Dan Hale.", "Dan Hale"),
        ("“I felt sharp,” No. 3 seed Lena Varga said.", "Lena Varga"),
        ("“I felt sharp from the first point,” said Varga, the No. 3 seed.", "Varga"),
    ],
)
def test_credits_with_abbreviations_keep_their_reading(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


# --- a British single quote opening the text closes at its own mark ---


@pytest.mark.parametrize(
    "text,quote",
    [
        (
            "‘We are going to win this’ for the fans, the skipper told reporters on Friday. The match kicks off at 3pm.",
            "We are going to win this",
        ),
        (
            "‘Nobody listens to us’ was the message from residents at the meeting. The council will reply next week.",
            "Nobody listens to us",
        ),
        (
            "‘This was always his’ is how the widow put it to the paper. The estate goes to auction in May.",
            "This was always his",
        ),
    ],
)
def test_an_opening_single_quote_closes_at_its_mark(text: str, quote: str) -> None:
    assert [t for t, _s in _quotes(text)][:1] == [quote]


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("‘There is nothing left for us’ said the widow, 71, who lost her home in the flood.", "widow"),
        ("‘Thank you for always believing in us’ the star wrote on her page last night.", "star"),
    ],
)
def test_a_tabloid_single_quote_closed_after_us_has_its_credit(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize(
    "text,quote",
    [
        # a possessive after a plural still is no closing mark
        ("‘The players’ wives were told nothing,’ the club’s former captain said on Friday.", "The players’ wives were told nothing,"),
        # a paragraph of a quotation running on over paragraphs is all quote
        ("‘That seemed a dull idea to all of us.\n‘So we chose something else.’", "That seemed a dull idea to all of us."),
    ],
)
def test_possessives_and_run_on_paragraphs_keep_their_reading(text: str, quote: str) -> None:
    assert [t for t, _s in _quotes(text)][:1] == [quote]

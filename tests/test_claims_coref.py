"""Quote speakers by reference (claims/coref.py, claims/quotes.py): a role or a pronoun credit points back to the
person or body the article named before it. Own sentences, written for these tests."""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims
from claimcheck.claims.quotes import find_quotes


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a title before the name, then the role alone
        (
            "Health Minister Jo Lamb toured the new ward on Monday.\n"
            '"We will open two more clinics before the winter comes," the minister said.',
            "Jo Lamb",
        ),
        # the role in apposition after the name, the credit before the quote
        (
            "Jo Lamb, the health minister, toured the ward on Monday.\n"
            'The minister told staff: "We will open two more clinics before the winter comes."',
            "Jo Lamb",
        ),
        # the credit's describing word is among the title's
        (
            "Foreign Minister Rui Tavares met his counterpart in the capital.\n"
            '"Our talks went further than either side expected," the foreign minister said.',
            "Rui Tavares",
        ),
        # a lower-case title before the name (sport)
        (
            "Head coach Mark Ellis watched the second half from the stands.\n"
            '"That was the worst half we have played all season long," the coach said.',
            "Mark Ellis",
        ),
        # a title at a sentence's start
        (
            "Comedian Sara Holt told followers on Monday that she had split from her partner.\n"
            '"It was not the holidays, that was not the fight that ended it," the comedian clarified.',
            "Sara Holt",
        ),
        # an age credit points back to the age in apposition
        (
            "Anna Kovac, 45, was pulled from the rubble on Sunday.\n"
            '"I thought I would never see my children again," the 45-year-old told reporters.',
            "Anna Kovac",
        ),
        # a body named by its kind
        (
            "Shares of Brightline Corp fell sharply on Tuesday.\n"
            '"We are reviewing every order placed this year," the company said in a statement.',
            "Brightline Corp",
        ),
        # a body introduced with its kind before or after its name
        (
            "Customers of the payments firm Brightline lost access on Sunday.\n"
            '"Every account will be restored by the end of the week," the firm said.',
            "Brightline",
        ),
        (
            "Brightline, the payments firm, said the outage was over.\n"
            '"Every account will be restored by the end of the week," the firm said.',
            "Brightline",
        ),
        # an agency named by its kind
        (
            "The Food Standards Agency issued a recall of the cheese on Friday.\n"
            '"Anyone who bought it should return it to the shop for a refund," the agency said.',
            "Food Standards Agency",
        ),
        # a name after lower-case role words is the speaker, not the role with it
        (
            'The set was hard to build, according to production designer Joel Collins, "because we had to make a '
            'ship look fifty years old."',
            "Joel Collins",
        ),
        # the name set off right after the role at the sentence's end
        (
            '"Our country has always respected the council\'s sanctions in full," said the spokeswoman, Mei Lan.',
            "Mei Lan",
        ),
    ],
)
def test_role_credit_points_back_to_the_name_introduced_with_it(text: str, want: str) -> None:
    assert speakers(text) == [want]


def test_possessive_pronoun_role_names_whose_role_it_is() -> None:
    text = (
        "Mayor Dan Ruiz met the striking drivers on Friday morning.\n"
        '"We are not going to give in to threats of this kind," his spokesman said.'
    )
    assert speakers(text) == ["Dan Ruiz’s spokesman"]


@pytest.mark.parametrize(
    ("text", "left"),
    [
        # another office than the one introduced
        (
            "Health Minister Jo Lamb toured the new ward on Monday.\n"
            '"We will open two more clinics before the winter comes," the prime minister said.',
            "the prime minister",
        ),
        # two ministers fit: left as written
        (
            "Health Minister Jo Lamb and Finance Minister Tom Reed toured the ward.\n"
            '"We will open two more clinics before the winter comes," the minister said.',
            "the minister",
        ),
        # a heading between the introduction and the credit
        (
            "Health Minister Jo Lamb toured the new ward on Monday.\nWhat happens next\n"
            '"We will open two more clinics before the winter comes," the minister said.',
            "the minister",
        ),
        # a related-links line between them
        (
            "Health Minister Jo Lamb toured the new ward on Monday.\nRead more: Clinics face winter squeeze.\n"
            '"We will open two more clinics before the winter comes," the minister said.',
            "the minister",
        ),
        # an indefinite role is someone new
        (
            "Health Minister Jo Lamb toured the new ward on Monday.\n"
            '"We will open two more clinics before the winter comes," a minister said.',
            "a minister",
        ),
        # a spokeswoman is not the spokesman introduced
        (
            "Spokesman Ian Dore read out the statement on Monday.\n"
            '"We expect the line to reopen by the end of the month," the spokeswoman said.',
            "the spokeswoman",
        ),
        # a role never introduced: no guess from the last name in the text
        (
            "Peter Grant scored twice in the final on Saturday.\n"
            '"We were lucky to come away with the points today," the coach said.',
            "the coach",
        ),
        # a different age
        (
            "Anna Kovac, 45, was pulled from the rubble on Sunday.\n"
            '"I thought I would never see my children again," the 44-year-old told reporters.',
            "44-year-old",
        ),
    ],
)
def test_role_credit_stays_as_written(text: str, left: str) -> None:
    assert speakers(text) == [left]


def test_claim_keeps_the_credit_as_written() -> None:
    text = (
        "Health Minister Jo Lamb toured the new ward on Monday.\n"
        '"We will open two more clinics before the winter comes," the minister said.'
    )
    (quote,) = [c for c in extract_claims(text) if c.kind == "quote"]
    assert quote.speaker == "Jo Lamb"
    assert quote.extra.get("credit") == "the minister"


def test_role_set_off_by_commas_introduces_and_two_fit_leave_it() -> None:
    # the name set off after the role introduces it ...
    one = (
        "Her friend, Rosa Keane, was waiting downstairs in the lobby.\n"
        '"She was shaking and could hardly speak to us at all," the friend said.'
    )
    assert speakers(one) == ["Rosa Keane"]
    # ... but two brothers introduced that way leave "the brother" as written
    two = (
        "His brother, Eric Lund, lives in Maine. Another brother, Paul Lund, lives in Ohio.\n"
        '"He never owned anything bigger than a hunting rifle," the brother said.'
    )
    assert speakers(two) == ["the brother"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # two men who both speak in the paragraph before: "he" fits either
        (
            "Peter Grant said the side had played well. Tom Hill said the result was fair.\n"
            '"We were lucky to come away with the points today," he said.',
            None,
        ),
        # a man the text calls "he" fits as well as the last subject, whom it does not
        (
            "Peter Grant scored twice in the final. He was made captain last year. Tom Hill watched from the bench.\n"
            '"We were lucky to come away with the points today," he said.',
            None,
        ),
        # a heading between the name and the pronoun
        (
            "Peter Grant scored twice in the final on Saturday.\nWhat the result means for the league\n"
            '"We were lucky to come away with the points today," he said.',
            None,
        ),
        # a related-links line between them
        (
            "Peter Grant scored twice in the final on Saturday.\nRead more: League leaders slip again\n"
            '"We were lucky to come away with the points today," he said.',
            None,
        ),
        # "they" is never a person
        (
            "Peter Grant scored twice in the final on Saturday.\n"
            '"We were lucky to come away with the points today," they said.',
            None,
        ),
        # stays: one man named, a woman named too, the pronoun's gender shown
        (
            "Peter Grant scored twice in the final. He was made captain last year. Ann Hill, the manager, praised "
            'him. She said he had earned it.\n"We were lucky to come away with the points today," he said.',
            "Peter Grant",
        ),
        # stays: page furniture between paragraphs is no heading
        (
            "Peter Grant scored twice in the final on Saturday.\nAdvertisement Continue reading the main story\n"
            '"We were lucky to come away with the points today," he said.',
            "Peter Grant",
        ),
    ],
)
def test_pronoun_credit_is_left_when_unsure(text: str, want: str | None) -> None:
    assert speakers(text) == [want]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ('Özil said: "I will stop playing for the national side once the tournament is over."', "Özil"),
        ('"I will stop playing for the national side once the tournament is over," Ömer Çelik said.', "Ömer Çelik"),
        ('"I will stop playing for the national side once the tournament is over," said Ángel Muñoz, the striker.',
         "Ángel Muñoz"),
        (
            "Łukasz Nowak, the coach, named his squad on Friday.\n"
            'The coach said: "Nobody in this group has a place guaranteed before the opening game."',
            "Łukasz Nowak",
        ),
        ('"Nobody has a place guaranteed before the opening game," Émilie Dubois told reporters.', "Émilie Dubois"),
    ],
)
def test_names_with_capitals_beyond_ascii_are_whole_speakers(text: str, want: str) -> None:
    # [A-Z] alone dropped "Özil" as a speaker and cut "Émilie Dubois" to "Dubois"
    assert speakers(text) == [want]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the surname alone is the person of the story (introduced by the headline); a relative shares it, named in full
        (
            "Okafor says the club never told her about the sale.\n"
            "Her brother, Daniel Okafor, runs a bakery in Leeds and was not at the meeting.\n"
            "“I was stunned,” Ms. Okafor said.",
            ["Okafor"],
        ),
        (
            "Brandt has coached the team since 2011. His son, Felix Brandt, plays in the second division.\n"
            "“We were not good enough today,” Brandt said.",
            ["Brandt"],
        ),
        # a full name that is no relative's: the full name, before or after the surname alone
        ("Grace Mensah won the 10,000 metres on Sunday.\n“It was hard at the end,” Mensah said.", ["Grace Mensah"]),
        ("Mr. Haddad thanked voters. Omar Haddad won 61 percent.\n“We listened to every town we visited,” Haddad said.", ["Omar Haddad"]),
        # a relative's full name before the person's own: the person's
        (
            "Her mother, Ruth Lindgren, drove her to the rink. Anna Lindgren won the silver medal.\n"
            "“I could not have done it without her,” Lindgren said.",
            ["Anna Lindgren"],
        ),
    ],
)
def test_a_surname_alone_is_never_a_relative_named_in_full(text: str, want: list[str | None]) -> None:
    assert speakers(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Lindqvist says that Northern Rail Authority, her former employer, ignored the warnings for years.\n"
        "“Nobody listened to the drivers,” she says.",
        "The report was prepared for Harlow Shipping Group by outside auditors.\n“We accept every finding,” he said.",
        "Fans of Westfield United Football Club waited outside.\n“We deserve answers,” she said.",
    ],
)
def test_he_or_she_never_stands_for_a_body(text: str) -> None:
    got = speakers(text)
    assert len(got) == 1
    assert got[0] is None or got[0].split()[-1] not in {"Authority", "Group", "Club"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a headline ending in a capitalised word and the lead's opening surname are no one person
        ("Mayor Hits Back on Bribery Claims\nOkafor says: “We will take the fight to the high court if we must.”", "Okafor"),
        ("Film gala called off after Funding Row\nMendes said: “Nobody at the festival wanted this outcome.”", "Mendes"),
        # within a line a full name still stands ("Coach Dana Reyes ... Reyes said")
        ("Coach Dana Reyes took charge in May. Reyes said: “The squad has bought into the plan from day one.”", "Dana Reyes"),
    ],
)
def test_a_name_never_runs_across_a_line(text: str, want: str) -> None:
    assert [q.speaker for q in find_quotes(text)] == [want]


@pytest.mark.parametrize(
    "text",
    [
        "The coach said: “We did what we had to do in the second half and the lads deserve it.”",
        "“We did what we had to do in the second half and the lads deserve it,” the coach said.",
    ],
)
def test_a_role_credit_reads_the_same_at_a_sentence_start(text: str) -> None:
    assert [q.speaker for q in find_quotes(text)] == ["the coach"]


def test_a_role_subject_credited_by_a_pronoun_keeps_its_article() -> None:
    text = (
        "The prosecutor said the report had been sent to the council in March.\n"
        "“Nobody read it until the roof came down,” she said."
    )
    assert [q.speaker for q in find_quotes(text)] == ["the prosecutor"]


def test_a_fact_is_credited_to_a_name_before_a_role_and_to_the_fullest_name() -> None:
    from claimcheck.match.facts import fact_speaker

    said = [
        "“We will rebuild the stand before the new season starts,” the chairman said.",
        "“We will rebuild the stand before the new season starts,” Okafor said.",
        "Chairman Tunde Okafor said: “We will rebuild the stand before the new season starts.”",
    ]
    claims = [c for s in said for c in extract_claims(s) if c.kind == "quote"]
    assert [c.speaker for c in claims] == ["the chairman", "Okafor", "Tunde Okafor"]
    assert fact_speaker(claims) == "Tunde Okafor"
    assert fact_speaker(claims[:1]) == "the chairman"
    assert fact_speaker(claims[:1] + claims[1:2] * 2 + claims[2:]) == "Okafor"  # what most mentions say

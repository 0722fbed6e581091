"""Quote speakers, citations and page furniture on unseen real pages (issue 12 §2, precision round).

Every sentence is our own, written for these tests in the manner of news copy.
"""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims
from claimcheck.claims.citations import find_credits
from claimcheck.claims.quotes import find_quotes


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a participle clause of speech hangs on the sentence's subject
        ('Marta Ruiz rejected the claims on Friday, saying: "Nobody at the clinic was ever paid for this."',
         "Marta Ruiz"),
        ('The union answered the request by saying only: "We will study the offer with our members."', None),
        ('Ruiz spoke to reporters outside the court, telling them: "We expect a verdict before the holidays."',
         "Ruiz"),
        # speech verbs missing before: notes, explains, exclaimed, quipped, recalls, reported
        ('"Most of the boats never left the harbour," Okafor notes.', "Okafor"),
        ('"We had no idea the bridge was that low," Lindqvist explains.', "Lindqvist"),
        ('"That was never part of the deal!" Harlan exclaimed.', "Harlan"),
        ('"Half the newsrooms have closed in ten years," Abernathy reported.', "Abernathy"),
        # people named by what they are
        ('"We will stay friends and raise our children together," the couple said in a statement.', "couple"),
        ('"This is the worst service I have ever had," wrote another user.', "user"),
        ('"Nobody told us anything for hours," one passenger said.', "passenger"),
        # the speaker's words as a name for something, close to the quote
        ('The airline spokesman described the delay as "a short technical stop on the ground."',
         "airline spokesman"),
        ('Governor Dana Pruitt called the plan "a bold and overdue step for the state."', "Dana Pruitt"),
        # a partial quote with a longer clause tail before its speaker
        ('Nurses must "ask every patient about the home" of the family, Dempsey said.', "Dempsey"),
    ],
)
def test_quote_speakers(text: str, speaker: str | None) -> None:
    assert speakers(text) == [speaker]


def test_naming_verb_far_from_the_quote_names_no_speaker() -> None:
    text = (
        "Kovacs called the referee over after the whistle and waited a while for the penalty, then the "
        'stadium announcer read out the line "please stay seated until the end of play" twice.'
    )
    assert speakers(text) == [None]


def test_a_leading_time_word_is_no_speaker() -> None:
    text = 'Last spring the minister toured the flooded valley, telling farmers: "Help is on the way for everyone."'
    assert speakers(text) == [None]


def test_he_does_not_point_at_a_common_noun_speaker() -> None:
    text = (
        '"I loved every minute of the show," one reader wrote.\nThe band played for two hours in the rain.\n'
        'He said: "We will be back next year for sure."'
    )
    assert speakers(text) == ["reader", None]


@pytest.mark.parametrize(
    ("sentence", "cites"),
    [
        ("It has been two years since industry analysts estimated the market at $2 billion.", "industry analysts"),
        ("The fire spread quickly, though officials said nobody was hurt.", "officials"),
        ("Crews cleared the scene and police said the road would reopen.", "police"),
        ("The talks stalled when authorities in Beijing announced new rules.", "authorities in Beijing"),
        # kept as they were
        ("Human rights group Viasna said 1,110 remain held.", "Human rights group Viasna"),
        ("Officials in Kyiv said the talks would resume.", "Officials in Kyiv"),
        ("The Interior Ministry said 40 people were detained.", "Interior Ministry"),
    ],
)
def test_a_source_name_holds_no_clause_word(sentence: str, cites: str) -> None:
    assert [c.cites for c in find_credits(sentence, None)] == [cites]

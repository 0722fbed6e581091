"""Rules of the news2 round (issue 12 §2): numbers, quotes and credits decided by their role in the sentence.

Every sentence is our own, written for these tests in the manner of news copy; each rule has cases that must
stay as they are.
"""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims
from claimcheck.claims.citations import find_credits
from tests.claims_eval import ALIASES


def cites(text: str) -> list[str]:
    return [c.cites for c in find_credits(text, ALIASES)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a press class noun before a name (which may be lower-case) that reports
        ("The ferry, which news agency dpa reports was bound for Rotterdam, struck a pier.", ["dpa"]),
        ("The tabloid Daily Sport said the striker had signed.", ["Daily Sport"]),
        ("The glitch was spotted by the plane-tracking website SkyWatch's Twitter account.", ["SkyWatch"]),
        # the outlet that ran the piece a credit names, not the piece
        ("He is 70, and according to a story on The Ringer, medics carried him off.", ["The Ringer"]),
        ("According to a report in the Daily Planet, the mill will close.", ["Daily Planet"]),
        # a publication's title keeps its capitalised article mid-sentence; a person or a team is no title
        ("The nurse told The Atlantic that the ward was full.", ["Atlantic"]),
        # an outlet's own piece or programme
        ("In a New York Times interview published on Sunday, the actor said he regretted it.", ["nyt"]),
        ("In a Washington Post interview published on Sunday, the actor said he regretted it.", ["Washington Post"]),
        ("She said in the broadcast on Korean Central Television that the craft was in orbit.",
         ["Korean Central Television"]),
        # a verb group with "did" or "also"
        ("Authorities did say that some of the funds were sent abroad.", ["Authorities"]),
        ("Police also said the driver had fled.", ["Police"]),
    ],
)
def test_credits_by_role(text: str, expected: list[str]) -> None:
    assert cites(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He told the team that he would stay.",
        "The minister told NATO on Tuesday that troops would stay.",
        "She said she would call him later.",
        "The New York Times building was evacuated.",
        "The site was cleared before the storm reached the coast.",
        "A network of tunnels ran under the city.",
        # a quote's speaker credited through a channel is no citation (the own sentences' convention)
        '"We are done here," Lee Grant said in a statement.',
        'Dana Kerr wrote in a blog post that the outage was over.',
        # a perfect tense is not read as a credit
        "As the agency's scientists have confirmed, the ice is thinning.",
    ],
)
def test_no_credit_stays_none(text: str) -> None:
    assert cites(text) == []

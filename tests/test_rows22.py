"""Rules of rows22 (issue #12 part 4: the rows a reader sees), each on sentences written here from other news.

- a wire photo's caption ("FILE - In this ... file photo, ...") is page furniture, no claim;
- a role that acts and then speaks right before a quote is its speaker, not a name the sentence opens with;
- a run of title words and a name ("coach Ana Silva", "running back Jo Kim") is no rare phrase two statements share.
"""

from __future__ import annotations

import pytest

from claimcheck.claims.extract import extract_claims
from claimcheck.claims.statements import is_furniture
from claimcheck.match.blocking import _title_words


@pytest.mark.parametrize(
    "text",
    [
        "FILE - In this March 3, 2019, file photo, the mayor of Lyon speaks to reporters at city hall.",
        "FILE \u2014 In this Aug. 12, 2021 file photo, striking nurses march past the hospital in Leeds.",
        "In this photo released by the navy, a frigate sails past the harbour wall on Tuesday.",
        "This undated image provided by the museum shows a bronze helmet found near the river.",
        "In this Jan. 5 photo, firefighters battle the blaze at a warehouse in Ohio.",
        "In this image taken from video, rescuers carry a child out of the flooded school.",
    ],
)
def test_a_wire_photo_caption_is_furniture(text: str) -> None:
    assert is_furniture(text)
    assert not [c for c in extract_claims(text) if c.kind in ("number", "statement")]


@pytest.mark.parametrize(
    "text",
    [
        "In this town, 40 homes burned overnight and two people died.",
        "This photo of the senator went viral after 2 million people shared it.",
        "This is the first image of the comet taken by the probe, the agency said.",
        "In this year's budget, the council set aside $4 million for new buses.",
    ],
)
def test_news_about_a_picture_or_opening_with_this_is_no_caption(text: str) -> None:
    assert not is_furniture(text)


def _speakers(text: str) -> list[str | None]:
    return [c.speaker for c in extract_claims(text) if c.kind == "quote"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "For Maria Lopez, a nurse on her way home to Denver, the delay dragged on until the driver stood up at "
            'the front and said: "The road is flooded."',
            "the driver",
        ),
        ('Maria Lopez waited on the platform. Then the driver climbed back on the bus and said: "We are not moving."', "the driver"),
        (
            "For Ana Ruiz, a student heading home to Quito, the wait felt endless before the captain stepped out of the "
            'cockpit and told passengers: "We will be here a while."',
            "the captain",
        ),
    ],
)
def test_a_role_that_acts_and_then_speaks_is_the_speaker(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Maria Lopez said: "The runway is closed."', "Maria Lopez"),
        ('Jo Bell, the club captain, scored twice and said: "It was a team effort."', "Jo Bell"),
    ],
)
def test_a_named_speaker_still_speaks(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


def test_title_words_next_to_a_name_are_no_rare_phrase() -> None:
    names = {"ana", "silva", "porto"}
    toks = ["porto", "coach", "ana", "silva", "resign", "after", "loss"]
    assert _title_words(toks, names) == [False, True, False, False, False, False, False]
    assert _title_words(["running", "back", "jo", "kim", "hurt", "knee"], {"jo", "kim"})[:2] == [True, True]
    # a title word away from any name tells what someone did or won
    assert not any(_title_words(["named", "coach", "of", "the", "year", "award"], set()))
    assert not any(_title_words(["the", "manager", "resigned", "on", "friday"], {"friday"}))


@pytest.mark.parametrize(
    "text",
    [
        "A few hours passed, and then the ranger saw it:",
        "The ministry spokesman for the border agency in Lima later explained:",
        "Moments after the vote, the mayor of the coastal town wrote this:",
    ],
)
def test_a_sentence_that_points_at_what_follows_is_no_statement(text: str) -> None:
    assert not [c for c in extract_claims(text) if c.kind == "statement"]


def test_a_told_act_before_a_colon_stays_a_statement() -> None:
    for text in ("Officials in Lima later released the names of the missing climbers:",
                 "Officials in Lima later released the names of the missing climbers."):
        assert [c for c in extract_claims(text) if c.kind == "statement"]


@pytest.mark.parametrize(
    "text",
    [
        "The new console renders games at up to 4K before shrinking them for older screens.",
        "Films are scanned at a finer resolution (8K for the oldest reels) and then downscaled.",
        "The studio says the remaster runs at native 4K on the new hardware.",
    ],
)
def test_a_resolution_told_by_its_sentence_is_no_thousands(text: str) -> None:
    assert not [c for c in extract_claims(text) if c.kind == "number" and c.value and c.value.high and c.value.high >= 1000]


@pytest.mark.parametrize(
    "text", ["Prices rose to nearly 4K last year, the dealers said.", "The charity raised 5K at the gala, organisers said."]
)
def test_thousands_written_with_a_k_stay(text: str) -> None:
    assert [c for c in extract_claims(text) if c.kind == "number" and c.value and c.value.high and c.value.high >= 1000]

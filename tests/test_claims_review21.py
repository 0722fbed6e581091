"""review21: the act lexicon's deeds of the body, of motion and of the senses are a story's colour unless a name or a
figure anchors them (sentences invented for these tests, from many kinds of news)."""

from __future__ import annotations

import pytest

from claimcheck.claims.statements import is_statement

COLOUR = [
    "The chef threw a handful of herbs into the pan.",
    "In the film, the hero fought his way through a crowded market.",
    "The detective in the novel hunted for clues in the abandoned mill.",
    "Diners ate at long wooden tables under the vines.",
    "She pushed her chair back and smiled.",
    "They talked for hours about their childhood in the village.",
    "He walked out to applause after the final whistle.",
    "Critics described the album as a return to form.",
    "Tears streamed down her face as she spoke.",
    "Sunlight streamed in through the kitchen window.",
    "The waiter carried plates of pasta to the table.",
    "The toddler grabbed a biscuit from the plate.",
    "Commuters rushed for the last train home.",
    "The kids jumped into the lake from the old jetty.",
    "The exhibition drew on the artist's years in Lagos.",
    "The singer drew comparisons with her mother.",
    "The audience erupted in laughter.",
    "Her heart sank when she read the letter.",
    "The hero sank into despair after the war.",
    "The teenager drowned her sorrows in ice cream.",
]

EVENTS = [
    "A man drove a van into a crowd of shoppers in Leeds on Saturday.",
    "The gunman dragged two hostages into the bank vault.",
    "Hamilton slammed into the wall on the opening lap.",
    "The club drew 2-2 with Leeds.",
    "Kane drew the Spurs level with a header.",
    "The army carried out airstrikes on the border town.",
    "The senator walked out of the hearing in protest.",
    "Investigators described how the pilot lost control.",
    "The ferry sank off the coast of Crete with 40 people on board.",
    "Riots erupted in the capital after the verdict.",
    "Fire swept through the tower block in the early hours.",
    "The suspect punched a guard and ran from the court in Bristol.",
]


@pytest.mark.parametrize("sentence", COLOUR)
def test_colour_of_the_body_and_senses_is_no_statement(sentence: str) -> None:
    assert not is_statement(sentence)


@pytest.mark.parametrize("sentence", EVENTS)
def test_anchored_deeds_stay_statements(sentence: str) -> None:
    assert is_statement(sentence)



@pytest.mark.parametrize(
    "sentence",
    [
        "The sun rose over the hills as the runners gathered.",
        "She fell asleep on the train home.",
        "She reached for the salt and laughed.",
        "He raised an eyebrow at the question.",
        "The film ended with a wedding on a beach.",
        "He closed his eyes and listened to the choir.",
        "The path led down to a hidden cove.",
        "She held her breath as the judges conferred.",
        "The family sent a postcard from the coast.",
        "Her mother owned a small bakery on the corner.",
    ],
)
def test_scenery_and_gestures_are_no_statements(sentence: str) -> None:
    assert not is_statement(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The government raised taxes on fuel.",
        "The union ended the strike after talks.",
        "The hospital closed its maternity ward.",
        "Shares fell after the profit warning.",
        "The firm owned 12 hotels across the region.",
        "Police held 3 men overnight.",
    ],
)
def test_institutions_acts_stay_statements(sentence: str) -> None:
    assert is_statement(sentence)

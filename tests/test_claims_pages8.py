"""Round pages8 (issue 12, precision of numbers and quotes): rules for what fresh sentences of the tuning material
showed (tests/claims_label.py, "Eighth round"), each on sentences of our own from several kinds of news: what must
give no claim and what must stay one."""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims


def _numbers(text: str) -> list[tuple[float | None, float | None]]:
    return [(c.value.low, c.value.high) for c in extract_claims(text, {}) if c.kind == "number" and c.value]


def _quotes(text: str) -> list[str]:
    return [c.text for c in extract_claims(text, {}) if c.kind == "quote"]


def _kinds(text: str) -> list[str]:
    return [c.kind for c in extract_claims(text, {})]


# --- figures that exaggerate: a made-up scale, a round "a thousand" in a comparison of how something feels ---


@pytest.mark.parametrize(
    "text",
    [
        "None of the 11 zillion files named the minister.",
        "Fans have watched the clip a bazillion times, it seems.",
        "It can feel like there are a thousand options for a first-time home buyer.",
        "It felt like a million years before the rescuers reached the cave.",
        "The hall went quiet, as if a hundred people had stopped breathing at once.",
    ],
)
def test_hyperbole_is_no_number(text: str) -> None:
    assert _numbers(text) == []


@pytest.mark.parametrize(
    "text,want",
    [
        ("The carmaker hired a thousand workers at the new plant.", [(1000, 1000)]),
        ("The video was viewed a million times in a day.", [(1_000_000, 1_000_000)]),
        ("Like a million other commuters, she waited 40 minutes for the train.", [(40, 40)]),
        ("The fund, like its rivals, lost about a billion dollars in March.", [(900_000_000, 1_100_000_000)]),
    ],
)
def test_round_amounts_stay(text: str, want: list[tuple[float, float]]) -> None:
    assert _numbers(text) == want


# --- a version named after its word: "system update 5.50", "version 3" ---


@pytest.mark.parametrize(
    "text",
    [
        "Here is the full list of system update 5.50 features for the console.",
        "Version 3 of the tax app adds a dark mode.",
        "The thermostat's firmware 2.1 fixed the heating bug.",
    ],
)
def test_version_after_its_word_is_no_number(text: str) -> None:
    assert _numbers(text) == []


def test_verbs_before_amounts_stay() -> None:
    assert _numbers("The studio will release 3 albums next year.") == [(3, 3)]
    assert _numbers("The city plans to build 5.5 miles of new cycle lanes.") == [(5.5, 5.5)]


# --- a related-links block ("More:", "READ MORE:", "MOST READ IN NEWS") holds other stories' headlines ---


@pytest.mark.parametrize(
    "text",
    [
        "More: Police say 3 people hurt in downtown crash",
        "READ MORE: Council votes to close 5 libraries",
        "Related: Storm leaves 20,000 homes without power",
        "MOST READ IN NEWS FIRE FEARS 5 homes evacuated as blaze spreads 'we ran for our lives'",
        "More: Lawmakers call the budget plan 'a giant step backwards'",
        "Also read: Striker signs 3-year deal, says \"this is a dream come true\"",
    ],
)
def test_related_links_give_no_claim(text: str) -> None:
    assert _kinds(text) == []


@pytest.mark.parametrize(
    "text,kinds",
    [
        ("More than 40 people were hurt in the crash.", ["number"]),
        ("Most of the 30 passengers were unhurt, officials said.", ["number", "citation"]),
        ("Most read stories this week were about the 5 closed libraries.", ["number"]),
    ],
)
def test_news_opening_with_those_words_stays(text: str, kinds: list[str]) -> None:
    assert _kinds(text) == kinds


# --- a short quoted phrase closing its sentence after a determiner, no verb of saying or naming: a scare quote ---


@pytest.mark.parametrize(
    "text",
    [
        'Older readers were puzzled by this "streaming music thing."',
        "Investors shrugged at the whole “crypto winter idea.”",
        'The minister was furious at the "shameful leak." She asked for an inquiry.',
        'Teachers are tired of the "new marking scheme".',
    ],
)
def test_sentence_final_term_is_no_quote(text: str) -> None:
    assert _quotes(text) == []


@pytest.mark.parametrize(
    "text",
    [
        'Rebels called the ceasefire a "cynical little trick."',
        'Researchers found a "significant rise in hospital cases."',
        'The mayor said the council had become a "total and utter disaster."',
        'Kim has described the envoy as a "dangerous old fool."',
        "The striker said the penalty was “a total joke.”",
        'The board, in a statement, promised a "fair and open process."',
        'The judge said the defendant showed "no remorse at all for the victims of the fraud."',
    ],
)
def test_words_on_record_stay_quotes(text: str) -> None:
    assert len(_quotes(text)) == 1


# --- a title in capitals up to a dozen words, and words written on a sign or a shirt, are no quotes ---


@pytest.mark.parametrize(
    "text",
    [
        'Her TED talk, "How to Speak So That People Want to Listen," has 40 million views.',
        'Critics praised his new novel "The House at the End of the Lane."',
        'The crowd sang "Take Me Home to the Hills Where I Belong" at full time.',
        "Protesters carried a banner reading “Hands off our village library.”",
        'Workers put up signs that read "Caution: watch for falling ice."',
        'He wore a cap that said "Make the valley great again."',
    ],
)
def test_titles_and_written_words_are_no_quotes(text: str) -> None:
    assert _quotes(text) == []


@pytest.mark.parametrize(
    "text",
    [
        'The sign of trouble, she said, was "a collapse in orders from every region."',
        "Women came forward claiming they were attacked by men ‘from the same neighbourhood’.",
    ],
)
def test_spoken_words_stay_quotes(text: str) -> None:
    assert len(_quotes(text)) == 1


# --- a media link's label ("Watch:", "VIDEO:", "Listen:") opens another item's headline ---


@pytest.mark.parametrize(
    "text",
    [
        'Watch: "I just couldn\'t believe it was happening"',
        'VIDEO: "We lost everything in the flood," says farmer',
        "Listen: Why the city's 3 bus lines are late",
    ],
)
def test_media_links_give_no_claim(text: str) -> None:
    assert _kinds(text) == []


def test_words_opening_with_those_labels_stay() -> None:
    # (the label is a word of its own: "Watchdogs", "Listeners", "Joint", "Downloads" open news)
    assert _kinds("Watchdogs found 12 banks had failed the test.") == ["number"]
    assert _kinds("Listeners sent 3,000 letters to the station.") == ["number"]
    assert _kinds("Downloads of the app rose 40% in a week.") == ["number"]


# --- a role opening the clause speaks the quote its participle of speech brings ("..., saying ...") ---


def _speakers(text: str) -> list[str | None]:
    return [c.speaker for c in extract_claims(text, {}) if c.kind == "quote"]


@pytest.mark.parametrize(
    "text,speaker",
    [
        (
            'But at a weekly briefing in Lima, a spokeswoman for the Interior Ministry flatly rejected the report, '
            'saying the figures "did not match the official records."',
            "spokeswoman",
        ),
        (
            'A spokesman for the club denied the story, saying the transfer talks "never went beyond a single '
            'phone call."',
            "spokesman",
        ),
        ("The coach of the visitors praised his side, calling the draw \"a fair result on a hard pitch.\"", "coach"),
    ],
)
def test_role_subject_speaks_through_participle(text: str, speaker: str) -> None:
    (got,) = _speakers(text)
    assert got is not None and got.split()[-1] == speaker


def test_no_role_no_speaker() -> None:
    # a plural subject with no role word names nobody in particular
    assert _speakers('The talks ended on Monday, with both sides saying the deal "would be reviewed next spring."') == [None]

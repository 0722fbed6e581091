"""Round pages21 (issue 12, quotes on unseen sentences; tests/claims_label.py, "Twenty-first round"): who a quote's
speaker is when the credit is not right next to it. Each rule on sentences of our own from several kinds of news:
what must give the speaker, what must not, and the older readings that must stay."""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims


def _speakers(text: str) -> list[str | None]:
    """The speaker of each quote found, in order."""
    return [c.speaker for c in extract_claims(text) if c.kind == "quote"]


def _last_word(speaker: str | None) -> str | None:
    return speaker.split()[-1].lower() if speaker else None


# --- a credit after the quote is in the quote's sentence, not in the next one ---


@pytest.mark.parametrize(
    "text,speaker",
    [
        (
            "Pike told the city assembly that Albers had made “outrageous and careless remarks”, claiming she had "
            "singled out the port. Velden argues that the rules were broken.",
            "pike",
        ),
        (
            "The coach said the pitch was “a disgrace to the whole league” after the draw. Moreno says it will be "
            "relaid in spring.",
            "coach",
        ),
    ],
)
def test_the_next_sentence_does_not_credit_a_quote(text: str, speaker: str) -> None:
    assert _last_word(_speakers(text)[0]) == speaker


def test_a_quote_with_no_credit_in_its_sentence_takes_none_from_the_next() -> None:
    text = "“It is a real mess for every one of us” in the harbour. Velden says the rules were broken."
    assert _speakers(text) == [None]


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("“It is a real mess for all of us,” said Dr. Anna Velden. Kim agreed.", "velden"),  # a title's dot
        ("“The vote was a clear one for all,” said Gov. Tom Hale. Talks resume on Monday.", "hale"),
        ("“We did everything we could for them,” the nurse said on Tuesday. Two more patients arrived.", "nurse"),
    ],
)
def test_a_credit_in_the_quote_sentence_stays(text: str, speaker: str) -> None:
    assert _last_word(_speakers(text)[0]) == speaker


# --- a quote closed by its own full stop ends its sentence: the next sentence's subject is no credit ---


def test_a_new_sentence_after_a_stopped_quote_is_no_credit() -> None:
    text = (
        "The plan drew criticism, with Mayor Lena Ruud responding: “Scrap it now, all of it.” The Harbour Council, "
        "the largest body of traders in the northern districts, urged both parties to drop it."
    )
    assert _last_word(_speakers(text)[0]) == "ruud"


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("“Scrap it now, all of it.” Mayor Lena Ruud said on Monday.", "ruud"),
        ("“Scrap it now, all of it.” The mayor said it twice.", "mayor"),
        ("“Get this boat a sail!” Captain Hook growls.", "hook"),  # closed by "!": the older reading
    ],
)
def test_a_short_credit_after_a_stopped_quote_stays(text: str, speaker: str) -> None:
    assert _last_word(_speakers(text)[0]) == speaker


# --- "with X responding:" hands over to X, as "X saying:" does ---


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("The fare rise drew anger, with union leader Sam Okafor replying: “Not one penny more from riders.”", "okafor"),
        ("The ruling was read out, with his lawyer responding: “We will appeal this every single time.”", "lawyer"),
    ],
)
def test_a_participle_of_reply_gives_its_subject(text: str, speaker: str) -> None:
    assert _last_word(_speakers(text)[0]) == speaker


# --- a partial quote whose clause goes on after it: the clause's words are no speaker, the credit closing the
# sentence is ---


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("“We hope to deepen our ties” with Norway, the mayor said.", "mayor"),
        ("“We hope to deepen our ties” with Norway, Mayor Lena Ruud said.", "ruud"),
        ("“We are ready to build” in Lisbon and Porto, said Ana Costa.", "costa"),
        ("“We hope to deepen our ties” with Norway, and to “broaden” trade links, the mayor’s office said.", "office"),
        ("The plan is “a real step forward” for Kent, and “overdue”, the council’s leader said.", "leader"),
    ],
)
def test_the_credit_closing_the_sentence_speaks(text: str, speaker: str) -> None:
    assert _last_word(_speakers(text)[0]) == speaker


@pytest.mark.parametrize(
    "text,wrong",
    [
        # another voice between: the credit at the end is another's
        ("“We hope to deepen our ties” with Norway, Ruud told a meeting, and Lee said the port agreed.", "lee"),
        # a quote of the subject before it, credited by another at the end: never the place
        ("He called the deal “a step in the right direction” for Norway, Lena Ruud said.", "norway"),
        # a longer quote between: the end credit is checked word by word, never the place
        ("“We hope to deepen our ties” with Oslo, as “the port will open to all traders”, one trader said.", "oslo"),
    ],
)
def test_no_speaker_from_the_clause_or_another_voice(text: str, wrong: str) -> None:
    assert _last_word(_speakers(text)[0]) != wrong


def test_a_sentence_running_past_the_window_gives_no_end_credit() -> None:
    text = (
        "“We hope to deepen our ties” with Norway and with all the other nations of the northern seas, which trade "
        "with our port every single week of the year and have done so for a long time, urged the harbour trust"
    )
    assert _speakers(text) == [None]


# --- a role whose determiner is a possessor, the name set off after it ---


@pytest.mark.parametrize(
    "text,speaker",
    [
        (
            "Ruritania’s Interior Ministry spokesman, Tomas Brel, said Monday the city has “fully and swiftly” "
            "restored power to the northern districts.",
            "brel",
        ),
        (
            "The Harbour Union’s general secretary, Ines Walder, told reporters the offer was “nowhere near good enough”.",
            "walder",
        ),
        ("Vetland’s ambassador, Kari Dahl, said: “Our door stays open to talks.”", "dahl"),
    ],
)
def test_a_possessors_role_set_off_before_a_name_gives_the_name(text: str, speaker: str) -> None:
    assert _last_word(_speakers(text)[0]) == speaker


def test_a_determiners_role_before_a_name_stays() -> None:
    text = "The club’s captain, Ben Okoro, said the side had “nothing left to give at all”."
    assert _last_word(_speakers(text)[0]) == "okoro"


# --- an interview headline: the full name and what the piece calls the person, then a colon and the quote ---


@pytest.mark.parametrize(
    "text,speaker",
    [
        ('Holocaust survivor Lea Bramson: "We were treated like cattle"\nThe 98-year-old recalls the camps.', "bramson"),
        ("Ana Ruiz, the judge who stepped down after the vote: ‘I would do it all again tomorrow’\nAn interview.", "ruiz"),
        ("Tomas Brel, painter and writer: ‘Art is not a luxury; it is a need’\nThe artist on his new show.", "brel"),
    ],
)
def test_an_interview_headline_names_its_speaker(text: str, speaker: str) -> None:
    assert _last_word(_speakers(text)[0]) == speaker


@pytest.mark.parametrize(
    "text,wrong",
    [
        # a title-case headline's clause after a comma is no description of a person
        ("Inside Ruritania, Strikers Urge Mayor to Act: ‘If Nothing Changes, We Walk Out’\nWorkers say the talks failed.", "ruritania"),
        ('Update: "The ferry is running again for all of the morning sailings"', "update"),
    ],
)
def test_a_headline_phrase_before_a_colon_is_no_speaker(text: str, wrong: str) -> None:
    assert _last_word(_speakers(text)[0]) != wrong


@pytest.mark.parametrize(
    "text",
    [
        'Last Easter, he wrote to the board in a long letter: "Nobody at that firm will ever work for us again."',
        'Early Monday Morning, the ferry crew were told: "All sailings are cancelled until the storm has passed."',
    ],
)
def test_a_time_before_a_clause_and_a_colon_is_no_headline_speaker(text: str) -> None:
    assert _last_word(_speakers(text)[0]) not in ("easter", "morning", "monday")


# --- a described speaker after the verb: a name inside its "of" phrase or its relative clause does not speak ---


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("‘His courage inspired a whole generation,’ says the family of the late Bishop Tom Ruud, who died on Monday.", "family"),
        ('"Nobody slept for a week in that camp," one man who escaped the blockade of Varna, the northern port, told us.', "man"),
    ],
)
def test_a_name_in_the_speakers_postmodifier_does_not_speak(text: str, speaker: str) -> None:
    assert _last_word(_speakers(text)[0]) == speaker


def test_a_spokesman_for_a_body_keeps_the_body() -> None:
    assert _last_word(_speakers('"We will not stop until the gates open," said a spokesman for Harbour Watch.')[0]) == "watch"


def test_an_adverb_between_a_described_subject_and_its_verb_is_no_speaker() -> None:
    text = "“The two leaders discussed the new ferry link at length,” the press release further stated."
    assert _last_word(_speakers(text)[0]) == "release"

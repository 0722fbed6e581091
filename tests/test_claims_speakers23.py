"""Round speakers23 (issue #12 part 2): who said it. Quote speakers in frames the invented tune set
(tests/data/speakers23_sentences.json, tests/speakers_eval.py) showed wrong or missing, each rule on sentences of our
own from several kinds of news: what must name the speaker and what must not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck.claims import extract_claims
from tests.speakers_eval import SENTENCES, SpeakerScore, evaluate, score_text, split_of


def _speakers(text: str) -> list[str | None]:
    return [c.speaker for c in extract_claims(text, {}) if c.kind == "quote"]


def _last_word(speaker: str | None) -> str | None:
    return speaker.split()[-1].lower() if speaker else None


def _one(text: str) -> str | None:
    [found] = _speakers(text)
    return _last_word(found)


# --- a described subject credits the quote after it: a determiner or a possessor, the head noun, a verb of saying


@pytest.mark.parametrize(
    "text,speaker",
    [
        ('"I should have stopped the second goal," Rovers\' goalkeeper said afterwards.', "goalkeeper"),
        ('"The pitch was in a terrible state all week," the club\'s groundsman said.', "groundsman"),
        ('"He was the kindest man I ever knew," his widow said.', "widow"),
        ('"Most people do not need a supplement at all," the dietitian explained.', "dietitian"),
        ('"We expect to cut a tenth of the workforce," the carmaker said in a statement.', "carmaker"),
        ('"I just kept running and did not look back," the 19-year-old said.', "19-year-old"),
        # a name set off after the phrase is whom it describes
        ('"Every fan who travelled deserves an apology," City\'s captain, Ben Okoro, said.', "okoro"),
        (
            '"The lakes are warming faster than any record shows," the study\'s co-author, Dr. Helen Marsh of the '
            "University of Carlow, said.",
            "marsh",
        ),
    ],
)
def test_phrase_credit_after_the_quote(text: str, speaker: str) -> None:
    assert _one(text) == speaker


@pytest.mark.parametrize(
    "text,not_speaker",
    [
        # a word floating after a plural subject is no head noun
        ('"We lost the game by a mile," the players all said.', "all"),
        # after a full stop a possessive name opens the next sentence, whose subject speaks of something else
        ('"The match is off for tonight." Rovers\' chairman said the pitch was frozen.', "chairman"),
    ],
)
def test_phrase_credit_must_not_fire(text: str, not_speaker: str) -> None:
    assert _one(text) != not_speaker


# --- a role credit after the verb goes on to its last word; a verb-first name before an adverbial; a title's dot


@pytest.mark.parametrize(
    "text,speaker",
    [
        ('"This is a failure of the whole system," said the regulator\'s chief executive.', "executive"),
        ('"The rain will clear by the weekend," said the duty forecaster.', "forecaster"),
        ('"We\'re not going anywhere," vowed union leader Marta Silva as the strike entered its third week.', "silva"),
        ('"The tide turned in the last hour," said skipper Jo Kerr at the harbour.', "kerr"),
        ('"The brain keeps changing into old age," said neuroscientist Dr. Joy Mensah.', "mensah"),
        # not over a time word after the role
        ('"The talks will resume in the morning," said the official yesterday.', "official"),
        ('"The roof held up well in the storm," said the caretaker today, pointing at the beams.', "caretaker"),
    ],
)
def test_credit_after_the_verb(text: str, speaker: str) -> None:
    assert _one(text) == speaker


# --- words someone uttered, told by another: the utterer speaks


@pytest.mark.parametrize(
    "text,speaker",
    [
        ('Witnesses said the driver yelled "Move, move, move" as the bus filled with smoke.', "driver"),
        ('The teacher said a pupil had shouted "Fire, everybody out" when the alarm failed.', "pupil"),
        ('Staff said the gunman told them "Nobody move and nobody gets hurt."', "gunman"),
        ('The umpire said the bowler had told him "That is out and you know it."', "bowler"),
        ('Investigators said the captain announced "Brace for impact" over the intercom.', "captain"),
        ('Her agent said the actor was told "You will never work in this town again" by the producer.', "producer"),
        # a written thing reads its writer's words, when named
        ('A text message sent by Harlow to his partner read "I cannot keep doing this" prosecutors said.', "harlow"),
        ('A letter from Mayor Jo Banks read: "We are proud of every one of you."', "banks"),
        # ... and nobody's when not
        ('Prosecutors said the note read "Meet me behind the depot at nine".', None),
        ('The sign on the gate read "Closed until further notice by order of the council."', None),
    ],
)
def test_told_by_another(text: str, speaker: str | None) -> None:
    assert _one(text) == speaker


@pytest.mark.parametrize(
    "text,speaker",
    [
        # a pronoun after the reporting verb is the reporter again
        ('Smith said he told them "we will be back before the winter" and left.', "smith"),
        # one verb of saying: its subject speaks
        ('The mayor told residents: "Your homes will be safe by the weekend."', "mayor"),
        ('Ellis said the budget had been "a mess from the very first day."', "ellis"),
        ('The court heard Jones describe the night as "the worst of my whole life."', "jones"),
    ],
)
def test_told_by_another_must_not_fire(text: str, speaker: str) -> None:
    assert _one(text) == speaker


# --- a clause handing over to the quote by a colon; a transcript's or a headline's speaker before a colon


@pytest.mark.parametrize(
    "text,speaker",
    [
        (
            '"We will fight this in every court," said Amos Reddy. But Linda Shore, who chairs the planning board, '
            'disagreed: "The law is clear and the decision stands."',
            "shore",
        ),
        ('When asked if she would stand again, Morales laughed: "Ask me again after the holidays."', "morales"),
        ('Pressed on the cost, Minister Sato would only say: "It will be paid for from the budget."', "sato"),
        ('Hamid shrugged: "Some days the wind just wins, and there is nothing to be done."', "hamid"),
        ('Interviewer: How did the result feel?\nGrady: "Honestly, numb. I did not believe it for days."', "grady"),
        ('Minister: "We will fix the trains by Christmas"', "minister"),
    ],
)
def test_colon_speaker(text: str, speaker: str) -> None:
    assert _last_word(_speakers(text)[-1]) == speaker


@pytest.mark.parametrize(
    "text",
    [
        'The team needed one thing from the draw: "a point to stay up for one more year."',
        'Smith\'s plan for the shop was simple: "Buy low and sell high, always."',
        'The forecast for Friday is grim: "heavy rain spreading from the west by noon."',
        'Update: "The road has reopened in both directions," the council said.',
    ],
)
def test_colon_speaker_must_not_fire(text: str) -> None:
    found = _speakers(text)[-1]
    assert found is None or _last_word(found) in ("council",)


# --- the labelled set: its split is the hash's, and the evaluator counts what it should


def test_labelled_set_split_and_shape() -> None:
    items = json.loads(Path(SENTENCES).read_text(encoding="utf-8"))
    assert len(items) >= 200
    assert all(i["split"] == split_of(i["text"]) for i in items)
    assert {i["split"] for i in items} == {"tune", "check"}
    assert all(q["speaker"] and q["text"] for i in items for q in i["quotes"])


def test_evaluator_counts_speakers() -> None:
    score = SpeakerScore()
    item = {
        "id": "t1",
        "text": '"The bridge will stay shut for a month," said Ana Ruiz. The band played "Summer on the Shore" twice.',
        "quotes": [{"text": "bridge will stay shut", "speaker": "Lee"}, {"text": "not in the text at all", "speaker": "-"}],
    }
    score_text(item, score)
    assert (score.found, score.missed, score.right) == (1, 1, 0)
    assert score.speaker_accuracy == 0.0 and score.recall == 0.5


# --- an epithet right after the named speaker's quote is that speaker


def test_epithet_names_the_last_speaker() -> None:
    text = (
        '"The car was sliding everywhere," Ana Ruiz said over the radio.\n'
        '"We need to stop the race before someone gets hurt," added the two-time champion.'
    )
    quotes = [c for c in extract_claims(text, {}) if c.kind == "quote"]
    assert [q.speaker for q in quotes] == ["Ana Ruiz", "Ana Ruiz"]
    assert quotes[1].extra.get("credit") == "champion"


@pytest.mark.parametrize(
    "text",
    [
        # a role is as often another person: left as written
        '"I never touched him at all," Tom Abel said.\n"It was a clear foul and a red card," the referee said.',
        # another person named between
        '"The car was sliding everywhere," Ana Ruiz said. Tom Abel agreed.\n"We must stop the race now," added the '
        "two-time champion.",
    ],
)
def test_epithet_must_not_fire(text: str) -> None:
    assert _speakers(text)[1] in ("the referee", "referee", "champion")


# --- "she" / "he" after a description: a common noun opening a sentence is nobody; a name set off after a role is the
# subject; a person the text credited by one pronoun is no speaker of the other


@pytest.mark.parametrize(
    "text,speaker",
    [
        (
            "Iris Kalnins, 34, was on her way to work when the tram stopped. Smoke filled the carriage within seconds. "
            'Passengers forced the doors open. "I thought we were all going to die," she said.',
            "kalnins",
        ),
        (
            "Ola Brandt scored the only goal of the game. Rain poured down on the stands all evening. "
            '"We had to dig deep for this one," he said.',
            "brandt",
        ),
        # a name after a title's dot opens no sentence
        (
            'In a long interview, Mr. Hale explicitly said the plan was dead. "That was never my deal," he said.',
            "hale",
        ),
        (
            'Carmen Ruiz told the hearing she had warned her bosses. "I raised it three times," she said. '
            'Her former manager, Neil Osborne, denied that. "I never saw any of those emails," he said.',
            "osborne",
        ),
        (
            "A neighbour, Priya Shah, spoke to the local paper about the fire. "
            '"The smoke was so thick we could not see the road," she said.',
            "shah",
        ),
    ],
)
def test_pronoun_after_a_description(text: str, speaker: str) -> None:
    assert _last_word(_speakers(text)[-1]) == speaker


def test_pronoun_of_the_other_gender_takes_no_last_speaker() -> None:
    # nobody else named: "he" after her quote stays unresolved rather than hers
    text = 'Carmen Ruiz chairs the board. "We will sell the ground," she said. "It was a hard choice," he said.'
    assert _speakers(text) == ["Carmen Ruiz", None]


def test_a_role_introduced_as_an_occupation() -> None:
    text = 'Emma Clarke, a nurse at the hospital, started the petition. "We are exhausted and unheard," the nurse said.'
    [quote] = [c for c in extract_claims(text, {}) if c.kind == "quote"]
    assert (quote.speaker, quote.extra.get("credit")) == ("Emma Clarke", "the nurse")


# --- a quote going on over two paragraphs, its first left open after a sentence's end


def test_quote_runs_on_after_a_sentence() -> None:
    text = (
        'Nora Blake remembered the night the river rose. "The water came in under the door and kept coming.\n'
        '"By midnight it was up to the kitchen table. We sat on the stairs and waited for the boats."'
    )
    quotes = [c.text for c in extract_claims(text, {}) if c.kind == "quote"]
    assert len(quotes) == 2 and quotes[0].startswith("The water came in")


@pytest.mark.parametrize(
    "text",
    [
        # not after a sentence's end, or the paragraph ends no sentence: a stray mark
        'The board chose the word "Fine for the new rules and moved on to the budget.',
        'The season ended early. "Next year we go again in the spring',
    ],
)
def test_quote_runs_on_must_not_fire(text: str) -> None:
    assert not [c for c in extract_claims(text, {}) if c.kind == "quote"]


def test_speakers23_tune_floor() -> None:
    # the tune split's figures at the end of round speakers23, a little below (quotes 1.00 / 0.99, speakers 0.98)
    s = evaluate("tune")
    assert s.precision >= 0.98 and s.recall >= 0.97 and s.speaker_accuracy >= 0.96

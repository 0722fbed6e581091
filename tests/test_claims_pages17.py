"""Round pages17 (issue 12, quotes and credits on unseen sentences, fifth round; tests/claims_label.py, "Seventeenth
round"): quote speakers and credits in frames the fresh tuning sentences (and earlier rounds' tune sets) showed
missed. Each rule on sentences of our own from several kinds of news: what must give the claim and what must not."""

from __future__ import annotations

import pytest
from test_claims_pages11 import _cites, _quotes  # the same helpers as round pages11

# --- the sentence's one credit names the speaker of a partial quote that has none ---


@pytest.mark.parametrize(
    "text,speaker",
    [
        ('According to the tax office, the new rules will make it "far harder to hide income abroad."', "tax office"),
        ("According to Brennan, the club has never been “in a stronger position to win the league.”", "Brennan"),
        ("But according to the museum, the vase is “older than anything else in the collection.”", "museum"),
        (
            'The new stadium, "a landmark for the whole region," will open to fans in the spring of next year after a '
            "long delay caused by flooding and a dispute with the builders, said the city council.",
            "city council",
        ),
        ("The vaccine, “a real step forward for rural clinics,” will ship next month, the health ministry said.", "ministry"),
    ],
)
def test_sentence_credit_names_the_speaker(text: str, speaker: str) -> None:
    [(_, found)] = _quotes(text)
    assert found is not None and found.split()[-1] == speaker.split()[-1]


@pytest.mark.parametrize(
    "text,speaker",
    [
        # another voice between the credit and the quote speaks it
        ('According to police, the driver shouted "get out of the car now" before the crash.', "driver"),
        ("According to the club, the striker called the offer “an insult to the fans.”", "striker"),
        ("According to Lena Ward, the coach instructed them to “run until the whistle, then run again.”", None),
        # two credits: the opening one is not taken (the closing credit is the quote module's own reading)
        ("According to the league, the referee was “fully within the rules,” the Harbour Gazette reported.", None),
    ],
)
def test_sentence_credit_not_across_another_voice(text: str, speaker: str | None) -> None:
    [(_, found)] = _quotes(text)
    assert found is None or found.split()[-1] not in ("police", "club", "Ward", "league")
    if speaker is not None:
        assert found is not None and found.split()[-1] == speaker


# --- "said <body>'s <role>, <Name>": the apposed name speaks, never the body's possessive ---


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("“Prices will keep rising into spring,” said Harbour Bank’s chief economist, Lena Ostrova, warning of rents.", "Lena Ostrova"),
        ("“The season is over for him,” said Rovers’ manager, Tom Keane.", "Tom Keane"),
        ('"We lost the vote but not the argument," said Green Party leader, Ana Lutz.', "Ana Lutz"),
        ("“The lake froze early this year,” said NASA's lead scientist, Amy Cole.", "Amy Cole"),
        ("“Tech firms must do better for children,” said Safe Web’s CEO, Jo Grant, warning of harm.", "Jo Grant"),
    ],
)
def test_role_then_apposed_name(text: str, speaker: str) -> None:
    assert _quotes(text)[0][1] == speaker


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("“The harvest was the worst in a decade,” said the cooperative's chairman, Tomas Reyes.", "Tomas Reyes"),
        ("“It was a very long night on the ward,” said a nurse on the ward, Monday.", "a nurse"),
        ("“The bridge will hold for now,” said Mayor Ann Holt, who visited the site.", "Ann Holt"),
    ],
)
def test_role_apposition_unchanged(text: str, speaker: str) -> None:
    assert _quotes(text)[0][1] == speaker


def test_helpers_still_cite() -> None:
    assert _cites("According to the tax office, the rules will change.") == ["tax office"]


# --- a source in brackets after "via"; a generic source set off with "here" or "point out" ---


@pytest.mark.parametrize(
    "text,cites",
    [
        ("Here is the full list of changes in the new firmware (via the Nintendo Blog):", "Nintendo Blog"),
        ("The studio will release the sequel in May (via Variety).", "Variety"),
        ("The orchestra has cancelled its spring tour of Japan (via the Harbour Herald).", "Harbour Herald"),
        ("The ferry service was cancelled for the week, officials here say, because of the storm.", "officials"),
        ("The levy, which, economists point out, the state never collected, was quietly dropped.", "economists"),
        ("The reef has lost half its coral, scientists there say, in the worst bleaching yet.", "scientists"),
    ],
)
def test_via_bracket_and_aside_sources(text: str, cites: str) -> None:
    assert _cites(text) == [cites]


@pytest.mark.parametrize(
    "text",
    [
        "The singer posted the clip on Sunday (via Instagram).",
        "Fans shared the video overnight (via Twitter).",
        "The photos were shared on Monday (Ann Lee/Harbour Press via AP).",
        "The two sides talked via Zoom for an hour before the vote.",
        "We met the officials here, and the mayor thanked them.",
        "The coach wants his players to point out, calmly, what went wrong.",
    ],
)
def test_via_and_aside_not_sources(text: str) -> None:
    assert _cites(text) == []


# --- an "as" clause of speech opening the sentence names a later quote's speaker; "describes" credits ---


@pytest.mark.parametrize(
    "text,speaker",
    [
        (
            "In fact, as Ortega describes, the new terminal will change in stages over the coming decade and beyond: "
            "“First we move the cargo, then we move the passengers, then we rebuild the old halls.”",
            "Ortega",
        ),
        (
            "As Dr. Mara Lind explained, the vaccine trial had to be paused twice over the long and cold winter months: "
            "“We simply could not reach the villages in time.”",
            "Lind",
        ),
    ],
)
def test_opening_as_clause_names_the_speaker(text: str, speaker: str) -> None:
    [(_, found)] = _quotes(text)
    assert found is not None and found.split()[-1] == speaker


@pytest.mark.parametrize(
    "text,cites",
    [
        ("The orchard, as Hale describes it, was planted by monks in the twelfth century.", "Hale"),
        ("As Okafor described, the pitch was flooded by noon.", "Okafor"),
    ],
)
def test_as_clause_describes(text: str, cites: str) -> None:
    assert _cites(text) == [cites]


def test_as_describes_when_clause_not_credit() -> None:
    assert _cites("As Smith described the plan to the board, protesters gathered outside.") == []


# --- thanks and praise put in the speaker's words: 'X congratulated the team on "..."' ---


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("Goalkeeper Ann Lee, through Instagram, congratulated her teammates on “a season nobody will ever forget.”", "Lee"),
        ("The mayor thanked volunteers for “the hardest week this town has ever seen.”", "mayor"),
        ("Conductor Pia Berg applauded the choir for “singing like their lives depended on it.”", "Berg"),
    ],
)
def test_thanks_and_praise_name_the_speaker(text: str, speaker: str) -> None:
    [(_, found)] = _quotes(text)
    assert found is not None and found.split()[-1] == speaker


def test_thanks_to_is_no_speaker() -> None:
    assert [s for _, s in _quotes("Thanks to the new law, the city built “the biggest park in the whole region.”")] == [None]


# --- an outlet that ran a piece of comment, the piece saying ---


@pytest.mark.parametrize(
    "text,cites",
    [
        ("A commentary run by the state-run Nordvision broadcaster after the vote said the result was a warning.", "Nordvision"),
        ("An editorial carried by the Harbour Gazette on Sunday warned that the mayor had failed the town.", "Harbour Gazette"),
        ("An op-ed published by the Valley Courier argued the dam should never have been built.", "Valley Courier"),
    ],
)
def test_outlet_ran_a_comment(text: str, cites: str) -> None:
    assert _cites(text) == [cites]


@pytest.mark.parametrize(
    "text",
    [
        "A column published by Ann Lee in 2019 was read by millions of people.",
        "The essay printed by the Harbour Press sold out in a week.",
    ],
)
def test_comment_without_saying_not_credited(text: str) -> None:
    assert _cites(text) == []


def test_outlet_piece_keys_kept() -> None:
    # the keys of round pages11's "in the broadcast on <outlet>" stay beside this round's (a name clash once lost it)
    assert _cites("The ferry sank within two hours, she said in the broadcast on Harbour Central Television.") == [
        "Harbour Central Television"
    ]

"""Round pages14 (issue 12, quotes and credits on unseen sentences, fourth round; tests/claims_label.py, "Fourteenth
round"): credits in frames the fresh tuning sentences showed missed, and quote speakers. Each rule on sentences of
our own from several kinds of news: what must give the claim and what must not."""

from __future__ import annotations

import pytest
from test_claims_pages11 import _cites, _quotes  # the same helpers as round pages11

# --- a reporter's outlet, an "as" clause, "as noted by" ---


@pytest.mark.parametrize(
    "text,cites",
    [
        ("As Ann Cole reports for Harbour Radio, the ferry has been tied up since the storm.", "Harbour Radio"),
        ("The striker, writing for the Valley Times, said the club had treated him fairly.", "the Valley Times"),
        ("As Dana Ortiz reported for Politico, the bill stalled in committee for a month.", "Politico"),
    ],
)
def test_reporter_for_an_outlet(text: str, cites: str) -> None:
    assert [c.removeprefix("the ") for c in _cites(text)] == [cites.removeprefix("the ")]


@pytest.mark.parametrize(
    "text,cites",
    [
        ("The vote was delayed twice, as Senator Ruth Hale recalled on Friday.", "Ruth Hale"),
        ("Tickets sold out in an hour, as the Harbour Gazette reported.", "the Harbour Gazette"),
        ("“Hold the line,” the captain shouted, as Okafor remembered it.", "Okafor"),
        ("The merger faced no objection, as Müller noted in his letter to staff.", "Müller"),
    ],
)
def test_as_clause_credit(text: str, cites: str) -> None:
    assert any(cites.removeprefix("the ") in c for c in _cites(text))


@pytest.mark.parametrize(
    "text",
    [
        "The storm moved east as well as north, forecasters expected.",
        "As expected, the council approved the budget on Tuesday.",
        "The team rested its captain, as he said it would.",
        "'The drought is over!! As I've said all along, patience pays,' the farmer posted.",
        "The fund lost money, as It said in March.",
        "As Ann Cole reports for Harbour Radio, the ferry is late.",  # the outlet only, not its reporter
    ],
)
def test_as_clause_without_a_named_credit(text: str) -> None:
    cites = _cites(text)
    assert "Ann Cole" not in cites and "expected" not in " ".join(cites)
    assert not any(c.split()[0] in ("he", "He", "I've", "It") for c in cites)


@pytest.mark.parametrize(
    "text,cites",
    [
        ("The bakery has stopped selling bread on Sundays, as first noted by local blogger Tom Reyes.", "Tom Reyes"),
        ("The jet circled the airport for an hour, as spotted by the tracking site Flightwatch.", "Flightwatch"),
        ("The change to the rules was buried on page 40, as pointed out by analyst Mira Chen.", "Mira Chen"),
    ],
)
def test_noted_by_credit(text: str, cites: str) -> None:
    assert cites in _cites(text)


# --- an outlet in a "with" clause; data that a body's figures show; a kind of press told ---


@pytest.mark.parametrize(
    "text,cites",
    [
        ("Shares slid on Monday, with Bloomberg reporting that the deal had collapsed.", "Bloomberg"),
        ("The coach is under pressure, with the Valley Times saying his job is at risk.", "the Valley Times"),
    ],
)
def test_with_outlet_reporting(text: str, cites: str) -> None:
    assert cites.removeprefix("the ") in _cites(text)


def test_with_and_no_outlet() -> None:
    assert _cites("The mayor spoke with residents reporting flooded basements.") == []


@pytest.mark.parametrize(
    "text,cites",
    [
        ("Figures from the Office for National Statistics show that rents rose 6% last year.", "Office for National Statistics"),
        ("Data from the WHO suggest that measles cases doubled in the region.", "WHO"),
        ("Statistics from the Harbour Port Authority showed a drop in cargo.", "Harbour Port Authority"),
    ],
)
def test_data_of_a_body_show(text: str, cites: str) -> None:
    assert any(cites in c for c in _cites(text))


@pytest.mark.parametrize(
    "text",
    [
        "Researchers used data from the Harbour Observatory to find the faint comet.",  # a tool, the finding theirs
        "Data from China show a slowdown in exports.",  # a place, no body
        "Figures from Monday show the queue grew.",
    ],
)
def test_data_without_a_credit(text: str) -> None:
    assert _cites(text) == []


@pytest.mark.parametrize(
    "text,cites",
    [
        ("The boy had been fishing with friends, his uncle told Brazilian media.", "Brazilian media"),
        ("Two ministers will resign next week, a party source told local media.", "local media"),
        ("The factory will close in March, a manager told state media.", "state media"),
    ],
)
def test_told_a_kind_of_media(text: str, cites: str) -> None:
    assert cites in _cites(text)


@pytest.mark.parametrize(
    "text",
    [
        "The coach told the media he was staying.",
        "The ministry told foreign media to leave the border zone by Friday.",
    ],
)
def test_told_media_no_credit(text: str) -> None:
    assert not any("media" in c for c in _cites(text))


# --- a body's initials after its name, after the fact; a name with accents set off mid-sentence ---


def test_outlet_after_the_fact_with_its_initials() -> None:
    text = "The rocket reached orbit on its second attempt, the Northern State Television (NST) reported."
    assert _cites(text) == ["Northern State Television"]


@pytest.mark.parametrize(
    "text,cites",
    [
        ("The harvest, Peláez said, will be the smallest in a decade.", "Peláez"),
        ("The stadium will be full for the derby, Ibáñez said.", "Ibáñez"),
        ("Most of the fines, Çelik explained, were never collected.", "Çelik"),
    ],
)
def test_accented_name_credited(text: str, cites: str) -> None:
    assert cites in _cites(text)


# --- quotes: a verb that credits only first after the quote; a channel before the subject; one credit after the
# last quote of a sentence ---


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("“We are thrilled to be back on the road,” comments Rita Vance in a statement, “and the new songs are ready.”",
         "Rita Vance"),
        ("“The defence has never looked so settled,” remarks Pavel Novak, the club's coach.", "Pavel Novak"),
        ("“Rates will stay high for longer than markets think,” observes Lena Frost.", "Lena Frost"),
    ],
)
def test_verb_first_after_the_quote(text: str, speaker: str) -> None:
    quotes = _quotes(text)
    assert len(quotes) == 1 and quotes[0][1] == speaker


def test_comments_as_a_noun_credits_nobody() -> None:
    text = "“We will appeal the ruling,” the club said. His comments drew criticism from fans."
    assert _quotes(text) == [("We will appeal the ruling,", "club")] or all(s != "His" for _, s in _quotes(text))


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("Through a representative, Bell, who is recovering at home, said that “the injury is not as bad as it looked.”",
         "Bell"),
        ("Through her lawyer, Pruitt, who denies the charge, said that “no money ever changed hands between us.”",
         "Pruitt"),
        # must stay
        ("Through a spokeswoman, Kessler said: “The company will cooperate fully with the regulator.”", "Kessler"),
    ],
)
def test_channel_before_the_subject(text: str, speaker: str) -> None:
    assert [s for _, s in _quotes(text)] == [speaker]


@pytest.mark.parametrize(
    "text,speaker",
    [
        ('The deal marks "a turning point for the region" and will bring "jobs for a whole generation of young workers," '
         "the trade minister said.", "minister"),
        ('The new stand is "the best in the league" and gives fans "a view they have waited decades for," '
         "said club chairman Owen Pike.", "Owen Pike"),
    ],
)
def test_one_credit_after_the_last_quote(text: str, speaker: str) -> None:
    quotes = _quotes(text)
    assert len(quotes) == 2 and all(s is not None and s.endswith(speaker.split()[-1]) for _, s in quotes)


@pytest.mark.parametrize(
    "text",
    [
        # another credit between the quotes: the first quote is not the last speaker's
        'Critics called the plan "a waste of money for the whole city" but the mayor defended it as '
        '"the only way to keep the buses running," she said.',
        # a sentence end between them, or inside the first quote's last mark
        'The coach praised his striker for "a season nobody here will forget." "He carried this team on his back '
        'all year," the inspector said.',
        'The report found "serious failings in the ward over many years". It urged "an immediate review of '
        'staffing at every hospital," the inspector said.',
    ],
)
def test_no_shared_credit_across_a_verb_or_a_sentence(text: str) -> None:
    quotes = _quotes(text)
    assert quotes and quotes[0][1] != "inspector"
    assert not (quotes[0][1] or "").endswith("inspector")

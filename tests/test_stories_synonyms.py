"""One thing named with other words is one term of the story grouping (claimcheck.stories.synonyms): an event
noun and its news synonyms ("quake" / "earthquake" / "tremor", "mudslide" / "landslide", "truce" /
"ceasefire"), a count as a word or in digits ("twelve" / "12"), a sum with its scale as a suffix or a word
("$11m" / "$11 million"). Two outlets that name one event each their own way share its terms; two events of
one kind stay two. Fixtures are invented, in our own words, from several kinds of news."""

from __future__ import annotations

import pytest

from claimcheck.stories import group, synonyms, term_of
from claimcheck.stories import terms as terms_module
from tests.test_stories import art, sample, unrelated


@pytest.mark.parametrize(
    ("one", "other"),
    [("quake", "earthquake"), ("Tremors", "earthquakes"), ("temblor", "quake"), ("mudslides", "landslide"),
     ("floodwaters", "floods"), ("flooding", "flood"), ("truce", "ceasefire"), ("cease-fire", "ceasefire"),
     ("gunmen", "gunman"), ("shooter", "gunman"), ("demonstrators", "protesters"), ("protestors", "protester"),
     ("abduction", "kidnapping"), ("twelve", "12"), ("Forty-two", "42"), ("ten", "10"), ("11m", "11"),
     ("2.5bn", "2.5"), ("40k", "40"), ("1,200", "1200"), ("527mn", "527")],
)  # fmt: skip
def test_one_thing_in_other_words_is_one_term(one: str, other: str) -> None:
    assert term_of(one) == term_of(other)


def test_words_of_several_senses_keep_their_terms() -> None:
    # a strike (a walkout, an air raid), a poll (a vote, a survey), a shot, a suit: no one event noun
    assert len({term_of(w) for w in ("strike", "poll", "election", "shot", "suit", "lawsuit", "fire")}) == 7
    assert term_of("1990s") == "#1990s" and term_of("4x4") == "#4x4"  # a suffix that is no scale: kept
    assert term_of("seven") is None and term_of("9m") is None  # a single digit is no term, in words or not
    assert precise_figure_term("$527m") and not precise_figure_term("$11m")


def precise_figure_term(token: str) -> bool:
    from claimcheck.stories.terms import precise_figure

    term = term_of(token.strip("$"))
    return term is not None and precise_figure(term)


# one event told by two outlets, each naming it its own way: a quake in a made-up hill town
QUAKE = (
    ("Tremor rattles Brenhollow, twelve hurt", "A strong tremor rattled Brenhollow before dawn; twelve people "
     "were hurt by falling masonry and the old granary wall gave way, the mayor's office said."),
    ("Earthquake injures 12 in hill town", "An earthquake injured 12 residents overnight in Brenhollow, where "
     "rescue crews cleared rubble from a collapsed granary and inspected the bridge."),
)
# a market story: one outlet writes the sum as a suffix, the other in words
DEAL = (
    ("Ostrava Foods sells dairy arm for $415m", "Ostrava Foods agreed to sell its dairy arm to a rival "
     "cooperative for $415m, ending a two-year search for a buyer."),
    ("Dairy unit changes hands in $415 million sale", "The cooperative will pay $415 million for the "
     "dairy business, which runs nine plants and employs 3,100 staff."),
)

# a conflict story: one outlet's truce is the other's ceasefire, its demonstrators the other's protesters
TRUCE = (
    ("Truce holds in Valdmark as demonstrators return", "A fragile truce held for a third night in Valdmark; "
     "demonstrators filled the cathedral square again, waving white scarves."),
    ("Protesters rally as ceasefire takes hold", "Thousands of protesters gathered while the ceasefire "
     "between the rebel militia and the army took hold across the Valdmark province."),
)


def _together(pair: tuple[tuple[str, str], tuple[str, str]]) -> bool:
    ours = [art("a", *pair[0], 1, "one-a"), art("b", *pair[1], 5, "one-b")]
    arts = [*sample(), *ours, *unrelated(300)]
    idx = {arts.index(a) for a in ours}
    return any(idx <= set(g) for g in group(arts))


def test_a_quake_told_in_other_words_is_one_story(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _together(QUAKE)
    monkeypatch.setattr(terms_module, "_SAME", {})
    assert not _together(QUAKE)  # what the rules join


def test_a_truce_told_in_other_words_is_one_story(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _together(TRUCE)
    monkeypatch.setattr(terms_module, "_SAME", {})
    assert not _together(TRUCE)


def test_a_sum_as_suffix_and_in_words_is_one_story(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _together(DEAL)
    monkeypatch.setattr(synonyms, "SCALE_SUFFIXES", ())
    assert not _together(DEAL)


def test_two_quakes_of_the_same_days_stay_two_stories() -> None:
    # one kind of event, two places: the event noun they now share ("tremor" / "quake") is not a story
    one = ("Tremor rattles Brenhollow, twelve hurt", QUAKE[0][1])
    other = ("Quake shakes coastal Marisgate", "A quake shook Marisgate on the coast on Sunday; a ferry "
             "terminal roof fell and the harbour closed, port officials said.")  # fmt: skip
    ours = [art("a", *one, 1, "q-a"), art("b", *other, 3, "q-b")]
    arts = [*sample(), *ours, *unrelated(300)]
    idx = {arts.index(a) for a in ours}
    assert term_of("Tremor") == term_of("quake")
    assert not any(idx <= set(g) for g in group(arts))


def test_demonyms_are_their_countries_terms_when_asked() -> None:
    # StoryOptions.demonyms (off by default): "Iranian" / "Iran", "Israelis" / "Israel", "Dutch" / "Netherlands"
    pairs = [("Iranian", "Iran"), ("Israelis", "Israel"), ("French", "France"), ("Dutch", "Netherlands"),
             ("Filipinos", "Philippines"), ("U.K.", "Britain"), ("Iraqis", "Iraq"), ("Welsh", "Wales")]  # fmt: skip
    for demonym, country in pairs:
        assert term_of(demonym, True) == term_of(country, True) != term_of(demonym)
    # a lower-case word is no demonym ("polish the brass"), and without the option nothing changes
    assert term_of("polish", True) == "polish" != term_of("Polish", True)
    assert term_of("Pole", True) == "pole" and term_of("Jordan", True) == term_of("Jordanian", True)


def test_one_event_told_by_demonym_and_country_is_one_story_when_asked() -> None:
    # sport: one outlet writes "Icelandic" and "Chilean", the other "Iceland" and "Chile" (the lexicon holds
    # real countries only), and the two share one other word
    one = ("Icelandic skippers win ocean regatta", "The Icelandic crew crossed the line first at dawn after "
           "nine days at sea, ahead of a Chilean boat.")  # fmt: skip
    other = ("Iceland takes regatta crown", "Iceland's yacht beat Chile's entry by four hours to "
             "claim the transatlantic race, organisers said on Sunday.")  # fmt: skip
    from claimcheck.stories import StoryOptions

    ours = [art("a", *one, 1, "sail-a"), art("b", *other, 5, "sail-b")]
    arts = [*sample(), *ours, *unrelated(300)]
    idx = {arts.index(a) for a in ours}
    assert any(idx <= set(g) for g in group(arts, StoryOptions(demonyms=True)))
    assert not any(idx <= set(g) for g in group(arts))

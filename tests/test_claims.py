"""Claim extraction: hard cases, offsets on real pages, fuzzing, and the quality gate."""

from __future__ import annotations

import json
import time
import types
import typing
from pathlib import Path

import pytest
from claims_eval import (
    ALIASES,
    DATA,
    FRESH_ROUNDS,
    KINDS,
    NEWS,
    NEWS_SPLITS,
    PAGES6,
    PAGES6_SPLITS,
    demo_texts,
    evaluate_own,
    evaluate_real,
    load_cites7_pages,
    load_news_pages,
    load_real_pages,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.claims import extract_claims
from claimcheck.claims.sentences import split_sentences
from claimcheck.models import Claim, ClaimDetails

FLOORS = json.loads((DATA / "claims_floors.json").read_text(encoding="utf-8"))


def numbers(text: str) -> list:
    return [c for c in extract_claims(text, ALIASES) if c.kind == "number"]


def quotes(text: str) -> list:
    return [c for c in extract_claims(text, ALIASES) if c.kind == "quote"]


@pytest.mark.parametrize(
    "text,count",
    [
        ("Mr. Smith of the U.S. State Dept. spoke on Dec. 13. He left.", 2),
        ("J. K. Rowling sold 4.5 million books. Sales rose.", 2),
        ("VILNIUS, Dec 13 (Reuters) - Belarus freed 123 prisoners. The U.S. lifted sanctions.", 2),
        ('"It is over. We are free," she said. Then she left.', 2),
        ("He lives in the U.S. The next day he left.", 2),
        ("Building No. 5 burned. Nobody was hurt.", 2),
    ],
)
def test_sentence_splitting(text: str, count: int) -> None:
    assert len(split_sentences(text)) == count


@pytest.mark.parametrize(
    "text,low,high,unit,qualifier",
    [
        ("Belarus freed 123 political prisoners.", 123, 123, "political prisoners", "exact"),
        ("He was freed along with 122 other prisoners.", 122, 122, "prisoners", "exact"),
        ("In all, more than 430 people were freed.", 430, None, "people", "more than"),
        ("At least 1,100 people died.", 1100, None, "deaths", "at least"),  # a death toll
        ("About 1,100 people died.", 990, 1210, "deaths", "about"),
        ("Nearly 125 prisoners were freed.", 115, 125, "prisoners", "nearly"),
        ("Up to 80 prisoners could go.", 0, 80, "prisoners", "up to"),
        ("Fewer than 50 stayed behind.", 0, 50, None, "fewer than"),
        ("Between 100 and 150 people came.", 100, 150, "people", "between"),
        ("He got a 10-year sentence.", 10, 10, "year sentence", "exact"),
        ("Revenue was $1.2bn.", 1.2e9, 1.2e9, "dollars", "exact"),
        ("Turnout was 40%.", 40, 40, "percent", "exact"),
        ("There was 80mm of rain.", 80, 80, "mm", "exact"),
        ("Twenty-three miners were rescued.", 23, 23, "miners", "exact"),
        ("A dozen eggs broke.", 12, 12, "eggs", "exact"),
        ("2.3 million people fled.", 2.3e6, 2.3e6, "people", "exact"),
        ("His chance of survival was as little as three per cent.", 3, 3, "percent", "exact"),
        ("Only five percent of the members voted.", 5, 5, "percent", "exact"),
        ("Gusts reached 161km/h on the coast.", 161, 161, "km/h", "exact"),
        ("The capsule reached orbit after nine minutes and 46 seconds.", 586, 586, "seconds", "exact"),
        ("The surgery took two hours and 10 minutes.", 130, 130, "minutes", "exact"),
        (
            "With the release of political prisoners, the total released rose to 123.",
            123,
            123,
            "political prisoners",
            "exact",
        ),
    ],
)
def test_number_intervals(text: str, low, high, unit, qualifier) -> None:  # noqa: ANN001
    [n] = numbers(text)
    assert (n.value.low, n.value.high) == (pytest.approx(low) if low else low, high)
    assert n.qualifier == qualifier
    if unit:
        assert n.unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "John Smith, 63, said so on Dec. 13.",  # an age in apposition ("The 63-year-old was freed" is one: facts17)
        "It happened at 10:30 a.m. on July 4.",
        "She finished 3rd in Section 230 of the COVID-19 rules on Windows 10.",
        "Call 555-123-4567 for details.",
        "The clinic is open 24-7.",  # "the court ruled 6-3" is a vote's tally since votes18 (tests/test_votes.py)
        "It was in the 1990s.",
    ],
)
def test_not_quantities(text: str) -> None:
    assert numbers(text) == []


def test_dates_become_when() -> None:
    text = (
        "Belarus freed 123 prisoners on Saturday, bringing the total freed since July 2024 to more than 430."
    )
    first, second = numbers(text)
    assert first.when == "on Saturday"
    assert second.when == "since July 2024"
    assert "free" in first.extra["context"]


def test_quotes_speakers_and_split() -> None:
    text = (
        "Ales Bialiatski was freed on Saturday.\n"
        '"I am free, but the regime keeps taking new hostages," Bialiatski told reporters.\n'
        '"We will keep working," he said, "until every prisoner is home."\n'
        'Maria Kolesnikova said the regime "keeps taking new hostages" and called it a "sham deal".\n'
        "« Nous continuerons le combat », said Svetlana Tikhanovskaya."
    )
    qs = quotes(text)
    assert [q.speaker for q in qs] == [
        "Ales Bialiatski",
        "Ales Bialiatski",
        "Maria Kolesnikova",
        "Svetlana Tikhanovskaya",
    ]
    assert qs[1].extra["norm"] == "we will keep working until every prisoner is home"
    assert all(text[q.start : q.end] == q.text for q in qs)


def test_citations_resolve_aliases() -> None:
    text = (
        "ISTANBUL (AP) — The quake killed 12 people, according to the health ministry. "
        "The toll rose to 40, the BBC reported. Reuters staff contributed. The apple was not on tap."
    )
    claims = extract_claims(text, ALIASES)
    cites = [c.cites for c in claims if c.kind == "citation"]
    assert cites == ["ap", "health ministry", "bbc", "reuters"]
    assert [c.cites for c in claims if c.kind == "number"] == ["ap", "bbc"]


def test_furniture_and_opinions_give_no_claims() -> None:
    for text in ("Sign up for our newsletter.", "Should the West trust him?", "Read more: Who is he?"):
        assert extract_claims(text, ALIASES) == []


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list('ab AB.,"“”«»()-–0123456789%$\n:/@')) | st.characters(), max_size=300
    )
)
def test_fuzz_never_raises_and_offsets_hold(text: str) -> None:
    for c in extract_claims(text, ALIASES):
        assert 0 <= c.start <= c.end <= len(text)
        assert text[c.start : c.end] == c.text


def test_no_catastrophic_backtracking() -> None:
    nasty = ("1," * 3000) + ("a" * 5000) + ('"' * 2000) + ("Mr. " * 2000) + ("x@" * 2000)
    t0 = time.perf_counter()
    extract_claims(nasty, ALIASES)
    # a hang guard, not a speed target (catastrophic backtracking takes minutes; speed is benchmarked by
    # `python -m tests.claims_eval --speed` and bench/extract.py)
    assert time.perf_counter() - t0 < 30.0


REAL = load_real_pages()
needs_real = pytest.mark.skipif(REAL is None, reason="../shared/realdata is absent")
# page text -> extract_claims(text, ALIASES): the quality gates below score the same real pages several times
# (a round's "-tune" and "-check" splits, the held-out and tuning sets, the offsets check); each text is
# extracted once in this module (extraction is deterministic) and each gate still scores every sentence.
_EXTRACTED: dict[str, list[Claim]] = {}


def _claims_of(body: str) -> list[Claim]:
    if body not in _EXTRACTED:
        _EXTRACTED[body] = extract_claims(body, ALIASES)
    return _EXTRACTED[body]


def _evaluate(pages: typing.Mapping[str, str], *args: typing.Any, **kwargs: typing.Any) -> dict:
    """evaluate_real with the claims of every page already extracted in this module."""
    cache = {page: _EXTRACTED[body] for page, body in pages.items() if body in _EXTRACTED}
    scores = evaluate_real(pages, *args, cache=cache, **kwargs)
    _EXTRACTED.update((pages[page], claims) for page, claims in cache.items())
    return scores


@needs_real
def test_real_pages_never_raise_and_offsets_hold() -> None:
    assert REAL is not None
    for page, body in REAL.items():
        for c in _claims_of(body):
            assert body[c.start : c.end] == c.text, page
            start = c.extra["sentence_start"]
            assert body[start : start + len(c.sentence)] == c.sentence, page


def _check(scores: dict, floors: dict) -> list[str]:
    bad = []
    for kind in KINDS:
        for metric in ("precision", "recall"):
            got, floor = getattr(scores[kind], metric), floors[kind][metric]
            if got < floor:
                bad.append(f"{kind} {metric} {got:.3f} < floor {floor}")
    return bad


def test_quality_gate_own_sentences() -> None:
    assert _check(evaluate_own(), FLOORS["own"]) == []


@needs_real
@pytest.mark.parametrize("split", ["tuning", "holdout"])
def test_quality_gate_real_sentences(split: str) -> None:
    assert REAL is not None
    # The first floors were pinned on the first 121 sentences; the enlarged sets (620 sentences) have their own
    # (with the labelled claims of pages not in English set apart: claims are English-only); the pages labelled
    # last ("fresh", tests/claims_label.py) are not in those 620 sentences.
    # one extraction of each page for the three sets (_evaluate)
    assert _check(_evaluate(REAL, split=split, first_only=True), FLOORS[f"real-{split}"]) == []
    assert _check(_evaluate(REAL, split=split, fresh=False), FLOORS[f"real-{split}-english"]) == []
    # every labelled sentence of the split, the fresh pages included (tests/claims_label.py)
    assert _check(_evaluate(REAL, split=split), FLOORS[f"real-{split}-all"]) == []


@pytest.mark.parametrize("split", NEWS_SPLITS)
def test_quality_gate_news_sentences(split: str) -> None:
    """News articles of the tuning-class events of news-clusters (tests/claims_label.py, "News articles"; news2:
    a second article per event, of another site; news3 a third, "Third news articles"); the check splits are
    read as figures only."""
    news = load_news_pages()
    if news is None:
        pytest.skip("../shared/realdata/news-clusters is not available")
    assert _check(_evaluate(news, NEWS, split=split), FLOORS[split]) == []


@needs_real
@pytest.mark.parametrize("split", PAGES6_SPLITS)
def test_quality_gate_pages6_sentences(split: str) -> None:
    """Round pages6: fresh sentences of the extraction benchmark's tuning pages (tests/claims_label.py, "Sixth
    real pages"); pages6-check is read as figures only."""
    assert REAL is not None
    assert _check(_evaluate(REAL, PAGES6, split=split), FLOORS[split]) == []


@pytest.mark.parametrize(
    ("path", "split"), [(path, f"{name}-{part}") for name, path in FRESH_ROUNDS.items() for part in ("tune", "check")]
)
def test_quality_gate_fresh_rounds(path: Path, split: str) -> None:
    """The rounds of fresh sentences of the tuning news articles and benchmark pages (tests/claims_label.py,
    "Seventh round, credits" to "Eleventh round": cites7 half chosen for words of attribution; pages8 a third at
    random, the rest with a figure or a quotation mark; pages9 and pages11 with a quotation mark or a word of
    attribution; pages10 with a digit or a number word); each "-check" split is read as figures only."""
    pages = load_cites7_pages(path)
    if pages is None:
        pytest.skip("../shared/realdata is not available")
    assert _check(_evaluate(pages, path, split=split), FLOORS[split]) == []


@needs_real
def test_real_set_is_broad_and_by_reference() -> None:
    items = json.loads((DATA / "claims_real_labelled.json").read_text(encoding="utf-8"))
    assert len(items) >= 90 and len({i["page"] for i in items}) >= 12
    assert sum(i.get("split") == "holdout" for i in items) >= 30
    # Enlarged on 2026-11-29: both splits by the sha1 page rule of tests/claims_label.py, >= 60 held-out numbers.
    assert len(items) >= 600 and len({i["page"] for i in items if i["split"] == "tuning"}) >= 60
    held = [c for i in items if i["split"] == "holdout" for c in i["claims"] if c["kind"] == "number"]
    assert len(held) >= 60
    assert all(set(i) <= {"page", "start", "end", "sha1", "split", "rule", "claims"} for i in items)


def _floor_values(floors: dict) -> dict[tuple[str, str, str], float]:
    return {
        (name, kind, metric): value
        for name, kinds in floors.items()
        if not name.startswith("_")
        for kind, metrics in kinds.items()
        for metric, value in metrics.items()
    }


def _lowered(current: dict, earlier: dict) -> list[str]:
    now = _floor_values(current)
    retired = set(current.get("_retired", {}))
    out = []
    for key, value in _floor_values(earlier).items():
        if key[0] in retired:
            continue
        if key not in now:
            out.append(f"{key} dropped without being listed in _retired")
        elif now[key] < value:
            out.append(f"{key} lowered {value} -> {now[key]}")
    return out


def test_floors_only_go_up_against_history() -> None:
    history = json.loads((DATA / "claims_floors_history.json").read_text(encoding="utf-8"))["history"]
    latest = _floor_values(history[-1]["floors"])
    assert latest == _floor_values(FLOORS), "append the new floors to the history"
    for entry in history:
        assert _lowered(FLOORS, entry["floors"]) == [], entry["date"]


def test_floors_only_go_up_against_git_head() -> None:
    import shutil
    import subprocess

    root = DATA.parents[1]
    if shutil.which("git") is None:
        pytest.skip("git is not available")
    shown = subprocess.run(
        ["git", "show", "HEAD:tests/data/claims_floors.json"], cwd=root, capture_output=True, text=True
    )
    if shown.returncode != 0:
        pytest.skip("no committed floors file to compare with")
    assert _lowered(FLOORS, json.loads(shown.stdout)) == []


# --- clause-level time qualifiers, counted things, speakers, death tolls (issue 3 follow-up) ---


@pytest.mark.parametrize(
    "text,whens",
    [
        (
            "More than 430 have been freed since July 2024, and more than 1,100 remain behind bars.",
            ["since July 2024", None],
        ),
        (
            "Viasna says more than 430 political prisoners have been freed since July 2024 and more than "
            "1,100 remain in custody.",
            ["since July 2024", None],
        ),
        (
            "According to Viasna, more than 430 political prisoners have been released since July 2024, "
            "but over 1,100 are still in prison.",
            ["since July 2024", None],
        ),
        ("In September, Minsk freed 52 prisoners after a visit by Coale.", ["In September"]),
        (
            "A magnitude 6.8 earthquake struck early on Saturday, killing two people.",
            ["on Saturday", "on Saturday"],
        ),
        (
            "The death toll from the earthquake that struck northern Japan on Saturday has risen to 5.",
            [None],
        ),
        ("The quake hit (2140 GMT on Friday) at a depth of about 40 km.", [None]),
    ],
)
def test_when_stays_in_its_clause(text: str, whens: list) -> None:
    assert [n.when for n in numbers(text)] == whens


@pytest.mark.parametrize(
    "text",
    [
        "Kolesnikova, a leading figure in the mass protests that followed the disputed 2020 presidential "
        "election, had served more than five years of an 11-year sentence.",
        "Kolesnikova, who led mass protests against Lukashenko in 2020, had served more than five years "
        "of an 11-year sentence.",
        "Ms Kolesnikova, a flautist who became one of the faces of the 2020 protests, had served more "
        "than five years of an 11-year sentence.",
    ],
)
def test_year_of_another_clause_is_not_the_sentence_when(text: str) -> None:
    years, sentence = numbers(text)
    assert sentence.unit == "year sentence" and sentence.when is None
    assert years.when is None


def test_predicate_is_not_a_counted_thing() -> None:
    [n] = numbers("Yet the organization still counts more than 1,100 behind bars.")
    assert n.unit is None  # nothing in the sentence names what is counted
    prior = "More than 430 political prisoners have been released since July 2024. "
    n = numbers(prior + "Yet the organization still counts more than 1,100 behind bars.")[-1]
    assert n.unit == "political prisoners" and n.extra["unit_inferred"] is True
    [_, n] = numbers("More than 430 political prisoners were freed, while more than 1,100 remain behind bars.")
    assert n.unit == "political prisoners" and n.extra["unit_inferred"] is True
    [n] = numbers("It says more than 1,100 people remain behind bars on politically motivated charges.")
    assert n.unit == "people" and n.extra["unit_role"] == "political prisoners"


@pytest.mark.parametrize(
    "text,value",
    [
        ("A powerful earthquake shook northern Japan, killing at least three people.", 3),
        ("Strong earthquake in northern Japan kills at least 3, triggers tsunami advisory", 3),
        ("Police said two people had died in Hachinohe when a wall collapsed.", 2),
        ("Five people have died after a magnitude 6.8 earthquake struck.", 5),
        ("At least 3 people were killed and dozens injured.", 3),
        ("Two of the dead were killed by a collapsing wall.", 2),
        ("The death toll rose to five, officials said.", 5),
        ("Japan earthquake: at least 3 dead after magnitude-6.8 quake hits Aomori", 3),
    ],
)
def test_death_tolls_count_deaths(text: str, value: int) -> None:
    [n] = [n for n in numbers(text) if n.unit not in ("magnitude", "injured")]  # "dozens injured" counts apart
    assert n.value.low == value
    assert n.unit == "deaths"
    assert n.extra.get("unit_inferred") or "dead" in text


@pytest.mark.parametrize(
    "text",
    [
        "Shoppers scattered and two people suffered minor injuries after the scaffolding gave way.",
        "Three firefighters sustained serious burns in the blaze.",
        "Two people were treated for minor injuries at the scene.",
    ],
)
def test_suffering_or_being_treated_for_injuries_counts_the_injured(text: str) -> None:
    [n] = [n for n in numbers(text) if n.extra.get("role")]
    assert n.extra["role"] == "injured"


@pytest.mark.parametrize(
    "text,value,unit",
    [
        ("The two longest waits belong to Harwick with 112 years and Dunmore with 64.", 64, "years"),
        ("Teenagers average nine hours of screen time a day, and children average six.", 6, "hours"),
        ("The count of his days in office had just turned from 99 days to 100.", 100, "days"),
    ],
)
def test_a_number_ending_its_clause_in_parallel_counts_the_noun_before(text: str, value: int, unit: str) -> None:
    n = numbers(text)[-1]
    assert (n.value.low, n.unit) == (value, unit)


def test_a_bare_number_never_takes_a_neighbouring_number_word_as_its_noun() -> None:
    n = numbers("Thirty people died when the bus plunged into the river; 12 of them were pupils.")[-1]
    assert (n.value.low, n.unit) == (12, "people")


def test_people_that_are_not_dead_stay_people() -> None:
    [n] = numbers("The company employs about 28,000 people in Germany.")
    assert n.unit == "people"


def test_speaker_is_never_a_place_and_pronouns_resolve() -> None:
    text = (
        "Belarus freed Ales Bialiatski on Saturday.\n"
        "Bialiatski, 63, the founder of Viasna, appeared thin as he stepped off a bus in Vilnius, the "
        "Lithuanian capital, where supporters waited.\n"
        '"I have walked out of prison," he said, "but my friends are still behind bars."\n'
        "Maria Kolesnikova, a flautist, had served five years. She was taken to Ukraine.\n"
        "The opposition in exile, led by Sviatlana Tsikhanouskaya from Vilnius, greeted the news with "
        "relief. The regime, she said, «keeps taking new hostages»."
    )
    assert [q.speaker for q in quotes(text)] == ["Ales Bialiatski", "Sviatlana Tsikhanouskaya"]


@pytest.mark.parametrize(
    "text",
    [
        "Opposition leader Sviatlana Tsikhanouskaya, who lives in exile in Lithuania, called the releases "
        'good news, but said Lukashenko\'s government "keeps taking new hostages".',
        "The exiled opposition leader Sviatlana Tsikhanouskaya welcomed the news but warned that the "
        'authorities in Minsk "keep taking new hostages", with fresh arrests reported.',
    ],
)
def test_partial_quote_after_coordinated_verb_takes_the_sentence_subject(text: str) -> None:
    [q] = quotes(text)
    assert q.speaker == "Sviatlana Tsikhanouskaya"


def test_pronoun_prefers_the_subject_named_just_before() -> None:
    text = (
        "Sviatlana Tsikhanouskaya told the BBC the releases were a relief, but said the regime "
        "“keeps taking new hostages”.\n"
        "Bialiatski, 63, the founder of the Viasna human rights centre, was among those taken to "
        "Lithuania. “I have walked out of prison, but my friends are still behind bars,” he told reporters."
    )
    assert [q.speaker for q in quotes(text)] == ["Sviatlana Tsikhanouskaya", "Bialiatski"]


def test_modifier_is_not_a_speaker_and_role_subjects_speak() -> None:
    [q] = quotes("“Price is now the battlefield,” said one Hong Kong-based analyst.")
    assert q.speaker == "one Hong Kong-based analyst"
    text = (
        "“We showed character,” Silva said.\n"
        "The Brighton head coach said his side had been punished. “We played well for 70 minutes, but in "
        "this league that is not enough,” he said."
    )
    assert [q.speaker for q in quotes(text)] == ["Silva", "the Brighton head coach"]


def test_a_describing_word_before_a_name_is_not_part_of_the_speaker() -> None:
    text = (
        "Former Facebook and Google staff start a campaign\n"
        "Two former staff of the firms began a campaign on Monday.\n"
        "Facebook said it is “a welcome part of how families keep in touch”.\n"
        "“We take our responsibility seriously and we will keep working on it,” it said."
    )
    assert [q.speaker for q in quotes(text)] == ["Facebook", "Facebook"]


def test_a_curly_quote_closed_by_a_straight_mark_ends_there() -> None:
    text = (
        "Chief Marta Ilves said she hopes the arrest serves as a warning.\n"
        "“If a stranger asks for your bank code, just hang up,\" Police Chief Marta Ilves said in a statement. "
        "\"Never give out personal details over the phone to someone you don’t know. Most of the time, it’s a scam.”"
    )
    assert [(q.text, q.speaker) for q in quotes(text)] == [
        ("If a stranger asks for your bank code, just hang up,", "Marta Ilves"),
        ("Never give out personal details over the phone to someone you don’t know. Most of the time, it’s a scam.",
         "Marta Ilves"),
    ]  # fmt: skip
    nested = "“The plan is a \"disaster,\" and we will fight it in every court,” the mayor, Jane Porter, said."
    assert [q.text for q in quotes(nested)] == ['The plan is a "disaster," and we will fight it in every court,']


def test_a_describing_compound_or_a_contraction_is_not_a_name() -> None:
    text = (
        "Jane Doe and John Roe have split up after four years.\n"
        "The Oscar-nominated actress broke the news on Monday. “We just work on different continents "
        "and it got hard,” she wrote."
    )
    assert [q.speaker for q in quotes(text)] != ["Oscar-nominated"]
    text = "Doe explained that it got hard.\nShe wrote: “Felt we should tell you so you stop asking, 'How's John?'”"
    assert [q.speaker for q in quotes(text)] == ["Doe"]


def test_a_bare_group_credit_names_the_group_named_before() -> None:
    text = (
        "The human rights group Viasna said more than 430 people had been freed since July 2024. "
        "The group says 1,110 people are still held on political charges."
    )
    numbers = [c for c in extract_claims(text, {}) if c.kind == "number"]
    assert [c.cites for c in numbers] == ["human rights group Viasna"] * 2
    # With no named antecedent, the credit stays as written.
    alone = [c for c in extract_claims("The group says 1,110 people are still held.", {}) if c.kind == "number"]
    assert alone[0].cites and alone[0].cites.lower().endswith("group")


def test_alias_prefilter_never_changes_which_outlets_are_credited(monkeypatch: pytest.MonkeyPatch) -> None:
    """The word prefilter in front of the alias regex only skips sentences the regex cannot match:
    the same credits with it and without it, on the demo corpus and on names with articles and
    punctuation in them."""
    from claimcheck.claims import citations
    from claimcheck.claims.sentences import split_sentences
    from claimcheck.config import parse_sources
    from claimcheck.demo.corpus import corpus_dir
    from claimcheck.ingest.extract import extract_page

    corpus = corpus_dir()

    aliases = {"The Western Courier": "wc", "RFE/RL": "rferl", "AP": "ap", "Al Jazeera": "aj", "BBC News": "bbc"}
    outlets_yaml = (corpus / "outlets.yaml").read_text().replace("{{BASE}}", "http://127.0.0.1:1")
    aliases.update(parse_sources(outlets_yaml).alias_map())
    sentences = [
        "The Western Courier reported the figure first.",
        "According to RFE/RL, 40 people were detained.",
        "Officials told the AP on Friday that talks had stalled.",
        "Al-Jazeera said nothing; al jazeera's reporters told Al  Jazeera viewers, citing BBC News.",
        "the western couriers said",  # not the name
    ]
    for page in sorted(corpus.rglob("*.html")):
        text = extract_page(page.read_bytes(), "http://127.0.0.1/" + page.name).text
        sentences += [s.text for s in split_sentences(text)]
    with_filter = [citations._outlet_credits(s, aliases) for s in sentences]
    monkeypatch.setattr(citations, "_alias_keys", lambda items: None)  # the regex on every sentence
    citations._LAST.clear()
    without = [citations._outlet_credits(s, aliases) for s in sentences]
    assert with_filter == without
    assert sum(map(len, without)) >= 5  # the sentences do credit outlets


# Issue 12, section 2: what real text breaks. Sentences written for claimcheck.


def test_counted_thing_comes_from_the_numbers_own_noun_phrase() -> None:
    eight, wounded = numbers("Gunmen raided the village, killing at least eight villagers and wounding 75.")
    assert (eight.value.low, eight.unit, eight.extra["role"]) == (8, "villagers", "deaths")
    assert (wounded.value.low, wounded.unit, wounded.extra["role"]) == (75, "injured", "injured")
    total, hospitals = numbers("Officials said a total of 34 had been taken to three hospitals.")
    assert (total.value.low, total.unit, total.extra["role"]) == (34, "hospitalised", "hospitalised")
    assert (hospitals.value.low, hospitals.unit) == (3, "hospitals") and "role" not in hospitals.extra
    won, seats = numbers("The alliance won 61 of the 120 seats.")
    assert (won.value.low, won.unit) == (61, "seats") and "unit_inferred" not in won.extra
    assert (seats.value.low, seats.unit) == (120, "seats")


@pytest.mark.parametrize(
    "text,unit,role",
    [
        ("Two civilians were killed in the shelling.", "civilians", "deaths"),
        ("The strike killed 14 people.", "deaths", "deaths"),
        ("Five people were injured when the roof fell.", "people", "injured"),
        ("The attack wounded 75.", "injured", "injured"),
        ("The collapse left 112 others hurt.", "injured", "injured"),
        ("At least 20 people were taken to hospital.", "people", "hospitalised"),
        ("Nine fishermen remain missing.", "fishermen", "missing"),
        ("Another nine missing were found alive.", "missing", "missing"),
        ("More than 2,000 residents were evacuated overnight.", "residents", "evacuated"),
        ("Police arrested 17 people at the march.", "people", "arrested"),
        ("Three members of the crew were killed.", "members", "deaths"),
        ("The death toll has risen to 41.", "deaths", "deaths"),
        ("Dozens were treated in hospital for minor injuries.", "hospitalised", "hospitalised"),
    ],
)
def test_roles_come_from_verbs(text: str, unit: str, role: str) -> None:
    [n] = numbers(text)
    assert (n.unit, n.extra.get("role")) == (unit, role)
    if n.unit == "people":
        assert n.extra["unit_role"] == role  # the matcher's hint for generic people


def test_no_role_without_a_role_verb() -> None:
    [n] = numbers("The company employs about 28,000 people in Germany.")
    assert "role" not in n.extra and n.unit == "people"
    [n] = numbers("Thousands attended the rally in the capital.") or [None]
    assert n is None  # a bare plural number word counts nothing named


@pytest.mark.parametrize(
    "text,value,unit,measure",
    [
        ("Wardens tranquilised a 300-pound bear.", 300, "lb", "weight"),
        ("The bear, a 300lb male, was released.", 300, "lb", "weight"),
        ("The animal weighed over 300 pounds.", 300, "lb", "weight"),
        ("The thermometer reached 41.5C on Wednesday.", 41.5, "°C", "temperature"),
        ("Temperatures fell to minus 5C overnight.", -5, "°C", "temperature"),
        ("It was 40 degrees Celsius in the shade.", 40, "°C", "temperature"),
        ("Winds of 20mph are forecast.", 20, "mph", "speed"),
        ("The car reached 250 miles per hour.", 250, "mph", "speed"),
        ("The trains run at 300 km/h.", 300, "km/h", "speed"),
        ("The fire spread over 12 km of forest.", 12, "km", "distance"),
        ("The wave reached a height of 4 metres.", 4, "m", "distance"),
        ("Rescuers have dug only 13m down the shaft.", 13, "m", "distance"),
        ("A 40-foot section of the pier collapsed.", 40, "ft", "distance"),
        ("The lorry carried 20 tonnes of grain.", 20, "tonnes", "weight"),
        ("Police seized 3kg of cocaine.", 3, "kg", "weight"),
        ("Turnout was 40%.", 40, "percent", "percent"),
        ("He was fined 300 pounds.", 300, "pounds", "money"),
        ("Revenue was $1.2bn.", 1.2e9, "dollars", "money"),
    ],
)
def test_measures_have_one_unit_and_a_dimension(text: str, value: float, unit: str, measure: str) -> None:
    [n] = numbers(text)
    assert n.value.low == pytest.approx(value) and n.value.high == pytest.approx(value) or n.value.high is None
    assert (n.unit, n.extra["measure"]) == (unit, measure)


def test_a_measure_compound_is_never_the_counted_thing() -> None:
    [n] = numbers("Rangers found a 300-pound male near the campsite.")
    assert n.unit == "lb" and n.extra["measured"] == "male"
    [n] = numbers("The firm earned $13m and more.")
    assert n.value.low == 13e6 and n.unit == "dollars"  # "m" after a currency is a scale, not metres


@pytest.mark.parametrize(
    "text,value,unit",
    [
        ("7 U.S. soldiers were wounded in the attack.", 7, "soldiers"),
        ("The U.N. sent 40 observers.", 40, "observers"),
        ("About 2,500 U.S. troops are based there.", 2250, "troops"),
        ("Chipmaker Makes $48 Billion Offer For Rival", 48e9, "dollars"),
        ("Streaming Service Passes 3.1 Million Subscribers", 3.1e6, "subscribers"),
    ],
)
def test_dotted_abbreviations_are_words_and_capitalised_scales_count(text: str, value: float, unit: str) -> None:
    [n] = numbers(text)
    assert n.value.low == pytest.approx(value)
    assert n.unit.split()[-1] == unit


@pytest.mark.parametrize(
    "text,low,high,unit",
    [
        ("Three dozen homes were destroyed.", 36, 36, "homes"),
        ("Two dozen people waited outside.", 24, 24, "people"),
        ("Half a dozen cars burned.", 6, 6, "cars"),
        ("Dozens of protesters gathered.", 24, 100, "protesters"),
        ("The blast left dozens injured.", 24, 100, "injured"),
        ("Hundreds of families fled.", 200, 1000, "families"),
        ("Thousands of soldiers moved in.", 2000, 1e5, "soldiers"),
        ("Hundreds of thousands of customers lost power.", 2e5, 1e6, "customers"),
    ],
)
def test_number_words(text: str, low: float, high: float, unit: str) -> None:
    [n] = numbers(text)
    assert (n.value.low, n.value.high, n.unit) == (low, high, unit)


@pytest.mark.parametrize(
    "text",
    [
        "Anyone with information can call the hotline on 0800 123 4567.",
        "The club finished third in the 2019-20 season.",
        "The mayor, 61, said the town would rebuild the bridge.",
        "He moved in with his partner, Ann Lee, 62.",
        "The tournament runs between June 8 and 25, organisers said.",
        "Photo 3 of 12",
        "Hide Caption 1 of 8",
        "The striker Jones (10) shot wide.",
        "Screens of 1920x1080 or more are recommended.",
        "Registration number: 130349",
    ],
)
def test_more_things_that_are_not_quantities(text: str) -> None:
    assert numbers(text) == []


def test_counts_next_to_not_quantities_stay() -> None:
    assert [n.value.low for n in numbers("The ferry carried 300 people, 40 cars and 12 lorries.")] == [300, 40, 12]
    assert [n.value.low for n in numbers("In 2019, 45 people died.")] == [45]


@pytest.mark.parametrize(
    "text,quoted,speaker",
    [
        ("'We did what we had to do,' Hughes said after the verdict.", "We did what we had to do", "Hughes"),
        ("‘We will not give up,’ the minister said.", "We will not give up", "minister"),
        ("'I don't regret a thing,' the singer's manager told the court.", "I don't regret a thing", "manager"),
        (
            "The Smiths' neighbour said: 'They were good people, and we'll miss them.'",
            "They were good people, and we'll miss them",
            "neighbour",
        ),
        (
            "'He told me \"get out now\" and I ran,' the witness said.",
            'He told me "get out now" and I ran',
            "witness",
        ),
        (
            'The coach told reporters that the team would "fight until the last minute".',
            "fight until the last minute",
            "coach",
        ),
    ],
)
def test_single_quoted_quotes_and_role_speakers(text: str, quoted: str, speaker: str) -> None:
    [q] = quotes(text)
    assert q.text.rstrip(",.") == quoted
    assert q.speaker is not None and q.speaker.split()[-1] == speaker


def test_a_single_quoted_quotation_over_several_paragraphs() -> None:
    # British style: each paragraph of a long quotation opens with a mark, only the last one closes
    text = (
        "The club released its accounts on Monday.\n"
        "'We have spent within our means for a decade,' the chairman Alan Pryce said.\n"
        "'Nobody here wanted a sale of the ground.\n"
        "'But the bank asked for its money back, and we had no other choice left.\n"
        "'We will rebuild the squad from the academy.'\n"
        "'Tis the season for bad news, one fan wrote online.\n"
        "The players' union made no comment."
    )
    got = [(q.text.rstrip(",."), q.speaker) for q in quotes(text)]
    assert got == [
        ("We have spent within our means for a decade", "Alan Pryce"),
        ("Nobody here wanted a sale of the ground", "Alan Pryce"),
        ("But the bank asked for its money back, and we had no other choice left", "Alan Pryce"),
        ("We will rebuild the squad from the academy", "Alan Pryce"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Jones' lawyer said the band played rock 'n' roll in the 1990s and didn't break any rules.",
        "He loved the '60s and the '70s, and the Beatles' records most of all.",
        "Critics called it 'a disaster' on Monday.",  # a two-word scare quote
    ],
)
def test_apostrophes_are_not_quotes(text: str) -> None:
    assert quotes(text) == []


def test_roles_second_round() -> None:
    _, hurt = numbers("Three people were taken to hospital while 20 others were slightly hurt.")
    assert (hurt.unit, hurt.extra["role"], hurt.extra["unit_written"]) == ("injured", "injured", "others")
    [n] = numbers("More than 400 women came forward as victims of the fraud.")
    assert n.unit == "women" and "role" not in n.extra  # victims of a fraud are not dead
    [n] = numbers("Five victims were killed in the crash.")
    assert n.unit == "deaths"


def test_the_whole_of_a_part_takes_no_role() -> None:
    # round 12: "40 of the 100 passengers were injured" gave 100 injured too (a false conflict with 40 waiting)
    part, whole = numbers("Officials said 35 of the 120 tourists were hurt in the crash.")
    assert (part.value.low, part.extra.get("role")) == (35, "injured")
    assert (whole.value.low, whole.unit, whole.extra.get("role")) == (120, "tourists", None)
    [whole] = numbers("Most of the 300 workers were evacuated on Monday.")
    assert whole.extra.get("role") is None
    # stays: all of them share the role; a part before no "of" is no part
    [n] = numbers("All of the 80 miners were taken to hospital.")
    assert n.extra.get("role") == "hospitalised"
    dead, hurt = numbers("Ten people were killed and 40 injured in the crash.")
    assert (dead.extra.get("role"), hurt.extra.get("role")) == ("deaths", "injured")


def test_a_role_after_a_coordinated_passive_or_an_apposition() -> None:
    # round 12: "were rescued ... and later taken to hospital" and "Three hikers, all students, were found dead"
    [n] = numbers("The two divers, both women, were pulled from the sea by a fishing boat and later taken to hospital.")
    assert n.extra.get("role") == "hospitalised"
    [n] = numbers("Six fans were surrounded by stewards and arrested after the match.")
    assert n.extra.get("role") == "arrested"
    [n] = numbers("Three hikers, all students, were found dead on Sunday.")
    assert n.extra.get("role") == "deaths"
    toll, part = numbers("At least 14 people, including three children, died when the ferry sank.")
    assert (toll.unit, part.unit, part.extra.get("role")) == ("deaths", "children", "deaths")
    # stay: each number its own role; a passive joined to no role; an active verb after "and"
    arrested, hurt = numbers("Five people were arrested and two were injured in the clashes.")
    assert (arrested.extra.get("role"), hurt.extra.get("role")) == ("arrested", "injured")
    [n] = numbers("The 12 workers were questioned and released on Friday.")
    assert n.extra.get("role") is None


@pytest.mark.parametrize(
    "text",
    ["Her brother said he could be as old as 32."],  # ("on lap 48" is an ordinal of laps: facts17)
)
def test_series_numbers_and_ages_are_not_counts(text: str) -> None:
    assert numbers(text) == []


def test_number_words_inside_names_and_area_compounds() -> None:
    [n] = numbers("Two Formula One teams protested the result.")
    assert n.value.low == 2 and n.unit.split()[-1] == "teams"
    [n] = numbers("Crews cleared an 800-square metre area around the shaft.")
    assert (n.value.low, n.unit, n.extra["measure"], n.extra["measured"]) == (800, "m²", "area", "area")


def test_a_number_counts_a_plural_name_after_it() -> None:
    # issue 12 round 12 (fresh labels): "the six Infinity Stones" was no claim, a name's plural read as a name
    [n] = numbers("The villain sets out to gather the six Power Gems, which would make him unbeatable.")
    assert (n.value.low, n.unit) == (6, "power gems")
    [n] = numbers("The singer has been nominated for three Grammy Awards this year.")
    assert (n.value.low, n.unit) == (3, "grammy awards")
    # stay names: the number capitalised inside a band's or a firm's name
    assert numbers("Tickets to see Nine Inch Nails went on sale on Friday.") == []
    assert numbers("She signed a deal with Two Tone Records last spring.") == []


def test_odd_and_plus_after_a_number_are_its_bound_not_its_noun() -> None:
    # round 12: "100-odd humans" counted "odd humans", "1,000-plus members" counted "plus members"
    [n] = numbers("The captain's news mattered to the 200-odd travellers on board.")
    assert (n.unit, n.qualifier, n.value.low, n.value.high) == ("travellers", "about", 180, 220)
    [n] = numbers("The club now has 1,000-plus members across the region.")
    assert (n.unit, n.qualifier, n.value.low) == ("members", "at least", 1000)
    [n] = numbers("Some 40-odd years ago the river burst its banks.")
    assert (n.unit, n.qualifier) == ("years", "about")
    # stay as they were: a measure compound, and "odd" that is no suffix of the number
    [n] = numbers("Rangers caught a 300-pound bear near the camp.")
    assert (n.unit, n.qualifier) == ("lb", "exact")
    [n] = numbers("It was odd that 100 people came to the meeting.")
    assert (n.unit, n.qualifier, n.value.low) == ("people", "exact", 100)


def test_a_rate_is_a_fraction_of_its_noun_not_a_count() -> None:
    # round 12: "one in five adults" was a count of five adults, "1 in 10 workers" two counts of workers
    [n] = numbers("A new survey suggests one in five adults now works from home.")
    assert (n.value.low, n.unit) == (0.2, "adults")
    [n] = numbers("Roughly 1 in 10 workers said they had been bullied.")
    assert (n.value.low, n.value.high, n.unit) == (pytest.approx(0.09), pytest.approx(0.11), "workers")
    # stay counts: a count per time, "out of" a series of games, a place
    assert [(n.value.low, n.unit) for n in numbers("The striker scored two in three minutes.")] == [(3, "minutes")]
    assert (4, "games") in [(n.value.low, n.unit) for n in numbers("They won three out of four games.")]
    assert [(n.value.low, n.unit) for n in numbers("Police in two cities held 30 people.")] == [
        (2, "cities"),
        (30, "people"),
    ]
    # a score's loser's figure before "in" (first written, it took a score of the tuning set for a rate)
    assert (10, "innings") in [(n.value.low, n.unit) for n in numbers("The visitors won 5-4 in 10 innings.")]


def test_fractions_near_and_addresses() -> None:
    [n] = numbers("They hoped to settle a near 1-1/2 year border dispute.")
    assert (n.value.low, n.value.high, n.qualifier) == (pytest.approx(1.38), 1.5, "nearly")
    [n] = numbers("The river rose 2½ metres.")
    assert (n.value.low, n.unit) == (2.5, "m")
    assert numbers("He lives near 10 Downing Street.") == []
    assert numbers("The firm's offices are at 1600 Main Street.") == []


def test_compound_nouns_joined_by_and_but_not_lists() -> None:
    [n] = numbers("Some 13,000 search and rescue workers were deployed.")
    assert n.unit == "search and rescue workers"
    assert [n.unit for n in numbers("The ferry carried 40 cars and 12 lorries.")] == ["cars", "lorries"]
    [n] = numbers("She adopted 5 cats and dogs.")
    assert n.unit == "cats"


@pytest.mark.parametrize(
    "text,unit,role",
    [
        ("Two policemen wounded in the clash were flown home.", "policemen", "injured"),
        ("Airstrikes left 12 civilians killed.", "civilians", "deaths"),
        ("Rescuers found five missing children.", "missing children", "missing"),
        ("A convoy brought 12 injured soldiers home.", "injured soldiers", "injured"),
    ],
)
def test_a_participle_after_or_before_the_noun_gives_its_role(text: str, unit: str, role: str) -> None:
    [n] = numbers(text)
    assert (n.unit, n.extra.get("role")) == (unit, role)


def test_single_quote_pairing_stays_linear() -> None:
    # pairing every mark with every later one took ~3 s at n=4; a ratio of two sizes, not a wall-clock limit,
    # so a loaded machine does not fail it: linear work grows ~4x from n=2 to n=8, quadratic ~16x. CPU time of
    # this process, the best of 3 taken in turns: at a load average of 12 on 2 cores, wall-clock time once gave 14x
    texts = {n: "'ab' " * 1250 * n + "Jones' dog " * 750 * n + "'x" * 750 * n for n in (2, 8)}
    best = {n: float("inf") for n in texts}
    for _ in range(3):
        for n, nasty in texts.items():
            t0 = time.process_time()
            extract_claims(nasty, ALIASES)
            best[n] = min(best[n], time.process_time() - t0)
    small, large = best[2], best[8]
    assert large < 12 * small, (small, large)


@pytest.mark.parametrize(
    "text",
    [
        "The club were 1-2 in cup finals under her.",
        "Owners over the age of 18 can apply.",
        "The feature came with Android 8.1 and the console's update 5.50.",
        "She was sitting in aisle 14.",
        "Astronomers studied a galaxy designated RXJ1131-1231.",
    ],
)
def test_records_ages_versions_and_codes_are_not_counts(text: str) -> None:
    assert numbers(text) == []


def test_a_win_loss_record_is_a_record_not_a_range() -> None:
    # scores and records are number claims (claims/scores.py): the record as one claim, never "7-8" of a thing
    assert [(n.text, n.unit, n.extra.get("score")) for n in numbers("The team went 7-8-1 last season.")] == [
        ("7-8-1", "record", "7-8-1")
    ]


def test_ranges_that_name_what_they_count_stay() -> None:
    assert [(n.value.low, n.value.high, n.unit) for n in numbers("Between 100-150 people came.")] == [
        (100, 150, "people")
    ]
    [n] = numbers("The firm had around 63,000 cancelled orders.")
    assert n.unit == "cancelled orders"
    _, overs = numbers("The match was abandoned after 31 of 50 scheduled overs.")
    assert overs.unit == "scheduled overs"


def test_it_said_names_the_body_that_spoke_before() -> None:
    text = (
        "The inquiry was closed, the Swedish Prosecution Authority said. "
        '"The evidence has weakened considerably over time," it added.'
    )
    [q] = quotes(text)
    assert q.speaker == "Swedish Prosecution Authority"
    [q] = quotes('"We had no choice in the matter," it said.')
    assert q.speaker is None  # no body named before


def test_role_nouns_with_of() -> None:
    evac, dead = numbers("Officials ordered the evacuation of 3,000 residents after the deaths of 12 people.")
    assert (evac.unit, evac.extra["role"]) == ("residents", "evacuated")
    assert (dead.unit, dead.extra["role"]) == ("deaths", "deaths")
    [n] = numbers("The arrests of 40 protesters drew criticism.")
    assert n.extra["role"] == "arrested"


@pytest.mark.parametrize(
    "text,low,high,unit",
    [
        ("The deal is worth $5-10m.", 5e6, 10e6, "dollars"),
        ("The state announced Rs 500 crore for relief.", 5e9, 5e9, "rupees"),
        ("Each family gets Rs. 2 lakh from the fund.", 2e5, 2e5, "rupees"),
    ],
)
def test_money_ranges_and_indian_scales(text: str, low: float, high: float, unit: str) -> None:
    [n] = numbers(text)
    assert (n.value.low, n.value.high, n.unit, n.extra["measure"]) == (low, high, unit, "money")


def test_one_of_a_group_is_not_a_count() -> None:
    [n] = numbers("Kolesnikova, one of three women who led the protests, was freed.")
    assert (n.value.low, n.unit) == (3, "women")


def _has_type(value: object, tp: object) -> bool:
    """Whether a JSON-like ``value`` fits the annotation ``tp`` (int, str, bool, unions, lists)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return any(_has_type(value, t) for t in typing.get_args(tp))
    if origin is list:
        (item,) = typing.get_args(tp)
        return isinstance(value, list) and all(_has_type(v, item) for v in value)
    if tp is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, tp)


def test_claim_details_follow_their_declared_shape() -> None:
    """Every detail the extractors write is a key of ``ClaimDetails``, of its declared type, never None,
    and comes back the same from the stored JSON (the demo corpus exercises every kind)."""
    declared = typing.get_type_hints(ClaimDetails)
    seen: set[str] = set()
    # sentences of our own exercise the scores', the ordinals' and a resolved credit's keys (the demo corpus has none)
    credit = 'Health Minister Jo Lamb toured a ward.\n"We will open two more clinics this winter," the minister said.'
    for text in [*demo_texts(), "The home side won 27-10 on a wet Sunday.", "It was their third straight title.", credit,
                     "Police named 18-year-old Jo Reyes as the driver.", "The rookie was 9 of 14 for 120 yards."]:
        for c in extract_claims(text, ALIASES):
            assert "sentence_start" in c.extra, c
            for key, value in c.extra.items():
                assert key in declared, (key, c.kind)
                assert _has_type(value, declared[key]), (key, value)
                seen.add(key)
            stored = json.loads(json.dumps(c.fields_json()))
            assert Claim.from_row(c.kind, c.text, c.sentence, c.start, c.end, stored) == c
    assert seen == set(declared)  # every declared key is one the extractors really write


def test_adjectives_and_adverbs_before_the_counted_noun_belong_to_it() -> None:
    """A number word whose noun comes after -ing/-ed adjectives, -ly adverbs or "or"/"and" still counts it."""
    cases = {
        "The council will vote on two pending pieces of legislation next month.": ("two", "pieces"),
        "The photo shows three blurred background galaxies near the centre.": ("three", "galaxies"),
        "The report names nine current or former cabinet ministers.": ("nine", "ministers"),
        "She left after four largely happy and mostly quiet summers at the club.": ("four", "summers"),
    }
    for sentence, (word, head) in cases.items():
        got = numbers(sentence)
        assert len(got) == 1, sentence
        assert got[0].text.lower().startswith(word) and got[0].unit.split()[-1] == head, (sentence, got[0].unit)
    # an adjective in -ly before a plural noun is not an adverb: "263 daily newspapers" counts newspapers
    (c,) = numbers("The chain owns 263 daily newspapers across the country.")
    assert c.unit == "daily newspapers"


def test_scale_words_after_a_and_half_a_and_hyphenated_bounds() -> None:
    (c,) = numbers("The party lost more than a million voters in the spring vote.")
    assert (c.value.low, c.value.high, c.unit) == (1e6, None, "voters")
    (c,) = numbers("The exchange lost nearly half a billion dollars of tokens.")
    assert c.value.high == 5e8 and c.unit == "dollars"
    (c,) = numbers("The more-than 40 million records were leaked to reporters.")
    assert c.value.low == 4e7 and c.value.high is None


def test_a_qualified_year_like_figure_before_a_plural_noun_is_a_count() -> None:
    (c,) = numbers("Each star may host roughly 1900 comets, the team estimates.")
    assert c.value.contains(1900) and c.unit == "comets"
    assert numbers("Since 2000 prices have doubled.") == []


def test_such_before_the_counted_noun_is_a_determiner() -> None:
    (c,) = numbers("At least 40 such crossings were seen last month.")
    assert c.unit == "crossings"


def test_since_after_a_first_or_a_superlative_dates_the_comparison_not_the_count() -> None:
    (c,) = numbers("The club won 3-0 after 12 rounds to claim its first league title since 1987.")[-1:]
    assert c.text == "12 rounds" and c.when is None
    (c,) = numbers("Exports rose to 4.1 percent, the fastest pace since 2011.")
    assert c.when is None
    (c,) = numbers("More than 430 prisoners have been freed since July 2024.")
    assert c.when == "since July 2024"


def test_the_sentence_after_a_quote_does_not_name_its_speaker() -> None:
    text = (
        "Critics recalled the kind of tribute the late composer once branded “the cheapest trick in the book”. "
        "The plan was dropped when Marta Ruiz, his former pianist, tweeted that he would have hated it."
    )
    (q,) = quotes(text)
    assert q.speaker != "Marta Ruiz"


def test_fractions_are_figures_of_the_whole_after_of() -> None:
    [n] = numbers("The new chip draws about 1/10th of the power of the main processor.")
    assert (n.value.low, n.value.high, n.qualifier, n.unit) == (pytest.approx(0.09), pytest.approx(0.11), "about",
                                                                 "power")  # fmt: skip
    [n] = numbers("Two-thirds of the members voted against the plan.")
    assert (round(n.value.low, 3), n.unit) == (0.667, "members")
    [n] = numbers("A tenth of the harvest was lost to the frost.")
    assert (n.value.low, n.unit) == (0.1, "harvest")
    # a date written with a slash is not a fraction
    assert [n.value.low for n in numbers("The 9/11 memorial drew 4 million visitors.")] == [4e6]


def test_a_thousands_group_split_by_a_space_is_one_figure() -> None:
    [n] = numbers("The city will put some 2, 400 extra officers on patrol.")
    assert (n.value.low, n.value.high, n.unit, n.text) == (2160, 2640, "officers", "some 2, 400 extra officers")
    # a list of figures, or a day of a month before the figure, keeps its figures apart
    assert [n.value.low for n in numbers("Their scores were 7, 100 and 3 points.")] == [7, 100, 3]
    [n] = numbers("On March 3, 300 villagers were evacuated.")
    assert n.value.low == 300


def test_twice_counts_two_times_but_twice_as_much_is_no_count() -> None:
    [n] = numbers("The referee stopped the match twice because of the storm.")
    assert (n.value.low, n.unit, n.text) == (2, "times", "twice")
    assert numbers("Rents are twice as high as a decade ago.") == []
    assert numbers("The new hall is twice the size of the old one.") == []


def test_a_ratio_of_two_figures_gives_its_whole_to_matching() -> None:
    from claimcheck.match.blocking import ratio_whole

    first, whole = numbers("The rookie was 9 of 14 for 120 yards.")[:2]
    assert (first.value.low, ratio_whole(first), whole.value.low, ratio_whole(whole)) == (9, 14, 14, None)
    [n, _] = numbers("He converted nine out of 14 attempts.")
    assert (n.value.low, ratio_whole(n), n.unit) == (9, 14, "of 14 attempts")  # the part carries its whole (rows23)


def test_heads_of_state_is_one_title_and_a_name_before_a_count_of_times_is_no_identifier() -> None:
    [_, n] = numbers("The files named 90 politicians, including 7 current or former heads of state.")
    assert (n.value.low, n.unit) == (7, "current or former heads of state")
    [n] = numbers("Tankers sailed from the port to South Korea 14 times since June.")
    assert (n.value.low, n.unit, n.when) == (14, "times", "since June")
    assert numbers("The Apollo 11 crew returned home.") == []


def test_a_span_up_to_now_is_read_as_a_span_but_not_fronted_onto_a_stock() -> None:
    [n, _] = numbers("The border was crossed at least 40 times in the past two weeks.")
    assert (n.value.low, n.when) == (40, "in the past two weeks")
    [n] = numbers("Over the past year, auditors combed through 2.3 million receipts.")
    assert (n.value.low, n.when) == (2.3e6, None)


def test_numbers_inside_names_addresses_and_ratios_are_no_quantities() -> None:
    # a number before a proper-noun chain names a programme, a building, a product or an event
    assert numbers("Members can follow the 90 Night Challenge or a gentler plan.") == []
    assert numbers("Staff were moved out of 4 Harbour Point Tower last spring.") == []
    assert numbers("Nobody knows whether the 15-inch ThinkPad Carbon will get the new chip.") == []
    assert numbers("She took gold in the 400 metre Individual Medley final.") == []
    assert numbers("Police found the car outside 2250 E. Market Road on Friday.") == []
    assert numbers("The studio shot the series on 21:9 cameras.") == []
    assert numbers("It was a remake of a cartoon from the ’90 season.") == []
    # ... but a chain before a plural noun, a counted body or a demonym is a count
    [n] = numbers("The league fined 14 Premier League clubs in May.")
    assert (n.value.low, n.unit) == (14, "premier league clubs")
    assert [n.value.low for n in numbers("The governor sent 2,000 National Guard to the border.")] == [2000]
    assert [n.value.low for n in numbers("The strike killed 12 Syrians near the border.")] == [12]


def test_one_as_a_determiner_is_no_count_but_one_person_or_death_is() -> None:
    assert numbers("Apart from one slow opening chapter, the novel moves briskly.") == []
    assert numbers("There is one spot in the valley we still want to see.") == []
    assert numbers("Growth was held back by our One Roof Retail programme, the chief said.") == []
    assert [(n.value.low, n.unit) for n in numbers("Only one soldier was on duty that night.")] == [(1, "soldier")]
    assert [n.value.low for n in numbers("One person died when the roof fell in.")] == [1]
    assert numbers("The organisers said no one was injured in the blast.") == []


def test_a_bound_holds_across_additional_and_further() -> None:
    [n] = numbers("Buyers may take up to an additional 20 per cent of the stock.")
    assert (n.value.low, n.value.high, n.unit) == (0, 20, "percent")
    [n] = numbers("The plant could shed as many as a further 300 jobs.")
    assert (n.value.low, n.value.high) == (0, 300)


def test_a_measure_converted_in_brackets_keeps_the_bound() -> None:
    miles, km = numbers("The pigeon flew more than 500 miles (805 kilometres) back to its loft.")
    assert (miles.value.low, km.value.low, km.value.high, km.qualifier) == (500, 805, None, "more than")
    _, km = numbers("The pigeon flew 500 miles (805 kilometres) back to its loft.")
    assert (km.value.low, km.value.high) == (805, 805)


def test_the_two_and_all_three_point_back_but_a_role_or_the_three_counts() -> None:
    assert numbers("Trade talks between the two nations stalled again.") == []
    assert [n.value.low for n in numbers("Police said the two women suffered minor cuts.")] == [2]
    assert numbers("Publishers earn most by running all four ad formats together.") == []
    assert [n.value.low for n in numbers("The two men were arrested at the port.")] == [2]
    assert [n.value.low for n in numbers("She was among the three founders of the charity.")] == [3]
    assert [n.value.low for n in numbers("Rescuers said the two divers were found alive.")] == [2]
    assert [n.value.low for n in numbers("All four crew members reached the shore.")] == [4]


def test_a_plural_head_ends_the_counted_thing_before_its_verb() -> None:
    [n] = numbers("In the town, 40 corner shops open on Sundays.")
    assert n.unit == "corner shops"
    assert [n.unit for n in numbers("Officials said 12 arms dealers were charged.")][0].startswith("arms dealers")


def test_quote_speaker_after_a_title_chain_or_a_clause_tail_and_hyphenated_scare_quotes() -> None:
    [q] = quotes('"Sales grew in every region this quarter," chairman, CEO and president Ann Lowe said on Monday.')
    assert q.speaker is not None and q.speaker.endswith("Lowe")
    [q] = quotes('"Voters are not falling for" the scheme, Patel said at a rally in Leeds.')
    assert q.speaker is not None and q.speaker.endswith("Patel")
    assert quotes('Doctors called the condition "pillow-dust cough," in a new report.') == []


def test_citation_of_a_journal_behind_the_study_and_of_a_person_outside_quotes() -> None:
    def cites(text: str) -> list:
        return [c.cites for c in extract_claims(text, ALIASES) if c.kind == "citation"]

    assert cites("According to the report, published in Marine Policy Review, catches fell for a decade.") == [
        "Marine Policy Review"
    ]
    assert cites("Two men were held after a search of the flat, said Sgt. Ann Cole, a county police spokeswoman.") == [
        "Ann Cole"
    ]
    assert cites("A dog was later brought in and found the drugs in the boot, Cole said.") == ["Cole"]


def test_a_fact_box_figure_counts_what_its_label_names() -> None:
    box = "THE FERRY Length: 140 meters Decks: 7 Lifeboats: 12 Engines: 4 Cabins: 310 Capacity: 1,800 passengers"
    got = {(c.text, c.unit) for c in extract_claims(box) if c.kind == "number"}
    assert {("7", "decks"), ("12", "lifeboats"), ("4", "engines"), ("310", "cabins")} <= got
    # a colon in prose is no box: the noun after the figure is what it counts
    assert [c.unit for c in extract_claims("Officials said: 12 people were hurt in the blast.") if c.kind == "number"] == [
        "people"
    ]


def test_a_span_of_time_after_a_name_is_a_count_not_a_designation() -> None:
    got = [(c.text, c.unit) for c in extract_claims("The tape was handed over by Okafor 15 years after the shoot.")
           if c.kind == "number"]  # fmt: skip
    assert got == [("15 years", "years")]
    assert [c for c in extract_claims("Apollo 11 landed on the Moon.") if c.kind == "number"] == []

"""`claimcheck stories`: grouping (pure), the sample corpus through the real app, exports, bad input."""

from __future__ import annotations

import csv
import io
import json
import random
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
import stories_reference
from test_compare_demo import TRUTH, demo_store
from test_render import validate
from typer.testing import CliRunner

from claimcheck.cli.app import app
from claimcheck.models import Article, Outlet
from claimcheck.render.stories import SCHEMA, SCHEMA_ID, render
from claimcheck.store import Store
from claimcheck.stories import (
    StoryOptions,
    find_stories,
    group,
    index_articles,
    list_stories,
    story_id,
)

runner = CliRunner()
T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
OUTLETS = {
    "wire": Outlet("wire", "Wire Agency", wire=True),
    **{f"o{i}": Outlet(f"o{i}", f"Outlet {i}") for i in range(1, 6)},
}

# Two events, each told by several outlets in their own words (written for claimcheck), and one copy.
FLOOD = [
    ("Floods force 42 families from homes in Marlow as river bursts its banks",
     "The river Ashbourne burst its banks in Marlow on Monday, and 42 families were moved to shelters. "
     "Mayor Jana Okafor said flood barriers would be built before spring."),
    ("Marlow evacuates riverside streets after Ashbourne floods",
     "Emergency crews in Marlow moved 42 families out of riverside streets after the Ashbourne flooded. "
     "Okafor, the mayor, promised new flood barriers."),
    ("River Ashbourne floods Marlow for second time this month",
     "Water from the Ashbourne covered streets in Marlow, where officials said 42 families left their "
     "homes. Jana Okafor blamed years of delay on the flood barriers."),
]  # fmt: skip
PHONE = [
    ("Orion unveils Fold 4 foldable phone priced at 8,999 yuan",
     "Orion Mobile showed its Fold 4 in Shenzhen, a foldable phone that costs 8,999 yuan and is thinner "
     "than any rival, the company said."),
    ("Orion Fold 4: thinner foldable goes on sale in Shenzhen",
     "The Fold 4 from Orion Mobile will sell for 8,999 yuan. Analysts in Shenzhen said the foldable "
     "market is crowded."),
]  # fmt: skip


def art(outlet: str, title: str, text: str, hours: float, slug: str) -> Article:
    url = f"https://{outlet}.example/{slug}"
    return Article(outlet, url, url, title, text, slug, T0, published=T0 + timedelta(hours=hours))


def sample() -> list[Article]:
    arts = [art(f"o{i + 1}", t, x, i, f"flood-{i}") for i, (t, x) in enumerate(FLOOD)]
    arts += [art(f"o{i + 3}", t, x, 5 + i, f"phone-{i}") for i, (t, x) in enumerate(PHONE)]
    # a wire story, and an outlet running it under its own headline with the wire dateline
    wire_text = (
        "MARLOW (Wire Agency) - Forty-two families left their homes in Marlow after the river Ashbourne "
        "burst its banks, mayor Jana Okafor said, promising flood barriers."
    )
    arts.append(art("wire", "Marlow floods drive 42 families from homes", wire_text, -1, "wire-flood"))
    arts.append(art("o5", "Families flee Marlow floods", wire_text, 2, "copy-flood"))
    return arts


def test_two_events_are_two_stories_with_wire_copy_counted_as_compare_does() -> None:
    stories = find_stories(sample(), OUTLETS)
    assert [len(s.articles) for s in stories] == [5, 2]
    flood, phone = stories
    assert {a.url.rsplit("/", 1)[-1].split("-")[0] for a in flood.articles} == {"flood", "wire", "copy"}
    assert set(flood.outlets) == {"wire", "o1", "o2", "o3", "o5"}
    assert "o5" not in flood.independent_outlets and len(flood.independent_outlets) == 4
    assert flood.first_outlet == "wire" and flood.articles[0].published == T0 - timedelta(hours=1)
    assert [a.syndicated for a in flood.articles].count(True) == 1
    assert "Marlow" in flood.topic.split() and "Orion" in phone.topic.split() or "Fold" in phone.topic
    assert flood.label in {t for t, _ in FLOOD} | {"Marlow floods drive 42 families from homes"}


def test_story_id_comes_from_the_earliest_article_and_is_stable_under_reordering() -> None:
    arts = sample()
    first = find_stories(arts, OUTLETS)
    again = find_stories(list(reversed(arts)), OUTLETS)
    assert [s.id for s in first] == [s.id for s in again]
    earliest = min((a for a in arts if "flood" in a.url), key=lambda a: a.published)
    assert first[0].id == story_id(earliest) and first[0].id.startswith("s") and len(first[0].id) == 11


def test_every_article_is_in_exactly_one_story() -> None:
    arts = sample() + [
        art("o4", "Chess club wins county final", "The Marlow chess club won 4-2.", 3, "chess")
    ]
    groups = group(arts, StoryOptions())
    assert sorted(i for g in groups for i in g) == list(range(len(arts)))
    result = list_stories(arts, OUTLETS, min_outlets=1)
    assert sum(len(s.articles) for s in result.stories) == len(arts)
    assert len(list_stories(arts, OUTLETS, min_outlets=2).stories) == 2
    assert len(list_stories(arts, OUTLETS, min_outlets=1, limit=1).stories) == 1


def test_far_apart_reports_do_not_join_when_they_share_little() -> None:
    arts = sample()
    late = art(
        "o4",
        "Marlow council approves budget",
        "The council in Marlow approved its budget.",
        24 * 300,
        "budget",
    )
    stories = find_stories([*arts, late], OUTLETS)
    assert any(s.articles == (s.articles[0],) and "budget" in s.articles[0].url for s in stories)


HOSTILE = '[bold red]Pwned[/] \x1b[31m| =HYPERLINK("x") <b>*x*</b> \u202eevil\u202c'


def test_web_text_is_escaped_in_every_format() -> None:
    arts = sample()
    arts[0] = art("o1", HOSTILE + " Marlow floods 42 families Ashbourne", FLOOD[0][1], 0, "flood-0")
    result = list_stories(arts, OUTLETS, min_outlets=1)
    table = render(result, "table")
    assert "[bold red]" in table.replace("\n", "") or "Pwned" not in table  # shown literally, never as style
    assert "\x1b" not in table and "\u202e" not in table
    md = render(result, "markdown")
    assert "\x1b" not in md and "\u202e" not in md and "<b>" not in md and "\\|" in md
    rows = list(csv.reader(io.StringIO(render(result, "csv"))))
    title_col = rows[0].index("title")
    assert all(not r[title_col].startswith(("=", "+", "-", "@")) for r in rows[1:])
    data = json.loads(render(result, "json"))
    text = json.dumps(data, ensure_ascii=False)
    assert "\x1b" not in text and "\u202e" not in text
    validate(data, SCHEMA)
    assert data["schema"] == SCHEMA_ID


# --- the sample corpus, through the real app ------------------------------------------------------------


def run(*args: str, db: Path | None = None) -> tuple[int, str, str]:
    store = demo_store()
    argv = [*args, "--db", str(db or store.db), "--sources", str(store.sources)]
    r = runner.invoke(app, argv, env={"COLUMNS": "120"})
    return r.exit_code, r.stdout, r.stderr


def demo_copy(path: Path, *edits: tuple[str, tuple[object, ...]]) -> Path:
    """A copy of the demo store at ``path`` with the SQL ``edits`` (statement, parameters) applied."""
    import shutil
    import sqlite3

    shutil.copy(demo_store().db, path)
    con = sqlite3.connect(path)
    for sql, params in edits:
        con.execute(sql, params)
    con.commit()
    con.close()
    return path


def test_sample_corpus_stories_match_truth() -> None:
    code, out, err = run("stories", "--min-outlets", "1", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    validate(data, SCHEMA)
    truth = {a["path"]: a for a in TRUTH["articles"]}
    by_story = [Counter(truth[_path(a["url"])]["story"] for a in s["articles"]) for s in data["stories"]]
    assert all(len(c) == 1 for c in by_story)  # no story mixes two of truth's stories
    belarus = data["stories"][0]
    assert len(belarus["outlets"]) == 12 and len(belarus["articles"]) == 13
    copies = {a["outlet"] for a in belarus["articles"] if a["syndicated"]}
    wire = {a["outlet"] for a in TRUTH["articles"] if a["syndicated_from"] and a["story"] == "belarus"}
    assert copies == wire
    assert len(belarus["independent_outlets"]) == 12 - len(wire)
    sizes = sorted(sum(c.values()) for c in by_story)
    assert sizes == [1, 1, 1, 1, 1, 5, 13]  # the quake is one story, each noise piece its own


def _path(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).path


def test_table_is_the_default_and_defaults_to_two_outlets() -> None:
    code, out, _ = run("stories")
    assert code == 0
    assert "Belarus frees 123 prisoners" in out.replace("\n", " ") or "Belarus" in out
    assert "compare --story" in out and "12/12" not in out and "/12" in out
    code, out, _ = run("stories", "--format", "JSON")  # formats are case-insensitive
    assert code == 0 and len(json.loads(out)["stories"]) == 2


def test_compare_story_compares_exactly_that_story() -> None:
    _, out, _ = run("stories", "--format", "json")
    stories = json.loads(out)["stories"]
    quake = next(s for s in stories if len(s["articles"]) == 5)
    code, out, err = run("compare", "--story", quake["id"], "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert {o["id"] for o in report["outlets"]} == set(quake["outlets"])
    assert sum(o["articles"] for o in report["outlets"]) == 5
    assert report["topic"].startswith(f"story {quake['id']}")


def test_unknown_story_id_names_it_and_the_listing_command() -> None:
    code, _, err = run("compare", "--story", "s0000000000")
    assert code == 1
    assert "s0000000000" in err and "claimcheck stories" in err and len(err.strip().splitlines()) == 1
    code, _, err = run("compare", "Belarus", "--story", "s0000000000")
    assert code == 2


def test_compare_story_refuses_limit_instead_of_ignoring_it() -> None:
    """`compare --story ID --limit 1` compared every article of the story: --limit ranks a TOPIC search's
    matches, and a story has no ranking. One line, exit 2, before any work."""
    _, out, _ = run("stories", "--format", "json")
    sid = json.loads(out)["stories"][0]["id"]
    code, out, err = run("compare", "--story", sid, "--limit", "1")
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert "--limit" in err and "--story" in err


def test_a_long_first_outlet_name_is_cut_with_an_ellipsis() -> None:
    """The table's narrow "first" column cut "South China Morning Post" to "South China Morn", which reads
    as a name; a cut name ends in "…"."""
    code, out, _ = run("stories", "--min-outlets", "1")
    assert code == 0
    assert "South China Mor…" in out and "South China Morn " not in out.replace("\n", " ")


def test_compare_story_with_source_narrows_the_story_instead_of_losing_it() -> None:
    """`compare --story ID --source X` said "unknown story id": the stories were regrouped from X's
    articles alone, where the story (its id: its earliest article) is another. The story is found as
    listed, then --source keeps X's articles of it."""
    _, out, _ = run("stories", "--format", "json")
    belarus = next(s for s in json.loads(out)["stories"] if len(s["articles"]) == 13)
    later = sorted(belarus["outlets"])[-1]
    assert belarus["first_outlet"] != later
    code, out, err = run(
        "compare", "--story", belarus["id"], "--source", later, "--min-outlets", "1", "--format", "json"
    )
    assert code == 0, err
    report = json.loads(out)
    assert [o["id"] for o in report["outlets"]] == [later]
    assert report["outlets"][0]["articles"] == sum(a["outlet"] == later for a in belarus["articles"])


def test_compare_story_outside_the_window_given_says_the_window() -> None:
    _, out, _ = run("stories", "--format", "json")
    sid = json.loads(out)["stories"][0]["id"]
    code, _, err = run("compare", "--story", sid, "--since", "2001-01-01", "--until", "2001-01-02")
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert sid in err and "2001-01-01" in err and "--since" in err


def test_empty_window_and_empty_database_exit_1_with_one_line(tmp_path: Path) -> None:
    code, _, err = run("stories", "--since", "2001-01-01", "--until", "2001-01-02")
    assert code == 1 and "no stored article" in err and len(err.strip().splitlines()) == 1
    empty = tmp_path / "empty.db"
    Store.open(empty).close()
    code, _, err = run("stories", db=empty)
    assert code == 1 and "no articles" in err and len(err.strip().splitlines()) == 1
    code, _, err = run("stories", "--format", "yaml")
    assert code == 2 and "yaml" in err


def test_default_window_is_the_last_three_days_of_stored_articles() -> None:
    code, out, _ = run("stories", "--format", "json", "--min-outlets", "1")
    since = datetime.fromisoformat(json.loads(out)["window"]["since"])
    newest = max(datetime.fromisoformat(a["published"]) for a in TRUTH["articles"])
    assert since == newest - timedelta(days=3)


def test_output_file_and_csv(tmp_path: Path) -> None:
    out_file = tmp_path / "stories.csv"
    code, out, err = run("stories", "--format", "csv", "-o", str(out_file))
    assert code == 0 and out == "" and "wrote" in err
    rows = list(csv.DictReader(out_file.open(encoding="utf-8")))
    assert len(rows) == 18 and {r["story_id"] for r in rows} and rows[0]["outlets"] == "12"


def test_markdown_lists_every_article_with_its_link() -> None:
    code, out, _ = run("stories", "--format", "markdown")
    assert code == 0 and out.startswith("# claimcheck stories")
    assert out.count("\n- ") == 18 and "claimcheck compare --story s" in out


def test_bulk_pair_scores_equal_the_cosine_of_the_truncated_vectors() -> None:
    from claimcheck.stories import _candidates, _scores, _vectors, index_articles

    arts = sample() + [art("o4", t, x, 9, f"again-{k}") for k, (t, x) in enumerate(FLOOD + PHONE)]
    options = StoryOptions(top_terms=8, keys=4)
    ix = index_articles(arts, options)
    vec = _vectors(ix, options)
    pairs = _candidates(vec, np.zeros(len(arts)), options)
    assert len(pairs) > 5
    got, _ = _scores(vec, pairs, chunk=3)  # several chunks
    for (i, j), score in zip(pairs.tolist(), got.tolist(), strict=True):
        a = dict(zip(vec.terms[i].tolist(), vec.weights[i].tolist(), strict=True))
        b = dict(zip(vec.terms[j].tolist(), vec.weights[j].tolist(), strict=True))
        want = sum(w * b[t] for t, w in a.items() if t >= 0 and t in b)
        assert abs(score - want) < 1e-5


def test_bulk_pair_scores_are_the_merge_of_the_two_rows_bit_for_bit(monkeypatch: pytest.MonkeyPatch) -> None:
    """_scores, by its table (padding without a column, absent terms on each row's closing -1, the first
    row's on the table's last entry) and by its binary search, gives each pair the float32 of its shared
    terms' float32 products summed in float64 in term order, and whether one of them is a marked figure:
    every pair of the articles, in order and shuffled, in chunks of several sizes."""
    from claimcheck.stories import _scores, _vectors, index_articles, scoring

    arts = sample() + [art("o4", t, x, 9, f"again-{k}") for k, (t, x) in enumerate(FLOOD + PHONE)]
    options = StoryOptions(top_terms=30, keys=4)  # wider than most articles' shared terms: padding
    ix = index_articles(arts, options)
    vec = _vectors(ix, options)
    assert (vec.terms < 0).any() and (vec.terms >= 0).sum(axis=1).min() > 0  # padding, and real terms
    marked = np.zeros(int(vec.terms.max()) + 1, dtype=bool)
    marked[vec.terms[vec.terms >= 0][::3]] = True  # every third term a "figure"
    pairs = np.array([(i, j) for i in range(len(arts)) for j in range(i + 1, len(arts))], dtype=np.int32)
    want, shares = [], []
    for i, j in pairs.tolist():
        b = dict(zip(vec.terms[j].tolist(), vec.weights[j], strict=True))
        total, fig = 0.0, False
        for t, w in zip(vec.terms[i].tolist(), vec.weights[i], strict=True):  # in term order
            if t >= 0 and t in b:
                total += float(np.float32(w) * np.float32(b[t]))
                fig = fig or bool(marked[t])
        want.append(np.float32(total))
        shares.append(fig)
    assert 0 < sum(w > 0 for w in want) < len(want) and 0 < sum(shares) < len(shares)
    shuffled = np.random.default_rng(3).permutation(len(pairs))
    for most in (scoring._TABLE_MOST, 0):  # the table, then the binary search for every chunk
        monkeypatch.setattr(scoring, "_TABLE_MOST", most)
        for chunk in (1, 3, 7, len(pairs)):
            got, fig = _scores(vec, pairs, chunk=chunk, figure=marked)
            assert got.tolist() == [float(w) for w in want] and fig.tolist() == shares
            got, fig = _scores(vec, pairs[shuffled], chunk=chunk, figure=marked)
            assert got.tolist() == [float(want[k]) for k in shuffled.tolist()]
            assert fig.tolist() == [shares[k] for k in shuffled.tolist()]


def test_article_vectors_are_the_same_whatever_the_chunk_of_articles_ranked_at_once() -> None:
    """_vectors ranks the index rows a chunk of articles at a time (memory): each article's top terms,
    weights and blocking keys (in order) must not depend on where the chunks end, nor the candidate pairs."""
    from claimcheck.stories import _candidates, _vectors, index_articles

    arts = sample() + [art("o4", t, x, 9, f"again-{k}") for k, (t, x) in enumerate(FLOOD + PHONE)]
    options = StoryOptions(top_terms=8, keys=4)
    ix = index_articles(arts, options)
    whole = _vectors(ix, options, chunk=len(arts))
    assert (whole.terms >= 0).sum() > 3 * len(arts)  # real rows, not padding only
    for chunk in (1, 2, 5):
        got = _vectors(ix, options, chunk=chunk)
        assert np.array_equal(got.terms, whole.terms) and np.array_equal(got.weights, whole.weights)
        assert np.array_equal(got.key_owner, whole.key_owner) and np.array_equal(got.key_term, whole.key_term)
    times = np.arange(len(arts), dtype=np.float64) * 3600.0
    pairs = _candidates(whole, times, options)
    assert pairs.dtype == np.int32 and len(pairs) > 5 and (pairs[:, 0] < pairs[:, 1]).all()
    assert np.array_equal(pairs, _candidates(_vectors(ix, options, chunk=2), times, options))


TOWNS = ["Selkavia", "Kordmoor", "Varnhelm", "Ostrabek", "Pellinor", "Drumvale", "Ashgrove", "Tarnwick",
         "Morhaven", "Quillby"]  # fmt: skip
FILLER_TOPICS = [
    "council budget", "school exam results", "football transfer", "museum reopening", "rail timetable",
    "farm subsidies", "film festival", "hospital waiting lists", "bridge repairs", "library funding",
]  # fmt: skip


def template_story(town: str, k: int, hours: float) -> Article:
    """The same flood story told with the same phrases, in another town with other figures."""
    title = f"{town} floods force thousands from their homes"
    text = (
        f"{town} floods force thousands from their homes, officials said. Officials said {100 + 37 * k} "
        f"families were moved to temporary shelters in {town}. The regional government declared a state of "
        f"emergency in {town}. \u201cThe water came faster than anyone in {town} had seen,\u201d a rescue "
        f"official said. Officials said {1000 + 211 * k} homes were damaged by the water in {town}."
    )
    return art(f"o{k % 5 + 1}", title, text, hours, f"{town.lower()}-{k}")


def test_stories_that_share_only_generic_wording_stay_apart() -> None:
    arts = [template_story(town, k, 24 * t + k) for t, town in enumerate(TOWNS) for k in range(3)]
    for k, topic in enumerate(FILLER_TOPICS * 4):
        words = f"{topic} {k}"
        arts.append(
            art("o1", f"Update on the {words}", f"A short note about the {words} number {k}.", k, f"f{k}")
        )
    flood = {a.url for a in arts[:30]}
    stories = [s for s in find_stories(arts, OUTLETS) if any(a.url in flood for a in s.articles)]
    towns = [{a.url.split("/")[-1].split("-")[0] for a in s.articles} for s in stories]
    assert sorted(len(s.articles) for s in stories) == [3] * 10, towns
    assert all(len(t) == 1 for t in towns)
    # without the rule, the towns' floods run together (the failure it prevents)
    merged = group(arts, StoryOptions(specific=0.0))
    assert max(len(g) for g in merged) > 3


def test_output_never_overwrites_the_database_and_dash_is_stdout() -> None:
    store = demo_store()
    before = store.db.read_bytes()
    code, _, err = run("stories", "--format", "csv", "-o", str(store.db))
    assert code == 2 and "refusing to write" in err and store.db.read_bytes() == before
    code, out, _ = run("stories", "--format", "csv", "-o", "-")
    assert code == 0 and out.startswith("story_id,")


def test_precise_figures_are_those_that_name_one_fact() -> None:
    from claimcheck.stories import precise_figure

    assert all(map(precise_figure, ["#527", "#11.5", "#3417", "#108-year", "#0.125"]))
    assert not any(map(precise_figure, ["#2017", "#6000", "#1.5", "#42", "#100", "#1200", "spill", "#x1"]))


# A spill reported on one day, and an inquiry's findings two years later (written for claimcheck).
SPILL = [
    ("Solvent spill closes Dunmere canal after tank fails at Tollan plant",
     "A storage tank at the Tollan Chemicals plant in Dunmere failed overnight and 3,417 litres of solvent "
     "ran into the canal, the port authority said. Boats were kept out of the canal."),
    ("Dunmere canal shut as 3,417 litres of solvent leak from Tollan tank",
     "The port authority closed the Dunmere canal after solvent leaked from a tank at Tollan Chemicals. "
     "It put the spill at 3,417 litres."),
    ("Tollan Chemicals apologises for Dunmere solvent leak",
     "Tollan Chemicals said a tank valve failed at its Dunmere plant, letting 3,417 litres of solvent into "
     "the canal, which the port authority closed to boats."),
]  # fmt: skip
INQUIRY = (
    "Inquiry blames worn valve for Tollan solvent spill in Dunmere canal",
    "An inquiry found that a worn valve caused the Tollan Chemicals tank at Dunmere to fail, spilling {} "
    "of solvent into the canal. The port authority said the canal is clean again.",
)


def test_a_follow_up_months_later_joins_when_it_repeats_a_precise_figure() -> None:
    arts = [art(f"o{k + 1}", t, x, k, f"spill-{k}") for k, (t, x) in enumerate(SPILL)] + sample()
    late = 24 * 730  # two years: time damping alone keeps a follow-up apart ...
    vague = art("o4", INQUIRY[0], INQUIRY[1].format("thousands of litres"), late, "inquiry")
    exact = art("o4", INQUIRY[0], INQUIRY[1].format("3,417 litres"), late, "inquiry")

    def spill_stories(arts: list[Article], options: StoryOptions | None = None) -> list[int]:
        return sorted(len(g) for g in group(arts, options) if any("spill" in arts[i].url for i in g))

    unnamed = StoryOptions(story_names=0)  # (the story pass's named follow-ups off: the test below)
    assert spill_stories([*arts, vague], unnamed) == [3]
    # ... unless it gives the same precise figure: the same fact, so the same story
    assert spill_stories([*arts, exact], unnamed) == [4]
    assert spill_stories([*arts, exact], replace(unnamed, figure_half_life_days=240.0)) == [3]
    # (it names the plant, its owner and the town, the story's own names: the story pass joins it too)
    assert spill_stories([*arts, vague]) == [4]


# A mill fire told three times, its investigators' finding more than a year later, and another fire in the
# same town then (written for claimcheck).
FIRE = [
    ("Fire destroys Harwick mill owned by Corran Textiles",
     "A fire overnight destroyed the Harwick mill of Corran Textiles on the Bellin river; fire chief Odile "
     "Marsh said forty crews fought the blaze until dawn."),
    ("Corran Textiles mill in Harwick gutted by blaze",
     "Forty fire crews fought through the night as the Corran Textiles mill at Harwick burned, chief Odile "
     "Marsh said, and the path along the Bellin was closed."),
    ("Harwick blaze puts jobs at Corran Textiles at risk",
     "Corran Textiles said the fire that gutted its Harwick mill by the Bellin put jobs at risk; fire chief "
     "Odile Marsh said the cause was not yet known."),
]  # fmt: skip
FIRE_FOUND = ("Wiring, not arson, started the mill fire, investigators find",
              "Investigators found that faulty wiring started the blaze that destroyed the Corran Textiles mill "
              "in Harwick, chief Odile Marsh told councillors more than a year after the fire.")  # fmt: skip
FIRE_AGAIN = ("Another mill burns by the river",
              "Fire crews fought a blaze at the Dray Woollens mill in Harwick overnight; the mill by the Bellin "
              "was empty and nobody was hurt, the owners said.")  # fmt: skip


def test_a_follow_up_a_year_later_joins_through_the_names_it_shares_with_the_story() -> None:
    def fire_stories(piece: tuple[str, str], options: StoryOptions | None = None) -> list[list[str]]:
        arts = [art(f"o{k + 1}", t, x, 3 * k, f"fire-{k}") for k, (t, x) in enumerate(FIRE)]
        arts += [art("o4", *piece, 24 * 400, "later"), *sample()]
        slugs = [a.url.rsplit("/", 1)[-1] for a in arts]
        found = [sorted(slugs[i] for i in g) for g in group(arts, options)]
        return sorted(g for g in found if any(s.startswith(("fire", "later")) for s in g))

    fire = [f"fire-{k}" for k in range(len(FIRE))]
    # 400 days on, time damping keeps the finding apart from the fire (no precise figure repeated) ...
    assert fire_stories(FIRE_FOUND, StoryOptions(story_names=0)) == [fire, ["later"]]
    # ... but it is like no other story, and names the mill's owner, the town and the fire chief, names no
    # other story of the window has: a follow-up of this story
    assert fire_stories(FIRE_FOUND) == [[*fire, "later"]]
    # another fire in the same town a year on is as clearly like the story in words, but shares two of its
    # names only (the town, the river): apart; with two names enough it would join
    assert fire_stories(FIRE_AGAIN) == [fire, ["later"]]
    assert fire_stories(FIRE_AGAIN, StoryOptions(story_names=2)) == [[*fire, "later"]]


# a piece the same day as the finding, on the mill's workers a year on: few of the story's names, and a year
# from the fire (written for claimcheck)
FIRE_WORKERS = ("A year on, the burnt mill's workers wait for compensation",
                "Workers of the mill gutted by fire by the river say promised compensation has not come; forty "
                "crews fought the blaze that night.")  # fmt: skip


def test_the_story_pass_runs_again_for_a_story_a_follow_up_brought_near() -> None:
    def fire_stories(pieces: list[tuple[str, str]], options: StoryOptions | None = None) -> list[list[str]]:
        arts = [art(f"o{k + 1}", t, x, 3 * k, f"fire-{k}") for k, (t, x) in enumerate(FIRE)]
        arts += [art("o4", *FIRE_FOUND, 24 * 400, "later")]
        arts += [art("o5", *p, 24 * 400 + 5, f"same-day-{k}") for k, p in enumerate(pieces)]
        arts += sample()
        slugs = [a.url.rsplit("/", 1)[-1] for a in arts]
        found = [sorted(slugs[i] for i in g) for g in group(arts, options)]
        return sorted(g for g in found if any(s.startswith(("fire", "later", "same-day")) for s in g))

    fire = [f"fire-{k}" for k in range(len(FIRE))]
    # the workers' piece is a year from every article of the fire story: damped, it stays apart in the first
    # pass, in which the finding joins the story through its names ...
    assert fire_stories([FIRE_WORKERS], StoryOptions(story_again=False)) == [[*fire, "later"], ["same-day-0"]]
    # ... and, once the story holds the finding, it is the same day as one of the story's articles: it joins
    assert fire_stories([FIRE_WORKERS]) == [[*fire, "later", "same-day-0"]]
    assert fire_stories([FIRE_WORKERS], StoryOptions(story_names=0)) == [fire, ["later"], ["same-day-0"]]
    # another fire in the same town the same day as the finding: the finding is then about as like it as the
    # fire story, not clearly about one of them, and nothing joins (no chain through it either)
    assert fire_stories([FIRE_AGAIN]) == [fire, ["later"], ["same-day-0"]]


# A tight story told four times, and a side story that mentions it (written for claimcheck).
STRIKE = [
    ("Velmora dockworkers strike halts container port",
     "Dockworkers at the Velmora container port walked out on Tuesday over pay, halting the loading of ships. "
     "The Harbour Workers Union said the strike would last until the port operator Calder Terminals raised "
     "its offer."),
    ("Strike by Velmora dockworkers halts container port",
     "The container port at Velmora stopped working on Tuesday as dockworkers went on strike over pay. The "
     "Harbour Workers Union said Calder Terminals had to raise its offer to end the strike."),
    ("Velmora container port halted as dockworkers strike over pay",
     "Ships waited off Velmora after dockworkers at the container port began a strike over pay. Calder "
     "Terminals, which runs the port, said it would meet the Harbour Workers Union."),
    ("Dockworkers' strike stops Velmora container port",
     "A pay strike by dockworkers stopped the Velmora container port, the Harbour Workers Union said, and "
     "Calder Terminals said talks would resume."),
]  # fmt: skip
SHOPS = (
    "Velmora shopkeepers fear empty shelves as port strike drags on",
    "Shop owners in Velmora said deliveries of toys and electronics were late and shelves could be empty "
    "before the holidays; some blamed the strike at the port, others the rising cost of fuel and rents.",
)


def test_a_tight_story_does_not_take_in_an_article_only_loosely_like_it() -> None:
    arts = [art(f"o{k + 1}", t, x, k, f"strike-{k}") for k, (t, x) in enumerate(STRIKE)]
    arts += [art("o5", *SHOPS, 3, "shops"), *sample()]
    # similar enough on average to pass the linkage threshold (without the rule it joins) ...
    assert [0, 1, 2, 3, 4] in group(arts, StoryOptions(cohesion=0.0))
    # ... but far less like the strike reports than they are like each other: a story of its own
    assert [0, 1, 2, 3] in group(arts) and [4] in group(arts)


def test_one_outlets_boilerplate_does_not_join_its_articles() -> None:
    furniture = (
        "Follow this story as it unfolds: chat with our newsroom on Messenger and find what is happening."
    )
    bridge = art(
        "o1",
        "Harlow bridge shut for repairs",
        "Engineers closed the Harlow bridge for a week. " + furniture,
        0,
        "bridge",
    )
    jazz = art(
        "o1",
        "Kestrel jazz festival sells out",
        "Tickets for the Kestrel festival sold out. " + furniture,
        30,
        "jazz",
    )
    arts = [bridge, jazz, *sample()]
    assert [0] in group(arts) and [1] in group(arts)
    assert [0, 1] in group(arts, StoryOptions(one_outlet=1.0, places=False))  # what the rule prevents


# A market story told three times, and a comment piece the same day on the same token (written for claimcheck).
SLUMP = [
    ("Quillcoin price tumbles below $40 as regulators circle",
     "The digital token Quillcoin lost a fifth of its value on Tuesday, falling under $40 for the first time "
     "since spring, after the finance ministry said exchanges would need licences."),
    ("Quillcoin slides to four-month low under $40",
     "Traders sold Quillcoin on Tuesday and the token sank below $40, a four-month low, as the finance "
     "ministry prepared licences for exchanges."),
    ("Quillcoin sinks again as exchange licence plan spooks traders",
     "Quillcoin fell below $40 on Tuesday. Traders blamed the finance ministry's plan to license exchanges, "
     "and some exchanges paused new accounts."),
]  # fmt: skip
ESSAY_TEXT = (
    "For two years buyers paid little attention to how the Quillcoin ledger is run. Now that the enthusiasm "
    "is cooling, economists point to fraud at small exchanges, slow payments, heavy electricity bills and a "
    "handful of wallets holding much of the supply. The token slipped under $40 this week, and some exchanges "
    "paused new accounts as licences loomed."
)


# Other news whose headlines name the same token (written for claimcheck): each a story of its own.
ELSEWHERE = [
    ("Quillcoin sponsors a football club in Dunmore", "The club in Dunmore will wear the logo on its shirts."),
    ("Buses in Harlow drop Quillcoin adverts", "The transport board removed the posters after complaints."),
    ("Quillcoin founder writes a memoir", "The book tells of a childhood on a sheep farm in the hills."),
    ("School in Tarrow teaches pupils about Quillcoin", "Lessons on saving and budgeting start in May."),
    ("Quillcoin machine installed at Kestrel airport", "Travellers can now buy tokens beside the cafe."),
]  # fmt: skip


def test_a_piece_whose_headline_names_the_story_joins_it_though_its_lead_wanders() -> None:
    def slump_stories(
        title: str, hours: float, options: StoryOptions | None = None, others: int = 0
    ) -> list[int]:
        arts = [art(f"o{k + 1}", t, x, k, f"slump-{k}") for k, (t, x) in enumerate(SLUMP)]
        arts += [art("o4", title, ESSAY_TEXT, hours, "essay"), *sample()]
        arts += [art("o5", t, x, 10 + k, f"other-{k}") for k, (t, x) in enumerate(ELSEWHERE[:others])]
        return sorted(len(g) for g in group(arts, options) if any("slump" in arts[i].url for i in g))

    named = "Quillcoin frenzy fades, and its flaws show"
    # on average a little less like the reports than link asks (0.095 < 0.10): without the rule (and without
    # the story pass's join of a piece clearly about one story), apart
    assert slump_stories(named, 5, StoryOptions(title_link=0.0, story_margin=0.0)) == [3]
    # its headline names what every report's headline names: the same story
    assert slump_stories(named, 5) == [4]
    # a headline that does not name it stays apart, and so does one further away in time than title_days
    # (with the story pass's clear-margin join off: with it, a piece like no other story of the window joins
    # the one it is clearly about; here no other story is near it, and it is 0.137 alike, over story_alone)
    unclear = StoryOptions(story_margin=0.0)
    other = "Digital token frenzy fades, and its flaws show"
    assert slump_stories(other, 5, unclear) == [3]
    assert slump_stories(other, 5) == [4]
    assert slump_stories(other, 5, StoryOptions(story_alone=0.15)) == [3]
    assert slump_stories(named, 48, StoryOptions(title_days=1.0, name_link=False, story_margin=0.0)) == [3]
    # (within same_days, the token every article of both names links them too: the name link)
    assert slump_stories(named, 48, StoryOptions(title_days=1.0)) == [4]
    assert slump_stories(named, 48) == [4]
    # a word in many other headlines of the window is not the story's own: 4 of 7 titles with it are
    # theirs, and it links; 4 of 9, and it does not (edge 0.10: the other titles make the word commoner)
    near = StoryOptions(edge=0.10, story_margin=0.0)
    assert slump_stories(named, 5, near, others=3) == [4]
    assert slump_stories(named, 5, near, others=5) == [3]
    assert slump_stories(named, 5, replace(near, title_own=0.0), others=5) == [4]


# A leak told by three outlets, its follow-up more than a year later (same precise figure), and a comment
# piece a day after the follow-up (written for claimcheck).
LEAK = [
    ("Brannock files expose offshore accounts of ministers",
     "A leak of 2,613 documents from the law firm Hallett Crane, known as the Brannock files, shows that three "
     "ministers of Osterra held offshore accounts, a group of reporters said on Sunday."),
    ("Brannock files: ministers named in offshore leak",
     "Three Osterra ministers appear in the Brannock files, 2,613 documents taken from the law firm Hallett "
     "Crane and shared with reporters, who say the accounts were never declared."),
    ("What the Brannock files reveal about Osterra's elite",
     "The Brannock files, a trove of 2,613 documents from Hallett Crane, trace offshore accounts held by "
     "ministers and their relatives, reporters who studied the leak said."),
]  # fmt: skip
LEAK_LATER = (
    "Brannock files: court fines law firm a year after the leak",
    "A court in Osterra fined Hallett Crane over the 2,613 documents of the Brannock files, more than a year "
    "after reporters first described the offshore accounts of ministers.",
)
LEAK_COMMENT = (
    "The Brannock files changed less than we hoped",
    "When reporters published the Brannock files, many expected resignations. A year on, the ministers are "
    "still in office, the law firm pays a fine, and voters in Osterra seem to have moved on to prices and rents.",
)


def test_a_piece_near_a_long_storys_latest_turn_joins_when_its_headline_names_it() -> None:
    def leak_stories(
        comment: tuple[str, str], hours: float, options: StoryOptions | None = None
    ) -> list[int]:
        arts = [art(f"o{k + 1}", t, x, k, f"leak-{k}") for k, (t, x) in enumerate(LEAK)]
        arts += [art("o4", *LEAK_LATER, 24 * 400, "leak-later"), art("o5", *comment, hours, "leak-comment")]
        arts += sample()
        return sorted(len(g) for g in group(arts, options) if any("leak" in arts[i].url for i in g))

    # the follow-up joins through the precise figure; the story's median time stays at the leak
    assert leak_stories(LEAK_COMMENT, 24 * 3) == [5]
    # a day after the follow-up, 400 days after the story's median: timed from the medians it stays apart ...
    assert leak_stories(LEAK_COMMENT, 24 * 401, StoryOptions(title_nearest=False, story_link=0.0)) == [1, 4]
    # ... timed from the story's nearest article (the follow-up), its headline names the story: it joins
    assert leak_stories(LEAK_COMMENT, 24 * 401) == [5]
    # far from every article of the story, or with a headline that does not name it, it stays apart
    assert leak_stories(LEAK_COMMENT, 24 * 200) == [1, 4]
    unnamed = ("Osterra voters move on to prices and rents", LEAK_COMMENT[1])
    assert leak_stories(unnamed, 24 * 401, StoryOptions(story_margin=0.0)) == [1, 4]
    # (with the story pass's clear-margin join, the comment, like no other story, joins the one it is about)
    assert leak_stories(unnamed, 24 * 401) == [5]
    assert leak_stories(LEAK_COMMENT, 24 * 401, StoryOptions(title_link=0.0, story_link=0.0)) == [1, 4]


# One motor race told from two angles the same day (written for claimcheck): the winner, and a driver's crash.
RACE_WIN = [
    ("Brenner takes the chequered flag in Calvera",
     "Talia Brenner won the Calvera Grand Prix at the Montreve circuit on Sunday, holding off two rivals over "
     "the last ten laps to claim her third victory of the season after a restart."),
    ("Calvera Grand Prix: Brenner wins from pole",
     "Starting from pole, Talia Brenner led almost every lap at Montreve and won the Calvera Grand Prix; "
     "her team said the new tyres made the difference after the race was halted for a crash."),
    ("Brenner victory tightens championship race",
     "With her win at the Calvera Grand Prix in Montreve, Talia Brenner is now four points behind the leader "
     "of the championship with five rounds to go."),
]  # fmt: skip
RACE_CRASH = [
    ("Ambry walks away from heavy crash",
     "Joss Ambry climbed out of his wrecked car unhurt after hitting the barrier at the Montreve hairpin "
     "during the Calvera Grand Prix, which was halted; Talia Brenner won after the restart."),
    ("Marshals praised after Ambry's smash",
     "Safety crews reached Joss Ambry within seconds when his car struck the wall at Montreve in the Calvera "
     "Grand Prix, and the driver later thanked them from the medical centre as Talia Brenner celebrated."),
]  # fmt: skip


def test_two_angles_of_one_event_the_same_day_join_through_the_names_they_share() -> None:
    def race_stories(hours: float, options: StoryOptions | None = None) -> list[int]:
        arts = [art(f"o{k + 1}", t, x, k, f"win-{k}") for k, (t, x) in enumerate(RACE_WIN)]
        arts += [art(f"o{k + 4}", t, x, hours + k, f"crash-{k}") for k, (t, x) in enumerate(RACE_CRASH)]
        arts += sample()
        ours = [k for k, a in enumerate(arts) if a.url.rsplit("/", 1)[-1].startswith(("win-", "crash-"))]
        return sorted(len(g) for g in group(arts, options) if set(g) & set(ours))

    # a little less similar on average than link asks, and no headline word in common: apart without the rule
    # (and without the story pass's clear-margin join, which joins the crash angle too: like no other story)
    assert race_stories(3, StoryOptions(name_link=False, story_margin=0.0)) == [2, 3]
    # the same race, the same names in nearly every article of both (Calvera, Montreve, Brenner): one story
    assert race_stories(3) == [5]
    # names shared across more than same_days, or with the headline and name links off, do not link
    # (the story pass's clear-margin join off: with it, the crash angle, like no other story, joins anyway)
    assert race_stories(24 * 6, StoryOptions(story_margin=0.0)) == [2, 3]
    assert race_stories(3, StoryOptions(title_link=0.0, story_margin=0.0)) == [2, 3]
    assert race_stories(24 * 6) == [5]


def unrelated(n: int, seed: int = 7) -> list[Article]:
    """``n`` articles of other news in made-up words (none of the fixtures' words), over two months."""
    rng = random.Random(seed)
    syllables = ["ka", "lo", "mi", "ra", "tu", "ve", "no", "sa", "di", "pe", "go", "ul", "an", "er", "ix"]
    vocab = ["".join(rng.choice(syllables) for _ in range(3)) for _ in range(5000)]
    out = []
    for k in range(n):
        words = rng.sample(vocab, 60)
        title, text = " ".join(words[:8]).capitalize(), " ".join(words[8:]) + "."
        out.append(art(f"x{k % 40}", title, text, rng.uniform(-24 * 30, 24 * 30), f"other-{k}"))
    return out


def test_term_weights_do_not_shift_when_other_news_fills_the_window() -> None:
    # a term's weight depends on how many articles have it, not on how big the window is
    arts = sample()
    alone = index_articles(arts, StoryOptions(idf_window=5))
    mixed = index_articles([*arts, *unrelated(2000)], StoryOptions(idf_window=5))
    ids = {t: k for k, t in enumerate(alone.terms.vocab)}
    for t, k in mixed.terms.ids.items():
        if t in ids:
            assert mixed.idf[k] == pytest.approx(alone.idf[ids[t]])
    rows = slice(0, int(alone.indptr[len(arts)]))
    assert np.allclose(mixed.weight[rows], alone.weight[rows])
    # weighed by share of the window (no idf_window), the fixtures' words all look rarer and flatter
    plain_ix = index_articles([*arts, *unrelated(2000)], StoryOptions(idf_window=0))
    assert not np.allclose(plain_ix.weight[rows], alone.weight[rows])


def test_stories_are_the_same_with_thousands_of_other_articles_in_the_window() -> None:
    arts = [*sample(), *(art(f"o{i + 1}", t, x, 30 + i, f"phone-b{i}") for i, (t, x) in enumerate(PHONE))]
    own = {a.url for a in arts}

    def grouped(extra: list[Article]) -> set[frozenset[str]]:
        everything = [*arts, *extra]
        stories = (frozenset(everything[i].url for i in g) & own for g in group(everything))
        return {s for s in stories if s}

    assert grouped(unrelated(3000)) == grouped([])
    assert all(len(s) > 1 for s in grouped([]))


def test_a_window_of_one_story_told_in_near_copies_is_one_story() -> None:
    """A wire story run by twenty outlets, each copy cutting a sentence: every word is in nearly every
    article of the window, so none is "specific" to any pair, yet near-duplicates are one story."""
    rng = random.Random(7)
    sentences = [
        "Storm waters rose through the harbour town of Kelby overnight, the coastguard said.",
        "Crews in small boats carried residents from flooded terraces to the Kelby sports hall.",
        '"The sea came over the wall faster than anyone expected," said harbourmaster Ines Varga.',
        "The district council put the damage to the sea wall and the quay at several million euros.",
        "Schools in Kelby and the nearby villages stay shut until the water recedes.",
    ]
    arts = [
        art(f"o{i % 5 + 1}", f"Kelby harbour flooded as storm waters rise ({i})",
            " ".join(rng.sample(sentences, 4)), i / 4, f"kelby-{i}")
        for i in range(20)
    ]  # fmt: skip
    assert [sorted(g) for g in group(arts)] == [list(range(20))]
    # without the near-duplicate exemption the specific-terms rule shatters it
    assert len(group(arts, StoryOptions(duplicate=1.01))) > 1


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_no_story_left_by_min_outlets_is_nothing_found(fmt: str, tmp_path: Path) -> None:
    # As an empty window (and as `compare`): one line on stderr, exit 1, nothing on stdout, no file.
    code, out, err = run("stories", "--since", "2000-01-01", "--format", fmt, "--min-outlets", "50")
    assert code == 1 and out == ""
    assert "no story" in err and "at least 50 outlets" in err and "--min-outlets" in err
    report = tmp_path / "r.out"
    code, _, _ = run(
        "stories", "--since", "2000-01-01", "--format", fmt, "--min-outlets", "50", "-o", str(report)
    )
    assert code == 1 and not report.exists()


def test_a_wire_copy_dated_as_its_original_is_not_the_storys_first_outlet(tmp_path: Path) -> None:
    # A copy keeping its agency's timestamp came first by URL and was named the first outlet ("CBS News"
    # for Reuters' story); the original is first of the articles tied for the earliest time.
    db = demo_copy(
        tmp_path / "tie.db",
        (
            "UPDATE articles SET published = (SELECT published FROM articles WHERE outlet = 'reuters' "
            "AND title LIKE 'Belarus%') WHERE outlet = 'cbsnews' AND title LIKE '%Belarus%'",
            (),
        ),
    )
    code, out, err = run("stories", "--since", "2000-01-01", "--format", "json", db=db)
    assert code == 0, err
    belarus = json.loads(out)["stories"][0]
    assert {a["outlet"] for a in belarus["articles"] if a["published"] == belarus["first_published"]} == {
        "reuters",
        "cbsnews",
    }
    assert belarus["first_outlet"] == "reuters"


def test_stories_described_in_bulk_are_described_as_one_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    from claimcheck import stories as mod
    from claimcheck.stories import labels

    # the sample's stories, other news grouped into stories of its own, a story holding an article of stop
    # words only (no index rows), and the batches smaller than one story
    empty = art("o2", "The news", "It is what it was, and so it is.", 1, "empty")
    arts = sample() + unrelated(300) + [empty, *[art(f"o{k}", t, x, k, f"again-{k}") for k, (t, x) in
                                                 enumerate(FLOOD, start=1)]]  # fmt: skip
    options = StoryOptions()
    ix = index_articles(arts, options)
    assert ix.indptr[len(arts) - 4] == ix.indptr[len(arts) - 3]  # the stop-word article has no rows
    stories = find_stories(arts, OUTLETS, options, wire_copies=False, describe=False)
    # the stop-word article in the middle of a story of 3+
    joined = mod._skeleton([0, 1, len(arts) - 4, 2], mod.Window.of(arts))
    stories = [*stories, joined]
    positions = {a.url: k for k, a in enumerate(arts)}
    one_by_one = [stories_reference.describe_story(s, ix, positions) for s in stories]
    assert len({s.label for s in one_by_one}) > 10 and any(len(s.articles) > 2 for s in one_by_one)
    for batch in (labels._DESCRIBE_BATCH, 4, 1):
        monkeypatch.setattr(labels, "_DESCRIBE_BATCH", batch)
        assert mod.describe_stories(stories, ix, positions) == one_by_one


def test_two_reports_join_when_their_headline_words_are_in_other_news_of_the_window() -> None:
    """Blocking pairs two articles only when a term is among both's heaviest (their keys). Here one
    report's headline words are each in another piece of the day's news, so its heaviest shared terms are
    those headline words, and the words it shares with the other report of its story (the pier, the
    island) come ninth and tenth: with 8 keys the two were never compared, and the report joined a ferry
    strike instead."""
    first = (
        "Regional council approves budget for harbour ferry terminal upgrade",
        "The money pays for a longer pier at Dunmore, where the ferry to Kestrel Island docks. Islanders "
        "on Kestrel have asked for a dependable crossing since the old Dunmore pier was closed.",
    )
    second = (
        "Islanders cheer plan to end cancelled sailings",
        "Residents of Kestrel Island said a longer Dunmore pier would make the crossing dependable at "
        "last. Sailings from Dunmore to Kestrel were cancelled on forty days last winter.",
    )
    news = [
        ("Regional airline adds three winter routes", "The carrier will fly twice a week to the mountains."),
        ("Council tax bills to rise in April", "Households will pay more after a vote by councillors."),
        ("Regulator approves merger of two water companies", "The deal creates the country's largest supplier."),
        ("Hospital budget overspent for a third year", "Managers blamed agency staff and energy prices."),
        ("Harbour seals return to the estuary", "Volunteers counted more pups than in any spring on record."),
        ("Ferry workers vote to strike over pay", "The union said talks with operators had broken down."),
        ("Airport terminal evacuated after alarm", "Passengers waited outside for an hour before flights resumed."),
        ("School roof upgrade delayed by supply shortage", "Builders are waiting for steel that was due in May."),
    ]  # fmt: skip
    arts = [art("o1", *first, 0, "pier-1"), art("o2", *second, 5, "pier-2")]
    arts += [art(f"n{k}", t, x, 2 + k, f"news-{k}") for k, (t, x) in enumerate(news)]
    assert [0, 1] in group(arts)
    assert [0, 1] not in group(arts, StoryOptions(keys=8))


# Four unrelated reports in German (written for claimcheck), the same week.
GERMAN = [
    ("Stadtrat beschließt neuen Radweg an der Uferstraße",
     "Der Stadtrat hat am Dienstag mit großer Mehrheit beschlossen, dass an der Uferstraße ein neuer Radweg "
     "gebaut wird. Die Arbeiten sollen im Frühjahr beginnen und werden nach Angaben der Verwaltung etwa zwei "
     "Millionen Euro kosten. Anwohner hatten sich seit Jahren für die Strecke eingesetzt."),
    ("Hochwasser: Pegel der Elbe steigt weiter",
     "Nach den starken Regenfällen der vergangenen Tage ist der Pegel der Elbe in der Nacht weiter gestiegen. "
     "Die Feuerwehr hat in mehreren Orten Sandsäcke verteilt, und die Behörden warnen vor Überschwemmungen in "
     "den tiefer gelegenen Vierteln. Ein Sprecher sagte, man sei auf das Schlimmste vorbereitet."),
    ("Autobauer kündigt Stellenabbau in zwei Werken an",
     "Der Autobauer will in den kommenden drei Jahren in zwei Werken insgesamt rund tausend Stellen streichen. "
     "Das Unternehmen begründet den Schritt mit der schwachen Nachfrage und den hohen Kosten für die Umstellung "
     "auf Elektroautos. Die Gewerkschaft kündigte Widerstand an."),
    ("Museum zeigt verschollenes Gemälde nach hundert Jahren",
     "Ein lange verschollenes Gemälde ist nach fast hundert Jahren wieder öffentlich zu sehen. Das Museum hatte "
     "das Bild bei einer Auktion erworben, nachdem Experten seine Echtheit bestätigt hatten. Die Direktorin "
     "sagte, es sei ein Glücksfall für die Sammlung und für die Stadt."),
]  # fmt: skip


def test_reports_in_another_language_do_not_join_through_its_function_words() -> None:
    """ "der", "und", "die" are no English stop words: in a window of English news, the few German articles
    share them, rare and so heavy, and four unrelated German reports of one week were one story."""
    arts = [
        *sample(),
        *(art(f"de{k}", t, x, 24 * k, f"de-{k}") for k, (t, x) in enumerate(GERMAN)),
        *unrelated(300),
    ]
    german = {a.url for a in arts if a.outlet.startswith("de")}

    def german_stories(options: StoryOptions) -> list[set[str]]:
        stories = ({arts[i].url for i in g} & german for g in group(arts, options))
        return [s for s in stories if s]

    assert len(german_stories(StoryOptions())) == len(GERMAN)
    assert len(german_stories(StoryOptions(foreign=1.01, places=False))) == 1  # (places: German nouns are names)
    # an English report naming Las Vegas, Le Pen or van Gogh keeps those words
    english = art(
        "o1",
        "Le Pen tours Las Vegas gallery",
        "The French politician stopped at a casino gallery in Las Vegas that shows a van Gogh on loan, and "
        "told reporters that Le Pen supporters back home would follow the trip closely.",
        0,
        "lepen",
    )
    ix = index_articles([english, *unrelated(50)], StoryOptions())
    assert {"las", "le", "van"} <= {ix.terms.vocab[t] for t in ix.term[: ix.indptr[1]].tolist()}


def test_a_report_in_another_language_joins_its_story_through_the_names_and_figures_it_shares() -> None:
    report = art(
        "de9",
        "Hochwasser in Marlow: 42 Familien verlassen ihre Häuser",
        "Der Fluss Ashbourne ist in Marlow über die Ufer getreten, 42 Familien wurden in Notunterkünfte "
        "gebracht. Bürgermeisterin Jana Okafor kündigte an, dass vor dem Frühjahr neue Schutzwände gebaut werden.",
        3,
        "de-flood",
    )
    arts = [*sample(), report, *unrelated(300)]
    flood = next(g for g in group(arts) if arts.index(report) in g)
    assert {arts[i].url for i in flood} >= {a.url for a in sample() if "flood" in a.url}


def test_two_short_reports_do_not_join_through_one_word_they_share() -> None:
    """In a window of other news, two short items that share one rare word ("cap": on card fees, on
    visitors) have all their similarity from it; a merge needs at least 2 shared terms."""
    fees = art(
        "o1",
        "Regulators approve cap on credit card fees",
        "Banks must lower their charges from next year.",
        0,
        "cap-1",
    )
    visitors = art(
        "o2",
        "Island council votes to cap visitor numbers",
        "Ferries will carry fewer day trippers this summer.",
        3,
        "cap-2",
    )
    arts = [*sample(), fees, visitors, *unrelated(300)]
    pair = {arts.index(fees), arts.index(visitors)}
    assert not any(pair <= set(g) for g in group(arts))
    # what the rule prevents (one_term off: one shared word is all of their similarity, which it refuses too)
    assert any(pair <= set(g) for g in group(arts, StoryOptions(min_shared=1, one_term=0.0)))


def test_the_compare_command_stories_suggests_finds_the_story_it_names() -> None:
    """`stories --source bbc --source dw --source lemonde` told the user to `compare it with claimcheck
    compare --story ID`, which said "unknown story id": grouped from those outlets' articles alone, the
    story's id (its earliest article's) is not one of the stories of all outlets. The command suggested
    carries the listing's --source, --since and --until, and finds the story."""
    import re
    import shlex

    listing = ["--source", "bbc", "--source", "dw", "--source", "lemonde", "--since", "2025-12-10"]
    code, md, err = run("stories", *listing, "--format", "markdown")
    assert code == 0, err
    code, table, _ = run("stories", *listing)
    assert code == 0 and "--source bbc --source dw --source lemonde --since 2025-12-10" in " ".join(
        table.split()
    )
    commands = re.findall(r"compare it with `claimcheck (compare --story [^`]+)`", md)
    assert commands
    for command in commands:
        code, out, err = run(*shlex.split(command), "--min-outlets", "1", "--format", "json")
        assert code == 0, (command, err)
        assert {o["id"] for o in json.loads(out)["outlets"]} <= {"bbc", "dw", "lemonde"}


@pytest.mark.parametrize("until", ["0001-01-01", "0001-01-02T00:00:00+00:00"])
def test_an_until_in_the_first_days_of_year_one_is_an_empty_window_not_an_internal_error(until: str) -> None:
    """`stories --until 0001-01-01` said "internal error: OverflowError: date value out of range": the default
    window's 3 days before it fall before year 1. It is a window with no article: one line, exit 1."""
    code, out, err = run("stories", "--until", until)
    assert code == 1 and out == "" and "no stored article" in err and "internal" not in err, err
    _, listed, _ = run("stories", "--format", "json")
    sid = json.loads(listed)["stories"][0]["id"]
    code, out, err = run("compare", "--story", sid, "--until", until)
    assert code == 1 and "internal" not in err, err


def test_the_compare_command_stories_suggests_reads_the_database_listed(tmp_path: Path) -> None:
    """`stories --db FILE` suggested `claimcheck compare --story ID` without the --db: run as printed, it read the
    default database ("no database here yet", or another store's stories). It carries --db and --sources."""
    import re
    import shlex

    store = demo_store()
    db = tmp_path / "my stories.db"
    __import__("shutil").copy(store.db, db)
    env = {"COLUMNS": "120", "CLAIMCHECK_HOME": str(tmp_path / "home")}
    r = runner.invoke(app, ["stories", "--db", str(db), "--sources", str(store.sources), "--format", "markdown"], env=env)
    assert r.exit_code == 0, r.stderr
    commands = re.findall(r"compare it with `claimcheck (compare --story [^`]+)`", r.stdout)
    assert commands and all(f"--db {shlex.quote(str(db))}" in c for c in commands), commands
    r = runner.invoke(app, [*shlex.split(commands[0]), "--format", "json"], env=env)
    assert r.exit_code == 0 and json.loads(r.stdout)["outlets"], r.stderr
    assert not (tmp_path / "home").exists()  # nothing read or made in the default place


# One bridge closure told from several angles the same days, a one-line brief, and another city's bridge
# (written for claimcheck).
BRIDGE = [
    ("Arnholt shuts Kestrel Bridge after cracks found in main span",
     "Engineers closed the Kestrel Bridge in Arnholt on Tuesday after inspectors found cracks in a steel "
     "girder of the main span. The city said the crossing would stay shut until repairs are planned."),
    ("Commuters face long detours as Kestrel Bridge closes over cracks",
     "Drivers who use the Kestrel Bridge in Arnholt were sent on detours of up to forty minutes after "
     "engineers shut it over cracks in a girder. Bus operators in Arnholt added extra ferry services."),
    ("Inspectors' report on Kestrel Bridge points to corroded girder",
     "A report by the Arnholt inspectors describes corrosion in a girder of the Kestrel Bridge, built in "
     "1968. Rust had eaten through bolts that hold the span, the engineers wrote."),
    ("Arnholt council orders review of every bridge after Kestrel cracks",
     "After cracks shut the Kestrel Bridge, Arnholt council ordered a review of all its crossings and asked "
     "why earlier inspections missed the corroded girder. Councillor Mira Sandoval called it alarming."),
    ("Kestrel Bridge closed", "Arnholt's Kestrel Bridge is closed to traffic until further notice, the city said."),
]  # fmt: skip
OTHER_BRIDGE = (
    "Dorrin reopens Halvard Bridge after repainting",
    "The Halvard Bridge in Dorrin reopened on Tuesday after three months of repainting, the city said; "
    "traffic over the Tamsin river returned to normal.",
)


def test_the_story_pass_joins_an_angle_the_linkage_left_apart_as_a_whole_story() -> None:
    def bridge_stories(options: StoryOptions, late: float = 0.0) -> list[list[str]]:
        arts = [
            art(f"o{k % 5 + 1}", t, x, 3 * k + (late if k == 1 else 0.0), f"bridge-{k}")
            for k, (t, x) in enumerate(BRIDGE)
        ]
        arts += [art("o3", *OTHER_BRIDGE, 8, "halvard"), *sample()]
        slugs = [a.url.rsplit("/", 1)[-1] for a in arts]
        found = [sorted(slugs[i] for i in g) for g in group(arts, options)]
        return sorted(g for g in found if any(s.startswith(("bridge", "halvard")) for s in g))

    strict = StoryOptions(link=0.2, title_link=0.15)  # a stricter link: the commuters' angle is left apart
    event = [f"bridge-{k}" for k in range(len(BRIDGE))]
    apart = [[s for s in event if s != "bridge-1"], ["bridge-1"], ["halvard"]]
    assert bridge_stories(replace(strict, story_link=0.0)) == apart
    # compared with the story as a whole (its summed vector), the angle joins it; the other bridge does not
    assert bridge_stories(strict) == [event, ["halvard"]]
    # ten days later the same piece is damped below story_link (halving every story_days past same_days) ...
    assert bridge_stories(replace(strict, story_margin=0.0), late=24 * 10) == apart
    # ... but above story_clear, and like no other story: clearly about this one, it joins (compared with
    # this story only, it is above story_alone too)
    assert bridge_stories(strict, late=24 * 10) == [event, ["halvard"]]
    assert bridge_stories(replace(strict, story_alone=0.2), late=24 * 10) == apart
    assert bridge_stories(strict, late=24 * 60) == apart


# A dockworkers' strike at one port told by four outlets, a brief on it in other words, another dispute at the
# same port the same days, and a brief on both (written for claimcheck).
DOCKS = [
    ("Dockworkers walk out at Velmora port over night shifts",
     "Cargo stopped moving at the port of Velmora on Monday as dockworkers began a strike over new night "
     "shifts. Cranes stood idle and container ships waited offshore, the harbour authority said."),
    ("Velmora strike leaves container ships waiting offshore",
     "More than twenty container ships were anchored off Velmora after dockworkers stopped work. The union "
     "says the night shift rota was imposed without talks; the port operator Brisca Terminals disagrees."),
    ("Brisca Terminals says Velmora walkout costs millions a day",
     "The operator of the Velmora container port, Brisca Terminals, said the dockworkers' strike was costing "
     "it millions each day and urged the union to return to talks over the night shift rota."),
    ("Shops warn of empty shelves as Velmora dockers strike",
     "Retailers said imported goods could run short within a week if the dockworkers' strike at Velmora "
     "continues, with containers of food and clothing stuck on ships waiting offshore."),
]  # fmt: skip
# a brief on the same strike in other words: a few of the story's words, like no other story of the window
BRIEF = ("Harbour shutdown enters second day",
         "Idle cranes and queued cargo vessels: the dispute over the new rota at Brisca's quays goes on, "
         "with no talks planned.")  # fmt: skip
# another dispute at the same port the same days: ferry crews (its own story)
FERRY = [
    ("Velmora ferry crews strike over pay",
     "Ferry crews at Velmora stopped sailings to the islands on Tuesday in a strike over pay, the union "
     "said, leaving passengers stranded at the terminal."),
    ("Island passengers stranded as Velmora ferry strike begins",
     "Sailings from Velmora to the islands were cancelled after ferry crews walked out over pay; the "
     "ferry company offered refunds to stranded passengers."),
    ("Velmora ferry company offers crews talks on pay",
     "The ferry company at Velmora invited the crews' union to talks on pay to end the strike that "
     "stopped island sailings."),
]  # fmt: skip
# a brief about both disputes at once: as like one story as the other
BOTH = ("Strikes at Velmora port: union leaders meet minister",
        "Union leaders of the striking workers at Velmora met the transport minister, who urged talks.")  # fmt: skip


def port_stories(brief: tuple[str, str], options: StoryOptions, ferry: bool = False) -> list[list[str]]:
    """The stories of the docks' strike (and the ferry dispute) with a brief, among sample news."""
    arts = [art(f"o{k + 1}", t, x, 2 * k, f"dock-{k}") for k, (t, x) in enumerate(DOCKS)]
    if ferry:
        arts += [art(f"o{k + 2}", t, x, 24 + 2 * k, f"ferry-{k}") for k, (t, x) in enumerate(FERRY)]
    arts += [art("o6", *brief, 20, "brief"), *sample()]
    slugs = [a.url.rsplit("/", 1)[-1] for a in arts]
    found = [sorted(slugs[i] for i in g) for g in group(arts, options)]
    return sorted(g for g in found if any(s.startswith(("dock", "ferry", "brief")) for s in g))


def test_the_story_pass_joins_a_brief_clearly_about_one_story_and_not_one_about_two() -> None:
    docks = [f"dock-{k}" for k in range(len(DOCKS))]
    ferry = [f"ferry-{k}" for k in range(len(FERRY))]
    # the brief shares few words with the strike's reports: less like them than story_link asks, apart ...
    assert port_stories(BRIEF, StoryOptions(story_margin=0.0)) == [["brief"], docks]
    # ... but like no other story at all (story_margin times its next best): clearly about it, it joins
    assert port_stories(BRIEF, StoryOptions()) == [["brief", *docks]]
    assert port_stories(BRIEF, StoryOptions(), ferry=True) == [["brief", *docks], ferry]
    # a brief on both disputes is about as like one as the other: apart; a lower story_link instead of the
    # margin would put it in one of them
    assert port_stories(BOTH, StoryOptions(), ferry=True) == [["brief"], docks, ferry]
    assert port_stories(BOTH, StoryOptions(story_link=0.12, story_margin=0.0), ferry=True) == [
        ["brief", *docks],
        ferry,
    ]


# a brief on the other dispute at the port (the ferry crews'), in a window without the ferry story: the docks
# story is the only story near it (written for claimcheck)
FERRY_BRIEF = ("Velmora harbour ferry dispute",
               "The ferry company at Velmora harbour and the crews' union remain apart on pay; sailings to the "
               "islands are cancelled and cargo waits.")  # fmt: skip


def test_a_brief_compared_with_one_story_only_has_no_margin_and_needs_story_alone() -> None:
    docks = [f"dock-{k}" for k in range(len(DOCKS))]
    # the ferry brief is a little like the strike's reports (the port, its cargo) and near no other story:
    # with nothing to be clear of, the margin passed whatever the cosine, and other news joined the strike
    assert port_stories(FERRY_BRIEF, StoryOptions(story_alone=0.0)) == [["brief", *docks]]
    # compared with one story only, a story joins below story_link at story_alone: the brief stays apart
    assert port_stories(FERRY_BRIEF, StoryOptions()) == [["brief"], docks]
    assert port_stories(FERRY_BRIEF, StoryOptions(story_link=0.0)) == [["brief"], docks]  # (the pass is it)
    # the strike's own brief is measured against two stories and clears its margin: it still joins
    assert port_stories(BRIEF, StoryOptions()) == [["brief", *docks]]


def test_the_story_pass_sums_stories_in_chunks_as_in_one(monkeypatch: pytest.MonkeyPatch) -> None:
    from claimcheck.stories import storypass

    arts = [art(f"o{k % 5 + 1}", t, x, 3 * k, f"bridge-{k}") for k, (t, x) in enumerate(BRIDGE)]
    arts += [art("o3", *OTHER_BRIDGE, 8, "halvard"), *sample()]
    strict = StoryOptions(link=0.2, title_link=0.15)
    whole = group(arts, strict)
    assert whole != group(arts, replace(strict, story_link=0.0))  # the pass joins something here
    for chunk in (1, 2, 5):  # whole stories a few articles at a time: one story may exceed the chunk
        monkeypatch.setattr(storypass, "_SUM_CHUNK", chunk)
        assert group(arts, strict) == whole


# A title token without spaces: 5,000 characters of junk, or a sentence of a script written without spaces
# (written for claimcheck: "a strong quake struck the city today, rescuers search collapsed buildings").
JUNK = "qzx" * 1700
CJK = "今日市内发生强烈地震多座建筑倒塌救援人员正在现场搜寻被困居民当局呼吁市民远离受损建筑"
# A clause of Japanese under 40 characters ("heavy rain in Tokyo flooded many roads"): one token, as a sentence
# of the real benchmark pages' titles became three topic "words" of 20 to 38 characters.
CJK_CLAUSE = "東京の大雨で多くの道路が冠水した"


@pytest.mark.parametrize("token", [JUNK, CJK, CJK_CLAUSE], ids=["junk", "cjk", "cjk-clause"])
def test_a_token_without_spaces_is_no_topic_word_and_the_suggested_topic_compares(
    token: str, tmp_path: Path
) -> None:
    """A title token of thousands of characters (or a CJK sentence, one token) shared by a story's titles
    became its whole suggested topic, and `compare TOPIC` with it found nothing. A topic word is at most 40
    characters; the topic stays a few words, and the compare it suggests runs."""
    db = demo_copy(
        tmp_path / "long.db",
        ("UPDATE articles SET title = ? || ' ' || title WHERE title LIKE '%Belarus%'", (token,)),
    )
    code, out, err = run("stories", "--since", "2000-01-01", "--format", "json", db=db)
    assert code == 0, err
    belarus = json.loads(out)["stories"][0]
    assert token in belarus["label"]  # the label is the title as it is (the table folds it)
    topic = belarus["topic"]
    assert topic and token not in topic and len(topic.split()) <= 3
    assert all(len(w) <= 40 for w in topic.split())
    code, out, err = run("compare", topic, "--since", "2000-01-01", "--format", "json", db=db)
    assert code == 0, err
    assert json.loads(out)["outlets"]


# 40 and 59 (lines) and 60 (the table) hold each side of the switch; 50, lines again, with the slow tests
@pytest.mark.parametrize("columns", [40, pytest.param(50, marks=pytest.mark.slow), 59, 60])
def test_a_narrow_terminal_keeps_each_storys_label_and_whole_id(columns: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """At 40 columns the Story column (label and id) was dropped, leaving numbers without a story; at 50 the
    id was folded over two lines, so it could not be copied into `compare --story`. Below 60 columns each
    story is its label with its id on a line of its own; at 60 the table."""
    import re

    from claimcheck.cli.common import out_console

    code, out, _ = run("stories", "--format", "json")
    stories = json.loads(out)["stories"]
    monkeypatch.setattr(out_console, "_made", None)  # made again, at this width (in this process, not a new one)
    store = demo_store()
    argv = ["stories", "--db", str(store.db), "--sources", str(store.sources)]
    r = runner.invoke(app, argv, env={"COLUMNS": str(columns), "NO_COLOR": "1"})
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert all(len(line.rstrip()) <= columns for line in lines)
    flat = " ".join(line.strip() for line in lines)
    for s in stories:
        assert any(re.search(rf"(^|\s){s['id']}(\s|$)", line) for line in lines), (
            r.stdout
        )  # whole on one line
        assert " ".join(s["label"].split()[:2]) in flat, r.stdout
        assert f"{len(s['independent_outlets'])}/{len(s['outlets'])}" in flat


def test_an_id_listed_before_an_earlier_report_was_stored_still_finds_its_story(tmp_path: Path) -> None:
    """A story's id is made from its earliest article: after a later fetch stored an earlier report of it,
    the story was listed under another id, and the id the user had copied from yesterday's listing was
    "unknown". It still finds the story that holds the article it was made from; an id that no article
    gives stays unknown."""
    _, out, _ = run("stories", "--since", "2000-01-01", "--format", "json")
    belarus = json.loads(out)["stories"][0]
    last = max(belarus["articles"], key=lambda a: a["published"])
    db = demo_copy(
        tmp_path / "earlier.db",
        ("UPDATE articles SET published = '2000-06-01T00:00:00+00:00' WHERE url = ?", (last["url"],)),
    )
    code, out, err = run("stories", "--since", "2000-01-01", "--format", "json", db=db)
    assert code == 0, err
    now = next(s for s in json.loads(out)["stories"] if last["url"] in {a["url"] for a in s["articles"]})
    assert now["id"] != belarus["id"] and len(now["articles"]) == len(belarus["articles"])
    since = ("--since", "2000-01-01")  # the window it is listed in now; in the default one it keeps its id
    code, out, err = run(
        "compare", "--story", belarus["id"], *since, "--min-outlets", "1", "--format", "json", db=db
    )
    assert code == 0, err
    assert json.loads(out)["topic"].startswith(f"story {now['id']}")
    code, _, err = run("compare", "--story", "s0000000000", db=db)
    assert code == 1 and "s0000000000" in err


# A tight story of four reports, a short item of other news that shares only its subject's words, and a
# brief that reports the event (the town, the crowns, the police): written for the tests.
THEFT = [
    ("Thieves take gold crowns from Harwick museum in night raid",
     "Thieves broke into the Harwick city museum overnight and took three gold crowns from the royal gallery, "
     "curator Ilse Brandt said; police sealed off the old town and checked cameras."),
    ("Harwick museum robbed of three gold crowns",
     "Three gold crowns were taken from the royal gallery of the Harwick city museum in the night, police "
     "said, and curator Ilse Brandt called the raid a blow to the old town."),
    ("Police hunt thieves after gold crowns vanish from Harwick museum",
     "Police in Harwick are hunting the thieves who took three gold crowns from the city museum's royal "
     "gallery overnight; curator Ilse Brandt said alarms did not sound."),
    ("Night raid on Harwick museum: three crowns gone",
     "The royal gallery of the Harwick city museum lost three gold crowns in a night raid, curator Ilse "
     "Brandt said, as police closed the old town's streets."),
]  # fmt: skip
MUSEUMS = (
    "Are museums spending enough on security?",
    "A debate on gold, alarms and night guards in galleries.",
)
GUARD = (
    "Harwick crowns: police question guard",
    "Police in Harwick questioned a night guard over the gold crowns taken from the city museum.",
)


MUSEUMS_TOO = (
    "Museums debate who pays for security",
    "Galleries weigh gold displays, alarms and night guards.",
)


def test_a_lone_item_of_other_news_does_not_join_a_tight_story_through_its_subjects_words() -> None:
    """The linkage (story pass off: it weighs stories as a whole, and keeps the cohesion for them): one or
    two articles must be cohesion_lone (0.4) of a tight story's own similarity, not cohesion (0.25), to
    join it. Feed entries on museum security share the story's subject words only; a brief on the theft
    names it."""

    def theft_story(items: list[tuple[str, str]], options: StoryOptions) -> list[int]:
        arts = [art(f"o{k + 1}", t, x, k, f"theft-{k}") for k, (t, x) in enumerate(THEFT)]
        arts += [art(f"o{9 + k}", *item, 5 + k, f"item-{k}") for k, item in enumerate(items)]
        arts += [*sample(), *unrelated(300)]
        return next(g for g in group(arts, options) if 0 in g)

    linkage = StoryOptions(story_link=0.0)
    assert theft_story([MUSEUMS], linkage) == [0, 1, 2, 3]
    assert theft_story([MUSEUMS], replace(linkage, cohesion_lone=0.25)) == [0, 1, 2, 3, 4]  # as before
    # two such entries first make a pair, which is held to the same share
    assert theft_story([MUSEUMS, MUSEUMS_TOO], linkage) == [0, 1, 2, 3]
    assert theft_story([MUSEUMS, MUSEUMS_TOO], replace(linkage, cohesion_lone=0.25)) == [0, 1, 2, 3, 4, 5]
    assert theft_story([GUARD], linkage) == [0, 1, 2, 3, 4]


def test_times_of_an_earlier_year_than_the_listing_show_their_year() -> None:
    """Stored articles all from a past year, listed today: "31 Jan 06:40" reads as this year's; every time
    of another year than the listing's own carries its year. This year's times stay short."""
    old = [replace(a, published=a.published.replace(year=2019)) for a in sample() if a.published]
    table = render(list_stories(old, OUTLETS, min_outlets=2, generated_at=T0), "table")
    assert "02 Mar 2019 " in table and "02 Mar 08:00" not in table
    table = render(list_stories(sample(), OUTLETS, min_outlets=2, generated_at=T0), "table")
    assert "02 Mar 07:00" in table and "2026" not in table.split("\n", 1)[1]


def test_outlets_tied_at_the_first_time_are_not_hidden_behind_one_first_outlet() -> None:
    """Feeds that give only the day stamp every article 00:00: three outlets published "first" at once, and
    the listing named one of them alone as the first. It now counts the others ("+2") and names them in
    Markdown; a story with one first outlet stays as it was. (Three outlets at one time of day here: a first
    stamped 00:00, its day only, ties every article of that day, tests/test_look19.py.)"""
    arts = [
        replace(a, published=T0.replace(hour=6, minute=30)) if a.outlet in ("o1", "o2", "wire") else a
        for a in sample()
    ]
    result = list_stories(arts, OUTLETS, min_outlets=2, generated_at=T0)
    flood = next(s for s in result.stories if len(s.outlets) >= 4)
    assert flood.first_outlet in ("o1", "o2", "wire")
    table = render(result, "table")
    assert " +2" in table and "+N: as many other outlets" in " ".join(table.split())
    md = render(result, "markdown")
    others = sorted({"Outlet 1", "Outlet 2", "Wire Agency"} - {OUTLETS[flood.first_outlet].name})
    assert (
        f"(at the same time: {', '.join(others)})" in md
        or f"(at the same time: {', '.join(others[::-1])})" in md
    )
    plain_listing = render(list_stories(sample(), OUTLETS, min_outlets=2, generated_at=T0), "table")
    assert "+N:" not in " ".join(plain_listing.split()) and " +1" not in plain_listing


def test_the_suggested_topic_reads_in_the_order_of_the_label() -> None:
    """Topic words are ranked by weight; shown in the label's order ("Las Vegas shooting", never "Vegas Las
    shooting"), a word matched whole ("las" is not found inside "Atlas"), words the label lacks last."""
    from claimcheck.stories.labels import _in_reading_order

    assert _in_reading_order(["Vegas", "Las", "shooting"], "Gunman kills 59 in Las Vegas shooting") == [
        "Las",
        "Vegas",
        "shooting",
    ]
    assert _in_reading_order(["Vegas", "gunman", "Las"], "Atlas of a Las Vegas night: the gunman") == [
        "Las",
        "Vegas",
        "gunman",
    ]
    assert _in_reading_order(["quake", "Japan", "tsunami"], "Japan counts the cost") == [
        "Japan",
        "quake",
        "tsunami",
    ]


# One event told by two outlets, the first in American copy's dashes set without spaces (written for claimcheck).
DASHED = [
    ("Border clashes flare between Tarsia and Velmora—again",
     "Troops of Tarsia and Velmora exchanged fire near the Oskel crossing—the third clash this winter—and "
     "both capitals blamed the other."),
    ("Velmora says Tarsia shelled Oskel crossing",
     "Velmora accused Tarsia of shelling the Oskel crossing overnight, its defence ministry said."),
]  # fmt: skip


def test_words_joined_by_a_dash_without_spaces_are_each_a_word() -> None:
    """Real titles of American outlets set the em dash without spaces ("Pakistan and Afghanistan—again",
    "AI—and May Now Win"): str.split left "velmora—again" one term, so the name was missing from the
    article's terms and the suggested topic read "Velmora—again". Each side of the dash is its own word."""
    arts = [art(f"o{k + 1}", t, x, k, f"dash-{k}") for k, (t, x) in enumerate(DASHED)]
    ix = index_articles(arts, StoryOptions())
    terms = {ix.terms.vocab[t] for t in ix.term[ix.doc == 0]}
    assert {"velmora", "oskel", "crossing", "clash"} <= terms
    assert not any("—" in t for t in terms)
    stories = find_stories(arts, OUTLETS | {"o1": Outlet("o1", "O1"), "o2": Outlet("o2", "O2")})
    assert len(stories) == 1 and "—" not in stories[0].topic
    assert "Velmora" in stories[0].topic.split()

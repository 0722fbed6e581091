"""`claimcheck compare` through the real app (CliRunner) on a real store: the demo corpus fetched once."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from test_compare_demo import TOPIC, demo_store
from test_render import validate
from typer.testing import CliRunner

from claimcheck.cli.app import app
from claimcheck.render.jsonout import SCHEMA, SCHEMA_ID

runner = CliRunner()


def run(*args: str, width: int = 80) -> tuple[int, str, str]:
    store = demo_store()
    argv = ["compare", *args, "--db", str(store.db), "--sources", str(store.sources)]
    r = runner.invoke(app, argv, env={"COLUMNS": str(width)})
    return r.exit_code, r.stdout, r.stderr


@pytest.fixture(scope="module")
def as_json() -> dict:
    code, out, _ = run(TOPIC, "--format", "json")
    assert code == 0
    return json.loads(out)


def test_table_output() -> None:
    code, out, err = run(TOPIC)
    assert code == 0, err
    assert "claimcheck: Belarus prisoners" in out and "Reported by" in out and "(first)" in out
    assert "South China Morning Post says 125 (vs 123)" in out.replace("\n", " ") or "125" in out
    assert "articles from" in err  # messages go to stderr


def test_json_validates_and_is_alone_on_stdout(as_json: dict) -> None:
    validate(as_json, SCHEMA)
    assert as_json["schema"] == SCHEMA_ID and as_json["topic"] == TOPIC
    assert as_json["facts"] and all(len(f["outlets"]) >= 2 for f in as_json["facts"])
    released = next(f for f in as_json["facts"] if f["value"] and f["value"]["low"] == 123)
    assert [c["outlet"] for c in released["conflicts"]] == ["scmp"]
    assert {"cbsnews", "abcnews"} <= set(released["outlets"]) - set(released["independent_outlets"])
    quotes = [m for f in as_json["facts"] if f["kind"] == "quote" for m in f["mentions"]]
    assert quotes and all(m["fidelity"] in ("verbatim", "trimmed", "paraphrased") for m in quotes)
    assert all({"outlet", "cited", "articles"} <= set(c) for c in as_json["citations"])


def test_csv_one_row_per_fact_and_outlet(as_json: dict) -> None:
    code, out, _ = run(TOPIC, "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == sum(len(f["outlets"]) for f in as_json["facts"])
    assert {r["fact_id"] for r in rows} == {f["id"] for f in as_json["facts"]}


def test_markdown_to_a_file_leaves_stdout_empty(tmp_path: Path) -> None:
    report = tmp_path / "report.md"
    code, out, err = run(TOPIC, "--format", "markdown", "-o", str(report))
    assert code == 0 and out == ""
    text = report.read_text(encoding="utf-8")
    assert text.startswith("# claimcheck: Belarus prisoners") and "## Who cites whom" in text
    assert "\\-" not in text and "\\." not in text  # readable: no needless escapes
    assert f"wrote {report}" in err.replace("\n", "")


def test_filters(as_json: dict) -> None:
    code, out, _ = run(
        TOPIC, "--format", "json", "--source", "bbc", "--source", "guardian", "--min-outlets", "1"
    )
    data = json.loads(out)
    assert code == 0 and {o["id"] for o in data["outlets"]} == {"bbc", "guardian"}
    code, out, _ = run(TOPIC, "--format", "json", "--limit", "3", "--min-outlets", "1")
    assert sum(o["articles"] for o in json.loads(out)["outlets"]) == 3
    code, out, _ = run(TOPIC, "--format", "json", "--kind", "quote")
    assert {f["kind"] for f in json.loads(out)["facts"]} == {"quote"}
    code, out, _ = run(TOPIC, "--format", "json", "--min-outlets", "10")
    facts = json.loads(out)["facts"]
    assert facts and all(len(f["outlets"]) >= 10 for f in facts) and len(facts) < len(as_json["facts"])
    code, out, _ = run(TOPIC, "--format", "json", "--since", "2025-12-13", "--until", "2025-12-13")
    data = json.loads(out)
    assert code == 0 and data["window"]["since"].startswith("2025-12-13") and data["facts"]
    code, _, err = run(TOPIC, "--since", "2030-01-01")
    # The window as searched, its times with their zone (was "between 2030-01-01 and now": whose midnight?)
    assert code == 1 and "since 2030-01-01 00:00 UTC" in err
    code, _, err = run(TOPIC, "--since", "2030-01-01", "--until", "2030-01-02")
    assert code == 1 and "between 2030-01-01 00:00 UTC and 2030-01-02 23:59 UTC" in err


def test_matrix_and_explain() -> None:
    code, out, _ = run(TOPIC, "--matrix", width=160)  # 12 outlet columns need a wide terminal
    assert code == 0 and "1 first reporter" in out and "!" in out.split("1 first reporter")[0]
    code, out, _ = run(TOPIC, "--explain", "--kind", "number")
    assert code == 0 and "values agree" in out and "context" in out
    assert "wire copy" in out


def test_no_match_names_the_search_and_suggests_terms() -> None:
    code, out, err = run("Belarys prisonners")
    assert code == 1 and out == ""
    assert "no stored article matches 'Belarys prisonners'" in err and "did you mean" in err
    assert "belarus" in err.lower()


def test_no_fact_of_articles_all_in_another_language_gives_no_min_outlets_hint(tmp_path: Path) -> None:
    """A topic whose articles are all in Portuguese said "a lower --min-outlets shows fewer-reported ones",
    which showed nothing either: no claims are extracted from them. It says they are not in English."""
    import shutil
    import sqlite3

    db = tmp_path / "pt.db"
    shutil.copy(demo_store().db, db)
    con = sqlite3.connect(db)
    con.execute("UPDATE articles SET language = 'pt' WHERE title LIKE '%Belarus%'")
    con.execute("DELETE FROM claims WHERE article_id IN (SELECT id FROM articles WHERE language = 'pt')")
    con.commit()
    con.close()
    r = runner.invoke(app, ["compare", "Belarus", "--db", str(db), "--sources", str(demo_store().sources)])
    assert r.exit_code == 1 and "not in English: no claims" in r.stderr, r.stderr
    assert "--min-outlets" not in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr


@pytest.mark.parametrize("narrow", [["--since", "2030-01-01"], ["--until", "2001-01-01"], ["--source", "bbc"]])
def test_no_match_in_a_window_says_so_instead_of_suggesting_spellings(narrow: list[str]) -> None:
    """`compare Iran --since 9999-12-31` said "did you mean: kiran, iraq, ivan?": the words were right, the
    window held none of their articles. Articles outside it match: it says so, with no spelling hints."""
    topic = "Fulham Brighton" if narrow[0] == "--source" else "Belarus"  # a match the Guardian's alone
    code, out, err = run(topic, *narrow)
    assert code == 1 and out == "" and "did you mean" not in err, err
    assert "articles outside it match" in err and len(err.strip().splitlines()) == 1, err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "xml"], "unknown format 'xml'"),
        (["--kind", "opinion"], "unknown kind 'opinion'"),
        (["--source", "nosuch"], "unknown outlet 'nosuch'"),
    ],
)
def test_bad_usage_exits_2_with_one_line(args: list[str], message: str) -> None:
    code, out, err = run(TOPIC, *args)
    assert code == 2 and out == "" and message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


@pytest.mark.parametrize("topic", ["!!!", '""', '"  "', "—", "*"])
def test_a_topic_with_no_word_is_bad_input(topic: str) -> None:
    """A topic of punctuation alone (`compare '""'`, `compare '*'`) searched for nothing and said "no
    stored article matches", exit 1, as if the store lacked it; it is bad input, as an empty topic is."""
    code, out, err = run(topic)
    assert code == 2 and out == "" and "no word to search for" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown", "html"])
def test_no_fact_left_by_min_outlets_is_nothing_found(fmt: str, tmp_path: Path) -> None:
    # As an empty window: one line on stderr, exit 1, nothing on stdout and no file (was an empty
    # table or document and exit 0, so a script could not tell "nothing" from "something").
    code, out, err = run(TOPIC, "--format", fmt, "--min-outlets", "50")
    assert code == 1 and out == ""
    assert "no fact" in err and "at least 50 outlets" in err and "--min-outlets" in err
    report = tmp_path / "r.out"
    code, out, err = run(TOPIC, "--format", fmt, "--min-outlets", "50", "-o", str(report))
    assert code == 1 and not report.exists()


@pytest.mark.parametrize("width", [40, 50, 60, 69, 70])
def test_a_narrow_terminal_lists_each_fact_whole(width: int, as_json: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    """At 40 columns the table cut every fact's kind to "[numb…", the outlets to "reute…" and the
    Conflicts column to two letters a line; at 60 its heading to "Conflic…". Below 70 columns each fact is
    listed as lines: its id, summary, who reports it, the independent count, its conflicts."""
    from claimcheck.cli.common import out_console

    monkeypatch.setattr(out_console, "_made", None)  # made again, at this width
    code, out, _ = run(TOPIC, width=width)
    assert code == 0 and all(len(line.rstrip()) <= width for line in out.splitlines()), out
    words = set(out.replace("│", " ").split())
    for fact in as_json["facts"]:
        assert f"[{fact['kind']}]" in words and fact["id"] in words, (fact["id"], out)
    conflict = "South China Morning Post says 125 (vs 123)"
    assert set(conflict.split()) <= words and "Conflic…" not in out and "Repor…" not in out, out
    if width < 70:
        flat = " ".join(out.split())
        assert conflict in flat and "reported by all 12 outlets" in flat, out
    else:
        assert "Reported by" in out and "Conflicts" in out


def test_a_capitalised_or_in_the_topic_is_said_to_be_a_word() -> None:
    """"Belarus OR prisoners" searched for the word "or" too (every word must match), so it found fewer
    articles than "Belarus" alone, silently. A note on stderr says so; the search is unchanged."""
    code, _, err = run("Belarus OR prisoners", "--format", "json")
    assert "note: OR is searched as a word" in err and "no OR, AND or NOT" in err, err
    code, _, err = run(TOPIC, "--format", "json")
    assert code == 0 and "searched as a word" not in err
    _, _, err = run('"Belarus OR prisoners"', "--format", "json")  # a quoted phrase is the user's own
    assert "searched as a word" not in err


def test_a_wire_left_out_by_source_and_sources_yaml_still_marks_its_copies(tmp_path: Path) -> None:
    """bughunt15: with the wires (reuters, ap) no longer in sources.yaml and left out by --source, their
    copies (cbsnews of reuters, abcnews of ap) counted as independent reporting: the wire flag was known
    only from sources.yaml. It is known from the store's record of each outlet, as it is without --source."""
    import yaml

    store = demo_store()
    cfg = yaml.safe_load(store.sources.read_text(encoding="utf-8"))
    cfg["outlets"] = [o for o in cfg["outlets"] if o["id"] not in ("reuters", "ap")]
    (tmp_path / "s.yaml").write_text(yaml.safe_dump(cfg), encoding="utf-8")
    picked = ["--source", "cbsnews", "--source", "abcnews", "--source", "bbc", "--min-outlets", "1"]
    for sources in (store.sources, tmp_path / "s.yaml"):
        argv = ["compare", TOPIC, "--format", "json", *picked, "--db", str(store.db), "--sources", str(sources)]
        r = runner.invoke(app, argv)
        assert r.exit_code == 0, r.output
        facts = [f for f in json.loads(r.stdout)["facts"] if len(f["outlets"]) == 3]
        assert facts and all(f["independent_outlets"] == ["bbc"] for f in facts), (sources.name, facts[0])
        # `stories` counts wire copies as `compare` does (it had the same fault)
        argv = ["stories", "--no-cache", "--format", "json", *picked[:6], "--since", "2000-01-01", "--db",
                str(store.db), "--sources", str(sources)]  # fmt: skip
        r = runner.invoke(app, argv)
        assert r.exit_code == 0, r.output
        assert [s["independent_outlets"] for s in json.loads(r.stdout)["stories"]] == [["bbc"]], sources.name


@pytest.mark.parametrize("topic", ["%", "_", "__", "_ %", '"_"', "._."])
def test_a_topic_of_punctuation_and_underscores_is_said_to_have_no_word(topic: str) -> None:
    """``compare _`` said "no stored article matches '_'" (exit 1) where ``compare %`` says the topic has only
    punctuation (exit 2): "_" is a word character to Python's regex, a separator to both full-text indexes."""
    code, out, err = run(topic)
    assert code == 2, (out, err)
    assert "only punctuation" in " ".join(err.split()), err


def test_a_topic_word_with_an_underscore_is_still_searched() -> None:
    code, out, err = run("prisoners_Belarus", "--format", "json")
    assert code in (0, 1) and "only punctuation" not in err, err

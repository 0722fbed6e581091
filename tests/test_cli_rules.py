"""Rules every command follows (issue 10, items 4, 11-14): outputs never overwrite an input, errors are
one line, -h/-V/-q/--json/-o -, case-insensitive choices, completion, a closed pipe, plural wording, and
the `articles` and `stats` commands. The real app, on a real store: the demo corpus fetched once."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from test_cli import _read_only_folder, _writable_folder
from test_compare_demo import TOPIC, demo_store
from typer.testing import CliRunner

from claimcheck.cli.app import app
from claimcheck.models import Article
from claimcheck.store import Store, content_hash

runner = CliRunner()


def run(*args: str, db: Path | None = None) -> tuple[int, str, str]:
    store = demo_store()
    argv = [*args, "--db", str(db or store.db), "--sources", str(store.sources)]
    r = runner.invoke(app, argv, env={"COLUMNS": "100"})
    return r.exit_code, r.stdout, r.stderr


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_line(err: str) -> bool:
    return len(err.strip().splitlines()) == 1 and "Traceback" not in err


# -- item 4: -o never overwrites the database or an input ---------------------------------------------------
def test_compare_output_is_never_the_database_or_an_input(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    shutil.copy(demo_store().db, db)
    src = demo_store().sources
    before, src_before = digest(db), digest(src)
    link = tmp_path / "link.csv"
    link.symlink_to(db)
    hard = tmp_path / "hard.db"
    os.link(db, hard)
    for target in (db, Path(f"{db}-wal"), Path(f"{db}-shm"), link, hard, src):
        code, out, err = run("compare", TOPIC, "--format", "csv", "-o", str(target), db=db)
        assert code == 2 and out == "" and "refusing to write" in err and one_line(err), (target, err)
    assert digest(db) == before and digest(src) == src_before
    assert not Path(f"{db}-wal").exists() or Path(f"{db}-wal").stat().st_size == 0
    code, out, err = run("compare", TOPIC, "--format", "csv", "-o", "-", db=db)
    assert code == 0 and out.startswith("fact_id,") and "wrote" not in err


def test_an_output_never_lands_where_claimcheck_reads_its_inputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `-o sources.yaml` with --sources naming another file overwrote the ./sources.yaml every later run in
    # that folder reads; in a folder without one it created it (a report that every later command then
    # read as its outlets: "bad sources.yaml"). `claimcheck demo --report sources.yaml` the same, and with
    # $CLAIMCHECK_SOURCES set, its file too. Refused before any work, nothing created or changed.
    monkeypatch.chdir(tmp_path)
    for present in (True, False):
        local = tmp_path / "sources.yaml"
        if present:
            local.write_text("outlets: []  # the user's own\n")
        for args in (["compare", TOPIC, "-o", "sources.yaml"], ["stories", "-o", "sources.yaml"],
                     ["articles", "-o", "./sources.yaml"]):  # fmt: skip
            code, out, err = run(*args)
            assert code == 2 and "refusing to write" in err and one_line(err), (present, args, err)
            assert local.exists() == present and (not present or "the user's own" in local.read_text())
        r = runner.invoke(app, ["demo", "--db", str(tmp_path / "d.db"), "--report", "sources.yaml", "-q"])
        assert r.exit_code == 2 and "refusing to write" in r.stderr and one_line(r.stderr), r.stderr
        assert local.exists() == present and not (tmp_path / "d.db").exists()
        local.unlink(missing_ok=True)
    env_sources = tmp_path / "mine.yaml"
    env_sources.write_text("outlets: []  # named by $CLAIMCHECK_SOURCES\n")
    monkeypatch.setenv("CLAIMCHECK_SOURCES", str(env_sources))
    code, out, err = run("compare", TOPIC, "-o", "mine.yaml")  # (--sources names the demo's)
    assert code == 2 and "refusing to write" in err and one_line(err), err
    r = runner.invoke(app, ["demo", "--db", str(tmp_path / "d.db"), "--report", str(env_sources), "-q"])
    assert r.exit_code == 2 and "refusing to write" in r.stderr, r.stderr
    assert "CLAIMCHECK_SOURCES" in env_sources.read_text()


def test_an_output_is_never_a_file_of_claimcheck_itself(tmp_path: Path) -> None:
    # `claimcheck demo --report claimcheck/demo/corpus/outlets.yaml` (from a checkout: an editable install)
    # overwrote the demo's own outlets after reading them, and `-o claimcheck/cli/app.py` its code.
    import claimcheck
    from claimcheck.cli.outputs import output_path
    from claimcheck.errors import UsageError

    package = Path(claimcheck.__file__).parent
    for target in (package / "demo" / "corpus" / "outlets.yaml", package / "cli" / "app.py", package / "new.md"):
        with pytest.raises(UsageError, match="refusing to write .*claimcheck's own"):
            output_path(target)
    assert output_path(tmp_path / "report.md") == tmp_path / "report.md"

# -- item 12: one line and exit 2, never a traceback ------------------------------------------------------
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["fetch", "--since", "99999999d"], "before the year 1"),
        (["compare", TOPIC, "--until", "999999999w"], "before the year 1"),
        (["compare", TOPIC, "--limit", str(10**23)], "--limit"),
        (["articles", "--limit", str(10**23)], "--limit"),
        (["fetch", "--limit", str(10**23)], "--limit"),
        (["compare", TOPIC, "--since", "2025-12-14", "--until", "2025-12-12"], "is before --since"),
        (["articles", "--since", "1d", "--until", "3d"], "is before --since"),
        (["compare", TOPIC, "--bogus"], "No such option"),
        (["compare"], "Missing argument"),
        (["compare", "--story", ""], "the story id is empty"),  # was exit 1, after grouping the window
        (["compare", "--story", "  "], "the story id is empty"),
    ],
)
def test_bad_values_are_one_line_and_exit_2(args: list[str], message: str) -> None:
    code, out, err = run(*args)
    assert code == 2 and out == "" and message in err and one_line(err), err


def test_compare_reads_a_read_only_database_in_a_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "c.db"
    shutil.copy(demo_store().db, db)
    db.chmod(0o444)
    if not _read_only_folder(folder):
        pytest.skip("cannot make a folder read-only here")
    try:
        code, out, err = run("compare", TOPIC, "--format", "json", db=db)
        assert code == 0, err
        assert json.loads(out)["facts"]
        code, out, err = run("stats", "--json", db=db)
        assert code == 0 and json.loads(out)["articles"] >= 20, err
        code, out, err = run("reindex", db=db)  # a writer: says why it cannot (not "unable to open")
        assert code == 2 and "database is read-only" in err and one_line(err), err
        assert sorted(p.name for p in folder.iterdir()) == ["c.db"]
    finally:
        _writable_folder(folder)
        db.chmod(0o644)


def test_sigterm_stops_reindex_as_ctrl_c_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A real SIGTERM, sent to this process while the third article is re-extracted: reindex stops
    cleanly, says how far it got, exits 143; what it did is saved (before, SIGTERM killed it outright)."""
    import signal

    import claimcheck.ingest.reindex as reindex_module

    db = tmp_path / "c.db"
    shutil.copy(demo_store().db, db)
    real, calls = reindex_module.extract_claims, []

    def extract_claims(*args: object, **kw: object):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 3:
            os.kill(os.getpid(), signal.SIGTERM)
        return real(*args, **kw)

    monkeypatch.setattr(reindex_module, "extract_claims", extract_claims)
    code, out, err = run("reindex", "--json", db=db)
    assert code == 143, err
    assert json.loads(out)["interrupted"] is True and 2 <= json.loads(out)["articles"] <= 3
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # the handler is put back


# -- item 13: the same rules for every command --------------------------------------------------------------
def test_version_and_short_help() -> None:
    for flag in ("--version", "-V"):
        r = runner.invoke(app, [flag])
        assert r.exit_code == 0 and r.stdout.startswith("claimcheck ")
    r = runner.invoke(app, ["-h"])
    assert r.exit_code == 0 and "compare" in r.stdout and "articles" in r.stdout


def test_choices_ignore_case_and_quiet_silences_stderr() -> None:
    code, out, err = run("compare", TOPIC, "--format", "JSON", "--kind", "Quote", "-q")
    assert code == 0 and err == ""
    assert {f["kind"] for f in json.loads(out)["facts"]} == {"quote"}
    code, out, err = run("articles", "--format", "CSV", "-q")
    assert code == 0 and err == "" and out.startswith("id,outlet,published,title,claims")


def test_explain_and_matrix_say_when_a_format_ignores_them() -> None:
    code, out, err = run("compare", TOPIC, "--format", "json", "--explain", "--matrix")
    assert code == 0 and json.loads(out)["facts"]
    assert "--matrix and --explain only change the table" in err and "ignored with --format json" in err
    code, out, err = run("compare", TOPIC, "--format", "markdown", "--explain")
    assert code == 0 and "ignored" not in err  # the Markdown carries the explanation


def test_plural_wording() -> None:
    code, _, err = run("compare", TOPIC, "--limit", "1", "--min-outlets", "1")
    assert code == 0 and "1 article from 1 outlet," in err, err


def test_unknown_outlets_are_named_one_way_everywhere(tmp_path: Path) -> None:
    for args in (["fetch", "--db", str(tmp_path / "f.db")], ["compare", TOPIC], ["articles"]):
        code, _, err = run(*args, "--source", "BBC")
        assert code == 2 and one_line(err), err
        assert "unknown outlet 'BBC': not in " in err and "(see 'claimcheck sources')" in err
        assert "did you mean 'bbc'?" in err


def test_json_on_every_command_that_prints_a_summary(tmp_path: Path) -> None:
    code, out, _ = run("sources", "--json")
    data = json.loads(out)
    assert code == 0 and {o["id"] for o in data["outlets"]} >= {"bbc", "reuters"}
    code, out, _ = run("sources", "--check", "--json")
    assert code == 0 and json.loads(out)["ok"] is True
    code, out, err = run("sources", "--check", "-q")
    assert code == 0 and out == "" and err == ""
    db = tmp_path / "r.db"
    shutil.copy(demo_store().db, db)
    code, out, err = run("reindex", "--json", db=db)
    data = json.loads(out)
    assert (
        code == 0
        and data["articles"] == data["of"] >= 20
        and data["claims"] > 100
        and not data["interrupted"]
    )
    code, out, err = run("reindex", "-q", db=db)
    assert code == 0 and out == "" and err == ""


def test_completion_scripts_are_produced_and_complete() -> None:
    for shell in ("bash", "zsh", "fish", "BASH"):
        r = runner.invoke(app, ["completion", shell])
        assert r.exit_code == 0 and "_CLAIMCHECK_COMPLETE" in r.stdout, r.output
    r = runner.invoke(app, ["completion", "tcsh"])
    assert r.exit_code == 2 and "unknown shell 'tcsh'" in r.stderr
    # What the bash script asks claimcheck, answered by the real program.
    env = {
        **os.environ,
        "_CLAIMCHECK_COMPLETE": "complete_bash",
        "COMP_WORDS": "claimcheck com",
        "COMP_CWORD": "1",
    }
    done = subprocess.run(
        [sys.executable, "-m", "claimcheck"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and "compare" in done.stdout.split() and "completion" in done.stdout.split()
    env.update(COMP_WORDS="claimcheck compare x --form", COMP_CWORD="3")
    done = subprocess.run(
        [sys.executable, "-m", "claimcheck"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.stdout.split() == ["--format"], done.stdout + done.stderr


# compare writes -o through the same output code as stories; it runs with the slow tests (five runs of compare)
@pytest.mark.parametrize(
    "cmd", [["stories", "--format", "csv"], pytest.param(["compare", TOPIC, "--format", "json"], marks=pytest.mark.slow)]
)
def test_o_dev_stdout_writes_to_the_pipe_or_the_log_it_is(cmd: list[str], tmp_path: Path) -> None:
    """`-o /dev/stdout` (scripts write it for stdout) failed with "cannot write /dev/stdout: No such file
    or directory" when stdout was a pipe (the report was written beside the file /proc names, then
    renamed), and with stdout appended to a log (`>> log`) it replaced the log by the report. It writes
    to the stream itself: the pipe gets the report, the log keeps its lines and gets the report after."""
    store = demo_store()
    argv = [sys.executable, "-m", "claimcheck", *cmd, "-q", "--db", str(store.db), "--sources", str(store.sources)]
    want = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    assert want.returncode == 0 and want.stdout, want.stderr
    for path in ("/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"):
        done = subprocess.run([*argv, "-o", path], capture_output=True, text=True, timeout=60)  # a pipe
        assert done.returncode == 0, (path, done.stderr)
        assert _no_time(done.stdout) == _no_time(want.stdout) and done.stderr == ""
    log = tmp_path / "run.log"
    log.write_text("earlier run\n")
    with log.open("a") as f:
        done = subprocess.run([*argv, "-o", "/dev/stdout"], stdout=f, stderr=subprocess.PIPE, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert _no_time(log.read_text()) == "earlier run\n" + _no_time(want.stdout)


def _no_time(text: str) -> str:
    """A report without its generated_at (the runs are seconds apart)."""
    import re

    return re.sub(r'"generated_at": "[^"]*"', "", text)


@pytest.mark.parametrize(
    "args",
    [
        ["sources"],
        ["compare", TOPIC, "--format", "json"],
        # a second table on a closed pipe (sources, articles and stats are tables too): with the slow tests
        pytest.param(["compare", TOPIC], marks=pytest.mark.slow),
        ["articles"],
        ["stats"],
        ["completion", "bash"],
        ["-h"],
    ],
)
def test_a_closed_pipe_ends_quietly_with_exit_0(args: list[str]) -> None:
    """`claimcheck ... | head -1`: the reader is gone before claimcheck writes (read end closed first)."""
    read, write = os.pipe()
    os.close(read)
    store = demo_store()
    extra = [] if args[0] in ("completion", "-h") else ["--db", str(store.db)]
    if args[0] not in ("completion", "-h", "stats"):
        extra += ["--sources", str(store.sources)]
    try:
        done = subprocess.run(
            [sys.executable, "-m", "claimcheck", *args, *extra, "-q"][: None if args[0] != "-h" else 4],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(write)
    assert done.returncode == 0 and done.stderr == "", done.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args",
    [
        ["compare", TOPIC, "--format", "json"],
        # a second table into a full disk (articles is a table too): with the slow tests
        pytest.param(["compare", TOPIC], marks=pytest.mark.slow),
        ["articles"],
        ["stories", "--format", "csv"],
        ["-h"],
        ["-V"],
        ["compare", "-h"],
    ],
)
def test_stdout_on_a_full_disk_is_one_line_not_an_internal_error(args: list[str]) -> None:
    """`claimcheck compare X --format json > /dev/full` (stdout into a full disk) said "internal error:
    OSError: [Errno 28] No space left on device": a bug report for the user's disk; `-h` and `-V` a traceback.
    It says what could not be written, exit 2, as `-o` on a full disk does."""
    store = demo_store()
    extra = [] if "-h" in args or "-V" in args else ["--db", str(store.db), "--sources", str(store.sources), "-q"]
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "claimcheck", *args, *extra],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert done.returncode == 2 and done.stderr.strip().splitlines() == [done.stderr.strip()], done.stderr
    assert "cannot write stdout: No space left on device" in done.stderr and "internal" not in done.stderr


# -- item 14: what is stored ---------------------------------------------------------------------------
def test_articles_lists_newest_first_in_every_format(tmp_path: Path) -> None:
    code, out, err = run("articles", "--format", "json", "--limit", "100")
    rows = json.loads(out)
    assert code == 0 and len(rows) >= 20 and f"{len(rows)} articles" in err
    assert set(rows[0]) == {"id", "outlet", "published", "fetched", "title", "claims", "language", "url", "also_listed_by"}
    published = [r["published"] for r in rows]
    assert published == sorted(published, reverse=True)
    code, out, _ = run("articles", "--source", "bbc", "--source", "dw", "--format", "json")
    assert code == 0 and {r["outlet"] for r in json.loads(out)} == {"bbc", "dw"}
    code, out, _ = run("articles", "--since", "2025-12-14", "--until", "2025-12-14", "--format", "json")
    assert (
        code == 0
        and json.loads(out)
        and all(r["published"].startswith("2025-12-14") for r in json.loads(out))
    )
    code, out, err = run("articles", "--limit", "2")
    assert code == 0 and "title" in out and "claims" in out and "the newest 2" in err
    code, out, err = run("articles", "--since", "2030-01-01")
    assert code == 1 and out == "" and "no stored article" in err
    target = tmp_path / "a.csv"
    code, out, err = run("articles", "--format", "csv", "-o", str(target))
    assert code == 0 and out == "" and len(list(csv.DictReader(target.open()))) == len(rows)


@pytest.mark.parametrize("day", ["20251214", "2025-W50-7"])
def test_a_date_in_any_iso_form_is_its_whole_day_for_until(day: str) -> None:
    """`--until 2025-12-14` is the end of that day, but `--until 20251214` (the same date in ISO 8601's
    basic form, which the parser reads too) was its first instant: the day's articles were silently left
    out. Every date-only form is the whole day."""
    code, want, _ = run("articles", "--since", "2025-12-14", "--until", "2025-12-14", "--format", "json")
    assert code == 0 and json.loads(want)
    code, got, err = run("articles", "--since", day, "--until", day, "--format", "json")
    assert code == 0, err
    assert json.loads(got) == json.loads(want)


@pytest.mark.parametrize("week", ["2025-W50", "2025W50"])
def test_a_week_without_its_day_is_the_whole_week_for_until(week: str) -> None:
    """`--until 2025-W50` (an ISO 8601 week, which the parser reads as its Monday) was the end of that
    Monday: the rest of the week's articles were silently left out. A week is its seven days, as a date
    is its whole day."""
    code, want, _ = run("articles", "--since", "2025-12-08", "--until", "2025-12-14", "--format", "json")
    assert code == 0 and json.loads(want)
    code, got, err = run("articles", "--since", week, "--until", week, "--format", "json")
    assert code == 0, err
    assert json.loads(got) == json.loads(want)


@pytest.mark.parametrize(
    "args", [("articles", "--format", "csv"), ("compare", TOPIC, "--format", "csv"), ("stories", "--format", "csv")]
)
def test_every_csv_ends_its_lines_the_same_way(args: tuple[str, ...], tmp_path: Path) -> None:
    """`articles` wrote CSV lines ending in CRLF (the csv module's default) while `compare` and `stories`
    wrote LF: two files of one tool differed for `diff`, `wc -l` and line-based tools. Every CSV ends its
    lines with a bare LF (a quoted cell keeps any line break of its own). Read as bytes: the test runner's
    captured stdout folds CRLF."""
    target = tmp_path / "out.csv"
    code, _, err = run(*args, "-o", str(target))
    data = target.read_bytes()
    assert code == 0, err
    assert data.count(b"\n") > 1 and b"\r\n" not in data


def test_articles_escape_web_text(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    shutil.copy(demo_store().db, db)
    title = '=HYPERLINK("http://x") [bold red]loud[/] \x1b[31mred\u202egnp.exe'
    with Store.open(db) as s:
        s.add_article(
            Article(
                outlet="bbc",
                url="http://127.0.0.1/h",
                canonical_url="http://127.0.0.1/h",
                title=title,
                text="Some words here.",
                content_hash=content_hash("hostile"),
                fetched=datetime(2030, 1, 1, tzinfo=UTC),
                published=datetime(2030, 1, 1, tzinfo=UTC),
            )
        )
    code, out, _ = run("articles", "--limit", "1", "--format", "csv", db=db)
    row = next(csv.DictReader(io.StringIO(out)))
    assert row["title"].startswith("'=HYPERLINK") and "\x1b" not in out and "\u202e" not in out
    code, out, _ = run("articles", "--limit", "1", "--format", "json", db=db)
    assert "\x1b" not in out and "\u202e" not in out and "\\u202e" not in out
    # the table's width is its console's, made on first use in this process (an earlier test's COLUMNS, e.g.
    # tests/test_compare_cli.py's, when it ran first in this worker): a fresh one reads this run's COLUMNS=100
    from claimcheck.cli import console

    lazies = (console.out_console, console.err_console)
    made = [lazy._made for lazy in lazies]  # type: ignore[attr-defined]
    for lazy in lazies:
        lazy._made = None  # type: ignore[attr-defined]
    try:
        code, out, _ = run("articles", "--limit", "1", db=db)
    finally:
        for lazy, old in zip(lazies, made, strict=True):
            lazy._made = old  # type: ignore[attr-defined]
    assert "[bold red]loud[/]" in out.replace("\n", "") and "\x1b" not in out


def test_stats_per_outlet_with_dates_and_size() -> None:
    code, out, _ = run("stats", "--json")
    data = json.loads(out)
    assert code == 0 and data["size_bytes"] > 100_000
    assert data["articles"] == sum(o["articles"] for o in data["outlets"])
    assert data["claims"] == sum(o["claims"] for o in data["outlets"]) > 100
    assert data["first_published"].startswith("2025-12-1") and len(data["outlets"]) == 12
    code, out, _ = run("stats")
    assert code == 0 and "total" in out and "12 outlets" in out and "KB" in out


def test_stats_takes_source_and_sources_as_every_command_that_checks_outlets() -> None:
    """`stats` had no --sources nor --source (every other command that names outlets has them): its
    rows and totals for the outlets named, each checked against the sources file and the stored outlets."""
    code, out, _ = run("stats", "--json")
    every = {o["id"]: o for o in json.loads(out)["outlets"]}
    code, out, err = run("stats", "--json", "--source", "bbc", "--source", "reuters")
    data = json.loads(out)
    order = sorted(["bbc", "reuters"], key=lambda i: (-every[i]["articles"], i))
    assert code == 0 and [o["id"] for o in data["outlets"]] == order
    assert data["articles"] == every["bbc"]["articles"] + every["reuters"]["articles"]
    assert data["claims"] == every["bbc"]["claims"] + every["reuters"]["claims"]
    assert sum(data["languages"].values()) == data["articles"]
    code, out, _ = run("stats", "--source", "bbc")
    assert code == 0 and "1 outlet" in out and "reuters" not in out
    code, out, err = run("stats", "--source", "BBC")
    assert code == 2 and out == "" and one_line(err)
    assert "unknown outlet 'BBC'" in err and "did you mean 'bbc'" in err
    r = runner.invoke(app, ["stats", "--db", str(demo_store().db), "--source", "bbc", "--sources", "missing.yaml"])
    assert r.exit_code == 2 and one_line(r.stderr) and "missing.yaml" in r.stderr


def _older_copy(folder: Path) -> Path:
    """The demo database as a claimcheck of schema 2 left it (before the article_shingles table)."""
    import sqlite3

    db = folder / "old.db"
    shutil.copy(demo_store().db, db)
    con = sqlite3.connect(db)
    con.execute("DROP TABLE article_shingles")
    con.execute("PRAGMA user_version = 2")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return db


def _schema(db: Path) -> int:
    import sqlite3

    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return con.execute("PRAGMA user_version").fetchone()[0]
    finally:
        con.close()


def test_readers_read_an_older_schema_without_upgrading_the_file(tmp_path: Path) -> None:
    # compare, stories, articles and stats upgraded an older database in place (a write to a file the
    # user named only to be read); they now read an upgraded copy, say so, and leave the file as it was.
    db = _older_copy(tmp_path)
    before = digest(db)
    for args in (["compare", TOPIC, "--format", "json"], ["stories", "--since", "2000-01-01", "--format", "json"],
                 ["articles", "--format", "json"], ["stats", "--json"]):  # fmt: skip
        code, out, err = run(*args, db=db)
        assert code == 0, (args, err)
        assert json.loads(out)
        assert "schema 2" in err and "left as it is" in err, (args, err)
        assert digest(db) == before and _schema(db) == 2, args
    code, _, err = run("reindex", db=db)  # a writer upgrades it
    assert code == 0, err
    assert _schema(db) > 2


def test_readers_read_an_older_schema_on_a_read_only_file(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    db = _older_copy(folder)
    db.chmod(0o444)
    if not _read_only_folder(folder):
        pytest.skip("cannot make a folder read-only here")
    try:
        code, out, err = run("compare", TOPIC, "--format", "json", db=db)
        assert code == 0 and json.loads(out)["facts"], err  # was: "needs an upgrade, which needs write access"
        assert sorted(p.name for p in folder.iterdir()) == ["old.db"]
    finally:
        _writable_folder(folder)
        db.chmod(0o644)


def test_readers_read_a_schema_whose_upgrade_is_empty_on_sqlite_in_place(tmp_path: Path) -> None:
    # Migration 4 (host leases) has no SQLite step: a database of schema 3 (every database before it) has
    # the current tables. Its readers copied the whole file into a temporary database on every run (time
    # and temp disk as large as the database) and said it was "older"; they read the file itself.
    import sqlite3

    from claimcheck.migrations import SCHEMA_VERSION

    # (this test is about the steps after 3: 4, empty on SQLite, and 5, an index no reader needs; a later
    # step with SQLite work that readers use differs)
    assert SCHEMA_VERSION == 5
    db = tmp_path / "v3.db"
    shutil.copy(demo_store().db, db)
    con = sqlite3.connect(db)
    con.execute("PRAGMA user_version = 3")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    before = digest(db)
    code, out, err = run("compare", TOPIC, "--format", "json", db=db)
    assert code == 0 and json.loads(out)["facts"], err
    assert "upgraded copy" not in err and "schema 3" not in err, err
    assert digest(db) == before and _schema(db) == 3
    with Store.open(db, create=False, read_only=True) as store:
        assert store.upgraded_from is None and store.db.execute("PRAGMA database_list").fetchone()[2] == str(db)



def test_a_zero_byte_database_is_an_empty_store(tmp_path: Path) -> None:
    # A 0-byte file (`touch news.db`, sqlite3's shell before its first write) is what SQLite takes for an
    # empty database. Readers said "news.db has database schema 0, older than this claimcheck's (4);
    # reading an upgraded copy ...": there is no schema 0 and nothing to upgrade. They read an empty store
    # and say only what an empty store says; the file stays 0 bytes (a reader writes nothing).
    db = tmp_path / "news.db"
    db.touch()
    for args, want in ((["stats", "--json"], 0), (["articles"], 1), (["compare", TOPIC], 1), (["stories"], 1)):
        code, out, err = run(*args, db=db)
        assert code == want, (args, code, err)
        assert "schema" not in err and "upgraded" not in err and "Traceback" not in err, (args, err)
        assert db.stat().st_size == 0 and sorted(p.name for p in tmp_path.iterdir()) == ["news.db"], args
    code, out, _ = run("stats", "--json", db=db)
    assert json.loads(out)["articles"] == 0
    with Store.open(db) as store:  # a writer makes it a store of the current schema
        assert store.upgraded_from is None
    assert _schema(db) > 0

def test_reader_upgrades_its_copy_from_the_copied_version(tmp_path: Path) -> None:
    # A fetch may upgrade the file between the reader's look at its version and its copy: the copy's
    # steps start from the copy's own version (running a step twice failed: "table article_shingles already exists").
    import sqlite3

    from claimcheck.store import SqliteStore

    db = _older_copy(tmp_path)
    store = SqliteStore.open(db, create=False, read_only=True)  # reads version 2: an upgraded copy
    store.close()
    con = sqlite3.connect(db)
    writer = SqliteStore(con, db)
    writer._migrate()  # the file is now current, as a fetch leaves it
    con.close()
    raw = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    reader = SqliteStore(raw, db, read_only=True)
    reader._read_upgraded_copy(2)  # the version the reader saw before the fetch upgraded the file
    assert reader.db.execute("PRAGMA user_version").fetchone()[0] > 2 and reader.upgraded_from is None
    assert reader.db.execute("SELECT count(*) FROM articles").fetchone()[0] > 0
    reader.close()


def test_no_help_shows_an_argument_in_double_brackets() -> None:
    """`compare -h` said `Usage: claimcheck compare [OPTIONS] [[TOPIC]]`: the metavar carried its own
    brackets, and typer adds them to an optional argument."""
    from claimcheck.cli.app import COMMANDS

    for name in COMMANDS:
        r = runner.invoke(app, [name, "-h"], env={"COLUMNS": "100"})
        assert r.exit_code == 0 and "[[" not in r.stdout and "]]" not in r.stdout, (name, r.stdout[:300])
    r = runner.invoke(app, ["compare", "-h"], env={"COLUMNS": "100"})
    assert "TOPIC" in r.stdout.splitlines()[0]


@pytest.mark.parametrize(
    "args",
    [
        ["fetch", "-q"],
        ["compare", TOPIC],
        ["articles"],
        ["stats"],
        ["stories"],
        ["reindex", "-q"],
        ["demo", "-q"],
    ],
)
def test_db_dash_is_bad_usage_not_a_file_named_dash(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `--db -` (or CLAIMCHECK_DB=-) named a file "-" in the current folder, which fetch and demo then made:
    # a database cannot be stdin or stdout.
    monkeypatch.chdir(tmp_path)
    extra = [] if args[0] in ("stats", "demo") else ["--sources", str(demo_store().sources)]
    for argv, env in (([*args, "--db", "-", *extra], {}), ([*args, *extra], {"CLAIMCHECK_DB": "-"})):
        r = runner.invoke(app, argv, env={"COLUMNS": "100", "CLAIMCHECK_HOME": str(tmp_path / "home"), **env})
        assert r.exit_code == 2 and "not stdin or stdout" in r.stderr and one_line(r.stderr), (argv, r.stderr)
        assert not (tmp_path / "-").exists() and r.stdout == ""
    # An empty --db ("--db \"$DB\"" with DB unset) read and wrote the default database instead, silently;
    # one of spaces named a file of spaces in the current folder.
    for value in ("", "   "):
        r = runner.invoke(app, [*args, "--db", value, *extra], env={"CLAIMCHECK_HOME": str(tmp_path / "home")})
        assert r.exit_code == 2 and "--db is empty" in r.stderr and one_line(r.stderr), (value, r.stderr)
        assert not (tmp_path / "home").exists() and not (tmp_path / "   ").exists() and r.stdout == ""


@pytest.mark.parametrize("args", [["compare", TOPIC], ["stories"], ["articles"]])
def test_an_empty_output_is_bad_usage_not_a_file_of_spaces(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`-o "$OUT"` with OUT a few spaces wrote the report to a file named "   " in the current folder: it is
    one line naming -o, exit 2; with OUT unset, "" too (it reached claimcheck as "." and was refused as a
    folder, "cannot write .", which is not what the user wrote)."""
    monkeypatch.chdir(tmp_path)
    store = demo_store()
    for value in ("", "   ", "\t"):
        r = runner.invoke(app, [*args, "-o", value, "--db", str(store.db), "--sources", str(store.sources)])
        said = "output file name is empty"
        assert r.exit_code == 2 and said in r.stderr and one_line(r.stderr), (value, r.stderr)
        assert list(tmp_path.iterdir()) == [] and r.stdout == ""


@pytest.mark.parametrize("width", [40, 50, 60, 70, 80])
def test_articles_stats_and_sources_show_every_value_whole_on_a_narrow_terminal(
    width: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 40 columns `articles` printed no id and no title at all and `stats` no claims column and "1…"
    for its counts; at 60 titles were folded mid-word into a 7-column strip; at 80 the total's "28 outlets"
    was folded to "outlet s" beside long outlet ids."""
    db = tmp_path / "long.db"
    shutil.copy(demo_store().db, db)
    con = __import__("sqlite3").connect(db)
    con.execute("UPDATE outlets SET id = 'washingtonpost-world' WHERE id = 'guardian'")
    con.execute("UPDATE articles SET outlet = 'washingtonpost-world' WHERE outlet = 'guardian'")
    con.commit()
    con.close()
    r = runner.invoke(app, ["articles", "--db", str(db), "--format", "json", "--limit", "100"])
    rows = json.loads(r.stdout)
    r = runner.invoke(app, ["stats", "--db", str(db), "--json"])
    stats = json.loads(r.stdout)
    from claimcheck.cli.common import out_console

    for argv in (["articles", "--limit", "100"], ["stats"]):
        monkeypatch.setattr(out_console, "_made", None)  # made again, at this width
        r = runner.invoke(app, [*argv, "--db", str(db)], env={"COLUMNS": str(width)})
        out = r.stdout
        words = set(out.replace("│", " ").split())
        assert r.exit_code == 0 and "…" not in out, out
        assert all(len(line) <= width for line in out.splitlines()), out
        if argv[0] == "articles":
            for row in rows:
                assert re.search(rf"(?<!\d){row['id']}(?!\d)", out) and set(row["title"].split()) <= words, (row, out)
        else:
            assert f"{stats['claims']:,}" in out and re.search(r"12\s+outlets", out), out
            for o in stats["outlets"]:
                assert re.search(rf"(?<![\w-]){o['id']}(?![\w-])", out), (o, out)
                assert re.search(rf"(?<![\d,]){o['claims']:,}(?![\d,])", out) and set(o["name"].split()) <= words, (o, out)
    # sources: the ids are what every --source takes; at 40 columns they were cut to "reu…"
    monkeypatch.setattr(out_console, "_made", None)
    src = demo_store().sources
    r = runner.invoke(app, ["sources", "--sources", str(src), "--json"])
    listed = json.loads(r.stdout)["outlets"]
    r = runner.invoke(app, ["sources", "--sources", str(src)], env={"COLUMNS": str(width)})
    out = r.stdout
    words = set(out.replace("│", " ").replace(":", " ").split())
    assert r.exit_code == 0 and "…" not in out and all(len(line) <= width for line in out.splitlines()), out
    for o in listed:
        assert o["id"] in words and set(o["name"].split()) <= words, (o, out)


def test_articles_listed_as_lines_say_their_times_are_utc(monkeypatch: pytest.MonkeyPatch) -> None:
    """Listed as lines (as at 80 columns beside long outlet ids), a row lost the "published (UTC)" heading
    and its time ("2026-02-18 03:12") said no zone: every time shown says it is UTC."""
    from claimcheck.cli.common import out_console

    monkeypatch.setattr(out_console, "_made", None)
    r = runner.invoke(app, ["articles", "--db", str(demo_store().db)], env={"COLUMNS": "40"})
    times = re.findall(r"\d{4}-\d\d-\d\d \d\d:\d\d(?: UTC)?", r.stdout)
    assert r.exit_code == 0 and "published (UTC)" not in r.stdout and times, r.stdout
    assert all(t.endswith(" UTC") for t in times), r.stdout


# Every command on both kinds, stats on both, fetch on a FIFO and compare on a device in the default run; the
# other two pairs (a second command on each kind) with the slow tests.
@pytest.mark.parametrize(
    ("kind", "cmd"),
    [
        pytest.param("fifo", ["stats"], id="fifo-stats"),
        pytest.param("fifo", ["fetch", "-q", "--sources", "{sources}"], id="fifo-fetch"),
        pytest.param("fifo", ["compare", "x"], id="fifo-compare", marks=pytest.mark.slow),
        pytest.param("device", ["stats"], id="device-stats"),
        pytest.param("device", ["fetch", "-q", "--sources", "{sources}"], id="device-fetch", marks=pytest.mark.slow),
        pytest.param("device", ["compare", "x"], id="device-compare"),
    ],
)
def test_a_database_that_is_not_a_regular_file_is_refused(cmd: list[str], kind: str, tmp_path: Path) -> None:
    """`--db` naming a FIFO hung every command (the check of the file's first bytes waited for a writer);
    /dev/null was read as an empty database of schema 0, and fetch left a `/dev/null-journal` in /dev."""
    target = tmp_path / "db.fifo" if kind == "fifo" else Path(os.devnull)
    if kind == "fifo":
        os.mkfifo(target)
    argv = [a.format(sources=demo_store().sources) for a in cmd]
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMCHECK_")}
    env["CLAIMCHECK_HOME"] = str(tmp_path / "home")
    r = subprocess.run(
        [sys.executable, "-m", "claimcheck", *argv, "--db", str(target)],
        capture_output=True, text=True, timeout=60, env=env,
    )
    assert r.returncode == 2 and "not a regular file" in r.stderr and one_line(r.stderr), r.stderr
    assert r.stdout == "" and not Path(f"{target}-journal").exists() and not Path(f"{target}-wal").exists()


def test_a_story_id_is_found_in_any_case() -> None:
    """`compare --story S4C9D3A28B6` (an id copied in capitals) was "unknown story id"."""
    code, out, _ = run("stories", "--format", "json")
    sid = json.loads(out)["stories"][0]["id"]
    code, lower, _ = run("compare", "--story", sid, "--format", "json")
    code_upper, upper, err = run("compare", "--story", f" {sid.upper()} ", "--format", "json")
    assert code == code_upper == 0, err
    assert json.loads(upper)["facts"] == json.loads(lower)["facts"]

"""The real app, end to end: sources, fetch, reindex, demo; output and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPUS
from loopback import Site
from typer.testing import CliRunner

from claimcheck.cli.app import app
from claimcheck.store import Store

runner = CliRunner()


def corpus_sources(site: Site, tmp_path: Path, extra: str = "") -> Path:
    text = (CORPUS / "outlets.yaml").read_text().replace("{{BASE}}", site.base)
    path = tmp_path / "sources.yaml"
    path.write_text(text + extra)
    return path


def test_fetch_the_corpus_prints_a_summary_and_a_rerun_adds_nothing(
    corpus_site: Site, tmp_path: Path
) -> None:
    src = corpus_sources(corpus_site, tmp_path)
    db = tmp_path / "c.db"
    r = runner.invoke(app, ["fetch", "--allow-private", "--sources", str(src), "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert "Fetch summary" in r.output and "reuters" in r.output and "total" in r.output
    with Store.open(db) as s:
        first = s.stats()
    assert first.articles >= 20 and first.claims > 100
    r = runner.invoke(app, ["fetch", "--allow-private", "--sources", str(src), "--db", str(db), "--json"])
    assert r.exit_code == 0
    data = json.loads(r.stdout)
    assert data["ok"] and data["totals"]["new"] == 0 and data["totals"]["unchanged"] >= 20
    with Store.open(db) as s:
        assert s.stats() == first


def test_fetch_one_source_and_a_failing_outlet_exits_1(corpus_site: Site, tmp_path: Path) -> None:
    extra = f"  - id: down\n    name: Down Daily\n    feeds: [{corpus_site.url('/down/missing.xml')}]\n"
    src = corpus_sources(corpus_site, tmp_path, extra)
    r = runner.invoke(
        app,
        [
            "fetch",
            "--allow-private",
            "--sources",
            str(src),
            "--db",
            str(tmp_path / "c.db"),
            "--json",
            "--source",
            "down",
            "--source",
            "bbc",
        ],
    )
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    rows = {o["outlet"]: o for o in data["outlets"]}
    assert set(rows) == {"down", "bbc"}
    assert rows["bbc"]["ok"] and rows["bbc"]["new"] >= 1
    assert not rows["down"]["ok"] and "feed: HTTP 404 not found" in rows["down"]["reasons"]
    assert "some fetches failed: down" in r.stderr


def test_bad_usage_exits_2_with_one_line(corpus_site: Site, tmp_path: Path) -> None:
    src = corpus_sources(corpus_site, tmp_path)
    r = runner.invoke(
        app, ["fetch", "--allow-private", "--sources", str(src), "--source", "nosuch", "--db", str(tmp_path / "c.db")]
    )
    assert r.exit_code == 2 and "unknown outlet 'nosuch'" in r.output and "Traceback" not in r.output
    r = runner.invoke(
        app, ["fetch", "--allow-private", "--sources", str(src), "--since", "yesterday-ish", "--db", str(tmp_path / "c.db")]
    )
    assert r.exit_code == 2 and "cannot read time" in r.output
    r = runner.invoke(
        app, ["fetch", "--allow-private", "--sources", str(src), "--workers", "-1", "--db", str(tmp_path / "c.db")]
    )
    assert r.exit_code == 2 and "--workers" in r.output and "Traceback" not in r.output
    bad_db = tmp_path / "notadb.db"
    bad_db.write_text("hello")
    r = runner.invoke(app, ["fetch", "--allow-private", "--sources", str(src), "--db", str(bad_db)])
    assert r.exit_code == 2 and "not an SQLite database" in r.output and bad_db.read_text() == "hello"
    # --lease only means something to --shard auto: alone, or with a fixed shard, it is a mistake, not ignored
    for extra in ([], ["--shard", "1/2"]):
        r = runner.invoke(
            app, ["fetch", "--allow-private", "--sources", str(src), "--lease", "5", *extra, "--db", str(tmp_path / "l.db")]
        )
        assert r.exit_code == 2 and "--lease applies only to --shard auto" in " ".join(r.output.split())
        assert "Traceback" not in r.output and not (tmp_path / "l.db").exists()


def test_shard_auto_on_an_sqlite_file_is_refused_before_the_file_is_opened(corpus_site: Site, tmp_path: Path) -> None:
    """`fetch --shard auto --db new.db` created new.db (an empty store) before saying that --shard auto
    needs PostgreSQL, and upgraded an older store's schema in place: bad usage wrote the database."""
    import sqlite3

    src = corpus_sources(corpus_site, tmp_path)
    new = tmp_path / "new.db"
    r = runner.invoke(app, ["fetch", "--allow-private", "--sources", str(src), "--shard", "auto", "--db", str(new)])
    assert r.exit_code == 2 and "PostgreSQL" in r.output and len(r.output.strip().splitlines()) == 1
    assert not any(p.name.startswith("new.db") for p in tmp_path.iterdir())
    old = tmp_path / "old.db"
    with Store.open(old):
        pass
    con = sqlite3.connect(old)
    con.execute("DROP TABLE article_shingles")
    con.execute("PRAGMA user_version = 2")  # a store of schema 2
    con.close()
    before = old.read_bytes()
    r = runner.invoke(app, ["fetch", "--allow-private", "--sources", str(src), "--shard", "AUTO", "--db", str(old)])
    assert r.exit_code == 2 and "PostgreSQL" in r.output
    assert old.read_bytes() == before and not Path(f"{old}-wal").exists()


def test_fetch_with_no_enabled_outlet_says_there_is_nothing_to_fetch(tmp_path: Path) -> None:
    """A sources.yaml whose outlets are all `enabled: false` fetched nothing, printed an empty table and
    exited 0 (a cron job never noticed), after creating the database. It says so in one line, exit 1,
    and writes nothing; --source still fetches a disabled outlet by name."""
    src = tmp_path / "s.yaml"
    src.write_text(
        "outlets:\n  - {id: a, name: A, feeds: ['http://127.0.0.1:9/a.xml'], enabled: false}\n"
        "  - {id: b, name: B, feeds: ['http://127.0.0.1:9/b.xml'], enabled: false}\n"
    )
    db = tmp_path / "c.db"
    for extra in ([], ["--json"], ["--shard", "1/2"]):
        r = runner.invoke(app, ["fetch", "--sources", str(src), "--db", str(db), *extra])
        assert r.exit_code == 1, r.output
        assert r.stdout == "" and "no enabled outlet" in r.stderr and len(r.stderr.strip().splitlines()) == 1
        assert not db.exists()


def test_a_path_starting_with_a_tilde_is_in_the_home_folder(
    corpus_site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`fetch --db=~/news.db` (the shell leaves a ~ after "=" as it is, and so does a service's environment
    file for $CLAIMCHECK_DB) made a folder named "~" in the current one and the database inside it, where
    no later command looked. "~" is the home folder, in --db, $CLAIMCHECK_DB, --sources and -o."""
    home, work = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    work.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(work)
    src = corpus_sources(corpus_site, home)  # home/sources.yaml
    r = runner.invoke(app, ["fetch", "-q", "--allow-private", "--workers", "0", "--sources=~/sources.yaml", "--db=~/news.db"])
    assert r.exit_code == 0, r.output
    assert (home / "news.db").exists() and not (work / "~").exists() and src.exists()
    monkeypatch.setenv("CLAIMCHECK_DB", "~/news.db")
    r = runner.invoke(app, ["articles", "-q", "--sources", str(src), "--format", "json", "-o", "~/a.json"])
    assert r.exit_code == 0, r.output
    assert json.loads((home / "a.json").read_text()) and not (work / "~").exists()
    from claimcheck.paths import user_dir

    monkeypatch.setenv("CLAIMCHECK_HOME", "~/cc")
    assert user_dir() == home / "cc"


def test_a_tilde_of_no_known_user_is_bad_usage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--db ~nosuchuser/x.db` (a typo for ~/...) ended as "internal error: RuntimeError: Could not
    determine home directory", exit 1, in --db, $CLAIMCHECK_DB, $CLAIMCHECK_HOME, --sources and -o. It is
    bad usage: one line naming the path, exit 2, and no folder "~..." made in the current one."""
    from claimcheck.store import Store

    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    with Store.open(tmp_path / "own.db"):
        pass
    bad = "~claimcheck-no-such-user"
    runs = [
        (["fetch", "--db", f"{bad}/x.db"], {}),
        (["fetch", "--sources", f"{bad}/s.yaml"], {}),
        (["articles", "--db", str(tmp_path / "own.db"), "-o", f"{bad}/a.json"], {}),
        (["articles"], {"CLAIMCHECK_DB": f"{bad}/x.db"}),
        (["articles"], {"CLAIMCHECK_HOME": bad, "CLAIMCHECK_DB": ""}),
        (["migrate-store", f"{bad}/a.db", str(tmp_path / "b.db")], {}),
    ]
    for args, env in runs:
        r = runner.invoke(app, args, env=env)
        assert r.exit_code == 2 and "internal error" not in r.output and f"{bad}" in r.stderr, (args, r.output)
        assert len(r.stderr.strip().splitlines()) == 1, (args, r.stderr)
    assert not list(work.iterdir())


@pytest.mark.parametrize("out", ["file", "/dev/stdout"])
def test_a_closed_stdout_is_no_traceback(tmp_path: Path, out: str) -> None:
    """Started with stdout closed (`claimcheck articles -o x.csv >&-`, as a daemon or a cron job may),
    Python sets sys.stdout to None: every command ended in "internal error: AttributeError: 'NoneType'
    object has no attribute 'flush'" and a traceback, even with -o FILE, and `-o /dev/stdout` failed the
    same way. Output meant for a closed stdout is thrown away, as into /dev/null; -o FILE is written."""
    from test_compare_demo import demo_store

    target = tmp_path / "x.csv" if out == "file" else Path(out)
    args = [sys.executable, "-m", "claimcheck", "articles", "--db", str(demo_store().db), "-f", "csv", "-o", str(target)]
    r = subprocess.run(args, stdin=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, preexec_fn=lambda: os.close(1))
    assert r.returncode == 0 and "Traceback" not in r.stderr and "internal error" not in r.stderr, r.stderr
    if out == "file":
        assert target.read_text().startswith("id,outlet")


def test_fetch_with_one_worker_or_in_threads_stores_the_same(corpus_site: Site, tmp_path: Path) -> None:
    src = corpus_sources(corpus_site, tmp_path)
    stats = []
    for workers in ("1", "0"):
        db = tmp_path / f"w{workers}.db"
        r = runner.invoke(app, ["fetch", "-q", "--allow-private", "--workers", workers, "--sources", str(src), "--db", str(db)])
        assert r.exit_code == 0, r.output
        with Store.open(db) as s:
            stats.append((s.stats().articles, s.stats().claims))
    assert stats[0] == stats[1] and stats[0][0] >= 20


def test_reindex_rebuilds_claims(corpus_site: Site, tmp_path: Path) -> None:
    src = corpus_sources(corpus_site, tmp_path)
    db = tmp_path / "c.db"
    assert runner.invoke(app, ["fetch", "-q", "--allow-private", "--sources", str(src), "--db", str(db)]).exit_code == 0
    with Store.open(db) as s:
        before = s.stats().claims
        s.db.execute("DELETE FROM claims")
    r = runner.invoke(app, ["reindex", "--sources", str(src), "--db", str(db)])
    assert r.exit_code == 0 and "re-extracted claims for" in r.output
    with Store.open(db) as s:
        assert s.stats().claims == before > 0


def test_database_location_from_environment(corpus_site: Site, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    src = corpus_sources(corpus_site, tmp_path)
    monkeypatch.setenv("CLAIMCHECK_DB", str(tmp_path / "env.db"))
    r = runner.invoke(app, ["fetch", "-q", "--allow-private", "--sources", str(src), "--source", "bbc"])
    assert r.exit_code == 0 and (tmp_path / "env.db").exists()
    r = runner.invoke(app, ["sources", "--sources", str(src)])
    assert str(tmp_path / "env.db") in r.output.replace("\n", "")


def test_help_for_every_command() -> None:
    r = runner.invoke(app, ["--help"])
    assert r.exit_code == 0
    for command in app.registered_commands:
        name = command.name or command.callback.__name__  # type: ignore[union-attr]
        assert (command.callback.__doc__ or "").strip(), f"{name} has no help text"  # type: ignore[union-attr]
        for flag in ("--help", "-h"):
            sub = runner.invoke(app, [name, flag])
            assert sub.exit_code == 0 and "Usage: claimcheck" in sub.output, (name, flag)
        if name not in ("completion", "migrate-store"):  # migrate-store names its two stores as arguments
            assert "--db" in sub.output and "--quiet" in sub.output, name
        if name not in ("completion", "demo", "stats", "migrate-store"):
            assert "--sources" in sub.output, name
        assert "<list[str]>" not in sub.output and "<int range>" not in sub.output, sub.output


def test_demo_runs_offline_as_a_module(tmp_path: Path) -> None:
    env = {**os.environ, "CLAIMCHECK_HOME": str(tmp_path / "home"), "COLUMNS": "120"}
    r = subprocess.run(
        [sys.executable, "-m", "claimcheck", "demo"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert "serving the sample corpus at http://127.0.0.1:" in r.stderr
    assert "Fetch summary" in r.stdout and "total" in r.stdout
    report = tmp_path / "claimcheck-demo-report.md"
    assert report.is_file() and "Belarus" in report.read_text()
    page = (tmp_path / "claimcheck-demo-report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<h1>claimcheck: Belarus prisoners</h1>" in page
    # Only the demo's own database is kept, apart from the user's (none here yet).
    assert sorted(p.name for p in (tmp_path / "home").iterdir()) == ["demo.db"]
    assert 'go on with: claimcheck compare "Belarus prisoners"' in r.stderr


def test_the_readme_step_after_the_demo_works_as_written(tmp_path: Path) -> None:
    """README: `claimcheck demo`, then `claimcheck compare "Belarus prisoners"` (no --db)."""
    r = runner.invoke(app, ["demo", "--quiet"])
    assert r.exit_code == 0, r.output
    # -q as everywhere: the tables on stdout, nothing on stderr (no serving line, progress or "go on with").
    assert r.stderr == "" and "Belarus" in r.stdout and "Fetch summary" not in r.stdout
    r = runner.invoke(app, ["compare", "Belarus prisoners", "--format", "json"])
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["facts"] and "reading the demo's" in r.stderr
    r = runner.invoke(app, ["stats", "--json", "-q"])
    assert r.exit_code == 0 and json.loads(r.stdout)["articles"] >= 20 and r.stderr == ""
    # A second demo rebuilds its database (the server's address changes): same counts, no duplicates.
    assert runner.invoke(app, ["demo", "--quiet"]).exit_code == 0
    again = json.loads(runner.invoke(app, ["stats", "--json", "-q"]).stdout)
    assert again["articles"] == json.loads(r.stdout)["articles"]


def test_demo_never_writes_an_input(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 10 item 3: `demo --sources FILE` overwrote FILE with the demo's outlets (exit 0)."""
    mine = tmp_path / "mine.yaml"
    mine.write_text("outlets: [not, valid\n")
    r = runner.invoke(app, ["demo", "--sources", str(mine), "--quiet"])
    assert r.exit_code == 2 and "--sources is not read" in r.stderr
    assert mine.read_text() == "outlets: [not, valid\n"
    # $CLAIMCHECK_DB is the user's database: the demo neither reads nor writes it.
    monkeypatch.setenv("CLAIMCHECK_DB", str(tmp_path / "own.db"))
    db = tmp_path / "d.db"
    r = runner.invoke(app, ["demo", "--quiet", "--db", str(db), "--report", str(db)])
    assert r.exit_code == 2 and "refusing to write" in r.stderr and not db.exists()
    r = runner.invoke(app, ["demo", "--db", str(db), "--report", str(tmp_path / "r.md")])
    assert r.exit_code == 0, r.output
    assert db.is_file() and not (tmp_path / "own.db").exists()
    assert f"--db {db}" in r.stderr.replace("\n", "")
    r = runner.invoke(app, ["demo", "--quiet", "--db", str(db), "--report", "-"])
    assert r.exit_code == 0 and "# claimcheck: Belarus prisoners" in r.stdout and "wrote" not in r.stderr


def test_demo_never_mixes_its_sample_corpus_into_a_users_store(tmp_path: Path) -> None:
    """`demo --db FILE` with FILE a store of the user's own outlets added the 23 invented articles of the
    sample corpus to it (exit 0): invented claims then showed in the user's compare and stories."""
    from claimcheck.models import Outlet

    own = tmp_path / "news.db"
    with Store.open(own) as store:
        store.sync_outlets([Outlet(id="harbourpost", name="Harbour Post", feeds=("https://example.org/f",))])
    before = own.read_bytes()
    r = runner.invoke(app, ["demo", "--quiet", "--db", str(own), "--report", str(tmp_path / "r.md")])
    assert r.exit_code == 2, r.output
    assert "harbourpost" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert own.read_bytes() == before and not (tmp_path / "r.md").exists()
    # A demo's own database (a second run) is still fine.
    demo_db = tmp_path / "d.db"
    for _ in range(2):
        r = runner.invoke(app, ["demo", "--quiet", "--db", str(demo_db), "--report", str(tmp_path / "r.md")])
        assert r.exit_code == 0, r.output


def test_demo_report_never_lands_on_the_users_own_database(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The demo's report, named or its default ``claimcheck-demo-report.md`` as a symlink, must not
    overwrite the user's own database ($CLAIMCHECK_DB, else the default), though the demo does not use it."""
    own = tmp_path / "own.db"
    own.write_bytes(b"SQLite format 3\x00 the user's articles")
    monkeypatch.setenv("CLAIMCHECK_DB", str(own))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "claimcheck-demo-report.md").symlink_to(own)
    for report in ([], ["--report", str(own)], ["--report", f"{own}-wal"]):
        r = runner.invoke(app, ["demo", "--quiet", "--db", str(tmp_path / "d.db"), *report])
        assert r.exit_code == 2 and "refusing to write" in r.stderr and "your own database" in r.stderr, r.output
    assert own.read_bytes() == b"SQLite format 3\x00 the user's articles" and not (tmp_path / "d.db").exists()


# /proc/self/fd/1 is the file /dev/stdout names: the same demo run twice, the second with the slow tests
@pytest.mark.parametrize("report", ["/dev/stdout", pytest.param("/proc/self/fd/1", marks=pytest.mark.slow)])
def test_demo_report_to_dev_stdout_is_the_report_alone_with_no_html_beside_it(tmp_path: Path, report: str) -> None:
    """`demo --report /dev/stdout` put its HTML report beside it as /dev/stdout.html (as root, a file in
    /dev; else exit 2, "cannot write /dev/stdout.html") and its tables into the report's stream. It is
    `--report -`: the Markdown alone on stdout, the tables on stderr, no HTML."""
    import subprocess
    import sys

    env = {**os.environ, "CLAIMCHECK_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "claimcheck", "demo", "--db", str(tmp_path / "d.db"), "--report", report],
        capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# claimcheck: ") and "Attribution" in done.stdout
    assert "Fetch summary" in done.stderr and "Fetch summary" not in done.stdout
    assert "html" not in done.stderr.lower()
    assert not Path("/dev/stdout.html").exists()


def test_demo_report_to_a_folder_or_a_read_only_place_is_one_line(tmp_path: Path) -> None:
    for target, message in (
        (tmp_path, "is a directory"),
        (tmp_path / "nowhere" / "r.md", "no folder"),
    ):
        r = runner.invoke(app, ["demo", "--quiet", "--report", str(target)])
        assert r.exit_code == 2 and message in r.stderr, r.output
        assert len(r.stderr.strip().splitlines()) == 1 and "serving" not in r.stderr
    ro = tmp_path / "ro"
    ro.mkdir()
    if not _read_only_folder(ro):
        return
    try:
        r = runner.invoke(app, ["demo", "--quiet", "--report", str(ro / "r.md")])
        assert r.exit_code == 2 and "read-only" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    finally:
        _writable_folder(ro)


def _read_only_folder(path: Path) -> bool:
    """chmod for a user; chattr +i for root, who ignores modes. False when neither works here."""
    if os.geteuid() != 0:
        path.chmod(0o555)
        return True
    return subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode == 0


def _writable_folder(path: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(path)], check=False)
    path.chmod(0o755)


def test_sources_json_escapes_the_control_characters_of_the_users_own_file(tmp_path: Path) -> None:
    # The JSON once printed C1 controls (an 8-bit CSI), DEL and bidi overrides raw to the terminal;
    # each is now a \u escape, and a script reading the JSON still gets the very value of the file.
    name = "Evil\x1b[31m red \x9b31m \u202eabc \x7f"
    src = tmp_path / "sources.yaml"
    src.write_text(
        'outlets:\n  - id: evil\n    name: "Evil\\e[31m red \\x9b31m \\u202eabc \\x7f"\n'
        '    feeds: ["http://127.0.0.1:9/feed?\\u202ex"]\n',
        encoding="utf-8",
    )
    for args in (["sources", "--json"], ["sources", "--check", "--json"]):
        r = runner.invoke(app, [*args, "--sources", str(src), "--db", str(tmp_path / "x.db")])
        assert r.exit_code == 0, r.output
        assert not any(c in r.stdout for c in "\x1b\x9b\u202e\x7f"), args
    data = json.loads(runner.invoke(app, ["sources", "--json", "--sources", str(src)]).stdout)
    assert data["outlets"][0]["name"] == name and data["outlets"][0]["feeds"] == ["http://127.0.0.1:9/feed?\u202ex"]

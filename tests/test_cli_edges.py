"""The command line at its edges: paths that do not exist, empty options, options every command takes."""

from __future__ import annotations

from pathlib import Path

import pytest
from loopback import Site
from typer.testing import CliRunner

from claimcheck.cli.app import app
from claimcheck.store import Store

runner = CliRunner()


def _sources(site: Site, tmp_path: Path) -> Path:
    site.route("/feed.xml", "<rss version='2.0'><channel><title>Quiet</title></channel></rss>",
               headers={"Content-Type": "application/rss+xml"})  # fmt: skip
    path = tmp_path / "s.yaml"
    path.write_text(f"outlets:\n  - id: quiet\n    name: Quiet Post\n    feeds: [{site.url('/feed.xml')}]\n")
    return path


def test_a_database_in_a_missing_folder_is_refused_as_o_is(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--db typo/x.db` made the folder "typo" and a database in it, where `-o typo/x.csv` refused: one
    line, exit 2, nothing made, for --db, $CLAIMCHECK_DB, demo --db and migrate-store's DEST. The default
    database's folder (the user data dir) is still made."""
    src = _sources(site, tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    with Store.open(tmp_path / "own.db"):
        pass
    runs = [
        (["fetch", "--allow-private", "--sources", str(src), "--db", "typo/x.db"], {}),
        (["fetch", "--allow-private", "--sources", str(src)], {"CLAIMCHECK_DB": "typo/x.db"}),
        (["migrate-store", str(tmp_path / "own.db"), "typo/x.db"], {}),
        (["demo", "--quiet", "--db", "typo/x.db", "--report", "-"], {}),
    ]
    for args, env in runs:
        r = runner.invoke(app, args, env=env)
        assert r.exit_code == 2, (args, r.output)
        assert r.stderr.strip() == "error: cannot create database typo/x.db: no folder typo", (args, r.stderr)
    assert not list(work.iterdir())
    home = tmp_path / "fresh-home"  # not made yet: the default database's folder is made
    r = runner.invoke(
        app, ["fetch", "--allow-private", "--sources", str(src)], env={"CLAIMCHECK_HOME": str(home)}
    )
    assert r.exit_code == 0, r.output
    assert (home / "claimcheck.db").is_file()
    r = runner.invoke(app, ["fetch", "--allow-private", "--sources", str(src), "--db", "here.db"])
    assert r.exit_code == 0 and (work / "here.db").is_file(), r.output  # a file in the current folder


@pytest.mark.parametrize(
    "args",
    [
        ["fetch", "--since", ""],
        ["compare", "ferry fares", "--since", " "],
        ["compare", "ferry fares", "--until", ""],
        ["stories", "--since", ""],
        ["stories", "--until", ""],
        ["articles", "--since", ""],
        ["articles", "--until", "  "],
    ],
)
def test_an_empty_since_or_until_is_bad_usage_not_no_bound(args: list[str], tmp_path: Path) -> None:
    """`--since "$SINCE"` with SINCE unset was read as no bound: a script meant to look at two days
    compared every stored article. One line, exit 2, before any work."""
    with Store.open(tmp_path / "c.db"):
        pass
    src = tmp_path / "s.yaml"
    src.write_text("outlets:\n  - id: quiet\n    name: Quiet Post\n    feeds: [http://127.0.0.1:9/feed.xml]\n")
    r = runner.invoke(app, [*args, "--db", str(tmp_path / "c.db"), "--sources", str(src)])
    option = "--until" if "--until" in args else "--since"
    assert r.exit_code == 2, r.output
    assert r.stderr.strip() == f"error: {option} is empty: give e.g. 3d, 12h or 2025-12-13 (or leave the option out)"


def test_a_window_before_the_year_1000_is_said_with_four_digit_years(tmp_path: Path) -> None:
    """strftime's %Y gave "until 1-01-01 23:59 UTC" for --until 0001-01-01 (glibc leaves it unpadded)."""
    with Store.open(tmp_path / "c.db"):
        pass
    r = runner.invoke(app, ["articles", "--until", "0001-01-01", "--db", str(tmp_path / "c.db")])
    assert r.exit_code == 1 and "no stored article until 0001-01-01 23:59 UTC" in r.stderr, r.stderr


def test_language_counts_of_some_outlets_on_both_backends(store_target: str) -> None:
    """`stats --source` counts the languages of those outlets' articles only (Store.language_counts)."""
    from dataclasses import replace
    from datetime import UTC, datetime

    from claimcheck.models import Article
    from claimcheck.store import content_hash

    def art(outlet: str, n: int) -> Article:
        text = f"The orchard cooperative picked {n} tonnes of pears this autumn, its members said."
        return Article(
            outlet=outlet, url=f"https://{outlet}.example/{n}", canonical_url=f"https://{outlet}.example/{n}",
            title="Pears", text=text, content_hash=content_hash(text), fetched=datetime(2026, 3, 2, tzinfo=UTC),
        )  # fmt: skip

    with Store.open(store_target) as s:
        for outlet, n, language in (("valley", 1, "en"), ("valley", 2, "fr"), ("hill", 3, "fr"), ("hill", 4, None)):
            s.add_article(replace(art(outlet, n), language=language))
        assert s.language_counts() == {"fr": 2, "en": 1, None: 1}
        assert s.language_counts(outlets=["valley"]) == {"en": 1, "fr": 1}
        assert s.language_counts(outlets=["hill", "nowhere"]) == {"fr": 1, None: 1}


def test_markdown_code_shows_backticks_literally() -> None:
    from claimcheck.textsafe import markdown_code

    assert markdown_code("claimcheck compare --story s1 --db x.db") == "`claimcheck compare --story s1 --db x.db`"
    assert markdown_code("--db 'a`b.db'") == "``--db 'a`b.db'``"
    assert markdown_code("--db a``b") == "```--db a``b```"
    assert markdown_code("`x") == "`` `x ``"
    assert markdown_code("a\nb\x1b[31m") == "`a b`"


def test_a_backtick_in_the_database_path_keeps_the_stories_markdown_command_whole(tmp_path: Path) -> None:
    """The Markdown listing's "compare it with `claimcheck compare --story ID --db 'a`b.db'`" broke apart
    at the path's backtick (the code span ended there)."""
    import shutil

    from test_compare_demo import demo_store

    db = tmp_path / "a`b.db"
    shutil.copy(demo_store().db, db)
    r = runner.invoke(app, ["stories", "--format", "markdown", "--db", str(db), "--sources", str(demo_store().sources)])
    assert r.exit_code == 0, r.output
    line = next(x for x in r.stdout.splitlines() if "compare it with" in x)
    assert "with ``claimcheck compare --story s" in line and line.endswith("``.") and f"--db '{db}'" in line, line

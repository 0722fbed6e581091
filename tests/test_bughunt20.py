"""bughunt20: what a demanding user hits on the hostile web, on bad input and on two machines. Each test
failed on the code before its fix; pages and feeds are served over real sockets on loopback."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import storycache
from claimcheck.cli.app import app
from claimcheck.errors import UsageError
from claimcheck.store import Store

runner = CliRunner()


@pytest.mark.parametrize("story", ["s", "-s45", "\uff53a6089dbcdc", "sa6089dbcdg", "sa6089dbcd", "sa6089dbcdcc", "s a6089dbcdc"])
def test_a_malformed_story_id_is_bad_usage_not_an_unknown_story(tmp_path: Path, story: str) -> None:
    """`compare --story -s45` (a typo, a cut or full-width id) said "unknown story id", exit 1: the exit
    code of a story that is gone. A value that cannot be an id is bad usage, exit 2, as other bad values
    are, and is said before the database is opened."""
    db = tmp_path / "s.db"
    Store.open(db).close()  # an empty store: "holds no articles yet" is exit 1 too
    r = runner.invoke(app, ["compare", "--story", story, "--db", str(db)])
    assert r.exit_code == 2, r.output
    assert "is not a story id" in r.output and "Traceback" not in r.output


def test_a_well_formed_story_id_in_capitals_still_passes_the_check(tmp_path: Path) -> None:
    r = runner.invoke(app, ["compare", "--story", " SA6089DBCDC ", "--db", str(tmp_path / "none.db")])
    assert "is not a story id" not in r.output  # (no database here: that is the line)


@pytest.mark.parametrize("var", ["CLAIMCHECK_DB", "CLAIMCHECK_SOURCES", "CLAIMCHECK_HOME"])
def test_a_bad_path_in_an_environment_variable_names_the_variable(monkeypatch: pytest.MonkeyPatch, var: str) -> None:
    """`CLAIMCHECK_DB=~nosuchuser/x claimcheck stats` said `error: ~nosuchuser/x: no home folder ...`: no
    option held that path, and the line did not say where it came from."""
    monkeypatch.setenv(var, "~nosuchuser-bh20/x.db")
    r = runner.invoke(app, ["sources" if var == "CLAIMCHECK_SOURCES" else "stats"])
    assert r.exit_code == 2, r.output
    assert f"${var}: ~nosuchuser-bh20/x.db: no home folder" in r.output


def test_a_blank_or_folder_claimcheck_db_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMCHECK_DB", "  ")
    r = runner.invoke(app, ["stats"])
    assert r.exit_code == 2 and "$CLAIMCHECK_DB: it is blank" in r.output and "--db" not in r.output
    monkeypatch.setenv("CLAIMCHECK_DB", "news/")
    r = runner.invoke(app, ["stats"])
    assert r.exit_code == 2 and "$CLAIMCHECK_DB: database news/" in r.output


def test_a_bad_claimcheck_cache_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMCHECK_CACHE", "~nosuchuser-bh20/c")
    with pytest.raises(UsageError, match=r"^\$CLAIMCHECK_CACHE: ~nosuchuser-bh20/c: no home folder"):
        storycache.cache_dir()

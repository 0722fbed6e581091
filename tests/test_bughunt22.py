"""bughunt22: what a demanding user hits on the hostile web, on bad input and on two machines. Each test
failed on the code before its fix; pages and feeds are served over real sockets on loopback."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli.app import app
from claimcheck.errors import UsageError
from claimcheck.paths import db_target
from claimcheck.store import Store

runner = CliRunner()


@pytest.mark.parametrize("command", [["fetch"], ["sources"], ["compare", "ferry"], ["stories"], ["reindex"], ["articles"]])
def test_an_empty_sources_option_is_said_as_empty_not_as_a_directory(tmp_path: Path, command: list[str]) -> None:
    """`--sources "$SRC"` with SRC unset: Typer made "" Path("") == ".", said as `.: is a directory, not a
    sources.yaml file` (bughunt18 and 20 left it), and `articles` read nothing and said nothing."""
    db = tmp_path / "s.db"
    Store.open(db).close()
    r = runner.invoke(app, [*command, "--sources", "", "--db", str(db)])
    assert r.exit_code == 2, r.output
    assert "--sources is empty" in r.output and "is a directory" not in r.output and "Traceback" not in r.output


def test_db_target_names_what_held_the_empty_value(monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty database name was said as "--db is empty" by db_target, and each caller that had no --db
    rewrote the line (from_env by string replacement, migrate-store by checking first)."""
    for name in ("--db", "SRC", "DEST"):
        with pytest.raises(UsageError, match=rf"^{name} is empty: give a database file"):
            db_target(" ", name)
    monkeypatch.setenv("CLAIMCHECK_DB", "")
    r = runner.invoke(app, ["migrate-store", "", "x.db"])
    assert r.exit_code == 2 and "SRC is empty" in r.output and "--db" not in r.output

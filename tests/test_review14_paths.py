"""Review of bughunt14's '-o out/' fix (review14): a database named with a trailing slash, a folder not made
yet, was created as a file of that name (Path drops the slash): 'migrate-store news.db backups/' copied the
store into a file named 'backups', 'fetch --db data/' likewise. Now one line, exit 2, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli.app import app
from claimcheck.errors import UsageError
from claimcheck.paths import db_target
from claimcheck.store import Store

runner = CliRunner()


def test_a_database_named_with_a_trailing_slash_is_bad_usage(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="names a folder"):
        db_target(f"{tmp_path}/backups/")
    assert db_target("postgresql://u@127.0.0.1/news/") == "postgresql://u@127.0.0.1/news/"  # a URL as it is
    assert db_target(tmp_path / "news.db") == tmp_path / "news.db"


def test_migrate_store_into_a_folder_name_writes_nothing(tmp_path: Path) -> None:
    src = tmp_path / "news.db"
    with Store.open(src):
        pass
    r = runner.invoke(app, ["migrate-store", str(src), f"{tmp_path}/backups/"])
    assert r.exit_code == 2 and "names a folder" in r.stderr and "Traceback" not in r.output, r.output
    assert len(r.stderr.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.db"]


def test_articles_with_a_folder_as_db_is_bad_usage(tmp_path: Path) -> None:
    r = runner.invoke(app, ["articles", "--db", f"{tmp_path}/data/"])
    assert r.exit_code == 2 and "names a folder" in r.stderr, r.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["facts.jsonl", "facts.NDJSON", "facts.tsv", "facts.xlsx", "facts.pdf"])
def test_an_output_named_for_a_format_no_command_writes_is_bad_usage(tmp_path: Path, name: str) -> None:
    """'-o facts.jsonl' saved the terminal table (box drawing) under that name: one line, exit 2, nothing
    written. With --format too (bughunt15): '--format json' saved one JSON document as facts.jsonl, which
    no JSON Lines reader takes, as '--format json -o facts.csv' is refused."""
    db = tmp_path / "news.db"
    with Store.open(db):
        pass
    r = runner.invoke(app, ["articles", "--db", str(db), "-o", str(tmp_path / name)])
    assert r.exit_code == 2 and "does not write" in r.stderr, r.output
    assert len(r.stderr.strip().splitlines()) == 1
    assert not (tmp_path / name).exists()
    for fmt in ("json", "csv", "table"):
        r = runner.invoke(app, ["articles", "--db", str(db), "-o", str(tmp_path / name), "--format", fmt, "-q"])
        assert r.exit_code == 2 and f"--format {fmt} does not write" in r.stderr, r.output
        assert len(r.stderr.strip().splitlines()) == 1 and not (tmp_path / name).exists()


@pytest.mark.parametrize("command", [["compare", "flood"], ["stories"], ["articles"]])
def test_every_command_refuses_json_into_a_jsonl_name(tmp_path: Path, command: list[str]) -> None:
    """bughunt15: 'compare flood -o x.jsonl --format json' wrote one indented JSON document into x.jsonl."""
    db = tmp_path / "news.db"
    with Store.open(db):
        pass
    r = runner.invoke(app, [*command, "--db", str(db), "-o", str(tmp_path / "x.jsonl"), "--format", "json"])
    assert r.exit_code == 2 and "does not write JSON Lines" in r.stderr and "name the file .json" in r.stderr, r.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.db"]


def test_demo_report_named_for_a_format_no_command_writes_is_bad_usage(tmp_path: Path) -> None:
    """'demo --report r.jsonl' wrote the Markdown report as r.jsonl (and r.html beside it)."""
    r = runner.invoke(app, ["demo", "-q", "--db", str(tmp_path / "d.db"), "--report", str(tmp_path / "r.jsonl")])
    assert r.exit_code == 2 and "looks like JSON Lines" in r.stderr, r.output
    assert len(r.stderr.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []

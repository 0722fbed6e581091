"""``--bom``: a CSV that Excel opens with its accents right, for every command that writes CSV, opt-in only."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from test_compare_demo import TOPIC, demo_store
from typer.testing import CliRunner

from claimcheck.cli.app import app

runner = CliRunner()
BOM = "\ufeff".encode()
COMMANDS = {
    "compare": ["compare", TOPIC],
    "stories": ["stories", "--since", "2000-01-01", "--min-outlets", "1"],
    "articles": ["articles"],
}


def run(argv: list[str]) -> tuple[int, str, str]:
    store = demo_store()
    r = runner.invoke(app, [*argv, "--db", str(store.db), "--sources", str(store.sources)], env={"COLUMNS": "100"})
    return r.exit_code, r.stdout, r.stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_bom_starts_the_file_and_csv_reads_the_same(command: str, tmp_path: Path) -> None:
    plain, marked = tmp_path / "plain.csv", tmp_path / "marked.csv"
    assert run([*COMMANDS[command], "-o", str(plain)])[0] == 0
    code, _, err = run([*COMMANDS[command], "-o", str(marked), "--bom"])
    assert code == 0, err
    raw, with_mark = plain.read_bytes(), marked.read_bytes()
    assert not raw.startswith(BOM)  # opt-in: pipelines and csv.reader see no mark by default
    assert with_mark.startswith(BOM) and with_mark.count(BOM) == 1
    # Only the mark differs, and a reader that knows it (utf-8-sig, as Excel and pandas) reads the same rows.
    rows = list(csv.reader(io.StringIO(with_mark.decode("utf-8-sig"))))
    assert rows == list(csv.reader(io.StringIO(raw.decode("utf-8")))) and len(rows) > 1


def test_bom_on_stdout() -> None:
    code, out, err = run([*COMMANDS["compare"], "--format", "csv", "--bom"])
    assert code == 0, err
    assert out.startswith("\ufeff") and out[1:].startswith("fact_id")


@pytest.mark.parametrize("fmt", ["json", "markdown", "table"])
def test_bom_is_refused_for_other_formats(fmt: str, tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    code, out, err = run([*COMMANDS["compare"], "--format", fmt, "--bom", "-o", str(target)])
    assert code == 2 and not target.exists() and not out
    line = err.strip()
    assert "--bom is for CSV" in line and fmt in line and "\n" not in line and "Traceback" not in err

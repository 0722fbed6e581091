"""`claimcheck migrate-store` on SQLite files: what DEST may never be."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli.app import app
from claimcheck.store import Store

runner = CliRunner()


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal"])
def test_dest_is_never_a_file_of_the_source_database(tmp_path: Path, suffix: str) -> None:
    """A store written as SRC's -wal (or -shm, -journal) is deleted or read as SRC's journal the next time
    SRC opens: the copy is lost, and a live WAL of a fetcher would be overwritten."""
    src = tmp_path / "news.db"
    with Store.open(src):
        pass
    dest = Path(f"{src}{suffix}")
    r = runner.invoke(app, ["migrate-store", str(src), str(dest)])
    assert r.exit_code == 2, r.output
    assert "SRC" in r.output and suffix in r.output
    assert len(r.output.strip().splitlines()) == 1
    assert not dest.exists()
    # Through a symlink to SRC too.
    link = tmp_path / "link.db"
    link.symlink_to(src)
    r = runner.invoke(app, ["migrate-store", str(link), str(dest)])
    assert r.exit_code == 2 and not dest.exists()


def test_a_new_file_beside_it_is_fine(tmp_path: Path) -> None:
    src = tmp_path / "news.db"
    with Store.open(src):
        pass
    r = runner.invoke(app, ["migrate-store", str(src), str(tmp_path / "copy.db"), "--json"])
    assert r.exit_code == 0, r.output
    assert '"copied"' in r.output

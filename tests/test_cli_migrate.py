"""`claimcheck migrate-store` on SQLite files: what DEST may never be."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_compare_demo import demo_store
from typer.testing import CliRunner

from claimcheck.cli.app import app
from claimcheck.store import TABLES, Store

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


@pytest.mark.parametrize("new_dest", [True, False])
def test_a_copy_stopped_half_way_leaves_dest_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_dest: bool
) -> None:
    """Ctrl-C in the middle of migrate-store left DEST half filled (outlets, feeds and articles, no
    claims), said nothing, and the run again was refused ("already holds a store"): the user had a partial
    copy that looks like a store and no way to finish it. Now DEST is left as it was: a new file is
    removed, an empty store emptied again; exit 130 with one line, and the next run copies everything."""
    from claimcheck.store import SqliteStore

    src, dest = demo_store().db, tmp_path / "copy.db"  # the sample corpus, fetched over loopback
    if not new_dest:
        with Store.open(dest):
            pass
    real = SqliteStore.import_rows

    def stop_at_claims(self: SqliteStore, table: str, rows: object) -> None:
        if table == "claims":
            raise KeyboardInterrupt  # a Ctrl-C arriving while the claims are copied
        real(self, table, rows)  # type: ignore[arg-type]

    monkeypatch.setattr(SqliteStore, "import_rows", stop_at_claims)
    r = runner.invoke(app, ["migrate-store", str(src), str(dest)])
    assert r.exit_code == 130, r.output
    assert len(r.stderr.strip().splitlines()) == 1 and "interrupted" in r.stderr and "Traceback" not in r.output
    if new_dest:
        assert not any(p.name.startswith("copy.db") for p in tmp_path.iterdir())
    else:
        with Store.open(dest, create=False) as s:
            assert s.is_empty() and all(s.count_rows(t) == 0 for t in TABLES)
    monkeypatch.undo()
    r = runner.invoke(app, ["migrate-store", str(src), str(dest), "--json"])
    assert r.exit_code == 0, r.output
    with Store.open(src, create=False) as a, Store.open(dest, create=False) as b:
        for t in TABLES:
            assert list(b.export_rows(t)) == list(a.export_rows(t)) and b.count_rows(t) > 0, t


def test_a_store_written_during_the_copy_is_copied_as_it_was_when_the_copy_began(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """migrate-store read each table at its own moment: a fetch storing an article (with its claims and
    entry) while the articles were being copied made the claims' copy name an article that was not
    copied, and the copy failed ("FOREIGN KEY constraint failed"). Every table is now read from one
    snapshot of SRC, taken when the copy begins."""
    import shutil
    import sqlite3

    from claimcheck.store import SqliteStore

    src, dest = tmp_path / "news.db", tmp_path / "copy.db"
    shutil.copy(demo_store().db, src)
    with Store.open(src, create=False) as s:
        before = {t: list(s.export_rows(t)) for t in TABLES}
    real = SqliteStore.import_rows
    wrote: list[bool] = []

    def fetch_meanwhile(self: SqliteStore, table: str, rows: object) -> None:
        real(self, table, rows)  # type: ignore[arg-type]
        if table == "articles" and not wrote:  # a fetch commits an article, its claims and entry now
            con = sqlite3.connect(src, isolation_level=None)
            con.execute("BEGIN IMMEDIATE")
            new = con.execute(
                "INSERT INTO articles (outlet, url, canonical_url, title, author, published, fetched, text, "
                "content_hash, language) SELECT outlet, url || '?new', canonical_url || '?new', title, author, "
                "published, fetched, text, content_hash || 'new', language FROM articles WHERE id = 1"
            ).lastrowid
            con.execute(
                'INSERT INTO claims (article_id, kind, text, sentence, start, "end", fields) '
                'SELECT ?, kind, text, sentence, start, "end", fields FROM claims WHERE article_id = 1',
                (new,),
            )
            con.execute(
                "INSERT INTO entries (outlet, key, url, article_id, status, seen) "
                "SELECT outlet, 'new-entry', url, ?, 'stored', '2026-03-02' FROM articles WHERE id = 1",
                (new,),
            )
            con.execute("COMMIT")
            con.close()
            wrote.append(True)

    monkeypatch.setattr(SqliteStore, "import_rows", fetch_meanwhile)
    r = runner.invoke(app, ["migrate-store", str(src), str(dest), "--json"])
    assert wrote and r.exit_code == 0, r.output
    with Store.open(dest, create=False) as d:
        assert {t: list(d.export_rows(t)) for t in TABLES} == before


@pytest.mark.parametrize("new_dest", [True, False])
def test_a_failed_copy_never_deletes_what_something_else_stored_in_dest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_dest: bool
) -> None:
    """A copy that failed or was stopped emptied DEST again (or removed the new file) whatever it held:
    when another program (a fetch pointed at DEST) stored rows there during the copy, the copy failed
    ("something else wrote to it meanwhile") and then deleted those rows with its own. DEST is now
    emptied only while it holds nothing but this copy's rows; else it is left as it is, and said so."""
    import sqlite3

    from claimcheck.store import SqliteStore

    src, dest = demo_store().db, tmp_path / "copy.db"
    if not new_dest:
        with Store.open(dest):
            pass
    real = SqliteStore.import_rows

    def a_fetch_meanwhile(self: SqliteStore, table: str, rows: object) -> None:
        real(self, table, rows)  # type: ignore[arg-type]
        if table == "articles" and Path(self.path) == dest:  # another program stores an outlet in DEST
            con = sqlite3.connect(dest, isolation_level=None)
            con.execute("INSERT OR IGNORE INTO outlets (id, name) VALUES ('another', 'Another outlet')")
            con.close()

    monkeypatch.setattr(SqliteStore, "import_rows", a_fetch_meanwhile)
    r = runner.invoke(app, ["migrate-store", str(src), str(dest)])
    assert r.exit_code == 2 and "Traceback" not in r.output, r.output
    assert "something else" in r.stderr and "left as it is" in r.stderr and len(r.stderr.splitlines()) == 1
    with Store.open(dest, create=False) as d:
        assert "another" in d.outlet_ids()


def test_dest_dash_is_bad_usage_and_creates_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`migrate-store SRC -` made a store in a file literally named "-" in the current folder: "-" means
    stdout elsewhere (`-o -`), and a store cannot be written to stdout. Now: one line, exit 2, nothing made."""
    src = tmp_path / "news.db"
    with Store.open(src):
        pass
    monkeypatch.chdir(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    r = runner.invoke(app, ["migrate-store", str(src), "-"])
    assert r.exit_code == 2, r.output
    assert len(r.output.strip().splitlines()) == 1 and "DEST" in r.output and "Traceback" not in r.output
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_an_empty_or_missing_src_or_dest_is_named_as_such(tmp_path: Path) -> None:
    """`migrate-store "$SRC" "$DEST"` with one of them unset said "--db is empty", and a mistyped SRC "run
    'claimcheck fetch' first (or pass --db)": migrate-store has no --db. Each names SRC or DEST now."""
    src = tmp_path / "news.db"
    with Store.open(src):
        pass
    for argv, words in (
        ([str(src), ""], "DEST is empty"),
        (["  ", str(tmp_path / "n.db")], "SRC is empty"),
        ([str(tmp_path / "typo.db"), str(tmp_path / "n.db")], "no such database file"),
    ):
        r = runner.invoke(app, ["migrate-store", *argv])
        assert r.exit_code == 2 and words in r.stderr and "--db" not in r.stderr, r.stderr
        assert len(r.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "n.db").exists()

"""Start-up of the command line (#14): a run loads only its own command, and option values are coerced
without pydantic, exactly as typer's own coercion does them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer.main

from claimcheck.cli import params
from claimcheck.cli.app import COMMANDS, app, build, commands_for

PACKAGED_SOURCES = Path(__file__).resolve().parents[1] / "claimcheck" / "sources.yaml"

SAMPLES = {
    "str": ["bbc", "", "  x ", "é ü", "\udcff", "-", "3d"],
    "bool": [True, False, None, "yes", "0"],
    "int": ["1", "0", "007", "256", "257", "10000", "10001", "1000000000", "1000000001", "-3", "+5", "1.0",
            "1e3", " 5", "abc", "", "\u0663", "99999999999999999999", 5, 0],
    "list": [(), ("a", "b"), ["x"], ("\udcff",), ("",)],
}


def _outcome(coerce: Any, value: Any, p: Any, ctx: Any) -> tuple[str, Any]:
    try:
        value = coerce(value, param=p, ctx=ctx)
    except Exception as e:  # noqa: BLE001 - the error itself is what is compared
        return "error", (type(e).__name__, e.format_message() if hasattr(e, "format_message") else str(e))
    return "value", (type(value).__name__, value)


def _typer_params() -> list[tuple[Any, Any, str]]:
    group = typer.main.get_command(app)
    out = []
    for cmd in [group, *group.commands.values()]:  # type: ignore[attr-defined]
        for p in cmd.params:
            kind = params._kind(p)
            if kind is not None:
                out.append((cmd, p, kind))
    return out


def test_every_option_of_every_command_is_coerced_without_pydantic() -> None:
    group = typer.main.get_command(app)
    cmds = [group, *group.commands.values()]  # type: ignore[attr-defined]
    total = sum(len(c.params) for c in cmds)
    plain = _typer_params()
    assert len(plain) == total  # no option of ours needs pydantic
    assert {k for *_, k in plain} == {"str", "bool", "int", "path", "list"}


def test_plain_coercion_agrees_with_typers_own(tmp_path: Path) -> None:
    from typer._coercion import build_runtime_param

    readable = tmp_path / "s.yaml"
    readable.write_text("outlets: []\n")
    unreadable = tmp_path / "locked.yaml"
    unreadable.write_text("x")
    unreadable.chmod(0)
    path_samples = [str(readable), str(tmp_path / "missing.yaml"), str(tmp_path), "", "\udcff", "-", str(unreadable)]
    compared = 0
    for cmd, p, kind in _typer_params():
        ctx = cmd.context_class(cmd)
        slow = build_runtime_param(p.type_descriptor)
        fast = params.PlainParam(kind, build_runtime_param)
        for value in [None, *(path_samples if kind == "path" else SAMPLES[kind])]:
            ours = _outcome(fast.coerce, value, p, ctx)
            theirs = _outcome(slow.coerce, value, p, ctx)
            assert ours == theirs, f"{cmd.name} {p.name} ({kind}) {value!r}: {ours} != {theirs}"
            compared += 1
    assert compared > 200


def test_a_command_loads_only_its_own_module_and_no_pydantic(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        f"sys.argv = ['claimcheck', 'sources', '--json', '--sources', {str(PACKAGED_SOURCES)!r}, '--db', {str(tmp_path / 'x.db')!r}]\n"
        "from claimcheck.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
        "mods = [m for m in sys.modules if m.startswith(('claimcheck.cli.', 'claimcheck.claims', 'claimcheck.ingest', 'pydantic', 'rapidfuzz', 'numpy', 'trafilatura'))]\n"
        "print(' '.join(sorted(mods)), file=sys.stderr)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "_CLAIMCHECK_COMPLETE"}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    loaded = set(run.stderr.split())
    shared = {"claimcheck.cli.common", "claimcheck.cli.console", "claimcheck.cli.outputs", "claimcheck.cli.times"}
    assert loaded == {"claimcheck.cli.app", "claimcheck.cli.params", "claimcheck.cli.sources", *shared}
    assert '"outlets"' in run.stdout or "outlets" in run.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["fetch", "--limit", "3"], ("fetch",)),
        (["migrate-store", "a", "b"], ("migrate-store",)),
        (["-V"], ()),
        (["--version", "fetch"], ()),
        (["-h"], None),
        (["--help", "fetch"], None),
        ([], None),
        (["fetc"], None),
        (["--bogus", "fetch"], None),
    ],
)
def test_commands_for(args: list[str], expected: tuple[str, ...] | None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("_CLAIMCHECK_COMPLETE", raising=False)
    assert commands_for(args) == expected
    monkeypatch.setenv("_CLAIMCHECK_COMPLETE", "bash_complete")
    assert commands_for(args) is None  # the shell completes from every command


def test_one_command_app_is_the_same_command_as_in_the_full_app() -> None:
    full = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    assert list(full) == list(COMMANDS)
    for name in COMMANDS:
        one = typer.main.get_command(build((name,))).commands  # type: ignore[attr-defined]
        assert list(one) == [name]
        assert [p.opts for p in one[name].params] == [p.opts for p in full[name].params]
        assert one[name].help == full[name].help


def test_a_reader_checks_only_a_small_database_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """quick_check reads the whole file: a reading command runs it on a small store only (#14); a writer
    on every store up to store.VERIFY_MAX_BYTES, as before."""
    from claimcheck.cli import common
    from claimcheck.errors import StoreError
    from claimcheck.store import SqliteStore, Store

    db = tmp_path / "c.db"
    Store.open(db).close()
    checked: list[object] = []
    real = SqliteStore._quick_check

    def spy(self: SqliteStore) -> None:
        checked.append(self.path)
        real(self)

    monkeypatch.setattr(SqliteStore, "_quick_check", spy)
    common.open_reader(db).close()
    assert checked == [db]
    monkeypatch.setattr(common, "READER_VERIFY_MAX_BYTES", 0)
    common.open_reader(db).close()
    assert checked == [db]  # larger than a reader checks
    Store.open(db).close()
    assert checked == [db, db]  # a writer still checks it
    corrupt = tmp_path / "bad.db"
    corrupt.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    monkeypatch.setattr(common, "READER_VERIFY_MAX_BYTES", 10**6)
    with pytest.raises(StoreError, match="corrupt"):
        common.open_reader(corrupt)


def test_a_quiet_run_counts_its_progress_without_rich() -> None:
    """fetch --json and --quiet runs show no bar: they count as a disabled rich Progress would, and load
    no rich at all (#14); the fetch summary's _Bar reads the totals back."""
    code = (
        "import sys\n"
        "from claimcheck.cli.common import progress_on_stderr\n"
        "from claimcheck.cli.fetch import _Bar\n"
        "with progress_on_stderr(True) as p:\n"
        "    bar = _Bar(p)\n"
        "    bar.add('a', 2); bar.add('a', 1); bar.advance('a')\n"
        "    t = p.add_task('reindex', total=None); p.update(t, completed=5, total=9)\n"
        "print(p.tasks[bar.total].total, p.tasks[bar.tasks['a']].total, p.tasks[bar.total].completed,\n"
        "      p.tasks[t].completed, p.tasks[t].total, any(m.startswith('rich') for m in sys.modules))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["3", "3", "1", "5", "9", "False"]


def test_an_export_loads_no_rich_table_and_the_table_still_renders() -> None:
    code = (
        "import sys\n"
        "import claimcheck.render as r\n"
        "assert not any(m.startswith('rich') for m in sys.modules), 'rich loaded by claimcheck.render'\n"
        "assert callable(r.print_table) and callable(r.render_table) and callable(r.render_html)\n"
        "assert 'rich.table' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)

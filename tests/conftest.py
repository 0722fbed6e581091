from __future__ import annotations

import atexit
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from loopback import Site  # noqa: E402

REALDATA = ROOT.parent / "shared" / "realdata"

# A suite started in the background by a non-interactive shell (`pytest &`, nohup, some CI runners) inherits
# Ctrl-C ignored, and so would every claimcheck the tests start: the tests that send it SIGINT would see it do
# nothing. Python's own handler here makes the processes the tests start get the default disposition again.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)
CORPUS = ROOT / "claimcheck" / "demo" / "corpus"


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> None:
    """The whole suite (`python -m pytest`, no tests named) runs on every core with pytest-xdist: one worker
    process per core and one more (about a quarter of the suite's wall time is tests waiting on sockets,
    subprocesses and timers: on 2 cores, 3 workers took 2 min 41 s where 2 took 3 min 1 s), a test file's
    tests all in one worker (``--dist loadfile``: a module's shared fixtures, the Chromium browser, the demo
    store, are built once). Tests named on the command line, ``-n 0``,
    ``-p no:xdist``, ``--pdb``, ``-s``, or xdist not installed: they run in this process, as before.
    Runs before xdist's own hook (both tryfirst; a conftest's runs first)."""
    opt = config.option
    if (
        not hasattr(config, "workerinput")  # an xdist worker runs this hook too: it must never start workers
        and "PYTEST_XDIST_WORKER" not in os.environ
        and config.pluginmanager.hasplugin("xdist")
        and config.args_source == pytest.Config.ArgsSource.TESTPATHS
        and getattr(opt, "numprocesses", 0) is None
        and getattr(opt, "dist", "no") == "no"
        and opt.capture != "no"
        and not opt.usepdb
        and not opt.collectonly
    ):
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
        opt.numprocesses, opt.dist = cores + 1, "loadfile"


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own user dir and working directory; no env var leaks in."""
    home = tmp_path / "home"
    monkeypatch.setenv("CLAIMCHECK_HOME", str(home))
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(tmp_path / "cache"))  # the stories kept between runs
    for var in ("CLAIMCHECK_DB", "CLAIMCHECK_SOURCES", "CLAIMCHECK_TRACEBACK", "CLAIMCHECK_NO_CACHE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(tmp_path)
    # The command line's consoles are made on first use, with the width COLUMNS said then: a test that
    # sets COLUMNS (CliRunner's env) got the width of whichever test printed first in its worker, so
    # test_cli_rules' table checks failed after test_compare_cli in the same process. One run of the
    # program is one command; one test gets fresh consoles too.
    console = sys.modules.get("claimcheck.cli.console")
    if console is not None:
        for lazy in (console.out_console, console.err_console):
            lazy._made = None  # type: ignore[attr-defined]
    return home


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    yield s
    s.close()


@pytest.fixture
def corpus_site() -> Iterator[Site]:
    s = Site(root=CORPUS)
    yield s
    s.close()


# -- PostgreSQL: one throwaway cluster per session, one database per test ---------------------------------
def _pg_required() -> bool:
    return os.environ.get("CLAIMCHECK_TEST_PG") == "1"


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[object]:
    """A real PostgreSQL server for the session (tests/pgserver.py). Absent (no initdb, no psycopg):
    the tests that need it skip, unless CLAIMCHECK_TEST_PG=1 (CI), where that is a failure."""
    try:
        import psycopg  # noqa: F401
        from pgserver import PgCluster

        cluster = PgCluster()
    except Exception as e:  # noqa: BLE001 - any reason the server cannot run here
        if _pg_required():
            pytest.fail(f"CLAIMCHECK_TEST_PG=1 but PostgreSQL cannot run: {e}")
        pytest.skip(f"PostgreSQL not available: {e}")
    atexit.register(cluster.stop)  # also when the session dies before the fixture's teardown
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_cluster: object) -> str:
    """A fresh migrated database of the session's cluster."""
    return pg_cluster.new_database()  # type: ignore[attr-defined,no-any-return]


@pytest.fixture(params=["sqlite", "postgresql"])
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The database of a test run on both backends: an SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "c.db")
    return request.getfixturevalue("pg_url")  # type: ignore[no-any-return]

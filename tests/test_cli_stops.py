"""How a fetch ends when the world changes under it (issue 10, items 11 and 12): SIGTERM behaves as
Ctrl-C, a database file replaced mid-run is detected, and sources.yaml's size cap bounds the read."""

from __future__ import annotations

import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from loopback import Site, send
from pages import PARAS, article_html, rss
from soundness import assert_sound
from test_crash import reap, sources, start, wait_for
from typer.testing import CliRunner

from claimcheck.cli.app import app
from claimcheck.config import MAX_FILE_BYTES, load_sources
from claimcheck.errors import ConfigError
from claimcheck.store import Store

HTML = {"Content-Type": "text/html; charset=utf-8"}


def test_sigterm_stops_like_ctrl_c_with_exit_143(tmp_path: Path) -> None:
    from test_crash import publish

    site = Site()
    try:
        publish(site, delay=0.12)
        src, db = sources(site, tmp_path), tmp_path / "c.db"
        proc = start(src, db)
        wait_for(db, 2, proc)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=15)
        reap(proc)
    finally:
        site.close()
    assert proc.returncode == 143, err
    m = re.search(r"stopped by SIGTERM: (\d+) new articles? stored before the stop", err)
    assert m, err
    assert "Traceback" not in err + out and "leaked semaphore" not in err and "resource_tracker" not in err
    assert len(assert_sound(db)) >= int(m.group(1)) >= 2


def _other_database(path: Path) -> None:
    with Store.open(path) as s:
        s.db.execute("INSERT INTO outlets (id, name, wire, aliases) VALUES ('other', 'Other', 0, '[]')")


def _swap_then_send(other: Path, db: Path, body: bytes, moved: list[bool]):  # type: ignore[no-untyped-def]
    """A page handler that first moves a copy of ``other`` over ``db`` (once), then answers."""

    def act(h) -> None:  # type: ignore[no-untyped-def]
        if not moved:
            shutil.copy(other, db.parent / "swap.db")
            os.replace(db.parent / "swap.db", db)
            moved.append(True)
        send(h, 200, body, HTML)

    return act


def test_a_database_replaced_during_fetch_is_detected(site: Site, tmp_path: Path) -> None:
    """Replacing the file (another claimcheck database moved over it) made fetch write on into the old
    file and exit 0, leaving its -wal beside the new one, whose pages SQLite would then read in."""
    db, other, moved = tmp_path / "c.db", tmp_path / "other.db", []
    _other_database(other)
    items = []
    for i in range(6):
        path = f"/a/{i}.html"
        html = article_html(
            f"Harbour report {i}", [*PARAS, f"Report {i}: {i + 3} boats came in."], "2025-12-10"
        )
        if i == 3:
            site.route(path, action=_swap_then_send(other, db, html.encode(), moved))
        else:
            site.route(path, html, headers=HTML)
        items.append({"title": f"a {i}", "link": site.url(path), "guid": f"a-{i}"})
    site.route("/a/feed.xml", rss(items), headers={"Content-Type": "application/rss+xml"})
    src = tmp_path / "s.yaml"
    src.write_text(
        f"defaults: {{per_host: 1}}\noutlets: [{{id: a, name: A, feeds: ['{site.url('/a/feed.xml')}']}}]\n"
    )
    r = CliRunner().invoke(
        app,
        [
            "fetch",
            "-q",
            "--allow-private",
            "--workers",
            "0",
            "--concurrency",
            "1",
            "--sources",
            str(src),
            "--db",
            str(db),
        ],
    )
    assert moved and r.exit_code == 2, r.output
    assert "database file was replaced or removed" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    # The new file is whole and holds only its own data: nothing of this run leaked into it.
    wal = Path(f"{db}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert [r[0] for r in con.execute("SELECT id FROM outlets")] == ["other"]
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    finally:
        con.close()


def test_sources_cap_bounds_the_read_of_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "sources.yaml"
    os.mkfifo(fifo)
    written = [0]

    def feed() -> None:
        chunk = b"# " + b"x" * 65_000 + b"\n"
        try:
            with fifo.open("wb") as f:
                while written[0] < 50_000_000:
                    f.write(chunk)
                    written[0] += len(chunk)
        except BrokenPipeError:
            pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    with pytest.raises(ConfigError, match="limited to"):
        load_sources(fifo)
    writer.join(10)
    time.sleep(0.1)
    assert not writer.is_alive() and written[0] < MAX_FILE_BYTES + 1_000_000  # stopped near the cap


CTRL_C_WHILE_LOADING = """
import sys

MODULE = sys.argv[1]


class CtrlC:  # Ctrl-C arriving while the command line's modules load (the first half second of a run)
    def find_spec(self, name, path=None, target=None):
        if name == MODULE:
            raise KeyboardInterrupt
        return None

sys.meta_path.insert(0, CtrlC())
sys.argv = ["claimcheck", *sys.argv[2:]]
from claimcheck.__main__ import main
main()
"""


@pytest.mark.parametrize(
    "module,args",
    [
        ("claimcheck.cli.app", ["stats"]),
        ("claimcheck.cli.reindex", ["reindex"]),
        ("claimcheck.config", ["sources"]),
    ],
)
def test_ctrl_c_while_the_command_loads_is_exit_130_without_a_traceback(
    tmp_path: Path, module: str, args: list[str]
) -> None:
    """Ctrl-C in the first half second (a command typed by mistake) printed a Python traceback and the
    process died of SIGINT; it ends as Ctrl-C does later: exit 130, nothing on stderr but one line."""
    import subprocess
    import sys

    env = {**os.environ, "CLAIMCHECK_HOME": str(tmp_path)}
    env.pop("CLAIMCHECK_TRACEBACK", None)
    r = subprocess.run(
        [sys.executable, "-c", CTRL_C_WHILE_LOADING, module, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert r.returncode == 130, (r.returncode, r.stderr[-500:])
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) <= 1


LAUNCHER_CTRL_C = """
import os, signal, sys, tomllib

ENTRY = tomllib.load(open(sys.argv[1], "rb"))["project"]["scripts"]["claimcheck"]
MODULE, FUNCTION = ENTRY.split(":")


class CtrlC:  # a real SIGINT while the launcher's own import loads the claimcheck package
    def find_spec(self, name, path=None, target=None):
        if name == "claimcheck":
            os.kill(os.getpid(), signal.SIGINT)
        return None


sys.meta_path.insert(0, CtrlC())
sys.argv = ["claimcheck", "stats"]
# as pip's console script does: the import, then the call
main = getattr(__import__(MODULE, fromlist=[FUNCTION]), FUNCTION)
sys.exit(main())
"""


def test_ctrl_c_while_the_launcher_imports_the_package_is_exit_130_without_a_traceback(tmp_path: Path) -> None:
    """The console script imports its entry point before any claimcheck code can catch Ctrl-C: with
    ``claimcheck.__main__:main`` that import loads the package, and Ctrl-C then was a traceback. The entry
    point is a module outside the package whose first line turns Ctrl-C into exit 130."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "CLAIMCHECK_HOME": str(tmp_path)}
    env.pop("CLAIMCHECK_TRACEBACK", None)
    r = subprocess.run(
        [sys.executable, "-c", LAUNCHER_CTRL_C, str(root / "pyproject.toml")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert r.returncode == 130, (r.returncode, r.stderr[-500:])
    assert "Traceback" not in r.stderr


PYTHON_M_CTRL_C = """
import os, runpy, signal, sys


class CtrlC:  # a real SIGINT while ``python -m claimcheck`` loads the package, before its __main__
    def find_spec(self, name, path=None, target=None):
        if name == "claimcheck.lazy":
            os.kill(os.getpid(), signal.SIGINT)
        return None


sys.meta_path.insert(0, CtrlC())
# what ``python -m claimcheck stats`` does: argv[0] is "-m" while the module is located
sys.orig_argv = [sys.executable, "-m", "claimcheck", "stats"]
sys.argv = ["-m", "stats"]
runpy._run_module_as_main("claimcheck")
"""


def test_ctrl_c_while_python_m_loads_the_package_is_exit_130_without_a_traceback(tmp_path: Path) -> None:
    """``python -m claimcheck`` imports the package (typing, claimcheck.lazy: a few ms) before its
    ``__main__`` can catch Ctrl-C: a Ctrl-C then was a traceback and death by SIGINT. The package's first
    lines install the launcher's handlers when it is being located as ``-m claimcheck``, and only then."""
    env = {**os.environ, "CLAIMCHECK_HOME": str(tmp_path)}
    env.pop("CLAIMCHECK_TRACEBACK", None)
    r = subprocess.run(
        [sys.executable, "-c", PYTHON_M_CTRL_C], capture_output=True, text=True, env=env, timeout=60
    )
    assert r.returncode == 130, (r.returncode, r.stderr[-500:])
    assert "Traceback" not in r.stderr
    # imported any other way (a library user, another tool's -m), the package leaves SIGINT alone
    plain = subprocess.run(
        [sys.executable, "-c", "import signal, claimcheck; print(signal.getsignal(signal.SIGINT).__name__)"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert plain.stdout.strip() == "default_int_handler", plain.stderr
    for form in (["-mclaimcheck"], ["-Im", "claimcheck"], ["-X", "utf8", "-m", "claimcheck"]):  # every way to say -m
        r = subprocess.run([sys.executable, *form, "--version"], capture_output=True, text=True, env=env, timeout=60)
        assert r.returncode == 0 and r.stdout.startswith("claimcheck "), (form, r.stderr[-300:])


FORKSERVER_CTRL_C = """
import os, sys
from claimcheck.ingest import jobs
from claimcheck.ingest.pool import make_pool

jobs.PRELOAD = [*jobs.PRELOAD, "ctrl_c_on_import"]  # a real SIGINT while the forkserver imports its modules
jobs.start_forkserver()
pool = make_pool(1)
print(pool.submit(os.getpid).result(timeout=60) != os.getpid())
pool.shutdown()
"""


def test_ctrl_c_while_the_forkserver_starts_is_no_traceback(tmp_path: Path) -> None:
    """Ctrl-C in a terminal reaches the whole process group: the extraction forkserver, still starting
    (its interpreter, then trafilatura's imports: ~0.5 s) printed a KeyboardInterrupt traceback under the
    fetch's one line, and died. It is started with Ctrl-C blocked until it ignores it."""
    (tmp_path / "ctrl_c_on_import.py").write_text("import os, signal\nos.kill(os.getpid(), signal.SIGINT)\n")
    env = {**os.environ, "CLAIMCHECK_HOME": str(tmp_path / "home"), "PYTHONPATH": str(tmp_path)}
    r = subprocess.run(
        [sys.executable, "-c", FORKSERVER_CTRL_C], capture_output=True, text=True, env=env, timeout=120
    )
    assert r.returncode == 0 and r.stdout.strip() == "True", (r.returncode, r.stderr[-800:])
    assert "Traceback" not in r.stderr and "KeyboardInterrupt" not in r.stderr, r.stderr[-800:]

SWALLOWED_CTRL_C = """
import os, signal, sys, weakref
sys.argv = ["claimcheck", "--version"]
from claimcheck_launch import main


class Thing:
    pass


def freed(ref):  # the Ctrl-C is handled here, as in importlib's module-lock callbacks
    os.kill(os.getpid(), signal.SIGINT)
    sum(range(10))  # (bytecode after the signal: the handler runs inside the callback)


thing = Thing()
ref = weakref.ref(thing, freed)
del thing
main()
"""


def test_ctrl_c_handled_inside_a_weakref_callback_still_stops(tmp_path: Path) -> None:
    """A Ctrl-C whose handler ran inside a weakref callback (importlib frees a module lock through one,
    while the command loads) raised its SystemExit where Python drops exceptions: it printed "Exception
    ignored in ... SystemExit: 130" and the command ran on to the end with exit 0 (seen with a terminal's
    Ctrl-C to `claimcheck reindex` 66 ms in). It now exits 130, quietly."""
    env = {**os.environ, "CLAIMCHECK_HOME": str(tmp_path)}
    env.pop("CLAIMCHECK_TRACEBACK", None)
    r = subprocess.run([sys.executable, "-c", SWALLOWED_CTRL_C], capture_output=True, text=True, env=env, timeout=60)
    assert r.returncode == 130 and r.stdout == "", (r.returncode, r.stdout, r.stderr[-500:])
    assert "Exception ignored" not in r.stderr and "Traceback" not in r.stderr, r.stderr[-500:]

def _blocked_on_fifo(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/wchan").read_text() in ("wait_for_partner", "fifo_open")
    except OSError:
        return False


_FIFO_ENTRIES = {
    "python-m": ["-m", "claimcheck"],
    "console-script": ["-c", "import sys; sys.argv[0] = 'claimcheck'; from claimcheck_launch import main; main()"],
}
_FIFO_COMMANDS = {
    "sources": ["sources", "--sources", "{fifo}"],
    "fetch": ["fetch", "--sources", "{fifo}", "--db", "{db}"],
    "compare": ["compare", "anything", "--sources", "{fifo}", "--db", "{db}"],
    "check": ["sources", "--check", "--sources", "{fifo}"],
}


# Every command by `python -m`, and the console script on one of them, in the default run; the console script's
# other three (the same launcher in front of the same commands) with the slow tests.
@pytest.mark.parametrize(
    ("entry", "args"),
    [
        pytest.param(
            entry, args, id=f"{cmd}-{how}", marks=[pytest.mark.slow] if how == "console-script" and cmd != "sources" else []
        )
        for how, entry in _FIFO_ENTRIES.items()
        for cmd, args in _FIFO_COMMANDS.items()
    ],
)
def test_sigterm_while_reading_a_fifo_exits_143_quietly(entry: list[str], args: list[str], tmp_path: Path) -> None:
    # A command waiting on a FIFO nobody writes to (--sources from a pipe) was killed by SIGTERM itself
    # (status -15, no cleanup), where Ctrl-C at the same place exits 130.
    fifo, db = tmp_path / "sources.yaml", tmp_path / "c.db"
    os.mkfifo(fifo)
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMCHECK_")}
    env["CLAIMCHECK_HOME"] = str(tmp_path / "home")
    argv = [a.format(fifo=fifo, db=db) for a in args]
    proc = subprocess.Popen(
        [sys.executable, *entry, *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    try:
        end = time.monotonic() + 20
        while not _blocked_on_fifo(proc.pid) and time.monotonic() < end and proc.poll() is None:
            time.sleep(0.02)
        assert proc.poll() is None, proc.communicate()
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 143, (proc.returncode, err)
    assert "Traceback" not in err and out == ""
    assert not db.exists()


# SIGTERM stops a fetch as Ctrl-C does (test_sigterm_stops_like_ctrl_c_with_exit_143): its case here runs with the
# slow tests
@pytest.mark.parametrize("sig", [signal.SIGINT, pytest.param(signal.SIGTERM, marks=pytest.mark.slow)])
def test_fetch_json_stopped_says_so_on_stderr(tmp_path: Path, sig: signal.Signals) -> None:
    """``fetch --json > out.json`` stopped by Ctrl-C or SIGTERM: stdout holds the JSON (interrupted: true) and
    stderr still says the run was stopped and what it kept (it said nothing: a user piping stdout to a file
    saw the command end with 130 and no word why)."""
    from test_crash import publish

    site = Site()
    try:
        publish(site, delay=0.12)
        src, db = sources(site, tmp_path), tmp_path / "c.db"
        env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMCHECK_")}
        env["CLAIMCHECK_HOME"] = str(tmp_path / "home")
        cmd = ["fetch", "--allow-private", "--sources", str(src), "--db", str(db), "--json"]
        proc = subprocess.Popen(
            [sys.executable, "-m", "claimcheck", *cmd],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            start_new_session=True,
        )
        wait_for(db, 2, proc)
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=15)
        reap(proc)
    finally:
        site.close()
    assert proc.returncode == 128 + int(sig), err
    import json

    doc = json.loads(out)
    assert doc["interrupted"] is True
    how = "stopped by SIGTERM" if sig == signal.SIGTERM else "interrupted"
    m = re.search(rf"{how}: (\d+) new articles? stored before the stop", err)
    assert m, err
    assert int(m.group(1)) == doc["totals"]["new"] >= 2
    assert "Traceback" not in err + out


@pytest.mark.slow  # CI's second run (pyproject.toml): the stop waits writes.STOP_WAIT
def test_a_stop_ends_while_another_program_holds_the_write_lock(tmp_path: Path) -> None:
    """Ctrl-C while another program holds the SQLite database's write lock (an open BEGIN IMMEDIATE): the stop
    waits writes.STOP_WAIT for the write under way, then ends it (SQLite's busy wait heeds no interrupt: the
    wait for the lock is taken in slices). It waited out the whole busy timeout, 59 s."""
    from claimcheck.ingest.writes import STOP_WAIT

    site = Site()
    holder = None
    try:
        from test_crash import publish

        publish(site, delay=0.12)
        src, db = sources(site, tmp_path), tmp_path / "c.db"
        proc = start(src, db)
        wait_for(db, 2, proc)
        holder = sqlite3.connect(db, isolation_level=None, timeout=30)
        holder.execute("BEGIN IMMEDIATE")
        time.sleep(1.0)  # the fetch's next write is waiting for the lock
        t0 = time.monotonic()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=90)
        took = time.monotonic() - t0
        reap(proc)
    finally:
        if holder is not None:
            holder.execute("ROLLBACK")
            holder.close()
        site.close()
    assert proc.returncode == 130, err
    assert re.search(r"^interrupted: \d+ new articles? stored before the stop", err, re.M), err
    assert "Traceback" not in err and took < 3 * STOP_WAIT, (took, err)
    assert len(assert_sound(db)) >= 2

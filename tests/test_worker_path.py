"""The extraction workers run the claimcheck the fetching process runs (state25).

The forkserver the workers fork from is one per process, started by the first fetch; with Python 3.11 it
imported claimcheck from its own path ("" first: the folder the process was in at that moment), not the
process's. Under pytest (which puts the checkout on ``sys.path`` as the process runs), one test file alone
had the workers run the installed copy's rules and, after another file, the checkout's: the demo corpus's
compare table had 29 rows or 30 by what ran before in the same process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import claimcheck

# A process that finds claimcheck only through a folder it puts on its own path while it runs (as pytest's
# `pythonpath` does), started from another folder: its workers must import the same files.
PARENT = """
import sys
sys.path.insert(0, sys.argv[1])
import claimcheck
from claimcheck.ingest.pool import make_pool

pool = make_pool(1)
there = pool.submit(eval, "__import__('claimcheck').__file__").result(timeout=120)
pool.shutdown()
print(claimcheck.__file__)
print(there)
"""


def test_workers_import_the_fetching_process_s_claimcheck(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(
        Path(claimcheck.__file__).parent, src / "claimcheck", ignore=shutil.ignore_patterns("__pycache__")
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONSAFEPATH")}
    env["CLAIMCHECK_HOME"] = str(tmp_path / "home")
    r = subprocess.run(
        [sys.executable, "-c", PARENT, str(src)],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    assert r.returncode == 0, r.stderr[-800:]
    here, there = r.stdout.split()
    assert Path(here) == src / "claimcheck" / "__init__.py"
    assert there == here


def test_the_thing_memo_holds_what_the_thing_depends_on() -> None:
    """thing_key's memo was keyed without the claim's role: a count of people told as arrested ("taken into
    custody": counted as people, not prisoners) made every later claim of that sentence people too, whatever
    its role; the answer hung on which claim was asked first in the process."""
    from claimcheck.match.things import _thing_key, thing_key
    from claimcheck.models import Claim

    s = "Nine people were taken into custody after the derby in the northern town, police said."
    arrested = Claim("number", "Nine people", s, 0, 11, unit="people", extra={"role": "arrested"})
    plain = Claim("number", "Nine people", s, 0, 11, unit="people")
    assert (
        (thing_key(arrested), thing_key(plain))
        == (_thing_key(arrested), _thing_key(plain))
        == ("people", "prisoner")
    )

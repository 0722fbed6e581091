from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from loopback import Site  # noqa: E402

REALDATA = ROOT.parent / "shared" / "realdata"
CORPUS = ROOT / "claimcheck" / "demo" / "corpus"


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own user dir and working directory; no env var leaks in."""
    home = tmp_path / "home"
    monkeypatch.setenv("CLAIMCHECK_HOME", str(home))
    for var in ("CLAIMCHECK_DB", "CLAIMCHECK_SOURCES", "CLAIMCHECK_TRACEBACK"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(tmp_path)
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

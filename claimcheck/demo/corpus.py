"""The bundled sample corpus: where it lives, its outlets pointed at a running server, the demo's topic
and database (the `demo` command in cli/demo.py serves, fetches and compares it)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from claimcheck.demo.server import PLACEHOLDER
from claimcheck.errors import UsageError
from claimcheck.paths import demo_db_path

DEMO_TOPIC = "Belarus prisoners"


def corpus_dir() -> Path:
    return Path(str(resources.files("claimcheck") / "demo" / "corpus"))


def demo_sources_yaml(base: str) -> str:
    """The corpus's outlets.yaml pointed at the running server, with settings for one local host."""
    text = (corpus_dir() / "outlets.yaml").read_bytes().replace(PLACEHOLDER, base.encode()).decode("utf-8")
    # Every outlet of the corpus lives on one loopback host; lift the per-host limit accordingly.
    head = "defaults:\n  timeout: 10\n  concurrency: 16\n  per_host: 8\n"
    return head + text if "defaults:" not in text else text


def fresh_demo_db() -> Path:
    """The demo's own database, emptied: it is rebuilt on every run (the server's address changes)."""
    path = demo_db_path()
    for f in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        try:
            f.unlink()
        except FileNotFoundError:
            pass
        except OSError as e:
            raise UsageError(f"cannot replace the demo's database {f}: {e.strerror or e}") from None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)  # the user data dir, made as the default database's is
    except OSError as e:
        raise UsageError(f"cannot make the demo's folder {path.parent}: {e.strerror or e}") from None
    return path

"""`claimcheck demo`: serve the bundled corpus on loopback, fetch it for real, compare, write a report."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from claimcheck.cli_common import err_console, out_console
from claimcheck.demo.server import PLACEHOLDER, CorpusServer
from claimcheck.models import Sources
from claimcheck.store import Store

DEMO_TOPIC = "Belarus prisoners"


def corpus_dir() -> Path:
    return Path(str(resources.files("claimcheck") / "demo" / "corpus"))


def demo_sources_yaml(base: str) -> str:
    """The corpus's outlets.yaml pointed at the running server, with settings for one local host."""
    text = (corpus_dir() / "outlets.yaml").read_bytes().replace(PLACEHOLDER, base.encode()).decode("utf-8")
    # Every outlet of the corpus lives on one loopback host; lift the per-host limit accordingly.
    head = "defaults:\n  timeout: 10\n  concurrency: 16\n  per_host: 8\n"
    return head + text if "defaults:" not in text else text


def run_demo(
    *,
    db: Path | None,
    report_path: Path,
    quiet: bool,
    fetch: Callable[..., object],
    sources_override: Path | None = None,
) -> int:
    """Returns the exit code: 0 when the corpus was fetched and compared without failures."""
    with tempfile.TemporaryDirectory(prefix="claimcheck-demo-") as tmp, CorpusServer(corpus_dir()) as server:
        sources_path = Path(sources_override) if sources_override else Path(tmp) / "sources.yaml"
        sources_path.write_text(demo_sources_yaml(server.base), encoding="utf-8")
        db_file = Path(db) if db else Path(tmp) / "demo.db"
        err_console.print(f"serving the sample corpus at {server.base} (loopback only; no network needed)")
        report = fetch(
            sources_path,
            db_file,
            outlets=[],
            limit=None,
            since=None,
            concurrency=None,
            quiet=False,
            as_json=False,
            progress_bar=not quiet,
        )
        code = 0 if getattr(report, "ok", False) else 1
        if getattr(report, "interrupted", False):
            return 130
        return _compare(sources_path, db_file, report_path) or code


def _compare(sources_path: Path, db_file: Path, report_path: Path) -> int:
    try:
        from claimcheck.compare import CompareOptions, compare
        from claimcheck.render import render
        from claimcheck.render.table import print_table
    except ImportError:
        err_console.print("(compare is not installed yet: fetched only)")
        return 0
    from claimcheck.cli_common import load_sources, open_store

    cfg = load_sources(sources_path)
    with open_store(db_file, create=False) as store:
        _print_stories(store, cfg)
        articles = store.search(DEMO_TOPIC)
    result = compare(DEMO_TOPIC, articles, cfg, CompareOptions())
    print_table(result, out_console)
    report_path.write_text(render(result, "markdown"), encoding="utf-8")
    err_console.print(f"wrote {report_path}")
    return 0


def _print_stories(store: Store, cfg: Sources) -> None:
    """The stories table of everything fetched (every story, single-outlet ones too), before compare."""
    from claimcheck.cli_stories import outlet_map
    from claimcheck.render.stories import print_stories
    from claimcheck.stories import list_stories

    articles = store.window_articles()
    if articles:
        outlets = outlet_map(cfg, store, articles)
        print_stories(list_stories(articles, outlets, min_outlets=1), out_console)

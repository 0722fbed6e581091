"""`claimcheck demo`: serve the bundled corpus on loopback, fetch it for real, compare, write a report.

The demo reads only its own outlets (``corpus/outlets.yaml``, written to a temporary folder with the
server's address) and writes only its database and the reports (Markdown, and HTML beside it): never a
file the user named as input.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from claimcheck.cli.common import (
    db_path,
    err_console,
    out_console,
    output_path,
    protected_inputs,
    write_output,
)
from claimcheck.demo.server import PLACEHOLDER, CorpusServer
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


def _fresh_demo_db() -> Path:
    """The demo's own database, emptied: it is rebuilt on every run (the server's address changes)."""
    path = demo_db_path()
    for f in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        try:
            f.unlink()
        except FileNotFoundError:
            pass
        except OSError as e:
            raise UsageError(f"cannot replace the demo's database {f}: {e.strerror or e}") from None
    return path


def run_demo(
    *,
    db: Path | None,
    report_path: Path,
    quiet: bool,
    fetch: Callable[..., tuple[object, int]],
) -> int:
    """Returns the exit code: 0 when the corpus was fetched and compared without failures."""
    target = Path(db) if db else demo_db_path()
    # Checked before anything runs: the report is never the database (or any input) and can be written.
    report_file = output_path(report_path, inputs=protected_inputs(target))
    # The HTML report goes beside a Markdown file (none when the Markdown goes to stdout).
    html_file = (
        output_path(html_report_path(report_file), inputs=protected_inputs(target)) if report_file else None
    )
    db_file = Path(db) if db else _fresh_demo_db()
    with tempfile.TemporaryDirectory(prefix="claimcheck-demo-") as tmp, CorpusServer(corpus_dir()) as server:
        sources_path = Path(tmp) / "sources.yaml"
        sources_path.write_text(demo_sources_yaml(server.base), encoding="utf-8")
        err_console.print(f"serving the sample corpus at {server.base} (loopback only; no network needed)")
        report, code = fetch(
            sources_path,
            db_file,
            outlets=[],
            limit=None,
            since=None,
            concurrency=None,
            quiet=False,
            as_json=False,
            progress_bar=not quiet,
            allow_private=True,  # the corpus is served on loopback: the demo opts in, for its own host only
        )
        if getattr(report, "interrupted", False):
            return code
        return _compare(sources_path, db_file, report_file, html_file, explicit_db=db is not None) or code


def _compare(
    sources_path: Path, db_file: Path, report_file: Path | None, html_file: Path | None, *, explicit_db: bool
) -> int:
    try:
        from claimcheck.compare import CompareOptions, compare
        from claimcheck.render import render
        from claimcheck.render.table import print_table
    except ImportError:
        err_console.print("(compare is not installed yet: fetched only)")
        return 0
    from claimcheck.cli.common import load_sources, open_store

    cfg = load_sources(sources_path)
    with open_store(db_file, create=False) as store:
        articles = store.search(DEMO_TOPIC)
    result = compare(DEMO_TOPIC, articles, cfg, CompareOptions())
    print_table(result, out_console)
    write_output(report_file, render(result, "markdown"))
    if html_file is not None:
        write_output(html_file, render(result, "html"))
    if report_file is not None:
        err_console.print(f"wrote {report_file}" + (f" and {html_file}" if html_file else ""))
    # The next step: compare reads the demo's database by itself while the user has none of their own.
    own = db_path(None)
    if explicit_db or own.exists() or os.environ.get("CLAIMCHECK_DB"):
        err_console.print(f'go on with: claimcheck compare "{DEMO_TOPIC}" --db {db_file}', markup=False)
    else:
        err_console.print(
            f'go on with: claimcheck compare "{DEMO_TOPIC}" (the demo\'s database is kept in {db_file})',
            markup=False,
        )
    return 0


def html_report_path(report_path: Path) -> Path:
    """The HTML report beside the Markdown one: same name, ``.html`` (``report.md`` -> ``report.html``)."""
    if report_path.suffix.lower() == ".html":  # --report x.html: keep the Markdown apart from it
        return report_path.with_name(report_path.name + ".html")
    return report_path.with_suffix(".html")

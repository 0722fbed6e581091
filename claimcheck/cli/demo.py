"""`claimcheck demo`: serve the bundled corpus on loopback, fetch it for real, compare, write a report.

The demo reads only its own outlets (``corpus/outlets.yaml``, written to a temporary folder with the
server's address) and writes only its database and the reports (Markdown, and HTML beside it): never a
file the user named as input.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from claimcheck.cli.common import (
    check_db_folder,
    db_path,
    err_console,
    fail,
    handle_errors,
    is_stream,
    load_sources,
    open_store,
    out_console,
    output_path,
    protected_inputs,
    stream_fd,
    write_output,
)
from claimcheck.cli.fetch import do_fetch
from claimcheck.cli.outputs import FOREIGN_SUFFIXES, SUFFIX_FORMATS
from claimcheck.config import parse_sources
from claimcheck.demo.corpus import DEMO_TOPIC, corpus_dir, demo_sources_yaml, fresh_demo_db
from claimcheck.demo.server import CorpusServer
from claimcheck.errors import UsageError
from claimcheck.models import Sources
from claimcheck.paths import db_target, default_db_path, demo_db_path
from claimcheck.store import Store

if TYPE_CHECKING:
    from rich.console import Console


def run_demo(*, db: str | Path | None, report_path: str | Path, quiet: bool) -> int:
    """Returns the exit code: 0 when the corpus was fetched and compared without failures."""
    if str(report_path) != "-" and (
        not str(report_path).strip()
        or Path(report_path).name in ("", ".", "..")
        or str(report_path).endswith(("/", os.sep))
    ):
        output_path(report_path)  # "", " ", ".", "..", "/": refused in words (no name to put .html on)
    report_path = Path(report_path)
    target = db_target(db) if db is not None else demo_db_path()
    # Checked before anything runs: the report is never the database (or any input), nor the user's own
    # database (which the demo does not use, but a report there would destroy), and can be written.
    own = default_db_path()
    inputs = protected_inputs(target if isinstance(target, Path) else None) + (
        protected_inputs(own, what="your own database") if isinstance(own, Path) else []
    )
    markdown_path, html_path = report_paths(report_path)
    if str(report_path) != "-" and stream_fd(report_path) == 1:
        markdown_path = Path("-")  # --report /dev/stdout is --report -: the report alone on stdout
    report_file = output_path(markdown_path, inputs=inputs)
    # The HTML report goes beside a Markdown file (none when the Markdown goes to stdout or a stream).
    html_file = output_path(html_path, inputs=inputs) if report_file and not is_stream(report_file) else None
    if db:
        check_db_folder(target)
        _refuse_a_users_store(target)
    db_file = target if db else fresh_demo_db()
    with tempfile.TemporaryDirectory(prefix="claimcheck-demo-") as tmp, CorpusServer(corpus_dir()) as server:
        sources_path = Path(tmp) / "sources.yaml"
        sources_path.write_text(demo_sources_yaml(server.base), encoding="utf-8")
        if not quiet:
            err_console.print(f"serving the sample corpus at {server.base} (loopback only; no network needed)")
        report, code = do_fetch(
            sources_path,
            db_file,
            outlets=[],
            limit=None,
            since=None,
            concurrency=None,
            quiet=quiet,
            as_json=False,
            progress_bar=not quiet,
            allow_private=True,  # the corpus is served on loopback: the demo opts in, for its own host only
            tables=tables_console(report_file),
        )
        if report.interrupted:
            return code
        return (
            _compare(sources_path, db_file, report_file, html_file, explicit_db=db is not None, quiet=quiet) or code
        )


def _refuse_a_users_store(target: str | Path) -> None:
    """``--db`` may name a new store, an empty one or an earlier demo's, never one that holds other
    outlets: the sample corpus's invented articles would join the user's real ones."""
    if isinstance(target, Path) and not target.exists():
        return
    demo_ids = {o.id for o in parse_sources(demo_sources_yaml("http://127.0.0.1:1")).outlets}
    with Store.open(target, create=False, read_only=True) as store:
        other = sorted(store.outlet_ids() - demo_ids)
        where = store.location
    if other:
        more = f" and {len(other) - 3} more" if len(other) > 3 else ""
        raise UsageError(
            f"{where} holds the outlets {', '.join(other[:3])}{more}: the demo adds its invented sample "
            "articles only to a new or empty database or an earlier demo's; give --db another file"
        )


def _compare(
    sources_path: Path,
    db_file: str | Path,
    report_file: Path | None,
    html_file: Path | None,
    *,
    explicit_db: bool,
    quiet: bool,
) -> int:
    # Imported here, as in cli/compare.py: every command loads this module, and the matcher (numpy,
    # rapidfuzz) would add ~0.1 s to the start of `fetch`.
    from claimcheck.compare import compare_topic
    from claimcheck.render import render
    from claimcheck.render.table import print_table
    from claimcheck.store_pg import redact

    cfg = load_sources(sources_path)
    tables = tables_console(report_file)
    with open_store(db_file, create=False) as store:
        _print_stories(store, cfg, tables)
        result = compare_topic(store, DEMO_TOPIC, cfg)
    print_table(result, tables)
    write_output(report_file, render(result, "markdown"))
    if html_file is not None:
        write_output(html_file, render(result, "html"))
    if quiet:
        return 0
    if report_file is not None:
        err_console.print(f"wrote {report_file}" + (f" and {html_file}" if html_file else ""))
    # The next step: compare reads the demo's database by itself while the user has none of their own.
    own = db_path(None)
    if explicit_db or not isinstance(own, Path) or own.exists() or os.environ.get("CLAIMCHECK_DB"):
        shown = redact(db_file) if isinstance(db_file, str) else db_file
        err_console.print(f'go on with: claimcheck compare "{DEMO_TOPIC}" --db {shown}', markup=False)
    else:
        err_console.print(
            f'go on with: claimcheck compare "{DEMO_TOPIC}" (the demo\'s database is kept in {db_file})',
            markup=False,
        )
    return 0


def tables_console(report_file: Path | None) -> Console:
    """Where the demo's tables go: stdout, unless the Markdown report goes there (``--report -``), so that
    ``claimcheck demo --report - > report.md`` is the report alone."""
    return err_console if report_file is None else out_console


def _print_stories(store: Store, cfg: Sources, console: Console) -> None:
    """The stories table of everything fetched (every story, single-outlet ones too), before compare."""
    from claimcheck.cli.stories import outlet_map, store_window
    from claimcheck.render.stories import print_stories
    from claimcheck.stories import list_stories

    window = store_window(store, None, None, None)
    if len(window):
        outlets = outlet_map(cfg, store, window.rows.outlets)
        print_stories(list_stories(window, outlets, min_outlets=1), console)


def report_paths(report_path: Path) -> tuple[Path, Path]:
    """The Markdown and the HTML report of ``--report``: ``report.md`` and ``report.html`` beside it; a name
    ending in ``.html`` is the HTML report, with the Markdown beside it (``r.html`` -> ``r.md``, ``r.html``),
    never Markdown under an HTML name, nor under a name whose extension says JSON or CSV (``r.csv``:
    bad usage, as ``compare -o r.csv --format markdown``)."""
    wanted = SUFFIX_FORMATS.get(report_path.suffix.lower()) or FOREIGN_SUFFIXES.get(report_path.suffix.lower())
    if wanted not in (None, "markdown", "html"):
        raise UsageError(
            f"--report {report_path} looks like {wanted}; the demo writes a Markdown report (.md) "
            "and an HTML one (.html)"
        )
    if report_path.suffix.lower() in (".html", ".htm"):
        return report_path.with_suffix(".md"), report_path
    return report_path, report_path.with_suffix(".html")


@handle_errors
def demo(
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="FILE|URL",
            help="Where the demo keeps its database, a file or postgresql://... (default: demo.db in the user data dir, rebuilt on "
            "each run; never $CLAIMCHECK_DB or your own database).",
            show_default=False,
        ),
    ] = None,
    report: Annotated[
        str,  # not a Path: `--report ""` would be Path("") == "."
        typer.Option(
            "--report",
            metavar="FILE",
            help="Where to write the Markdown report ('-' is stdout); the HTML one goes beside it.",
        ),
    ] = "claimcheck-demo-report.md",
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="No progress bar and no messages on stderr (errors still show)."),
    ] = False,
    sources: Annotated[
        Path | None,
        typer.Option(
            "--sources",
            hidden=True,
            help="Not used: the demo reads only its own outlets.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Run the whole pipeline offline on the bundled sample corpus, served over loopback HTTP.

    The demo uses only its own outlets (claimcheck/demo/corpus/outlets.yaml, pointed at its server),
    never your sources.yaml, and writes only its database and the report.
    """
    if sources is not None:
        fail("the demo uses only its own sample outlets; --sources is not read (and never written)", 2)
    code = run_demo(db=db, report_path=report, quiet=quiet)
    if code:
        raise typer.Exit(code)

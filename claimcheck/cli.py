"""The command line: parse, call the stages, render. No logic of its own lives here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from claimcheck import __version__
from claimcheck.cli_common import (
    DbOption,
    SourceOption,
    SourcesOption,
    db_path,
    err_console,
    handle_errors,
    load_sources,
    open_store,
    out_console,
    parse_when,
)
from claimcheck.ingest import FetchOptions, FetchReport, run_fetch
from claimcheck.textsafe import terminal_safe

app = typer.Typer(
    name="claimcheck",
    help="Which outlets report which facts of a news story: fetch articles, extract claims, compare outlets.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        print(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Which outlets report which facts of a news story."""


# -- sources -----------------------------------------------------------------------------------------
@app.command()
@handle_errors
def sources(
    check: Annotated[
        bool, typer.Option("--check", help="Validate sources.yaml and say OK or what is wrong.")
    ] = False,
    db: DbOption = None,
    sources: SourcesOption = None,
) -> None:
    """List the configured outlets (and validate sources.yaml with --check)."""
    cfg = load_sources(sources)
    if check:
        enabled = sum(o.enabled for o in cfg.outlets)
        nofeed = [o.id for o in cfg.outlets if o.enabled and not (o.feeds or o.sitemaps)]
        print(f"OK: {cfg.path}: {len(cfg.outlets)} outlets ({enabled} enabled)")
        if nofeed:
            err_console.print(
                f"note: enabled outlets with no feed or sitemap: {terminal_safe(', '.join(nofeed))}"
            )
        return
    table = Table(title=f"Outlets in {terminal_safe(cfg.path)}", title_justify="left")
    for col in ("id", "name", "country", "feeds", "wire", "enabled"):
        table.add_column(col, justify="right" if col == "feeds" else "left")
    for o in cfg.outlets:
        table.add_row(
            terminal_safe(o.id),
            terminal_safe(o.name),
            terminal_safe(o.country or ""),
            str(len(o.feeds) + len(o.sitemaps)),
            "wire" if o.wire else "",
            "yes" if o.enabled else "no",
        )
    out_console.print(table)
    out_console.print(f"database: {terminal_safe(str(db_path(db)))}")


# -- fetch -------------------------------------------------------------------------------------------
class _Bar:
    """rich progress on stderr: one overall bar and one per outlet."""

    def __init__(self, progress: Progress) -> None:
        self.p = progress
        self.total = progress.add_task("all outlets", total=0)
        self.tasks: dict[str, int] = {}

    def add(self, outlet: str, n: int) -> None:
        if outlet not in self.tasks:
            self.tasks[outlet] = self.p.add_task(f"  {terminal_safe(outlet)}", total=0)
        for t in (self.total, self.tasks[outlet]):
            self.p.update(t, total=(self.p.tasks[t].total or 0) + n)

    def advance(self, outlet: str) -> None:
        self.p.advance(self.total)
        if outlet in self.tasks:
            self.p.advance(self.tasks[outlet])


def _progress(quiet: bool) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        disable=quiet or not err_console.is_terminal,
    )


def summary_table(report: FetchReport) -> Table:
    """Per outlet: feeds ok/failed, entries seen, new articles, unchanged, failed pages, claims, and why."""
    title = "Fetch summary" + (" (interrupted)" if report.interrupted else "")
    table = Table(title=title, title_justify="left")
    table.add_column("outlet", no_wrap=True)
    for col in ("feeds", "entries", "new", "unchanged", "failed", "claims"):
        table.add_column(col, justify="right", no_wrap=True)
    table.add_column("why", overflow="fold", ratio=1)
    for r in report.outlets:
        why = "; ".join(f"{reason} (x{n})" if n > 1 else reason for reason, n in r.reasons.most_common(3))
        feeds = f"{r.feeds_ok + r.feeds_unchanged} ok" + (
            f", [red]{r.feeds_failed} failed[/]" if r.feeds_failed else ""
        )
        table.add_row(
            terminal_safe(r.outlet),
            feeds,
            str(r.entries),
            str(r.new),
            str(r.unchanged),
            f"[red]{r.failed}[/]" if r.failed else "0",
            str(r.claims),
            terminal_safe(why),
        )
    t = report.totals()
    table.add_section()
    row = [str(t[k]) for k in ("entries", "new", "unchanged", "failed", "claims")]
    table.add_row("total", "", *row, "")
    return table


def do_fetch(
    cfg_path: Path | None,
    db: Path | None,
    *,
    outlets: list[str],
    limit: int | None,
    since: str | None,
    concurrency: int | None,
    quiet: bool,
    workers: int | None = None,
    as_json: bool,
    progress_bar: bool = True,
    settings_overrides: dict[str, object] | None = None,
) -> FetchReport:
    """Run fetch and print its summary (shared by `fetch` and `demo`)."""
    from datetime import UTC, datetime

    from claimcheck.http import FetchSettings

    cfg = load_sources(cfg_path)
    settings = FetchSettings.from_defaults(
        cfg.defaults, concurrency=concurrency, **(settings_overrides or {})
    )
    options = FetchOptions(
        outlets=tuple(outlets), limit=limit, since=parse_when(since), settings=settings, workers=workers
    )
    report = FetchReport(outlets=[], started=datetime.now(UTC))
    store = open_store(db)
    try:
        with _progress(quiet or as_json or not progress_bar) as progress:
            run_fetch(cfg, store, options, _Bar(progress), report)
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        store.close()
    if as_json:
        print(
            json.dumps(
                {
                    "ok": report.ok,
                    "interrupted": report.interrupted,
                    "outlets": [r.to_json() for r in report.outlets],
                    "totals": report.totals(),
                },
                indent=2,
            )
        )
    elif report.interrupted:
        t = report.totals()
        err_console.print(
            f"interrupted: {t['new']} new articles stored before the stop; run fetch again to go on"
        )
        out_console.print(summary_table(report))
    elif not quiet:
        out_console.print(summary_table(report))
    return report


@app.command()
@handle_errors
def fetch(
    source: SourceOption = None,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="At most N entries per feed, newest first.")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Skip entries published before: 3d, 12h, 2025-12-13.")
    ] = None,
    concurrency: Annotated[
        int | None, typer.Option("--concurrency", min=1, help="Requests in flight, all hosts.")
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", min=0, help="Extraction processes (default: one per core; 0: threads in this process)."
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar and no summary table.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the per-outlet summary as JSON on stdout.")
    ] = False,
    db: DbOption = None,
    sources: SourcesOption = None,
) -> None:
    """Pull every enabled outlet's feeds, download new articles, extract text and claims, store them."""
    report = do_fetch(
        sources,
        db,
        outlets=source or [],
        limit=limit,
        since=since,
        concurrency=concurrency,
        workers=workers,
        quiet=quiet,
        as_json=as_json,
    )
    if report.interrupted:
        raise typer.Exit(130)
    if not report.ok:
        failed = [r.outlet for r in report.outlets if not r.ok]
        if quiet or as_json:
            err_console.print(f"some fetches failed: {terminal_safe(', '.join(failed))}")
        raise typer.Exit(1)


# -- reindex ------------------------------------------------------------------------------------------
@app.command()
@handle_errors
def reindex(db: DbOption = None, sources: SourcesOption = None) -> None:
    """Re-extract the claims of every stored article (after the claim extractor changed). Safe to stop."""
    from claimcheck.worker import claims_for

    cfg = load_sources(sources)
    aliases = cfg.alias_map()
    store = open_store(db, create=False)
    done = 0
    try:
        total = store.stats().articles
        with _progress(False) as progress:
            task = progress.add_task("reindex", total=total)
            for article in store.iter_articles():
                store.replace_claims(article.id or 0, claims_for(article.text, aliases))
                done += 1
                progress.advance(task)
    except KeyboardInterrupt:
        err_console.print(f"interrupted after {done} of {total} articles; each one done is saved")
        raise typer.Exit(130) from None
    finally:
        store.close()
    err_console.print(f"re-extracted claims for {done} articles")


# -- demo ---------------------------------------------------------------------------------------------
@app.command()
@handle_errors
def demo(
    db: DbOption = None,
    sources: SourcesOption = None,
    report: Annotated[Path, typer.Option("--report", help="Where to write the Markdown report.")] = Path(
        "claimcheck-demo-report.md"
    ),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Run the whole pipeline offline on the bundled sample corpus, served over loopback HTTP."""
    from claimcheck.demo.run import run_demo

    code = run_demo(db=db, report_path=report, quiet=quiet, fetch=do_fetch, sources_override=sources)
    if code:
        raise typer.Exit(code)


def _register_compare() -> None:
    try:
        from claimcheck.cli_compare import compare
    except ImportError:
        return
    app.command()(compare)


_register_compare()


def _register_stories() -> None:
    from claimcheck.cli_stories import stories

    app.command()(stories)


_register_stories()


def main() -> None:
    app(prog_name="claimcheck")


if __name__ == "__main__":
    main()

"""The command line: parse, call the stages, render. No logic of its own lives here."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from typer.completion import completion_init, get_completion_script

from claimcheck import __version__
from claimcheck.cli.common import (
    CONTEXT_SETTINGS,
    MAX_COUNT,
    DbOption,
    Group,
    JsonOption,
    QuietOption,
    SourceOption,
    SourcesOption,
    check_outlets,
    choose,
    db_path,
    err_console,
    fail,
    handle_errors,
    load_sources,
    note,
    open_store,
    out_console,
    parse_when,
    plural,
    print_json,
)
from claimcheck.cli.store import articles, stats
from claimcheck.config import address_warnings
from claimcheck.ingest.pipeline import FetchOptions, FetchReport, run_fetch
from claimcheck.textsafe import terminal_safe

# Shell completion: the shell runs claimcheck with this variable set and reads the candidates back.
# typer registers its shell classes only when it adds --install-completion, which we do not (it said
# "Shell bash not supported" without them); `claimcheck completion SHELL` prints the script instead.
COMPLETE_VAR = "_CLAIMCHECK_COMPLETE"
completion_init()

app = typer.Typer(
    name="claimcheck",
    help="Which outlets report which facts of a news story: fetch articles, extract claims, compare outlets.",
    no_args_is_help=True,
    add_completion=False,  # `claimcheck completion SHELL` prints the script instead
    cls=Group,
    context_settings=CONTEXT_SETTINGS,
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
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."),
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
    as_json: JsonOption = False,
    quiet: QuietOption = False,
    db: DbOption = None,
    sources: SourcesOption = None,
) -> None:
    """List the configured outlets (and validate sources.yaml with --check)."""
    cfg = load_sources(sources)
    nofeed = [o.id for o in cfg.outlets if o.enabled and not (o.feeds or o.sitemaps)]
    if check:
        enabled = sum(o.enabled for o in cfg.outlets)
        warnings = address_warnings(cfg)
        if as_json:
            print_json(
                {
                    "ok": True,
                    "path": str(cfg.path),
                    "outlets": len(cfg.outlets),
                    "enabled": enabled,
                    "enabled_without_feeds": nofeed,
                    "warnings": warnings,
                }
            )
        elif not quiet:
            print(f"OK: {cfg.path}: {plural(len(cfg.outlets), 'outlet')} ({enabled} enabled)")
        for warning in warnings if not (as_json or quiet) else []:
            err_console.print(f"warning: {terminal_safe(warning)}", soft_wrap=True)
        if nofeed and not as_json:
            note(f"note: enabled outlets with no feed or sitemap: {', '.join(nofeed)}", quiet)
        return
    if as_json:
        print_json(
            {
                "path": str(cfg.path),
                "database": str(db_path(db)),
                "outlets": [
                    {
                        "id": o.id,
                        "name": o.name,
                        "country": o.country,
                        "language": o.language,
                        "feeds": list(o.feeds),
                        "sitemaps": list(o.sitemaps),
                        "wire": o.wire,
                        "enabled": o.enabled,
                    }
                    for o in cfg.outlets
                ],
            }
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


@contextmanager
def _sigterm_as_ctrl_c() -> Iterator[list[int]]:
    """While fetching, SIGTERM stops the run as Ctrl-C does (pages in flight end, the pool shuts down,
    the summary says what was stored); the list it yields holds the signal once one came."""
    got: list[int] = []

    def on_term(signum: int, frame: FrameType | None) -> None:
        got.append(signum)
        handler = signal.getsignal(signal.SIGINT)
        if callable(handler):  # asyncio's own Ctrl-C handler while the fetch loop runs
            handler(signal.SIGINT, frame)
        else:
            raise KeyboardInterrupt

    try:
        old = signal.signal(signal.SIGTERM, on_term)
    except ValueError:  # not the main thread: leave SIGTERM alone
        yield got
        return
    try:
        yield got
    finally:
        signal.signal(signal.SIGTERM, old)


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
    allow_private: bool = False,
) -> tuple[FetchReport, int]:
    """Run fetch and print its summary (shared by `fetch` and `demo`). Returns the report and the exit
    code: 0, 1 when an outlet failed, 130 after Ctrl-C, 143 after SIGTERM (128 + the signal, as shells
    count)."""
    from datetime import UTC, datetime

    from claimcheck.ingest.http import FetchSettings

    cfg = load_sources(cfg_path)
    check_outlets(outlets, (o.id for o in cfg.outlets), str(cfg.path))
    settings = FetchSettings.from_defaults(
        cfg.defaults, concurrency=concurrency, **(settings_overrides or {})
    )
    options = FetchOptions(
        outlets=tuple(outlets),
        limit=limit,
        since=parse_when(since),
        settings=settings,
        workers=workers,
        allow_private=allow_private,
    )
    report = FetchReport(outlets=[], started=datetime.now(UTC))
    stopped_by = signal.SIGINT
    store = open_store(db)
    try:
        with _sigterm_as_ctrl_c() as term, _progress(quiet or as_json or not progress_bar) as progress:
            try:
                run_fetch(cfg, store, options, _Bar(progress), report)
            except KeyboardInterrupt:
                report.interrupted = True
                if term:
                    stopped_by = signal.SIGTERM
        store.check_same_file()
    finally:
        store.close()
    if as_json:
        print_json(
            {
                "ok": report.ok,
                "interrupted": report.interrupted,
                "outlets": [r.to_json() for r in report.outlets],
                "totals": report.totals(),
            }
        )
    elif report.interrupted:
        t = report.totals()
        how = "stopped by SIGTERM" if stopped_by == signal.SIGTERM else "interrupted"
        err_console.print(
            f"{how}: {plural(t['new'], 'new article')} stored before the stop; run fetch again to go on"
        )
        out_console.print(summary_table(report))
    elif not quiet:
        out_console.print(summary_table(report))
    if report.interrupted:
        return report, 128 + int(stopped_by)
    return report, 0 if report.ok else 1


@app.command()
@handle_errors
def fetch(
    source: SourceOption = None,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit", min=1, max=MAX_COUNT, metavar="N", help="At most N entries per feed, newest first."
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", metavar="WHEN", help="Skip entries published before: 3d, 12h, 2025-12-13."),
    ] = None,
    concurrency: Annotated[
        int | None,
        typer.Option("--concurrency", min=1, max=10_000, metavar="N", help="Requests in flight, all hosts."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=0,
            max=256,
            metavar="N",
            help="Extraction processes (default: one per core; 0: threads in this process).",
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar and no summary table.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the per-outlet summary as JSON on stdout.")
    ] = False,
    allow_private: Annotated[
        bool,
        typer.Option(
            "--allow-private",
            help="Let every outlet reach its own feeds' hosts on private or loopback addresses "
            "(as `allow_private: true` in sources.yaml does for one).",
        ),
    ] = False,
    db: DbOption = None,
    sources: SourcesOption = None,
) -> None:
    """Pull every enabled outlet's feeds, download new articles, extract text and claims, store them."""
    report, code = do_fetch(
        sources,
        db,
        outlets=source or [],
        limit=limit,
        since=since,
        concurrency=concurrency,
        workers=workers,
        quiet=quiet,
        as_json=as_json,
        allow_private=allow_private,
    )
    if code == 1:
        failed = [r.outlet for r in report.outlets if not r.ok]
        if quiet or as_json:
            err_console.print(f"some fetches failed: {terminal_safe(', '.join(failed))}")
    if code:
        raise typer.Exit(code)


# -- reindex ------------------------------------------------------------------------------------------
@app.command()
@handle_errors
def reindex(
    as_json: JsonOption = False,
    quiet: QuietOption = False,
    db: DbOption = None,
    sources: SourcesOption = None,
) -> None:
    """Re-extract the claims of every stored article (after the claim extractor changed). Safe to stop."""
    from claimcheck.ingest.worker import claims_for

    cfg = load_sources(sources)
    aliases = cfg.alias_map()
    store = open_store(db, create=False)
    done = total = 0
    interrupted = False
    try:
        total = store.stats().articles
        with _progress(quiet or as_json) as progress:
            task = progress.add_task("reindex", total=total)
            for article in store.iter_articles():
                store.replace_claims(article.id or 0, claims_for(article.text, aliases))
                done += 1
                progress.advance(task)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        claims = store.stats().claims
        store.close()
    if as_json:
        print_json({"articles": done, "of": total, "claims": claims, "interrupted": interrupted})
    elif interrupted:
        err_console.print(f"interrupted after {done:,} of {plural(total, 'article')}; each one done is saved")
    else:
        note(f"re-extracted claims for {plural(done, 'article')} ({plural(claims, 'claim')})", quiet)
    if interrupted:
        raise typer.Exit(130)


# -- demo ---------------------------------------------------------------------------------------------
@app.command()
@handle_errors
def demo(
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            metavar="FILE",
            help="Where the demo keeps its database (default: demo.db in the user data dir, rebuilt on "
            "each run; never $CLAIMCHECK_DB or your own database).",
            show_default=False,
        ),
    ] = None,
    report: Annotated[
        Path,
        typer.Option(
            "--report",
            metavar="FILE",
            help="Where to write the Markdown report ('-' is stdout); the HTML one goes beside it.",
        ),
    ] = Path("claimcheck-demo-report.md"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
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
    from claimcheck.cli.demo import run_demo

    if sources is not None:
        fail("the demo uses only its own sample outlets; --sources is not read (and never written)", 2)
    code = run_demo(db=db, report_path=report, quiet=quiet, fetch=do_fetch)
    if code:
        raise typer.Exit(code)


# -- completion --------------------------------------------------------------------------------------------
SHELLS = ("bash", "zsh", "fish")


@app.command()
@handle_errors
def completion(
    shell: Annotated[str, typer.Argument(metavar="SHELL", help="bash, zsh or fish.", show_default=False)],
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Accepted as everywhere; the script is all it prints.")
    ] = False,
) -> None:
    """Print the shell completion script. bash: eval "$(claimcheck completion bash)" in ~/.bashrc;
    zsh the same in ~/.zshrc; fish: claimcheck completion fish > ~/.config/fish/completions/claimcheck.fish."""
    name = choose(shell, SHELLS, "shell")
    typer.echo(get_completion_script(prog_name="claimcheck", complete_var=COMPLETE_VAR, shell=name))


def _register_compare() -> None:
    try:
        from claimcheck.cli.compare import compare
    except ImportError:
        return
    app.command()(compare)


_register_compare()
app.command()(articles)
app.command()(stats)


def main() -> None:
    app(prog_name="claimcheck")


if __name__ == "__main__":
    main()

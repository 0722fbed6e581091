"""`claimcheck fetch`: the fetch pipeline (ingest/) with a progress bar, the signals and a summary."""

from __future__ import annotations

import re
import signal
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from claimcheck.cli.common import (
    MAX_COUNT,
    DbOption,
    SourceOption,
    SourcesOption,
    check_outlets,
    db_path,
    err_console,
    fail,
    handle_errors,
    load_sources,
    open_store,
    out_console,
    parse_when,
    print_json,
    progress_on_stderr,
    sigterm_as_ctrl_c,
)
from claimcheck.errors import UsageError
from claimcheck.store import no_shared_queue
from claimcheck.textsafe import plain, terminal_safe
from claimcheck.values import counted, echoed

if TYPE_CHECKING:  # fetch's stack (httpx, feedparser, asyncio) loads only when a fetch runs (#14)
    from collections.abc import Iterator

    from rich.console import Console
    from rich.progress import Progress, TaskID
    from rich.table import Table
    from rich.text import Text

    from claimcheck.ingest.pipeline import FetchReport, OutletReport
    from claimcheck.render.fit import Fitted


class _Bar:
    """rich progress on stderr: one overall bar and one per outlet."""

    def __init__(self, progress: Progress) -> None:
        self.p = progress
        self.total = progress.add_task("all outlets", total=0)
        self.tasks: dict[str, TaskID] = {}

    def add(self, outlet: str, n: int) -> None:
        if outlet not in self.tasks:
            self.tasks[outlet] = self.p.add_task(f"  {terminal_safe(outlet)}", total=0)
        for t in (self.total, self.tasks[outlet]):
            self.p.update(t, total=(self.p.tasks[t].total or 0) + n)

    def advance(self, outlet: str) -> None:
        self.p.advance(self.total)
        if outlet in self.tasks:
            self.p.advance(self.tasks[outlet])


# The "why" column needs this many columns beside the others; with fewer (80 columns hold only the counts
# of a long outlet id), the summary is listed as lines, one outlet each, its reasons below it.
WHY_MIN = 24


def summary_table(report: FetchReport) -> Fitted:
    """Per outlet: feeds ok/failed, entries seen, new articles, unchanged, failed pages, claims, and why; laid
    out for the width it is printed at: the table with a "why" column where that fits with :data:`WHY_MIN`
    columns for the reasons, else (nothing failed) the table without it where that fits, else lines. Numbers
    are never cut and a reason is never dropped: rich squeezed the no-wrap count columns to "1…" and the "why"
    column to nothing."""
    from claimcheck.render.fit import Fitted

    counts = _table(report, why=False)
    if any(_why(r) for r in report.outlets):
        return Fitted(_table(report, why=True), counts, WHY_MIN, lambda: _lines(report))
    without_why = Fitted(counts, counts, 0, lambda: _lines(report))  # no reasons to make room for
    return Fitted(_table(report, why=True), counts, WHY_MIN, lambda: [without_why])


def _why(r: OutletReport) -> str:
    why = "; ".join(f"{reason} (x{n})" if n > 1 else reason for reason, n in r.reasons.most_common(3))
    if len(r.reasons) > 3:  # the counts must add up: say what the three shown leave out
        rest = sum(n for _, n in r.reasons.most_common()[3:])
        why += f"; {rest} more for {len(r.reasons) - 3} other reason{'s' if len(r.reasons) > 4 else ''} (--json lists all)"
    if r.skipped:  # not failures, but the entries column would not add up without them
        why = "; ".join(filter(None, (why, f"{counted(r.skipped, 'feed entry', 'feed entries')} without a usable link skipped")))
    if r.empty_feeds:  # a valid feed with no entries is no failure, but a feed URL that is always empty is
        # worth a look (a moved feed that still answers with an empty channel)
        empty = "feed is" if r.empty_feeds == 1 else "feeds are"
        why = "; ".join(filter(None, (why, f"{r.empty_feeds} {empty} empty (no entries)")))
    if r.capped:  # a feed of tens of thousands of entries: only the newest are read (feeds.MAX_FEED_ENTRIES)
        from claimcheck.models import MAX_FEED_ENTRIES

        left = f"{counted(r.capped, 'feed entry', 'feed entries')} past the {MAX_FEED_ENTRIES:,} a feed is read for left out"
        why = "; ".join(filter(None, (why, left + " (the newest kept)")))
    return why


def _feeds(*reports: OutletReport) -> str:
    """The feeds of an outlet, or of all (the total row: one failed feed among hundreds of outlets is
    counted there too, where the entries' total says "0 failed")."""
    ok = sum(r.feeds_ok + r.feeds_unchanged for r in reports)
    failed = sum(r.feeds_failed for r in reports)
    return f"{ok} ok" + (f", [red]{failed} failed[/]" if failed else "")


def _title(report: FetchReport) -> str:
    return "Fetch summary" + (" (interrupted)" if report.interrupted else "")


def _table(report: FetchReport, *, why: bool) -> Table:
    from rich.table import Table

    table = Table(title=_title(report), title_justify="left")
    table.add_column("outlet", no_wrap=True)
    for col in ("feeds", "entries", "new", "unchanged", "failed", "claims"):
        table.add_column(col, justify="right", no_wrap=True)
    if why:
        table.add_column("why", overflow="fold", ratio=1)
    for r in report.outlets:
        table.add_row(
            terminal_safe(r.outlet),
            _feeds(r),
            str(r.entries),
            str(r.new),
            str(r.unchanged),
            f"[red]{r.failed}[/]" if r.failed else "0",
            str(r.claims),
            *([terminal_safe(_why(r))] if why else []),
        )
    t = report.totals()
    table.add_section()
    row = [str(t[k]) for k in ("entries", "new", "unchanged", "failed", "claims")]
    table.add_row("total", _feeds(*report.outlets), *row, *([""] if why else []))
    return table


def _n(n: int, one: str, many: str) -> str:
    """A count as the table shows it (no thousands separator), with its noun in the right number."""
    return f"{n} {one if n == 1 else many}"


def _lines(report: FetchReport) -> Iterator[Text]:
    """The summary for a narrow terminal: each outlet on a line of its own with its counts, its reasons
    on the next, indented; then the totals."""
    from rich.text import Text

    yield Text(_title(report), style="italic")
    for r in report.outlets:
        line = Text(plain(r.outlet), style="bold")
        line.append(": feeds ")
        line.append_text(Text.from_markup(_feeds(r)))
        line.append(f"; {_n(r.entries, 'entry', 'entries')}, {r.new} new, {r.unchanged} unchanged, ")
        line.append(f"{r.failed} failed", style="red" if r.failed else "")
        line.append(f", {_n(r.claims, 'claim', 'claims')}")
        yield line
        why = _why(r)
        if why:
            yield Text(f"  why: {plain(why)}", overflow="fold")  # Text: no markup to escape
    t = report.totals()
    line = Text("total: feeds ", style="bold")
    line.append_text(Text.from_markup(_feeds(*report.outlets)))
    line.append(
        f"; {_n(t['entries'], 'entry', 'entries')}, {t['new']} new, {t['unchanged']} unchanged, "
        f"{t['failed']} failed, {_n(t['claims'], 'claim', 'claims')}"
    )
    yield line


def do_fetch(
    cfg_path: str | Path | None,
    db: str | Path | None,
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
    shard: str | None = None,
    lease: int | None = None,
    allow_private: bool = False,
    tables: Console | None = None,
) -> tuple[FetchReport, int]:
    """Run fetch and print its summary (shared by `fetch` and `demo`). Returns the report and the exit
    code: 0, 1 when an outlet failed, 130 after Ctrl-C, 143 after SIGTERM (128 + the signal, as shells
    count)."""
    if workers != 0:  # the extraction processes' forkserver imports trafilatura while we set up
        from claimcheck.ingest.jobs import start_forkserver

        start_forkserver()
    from claimcheck.ingest.pipeline import LEASE, FetchOptions, FetchReport
    from claimcheck.ingest.pipeline import fetch as run

    sharing = parse_shard(shard)
    if lease is not None and sharing != "auto":
        raise UsageError("--lease applies only to --shard auto (hosts taken from a shared queue)")
    cfg = load_sources(cfg_path)
    check_outlets(outlets, (o.id for o in cfg.outlets), str(cfg.path))
    if not outlets and not any(o.enabled for o in cfg.outlets):
        # Ran, but there is nothing to run: said before the database is opened (or created)
        fail(
            f"nothing to fetch: no enabled outlet in {cfg.path} (set enabled: true, or name one with --source)", 1
        )
    options = FetchOptions(
        outlets=tuple(outlets),
        limit=limit,
        since=parse_when(since),
        workers=workers,
        shard=sharing,
        lease=LEASE if lease is None else float(lease),
        allow_private=allow_private,
    )
    target = db_path(db)
    if sharing == "auto" and not isinstance(target, str):
        # Said before the file is opened: opening creates a new store, or upgrades an older one in place.
        raise no_shared_queue(target, "sqlite")
    report = FetchReport(outlets=[], started=datetime.now(UTC))
    stopped_by = signal.SIGINT
    store = open_store(db)
    try:
        with (
            sigterm_as_ctrl_c() as term,
            progress_on_stderr(quiet or as_json or not progress_bar) as progress,
        ):
            try:
                run(
                    cfg,
                    store,
                    options,
                    concurrency=concurrency,
                    settings=settings_overrides,
                    progress=_Bar(progress),
                    report=report,
                )
            except KeyboardInterrupt:
                report.interrupted = True
                if term:
                    stopped_by = signal.SIGTERM
        store.check_same_file()
    finally:
        store.close()
    if report.interrupted:
        # Said on stderr with --json and --quiet too: stdout may go to a file, and a stop is no success.
        t = report.totals()
        how = "stopped by SIGTERM" if stopped_by == signal.SIGTERM else "interrupted"
        err_console.print(
            f"{how}: {counted(t['new'], 'new article')} stored before the stop; run fetch again to go on"
        )
    if as_json:
        print_json(
            {
                "ok": report.ok,
                "interrupted": report.interrupted,
                "outlets": [r.to_json() for r in report.outlets],
                "totals": report.totals(),
            }
        )
    elif report.interrupted or not quiet:
        (tables or out_console).print(summary_table(report))
    if report.interrupted:
        return report, 128 + int(stopped_by)
    return report, 0 if report.ok else 1


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
            help="Extraction processes (default: one per CPU this process may use, at most 8; 0: threads in this process).",
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar and no summary table.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the per-outlet summary as JSON on stdout.")
    ] = False,
    shard: Annotated[
        str | None,
        typer.Option(
            "--shard",
            metavar="K/N|auto",
            help="Only shard K of N of the outlets (split by host), for N fetchers sharing one database; "
            "auto: take hosts one at a time from a queue shared with the other fetchers (PostgreSQL).",
            show_default=False,
        ),
    ] = None,
    lease: Annotated[
        int | None,
        typer.Option(
            "--lease",
            min=1,
            max=86_400,
            metavar="SECONDS",
            help="With --shard auto: seconds after which a host taken by a fetcher that stopped "
            "answering (killed) may be taken by another [default: 60].",
            show_default=False,
        ),
    ] = None,
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
        shard=shard,
        lease=lease,
        allow_private=allow_private,
    )
    if code == 1:
        # Said after the summary too: among a few hundred outlets, the one that failed is a row far up
        failed = [r.outlet for r in report.outlets if not r.ok]
        err_console.print(f"some fetches failed: {terminal_safe(', '.join(failed))}")
    if code:
        raise typer.Exit(code)


def parse_shard(value: str | None) -> tuple[int, int] | Literal["auto"] | None:
    """``--shard K/N`` as (K, N), 1 <= K <= N, or ``auto``; anything else is bad usage."""
    if value is None:
        return None
    if value.strip().lower() == "auto":
        return "auto"
    m = re.fullmatch(r"\s*(\d{1,6})\s*/\s*(\d{1,6})\s*", value)
    if not m or not 1 <= int(m.group(1)) <= int(m.group(2)):
        raise UsageError(f"--shard {echoed(value)}: use K/N with 1 <= K <= N (e.g. --shard 1/4), or --shard auto")
    return int(m.group(1)), int(m.group(2))

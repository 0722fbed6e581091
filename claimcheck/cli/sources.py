"""`claimcheck sources`: list the configured outlets; `--check` validates sources.yaml."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from claimcheck.cli.common import (
    DbOption,
    JsonOption,
    QuietOption,
    SourcesOption,
    err_console,
    handle_errors,
    load_sources,
    note,
    out_console,
    print_json,
    shown_db,
)
from claimcheck.config import address_warnings
from claimcheck.render.fit import NAME_MIN, Fitted, indented
from claimcheck.textsafe import plain, terminal_safe
from claimcheck.values import counted

if TYPE_CHECKING:
    from collections.abc import Iterator

    from rich.console import RenderableType

    from claimcheck.models import Sources


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
        warnings = address_warnings(cfg) + shared_feed_warnings(cfg)
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
            print(f"OK: {plain(cfg.path)}: {counted(len(cfg.outlets), 'outlet')} ({enabled} enabled)")
        for warning in warnings if not (as_json or quiet) else []:
            err_console.print(f"warning: {terminal_safe(warning)}", soft_wrap=True)
        if nofeed and not as_json:
            note(f"note: enabled outlets with no feed or sitemap: {', '.join(nofeed)}", quiet)
        return
    if as_json:
        print_json(
            {
                "path": str(cfg.path),
                "database": shown_db(db),
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
    title = f"Outlets in {terminal_safe(cfg.path)}"

    def outlets_table(name: bool) -> Table:
        table = Table(title=title, title_justify="left")
        for col in ("id", "name", "country", "feeds", "wire", "enabled"):
            if col != "name":
                table.add_column(col, justify="right" if col == "feeds" else "left", no_wrap=True)
            elif name:
                table.add_column(col, overflow="fold")
        for o in cfg.outlets:
            cells = [terminal_safe(o.id), terminal_safe(o.name), terminal_safe(o.country or "")]
            cells += [
                str(len(o.feeds) + len(o.sitemaps)),
                "wire" if o.wire else "",
                "yes" if o.enabled else "no",
            ]
            table.add_row(*(cells if name else [cells[0], *cells[2:]]))
        return table

    def outlets_lines() -> Iterator[RenderableType]:
        yield Text(f"Outlets in {cfg.path}", overflow="fold")
        for o in cfg.outlets:
            feeds = counted(len(o.feeds) + len(o.sitemaps), "feed")
            what = ", ".join(
                filter(
                    None,
                    (
                        plain(o.country or ""),
                        feeds,
                        "wire" if o.wire else "",
                        "enabled" if o.enabled else "disabled",
                    ),
                )
            )
            yield Text(f"{plain(o.id)}: {what}")
            yield indented(Text(plain(o.name), style="dim", overflow="fold"))

    table = Fitted(outlets_table(True), outlets_table(False), NAME_MIN, outlets_lines)
    out_console.print(table)
    out_console.print(f"database: {terminal_safe(shown_db(db))}")


def shared_feed_warnings(sources: Sources) -> list[str]:
    """One line per feed or sitemap URL that an earlier outlet lists too (a line pasted under two outlets).
    Not an error: the fetch reads it for each and stores each page once, under one of them; but the other
    outlet then never has an article of its own, and ``sources --check`` said OK without a word."""
    from claimcheck.ingest.canonical import bare_link  # (config, a core module, may not import ingest)
    from claimcheck.urls import shown_url

    first: dict[str, tuple[int, str]] = {}
    out: list[str] = []
    for i, o in enumerate(sources.outlets):
        for key in ("feeds", "sitemaps"):
            for j, url in enumerate(getattr(o, key)):
                seen = first.setdefault(bare_link(url), (i, o.id))
                if seen[0] != i:
                    out.append(
                        f"{sources.path}: outlets[{i}].{key}[{j}] ({o.id}): {shown_url(url)} is listed by outlets[{seen[0]}] "
                        f"({seen[1]}) too; each of its pages is stored once, under one of the two"
                    )
    return out

"""``claimcheck articles`` and ``claimcheck stats``: what is stored, without matching anything."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from claimcheck.claims.language import is_english
from claimcheck.cli.common import (
    MAX_COUNT,
    BomOption,
    DbOption,
    JsonOption,
    OutputOption,
    QuietOption,
    SinceOption,
    SourceOption,
    SourcesOption,
    UntilOption,
    check_stored_outlets,
    csv_bom,
    fail,
    format_option,
    handle_errors,
    load_sources,
    note,
    open_reader,
    out_console,
    output_format,
    output_path,
    parse_window,
    print_json,
    protected_inputs,
    window_words,
    write_output,
)
from claimcheck.render.fit import NAME_MIN, TITLE_MIN, Fitted, indented, plain_text
from claimcheck.textsafe import csv_safe, plain, terminal_safe
from claimcheck.values import counted

if TYPE_CHECKING:
    from collections.abc import Iterator

    from rich.console import RenderableType

    from claimcheck.store.records import ArticleRow

LIST_FORMATS = ("table", "json", "csv")
ARTICLE_FIELDS = ("id", "outlet", "published", "title", "claims", "url", "also_listed_by")


def _outlet_cell(r: ArticleRow) -> str:
    """The outlet holding the article, and the other outlets whose feeds list the same page: "gazette (+roundup)"."""
    return f"{r.outlet} (+{', '.join(r.also_listed)})" if r.also_listed else r.outlet


def _when(dt: datetime | None) -> str | None:
    return dt.isoformat() if dt else None


@handle_errors
def articles(
    source: SourceOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: Annotated[
        int | None,
        typer.Option("--limit", min=1, max=MAX_COUNT, metavar="N", help="At most N articles, newest first."),
    ] = 50,
    fmt: Annotated[str | None, format_option("table, json or csv", ".json, .csv")] = None,
    output: OutputOption = None,
    bom: BomOption = False,
    quiet: QuietOption = False,
    db: DbOption = None,
    sources: SourcesOption = None,
) -> None:
    """List stored articles, newest first: id, outlet, published, title, claims."""
    fmt = output_format(fmt, output, LIST_FORMATS)
    bom_text = csv_bom(fmt, bom)
    since_dt, until_dt = parse_window(since, until)
    with open_reader(db, quiet=quiet) as store:
        target = output_path(output, inputs=protected_inputs(store.path, sources))
        if source:
            check_stored_outlets(source, store, load_sources(sources))
        rows = store.list_articles(since=since_dt, until=until_dt, outlets=source or None, limit=limit)
    if not rows:
        fail(f"no stored article{window_words(since_dt, until_dt, source)}", 1)
    more = f" (the newest {limit:,}; --limit to change)" if limit and len(rows) == limit else ""
    note(counted(len(rows), "article") + more, quiet)
    if fmt == "json":
        data = [
            {
                "id": r.id,
                "outlet": r.outlet,
                "published": _when(r.published),
                "fetched": _when(r.fetched),
                "title": plain(r.title),
                "claims": r.claims,
                "language": r.language,
                "url": plain(r.url),
                "also_listed_by": list(r.also_listed),
            }
            for r in rows
        ]
        if target is None:
            print_json(data)
        else:
            from claimcheck.textsafe import json_text

            write_output(target, json_text(data) + "\n")
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")  # as compare's and stories' CSV
        w.writerow(ARTICLE_FIELDS)
        for r in rows:
            w.writerow(
                [
                    r.id,
                    csv_safe(r.outlet),
                    _when(r.published) or "",
                    csv_safe(r.title),
                    r.claims,
                    csv_safe(r.url),
                    csv_safe(" ".join(r.also_listed)),
                ]
            )
        write_output(target, bom_text + buf.getvalue())
    else:

        def articles_table(title: bool) -> Table:
            table = Table(title_justify="left")
            for col in ("id", "outlet", "published", "title", "claims"):
                if col == "title" and not title:
                    continue
                table.add_column(
                    "published (UTC)" if col == "published" else col,
                    justify="right" if col in ("id", "claims") else "left",
                    no_wrap=col != "title",
                    overflow="fold" if col == "title" else "ellipsis",
                )
            for r in rows:
                cells = [
                    str(r.id),
                    terminal_safe(_outlet_cell(r)),
                    _published(r.published),
                    terminal_safe(r.title),
                ]
                table.add_row(*(cells if title else cells[:3]), str(r.claims))
            return table

        def articles_lines() -> Iterator[RenderableType]:
            for r in rows:
                when = _published(r.published) + (" UTC" if r.published else "")  # no heading says it here
                yield Text(f"{r.id}  {plain(_outlet_cell(r))}  {when}  {counted(r.claims, 'claim')}")
                yield indented(Text(plain(r.title), style="bold", overflow="fold"))

        table = Fitted(articles_table(True), articles_table(False), TITLE_MIN, articles_lines)
        _print_table(table, target)
    if target is not None:
        note(f"wrote {target}", quiet)


@handle_errors
def stats(
    source: SourceOption = None,
    as_json: JsonOption = False,
    quiet: QuietOption = False,
    db: DbOption = None,
    sources: SourcesOption = None,
) -> None:
    """What is stored: articles and claims per outlet, the span of publication dates, the database size."""
    with open_reader(db, quiet=quiet) as store:
        if source:
            check_stored_outlets(source, store, load_sources(sources))
        per = store.outlet_stats()
        languages = store.language_counts(outlets=source or None)
        total = store.stats()
        size = store.size_bytes()
        path = store.location
    if source:  # those outlets' rows and totals; the size stays the database's
        per = [o for o in per if o.outlet in source]
        total = replace(total, outlets=len(per), articles=sum(o.articles for o in per), claims=sum(o.claims for o in per))
    firsts = [o.first for o in per if o.first]
    lasts = [o.last for o in per if o.last]
    first, last = (min(firsts) if firsts else None), (max(lasts) if lasts else None)
    if as_json:
        print_json(
            {
                "database": str(path),
                "size_bytes": size,
                "articles": total.articles,
                "claims": total.claims,
                "first_published": _when(first),
                "last_published": _when(last),
                "languages": {language or "undecided": n for language, n in languages.items()},
                "outlets": [
                    {
                        "id": o.outlet,
                        "name": plain(o.name),
                        "articles": o.articles,
                        "claims": o.claims,
                        "first_published": _when(o.first),
                        "last_published": _when(o.last),
                    }
                    for o in per
                ],
            }
        )
        return
    title = f"{terminal_safe(str(path))} ({_size(size)})"
    caption = "first, last: the days of the first and last publication, in UTC"

    def stats_table(name: bool) -> Table:
        table = Table(title=title, title_justify="left", caption=caption, caption_justify="left")
        table.add_column("outlet", no_wrap=True)
        for col in ("articles", "claims"):
            table.add_column(col, justify="right", no_wrap=True)
        # UTC days (an article of 23:30 UTC is of the next day in Asia); the caption says what they are
        table.add_column("first (UTC)", no_wrap=True)
        table.add_column("last (UTC)", no_wrap=True)
        if name:
            table.add_column("name", overflow="fold")
        for o in per:
            cells = [terminal_safe(o.outlet), f"{o.articles:,}", f"{o.claims:,}"]
            cells += [_day(o.first, o.articles), _day(o.last, o.articles)]
            table.add_row(*cells, *([terminal_safe(o.name)] if name else []))
        table.add_section()
        cells = ["total", f"{total.articles:,}", f"{total.claims:,}", _day(first, total.articles)]
        table.add_row(*cells, _day(last, total.articles), *([counted(len(per), "outlet")] if name else []))
        return table

    def span(lo: datetime | None, hi: datetime | None, articles: int) -> str:
        return f"{_day(lo, articles)} → {_day(hi, articles)}" if lo else _day(lo, articles)

    def stats_lines() -> Iterator[RenderableType]:
        yield Text(f"{path} ({_size(size)})")
        for o in per:
            counts = [
                counted(o.articles, "article"),
                counted(o.claims, "claim"),
                span(o.first, o.last, o.articles),
            ]
            yield Text(f"{plain(o.outlet)}: {', '.join(filter(None, counts))}")
            yield indented(Text(plain(o.name), style="dim", overflow="fold"))
        counts = [counted(total.articles, "article"), counted(total.claims, "claim")]
        counts += [span(first, last, total.articles), counted(len(per), "outlet")]
        yield Text(f"total: {', '.join(filter(None, counts))}", style="bold")
        yield Text(caption.replace("first, last", "dates"))

    table = Fitted(stats_table(True), stats_table(False), NAME_MIN, stats_lines)
    out_console.print(table)
    if other := {language: n for language, n in languages.items() if not is_english(language)}:
        each = ", ".join(f"{terminal_safe(str(language))} {n:,}" for language, n in other.items())
        note(
            f"{counted(sum(other.values()), 'article')} not in English ({each}): stored, without claims",
            quiet,
        )


def _published(dt: datetime | None) -> str:
    return dt.strftime("%Y-%m-%d %H:%M") if dt else "undated"


def _day(dt: datetime | None, articles: int) -> str:
    """The date, or "undated" when there are articles and none has a publication date."""
    return dt.strftime("%Y-%m-%d") if dt else ("undated" if articles else "")


def _size(n: float) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:,} {unit}" if unit == "bytes" else f"{n:,.1f} {unit}"
        n /= 1000
    return f"{n} bytes"


def _print_table(table: Fitted, target: Path | None) -> None:
    if target is None:
        out_console.print(table)
        return
    write_output(target, plain_text(lambda console: console.print(table), 120))

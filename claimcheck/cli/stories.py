"""``claimcheck stories``: group the stored articles of a window into stories and list them.

Parses arguments, reads the window's articles from the store, calls claimcheck.stories and renders.
Exports go to stdout (or ``-o FILE``) with nothing else on stdout; messages go to stderr.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Annotated

import typer

from claimcheck.cli.common import (
    MAX_COUNT,
    BomOption,
    DbOption,
    OutputOption,
    QuietOption,
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
    out_console,
    output_format,
    output_path,
    parse_window,
    protected_inputs,
    read_db_path,
    return_freed_memory,
    said_upgraded,
    window_words,
    write_output,
)
from claimcheck.models import Outlet, Sources, known_outlets
from claimcheck.store import Store
from claimcheck.values import counted

if TYPE_CHECKING:
    from claimcheck.models import Story
    from claimcheck.stories import Window

DEFAULT_DAYS = 3



def default_window(
    store: Store, since: str | None, until: str | None, outlets: list[str] | None
) -> tuple[datetime | None, datetime | None]:
    """``--since``/``--until`` as given; without ``--since``, the 3 days up to ``--until``, else up to the
    newest stored article (so a store fetched last week still shows last week's stories)."""
    since_dt, until_dt = parse_window(since, until)
    if since_dt is None:
        end = until_dt or store.newest_time(outlets=outlets, before=datetime.now(UTC) + timedelta(days=1))
        if end is not None:
            try:
                since_dt = end - timedelta(days=DEFAULT_DAYS)
            except OverflowError:  # --until in the first days of year 1: the window starts at its start
                since_dt = datetime.min.replace(tzinfo=UTC)
    return since_dt, until_dt


def outlet_map(cfg: Sources, store: Store, outlet_ids: Iterable[str]) -> dict[str, Outlet]:
    """Configured outlets, plus stored-but-no-longer-configured ones as the store recorded them (a wire
    among them keeps its flag, as in `compare`: its copies are wire copy whether or not --source keeps it)."""
    return known_outlets(cfg, store.stored_outlets(), outlet_ids)


def store_window(
    store: Store, since: datetime | None, until: datetime | None, outlets: list[str] | None
) -> Window:
    """The window's articles as columns, their texts read from the store when grouping needs them (the
    leads a chunk at a time, then the cut texts story by story for wire copies): ``window_articles``
    without holding every text in memory."""
    from claimcheck.stories import Window

    rows = store.window_rows(since=since, until=until, outlets=outlets or None)
    ids = [-1 if i is None else i for i in rows.ids]  # every stored article has one
    return Window(
        rows,
        lambda positions, chars: store.cut_texts([ids[i] for i in positions], head=chars),
        lambda positions: store.cut_texts([ids[i] for i in positions], head=1000, tail=600),
        lambda positions: store.stored_shingles([ids[i] for i in positions]),
    )


def find_story(
    store: Store,
    cfg: Sources,
    story_id: str,
    *,
    since: str | None,
    until: str | None,
    source: list[str] | None,
) -> Story | None:
    """The story with this id in the window (the default one unless given); if it is not there, among all
    stored articles (a story listed with another ``--since`` is still found). An id listed before later
    fetches changed the story's earliest article (an earlier report stored since, or the window moved on)
    still finds the story that holds the article the id was made from. Only that story is described and
    has its wire copies marked; the groups come from the stories kept by an earlier run when they are kept."""
    from claimcheck.cli import storycache
    from claimcheck.stories import StoryOptions, complete_stories, story_key_id, window_stories

    windows = [default_window(store, since, until, source)]
    if not (since or until):
        windows.append((None, None))
    options = StoryOptions()
    for since_dt, until_dt in windows:
        window = store_window(store, since_dt, until_dt, source)
        rows = window.rows
        outlets = outlet_map(cfg, store, rows.outlets)
        with storycache.kept(rows, outlets, options) as memo:
            found, ix = window_stories(window, options, memo)
            match = next((s for s in found if s.id == story_id), None)
            if match is None:
                seeds = {
                    rows.ids[i]
                    for i in range(len(rows))
                    if story_key_id(rows.canonical_urls[i] or rows.urls[i]) == story_id
                }
                match = next((s for s in found if any(a.id in seeds for a in s.articles)), None)
            if match is not None:
                return complete_stories([match], window, outlets, options, memo, [ix] if ix is not None else [])[0]
    return None


@handle_errors
def stories(
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="WHEN",
            help="Only articles since: 3d, 12h, 2025-12-13 (default: the 3 days up to the newest stored).",
            show_default=False,
        ),
    ] = None,
    until: UntilOption = None,
    source: SourceOption = None,
    min_outlets: Annotated[
        int,
        typer.Option(
            "--min-outlets",
            min=1,
            max=MAX_COUNT,
            metavar="N",
            help="Show stories covered by at least N outlets.",
        ),
    ] = 2,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, max=MAX_COUNT, metavar="N", help="At most N stories.")
    ] = None,
    fmt: Annotated[str | None, format_option("table, markdown, json or csv", ".md, .json, .csv")] = None,
    output: OutputOption = None,
    bom: BomOption = False,
    quiet: QuietOption = False,
    db: DbOption = None,
    sources: SourcesOption = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Group the articles again, neither reading nor keeping the stories of earlier runs.",
        ),
    ] = False,
) -> None:
    """Group the stored articles into stories and list them, most outlets first (the way into compare)."""
    from claimcheck.cli import storycache
    from claimcheck.render.stories import FORMATS, print_stories, render, summary_line
    from claimcheck.stories import StoryOptions, list_stories

    fmt = output_format(fmt, output, FORMATS)
    bom_text = csv_bom(fmt, bom)
    parse_window(since, until)  # a bad time is bad usage before anything is read (an empty store: exit 1)
    return_freed_memory()
    cfg = load_sources(sources)
    # Read-only, without quick_check (about a second on a 50,000-article store): it guards writes.
    reading = Store.open(read_db_path(db, quiet=quiet), create=False, read_only=True, verify=False)
    with said_upgraded(reading, quiet) as store:
        target = output_path(output, inputs=protected_inputs(store.path, sources))
        if source:
            check_stored_outlets(source, store, cfg)
        if store.stats().articles == 0:
            fail(f"the database {store.location} holds no articles yet; run `claimcheck fetch` first", 1)
        since_dt, until_dt = default_window(store, since, until, source)
        window = store_window(store, since_dt, until_dt, source)
        if not len(window):
            default = (
                ""
                if since
                else f" (the {DEFAULT_DAYS} days up to {'--until' if until else 'the newest stored article'}; --since widens it)"
            )
            fail(f"no stored article{window_words(since_dt, until_dt, source)}{default}", 1)
        outlets = outlet_map(cfg, store, window.rows.outlets)
        options = StoryOptions()
        # the store stays open: the texts are read while grouping, a chunk at a time
        with storycache.kept(window.rows, outlets, options, no_cache=no_cache) as memo:
            result = list_stories(
                window, outlets, since=since_dt, until=until_dt, min_outlets=min_outlets, limit=limit,
                options=options, memo=memo,
            )  # fmt: skip
        if fmt != "table":  # the table names no article: only the documents show who else listed one
            shown = [a.id for s in result.stories for a in s.articles if a.id is not None]
            result = replace(result, also_listed=store.also_listed(shown))
    listing = [*(a for oid in source or () for a in ("--source", oid))]
    listing += [a for opt, v in (("--since", since), ("--until", until)) if v for a in (opt, v.strip())]
    # the database and sources named here: without them the command reads the default database (or none)
    listing += [a for opt, v in (("--db", db), ("--sources", sources)) if v for a in (opt, str(v))]
    result = replace(result, compare_options=tuple(listing))
    if not result.stories:
        # Nothing found, as for an empty window: no empty table or document, exit 1 (README, stories)
        fail(
            f"no story is covered by at least {min_outlets} outlets ({counted(result.story_count, 'story', 'stories')}"
            f" of {counted(result.article_count, 'article')}{window_words(since_dt, until_dt, source)});"
            " a lower --min-outlets lists fewer-covered ones (1: every story)",
            1,
        )
    if target is None and fmt == "table":
        print_stories(result, out_console)
        return
    note(summary_line(result), quiet)
    write_output(target, bom_text + render(result, fmt))
    if target is not None:
        note(f"wrote {target}", quiet)

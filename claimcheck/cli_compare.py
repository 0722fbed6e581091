"""``claimcheck compare TOPIC``: pick stored articles on a topic, match their claims, print or export.

Parses arguments, calls store.search -> compare -> render, and writes the result. Exports go to
stdout (or ``-o FILE``) with nothing else on stdout; messages go to stderr.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimcheck.cli_common import (
    DbOption,
    SourceOption,
    SourcesOption,
    err_console,
    fail,
    handle_errors,
    load_sources,
    open_store,
    out_console,
    parse_when,
)
from claimcheck.models import Article, Outlet, Sources
from claimcheck.store import Store

KINDS = ("number", "quote", "statement")


@handle_errors
def compare(
    topic: Annotated[
        str | None,
        typer.Argument(
            help='What to compare: words or a "quoted phrase" (full-text search).', show_default=False
        ),
    ] = None,
    story: Annotated[
        str | None,
        typer.Option(
            "--story", help="Compare exactly the articles of this story (an id from `claimcheck stories`)."
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, markdown, json or csv.")] = "table",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to FILE instead of stdout.")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only articles since: 3d, 12h, 2025-12-13.")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Only articles until: 3d, 12h, 2025-12-13.")
    ] = None,
    source: SourceOption = None,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="At most N articles, best matches first.")
    ] = None,
    min_outlets: Annotated[
        int, typer.Option("--min-outlets", min=1, help="Show facts reported by at least N outlets.")
    ] = 2,
    kind: Annotated[str | None, typer.Option("--kind", help="Only number, quote or statement facts.")] = None,
    matrix: Annotated[
        bool, typer.Option("--matrix", help="Show facts x outlets as a grid of marks.")
    ] = False,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show why claims were matched (score, rule).")
    ] = False,
    db: DbOption = None,
    sources: SourcesOption = None,
) -> None:
    """Match claims across outlets on TOPIC and print the attribution table (or export it)."""
    # Imported here, not at the top: every command loads this module to register `compare`, and the
    # matcher (numpy, rapidfuzz) would add ~0.1 s to the start of `fetch`.
    from claimcheck.compare import CompareOptions
    from claimcheck.compare import compare as build_report
    from claimcheck.render import FORMATS, print_table, render

    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}", 2)
    if kind is not None and kind not in KINDS:
        fail(f"unknown kind {kind!r}; choose from {', '.join(KINDS)}", 2)
    if story is not None and topic is not None:
        fail("give a TOPIC or --story ID, not both", 2)
    if story is None and (topic is None or not topic.strip()):
        fail("the topic is empty; give some words to search for (or --story ID)", 2)
    cfg = load_sources(sources)
    known = {o.id for o in cfg.outlets}
    for oid in source or []:
        if oid not in known:
            fail(f"unknown outlet {oid!r} (see `claimcheck sources`)", 2)
    since_dt = parse_when(since)
    until_dt = parse_when(until, end_of_day=True)
    with open_store(db, create=False) as store:
        if story is not None:
            topic, articles = _story_articles(store, cfg, story, since, until, source)
        else:
            articles = store.search(
                topic, since=since_dt, until=until_dt, outlets=source or None, limit=limit
            )
        if not articles:
            hint = store.suggest(topic)
            window = f" between {since or 'the start'} and {until or 'now'}" if since or until else ""
            where = f" from {', '.join(source)}" if source else ""
            msg = f"no stored article matches {topic!r}{where}{window}"
            fail(msg + (f"; did you mean: {', '.join(hint)}?" if hint else ""), 1)
        names = store.outlet_names()
    # Outlets that are in the store but no longer configured still get their stored name.
    outlets = {o.id: o for o in cfg.outlets}
    for a in articles:
        if a.outlet not in outlets:
            outlets[a.outlet] = Outlet(a.outlet, names.get(a.outlet, a.outlet))
    options = CompareOptions(min_outlets=min_outlets, kind=kind, since=since_dt, until=until_dt)
    result = build_report(topic or "", articles, outlets, options)
    err_console.print(
        f"{len(articles)} articles from {len(result.outlets)} outlets, {len(result.facts)} facts shown",
        style="dim",
    )
    if output is not None:
        text = render(result, fmt, matrix=matrix, explain=explain)
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as e:
            fail(f"cannot write {output}: {e.strerror or e}", 1)
        err_console.print(f"wrote {output}", style="dim")
    elif fmt == "table":
        print_table(result, out_console, matrix=matrix, explain=explain)
    else:
        typer.echo(render(result, fmt, matrix=matrix, explain=explain), nl=False)


def _story_articles(
    store: Store, cfg: Sources, story_id: str, since: str | None, until: str | None, source: list[str] | None
) -> tuple[str, list[Article]]:
    """The articles of the story with this id (whole, with claims), and the story's label as topic."""
    from claimcheck.cli_stories import find_story

    found = find_story(store, cfg, story_id.strip(), since=since, until=until, source=source)
    if found is None:
        fail(f"unknown story id {story_id!r}; list the stories with `claimcheck stories`", 1)
    ids = [a.id for a in found.articles if a.id is not None]
    return f"story {found.id}: {found.label}", store.articles_by_id(ids)

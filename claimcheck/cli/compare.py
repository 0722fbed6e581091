"""``claimcheck compare TOPIC``: pick stored articles on a topic, match their claims, print or export.

Parses arguments, calls store.search -> compare -> render, and writes the result. Exports go to
stdout (or ``-o FILE``) with nothing else on stdout; messages go to stderr.
"""

from __future__ import annotations

import re
from typing import Annotated

import typer

from claimcheck.claims.language import is_english
from claimcheck.cli.common import (
    MAX_COUNT,
    BomOption,
    DbOption,
    OutputOption,
    QuietOption,
    SinceOption,
    SourceOption,
    SourcesOption,
    UntilOption,
    argument_text,
    check_stored_outlets,
    choose,
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
    protected_inputs,
    window_words,
    write_output,
)
from claimcheck.models import Article, Sources
from claimcheck.store import Store, fts_query
from claimcheck.values import counted, cut, echoed

KINDS = ("number", "quote", "statement")
STORY_ID = re.compile(r"s[0-9a-f]{10}")  # as stories.find.story_key_id makes them



@handle_errors
def compare(
    topic: Annotated[
        str | None,
        typer.Argument(
            metavar="TOPIC",
            help='What to compare: words or a "quoted phrase" (full-text search).',
            show_default=False,
        ),
    ] = None,
    story: Annotated[
        str | None,
        typer.Option(
            "--story",
            metavar="ID",
            help="Compare exactly the articles of this story (an id from `claimcheck stories`), no search.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[str | None, format_option("table, markdown, json, csv or html", ".md, .json, .csv, .html")] = None,
    output: OutputOption = None,
    bom: BomOption = False,
    since: SinceOption = None,
    until: UntilOption = None,
    source: SourceOption = None,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit",
            min=1,
            max=MAX_COUNT,
            metavar="N",
            help="At most N articles, best matches first (a topic search; not with --story).",
        ),
    ] = None,
    min_outlets: Annotated[
        int,
        typer.Option(
            "--min-outlets",
            min=1,
            max=MAX_COUNT,
            metavar="N",
            help="Show facts reported by at least N outlets.",
        ),
    ] = 2,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind", metavar="KIND", help="Only number, quote or statement facts.", show_default=False
        ),
    ] = None,
    matrix: Annotated[
        bool, typer.Option("--matrix", help="Show facts x outlets as a grid of marks (table only).")
    ] = False,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain", help="Show why claims were matched (score, rule); table, markdown and html only."
        ),
    ] = False,
    quiet: QuietOption = False,
    db: DbOption = None,
    sources: SourcesOption = None,
) -> None:
    """Match claims across outlets on TOPIC and print the attribution table (or export it)."""
    # Imported here, not at the top: every command loads this module to register `compare`, and the
    # matcher (numpy, rapidfuzz) would add ~0.1 s to the start of `fetch`.
    from claimcheck.compare import CompareOptions, topic_outlets
    from claimcheck.compare import compare as build_report
    from claimcheck.render import FORMATS, render

    fmt = output_format(fmt, output, FORMATS)
    bom_text = csv_bom(fmt, bom)
    topic = None if topic is None else argument_text(topic)
    if kind is not None:
        kind = choose(kind, KINDS, "kind")
    if story is not None and topic is not None:
        fail("give a TOPIC or --story ID, not both", 2)
    if story is not None and limit is not None:
        fail(
            "--limit picks a TOPIC search's best matches; --story compares the whole story (narrow it with "
            "--source or --since/--until)",
            2,
        )
    if story is None and topic is None:
        fail("Missing argument 'TOPIC' (or give --story ID from `claimcheck stories`)", 2)
    if story is None and not (topic or "").strip():
        fail("the topic is empty; give some words to search for", 2)
    if story is not None and not story.strip():  # --story "$ID" with ID unset: no grouping of the window for it
        fail("the story id is empty; give one from `claimcheck stories`", 2)
    if story is not None and not STORY_ID.fullmatch(story.strip().lower()):
        # A typo (`-s45`, a full-width `ｓ`, a cut id) is bad usage, exit 2, as other bad values are; exit 1
        # ("unknown story id") is kept for a well-formed id that no story of the window has.
        shown = story.strip()
        shown = shown if len(shown) <= 40 else shown[:39] + "…"
        fail(f"{echoed(shown)} is not a story id (an s and 10 hex digits, as `claimcheck stories` lists them)", 2)
    if story is None and not fts_query(topic or ""):
        fail(f"the topic {echoed(topic or '')} has no word to search for (only punctuation); give some words", 2)
    since_dt, until_dt = parse_window(since, until)
    if story is None and (ops := _operators(topic or "")):
        said = "is searched as a word" if len(ops) == 1 else "are searched as words"
        note(
            f"note: {' and '.join(ops)} {said}: every word of the topic must match (there is no OR, AND or NOT; "
            "run one compare per alternative)",
            quiet,
        )
    cfg = load_sources(sources)
    with open_reader(db, quiet=quiet) as store:
        target = output_path(output, inputs=protected_inputs(store.path, sources))
        if source:
            check_stored_outlets(source, store, cfg)
        if story is not None:
            topic, articles = _story_articles(store, cfg, story, since, until, source)
        else:
            articles = store.search(
                topic or "", since=since_dt, until=until_dt, outlets=source or None, limit=limit
            )
        if not articles:
            msg = f"no stored article matches {echoed(topic or '')}{window_words(since_dt, until_dt, source)}"
            if (since_dt or until_dt or source) and store.search(topic or "", limit=1):
                # spelling hints would say the words are wrong; the window or the outlets are
                fail(f"{msg}; articles outside it match (widen --since/--until, or drop --source)", 1)
            hint = store.suggest(topic or "")
            fail(msg + (f"; did you mean: {', '.join(hint)}?" if hint else ""), 1)
        stored = store.stored_outlets()
    _say_ignored(fmt, matrix=matrix, explain=explain, quiet=quiet)
    # Outlets that are in the store but no longer configured still get their stored name.
    outlets = topic_outlets(articles, cfg, stored)
    options = CompareOptions(
        min_outlets=min_outlets, kind=kind, since=since_dt, until=until_dt, explain=explain
    )
    result = build_report(topic or "", articles, outlets, options)
    other = sum(not is_english(a.language) for a in articles)  # stored without claims (README, Languages)
    used = (
        f"{counted(len(articles), 'article')} from {counted(len(result.outlets), 'outlet')}"
        + (f" ({other:,} not in English: no claims)" if other else "")
    )
    if not result.facts:
        # Nothing found, as for an empty window: no empty table or document, exit 1 (README, compare)
        fail(_no_fact(topic or "", used, min_outlets if other < len(articles) else 1, kind), 1)
    disputed = sum(bool(f.conflicts) for f in result.facts)
    note(f"{used}, {counted(len(result.facts), 'fact')} shown, {disputed or 'none'} with conflicting figures", quiet)
    if target is None and fmt == "table":
        from claimcheck.render.table import print_table  # rich: only for the table

        print_table(result, out_console, matrix=matrix, explain=explain)
        return
    write_output(target, bom_text + render(result, fmt, matrix=matrix, explain=explain))
    if target is not None:
        note(f"wrote {target}", quiet)


def _operators(topic: str) -> list[str]:
    """The search operators a user may expect (OR, AND, NOT, NEAR, written in capitals) outside quoted
    phrases: the topic reads them as words that must be in the text, so "Bitcoin OR price" found fewer
    articles than "Bitcoin", without a word said."""
    import re

    rest = re.sub(r'"[^"]*"', " ", topic)
    return list(dict.fromkeys(w for w in rest.split() if w in ("OR", "AND", "NOT", "NEAR")))


def _no_fact(topic: str, used: str, min_outlets: int, kind: str | None) -> str:
    """The one line for a comparison that leaves no fact to show."""
    what = f"no {kind} fact" if kind else "no fact"
    topic = cut(topic, 80)  # a story's label (--story) may be a 500-character title: the line stays one line
    if min_outlets > 1:
        return (
            f"{what} of {topic!r} is reported by at least {min_outlets} outlets ({used}); "
            "a lower --min-outlets shows fewer-reported ones (1: every fact)"
        )
    return f"{what} of {topic!r} found in {used}"  # (every article not in English: no --min-outlets hint)


def _say_ignored(fmt: str, *, matrix: bool, explain: bool, quiet: bool) -> None:
    """--matrix draws the table only; --explain adds to the table, the Markdown and the HTML. Elsewhere
    they are ignored, and the user is told so (the JSON and CSV contracts do not change with them)."""
    ignored = [
        flag
        for flag, on, kept in (
            ("--matrix", matrix, ("table",)),
            ("--explain", explain, ("table", "markdown", "html")),
        )
        if on and fmt not in kept
    ]
    if ignored:
        note(
            f"note: {' and '.join(ignored)} only change{'s' if len(ignored) == 1 else ''} the table"
            f"{', Markdown and HTML' if ignored == ['--explain'] else ''}; ignored with --format {fmt}",
            quiet,
        )


def _story_articles(
    store: Store, cfg: Sources, story_id: str, since: str | None, until: str | None, source: list[str] | None
) -> tuple[str, list[Article]]:
    """The articles of the story with this id (whole, with claims), and the story's label as topic."""
    from claimcheck.cli.stories import default_window, find_story

    story_id = story_id.strip().lower()  # ids are "s" + lower-case hex; SA6089DBCDC (a shouted copy) is the same
    found = find_story(store, cfg, story_id, since=since, until=until, source=source)
    picked = found.articles if found is not None else ()
    if found is None and source:
        # Listed by `stories` without --source: grouped from X's articles alone the story has another id
        # (its earliest article's). Find it as listed, then keep X's articles of it.
        found = find_story(store, cfg, story_id, since=since, until=until, source=None)
        picked = tuple(a for a in found.articles if a.outlet in set(source)) if found is not None else ()
        if found is not None and not picked:
            fail(f"story {story_id} has no article from {', '.join(dict.fromkeys(source))}", 1)
    if found is None:
        where = ""
        if since or until:
            where = f" among the articles{window_words(*default_window(store, since, until, None), None)}"
            where += " (--since/--until); `claimcheck stories` with the same window lists them"
        fail(f"unknown story id {story_id!r}{where or '; list the stories with `claimcheck stories`'}", 1)
    ids = [a.id for a in picked if a.id is not None]
    return f"story {found.id}: {found.label}", store.articles_by_id(ids)

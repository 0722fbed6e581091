"""Renderers of a ``StoriesResult``: rich table, Markdown, JSON (schema ``claimcheck.stories/1``), CSV.

Every string that came from the web (titles, terms, URLs) is escaped for the format it goes into.
Formats are looked up in ``RENDERERS``: a new one (html) is one function and one entry.
"""

from __future__ import annotations

import csv
import io
import os
import shlex
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimcheck.collector import paused_gc
from claimcheck.models import StoriesResult, Story
from claimcheck.render.common import counted, day_only, published_text, when_text, zoned_text
from claimcheck.render.common import tied_first as tied_at_first
from claimcheck.render.fit import plain_text
from claimcheck.textsafe import DISPLAY_CONTROL, csv_safe, json_text, markdown_code, plain, safe_link
from claimcheck.textsafe import markdown_escape as esc
from claimcheck.values import cut

SCHEMA_ID = "claimcheck.stories/1"


def window_text(result: StoriesResult) -> str:
    parts = []
    if result.since is not None:
        parts.append(f"since {zoned_text(result.since)}")
    if result.until is not None:
        parts.append(f"until {zoned_text(result.until)}")
    return " ".join(parts) or "all stored articles"


def _name(result: StoriesResult, oid: str) -> str:
    return plain(result.outlet_names.get(oid, oid))


def compare_command(result: StoriesResult, story_id: str = "ID") -> str:
    """The command that compares one listed story: ``claimcheck compare --story ID`` with the listing's
    --source, --since and --until, without which the story may not be found (another grouping)."""
    return " ".join(["claimcheck compare --story", story_id, *map(shell_word, result.compare_options)])


def shell_word(arg: str) -> str:
    """``arg`` quoted for a POSIX shell. An argument that was not UTF-8 (a --db path of latin-1 bytes: its
    undecodable bytes are surrogate escapes here) is spelt ``$'d\\351r.db'``, the bytes as octal escapes
    (bash, zsh, ksh, dash): as written, it could not be encoded in a UTF-8 report (`stories -o x.md`
    stopped on an internal error) and it printed raw bytes on the terminal. So is one holding a control
    character (a newline, a tab, a bidi control): quoted as it was, a Markdown code span folded its newline to a
    space, so the pasted command named another file, and the terminal printed it raw."""
    if not any("\udc80" <= c <= "\udcff" or c in "\t\n" for c in arg) and not DISPLAY_CONTROL.search(arg):
        return shlex.quote(arg)
    raw = os.fsencode(arg)
    return "$'" + "".join(chr(b) if 0x20 <= b < 0x7F and b not in b"'\\" else f"\\{b:03o}" for b in raw) + "'"


def summary_line(result: StoriesResult) -> str:
    shown = len(result.stories)
    return (
        f"{shown} of {counted(result.story_count, 'story', 'stories')} · {window_text(result)} · "
        f"{counted(result.article_count, 'article')}"
    )


# --- terminal -----------------------------------------------------------------------------------------


def short_time(dt: datetime | None, year: int | None = None) -> str:
    """ "13 Dec 09:12" (the year added when it is not ``year``), "undated" without a time."""
    if dt is None:
        return "undated"
    clock = "" if day_only(dt) else " %H:%M"  # a day-only stamp (00:00) is that day, no made-up midnight
    return dt.strftime(("%d %b" if dt.year == year else "%d %b %Y") + clock)


def stories_table(result: StoriesResult) -> Table:
    year = _year(result)
    table = Table(expand=True, box=box.SIMPLE_HEAD, padding=(0, 1))
    table.add_column("#", no_wrap=True, justify="right")
    table.add_column("Story", ratio=1, overflow="fold")
    table.add_column("Outlets", justify="right", no_wrap=True)
    table.add_column("Art.", justify="right", no_wrap=True)
    table.add_column("First → last", no_wrap=True)
    for n, s in enumerate(result.stories, 1):
        story = Text(plain(s.label))
        story.append(f"\n{s.id}", style="dim")
        if s.topic:
            story.append(" · topic: ", style="dim")
            story.append(plain(s.topic), style="cyan")
        table.add_row(
            str(n),
            story,
            f"{len(s.independent_outlets)}/{len(s.outlets)}",
            str(len(s.articles)),
            _when(s, result, year),
        )
    return table


# Below this width the table's Story column gets too narrow for a label (rich drops it at 40 columns) and
# folds the id; each story is then listed as lines: the label, the id on a line of its own, the rest.
NARROW = 60


def stories_list(result: StoriesResult) -> Table:
    """The stories for a narrow terminal: a number, then the label, the id alone on its line (whole, to copy
    into ``compare --story``), the topic, outlets and articles, then times and the first outlet."""
    year = _year(result)
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    for n, s in enumerate(result.stories, 1):
        if n > 1:
            grid.add_row("", "")  # a blank line between stories
        story = Text(plain(s.label))
        story.append(f"\n{s.id}", style="dim")
        if s.topic:
            story.append("\ntopic: ", style="dim")
            story.append(plain(s.topic), style="cyan")
        outlets = f"{len(s.independent_outlets)}/{len(s.outlets)} outlets"
        story.append(f"\n{outlets} · {counted(len(s.articles), 'article')}\n")
        story.append_text(_when(s, result, year, sep=" "))
        grid.add_row(f"{n}.", story)
    grid.add_row("", "")
    return grid


def _year(result: StoriesResult) -> int | None:
    """The year times go without: the listing's own, when the newest story is of it. Articles of a past year
    keep their year ("31 Jan 2018 06:40"), or they read as this year's."""
    dated = [s.last_published for s in result.stories if s.last_published]
    year = result.generated_at.year
    return year if not dated or max(dated).year == year else None


def _when(s: Story, result: StoriesResult, year: int | None, sep: str = "\n") -> Text:
    """First publication, "→" the last (its time alone on the same day), and the first outlet: one narrow
    column, so that the label gets the width at 80 columns."""
    first, last = s.first_published, s.last_published
    when = Text(short_time(first, year))
    if last is not None and first is not None and last != first:
        when.append(
            f"{sep}→ " + (last.strftime("%H:%M") if last.date() == first.date() else short_time(last, year))
        )
    if s.first_outlet:
        name = _name(result, s.first_outlet)
        more = f" +{len(tied)}" if (tied := tied_first(s)) else ""
        room = 16 - len(more)
        when.append(f"{sep}{cut(name, room)}", style="green")
        when.append(more)
    return when


def tied_first(s: Story) -> list[str]:
    """The other outlets with an article at the story's first time: a feed that gives only the day stamps
    it 00:00, and five outlets "first" at once are not one outlet first; when the first is stamped with its
    day only, every outlet that published that same day ("1 Jan" is not before "1 Jan, 04:15"), as compare's
    rows count the first outlets (render.common.tied_first)."""
    first = s.first_published
    if first is None:
        return []
    tied = [a.outlet for a in s.articles if tied_at_first(a.published, first) and a.outlet != s.first_outlet]
    return list(dict.fromkeys(tied))


def print_stories(result: StoriesResult, console: Console) -> None:
    console.print(Text.assemble(("claimcheck stories", "bold"), f" · {summary_line(result)}"))
    if not result.stories:
        console.print("No story is covered by enough outlets (try --min-outlets 1).")
        return
    console.print(stories_list(result) if console.width < NARROW else stories_table(result))
    tie = any(tied_first(s) for s in result.stories)
    console.print(
        "Outlets: independent/all (wire copies are not independent). Times UTC. "
        + (
            "+N: as many other outlets published at the same first time (or that day, when it is stamped "
            "with its day only, 00:00). "
            if tie
            else ""
        )
        + f"Compare one story: {compare_command(result)}",
        style="dim",
        markup=False,
    )


def render_table(result: StoriesResult) -> str:
    return plain_text(lambda console: print_stories(result, console), 120)


# --- Markdown ------------------------------------------------------------------------------------------


def render_markdown(result: StoriesResult) -> str:
    out = [
        "# claimcheck stories",
        "",
        f"{esc(summary_line(result))}. Generated {esc(when_text(result.generated_at))} UTC.",
        "",
    ]
    if not result.stories:
        return "\n".join([*out, "No story is covered by enough outlets.", ""])
    out += [
        "| # | Story | Outlets (independent/all) | Articles | First (UTC) | Last (UTC) | Topic |",
        "| ---: | --- | ---: | ---: | --- | --- | --- |",
    ]
    for n, s in enumerate(result.stories, 1):
        first = published_text(s.first_published) + (
            f", {_name(result, s.first_outlet)}" if s.first_outlet else ""
        )
        if tied := tied_first(s):
            when = "that same day" if day_only(s.first_published) else "at the same time"  # type: ignore[arg-type]
            first += f" ({when}: {', '.join(_name(result, o) for o in tied)})"
        out.append(
            f"| {n} | {esc(s.label)} (`{s.id}`) | {len(s.independent_outlets)}/{len(s.outlets)} | "
            f"{len(s.articles)} | {esc(first)} | {esc(published_text(s.last_published))} | {esc(s.topic)} |"
        )
    for n, s in enumerate(result.stories, 1):
        out += [
            "",
            f"## {n}. {esc(s.label)}",
            "",
            f"Story `{s.id}`; compare it with {markdown_code(compare_command(result, s.id))}.",
            "",
        ]
        for a in s.articles:
            link = safe_link(a.url)
            title = esc(a.title) or "(untitled)"
            shown = f"[{title}]({link})" if link else title
            copy = " (wire copy)" if a.syndicated else ""
            if also := result.also_listed.get(a.id or -1):
                copy += f" (also in the feed of {esc(', '.join(_name(result, o) for o in also))})"
            out.append(f"- {esc(_name(result, a.outlet))}, {esc(zoned_text(a.published))}: {shown}{copy}")
    return "\n".join(out) + "\n"


# --- JSON ------------------------------------------------------------------------------------------------

_STR_OR_NULL = {"type": ["string", "null"]}
# JSON Schema (draft 2020-12 subset) of the output, for the tests and for consumers.
SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["schema", "generated_at", "window", "stories"],
    "properties": {
        "schema": {"const": SCHEMA_ID},
        "generated_at": {"type": "string"},
        "window": {
            "type": "object",
            "required": ["since", "until"],
            "properties": {"since": _STR_OR_NULL, "until": _STR_OR_NULL},
        },
        "stories": {
            "type": "array",
            "items": {
                "type": "object",
                "required": [
                    "id",
                    "label",
                    "terms",
                    "outlets",
                    "independent_outlets",
                    "first_published",
                    "last_published",
                    "first_outlet",
                    "articles",
                ],  # fmt: skip
                "properties": {
                    "id": {"type": "string"},
                    "label": {"type": "string"},
                    "terms": {"type": "array", "items": {"type": "string"}},
                    "topic": {"type": "string"},
                    "outlets": {"type": "array", "items": {"type": "string"}},
                    "independent_outlets": {"type": "array", "items": {"type": "string"}},
                    "first_published": _STR_OR_NULL,
                    "last_published": _STR_OR_NULL,
                    "first_outlet": _STR_OR_NULL,
                    "articles": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["outlet", "url", "title", "published"],
                            "properties": {
                                "outlet": {"type": "string"},
                                "url": {"type": "string"},
                                "title": {"type": "string"},
                                "published": _STR_OR_NULL,
                                "syndicated": {"type": "boolean"},
                                "also_listed_by": {"type": "array", "items": {"type": "string"}},
                            },
                        },
                    },
                },
            },
        },
    },
}


def _iso(dt: datetime | None) -> str | None:
    return dt.isoformat() if dt is not None else None


def story_json(s: Story, also_listed: Mapping[int, Sequence[str]] | None = None) -> dict[str, Any]:
    also = also_listed or {}
    return {
        "id": s.id,
        "label": plain(s.label),
        "terms": [plain(t) for t in s.terms],
        "topic": plain(s.topic),
        "outlets": list(s.outlets),
        "independent_outlets": list(s.independent_outlets),
        "first_published": _iso(s.first_published),
        "last_published": _iso(s.last_published),
        "first_outlet": s.first_outlet,
        "articles": [
            {
                "outlet": a.outlet,
                "url": plain(a.url),
                "title": plain(a.title),
                "published": _iso(a.published),
                "syndicated": a.syndicated,
                **({"also_listed_by": list(also[a.id or -1])} if also.get(a.id or -1) else {}),
            }
            for a in s.articles
        ],
    }


def to_json(result: StoriesResult) -> dict[str, Any]:
    return {
        "schema": SCHEMA_ID,
        "generated_at": _iso(result.generated_at),
        "window": {"since": _iso(result.since), "until": _iso(result.until)},
        "articles": result.article_count,
        "stories": [story_json(s, result.also_listed) for s in result.stories],
    }


def render_json(result: StoriesResult) -> str:
    # a story's articles one line each (level 4: document, stories, story, articles, article)
    with paused_gc():  # a record for each article, none of them in a cycle
        return json_text(to_json(result), inline=4) + "\n"


# --- CSV ---------------------------------------------------------------------------------------------------

CSV_COLUMNS = (
    "story_id", "label", "topic", "outlets", "independent_outlets", "first_published", "last_published",
    "first_outlet", "outlet", "published", "syndicated", "title", "url", "also_listed_by",
)  # fmt: skip


def render_csv(result: StoriesResult) -> str:
    """One row per (story, article), the story's columns repeated."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for s in result.stories:
        for a in s.articles:
            row = [
                s.id, s.label, s.topic, len(s.outlets), len(s.independent_outlets),
                _iso(s.first_published) or "", _iso(s.last_published) or "", s.first_outlet or "",
                a.outlet, _iso(a.published) or "", "true" if a.syndicated else "false", a.title, a.url,
                " ".join(result.also_listed.get(a.id or -1, ())),
            ]  # fmt: skip
            writer.writerow([v if isinstance(v, int) else csv_safe(str(v)) for v in row])
    return buf.getvalue()


RENDERERS: dict[str, Callable[[StoriesResult], str]] = {
    "table": render_table,
    "markdown": render_markdown,
    "json": render_json,
    "csv": render_csv,
}
FORMATS = tuple(RENDERERS)


def render(result: StoriesResult, fmt: str) -> str:
    try:
        return RENDERERS[fmt](result)
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}") from None

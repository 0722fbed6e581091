"""The attribution table in the terminal (rich): one row per fact, or a facts x outlets matrix.

Cells are built as ``rich.text.Text`` from ``terminal_safe`` strings, so nothing a page says can
become markup, colour or a terminal control sequence.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.table import Table
from rich.text import Text

from claimcheck.models import CompareResult, Fact
from claimcheck.render.common import (
    conflict_text,
    counted,
    evolution_text,
    first_outlets,
    outlet_names,
    values_given,
    window_text,
)
from claimcheck.render.fit import plain_text
from claimcheck.textsafe import plain

# Matrix marks (plain ASCII so they survive any terminal and the golden files).
MARK_FIRST, MARK_SEEN, MARK_COPY, MARK_CONFLICT, MARK_CITED = "1", "x", "w", "!", "c"


def _t(s: str | None, style: str = "") -> Text:
    return Text(plain(s), style=style)


def title_line(result: CompareResult) -> Text:
    return Text.assemble(
        ("claimcheck: ", "bold"),
        (plain(result.topic), "bold cyan"),
        f" · {window_text(result)} · {counted(result.article_count, 'article')} from "
        f"{counted(len(result.outlets), 'outlet')}",
    )


# Beyond this many outlets a row names them by id ("5 outlets: reuters (first), ap, cbsnews (w), ..."), so that
# it stays a few lines high at 80 columns; the Markdown report lists them in full. A fact that most of the
# outlets report is told by the few that do not ("all 12 outlets", "10 of 12, all but ap, bbc") when that is
# the shorter text.
FULL_NAMES_UP_TO = 3
ALL_BUT_UP_TO = 3


def _outlets_cell(fact: Fact, names: dict[str, str], considered: Sequence[str] = ()) -> Text:
    copies = {m.outlet for m in fact.mentions if m.syndicated} - set(fact.independent_outlets)
    short = len(fact.outlets) > FULL_NAMES_UP_TO
    firsts = _marked_firsts(fact)
    cell = Text(f"{len(fact.outlets)} outlets: " if short else "")
    for n, oid in enumerate(fact.outlets):
        if n:
            cell.append(", ")
        cell.append(plain(oid if short else names.get(oid, oid)), style="bold" if oid in firsts else "")
        if oid in firsts:
            cell.append(" (first)", style="green")
        if oid in copies:
            cell.append(" (w)" if short else " (wire copy)", style="dim")
    missing = [o for o in considered if o not in set(fact.outlets)]
    if short and considered and len(missing) <= ALL_BUT_UP_TO:
        other = _all_but(fact, missing, copies, len(considered))
        if len(other.plain) < len(cell.plain):
            cell = other
    if fact.cited_sources:
        cited = ", ".join(plain(s if short and s in names else names.get(s, s)) for s in fact.cited_sources)
        cell.append(f"\ncites {cited}", style="dim")
    return cell


def _marked_firsts(fact: Fact) -> list[str]:
    """The outlets a row marks first: none when every outlet of the row ties first (articles stamped with the
    same day only), nor in a row of one outlet (with --min-outlets 1 every such row read "x (first)"), as
    "first" then tells nothing; the Markdown report's First column still lists them."""
    firsts = first_outlets(fact)
    return [] if set(fact.outlets) <= set(firsts) else firsts


def _all_but(fact: Fact, missing: Sequence[str], copies: set[str], considered: int) -> Text:
    """The reporting outlets told by the others: "all 12 outlets" / "10 of 12, all but ap, bbc", then the first outlet and the wire copies, by id."""
    if missing:
        cell = Text(f"{len(fact.outlets)} of {considered}, all but {', '.join(plain(o) for o in missing)}")
    else:
        cell = Text(f"all {considered} outlets")
    if firsts := _marked_firsts(fact):
        cell.append("; first ")
        cell.append(plain(", ".join(firsts)), style="bold")
    wire = [o for o in fact.outlets if o in copies]
    if wire:
        cell.append(f"; wire copy: {', '.join(plain(o) for o in wire)}", style="dim")
    return cell


def _fact_cell(fact: Fact) -> Text:
    """ "[number] 61 deaths: …", then the figures its outlets give when they are not all that one."""
    cell = _t(f"[{fact.kind}] {fact.summary}")
    if given := values_given(fact):
        cell.append(f"\nvalues given: {plain(given)}", style="dim")
    return cell


# Beyond this many disagreeing outlets the Conflicts cell names the first ones and counts the rest.
MAX_CONFLICT_LINES = 5


def attribution_table(result: CompareResult) -> Table:
    names = outlet_names(result)
    considered = [o.id for o in result.outlets if o.articles]  # outlets with an article in the comparison
    cells = [_conflicts_cell(fact, names) for fact in result.facts]
    # a Conflicts column empty on every row is left out, its width given to the facts (the summary line on
    # stderr says none conflicts)
    told = any(c.plain for c in cells)
    outlet_cells = [_outlets_cell(fact, names, considered) for fact in result.facts]
    table = _AttributionTable(show_lines=False, expand=True)
    table.add_column("#", no_wrap=True)
    table.add_column("Fact", ratio=3 if told else 5, overflow="fold")
    # an outlet's name longer than its column ("www.washingtonpost.com" at 80 columns) folds onto the next line
    # rather than being cut to "www.washingtonpost.c…", which names no outlet; the column is made as wide as
    # the longest name with its comma (up to NAME_WIDTH), so a name does not break into "www.washingtonpost.co"
    # and "m", nor its comma fall alone on a line, while the facts keep the rest
    table.add_column("Reported by", ratio=3, overflow="fold")
    table.name_width = _longest_word(outlet_cells)  # the column's least width, as the console allows
    table.add_column("Indep.", justify="right", no_wrap=True)
    if told:
        table.add_column("Conflicts", ratio=2, overflow="fold")
    for fact, conflicts, outlets in zip(result.facts, cells, outlet_cells, strict=True):
        table.add_row(
            fact.id,
            _fact_cell(fact),
            outlets,
            f"{len(fact.independent_outlets)}/{len(fact.outlets)}",
            *([conflicts] if told else []),
        )
    return table


# The widest the Reported by column is made to keep one outlet's name whole (a longer name still folds).
NAME_WIDTH = 30
# What the other wrapping columns keep of a terminal's width however long a name is (review20): at 70-80 columns a
# name's 30 cells left the Conflicts column one or four cells wide ("C/o/n/f/l/i/c/t/s", "www./vall/eypo/...")
FACT_KEEPS = 20
CONFLICTS_KEEP = 14


class _AttributionTable(Table):
    """The attribution table, whose Reported by column is made as wide as its longest name (``name_width``) only as
    far as the console leaves the Fact column ``FACT_KEEPS`` cells and the Conflicts column ``CONFLICTS_KEEP``."""

    name_width: int | None = None

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self.name_width is not None:
            cols = self.columns
            fixed = sum(max(cell_len(str(c)) for c in (col.header, *col.cells)) + 2 for col in (cols[0], cols[3]))
            ends = len(cols) + 1 + 2 * (len(cols) - 2)  # borders, and the wrapping columns' padding
            keep = FACT_KEEPS + (CONFLICTS_KEEP if len(cols) > 4 else 0)
            cols[2].width = max(1, min(self.name_width, options.max_width - fixed - ends - keep))
        yield from super().__rich_console__(console, options)


def _longest_word(cells: Sequence[Text]) -> int | None:
    """The width of the longest run without a space in ``cells`` (an outlet's name with its comma), at most
    NAME_WIDTH; None without cells."""
    widths = [cell_len(word) for cell in cells for word in cell.plain.split()]
    return min(max(widths), NAME_WIDTH) if widths else None


def _conflicts_cell(fact: Fact, names: dict[str, str]) -> Text:
    """The conflicting figures (the first few: the Markdown and HTML reports list them all), then an evolution."""
    lines = conflict_text(fact, names)
    if len(lines) > MAX_CONFLICT_LINES:
        lines = [*lines[: MAX_CONFLICT_LINES - 1], f"… and {len(lines) - MAX_CONFLICT_LINES + 1} more"]
    conflicts = Text("\n".join(plain(c) for c in lines), style="red")
    if evolved := evolution_text(fact):
        conflicts.append(("\n" if conflicts.plain else "") + plain(evolved), style="yellow")
    return conflicts


# Below this width the table's columns get too narrow for their headings and words ("[numb…", "Conf…" at
# 40 columns, "Conflic…" at 60); each fact is then listed as lines: its summary, who reports it, how many
# of them independently, and its conflicts.
NARROW = 70


def attribution_list(result: CompareResult) -> Table:
    """The attribution table for a narrow terminal: the fact's id, then its summary, "reported by" and
    the outlets (as the table's cell says them), the independent count and the conflicts, one fact after
    another."""
    names = outlet_names(result)
    considered = [o.id for o in result.outlets if o.articles]
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    for n, fact in enumerate(result.facts):
        if n:
            grid.add_row("", "")  # a blank line between facts
        cell = _fact_cell(fact)
        cell.append("\nreported by ", style="dim")
        cell.append_text(_outlets_cell(fact, names, considered))
        cell.append(f"\n{len(fact.independent_outlets)}/{len(fact.outlets)} independent", style="dim")
        if (conflicts := _conflicts_cell(fact, names)).plain:
            cell.append("\n")
            cell.append_text(conflicts)
        grid.add_row(Text(fact.id, style="bold"), cell)
    return grid


def column_keys(n: int) -> list[str]:
    """Short column headings A, B, ... Z, AA, AB, ... so a grid of many outlets fits 80 columns."""
    keys = []
    for i in range(n):
        key = ""
        i += 1
        while i:
            i, r = divmod(i - 1, 26)
            key = chr(65 + r) + key
        keys.append(key)
    return keys


def matrix_columns(result: CompareResult) -> list[str]:
    """The outlets of the grid: those with articles, then cited outlets that have none here.

    Credits to sources that are not configured outlets (a ministry, "officials") stay in the table's
    "cites" lines and the exports; as grid columns they would only crowd it.
    """
    ids = [o.id for o in result.outlets]
    cited = {s for f in result.facts for s in f.cited_sources if s in result.known_outlets}
    return ids + sorted(cited - set(ids))


def matrix_table(result: CompareResult, chunk: Sequence[int] | None = None) -> Table:
    """Facts x outlets: 1 first reporter, x reports it, w wire copy only, ! conflicting value, c cited.

    Outlet columns are headed by letters (the legend below names them), so the grid stays narrow.
    ``chunk``: the indexes of the outlet columns shown (all by default; see :class:`MatrixGrid`).
    """
    table = Table(expand=False, padding=(0, 0), box=box.SIMPLE_HEAD)
    table.add_column("#", no_wrap=True)
    table.add_column("Fact", min_width=16, max_width=40)
    columns = matrix_columns(result)
    keys = column_keys(len(columns))
    shown = range(len(columns)) if chunk is None else chunk
    for i in shown:
        table.add_column(keys[i], justify="center", no_wrap=True, min_width=1)
    for fact in result.facts:
        conflicting = {c.outlet for c in fact.conflicts}
        firsts = _marked_firsts(fact)
        row = []
        for oid in (columns[i] for i in shown):
            if oid in firsts:
                mark = MARK_FIRST
            elif oid in fact.outlets:
                mark = MARK_SEEN if oid in fact.independent_outlets else MARK_COPY
            elif oid in fact.cited_sources:
                mark = MARK_CITED
            else:
                mark = ""
            if oid in conflicting:
                mark = MARK_CONFLICT
            row.append(Text(mark, style="red" if mark == MARK_CONFLICT else ""))
        table.add_row(fact.id, _t(fact.summary), *row)
    return table


class MatrixGrid:
    """The grid in as many parts as the console's width needs, each with the facts and a run of the outlet
    columns. One grid wider than the console lost its Fact column at 45 outlets in 100 columns, and rich's
    ellipses shifted marks under the wrong letters; at 90 outlets its rows were blank."""

    def __init__(self, result: CompareResult) -> None:
        self.result = result

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        keys = column_keys(len(matrix_columns(self.result)))
        id_width = max([1, *(cell_len(f.id) for f in self.result.facts)])
        room = options.max_width - 2 - (id_width + 1) - (16 + 1)  # the edges, "#" and Fact at its narrowest
        chunks: list[list[int]] = [[]]
        used = 0
        for i, key in enumerate(keys):
            if chunks[-1] and used + cell_len(key) + 1 > room:
                chunks.append([])
                used = 0
            chunks[-1].append(i)
            used += cell_len(key) + 1
        if len(chunks) == 1:
            yield matrix_table(self.result)
            return
        for chunk in chunks:
            first, last = keys[chunk[0]], keys[chunk[-1]]
            yield Text(f"outlets {first}-{last}" if len(chunk) > 1 else f"outlet {first}", style="dim")
            yield matrix_table(self.result, chunk)


class Legend:
    """The grid's key: "A name · B name · ...", broken between entries at the console's width, never inside one
    ("D" at the end of a line and its outlet's name on the next read as two things)."""

    def __init__(self, pairs: Sequence[str], marks: str) -> None:
        self.pairs, self.marks = list(pairs), marks

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines: list[str] = []
        for pair in self.pairs:
            if lines and cell_len(lines[-1]) + 3 + cell_len(pair) <= options.max_width:
                lines[-1] += " · " + pair
            else:
                lines.append(pair)
        yield Text("\n".join([*lines, self.marks]))


def matrix_legend(result: CompareResult) -> Legend:
    names = outlet_names(result)
    columns = matrix_columns(result)
    pairs = [
        f"{k} {plain(names.get(oid, oid))}" for k, oid in zip(column_keys(len(columns)), columns, strict=True)
    ]
    marks = "1 first reporter · x reports it · w wire copy · ! conflicting value · c cited"
    return Legend(pairs, marks)


def explain_lines(result: CompareResult) -> Text:
    """Why claims were matched: per fact, every link with its score and rule."""
    names = outlet_names(result)
    out = Text()
    for fact in result.facts:
        out.append(f"{fact.id} ", style="bold")
        out.append(plain(fact.summary) + "\n")
        for link in fact.links:
            a, b = fact.mentions[link.a], fact.mentions[link.b]
            out.append(
                f"  {plain(names.get(a.outlet, a.outlet))} ~ {plain(names.get(b.outlet, b.outlet))}: "
                f"{link.score:.2f} {plain(link.rule)}\n",
                style="dim",
            )
        for m in fact.mentions:
            if m.syndicated:
                out.append(
                    f"  {plain(names.get(m.outlet, m.outlet))}: wire copy ({plain(m.url)})\n", style="dim"
                )
    return out


def report_group(
    result: CompareResult, *, matrix: bool = False, explain: bool = False, narrow: bool = False
) -> Group:
    parts: list[Text | Table | Legend | MatrixGrid] = [title_line(result)]
    if not result.facts:
        parts.append(Text("No fact is reported by enough outlets (try --min-outlets 1).", style="yellow"))
    elif matrix:
        parts += [MatrixGrid(result), matrix_legend(result)]
    else:
        parts.append(attribution_list(result) if narrow else attribution_table(result))
    if explain and result.facts:
        parts.append(explain_lines(result))
    return Group(*parts)


def print_table(
    result: CompareResult, console: Console, *, matrix: bool = False, explain: bool = False
) -> None:
    """Print the report to a rich console (the CLI's stdout console)."""
    console.print(report_group(result, matrix=matrix, explain=explain, narrow=console.width < NARROW))


def render_table(
    result: CompareResult, *, matrix: bool = False, explain: bool = False, width: int = 100
) -> str:
    """The table as plain text (no colour), e.g. for ``-o FILE`` and golden tests."""
    return plain_text(lambda console: print_table(result, console, matrix=matrix, explain=explain), width)

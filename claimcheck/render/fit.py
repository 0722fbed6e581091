"""A table that gives way to lines on a narrow terminal: every value whole at any width; what a console
prints as plain text (``plain_text``)."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
    from rich.table import Table
    from rich.text import Text


# The folding column (an article's title, an outlet's name) needs this many columns beside the others;
# with fewer (rich squeezed the id, the counts and the title to nothing at 40 columns), each row is lines.
TITLE_MIN = 24
NAME_MIN = 16


def indented(text: Text) -> RenderableType:
    """A row's second line, indented two columns on every line it wraps to."""
    from rich.padding import Padding

    return Padding(text, (0, 0, 0, 2))


class Fitted:
    """``table`` where its columns other than the folding one (``fixed``, measured at the width printed at)
    leave ``room`` columns for it, else ``lines()``: every value whole at any width. With ``room`` 0 there
    is no folding column: ``table`` where ``fixed`` fits. ``lines()`` may give another ``Fitted`` (a second
    choice, measured at the same width)."""

    def __init__(
        self, table: Table, fixed: Table, room: int, lines: Callable[[], Iterable[RenderableType]]
    ) -> None:
        self.table, self.fixed, self.room, self.lines = table, fixed, room, lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.measure import Measurement

        need = Measurement.get(console, options, self.fixed).maximum
        if options.max_width >= need + (self.room + 3 if self.room else 0):  # + the column's border and padding
            yield self.table
        else:
            yield from self.lines()


def plain_text(draw: Callable[[Console], object], width: int) -> str:
    """What ``draw`` prints on a console of ``width`` columns, as plain text (``-o FILE``, golden tests): no
    colour, no highlighting, and web text as written (``emoji=False``: rich reads ":name:" as an emoji code, so a
    title "Flood :white_check_mark: verified" showed a check mark the page never had)."""
    from rich.console import Console

    buf = io.StringIO()
    draw(
        Console(
            file=buf,
            width=width,
            color_system=None,
            force_terminal=False,
            legacy_windows=False,
            highlight=False,
            emoji=False,
        )
    )
    return buf.getvalue()

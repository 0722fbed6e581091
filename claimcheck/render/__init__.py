"""Renderers of a ``CompareResult``: rich table (and matrix), Markdown, JSON, CSV, HTML.

Everything that came from the web goes through ``claimcheck.textsafe`` before it is shown.

The table and HTML renderers (rich, and the table's matrix columns) load on first use (PEP 562): an
export to Markdown, JSON or CSV does not import rich (~0.03 s of CPU at compare's start, #14).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck.lazy import lazy_exports
from claimcheck.models import CompareResult
from claimcheck.render.csvout import render_csv
from claimcheck.render.jsonout import SCHEMA_ID, render_json, to_json
from claimcheck.render.markdown import render_markdown

if TYPE_CHECKING:
    from claimcheck.render.html import render_html
    from claimcheck.render.table import print_table, render_table

_LAZY = {
    "print_table": "claimcheck.render.table",
    "render_table": "claimcheck.render.table",
    "render_html": "claimcheck.render.html",
}

FORMATS = ("table", "markdown", "json", "csv", "html")


def render(result: CompareResult, fmt: str, *, matrix: bool = False, explain: bool = False) -> str:
    """The report as text in one of ``FORMATS`` (the table is rendered without colour)."""
    if fmt == "markdown":
        return render_markdown(result, explain=explain)
    if fmt == "json":
        return render_json(result)
    if fmt == "csv":
        return render_csv(result)
    if fmt == "html":
        from claimcheck.render.html import render_html

        return render_html(result, explain=explain)
    if fmt == "table":
        from claimcheck.render.table import render_table

        return render_table(result, matrix=matrix, explain=explain)
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")


__all__ = [
    "FORMATS",
    "SCHEMA_ID",
    "print_table",
    "render",
    "render_csv",
    "render_html",
    "render_json",
    "render_markdown",
    "render_table",
    "to_json",
]


__getattr__ = lazy_exports(__name__, _LAZY)

"""Renderers of a ``CompareResult``: rich table (and matrix), Markdown, JSON, CSV, HTML.

Everything that came from the web goes through ``claimcheck.textsafe`` before it is shown.
"""

from __future__ import annotations

from claimcheck.models import CompareResult
from claimcheck.render.csvout import render_csv
from claimcheck.render.html import render_html
from claimcheck.render.jsonout import SCHEMA_ID, render_json, to_json
from claimcheck.render.markdown import render_markdown
from claimcheck.render.table import print_table, render_table

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
        return render_html(result, explain=explain)
    if fmt == "table":
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

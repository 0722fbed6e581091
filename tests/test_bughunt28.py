"""bughunt28: what a demanding user meets in claimcheck's outputs. Each test failed on the code before its fix;
the titles are invented (no outlet's text)."""

from __future__ import annotations

import pytest

from claimcheck.textsafe import markdown_escape

markdown_it = pytest.importorskip("markdown_it")


def _heading(text: str) -> str:
    """What a CommonMark reader shows for the heading the reports write (`## 1. <title>`, `### 3. <fact>`)."""
    html = markdown_it.MarkdownIt("commonmark").render("## 1. " + markdown_escape(text))
    assert html.startswith("<h2>") and html.endswith("</h2>\n"), html
    return html[len("<h2>") : -len("</h2>\n")]


@pytest.mark.parametrize(
    "title",
    [
        "Harbour fees vote on item #",
        "Ferry tickets rise 5% ##",
        "Council names its pick #  ",
        "C# course opens #",
        "#",
        "##",
    ],
)
def test_a_title_ending_in_hashes_keeps_them_in_a_markdown_heading(title: str) -> None:
    """A title ending in " #" (a hashtag cut short, an item number to come) lost its hashes in the Markdown of
    `stories` and `compare`: CommonMark reads a trailing run of # after a space as the heading's closing
    sequence, so `## 1. Ferry tickets rise 5% ##` showed as "1. Ferry tickets rise 5%"."""
    assert _heading(title) == "1. " + title.strip()


@pytest.mark.parametrize(
    "title", ["Issue #5 of the harbour plan", "C# course opens", "We are #1", "#hashtag week"]
)
def test_hashes_inside_a_title_are_left_as_written(title: str) -> None:
    """Only the closing run is escaped: a # inside the text renders as it is, with no backslash shown."""
    assert _heading(title) == "1. " + title

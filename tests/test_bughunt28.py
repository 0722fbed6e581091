"""bughunt28: what a demanding user meets in claimcheck's outputs. Each test failed on the code before its fix;
the titles are invented (no outlet's text)."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import pytest

from claimcheck.cli import storycache
from claimcheck.stories import StoryMemo
from claimcheck.textsafe import html_escape, markdown_escape

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


# -- the stories cache keeps to its own files ------------------------------------------------------------
def test_the_stories_cache_never_removes_a_json_file_it_did_not_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kept listings live in `$CLAIMCHECK_CACHE/stories/`; pruning to the 16 newest and `reindex`'s
    clear removed every `*.json` there. With CLAIMCHECK_CACHE set to a project folder (`.`) whose `stories/`
    holds the user's own exports (`claimcheck stories -o stories/monday.json`, the natural name), a reindex
    deleted them all, and every listing past the 16th deleted the oldest. Only the cache's own names go."""
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(tmp_path))
    monkeypatch.delenv("CLAIMCHECK_NO_CACHE", raising=False)
    folder = storycache.cache_dir()
    folder.mkdir(parents=True)
    mine = [folder / "monday.json", folder / "stories-2026-12-01.json", folder / ("a" * 40 + ".JSON.json")]
    for k, path in enumerate(mine):
        path.write_text(f'{{"export": {k}}}')
        os.utime(path, (1, 1))  # older than every kept listing: the first a prune would take
    for k in range(storycache.KEEP + 3):
        storycache.save(hashlib.sha256(b"%d" % k).hexdigest(), StoryMemo(groups=[[0]], changed=True))
    kept = [p for p in folder.glob("*.json") if p not in mine]
    assert len(kept) == storycache.KEEP
    assert all(p.exists() for p in mine)
    storycache.clear()
    assert [p for p in folder.glob("*.json") if p not in mine] == []
    assert all(p.exists() for p in mine)


# -- web text makes no link in the Markdown reports ------------------------------------------------------
# GitHub's Markdown (and GitLab's, and editors' previews) links a bare "www." name and any "scheme://" address
# in plain text: GFM's extended autolinks. What a reader clicks in a report must be the articles' own links.
_GFM_AUTOLINK = re.compile(r"(?:^|[\s*_~(])www\.|[A-Za-z][A-Za-z0-9+.-]*://")
HOSTILE_LINKS = [
    "Pay the harbour fine at www.fees-office.example/pay today",
    "Ferry refunds (www.refund.example) open",
    "Tickets: https://tickets.example/claim?id=1 and ftp://files.example/x",
    "Read it at HTTPS://upper.example/ now",
    "*www.stressed.example* is the new portal",
]


@pytest.mark.parametrize("text", HOSTILE_LINKS)
def test_an_address_in_web_text_is_no_link_in_the_markdown_reports(text: str) -> None:
    """A page title or sentence holding `www.fees-office.example/pay` or `https://...` was written as it was
    into `compare -f markdown` and `stories -f markdown`, and GitHub shows it as a link (GFM's autolinks): a
    page put a clickable address of its choosing into a fact-checker's report. The markers are escaped
    (`www\\.`, `https\\://`): the text reads as written and no autolink starts."""
    escaped = markdown_escape(text)
    assert not _GFM_AUTOLINK.search(escaped), escaped
    html = markdown_it.MarkdownIt("commonmark").render(escaped)
    assert html == "<p>" + html_escape(text).replace("&#x27;", "'") + "</p>\n"


def test_an_address_in_web_text_is_no_link_as_github_renders_it() -> None:
    """The same through GitHub's own renderer (cmark-gfm), where it is installed."""
    cmarkgfm = pytest.importorskip("cmarkgfm")
    for text in HOSTILE_LINKS:
        html = cmarkgfm.github_flavored_markdown_to_html(markdown_escape(text))
        assert "<a " not in html, html

"""bughunt28: what a demanding user meets in claimcheck's outputs. Each test failed on the code before its fix;
the titles are invented (no outlet's text)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from claimcheck.cli import storycache
from claimcheck.stories import StoryMemo
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

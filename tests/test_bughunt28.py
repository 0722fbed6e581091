"""bughunt28: what a demanding user meets in claimcheck's outputs. Each test failed on the code before its fix;
the titles are invented (no outlet's text)."""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from pathlib import Path

import pytest
from loopback import Site
from pages import PARAS, article_html, rss

from claimcheck.cli import storycache
from claimcheck.config import parse_sources
from claimcheck.ingest.http import FetchSettings
from claimcheck.ingest.pipeline import FetchOptions, run_fetch
from claimcheck.store import Store
from claimcheck.stories import StoryMemo
from claimcheck.textsafe import html_escape, markdown_escape

markdown_it = pytest.importorskip("markdown_it")
FAST = FetchSettings(timeout=5.0, retries=1, backoff=0.05)


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


# -- a template's canonical naming the site's index file -------------------------------------------------
@pytest.mark.parametrize(
    "index", ["/index.html", "/index.php", "/default.aspx", "/news/index.html", "/news/Index.HTM"]
)
def test_a_canonical_naming_an_index_file_is_ignored_and_every_article_kept(
    tmp_path: Path, index: str
) -> None:
    """A template that names the front page or a section page by its index file (`/index.html`, `/index.php`,
    `/default.aspx`, `/news/index.html`) as every article's canonical URL: the first article was stored under it
    and every later one was a duplicate of it, dropped with no reason counted (3 articles in the feed, 1
    stored). The same page named `/` or `/news/` was already ignored; its index file now is too."""
    site = Site()
    try:
        items = []
        for i, topic in enumerate(["river barriers", "school roof", "bus depot"]):
            paras = [
                f"The council of Marlow voted on the {topic} on Monday, officials said.",
                *PARAS[1:],
                f"Item {i}.",
            ]
            path = f"/news/2026/{i}.html"
            page = article_html(
                f"Marlow {topic}", paras, "2026-03-02T06:15:00+00:00", canonical=site.url(index)
            )
            site.route(path, page, headers={"Content-Type": "text/html; charset=utf-8"})
            items.append({"title": topic, "link": site.url(path), "guid": str(i)})
        site.route("/feed.xml", rss(items), headers={"Content-Type": "application/rss+xml"})
        cfg = parse_sources(
            f"outlets:\n  - id: marlow\n    name: Marlow Post\n    feeds: ['{site.url('/feed.xml')}']\n"
            "    allow_private: true\n"
        )
        with Store.open(tmp_path / "s.db") as store:
            report = run_fetch(cfg, store, FetchOptions(settings=FAST, workers=0))
        assert report.outlets[0].new == 3
        with sqlite3.connect(tmp_path / "s.db") as con:
            urls = sorted(u for (u,) in con.execute("select canonical_url from articles"))
        assert urls == [site.url(f"/news/2026/{i}.html") for i in range(3)]
    finally:
        site.close()


def test_an_article_page_named_index_is_still_its_own_canonical() -> None:
    """Only an index file above the article is the template's default: an article's own `/story/index.html`
    (a static site's page) stays the canonical it names."""
    from claimcheck.ingest.canonical import canonical

    page = "http://127.0.0.1:8000/2026/03/02/harbour/ferry-fares/"
    for fetched in (
        page,
        page + "?utm_source=feed",
        page + "index.html",
        page + "index.html?utm_source=feed",
    ):
        assert canonical(page + "index.html", fetched) == page + "index.html"
    assert (
        canonical("http://127.0.0.1:8000/index.html", "http://127.0.0.1:8000/")
        == "http://127.0.0.1:8000/index.html"
    )

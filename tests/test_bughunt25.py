"""bughunt25: what a demanding user hits on the hostile web and on bad input. Each test failed on the code
before its fix; articles are invented (no outlet's text), pages are served over loopback only."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from loopback import Route, Site
from pages import PARAS, article_html, rss
from typer.testing import CliRunner

from claimcheck.cli.app import app
from claimcheck.config import parse_sources
from claimcheck.ingest.http import FetchSettings
from claimcheck.ingest.pipeline import FetchOptions, run_fetch
from claimcheck.models import Article, Outlet
from claimcheck.store import Store, content_hash

runner = CliRunner()
FAST = FetchSettings(timeout=5.0, retries=1, backoff=0.05)
RSS = {"Content-Type": "application/rss+xml"}
HTML = {"Content-Type": "text/html; charset=utf-8"}

# -- rich's emoji codes: ":name:" in web text was shown as an emoji ---------------------------------
CODED_TITLE = "Harbour fees :white_check_mark: verified by :police_car_light: inspectors"
CODED_NAME = "Coastal :rocket: Courier"
TEXT = "The port authority said on Tuesday that berthing fees would rise by 8 percent from May, its first rise since 2021."


def _coded_store(tmp_path: Path, title: str = CODED_TITLE) -> tuple[Path, Path]:
    """A store of one article whose title holds emoji codes, from an outlet whose name holds one."""
    sources = tmp_path / "sources.yaml"
    sources.write_text(
        f'outlets:\n  - id: courier\n    name: "{CODED_NAME}"\n    feeds: [https://courier.example/feed.xml]\n'
    )
    db = tmp_path / "s.db"
    with Store.open(db) as store:
        store.sync_outlets([Outlet("courier", CODED_NAME, feeds=("https://courier.example/feed.xml",))])
        url = "https://courier.example/port/fees"
        store.add_article(
            Article(
                outlet="courier", url=url, canonical_url=url, title=title, text=TEXT, content_hash=content_hash(TEXT),
                fetched=datetime(2026, 3, 5, tzinfo=UTC), published=datetime(2026, 3, 5, 6, tzinfo=UTC),
            ),
            ["g1"],
        )  # fmt: skip
    return db, sources


def test_emoji_codes_in_web_text_are_shown_as_written_in_the_terminal(tmp_path: Path) -> None:
    """rich turns ":white_check_mark:" into a check mark wherever a plain string reaches a console: `articles`
    showed the title "Harbour fees ✅ verified by 🚨 inspectors", a mark the page never had, and `stats`,
    `sources` and the stories table did the same with outlet names and labels. Every console claimcheck makes
    now has emoji off."""
    db, sources = _coded_store(tmp_path)
    where = ["--db", str(db), "--sources", str(sources)]
    for argv in (
        ["articles"],
        ["stats"],
        ["sources"],
        ["stories", "--min-outlets", "1", "--since", "2026-03-01"],
    ):
        r = runner.invoke(app, [*argv, *where], env={"COLUMNS": "200"})
        assert r.exit_code == 0, (argv, r.output)
        assert "\u2705" not in r.output and "\U0001f680" not in r.output and "\U0001f6a8" not in r.output, (
            argv,
            r.output,
        )
        assert ":rocket:" in r.output or ":white_check_mark:" in r.output, (argv, r.output)
    for argv in (
        ["articles", "-o", str(tmp_path / "a.txt")],
        ["stories", "--min-outlets", "1", "--since", "2026-03-01", "-o", str(tmp_path / "s.txt")],
    ):
        assert runner.invoke(app, [*argv, *where]).exit_code == 0
        written = Path(argv[-1]).read_text(encoding="utf-8")
        assert ":white_check_mark:" in written and "\u2705" not in written, written


# -- a stdout that is not UTF-8 ------------------------------------------------------------------------
def _claimcheck(
    argv: list[str], encoding: str, stdout: int | None = None
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "claimcheck", *argv], env=env, stdout=stdout or subprocess.PIPE, stderr=subprocess.PIPE,
        timeout=120, check=False,
    )  # fmt: skip


# latin-1 goes the same way as ASCII (both encode errors): it runs with the slow tests (time of the default run)
@pytest.mark.parametrize("encoding", [pytest.param("latin-1", marks=pytest.mark.slow), "ascii"])
def test_a_stdout_that_is_not_utf8_gets_the_output_not_an_internal_error(
    tmp_path: Path, encoding: str
) -> None:
    """With a latin-1 or ASCII stdout (a locale, PYTHONIOENCODING, Windows' code page when redirected),
    `articles` and `stats` stopped on `internal error: UnicodeEncodeError` at the first emoji or "…", and on
    latin-1 so did every export (`-f csv > out.csv`). Into a file or a pipe the output is now UTF-8, as -o
    writes it; on a terminal a character it cannot show is a "?"."""
    db, sources = _coded_store(tmp_path)
    with Store.open(db) as store:  # a title no latin-1 terminal can show
        store.sync_outlets(
            [Outlet("courier", "Coastal Courier 🚢 Россия", feeds=("https://courier.example/feed.xml",))]
        )
    where = ["--db", str(db), "--sources", str(sources)]
    for argv in (["articles"], ["stats"], ["articles", "-f", "csv"], ["articles", "-f", "json"]):
        r = _claimcheck([*argv, *where], encoding)
        assert r.returncode == 0 and b"internal error" not in r.stderr, (argv, r.stderr)
        assert CODED_TITLE.encode() in r.stdout or "Россия".encode() in r.stdout, (argv, r.stdout)
    primary, secondary = os.openpty()  # a terminal: what it cannot show is replaced, nothing stops
    try:
        r = _claimcheck(["stats", *where], encoding, stdout=secondary)
        os.close(secondary)
        shown = b""
        with contextlib.suppress(OSError):
            while chunk := os.read(primary, 65536):
                shown += chunk
    finally:
        os.close(primary)
    assert r.returncode == 0 and b"internal error" not in r.stderr, r.stderr
    assert b"Coastal Courier ? ??????" in shown, shown


def _page(path: str) -> str:
    return article_html(f"Valley ferry fares rise ({path})", PARAS, "2026-03-02T06:15:00+00:00")


# -- a page with next to no text -----------------------------------------------------------------------
def test_a_page_of_next_to_no_text_is_no_article_and_is_asked_for_again(tmp_path: Path) -> None:
    """A body cut before its <body> (`<!DOCTYPE html><html><head><`) was stored as an article whose text is
    "<", and a script shell's "Loading..." as one whose text is that word: each page then counted as seen, so
    its article was never asked for again, even once the site served it whole. Such a page is now no article
    text, asked for again on the next run (and stored then)."""
    site = Site()
    try:
        pages = {
            "/cut.html": "<!DOCTYPE html><html><head><",
            "/shell.html": '<html><head><title>Valley News</title></head><body><div id="app">Loading...</div></body></html>',
        }
        for path, body in pages.items():
            site.sequence(path, Route(body.encode(), headers=HTML), Route(_page(path).encode(), headers=HTML))
        site.route("/whole.html", _page("/whole.html"), headers=HTML)
        items = [
            {"title": p, "link": site.url(p), "guid": p, "published": "2026-03-02T07:00:00+00:00"}
            for p in [*pages, "/whole.html"]
        ]
        site.route("/feed.xml", rss(items), headers=RSS)
        cfg = parse_sources(
            f"outlets:\n  - id: valley\n    name: Valley News\n    feeds: [{site.url('/feed.xml')}]\n    allow_private: true\n"
        )
        with Store.open(tmp_path / "s.db") as store:
            first = run_fetch(cfg, store, FetchOptions(settings=FAST, workers=0))
            assert [a.url for a in store.list_articles()] == [site.url("/whole.html")]
            assert first.outlets[0].reasons == {"no article text found": 2}, first.outlets[0].reasons
            run_fetch(cfg, store, FetchOptions(settings=FAST, workers=0))
            rows = store.list_articles()
            assert sorted(a.url for a in rows) == sorted(site.url(p) for p in [*pages, "/whole.html"])
            assert all(len(store.get_article(a.id).text) > 100 for a in rows)  # type: ignore[union-attr]
    finally:
        site.close()


# -- rich markup inside a bracket ---------------------------------------------------------------------
HOOKED = "Port fees [x[link=https://fees.example/pay]pay here[/link] and [y[bold]rise[/bold] again"


def test_a_tag_after_an_open_bracket_is_not_read_as_rich_markup() -> None:
    """terminal_safe escaped "[x[link=...]" as one tag from its first "[" (".*?"), which rich does not read as a
    tag; rich then read the inner "[link=https://...]" as one: a page title made a terminal hyperlink (OSC 8) to
    any address, or bold text. Escaped as rich reads tags (no "[" inside one), it is printed as written."""
    from rich.console import Console

    from claimcheck.textsafe import terminal_safe

    console = Console(force_terminal=True, color_system="truecolor", emoji=False, highlight=False, width=200)
    with console.capture() as shown:
        console.print(terminal_safe(HOOKED))
    assert "\x1b" not in shown.get() and "\x1b]8;" not in shown.get(), repr(shown.get())
    assert shown.get() == HOOKED + "\n"


def test_a_tag_after_an_open_bracket_in_a_title_is_listed_as_written(tmp_path: Path) -> None:
    db, sources = _coded_store(tmp_path, HOOKED)
    r = runner.invoke(app, ["articles", "--db", str(db), "--sources", str(sources)], env={"COLUMNS": "250"})
    assert r.exit_code == 0, r.output
    assert HOOKED in r.output, r.output


# -- a Location sent twice -----------------------------------------------------------------------------
def _redirect(*locations: bytes) -> Callable[[BaseHTTPRequestHandler], None]:
    def act(h: BaseHTTPRequestHandler) -> None:
        head = b"HTTP/1.1 301 Moved Permanently\r\n" + b"".join(
            b"Location: " + loc + b"\r\n" for loc in locations
        )
        h.wfile.write(head + b"Content-Length: 0\r\nConnection: close\r\n\r\n")
        h.wfile.flush()
        h.close_connection = True

    return act


def test_a_redirect_with_its_location_sent_twice_is_followed_to_the_first(tmp_path: Path) -> None:
    """A 301 whose Location header came twice (a proxy adding its own to the application's: the same value,
    or its own form of it) was followed to the two joined by a comma, "/news/a.html, /news/a.html": a 404,
    remembered as the page's failure for good. The first Location is followed, as browsers do."""
    site = Site()
    try:
        site.route("/news/a.html", _page("/news/a.html"), headers=HTML)
        site.route("/news/b.html", _page("/news/b.html"), headers=HTML)
        site.route("/old/a.html", action=_redirect(b"/news/a.html", b"/news/a.html"))
        site.route("/old/b.html", action=_redirect(b"/news/b.html", b"http://127.0.0.1:9/elsewhere.html"))
        items = [
            {"title": p, "link": site.url(p), "guid": p, "published": "2026-03-02T07:00:00+00:00"}
            for p in ("/old/a.html", "/old/b.html")
        ]
        site.route("/feed.xml", rss(items), headers=RSS)
        cfg = parse_sources(
            f"outlets:\n  - id: valley\n    name: Valley News\n    feeds: [{site.url('/feed.xml')}]\n"
            "    allow_private: true\n"
        )
        with Store.open(tmp_path / "s.db") as store:
            report = run_fetch(cfg, store, FetchOptions(settings=FAST, workers=0))
            assert report.ok, report.outlets[0].reasons
            assert sorted(a.url for a in store.list_articles()) == [
                site.url("/news/a.html"),
                site.url("/news/b.html"),
            ]
    finally:
        site.close()

"""bughunt26: what bughunt25 noticed and left. Each test failed on the code before its fix; sentences and
articles are invented, pages are served over loopback only."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from loopback import Site
from pages import PARAS, article_html, rss
from typer.testing import CliRunner

from claimcheck.claims import extract_claims
from claimcheck.cli.app import app
from claimcheck.config import parse_sources
from claimcheck.ingest.body import gunzip_capped
from claimcheck.ingest.http import FetchSettings
from claimcheck.ingest.pipeline import FetchOptions, run_fetch
from claimcheck.ingest.worker import process_page
from claimcheck.models import Article, Outlet
from claimcheck.store import Store, content_hash

runner = CliRunner()


def _figures(text: str) -> list[tuple[str, float]]:
    return [(c.text, c.value.low) for c in extract_claims(text) if c.kind == "number"]  # type: ignore[union-attr]


# -- a terminal's colour codes in a page's text ---------------------------------------------------------
def test_a_terminal_colour_code_left_in_text_is_no_figure() -> None:
    """A page quoting a terminal's output keeps "[31m" and "[0m" once its ESC is dropped: the extractor read
    them as figures, "0 m" ("[0m ANSI escape codes") and "31 m". A code is no figure, with its ESC or
    without; an editor's bracket around a figure still is one."""
    assert _figures("The court heard the log showed [0m escape codes after the 4 failed logins.") == [
        ("4 failed logins", 4.0)
    ]
    assert _figures(
        "The screen flashed [31mALERT[0m and then [1;32mREADY[0m before the 2 engineers left."
    ) == [("2 engineers", 2.0)]
    assert _figures("The weather station printed \x1b[33m amber warnings for 3 valleys.") == [
        ("3 valleys", 3.0)
    ]
    assert _figures("The club paid [5m] for the striker.") == [("5m", 5e6)]
    assert [v for _, v in _figures("The charity said [5m euros] reached 300 families.")] == [5e6, 300.0]


def test_a_page_quoting_terminal_output_gives_no_claim_of_its_colour_codes() -> None:
    """The same through a page's extraction: the ESC goes, "[31m" stays in the text as the page shows it,
    and no claim is made of it."""
    para = "The science team said on Monday that the new telescope camera had passed every test in the lab. "
    body = (
        f"<html><head><title>Camera tests</title></head><body><article><p>{para * 3}</p>"
        "<p>The test rig printed \x1b[31mFAIL\x1b[0m once and \x1b[1;32mPASS\x1b[0m for the 6 lenses.</p>"
        f"<p>{para}</p></article></body></html>"
    ).encode()
    page, claims = process_page(body, "http://127.0.0.1/camera", "text/html", {})
    assert "[31mFAIL" in page.text
    assert [c.text for c in claims if c.kind == "number"] == ["6 lenses"]


# -- COLUMNS past any terminal --------------------------------------------------------------------------
TEXT = "The port authority said on Tuesday that berthing fees would rise by 8 percent from May, its first rise since 2021."


def _store(tmp_path: Path) -> tuple[Path, Path]:
    sources = tmp_path / "sources.yaml"
    outlets = [
        Outlet(o, f"Coastal {o.title()}", feeds=(f"https://{o}.example/feed.xml",))
        for o in ("courier", "herald")
    ]
    sources.write_text(
        "outlets:\n"
        + "".join(f"  - id: {o.id}\n    name: {o.name}\n    feeds: [{o.feeds[0]}]\n" for o in outlets)
    )
    db = tmp_path / "s.db"
    with Store.open(db) as store:
        store.sync_outlets(outlets)
        for n, o in enumerate(outlets):
            url = f"https://{o.id}.example/port/fees"
            text = f"{TEXT} Story {n}."
            store.add_article(
                Article(
                    outlet=o.id, url=url, canonical_url=url, title=f"Berthing fees to rise ({n})", text=text,
                    content_hash=content_hash(text), fetched=datetime(2026, 3, 5, tzinfo=UTC),
                    published=datetime(2026, 3, 5, 6, tzinfo=UTC), claims=tuple(extract_claims(text)),
                ),
                [f"g{n}"],
            )  # fmt: skip
    return db, sources


@pytest.mark.parametrize(
    "argv",
    [
        ["stories", "--since", "2026-03-01", "--until", "2026-03-09"],
        pytest.param(["compare", "fees"], marks=pytest.mark.slow),  # the same console width: with the slow tests
    ],
)
def test_a_columns_wider_than_any_terminal_is_held_to_a_width_rich_can_lay_out(
    tmp_path: Path, argv: list[str]
) -> None:
    """rich takes $COLUMNS as the width and pads each line of a table to it: COLUMNS=9999999999 ran `compare`
    and `stories` for minutes. The width is held to 1000; a $COLUMNS of digits int() cannot read ("²") made
    rich stop on a ValueError, and is now ignored."""
    db, sources = _store(tmp_path)
    for columns in ("9999999999", "²"):
        env = {**os.environ, "COLUMNS": columns}
        began = time.monotonic()
        r = subprocess.run(
            [sys.executable, "-m", "claimcheck", *argv, "--db", str(db), "--sources", str(sources)],
            env=env, capture_output=True, timeout=60, check=False,
        )  # fmt: skip
        assert r.returncode == 0, (columns, r.stderr)
        assert time.monotonic() - began < 30
        assert max(len(line) for line in r.stdout.decode().splitlines()) <= 1000


# -- the short name of a format -------------------------------------------------------------------------
def test_md_is_markdown_in_every_command_that_writes_markdown(tmp_path: Path) -> None:
    """`-o s.md` picked Markdown but `stories -f md` (and `compare -f md`) was refused: the format's short name
    is now taken by each command that writes it; a command that writes no Markdown still refuses it."""
    db, sources = _store(tmp_path)
    where = ["--db", str(db), "--sources", str(sources)]
    window = ["--since", "2026-03-01", "--until", "2026-03-09"]
    r = runner.invoke(app, ["stories", *window, "-f", "md", *where])
    assert r.exit_code == 0, r.output
    assert r.stdout.lstrip().startswith("#")
    r = runner.invoke(app, ["compare", "fees", "-f", "MD", *where])
    assert r.exit_code == 0, r.output
    assert r.stdout.lstrip().startswith("#")
    assert (
        runner.invoke(app, ["compare", "fees", "-f", "htm", *where])
        .stdout.lstrip()
        .lower()
        .startswith("<!doctype")
    )
    r = runner.invoke(app, ["articles", "-f", "md", *where])
    assert r.exit_code == 2 and "unknown format 'md'" in r.output, r.output


# -- a gzip body of several members ---------------------------------------------------------------------
def test_a_gzip_body_of_two_members_is_read_whole(tmp_path: Path) -> None:
    """Two gzip members one after the other (`cat head.gz rest.gz`, a server joining compressed parts) are one
    body to gzip(1) and browsers; only the first member was read, so a page whose first member was its head
    had "no article text found". Every member is read, within the same cap as one."""
    html = article_html("Valley ferry fares rise", PARAS, "2026-03-02T06:15:00+00:00").encode()
    cut = html.index(b"<body")
    two = gzip.compress(html[:cut]) + gzip.compress(html[cut:])
    assert gunzip_capped(two, 1 << 20, "u") == html
    assert (
        gunzip_capped(two + b"\0\0junk", 1 << 20, "u") == html
    )  # bytes that begin no member are left, as before
    with pytest.raises(Exception, match="gzip bomb"):
        gunzip_capped(gzip.compress(b"x") + gzip.compress(b"y" * 5000), 1000, "u")
    site = Site()
    try:
        site.route(
            "/a.html", two, headers={"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"}
        )
        item = {
            "title": "a",
            "link": site.url("/a.html"),
            "guid": "a",
            "published": "2026-03-02T07:00:00+00:00",
        }
        site.route("/feed.xml", rss([item]), headers={"Content-Type": "application/rss+xml"})
        cfg = parse_sources(
            f"outlets:\n  - id: valley\n    name: Valley News\n    feeds: [{site.url('/feed.xml')}]\n"
            "    allow_private: true\n"
        )
        with Store.open(tmp_path / "s.db") as store:
            report = run_fetch(
                cfg,
                store,
                FetchOptions(settings=FetchSettings(timeout=5.0, retries=1, backoff=0.05), workers=0),
            )
            assert report.ok, report.outlets[0].reasons
            (row,) = store.list_articles()
            assert PARAS[-1][:40] in store.get_article(row.id).text  # type: ignore[union-attr]
    finally:
        site.close()

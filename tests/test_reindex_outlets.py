"""`reindex` re-extracts claims with the outlets the fetch that stored them knew: the sources file in use
(as every command reads it: --sources, $CLAIMCHECK_SOURCES, ./sources.yaml, the packaged one) and the
outlets the store recorded (their names, aliases and language) for those that file does not name. It read
the sources file alone, so a store fetched with its own sources.yaml and re-extracted without --sources
lost every citation of those outlets (the packaged outlets know none of them), with no word said."""

from __future__ import annotations

from pathlib import Path

import pytest
from loopback import Site
from pages import article_html, rss
from typer.testing import CliRunner

from claimcheck.cli.app import app
from claimcheck.store import Store

PARAS = [
    "The river authority said on Tuesday that 14 villages were without clean water after the dam repairs "
    "ran three weeks late.",
    "Engineers had found cracks in two of the sluice gates, according to the Lakeside Courier, which first "
    "reported the delay.",
]


def _citations(db: Path) -> list[tuple[str, str]]:
    with Store.open(db, create=False, read_only=True) as s:
        rows = s._read("SELECT text, fields FROM claims WHERE kind = 'citation' ORDER BY id")  # type: ignore[attr-defined]
    return [(str(t), str(f)) for t, f in rows]


def test_reindex_without_sources_keeps_the_stored_outlets_citations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = Site()
    try:
        site.route("/dam.html", article_html("Dam repairs late", PARAS, "2026-04-07T09:00:00+00:00"),
                   headers={"Content-Type": "text/html; charset=utf-8"})  # fmt: skip
        feed = rss(
            [
                {
                    "title": "Dam",
                    "link": site.url("/dam.html"),
                    "guid": "d1",
                    "published": "2026-04-07T09:00:00+00:00",
                }
            ]
        )
        site.route("/feed.xml", feed, headers={"Content-Type": "application/rss+xml"})
        own = tmp_path / "own.yaml"
        own.write_text(
            "outlets:\n"
            f"  - id: valleypost\n    name: Valley Post\n    feeds: [{site.url('/feed.xml')}]\n"
            "  - id: courier\n    name: Lakeside Courier\n    aliases: [The Courier]\n    feeds: []\n",
            encoding="utf-8",
        )
        db = tmp_path / "n.db"
        runner = CliRunner()
        r = runner.invoke(app, ["fetch", "-q", "--allow-private", "--workers", "0", "--sources", str(own), "--db", str(db)])
        assert r.exit_code == 0, r.output
    finally:
        site.close()
    before = _citations(db)
    assert before and any('"courier"' in f for _, f in before), before  # credited to the outlet id
    work = tmp_path / "elsewhere"  # no ./sources.yaml here: the packaged one is in use, as for compare
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.delenv("CLAIMCHECK_SOURCES", raising=False)
    r = runner.invoke(app, ["reindex", "-q", "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert _citations(db) == before

"""bughunt20: what a demanding user hits on the hostile web, on bad input and on two machines. Each test
failed on the code before its fix; pages and feeds are served over real sockets on loopback."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from loopback import Site
from pages import rss
from typer.testing import CliRunner

from claimcheck.cli import storycache
from claimcheck.cli.app import app
from claimcheck.errors import UsageError
from claimcheck.store import Store

runner = CliRunner()
T0 = datetime(2025, 12, 10, 8, tzinfo=UTC)
RSS = {"Content-Type": "application/rss+xml"}


@pytest.mark.parametrize("story", ["s", "-s45", "\uff53a6089dbcdc", "sa6089dbcdg", "sa6089dbcd", "sa6089dbcdcc", "s a6089dbcdc"])
def test_a_malformed_story_id_is_bad_usage_not_an_unknown_story(tmp_path: Path, story: str) -> None:
    """`compare --story -s45` (a typo, a cut or full-width id) said "unknown story id", exit 1: the exit
    code of a story that is gone. A value that cannot be an id is bad usage, exit 2, as other bad values
    are, and is said before the database is opened."""
    db = tmp_path / "s.db"
    Store.open(db).close()  # an empty store: "holds no articles yet" is exit 1 too
    r = runner.invoke(app, ["compare", "--story", story, "--db", str(db)])
    assert r.exit_code == 2, r.output
    assert "is not a story id" in r.output and "Traceback" not in r.output


def test_a_well_formed_story_id_in_capitals_still_passes_the_check(tmp_path: Path) -> None:
    r = runner.invoke(app, ["compare", "--story", " SA6089DBCDC ", "--db", str(tmp_path / "none.db")])
    assert "is not a story id" not in r.output  # (no database here: that is the line)


@pytest.mark.parametrize("var", ["CLAIMCHECK_DB", "CLAIMCHECK_SOURCES", "CLAIMCHECK_HOME"])
def test_a_bad_path_in_an_environment_variable_names_the_variable(monkeypatch: pytest.MonkeyPatch, var: str) -> None:
    """`CLAIMCHECK_DB=~nosuchuser/x claimcheck stats` said `error: ~nosuchuser/x: no home folder ...`: no
    option held that path, and the line did not say where it came from."""
    monkeypatch.setenv(var, "~nosuchuser-bh20/x.db")
    r = runner.invoke(app, ["sources" if var == "CLAIMCHECK_SOURCES" else "stats"])
    assert r.exit_code == 2, r.output
    assert f"${var}: ~nosuchuser-bh20/x.db: no home folder" in r.output


def test_a_blank_or_folder_claimcheck_db_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMCHECK_DB", "  ")
    r = runner.invoke(app, ["stats"])
    assert r.exit_code == 2 and "$CLAIMCHECK_DB: it is blank" in r.output and "--db" not in r.output
    monkeypatch.setenv("CLAIMCHECK_DB", "news/")
    r = runner.invoke(app, ["stats"])
    assert r.exit_code == 2 and "$CLAIMCHECK_DB: database news/" in r.output


def test_a_bad_claimcheck_cache_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMCHECK_CACHE", "~nosuchuser-bh20/c")
    with pytest.raises(UsageError, match=r"^\$CLAIMCHECK_CACHE: ~nosuchuser-bh20/c: no home folder"):
        storycache.cache_dir()


def _oldest_first(n: int, base: str) -> str:
    """A feed of ``n`` items listed oldest first (an archive feed), item k published k hours after T0."""
    return rss(
        [
            {"title": f"Ferry timetable note {k}", "link": f"{base}/n/{k}.html", "guid": f"g{k}", "published": (T0 + timedelta(hours=k)).isoformat()}
            for k in range(n)
        ]
    )


def test_a_feed_of_more_entries_than_are_read_keeps_the_newest_and_says_how_many_were_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 5 MB RSS feed of 30,000 items cost about a minute of feedparser's CPU on every run (even with
    --limit 5). A feed is now read for its newest MAX_FEED_ENTRIES (5,000; 50 here) and the rest are said
    to be left out, in the summary and in --json; the kept entries are the newest even in an oldest-first
    feed."""
    from claimcheck import models
    from claimcheck.ingest import feeds

    monkeypatch.setattr(feeds, "MAX_FEED_ENTRIES", 50)
    monkeypatch.setattr(models, "MAX_FEED_ENTRIES", 50)
    site = Site()
    try:
        body = _oldest_first(120, site.url(""))
        parsed = feeds.parse_feed(body.encode(), site.url("/feed.xml"), "application/rss+xml")
        assert parsed.capped == 70 and len(parsed.entries) == 50
        assert {e.link.rsplit("/", 1)[1] for e in parsed.entries} == {f"{k}.html" for k in range(70, 120)}
        site.route("/feed.xml", body, headers=RSS)
        site.route("/n/119.html", "", status=410)  # (no article to extract: the test stays quick)
        (tmp_path / "sources.yaml").write_text(f"outlets:\n  - {{id: arch, name: Archive, feeds: ['{site.url('/feed.xml')}']}}\n")
        args = ["fetch", "--allow-private", "--workers", "0", "--limit", "1", "--sources", str(tmp_path / "sources.yaml")]
        r = runner.invoke(app, [*args, "--db", str(tmp_path / "a.db")], env={"COLUMNS": "250"})
        assert r.exit_code == 1, r.output
        assert "70 feed entries past the 50 a feed is read for left out (the newest kept)" in " ".join(r.stdout.split())
        r = runner.invoke(app, [*args, "--db", str(tmp_path / "b.db"), "--json"])
        (outlet,) = json.loads(r.stdout)["outlets"]
        assert outlet["capped"] == 70 and outlet["failed"] == 1
    finally:
        site.close()


def test_a_feed_within_the_cap_or_not_well_formed_is_read_whole() -> None:
    from claimcheck.ingest import feeds

    body = _oldest_first(30, "http://127.0.0.1:9").encode()
    assert feeds._cap_entries(body, 30) == (body, 0)
    broken = body.replace(b"</channel>", b"")  # not well-formed: feedparser's loose reading, whole, as before
    assert feeds._cap_entries(broken, 10) == (broken, 0)
    capped, left = feeds._cap_entries(body.replace(b"<item>", b"<item >"), 10)
    assert left == 20 and capped.count(b"<item") == 10 and b"g29" in capped and b"g19" not in capped

"""bughunt20: what a demanding user hits on the hostile web, on bad input and on two machines. Each test
failed on the code before its fix; pages and feeds are served over real sockets on loopback."""

from __future__ import annotations

import json
import re
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
    assert r.exit_code == 2 and "$CLAIMCHECK_DB: it is empty" in r.output and "--db" not in r.output
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
    # not well-formed, and its entries cannot be told apart as text (one unclosed): read whole, as before
    # (bughunt22: one that can be, is cut as text; see test_bughunt22)
    broken = body.replace(b"</channel>", b"").replace(b"</item>", b"", 1)
    assert feeds._cap_entries(broken, 10) == (broken, 0)
    capped, left = feeds._cap_entries(body.replace(b"<item>", b"<item >"), 10)
    assert left == 20 and capped.count(b"<item") == 10 and b"g29" in capped and b"g19" not in capped


def test_a_page_two_outlets_list_is_downloaded_once_on_a_first_run(tmp_path: Path) -> None:
    """Two outlets whose feeds list the same pages (a wire story on a partner's feed, an aggregator)
    downloaded each of them twice on a first run, at the same time: the README's "not downloaded for it
    again" held from the next run on. A page one outlet is downloading is now shared with the other
    outlet that lists it (same private-address access), and each outlet's entry is still kept."""
    from pages import PARAS, article_html
    from soundness import assert_sound

    from claimcheck.config import parse_sources
    from claimcheck.ingest.http import FetchSettings
    from claimcheck.ingest.pipeline import FetchOptions, run_fetch

    site = Site()
    try:
        pages = [f"/wire/{k}.html" for k in range(2)]
        for k, path in enumerate(pages):
            site.route(path, article_html(f"Dam inspection {k} finds cracks", PARAS, T0), delay=0.2,
                       headers={"Content-Type": "text/html; charset=utf-8"})
        for o in ("gazette", "roundup"):
            items = [{"title": f"Dam {k}", "link": site.url(p), "guid": f"{o}-{k}"} for k, p in enumerate(pages)]
            site.route(f"/{o}.xml", rss(items), headers=RSS)
        lines = "".join(f"  - {{id: {o}, name: {o.title()}, feeds: ['{site.url(f'/{o}.xml')}']}}\n" for o in ("gazette", "roundup"))
        sources = parse_sources("outlets:\n" + lines)
        options = FetchOptions(settings=FetchSettings(timeout=10, retries=1, backoff=0.05), workers=0, allow_private=True)
        with Store.open(tmp_path / "s.db") as store:
            report = run_fetch(sources, store, options)
        hits = [p for p in site.paths_hit() if p.startswith("/wire/")]
        assert sorted(hits) == pages, hits
        assert sum(r.new for r in report.outlets) == 2 and sum(r.unchanged for r in report.outlets) == 2
        assert len(assert_sound(tmp_path / "s.db")) == 2
        with Store.open(tmp_path / "s.db") as store:  # both outlets' entries were kept: nothing asked again
            again = run_fetch(sources, store, options)
        assert [p for p in site.paths_hit() if p.startswith("/wire/")] == hits
        assert sum(r.unchanged for r in again.outlets) == 4
    finally:
        site.close()


CONSENT = """<html><head><title>Before you continue</title></head><body><main><h1>We value your privacy</h1>
<p>We and our 842 partners store and access information on your device, such as cookies, and process
personal data such as unique identifiers to serve personalised ads and content. You can accept or manage
your choices below, including your right to object where legitimate interest is used.</p>
<p>Your choices will apply to this site only. You can change your settings at any time, including
withdrawing your consent, by using the toggles on our Cookie Policy page.</p>
<button>Accept all</button><button>Reject all</button></main></body></html>"""


def test_a_cookie_consent_wall_sent_as_a_200_is_no_article(tmp_path: Path) -> None:
    """A consent wall in place of the article (an EU reader's first request to many news sites), sent as
    a 200, was stored as an article titled "We value your privacy", and its "842 partners" was a claim.
    It now holds no article text: the page fails for now with its reason, and is asked for again."""
    from claimcheck.config import parse_sources
    from claimcheck.ingest.http import FetchSettings
    from claimcheck.ingest.pipeline import FetchOptions, run_fetch

    site = Site()
    try:
        site.route("/story.html", CONSENT, headers={"Content-Type": "text/html; charset=utf-8"})
        site.route("/feed.xml", rss([{"title": "Budget vote", "link": site.url("/story.html"), "guid": "s"}]), headers=RSS)
        sources = parse_sources(f"outlets:\n  - {{id: o, name: O, feeds: ['{site.url('/feed.xml')}']}}\n")
        options = FetchOptions(settings=FetchSettings(timeout=10, retries=1, backoff=0.05), workers=0, allow_private=True)
        with Store.open(tmp_path / "s.db") as store:
            (rep,) = run_fetch(sources, store, options).outlets
            assert rep.new == 0 and dict(rep.reasons) == {"a cookie or consent page, not the article": 1}
            assert store.stats().articles == 0
            run_fetch(sources, store, options)  # asked for again, as a script-only shell is
        assert site.paths_hit().count("/story.html") == 2
    finally:
        site.close()


def test_a_report_on_cookie_law_is_not_taken_for_a_consent_wall() -> None:
    from claimcheck.ingest.extract import consent_wall

    assert consent_wall(" ".join(re.sub(r"<[^>]+>", " ", CONSENT).split()))
    fine = (
        "The data regulator fined an online furniture retailer 2 million euros on Tuesday for placing "
        "advertising cookies without consent. Inspectors found that the retailer's banner offered an Accept all "
        "button but hid the option to reject all behind two further screens, and that it shared personal data "
        'with 40 advertising partners. "Visitors could not manage their choices in any real sense," the '
        "regulator's chair, Ilse Marten, said. The retailer said it would appeal and had changed its privacy notice."
    )
    assert not consent_wall(fine)
    recipe = "Preheat the oven. Accept all offers of help in the kitchen; our cookies keep for a week in a tin."
    assert not consent_wall(recipe)


def test_a_canonical_on_another_port_is_another_site(tmp_path: Path) -> None:
    """A page of one outlet (``127.0.0.1:B``) naming another outlet's page on another port (``127.0.0.1:A``)
    as its canonical URL was taken at its word: the two different articles shared one canonical URL, the
    second counted as a duplicate of the first and was never stored. Another port is another origin."""
    from claimcheck.ingest.canonical import canonical

    assert canonical("http://127.0.0.1:8080/a.html", "http://127.0.0.1:8081/b.html") == "http://127.0.0.1:8081/b.html"
    assert canonical("https://www.example.com/a", "http://m.example.com:80/a?utm_source=x") == "https://www.example.com/a"
    assert canonical("http://127.0.0.1:8081/c.html", "http://127.0.0.1:8081/b.html") == "http://127.0.0.1:8081/c.html"
    assert canonical("http://127.0.0.1:99999/c.html", "http://127.0.0.1:8081/b.html") == "http://127.0.0.1:8081/b.html"


def test_an_html_page_in_place_of_a_feed_names_the_feed_it_links() -> None:
    """A site's home page written where its feed should be said only `not a feed (got an HTML page)`;
    the page names its feed (autodiscovery's `<link rel=alternate>`), and the line now says where."""
    from claimcheck.errors import FeedParseError
    from claimcheck.ingest.feeds import parse_feed

    home = (
        "<!DOCTYPE html><html><head><link rel='stylesheet' href='/s.css'>"
        '<link type="application/rss+xml" rel="alternate" title="News" href="/news/feed.xml?x=1&amp;y=2">'
        "</head><body><p>Welcome</p></body></html>"
    )
    with pytest.raises(FeedParseError, match=r"^not a feed \(got an HTML page naming its feed /news/feed\.xml\?x=1&y=2\)$"):
        parse_feed(home.encode(), "http://127.0.0.1:9/", "text/html")
    elsewhere = home.replace("/news/feed.xml?x=1&amp;y=2", "http://127.0.0.2:9/rss")
    with pytest.raises(FeedParseError, match=r"naming its feed http://127\.0\.0\.2:9/rss\)$"):
        parse_feed(elsewhere.encode(), "http://127.0.0.1:9/", "text/html")
    for odd in ("javascript:alert(1)", ""):
        with pytest.raises(FeedParseError, match=r"^not a feed \(got an HTML page\)$"):
            parse_feed(home.replace("/news/feed.xml?x=1&amp;y=2", odd).encode(), "http://127.0.0.1:9/", "text/html")


@pytest.mark.parametrize("command", [["compare", "Marlow"], ["stories"], ["articles"]])
def test_a_report_is_never_written_over_another_database(tmp_path: Path, command: list[str]) -> None:
    """`compare Marlow -o old.db` (tab completion, a typo) wrote the report over another claimcheck store:
    only the database in use was refused. A file that is an SQLite database is refused, and left as it was."""
    db, other = tmp_path / "s.db", tmp_path / "old.db"
    Store.open(db).close()
    Store.open(other).close()
    before = other.read_bytes()
    r = runner.invoke(app, [*command, "--db", str(db), "-o", str(other)])
    assert r.exit_code == 2 and "it is an SQLite database" in r.output, r.output
    assert other.read_bytes() == before


def test_a_feed_pasted_under_two_outlets_is_warned_of(tmp_path: Path) -> None:
    """`sources --check` said OK, not a word, to one feed URL under two outlets (a pasted line): the
    second outlet then never has an article of its own (each page is stored once). Now a warning, exit 0."""
    f = tmp_path / "sources.yaml"
    f.write_text(
        "outlets:\n"
        "  - {id: one, name: One, feeds: ['https://news.example/feed.xml']}\n"
        "  - {id: two, name: Two, feeds: ['https://news.example/other.xml', 'https://NEWS.example/feed.xml?utm_source=x']}\n"
    )
    r = runner.invoke(app, ["sources", "--check", "--sources", str(f)])
    assert r.exit_code == 0, r.output
    assert "outlets[1].feeds[1] (two): https://NEWS.example/feed.xml?utm_source=x is listed by outlets[0] (one) too" in r.stderr
    assert r.stderr.count("warning:") == 1

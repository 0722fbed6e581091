"""bughunt27: a demanding user's feeds and pages on the hostile web. Each test failed on the code before its
fix; articles are invented (no outlet's text), pages are served over loopback only."""

from __future__ import annotations

from pathlib import Path

import pytest
from loopback import Site
from pages import PARAS, article_html, rss

from claimcheck.config import parse_sources
from claimcheck.errors import FeedParseError
from claimcheck.ingest.feeds import parse_feed
from claimcheck.ingest.http import FetchSettings
from claimcheck.ingest.pipeline import FetchOptions, run_fetch
from claimcheck.store import Store

FAST = FetchSettings(timeout=5.0, retries=1, backoff=0.05)
HTML = {"Content-Type": "text/html; charset=utf-8"}
FEED_URL = "http://127.0.0.1:8000/news/feed.xml"

EMPTY_RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet Gazette</title></channel></rss>'
LINKLESS_RSS = (
    b'<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>'
    b"<title>Harbour clips</title><item><title>Ferry clip</title>"
    b'<media:content url="http://127.0.0.1:8000/ferry.mp4"/><guid isPermaLink="false">clip-1</guid></item>'
    b"</channel></rss>"
)
MALFORMED_RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Fish & Chips</title></channel>'


def _outlet(feeds: list[str]) -> str:
    return (
        f"outlets:\n  - id: gazette\n    name: Quiet Gazette\n    feeds: {feeds}\n    allow_private: true\n"
    )


# -- a feed with no items, sent as text/html -----------------------------------------------------------
@pytest.mark.parametrize("content_type", [None, "text/html; charset=utf-8", "application/octet-stream"])
def test_a_well_formed_feed_with_no_items_under_any_content_type_is_empty_not_malformed(
    content_type: str | None,
) -> None:
    """A feed with no items (a quiet section, or items that are only clips) sent as text/html, as many servers
    send RSS, or with no Content-Type, failed as `malformed feed: text/html is not an XML media type`: the
    outlet failed and the run exited 1. A feed with one linked item under the same header was read, so the
    header was never the fault. The bytes decide; a feed malformed for real is still said to be."""
    assert parse_feed(EMPTY_RSS, FEED_URL, content_type).entries == ()
    parsed = parse_feed(LINKLESS_RSS, FEED_URL, content_type)
    assert (parsed.entries, parsed.skipped) == ((), 1)
    with pytest.raises(FeedParseError, match="malformed feed: not well-formed"):
        parse_feed(MALFORMED_RSS, FEED_URL, content_type)


def test_an_empty_feed_sent_as_html_does_not_fail_its_outlet(tmp_path: Path) -> None:
    """The same through a fetch: one empty feed sent as text/html beside a feed with an article."""
    site = Site()
    try:
        site.route("/quiet.xml", EMPTY_RSS, headers=HTML)
        site.route("/news.xml", rss([{"title": "Ferry", "link": site.url("/ferry")}]), headers=HTML)
        site.route(
            "/ferry", article_html("Ferry fares rise", PARAS, "2026-03-02T06:15:00+00:00"), headers=HTML
        )
        cfg = parse_sources(_outlet([site.url("/quiet.xml"), site.url("/news.xml")]))
        with Store.open(tmp_path / "s.db") as store:
            report = run_fetch(cfg, store, FetchOptions(settings=FAST, workers=0))
            rep = report.outlets[0]
            assert (rep.feeds_ok, rep.feeds_failed, rep.empty_feeds, rep.new) == (2, 0, 1, 1), rep.reasons
            assert rep.ok
    finally:
        site.close()


# -- a feed where an article was linked ------------------------------------------------------------------
ATOM_LISTING = """<?xml version="1.0" encoding="utf-8"?>
<?xml-stylesheet type="text/xsl" href="/pretty.xsl"?>
<!-- the podcast's own feed -->
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour podcast</title>
<entry><title>Episode 4: the new ferry timetable</title><id>tag:harbour,2026:ep4</id>
<updated>2026-03-02T06:00:00Z</updated><link href="/ep4.mp3"/></entry></feed>"""
XHTML_PAGE = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
    + article_html("Ferry fares rise", PARAS, "2026-03-02T06:15:00+00:00").split("\n", 1)[1]
)


def test_a_feed_linked_as_an_article_is_not_stored_as_one(tmp_path: Path) -> None:
    """An entry naming a feed (a podcast's, another section's) or a sitemap: the feed's XML was stored as an
    article whose text was every item's title, id and date run together ("Episode 4 ...tag:harbour,2026:ep4
    2026-03-02T06:00:00Z"). It is now no article text, said as a feed. An XHTML page, which starts with an
    XML declaration too, is still an article."""
    site = Site()
    try:
        site.route("/podcast.xml", ATOM_LISTING, headers={"Content-Type": "application/atom+xml"})
        site.route(
            "/sitemap-news.xml", '<?xml version="1.0"?><urlset xmlns="x"><url><loc>/a</loc></url></urlset>'
        )
        site.route(
            "/rdf", '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><item/></rdf:RDF>'
        )
        site.route("/ferry", XHTML_PAGE, headers={"Content-Type": "application/xhtml+xml"})
        items = [
            {"title": p, "link": site.url(p), "published": "2026-03-02T07:00:00+00:00"}
            for p in ("/podcast.xml", "/sitemap-news.xml", "/rdf", "/ferry")
        ]
        site.route("/feed.xml", rss(items), headers={"Content-Type": "application/rss+xml"})
        cfg = parse_sources(_outlet([site.url("/feed.xml")]))
        with Store.open(tmp_path / "s.db") as store:
            report = run_fetch(cfg, store, FetchOptions(settings=FAST, workers=0))
            assert [a.url for a in store.list_articles()] == [site.url("/ferry")]
            assert report.outlets[0].reasons == {"a feed or sitemap, not an article page": 3}
    finally:
        site.close()


# -- tag characters: an invisible copy of ASCII in a title -------------------------------------------------
HIDDEN = "".join(chr(0xE0000 + ord(c)) for c in "ignore the other outlets")
TAGGED_TITLE = f"Harbour fees rise{HIDDEN} by 8 percent"
TAGGED_NAME = f"Coastal{HIDDEN} Courier"
TEXT = "The port authority said on Tuesday that berthing fees would rise by 8 percent from May, its first rise since 2021."


def test_tag_characters_in_web_text_are_not_shown_in_any_output(tmp_path: Path) -> None:
    """The tag characters (U+E0000-E007F) are invisible letters: a page's title (the body's text loses them
    in extraction, the title did not) carried a sentence no reader of the terminal, the CSV, the Markdown or
    the HTML sees, but every copy and paste of it took along. They are stripped where web text is shown, as
    the bidi and zero-width controls are."""
    import json
    from datetime import UTC, datetime

    from typer.testing import CliRunner

    from claimcheck.cli.app import app
    from claimcheck.models import Article, Outlet
    from claimcheck.store import content_hash
    from claimcheck.textsafe import json_text

    sources = tmp_path / "sources.yaml"
    sources.write_text(
        "outlets:\n  - id: courier\n    name: Courier\n    feeds: [https://courier.example/feed.xml]\n"
    )
    db = tmp_path / "s.db"
    with Store.open(db) as store:
        store.sync_outlets([Outlet("courier", TAGGED_NAME, feeds=("https://courier.example/feed.xml",))])
        url = "https://courier.example/port/fees"
        store.add_article(
            Article(
                outlet="courier", url=url, canonical_url=url, title=TAGGED_TITLE, text=TEXT,
                content_hash=content_hash(TEXT), fetched=datetime(2026, 3, 5, tzinfo=UTC),
                published=datetime(2026, 3, 5, 6, tzinfo=UTC),
            ),
            ["g1"],
        )  # fmt: skip
    where = ["--db", str(db), "--sources", str(sources)]
    window = ["--since", "2026-03-01", "--min-outlets", "1"]
    runner = CliRunner()
    for argv in (
        ["articles"],
        ["articles", "-f", "csv"],
        ["stories", *window],
        ["stories", *window, "-f", "markdown"],
        ["stories", *window, "-f", "csv"],
        ["compare", "berthing fees", "--since", "2026-03-01", "-f", "html"],
        ["compare", "berthing fees", "--since", "2026-03-01", "-f", "markdown"],
    ):
        r = runner.invoke(app, [*argv, *where], env={"COLUMNS": "200"})
        assert r.exit_code in (0, 1), (argv, r.output)
        assert "Harbour fees rise" in r.output or "compare" in argv, (argv, r.output)
        assert not any(0xE0000 <= ord(c) <= 0xE007F for c in r.output), argv
    r = runner.invoke(app, ["articles", "-f", "json", *where])
    assert not any(0xE0000 <= ord(c) <= 0xE007F for c in r.output)
    assert json.loads(r.output[r.output.index("[") :])[0]["title"] == "Harbour fees rise by 8 percent"
    # where JSON keeps a string whole, each tag character is a valid escape (a UTF-16 pair), not "\\ue0069"
    assert json.loads(json_text({"title": TAGGED_TITLE}))["title"] == TAGGED_TITLE


# -- a feed's password in what claimcheck says back ------------------------------------------------------
def test_a_feed_password_in_sources_yaml_is_not_said_back(tmp_path: Path) -> None:
    """sources.yaml may give a feed that needs a login as ``https://me:s3cret@host/feed`` (it is sent to that
    host alone, by design). `sources --check` printed the password whole in its warnings (a private address,
    a feed listed by two outlets) and in the error of a URL it refused: a terminal, a CI or cron log. It is
    said as ``***``, as a PostgreSQL URL's password is."""
    from typer.testing import CliRunner

    from claimcheck.cli.app import app

    runner = CliRunner()
    feed = "http://ed:s3cret@127.0.0.1:8000/members.xml"
    good = tmp_path / "good.yaml"
    good.write_text(
        f"outlets:\n  - id: members\n    name: Members\n    feeds: [{feed}]\n"
        f"  - id: copy\n    name: Copy\n    feeds: [{feed}]\n"
    )
    r = runner.invoke(app, ["sources", "--check", "--sources", str(good)])
    assert r.exit_code == 0, r.output
    assert "loopback" in r.output and "listed by" in r.output, r.output
    assert "s3cret" not in r.output and "ed:***@127.0.0.1" in r.output, r.output
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "outlets:\n  - id: members\n    name: Members\n    feeds: ['ftp://ed:s3cret@files.example/a.xml']\n"
    )
    r = runner.invoke(app, ["sources", "--check", "--sources", str(bad)])
    assert r.exit_code == 2 and "not an http(s) URL" in r.output and "s3cret" not in r.output, r.output


# -- an outlet's name as the page writes it ---------------------------------------------------------------
def test_an_outlet_name_typed_decomposed_or_with_a_no_break_space_is_read_as_pages_write_it() -> None:
    """An outlet named "Café Courier" with its é typed decomposed (e and U+0301, as some keyboards and file
    systems give it), or "Harbour Post" with a no-break space, looked right everywhere but never matched a
    page's "Café Courier": the citation was not credited to the outlet; and two outlets so named passed the
    check that no two share a name. Names and aliases are read composed, their blanks one space."""
    from claimcheck.claims import extract_claims
    from claimcheck.errors import ConfigError

    cfg = parse_sources(
        "outlets:\n"
        "  - id: cafe\n    name: 'Cafe\u0301 Courier'\n    feeds: [https://cafe.example/feed.xml]\n"
        "  - id: post\n    name: Post\n    aliases: ['Harbour\u00a0Post']\n    feeds: [https://post.example/feed.xml]\n"
    )
    assert [o.name for o in cfg.outlets] == ["Caf\u00e9 Courier", "Post"]
    assert cfg.outlets[1].aliases == ("Harbour Post",)
    aliases = {name: o.id for o in cfg.outlets for name in (o.name, *o.aliases)}
    text = "The ferry company will raise fares by 8 percent from May, Caf\u00e9 Courier reported on Tuesday."
    cited = [c.extra.get("outlet") and c.cites for c in extract_claims(text, aliases) if c.kind == "citation"]
    assert cited == ["cafe"], cited
    text = "The ferry company will raise fares by 8 percent from May, Harbour Post reported on Tuesday."
    cited = [c.extra.get("outlet") and c.cites for c in extract_claims(text, aliases) if c.kind == "citation"]
    assert cited == ["post"], cited
    with pytest.raises(ConfigError, match="also names outlets"):
        parse_sources(
            "outlets:\n"
            "  - id: a\n    name: 'Caf\u00e9 Courier'\n    feeds: [https://a.example/feed.xml]\n"
            "  - id: b\n    name: 'Cafe\u0301 Courier'\n    feeds: [https://b.example/feed.xml]\n"
        )

"""What a demanding user hits running the real CLI against a misbehaving web (real sockets on loopback)."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

from loopback import Site
from pages import PARAS, article_html, rss
from typer.testing import CliRunner

from claimcheck.cli.app import app

RSS = {"Content-Type": "application/rss+xml"}
HTML = {"Content-Type": "text/html; charset=utf-8"}


def sources(tmp_path: Path, feeds: dict[str, str]) -> Path:
    src = tmp_path / "s.yaml"
    lines = ["defaults: {timeout: 2, delay: 0, per_host: 4}", "outlets:"]
    lines += [f"  - {{id: {o}, name: {o.title()}, feeds: ['{url}']}}" for o, url in feeds.items()]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return src


def fetch(tmp_path: Path, src: Path, *more: str) -> tuple[int, str]:
    db = tmp_path / "t.db"
    r = CliRunner().invoke(
        app, ["fetch", "--allow-private", "--workers", "0", "--db", str(db), "--sources", str(src), *more]
    )
    return r.exit_code, r.stdout if "--json" in more else r.output


def test_an_empty_but_valid_feed_is_said_not_failed(site: Site, tmp_path: Path) -> None:
    """A feed that parses and lists no entry (a news sitemap holds only its last two days; a section feed on
    a quiet day) made `fetch` exit 1 as if the outlet had failed, every run, in every cron job. It is the
    publisher's state: the summary says it (a moved feed that still answers empty is worth a look), the
    outlet is ok, the exit code 0 when nothing else failed."""
    site.route(
        "/a.html", article_html("Flood barriers for Marlow", PARAS, "2025-12-10T08:00:00+01:00"), headers=HTML
    )
    site.route(
        "/alpha/feed.xml", rss([{"title": "Marlow", "link": site.url("/a.html"), "guid": "a"}]), headers=RSS
    )
    site.route("/quiet/feed.xml", rss([]), headers=RSS)
    src = sources(tmp_path, {"alpha": site.url("/alpha/feed.xml"), "quiet": site.url("/quiet/feed.xml")})
    code, out = fetch(tmp_path, src)
    assert code == 0, out
    assert "1 feed is empty (no entries)" in re.sub(r"[\s│┃]+", " ", out), out
    code, out = fetch(tmp_path, src, "--json")
    assert code == 0, out
    quiet = next(o for o in json.loads(out)["outlets"] if o["outlet"] == "quiet")
    assert (
        quiet["ok"] and quiet["empty_feeds"] == 1 and quiet["feeds"] == {"ok": 1, "unchanged": 0, "failed": 0}
    )


def test_a_feed_whose_entries_have_no_links_still_fails(site: Site, tmp_path: Path) -> None:
    """Not every empty result is the publisher's state: items without any link are a feed we cannot use."""
    site.route("/bad/feed.xml", rss([{"title": "no link"}]), headers=RSS)
    code, out = fetch(tmp_path, sources(tmp_path, {"bad": site.url("/bad/feed.xml")}))
    assert code == 1 and "no links" in out, out


def test_a_sitemap_index_none_of_whose_children_can_be_read_still_fails(site: Site, tmp_path: Path) -> None:
    """The empty feed that is no failure is one that was read: an index whose child sitemaps are all gone
    (404) or broken gave nothing because nothing could be read."""
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    site.route(
        "/index.xml",
        f'<?xml version="1.0"?><sitemapindex {ns}><sitemap><loc>{site.url("/gone.xml")}</loc>'
        "</sitemap></sitemapindex>",
        headers={"Content-Type": "application/xml"},
    )
    site.route("/gone.xml", b"", status=404)
    code, out = fetch(tmp_path, sources(tmp_path, {"maps": site.url("/index.xml")}))
    assert code == 1 and "child sitemaps could not be read" in re.sub(r"[\s│┃]+", " ", out), out


def stored_titles(tmp_path: Path, src: Path) -> dict[str, str]:
    r = CliRunner().invoke(
        app, ["articles", "--format", "json", "--db", str(tmp_path / "t.db"), "--sources", str(src)]
    )
    assert r.exit_code == 0, r.output
    return {a["url"].rsplit("/", 1)[1]: a["title"] for a in json.loads(r.stdout)}


def untitled(words: str) -> str:
    """A page with no title of its own (no <title>, og:title or heading): the feed's title is the article's."""
    return f"<html><body><article><p>{words}</p><p>{PARAS[0]}</p><p>{PARAS[1]}</p></article></body></html>"


def test_a_nul_inside_a_word_of_a_feed_title_vanishes(site: Site, tmp_path: Path) -> None:
    """A NUL (raw, or "&#0;") inside a word of a feed's title became a space there, "Gover nment", or
    feedparser's U+FFFD, "Gover\ufffdnment"; in a sitemap a raw NUL failed the whole sitemap ("Char 0x0
    out of allowed range"). A NUL is never a separator: it vanishes. The control characters that do
    separate (form feed, vertical tab, the information separators) still read as a space."""
    for i in range(4):
        site.route(f"/p{i}", untitled(f"Item {i} of the council's river report."), headers=HTML)
    items = [
        {"title": "Gover\x00nment falls", "link": site.url("/p0"), "guid": "0"},
        {"title": "Coun&#0;cil &#x0;votes&#12;again", "link": site.url("/p1"), "guid": "1"},
    ]
    site.route("/feed.xml", rss(items), headers=RSS)
    news = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'
    urls = "".join(
        f"<url><loc>{site.url(f'/p{i}')}</loc><news:news><news:title>{t}</news:title></news:news></url>"
        for i, t in ((2, "Rail\x00way strike\x1fends"), (3, "Harbour reopens"))
    )
    site.route(
        "/news.xml",
        f'<?xml version="1.0" encoding="UTF-8"?><urlset {news}>{urls}</urlset>',
        headers={"Content-Type": "application/xml"},
    )
    src = sources(tmp_path, {"feed": site.url("/feed.xml"), "maps": site.url("/news.xml")})
    code, out = fetch(tmp_path, src)
    assert code == 0, out
    assert stored_titles(tmp_path, src) == {
        "p0": "Government falls",
        "p1": "Council votes again",
        "p2": "Railway strike ends",
        "p3": "Harbour reopens",
    }


def test_a_nul_inside_a_word_of_a_page_vanishes(site: Site, tmp_path: Path) -> None:
    """The page's own title and text keep the word whole too (a guard: the page path already dropped it)."""
    page = article_html(
        "Gover\x00nment falls",
        ["The Gover\x00nment said 42 families had moved.", *PARAS],
        "2025-12-10T08:00:00+00:00",
    )
    site.route("/a.html", page, headers=HTML)
    site.route("/feed.xml", rss([{"title": "x", "link": site.url("/a.html"), "guid": "a"}]), headers=RSS)
    src = sources(tmp_path, {"feed": site.url("/feed.xml")})
    assert fetch(tmp_path, src)[0] == 0
    assert stored_titles(tmp_path, src) == {"a.html": "Government falls"}
    with sqlite3.connect(tmp_path / "t.db") as db:
        (text,) = db.execute("SELECT text FROM articles").fetchone()
    assert "The Government said 42 families" in text and "\x00" not in text, text


def test_an_unknown_outlet_names_the_sources_file_in_use(site: Site, tmp_path: Path) -> None:
    """`--sources mine.yaml --source typo` said "not in sources.yaml or the database" in compare, stories
    and articles: a file the user did not give (fetch named the right one)."""
    site.route(
        "/a.html", article_html("Flood barriers for Marlow", PARAS, "2025-12-10T08:00:00+01:00"), headers=HTML
    )
    site.route("/feed.xml", rss([{"title": "Marlow", "link": site.url("/a.html"), "guid": "a"}]), headers=RSS)
    src = sources(tmp_path, {"alpha": site.url("/feed.xml")})
    mine = src.rename(tmp_path / "mine.yaml")
    assert fetch(tmp_path, mine)[0] == 0
    for cmd in (["articles"], ["stories"], ["compare", "Marlow"]):
        r = CliRunner().invoke(
            app, [*cmd, "--source", "alpah", "--db", str(tmp_path / "t.db"), "--sources", str(mine)]
        )
        assert r.exit_code == 2, r.output
        assert f"not in {mine} or the database" in r.output and "did you mean 'alpha'" in r.output, r.output


def undated(title: str, paras: list[str]) -> str:
    """A page with no date of its own: the feed's date is the article's."""
    body = "".join(f"<p>{p}</p>" for p in paras)
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"


def test_a_feed_time_zone_given_by_name_is_not_read_as_utc(site: Site, tmp_path: Path) -> None:
    """feedparser reads every zone name but the US ones and GMT as UTC: "10:00:00 JST" (01:00 UTC) was
    stored 10:00 UTC, so a Tokyo outlet that reported at 01:00 UTC lost "first" to one that reported at
    05:00 UTC; "UTC+05:30" lost its offset too. Known names get their offsets; a name nobody can read
    gives no time (the page's own date, when it has one), as an impossible numeric zone already did."""
    times = {
        "tokyo": "Tue, 17 Feb 2026 10:00:00 JST",
        "london": "Tue, 17 Feb 2026 05:00:00 GMT",
        "delhi": "Tue, 17 Feb 2026 10:00:00 UTC+05:30",
        "nowhere": "Tue, 17 Feb 2026 03:00:00 XYZT",
    }
    for o, when in times.items():
        site.route(f"/{o}/a.html", undated(f"Marlow flood: the {o} report", PARAS), headers=HTML)
        items = [{"title": "Marlow", "link": site.url(f"/{o}/a.html"), "guid": o}]
        site.route(
            f"/{o}/feed.xml",
            rss(items).replace("<pubDate></pubDate>", f"<pubDate>{when}</pubDate>"),
            headers=RSS,
        )
    src = sources(tmp_path, {o: site.url(f"/{o}/feed.xml") for o in times})
    assert fetch(tmp_path, src)[0] == 0
    r = CliRunner().invoke(
        app, ["articles", "--format", "json", "--db", str(tmp_path / "t.db"), "--sources", str(src)]
    )
    published = {a["outlet"]: a["published"] for a in json.loads(r.stdout)}
    assert published == {
        "tokyo": "2026-02-17T01:00:00+00:00",
        "london": "2026-02-17T05:00:00+00:00",
        "delhi": "2026-02-17T04:30:00+00:00",
        "nowhere": None,
    }, published
    r = CliRunner().invoke(
        app,
        [
            "compare",
            "Marlow families",
            "--format",
            "json",
            "--db",
            str(tmp_path / "t.db"),
            "--sources",
            str(src),
        ],
    )
    assert r.exit_code == 0, r.output
    fact = next(f for f in json.loads(r.stdout)["facts"] if f["value"] and f["value"]["low"] == 42)
    assert fact["first_reported"] == {"outlet": "tokyo", "published": "2026-02-17T01:00:00+00:00"}, fact[
        "first_reported"
    ]


def test_a_gzipped_sitemap_file_is_read(site: Site, tmp_path: Path) -> None:
    """A sitemap may be a gzip file (sitemaps.org: "sitemap.xml.gz"), served as application/x-gzip with no
    Content-Encoding, often as a sitemap index's children: it was "not a feed". It is undone within the
    body cap, so a gzip bomb of a sitemap still fails alone."""
    import gzip

    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'
    site.route(
        "/a.html", article_html("Flood barriers for Marlow", PARAS, "2025-12-10T08:00:00+01:00"), headers=HTML
    )
    urlset = (
        f'<?xml version="1.0" encoding="UTF-8"?><urlset {ns}><url><loc>{site.url("/a.html")}</loc><news:news>'
        "<news:title>Marlow</news:title></news:news></url></urlset>"
    )
    gz = {"Content-Type": "application/x-gzip"}
    site.route("/news.xml.gz", gzip.compress(urlset.encode()), headers=gz)
    site.route(
        "/index.xml",
        f'<?xml version="1.0"?><sitemapindex {ns}><sitemap><loc>{site.url("/news.xml.gz")}</loc>'
        "</sitemap></sitemapindex>",
        headers={"Content-Type": "application/xml"},
    )
    site.route("/bomb.xml.gz", gzip.compress(b"<" + b" " * 30_000_000), headers=gz)
    src = sources(
        tmp_path,
        {
            "direct": site.url("/news.xml.gz"),
            "indexed": site.url("/index.xml"),
            "bomb": site.url("/bomb.xml.gz"),
        },
    )
    code, out = fetch(tmp_path, src, "--json")
    report = {o["outlet"]: o for o in json.loads(out)["outlets"]}
    # both list the one page: whichever outlet's fetch stores it first has it new, the other unchanged
    for o in ("direct", "indexed"):
        assert report[o]["unchanged"] + report[o]["new"] == 1 and report[o]["ok"], report[o]
    assert report["direct"]["new"] + report["indexed"]["new"] == 1, report
    assert not report["bomb"]["ok"] and "gzip bomb" in " ".join(report["bomb"]["reasons"]), report["bomb"]
    assert code == 1


def test_an_empty_output_name_is_refused_in_words(tmp_path: Path) -> None:
    """`-o "$OUT"` with OUT unset: `-o ""` was Path("") == "." and said "cannot write .: it is a directory";
    `demo --report ""` (or "..", "/") was an internal error ("PosixPath('.') has an empty name")."""
    from claimcheck.store import Store

    db = tmp_path / "t.db"
    Store.open(db, create=True).close()
    for cmd in (["compare", "Marlow"], ["stories"], ["articles"]):
        r = CliRunner().invoke(app, [*cmd, "--db", str(db), "-o", ""])
        assert r.exit_code == 2 and "the output file name is empty" in r.output, (cmd, r.output)
    for report, said in (
        ("", "the output file name is empty"),
        ("..", "cannot write ..: it is a directory"),
        ("/", "cannot write /: it is a directory"),
    ):
        r = CliRunner().invoke(
            app, ["demo", "--quiet", "--db", str(tmp_path / "demo.db"), "--report", report]
        )
        assert r.exit_code == 2 and said in r.output and "internal error" not in r.output, (report, r.output)
        assert not (tmp_path / "demo.db").exists()


def test_a_lone_surrogate_in_a_json_feed_fails_nothing(site: Site, tmp_path: Path) -> None:
    """A JSON Feed item whose id or title holds "\\ud800" with no partner decodes to half a character that no
    UTF-8 store can hold: the whole fetch stopped ("internal error: UnicodeEncodeError"). It becomes U+FFFD,
    as a reference to a surrogate in an XML feed does, and every item is stored."""
    for i in range(2):
        site.route(f"/p{i}", untitled(f"Item {i} of the council's river report."), headers=HTML)
    items = ",".join(
        f'{{"id":"g{i}\\ud800","url":"{site.url(f"/p{i}")}","title":"Council\\udc00 votes {i}",'
        f'"content_text":"x\\ud83d","authors":[{{"name":"Sam\\ud800"}}]}}'
        for i in range(2)
    )
    site.route(
        "/feed.json",
        '{"version":"https://jsonfeed.org/version/1.1","title":"t\\ud800","items":[' + items + "]}",
        headers={"Content-Type": "application/feed+json"},
    )
    src = sources(tmp_path, {"j": site.url("/feed.json")})
    code, out = fetch(tmp_path, src)
    assert code == 0, out
    assert stored_titles(tmp_path, src) == {"p0": "Council\ufffd votes 0", "p1": "Council\ufffd votes 1"}


def test_a_lone_surrogate_in_sources_yaml_is_a_config_error(tmp_path: Path) -> None:
    """`name: "A\\ud800"` passed `sources --check` (OK) and then `sources` and `fetch` stopped on an internal
    error (UnicodeEncodeError). It is a config error with its line and field, in every command."""
    src = tmp_path / "s.yaml"
    src.write_text('outlets:\n  - id: a\n    name: "A\\ud800b"\n    feeds: ["http://127.0.0.1:9/f.xml"]\n')
    for cmd in (["sources", "--check"], ["sources"], ["fetch"]):
        r = CliRunner().invoke(app, [*cmd, "--sources", str(src), "--db", str(tmp_path / "t.db")])
        assert (
            r.exit_code == 2 and "s.yaml:3: outlets[0].name: \\ud800 is half of a UTF-16 pair" in r.output
        ), (
            cmd,
            r.output,
        )
        assert len(r.output.strip().splitlines()) == 1, r.output
        assert "internal error" not in r.output


def test_credentials_in_a_web_link_are_neither_sent_nor_shown(site: Site, tmp_path: Path) -> None:
    """A feed link "http://alice:s3cret@host/a.html" made claimcheck send `Authorization: Basic` (to the
    page and its robots.txt) and store the link as written, so every export's evidence URL carried the
    password, and "http://www.bbc.com@host/x" reads as the BBC's page in a report while it is host's. A link
    from the web (feed entry, sitemap, redirect, refresh, canonical) loses its user and password; a feed URL
    the user wrote in sources.yaml keeps them (a private feed behind a password)."""
    host = site.base.split("//", 1)[1]
    site.route(
        "/a.html", article_html("Flood barriers for Marlow", PARAS, "2025-12-10T08:00:00+01:00"), headers=HTML
    )
    site.route("/b.html", status=302, headers={"Location": f"http://bob:pw@{host}/c.html"})
    site.route(
        "/c.html", article_html("Harbour wall repaired", PARAS, "2025-12-10T09:00:00+01:00"), headers=HTML
    )
    items = [
        {"title": "a", "link": f"http://alice:s3cret@{host}/a.html", "guid": "a"},
        {"title": "b", "link": f"http://www.bbc.com@{host}/b.html", "guid": "b"},
    ]
    site.route("/feed.xml", rss(items), headers=RSS)
    src = sources(tmp_path, {"creds": f"http://me:mine@{host}/feed.xml"})
    assert fetch(tmp_path, src)[0] == 0
    sent = {path: h.get("Authorization") for path, h in site.hits}
    assert sent["/feed.xml"] is not None  # the user's own credentials, for the user's own feed
    assert all(sent[p] is None for p in ("/a.html", "/b.html", "/c.html")), sent
    r = CliRunner().invoke(
        app, ["articles", "--format", "json", "--db", str(tmp_path / "t.db"), "--sources", str(src)]
    )
    urls = sorted(a["url"] for a in json.loads(r.stdout))
    assert urls == [site.url("/a.html"), site.url("/c.html")], urls

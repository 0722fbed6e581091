"""Hostile URLs fail alone (issue 10, item 1): in feed entries, news sitemaps, redirects and sources.yaml.

Every URL here is a loopback address (127.x.x.x, localhost) or malformed before any name could be resolved
(an unbalanced bracket, a host label over 63 characters, which Python's own IDNA codec refuses too): no
test, even against broken code, can make a DNS lookup or a connection outside loopback. The fuzz test
checks that with spies on the resolver and on the connection.
"""

from __future__ import annotations

import json
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from loopback import Site
from pages import PARAS, article_html, rss
from soundness import assert_sound
from typer.testing import CliRunner

from claimcheck.cli.app import app
from claimcheck.config import parse_sources
from claimcheck.errors import ConfigError, FetchError
from claimcheck.ingest import aionet
from claimcheck.ingest.http import FetchSettings
from claimcheck.ingest.pipeline import FetchOptions, FetchReport, run_fetch
from claimcheck.store import Store
from claimcheck.urls import fetchable_url, is_private_address

FAST = FetchSettings(timeout=1, retries=1, backoff=0.05)
HTML = {"Content-Type": "text/html; charset=utf-8"}
RSS = {"Content-Type": "application/rss+xml"}
LONG_LABEL = "a" * 64 + ".localhost"

HOSTILE = {
    "http://127.0.0.1:99999/story.html": "bad URL: port out of range",
    "http://localhost:abc/story.html": "bad URL: port is not a number",
    f"http://{LONG_LABEL}/story.html": "bad URL: host name label longer than 63 characters",
    "http://[::1/story.html": "bad URL: invalid IPv6 address",
    "https://[site_url]/story.html": "bad URL: invalid IPv6 address",
    "http://127.0.0.1:0/story.html": "bad URL: port out of range",
    "http://127.0.0.1:123456789012345678901234/": "bad URL: port out of range",
}


@pytest.mark.parametrize("url", list(HOSTILE))
def test_the_gate_names_what_is_wrong(url: str) -> None:
    with pytest.raises(FetchError) as e:
        fetchable_url(url)
    assert e.value.reason == HOSTILE[url]


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,hi", "mailto:desk@example.org", "file:///etc/passwd", "ftp://x/"]
)
def test_the_gate_refuses_other_schemes(url: str) -> None:
    with pytest.raises(FetchError, match=r"^not an http\(s\) URL$"):
        fetchable_url(url)


def test_the_gate_keeps_good_urls_as_written() -> None:
    for url in ("http://127.0.0.1:8000/a/b.html?x=1#f", "https://localhost./x", "http://[::1]:8080/"):
        assert fetchable_url(url) == url
    assert fetchable_url("../b.html", base="http://127.0.0.1:1/a/c/") == "http://127.0.0.1:1/a/b.html"


def story(site: Site, path: str, n: int) -> str:
    paras = [*PARAS, f"Report number {n} came in from the river bank late on Tuesday evening."]
    site.route(path, article_html(f"River report {n}", paras, "2025-12-10T08:00:00+01:00"), headers=HTML)
    return site.url(path)


def fetch(site: Site, db: Path, **extra_feeds: str) -> FetchReport:
    lines = ["outlets:"] + [f"  - {{id: {o}, name: {o}, feeds: ['{u}']}}" for o, u in extra_feeds.items()]
    with Store.open(db) as store:
        return run_fetch(parse_sources("\n".join(lines)), store, FetchOptions(settings=FAST, workers=0, allow_private=True))


def test_hostile_feed_links_and_redirects_fail_alone(site: Site, tmp_path: Path) -> None:
    links = [story(site, "/good.html", 1), *(u for u in HOSTILE if "[" not in u)]
    for i, target in enumerate(["javascript:alert(1)", "data:text/html,hi", "mailto:x@example.org"]):
        site.route(f"/r{i}", status=302, headers={"Location": target})
        links.append(site.url(f"/r{i}"))
    site.route("/r9", status=301, headers={"Location": "http://127.0.0.1:99999/"})
    links.append(site.url("/r9"))
    items = [{"title": f"s{i}", "link": u, "guid": f"g{i}"} for i, u in enumerate(links)]
    # feedparser itself drops a link it cannot resolve (an unbalanced bracket): such an entry has no link
    items += [{"title": "v6", "link": u} for u in HOSTILE if "[" in u]
    site.route("/feed.xml", rss(items), headers=RSS)
    site.route("/other.xml", rss([{"title": "o", "link": story(site, "/other.html", 2), "guid": "o"}]), headers=RSS)

    bad, other = fetch(site, tmp_path / "db", bad=site.url("/feed.xml"), other=site.url("/other.xml")).outlets
    assert other.ok and other.new == 1
    assert bad.new == 1 and bad.failed == len(links) - 1
    assert bad.reasons == {
        "bad URL: port out of range": 3,
        "bad URL: port is not a number": 1,
        "bad URL: host name label longer than 63 characters": 1,
        "redirect to a non-HTTP address": 3,
        "redirect to a bad URL: port out of range": 1,
    }
    assert_sound(tmp_path / "db")


def test_a_malformed_sitemap_loc_fails_alone(site: Site, tmp_path: Path) -> None:
    good = story(site, "/news/good.html", 1)
    urls = "".join(
        f"<url><loc>{escape(u)}</loc><news:news><news:publication_date>2025-12-10T08:00:00Z"
        "</news:publication_date><news:title>t</news:title></news:news></url>"
        for u in (good, "http://[::1/news/broken.html")
    )
    site.route(
        "/sitemap.xml",
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>',
        headers={"Content-Type": "application/xml"},
    )
    (r,) = fetch(site, tmp_path / "db", a=site.url("/sitemap.xml")).outlets
    assert r.new == 1 and r.failed == 1 and r.reasons == {"bad URL: invalid IPv6 address": 1}


def test_sources_check_refuses_a_url_that_cannot_be_fetched(tmp_path: Path) -> None:
    src = tmp_path / "sources.yaml"
    src.write_text(
        "outlets:\n  - id: a\n    name: A\n    feeds:\n      - http://127.0.0.1:8000/ok.xml\n"
        "      - http://127.0.0.1:99999/feed.xml\n"
    )
    r = CliRunner().invoke(app, ["sources", "--check", "--sources", str(src)])
    assert r.exit_code == 2
    lines = r.output.strip().splitlines()
    assert lines == [
        f"error: {src}:6: outlets[0].feeds[1]: cannot be fetched (bad URL: port out of range): "
        "'http://127.0.0.1:99999/feed.xml'"
    ], r.output


# -- fuzz: hostile URLs everywhere, through the real fetch over loopback ---------------------------------
LOOPBACK_HOSTS = st.one_of(
    st.just("127.0.0.1"),
    st.just("localhost"),
    st.tuples(st.integers(0, 255), st.integers(0, 255), st.integers(1, 254)).map(lambda t: "127.{}.{}.{}".format(*t)),
)
# Malformed before resolution: an unbalanced or non-IPv6 bracket, an empty label, a label over 63 characters.
MALFORMED_HOSTS = st.one_of(
    st.sampled_from(["[::1", "::1]", "[site_url]", "[127.0.0.1]", "127.0.0.1]", "[", "..", ".localhost", "a..b"]),
    st.integers(64, 300).map(lambda n: "x" * n + ".localhost"),
    st.text(alphabet="[]:.%@", min_size=1, max_size=6).filter(lambda s: "[" in s or "]" in s or ".." in s),
)
PORTS = st.one_of(
    st.just("{PORT}"),
    st.sampled_from(["", ":", ":0", ":99999", ":-1", ":abc", ":65536", ":8o", ":\u0663", ":" + "9" * 30]),
    st.integers(1, 65535).map(lambda p: f":{p}"),
)
SCHEMES = st.sampled_from(["http", "https", "HTTP", "javascript", "data", "mailto", "ftp", "file", "gopher"])
PATHS = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=12).map(lambda t: "/" + t)
URLS = st.builds(
    lambda scheme, host, port, path: f"{scheme}://{host}{port}{path}",
    SCHEMES,
    st.one_of(LOOPBACK_HOSTS, MALFORMED_HOSTS),
    PORTS,
    PATHS,
)


@pytest.fixture(scope="module")
def fuzz_site() -> Iterator[Site]:
    s = Site()
    yield s
    s.close()


def _spies(mp: pytest.MonkeyPatch, contacted: list[str]) -> None:
    """Wrap the resolver and the connection (both still do their work) to see where traffic goes."""
    real_getaddrinfo, real_connect = socket.getaddrinfo, aionet.connect_tcp

    def getaddrinfo(host, *args, **kw):  # type: ignore[no-untyped-def]
        h = host.decode() if isinstance(host, bytes) else str(host)
        assert h == "localhost" or h.startswith("127.") or h == "::1", f"DNS lookup of {h!r}"
        return real_getaddrinfo(host, *args, **kw)

    async def connect_tcp(address: str, *args, **kw):  # type: ignore[no-untyped-def]
        contacted.append(address)
        assert address == "::1" or address.startswith("127."), f"connection to {address!r}"
        return await real_connect(address, *args, **kw)

    mp.setattr(socket, "getaddrinfo", getaddrinfo)
    mp.setattr(aionet, "connect_tcp", connect_tcp)


@pytest.mark.slow  # CI's second run (pyproject.toml)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(URLS, min_size=4, max_size=4))
def test_fuzzed_urls_in_feeds_sitemaps_redirects_and_sources_fail_alone(fuzz_site: Site, urls: list[str]) -> None:
    site = fuzz_site
    port = str(site.httpd.server_address[1])
    entry, loc, redirect, source = (u.replace("{PORT}", f":{port}") for u in urls)
    good = story(site, "/good.html", 1)
    site.route("/r", status=302, headers={"Location": redirect.encode("utf-8").decode("latin-1")})
    items = [{"title": t, "link": escape(u), "guid": t} for t, u in (("g", good), ("e", entry), ("r", site.url("/r")))]
    site.route("/feed.xml", rss(items), headers=RSS)
    site.route(
        "/sitemap.xml",
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{escape(loc)}</loc></url><url><loc>{escape(story(site, '/good2.html', 2))}</loc></url></urlset>",
        headers={"Content-Type": "application/xml"},
    )
    text = (
        "outlets:\n"
        f"  - {{id: feed, name: Feed, feeds: ['{site.url('/feed.xml')}']}}\n"
        f"  - {{id: map, name: Map, sitemaps: ['{site.url('/sitemap.xml')}']}}\n"
        f"  - {{id: src, name: Src, feeds: [{json.dumps(source)}]}}\n"
    )
    try:
        sources = parse_sources(text)
    except ConfigError as e:
        assert str(e).startswith("sources.yaml:4: outlets[2].feeds[0]: ") and "\n" not in str(e), str(e)
        sources = parse_sources(text.rsplit("  - {id: src", 1)[0])
    contacted: list[str] = []
    with tempfile.TemporaryDirectory() as tmp, pytest.MonkeyPatch.context() as mp:
        _spies(mp, contacted)
        with Store.open(Path(tmp) / "t.db") as store:
            report = run_fetch(sources, store, FetchOptions(settings=FAST, workers=0, allow_private=True))
        assert_sound(Path(tmp) / "t.db")
    by_id = {o.outlet: o for o in report.outlets}
    assert by_id["feed"].new >= 1 and by_id["map"].new >= 1, report
    for o in report.outlets:
        for reason in o.reasons:
            assert reason and "\n" not in reason and len(reason) <= 80, reason
    assert all(is_private_address(a) for a in contacted)


@pytest.mark.parametrize("url", ["ftp://example.org/a", "http://", "http://exa mple.org/", "https://a.example:99999/"])
def test_a_url_the_gate_refuses_is_a_permanent_failure(url: str) -> None:
    """The fetch pipeline reads the flag, not the message, to decide whether to ask again (issue 11)."""
    from claimcheck.errors import FetchError
    from claimcheck.urls import fetchable_url

    with pytest.raises(FetchError) as e:
        fetchable_url(url)
    assert e.value.permanent


def test_an_extraction_that_finds_no_text_raises_no_article_text() -> None:
    from claimcheck.errors import NoArticleText
    from claimcheck.ingest.extract import extract_page

    with pytest.raises(NoArticleText):
        extract_page(b"<html><head><title>t</title></head><body></body></html>", "https://news.example/a")


_HOSTS = st.one_of(
    st.lists(st.text("abcxyz019_-", min_size=1, max_size=6), min_size=1, max_size=4).map(".".join),
    st.lists(st.integers(0, 999).map(str), min_size=4, max_size=4).map(".".join),  # IPv4, or not quite
    st.sampled_from(["127.0.0.2", "localhost", "xn--bcher-kva.example", "1a2b3c4", "0.0.0.0.", "ex.com."]),
)
_RESTS = st.lists(st.sampled_from([*"/?#%@:[]{} \"'\\^`|~é\u00a0aZ0", "%2F", "%zz"]), max_size=12).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    scheme=st.sampled_from(["http", "https", "HTTP", "hTTps"]),
    host=_HOSTS,
    port=st.one_of(st.none(), st.integers(0, 99999)),
    rest=_RESTS,
)
def test_a_url_passed_without_httpx_is_one_httpx_accepts(scheme: str, host: str, port: int | None, rest: str) -> None:
    """The gate skips httpx's own check for plain URLs (reading sources.yaml then needs no httpx, #14):
    every URL it passes that way, httpx accepts."""
    import httpx

    from claimcheck import urls

    url = f"{scheme}://{host}{'' if port is None else f':{port}'}{'/' if rest else ''}{rest}"
    try:
        fetchable_url(url)
    except FetchError:
        assert not urls._plain(url) or not _passes_own_checks(url)
        return
    if urls._plain(url):
        httpx.URL(url)  # raises if the shortcut let through what httpx refuses


def _passes_own_checks(url: str) -> bool:
    """Whether the gate's checks before httpx's pass (the shortcut is only taken after them)."""
    from urllib.parse import urlsplit

    from claimcheck import urls

    try:
        parts = urlsplit(url)
        port = parts.port
        urls._check_host(parts.hostname or "", bracketed=False)
    except (ValueError, FetchError):
        return False
    return bool(parts.hostname) and port != 0


def test_plain_urls_take_the_shortcut_and_odd_ones_ask_httpx() -> None:
    from claimcheck import urls

    for url in ("http://127.0.0.2:8080/feed.xml", "https://www.example.com/news/rss?x=1&y=%20#top", "http://a_b.example."):
        assert urls._plain(url) and fetchable_url(url) == url
    for url in ("http://999.1.1.1/", "http://[::1]/", "http://bücher.example/", "http://a.com/a b"):
        assert not urls._plain(url)
    with pytest.raises(FetchError):
        fetchable_url("http://999.1.1.1/")  # httpx's word: not an IPv4 address

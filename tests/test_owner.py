"""One page in two outlets' feeds: which outlet holds the article (claimcheck/store/owner.py) never depends on
whose write lands first: the outlet whose host serves the page, else the smaller outlet id; on both
backends, one write at a time or in a batch, and over real sockets in a fetch."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from loopback import Site
from pages import PARAS, article_html, rss

from claimcheck.config import parse_sources
from claimcheck.ingest.http import FetchSettings
from claimcheck.ingest.pipeline import FetchOptions, run_fetch
from claimcheck.models import Article, Outlet
from claimcheck.store import Store, content_hash
from claimcheck.store.owner import host_match, outranks

FAST = FetchSettings(timeout=2.0, retries=1, backoff=0.05)


def test_host_match_reads_editions_and_subdomains() -> None:
    own = ["https://www.harbourgazette.example", "https://feeds.harbourgazette.example/rss"]
    assert host_match("https://harbourgazette.example/city/ferry-fares", own) == 2
    assert host_match("https://m.harbourgazette.example/city/ferry-fares", own) == 2
    assert host_match("https://sport.harbourgazette.example/cup-final", own) == 1
    assert host_match("https://valleytimes.example/harbourgazette.example", own) == 0
    assert host_match("https://notharbourgazette.example/x", own) == 0
    assert host_match("not a url", own) == 0 and host_match("https://a.example/", [None, ""]) == 0
    # the better match first, then the smaller id, whatever the order asked
    assert outranks(("zeta", 2), ("alpha", 1)) and not outranks(("alpha", 1), ("zeta", 2))
    assert outranks(("alpha", 0), ("zeta", 0)) and not outranks(("zeta", 0), ("alpha", 0))


def _article(outlet: str, url: str, text: str) -> Article:
    return Article(
        outlet=outlet, url=url, canonical_url=url.split("?")[0], title="Ferry fares rise", text=text,
        content_hash=content_hash(text), fetched=datetime(2026, 3, 2, tzinfo=UTC),
    )  # fmt: skip


OUTLETS = [
    Outlet("gazette", "Harbour Gazette", homepage="https://www.harbourgazette.example"),
    Outlet("aggregator", "News Roundup", homepage="https://roundup.example"),
    Outlet("valley", "Valley Times", homepage="https://valleytimes.example"),
]
TEXT = "The ferry company said fares would rise by 12 percent from April, the third rise in two years."


def _owner(store: Store, url: str) -> tuple[str, str, dict[str, str]]:
    rows = store.list_articles()
    assert len(rows) == 1
    statuses = {
        outlet: status
        for outlet, status in store._read(  # type: ignore[attr-defined]
            store.dialect.sql("SELECT outlet, status FROM entries WHERE url LIKE ?"),  # type: ignore[attr-defined]
            (url.split("?")[0] + "%",),
        )
    }
    return rows[0].outlet, rows[0].url, statuses


@pytest.mark.parametrize("batch", [False, True], ids=["one-by-one", "batch"])
def test_the_outlet_whose_host_serves_the_page_holds_it_in_either_order(
    store_target: str, batch: bool
) -> None:
    url = "https://www.harbourgazette.example/city/ferry-fares"
    for i, order in enumerate((["aggregator", "gazette"], ["gazette", "aggregator"])):
        with Store.open(store_target if i == 0 else _fresh(store_target)) as s:
            s.sync_outlets(OUTLETS)
            items = [(_article(o, url + f"?utm_source={o}", TEXT), [f"{o}-guid"]) for o in order]
            if batch:
                results = s.add_articles(items)
                assert not any(isinstance(r, Exception) for r in results)
            else:
                for a, keys in items:
                    s.add_article(a, keys)
            outlet, stored_url, statuses = _owner(s, url)
            assert outlet == "gazette", order
            assert stored_url == url + "?utm_source=gazette"  # the owner's own link
            assert statuses == {"gazette": "stored", "aggregator": "duplicate"}  # the second listing kept
            assert s.seen_entries("aggregator", ["aggregator-guid"]) == {
                "aggregator-guid"
            }  # not fetched again


_N = [0]


def _fresh(target: str) -> str:
    """Another empty database beside ``target`` (an SQLite file; a PostgreSQL database of the cluster)."""
    _N[0] += 1
    if "://" not in target:
        return str(Path(target).with_name(f"other{_N[0]}.db"))
    base, _, name = target.rpartition("/")
    import psycopg

    with psycopg.connect(target, autocommit=True) as db:
        db.execute(f'CREATE DATABASE "{name}_{_N[0]}"')
    return f"{base}/{name}_{_N[0]}"


def test_when_no_host_serves_the_page_the_smaller_id_holds_it_in_any_order(store_target: str) -> None:
    url = "https://wire.example/2026/ferry-fares"  # neither outlet's site
    orders = [
        ["valley", "aggregator", "gazette"],
        ["gazette", "valley", "aggregator"],
        ["aggregator", "valley"],
    ]
    for i, order in enumerate(orders):
        with Store.open(store_target if i == 0 else _fresh(store_target)) as s:
            s.sync_outlets(OUTLETS)
            for o in order:
                s.add_article(_article(o, url, TEXT), [f"{o}-guid"])
            assert _owner(s, url)[0] == "aggregator", order


def test_the_owner_keeps_its_own_copy_when_it_holds_the_same_text_elsewhere(tmp_path: Path) -> None:
    """The store keeps one article per outlet and text: an owner that holds the same text under another
    URL leaves the listed copy where it is (no failed write)."""
    with Store.open(tmp_path / "c.db") as s:
        s.sync_outlets(OUTLETS)
        s.add_article(_article("gazette", "https://www.harbourgazette.example/print/ferry", TEXT), ["p"])
        s.add_article(_article("valley", "https://www.harbourgazette.example/city/ferry", TEXT), ["v"])
        moved = s.add_articles(
            [(_article("gazette", "https://www.harbourgazette.example/city/ferry", TEXT), ["g"])]
        )
        assert not isinstance(moved[0], Exception)
        assert sorted(r.outlet for r in s.list_articles()) == ["gazette", "valley"]


# -- over real sockets: two outlets' feeds list one page ------------------------------------------------
def _serve(site: Site, other: Site) -> None:
    page = article_html(
        "Ferry fares rise again", [*PARAS, "The ferry company gave no reason."], "2026-03-02T08:00:00+00:00"
    )
    site.route("/city/ferry-fares.html", page, headers={"Content-Type": "text/html; charset=utf-8"})
    link = site.url("/city/ferry-fares.html")
    for s, path in ((site, "/gazette.xml"), (other, "/roundup.xml")):
        s.route(path, rss([{"title": "Ferry fares", "link": link, "guid": path, "published": "2026-03-02T07:00:00+00:00"}]),
                headers={"Content-Type": "application/rss+xml"})  # fmt: skip


def _sources(site: Site, other: Site, first: str) -> str:
    gazette = f"  - id: zgazette\n    name: Harbour Gazette\n    feeds: [{site.url('/gazette.xml')}]\n"
    roundup = (
        f"  - id: aroundup\n    name: News Roundup\n    feeds: [{other.url('/roundup.xml')}]\n"
        f"    allow_private_hosts: ['{site.base.split('//')[1]}']\n"
    )
    return "outlets:\n" + (gazette + roundup if first == "gazette" else roundup + gazette)


def test_fetch_gives_the_page_to_the_outlet_whose_host_serves_it_every_run(tmp_path: Path) -> None:
    """The gazette's page at 127.0.0.1, listed by its own feed and by a round-up's feed at 127.0.0.2: the
    gazette holds it, whichever outlet comes first in sources.yaml and whichever write lands first (the
    round-up's id sorts first, so the id rule alone would give it the page)."""
    site, other = Site(), Site(host="127.0.0.2")
    try:
        _serve(site, other)
        for run in range(2):  # the round-up first in sources.yaml, then the gazette
            cfg = parse_sources(_sources(site, other, "gazette" if run % 2 else "roundup"))
            with Store.open(tmp_path / f"run{run}.db") as store:
                report = run_fetch(cfg, store, FetchOptions(settings=FAST, workers=0, allow_private=True))
                assert report.ok, report
                # the summary says who holds it, whichever write came first
                counts = {r.outlet: (r.new, r.unchanged) for r in report.outlets}
                assert counts == {"zgazette": (1, 0), "aroundup": (0, 1)}, (run, counts)
                rows = store.list_articles()
                assert [r.outlet for r in rows] == ["zgazette"], run
                link = site.url("/city/ferry-fares.html")
                assert store.seen_entries("aroundup", [link]) == {link}  # its listing kept: not fetched again
    finally:
        site.close()
        other.close()


@pytest.mark.parametrize("batch", [False, True], ids=["one-by-one", "batch"])
def test_three_postgresql_fetchers_writing_at_once_agree_on_the_owner(pg_url: str, batch: bool) -> None:
    """Three fetchers store the same 20 pages for three outlets at the same instant: every page ends with
    the outlet whose host serves it, each other outlet's entries say duplicate (a compare-and-set move)."""
    import threading

    with Store.open(pg_url) as s:
        s.sync_outlets(OUTLETS)
    stores = [Store.open(pg_url) for _ in OUTLETS]
    start = threading.Barrier(len(OUTLETS))

    def write(store: Store, outlet: str) -> None:
        items = [
            (
                _article(outlet, f"https://www.harbourgazette.example/ferry/{k}", f"{TEXT} Sailing {k}."),
                [f"{outlet}{k}"],
            )
            for k in range(20)
        ]
        start.wait()
        if batch:
            assert not any(isinstance(r, Exception) for r in store.add_articles(items))
        else:
            for a, keys in items:
                store.add_article(a, keys)

    try:
        threads = [
            threading.Thread(target=write, args=(s, o.id)) for s, o in zip(stores, OUTLETS, strict=True)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        rows = stores[0].list_articles()
        assert len(rows) == 20 and {r.outlet for r in rows} == {"gazette"}
        statuses = stores[0]._read("SELECT outlet, status, count(*) FROM entries GROUP BY 1, 2 ORDER BY 1, 2")  # type: ignore[attr-defined]
        assert [tuple(r) for r in statuses] == [
            ("aggregator", "duplicate", 20),
            ("gazette", "stored", 20),
            ("valley", "duplicate", 20),
        ]
    finally:
        for s in stores:
            s.close()


def test_every_listing_shows_the_other_outlet_whose_feed_lists_the_page(tmp_path: Path) -> None:
    """The page is stored once, under the gazette; that the round-up's feed lists it too was kept in the
    store (its entry) but no command said so: `articles` (table, JSON, CSV) and compare's evidence (JSON,
    Markdown, CSV, HTML) now name it beside the outlet that holds the page."""
    import csv
    import io
    import json

    from typer.testing import CliRunner

    from claimcheck.cli.app import app

    site, other = Site(), Site(host="127.0.0.2")
    try:
        _serve(site, other)
        src = tmp_path / "sources.yaml"
        src.write_text(_sources(site, other, "roundup"), encoding="utf-8")
        db = tmp_path / "f.db"
        with Store.open(db) as store:
            assert run_fetch(
                parse_sources(src.read_text()),
                store,
                FetchOptions(settings=FAST, workers=0, allow_private=True),
            ).ok
    finally:
        site.close()
        other.close()
    common = ["--db", str(db), "--sources", str(src), "-q"]

    def out(*args: str) -> str:
        r = CliRunner().invoke(app, [*args, *common], env={"COLUMNS": "120"})
        assert r.exit_code == 0, r.output
        return r.stdout

    [row] = json.loads(out("articles", "--format", "json"))
    assert row["outlet"] == "zgazette" and row["also_listed_by"] == ["aroundup"]
    [line] = csv.DictReader(io.StringIO(out("articles", "--format", "csv")))
    assert line["outlet"] == "zgazette" and line["also_listed_by"] == "aroundup"
    assert "zgazette (+aroundup)" in out("articles")
    report = json.loads(out("compare", "ferry", "--min-outlets", "1", "--format", "json"))
    mentions = [m for f in report["facts"] for m in f["mentions"]]
    assert mentions and all(
        m["outlet"] == "zgazette" and m["also_listed_by"] == ["aroundup"] for m in mentions
    )
    assert [o["id"] for o in report["outlets"]] == ["zgazette"]  # counted once, under its owner
    assert "also in the feed of News Roundup):" in out(
        "compare", "ferry", "--min-outlets", "1", "--format", "markdown"
    )
    rows = list(csv.DictReader(io.StringIO(out("compare", "ferry", "--min-outlets", "1", "--format", "csv"))))
    assert rows and {r["also_listed_by"] for r in rows} == {"aroundup"}
    assert "also in the feed of News Roundup" in out(
        "compare", "ferry", "--min-outlets", "1", "--format", "html"
    )
    listing = ["stories", "--since", "2026-01-01", "--min-outlets", "1", "--no-cache"]
    [story] = json.loads(out(*listing, "--format", "json"))["stories"]
    assert [(a["outlet"], a["also_listed_by"]) for a in story["articles"]] == [("zgazette", ["aroundup"])]
    [line] = csv.DictReader(io.StringIO(out(*listing, "--format", "csv")))
    assert line["outlet"] == "zgazette" and line["also_listed_by"] == "aroundup"
    assert "(also in the feed of " in out(*listing, "--format", "markdown")


def test_the_store_says_which_other_outlets_list_a_page_on_both_backends(store_target: str) -> None:
    url = "https://www.harbourgazette.example/city/ferry-fares"
    with Store.open(store_target) as s:
        s.sync_outlets(OUTLETS)
        for o in ("valley", "gazette", "aggregator"):
            s.add_article(_article(o, url + f"?utm_source={o}", TEXT), [f"{o}-guid"])
        other = _article("valley", "https://valleytimes.example/bridge", TEXT + " The bridge stays shut.")
        s.add_article(other, ["v2"])
        s.add_article(
            _article("valley", "https://valleytimes.example/bridge-copy", other.text), ["v3"]
        )  # own copy
        rows = {r.url: r for r in s.list_articles()}
        assert rows[url + "?utm_source=gazette"].also_listed == ("aggregator", "valley")
        assert (
            rows["https://valleytimes.example/bridge"].also_listed == ()
        )  # its own second link is no other outlet
        found = s.search("ferry")
        assert {a.outlet: a.also_listed for a in found} == {"gazette": ("aggregator", "valley"), "valley": ()}
        stored = {o.id: o for o in s.stored_outlets()}
        assert (
            stored["gazette"].name == "Harbour Gazette" and stored["gazette"].homepage == OUTLETS[0].homepage
        )


def test_articles_of_an_outlet_list_the_pages_its_feeds_list_that_another_holds(store_target: str) -> None:
    """bughunt15: `articles --source aggregator` left out the page the aggregator's feed lists, held by the
    gazette, though `articles` shows it as "gazette (+aggregator)". It is listed, under its holder; the
    other outlets' own articles are not, and `compare`/`stats` still count the page once, under its holder."""
    url = "https://www.harbourgazette.example/city/ferry-fares"
    with Store.open(store_target) as s:
        s.sync_outlets(OUTLETS)
        for o in ("valley", "gazette", "aggregator"):
            s.add_article(_article(o, url + f"?utm_source={o}", TEXT), [f"{o}-guid"])
        s.add_article(_article("valley", "https://valleytimes.example/bridge", TEXT + " The bridge stays shut."), ["v2"])
        rows = s.list_articles(outlets=["aggregator"])
        assert [(r.outlet, r.also_listed) for r in rows] == [("gazette", ("aggregator", "valley"))]
        assert len(s.list_articles(outlets=["valley"])) == 2 and len(s.list_articles(outlets=["gazette"])) == 1
        assert s.list_articles(outlets=["aggregator"], since=datetime(2100, 1, 1, tzinfo=UTC)) == []
        assert [a.outlet for a in s.search("ferry", outlets=["aggregator"])] == []  # compare: the holder's

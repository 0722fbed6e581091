"""bughunt23: what a demanding user hits on the hostile web, on bad input and on two machines. Each test
failed on the code before its fix; pages and feeds are served over real sockets on loopback."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from loopback import Site
from pages import PARAS, article_html, rss
from typer.testing import CliRunner

from claimcheck.cli.app import app
from claimcheck.config import parse_sources
from claimcheck.ingest.http import FetchSettings
from claimcheck.ingest.pipeline import FetchOptions, run_fetch
from claimcheck.models import Article, Outlet
from claimcheck.store import Store, content_hash
from tests import test_owner

runner = CliRunner()
FAST = FetchSettings(timeout=5.0, retries=1, backoff=0.05)
RSS = {"Content-Type": "application/rss+xml"}
HTML = {"Content-Type": "text/html; charset=utf-8"}

# -- a page two outlets list, and whose listing date the stored article takes ---------------------------
GAZETTE_DATE = "2026-03-02T07:00:00+00:00"  # the feed of the outlet whose host serves the page
ROUNDUP_DATE = "2026-03-04T18:30:00+00:00"  # a round-up's feed, listing it two days later


def _undated_page(site: Site) -> str:
    """A page whose own tags give no date (no published_time, no JSON-LD): its date is a feed's."""
    page = re.sub(r'<meta property="article:published_time"[^>]*>', "", article_html("Ferry fares rise again", PARAS, ""))
    site.route("/city/ferry-fares.html", page, headers=HTML, delay=0.2)
    return site.url("/city/ferry-fares.html")


def _two_feeds(site: Site, other: Site, link: str, first: str) -> str:
    site.route("/gazette.xml", rss([{"title": "Ferry fares", "link": link, "guid": "g", "published": GAZETTE_DATE}]), headers=RSS)
    other.route("/roundup.xml", rss([{"title": "Ferry fares", "link": link, "guid": "r", "published": ROUNDUP_DATE}]), headers=RSS)
    hosts = "    allow_private_hosts: ['127.0.0.1', '127.0.0.2']\n"  # one access: the download is shared
    gazette = f"  - id: zgazette\n    name: Harbour Gazette\n    feeds: [{site.url('/gazette.xml')}]\n{hosts}"
    roundup = f"  - id: aroundup\n    name: News Roundup\n    feeds: [{other.url('/roundup.xml')}]\n{hosts}"
    return "outlets:\n" + (gazette + roundup if first == "gazette" else roundup + gazette)


@pytest.mark.parametrize("first", ["roundup", "gazette"])
def test_a_page_two_outlets_list_without_a_date_of_its_own_takes_its_owners_listing_date(
    tmp_path: Path, first: str
) -> None:
    """bughunt20 and 22 left it: the page was stored with the feed date of the outlet whose download came
    first (the round-up's, listed first in sources.yaml), though it is shown under the gazette, whose host
    serves it. The stored date is now the page's own, else its owner's feed date, in any order."""
    site, other = Site(), Site(host="127.0.0.2")
    try:
        cfg = parse_sources(_two_feeds(site, other, _undated_page(site), first))
        with Store.open(tmp_path / "s.db") as store:
            assert run_fetch(cfg, store, FetchOptions(settings=FAST, workers=0)).ok
            [row] = store.list_articles()
        assert site.paths_hit().count("/city/ferry-fares.html") == 1  # downloaded once, as before
        assert (row.outlet, row.also_listed) == ("zgazette", ("aroundup",))
        assert row.published == datetime.fromisoformat(GAZETTE_DATE), row.published
    finally:
        site.close()
        other.close()


OUTLETS = [
    Outlet("gazette", "Harbour Gazette", homepage="https://www.harbourgazette.example"),
    Outlet("aggregator", "News Roundup", homepage="https://roundup.example"),
]
TEXT = "The ferry company said fares would rise by 12 percent from April, the third rise in two years."
DATES = {"gazette": datetime(2026, 3, 2, 7, tzinfo=UTC), "aggregator": datetime(2026, 3, 4, 18, 30, tzinfo=UTC)}


def _listing(outlet: str, published: datetime | None) -> Article:
    url = "https://www.harbourgazette.example/city/ferry-fares"
    return Article(
        outlet=outlet, url=url + f"?utm_source={outlet}", canonical_url=url, title="Ferry fares rise", text=TEXT,
        content_hash=content_hash(TEXT), fetched=datetime(2026, 3, 5, tzinfo=UTC), published=published,
    )  # fmt: skip


@pytest.mark.parametrize("batch", [False, True], ids=["one-by-one", "batch"])
def test_the_article_moved_to_its_owner_takes_the_owners_date_on_both_backends(store_target: str, batch: bool) -> None:
    """The owner rule (store/owner.py) moved the article's outlet and link, not its date: written first by
    the aggregator, the gazette's article kept the aggregator's date. A move now sets the owner's date; an
    owner whose listing gives none keeps the date stored."""
    for order, dated in ((["aggregator", "gazette"], True), (["gazette", "aggregator"], True), (["aggregator", "gazette"], False)):
        target = store_target if order == ["aggregator", "gazette"] and dated else _fresh(store_target)
        with Store.open(target) as s:
            s.sync_outlets(OUTLETS)
            items = [(_listing(o, DATES[o] if dated or o != "gazette" else None), [f"{o}-guid"]) for o in order]
            if batch:
                assert not any(isinstance(r, Exception) for r in s.add_articles(items))
            else:
                for a, keys in items:
                    s.add_article(a, keys)
            [row] = s.list_articles()
            assert row.outlet == "gazette"
            assert row.published == (DATES["gazette"] if dated else DATES["aggregator"]), (order, dated)


_fresh = test_owner._fresh  # another empty database beside a target, as the owner tests make them


def test_an_outlets_listing_date_is_read_as_the_page_would_be_for_it() -> None:
    """The page's own date wins over any feed's; a page with none, or with a bare day or local time a feed's
    zoned time falls in, takes the listing outlet's date (extract_page's rule, applied per outlet)."""
    from claimcheck.ingest.decode import published_for
    from claimcheck.ingest.extract import extract_page

    body = article_html("Ferry fares rise again", PARAS, "2026-03-02T06:15:00+00:00")
    a, b = datetime(2026, 3, 2, 7, tzinfo=UTC), datetime(2026, 3, 4, 18, 30, tzinfo=UTC)
    page = extract_page(body, "http://127.0.0.1:9/p.html", known_date=a)
    assert published_for(page, b) == published_for(page, None) == datetime(2026, 3, 2, 6, 15, tzinfo=UTC)
    undated = extract_page(body.replace("2026-03-02T06:15:00+00:00", ""), "http://127.0.0.1:9/p.html", known_date=a)
    assert undated.published == a and published_for(undated, b) == b and published_for(undated, None) == a
    day = extract_page(body.replace("2026-03-02T06:15:00+00:00", "2026-03-02"), "http://127.0.0.1:9/p.html", known_date=a)
    assert day.published == a and published_for(day, a) == a  # the feed's time falls in the page's day
    assert published_for(day, b) == datetime(2026, 3, 2, tzinfo=UTC)  # b does not: the page's day stands


# -- a file where a folder was meant ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "command", [["stats"], ["articles"], ["stories"], ["compare", "ferry"], ["reindex"], ["fetch"], ["demo"]]
)
def test_a_database_under_a_file_says_the_file_is_not_a_folder(tmp_path: Path, command: list[str]) -> None:
    """`--db plain.txt/x.db`: readers said "no database here yet", fetch "no folder plain.txt" (bughunt22
    left it), though plain.txt is there: a file where a folder was meant. Each now says so; the file is kept."""
    (tmp_path / "plain.txt").write_text("notes\n", encoding="utf-8")
    for db in ("plain.txt/x.db", "plain.txt/sub/x.db"):
        r = runner.invoke(app, [*command, "--db", str(tmp_path / db)])
        assert r.exit_code == 2, r.output
        assert f"{tmp_path / 'plain.txt'} is a file, not a folder" in r.output, r.output
        assert "no database here yet" not in r.output and "no folder" not in r.output
    assert (tmp_path / "plain.txt").read_text(encoding="utf-8") == "notes\n"
    r = runner.invoke(app, [*command, "--db", str(tmp_path / "missing" / "x.db")])  # no such folder: as before
    assert r.exit_code == 2 and "is a file" not in r.output


def test_migrate_store_and_an_output_under_a_file_say_the_file_is_not_a_folder(tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_text("notes\n", encoding="utf-8")
    db = tmp_path / "s.db"
    Store.open(db).close()
    bad = str(tmp_path / "plain.txt" / "x.db")
    for args in (["migrate-store", bad, str(tmp_path / "y.db")], ["migrate-store", str(db), bad],
                 ["articles", "--db", str(db), "-o", str(tmp_path / "plain.txt" / "r.csv")]):  # fmt: skip
        r = runner.invoke(app, args)
        assert r.exit_code == 2 and "plain.txt is a file, not a folder" in r.output, (args, r.output)


@pytest.mark.parametrize(
    "command", [["compare", "ferry"], ["stories"], ["articles"], ["demo", "--report"]], ids=lambda c: c[0]
)
@pytest.mark.parametrize("name", [".csv", "out/.MD", ".jsonl", ".html"])
def test_an_output_named_only_by_an_extension_is_refused_before_the_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], name: str
) -> None:
    """`-o .csv` wrote the terminal table (a dot file has no extension: Path(".csv").suffix is "") into a
    hidden file named .csv, which `ls` does not show and a spreadsheet cannot read (bughunt22 left it)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    db = tmp_path / "s.db"
    Store.open(db).close()
    r = runner.invoke(app, [*command, name, "--db", str(db)] if command[0] == "demo" else [*command, "--db", str(db), "-o", name])
    assert r.exit_code == 2, r.output
    assert "the name is only an extension" in r.output
    assert (f"such as report{Path(name).name.lower()}" in r.output) == (name != ".jsonl")  # (no name it refuses)
    assert sorted(p.name for p in tmp_path.rglob("*") if p.name != "s.db") == ["out"]


def test_a_hidden_file_with_a_name_before_its_extension_is_still_written(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    Store.open(db).close()
    _add_one(db)
    r = runner.invoke(app, ["articles", "--db", str(db), "-o", str(tmp_path / ".ferry.csv")])
    assert r.exit_code == 0, r.output
    assert (tmp_path / ".ferry.csv").read_text(encoding="utf-8").startswith("id,outlet,")


def _add_one(db: Path) -> None:
    with Store.open(db) as s:
        s.sync_outlets(OUTLETS)
        s.add_article(_listing("gazette", DATES["gazette"]), ["g"])


# -- migrate-store stopped half-way into an empty PostgreSQL database ------------------------------------
def _schema(url: str) -> list[tuple[str, str]]:
    """What the database's schema holds, besides what every new database holds (the plpgsql extension)."""
    import psycopg

    with psycopg.connect(url) as db:
        return sorted(
            db.execute(
                "SELECT relkind::text, relname::text FROM pg_class WHERE relnamespace = current_schema()::regnamespace "
                "UNION ALL SELECT 'F', cfgname::text FROM pg_ts_config WHERE cfgnamespace = current_schema()::regnamespace "
                "UNION ALL SELECT 'E', extname::text FROM pg_extension WHERE extname <> 'plpgsql'"
            ).fetchall()
        )


@pytest.mark.parametrize("users_extension", [False, True])
def test_a_copy_into_postgresql_stopped_half_way_leaves_the_empty_database_as_it_was(
    pg_cluster: object, monkeypatch: pytest.MonkeyPatch, users_extension: bool
) -> None:
    """Ctrl-C while migrate-store copied an SQLite store into an empty PostgreSQL database said "nothing
    copied, DEST is as it was" but left claimcheck's (empty) schema there (bughunt22 left it). What the copy
    created is dropped again; what the user made there before is kept; the run again copies everything."""
    from test_compare_demo import demo_store

    from claimcheck.store import TABLES
    from claimcheck.store.pg import PgStore

    url = pg_cluster.empty_database()  # type: ignore[attr-defined]
    import psycopg

    if users_extension:
        with psycopg.connect(url, autocommit=True) as db:  # made by the user before the copy: kept
            db.execute("CREATE EXTENSION unaccent")
    before = _schema(url)
    assert before == ([("E", "unaccent")] if users_extension else [])
    real = PgStore.import_rows

    def stop_at_claims(self: PgStore, table: str, rows: object) -> None:
        if table == "claims":
            raise KeyboardInterrupt  # a Ctrl-C arriving while the claims are copied
        real(self, table, rows)  # type: ignore[arg-type]

    src = demo_store().db
    monkeypatch.setattr(PgStore, "import_rows", stop_at_claims)
    r = runner.invoke(app, ["migrate-store", str(src), url])
    assert r.exit_code == 130 and "is as it was" in r.stderr, r.output
    assert _schema(url) == before
    monkeypatch.undo()
    r = runner.invoke(app, ["migrate-store", str(src), url, "--json"])
    assert r.exit_code == 0, r.output
    with Store.open(src, create=False) as a, Store.open(url, create=False) as b:
        for t in TABLES:
            assert list(b.export_rows(t)) == list(a.export_rows(t)) and b.count_rows(t) > 0, t


def test_a_copy_into_an_empty_file_stopped_half_way_leaves_it_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`touch copy.db; migrate-store news.db copy.db`, stopped: the file was left an empty claimcheck store
    (its schema, 100 KB), though the line said "copy.db is as it was". It is made empty again."""
    from test_compare_demo import demo_store

    from claimcheck.store import TABLES, SqliteStore

    src, dest = demo_store().db, tmp_path / "copy.db"
    dest.touch()
    real = SqliteStore.import_rows

    def stop_at_claims(self: SqliteStore, table: str, rows: object) -> None:
        if table == "claims":
            raise KeyboardInterrupt
        real(self, table, rows)  # type: ignore[arg-type]

    monkeypatch.setattr(SqliteStore, "import_rows", stop_at_claims)
    r = runner.invoke(app, ["migrate-store", str(src), str(dest)])
    assert r.exit_code == 130 and "is as it was" in r.stderr, r.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.db"] and dest.stat().st_size == 0
    monkeypatch.undo()
    assert runner.invoke(app, ["migrate-store", str(src), str(dest), "-q"]).exit_code == 0
    with Store.open(src, create=False) as a, Store.open(dest, create=False) as b:
        assert all(b.count_rows(t) == a.count_rows(t) > 0 for t in TABLES)


# -- a value said back whole ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "args",
    [
        ["articles", "--since", "9" * 4000 + "d"],
        ["compare", "!" * 100_000],
        ["fetch", "--shard", "1/" * 50_000],
        ["articles", "--since", "2026-01-01", "--until", "2025-01-01" + " " * 5000],
    ],
    ids=["relative-time", "punctuation-topic", "shard", "until-before-since"],
)
def test_a_value_said_back_is_cut_in_the_lines_bughunt22_missed(tmp_path: Path, args: list[str]) -> None:
    """bughunt22 cut the values error lines say back at 100 characters; four lines still said them whole (a
    4,000-digit relative --since, a topic of 100,000 punctuation marks, --shard, --until before --since)."""
    db = tmp_path / "s.db"
    _add_one(db)
    r = runner.invoke(app, [*args, "--db", str(db)])
    assert r.exit_code == 2, r.output
    assert len(r.output) < 300 and len(r.output.strip().splitlines()) == 1, r.output[:300]


# -- a charset label that is no charset of the Web -------------------------------------------------------
def test_a_feed_or_page_labelled_with_a_codec_that_is_no_web_charset_is_read_as_its_bytes_are(tmp_path: Path) -> None:
    """A feed served as `charset=punycode` stopped the whole run: `internal error: UnicodeError` (Python's
    punycode codec raises no UnicodeDecodeError). A page of plain ASCII labelled `cp500` (EBCDIC) was stored
    as garbage, and `utf-7` rewrote "+AGE-" in its text. Browsers ignore such labels; so does claimcheck."""
    site = Site()
    try:
        paras = [*PARAS, "Harbour dues rose by +5% and the port board called it fair +AGE- for all."]
        for path, label in (("/a.html", "punycode"), ("/b.html", "cp500"), ("/c.html", "utf-7")):
            site.route(path, article_html(f"Harbour dues story {path[1]}", paras, "2026-11-30T08:00:00+00:00"),
                       headers={"Content-Type": f"text/html; charset={label}"})  # fmt: skip
        items = [{"title": p, "link": site.url(p), "guid": p} for p in ("/a.html", "/b.html", "/c.html")]
        site.route("/feed.xml", rss(items), headers={"Content-Type": "application/rss+xml; charset=punycode"})
        site.route("/feed2.xml", rss(items[:1]), headers={"Content-Type": "application/rss+xml; charset=cp500"})
        cfg = parse_sources(
            f"outlets:\n  - {{id: alpha, name: Alpha, feeds: ['{site.url('/feed.xml')}']}}\n"
            f"  - {{id: beta, name: Beta, feeds: ['{site.url('/feed2.xml')}']}}\n"
        )
        with Store.open(tmp_path / "s.db") as store:
            report = run_fetch(cfg, store, FetchOptions(settings=FAST, workers=0, allow_private=True))
            assert report.ok, report
            rows = {r.title: r for r in store.list_articles()}
            assert sorted(rows) == [f"Harbour dues story {k}" for k in "abc"]
            assert rows["Harbour dues story a"].also_listed == ("beta",)  # the cp500 feed read too
            texts = {a.title: a.text for a in store.search("harbour dues")}
            assert all("+5% and the port board called it fair +AGE- for all." in t for t in texts.values()), texts
    finally:
        site.close()


def test_only_the_webs_charsets_are_taken_from_a_label() -> None:
    import codecs

    from claimcheck.ingest.decode import decode_html, web_charset

    for label in ("utf-8", "windows-1252", "iso-8859-2", "koi8-r", "cp1251", "gbk", "gb18030", "big5", "shift_jis",
                  "euc-jp", "iso-2022-jp", "euc-kr", "mac-roman", "cp874", "windows-1258"):  # fmt: skip
        assert web_charset(codecs.lookup(label).name), label
    for label in ("cp500", "cp037", "utf-7", "utf-16-le", "utf-32", "punycode", "idna", "unicode_escape"):
        assert not web_charset(codecs.lookup(label).name), label
    page = "<html><head><meta charset=windows-1251></head><body><p>Порт поднял сборы</p></body></html>"
    assert "Порт поднял сборы" in decode_html(page.encode("cp1251"), "text/html; charset=windows-1251")


def test_an_outlet_named_twice_is_said_once(tmp_path: Path) -> None:
    """`stories --source bbc --source bbc` (a script that adds its outlet twice) said "from bbc, bbc"."""
    db = tmp_path / "s.db"
    _add_one(db)
    for command in (["stories"], ["articles"], ["compare", "ferry"]):
        r = runner.invoke(app, [*command, "--db", str(db), "--source", "gazette", "--source", "gazette", "--since", "2030-01-01"])
        assert r.exit_code == 1 and "from gazette since" in r.output and "gazette, gazette" not in r.output, r.output


def test_a_database_url_with_its_scheme_in_capitals_connects(pg_url: str) -> None:
    """`--db POSTGRESQL://...` (a scheme is case-insensitive, RFC 3986) was taken for a server, then handed
    to libpq as it was, which reads the scheme in lower case only: `missing "=" after "POSTGRESQL://..." in
    connection info string`, the whole URL said back."""
    from claimcheck.paths import db_target

    assert db_target("PostgreSQL://u@127.0.0.1:1/News") == "postgresql://u@127.0.0.1:1/News"  # only the scheme
    scheme, rest = pg_url.split("://", 1)
    r = runner.invoke(app, ["stats", "--db", f"{scheme.upper()}://{rest}", "--json"])
    assert r.exit_code == 0, r.output


@pytest.mark.parametrize("name", ["facts.csv.gz", "facts.zip", "facts.md.bz2", "facts.json.xz", "facts.csv.zst"])
def test_a_compressed_output_name_is_refused_as_a_format_claimcheck_does_not_write(tmp_path: Path, name: str) -> None:
    """`-o facts.csv.gz` wrote plain text under a gzip name (gunzip and pandas refuse it), with or without
    --format csv. It is refused before the work, as `-o facts.xlsx` is."""
    db = tmp_path / "s.db"
    _add_one(db)
    for extra in ([], ["--format", "csv"]):
        r = runner.invoke(app, ["articles", "--db", str(db), "-o", str(tmp_path / name), *extra])
        assert r.exit_code == 2 and "does not write" in r.output, r.output
    assert not (tmp_path / name).exists()


def test_a_schema_the_user_built_on_meanwhile_is_kept_and_emptied(pg_cluster: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """The drop of item 4 never takes what is not the copy's: a view the user made on the new tables during
    the copy makes the drop fail; it is rolled back alone, and the tables are kept, emptied."""
    import psycopg
    from test_compare_demo import demo_store

    from claimcheck.store import TABLES
    from claimcheck.store.pg import PgStore

    url = pg_cluster.empty_database()  # type: ignore[attr-defined]
    real = PgStore.import_rows

    def view_then_stop(self: PgStore, table: str, rows: object) -> None:
        if table == "claims":
            with psycopg.connect(url, autocommit=True) as db:
                db.execute("CREATE VIEW my_titles AS SELECT title FROM articles")
            raise KeyboardInterrupt
        real(self, table, rows)  # type: ignore[arg-type]

    monkeypatch.setattr(PgStore, "import_rows", view_then_stop)
    r = runner.invoke(app, ["migrate-store", str(demo_store().db), url])
    assert r.exit_code == 130 and "Traceback" not in r.output, r.output
    with Store.open(url, create=False) as s:
        assert all(s.count_rows(t) == 0 for t in TABLES)
    with psycopg.connect(url) as db:
        assert db.execute("SELECT count(*) FROM my_titles").fetchone() == (0,)

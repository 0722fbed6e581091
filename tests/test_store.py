from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from claimcheck.errors import StoreError
from claimcheck.models import Article, Claim, Interval, Outlet
from claimcheck.store import SCHEMA_VERSION, Store, content_hash, fts_query


def art(outlet: str, url: str, text: str, title: str = "Belarus frees prisoners", **kw: object) -> Article:
    return Article(
        outlet=outlet,
        url=url,
        canonical_url=url,
        title=title,
        text=text,
        content_hash=content_hash(text),
        fetched=datetime(2025, 12, 14, tzinfo=UTC),
        **kw,  # type: ignore[arg-type]
    )


CLAIM = Claim(
    "number",
    "123",
    "Belarus freed 123 political prisoners.",
    14,
    17,
    value=Interval.exact(123),
    unit="political prisoners",
    qualifier="exact",
    when="on Saturday",
    extra={"context": ["free"]},
)


def test_schema_tables_wal_and_version(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.db") as s:
        tables = {r[0] for r in s.db.execute("SELECT name FROM sqlite_master WHERE type IN ('table')")}
        assert {"outlets", "feeds", "articles", "claims", "entries", "articles_fts"} <= tables
        assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert s.db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    # Plain SQLite: another tool opens it.
    con = sqlite3.connect(tmp_path / "c.db")
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 0


def test_article_and_claims_round_trip_and_dedupe(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.db") as s:
        a = art(
            "bbc",
            "https://bbc.example/1",
            "Belarus freed 123 political prisoners.",
            claims=(CLAIM,),
            published=datetime(2025, 12, 13, 10, tzinfo=UTC),
        )
        aid, new = s.add_article(a, ["guid-1"])
        assert new
        assert s.add_article(a, ["guid-2"]) == (aid, False)  # same canonical URL
        same_text = art("bbc", "https://bbc.example/other", a.text)
        assert s.add_article(same_text, ["guid-3"]) == (aid, False)  # same text, same outlet
        other_outlet = art("cbs", "https://cbs.example/1", a.text)
        assert s.add_article(other_outlet)[1]  # a syndicated copy elsewhere is its own article
        assert s.seen_entries("bbc", ["guid-1", "guid-2", "guid-3", "guid-4"]) == {
            "guid-1",
            "guid-2",
            "guid-3",
        }
        got = s.get_article(aid)
        assert got is not None and got.claims == (CLAIM,)
        assert got.published == datetime(2025, 12, 13, 10, tzinfo=UTC)
        assert s.stats().articles == 2


def test_search_stems_filters_and_ranks(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.db") as s:
        s.add_article(
            art(
                "bbc",
                "https://x/1",
                "Minsk freed many political prisoners on Saturday.",
                published=datetime(2025, 12, 13, tzinfo=UTC),
            )
        )
        s.add_article(
            art(
                "dw",
                "https://x/2",
                "A prisoner was freed.",
                title="Other",
                published=datetime(2025, 12, 1, tzinfo=UTC),
            )
        )
        s.add_article(art("dw", "https://x/3", "Football results.", title="Sport"))
        assert {a.url for a in s.search("prisoner")} == {"https://x/1", "https://x/2"}  # stemmed
        assert [a.url for a in s.search("prisoner")][0] == "https://x/1"  # title match ranks first
        assert [a.url for a in s.search("prisoner", since=datetime(2025, 12, 10, tzinfo=UTC))] == [
            "https://x/1"
        ]
        assert [a.url for a in s.search("prisoner", until=datetime(2025, 12, 10, tzinfo=UTC))] == [
            "https://x/2"
        ]
        assert [a.url for a in s.search("prisoner", outlets=["dw"])] == ["https://x/2"]
        assert len(s.search("prisoner", limit=1)) == 1
        assert s.search("zebra") == []
        # FTS5 syntax in user text is just words.
        assert s.search('prisoner" OR NEAR(x') == [] and s.search("AND OR NOT") == []
        assert "prisoners" in s.suggest("prisonr")  # words as written, not porter stems


def test_fts_query_quotes_every_term() -> None:
    assert fts_query('belarus "political prisoners" -x') == '"political prisoners" "belarus" "x"'
    assert fts_query("***") == ""


def test_replace_claims_and_outlets(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.db") as s:
        aid, _ = s.add_article(art("bbc", "https://x/1", "text one", claims=(CLAIM,)))
        s.replace_claims(aid, [])
        assert s.get_article(aid).claims == ()  # type: ignore[union-attr]
        s.sync_outlets([Outlet("bbc", "BBC News", aliases=("BBC",))])
        s.sync_outlets([Outlet("bbc", "BBC World")])
        assert s.outlet_names() == {"bbc": "BBC World"}


def test_feed_state_keeps_validators(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.db") as s:
        s.save_feed_state(
            "bbc", "https://f", status=200, error=None, etag='"v1"', last_modified="Sat, 13 Dec 2025"
        )
        s.save_feed_state("bbc", "https://f", status=304, error=None)
        assert s.feed_state("bbc", "https://f") == ('"v1"', "Sat, 13 Dec 2025")


def test_a_failed_write_leaves_nothing_half_written(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.db") as s:
        bad_claim = Claim(
            "number", "x", "s", 0, 1, extra={"bad": object()}
        )  # not JSON: fails mid-transaction
        with pytest.raises(TypeError):
            s.add_article(art("bbc", "https://x/1", "some text", claims=(CLAIM, bad_claim)), ["g"])
        assert s.stats().articles == 0 and s.stats().claims == 0
        assert s.seen_entries("bbc", ["g"]) == set()


@pytest.mark.parametrize(
    "content,message",
    [
        (b"this is not a database at all", "not an SQLite database"),
        (b"SQLite format 3\x00" + b"\x00" * 200, "corrupt"),
    ],
)
def test_not_sqlite_or_corrupt_is_refused_untouched(tmp_path: Path, content: bytes, message: str) -> None:
    p = tmp_path / "c.db"
    p.write_bytes(content)
    with pytest.raises(StoreError, match=message):
        Store.open(p)
    assert p.read_bytes() == content


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "c.db"
    Store.open(p).close()
    con = sqlite3.connect(p)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    with pytest.raises(StoreError, match="newer than this claimcheck"):
        Store.open(p)


def test_a_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "other.db"
    con = sqlite3.connect(p)
    con.execute("CREATE TABLE stuff (x)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="not a claimcheck one"):
        Store.open(p)


def test_missing_database_when_reading(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="run 'claimcheck fetch' first"):
        Store.open(tmp_path / "none.db", create=False)


def test_a_batch_keeps_every_article_but_the_one_that_fails(store_target: str) -> None:
    with Store.open(store_target) as s:
        bad_claim = Claim("number", "x", "s", 0, 1, extra={"bad": object()})  # not JSON
        results = s.add_articles(
            [
                (art("bbc", "https://x/1", "first text"), ["g1"]),
                (art("bbc", "https://x/2", "second text", claims=(CLAIM, bad_claim)), ["g2"]),
                (art("bbc", "https://x/3", "third text", claims=(CLAIM,)), ["g3"]),
                (art("bbc", "https://x/1", "first text"), ["g4"]),  # a duplicate of the first, in the batch
            ]
        )
        assert isinstance(results[1], TypeError)
        first, third, dup = results[0], results[2], results[3]
        assert first[1] and third[1] and dup == (first[0], False)
        assert s.stats().articles == 2 and s.stats().claims == 1
        assert s.seen_entries("bbc", ["g1", "g2", "g3", "g4"]) == {"g1", "g3", "g4"}


def test_a_batch_settles_duplicates_as_one_by_one(store_target: str) -> None:
    """PostgreSQL writes a batch in a few statements: an article stored already, two in the batch with one
    text or one URL, and an entry key twice come out as SQLite's one-by-one writes do."""
    with Store.open(store_target) as s:
        old, _ = s.add_article(art("bbc", "https://x/old", "an older text"), ["g0"])
        claims = (CLAIM, replace(CLAIM, start=3, end=9))
        results = s.add_articles(
            [
                (art("bbc", "https://x/a", "text of a", claims=claims), ["g1"]),
                (art("bbc", "https://x/old", "the old one, changed"), ["g2"]),  # stored already (by URL)
                (art("bbc", "https://x/c", "text of a", claims=claims), ["g3"]),  # a's text: a duplicate
                (art("bbc", "https://x/a", "a again, changed"), iter(["g1", "g4"])),  # a's URL; g1 twice
                (art("dw", "https://y/e", "an older text", claims=(CLAIM,), language="de"), ["g1"]),  # new
            ]
        )
        a, e = results[0], results[4]
        assert a[1] and e[1] and a[0] != e[0]  # type: ignore[index]
        assert results[1:4] == [(old, False), (a[0], False), (a[0], False)]  # type: ignore[index]
        assert s.stats().articles == 3 and s.stats().claims == 3
        assert s.seen_entries("bbc", ["g0", "g1", "g2", "g3", "g4", "g5"]) == {"g0", "g1", "g2", "g3", "g4"}
        assert s.seen_entries("dw", ["g1"]) == {"g1"}
        assert [c.start for c in s.get_article(a[0]).claims] == [3, 14]  # type: ignore[index, union-attr]
        assert s.get_article(e[0]).language == "de"  # type: ignore[index, union-attr]


def test_window_rows_and_cut_texts_match_window_articles(store_target: str) -> None:
    """stories reads the window as columns and its texts on demand: the same articles, fields and cut
    texts as window_articles, on both backends (curly quotes and non-Latin text counted in characters)."""
    long = "Début “quoted” " + "x" * 1200 + " Минск " + "y" * 700 + " fin."
    with Store.open(store_target) as s:
        s.add_articles(
            [
                (art("bbc", "https://bbc.example/1", long, author="Ann", published=datetime(2025, 12, 13, tzinfo=UTC)), []),
                (art("dw", "https://dw.example/2", "Short text.", title="Minsk"), []),
                (art("bbc", "https://bbc.example/3", "Later " * 400, published=datetime(2025, 12, 20, tzinfo=UTC)), []),
            ]
        )  # fmt: skip
        since = datetime(2025, 12, 1, tzinfo=UTC)
        until = datetime(2025, 12, 15, tzinfo=UTC)
        whole = s.window_articles(since=since, until=until)
        rows = s.window_rows(since=since, until=until)
        assert [a.url for a in whole] == rows.urls == ["https://bbc.example/1", "https://dw.example/2"]
        assert rows.ids == [a.id for a in whole] and rows.outlets == ["bbc", "dw"]
        assert rows.titles == [a.title for a in whole] and rows.canonical_urls == [
            a.canonical_url for a in whole
        ]
        assert rows.authors == ["Ann", None] and rows.published == [a.published for a in whole]
        assert rows.fetched == [a.fetched for a in whole]
        assert len(s.window_rows(outlets=["dw"])) == 1
        ids = [*reversed(rows.ids), 10_000]  # any order; an unknown id gives ""
        cut = s.cut_texts(ids, head=1000, tail=600)
        assert cut == [whole[1].text, whole[0].text, ""]
        assert cut[1] == long[:1000] + "\n\n" + long[-600:]
        assert s.cut_texts(ids, head=20) == ["Short text.", long[:20], ""]


def test_articles_and_stats_tables_say_undated(tmp_path: Path) -> None:
    """An article with no publication date showed an empty 'published (UTC)' cell (and stats empty first
    and last dates), which reads as a missing column; the stories table already says "undated"."""
    from typer.testing import CliRunner

    from claimcheck.cli.app import app

    db = tmp_path / "u.db"
    with Store.open(db) as store:
        store.add_article(art("bbc", "https://example.org/a", "Belarus freed 123 political prisoners."))
    runner = CliRunner()
    r = runner.invoke(app, ["articles", "--db", str(db)], env={"COLUMNS": "120"})
    assert r.exit_code == 0, r.output
    assert "undated" in r.stdout
    r = runner.invoke(app, ["stats", "--db", str(db)], env={"COLUMNS": "120"})
    assert r.exit_code == 0, r.output
    row = next(line for line in r.stdout.splitlines() if "bbc" in line)
    assert row.count("undated") == 2
    data = runner.invoke(app, ["articles", "--db", str(db), "--format", "json"]).stdout
    assert '"published": null' in data


def test_reindex_counts_only_the_articles_stored_when_it_began(tmp_path: Path) -> None:
    """A fetch storing articles while reindex ran made it report "31 of 30" (and its progress bar run past
    its end). Articles stored after it began were extracted by the current extractor already: reindex
    stops at the ones it counted."""
    from claimcheck.ingest.reindex import reindex
    from claimcheck.models import Defaults, Sources

    db = tmp_path / "r.db"
    with Store.open(db) as store:
        for i in range(3):
            store.add_article(art("bbc", f"https://example.org/{i}", f"Belarus freed {120 + i} prisoners."))
        seen: list[tuple[int, int]] = []

        def fetch_meanwhile(done: int, total: int) -> None:
            seen.append((done, total))
            if done == 1:  # another process stores an article while reindex runs
                with Store.open(db) as other:
                    other.add_article(art("dw", "https://example.org/new", "Belarus freed 200 prisoners."))

        report = reindex(store, Sources("sources.yaml", Defaults(), ()), progress=fetch_meanwhile)
    assert (report.articles, report.of) == (3, 3)
    assert all(done <= total for done, total in seen)


def test_articles_no_match_says_the_window_with_its_zone(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from claimcheck.cli.app import app

    db = tmp_path / "w.db"
    with Store.open(db) as store:
        store.add_article(art("bbc", "https://example.org/a", "Belarus freed 123 political prisoners."))
    r = CliRunner().invoke(
        app, ["articles", "--db", str(db), "--since", "2030-01-01", "--until", "2030-01-01T09:00"]
    )
    assert r.exit_code == 1
    assert "between 2030-01-01 00:00 UTC and 2030-01-01 09:00 UTC" in r.stderr, r.stderr


def test_an_entry_to_try_again_is_not_seen_and_counts_its_runs(store_target: str) -> None:
    """bughunt15: a page with no article text is asked for again on the next runs: its entry's status
    'retry N: ...' leaves it out of seen_entries, and entry_tries reads N (the largest of its keys)."""
    from claimcheck.store import retry_status

    with Store.open(store_target) as s:
        s.sync_outlets([Outlet("a", "A")])
        assert s.entry_tries("a", ["g1", "l1"]) == 0
        s.mark_entries("a", ["g1", "l1"], "https://a.example/1", retry_status(2, "no article text found"))
        s.mark_entries("a", ["g2"], "https://a.example/2", "failed: no article text found")
        assert s.seen_entries("a", ["g1", "l1", "g2"]) == {"g2"}
        assert s.entry_tries("a", ["g1", "l1"]) == 2 and s.entry_tries("a", ["g2"]) == 0
        s.add_article(art("a", "https://a.example/1", "The river rose by two metres on Sunday."), ["g1", "l1"])
        assert s.seen_entries("a", ["g1", "l1"]) == {"g1", "l1"} and s.entry_tries("a", ["g1"]) == 0

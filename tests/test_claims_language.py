"""Which language an article is in, and that only English text gets claims (issue 12; docs/evaluation-claims.md).

Sample texts are our own, written for these tests.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from loopback import Site
from pages import article_html, rss
from typer.testing import CliRunner

from claimcheck.claims import extract_claims
from claimcheck.claims.language import decide_language, is_english, primary, text_language
from claimcheck.cli.app import app
from claimcheck.config import parse_sources
from claimcheck.ingest.extract import extract_page
from claimcheck.ingest.pipeline import FetchOptions, run_fetch
from claimcheck.ingest.reindex import reindex
from claimcheck.ingest.worker import process_page
from claimcheck.migrations import MIGRATIONS
from claimcheck.models import Article, Defaults, Outlet, Sources
from claimcheck.store import Store, content_hash

ENGLISH = (
    "The city council said on Tuesday that 42 people had been moved out of their homes after the river rose "
    "overnight. Officials expect the water to fall by the weekend, and the mayor told reporters that the "
    "damage was less than it had been in the flood of the previous year."
)
GERMAN = (
    "Der Stadtrat teilte am Dienstag mit, dass 42 Menschen ihre Wohnungen verlassen mussten, nachdem der Fluss "
    "in der Nacht gestiegen war. Die Behörden erwarten, dass das Wasser bis zum Wochenende sinkt, und der "
    "Bürgermeister sagte, der Schaden sei geringer als bei dem Hochwasser im vergangenen Jahr."
)
PORTUGUESE = (
    "A prefeitura informou na terça-feira que 42 pessoas tiveram de deixar as suas casas depois que o rio subiu "
    "durante a noite. As autoridades esperam que a água baixe até o fim de semana, e o prefeito disse que o "
    "prejuízo foi menor do que na enchente do ano passado, quando mais de 300 famílias ficaram sem casa."
)
INDONESIAN = (
    "Pemerintah kota mengatakan pada hari Selasa bahwa 42 orang harus meninggalkan rumah mereka karena air sungai "
    "naik pada malam hari. Petugas berharap air akan surut sebelum akhir pekan, dan wali kota mengatakan bahwa "
    "kerusakan ini lebih kecil dari banjir yang terjadi pada tahun lalu."
)
RUSSIAN = (
    "Городской совет сообщил во вторник, что 42 человека были вынуждены покинуть свои дома после того, как река "
    "поднялась ночью. Власти ожидают, что вода спадёт к выходным."
)
KOREAN = "시의회는 화요일 강물이 밤사이 불어나 42명이 집을 떠나야 했다고 밝혔다. 당국은 주말까지 물이 빠질 것으로 예상한다."
# An English box score and an ingredient list: few function words of any language, no verdict from the text.
BOX_SCORE = "\n".join(f"Hawks {n} Lions {n + 3}\nSmith 12 pts, Jones 9 reb, Brown 7 ast" for n in range(10, 40, 3))


@pytest.mark.parametrize(
    ("text", "language"),
    [(ENGLISH, "en"), (GERMAN, "de"), (PORTUGUESE, "pt"), (INDONESIAN, "id"), (RUSSIAN, "ru"), (KOREAN, "ko")],
)
def test_text_language(text: str, language: str) -> None:
    assert text_language(text) == language


def test_short_or_profileless_text_is_undecided() -> None:
    assert text_language("Seven people were hurt.") is None
    assert text_language(BOX_SCORE) is None


def test_only_english_text_gets_claims() -> None:
    assert any(c.kind == "number" for c in extract_claims(ENGLISH))
    for text in (GERMAN, PORTUGUESE, INDONESIAN, RUSSIAN, KOREAN):
        assert extract_claims(text) == [], text[:30]


def test_a_decided_language_overrides_the_text() -> None:
    assert extract_claims(ENGLISH, language="de") == []
    assert extract_claims(ENGLISH, language="en-GB") != []


@pytest.mark.parametrize(
    ("text", "declared", "configured", "language"),
    [
        (GERMAN, "en-US", None, "de"),  # a template's lang="en-US" on a German page: the text wins
        (ENGLISH, "de", "de", "en"),  # an English page of a German outlet
        (BOX_SCORE, "en", "de", "en"),  # the text says nothing: the page's declaration
        (BOX_SCORE, None, "pt", "pt"),  # then the outlet's configured language
        (BOX_SCORE, None, None, None),  # nothing says: read as English
        (RUSSIAN, "uk", None, "uk"),  # a language of the same script that the text cannot tell apart
        (GERMAN, "fr", None, "de"),  # a Latin-script language the profiles know: the text wins
    ],
)
def test_decide_language(text: str, declared: str | None, configured: str | None, language: str | None) -> None:
    assert decide_language(text, declared, configured) == language


def test_primary_and_is_english() -> None:
    assert [primary(t) for t in ("en-US", "pt_BR", "DE", "", "und", "x-default", None)] == [
        "en", "pt", "de", None, None, None, None,
    ]  # fmt: skip
    assert is_english(None) and is_english("en-GB") and not is_english("ko")


def _page(lang_attr: str, body: str) -> bytes:
    paragraphs = "".join(f"<p>{s}.</p>" for s in body.split(". "))
    return (
        f"<!DOCTYPE html><html{lang_attr}><head><title>River</title></head><body><article><h1>River</h1>"
        f"{paragraphs}</article></body></html>"
    ).encode()


def test_the_page_declares_its_language_and_the_worker_decides() -> None:
    url = "http://127.0.0.1:1/a"
    assert extract_page(_page(' lang="pt-BR"', PORTUGUESE), url).language == "pt"
    page, claims = process_page(_page(' lang="en-US"', GERMAN), url, "text/html", {})
    assert (page.language, claims) == ("de", [])
    page, claims = process_page(_page("", ENGLISH), url, "text/html", {})
    assert page.language == "en" and claims


def test_real_pages_in_other_languages_are_told_apart() -> None:
    """The hand-labelled languages of the real pages (tests/data/claims_real_languages.json) against the
    text's verdict: every page not in English is found, and no English page is read as another language."""
    from claims_eval import load_real_pages, other_language_pages

    pages = load_real_pages()
    if pages is None:
        pytest.skip("no real data")
    other = other_language_pages()
    verdicts = {page: text_language(text) for page, text in pages.items()}
    assert {p: v for p, v in verdicts.items() if p in other and v != other[p]} == {}
    assert sorted(p for p, v in verdicts.items() if p not in other and v not in ("en", None)) == []


def test_languages_file_is_by_reference() -> None:
    data = json.loads((Path(__file__).parent / "data" / "claims_real_languages.json").read_text(encoding="utf-8"))
    assert all(len(p) == 64 and len(lang) == 2 for p, lang in data["pages"].items())


def _article(url: str, text: str, language: str | None, claims: tuple = ()) -> Article:  # type: ignore[type-arg]
    return Article(
        outlet="paper", url=url, canonical_url=url, title="River", text=text, content_hash=content_hash(text),
        fetched=datetime(2026, 1, 5, tzinfo=UTC), claims=claims, language=language,
    )  # fmt: skip


def test_the_language_is_stored_and_reindex_decides_it_again(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    sources = Sources(str(tmp_path / "s.yaml"), Defaults(), (Outlet("paper", "Paper", language="pt"),))
    with Store.open(db) as s:
        # stored by an older claimcheck: no language, claims from German text
        german = s.add_article(_article("http://127.0.0.1:1/de", GERMAN, None, tuple(extract_claims(GERMAN, language="en"))))[0]
        english = s.add_article(_article("http://127.0.0.1:1/en", ENGLISH, "de"))[0]
        box = s.add_article(_article("http://127.0.0.1:1/box", BOX_SCORE, None))[0]
        assert s.get_article(german).claims and s.list_articles()[0].language is None  # type: ignore[union-attr]
        reindex(s, sources)
        found = {a.id: a for a in s.iter_articles()}
        assert (found[german].language, s.get_article(german).claims) == ("de", ())  # type: ignore[union-attr]
        assert found[english].language == "en" and s.get_article(english).claims  # type: ignore[union-attr]
        assert found[box].language == "pt"  # the text says nothing: the outlet's configured language
        assert {r.id: r.language for r in s.list_articles()} == {german: "de", english: "en", box: "pt"}


def test_a_database_of_the_first_schema_gains_the_language_column(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    con = sqlite3.connect(db)
    MIGRATIONS[0].sqlite(con)
    con.execute("PRAGMA user_version = 1")
    con.execute(
        "INSERT INTO articles (outlet, url, canonical_url, title, fetched, text, content_hash) "
        "VALUES ('paper', 'u', 'u', 't', '2026-01-05T00:00:00+00:00', 'some text', 'h')"
    )
    con.commit()
    con.close()
    with Store.open(db) as s:
        assert [a.language for a in s.iter_articles()] == [None]
        assert s.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) >= 2


def test_fetch_stores_the_language_and_the_outlets_setting_comes_last(site: Site, tmp_path: Path) -> None:
    """Over loopback: a short page (too short for the text to tell) of an outlet configured ``language:
    de`` is German, with no claims; the same page of an outlet with no setting is read as English; a
    long English page of the German outlet is English, with claims."""
    brief = "Seven people were hurt when a bus hit a wall on the high street, police said on Monday."
    pages = {"/plain/brief.html": [brief], "/de/brief.html": [brief], "/de/long.html": ENGLISH.split(". ")}
    for path, paragraphs in pages.items():
        site.route(path, article_html("Bus crash", paragraphs, "2026-01-05T08:00:00+00:00"),
                   headers={"Content-Type": "text/html; charset=utf-8"})  # fmt: skip
    for outlet in ("plain", "de"):
        links = [{"title": "Bus crash", "link": site.url(p), "guid": p, "published": "2026-01-05T07:00:00+00:00"}
                 for p in pages if p.startswith(f"/{outlet}/")]  # fmt: skip
        site.route(f"/{outlet}/feed.xml", rss(links), headers={"Content-Type": "application/rss+xml"})
    config = parse_sources(
        "outlets:\n"
        f"  - id: plain\n    name: Plain News\n    feeds: [{site.url('/plain/feed.xml')}]\n"
        f"  - id: de\n    name: Zeitung\n    language: de\n    feeds: [{site.url('/de/feed.xml')}]\n"
    )
    with Store.open(tmp_path / "c.db") as store:
        assert run_fetch(config, store, FetchOptions(workers=0, allow_private=True)).ok
        stored = {a.url.rsplit("/", 2)[-2] + "/" + a.url.rsplit("/", 1)[-1]: a for a in store.iter_articles()}
        got = {k: (a.language, bool(store.get_article(a.id or 0).claims)) for k, a in stored.items()}  # type: ignore[union-attr]
    assert got == {"plain/brief.html": (None, True), "de/brief.html": ("de", False), "de/long.html": ("en", True)}


def test_stats_counts_the_articles_not_in_english(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    with Store.open(db) as s:
        s.add_article(_article("http://127.0.0.1:1/de", GERMAN, "de"))
        s.add_article(_article("http://127.0.0.1:1/pt", PORTUGUESE, "pt"))
        s.add_article(_article("http://127.0.0.1:1/en", ENGLISH, "en", tuple(extract_claims(ENGLISH))))
        assert s.language_counts() == {"de": 1, "en": 1, "pt": 1}
    r = CliRunner().invoke(app, ["stats", "--db", str(db)])
    assert r.exit_code == 0 and "2 articles not in English (de 1, pt 1): stored, without claims" in r.output
    r = CliRunner().invoke(app, ["stats", "--json", "--db", str(db)])
    assert json.loads(r.stdout)["languages"] == {"de": 1, "en": 1, "pt": 1}


def test_compare_says_how_many_of_its_articles_are_not_in_english(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    with Store.open(db) as s:
        s.add_article(_article("http://127.0.0.1:1/de", GERMAN + " Hochwasser river", "de"))
        s.add_article(_article("http://127.0.0.1:1/en", ENGLISH, "en", tuple(extract_claims(ENGLISH))))
    r = CliRunner().invoke(app, ["compare", "river", "--min-outlets", "1", "--db", str(db), "--format", "json"])
    assert r.exit_code == 0, r.output
    assert "2 articles from 1 outlet (1 not in English: no claims)" in r.output


def test_iso_639_2_codes_are_their_languages() -> None:
    # "eng" is seen in the wild in <html lang> and in outlets' settings: it must not cost an article its claims
    assert primary("eng") == "en" and primary("ENG-gb") == "en" and primary("ger") == "de"
    assert is_english("eng") and not is_english("fra")


_SPANISH_OPENING = (
    "«Hemos trabajado toda la noche para que el agua vuelva a las casas del barrio, y seguiremos aquí hasta que "
    "la última familia tenga servicio», dijo la alcaldesa a los vecinos que esperaban en la plaza. "
) * 13
_ENGLISH_BODY = (
    "The mayor spoke to residents who had gathered in the square after the main pipe burst on Monday night. "
    "Engineers said the repair would take at least two more days, and the city has sent water trucks to the "
    "streets that were hit the hardest. About 4,000 homes were without running water on Tuesday, officials said. "
) * 12


def test_a_page_declared_english_that_opens_with_a_long_quotation_in_another_language_stays_english() -> None:
    text = _SPANISH_OPENING + _ENGLISH_BODY
    assert decide_language(text, "en") == "en"
    assert decide_language(_SPANISH_OPENING * 3, "en") == "es"  # no English in it: the declaration is wrong

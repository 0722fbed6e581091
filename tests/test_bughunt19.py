"""bughunt19: what a demanding user hits on the hostile web, on bad input and on two machines. Each test
failed on the code before its fix; pages and feeds are served over real sockets on loopback."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from loopback import Site
from pages import PARAS, article_html, rss
from soundness import assert_sound
from test_bughunt18 import fetch_one_page
from typer.testing import CliRunner

from claimcheck.claims.extract import extract_claims
from claimcheck.claims.sentences import MAX_SENTENCE, split_sentences
from claimcheck.cli import storycache
from claimcheck.cli.app import app
from claimcheck.config import parse_sources
from claimcheck.ingest.extract import extract_page
from claimcheck.ingest.feeds import parse_feed
from claimcheck.ingest.http import FetchSettings
from claimcheck.ingest.pipeline import FetchOptions, run_fetch
from claimcheck.match.pipeline import match_facts
from claimcheck.models import Article, Outlet
from claimcheck.store import Store

T0 = datetime(2025, 12, 10, 8, tzinfo=UTC)
RSS = {"Content-Type": "application/rss+xml"}
HTML = {"Content-Type": "text/html; charset=utf-8"}
FAST = FetchSettings(timeout=10, retries=1, backoff=0.05)
runner = CliRunner()


def _article(outlet: str, text: str, hour: int = 0) -> Article:
    url = f"http://127.0.0.1:9/{outlet}/a"
    a = Article(outlet, url, url, f"{outlet} story", text, url, T0, published=T0 + timedelta(hours=hour))
    return Article(**{**a.__dict__, "claims": tuple(extract_claims(text))})


def test_a_quotation_thousands_of_characters_long_does_not_hold_compare_for_hours() -> None:
    """A page whose text is one quoted run of 1 MB (a transcript pasted in quotes, a spam blob) made
    ``compare`` spin for hours, deaf to Ctrl-C: the fuzzy scores of two long strings cost the cube of
    their length (4,000 characters: 1 s; 16,000: 70 s), and matching scores each quote against itself.
    A quotation that long is no quote outlets share; it is left out of matching, the others are matched."""
    shared = (
        '"We will reopen the bridge to lorries by the end of the month," the county engineer, Ana Ruiz, said.'
    )
    docks = ("north", "south", "old", "new", "grain", "coal", "timber", "ferry")
    pumps = " ".join(
        f"the pumps on the {d} dock ran through the {t} night and" for d in docks for t in docks * 6
    )
    lorries = pumps.replace("pumps", "lorries").replace("ran", "waited")  # each ~20,000 characters
    a = _article(
        "north", f'Repairs went on in Dunmore on Friday.\n{shared}\n"{pumps} stopped at dawn," a worker said.'
    )
    b = _article(
        "south", f'The Dunmore bridge stays shut.\n{shared}\n"{lorries} then left," a driver said.', 2
    )
    assert max(len(c.text) for c in a.claims if c.kind == "quote") > 15_000
    outlets = {o: Outlet(id=o, name=o.title()) for o in ("north", "south")}
    began = time.monotonic()
    facts = match_facts([a, b], outlets)
    assert time.monotonic() - began < 5
    quotes = [f for f in facts if f.kind == "quote" and len(f.outlets) == 2]
    assert quotes and "reopen the bridge" in quotes[0].mentions[0].claim.text


def test_one_broken_feed_among_many_outlets_is_named_at_the_end_of_the_summary(tmp_path: Path) -> None:
    """With a few hundred outlets, the one whose feed was broken was a row far up the summary, and the
    total row said "0 failed" (entries) beside exit 1. The total now counts the feeds too, and the outlets
    that failed are named after the summary, as --quiet and --json already did."""
    site = Site()
    try:
        lines = ["outlets:"]
        for k in range(12):
            body = "<rss><channel><item><title>cut off" if k == 7 else rss([])
            site.route(f"/o{k}/feed.xml", body, headers=RSS)
            lines.append(f"  - {{id: o{k}, name: Outlet {k}, feeds: ['{site.url(f'/o{k}/feed.xml')}']}}")
        (tmp_path / "sources.yaml").write_text("\n".join(lines) + "\n")
        args = ["fetch", "--allow-private", "--workers", "0", "--sources", str(tmp_path / "sources.yaml")]
        for columns in ("200", "50"):  # the table and the narrow terminal's lines
            r = runner.invoke(app, [*args, "--db", str(tmp_path / f"{columns}.db")], env={"COLUMNS": columns})
            assert r.exit_code == 1, r.output
            total = r.stdout[r.stdout.rindex("total") :]
            assert "11 ok, 1 failed" in " ".join(total.split()), r.stdout
            assert r.stderr.strip().splitlines()[-1] == "some fetches failed: o7"
    finally:
        site.close()


def test_a_json_feed_with_a_byte_order_mark_and_a_line_break_before_it_is_read() -> None:
    """A JSON Feed whose server writes a UTF-8 byte order mark and then a newline (a PHP template saved
    with a BOM) was "not a feed (no RSS or Atom found)": only a brace right after the mark was looked for."""
    doc = b'{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", "url": "/a"}]}'
    for head in (b"\xef\xbb\xbf\n", b"\xef\xbb\xbf \r\n\t"):
        feed = parse_feed(head + doc, "http://127.0.0.1:9/feed.json", "application/feed+json")
        assert [e.link for e in feed.entries] == ["http://127.0.0.1:9/a"]


def _run_on(repeat: int) -> str:
    """Figures run on in one "sentence" without a stop: a tally flattened into text."""
    crews = ("red", "blue", "green", "grey", "gold", "white", "black", "brown")
    return " ".join(
        f"the {a} crew hauled {i % 97 + 3} nets and the {b} boat came back"
        for i, (a, b) in enumerate((a, b) for a in crews for b in crews * repeat)
    )


def test_the_claims_of_a_run_on_sentence_do_not_each_carry_all_of_it() -> None:
    """Every claim stores its whole sentence: a run-on "sentence" of 56 KB holding 1,000 figures was 59 MB
    of database for one page (a 1 MB page: 20 GB). A sentence past MAX_SENTENCE characters is cut into
    pieces at spaces; every figure is still a claim, and a sentence of prose is left whole."""
    text = "Counting went on all day at the quay. " + _run_on(2) + ". The count ends on Monday."
    claims = [c for c in extract_claims(text) if c.kind == "number"]
    assert len(claims) == 128 and sum(len(c.sentence) for c in claims) < 128 * MAX_SENTENCE
    assert all(text[c.start : c.end] == c.text and c.text in c.sentence for c in claims)
    pieces = split_sentences(text)
    assert max(len(s.text) for s in pieces) <= MAX_SENTENCE and all(
        text[s.start : s.end] == s.text for s in pieces
    )
    prose = " ".join(PARAS)
    assert [s.text for s in split_sentences(prose)][-1] == PARAS[-1]


@pytest.mark.slow
def test_a_run_on_sentence_of_figures_does_not_fill_the_disk(tmp_path: Path) -> None:
    """The same, through a real fetch: the page's database is a few MB, not 59."""
    run = _run_on(16)
    site = Site()
    try:
        site.route(
            "/a.html",
            article_html("Harbour tally", [*PARAS, run + "."], "2025-12-10T08:00:00+01:00"),
            headers=HTML,
        )
        site.route("/feed.xml", rss([{"title": "a", "link": site.url("/a.html"), "guid": "a"}]), headers=RSS)
        sources = parse_sources(f"outlets:\n  - {{id: o, name: O, feeds: ['{site.url('/feed.xml')}']}}\n")
        with Store.open(tmp_path / "s.db") as store:
            report = run_fetch(sources, store, FetchOptions(settings=FAST, workers=0, allow_private=True))
    finally:
        site.close()
    assert report.outlets[0].new == 1 and report.outlets[0].claims > 1_000, report.outlets[0].reasons
    (row,) = assert_sound(tmp_path / "s.db")
    assert len(row["text"]) > 50_000
    assert (tmp_path / "s.db").stat().st_size < 8_000_000  # 59 MB before
    pieces = split_sentences(row["text"])
    assert max(len(s.text) for s in pieces) <= MAX_SENTENCE and all(
        row["text"][s.start : s.end] == s.text for s in pieces
    )


def test_a_title_past_the_stored_length_is_cut_between_words_and_says_so() -> None:
    """A 100 KB <title> was stored as its first 500 characters cut mid-word ("... long lo"), and
    ``stories`` offered the fragment as a topic word ("topic: Flood long lo")."""
    long_title = "Ferry timetable " + "changes " * 20_000
    page = extract_page(article_html(long_title, PARAS, "2025-12-10T08:00:00+01:00"), "http://127.0.0.1:9/a")
    feed = parse_feed(rss([{"title": long_title, "link": "/a"}]).encode(), "http://127.0.0.1:9/feed.xml")
    for title in (page.title, feed.entries[0].title):
        assert title is not None and len(title) <= 500 and title.endswith("changes…"), title[-20:]


def test_a_title_of_only_bidi_and_zero_width_controls_is_no_title(tmp_path: Path) -> None:
    """A <title> and og:title of nothing but U+202E, U+2066-7, U+200F and U+200B was stored as those
    characters, and every listing and export showed the article with an empty title (bughunt18 noticed it).
    Such a title is none: the feed entry's title is stored instead."""
    invisible = "\u202e\u2066\u2067\u200f\u200b"
    page = article_html(invisible, PARAS, "2025-12-10T08:00:00+01:00")
    row = fetch_one_page(tmp_path, page, feed_title="Flood shelters open in Marlow")
    assert row["title"] == "Flood shelters open in Marlow"
    feed = parse_feed(rss([{"title": invisible, "link": "/b"}]).encode(), "http://127.0.0.1:9/feed.xml")
    assert feed.entries[0].title is None


def test_a_fifo_or_a_device_in_place_of_a_kept_stories_file_is_a_miss(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A FIFO where a kept listing should be made ``stories`` wait on it for ever (a symlink to /dev/zero
    read until memory ran out): the file is read only when it is a regular one, anything else is a miss."""
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(tmp_path))
    key = "ab" * 32
    storycache.cache_dir().mkdir(parents=True)
    os.mkfifo(storycache._file(key))
    began = time.monotonic()
    assert storycache.load(key, 3).groups is None and time.monotonic() - began < 2
    storycache._file(key).unlink()
    storycache._file(key).symlink_to("/dev/zero")
    assert storycache.load(key, 3).groups is None


def test_the_no_fact_line_of_a_long_story_label_is_short() -> None:
    # bughunt19's noticed-and-left: `compare --story` on a story of a 500-character title echoed it whole
    from claimcheck.cli.compare import _no_fact

    line = _no_fact("Flood " * 100, "3 articles from 2 outlets", 2, None)
    assert len(line) < 250 and "…" in line
    assert "'Harbour fire'" in _no_fact("Harbour fire", "3 articles from 2 outlets", 1, None)

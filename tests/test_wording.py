"""What a demanding reader sees on odd windows: counts in the right number, times with their zone, a
"first" outlet only when a date says so, rounding never shown as a conflict (fixtures paraphrased)."""

from __future__ import annotations

import csv
import io
import random
import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from rich.console import Console
from test_compare_demo import demo_store
from typer.testing import CliRunner

from claimcheck.claims import extract_claims
from claimcheck.cli.app import app
from claimcheck.cli.common import write_output
from claimcheck.cli.fetch import summary_table
from claimcheck.compare import CompareOptions, compare
from claimcheck.ingest.decode import parse_datetime
from claimcheck.ingest.extract import extract_page
from claimcheck.ingest.feeds import parse_feed
from claimcheck.ingest.pipeline import FetchReport, OutletReport
from claimcheck.models import Article, Interval, Outlet
from claimcheck.render import print_table, render
from claimcheck.render import stories as render_stories
from claimcheck.stories import list_stories
from claimcheck.values import format_value

T0 = datetime(2026, 1, 13, 9, 0, tzinfo=UTC)
OUTLETS = {o: Outlet(id=o, name=f"{o.title()} Daily") for o in ("north", "south", "east")}
FLOOD = (
    "Floods swept through the river town of Eastham on Monday, killing 12 people, the governor said. "
    "Rescue crews lifted 250 residents from rooftops as the water rose, officials said."
)


def article(
    outlet: str, text: str = FLOOD, hours: float | None = 0.0, title: str = "Eastham floods kill 12"
) -> Article:
    url = f"https://{outlet}.example/eastham-floods"
    published = None if hours is None else T0 + timedelta(hours=hours)
    claims = tuple(extract_claims(text))
    return Article(outlet, url, url, title, text, outlet + "-1", T0, published=published, claims=claims)


def table_text(result) -> str:  # noqa: ANN001
    buf = io.StringIO()
    print_table(result, Console(width=100, file=buf, color_system=None))
    return buf.getvalue()


def test_one_article_from_one_outlet_is_counted_in_the_singular() -> None:
    result = compare("floods", [article("north")], OUTLETS, CompareOptions(min_outlets=1), generated_at=T0)
    table = " ".join(table_text(result).split())
    assert "1 article from 1 outlet" in table and "1 articles" not in table and "1 outlets" not in table
    markdown = render(result, "markdown")
    assert "1 article from 1 outlet." in markdown
    html = render(result, "html")
    assert "<b>1</b> article from <b>1</b> outlet ·" in html and "reported by 1 outlet," in html
    assert "<b>1</b> articles" not in html and "1 outlets" not in html


def test_one_story_of_one_article_is_counted_in_the_singular() -> None:
    result = list_stories([article("north")], OUTLETS, min_outlets=1, generated_at=T0)
    line = render_stories.summary_line(result)
    assert line.startswith("1 of 1 story ·") and line.endswith("· 1 article")


def test_no_outlet_is_called_first_when_no_article_is_dated() -> None:
    undated = [article(o, hours=None) for o in ("north", "south", "east")]
    result = compare("floods", undated, OUTLETS, CompareOptions(min_outlets=2), generated_at=T0)
    assert result.facts and all(f.first_outlet is None and f.first_published is None for f in result.facts)
    assert "(first)" not in table_text(result) and "first " not in table_text(result)
    rows = list(csv.DictReader(io.StringIO(render(result, "csv"))))
    assert rows and {r["first_reporter"] for r in rows} == {"false"}
    assert "| unknown (undated) |" in render(result, "markdown")
    dated = [article("north", hours=None), article("south", hours=2.0)]
    result = compare("floods", dated, OUTLETS, CompareOptions(min_outlets=2), generated_at=T0)
    assert {f.first_outlet for f in result.facts} == {"south"}


def test_a_figure_half_way_rounded_up_is_not_a_conflict() -> None:
    """12.5% given as 13% (newsrooms round half up) is one figure; 12.5% against 14% still conflicts."""
    precise = "Unemployment in the province of Eastham rose to 12.5% in December, the statistics office said."
    rounded = "Unemployment in the province of Eastham rose to 13% in December, the statistics office said."
    far = "Unemployment in the province of Eastham rose to 14% in December, the statistics office said."
    for other, conflict in ((rounded, False), (far, True)):
        arts = [
            article("north", precise, 0.0, "Eastham jobless rate up"),
            article("south", other, 1.0, "Eastham jobs"),
        ]
        result = compare("Eastham", arts, OUTLETS, CompareOptions(min_outlets=2), generated_at=T0)
        (fact,) = [f for f in result.facts if f.kind == "number"]
        assert bool(fact.conflicts) is conflict, (other, fact.conflicts)


def test_times_say_their_zone() -> None:
    """Stored times are UTC; a reader in another zone must not take "09:00" for local time."""
    arts = [article("north"), article("south", hours=3.0)]
    result = compare("floods", arts, OUTLETS, CompareOptions(min_outlets=2), generated_at=T0)
    result = replace(result, since=T0 - timedelta(days=1))
    assert "since 2026-01-12 09:00 UTC" in " ".join(table_text(result).split())
    markdown = render(result, "markdown")
    assert "since 2026-01-12 09:00 UTC." in markdown and "## Evidence (times UTC)" in markdown
    assert "<h2>Evidence (times UTC)</h2>" in render(result, "html")
    stories = list_stories(arts, OUTLETS, since=T0 - timedelta(days=1), generated_at=T0)
    assert "since 2026-01-12 09:00 UTC" in render_stories.summary_line(stories)
    assert "Times UTC" in " ".join(render_stories.render(stories, "table").split())
    md = render_stories.render(stories, "markdown")
    assert "First (UTC) | Last (UTC)" in md and "North Daily, 2026-01-13 09:00 UTC:" in md


def test_articles_table_says_its_times_are_utc() -> None:
    store = demo_store()
    r = CliRunner().invoke(
        app, ["articles", "--limit", "2", "--db", str(store.db), "--sources", str(store.sources)]
    )
    assert r.exit_code == 0 and "published (UTC)" in " ".join(r.stdout.split())


def test_stats_table_says_its_dates_are_utc_dates() -> None:
    # an article of 23:30 UTC is the next day in Asia: the day shown is the UTC one, and says so
    r = CliRunner().invoke(app, ["stats", "--db", str(demo_store().db)], env={"COLUMNS": "160"})
    header = " ".join(r.stdout.split())
    assert r.exit_code == 0 and "first (UTC)" in header and "last (UTC)" in header
    assert "days of the first and last publication, in UTC" in header


def _many(n_agree: int, n_differ: int, repeats: int) -> list[Article]:
    """``n_agree`` outlets say 12 dead; ``n_differ`` others say 13, each in ``repeats`` articles."""
    arts = [article(f"a{i}", _own_words(FLOOD, i), i / 10, "Eastham floods kill 12") for i in range(n_agree)]
    for i in range(n_differ):
        for n in range(repeats):
            text = _own_words(FLOOD.replace("killing 12 people", "killing 13 people"), 100 + i * 10 + n)
            a = article(f"d{i}", text, (i + n) / 10, f"Eastham floods: 13 dead, report {n}")
            arts.append(replace(a, url=f"{a.url}/{n}", canonical_url=f"{a.url}/{n}"))
    return arts


WORDS = [
    "river",
    "bank",
    "mayor",
    "school",
    "bridge",
    "market",
    "chapel",
    "harbour",
    "meadow",
    "orchard",
    "station",
]


def _own_words(text: str, seed: int) -> str:
    """``text`` with sentences of this newsroom's own after it, so that no article reads as a wire copy."""
    rnd = random.Random(seed)
    own = [" ".join(rnd.choice(WORDS) for _ in range(12)).capitalize() + "." for _ in range(6)]
    return text + " " + " ".join(own)


def _outlets(arts: list[Article]) -> dict[str, Outlet]:
    return {a.outlet: Outlet(id=a.outlet, name=f"Paper {a.outlet.upper()}") for a in arts}


def test_an_outlet_that_repeats_a_disagreeing_figure_is_one_conflict() -> None:
    """A newsroom's ten follow-ups saying 13 dead are one disagreement, not ten lines of it."""
    arts = _many(8, 1, 10)
    result = compare("floods", arts, _outlets(arts), CompareOptions(min_outlets=2), generated_at=T0)
    (deaths,) = [f for f in result.facts if f.conflicts]
    assert {c.outlet for c in deaths.conflicts} == {"d0"}
    assert " ".join(table_text(result).split()).count("Paper D0 says") == 1
    markdown = render(result, "markdown")
    conflicts = markdown[markdown.index("## Conflicts") :]
    assert conflicts.count("Paper D0 says 13") == 1 and markdown.count("Paper D0 says 13 (vs 12)") == 1
    assert render(result, "html").count("Paper D0 says 13 (vs 12)") == 1


def test_many_disagreeing_outlets_keep_the_conflicts_cell_short() -> None:
    arts = _many(12, 7, 1)
    result = compare("floods", arts, _outlets(arts), CompareOptions(min_outlets=2), generated_at=T0)
    table = " ".join(table_text(result).split())
    assert table.count(" says 13") == 4 and "… and 3 more" in table
    markdown = render(result, "markdown")  # names them all: in the table row and in the Conflicts list
    assert markdown.count(" says 13 (vs 12)") == 7 and markdown.count(" says 13: ") == 7


def test_output_extension_chooses_the_format_when_none_is_given(tmp_path) -> None:  # noqa: ANN001
    """`-o report.md` is a Markdown report, not the terminal table saved under that name."""
    store = demo_store()
    common = ["--db", str(store.db), "--sources", str(store.sources), "-q"]

    def run(*args: str) -> int:
        return CliRunner().invoke(app, [*args, *common]).exit_code

    assert run("compare", "Belarus", "-o", str(tmp_path / "r.md")) == 0
    assert (tmp_path / "r.md").read_text().startswith("# claimcheck: Belarus")
    assert run("compare", "Belarus", "-o", str(tmp_path / "r.HTML")) == 0
    assert (tmp_path / "r.HTML").read_text().startswith("<!DOCTYPE html>")
    assert run("stories", "-o", str(tmp_path / "s.json")) == 0
    assert '"claimcheck.stories/1"' in (tmp_path / "s.json").read_text()
    assert run("articles", "-o", str(tmp_path / "a.csv")) == 0
    assert (tmp_path / "a.csv").read_text().startswith("id,outlet,published")
    assert run("articles", "-o", str(tmp_path / "a.txt")) == 0 and "┃" in (tmp_path / "a.txt").read_text()
    # A --format the extension contradicts is bad usage, nothing written (JSON was saved as j.md)
    assert run("compare", "Belarus", "--format", "json", "-o", str(tmp_path / "j.md")) == 2
    assert not (tmp_path / "j.md").exists()
    assert run("compare", "Belarus", "--format", "JSON", "-o", str(tmp_path / "j.JSON")) == 0
    assert run("compare", "Belarus", "--format", "json", "-o", str(tmp_path / "j.txt")) == 0
    for argv in (
        ["stories", "-o", str(tmp_path / "x.csv"), "--format", "json"],
        ["articles", "-o", str(tmp_path / "x.json"), "--format", "csv"],
        ["compare", "Belarus", "-o", str(tmp_path / "x.html"), "--format", "markdown"],
        ["compare", "Belarus", "-o", str(tmp_path / "x.md"), "--format", "table"],
    ):
        r = CliRunner().invoke(app, [*argv, *common])
        assert r.exit_code == 2 and "contradicts" in r.stderr and len(r.stderr.strip().splitlines()) == 1, (
            r.stderr
        )
    assert not list(tmp_path.glob("x.*"))
    # `-o out/` (a folder not made yet) wrote the report into a file named "out"
    for argv in (
        ["articles", "-o", str(tmp_path / "out") + "/"],
        ["stories", "-o", str(tmp_path / "out") + "/"],
    ):
        r = CliRunner().invoke(app, [*argv, *common])
        assert r.exit_code == 2 and "names a folder" in r.stderr, r.stderr
    r = CliRunner().invoke(
        app, ["demo", "-q", "--db", str(tmp_path / "d.db"), "--report", str(tmp_path / "out") + "/"]
    )
    assert r.exit_code == 2 and "names a folder" in r.stderr, r.stderr
    assert not (tmp_path / "out").exists() and not (tmp_path / "out.html").exists()
    # the demo's --report: a name that says JSON or CSV is refused before anything runs
    r = CliRunner().invoke(
        app, ["demo", "-q", "--db", str(tmp_path / "d.db"), "--report", str(tmp_path / "demo.csv")]
    )
    assert r.exit_code == 2 and "looks like csv" in r.stderr, r.stderr
    assert not list(tmp_path.glob("demo.*")) and not (tmp_path / "d.db").exists()
    assert run("articles", "-o", str(tmp_path / "a.md")) == 2 and not (tmp_path / "a.md").exists()


def test_fetch_summary_accounts_for_every_failure() -> None:
    """Three reasons are shown; the failures behind the others are counted, not silently dropped."""
    report = FetchReport(outlets=[OutletReport("evil", "Evil Times")], started=T0)
    for reason, n in (
        ("HTTP 404 not found", 4),
        ("HTTP 500 server error", 2),
        ("not HTML", 1),
        ("too big", 1),
        ("timeout", 1),
    ):
        for _ in range(n):
            report.outlets[0].fail(reason)
    buf = io.StringIO()
    Console(file=buf, width=200, color_system=None).print(summary_table(report))
    text = " ".join(buf.getvalue().split())
    assert "HTTP 404 not found (x4)" in text and "2 more for 2 other reasons (--json lists all)" in text


def test_an_empty_stories_window_is_named_as_it_was_searched() -> None:
    """`--until` alone searches the 3 days before it, not everything from "the start"."""
    store = demo_store()
    common = ["--db", str(store.db), "--sources", str(store.sources)]
    r = CliRunner().invoke(app, ["stories", "--until", "2025-12-01", *common])
    assert r.exit_code == 1
    assert "between 2025-11-28 23:59 UTC and 2025-12-01 23:59 UTC" in r.stderr and "the start" not in r.stderr
    assert "--since widens it" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_demo_report_on_stdout_is_the_report_alone(tmp_path) -> None:  # noqa: ANN001
    """`claimcheck demo --report - > report.md` gives a Markdown file, not tables with a report after them."""
    r = CliRunner().invoke(app, ["demo", "--quiet", "--db", str(tmp_path / "d.db"), "--report", "-"])
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("# claimcheck: Belarus prisoners") and "┃" not in r.stdout
    assert "claimcheck stories" in r.stderr and "┃" in r.stderr  # the tables are still shown, on stderr


def test_a_failed_write_leaves_the_previous_report_whole(tmp_path) -> None:  # noqa: ANN001
    """`-o report.html` is replaced whole or not at all: a write that fails part-way (here a text that
    cannot be encoded; a full disk or Ctrl-C alike) keeps yesterday's report, and leaves no litter."""
    report = tmp_path / "report.md"
    report.write_text("yesterday's report\n")
    report.chmod(0o640)
    with pytest.raises(UnicodeEncodeError):
        write_output(report, "today's report " * 5000 + "\udc80")
    assert report.read_text() == "yesterday's report\n" and sorted(tmp_path.iterdir()) == [report]
    link = tmp_path / "latest.md"
    link.symlink_to(report)
    write_output(link, "today's report\n")
    assert link.is_symlink() and report.read_text() == "today's report\n"
    assert report.stat().st_mode & 0o777 == 0o640 and sorted(tmp_path.iterdir()) == [link, report]


FEED = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Eastham Courier</title>
<link>https://courier.example/</link><description>Local news</description>{items}</channel></rss>"""
ITEM = "<item><title>{title}</title><link>https://courier.example/{n}</link><description>{summary}</description></item>"


def test_one_entry_with_a_reference_to_no_character_fails_neither_its_feed_nor_its_sitemap() -> None:
    """A title with `&#xD800;` (a lone surrogate), `&#0;` or a reference past U+10FFFF lost every entry of
    the feed ("unreadable feed"): feedparser and lxml raise on it. It becomes U+FFFD; the others stay."""
    bad = (
        "Harbour &#xD800; wall",
        "Ferry &#55296; timetable",
        "Storm &#99999999999; toll",
        "Bridge &#0; shut",
    )
    items = [ITEM.format(title=t, n=n, summary="Council &#x110000; notes") for n, t in enumerate(bad)]
    items.append(ITEM.format(title="Market reopens &#x41;&#66;", n=9, summary="Traders return."))
    feed = parse_feed(FEED.format(items="".join(items)).encode(), "https://courier.example/rss.xml")
    titles = [e.title for e in feed.entries]
    assert len(titles) == 5 and titles[-1] == "Market reopens AB" and "\ufffd" in titles[0]
    assert all("\ud800" not in t for t in titles)
    sitemap = (
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        "<url><loc>https://courier.example/a</loc><news:news><news:title>Bad &#xD800; &#1; one</news:title>"
        "</news:news></url><url><loc>https://courier.example/b</loc><news:news><news:title>Good one</news:title>"
        "</news:news></url></urlset>"
    )
    entries = parse_feed(sitemap.encode(), "https://courier.example/sitemap.xml").entries
    assert [e.link for e in entries] == ["https://courier.example/a", "https://courier.example/b"]


def test_a_page_with_a_hostile_date_tag_is_stored_undated_not_failed() -> None:
    """htmldate raised ValueError on a date offset past 24 hours and the whole page failed with
    Python's message as its reason; the page is kept, with no date."""
    page = (
        "<html><head><title>Council budget approved</title>"
        '<meta property="article:published_time" content="2026-01-13T10:00:00+99:00"></head><body><article>'
        "<h1>Council budget approved</h1><p>The council of Eastham approved a budget of 4.5 million pounds on "
        "Tuesday after a long debate, officials said.</p><p>Some 300 residents attended the meeting in the town "
        "hall, which lasted four hours.</p></article></body></html>"
    )
    got = extract_page(page, "https://courier.example/budget")
    assert got.title == "Council budget approved" and got.published is None and "4.5 million" in got.text


def test_demo_report_named_html_is_the_html_report(tmp_path) -> None:  # noqa: ANN001
    """`claimcheck demo --report r.html` put Markdown in r.html (and the HTML in r.html.html)."""
    r = CliRunner().invoke(
        app, ["demo", "-q", "--db", str(tmp_path / "d.db"), "--report", str(tmp_path / "r.html")]
    )
    assert r.exit_code == 0, r.output
    assert (tmp_path / "r.html").read_text().startswith("<!DOCTYPE html>")
    assert (tmp_path / "r.md").read_text().startswith("# claimcheck: Belarus prisoners")
    assert not (tmp_path / "r.html.html").exists()


def test_a_feed_date_with_an_impossible_zone_is_no_date_rather_than_a_wrong_one() -> None:
    """feedparser reads "+9999" as +99 h 99 min and shifts the time by four days, which can make an outlet
    "first"; a zone past 14 hours or with 60+ minutes gives no time. Real zones are kept."""
    item = "<item><title>T{n}</title><link>https://courier.example/{n}</link><pubDate>{d}</pubDate></item>"
    dates = ["Tue, 13 Jan 2026 10:00:00 +9999", "Tue, 13 Jan 2026 10:00:00 +0560", "Tue, 13 Jan 2026 10:00:00 -0500",
             "Tue, 13 Jan 2026 10:00:00 +1400", "Tue, 13 Jan 2026 10:00:00 GMT"]  # fmt: skip
    feed = FEED.format(items="".join(item.format(n=n, d=d) for n, d in enumerate(dates)))
    got = [e.published for e in parse_feed(feed.encode(), "https://courier.example/rss.xml").entries]
    assert got == [None, None, T0 + timedelta(hours=6), T0 - timedelta(hours=13), T0 + timedelta(hours=1)]


def test_a_page_or_sitemap_date_with_an_impossible_zone_is_no_date() -> None:
    assert (
        parse_datetime("2026-01-13T10:00:00+20:00") is None
        and parse_datetime("2026-01-13T10:00:00-1530") is None
    )
    assert parse_datetime("2026-01-13T10:00:00+14:00") == T0 - timedelta(hours=13)
    assert parse_datetime("2026-01-13T10:00:00+05:30") == T0 - timedelta(hours=4, minutes=30)


def test_a_conflict_shows_its_two_figures_as_written_never_the_same_text() -> None:
    """12.345% against 12.349% is a real disagreement; shown with four significant digits both were
    "12.35" ("says 12.35 (vs 12.35)"), and 12,345.6 litres was "1.235e+04"."""
    assert format_value(Interval.exact(12_345.6)) == "12,345.6"
    assert format_value(Interval.exact(4.07 * 1e9)) == "4.07 billion"  # float noise is not a digit
    assert format_value(Interval.exact(4.07 * 1e9), full=True) == "4,070,000,000"
    assert format_value(Interval.exact(0.0000001)) == "0.0000001"
    assert format_value(Interval(1234.5, None, low_inclusive=False)) == ">1,234.5"
    one = "Inflation in the province of Eastham reached 12.345% in December, the statistics office said."
    two = "Inflation in the province of Eastham reached 12.349% in December, the statistics office said."
    arts = [article("north", one, 0.0, "Eastham prices"), article("south", two, 1.0, "Eastham prices")]
    result = compare("Eastham", arts, OUTLETS, CompareOptions(min_outlets=2), generated_at=T0)
    (fact,) = [f for f in result.facts if f.kind == "number"]
    assert fact.conflicts
    table = table_text(result)
    assert "12.349 (vs 12.345)" in table and "12.35" not in table
    markdown = render(result, "markdown")
    assert "South Daily says 12.349 (vs 12.345)" in markdown and "12.35" not in markdown


@pytest.mark.parametrize("width", [40, 50, 60, 70, 80, 100])
def test_fetch_summary_keeps_every_reason_and_whole_numbers_at_any_width(width: int) -> None:
    """At 80 columns (a pipe, a log) the eight columns left the "why" column no width at all: a run of
    37 outlets showed no reason for any failure, and a total of 216 new articles as "1…"."""
    report = FetchReport(outlets=[], started=T0)
    for oid, reason in (("washingtonpost-world", "not found (HTTP 404)"), ("broken-html", "feed: not a feed (got an HTML page)")):
        o = OutletReport(oid, oid)
        o.feeds_ok, o.entries, o.new, o.unchanged, o.claims = 1, 1234, 1000, 216, 12345
        o.fail(reason, feed=oid == "broken-html")
        report.outlets.append(o)
    report.outlets.append(OutletReport("quiet", "Quiet"))
    buf = io.StringIO()
    Console(file=buf, width=width, color_system=None).print(summary_table(report))
    out = buf.getvalue()
    text = " ".join(out.split())
    assert "…" not in out and all(len(line) <= width for line in out.splitlines()), out
    for n in ("1234", "1000", "216", "12345", "2468", "2000", "432", "24690"):
        assert re.search(rf"(?<![\d,]){n}(?![\d,])", out), (n, out)
    assert "not found (HTTP 404)" in text and "feed: not a feed (got an HTML page)" in text, out
    assert "washingtonpost-world" in out and "broken-html" in out and "quiet" in out and "total" in out


def test_fetch_summary_lines_show_hostile_reasons_literally() -> None:
    report = FetchReport(outlets=[OutletReport("evil[bold]", "Evil")], started=T0)
    report.outlets[0].fail("feed: [red]boom[/] \x1b[31m\u202eevil")
    buf = io.StringIO()
    Console(file=buf, width=40, color_system=None).print(summary_table(report))
    text = " ".join(buf.getvalue().split())
    assert "evil[bold]" in text and "[red]boom[/]" in text and "\x1b" not in text and "\u202e" not in text, text


def test_a_malformed_sitemaps_reason_is_words_not_a_message_cut_mid_word() -> None:
    """A sitemap whose entities expand a billion-fold failed (right) with libxml2's message cut at 120
    characters: "Maximum entity amplification factor exceeded, see xmlCtxtSetM". The reason says what it is in
    words; a long parser message is cut between words, with "…"."""
    from claimcheck.errors import FeedParseError

    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    bomb = f'<?xml version="1.0"?><!DOCTYPE urlset [{entities}]><urlset {ns}><url><loc>&j;</loc></url></urlset>'
    tag = "storyindex" * 30  # a closing tag that does not match its opening one, 300 letters long
    mismatch = f'<?xml version="1.0"?><urlset {ns}><{tag}><url><loc>https://courier.example/a</loc></url></urlset>'
    reasons = []
    for body in (bomb, mismatch):
        with pytest.raises(FeedParseError) as e:
            parse_feed(body.encode(), "https://courier.example/sitemap.xml")
        reasons.append(str(e.value))
    assert "entit" in reasons[0] and "xmlCtxt" not in reasons[0] and "<string>" not in reasons[0], reasons
    assert reasons[1].startswith("malformed sitemap: ") and len(reasons[1]) <= 140, reasons
    assert "… (line 1)" in reasons[1] and "storyindex" in reasons[1], reasons
    # a fetch's reasons are cut at 80 characters the same way: between words, with "…"
    from claimcheck.ingest.pipeline import _short

    said = _short(FeedParseError(reasons[0] + " and then a great many more words of a long explanation"))
    assert len(said) <= 80 and said.endswith("…") and said[:-1].rstrip() + " " in reasons[0] + " and then a great many", said

"""bughunt25: what a demanding user hits on the hostile web and on bad input. Each test failed on the code
before its fix; articles are invented (no outlet's text), pages are served over loopback only."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from typer.testing import CliRunner

from claimcheck.cli.app import app
from claimcheck.models import Article, Outlet
from claimcheck.store import Store, content_hash

runner = CliRunner()

# -- rich's emoji codes: ":name:" in web text was shown as an emoji ---------------------------------
CODED_TITLE = "Harbour fees :white_check_mark: verified by :police_car_light: inspectors"
CODED_NAME = "Coastal :rocket: Courier"
TEXT = "The port authority said on Tuesday that berthing fees would rise by 8 percent from May, its first rise since 2021."


def _coded_store(tmp_path: Path) -> tuple[Path, Path]:
    """A store of one article whose title holds emoji codes, from an outlet whose name holds one."""
    sources = tmp_path / "sources.yaml"
    sources.write_text(
        f'outlets:\n  - id: courier\n    name: "{CODED_NAME}"\n    feeds: [https://courier.example/feed.xml]\n'
    )
    db = tmp_path / "s.db"
    with Store.open(db) as store:
        store.sync_outlets([Outlet("courier", CODED_NAME, feeds=("https://courier.example/feed.xml",))])
        url = "https://courier.example/port/fees"
        store.add_article(
            Article(
                outlet="courier", url=url, canonical_url=url, title=CODED_TITLE, text=TEXT, content_hash=content_hash(TEXT),
                fetched=datetime(2026, 3, 5, tzinfo=UTC), published=datetime(2026, 3, 5, 6, tzinfo=UTC),
            ),
            ["g1"],
        )  # fmt: skip
    return db, sources


def test_emoji_codes_in_web_text_are_shown_as_written_in_the_terminal(tmp_path: Path) -> None:
    """rich turns ":white_check_mark:" into a check mark wherever a plain string reaches a console: `articles`
    showed the title "Harbour fees ✅ verified by 🚨 inspectors", a mark the page never had, and `stats`,
    `sources` and the stories table did the same with outlet names and labels. Every console claimcheck makes
    now has emoji off."""
    db, sources = _coded_store(tmp_path)
    where = ["--db", str(db), "--sources", str(sources)]
    for argv in (
        ["articles"],
        ["stats"],
        ["sources"],
        ["stories", "--min-outlets", "1", "--since", "2026-03-01"],
    ):
        r = runner.invoke(app, [*argv, *where], env={"COLUMNS": "200"})
        assert r.exit_code == 0, (argv, r.output)
        assert "\u2705" not in r.output and "\U0001f680" not in r.output and "\U0001f6a8" not in r.output, (
            argv,
            r.output,
        )
        assert ":rocket:" in r.output or ":white_check_mark:" in r.output, (argv, r.output)
    for argv in (
        ["articles", "-o", str(tmp_path / "a.txt")],
        ["stories", "--min-outlets", "1", "--since", "2026-03-01", "-o", str(tmp_path / "s.txt")],
    ):
        assert runner.invoke(app, [*argv, *where]).exit_code == 0
        written = Path(argv[-1]).read_text(encoding="utf-8")
        assert ":white_check_mark:" in written and "\u2705" not in written, written

"""bughunt19: what a demanding user hits on the hostile web, on bad input and on two machines. Each test
failed on the code before its fix; pages and feeds are served over real sockets on loopback."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from loopback import Site
from pages import rss
from typer.testing import CliRunner

from claimcheck.claims.extract import extract_claims
from claimcheck.cli.app import app
from claimcheck.ingest.feeds import parse_feed
from claimcheck.match.pipeline import match_facts
from claimcheck.models import Article, Outlet

T0 = datetime(2025, 12, 10, 8, tzinfo=UTC)
RSS = {"Content-Type": "application/rss+xml"}
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
    shared = '"We will reopen the bridge to lorries by the end of the month," the county engineer, Ana Ruiz, said.'
    docks = ("north", "south", "old", "new", "grain", "coal", "timber", "ferry")
    pumps = " ".join(f"the pumps on the {d} dock ran through the {t} night and" for d in docks for t in docks * 6)
    lorries = pumps.replace("pumps", "lorries").replace("ran", "waited")  # each ~20,000 characters
    a = _article("north", f"Repairs went on in Dunmore on Friday.\n{shared}\n\"{pumps} stopped at dawn,\" a worker said.")
    b = _article("south", f"The Dunmore bridge stays shut.\n{shared}\n\"{lorries} then left,\" a driver said.", 2)
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
        for k in range(40):
            body = "<rss><channel><item><title>cut off" if k == 23 else rss([])
            site.route(f"/o{k}/feed.xml", body, headers=RSS)
            lines.append(f"  - {{id: o{k}, name: Outlet {k}, feeds: ['{site.url(f'/o{k}/feed.xml')}']}}")
        (tmp_path / "sources.yaml").write_text("\n".join(lines) + "\n")
        args = ["fetch", "--allow-private", "--workers", "0", "--sources", str(tmp_path / "sources.yaml")]
        for columns in ("200", "50"):  # the table and the narrow terminal's lines
            r = runner.invoke(app, [*args, "--db", str(tmp_path / f"{columns}.db")], env={"COLUMNS": columns})
            assert r.exit_code == 1, r.output
            total = r.stdout[r.stdout.rindex("total") :]
            assert "39 ok, 1 failed" in " ".join(total.split()), r.stdout
            assert r.stderr.strip().splitlines()[-1] == "some fetches failed: o23"
    finally:
        site.close()


def test_a_json_feed_with_a_byte_order_mark_and_a_line_break_before_it_is_read() -> None:
    """A JSON Feed whose server writes a UTF-8 byte order mark and then a newline (a PHP template saved
    with a BOM) was "not a feed (no RSS or Atom found)": only a brace right after the mark was looked for."""
    doc = b'{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", "url": "/a"}]}'
    for head in (b"\xef\xbb\xbf\n", b"\xef\xbb\xbf \r\n\t"):
        feed = parse_feed(head + doc, "http://127.0.0.1:9/feed.json", "application/feed+json")
        assert [e.link for e in feed.entries] == ["http://127.0.0.1:9/a"]

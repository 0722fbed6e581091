"""Real pages and feeds from ../shared/realdata (not copied into the repo; skipped when absent)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import REALDATA
from loopback import Site
from lxml import etree
from pages import rss

from claimcheck.config import parse_sources
from claimcheck.ingest.feeds import parse_feed
from claimcheck.ingest.http import FetchSettings
from claimcheck.ingest.pipeline import FetchOptions, run_fetch
from claimcheck.store import Store

BENCH = REALDATA / "extraction-benchmark"
FEEDS = REALDATA / "news-feeds-2026-02"
F1_FLOOR = 0.96  # bare trafilatura.extract scores about 0.948 on these pages

needs_bench = pytest.mark.skipif(not (BENCH / "ground-truth.json").is_file(), reason="shared/realdata absent")
needs_feeds = pytest.mark.skipif(not (FEEDS / "INDEX.json").is_file(), reason="shared/realdata absent")


def _tokens(s: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", s.lower()))


def word_f1(pred: str, truth: str) -> float:
    p, t = _tokens(pred), _tokens(truth)
    common = sum((p & t).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(t.values())
    return 2 * precision * recall / (precision + recall)


@needs_bench
def test_real_pages_through_fetch_and_extract_score_above_floor(tmp_path: Path) -> None:
    truth = json.loads((BENCH / "ground-truth.json").read_text())
    site = Site()
    try:
        items = []
        for i, page_id in enumerate(sorted(truth)):
            raw = (BENCH / "html" / f"{page_id}.html.gz").read_bytes()
            # Served gzip-encoded as the real web does: our bounded decompression is on the path.
            site.route(
                f"/p/{page_id}.html", raw, headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}
            )
            items.append({"title": f"page {i}", "link": site.url(f"/p/{page_id}.html"), "guid": page_id})
        site.route("/feed.xml", rss(items), headers={"Content-Type": "application/rss+xml"})
        cfg = parse_sources(
            f"outlets:\n  - id: real\n    name: Real pages\n    feeds: [{site.url('/feed.xml')}]\n"
        )
        options = FetchOptions(settings=FetchSettings(timeout=30, per_host=8, robots=False), workers=2, allow_private=True)
        with Store.open(tmp_path / "real.db") as store:
            report = run_fetch(cfg, store, options)
            texts = {a.url.rsplit("/", 1)[-1].removesuffix(".html"): a.text for a in store.iter_articles()}
    finally:
        site.close()
    rep = report.outlets[0]
    assert rep.entries == len(truth) == 181
    scores = [word_f1(texts.get(pid, ""), truth[pid]["articleBody"]) for pid in sorted(truth)]
    mean = sum(scores) / len(scores)
    print(
        f"\nreal pages: {len(texts)}/{len(truth)} stored, mean word F1 {mean:.3f}, failed {dict(rep.reasons)}"
    )
    assert mean >= F1_FLOOR


def _raw_items(path: Path) -> list[etree._Element]:
    root = etree.fromstring(path.read_bytes(), etree.XMLParser(recover=True, resolve_entities=False))
    return [
        e for e in root.iter() if isinstance(e.tag, str) and etree.QName(e).localname in ("item", "entry")
    ]


def _raw_link(e: etree._Element) -> str | None:
    for child in e:
        if not isinstance(child.tag, str) or etree.QName(child).localname != "link":
            continue
        href = child.get("href") if child.get("rel", "alternate") == "alternate" else None
        if href or (child.text and child.text.strip()):
            return (href or child.text).strip()
    for child in e:
        if (
            isinstance(child.tag, str)
            and etree.QName(child).localname in ("guid", "id")
            and (child.text or "").startswith("http")
        ):
            return child.text.strip()
    return None


@needs_feeds
@pytest.mark.parametrize("name", sorted(p.name for p in FEEDS.glob("*.xml")) if FEEDS.is_dir() else [])
def test_every_real_feed_parses_with_all_entries_absolute_links_and_dates(name: str) -> None:
    index = json.loads((FEEDS / "INDEX.json").read_text())
    path = FEEDS / name
    parsed = parse_feed(path.read_bytes(), "https://feeds.example.org/" + name)
    raw = _raw_items(path)
    assert len(raw) == index[path.stem]["entries"]
    # Every entry is found; only exact repeats of a link are merged.
    distinct = {_raw_link(e) for e in raw} - {None}
    assert len(parsed.entries) == len(distinct)
    assert parsed.skipped == sum(1 for e in raw if _raw_link(e) is None)
    for e in parsed.entries:
        assert e.link.startswith(("http://", "https://")), e.link
        assert e.published is not None, (name, e.link)
        assert 2000 <= e.published.year <= 2027
        assert e.title is None or ("<" not in e.title or ">" not in e.title)

"""The demo corpus, fetched for real over loopback, compared on "Belarus prisoners".

Expectations come from ``claimcheck/demo/corpus/truth.json`` wherever it says them: which
outlets state each fact (by the sentences that carry it), the planted conflict, the wire copies,
the noise articles. The corpus is fetched once per test session (``demo_store``) and shared with
``test_match_quality`` and ``test_compare_cli``.
"""

from __future__ import annotations

import atexit
import functools
import json
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import CORPUS
from typer.testing import CliRunner

from claimcheck.cli.app import app
from claimcheck.cli.common import load_sources
from claimcheck.compare import CompareOptions, compare, outlet_map
from claimcheck.demo.server import CorpusServer
from claimcheck.models import Article, CompareResult, Fact, Outlet
from claimcheck.store import Store

TOPIC = "Belarus prisoners"
TRUTH: dict[str, Any] = json.loads((CORPUS / "truth.json").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class DemoStore:
    db: Path
    sources: Path


@functools.cache
def demo_store() -> DemoStore:
    """The whole corpus fetched into a database (once per process), and the sources file used."""
    tmp = Path(tempfile.mkdtemp(prefix="claimcheck-test-demo-"))
    atexit.register(shutil.rmtree, tmp, True)
    db, src = tmp / "demo.db", tmp / "sources.yaml"
    with CorpusServer(CORPUS) as server:
        src.write_text((CORPUS / "outlets.yaml").read_text().replace("{{BASE}}", server.base))
        r = CliRunner().invoke(app, ["fetch", "-q", "--allow-private", "--sources", str(src), "--db", str(db)])
        assert r.exit_code == 0, r.output
    return DemoStore(db, src)


def demo_outlets() -> dict[str, Outlet]:
    return outlet_map(load_sources(demo_store().sources))


def all_articles() -> list[Article]:
    """Every stored article of the corpus (all stories and the noise), with its claims."""
    with Store.open(demo_store().db, create=False) as s:
        return [a for a in (s.get_article(x.id) for x in s.iter_articles() if x.id) if a is not None]


def path(url: str) -> str:
    return urlsplit(url).path


def truth_fact(fact_id: str) -> dict[str, Any]:
    return next(f for f in TRUTH["facts"] if f["id"] == fact_id)


def carries(m: Any, spec_mention: dict[str, Any]) -> bool:
    """Whether a fact's mention is the truth mention: same page, sentence and (numbers) value."""
    if path(m.url) != spec_mention["path"] or spec_mention["sentence_contains"] not in m.claim.sentence:
        return False
    want = spec_mention.get("value")
    if not want or m.claim.value is None:
        return True
    return m.claim.value.low == want["low"] and m.claim.value.high == want["high"]


def facts_with(result: CompareResult | Sequence[Fact], fact_id: str) -> list[Fact]:
    """The facts that carry the truth fact's mentions, most mentions first."""
    spec = truth_fact(fact_id)
    facts = result.facts if isinstance(result, CompareResult) else result
    hits = [
        f
        for f in facts
        if f.kind == spec["kind"] and any(carries(m, sm) for m in f.mentions for sm in spec["mentions"])
    ]
    return sorted(hits, key=lambda f: -len(f.mentions))


def the_fact(result: CompareResult, fact_id: str) -> Fact:
    hits = facts_with(result, fact_id)
    assert hits, f"no fact carries {fact_id}"
    return hits[0]


@pytest.fixture(scope="module")
def result() -> CompareResult:
    store = demo_store()
    with Store.open(store.db, create=False) as s:
        articles = s.search(TOPIC)
    return compare(TOPIC, articles, load_sources(store.sources), CompareOptions(min_outlets=1))


def test_the_released_123_fact_lists_exactly_the_outlets_that_say_so(result: CompareResult) -> None:
    spec = truth_fact("released-123")
    fact = the_fact(result, "released-123")
    assert set(fact.outlets) == {m["outlet"] for m in spec["mentions"]}  # "more than 120" included
    conflicting = {m["outlet"] for m in spec["mentions"] if m["conflict"]}
    assert (
        {c.outlet for c in fact.conflicts}
        == conflicting
        == {TRUTH["planted"]["conflict"]["path"].split("/")[1]}
    )
    (conflict,) = fact.conflicts
    assert conflict.value.low == TRUTH["planted"]["conflict"]["value"]
    assert fact.value is not None and fact.value.low == fact.value.high == 123
    guardian = next(m for m in fact.mentions if m.outlet == "guardian")
    assert "more than 120" in guardian.claim.sentence and guardian.outlet not in {
        c.outlet for c in fact.conflicts
    }


def test_430_since_july_2024_is_its_own_fact(result: CompareResult) -> None:
    released = the_fact(result, "released-123")
    since = the_fact(result, "freed-430-since-july-2024")
    assert since.id != released.id
    assert all(m.claim.value is not None and m.claim.value.low == 430 for m in since.mentions)
    spec = {m["outlet"] for m in truth_fact("freed-430-since-july-2024")["mentions"]}
    assert set(since.outlets) == spec
    assert not any(m.claim.value and m.claim.value.low == 430 for m in released.mentions)


def test_bialiatski_quote_is_one_fact_with_fidelity(result: CompareResult) -> None:
    spec = truth_fact("bialiatski-quote")
    fact = the_fact(result, "bialiatski-quote")
    assert len(set(fact.outlets)) >= 0.75 * len({m["outlet"] for m in spec["mentions"]})
    assert set(fact.outlets) <= {m["outlet"] for m in spec["mentions"]}
    fidelity = {m.fidelity for m in fact.mentions}
    assert None not in fidelity and "verbatim" in fidelity and len(fidelity) >= 2  # reworded edges seen
    assert fact.speaker and "Bialiatski" in fact.speaker


def test_wire_copies_are_marked_and_not_independent(result: CompareResult) -> None:
    copies = {a["outlet"]: a["syndicated_from"] for a in TRUTH["articles"] if a["syndicated_from"]}
    assert copies == {"cbsnews": "reuters", "abcnews": "ap"}
    by_path = {path(url) for url in result.syndicated}
    assert {p["path"] for p in TRUTH["planted"]["syndicated"]} <= by_path
    fact = the_fact(result, "released-123")
    for copy, wire in copies.items():
        assert copy in fact.outlets and copy not in fact.independent_outlets
        assert wire in fact.independent_outlets
        assert all(m.syndicated for m in fact.mentions if m.outlet == copy)
    assert len(fact.independent_outlets) == len(fact.outlets) - len(copies)


def test_no_outlet_twice_and_no_article_twice_in_a_fact(result: CompareResult) -> None:
    for f in result.facts:
        assert len(f.outlets) == len(set(f.outlets)), f.summary
        urls = [m.url for m in f.mentions]
        assert len(urls) == len(set(urls)), f.summary
    fact = the_fact(result, "released-123")
    twice = set(TRUTH["planted"]["same_outlet_twice"])
    assert len([m for m in fact.mentions if path(m.url) in twice]) == 2  # both toi articles, one outlet
    assert fact.outlets.count("toi") == 1


def test_noise_articles_contribute_nothing() -> None:
    noise = {a["path"] for a in TRUTH["articles"] if a["story"] == "noise"}
    articles = all_articles()
    assert noise <= {path(a.url) for a in articles}  # they were fetched...
    full = compare(TOPIC, articles, demo_outlets(), CompareOptions(min_outlets=2))
    for f in full.facts:  # ...but no fact reported by two outlets carries one
        assert not any(path(m.url) in noise for m in f.mentions), f.summary
    with Store.open(demo_store().db, create=False) as s:
        picked = {path(a.url) for a in s.search(TOPIC)}
    assert not picked & noise


def test_first_reporter_and_citations(result: CompareResult) -> None:
    fact = the_fact(result, "released-123")
    published = [m.published for m in fact.mentions if m.published]
    assert fact.first_published == min(published)
    cites = {(c["outlet"], c["cites"]) for c in TRUTH["citations"] if c["outlet"] != c["cites"]}
    got = {(c.outlet, c.cited) for c in result.citations}
    assert cites <= got


def test_near_duplicate_statements_of_one_fact_are_one_row(result: CompareResult) -> None:
    """ "In return, the US has lifted sanctions on Belarusian potash" and "In return for the releases,
    the US lifted sanctions on Belarusian potash" (issue 12 §4): one fact, however the sentences end."""
    hits = [f for f in result.facts if f.kind == "statement" and any(
        "In return, the US has lifted sanctions" in m.claim.sentence for m in f.mentions)]  # fmt: skip
    assert len(hits) == 1
    assert any("In return for the releases" in m.claim.sentence for m in hits[0].mentions)
    spec = {m["outlet"] for m in truth_fact("potash-sanctions-lifted")["mentions"]}
    assert len(set(hits[0].outlets) & spec) >= 8


def test_one_set_of_articles_gives_one_table_whatever_their_order() -> None:
    with Store.open(demo_store().db, create=False) as s:
        articles = s.search(TOPIC)
    outlets = demo_outlets()
    at = datetime(2025, 12, 14, tzinfo=UTC)
    forward = compare(TOPIC, articles, outlets, CompareOptions(min_outlets=1), generated_at=at)
    backward = compare(TOPIC, articles[::-1], outlets, CompareOptions(min_outlets=1), generated_at=at)
    assert [(f.summary, f.outlets) for f in forward.facts] == [(f.summary, f.outlets) for f in backward.facts]


def test_a_wire_copy_dated_as_its_original_is_never_the_first_reporter() -> None:
    # Syndicated copies often keep the agency's timestamp; with the tie broken by outlet id, "cbsnews" (a
    # copy of Reuters) was named first of every Reuters fact ("first cbsnews; wire copy: cbsnews").
    from dataclasses import replace

    with Store.open(demo_store().db, create=False) as s:
        articles = s.search(TOPIC)
    original = next(a for a in articles if a.outlet == "reuters")
    tied = [replace(a, published=original.published) if a.outlet == "cbsnews" else a for a in articles]
    result = compare(TOPIC, tied, demo_outlets(), CompareOptions(min_outlets=1))
    both = [f for f in result.facts if {"reuters", "cbsnews"} <= set(f.outlets)]
    assert both and all(f.first_outlet != "cbsnews" for f in both)
    assert any(f.first_outlet == "reuters" for f in both)

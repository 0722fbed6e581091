"""The HTML report in a real browser: headless Chromium (Debian's ``chromium``) driven by Playwright.

Pages are loaded from disk (``file://``): clicking or focusing a cell shows its evidence, the filters
and "independent outlets only" hide what they should, a page of hostile web text runs none of it
(with and without its Content-Security-Policy), and with JavaScript off the page is still a table
whose cells lead to their evidence. Never downloads a browser: it uses the system's Chromium
(``$CHROMIUM``, else ``chromium`` on the PATH) and skips when that or Playwright is missing,
except under CI (``$CI`` set), where a missing browser is a failure.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from html_fixtures import pwned_result, synthetic_result
from test_compare_demo import TOPIC, demo_store
from typer.testing import CliRunner

from claimcheck.cli.app import app
from claimcheck.render import render_html


def _missing(why: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(
            f"browser test cannot run under CI: {why} (apt-get install -y chromium; pip install playwright)"
        )
    pytest.skip(why)


@pytest.fixture(scope="module")
def browser(demo_page: tuple[Path, dict[str, Any]]) -> Iterator[Any]:
    """Chromium, started after the demo corpus was fetched: Playwright's sync API runs an asyncio
    loop in this thread while it is open, and ``fetch`` starts one of its own."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed")
    exe = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe or not Path(exe).is_file():
        _missing("no chromium on this machine")
    with sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=exe, args=["--no-sandbox", "--disable-gpu"])
        except Exception as e:  # a browser that does not start (missing libraries, wrong binary)
            _missing(f"{exe} would not start: {str(e).splitlines()[0]}")
        yield b
        b.close()


@pytest.fixture(scope="module")
def demo_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The sample corpus's report written by the CLI, and its JSON export (for the expectations)."""
    store = demo_store()
    out = tmp_path_factory.mktemp("html") / "report.html"
    common = ["--db", str(store.db), "--sources", str(store.sources)]
    runner = CliRunner()
    assert runner.invoke(app, ["compare", TOPIC, "--format", "html", "-o", str(out), *common]).exit_code == 0
    data = json.loads(runner.invoke(app, ["compare", TOPIC, "--format", "json", *common]).stdout)
    return out, data


def open_page(browser: Any, path: Path, **context: Any) -> tuple[Any, list[str]]:
    page = browser.new_page(viewport={"width": 1300, "height": 900}, **context)
    problems: list[str] = []
    page.on(
        "console",
        lambda m: problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None,
    )
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.goto(path.as_uri())
    return page, problems


def column(page: Any, name: str) -> int:
    heads = page.locator("#grid thead th").all_inner_texts()
    return [h.strip() for h in heads].index(name)


def test_demo_report_evidence_filters_and_independent_toggle(
    browser: Any, demo_page: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    path, data = demo_page
    page, problems = open_page(browser, path)
    assert page.evaluate("document.documentElement.classList.contains('js')")  # our script ran (CSP hash ok)
    timing = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    print(f"\nsample corpus report: {path.stat().st_size} bytes, loaded in {timing:.0f} ms")
    names = {o["id"]: o["name"] for o in data["outlets"]}
    n = len(data["facts"])
    assert n > 20
    assert page.locator("#controls").is_visible() and page.locator("#shown").inner_text() == f"{n} of {n} facts shown"

    # Click the SCMP cell of the released-prisoners fact: its evidence (with the conflicting 125) appears.
    i = next(n for n, f in enumerate(data["facts"]) if f["value"] and f["value"]["low"] == 123)
    fact = data["facts"][i]
    col = column(page, names["scmp"])
    cell = page.locator(f'#grid tbody tr[data-f="{i}"] > :nth-child({col + 1}) a')
    assert cell.inner_text() == "≠ 125"
    cell.click()
    panel = page.locator("#panel")
    assert panel.is_visible()
    mention = next(m for m in fact["mentions"] if m["outlet"] == "scmp")
    text = panel.inner_text()
    assert names["scmp"] in text and "conflicting value: 125" in text
    assert mention["sentence"] in text and mention["title"] in text
    assert panel.locator("a").first.get_attribute("href") == mention["url"]
    assert "2025-12-13" in text
    page.screenshot(path=str(tmp_path / "evidence.png"))
    page.keyboard.press("Escape")
    assert not panel.is_visible()
    cell.click()
    panel.locator("button.close").click()  # closes, and focus goes back to the cell without reopening
    assert not panel.is_visible() and page.evaluate("document.activeElement.textContent") == "≠ 125"

    # Keyboard: focusing a cell opens its evidence; the arrow keys move to the next filled cell.
    q = next(i for i, f in enumerate(data["facts"]) if f["kind"] == "quote")
    first = page.locator(f'#grid tbody tr[data-f="{q}"] td a').first
    first.focus()
    assert panel.is_visible()
    before = panel.inner_text()
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.closest('td') !== null")
    assert panel.inner_text() != before
    quote = data["facts"][q]
    assert quote["kind"] == "quote" and "quote " in panel.inner_text()  # the quote's fidelity is shown

    # "Independent outlets only": wire copies and wire-only outlets disappear, then come back.
    wire_head = page.locator("#grid thead th", has_text=names["cbsnews"])
    wire_cells = page.locator("#grid td.w a")
    assert wire_head.is_visible() and wire_cells.count() > 0 and wire_cells.first.is_visible()
    page.check("#indep")
    assert not wire_head.is_visible()
    assert all(not wire_cells.nth(k).is_visible() for k in range(wire_cells.count()))
    assert page.locator("#grid td.r a").first.is_visible()
    assert not page.locator("ol.evs > li.w").first.is_visible()
    page.screenshot(path=str(tmp_path / "independent.png"), full_page=True)
    page.uncheck("#indep")
    assert wire_head.is_visible() and wire_cells.first.is_visible()

    # Kind filters hide rows and their evidence.
    quotes = sum(1 for f in data["facts"] if f["kind"] == "quote")
    page.uncheck('input[name="kind"][value="quote"]')
    assert page.locator("#shown").inner_text() == f"{n - quotes} of {n} facts shown"
    assert not page.locator("#grid tr.k-quote").first.is_visible()
    assert not page.locator("#evidence article.k-quote").first.is_visible()
    assert page.locator("#grid tr.k-number").first.is_visible()

    # Print: no controls, no panel; the grid and the evidence stay.
    page.emulate_media(media="print")
    assert not page.locator("#controls").is_visible() and page.locator("#grid").is_visible()
    assert (tmp_path / "evidence.png").stat().st_size > 10_000
    assert not problems, problems


def test_hostile_page_runs_no_script_from_the_data(browser: Any, tmp_path: Path) -> None:
    html = render_html(pwned_result())
    with_csp = tmp_path / "pwned.html"
    with_csp.write_text(html, encoding="utf-8")
    # The same page without its CSP: escaping alone must hold (the CSP is the second line of defence).
    no_csp = tmp_path / "pwned-no-csp.html"
    no_csp.write_text(
        re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n', "", html), encoding="utf-8"
    )
    assert "Content-Security-Policy" not in no_csp.read_text(encoding="utf-8")
    for path in (with_csp, no_csp):
        page, problems = open_page(browser, path)
        assert page.evaluate("document.documentElement.classList.contains('js')")
        cells = page.locator("#grid td a")
        for k in range(cells.count()):  # open every cell's evidence (cloned into the panel), hover its links
            cells.nth(k).click()
            for link in page.locator("#panel a").all():
                link.hover()
        for h in page.locator("#grid thead th").all():
            h.hover()
        page.check("#indep")
        page.wait_for_timeout(100)
        assert page.evaluate("typeof window.__pwned") == "undefined", path.name
        assert page.evaluate("document.scripts.length") == 2
        assert page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
        # Nothing tried to run and was refused: the CSP had nothing to block.
        assert not [p for p in problems if "Content Security Policy" in p or "Refused" in p], problems
        assert not problems, problems
        page.screenshot(path=str(tmp_path / f"{path.stem}.png"))


def test_without_javascript_the_page_is_a_table_whose_cells_lead_to_evidence(
    browser: Any, demo_page: tuple[Path, dict[str, Any]]
) -> None:
    path, data = demo_page
    page, _ = open_page(browser, path, java_script_enabled=False)
    assert not page.locator("#controls").is_visible()
    assert page.locator("noscript").count() == 1
    assert page.locator("#grid tbody tr").count() == len(data["facts"])
    cell = page.locator('#grid tbody tr[data-f="1"] td a').first
    target = cell.get_attribute("href")
    cell.click()
    assert page.url.endswith(target)
    item = page.locator(target)
    assert item.is_visible() and item.evaluate("el => el.matches(':target')")
    assert item.locator("q").first.inner_text()  # the sentence is there


def test_two_hundred_facts_by_fifty_outlets_render(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "large.html"
    path.write_text(render_html(synthetic_result()), encoding="utf-8")
    page, problems = open_page(browser, path)
    timing = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    print(f"\n200 facts x 50 outlets: {path.stat().st_size} bytes, loaded in {timing:.0f} ms")
    assert page.locator("#shown").inner_text() == "200 of 200 facts shown"
    page.locator("#grid tbody tr").nth(150).locator("td a").first.click()
    assert page.locator("#panel").is_visible()
    assert not problems, problems


def test_independent_only_moves_first_to_the_first_independent_outlet(browser: Any, tmp_path: Path) -> None:
    """When the first outlet to carry a fact is a wire copy, "independent outlets only" hides its cell and
    marks the first independent outlet "1" instead; unchecking puts the marks back."""
    result = synthetic_result(n_facts=30, n_outlets=30)
    i, fact = next((i, f) for i, f in enumerate(result.facts) if f.first_outlet not in f.independent_outlets)
    first_indep = next(o for o in fact.outlets if o in fact.independent_outlets)
    path = tmp_path / "wire-first.html"
    path.write_text(render_html(result), encoding="utf-8")
    page, problems = open_page(browser, path)
    names = {o.id: o.name for o in result.outlets}
    row = f'#grid tbody tr[data-f="{i}"]'
    wire = page.locator(f"{row} > :nth-child({column(page, names[fact.first_outlet]) + 1}) a")
    indep = page.locator(f"{row} > :nth-child({column(page, names[first_indep]) + 1}) a")
    assert wire.inner_text() == "1" and indep.inner_text() == "✓"
    page.check("#indep")
    assert not wire.is_visible() and indep.inner_text() == "1"
    indep.click()
    assert "first of the independent outlets to report it" in page.locator("#panel").inner_text()
    page.uncheck("#indep")
    assert wire.inner_text() == "1" and indep.inner_text() == "✓"
    assert not problems, problems


def test_a_ten_thousand_character_token_stays_inside_its_box(browser: Any, tmp_path: Path) -> None:
    """Web text can hold a token of 10,000 characters (a URL, a run of one letter): it ran out of the fact's
    cell over the grid (90,000 px of text in a 344 px cell) and out of its evidence item, at any width."""
    from dataclasses import replace

    result = synthetic_result(n_facts=6, n_outlets=30)
    token = "Z" * 10_000
    first = result.facts[0]
    m = first.mentions[0]
    claim = replace(m.claim, sentence=f"{m.claim.sentence} {token}")
    mentions = (replace(m, claim=claim, title=f"Title {token[:3000]}"), *first.mentions[1:])
    facts = (replace(first, summary=f"{first.summary} {token}", mentions=mentions), *result.facts[1:])
    path = tmp_path / "long-token.html"
    path.write_text(render_html(replace(result, topic=f"topic {token[:500]}", facts=facts)), encoding="utf-8")
    for width in (1300, 420):
        page, problems = open_page(browser, path)
        page.set_viewport_size({"width": width, "height": 900})
        page.locator("#grid tbody tr").first.locator("td a").first.click()
        over = page.evaluate(
            """() => [...document.querySelectorAll('h1, .meta, th.fact, .sum, ol.evs > li, ol.evs q, #panel, #panel li')]
                 .filter(e => e.getClientRects().length && e.scrollWidth > e.clientWidth + 2)
                 .map(e => `${e.tagName}.${e.className}: ${e.scrollWidth} > ${e.clientWidth}`)"""
        )
        assert not over and not problems, (width, over[:6], problems)

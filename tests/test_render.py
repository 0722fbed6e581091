"""Renderers: golden table and Markdown, JSON against the claimcheck.compare/1 schema, CSV, hostile text.

Regenerate the golden files with ``CLAIMCHECK_REGEN_GOLDEN=1 pytest tests/test_render.py``.
"""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from rich.console import Console
from test_match_quality import load_story

from claimcheck.compare import CompareOptions, compare
from claimcheck.models import Article, Claim, CompareResult, Interval
from claimcheck.render import print_table, render, render_csv, render_markdown, to_json
from claimcheck.render.jsonout import SCHEMA
from claimcheck.textsafe import csv_safe, markdown_escape, safe_link, terminal_safe

GOLDEN = Path(__file__).parent / "golden"
NOW = datetime(2025, 3, 4, 12, 0, tzinfo=UTC)
HOSTILE = "[bold red]x[/] \x1b[2J | --- | <script>alert(1)</script> [x](javascript:alert(1)) `tick` *b* _i_"


@pytest.fixture(scope="module")
def result():  # noqa: ANN201
    articles, outlets, _ = load_story()
    return compare("earthquake Van", articles, outlets, CompareOptions(min_outlets=2), generated_at=NOW)


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("CLAIMCHECK_REGEN_GOLDEN") or not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def table_text(result, **kw: Any) -> str:  # noqa: ANN001
    buf = io.StringIO()
    print_table(result, Console(width=100, file=buf, color_system=None), **kw)
    return buf.getvalue()


def test_table_golden(result) -> None:  # noqa: ANN001
    check_golden("compare_table.txt", table_text(result))


def test_matrix_golden(result) -> None:  # noqa: ANN001
    check_golden("compare_matrix.txt", table_text(result, matrix=True))


def test_markdown_golden(result) -> None:  # noqa: ANN001
    check_golden("compare_report.md", render_markdown(result))


def test_table_shows_first_reporter_independent_count_and_conflicts(result) -> None:  # noqa: ANN001
    text = table_text(result)
    assert "earthquake Van" in text and "articles from 8 outlets" in text
    assert "(first)" in text and "dailystar (w)" in text  # wire copy, in a row of many outlets
    assert "Al Jazeera says 94" in text


def test_a_row_of_many_outlets_gives_a_count_and_ids_and_markdown_the_names(result) -> None:  # noqa: ANN001
    from claimcheck.render.common import outlet_names
    from claimcheck.render.table import _outlets_cell

    names = outlet_names(result)
    many = next(f for f in result.facts if len(f.outlets) == 6)
    cell = _outlets_cell(many, names).plain
    assert cell.startswith("6 outlets: ") and all(oid in cell for oid in many.outlets)
    assert not any(names[oid] in cell for oid in many.outlets if names[oid] != oid)
    few = next(f for f in result.facts if len(f.outlets) == 2)
    assert all(names[oid] in _outlets_cell(few, names).plain for oid in few.outlets)
    report = render_markdown(result)
    assert ", ".join(names[oid] for oid in many.outlets) in report
    from claimcheck.render.table import render_table

    assert all(len(line) <= 80 for line in render_table(result, width=80).splitlines())


def test_a_fact_most_outlets_report_is_told_by_the_few_that_do_not(result) -> None:  # noqa: ANN001
    from claimcheck.render.common import outlet_names
    from claimcheck.render.table import _outlets_cell

    names = outlet_names(result)
    many = next(f for f in result.facts if len(f.outlets) == 6)
    considered = [o.id for o in result.outlets]
    missing = [o for o in considered if o not in many.outlets]
    cell = _outlets_cell(many, names, considered).plain
    assert cell.startswith(f"6 of {len(considered)}, all but {', '.join(missing)}; first {many.first_outlet}")
    everyone = _outlets_cell(many, names, list(many.outlets)).plain
    assert everyone.startswith("all 6 outlets; first ")
    # Fewer than half missing is not enough: the list stays when it is the shorter text.
    few = next(f for f in result.facts if len(f.outlets) == 4)
    assert _outlets_cell(few, names, considered).plain.startswith("4 outlets: ")


def test_a_number_fact_starts_with_its_figure_and_what_it_counts(result) -> None:  # noqa: ANN001
    summaries = [f.summary for f in result.facts if f.kind == "number"]
    assert summaries and all(s[0].isdigit() or s[0] in "<>" for s in summaries)
    assert any(s.startswith("312 people: ") for s in summaries)


# --- JSON schema -----------------------------------------------------------------------------


def validate(value: Any, schema: dict[str, Any], path: str = "$") -> None:
    """A small JSON Schema check (type, const, enum, required, properties, items, oneOf)."""
    types = {"string": str, "integer": int, "number": (int, float), "boolean": bool, "object": dict,
             "array": list, "null": type(None)}  # fmt: skip
    if "oneOf" in schema:
        ok = 0
        for option in schema["oneOf"]:
            try:
                validate(value, option, path)
                ok += 1
            except AssertionError:
                pass
        assert ok == 1, f"{path}: matches {ok} of oneOf"
        return
    if "const" in schema:
        assert value == schema["const"], path
    if "enum" in schema:
        assert value in schema["enum"], path
    if "type" in schema:
        allowed = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        assert any(isinstance(value, types[t]) and not (t in ("integer", "number") and isinstance(value, bool))
                   for t in allowed), f"{path}: {value!r} is not {allowed}"  # fmt: skip
    if schema.get("format") == "date-time" and value is not None:
        datetime.fromisoformat(value)
    for key in schema.get("required", []):
        assert key in value, f"{path}: missing {key}"
    if isinstance(value, dict):
        for key, sub in schema.get("properties", {}).items():
            if key in value:
                validate(value[key], sub, f"{path}.{key}")
        if schema.get("additionalProperties") is False:
            assert set(value) <= set(schema["properties"]), path
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            validate(item, schema["items"], f"{path}[{i}]")


def test_json_validates_against_the_schema(result) -> None:  # noqa: ANN001
    data = json.loads(render(result, "json"))
    validate(data, SCHEMA)
    assert data["schema"] == "claimcheck.compare/1"
    deaths = next(
        f for f in data["facts"] if f["unit"] == "people" and f["value"] == {"low": 312, "high": 312}
    )
    assert deaths["conflicts"][0]["outlet"] == "guardian"
    assert deaths["first_reported"]["outlet"] == "apnews"
    ids = {o["id"] for o in data["outlets"]}
    for f in data["facts"]:
        assert len(f["outlets"]) == len(set(f["outlets"])) and set(f["outlets"]) <= ids
        assert set(f["independent_outlets"]) <= set(f["outlets"])


def test_an_updated_figure_shows_how_it_rose_in_every_format() -> None:
    from test_match import OUTLETS, art, toll

    articles = [
        art("reuters", toll(2, "The earthquake in northern Japan killed two people, police said."), hour=0),
        art("apnews", toll(Interval(3, None), "The earthquake in northern Japan killed at least three people."), hour=2),
        art("bbc", toll(5, "The death toll from the earthquake in northern Japan has risen to five, police said."), hour=9),
    ]  # fmt: skip
    res = compare("quake", articles, OUTLETS, CompareOptions(min_outlets=2), generated_at=NOW)
    text = table_text(res)
    assert "rose from 2 to 5" in " ".join(text.split())
    md = render_markdown(res)
    assert "rose from 2 to 5 (2 → >=3 → 5)" in md
    data = json.loads(render(res, "json"))
    validate(data, SCHEMA)
    (fact,) = [f for f in data["facts"] if f["kind"] == "number"]
    assert fact["evolving"] is True and fact["value"] == {"low": 5, "high": 5} and fact["conflicts"] == []
    assert [m["value"]["low"] for m in fact["mentions"]] == [2, 3, 5]


def test_json_of_an_empty_result_validates(result) -> None:  # noqa: ANN001
    validate(to_json(replace(result, facts=(), since=NOW, until=None)), SCHEMA)


# --- CSV -------------------------------------------------------------------------------------


def test_csv_one_row_per_fact_and_outlet(result) -> None:  # noqa: ANN001
    rows = list(csv.DictReader(io.StringIO(render_csv(result))))
    assert len(rows) == sum(len(f.outlets) for f in result.facts)
    assert len({(r["fact_id"], r["outlet"]) for r in rows}) == len(rows)


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tx", "\r=1"])
def test_csv_neutralises_formulas(cell: str) -> None:
    safe = csv_safe(cell)
    assert safe.startswith("'") or not safe.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert csv_safe("123 prisoners") == "123 prisoners"


# --- hostile web text ------------------------------------------------------------------------


def hostile_result():  # noqa: ANN201
    claim = Claim("number", "123", f"Belarus freed 123 political prisoners. {HOSTILE}", 0, 3,
                  value=Interval.exact(123), unit="political prisoners")  # fmt: skip
    arts = [
        Article(
            o,
            f"javascript:alert({n})" if n else "https://ok.example/a",
            "x",
            f"=cmd| {HOSTILE}",
            "t",
            str(n),
            NOW,
            published=NOW,
            claims=(claim,),
        )  # fmt: skip
        for n, o in enumerate(["bbc", "cbs"])
    ]
    return compare(f"topic {HOSTILE}", arts, {}, CompareOptions(min_outlets=1), generated_at=NOW)


def test_hostile_text_in_the_terminal() -> None:
    buf = io.StringIO()
    print_table(hostile_result(), Console(width=200, file=buf, force_terminal=True, color_system="truecolor"),
                explain=True)  # fmt: skip
    out = buf.getvalue()
    assert "\x1b[2J" not in out
    assert "[bold red]x[/]" in out  # printed literally, not interpreted as markup
    assert "\\[" not in out
    assert terminal_safe("[bold red]x[/]\x1b[2J\x07") == "\\[bold red]x\\[/]"


def test_hostile_text_in_markdown() -> None:
    md = render_markdown(hostile_result())
    tokens = MarkdownIt("commonmark").enable("table").parse(md)
    inline = [t for tok in tokens if tok.children for t in tok.children]
    links = [t.attrGet("href") for t in inline if t.type == "link_open"]
    assert links and all(h.startswith(("http://", "https://")) for h in links)
    assert not any(t.type in ("html_inline", "html_block") for t in [*tokens, *inline])
    assert "<script>" not in md and "\x1b" not in md
    # every table row keeps its column count: no "|" from a page breaks out of a cell
    for line in md.splitlines():
        if line.startswith("| ") and "Fact" not in line and "---" not in line:
            assert line.replace("\\|", "").count("|") in (4, 7)
    assert markdown_escape("a|b\nc`d") == "a\\|b c\\`d"
    assert (
        safe_link("javascript:alert(1)") is None and safe_link("https://a.example/x") == "https://a.example/x"
    )


def test_hostile_text_in_csv_and_json() -> None:
    result = hostile_result()
    rows = list(csv.reader(io.StringIO(render_csv(result))))
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows[1:] for cell in row)
    assert "\x1b" not in render_csv(result)
    json.loads(render(result, "json"))  # raw text kept, JSON-escaped


def test_a_number_row_shows_the_figures_its_outlets_give_when_not_all_the_headline() -> None:
    """One outlet gives an exact toll, two an earlier "at least" bound that agrees with it: the row's headline
    figure is not what every outlet said, so every format tells the figures given and by how many outlets."""
    from test_match import OUTLETS, art, toll

    articles = [
        art("bbc", toll(61, "The gunman killed 61 people at the harbour festival, officials said."), hour=5),
        art("cbs", toll(Interval(40, None), "A gunman killed at least 40 people at a harbour festival on Saturday."), hour=1),
        art("apnews", toll(Interval(40, None), "At least 40 people died when a gunman fired on the harbour festival crowd."), hour=2),
    ]  # fmt: skip
    res = compare("festival", articles, OUTLETS, CompareOptions(min_outlets=2), generated_at=NOW)
    (fact,) = [f for f in res.facts if f.kind == "number"]
    assert len(fact.outlets) == 3 and fact.value == Interval(61, 61)
    given = "values given: 61 (1 outlet), >=40 (2)"
    for columns in (80, 120, 60):
        buf = io.StringIO()
        print_table(res, Console(width=columns, file=buf, color_system=None))
        text = buf.getvalue()  # a wrapped table cell interleaves with its neighbours: its pieces are there
        assert "values given:" in text and "61 (1" in text and ">=40 (2)" in text, columns
    assert given in render_markdown(res)
    from claimcheck.render.html import render_html

    assert f'<span class="given">{given.replace(">", "&gt;")}</span>' in render_html(res)


def test_a_number_row_whose_outlets_all_give_its_figure_adds_nothing(result) -> None:  # noqa: ANN001
    md = render_markdown(result).splitlines()
    for f in result.facts:
        if f.kind != "number":
            continue
        (row,) = [line for line in md if line.startswith(f"| {f.id} |")]
        disagreeing = {c.outlet for c in f.conflicts}
        same = {m.claim.value for m in f.mentions if m.outlet not in disagreeing} == {f.value}
        assert ("values given" in row) is not same, row


def test_a_qualified_figure_is_shown_as_written_not_as_the_interval_it_stands_for() -> None:
    """ "about 1,500" and "nearly 1,500" are matched as intervals (1,350-1,650, 1,380-<1,500), but a reader
    must see the figure as the outlets wrote it, in the values given and in each mention's evidence."""
    from test_match import OUTLETS, art

    from claimcheck.claims import extract_claims
    from claimcheck.render.html import render_html

    def numbers(text: str) -> list[Claim]:
        return [c for c in extract_claims(text) if c.kind == "number"]

    articles = [
        art("apnews", *numbers("About 1,500 people were injured when the dam gave way in the valley on Monday."), hour=1),
        art("reuters", *numbers("Around 1,500 people were hurt after the valley dam burst on Monday, officials said."), hour=2),
        art("bbc", *numbers("Nearly 1,500 people were injured in the valley when the dam collapsed."), hour=3),
        art("cbs", *numbers("More than 1,400 people were injured when the dam in the valley failed."), hour=4),
    ]  # fmt: skip
    res = compare("dam", articles, OUTLETS, CompareOptions(min_outlets=2), generated_at=NOW)
    (fact,) = [f for f in res.facts if f.kind == "number"]
    assert len(fact.outlets) == 4
    md = render_markdown(res)
    assert "values given: about 1,500 (2 outlets), nearly 1,500 (1), >1,400 (1)" in md
    assert "(value about 1,500)" in md and "(value nearly 1,500)" in md
    assert "1,350" not in md and "1,380" not in md
    from claimcheck.render.common import value_as_written

    (under,) = numbers("The coin fell below $6,000 on Tuesday, and under 40 traders were left.")[:1]
    assert value_as_written(under) == "<6,000"  # not "0-6,000"
    (upto,) = numbers("Up to 40 boats sank in the storm on the coast.")
    assert value_as_written(upto) == "up to 40"
    page = render_html(res)
    assert "value about 1,500" in page and "value nearly 1,500" in page and "1,350" not in page


def tied_ferry_toll() -> CompareResult:
    """One toll told by three outlets: two feeds that give only the day (00:00, tied first), one later."""
    from test_match import OUTLETS, art, toll

    articles = [
        art("bbc", toll(14, "The ferry fire off the northern coast killed 14 passengers, the coastguard said."), hour=0),
        art("cbs", toll(14, "Fourteen passengers died in the ferry fire off the northern coast, the coastguard said."), hour=0),
        art("apnews", toll(14, "A fire on a ferry off the northern coast killed 14 passengers, officials said."), hour=6),
    ]  # fmt: skip
    return compare("ferry", articles, OUTLETS, CompareOptions(min_outlets=2), generated_at=NOW)


def test_outlets_that_published_a_fact_at_the_same_first_time_are_all_first() -> None:
    """Two feeds give only the day, so both articles read 00:00: the table and the Markdown named one of them
    "first" by a tie-break a reader cannot see. Both are first; a third, later outlet is not."""
    res = tied_ferry_toll()
    (fact,) = [f for f in res.facts if f.kind == "number"]
    assert len(fact.outlets) == 3
    text = " ".join(table_text(res).split())
    assert "BBC (first)" in text and text.count("(first)") == 2 and "AP (first)" not in text
    row = next(line for line in render_markdown(res).splitlines() if line.startswith(f"| {fact.id} |"))
    assert "| BBC, CBS News |" in row or "| CBS News, BBC |" in row


def test_outlets_tied_at_the_first_time_are_first_in_csv_html_and_the_matrix_too() -> None:
    """The table and Markdown mark every outlet tied at a fact's first time; the CSV's first_reporter, the
    HTML grid and evidence and the --matrix grid named one of them, by the same invisible tie-break."""
    from claimcheck.render.html import cell_flags, render_html

    res = tied_ferry_toll()
    (fact,) = [f for f in res.facts if f.kind == "number"]
    rows = [r for r in csv.DictReader(io.StringIO(render_csv(res))) if r["fact_id"] == fact.id]
    assert {r["outlet"]: r["first_reporter"] for r in rows} == {"bbc": "true", "cbs": "true", "apnews": "false"}
    assert [cell_flags(fact, o).startswith("f") for o in ("bbc", "cbs", "apnews")] == [True, True, False]
    page = render_html(res)
    assert "first: BBC, CBS News," in page or "first: CBS News, BBC," in page
    (row,) = [line for line in table_text(res, matrix=True).splitlines() if line.startswith(f" {fact.id} ")]
    assert row.split()[-3:] == ["x", "1", "1"]  # columns AP, BBC, CBS News: both tied outlets marked first


def test_a_figure_given_in_another_unit_says_its_unit() -> None:
    """Outlets convert: "about 2,000 kilometres (about 1,200 miles)" joins the row of 2,000 km, and "a 40-metre
    well" the row of "130 feet" (the matcher converts). The values line and the evidence said "about 1,200 (1)"
    and "value 130" under a row of km or metres, read as 1,200 km and 130 metres: a figure whose unit is not
    the row's says its own."""
    from test_match import OUTLETS, art

    from claimcheck.claims import extract_claims
    from claimcheck.render.html import render_html

    def numbers(text: str) -> list[Claim]:
        return [c for c in extract_claims(text) if c.kind == "number"]

    articles = [
        art("apnews", *numbers("The probe splashed down in the ocean about 2,000 kilometres east of the cape on Monday."), hour=1),
        art("reuters", *numbers("The probe came down some 2,000 km east of the cape, the agency said on Monday."), hour=2),
        art("bbc", *numbers("The probe landed in the ocean about 1,200 miles east of the cape, officials said."), hour=3),
    ]  # fmt: skip
    res = compare("probe", articles, OUTLETS, CompareOptions(min_outlets=2), generated_at=NOW)
    (fact,) = [f for f in res.facts if f.kind == "number"]
    assert len(fact.outlets) == 3 and fact.unit == "km", fact
    md = render_markdown(res)
    assert "about 1,200 miles (1)" in md and "(value about 1,200 miles)" in md, md
    assert "about 2,000 (2 outlets)" in md and "(value about 2,000)" in md  # the row's own unit is its heading's
    page = render_html(res)
    assert "about 1,200 miles (1)" in page and "value about 1,200 miles" in page
    buf = io.StringIO()
    print_table(res, Console(width=120, file=buf, color_system=None))
    assert "about 1,200 miles (1)" in buf.getvalue()


def test_a_figure_of_hundreds_of_digits_is_no_quantity_and_compare_goes_on() -> None:
    """Web text with a figure of 400 digits was a number claim of infinite value, and compare crashed on it
    ("internal error: OverflowError: cannot convert float infinity to integer", in the matcher's blocking;
    JSON would have said Infinity). Such a figure is no quantity; a store an older version filled with one
    is matched without it."""
    from dataclasses import replace as with_value

    from test_match import OUTLETS, art

    from claimcheck.claims import extract_claims
    from claimcheck.models import Interval

    big = "9" * 400
    text = f"The harbour debt reached {big} dollars last year, officials said."
    assert not [c for c in extract_claims(text) if c.kind == "number"]
    fine = [c for c in extract_claims("The harbour debt reached 4,000 dollars last year, officials said.") if c.kind == "number"]
    stored = with_value(fine[0], value=Interval(float("inf"), float("inf")))  # as an older extractor stored it
    articles = [art("bbc", stored, hour=1), art("cbs", stored, hour=2), art("apnews", fine[0], hour=3)]
    res = compare("debt", articles, OUTLETS, CompareOptions(min_outlets=1), generated_at=NOW)
    data = json.loads(render(res, "json"), parse_constant=lambda c: pytest.fail(f"JSON holds {c}"))
    assert all(f["value"] is None or f["value"]["low"] == 4000 for f in data["facts"])


def test_the_conflicts_column_is_shown_only_when_a_row_has_one() -> None:
    """A Conflicts column empty on every row took a fifth of an 80-column table from the facts; it is left
    out then (the summary line says none conflicts), and shown as soon as one row has a conflicting figure."""
    from test_match import OUTLETS, art

    from claimcheck.claims import extract_claims

    def numbers(text: str) -> list[Claim]:
        return [c for c in extract_claims(text) if c.kind == "number"]

    def table(third: str) -> str:
        articles = [
            art("apnews", *numbers("The storm destroyed 212 homes in the valley on Monday, officials said."), hour=1),
            art("reuters", *numbers("Officials said 212 homes in the valley were destroyed by the storm on Monday."), hour=2),
            art("bbc", *numbers(third), hour=3),
        ]  # fmt: skip
        buf = io.StringIO()
        print_table(compare("storm", articles, OUTLETS, CompareOptions(min_outlets=2), generated_at=NOW), Console(width=80, file=buf, color_system=None))
        return buf.getvalue()

    agreed = table("The storm destroyed 212 homes in the valley on Monday, the council said.")
    assert "Reported by" in agreed and "Conflicts" not in agreed, agreed
    disputed = table("The storm destroyed 215 homes in the valley on Monday, the council said.")
    assert "Conflicts" in disputed and "BBC says 215" in disputed and "(vs 212)" in disputed, disputed


def test_a_row_whose_outlets_all_tie_first_marks_none_first_in_the_table() -> None:
    """Every outlet of a row stamped with the same day only: "(first)" after each of them (or "all 3 outlets; first
    a, b, c") tells nothing (look18, on real tuning events). The table marks none; the Markdown's First column
    still lists them, and the JSON keeps them."""
    from test_match import OUTLETS, art, toll

    articles = [
        art("bbc", toll(14, "The ferry fire off the northern coast killed 14 passengers, the coastguard said."), hour=0),
        art("cbs", toll(14, "Fourteen passengers died in the ferry fire off the northern coast, the coastguard said."), hour=0),
    ]  # fmt: skip
    res = compare("ferry", articles, OUTLETS, CompareOptions(min_outlets=2), generated_at=NOW)
    (fact,) = [f for f in res.facts if f.kind == "number"]
    assert "(first)" not in table_text(res)
    row = next(line for line in render_markdown(res).splitlines() if line.startswith(f"| {fact.id} |"))
    assert "| BBC, CBS News |" in row or "| CBS News, BBC |" in row
    assert "(first)" in table_text(tied_ferry_toll())  # a later third outlet: the tied two stay first

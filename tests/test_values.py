"""Large figures a reader can read (issue #12, section 4): "11.5 million documents" and "$2 billion" in the
human renderers, never a digit lost; full digits in CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from rich.console import Console
from test_match import OUTLETS, art

from claimcheck.claims import extract_claims
from claimcheck.compare import CompareOptions, compare
from claimcheck.models import Interval
from claimcheck.render import print_table, render, render_csv, render_markdown
from claimcheck.values import format_amount, format_value

NOW = datetime(2025, 3, 4, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "short", "full"),
    [
        (Interval.exact(11_500_000), "11.5 million", "11,500,000"),
        (Interval.exact(2e9), "2 billion", "2,000,000,000"),
        (Interval.exact(1_250_000), "1.25 million", "1,250,000"),
        (Interval.exact(1.2e9), "1.2 billion", "1,200,000,000"),
        (Interval.exact(2.5e12), "2.5 trillion", "2,500,000,000,000"),
        (Interval.exact(999_999), "999,999", "999,999"),  # below a million: as before
        # no digit lost: a figure a short form would round keeps every digit
        (Interval.exact(11_532_117), "11,532,117", "11,532,117"),
        (Interval.exact(11_532_000), "11,532,000", "11,532,000"),
        (Interval(2e9, None, low_inclusive=False), ">2 billion", ">2,000,000,000"),
        (Interval(None, 5e6, high_inclusive=True), "<=5 million", "<=5,000,000"),
        (Interval(1.5e6, 2e6), "1.5-2 million", "1,500,000-2,000,000"),
        (Interval(8e8, 1.2e9), "800 million-1.2 billion", "800,000,000-1,200,000,000"),
        # a range with one end that must keep its digits keeps them at both ends (not "1,234,567-2 million")
        (Interval(1_234_567, 2e6), "1,234,567-2,000,000", "1,234,567-2,000,000"),
    ],
)
def test_a_large_figure_reads_in_its_exact_short_form(value: Interval, short: str, full: str) -> None:
    assert format_value(value) == short
    assert format_value(value, full=True) == full


def test_close_large_figures_stay_distinct() -> None:
    """A conflict between 11.5 and 11.6 million, or 11,532,117 and 11,532,118, must stay visible."""
    assert format_value(Interval.exact(11.5e6)) != format_value(Interval.exact(11.6e6))
    assert format_value(Interval.exact(11_532_117)) != format_value(Interval.exact(11_532_118))
    assert format_value(Interval.exact(1_000_001)) == "1,000,001"


def test_money_takes_its_currency_sign_and_weight_does_not() -> None:
    assert format_amount(Interval.exact(2e9), "dollars", money=True) == "$2 billion"
    assert format_amount(Interval.exact(40e6), "pounds", money=True) == "£40 million"
    assert format_amount(Interval.exact(1.2e9), "euros", money=True) == "€1.2 billion"
    assert format_amount(Interval(2e9, None, low_inclusive=False), "dollars", money=True) == ">$2 billion"
    assert format_amount(Interval(1.5e9, 2e9), "dollars", money=True) == "$1.5-2 billion"
    assert format_amount(Interval.exact(40e6), "pounds") == "40 million pounds"  # a weight
    assert format_amount(Interval.exact(11.5e6), "documents") == "11.5 million documents"


DEAL = "The consortium agreed to pay {money} for the port operator on the northern coast, the company said."
LEAK = "Reporters obtained {n} documents from the offshore law firm, the newspaper said."


@pytest.fixture(scope="module")
def result():  # noqa: ANN201
    texts = {
        "reuters": (DEAL.format(money="$2 billion"), LEAK.format(n="11.5 million")),
        "bbc": (DEAL.format(money="$2bn"), LEAK.format(n="11.5 million")),
        "cbs": (DEAL.format(money="$2 billion"), LEAK.format(n="11.6 million")),
        "aljazeera": (DEAL.format(money="$2.1 billion"), LEAK.format(n="11,532,117")),
    }
    articles = []
    for hour, (oid, sentences) in enumerate(texts.items()):
        body = " ".join(sentences)
        a = art(oid, hour=hour, text=body)
        articles.append(replace(a, title="Port operator sold", claims=tuple(extract_claims(body, {}))))
    return compare("port", articles, OUTLETS, CompareOptions(min_outlets=2), generated_at=NOW)


def test_the_human_renderers_show_short_figures_and_the_machine_ones_every_digit(result) -> None:  # noqa: ANN001
    buf = io.StringIO()
    print_table(result, Console(width=200, file=buf, color_system=None))
    table = " ".join(buf.getvalue().split())
    assert "$2 billion" in table and "2,000,000,000" not in table
    assert "11.5 million documents" in table and "11,500,000" not in table
    assert "11.6 million" in table and "11,600,000" not in table  # the conflict stays visible
    md = render_markdown(result)
    assert "$2 billion" in md and "2,000,000,000" not in md
    assert "CBS News says 11.6 million (vs 11.5 million)" in md
    assert "Al Jazeera says $2.1 billion (vs $2 billion)" in md  # money conflicts keep the sign
    assert "values given: 11.5 million (2 outlets), 11,532,117 (1)" in md  # no digit lost
    assert "(value $2.1 billion, wire copy)" in md
    html = render(result, "html")
    assert "$2 billion" in html and "11.5 million documents" in html and "11,500,000" not in html
    rows = list(csv.DictReader(io.StringIO(render_csv(result))))
    assert {"2,000,000,000", "11,500,000"} <= {r["fact_value"] for r in rows}
    assert "11,600,000" in {r["value"] for r in rows}
    data = json.loads(render(result, "json"))
    assert {"low": 2e9, "high": 2e9} in [f["value"] for f in data["facts"]]


@pytest.mark.parametrize(
    ("value", "unit", "want"),
    [
        (Interval.exact(37), "age", "37 years old"),
        (Interval.exact(6), "age in months", "6 months old"),
        (Interval.exact(84), "age at death", "died aged 84"),
        (Interval(30, 40), "age", "30-40 years old"),
        (Interval.exact(37), "people", "37 people"),
    ],
)
def test_an_age_reads_as_one(value: Interval, unit: str, want: str) -> None:
    # the table's fact starts with its figure: "37 years old: The 37-year-old driver ...", not "37 age: ..."
    assert format_amount(value, unit) == want

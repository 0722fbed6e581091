"""Review25: misfires of the merged statements25 and facts25 rules on invented sentences of several kinds of news.

- A past verb with an object, or a modal that opens after a word of saying or fearing, is the clause's own act: a
  modal further on ("... amid fears rates could rise") is another clause's, not the subject's (statements25's
  participle rule read these acts as participles).
- A quotation's inner sentences (facts25's ``inner_stops``) end at no abbreviation of a place or a title the
  splitter's list leaves out ("Calif.", "Ave.", "Brig.", "Pa.", "Fr."): the name after it stays in the figure's
  clause and context.
- A unit beginning with "m" glued to a bracketed figure ("[40mm]", "[70mph]") is no terminal colour code (bughunt26's
  ``ESCAPE_CODE``).
- Bytes after a compressed body's end that begin no gzip member are dropped as they come, not gathered.
- A $COLUMNS of 0 is no width: rich laid every command's output out in none, and printed nothing.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from test_bughunt26 import _store

from claimcheck.claims.clauses import inner_stops
from claimcheck.claims.extract import extract_claims
from claimcheck.claims.statements import is_statement
from claimcheck.ingest.body import _Inflate


@pytest.mark.parametrize(
    "text",
    [
        # markets, weather, business, politics, courts: an object after the verb, or "fears", "say" before the modal
        "Investors sold shares on Monday amid fears rates could rise.",
        "Flooding damaged 200 homes in the town over fears the river could burst again.",
        "The central bank raised rates to 5 percent in a decision economists say will slow growth.",
        "Police seized cocaine at the port on Tuesday amid fears more shipments could follow.",
        "Prosecutors charged a nurse in March in a case lawyers expect could take years.",
    ],
)
def test_an_act_before_another_clauses_modal_stays_a_statement(text: str) -> None:
    assert is_statement(text), text


def _context(text: str) -> list[str]:
    """The context words of the one figure of ``text``."""
    (claim,) = [c for c in extract_claims(text) if c.kind == "number"]
    return list(claim.extra["context"])


def test_an_abbreviation_before_a_name_ends_no_sentence_of_a_quotation() -> None:
    # a state's, a street's and a title's abbreviation before a capitalised name: one sentence of the quotation
    assert (
        inner_stops('"Crews in Fresno, Calif. Recovered 30 bodies from the wreck," the sheriff said.') == ()
    )
    assert inner_stops('"Protesters blocked Pennsylvania Ave. NW for 3 hours," an officer said.') == ()
    assert inner_stops('"Brig. Gen. Ortiz sent 300 troops to the border," the ministry said.') == ()
    assert inner_stops('"Fr. Murphy led 200 pilgrims up the hill," the parish said.') == ()
    assert {"general", "hospital"} <= set(
        _context('"The blast sent 40 workers to Mass. General Hospital in the night," the fire chief said.')
    )
    # a real inner sentence still ends: after an acronym, a word of several letters
    assert len(inner_stops('"We stayed in the EU. The vote in 2016 changed that," he said.')) == 1
    assert len(inner_stops('"The dam held for a week. Then 40 homes flooded," the mayor said.')) == 1


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # weather, motoring, health: a unit that begins with "m" glued to a figure in an editor's bracket
        ("The storm brought [40mm] of rain to the coastal town on Friday.", "40mm"),
        ("Gusts of [70mph] toppled trees across the county overnight.", "70mph"),
        ("Each pill [10mg] sold for 4 dollars on the street, police said.", "10mg"),
    ],
)
def test_a_unit_glued_to_a_bracketed_figure_is_no_colour_code(text: str, figure: str) -> None:
    assert figure in [c.text for c in extract_claims(text) if c.kind == "number"], text


def test_bytes_after_a_compressed_body_are_not_gathered() -> None:
    # a page's gzip member, then junk in many network chunks: ignored as it comes, not held (zlib kept a copy of
    # all of it, each chunk copying all before: 50 MB of junk took 14 s of CPU)
    for coding, body in (
        ("gzip", gzip.compress(b"<p>Storm closes ports</p>")),
        ("deflate", zlib.compress(b"<p>x</p>")),
    ):
        step = _Inflate(coding)
        text = b"".join(step.pieces(body))
        for _ in range(50):
            assert list(step.pieces(b"junk " * 2000)) in ([], [b""])
        assert step.d is not None and len(step.d.unused_data) <= 10_000
        assert text.startswith(b"<p>") and step.end() == b""


@pytest.mark.parametrize("argv", [["articles"], pytest.param(["stats"], marks=pytest.mark.slow)])  # one width path
def test_a_columns_of_zero_prints_the_output_at_a_width(tmp_path: Path, argv: list[str]) -> None:
    db, sources = _store(tmp_path)
    shown = []
    for columns in ("0", "80"):
        r = subprocess.run(
            [sys.executable, "-m", "claimcheck", *argv, "--db", str(db), "--sources", str(sources)],
            env={**os.environ, "COLUMNS": columns}, capture_output=True, timeout=120, check=False,
        )  # fmt: skip
        assert r.returncode == 0, r.stderr
        shown.append(r.stdout.decode())
    assert shown[0].strip() and shown[0] == shown[1]

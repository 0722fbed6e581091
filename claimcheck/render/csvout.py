"""The report as CSV: one row per (fact, outlet) with that outlet's first piece of evidence.

Cells are neutralised against formula injection (``csv_safe``): a spreadsheet opening the file
never runs ``=HYPERLINK(...)`` from a page title.
"""

from __future__ import annotations

import csv
import io

from claimcheck.models import CompareResult
from claimcheck.render.common import first_outlets, format_value
from claimcheck.textsafe import csv_safe

COLUMNS = (
    "fact_id", "kind", "fact", "fact_value", "outlet", "first_reporter", "independent", "syndicated",
    "conflict", "value", "published", "url", "title", "sentence", "cited_sources", "also_listed_by",
)  # fmt: skip


def render_csv(result: CompareResult) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for f in result.facts:
        conflicting = {c.outlet for c in f.conflicts}
        firsts = first_outlets(f)  # every outlet tied at the first time, as the table marks them
        for oid in f.outlets:
            m = next(m for m in f.mentions if m.outlet == oid)
            row = [
                f.id, f.kind, f.summary, format_value(f.value, full=True) if f.value else "", oid,
                oid in firsts, oid in f.independent_outlets, m.syndicated, oid in conflicting,
                format_value(m.claim.value, full=True) if m.claim.value else "",
                m.published.isoformat() if m.published else "", m.url, m.title, m.claim.sentence,
                " ".join(f.cited_sources), " ".join(result.also_listed.get(m.url, ())),
            ]  # fmt: skip
            writer.writerow([csv_safe(str(v)) if not isinstance(v, bool) else str(v).lower() for v in row])
    return buf.getvalue()

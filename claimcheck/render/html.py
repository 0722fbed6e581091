"""The report as one self-contained HTML page: the facts x outlets grid, evidence on click, timelines.

Pure: ``render_html(result)`` returns the document. Every piece of web text is escaped
(``htmlpage.esc``), links are http(s) only (``textsafe.safe_link``), and the script reads its data
from a JSON block (``textsafe.json_script``). With JavaScript off the page is a plain table whose
cells link to the evidence listed below it; with it, filters and an evidence panel work offline.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from claimcheck.models import CompareResult, Fact, Mention
from claimcheck.render.common import (
    conflict_text,
    counted,
    evolution_text,
    fact_figure,
    first_outlets,
    format_value,
    headline_value,
    mention_value,
    money_sign,
    outlet_names,
    tied_first,
    values_given,
    when_text,
    zoned_text,
)
from claimcheck.render.common import window_text as _window_text
from claimcheck.render.htmlpage import asset, esc, link, page, timeline_svg
from claimcheck.render.markdown import METHOD
from claimcheck.render.table import matrix_columns
from claimcheck.textsafe import plain

KINDS = ("number", "quote", "statement")
# Cell flags, in this order: f first to report, r reports (independent), w wire copy, x conflicting
# value, c credited as a source without an article here. The mark shown is the first that applies of
# x, f, w, r, c; colour always comes with it.
MARKS = {"x": "≠", "f": "1", "w": "W", "r": "✓", "c": "c"}
LEGEND = (
    ("f", "1", "first to report it"),
    ("r", "✓", "reports it"),
    ("w", "W", "wire copy (not independent)"),
    ("x", "≠ 125", "conflicting value (the value it gives)"),
    ("c", "c", "credited as a source; no article of its own here"),
)
DESCRIBE = {"f": "first to report it", "r": "reports it", "w": "wire copy", "x": "conflicting value",
            "c": "credited as a source"}  # fmt: skip


def _bold_count(n: int, word: str) -> str:
    """ "<b>1</b> article", "<b>12</b> articles"."""
    number, noun = counted(n, word).split(" ", 1)
    return f"<b>{number}</b> {noun}"


def cell_flags(fact: Fact, oid: str) -> str:
    """The flags of one grid cell, e.g. ``"fr"`` (first, independent), ``"wx"``, ``"c"`` or ``""``."""
    if oid not in fact.outlets:
        return "c" if oid in fact.cited_sources else ""
    flags = "f" if oid in first_outlets(fact) else ""
    flags += "r" if oid in fact.independent_outlets else "w"
    if any(c.outlet == oid for c in fact.conflicts):
        flags += "x"
    return flags


def first_independents(fact: Fact) -> list[str]:
    """The first outlets to report the fact in an article of their own, when the first of all is a wire copy
    (what "independent outlets only" marks as first): every independent outlet published at the earliest
    independent time, as `first_outlets` keeps every outlet tied at the first; [] when the first outlet is
    independent."""
    independent = set(fact.independent_outlets)
    if fact.first_outlet is None or fact.first_outlet in independent:
        return []
    own = [m for m in fact.mentions if m.outlet in independent and not m.syndicated]
    times = [m.published for m in own if m.published is not None]
    if not times:
        return [o for o in fact.outlets if o in independent][:1]
    earliest = min(times)
    return list(dict.fromkeys(m.outlet for m in own if tied_first(m.published, earliest)))


def _conflict_value(fact: Fact, oid: str) -> str:
    return next((format_value(c.value, sign=money_sign(fact)) for c in fact.conflicts if c.outlet == oid), "")


def _columns(result: CompareResult) -> list[str]:
    columns = matrix_columns(result)
    seen = set(columns)
    for f in result.facts:  # an outlet of a fact is always considered; this only guards the index
        for oid in f.outlets:
            if oid not in seen:
                seen.add(oid)
                columns.append(oid)
    return columns


def wire_only(result: CompareResult) -> set[str]:
    """Outlets that report facts here only as wire copy (hidden by "independent outlets only")."""
    reporting = {o for f in result.facts for o in f.outlets}
    independent = {o for f in result.facts for o in f.independent_outlets}
    return reporting - independent


def _fact_value(fact: Fact) -> str:
    if fact.kind == "number" and fact.value is not None:
        return plain(fact_figure(fact))
    if fact.kind == "quote":
        return plain(fact.speaker) or "unattributed"
    return ""


def render_html(result: CompareResult, *, explain: bool = False) -> str:
    names = outlet_names(result)
    columns = _columns(result)
    wo = wire_only(result)
    body = [
        _header(result, names, wo),
        _controls(result),
        _legend(),
        _grid(result, names, columns, wo),
        _evidence(result, names, columns, explain),
        _citations(result, names),
        f'<section id="method"><h2>Method</h2><p class="method">{esc(METHOD)}</p></section>',
    ]
    data = {
        "outlets": [plain(names.get(o, o)) for o in columns],
        "facts": [_fact_data(f, columns) for f in result.facts],
    }
    return page(
        title=f"claimcheck: {result.topic}",
        body="\n".join(body),
        css=asset("report.css"),
        js=asset("report.js"),
        data=data,
    )


def _fact_data(fact: Fact, columns: Sequence[str]) -> dict[str, object]:
    cells, vals = {}, {}
    first_indep, fi = set(first_independents(fact)), []
    for col, oid in enumerate(columns):
        if flags := cell_flags(fact, oid):
            cells[col] = flags
            if "x" in flags:
                vals[col] = _conflict_value(fact, oid)
            elif oid in first_indep:
                fi.append(col)  # marked "1" while only independent outlets are shown
    data: dict[str, object] = {
        "id": plain(fact.id),
        "kind": fact.kind,
        "summary": plain(fact.summary),
        "value": headline_value(fact) if fact.value is not None else "",
        "indep": len(fact.independent_outlets),
        "cells": cells,
        "vals": vals,
    }
    if fi:
        data["fi"] = fi
    return data


def _header(result: CompareResult, names: dict[str, str], wo: set[str]) -> str:
    conflicts = sum(1 for f in result.facts if f.conflicts)
    outlets = "".join(
        f'<li class="{"wo" if o.id in wo else "o"}" title="{esc(o.id)}">{esc(o.name)} · {o.articles}</li>'
        for o in result.outlets
    )
    return (
        f"<header><h1>claimcheck: {esc(result.topic)}</h1>\n"
        f'<p class="meta">Window: <b>{esc(_window_text(result))}</b> · '
        f"{_bold_count(result.article_count, 'article')} "
        f"from {_bold_count(len(result.outlets), 'outlet')} · {_bold_count(len(result.facts), 'fact')}, "
        f'<b>{conflicts}</b> with a conflicting value · generated <time datetime="{esc(result.generated_at.isoformat())}">'
        f"{esc(when_text(result.generated_at))}</time> UTC</p>\n"
        f'<p class="meta">Outlets considered (articles):</p><ul class="outlets">{outlets}</ul></header>'
    )


def _controls(result: CompareResult) -> str:
    boxes = "".join(
        f'<label><input type="checkbox" name="kind" value="{k}" checked> {k}s '
        f"({sum(1 for f in result.facts if f.kind == k)})</label>"
        for k in KINDS
    )
    return (
        f'<div id="controls" class="controls" hidden><fieldset><legend>Show</legend>{boxes}</fieldset>'
        '<label><input type="checkbox" id="indep"> independent outlets only (hide wire copy)</label>'
        '<output id="shown"></output></div>\n'
        '<noscript><p class="note">JavaScript is off: the filters and the evidence panel are not available; '
        "every cell links to its evidence below the grid.</p></noscript>"
    )


def _legend() -> str:
    items = "".join(f'<li><span class="m {cls}">{mark}</span>{esc(text)}</li>' for cls, mark, text in LEGEND)
    return (
        f'<ul class="legend" id="legend">{items}<li><i>Italic outlet</i>: only wire copy here</li>'
        "<li>Click or focus a cell for its evidence; arrow keys move between cells.</li></ul>"
    )


def _grid(result: CompareResult, names: dict[str, str], columns: Sequence[str], wo: set[str]) -> str:
    head = "".join(
        f'<th scope="col" class="o{" wo" if oid in wo else ""}" title="{esc(names.get(oid, oid))}">'
        f"<span>{esc(names.get(oid, oid))}</span></th>"
        for oid in columns
    )
    rows = [_row(i, f, names, columns, wo) for i, f in enumerate(result.facts)]
    empty = "" if result.facts else '<p class="note">No fact is reported by enough outlets.</p>'
    return (
        f'<section id="grid-section"><h2>Who reports what</h2>{empty}<div class="gridwrap"><div class="scroll">'
        f'<table class="grid" id="grid"><thead><tr><th scope="col" class="fact">Fact</th>{head}</tr></thead>'
        f"<tbody>\n{''.join(rows)}</tbody></table></div>"
        '<aside id="panel" tabindex="-1" aria-live="polite" aria-label="Evidence" hidden></aside></div></section>'
    )


def _row(i: int, fact: Fact, names: dict[str, str], columns: Sequence[str], wo: set[str]) -> str:
    cells = []
    for col, oid in enumerate(columns):
        flags = cell_flags(fact, oid)
        cls = " wo" if oid in wo else ""
        if not flags:
            cells.append(f'<td class="{cls[1:]}">' if cls else "<td>")  # end tag optional (HTML spec)
            continue
        mark_flag = next(k for k in "xfwrc" if k in flags)
        mark = MARKS[mark_flag] + (f" {esc(_conflict_value(fact, oid))}" if mark_flag == "x" else "")
        classes = mark_flag + (" w" if "w" in flags and mark_flag != "w" else "") + cls
        target = f"e{i}-{col}" if flags != "c" else f"ef{i}"
        cells.append(f'<td class="{classes}"><a href="#{target}">{mark}</a></td>')
    value = _fact_value(fact)
    evolved = evolution_text(fact)
    tl = timeline_svg(_timeline_points(fact, names), label=f"When each outlet published {fact.id}")
    return (
        f'<tr class="k-{esc(fact.kind)}" data-f="{i}"><th scope="row" class="fact">'
        f'<span class="fid">{esc(fact.id)}</span><span class="kind">{esc(fact.kind)}</span>'
        + (f'<span class="val">{esc(value)}</span>' if value else "")
        + f'<span class="ind">'
        f"{len(fact.independent_outlets)}/{len(fact.outlets)} indep.</span>"
        f'<span class="sum">{esc(fact.summary)}</span>'
        + (f'<span class="given">values given: {esc(given)}</span>' if (given := values_given(fact)) else "")
        + (f'<span class="upd">↗ {esc(evolved)}</span>' if evolved else "")
        + f"{tl}</th>{''.join(cells)}</tr>\n"
    )


def _timeline_points(fact: Fact, names: dict[str, str]) -> list[tuple[datetime, str, str]]:
    """The earliest dated mention of each outlet, classed like its cell."""
    earliest: dict[str, datetime] = {}
    for m in fact.mentions:
        if m.published is not None and (m.outlet not in earliest or m.published < earliest[m.outlet]):
            earliest[m.outlet] = m.published
    points = []
    for oid, when in earliest.items():
        flags = cell_flags(fact, oid)
        cls = next((k for k in "xfw" if k in flags), "r")
        points.append((when, plain(names.get(oid, oid)), cls))
    return points


def _highlighted(m: Mention) -> str:
    """The sentence with the claim's own words marked, both escaped."""
    sentence, span = plain(m.claim.sentence), plain(m.claim.text)
    at = sentence.find(span) if span else -1
    if at < 0:
        return esc(sentence)
    return f"{_esc_spaced(sentence[:at])}<mark>{esc(span)}</mark>{_esc_spaced(sentence[at + len(span) :])}"


def _esc_spaced(s: str) -> str:
    """``esc`` of a piece of an already plain sentence, keeping the spaces at its ends (``esc`` strips)."""
    return (" " if s.startswith(" ") else "") + esc(s) + (" " if s.endswith(" ") and s.strip() else "")


def _evidence(result: CompareResult, names: dict[str, str], columns: Sequence[str], explain: bool) -> str:
    col_of = {oid: col for col, oid in enumerate(columns)}
    out = ['<section id="evidence"><h2>Evidence (times UTC)</h2>']
    for i, f in enumerate(result.facts):
        first = (
            f" · first: {esc(', '.join(names.get(o, o) for o in first_outlets(f)))}, {esc(when_text(f.first_published))}"
            if f.first_outlet
            else ""
        )
        value = _fact_value(f)
        out.append(
            f'<article id="ef{i}" class="fact-ev k-{esc(f.kind)}"><h3>{esc(f.id)}. {esc(f.summary)}</h3>'
            f'<p class="note"><span class="kind">{esc(f.kind)}</span>'
            + (f' <span class="val">{esc(value)}</span>' if value else "")
            + f" · reported by {esc(counted(len(f.outlets), 'outlet'))}, {len(f.independent_outlets)} independent{first}</p>"
        )
        if f.cited_sources:
            cited = ", ".join(esc(names.get(s, s)) for s in f.cited_sources)
            out.append(f'<p class="note">Credited as the source: {cited}.</p>')
        out += [f'<p class="note"><b>Conflict:</b> {esc(c)}</p>' for c in conflict_text(f, names)]
        if evolved := evolution_text(f):
            out.append(f'<p class="note upd">Updated over time: {esc(evolved)}</p>')
        out.append('<ol class="evs">')
        for oid in f.outlets:
            out.append(_evidence_item(f, oid, f"e{i}-{col_of[oid]}", names, result.also_listed))
        out.append("</ol>")
        if explain and f.links:
            lines = "".join(
                f"<li>{esc(names.get(f.mentions[k.a].outlet, f.mentions[k.a].outlet))} ~ "
                f"{esc(names.get(f.mentions[k.b].outlet, f.mentions[k.b].outlet))}: "
                f"{k.score:.2f}, {esc(k.rule)}</li>"
                for k in f.links
            )
            out.append(f"<details><summary>Why these were matched</summary><ul>{lines}</ul></details>")
        out.append("</article>")
    out.append("</section>")
    return "\n".join(out)


def _evidence_item(
    fact: Fact, oid: str, anchor: str, names: dict[str, str], also_listed: Mapping[str, Sequence[str]]
) -> str:
    flags = cell_flags(fact, oid)
    cls = next(k for k in "xfwr" if k in flags)
    tags = "".join(f'<span class="tag m {k}">{esc(DESCRIBE[k])}</span>' for k in "fwx" if k in flags)
    parts = [f'<li id="{anchor}" class="{cls}{" w" if "w" in flags and cls != "w" else ""}">'
             f"<h4>{esc(names.get(oid, oid))}{tags}</h4>"]  # fmt: skip
    for m in (m for m in fact.mentions if m.outlet == oid):
        notes = []
        if fact.kind == "number" and m.claim.value is not None:
            notes.append(f"value {esc(mention_value(m.claim, fact, money_sign(fact)))}")
        if m.syndicated:
            notes.append("wire copy")
        if m.fidelity:
            notes.append(f"quote {esc(m.fidelity)}")
        if also := also_listed.get(m.url):
            notes.append(f"also in the feed of {esc(', '.join(names.get(o, o) for o in also))}")
        extra = "".join(f" · {n}" for n in [esc(zoned_text(m.published)), *notes])  # also shown in the panel
        parts.append(f"<q>{_highlighted(m)}</q><p>{link(m.url, m.title)}{extra}</p>")
    parts.append("</li>")
    return "".join(parts)


def _citations(result: CompareResult, names: dict[str, str]) -> str:
    if not result.citations:
        return '<section id="cites"><h2>Who cites whom</h2><p>No outlet credits another.</p></section>'
    by_outlet: dict[str, list[str]] = {}
    for c in result.citations:
        cited = names.get(c.cited, c.cited)
        label = f"<b>{esc(cited)}</b>" if c.cited in names else esc(cited)
        by_outlet.setdefault(c.outlet, []).append(f"{label} ({c.articles})")
    rows = "".join(
        f'<tr><th scope="row">{esc(names.get(o, o))}</th><td>{", ".join(cited)}</td></tr>'
        for o, cited in by_outlet.items()
    )
    return (
        '<section id="cites"><h2>Who cites whom</h2><table class="plain"><thead><tr><th scope="col">Outlet'
        '</th><th scope="col">Credits (articles; outlets in bold)</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></section>"
    )

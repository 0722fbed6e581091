"""The report as Markdown (CommonMark plus GFM pipe tables): tables, evidence, conflicts, quotes.

Web text is escaped with ``markdown_escape`` (no links, HTML, emphasis or table breaks can come
from a page) and links are emitted only for http(s) URLs (``safe_link``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from claimcheck.models import CompareResult, Mention
from claimcheck.render.common import (
    conflict_text,
    counted,
    distinct_conflicts,
    evolution_text,
    first_outlets,
    format_value,
    mention_value,
    money_sign,
    outlet_names,
    published_text,
    values_given,
    when_text,
    window_text,
)
from claimcheck.textsafe import markdown_escape, safe_link

# A report repeats its texts (one article's title, link and sentence in several facts, outlet
# names everywhere): each is escaped once.
esc = lru_cache(maxsize=16384)(markdown_escape)

METHOD = (
    "Claims (numbers, quotes, statements, citations) were extracted from each article's text and "
    "matched across outlets: numbers by the counted thing and overlapping value intervals (close but "
    "disjoint values are reported as conflicts, a different time span is a different fact), quotes by "
    "their normalised words, statements by content words and shared names. Two claims of one article "
    "are never one fact, and average linkage keeps unrelated claims from chaining. Articles that carry "
    "a wire dateline or byline, or nearly duplicate another outlet's article, are marked as wire copy "
    "and left out of the independent count. Each outlet is counted once per fact."
)


def render_markdown(result: CompareResult, *, explain: bool = False) -> str:
    names = outlet_names(result)

    def name(oid: str) -> str:
        return esc(names.get(oid, oid))

    out: list[str] = [f"# claimcheck: {esc(result.topic)}", ""]
    out += [
        f"Window: {esc(window_text(result))}. {counted(result.article_count, 'article')} from "
        f"{counted(len(result.outlets), 'outlet')}. Generated {esc(when_text(result.generated_at))} UTC.",
        "",
        "## Outlets considered",
        "",
        "| Outlet | Id | Articles |",
        "| --- | --- | ---: |",
    ]
    out += [f"| {esc(o.name)} | {esc(o.id)} | {o.articles} |" for o in result.outlets]
    out += ["", "## Attribution", ""]
    if not result.facts:
        out += ["No fact is reported by enough outlets.", ""]
    else:
        out += [
            "| # | Fact | Reported by | First | Independent | Conflicts |",
            "| --- | --- | --- | --- | ---: | --- |",
        ]
        for f in result.facts:
            reported = ", ".join(
                name(o) + ("" if o in f.independent_outlets else " (wire copy)") for o in f.outlets
            )
            notes = [*conflict_text(f, names), *filter(None, [evolution_text(f)])]
            conflicts = "; ".join(esc(c) for c in notes) or "none"
            given = values_given(f)
            fact_cell = esc(f.summary) + (f" (values given: {esc(given)})" if given else "")
            out.append(
                f"| {f.id} | {fact_cell} | {reported} | {', '.join(name(o) for o in first_outlets(f)) or 'unknown (undated)'} "
                f"| {len(f.independent_outlets)} of {len(f.outlets)} | {conflicts} |"
            )
        out.append("")
    out += _evidence(result, name, explain)
    out += _conflicts(result, name)
    out += _quotes(result, name)
    out += ["## Who cites whom", ""]
    if result.citations:
        out += ["| Outlet | Cites | Articles |", "| --- | --- | ---: |"]
        out += [f"| {name(c.outlet)} | {name(c.cited)} | {c.articles} |" for c in result.citations]
    else:
        out.append("No outlet credits another.")
    out += ["", "## Method", "", METHOD, ""]
    return "\n".join(out)


def _link(m: Mention) -> str:
    return _title_link(m.title, m.url)


@lru_cache(maxsize=16384)
def _title_link(title: str | None, url: str | None) -> str:
    text = esc(title) or "untitled"
    safe = safe_link(url)
    return f"[{text}](<{safe}>)" if safe else text


def _evidence(result: CompareResult, name: Callable[[str], str], explain: bool) -> list[str]:
    out = ["## Evidence (times UTC)", ""]
    for f in result.facts:
        out += [f"### {f.id}. {esc(f.summary)}", ""]
        if f.cited_sources:
            out += [f"Cited sources: {', '.join(name(s) for s in f.cited_sources)}.", ""]
        for m in f.mentions:
            notes = []
            if f.kind == "number" and m.claim.value is not None:
                notes.append(f"value {esc(mention_value(m.claim, f, money_sign(f)))}")
            if m.syndicated:
                notes.append("wire copy")
            if m.fidelity:
                notes.append(m.fidelity)
            if also := result.also_listed.get(m.url):
                notes.append(f"also in the feed of {', '.join(name(o) for o in also)}")
            note = f" ({', '.join(notes)})" if notes else ""
            out.append(f"- **{name(m.outlet)}**, {_link(m)}, {esc(published_text(m.published))}{note}:")
            out.append(f"  {_quoted(m.claim.sentence)}")
        if explain and f.links:
            out += ["", "Why these were matched:", ""]
            for link in f.links:
                a, b = f.mentions[link.a], f.mentions[link.b]
                out.append(f"- {name(a.outlet)} ~ {name(b.outlet)}: {link.score:.2f}, {esc(link.rule)}")
        out.append("")
    return out


def _conflicts(result: CompareResult, name: Callable[[str], str]) -> list[str]:
    out = ["## Conflicts", ""]
    facts = [f for f in result.facts if f.conflicts]
    if not facts:
        return [*out, "No outlet disagrees on a number.", ""]
    for f in facts:
        sign = money_sign(f)
        out.append(f"- {f.id}, {esc(f.summary)}: most outlets say {esc(format_value(f.value, sign=sign))}.")
        for c in distinct_conflicts(f):
            out.append(f"  - {name(c.outlet)} says {esc(format_value(c.value, sign=sign))}: {_quoted(c.sentence)}")
    return [*out, ""]


def _quotes(result: CompareResult, name: Callable[[str], str]) -> list[str]:
    out = ["## Quotes", ""]
    facts = [f for f in result.facts if f.kind == "quote"]
    if not facts:
        return [*out, "No quote is carried by enough outlets.", ""]
    for f in facts:
        speaker = esc(f.speaker) if f.speaker else "unattributed"
        # the summary names a speaker already ("Jo Lee: “...”"): the quoted words once, after this line's speaker
        words = f.summary[f.summary.index("“"):] if "“" in f.summary else f.summary
        out.append(f"- {f.id}, {speaker}: {esc(words)}")
        for m in f.mentions:
            out.append(f"  - {name(m.outlet)} ({m.fidelity or 'quoted'}): “{esc(m.claim.text)}”")
    return [*out, ""]


_OPENING_MARKS = ("“", '"', "‘", "'", "«", "„")


def _quoted(sentence: str) -> str:
    """An evidence sentence in quotation marks, escaped; one that opens with its own quotation mark (a quote's
    sentence) is shown as it is, not in a second pair (““We will not stop,” he said.”)."""
    text = esc(sentence)
    return text if sentence.lstrip().startswith(_OPENING_MARKS) else f"“{text}”"


"""Facts from clusters of matched claims: outlets, first reporter, value and conflicts, evidence.

``claimcheck.match.rules`` decides which claims belong together; this module turns each cluster into a
``Fact``: outlets deduplicated (an outlet counts once however many of its articles carry the claim),
wire copy left out of the independent outlets, the value most outlets agree on with the mentions
that disagree as conflicts, quote fidelity per mention, cited sources, and the links that
``--explain`` shows.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from rapidfuzz import fuzz

from claimcheck.match.cluster import Graph
from claimcheck.match.conflicts import one_count, sure_conflict
from claimcheck.match.rules import (
    UNIT_SECONDS,
    Item,
    MatchOptions,
    can_evolve,
    figure_rises,
    quote_norm,
    rule_text,
    running_length,
    stated,
    thing_key,
    timestamp,
    values_agree,
)
from claimcheck.match.sourcenames import fold_acronyms, is_own, own_names, split_sources
from claimcheck.match.syndication import Syndicated
from claimcheck.match.things import evolving_role, toll_key
from claimcheck.models import Article, Claim, Conflict, Fact, Fidelity, Interval, Link, Mention, Outlet
from claimcheck.values import CURRENCY_SIGNS, bound_as_written, format_amount, format_ordinal, with_unit


def fact_order(f: Fact) -> tuple[int, int, datetime, str]:
    first = f.first_published or _LATE  # records' datetimes are UTC-aware (models.py)
    return (-len(f.outlets), -len(f.independent_outlets), first, f.summary)


def renumber(f: Fact, n: int) -> Fact:
    return replace(f, id=f"F{n}")


def alias_map(outlets: Mapping[str, Outlet]) -> dict[str, str]:
    """Every name an outlet is cited by (lower case) -> outlet id."""
    out: dict[str, str] = {}
    for o in outlets.values():
        for n in (o.id, *o.names):
            out.setdefault(n.lower(), o.id)
    return out


_LATE = datetime.max.replace(tzinfo=UTC)


@dataclass(frozen=True)
class FactContext:
    articles: Sequence[Article]
    alias: Mapping[str, str]
    syndicated: Mapping[int, Syndicated]
    cites: Mapping[
        int, Mapping[str, set[str]]
    ]  # article -> sentence -> cited outlet ids ("" = whole article)
    update_window: float = MatchOptions.update_window


def resolve_source(name: str, alias: Mapping[str, str]) -> str:
    """An outlet id for a cited name when the name is a known alias, else the name as written."""
    return alias.get(name.strip().lower(), name.strip())


# Sources that a sentence credits without naming anyone: noise in a list of who is cited.
_UNNAMED = frozenset(
    """analyst analysts official officials group groups expert experts source sources authorities police
    researchers researcher scientists scientist witnesses witness residents resident critics observers
    reports report spokesman spokeswoman spokesperson statement people person media the a an it they
    he she we government ministry agency company firm organisation organization investigators
    prosecutors lawyers lawyer doctors diplomats diplomat officers officer activists campaigners warning
    data study survey poll""".split()  # noqa: SIM905 - a word list reads better as words
)
_PLACE_LINK = frozenset(["in", "at", "from", "near", "outside", "inside", "across"])
_NAME_LINK = frozenset(["of", "for", "the", "and", "de", "du", "la", "on", "&"])


def named_source(name: str, alias: Mapping[str, str]) -> str | None:
    """The named source a credit names, else None: an outlet (by alias) or a proper name that ends
    the credit ("human rights group Viasna" -> "Viasna", "Ministry of Defence"). "Officials",
    "analysts", "the group" or "officials in Kyiv" (a place qualifying an unnamed source) name no one.
    """
    text = name.strip()
    if (oid := alias.get(text.lower())) is not None:
        return oid
    ws = text.split()
    run: list[str] = []
    for w in reversed(ws):
        if w[:1].isupper() or w[:1].isdigit() or (run and w.lower() in _NAME_LINK):
            run.insert(0, w)
        else:
            break
    while run and run[0].lower() in _NAME_LINK:
        run.pop(0)
    if not run or all(w.lower() in _UNNAMED or w.lower() in _NAME_LINK for w in run):
        return None
    before = [w.lower() for w in ws[: len(ws) - len(run)] if w.lower() not in ("the", "a", "an")]
    if before and before[-1] in _PLACE_LINK:
        return None  # "officials in Kyiv": the place qualifies an unnamed source
    return alias.get(" ".join(run).lower(), " ".join(run))


def article_cites(
    articles: Sequence[Article],
    outlets: Mapping[str, Outlet],
    alias: Mapping[str, str],
    syndicated: Mapping[int, Syndicated],
) -> dict[int, dict[str, set[str]]]:
    """Per article, the sources it credits, by sentence; wire copy credits its wire for everything. A list of
    sources is each of them ("the BBC and The Guardian"), an acronym the full name the article also cites ("the
    World Health Organization" ... "WHO"), and the outlet's own name ("told CNN" in CNN's article) none."""
    out: dict[int, dict[str, set[str]]] = {}
    for a, art in enumerate(articles):
        by_sentence: dict[str, set[str]] = defaultdict(set)
        named = [(c.sentence, src) for c in art.claims if c.cites and (src := named_source(c.cites, alias)) is not None]
        alone = {src.lower() for _, src in named if " and " not in src and " & " not in src}
        pieces = [(s, p) for s, src in named for p in split_sources(src, alias, alone)]
        folded = fold_acronyms(p for _, p in pieces)
        outlet = outlets.get(art.outlet)
        own = own_names(art.outlet, outlet.names if outlet else ())
        for sentence, piece in pieces:
            src = named_source(folded.get(piece, piece), alias)
            if src is not None and src != art.outlet and not is_own(src, own):
                by_sentence[sentence].add(src)
        copy = syndicated.get(a)
        if copy is not None and copy.kind == "wire":
            by_sentence[""].add(copy.source)
        out[a] = by_sentence
    return out


def _published(m: Mention) -> datetime:
    return m.published or _LATE


def mention_order(cluster: Sequence[int], items: Sequence[Item], articles: Sequence[Article]) -> list[int]:
    """A cluster's items in the order its fact lists their mentions: first published first."""
    return sorted(
        cluster,
        key=lambda n: (
            _published_of(articles[items[n].article]),
            articles[items[n].article].outlet,
            articles[items[n].article].url,
            items[n].claim.start,
        ),
    )


def build_fact(
    cluster: list[int],
    items: Sequence[Item],
    graph: Graph | None,
    ctx: FactContext,
    links: Sequence[Link] | None = None,
) -> Fact:
    """A fact from a cluster of items: deduplicated outlets, first reporter, value, conflicts, sources.
    ``links``: the fact's ``explain_links`` when worked out elsewhere (then ``graph`` is not needed)."""
    order = mention_order(cluster, items, ctx.articles)
    mentions = [_mention(items[n], ctx) for n in order]
    claims = [m.claim for m in mentions]
    kind = claims[0].kind
    outlets = list(dict.fromkeys(m.outlet for m in mentions))
    own = {m.outlet for m in mentions if not m.syndicated}  # outlets with a mention of their own
    independent = [o for o in outlets if o in own]
    dated = [m for m in mentions if m.published is not None]
    # a wire copy dated as its original (copies often keep the agency's timestamp) is not first before it
    first = min(dated, key=lambda m: (_published(m), m.syndicated)) if dated else None
    cited: dict[str, None] = {}
    for n in order:
        it = items[n]
        sentences = ctx.cites.get(it.article, {})
        for src in sorted(sentences.get(it.claim.sentence, set()) | sentences.get("", set())):
            if src != ctx.articles[it.article].outlet:
                cited[src] = None
    value, conflicts = _value_and_conflicts(mentions) if kind == "number" else (None, [])
    evolving = False
    if kind == "number" and (latest := _updated_figure(mentions, ctx.update_window)) is not None:
        value, conflicts, evolving = latest, [], True

    if kind == "quote":
        mentions = _fidelity(mentions)
    if links is None:
        assert graph is not None
        links = explain_links(order, graph)
    unit = Counter(c.unit for c in claims if c.unit).most_common(1)
    # ... the unit of the figure shown: a bound in one unit and an exact figure in another join ("more than 100
    # miles" / "161 kilometres"), and the figure given (the exact one) is in its own claims' unit, never "161 miles"
    shown = [c.unit for c in claims if c.unit and value is not None and c.value == value]
    if unit and shown and unit[0][0] not in shown:
        unit = Counter(shown).most_common(1)
    when = Counter(c.when for c in claims if c.when).most_common(1)
    return Fact(
        id="",
        kind=kind,
        summary=summarise(claims, value, unit[0][0] if unit else None, when[0][0] if when else None),
        mentions=tuple(mentions),
        outlets=tuple(outlets),
        independent_outlets=tuple(independent),
        first_outlet=first.outlet if first else None,  # no date, no "first"
        first_published=first.published if first else None,
        value=value,
        unit=unit[0][0] if unit else None,
        when=when[0][0] if when else None,
        speaker=fact_speaker(claims),
        cited_sources=merge_names(cited),
        conflicts=tuple(conflicts),
        links=tuple(links),
        evolving=evolving,
    )


def explain_links(order: Sequence[int], graph: Graph) -> list[Link]:
    """Why each mention is in the fact: its strongest link to another member (score and rule).

    One link per mention (deduplicated) rather than every pair, so a fact of k mentions costs
    O(k + groups * degree), not O(k²), and ``--explain`` stays readable for facts many outlets
    report. Ties go to the earliest claim. Rules are formatted only for the links shown.
    """
    position = {n: k for k, n in enumerate(order)}
    in_fact: dict[int, list[int]] = defaultdict(list)  # group -> its members in this fact, ascending
    for n in sorted(order):
        in_fact[graph.group[n]].append(n)
    outside: dict[int, tuple[float, int] | None] = {}  # group -> its best link to another group
    for g in in_fact:
        nbrs = graph.adj[g]
        if len(nbrs) < len(in_fact):
            cands = ((s, -in_fact[h][0]) for h, s in nbrs.items() if h in in_fact)
        else:
            cands = ((nbrs[h], -ms[0]) for h, ms in in_fact.items() if h in nbrs)
        outside[g] = max(cands, default=None)
    chosen: dict[tuple[int, int], float] = {}
    for n in order:
        g = graph.group[n]
        best = outside[g]
        same = in_fact[g]
        if len(same) > 1:  # another claim of the same group
            other = same[0] if same[0] != n else same[1]
            if best is None or (graph.inner[g], -other) > best:
                best = (graph.inner[g], -other)
        if best is not None:
            m = -best[1]
            chosen[_pair(n, m)] = best[0]
    links = [
        Link(min(position[i], position[j]), max(position[i], position[j]), round(s, 3), rule_text(graph.rule(i, j)))
        for (i, j), s in chosen.items()
    ]
    return sorted(links, key=lambda lk: (lk.a, lk.b))


def _pair(i: int, j: int) -> tuple[int, int]:
    return (i, j) if i < j else (j, i)


def _published_of(article: Article) -> datetime:
    return article.published or _LATE


def _mention(it: Item, ctx: FactContext) -> Mention:
    art = ctx.articles[it.article]
    return Mention(
        outlet=art.outlet,
        url=art.url,
        title=art.title,
        published=art.published,
        claim=it.claim,
        syndicated=it.article in ctx.syndicated,
    )


def _value_and_conflicts(
    mentions: Sequence[Mention], tolerance: float = 0.25
) -> tuple[Interval | None, list[Conflict]]:
    """The value most outlets agree on (ties: the earliest), and the mentions that disagree with it."""
    values = [m.claim.value for m in mentions if m.claim.value is not None]
    if not values:
        return None, []
    candidates = [v for v in values if v.low is not None and v.low == v.high] or values

    # outlets per distinct value: a fact many outlets report repeats a few values many times
    by_value: dict[Interval, set[str]] = defaultdict(set)
    for m in mentions:
        if m.claim.value is not None:
            by_value[m.claim.value].add(m.outlet)
    support: dict[Interval, int] = {}
    for v in candidates:
        if v not in support:
            support[v] = len(set().union(*(o for w, o in by_value.items() if values_agree(w, v))))
    best = max(candidates, key=support.__getitem__)  # max() keeps the first (earliest) of equal support
    # only the same counted thing can disagree: another thing of its class ("tourists" beside
    # "nationals") or a sub-count joined the fact on an agreeing figure and never conflicts
    agrees = {w: values_agree(w, best) for w in by_value}  # each distinct value once
    disagree = [m for m in mentions if m.claim.value is not None and not agrees[m.claim.value]]
    if not disagree:
        return best, []
    # ... and only when sure (``conflicts.sure_conflict``: exact figures, one role and scope, reports of about the
    # same time) against one of the mentions of the figure the fact gives (``pipeline`` splits the others off)
    agreeing = [j for j, m in enumerate(mentions) if m.claim.value is not None and agrees[m.claim.value]]
    conflicts = [
        Conflict(m.outlet, m.claim.value, m.claim.sentence, m.url)
        for k, m in enumerate(mentions)
        if m.claim.value is not None and not agrees[m.claim.value] and _sure_against(k, mentions, agreeing, tolerance)
    ]
    return best, conflicts


def _sure_against(
    k: int,
    mentions: Sequence[Mention],
    agreeing: Sequence[int],
    tolerance: float,
    holders: Sequence[frozenset[str]] | None = None,
) -> bool:
    """Whether mention ``k``'s figure is a sure conflict (``conflicts.sure_conflict``) with one of the mentions
    ``agreeing`` (indexes) that give the fact's figure; ``holders``: per mention, the names holding its figure."""
    m = mentions[k]
    t = timestamp(m.published)
    return any(
        sure_conflict(
            m.claim, mentions[j].claim, t, timestamp(mentions[j].published), tolerance,
            (holders[k], holders[j]) if holders is not None else None,
        )
        for j in agreeing
    )  # fmt: skip


def unsure_figures(
    mentions: Sequence[Mention],
    window: float,
    tolerance: float = 0.25,
    holders: Sequence[frozenset[str]] | None = None,
) -> list[int]:
    """The mentions (indexes, in ``mentions``' order: ``mention_order``) whose figure disagrees with the one the fact
    gives and is no sure conflict with any that gives it (``conflicts.sure_conflict``): another count, a hedged
    figure, another scope or moment. Not of a figure updated over time (``_updated_figure``). ``pipeline`` makes
    them rows of their own: a row shows a conflict only when sure, and never holds a figure at odds with it silently.
    Only a figure of a thing the fact's figure counts is at odds: another thing of its class, or one measure in
    another unit, joined by a rule of its own. ``holders``: per mention, the names holding its figure."""
    if len(mentions) < 2 or _updated_figure(mentions, window) is not None:
        return []
    best, _ = _value_and_conflicts(mentions, tolerance)
    if best is None:
        return []
    agreeing = [k for k, m in enumerate(mentions) if m.claim.value is not None and values_agree(m.claim.value, best)]
    things = {thing_key(mentions[k].claim) for k in agreeing}
    return [
        k
        for k, m in enumerate(mentions)
        if m.claim.value is not None
        and not values_agree(m.claim.value, best)
        and thing_key(m.claim) in things
        and not _sure_against(k, mentions, agreeing, tolerance, holders)
    ]


def _updated_figure(mentions: Sequence[Mention], window: float) -> Interval | None:
    """The latest figure of a count that was updated over time, else None.

    Only counts that may evolve (``match.can_evolve``: deaths, injured, missing, arrested,
    evacuated, "so far", "rose to"), whose reports differ and read as one rising figure
    (``match.figure_rises``: every lower figure published at least ``window`` before every higher
    one). Two reports at about the same time that disagree, or a figure that falls, keep the
    ordinary value and conflicts. The latest figure: the last report's, a point value preferred.
    """
    valued = [m for m in mentions if m.claim.value is not None]
    if len(valued) < 2 or not all(can_evolve(m.claim) or evolving_role(m.claim) for m in valued):
        return None
    if len({toll_key(m.claim) for m in valued}) > 1:
        return None  # a class of things ("tourists", "nationals") or a part and its whole never rise
    if len({thing_key(m.claim) for m in valued if evolving_role(m.claim)}) > 1:
        return None  # "killed 3 soldiers" / "killed 12 civilians": the deaths of two nouns
    if not one_count([m.claim for m in valued]):
        return None  # one count's scope ("in the city" / "nationwide"), a part, or a figure that may be: no update
    points = [(m.claim.value, timestamp(m.published)) for m in valued]
    if figure_rises(points, window) is not True:  # type: ignore[arg-type]
        return None
    if not _runs_on(valued):
        return None
    last = max(
        valued,
        key=lambda m: (_published(m), m.claim.value.low == m.claim.value.high),  # type: ignore[union-attr]
    )
    return last.claim.value


def _runs_on(valued: Sequence[Mention]) -> bool:
    """Whether lengths of time that read as running (``running_length``) rose as time can: the highest still
    runs when reported ("has been held for 25 days"; "had been in office for 6 years when ..." and "4 years"
    are two readings of one past moment), and when the lowest ran up to its own report too, the rise is no
    more than the time between the two reports and one unit ("has operated for 10 years" and "for 12 years"
    a few hours apart disagree). Other counts that may evolve pass."""
    tenses = [running_length(m.claim) for m in valued]
    if not any(tenses):
        return True
    lows = [_end(m.claim.value, high=False) for m in valued]
    highs = [_end(m.claim.value, high=True) for m in valued]
    hi = max(range(len(valued)), key=lambda i: highs[i])
    lo = min(range(len(valued)), key=lambda i: lows[i])
    if tenses[hi] != "has":
        return False
    if tenses[lo] != "has":
        return True
    unit = UNIT_SECONDS[thing_key(valued[hi].claim)]
    t_hi, t_lo = timestamp(valued[hi].published), timestamp(valued[lo].published)
    return t_hi is None or t_lo is None or (highs[hi] - lows[lo]) * unit <= abs(t_hi - t_lo) + unit


def _end(value: Interval | None, high: bool) -> float:
    """An interval's upper (``high``) or lower end, the other end when that one is open, 0 when both are."""
    if value is None:
        return 0.0
    ends = (value.high, value.low) if high else (value.low, value.high)
    return next((e for e in ends if e is not None), 0.0)


def _fidelity(mentions: Sequence[Mention]) -> list[Mention]:
    """Per mention, verbatim / trimmed / paraphrased against the quote's most common (then longest) form."""
    norms = [quote_norm(m.claim) for m in mentions]
    counts = Counter(norms)
    ref = max(norms, key=lambda t: (counts[t], len(t)))
    out = []
    fid: Fidelity
    for m, t in zip(mentions, norms, strict=True):
        if t == ref or ref in t:
            fid = "verbatim"
        elif t in ref or fuzz.partial_ratio(t, ref) >= 95:
            fid = "trimmed"
        else:
            fid = "paraphrased"
        out.append(replace(m, fidelity=fid))
    return out


_LINKING = frozenset(
    ["in", "of", "at", "for", "from", "to", "on", "near", "the", "a", "an", "and", "by", "with"]
)


def merge_names(names: Sequence[str] | Mapping[str, None]) -> tuple[str, ...]:
    """Cited sources once each: "human rights group Viasna" and "Viasna" are one source, named "Viasna"; an
    acronym and the name it spells ("WHO", "World Health Organization") are one, named in full.

    A name that ends with another, whole words, is the longer description of the same source.
    """
    listed = list(names)
    folded = fold_acronyms(listed)  # "WHO" beside "World Health Organization": one source, named in full
    full = [folded.get(n, n) for n in listed]
    items = list({n.lower(): n for n in reversed(full)}.values())[::-1]  # once, whatever its case
    low = [n.lower().split() for n in items]
    keep = []
    for i, n in enumerate(items):
        words_i = low[i]
        longer_of = any(
            j != i
            and 0 < len(low[j]) < len(words_i)
            and words_i[-len(low[j]) :] == low[j]
            and words_i[-len(low[j]) - 1] not in _LINKING  # "officials in Kyiv" is not "Kyiv"
            for j in range(len(items))
        )
        if not longer_of:
            keep.append(n)
    return tuple(keep)


def summarise(claims: Sequence[Claim], value: Interval | None, unit: str | None, when: str | None) -> str:
    """The fact in a few words, for the table's first column, in the articles' own words."""
    first = claims[0]
    if first.kind == "number":
        rep = next((c for c in claims if value is not None and c.value == value), first)
        phrase = number_phrase(rep)
        money = any(c.unit == unit and c.extra.get("measure") == "money" for c in claims)
        unit = unit_as_written(unit, rep.text)  # "4 DPRK ships", not "4 dprk ships"
        head = format_amount(value, unit, money=money)  # "$2 billion", "11.5 million documents"
        if value is not None and value == rep.value and (written := _head_as_written(rep, value, unit, money)):
            head = written  # "about 1,500 people", "nearly 40 years", "hundreds of people": never the interval
        if isinstance(score := rep.extra.get("score"), str) and score:
            head = f"{score} {unit or ''}".strip()  # a score reads as written: "8-7 score", not "8 score"
        elif rep.extra.get("ordinal") and value is not None:
            head = f"{format_ordinal(value.low)} {unit or ''}".strip()  # "6th nuclear test", not "6 nuclear test"
        if not phrase:
            return f"{head} {when or ''}".strip()
        # The figure and what it counts first: "5 years" and "11 year" rows of one sentence differ.
        return f"{head}: {phrase}"
    if first.kind == "quote":
        # the longest wording, and of as long ones a sentence's over a title-case headline's ("We will rebuild",
        # not "We Will Rebuild"); without the comma its speech tag took ("We will rebuild," she said)
        text = max((quote_words(c) for c in claims), key=lambda t: (len(t), not _title_cased(t))).rstrip(" ,;:")
        short = " ".join(text.split()[:10]) + ("…" if len(text.split()) > 10 else "")
        speaker = fact_speaker(claims)
        return f"{speaker}: “{short}”" if speaker else f"“{short}”"
    text = min((c.text for c in claims), key=len)
    return " ".join(text.split()[:12]) + ("…" if len(text.split()) > 12 else "")


def _title_cased(text: str) -> bool:
    """Every word of three letters or more capitalised, as a title-case headline prints a quote."""
    words = [w for w in text.split() if len(w) >= 3 and w[:1].isalpha()]  # noqa: PLR2004
    return bool(words) and all(w[:1].isupper() for w in words)


def fact_speaker(claims: Sequence[Claim]) -> str | None:
    """Who a fact's quote is credited to: a name before a role ("Quentin Tarantino", not "the director"), the
    name most mentions give, and among as many the fullest ("Uma Thurman" before "Thurman"); the first
    mention's on a tie."""
    counts = Counter(c.speaker for c in claims if c.speaker)
    if not counts:
        return None
    order = {sp: n for n, sp in enumerate(counts)}
    return min(counts, key=lambda sp: (not sp[:1].isupper(), -counts[sp], -len(sp.split()), order[sp]))


def unit_as_written(unit: str | None, text: str) -> str | None:
    """The counted thing in the capitals of the claim's own words when they hold it ("North Korean shipping
    companies", "DPRK ships"; the matcher keeps it lower case), else as it is; a capital that only opens the
    sentence is not the word's ("People were hurt": "people")."""
    if not unit or unit == unit.upper() or not any(ch.isalpha() for ch in unit):
        return unit
    words = unit.split()
    m = re.search(r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in words) + r"(?![\w-])", text, re.IGNORECASE)
    if m is None or m.start() == 0:
        return unit
    return " ".join(m.group().split())


_VAGUE_WORDS = frozenset(["tens", "dozens", "scores", "hundreds", "thousands", "millions", "billions", "of"])


def _head_as_written(rep: Claim, value: Interval, unit: str | None, money: bool) -> str:
    """A qualified figure's head as its sentence words it ("about 1,500 people", "nearly 40 years", "up to 40
    people", "<6,000 people", "hundreds of people"), not the interval it is matched by ("36.8-40 years",
    "200-1,000 people"); "" for any other figure."""
    q = rep.qualifier
    if q == "about":
        return format_amount(Interval.exact(stated(value)), unit, money=money, prefix="about")  # type: ignore[arg-type]
    if value.high is None or value.low == value.high:
        return ""
    sign = CURRENCY_SIGNS.get(unit or "", "") if money else ""
    if (bound := bound_as_written(value, q, sign)) is not None:
        return with_unit(bound, unit, sign)
    if q == "vague" and not any(ch.isdigit() for ch in rep.text):
        text = " ".join(rep.text.split())
        text = text[:1].lower() + text[1:] if text[1:2].islower() else text  # "Dozens of protesters" opened it
        if unit and not set(text.lower().split()) - _VAGUE_WORDS:  # "hundreds were injured": "hundreds injured"
            text = f"{text} {unit}"
        return text
    return ""


# Where a number's clause ends: a comma (not inside a figure), a semicolon, colon, bracket or quotation mark, a
# dash between words, or a sentence's end inside a quotation the splitter kept whole ("... 320,000 documents.
# The dataset ...": not after an abbreviation, "Mr. Brandt").
_CLAUSE_BREAK = re.compile(
    r"(?<!\d),|,(?!\d)|[;:()\[\]“”\"«»]|\s[-\u2013\u2014]\s|[\u2013\u2014]"
    r"|(?<=[a-z0-9%])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bMrs)(?<!\bJr)(?<!\bSr)(?<!\bNo)[.!?]\s+(?=[A-Z])"
)
SUMMARY_WORDS = 12
_WORD = re.compile(r"\S+")


def number_phrase(claim: Claim) -> str:
    """The clause of the claim's sentence that holds the number ("Belarus released 123 political
    prisoners on Saturday"), cut to about a dozen words around it; empty when the span is not found."""
    sentence = claim.sentence
    start = claim.start - int(claim.extra.get("sentence_start", claim.start))
    if not (0 <= start < len(sentence) and sentence[start:].startswith(claim.text)):
        start = sentence.find(claim.text)
        if start < 0:
            return ""
    end = start + len(claim.text)
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, start)), default=0)
    right = next((m.start() for m in _CLAUSE_BREAK.finditer(sentence, end)), len(sentence))
    before = list(_WORD.finditer(sentence, left, start))
    after = list(_WORD.finditer(sentence[:right].rstrip(" .!?"), end))
    kept_before = 0
    for word in reversed(before[-4:]):  # lead-in words, but not another figure's
        if any(ch.isdigit() for ch in word.group()):
            break
        kept_before += 1
    kept_after = min(len(after), max(0, SUMMARY_WORDS - kept_before - len(claim.text.split())))
    # a slice of the sentence, so a word the figure is written into stays whole ("the $2 billion-dollar question")
    lo = before[-kept_before].start() if kept_before else start
    hi = after[kept_after - 1].end() if kept_after else end
    text = " ".join(sentence[lo:max(hi, end)].split())
    if kept_before < len(before):
        text = "…" + text
    if kept_after < len(after):
        text += "…"
    return text


def quote_words(claim: Claim) -> str:
    """A quote's own words: the parts of a quote split by "he said" joined with an ellipsis."""
    parts = claim.extra.get("parts")
    if isinstance(parts, list) and parts and all(isinstance(p, list) and len(p) == 2 for p in parts):
        base = claim.start
        pieces = []
        for a, b in parts:
            rel_a, rel_b = a - base, b - base
            if not 0 <= rel_a < rel_b <= len(claim.text):
                return claim.text
            pieces.append(claim.text[rel_a:rel_b].strip(" ,"))
        return " … ".join(p for p in pieces if p)
    return claim.text

"""Match claims across articles into facts: pure, claims in, facts out.

Three steps, per claim kind (DESIGN.md, "Matching rules"):

1. **Blocking** — numbers by their normalised counted thing, cumulative-or-not time qualifier and
   value magnitude; quotes by their rarest words; statements by shared names and rare content words.
   Nothing is ever compared with everything.
2. **Scoring** inside blocks with ``rapidfuzz.process.cdist``: each candidate pair gets a score in
   [0, 1] and the rule that produced it (kept for ``--explain``).
3. **Clustering** by average linkage with a cannot-link rule: two claims of one article never join,
   and a claim joins a cluster only when it is, on average, similar to *all* of its members, so
   unrelated claims do not chain through intermediate ones as they would under single linkage.
"""

from __future__ import annotations

import heapq
import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

try:  # rapidfuzz's cdist needs numpy; without it the matcher falls back to process.extract
    import numpy as np
except ImportError:  # pragma: no cover
    np = None  # type: ignore[assignment]

from claimcheck.models import Article, Claim, Fact, Interval, Outlet
from claimcheck.syndication import SyndicationOptions, find_syndicated

MATCHED_KINDS = ("number", "quote", "statement")

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_NAME = re.compile(r"\b[A-Z][\w’'-]*[a-z][\w’'-]*\b")
_STOP_TEXT = """
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having
he her here hers herself him himself his how i if in into is it its itself just me more most my myself no
nor not now of off on once only or other our ours out over own same she should so some such than that the
their theirs them themselves then there these they this those through to too under until up very was we
were what when where which while who whom why will with would you your said says say told according s t
new one two
"""
STOPWORDS = frozenset(_STOP_TEXT.split())
_SPAN_WHEN = re.compile(
    r"^\s*(since|over|during|throughout|from|between|in the (past|last)|so far|to date|in total|"
    r"this year|altogether|cumulative)",
    re.IGNORECASE,
)
_MONTHS = {
    "jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june", "jul": "july",
    "aug": "august", "sep": "september", "sept": "september", "oct": "october", "nov": "november",
    "dec": "december",
}  # fmt: skip
_WHEN_FILLER = frozenset(["on", "in", "at", "the", "of", "early", "late"])


@dataclass(frozen=True)
class MatchOptions:
    """Thresholds of the matcher. Scores are in [0, 1]; fuzzy thresholds in rapidfuzz's 0-100."""

    kinds: tuple[str, ...] = MATCHED_KINDS
    number_tolerance: float = 0.25  # disjoint values within 25% of each other are a conflict
    quote_threshold: float = 80.0
    speaker_penalty: float = 15.0  # points off a quote pair whose known speakers differ
    speaker_override_words: int = 8  # ...and only quotes at least this long may still link
    statement_threshold: float = 72.0
    linkage: float = 0.5  # average-linkage threshold for joining two clusters
    rare_keys: int = 3  # blocking keys per quote/statement: its rarest words
    max_block: int = 400  # blocks larger than this are split (by sorted text) before scoring
    max_candidates: int = 64  # per number, score at most this many close values (keeps dense data linear)
    number_context_floor: float = 0.4  # context similarity (0-1) at which numbers start to link
    when_threshold: float = 90.0  # two time qualifiers (neither part of the other) below this differ
    workers: int = 1  # cdist threads; -1 uses every core
    syndication: SyndicationOptions = field(default_factory=SyndicationOptions)


@dataclass
class Item:
    """One claim in the matcher's working set, with where it comes from."""

    index: int
    article: int
    claim: Claim


# Why a link was made, as data (formatted by rule_text only for the links a report shows).
Rule = tuple[Any, ...]
# An edge between two items (i < j): score in [0, 1] and its rule.
Edges = dict[tuple[int, int], tuple[float, Rule]]


def words(text: str) -> list[str]:
    """Lower-cased word tokens with a crude plural stem, so "prisoners" meets "prisoner"."""
    return [stem(w) for w in _WORD.findall(text.lower())]


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOPWORDS and len(w) > 1]


def stem(w: str) -> str:
    w = w.replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def names(text: str) -> set[str]:
    """Capitalised words that are not the sentence's first word: a cheap stand-in for named entities."""
    found = {m.group(0).lower() for m in _NAME.finditer(text) if m.start() > 0}
    return {stem(n) for n in found if n not in STOPWORDS}


def is_span(when: str | None) -> bool:
    """A time qualifier that counts over a span ("since July 2024", "so far"), not a point in time."""
    return bool(when and _SPAN_WHEN.match(when))


def when_words(when: str | None) -> frozenset[str]:
    """A time qualifier's words without filler, months spelled out: "on Dec. 13" -> {december, 13}."""
    ws = (w.rstrip(".") for w in _WORD.findall((when or "").lower()))
    return frozenset(_MONTHS.get(w, w) for w in ws if w not in _WHEN_FILLER)


_WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])


def _when_parts(ws: frozenset[str]) -> dict[str, frozenset[str]]:
    """The calendar parts a qualifier names: weekday, month, day of month, year."""
    parts = {
        "weekday": ws & _WEEKDAYS,
        "month": ws & frozenset(_MONTHS.values()) | (ws & {"may"}),
        "day": frozenset(w for w in ws if w.isdigit() and 1 <= int(w) <= 31),
        "year": frozenset(w for w in ws if w.isdigit() and 1800 <= int(w) <= 2200),
    }
    return {k: v for k, v in parts.items() if v}


def when_compatible(a: str | None, b: str | None, threshold: float = 90.0) -> bool:
    """Whether two numbers' time qualifiers allow them to be one fact.

    - No qualifier agrees with a point in time ("on Saturday", "on December 13"): the outlet just
      did not say when. It does not agree with a span ("since July 2024"): a running total is
      another fact than the day's count.
    - Two points in time disagree when they name the same calendar part differently ("on
      Saturday" and "on Friday", "in 2020" and "in 2023", "in September" and "in March"); parts
      that only one names cannot disagree ("on Saturday" and "Dec 13" may be the same day).
    - Otherwise two qualifiers agree when one says no more than the other ("since July 2024" and
      "since July 2024 alone") or they are spelled nearly alike.
    """
    if not a or not b:
        return not is_span(a or b)
    if is_span(a) != is_span(b):
        return False
    wa, wb = when_words(a), when_words(b)
    if not wa or not wb or wa <= wb or wb <= wa:
        return True
    pa, pb = _when_parts(wa), _when_parts(wb)
    if pa and pb and not is_span(a):
        return all(pa[k] & pb[k] for k in pa.keys() & pb.keys())
    return fuzz.token_sort_ratio(" ".join(sorted(wa)), " ".join(sorted(wb))) >= threshold


_HONORIFIC = frozenset(["mr", "mrs", "ms", "dr", "president", "prime", "minister", "sir", "lady"])


def speaker_words(speaker: str | None) -> frozenset[str]:
    return frozenset(w for w in words(speaker or "") if w not in _HONORIFIC)


def speakers_compatible(a: str | None, b: str | None) -> bool:
    """Unknown speakers agree with anyone; known ones when one name is part of the other
    ("Bialiatski" and "Ales Bialiatski"). Two different known speakers never share a quote."""
    wa, wb = speaker_words(a), speaker_words(b)
    return not wa or not wb or wa <= wb or wb <= wa


def match_facts(
    articles: Sequence[Article],
    outlets: Mapping[str, Outlet],
    options: MatchOptions | None = None,
    syndicated: Mapping[int, str] | None = None,
) -> list[Fact]:
    """Cluster the articles' claims into facts (singletons included), most-reported first."""
    options = options or MatchOptions()
    if syndicated is None:
        syndicated = find_syndicated(articles, outlets, options.syndication)
    from claimcheck.facts import FactContext, alias_map, article_cites, build_fact, fact_order, renumber

    alias = alias_map(outlets)
    ctx = FactContext(articles, alias, syndicated, article_cites(articles, outlets, alias, syndicated))
    facts: list[Fact] = []
    for kind in options.kinds:
        items = [Item(0, a, c) for a, art in enumerate(articles) for c in art.claims if c.kind == kind]
        for n, it in enumerate(items):
            it.index = n
        if not items:
            continue
        if kind == "number":
            edges = number_edges(items, options)
        elif kind == "quote":
            edges = text_edges(items, options, quote=True)
        else:
            edges = text_edges(items, options, quote=False)
        adj = adjacency(edges)
        exclusive = _EXCLUSIVE.get(kind)
        for cluster in cluster_items(items, edges, options.linkage, exclusive, adj=adj):
            facts.append(build_fact(cluster, items, edges, ctx, adj))
    facts.sort(key=fact_order)
    return [renumber(f, n) for n, f in enumerate(facts, 1)]


# --- numbers ---------------------------------------------------------------------------------


# Head nouns that news copy uses interchangeably for one counted thing.
UNIT_SYNONYMS = {
    "wounded": "injured", "injury": "injured", "hurt": "injured",
    "dead": "death", "killed": "death", "fatality": "death", "casualty": "death",
    "detainee": "prisoner", "inmate": "prisoner", "captive": "hostage",
    "person": "people", "individual": "people",
    "km": "kilometre", "kilometer": "kilometre", "cm": "centimetre", "centimeter": "centimetre",
    "meter": "metre", "mile": "mile", "tonne": "ton", "metric": "ton",
}  # fmt: skip


def unit_key(unit: str | None) -> str:
    """The counted thing reduced to its head noun: "political prisoners" -> "prisoner"."""
    ws = content_words(unit or "")
    return UNIT_SYNONYMS.get(ws[-1], ws[-1]) if ws else ""


def _rep(claim: Claim) -> float | None:
    """A number's representative value: the midpoint of a closed interval, else its finite end."""
    v = claim.value
    if v is None:
        return None
    return v.midpoint


def _context(claim: Claim, window: int = 8) -> str:
    """Content words near the number: the extractor's ``extra["context"]``, else a window of the sentence."""
    ctx = claim.extra.get("context")
    if isinstance(ctx, (list, tuple)):
        ctx = " ".join(str(c) for c in ctx)
    if not ctx:
        at = claim.sentence.find(claim.text)
        if at < 0:
            ctx = claim.sentence
        else:
            before = content_words(claim.sentence[:at])[-window:]
            after = content_words(claim.sentence[at + len(claim.text) :])[:window]
            ctx = " ".join([*before, *content_words(claim.text), *after])
    return " ".join(sorted(set(content_words(str(ctx)))))


def number_edges(items: Sequence[Item], options: MatchOptions) -> Edges:
    """Numbers about the same counted thing, close in value and in the same kind of time span."""
    width = math.log1p(options.number_tolerance)
    blocks: dict[tuple[str, bool, int], list[Item]] = defaultdict(list)
    units: dict[int, str] = {}
    reps: dict[int, float] = {}
    for it in items:
        rep = _rep(it.claim)
        if rep is None or rep <= 0:
            continue
        span = is_span(it.claim.when)
        units[it.index] = unit_key(it.claim.unit)
        reps[it.index] = rep
        blocks[units[it.index], span, math.floor(math.log(rep) / width)].append(it)
    ctx = {it.index: _context(it.claim) for it in items if it.index in reps}
    edges: Edges = {}
    for (unit, span, bucket), rows in blocks.items():
        cols = rows + blocks.get((unit, span, bucket + 1), [])
        col_rep = [reps[c.index] for c in cols]
        col_art = [c.article for c in cols]
        col_idx = [c.index for c in cols]
        for chunk in _chunks(rows, options.max_block):
            sims = _cdist(
                [ctx[r.index] for r in chunk], [ctx[c.index] for c in cols], fuzz.token_set_ratio, options
            )
            for x, r in enumerate(chunk):
                rr, ra, ri = reps[r.index], r.article, r.index
                for y in _candidates(sims[x], col_rep, col_art, col_idx, rr, ra, ri, len(rows), options):
                    c = cols[y]
                    scored = _number_pair(r.claim, c.claim, float(sims[x][y]) / 100, unit, options)
                    if scored:
                        edges[_key(ri, c.index)] = scored
    return edges


def _candidates(
    sims: Sequence[float],
    col_rep: Sequence[float],
    col_art: Sequence[int],
    col_idx: Sequence[int],
    rep: float,
    article: int,
    index: int,
    n_rows: int,
    options: MatchOptions,
) -> Iterable[int]:
    """Columns worth scoring for one row: close in value, another article, each pair once."""
    if np is not None:
        reps = np.asarray(col_rep)
        ok = np.abs(reps - rep) <= options.number_tolerance * np.maximum(reps, rep)
        ok &= np.asarray(col_art) != article
        idx = np.asarray(col_idx)
        pos = np.arange(len(col_idx))
        ok &= (idx > index) | (pos >= n_rows)  # within one bucket each pair once; next bucket always
        sims_a = np.asarray(sims)
        ok &= sims_a >= 100 * options.number_context_floor  # contexts with nothing in common
        found = np.flatnonzero(ok)
        if len(found) > options.max_candidates:  # dense blocks: only the closest contexts
            found = found[np.argsort(-sims_a[found], kind="stable")[: options.max_candidates]]
        return found.tolist()
    return [
        y
        for y in range(len(col_idx))
        if abs(col_rep[y] - rep) <= options.number_tolerance * max(col_rep[y], rep)
        and col_art[y] != article
        and (col_idx[y] > index or y >= n_rows)
        and sims[y] >= 100 * options.number_context_floor
    ][: options.max_candidates]


def _cdist(rows: list[str], cols: list[str], scorer: Any, options: MatchOptions) -> Any:
    """``process.cdist``, single-threaded for small blocks (threads cost more than they save there)."""
    if np is None:  # rapidfuzz's cdist needs numpy; fall back to its per-row extract
        out = []
        for r in rows:
            row = [0.0] * len(cols)
            for _, score, y in process.extract(r, cols, scorer=scorer, limit=None):
                row[y] = score
            out.append(row)
        return out
    workers = options.workers if len(rows) * len(cols) > 20_000 else 1
    return process.cdist(rows, cols, scorer=scorer, workers=workers)


def _number_pair(
    a: Claim, b: Claim, ctx: float, thing: str, options: MatchOptions
) -> tuple[float, Rule] | None:
    assert a.value is not None and b.value is not None
    if not when_compatible(a.when, b.when, options.when_threshold):
        return None
    # token_set_ratio of unrelated word lists is rarely below 0.35: rescale so that only shared
    # words count, and a number in an unrelated sentence stays below the linkage threshold.
    shared = max(0.0, (ctx - options.number_context_floor) / (1 - options.number_context_floor))
    if a.value.overlaps(b.value):
        return 0.45 + 0.55 * shared, ("agree", thing or "?", a.value, b.value, ctx)
    if shared <= 0:
        return None
    return 0.35 + 0.5 * shared, ("conflict", thing or "?", a.value, b.value, ctx)


def rule_text(rule: Rule) -> str:
    """The human form of a link's rule, for ``--explain``."""
    kind = rule[0]
    if kind in ("agree", "conflict"):
        _, thing, va, vb, ctx = rule
        how = "values agree" if kind == "agree" else "values close but disjoint"
        return f"number: same {thing!r}, {how} ({format_value(va)} ~ {format_value(vb)}), context {ctx:.2f}"
    if kind == "quote":
        who = ", despite different speakers" if len(rule) > 2 and rule[2] else ""
        return f"quote: normalised words {rule[1]:.0f}/100{who}"
    shared = rule[2]
    who = f", shared names {', '.join(shared)}" if shared else ""
    return f"statement: content words {rule[1]:.0f}/100{who}"


# --- quotes and statements -------------------------------------------------------------------


def quote_norm(claim: Claim) -> str:
    norm = claim.extra.get("norm")
    return " ".join(words(str(norm) if norm else claim.text))


def text_edges(items: Sequence[Item], options: MatchOptions, *, quote: bool) -> Edges:
    """Quotes (normalised words) or statements (content words plus shared names), blocked by rare words."""
    if quote:
        texts = [quote_norm(it.claim) for it in items]
        keysets = [set(content_words(t)) or set(t.split()) for t in texts]
        name_sets: list[set[str]] = [set() for _ in items]
    else:
        texts = [" ".join(content_words(it.claim.text)) for it in items]
        keysets = [set(t.split()) for t in texts]
        name_sets = [names(it.claim.text) for it in items]
    df = Counter(k for ks in keysets for k in ks)
    df_names = Counter(k for ns in name_sets for k in ns)
    blocks: dict[str, list[int]] = defaultdict(list)
    for n, ks in enumerate(keysets):
        ranked = sorted(ks, key=lambda k: (df[k], k))
        # a key shared by more than max_block claims is not rare; keep one only if nothing rarer exists
        rare = [k for k in ranked[: options.rare_keys] if df[k] <= options.max_block] or ranked[:1]
        names_ = [k for k in name_sets[n] if df_names[k] <= options.max_block]
        for k in {*rare, *names_}:
            if df[k] + df_names[k] > 1:
                blocks[k].append(n)
    counts = [len(t.split()) for t in texts]
    edges: Edges = {}
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        members.sort(key=lambda n: texts[n])
        for chunk in _chunks(members, options.max_block):
            if len(chunk) < 2:
                continue
            strs = [texts[n] for n in chunk]
            base = _cdist(strs, strs, fuzz.token_sort_ratio, options)
            loose = _cdist(strs, strs, fuzz.partial_ratio if quote else fuzz.token_set_ratio, options)
            for x, y in itertools.combinations(range(len(chunk)), 2):
                i, j = chunk[x], chunk[y]
                key = _key(items[i].index, items[j].index)
                if key in seen or items[i].article == items[j].article:
                    continue
                seen.add(key)
                # partial/set scores forgive trimmed edges, but only for quotes long enough to mean it
                long_enough = min(counts[i], counts[j]) >= 4
                score = max(float(base[x][y]), float(loose[x][y]) if long_enough else 0.0)
                if quote:
                    same_speaker = speakers_compatible(items[i].claim.speaker, items[j].claim.speaker)
                    scored = _quote_pair(score, min(counts[i], counts[j]), same_speaker, options)
                else:
                    scored = _statement_pair(score, name_sets[i], name_sets[j], options)
                if scored:
                    edges[key] = scored
    return edges


def _quote_pair(
    score: float, n_words: int, same_speaker: bool, options: MatchOptions
) -> tuple[float, Rule] | None:
    """Quotes link on their normalised words. Two known, different speakers cost
    ``speaker_penalty`` points: only a long, word-for-word quote survives that (one outlet, or the
    extractor, got the speaker wrong); short or reworded quotes of two people stay apart."""
    if not same_speaker:
        if n_words < options.speaker_override_words:
            return None
        score -= options.speaker_penalty
    if score < options.quote_threshold:
        return None
    return score / 100, ("quote", score, not same_speaker)


def _statement_pair(
    score: float, na: set[str], nb: set[str], options: MatchOptions
) -> tuple[float, Rule] | None:
    shared = na & nb
    if len(na) > 1 and len(nb) > 1 and not shared:
        score -= 15  # both name several people or places, and not one in common
    elif shared:
        score += 5 * min(len(shared), 2)
    if score < options.statement_threshold:
        return None
    return min(score, 100.0) / 100, ("statement", score, tuple(sorted(shared)))


def _chunks(seq: Sequence[Item] | list[int], size: int) -> Iterable[list]:
    for start in range(0, len(seq), size):
        yield list(seq[start : start + size])


def _key(i: int, j: int) -> tuple[int, int]:
    return (i, j) if i < j else (j, i)


# --- clustering ------------------------------------------------------------------------------


# A claim attribute that splits facts: (the claim's value of it, whether two such values agree).
Exclusive = tuple[Callable[[Claim], str | None], Callable[[str, str], bool]]
_EXCLUSIVE: dict[str, Exclusive] = {"number": (lambda c: c.when, when_compatible)}


def adjacency(edges: Edges) -> dict[int, dict[int, float]]:
    adj: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), (s, _) in edges.items():
        adj[i][j] = s
        adj[j][i] = s
    return adj


def cluster_items(
    items: Sequence[Item],
    edges: Edges,
    linkage: float,
    exclusive: Exclusive | None = None,
    *,
    adj: Mapping[int, Mapping[int, float]] | None = None,
) -> list[list[int]]:
    """Average-linkage clusters of item indexes; no cluster holds two items of one article.

    A missing edge counts as similarity 0, so a claim that matches one member of a cluster but
    nothing else in it stays out: chains A~B~C with A≁C do not collapse into one fact.
    ``exclusive`` adds a cannot-link rule on one attribute (a number's time qualifier, a quote's
    speaker): two clusters whose known values of it disagree never merge, even through a member
    that has no value ("123 on Saturday" and "123 on Friday" do not meet through a bare "123").
    """
    if adj is None:
        adj = adjacency(edges)
    done: set[int] = set()
    clusters: list[list[int]] = []
    for start in range(len(items)):
        if start in done:
            continue
        comp = _component(start, adj)
        done.update(comp)
        clusters.extend(_average_linkage(comp, adj, items, linkage, exclusive))
    return clusters


def _component(start: int, adj: Mapping[int, Mapping[int, float]]) -> list[int]:
    seen, stack = {start}, [start]
    while stack:
        for n in adj.get(stack.pop(), {}):
            if n not in seen:
                seen.add(n)
                stack.append(n)
    return sorted(seen)


def _average_linkage(
    comp: list[int],
    adj: Mapping[int, Mapping[int, float]],
    items: Sequence[Item],
    linkage: float,
    exclusive: Exclusive | None = None,
) -> list[list[int]]:
    """Merge the closest pair of clusters while their average similarity reaches ``linkage``.

    When two clusters that should merge each hold a claim of the same article (a headline and a
    body sentence both saying "123 prisoners"), they merge and the weaker of the two claims (the
    one less similar to the merged cluster) leaves it and stays on its own: an article is never
    two mentions of one fact, and its repetition does not split the fact in two.
    """
    if len(comp) == 1:
        return [comp]
    members: dict[int, list[int]] = {n: [n] for n in comp}
    owner: dict[int, int] = {n: n for n in comp}
    arts: dict[int, dict[int, int]] = {n: {items[n].article: n} for n in comp}  # article -> member
    get_tag = exclusive[0] if exclusive else None
    tags: dict[int, Counter[str]] = {}
    if get_tag is not None:
        tags = {n: Counter([t] if (t := get_tag(items[n].claim)) else []) for n in comp}
    # sums[c][d]: total similarity between clusters c and d (over existing edges)
    sums: dict[int, dict[int, float]] = {n: dict(adj.get(n, {})) for n in comp}
    heap: list[tuple[float, int, int]] = []
    for c, nbrs in sums.items():
        for d, s in nbrs.items():
            if c < d:
                heap.append((-s, c, d))
    heapq.heapify(heap)
    alone: list[list[int]] = []  # claims that lost their place to another claim of their article
    next_id = max(comp) + 1
    while heap:
        neg, c, d = heapq.heappop(heap)
        if c not in members or d not in members:
            continue
        avg = sums[c].get(d, 0.0) / (len(members[c]) * len(members[d]))
        if abs(avg + neg) > 1e-9:
            continue  # stale entry
        if avg < linkage:
            break
        if exclusive is not None and not _tags_agree(tags[c], tags[d], exclusive[1]):
            continue  # e.g. "on Saturday" against "on Friday", or two different speakers
        if len(members[d]) > len(members[c]):
            c, d = d, c  # fold the smaller cluster into the larger
        shared = arts[c].keys() & arts[d].keys()
        # merge d into c
        for n in members[d]:
            owner[n] = c
        members[c].extend(members.pop(d))
        dart = arts.pop(d)
        if tags:
            tags[c] += tags.pop(d)
        dsums = sums.pop(d)
        for e, s in dsums.items():
            if e == c:
                continue
            sums[c][e] = sums[c].get(e, 0.0) + s
            sums[e][c] = sums[c][e]
            sums[e].pop(d, None)
        sums[c].pop(d, None)
        for article, n in dart.items():
            if article not in shared:
                arts[c][article] = n
                continue
            x, y = arts[c][article], n
            sx = sum(w for e, w in adj.get(x, {}).items() if owner.get(e) == c and e != y)
            sy = sum(w for e, w in adj.get(y, {}).items() if owner.get(e) == c and e != x)
            keep, drop = (x, y) if (sx, -x) >= (sy, -y) else (y, x)
            arts[c][article] = keep
            members[c].remove(drop)
            owner[drop] = next_id
            next_id += 1
            alone.append([drop])
            if tags and get_tag is not None and (t := get_tag(items[drop].claim)):
                tags[c][t] -= 1
                if not tags[c][t]:
                    del tags[c][t]
            for e, w in adj.get(drop, {}).items():
                o = owner.get(e)
                if o is None or o == c or o not in members:
                    continue
                sums[c][o] = sums[c].get(o, 0.0) - w
                sums[o][c] = sums[c][o]
        for e, s in sums[c].items():
            heapq.heappush(heap, (-s / (len(members[c]) * len(members[e])), min(c, e), max(c, e)))
    return [sorted(m) for m in members.values()] + alone


def _tags_agree(a: Counter[str], b: Counter[str], agree: Callable[[str, str], bool]) -> bool:
    return all(x == y or agree(x, y) for x in a for y in b)


def format_value(v: Interval | None) -> str:
    """A short human form of an interval: "123", ">120", "120-130", "<=50"."""
    if v is None:
        return "?"
    lo, hi = _fmt(v.low), _fmt(v.high)
    if v.low is not None and v.low == v.high:
        return lo
    if v.high is None:
        return (">" if not v.low_inclusive else ">=") + lo
    if v.low is None:
        return ("<" if not v.high_inclusive else "<=") + hi
    return f"{lo}-{hi}"


def _fmt(x: float | None) -> str:
    if x is None:
        return ""
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.4g}"

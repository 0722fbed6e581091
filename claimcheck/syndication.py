"""Which articles are wire copy: near-duplicates of another outlet's article, or wire datelines/bylines.

A syndicated article still counts among the outlets reporting a fact, but not among its
independent outlets. Near-duplicates are found with hashed word 5-gram shingles: a sampled
subset of each article's shingles goes into an inverted index (so candidate pairs come from
shared shingles, not from comparing every article with every other), then candidates are
scored by containment on their full shingle sets.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from claimcheck.models import Article, Outlet

_WORD = re.compile(r"\w+", re.UNICODE)
_FAR_FUTURE = datetime.max.replace(tzinfo=UTC)


@dataclass(frozen=True)
class SyndicationOptions:
    """Thresholds for wire-copy detection."""

    shingle: int = 5  # words per shingle
    sample_mod: int = 4  # index one shingle in this many (by hash) for candidate generation
    min_shared_samples: int = 2  # candidate pairs share at least this many sampled shingles
    max_posting: int = 50  # shingles in more articles than this are boilerplate, not evidence
    containment: float = 0.6  # |A ∩ B| / min(|A|, |B|) at or above this is a near-duplicate
    min_shingles: int = 20  # shorter texts are too short to call duplicates


def shingles(text: str, size: int = 5) -> set[int]:
    """Hashed word ``size``-grams of the lower-cased text."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {_h(" ".join(words))} if words else set()
    return {_h(" ".join(words[i : i + size])) for i in range(len(words) - size + 1)}


def _h(s: str) -> int:
    # A stable hash (str hash() is salted per process), so sampling is the same on every run.
    return zlib.crc32(s.encode("utf-8"))


def wire_marks(article: Article, outlets: Mapping[str, Outlet]) -> str | None:
    """The id of the wire outlet whose dateline or byline the article carries, if any."""
    wires = [o for o in outlets.values() if o.wire and o.id != article.outlet]
    if not wires:
        return None
    head, tail = article.text[:400], article.text[-600:]
    for wire in wires:
        names = sorted({*wire.names, wire.id}, key=len, reverse=True)
        alt = "|".join(re.escape(n) for n in names if n)
        dateline = re.compile(rf"\(\s*(?:{alt})\s*\)\s*[-–—:]", re.IGNORECASE)
        byline = re.compile(rf"\bBy\b[^\n]{{0,80}}?[,/|]\s*(?:the\s+)?(?:{alt})\b", re.IGNORECASE)
        credit = re.compile(rf"^\s*(?:{alt})\s*$", re.IGNORECASE)
        if dateline.search(head) or byline.search(head) or byline.search(tail):
            return wire.id
        if article.author and (credit.match(article.author) or byline.search(f"By {article.author}")):
            return wire.id
        # Reuters' house style ends its copy with "Reporting by ...; Editing by ...".
        is_reuters = any(n.lower() == "reuters" for n in names)
        if is_reuters and re.search(r"\bReporting by\b[^\n]{0,200}\bEditing by\b", tail):
            return wire.id
    return None


def find_syndicated(
    articles: Sequence[Article],
    outlets: Mapping[str, Outlet],
    options: SyndicationOptions | None = None,
) -> dict[int, str]:
    """Article index -> why it is wire copy ("dateline of reuters", "near-duplicate of bbc (0.91)")."""
    options = options or SyndicationOptions()
    reasons: dict[int, str] = {}
    for i, art in enumerate(articles):
        wire = wire_marks(art, outlets)
        if wire:
            reasons[i] = f"wire dateline/byline of {wire}"
    for group, score in _near_duplicate_groups(articles, options):
        original = min(group, key=lambda i: _origin_key(articles[i], outlets))
        for i in group:
            if i != original and i not in reasons and articles[i].outlet != articles[original].outlet:
                reasons[i] = f"near-duplicate of {articles[original].outlet} ({score[i]:.2f})"
    return reasons


def _origin_key(article: Article, outlets: Mapping[str, Outlet]) -> tuple[int, datetime, str]:
    """The original of a group of copies: a wire outlet first, then the earliest published."""
    outlet = outlets.get(article.outlet)
    published = article.published or _FAR_FUTURE
    if published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    return (0 if outlet and outlet.wire else 1, published, article.outlet)


def _near_duplicate_groups(
    articles: Sequence[Article], options: SyndicationOptions
) -> list[tuple[list[int], dict[int, float]]]:
    sets = [shingles(a.text, options.shingle) for a in articles]
    postings: dict[int, list[int]] = defaultdict(list)
    for i, s in enumerate(sets):
        if len(s) < options.min_shingles:
            continue
        for h in s:
            if h % options.sample_mod == 0:
                postings[h].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for ids in postings.values():
        if len(ids) < 2 or len(ids) > options.max_posting:
            continue
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                shared[ids[x], ids[y]] += 1
    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    best: dict[int, float] = defaultdict(float)
    for (i, j), n in shared.items():
        if n < options.min_shared_samples or articles[i].outlet == articles[j].outlet:
            continue
        a, b = sets[i], sets[j]
        score = len(a & b) / min(len(a), len(b))
        if score >= options.containment:
            parent[find(i)] = find(j)
            best[i] = max(best[i], score)
            best[j] = max(best[j], score)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in best:
        groups[find(i)].append(i)
    return [(sorted(g), dict(best)) for g in groups.values() if len(g) > 1]

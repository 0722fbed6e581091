"""Which articles are wire copy: near-duplicates of another outlet's article, or wire datelines/bylines.

A syndicated article still counts among the outlets reporting a fact, but not among its
independent outlets. Near-duplicates are found with hashed word 5-gram shingles: a sampled
subset of each article's shingles goes into an inverted index (so candidate pairs come from
shared shingles, not from comparing every article with every other), then candidates are
scored by containment on their full shingle sets.
"""

from __future__ import annotations

import itertools
import re
import zlib
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

import numpy as np

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


@dataclass(frozen=True)
class Syndicated:
    """Why an article is wire copy: ``kind`` "wire" (it carries the dateline or byline of the wire
    outlet ``source``) or "near-duplicate" (of outlet ``source``'s article, ``score`` its containment).
    ``str()`` gives the reason as reports show it."""

    kind: Literal["wire", "near-duplicate"]
    source: str  # an outlet id
    score: float | None = None

    def __str__(self) -> str:
        if self.kind == "wire":
            return f"wire dateline/byline of {self.source}"
        return f"near-duplicate of {self.source} ({self.score or 0.0:.2f})"


def shingles(text: str, size: int = 5) -> set[int]:
    """Hashed word ``size``-grams of the lower-cased text."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {_h(" ".join(words))} if words else set()
    # crc32 of each n-gram's slice of the joined text: the same hash as of " ".join(n-gram), no copies
    data = " ".join(words).encode("utf-8")
    ascii_only = len(data) == len(words) - 1 + sum(map(len, words))
    lengths = map(len, words) if ascii_only else (len(w.encode("utf-8")) for w in words)
    starts = list(itertools.accumulate((n + 1 for n in lengths), initial=0))
    view, crc = memoryview(data), zlib.crc32
    return {crc(view[a : b - 1]) for a, b in zip(starts, starts[size:], strict=False)}


def _h(s: str) -> int:
    # A stable hash (str hash() is salted per process), so sampling is the same on every run.
    return zlib.crc32(s.encode("utf-8"))


def wire_marks(article: Article, outlets: Mapping[str, Outlet]) -> str | None:
    """The id of the wire outlet whose dateline or byline the article carries, if any."""
    return _wire_marks(article, _wire_patterns(outlets))


# per wire: its id, dateline, byline and credit patterns, and whether it is Reuters
_Patterns = tuple[str, re.Pattern[str], re.Pattern[str], re.Pattern[str], bool]


def _wire_patterns(outlets: Mapping[str, Outlet]) -> list[_Patterns]:
    out = []
    for wire in outlets.values():
        if not wire.wire:
            continue
        names = sorted({*wire.names, wire.id}, key=len, reverse=True)
        alt = "|".join(re.escape(n) for n in names if n)
        dateline = re.compile(rf"\(\s*(?:{alt})\s*\)\s*[-–—:]", re.IGNORECASE)
        byline = re.compile(rf"\bBy\b[^\n]{{0,80}}?[,/|]\s*(?:the\s+)?(?:{alt})\b", re.IGNORECASE)
        credit = re.compile(rf"^\s*(?:{alt})\s*$", re.IGNORECASE)
        # Reuters' house style ends its copy with "Reporting by ...; Editing by ...".
        out.append((wire.id, dateline, byline, credit, any(n.lower() == "reuters" for n in names)))
    return out


def _wire_marks(article: Article, patterns: Sequence[_Patterns]) -> str | None:
    head, tail = article.text[:400], article.text[-600:]
    for wire_id, dateline, byline, credit, is_reuters in patterns:
        if wire_id == article.outlet:
            continue
        if dateline.search(head) or byline.search(head) or byline.search(tail):
            return wire_id
        if article.author and (credit.match(article.author) or byline.search(f"By {article.author}")):
            return wire_id
        if is_reuters and re.search(r"\bReporting by\b[^\n]{0,200}\bEditing by\b", tail):
            return wire_id
    return None


def find_syndicated(
    articles: Sequence[Article],
    outlets: Mapping[str, Outlet],
    options: SyndicationOptions | None = None,
) -> dict[int, Syndicated]:
    """Article index -> why it is wire copy (``Syndicated``: a wire's dateline or byline, or a
    near-duplicate of an earlier article of another outlet)."""
    options = options or SyndicationOptions()
    reasons: dict[int, Syndicated] = {}
    patterns = _wire_patterns(outlets)
    for i, art in enumerate(articles):
        wire = _wire_marks(art, patterns)
        if wire:
            reasons[i] = Syndicated("wire", wire)
    for group, score in _near_duplicate_groups(articles, options):
        original = min(group, key=lambda i: _origin_key(articles[i], outlets))
        for i in group:
            if i != original and i not in reasons and articles[i].outlet != articles[original].outlet:
                reasons[i] = Syndicated("near-duplicate", articles[original].outlet, float(score[i]))
    return reasons


def _origin_key(article: Article, outlets: Mapping[str, Outlet]) -> tuple[int, datetime, str]:
    """The original of a group of copies: a wire outlet first, then the earliest published."""
    outlet = outlets.get(article.outlet)
    published = article.published or _FAR_FUTURE
    return (0 if outlet and outlet.wire else 1, published, article.outlet)


def _near_duplicate_groups(
    articles: Sequence[Article], options: SyndicationOptions
) -> list[tuple[list[int], dict[int, float]]]:
    sets = [shingles(a.text, options.shingle) for a in articles]
    shared = _shared_samples(sets, options)
    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    best: dict[int, float] = defaultdict(float)
    for i, j in shared:
        if articles[i].outlet == articles[j].outlet:
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


def _shared_samples(sets: Sequence[set[int]], options: SyndicationOptions) -> list[tuple[int, int]]:
    """Pairs of articles (i < j) sharing at least ``min_shared_samples`` sampled shingles.

    A sampled shingle in 2..``max_posting`` articles counts for each pair of them; with numpy the
    postings are sorted arrays and the pairs are counted in bulk, not pair by pair.
    """
    hs, owner = [], []
    for i, s in enumerate(sets):
        if len(s) < options.min_shingles:
            continue
        h = np.fromiter(s, dtype=np.int64, count=len(s))
        h = h[h % options.sample_mod == 0]
        hs.append(h)
        owner.append(np.full(len(h), i, dtype=np.int64))
    if not hs:
        return []
    h, a = np.concatenate(hs), np.concatenate(owner)
    order = np.lexsort((a, h))
    h, a = h[order], a[order]
    # each posting (run of equal h) as [start, end); keep those of 2..max_posting articles
    cut = np.flatnonzero(np.diff(h)) + 1
    starts = np.concatenate(([0], cut))
    sizes = np.diff(np.concatenate((starts, [len(h)])))
    keep = (sizes >= 2) & (sizes <= options.max_posting)
    posting = np.repeat(np.cumsum(keep) * keep, sizes)  # 0 = a posting not kept
    pairs = []
    for k in range(1, int(sizes[keep].max(initial=1))):
        same = (posting[:-k] == posting[k:]) & (posting[:-k] > 0)
        x = np.flatnonzero(same)
        if not len(x):
            break
        pairs.append(a[x] * len(sets) + a[x + k])
    if not pairs:
        return []
    codes, counts = np.unique(np.concatenate(pairs), return_counts=True)
    codes = codes[counts >= options.min_shared_samples]
    return list(zip((codes // len(sets)).tolist(), (codes % len(sets)).tolist(), strict=True))

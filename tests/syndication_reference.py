"""The wire-copy finder as it was before it was vectorised (claimcheck/match/syndication.py at e959d2e):
a set of shingle hashes per article and the containment of each candidate pair counted in Python.

Kept as the reference the bulk version must agree with (tests/test_syndication.py); not used by the app.
"""

from __future__ import annotations

import itertools
import re
import zlib
from collections import defaultdict
from collections.abc import Mapping, Sequence

import numpy as np

from claimcheck.match.syndication import _WORD, Syndicated, SyndicationOptions, _origin_key
from claimcheck.models import Article, Outlet

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


def shingles(text: str, size: int = 5) -> set[int]:
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {zlib.crc32(" ".join(words).encode("utf-8"))} if words else set()
    data = " ".join(words).encode("utf-8")
    ascii_only = len(data) == len(words) - 1 + sum(map(len, words))
    lengths = map(len, words) if ascii_only else (len(w.encode("utf-8")) for w in words)
    starts = list(itertools.accumulate((n + 1 for n in lengths), initial=0))
    view, crc = memoryview(data), zlib.crc32
    return {crc(view[a : b - 1]) for a, b in zip(starts, starts[size:], strict=False)}


def find_syndicated(
    articles: Sequence[Article], outlets: Mapping[str, Outlet], options: SyndicationOptions | None = None
) -> dict[int, Syndicated]:
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
    cut = np.flatnonzero(np.diff(h)) + 1
    starts = np.concatenate(([0], cut))
    sizes = np.diff(np.concatenate((starts, [len(h)])))
    keep = (sizes >= 2) & (sizes <= options.max_posting)
    posting = np.repeat(np.cumsum(keep) * keep, sizes)
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

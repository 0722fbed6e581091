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
from typing import Literal

import numpy as np

from claimcheck.models import Article, Outlet
from claimcheck.shingles import _h, shingles

__all__ = ["ShingleTable", "Syndicated", "SyndicationOptions", "find_syndicated", "shingle_table", "shingles",
           "stored_table", "wire_marks"]  # fmt: skip

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


def wire_marks(article: Article, outlets: Mapping[str, Outlet]) -> str | None:
    """The id of the wire outlet whose dateline or byline the article carries, if any."""
    return _wire_marks(article, _wire_patterns(outlets))


# per wire: its id, dateline, byline and credit patterns, and whether it is Reuters
_Patterns = tuple[str, re.Pattern[str], re.Pattern[str], re.Pattern[str], bool]
_REPORTING = re.compile(r"\bReporting by\b[^\n]{0,200}\bEditing by\b")


@dataclass(frozen=True)
class _Wires:
    """The wires' patterns, and one pattern of all their names as words: every mark holds a wire's name
    (but Reuters' "Reporting by ...; Editing by ..."), so text without one needs no closer look."""

    patterns: list[_Patterns]
    any_name: re.Pattern[str] | None
    reuters: bool
    # when all names are ASCII: the names lower-cased (each with whether it ends in a word character, so
    # that a word character may not follow it), found with str.find in lower-cased text first (several times
    # faster than a pattern of alternatives); IGNORECASE also matches "ı" and "İ" to "i" and "ſ" to "s",
    # which lower() does not (the only such characters), so text with those goes straight to any_name
    lower_names: tuple[tuple[str, bool], ...] | None = None

    def named(self, text: str) -> bool:
        if self.any_name is None:
            return False
        quick = self.lower_names is not None and "ı" not in text and "ſ" not in text and "İ" not in text
        if quick and not _finds_name(text.lower(), self.lower_names):  # type: ignore[arg-type]
            return False
        return self.any_name.search(text) is not None


def _finds_name(text: str, names: tuple[tuple[str, bool], ...]) -> bool:
    """Whether one of ``names`` is in ``text`` (not followed by a word character, as ``(?!\\w)``, when the
    name's flag says so)."""
    for name, word_end in names:
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if not word_end or end == len(text) or not (text[end].isalnum() or text[end] == "_"):
                return True
            at = text.find(name, at + 1)
    return False


def _wire_patterns(outlets: Mapping[str, Outlet]) -> _Wires:
    out, alts = [], []
    for wire in outlets.values():
        if not wire.wire:
            continue
        names = sorted({*wire.names, wire.id}, key=len, reverse=True)
        alt = "|".join(re.escape(n) for n in names if n)
        alts += [n for n in names if n]
        dateline = re.compile(rf"\(\s*(?:{alt})\s*\)\s*[-–—:]", re.IGNORECASE)
        byline = re.compile(rf"\bBy\b[^\n]{{0,80}}?[,/|]\s*(?:the\s+)?(?:{alt})\b", re.IGNORECASE)
        credit = re.compile(rf"^\s*(?:{alt})\s*$", re.IGNORECASE)
        # Reuters' house style ends its copy with "Reporting by ...; Editing by ...".
        out.append((wire.id, dateline, byline, credit, any(n.lower() == "reuters" for n in names)))
    # every mark has a name between non-word characters: "(AP) -", ", Reuters", "By AFP" (one group of
    # alternatives: several times faster to search than one lookaround per name)
    words = "|".join(re.escape(n) for n in alts if re.match(r"\w", n[-1]))
    others = "|".join(re.escape(n) for n in alts if not re.match(r"\w", n[-1]))
    parts = ([rf"(?<!\w)(?:{words})(?!\w)"] if words else []) + ([rf"(?<!\w)(?:{others})"] if others else [])
    any_name = re.compile("|".join(parts), re.IGNORECASE) if parts else None
    lower_names = None
    if alts and all(n.isascii() for n in alts):
        low = sorted({n.lower() for n in alts}, key=len, reverse=True)
        lower_names = tuple((n, re.match(r"\w", n[-1]) is not None) for n in low)
    return _Wires(out, any_name, any(p[4] for p in out), lower_names)


def _wire_marks(article: Article, wires: _Wires) -> str | None:
    head, tail = article.text[:400], article.text[-600:]
    if wires.any_name is None:
        return None
    by = f"By {article.author}" if article.author else ""
    # one search of the three joined by newlines: a name never holds one, and a newline is not a word
    # character, so a name is found in the joined text exactly when it is found in one of them
    named = wires.named(f"{head}\n{tail}\n{by}")
    if not named and not (wires.reuters and _REPORTING.search(tail)):
        return None
    for wire_id, dateline, byline, credit, is_reuters in wires.patterns:
        if wire_id == article.outlet:
            continue
        if dateline.search(head) or byline.search(head) or byline.search(tail):
            return wire_id
        if article.author and (credit.match(article.author) or byline.search(by)):
            return wire_id
        if is_reuters and _REPORTING.search(tail):
            return wire_id
    return None


def find_syndicated(
    articles: Sequence[Article],
    outlets: Mapping[str, Outlet],
    options: SyndicationOptions | None = None,
    *,
    groups: Sequence[int] | np.ndarray | None = None,
    table: ShingleTable | None = None,
) -> dict[int, Syndicated]:
    """Article index -> why it is wire copy (``Syndicated``: a wire's dateline or byline, or a
    near-duplicate of an earlier article of another outlet).

    ``groups`` (a number per article, e.g. its story) looks for near-duplicates within each group only:
    the same result as one call per group, in one pass over all of them. ``table``: the articles'
    shingles (``options.shingle`` words), row k article k's, when already known (the store keeps those of
    each article's cut text: :func:`stored_table`); the texts are then not hashed again."""
    options = options or SyndicationOptions()
    reasons: dict[int, Syndicated] = {}
    patterns = _wire_patterns(outlets)
    for i, art in enumerate(articles):
        wire = _wire_marks(art, patterns)
        if wire:
            reasons[i] = Syndicated("wire", wire)
    group_of = np.zeros(len(articles), dtype=np.int64) if groups is None else np.asarray(groups, np.int64)
    for group, score in _near_duplicate_groups(articles, group_of, options, table):
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


_BATCH_CHARS = 1_000_000  # groups are worked through a batch of about this much text at a time


def _near_duplicate_groups(
    articles: Sequence[Article], group_of: np.ndarray, options: SyndicationOptions, table: ShingleTable | None
) -> list[tuple[list[int], dict[int, float]]]:
    """Groups of near-duplicates (with each member's best containment), whole groups a batch at a time:
    copies are never looked for across groups, so memory stays bounded by the batch."""
    order = np.argsort(group_of, kind="stable")
    sizes = np.fromiter((len(articles[i].text) for i in order.tolist()), dtype=np.int64, count=len(order))
    edges = np.flatnonzero(np.diff(group_of[order])) + 1  # where a group starts
    out: list[tuple[list[int], dict[int, float]]] = []
    start, used = 0, np.cumsum(sizes)
    while start < len(order):
        # the batch ends at the first group start past the budget (a group larger than it goes whole)
        past = np.searchsorted(used, (used[start - 1] if start else 0) + _BATCH_CHARS, side="right")
        k = np.searchsorted(edges, max(past, start + 1))
        end = int(edges[k]) if k < len(edges) else len(order)
        idx = order[start:end].tolist()
        batch = [articles[i] for i in idx]
        shingled = shingle_table([a.text for a in batch], options.shingle) if table is None else table.take(idx)
        found = _near_duplicates_of(batch, group_of[idx], options, shingled)
        if found:
            best = {idx[m]: v for m, v in found[0][1].items()}  # one dict of the batch's best scores
            out += [([idx[m] for m in members], best) for members, _ in found]
        start = end
    return out


def _near_duplicates_of(
    articles: Sequence[Article], group_of: np.ndarray, options: SyndicationOptions, table: ShingleTable
) -> list[tuple[list[int], dict[int, float]]]:
    codes: dict[str, int] = {}
    outlet_of = np.array([codes.setdefault(a.outlet, len(codes)) for a in articles], dtype=np.int64)
    pairs = _shared_samples(table, group_of, outlet_of, options)
    sizes = np.diff(table.indptr)
    score = _intersections(table, pairs, group_of) / np.maximum(
        np.minimum(sizes[pairs[:, 0]], sizes[pairs[:, 1]]), 1
    )
    keep = score >= options.containment
    pairs, score = pairs[keep], score[keep]
    parent: dict[int, int] = {}

    def find(i: int) -> int:
        parent.setdefault(i, i)
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    best: dict[int, float] = defaultdict(float)
    for (i, j), s in zip(pairs.tolist(), score.tolist(), strict=True):
        parent[find(i)] = find(j)
        best[i] = max(best[i], s)
        best[j] = max(best[j], s)
    out: dict[int, list[int]] = defaultdict(list)
    for i in best:
        out[find(i)].append(i)
    scores = dict(best)  # one dict shared by all the groups
    return [(sorted(g), scores) for g in out.values() if len(g) > 1]


# --- shingles in bulk ------------------------------------------------------------------------------------
#
# ``shingles()`` hashes each n-gram with zlib.crc32, one call per n-gram. ``shingle_table`` gives the same
# hashes for many texts at once with numpy: CRC-32 is affine over GF(2), so the CRC of "w1 w2 ... wn" follows
# from each distinct word's CRC (computed once per word) by shifting the running register over the bytes of
# the next word (a table lookup per register byte, ``_shift``) and adding the next word's CRC.

_POLY = 0xEDB88320
_MASK = 0xFFFFFFFF
_PROBES = 500_000  # shingles _intersections looks up at once (~20 MB of temporaries)
_SLOTS = 1 << 21  # pair codes (articles squared) up to this many are found through a table (8 MB at most)
_LMAX = 64  # register shifts by up to this many bytes come from one table; longer ones take several steps


def _shift_tables() -> np.ndarray:
    """``T[l * 1024 + k * 256 + v]``: the raw CRC register ``v << 8k`` after ``l`` zero bytes."""
    table = np.arange(256, dtype=np.int64)
    for _ in range(8):
        table = np.where(table & 1, (table >> 1) ^ _POLY, table >> 1)
    reg = (np.arange(256, dtype=np.int64)[None, :] << (8 * np.arange(4, dtype=np.int64))[:, None]).ravel()
    out = np.empty((_LMAX + 1, 1024), dtype=np.int64)
    for n in range(_LMAX + 1):
        out[n] = reg
        reg = (reg >> 8) ^ table[reg & 0xFF]
    return out.ravel()


_TABLES: np.ndarray | None = None


def _shift(reg: np.ndarray, n: np.ndarray) -> np.ndarray:
    """Each raw CRC register ``reg`` after ``n`` zero bytes (linear in ``reg``: four table lookups)."""
    global _TABLES
    if _TABLES is None:
        _TABLES = _shift_tables()
    t = _TABLES
    long = np.flatnonzero(n > _LMAX)
    if len(long):  # rare (words of 64+ bytes): shift those _LMAX bytes at a time first
        reg, n = reg.copy(), n.copy()
        reg[long] = _shift(reg[long], np.full(len(long), _LMAX))
        n[long] -= _LMAX
        return _shift(reg, n)
    step = n * 1024
    return (
        t[step + (reg & 0xFF)]
        ^ t[step + 256 + ((reg >> 8) & 0xFF)]
        ^ t[step + 512 + ((reg >> 16) & 0xFF)]
        ^ t[step + 768 + (reg >> 24)]
    )


class _Words(dict[str | bytes, int]):
    """Word -> id, growing; per id the raw CRC (init 0, no final xor) of the word and of " " + word."""

    def __init__(self) -> None:
        super().__init__()
        self.new: list[str | bytes] = []
        self.raw = np.zeros(0, dtype=np.int64)
        self.raw_spaced = np.zeros(0, dtype=np.int64)
        self.length = np.zeros(0, dtype=np.int64)  # bytes of the word
        self._ones: dict[int, int] = {}

    def __missing__(self, word: str | bytes) -> int:
        k = self[word] = len(self)
        self.new.append(word)
        return k

    def ones(self, n: int) -> int:
        """The raw register 0xFFFFFFFF after ``n`` zero bytes (crc32 = ~(raw ^ this))."""
        v = self._ones.get(n)
        if v is None:
            v = self._ones[n] = ~zlib.crc32(bytes(n)) & _MASK
        return v

    def flush(self) -> None:
        """Compute the CRCs of the words added since the last flush."""
        if not self.new:
            return
        data = [w if isinstance(w, bytes) else w.encode("utf-8") for w in self.new]
        lengths = np.fromiter(map(len, data), dtype=np.int64, count=len(data))
        crc = np.fromiter(map(zlib.crc32, data), dtype=np.int64, count=len(data))
        spaced = np.fromiter((zlib.crc32(b" " + d) for d in data), dtype=np.int64, count=len(data))
        ones = np.array([self.ones(int(n)) for n in range(int(lengths.max()) + 2)], dtype=np.int64)
        # raw = ~crc32 ^ ones(len): the register's start value taken out
        self.raw = np.concatenate((self.raw, (~crc & _MASK) ^ ones[lengths]))
        self.raw_spaced = np.concatenate((self.raw_spaced, (~spaced & _MASK) ^ ones[lengths + 1]))
        self.length = np.concatenate((self.length, lengths))
        self.new = []


@dataclass
class ShingleTable:
    """Distinct shingle hashes of many texts: text ``k``'s are ``hashes[indptr[k]:indptr[k+1]]``, sorted."""

    indptr: np.ndarray
    hashes: np.ndarray  # uint32

    def of(self, k: int) -> set[int]:
        return set(self.hashes[self.indptr[k] : self.indptr[k + 1]].tolist())

    def take(self, rows: Sequence[int] | np.ndarray) -> ShingleTable:
        """The table of these texts only, in this order."""
        rows = np.asarray(rows, dtype=np.int64)
        counts = self.indptr[rows + 1] - self.indptr[rows]
        indptr = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
        at = np.repeat(self.indptr[rows] - indptr[:-1], counts) + np.arange(int(indptr[-1]), dtype=np.int64)
        return ShingleTable(indptr, self.hashes[at])


def stored_table(blobs: Sequence[bytes]) -> ShingleTable:
    """The :class:`ShingleTable` of shingles as the store keeps them (claimcheck.shingles.shingle_blob:
    sorted little-endian uint32), in the order given."""
    counts = np.fromiter((len(b) // 4 for b in blobs), dtype=np.int64, count=len(blobs))
    indptr = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
    return ShingleTable(indptr, np.frombuffer(b"".join(blobs), dtype="<u4").astype(np.uint32))


# UTF-8 bytes: ASCII letters lower-cased, ASCII digits and "_" kept, every other byte a space
_ASCII_WORDS = bytes(
    b + 32 if 65 <= b <= 90 else b if (b < 128 and chr(b).isalnum()) or b == 95 else 32 for b in range(256)
)
_NON_ASCII_WORD = re.compile(r"[^\W\x00-\x7f]")
_CHUNK = 1000  # texts hashed at a time (bounds the token lists held at once)


def shingle_table(texts: Sequence[str], size: int = 5) -> ShingleTable:
    """The :func:`shingles` of every text, computed in bulk (same hashes, as sorted arrays)."""
    words = _Words()
    parts: list[np.ndarray] = []
    nwords, counts = np.zeros(len(texts), dtype=np.int64), np.zeros(len(texts), dtype=np.int64)
    findall = _WORD.findall
    for c in range(0, len(texts), _CHUNK):
        tokens: list[str | bytes] = []
        for k, text in enumerate(texts[c : c + _CHUNK], start=c):
            # Text whose only word characters are ASCII (most English copy, curly quotes and dashes aside):
            # \w is [A-Za-z0-9_] there, so a byte translation and a split find the regex's words, faster
            if text.isascii() or not _NON_ASCII_WORD.search(text):
                found = text.encode().translate(_ASCII_WORDS).split()
            else:
                found = findall(text.lower())
            nwords[k] = len(found)
            tokens += found
        ids = np.fromiter(map(words.__getitem__, tokens), dtype=np.int64, count=len(tokens))
        del tokens
        words.flush()
        n = nwords[c : c + _CHUNK]
        doc = np.repeat(np.arange(len(n), dtype=np.int64), n)
        start = np.cumsum(n) - n
        pos = np.arange(len(ids)) - start[doc]
        first = np.flatnonzero(pos <= (n - size)[doc])  # an n-gram starts here
        reg, total = words.raw[ids[first]], words.length[ids[first]]
        for s in range(1, size):
            nxt = ids[first + s]
            reg = _shift(reg, words.length[nxt] + 1) ^ words.raw_spaced[nxt]
            total = total + words.length[nxt] + 1
        ones = np.array([words.ones(int(t)) for t in range(int(total.max(initial=0)) + 1)], dtype=np.int64)
        hashes = ~(reg ^ ones[total]) & _MASK
        owner = doc[first]
        short = np.flatnonzero((n > 0) & (n < size))  # fewer words than a shingle: one hash of them all
        if len(short):
            extra = [_h(" ".join(findall(texts[c + k].lower()))) for k in short.tolist()]
            hashes = np.concatenate((hashes, np.array(extra, dtype=np.int64)))
            owner = np.concatenate((owner, short))
        uniq = np.sort(owner << 32 | hashes)
        uniq = uniq[np.concatenate(([True], uniq[1:] != uniq[:-1]))] if len(uniq) else uniq
        counts[c : c + _CHUNK] = np.bincount(uniq >> 32, minlength=len(n))
        parts.append((uniq & _MASK).astype(np.uint32))
    indptr = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
    return ShingleTable(indptr, np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint32))


# --- candidate pairs and their containment, in bulk ---------------------------------------------------------


def _shared_samples(
    table: ShingleTable, group_of: np.ndarray, outlet_of: np.ndarray, options: SyndicationOptions
) -> np.ndarray:
    """Pairs of articles (i < j) of one group and of two outlets sharing at least ``min_shared_samples``
    sampled shingles (one in ``sample_mod``, by hash): a sampled shingle in 2..``max_posting`` articles of
    a group counts for each pair of them. Articles of fewer than ``min_shingles`` shingles take no part."""
    none = np.zeros((0, 2), dtype=np.int64)
    sizes = np.diff(table.indptr)
    owner = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
    take = (table.hashes % options.sample_mod == 0) & (sizes >= options.min_shingles)[owner]
    h, a = table.hashes[take].astype(np.int64), owner[take]
    h, a, g = _by_group_hash_article(group_of[a], h, a, len(sizes))
    # each posting (run of one group and hash); keep those of 2..max_posting articles
    new = np.concatenate(([True], (np.diff(h) != 0) | (np.diff(g) != 0))) if len(h) else np.zeros(0, bool)
    run = np.cumsum(new) - 1
    run_size = np.bincount(run)[run] if len(run) else run
    keep = (run_size >= 2) & (run_size <= options.max_posting)
    a, run, run_size = a[keep], run[keep], run_size[keep]
    pairs, d = [], 1
    while len(a) > d:
        # each article appears once per run and runs are sorted by article: a[x] < a[x + d]
        same = run[:-d] == run[d:]
        x, y = a[:-d][same], a[d:][same]
        cross = outlet_of[x] != outlet_of[y]
        pairs.append(x[cross] * len(sizes) + y[cross])
        d += 1
        longer = run_size > d  # runs long enough for a pair at distance d
        a, run, run_size = a[longer], run[longer], run_size[longer]
    if not pairs:
        return none
    codes, counts = np.unique(np.concatenate(pairs), return_counts=True)
    codes = codes[counts >= options.min_shared_samples]
    return np.stack((codes // len(sizes), codes % len(sizes)), axis=1)


def _by_group_hash_article(
    g: np.ndarray, h: np.ndarray, a: np.ndarray, n: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Entries (group, hash, article; in article order, each article's hashes distinct) sorted by group,
    hash, article: one sort of the three packed in an int64 when they fit (a batch of stories: a few
    thousand groups, a thousand articles), several times quicker than a stable argsort by (group, hash)
    and three gathers, with the same order (no two entries are equal); else that argsort."""
    bits = max(1, (n - 1).bit_length())
    if not len(g) or (int(g.min()) >= 0 and int(g.max()) < 1 << (31 - bits)):
        key = np.sort((g << (32 + bits)) | (h << bits) | a, kind="stable")  # sorted runs: one per article
        return (key >> bits) & _MASK, key & ((1 << bits) - 1), key >> (32 + bits)
    order = np.argsort(g << 32 | h, kind="stable")  # entries come in article order: by group, hash, article
    return h[order], a[order], g[order]


def _intersections(table: ShingleTable, pairs: np.ndarray, group_of: np.ndarray) -> np.ndarray:
    """|A ∩ B| of each pair's shingle sets (pairs within a group), exactly, by whichever way is least work
    here: listing the pairs of articles that share each shingle (cheap when shingles are shared by a few
    articles, as in real news), the same with the shingles that many articles share (page furniture, stock
    phrases: the listing grows with the square of that) counted instead in a bit matrix of the articles
    and those shingles, one AND per pair and 64 of them, or looking each pair's shingles up."""
    out = np.zeros(len(pairs), dtype=np.int64)
    if not len(pairs):
        return out
    n = len(table.indptr) - 1
    sizes = np.diff(table.indptr)
    owner = np.repeat(np.arange(n, dtype=np.int64), sizes)
    involved = np.zeros(n, dtype=bool)
    involved[pairs.ravel()] = True
    take = involved[owner]
    h, a = table.hashes[take], owner[take]
    g = group_of[a]
    if len(g) and (g == g[0]).all():  # one group (as in match_facts): a plain sort by hash and article
        key = np.sort(h.astype(np.int64) << 32 | a)
        h, a = key >> 32, key & _MASK
        new = np.concatenate(([True], h[1:] != h[:-1]))
    else:
        h, a, g = _by_group_hash_article(g, h.astype(np.int64), a, n)
        new = np.concatenate(([True], (h[1:] != h[:-1]) | (g[1:] != g[:-1]))) if len(h) else np.zeros(0, bool)
    run = np.cumsum(new) - 1
    counts = np.bincount(run) if len(run) else run
    # the cheapest split: shingles of runs of up to ``most`` articles listed, the others in the bit matrix
    most, cost = _split(counts, len(pairs), int(involved.sum()))
    looked_up = int(np.minimum(sizes[pairs[:, 0]], sizes[pairs[:, 1]]).sum())
    if cost > looked_up:
        return _intersections_by_lookup(table, pairs)
    wanted = pairs[:, 0] * n + pairs[:, 1]  # sorted (pairs come from np.unique)
    run_size = counts[run] if len(run) else run
    common = run_size > most
    if common.any():
        _intersections_by_bits(a[common], run[common], pairs, n, out)
        a, run, run_size = a[~common], run[~common], run_size[~common]
    return _intersections_by_runs(a, run, run_size, wanted, n, out)


_BIT_COST = 1 / 32  # one AND and popcount of 64 shingles for one pair, against listing one pair of articles
_BITS_BYTES = 64 << 20  # the bit matrix is never larger than this


def _split(counts: np.ndarray, npairs: int, rows: int) -> tuple[int, float]:
    """The largest run of articles to list (the larger runs' shingles go to the bit matrix), and the cost:
    the pairs listed plus ``_BIT_COST`` per pair and word of 64 columns."""
    size, many = np.unique(counts[counts >= 2], return_counts=True)  # run sizes, and how many runs of each
    if not len(size):
        return 1, 0.0
    listed = np.concatenate(([0], np.cumsum(many * (size * (size - 1) // 2))))  # listing runs up to size[k-1]
    columns = len(counts[counts >= 2]) - np.concatenate(([0], np.cumsum(many)))  # the rest in the matrix
    words = -(-columns // 64)
    cost = listed + _BIT_COST * npairs * words
    cost[words * rows * 8 > _BITS_BYTES] = np.inf
    k = int(np.argmin(cost))
    return (int(size[k - 1]) if k else 1), float(cost[k])


def _popcount(x: np.ndarray) -> np.ndarray:
    """Set bits of each row of a uint64 matrix."""
    if hasattr(np, "bitwise_count"):  # numpy 2
        return np.bitwise_count(x).sum(axis=1, dtype=np.int64)
    return _BYTE_BITS[x.view(np.uint8)].sum(axis=1, dtype=np.int64)


_BYTE_BITS = np.array([bin(b).count("1") for b in range(256)], dtype=np.int64)
_BITS_CHUNK = 1 << 21  # words of the matrix ANDed at once


def _intersections_by_bits(
    a: np.ndarray, run: np.ndarray, pairs: np.ndarray, n: int, out: np.ndarray
) -> None:
    """Shared shingles counted in a bit matrix: one row per article of the pairs, one column per run
    (the shingle of one group that articles ``a`` share); each pair's count is the bits its rows share."""
    row = np.full(n, -1, dtype=np.int64)
    used = np.unique(pairs.ravel())
    row[used] = np.arange(len(used))
    col = np.cumsum(np.concatenate(([True], run[1:] != run[:-1]))) - 1  # runs are sorted: numbered in order
    width = -(-(int(col.max()) + 1) // 64)
    flat = np.zeros(len(used) * width, dtype=np.uint64)
    bit = np.left_shift(np.uint64(1), (col & 63).astype(np.uint64))
    np.bitwise_or.at(flat, row[a] * width + (col >> 6), bit)
    bits = flat.reshape(len(used), width)
    x, y = row[pairs[:, 0]], row[pairs[:, 1]]
    step = max(1, _BITS_CHUNK // width)
    for s in range(0, len(pairs), step):
        out[s : s + step] += _popcount(bits[x[s : s + step]] & bits[y[s : s + step]])


def _intersections_by_runs(
    a: np.ndarray, run: np.ndarray, run_size: np.ndarray, wanted: np.ndarray, n: int, out: np.ndarray
) -> np.ndarray:
    """Every shingle's articles of one group are listed together (``run``); each two of them at distance d
    in that list are one shared shingle of that pair, counted for the candidate pairs (``wanted``) only
    (found through a table of every pair code when that is small: a batch of stories' articles)."""
    slot = None
    if n * n <= _SLOTS:
        slot = np.full(n * n, -1, dtype=np.int32)  # int32: half the table to fill
        slot[wanted] = np.arange(len(wanted), dtype=np.int32)
    d = 1
    while True:
        longer = run_size > d  # runs long enough for a pair at distance d
        a, run, run_size = a[longer], run[longer], run_size[longer]
        if len(a) <= d:
            return out
        same = run[:-d] == run[d:]
        code = a[:-d][same] * n + a[d:][same]
        if slot is not None:  # a pair's code -> its place among the wanted ones, one lookup each
            at = slot[code]
            out += np.bincount(at[at >= 0], minlength=len(out))
        else:
            at = np.minimum(np.searchsorted(wanted, code), len(wanted) - 1)
            hit = wanted[at] == code
            out += np.bincount(at[hit], minlength=len(out))
        d += 1


def _intersections_by_lookup(table: ShingleTable, pairs: np.ndarray) -> np.ndarray:
    """|A ∩ B| of each pair's shingle sets: the shingles of the smaller article of each pair are looked up
    among the larger one's, all pairs at once (a chunk of pairs at a time, so that memory stays bounded).
    The work grows with the pairs and their articles' sizes; a shingle that many articles share (page
    furniture, a stock phrase) costs no more than another."""
    out = np.zeros(len(pairs), dtype=np.int64)
    if not len(pairs):
        return out
    sizes = np.diff(table.indptr)
    owner = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
    keys = np.sort(owner << 32 | table.hashes.astype(np.int64))  # (article, shingle), each once
    first, second = pairs[:, 0], pairs[:, 1]
    swap = sizes[first] > sizes[second]
    small, big = np.where(swap, second, first), np.where(swap, first, second)
    lengths = sizes[small]
    ends = np.cumsum(lengths)
    start = 0
    while start < len(pairs):
        budget = ends[start] - lengths[start] + _PROBES
        stop = max(int(np.searchsorted(ends, budget, side="right")), start + 1)
        n = lengths[start:stop]
        total = int(n.sum())
        if total:
            at = np.repeat(table.indptr[small[start:stop]] - np.concatenate(([0], np.cumsum(n)[:-1])), n)
            probe = np.repeat(big[start:stop], n) << 32 | table.hashes[at + np.arange(total)].astype(np.int64)
            pos = np.minimum(np.searchsorted(keys, probe), len(keys) - 1)
            hit = keys[pos] == probe
            counts = np.bincount(np.repeat(np.arange(stop - start), n), weights=hit, minlength=stop - start)
            out[start:stop] = counts.astype(np.int64)
        start = stop
    return out

"""Hashed word 5-gram shingles of one text, and the shingles the store keeps with each article.

Wire copies (claimcheck.match.syndication) are near-duplicates by shingle containment. The store keeps
each article's shingles of its cut text (what ``stories`` looks for copies in: :func:`cut_text`) as sorted
little-endian uint32 bytes (:func:`shingle_blob`), computed once when the article is stored, so that
``stories`` reads arrays instead of splitting and hashing the texts of its whole window on every run.
Plain Python (no numpy): the store imports it, and a fetch does not load numpy.
"""

from __future__ import annotations

import itertools
import re
import sys
import zlib
from array import array

_WORD = re.compile(r"\w+", re.UNICODE)

SHINGLE = 5  # words per shingle (SyndicationOptions.shingle's default)
CUT_HEAD, CUT_TAIL = 1000, 600  # the cut text: Store.window_articles' and Store.cut_texts' head and tail


def cut_text(text: str, head: int = CUT_HEAD, tail: int = CUT_TAIL) -> str:
    """The text as :meth:`Store.window_articles` cuts it: the first ``head`` and last ``tail`` characters
    joined by a blank line; a text of at most ``head + tail`` characters whole."""
    return text if len(text) <= head + tail else text[:head] + "\n\n" + text[-tail:]


def shingles(text: str, size: int = SHINGLE) -> set[int]:
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


def shingle_blob(text: str) -> bytes:
    """What the store keeps for an article: the distinct :func:`shingles` of its :func:`cut_text`, sorted,
    as little-endian uint32 bytes."""
    out = array("I", sorted(shingles(cut_text(text))))
    if sys.byteorder == "big":
        out.byteswap()
    return out.tobytes()

"""What the stories index would gain from each lead's tokens kept in the store (issue 13, speed round 28).

Not built in claimcheck: this bench prices the design before a migration. The index (claimcheck/stories/index.py)
splits the first 1,000 characters of every article of the window and looks every token up (``_Terms``): about
8M tokens at 50,000 articles. Kept at fetch time, each article's lead would be a row of token keys, and the
window's distinct tokens would be looked up once each, in the order they are first met (``_Terms`` builds its
vocabulary, spellings and capitals from each distinct token's first lookup, so the index comes out the same
array for array). Two kinds of key are priced:

- ``ids``: a store-wide table of tokens (id, text); a lead is its tokens' ids as int32 (a new token gets the
  next id when the article is stored: one writer at a time per store, or an id handed out by the database);
- ``hashes``: each token's 64-bit BLAKE2b; a lead is int64 hashes and a table (hash, text) takes each token once
  (``INSERT OR IGNORE``: writers never wait for one another; a collision must be caught when a token is added).

On a realistic store (bench/storycorpus.py, as bench.stories builds it), in one process: the fetch-time work
(splitting and encoding each lead, CPU per article), the rows' size, then ``index_articles`` as today and with
the leads read as keys from a side database, interleaved (best of ``--repeat``, CPU), each checked to be the
same index (every array and the vocabulary).

    python -m bench.stories_tokens                 # 50,000 articles
    python -m bench.stories_tokens --size 5000     # quick
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import math
import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from bench.common import figure, header, ratio, with_temp_dir
from bench.stories import build_store

_LEAD = 1000  # characters: the lead the index reads (StoryOptions.lead_words x 10)
_IN = 500  # ids per IN list (as the store reads by id)


def _blake(token: str) -> int:
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little",
                          signed=True)  # fmt: skip


def _ingest(window: Any, side: sqlite3.Connection) -> dict[str, float]:
    """Each lead's tokens as ids and as hashes into ``side`` (the leads as the index reads them); the CPU of
    splitting and encoding (what a fetch would add per article) and the bytes kept."""
    from claimcheck.stories.terms import split_words

    side.executescript(
        """CREATE TABLE tokens (id INTEGER PRIMARY KEY, token TEXT NOT NULL UNIQUE);
        CREATE TABLE lead_ids (article_id INTEGER PRIMARY KEY, ids BLOB NOT NULL);
        CREATE TABLE token_hashes (hash INTEGER PRIMARY KEY, token TEXT NOT NULL);
        CREATE TABLE lead_hashes (article_id INTEGER PRIMARY KEY, hashes BLOB NOT NULL);"""
    )
    n, ids = len(window), window.rows.ids  # every stored article has an id
    vocab: dict[str, int] = {}
    hashed: dict[str, int] = {}
    cpu = {"ids": 0.0, "hashes": 0.0}
    size = {"ids": 0, "hashes": 0}
    for k in range(0, n, _IN):
        leads = window.leads(range(k, min(n, k + _IN)), _LEAD)
        rows_i, rows_h = [], []
        t = time.process_time()
        for i, lead in zip(range(k, min(n, k + _IN)), leads, strict=True):
            keys = [vocab.setdefault(w, len(vocab)) for w in split_words(lead)]
            rows_i.append((ids[i], np.array(keys, dtype="<i4").tobytes()))
        cpu["ids"] += time.process_time() - t
        t = time.process_time()
        for i, lead in zip(range(k, min(n, k + _IN)), leads, strict=True):
            local: dict[str, int] = {}
            keys = [local[w] if w in local else local.setdefault(w, _blake(w)) for w in split_words(lead)]
            hashed.update(local)
            rows_h.append((ids[i], np.array(keys, dtype="<i8").tobytes()))
        cpu["hashes"] += time.process_time() - t
        size["ids"] += sum(len(b) for _, b in rows_i)
        size["hashes"] += sum(len(b) for _, b in rows_h)
        side.executemany("INSERT INTO lead_ids VALUES (?, ?)", rows_i)
        side.executemany("INSERT INTO lead_hashes VALUES (?, ?)", rows_h)
    side.executemany("INSERT INTO tokens VALUES (?, ?)", ((i, w) for w, i in vocab.items()))
    side.executemany("INSERT OR IGNORE INTO token_hashes VALUES (?, ?)", ((h, w) for w, h in hashed.items()))
    side.commit()
    return {
        "ids: split and encode, ms per article": 1000 * cpu["ids"] / max(1, n),
        "hashes: split and encode, ms per article": 1000 * cpu["hashes"] / max(1, n),
        "ids: bytes per article": size["ids"] / max(1, n),
        "hashes: bytes per article": size["hashes"] / max(1, n),
        "distinct tokens": float(len(vocab)),
    }


def _by_id(side: sqlite3.Connection, sql: str, keys: Sequence[int]) -> dict[int, Any]:
    out: dict[int, Any] = {}
    for s in range(0, len(keys), _IN):
        part = list(keys[s : s + _IN])
        out.update(side.execute(f"{sql} ({','.join('?' * len(part))})", part).fetchall())
    return out


class _Dense:
    """Token ids -> codes through an array indexed by id (a new id's code from its token's first lookup)."""

    def __init__(self, tokens: Callable[[list[int]], dict[int, str]]) -> None:
        self.tokens, self.lut = tokens, np.zeros(0, dtype=np.int64)
        self.text: dict[int, str] = {}
        self.unset = np.iinfo(np.int64).min

    def codes(self, keys: np.ndarray, terms: Any) -> np.ndarray:
        top = int(keys.max(initial=-1)) + 1
        if top > len(self.lut):
            self.lut = np.concatenate((self.lut, np.full(top - len(self.lut), self.unset, dtype=np.int64)))
        fresh = keys[self.lut[keys] == self.unset]
        if len(fresh):
            u, first = np.unique(fresh, return_index=True)
            order = u[np.argsort(first, kind="stable")].tolist()
            self.text.update(self.tokens(order))
            for x in order:
                self.lut[x] = terms[self.text[x]]
        return self.lut[keys]


class _Hashed:
    """Token hashes -> codes through a sorted array of the hashes met so far (searchsorted)."""

    def __init__(self, tokens: Callable[[list[int]], dict[int, str]]) -> None:
        self.tokens = tokens
        self.text: dict[int, str] = {}
        self.known, self.known_codes = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)

    def codes(self, keys: np.ndarray, terms: Any) -> np.ndarray:
        at = np.minimum(np.searchsorted(self.known, keys), max(0, len(self.known) - 1))
        found = self.known[at] == keys if len(self.known) else np.zeros(len(keys), dtype=bool)
        if not found.all():
            u, first = np.unique(keys[~found], return_index=True)
            order = u[np.argsort(first, kind="stable")].tolist()
            self.text.update(self.tokens(order))
            new_codes = np.array([terms[self.text[x]] for x in order], dtype=np.int64)
            known = np.concatenate((self.known, np.array(order, dtype=np.int64)))
            by = np.argsort(known, kind="stable")
            self.known, self.known_codes = known[by], np.concatenate((self.known_codes, new_codes))[by]
            at = np.searchsorted(self.known, keys)
        return self.known_codes[at]


class _Tokens:
    """A chunk's tokens as strings on demand (``_running`` reads a few at each article's start)."""

    def __init__(self, keys: np.ndarray, sep: np.ndarray, text: dict[int, str]) -> None:
        self.keys, self.sep, self.text = keys, sep, text

    def __len__(self) -> int:
        return len(self.keys)

    def __getitem__(self, k: int | slice) -> Any:
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(len(self.keys)))]
        return "\x01" if self.sep[k] else self.text[int(self.keys[k])]


def _keyed_tokens(
    read: Callable[[range], list[bytes]], dtype: str, lookup: _Dense | _Hashed
) -> Callable[..., Any]:
    """``index._tokens`` for the leads, from their stored keys (the same arithmetic after the codes)."""
    from claimcheck.stories import index as ix_module

    def tokens(
        n: int, terms: Any, limit: int | None, titles: Sequence[str], running: list[np.ndarray] | None
    ) -> Any:
        codes_of, counts_of = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int32)]
        words = np.zeros(n, dtype=np.int32)
        sep_code = terms["\x01"]
        step = ix_module._CHUNK
        for k in range(0, n, step):
            blobs = read(range(k, min(n, k + step)))
            width = np.dtype(dtype).itemsize
            lens = np.fromiter((len(b) // width for b in blobs), dtype=np.int64, count=len(blobs))
            flat = np.frombuffer(b"".join(blobs), dtype=dtype).astype(np.int64)
            total = len(flat) + max(0, len(blobs) - 1)
            sep = np.zeros(total, dtype=bool)
            sep[np.cumsum(lens)[:-1] + np.arange(len(blobs) - 1)] = True
            keys = np.zeros(total, dtype=np.int64)
            keys[~sep] = flat
            codes = np.full(total, sep_code, dtype=np.int64)
            codes[~sep] = lookup.codes(flat, terms)
            tokens = _Tokens(keys, sep, lookup.text)
            shape = codes & 3
            codes >>= 2
            doc = np.cumsum(sep)
            words[k : min(n, k + step)] = np.bincount(doc[~sep], minlength=min(n, k + step) - k)
            keep = codes >= 0
            if limit is not None:
                starts = np.concatenate(([0], np.flatnonzero(sep) + 1))
                keep &= (np.arange(len(codes)) - starts[doc]) < limit
            if running is not None:
                size = len(terms.vocab)
                for at, got in enumerate(
                    ix_module._running(tokens, codes, shape, sep, keep, titles[k : k + step])  # type: ignore[arg-type]
                ):
                    counted = np.bincount(got, minlength=size)
                    running[at] = np.concatenate(
                        (running[at], np.zeros(size - len(running[at]), dtype=np.int64))
                    )
                    running[at] += counted
            found = ((doc[keep] + k) << 32) | codes[keep]
            found.sort()
            starts = (
                np.flatnonzero(np.concatenate(([True], found[1:] != found[:-1]))) if len(found) else found
            )
            codes_of.append(found[starts])
            counts_of.append(np.diff(np.append(starts, len(found))).astype(np.int32))
        return np.concatenate(codes_of), np.concatenate(counts_of), words

    return tokens


def _index_with(window: Any, options: Any, leads: Callable[..., Any] | None) -> Any:
    """``index_articles``, its leads' tokens from ``leads`` (None: split from the texts, as today)."""
    from claimcheck.stories import index as ix_module

    if leads is None:
        return ix_module.index_articles(window, options)
    real = ix_module._tokens

    def patched(n: int, part: Any, terms: Any, limit: Any, titles: Any = None, running: Any = None) -> Any:
        return real(n, part, terms, limit) if titles is None else leads(n, terms, limit, titles, running)

    ix_module._tokens = patched
    try:
        return ix_module.index_articles(window, options)
    finally:
        ix_module._tokens = real


_ARRAYS = ("doc", "term", "in_title", "in_lead", "weight", "idf", "df", "figure", "name", "indptr", "no_topic",
           "short", "headline_case", "words", "in_text")  # fmt: skip
_VOCAB = ("vocab", "forms", "figures", "scores", "foreign", "spellings", "capitals", "too_long", "ids")


def _same(a: Any, b: Any) -> bool:
    for name in _ARRAYS:
        x, y = getattr(a, name), getattr(b, name)
        if (x is None) != (y is None) or (x is not None and (x.dtype != y.dtype or not np.array_equal(x, y))):
            return False
    return all(getattr(a.terms, v) == getattr(b.terms, v) for v in _VOCAB) and dict(a.terms) == dict(b.terms)


def _run(a: argparse.Namespace, tmp: Path) -> int:
    from claimcheck.cli.stories import store_window
    from claimcheck.store import Store
    from claimcheck.stories import StoryOptions

    if a.db is not None:  # an existing store, read only (real articles: tests.stories_eval --keep DIR)
        db = a.db
    else:
        db = tmp / "stories.db"
        t = time.perf_counter()
        build_store(db, a.size, a.outlets)
        print(f"# store: {a.size:,} articles, built in {time.perf_counter() - t:.0f}s", flush=True)
    side = sqlite3.connect(tmp / "side.db")
    options = StoryOptions()
    if options.lead_words * 10 != _LEAD:
        print(f"bench.stories_tokens: the index reads {options.lead_words * 10} characters, not {_LEAD}")
        return 1
    with Store.open(db, create=False, verify=False, read_only=True) as store:
        window = store_window(store, None, None, None)
        size = len(window)
        for name, value in _ingest(window, side).items():
            figure(f"fetch-time work, {name}", value, "")
        ids = [-1 if i is None else i for i in window.rows.ids]  # every stored article has one

        def rows(sql: str) -> Callable[[range], list[bytes]]:
            return lambda r: (lambda got: [got[ids[i]] for i in r])(_by_id(side, sql, [ids[i] for i in r]))

        variants: dict[str, Callable[[], Any]] = {
            "text": lambda: None,
            "ids": lambda: _keyed_tokens(
                rows("SELECT article_id, ids FROM lead_ids WHERE article_id IN"), "<i4",
                _Dense(lambda keys: _by_id(side, "SELECT id, token FROM tokens WHERE id IN", keys)),
            ),
            "hashes": lambda: _keyed_tokens(
                rows("SELECT article_id, hashes FROM lead_hashes WHERE article_id IN"), "<i8",
                _Hashed(lambda keys: _by_id(side, "SELECT hash, token FROM token_hashes WHERE hash IN", keys)),
            ),
        }  # fmt: skip
        best = dict.fromkeys(variants, math.inf)
        same = dict.fromkeys(variants, True)
        reference = None
        for _ in range(a.repeat):
            for name, make in variants.items():
                gc.collect()
                t = time.process_time()
                got = _index_with(window, options, make())
                best[name] = min(best[name], time.process_time() - t)
                if name == "text":
                    reference = got
                else:
                    same[name] = same[name] and _same(reference, got)
                del got
    for name in variants:
        note = "" if name == "text" else ("the same index" if same[name] else "INDEX DIFFERS")
        figure(f"index_articles CPU, leads {'split from the texts (today)' if name == 'text' else 'as stored ' + name}, "
               f"{size:,} articles (best of {a.repeat})", best[name], "s", note)  # fmt: skip
    for name in ("ids", "hashes"):
        ratio(f"index CPU, leads as stored {name} / split from the texts, {size:,}", best[name] / best["text"],
              "< 1, the same index", same[name] and best[name] < best["text"])  # fmt: skip
    return 0 if all(same.values()) else 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.stories_tokens", description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=int, default=50000, help="articles in the store (all in the window)")
    ap.add_argument("--outlets", type=int, default=50)
    ap.add_argument(
        "--repeat", type=int, default=3, help="index runs per variant, interleaved; the best counts"
    )
    ap.add_argument("--keep", action="store_true")
    ap.add_argument(
        "--db", type=Path, help="an existing store instead of a generated one (every article in the window)"
    )
    a = ap.parse_args(argv)
    header("bench.stories_tokens", size=a.size, outlets=a.outlets, repeat=a.repeat)
    return with_temp_dir("claimcheck-bench-stories-tokens-", a.keep, lambda tmp: _run(a, tmp))


if __name__ == "__main__":
    raise SystemExit(main())

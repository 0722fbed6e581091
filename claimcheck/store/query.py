"""What a reader types into a search, read for each backend's full-text index (FTS5's query, PostgreSQL's
``phraseto_tsquery`` parts), and the "did you mean" words when nothing matched."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

WORD = re.compile(r"\w+", re.UNICODE)
# What makes a word searchable: a letter or a digit. "_" is \w to Python but a separator to both indexes
# (FTS5's unicode61, PostgreSQL's parser): `compare _` searched for it and said "no stored article matches '_'"
# where `compare %` says the topic has only punctuation.
TERM = re.compile(r"[^\W_]")
PHRASE = re.compile(r'"([^"]*)"')
# A possessive's ending ("Belarus's", "Belarus’s"): as words it was a required "s" ("Belarus's border"
# missed "the Belarus border"); the stem alone is searched, which still finds "Belarus's".
POSSESSIVE = re.compile(r"(?<=\w)['’]s\b", re.IGNORECASE)


def fts_query(query: str) -> str:
    """Turn user text into a safe FTS5 query: "quoted phrases" kept, every other word a quoted token.

    All terms must match (implicit AND). No FTS5 operator in user text can reach the parser.
    """
    query = POSSESSIVE.sub("", query)
    parts: list[str] = []
    for phrase in PHRASE.findall(query):
        words = [w for w in WORD.findall(phrase) if TERM.search(w)]
        if words:
            parts.append('"' + " ".join(words) + '"')
    rest = PHRASE.sub(" ", query)
    parts.extend(f'"{w}"' for w in WORD.findall(rest) if TERM.search(w))
    return " ".join(parts)


def ts_parts(query: str) -> list[str]:
    """The query as FTS5's builder reads it (:func:`claimcheck.store.fts_query`): "quoted phrases" kept
    whole, every other piece on its own; all must match. Each part becomes one ``phraseto_tsquery``.

    A piece goes as typed (between spaces), not cut into words as for FTS5: PostgreSQL's parser
    keeps "U.S.", "4.5" and "example.com" as one token in the index and reads "COVID-19" as covid and -19,
    so the words "U", "S" or "19" matched nothing; it reads the query's piece the same way as the text.
    (phraseto_tsquery reads no operator: any text is safe.)"""
    query = POSSESSIVE.sub("", query)
    parts: list[str] = []
    for phrase in PHRASE.findall(query):
        if TERM.search(phrase):
            parts.append(" ".join(phrase.split()))
    rest = PHRASE.sub(" ", query)
    parts.extend(piece for piece in rest.split() if TERM.search(piece))
    return parts


def suggest_terms(words: Sequence[str], titles: Iterable[str], n: int) -> list[str]:
    from rapidfuzz import fuzz, process

    vocab: set[str] = set()
    for title in titles:
        vocab.update(w for w in WORD.findall(title.lower()) if len(w) > 2 and not w.isdigit())
    terms = sorted(vocab)
    out: list[str] = []
    for w in words:
        for term, score, _ in process.extract(w, terms, scorer=fuzz.ratio, limit=n):
            if score >= 75 and term != w and term not in out:
                out.append(term)
    return out[:n]

"""Labels: each story's label (its most central title), terms and suggested topic, many stories at once."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import replace

import numpy as np

from claimcheck.models import Story
from claimcheck.stories.index import _Index
from claimcheck.stories.terms import _AROUND, split_words, term_of


def describe_story(story: Story, ix: _Index, positions: Mapping[str, int]) -> Story:
    """Label (the most central title), terms and a suggested topic (``positions``: url -> index in the
    articles the index was built from): :func:`describe_stories` of one story."""
    return describe_stories([story], ix, positions)[0]


_DESCRIBE_BATCH = 5000  # articles whose stories are described at once (bounds the rows held)


def describe_stories(stories: Sequence[Story], ix: _Index, positions: Mapping[str, int]) -> list[Story]:
    """Label (the most central title: its vector nearest the sum of the story's vectors, the earliest on
    ties), terms (words in most of the story's titles, then in most of its leads, rarer ones first) and a
    suggested topic of each story, many stories at once: their index rows counted, ranked and summed with
    numpy a batch of stories at a time, keyed (story, term), instead of a dozen numpy calls per story
    (tests/stories_reference.py keeps the one-story version it must agree with)."""
    out: list[Story] = []
    start = 0
    while start < len(stories):
        end, size = start, 0
        while end < len(stories) and (end == start or size + len(stories[end].articles) <= _DESCRIBE_BATCH):
            size += len(stories[end].articles)
            end += 1
        out += _describe_batch(stories[start:end], ix, positions)
        start = end
    return out


def _describe_batch(stories: Sequence[Story], ix: _Index, positions: Mapping[str, int]) -> list[Story]:
    idx = [[positions[a.url] for a in s.articles] for s in stories]
    sizes = np.fromiter(map(len, idx), dtype=np.int64, count=len(idx))
    arts = np.fromiter((i for m in idx for i in m), dtype=np.int64, count=int(sizes.sum()))
    lengths = (ix.indptr[arts + 1] - ix.indptr[arts]).astype(np.int64)
    ends = np.cumsum(lengths)
    rows = np.repeat(ix.indptr[arts] - (ends - lengths), lengths) + np.arange(int(ends[-1]), dtype=np.int64)
    story_of = np.repeat(np.repeat(np.arange(len(idx), dtype=np.int64), sizes), lengths)
    term = ix.term[rows]
    keys, inv = np.unique(story_of << 32 | term, return_inverse=True)  # per story, its terms in order
    key_story, uniq = keys >> 32, keys & 0xFFFFFFFF
    cover = np.bincount(inv)
    in_title = np.bincount(inv, weights=ix.in_title[rows])
    # terms: words in most of the story's titles, then in most of its leads, rarer ones first
    score = (2 * in_title + cover) * ix.idf[uniq]
    order = np.lexsort((uniq, -score, key_story))
    ranked, ranked_cover, ranked_story = uniq[order], cover[order], key_story[order]
    bounds = np.searchsorted(ranked_story, np.arange(len(idx) + 1)).tolist()
    word = ~ix.no_topic[ranked]  # figures ("#527") and junk tokens are no topic words
    common = word & (ranked_cover >= np.maximum(1, np.ceil(0.6 * sizes)).astype(np.int64)[ranked_story])
    word_places, common_places = np.flatnonzero(word), np.flatnonzero(common)
    word_from = np.searchsorted(word_places, bounds).tolist()
    common_from = np.searchsorted(common_places, bounds).tolist()
    word_at, common_at, ranked_list = word_places.tolist(), common_places.tolist(), ranked.tolist()
    # the central article: its vector nearest the sum of the story's vectors (the earliest on ties)
    weight = ix.weight[rows]
    centre = np.bincount(inv, weights=weight)
    # one 0 after the rows, so that an article without rows that comes last has a segment to point at
    sims = np.add.reduceat(np.append(weight * centre[inv], 0.0), ends - lengths)
    sims[lengths == 0] = -1.0
    form = ix.terms.form
    out = []
    first_article = 0
    for k, story in enumerate(stories):
        size = len(idx[k])
        lo, hi = bounds[k], bounds[k + 1]
        commons = common_at[common_from[k] : min(common_from[k] + 3, common_from[k + 1])]
        picked = (
            commons
            if size > 1 and commons
            else word_at[word_from[k] : min(word_from[k] + 3, word_from[k + 1])]
        )
        # the story's other common words, that may finish a name the topic would cut ("Sarah Silverman Michael")
        rest = (
            common_at[common_from[k] + 3 : common_from[k + 1]]
            if size > 1 and commons
            else word_at[word_from[k] + 3 : word_from[k + 1]]
        )
        central = 0
        if size > 2:
            central = int(np.argmax(sims[first_article : first_article + size]))
        first_article += size
        label = story.articles[central].title or story.articles[0].title
        out.append(
            replace(
                story,
                label=label,
                terms=tuple(form(t) for t in ranked_list[lo : min(lo + 6, hi)]),
                topic=suggested_topic(
                    [form(ranked_list[p]) for p in picked], [form(ranked_list[p]) for p in rest], label
                ),
            )
        )
    return out


def suggested_topic(words: list[str], more: Sequence[str], title: str) -> str:
    """The suggested topic: ``words`` (the story's top words) in the label's order, a name they would cut
    made whole: a capitalised word followed in the title by another capitalised word that is one of ``more``
    (the story's other common words) gets it ("Sarah Silverman Michael Sheen", not "Sarah Silverman
    Michael"; "South Korea", not "South"); at most two words are added."""
    ordered = _in_reading_order(words, title)
    raw = split_words(title)
    tokens = [t.strip(_AROUND) for t in raw]
    # a name's word: written capitalised in the story's texts (a title-case label capitalises every word)
    spare = {_key(w): w for w in more if w[:1].isupper()}
    out: list[str] = []
    added = 0
    for w in ordered:
        out.append(w)
        while added < _NAME_ADDS and w[:1].isupper():  # the name goes on: "Pixel Visual Core"
            key = _key(w)
            at = next((k for k, t in enumerate(tokens) if t and _key(t) == key), None)
            if at is None or at + 1 >= len(tokens) or not tokens[at + 1][:1].isupper():
                break
            if raw[at].rstrip("\"'”’»)")[-1:] in _NAME_BREAKS:  # "On 3rd Try, South Korea ...": no name goes on
                break
            nxt = _key(tokens[at + 1])
            if nxt not in spare or any(_key(o) == nxt for o in ordered + out):
                break
            w = spare[nxt]
            out.append(w)
            added += 1
    return " ".join(out)


_NAME_ADDS = 2  # words a topic may gain to finish names
_NAME_BREAKS = frozenset(",;:.!?…—–")  # a mark after a word that ends a name


@functools.lru_cache(maxsize=1 << 14)  # a story's topic asks it ~50 times, mostly of the same title words
def _key(word: str) -> str:
    """A word as the index counts it (its term: "Timberlake's" is "timberlake"), else lower case."""
    token = word.strip(_AROUND)
    return (term_of(token) if token else None) or token.lower()


def _in_reading_order(words: list[str], title: str) -> list[str]:
    """The topic's words in the order the label's title says them ("Las Vegas shooting", not "Vegas Las
    shooting": they were ranked by weight; "Justin Timberlake's Super Bowl" gives "Justin Timberlake Super",
    a possessive being its word); words the title lacks keep their rank, after those it has."""
    place: dict[str, int] = {}
    for k, token in enumerate(split_words(title)):
        place.setdefault(_key(token), k)  # as the terms were cut
    return sorted(words, key=lambda w: place.get(_key(w), len(place) + words.index(w)))

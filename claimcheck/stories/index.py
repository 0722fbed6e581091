"""The index: every article's titles and lead as weighted terms (TF-IDF rows, sorted by article)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from claimcheck.stories.records import Articles, StoryOptions, Window
from claimcheck.stories.terms import _AROUND, _SEP, CAPITAL, ENDS, _Terms, split_words

_CHUNK = 500  # texts split at a time: the token strings of 50,000 leads would take ~300 MB at once; with
# 2,000 the spellings the terms keep, allocated among a chunk's passing tokens, pinned ~20 MB of Python's
# object arenas after the index (measured: 57 arenas against 42; the same CPU)


def _running(
    tokens: list[str], codes: np.ndarray, shape: np.ndarray, sep: np.ndarray, keep: np.ndarray, titles: Sequence[str]
) -> tuple[np.ndarray, np.ndarray]:
    """Of a chunk's lead tokens (``codes``: their term ids; ``shape``: their shapes, :func:`shape_of`; ``sep``:
    the article separators; ``keep``: the tokens read), the term ids of those that say whether a term is a name,
    then of those that say it is: a word mid-sentence (its capital is the writer's choice), and a capitalised word
    opening a sentence before a capitalised word mid-sentence (a name of two words: "Halvergate Bank said"). Not
    a title the lead repeats at its start: a headline's capitals are its style."""
    body = keep & (codes >= 0)
    starts = np.concatenate(([0], np.flatnonzero(sep) + 1)).tolist()
    for k, title in enumerate(titles):
        at = starts[k] if k < len(starts) else len(tokens)
        first = title.split(None, 1)[:1]
        if first and at < len(tokens) and tokens[at].strip(_AROUND) == first[0].strip(_AROUND):
            head = [t.strip(_AROUND) for t in split_words(title)]
            if [t.strip(_AROUND) for t in tokens[at : at + len(head)]] == head:
                body[at : at + len(head)] = False
    after_end = np.ones(len(tokens), dtype=bool)
    after_end[1:] = (shape[:-1] & ENDS) != 0
    cap = (shape & CAPITAL) != 0
    mid = body & ~after_end
    opener = body & after_end & cap
    opener[:-1] &= mid[1:] & cap[1:]
    opener[-1:] = False
    return codes[mid | opener], codes[(mid & cap) | opener]


def _tokens(
    n: int,
    part: Callable[[range], list[str]],
    terms: _Terms,
    limit: int | None,
    titles: Sequence[str] | None = None,
    running: list[np.ndarray] | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(code, count, words) of the term tokens of the texts ``part`` gives for articles ``0..n-1`` (at most
    ``limit`` tokens per article): each article's distinct terms as ``article << 32 | term id``, sorted,
    how many times each comes, and per article how many words (tokens, stop words too) its text has.
    Counted a chunk at a time: millions of tokens are never held at once.

    With ``titles`` (the articles' titles) and ``running`` (two arrays per term id, grown here), the tokens of
    running text (:func:`_running`) are counted per term: all of them, then the capitalised ones.

    Texts are taken and split ``_CHUNK`` at a time (str.split: several times a word regex's speed), so
    that the texts read for it and their token strings are never all in memory at once (50,000 leads of
    1,000 characters alone take 100-200 MB)."""
    codes_of, counts_of = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int32)]
    words = np.zeros(n, dtype=np.int32)
    for k in range(0, n, _CHUNK):
        tokens = split_words(_SEP.join(part(range(k, min(n, k + _CHUNK)))))
        codes = np.fromiter(map(terms.__getitem__, tokens), dtype=np.int64, count=len(tokens))
        shape = codes & 3
        codes >>= 2  # the term ids (_Terms: id x 4 + shape)
        sep = codes == -2
        doc = np.cumsum(sep)
        words[k : min(n, k + _CHUNK)] = np.bincount(doc[~sep], minlength=min(n, k + _CHUNK) - k)
        keep = codes >= 0
        if limit is not None:
            starts = np.concatenate(([0], np.flatnonzero(sep) + 1))
            keep &= (np.arange(len(codes)) - starts[doc]) < limit
        if running is not None and titles is not None:
            size = len(terms.vocab)
            for at, got in enumerate(_running(tokens, codes, shape, sep, keep, titles[k : k + _CHUNK])):
                counted = np.bincount(got, minlength=size)
                running[at] = np.concatenate((running[at], np.zeros(size - len(running[at]), dtype=np.int64)))
                running[at] += counted
        del tokens
        found = ((doc[keep] + k) << 32) | codes[keep]
        del codes, doc, keep, sep, shape
        found.sort()
        starts = np.flatnonzero(np.concatenate(([True], found[1:] != found[:-1]))) if len(found) else found
        codes_of.append(found[starts])
        counts_of.append(np.diff(np.append(starts, len(found))).astype(np.int32))  # memory: millions
    return np.concatenate(codes_of), np.concatenate(counts_of), words


@dataclass
class _Index:
    """The articles' weighted terms as sparse rows sorted by article: (doc, term, weight)."""

    n: int
    doc: np.ndarray  # int32
    term: np.ndarray  # int32
    in_title: np.ndarray  # bool per row
    weight: np.ndarray  # tf-idf, each article's row of unit norm
    idf: np.ndarray  # per term id
    df: np.ndarray  # per term id
    figure: np.ndarray  # per term id: a precise figure (:func:`precise_figure`)
    name: np.ndarray  # per term id: a name (most of its spellings capitalised; StoryOptions.name_case)
    indptr: np.ndarray  # article i's rows are indptr[i]:indptr[i+1]
    terms: _Terms
    no_topic: np.ndarray  # per term id: no topic word: any figure ("#..."), or a spelling too long
    short: np.ndarray  # per article: a short text (a title and a sentence or two: StoryOptions.short_words)
    in_lead: np.ndarray | None = None  # bool per row: in the lead read (not only in the title)
    headline_case: np.ndarray | None = None  # per article: its title capitalises its words ("Copper Prices Slide")
    words: np.ndarray | None = None  # per article: the words of the lead read (up to lead_words x 10 characters)
    in_text: np.ndarray | None = None  # per term id: a name in running text (capitalised mid-sentence in leads,
    # name_case of the times it is mid-sentence there: "Lisbon", not a title's capitalised verb "Slumps")

    def rows(self, i: int) -> slice:
        return slice(int(self.indptr[i]), int(self.indptr[i + 1]))


def _headline_case(title: str) -> bool:
    """Whether a title capitalises its words (most of those of four letters or more, at least three of them):
    its capitals then say nothing of which words are names ("Copper Prices Slide to Two-Year Low")."""
    words = [w for w in title.split() if len(w) >= 4 and w[0].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _unique(x: np.ndarray) -> np.ndarray:
    """``np.unique(x)`` by sorting: numpy 2's plain ``np.unique`` hashes, ~20x slower on millions of ints."""
    x = np.sort(x)
    return x[np.concatenate(([True], x[1:] != x[:-1]))] if len(x) else x


def _idf(df: np.ndarray, n: int, options: StoryOptions) -> np.ndarray:
    """Term weights by document frequency as a count, not a share: as in a window of at most ``idf_window``
    articles, never below ``idf_floor``. A term in 5 articles weighs the same in a window of 1,000 articles
    as in one of 50,000, so articles of other news added to the window (more of them, or other words) do not
    flatten the weights of a story's own terms toward the common ones; a term in more articles than that
    window holds (generic in any window) keeps the floor."""
    n_idf = min(n, options.idf_window) if options.idf_window else n
    return np.maximum(np.log((n_idf + 1) / (df + 0.5)), options.idf_floor)


def index_articles(articles: Articles, options: StoryOptions) -> _Index:
    """Tokenize every title, then every lead (read a chunk at a time); count and weigh with numpy."""
    window = Window.of(articles)
    n, titles = len(window), window.rows.titles
    terms = _Terms(options.demonyms)
    t_code, t_count, _ = _tokens(n, lambda r: titles[r.start : r.stop], terms, None)
    lead_chars = options.lead_words * 10
    running = [np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)] if options.places else None
    l_code, l_count, words = _tokens(
        n, lambda r: window.leads(r, lead_chars), terms, options.lead_words, titles, running
    )
    short = words < options.short_words  # the lead read (lead_words x 10 characters) holds the whole text
    size = max(1, len(terms.vocab))
    # (article, term) in order: the two are sorted already, so a stable sort (a merge of two runs) is quick
    uniq = np.concatenate((t_code, l_code))
    uniq.sort(kind="stable")
    uniq = uniq[np.concatenate(([True], uniq[1:] != uniq[:-1]))] if len(uniq) else uniq
    # weighted count: a title token counts title_weight, a lead token 1 (whole numbers: exact in float64,
    # whatever the order they are added in)
    tf = np.zeros(len(uniq), dtype=np.float64)
    at = np.searchsorted(uniq, l_code)
    del l_code
    tf[at] = l_count
    in_lead = np.zeros(len(uniq), dtype=bool)
    in_lead[at] = True
    del at, l_count
    at = np.searchsorted(uniq, t_code)
    del t_code
    tf[at] += options.title_weight * t_count
    in_title = np.zeros(len(uniq), dtype=bool)
    in_title[at] = t_count > 0
    del at, t_count
    doc, term = (uniq >> 32).astype(np.int32), (uniq & 0xFFFFFFFF).astype(np.int32)
    del uniq
    if terms.foreign:
        keep = _drop_foreign(doc, term, terms.foreign, n, size, options)
        doc, term, tf, in_title, in_lead = doc[keep], term[keep], tf[keep], in_title[keep], in_lead[keep]
    df = np.bincount(term, minlength=size)
    idf = _idf(df, n, options)
    w = (1.0 + np.log(tf)) * idf[term]
    del tf
    if options.one_outlet < 1.0:
        # a term in several articles, all of one outlet, is mostly that outlet's boilerplate ("follow the
        # story as it unfolds on Messenger"): rare, so heavy, yet no evidence that two articles share a story
        outlet_ids = {o: k for k, o in enumerate(dict.fromkeys(window.rows.outlets))}
        of_doc = np.fromiter(map(outlet_ids.__getitem__, window.rows.outlets), dtype=np.int64, count=n)
        pairs = _unique(term.astype(np.int64) * len(outlet_ids) + of_doc[doc])
        spread = np.bincount(pairs // len(outlet_ids), minlength=size)
        w = np.where((spread[term] == 1) & (df[term] >= 2), w * options.one_outlet, w)
    norm = np.sqrt(np.bincount(doc, weights=w * w, minlength=n))
    w = w / np.where(norm > 0, norm, 1.0)[doc]
    indptr = np.concatenate(([0], np.cumsum(np.bincount(doc, minlength=n))))
    figure = np.zeros(size, dtype=bool)
    figure[terms.figures] = True
    spellings = np.array(terms.spellings, dtype=np.float64)
    name = np.array(terms.capitals, dtype=np.float64) >= options.name_case * np.maximum(spellings, 1.0)
    no_topic = np.fromiter((t[0] == "#" for t in terms.vocab), dtype=bool, count=len(terms.vocab))
    no_topic[terms.too_long] = True
    headline_case = np.fromiter(map(_headline_case, titles), dtype=bool, count=n)
    in_text = None
    if running is not None:  # a name in running text: capitalised mid-sentence, as a name is (not only in titles)
        every, capital = (np.concatenate((x, np.zeros(size - len(x), dtype=np.int64)))[:size] for x in running)
        in_text = (capital > 0) & (capital >= options.name_case * every)
    return _Index(
        n, doc, term, in_title, w, idf, df, figure, name, indptr, terms, no_topic, short, in_lead, headline_case,
        words, in_text,
    )


def _drop_foreign(
    doc: np.ndarray,
    term: np.ndarray,
    foreign: list[int],
    n: int,
    size: int,
    options: StoryOptions,
) -> np.ndarray:
    """Which rows to keep: those without the function words of another language in the articles written in one: those
    with at least ``options.foreign_min`` such words making at least ``options.foreign`` of their distinct
    terms (prose in German, Portuguese or Italian: 15-30% of 10-20 words; English copy naming Las Vegas
    or Le Pen: one or two, 11% at most). Kept,
    "der", "und" or "les" would be rare, heavy terms that every article in that language shares, and would
    join them all into one story."""
    marked = np.zeros(size, dtype=bool)
    marked[foreign] = True
    is_foreign = marked[term]
    count = np.bincount(doc, weights=is_foreign, minlength=n)
    other = (count >= options.foreign_min) & (count >= options.foreign * np.bincount(doc, minlength=n))
    return ~(is_foreign & other[doc])

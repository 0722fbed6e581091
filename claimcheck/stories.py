"""Group articles into stories: articles in, ``Story`` records out (pure: no store, no CLI).

A story is one real-world event as the outlets reported it. Each article becomes a TF-IDF vector of
its title (weighted up) and lead: words (lightly stemmed), capitalised names (as other words) and the
figures it gives. Candidate pairs come from blocking, never all pairs: every article's few most
distinctive terms are its keys, each key's articles are ordered by time, and an article is paired
with its nearest few neighbours in each of its keys (linear in the number of articles). Candidate
pairs are scored in bulk with numpy (cosine of the articles' top terms), damped by the time between
them (a group's time is its median article's; a shared precise figure such as "527 injured" is the
same fact and is not damped), then clustered by average linkage: two groups merge only when their
articles are, on average, similar to each other (exact, from the groups' summed vectors), so two events
do not chain together through one article that mentions both, and a story of a few articles takes in
only what is similar to it relative to its own cohesion, so a big story does not absorb a neighbouring
one. Two groups a little less similar than that still merge when their headlines name the same thing (a
word in most titles of each that is the two groups' own, within weeks of each other's medians or of each
other's nearest articles), or when, within days, a name (a word their articles capitalise) is in most of
the articles of each and is theirs. Then a second pass, story to story: a story of one or two articles
(a brief, an angle, a comment piece) joins the story whose summed vector is most like its own, within
weeks of its nearest linked article, so it is compared with a loose story of many angles as a whole,
not article by article; a little less like it than that, it still joins when it is clearly about that one
story (several times as like it as like any other), and, whatever the time, when it is clearly about it
before time damping and names several of its own names or figures (a follow-up a year on); the pass runs
once more over the stories it made grow. A term that one outlet alone uses (its page furniture)
weighs little. A split story is preferred to a mixed one.

Wire copies are counted as ``compare`` counts them (claimcheck.match.syndication): a story's independent
outlets are those with at least one article that is not a wire copy.
"""

from __future__ import annotations

import bisect
import hashlib
import math
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import numpy as np

from claimcheck.claims.language import function_words
from claimcheck.match.syndication import ShingleTable, find_syndicated, shingle_table, stored_table
from claimcheck.models import Article, Outlet, StoriesResult, Story, StoryArticle, WindowRows
from claimcheck.textsafe import plain


@dataclass
class Window:
    """The articles to group: their columns (``rows``) and their texts on demand, read a few thousand at a
    time and dropped after use, so that a window of 50,000 articles never holds all its texts at once.
    ``leads(positions, chars)``: the first ``chars`` characters of these articles' texts; ``texts(positions)``:
    their texts as ``Store.window_articles`` cuts them (what wire copies are looked for in);
    ``shingles(positions)``: the shingles of those cut texts as the store keeps them (None for an article
    stored without them; no callable: none stored)."""

    rows: WindowRows
    leads: Callable[[Sequence[int], int], list[str]]
    texts: Callable[[Sequence[int]], list[str]]
    shingles: Callable[[Sequence[int]], list[bytes | None]] | None = None

    def __len__(self) -> int:
        return len(self.rows)

    @classmethod
    def of(cls, articles: Sequence[Article] | Window) -> Window:
        """The window of articles already in memory (texts as they are)."""
        if isinstance(articles, Window):
            return articles
        arts = list(articles)
        rows = WindowRows(
            [a.id for a in arts],
            [a.outlet for a in arts],
            [a.url for a in arts],
            [a.canonical_url for a in arts],
            [a.title for a in arts],
            [a.author for a in arts],
            [a.published for a in arts],
            [a.fetched for a in arts],
        )
        return cls(
            rows,
            lambda positions, chars: [arts[i].text[:chars] for i in positions],
            lambda positions: [arts[i].text for i in positions],
        )


Articles = Sequence[Article] | Window  # what the functions below group: a window, or articles in memory


@dataclass(frozen=True)
class StoryOptions:
    """How articles are grouped. Defaults tuned on the tuning events of news-clusters (README)."""

    title_weight: float = 3.0  # a title word counts as this many lead words
    lead_words: int = 100  # words of the text read after the title
    top_terms: int = 40  # terms kept per article vector (its heaviest shared terms)
    keys: int = 10  # blocking keys per article (8 missed pairs once other news shifted the heaviest terms)
    neighbours: int = 4  # pairs per key: the nearest articles in time sharing it
    edge: float = 0.12  # a candidate pair below this similarity is no link
    link: float = 0.10  # groups merge when their average similarity is at least this
    specific: float = 0.5  # at least this share of two groups' similarity must come from specific terms
    specific_times: float = 3.0  # specific: in at most this many times the two groups' articles ...
    specific_plus: int = 5  # ... plus this many
    specific_share: float = 0.1  # ... or in at most this share of the window's articles
    specific_most: int = 1000  # ... but never more than this many (generic words grow with the window)
    duplicate: float = 0.6  # groups this similar on average (undamped) are one story whatever their terms
    same_days: float = 4.0  # no time damping within this many days
    half_life_days: float = 240.0  # beyond same_days, similarity halves every this many days
    figure_half_life_days: float = 1e6  # ... or this many when they share a precise figure (no damping)
    cohesion: float = 0.25  # a story of cohesion_min+ articles takes in only what is this similar to it ...
    cohesion_min: int = 3  # ... relative to its own articles' average similarity to each other
    cohesion_lone: float = 0.4  # ... or this similar when it is one or two articles (briefs of other news)
    idf_window: float = 500.0  # term weights (idf) as in a window of at most this many articles ...
    idf_floor: float = 0.5  # ... and never below this (a term in more articles than that)
    one_outlet: float = 0.25  # a term that only one outlet uses (its page furniture) weighs this much
    title_link: float = 0.075  # groups a little less similar than link (at least this) merge when their
    title_key: float = 0.6  # ... titles share a specific headline term: in this share of each group's titles
    title_days: float = 60.0  # ... and their times are at most this many days apart, and the term is
    title_own: float = 0.5  # ... theirs: at least this share of the window's titles with it are theirs
    title_nearest: bool = True  # ... the time between two groups for it: also from their nearest articles
    name_link: bool = True  # ... and within same_days, a name in title_key of the titles and leads of each
    name_case: float = 0.8  # a name: a term at least this share of whose spellings are capitalised
    min_shared: int = 2  # two groups merge only when they share at least this many terms (of their top ones)
    foreign: float = 0.12  # an article whose distinct terms are this share other languages' function words
    foreign_min: int = 5  # ... and at least this many of them: those words are no terms of it ("der", "les")
    story_link: float = 0.2  # then a story joins the one whose summed vector is most like its own (cosine at
    story_days: float = 30.0  # ... least this, halving every this many days beyond same_days between their
    story_terms: int = 200  # ... nearest linked articles; this many heaviest terms a story; 0: no such pass)
    story_clear: float = 0.1  # ... or at least this when it is story_margin times its cosine with any other
    story_margin: float = 3.0  # ... story (the one story it is clearly about; 0: no such rule)
    story_alone: float = 0.12  # ... or, compared with no other story (no margin to measure), at least this
    story_near: float = 0.03  # the story pass compares stories that a candidate pair this alike links
    story_names: int = 3  # ... and, whatever the time between them, one clearly about a story before damping
    # (story_clear, story_margin) joins it when they share this many names or precise figures of their own
    story_again: bool = True  # ... then once more for the stories the pass made grow (their new neighbours)


# --- text to terms --------------------------------------------------------------------------------

# English function words and the words every news article uses (general knowledge, not one story's).
_STOP_TEXT = """a about above after again against all almost also although always am among an and another any
    anyone anything are aren around as at back be became because become been before being below between
    both but by came can cannot could couldn did didn do does doesn doing don done down during each
    either else enough even ever every few for from further get gets getting go goes going gone got had
    hadn has hasn have haven having he her here hers herself him himself his how however i if in into is
    isn it its itself just last least less let like made make makes many may me might more most much must
    my myself near never new next no nor not now of off often on once one only or other others our ours
    ourselves out over own per put quite rather really said same say says saying see seen shall she
    should shouldn since so some something still such take than that the their theirs them themselves
    then there these they thing things this those though through thus to too took toward under until up
    upon us use used very was wasn way we well went were weren what when where whether which while who
    whom whose why will with within without won would wouldn yet you your yours yourself yourselves
    according added adding announced asked called comment comments continue continued day days
    did early earlier edition editor email week weeks month months year years time times today tomorrow
    yesterday told tell tells report reported reports reporting reporter reporters statement statements
    news update updated latest live read click image images photo photos video videos getty afp reuters
    ap copyright rights reserved share shares subscribe newsletter follow story
    stories article articles source sources including include includes monday tuesday wednesday
    thursday friday saturday sunday mr mrs ms dr percent per cent two three four five six seven eight
    nine ten first second third think know known want wanted going say"""
STOPWORDS = frozenset(_STOP_TEXT.split())

_SEP = "\n\x01\n"  # between two articles' texts when they are split in one pass
# Punctuation around a word (str.split leaves it on): quotes, brackets, sentence marks, currency signs.
_AROUND = "\"'“”‘’«»„()[]{}<>,.;:!?…*|/\\—–-$£€¥%#@+=~^&_`"


def _stem(word: str) -> str:
    """Lower-cased, possessive dropped, plural folded (a light rule: news words, not a full stemmer)."""
    w = word.lower().replace("’", "'").replace(".", "")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("sses", "shes", "ches", "xes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def precise_figure(term: str) -> bool:
    """A figure term that names one fact: three significant digits or more ("#527", "#11.5", "#1234"),
    not a year ("#2017") nor a round number ("#6000", "#1.5"). Two articles giving the same precise figure
    report the same fact, however far apart in time."""
    if not term.startswith("#"):
        return False
    head = term[1:].split("-")[0]
    whole, _, frac = head.partition(".")
    if not whole.isdigit() or (frac and not frac.isdigit()):
        return False
    if not frac and len(whole) == 4 and whole[:2] in ("19", "20"):
        return False
    return len((whole + frac).strip("0")) >= 3


# The longest spelling a topic word may have: a longer token (thousands of characters of junk, or a sentence
# of a script written without spaces) would be the whole suggested topic, and `compare TOPIC` finds nothing.
TOPIC_WORD_CHARS = 40


def term_of(token: str) -> str | None:
    """The term a token counts as: a stem, a figure ("1,200" -> "#1200"), or None (stop word, digit)."""
    if token[0].isdigit():
        digits = token.replace(",", "")
        return "#" + digits.rstrip(".") if len(digits.split(".")[0]) >= 2 else None
    term = _stem(token)
    return term if len(term) > 1 and term not in STOPWORDS else None


# The function words of the other languages claims.language profiles (German, French, Spanish...), as terms,
# but those that are also English words ("war", "man", "die", "come"). Only in an article written in one of
# those languages are they dropped (StoryOptions.foreign): in English copy the same spellings are names
# ("Las Vegas", "Le Pen", "van Gogh").
_ENGLISH_TEXT = "war man men die son come door era pour plus hat con den ma sin tot med ale co da sa ne"
_ENGLISH_TOO = frozenset(_ENGLISH_TEXT.split())
_FOREIGN = frozenset(t for w in function_words(but="en") if (t := term_of(w)) is not None) - _ENGLISH_TOO


class _Terms(dict[str, int]):
    """Token -> term id (-1: not a term, -2: the article separator); builds the vocabulary as it goes."""

    def get_id(self, token: str) -> int:
        return self[token]

    def __missing__(self, token: str) -> int:
        # a token seen before is a plain dict lookup: map(terms.__getitem__, tokens) stays in C for it
        tid = self[token] = self._new(token)
        return tid

    def __init__(self) -> None:
        super().__init__()
        self.ids: dict[str, int] = {}
        self.vocab: list[str] = []
        self.forms: list[Counter[str]] = []
        self.figures: list[int] = []  # ids of the precise figures (:func:`precise_figure`)
        self.foreign: list[int] = []  # ids of other languages' function words (_FOREIGN)
        self.spellings: list[int] = []  # per term id: its distinct spellings (tokens) ...
        self.capitals: list[int] = []  # ... and how many of them are capitalised ("Munich", "Munich's")
        self.best: dict[int, str] = {}  # term id -> its form, once asked for (:meth:`form`)
        self.too_long: list[int] = []  # ids of terms with a spelling longer than TOPIC_WORD_CHARS

    def form(self, tid: int) -> str:
        """The spelling of term ``tid`` with the most distinct tokens (the first met on ties)."""
        got = self.best.get(tid)
        if got is None:
            got = self.best[tid] = self.forms[tid].most_common(1)[0][0]
        return got

    def _new(self, token: str) -> int:
        if token == "\x01":
            return -2
        token = token.strip(_AROUND)
        term = term_of(token) if token else None
        if term is None:
            tid = -1
        else:
            tid = self.ids.get(term, -1)
            if tid < 0:
                tid = self.ids[term] = len(self.vocab)
                self.vocab.append(term)
                if term[0] == "#" and precise_figure(term):
                    self.figures.append(tid)
                elif term in _FOREIGN:
                    self.foreign.append(tid)
                self.forms.append(Counter())
                self.spellings.append(0)
                self.capitals.append(0)
            self.forms[tid][token] += 1
            if len(token) > TOPIC_WORD_CHARS:
                self.too_long.append(tid)
            self.spellings[tid] += 1
            self.capitals[tid] += token[0].isupper()
        return tid


_CHUNK = 2000  # texts split at a time: the token strings of 50,000 leads would take ~300 MB at once


def _tokens(
    n: int, part: Callable[[range], list[str]], terms: _Terms, limit: int | None
) -> tuple[np.ndarray, np.ndarray]:
    """(code, count) of the term tokens of the texts ``part`` gives for articles ``0..n-1`` (at most
    ``limit`` tokens per article): each article's distinct terms as ``article << 32 | term id``, sorted,
    and how many times each comes. Counted a chunk at a time: millions of tokens are never held at once.

    Texts are taken and split ``_CHUNK`` at a time (str.split: several times a word regex's speed), so
    that the texts read for it and their token strings are never all in memory at once (50,000 leads of
    1,000 characters alone take 100-200 MB)."""
    codes_of, counts_of = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
    for k in range(0, n, _CHUNK):
        tokens = _SEP.join(part(range(k, min(n, k + _CHUNK)))).split()
        codes = np.fromiter(map(terms.__getitem__, tokens), dtype=np.int64, count=len(tokens))
        del tokens
        sep = codes == -2
        doc = np.cumsum(sep)
        keep = codes >= 0
        if limit is not None:
            starts = np.concatenate(([0], np.flatnonzero(sep) + 1))
            keep &= (np.arange(len(codes)) - starts[doc]) < limit
        found = ((doc[keep] + k) << 32) | codes[keep]
        del codes, doc, keep, sep
        found.sort()
        starts = np.flatnonzero(np.concatenate(([True], found[1:] != found[:-1]))) if len(found) else found
        codes_of.append(found[starts])
        counts_of.append(np.diff(np.append(starts, len(found))))
    return np.concatenate(codes_of), np.concatenate(counts_of)


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

    def rows(self, i: int) -> slice:
        return slice(int(self.indptr[i]), int(self.indptr[i + 1]))


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
    terms = _Terms()
    t_code, t_count = _tokens(n, lambda r: titles[r.start : r.stop], terms, None)
    lead_chars = options.lead_words * 10
    l_code, l_count = _tokens(n, lambda r: window.leads(r, lead_chars), terms, options.lead_words)
    size = max(1, len(terms.vocab))
    # (article, term) in order: the two are sorted already, so a stable sort (a merge of two runs) is quick
    uniq = np.concatenate((t_code, l_code))
    uniq.sort(kind="stable")
    uniq = uniq[np.concatenate(([True], uniq[1:] != uniq[:-1]))] if len(uniq) else uniq
    in_titles = np.zeros(len(uniq), dtype=np.int64)
    in_titles[np.searchsorted(uniq, t_code)] = t_count
    in_leads = np.zeros(len(uniq), dtype=np.int64)
    in_leads[np.searchsorted(uniq, l_code)] = l_count
    del t_code, t_count, l_code, l_count
    # weighted count: a title token counts title_weight, a lead token 1
    tf = options.title_weight * in_titles + in_leads
    in_title = in_titles > 0
    del in_titles, in_leads
    doc, term = (uniq >> 32).astype(np.int32), (uniq & 0xFFFFFFFF).astype(np.int32)
    del uniq
    if terms.foreign:
        doc, term, tf, in_title = _drop_foreign(doc, term, tf, in_title, terms.foreign, n, size, options)
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
    return _Index(n, doc, term, in_title, w, idf, df, figure, name, indptr, terms, no_topic)


def _drop_foreign(
    doc: np.ndarray,
    term: np.ndarray,
    tf: np.ndarray,
    in_title: np.ndarray,
    foreign: list[int],
    n: int,
    size: int,
    options: StoryOptions,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The rows without the function words of another language in the articles written in one: those
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
    keep = ~(is_foreign & other[doc])
    return doc[keep], term[keep], tf[keep], in_title[keep]


# --- grouping -----------------------------------------------------------------------------------------


def _timestamps(rows: WindowRows) -> np.ndarray:
    """Each article's publication time, else its fetch time (seconds; NaN: neither)."""
    times = [p or f for p, f in zip(rows.published, rows.fetched, strict=True)]
    return np.array([math.nan if t is None else t.timestamp() for t in times], dtype=np.float64)


@dataclass
class _Vectors:
    terms: np.ndarray  # (n, T) term ids of each article's heaviest shared terms, -1 padding
    weights: np.ndarray  # (n, T) their weights (rows of unit norm over all terms; padding 0)
    key_owner: np.ndarray  # blocking keys: article index ...
    key_term: np.ndarray  # ... and term id


def _vectors(ix: _Index, options: StoryOptions) -> _Vectors:
    """Each article's ``top_terms`` heaviest terms that another article shares, and its ``keys`` heaviest."""
    shared = ix.df[ix.term] >= 2
    doc, term, w = ix.doc[shared], ix.term[shared], ix.weight[shared]
    # rows come sorted by article, then term: a stable sort by (article, -weight) keeps term order on ties
    del shared  # memory: the rows of a 50,000-article window are millions
    order = np.lexsort((-w, doc))
    doc, term, w = doc[order], term[order], w[order]
    del order
    rank = np.arange(len(doc), dtype=np.int32)
    rank -= np.searchsorted(doc, doc, side="left").astype(np.int32)
    top = rank < options.top_terms
    terms = np.full((ix.n, options.top_terms), -1, dtype=np.int64)
    weights = np.zeros((ix.n, options.top_terms), dtype=np.float32)
    terms[doc[top], rank[top]] = term[top]
    weights[doc[top], rank[top]] = w[top]
    key = rank < options.keys
    # each row sorted by term id (padding -1 first), for the sorted merge of _scores
    by_id = np.argsort(terms, axis=1, kind="stable")
    terms = np.take_along_axis(terms, by_id, axis=1)
    weights = np.take_along_axis(weights, by_id, axis=1)
    return _Vectors(terms, weights, doc[key].astype(np.int64), term[key].astype(np.int64))


def _candidates(vec: _Vectors, times: np.ndarray, options: StoryOptions) -> np.ndarray:
    """Pairs (i < j) that share a key and are near each other in time among that key's articles."""
    n = len(vec.terms)
    owner, key = vec.key_owner, vec.key_term
    if len(key) < 2:
        return np.zeros((0, 2), dtype=np.int64)
    t = np.nan_to_num(times[owner], nan=np.inf)
    order = np.lexsort((owner, t, key))
    key, owner = key[order], owner[order]
    codes = []
    for d in range(1, options.neighbours + 1):
        same = key[:-d] == key[d:]
        if not same.any():
            break
        a, b = owner[:-d][same], owner[d:][same]
        codes.append(np.minimum(a, b) * n + np.maximum(a, b))
    if not codes:
        return np.zeros((0, 2), dtype=np.int64)
    u = _unique(np.concatenate(codes))
    return np.stack((u // n, u % n), axis=1)


def _scores(
    vec: _Vectors, pairs: np.ndarray, chunk: int = 4096, figure: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Cosine of each pair's truncated vectors, and whether the pair shares a term marked in ``figure`` (per
    term id); in bulk, a chunk of pairs at a time: every term of the second article of each pair is looked up
    among the terms of the chunk's first articles (few: pairs come sorted by their first article), in a table
    of (first article, term) -> the term's place in that article's row, the chunk's terms numbered 0, 1, ...
    (two gathers per term instead of a binary search). Rows are sorted by term id, so the shared terms'
    products are summed in term order, as a merge of the two rows sums them."""
    out = np.empty(len(pairs), dtype=np.float32)
    both = np.zeros(len(pairs), dtype=bool)
    width = vec.terms.shape[1]
    column = np.full(int(vec.terms.max(initial=0)) + 2, -1, dtype=np.int64)  # term id + 1 -> chunk's number
    place = np.arange(width, dtype=np.int16)
    for s in range(0, len(pairs), chunk):
        i, j = pairs[s : s + chunk, 0], pairs[s : s + chunk, 1]
        firsts, local = np.unique(i, return_inverse=True)
        rows = vec.terms[firsts] + 1  # 0: padding
        used = _unique(rows.ravel())
        tj = vec.terms[j]  # gathered once
        if len(firsts) * len(used) <= _TABLE_MOST:
            column[used] = np.arange(len(used))
            table = np.full(len(firsts) * len(used), -1, dtype=np.int16)
            base = np.arange(len(firsts), dtype=np.int64)[:, None] * len(used)
            table[base + column[rows]] = place
            col = column[tj + 1]
            column[used] = -1
            hit = table[local.astype(np.int64)[:, None] * len(used) + np.maximum(col, 0)]
            hit[col < 0] = -1
            tj = tj.ravel()
            hit = hit.ravel()
            at = np.flatnonzero((hit >= 0) & (tj >= 0))  # padding (-1) matches padding: left out
            pos = local[at // width] * width + hit[at]
        else:  # pairs not sorted by their first article: too many firsts for a table, binary search
            big = np.int64(vec.terms.max(initial=0)) + 2
            keys = (np.arange(len(firsts), dtype=np.int64)[:, None] * big + rows).ravel()
            wanted = (tj + (local.astype(np.int64) * big + 1)[:, None]).ravel()
            found = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
            tj = tj.ravel()
            at = np.flatnonzero((keys[found] == wanted) & (tj >= 0))
            pos = found[at]
        prod = vec.weights[firsts].ravel()[pos] * vec.weights[j].ravel()[at]
        row = at // width
        out[s : s + chunk] = np.bincount(row, weights=prod, minlength=len(i))
        if figure is not None:
            both[s + row[figure[tj[at]]]] = True
    return out, both


_TABLE_MOST = 1 << 22  # entries of _scores' table of a chunk (8 MB)


def _damping(gap_seconds: np.ndarray, figure: np.ndarray, options: StoryOptions) -> np.ndarray:
    """1 within ``same_days``; then halving every ``half_life_days``, or every ``figure_half_life_days``
    where the two share a precise figure (undated: no damping)."""
    days = np.nan_to_num(np.abs(gap_seconds) / 86400.0, nan=0.0)
    excess = np.maximum(days - options.same_days, 0.0)
    half = np.where(figure, options.figure_half_life_days, options.half_life_days)
    return np.power(0.5, excess / half)


def _specific(
    prod: np.ndarray, shared: np.ndarray, dot: float, df: np.ndarray, cap: float, options: StoryOptions
) -> bool:
    """At least ``specific`` of the similarity (``prod``: the products of the ``shared`` terms' weights, in
    the order they are summed) comes from terms about as frequent as the story itself: in at most ``cap``
    articles (``specific_share`` of the window, or ``specific_times`` x the groups' articles + a few)."""
    return sum(prod[df[shared] <= cap].tolist(), 0.0) >= options.specific * dot


def _specific_cap(size: int, n: int, options: StoryOptions) -> float:
    """A term is specific to groups of ``size`` articles among ``n`` when it is in at most this many."""
    share = min(options.specific_share * n, options.specific_most)
    return max(share, options.specific_times * size + options.specific_plus)


def _damp(gap_seconds: float, figure: bool, options: StoryOptions) -> float:
    """:func:`_damping` of one gap, without numpy's per-call overhead (the linkage loop calls it often)."""
    excess = max(abs(gap_seconds) / 86400.0 - options.same_days, 0.0)
    return 0.5 ** (excess / (options.figure_half_life_days if figure else options.half_life_days))


def group(
    articles: Articles, options: StoryOptions | None = None, ix: _Index | None = None
) -> list[list[int]]:
    """Partition article indexes into stories (every article in exactly one); deterministic."""
    options = options or StoryOptions()
    window = Window.of(articles)
    n = len(window)
    if n == 0:
        return []
    ix = ix or index_articles(window, options)
    vec = _vectors(ix, options)
    times = _timestamps(window.rows)
    pairs = _candidates(vec, times, options)
    cos, figure = _scores(vec, pairs, figure=ix.figure)
    # the story pass's pairs: those alike before damping (it times the pairs itself)
    # (as int32: at 50,000 articles they are most of the candidate pairs, held through the linkage)
    near = (pairs[cos >= options.story_near] if options.story_link > 0 else pairs[:0]).astype(np.int32)
    sims = cos * _damping(times[pairs[:, 0]] - times[pairs[:, 1]], figure, options)
    del cos, figure  # memory: a 50,000-article window has a million candidate pairs
    keep = sims >= options.edge
    pairs, sims = pairs[keep], sims[keep]
    pairs = pairs[np.lexsort((pairs[:, 1], pairs[:, 0], -sims))]
    del sims, keep
    heads = _Headlines(ix, options.name_link) if options.title_link else None
    groups = _average_linkage(vec, times, pairs, options, n, ix.df, ix.figure, heads)
    del pairs, heads
    if len(near) and len(groups) > 1:
        first = _join_stories(groups, vec, times, near, options, ix)
        # once more, for the stories that took one in: a follow-up that joined a story a year on brings the
        # story's time next to the pieces of its own days, which the first pass damped as a year away
        if options.story_again and len(first) < len(groups):
            near = _touching_grown(groups, first, near, n)
            if len(near):
                first = _join_stories(first, vec, times, near, options, ix)
        groups = first
    return groups


def _touching_grown(before: list[list[int]], after: list[list[int]], pairs: np.ndarray, n: int) -> np.ndarray:
    """The article pairs of the stories in ``after`` that are linked to a story that grew from ``before``
    (took another in), and every other pair of those stories (the margin is measured against them all)."""
    was = np.empty(n, dtype=np.int64)
    for k, m in enumerate(before):
        was[m] = k
    now = np.empty(n, dtype=np.int64)
    grew = np.zeros(len(after), dtype=bool)
    for k, m in enumerate(after):
        now[m] = k
        grew[k] = len(m) > 1 and bool((was[m] != was[m[0]]).any())
    a, b = now[pairs[:, 0]], now[pairs[:, 1]]
    near_grown = grew[a] | grew[b]
    involved = np.zeros(len(after), dtype=bool)
    involved[a[near_grown]] = True
    involved[b[near_grown]] = True
    return pairs[involved[a] | involved[b]]


def _join_stories(
    groups: list[list[int]],
    vec: _Vectors,
    times: np.ndarray,
    pairs: np.ndarray,
    options: StoryOptions,
    ix: _Index,
) -> list[list[int]]:
    """A second pass, story to story, over the stories the average linkage left: each story as the sum of
    its articles' vectors (unit norm, as the sum of their whole vectors; its ``story_terms`` heaviest terms
    kept), scored in bulk over the story pairs that a candidate article pair links (``pairs``: those at
    least ``story_near`` alike, undamped) and of which one has fewer than ``cohesion_min`` articles. Such a
    story joins the story most like it when their cosine, damped beyond ``same_days`` by the time between
    their nearest linked articles (halving every ``story_days``), is at least ``story_link``; or at least
    ``story_clear`` when it is also ``story_margin`` times the story's cosine with any other story it is
    compared with: a brief told in other words than its story is less like it than the link asks, but
    like no other story at all (a brief on other news of the same subject is about as like two of them).
    A story compared with one story only has no margin to measure (nothing else in the window was near
    it, which says nothing of how clearly it is about that one): it joins below ``story_link`` only at
    ``story_alone`` or more. **Named follow-ups**: a story clearly about one story before time damping
    (its undamped cosine at least ``story_clear`` and ``story_margin`` times its undamped cosine with any
    other story) also joins it, whatever the time between them, when the two share ``story_names`` names or
    precise figures of their own (:func:`_own_names`): a follow-up months later names the story's people,
    places and figures, which other news of the same subject in the window shares too (so they are not the
    story's own), while the damping keeps apart what is merely alike in words.

    The cosine of two summed vectors is the two stories' average similarity relative to their own
    cohesion: a brief or an angle is compared with a loose story of many angles as a whole, where the
    average linkage compares it with each article in turn. A story joins at most once and a story that has
    taken one in is not joined to a third: no chains (:func:`group` runs the pass once more, over the
    stories it made grow and those linked to them: :func:`_touching_grown`). Two stories of 3 articles or more are left to the
    linkage (summed, two loose stories of one country add up that country's names). As in the linkage,
    two stories join only when they share ``min_shared`` terms, ``specific`` of their similarity comes
    from terms about as frequent as the two (:func:`_specific`: two towns' floods told in the same words
    stay apart), and the larger one's cohesion allows it (:func:`_cohesive`)."""
    g = len(groups)
    sid = np.empty(len(times), dtype=np.int64)
    for k, m in enumerate(groups):
        sid[m] = k
    a, b = sid[pairs[:, 0]], sid[pairs[:, 1]]
    sizes = np.fromiter(map(len, groups), dtype=np.int64, count=g)
    # only a story of fewer than cohesion_min articles joins another: the pairs of two larger ones are left out
    cross = np.flatnonzero((a != b) & (np.minimum(sizes[a], sizes[b]) < options.cohesion_min))
    del sizes
    if not len(cross):
        return groups
    gap = np.nan_to_num(np.abs(times[pairs[cross, 0]] - times[pairs[cross, 1]]), nan=0.0)
    code = np.minimum(a[cross], b[cross]) * g + np.maximum(a[cross], b[cross])
    order = np.lexsort((gap, code))
    code, gap = code[order], gap[order]
    first = np.concatenate(([True], code[1:] != code[:-1]))
    code, gap = code[first], gap[first]  # each story pair once, with its nearest linked articles' gap
    # the stories in a pair, numbered 0, 1, ... (the others need no vector)
    used = _unique(np.concatenate((code // g, code % g)))
    local = np.full(g, -1, dtype=np.int64)
    local[used] = np.arange(len(used))
    story_pairs = np.stack((local[code // g], local[code % g]), axis=1)
    summed, inner, norm = _summed_vectors(sid, local, len(used), vec, options.story_terms)
    del sid
    cos, _ = _scores(summed, story_pairs, chunk=max(256, 4096 * vec.terms.shape[1] // options.story_terms))
    sims = cos * np.power(0.5, np.maximum(gap / 86400.0 - options.same_days, 0.0) / options.story_days)
    # a story clearly about one story joins it below story_link: its cosine with it is story_margin times its
    # second best (a brief on other news of the same subject is about as like two stories); compared with
    # one story only, it has no second best to be clear of, and joins at story_alone or more
    second = (
        _second_best(used[story_pairs], sims, g, options.story_alone / options.story_margin)
        if options.story_margin
        else None
    )
    good = sims >= (options.story_link if second is None else min(options.story_link, options.story_clear))
    # ... and one clearly about a story before damping joins it whatever the time when they share names or
    # figures of their own (a follow-up months later): its margin measured on the undamped cosines (of the
    # stories in a pair under story_link that this could join, a few)
    lasting = None
    if second is not None and options.story_names:
        late = (sims < options.story_link) & (cos >= options.story_clear)
        if late.any():
            ends = used[story_pairs]
            marked = np.zeros(g, dtype=bool)
            marked[ends[late].ravel()] = True
            touch = marked[ends[:, 0]] | marked[ends[:, 1]]
            lasting = _second_best(ends[touch], cos[touch], g, options.story_alone / options.story_margin)
            good |= late
            del ends, marked, touch
        del late
    good = np.flatnonzero(good)
    if not len(good):
        return groups
    x_of, y_of = used[story_pairs[good, 0]], used[story_pairs[good, 1]]
    into = list(range(g))
    took: set[int] = set()
    for k in np.lexsort((y_of, x_of, -sims[good])).tolist():
        x, y = int(x_of[k]), int(y_of[k])
        small, big = (x, y) if (len(groups[x]), -x) < (len(groups[y]), -y) else (y, x)
        if (
            into[small] != small
            or into[big] != big
            or small in took
            or len(groups[small]) >= options.cohesion_min
            or (
                sims[good[k]] < options.story_link
                and (
                    second is None
                    or sims[good[k]] < options.story_clear
                    or sims[good[k]] < options.story_margin * second[small]
                )
                and (
                    lasting is None
                    or cos[good[k]] < options.story_margin * lasting[small]
                    or _own_names(groups[small], groups[big], ix, options) < options.story_names
                )
            )
        ):
            continue  # a story joins at most once, a story that took another in is not joined, and only a
            # story of fewer than cohesion_min articles joins (two stories of their own standing meet only
            # through the linkage's average: summed, two loose stories of one country add up its names)
        (tx, wx), (ty, wy) = ((summed.terms[i], summed.weights[i]) for i in story_pairs[good[k]].tolist())
        shared, at_x, at_y = np.intersect1d(tx[tx >= 0], ty[ty >= 0], assume_unique=True, return_indices=True)
        prod = wx[tx >= 0][at_x].astype(np.float64) * wy[ty >= 0][at_y]
        nx, ny = len(groups[x]), len(groups[y])
        cap = _specific_cap(nx + ny, len(times), options)
        lx, ly = story_pairs[good[k]].tolist()
        average = float(cos[good[k]]) * float(norm[lx]) * float(norm[ly]) / (nx * ny)  # average, undamped
        if (
            len(shared) < options.min_shared
            or (options.specific and not _specific(prod, shared, float(prod.sum()), ix.df, cap, options))
            or not _cohesive(average, (inner[lx], nx), (inner[ly], ny), options, lone=False)
        ):
            continue
        into[small] = big
        took.add(big)
    out: dict[int, list[int]] = {}
    for k, m in enumerate(groups):
        out.setdefault(into[k], []).extend(m)
    return sorted((sorted(m) for m in out.values()), key=lambda m: m[0])


def _own_names(a: list[int], b: list[int], ix: _Index, options: StoryOptions) -> int:
    """How many names (:attr:`_Index.name`) or precise figures two stories (``a``, ``b``: their articles)
    share that are theirs: at least ``title_own`` of the window's articles that have it are in the two.
    A country or a leader in the news is in other stories' articles too, and is no one story's own."""

    def marked(members: list[int]) -> np.ndarray:
        rows = np.concatenate([ix.term[ix.rows(i)] for i in members])  # an article's terms are distinct
        return rows[ix.name[rows] | ix.figure[rows]]

    in_a, in_b = marked(a), marked(b)
    terms, counts = np.unique(np.concatenate((in_a, in_b)), return_counts=True)
    own = terms[counts >= options.title_own * ix.df[terms]]
    return int((np.isin(own, in_a) & np.isin(own, in_b)).sum())


def _second_best(ends: np.ndarray, sims: np.ndarray, g: int, alone: float = 0.0) -> np.ndarray:
    """Per story (of ``g``), its second highest cosine among the story pairs ``ends`` (the two stories of
    each) with cosines ``sims``: a story whose best cosine is several times that is clearly about one
    story. A story in one pair only has no second story to be clear of: its second best is ``alone``
    (without it, 0 made the margin pass whatever the cosine, in a window where nothing else was near)."""
    who = ends.ravel()
    vals = np.repeat(sims, 2)
    order = np.lexsort((-vals, who))
    who, vals = who[order], vals[order]
    rank = np.arange(len(who)) - np.searchsorted(who, who, side="left")
    second = np.full(g, alone, dtype=np.float64)
    second[who[rank == 1]] = vals[rank == 1]
    return second


_SUM_CHUNK = 5000  # articles whose stories' vectors are summed at once (bounds the rows held)


def _summed_vectors(
    sid: np.ndarray, local: np.ndarray, count: int, vec: _Vectors, width: int
) -> tuple[_Vectors, list[float], np.ndarray]:
    """The summed vectors of the stories numbered ``local[sid[i]] >= 0`` (``count`` of them): each the sum of
    its articles' vectors, (story, term) rows summed, divided by the norm of the sum of the articles' whole
    vectors, its ``width`` heaviest terms kept, sorted by term id; and per story the sum of its articles'
    pairwise similarities (as the linkage's) and that norm. Whole stories are summed a few thousand articles
    at a time, so a window of 50,000 articles never holds all its (article, term) rows at once."""
    story = local[sid]
    arts = np.flatnonzero(story >= 0)
    arts = arts[np.argsort(story[arts], kind="stable")]  # grouped by story
    story = story[arts]
    terms = np.full((count, width), -1, dtype=np.int64)
    weights = np.zeros((count, width), dtype=np.float32)
    inner = np.zeros(count, dtype=np.float64)
    norm = np.zeros(count, dtype=np.float64)
    size = int(vec.terms.max(initial=0)) + 1
    begins = np.flatnonzero(np.concatenate(([True], story[1:] != story[:-1]))) if len(story) else story
    start = 0
    while start < len(arts):
        # whole stories: up to the first story start at or after start + _SUM_CHUNK
        k = int(np.searchsorted(begins, start + _SUM_CHUNK))
        end = int(begins[k]) if k < len(begins) else len(arts)
        a, st = arts[start:end], story[start:end]
        t, wt = vec.terms[a], vec.weights[a].astype(np.float64)
        kept = (wt * wt).sum(axis=1)  # each article's kept weights; the rest of its unit norm is its own
        real = t >= 0
        keys = (np.repeat(st, t.shape[1]).reshape(t.shape) * size + t)[real]
        w = wt[real]
        by = np.argsort(keys, kind="stable")
        keys, w = keys[by], w[by]
        firsts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
        w = np.add.reduceat(w, firsts) if len(firsts) else w
        doc, term = keys[firsts] // size, keys[firsts] % size
        square = np.bincount(doc, weights=w * w, minlength=count)
        own = np.bincount(st, weights=kept, minlength=count)
        rest = np.bincount(st, weights=1.0 - kept, minlength=count)
        here = _unique(st)
        inner[here] = ((square - own) / 2)[here]
        norm[here] = np.sqrt(square + np.maximum(rest, 0.0))[here]
        w = w / np.where(norm > 0, norm, 1.0)[doc]
        ranked = np.lexsort((term, -w, doc))
        doc, term, w = doc[ranked], term[ranked], w[ranked]
        rank = np.arange(len(doc)) - np.searchsorted(doc, doc, side="left")
        top = rank < width
        doc, rank, term, w = doc[top], rank[top], term[top], w[top]
        # each story's kept terms in term-id order (padding -1 first), for the sorted merge of _scores
        order = np.lexsort((term, doc))
        doc, term, w = doc[order], term[order], w[order]
        place = np.arange(len(doc)) - np.searchsorted(doc, doc, side="left")
        pad = width - np.bincount(doc, minlength=count)
        terms[doc, pad[doc] + place] = term
        weights[doc, pad[doc] + place] = w
        start = end
    none = np.zeros(0, dtype=np.int64)
    return _Vectors(terms, weights, none, none), inner.tolist(), norm


class _Headlines:
    """The title terms of each article (sorted by article, as the index) and in how many titles each term
    is: a group's headline terms are those in at least a given share of its articles' titles. With
    ``names``, ``self.names`` is the same over the names (:attr:`_Index.name`) in the articles' titles and
    leads: a group's names are those in at least a given share of its articles."""

    def __init__(self, ix: _Index, names: bool = False, rows: np.ndarray | None = None) -> None:
        rows = np.flatnonzero(ix.in_title) if rows is None else rows
        self.names = _Headlines(ix, rows=np.flatnonzero(ix.name[ix.term])) if names else None
        self.term = ix.term[rows]
        self.indptr = np.concatenate(([0], np.cumsum(np.bincount(ix.doc[rows], minlength=ix.n))))
        self.titles = np.bincount(self.term, minlength=len(ix.df)).tolist()  # per term: titles with it
        self.known: dict[int, tuple[int, dict[int, int]]] = {}  # group -> (size then, headline terms)

    def keys(self, group: int, members: Sequence[int], share: float) -> dict[int, int]:
        """The terms in at least ``share`` of the titles of group ``group`` (``members``: its articles),
        each with the number of its titles that have it."""
        known = self.known.get(group)
        if known is not None and known[0] == len(members):
            return known[1]
        if len(members) == 1:
            i = members[0]
            got = dict.fromkeys(self.term[self.indptr[i] : self.indptr[i + 1]].tolist(), 1)
        else:
            rows = np.concatenate([self.term[self.indptr[i] : self.indptr[i + 1]] for i in members])
            terms, counts = np.unique(rows, return_counts=True)
            keep = counts >= share * len(members)
            got = dict(zip(terms[keep].tolist(), counts[keep].tolist(), strict=True))
        self.known[group] = (len(members), got)
        return got


def _headline_link(
    avg: float,
    gap: float,
    a: tuple[int, list[int]],
    b: tuple[int, list[int]],
    heads: _Headlines | None,
    options: StoryOptions,
) -> bool:
    """Groups a little less similar than ``link`` (at least ``title_link``) still merge when a term is in
    ``title_key`` of the titles of each and is the two groups' own: at least ``title_own`` of the window's
    titles that have it are theirs (the headline names the same thing, not a country in the news)."""
    if heads is None or avg < options.title_link or gap > options.title_days * 86400.0:
        return False
    ka, kb = heads.keys(*a, options.title_key), heads.keys(*b, options.title_key)
    return any(ka[t] + kb[t] >= options.title_own * heads.titles[t] for t in ka if t in kb)


def _name_link(
    avg: float,
    gap: float,
    a: tuple[int, list[int]],
    b: tuple[int, list[int]],
    heads: _Headlines | None,
    options: StoryOptions,
) -> bool:
    """:func:`_headline_link` over names (terms their articles capitalise: "Interlagos", "Verstappen") in
    titles and leads, for groups within ``same_days`` of each other: two angles of one event told the same
    days (the winner, the driver who crashed) name the same rare place and people in most of their
    articles though their headlines differ. The name must be the two groups' own (``title_own`` of the
    window's articles with it), so a country in the news or a president named everywhere does not link."""
    if heads is None or heads.names is None or gap > options.same_days * 86400.0:
        return False
    return _headline_link(avg, 0.0, a, b, heads.names, options)


def _nearest_gap(wa: list[float], wb: list[float]) -> float:
    """The time between the nearest two articles of two groups (their times sorted)."""
    small, large = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    best = math.inf
    for x in small:
        k = bisect.bisect_left(large, x)
        if k < len(large):
            best = min(best, large[k] - x)
        if k:
            best = min(best, x - large[k - 1])
    return best


def _nearest_headline_link(
    gap: float,
    near: tuple[float, list[float], list[float], bool],
    a: tuple[int, list[int]],
    b: tuple[int, list[int]],
    heads: _Headlines | None,
    options: StoryOptions,
) -> bool:
    """:func:`_headline_link` with the time between the groups taken from their nearest articles instead of
    their medians (``gap``), the average similarity damped by that time (``near``: the undamped average, the
    groups' sorted times, whether they share a precise figure). A story told over months (a leak, then its
    fallout a year later) has its median far from a piece on its latest turn; that piece joins when its
    headline names the story and it is near in time to one of the story's articles. Only the headline link
    is timed so: the average link keeps the medians, so same-subject news of other dates does not chain
    into a story one article at a time."""
    raw, wa, wb, fig = near
    if not options.title_nearest or heads is None or gap <= options.same_days * 86400.0 or not wa or not wb:
        return False
    if raw < options.title_link:
        return False
    between = _nearest_gap(wa, wb)
    return between < gap and _headline_link(raw * _damp(between, fig, options), between, a, b, heads, options)


def _near_link(
    avg: float,
    gap: float,
    a: tuple[int, list[int]],
    b: tuple[int, list[int]],
    near: tuple[float, list[float], list[float], bool],
    heads: _Headlines | None,
    options: StoryOptions,
) -> bool:
    """Groups below the average ``link`` that still merge: their headlines name the same thing (timed from
    their medians or from their nearest articles), or their titles and leads the same rare name."""
    return (
        _headline_link(avg, gap, a, b, heads, options)
        or _nearest_headline_link(gap, near, a, b, heads, options)
        or _name_link(avg, gap, a, b, heads, options)
    )


def _cohesive(
    cross: float, a: tuple[float, int], b: tuple[float, int], options: StoryOptions, lone: bool = True
) -> bool:
    """Two groups may merge only when their cross similarity (average, undamped) is at least ``cohesion``
    times the inner similarity of each group of ``cohesion_min`` articles or more ((sum of pairwise
    similarities, size) each): a tight story does not take in an article or group that is only loosely
    like it, which is how a big story absorbs a neighbouring one. An article or a pair must be
    ``cohesion_lone`` times as alike (``lone``; the story pass, which weighs a story as a whole, leaves it
    out): a short item of other news of the same days (a feed entry: a title and a sentence), or two of them
    on one subject, are like a tight story through the few words they have, the story's subject, not its
    event."""
    for (total, size), other in ((a, b[1]), (b, a[1])):
        share = options.cohesion_lone if lone and other <= 2 else options.cohesion
        if size >= options.cohesion_min and cross < share * total / (size * (size - 1) / 2):
            return False
    return True


def _median(sorted_times: list[float]) -> float:
    """A group's time: the median of its articles' times, which one late follow-up does not drag."""
    k = len(sorted_times)
    return (sorted_times[(k - 1) // 2] + sorted_times[k // 2]) / 2


def _pair_lists(pairs: np.ndarray, chunk: int = 65536) -> Iterator[list[int]]:
    """The pairs as Python lists, a chunk at a time (a million pairs as lists at once take ~130 MB)."""
    for s in range(0, len(pairs), chunk):
        yield from pairs[s : s + chunk].tolist()


def _average_linkage(
    vec: _Vectors,
    times: np.ndarray,
    pairs: np.ndarray,
    options: StoryOptions,
    n: int,
    df: np.ndarray,
    figure: np.ndarray,
    heads: _Headlines | None = None,
) -> list[list[int]]:
    """Average linkage over the candidate pairs, strongest first (each decision depends only on the two
    groups involved). A group's summed vector is two arrays in the order its terms entered it, as a dict
    of sums keeps its keys (an article's terms by id, then each merged group's new terms in its own
    order): its term ids and their weights (float64, each the sum of its members' weights in merge
    order). Shared terms are found through ``slot`` (term id -> position in the larger vector, -1 when
    absent: set for one lookup and cleared after), and their products are summed one after another in the
    smaller vector's order, so every sum is the same float, bit for bit, as the loop over dicts gave
    (tests/stories_reference.py) and so is every decision."""
    parent = list(range(n))
    size = [1] * n
    members: dict[int, list[int]] = {}  # per group of 2+: its articles
    sums: dict[int, tuple[np.ndarray, np.ndarray]] = {}  # per group of 2+: term ids and summed weights
    when: dict[int, list[float]] = {}  # per group: its articles' known times, sorted
    inner: dict[int, float] = {}  # per group: the sum of its articles' pairwise similarities (undamped)
    row_terms, row_weights = vec.terms, vec.weights
    pad = (row_terms < 0).sum(axis=1).tolist()  # padding (-1) comes first in each row
    slot = np.full(int(row_terms.max(initial=0)) + 1, -1, dtype=np.int64)
    count = np.arange(4 * row_terms.shape[1], dtype=np.int64)  # positions, grown with the largest vector
    same_seconds = options.same_days * 86400.0

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def vector(g: int) -> tuple[np.ndarray, np.ndarray]:
        v = sums.get(g)
        if v is None:
            k = pad[g]
            v = (row_terms[g, k:], row_weights[g, k:].astype(np.float64))  # a lone article's: not kept
        return v

    def times_of(g: int) -> list[float]:
        got = when.get(g)
        if got is None:
            t = times[g]
            got = [] if math.isnan(t) else [float(t)]
        return got

    def linked(
        avg: float, gap: float, a: int, b: int, near: tuple[float, list[float], list[float], bool]
    ) -> bool:
        # similar enough on average, or nearly and their headlines name the same thing (``near``: the
        # undamped average, the groups' times and whether they share a precise figure, for the headline link
        # timed from their nearest articles)
        if avg >= options.link:
            return True
        return _near_link(avg, gap, (a, members.get(a, [a])), (b, members.get(b, [b])), near, heads, options)

    refused: set[tuple[int, int, int, int]] = set()  # group pairs already judged, at their sizes then
    for i, j in _pair_lists(pairs):
        a, b = find(i), find(j)
        if a == b:
            continue
        if a > b:
            a, b = b, a
        na, nb = size[a], size[b]
        seen = (a, na, b, nb)
        if seen in refused:
            continue
        va, vb = vector(a), vector(b)
        (st, sw), (lt, lw) = (va, vb) if len(va[0]) <= len(vb[0]) else (vb, va)
        if len(lt) > len(count):
            count = np.arange(2 * len(lt), dtype=np.int64)
        slot[lt] = count[: len(lt)]
        at = slot[st]
        slot[lt] = -1
        hit = at >= 0
        shared = st[hit]
        prod = sw[hit] * lw[at[hit]]
        dot = sum(prod.tolist(), 0.0)  # one after another, in the smaller vector's order
        avg = dot / (na * nb)
        wa, wb = times_of(a), times_of(b)
        gap = abs(_median(wa) - _median(wb)) if wa and wb else 0.0
        fig = False
        if gap > same_seconds:  # a shared precise figure: the same fact, no damping
            fig = bool(figure[shared].any())
            avg *= _damp(gap, fig, options)
        if (
            not linked(avg, gap, a, b, (dot / (na * nb), wa, wb, fig))
            or (
                options.specific
                and dot / (na * nb) < options.duplicate
                and not _specific(prod, shared, dot, df, _specific_cap(na + nb, n, options), options)
            )
            or not _cohesive(dot / (na * nb), (inner.get(a, 0.0), na), (inner.get(b, 0.0), nb), options)
            or len(shared) < options.min_shared
        ):
            refused.add(seen)
            continue
        keep, gone = (a, b) if na >= nb else (b, a)
        inner[keep] = inner.get(a, 0.0) + inner.get(b, 0.0) + dot
        inner.pop(gone, None)
        parent[gone] = keep
        size[keep] = na + nb
        members[keep] = members.pop(keep, [keep]) + members.pop(gone, [gone])
        # the kept group's terms keep their places, a term in both adds the other's weight to its own, and
        # the other's new terms come after, in their order (as ``target[t] = target.get(t, 0.0) + w``)
        (kt, kw), (gt, gw) = (va, vb) if keep == a else (vb, va)
        slot[kt] = count[: len(kt)]
        at = slot[gt]
        slot[kt] = -1
        common = at >= 0
        w = kw.copy()
        w[at[common]] += gw[common]
        fresh = ~common
        sums[keep] = (np.concatenate((kt, gt[fresh])), np.concatenate((w, gw[fresh])))
        sums.pop(gone, None)
        kept, moved = (wa, wb) if keep == a else (wb, wa)
        when[keep] = kept
        when.pop(gone, None)
        for moment in moved:  # the smaller group's times into the larger's, kept sorted
            bisect.insort(kept, moment)
    groups = [members.get(g, [g]) for g in range(n) if parent[g] == g]
    return sorted((sorted(m) for m in groups), key=lambda m: m[0])


# --- stories ---------------------------------------------------------------------------------------------


def story_id(article: Article) -> str:
    """``s`` + 10 hex digits of the SHA-1 of the story's earliest article's canonical URL."""
    return story_key_id(article.canonical_url or article.url)


def story_key_id(key: str) -> str:
    """The id of a story whose earliest article has this canonical URL (else URL)."""
    return "s" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def _sort_time(rows: WindowRows, i: int) -> tuple[int, float, str]:
    t, key = rows.published[i], rows.canonical_urls[i] or rows.urls[i]
    return (1, 0.0, key) if t is None else (0, t.timestamp(), key)


def find_stories(
    articles: Articles,
    outlets: Mapping[str, Outlet],
    options: StoryOptions | None = None,
    *,
    wire_copies: bool = True,
    describe: bool = True,
) -> list[Story]:
    """Every article in exactly one story; stories with the most outlets first, then the most recent.

    ``wire_copies=False`` leaves wire-copy detection out (every outlet counts as independent) and
    ``describe=False`` leaves label, terms and topic empty: a caller that shows only some stories
    completes those with :func:`describe_story` and :func:`mark_wire_copies`."""
    options = options or StoryOptions()
    window = Window.of(articles)
    ix = index_articles(window, options)
    groups = group(window, options, ix)
    stories = [_skeleton(g, window) for g in groups]
    del groups
    positions = _positions(window)
    if describe:
        stories = describe_stories(stories, ix, positions)
    del ix
    if wire_copies:
        stories = _mark_wire_copies(stories, window, positions, outlets)
    stories.sort(key=story_order)
    return stories


def story_order(s: Story) -> tuple[int, float, str]:
    last = s.last_published.timestamp() if s.last_published else 0.0
    return (-len(s.outlets), -last, s.id)


def _skeleton(idx: list[int], articles: Articles) -> Story:
    """A story's articles in publication order (undated last), outlets and times; no label yet."""
    rows = articles.rows if isinstance(articles, Window) else Window.of([articles[i] for i in idx]).rows
    if not isinstance(articles, Window):
        idx = list(range(len(idx)))
    order = sorted(idx, key=lambda i: _sort_time(rows, i))
    first = order[0]
    dated = [t for i in order if (t := rows.published[i]) is not None]
    outlets = tuple(dict.fromkeys(rows.outlets[i] for i in order))
    return Story(
        id=story_key_id(rows.canonical_urls[first] or rows.urls[first]),
        label="",
        terms=(),
        topic="",
        outlets=outlets,
        independent_outlets=outlets,
        first_published=min(dated) if dated else None,
        last_published=max(dated) if dated else None,
        first_outlet=rows.outlets[first] if rows.published[first] is not None else None,
        articles=tuple(
            StoryArticle(rows.ids[i], rows.outlets[i], rows.urls[i], plain(rows.titles[i]), rows.published[i])
            for i in order
        ),
    )


def _positions(window: Window) -> dict[str, int]:
    """url -> position in the window (the last, as a dict of the articles by url keeps)."""
    return {url: k for k, url in enumerate(window.rows.urls)}


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
        central = 0
        if size > 2:
            central = int(np.argmax(sims[first_article : first_article + size]))
        first_article += size
        out.append(
            replace(
                story,
                label=story.articles[central].title or story.articles[0].title,
                terms=tuple(form(t) for t in ranked_list[lo : min(lo + 6, hi)]),
                topic=" ".join(form(ranked_list[p]) for p in picked),
            )
        )
    return out


def mark_wire_copies(story: Story, articles: Mapping[str, Article], outlets: Mapping[str, Outlet]) -> Story:
    """The story with its wire copies found (``articles``: url -> Article, as given to find_stories)."""
    return mark_all_wire_copies([story], articles, outlets)[0]


def mark_all_wire_copies(
    stories: Sequence[Story], articles: Mapping[str, Article], outlets: Mapping[str, Outlet]
) -> list[Story]:
    """Each story with its wire copies found as ``compare`` finds them among the story's articles (a story
    of one outlet has none; ``articles``: url -> Article)."""
    window = Window.of(list(articles.values()))
    return _mark_wire_copies(stories, window, _positions(window), outlets)


_WIRE_BATCH = 2000  # articles whose texts are read and looked through at a time (whole stories)


def _mark_wire_copies(
    stories: Sequence[Story], window: Window, positions: Mapping[str, int], outlets: Mapping[str, Outlet]
) -> list[Story]:
    """:func:`mark_all_wire_copies` over a window: the texts of whole stories ``_WIRE_BATCH`` articles at
    a time, each batch in one pass (copies are looked for within a story only, so batches change nothing)."""
    copies: dict[int, list[bool]] = {}  # story index -> per article: a wire copy
    batch: list[int] = []
    size = 0
    for k, story in enumerate(stories):
        if len({a.outlet for a in story.articles}) > 1:
            batch.append(k)
            size += len(story.articles)
            if size >= _WIRE_BATCH:
                copies.update(_wire_batch([stories[b] for b in batch], batch, window, positions, outlets))
                batch, size = [], 0
    if batch:
        copies.update(_wire_batch([stories[b] for b in batch], batch, window, positions, outlets))
    out = []
    for k, story in enumerate(stories):
        if k not in copies:
            out.append(replace(story, articles=tuple(_flagged(a, False) for a in story.articles)))
            continue
        seen: dict[str, bool] = {}
        for a, copy in zip(story.articles, copies[k], strict=True):
            seen[a.outlet] = seen.get(a.outlet, False) or not copy
        # a copy dated as its original (copies often keep the agency's timestamp) is not first before it
        tied = [(a, c) for a, c in zip(story.articles, copies[k], strict=True) if a.published == story.first_published]
        original = next((a for a, copy in tied if not copy), None) if story.first_published is not None else None
        out.append(
            replace(
                story,
                first_outlet=original.outlet if original is not None else story.first_outlet,
                independent_outlets=tuple(o for o, indep in seen.items() if indep),
                articles=tuple(_flagged(a, c) for a, c in zip(story.articles, copies[k], strict=True)),
            )
        )
    return out


def _wire_batch(
    stories: Sequence[Story],
    keys: Sequence[int],
    window: Window,
    positions: Mapping[str, int],
    outlets: Mapping[str, Outlet],
) -> dict[int, list[bool]]:
    """Wire copies among these stories' articles (texts read for them, dropped after): key -> flags."""
    pos = [positions[a.url] for story in stories for a in story.articles]
    groups = [k for k, story in zip(keys, stories, strict=True) for _ in story.articles]
    rows = window.rows
    arts = [
        Article(rows.outlets[i], rows.urls[i], rows.canonical_urls[i], rows.titles[i], text, "", rows.fetched[i],
                author=rows.authors[i], published=rows.published[i], id=rows.ids[i])
        for i, text in zip(pos, window.texts(pos), strict=True)
    ]  # fmt: skip
    table = None if window.shingles is None else _stored_shingles(window.shingles(pos), arts)
    syndicated = find_syndicated(arts, outlets, groups=groups, table=table)
    out, start = {}, 0
    for k, story in zip(keys, stories, strict=True):
        out[k] = [start + m in syndicated for m in range(len(story.articles))]
        start += len(story.articles)
    return out


def _stored_shingles(blobs: list[bytes | None], arts: Sequence[Article]) -> ShingleTable:
    """The articles' shingle table from the shingles stored with them; those stored without any (before
    schema 3) are hashed from their cut texts here."""
    missing = [k for k, b in enumerate(blobs) if b is None]
    if missing:
        table = shingle_table([arts[k].text for k in missing])
        hashes = table.hashes.astype("<u4")
        for k, a, b in zip(missing, table.indptr[:-1].tolist(), table.indptr[1:].tolist(), strict=True):
            blobs[k] = hashes[a:b].tobytes()
    return stored_table(blobs)  # type: ignore[arg-type]  # no None left


def _flagged(article: StoryArticle, copy: bool) -> StoryArticle:
    return article if article.syndicated == copy else replace(article, syndicated=copy)


def pick(stories: Sequence[Story], *, min_outlets: int = 2, limit: int | None = None) -> list[Story]:
    """The stories covered by at least ``min_outlets`` outlets, at most ``limit`` of them."""
    out = [s for s in stories if len(s.outlets) >= max(1, min_outlets)]
    return out[:limit] if limit else out


def list_stories(
    articles: Articles,
    outlets: Mapping[str, Outlet],
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    min_outlets: int = 2,
    limit: int | None = None,
    options: StoryOptions | None = None,
    generated_at: datetime | None = None,
) -> StoriesResult:
    """Group the window's articles and keep the stories worth listing."""
    options = options or StoryOptions()
    window = Window.of(articles)
    ix = index_articles(window, options)
    every = sorted((_skeleton(g, window) for g in group(window, options, ix)), key=story_order)
    positions = _positions(window)
    stories = describe_stories(pick(every, min_outlets=min_outlets, limit=limit), ix, positions)
    del ix  # memory: the index is not needed for wire copies
    return StoriesResult(
        generated_at=generated_at or datetime.now(UTC),
        since=since,
        until=until,
        article_count=len(window),
        story_count=len(every),
        stories=tuple(_mark_wire_copies(stories, window, positions, outlets)),
        outlet_names={oid: o.name for oid, o in outlets.items()},
    )

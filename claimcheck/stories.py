"""Group articles into stories: articles in, ``Story`` records out (pure: no store, no CLI).

A story is one real-world event as the outlets reported it. Each article becomes a TF-IDF vector of
its title (weighted up) and lead: words (lightly stemmed), capitalised names (weighted up) and the
figures it gives. Candidate pairs come from blocking, never all pairs: every article's few most
distinctive terms are its keys, each key's articles are ordered by time, and an article is paired
with its nearest few neighbours in each of its keys (linear in the number of articles). Candidate
pairs are scored in bulk with numpy (cosine of the articles' top terms), damped by the time between
them, then clustered by average linkage: two groups merge only when their articles are, on average,
similar to each other (exact, from the groups' summed vectors), so two events do not chain together
through one article that mentions both. A split story is preferred to a mixed one.

Wire copies are counted as ``compare`` counts them (claimcheck.syndication): a story's independent
outlets are those with at least one article that is not a wire copy.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import numpy as np

from claimcheck.models import Article, Outlet
from claimcheck.syndication import find_syndicated
from claimcheck.textsafe import plain


@dataclass(frozen=True)
class StoryOptions:
    """How articles are grouped. Defaults tuned on the tuning events of news-clusters (README)."""

    title_weight: float = 3.0  # a title word counts as this many lead words
    name_weight: float = (
        1.0  # a capitalised name inside a sentence counts this much more (1: no boost helped)
    )
    lead_words: int = 100  # words of the text read after the title
    top_terms: int = 40  # terms kept per article vector (its heaviest shared terms)
    keys: int = 12  # blocking keys per article
    neighbours: int = 8  # pairs per key: the nearest articles in time sharing it
    edge: float = 0.12  # a candidate pair below this similarity is no link
    link: float = 0.10  # groups merge when their average similarity is at least this
    same_days: float = 4.0  # no time damping within this many days
    half_life_days: float = 120.0  # beyond same_days, similarity halves every this many days


@dataclass(frozen=True)
class StoryArticle:
    """One article of a story, as listed (no text)."""

    id: int | None
    outlet: str
    url: str
    title: str
    published: datetime | None
    syndicated: bool = False


@dataclass(frozen=True)
class Story:
    id: str  # stable while the stored articles do not change: derived from the earliest article
    label: str  # the most central title
    terms: tuple[str, ...]  # the story's most distinctive words, best first
    topic: str  # words for `compare TOPIC` that find this story's articles
    outlets: tuple[str, ...]  # every outlet with an article in the story, first to publish first
    independent_outlets: tuple[str, ...]  # those with at least one article that is not wire copy
    first_published: datetime | None
    last_published: datetime | None
    first_outlet: str | None
    articles: tuple[StoryArticle, ...]  # in publication order (undated last)


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

_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*[\w]|[^\W\d_]|\d[\d,.]*\d|\d", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?]['\"”’)]*$")


@functools.lru_cache(maxsize=65536)
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


def _number(token: str) -> str | None:
    """A figure as a term ("1,200" -> "#1200"); single digits are too common to tell stories apart."""
    digits = token.replace(",", "")
    if len(digits.split(".")[0]) < 2:
        return None
    return "#" + digits.rstrip(".")


def article_terms(title: str, text: str, options: StoryOptions) -> tuple[Counter[str], dict[str, str]]:
    """Weighted term counts of the title and lead, and each term's surface form (for labels)."""
    counts: Counter[str] = Counter()
    forms: dict[str, str] = {}

    def add(tokens: list[str], weight: float, names: bool) -> None:
        start = True
        for tok in tokens:
            if tok[0].isdigit():
                term = _number(tok)
                if term:
                    counts[term] += weight
                    forms.setdefault(term, tok)
                start = bool(_SENTENCE_END.search(tok))
                continue
            term = _stem(tok)
            if len(term) > 1 and term not in STOPWORDS:
                w = weight * (options.name_weight if names and not start and tok[0].isupper() else 1.0)
                counts[term] += w
                forms.setdefault(term, tok.rstrip("."))
            start = tok.endswith((".", "!", "?"))

    add(_TOKEN.findall(title), options.title_weight, names=False)
    lead = _TOKEN.findall(text[: options.lead_words * 12])[: options.lead_words]
    add(lead, 1.0, names=True)
    return counts, forms


# --- grouping -----------------------------------------------------------------------------------------


def _timestamp(a: Article) -> float:
    t = a.published or a.fetched
    if t is None:
        return math.nan
    if t.tzinfo is None:
        t = t.replace(tzinfo=UTC)
    return t.timestamp()


@dataclass
class _Vectors:
    terms: np.ndarray  # (n, T) int64 term ids, -1 padding
    weights: np.ndarray  # (n, T) float32, rows of unit norm over all terms (padding 0)
    idf: dict[str, float]
    vocab: list[str]
    keys: list[list[int]]  # blocking keys per article


def _vectors(bags: Sequence[Counter[str]], options: StoryOptions) -> _Vectors:
    n = len(bags)
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    idf = {t: math.log((n + 1) / (d + 0.5)) for t, d in df.items()}
    vocab = sorted(t for t, d in df.items() if d >= 2)
    index = {t: i for i, t in enumerate(vocab)}
    size = options.top_terms
    terms = np.full((n, size), -1, dtype=np.int64)
    weights = np.zeros((n, size), dtype=np.float32)
    keys: list[list[int]] = []
    for row, bag in enumerate(bags):
        w = {t: (1.0 + math.log(c)) * idf[t] for t, c in bag.items() if c > 0}
        norm = math.sqrt(sum(v * v for v in w.values())) or 1.0
        shared = sorted(((v, t) for t, v in w.items() if t in index), reverse=True)[:size]
        for k, (v, t) in enumerate(shared):
            terms[row, k] = index[t]
            weights[row, k] = v / norm
        # keys: the heaviest shared terms (title words and names weigh most)
        keys.append([index[t] for _, t in shared[: options.keys]])
    return _Vectors(terms, weights, idf, vocab, keys)


def _candidates(vec: _Vectors, times: np.ndarray, options: StoryOptions) -> np.ndarray:
    """Pairs (i < j) that share a key and are near each other in time among that key's articles."""
    n = len(vec.keys)
    owner = np.fromiter((i for i, ks in enumerate(vec.keys) for _ in ks), dtype=np.int64)
    key = np.fromiter((k for ks in vec.keys for k in ks), dtype=np.int64)
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
    u = np.unique(np.concatenate(codes))
    return np.stack((u // n, u % n), axis=1)


def _scores(vec: _Vectors, pairs: np.ndarray, chunk: int = 20000) -> np.ndarray:
    """Cosine of each pair's truncated vectors, in chunks (a pair costs top_terms² comparisons)."""
    out = np.empty(len(pairs), dtype=np.float32)
    for s in range(0, len(pairs), chunk):
        i, j = pairs[s : s + chunk, 0], pairs[s : s + chunk, 1]
        ti, tj = vec.terms[i], vec.terms[j]
        eq = (ti[:, :, None] == tj[:, None, :]) & (ti[:, :, None] >= 0)
        out[s : s + chunk] = np.einsum("pab,pa,pb->p", eq, vec.weights[i], vec.weights[j])
    return out


def _damping(gap_seconds: np.ndarray | float, options: StoryOptions) -> np.ndarray | float:
    """1 within ``same_days``; then halving every ``half_life_days`` (undated: no damping)."""
    days = np.nan_to_num(np.abs(gap_seconds) / 86400.0, nan=0.0)
    excess = np.maximum(days - options.same_days, 0.0)
    return np.power(0.5, excess / options.half_life_days)


def group(
    articles: Sequence[Article],
    options: StoryOptions | None = None,
    bags: Sequence[Counter[str]] | None = None,
) -> list[list[int]]:
    """Partition article indexes into stories (every article in exactly one); deterministic."""
    options = options or StoryOptions()
    n = len(articles)
    if n == 0:
        return []
    if bags is None:
        bags = [article_terms(a.title, a.text, options)[0] for a in articles]
    vec = _vectors(bags, options)
    times = np.array([_timestamp(a) for a in articles], dtype=np.float64)
    pairs = _candidates(vec, times, options)
    sims = _scores(vec, pairs) * _damping(times[pairs[:, 0]] - times[pairs[:, 1]], options)
    keep = sims >= options.edge
    pairs, sims = pairs[keep], sims[keep]
    order = np.lexsort((pairs[:, 1], pairs[:, 0], -sims))
    return _average_linkage(vec, times, pairs[order], options, n)


def _average_linkage(
    vec: _Vectors, times: np.ndarray, pairs: np.ndarray, options: StoryOptions, n: int
) -> list[list[int]]:
    parent = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    sums: dict[int, dict[int, float]] = {}
    when: dict[int, list[float]] = {}  # per group: sum of dated times, count of dated articles

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def vector(g: int) -> dict[int, float]:
        if g not in sums:
            sums[g] = {int(t): float(w) for t, w in zip(vec.terms[g], vec.weights[g], strict=True) if t >= 0}
            t = times[g]
            when[g] = [0.0, 0.0] if math.isnan(t) else [float(t), 1.0]
        return sums[g]

    for i, j in pairs.tolist():
        a, b = find(i), find(j)
        if a == b:
            continue
        va, vb = vector(a), vector(b)
        small, large = (va, vb) if len(va) <= len(vb) else (vb, va)
        dot = sum(w * large.get(t, 0.0) for t, w in small.items())
        avg = dot / (len(members[a]) * len(members[b]))
        (ta, ca), (tb, cb) = when[a], when[b]
        if ca and cb:
            avg *= float(_damping(ta / ca - tb / cb, options))
        if avg < options.link:
            continue
        keep, gone = (a, b) if len(members[a]) >= len(members[b]) else (b, a)
        parent[gone] = keep
        members[keep].extend(members.pop(gone))
        target, source = sums[keep], sums.pop(gone)
        for t, w in source.items():
            target[t] = target.get(t, 0.0) + w
        when[keep] = [when[keep][0] + when[gone][0], when[keep][1] + when[gone][1]]
        del when[gone]
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])


# --- stories ---------------------------------------------------------------------------------------------


def story_id(article: Article) -> str:
    """``s`` + 10 hex digits of the SHA-1 of the story's earliest article's canonical URL."""
    key = article.canonical_url or article.url
    return "s" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def _sort_time(a: Article) -> tuple[int, float, str]:
    t = a.published
    if t is None:
        return (1, 0.0, a.canonical_url or a.url)
    if t.tzinfo is None:
        t = t.replace(tzinfo=UTC)
    return (0, t.timestamp(), a.canonical_url or a.url)


def find_stories(
    articles: Sequence[Article],
    outlets: Mapping[str, Outlet],
    options: StoryOptions | None = None,
    *,
    wire_copies: bool = True,
) -> list[Story]:
    """Every article in exactly one story; stories with the most outlets first, then the most recent.

    ``wire_copies=False`` leaves wire-copy detection out (every outlet counts as independent); a caller
    that shows only some stories runs it on those with :func:`mark_wire_copies`."""
    options = options or StoryOptions()
    parsed = [article_terms(a.title, a.text, options) for a in articles]
    groups = group(articles, options, [bag for bag, _ in parsed])
    df: Counter[str] = Counter()
    for bag, _ in parsed:
        df.update(bag.keys())
    n = len(articles)
    idf = {t: math.log((n + 1) / (d + 0.5)) for t, d in df.items()}
    stories = [_story(g, articles, parsed, idf, outlets, wire_copies) for g in groups]
    stories.sort(key=story_order)
    return stories


def story_order(s: Story) -> tuple[int, float, str]:
    last = s.last_published.timestamp() if s.last_published else 0.0
    return (-len(s.outlets), -last, s.id)


def _story(
    idx: list[int],
    articles: Sequence[Article],
    parsed: Sequence[tuple[Counter[str], dict[str, str]]],
    idf: Mapping[str, float],
    outlets: Mapping[str, Outlet],
    wire_copies: bool = True,
) -> Story:
    arts = [articles[i] for i in idx]
    order = sorted(range(len(arts)), key=lambda k: _sort_time(arts[k]))
    arts = [arts[k] for k in order]
    idx = [idx[k] for k in order]
    syndicated = _wire_copies(arts, outlets) if wire_copies else {}
    # terms: words in most of the story's titles, then in most of its leads, rarer ones first
    cover: Counter[str] = Counter()
    in_title: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for i in idx:
        bag, form = parsed[i]
        cover.update(bag.keys())
        in_title.update({_stem(tok) for tok in _TOKEN.findall(articles[i].title)} & bag.keys())
        for t in bag:
            forms[t][form[t]] += 1
    ranked = sorted(cover, key=lambda t: (-(2 * in_title[t] + cover[t]) * idf[t], t))
    words = [t for t in ranked if not t.startswith("#")]
    terms = tuple(forms[t].most_common(1)[0][0] for t in ranked[:6])
    topic = " ".join(forms[t].most_common(1)[0][0] for t in _topic_terms(words, cover, len(arts)))
    label = plain(_central(idx, arts, parsed, idf).title) or plain(arts[0].title)
    dated = [a.published for a in arts if a.published is not None]
    seen: dict[str, bool] = {}
    for k, a in enumerate(arts):
        seen[a.outlet] = seen.get(a.outlet, False) or k not in syndicated
    return Story(
        id=story_id(arts[0]),
        label=label,
        terms=terms,
        topic=topic,
        outlets=tuple(seen),
        independent_outlets=tuple(o for o, indep in seen.items() if indep),
        first_published=min(dated) if dated else None,
        last_published=max(dated) if dated else None,
        first_outlet=arts[0].outlet if arts[0].published is not None else None,
        articles=tuple(
            StoryArticle(a.id, a.outlet, a.url, plain(a.title), a.published, k in syndicated)
            for k, a in enumerate(arts)
        ),
    )


def _wire_copies(arts: Sequence[Article], outlets: Mapping[str, Outlet]) -> dict[int, str]:
    return find_syndicated(arts, outlets) if len({a.outlet for a in arts}) > 1 else {}


def mark_wire_copies(story: Story, articles: Mapping[str, Article], outlets: Mapping[str, Outlet]) -> Story:
    """The story with its wire copies found (``articles``: url -> Article, as given to find_stories)."""
    arts = [articles[a.url] for a in story.articles]
    syndicated = _wire_copies(arts, outlets)
    seen: dict[str, bool] = {}
    for k, a in enumerate(arts):
        seen[a.outlet] = seen.get(a.outlet, False) or k not in syndicated
    return replace(
        story,
        independent_outlets=tuple(o for o, indep in seen.items() if indep),
        articles=tuple(replace(a, syndicated=k in syndicated) for k, a in enumerate(story.articles)),
    )


def _topic_terms(words: list[str], cover: Counter[str], size: int) -> list[str]:
    """Two or three words that most of the story's articles carry (all words must match in compare)."""
    common = [t for t in words if cover[t] >= max(1, math.ceil(0.6 * size))]
    return (common or words)[:3] if size > 1 else words[:3]


def _central(
    idx: list[int],
    arts: list[Article],
    parsed: Sequence[tuple[Counter[str], dict[str, str]]],
    idf: Mapping[str, float],
) -> Article:
    """The article whose title and lead are nearest the story's centre (the earliest on ties)."""
    if len(arts) <= 2:
        return arts[0]
    vecs = []
    for i in idx:
        bag = parsed[i][0]
        w = {t: (1.0 + math.log(c)) * idf[t] for t, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in w.values())) or 1.0
        vecs.append({t: v / norm for t, v in w.items()})
    centre: Counter[str] = Counter()
    for v in vecs:
        centre.update(v)
    scores = [sum(w * centre[t] for t, w in v.items()) for v in vecs]
    best = max(range(len(arts)), key=lambda k: (scores[k], -k))
    return arts[best]


def pick(stories: Sequence[Story], *, min_outlets: int = 2, limit: int | None = None) -> list[Story]:
    """The stories covered by at least ``min_outlets`` outlets, at most ``limit`` of them."""
    out = [s for s in stories if len(s.outlets) >= max(1, min_outlets)]
    return out[:limit] if limit else out


@dataclass(frozen=True)
class StoriesResult:
    """What `claimcheck stories` shows: the stories picked from the articles of a window."""

    generated_at: datetime
    since: datetime | None
    until: datetime | None
    article_count: int  # articles in the window
    story_count: int  # stories among them, before --min-outlets and --limit
    stories: tuple[Story, ...]
    outlet_names: Mapping[str, str]


def list_stories(
    articles: Sequence[Article],
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
    every = find_stories(articles, outlets, options, wire_copies=False)
    stories = pick(every, min_outlets=min_outlets, limit=limit)
    by_url = {a.url: a for a in articles}
    return StoriesResult(
        generated_at=generated_at or datetime.now(UTC),
        since=since,
        until=until,
        article_count=len(articles),
        story_count=len(every),
        stories=tuple(mark_wire_copies(s, by_url, outlets) for s in stories),
        outlet_names={oid: o.name for oid, o in outlets.items()},
    )

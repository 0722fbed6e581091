"""When two groups a little less alike than the average link still merge (headlines, names), and cohesion."""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Sequence

import numpy as np

from claimcheck.stories.index import _Index
from claimcheck.stories.records import StoryOptions
from claimcheck.stories.scoring import _damp
from claimcheck.stories.synonyms import OFFICES
from claimcheck.stories.terms import _DEMONYMS, term_of


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
    """:func:`_headline_link` over names (terms their articles capitalise: "Hollowmere", "Varkonen") in
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
    return bool(_near_link_kind(avg, gap, a, b, near, heads, options))


def _distinct(a: Sequence[int], b: Sequence[int], heads: _Headlines | None, options: StoryOptions) -> bool:
    """Two groups (``a``, ``b``: their articles; the linkage asks it of two of ``distinct_min`` articles or more,
    one of them of short texts) are two events, whatever their words, when each has a name
    (:attr:`_Index.name`, in titles and leads) in ``distinct`` of its articles that no article of the other
    has: two sets of talks in one city the same day, each told with its own parties' names. One event's
    angles name its people and places in most of their articles, so one of the two has none that the other
    never names. Short texts only: a long article names enough that another angle of its event may never name
    one of them (news-clusters' held-out recall fell with long articles in: 0.909 -> 0.877)."""
    if heads is None or heads.names is None:
        return False
    names = heads.names

    def counted(members: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
        rows = np.concatenate([names.term[names.indptr[i] : names.indptr[i + 1]] for i in members])
        return np.unique(rows, return_counts=True)

    (ta, ca), (tb, cb) = counted(a), counted(b)
    own_a = ta[ca >= options.distinct * len(a)]
    own_b = tb[cb >= options.distinct * len(b)]
    return bool((~np.isin(own_a, tb)).any()) and bool((~np.isin(own_b, ta)).any())


class _NameParts:
    """Which term is the other part of a name written as two words ("Elon Musk", "Super Bowl", "Xi Jinping"):
    a name (:attr:`_Index.name`) found with it in at least ``options.one_name`` of the window's articles that
    have the rarer of the two, the heaviest such (one only: in a small window every name of one event is
    found with every other); and only for a name in other articles of the window too (a person in the news,
    who is in more than one event), not one only the two lone articles have. The articles of each term are
    indexed when first asked."""

    def __init__(self, ix: _Index, options: StoryOptions) -> None:
        self.ix, self.share = ix, options.one_name
        self.docs: np.ndarray | None = None
        self.ptr: np.ndarray | None = None

    def heaviest(self, shared: np.ndarray, prod: np.ndarray) -> float:
        """The product of the heaviest shared term, with that of the shared name that is one name with it."""
        at = self.heaviest_terms(shared, prod)
        return float(prod[at[0]]) + float(prod[at[1]]) if len(at) > 1 else float(prod[at[0]])

    def heaviest_terms(self, shared: np.ndarray, prod: np.ndarray) -> list[int]:
        """The places in ``shared`` of the heaviest shared term and of the shared name that is one name with it
        (:meth:`heaviest`): one place, or two for a name of two words."""
        k = int(prod.argmax())
        t = int(shared[k])
        name = self.ix.name
        if not self.share or not name[t] or self.ix.df[t] <= 2:
            return [k]  # a name only the two have is their own: one unknown driver's crash told twice
        others = [j for j in range(len(shared)) if j != k and name[int(shared[j])]]
        if not others:
            return [k]
        df = self.ix.df
        mine = self.articles(t)
        for j in sorted(others, key=lambda j: -float(prod[j])):
            u = int(shared[j])
            both = len(np.intersect1d(mine, self.articles(u), assume_unique=True))
            if both >= self.share * min(int(df[t]), int(df[u])):
                return [k, j]  # one word more: a name of two words ("Elon Musk")
        return [k]

    def articles(self, t: int) -> np.ndarray:
        """The articles with name ``t`` (:attr:`_Index.name`), in order."""
        if self.docs is None:  # names only (only they are asked: heaviest_terms); rows sorted by article
            rows = np.flatnonzero(self.ix.name[self.ix.term])
            term = self.ix.term[rows]
            self.docs = self.ix.doc[rows[np.argsort(term, kind="stable")]]
            self.ptr = np.concatenate(([0], np.cumsum(np.bincount(term, minlength=len(self.ix.df)))))
        assert self.ptr is not None
        return self.docs[self.ptr[t] : self.ptr[t + 1]]


def _too_few(shared: np.ndarray, prod: np.ndarray, parts: _NameParts | None, options: StoryOptions) -> bool:
    """Whether two groups share fewer than ``min_shared`` terms (``shared``, their products ``prod``), a name
    written as two words counted once ("Hong Kong", "Elon Musk", "Super Bowl": :class:`_NameParts`). Two
    pieces that share a city's or a person's name and nothing else share one thing, whatever its spelling;
    two reports of one event share the name and what happened."""
    if len(shared) < options.min_shared:
        return True
    if len(shared) > options.min_shared or parts is None or not len(prod):
        return False
    return len(parts.heaviest_terms(shared, prod)) > 1


def _lone_name(
    shared: np.ndarray,
    prod: np.ndarray,
    parts: _NameParts,
    story_of: Callable[[int], int],
    mine: set[int],
    options: StoryOptions,
) -> bool:
    """A lone short text (its shared terms with a group ``shared``, their products ``prod``) alike to the group
    through a name of two words as its heaviest shared term ("World Cup", "Elon Musk") and sharing no other name
    with it, where ``lone_stories`` of the window's groups but the lone text's own (``story_of``: an article's
    group; ``mine``: the lone text's) name it: other news of a name in the news (a performer of another year's
    halftime show; a founder's other company), not a report of that group's event, which names its people or
    its place too (the story pass; in the linkage the same test cost recall: storyfix22's notes)."""
    at = parts.heaviest_terms(shared, prod)
    if len(at) < 2:
        return False
    name = parts.ix.name
    if any(name[int(shared[j])] for j in range(len(shared)) if j not in at):
        return False
    rarer = min((int(shared[j]) for j in at), key=lambda t: int(parts.ix.df[t]))
    return len({story_of(d) for d in parts.articles(rarer).tolist()} - mine) >= options.lone_stories


def _one_word(
    shorter: int,
    dot: float,
    prod: np.ndarray,
    options: StoryOptions,
    shared: np.ndarray | None = None,
    parts: _NameParts | None = None,
    pair: bool = False,
) -> bool:
    """Two lone articles (``shorter``: the distinct terms of the shorter; ``dot``: their similarity, the sum of
    ``prod``, their shared terms' products) alike only through their heaviest shared term: the shorter a title
    and a sentence or two (under ``short_terms``), and less than ``one_term`` of ``link`` left without that term.
    A lone heavy word of two short texts ("mining", "Kenya") is no story (the linkage and the story pass). Two
    that share ``one_few`` terms or fewer need ``one_few_term`` of ``link`` left: what a subject's two news share
    besides its name is a word or two of its kind ("Velden" and "mayor"; "Orsby", "coach" and "manager"), while
    two short reports of one event share its place, people, day and event words, more terms (round 21).
    Two longer articles (the shorter ``short_terms`` distinct terms or more) are judged so too when they share
    ``long_few`` terms or fewer (``one_few_term``): each has ``top_terms`` terms, and two reports of one event
    share many of them (its place, people, figures, event words), while two pieces on one subject's two news
    share its name and a word or two of its kind ("Thailand" and "election" in a campaign feature and a
    profile days apart; round stories25).
    With ``pair`` (two lone texts more than ``same_days`` apart: the linkage's and the story pass's 1+1 pairs)
    and ``long_one``, two longer articles that share more than that are judged too, by ``one_term``: a few more
    shared words of the pages of a person or a company in the news (its platform, a leader's name) do not make
    two of its news weeks apart one event when nearly all the likeness is its name (an outlet's two features;
    round stories26). Not within ``same_days``: two reports of one event in a small place owe most to its name.
    Not for a lone text joining a group: a named event's long reports days apart (a leak named for its papers)
    owe most to its name.
    With ``parts`` (and ``shared``, the terms of ``prod``), a name written as two words is one heavy word
    ("Elon Musk" in two entries on two of his companies' news)."""
    longer = shorter >= options.short_terms and len(prod) > options.long_few  # two long texts sharing more
    if not len(prod) or (longer and not (pair and options.long_one)):
        return False
    heaviest = parts.heaviest(shared, prod) if parts is not None and shared is not None else float(prod.max())
    share = options.one_few_term if len(prod) <= options.one_few and not longer else options.one_term
    return dot - heaviest < share * options.link


def _near_link_kind(
    avg: float,
    gap: float,
    a: tuple[int, list[int]],
    b: tuple[int, list[int]],
    near: tuple[float, list[float], list[float], bool],
    heads: _Headlines | None,
    options: StoryOptions,
) -> str:
    """Which of :func:`_near_link`'s links merges two groups (tooling: ``python -m tests.stories_feeds
    --joined``): "headline", "nearest headline", "name", or "" for none."""
    if _headline_link(avg, gap, a, b, heads, options):
        return "headline"
    if _nearest_headline_link(gap, near, a, b, heads, options):
        return "nearest headline"
    return "name" if _name_link(avg, gap, a, b, heads, options) else ""


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
    event. A story of two articles takes in only what is ``cohesion_pair`` times as alike as its two articles
    are to each other (the linkage and the pass): two reports of a budget vote and two of trade talks the
    same week are alike through their country's, capital's and leader's names only, far less than each
    pair's own reports are."""
    for (total, size), other in ((a, b[1]), (b, a[1])):
        share = options.cohesion_lone if lone and other <= 2 else options.cohesion
        if size >= options.cohesion_min and cross < share * total / (size * (size - 1) / 2):
            return False
        if size == 2 and cross < options.cohesion_pair * total:
            return False
    return True


class _Recurrences:
    """Two groups a year or more apart (the caller times them) are two occurrences of one kind of event, not a
    story and its follow-up, when each gives figures of its own (a precise figure, :attr:`_Index.figure`, or
    a score or tally, :func:`~claimcheck.stories.terms.score_figure`, in an article's title or lead) and
    they share none: next season's final between the same two teams at the same ground, next year's festival
    in the same town, name the same teams, places and people as last year's but report their own score,
    crowd and takings. A follow-up repeats the story's figures, or gives none of its own (an inquiry's
    finding, a trial), and is left to the other rules. Read from the index when asked (groups a year apart
    are few), each article once: no array per article or per term is made."""

    def __init__(self, ix: _Index) -> None:
        self.ix = ix
        self.scores = np.array(ix.terms.scores, dtype=np.int64)
        self.known: dict[int, bool] = {}  # article -> whether it gives a figure, once asked

    def counted(self, terms: np.ndarray) -> np.ndarray:
        return self.ix.figure[terms] | np.isin(terms, self.scores)

    def gives(self, members: Sequence[int]) -> bool:
        for i in members:
            got = self.known.get(i)
            if got is None:
                got = self.known[i] = bool(self.counted(self.ix.term[self.ix.rows(i)]).any())
            if got:
                return True
        return False

    def __call__(self, a: Sequence[int], b: Sequence[int], shared: np.ndarray) -> bool:
        """Whether groups ``a`` and ``b`` (their articles), sharing the terms ``shared``, are two occurrences."""
        return not bool(self.counted(shared).any()) and self.gives(a) and self.gives(b)


# Capitalised words that name no place or body: days and months (a name by their spelling, in any window).
_CALENDAR_TEXT = (
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december"
)


def _unique_ints(x: np.ndarray) -> list[int]:
    return np.unique(x).tolist() if len(x) else []


# The endings English makes a demonym or adjective of a place name with, and what each takes off the name's end
# ("Kenya" / "Kenyan", "Siberia" / "Siberian", "Tigray" / "Tigrayan", "Chile" / "Chilean", "Iraq" / "Iraqi",
# "Taiwan" / "Taiwanese", "Ukraine" / "Ukrainian"): (ending, what the place ends with instead)
_PLACE_ENDINGS = (("n", ""), ("an", ""), ("i", ""), ("ese", ""), ("ian", "e"))
_PLACE_LEAST = 6  # the place's letters at least: "Julia" / "Julian", "Maria" / "Marian" are people (short country names: the lexicon)


def _place_of(term: str, ids: dict[str, int], named: np.ndarray) -> str | None:
    """The place a name is the demonym or adjective of by its ending (:data:`_PLACE_ENDINGS`), when that place is
    a name of the window too (both spellings capitalised in running text): a region or a country the lexicon
    (:data:`~claimcheck.stories.synonyms.DEMONYMS`) does not list ("Tigrayan", "Sardinian", "Patagonian"). The
    first ending that fits, the longest place first."""
    for ending, instead in sorted(_PLACE_ENDINGS, key=lambda e: len(e[0]) - len(e[1])):
        if term.endswith(ending):
            place = term[: len(term) - len(ending)] + instead
            k = ids.get(place)
            if len(place) >= _PLACE_LEAST and k is not None and bool(named[k]):
                return place
    return None


class _Places:
    """To tell one kind of event the same day in different places or of different bodies (two countries'
    elections one Sunday, quakes in three places, three banks' results one morning), told in the same event
    words. An article's **distinctive names**: names (:attr:`_Index.name`; not a day or a month, not an acronym
    of four letters at most: "USD", "CEO") in its title and again in its lead, in at most ``place_share`` of the
    window's articles (as weighed: at most ``idf_window``; at least ``place_min``, as in a small window every
    name is rare): "Malatya", "Halvergate", "Portugal"; a name here is one that the window's running text
    capitalises mid-sentence (:attr:`_Index.in_text`), not a title's capitalised verb ("Slumps"). None from a title that capitalises its words
    ("Copper Prices Slide to Two-Year Low": :attr:`_Index.headline_case`), whose capitals are its style. A demonym
    counts as its country here ("Portuguese" / "Portugal", :data:`~claimcheck.stories.synonyms.DEMONYMS`, and one
    the lexicon lacks by its ending, :func:`_place_of`; an office before a name, "Governor", is no name; as
    terms they stay off, round 17). Two groups each with distinctive names, where neither names anywhere
    (titles and leads) a name of the other's titles, are two events (:meth:`apart`): one event's reports name
    its place or its people in each other's leads ("Lisbon" in one title, in another's lead)."""

    def __init__(self, ix: _Index, options: StoryOptions) -> None:
        self.ix, self.least, self.most = ix, options.place_words, options.place_most
        n_idf = min(ix.n, options.idf_window) if options.idf_window else ix.n
        cap = max(float(options.place_min), options.place_share * n_idf)
        ids = ix.terms.ids
        calendar = [ids[t] for w in _CALENDAR_TEXT.split() if (t := term_of(w)) is not None and t in ids]
        self.named = ix.name.copy() if ix.in_text is None else ix.name & ix.in_text
        self.named[calendar] = False
        if options.place_offices:  # an office written before a name ("Governor Pavel Lindenau") names no place or body
            self.named[[ids[t] for w in OFFICES if (t := term_of(w)) is not None and t in ids]] = False
        self.rare = self.named & (ix.df <= cap)
        self.fold = np.arange(len(ix.df), dtype=np.int32)
        for k in np.flatnonzero(self.named).tolist():
            country = _DEMONYMS.get(ix.terms.vocab[k])
            if country is None and options.place_suffixes:
                country = _place_of(ix.terms.vocab[k], ids, self.named)
            if country is not None and country in ids:
                self.fold[k] = ids[country]
        # per row of the index, while built: a distinctive name (in the title and the lead, rare, no acronym, the
        # title not in headline case); an article's names are read from its rows when asked (:meth:`article`)
        term = ix.term
        own = self.named[term] & ix.in_title
        own &= self.rare[term]
        if ix.in_lead is not None:
            own &= ix.in_lead
        if ix.headline_case is not None:
            own &= ~ix.headline_case[ix.doc]
        acronyms = [k for k in _unique_ints(term[own]) if len(f := ix.terms.form(k)) <= 4 and f.isupper()]
        own &= ~np.isin(term, acronyms)  # an acronym is as often a unit or a title ("USD", "CEO") as a body
        # per article (lists: read one article at a time): it has a distinctive name; it is too short
        self.has_own = (np.bincount(ix.doc[own], minlength=ix.n) > 0).tolist()
        self.brief = (ix.words < self.least).tolist() if ix.words is not None else [False] * ix.n
        self.known: dict[int, tuple[frozenset[int], frozenset[int]]] = {}  # per article
        # per group: its size when last asked and the same two sets then; its articles are a list that the
        # linkage extends at its end when the group takes another in, so only the new ones are added
        self.groups: dict[int, tuple[int, tuple[set[int], set[int]]]] = {}
        self.lengthy: dict[int, tuple[int, bool, bool]] = {}  # per group (its size then): no short text, and
        # an article with a distinctive name, in it

    def article(self, i: int) -> tuple[frozenset[int], frozenset[int]]:
        """Article ``i``'s title's names and its names (folded term ids)."""
        got = self.known.get(i)
        if got is None:
            rows = self.ix.rows(i)
            term = self.ix.term[rows]
            named = self.named[term]
            names = self.fold[term]
            got = self.known[i] = (
                frozenset(names[named & self.ix.in_title[rows]].tolist()),
                frozenset(names[named].tolist()),
            )
        return got

    def of(self, g: int, members: Sequence[int]) -> tuple[set[int], set[int]]:
        """Group ``g``'s (``members``: its articles) titles' names and names."""
        got = self.groups.get(g)
        if got is None or got[0] > len(members):
            got = (0, (set(), set()))
        done, (head, named) = got
        for i in members[done:]:
            h, n = self.article(i)
            head |= h
            named |= n
        self.groups[g] = (len(members), (head, named))
        return head, named

    def apart(self, a: tuple[int, Sequence[int]], b: tuple[int, Sequence[int]]) -> bool:
        """Whether groups ``a`` and ``b`` (group id, articles), both of articles with a distinctive name
        (:meth:`long`), are such that neither names (anywhere in its titles and leads) any name of the other's
        titles: one kind of event in two places (what they share is its event words and its day).

        With ``place_most`` (StoryOptions), "names" is: in most of its articles, and the two share at most one rare
        name (:attr:`rare`) anywhere. A report of another event that recalls this one ("the second strong quake this
        week after Chile's"; "a day after neighbouring Kestria raised rates") is one article of several naming its
        place once, in passing, while one event's reports share its town and its street or its people even when
        their titles name it each their own way (the country in the wire's, the street in the local paper's)."""
        if not (self.long(*a) and self.long(*b)):
            return False
        (ta, na), (tb, nb) = self.of(*a), self.of(*b)
        if self.most:
            rare = self.rare
            shared = sum(1 for t in na if t in nb and rare[t])
            return shared < 2 and not self._named(ta, b) and not self._named(tb, a)
        return ta.isdisjoint(nb) and tb.isdisjoint(na)

    def _named(self, names: set[int], group: tuple[int, Sequence[int]]) -> bool:
        """Whether one of ``names`` is named (titles and leads) by more than half of ``group``'s articles."""
        arts = group[1]
        return any(2 * sum(t in self.article(i)[1] for i in arts) > len(arts) for t in names)

    def long(self, g: int, members: Sequence[int]) -> bool:
        """Whether group ``g`` (``members``: its articles) has no text under ``place_words`` words (a feed entry:
        a title and a sentence or two; short texts have :func:`_distinct` and the one-word rules) and has an
        article with a distinctive name (the sets are built only then)."""
        done, ok, has = self.lengthy.get(g, (0, True, False))
        if done > len(members):
            done, ok, has = 0, True, False
        brief, mine = self.brief, self.has_own
        for i in members[done:]:
            ok = ok and not brief[i]
            has = has or mine[i]
        self.lengthy[g] = (len(members), ok, has)
        return ok and has

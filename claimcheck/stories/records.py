"""The records of grouping: ``Window`` (the articles to group, texts read on demand) and ``StoryOptions``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from claimcheck.models import Article, WindowRows


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
    cohesion_pair: float = 0.25  # a story of two takes in only what is this similar relative to its pair's
    # similarity (two events of one country or leader the same week, told in pairs; 0: no such rule)
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
    name_once: bool = True  # ... a name of two words counted once ("Hong Kong": one shared thing, _too_few)
    one_term: float = 0.7  # two lone articles, the shorter a title and a sentence or two (under short_terms
    short_terms: int = 30  # distinct terms), link only if still one_term of link alike without their heaviest
    # shared term: a lone heavy word ("mining", "Kenya") of two short texts is no story
    one_few: int = 6  # ... and two that share this many terms or fewer, one_few_term of link without it (a
    one_few_term: float = 0.85  # ... subject's name and a word of its kind: "Velden" "mayor"; 0 one_few: off)
    long_few: int = 3  # ... and two longer ones (neither short) that share this many of their top terms or
    # fewer, one_few_term of link without it too: a long text's 40 top terms shared by three is a subject
    # ("Thailand", "election"), not an event (0: no such rule)
    long_one: bool = True  # ... and two lone longer ones that share more, more than same_days apart, one_term
    # of link without it: two pieces on two news of a person or a company weeks apart owe all their likeness to
    # the name ("Elon Musk" and a word of its pages), two reports of one event the rest too (False: no such
    # rule; in the linkage's and the story pass's pairs of two lone texts only; round stories26)
    one_name: float = 0.8  # ... that term with the shared names found with it in this share of the window's
    # articles that have either (one name written as two words: "Elon Musk", "Super Bowl"; 0: no such rule)
    distinct: float = 0.75  # two groups of distinct_min+ articles, one of short ones (under short_terms on
    distinct_min: int = 3  # ... average), each with a name in this share of its articles that the other never
    # names, are two events told in the same words (two sets of talks in one city the same day; 0: no such rule)
    short_words: int = 100  # a text of fewer words (a feed entry: a title and a sentence or two) is short ...
    short_half_life: float = 2.0  # ... and a story with short texts keeps two of them together only when they
    short_days: float = 1.0  # ... are alike with their similarity halving every short_half_life days beyond
    # short_days between them (short reports of one event come within a day or two; 0: no such rule)
    one_term_groups: bool = True  # ... and a lone such text more than short_days from a group (medians) joins
    # it by the average only so too (their average without the heaviest shared term; False: no such rule)
    short_one: bool = True  # ... and what two of them days apart owe to one heavy word of their own alone
    # fades too, as broad terms do (a festival's "carnival" in entries on three cities' parades; False: no)
    outlet_days: float = 1.0  # two groups all of one and the same outlet, more than this many days apart (their
    outlet_term: float = 0.85  # ... medians), merge only when still this share of link alike (undamped) without
    # their heaviest shared term (a name of two words one term): an outlet reports a development once, so its
    # two pieces days apart are two developments of a subject unless they share more than its name. 0: no such
    # rule; 0.85, the default since 2026-12-02, is the measured setting (round 22, docs/evaluation-stories.md)
    demonyms: bool = False  # a demonym is its country's term ("Iranian" / "Iran", "French" / "France"): off, as
    # it joined more short entries of other news of one country than it joined reports of one event (round 17)
    places: bool = True  # two groups each with a distinctive name (a rare name in a title: in at most place_share
    place_share: float = 0.04  # ... of the window's articles, or place_min) where neither names any of the
    place_days: float = 2.0  # ... within this many days of each other (their medians; 1 before stories34), all texts of
    place_words: int = 30  # ... this many words or more (feed entries of a sentence or two: other rules)
    place_min: int = 10  # ... other's (as a rare name) are two events: one kind of event the same days in two
    # places or of two bodies (two countries' elections one Sunday; three banks' results; False: no such rule)
    place_most: bool = True  # ... "names" there: in most of the other's articles (False: in any of them)
    place_offices: bool = True  # ... an office before a name ("Governor", "President") is no name there
    place_suffixes: bool = True  # ... a demonym the lexicon lacks counts as its place there by its ending when the
    # place is a name of the window too ("Kestrian" / "Kestria", "Tigrayan" / "Tigray": links._place_of)
    foreign: float = 0.12  # an article whose distinct terms are this share other languages' function words
    foreign_min: int = 5  # ... and at least this many of them: those words are no terms of it ("der", "les")
    story_link: float = 0.2  # then a story joins the one whose summed vector is most like its own (cosine at
    story_days: float = 30.0  # ... least this, halving every this many days beyond same_days between their
    story_terms: int = 200  # ... nearest linked articles; this many heaviest terms a story; 0: no such pass)
    story_clear: float = 0.1  # ... or at least this when it is story_margin times its cosine with any other
    story_margin: float = 3.0  # ... story (the one story it is clearly about; 0: no such rule)
    story_siblings: bool = True  # ... a small story whose best is the same story is no rival: a sibling (an
    # event's briefs are like each other; each is still clearly about their story; False: every story a rival)
    story_alone: float = 0.12  # ... or, compared with no other story (no margin to measure), at least this
    story_near: float = 0.03  # the story pass compares stories that a candidate pair this alike links
    story_names: int = 3  # ... and, whatever the time between them, one clearly about a story before damping
    # (story_clear, story_margin) joins it when they share this many names or precise figures of their own
    story_again: bool = True  # ... then once more for the stories the pass made grow (their new neighbours)
    lone_stories: int = 3  # the story pass joins a lone short text (under short_terms) to a story through a name
    # of two words ("Super Bowl") that this many of the window's stories name only when they share another name
    # too (0: no such rule)
    recur_days: float = 330.0  # groups at least this many days apart that each give precise figures of their
    # own and share none are two occurrences of an event (next season's final, next year's festival): apart


@dataclass(frozen=True)
class StoryDetails:
    """What describing a story and finding its wire copies added to its skeleton (``find._skeleton``):
    kept for the story whose articles are ``ids`` (window ids, publication order), so that a later run
    over the same window lists it without the index or the texts."""

    ids: tuple[int | None, ...]
    label: str
    terms: tuple[str, ...]
    topic: str
    first_outlet: str | None
    independent_outlets: tuple[str, ...]
    syndicated: tuple[int, ...]  # indices into the story's articles of its wire copies


@dataclass
class StoryMemo:
    """What earlier runs over the very same window (same articles, outlets, options and code) worked out:
    its groups (window positions per story) and the details of the stories described so far, by story id.
    ``find`` reads it and adds what it works out; ``changed`` says whether it added anything. Keeping it
    between runs is the caller's (claimcheck.cli.storycache)."""

    groups: list[list[int]] | None = None
    details: dict[str, StoryDetails] = field(default_factory=dict)
    changed: bool = False


def _positions(window: Window) -> dict[str, int]:
    """url -> position in the window (the last, as a dict of the articles by url keeps)."""
    return {url: k for k, url in enumerate(window.rows.urls)}

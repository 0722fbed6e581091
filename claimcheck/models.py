"""Plain records passed between the stages (config, fetch, extract, claims, store, match, report)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal, TypedDict

ClaimKind = Literal["number", "quote", "citation", "statement"]


def _utc(record: object, *names: str) -> None:
    """All datetimes are UTC-aware: enforced here, where records are made. A naive one is taken as UTC,
    as every stage assumed when it read one (the parsers already hand over aware datetimes)."""
    for name in names:
        value = getattr(record, name)
        if value is not None and value.tzinfo is None:
            object.__setattr__(record, name, value.replace(tzinfo=UTC))

@dataclass(frozen=True)
class Interval:
    """A numeric value as an interval. ``None`` is an open end (unbounded).

    ``low_inclusive``/``high_inclusive`` say whether the bound itself belongs to the interval:
    "more than 430" is ``Interval(430, None, low_inclusive=False)``, "123" is ``Interval(123, 123)``.
    """

    low: float | None
    high: float | None
    low_inclusive: bool = True
    high_inclusive: bool = True

    @classmethod
    def exact(cls, value: float) -> Interval:
        return cls(value, value)

    def is_finite(self) -> bool:
        """Whether its bounds are finite numbers (an open bound is None): a figure of hundreds of digits is
        infinite as a float, and no quantity."""
        return all(b is None or math.isfinite(b) for b in (self.low, self.high))

    def overlaps(self, other: Interval) -> bool:
        """True when the two intervals share at least one value."""
        return _below(self, other) and _below(other, self)

    def contains(self, value: float) -> bool:
        return self.overlaps(Interval.exact(value))

    @property
    def midpoint(self) -> float | None:
        if self.low is not None and self.high is not None:
            return (self.low + self.high) / 2
        return self.low if self.low is not None else self.high

    def to_dict(self) -> dict[str, Any]:
        return {"low": _num(self.low), "high": _num(self.high)}

    def to_json(self) -> dict[str, Any]:
        """Full form, bounds' inclusiveness included (for storage)."""
        return {
            "low": _num(self.low),
            "high": _num(self.high),
            "low_inclusive": self.low_inclusive,
            "high_inclusive": self.high_inclusive,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Interval:
        return cls(
            data.get("low"),
            data.get("high"),
            bool(data.get("low_inclusive", True)),
            bool(data.get("high_inclusive", True)),
        )


def _below(a: Interval, b: Interval) -> bool:
    """True when a's low end is not above b's high end (so they can meet from a's side)."""
    if a.low is None or b.high is None:
        return True
    if a.low < b.high:
        return True
    return a.low == b.high and a.low_inclusive and b.high_inclusive


def _num(x: float | None) -> float | int | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else x


class ClaimDetails(TypedDict, total=False):
    """A claim's details beyond its normalised fields: what claims/ finds and match/ reads (``Claim.extra``).

    Stored as they are, in the ``extra`` object of the claims table's JSON column. A key is present only
    when the extractor found something for it (never ``None``); ``sentence_start`` is always there.
    """

    sentence_start: int  # every kind: offset of the claim's (first) sentence in the article text
    parts: list[list[int]]  # quote: [start, end] article offsets of each piece of a quote split by "he said"
    credit: str  # quote: the role its speaker is credited with as written ("the minister") when ``speaker`` names whom it points back to
    norm: str | list[str]  # quote: its lowercased words joined by spaces; statement: its content words
    outlet: bool  # citation: the credit names a known outlet (``cites`` is its id), not a source as written
    cue: str  # citation: how the credit was made: "according to", "said", or "outlet" (an outlet named)
    context: list[str]  # number: content words around the number, nearest first
    measure: str  # number: the dimension of its unit (a measure, money or percent; see claims/measures.py)
    measured: str  # number: what a measure describes ("bear" in "a 300-pound bear")
    role: str  # number: the role of what is counted, one of claims/roles.py ROLES ("deaths", "injured", ...)
    unit_role: str  # number: who generic "people" are: the role, or "(political) prisoners" when held
    unit_written: str  # number: the noun as written when the role replaced it as the unit ("others")
    score: str  # number: a sports score or record, canonical ("34-6": the higher figure first; records as written)
    ordinal: bool  # number: an ordinal of a counted thing ("its sixth test": 6 tests), never a count of it
    age_of: str  # number: an age of a person (unit "age"): the person noun holding it ("man", "suspect"; "" for "the 18-year-old")
    age_name: str  # number: an age said of a named person ("18-year-old Jo Reyes"): the name as written
    unit_inferred: bool  # number: the unit is not written beside the number (from the role or the sentence before)
    whole: bool  # number: the bare whole of a part told with it ("20" in "was 12 of 20"; the part's unit is "of 20")


@dataclass(frozen=True)
class Claim:
    """One checkable statement inside one article's text.

    ``start``/``end`` are character offsets of ``text`` (the span) in the article text, so
    ``article_text[start:end] == text``. ``sentence`` is the whole sentence holding the span.
    ``extra`` holds the kind's details (``ClaimDetails``: every key claims/ writes and match/ reads).
    """

    kind: ClaimKind
    text: str
    sentence: str
    start: int
    end: int
    value: Interval | None = None
    unit: str | None = None
    qualifier: str | None = None
    when: str | None = None
    speaker: str | None = None
    cites: str | None = None
    extra: ClaimDetails = field(default_factory=lambda: ClaimDetails())

    def fields_json(self) -> dict[str, Any]:
        """The normalised fields, as stored in the claims table's JSON column."""
        return {
            "value": self.value.to_json() if self.value else None,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "when": self.when,
            "speaker": self.speaker,
            "cites": self.cites,
            "extra": dict(self.extra),
        }

    @classmethod
    def from_row(
        cls, kind: str, text: str, sentence: str, start: int, end: int, fields: Mapping[str, Any]
    ) -> Claim:
        value = fields.get("value")
        return cls(
            kind=kind,  # type: ignore[arg-type]  # a stored row's kind: written from a Claim's ClaimKind
            text=text,
            sentence=sentence,
            start=start,
            end=end,
            value=Interval.from_json(value) if value else None,
            unit=fields.get("unit"),
            qualifier=fields.get("qualifier"),
            when=fields.get("when"),
            speaker=fields.get("speaker"),
            cites=fields.get("cites"),
            extra=fields.get("extra") or ClaimDetails(),  # as stored from a Claim's ClaimDetails
        )


@dataclass(frozen=True)
class Defaults:
    """Fetching settings from the ``defaults`` block of sources.yaml."""

    user_agent: str = "claimcheck/0.1 (+https://github.com/claimcheck/claimcheck)"
    timeout: float = 20.0
    concurrency: int = 16
    per_host: int = 2
    max_bytes: int = 5_000_000
    delay: float = 0.0  # minimum seconds between two requests to one host (robots.txt Crawl-delay may ask more)
    extract_timeout: float = 30.0  # seconds one page's extraction may take before it fails alone


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    homepage: str | None = None
    country: str | None = None
    language: str | None = None
    wire: bool = False
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    enabled: bool = True
    allow_private: bool = False  # its feeds' own hosts may be private or loopback addresses (opt-in)
    allow_private_hosts: tuple[str, ...] = ()  # more such hosts its links may reach: "host" or "host:port"

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the outlet is cited by: its name first, then its aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Sources:
    path: str
    defaults: Defaults
    outlets: tuple[Outlet, ...]

    def outlet(self, outlet_id: str) -> Outlet | None:
        return next((o for o in self.outlets if o.id == outlet_id), None)

    def alias_map(self) -> dict[str, str]:
        """Every name any outlet is cited by (lower case) -> outlet id."""
        out: dict[str, str] = {}
        for o in self.outlets:
            for name in (*o.names, o.id):
                out.setdefault(name.lower(), o.id)
        return out


def known_outlets(sources: Sources | None, stored: Iterable[Outlet], ids: Iterable[str]) -> dict[str, Outlet]:
    """The configured outlets, then those the store recorded that are no longer configured (as recorded: a wire
    keeps its flag and names, so its copies are wire copy whether or not ``--source`` keeps it), then any other of
    ``ids`` under its id."""
    outlets = {o.id: o for o in sources.outlets} if sources is not None else {}
    outlets.update((o.id, o) for o in stored if o.id not in outlets)
    for oid in ids:
        if oid not in outlets:
            outlets[oid] = Outlet(oid, oid)
    return outlets


@dataclass(frozen=True)
class FeedEntry:
    """One item of an RSS/Atom feed or a news sitemap."""

    link: str
    guid: str | None = None
    title: str | None = None
    summary: str | None = None
    author: str | None = None
    published: datetime | None = None

    def __post_init__(self) -> None:
        _utc(self, "published")


MAX_FEED_ENTRIES = 5_000  # the entries of one RSS or Atom feed that are read (see ingest/feeds._cap_entries)


@dataclass(frozen=True)
class ParsedFeed:
    """A parsed feed or sitemap (ingest/feeds.py). Here, not there, so that the fetching process can take
    one from a worker without importing feedparser."""

    entries: tuple  # tuple[FeedEntry, ...]
    title: str | None = None
    sitemaps: tuple[str, ...] = ()  # child sitemaps of a sitemap index
    skipped: int = 0  # entries without a usable link
    capped: int = 0  # entries past feeds.MAX_FEED_ENTRIES, left out (the newest are kept)


@dataclass(frozen=True)
class ExtractedPage:
    """What the extract stage gets out of one HTML page."""

    text: str
    title: str | None = None
    author: str | None = None
    published: datetime | None = None
    canonical_url: str | None = None
    # ISO 639-1 code: the page's declared language from extract_page, the article's (claims.language.
    # decide_language) once the worker has read the text; None when nothing tells
    language: str | None = None
    # the date the page's own tags give, before a feed's, and whether it is a day or a time without its zone:
    # another outlet whose feed lists the page reads its date from them (ingest.extract.published_for)
    page_published: datetime | None = None
    page_published_local: bool = False

    def __post_init__(self) -> None:
        _utc(self, "published", "page_published")


@dataclass(frozen=True)
class Article:
    outlet: str
    url: str
    canonical_url: str
    title: str
    text: str
    content_hash: str
    fetched: datetime
    author: str | None = None
    published: datetime | None = None
    claims: tuple[Claim, ...] = ()
    id: int | None = None
    language: str | None = None  # ISO 639-1 (claims.language.decide_language); only English gets claims
    # Other outlets whose feeds list this same page (stored once, under this outlet: store/owner.py), as the
    # store reads them (search, articles_by_id); sorted ids, empty when none or not read.
    also_listed: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _utc(self, "fetched", "published")


# --- matching and comparison (claimcheck.match, claimcheck.compare) ---

Fidelity = Literal["verbatim", "trimmed", "paraphrased"]


@dataclass(frozen=True)
class Mention:
    """One claim of one article inside a fact: the evidence for one cell of the attribution table."""

    outlet: str
    url: str
    title: str
    published: datetime | None
    claim: Claim
    syndicated: bool = False
    fidelity: Fidelity | None = None  # quotes only: how faithfully this mention carries the quote

    def __post_init__(self) -> None:
        _utc(self, "published")


@dataclass(frozen=True)
class Conflict:
    """A mention whose value disagrees with the fact's value (disjoint intervals, close in size)."""

    outlet: str
    value: Interval
    sentence: str
    url: str


@dataclass(frozen=True)
class Link:
    """Why two mentions of a fact were matched (``--explain``): indexes into ``Fact.mentions``."""

    a: int
    b: int
    score: float
    rule: str


@dataclass(frozen=True)
class Fact:
    """A cluster of claims from one or more outlets that state the same thing."""

    id: str
    kind: ClaimKind
    summary: str
    mentions: tuple[Mention, ...]
    outlets: tuple[str, ...]  # deduplicated, in order of first publication
    independent_outlets: tuple[str, ...]  # outlets with at least one non-syndicated mention
    first_outlet: str | None = None
    first_published: datetime | None = None
    value: Interval | None = None
    unit: str | None = None
    when: str | None = None
    speaker: str | None = None
    cited_sources: tuple[str, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    links: tuple[Link, ...] = ()
    # a count whose figure was updated over time (a rising toll): ``value`` is the latest figure,
    # each mention keeps the figure it reported, and the earlier figures are not conflicts
    evolving: bool = False

    def __post_init__(self) -> None:
        _utc(self, "first_published")


@dataclass(frozen=True)
class Citation:
    """Who cites whom: ``outlet`` credits ``cited`` in ``articles`` of its articles."""

    outlet: str
    cited: str
    articles: int


@dataclass(frozen=True)
class OutletCount:
    """An outlet considered by a comparison, with how many of its articles were picked."""

    id: str
    name: str
    articles: int


@dataclass(frozen=True)
class CompareResult:
    """Everything a report shows: the picked articles' outlets, the facts, who cites whom."""

    topic: str
    generated_at: datetime
    since: datetime | None
    until: datetime | None
    outlets: tuple[OutletCount, ...]
    facts: tuple[Fact, ...]
    citations: tuple[Citation, ...] = ()
    article_count: int = 0
    syndicated: Mapping[str, str] = field(default_factory=dict)  # article url -> why it is wire copy
    known_outlets: Mapping[str, str] = field(default_factory=dict)  # every configured outlet: id -> name
    # article url -> the other outlets whose feeds list that same page (Article.also_listed), when any
    also_listed: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        _utc(self, "generated_at", "since", "until")


# --- stories (claimcheck.stories) ---


@dataclass
class WindowRows:
    """The articles of a stories window as columns, in id order, without their texts
    (``Store.window_rows``): a few hundred bytes an article, where an ``Article`` carries its text. The
    texts are read on demand (``Store.cut_texts``)."""

    ids: list[int | None]
    outlets: list[str]
    urls: list[str]
    canonical_urls: list[str]
    titles: list[str]
    authors: list[str | None]
    published: list[datetime | None]
    fetched: list[datetime]

    def __len__(self) -> int:
        return len(self.ids)


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
    # The listing's own options that `compare --story ID` needs to find its stories again (--source, and
    # --since/--until when given): a story's id is that of its earliest article among those grouped.
    compare_options: tuple[str, ...] = ()
    # article id -> the other outlets whose feeds list that same page (Store.also_listed), when any
    also_listed: Mapping[int, tuple[str, ...]] = field(default_factory=dict)

"""A synthetic but realistic news corpus of any size, and a loopback server for it with per-request latency.

The corpus: N outlets x M articles. Every article tells one story from a shared pool of stories, so the
same numbers, quotes and statements recur across outlets, with the variation real copy has: qualifiers
("more than 120"), number words, trimmed quotes, the odd wrong figure, credits ("according to ..."),
and wire copy carrying a wire dateline. Pages weigh 50-150 KB, like real article pages: head metadata and
JSON-LD, inline scripts, navigation, related-story boxes, reader comments and a footer around the text.

Everything is invented (made-up places, people and outlets) and deterministic for a given seed.

The server (``python -m bench.corpus serve ROOT``) is an asyncio HTTP/1.1 server with keep-alive that
answers every request after a fixed delay without blocking, so at 50 ms and 50 requests in flight it is
never the bottleneck. It can listen on several loopback addresses (127.0.0.N) on one port, so that each
outlet can have its own host name. ``{{BASE}}`` in served files becomes ``http://<Host header>``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

PLACEHOLDER = b"{{BASE}}"
EPOCH = datetime(2025, 12, 1, 6, 0, tzinfo=UTC)

# --- invented names ---------------------------------------------------------------------------------

_SYL = [
    "ka",
    "lo",
    "ri",
    "ve",
    "ta",
    "mon",
    "sel",
    "dra",
    "bel",
    "vin",
    "cor",
    "ast",
    "yal",
    "per",
    "nor",
    "tem",
    "gal",
    "hes",
    "zan",
    "quel",
    "ord",
    "lis",
    "pra",
    "mur",
]
_FIRST = [
    "Anna",
    "Boris",
    "Clara",
    "Dmitri",
    "Elena",
    "Farid",
    "Greta",
    "Hugo",
    "Irena",
    "Jonas",
    "Kaveh",
    "Lena",
    "Marek",
    "Nadia",
    "Oskar",
    "Petra",
    "Rafael",
    "Sofia",
    "Tomas",
    "Ursula",
    "Viktor",
    "Wanda",
    "Yusuf",
    "Zora",
    "Amir",
    "Beata",
    "Cyril",
    "Daria",
    "Emil",
    "Frida",
]
_LAST = [
    "Adler",
    "Brandt",
    "Corvin",
    "Dalca",
    "Eskel",
    "Ferro",
    "Galan",
    "Horvat",
    "Ilves",
    "Jurek",
    "Kallas",
    "Lind",
    "Moreau",
    "Novak",
    "Orlov",
    "Pastor",
    "Quist",
    "Rostov",
    "Sandor",
    "Tamm",
    "Ulmer",
    "Varga",
    "Weiss",
    "Yilmaz",
    "Zeman",
    "Baros",
    "Calder",
    "Doring",
    "Esterh",
    "Falk",
]
_ROLES = [
    "the interior minister",
    "the mayor",
    "a government spokesperson",
    "the opposition leader",
    "the head of the regional emergency service",
    "a senior UN official",
    "the company's chief executive",
    "the health minister",
    "a union representative",
    "the prosecutor",
]
_OUTLET_A = [
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Daily",
    "Evening",
    "Morning",
    "National",
    "Continental",
    "Coastal",
    "Capital",
    "Free",
]
_OUTLET_B = [
    "Ledger",
    "Herald",
    "Tribune",
    "Courier",
    "Observer",
    "Gazette",
    "Chronicle",
    "Post",
    "Times",
    "Standard",
    "Dispatch",
    "Record",
]
_WIRES = ["Global Press Agency", "United Newswire", "Meridian News Service"]


def place_name(i: int) -> str:
    """A unique invented place name for story ``i``."""
    a, b, c = _SYL[i % len(_SYL)], _SYL[(i // len(_SYL)) % len(_SYL)], _SYL[(i * 7 + 3) % len(_SYL)]
    return (a + b + c).capitalize() + ("ia" if i % 3 == 0 else "")


def person(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


@dataclass(frozen=True)
class OutletInfo:
    id: str
    name: str
    aliases: tuple[str, ...]
    wire: bool


def make_outlets(n: int) -> list[OutletInfo]:
    """``n`` outlets; the first few (one in ten, at most three) are news agencies."""
    out: list[OutletInfo] = []
    wires = min(3, max(1, n // 10)) if n >= 3 else 0
    for i in range(n):
        oid = f"out{i + 1:02d}"
        if i < wires:
            name = _WIRES[i]
            short = "".join(w[0] for w in name.split())
            out.append(OutletInfo(oid, name, (short,), True))
        else:
            name = (
                f"The {_OUTLET_A[i % len(_OUTLET_A)]} {_OUTLET_B[(i // len(_OUTLET_A) + i) % len(_OUTLET_B)]}"
            )
            if any(o.name == name for o in out):
                name += f" {i + 1}"
            out.append(OutletInfo(oid, name, (), False))
    return out


# --- stories ---------------------------------------------------------------------------------------

# (subject, title, number facts (unit, predicate, low, high), statements, quote fragments)
_KINDS: list[tuple[str, str, list[tuple[str, str, int, int]], list[str], list[str]]] = [
    (
        "flood",
        "{place} floods force thousands from their homes",
        [
            ("families", "were moved to temporary shelters", 40, 900),
            ("homes", "were damaged by the water", 200, 6000),
            ("millimetres of rain", "fell in twenty-four hours", 60, 300),
            ("people", "died in the floods", 2, 40),
        ],
        [
            "The regional government declared a state of emergency in {place}.",
            "Engineers began inspecting the dams upstream of {place}.",
        ],
        [
            "we cannot keep asking people to pack their lives into a car every few weeks",
            "the water came faster than anyone in {place} had seen in living memory",
            "every family that lost a home will be helped before the winter",
        ],
    ),
    (
        "prisoners",
        "{place} frees political prisoners after talks with envoy",
        [
            ("political prisoners", "were released on Saturday", 40, 300),
            ("prisoners", "have been freed since July 2024", 200, 900),
            ("opposition figures", "remain in custody", 5, 60),
        ],
        [
            "The envoy said sanctions on potash exports from {place} would be lifted.",
            "The released prisoners were driven to the border with a neighbouring country.",
        ],
        [
            "we are happy to be free but our thoughts are with those still behind bars",
            "this is the beginning of a long road and not the end of it",
            "nobody in {place} should be jailed for what they think or say",
        ],
    ),
    (
        "strike",
        "Rail strike in {place} halts trains for a third day",
        [
            ("rail workers", "walked out over pay", 1000, 40000),
            ("trains", "were cancelled on Monday", 100, 3000),
            ("per cent pay rise", "was offered by the operator", 2, 9),
        ],
        [
            "The transport ministry called both sides to talks in {place}.",
            "Commuters in {place} were told to work from home where they could.",
        ],
        [
            "we did not want to strike but the offer left us no choice",
            "the railway cannot run on goodwill and overtime alone",
            "talks will resume as soon as the union calls off the action",
        ],
    ),
    (
        "wildfire",
        "Wildfire near {place} forces evacuations",
        [
            ("hectares", "have burned since the fire started", 500, 90000),
            ("residents", "were evacuated overnight", 300, 20000),
            ("firefighters", "are battling the blaze", 100, 2500),
            ("homes", "were destroyed", 10, 800),
        ],
        [
            "Authorities closed the main highway into {place}.",
            "Water-bombing aircraft were sent from two neighbouring regions to {place}.",
        ],
        [
            "the wind changed direction and the fire jumped the ridge within minutes",
            "please leave when you are told to leave and do not wait to see the flames",
            "we have never fought a fire this large so early in the season",
        ],
    ),
    (
        "budget",
        "{place} unveils budget with cuts to public spending",
        [
            ("billion dollars", "will be cut from public spending", 2, 60),
            ("per cent", "is the forecast growth rate", 1, 6),
            ("public sector jobs", "will go over three years", 1000, 30000),
        ],
        [
            "The finance minister presented the budget to parliament in {place}.",
            "Opposition parties in {place} said they would vote against the budget.",
        ],
        [
            "these are hard choices but they are the right choices for the country",
            "the budget asks the poorest to pay for the mistakes of the richest",
            "we will balance the books before the end of this parliament",
        ],
    ),
    (
        "quake",
        "Earthquake strikes {place}, buildings collapse",
        [
            ("people", "were killed in the earthquake", 3, 400),
            ("people", "were injured", 20, 3000),
            ("buildings", "collapsed in the old town", 10, 500),
            ("aftershocks", "were recorded overnight", 5, 120),
        ],
        [
            "Rescue teams searched the rubble of collapsed buildings in {place}.",
            "Schools in {place} were closed until engineers could check them.",
        ],
        [
            "the ground shook for almost a minute and then everything went dark",
            "we are still hearing voices under the rubble and we will not stop",
            "international help is welcome and it is already arriving in {place}",
        ],
    ),
]


@dataclass(frozen=True)
class NumberFact:
    value: int
    unit: str
    predicate: str


@dataclass(frozen=True)
class Story:
    id: int
    kind: str
    place: str
    title: str
    numbers: tuple[NumberFact, ...]
    statements: tuple[str, ...]
    quotes: tuple[tuple[str, str, str], ...]  # (speaker, role, words)
    day: datetime


def make_stories(n: int, seed: int = 1) -> list[Story]:
    """A pool of ``n`` stories, each with its own place, figures, statements and quotes."""
    rng = random.Random(seed * 7919 + 1)
    out = []
    for i in range(n):
        kind, title, nums, stmts, quotes = _KINDS[i % len(_KINDS)]
        place = place_name(i)
        out.append(
            Story(
                id=i,
                kind=kind,
                place=place,
                title=title.format(place=place),
                numbers=tuple(NumberFact(rng.randint(lo, hi), unit, pred) for unit, pred, lo, hi in nums),
                statements=tuple(s.format(place=place) for s in stmts),
                quotes=tuple((person(rng), rng.choice(_ROLES), q.format(place=place)) for q in quotes),
                day=EPOCH + timedelta(hours=rng.randint(0, 24 * 60)),
            )
        )
    return out


# --- article text ----------------------------------------------------------------------------------

_FILLER = [
    "The situation remained tense on {day}, with officials promising further updates later in the day.",
    "Residents described scenes of confusion as the news spread through the streets of {place}.",
    "Analysts said the events could shape the political agenda for months to come.",
    "Local businesses reported that trade had slowed sharply over the past week.",
    "Neighbouring governments have so far been cautious in their public statements.",
    "The story has dominated social media in the region since the weekend.",
    "Observers noted that similar events in the past had led to lasting changes in policy.",
    "A full inquiry is expected to report its findings early next year.",
]
_WHO = [
    "Residents",
    "Shopkeepers",
    "Teachers",
    "Commuters",
    "Farmers",
    "Doctors",
    "Students",
    "Taxi drivers",
    "Pensioners",
    "Volunteers",
]
_WHAT = [
    "the roads",
    "the schools",
    "local markets",
    "power supplies",
    "phone networks",
    "bus services",
    "the town hall",
    "the clinics",
    "the ferries",
    "the bakeries",
]
_STATE = [
    "had been disrupted",
    "were slowly returning to normal",
    "remained closed",
    "were overwhelmed",
    "had reopened",
    "were running on reduced hours",
]
_WHEN = ["on {day}", "since the weekend", "for several days", "throughout the week", "by the evening"]


def filler(rng: random.Random, place: str, day: str) -> str:
    """A background sentence with no figure in it: varied like real copy, not one boilerplate line."""
    if rng.random() < 0.5:
        return rng.choice(_FILLER).format(place=place, day=day)
    return (
        f"{rng.choice(_WHO)} in {place} said {rng.choice(_WHAT)} {rng.choice(_STATE)} "
        f"{rng.choice(_WHEN).format(day=day)}."
    )


_QUALIFIERS = [("", 6), ("more than ", 2), ("about ", 2), ("nearly ", 1), ("at least ", 1)]
_SMALL_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}


@dataclass
class Span:
    """A claim the generator wrote into an article: what a perfect extractor would find."""

    kind: str
    text: str
    sentence: str
    start: int
    end: int
    value: int | None = None
    qualifier: str = ""
    unit: str | None = None
    speaker: str | None = None
    cites: str | None = None


@dataclass
class ArticleText:
    story: Story
    outlet: OutletInfo
    title: str
    paragraphs: list[str]
    published: datetime
    author: str
    spans: list[Span] = field(default_factory=list)
    wire_copy: OutletInfo | None = None

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


def _qualified(rng: random.Random, value: int) -> tuple[str, str]:
    q = rng.choices([q for q, _ in _QUALIFIERS], [w for _, w in _QUALIFIERS])[0]
    if value in _SMALL_WORDS and rng.random() < 0.5:
        return q, _SMALL_WORDS[value]
    return q, f"{value:,}"


def write_article(
    story: Story, outlet: OutletInfo, outlets: list[OutletInfo], rng: random.Random, published: datetime
) -> ArticleText:
    """One outlet's article on ``story``: a subset of its facts in the outlet's own words, plus filler."""
    art = ArticleText(story, outlet, "", [], published, person(rng))
    wires = [o for o in outlets if o.wire and o.id != outlet.id]
    others = [o for o in outlets if o.id != outlet.id]
    if wires and not outlet.wire and rng.random() < 0.15:
        art.wire_copy = rng.choice(wires)
    art.title = (
        story.title if rng.random() < 0.5 else f"{story.title} ({rng.choice(['update', 'live', 'analysis'])})"
    )
    text_len = 0

    def add(par: str, spans: list[tuple[Span, int]] = ()) -> None:  # type: ignore[assignment]
        nonlocal text_len
        base = text_len + (1 if art.paragraphs else 0)
        for sp, off in spans:
            sp.start += base + off
            sp.end += base + off
            art.spans.append(sp)
        art.paragraphs.append(par)
        text_len = base + len(par)

    lead = (
        f"{story.place.upper()} ({art.wire_copy.aliases[0] if art.wire_copy and art.wire_copy.aliases else art.wire_copy.name}) - "
        if art.wire_copy
        else ""
    )
    add(lead + f"{story.title}, officials said on {story.day:%A}.")
    facts: list[str] = ["n"] * len(story.numbers) + ["q"] * len(story.quotes) + ["s"] * len(story.statements)
    rng.shuffle(facts)
    ni = qi = si = 0
    for f in facts:
        if f == "n":
            nf = story.numbers[ni]
            ni += 1
            if rng.random() < 0.3:
                continue
            value = nf.value
            if rng.random() < 0.06:  # the odd outlet gets a figure wrong
                value = max(1, round(value * rng.choice([0.9, 1.1, 1.2])))
            qual, shown = _qualified(rng, value)
            cite = rng.choice(others) if rng.random() < 0.2 and others else None
            head = f"{qual}{shown} {nf.unit}"
            sentence = f"Officials said {head} {nf.predicate} in {story.place}"
            sentence += f", according to {cite.name}." if cite else "."
            filler_ = filler(rng, story.place, f"{story.day:%A}")
            par = sentence + " " + filler_
            start = sentence.index(head)
            add(
                par,
                [
                    (
                        Span(
                            "number",
                            head,
                            sentence,
                            start,
                            start + len(head),
                            value,
                            qual.strip(),
                            nf.unit,
                            cites=cite.id if cite else None,
                        ),
                        0,
                    )
                ],
            )
        elif f == "q":
            speaker, role, words = story.quotes[qi]
            qi += 1
            if rng.random() < 0.35:
                continue
            ws = words.split()
            if rng.random() < 0.3 and len(ws) > 8:  # trimmed quote
                ws = ws[rng.randint(1, 2) : len(ws) - rng.randint(0, 2)]
            quote = " ".join(ws)
            quote = quote[0].upper() + quote[1:]
            par = f"\u201c{quote},\u201d said {speaker}, {role}."
            add(par, [(Span("quote", quote + ",", par, 1, 2 + len(quote), speaker=speaker), 0)])
        else:
            st = story.statements[si]
            si += 1
            if rng.random() < 0.4:
                continue
            add(st, [(Span("statement", st, st, 0, len(st)), 0)])
    for _ in range(rng.randint(3, 7)):
        add(" ".join(filler(rng, story.place, f"{story.day:%A}") for _ in range(3)))
    if art.wire_copy:
        add(f"Reporting by {person(rng)}; editing by {person(rng)} for {art.wire_copy.name}.")
    return art


# --- pages -----------------------------------------------------------------------------------------

_SECTIONS = [
    "World",
    "Politics",
    "Business",
    "Climate",
    "Science",
    "Health",
    "Sport",
    "Culture",
    "Opinion",
    "Travel",
    "Tech",
    "Video",
    "Live",
]
_COMMENT_BITS = [
    "This is exactly what I expected to happen.",
    "Does anyone have a link to the full report?",
    "Another 500 people will be affected next year, mark my words.",
    "The government knew about this for 10 years.",
    "Great reporting as always.",
    "I live nearby and it is much worse than described here.",
    "Why is nobody talking about the cost?",
    "Over 90% of us saw this coming.",
]


def _script_blob(rng: random.Random, size: int) -> str:
    parts = []
    n = 0
    while n < size:
        k = rng.randint(1000, 99999)
        s = (
            f'window.__cfg_{k}={{"id":{k},"ab":"{rng.choice("abcdef")}","slots":[{k % 7},{k % 11},{k % 13}],'
            f'"track":"https://metrics.invalid/t?e={k}&v=3"}};function f{k}(a,b){{return a*{k % 97}+b}}\n'
        )
        parts.append(s)
        n += len(s)
    return "".join(parts)


def page_html(art: ArticleText, url_path: str, rng: random.Random, target: int, *, dated: bool = True) -> str:
    """The article as a full page of about ``target`` bytes; ``dated=False`` leaves every machine-readable
    date out (meta tag, JSON-LD, ``<time>``), so only the feed entry carries the date."""
    o = art.outlet
    nav = "".join(f'<li><a href="{{{{BASE}}}}/{o.id}/{sec.lower()}/">{sec}</a></li>' for sec in _SECTIONS)
    body = "\n".join(f"<p>{p}</p>" for p in art.paragraphs)
    related = "".join(
        f'<li><a href="{{{{BASE}}}}/{o.id}/news/r{rng.randint(1, 99999)}.html">'
        f"{place_name(rng.randint(0, 5000))}: {rng.randint(2, 900)} things to know this week</a></li>"
        for _ in range(12)
    )
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": art.title,
            **({"datePublished": art.published.isoformat()} if dated else {}),
            "author": [{"@type": "Person", "name": art.author}],
            "publisher": {"@type": "Organization", "name": o.name},
        }
    )
    head = f"""<!DOCTYPE html>
<!-- Synthetic benchmark page generated by claimcheck bench/corpus.py. Invented text. -->
<html lang="en"><head><meta charset="utf-8">
<title>{art.title} | {o.name}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{art.paragraphs[0][:150]}">
<meta name="author" content="{art.author}">
<meta property="og:title" content="{art.title}">
<meta property="og:type" content="article">
{f'<meta property="article:published_time" content="{art.published.isoformat()}">' if dated else ""}
<link rel="canonical" href="{{{{BASE}}}}{url_path}">
<script type="application/ld+json">{ld}</script>
"""
    tail_open = f"""</head><body>
<div class="cookie-banner" role="dialog"><p>We and our {rng.randint(100, 900)} partners use cookies. Accept all?</p>
<button>Accept</button><button>Reject</button></div>
<header><nav class="main-nav"><ul>{nav}</ul></nav><nav class="sub-nav"><ul>{nav}</ul></nav></header>
<main><article><h1>{art.title}</h1><div class="byline">By {art.author}, {o.name}</div>
{f'<time datetime="{art.published.isoformat()}">{art.published:%d %B %Y}</time>' if dated else ""}
{body}
</article>
<aside class="related"><h2>More from {o.name}</h2><ul>{related}</ul></aside>
<aside class="most-read"><h2>Most read</h2><ol>{related}</ol></aside></main>
<section id="comments" class="comments"><h2>Comments</h2>
"""
    foot = f"""</section>
<footer><ul>{nav}</ul><p>Copyright 2025 {o.name}. All rights reserved.</p></footer>
</body></html>
"""
    comments = []
    size = len(head) + len(tail_open) + len(foot)
    for _ in range(rng.randint(5, 25)):
        c = (
            f'<div class="comment"><span class="user">{person(rng)}</span>'
            f"<p>{' '.join(rng.choice(_COMMENT_BITS) for _ in range(rng.randint(1, 4)))}</p></div>\n"
        )
        comments.append(c)
        size += len(c)
    script = f"<script>{_script_blob(rng, max(1000, target - size - 20))}</script>\n"
    return head + script + tail_open + "".join(comments) + foot


def rss(outlet: OutletInfo, items: list[tuple[str, ArticleText]]) -> str:
    out = []
    for path, art in items:
        out.append(
            f"<item><title>{art.title}</title><link>{{{{BASE}}}}{path}</link>"
            f'<guid isPermaLink="true">{{{{BASE}}}}{path}</guid>'
            f"<pubDate>{art.published:%a, %d %b %Y %H:%M:%S} +0000</pubDate>"
            f"<description>{art.paragraphs[0][:200]}</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>{outlet.name}</title><link>{{{{BASE}}}}/{outlet.id}/</link>"
        f"<description>Synthetic benchmark feed</description>{''.join(out)}</channel></rss>\n"
    )


# --- the corpus ------------------------------------------------------------------------------------


@dataclass
class Corpus:
    root: Path
    outlets: list[OutletInfo]
    stories: list[Story]
    pages: list[str]  # paths of the article pages, e.g. /out01/news/0001.html
    bytes: int

    def feed_path(self, outlet: OutletInfo) -> str:
        return f"/{outlet.id}/feed.xml"


def iter_articles(
    outlets: list[OutletInfo], per_outlet: int, stories: list[Story], seed: int = 1
) -> Iterator[tuple[str, ArticleText, random.Random]]:
    """Every (path, article) of the corpus, outlet by outlet; deterministic for a seed."""
    for o in outlets:
        rng = random.Random(f"{seed}/{o.id}")
        for k in range(per_outlet):
            story = rng.choice(stories)
            published = story.day + timedelta(minutes=rng.randint(5, 72 * 60))
            yield f"/{o.id}/news/{k:04d}.html", write_article(story, o, outlets, rng, published), rng


def generate(
    root: Path,
    n_outlets: int,
    per_outlet: int,
    *,
    seed: int = 1,
    stories: int | None = None,
    sizes: tuple[int, int] = (50_000, 150_000),
    undated_every: int = 0,
) -> Corpus:
    """Write the corpus under ``root`` (feeds and pages, ``{{BASE}}`` placeholders) and return its index.

    Pages weigh ``sizes`` bytes (low, high); with ``undated_every=N`` every N-th page carries no
    machine-readable date (the feed entry still does)."""
    root = Path(root)
    outlets = make_outlets(n_outlets)
    pool = make_stories(stories or max(6, per_outlet // 2), seed)
    pages: list[str] = []
    total = 0
    feeds: dict[str, list[tuple[str, ArticleText]]] = {o.id: [] for o in outlets}
    for n, (path, art, rng) in enumerate(iter_articles(outlets, per_outlet, pool, seed)):
        dated = not (undated_every and n % undated_every == undated_every - 1)
        html = page_html(art, path, rng, rng.randint(*sizes), dated=dated).encode("utf-8")
        f = root / path.lstrip("/")
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(html)
        total += len(html)
        pages.append(path)
        feeds[art.outlet.id].append((path, art))
    for o in outlets:
        (root / o.id / "feed.xml").write_text(rss(o, feeds[o.id]), encoding="utf-8")
    return Corpus(root, outlets, pool, pages, total)


def real_pages(source: Path) -> list[Path]:
    """The real article pages of ``source`` (shared/realdata/extraction-benchmark: ``html/*.html.gz``)."""
    return sorted((source / "html").glob("*.html.gz"))


def real_corpus(root: Path, n_outlets: int, per_outlet: int, source: Path) -> Corpus:
    """N outlets x M articles made of the real pages of ``source``, repeated in order across outlets
    (page k of the run is real page k mod 181), each outlet with an RSS feed of its pages and dates.

    The pages are written (decompressed, as they were) under ``root`` for the run only, never into
    the repository; they are served as ``text/html`` without a charset, as their own bytes say."""
    import gzip

    files = real_pages(source)
    if not files:
        raise FileNotFoundError(f"no real pages under {source}/html")
    outlets = make_outlets(n_outlets)
    pages: list[str] = []
    total = 0
    for i, o in enumerate(outlets):
        items = []
        for k in range(per_outlet):
            n = i * per_outlet + k
            path = f"/{o.id}/news/{k:04d}.htm"
            data = gzip.decompress(files[n % len(files)].read_bytes())
            f = root / path.lstrip("/")
            f.parent.mkdir(parents=True, exist_ok=True)
            f.write_bytes(data)
            total += len(data)
            pages.append(path)
            published = EPOCH + timedelta(minutes=37 * n)
            items.append(
                f"<item><title>Article {n + 1}</title><link>{{{{BASE}}}}{path}</link>"
                f'<guid isPermaLink="true">{{{{BASE}}}}{path}</guid>'
                f"<pubDate>{published:%a, %d %b %Y %H:%M:%S} +0000</pubDate></item>"
            )
        (root / o.id / "feed.xml").write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
            f"<title>{o.name}</title><link>{{{{BASE}}}}/{o.id}/</link>"
            f"<description>Benchmark feed of real pages</description>{''.join(items)}</channel></rss>\n",
            encoding="utf-8",
        )
    return Corpus(root, outlets, [], pages, total)


def sources_yaml(
    corpus: Corpus, base_for: dict[str, str], *, concurrency: int = 16, per_host: int = 2
) -> str:
    """sources.yaml for claimcheck pointing at the served corpus (``base_for``: outlet id -> base URL)."""
    lines = [
        "defaults:",
        '  user_agent: "claimcheck-bench/0.1"',
        "  timeout: 30",
        "  delay: 0",
        f"  concurrency: {concurrency}",
        f"  per_host: {per_host}",
        "outlets:",
    ]
    for o in corpus.outlets:
        lines += [
            f"  - id: {o.id}",
            f'    name: "{o.name}"',
            f"    aliases: {json.dumps(list(o.aliases))}",
            f"    wire: {'true' if o.wire else 'false'}",
            f'    feeds: ["{base_for[o.id]}{corpus.feed_path(o)}"]',
        ]
    return "\n".join(lines) + "\n"


# --- hosts ---------------------------------------------------------------------------------------


def host_name(outlet_id: str) -> str:
    """The outlet's own host name (the reserved .test TLD never resolves outside this machine)."""
    return f"www.{outlet_id}.bench.test"


def host_address(index: int) -> str:
    """Loopback address of the index-th outlet: 127.0.0.2, 127.0.0.3, ..."""
    if not 0 <= index < 250:
        raise ValueError("at most 250 outlet hosts")
    return f"127.0.0.{index + 2}"


# --- the server ------------------------------------------------------------------------------------

TYPES = {".html": "text/html; charset=utf-8", ".htm": "text/html", ".xml": "application/rss+xml; charset=utf-8"}


class _Files:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.raw: dict[str, bytes | None] = {}
        self.cache: dict[tuple[str, str], bytes] = {}
        self.requests = 0

    def get(self, path: str, host: str) -> tuple[int, bytes, str]:
        if path == "/__stats":
            return 200, json.dumps({"requests": self.requests}).encode(), "application/json"
        self.requests += 1
        key = (host, path)
        hit = self.cache.get(key)
        if hit is not None:
            return 200, hit, TYPES.get(os.path.splitext(path)[1], "application/octet-stream")
        if path not in self.raw:
            f = (self.root / path.lstrip("/")).resolve()
            ok = f.is_relative_to(self.root) and f.is_file()
            self.raw[path] = f.read_bytes() if ok else None
        data = self.raw[path]
        if data is None:
            return 404, b"not found", "text/plain"
        body = data.replace(PLACEHOLDER, f"http://{host}".encode())
        if len(self.cache) < 20_000:
            self.cache[key] = body
        return 200, body, TYPES.get(os.path.splitext(path)[1], "application/octet-stream")


class _Protocol(asyncio.Protocol):
    def __init__(self, files: _Files, latency: float) -> None:
        self.files = files
        self.latency = latency
        self.buf = b""
        self.transport: asyncio.Transport | None = None
        self.pending = 0
        self.close_after = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        self.buf += data
        while b"\r\n\r\n" in self.buf:
            head, self.buf = self.buf.split(b"\r\n\r\n", 1)
            lines = head.decode("latin-1").split("\r\n")
            parts = lines[0].split(" ")
            headers = {}
            for line in lines[1:]:
                k, _, v = line.partition(":")
                headers[k.strip().lower()] = v.strip()
            target = parts[1] if len(parts) > 1 else "/"
            path = urlsplit(target).path or "/"
            host = headers.get("host", "127.0.0.1")
            status, body, ctype = self.files.get(path, host)
            close = headers.get("connection", "").lower() == "close"
            reason = "OK" if status == 200 else "Not Found"
            resp = (
                f"HTTP/1.1 {status} {reason}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n"
                f"Connection: {'close' if close else 'keep-alive'}\r\n\r\n"
            ).encode() + (b"" if parts[0] == "HEAD" else body)
            delay = 0.0 if path == "/__stats" else self.latency
            asyncio.get_running_loop().call_later(delay, self._send, resp, close)

    def _send(self, resp: bytes, close: bool) -> None:
        if self.transport is None or self.transport.is_closing():
            return
        self.transport.write(resp)
        if close:
            self.transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        self.transport = None


async def _serve(root: Path, hosts: list[str], port: int, latency: float) -> None:
    files = _Files(root)
    loop = asyncio.get_running_loop()
    servers = []
    for h in hosts:
        srv = await loop.create_server(
            lambda: _Protocol(files, latency), h, port, backlog=1024, reuse_address=True
        )
        port = srv.sockets[0].getsockname()[1]
        servers.append(srv)
    print(f"PORT {port}", flush=True)
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    loop.add_reader(sys.stdin.fileno(), lambda: stop.set() if not sys.stdin.buffer.read1(1) else None)
    await stop.wait()
    for srv in servers:
        srv.close()


@contextmanager
def serve(root: Path, *, hosts: list[str] | None = None, latency: float = 0.05) -> Iterator[int]:
    """Run the server in its own process (so it never competes for the benchmark's GIL); yields its port.

    It stops when the block ends (its stdin closes).
    """
    cmd = [sys.executable, "-m", "bench.corpus", "serve", str(root), "--latency", str(latency)]
    for h in hosts or ["127.0.0.1"]:
        cmd += ["--host", h]
    repo = Path(__file__).resolve().parents[1]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=repo)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().decode().strip()
        if not line.startswith("PORT "):
            raise RuntimeError(f"corpus server did not start: {line!r}")
        yield int(line.split()[1])
    finally:
        if proc.stdin:
            proc.stdin.close()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.terminate()
            proc.wait(5)


def server_requests(port: int, host: str = "127.0.0.1") -> int:
    """How many requests the server has answered so far (its /__stats, not counted itself)."""
    import urllib.request

    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback only, never a proxy
    with opener.open(f"http://{host}:{port}/__stats", timeout=5) as r:
        return int(json.loads(r.read())["requests"])


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate", help="write a corpus to a directory")
    g.add_argument("root", type=Path)
    g.add_argument("--outlets", type=int, default=50)
    g.add_argument("--articles", type=int, default=40)
    g.add_argument("--seed", type=int, default=1)
    s = sub.add_parser("serve", help="serve a corpus directory on loopback")
    s.add_argument("root", type=Path)
    s.add_argument("--host", action="append", default=[])
    s.add_argument("--port", type=int, default=0)
    s.add_argument("--latency", type=float, default=0.05)
    a = p.parse_args(argv)
    if a.cmd == "generate":
        t = time.perf_counter()
        c = generate(a.root, a.outlets, a.articles, seed=a.seed)
        print(
            f"{len(c.pages)} pages, {c.bytes / 1e6:.1f} MB in {time.perf_counter() - t:.1f}s under {a.root}"
        )
    else:
        hosts = a.host or ["127.0.0.1"]
        if not all(h.startswith("127.") for h in hosts):
            p.error("loopback addresses only")
        asyncio.run(_serve(a.root, hosts, a.port, a.latency))


if __name__ == "__main__":
    main()

"""Facts on real reporting: serve each labelled event over loopback, fetch it, compare it, score the rows.

Run from the repository root:
  python -m tests.facts_eval [--split tune|heldout|all] [--half A|B] [--event NAME] [--round NAME] [-v] [--json]
  python -m tests.facts_eval --feeds ...   # the fresh feeds set instead: tests/facts_feeds.py

Per labelled event (tests/data/facts_labelled_tune.json, and facts_labelled_heldout.json when present) the
event's articles from ../shared/realdata/news-clusters are served on 127.0.0.1 as outlets (one per
source_domain, an RSS feed each, every article an HTML page built here from its title and paragraphs), the
real `claimcheck fetch` stores them in a fresh database, and the report is exactly what `claimcheck compare
--format json --min-outlets 1` gives for all the stored articles. Each JSON row is then mapped back to the
labels (mention url -> article, sentence -> character span) and scored:

- a row EVIDENCES a labelled fact when it is of the fact's kind and one of its mentions' sentences overlaps a
  labelled mention of the fact (for numbers, with a compatible value);
- fragmentation: the fewest rows evidencing a fact that together reach all its evidenced mentions (1.0 is
  perfect; a fact no row evidences counts 1, with recall 0): a row that reaches it only through sentences
  another row reaches holds another claim of those sentences, not a fragment of the fact;
- main row: the evidencing row with most of the fact's required outlets; attribution precision / recall over
  outlets against it (required: outlets with a labelled mention; optional and conflicting outlets count neither
  way; any other outlet in the row is a false one);
- false conflicts / false evolutions: facts whose main row carries a conflict that is not labelled, or says
  `evolving` for a fact not labelled evolving; merges: rows that are the main row of two or more facts.

Tuning and held-out figures are always reported separately; `-v` on held-out events needs --i-am-not-tuning.
`--half A|B` takes the tuning events of one half (`factlabels.half_of`: sha1 of "half:" + event, mod 2): A may
be studied, B is a check against overfitting A and prints its overall figures only (no events, no -v).
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape as xml_escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # as tests/conftest.py does, for `python -m tests.facts_eval` too

from factlabels import HELDOUT, TUNE, article, available, half_of, is_heldout, load  # noqa: E402
from loopback import Site  # noqa: E402

SPLITS = ("tune", "heldout")
FILES = {"tune": TUNE, "heldout": HELDOUT}
TITLE = None  # the span of a mention whose sentence is the article's title


# --- serving an event ---------------------------------------------------------------------------------


def outlet_id(domain: str) -> str:
    """A sources.yaml slug for a site: www.theguardian.com -> theguardian-com."""
    host = domain.lower().removeprefix("www.")
    return re.sub(r"[^a-z0-9]+", "-", host).strip("-")[:64] or "site"


def _published(doc: dict[str, Any]) -> datetime | None:
    raw = doc.get("date_publish")
    if not raw:
        return None
    try:
        when = datetime.fromisoformat(str(raw))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def paragraphs(doc: dict[str, Any]) -> list[str]:
    """The body's paragraphs: the text's lines, without a first line that only repeats the title."""
    lines = [ln.strip() for ln in doc["text"].split("\n")]
    if lines and _norm(lines[0]) == _norm(doc["title"]):
        lines = lines[1:]
    return [ln for ln in lines if ln]


def page_html(doc: dict[str, Any], site_name: str) -> str:
    """A plain news page: title, headline, byline, paragraphs; most pages carry article:published_time."""
    title = html.escape(doc["title"])
    head = [
        '<meta charset="utf-8">',
        f"<title>{title} | {html.escape(site_name)}</title>",
        f'<meta property="og:title" content="{title}">',
        f'<meta property="og:site_name" content="{html.escape(site_name)}">',
    ]
    when = _published(doc)
    if when and int(doc["dId"][:4], 16) % 5:  # about one page in five goes without the meta
        head.append(f'<meta property="article:published_time" content="{when.isoformat()}">')
    authors = [a for a in doc.get("authors") or [] if isinstance(a, str)]
    byline = f'<p class="byline">By {html.escape(", ".join(authors))}</p>' if authors else ""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs(doc))
    return (
        '<!doctype html>\n<html lang="en"><head>' + "".join(head) + "</head>\n<body>"
        f'<header><a href="/">{html.escape(site_name)}</a></header>\n'
        f"<main><article><h1>{title}</h1>{byline}\n{body}\n</article></main>\n"
        f"<footer><p>{html.escape(site_name)}</p></footer></body></html>\n"
    )


def feed_xml(items: Sequence[tuple[dict[str, Any], str]], site_name: str, home: str) -> str:
    out = []
    for doc, link in items:
        when = _published(doc)
        pub = f"<pubDate>{format_datetime(when)}</pubDate>" if when else ""
        out.append(
            f"<item><title>{xml_escape(doc['title'])}</title><link>{xml_escape(link)}</link>"
            f'<guid isPermaLink="true">{xml_escape(link)}</guid>{pub}</item>'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>{xml_escape(site_name)}</title><link>{xml_escape(home)}</link><description>news</description>"
        + "".join(out)
        + "</channel></rss>\n"
    )


@dataclass
class Served:
    """An event on the air: the site, its sources.yaml text, and page url -> article dId."""

    site: Site
    sources_yaml: str
    url_did: dict[str, str]
    outlet_domain: dict[str, str]


def serve_event(dids: Sequence[str]) -> Served:
    return serve_docs([article(did) for did in dids])


def serve_docs(docs: Sequence[dict[str, Any]]) -> Served:
    """Articles served as outlets (one per ``source_domain``), each doc shaped as the collection's
    (dId, title, text, source_domain, date_publish): the real events, or stories a test writes."""
    site = Site()
    by_outlet: dict[str, list[tuple[dict[str, Any], str]]] = defaultdict(list)
    outlet_domain: dict[str, str] = {}
    url_did: dict[str, str] = {}
    for doc in docs:
        did = doc["dId"]
        oid = outlet_id(doc["source_domain"])
        outlet_domain[oid] = doc["source_domain"]
        path = f"/{oid}/{did}.html"
        site.route(
            path, page_html(doc, doc["source_domain"]), headers={"Content-Type": "text/html; charset=utf-8"}
        )
        by_outlet[oid].append((doc, site.url(path)))
        url_did[site.url(path)] = did
    lines = ["defaults:", "  timeout: 30", "  concurrency: 16", "  per_host: 8", "  delay: 0", "outlets:"]
    for oid, items in sorted(by_outlet.items()):
        feed = f"/{oid}/rss.xml"
        site.route(
            feed,
            feed_xml(items, outlet_domain[oid], site.url(f"/{oid}/")),
            headers={"Content-Type": "application/rss+xml; charset=utf-8"},
        )
        lines += [
            f"  - id: {oid}",
            f"    name: {json.dumps(outlet_domain[oid])}",
            f"    homepage: {site.url(f'/{oid}/')}",
            f"    feeds: [{site.url(feed)}]",
        ]
    return Served(site, "\n".join(lines) + "\n", url_did, outlet_domain)


def fetch_and_compare(served: Served, workdir: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """The real `claimcheck fetch` into a fresh database, then compare's JSON for every stored article."""
    summary, sources, db = fetch_served(served, workdir)
    return summary, compare_json(sources, db)


def fetch_served(served: Served, workdir: Path) -> tuple[dict[str, Any], Path, Path]:
    """The real `claimcheck fetch` into a fresh database: its JSON summary, the sources file and the database."""
    sources = workdir / "sources.yaml"
    sources.write_text(served.sources_yaml, encoding="utf-8")
    db = workdir / "facts.db"
    args = ["fetch", "--sources", str(sources), "--db", str(db), "--json", *_fetch_opt_ins()]
    if IN_PROCESS:
        stdout, returncode, stderr = _fetch_in_process(args, workdir)
    else:
        env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMCHECK_")}
        env["CLAIMCHECK_HOME"] = str(workdir / "home")
        proc = subprocess.run(
            [sys.executable, "-m", "claimcheck", *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=workdir,
            timeout=600,
        )
        stdout, returncode, stderr = proc.stdout, proc.returncode, proc.stderr
    try:
        summary: dict[str, Any] = json.loads(stdout)
    except json.JSONDecodeError:
        raise RuntimeError(f"fetch exited {returncode}: {stderr.strip()[-500:]}") from None
    return summary, sources, db


# The quick tests set this (tests/test_facts_eval.py, tests/test_facts_feeds.py): the same `claimcheck fetch`
# command line run in the test's own process (typer's CliRunner, as the CLI tests run it) instead of a new
# process, which imports claimcheck and trafilatura again for every event. The evaluation's command runs it
# as a user does, in a process of its own.
IN_PROCESS = False


def _fetch_in_process(args: Sequence[str], workdir: Path) -> tuple[str, int, str]:
    """``claimcheck ARGS`` in this process, with the environment and working directory the subprocess gets."""
    from typer.testing import CliRunner

    from claimcheck.cli.app import app

    env: dict[str, str | None] = {k: None for k in os.environ if k.startswith("CLAIMCHECK_")}
    env["CLAIMCHECK_HOME"] = str(workdir / "home")
    before = Path.cwd()
    os.chdir(workdir)
    try:
        done = CliRunner().invoke(app, list(args), env=env)
    finally:
        os.chdir(before)
    if done.exception is not None and not isinstance(done.exception, SystemExit):
        raise done.exception
    return done.stdout, done.exit_code, done.stderr


@cache
def _fetch_opt_ins() -> tuple[str, ...]:
    """The options fetch needs here: loopback pages are fetched only on an explicit opt-in where fetch has one
    (``--allow-private``, asked of the same claimcheck the run uses); extraction runs in threads
    (``--workers 0``), which starts faster on a few pages."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMCHECK_")}
    env |= {"COLUMNS": "200", "NO_COLOR": "1"}
    helptext = subprocess.run(
        [sys.executable, "-m", "claimcheck", "fetch", "--help"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tempfile.gettempdir(),
        timeout=120,
    ).stdout
    return (*(o for o in ("--allow-private",) if o in helptext), "--workers", "0")


def stored_and_outlets(sources: Path, db: Path) -> tuple[list[Any], dict[str, Any]]:
    """Every article stored in ``db``, and the outlets of ``sources`` with any outlet only the store names."""
    from claimcheck.cli.common import load_sources
    from claimcheck.models import Outlet
    from claimcheck.store import Store

    cfg = load_sources(sources)
    with Store.open(db, create=False) as store:
        articles = [store.get_article(a.id) for a in store.iter_articles() if a.id is not None]
        names = store.outlet_names()
    stored = [a for a in articles if a is not None]
    outlets = {o.id: o for o in cfg.outlets}
    for a in stored:
        if a.outlet not in outlets:
            outlets[a.outlet] = Outlet(a.outlet, names.get(a.outlet, a.outlet))
    return stored, outlets


def compare_json(sources: Path, db: Path) -> dict[str, Any]:
    """What `claimcheck compare --format json --min-outlets 1` prints, over all stored articles."""
    from claimcheck.compare import CompareOptions, compare
    from claimcheck.render import render

    stored, outlets = stored_and_outlets(sources, db)
    result = compare("all stored articles", stored, outlets, CompareOptions(min_outlets=1))
    data: dict[str, Any] = json.loads(render(result, "json"))
    return data


# --- mapping the report back to the labels ------------------------------------------------------------

_QUOTES = str.maketrans(
    {c: "'" for c in "\u2018\u2019\u201a\u201b\u2032\u0060\u00b4"}
    | {c: '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"}
    | {c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"}
)


_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")  # soft hyphens, zero-width characters


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", _INVISIBLE.sub("", s.translate(_QUOTES))).strip()


@dataclass
class NormText:
    """A text with whitespace collapsed and quotes unified, and the map back to the original offsets."""

    norm: str
    pos: list[int]

    @classmethod
    def of(cls, text: str) -> NormText:
        out: list[str] = []
        pos: list[int] = []
        space = True  # drop leading space
        for i, ch in enumerate(text.translate(_QUOTES)):
            if _INVISIBLE.match(ch):  # stored text drops them ("Pram\u00adono", "with \u200ca loaded")
                continue
            if ch.isspace():
                if not space:
                    out.append(" ")
                    pos.append(i)
                space = True
                continue
            out.append(ch)
            pos.append(i)
            space = False
        return cls("".join(out), pos)

    def span(self, sentence: str) -> tuple[int, int] | None:
        needle = _norm(sentence)
        if not needle:
            return None
        i = self.norm.find(needle)
        if i >= 0:
            return self.pos[i], self.pos[i + len(needle) - 1] + 1
        # Extraction may differ inside the sentence: anchor on its two ends.
        if len(needle) >= 60:
            a, b = self.norm.find(needle[:40]), self.norm.find(needle[-40:])
            if a >= 0 and b >= a:
                return self.pos[a], self.pos[b + 39] + 1
        return None


@dataclass
class Row:
    id: str
    kind: str
    summary: str
    outlets: set[str]
    evolving: bool
    # per conflict: (article, span, "outlet value") when found in a body, None for a title's figure
    conflicts: list[tuple[str, tuple[int, int] | None, str] | None]
    spans: list[tuple[str, tuple[int, int], dict[str, Any] | None]]  # (article, span, value)
    unmapped: int = 0
    # a score row's two figures ("8-7 score: ..." -> (8, 7)): its claim states the loser's figure too
    pair: tuple[float, float] | None = None


_SCORE = re.compile(r"(\d+(?:\.\d+)?)[-\u2013](\d+(?:\.\d+)?) (?:score|vote)\b")


def score_pair(summary: str) -> tuple[float, float] | None:
    """The two figures of a score row's or a tally row's summary ("8-7 score: ...", "52-48 vote"), else None."""
    m = _SCORE.match(summary)
    return (float(m.group(1)), float(m.group(2))) if m else None


def map_rows(report: dict[str, Any], served: Served, event_dids: Sequence[str]) -> list[Row]:
    norms = {did: NormText.of(article(did)["text"]) for did in event_dids}
    titles = {did: _norm(article(did)["title"]) for did in event_dids}
    first_line = {did: len(article(did)["text"].split("\n", 1)[0]) for did in event_dids}
    by_domain: dict[str, list[str]] = defaultdict(list)
    for did in event_dids:
        by_domain[outlet_id(article(did)["source_domain"])].append(did)

    def locate(did: str, sentence: str) -> tuple[int, int] | None | bool:
        """The span, TITLE (None) for the title, False when the sentence is not in the text."""
        if _norm(sentence) in titles[did]:  # the title, or one sentence of it
            return TITLE
        span = norms[did].span(sentence)
        if span is None:
            return False
        if span[1] <= first_line[did] and _norm(article(did)["text"][: first_line[did]]) == titles[did]:
            return TITLE
        return span

    rows = []
    for f in report["facts"]:
        row = Row(f["id"], f["kind"], f["summary"], set(f["outlets"]), bool(f.get("evolving")), [], [])
        if f["kind"] == "number" and f.get("unit") in ("score", "vote"):  # a vote's tally states both too
            row.pair = score_pair(f["summary"])
        for m in f["mentions"]:
            did = served.url_did.get(m["url"]) or served.url_did.get(_strip(m["url"]))
            if did is None:
                did = _did_from_url(m["url"], event_dids)
            if did is None:
                row.unmapped += 1
                continue
            span = locate(did, m["sentence"])
            if span is False:
                row.unmapped += 1
            elif span is not None:
                row.spans.append((did, span, m.get("value")))
        for c in f.get("conflicts", []):
            what = f"{c['outlet']} {_show(c.get('value'))}"
            hit: tuple[str, tuple[int, int] | None, str] | None = ("", None, what)
            for did in by_domain.get(c["outlet"], []):
                span = locate(did, c["sentence"])
                if span is TITLE:
                    hit = None  # a title's figure: titles are not labelled, so it counts neither way
                elif span:
                    hit = (did, span, what)  # type: ignore[assignment]
                    break
            row.conflicts.append(hit)
        rows.append(row)
    return rows


def _show(value: dict[str, Any] | None) -> str:
    if not value:
        return "?"
    lo, hi = value.get("low"), value.get("high")
    return f"{lo:g}" if lo == hi and lo is not None else f"{lo}..{hi}"


def _strip(url: str) -> str:
    return url.split("#", 1)[0].split("?", 1)[0]


def _did_from_url(url: str, dids: Sequence[str]) -> str | None:
    stem = urlsplit(url).path.rsplit("/", 1)[-1].removesuffix(".html")
    return stem if stem in dids else None


# --- scoring ------------------------------------------------------------------------------------------


def compatible(got: dict[str, Any] | None, value: float, bound: str) -> bool:
    """Whether a reported value states the labelled figure: a range must hold it, an open or point value
    must name it (``more than 50`` names 50; an open ``at least 50`` does not name 400)."""
    if not got:
        return False
    lo, hi = got.get("low"), got.get("high")
    slack = abs(value) * (0.1 if bound == "about" else 0.01)  # rounding: 48.6 bn against 48.59 bn
    if lo is not None and hi is not None and lo != hi:
        return bool(lo - slack <= value <= hi + slack)
    point = lo if lo is not None else hi
    return point is not None and abs(point - value) <= max(slack, 1e-9)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evidenced(row: Row, fact: dict[str, Any]) -> set[int]:
    """The fact's labelled mentions (indexes) that the row's sentences state."""
    if row.kind != fact["kind"]:
        return set()
    out = set()
    for k, m in enumerate(fact["mentions"]):
        for did, span, value in row.spans:
            if did != m["article"] or not _overlap(span, (m["start"], m["end"])):
                continue
            bound = fact.get("bound", "exact")
            if fact["kind"] != "number" or compatible(value, m["value"], bound):
                out.add(k)
                break
            # a score states both figures: "an 8-7 win" is also the loser's 7 (the row's value is the 8)
            if row.pair and compatible({"low": row.pair[1], "high": row.pair[1]}, m["value"], bound):
                out.add(k)
                break
    return out


def evidences(row: Row, fact: dict[str, Any]) -> bool:
    return bool(evidenced(row, fact))


def fragments(covers: Sequence[set[int]]) -> int:
    """The fewest rows whose sentences together reach every mention any row reaches (greedy cover).

    A labelled mention is one sentence stating the fact once; a row holds one claim of an article. Two
    rows that reach the fact only through the same sentences hold two different claims of those
    sentences (two figures of one value, "three sacks and three hits"; two quotes in one sentence), and
    only one of them can be the labelled one: the other is not a fragment of the fact."""
    left = set().union(*covers) if covers else set()
    n = 0
    while left:
        best = max(covers, key=lambda c: len(c & left))
        left -= best
        n += 1
    return n


@dataclass
class FactScore:
    id: str
    rows: list[str]  # every row that evidences the fact
    cover: int  # the fewest of them that reach all its evidenced mentions (`fragments`)
    main: str | None
    required: set[str]
    predicted: set[str]
    tp: int
    fp: int
    fn: int
    false_conflict: bool
    false_evolving: bool
    notes: list[str] = field(default_factory=list)
    # a labelled conflict / evolution: whether its main row tells it (None: none labelled)
    conflict_found: bool | None = None
    evolving_found: bool | None = None

    @property
    def fragmentation(self) -> int:
        return max(1, self.cover)


@dataclass
class EventScore:
    event: str
    split: str
    sites: int
    facts: list[FactScore]
    merges: int
    rows: int
    unmapped: int
    fetched: int
    articles: int
    # every row of the report that shows a conflict / says evolving, labelled or not (most are of no labelled
    # fact: a made-up conflict anywhere in the table costs the reader's trust)
    conflict_rows: int = 0
    evolving_rows: int = 0

    def totals(self) -> Totals:
        return Totals.of([self])


@dataclass
class Totals:
    facts: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    fragments: int = 0
    rows: int = 0  # every row evidencing a fact (at least 1 per fact): the measure before the greedy cover
    false_conflicts: int = 0
    false_evolutions: int = 0
    merges: int = 0
    unmapped: int = 0
    conflicts_labelled: int = 0  # facts labelled with a conflict, and those whose main row tells one of them
    conflicts_found: int = 0
    evolutions_labelled: int = 0  # facts labelled evolving, and those whose main row says so
    evolutions_found: int = 0
    conflict_rows: int = 0  # rows of the reports showing a conflict / saying evolving, labelled or not
    evolving_rows: int = 0

    @classmethod
    def of(cls, events: Iterable[EventScore]) -> Totals:
        t = cls()
        for ev in events:
            t.facts += len(ev.facts)
            t.tp += sum(f.tp for f in ev.facts)
            t.fp += sum(f.fp for f in ev.facts)
            t.fn += sum(f.fn for f in ev.facts)
            t.fragments += sum(f.fragmentation for f in ev.facts)
            t.rows += sum(max(1, len(f.rows)) for f in ev.facts)
            t.false_conflicts += sum(f.false_conflict for f in ev.facts)
            t.false_evolutions += sum(f.false_evolving for f in ev.facts)
            t.merges += ev.merges
            t.unmapped += ev.unmapped
            t.conflicts_labelled += sum(f.conflict_found is not None for f in ev.facts)
            t.conflicts_found += sum(bool(f.conflict_found) for f in ev.facts)
            t.evolutions_labelled += sum(f.evolving_found is not None for f in ev.facts)
            t.evolutions_found += sum(bool(f.evolving_found) for f in ev.facts)
            t.conflict_rows += ev.conflict_rows
            t.evolving_rows += ev.evolving_rows
        return t

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def fragmentation(self) -> float:
        return self.fragments / self.facts if self.facts else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "facts": self.facts,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "fragmentation": round(self.fragmentation, 4),
            "rows_per_fact": round(self.rows / self.facts if self.facts else 1.0, 4),
            "false_conflicts": self.false_conflicts,
            "false_evolutions": self.false_evolutions,
            "merges": self.merges,
            "unmapped_mentions": self.unmapped,
            "conflicts_labelled": self.conflicts_labelled,
            "conflicts_found": self.conflicts_found,
            "evolutions_labelled": self.evolutions_labelled,
            "evolutions_found": self.evolutions_found,
            "conflict_rows": self.conflict_rows,
            "evolving_rows": self.evolving_rows,
        }


def score_facts(
    labels: dict[str, Any], rows: Sequence[Row], outlet_of: dict[str, str] | None = None
) -> tuple[list[FactScore], int]:
    """Per-fact scores of one event, and its number of merged rows. ``outlet_of``: article -> outlet id, when
    the articles are not news-clusters' (the feeds set's entries)."""
    dom = outlet_of or {did: outlet_id(article(did)["source_domain"]) for did in labels["articles"]}
    main_of: dict[str, list[str]] = defaultdict(list)
    scores = []
    for fact in labels["facts"]:
        required = {dom[m["article"]] for m in fact["mentions"]}
        neutral = {dom[d] for d in fact.get("optional", [])} | {
            dom[c["article"]] for c in fact.get("conflicts", [])
        }
        neutral -= required
        reach = [(r, c) for r in rows if (c := evidenced(r, fact))]
        hits = [r for r, _ in reach]
        main = max(
            hits,
            key=lambda r: (len(r.outlets & required), -len(r.outlets - required - neutral)),
            default=None,
        )
        predicted = set(main.outlets) if main else set()
        score = FactScore(
            fact["id"],
            [r.id for r in hits],
            fragments([c for _, c in reach]),
            main.id if main else None,
            required,
            predicted,
            tp=len(predicted & required),
            fp=len(predicted - required - neutral),
            fn=len(required - predicted),
            false_conflict=False,
            false_evolving=False,
        )
        if fact.get("conflicts"):
            score.conflict_found = False
        if fact.get("evolving"):
            score.evolving_found = False
        if main is None:
            score.notes.append("no row evidences it")
        else:
            main_of[main.id].append(fact["id"])
            labelled = [(c["article"], (c["start"], c["end"])) for c in fact.get("conflicts", [])]
            wrong = [
                c
                for c in main.conflicts
                if c is not None and not (c[1] and any(c[0] == d and _overlap(c[1], s) for d, s in labelled))
            ]
            if labelled and any(
                c is not None and c[1] and any(c[0] == d and _overlap(c[1], s) for d, s in labelled) for c in main.conflicts
            ):
                score.conflict_found = True
            if fact.get("evolving") and main.evolving:
                score.evolving_found = True
            if wrong:
                score.false_conflict = True
                shown = ", ".join(c[2] for c in wrong)
                score.notes.append(f"main row {main.id} has conflicts not labelled: {shown}")
            if main.evolving and not fact.get("evolving"):
                score.false_evolving = True
                score.notes.append(f"main row {main.id} says evolving")
            if score.cover > 1:
                score.notes.append(f"spread over {score.cover} rows: {', '.join(r.id for r in hits)}")
            if required - predicted:
                score.notes.append(f"missing outlets: {', '.join(sorted(required - predicted))}")
            if predicted - required - neutral:
                score.notes.append(f"extra outlets: {', '.join(sorted(predicted - required - neutral))}")
        scores.append(score)
    values = {f["id"]: f.get("value") for f in labels["facts"]}
    pairs = {r.id: r.pair for r in rows if r.pair}
    merged = {
        rid: fids
        for rid, fids in main_of.items()
        if len(fids) > 1 and not _figures_of_score(pairs.get(rid), [values[f] for f in fids])
    }
    for s in scores:
        if s.main in merged:
            s.notes.append(
                f"main row {s.main} is also the main row of {', '.join(f for f in merged[s.main] if f != s.id)}"
            )
    return scores, len(merged)


def _figures_of_score(pair: tuple[float, float] | None, values: Sequence[Any]) -> bool:
    """Whether the facts one row is the main row of are the two figures of the one score it states (the
    winner's and the loser's of "an 8-7 win": one claim stating two labelled numbers, not two facts joined)."""
    return pair is not None and pair[0] != pair[1] and sorted(values, reverse=True) == list(pair)


def evaluate_event(labels: dict[str, Any], split: str) -> tuple[EventScore, list[Row]]:
    dids = labels["articles"]
    served = serve_event(dids)
    try:
        with tempfile.TemporaryDirectory(prefix="claimcheck-facts-") as tmp:
            summary, report = fetch_and_compare(served, Path(tmp))
    finally:
        served.site.close()
    rows = map_rows(report, served, dids)
    facts, merges = score_facts(labels, rows)
    fetched = sum(o.get("new", 0) for o in summary.get("outlets", []))
    sites = len({article(d)["source_domain"] for d in dids})
    return (
        EventScore(
            labels["event"],
            split,
            sites,
            facts,
            merges,
            len(rows),
            sum(r.unmapped for r in rows),
            fetched,
            len(dids),
            sum(bool(r.conflicts) for r in rows),
            sum(r.evolving for r in rows),
        ),
        rows,
    )


def load_split(split: str) -> list[dict[str, Any]]:
    path = FILES[split]
    if not path.is_file():
        return []
    events: list[dict[str, Any]] = load(path)["events"]
    return events


# --- output -------------------------------------------------------------------------------------------


def print_event(score: EventScore, rows: Sequence[Row], verbose: bool, items: str = "articles", sites: str = "sites") -> None:
    """One event's line (``items``, ``sites``: what its documents and outlets are called), and with ``verbose``
    each fact that failed, with the rows holding it: what the matcher made of it."""
    warn = f"  ({score.fetched}/{score.articles} {items} stored)" if score.fetched < score.articles else ""
    if score.unmapped:
        warn += f"  ({score.unmapped} sentences not found in the text)"
    print(_line(f"{score.event} [{score.sites} {sites}]", score.totals(), warn))
    if not verbose:
        return
    by_id = {r.id: r for r in rows}
    for f in score.facts:
        if f.notes:
            print(f"    {f.id}: " + "; ".join(f.notes))
            for rid in f.rows:
                r = by_id[rid]
                print(f"        {rid} [{', '.join(sorted(r.outlets))}] {_safe(r.summary)[:70]}")


def _line(name: str, t: Totals, extra: str = "") -> str:
    return (
        f"{name[:44]:<44} {t.facts:>5} {t.precision:>5.2f} {t.recall:>5.2f} {t.f1:>5.2f} {t.fragmentation:>5.2f}"
        f" {t.false_conflicts:>4} {t.false_evolutions:>4} {t.merges:>4}{extra}"
    )


HEADER = (
    f"{'event':<44} {'facts':>5} {'P':>5} {'R':>5} {'F1':>5} {'frag':>5} {'fcon':>4} {'fevo':>4} {'mrg':>4}"
)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--feeds" in argv:  # the fresh feeds set: tests/facts_feeds.py
        from facts_feeds import main as feeds_main

        return feeds_main([a for a in argv if a != "--feeds"])
    ap = argparse.ArgumentParser(prog="python -m tests.facts_eval", description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("tune", "heldout", "all"), default="tune")
    ap.add_argument("--event", help="only this event")
    ap.add_argument("--round", help="only the events labelled in this round (their 'round' field: fresh10)")
    ap.add_argument("--half", choices=("A", "B"), help=HALF_HELP)
    ap.add_argument("-v", "--verbose", action="store_true", help="per fact, what went wrong")
    ap.add_argument("--json", action="store_true", help="the figures as JSON on stdout")
    ap.add_argument("--i-am-not-tuning", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    held = args.split != "tune" and (args.event is None or is_heldout(args.event))
    if args.verbose and held and not args.i_am_not_tuning:
        print(
            "error: -v on held-out events shows their failures; pass --i-am-not-tuning if you are not tuning",
            file=sys.stderr,
        )
        return 2
    if bad := half_refusal(args.half, args.split, args.verbose, args.event):
        print(bad, file=sys.stderr)
        return 2
    if not available():
        print("skipped: ../shared/realdata/news-clusters is absent", file=sys.stderr)
        return 0
    splits = SPLITS if args.split == "all" else (args.split,)
    todo = [
        (s, ev)
        for s in splits
        for ev in load_split(s)
        if args.event in (None, ev["event"])
        and args.round in (None, ev.get("round"))
        and args.half in (None, half_of(ev["event"]))
    ]
    if (args.event or args.round) and not todo:
        what = f"event {args.event!r}" if args.event else f"events of round {args.round!r}"
        print(f"error: no labelled {what} in split {args.split}", file=sys.stderr)
        return 2
    if not todo:
        print(f"error: no labelled events in split {args.split}", file=sys.stderr)
        return 1
    results: dict[str, list[EventScore]] = defaultdict(list)
    for split, labels in todo:
        try:
            score, rows = evaluate_event(labels, split)
        except (RuntimeError, OSError, subprocess.SubprocessError) as e:
            print(f"error: {labels['event']}: {e}", file=sys.stderr)
            return 1
        results[split].append(score)
        if not args.json and args.half != "B":
            if len(results[split]) == 1:
                print(f"\n{split}:\n{HEADER}")
            print_event(score, rows, args.verbose)
    print_totals(results, args.json, facts=args.verbose, name=f"half {args.half} " if args.half else "", events=args.half != "B")
    return 0


HALF_HELP = "only the tuning events of this half: A may be studied, B gives its overall figures only"


def half_refusal(half: str | None, split: str, verbose: bool, event: str | None) -> str | None:
    """Why ``--half`` cannot run with these options (None: it can): halves split the tuning events, and half B
    is read as figures only."""
    if half is None:
        return None
    if split != "tune":
        return "error: --half splits the tuning events only (--split tune)"
    if half == "B" and (verbose or event):
        return "error: half B is read as overall figures only (no -v, no --event)"
    return None



def print_totals(
    results: Mapping[str, Sequence[EventScore]],
    as_json: bool,
    *,
    facts: bool = False,
    name: str = "",
    sites: str = "sites",
    events: bool = True,
) -> None:
    """The overall lines per split (``name``: the set's, before the split), or with ``as_json`` the figures
    as JSON, per event too unless ``events`` is false (``sites``: what outlets are called; ``facts``: each
    event's facts as well)."""
    if as_json:
        out = {
            split: {
                "overall": Totals.of(evs).as_dict(),
                **({"events": [{"event": e.event, sites: e.sites, **e.totals().as_dict()} for e in evs]} if events else {}),
                **({"facts": [_fact_json(e) for e in evs]} if facts and events else {}),
            }
            for split, evs in results.items()
        }
        print(json.dumps(out, indent=1))
        return
    print()
    for split, evs in results.items():
        t = Totals.of(evs)
        rows_per = t.as_dict()["rows_per_fact"]
        told = (
            f"; labelled conflicts told {t.conflicts_found}/{t.conflicts_labelled},"
            f" evolutions {t.evolutions_found}/{t.evolutions_labelled}; rows with a conflict {t.conflict_rows},"
            f" evolving {t.evolving_rows}"
        )
        print(_line(f"overall {name}{split} ({len(evs)} events)", t, f"  (rows per fact {rows_per:.2f}{told})"))

def _safe(text: str) -> str:
    """Web text for the terminal: no control or bidi-override characters."""
    return re.sub(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", " ", text)


def _fact_json(ev: EventScore) -> dict[str, Any]:
    return {
        "event": ev.event,
        "facts": [
            {
                **{k: v for k, v in asdict(f).items() if k not in ("required", "predicted")},
                "required": sorted(f.required),
                "predicted": sorted(f.predicted),
            }
            for f in ev.facts
        ],
    }


if __name__ == "__main__":
    sys.exit(main())

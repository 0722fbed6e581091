"""Fact labels on real feed entries (../shared/realdata/news-feeds-2026-02): the text each entry is served as,
and the labels' loader and validator. By reference only: an entry is ``<feed stem>/<sha1 prefix of its link>``
(as tests/data/stories_feeds_labelled.json names it), a mention is character offsets into ``body(entry)`` and
the sha1 prefix of that span; no feed text is ever stored in the repository.

The text of an entry (what the eval serves as the page and what labels point into) is its title on the first
line, then its feed summary as plain text (tags stripped, entities decoded, whitespace collapsed). The feed's
summary (RSS description / Atom summary), not content:encoded: the headline and the summary are what every
feed carries. A title mention counts: in a feed, the headline is where a figure often lives.

Helper for labellers, run from the repository root:
  python -m tests.feedfacts show EVENT             # the event's entries, each with its text
  python -m tests.feedfacts find ENTRY "words"     # offsets and hash of the sentence holding the words
  python -m tests.feedfacts check                  # validate tests/data/facts_feeds_labelled.json
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from factlabels import BOUNDS, KINDS, sentence_span, sha12  # noqa: E402

FEEDS = ROOT.parent / "shared" / "realdata" / "news-feeds-2026-02"
GROUPS = ROOT / "tests" / "data" / "stories_feeds_labelled.json"
LABELS = ROOT / "tests" / "data" / "facts_feeds_labelled.json"
SCHEMA = "claimcheck.feedfactlabels/1"


@dataclass(frozen=True)
class FeedEntry:
    feed: str
    key: str  # first 12 hex of sha1(link)
    event: str
    title: str
    summary: str
    published: datetime | None

    @property
    def id(self) -> str:
        return f"{self.feed}/{self.key}"

    @property
    def text(self) -> str:
        return body(self.title, self.summary)


def body(title: str, summary: str) -> str:
    """The text an entry is served and labelled as: the title line, then the summary."""
    return f"{title}\n{summary}" if summary else title


def available() -> bool:
    return FEEDS.is_dir() and GROUPS.is_file()


def is_heldout(event: str) -> bool:
    """The feeds set's rule (tests/stories_feeds.py): an event is held out iff sha1(slug) % 3 == 0."""
    return int(hashlib.sha1(event.encode()).hexdigest(), 16) % 3 == 0


def split_of(event: str) -> str:
    return "heldout" if is_heldout(event) else "tune"


def plain(markup: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", markup))).strip()


@cache
def entries() -> dict[str, FeedEntry]:
    """Every grouped entry, by id, read from the feeds at run time (the first of a feed's repeated links)."""
    import feedparser

    doc = json.loads(GROUPS.read_text(encoding="utf-8"))
    event_of = {(x["feed"], x["link_sha1"]): x["event"] for x in doc["entries"]}
    out: dict[str, FeedEntry] = {}
    for stem in sorted({f for f, _ in event_of}):
        parsed = feedparser.parse((FEEDS / f"{stem}.xml").read_bytes())
        for e in parsed.entries:
            link = e.get("link") or e.get("id") or ""
            key = hashlib.sha1(link.encode()).hexdigest()[:12]
            if (stem, key) not in event_of or f"{stem}/{key}" in out:
                continue
            t = e.get("published_parsed") or e.get("updated_parsed")
            when = datetime(*t[:6], tzinfo=UTC) if t else None
            entry = FeedEntry(
                stem, key, event_of[(stem, key)], plain(e.get("title", "")), plain(e.get("summary", "")), when
            )
            out[entry.id] = entry
    return out


@cache
def events() -> dict[str, list[str]]:
    """Event slug -> its entries' ids, for the events with entries from two or more feeds."""
    by: dict[str, list[str]] = defaultdict(list)
    for eid, e in entries().items():
        by[e.event].append(eid)
    return {ev: sorted(ids) for ev, ids in sorted(by.items()) if len({i.split("/")[0] for i in ids}) >= 2}


def find(eid: str, words: str) -> tuple[int, int, str]:
    """Offsets and hash of the sentence of entry ``eid`` holding ``words`` (exactly once); the title line is
    one sentence."""
    text = entries()[eid].text
    hits = [m.start() for m in re.finditer(re.escape(words), text)]
    if len(hits) != 1:
        raise ValueError(f"{eid}: {words!r} found {len(hits)} times")
    title_end = len(entries()[eid].title)
    if hits[0] < title_end:
        return 0, title_end, sha12(text[:title_end])
    s, e = sentence_span(text, hits[0], hits[0] + len(words))
    return s, e, sha12(text[s:e])


def load(path: Path = LABELS) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def validate(data: dict[str, Any]) -> list[str]:
    """Every problem of the label file, one line each (ids and offsets only, never text)."""
    problems: list[str] = []
    if data.get("schema") != SCHEMA:
        problems.append(f"schema is {data.get('schema')!r}, expected {SCHEMA!r}")
    index = events()
    all_entries = entries()
    seen: set[str] = set()
    for ev in data.get("events", []):
        name = ev.get("event", "")
        where = f"event {name}"
        if name not in index:
            problems.append(f"{where}: no such event of 2+ feeds")
            continue
        if ev.get("split") != split_of(name):
            problems.append(f"{where}: split must be {split_of(name)}")
        if sorted(ev.get("entries", [])) != index[name]:
            problems.append(f"{where}: 'entries' must list exactly the event's {len(index[name])} entries")
        for fact in ev.get("facts", []):
            fid = fact.get("id", "?")
            at = f"{where}, fact {fid}"
            if fid in seen:
                problems.append(f"{at}: duplicate id")
            seen.add(fid)
            kind = fact.get("kind")
            if kind not in KINDS:
                problems.append(f"{at}: kind {kind!r}")
            if kind == "number" and (
                not isinstance(fact.get("value"), int | float)
                or fact.get("bound") not in BOUNDS
                or not fact.get("what")
            ):
                problems.append(f"{at}: a number needs a value, a bound and what it counts")
            if kind == "quote" and not fact.get("speaker"):
                problems.append(f"{at}: a quote needs a speaker")
            if not fact.get("mentions"):
                problems.append(f"{at}: no mentions")
            for m in [*fact.get("mentions", []), *fact.get("conflicts", [])]:
                eid = m.get("entry", "")
                if eid not in index[name]:
                    problems.append(f"{at}: entry {eid} is not in the event")
                    continue
                text = all_entries[eid].text
                s, e = m.get("start"), m.get("end")
                if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
                    problems.append(f"{at}: {eid} has bad offsets {s}..{e}")
                elif sha12(text[s:e]) != m.get("sha1"):
                    problems.append(f"{at}: {eid} {s}..{e}: sha1 does not match")
                if kind == "number" and not isinstance(m.get("value"), int | float):
                    problems.append(f"{at}: {eid} has no numeric value")
            for eid in fact.get("optional", []):
                if eid not in index[name]:
                    problems.append(f"{at}: optional entry {eid} is not in the event")
    return problems


def main(argv: list[str]) -> int:
    if not available():
        print(f"error: {FEEDS} is absent", file=sys.stderr)
        return 2
    if len(argv) == 2 and argv[0] == "show":
        for eid in events().get(argv[1], []):
            e = entries()[eid]
            print(f"== {eid} {e.published}\n{e.text}\n")
        return 0
    if len(argv) == 3 and argv[0] == "find":
        try:
            s, e, h = find(argv[1], argv[2])
        except (ValueError, KeyError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print(json.dumps({"entry": argv[1], "start": s, "end": e, "sha1": h}))
        return 0
    if argv[:1] == ["check"]:
        problems = validate(load())
        for p in problems:
            print(p)
        print("OK" if not problems else f"{len(problems)} problems")
        return 1 if problems else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

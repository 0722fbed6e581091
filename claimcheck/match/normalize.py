"""Words, names, time qualifiers and speakers as the matcher compares them (pure helpers of the match/ rules)."""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import UTC, date, datetime, timedelta

from rapidfuzz import fuzz

from claimcheck.claims.lexicon import MONTHS, WEEKDAYS
from claimcheck.text import (
    MATCH_STOPWORDS,
    MATCH_WORD,
    match_stem,
    match_words,
)

_NAME = re.compile(r"\b[A-Z][\w’'-]*[a-z][\w’'-]*\b")
_SPAN_WHEN = re.compile(
    r"^\s*(since|over|during|throughout|from|between|in the (past|last)|so far|to date|in total|"
    r"this year|altogether|cumulative)\b",  # "over the past week", not "overnight" (a point in time)
    re.IGNORECASE,
)
# Spans that run up to the time of writing: the running total of one count, however the span is named.
_RUNNING = re.compile(r"^\s*(?:(since)|(?:in|over|during|for) the (?:past|last|previous)|(so far|to date))\b", re.I)


def _running_form(m: re.Match[str]) -> str:
    return "since" if m.group(1) else "so far" if m.group(2) else "past"


_MONTHS = {
    "jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june", "jul": "july",
    "aug": "august", "sep": "september", "sept": "september", "oct": "october", "nov": "november",
    "dec": "december",
}  # fmt: skip
_WHEN_FILLER = frozenset(["on", "in", "at", "the", "of", "early", "late"])


def names(text: str) -> set[str]:
    """Capitalised words that are not the sentence's first word: a cheap stand-in for named entities."""
    found = {m.group(0).lower() for m in _NAME.finditer(text) if m.start() > 0}
    return {match_stem(n) for n in found if n not in MATCH_STOPWORDS}


# a run of capitalised words, one name ("United States", "Han Ji Woo", "South Korean")
_NAME_RUN = re.compile(r"\b[A-Z][\w’'-]*[a-z][\w’'-]*(?:\s+[A-Z][\w’'-]*[a-z][\w’'-]*)*")


def name_runs(text: str) -> tuple[frozenset[str], ...]:
    """The names of a text as runs of capitalised words, each the set of its words' stems (``names``'):
    "the United States" is one name, {"united", "state"}."""
    return tuple(frozenset(match_stem(w.lower()) for w in m.group(0).split()) for m in _NAME_RUN.finditer(text))


_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")


def acronyms(text: str) -> frozenset[str]:
    """All-capital words of three to six letters that name an organisation ("ICIJ", "NASA", "FBI"), which
    ``names`` leaves out (a name there needs a small letter); none in a line set in capitals ("THE
    FALCON HEAVY"), where every word would be one. "US", "UK", "UN" name too much to count."""
    found = _ACRONYM.findall(text)
    if len(found) > 2:
        return frozenset()
    return frozenset(w.lower() for w in found if w.lower() not in MATCH_STOPWORDS)


def is_span(when: str | None) -> bool:
    """A time qualifier that counts over a span ("since July 2024", "so far"), not a point in time."""
    return bool(when and _SPAN_WHEN.match(when))


def when_words(when: str | None) -> frozenset[str]:
    """A time qualifier's words without filler, months spelled out: "on Dec. 13" -> {december, 13}."""
    ws = (w.rstrip(".") for w in MATCH_WORD.findall((when or "").lower()))
    return frozenset(_MONTHS.get(w, w) for w in ws if w not in _WHEN_FILLER)


# A month or a year named from the day of publication ("last month", "earlier this year"): outlets that name it
# ("in February", "in 2025") and outlets that do not report one figure. ``dated_when`` adds the calendar
# month or year it means, so the qualifiers compare as calendar parts; near a month's or a year's turn, where
# the outlet's time zone may put the day on the other side, it adds nothing.
_RELATIVE_WHEN = re.compile(
    r"^(?:(?:earlier|later)\s+)?(?P<which>last|this|next)\s+(?P<part>month|year)$", re.IGNORECASE
)
_DATED = re.compile(r" \((?:[A-Z][a-z]+ )?\d{4}\)$")  # what dated_when adds
_MONTH_NAMES = MONTHS[:12]  # "January" ... "December" (then the short forms)


def dated_when(when: str | None, published: datetime | None) -> str | None:
    """``when`` with the month or year it names from ``published`` (UTC) beside it: "last month" of an article
    of 10 March 2026 is "last month (February 2026)", "last year" "last year (2025)", "next year" "next year
    (2027)"; other qualifiers, and days at the turn of a month (of a year, for years), are returned as they
    are."""
    if not when or published is None or (m := _RELATIVE_WHEN.match(when.strip())) is None:
        return when
    day = published.astimezone(UTC)
    step = {"last": -1, "this": 0, "next": 1}[m.group("which").lower()]
    if m.group("part").lower() == "year":
        if (day.month, day.day) in ((1, 1), (12, 31)):
            return when
        return f"{when} ({day.year + step})"
    if day.day == 1 or (day + timedelta(days=1)).day == 1:
        return when
    year, month = _month_step(day.year, day.month, step)
    return f"{when} ({_MONTH_NAMES[month - 1]} {year})"


def _month_step(year: int, month: int, step: int) -> tuple[int, int]:
    """The (year, month) ``step`` months after ``month`` of ``year`` (before it when negative)."""
    y, m = divmod(year * 12 + month - 1 + step, 12)
    return y, m + 1


# Words that turn a clause to its opposite, and the contractions that carry one ("didn't", "won't", "can't").
_NEGATION = frozenset(["not", "never", "no", "cannot", "nobody", "nothing", "nowhere", "none", "neither", "nor"])
_NEGATED = re.compile(r"n['’]t$")
NEGATION_CUE = re.compile(r"\b(?:" + "|".join(sorted(_NEGATION)) + r")\b|n['’]t\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


def _negation_gaps(words: list[str]) -> set[tuple[str, str]]:
    """The word pairs a negation stands between ("will" and "raise" in "we will not raise"), each negation's
    nearest plain words; contractions count as the word and a negation ("didn't know": "did" and "know")."""
    out: set[tuple[str, str]] = set()
    for k, w in enumerate(words):
        if w != "\x00":
            continue
        before = next((x for x in reversed(words[:k]) if x != "\x00"), None)
        after = next((x for x in words[k + 1 :] if x != "\x00"), None)
        if before and after:
            out.add((before, after))
    return out


def _polar_words(text: str) -> list[str]:
    words: list[str] = []
    for w in _WORD.findall(text.lower()):
        if _NEGATED.search(w):
            stem = w[:-3]
            words += [{"wo": "will", "ca": "can", "sha": "shall"}.get(stem, stem), "\x00"]
        elif w in _NEGATION:
            words.append("\x00")
        else:
            words.append(w.replace("’", "'"))
    return words


@functools.lru_cache(maxsize=65536)
def opposite_quotes(a: str, b: str) -> bool:
    """Whether one quote says the other's words with a negation the other leaves out where it has the words on
    both sides of it ("we will not raise taxes" / "we will raise taxes", "I have never met him" / "I have met
    him"): the opposite statement, never one quote. A part of a quote that starts after the negation ("raise
    taxes on working families") is no opposite, nor a quote with as many negations ("going nowhere")."""
    wa, wb = _polar_words(a), _polar_words(b)
    if wa.count("\x00") == wb.count("\x00"):
        return False  # as many negations on each side: "not going anywhere" / "going nowhere"
    for x, y in ((wa, wb), (wb, wa)):
        gaps = _negation_gaps(x)
        if gaps and gaps & set(zip(y, y[1:], strict=False)):
            return True
    return False


_QUOTE_EDGE = " '\"‘’“”.,;:!?"


def denied_part(one: str, other: str) -> bool:
    """Whether the shorter of two quotes sits in the longer right after a negation ("will not | cut the budget"),
    or, when it cannot be found there word for word, the longer is negated and the shorter is not: the guard of
    the join of a short part of a quote to its whole (blocking.text_graph); :func:`opposite_quotes` is the whole
    quotes'."""
    short, long_ = sorted((one, other), key=len)
    part, whole = short.lower().strip(_QUOTE_EDGE), long_.lower()
    at = whole.find(part) if part else -1
    if at < 0:
        return bool(NEGATION_CUE.search(long_)) and not NEGATION_CUE.search(short)
    return bool(NEGATION_CUE.search(" ".join(whole[max(0, at - 40) : at].split()[-3:])))


_WEEKDAYS = frozenset(d.lower() for d in WEEKDAYS)


def _when_parts(ws: frozenset[str]) -> dict[str, frozenset[str]]:
    """The calendar parts a qualifier names: weekday, month, day of month, year."""
    parts = {
        "weekday": ws & _WEEKDAYS,
        "month": ws & frozenset(_MONTHS.values()) | (ws & {"may"}),
        "day": frozenset(w for w in ws if w.isdigit() and 1 <= int(w) <= 31),
        "year": frozenset(w for w in ws if w.isdigit() and 1800 <= int(w) <= 2200),
    }
    return {k: v for k, v in parts.items() if v}


# A time said against the day of writing ("last year", "yesterday", "last month", "next week"): the calendar time it
# names is unknown here (variants19)
_RELATIVE_CUES = frozenset(["yesterday", "today", "tonight", "tomorrow", "last", "next"])
_RELATIVE_WORDS = _RELATIVE_CUES | frozenset(
    ["week", "weekend", "month", "year", "morning", "afternoon", "evening", "night", "quarter"]
)


def is_relative(when: str | None) -> bool:
    """A point in time named against the day of writing: "last year", "yesterday", "last month", "next week"."""
    ws = when_words(when)
    return bool(ws & _RELATIVE_CUES) and ws <= _RELATIVE_WORDS and not is_span(when)


def relative_meets_point(a: str | None, b: str | None) -> bool:
    """Two points in time, one named against the day of writing and the other not ("last year" / "in 2025",
    "last month" / "in May"): they may be one time, as a point and no qualifier may. Only a figure that agrees may
    join across them (``when_compatible`` / ``when_strictly_compatible``): never a conflict nor an update."""
    if not a or not b or is_span(a) or is_span(b) or _DATED.search(a) or _DATED.search(b):
        return False  # (a time dated from the day of publication compares as the calendar time it names)
    return is_relative(a) != is_relative(b)


_MONTH_NUMBERS = {m.lower(): k for k, m in enumerate(_MONTH_NAMES, 1)}
_WEEKDAY_NUMBERS = {d.lower(): k for k, d in enumerate(WEEKDAYS)}


def relative_fits(a: str | None, b: str | None, published_a: float | None, published_b: float | None) -> bool:
    """For two times of which one is named against the day of writing (``relative_meets_point``): whether that one,
    read against its article's publication time (seconds), may be the other's calendar time (review20): "last year"
    in an article of June 2026 is 2025, never "in 2019"; "last month" there is May, never "in January"; "yesterday"
    in a Tuesday's article is about Monday, never "on Friday". A day either side is allowed (time zones). Without
    the publication time the two are not known to be one time: no."""
    rel, point, published = (a, b, published_a) if is_relative(a) else (b, a, published_b)
    if published is None:
        return False
    today = datetime.fromtimestamp(published, UTC).date()
    ws = when_words(rel)
    step = -1 if "last" in ws or "yesterday" in ws else 1 if "next" in ws or "tomorrow" in ws else 0
    if "year" in ws:
        lo, hi = date(today.year + step, 1, 1), date(today.year + step, 12, 31)
    elif "month" in ws:
        first = date(*_month_step(today.year, today.month, step), 1)
        lo, hi = first, date(*_month_step(first.year, first.month, 1), 1) - timedelta(days=1)
    elif "quarter" in ws:
        lo, hi = today - timedelta(days=200 if step < 0 else 0), today + timedelta(days=200 if step > 0 else 0)
    elif "week" in ws or "weekend" in ws:
        lo, hi = today - timedelta(days=14 if step < 0 else 0), today + timedelta(days=14 if step > 0 else 0)
    else:  # yesterday, today, tonight, tomorrow, last night
        lo = hi = today + timedelta(days=step)
    days = [lo - timedelta(days=1) + timedelta(days=k) for k in range(min((hi - lo).days + 3, 400))]
    parts = _when_parts(when_words(point))
    if (years := parts.get("year")) and not {str(d.year) for d in days} & years:
        return False
    months = {_MONTH_NUMBERS[m] for m in parts.get("month", ()) if m in _MONTH_NUMBERS}
    if months and not {d.month for d in days} & months:
        return False
    weekdays = {_WEEKDAY_NUMBERS[w] for w in parts.get("weekday", ())}
    return not (weekdays and len(days) <= 9 and not {d.weekday() for d in days} & weekdays)


def when_compatible(a: str | None, b: str | None, threshold: float = 90.0) -> bool:
    """Whether two numbers' time qualifiers allow them to be one fact (``when_strictly_compatible``), or one is
    named against the day of writing and the other is a point in time (``relative_meets_point``)."""
    return when_strictly_compatible(a, b, threshold) or relative_meets_point(a, b)


@functools.lru_cache(maxsize=65536)
def when_strictly_compatible(a: str | None, b: str | None, threshold: float = 90.0) -> bool:
    """Whether two numbers' time qualifiers allow them to be one fact.

    - No qualifier agrees with a point in time ("on Saturday", "on December 13"): the outlet just
      did not say when. It does not agree with a span ("since July 2024"): a running total is
      another fact than the day's count.
    - Two points in time disagree when they name the same calendar part differently ("on
      Saturday" and "on Friday", "in 2020" and "in 2023", "in September" and "in March"); parts
      that only one names cannot disagree ("on Saturday" and "Dec 13" may be the same day).
    - Otherwise two qualifiers agree when one says no more than the other ("since July 2024" and
      "since July 2024 alone") or they are spelled nearly alike.
    """
    if not a or not b:
        return not is_span(a or b)
    if is_span(a) != is_span(b):
        return False
    ra, rb = _RUNNING.match(a), _RUNNING.match(b)
    if ra and rb and _running_form(ra) != _running_form(rb):
        return True  # "since October" and "in the past three months": two ways to name the span up to now
    wa, wb = when_words(a), when_words(b)
    if not wa or not wb or wa <= wb or wb <= wa:
        return True
    pa, pb = _when_parts(wa), _when_parts(wb)
    if pa and pb and not is_span(a):
        return all(pa[k] & pb[k] for k in pa.keys() & pb.keys())
    return fuzz.token_sort_ratio(" ".join(sorted(wa)), " ".join(sorted(wb))) >= threshold


_PRONOUNS = frozenset(["he", "she", "they", "we", "i", "it", "you"])
_HONORIFIC = frozenset(["mr", "mrs", "ms", "dr", "president", "prime", "minister", "sir", "lady"])
# Ranks and offices written before a name, in full or cut short ("Detective Superintendent Carla Moss" / "Det Supt
# Moss", "Professor Ann Lee" / "Prof Lee", "Governor Dana Whitlock" / "Gov. Whitlock"): one speaker. Not words
# that are also surnames ("Major", "General", "Justice", "Lord") nor two-letter ones ("Di" of "Di Maio").
_RANKS = frozenset(
    ["det", "detective", "supt", "superintendent", "insp", "inspector", "sgt", "sergeant", "constable", "dci",
     "dcs", "cmdr", "commander", "capt", "captain", "lieutenant", "col", "colonel", "prof", "professor", "gov",
     "governor", "sen", "senator", "rep", "representative", "mayor", "judge", "rev", "reverend", "dame"]
)  # fmt: skip


@functools.lru_cache(maxsize=65536)
def speaker_words(speaker: str | None) -> frozenset[str]:
    """A speaker's name words; none (unknown) for an unnamed speaker ("the director", "a spokesman",
    "the statement"), who may be anyone a named one is. Each speaker worked out once (quote parts compare
    every pair of an article's quotes)."""
    parts = (speaker or "").split()
    if not any(w[:1].isupper() for w in parts[1:] or parts) or {w.lower() for w in parts} <= _PRONOUNS:
        return frozenset()
    words = [w for w in match_words(_unaccented(speaker or "")) if w not in _HONORIFIC]
    named = [w for w in words if w not in _RANKS and match_stem(w) not in _RANKS]
    return frozenset(named or words)  # a rank alone ("Inspector") is all there is of the name


# Letters that carry no combining mark to drop but that outlets writing without diacritics replace all the same.
_PLAIN_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "ı": "i"})


def _unaccented(name: str) -> str:
    """A name as outlets that drop diacritics print it: "Özil" and "Ozil", "Łukasz" and "Lukasz" are one speaker."""
    if name.isascii():
        return name
    decomposed = unicodedata.normalize("NFKD", name.translate(_PLAIN_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def speakers_compatible(a: str | None, b: str | None) -> bool:
    """Unknown speakers agree with anyone; known ones when one name is part of the other
    ("Bialiatski" and "Ales Bialiatski"). Two different known speakers never share a quote."""
    return words_compatible(speaker_words(a), speaker_words(b))


def words_compatible(wa: frozenset[str], wb: frozenset[str]) -> bool:
    """Two speakers' words (``speaker_words``) agree: one unknown, or one part of the other."""
    return not wa or not wb or wa <= wb or wb <= wa

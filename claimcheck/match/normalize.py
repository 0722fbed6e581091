"""Words, names, time qualifiers and speakers as the matcher compares them (pure helpers of match.py)."""

from __future__ import annotations

import functools
import re

from rapidfuzz import fuzz

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_NAME = re.compile(r"\b[A-Z][\w’'-]*[a-z][\w’'-]*\b")
_STOP_TEXT = """
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having
he her here hers herself him himself his how i if in into is it its itself just me more most my myself no
nor not now of off on once only or other our ours out over own same she should so some such than that the
their theirs them themselves then there these they this those through to too under until up very was we
were what when where which while who whom why will with would you your said says say told according s t
new one two
"""
STOPWORDS = frozenset(_STOP_TEXT.split())
_SPAN_WHEN = re.compile(
    r"^\s*(since|over|during|throughout|from|between|in the (past|last)|so far|to date|in total|"
    r"this year|altogether|cumulative)",
    re.IGNORECASE,
)
_MONTHS = {
    "jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june", "jul": "july",
    "aug": "august", "sep": "september", "sept": "september", "oct": "october", "nov": "november",
    "dec": "december",
}  # fmt: skip
_WHEN_FILLER = frozenset(["on", "in", "at", "the", "of", "early", "late"])


def words(text: str) -> list[str]:
    """Lower-cased word tokens in one spelling (``one_spelling``) with a crude plural stem, so
    "prisoners" meets "prisoner" and "travelling" meets "traveling"."""
    return [_token(w) for w in _WORD.findall(text.lower())]


@functools.lru_cache(maxsize=262144)
def _token(w: str) -> str:
    """One lower-case word as the matcher compares it: one spelling, then stemmed (words recur
    across claims, so each is worked out once)."""
    return stem(_BRITISH_WORDS.get(w) or _SPELLING.sub(_american, w))


# British and American spellings of one word, written one way (the American) for matching only:
# travelled/traveled, colour/color, organise/organize, centre/center, catalogue/catalog,
# analyse/analyze, defence/defense. The mapping is applied to both sides of every comparison, so
# a word it changes needlessly ("promise" -> "promize") still meets itself; forms are never shown.
_SPELLING = re.compile(
    r"\b(?P<ll>[a-z]{2,}[aeu])ll(?P<lle>ed|ing|er|ers)\b"
    r"|\b(?P<our>[a-z]{2,}[^aeo\W])our(?P<oure>s|ed|ing|ite|ites|able|er|ers)?\b"
    r"|\b(?P<ise>[a-z]{3,})is(?P<isee>e|ed|es|ing|ation|ations)\b"
    r"|\b(?P<yse>[a-z]{3,})ys(?P<ysee>e|ed|es|ing)\b"
    r"|\b(?P<re>[a-z]{2,}[^aeiou\W])re(?P<ree>s|d)?\b"
    r"|\b(?P<ogue>[a-z]{3,})ogue(?P<oguee>s)?\b"
    r"|\b(?P<ence>[a-z]{2,}[fc])ence(?P<encee>s)?\b"
)
_BRITISH_WORDS = {"grey": "gray", "programme": "program", "programmes": "programs", "tyre": "tire",
                  "tyres": "tires", "cheque": "check", "cheques": "checks", "aluminium": "aluminum",
                  "mum": "mom", "plough": "plow", "sceptical": "skeptical", "manoeuvre": "maneuver",
                  "whilst": "while", "amongst": "among", "learnt": "learned", "spelt": "spelled"}  # fmt: skip
_BRITISH = re.compile(r"\b(?:" + "|".join(_BRITISH_WORDS) + r")\b")


def _american(m: re.Match[str]) -> str:
    g = m.groupdict()
    if g["ll"]:
        return g["ll"] + "l" + g["lle"]
    if g["our"]:
        return g["our"] + "or" + (g["oure"] or "")
    if g["ise"]:
        return g["ise"] + "iz" + g["isee"]
    if g["yse"]:
        return g["yse"] + "yz" + g["ysee"]
    if g["re"]:
        return g["re"] + "er" + (g["ree"] or "")
    if g["ogue"]:
        return g["ogue"] + "og" + (g["oguee"] or "")
    return g["ence"] + "ense" + (g["encee"] or "")


def one_spelling(text: str) -> str:
    """Lower-case text with British spellings written the American way (for matching only)."""
    text = _SPELLING.sub(_american, text)
    return _BRITISH.sub(lambda m: _BRITISH_WORDS[m.group(0)], text)


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOPWORDS and len(w) > 1]


def stem(w: str) -> str:
    w = w.replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def names(text: str) -> set[str]:
    """Capitalised words that are not the sentence's first word: a cheap stand-in for named entities."""
    found = {m.group(0).lower() for m in _NAME.finditer(text) if m.start() > 0}
    return {stem(n) for n in found if n not in STOPWORDS}


def is_span(when: str | None) -> bool:
    """A time qualifier that counts over a span ("since July 2024", "so far"), not a point in time."""
    return bool(when and _SPAN_WHEN.match(when))


def when_words(when: str | None) -> frozenset[str]:
    """A time qualifier's words without filler, months spelled out: "on Dec. 13" -> {december, 13}."""
    ws = (w.rstrip(".") for w in _WORD.findall((when or "").lower()))
    return frozenset(_MONTHS.get(w, w) for w in ws if w not in _WHEN_FILLER)


_WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])


def _when_parts(ws: frozenset[str]) -> dict[str, frozenset[str]]:
    """The calendar parts a qualifier names: weekday, month, day of month, year."""
    parts = {
        "weekday": ws & _WEEKDAYS,
        "month": ws & frozenset(_MONTHS.values()) | (ws & {"may"}),
        "day": frozenset(w for w in ws if w.isdigit() and 1 <= int(w) <= 31),
        "year": frozenset(w for w in ws if w.isdigit() and 1800 <= int(w) <= 2200),
    }
    return {k: v for k, v in parts.items() if v}


@functools.lru_cache(maxsize=65536)
def when_compatible(a: str | None, b: str | None, threshold: float = 90.0) -> bool:
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
    wa, wb = when_words(a), when_words(b)
    if not wa or not wb or wa <= wb or wb <= wa:
        return True
    pa, pb = _when_parts(wa), _when_parts(wb)
    if pa and pb and not is_span(a):
        return all(pa[k] & pb[k] for k in pa.keys() & pb.keys())
    return fuzz.token_sort_ratio(" ".join(sorted(wa)), " ".join(sorted(wb))) >= threshold


_PRONOUNS = frozenset(["he", "she", "they", "we", "i", "it", "you"])
_HONORIFIC = frozenset(["mr", "mrs", "ms", "dr", "president", "prime", "minister", "sir", "lady"])


def speaker_words(speaker: str | None) -> frozenset[str]:
    """A speaker's name words; none (unknown) for an unnamed speaker ("the director", "a spokesman",
    "the statement"), who may be anyone a named one is."""
    parts = (speaker or "").split()
    if not any(w[:1].isupper() for w in parts[1:] or parts) or {w.lower() for w in parts} <= _PRONOUNS:
        return frozenset()
    return frozenset(w for w in words(speaker or "") if w not in _HONORIFIC)


def speakers_compatible(a: str | None, b: str | None) -> bool:
    """Unknown speakers agree with anyone; known ones when one name is part of the other
    ("Bialiatski" and "Ales Bialiatski"). Two different known speakers never share a quote."""
    return words_compatible(speaker_words(a), speaker_words(b))


def words_compatible(wa: frozenset[str], wb: frozenset[str]) -> bool:
    """Two speakers' words (``speaker_words``) agree: one unknown, or one part of the other."""
    return not wa or not wb or wa <= wb or wb <= wa

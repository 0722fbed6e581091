"""Elapsed spans of time: "the team last won 108 years ago", "the wreck was found 17 minutes later".

A figure of a unit of time right before "ago", "later", "earlier", "after" or "on" ("ten years on, ...")
states how long passed between two events: a fact-checker checks it (was it 108 years?). Each is a number
claim of value N and unit the time unit, marked ``extra["elapsed"]``: a duration, never a count. The matcher
keys it as a duration of its unit, because outlets state one span both ways ("the Cubs won 108 years later" /
"a 108-year wait"; "15 years after the film was shot" / "it took her 15 years"): the fact labels of the real
events count each pair as one fact. A two-digit span joins another of its figure only when both measure the
same kind of time (``match/blocking._same_measured``: "ago", "later" and "delay" are a wait), so "17 minutes
later" never meets "served 17 years" or "17 people". The mark also leaves the sentence a statement
(``extract_claims``), as an ordinal does: "the team last won 108 years ago" says more than the span.

Not elapsed spans: figures of speech without a figure ("years ago", "a few minutes later", "moments later":
``find_quantities`` gives them no number, or a vague one, which is never marked), a span that lasted rather
than passed ("banned for 10 years after failing a test", "spent 15 years on death row": "for", "spent",
"served" before it, or "on" followed by more words), a comparison ("two hours later than planned"), and a
span that opens its sentence ("Two years ago the court ruled...", "Ten years on, the valley..."): there it
dates what the sentence says, as a date would, and gives no claim at all (``fronted``).
"""

from __future__ import annotations

import re

# The units of time, as the extractor writes them (singular or plural).
TIME_UNITS = frozenset(
    ["second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "centuries"]
)
# The word after the span that makes it elapsed; "on" only when its clause ends there ("Ten years on, ...").
_AFTER = re.compile(
    r"\s+(?:ago|later|earlier|after|afterwards?|on(?=\s*(?:[,.;:!?—–]|$)))\b(?!\s+than\b)", re.IGNORECASE
)
# Words before the figure that make the span one that lasted: "for 10 years after", "spent 15 years on",
# "served/sentenced to/jailed for/lasted 20 years".
_LASTED_BEFORE = re.compile(
    r"\b(?:for|spent|spend|spends|spending|served|serve|serves|serving|sentenced\s+to|lasted|lasts|lasting|"
    r"took|takes|over|during|within|in|of)\s+(?:(?:about|around|some|nearly|almost|more\s+than|over|"
    r"less\s+than|under|just|only|roughly|at\s+least)\s+)?$",
    re.IGNORECASE,
)


def _singular(unit: str) -> str:
    u = unit.lower()
    return u if u in ("centuries",) else (u[:-1] if u.endswith("s") else u)


_OPENING = re.compile(r"^[\s\"'“‘(—–-]*$")


def fronted(sentence: str, start: int, end: int, unit: str | None) -> bool:
    """Whether the span ``sentence[start:end]`` opens its sentence as a time adverbial ("Two years ago the
    court ruled 6-3."): it dates the sentence, it is no claim."""
    return bool(_OPENING.match(sentence[:start])) and _elapsed_shape(sentence, end, unit)


def _elapsed_shape(sentence: str, end: int, unit: str | None) -> bool:
    return bool(unit) and _singular(unit or "") in TIME_UNITS and bool(_AFTER.match(sentence, end))


def is_elapsed(sentence: str, start: int, end: int, unit: str | None) -> bool:
    """Whether the figure ``sentence[start:end]`` of unit ``unit`` is an elapsed span (see the module)."""
    if not _elapsed_shape(sentence, end, unit):
        return False
    return not _LASTED_BEFORE.search(sentence, max(0, start - 40), start)

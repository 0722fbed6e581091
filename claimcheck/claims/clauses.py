"""Clause-level reading of a sentence for the quantity finder.

- ``clause_whens``: the time phrase each quantity refers to, taken from the quantity's own clause
  (clauses split at commas, ";", ":", dashes, brackets and clause conjunctions), so that "since July
  2024" in "430 were freed since July 2024, while 1,100 remain" stays with 430.

The role a counted thing plays (deaths, injured, ...) is read in ``roles.py``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from functools import lru_cache

from claimcheck.claims.sentences import ABBREVIATIONS

_NUMBERISH = (
    r"(?:(?:the|some|about|around|roughly|more\s+than|over|at\s+least|nearly|almost|fewer\s+than|up\s+to|"
    r"another|just|only)\s+)*(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|hundred|thousand|dozens|hundreds|thousands|millions)\b)"
)
# Where one clause ends and the next begins (the boundary text is not part of either clause).
_BOUNDARY = re.compile(
    rf";\s*|:\s+|\s[-–—]\s|—|[()]|,\s+|\s(?:while|whereas|but|yet|although|though)\s"
    rf"|\s(?:and|as|or)\s(?={_NUMBERISH})",
    re.IGNORECASE,
)
_PAST_SPAN = re.compile(r"(?:in|over|during|for)\s+the\s+(?:past|last|previous)\b", re.IGNORECASE)
_PARTICIPLE = re.compile(r"\s*[a-z]+ing\b")
_RELATIVE = re.compile(r"\b(?:that|which|who|whom|where)\b")
_LEAD_PREP = re.compile(r"^(?:(?:early|late|earlier|later)\s+)?(?:on|in|at|by|since|from|during|until|as\s+of)?\s*",
                        re.IGNORECASE)


# A full stop inside the sentence, before a capital: a quotation that runs over several sentences is kept as one
# by the splitter ('"The fund began in the 1980s and is still open today. The paper found that in 30 years it paid
# no tax."'), but each of its sentences is a clause of its own for time phrases, and the end of a figure's context
# window (``numbers._context``; facts25). Not after an abbreviation or an initial ("Mr. Lee", "Gen. Ruiz", "U.S.
# Navy"), which the splitter's list names.
_STOP = re.compile(r"\b([A-Za-z]+)[.!?]+[\"'”’»]*\s+(?=[\"'“‘«]?[A-Z])")
_STOP_MARK = re.compile(r"[.!?][\"'”’»]*\s")
# ... nor after the abbreviations of place names and titles that the splitter's list leaves out, which a capitalised
# name often follows ("Fresno, Calif. Police", "Mass. General Hospital", "Pennsylvania Ave. NW", "Brig. Gen. Ortiz"),
# nor after a word of a capital and one small letter ("Harrisburg, Pa. Police", "Fr. Murphy", "the Rt. Hon."): a
# missed stop keeps the quotation one clause, as it was before facts25; a wrong one cuts a name from its sentence
# (review25)
_MORE_ABBREVIATIONS = frozenset(
    [
        "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ill", "ind", "kan", "kans", "minn", "miss",
        "mont", "neb", "nev", "okla", "ore", "tenn", "wash", "wis", "wyo", "mich", "mass", "ave", "blvd", "hwy",
        "pkwy", "rd", "brig", "atty", "msgr", "pvt", "spc", "sec", "amb", "cong", "assn", "dist", "twp",
    ]
)  # fmt: skip


@lru_cache(maxsize=4096)
def inner_stops(sentence: str) -> tuple[tuple[int, int], ...]:
    """The inner sentence ends of ``sentence`` (``_STOP``: start and end of each), as clause boundaries."""
    if not _STOP_MARK.search(sentence):
        return ()
    return tuple(
        (m.start() + len(m.group(1)), m.end())
        for m in _STOP.finditer(sentence)
        if len(m.group(1)) > 1 and not _abbreviation(m.group(1))
    )


def _abbreviation(word: str) -> bool:
    """Whether ``word`` before a full stop is an abbreviation, which ends no inner sentence (``inner_stops``)."""
    low = word.lower()
    if low in ABBREVIATIONS or low in _MORE_ABBREVIATIONS:
        return True
    return len(word) == 2 and word[0].isupper() and word[1].islower()  # noqa: PLR2004 ("Pa.", "Fr.", "Rt.")


def clause_whens(
    sentence: str, whens: Sequence[re.Match[str]], spans: Sequence[tuple[int, int]]
) -> list[str | None]:
    """The time phrase of each quantity span of ``sentence`` (None where its clause has none).

    Within its clause a quantity takes the first time phrase after it, else the nearest one before it
    (unless that one sits in a relative clause: "the quake that struck on Saturday has risen to 5").
    A clause without one inherits from the clause before only when it is a participle continuation
    ("..., killing three people"); a fronted time adverbial ("In September, ...") applies to every clause.
    """
    whens = [w for w in whens if not _anchor(sentence, w)]
    if not whens:
        return [None] * len(spans)
    # Bisections, not a test of every span, clause and time per boundary and figure: a line of thousands of
    # figures and dates was quadratic (6,000 'March 3, 300 people,': 28 s of CPU).
    inside = span_test([w.span() for w in whens] + list(spans))
    cuts = [m.span() for m in _BOUNDARY.finditer(sentence) if not (inside(m.start()) or inside(m.end() - 1))]
    if stops := [c for c in inner_stops(sentence) if not (inside(c[0]) or inside(c[1] - 1))]:
        cuts = _merged(cuts, stops)
    clauses: list[tuple[int, int]] = []
    pos = 0
    for a, b in cuts:
        clauses.append((pos, a))
        pos = b
    clauses.append((pos, len(sentence)))
    starts = [c0 for c0, _ in clauses]
    own: list[list[re.Match[str]]] = [[] for _ in clauses]
    for w in whens:  # the one clause that may hold it: the last to start at or before it
        k = bisect_right(starts, w.start()) - 1
        if k >= 0 and w.end() <= clauses[k][1]:
            own[k].append(w)
    fronted = _fronted(sentence, clauses[0], own[0]) if len(clauses) > 1 else None
    out: list[str | None] = []
    for start, end in spans:
        i = _clause_of(clauses, starts, start)
        out.append(_in_clause(sentence, clauses, own, i, start, end) or fronted)
    return out


def span_test(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """Whether an offset is inside one of ``spans``, by bisection over them merged: a test of every span per
    number made a line of thousands of numbers ('1990-1991-...', '1/1/...') quadratic."""
    starts: list[int] = []
    ends: list[int] = []
    for b0, b1 in sorted(s for s in spans if s[0] < s[1]):
        if ends and b0 <= ends[-1]:
            ends[-1] = max(ends[-1], b1)
        else:
            starts.append(b0)
            ends.append(b1)

    def inside(x: int) -> bool:
        i = bisect_right(starts, x) - 1
        return i >= 0 and x < ends[i]

    return inside


def _clause_of(clauses: list[tuple[int, int]], starts: list[int], start: int) -> int:
    """The first clause with ``c0 <= start < max(c1, c0 + 1)``, else the last one (clauses in order)."""
    k = bisect_left(starts, start)
    if k < len(clauses) and starts[k] == start:
        return k
    if k and start < max(clauses[k - 1][1], starts[k - 1] + 1):
        return k - 1
    return len(clauses) - 1


# "their first World Series since 1908", "the lowest level since 2010": a "since" phrase after a first or a
# superlative dates that comparison, not the counts of the clause.
_SUPERLATIVE_BEFORE = re.compile(
    r"\b(?:first|highest|lowest|biggest|largest|smallest|best|worst|longest|shortest|strongest|weakest|"
    r"deadliest|worst-ever|fastest|slowest|most|least|only)\b(?:\s+[\w'’-]+){0,4}\s+$",
    re.IGNORECASE,
)


def _anchor(sentence: str, when: re.Match[str]) -> bool:
    return when.group().lower().startswith("since") and bool(
        _SUPERLATIVE_BEFORE.search(sentence, max(0, when.start() - 60), when.start())
    )


def _in_clause(
    s: str, clauses: list[tuple[int, int]], own: list[list[re.Match[str]]], i: int, start: int, end: int
) -> str | None:
    after = [w for w in own[i] if w.start() >= end]
    if after:
        return after[0].group()
    before = [w for w in own[i] if w.end() <= start]
    if before:
        w = before[-1]
        if not _RELATIVE.search(s, clauses[i][0], w.start()):
            return w.group()
        return None
    # "..., killing at least three people": the participle continues the clause before it.
    while i > 0 and _PARTICIPLE.match(s, clauses[i][0]):
        i -= 1
        if own[i]:
            return own[i][-1].group()
    return None


def _fronted(s: str, clause: tuple[int, int], whens: list[re.Match[str]]) -> str | None:
    """"In September, ..." / "Last year, ...": a first clause that is nothing but a time phrase."""
    if len(whens) != 1:
        return None
    w = whens[0]
    if _PAST_SPAN.match(w.group()):
        return None  # "Over the past year, reporters sifted through 11.5 million files": the span is the work's
    rest = (s[clause[0] : w.start()] + s[w.end() : clause[1]]).strip()
    return w.group() if not _LEAD_PREP.sub("", rest, count=1) else None


def _merged(cuts: list[tuple[int, int]], more: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Two lists of boundaries as one, in order, none overlapping the one before it."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(cuts + more):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out

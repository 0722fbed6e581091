"""Ordinals of a counted thing: "its sixth nuclear test", "the 32nd floor", "a fourth straight title".

An ordinal before a noun of a sequence of events or places (tests, titles, terms, floors, attempts, times,
wins...) states a count a fact-checker can check: the sixth test says there were five before it. Each is a
number claim: value N, unit the noun phrase ("nuclear test"), ``extra["ordinal"]`` set, so that the matcher
keeps it apart from a count ("sixth" never joins "six tests") and from another ordinal ("fifth" said of
another test is another thing, never a conflict).

Not ordinals of a counted thing: dates ("the 4th of July", "May 3rd", "on the 12th"), centuries ("the 21st
century"), ranks ("the third-largest city", "finished fourth", "second place"), fractions ("a fifth of the
vote"), and "first": "for the first time", "first, ..." and "the first floor" are mostly manners of speaking
or a start, not a count (a policy: "first" is never an ordinal claim here, nor is "1st").
"""

from __future__ import annotations

import re

from claimcheck.claims.lexicon import MONTH_RE, MONTHS, WEEKDAYS
from claimcheck.claims.numwords import TENS_WORDS, UNITS_WORDS

_UNITS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
}  # fmt: skip
_TENS_ORD = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
             "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}  # fmt: skip
_FIRST = {"first": 1, **_UNITS}  # "twenty-first" is an ordinal of 21 (only "first" alone is left out)

# Nouns of a sequence of events or places whose ordinal counts them (singular; a plural "s" is allowed for
# "the 48th of 71 laps"). General news English: tests and launches, titles and wins, terms and elections,
# floors, attempts and times, games, seasons and laps, days and years of a run, anniversaries, goals.
SEQUENCE_NOUNS = frozenset(
    ["test", "launch", "title", "championship", "crown", "trophy", "term", "election", "floor", "storey",
     "attempt", "try", "time", "win", "victory", "defeat", "loss", "game", "match", "race", "season", "lap",
     "round", "day", "week", "month", "year", "anniversary", "strike", "attack", "bombing", "shooting",
     "goal", "edition", "consecutive", "straight", "successive", "summit", "visit", "trip",
     "meeting", "hearing", "vote", "referendum", "quake", "earthquake", "aftershock", "case", "death",
     "arrest", "wave", "night", "week", "rally", "protest", "marathon", "tour", "medal", "final", "appearance",
     "start", "touchdown", "homer", "slam", "detonation", "explosion", "blast", "eruption", "decider", "playoff"]
)  # fmt: skip
# Words that make the next noun a modifier of a sequence, not the counted thing, or that turn an ordinal into
# a rank: "the third-largest city", "the second most populous", "fourth place".
_RANK_WORD = re.compile(r"(?:est|most|least|best|worst|place|position|spot|rank|ranked|seed|seeded|grade)$")
_NOT_COUNTED = frozenset(["consecutive", "straight", "successive"])  # modifiers, never the head

_ORD_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:first|"
    + "|".join(_UNITS)
    + r")|"
    + "|".join(sorted([*_UNITS, *_TENS_ORD], key=len, reverse=True))
    + r")"
)
_ORDINAL = re.compile(rf"\b(?:(?P<d>\d{{1,4}})(?P<sfx>st|nd|rd|th)|(?P<w>{_ORD_WORD}))\b", re.IGNORECASE)
_WORD_AFTER = re.compile(r"[\s-]+([A-Za-z]+)")
_OF_TOTAL = re.compile(r"\s+of\s+(?:the\s+)?(\d{1,4})\s+([a-z]+)\b")
# Words that end the noun phrase: an ordinal followed by one of them before a sequence noun counts nothing.
_STOP = frozenset(["of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from", "the", "a", "an",
                   "was", "is", "were", "are", "be", "been", "his", "her", "its", "their", "this", "that",
                   "after", "before", "since", "than", "as", "said", "says", "century", "centuries",
                   "half", "quarter", "hand"])  # fmt: skip
MAX_MODIFIERS = 2
# A sequence noun that modifies the head after it: the count is of the compound ("the second consecutive
# election cycle", "his third title defence", "a fourth election campaign", "its second test flight").
_COMPOUND_HEAD = re.compile(
    r" (cycles?|campaigns?|defen[cs]es?|bids?|streaks?|series|flights?|runs?|wins?|victor(?:y|ies)|finals?)\b"
    r"(?![-’'])"
)
_CALENDAR_WORDS = frozenset(w.lower() for w in (*MONTHS, *WEEKDAYS))
# An ordinal coordinated with a superlative or "final" / "last" before its noun, commas or not: the noun is still
# the counted sequence ("its sixth and most powerful nuclear test", "its sixth, and largest, test"). Another ordinal after "and" ("the
# second and third floors") names two things and is left alone.
_AND_SUPERLATIVE = re.compile(r",?\s+and\s+(?:(?:most|least)\s+[a-z]+|([a-z]{2,}est)|final|last|latest),?(?=\s)")
_EST_NOUNS = frozenset(
    ["test", "protest", "contest", "interest", "request", "harvest", "forest", "chest", "guest", "quest",
     "arrest", "inquest", "conquest", "manifest", "nest", "rest", "west", "crest", "pest", "vest"]
)  # fmt: skip
# A hypothetical: "a fourth referendum would put the region closer" speaks of a vote that may come, not of one
# that took place (an indefinite article before the ordinal, a modal verb right after its noun).
_INDEFINITE_BEFORE = re.compile(r"\ban?\s+$", re.IGNORECASE)
_MODAL_AFTER = re.compile(r"\s+(?:would|could|might|may|will|should|can)\b", re.IGNORECASE)
_MONTH_BEFORE = re.compile(rf"\b{MONTH_RE}\s*$", re.IGNORECASE)
_SUFFIX = {1: "st", 2: "nd", 3: "rd"}
# How far before an ordinal its month ("Sept. 11th") or article ("a fourth") is looked for, and its own word
# read: searching the whole text before each ordinal made a line of thousands of ordinals quadratic.
_LOOK_BACK = 64


def ordinal_value(word: str) -> int | None:
    """The number an ordinal word or digits stand for ("sixth" 6, "twenty-first" 21, "32nd" 32)."""
    w = word.lower().replace(" ", "-")
    if m := re.fullmatch(r"(\d{1,4})(st|nd|rd|th)", w):
        n = int(m.group(1))
        last = n % 10 if n % 100 not in (11, 12, 13) else 0
        return n if m.group(2) == _SUFFIX.get(last, "th") else None
    if w in _UNITS:
        return _UNITS[w]
    if w in _TENS_ORD:
        return _TENS_ORD[w]
    if "-" in w:
        tens, _, unit = w.partition("-")
        if tens in _TENS and unit in _FIRST:
            return _TENS[tens] + _FIRST[unit]
    return None


def _singular(noun: str) -> str:
    n = noun.lower()
    if n.endswith("ies") and len(n) > 4:
        return n[:-3] + "y"
    if n.endswith(("ches", "shes", "xes")):
        return n[:-2]
    return n[:-1] if n.endswith("s") and not n.endswith("ss") else n


def find_ordinals(sentence: str) -> list[tuple[int, int, int, str]]:
    """(start, end, value, unit) of each ordinal of a counted thing in ``sentence`` (offsets into it)."""
    out: list[tuple[int, int, int, str]] = []
    for m in _ORDINAL.finditer(sentence):
        value = ordinal_value(m.group(0))
        if value is None or value < 2:  # noqa: PLR2004 ("first" is no ordinal claim: see the module)
            continue
        before = max(0, m.start() - _LOOK_BACK)  # a bounded look back: one sentence may hold thousands
        if m.group("d") and _MONTH_BEFORE.search(sentence, before, m.start()):
            continue  # "May 3rd", "on Sept. 11th": a date
        if m.start() and sentence[m.start() - 1] == "-":
            continue  # the end of a compound: "a four-second delay" ("second" is a unit of time there)
        found = _noun_after(sentence, m.end())
        if found is None:
            continue
        end, unit = found
        if _INDEFINITE_BEFORE.search(sentence, before, m.start()) and _MODAL_AFTER.match(sentence, end):
            continue
        out.append((m.start(), end, value, unit))
    return out


def _noun_after(s: str, pos: int) -> tuple[int, str] | None:
    """(end, unit) of the sequence noun after an ordinal ending at ``pos``, through up to two modifiers, or
    of "the 48th of 71 laps"; None when the ordinal counts no sequence (a date, a century, a rank)."""
    if (t := _OF_TOTAL.match(s, pos)) and (noun := _singular(t.group(2))) in SEQUENCE_NOUNS:
        if noun not in _NOT_COUNTED and int(t.group(1)) >= (ordinal_value(_last_word(s[max(0, pos - _LOOK_BACK) : pos])) or 0):
            return pos, noun  # the span is the ordinal alone: "71 laps" is a count of its own
        return None
    if (co := _AND_SUPERLATIVE.match(s, pos)) and co.group(1) not in _EST_NOUNS:
        pos = co.end()  # "its sixth and most powerful nuclear test", "the seventh and final game"
    words: list[str] = []
    for _ in range(MAX_MODIFIERS + 1):
        w = _WORD_AFTER.match(s, pos)
        if w is None:
            return None
        word = w.group(1)
        low = word.lower()
        if low in _STOP or word != low and (word.isupper() or low in _CALENDAR_WORDS):
            return None  # the end of the phrase, an acronym, a date ("the 4th July rally") or a named event
        if word != low:
            # a name's words between the ordinal and its lower-case noun ("the fourth World Series decider",
            # "his sixth Grand Slam title") modify it; the noun itself is never capitalised
            pos = w.end()
            words.append(word)
            continue
        glued = not words and s[pos] == "-"
        pos = w.end()
        words.append(low)
        if low in SEQUENCE_NOUNS and low not in _NOT_COUNTED:
            if glued and (nxt := _WORD_AFTER.match(s, pos)) and s[pos] == " " and nxt.group(1).islower() and (
                nxt.group(1) not in _STOP
            ):
                return None  # a classifier: "a fourth-year student", "a fifth-round pick" (no fourth of anything)
            if (head := _COMPOUND_HEAD.match(s, pos)) is not None:
                return head.end(), " ".join([*words, head.group(1).lower()])  # "the second election cycle"
            return pos, " ".join(words)
        if _RANK_WORD.search(low):
            return None  # a rank: "the third-largest city", "second place", "the fourth most populous"
    return None


def _last_word(s: str) -> str:
    return s.split()[-1] if s.split() else ""


# A number after a noun of a contest's stages names one of them as an ordinal does: "on lap 20" is "the 20th
# lap", "Game 7" the seventh game, "in round 3" the third round, in digits or words ("on lap seven", "won game
# seven"). Only these nouns: after most nouns a number is a name or a code ("Flight 370", "Route 66", "Section
# 230", "Apollo 11", "stage 4 cancer", "Day 1 of"), never an item of a sequence. A line that opens with "Lap 29"
# is a live blog's time marker ("Lap 29 Drivers are left ...", "Lap 69 Ortega passes ..."), no claim; so is
# "Round 3" or "Game 2" opening a line before a capitalised word or a dash ("Round 3 Diaz lands a jab").
POSITION_NOUNS = frozenset(["lap", "game", "round"])
_POSITION_WORDS = {w: v for w, v in (*UNITS_WORDS.items(), *TENS_WORDS.items()) if v >= 2}
_POSITION = re.compile(
    r"\b(lap|game|round)\s(\d{1,3}\b(?![.,:/]?\d)|(?:" + "|".join(_POSITION_WORDS) + r")\b(?!-))", re.IGNORECASE
)
# What may follow a position: the end of its phrase (punctuation, a name, one of these words). Not a dash, a
# percent, a score's "to 1", nor another word: a counted thing ("a game 30 minutes long", "within a round 12
# people were"), "the game 2-1".
_POSITION_NEXT_OK = frozenset(
    ["of", "on", "in", "at", "to", "and", "or", "but", "when", "after", "before", "as", "with", "for", "from",
     "while", "where", "that", "which", "was", "is", "were", "are", "has", "had", "by", "against", "into",
     "late", "last", "this", "tonight", "yesterday", "today", "the"]
)  # fmt: skip
# ... or a noun of what happened there, which the position describes ("his lap 48 exit", "a Game 7 win", "the round
# 3 knockout", "the lap 20 crash"; facts25): the event on that lap, game or round. Not a counted thing ("a game 30
# minutes long", "the game 2 fans") nor a score.
_POSITION_EVENTS = frozenset(
    ["exit", "crash", "collision", "retirement", "stoppage", "restart", "incident", "spin", "pit", "overtake",
     "win", "victory", "defeat", "loss", "triumph", "upset", "comeback", "knockout", "shootout",
     "clash", "showdown", "decider", "meeting", "matchup", "loser", "winner", "heroics", "collapse"]
)  # fmt: skip
_POSITION_BAD_NEXT = re.compile(r"\s*[-\u2013%]|\s+(?:percent|per\s+cent)\b|\s+to\s+\d", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
# the start of a line or of the sentence, maybe after a bullet or a quotation mark
_LINE_START = re.compile(r"(?:^|\n)[\s\"'\u201c\u2018*\u2022\u00b7-]*$")
# "the game", "a round" before the number: the noun is the event itself, and the number counts what follows ("after
# the game 2 of the fans were arrested", "at the end of the round 4 of the riders had crashed"); a position is
# "game 2", "Game 7", "the 20th lap"
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an|this|that)\s+$", re.IGNORECASE)
_MARKER_NEXT = re.compile(r"\s*(?:[-\u2013\u2014:]|\s[A-Z])")


def find_positions(sentence: str) -> list[tuple[int, int, int, str]]:
    """(start, end, value, unit) of each item of a contest named by its noun and a number ("on lap 20",
    "Game 7", "round 3", "lap seven"): an ordinal claim of that noun, so that it joins "the 20th lap", "the
    seventh game"."""
    out: list[tuple[int, int, int, str]] = []
    for m in _POSITION.finditer(sentence):
        num = m.group(2).lower()
        value = int(num) if num[0].isdigit() else _POSITION_WORDS[num]
        if value < 2:  # noqa: PLR2004 ("first" is no ordinal claim: see the module)
            continue
        if _POSITION_BAD_NEXT.match(sentence, m.end()):
            continue
        word = _NEXT_WORD.match(sentence, m.end())
        event = word is not None and word.group(1) in _POSITION_EVENTS
        if word and not event and word.group(1) not in _POSITION_NEXT_OK:
            continue
        if m.group(1).islower() and not event and _ARTICLE_BEFORE.search(sentence, 0, m.start()):
            continue  # "after the game 2 of the fans were arrested": the number counts what follows (review17)
        if _LINE_START.search(sentence, 0, m.start()) and (
            m.group(1).lower() == "lap" or _MARKER_NEXT.match(sentence, m.end())
        ):
            continue  # a live blog's marker: "Lap 29 Drivers are left furious ..."
        out.append((m.start(), m.end(), value, m.group(1).lower()))
    return out

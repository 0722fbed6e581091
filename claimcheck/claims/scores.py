"""Sports results as number claims: a score ("a 34-6 win", "beat the Indians 8-7", "3-1 down in the series")
and a win-loss(-tie) record ("a 50-32-1 record", "went 10-6").

A pair of figures joined by a dash is a score only in a result context (won, beat, defeated, lost,
victory, draw, edged, routed, "made it", a lead or deficit, a series, innings or overtime), never after a
vote, a court's decision, a month, an age or a page word. A score is one number claim: its value is the
higher figure (the winner's), its unit ``score``, and ``extra["score"]`` the canonical text, the higher
figure first ("8-7" for "lost 7-8"). A record (three figures, or two beside "record" or "mark", or before
"season", "campaign" or "start") keeps its order as written (wins first); its value is the wins, its unit
``record``. Matching compares the canonical text exactly (``match.things.thing_key``): the same score is one
fact, another score another fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DASH = r"(?:-|\s?[–—]\s?)"  # "34-6", "34–6", "34 – 6"
_FIG = r"(?:0|[1-9]\d{0,2})"
_PAIR = re.compile(
    rf"(?<![\w.,/:$£€%–—-])(?P<a>{_FIG}){_DASH}(?P<b>{_FIG})(?:{_DASH}(?P<c>{_FIG}))?"
    r"(?![\w%$£€/:]|[.,]\d|\s?[-–—]\s?\d)"
)
# "won 34 to 6", "a 34 to 6 victory": the word form, read only next to a result word
_TO_PAIR = re.compile(rf"(?<![\w.,$£€])(?P<a>{_FIG}) to (?P<b>{_FIG})(?![\w%.,]\d|\w)")

_RESULT = re.compile(
    r"\b(?:won|wins?|winning|winners?|beat|beats|beaten|beating|defeat(?:s|ed|ing)?|lost|lose|loses|losing|"
    r"loss|loses|victor(?:y|ies|ious)|draws?|drew|drawn|tied|ties|edg(?:e|es|ed|ing)|rout(?:s|ed|ing)?|"
    r"thrash(?:es|ed|ing)?|hammer(?:s|ed|ing)|crush(?:es|ed|ing)|(?:final\s+)?score(?:line)?|made\s+it|"
    r"lead|leads|led|leading|trail(?:s|ed|ing)?|deficit|comeback|series|innings?|overtime|extra\s+time|"
    r"shoot-?out|penalties|halftime|half-time)\b",
    re.IGNORECASE,
)
_RECORD = re.compile(
    r"\b(?:record|mark|season|seasons|went|finished|finish|career|overall|regular\s+season)\b", re.IGNORECASE
)
# ... and so is a pair before a season or a start it sums up ("a 4-12 season", "a 5-0 start"; not "a 3-2
# season-opening win", a game); a start inside one game is no record ("a 3-0 start in the first two minutes", "a
# 2-0 start to the second half")
_RECORD_AFTER = re.compile(
    r"^\s*(?:record|mark|season|campaign|start(?!\s+(?:in|to|of)\s+(?:the\s+|a\s+|this\s+)?(?:first|opening|second|"
    r"third|fourth|final|last|game|match|half|quarter|period|inning|innings|set|frame|minutes?|seconds?|tie)\b)"
    r")(?![\w-])",
    re.IGNORECASE,
)
# ... and a pair that a record or mark is brought to or stands at ("dropped his career record to 133-123", "a
# record of 9-3", "the mark stands at 40-22"; numprec19): the record's, not a game's ("mark" in lower case only:
# "Mark was 3-1 up at the break" is a man, review20)
_RECORD_BEFORE = re.compile(
    r"\b(?:record|(?-i:mark))(?:\s+(?:now|then|still|stands|stood|is|was|fell|improved|dropped|moved|rose|slipped|went)){0,2}"
    r"\s+(?:to|of|at|is|was)\s+$",
    re.IGNORECASE,
)
# not a result: votes, rulings, dates, ages, pages, rooms
_NOT_RESULT = re.compile(
    r"\b(?:vot(?:e|es|ed|ing|ers)|ballots?|majority|justices|ruling|decision|court|jury|aged?|ages|pages?|"
    r"chapters?|verses?|lines|rooms|grades?|years?|months?|weeks?|days?|hours?|minutes?|percent|per\s+cent|"
    r"January|February|March|April|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b",
    re.IGNORECASE,
)
# An election's figures: polls, seats, chambers, ballots governing the pair, within a few words of it ("led
# 52-45 in the latest poll", "the chamber 53-47", "a 53-47 chamber", "votes 51-49"); a game's result verb right
# before the pair wins over such a word ("beat Auburn 27-24 to stay top of the AP poll", "won 2-0 at Congress
# Park").
_ELECTION = (
    r"(?:polls?|polling|pollsters?|surveys?|chamber|senate|parliament|congress|electoral|delegates|ballots?|"
    r"votes?|voted|voters)"
)
_ELECTION_BEFORE = re.compile(rf"\b{_ELECTION}\b(?:\s+[\w'’-]+){{0,2}}\s*$", re.IGNORECASE)
_ELECTION_AFTER = re.compile(rf"^\s*(?:[\w'’-]+\s+){{0,3}}{_ELECTION}\b", re.IGNORECASE)
_GAME_VERB = re.compile(
    r"\b(?:won|wins?|beat|beats|beaten|defeat(?:s|ed)?|lost|lose|loses|edg(?:e|es|ed)|rout(?:s|ed)|"
    r"thrash(?:es|ed)|hammer(?:s|ed)|crush(?:es|ed)|drew|tied)\b(?:\s+[\w'’.-]+){0,3}\s*$",
    re.IGNORECASE,
)


# A legislature's chamber right after the pair, "in" or "by" it: a vote even after "defeated" or "lost" ("the
# amendment was defeated 201-199 in the lower house", "lost 48-52 in the Senate"); not a cup or a ground named
# after one ("won 2-0 in the Senate Cup", "lost 48-52 in the assembly hall"); "the House" with its capital is the
# chamber (misfire21: "Opponents led 215-210 in the House as voting continued"; "won 3-1 in the house" stays).
CHAMBER_AFTER = re.compile(
    r"^\s*(?:in|by)\s+(?:the\s+)?(?:(?:lower|upper)\s+(?:house|chamber)|house\s+of\s+(?:representatives|commons|"
    r"lords|delegates)|senate|parliament|commons|lords|legislature|assembly|chamber|congress|(?-i:House)(?!\s+of\b))\b"
    r"(?!\s+(?-i:[A-Z]))"
    # nor a room or a ground called after one (review20): "lost 48-52 in the assembly hall", "the chamber of horrors"
    r"(?!\s+(?:halls?|rooms?|buildings?|square|grounds|gardens|gym|ride|of\s+horrors)\b)",
    re.IGNORECASE,
)


# A government, its ministers or a bill defeated, beaten or backed: a chamber's vote, never a game's result
# (misfire21: "Lords defeated the government 250-180", "MPs handed ministers a defeat 300-250"; no side in sport is
# called so)
_GOVERNMENT_BEFORE = re.compile(
    r"\b(?:[Tt]he\s+)?(?:[Gg]overnment|ministers|administration|bill|motion|amendment|measure|legislation|"
    r"resolution)(?:['’]s\s+[\w-]+)?\s*$"
)


def _election(before: str, after: str) -> bool:
    """True when a poll, chamber or vote word governs the pair and no game's result verb does."""
    if CHAMBER_AFTER.match(after) or _GOVERNMENT_BEFORE.search(before):
        return True
    return bool(_ELECTION_BEFORE.search(before) or _ELECTION_AFTER.match(after)) and not _GAME_VERB.search(before)


# A pair followed by a plural noun counts that noun ("lost 10-15 tanks", "to lose 200-300 jobs"), unless the
# noun is a result's own ("ran out 9-3 victors", "a 6-4 sets lead").
_COUNTED_AFTER = re.compile(
    r"^\s+(?!(?:wins|losses|victories|victors|winners|losers|champions|defeats|draws|ties|points|goals|runs|"
    r"games|sets|matches|frames|legs)\b)[a-z][a-z’'-]*[a-rt-z]s\b"
)
# A price in a betting market, no game's result (misfire22): "the 5-2 favourite won by three lengths", "a 33-1
# outsider", "was sent off at odds of 11-4", "bookmakers made him 7-2 to win the title"; a game's result verb just
# before the pair keeps it a score ("Fans backed them as Rovers won 2-1")
_ODDS_AFTER = re.compile(
    r"^\s*(?:joint[\s-]+|second[\s-]+|co-?)?(?:favou?rites?|fav|outsiders?|shots?|long-?shots?|chances?|jolly|"
    r"on\s+favou?rites?)\b",
    re.IGNORECASE,
)
_ODDS_BEFORE = re.compile(
    r"\b(?:odds|priced|price|bookmakers?|bookies|punters|betting|backed|sent\s+off)\b(?:\s+[\w'’-]+){0,4}\s*$",
    re.IGNORECASE,
)
# ... nor a pair a result noun follows ("Bookmakers said United's 3-1 defeat cost them millions"; review22)
_RESULT_NOUN_AFTER = re.compile(
    r"^\s+(?:(?:home|away|shock|surprise|narrow|emphatic|comfortable|famous|stunning|dramatic|crushing|heavy)\s+)?"
    r"(?:wins?|victor(?:y|ies)|defeats?|loss(?:es)?|draws?|thrashings?|drubbings?|triumphs?|routs?)\b",
    re.IGNORECASE,
)
_TO_NEXT = re.compile(r"^(?:\s*[,.;)]|\s+(?:wins?|victory|defeat|loss|lead|draw|in|on|at|over|against|after)\b)")
_BEFORE, _AFTER, _NEAR = 50, 40, 25


@dataclass(frozen=True)
class Score:
    """A score or record in a sentence (offsets into the sentence)."""

    start: int
    end: int
    value: float  # the winner's figure (a score) or the wins (a record)
    canonical: str  # "34-6": the higher figure first (a score), as written (a record)
    kind: str  # "score" or "record"


def find_scores(s: str) -> list[Score]:
    """Scores and records of a sentence, in order; figures elsewhere are left to the quantity finder."""
    if not any(ch.isdigit() for ch in s):
        return []
    out: list[Score] = []
    for m in _PAIR.finditer(s):
        got = _read(s, m, three=m.group("c") is not None)
        if got is not None:
            out.append(got)
    if " to " in s:
        taken = [(x.start, x.end) for x in out]
        for m in _TO_PAIR.finditer(s):
            if any(a <= m.start() < b for a, b in taken):
                continue
            before = s[max(0, m.start() - _NEAR) : m.start()]
            if _RESULT.search(before) and _TO_NEXT.match(s[m.end() :]) and not _NOT_RESULT.search(before) and not _election(before, s[m.end() : m.end() + _AFTER]):
                out.append(_score(m, int(m.group("a")), int(m.group("b"))))
        out.sort(key=lambda x: x.start)
    return out


def _read(s: str, m: re.Match[str], three: bool) -> Score | None:
    before, after = s[max(0, m.start() - _BEFORE) : m.start()], s[m.end() : m.end() + _AFTER]
    near_before = before[-_NEAR:]
    if _NOT_RESULT.search(near_before) or _NOT_RESULT.match(after.lstrip()) or re.match(r"^\s*(?:of|per)\b", after):
        return None
    if _ODDS_AFTER.match(after) or (
        _ODDS_BEFORE.search(before) and not _GAME_VERB.search(before) and not _RESULT_NOUN_AFTER.match(after)
    ):
        return None  # a price in a betting market ("the 5-2 favourite", "odds of 11-4")
    if _election(before, after):
        return None  # a lead in the polls or a chamber's split ("led 52-45 in the latest poll") is no game
    if not three and _COUNTED_AFTER.match(after):
        return None  # a range of a count: "lost 10-15 tanks", "expects to lose 200-300 jobs"
    a, b = int(m.group("a")), int(m.group("b"))
    if three or _RECORD_AFTER.match(after) or _RECORD_BEFORE.search(near_before):
        if not (_RECORD.search(before) or _RECORD.search(after) or _RECORD_AFTER.match(after)):
            return None
        figures = [m.group("a"), m.group("b")] + ([m.group("c")] if three else [])
        return Score(m.start(), m.end(), float(a), "-".join(figures), "record")
    if not (_RESULT.search(before) or _RESULT.search(after)):
        return None
    return _score(m, a, b)


def _score(m: re.Match[str], a: int, b: int) -> Score:
    return Score(m.start(), m.end(), float(max(a, b)), f"{max(a, b)}-{min(a, b)}", "score")

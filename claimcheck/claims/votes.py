"""Vote tallies as number claims: "the Senate passed the bill 52-48", "the court ruled 6-3", "MPs voted 312 to
256", "approved by 312 votes to 256", "a 5-4 decision", "by a vote of 11 to 4", "11 in favour and 4 against".

A pair of figures is a tally only in a voting context (``_VOTE``: a word of voting, ruling or a verdict beside
the pair; or a verb of deciding, ``_DECIDE``, with a body that votes, ``_BODY``: a chamber, a council, a board, a
court, a jury, shareholders, members), never after a game's result verb (a sports score is read by
``claims/scores.py`` first), beside a poll, before "majority", "margin" or "ratio" (a chamber's make-up or a
ratio, "a 6-3 conservative majority", "a 2-1 margin"), nor a date, an age or a page ("9-11", "24-7", "aged
18-24"). A tally is one number claim, as a score is: its value is the higher figure, its unit ``vote`` and
``extra["score"]`` the tally, the higher figure first ("52-48" for "52 to 48", "312 votes to 256" or "lost
48-52"), so that the table reads "52-48 vote" and matching (``match.things.thing_key``) joins only the same
tally: another tally is another fact, never a conflict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.claims.scores import CHAMBER_AFTER

_DASH = r"(?:-|\s?[–—]\s?)"  # "52-48", "52–48", "52 – 48"
_FIG = r"(?:0|[1-9]\d{0,2}(?:,\d{3})*)"  # "52", "1,204" (a card vote of a union's conference)
_PAIR = re.compile(
    rf"(?<![\w.,/:$£€%–—-])(?P<a>{_FIG}){_DASH}(?P<b>{_FIG})"
    r"(?![\w%$£€/:]|[.,]\d|\s?[-–—]\s?\d)"
)
# "312 to 256", "312 votes to 256", "11 votes in favour to 4 against", "11 in favour and 4 against", "11 for
# and 4 against"
_WORD_PAIR = re.compile(
    rf"(?<![\w.,$£€-])(?P<a>{_FIG})(?:\s+votes?)?(?:\s+(?:in\s+favou?r|for))?"
    rf"(?:\s+to|\s*,?\s+(?:and|with)|\s*,)\s+(?P<b>{_FIG})(?:\s+votes?)?(?P<against>\s+against)?(?![\w%.,]\d|\w)"
    r"(?!\s*(?:per\s*cent|percent|%))",
    re.IGNORECASE,  # a headline's "Defeated By 250 Votes To 180" (misfire21)
)
# words of voting, ruling or a verdict: enough by themselves
_VOTE = re.compile(
    r"\b(?:vot(?:e|es|ed|ing)|ballot(?:s|ed|ing)?|ruled|ruling|decision|verdict|in\s+favou?r|abstentions?|"
    r"unanimous(?:ly)?)\b",
    re.IGNORECASE,
)
# verbs of deciding: a tally only beside a body that votes
_DECIDE = re.compile(
    r"\b(?:pass(?:es|ed)?|carried|approv(?:e|es|ed)|adopt(?:s|ed)?|reject(?:s|ed)?|defeated|confirm(?:s|ed)?|"
    r"back(?:s|ed)|endors(?:e|es|ed)|uph(?:eld|olds?)|overturn(?:s|ed)?|struck\s+down|strikes\s+down|"
    r"split|acquitt(?:ed)|convict(?:s|ed)|clear(?:s|ed)|found|sided|agreed|ratif(?:y|ies|ied)|"
    r"sanction(?:s|ed)|authori[sz](?:e|es|ed))\b",
    re.IGNORECASE,
)
_BODY = re.compile(
    r"\b(?:senate|house|congress|parliament|assembly|chamber|MPs|MEPs|lawmakers|legislators|legislature|"
    r"senators|representatives|deputies|councill?ors|council|committee|subcommittee|panel|board|directors|"
    r"trustees|shareholders|stockholders|members|delegates|commissioners|commission|cabinet|justices|judges|"
    r"court|bench|tribunal|jury|jurors|regents|governors|aldermen|supervisors|selectmen|union|"
    r"lords|peers|commons|MSPs|TDs)\b",
    re.IGNORECASE,
)
# a game's result verb right before the pair ("beat the Rovers 3-1"): a score, never a tally
_GAME_VERB = re.compile(
    r"\b(?:won|wins?|beat|beats|beaten|defeat(?:s|ing)?|lost|lose|loses|edg(?:e|es|ed)|rout(?:s|ed)|"
    r"thrash(?:es|ed)|hammer(?:s|ed)|crush(?:es|ed)|drew|tied|led|leads?|leading|trail(?:s|ed|ing)?|"
    r"score[sd]?)\b(?:\s+[\w'’.-]+){0,3}\s*$",
    re.IGNORECASE,
)
# a side ahead or behind: before a chamber, its seats ("Republicans lead 222-213 in the House"), review20
_LEADING = re.compile(r"\b(?:led|leads?|leading|trail(?:s|ed|ing)?)\b(?:\s+[\w'’.-]+){0,3}\s*$", re.IGNORECASE)
# a count still running: "led 215-210 in the House as voting continued", "split 50-50 as the roll call went on"
# (misfire21): no vote's tally yet, nor a game's score
_RUNNING = re.compile(
    r"\bas\s+(?:the\s+)?(?:voting|vote|votes|count|counting|roll\s+call|ballots?|results?)\s+"
    r"(?:continued|continues|went\s+on|goes\s+on|(?:was|were|is|are)\s+(?:still\s+)?(?:under\s?way|being\s+counted)|"
    r"came\s+in|come\s+in|trickled\s+in)\b",
    re.IGNORECASE,
)
# a poll's figures, a sport's words, anywhere near the pair: not a vote of a body
_NOT_VOTE = re.compile(
    r"\b(?:polls?|polling|pollsters?|surveys?|percent|per\s+cent|points|goals?|innings|match|game|season|series)\b",
    re.IGNORECASE,
)
# a word of ages, pages or time, or a month, right before the pair: a range ("aged 18-24", "pages 12-14",
# "weeks 3-4", "May 9-11"), never a tally
_RANGE_BEFORE = re.compile(
    r"\b(?:aged?|ages|pages?|chapters?|verses?|rooms|grades?|years?|months?|weeks?|days?|hours?|minutes?|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b(?:\s+(?:of|from|between))?\s*$",
    re.IGNORECASE,
)
_RANGE_AFTER = re.compile(
    r"^\s*(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|years?|months?|weeks?|days?|hours?|minutes?|percent|per\s+cent)\b",
)
# a make-up, a margin or a ratio, not one vote's tally: "a 6-3 conservative majority", "a 2-1 margin"; a game's
# result ("the fans' vote after their 8-7 win")
_NOT_TALLY_AFTER = re.compile(
    r"^\s*(?:[\w'’-]+\s+){0,2}?(?:majority|majorities|margin|ratio|split\s+of\s+seats|lead|edge|advantage|"
    r"seats?|odds|win|wins|victory|defeat|loss|draw|thrashing|rout|triumph|home\s+win|away\s+win)\b",
    re.IGNORECASE,
)
# a pair counting a plural noun is a range of it ("voted 3-4 times"), unless the noun is the votes themselves
_COUNTED_AFTER = re.compile(r"^\s+(?!(?:votes|ballots)\b)[a-z][a-z’'-]*[a-rt-z]s\b")
# the word after a tally: a function word, a time word, or a word of the vote itself ("voted 7-2 to approve",
# "passed 52-48 on Tuesday", "ruled 6-3 that", "a 5-4 decision", "a 7-2 committee vote"); another lower-case word
# makes the pair a modifier or a range ("4-5 storey towers", "20-30 new homes", "a 3-4 bedroom limit")
_NEXT_WORD = re.compile(r"^\s+([a-z][\w'’-]*)")
_TALLY_NEXT = frozenset(
    (
        "to", "in", "on", "that", "with", "for", "against", "and", "but", "after", "before", "as", "at", "by",
        "when", "while", "over", "under", "from", "last", "this", "earlier", "later", "yesterday", "today",
        "tonight", "overnight", "late", "early", "within", "amid", "despite", "following", "during", "so", "or",
        "a", "an", "the", "along", "behind", "which", "who"
    )
)
_BEFORE, _AFTER, _NEAR = 60, 40, 30


@dataclass(frozen=True)
class Vote:
    """A vote's tally in a sentence (offsets into the sentence)."""

    start: int
    end: int
    value: float  # the higher figure
    canonical: str  # "52-48": the higher figure first


def find_votes(s: str, taken: list[tuple[int, int]] | None = None) -> list[Vote]:
    """Vote tallies of a sentence, in order, outside the ``taken`` spans (scores read before)."""
    if not any(ch.isdigit() for ch in s):
        return []
    busy = list(taken or [])
    out: list[Vote] = []
    for pattern in (_PAIR, _WORD_PAIR):
        for m in pattern.finditer(s):
            if any(a < m.end() and m.start() < b for a, b in busy):
                continue
            if pattern is _WORD_PAIR and not _word_pair_ok(m):
                continue
            if _is_tally(s, m.start(), m.end()):
                a, b = int(m.group("a").replace(",", "")), int(m.group("b").replace(",", ""))
                out.append(Vote(m.start(), m.end(), float(max(a, b)), f"{max(a, b)}-{min(a, b)}"))
                busy.append((m.start(), m.end()))
    return sorted(out, key=lambda v: v.start)


def _word_pair_ok(m: re.Match[str]) -> bool:
    """"312 to 256" and "312 votes to 256" read as they stand; "11 and 4" or "11, 4" only as "11 in favour and 4
    against" (else a list of two figures)."""
    text = m.group().lower()
    joined_by_to = re.search(r"\s+to\s+", text) is not None
    return joined_by_to or (("favour" in text or "favor" in text or " for " in text) and m.group("against") is not None)


def _is_tally(s: str, start: int, end: int) -> bool:
    before, after = s[max(0, start - _BEFORE) : start], s[end : end + _AFTER]
    near_before = before[-_NEAR:]
    if _RANGE_BEFORE.search(before) or _RANGE_AFTER.match(after) or re.match(r"^\s*(?:of|per)\b", after):
        return False
    if _RUNNING.search(s, end, end + 60):
        return False
    if _NOT_VOTE.search(near_before) or _NOT_VOTE.search(after[:25]):
        return False  # "led 52-45 in the latest poll", "a 3-1 win in the series"
    if _NOT_TALLY_AFTER.match(after) or _COUNTED_AFTER.match(after):
        return False
    if (nxt := _NEXT_WORD.match(after)) and nxt.group(1) not in _TALLY_NEXT and not nxt.group(1).endswith("ly") and not _VOTE.search(after[:30]):
        return False  # "voted to build 4-5 storey towers", "approved 20-30 new homes": a range modifying a noun
    chamber = CHAMBER_AFTER.match(after) is not None  # "lost 48-52 in the Senate", "carried 312-256 in the Commons"
    if _GAME_VERB.search(before) and not _VOTE.search(near_before):
        # "beat the Rovers 3-1": a game's score (read by claims/scores.py where it is one); "lost 48-52 in the
        # Senate" a vote; but "Democrats lead 51-49 in the Senate" is the chamber's seats, no tally (review20)
        return chamber and not (_LEADING.search(before) and not _VOTE.search(after))
    if _VOTE.search(s[start:end]) or _VOTE.search(before) or _VOTE.search(after[:25]):
        return True
    return bool(_DECIDE.search(before) and (chamber or _BODY.search(before) or _BODY.search(after)))

"""Checkable statements: a sentence where named actors do or are something checkable.

Opinions, questions, calls to action and page furniture are not statements.
"""

from __future__ import annotations

import re

from claimcheck.claims.lexicon import content_words

FURNITURE = re.compile(
    r"^(?:sign\s+up|subscribe|read\s+(?:more|next|the\s+full)|click|tap|follow\s+us|share\s+(?:this|on)|"
    r"advertisement|related|recommended|watch|listen|download|get\s+the|join|contact\s+us|copyright|©|"
    r"all\s+rights\s+reserved|image\s+(?:copyright|caption)|photo(?:graph)?:|getty\s+images|"
    r"updated|published|posted|this\s+(?:article|story)\s+(?:was|has|is)|we\s+use\s+cookies|cookie|"
    r"support\s+(?:our|independent)|newsletter|more\s+from|see\s+also|editor'?s\s+note|"
    r"reporting\s+by|editing\s+by|writing\s+by|additional\s+reporting)",
    re.IGNORECASE,
)
_FURNITURE_ANYWHERE = re.compile(
    r"\b(?:sign\s+up\s+for|subscribe\s+to\s+our|newsletter|click\s+here|all\s+rights\s+reserved|"
    r"terms\s+of\s+(?:use|service)|privacy\s+policy|min(?:ute)?\s+read)\b",
    re.IGNORECASE,
)
_OPINION = re.compile(
    r"\b(?:should|ought|must|need\s+to|needs\s+to|i\s+think|we\s+think|i\s+believe|we\s+believe|in\s+my\s+view|"
    r"in\s+our\s+view|arguably|perhaps|maybe|probably|hopefully|surely|clearly|obviously|let's|let\s+us|"
    r"would\s+be|could\s+be|might|may\s+well|seems?|appears?\s+to|wonderful|terrible|great|best|worst|"
    r"shameful|disgrace|outrageous|brilliant|i|we|you|my|our|your)\b",
    re.IGNORECASE,
)
_IMPERATIVE = re.compile(
    r"^(?:please\s+)?(?:don'?t|do|let|see|read|click|go|try|imagine|consider|remember|note|make|take|keep|"
    r"get|find|check|look|call|visit|follow|share|join|watch|listen|sign|subscribe|tell|send|buy|vote)\b",
    re.IGNORECASE,
)
_EVENT = re.compile(
    r"\b(?:freed|free[sd]?|released?|releasing|lifted|lifts?|imposed?|imposes|visit(?:ed|s)?|met|meets|"
    r"signed|signs|arrested|detained|jailed|killed|kills|died|dies|announced|announces|approved|approves|"
    r"rejected|rejects|won|wins|lost|loses|elected|sentenced|convicted|charged|fined|ruled|rules|acquitted|"
    r"struck|hit|collapsed|launched|launches|fired|resigned|resigns|appointed|appoints|banned|bans|agreed|"
    r"agrees|pardoned|deported|expelled|closed|closes|opened|opens|raised|raises|cut|cuts|acquired|acquires|"
    r"merged|filed|files|sued|sues|attacked|invaded|withdrew|withdraws|returned|returns|arrived|arrives|"
    r"left|leaves|crossed|handed|transferred|reported|reports|confirmed|confirms|denied|denies|pleaded|"
    r"testified|voted|votes|passed|passes|vetoed|blocked|blocks|suspended|suspends|ordered|orders|"
    r"declared|declares|evacuated|destroyed|damaged|injured|wounded|shot|bombed|captured|seized|seizes|"
    r"recalled|recalls|reached|reaches|ended|ends|began|begins|started|starts|held|holds|hosted|hosts|"
    r"accused|accuses|named|names|nominated|nominates|published|publishes|released|unveiled|unveils|"
    r"introduced|introduces|sold|sells|bought|buys|paid|pays|posted|reported|recorded|rose|fell|grew|"
    r"increased|decreased|dropped|climbed|plunged|soared|hired|laid\s+off)\b",
    re.IGNORECASE,
)
_STATE = re.compile(
    r"\b(?:is|are|was|were|has\s+been|have\s+been|remains?|remained|became|becomes)\s+(?:an?|the|not\s+an?)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:of|for|in|at|to|with)\b|\b(?:is|are|was|were)\s+(?:born|based|located|married|"
    r"held|detained|imprisoned|jailed|banned|elected|appointed|headquartered)\b",
    re.IGNORECASE,
)
_ACTOR = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][\w’'-]+|\b[A-Z]{2,}\b")


def is_furniture(sentence: str) -> bool:
    """Page furniture: newsletters, share buttons, credits lines, cookie notices."""
    s = sentence.strip(" \t\"'“”‘’*•·-–—|")
    return bool(FURNITURE.match(s) or _FURNITURE_ANYWHERE.search(s)) or len(s.split()) < 4


def is_statement(sentence: str) -> bool:
    """True when ``sentence`` asserts a checkable event or state with a named actor."""
    s = sentence.strip()
    if s.endswith("?") or is_furniture(s) or not 5 <= len(s.split()) <= 80:
        return False
    if _IMPERATIVE.match(s) or _OPINION.search(s):
        return False
    if not (_EVENT.search(s) or _STATE.search(s)):
        return False
    return _has_actor(s)


def _has_actor(s: str) -> bool:
    """A named actor: a capitalised word that is not merely the sentence's first word."""
    first = s.split(maxsplit=1)[0]
    if first[:1].isupper() and first.lower() not in {"the", "a", "an", "it", "this", "that", "he", "she", "they"}:
        if first.strip(",.").isalpha():
            return True
    return bool(_ACTOR.search(s, len(first)))


def statement_words(sentence: str) -> list[str]:
    """Normalised content words of a statement, for fuzzy matching across outlets."""
    return content_words(sentence)

"""The counted thing after a number: its noun phrase ("123 political prisoners", "two United States
service members", "13,000 search and rescue workers"), or the one a sentence names when the number stands
alone ("the total released rose to 123")."""

from __future__ import annotations

import re
from functools import lru_cache

from claimcheck.claims.lexicon import COUNT_NOUNS, MONTHS, WEEKDAYS, is_title_case
from claimcheck.claims.numfilters import _UNIT_WORD
from claimcheck.claims.numwords import SCALES, TENS_WORDS
from claimcheck.claims.numwords import UNITS_WORDS as _UNITS_WORDS
from claimcheck.claims.roles import ROLE_WORDS
from claimcheck.text import CLAIM_STOPWORDS, CLAIM_WORD

# ... not when a counted whole follows, which the partitive reads (misfire22: "6 of her team's 9 goals", "3 of their
# first 4 matches" count goals and matches, not "team's" or "first")
_OF_POSSESSIVE = re.compile(
    r"\s+of\s+(?:its|their|his|her|our|the)\s+(?=[a-z])"
    r"(?!(?:[\w-]+['’]s\s+)?(?:(?:first|last|next|previous|past|opening|final|latest|remaining)\s+)?\d)"
)
_LY_NOUNS = frozenset(["daily", "weekly", "monthly", "quarterly", "yearly", "family", "ally", "rally"])
_MONTH_OR_DAY = frozenset(m.lower() for m in [*MONTHS, *WEEKDAYS])
_LEADING_MODIFIERS = frozenset(
    ["other", "more", "additional", "further", "new", "extra", "fewer", "so-called", "such"]
)
# Prepositions end the counted thing: "1,100 behind bars" counts no "bars".
_PREPOSITIONS = frozenset(
    ["behind", "beyond", "within", "inside", "outside", "near", "amid", "amidst", "despite", "throughout",
     "aboard", "alongside", "beside", "besides", "beneath", "underneath", "except", "versus", "vs"]
)
_NOT_UNIT = frozenset(
    {*CLAIM_STOPWORDS, *_PREPOSITIONS, *(m.lower() for m in MONTHS), *(d.lower() for d in WEEKDAYS)}
) - {
    "people", "years", "year", "months", "month", "weeks", "week", "days", "day", "times", "time", "ones",
}
_TIME_UNITS = frozenset(
    ["year", "years", "month", "months", "week", "weeks", "day", "days", "people", "times"]
)
_PAST_VERBS = frozenset(
    [
        "struck", "hit", "rose", "fell", "won", "lost", "left", "held", "led", "met", "took", "gave",
        "made", "said", "told", "began", "came", "went", "saw", "ran", "grew", "paid", "sold", "brought",
        "fought", "thought", "kept", "broke", "spoke", "fled", "flew", "drove", "spent", "sent", "set",
        "put", "cut", "shot", "stood", "wrote", "became", "remain", "remains", "remained", "were", "was",
        "are", "is", "have", "has", "had", "will", "would", "could", "can", "may", "might", "must",
        "should",
    ]
)
# Irregular pasts that end a counted noun's phrase after its noun (misfire21: "the 1,500-strong crowd sang
# throughout" counts a crowd, not a "crowd sang"); before the noun they are its modifier ("300 burst pipes", "40
# stuck drivers")
_IRREGULAR_PASTS = frozenset(
    ["sang", "rang", "swam", "drank", "ate", "threw", "knew", "caught", "taught", "sought", "bought", "felt",
     "heard", "found", "stole", "chose", "froze", "rode", "dug", "hung", "slept", "wept", "understood", "forgot",
     "bled", "sped", "spun", "stuck", "swore", "tore", "woke", "wore", "burst", "dealt", "meant", "built", "sank",
     "shrank", "sprang", "withdrew", "overtook", "forgave"]
)
# ... of which these are no adjective either, so they end the phrase right after the figure too (misfire22: "Of the
# 412 patients enrolled, 38 withdrew", "12 swam to safety"; "300 burst pipes", "40 stuck drivers" stay)
_PASTS_FIRST = _IRREGULAR_PASTS - frozenset(["dug", "hung", "spun", "stuck", "burst", "built", "felt"])
# Nouns plural in sense with no plural ending: "100 military personnel arrive" ends at the noun, before its verb
_COLLECTIVE = frozenset(["personnel", "police", "cattle", "livestock", "clergy", "poultry"])
_VERBISH_OK = frozenset(["dead", "injured", "wounded", "displaced", "detained", "missing", "killed"])
# The role words that are plural nouns: after one adjective they are the counted thing ("three minor injuries")
_ROLE_NOUNS = frozenset(["injuries", "deaths", "fatalities", "arrests", "evacuees"])


# a lower-case prefix hyphened to a capitalised word: "non-North", "pro-Western", "anti-Kremlin", "ex-Soviet"
_PREFIX_NAME = re.compile(r"(?:non|pro|anti|ex|post|pre|pan|neo|mid|trans|sub|inter|intra)-[A-Z][a-z]+")
# a part of a time hyphened to it is when, never the counted thing (misfire21): "rose to 57 mid-April", "hit 300
# mid-2024", "peaked at 9 late-2023", "400 early-March"; "a mid-sized firm", "mid-ranking officials" stay words
# a superlative right after "N of the" ranks the things counted, it is not one: "7 of the best hiking trails"
_SUPERLATIVE = frozenset(
    ["best", "worst", "top", "biggest", "largest", "greatest", "smallest", "richest", "poorest", "highest",
     "lowest", "fastest", "busiest", "deadliest", "oldest", "youngest", "newest", "latest", "strongest",
     "longest", "wealthiest", "finest", "most", "leading"]
)
_TIME_PART = re.compile(
    r"(?:mid|early|late)-(?:\d|(?:" + "|".join(m.lower() for m in [*MONTHS, *WEEKDAYS]) + r")\b|"
    r"(?:year|month|week|season|decade|century|summer|winter|spring|autumn|morning|afternoon|evening|night)s?\b"
    # (review21) not a compound that describes the plural noun after it: "40 late-night buses", "12 mid-week
    # fixtures", "3 mid-season signings" count those
    r"(?!\s+(?!(?:as|is|was|has|this|thus|plus|its|his|hers|theirs|us)\b)[a-z]{2,}s\b))",
    re.IGNORECASE,
)
# "late" or "early" as the adverb of a time after the number: "climbed to 20 late on Monday", "reached 9 early this
# morning", "rose to 31 late last night" (tolls23): a time, no counted thing ("12 late payments" keeps its noun)
_TIME_ADVERB = re.compile(
    r"(?:late|early)\s+(?:on|last|this|yesterday|today|tonight|overnight|"
    + "|".join(d.lower() for d in WEEKDAYS)
    + r")\b",
    re.IGNORECASE,
)
# after "and"/"or": up to three modifiers, then the plural noun they and the name before share
_COORDINATED = re.compile(r"\s+(?P<mods>(?:[A-Za-z][a-z]+(?:-[A-Za-z][a-z]+)?\s+){1,3})(?P<noun>[a-z]{3,}s)\b")
# a lower-case word of a verb's form, no modifier of a noun after "and" (review20): "2 Labradors and keeps chickens",
# "4 Britons and seized firearms", "3 Ferraris and drives classic cars" (a hyphened "state-funded" stays a modifier)
_VERB_FORM = re.compile(r"[a-z]*[^uis]s|[a-z]{2,}(?:ed|ing)")
# one lower-case word in quotation marks, as writers mark a noun used loosely: 12 “volunteers”, 140 million “users”
_SCARE_QUOTED = re.compile(r"\s[“‘\"]([a-z][a-z-]*)[”’\"](?![a-z])")


# "&" inside a capitalised name before the counted noun ("Lark & Lowe", "Marks & Spencer")
_AMPERSAND_NAME = re.compile(r" ?& ?(?=[A-Z])")


def _noun_phrase(s: str, pos: int) -> tuple[list[str], int]:
    """Up to three words after ``pos`` that name the counted thing, stopping at verbs and function words."""
    words: list[str] = []
    ends: list[int] = []  # where each capitalised word ends
    end = pos
    caps = 0  # leading proper-noun modifiers: "two United States service members", "nine US companies"
    of = _OF_POSSESSIVE.match(s, pos)  # "three of its commanders"
    if of:
        end = of.end()
    for _ in range(6):
        if (sq := _SCARE_QUOTED.match(s, end)) and sq.group(1) not in _NOT_UNIT and _is_plural(sq.group(1)):
            words.append(sq.group(1))  # 140 million monthly active “businesses”: the noun in scare quotes
            end = sq.end()
            break
        if caps and len(words) == caps and (amp := _AMPERSAND_NAME.match(s, end)):
            end = amp.end()  # "120 Lark & Lowe shops", "40 Marks & Spencer stores": one name (variants23)
        m = _UNIT_WORD.match(s, end)
        if m is None or (m.start(1) > end + 1 and end > pos) or m.start(1) - end > 1:
            break
        w = m.group(1)
        low = w.lower()
        if _TIME_PART.match(s, m.start(1)) or _TIME_ADVERB.match(s, m.start(1)):
            break
        if (not words or words[-1] in _UNITS_WORDS or (caps and len(words) == caps)) and (
            chain := _modifier_chain(s, m.start(1))
        ):
            # "two forthcoming pieces", "four lensed background quasars", "12 current or former world
            # leaders", "five mostly successful and usually entertaining seasons": adjectives and adverbs
            # before the plural noun they describe
            words += chain[0]
            end = chain[1]
            break
        if not words and (low in _LEADING_MODIFIERS or (of and end == of.end() and low in _SUPERLATIVE)):
            end = m.end()  # "two other sites"; "7 of the best hiking trails": the trails, not "best" (misfire21)
            continue
        name_number = caps and low in _UNITS_WORDS  # "two Formula One teams"
        # a prefix hyphened to a name is a proper modifier as the name alone: "three non-North Korean vessels",
        # "200 pro-Western activists", "40 anti-Kremlin protesters" (numprec19)
        prefixed = _PREFIX_NAME.fullmatch(w) is not None
        if (w[0].isupper() or prefixed) and (low not in _NOT_UNIT or (w.isupper() and len(w) > 1) or name_number):
            if len(words) > caps or caps >= 3 or low in _MONTH_OR_DAY:
                break
            caps += 1
            words.append(low)
            end = m.end()
            ends.append(end)
            continue
        if low in _CHAIN_JOINS and caps and len(words) == caps and (co := _COORDINATED.match(s, m.end())):
            # proper and plain modifiers joined before one plural noun: "18 Northern and central California
            # counties", "12 Catholic or Protestant schools" (numprec19)
            mods = co.group("mods").split()
            if not any(
                x.lower() in _NOT_UNIT or x.lower() in _PAST_VERBS or x.lower() in _NUMBER_WORDS or _VERB_FORM.fullmatch(x)
                for x in mods
            ):
                words += [low, *(x.lower() for x in mods), co.group("noun")]
                end = co.end()
                break
        if low == "and" and words and not words[-1].endswith("s") and (joined := _compound_and(s, m.end())):
            words.append("and")  # "search and rescue workers": one compound noun
            end = joined
            continue
        if low in _NOT_UNIT and low not in _TIME_UNITS or low in _PAST_VERBS or (words and low in _IRREGULAR_PASTS) or low in _PASTS_FIRST:
            break
        if low in _VERBISH_OK or low in ROLE_WORDS:
            if words and low in _ROLE_NOUNS and len(words) == 1 and not _is_plural(words[0]):
                words.append(low)  # "three minor injuries", "two further arrests": an adjective, then the noun
                end = m.end()
                break
            if words:  # "two policemen wounded": the noun is counted, the participle gives its role
                break
            words.append(low)
            end = m.end()
            if _plural_next(s, end):  # "five missing children": an adjective before the noun
                continue
            break
        if low.endswith("ed") and low not in _VERBISH_OK and low not in COUNT_NOUNS:
            # "63,000 cancelled orders", "71 scheduled laps", "10 identical underexposed shots" (after an
            # adjective: no plural noun before it whose verb it could be)
            if (not words or not (_is_plural(words[-1]) or words[-1] in _COLLECTIVE)) and _plural_next(s, m.end()):
                words.append(low)
                end = m.end()
                continue
            break
        if low.endswith("ing") and len(low) > 5 and "-" not in low and low not in ("buildings", "building"):
            break
        if low.endswith("ly") and low not in _LY_NOUNS:
            break
        words.append(low)
        end = m.end()
        if low in _VERBISH_OK or low in COUNT_NOUNS or low in ("people", "years", "months"):
            break
        if (_is_plural(low) or low in _COLLECTIVE) and (nxt := _NEXT_LOWER.match(s, end)) and not _is_plural(nxt.group(1)):
            break  # "the two tech giants coordinate efforts": a plural head, then its verb
    if words and words[-1] in ("head", "heads") and (title := _OF_STATE.match(s, end)):
        words += ["of", title.group(1).lower()]  # "12 heads of state": one title, not heads
        end = title.end()
    if caps and len(words) == caps:  # only capitalised words: a name follows the number, not a noun
        if caps == 1 or _named_plural(s, pos, words):
            return words, end
        if (head := _title_case_plural(s, pos, words)) is not None:
            return words[: head + 1], ends[head]
        return [], pos
    if of and not words:
        return [], pos
    return words, end


# The word just before the counted thing: the number as written ("six", "Nine", "12").
_NUMBER_BEFORE = re.compile(r"([A-Za-z]*)[\d.,]*\s*$")


def _named_plural(s: str, pos: int, words: list[str]) -> bool:
    """Whether capitalised words after a number are a plural the number counts: a name's plural as its last
    word ("six Infinity Stones", "two Grammy Awards", "three Golden Globes"). Not when the number itself is
    capitalised mid-name ("Nine Inch Nails", "Two Tone Records": a band's or a firm's name) or the last word
    is no plural ("three World Series", "Seven Oaks School")."""
    if not _is_plural(words[-1]):
        return False
    before = _NUMBER_BEFORE.search(s, max(0, pos - 24), pos)
    return before is not None and not before.group(1)[:1].isupper()


_DIGITS_BEFORE = re.compile(r"\d(?:[KkMm]|bn)?\s*$")


def _title_case_plural(s: str, pos: int, words: list[str]) -> int | None:
    """In a headline in title case every word is capitalised: the first plural of the words after a figure in
    digits is the noun it counts, the words after it the headline's verb and the rest ("86K E-Bike Batteries
    Recalled", "12,000 Nurses Walk Out": variants28). A number in words may open a name ("Nine Inch Nails")."""
    if not is_title_case(s):
        return None
    if not _DIGITS_BEFORE.search(s, max(0, pos - 24), pos):
        return None
    return next((i for i, w in enumerate(words) if _is_plural(w) and w not in _NOT_UNIT), None)


_OF_STATE = re.compile(r"\s+of\s+(state|government)\b", re.IGNORECASE)
_NEXT_LOWER = re.compile(r"\s+([a-z]+)\b")
_CHAIN = re.compile(r"[a-z][a-z-]*(?:,?\s+[a-z][a-z-]*){1,5}")
_CHAIN_JOINS = frozenset(["and", "or"])


def _modifier_chain(s: str, pos: int) -> tuple[list[str], int] | None:
    """Words from ``pos`` that modify a plural noun up to two to six words on: adjectives in -ing, -ed
    or others, -ly adverbs, "and"/"or" between them ("mostly successful and usually entertaining
    seasons"). None unless the chain needs reading this way: its first word would otherwise end the
    noun phrase (-ing, -ed, -ly) or is followed by "and"/"or" ("current or former leaders")."""
    m = _CHAIN.match(s, pos)
    if m is None:
        return None
    toks = re.findall(r"[a-z][a-z-]*", m.group())
    first = toks[0]
    breaks = (first.endswith(("ing", "ed", "ly")) and first not in _LY_NOUNS) or toks[1] in _CHAIN_JOINS
    if not breaks or first in _NOT_UNIT or first in _PAST_VERBS or first in COUNT_NOUNS or _is_plural(first):
        return None
    for i, w in enumerate(toks[1:], 1):
        if w in _CHAIN_JOINS:
            if toks[i - 1] in _CHAIN_JOINS:
                return None
            continue
        if w in _NOT_UNIT or w in _PAST_VERBS:
            return None
        if _is_plural(w) and toks[i - 1] not in _CHAIN_JOINS:
            stop = pos
            for t in toks[: i + 1]:
                stop = s.index(t, stop) + len(t)
            return toks[: i + 1], stop
    return None


def _is_plural(w: str) -> bool:
    if w in ("news", "series", "species", "means"):
        return False
    return w in COUNT_NOUNS or (w.endswith("s") and not w.endswith(("ss", "us", "is", "ous")) and len(w) > 3)


def _plural_next(s: str, pos: int) -> bool:
    m = _NEXT_LOWER.match(s, pos)
    if m is None or m.group(1) in _NOT_UNIT:
        return False
    w = m.group(1)
    return w in COUNT_NOUNS or (w.endswith("s") and not w.endswith(("ss", "us", "is")))


_AND_COMPOUND = re.compile(r"\s+([a-z]+)\s+([a-z]+)")


def _compound_and(s: str, pos: int) -> int | None:
    """After "and": where the compound's next word starts when "X and Y Zs" names one plural thing
    ("search and rescue workers", "health and safety inspectors"); None for a list ("cars and lorries")."""
    m = _AND_COMPOUND.match(s, pos)
    if m is None:
        return None
    plural = m.group(2) in COUNT_NOUNS or (m.group(2).endswith("s") and not m.group(2).endswith("ss"))
    if m.group(1) in _NOT_UNIT or not plural:
        return None
    return m.start(1) - 1


_NUMBER_WORDS = frozenset([*_UNITS_WORDS, *TENS_WORDS, *SCALES, "dozen", "dozens", "hundreds", "thousands", "millions", "billions", "trillions"])


# Role words said of a count as its predicate ("41 whales are dead", "12 were injured"): a bare figure elsewhere in
# the sentence, or in the next one, is not counted by them (variants28: "41 died and 22 were refloated", "... dead
# after 63 beached"); the role is ``event_role``'s to give from the figure's own verbs. "the dead", "the injured"
# name a group a figure may count ("the dead included 12 ...", "the number of injured rose to 27").
_PREDICATE_ROLES = frozenset(["dead", "injured", "wounded", "missing", "displaced"])
# ... said of a count by a verb of being or leaving (one word between: "are now dead", "were feared dead",
# "were seriously injured") or by a figure before it ("and 40 injured"); as a subject's noun it names the group the
# figure counts (review29: "the total dead rose to 41", "those injured numbered 27", "the figure for missing")
_PREDICATE_BEFORE = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|remain|remains|remained|left|leaves|leave|leaving)(?:\s+[a-z]+)?"
    # ... a figure and its noun ("leaves 41 whales dead", "12 people injured")
    r"|(?:\d|\b(?:" + "|".join(_UNITS_WORDS) + "|" + "|".join(TENS_WORDS) + r"))(?:\s+[a-z-]+){0,2})\s+$"
)


def _said_of_a_count(low: str, at: int) -> bool:
    return _PREDICATE_BEFORE.search(low, max(0, at - 30), at) is not None


@lru_cache(maxsize=256)
def _infer_unit(s: str) -> str | None:
    """A bare number ("the total released rose to 123") counts what the sentence names, if it names one."""
    low = s.lower()
    if "death toll" in low:
        return "deaths"
    best = None
    for m in CLAIM_WORD.finditer(low):
        w = m.group()
        if w in _PREDICATE_ROLES and _said_of_a_count(low, m.start()):
            continue  # "41 whales are dead after 63 beached": what befell another count, not this one's thing
        if w in COUNT_NOUNS:
            best = w
            prev = low[max(0, m.start() - 25) : m.start()].split()
            if (
                prev
                and prev[-1] not in CLAIM_STOPWORDS
                and prev[-1].isalpha()
                and not prev[-1].endswith("ed")
                and prev[-1] not in _NUMBER_WORDS  # "Thirty people died; 12 of them": people, not "thirty people"
            ):
                best = f"{prev[-1]} {w}"
            break
    return best

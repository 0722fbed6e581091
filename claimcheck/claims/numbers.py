"""Quantities in a sentence: value as an interval, the counted thing, the time it refers to.

Works on one sentence at a time with precompiled, linear regexes (no nested quantifiers over the same
characters), so that a 10,000-word article takes a few milliseconds.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from claimcheck.claims.ages import find_ages, is_person_noun
from claimcheck.claims.clauses import clause_whens, inner_stops, span_test
from claimcheck.claims.coref import NOT_NAME_WORDS, is_body_name
from claimcheck.claims.lexicon import CAPITAL, COUNT_NOUNS, MONTH_RE, MONTHS, WEEKDAYS, is_title_case
from claimcheck.claims.measures import (
    ATTACHED,
    CASE_SENSITIVE,
    LOWER_ONLY,
    MONEY_CUE,
    canonical,
    measure_after,
    metres_cue,
)
from claimcheck.claims.nounphrase import _OF_POSSESSIVE, _infer_unit, _is_plural, _noun_phrase
from claimcheck.claims.numfilters import (
    _AGO,
    _PHONE,
    _UNIT_WORD,
    _URLISH,
    ESCAPE_CODE,
    _not_a_quantity,
    _time_phrases,
    designation_after,
    headline_verb,
    listicle,
    named_numbers,
    ranked_list,
    resolution,
    selected_before,
    standing,
)
from claimcheck.claims.numwords import (
    CURRENCIES as _CURRENCIES,
)
from claimcheck.claims.numwords import CURRENCY_NOUNS
from claimcheck.claims.numwords import (
    ID_WORDS as _ID_WORDS,
)
from claimcheck.claims.numwords import (
    QUALIFIERS as _QUALIFIERS,
)
from claimcheck.claims.numwords import (
    SCALES as _SCALES,
)
from claimcheck.claims.numwords import (
    SKIP_CAPS as _SKIP_CAPS,
)
from claimcheck.claims.numwords import (
    TENS_WORDS as _TENS_WORDS,
)
from claimcheck.claims.numwords import (
    UNITS_WORDS as _UNITS_WORDS,
)
from claimcheck.claims.ordinals import find_ordinals, find_positions
from claimcheck.claims.roles import DEATH_UNITS, GENERIC, ROLE_WORDS, event_role, held_role
from claimcheck.claims.scores import find_scores
from claimcheck.claims.votes import find_votes
from claimcheck.models import ClaimDetails, Interval
from claimcheck.text import CLAIM_STOPWORDS, claim_content_words, claim_stem

# "nearly/almost 125" -> [0.92 * 125, 125): "nearly" rarely means more than ~8% short.
NEARLY_FACTOR = 0.92
# "about/around/some 1,100" -> [990, 1210]: ±10%.
ABOUT_FACTOR = 0.10

_SMALL = "|".join(sorted([*_UNITS_WORDS, *_TENS_WORDS], key=len, reverse=True))
# a tens word joins only a digit's word ("twenty-four", "ninety nine"); two words of units side by side are two
# figures or a slip ("scored just three four times"), never their sum (numprec28)
_TENS = "|".join(sorted(_TENS_WORDS, key=len, reverse=True))
_ONE_TO_NINE = "one|two|three|four|five|six|seven|eight|nine"
_WORDNUM = re.compile(
    rf"\b(?P<w>(?:(?:half\s+|(?:a|one|three)\s+quarters?\s+of\s+|(?:a|one|two)\s+thirds?\s+of\s+)?"
    rf"a(?=[ -](?:hundred|thousand|million|billion))|(?:{_TENS})[- ](?:{_ONE_TO_NINE})\b|{_SMALL})"
    rf"(?:[ -](?:hundred|thousand|million|billion)"
    rf"(?:(?: and)? (?:{_SMALL})(?:-(?:{_SMALL}))?)?)*(?:\s+dozen)?|a dozen|half a dozen|"
    rf"(?:tens|hundreds) of (?:thousands|millions|billions)|dozens|hundreds|thousands|millions|billions|trillions)\b",
    re.IGNORECASE,
)
_DIGITS = re.compile(
    r"(?P<cur>US\$|\$|£|€|¥|₹|\b(?:Rs\.?|INR|GBP|USD|EUR)\s?)?"  # "GBP 5bn", "USD 1.2 billion": the wires' codes
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<frac>[- ](?:1/2|1/4|3/4|1/3|2/3)(?![\d/])|[½¼¾⅓⅔])?"  # mixed fractions: "1-1/2 year", "2½"
    # Scale words in any case: headlines capitalise them ("$48 Billion", "3.1 Million").
    # ... and the wires' abbreviations after a space ("10 mln units", "2.1 bln euros", "5 bn"); a spaced "m" is metres
    r"(?P<scale>\s?(?i:million|billion|trillion|thousand|hundred|lakhs?|crores?)\b|(?:bn|mn|mln|tn|m|k|b)\b"
    r"|\s(?:mln|bln|bn|mn)\b)?"
    # British business copy's "pc" and the wires' "pct" ("profits rose 8pc", "slid 4.5 pc", "up 3.4 pct"), in lower case only ("4 PCs" are computers)
    r"(?P<pct>\s?%|\s(?:per\s?cent|percent|percentage points?)\b|\s?pct?\b(?![.'’-]\w))?"
    r"(?P<attached>(?i:km/h\b|mi/h\b)|[A-Za-z]+[²2]?)?"
)
_QUAL_RE = re.compile(
    r"\b(?P<q>" + "|".join(q for q, _ in _QUALIFIERS).replace(" ", r"\s+") + r")\s+"
    # "up to an additional 15 per cent", "as many as a further 200 jobs": the bound holds across the adjective
    r"(?:(?:an?\s+)?(?:additional|further|extra)\s+|another\s+)?$",
    re.IGNORECASE,
)
# An approximator or bound before an article: "had about a 3 percent chance", "up to a 15% discount" ("over a
# 10-year period" and "under a 2-year deal" are spans of time, not bounds: no "over"/"under" here).
_QUAL_ARTICLE_RE = re.compile(
    r"\b(?P<q>about|around|roughly|approximately|nearly|almost|more\s+than|less\s+than|fewer\s+than|up\s+to|"
    r"at\s+least)\s+an?\s+$",
    re.IGNORECASE,
)
# ... but "about" and "around" before an article are far more often prepositions ("worried about a 10 percent
# tariff", "argued about a $2 billion package", "marched around a 2-mile loop"): they approximate only after a
# verb that takes an amount (have, give, put, offer, estimate, cost, carry, stand) or "at"/"with", directly or
# with its object between ("gave the rider about a 3 percent chance"; "had worried about a" is the preposition).
_PREPOSITIONAL = frozenset(["about", "around"])
_AMOUNT_HOST = re.compile(
    r"\b(?:ha[sd]|have|having|gave|gives?|given|giving|puts?|putting|offer(?:s|ed|ing)?|estimat(?:es?|ed|ing)|"
    r"costs?|costing|carr(?:y|ies|ied|ying)|stands?|stood|standing|at|with)"
    r"(?:\s+(?![a-z]+(?:ed|ing)\b)[\w'’$-]+){0,3}\s+$",
    re.IGNORECASE,
)
_QUAL_MAP = {q: v for q, v in _QUALIFIERS}
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the)\s+$", re.IGNORECASE)
_BETWEEN_RE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"^(?:\s+(?:and|to)\s+|\s?[-–—]\s?)$")
# a "plus" apart from the figure that adds another amount or item is a conjunction, no bound: "$549 plus $50 in
# credit", "$20 Plus a gift card", "a fine of 300 euros plus costs", "£40 plus VAT" ("aged 65 plus" is a bound)
_POSTFIX = re.compile(
    r"\s*(?:,\s*)?(?P<p>or more|or so|-plus|-odd|\+|"
    r"plus(?!\s+(?:[$£€¥\d]|(?:a|an|the|one|two|three|another|other|tax|taxes|vat|shipping|fees?|costs?|"
    r"interest|expenses|tips?|postage|delivery|bonus(?:es)?)\b|(?-i:[A-Z]))))\b",
    re.IGNORECASE,
)
# "100-plus passengers", "300-odd homes": a bound or a round figure written after the number, read by _POSTFIX,
# not a compound whose word is the counted thing ("plus passengers", "odd homes")
_POSTFIX_HYPHENS = frozenset(["plus", "odd"])

_FRACTIONS = {"1/2": 0.5, "1/4": 0.25, "3/4": 0.75, "1/3": 1 / 3, "2/3": 2 / 3, "½": 0.5, "¼": 0.25, "¾": 0.75,
              "⅓": 1 / 3, "⅔": 2 / 3}  # fmt: skip
_NAME_BEFORE = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-Z][a-z]+\s$")
_MINUS = re.compile(r"(?:\bminus\s+|(?<![\w.,])[-−])$", re.IGNORECASE)
# a temperature's sign told after it: "14C below zero" ("below freezing" is 32F in Fahrenheit: left as it is)
_BELOW_ZERO = re.compile(r"\s+below\s+zero\b", re.IGNORECASE)
_DECADE = re.compile(r"^'?s\b")
_OF = re.compile(r"\s+of\s+(?:the\s+|their\s+|its\s+|them\b)?", re.IGNORECASE)
_HYPHEN_UNIT = re.compile(r"-([a-z]+(?:-[a-z]+)*)")
_HYPHEN_TITLE = re.compile(r"-[A-Z][a-z]+(?:-[A-Za-z][a-z]*)*\b")
# "five-and-a-half years", "a two-and-a-half-hour wait": the half is part of the figure (as with spaces, read
# by _AND_A_HALF), the compound's word after it is the unit or the counted thing
_HYPHEN_HALF = re.compile(r"-and-a-half\b(?=-[a-z]|\s|$|[,.;:!?)])", re.IGNORECASE)
# Compounds that describe a kind, not a count: "a two-way link", "a three-way race", "the two-state solution",
# "a one-party state", "a two-tier system", "one-off", "one-sided", a structure ("a three-stage rocket", "a
# two-step process", "a four-phase plan") or a model's build ("a three-wheeled car", "a four-door saloon", "a
# two-seater", "a four-cylinder engine"), or a sum's order of magnitude ("a six-figure salary") ("a threefold
# rise" is a figure).
IDIOM_COMPOUNDS = frozenset(
    ["way", "sided", "off", "tier", "party", "state", "faced", "handed", "dimensional", "pronged", "track",
     "stop", "liner", "horse", "size", "star", "stage", "step", "phase", "wheeled", "wheel", "door", "seater",
     "cylinder", "figure"]
)  # fmt: skip
# ... a structure of a few parts, that is: a count of many is a figure ("the 21-stage race" of a cycling tour, "a
# 50-seater plane", "a 12-step programme"); so are the members of a group ("the two-state solution", "a one-party
# state", "a two-horse race", "a one-stop shop" are kinds; "a 20-state coalition", "the 27-party alliance", "a
# 20-horse field", "a 12-stop tour" count).
_FEW_PART_COMPOUNDS = frozenset(["stage", "step", "phase", "seater", "state", "party", "horse", "stop"])
_FEW_PARTS = 4


def _kind_compound(word: str, value: float) -> bool:
    """Whether ``value``-``word`` ("three-stage", "two-way") names a kind rather than counts."""
    if word == "time" and value == 1:
        return True  # "a one-time grant", "the one-time champion": once, or former ("a two-time champion" counts)
    return word in IDIOM_COMPOUNDS and (word not in _FEW_PART_COMPOUNDS or value <= _FEW_PARTS)

_MAGNITUDE = re.compile(r"\bmagnitude(?:\s+of)?[\s-]+$", re.IGNORECASE)  # "magnitude 6.8", "a magnitude of 6.8"
# A quake's magnitude after its figure: "6.8 on the Richter scale", "registered 6.8 on the scale", "a 6.8 magnitude
# earthquake"; a decimal figure below ten before a quake's noun ("a 7.1 quake", "a 5.4 aftershock")
_MAGNITUDE_AFTER = re.compile(
    r"(?:\s+on\s+the\s+(?:open-ended\s+)?(?:richter|moment[\s-]magnitude)?\s*scale\b|[\s-]+magnitude\b)", re.IGNORECASE
)
_QUAKE_WORD = re.compile(r"\b(?:earth)?(?:quake|tremor|temblor|aftershock)s?\b|\bseismic", re.IGNORECASE)
_QUAKE_AFTER = re.compile(r"[\s-]+(?:earth)?(?:quake|tremor|temblor|aftershock)s?\b", re.IGNORECASE)
# A fact box run into one line ("Decks: 7 Lifeboats: 12 Engines: 4 Cabins: 310 Capacity: ..."): a bare
# figure between its label and the next label counts what its label names, not the next label's word.
_BOX_LABEL = re.compile(r"(?:^|[\s)])([A-Z][a-z]+(?:\s[\w-]+){0,3}):\s*$")
_BOX_NEXT = re.compile(r"\s+[A-Z][\w-]*(?:\s[\w-]+){0,3}:\s")
_ID_LOWER = sorted(w for w in _ID_WORDS if w.islower())
_ID_LOWER_SET = frozenset(_ID_LOWER) - {"no", "number"}  # ("no one was hurt" is left to the rules for "one")
_ITEM_BEFORE = re.compile(r"\b([a-z]+)\s+$")
_PLURAL_NEXT = re.compile(r"[\s-]+[a-z]+s\b")
# A thousands group split by a space after its comma ("some 1, 600 officers"): only an exact three-digit
# second group, and not inside a list of numbers ("7, 100 and 3", "1, 600, 700").
_SPLIT_THOUSANDS = re.compile(r"(?<![\d,.])(?<!\d,\s)(\d{1,3}), (\d{3})(?![\d.,]|\s*(?:,|and|or|to)\s*\d)")
# ... nor a day of a month or an item of a series before it ("on March 3, 300 people", "No. 1, 600 more")
_WORD_BEFORE_SPLIT = re.compile(rf"(?:\b{MONTH_RE}|\b[A-Z][a-z]*\.?|\b(?:{'|'.join(_ID_LOWER)}))\s+$")
# "twice" counts two times ("a red flag was shown twice"); "twice as many", "twice the size", "twice that"
# multiply another figure and are not counts.
# ... but "twice the league's player of the year", "twice the world champion" name a title won two times (numprec28),
# not a multiple of the champion's prize
_TWICE_TITLE = r"[^,.;:]{0,40}?\b(?:of\s+the\s+year|champions?|winners?|MVP)\b(?![\'’])"
_TWICE = re.compile(
    # "think twice" is a manner of speaking ("would not think twice", "thought twice before signing"), no count
    r"(?<!\bthink\s)(?<!\bthinks\s)(?<!\bthought\s)(?<!\bthinking\s)"
    r"\b[Tt]wice\b(?![\s-]+(?:as|the(?!\s" + _TWICE_TITLE + r")|that|this|those|these|its|their|his|her|our|my|a|an|"
    r"what|over|more|less)\b)"
)
# Fractions: "1/10th", "2/3 of the vote" (a date such as "9/11" has neither the ordinal ending nor "of"),
# "a tenth of", "two-thirds of", "three quarters of". "Half" is left out: it is mostly not a figure. Not "a quarter
# of a million", "two thirds of a billion": a figure in words (``_WORDNUM``), 250,000 and 666,666,666.
_DENOMINATORS = {
    "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "hundredth": 100, "thousandth": 1000,
}  # fmt: skip
_FRACTION_DIGITS = re.compile(
    r"(?<![\w/.,])(?P<a>\d{1,2})/(?P<b>\d{1,4})(?:(?P<th>st|nd|rd|th)s?\b|(?=\s+of\b))(?![/\d])"
)
_FRACTION_WORDS = re.compile(
    r"\b(?P<a>an?|one|two|three|four|five|six|seven|eight|nine)[\s-]+"
    r"(?P<b>(?:" + "|".join(_DENOMINATORS) + r")s?)(?=\s+of\b)(?!\s+of\s+an?[ -](?:hundred|thousand|million|billion|trillion|percentage[\s-]+point|point)\b)",
    re.IGNORECASE,
)

# A rate: "one in five adults", "1 in 10 workers", "one in every four homes" is a fraction of the noun after it
# (0.2 of adults), never a count of five adults. Not before a time or a series of tries ("two in three minutes",
# "three in four games") nor "one in a million" (an idiom); "three out of four games" stays a count of games.
_SMALL_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|thousand"
_RATE = re.compile(
    # ... or "out of every": "96 out of every 100 beds" (variants23; "three out of four games" stays a count)
    rf"(?<![\w.,\-–—])(?P<a>{_SMALL_WORDS}|\d{{1,3}})(?P<j>\s+|-)(?:in(?P=j)(?:every(?P=j))?|out(?P=j)of(?P=j)every(?P=j))"
    # (or no noun, at a clause's end: "the prevalence among adults was 1 in 4.", misfire22)
    rf"(?P<b>{_SMALL_WORDS}|\d{{1,3}}(?:,\d{{3}})?)(?=\s+(?P<noun>[a-z]+)\b|\s*(?:[.;)]|,\s|\s[-–—]\s|$))",
    re.IGNORECASE,
)
_RATE_TIME = frozenset(
    ["second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
     "year", "years", "decade", "decades", "games", "matches", "races", "attempts", "tries", "starts", "innings"]
)  # fmt: skip


def _rate_number(word: str) -> int:
    w = word.lower()
    return int(w.replace(",", "")) if w[0].isdigit() else int(_words_value(w) or 0)


_ANY_DIGIT = re.compile(r"\d")
_LOWER_WORD = re.compile(r"[a-z]+")
_NUMBER_WORDS = frozenset(
    [*_UNITS_WORDS, *_TENS_WORDS, "dozen", "dozens", "hundreds", "thousands", "millions", "billions",
     "trillions", "hundred", "thousand", "million", "billion"]
) - {"zero"}  # fmt: skip
# ... those that are a figure of their own, not a plural of many: a noun phrase opening with one is the next
# figure's ("three four times"), never this one's noun (numprec28)
_FIGURE_WORDS = _NUMBER_WORDS - {"hundreds", "thousands", "millions", "billions", "dozens"}


@dataclass
class Quantity:
    """A number found in a sentence, offsets relative to the sentence."""

    start: int
    end: int
    value: Interval
    qualifier: str
    unit: str | None
    when: str | None = None
    extra: ClaimDetails = field(default_factory=lambda: ClaimDetails())


@dataclass
class _Raw:
    start: int
    end: int
    value: float
    kind: str  # "digits" | "words" | "vague"
    unit: str | None = None  # currency / percent / measure, already known
    hyphen: str | None = None
    vague: tuple[float, float] | None = None
    measure: str | None = None  # dimension of ``unit`` when it is a unit of measure, money or percent
    measured: str | None = None  # what a measure compound describes ("bear" in "a 300-pound bear")
    bare: bool = False  # a plural number word without "of" ("dozens injured")
    scale: float = 1.0  # the written scale ("m" in "10m"), carried to a range's low end ("$5-10m")


# A headline in capitals throughout ("STORM KILLS 12 IN TEXAS") is read as in title case ("Storm Kills 12 In
# Texas"): the rules read capitals as names, so "12 IN TEXAS" counted "in texas". Words of up to three letters
# stay in capitals (acronyms: "US", "UN", "NHS") but the small words of a sentence.
_SHOUTED_WORD = re.compile(r"\b[A-Z][A-Z’']+\b")
_LETTER_WORD = re.compile(r"[A-Za-z]{2,}")
_SMALL_CAPS = frozenset(
    ["IN", "ON", "AT", "TO", "OF", "BY", "FOR", "THE", "AND", "AN", "AS", "IS", "OR", "BUT", "WITH", "FROM", "INTO",
     "OVER", "AFTER", "THAN", "PER", "UP", "OFF", "OUT", "ARE", "WAS", "HAS", "HAD", "ITS", "OUR", "HER", "HIS", "NEW",
     "ALL", "TWO", "SIX", "TEN", "ONE"]
)  # fmt: skip


def _unshouted(s: str) -> str:
    """``s`` in title case when it is written in capitals throughout (two words or more), else ``s``; the same
    length, so offsets hold."""
    if any(c.islower() for c in s) or len(_LETTER_WORD.findall(s)) < 2:  # noqa: PLR2004
        return s
    out = _SHOUTED_WORD.sub(
        lambda m: m.group() if len(m.group()) <= 3 and m.group() not in _SMALL_CAPS else m.group()[0] + m.group()[1:].lower(),  # noqa: PLR2004
        s,
    )
    return out if len(out) == len(s) else s


def find_quantities(sentence: str, context: str = "", *, scores: bool = False) -> list[Quantity]:
    """Every quantity in ``sentence`` with interval, unit, qualifier and time (offsets into the sentence).

    ``context`` is the sentence before, read only to infer the counted thing of a bare number
    ("Yet the group still counts more than 1,100 behind bars." after a sentence about prisoners).
    ``scores``: read sports scores and records ("a 34-6 win") as one quantity each (``_scores``).
    """
    sentence = _unshouted(sentence)
    raws: list[_Raw] = _fractions(sentence) if ("/" in sentence or "th" in sentence or "ter" in sentence) else []
    if "alf" in sentence or "quarter" in sentence or "third" in sentence:
        raws += _scaled_fractions(sentence)
    if " in " in sentence or "-in-" in sentence or " out of every " in sentence:  # "one-in-five adults" (misfire22)
        raws += _rates(sentence)
    if "wice" in sentence:
        raws += [_Raw(m.start(), m.end(), 2.0, "digits", "times") for m in _TWICE.finditer(sentence)]
    if " and a half" in sentence:
        raws += [_Raw(m.start(), m.end(), 1.5, "digits", m.group("unit").lower() + "s") for m in _A_UNIT_AND_A_HALF.finditer(sentence)]  # fmt: skip
    results = _scores(sentence) if scores else []
    if _DEATH_HINT.search(sentence):
        results += _ages_at_death(sentence)
    # ages, ordinals and positions, each where the quantities read before leave room (a score or an age at death
    # read first keeps its span)
    for cue, read in ((_AGE_CUE, _ages), (_ORDINAL_CUE, _ordinals), (_POSITION_CUE, _positions)):
        if cue.search(sentence):
            results += [q for q in read(sentence) if not any(r.start < q.end and q.start < r.end for r in results)]
    taken = [(r.start, r.end) for r in raws] + [(q.start, q.end) for q in results]
    # "two-on-one", "3-in-1", "20-of-24": no count, in digits or in words
    tallies = [m.span() for p in (_MATCH_UP, _IN_ONE) for m in p.finditer(sentence)] if "-" in sentence else []
    if _ANY_DIGIT.search(sentence):
        blocked = [m.span() for p in (_PHONE, _URLISH, _NUMBER_RUN, _QUOTE_ROW) for m in p.finditer(sentence)]
        blocked += tallies + taken
        blocked += named_numbers(sentence)
        if "m" in sentence and "[" in sentence:
            blocked += [m.span() for m in ESCAPE_CODE.finditer(sentence)]
        if _RACE_EVENT_CUE.search(sentence):
            blocked += [m.span() for m in _RACE_EVENT.finditer(sentence)]
        if "," in sentence or " and " in sentence or " or " in sentence:
            blocked += _code_lists(sentence)
        raws += _digit_numbers(sentence, blocked)
    if "-on-" in sentence or "-in-" in sentence:
        taken += tallies
    if _NUMBER_WORDS & set(_LOWER_WORD.findall(sentence.lower())):
        in_taken = span_test(taken)  # by bisection, as the digit numbers' blocked spans are
        raws += [r for r in _word_numbers(sentence) if not in_taken(r.start)]
    if not raws and not results:
        return []
    raws.sort(key=lambda r: r.start)
    raws = _drop_overlaps(raws)
    out: list[Quantity] = []
    i = 0
    while i < len(raws):
        raw, nxt = raws[i], raws[i + 1] if i + 1 < len(raws) else None
        if out and raw.unit is None and raw.hyphen is None and raw.kind in ("digits", "words"):
            raw = _elliptical(sentence, raw, out[-1])
        if out and _model_after_count(sentence, raws[i - 1], raw):
            i += 1
            continue  # "delivered 30 737 Max jets": the second figure names the model the first counts
        q, used = _to_quantity(sentence, raw, nxt, context)
        i += 2 if used else 1
        if q is not None:
            out.append(q)
    if "verage" in sentence or "median" in sentence:
        out = [q for q in out if not _AVERAGE_WINDOW.match(sentence, q.start, q.end + 30)]
    if " or " in sentence or "ouple" in sentence:
        out = [q for q in out if not _vague_amount(sentence, q)]
    if "illion" in sentence or "like " in sentence or " as " in sentence:
        out = [q for q in out if not _hyperbole(sentence, q)]
    if out and _JUDGED_SPAN.search(sentence):
        out = [q for q in out if not _JUDGED_SPAN.match(sentence, q.end)]
    if out and _ADVERB_UNIT.search(sentence):
        out = [q for q in out if (q.unit or "").lower() not in _ADVERBS]
    if out and _COLOUR_WORD.search(sentence):
        out = [q for q in out if (q.unit or "").lower() not in _COLOURS]
    if out and ('"' in sentence or "“" in sentence):
        names = [m.span(1) for m in _QUOTED_NAME.finditer(sentence)]
        out = [q for q in out if not any(a <= q.start and q.end <= b for a, b in names)]
    if results:
        out = sorted(out + results, key=lambda q: q.start)
    if len(out) >= LIST_ITEMS and _list_line(sentence, out):
        return []
    if out and _INSTRUCTION.match(sentence):
        # "Eat 60-90 minutes before your workout", "Bake for 25 minutes": a how-to's step, no claim; up to a colon,
        # a semicolon or a dash ("Take one example: the council spent £4m"), and only when no verb of its own
        # follows the word ("Water up to two metres deep flooded 300 homes", "Cool 18C temperatures are forecast")
        step = _STEP_END.split(sentence, maxsplit=1)[0]
        if not (_CLAUSE_VERB.search(step) or _PAST_VERB.search(step)):
            out = [q for q in out if q.start >= len(step)]
    if out and (frame := _FICTION_FRAME.match(sentence)):
        out = [q for q in out if q.start < frame.end()]  # "In the film, a soldier kills 12 men": the plot's figures
    if out and not _CLAUSE_VERB.search(sentence):
        out = [q for q in out if not _recipe(sentence, q)]
    _converted_bounds(sentence, out)
    if len(out) > 1 and " of " in sentence:
        _parts_of_wholes(sentence, out)
    if len(out) > 1 and "and" in sentence:
        out = _compound_durations(sentence, out)
    if len(out) > 1:
        out = _feet_and_inches(sentence, out)
    whens = clause_whens(sentence, _time_phrases(sentence), [(q.start, q.end) for q in out]) if out else []
    for q, when in zip(out, whens, strict=True):
        # a game's score is of one moment: "since 1985" beside it ("the first team since 1985 to overturn a
        # 3-1 deficit") dates the record the sentence states, not the score
        q.when = None if q.unit == "score" and when and when.lower().startswith("since ") else when
        if q.when and _FROM_DATE.match(q.when) and _FUTURE.search(sentence, 0, q.start) and not _FROM_UNTIL.search(sentence):
            # (the future in the figure's own words, before it: "Deaths have fallen 12% from last year and they
            # will fall further" keeps its span, review18)
            q.when = q.when[5:].strip()  # "will rise by 9% from July 1": the day it takes effect, no span
        q.extra["context"] = _context(sentence, q)
    return out


# A span judged long or short (precision23): "Three years is a long time, and schedules shift", "Two weeks felt like an
# eternity": a way of speaking of any span, no count; "Three years is the longest sentence the law allows" stays.
_JUDGED_SPAN = re.compile(
    r"\s+(?:is|was|seems|seemed|feels|felt)\s+(?:like\s+)?(?:(?:a\s+(?:(?:very|really|pretty)\s+)?(?:long|short)\s+"
    r"(?:time|while|way)|an\s+eternity|a\s+lifetime|nothing|forever)\b)",
    re.IGNORECASE,
)
# A number word standing for things named before, an adverb after it (precision23): "mixing the three together",
# "kept the two apart": nothing is counted ("the 12 workers together earned $5m" keeps its noun).
_ADVERBS = frozenset(["together", "apart", "alike", "altogether", "instead", "too", "again"])
_ADVERB_UNIT = re.compile(r"\b(?:" + "|".join(_ADVERBS) + r")\b", re.IGNORECASE)


# A lone colour in the singular as the counted thing names a kind in a list, no count (precision23): "Containers: 1
# Green, 1 Purple, 1 Blue", "Pick 2 red and 1 blue"; a plural colour is a team or a party ("4 Greens", "the Reds")
# and a colour before its noun is no unit of its own ("2 red cards").
_COLOURS = frozenset(
    ["red", "orange", "yellow", "green", "blue", "purple", "pink", "brown", "black", "white", "grey", "gray",
     "violet", "teal", "beige", "turquoise", "navy", "maroon"]
)  # fmt: skip
_COLOUR_WORD = re.compile(r"\d\s+(?:" + "|".join(_COLOURS) + r")\b", re.IGNORECASE)


# A name or a term in quotation marks after a word that introduces one (precision23): 'the term "three amigos"',
# 'dubbed "the Big 4"', 'a group known as "the 300 club"': a figure inside names something, no count. Only a short
# quote (up to four words): 'the phrase "two people died in the blast"' stays.
_QUOTED_NAME = re.compile(
    r"\b(?:term|phrase|expression|nickname|moniker|label|slogan|catchphrase|dubbed|nicknamed|branded|so-called|"
    r"known\s+as|billed\s+as)\s+[\"“]((?:[^\s\"“”]+\s+){0,3}[^\s\"“”]+?)[,.]?[\"”]",
    re.IGNORECASE,
)


_MODEL_FIGURE = re.compile(r"\s(?-i:[A-Z])[\w-]*\s+[a-z]")


def _model_after_count(s: str, prev: _Raw, raw: _Raw) -> bool:
    """Whether ``raw`` is a model's number right after a count of it: "30 737 Max jets", "12 747 Freighter planes"."""
    return (
        prev.kind == "digits"
        and raw.kind == "digits"
        and prev.end + 1 == raw.start
        and s[prev.end] == " "
        and not prev.unit
        and not raw.unit
        and prev.value < 1000  # noqa: PLR2004 - not a year ("In 2019 300 people died")
        and raw.value >= 100  # noqa: PLR2004
        and float(raw.value).is_integer()
        and "," not in s[raw.start : raw.end]
        and _MODEL_FIGURE.match(s, raw.end) is not None
    )


# A sentence told inside a work of fiction (misfire22, reviews): "In the film, a soldier kills 12 men to escape",
# "In the novel's second act, 3 brothers ...", "In the sequel, the heroine steals $5m": the plot's figures are no
# claims about the world. Not a book, a series, a show, a game or a season, which are also sport, memoirs and events
# ("In the series, India lead 2-1", "In the book, he says he earned £3m").
_FICTION_FRAME = re.compile(
    r"^\W*In\s+(?:the|this|its|his|her|their|a)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:film|movie|novel|play|sitcom|musical|opera|episode|sequel|prequel|comic|thriller|fairy\s+tale|"
    r"(?:film|novel|play)['’]s\s+(?:\w+\s+)?(?:act|scene|chapter|ending))\s*,"
    # (not a clause about the work itself: "In the film, which cost $200m, ...")
    r"(?!\s*(?:which|whose|released|directed|starring|out|made|shot|budgeted|costing|"
    # ... its audience, release and making (review22): "In the episode, watched by 8 million viewers, ..."
    r"watched|seen|viewed|streamed|aired|broadcast|screened|premiered|produced|written|adapted|filmed|nominated|"
    r"now|first)\b"
    # ... nor the people who made it, doing so (review22): "In the sequel, the studio spent $150m on effects"
    r"|\s*(?:the|its|his|her|their)\s+(?:studio|director|producers?|makers|film-?makers|author|writer|novelist|"
    r"playwright|composer|cast|crew|actors?|actress(?:es)?|stars?|network|broadcaster|publisher)\b)"
)


# "from <date>" in a sentence of what will be ("bills will rise by 9% from July", "the cap would rise to £1,834
# from April 1") names when a new figure takes effect: a point in time, as "in July" is, not a span to now ("have
# risen 9% since July"; "from March to May" is a span). variants18.
_FROM_DATE = re.compile(r"from\s+(?!the\s+(?:start|beginning)\b)\S", re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|would|shall|is\s+to|are\s+to|set\s+to|due\s+to|going\s+to|face|faces)\b", re.I)
_FROM_UNTIL = re.compile(r"\bfrom\s+[^,;.]{1,30}?\s+(?:to|until|till|through)\s+[A-Z0-9]", re.IGNORECASE)


# An age at death ("dies at 84", "died, aged 84", "died on Sunday at the age of 84"): an obituary's figure, which
# outlets state and dispute as any other; other ages (in apposition, "a 65-year-old") stay no claims.
# (a headline's Title Case too, misfire21: "Ex-Minister Dies At 88", "Singer Dies Aged 79 After Long Illness")
_AGE_AT_DEATH = re.compile(
    r"\b(?:[Dd]ied|[Dd]ies|[Dd]ead|[Pp]asse[ds]\s+[Aa]way)\b(?:\s+(?:on|in|at\s+(?:home|hospital))\b[^,.;:\d]{0,30}?)?,?\s+"
    r"(?:[Aa]ged|[Aa]t(?:\s+[Tt]he\s+[Aa]ge\s+[Oo]f)?)\s+(?P<n>\d{1,3})(?:\s+years?\s+old)?"
    r"(?=\s*(?:[,;)]|\.(?!\d)|$)|\s+(?i:on|in|after|at|from|of|following|surrounded|while|when|says|said)\b)"
)

# the cheap test before it, in any case (misfire22: "Singer Passed Away At 88", "Actor Passes Away At 91")
_DEATH_HINT = re.compile(r"die|dead|passe[ds]\s+away", re.IGNORECASE)


# The person who died, named before the verb: "The novelist Ivo Marsh has died", "Ivo Marsh, the novelist, has
# died", "Senator Rosa Quint died"; a name in the title or an earlier sentence is not the claim's (ages17).
_DEATH_NAME = (
    rf"(?<![\w’'-])(?P<name>[{CAPITAL}][\w’'-]+(?:\s+(?:(?:de|van|von|da|del|der|den|bin|al|la|le)\s+)?"
    rf"[{CAPITAL}][\w’'-]+){{0,3}})"
)
_AUX_END = r"\s*(?:(?:has|had|have|is|was)\s+)?(?:(?:reportedly|sadly|peacefully)\s+)?$"
_NAME_BEFORE_DEATH = re.compile(_DEATH_NAME + _AUX_END)
_NAME_APPOSED_BEFORE_DEATH = re.compile(
    r"^(?:[\w’'-]+\s+){0,4}?" + _DEATH_NAME + r"\s*,[^,;:()]{1,80}," + _AUX_END
)


def _death_name(before: str) -> str:
    """The name of the person an age at death is said of, from the words before the death verb; "" if none."""
    m = _NAME_APPOSED_BEFORE_DEATH.search(before) or (
        None if before.rstrip().endswith(",") else _NAME_BEFORE_DEATH.search(before)
    )
    if m is None:
        return ""
    words = [w for w in m.group("name").split() if w not in NOT_NAME_WORDS]
    name = " ".join(words)
    return "" if not words or is_body_name(name) else name


def _ages_at_death(s: str) -> list[Quantity]:
    out = []
    for m in _AGE_AT_DEATH.finditer(s):
        if int(m.group("n")) > 120:  # noqa: PLR2004
            continue
        q = Quantity(m.start("n"), m.end("n"), Interval.exact(float(m.group("n"))), "exact", "age at death")
        if name := _death_name(s[: m.start()]):
            q.extra["age_name"] = name  # only one named person's two ages at death may conflict (ages17)
        out.append(q)
    return out


# An age of a person in the news ("an 18-year-old man", "the 35-year-old driver", "a boy of 12"): a claim of
# unit "age" with its holder (``claims/ages.py``); ages in apposition ("The mayor, 61, said") stay none.
_AGE_CUE = re.compile(r"[-\u2010\u2011 ]old\b|\bage[ds]?\s|\s(?:boy|girl|man|woman|child|lad|lass|teenager|youngster|toddler)\s+of\s", re.I)


def _ages(s: str) -> list[Quantity]:
    out = []
    for a, b, value, qualifier, unit, noun, name in find_ages(s):
        extra: ClaimDetails = {"age_of": noun}
        if name:
            extra["age_name"] = name
        out.append(Quantity(a, b, value, qualifier, unit, extra=extra))
    return out


_SCORE_LIKE = re.compile(r"\d\s?[-–—]\s?\d|\d (?i:votes? )?(?i:to) \d|\d (?:votes? )?(?:in favou?r|for)\b")


def _scores(s: str) -> list[Quantity]:
    """Sports scores and records ("a 34-6 win", "a 50-32-1 record"): one claim each (``claims/scores.py``)."""
    if not _SCORE_LIKE.search(s):  # two figures joined by a dash or "to": 2% of real sentences
        return []
    out = [
        Quantity(x.start, x.end, Interval.exact(x.value), "exact", x.kind, extra={"score": x.canonical})
        for x in find_scores(s)
        if not ("(" in s and standing(s, x.start, x.end))
    ]
    # a vote's tally ("the Senate passed the bill 52-48", "MPs voted 312 to 256"): one claim of unit "vote",
    # read where no score is (``claims/votes.py``)
    votes = [
        Quantity(v.start, v.end, Interval.exact(v.value), "exact", "vote", extra={"score": v.canonical})
        for v in find_votes(s, [(q.start, q.end) for q in out])
    ]
    return sorted(out + votes, key=lambda q: q.start) if votes else out


_ORDINAL_CUE = re.compile(r"\d(?:st|nd|rd|th)\b|(?:ond|ird|th|-first)\b", re.IGNORECASE)


def _ordinals(s: str) -> list[Quantity]:
    """Ordinals of a counted thing ("its sixth nuclear test", "the 32nd floor"): one claim each, marked
    ``extra["ordinal"]`` (``claims/ordinals.py``)."""
    return [
        Quantity(a, b, Interval.exact(float(v)), "exact", unit, extra={"ordinal": True})
        for a, b, v, unit in find_ordinals(s)
    ]


_POSITION_CUE = re.compile(r"\b(?:lap|game|round)\s(?:\d|[a-z])", re.IGNORECASE)


def _positions(s: str) -> list[Quantity]:
    """An item of a contest named by its noun and a number ("on lap 20", "Game 7"): an ordinal claim as "the
    20th lap" is (``ordinals.find_positions``)."""
    return [
        Quantity(a, b, Interval.exact(float(v)), "exact", unit, extra={"ordinal": True})
        for a, b, v, unit in find_positions(s)
    ]


_OPEN_BRACKET = re.compile(r"\s*\(\s*$")
# a dimension's adjective may stand between a measure and its conversion: "about 40 metres deep (131 feet)"
# "108-foot-tall", "a 40-metre-long Ferris wheel": the compound states how big the named thing is
_SIZE_ADJECTIVES = frozenset(["tall", "high", "long", "wide", "deep", "thick", "heavy"])
_DIMENSION = re.compile(r"^\s+(?:deep|high|tall|long|wide|thick|away|across|above|below|in\s+diameter)\b")

# Vague amounts are no claims: "one or two", "two or three" (two neighbouring small number words), "a couple
# (of)". Digits ("10 or 12") are figures someone gave; the words are a manner of speaking.
_VAGUE_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_VAGUE_AMOUNT = re.compile(
    r"\b(?:" + "|".join(rf"{a}\s+or\s+{b}" for a, b in zip(_VAGUE_WORDS, _VAGUE_WORDS[1:], strict=False)) + r")\b"
    r"|\b(?:a\s+)?couple(?:\s+of)?\b",
    re.IGNORECASE,
)


def _vague_amount(s: str, q: Quantity) -> bool:
    return any(m.start() <= q.start < m.end() for m in _VAGUE_AMOUNT.finditer(s))


# A list line: an ingredient list, a spec sheet, a table row flattened into text ("[1 cup rice, 2 eggs,
# 1 tsp oil]", "6.1-inch screen, 128 GB, 12 MP camera"): LIST_ITEMS or more quantities that each open an
# item (after the line's start, a comma, a bracket or a semicolon, maybe with "or"/"and"; a figure after a
# label's colon is a fact box's, "Height: 70 metres, Engines: 27", and checkable), in a
# line with no verb of a clause ("Storms killed 12 people, injured 40 and left 3,000 homes" has one) and no
# thing news counts.
# Figures that exaggerate, not count: a made-up scale ("11 zillion files", "a gazillion apps") and a round "a
# hundred / thousand / million / billion" in a comparison of how something feels ("it can feel like there are a
# thousand forms to fill", "it felt like a million years", "as if a thousand people were watching"; "a thousand
# workers were hired", "viewed a million times" count).
_MADE_UP_SCALE = re.compile(r"\s*-?[a-z]{0,3}(?:zillion|jillion|squillion)s?\b", re.IGNORECASE)
_SEEMS_LIKE = re.compile(
    r"\b(?:like|as\s+if|as\s+though)\s+(?:there(?:'s|’s|\s+(?:is|are|was|were|had\s+been|have\s+been))\s+|"
    r"(?:it|they|we|you|i)(?:'s|’s|'re|’re|\s+(?:is|are|was|were|had|have))\s+(?:been\s+)?)?(?:about\s+|some\s+)?$",
    re.IGNORECASE,
)
_ROUND_ALONE = re.compile(r"an?\s+(?:hundred|thousand|million|billion|trillion)\b", re.IGNORECASE)


def _hyperbole(s: str, q: Quantity) -> bool:
    text = s[q.start : q.end]
    if "illion" in text and _MADE_UP_SCALE.search(text):
        return True
    if _MADE_UP_SCALE.match(s, q.end):
        return True
    return bool(_ROUND_ALONE.match(text) and _SEEMS_LIKE.search(s, max(0, q.start - 40), q.start))


LIST_ITEMS = 3
_ITEM_START = re.compile(r"(?:^|[,;(\[\u2022|]\s*|\n)(?:(?:or|and|plus)\s+)?(?:about\s+|approx\.?\s+)?$", re.IGNORECASE)
_CLAUSE_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|being|am|has|have|had|do|does|did|will|would|shall|should|can|could|may|"
    r"might|must|said|says|say|told|tells|added|noted|reported|according)\b|\w{3,}(?:ed|ing)\s+(?:\d|by|to|in|on|at|the|a|an|his|her|their|its)\b",
    re.IGNORECASE,
)


# A race's name: a distance before a swimming stroke or a track event ("the 100 yard backstroke", "the 400m
# hurdles", "the 200-metre freestyle", "the 4x100 medley relay"): the event a swimmer or a runner is in, no measure
# stated ("swam 100 yards in 50 seconds" and the time of a race, "in 12.5 seconds", stay)
_RACE_EVENT_CUE = re.compile(r"freestyle|backstroke|breaststroke|butterfly|medley|relay|hurdles|dash|steeplechase|sprint")
_RACE_EVENT = re.compile(
    # a distance with its unit, or without one only after "the" or in a relay's "4x100" ("won 11 sprint titles",
    # "14 relay medals" count titles and medals)
    r"(?:\b(?:\d+\s*[x×]\s*)?\d{2,5}(?:\s*|-)(?:m|metres?|meters?|yards?|yd|km|miles?)|(?<=\bthe\s)\d{2,5}"
    r"|\b\d+\s*[x×]\s*\d{2,5})[\s-]+"
    r"(?:individual\s+medley|freestyle|backstroke|breaststroke|butterfly|medley(?:\s+relay)?|"
    r"(?:freestyle\s+)?relay|hurdles|dash|steeplechase|sprint)\b",
    re.IGNORECASE,
)
# A how-to's step: a sentence that opens with a verb of cooking, eating, exercise, care or gardening in the
# imperative, followed by its amount, time or object ("Eat every 2-3 hours", "Drink 20-30 minutes before your
# workout", "Simmer for 10 minutes", "Take 2 tablets every 4 hours", "Water twice a week"): the reader's
# instructions, no claim. Not a noun reading of the word ("Drink sales rose 5%", "Water levels rose 2 m": a noun
# follows), nor a gerund ("Eating 60 grams of nuts a day cut the risk"), nor "Heat"/"Season" (a team, a series).
_INSTRUCTION = re.compile(
    r"^[\s\"'“‘*•·-]*(?:eat|drink|add|bake|cook|boil|simmer|stir|whisk|pour|chop|combine|sprinkle|marinate|rinse|soak|"
    r"knead|preheat|refrigerate|chill|roast|fry|saut[eé]|steam|blend|microwave|repeat|stretch|take|allow|wait|"
    r"sleep|walk|jog|water|sow|apply|drain|cool|let\s+(?:it|them)\s+(?:rest|cool|stand|sit))\s+"
    r"(?:\d|every\b|each\b|for\s+(?:\d|about|around|at\s+least|up\s+to|another|a\s+further)|about\b|around\b|"
    r"at\s+least\b|up\s+to\b|no\s+more\s+than\b|within\b|twice\b|once\b|(?:one|two|three|four|five|six|seven|"
    r"eight|nine|ten|half)\b)",
    re.IGNORECASE,
)


_STEP_END = re.compile(r"\s*[:;]\s|\s[—–-]\s")
# the past of common verbs whose present is another word, or a verb in -ed before its object: a sentence with one is
# told, not a how-to's step ("Water two feet deep swept through 40 houses", "Water ... deep flooded 300 homes")
_PAST_VERB = re.compile(
    r"\b(?:swept|spent|lost|rose|fell|left|took|gave|made|drove|came|went|ran|broke|struck|tore|sank|flew|grew|"
    r"kept|brought|caught|bought|sold|paid|won|beat|fought|held|led|met|sent|shot|stood|threw|wore|found|"
    r"began|became|sat|saw|told|wrote)\b|\b\w{3,}ed\s+(?:\d|(?:by|to|in|on|at|the|a|an|his|her|their|its|through|"
    r"across|into|over)\b)",
    re.IGNORECASE,
)


def _list_line(s: str, out: list[Quantity]) -> bool:
    """A list line, unless it tallies what news counts ("The toll: 12 dead, 40 injured, 3,000 homeless")."""
    items = sum(bool(_ITEM_START.search(s[max(0, q.start - 12) : q.start])) for q in out)
    if items < LIST_ITEMS or items < len(out) - 1 or _CLAUSE_VERB.search(s):
        return False
    return not any(q.unit and q.unit.split()[-1].lower() in COUNT_NOUNS for q in out)


def _converted_bounds(s: str, out: list[Quantity]) -> None:
    """A measure converted in brackets keeps the bound of the figure it converts: "more than 1,200 miles
    (1,931 kilometres)" is more than 1,931 km too."""
    for a, b in zip(out, out[1:], strict=False):
        same = a.extra.get("measure") is not None and a.extra.get("measure") == b.extra.get("measure")
        between = s[a.end : b.start]
        if dim := _DIMENSION.match(between):
            between = between[dim.end() :]
        if same and a.qualifier != "exact" and b.qualifier == "exact" and _OPEN_BRACKET.match(between):
            b.qualifier, b.value = a.qualifier, _interval(b.value.low or 0.0, a.qualifier)


# A number that ends its clause without a noun ("Harwick with 112 years and Dunmore with 64", "teens
# average nine hours a day, and tweens average six", "from 68 years to 69"): the noun is the one of the
# number before it, when the two stand in parallel (the same word before each) or in "from ... to".
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)]|$)")
_LAST_WORD = re.compile(r"([A-Za-z]+)[\s,]*$")
# How far before a number the patterns ending at it (a last word, a box label, a day before "3, 300") are
# searched: searched from the sentence's start, a line of thousands of numbers was quadratic.
_LOOK_BACK = 120
_FROM_TO = re.compile(r"^\s+to\s+$", re.IGNORECASE)


def _elliptical(s: str, raw: _Raw, prev: Quantity) -> _Raw:
    """``raw`` with the counted thing of ``prev`` when it is elliptical in parallel with it (above), else as is."""
    if not prev.unit or prev.extra.get("unit_inferred") or prev.extra.get("role") or not _CLAUSE_END.match(s, raw.end):
        return raw
    between = s[prev.end : raw.start]
    if len(between) > 60 or any(ch.isdigit() for ch in between):
        return raw
    a = _LAST_WORD.search(s, max(0, prev.start - _LOOK_BACK), prev.start)
    b = _LAST_WORD.search(s, max(0, raw.start - _LOOK_BACK), raw.start)
    parallel = a is not None and b is not None and a.group(1).lower() == b.group(1).lower() and b.start() > prev.end
    from_to = bool(_FROM_TO.match(between)) and bool(re.search(r"\bfrom\s+$", s[max(0, prev.start - 8) : prev.start], re.I))
    if not (parallel or from_to):
        return raw
    return _Raw(raw.start, raw.end, raw.value, raw.kind, prev.unit, measure=prev.extra.get("measure"))


# "nine minutes and 46 seconds", "two hours and 10 minutes": one duration, in the smaller unit.
_DURATION_STEPS = {("hour", "minute"): 60.0, ("minute", "second"): 60.0}
# ... but years and months are one term in years, as news writes it the other way ("six years and six months",
# "six and a half years", "6.5 years": variants28); a month is a twelfth of a year.
_IN_LARGER = {("year", "month"): 12.0}
_DURATION_AND = re.compile(r"\s+and\s+$")


# A part and its whole told together, "was 12 of 20 for 150 yards", "completing nine out of 14 attempts", "won
# 4 of 5 races": the part's figure is "12 of 20" (alone it read as a count of the whole's thing, "9 attempts" for
# nine completed of 14). The whole stays a claim; a bare one ("of 16") is marked ``whole``: compare shows no row of
# it alone (a "16" row says nothing), a whole with its noun ("20 images") is a count of its own. Not "of the"
# ("three of the 12 jurors" is read as before), roles ("five of 20 passengers were hurt" stays a toll), measures or
# sums ("$5 of $10"), ranges or bounds.
_OF_WHOLE = re.compile(r"\s+(?:out\s+)?of\s+", re.IGNORECASE)
_NOT_PLAIN = ("ordinal", "score", "age_of", "measure", "role")


def _plain_count(q: Quantity) -> bool:
    v = q.value
    return q.qualifier == "exact" and v.low is not None and v.low == v.high and not any(k in q.extra for k in _NOT_PLAIN)


def _parts_of_wholes(s: str, out: list[Quantity]) -> None:
    """Give the part of each "N of M" the unit "of M" and the whole's noun (``_OF_WHOLE``); mark a bare whole."""
    for part, q in itertools.pairwise(out):
        if (
            _OF_WHOLE.fullmatch(s, part.end, q.start)
            and _plain_count(part)
            and _plain_count(q)
            and part.value.low <= q.value.low  # type: ignore[operator]
            and (part.unit is None or part.extra.get("unit_inferred") or part.unit == q.unit)
        ):
            part.unit = f"of {s[q.start : q.end]}"  # the whole's span holds its noun ("16 attempts"), if any
            part.extra.pop("unit_inferred", None)
            if q.unit is None or q.extra.get("unit_inferred"):
                q.extra["whole"] = True  # a bare whole ("of 16"): shown in its part's row, no row alone


def _compound_durations(s: str, out: list[Quantity]) -> list[Quantity]:
    merged: list[Quantity] = []
    for q in out:
        prev = merged[-1] if merged else None
        if prev is not None and (step := _duration_step(prev, q)) and _DURATION_AND.match(s[prev.end : q.start]):
            total = prev.value.low * step + q.value.low  # type: ignore[operator]
            merged[-1] = Quantity(prev.start, q.end, _interval(total, prev.qualifier), prev.qualifier, q.unit)
            continue
        if prev is not None and (per := _larger_step(prev, q)) and _DURATION_AND.match(s[prev.end : q.start]):
            total = prev.value.low + q.value.low / per  # type: ignore[operator]
            merged[-1] = Quantity(prev.start, q.end, _interval(round(total, 4), prev.qualifier), prev.qualifier, prev.unit)
            continue
        merged.append(q)
    return merged


# "6ft 3in", "5 feet 10 inches", "4ft and 2in": one length, in inches (variants23: a height told as "1.9 metres")
_FEET_INCHES_GAP = re.compile(r"\s*(?:and\s+)?")


def _feet_and_inches(s: str, out: list[Quantity]) -> list[Quantity]:
    merged: list[Quantity] = []
    for q in out:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.unit == "ft"
            and q.unit == "in"
            and q.qualifier == "exact"
            and prev.value.low is not None
            and prev.value.low == prev.value.high
            and q.value.low is not None
            and q.value.low == q.value.high
            and q.value.low < 12
            and _FEET_INCHES_GAP.fullmatch(s, prev.end, q.start)
        ):
            inches = prev.value.low * 12 + q.value.low
            merged[-1] = Quantity(prev.start, q.end, _interval(inches, prev.qualifier), prev.qualifier, "in", prev.when, q.extra)
            continue
        merged.append(q)
    return merged


def _duration_step(a: Quantity, b: Quantity) -> float | None:
    """The factor from ``a``'s unit to ``b``'s when both are exact durations one step apart ("minutes", "seconds")."""
    return _duration_step_in(a, b, _DURATION_STEPS)


def _larger_step(a: Quantity, b: Quantity) -> float | None:
    """How many of ``b``'s unit make ``a``'s, for exact terms told in both ("two years and four months"), when
    ``b`` is less than one of ``a``."""
    per = _duration_step_in(a, b, _IN_LARGER)
    return per if per is not None and b.value.low is not None and b.value.low < per else None


def _duration_step_in(a: Quantity, b: Quantity, steps: dict[tuple[str, str], float]) -> float | None:
    """``steps``' factor for the units of ``a`` and ``b`` (singular), when both are exact figures."""
    if a.qualifier != "exact" or b.qualifier != "exact" or a.value.low != a.value.high or b.value.low != b.value.high:
        return None
    ua, ub = (a.unit or "").rstrip("s"), (b.unit or "").rstrip("s")
    return steps.get((ua, ub))


def _drop_overlaps(raws: list[_Raw]) -> list[_Raw]:
    out: list[_Raw] = []
    for r in raws:
        if out and r.start < out[-1].end:
            continue
        out.append(r)
    return out


def _fractions(s: str) -> list[_Raw]:
    """Fractions of a whole: "1/10th of the energy" is 0.1, "two-thirds of voters" 0.667 (kind "fraction":
    the counted thing is the whole after "of")."""
    out: list[_Raw] = []
    for m in _FRACTION_DIGITS.finditer(s):
        a, b = int(m.group("a")), int(m.group("b"))
        if 0 < a < b:
            out.append(_Raw(m.start(), m.end(), round(a / b, 6), "fraction"))
    for m in _FRACTION_WORDS.finditer(s):
        head = m.group("a").lower()
        a = 1 if head in ("a", "an") else _UNITS_WORDS[head]
        b = _DENOMINATORS[m.group("b").lower().rstrip("s")]
        if a < b and (a == 1 or m.group("b").lower().endswith("s")):
            out.append(_Raw(m.start(), m.end(), round(a / b, 6), "fraction"))
    return out


# A fraction of a scale or of a percentage point: "three-quarters of a million people" (750,000), "half a million",
# "a quarter of a percentage point", "half a percentage point" (0.5 points), "a quarter point" beside a rate.
_SCALED_FRACTION = re.compile(
    r"\b(?:(?P<a>an?|one|two|three)[\s-]+(?P<b>half|third|quarter)s?\s+of\s+an?|(?P<half>half)(?:\s+of)?\s+an?)\s+"
    r"(?P<scale>thousand|million|billion|trillion|percentage[\s-]+point|point)\b"
    r"|\b(?P<qa>an?)\s+(?P<qb>half|quarter)[\s-]+(?P<qscale>percentage[\s-]+point|point)\b",
    re.IGNORECASE,
)
_FRACTION_PARTS = {"half": 2, "third": 3, "quarter": 4}
# "a quarter-million people", "a half-million visitors", "quarter million" (no "of a"): the US and headline form
# (variants22); "three-quarters of a million" is read above, "three quarter million" is left.
_HALF_SCALE = re.compile(r"\b(?P<article>an?\s+)?(?P<part>half|quarter)[\s-](?P<scale>thousand|million|billion)\b", re.IGNORECASE)
_PART_BEFORE = re.compile(r"\b(?:one|two|three|and)[\s-]+$", re.IGNORECASE)  # not "one and a half billion"
# ... nor a year's quarter or a game's half before a "million-dollar" word: "a fourth quarter million-dollar
# writedown", "the second half million-pound signing" (review23)
_PERIOD_BEFORE = re.compile(r"\b(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th|the)[\s-]+$", re.IGNORECASE)
_RATE_CUE = re.compile(r"\b(?:rates?|interest|yields?|percent|per\s+cent|%|inflation|margin|polls?|points?\s+lead)", re.IGNORECASE)


def _scaled_fractions(s: str) -> list[_Raw]:
    out: list[_Raw] = []
    for m in _SCALED_FRACTION.finditer(s):
        if m.group("half"):
            value, scale = 0.5, m.group("scale")
        elif m.group("qa"):
            value, scale = 1 / _FRACTION_PARTS[m.group("qb").lower()], m.group("qscale")
        else:
            head = m.group("a").lower()
            a = 1 if head in ("a", "an") else _UNITS_WORDS[head]
            b = _FRACTION_PARTS[m.group("b").lower()]
            if a >= b:
                continue
            value, scale = a / b, m.group("scale")
        scale = " ".join(scale.lower().replace("-", " ").split())
        if scale.endswith("point"):
            if scale == "point" and not _RATE_CUE.search(s):
                continue  # "half a point" of a game's or a contest's score
            out.append(_Raw(m.start(), m.end(), round(value, 6), "digits", "percentage points", measure="percent"))
        else:
            big = _SCALES[scale]
            out.append(_Raw(m.start(), m.end(), round(value * big, 6), "digits", scale=big))
    for m in _HALF_SCALE.finditer(s):
        if _PART_BEFORE.search(s, max(0, m.start() - 8), m.start()) or any(r.start <= m.start() < r.end for r in out):
            continue
        if m.group("article") is None and _PERIOD_BEFORE.search(s, max(0, m.start() - 8), m.start()):
            continue
        big = _SCALES[m.group("scale").lower()]
        out.append(_Raw(m.start(), m.end(), round(big / _FRACTION_PARTS[m.group("part").lower()], 6), "digits", scale=big))
    return out


def _rates(s: str) -> list[_Raw]:
    """Rates as fractions of the noun after them: "one in five adults" is 0.2 of adults (kind "fraction")."""
    out: list[_Raw] = []
    for m in _RATE.finditer(s):
        a, b = _rate_number(m.group("a")), _rate_number(m.group("b"))
        noun = (m.group("noun") or "").lower()
        if 0 < a < b and noun not in _RATE_TIME and noun not in CLAIM_STOPWORDS:
            out.append(_Raw(m.start(), m.end(), round(a / b, 6), "fraction"))
    return out


def _digit_numbers(s: str, blocked: list[tuple[int, int]]) -> list[_Raw]:
    out: list[_Raw] = []
    split_ends: set[int] = set()
    if ", " in s:
        # read "1, 600" as "1,600 " (same length, so later offsets hold); a number ending there ends a
        # character later in the sentence as written
        splits = [
            m
            for m in _SPLIT_THOUSANDS.finditer(s)
            if not _WORD_BEFORE_SPLIT.search(s, max(0, m.start() - _LOOK_BACK), m.start())
        ]
        split_ends = {m.end() - 1 for m in splits}
        parts, last = [], 0
        for m in splits:
            parts += [s[last : m.start()], f"{m.group(1)},{m.group(2)} "]
            last = m.end()
        s = "".join(parts) + s[last:]
    inside = span_test(blocked)
    for m in _DIGITS.finditer(s):
        start, end = m.span()
        if inside(m.start("num")) or _attached_left(s, m.start()):
            continue
        if not m.group("cur") and _designation(s, start, end):
            continue  # "three Falcon 9 rockets": the model's figure (the count is "three")
        num = m.group("num")
        if len(num) == 2 and start and s[start - 1] == "’" and not (m.group("cur") or m.group("scale")):
            continue  # a decade or year cut short: "the ’80s", "the class of ’99"
        value = float(num.replace(",", "")) + _FRACTIONS.get((m.group("frac") or " ")[-3:].lstrip("- "), 0.0)
        unit = None
        attached = (m.group("attached") or "").lower()
        scale = (m.group("scale") or "").strip().lower()
        measure = None
        if scale == "m" and not m.group("cur") and not attached and (metres_cue(s, start, end) or _race(s, num, start, end)):
            scale, unit, measure = "", "m", "distance"  # "dug 13m down", "a depth of 40m", "won the 200m final"
        if attached:
            known = attached in ATTACHED and not scale and not m.group("pct")
            if known and attached in CASE_SENSITIVE and not m.group("attached").isupper():
                known = False
            if known and attached == "g" and m.group("attached") == "G":
                known = False  # "the 5G network", "4G phones": a network's generation, never grams (misfire21)
            if known and attached in LOWER_ONLY and not m.group("attached").islower():
                known = False
            if known and measure_in_name(s, start, end, attached):
                continue  # "Route 9W", "the Acme 72W USB-C Car Charger": a rating or code in a name
            if known:
                unit, measure = canonical(attached) or (attached, "measure")
            elif attached in _SCALES and not scale:
                scale = attached
            elif attached == "s" and len(num) == 4:
                continue  # a decade: "the 1990s"
            elif (glued := _GLUED_TIME.get(attached)) and not scale and not m.group("pct") and (attached != "s" or "." in num):
                unit = glued  # a time written short: "ran 19.12s", "19.12sec", "a 48hr strike", "after 90mins"
            elif attached in ("bp", "bps") and not scale and not m.group("pct"):
                unit = "basis points"  # "cut by 50bps", "a 25bp rise"
            elif attached == "in" and not scale and not m.group("pct") and _INCHES_GLUED.match(s, end):
                unit, measure = "in", "distance"  # "15in of rain", "a 6in blade": glued, never the word "in"
            elif attached == "p" and not (scale or m.group("pct")) and _pence(s, num):
                unit = "pence"  # "each share at 420p", "a loaf at 95p": pence, as "420 pence" is
            else:
                continue  # ordinal ("3rd"), model name ("4K", "RAV4"), code
        if scale == "k" and not m.group("cur") and resolution(s, m.start("num"), end):
            continue  # "4K streaming", "shot in 8K": a resolution, not thousands
        if scale:
            value *= _SCALES[scale]
        if m.group("cur"):
            unit, measure = _CURRENCIES[m.group("cur").strip().lower()], "money"
        if m.group("pct"):
            unit = "percentage points" if "point" in m.group("pct") else "percent"
            measure = "percent"
        if unit is None and not (m.group("cur") or scale or m.group("pct")) and _inch_mark(s, end):
            if _INCH_MEASURE.match(s, end + 1):
                unit, measure, end = "in", "distance", end + 1  # '22" long', 'a 5" screen'
            else:
                continue  # '70" Element 4K UHD TV', 'a 34" 3440x1440 panel': the size in a product's name
        if unit is None and not (m.group("cur") or scale or m.group("pct")) and (dim := _M_DIMENSION.match(s, end)):
            unit, measure, end = "m", "distance", dim.end()  # "some 30 m long", "5 m deep" (variants23)
        if unit is None:
            unit, measure, end = _measure_after(s, end, unit, measure, _SCALES.get(scale, 1.0) >= 1e6)
        if not (m.group("cur") or scale or m.group("pct") or unit) and _not_a_quantity(s, m, value, num):
            continue
        if measure == "temperature" and (minus := _MINUS.search(s, max(0, start - 8), start)):
            value, start = -value, minus.start()  # "minus 5C"
        elif measure == "temperature" and value > 0 and (below := _BELOW_ZERO.match(s, end)):
            value, end = -value, below.end()  # "14C below zero": a reading below zero, as "-14C" (review32)
        raw = _Raw(start, end, value, "digits", unit, measure=measure, scale=_SCALES.get(scale, 1.0))
        if not unit and (half := _HYPHEN_HALF.match(s, end)):
            raw.value, raw.end = value + 0.5, half.end()  # "5-and-a-half points"
        hy = _HYPHEN_UNIT.match(s, raw.end) if not unit else None
        hy_word, hy_end = (hy.group(1), hy.end()) if hy else (None, raw.end)
        if not unit and hy is None and (titled := _HYPHEN_TITLE.match(s, raw.end)) and is_title_case(s):
            hy_word, hy_end = titled.group()[1:].lower(), titled.end()  # a headline's "5-Year Deal" (misfire21)
        if hy_word:
            if hy_word.startswith(("year-old", "years-old", "month-old", "week-old", "day-old")):
                continue
            if _kind_compound(hy_word.split("-", 1)[0], value):
                continue
            if hy_word in _POSTFIX_HYPHENS:
                hy_word = None
        if hy_word:
            raw.hyphen, raw.end = hy_word.replace("-", " "), hy_end
            _hyphen_measure(s, raw)
        if (
            measure not in ("money", "percent")
            and raw.unit is not None
            and (raw.measured or "").split(" ", 1)[0] not in _SIZE_ADJECTIVES
            and designation_after(s, raw.end)
        ):
            # a measure in a name: "the 200 yard Individual Medley", "a 13-inch MacBook Pro"; not one that gives
            # the size of the thing named ("the 108-foot-tall Korea Space Launch Vehicle")
            continue
        if raw.end in split_ends:
            raw.end += 1
        out.append(raw)
    return out


# A race's distance ("the 200m", "400m hurdles", "the 1500m freestyle"): one of the distances run or swum, in a
# sentence of racing (variants18: "clocked 19.12sec in the 200m" was 200 million). Never with a currency sign.
_RACE_DISTANCES = frozenset(["50", "60", "100", "110", "200", "400", "800", "1500", "1,500", "3000", "3,000", "5000",
                             "5,000", "10,000", "10000"])  # fmt: skip
_RACE_CUE = re.compile(
    r"\b(?:final|finals|heats?|hurdles|races?|raced|sprint\w*|relay|freestyle|backstroke|breaststroke|butterfly|"
    r"medley|steeplechase|dash|semi-finals?|athlet\w*|clocked|swimm\w*|runners?|sprinters?|championships|"
    r"olympics?|olympian|medal\w*|podium|specialists?|hurdlers?)\b"
    # a race's time in seconds (misfire21: "won the 400m in 44.1 seconds"), also glued to its decimals as
    # _GLUED_TIME reads it ("in 9.58s"; never "the 1990s")
    r"|\d\s*(?:seconds|secs?)\b|\d\.\d+s\b",
    re.IGNORECASE,
)


# The race's name (review18): a race's word after the figure ("the 400m final", "Bolt's 100m world record", and
# its runner or run, misfire21: "her medal-winning 400m run", "the 800m runner", "a 400m specialist"), or
# the figure after a determiner or a possessive and before no noun ("won the 200m.", "the 200m in 19.8 seconds");
# "Some 100m voters ... in the presidential race", "the race to connect 200m homes", "an audience of 100m" count.
_RACE_AFTER = re.compile(
    r"\s+(?:finals?|heats?|hurdles|races?|sprint\w*|relay|freestyle|backstroke|breaststroke|butterfly|medley|"
    r"steeplechase|dash|semi-finals?|world|olympic|titles?|gold|silver|bronze|medals?|records?|champion\w*|"
    r"personal|season|runs?|runners?|runner-up|swims?|swimmers?|sprinters?|hurdlers?|specialists?)\b",
    re.IGNORECASE,
)
_RACE_AND = re.compile(r"(?:\s*,\s*|\s+(?:and|or)\s+)(?:the\s+)?(\d{2,5}|\d{1,2},\d{3})m\b")
_RACE_AND_BACK = re.compile(r"(?<![\w$£€¥.,])(\d{2,5}|\d{1,2},\d{3})m(?:\s*,\s*|\s+(?:and|or)\s+)(?:the\s+)?$")
# ... or the verb that runs or swims it ("ran 100m in 9.8s", "swam 400m in under four minutes"; lead20)
_RACE_BEFORE = re.compile(r"(?:\b(?:the|a|an|his|her|their|its|ran|swam)|['’]s)\s+$", re.IGNORECASE)
_RACE_END = re.compile(
    r"\s*(?:[.,;:!?)\"”’]|$)|\s+(?:in|at|on|and|or|with|after|before|for|to|by|was|is|when|as|than)\b", re.IGNORECASE
)


def _race(s: str, num: str, start: int, end: int) -> bool:
    """Whether a bare "200m" is a race's distance: one run or swum, in a sentence of racing and none of money,
    written as the race's name (``_RACE_AFTER``, ``_RACE_BEFORE``)."""
    if num not in _RACE_DISTANCES or _RACE_CUE.search(s) is None or MONEY_CUE.search(s) is not None:
        return False
    # distances in a list are races together: "the 100m and 200m titles", "won the 100m, 200m and 400m"
    spans = [(start, end)]
    while (co := _RACE_AND.match(s, spans[-1][1])) and co.group(1) in _RACE_DISTANCES:
        spans.append((co.start(1), co.end()))
    while (back := _RACE_AND_BACK.search(s, max(0, spans[0][0] - 16), spans[0][0])) and back.group(1) in _RACE_DISTANCES:
        spans.insert(0, (back.start(1), back.end(1) + 1))
    return any(
        _RACE_AFTER.match(s, b)
        or (_RACE_BEFORE.search(s, max(0, a - 12), a) is not None and _RACE_END.match(s, b) is not None)
        for a, b in spans
    )


# Times written short and glued to the figure (variants18). A bare "s" only after decimals ("19.12s", never "the
# 1990s" nor "20s"); "in" is inches only glued and before a word or the end ("15in of rain", not "2in1").
_GLUED_TIME = {"s": "seconds", "sec": "seconds", "secs": "seconds", "min": "minutes", "mins": "minutes",
               "hr": "hours", "hrs": "hours"}  # fmt: skip
_INCHES_GLUED = re.compile(r"(?=[\s.,;:)!?]|$)")


# What makes "N million pounds" a weight: what it is of ("2 million pounds of grain") or a verb of weighing.
_WEIGHED = re.compile(r"\s+of\b|.*\b(?:weigh\w*|heav\w+|tons?|tonnes?|cargo|load)\b", re.IGNORECASE)


# Pence written "95p" (British prices): a sentence of prices or shares, and never a video's lines ("1080p", "720p")
_PRICE_CUE = re.compile(
    r"\b(?:shares?|prices?|priced|pence|penny|cost|costs|offer|offers|valu\w*|paid|pay|pays|sell|sells|sold|"
    r"tickets?|fares?|stamps?|per|each|cheaper|dearer)\b",
    re.IGNORECASE,
)
_VIDEO_LINES = frozenset(["144", "240", "360", "480", "576", "720", "1080", "1440", "2160", "4320"])


def _pence(s: str, num: str) -> bool:
    return num not in _VIDEO_LINES and _PRICE_CUE.search(s) is not None


# A spaced "m" before the adjective of a dimension is metres: "a sauropod some 30 m long", "a 5 m deep pit" (a bare
# spaced "m" may be millions: "30 m people")
_M_DIMENSION = re.compile(r" m(?= (?:long(?! ago)|high|deep|tall|wide|thick)\b)")


def _measure_after(
    s: str, end: int, unit: str | None, measure: str | None, millions: bool = False
) -> tuple[str | None, str | None, int]:
    """A unit of measure written after the number ("300 pounds", "40 degrees Celsius"), if one is. Millions of
    pounds ("lost a combined 2.3 million pounds", "signed for 45 million pounds") are a sum, unless the sentence
    weighs them or says what they are of."""
    after = measure_after(s, end)
    found = canonical(after[0], s) if after else None
    if after is None or found is None:
        return unit, measure, end
    weighed = _WEIGHED.match(s, after[1]) or _WEIGHED.match(s[:end])
    if millions and found == ("lb", "weight") and after[0].startswith("pound") and not weighed:
        return "pounds", "money", after[1]
    return found[0], found[1], after[1]


def _hyphen_measure(s: str, raw: _Raw) -> None:
    """"a 300-pound bear": the compound is a weight of 300 lb; "bear" is what is measured, not counted."""
    assert raw.hyphen is not None
    first, _, rest = raw.hyphen.partition(" ")
    after = raw.end
    if first == "square":  # "an 800-square metre area", "a 300-square-foot flat"
        if rest:
            second, _, rest = rest.partition(" ")
        elif (nxt := _UNIT_WORD.match(s, raw.end)) is not None:
            second, after = nxt.group(1).lower(), nxt.end()
        else:
            return
        first = f"square {second}"
    found = canonical(first, s) if first not in ("c", "f", "l", "g") else None
    if found is None:
        return
    raw.end = after
    words, end = _noun_phrase(s, raw.end)
    raw.unit, raw.measure, raw.hyphen = found[0], found[1], None
    measured = " ".join([w for w in (rest, *words) if w])
    if measured:
        raw.measured = measured
    if words:
        raw.end = end


# A table row flattened into text: three or more bare numbers in a row, with nothing but spaces or a dash
# between them ("Westfield 15 18 12 16 - 61", a box score's points per quarter).
_NUMBER_RUN = re.compile(r"(?<![\w.,$£€%])\d[\d,]*(?:\s+(?:[-–]\s+)?\d[\d,]*){2,}(?![\w.,%])")
# A match-up of sides, no count: "a two-on-one", "one-on-one talks", "a 3-on-3 tournament", "five-on-three".
_MATCH_UP = re.compile(
    r"\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven)-on-"
    r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven)\b",
    re.IGNORECASE,
)
# A kind of product, not a count: "a 3-in-1 charger", "a two-in-one laptop"; a player's stat line: "20-of-24
# passing", "7-of-12 from the field".
# An idiom of odds or of a return period, no count either (misfire22): "a one-in-a-million talent", "a
# one-in-a-hundred-year flood", "a one-in-100-year event".
_IN_ONE = re.compile(
    r"\b(?:\d|two|three|four|five|six|seven)-in-(?:1|one)\b|(?<![\w.,-])\d{1,3}-of-\d{1,3}(?![\w-])"
    r"|\b(?:one|1)-in-(?:an?-[a-z]+(?:-[a-z]+)?|[\d,]+-years?)\b",
    re.IGNORECASE,
)
# An inch mark: a straight double mark (or a double prime) right after a figure, where no quotation is open before
# it in the sentence (an even number of straight marks not after a figure). Before a lower-case word, a stop or
# another dimension it measures ('22" long', 'a 5" screen', '24" x 36"'); before a capital or a figure it is the
# size in a product's name ('70" Element TV', 'a 34" 3440x1440 panel').
_INCH_MEASURE = re.compile(r"\s+(?:[a-z]|x\s*\d)|\s*[-–]\s*[a-z]|\s*[x×]\s*\d|\s*[.,;:)]|\s*$")
_OPEN_MARK = re.compile(r'(?<!\d)"')


def _inch_mark(s: str, end: int) -> bool:
    if s[end : end + 1] == "″":
        return True
    if s[end : end + 1] != '"' or end + 1 < len(s) and s[end + 1].isalnum():
        return False
    return len(_OPEN_MARK.findall(s, 0, end)) % 2 == 0  # no quotation open (marks after a figure are inches)


# A market-data row: a price, its signed change and its signed change in percent ("ACME CORP. 113.40 -1.62
# -1.41%", "Brent 64.10 +0.52 +0.82%"), a ticker's line of a table, no figure a story states.
_QUOTE_ROW = re.compile(r"(?<![\w.,$£€%])\d[\d,]*\.\d+\s+[-+−–]\d[\d,]*(?:\.\d+)?\s+[-+−–]\d+(?:\.\d+)?%")


# Coordinated figures of which one carries letters that are no unit are designations, all of them: models
# ("the 5, 5S and 5C", "the X7 or 7 Pro"), flights, routes ("the 5 and 5A buses"): "5C" there is no temperature.
_CODE_LIST = re.compile(
    r"(?<![\w.,$£€])\d{1,4}[A-Za-z]{0,3}(?:(?:,\s*|,?\s+(?:and|or|&)\s+)\d{1,4}[A-Za-z]{0,3}){1,6}(?![\w%])"
)
_CODE_MEMBER = re.compile(r"\d{1,4}([A-Za-z]{0,3})")


def _code_lists(s: str) -> list[tuple[int, int]]:
    out = []
    for m in _CODE_LIST.finditer(s):
        suffixes = [x.group(1) for x in _CODE_MEMBER.finditer(m.group())]
        if any(x and x.lower() not in ATTACHED and x.lower() not in _SCALES and x.lower() not in _ORDINALS for x in suffixes):
            out.append(m.span())
    return out


_ORDINALS = frozenset(["st", "nd", "rd", "th"])


# A glued unit in a name: after an identifier's word ("Route 9W", "Flight 12C"), or a device's rating in watts
# before a title-case noun phrase that ends in a capitalised word ("a 72W USB-C Car Charger"; "a 30W USB-C PD
# port" counts watts). Not other units: a length or a weight before a name is a figure of the named thing ("the
# 1,200km Keystone XL pipeline", "a 300kg Tesla battery pack").
_PRODUCT_AFTER = re.compile(r"(?:\s+(?:[A-Z0-9][\w-]*|[A-Z][\w-]*)){0,4}\s+[A-Z][a-z]+(?![\w-])")
_PREV_WORD = re.compile(r"([A-Za-z]+)\s+$")


def measure_in_name(s: str, start: int, end: int, unit: str) -> bool:
    prev = _PREV_WORD.search(s, max(0, start - 20), start)
    if prev and (prev.group(1) in _ID_WORDS or prev.group(1).lower() in _ID_WORDS):
        return True
    if unit in _SPEC_UNITS:
        # a spec glued into a product's name runs on with another figure or a capitalised word ("Curved 1ms 165Hz
        # IPS Monitor"); in prose a lower-case noun follows ("a 4ms response time", "12MP iSight camera")
        return _SPEC_IN_NAME.match(s, end) is not None
    if unit in _CAPACITIES:
        # a device's storage right after its name is the model's ("the Lumabook 256GB", "an iPhone 11 Pro 512GB");
        # "has 256GB of storage", "the 256GB model" state it
        return prev is not None and any(c.isupper() for c in prev.group(1)) and not _SENTENCE_HEAD.search(
            s, max(0, start - 24), prev.start()
        )
    if unit != "w":
        return False
    m = _PRODUCT_AFTER.match(s, end)
    return m is not None and not s[m.end() : m.end() + 1].isalnum() and "°" not in s[start:end] and not _TEMP_UNIT.match(s, end - 1)


_TEMP_UNIT = re.compile(r"[CF](?![\w])")
_CAPACITIES = frozenset(["gb", "tb", "mb"])
_SPEC_UNITS = frozenset(["mp", "hz", "khz", "mhz", "ghz", "ms"])
_SPEC_IN_NAME = re.compile(r"\s+[A-Z0-9]")
_SENTENCE_HEAD = re.compile(r"(?:^|[.!?:]\s+)$")


# An adjective of age or number may stand before the name: "40 new Boeing 737 jets", "two more Falcon 9 rockets".
_MODEL_ADJECTIVE = r"(?:(?:new|newer|old|older|used|more|extra|additional|further|upgraded|modified|refurbished)\s+)?"
_DESIGNATION_BEFORE = re.compile(rf"(?:\b(?i:{_SMALL})|\d)\s+{_MODEL_ADJECTIVE}[A-Z][\w-]*\s+$")
_PLURAL_AFTER = re.compile(r"\s+[a-z][a-z-]*[a-z]s\b")


def _designation(s: str, start: int, end: int) -> bool:
    """A figure between a count and a capitalised name before it and a plural after it is the name's:
    "three Falcon 9 rockets", "two Boeing 737 jets" (see _DESIGNATION_AFTER)."""
    return bool(_DESIGNATION_BEFORE.search(s, max(0, start - 40), start)) and bool(_PLURAL_AFTER.match(s, end))


def _attached_left(s: str, start: int) -> bool:
    """Digits glued to a word on the left ("COVID-19", "G7", "v2") are part of a name, not a quantity."""
    if start == 0:
        return False
    prev = s[start - 1]
    if prev.isalnum() or prev in "#@/:._":
        return True
    # "COVID-19", and codes that mix letters and digits: "RXJ1131-1231"
    return prev == "-" and start >= 2 and (s[start - 2].isalpha() or _code_before(s, start - 1))


def _code_before(s: str, end: int) -> bool:
    """Whether ``s[:end]`` ends in a letter and digits ("RXJ1131"), read back from ``end`` (a search of the
    whole text before every number made a line of thousands of '1-1-1-...' quadratic)."""
    i = end
    while i > 0 and s[i - 1].isdecimal():  # what \d matches
        i -= 1
    return i < end and i > 0 and s[i - 1].isascii() and s[i - 1].isalpha()



_WORD_PERCENT = re.compile(r"\s(?:per\s?cent|percent)\b", re.IGNORECASE)


def _word_numbers(s: str) -> list[_Raw]:
    out: list[_Raw] = []
    for m in _WORDNUM.finditer(s):
        text = m.group().lower()
        vague = _vague(text)
        if vague is not None:
            # "dozens of people"; without "of" only where a role names what is counted ("dozens injured",
            # "injuring dozens", "thousands were evacuated"): checked in _to_quantity.
            bare = not s.startswith(" of", m.end())
            out.append(_Raw(m.start(), m.end(), vague[0], "vague", vague=vague, bare=bare))
            continue
        if _POINT_AFTER.match(s, m.end()):
            continue  # the whole part of a decimal said in words: "one point two million" (read at "two")
        start = m.start()
        spoken = _POINT_BEFORE.search(s, max(0, start - 20), start)
        if spoken is not None:
            first, _, rest = text.partition(" ")
            if first not in _DIGIT_WORDS or (rest and rest not in _SCALES):
                continue  # "one point two five million": left unread rather than misread
            whole, tenth = _DIGIT_WORDS[spoken.group(1).lower()], _DIGIT_WORDS[first]
            value: float | None = (whole + tenth / 10) * (_SCALES[rest] if rest else 1)
            start = spoken.start()
        else:
            value = _words_value(text)
        if value is None or text in {"a", "zero"} or _AGO.match(s[m.end() : m.end() + 40]):
            continue
        if m.start() >= 2 and s[m.start() - 1] == "-" and s[m.start() - 2].isalpha():
            continue  # the end of a compound, as digits glued by a hyphen are: "a best-of-seven series"
        if m.group()[0].isupper() and _NAME_BEFORE.search(s, max(0, m.start() - 30), m.start()):
            continue  # part of a name: "Formula One", "Air Force One", "World War Two"
        item = _ITEM_BEFORE.search(s, max(0, m.start() - 12), m.start())
        if item and item.group(1) in _ID_LOWER_SET and not _PLURAL_NEXT.match(s, m.end()):
            # one item of a series: "won game seven late last night", "in round two" ("hit the floor three
            # times" counts)
            continue
        raw = _Raw(start, m.end(), value, "words")
        if pct := _WORD_PERCENT.match(s, m.end()):  # "three per cent", "five percent"
            raw.unit, raw.measure, raw.end = "percent", "percent", pct.end()
            out.append(raw)
            continue
        if half := _HYPHEN_HALF.match(s, m.end()):
            raw.value, raw.end = value + 0.5, half.end()  # "five-and-a-half years", "a two-and-a-half-hour wait"
        hy = _HYPHEN_UNIT.match(s, raw.end)
        if hy:
            if hy.group(1).startswith(("year-old", "years-old", "month-old")):
                continue
            if _kind_compound(hy.group(1).split("-", 1)[0], value):
                continue
            if hy.group(1) not in _POSTFIX_HYPHENS:
                raw.hyphen, raw.end = hy.group(1).replace("-", " "), hy.end()
                _hyphen_measure(s, raw)  # "a five-yard run", "a two-metre wall" as "a 5-yard run" (numprec19)
                if raw.unit is not None:
                    out.append(raw)
                    continue
        if raw.hyphen is None and s[raw.end : raw.end + 2].strip()[:1].islower():
            # "about four metres": the unit of measure as after digits (m), not the word ("Nine Inch Nails": a name)
            raw.unit, raw.measure, raw.end = _measure_after(s, raw.end, None, None)
        out.append(raw)
    return out


# A decimal said in words ("one point two million", "three point five per cent"): its digits each a word
_DIGIT_WORDS = {w: v for w, v in {**_UNITS_WORDS, "zero": 0}.items() if isinstance(v, int) and 0 <= v <= 9}
_DIGIT_ALT = "|".join(sorted(_DIGIT_WORDS, key=len, reverse=True))
_POINT_AFTER = re.compile(rf"\s+point\s+(?:{_DIGIT_ALT})\b", re.IGNORECASE)
_POINT_BEFORE = re.compile(rf"\b({_DIGIT_ALT})\s+point\s+$", re.IGNORECASE)


def _vague(text: str) -> tuple[float, float] | None:
    """Plural number words as a rough interval, the high end excluded: "dozens" [24, 100), "hundreds"
    [200, 1000), "thousands" [2,000, 100,000) (larger crowds are "tens"/"hundreds of thousands")."""
    return {
        "dozens": (24.0, 100.0),
        "hundreds": (200.0, 1000.0),
        "thousands": (2000.0, 1e5),
        "tens of thousands": (2e4, 1e5),
        "hundreds of thousands": (2e5, 1e6),
        "tens of millions": (2e7, 1e8),
        "hundreds of millions": (2e8, 1e9),
        "tens of billions": (2e10, 1e11),
        "hundreds of billions": (2e11, 1e12),
        "millions": (2e6, 1e9),
        "billions": (2e9, 1e12),
        "trillions": (2e12, 1e15),
    }.get(text)


_PART_OF_A = re.compile(r"(?P<n>a|one|two|three)\s+(?P<d>quarters?|thirds?)\s+of\s+(?P<whole>a\s.+)", re.IGNORECASE)
_SHARE_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3}


def _words_value(text: str) -> float | None:
    """Value of a number written in words: "twenty-three", "a dozen", "two hundred and five"."""
    if text.endswith("dozen"):  # "a dozen", "half a dozen", "three dozen" (36)
        head = re.sub(r"\s+", " ", text[: -len("dozen")].strip())
        if head in ("a", "half a"):
            return 6.0 if head == "half a" else 12.0
        return _UNITS_WORDS[head] * 12.0 if head in _UNITS_WORDS else None
    if part := _PART_OF_A.match(text):  # "a quarter of a million", "two thirds of a billion"
        whole = _words_value(part.group("whole"))
        share = _SHARE_COUNT[part.group("n").lower()] / (4 if part.group("d").lower().startswith("quarter") else 3)
        return None if whole is None else whole * share
    total, current = 0.0, 0.0
    for tok in re.split(r"[\s-]+", text):
        if tok in ("and",):
            continue
        if tok == "half":
            current = 0.5  # "half a billion": "a" keeps it
        elif tok == "a":
            current = current or 1.0
        elif tok in _UNITS_WORDS:
            current += _UNITS_WORDS[tok]
        elif tok in _TENS_WORDS:
            current += _TENS_WORDS[tok]
        elif tok == "hundred":
            current = max(current, 1.0) * 100
        elif tok in ("thousand", "million", "billion"):
            total += (current or 1.0) * _SCALES[tok]
            current = 0.0
        else:
            return None
    return total + current


# "an hour and a half", "a year and a half", "a minute and a half": one and a half of a length of time (variants19;
# "two and a half years" is read by _AND_A_HALF)
_A_UNIT_AND_A_HALF = re.compile(r"\b[Aa]n?\s+(?P<unit>second|minute|hour|day|week|month|year|decade)\s+and\s+a\s+half\b")
# "4 and a half minutes", "two and a half years": the half is part of the figure; a scale word after it scales
# the whole ("two and a half million people" is 2,500,000, "one and a half billion dollars" 1.5 billion).
_AND_A_HALF = re.compile(
    r"\s+and\s+a\s+half\b(?:\s+(?P<scale>hundred|thousand|million|billion|trillion)\b)?", re.IGNORECASE
)
# "or so" / "or more" after the counted noun qualify the figure as they do right after it ("a billion years or
# so", "300 dollars or more"; "-odd" and "-plus" right after the figure are read by _POSTFIX).
_NOUN_POSTFIX = re.compile(r"\s+(?P<p>or\s+so|or\s+more)\b", re.IGNORECASE)
# A model's designation between a count and its noun: "three Falcon 9 rockets", "two Boeing 737 jets" (a
# capitalised name and a figure or code, then a plural): the count counts the plural.
# ... or a letter code hyphened to its figure: "five F-1 engines", "four B-52 bombers", "two MiG-29 jets"; or glued
# to it: "40 Airbus A320 jets".
_DESIGNATION_AFTER = re.compile(
    rf"\s+{_MODEL_ADJECTIVE}(?:[A-Z][\w-]*\s+(?:[A-Z]{{1,2}})?\d[\w-]*|[A-Z][A-Za-z]{{0,3}}-\d[\w-]*)\s+"
    r"(?P<noun>[a-z][a-z-]*[a-z]s)\b"
)
# A capitalised (or mixed-case) word right before a figure, not opening the sentence nor a month or a weekday.
# after "X 101" (a beginner's course, as a title names an introduction to X): a colon, a dash or the end
_INTRO_COURSE = re.compile(r"\s*(?::|\s[—–-]\s|$)")
# ... named by one to three words opening the title, no word of a clause among them ("The death toll rose to 101 —
# the highest in a decade" states a count)
_INTRO_HEAD = re.compile(
    r"[\s\"'“‘*]*(?:(?!(?:the|a|an|to|at|by|of|from|in|on|for|with|than|about|is|was|are|were|has|had|rose|hit|"
    r"reached|climbed|fell|stood)\b)[A-Za-z][\w'’-]*\s+){1,3}",
    re.IGNORECASE,
)
_NAME_TOKEN_BEFORE = re.compile(
    r"(?<=[\w,;:)’'\"”] )(?!(?:" + "|".join(MONTHS + WEEKDAYS) + r")\b)(?=[\w-]*[A-Z])[A-Za-z][\w-]*\s$"
)
_THOUSANDS_GROUP = re.compile(r"\d{1,3}(?:,\d{3})+")


def _shares_thousands(s: str, raw: _Raw, nxt: _Raw) -> bool:
    """ "5-6,000", "20-30,000": a plain figure below 1,000 joined to one written with a thousands group, of the
    same order once multiplied by 1,000."""
    return (
        raw.kind == "digits"
        and nxt.kind == "digits"
        and s[raw.start : raw.end].isdigit()
        and _THOUSANDS_GROUP.fullmatch(s, nxt.start, nxt.end) is not None
        and raw.value * 1000 < nxt.value < raw.value * 10000
    )


# A recipe's measures: a small amount of them in a line without a clause verb is an ingredient line ("1 cup blueberries", "2 tablespoons of
# honey"), not a figure a story states ("served 10,000 cups of coffee" counts cups).
_KITCHEN_MEASURES = frozenset(
    ["tablespoon", "tablespoons", "tbsp", "tbs", "teaspoon", "teaspoons", "tsp", "pinch", "pinches",
     "dash", "dashes", "clove", "cloves", "scoop", "scoops", "sprig", "sprigs"]
)
# ... and a cup or a scoop when an ingredient follows it ("1 cup blueberries", "2 cups of flour"; "threw 5 cups
# at police" counts cups)
_CUPS = frozenset(["cup", "cups", "scoop", "scoops"])
_CUP_OF = re.compile(
    r"\S+\s*(?:cups?|scoops?)\s+(?:of\s+)?(?!(?:at|to|in|on|into|from|for|with|and|or|a|an|the|were|was|are|is)\b)[a-z]"
)


def _recipe(s: str, q: Quantity) -> bool:
    """ "1 cup blueberries", "2 tbsp olive oil": a recipe's amount in a line or an instruction with no clause
    verb, no claim (asked after the list-line test, which such amounts help to make); a sentence that states
    them keeps them ("The recipe needs 2 cups of flour, ..., the chef said.")."""
    if not q.unit or q.value.high is None or q.value.high > 10:
        return False
    head = q.unit.split()[0].lower()
    return head in _KITCHEN_MEASURES or head in _CUPS and _CUP_OF.match(s, q.start) is not None


# A screen size hyphened before a capitalised name is part of the model's name ("Apple's 12-inch MacBook", "the
# 13-inch MacBook Pro", "a 65-inch Samsung QLED"): a product, no measure stated; before a lower-case noun it is
# one ("a larger 14-inch display", "a 10-inch vinyl").
# ... and the size that tells a maker's models apart (numprec20): "higher-end 15-inch models were refreshed", "the 11-inch
# version" ("a 55-inch screen", "22-inch wheels" measure the thing)
_SIZE_IN_NAME = re.compile(
    r"\d+(?:\.\d+)?-inch\s+(?:[A-Z][\w-]*|i[A-Z]\w*|models?|versions?|variants?|editions?)(?![\w-])"
)


# A dash with a space on each side between a figure and a smaller one opens an aside, no range nor score (variants30):
# "has soared to nearly 1.5million - 89,000 more people than in 2016", "£38bn - a record - ...". A score or a tally
# is of small plain figures ("Rovers 2 - 1", "won 104 - 98"): the aside's first figure has a scale or a unit of its
# own ("1.5million", "£38bn", "40%"), or the second is a thousand or more.
_SPACED_DASH = re.compile(r"\s+[-–—]\s+")
# ... but a vote's or a game's two sides are a tally whatever their size (review32): "won the ballot by 2,345 -
# 1,876", "passed 52% - 48%", "delegates voted 1,204 - 1,150", after a word of voting, deciding or winning in the
# clause before the pair; unless the second figure is told as a difference or a part ("votes rose to 1.2 million -
# 300,000 more than in 2019", "the fund passed £45m - £12m of it from donors")
_TALLY_BEFORE = re.compile(
    r"\b(?:vot(?:e|es|ed|ing|ers?)|ballot(?:s|ed|ing)?|poll(?:s|ed)?|referendum|tally|score[sd]?|result|margin|"
    r"won|wins?|beat(?:s|en)?|defeat(?:s|ed)?|lost|los(?:e|es|ing)|edg(?:e|es|ed)|drew|tied|led|leads?|trail(?:s|ed)?|"
    r"pass(?:es|ed)?|carried|approv(?:e|es|ed)|reject(?:s|ed)?|back(?:s|ed)|ruled|in\s+favou?r)\b[^.;:!?]*$",
    re.IGNORECASE,
)
_DIFFERENCE_AFTER = re.compile(
    r"(?:\s+[\w'’-]+){0,2}?\s+(?:more|fewer|less|extra|up|down|higher|lower|short|over|above|below|of\s+(?:them|it|which|whom))\b",
    re.IGNORECASE,
)


def _dash_aside(s: str, raw: _Raw, nxt: _Raw) -> bool:
    if not _SPACED_DASH.fullmatch(s, raw.end, nxt.start) or nxt.value > raw.value:
        return False
    if _BETWEEN_RE.search(s, max(0, raw.start - 12), raw.start):
        return False  # "between 3,000 - 2,000 years ago": a range written backwards
    if _TALLY_BEFORE.search(s, max(0, raw.start - 80), raw.start) and not _DIFFERENCE_AFTER.match(s, nxt.end):
        return False  # a tally
    return raw.scale > 1.0 or raw.unit is not None or nxt.value >= 1000


def _to_quantity(s: str, raw: _Raw, nxt: _Raw | None, context: str = "") -> tuple[Quantity | None, bool]:
    """Turn a raw number into a Quantity; returns (quantity, whether ``nxt`` was consumed as a range end)."""
    if raw.vague is None and raw.hyphen is None and raw.unit is None and (half := _AND_A_HALF.match(s, raw.end)):
        scale = _SCALES[half.group("scale").lower()] if half.group("scale") else 1.0
        raw = _Raw(raw.start, half.end(), (raw.value + 0.5) * scale, raw.kind, scale=scale)
    start, end, used, hyphen_pair = raw.start, raw.end, False, False
    low, high = raw.value, raw.value
    qualifier = "exact"
    value: Interval
    if nxt is not None and raw.hyphen is None and _RANGE_JOIN.match(s[raw.end : nxt.start]) and not _dash_aside(s, raw, nxt):
        joiner = s[raw.end : nxt.start].strip()
        between = _BETWEEN_RE.search(s, max(0, start - 12), start)
        if joiner in "-–—" and nxt.value <= raw.value:
            return None, True  # a score or vote tally ("ruled 6-3"), not a quantity
        if joiner == "-" and nxt.kind == "words" and s[nxt.start : nxt.start + 1].isupper() and nxt.start == raw.end + 1:
            return None, True  # "the 7-Eleven store": a name's figure and its capitalised word, no range (misfire21)
        if raw.measure == "money" and nxt.unit is None and raw.scale == 1.0 and nxt.scale > 1.0:
            raw = _Raw(raw.start, raw.end, raw.value * nxt.scale, raw.kind, raw.unit, measure="money")
            low = raw.value  # "$5-10m": both ends in millions
            nxt = _Raw(nxt.start, nxt.end, nxt.value, nxt.kind, raw.unit, measure="money", scale=nxt.scale)
        elif raw.scale == 1.0 and nxt.scale > 1.0 and raw.value * nxt.scale <= nxt.value:
            low = raw.value * nxt.scale  # "3-4 million people", "between 2 and 3 billion": both ends scaled
        elif joiner in "-–—" and _shares_thousands(s, raw, nxt):
            low = raw.value * 1000  # "5-6,000 people", "20-30,000 fans": both ends are thousands
        same_unit = raw.unit == nxt.unit or raw.unit is None
        if (
            (between or joiner != "and")
            and nxt.value > raw.value
            and same_unit
            and not _FROM.search(s, max(0, start - 30), start)
            and not (joiner == "to" and nxt.value > 5 * raw.value and _CHANGE_BY.search(s, max(0, start - 40), start))
        ):
            high, end, used, raw = nxt.value, nxt.end, True, _merge_unit(raw, nxt)
            qualifier = "between"
            hyphen_pair = joiner in "-–—" and not between
            if between:
                start = between.start()
    if raw.vague is not None:
        value, qualifier = Interval(raw.vague[0], raw.vague[1], high_inclusive=False), "vague"
    elif qualifier == "between":
        value = Interval(low, high)
    else:
        qm = _QUAL_RE.search(s, max(0, start - 30), start)
        if qm is None and s.endswith((" a ", " an "), 0, start):
            qm = _QUAL_ARTICLE_RE.search(s, max(0, start - 22), start)
            if (
                qm
                and qm.group("q").lower() in _PREPOSITIONAL
                and not _AMOUNT_HOST.search(s, max(0, qm.start() - 60), qm.start())
            ):
                qm = None  # "worried about a 10 percent tariff": the preposition
        if qm and qm.group("q").lower() == "over" and _over_span(s, qm.start(), end):
            qm = None  # "won three titles over two spells": the span the titles fell in, no bound
        if qm:
            qualifier = _QUAL_MAP[re.sub(r"\s+", " ", qm.group("q").lower())]
            if qm.group("q").lower() == "near" and _ARTICLE_BEFORE.search(s, max(0, qm.start() - 6), qm.start()):
                qualifier = "nearly"  # "a near 18-month trade war": the adjective, almost ("near $14,475": about)
            start = qm.start()
        post = _POSTFIX.match(s, end)
        if post and (qualifier == "exact" or post.group("p").startswith("-")):
            if qualifier == "exact":  # "some 40-odd years" is about already: the suffix is only passed
                qualifier = "about" if post.group("p").lower() in ("or so", "-odd") else "at least"
            end = post.end()
        value = _interval(raw.value, qualifier)
    if raw.value == 1 and _OF_POSSESSIVE.match(s, end) and not _OF_COUNTED_WHOLE.match(s, end):
        return None, used  # "one of its members" names one of a group, not a count ("one of his 38 races" is)
    if raw.unit == "percent" and _INTERVAL_LEVEL.match(s, raw.end):
        return None, used  # "(95% CI 0.70 to 0.93)": the interval's level, no finding
    unit, unit_end, inferred = _unit(s, raw, end)
    if raw.kind == "digits" and qualifier == "exact" and not raw.unit and not raw.hyphen and unit and not inferred and _model_name(s, raw, unit, unit_end):
        return None, used  # "The 737 Max was grounded", "the 787 Dreamliner", "a 911 Turbo": a model's name, no count
    if unit == "in" and _SIZE_IN_NAME.match(s, raw.start):
        return None, used  # "the 16-inch MacBook Pro", "a 65-inch Samsung": the screen size names the model
    if raw.unit is None and raw.hyphen is None and (model := _DESIGNATION_AFTER.match(s, end)):
        unit, unit_end, inferred = model.group("noun"), model.end(), False
    if qualifier == "exact" and raw.vague is None and (post := _NOUN_POSTFIX.match(s, max(end, unit_end))):
        qualifier = "about" if post.group("p").lower().startswith("or so") else "at least"
        value, unit_end = _interval(raw.value, qualifier), post.end()
    whole = _OF_COUNTED_WHOLE.match(s, end) if raw.value == 1 and raw.kind == "words" else None
    if hyphen_pair and (unit is None or inferred):
        return None, used  # "were 1-2 in playoff games": a record or a score; ranges name what they count
    # a bare exact figure in digits: no unit of its own, no hyphen, no counted thing but an inferred one
    bare = raw.kind == "digits" and qualifier == "exact" and not raw.unit and not raw.hyphen and (unit is None or inferred)
    if (
        bare
        and (name := _NAME_TOKEN_BEFORE.search(s, max(0, start - 30), start))
        and not headline_verb(s, name.start(), name.group().strip(), end)  # "Gunman Kills 5": a headline's verb
        and name.group().strip() not in _SKIP_CAPS  # "Death Toll Rises To 1,200": its preposition
    ):
        return None, used  # "iPadOS 13 made", "Wi-Fi 6 was", "Reality 101:": a bare figure after a name names it
    if bare and _bare_age(s, start, raw.end, raw.value):
        return None, used  # "The singer was 79.", "I am 87 and still drive": an age, left none as in apposition
    if (
        raw.kind == "digits"
        and not raw.unit
        and not raw.hyphen
        and (unit is None or inferred or not _is_plural(unit.split()[0]))  # "children under 12 travel free"
        and 0 < raw.value <= 120  # noqa: PLR2004
        and (bound := _AGE_BOUND_BEFORE.search(s, max(0, raw.start - 40), raw.start))
        and (bound.group("noun") is None or is_person_noun(bound.group("noun")))
    ):
        return None, used  # "adults over 65", "people aged under 18": an age bound of a group, no count of it
    if (
        raw.kind == "digits"
        and raw.value == 101
        and qualifier == "exact"
        and _INTRO_COURSE.match(s, raw.end)
        and _INTRO_HEAD.fullmatch(s, 0, raw.start)
    ):
        return None, used  # "Virtual reality 101: ...": an introduction's name (a course's number), no count
    span_end = max(end, unit_end)
    own = None if inferred else unit
    role = None if raw.unit or raw.hyphen else event_role(s, start, span_end, own)
    held = None if role or raw.unit or raw.hyphen else held_role(s, span_end, own)
    if whole and unit is None and role is None:
        unit = whole.group("noun")  # "won one of his 38 races" counts one race
    if (raw.kind == "words" and unit is None or raw.bare) and role is None:
        return None, used
    if (
        raw.kind == "digits"
        and unit is None
        and role is None
        and not raw.measure
        and (part := _PART_OF_BEFORE.search(s, max(0, start - 20), start))
        and event_role(s, part.start(), span_end, None) is not None
    ):
        return None, used  # "20 of 29 died": the part counts the deaths, its bare whole counts nothing named
    if raw.kind == "words" and role is None and _anaphoric(s, start, raw.value, unit):
        return None, used  # "the two countries", "all three units": things named before, no new count
    if raw.kind == "words" and role is None and 2 <= raw.value <= 5 and _restates_list(s, span_end, raw.value, unit):
        return None, used  # "Rain and fog have been two constants", "two areas: one ..., the other ...": the list's size
    if role is None and not raw.measure and (
        ranked_list(s, raw.start, raw.end)
        or (raw.value <= 25 and listicle(s, raw.start, raw.end))
    ):
        return None, used  # "the 10 best deals", "two things you need to know": a list's size, no count
    if (
        raw.kind == "words"
        and raw.value == 1
        and raw.hyphen is None
        and not whole
        and (
            (role is None and not _news_count(unit) and not _only_one(s, start, unit, inferred))
            or _PRONOUN_ONE_BEFORE.search(s, max(0, start - 8), start)
            or (
                role is None
                and unit is not None
                and not inferred
                and (_SPEAKER_VERB_AFTER.match(s, span_end) or _SPEAKER_VERB_BEFORE.search(s, max(0, start - 30), start))
            )
            or (
                role is None
                and unit is not None
                and not inferred
                and unit.split()[-1].lower() in _AUDIENCE_ONE
                and (s.startswith("One", start) or _CLAUSE_OPEN.search(s, max(0, start - 4), start) is not None)
                and not _only_one(s, start, unit, inferred)
            )
        )
    ):
        return None, used  # "one place", "finish one program", "no one was hurt": no count
    if role is not None and inferred:
        unit = None  # the verb names what is counted, never a neighbouring number's noun
    elif unit is None and inferred and context:
        unit = _infer_unit(context)
    q = Quantity(start, span_end, value, qualifier, unit)
    if raw.measure:
        q.extra["measure"] = raw.measure
    elif unit and not inferred and role is None and unit.rsplit(" ", 1)[-1] in CURRENCY_NOUNS:
        q.extra["measure"] = "money"  # "310 million euros", "500 Swiss francs": money, as "€310m" is
    if raw.measured:
        q.extra["measured"] = raw.measured
    if role is not None:
        q.extra["role"] = role
        _apply_role(q, role, own)
        inferred = inferred or q.unit != unit
    elif held is not None:
        q.extra["unit_role"] = held  # "1,100 people remain behind bars": people, held as prisoners
    if inferred and q.unit is not None:
        q.extra["unit_inferred"] = True
    return q, used


# The window an average is taken over (numprec19): "above the 12-month average of 4.1 percent", "its 200-day
# moving average", "the three-year rolling mean": a kind of average, the figure after it is the claim
_AVERAGE_WINDOW = re.compile(
    r"(?:\d[\d,]*|[A-Za-z]+)[-\s](?:year|month|week|day|quarter|session|game|hour|minute)\s+"
    r"(?:(?:moving|rolling|trailing|running|simple|exponential|weighted)\s+)?(?:average|mean|median)\b",
    re.IGNORECASE,
)
# "over" as the preposition of a span (numprec19): "won three titles over two spells", "scored 40 goals over three
# seasons", "rose 5% over two years". Only before a span of time and after the thing counted in it (a plural noun,
# a figure or a percentage); after a verb of lasting or waiting it is a bound ("lasted over two days", "waited over
# 10 years").
_SPAN_AFTER = re.compile(
    r"\s+(?:spells?|stints?|seasons?|terms?|years?|months?|weeks?|days?|decades?|hours?|nights?|weekends?|"
    r"sessions?|quarters?|campaigns?|periods?|tours?|visits?|legs?|rounds?|games|matches|races|starts|outings|"
    r"appearances)\b",
    re.IGNORECASE,
)
_COUNTED_BEFORE_OVER = re.compile(r"(?:(?<![\w'’])(?P<noun>[a-z]{3,}s)|\d%|\bper\s?cent|\bpoints)\s+$")
# ... or the counted thing with its participle (numprec20): "six experts testifying over four days", "40 riders
# competing over two weekends"; a participle of lasting, waiting or working keeps the bound ("people waiting over 10
# years", "staff working over 60 hours")
_COUNTED_DOING_OVER = re.compile(r"(?<![\w'’])(?P<noun>[a-z]{3,}s)\s+(?P<ing>[a-z]{3,}ing)\s+$")
_LASTING_ING = frozenset(
    ["lasting", "taking", "waiting", "spending", "spanning", "running", "stretching", "covering", "serving",
     "working", "living", "staying", "remaining", "needing", "requiring", "having", "being", "earning", "paying",
     "costing", "weighing", "making", "getting", "owing", "standing", "sitting", "holding", "keeping"]
)
_NOT_COUNTED_OVER = frozenset(
    ["lasts", "takes", "waits", "spends", "spans", "runs", "stretches", "covers", "serves", "works", "lives",
     "stays", "remains", "needs", "requires", "has", "was", "this", "its", "his", "thus", "plus", "less", "unless"]
)


def _over_span(s: str, over_at: int, end: int) -> bool:
    """Whether "over" at ``over_at`` is the preposition of a span before the number ending at ``end``."""
    if not _SPAN_AFTER.match(s, end):
        return False
    before = _COUNTED_BEFORE_OVER.search(s, max(0, over_at - 30), over_at)
    if before is not None and (before.group("noun") or "") not in _NOT_COUNTED_OVER:
        return True
    doing = _COUNTED_DOING_OVER.search(s, max(0, over_at - 40), over_at)
    return (
        doing is not None
        and doing.group("ing").lower() not in _LASTING_ING
        and doing.group("noun") not in _NOT_COUNTED_OVER
        and not doing.group("noun").endswith("ings")
    )


# (misfire22: any possessive, a possessor's name and a first or last before the whole: "won 8 of his 12 races",
# "scored 6 of her team's 9 goals", "lost 3 of their first 4 matches", "5 of the club's last 6 games")
# A figure before a capitalised word whose phrase has no plural head names a model or a title, no count
# (misfire22): "The 737 Max was grounded", "its 737 Max fleet", "the 787 Dreamliner", "a 911 Turbo", "the 300 Spartans
# film"; a count is of a plural ("12 Typhoon squadrons", "5 Labour MPs", "the 300 Spartans") or of a noun plural as it
# stands ("40 Army personnel", "300 BBC staff", "12 Met Police"). Not in a Title Case line, where every noun is
# capitalised ("Council Approves 240 Home Scheme").
_CAPITAL_AFTER = re.compile(rf"\s(?-i:[{CAPITAL}])")
_PLURAL_AS_IT_STANDS = frozenset(
    ["staff", "personnel", "crew", "police", "people", "cattle", "sheep", "deer", "fish", "aircraft", "spacecraft",
     "livestock", "poultry", "offspring", "youth", "clergy", "infantry", "militia", "faithful", "dead", "injured",
     "wounded", "missing", "homeless", "children", "mice", "geese", "feet", "teeth", "data", "media", "salmon",
     "elite", "bison", "swine", "troops"]
)  # fmt: skip


def _model_name(s: str, raw: _Raw, unit: str, unit_end: int) -> bool:
    if not float(raw.value).is_integer() or "," in s[raw.start : raw.end] or not _CAPITAL_AFTER.match(s, raw.end):
        return False
    if not _MODEL_DETERMINER.search(s, max(0, raw.start - 8), raw.start):
        return False  # a model is "the 737 Max", "a 911 Turbo", "its 737 Max fleet"
    heads = [unit.split()[-1].strip("’'")]
    if later := _NAMED_PLURAL_AFTER.match(s, unit_end):
        heads.append(later.group(1))  # "148 Challenger 3 tanks": the tanks the named model's figure stands in
    if any(_is_plural(h) or h in _PLURAL_AS_IT_STANDS or h.endswith("men") or canonical(h, s) for h in heads):
        return False
    return not is_title_case(s)


_MODEL_DETERMINER = re.compile(r"\b(?i:the|an?|its|their|his|her|our|my|your|this|that)\s+$")
_NAMED_PLURAL_AFTER = re.compile(r"\s+[A-Z\d][\w-]*\s+([a-z][a-z-]*)\b")


# The level of a statistical interval (misfire22, research abstracts): "(95% CI 0.70 to 0.93)", "95% confidence
# interval", "a 90% credible interval"; the findings beside it stay.
_INTERVAL_LEVEL = re.compile(
    r"\s*(?:(?-i:CIs?|CrI|UI|PI)\b|(?:confidence|credible|uncertainty|prediction)\s+(?:intervals?|levels?|limits?|bounds?))",
    re.IGNORECASE,
)


# A person's age told as the copula's bare figure (misfire22): "The singer was 79.", "I am 87 and still drive",
# "She was 19 when she joined the band", "My mother is 93", "The oldest victim was 92"; a thing's figure stays ("The score was 79 at the break").
_BARE_AGE_BEFORE = re.compile(
    r"(?:\b(?:I\s+am|I['’]m|[Hh]e\s+(?:is|was)|[Ss]he\s+(?:is|was)|[Hh]e['’]s|[Ss]he['’]s)"
    r"|\b(?:[Tt]he|[Mm]y|[Hh]is|[Hh]er|[Oo]ur|[Tt]heir|[Yy]our)\s+(?:[a-z]+(?:est|er|ly)\s+)?(?P<noun>[a-z-]+)\s+(?:is|was)"
    # ... or in apposition after an adverb that opens the sentence (review29: "Now 18, the singer ...", "Still 17,
    # the striker ..."; variants28 made these adverbs no names, "Now 300 homes" counts homes)
    r"|^(?P<adverb>Now|Still|Already|Even|Yet|Today))"
    r"\s+(?:only\s+|just\s+)?$"
)
_BARE_AGE_AFTER = re.compile(
    r"\s*(?:[.,;!?)]|$)|\s+(?:and|but|when|while|at\s+the\s+time|at\s+(?:his|her)\s+death|years?\s+old)\b"
)


# ... and a group of people by an age bound (misfire22, health and research): "adults over 65 will get the jab",
# "People aged over 80 are most at risk", "children under 12"; "rose to over 65" and "crowds of over 60" stay
_AGE_BOUND_BEFORE = re.compile(
    r"(?:\b(?i:aged)|\b(?P<noun>(?i:people|those|anyone|everyone|adults|children|men|women|[a-z]+s)))\s+"
    r"(?i:over|under|above|below|older\s+than|younger\s+than)\s+$"
)


def _bare_age(s: str, start: int, end: int, value: float) -> bool:
    if not (0 < value <= 120 and float(value).is_integer()) or not _BARE_AGE_AFTER.match(s, end):  # noqa: PLR2004
        return False
    m = _BARE_AGE_BEFORE.search(s, max(0, start - 30), start)
    if m is not None and m.group("adverb"):
        return _AGE_APPOSITION.match(s, end) is not None
    return m is not None and (m.group("noun") is None or is_person_noun(m.group("noun")))


_AGE_APPOSITION = re.compile(r",\s+(?:the|a|an|his|her|their|he|she|they|I|we)\b")


_PARTITIVE = re.compile(
    r"\s+(?:out\s+)?of\s+(?:(?:the|its|their|his|her|our|my|your|all)\s+)?(?:[\w-]+['’]s\s+)?"
    rf"(?:(?:first|last|next|previous|past|opening|final|latest|remaining)\s+)?(?:\d[\d,]*|{_SMALL})(?=\s)",
    re.IGNORECASE,
)
_FROM = re.compile(r"\bfrom\s+(?:\S+\s+)?$", re.IGNORECASE)
# A change and the level it reached: "climbs by £106 to £2,231", "fell by 3,000 to 45,000" are two figures, never a
# range (variants23); a range after "by" spans less ("rise by £5 to £10 a month", "by 2 to 3 percent"). The "by"
# may be left out ("fell more than $9 billion to $94 billion", numprec28): the far end is still five times or
# more the near one, so "rose 5 to 10 percent" stays a range
_CHANGE_BY = re.compile(
    r"\b(?:r[io]se[ns]?|rising|f[ae]ll(?:en|s|ing)?|climb(?:ed|s|ing)?|jump(?:ed|s|ing)?|increas(?:ed|es|ing)|"
    r"decreas(?:ed|es|ing)|dropp?(?:ed|s|ing)?|gr[eo]w(?:n|s|ing)?|shr[ia]nk(?:s|ing)?|slipp?(?:ed|s|ing)?|"
    r"soar(?:ed|s|ing)?|surg(?:ed|es|ing)|plunge[ds]?|tumbl(?:ed|es|ing)|up|down)\s+(?:by\s+)?"
    r"(?:(?:about|around|nearly|almost|some|roughly|more\s+than|over|just)\s+)?[£$€]?$",
    re.IGNORECASE,
)
# A part of a whole that is itself counted: "won one of his 38 races", "one of the 12 crew".
# A part's figure and "of" right before a number (misfire21): "20 of 29 died" (the part has the role); the whole is
# kept when it names what it counts ("12 of 40 miners"), and a passing line's pair stays two figures by the
# labels' convention ("was 7 of 16 for 83 yards")
_PART_OF_BEFORE = re.compile(r"(?<![\w.,])\d[\d,]*\s+of\s+$")
_OF_COUNTED_WHOLE = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our|my|your)\s+\d[\d,]*\s+(?P<noun>[a-z][\w-]*)", re.IGNORECASE
)


# "one user posted:", "One voter told reporters ...": "one" as the indefinite article of a speaker, no count
_SPEAKER_VERB_AFTER = re.compile(
    r"\s+(?:said|says|told|tells|posted|posts|wrote|writes|tweeted|commented|added|explained|recalled|described|"
    r"complained|asked|replied|shared|recounted|remarked|joked|noted)\b"
)
# "One Twitter user chose a gif", "One user is the family's manager", "..., one commenter wrote": one of an audience
# opening its clause, picked out to show a reaction or an example, is a person introduced, never a tally (numprec28);
# a role keeps it ("One fan died"), as does a restricting adverb ("Only one viewer") or another place in the clause
# ("the store had one customer all day")
_CLAUSE_OPEN = re.compile(r"(?:^|[,;:—–]\s*)$")
_AUDIENCE_ONE = frozenset(
    ["user", "commenter", "commentator", "follower", "viewer", "reader", "poster", "tweeter", "listener", "fan",
     "subscriber", "redditor", "customer", "shopper", "reviewer", "onlooker", "bystander", "spectator"]
)
# ... and after the verb, past the quote it credits: "'We are not moving,' said one resident.", "... tweeted one user"
# ("He said one soldier died": no quote or comma before the verb, a count)
_SPEAKER_VERB_BEFORE = re.compile(
    r"[,”\"’'?!]\s*(?:said|says|told|posted|wrote|writes|tweeted|commented|added|explained|recalled|complained|asked|"
    r"replied|remarked|joked|noted)\s+$"
)
# "only one title", "just one bid", "a single"... : a restricting adverb before "one" makes it a count whatever
# the noun (numprec19); not a way of speaking ("only one way to find out", "just one thing")
_ONLY_BEFORE = re.compile(r"\b(?:only|just|exactly|merely)\s+$", re.IGNORECASE)
_ABSTRACT_ONE = frozenset(
    ["way", "thing", "reason", "word", "answer", "question", "problem", "option", "choice", "chance", "hope",
     "explanation", "conclusion", "solution", "rule", "lesson", "idea", "difference", "exception", "catch", "goal",
     "purpose", "aim", "job", "focus", "priority", "issue", "concern", "message", "possibility", "direction",
     # a part or an instance of something said (review20): "just one step away", "only one part of the picture",
     # "only one example of", "only one side of the story", "just one spark could", "only one voice among many"
     # ("only one measure passed", "only one source confirmed", "just one piece of evidence", "only one chapter
     # was published" stay counts)
     "step", "part", "example", "side", "spark", "voice", "aspect", "factor", "element", "sign", "reminder",
     "instance", "bit", "facet", "component", "strand", "link", "consideration", "obstacle", "hurdle", "threat",
     "layer", "dimension", "angle"]
)


def _only_one(s: str, start: int, unit: str | None, inferred: bool) -> bool:
    return (
        unit is not None
        and not inferred
        and unit.split()[-1] not in _ABSTRACT_ONE
        and _ONLY_BEFORE.search(s, max(0, start - 10), start) is not None
    )


_PRONOUN_ONE_BEFORE = re.compile(r"\b(?:no|any|every|each|the|this|that|which)\s+$", re.IGNORECASE)
_ALL_BEFORE = re.compile(r"\b(?:all|both)\s+$", re.IGNORECASE)
_DEMONSTRATIVE_BEFORE = re.compile(r"\b(?:these|those)\s+$", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\b(?:the|these|those)\s+$", re.IGNORECASE)
# Parties of a story with a few sides: "the two countries", "the two tech giants", "the three nations".
_PARTIES = frozenset(
    [
        "countries", "nations", "sides", "companies", "firms", "giants", "governments", "parties", "powers",
        "superpowers", "economies", "rivals", "neighbours", "neighbors", "states", "camps", "allies", "brands",
        "banks", "networks", "carriers", "leagues", "clubs", "teams", "organisations", "organizations", "groups",
        "agencies", "institutions", "unions",
    ]
)
_PERSON_ENDINGS = ("ers", "ors", "ians", "ists", "ees", "men", "people", "crew", "staff")


def _anaphoric(s: str, start: int, value: float, unit: str | None) -> bool:
    """"all three units", "the two countries": a small number that points back at things already named.
    People stay counts ("all four crew members", "the two pyrotechnicians", "the three leaders")."""
    if value > 10 or not unit:
        return False
    head = unit.split()[-1]
    window = max(0, start - 8)
    if value <= 4 and head in _PARTIES and _THE_BEFORE.search(s, window, start):  # "his visits to the three countries"
        return True
    if _DEMONSTRATIVE_BEFORE.search(s, window, start) and not head.endswith(_PERSON_ENDINGS) and not _news_count(unit):
        return True  # "these two pieces of technology", "those three options": named before, pointed at again
    if not head.endswith(_PERSON_ENDINGS) and not _news_count(unit) and selected_before(s, start, head):
        return True  # "the original two films", "the first three books"
    return bool(_ALL_BEFORE.search(s, window, start)) and not head.endswith(_PERSON_ENDINGS) and not _news_count(unit)


# A count that restates a list the sentence names after a colon (numprec20): the list opens with "one"/"the first"
# ("split into two zones: one for ..., the other for ...") or names the things ("two rivals: Ferrari and Mercedes").
# (The subject's coordination before a copula, "Rain and fog have been two constants", was tried and dropped: the
# sentence, left without its number, read as a statement where the labels say none.)
# before a list of names the rest of the noun phrase may stand between the count and the colon ("one of three
# categories of plan: Basic, Plus and Pro"; no figure, no stop)
_TO_COLON = re.compile(r"[^:;.!?\d]{0,60}?(?=:)")
_LIST_OPENER = re.compile(r":\s+(?:[Oo]ne|[Tt]he\s+first|[Tt]he\s+former)\b")
_LIST_COLON = re.compile(r":\s+(?P<items>[^:;()]{3,160}?)\s*[.!]?\s*$")
_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_LIST_ITEM = re.compile(r"(?:(?:the|a|an)\s+)?[a-z]{0,6}[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,5}")


def _list_items(text: str) -> list[str]:
    return [i for i in _LIST_SPLIT.split(text.strip()) if i]


# ... or in brackets right after the counted noun (numprec28): "runs two of the top charities (Alpha Aid and Beta
# Trust)" names them, "two people (a man and a woman)" names no one (the items must be names, as after a colon);
# persons named in brackets stay counted ("Three journalists (A, B and C) were detained": the count is the news)
# ... unless the count itself is what the sentence asserts: "won titles in a record four countries (A, B, C and D)"
_ASSERTED_COUNT = re.compile(r"\b(?:a\s+record|an\s+unprecedented|only|just|all)\s+\w+(?:[\s-]\w+){0,3}$", re.I)
_TO_BRACKET = re.compile(r"[^():;.!?\d]{0,60}?\(\s*(?P<items>[^()]{3,160}?)\s*\)")


def _named_persons(unit: str | None) -> bool:
    head = unit.split()[-1].lower() if unit else ""
    return bool(head) and (is_person_noun(head) or head in COUNT_NOUNS or head.endswith(_PERSON_ENDINGS))


def _restates_list(s: str, end: int, value: float, unit: str | None = None) -> bool:
    """Whether a small count only restates the size of the list the sentence names after it (see _LIST_OPENER)."""
    if (
        not _named_persons(unit)
        and (br := _TO_BRACKET.match(s, end)) is not None
        and ":" not in s[end : br.start("items")]
        and not _ASSERTED_COUNT.search(s, max(0, end - 80), end)
    ):
        items = _list_items(br.group("items"))
        if len(items) == int(value) and all(_LIST_ITEM.fullmatch(i) for i in items):
            return True
    if ":" not in s[end : end + 62] or (gap := _TO_COLON.match(s, end)) is None:
        return False
    if gap.end() - end <= 2 and _LIST_OPENER.match(s, gap.end()):
        return True  # the opener right after the count's noun only (news3-tune counts "two pieces of legislation: One ...")
    if (tail := _LIST_COLON.match(s, gap.end())) is None:
        return False
    items = _list_items(tail.group("items"))
    return len(items) == int(value) and all(_LIST_ITEM.fullmatch(i) for i in items)


_IRREGULAR_PLURALS = {"person": "people", "man": "men", "woman": "women", "child": "children"}


def _news_count(unit: str | None) -> bool:
    """A person or thing that news counts ("one soldier", "the two men", "one death", "one seat")."""
    if not unit or unit in ("of", "another"):
        return False
    head = unit.split()[-1]
    plurals = {_IRREGULAR_PLURALS.get(head, ""), f"{head}s", f"{head}es", f"{head[:-1]}ies"}
    return bool(plurals & COUNT_NOUNS) or head in ROLE_WORDS


def _apply_role(q: Quantity, role: str, own: str | None) -> None:
    """Name the counted thing by its role where the text does not name it more precisely.

    No noun, a role word ("75 wounded", "112 others hurt") or a death noun: the unit becomes the role
    ("injured", "deaths"; the written noun is kept as ``unit_written``). Generic "people": a death toll
    becomes "deaths", any other role stays "people" with ``unit_role``. A specific noun ("eight
    villagers", "two civilians") stays the unit; the role is in ``extra["role"]`` only.
    """
    words = own.split() if own else []
    role_word = bool(words) and words[-1] in ROLE_WORDS and (len(words) == 1 or words[0] in GENERIC)
    generic_other = own in ("others", "more")  # "wounding 22 others": the others are the injured
    if own is None or role_word or generic_other or (role == "deaths" and (own in DEATH_UNITS or own in GENERIC)):
        if q.unit != role:
            if own is not None:
                q.extra["unit_written"] = own
            q.unit = role
    elif own in GENERIC:
        q.extra["unit_role"] = role


def _merge_unit(a: _Raw, b: _Raw) -> _Raw:
    """A range "100-150 people": the second number carries the hyphen/unit for both."""
    return _Raw(
        a.start, b.end, a.value, a.kind, a.unit or b.unit, b.hyphen, a.vague, a.measure or b.measure,
        a.measured or b.measured,
    )


def _interval(v: float, qualifier: str) -> Interval:
    """The interval a qualified number stands for (see NEARLY_FACTOR and ABOUT_FACTOR)."""
    if qualifier == "more than":
        return Interval(v, None, low_inclusive=False)
    if qualifier == "at least":
        return Interval(v, None)
    if qualifier == "about":
        return Interval(_round(v * (1 - ABOUT_FACTOR)), _round(v * (1 + ABOUT_FACTOR)))
    if qualifier == "nearly":
        return Interval(_round(v * NEARLY_FACTOR), v, high_inclusive=False)
    if qualifier == "up to":
        return Interval(0, v)
    if qualifier == "fewer than":
        return Interval(0, v, high_inclusive=False)
    return Interval.exact(v)


def _round(x: float) -> float:
    return round(x, 6)


def _quake_magnitude(s: str, raw: _Raw, end: int) -> bool:
    """Whether the figure is a quake's magnitude by what follows it: "on the Richter scale", "magnitude", or
    (a decimal figure below ten, as magnitudes are written) a quake's noun."""
    if raw.kind != "digits" or raw.hyphen or not 0 < raw.value < 10:
        return False
    if m := _MAGNITUDE_AFTER.match(s, end):  # a bare "on the scale" only in a sentence about a quake
        return bool(re.search(r"richter|magnitude", m.group(), re.I) or _QUAKE_WORD.search(s))
    return raw.value != int(raw.value) and bool(_QUAKE_AFTER.match(s, end))


def _unit(s: str, raw: _Raw, end: int) -> tuple[str | None, int, bool]:
    """The counted thing after the number (or inferred from the sentence); returns (unit, end, inferred)."""
    if raw.unit is not None:
        return raw.unit, end, False
    if _MAGNITUDE.search(s, max(0, raw.start - 15), raw.start) or _quake_magnitude(s, raw, end):
        return "magnitude", end, False
    pos = end
    if raw.kind == "digits" and _BOX_NEXT.match(s, end) and (label := _BOX_LABEL.search(s, max(0, raw.start - _LOOK_BACK), raw.start)):
        return label.group(1).lower(), end, False  # "Engines: 27 Payload to LEO: ...": 27 engines
    if raw.kind in ("vague", "fraction"):
        of = _OF.match(s, pos)
        pos = of.end() if of else pos
    words, pos_end = _noun_phrase(s, pos)
    if words and words[0].lower() in _FIGURE_WORDS:
        words = []  # "three four times": the next figure's noun is not this one's
    if not words and not raw.hyphen and raw.value != 1 and (part := _PARTITIVE.match(s, pos)):
        whole, whole_end = _noun_phrase(s, part.end())  # "won 61 of the 120 seats": 61 seats
        if whole:
            return " ".join(whole), end, False
    if raw.hyphen:
        if raw.hyphen.startswith("magnitude"):
            return "magnitude", end, False
        return " ".join([raw.hyphen, *words]), pos_end if words else end, False
    if words:
        if raw.kind == "vague" and (found := canonical(words[0], s)):
            return found[0], pos_end, False  # "hundreds of kilometres" counts km, as "300 kilometres" does
        return " ".join(words), pos_end, False
    if raw.kind == "digits":
        return _infer_unit(s), end, True
    if (
        raw.kind == "words"
        and (gap := _GAP_OF.search(s, max(0, raw.start - 20), raw.start))
        and not _TALLY_TO.match(s, end)  # "a majority of nine to three": both sides' votes, not the gap (review29)
    ):
        return gap.group(1).lower(), end, False  # "a majority of eight", "won by a margin of twelve"
    return None, end, False


# A gap between two sides told by its noun before the figure (variants28): "a majority of eight" is an "eight-seat
# majority"; in words the figure was no claim (a number word needs a noun), in digits it stays as it was read.
_GAP_OF = re.compile(r"\b(majority|margin|lead)\s+of\s+$", re.IGNORECASE)
_TALLY_TO = re.compile(r"\s+to\s+(?:\d|(?:" + "|".join([*_UNITS_WORDS, *_TENS_WORDS]) + r")\b)", re.IGNORECASE)


def _context(s: str, q: Quantity) -> list[str]:
    """Content words near the number (nearest first) for cross-outlet matching, within its own sentence when the
    sentence is a quotation of several (``clauses.inner_stops``)."""
    lo, hi = max(0, q.start - 80), q.end + 80
    for a, b in inner_stops(s):  # a quotation's sentences are kept as one: the number's own one is its context
        if b <= q.start:
            lo = max(lo, b)
        elif a >= q.end:
            hi = min(hi, a)
            break
    left = claim_content_words(s[lo : q.start])[::-1]
    right = claim_content_words(s[q.end : hi])
    unit = set((q.unit or "").split())
    out: list[str] = []
    for pair in zip(left + [""] * len(right), right + [""] * len(left), strict=False):
        for w in pair:
            if w and w not in out and w not in unit and claim_stem(w) not in unit and len(w) > 2:
                out.append(w)
    return out[:8]

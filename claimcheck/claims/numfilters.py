"""Filters and time phrases for the quantity finder: what is not a quantity (years, dates, clock times,
ages, phone numbers, identifiers) and the time phrase a quantity refers to ("since July 2024")."""

from __future__ import annotations

import re

from claimcheck.claims.lexicon import COUNT_NOUNS, HEADLINE_VERBS, MONTH_RE, WEEKDAY_RE
from claimcheck.claims.numwords import ID_WORDS as _ID_WORDS
from claimcheck.claims.numwords import SKIP_CAPS as _SKIP_CAPS

# A word after a number; dotted abbreviations ("U.S.", "U.N.") are one word.
_UNIT_WORD = re.compile(r"\s*((?:[A-Z]\.){2,}|[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*)")
_PHONE = re.compile(
    r"(?=[\d+(])"  # every alternative starts with a digit, "+" or "(": other positions fail at once
    r"(?:(?:\+\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|\+\d{2}[\d\s-]{8,14}\d"
    # an international number with its trunk prefix in brackets: "+44 (0)20 7946 0000", "+49 (0)40 890 85-433"
    r"|\+\d{1,3}\s?\(0\)\s?\d[\d\s-]{5,14}\d"
    # national numbers with a leading 0 ("0800 123 4567", "020 7946 0000"), season and year ranges
    # ("2019-20", "2019/20", "1939-1945"), sizes ("1024*768", "1920x1080")
    r"|(?<![\d,.])0\d{2,4}[\s.-]?\d{3,4}[\s.-]?\d{3,4}\b|\b(?:1[89]|20)\d\d[-–/](?:\d\d|(?:1[89]|20)\d\d)\b"
    r"|\b\d+\s?[*×x]\s?\d+\b"
    # a picture's size in pixels written out (precision23): "1080 pixels by 1920 pixels", "4000 by 3000 pixels"
    r"|\b\d{2,5}\s?(?:pixels?\s+|px\s+)?by\s+\d{2,5}\s?(?:pixels?|px)\b)"
)
_URLISH = re.compile(
    r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]+@\S+|[@#]\w+|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b\d+(?:\.\d+){2,}\b"
    # ratios, scores and verses ("a 16:9 screen", "won 3:1", "John 3:16"); clock times are read apart
    r"|\b\d{1,3}:\d{1,3}\b"
    # emergency numbers dialled: "called 911", "dialled 999"; and named: "911 calls", "a 999 operator"
    r"|\b(?:call(?:s|ed|ing)?|dial(?:s|ed|led|ing)?|phoned?|ring(?:s|ing)?|rang)\s+(?:911|999|112|000|111)\b"
    # a file's reference (misfire22, planning and courts): "reference 24/01234/FUL", "22/1234", "ref 23/00456/OUT";
    # not a fraction of a thousand ("1/1000th of a second", "1/100 of the dose"), nor a mark out of 100 or 1,000
    # alone (review22: "The wine scored 92/100", "rated 85/100")
    r"|(?<![\w./])\d{1,4}/(?!10{2,}(?![\w/]))\d{3,}(?:/[A-Za-z\d]+)*(?![\w/]|th\b|\s+of\b)"
)
# A terminal's colour code (an ANSI SGR sequence: ESC "[31m", "[0m", "[1;32m") left in a page's text, most often
# without its ESC (the HTML parser drops it): not "31 m" nor "0 m". Taken as one: with its ESC; a reset
# ("[0m") or codes joined by ";" ("[1;32m"), which no prose writes; a code glued to the next word or code
# ("[31mERROR", "[0m[1m") or ending the text. An editor's bracket stays a figure: "[5m]", "[5m euros]", and so does
# a unit that begins with "m" glued to its figure ("[40mm]", "[70mph]", "[10mg]"; review25).
ESCAPE_CODE = re.compile(
    r"\x1b\[[\d;]*m|(?<!\[)\[(?:(?:0|\d{1,3}(?:;\d{1,3})+)m"
    r"|\d{1,3}m(?!(?:m|g|l|ph|i|in|ins|b|bps|w|wh|hz|s|t)\b)(?=[^\W_]|\[|\x1b|$))"
)
# Numbers that name something, looked for only in sentences with their digits (``named_numbers``): an
# emergency number named ("911 calls", "a 999 operator"); an acceleration benchmark, not a range: a speed
# unit right after the range and a time in seconds within a few words ("0-60 mph in 3.5 seconds", "0 to 100
# km/h could take 4 s", "from 0 to 30 miles per hour (0 to 48 km/h) in 3 seconds"; "cases rose from 0 to 150
# in 3 weeks" is a range).
_NAMED_NUMBER = re.compile(
    r"\b(?:911|999)\s+(?:calls?|call(?:ers?|\s+cent(?:er|re)s?)|dispatch(?:ers?)?|operators?|lines?|system)\b"
    r"|(?<![\d.,])0\s?(?:[-–]|\s?to\s)\s?\d{2,3}\s?(?:mph|km/h|kph|kmh|(?:miles|kilomet(?:re|er)s)\s+(?:per|an)\s+hour)\b"
    r"(?=(?:\s*\([^()]{1,30}\))?[\s,)]+(?:[A-Za-z-]+[\s,]+){0,5}?\d{1,2}(?:\.\d+)?\s?(?:seconds?|secs?|s)\b)"
)


def named_numbers(s: str) -> list[tuple[int, int]]:
    """Spans of numbers that name something (``_NAMED_NUMBER``); the pattern runs only when its digits occur."""
    if "911" in s or "999" in s or "0-" in s or "0 to" in s or "0–" in s or "0 -" in s:
        return [m.span() for m in _NAMED_NUMBER.finditer(s)]
    return []


_CLOCK_AFTER = re.compile(
    r"^(?::\d\d|\s?(?:a\.m\b|p\.m\b|am\b|pm\b|GMT\b|UTC\b|BST\b|CET\b|EST\b|EDT\b|ET\b|PT\b|o'clock|hrs\b))",
    re.IGNORECASE,
)
_AGE_BEFORE = re.compile(
    r"\b(?:aged?(?:\s+between)?|ages|who\s+(?:is|was|turned)|as\s+(?:old|young)\s+as|turn(?:s|ed|ing)?|age\s+of|"
    r"(?:die[sd]?|dying|retired?|retiring)\s+at)\s+$"
    # the second age of a range or a pair: "aged 5 to 11", "aged 5-11", "aged between 18 and 65", "aged 10 and 12"
    r"|\b(?:aged?|ages)\s+(?:between\s+)?\d{1,3}(?:\s*[-–]\s*|\s+(?:to|and|or)\s+)$"
)
# ... but a unit or a counted plural after the number is no age: "who was 12 points behind in the polls",
# "turned 5% lower" ("aged 12 months", "who was 30 years old" stay ages).
_NOT_AGE_AFTER = re.compile(
    r"^(?:\s?%|\s+(?:percent|per\s+cent|point)\b|\s+(?!(?:years|months|weeks|days|yrs)\b)[a-z][a-z’'-]*[a-rt-z]s\b)"
)
_AGE_AFTER = re.compile(r"^(?:-|\s)(?:years?-old|years? old)\b|^,\s", re.IGNORECASE)
# "John Smith, 63, said" / "The mayor, 61, said": a number set off by commas right after a noun.
_AGE_NAME_COMMA = re.compile(r"(?:[A-Za-z][a-z’']+|\b(?:Jr|Sr)\.?|\b(?:II|III|IV)),\s$")  # "Carl Doe Jr., 55, said"
# ... not after a fronted phrase of place, time or part that opens the sentence: "In Texas, 40 had been
# evacuated", "By Friday, 12 had died", "Of those, 12 had been hospitalised".
_FRONTED_COMMA = re.compile(
    r"\s*(?:In|By|Of|At|On|Across|Since|After|Before|Among|From|Within|Throughout|During|Until|Near|Outside|"
    r"Inside|Overall|Nationwide|Elsewhere)\b[^,]{0,40},\s"
)


def _after_name(s: str, start: int, before: str) -> bool:
    """A number set off by a comma right after a noun ("the mayor, 61,"), not after a fronted phrase."""
    return bool(_AGE_NAME_COMMA.search(before)) and _FRONTED_COMMA.fullmatch(s, 0, start) is None


_AGE_APPOSITION_END = re.compile(r"^(?:,\s|\.?\s*$|\)|\s+(?:and|who|was|is|said|has|had)\b|\s+of\s+[A-Z])")
# A number that labels a release or names a plan: "the 5.50 update", "its 2.0 version", "a 401(k)" (a plural,
# "three updates", counts them).
_LABEL_AFTER = re.compile(
    r"^(?:\s*(?i:update|version|firmware|patch|beta|build)\b(?!-)|\([a-z]\)"
    # a year of an era ("600 B.C.", "AD" after), a broadcaster or outlet named with a number ("told 404 Media")
    r"|\s?(?:B\.C\.|BCE?\b|A\.D\.|AD\b)|\s(?:Media|News|TV|Radio|FM)\b)"
)
# ... and before it: "update 5.50", "firmware 2.1", "version 3" (a verb before a decimal is as rare: "patch 1.2").
_VERSION_BEFORE = re.compile(r"\b(update|version|firmware|patch|build|release|beta)\s+$", re.IGNORECASE)
# ... and as what a device or an app is updated to (numprec20): "has yet to update to 6.50, so", "upgraded to
# 2.1 last week" (a decimal with no unit after it: "the forecast was updated to 2.5 percent" is a figure)
_UPDATED_TO = re.compile(r"\b(?:updat|upgrad)(?:e|es|ed|ing)\s+to\s+(?:version\s+)?$", re.IGNORECASE)
_NO_UNIT_AFTER = re.compile(
    r"(?:\s*$|\s*[,;:.!?)]|\s+(?:and|or|which|that|for|with|on|in|to|before|after|but|so|now|as|yet|this|last|next)\b)"
)
# An age or an anniversary reached: "the port turns 300", "She turned 40 on Monday", "turning 18 this year"
# (no counted thing after it; "shares turned 5% lower" has one).
_TURNS_BEFORE = re.compile(r"\b[Tt]urn(?:s|ed|ing)\s+$")
_TURNS_AGE_AFTER = re.compile(
    r"^(?:\s*$|\s*[^\w\s%]|\s+[A-Z]|\s+(?:years?\s+old|this|next|last|on|in|at|today|tomorrow|and|but|when)\b)"
)
_RECORD_BEFORE = re.compile(r"\d-\d+-$")
_RECORD_AFTER = re.compile(r"^-\d+-\d")
_RECORD_MIDDLE = re.compile(r"\d-$")
_BRACKETED = re.compile(r"[A-Z][\w’'.-]*\s\($")  # "Hopkins (10)": a player's number or an age
_DAY_RANGE_BEFORE = re.compile(rf"\b{MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?\s*(?:and|to|-|–|through)\s*$")
_MONTH_BEFORE = re.compile(rf"\b{MONTH_RE}\s+$")
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_RE}(?!\w)")
_PREV_WORD = re.compile(r"([A-Za-z#][\w.]*)\s+$")
# A street address: "10 Downing Street", "1600 Main St.", "450 N. Mill Road"
_ADDRESS_AFTER = re.compile(
    r"\s+(?:[NSEW]{1,2}\.?\s+)?(?:[A-Z][\w’'-]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Boulevard|Blvd|Drive|Dr|Way|Place|"
    r"Square|Court|Terrace|Crescent|Close|Highway|Parkway)\b"
)
_AGO = re.compile(
    r"^\s+(?:(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries)\s+(?:ago|earlier|later)"
    # "before" / "prior" closing the clause (precision23): "had won Game 5 just three days before.", "two weeks
    # prior, the club had ..." date what was told, as "earlier" does ("three days before the vote" is left alone)
    r"|(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)\s+(?:before|prior)(?=\s*(?:[.,;:!?)]|$)|\s+(?:that|then)\b)"
    # a time told by the contest's own steps (numprec19): "six laps later", "three plays later", "two innings
    # earlier" date what follows, as "two days later" does
    # ("scored 12 points later in the game" counts: "later" there is the adverb of the rest)
    r"|(?:laps?|plays?|innings|games?|rounds?|pitches|possessions?|holes?|overs|stages?|snaps?|drives?|episodes?|"
    r"chapters?|pages?)\s+(?:later|earlier)(?!\s+(?:in|on|at|that|this|than|the)\b))\b"
)
_WHEN = re.compile(
    rf"\b(?:(?:since|in|on|by|until|till|from|as of|before|after|during|through|between|last|this|"
    rf"earlier this|"
    rf"later this|early|late|mid-?)\s+)?(?:(?:early|late|mid-?)\s*)?"
    rf"(?:{MONTH_RE}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+(?:19|20)\d\d)?|\d{{1,2}}\s+{MONTH_RE}(?:\s+(?:19|20)\d\d)?|"
    rf"(?:19|20)\d\d(?:s|/\d\d)?|{WEEKDAY_RE}(?:\s+(?:morning|afternoon|evening|night))?|"
    rf"(?:last|this|next)\s+(?:week|month|year|weekend|season|quarter)|yesterday|today|tonight|overnight)\b"
    rf"|\b(?:\w+\s+)(?:years?|months?|weeks?|days?)\s+ago\b"
    # a span up to now: "in the past three months", "over the last decade", "in the past year"
    rf"|\b(?:in|over|during|for)\s+the\s+(?:past|last|previous)\s+(?:[\w-]+\s+)?"
    rf"(?:years?|months?|weeks?|days?|decades?|hours?)\b",
    re.IGNORECASE,
)

_WHEN_ANCHOR = re.compile(
    rf"\b(?:{MONTH_RE}|{WEEKDAY_RE}|(?:19|20)\d\d|week|month|year|weekend|season|quarter|yesterday|today|tonight|overnight|"
    r"years|months|weeks|days|decades?|hours)\b",
    re.IGNORECASE,
)


_FROM_OWNER = re.compile(r"from\s+", re.IGNORECASE)  # before a day that owns a noun ("from Monday's blast")
# ... unless the span's end follows that noun: "gained 14 percent from Tuesday's low to Friday's close" (review23)
_SPAN_END = re.compile(
    r"['’]s(?:\s+[\w-]+){1,3}\s+(?:to|until|till|through|thru)\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"|January|February|March|April|May|June|July|August|September|October|November|December|the\s+end|midnight)\b"
)


def _time_phrases(s: str) -> list[re.Match[str]]:
    """Time phrases of the sentence; the full pattern runs only around cheap anchor words."""
    out: list[re.Match[str]] = []
    last_end = -1
    for anchor in _WHEN_ANCHOR.finditer(s):
        if anchor.start() < last_end:
            continue
        m = _WHEN.search(s, max(last_end, 0, anchor.start() - 30), min(len(s), anchor.end() + 20))
        if m and m.start() <= anchor.start() < m.end() and _is_time_phrase(m.group()):
            # "the toll from Tuesday's earthquake": "from" belongs to the noun the day owns, the day is a point
            if (day := _FROM_OWNER.match(m.group())) and s.startswith(("'s", "’s"), m.end()) and not _SPAN_END.match(s, m.end()):
                m = _WHEN.match(s, m.start() + day.end()) or m
            out.append(m)
            last_end = m.end()
    return out


def _is_time_phrase(text: str) -> bool:
    """Keep real time phrases; a bare "may" or "march" in lower case is a verb, not a month."""
    core = text.split()[-1]
    return not (core.lower() in {"may", "march", "sun", "sat", "wed"} and core.islower())


def _not_a_quantity(s: str, m: re.Match[str], value: float, num: str) -> bool:
    """Years, dates, clock times, ages, identifiers and ago-phrases are not counted quantities."""
    start, end = m.start(), m.end()
    before, after = s[max(0, start - 40) : start], s[end : end + 40]
    if _CLOCK_AFTER.match(after) or _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
        return True
    if _AGE_BEFORE.search(before) and value <= 120 and "." not in num and not _NOT_AGE_AFTER.match(after):
        return True
    if "urn" in before and _TURNS_BEFORE.search(before) and _TURNS_AGE_AFTER.match(after):
        return True
    if (
        _AGE_AFTER.match(after)
        and value <= 120
        and "." not in num
        and (not after.startswith(",") or _after_name(s, start, before))
    ):
        return True
    if value <= 120 and "." not in num and _after_name(s, start, before) and _AGE_APPOSITION_END.match(after):
        return True  # "Marsh, 62." at the end of a sentence, "the mayor, 61, said"
    if value < 1000 and after.startswith(")") and _BRACKETED.search(before):
        return True
    if value <= 31 and _DAY_RANGE_BEFORE.search(before):
        return True  # "between Feb 8 and 25"
    if (
        _RECORD_BEFORE.search(before)
        or _RECORD_AFTER.match(after)
        or (
            before.endswith("-")
            and _RECORD_MIDDLE.search(before)
            and after[:1] == "-"
            and after[1:2].isdigit()
        )
    ):
        return True  # a win-loss record or a score with three parts: "went 7-8-1", "59-35-1"
    if len(num) >= 2 and num[0] == "0" and num[1].isdigit():
        return True  # a leading zero: a code or a number to dial, not a quantity
    if _AGO.match(after) or _ADDRESS_AFTER.match(after) or designation_after(s, end):
        return True
    if (ver := _VERSION_BEFORE.search(before)) and ("." in num or ver.group(1).lower() in ("version", "firmware")):
        return True  # a version named after its word: "system update 5.50 features", "version 3 of the app"
    if "." in num and ("pdat" in before or "pgrad" in before) and _UPDATED_TO.search(before) and _NO_UNIT_AFTER.match(after):
        return True  # what a device or an app is updated to: "update to 5.00", "upgraded to version 2.1"
    if _LABEL_AFTER.match(after):
        return True  # a version, a plan's name, an era's year, an outlet: "the 5.50 update", "a 401(k)"
    year_like = (
        len(num) == 4
        and "," not in num
        and not _counted_after(after)
        and (
            1800 <= value <= 2100
            or 1000 <= value < 1800
            and bool(_YEAR_PREP.search(before))
            and not _CHANGE_BY.search(before)
            and bool(_NO_NOUN.match(after))
        )
    )
    if year_like and not (_QUALIFIED_BEFORE.search(before) and _plural_after(after)):
        return True  # a year; "roughly 2000 planets" counts planets
    if _SERIES_LIST_BEFORE.search(before) and not _COUNT_AFTER_SERIES.match(after):
        return True  # "between junctions 5 and 7", "gates 12 to 14": items of a series, no count (misfire21)
    prev = _PREV_WORD.search(before)
    if prev:
        word = prev.group(1).rstrip(".")
        if word in _ID_WORDS:
            # "lap 48", "page 5": a lower-case series noun names an item, unless a plural noun follows the
            # number ("Every week 2,000 migrants arrive", "during the game 3 players were hurt" count)
            return not (word.islower() and (_LOWER_PLURAL.match(after) or _NAME_THEN_COUNT.match(after)))
        if (
            word[0].isupper()
            and word not in _SKIP_CAPS
            and "." not in num
            and not _NAME_THEN_COUNT.match(after)
            and not headline_verb(s, max(0, start - 40) + prev.start(1), word, end)  # "Storm Kills 12 People"
        ):
            # "Apollo 11", "Lap 48"; but "selling oil to North Korea 30 times" counts times, and a lone name
            # after a verb or a preposition is an object or a place before a count: "gives Ukraine 40 tanks",
            # "In Ohio 3 schools closed"
            return not (_LONE_NAME_BEFORE.search(before) and _LOWER_PLURAL.match(after))
    return False


# A plural series noun before figures names items of it, each figure of the list too (misfire21): "between junctions
# 5 and 7", "JUNCTIONS 10 AND 11", "platforms 3, 4 and 5", "exits 12-14" (a count comes before: "7 junctions"; a
# plural noun after the figure makes it a count: "the fire spread through rooms 2 floors above")
_SERIES_LIST_BEFORE = re.compile(
    r"\b(?i:junctions|exits|gates|platforms|terminals|chapters|rooms|lanes|piers|berths|wards|bays|sizes)\s+"
    r"(?:\d{1,4}[A-Za-z]?\s*(?:,|(?i:and|or|to|through)|[-–])\s*)*$"
)
_COUNT_AFTER_SERIES = re.compile(r"\s+(?!(?:this|thus|plus|less|unless|across|towards)\b)[a-z][a-z’'-]*[a-rt-z]s\b")
# An earlier year by its role: after a preposition of time and with no noun after it ("wrote, in 1611.",
# "built around 1450 and restored"; "in 1500 homes" counts homes).
_YEAR_PREP = re.compile(r"\b(?:in|since|until|till|from|by|circa|c\.|before|after)\s+$", re.IGNORECASE)
# ... but "by" or "from" after a verb of change gives an amount: "The index fell by 1500", "rose from 1200 to"
_CHANGE_BY = re.compile(
    r"\b(?:r[io]se[sn]?|rising|f[ae]ll(?:s|en|ing)?|gr[eo]w(?:s|n|ing)?|(?:dropp|climb|jump|slump|declin|increas|"
    r"decreas|gain|reduc|rais|boost|lower|shrunk|shrank)\w*|cut(?:s|ting)?|lost|los(?:e|es|ing)|up|down)\s+(?:by|from)\s+$",
    re.IGNORECASE,
)
_NO_NOUN = re.compile(
    r"^(?:\s*[.,;:!?)]|\s*$|\s+(?:and|when|while|by|at|on|in|as|but|he|she|they|it|we|the|a|an|AD|BC|BCE|CE)\b)"
)


# One capitalised word after a verb or a preposition (not after a determiner, a number word or another
# capitalised word, as product names and series are: "the Switch 2", "Nintendo Switch 2").
_LONE_NAME_BEFORE = re.compile(
    r"(?:^|[^\w’'-])(?:(?!(?:the|a|an|its|their|his|her|our|my|your|this|that|these|those|hundred|thousand|"
    r"million|billion)\b)[a-z]+|In|At|Across|From|To|For|Throughout)\s+[A-Z][\w’'-]*\s+$"
)


# A qualifier a year never takes: "roughly 2000 planets", "more than 1900 homes".
_QUALIFIED_BEFORE = re.compile(
    r"\b(?:roughly|approximately|nearly|almost|some|an estimated|more than|fewer than|less than|at least|"
    r"as many as|up to|over)\s+$",
    re.IGNORECASE,
)


# After a name, a number followed by a lower-case plural that news counts, "times", or a span of time
# ("provided by Okafor 15 years after the shoot"), is a count.
_NAME_THEN_COUNT = re.compile(
    r"\s+(?:times\b|(?:years|months|weeks|days|hours|minutes|decades)\b|(?:"
    + "|".join(sorted(COUNT_NOUNS))
    + r")\b)"
)


def _plural_after(after: str) -> bool:
    w = _UNIT_WORD.match(after)
    if w is None:
        return False
    low = w.group(1).lower()
    return low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3


def _counted_after(after: str) -> bool:
    """True when a year-like number is followed by a plural noun ("2021 votes"), so it counts something."""
    w = _UNIT_WORD.match(after)
    return w is not None and w.group(1).lower() in COUNT_NOUNS


# A number followed by a chain of capitalised words names something ("80 Day Obsession", "7 World Trade
# Center", "a 13-inch MacBook Pro", "the 200 yard Individual Medley"), unless a lower-case plural follows
# the chain ("25 Premier League clubs") or the chain names a body of people that is counted ("3,000
# National Guard"). Headlines in title case are left alone.
_CAP_CHAIN = re.compile(r"(?:[ \t-]+[A-Z][a-z]*[A-Z]?[a-z]+(?![\w.’'-]))+")
_CHAIN_WORD = re.compile(r"[A-Z][a-z]*[A-Z]?[a-z]+")
_CAMEL = re.compile(r"^[A-Z][a-z]+[A-Z][a-z]+$")
_LOWER_PLURAL = re.compile(r"\s+[a-z][a-z’'-]*[a-rt-z]s\b")
_COUNTED_BODIES = frozenset(
    {"guard", "guards", "patrol", "police", "corps", "force", "forces", "army", "navy"}
)
_CAPS_WORD = re.compile(r"\b[A-Z]")
_ANY_WORD = re.compile(r"\b[A-Za-z]")


# A scoreline after a figure: another name and its figure ("Nets 112, Knicks 104", "Rose 68, Fleetwood 70")
_SCORELINE_AFTER = re.compile(r",?\s+([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})\s+\d+\b(?![\d.,:%-]\d)")


_SPAN_AFTER = re.compile(r"\s+(?:years|months|weeks|days|hours|minutes)\b", re.IGNORECASE)


def headline_verb(s: str, word_start: int, word: str, end: int) -> bool:
    """True when ``word`` before the figure ending at ``end`` is a title-case headline's verb ("Storm Kills 12
    People"): a word of HEADLINE_VERBS with its subject before it (one opening the line names a work or a firm:
    "Left 4 Dead 2", "Saw 3", "Housing 21", unless a span of time follows: "Get 4 Months Free"), not a name in a
    scoreline ("Nets 112, Knicks 104")."""
    if word.lower() not in HEADLINE_VERBS:
        return False
    if not s[:word_start].strip(" \t\"'‘’“”"):
        return bool(_SPAN_AFTER.match(s, end))  # "Get 4 Months Of Music For $1": an offer's span, no name
    score = _SCORELINE_AFTER.match(s, end)
    return score is None or any(w in _SKIP_CAPS or w.lower() in HEADLINE_VERBS for w in score.group(1).split())


def designation_after(s: str, end: int) -> bool:
    """True when the text at ``end`` is a proper-noun chain that makes the number part of a name."""
    m = _CAP_CHAIN.match(s, end)
    if m is None:
        return False
    words = _CHAIN_WORD.findall(m.group())[:4]
    first = words[0]
    if len(words) < 2 and not _CAMEL.match(first):
        return False
    if first in _SKIP_CAPS or first.lower() in COUNT_NOUNS or first.endswith("s"):
        return False  # "80 Americans", "2 Sisters", "the 40 Days ..." are counts or plurals
    if words[-1].lower() in _COUNTED_BODIES or _LOWER_PLURAL.match(s, m.end()):
        return False
    return len(_CAPS_WORD.findall(s)) * 2 < len(_ANY_WORD.findall(s))  # not a title-case headline


# A screen or video resolution is a name, not thousands: "4K streaming", "an 8K TV", "a 4K Smart HDTV", "8K OLED",
# "shot in 4K" ("$4k" and
# "4k runners" are amounts; the currency is read before this is asked).
_RESOLUTION_AFTER = re.compile(
    r"\s?(?:UHD|HDR\d*|Ultra\s+HD|streaming|resolution|video|videos|TVs?|televisions?|displays?|screens?|"
    r"monitors?|projectors?|content|cameras?|footage|gaming|Blu-?ray|HD|HDTVs?|Smart\s+(?:HD)?TVs?|OLED|QLED|"
    r"LED|LCD)\b",
    re.IGNORECASE,
)
_IN_BEFORE = re.compile(r"\bin\s+(?:(?:native|full|true)\s+)?$")
# "render at up to 4K", "runs at native 4K": a picture drawn at a resolution (rows22)
_AT_BEFORE = re.compile(r"\bat\s+(?:up\s+to|close\s+to|native|full|true)\s+$")
# The sentence is about a picture's resolution (rows22): "films scanned at a finer resolution (8K for the oldest
# reels)", "the remaster is upscaled to 4K": its "4K" is no four thousand.
_RESOLUTION_CUE = re.compile(r"\b(?:resolutions?|pixels?|\d{3,4}p|supersampl\w*|upscal\w*|downscal\w*)\b", re.IGNORECASE)
_IN_AFTER = re.compile(r"$|[.,);:]|\s+(?:at|with|and|or|on|for|to)\b")
# The sizes a picture's resolution is named by ("2K", "4K", "8K"): another "K" figure in a sentence about
# resolution is thousands ("gained 900K subscribers after adding 4K resolution", review23)
_RESOLUTION_SIZE = re.compile(r"(?:[24568]|1[02])K")


def resolution(s: str, start: int, end: int) -> bool:
    """True when the "4K" or "8k" at ``start:end`` names a resolution."""
    return (
        bool(_RESOLUTION_AFTER.match(s, end))
        or (bool(_IN_BEFORE.search(s, max(0, start - 20), start)) and bool(_IN_AFTER.match(s, end)))
        or bool(_AT_BEFORE.search(s, max(0, start - 20), start))
        or (_RESOLUTION_SIZE.fullmatch(s, start, end) is not None and bool(_RESOLUTION_CUE.search(s)))
    )


# The size of a ranked list is no claim: "our picks for the 10 best deals", "the five biggest banks", "the
# top 20 schools"; "10 of the best deals" and "the best 10 minutes" are left alone.
_SUPERLATIVE_AFTER = re.compile(
    r"\s+(?:best|worst|most|least|top|biggest|largest|greatest|smallest|cheapest|richest|poorest|tallest|"
    r"highest|lowest|fastest|slowest|busiest|deadliest|oldest|youngest|newest|latest|hottest|coldest|"
    r"strongest|weakest|longest|shortest|safest|wealthiest|brightest|finest|coolest|funniest|scariest)\b",
    re.IGNORECASE,
)
_RANK_BEFORE = re.compile(r"\b(?:the|our|my|your|these|its|their|his|her)\s+(?:top\s+)?$", re.IGNORECASE)
_TOP_BEFORE = re.compile(r"\b(?:the|our|my|your|these|its|their|his|her)\s+top\s+$", re.IGNORECASE)


def ranked_list(s: str, start: int, end: int) -> bool:
    """True when the number at ``start:end`` sizes a ranked list ("the 10 best", "the top 20")."""
    before = s[max(0, start - 12) : start]
    return bool(_TOP_BEFORE.search(before)) or bool(
        _SUPERLATIVE_AFTER.match(s, end) and _RANK_BEFORE.search(before)
    )


# Counts of the writer's own points are no claims: "two things you need to know", "five ways to save",
# "three reasons why" (a listicle's or a speaker's framing; "10,000 steps" and "40 questions" stay counts).
# Only in the listicle's shape: the number opens the sentence or title (or follows "here are", "there are" or a
# title's colon), without a determiner, and its noun is followed by "you", an infinitive, a relative or the end
# of the title; "the audit found 14 mistakes in the count" and "found three signs of forced entry" stay counts.
DISCOURSE_NOUNS = frozenset(
    [
        "thing",
        "things",
        "way",
        "ways",
        "reason",
        "reasons",
        "tip",
        "tips",
        "trick",
        "tricks",
        "secret",
        "secrets",
        "lesson",
        "lessons",
        "takeaway",
        "takeaways",
        "idea",
        "ideas",
        "mistake",
        "mistakes",
        "sign",
        "signs",
        "habit",
        "habits",
        "hack",
        "hacks",
        "myth",
        "myths",
        "truths",
    ]
)
_LIST_LEAD = re.compile(
    r"(?:^|[:|—–]\s*|\b(?:[Hh]ere|[Tt]here|[Tt]hese)\s+(?:are|were)\s+(?:(?:just|only|still)\s+)?)[\W_]*$"
)
_LIST_TAIL = re.compile(
    r"\s+(?P<noun>[A-Za-z]+)(?:\s+(?:you|your|to|that|why|which|we|I|every(?:one|body)?|for|about)\b|\s*(?:[:!?]|$))"
)


def listicle(s: str, start: int, end: int) -> bool:
    """True when the number at ``start:end`` sizes a listicle of the writer's own points ("two things you need
    to know", "Here are seven ways to save", "Pensions: five mistakes to avoid")."""
    tail = _LIST_TAIL.match(s, end)
    return bool(
        tail
        and tail.group("noun").lower() in DISCOURSE_NOUNS
        and _LIST_LEAD.search(s, max(0, start - 30), start)
    )


# "the original two films", "the first three books", "the other two ads": a small number after a selecting
# word picks things named before (people, spans of time and games stay counts: "the other two suspects",
# "the last three years", "won the last four games").
_SELECT_BEFORE = re.compile(
    r"\b(?:the|these|those|its|their|his|her|our)\s+(?:original|first|last|other|previous|next|final|"
    r"remaining|opening|closing|latter|former|earlier|later)\s+$",
    re.IGNORECASE,
)
_SELECT_KEEP = frozenset(
    [
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "hour",
        "hours",
        "minute",
        "minutes",
        "decade",
        "decades",
        "season",
        "seasons",
        "game",
        "games",
        "match",
        "matches",
        "race",
        "races",
        "round",
        "rounds",
        "quarter",
        "quarters",
        "innings",
        "set",
        "sets",
        "half",
        "halves",
        "times",
    ]
)


def selected_before(s: str, start: int, head: str) -> bool:
    """True when a selecting word before ``start`` makes the number pick things already named."""
    return head.lower() not in _SELECT_KEEP and bool(_SELECT_BEFORE.search(s, max(0, start - 16), start))


# A team's standing in brackets after its name is no result: "The Eagles (6-5, 3-4) snapped ..." (the
# overall and the conference record); a set score after a player, "beat Smith (6-3, 6-4)", has no "the".
_STANDING_OPEN = re.compile(
    r"\b[Tt]he\s+(?:[A-Z][\w.’'&-]*\s+){0,3}[A-Z][\w.’'&-]*\s*\(\s*(?:\d{1,3}[-–]\d{1,3}(?:[-–]\d{1,3})?\s*[,;]\s*)*$"
)
_STANDING_CLOSE = re.compile(r"(?:\s*[,;]\s*\d{1,3}[-–]\d{1,3}(?:[-–]\d{1,3})?)*\s*\)")


def standing(s: str, start: int, end: int) -> bool:
    """True when the pair at ``start:end`` stands in a team's bracketed record after its name."""
    return bool(_STANDING_CLOSE.match(s, end) and _STANDING_OPEN.search(s, max(0, start - 80), start))

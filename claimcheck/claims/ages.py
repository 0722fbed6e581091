"""Ages of people in the news: "an 18-year-old man was arrested", "the 35-year-old driver", "18-Year-Old Man
Arrested", "police named 18-year-old Jo Reyes", "a man, aged 18,", "two boys aged 12 and 14", "a girl of 12",
"Reyes is 65 years old".

The lead's product decision (issue 12, round facts17): the age of a suspect, a victim, a driver or anyone a story
is about is a checkable fact outlets state and get wrong, so it is a number claim: value the age, unit "age"
("age in months", "age in weeks", "age in days" for a baby's "6-month-old"), ``extra["age_of"]`` the person noun
that holds it ("man", "suspect", "" when the phrase is the person, "the 18-year-old"), ``extra["age_name"]`` the
name when the age is said of a named person ("18-year-old Jo Reyes"). The matcher joins two ages of one figure
whose holders agree (never a man's and a woman's) and shows a conflict or an update between two ages only when
they are said of one named person (two suspects of 18 and 19 are two facts; people age).

Not ages here (a policy kept from before): a number in apposition after a name or a definite noun ("The mayor,
61, said", "Reyes, 45, of Leeds", "the mayor, aged 61,"); an age at death, its own unit ("dies at 84":
``numbers._AGE_AT_DEATH``); the age of a thing or an animal ("a 100-year-old bridge", "the 30-year-old law", "a
10-year-old dog"); a class of people ("18-year-olds can vote", "adults aged 26 or older", "children aged 5 to
11", "men aged 40"); lengths without "old" ("a 10-year sentence", "a 40-year high").
"""

from __future__ import annotations

import functools
import re

from claimcheck.claims.citations import _NATIONALITIES
from claimcheck.claims.coref import is_body_name
from claimcheck.claims.lexicon import is_title_case
from claimcheck.claims.numwords import TENS_WORDS, UNITS_WORDS
from claimcheck.models import Interval
from claimcheck.nouns import noun_kind

__all__ = ["AGE_UNITS", "find_ages", "holder_role", "is_age_unit", "sex_of", "side_of"]

AGE_UNITS = frozenset(["age", "age in months", "age in weeks", "age in days"])
_UNIT_OF = {"year": "age", "month": "age in months", "week": "age in weeks", "day": "age in days"}

_WORD_VALUES = {**{w: v for w, v in UNITS_WORDS.items() if v > 0}, **TENS_WORDS}
_NUMBER = (
    r"\d{1,3}|(?:"
    + "|".join(TENS_WORDS)
    + r")(?:[-\u2010\u2011](?:"
    + "|".join(w for w in UNITS_WORDS if UNITS_WORDS[w] < 10 and UNITS_WORDS[w])
    + r"))?"
    r"|" + "|".join(sorted((w for w in UNITS_WORDS if UNITS_WORDS[w]), key=len, reverse=True))
)
_HY = r"[-\u2010\u2011 ]"
# "18-year-old", "18-Year-Old", "six-month-old", "twenty-two-year-old", "18 year old"; "18-year-olds" is a class
_YEAR_OLD = re.compile(
    rf"(?<![\w.,\u2010\u2011-])(?P<n>{_NUMBER}){_HY}(?P<u>year|month|week|day)s?{_HY}old(?![\w\u2019'])",
    re.IGNORECASE,
)
# a hedge before it: "the nearly 60-year-old"
_NEARLY = re.compile(r"\b(?:nearly|almost)\s+$", re.IGNORECASE)
_DETERMINER = re.compile(
    r"(?:^|\b)(?:an?|the|this|that|his|her|their|its|our|my|your|one)\s+(?:(?:nearly|almost)\s+)?$",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[\s\u2010\u2011-]+([A-Za-z][\w\u2019'.]*)")
# words that end the noun phrase of the age: function words, auxiliaries, verbs of saying
_END_WORDS = frozenset(
    ["is", "was", "are", "were", "has", "had", "have", "will", "would", "could", "can", "may", "might", "must",
     "shall", "should", "who", "whom", "whose", "which", "that", "with", "from", "of", "for", "in", "on", "at", "by",
     "to", "as", "and", "or", "but", "after", "before", "when", "while", "since", "until", "if", "than", "then",
     "also", "said", "says", "told", "tells", "allegedly", "reportedly", "who's", "has", "been", "being", "did",
     "does", "do", "not", "never", "still", "now", "just", "later", "appeared", "arrived", "died", "faces", "faced",
     "fled", "went", "came", "ran", "took", "left", "spoke", "walked", "drove", "shot", "stabbed"]
)  # fmt: skip
# nouns of people the kind lists miss, and words noun_kind takes for people that are no holder of an age
_PERSON_EXTRA = frozenset(
    ["schoolgirl", "schoolboy", "lad", "lass", "mum", "mom", "dad", "brother", "sister", "grandfather",
     "grandmother", "grandson", "granddaughter", "niece", "nephew", "aunt", "uncle", "cousin", "male", "female",
     "gunman", "gunwoman", "cyclist", "constable", "rookie", "quarterback", "newborn", "mother-of-two",
     "father-of-two", "mother-of-three", "father-of-three", "man-child", "boyfriend", "girlfriend", "fiance", "fiancee",
     "widow", "widower", "teenager", "pensioner"]
)  # fmt: skip
_NOT_HOLDERS = frozenset(
    ["death", "dead", "injured", "wounded", "hospitalised", "missing", "arrest", "arrested", "fatality", "body",
     "evacuated", "rescued", "displaced", "detained", "drowned", "figure", "workforce", "staff", "crew", "personnel",
     "police", "household", "family", "troop", "people", "men", "women", "children", "younger", "older",
     "elder", "senior"]
)  # fmt: skip
_MALE = frozenset(
    ["man", "boy", "male", "father", "son", "husband", "brother", "grandfather", "grandson", "nephew", "uncle",
     "boyfriend", "gentleman", "lad", "schoolboy", "king", "prince", "widower", "gunman"]
)  # fmt: skip
_FEMALE = frozenset(
    ["woman", "girl", "female", "mother", "daughter", "wife", "sister", "grandmother", "granddaughter", "niece",
     "aunt", "girlfriend", "lady", "lass", "schoolgirl", "queen", "princess", "widow", "gunwoman", "mum", "mom",
     "actress"]
)  # fmt: skip
_NATIONS = frozenset(w.lower() for w in _NATIONALITIES)


# one capitalised word that reads as a nationality, not a name: "the 25-year-old Spaniard", "the Brazilian"
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ard|ian|ese|ish|ch|i)$")
_NAME_PARTICLES = frozenset(["de", "van", "von", "da", "del", "della", "der", "den", "bin", "al", "la", "le"])
_COMPASS = frozenset(["North", "South", "East", "West", "New", "Central"])


def _singular(noun: str) -> str:
    """A plural noun of people as its singular ("teenagers", "boys", "women"), else the noun."""
    w = noun.lower()
    if w.endswith("men"):
        return w[:-3] + "man"
    if w.endswith("ren"):
        return w[:-3]  # "children"
    return w[:-1] if w.endswith("s") and _person(w[:-1]) else w


def is_age_unit(unit: str | None) -> bool:
    return unit in AGE_UNITS


@functools.lru_cache(maxsize=4096)
def _person(word: str) -> bool:
    w = word.lower().strip(".\u2019'")
    if w in _NOT_HOLDERS:
        return False
    if w in _PERSON_EXTRA:
        return True
    if w.endswith("man") and w.isalpha() and len(w) > 4 and noun_kind(w) == "person":  # noqa: PLR2004
        return True  # "policeman", "fisherman", "chairman"
    return noun_kind(w) == "person" and not w.endswith(("er", "or")) or w in _KNOWN_AGENTS


def is_person_noun(word: str) -> bool:
    """Whether a noun names a person who can hold an age ("singer", "victims", "mother"; not "score")."""
    return _person(word) or _person(_singular(word))


# agent nouns in -er / -or of people (noun_kind takes any -er for a person: "a 100-year-old tower" is none)
_KNOWN_AGENTS = frozenset(
    ["driver", "rider", "worker", "officer", "soldier", "teacher", "player", "singer", "footballer", "cricketer",
     "boxer", "runner", "swimmer", "skier", "climber", "walker", "hiker", "farmer", "fisher", "lawyer", "banker",
     "dealer", "trader", "owner", "manager", "director", "member", "leader", "sailor", "pilot", "doctor", "actor",
     "author", "donor", "survivor", "visitor", "sufferer", "shopper", "customer", "passenger", "mother", "father",
     "brother", "sister", "daughter", "partner", "carer", "caregiver", "volunteer", "supporter", "protester",
     "protestor", "rioter", "attacker", "robber", "burglar", "killer", "murderer", "shooter", "stabber", "gunner",
     "bomber", "hijacker", "kidnapper", "abuser", "offender", "prisoner", "defender", "striker", "keeper",
     "goalkeeper", "midfielder", "forward", "winger", "jockey", "trainer", "racer", "cyclist", "rapper", "dancer",
     "writer", "painter", "builder", "labourer", "laborer", "plumber", "cleaner", "waiter", "cashier", "courier",
     "commuter", "motorcyclist", "bystander", "stranger", "neighbour", "neighbor", "youngster", "teenager",
     "pensioner", "grandmother", "grandfather", "foster", "fighter", "wrestler", "golfer", "batter", "pitcher",
     "catcher", "outfielder", "infielder", "rower", "sprinter", "jumper", "thrower"]
)  # fmt: skip


# Holder nouns that say only who a person is by sex, age or origin ("man", "girl", "teenager", "the 18-year-old"
# itself): an age said of one agrees with an age said of any role. Other nouns are roles; a role's synonyms share
# a family (a suspect, the gunman, the attacker), and two roles of no one family are two persons (the driver and
# the passenger, the striker and the goalkeeper, the suspect and the victim).
_PLAIN_HOLDERS = frozenset(
    ["", "man", "woman", "boy", "girl", "teenager", "teen", "youth", "child", "kid", "baby", "toddler", "infant",
     "newborn", "person", "male", "female", "lad", "lass", "youngster", "adult", "gentleman", "lady", "local",
     "resident", "national", "citizen", "native"]
)  # fmt: skip
_ROLE_FAMILIES = {
    **dict.fromkeys(
        ["suspect", "gunman", "gunwoman", "shooter", "attacker", "assailant", "killer", "murderer", "robber",
         "burglar", "kidnapper", "bomber", "hijacker", "offender", "defendant", "accused", "perpetrator", "stabber"],
        "suspect",
    ),
    **dict.fromkeys(["victim", "casualty", "survivor"], "victim"),
}  # fmt: skip


def holder_role(holder: str) -> str:
    """The role a holder noun of an age names ("suspect" for "gunman"), "" for a plain one ("man", "teenager") or a
    nationality."""
    w = holder.lower()
    if w in _PLAIN_HOLDERS or w in _NATIONS or _DEMONYM.match(holder.capitalize()):
        return ""
    return _ROLE_FAMILIES.get(w, w)


# What a sentence says befell the person whose age it gives: harm (a victim's verbs) or a charge (a suspect's).
_HARMED = re.compile(
    r"\b(?:killed|died|dies|dead|stabbed|injured|hurt|wounded|hospitali[sz]ed|rescued|missing|drowned|"
    r"found\s+safe|abducted|kidnapped|attacked|assaulted|raped|murdered)\b",
    re.IGNORECASE,
)
_CHARGED = re.compile(
    r"\b(?:arrested|charged|held|detained|accused|suspected|sentenced|convicted|jailed|remanded|identified\s+as\s+the|"
    r"in\s+custody|pleaded|appeared\s+in\s+court|faces?\s+charges)\b",
    re.IGNORECASE,
)


def side_of(sentence: str) -> str:
    """"harmed" or "charged" when a sentence tells only one of the two of the person it gives an age ("A 45-year-old
    man was stabbed" / "was arrested"), else "" (both, as in "arrested after a woman was stabbed", or neither)."""
    harmed, charged = bool(_HARMED.search(sentence)), bool(_CHARGED.search(sentence))
    return "harmed" if harmed and not charged else "charged" if charged and not harmed else ""


def sex_of(holder: str) -> str:
    """ "male", "female" or "" for a holder noun of an age."""
    w = holder.lower()
    if w in _FEMALE or w.endswith("woman"):
        return "female"
    if w in _MALE or w.endswith("man"):
        return "male"
    return ""


def _value(text: str) -> float | None:
    t = text.lower().replace("\u2010", "-").replace("\u2011", "-")
    if t.isdigit():
        return float(t)
    parts = t.split("-")
    if all(p in _WORD_VALUES for p in parts):
        return float(sum(_WORD_VALUES[p] for p in parts))
    return None


def _is_verb(word: str) -> bool:
    w = word.lower()
    return w in _END_WORDS or (w.endswith("ed") and noun_kind(w) is None) or w.endswith("ly")


def _holder_after(s: str, end: int, title: bool) -> tuple[str, str] | None:
    """(person noun, name) holding an age whose compound ends at ``end``: ("man", "") in "an 18-year-old man was",
    ("", "Jo Reyes") in "18-year-old Jo Reyes", ("", "") when the phrase ends there ("the 18-year-old was"); None
    when the age is a thing's ("a 100-year-old bridge") or not told apart from one."""
    tokens: list[str] = []
    pos = end
    while len(tokens) < 4:  # noqa: PLR2004
        m = _TOKEN.match(s, pos)
        if not m:
            break
        word = m.group(1).rstrip(".")
        if word.lower() in _END_WORDS or (tokens and not word[0].isupper() and _is_verb(word)):
            break
        # a name or a nationality ends at a word in small letters ("the 25-year-old Spaniard won"); not at a person
        # noun, which holds the age, the capitals its place, club or employer: "a 52-year-old Leeds man", "the
        # 23-year-old Arsenal striker (Jake Moss)", never a man named "Leeds" (review17: two Leeds men of 52 and 54
        # were one named person, in conflict)
        if (
            tokens
            and tokens[-1][0].isupper()
            and word[0].islower()
            and word not in _NAME_PARTICLES
            and not _person(word)
        ):
            break
        tokens.append(word)
        pos = m.end()
        if (
            s[pos : pos + 1] in (",", ";", ":", ")", "(", "\u2014", "\u2013")
            or s[m.start(1) - 1 : m.start(1)] == "\u2014"
        ):
            break
    for i, word in enumerate(tokens):
        if word in _NAME_PARTICLES and i and tokens[i - 1][0].isupper():
            continue  # "Pieter van der Berg"
        if _person(word):
            names = [t for t in tokens[i + 1 :] if t[0].isupper() and t.lower() not in _NATIONS]
            return word.lower(), "" if title else " ".join(names)
        if word.islower() and noun_kind(word.lower()) not in (None, "person"):
            return None  # a thing or an animal: "a 100-year-old bridge", "a 10-year-old dog"
        if word.islower() and not _is_verb(word) and i == len(tokens) - 1:
            return None  # "the 30-year-old law": a word of no known kind, last before the phrase ends
    if not tokens or _is_verb(tokens[0]) and tokens[0].islower():
        return (
            "",
            "",
        )  # "the 18-year-old was arrested", "as a 17-year-old for his team", "The 63-year-old spoke"
    if title:
        return None  # a headline's capitals tell no name from a thing: "100-Year-Old Bridge Collapses"
    caps = [t for t in tokens if t[0].isupper()]
    if all(t[0].isupper() or _is_verb(t) or t in _NAME_PARTICLES for t in tokens):
        if all(t.lower() in _NATIONS or t in _COMPASS for t in caps) or (len(caps) == 1 and _DEMONYM.match(caps[0])):
            return "", ""  # "the 48-year-old Australian was": a nationality is a person, no name
        if _MODEL_NUMBER.match(s, pos) or any(_not_a_name(t) for t in caps):
            return None  # a thing's name: "the 40-year-old Boeing 747", "the 100-year-old Hotel Metropole" (review17)
        if caps[0] in _MAKES or is_body_name(" ".join(caps)):
            return None  # "the 25-year-old Toyota", "the 50-year-old Acme Corp": a make or a body (ages17)
        return "", " ".join(t for t in caps if t.lower() not in _NATIONS)
    return None


# A number after a name: a model or a make, not a person ("a 40-year-old Boeing 747", "the 30-year-old Mark 2").
_MODEL_NUMBER = re.compile(r"\s+\d")
# An indefinite article before an age and a name alone: a make or a breed, not a person ("a 35-year-old Honda
# Civic", "a 12-year-old Labrador"); a person is "27-year-old Dana Whitlock" or "the 27-year-old Whitlock".
_INDEFINITE = re.compile(r"(?:^|\b)an?\s+$", re.IGNORECASE)
# A count or a determiner before an age and a plural noun: persons ("two 15-year-old boys", "the 19-year-old
# victims"); without one, a class of people, everyone of that age ("many 16-year-old pupils", "lets 17-year-old
# drivers carry passengers", "thousands of 18-year-old students").
_PERSONS_BEFORE = re.compile(
    r"(?:^|\b)(?:the|these|those|his|her|their|its|our|my|your|both|several|\d{1,3}|"
    + "|".join(w for w in UNITS_WORDS if UNITS_WORDS[w] >= 2)  # noqa: PLR2004
    + r")\s+$",
    re.IGNORECASE,
)


# Makes of vehicles and aircraft, which news gives an age like a person's surname ("the 25-year-old Toyota", "the
# 40-year-old Cessna"); a make that is also a common surname (Ford, Dodge, Morris) is left out (ages17).
_MAKES = frozenset(
    ["Toyota", "Honda", "Nissan", "Mazda", "Subaru", "Mitsubishi", "Suzuki", "Yamaha", "Kawasaki", "Lexus", "Hyundai",
     "Kia", "Volkswagen", "Audi", "Porsche", "Mercedes", "Opel", "Vauxhall", "Peugeot", "Renault", "Citroen",
     "Citroën", "Fiat", "Ferrari", "Lamborghini", "Maserati", "Alfa", "Volvo", "Saab", "Skoda", "Škoda", "Seat",
     "Dacia", "Tesla", "Chevrolet", "Chevy", "Cadillac", "Buick", "Chrysler", "Jeep", "Pontiac", "Oldsmobile",
     "Lincoln", "Harley-Davidson", "Ducati", "Triumph", "Vespa", "Boeing", "Airbus", "Cessna", "Embraer",
     "Bombardier", "Learjet", "Piper", "Sikorsky", "Tupolev", "Antonov", "Ilyushin"]
)  # fmt: skip


def _not_a_name(word: str) -> bool:
    """A capitalised word that names no person: a noun of a thing ("Hotel", "Bridge": ``noun_kind``) or an acronym
    ("NHS", "NATO")."""
    return noun_kind(word.lower()) not in (None, "person") or (len(word) > 1 and word.isupper())


# "a man aged 18", "a man, aged 18,", "two boys aged 12 and 14", "teenagers aged 15 and 16", "a girl, age 9"
_AGED = re.compile(
    r"\b(?:(?P<det>(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten)|\d{1,2})\s+)?(?P<noun>[A-Za-z][a-z-]+)(?P<comma>,)?"
    r"\s+aged?\s+(?P<hedge>(?:about|around|approximately|roughly|some)\s+)?"
    r"(?P<ages>\d{1,3}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)\d{1,3})*)\b"
)
# a hedged age ("a man aged about 30", police's description of someone sought): 10% either side, as "about 30
# people" (numbers.ABOUT_FACTOR); never exact, so never a conflict (ages17)
_ABOUT = 0.10
# a class of people, not persons: "aged 26 or older", "aged 65 and over", "aged 5 to 11", "aged 18-24", "aged 40+"
_CLASS_AFTER = re.compile(
    r"\s*(?:or\s+(?:older|over|above|younger|under|more)|and\s+(?:over|above|older|under|younger|up)|to\s+\d|"
    r"[-\u2013]\s*\d|\+|plus\b|years?\s+and\s+(?:over|older))",
    re.IGNORECASE,
)
# "a boy of 12", "a girl of nine" (a closed list of nouns of age; "a man of 40 years' experience" has a noun after)
_OF_AGE = re.compile(
    rf"\b(?:an?)\s+(?P<noun>boy|girl|man|woman|child|lad|lass|teenager|youngster|toddler)\s+of\s+(?P<n>{_NUMBER})\b"
    r"(?=\s*(?:[,.;:)!?]|$|\s(?:who|was|is|and|from|with|in|at|on|had|has|were|died|said)\b))",
    re.IGNORECASE,
)
# "Reyes is 65 years old", "he was 17 years old", "the driver, who was 45 years old,"
_YEARS_OLD = re.compile(
    rf"(?P<subj>[A-Za-z][\w\u2019'-]*)\s+(?:is|was|were|are)\s+(?:now\s+|just\s+|only\s+)?"
    rf"(?P<n>{_NUMBER})\s+(?P<u>year|month|week|day)s?\s+old\b",
    re.IGNORECASE,
)
_COUNTED_AFTER = re.compile(r"\s+(?!(?:and|or|were|are|was|is|who|had|have|from|in|at|on|with)\b)[a-z]")
_PRONOUNS = frozenset(["he", "she"])
_NOT_SUBJECTS = frozenset(["it", "they", "this", "that", "which", "there", "the", "building", "who"])
_CUE = re.compile(r"[-\u2010\u2011 ]old\b|\bage[ds]?\s|\sof\s", re.IGNORECASE)


# The capitalised words of a name that ends at a subject ("Acme Corp", "Leeds United"), and a word before it.
_NAME_RUN = re.compile(r"(?:(?P<det>\b[Tt]he)\s+)?(?P<run>(?:[A-Z][\w\u2019'&.-]*\s+)*)$")
# What a sentence says only of a body, not a person: "its", its founding, its independence
_BODY_CUE = re.compile(r"\b(?:its|founded|established|incorporated|independence|independent)\b", re.IGNORECASE)


_CLUB_ENDS = frozenset(["United", "City", "Town", "Rovers", "Athletic", "Wanderers", "Albion", "Rangers", "County", "FC"])


def _a_body(s: str, start: int) -> bool:
    """Whether the capitalised subject starting at ``start`` of "... is 50 years old" is a body or a thing, not a
    person: a body's name ("Acme Corp": ``coref.is_body_name``), a word of a thing's in its name ("Leeds Town
    Hall"), a make ("Toyota"), "the" before it ("The Observer"; a person's name takes none), or a sentence that
    says "its" or a founding."""
    m = _NAME_RUN.search(s, 0, start)
    run = (m.group("run") if m else "").split() + [s[start:].split()[0]]
    if m and m.group("det") or _BODY_CUE.search(s) or is_body_name(" ".join(run)):
        return True
    if len(run) > 1 and run[-1] in _CLUB_ENDS:
        return True  # "Leeds United", "Bristol Rovers", "Lincoln City": a club or a place
    return any(w in _MAKES or _not_a_name(w) for w in run)


def _exact(
    start: int, end: int, value: float, unit: str, noun: str, name: str = ""
) -> tuple[int, int, Interval, str, str, str, str]:
    """An age found as said: its span, the exact figure, its unit, the holder noun and name."""
    return (start, end, Interval.exact(value), "exact", unit, noun, name)


def find_ages(s: str) -> list[tuple[int, int, Interval, str, str, str, str]]:
    """(start, end, value, qualifier, unit, holder noun, name) of each age of a person in sentence ``s``."""
    if not _CUE.search(s):
        return []
    out: list[tuple[int, int, Interval, str, str, str, str]] = []
    title = is_title_case(s)
    for m in _YEAR_OLD.finditer(s):
        value = _value(m.group("n"))
        if value is None or value > 120:  # noqa: PLR2004
            continue
        end = m.end()  # (a noun glued by a hyphen, "a 43-year-old-man", is read as the next word)
        before = s[max(0, m.start() - 30) : m.start()]
        held = _holder_after(s, end, title)
        if held is None:
            continue
        noun, name = held
        if not noun and not name and not _DETERMINER.search(before):
            continue  # "18-year-old, ..." with no article: not told what it is
        if not noun and name and _INDEFINITE.search(before):
            continue  # "a 12-year-old Labrador", "a 35-year-old Honda Civic": a breed or a make (review17)
        if noun and _singular(noun) != noun.lower() and not _PERSONS_BEFORE.search(before):
            continue  # "many 16-year-old pupils": a class of people, no person's age (review17)
        if (hedge := _NEARLY.search(before)) is not None:
            out.append((hedge.start() + (m.start() - len(before)), m.end(), Interval(value * 0.92, value, True, False), "nearly",
                        _UNIT_OF[m.group("u").lower()], noun, name))  # fmt: skip
        else:
            out.append(_exact(m.start(), m.end(), value, _UNIT_OF[m.group("u").lower()], noun, name))
    if "age" in s:
        for m in _AGED.finditer(s):
            noun = _singular(m.group("noun"))
            if not _person(noun) or _CLASS_AFTER.match(s, m.end()):
                continue
            base = m.start("ages")
            ages = [(a.start(), a.end()) for a in re.finditer(r"\d{1,3}", m.group("ages"))]
            # a figure of the list with its own noun after it counts that noun: "Residents aged 80 and 30 volunteers"
            ages = ages[:1] + [(a, b) for a, b in ages[1:] if not _COUNTED_AFTER.match(s, base + b)]
            det = m.group("det")
            if det is None and len(ages) < 2:  # noqa: PLR2004
                continue  # "men aged 40" is a class; "teenagers aged 15 and 16" two persons
            if det is not None and det.lower() in ("a", "an") and len(ages) > 1:
                continue
            if m.group("hedge"):
                if m.group("ages").isdigit() and (v := float(m.group("ages"))) <= 120:  # noqa: PLR2004
                    low, high = round(v * (1 - _ABOUT), 6), round(v * (1 + _ABOUT), 6)
                    out.append((m.start("hedge"), base + ages[0][1], Interval(low, high), "about", "age", noun.lower(), ""))
                continue
            for a, b in ages:
                v = float(m.group("ages")[a:b])
                if v <= 120:  # noqa: PLR2004
                    out.append(_exact(base + a, base + b, v, "age", noun.lower()))
    if " of " in s:
        for m in _OF_AGE.finditer(s):
            value = _value(m.group("n"))
            if value is not None:
                out.append(_exact(m.start("n"), m.end("n"), value, "age", m.group("noun").lower()))
    if " old" in s or " OLD" in s or " Old" in s:
        for m in _YEARS_OLD.finditer(s):
            subj = m.group("subj")
            value = _value(m.group("n"))
            if value is None or value > 120 or subj.lower() in _NOT_SUBJECTS:  # noqa: PLR2004
                continue
            if subj.lower() in _PRONOUNS:
                noun, name = "", ""
            elif _person(subj):
                noun, name = subj.lower(), ""
            elif subj[0].isupper() and not _not_a_name(subj) and subj.lower() not in _NATIONS:
                if _a_body(s, m.start("subj")):
                    continue  # "Acme Corp is 50 years old", "The Observer is 95 years old": a body's age (ages17)
                noun, name = "", subj  # "Reyes is 65 years old"
            else:
                continue
            out.append(_exact(m.start("n"), m.end(), value, _UNIT_OF[m.group("u").lower()], noun, name))
    out.sort()
    kept: list[tuple[int, int, Interval, str, str, str, str]] = []
    for x in out:
        if not any(k[0] < x[1] and x[0] < k[1] for k in kept):
            kept.append(x)
    return kept

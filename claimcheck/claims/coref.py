"""Speakers by reference: a quote credited to a definite role ("the minister", "the coach", "the company", "the
45-year-old") or to a role of a pronoun's ("his spokeswoman") is credited to whom the article named with that role.

A role resolves only to a name the article introduced with the same role before the quote ("Health Minister Jo
Lamb", "Lamb, the health minister,", "Acme Corp" for "the company", "Jo Lamb, 45," for "the 45-year-old") and after
the last heading or related-links block; the credit's own describing words must be among the introduction's
("the prime minister" is no "Health Minister"). Two different names that fit leave the speaker as written.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from claimcheck.claims.lexicon import CAPITAL

# People's roles that news introduces a name with (lower case; a credit's head noun is one of them).
_PERSON_ROLES = frozenset(
    [
        "minister",
        "president",
        "chancellor",
        "premier",
        "secretary",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "coach",
        "manager",
        "director",
        "chief",
        "executive",
        "ceo",
        "chairman",
        "chairwoman",
        "chair",
        "mayor",
        "governor",
        "senator",
        "congressman",
        "congresswoman",
        "lawmaker",
        "judge",
        "prosecutor",
        "lawyer",
        "attorney",
        "ambassador",
        "commissioner",
        "leader",
        "founder",
        "captain",
        "pilot",
        "sheriff",
        "inspector",
        "superintendent",
        "professor",
        "doctor",
        "actor",
        "actress",
        "singer",
        "comedian",
        "comedienne",
        "rapper",
        "musician",
        "star",
        "player",
        "striker",
        "quarterback",
        "pitcher",
        "goalkeeper",
        "astronaut",
        "artist",
        "author",
        "writer",
        "designer",
        "producer",
        "analyst",
        "economist",
        "scientist",
        "researcher",
        "owner",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "general",
        "admiral",
        "officer",
        "detective",
        "brother",
        "sister",
        "father",
        "mother",
        "son",
        "daughter",
        "husband",
        "wife",
        "friend",
        "cousin",
        "uncle",
        "aunt",
        "neighbour",
        "neighbor",
        "chef",
        "driver",
        # occupations of ordinary news (round speakers23: "Emma Clarke, a nurse at the hospital, ..." then "the nurse
        # said")
        "nurse",
        "midwife",
        "surgeon",
        "paramedic",
        "pharmacist",
        "teacher",
        "headteacher",
        "engineer",
        "architect",
        "farmer",
        "firefighter",
        "vicar",
        "priest",
        "pastor",
        "rabbi",
        "imam",
        "referee",
        "umpire",
        "midfielder",
        "defender",
        "winger",
        "batsman",
        "bowler",
        "jockey",
        "trainer",
        "skipper",
        "forecaster",
        "meteorologist",
        "historian",
        "curator",
        "journalist",
        "photographer",
    ]
)
# Bodies a credit names by their kind ("the company said"); the words a body's own name ends with that say
# the same kind ("Acme Corp", "the Food Standards Agency").
_COMPANY_ENDS = frozenset(
    ["company", "corp", "corporation", "inc", "ltd", "plc", "llc", "co", "group", "holdings"]
)
_BODY_KINDS: dict[str, frozenset[str]] = {
    "company": _COMPANY_ENDS,
    "firm": _COMPANY_ENDS,
    "agency": frozenset(["agency"]),
    "ministry": frozenset(["ministry"]),
    "department": frozenset(["department"]),
    "council": frozenset(["council"]),
    "commission": frozenset(["commission"]),
    "committee": frozenset(["committee"]),
    "authority": frozenset(["authority"]),
    "club": frozenset(["club", "fc"]),
    "university": frozenset(["university"]),
    "airline": frozenset(["airlines", "airways", "air"]),
    "bank": frozenset(["bank"]),
    "union": frozenset(["union"]),
    "party": frozenset(["party"]),
    "court": frozenset(["court"]),
    "foundation": frozenset(["foundation"]),
    "charity": frozenset(["charity", "trust", "foundation"]),
    "institute": frozenset(["institute"]),
    "league": frozenset(["league"]),
    "service": frozenset(["service"]),
    "board": frozenset(["board"]),
}
BODY_KINDS_RE = "|".join(sorted(_BODY_KINDS, key=len, reverse=True))
# The last words of a body's own name, whatever its kind ("Creative Artists Agency", "Acme Corp"); not "Court"
# ("Margaret Court"), "Air" or "Co", which also end a person's name or a phrase.
_BODY_ENDS = frozenset().union(*_BODY_KINDS.values()) | frozenset(
    ["institute", "association", "federation", "organisation", "organization", "studios", "police", "office",
     "administration", "service", "bureau"]
) - {"air", "co", "court"}  # fmt: skip


def is_body_name(name: str) -> bool:
    """``name`` ends as a body's does ("Creative Artists Agency", "Acme Corp", "the Tourism Authority"): no "he" or
    "she" stands for it."""
    words = name.split()
    return len(words) > 1 and words[-1].lower().strip(".,") in _BODY_ENDS


_FEMALE = frozenset(["spokeswoman", "chairwoman", "actress", "queen", "princess", "congresswoman", "comedienne",
                     "sister", "mother", "daughter", "wife", "aunt"])  # fmt: skip
_MALE = frozenset(["spokesman", "chairman", "king", "prince", "congressman", "brother", "father", "son",
                   "husband", "uncle"])  # fmt: skip
# One role under several names: "the spokeswoman" is a spokesperson introduced as such.
_SAME_ROLE = {
    "spokeswoman": "spokesperson", "spokesman": "spokesperson", "spokesperson": "spokesperson",
    "chairwoman": "chair", "chairman": "chair", "chair": "chair", "ceo": "chief executive",
    "comedienne": "comedian", "neighbor": "neighbour",
}  # fmt: skip

# A name's lower-case particles before its next word ("Erik ten Hag", "Ursula von der Leyen", "Luis de la Fuente").
_PARTICLES = r"(?:de|van|von|bin|ibn|al|el|la|le|da|di|del|der|den|du|dos|ten|ter)"
_NAME = (  # never over a line break
    rf"[{CAPITAL}][\w’'-]+(?:[ \u00a0]+(?:{_PARTICLES}[ \u00a0]+){{0,2}}(?:[{CAPITAL}]\.[ \u00a0]+)?[{CAPITAL}][\w’'-]+){{0,2}}"
)
_ROLE_ALT = "|".join(sorted(_PERSON_ROLES | set(_BODY_KINDS) | {"chief executive"}, key=len, reverse=True))
# "Health Minister Jo Lamb", "coach Mark Ellis", "Comedian Tess Harlow": up to three describing words, the
# role (any case), then the name.
_ROLE_THEN_NAME = re.compile(
    rf"(?P<mods>(?:(?<![\w’'-])[\w’'-]+\s+){{0,3}}?)(?<![\w’'-])(?P<role>(?i:{_ROLE_ALT}))\s+(?P<name>{_NAME})(?![\w’'-])"
)
# The words a role's noun phrase goes on with after its head ("minister of health", "coach at the club"): a role
# followed by another noun is a describing word of that noun ("Ed Davey, the party leader," is no party).
_POSTMODIFIER = "of|for|at|in|to|on|with|from|who|whose|since|until|under|over|between|during"
# "Jo Lamb, the health minister," / "Lamb, minister of health," / "Mei Lan, a foreign ministry spokeswoman,".
_NAME_THEN_ROLE = re.compile(
    rf"(?<![\w’'-])(?P<name>{_NAME}),\s+(?:(?:the|a|an|his|her|its|their)\s+)?"
    rf"(?P<mods>(?:[\w’'-]+\s+){{0,4}}?)(?P<role>{_ROLE_ALT})"
    rf"(?=\s*[,.;]|\s+(?:{_POSTMODIFIER})\b[^,.;:“”\"]{{0,60}}[,.;])"
)
# "his brother, Eric Lund," / "the spokeswoman, Mei Lan.": the name set off right after the role.
_ROLE_COMMA_NAME = re.compile(
    rf"(?<![\w’'-])(?:(?i:the|a|an|his|her|its|their|another)\s+)(?P<mods>(?:[\w’'-]+\s+){{0,3}}?)"
    rf"(?P<role>{_ROLE_ALT}),\s+(?P<name>{_NAME})(?=\s*[,.;])"
)
_AGE_AFTER = re.compile(rf"(?<![\w’'-])(?P<name>{_NAME}),\s+(?P<age>\d{{1,3}}),")
_AGE_BEFORE = re.compile(rf"\b(?P<age>\d{{1,3}})-year-old\s+(?:[a-z][\w-]*\s+){{0,3}}?(?P<name>{_NAME})")
_BODY_NAME = re.compile(
    rf"(?<![\w’'&.-])(?P<name>(?:[{CAPITAL}][\w’'&.-]*[ \u00a0]+){{0,4}}(?P<last>[{CAPITAL}][\w’'&.-]*))"
)
# The credit as written, nearest the quote: a determiner or a possessive pronoun, describing words, the head.
_DETERMINER = re.compile(r"(?i:\b(?P<det>the|his|her|its|their)\s+)(?P<mods>(?:[\w’'-]+\s+){0,3}?)$")
_AGE_CREDIT = re.compile(r"^(?:the\s+)?(?P<age>\d{1,3})-year-old$", re.IGNORECASE)
_NOT_NAME_WORDS = frozenset(
    ["The", "A", "An", "He", "She", "They", "It", "His", "Her", "Its", "Their", "In", "On", "At", "But", "And",
     "Mr", "Mrs", "Ms", "Dr", "Former", "Acting", "Interim",
     # a day after the role is when, not who ("The company Monday announced", "the president Friday signed")
     "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Today", "Tonight",
     "Yesterday", "Earlier", "Later", "Last", "This", "Meanwhile", "However"]
)  # fmt: skip
NOT_NAME_WORDS = _NOT_NAME_WORDS  # capitalised words that start no name (``numbers._death_name``)

# A heading (a short line with no closing punctuation) or a related-links line ends what a reference may point
# back into: what comes before it is another part of the page.
_RELATED = re.compile(
    r"^\s*(?:read\s+more|related|see\s+also|more\s+on\s+this|also\s+read|recommended|you\s+may\s+also|more\s+from|"
    r"most\s+read|watch|listen|more:|trending|latest\s+news|further\s+reading)\b",
    re.IGNORECASE,
)
# Page furniture between paragraphs is no break in the text: "Advertisement Continue reading the main story", a
# photo's or video's caption line.
_FURNITURE = re.compile(
    r"^(?:advertisement|continue\s+reading|story\s+continues|photo|image|video|caption|credit|getty|hide\s+caption)\b",
    re.IGNORECASE,
)
_CLOSES = tuple(".!?:;\"”’')]…")


@lru_cache(maxsize=8)
def _barriers(text: str) -> list[int]:
    """Offsets just after each heading or related-links line of ``text`` (sorted)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        s = line.strip()
        if s and not _FURNITURE.match(s) and (_RELATED.match(s) or _heading(s)):
            out.append(end)
        pos = end + 1
    return out


def _heading(line: str) -> bool:
    """A subheading: three to twelve words, no closing punctuation, no quotation (two or fewer words are mostly a
    photo's credit or a label: "Ola Brandt", "Video")."""
    n = len(line.split())
    return 3 <= n <= 12 and not line.endswith(_CLOSES) and not any(ch in line for ch in '“”"')


def section_start(text: str, pos: int) -> int:
    """Where the part of the page holding ``pos`` begins: after the last heading or related-links line."""
    bars = _barriers(text)
    i = bisect_right(bars, pos) - 1  # the last barrier at or before pos
    return bars[i] + 1 if i >= 0 else 0


def _role_key(word: str) -> str:
    w = word.lower()
    return _SAME_ROLE.get(w, w)


def _mods(words: str) -> list[str]:
    return [w for w in words.split() if w.lower() not in {"the", "a", "an", "his", "her", "its", "their"}]


# Describing words that make a title another office, or someone who no longer holds it: an introduction with one
# of them fits only a credit that says it too ("the deputy prime minister", "the former coach", "the chief
# operating officer").
_OTHER_OFFICE = frozenset(
    ["vice", "deputy", "assistant", "associate", "former", "late", "ex", "shadow", "junior", "co", "prime",
     # a company's officers ("chief executive officer Jane Doe" is no "the officer" of the police)
     "executive", "financial", "operating", "technology", "information", "marketing", "commercial"]
)  # fmt: skip


def _fits(credit_mods: list[str], intro_mods: list[str]) -> bool:
    """The credit's describing words are the introduction's: each lower-case one among them; a capitalised one
    ("the US president", "the Delta spokesman") conflicts only with another capitalised one."""
    have = {w.lower() for w in intro_mods}
    caps = {w.lower() for w in intro_mods if w[:1].isupper()}
    if (have & _OTHER_OFFICE) - {w.lower() for w in credit_mods}:
        return False  # "Vice President Ana Reyes", "former president Paul Brandt" are no "the president"
    for w in credit_mods:
        lw = w.lower()
        if lw in have:
            continue
        if w[:1].isupper() and not caps:
            continue
        return False
    return True


def _clean(name: str) -> str | None:
    words = name.split()
    while words and words[0].rstrip(".") in _NOT_NAME_WORDS:
        words = words[1:]
    return " ".join(words) or None


def _distinct(names: list[str]) -> list[str]:
    """Names of different people: "Jo Lamb" and "Lamb" are one (the fuller one kept)."""
    out: list[str] = []
    for n in names:
        words = set(n.split())
        same = [o for o in out if words <= set(o.split()) or set(o.split()) <= words]
        if same:
            if len(n) > len(same[0]):
                out[out.index(same[0])] = n
            continue
        out.append(n)
    return out


# Words after which a role's word is a verb ("will judge Biden", "to pilot Artemis II", "would coach Tom"): its object
# is no one introduced with the role.
_VERB_BEFORE = frozenset(
    ["will", "would", "to", "can", "could", "shall", "should", "may", "might", "must", "did", "does", "do", "not",
     "never", "’ll", "'ll", "won’t", "won't", "cannot"]
)  # fmt: skip


@lru_cache(maxsize=8)
def _intros(text: str) -> list[tuple[int, int, bool, str, str, str]]:
    """Every introduction of a name with a role in ``text``, found once per text: (start, end, whether the role
    comes first without a comma, role, describing words, name)."""
    out = []
    for rx in (_ROLE_THEN_NAME, _NAME_THEN_ROLE, _ROLE_COMMA_NAME):
        pos = 0
        while (m := rx.search(text, pos)) is not None:
            role = m.group("role")
            if (
                role[:1].isupper()
                and role.lower() not in _TITLES
                and not _at_sentence_start(text, m.start("role"))
            ):
                # a capitalised role mid-sentence is part of a name ("Star Trek"), unless an office's title; what
                # follows it may still be one ("European Commission President Ursula von der Leyen")
                pos = m.end("role")
                continue
            before = m.group("mods").split()
            if rx is _ROLE_THEN_NAME and before and before[-1].lower() in _VERB_BEFORE:
                # "Voters will judge Biden", "set to chair Acme Corp": the role's word is a verb
                pos = m.end("role")
                continue
            out.append((m.start(), m.end(), rx is _ROLE_THEN_NAME, role, m.group("mods"), m.group("name")))
            pos = max(m.end(), pos + 1)
    return sorted(out)


@lru_cache(maxsize=8)
def _intro_starts(text: str) -> list[int]:
    return [i[0] for i in _intros(text)]


def _introduced(text: str, lo: int, hi: int, head: str, credit_mods: list[str]) -> list[str]:
    """Names introduced between ``lo`` and ``hi`` with the role ``head`` and describing words that fit the
    credit's."""
    key = _role_key(head)
    found: list[str] = []
    intros = _intros(text)
    for k in range(bisect_left(_intro_starts(text), lo), len(intros)):
        start, end, role_first, role, mods, name = intros[k]
        if start >= hi:
            break
        if end > hi or _role_key(role) != key:
            continue
        if (head.lower() in _FEMALE and role.lower() in _MALE) or (
            head.lower() in _MALE and role.lower() in _FEMALE
        ):
            continue
        if not role_first and any(w.lower() in _CLAUSE_WORDS for w in mods.split()):
            continue  # "Southern California, where his brother ...": a clause, no apposition
        if not _fits(credit_mods, _mods(mods)):
            continue
        if (cleaned := _clean(name)) and cleaned.lower() not in _PERSON_ROLES:
            found.append(cleaned)
    return _distinct(found)


_CLAUSE_WORDS = frozenset(
    ["another", "other", "where", "when", "who", "whom", "whose", "which", "that", "and", "or", "but", "as", "while", "after", "before",
     "said", "says", "told", "is", "was", "were", "are", "has", "had", "have", "with", "to", "in", "on", "at", "by",
     "for", "from", "his", "her", "their", "its", "our", "my", "your", "he", "she", "they", "it", "we", "i"]
)  # fmt: skip


# Offices written as a title before a name ("Health Minister Jo Lamb", "Coach Mark Ellis").
_TITLES = frozenset(
    [
        "minister",
        "president",
        "chancellor",
        "premier",
        "secretary",
        "governor",
        "senator",
        "mayor",
        "judge",
        "coach",
        "ambassador",
        "commissioner",
        "general",
        "admiral",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "captain",
        "sheriff",
        "inspector",
        "superintendent",
        "professor",
        "doctor",
        "director",
        "chief",
        "chairman",
        "chairwoman",
        "detective",
        "officer",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "prosecutor",
    ]
)


def _at_sentence_start(text: str, i: int) -> bool:
    """Whether position ``i`` (a role word) is the first word of its sentence or line, where a role is capitalised
    only because it opens the sentence ("Coach Mark Ellis said ..."), not because it is part of a name."""
    before = text[max(0, i - 20) : i]
    if "\n" in before.strip(" \t") or before.endswith("\n"):
        before = before.rsplit("\n", 1)[-1]
        if not before.strip():
            return True
    before = before.rstrip()
    return (not before and i <= 20) or (bool(before) and before[-1] in '.!?:”"')


@lru_cache(maxsize=8)
def _body_names(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, name, its last word in lower case) of each run of capitalised words in ``text``."""
    out = []
    for m in _BODY_NAME.finditer(text):
        # "Monday. The European Union": the name after the stop
        name = _SENTENCE_END.split(m.group("name"))[-1]
        out.append((m.end() - len(name), m.end(), name, m.group("last").lower().rstrip(".")))
    return out


# A word's full stop before the next capitalised word ends a sentence ("on Monday. The European Union"), where
# an initial's or a short abbreviation's does not ("U.S. Steel", "Co. Ltd").
_SENTENCE_END = re.compile(r"(?<=[a-z]{2})[.!?][ \u00a0]+")


def _bodies(text: str, lo: int, hi: int, head: str) -> list[str]:
    ends = _BODY_KINDS.get(head.lower())
    if ends is None:
        return []
    names = _body_names(text)
    first = bisect_left(names, (lo, 0, "", ""))
    found = [name for start, end, name, last in names[first:] if start < hi and end <= hi and last in ends]
    found = [n for n in (_clean(n) for n in found) if n and " " in n or n and n.isupper()]
    return list(dict.fromkeys(found))


def _in_name(words: list[str], name: str) -> bool:
    have = {w.lower() for w in name.split()}
    return all(w.lower() in have for w in words)


def _aged(text: str, lo: int, hi: int, age: str) -> list[str]:
    found = [
        m.group("name")
        for rx in (_AGE_AFTER, _AGE_BEFORE)
        for m in rx.finditer(text, lo, hi)
        if m.group("age") == age
    ]
    return _distinct([n for n in (_clean(n) for n in found) if n])


def credit_phrase(
    text: str, lo: int, hi: int, head: str, last: bool = False
) -> tuple[str, list[str], int] | None:
    """The credit ``head`` as written between ``lo`` and ``hi`` (the quote's attribution): its determiner
    ("the", "his", ...), its describing words, and its offset; the first occurrence (``last``: the last one, for
    a credit before the quote) wins. None when it has no determiner or possessive ("a spokesman", "one minister")."""
    found = list(re.finditer(rf"\b{re.escape(head)}\b", text[lo:hi]))
    for m in reversed(found) if last else found:
        before = text[max(lo, lo + m.start() - 60) : lo + m.start()]
        d = _DETERMINER.search(before)
        if d is None:
            continue
        mods = _mods(d.group("mods"))
        if any(w.lower() in {"a", "an", "one", "another", "some"} for w in mods):
            continue
        return d.group("det").lower(), mods, lo + m.start()
    return None


def is_role(head: str) -> bool:
    """Whether ``head`` names a person's role or a body's kind that a credit may point back with."""
    return head.lower() in _PERSON_ROLES or head.lower() in _BODY_KINDS


# How far back a role may point (characters): a few paragraphs, which also bounds the work on a hostile page.
_REACH = 4000


def resolve_role(text: str, credit: str, at: int, phrase: tuple[str, list[str], int] | None) -> str | None:
    """The name a definite role credit (``credit``: "minister", "the 45-year-old", "company") written at ``at``
    points back to, or None when the article introduced no one, or more than one, with that role."""
    lo = max(section_start(text, at), at - _REACH)
    age = _AGE_CREDIT.match(credit.strip())
    if age:
        names = _aged(text, lo, at, age.group("age"))
        return names[0] if len(names) == 1 else None
    if phrase is None or phrase[0] != "the":
        return None
    head = credit.split()[-1]
    if (
        head.lower() in _BODY_KINDS
    ):  # "Brightline Corp"; "the payments firm Brightline", "Brightline, the firm,"
        # a credit's describing words ("the ruling party", "the American company") must be in the body's name: a
        # name says its kind, not which of its kind it is
        named = [n for n in _bodies(text, lo, at, head) if _in_name(phrase[1], n)]
        names = _distinct(named + _introduced(text, lo, at, head, phrase[1]))
    elif head.lower() in _PERSON_ROLES or head.lower() == "executive":
        names = _introduced(text, lo, at, head, phrase[1])
    else:
        return None
    return names[0] if len(names) == 1 else None

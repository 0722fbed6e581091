"""When two figures of one fact may be shown as a conflict (or as one figure updated): only when sure.

A conflict the table makes up costs the reader's trust in every other row, so it is said only when two
reports plainly state the same figure differently, from general knowledge of news English:

- both are exact figures as written: no bound or approximation ("about", "more than", "up to", "nearly",
  "an estimated", "or so") and no vague figure; a hedged figure never conflicts with one it could cover;
- the same counted thing (``thing_key``) in the same role (``role_family``: the dead, the injured, the
  arrested...), neither a part of a count ("seven of them", "among the dead", "including three");
- the same scope: the words of place ("nationwide", "in the city", "across the state") and of span ("so far
  this year", "in total", "each year", "a day") the two sentences use are the same, and so is their time
  qualifier;
- the same holder when both name one ("Jones scored 22" / "Brown scored 25": two players);
- reports published within ``CONFLICT_WINDOW`` of each other (both dated): two reports a week apart tell two
  moments, at most a figure that was updated;
- values within ``number_tolerance`` of each other (small counts: two apart), not one the other rounded.

When unsure the two figures are two rows, never a conflict (``blocking.number_graph`` keeps no link between
them, ``facts`` lists no conflict). An update (``Fact.evolving``) asks the same of scope, role and parts.

Also here: a figure told as what may happen ("faces up to 10 years", "could cut as many as 500 jobs", "a maximum
of 20 years") is another fact than one told as what happened ("was sentenced to 8 years", "cut 450 jobs").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from claimcheck.claims.ages import is_age_unit
from claimcheck.claims.lexicon import CAPITAL, MONTHS, WEEKDAYS
from claimcheck.match.normalize import when_words
from claimcheck.match.shares import told_as_share
from claimcheck.match.things import is_part, is_wide, role_family, same_aged_person, thing_key
from claimcheck.models import Claim, Interval
from claimcheck.text import match_stem

__all__ = [
    "CONFLICT_WINDOW", "exact_figure", "one_count", "planned", "potential", "same_scope", "scope_words", "sure_conflict",
]  # fmt: skip

# two reports further apart than this tell two moments of a story: never one figure in conflict
CONFLICT_WINDOW = 36 * 3600.0

# A hedge just before a figure (or in its text): the figure is an approximation or a bound as written.
_HEDGE = re.compile(
    r"\b(?:about|around|roughly|approximately|approx|nearly|almost|some|over|under|more\s+than|less\s+than"
    r"|fewer\s+than|at\s+least|at\s+most|up\s+to|as\s+(?:many|much|few|little)\s+as|in\s+excess\s+of|upwards\s+of"
    r"|close\s+to|estimated|an\s+estimated|reportedly|possibly|perhaps|maybe|below|above|just\s+over|just\s+under"
    r"|north\s+of|south\s+of|plus|circa|nigh|almost)\W*$",
    re.I,
)
_HEDGE_AFTER = re.compile(r"^\W*(?:or\s+so|or\s+more|or\s+fewer|or\s+less|and\s+counting|odd\b|\+|plus\b)", re.I)
_HEDGE_IN = re.compile(
    r"\b(?:about|around|roughly|approximately|nearly|almost|some|over|under|more|less|fewer|least|most|up\s+to"
    r"|estimated|odd)\b|[~+≈]",
    re.I,
)

# Words of scope: where a count was made and over what span. Two sentences that use different ones count
# different wholes ("12 deaths in the city" / "15 deaths nationwide"; "40 so far this year" / "38 in the
# attack"), whatever the figures.
_SCOPE_PHRASES = (
    (r"nation\s*wide|across\s+the\s+(?:nation|country)|country\s*wide|(?:in|of)\s+the\s+(?:nation|country)"
     r"|national(?:ly)?", "nation"),
    (r"state\s*wide|across\s+the\s+state|(?:in|of)\s+the\s+state\b", "state"),
    (r"city\s*wide|across\s+the\s+city|(?:in|of)\s+the\s+city\b|citywide", "city"),
    (r"world\s*wide|global(?:ly)?|around\s+the\s+world|across\s+the\s+world|international(?:ly)?", "world"),
    (r"(?:in|of|across)\s+the\s+(?:region|province|county|district|area|capital|town|village|municipality)"
     r"|regional(?:ly)?|provincial", "region"),
    (r"domestic(?:ally)?|at\s+home|abroad|overseas|foreign", "home/abroad"),
    (r"so\s+far(?:\s+this\s+(?:year|month|week|season))?|to\s+date|year\s+to\s+date|this\s+year|this\s+month"
     r"|this\s+season|since\s+\w+", "so far"),
    (r"last\s+year|a\s+year\s+(?:ago|earlier)|previous\s+year|prior\s+year|last\s+season|last\s+month", "before"),
    # ("a total of 48 people died" states the count, as "48 people died" does: no scope of its own)
    (r"in\s+total|in\s+all|overall|altogether|combined|cumulative(?:ly)?|all\s+told|(?<!\ba\s)total(?!\s+of\b)", "total"),
    (r"each|every|per(?!\s+cent)|a\s+(?:year|day|week|month)|annual(?:ly)?|daily|weekly|monthly|yearly", "rate"),
    (r"alone", "alone"),
)  # fmt: skip
_SCOPE = [(re.compile(rf"\b(?:{p})\b", re.I), name) for p, name in _SCOPE_PHRASES]

# A figure told as what may happen, not what did (or what one side asks for: "prosecutors sought 14 years" / "was
# sentenced to 12 years", "demanded a 9 percent raise" / "agreed a 7 percent raise"): the ceiling of a penalty
# ("faces up to 10 years", "a maximum
# sentence of 14 years", "a maximum of 20 years", "punishable by up to five years", "could be jailed for up to",
# "a possible ban of"), a possible loss or cost ("could lose as much as $600 million", "may cost up to"). Not a
# modal that hedges a figure ("could be 10 times larger", "seven potentially habitable planets": the same fact), a
# machine's "max thrust", what one faces ("faces 269 counts of fraud": the charges are laid), nor a plan ("plans
# to cut 500 jobs", "will cut"): news tells a plan as the thing done.
_PENALTY = r"(?:sentence|penalty|fine|term|punishment|ban|suspension|jail\s+term|prison\s+term)s?"
_POTENTIAL = re.compile(
    r"\b(?:fac(?:e|es|ed|ing)\s+(?:up\s+to|as\s+(?:much|many|long)\s+as|at\s+most|a\s+(?:maximum|possible|potential))"
    rf"|max(?:imum)?\s+(?:possible\s+|prison\s+|jail\s+)?(?:{_PENALTY}|of)|(?:possible|potential)\s+{_PENALTY}"
    r"|punishable|carr(?:y|ies|ied|ying)\s+(?:a\s+)?(?:maximum\s+)?(?:term|sentence|penalty|fine)s?\s+of"
    r"|(?:could|might|(?-i:may))\s+(?:also\s+)?(?:lose|cost|face|get|receive|be\s+(?:jailed|imprisoned|sentenced|fined"
    r"|banned|suspended|ordered\s+to\s+pay))"
    # what one side asks for: "prosecutors sought 14 years", "the union demanded a 9 percent raise", "asked for $2m"
    r"|(?:s(?:ought|eek|eeks|eeking)|ask(?:ed|s|ing)?\s+for|request(?:ed|s|ing)|demand(?:ed|s|ing)))\b",
    re.I,
)
POTENTIAL_WORDS = 6  # ... at most this many words before the figure, in its clause

# A figure told as an aim, a plan or an expectation ("aims to plant 12,000 trees", "plans to cut 500 jobs",
# "expects to sell 40,000 tickets", "a target of 2,500 nurses", "is forecast to reach"): for joining, news tells a
# plan as the thing done (``potential`` leaves plans out), but an aim and what came of it ("planted 10,000") are
# two facts told at two moments, never one figure told wrong: no conflict between a plan and what is not one.
_PLANNED = re.compile(
    r"\b(?:aim(?:s|ed|ing)?|plan(?:s|ned|ning)?|hop(?:e|es|ed|ing)|expect(?:s|ed|ing)?|intend(?:s|ed|ing)?"
    r"|pledg(?:e|es|ed|ing)|promis(?:e|es|ed|ing)|vow(?:s|ed|ing)?|want(?:s|ed|ing)?|seek(?:s|ing)?|set"
    r"|forecast|projected|predicted|scheduled|on\s+track)\s+to\b"
    r"|\b(?:target|goal|aim|ambition|pledge|promise|forecast|projection)s?\s+(?:of|to)\b"
    r"|\b(?:targets|targeted|targeting|forecasts?|predicts?|budgeted|budgets?)\b",
    re.I,
)

_CLAUSE_BREAK = re.compile(r"[;:.!?“”\"]|,\s+(?:and|but|while|whereas|after|before|when)\b|\b(?:but|while|whereas)\b")


@functools.lru_cache(maxsize=65536)
def _before(sentence: str, text: str, reach: int) -> str:
    """The words of ``sentence`` before the claim's ``text`` inside its clause (at most ``reach`` characters)."""
    at = sentence.find(text)
    if at <= 0:
        return ""
    head = sentence[max(0, at - reach) : at]
    breaks = list(_CLAUSE_BREAK.finditer(head))
    return head[breaks[-1].end() :] if breaks else head


def _tail(sentence: str, text: str, reach: int) -> str:
    """The ``reach`` characters of ``sentence`` after the claim's ``text`` ("" when it is not there)."""
    at = sentence.find(text)
    return "" if at < 0 else sentence[at + len(text) : at + len(text) + reach]


def _after(claim: Claim, reach: int = 30) -> str:
    return _tail(claim.sentence, claim.text, reach)


def _lead(claim: Claim) -> str:
    """The last ``POTENTIAL_WORDS`` words before a figure, in its own clause."""
    return " ".join(_before(claim.sentence, claim.text, 80).split()[-POTENTIAL_WORDS:])


def exact_figure(claim: Claim) -> bool:
    """Whether a number is written as an exact figure: a point value, no hedge in or just around it, not vague, not
    a share told as a rate or fraction ("one in four" is about 25%: match/shares.py)."""
    v = claim.value
    if v is None or v.low is None or v.low != v.high or is_wide(v):
        return False
    if claim.extra.get("vague") or told_as_share(claim) or _HEDGE_IN.search(claim.text):
        return False
    return not _HEDGE.search(_before(claim.sentence, claim.text, 40)) and not _HEDGE_AFTER.match(_after(claim))


def potential(claim: Claim) -> bool:
    """Whether a figure is told as what may happen ("faces up to 10 years", "could cut as many as 500 jobs",
    "a maximum sentence of 20 years", "plans to hire 300"), in its own clause before it."""
    return _POTENTIAL.search(f"{_lead(claim)} {claim.text}") is not None


def planned(claim: Claim) -> bool:
    """Whether a figure is told as an aim, a plan or an expectation, in its own clause before it."""
    return _PLANNED.search(_lead(claim)) is not None


@functools.lru_cache(maxsize=65536)
def _scope_of(sentence: str) -> frozenset[str]:
    return frozenset(
        name
        for rx, name in _SCOPE
        if any(not _in_name(sentence, m) and not _of_a_body(sentence, m) for m in rx.finditer(sentence))
    )


_NAME_ADJECTIVE = re.compile(
    r"(?:inter)?national|global|regional|provincial|foreign|domestic|overseas|total|(?:nation|state|city|world)wide",
    re.I,
)  # the scope words that open a body's name ("National Guard", "Global Times", "Foreign Ministry")
_NEXT_WORD = re.compile(r"\s+(?:(?:of|for|and|on|the)\s+)*(?P<w>[\w'’-]+)")


def _in_name(sentence: str, m: re.Match[str]) -> bool:
    """Whether a scope word is a word of a body's name ("the National Weather Service", "Amnesty International",
    "the Foreign Office", "the Office for National Statistics"): capitalised inside the sentence, or opening it
    before another capitalised word ("National Guard troops said"). One opening the sentence on its own
    ("Nationwide, ...", "Last year, ...", "In the city, ...") is a scope."""
    head = m.group()[:1]
    if not head.isupper():
        return False  # "in the city", "nationwide", "since Monday"
    if m.start() != len(sentence) - len(sentence.lstrip(" \"'“‘([")):
        return True  # a capital inside the sentence: a name
    if not _NAME_ADJECTIVE.fullmatch(m.group()):
        return False  # a phrase or a word of span opening the sentence: "Last year", "In the region", "Every"
    after = _NEXT_WORD.match(sentence, m.end())
    return after is not None and after.group("w")[:1].isupper()


# the nouns of a body that speaks or acts, after a scope word that describes it, not the count ("the regional council
# said", "the provincial health office said", "national police reported"; evolve22)
_BODY_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:council|government|authorit(?:y|ies)|office|ministry|agency|police|department|governor|"
    r"officials?|board|service|committee|court|assembly|parliament|broadcaster|spokes(?:man|woman|person))\b"
    # ... not a body's noun that is a modifier of what it does: "a nationwide police crackdown", "a global police
    # operation", "a citywide council scheme" tell how far the action reached (review23)
    r"(?!\s+(?:operations?|crackdowns?|sweeps?|raids?|campaigns?|programmes?|programs?|schemes?|drives?|blitz)\b)"
)
# "nationwide", "statewide", "worldwide" and "total" tell an extent, never what a body is ("a statewide police
# sweep", "the total council tax bill"; review23)
_EXTENT_WORD = re.compile(r"(?:nation|state|city|world)\s*wide|total", re.IGNORECASE)


def _of_a_body(sentence: str, m: re.Match[str]) -> bool:
    """Whether a scope adjective in lower case describes a body ("the regional council said 15 people died"), not
    where a figure was counted ("the regional toll rose to 15", "15 died nationwide")."""
    word = m.group()
    return (
        _NAME_ADJECTIVE.fullmatch(word) is not None
        and _EXTENT_WORD.fullmatch(word) is None
        and _BODY_AFTER.match(sentence, m.end()) is not None
    )


def scope_words(claim: Claim) -> frozenset[str]:
    """The kinds of scope (place, span, total, rate) a number's sentence names (``_SCOPE_PHRASES``)."""
    return _scope_of(claim.sentence)


# the scope words a rising figure is told with ("the toll rose to 12 so far", "a total of 15"): an update may add them
UPDATE_SCOPES = frozenset(["so far", "total"])


def same_scope(a: Claim, b: Claim, update: bool = False) -> bool:
    """Whether two numbers count over the same scope: the same kinds of scope words in their sentences, the same
    time qualifier (or none), neither a part of a count. With ``update`` (a figure updated over time), the words
    of a running count (``UPDATE_SCOPES``) and the time qualifier (matching splits tolls by day) are not asked."""
    if is_part(a) or is_part(b):
        return False
    if update:
        return scope_words(a) - UPDATE_SCOPES == scope_words(b) - UPDATE_SCOPES
    if scope_words(a) != scope_words(b):
        return False
    return when_words(a.when or "") == when_words(b.when or "")


def one_count(claims: Sequence[Claim]) -> bool:
    """Whether figures may be one count updated over time: one scope as an update asks it (``same_scope``: "in
    the city" / "nationwide", a part of the count), no two named places ("37 in Peru" / "34 in Ecuador":
    ``other_places``), and each told as what happened, or each as what may."""
    first = claims[0]
    return all(
        same_scope(first, c, update=True) and potential(c) == potential(first) and not other_places(first, c)
        for c in claims
    )


_MONTHS_DAYS = frozenset(w.lower() for w in (*MONTHS, *WEEKDAYS))
_PLACE_AFTER = re.compile(rf"\b(?:in|at|across|near|outside)\s+(?P<p>(?:[{CAPITAL}][\w'’.-]*\s?){{1,3}})")


@functools.lru_cache(maxsize=65536)
def _places_after(sentence: str, text: str) -> frozenset[str]:
    """The capitalised names just after a figure, in its clause ("38 degrees in Seville", "killed 12 at Camp
    Bastion"): where it was counted. Months and days are times, not places."""
    tail = _tail(sentence, text, 60)
    cut = _CLAUSE_BREAK.search(tail)
    tail = tail[: cut.start()] if cut else tail
    out = set()
    for m in _PLACE_AFTER.finditer(tail):
        name = " ".join(w.strip(".'’") for w in m.group("p").split())
        if name and name.split()[0].lower() not in _MONTHS_DAYS:
            out.add(name.lower())
    return frozenset(out)


def other_places(a: Claim, b: Claim) -> bool:
    """Whether two figures are each placed by name, and by no name in common: two counts of two places ("38
    degrees in Seville" / "41 degrees in Cordoba"), or the same place named at two levels ("in Ankara" / "in
    Turkey"): never sure to be one figure told two ways."""
    pa, pb = _places_after(a.sentence, a.text), _places_after(b.sentence, b.text)
    return bool(pa and pb and not (pa & pb))


# Sets of words that tell two things of one kind apart, from general English: a figure of the first half and one of
# the second, of men and of women, of the east and of the west, before and after a match, ordered and delivered,
# at the open and at the close, a high and a low, votes for and against, games won and lost.
# Two sentences that each use a word of one set, and not the same ones, count two things, whatever the figures:
# never sure to be one figure told two ways ("The Hawks scored 22 points in the first half" / "25 points in the
# second half", "The men's race drew 240 runners" / "The women's race drew 220"). Only ever removes a conflict.
_CONTRASTS = tuple(
    frozenset(words.split())
    for words in (
        "first second third fourth fifth sixth seventh eighth ninth tenth 1st 2nd 3rd 4th 5th final opening",
        "men women man woman male female males females boys girls boy girl mens womens",
        "young younger youngest old older oldest elderly adults adult children child pupils pensioners",
        "north south east west northern southern eastern western north-east north-west south-east south-west"
        " northeast northwest southeast southwest",
        "before after pre post",
        "morning afternoon evening night overnight",
        "upper lower",
        "import imports imported export exports exported",
        "bought buy buys sold sell sells",
        "ordered orders order delivered deliveries delivery deliver delivers",
        "opened opening open opens closed closing close closes",
        "high higher highest peak peaked low lower lowest trough",
        "minimum min maximum max",
        "favour favor against",
        "won win wins winning lost lose loses losing drew draw draws",
        "hired hire hires hiring recruited fired sacked dismissed layoffs laid",
        "urban rural suburban",
        "inbound outbound incoming outgoing arrivals departures",
    )
)  # fmt: skip
_CONTRAST_WORD = re.compile(r"\b[a-z][a-z0-9-]*(?:['’]s)?\b")
# the thing a figure was spent on or given for, or the group it counts among ("spend £4.5m on the bridge" /
# "£4.2m on the library", "support among women" / "among men"): two of them are two figures
_OBJECT = re.compile(r"\b(?P<p>on|for|among)\s+(?:(?:the|a|an|its|their|his|her|new|local)\s+)*(?P<w>[a-z][\w'’-]*)")


@functools.lru_cache(maxsize=65536)
def _contrast_words(sentence: str) -> frozenset[str]:
    return frozenset(w.removesuffix("'s").removesuffix("’s") for w in _CONTRAST_WORD.findall(sentence.lower()))


def _objects(sentence: str, text: str) -> dict[str, str]:
    """What a figure is on, for or among, after it in its clause ("on the bridge" -> {"on": "bridg"}), and the
    group before it ("Support among women was 54 percent")."""
    tail = _tail(sentence, text, 60)
    cut = _CLAUSE_BREAK.search(tail)
    out = {m.group("p"): match_stem(m.group("w")) for m in _OBJECT.finditer(tail[: cut.start()] if cut else tail)}
    for m in _OBJECT.finditer(_before(sentence, text, 80)):
        if m.group("p") == "among":
            out["among"] = match_stem(m.group("w"))
    return out


def told_apart(a: Claim, b: Claim) -> bool:
    """Whether two figures' sentences tell two things of one kind apart (``_CONTRASTS``: "first half" / "second
    half", "men's" / "women's", "in the east" / "in the west"), or give two things a figure was spent on, given
    for or counted among ("on the bridge" / "on the library"): never sure to be one figure told two ways."""
    wa, wb = _contrast_words(a.sentence), _contrast_words(b.sentence)
    for words in _CONTRASTS:
        xa, xb = wa & words, wb & words
        if xa and xb and xa != xb:
            return True
    oa, ob = _objects(a.sentence, a.text), _objects(b.sentence, b.text)
    return any(oa[p] != ob[p] for p in oa.keys() & ob.keys())


def sure_conflict(
    a: Claim,
    b: Claim,
    ta: float | None,
    tb: float | None,
    tolerance: float = 0.25,
    holders: tuple[frozenset[str], frozenset[str]] | None = None,
) -> bool:
    """Whether two numbers that disagree may be shown as one figure in conflict (see the module's rules); ``ta``,
    ``tb``: their publication times in seconds; ``holders``: the names holding each figure, when known."""
    va, vb = a.value, b.value
    if va is None or vb is None or not (exact_figure(a) and exact_figure(b)):
        return False
    if not _close(va, vb, tolerance):
        return False
    thing = thing_key(a)
    if thing != thing_key(b) or role_family(a, thing) != role_family(b, thing):
        return False
    if (is_age_unit(thing) or thing == "age at death") and not same_aged_person(a, b):
        # two ages are two persons' unless one named person's (people age; two suspects of 18 and 19), and two
        # obituaries of one topic likewise unless both name one person (ages17)
        return False
    if potential(a) != potential(b) or planned(a) != planned(b) or not same_scope(a, b) or other_places(a, b):
        return False
    if told_apart(a, b):
        return False
    # two holders named, neither all of the other's ("Carrow Foods" / "Delmont Foods": a shared word is no holder)
    if holders is not None and holders[0] and holders[1] and not (holders[0] <= holders[1] or holders[1] <= holders[0]):
        return False
    return ta is not None and tb is not None and abs(ta - tb) <= CONFLICT_WINDOW


def _close(a: Interval, b: Interval, tolerance: float) -> bool:
    """Two different positive figures near enough to be one figure told wrong: within ``tolerance`` of the larger,
    or small counts at most ``SMALL_GAP`` apart ("4 years" / "6 years" in office), never one twice the other."""
    x, y = a.low, b.low
    if x is None or y is None or x <= 0 or y <= 0 or x == y or max(x, y) >= 2 * min(x, y):
        return False
    return abs(x - y) <= max(tolerance * max(x, y), SMALL_GAP)


SMALL_GAP = 2.0

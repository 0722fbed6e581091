"""The role a counted thing plays in an event, read from the verbs around the number.

``event_role`` names one of ``ROLES``: "killing eight villagers" and "two people died" count deaths,
"wounding 75" and "112 others hurt" the injured, "34 had been taken to hospital" the hospitalised, and
likewise the missing, the evacuated, the arrested, the rescued and the displaced. ``held_role`` reads "1,100 people remain behind bars"
as prisoners (political prisoners when the sentence says so).

Rules are written from general knowledge of English news phrasing: a governing verb or participle just
before the number, a passive or predicate just after its noun phrase, or a role word as the noun itself.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimcheck.nouns import noun_kind

ROLES = ("deaths", "injured", "hospitalised", "missing", "evacuated", "arrested", "rescued", "displaced")

# Nouns that stand for "some people" without saying who they are: the role names them instead ("one
# person died" is a toll of one, as "two people died" is a toll of two).
GENERIC = frozenset(["people", "persons", "person", "others", "individuals", "individual", "more"])
# Nouns that already mean the dead: "five victims", "12 bodies".
DEATH_UNITS = frozenset(["dead", "deaths", "fatalities", "victims", "bodies", "lives"])
# A role word used as the noun, or ending the noun phrase: "12 dead", "dozens injured", "112 others hurt".
ROLE_WORDS = {
    "dead": "deaths", "deaths": "deaths", "fatalities": "deaths", "killed": "deaths",
    "injured": "injured", "wounded": "injured", "hurt": "injured", "injuries": "injured",
    "missing": "missing", "unaccounted": "missing",
    "evacuated": "evacuated", "evacuees": "evacuated",
    "arrested": "arrested", "arrests": "arrested", "detained": "arrested",
    "rescued": "rescued", "displaced": "displaced",
    "hospitalised": "hospitalised", "hospitalized": "hospitalised",
}  # fmt: skip

# Verbs, and nouns with "of" ("the deaths of", "the evacuation of"), that govern the number after them.
_KILL = (
    r"kill(?:s|ed|ing)?|claim(?:s|ed|ing)?\s+the\s+lives\s+of|deaths?\s+of|drown(?:s|ed|ing)|murder(?:s|ed|ing)|"
    r"massacr(?:es|ed|ing)|fatally\s+(?:shot|shooting|stabbed|stabbing|injured|injuring|wounded|wounding)|"
    # the verb and its result before the object: "shot dead 13 people", "guns down four guards" (numprec19)
    r"(?:shot|shoots?|shooting)\s+dead|gun(?:s|ned|ning)\s+down"
)
_HURT = r"wound(?:s|ed|ing)?|injur(?:es|ed|ing)|hurt(?:s|ing)?|maim(?:s|ed|ing)"
_ARREST = (
    r"arrest(?:s|ed|ing)?|arrests?\s+of|detention\s+of|detain(?:s|ed|ing)|apprehend(?:s|ed|ing)|"
    r"round(?:s|ed|ing)?\s+up|"
    # the tabloids' verb, after the police who make the arrest (variants20): "Cops nicked 312 people", "Police
    # nicked four suspects"; never a theft ("thieves nicked 40 phones")
    r"(?:cops|police|officers)\s+(?:(?:later|also|then|have|had|have\s+now)\s+)?nick(?:s|ed)"
)
_RESCUE = r"rescu(?:es|ed|ing)|rescues?\s+of"
_DISPLACE = r"displac(?:es|ed|ing)|uproot(?:s|ed|ing)"
_EVAC = r"evacuat(?:es|ed|ing)|evacuation\s+of"
_HOSP = r"hospitali[sz](?:es|ed|ing)|hospitali[sz]ation\s+of"
# A governing verb just before the number (qualifiers are already part of the quantity's span).
_BEFORE = re.compile(
    rf"\b(?:(?P<deaths>{_KILL})|(?P<injured>{_HURT})|(?P<arrested>{_ARREST})|(?P<evacuated>{_EVAC})|"
    rf"(?P<hospitalised>{_HOSP})|(?P<rescued>{_RESCUE})|(?P<displaced>{_DISPLACE}))\s+(?:(?:a\s+further|another|an?\s+additional|a\s+total\s+of)\s+)?$",
    re.IGNORECASE,
)
_ROLE_STEM = re.compile(
    r"kill|claim|death|wound|injur|hurt|arrest|detention|evacuat|hospitali|drown|murder|massacr|fatally|maim|detain|"
    r"apprehend|round|rescu|displac|uproot|dead|gun|nick",
    re.IGNORECASE,
)  # prefilter
_BE = (
    r"(?:(?:have|has|had|were|was|are|is|remain|remains|remained|being|been|now|still|also|reportedly|"
    r"currently|later|all|who|that|confirmed|believed|feared|thought|known|to\s+be|to\s+have|reported)\s+)*"
)
# "of the family", "in the crash", "from the village": a short phrase between the noun and its verb (its second
# word never "and": "pulled 31 survivors from the rubble and rescued 12" gives the 31 no role of the 12).
_PP = r"(?:(?:of|from|in|on|at|aboard|inside)\s+(?:the\s+|a\s+|an\s+|their\s+|its\s+)?[\w’'-]+(?:\s+(?!and\b)[\w’'-]+)?\s+)?"
# An apposition that says who they are or a part of them ("The two pilots, both men, were"; "Three hikers, all
# students, were"; "At least 20 people, including five children, died": the 20 died, the five are a part).
_APPOSITION = r"(?:,\s*(?:both|all|each|mostly|aged|including|among\s+them)\s+[\w’'-]+(?:\s+[\w’'-]+){0,2},\s*)?"
# A passive verb before the role, joined by "and" (up to eight words between): "were rescued from the sea and later taken to hospital", "were
# surrounded and arrested" (the same people; "were killed and 40 injured" gives the next number its own role).
_COORD = (
    r"(?:(?:were|was|are|is|had\s+been|have\s+been|has\s+been)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en|wn)\s+"
    r"(?:[\w’'-]+\s+){0,8}?and\s+(?:later\s+|then\s+|subsequently\s+|eventually\s+)?)??"
)
_AFTER = re.compile(
    rf"{_APPOSITION}\s*,?\s*{_PP}{_COORD}{_BE}(?:[a-z]+ly\s+)?(?:"
    r"(?P<deaths>killed|died|dead|perished|slain|drowned|murdered|(?:found|confirmed|shot)\s+dead|lost\s+their\s+lives|"
    r"(?:burned|burnt|crushed|stabbed|beaten|trampled|frozen|froze|starved|bled|shot)\s+to\s+death)|"
    r"(?P<injured>injured|wounded|hurt|(?:suffered|sustained|received)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:injuries|wounds|burns)|(?:treated|hospitali[sz]ed)\s+for\s+(?:[\w-]+\s+){0,2}?(?:injuries|wounds|burns))|"
    r"(?P<hospitalised>hospitali[sz]ed|(?:taken|rushed|admitted|airlifted|flown|treated|transported)\s+"
    r"(?:to|in|at|into)\s+(?:[\w-]+\s+){0,3}?hospitals?)|"
    r"(?P<missing>missing|unaccounted\s+for)|"
    r"(?P<evacuated>evacuated|(?:ordered|told|forced)\s+to\s+(?:evacuate|flee|leave\s+their\s+homes|"
    # "had been told to leave." / "ordered to leave the area" (variants18): leaving a place, not a job or a party
    r"leave(?=\s*(?:[.;]|$))|leave\s+(?:the|their)\s+(?:area|town|city|region|island|coast|village|valley)s?\b)|"
    # moved out by the authorities: "were moved from their homes", "relocated to emergency shelters" (variants18)
    # (not "taken from their homes": by soldiers, police or kidnappers, review18)
    r"(?:moved|relocated|bussed)\s+(?:out\s+)?(?:from|of)\s+their\s+homes|"
    r"(?:moved|relocated|bussed|taken)\s+to\s+(?:safety|(?:emergency\s+|temporary\s+)?shelters?|"
    r"evacuation\s+cent(?:re|er)s?|higher\s+ground))|"
    r"(?P<arrested>arrested|detained|apprehended|taken\s+into\s+custody|rounded\s+up)|"
    r"(?P<rescued>rescued|(?:pulled|dug|freed)\s+(?:out\s+)?alive|(?:airlifted|brought|winched|led)\s+to\s+safety)|"
    r"(?P<displaced>displaced|uprooted|(?:left|made)\s+homeless|forced\s+(?:from|out\s+of)\s+their\s+homes)"
    r")\b",
    re.IGNORECASE,
)
# A part before the number's noun phrase: "40 of the 100 passengers", "most of its 300 staff", "one of the 12
# climbers". The verb's role is the part's ("were injured", "were killed"), never the whole's. Not "all",
# "both" or "each" of them: the whole then has the role.
_PART_OF = re.compile(
    r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|some|most|many|"
    r"several|half|none|few|a\s+third|a\s+quarter)\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+|"
    r"those\s+|these\s+)?$",
    re.IGNORECASE,
)
_TOLL = re.compile(r"\b(?:death\s+toll|toll\s+of\s+dead|number\s+of\s+(?:dead|deaths))\b", re.IGNORECASE)
# ... "the number of miners killed" (tolls23): the number of people a verb kills (not "the number of jobs killed")
_NUMBER_KILLED = re.compile(r"\bnumber\s+of\s+([a-z]+)\s+(?:killed|dead|who\s+(?:have\s+|had\s+)?died)\b", re.IGNORECASE)
# A bare "toll" whose figure a verb of change gives, the number just after: "Quake toll rises to 47", "the toll
# from Monday's roof fall rose to 7", "bringing the toll to 3", "the toll stands at 9". In news of an event a
# toll with no other noun is its dead (tolls23); not a road's or a bridge's toll (a price: "the bridge toll rose
# to 7.50"), nor "the toll of injured".
_BARE_TOLL = re.compile(
    r"(?<![\w-])(?<!road\s)(?<!bridge\s)(?<!motorway\s)(?<!tunnel\s)(?<!highway\s)(?<!turnpike\s)(?<!crossing\s)"
    r"toll(?!\s+(?:road|booth|plaza|charge|fee|gate|lane|on\b|of\s+(?:the\s+)?(?:injured|wounded|hurt|missing|arrest)))"
    r"\b[^.;:!?]{0,80}?\b(?:(?:rises?|rose|risen|rising|climbs?|climbed|climbing|reach(?:es|ed)?|hits?|jump(?:s|ed)?|"
    r"stands?|stood|increase[sd]?|mount(?:s|ed)?|grew|grows|soar(?:s|ed)?)(?:\s+(?:to|at))?|to)\s+$",
    re.IGNORECASE,
)
# ... after the verb that brings it there: "bringing the toll to 4", "raising the toll of the shooting to 5"
_TOLL_BROUGHT = re.compile(
    r"\b(?:bring(?:s|ing)?|brought|rais(?:es|ed|ing)|push(?:es|ed|ing)|tak(?:es|ing)|took)\s+the\s+(?:[\w-]+\s+){0,3}?toll\b", re.IGNORECASE
)
_HELD_AFTER = re.compile(
    rf"\s*{_BE}(?:behind\s+bars|in\s+(?:prison|jail|custody|detention)|imprisoned|jailed|held|detained|"
    r"incarcerated|locked\s+up)\b",
    re.IGNORECASE,
)
_STILL = re.compile(r"\b(?:remain(?:s|ed)?|still)\b", re.IGNORECASE)
_POLITICAL = re.compile(r"\bpolitical(?:ly)?\b", re.IGNORECASE)


# Survivors brought out of the water, the snow or the rubble are the rescued (variants22; variants20 left "21
# survivors pulled from the rubble" / "21 people were rescued"): a verb of bringing out before "N survivors" or
# after it, never survivors who are only counted ("the crash had 12 survivors", "3 survivors walked away").
# "lifted", "brought" and "carried" only with "out" ("brought out 12 survivors", "were carried out of the mine"):
# alone they take survivors of a past event somewhere ("brought 300 survivors of the genocide to speak in schools",
# "were brought from the camp to give evidence"; review23).
_BRING_OUT = r"(?:(?:pulled|plucked|hauled|dragged|dug|winched|airlifted)(?:\s+out)?|(?:lifted|brought|carried)\s+out)"
# ... or with where to right after the survivors: "brought 14 survivors ashore", "carried 9 survivors to safety"
_BROUGHT_BEFORE = re.compile(r"\b(?:lifted|brought|carried)\s+$", re.IGNORECASE)
_TO_SAFETY = re.compile(r"\s+(?:ashore|to\s+(?:safety|shore|land|the\s+surface))\b", re.IGNORECASE)
_BROUGHT_OUT_BEFORE = re.compile(
    rf"\b{_BRING_OUT}\s+(?:(?:a\s+further|another|an?\s+additional|a\s+total\s+of)\s+)?$", re.IGNORECASE
)
_BROUGHT_OUT_AFTER = re.compile(
    r"\s+(?:(?:were|was|have\s+been|had\s+been|have|had)\s+(?:now\s+|since\s+)?(?:been\s+)?)?"
    rf"{_BRING_OUT}\s+(?:from|of)\b",
    re.IGNORECASE,
)


# Who was made to leave: a verb of ordering or forcing before the number, "to evacuate" (or flee, leave) after
# its noun ("forced 8,000 people to evacuate"): the evacuated, as "8,000 people were evacuated" are.
_SENT_AWAY_BEFORE = re.compile(r"\b(?:forc|order|told|tell|urg)\w*\s+$", re.IGNORECASE)
_TO_LEAVE = re.compile(r"\s+to\s+(?:evacuate|flee|leave)\b", re.IGNORECASE)


def event_role(s: str, start: int, end: int, unit: str | None) -> str | None:
    """The role (one of ``ROLES``) of the quantity spanning ``s[start:end]`` with counted thing ``unit``.

    ``unit`` is the noun phrase as written (None when the number stands alone); the role comes only
    from this number's own noun phrase and the verbs that govern it, never from a neighbouring number's.
    """
    words = unit.split() if unit else []
    if words and words[-1] in ROLE_WORDS and (len(words) == 1 or words[0] in GENERIC):
        return ROLE_WORDS[words[-1]]
    if len(words) > 1 and words[0] in ROLE_WORDS and words[0] not in ("deaths", "fatalities", "arrests", "injuries"):
        return ROLE_WORDS[words[0]]  # "five missing children", "12 injured soldiers"
    if unit in ("dead", "deaths", "fatalities"):
        return "deaths"  # "victims", "bodies", "lives" count deaths only with a verb that says so
    if _PART_OF.search(s, max(0, start - 30), start):
        return None  # "40 of the 100 passengers were hurt": the verb's people are the part, not the whole
    lo = max(0, start - 45)
    before = _BEFORE.search(s, lo, start) if _ROLE_STEM.search(s, lo, start) else None
    if before and (before.lastgroup not in _OF_THE_LIVING or _living(words, s[max(0, end - 40) : end])):
        return before.lastgroup  # "killed 12 villagers", not "the Senate killed 3 bills" nor "rescued 40 brands"
    if words and words[-1] in ("survivor", "survivors") and (
        _BROUGHT_OUT_BEFORE.search(s, lo, start)
        or _BROUGHT_OUT_AFTER.match(s, end, min(len(s), end + 40))
        or (_BROUGHT_BEFORE.search(s, lo, start) and _TO_SAFETY.match(s, end))
    ):
        return "rescued"  # "pulled 297 survivors from the water", "21 survivors were dug out of the rubble"
    if _SENT_AWAY_BEFORE.search(s, lo, start) and _TO_LEAVE.match(s, end):
        return "evacuated"  # "forced 8,000 people to evacuate", "ordered 300 residents to leave"
    after = _AFTER.match(s, end, min(len(s), end + 90))
    if after and not (after.lastgroup == "arrested" and _STILL.search(after.group())):
        return after.lastgroup  # not "1,100 people remain detained": held (``held_role``), not an arrest
    if unit is None and (_mentions(_TOLL, s) or _bare_toll(s, start) or _number_killed(s)):
        return "deaths"
    return None


def _number_killed(s: str) -> bool:
    """"the number of miners killed", "the number of people who died": a toll of the living (``_living``)."""
    m = _NUMBER_KILLED.search(s)
    return m is not None and _living([m.group(1).lower()], m.group(1))


def _bare_toll(s: str, start: int) -> bool:
    """"Quake toll rises to 47", "bringing the toll of the shooting to 4": the figure of a bare toll (``_BARE_TOLL``);
    "to" alone only after a verb that brings the toll there ("paid the toll to 4 operators" is no figure of it)."""
    m = _BARE_TOLL.search(s, max(0, start - 120), start)
    if m is None:
        return False
    if not m.group(0).lower().rstrip().endswith(" to") or _CHANGE_TO.search(m.group(0)) is not None:
        return True
    return _TOLL_BROUGHT.search(s, max(0, start - 120), start) is not None


_CHANGE_TO = re.compile(
    r"\b(?:rises?|rose|risen|rising|climbs?|climbed|climbing|reach(?:es|ed)?|jump(?:s|ed)?|increase[sd]?|"
    r"mount(?:s|ed)?|grew|grows|soar(?:s|ed)?)\s+to\s+$",
    re.IGNORECASE,
)


# Roles whose verbs are said of things too ("killed 3 bills", "rescued 40 brands", "displaced 2 rivals"): only the
# living take them.
_OF_THE_LIVING = frozenset(["deaths", "rescued", "displaced"])


def _living(words: list[str], written: str) -> bool:
    """Whether a noun phrase (its words; ``written`` ends with it as written) may count the living a verb
    kills: none ("killed 12"), generic ("people", "others"), a name or demonym ("Israelis", "Marines") or a
    person or animal noun (``noun_kind``: "villagers", "schoolchildren", "sheep"), not "killed 3 bills"."""
    if not words or words[-1] in GENERIC or noun_kind(words[-1]) in ("person", "animal"):
        return True
    head = written[-len(words[-1]) :]
    return head.lower() == words[-1] and head[:1].isupper()


def held_role(s: str, end: int, unit: str | None) -> str | None:
    """"1,100 people remain behind bars": generic people held count prisoners (political ones when said)."""
    if unit not in GENERIC or not _HELD_AFTER.match(s, end, min(len(s), end + 60)):
        return None
    return "political prisoners" if _mentions(_POLITICAL, s) else "prisoners"


@lru_cache(maxsize=64)
def _mentions(pattern: re.Pattern[str], s: str) -> bool:
    """Whether ``pattern`` occurs in sentence ``s`` (cached: asked once per quantity of the sentence)."""
    return pattern.search(s) is not None

"""Counted things: what a number counts, as the matcher compares it (pure helpers of match.py).

A number claim counts something ("123 political prisoners", "seven tourists", "$48 billion"). The
matcher needs three answers about it, all from general English, never from one story's words:

- its **thing** (``thing_key``): the head noun, stemmed and mapped to one spelling ("detainees" ->
  "prisoner"), made specific when the noun is generic ("1,100 people" behind bars count prisoners),
  and marked as a *part* when the number is a sub-count ("seven of the dead", "including three");
- its **class** (``thing_class``): head nouns that news copy uses for the same people when it gives
  one figure (nationals / citizens / tourists / foreigners / passengers / victims; customers /
  consumers / users; troops / soldiers / service members; workers / employees / staff; migrants /
  refugees / asylum seekers; crews / sailors; fans / spectators; pupils / students; worshippers /
  congregants). Two
  claims of one class and the same figure may be one fact; they never conflict or evolve;
- whether the figure as written is **precise** (``is_precise``): "2,500" or "108" or "$48 billion"
  name one fact in a story whatever the words around them, "about 100" or "five" do not.
"""

from __future__ import annotations

import functools
import math
import re
from typing import Any

import numpy as np

from claimcheck.claims.ages import AGE_UNITS, holder_role, is_age_unit, sex_of, side_of
from claimcheck.claims.measures import MEASURE_WORDS, measure_in
from claimcheck.models import Claim, Interval
from claimcheck.nouns import noun_kind
from claimcheck.text import match_content_words, match_words
from claimcheck.values import format_ordinal

# Head nouns that news copy uses interchangeably for one counted thing.
UNIT_SYNONYMS = {
    "wounded": "injured", "injury": "injured", "hurt": "injured",
    "dead": "death", "killed": "death", "fatality": "death",
    "detainee": "prisoner", "inmate": "prisoner", "convict": "prisoner", "captive": "hostage",
    "abductee": "hostage",
    "person": "people", "individual": "people",
    "km": "kilometre", "kilometer": "kilometre", "cm": "centimetre", "centimeter": "centimetre",
    "meter": "metre", "mile": "mile", "tonne": "ton", "metric": "ton",
    "traveler": "traveller", "servicemen": "serviceman", "servicewomen": "serviceman",
    "servicewoman": "serviceman", "troops": "troop", "holiday-maker": "holidaymaker",
    "hospitalized": "hospitalised", "hospitalisation": "hospitalised", "hospitalization": "hospitalised",
    # a count of the votes cast is a count of ballots ("48,210 votes" / "48,210 ballots")
    "ballot": "vote",
    # a film is a movie ("more than 60 films" / "over 60 movies", variants18)
    "movie": "film",
    # times cut short after a space ("90 mins", "9.58 sec", "52.4 secs", "a 10 yr low"), variants18
    "min": "minute", "sec": "second", "hr": "hour", "hrs": "hour", "yr": "year", "yrs": "year",
    # one thing in the words of other outlets (variants19): "18 countries" / "18 nations", "164 entries" / "164
    # submissions", "1.4 million journeys" / "1.4m trips", "40 shows" / "40 concerts" / "40 gigs"
    "nation": "country", "submission": "entry", "trip": "journey", "concert": "show", "gig": "show",
    # left open by variants18: "310 flights" / "310 departures" (cancelled), "10 tugs" / "10 tugboats"
    "departure": "flight", "tugboat": "tug",
    # the police counted by any of their names (variants20): "7,000 police were deployed" / "7,000 officers were
    # on duty", "over 200 cops" / "more than 200 officers", "1,000 policemen", "40 constables"
    "police": "officer", "cop": "officer", "policeman": "officer", "policemen": "officer",
    "policewoman": "officer", "policewomen": "officer", "constable": "officer",
    # one thing in British and American spelling, or the trade's own word (variants20): "a six-storey block" /
    # "a six-story building"; "4.1 million TEU" (twenty-foot equivalent units) / "4.1 million containers"
    "story": "storey", "teu": "container",
    # the wires' short forms of a currency after the figure: "180 mln dlrs" is "$180 million", "1,312 stg" pounds
    "dlr": "dollar", "dlrs": "dollar", "stg": "lb",  # a sum in pounds shares the key of a weight ("£5" is "lb")
    # one thing in the words of other outlets (variants23): "after 27 fires" / "a string of 27 blazes" / "12
    # wildfires"; the counts a court hears ("admitted two offences" / "pleaded guilty to 2 charges" / "three counts
    # of fraud")
    "blaze": "fire", "inferno": "fire", "wildfire": "fire",
    "offence": "charge", "offense": "charge", "count": "charge",
}  # fmt: skip


_SHORT_TIMES = frozenset(["min", "sec", "hr", "hrs", "yr", "yrs"])


# Two-word counted things that are one noun: "service members" are servicemembers, not members.
_COMPOUNDS = {("service", "member"): "servicemember", ("account", "holder"): "accountholder",
              ("foreign", "national"): "national", ("crew", "member"): "crew",
              ("staff", "member"): "staff", ("per", "cent"): "percent", ("asylum", "seeker"): "asylumseeker",
              ("head", "state"): "head of state", ("head", "government"): "head of state",
              # an obituary's figure, no death toll: it joins no toll and never evolves (review17)
              ("age", "death"): "age at death",
              # a hundredth of a point: never the points of a rate or a game (variants18; converted in blocking)
              ("basis", "point"): "basis point",
              # a game without conceding, in British and American words: "17 clean sheets" / "17 shutouts"
              ("clean", "sheet"): "shutout",
              # a battery pack is a battery (variants28: "86,000 battery packs" / "86,000 e-bike batteries")
              ("battery", "pack"): "battery"}  # fmt: skip


# Words after a counted noun that are not the noun: "19 points clear", "12 points ahead", "two years ago".
_AFTER_HEAD = frozenset(
    ["clear", "ahead", "behind", "short", "more", "less", "fewer", "apart", "away", "later", "earlier", "ago",
     "old", "back", "off", "up", "down", "left", "remaining", "long", "running", "straight", "total"]
)  # fmt: skip
# Nouns that count something in a compound before another noun ("a 12 point lead", "a 17 minute
# delay", "a 10 inning game"): the compound counts them, not what follows.
COUNT_NOUNS = frozenset(
    ["point", "minute", "hour", "day", "week", "month", "year", "second", "decade", "century", "game",
     "lap", "inning", "run", "goal", "seat", "vote", "set", "round", "match", "stage", "mile", "yard",
     "percent", "storey", "story", "floor", "page", "episode", "part", "step", "time", "show", "concert", "gig"]
)  # fmt: skip


# The unit claims/numbers.py gives a part told with its whole: "of 16", "of 21 attempts", "of ten voters"
_OF_WHOLE_UNIT = re.compile(
    r"of\s+(?P<whole>\d[\d,.]*|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|[a-z]+ty)"
    r"(?:-[a-z]+)?)(?:\s+|$)",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=65536)
def unit_key(unit: str | None) -> str:
    """The counted thing reduced to its head noun: "political prisoners" -> "prisoner"; a unit of
    measure in it to its one spelling ("five-yard score", "5-yard pass": "yd")."""
    if unit and (whole := _OF_WHOLE_UNIT.match(unit)):
        # a part of a whole ("12 of 20", "nine out of 14 attempts"): it joins only a part of the same whole
        return "of " + whole.group("whole").lower().replace(",", "")
    raw = (unit or "").lower().replace("-", " ").split()
    if (measure := measure_in(raw, min_len=2)) is not None:
        return measure
    owner = next((i for i, w in enumerate(raw[:-1]) if len(w) > 3 and w.endswith(("s'", "s\u2019"))), None)
    if owner is not None:
        return unit_key(" ".join(raw[: owner + 1])[:-1])  # "the 1,900 pilots' strike" counts pilots (a possessor)
    ws = match_content_words(unit or "") or match_words(unit or "")  # "others" is a stopword, and a generic unit
    if ws and (noun := _plural_stopword(raw[-1] if raw else "")) and ws[-1] != noun:
        ws = [*ws, noun]  # "five defensive outs" counts outs, not "defensive"
    while len(ws) > 1 and ws[-1] in _AFTER_HEAD:
        ws = ws[:-1]  # "19 points clear", "two years ago": the head comes before
    if len(ws) > 1 and (compound := _COMPOUNDS.get((ws[-2], ws[-1]))):
        return compound
    if len(ws) > 1 and ws[0] in _CURRENCY_HEADS and ws[1] not in ("zone", "area", "bond", "note", "coin"):
        return UNIT_SYNONYMS.get(ws[0], ws[0])  # "a 1.1 billion dollar probe", "a 40 mln stg deal": a sum
    if len(ws) > 1 and ws[0] in _SHORT_TIMES:
        return UNIT_SYNONYMS[ws[0]]  # "a 12 yr high", "a 90 min delay": years, minutes
    if len(ws) > 1 and ws[0] in COUNT_NOUNS and ws[0] != "time":  # "a two-time champion" counts titles
        return UNIT_SYNONYMS.get(ws[0], ws[0])  # "12 point lead", "17 minute delay": points, minutes
    return UNIT_SYNONYMS.get(ws[-1], ws[-1]) if ws else ""


@functools.lru_cache(maxsize=4096)
def _plural_stopword(word: str) -> str:
    """The unit's last word when it is a plural noun whose singular is a stop word ("outs", "downs",
    "ups"): a noun for all that, the head of "five defensive outs"; else ""."""
    last = word.strip(".,;:'\u2019")
    if len(last) < 4 or not last.isalpha() or not last.endswith("s"):
        return ""
    stem = match_words(last)
    if len(stem) != 1 or stem[0] in ("one", "other") or match_content_words(last):
        return ""
    return stem[0]


# Currencies named by a word before the noun they price ("a 1.1 billion dollar probe"): "pound" is read as a
# measure before (``measure_in``: a sum in pounds and a weight share one key, told apart by the claim's measure).
# The wires' short forms too (variants23): "a 1.14 bln stg budget" is a sum in pounds, as "a £1.14bn budget" is.
_CURRENCY_HEADS = frozenset(
    ["dollar", "euro", "yen", "yuan", "rupee", "franc", "rouble", "ruble", "peso", "rand", "stg", "dlr", "dlrs"]
)
# Head nouns too general to name a counted thing by themselves: "1,100 people" may be prisoners.
GENERIC_UNITS = frozenset(["people", "resident", "civilian", "men", "women", "adult", "other"])
# Words that say a sentence about generic "people" is about a more specific role (hypernym rule):
# "1,100 people remain behind bars" counts prisoners. Only roles that cannot be confused.
_ROLE_CUES = {
    "prisoner": ("prison", "prisoner", "jail", "jailed", "imprison", "imprisoned", "behind bar",
                 "detention", "detained", "custody", "incarcerated"),
}  # fmt: skip


def thing_key(claim: Claim) -> str:
    """The counted thing of a number claim: ``unit_key`` of its unit, made specific when the unit is
    generic ("people") and the claim's role (``extra["unit_role"]``, e.g. "political prisoners")
    or its sentence says what the people are ("1,100 people remain behind bars" -> "prisoner").

    Worked out once per distinct claim (``_THINGS``, keyed by every field it reads): the matcher asks it of
    one claim many times (blocking, contexts, distinct claims, updates, facts)."""
    extra = claim.extra
    score, role = extra.get("score"), extra.get("unit_role")
    ordinal = bool(extra.get("ordinal")) and claim.value is not None
    key = (
        claim.text,
        claim.sentence,
        claim.unit,
        score if isinstance(score, str) else None,
        claim.value.low if ordinal else None,  # type: ignore[union-attr]
        ordinal,
        role if isinstance(role, str) else None,
        # _thing_key reads both: a memo without them gave a later claim the first one's thing (state25)
        "age_of" in extra,
        extra.get("role") == "arrested",
    )
    found = _THINGS.get(key)
    if found is None:
        if len(_THINGS) >= 65536:
            _THINGS.clear()
        found = _THINGS[key] = _thing_key(claim)
    return found


_SINCE_AFTER = re.compile(r"\s+(?:since|after)\b", re.I)


def _elapsed_ordinal(claim: Claim) -> bool:
    """An ordinal of a unit of time counted from an event ("the 40th day since the deaths", "the 100th day after
    the flood"): it counts the time elapsed, as "40 days since the deaths" does, not one item of a sequence."""
    if unit_key(claim.unit) not in _ELAPSED_THINGS or (at := claim.sentence.find(claim.text)) < 0:
        return False
    return bool(_SINCE_AFTER.match(claim.sentence, at + len(claim.text)))


# thing_key's memo: (text, sentence, unit, score, ordinal's figure, ordinal, unit_role, an age's person, an arrest)
# -> the thing
_THINGS: dict[tuple[str, str, str | None, str | None, float | None, bool, str | None, bool, bool], str] = {}


# Departures are flights (variants19: "310 flights" / "310 departures" cancelled) only by air: a train's, a bus's
# or a ferry's, named in the unit or, for bare "departures", by a sentence of such transport and none of flying,
# are another thing (misfire21: "310 train departures" / "310 flight departures", "rail operators ran 310
# departures" / "the airport handled 310 departures")
_GROUND_MODE = re.compile(
    r"\b(?:trains?|rail\w*|stations?|bus|buses|coach|coaches|ferry|ferries|sailings?|trams?|metro|subway|"
    r"underground|intercity)\b",
    re.IGNORECASE,
)
_AIR_MODE = re.compile(r"\b(?:flights?|airports?|airlines?|airways|air|planes?|aircraft|runways?|aviation)\b", re.IGNORECASE)


def _ground_departures(claim: Claim) -> bool:
    words = (claim.unit or "").lower().split()
    if not words or not words[-1].startswith("departure"):
        return False
    named = " ".join(words[:-1])
    if named:
        return _GROUND_MODE.search(named) is not None and _AIR_MODE.search(named) is None
    return _GROUND_MODE.search(claim.sentence) is not None and _AIR_MODE.search(claim.sentence) is None


def _thing_key(claim: Claim) -> str:
    if "age_of" in claim.extra and is_age_unit(claim.unit):
        return str(claim.unit)  # an age of a person ("an 18-year-old man"): "age", never a count of years
    score = claim.extra.get("score")
    if isinstance(score, str) and score:
        return f"{claim.unit or 'score'} {score}"  # a score joins only the same score ("34-6"), never a count
    if claim.extra.get("ordinal") and claim.value is not None:
        if _elapsed_ordinal(claim):
            return unit_key(claim.unit)  # "the 40th day since the deaths" is "40 days since the deaths"
        # "its sixth test" joins only another sixth test: never "six tests", never a conflict with "fifth"
        return f"{unit_key(claim.unit)} #{format_ordinal(claim.value.low)}"
    key = compound_key(claim) or unit_key(claim.unit)
    if key == "flight" and _ground_departures(claim):
        key = "departure by land or sea"  # "310 train departures" are no flights (misfire21)
    if key == "storey" and _news_stories(claim):
        key = "story"  # "the paper published 12 stories on the fire" are no floors (review21)
    if key == "time" and (event := _times_event(claim)):
        key = event  # "transferred oil to the North 30 times" counts transfers, as "30 transfers" does
    if key in ("live", "life") and _LIVES_LOST.search(claim.sentence):
        key = "death"  # "the quake claimed 58 lives", "58 lives were lost": deaths
    if key in _REPORTERS and _reporting(claim):
        key = "report"  # "275 users reporting problems" are 275 reports, as an outage tracker counts them
    elif key == "complaint":
        key = "report"  # "a total of 275 complaints" / "275 reports": what people filed, by either name
    elif key == "report" and _published(claim):
        # "the agency has published 12 reports on the river": documents (review28; not "written report", which
        # the matcher meets with "report" as its modified head)
        key = "publication"
    if is_part(claim):
        return _part_thing(claim, _whole_thing(claim, key))
    return _whole_thing(claim, key)


# People counted by what they report (facts26): "275 users reporting problems", "4,000 customers who reported
# outages", "people flagging issues" are the reports (or complaints) a tracker, a company or a regulator counts,
# as other outlets give them ("275 reports", "a total of 275 complaints").
_REPORTERS = frozenset(["user", "customer", "subscriber", "people", "person", "player", "gamer", "visitor", "resident"])
_REPORTING_AFTER = re.compile(
    r"\s+(?:who\s+)?(?:(?:were|was|are|is|have|had|have\s+been|had\s+been|also|still)\s+)*(?:report(?:ed|ing)?|flag(?:ged|ging)?|complain(?:ed|ing)?\s+(?:of|about)|"
    r"log(?:ged|ging))\s+(?:(?:an?|the|of|about)\s+)?(?:[\w-]+\s+)?(problems?|issues?|outages?|difficult(?:y|ies)|"
    r"faults?|errors?|disruptions?|glitch(?:es)?)\b",
    re.IGNORECASE,
)


# Problems of the body or of health (review28): "40 residents reported breathing problems", "patients reporting heart
# problems", "complained of breathing difficulties", "problems with their hamstrings" count people with symptoms
# (a medical count), not reports to a tracker; nor do "300 users reported no problems". Read before the problem
# noun (its one word) and right after it ("problems breathing", "issues with their sleep").
_BODY = (
    r"health|healthcare|medical|physical|mental|psychological|emotional|behaviou?ral|cognitive|neurological|"
    r"breathing|breathe|respiratory|lung|lungs|chest|heart|cardiac|cardiovascular|circulat\w*|blood|"
    r"stomach|digestive|gastric|gastrointestinal|bowel|bowels|kidney|kidneys|liver|bladder|urinary|"
    r"skin|eye|eyes|eyesight|vision|sight|hearing|ear|ears|throat|nose|sinus|dental|teeth|tooth|mouth|"
    r"back|neck|knee|knees|hip|hips|joint|joints|muscle|muscles|muscular|hamstrings?|bone|bones|"
    r"sleep|sleeping|speech|swallowing|mobility|walking|eating|weight|fertility|pregnancy|"
    r"menstrual|hormonal|thyroid|immune|allergic|allergy|fitness|injury|injuries|nerve|nerves|"
    # ... and of their lives: "2,400 people reported financial problems", "gambling problems"
    r"financial|money|debt|housing|relationship|marital|family|personal|gambling|drug|drugs|alcohol|addiction"
)
_NOT_A_REPORT_BEFORE = re.compile(rf"\b(?:{_BODY}|no|few|fewer|zero|little)\s+$", re.IGNORECASE)
# ... after it, a verb's -ing form right after the noun ("problems breathing", "issues sleeping"; not "problems back in
# March"), or the body word that ends the noun phrase after "with their" ("problems with their hamstrings", "with
# their mental health", "with their heart rate"); a body word that names a feature or a service, hyphened or before
# another noun, is none ("issues with the heart-rate feature", "the back button", "the joint account") (audit28)
_BODY_MEASURES = r"rate|rhythm|pressure|sugar|function|levels?|health|conditions?|pain|disease"
_BODY_AFTER = re.compile(
    rf"\s+(?:(?=[a-z]+ing\b)(?:{_BODY})\b|with\s+(?:their|his|her|its|the)\s+(?:{_BODY})"
    rf"(?:\s+(?:{_BODY}|{_BODY_MEASURES}))*\b(?!-|\s+(?!(?:{_BODY_MEASURES}|and|or|but|after|since|following|during|"
    rf"for|at|in|on|of|from|because|as|when|while|with|to|than|that|which|who|this|last|over|until|before|amid)\b)"
    rf"[A-Za-z]))",
    re.IGNORECASE,
)
# a sentence of medical care or symptoms ("reported problems after the leak; doctors treated them for nausea") or of
# a survey ("of those polled, 2,400 people reported problems"): the people are patients or respondents
_PATIENTS_OR_RESPONDENTS = re.compile(
    r"\b(?:symptoms?|sick|sickness|illness(?:es)?|hospitali[sz]ed|(?:taken|admitted)\s+to\s+hospital|treated\s+for|"
    r"diagnosed|nausea|vomiting|dizziness|headaches?|rash(?:es)?|fevers?|coughing|poisoning|"
    r"surveys?|surveyed|polled|respondents|questionnaires?)\b",
    re.IGNORECASE,
)


def _reports_at(sentence: str, at: int) -> bool:
    """Whether the words from ``at`` report a problem of a service, not of people's health or no problem."""
    m = _REPORTING_AFTER.match(sentence, at)
    if m is None or _PATIENTS_OR_RESPONDENTS.search(sentence):
        return False
    noun = m.start(1)
    return not _NOT_A_REPORT_BEFORE.search(sentence, m.start(), noun) and not _BODY_AFTER.match(sentence, m.end())


def _reporting(claim: Claim) -> bool:
    """Whether people a number counts report a problem right after it ("275 users reporting problems"), or, for a
    figure whose people the sentence names elsewhere ("users reporting issues peaked at 275 ... fell to 8"), after
    the noun it took them from; never a problem of their body or health, never "no problems" (review28)."""
    at = claim.sentence.find(claim.text)
    if at >= 0 and _reports_at(claim.sentence, at + len(claim.text)):
        return True
    if not claim.extra.get("unit_inferred") or not claim.unit:
        return False
    return any(
        _reports_at(claim.sentence, m.end())
        for m in re.finditer(rf"\b{re.escape(claim.unit)}\b", claim.sentence, re.IGNORECASE)
    )


# Reports that are documents (review28): "the agency has published 12 reports on the river", "the watchdog issued
# three reports", "12 reports were commissioned", "the 12 reports written by the panel" count what a body wrote,
# never the reports (or complaints) of a problem that people filed.
_PUBLISHING = (
    r"publish(?:ed|es|ing)?|issu(?:ed|es|ing|e)|releas(?:ed|es|ing|e)|writ(?:ten|es|ing|e)|wrote|"
    r"commission(?:ed|s|ing)?|produc(?:ed|es|ing|e)|compil(?:ed|es|ing|e)|author(?:ed|s|ing)?|"
    r"draft(?:ed|s|ing)?|tabl(?:ed|es|ing|e)|present(?:ed|s|ing)?"
)
# only a determiner or a bound between the verb and the figure: "has published more than 12 reports", never
# "released figures showing 12,400 reports"
_PUBLISHED_BEFORE = re.compile(
    rf"\b(?:{_PUBLISHING})\s+(?:(?:a|an|the|its|their|his|her|some|over|more|than|at|least|about|nearly|almost|"
    rf"around|roughly|another|further|total|of|up|to)\s+)*$",
    re.IGNORECASE,
)
_PUBLISHED_AFTER = re.compile(
    rf"\s+(?:(?:that|which)\s+(?:[\w-]+\s+){{0,3}}?)?(?:(?:has|have|had|was|were|is|are|been|being|be|also|"
    rf"now|so\s+far)\s+)*(?:{_PUBLISHING})\b",
    re.IGNORECASE,
)


def _published(claim: Claim) -> bool:
    """Whether reports a number counts are documents a verb of publishing governs, before ("has published 12
    reports") or after ("12 reports were commissioned", "12 reports written by the panel")."""
    at = claim.sentence.find(claim.text)
    if at < 0 or _REPORTS_OF.match(claim.sentence, at + len(claim.text)):
        return False
    return bool(
        _PUBLISHED_BEFORE.search(claim.sentence, 0, at) or _PUBLISHED_AFTER.match(claim.sentence, at + len(claim.text))
    )


# "reports of problems", "reports of gunfire": reports of what happened, whoever released them
_REPORTS_OF = re.compile(r"\s+of\b", re.IGNORECASE)


# A building's words: "stories" in a sentence with none of them (and not hyphened to its figure, "a 12-story
# block") are a paper's or a writer's stories (review21: "published 12 stories on the fire"), not its floors.
_BUILDING = re.compile(
    r"\b(?:towers?|blocks?|buildings?|skyscrapers?|high-rises?|apartments?|flats?|hotels?|tall|high|floors?|"
    r"structures?|car\s+parks?|offices|condos?|condominiums?)\b",
    re.I,
)


def _news_stories(claim: Claim) -> bool:
    """Bare "stories" (no "storey", no "-story") in a sentence that speaks of no building."""
    return (
        "storey" not in claim.text.lower()
        and "-stor" not in claim.text.lower()
        and _BUILDING.search(claim.sentence) is None
    )


# Events a verb tells and a noun counts: "transferred oil 30 times" / "30 transfers", "was arrested five times" /
# "five arrests", "met three times" / "three meetings". The noun (its plural) for each verb's forms.
_EVENT_VERBS = {
    "transfer": ("transfers", "transferred transferring transfers"),
    "visit": ("visits", "visited visiting visits"),
    "arrest": ("arrests", "arrested arresting"),
    "attack": ("attacks", "attacked attacking"),
    "strike": ("strikes", "struck striking"),
    "raid": ("raids", "raided raiding"),
    "launch": ("launches", "launched launching"),
    "test": ("tests", "tested testing"),
    "meet": ("meetings", "met meeting"),
    "call": ("calls", "called calling"),
    "search": ("searches", "searched searching"),
    "seize": ("seizures", "seized seizing"),
    "ship": ("shipments", "shipped shipping"),
    "deliver": ("deliveries", "delivered delivering"),
    "inspect": ("inspections", "inspected inspecting"),
    "violate": ("violations", "violated violating"),
    "breach": ("breaches", "breached breaching"),
    "fly": ("flights", "flew flown flying"),
    "crash": ("crashes", "crashed crashing"),
    "warn": ("warnings", "warned warning"),
    "erupt": ("eruptions", "erupted erupting"),
    "explode": ("explosions", "exploded exploding"),
    "stop": ("stops", "stopped stopping"),
    "delay": ("delays", "delayed delaying"),
    "postpone": ("postponements", "postponed postponing"),
    # a scorer's goals (variants29): "netted 19 times in the league", "found the net 31 times", "has scored 12 times
    # this season" / "19 league goals" (a game's other scores are counted by their own nouns: tries, runs, points)
    "score": ("goals", "scored scoring net nets netted netting"),
}
_EVENT_NOUN_OF = {form: plural for plural, forms in _EVENT_VERBS.values() for form in forms.split()}
# "times" before a comparative is a ratio ("30 times faster", "three times more"), no occasions.
# Before a possessive too: "scored 19 times its tally", "19 times their usual catch" (review30; "that season" stays
# occasions).
_RATIO_AFTER = re.compile(
    r"\s+(?:more|less|as|the|[a-z]+er\b|over\b|(?:its|their|his|her|our|your|my)\b)", re.IGNORECASE
)
# A goal's net, the only net noun that counts goals (review30): "found the net", "hit the back of the net"; not "net
# worth", "cast the net", "replaced the nets" (the verb, "netted", "Hald nets 19 times", needs none of this).
_GOAL_NET = re.compile(r"\b(?:f[oi]u?nds?|finding|hits?|hitting)\s+the\s+(?:back\s+of\s+the\s+)?nets?$")


_DETERMINERS = frozenset(["the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "that", "these", "those"])


def _verb_after(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` follows a word that no noun follows alone: "Hald nets 19 times" (a verb), not "the
    nets", "the club's net profit" (a determiner, a possessive) nor a first word (its clause may start earlier)."""
    return i > 0 and words[i - 1] not in _DETERMINERS and not words[i - 1].endswith(("'s", "’s"))


def is_ratio_times(claim: Claim) -> bool:
    """Whether an "N times" claim is a multiple ("30 times faster", "19 times their usual sum"), no occasions."""
    at = claim.sentence.find(claim.text)
    return at >= 0 and _RATIO_AFTER.match(claim.sentence, at + len(claim.text)) is not None


def _times_event(claim: Claim) -> str:
    """The event a count of "times" counts, by its verb a few words before it in its clause (``_EVENT_VERBS``;
    no comma, full stop or conjunction between: "transferred oil to the North 30 times"); "" when none is told."""
    if (claim.unit or "").lower() not in ("times", "time") or (at := claim.sentence.find(claim.text)) < 0:
        return ""
    if _RATIO_AFTER.match(claim.sentence, at + len(claim.text)):
        return ""
    before = claim.sentence[max(0, at - 80) : at]
    before = re.split(r"[,;:.!?()]", before)[-1]
    words = re.findall(r"[a-z]+(?:['’]s\b)?", before.lower())[-7:]
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if word.endswith("ing") and i and (words[i - 1] in _DETERMINERS or words[i - 1].endswith(("'s", "’s"))):
            continue  # "the shipping lane", "the airline's flying hours": a noun's modifier, no verb
        if word in ("net", "nets") and not (_GOAL_NET.search(" ".join(words[: i + 1])) or _verb_after(words, i)):
            continue
        if (plural := _EVENT_NOUN_OF.get(word)) is not None:
            return unit_key(plural)
        if word in ("and", "but", "or", "which", "who", "that"):
            break
    return ""


# Verbs that make a count of lives a count of deaths ("claimed 58 lives", "cost 12 lives", "lives were lost").
_LIVES_LOST = re.compile(r"\b(?:claim(?:s|ed|ing)?|lost|los(?:e|es|ing)|cost(?:s|ing)?|t(?:ook|aken|akes|aking))\b", re.I)


_COMPOUND = re.compile(r"[\w.,]+[-\u2010\u2011]([a-z]+)\b", re.IGNORECASE)


def compound_key(claim: Claim) -> str:
    """The counted thing of a hyphenated compound: "a 108-year wait", "the 108-year curse" and "a
    17-minute delay" count years and minutes (what the compound describes is not the counted
    thing), so they meet "108 years" however the outlet goes on. Empty when there is none."""
    ws = (claim.unit or "").split()
    if len(ws) < 2 or not (m := _COMPOUND.search(claim.text)) or m.group(1).lower() != ws[0].lower():
        return ""
    if ws[0].lower() in ("time", "times"):
        return ""  # "a two-time champion", "the four-times winner": the titles, not occasions
    if ws[0].lower() == "strong":
        # "a 12,400-strong workforce", "a 300-strong team", "a 5,000-strong force": the group's members, counted
        # as the group's noun is ("workforce" is the workers', "force" the troops' class); never "strong"
        return unit_key(" ".join(ws[1:2]))
    return unit_key(ws[0])


def _whole_thing(claim: Claim, key: str) -> str:
    if key not in GENERIC_UNITS:
        return key
    role = claim.extra.get("unit_role")
    if isinstance(role, str) and role.strip():
        rk = unit_key(role)
        if rk and rk not in GENERIC_UNITS:
            return rk
    if claim.extra.get("role") == "arrested":
        return key  # "six men were taken into custody" were arrested, as "police arrested six men": not a count held
    text = f" {' '.join(match_words(claim.sentence))} "
    for thing, cues in _ROLE_CUES.items():
        if any(f" {c}" in text for c in cues):
            return thing
    return key


def number_context(claim: Claim, window: int = 8) -> str:
    """Content words near the number: the extractor's ``extra["context"]``, else a window of the sentence."""
    words = claim.extra.get("context")
    ctx = " ".join(str(c) for c in words) if isinstance(words, (list, tuple)) else str(words or "")
    if not ctx:
        at = claim.sentence.find(claim.text)
        if at < 0:
            ctx = claim.sentence
        else:
            before = match_content_words(claim.sentence[:at])[-window:]
            after = match_content_words(claim.sentence[at + len(claim.text) :])[:window]
            ctx = " ".join([*before, *match_content_words(claim.text), *after])
    found = {CONTEXT_SYNONYMS.get(w, w) for w in match_content_words(ctx)}
    if compound_key(claim):  # "a three-hour surgery": the surgery is what the hours are about
        found.update(match_content_words(" ".join((claim.unit or "").split()[1:])))
    measured = claim.extra.get("measured")
    if isinstance(measured, str) and measured:  # "a 1,200-metre bridge": the bridge is what is measured
        found.update(CONTEXT_SYNONYMS.get(w, w) for w in match_content_words(measured))
    thing = thing_key(claim)
    if thing in EVOLVING_THINGS or (unit_key(claim.unit) in GENERIC_UNITS and thing not in GENERIC_UNITS):
        # "1,100 people" in prison: the context is prison; "the toll has risen to 5": of deaths
        found.add(CONTEXT_SYNONYMS.get(thing, thing))
    return " ".join(sorted(found))


# Context words news copy uses interchangeably around a number (stemmed as ``words`` does).
CONTEXT_SYNONYMS = {
    "jail": "prison", "jailed": "prison", "imprison": "prison", "imprisoned": "prison", "prisoner": "prison",
    "cag": "prison", "cage": "prison", "caged": "prison",  # a tabloid's "caged for six years" (variants28)
    "detention": "prison", "detained": "prison", "custody": "prison", "incarcerated": "prison",
    "freed": "free", "release": "free", "released": "free", "releas": "free",
    "kill": "die", "killed": "die", "killing": "die", "dead": "die", "death": "die", "died": "die",
    "injure": "injured", "injuring": "injured", "wound": "injured", "wounded": "injured", "hurt": "injured",
    # out of use: "left unused for five years", "had lain disused for five years", "a derelict mine" (adjectives
    # only: the verb "abandoned" names other acts, "rescuers abandoned the search for five days")
    # an agreement signed (variants29): a tabloid's "penned a five-year deal" / "signed a five-year contract"
    "pen": "sign", "penned": "sign", "inked": "sign", "ink": "sign", "deal": "contract",
    # finding out (variants29): "the breach went undetected for 14 months" / "ran for 14 months before it was
    # spotted", "the fraud went unnoticed for six years" / "... before it was discovered"; the extractor's stems
    # ("undetect", "spot") and whole words. "notice" (its stem) is left: "three months' notice" is no finding out
    **dict.fromkeys(
        ["undetected", "undetect", "unnoticed", "unnotice", "undiscovered", "undiscover", "unspotted", "unspot",
         "detected", "detection", "spotted", "spot", "noticed", "discovered", "discover", "uncovered", "uncover"],
        "detect",
    ),
    "unuse": "unused", "disused": "unused", "disuse": "unused", "derelict": "unused",
    # the verbs of a fall or a rise of a figure ("has lost more than 50 percent of its price" / "its price has
    # fallen by more than 50%"): one direction, one context word
    **dict.fromkeys(
        ["fall", "fell", "fallen", "falling", "drop", "dropped", "dropping", "lose", "lost", "losing", "loss",
         "losse", "decline", "declined", "declining", "slide", "slid", "sliding", "slump", "slumped", "plunge",
         "plunged", "plunging", "tumble", "tumbled", "tumbling", "sink", "sank", "sunk", "shed", "plummet",
         "plummeted", "decrease", "decreased", "decreasing", "cut", "shrink", "shrank", "shrunk"],
        "decrease",
    ),
    **dict.fromkeys(
        ["rise", "rose", "risen", "rising", "gain", "gained", "gaining", "climb", "climbed", "climbing", "jump",
         "jumped", "jumping", "soar", "soared", "soaring", "surge", "surged", "surging", "increase", "increased",
         "increasing", "rally", "rallied", "grow", "grew", "grown", "growing"],
        "growth",
    ),
}  # fmt: skip


# Counted things whose figure legitimately rises while a story unfolds (a death toll): two reports at
# different times that give different counts of them are one fact whose figure was updated.
EVOLVING_THINGS = frozenset(
    ["death", "injured", "missing", "arrest", "arrested", "evacuee", "evacuated", "evacuation", "hospitalised",
     "casualty", "rescued", "displaced"]
)  # fmt: skip
# Roles a story counts once (each a fact, its figure maybe updated): agreeing figures of one of them
# are one fact whatever the words around them.
ROLE_THINGS = EVOLVING_THINGS | {"prisoner", "hostage"}
_RISING = re.compile(r"\b(so far|to date|r[io]se[ns]? to|risen to|climb(?:ed|s)? to|increased to)\b", re.I)


# A length of time of a state still going on when the outlet wrote ("has been held for 20 days", "had spent 18
# days in jail when ...", "the strike has now lasted 12 days"): the perfect of a verb of lasting just before the
# figure. It grows while the story unfolds, as a toll does ("was sentenced to 18 days" is a term: it does not).
_ELAPSED_BEFORE = re.compile(
    r"\b(has|have|had)\s+(?:now\s+|already\s+)?(?:been|spent|lasted|remained|stayed|waited|endured|gone)\b"
    r"(?:\s+[\w’'-]+){0,5}?\s+(?:for\s+)?[\"“‘']?$",  # "had spent “18 days jailed”"
    re.I,
)
# A unit of time in seconds, for how far a running length can have grown between two reports; its units are the
# lengths of time that run (and that an ordinal "since" counts).
UNIT_SECONDS = {"hour": 3600.0, "day": 86400.0, "week": 604800.0, "month": 2629800.0, "year": 31557600.0}
_ELAPSED_THINGS = frozenset(UNIT_SECONDS)


def can_evolve(claim: Claim, thing: str | None = None) -> bool:
    """Whether a number counts something whose figure may be updated over time: a toll of deaths,
    injured, missing, arrested or evacuated, a figure the outlet says rose ("so far", "rose to"), or a length
    of time that is still running ("has been held for 20 days")."""
    thing = thing if thing is not None else thing_key(claim)
    if thing in EVOLVING_THINGS:
        return True
    if _RISING.search(claim.when or "") or _RISING.search(claim.text):
        return True
    return running_length(claim, thing) is not None


# The roles of people a story counts again as it unfolds (``claims.roles.ROLES``): the dead, the injured, the
# missing, those arrested, evacuated, rescued, displaced or taken to hospital.
_EVOLVING_ROLES = frozenset(["deaths", "injured", "hospitalised", "missing", "evacuated", "arrested", "rescued", "displaced"])


def evolving_role(claim: Claim, thing: str | None = None) -> str | None:
    """The role of a count of a specific noun that a verb gives ("killed four miners", "arrested 2 managers",
    "Six miners were rescued"): such a count evolves as the toll told as deaths does, within its noun and role
    (the miners killed and the miners rescued are two counts). None for a count whose noun is its role already
    (deaths, the injured: ``EVOLVING_THINGS``) or that no role verb governs."""
    role = claim.extra.get("role")
    thing = thing if thing is not None else thing_key(claim)
    if not isinstance(role, str) or role not in _EVOLVING_ROLES or thing in EVOLVING_THINGS:
        return None
    return role


def toll_key(claim: Claim) -> str:
    """The counted thing of a toll: the role's thing for a specific noun a role verb counts ("killed four miners":
    death, as "the toll rose to 9" is), else ``thing_key``."""
    role = evolving_role(claim)
    return unit_key(role) if role is not None else thing_key(claim)


def running_length(claim: Claim, thing: str | None = None) -> str | None:
    """For a length of time after the perfect of a verb of lasting (``_ELAPSED_BEFORE``): "has" when it still runs
    as the outlet writes ("has been held for 25 days"), "had" when it ran up to an earlier moment ("had spent 18
    days in jail when ..."); None for any other figure."""
    thing = thing if thing is not None else thing_key(claim)
    if thing not in _ELAPSED_THINGS or (at := claim.sentence.find(claim.text)) <= 0:
        return None
    m = _ELAPSED_BEFORE.search(claim.sentence, max(0, at - 80), at)
    return None if m is None else ("had" if m.group(1).lower() == "had" else "has")




# --- classes of counted things ----------------------------------------------------------------

# Head nouns (as ``unit_key`` gives them) that name the same people when one figure is given for
# them: who was aboard or visiting, who buys or uses, who serves in an army, who works somewhere.
_CLASS_WORDS = {
    "traveller": ("national", "citizen", "tourist", "foreigner", "passenger", "victim", "traveller",
                  "traveler", "visitor", "holidaymaker", "expatriate", "expat", "pilgrim", "occupant",
                  "foreign national", "holiday-maker", "vacationer", "sightseer", "commuter", "guest",
                  "backpacker", "hiker", "trekker", "climber", "mountaineer", "skier", "camper"),
    "consumer": ("customer", "consumer", "user", "subscriber", "client", "shopper", "buyer",
                 "account holder", "accountholder", "household", "patron", "diner", "borrower", "depositor",
                 "policyholder", "viewer", "listener", "reader", "gamer"),
    "military": ("troop", "soldier", "servicemember", "serviceman", "servicemen", "personnel",
                 "marine", "force", "service personnel", "servicewoman", "servicewomen", "paratrooper",
                 "infantryman", "infantrymen", "airman", "airmen", "reservist", "guardsman", "guardsmen",
                 "commando", "peacekeeper", "conscript", "recruit"),
    # ... and the British names of council refuse workers (variants28: "420 binmen" / "420 refuse workers")
    "worker": ("worker", "employee", "staff", "staffer", "workforce", "labourer", "laborer", "miner", "binman",
               "binmen", "dustman", "dustmen"),
    "migrant": ("migrant", "refugee", "seeker", "asylum seeker", "asylumseeker", "immigrant", "emigrant"),
    # who is aboard a ship or a boat as its crew: "40 sailors" / "40 seafarers" / "40 crewmen" ("crew" itself is
    # no class noun: "three of the crew" is a part of the crew, never the crew's own count)
    "crew": ("sailor", "seafarer", "seaman", "seamen", "crewman", "crewmen", "crewmember", "mariner",
             "fisherman", "fishermen"),
    # who watches a game or a show on the spot: "30,000 fans" / "30,000 spectators" / "30,000 concertgoers"
    "audience": ("fan", "spectator", "supporter", "attendee", "concertgoer", "festivalgoer", "goer",
                 "racegoer", "reveller", "reveler", "partygoer", "carnivalgoer"),
    # who studies at a school or a university: "90 pupils" / "90 students" / "90 schoolchildren"
    "student": ("student", "pupil", "schoolchild", "schoolchildren", "schoolboy", "schoolgirl", "learner",
                "undergraduate"),
    # who worships at a church, mosque or temple: "50 worshippers" / "50 congregants" / "50 parishioners"
    "faithful": ("worshipper", "worshiper", "congregant", "parishioner", "churchgoer", "devotee"),
    # who leads a country: "12 world leaders" / "12 heads of state" / "presidents and prime ministers"
    "leader": ("leader", "head of state", "president", "premier", "ruler", "monarch", "king"),
    # the field of a race or a contest (variants30): "212 runners" / "212 entrants" / "212 starters", "180
    # competitors" / "180 participants"; its finishers and athletes too ("41,382 runners" / "41,382 finishers", one
    # figure: all finished), which a precise figure joined before as two nouns of persons. Riders are left out (a
    # bus's riders are its passengers). Its starters and its finishers are two narrower counts (``_KIN_PATHS``)
    "competitor": ("competitor", "runner", "entrant", "participant", "contestant", "racer", "athlete"),
}  # fmt: skip
THING_CLASSES = {w: cls for cls, ws in _CLASS_WORDS.items() for w in ws}
# Things (and children) news copy names by a narrower or a wider noun when it gives one figure for them ("14
# destroyers" / "14 warships" / "14 ships"; "37 homes" / "37 houses" / "37 buildings" / "37 properties"; "23 cars"
# / "23 vehicles"; "48 planes" / "48 aircraft"; "12 children" / "12 kids" / "12 minors" / "12 pupils"): a path of
# classes, the widest first. Two nouns may name the same things when their paths are equal or one holds the
# other ("destroyer" is a "warship" is a "vessel"), never two narrower nouns of one wider ("trucks" are not
# "cars", "destroyers" not "submarines"). Synonyms share a path ("home", "house"). Generic people ("people") are
# never one of these things; they meet the children, who are people, as they meet any class of people.
_KIN_PATHS: dict[str, str] = {
    **dict.fromkeys(("vessel", "ship", "boat"), "vessel"),
    **dict.fromkeys(("warship", "naval vessel", "naval ship"), "vessel/warship"),
    **{w: f"vessel/warship/{w}" for w in ("destroyer", "frigate", "cruiser", "corvette", "battleship", "submarine")},
    **{w: f"vessel/{w}" for w in ("tanker", "freighter", "ferry", "trawler")},
    # small craft are boats ("28 small boats" / "28 dinghies"), never a ship of another kind (variants19)
    **{w: f"vessel/{w}" for w in ("dinghy", "lifeboat", "yacht", "speedboat", "canoe", "raft")},
    "vehicle": "vehicle",
    **dict.fromkeys(("car", "automobile", "suv"), "vehicle/car"),
    **dict.fromkeys(("truck", "lorry"), "vehicle/truck"),
    **{w: f"vehicle/{w}" for w in ("bus", "van", "minibus", "motorcycle", "motorbike")},
    "aircraft": "aircraft",
    **dict.fromkeys(("plane", "airplane", "aeroplane", "airliner", "jetliner", "jet", "flight"), "aircraft/plane"),
    **{w: f"aircraft/{w}" for w in ("helicopter", "drone")},
    "property": "property",
    **dict.fromkeys(("building", "structure"), "property/building"),
    **dict.fromkeys(("home", "house", "dwelling", "residence"), "property/building/home"),
    **dict.fromkeys(("apartment", "flat"), "property/building/home/apartment"),
    # the jobs cut or created are the workers who hold them ("cut 1,200 jobs" / "shed 1,200 staff" / "1,200
    # employees will lose their jobs"), never generic people ("1,200 people" marched)
    **dict.fromkeys(("job", "position", "post", "role"), "worker/job"),
    **dict.fromkeys(("child", "children", "kid", "minor", "youngster", "juvenile"), "child"),
    **{w: f"child/{w}" for w in ("boy", "girl")},
    # the youngest children by any of their names (variants22): "three babies" / "three infants" / "three tots"
    **dict.fromkeys(("baby", "infant", "newborn"), "child/infant"),
    **dict.fromkeys(("toddler", "tot"), "child"),
    # who started a race and who finished it are two counts of its field (review32: "300 starters" / "300
    # finishers" of two races of one day, "more than 2,000 starters" / "2,000 finishers"), each the field's count
    # when all started or all finished ("212 runners" / "212 finishers")
    **{w: f"competitor/{w}" for w in ("starter", "finisher")},
}
# The student class (pupils, schoolchildren) are children too ("eight pupils" / "eight children")
_KIN_OF_CLASS = {"student": "child/student"}
_KIN_PEOPLE = ("child", "competitor")  # the paths of people: generic people meet them as any class of people
# Generic people ("2,500 people") may be any of the classes above when the figure agrees.
PEOPLE_CLASS = "people"
# Demonyms used as counted things ("seven Germans", "three Britons", "two Chinese"): travellers' class.
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ans|ians|ese|is|ons|ish|ch|ss)$")


def thing_class(thing: str, unit: str | None = None) -> str | None:
    """The class of a counted thing (``THING_CLASSES``), ``PEOPLE_CLASS`` for generic people, else None."""
    if thing in GENERIC_UNITS and thing not in ("resident", "civilian"):
        return PEOPLE_CLASS
    if thing in THING_CLASSES:
        return _KIN_OF_CLASS.get(THING_CLASSES[thing], THING_CLASSES[thing])
    if thing in _KIN_PATHS:
        return _KIN_PATHS[thing]
    last = (unit or "").split()[-1:] or [""]
    return "traveller" if _DEMONYM.match(last[0]) else None


# Things that are not counts of something (money, shares, durations): a precise figure of one of
# them never meets another thing's.
_NOT_COUNTS = frozenset(
    ["dollar", "euro", "pound", "yen", "yuan", "rupee", "franc", "rouble", "ruble", "percent", "cent",
     "year", "month", "week", "day", "hour", "minute", "second", "time", "point", *AGE_UNITS]
)  # fmt: skip
# The class of any other counted thing with a precise figure ("11.5 million documents", "11.5 million
# files"), by the kind of its noun (``noun_kind``): in one story, one precise figure counts one thing, however
# outlets name it, within one kind ("1,200 jobs" are not "1,200 protesters"; a noun of no known kind is its own).
COUNT_CLASS = "count"
_MEASURE_UNITS = frozenset(unit for unit, _ in MEASURE_WORDS.values())


def is_score(thing: str) -> bool:
    """A sports score or record, or a vote's tally, as a counted thing ("score 8-7", "record 50-32-1", "vote
    52-48": ``thing_key``): it joins only the same one, whatever the words around it."""
    return thing.startswith(("score ", "record ", "vote "))


def is_ordinal(thing: str) -> bool:
    """An ordinal of a counted thing ("test #6th", "lap #48th": ``thing_key``): it names one item of a
    sequence, as a score names one game, so it joins the same item whatever the words around it."""
    return " #" in thing


# Nouns of a sequence that any story counts (an occasion, a stretch of time, a game or a try of any contest, a
# term of any office): "the third time", "the fifth game", "its 50th anniversary" say which item of a sequence
# but not whose, so two outlets' same ordinal of one of them is one fact only when the words around it agree
# (``is_generic_ordinal``). A specific noun ("nuclear test", "floor", "title", "lap") names the sequence itself.
GENERIC_SEQUENCES = frozenset(
    ["time", "occasion", "day", "night", "week", "month", "year", "season", "anniversary", "birthday", "term",
     "round", "attempt", "try", "game", "match", "race", "win", "victory", "defeat", "loss", "start",
     "appearance", "edition", "meeting", "visit", "trip"]
)  # fmt: skip


def is_generic_ordinal(thing: str) -> bool:
    """An ordinal (``is_ordinal``) of a generic sequence noun (``GENERIC_SEQUENCES``: "time #3rd", "game #5th",
    "anniversary #50th"), which joins another only on shared words, never as a role on the figure alone."""
    noun, found, _ = thing.rpartition(" #")
    return bool(found) and noun.rsplit(" ", 1)[-1] in GENERIC_SEQUENCES


def count_class(thing: str) -> str | None:
    """The count class (``COUNT_CLASS``, then the kind of the noun, or the noun itself when its kind is not
    known: "count:record", "count:person", "count:bill") of a counted thing that is a count of things (not
    money, a share, a duration or a unit of measure), else None."""
    if not thing or thing in _NOT_COUNTS or thing.endswith(PART) or thing in _MEASURE_UNITS:
        return None
    if is_score(thing) or is_ordinal(thing):
        return None  # a sports score or record, an ordinal, is not a count: it joins only the same one
    return f"{COUNT_CLASS}:{noun_kind(thing) or thing}"


def is_count_class(cls: str | None) -> bool:
    """Whether a class is a count class (``count_class``), not a class of people (``thing_class``)."""
    return bool(cls) and cls.startswith(COUNT_CLASS + ":")  # type: ignore[union-attr]


# Roles a story counts apart, by family: the dead are never the injured or the arrested, whatever the
# figure; the injured and those taken to hospital, or the arrested and the detained, may be one count.
_ROLE_FAMILY = {
    "death": "dead", "injured": "hurt", "hospitalised": "hurt", "missing": "missing", "arrest": "held",
    "arrested": "held", "prisoner": "held", "hostage": "held", "evacuee": "evacuated", "evacuated": "evacuated",
    "evacuation": "evacuated",
    # the rescued and the displaced (by floods, quakes, wars): each a count of its own, rising while a story
    # unfolds, never the dead's nor the evacuated's figure
    "rescued": "rescued", "displaced": "displaced",
    # casualties: in news the dead and the wounded together as often as the dead alone (or the wounded, in
    # British usage): a toll of its own, never the deaths' nor the injured's figure
    "casualty": "casualties",
}  # fmt: skip


def role_family(claim: Claim, thing: str) -> str:
    """The family of the role a number counts (its thing, or the role its sentence gives a specific noun:
    "arrested 150 protesters"), "" when it counts none."""
    family = _ROLE_FAMILY.get(thing)
    if family is None and isinstance(role := claim.extra.get("role"), str):
        family = _ROLE_FAMILY.get(unit_key(role))
    return family or ""


def is_measure(thing: str) -> bool:
    """Whether a counted thing is a unit of measure ("lb", "km", "terabyte"... as ``unit_key`` gives them)."""
    return thing in _MEASURE_UNITS or thing in _DATA_UNITS


_DATA_UNITS = frozenset(["byte", "kilobyte", "megabyte", "gigabyte", "terabyte", "petabyte", "gb", "tb", "mb"])


_COUNT_PERSON = f"{COUNT_CLASS}:person"


def classes_agree(a: str | None, b: str | None) -> bool:
    """Two classes of counted things may name the same things: equal, or one is generic people."""
    if a is None or b is None:
        return False
    if a == b:
        return True
    if {a, b} == {PEOPLE_CLASS, _COUNT_PERSON}:
        return True  # generic people and people named by a noun of no class ("12,500 adults" / "12,500 volunteers")
    if is_count_class(a) or is_count_class(b):
        return False
    if PEOPLE_CLASS in (a, b):  # generic people are any people, never a thing ("37 people" / "37 homes")
        other = b if a == PEOPLE_CLASS else a
        return "/" not in other and other not in _KIN_PATHS.values() or other.split("/")[0] in _KIN_PEOPLE
    # a narrower noun and a wider one ("destroyer" / "warship"), never two narrower ones of one wider
    return a.startswith(b + "/") or b.startswith(a + "/")


# --- sub-counts ------------------------------------------------------------------------------

# "12 more", "three other": an increment or a part of another count, hedged or not ("more than 100 additional jets")
_PART_TEXT = re.compile(
    r"\b(?:of|among)\s+(?:the|them|those|these|whom|which)\b"
    r"|^(?:(?:more|fewer|less)\s+than\s+|at\s+least\s+|up\s+to\s+|(?:about|around|nearly|almost|over|some|roughly"
    r"|approximately)\s+)?\S+\s+(?:other|more|further|additional)\b",
    re.I,
)
_PART_BEFORE = re.compile(
    r"\b(?:including|among them|among whom|of whom|of which|of them|of those|of these)\s*(?:at least|about|some|around|nearly|almost)?\s*$",
    re.I,
)
PART = " (part)"


_PART_AFTER = re.compile(
    r"(?:\s+\w+){0,2}?\s+(?:were|are|was|is)\s+among\s+the\b|\s+(?:of|among)\s+(?:them|those|these|whom|which)\b", re.I
)  # "12 of them", "Twelve children were among the 30 dead"


# "all 1,900 of the carrier's pilots", "all six of them": the whole, told with a partitive
_ALL_BEFORE = re.compile(r"\b(?:all|all of)\s*$", re.I)


def is_part(claim: Claim) -> bool:
    """Whether the number counts part of another count: "seven of the dead", "including three", "12 of them"."""
    at = claim.sentence.find(claim.text)
    if at > 0 and _ALL_BEFORE.search(claim.sentence[:at]):
        return False
    if _PART_TEXT.search(claim.text):
        return True
    if at >= 0 and _PART_AFTER.match(claim.sentence, at + len(claim.text)):
        return True
    return at > 0 and bool(_PART_BEFORE.search(claim.sentence[:at]))


def _part_thing(claim: Claim, thing: str) -> str:
    """The thing a sub-count counts: a class noun near it ("seven of the dead were foreign
    nationals" counts nationals), else the whole's thing marked as a part."""
    if thing in THING_CLASSES:
        return thing  # "including 12 heads of state", "among them three tourists": it counts its own class noun
    at = claim.sentence.find(claim.text)
    after = match_content_words(claim.sentence[at + len(claim.text) :])[:8] if at >= 0 else []
    for w in after:
        key = UNIT_SYNONYMS.get(w, w)
        if key in THING_CLASSES:
            return key
    return thing + PART


# --- figures as written ----------------------------------------------------------------------


def stated(v: Interval | None) -> float | None:
    """The figure as the outlet wrote it: the bound of "more than 40" or "as much as 2 billion",
    the roundest of the ends and middle of a range ("about 2,500" is 2,500, "nearly 2 billion" 2
    billion)."""
    if v is None:
        return None
    if v.low and v.high is not None:
        mid = (v.low + v.high) / 2
        return min((mid, v.high, v.low), key=significant_digits)
    return v.low if v.low else v.high


@functools.lru_cache(maxsize=65536)
def significant_digits(x: float) -> int:
    """Significant digits of a figure as written: 2,500 -> 2, 108 -> 3, 3.8 -> 2, 40 -> 1."""
    return len(f"{abs(x):.10f}".rstrip("0").replace(".", "").strip("0"))


def is_wide(v: Interval | None) -> bool:
    """A vague figure ("dozens", "hundreds": the top at least twice the bottom). It agrees with
    too many figures to join them: it is a fact of its own, with other figures as vague."""
    return bool(v and v.low and v.high and v.low > 0 and v.high >= 2 * v.low)


def is_precise(v: Interval | None) -> bool:
    """A figure specific enough to name one fact of a story whatever the words around it: three
    significant digits ("108", "1,110"), two from a hundred up ("2,500"), or a million and more
    ("$48 billion", "3.8 billion"). Round or small figures ("about 100", "five", "15 minutes")
    recur in one story for different things: they need shared context to match."""
    x = stated(v)
    if x is None or x <= 0:
        return False
    digits = significant_digits(x)
    return digits >= 3 or (digits >= 2 and x >= 100) or x >= 1e6


def is_fairly_precise(v: Interval | None) -> bool:
    """Two significant digits below a hundred ("59", "17"): precise within one story when the
    words around two reports share some context (the matcher's context floor)."""
    x = stated(v)
    return x is not None and x > 0 and significant_digits(x) >= 2


def rounds_to(x: float, y: float) -> bool:
    """Whether ``y`` is ``x`` rounded to ``y``'s own significant digits, at least two of them: "5.1
    million" is "5.13 million" rounded, "140,000" is "140,660" rounded, "37,000" is "37,040". One
    figure given precisely and rounded by another outlet is one figure; a one-digit round figure
    ("2,000", "5 million") may round too many figures to say so."""
    if x <= 0 or y <= 0 or x == y:
        return False
    digits = significant_digits(y)
    if digits < 2 or significant_digits(x) <= digits:
        return False
    return _rounds_to_sig(x, y, digits)


def bound_meets(a: Interval, b: Interval) -> bool:
    """Whether a bound or a hedged figure meets a more precise one of the same thing: "more than 11
    million" and "11.5 million" (the precise figure cut to the bound's digits is the bound), "more than a
    million" and "in excess of 1.1 million", "about 90" and "89" (the precise figure rounded to the hedged
    one's digits is it), "nearly 400" and "396" (the same, below the ceiling). Outlets state one figure at
    the precision they choose."""
    for x_iv, y_iv in ((a, b), (b, a)):
        x, y = stated(x_iv), stated(y_iv)
        if not x or not y or x == y or x <= 0 or y <= 0:
            continue
        dx = significant_digits(x)
        if significant_digits(y) <= dx:
            continue
        lower = x_iv.low is not None and x_iv.high is None
        hedged = x_iv.low is not None and x_iv.high is not None and x_iv.low < x < x_iv.high
        if lower and y > x and math.isclose(_trunc_sig(y, dx), x, rel_tol=1e-9):
            return True
        if hedged and _rounds_to_sig(y, x, dx):
            return True
        ceiling = x_iv.low is not None and x_iv.high == x and x_iv.low < x  # "nearly 400", "almost 400"
        if ceiling and y < x and _rounds_to_sig(y, x, dx):
            return True
    return False


def _trunc_sig(x: float, digits: int) -> float:
    scale = 10.0 ** (math.floor(math.log10(abs(x))) - digits + 1)
    return math.floor(x / scale + 1e-9) * scale


def rounds_at(x: float, y: float, digits: int) -> bool:
    """Whether ``y`` is ``x`` rounded to ``digits`` significant digits (``_rounds_to_sig``)."""
    return x > 0 and y > 0 and _rounds_to_sig(x, y, digits)


def _rounds_to_sig(x: float, y: float, digits: int) -> bool:
    """Whether ``y`` is ``x`` rounded to ``digits`` significant digits: within half a unit of the last
    digit, so a figure half-way between two ("12.5%") rounds either way ("12%", "13%"), as newsrooms
    round half up where Python's ``round`` rounds half to even (and 48.25 is 48.2499... in binary)."""
    scale = 10.0 ** (math.floor(math.log10(abs(x))) - digits + 1)
    on_grid = abs(y / scale - round(y / scale)) < 1e-6  # "9.9" is not 10.2 rounded to two digits
    return on_grid and abs(x - y) <= scale * (0.5 + 1e-9)


def rounded_pairs(a: Any, b: Any, da: Any, db: Any) -> Any:
    """``rounds_to`` either way on arrays: figures ``a`` (a column, ``da`` their significant digits)
    against figures ``b`` (a row, digits ``db``)."""
    a = np.asarray(a, dtype=np.float64)[:, None]
    b = np.asarray(b, dtype=np.float64)[None, :]
    da, db = np.asarray(da)[:, None], np.asarray(db)[None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        a_to_b = (db >= 2) & (da > db) & _rounds_to_sig_arr(a, b, db)
        b_to_a = (da >= 2) & (db > da) & _rounds_to_sig_arr(b, a, da)
    return (a > 0) & (b > 0) & (a_to_b | b_to_a)


def sig_digits(figures: Any) -> Any:
    """``significant_digits`` of each figure (0 for none), as an array."""
    return np.array([significant_digits(float(v)) if v > 0 else 0 for v in figures], dtype=np.int64)


def _rounds_to_sig_arr(x: Any, y: Any, digits: Any) -> Any:
    """``_rounds_to_sig`` on arrays."""
    safe = np.where(x > 0, x, 1.0)
    scale = 10.0 ** (np.floor(np.log10(safe)) - digits + 1)
    k = y / scale  # y in units of x's last digit: a whole number, within half of x's
    return (np.abs(k - np.round(k)) < 1e-6) & (np.abs(safe / scale - k) <= 0.5 + 1e-9)


def _age_name(claim: Claim) -> str:
    return " ".join(str(claim.extra.get("age_name") or "").lower().split())


def ages_apart(a: Claim, b: Claim) -> bool:
    """Whether two ages of people are said of two persons by their own words: a man's and a woman's ("an
    18-year-old man" / "an 18-year-old woman"), two roles ("the driver" / "the passenger"; ``holder_role``), one
    harmed and one charged by its sentence ("was stabbed" / "was arrested"; ``side_of``), or two named persons, neither name within the other's ("18-year-old
    Jo Reyes" / "18-year-old Sam Ortiz"). An age said of no one in particular ("the 18-year-old") agrees with any."""
    ha, hb = str(a.extra.get("age_of") or ""), str(b.extra.get("age_of") or "")
    sa, sb = sex_of(ha), sex_of(hb)
    if sa and sb and sa != sb:
        return True
    ra, rb = holder_role(ha), holder_role(hb)
    if ra and rb and ra != rb:
        return True  # two roles: the driver and the passenger, the suspect and the victim
    xa, xb = side_of(a.sentence), side_of(b.sentence)
    if xa and xb and xa != xb:
        return True  # "a 45-year-old man was stabbed" / "a 45-year-old man was arrested": two persons
    na, nb = set(_age_name(a).split()), set(_age_name(b).split())
    return bool(na and nb) and not (na <= nb or nb <= na)


def age_mark(claim: Claim, thing: str) -> tuple[str, str] | None:
    """What tells the holder of an age apart (the sex of its noun, the name), None for any other thing: claims of
    one figure and one context are grouped as one before ``ages_apart`` sees a link, and two sentences that give a
    man's and a woman's age, swapped ("a 70-year-old man and a 68-year-old woman" / "a 70-year-old woman and a
    68-year-old man"), have the same words (review17)."""
    if not is_age_unit(thing):
        return None
    return sex_of(str(claim.extra.get("age_of") or "")), _age_name(claim)


def same_aged_person(a: Claim, b: Claim) -> bool:
    """Whether two ages are said of one named person ("Jo Reyes, 18," is no claim; "18-year-old Jo Reyes" /
    "Jo Reyes is 19 years old"): the only two ages that may be shown as a conflict or an update. Two suspects of
    18 and 19, or an age told of "the man" by one outlet and of "the driver" by another, are two facts."""
    na, nb = set(_age_name(a).split()), set(_age_name(b).split())
    # one word alone (a surname) is sure only against the same word alone: a family shares it ("18-year-old Jake
    # Moss and his brother Liam, 20" / "the 20-year-old Moss": Liam, never Jake's age told wrong; review17)
    one_word = min(len(na), len(nb)) < 2 and na != nb  # noqa: PLR2004
    return bool(na and nb) and (na <= nb or nb <= na) and not one_word and not ages_apart(a, b)

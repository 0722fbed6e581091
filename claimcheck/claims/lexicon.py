"""Word lists shared by the claim extractors (their stemmer and stopwords: ``claimcheck.text``, ``claim_*``)."""

from __future__ import annotations

import re

MONTH_NAMES = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
]
MONTHS = [*MONTH_NAMES, "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# The names of days and months in full, in lower case: words a sentence capitalises that name no person or place
# and tell no event from another ("Jan" is left out: also a name)
CALENDAR_WORDS = frozenset(w.lower() for w in (*WEEKDAYS, *MONTH_NAMES))
MONTH_RE = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
WEEKDAY_RE = r"(?:" + "|".join(WEEKDAYS) + r")"
# The capital and small letters of names in Latin, Greek and Cyrillic script, as character-class bodies: a name
# such as "Özil", "Łukasz Nowak", "Ángel Muñoz" or "Šefčovič" is no less a name than "Ozil" (``[A-Z]`` alone
# dropped the first as a speaker and cut the others to their ASCII part). Ranges, so that the ~40 patterns built
# on them compile as fast as with ``[A-Z]`` (one character each cost ~50 ms of import); Latin Extended-A/B and
# Extended Additional alternate capital and small letters, so both are in either class there (a word opening with
# such a small letter is next to unknown in English copy).
CAPITAL = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f\u0386-\u03ab\u0400-\u042f\u1e00-\u1eff"
SMALL = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u024f\u03ac-\u03ce\u0430-\u045f\u1e00-\u1eff"
# Verbs that credit words to a speaker ("she said", "he added dryly", "Smith told reporters").
SPEECH_RE = (
    r"(?:said|says|say|told|tells|added|adds|declared|declares|wrote|writes|tweeted|asked|asks|insisted|insists|"
    r"stated|explained|noted|warned|warns|argued|argues|recalled|replied|continued|posted|announced|claimed|"
    r"claims|commented|acknowledged|conceded|shouted|urged|vowed|testified|remarked|admitted|predicted|"
    r"complained|concluded|cautioned|emphasized|emphasised|stressed|pointed\s+out|went\s+on|recounted|"
    r"announced|responded|countered|wrote|tweeted|agreed|revealed|confirmed|shared|notes|explains|exclaimed|"
    r"exclaims|quipped|quips|joked|jokes|mused|muses|recalls|reported|yelled|screamed|whispered|pleaded|boasted|"
    r"lamented|marvelled|marveled|reflected|reports|remembers|remembered|chanted|blasted|captioned)"
)

# Plural nouns commonly counted in news; used to infer the counted thing when the number stands alone.
COUNT_NOUNS = frozenset(
    [
        "prisoners", "detainees", "inmates", "hostages", "captives", "people", "persons", "deaths", "dead",
        "victims", "casualties", "fatalities", "injured", "wounded", "injuries", "survivors", "bodies",
        "lives", "missing", "displaced", "homeless", "votes", "ballots", "seats", "jobs", "employees",
        "workers", "staff", "shares", "cases", "infections", "troops", "soldiers", "civilians", "children",
        "adults", "women", "men", "migrants", "refugees", "asylum-seekers", "homes", "houses", "buildings",
        "students", "teachers", "patients", "protesters", "demonstrators", "activists", "journalists",
        "members", "voters", "residents", "passengers", "arrests", "families", "households", "customers",
        "users", "subscribers", "units", "vehicles", "cars", "flights", "aftershocks", "delegates",
        "districts", "constituencies", "candidates", "tonnes", "tons", "barrels",
    ]
)



_LONG_WORD = re.compile(r"[A-Za-z][\w\u2019']*")


def is_title_case(text: str) -> bool:
    """A headline in title case: most of its words of four letters or more (at least three) are capitalised."""
    words = [w for w in _LONG_WORD.findall(text) if len(w) >= 4]  # noqa: PLR2004
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)  # noqa: PLR2004


def _words(text: str) -> set[str]:
    return set(text.split())


def _verb_forms(bases: str, *, base: bool = True) -> set[str]:
    """The -s, -ed and -ing forms of the regular verbs ``bases`` (and the base forms themselves when ``base``)."""
    out = set()
    for v in bases.split():
        if v.endswith("y") and v[-2:-1] not in "aeiou":
            third, past = v[:-1] + "ies", v[:-1] + "ied"
        else:
            third = v + "es" if v.endswith(("s", "sh", "ch", "x", "z")) else v + "s"
            past = v + "d" if v.endswith("e") else v + "ed"
        ing = v[:-1] + "ing" if v.endswith("e") and not v.endswith("ee") else v + "ing"
        out |= {third, past, ing} | ({v} if base else set())
    return out


# Verbs a headline puts right before a figure ("Storm Kills 12 People", "Quake Leaves 40 Dead", "Firm Cuts 300
# Jobs", "Bus Plunges Into Gorge, Killing 23"), for the headline in title case, where a capitalised word before a number is otherwise read as a name's
# ("Apollo 11", "Windows 11"). The base form only of verbs that name no product or series: "Fire 7", "Order 66",
# "Top 10", "Release 5" are names, while "Fires", "Ordered", "Tops" are verbs all the same.
HEADLINE_VERBS = frozenset(
    _verb_forms(
        "kill injure wound claim reach exceed surpass add hire arrest detain evacuate rescue jail attract "
        "confirm displace destroy damage sicken infect deploy expel deport approve offer owe boost slash axe earn "
        "receive award employ carry evict strand fine"
    )
    | _verb_forms(
        "fire record report total order release save score sign free lift face serve post open close name elect "
        "host house flood burn export import produce count welcome tally near climb",
        base=False,
    )
    | _words(
        "leave leaves left rise rises rose fall falls fell win wins won lose loses lost sell sells sold buy buys "
        "bought cut cuts raise raises raised pay pays paid shed sheds shut shuts get gets got take takes took make "
        "makes made give gives gave see sees saw has had hold holds held send sends sent seek seeks sought strikes "
        "struck hits draws drew builds built feeds fed sinks sank flies flew nets netted bags bagged grabs grabbed "
        "plans planned logs logged bans banned tops topped ships shipped drop drops dropped trap traps trapped hurt hurts leaving rising falling winning losing selling cutting raising paying shedding "
        "getting taking making giving seeing holding sending seeking striking hitting building sinking dropping hurting say says said tell tells told warn warns warned"
    )
)

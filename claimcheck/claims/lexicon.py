"""Word lists shared by the claim extractors (their stemmer and stopwords: ``claimcheck.text``, ``claim_*``)."""

from __future__ import annotations

MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
    "Dec",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTH_RE = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
WEEKDAY_RE = r"(?:" + "|".join(WEEKDAYS) + r")"
# The capital and small letters of names in Latin, Greek and Cyrillic script, as character-class bodies: a name
# such as "Özil", "Łukasz Nowak", "Ángel Muñoz" or "Šefčovič" is no less a name than "Ozil" (``[A-Z]`` alone
# dropped the first as a speaker and cut the others to their ASCII part).
_LETTERS = [*map(chr, range(0xC0, 0x530)), *map(chr, range(0x1E00, 0x1F00))]
CAPITAL = "A-Z" + "".join(c for c in _LETTERS if c.isupper())
SMALL = "a-z" + "".join(c for c in _LETTERS if c.islower())
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


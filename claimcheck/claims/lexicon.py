"""Word lists and the small stemmer shared by the claim extractors."""

from __future__ import annotations

import re
from functools import lru_cache

MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
    "Dec",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTH_RE = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
WEEKDAY_RE = r"(?:" + "|".join(WEEKDAYS) + r")"

STOPWORDS = frozenset(
    [
        "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "for", "of", "to", "in", "on", "at",
        "by", "from", "with", "without", "into", "onto", "over", "under", "about", "above", "below",
        "after", "before", "since", "until", "during", "through", "between", "among", "against", "across",
        "around", "along", "toward", "towards", "upon", "via", "per", "than", "as", "that", "this",
        "these", "those", "there", "here", "which", "who", "whom", "whose", "what", "when", "where", "why",
        "how", "whether", "if", "then", "than", "is", "are", "was", "were", "be", "been", "being", "am",
        "has", "have", "had", "having", "do", "does", "did", "done", "will", "would", "shall", "should",
        "can", "could", "may", "might", "must", "ought", "not", "no", "nor", "it", "its", "it's", "he",
        "she", "they", "we", "i", "you", "him", "her", "them", "us", "me", "my", "our", "your", "their",
        "his", "hers", "theirs", "ours", "mine", "also", "just", "only", "even", "still", "very", "more",
        "most", "less", "least", "much", "many", "some", "any", "all", "each", "every", "both", "either",
        "neither", "other", "another", "such", "own", "same", "too", "again", "further", "once", "said",
        "says", "say", "saying", "told", "tells", "tell", "according", "while", "because", "although",
        "though", "however", "meanwhile", "including", "included", "include", "includes", "like", "unlike",
        "up", "down", "out", "off", "away", "back", "now", "then", "today", "yesterday", "tomorrow",
        "last", "next", "ago", "earlier", "later", "year", "years", "month", "months", "week", "weeks",
        "day", "days", "time", "times", "one", "ones", "new", "total", "number", "mr", "mrs", "ms", "dr",
        "s", "t", "don", "didn", "doesn", "isn", "aren", "wasn", "weren", "won't", "can't",
    ]
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

IRREGULAR = {
    "freed": "free", "frees": "free", "freeing": "free", "rose": "rise", "risen": "rise", "fell": "fall",
    "fallen": "fall", "won": "win", "held": "hold", "sentenced": "sentence", "died": "die", "dies": "die",
    "dying": "die", "killed": "kill", "paid": "pay", "sold": "sell", "made": "make", "told": "tell",
    "said": "say", "brought": "bring", "hit": "hit", "struck": "strike", "left": "leave", "met": "meet",
    "began": "begin", "begun": "begin", "grew": "grow", "grown": "grow", "lost": "lose",
    "people": "people", "children": "child", "men": "man", "women": "woman", "news": "news",
    "lives": "life", "police": "police", "taken": "take", "took": "take", "gave": "give", "given": "give",
    "found": "find", "led": "lead",
}
_E_ENDINGS = re.compile(
    r"(?:[aeiou][sczv]|at|iz|ur|[^aeioun]g|dg|[aeiou]r[sg]|ri[sv]|ct?ic|ctiv|ut|tl|bl|pl)$"
)
_DOUBLE = re.compile(r"([bdfgklmnprt])\1$")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A small, consistent lemma-ish form: "released" -> "release", "prisoners" -> "prisoner"."""
    w = word.lower().strip("'’")
    if w in IRREGULAR:
        return IRREGULAR[w]
    if len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ied"):
        return w[:-3] + "y"
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            base = w[: -len(suffix)]
            if _DOUBLE.search(base) and not base.endswith(("ll", "ss")):
                return base[:-1]
            return base + "e" if _E_ENDINGS.search(base) else base
    if w.endswith(("sses", "ches", "shes", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is", "ous")):
        return w[:-1]
    return w


def content_words(text: str) -> list[str]:
    """Lower-case stems of the content words in ``text``, in order (stopwords and digits left out)."""
    return [stem(w) for w in WORD.findall(text) if w.lower() not in STOPWORDS and not w[0].isdigit()]


WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*")

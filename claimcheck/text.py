"""The words of claimcheck's text: two vocabularies, each named for its job (ARCHITECTURE.md).

Both are here so that a reader finds every stopword list and stemmer in one place. They are not one:
unifying them changes which claims are found and which are matched (the claims floors and the facts
evaluation move), so each keeps the behaviour it was tuned with.

- ``claim_*`` (used by ``claims/``): a lemma-ish stem ("released" -> "release", irregular verbs and
  plurals) over ``CLAIM_WORD`` tokens, with a wide stopword list; it names what a statement is about
  and the counted thing of a number.
- ``match_*`` (used by ``match/``): lower-case tokens in one spelling (British -> American) with a
  crude plural stem, and a short stopword list; two claims' words are compared with it, fuzzily.
"""

from __future__ import annotations

import functools
import re
from functools import lru_cache

__all__ = [
    "CLAIM_STOPWORDS", "CLAIM_WORD", "MATCH_STOPWORDS", "MATCH_WORD", "claim_content_words", "claim_stem",
    "match_content_words", "match_stem", "match_words", "one_spelling",
]  # fmt: skip

# --- claims/: what a claim is about ---------------------------------------------------------------

CLAIM_STOPWORDS = frozenset(
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

CLAIM_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*")


_IRREGULAR = {
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
def claim_stem(word: str) -> str:
    """A small, consistent lemma-ish form: "released" -> "release", "prisoners" -> "prisoner"."""
    w = word.lower().strip("'’")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
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


def claim_content_words(text: str) -> list[str]:
    """Lower-case stems of the content words in ``text``, in order (stopwords and digits left out)."""
    return [claim_stem(w) for w in CLAIM_WORD.findall(text) if w.lower() not in CLAIM_STOPWORDS and not w[0].isdigit()]


# --- match/: comparing two claims' words ----------------------------------------------------------

MATCH_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_MATCH_STOP_TEXT = """
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having
he her here hers herself him himself his how i if in into is it its itself just me more most my myself no
nor not now of off on once only or other our ours out over own same she should so some such than that the
their theirs them themselves then there these they this those through to too under until up very was we
were what when where which while who whom why will with would you your said says say told according s t
new one two
"""
MATCH_STOPWORDS = frozenset(_MATCH_STOP_TEXT.split())
def match_words(text: str) -> list[str]:
    """Lower-cased word tokens in one spelling (``one_spelling``) with a crude plural stem, so
    "prisoners" meets "prisoner" and "travelling" meets "traveling"."""
    return [_token(w) for w in MATCH_WORD.findall(text.lower())]


@functools.lru_cache(maxsize=262144)
def _token(w: str) -> str:
    """One lower-case word as the matcher compares it: one spelling, then stemmed (words recur
    across claims, so each is worked out once)."""
    return match_stem(_BRITISH_WORDS.get(w) or _SPELLING.sub(_american, w))


# British and American spellings of one word, written one way (the American) for matching only:
# travelled/traveled, colour/color, organise/organize, centre/center, catalogue/catalog,
# analyse/analyze, defence/defense. The mapping is applied to both sides of every comparison, so
# a word it changes needlessly ("promise" -> "promize") still meets itself; forms are never shown.
_SPELLING = re.compile(
    r"\b(?P<ll>[a-z]{2,}[aeu])ll(?P<lle>ed|ing|er|ers)\b"
    r"|\b(?P<our>[a-z]{2,}[^aeo\W])our(?P<oure>s|ed|ing|ite|ites|able|er|ers)?\b"
    r"|\b(?P<ise>[a-z]{3,})is(?P<isee>e|ed|es|ing|ation|ations)\b"
    r"|\b(?P<yse>[a-z]{3,})ys(?P<ysee>e|ed|es|ing)\b"
    r"|\b(?P<re>[a-z]{2,}[^aeiou\W])re(?P<ree>s|d)?\b"
    r"|\b(?P<ogue>[a-z]{3,})ogue(?P<oguee>s)?\b"
    r"|\b(?P<ence>[a-z]{2,}[fc])ence(?P<encee>s)?\b"
)
_BRITISH_WORDS = {"grey": "gray", "programme": "program", "programmes": "programs", "tyre": "tire",
                  "tyres": "tires", "cheque": "check", "cheques": "checks", "aluminium": "aluminum",
                  "mum": "mom", "plough": "plow", "sceptical": "skeptical", "manoeuvre": "maneuver",
                  "whilst": "while", "amongst": "among", "learnt": "learned", "spelt": "spelled"}  # fmt: skip
_BRITISH = re.compile(r"\b(?:" + "|".join(_BRITISH_WORDS) + r")\b")


def _american(m: re.Match[str]) -> str:
    g = m.groupdict()
    if g["ll"]:
        return g["ll"] + "l" + g["lle"]
    if g["our"]:
        return g["our"] + "or" + (g["oure"] or "")
    if g["ise"]:
        return g["ise"] + "iz" + g["isee"]
    if g["yse"]:
        return g["yse"] + "yz" + g["ysee"]
    if g["re"]:
        return g["re"] + "er" + (g["ree"] or "")
    if g["ogue"]:
        return g["ogue"] + "og" + (g["oguee"] or "")
    return g["ence"] + "ense" + (g["encee"] or "")


def one_spelling(text: str) -> str:
    """Lower-case text with British spellings written the American way (for matching only)."""
    text = _SPELLING.sub(_american, text)
    return _BRITISH.sub(lambda m: _BRITISH_WORDS[m.group(0)], text)


def match_content_words(text: str) -> list[str]:
    return [w for w in match_words(text) if w not in MATCH_STOPWORDS and len(w) > 1]


# Nouns whose singular ends in "-ie": their plural "-ies" is no "-y" word ("movies" was "movy", which no "movie"
# met; variants18). General English, not one story's words.
IE_NOUNS = frozenset(
    ["movie", "cookie", "rookie", "calorie", "zombie", "selfie", "brownie", "hippie", "goalie", "sortie", "prairie",
     "genie", "auntie", "budgie", "hoodie", "smoothie", "collie", "pixie", "bookie", "roadie", "foodie", "newbie",
     "yuppie", "junkie", "groupie", "talkie", "walkie", "freebie", "birdie", "bogie", "veggie", "techie"]
)  # fmt: skip


def match_stem(w: str) -> str:
    w = w.replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-1] if w[:-1] in IE_NOUNS else w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w

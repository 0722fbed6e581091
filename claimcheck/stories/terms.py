"""Text to terms: tokens -> stems, figures ("#527") and names; stop words, other languages' function words."""

from __future__ import annotations

import re
from collections import Counter

import claimcheck.stories.synonyms as synonyms
from claimcheck.claims.language import function_words
from claimcheck.text import _BRITISH_WORDS, _SPELLING, _american

# English function words and the words every news article uses (general knowledge, not one story's).
_STOP_TEXT = """a about above after again against all almost also although always am among an and another any
    anyone anything are aren around as at back be became because become been before being below between
    both but by came can cannot could couldn did didn do does doesn doing don done down during each
    either else enough even ever every few for from further get gets getting go goes going gone got had
    hadn has hasn have haven having he her here hers herself him himself his how however i if in into is
    isn it its itself just last least less let like made make makes many may me might more most much must
    my myself near never new next no nor not now of off often on once one only or other others our ours
    ourselves out over own per put quite rather really said same say says saying see seen shall she
    should shouldn since so some something still such take than that the their theirs them themselves
    then there these they thing things this those though through thus to too took toward under until up
    upon us use used very was wasn way we well went were weren what when where whether which while who
    whom whose why will with within without won would wouldn yet you your yours yourself yourselves
    according added adding announced asked called comment comments continue continued day days
    did early earlier edition editor email week weeks month months year years time times today tomorrow
    yesterday told tell tells report reported reports reporting reporter reporters statement statements
    news update updated latest live read click image images photo photos video videos getty afp reuters
    ap copyright rights reserved share shares subscribe newsletter follow story
    stories article articles source sources including include includes monday tuesday wednesday
    thursday friday saturday sunday mr mrs ms dr percent per cent two three four five six seven eight
    nine ten first second third think know known want wanted going say"""
STOPWORDS = frozenset(_STOP_TEXT.split())

_SEP = "\n\x01\n"  # between two articles' texts when they are split in one pass


# Dashes that join two words without spaces ("Pakistan and Afghanistan—again", "AI—and May Now Win", as American
# copy sets them): made spaces before the split, so that each side is its own word, not one term "afghanistan—again".
# Only the em dash and the horizontal bar: an en dash joins figures ("2019–20", "3–1") that are one term.
def split_words(text: str) -> list[str]:
    """``text``'s tokens: str.split (several times a word regex's speed), a dash between words a space."""
    return text.replace("\u2014", " ").replace("\u2015", " ").split()


# Punctuation around a word (str.split leaves it on): quotes, brackets, sentence marks, currency signs.
_AROUND = "\"'“”‘’«»„()[]{}<>,.;:!?…*|/\\—–-$£€¥%#@+=~^&_`"


# The endings claimcheck.text's British spellings have (its _SPELLING and _BRITISH_WORDS): most words end
# otherwise (a word joined by a hyphen is read whole: "centre-right"), and a tuple of endings is checked
# several times faster than the regex runs.
_BRITISH_ENDINGS = (
    *("lled", "lling", "ller", "llers", "ise", "ised", "ises", "ising", "isation", "isations"),
    *("yse", "ysed", "yses", "ysing", "re", "res", "red", "ogue", "ogues", "ence", "ences"),
    *("our", "ours", "oured", "ouring", "ourite", "ourites", "ourable", "ourer", "ourers"),
    *("grey", "mme", "mmes", "que", "ques", "ium", "mum", "ough", "ical", "uvre", "ilst", "ngst", "rnt", "elt"),
)


def _stem(word: str) -> str:
    """Lower-cased, possessive dropped, British spellings written the American way ("defence" -> "defense",
    "organised" -> "organized", "centre" -> "center": two outlets' words for one thing, as the matcher reads
    them, claimcheck.text), plural folded (a light rule: news words, not a full stemmer)."""
    w = word.lower().replace("’", "'").replace(".", "")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    if w.endswith(_BRITISH_ENDINGS) or "-" in w:
        w = _BRITISH_WORDS.get(w) or _SPELLING.sub(_american, w)
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("sses", "shes", "ches", "xes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def precise_figure(term: str) -> bool:
    """A figure term that names one fact: three significant digits or more ("#527", "#11.5", "#1234"),
    not a year ("#2017") nor a round number ("#6000", "#1.5"). Two articles giving the same precise figure
    report the same fact, however far apart in time."""
    if not term.startswith("#"):
        return False
    head = term[1:].split("-")[0]
    whole, _, frac = head.partition(".")
    if not whole.isdigit() or (frac and not frac.isdigit()):
        return False
    if not frac and len(whole) == 4 and whole[:2] in ("19", "20"):
        return False
    return len((whole + frac).strip("0")) >= 3


def score_figure(term: str) -> bool:
    """A figure term that reads as a score or a tally ("#3-1", "#2-0", "#5-4", "#112-104"): two numbers of
    at most three digits joined by a hyphen, not a range of years ("#2017-18"). Two reports of matches a
    season apart give their own; a report of the same match gives the same."""
    left, dash, right = term[1:].partition("-")
    return (
        term.startswith("#")
        and bool(dash)
        and left.isdigit()
        and right.isdigit()
        and len(left) <= 3
        and len(right) <= 3
    )


# The longest spelling a topic word may have: a longer token (thousands of characters of junk, or a sentence
# of a script written without spaces) would be the whole suggested topic, and `compare TOPIC` finds nothing.
TOPIC_WORD_CHARS = 40
# In a script written without spaces (Chinese, Japanese, Thai) a token is a phrase or a sentence past a few
# characters (their words are mostly one to four): such a token is no topic word past this many.
UNSPACED_WORD_CHARS = 8
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _too_long(token: str) -> bool:
    return len(token) > TOPIC_WORD_CHARS or (len(token) > UNSPACED_WORD_CHARS and _UNSPACED.search(token) is not None)


# The words of claimcheck.stories.synonyms as stems, mapped to their one term: event words and counts written
# as words (any case) in one table, demonyms (capitalised only) in another.
_SAME = {_stem(w): _stem(e) for w, e in synonyms.EVENT_WORDS.items()} | {
    _stem(w): "#" + n for w, n in synonyms.NUMBER_WORDS.items()
}
_DEMONYMS = {_stem(w): _stem(c) for w, c in synonyms.DEMONYMS.items()}


def _figure(digits: str) -> str:
    """A figure token without its thousands commas and its scale suffix ("11m", "2.5bn", "40k": the figure
    "11 million" gives as "11"; only when what is left is a number)."""
    digits = digits.replace(",", "").rstrip(".")
    if digits[-1:].isalpha():
        for suffix in synonyms.SCALE_SUFFIXES:
            if digits.endswith(suffix) and digits[: -len(suffix)].replace(".", "", 1).isdigit():
                return digits[: -len(suffix)]
    return digits


def term_of(token: str, countries: bool = False) -> str | None:
    """The term a token counts as: a stem, a figure ("1,200" -> "#1200", "$11m" -> "#11", "twelve" ->
    "#12"), or None (stop word, digit). An event word is its event noun's term ("quake" -> "earthquake"),
    and with ``countries`` a demonym written capitalised its country's ("Iranian" -> "iran";
    StoryOptions.demonyms): claimcheck.stories.synonyms."""
    if token[0].isdigit():
        digits = _figure(token)
        return "#" + digits if len(digits.split(".")[0]) >= 2 else None
    term = _stem(token)
    term = _SAME.get(term, term)
    if countries and token[0].isupper():
        term = _DEMONYMS.get(term, term)
    return term if len(term) > 1 and term not in STOPWORDS else None


# The function words of the other languages claims.language profiles (German, French, Spanish...), as terms,
# but those that are also English words ("war", "man", "die", "come"). Only in an article written in one of
# those languages are they dropped (StoryOptions.foreign): in English copy the same spellings are names
# ("Las Vegas", "Le Pen", "van Gogh").
_ENGLISH_TEXT = "war man men die son come door era pour plus hat con den ma sin tot med ale co da sa ne"
_ENGLISH_TOO = frozenset(_ENGLISH_TEXT.split())
_FOREIGN = frozenset(t for w in function_words(but="en") if (t := term_of(w)) is not None) - _ENGLISH_TOO


# The shape of a token, read with its term (:class:`_Terms`): capitalised (its first letter past opening quotes
# and brackets), and whether it ends a sentence ("said.", "vote?", "Lisbon:”"; the article separator too).
CAPITAL, ENDS = 1, 2
_OPENING = "\"'“‘«„([{<*-—–"
_CLOSING = "\"'”’»)]}>*"
_OPENS, _CLOSES, _ENDINGS = frozenset(_OPENING), frozenset(_CLOSING), frozenset(".!?:…\x01")


def shape_of(token: str) -> int:
    first, last = token[:1], token[-1:]
    if first in _OPENS:
        first = token.lstrip(_OPENING)[:1]
    if last in _CLOSES:
        last = token.rstrip(_CLOSING)[-1:]
    return (CAPITAL if first.isupper() else 0) + (ENDS if last in _ENDINGS else 0)


class _Terms(dict[str, int]):
    """Token -> its code: its term id (-1: not a term, -2: the article separator) x 4 + its shape
    (:func:`shape_of`), so that one lookup per token gives both (``code >> 2``, ``code & 3``); builds the
    vocabulary as it goes."""

    def __missing__(self, token: str) -> int:
        # a token seen before is a plain dict lookup: map(terms.__getitem__, tokens) stays in C for it
        code = self[token] = 4 * self._new(token) + shape_of(token)
        return code

    def __init__(self, countries: bool = False) -> None:
        super().__init__()
        self.countries = countries  # a demonym is its country's term (term_of)
        self.ids: dict[str, int] = {}
        self.vocab: list[str] = []
        self.forms: list[Counter[str]] = []
        self.figures: list[int] = []  # ids of the precise figures (:func:`precise_figure`)
        self.scores: list[int] = []  # ids of the scores and tallies (:func:`score_figure`)
        self.foreign: list[int] = []  # ids of other languages' function words (_FOREIGN)
        self.spellings: list[int] = []  # per term id: its distinct spellings (tokens) ...
        self.capitals: list[int] = []  # ... and how many of them are capitalised ("Munich", "Munich's")
        self.best: dict[int, str] = {}  # term id -> its form, once asked for (:meth:`form`)
        self.too_long: list[int] = []  # ids of terms with a spelling too long for a topic word (_too_long)

    def form(self, tid: int) -> str:
        """The spelling of term ``tid`` with the most distinct tokens (the first met on ties)."""
        got = self.best.get(tid)
        if got is None:
            got = self.best[tid] = self.forms[tid].most_common(1)[0][0]
        return got

    def _new(self, token: str) -> int:
        if token == "\x01":
            return -2
        token = token.strip(_AROUND)
        term = term_of(token, self.countries) if token else None
        if term is None:
            tid = -1
        else:
            tid = self.ids.get(term, -1)
            if tid < 0:
                tid = self.ids[term] = len(self.vocab)
                self.vocab.append(term)
                if term[0] == "#" and precise_figure(term):
                    self.figures.append(tid)
                elif term[0] == "#" and score_figure(term):
                    self.scores.append(tid)
                elif term in _FOREIGN:
                    self.foreign.append(tid)
                self.forms.append(Counter())
                self.spellings.append(0)
                self.capitals.append(0)
            self.forms[tid][token] += 1
            if _too_long(token):
                self.too_long.append(tid)
            self.spellings[tid] += 1
            self.capitals[tid] += token[0].isupper()
        return tid

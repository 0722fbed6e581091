"""Split article text into sentences, keeping character offsets into the original text.

Our own splitter rather than pysbd/syntok: it is linear (one regex scan per paragraph), keeps exact
offsets, and knows news-specific cases (datelines, ``U.S.``, ``Dec.``, quotes that span sentences).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# Abbreviations that end in a period but rarely end a sentence (compared lower case, without the period).
_ABBREVIATIONS = frozenset(
    [
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "col", "lt", "sgt", "capt",
        "cpl", "maj", "adm", "cmdr", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp", "jan",
        "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues",
        "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "no", "nos", "vs", "v", "etc", "inc", "corp",
        "co", "ltd", "plc", "llc", "bros", "dept", "univ", "approx", "est", "fig", "figs", "vol", "p",
        "pp", "op", "ed", "al", "e.g", "i.e", "cf", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "d.c",
        "u.s.a", "n.y", "l.a", "rs",
    ]
)
ABBREVIATIONS = _ABBREVIATIONS  # for the clause reader (``clauses.clause_whens``)
# Abbreviations after which a capitalised word usually continues the same sentence (titles, "No. 1").
_TITLE_ABBREVIATIONS = frozenset(
    [
        "mr", "mrs", "ms", "dr", "prof", "st", "mt", "gen", "col", "lt", "sgt", "capt", "cpl", "maj",
        "adm", "cmdr", "gov", "sen", "rep", "rev", "hon", "supt", "insp", "no", "nos", "vs", "v", "rs",
    ]
)

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then whitespace.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_PARAGRAPH = re.compile(r"[^\n]+")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_NEXT_START = re.compile(r"\s+([\"'“‘«(\[]*)(\S)")
_SPEECH_AFTER = re.compile(
    r"\s+(?:[A-Z][\w.'’-]*\s+){0,3}?(?:said|says|asked|added|wrote|tweeted|told|declared|insisted|"
    r"replied|recalled|noted|explained|continued|warned|argued)\b"
)
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_NEXT_WORD = re.compile(r"\s+[\"'“‘«(\[]*([A-Za-z]+)")
_STARTERS = frozenset(
    [
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "In", "On", "At",
        "This", "That", "These", "Those", "There", "Its", "His", "Her", "Their", "Our", "After", "Before",
        "When", "While", "As", "If", "So", "Yet", "Still", "However", "Meanwhile", "Some", "Many", "Most",
    ]
)
_OPEN_MARK = re.compile(r'[“«„"]')
_OPENERS = {"“": "”", "«": "»", "„": "“"}


@dataclass(frozen=True)
class Sentence:
    """One sentence: its text and where it sits in the article text."""

    start: int
    end: int
    text: str


# A photo's credit or a share bar, alone or printed on the caption's line: "Getty Images Fans celebrate ...",
# "AFP/Getty Images Police ...", "Facebook Twitter Pinterest A fan ...", "... celebrate the win (Getty Images)",
# "(Photo: A. Lee, WireImage)". Such a line is page furniture (``statements.is_furniture``), as a credits line
# is: neither a statement that begins "EPA Chicago ..." nor the agency read as a source of what the photo shows.
# A picture library (or an agency's "Photo"/"Images") is a credit before any capitalised word; a news agency
# alone ("AFP", "Reuters", "EPA", "AP") only on a caption's line, one without a sentence's final stop ("EPA
# Administrator Jo Lee said on Monday ..." is news).
_LIBRARY = (
    r"(?:Getty(?:\s+Images)?|GETTY(?:\s+IMAGES)?|Shutterstock|Alamy(?:\s+Stock\s+Photo)?|Rex\s+Features|Rex(?=\s*/)|WireImage|FilmMagic|"
    r"Corbis|iStock(?:photo)?|Invision|NurPhoto|BackGrid|(?:AP|AFP|EPA|PA|Reuters|Press\s+Association|"
    r"Associated\s+Press)\s+(?:Photo|Pictures|Images))"
)
_AGENCY = (
    r"(?:AFP|EPA(?:-EFE)?|Reuters|AP|PA(?:\s+(?:Wire|Media))?|Associated\s+Press|Xinhua|dpa|ANSA|Anadolu|Kyodo|"
    r"Yonhap|AAP|SIPA|ZUMA(?:\s+Wire)?)(?:\s+News)?(?:\s+Agency)?"
)
_CREDIT_NAME = rf"(?:{_LIBRARY}|{_AGENCY})"
CREDIT_NAME = _CREDIT_NAME  # a picture library's or a news agency's name (quotes: a credit before a caption's name)
_CREDIT_ROLE = r"(?:\s+[-–—]\s+(?:Contributor|Staff|Stringer|Pool|Handout|File))?"
_SHARE_NAME = r"(?:Facebook|Twitter|Pinterest|WhatsApp|Email|E-mail|LinkedIn|Reddit|Messenger|Flipboard)"
_SHARE_BAR = rf"(?:{_SHARE_NAME}\s+){{2,}}"
_LEAD_CREDIT = re.compile(
    rf"(?:{_SHARE_BAR}|(?P<name>(?>{_CREDIT_NAME}(?:(?:\s*[/:;]\s*|\s+via\s+){_CREDIT_NAME})*)){_CREDIT_ROLE}\s+)(?=[“\"‘']?[A-Z])"
)
_HAS_LIBRARY = re.compile(rf"{_LIBRARY}|[-–—]")
# No leading "\s*": searched for, it would run over a line's every blank before failing (quadratic on a run of
# spaces: 40,000 took ~13 s of CPU).
_TAIL_CREDIT = re.compile(
    rf"\((?:[^()]{{0,60}}?[\s/,])?{_LIBRARY}[^()]{{0,40}}\)\s*$"
    r"|\((?:Photo(?:graph)?|Image|Picture|Credit)s?\s*(?::|by\b)[^()]{1,80}\)\s*$",
)
_FINAL_STOP = re.compile(r"[.!?…:;,\"”’')\]]\s*$")
_CREDIT_ONLY = re.compile(
    rf"\s*(?:{_SHARE_NAME}(?:\s+{_SHARE_NAME})+\s*|{_CREDIT_NAME}(?:(?:\s*[/:;]\s*|\s+via\s+){_CREDIT_NAME})*{_CREDIT_ROLE}\s*)$"
)


def is_credit(sentence: str) -> bool:
    """A photo credit or a share bar ("Getty Images", "AFP/Getty - Contributor", "(Getty)", "(Photo: A. Lee,
    WireImage)", "Facebook Twitter Pinterest"), alone or on the line of the caption it credits."""
    s = sentence.strip()
    if _CREDIT_ONLY.match(s) or _TAIL_CREDIT.search(s):
        return True
    m = _LEAD_CREDIT.match(s)
    return m is not None and (m.group("name") is None or _HAS_LIBRARY.search(m.group()) is not None or not _FINAL_STOP.search(s))


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order; paragraphs (line breaks) always end a sentence."""
    out: list[Sentence] = []
    for para in _PARAGRAPH.finditer(text):
        for start, end in _split_paragraph(para.group(), para.start()):
            s, e = _trim(text, start, end)
            if e > s:
                out.append(Sentence(s, e, text[s:e]))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_paragraph(para: str, offset: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    inside = _quoted_ranges(para)
    last = 0
    for m in _BOUNDARY.finditer(para):
        end = m.end()
        if _inside(inside, m.start(), m.end()) or not _is_boundary(para, m):
            continue
        spans.append((offset + last, offset + end))
        last = end
    if last < len(para):
        spans.append((offset + last, offset + len(para)))
    if any(e - s > MAX_SENTENCE for s, e in spans):
        spans = [piece for s, e in spans for piece in _pieces(para, offset, s, e)]
    return spans


# No sentence of news prose runs this long (the longest holding a claim on the 181 extraction-benchmark pages
# has 611 characters): a longer run is a list, a table or a blob run together without stops. It is cut
# into pieces this long at a space. Every claim stores its whole sentence, so one run-on "sentence" of
# 56 KB holding 1,000 figures was 59 MB of database (a 1 MB page, 20 GB), and each figure's summary
# scanned it whole.
MAX_SENTENCE = 1_000


def _pieces(para: str, offset: int, start: int, end: int) -> list[tuple[int, int]]:
    """The span ``start``-``end`` (offsets into the text; ``para`` begins at ``offset``) cut at spaces into
    pieces of at most MAX_SENTENCE characters (a word longer than half of that is cut where it must)."""
    out = []
    while end - start > MAX_SENTENCE:
        cut = para.rfind(" ", start - offset + MAX_SENTENCE // 2, start - offset + MAX_SENTENCE) + offset
        cut = cut if cut > start else start + MAX_SENTENCE
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def _inside(ranges: list[tuple[int, int]], pos: int, run_end: int | None = None) -> bool:
    """True when ``pos`` lies strictly inside a quotation, and the punctuation run starting there (ending at
    ``run_end``) does not take in the quotation's closing mark: `"a disaster." Others` may end a sentence,
    `"We won. We will win again," she said` does not end at "won"."""
    i = bisect_right(ranges, (pos, len(ranges) + pos + 1)) - 1
    if i < 0 or not ranges[i][0] < pos < ranges[i][1]:
        return False
    return run_end is None or run_end < ranges[i][1]


def _quoted_ranges(para: str) -> list[tuple[int, int]]:
    """Spans of quotations that open and close inside this paragraph (curly, guillemets, straight)."""
    ranges: list[tuple[int, int]] = []
    i, n = 0, len(para)
    straight = para.count('"') % 2 == 0
    while i < n:
        m = _OPEN_MARK.search(para, i)
        if m is None:
            break
        i, ch = m.start(), m.group()
        close = _OPENERS.get(ch) or ('"' if ch == '"' and straight else None)
        if close is None:
            i += 1
            continue
        j = para.find(close, i + 1)
        if j < 0:
            i += 1
            continue
        ranges.append((i, j + 1))
        i = j + 1
    return ranges


def _is_boundary(para: str, m: re.Match[str]) -> bool:
    """Decide whether the punctuation run in ``m`` really ends a sentence."""
    punct = m.group()
    nxt = _NEXT_START.match(para, m.end())
    if nxt is None:
        return True
    first = nxt.group(2)
    if punct[0] == "." and punct.rstrip("\"'”’»)]") == ".":
        before = _WORD_BEFORE.search(para[max(0, m.start() - 30) : m.start() + 1])
        if before is not None and _abbreviation_continues(before.group(1), para, m.end()):
            return False
    if first.islower() or first in ",;:":
        return False
    closes_quote = punct[-1] in '"”’»'
    exclaims = closes_quote and punct.rstrip("\"'”’»")[-1:] in "!?"
    return not (exclaims and _SPEECH_AFTER.match(para, m.end()))


def _abbreviation_continues(word: str, para: str, pos: int) -> bool:
    """True when ``word.`` is an abbreviation or initial that does not end the sentence at ``pos``."""
    low = word.lower().rstrip(".")
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. K. Rowling"
    if low in _TITLE_ABBREVIATIONS:
        return True
    if low not in _ABBREVIATIONS and not _DOTTED.fullmatch(word):
        return False
    # "U.S. officials" and "Dec. 13" continue; "in the U.S. The next day" ends.
    nxt = _NEXT_WORD.match(para, pos)
    return nxt is None or nxt.group(1) not in _STARTERS

"""Quotations of record with their speakers.

Quotes are found per paragraph (they may span sentences); a quote split by "he said," is rejoined;
one- or two-word scare quotes and capitalised titles are left out. The speaker is read from the
attribution next to the quote, or a pronoun resolved to the last named person when unambiguous.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

_PAIRS = {"“": "”", "«": "»", "„": "“", '"': '"'}
_OPEN_MARK = re.compile(r'[“«„"]')
_PARAGRAPH = re.compile(r"[^\n]+")
_RUNS_ON = re.compile(r"(?:[:,]|\b(?:said|says|that|added|wrote|warned))\s*$")
_WORDS = re.compile(r"[\w'’]+")
_SPEECH = (
    r"(?:said|says|say|told|tells|added|adds|declared|declares|wrote|writes|tweeted|asked|asks|insisted|insists|"
    r"stated|explained|noted|warned|warns|argued|argues|recalled|replied|continued|posted|announced|claimed|"
    r"claims|commented|acknowledged|conceded|shouted|urged|vowed|testified|remarked|admitted|predicted|"
    r"complained|concluded|cautioned|emphasized|emphasised|stressed|pointed\s+out|went\s+on|recounted|"
    r"announced|responded|countered|wrote|tweeted|agreed|revealed|confirmed|shared)"
)
_TITLE = (
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Col|Lt|Sgt|Capt|Rev|St)\.?\s+|(?:President|Prime\s+Minister|"
    r"Minister|Chancellor|Secretary|Judge|Justice|Senator|Governor|Mayor|Chief|Officer|Detective|Coach|"
    r"Commissioner|Ambassador|Pope|King|Queen|Prince|Princess|Speaker|Leader|General|Director)\s+)"
)
_NAME_TOKEN = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w’'-]*\.?|[A-Z]\.)"
_PARTICLE = r"(?:de|van|von|bin|al|la|le|da|di|del|der|ibn)"
_NAME = rf"(?:{_TITLE}{{0,2}}{_NAME_TOKEN}(?:\s+(?:{_NAME_TOKEN}|{_PARTICLE})){{0,3}})"
_ROLE = (
    r"(?:(?:the|a|an|one)\s+(?:[\w-]+\s+){0,3}?(?:spokes(?:man|woman|person)|official|minister|ministry|police|"
    r"statement|lawyer|attorney|prosecutor|judge|witness|resident|source|adviser|advisor|aide|analyst|"
    r"expert|leader|chief|director|officer|doctor|teacher|executive|manager|representative|company|group))"
)
_ROLE_PREFIX = (
    r"(?:[A-Z][\w-]*\s+)?(?:spokes(?:man|woman|person)|chief|minister|leader|official|executive)\s+"
)
_SPEAKER = rf"(?P<name>(?:{_ROLE_PREFIX})?{_NAME}|{_ROLE}|he|she|they|He|She|They)"
_APPOSITION = r"(?:,\s[^,“”\"«»]{1,80},)?"
# After the quote: ', Bialiatski said' / ', said Maria Kolesnikova' / ' Trump tweeted'.
_AFTER_NAME_VERB = re.compile(rf"^[\s,—–»”\"-]*{_SPEAKER}{_APPOSITION}\s+(?:also\s+|later\s+)?{_SPEECH}\b")
_AFTER_VERB_NAME = re.compile(rf"^[\s,—–»”\"-]*{_SPEECH}\s+(?P<name>{_NAME}|{_ROLE})")
# Before the quote: 'Bialiatski said: "' / 'X told reporters, "' / 'According to X, "'.
_BEFORE = re.compile(
    rf"{_SPEAKER}{_APPOSITION}\s+(?:also\s+|later\s+|then\s+)?{_SPEECH}\b[^“”\"«».!?]{{0,60}}?[,:]?\s*$"
)
_BEFORE_ACCORDING = re.compile(rf"according\s+to\s+(?P<name>{_NAME}|{_ROLE}),?\s*$", re.IGNORECASE)
_PARTIAL = re.compile(rf"{_SPEAKER}{_APPOSITION}\s+(?:also\s+|has\s+|had\s+)?{_SPEECH}\b")
_CONNECTOR = re.compile(rf"^[\s,]*[^“”\"«».!?]{{0,80}}?\b{_SPEECH}\b[^“”\"«».!?]{{0,40}}?[,:;]\s*$")
_AFTER_GENERIC = re.compile(
    rf"^[\s,—–»”\"-]*(?P<seg>(?:[\w’'.-]+,?\s+){{1,14}}?)(?:also\s+|later\s+)?{_SPEECH}\b"
)
_AFTER_GENERIC_VERB_FIRST = re.compile(rf"^[\s,—–»”\"-]*{_SPEECH}\s+(?P<seg>[^,.;:“”\"«»()]{{2,80}})")
_CAP_RUN = re.compile(r"(?<![\w’'])(?:[A-Z][\w’'-]+\.?|[A-Z]\.)(?:\s+(?:[A-Z][\w’'-]+|[A-Z]\.))*")
_ROLE_NOUNS = frozenset(
    [
        "officers", "officials", "official", "police", "mother", "father", "wife", "husband", "son",
        "daughter", "witness", "witnesses", "residents", "resident", "prosecutors", "prosecutor", "lawyers",
        "lawyer", "spokesman", "spokeswoman", "spokesperson", "statement", "organisers", "organizers",
        "protesters", "doctors", "doctor", "neighbours", "neighbors", "survivors", "relatives", "family",
    ]
)
_SUBJECT = re.compile(
    r"(?<![\w’'])(?P<name>[A-Z][\w’'-]+(?:\s+(?:[A-Z]\.|[A-Z][\w’'-]+)){0,3})(?:,\s[^,“”\"]{1,80},)?"
    r"\s+(?:[a-z]+\s+){0,2}?(?:[a-z]{3,}ed|said|says|told|wrote|took|made|gave|became|spoke|sent)\b"
)
_PERSON = re.compile(
    rf"(?<![\w.])(?:{_TITLE}){{0,2}}[A-Z][a-z’'-]+(?:\s+(?:[A-Z]\.\s+)?[A-Z][a-z’'-]+){{1,2}}(?![\w])"
)
_NOT_NAMES = frozenset(
    [
        "The", "A", "An", "He", "She", "They", "It", "We", "I", "You", "But", "And", "Or", "So", "Yet",
        "In", "On", "At", "For", "This", "That", "These", "Those", "There", "Here", "His", "Her", "Their",
        "Its", "Our", "My", "When", "While", "After", "Before", "If", "As", "Asked", "Speaking", "Later",
        "Earlier", "Meanwhile", "However", "According", "Still", "Also", "Now", "Then", "Some", "Many",
        "Most",
    ]
)
_TITLE_WORDS = frozenset(
    [
        "secretary", "president", "minister", "spokesman", "spokeswoman", "spokesperson", "director",
        "chairman", "chairwoman", "chair", "ceo", "chief", "executive", "leader", "official", "governor",
        "senator", "mayor", "judge", "attorney", "lawyer",
    ]
)
_STRIP_TITLE = re.compile(rf"^{_TITLE}+")


@dataclass
class Quote:
    """A quotation: article offsets of its first and last quoted words, and the speaker found."""

    start: int
    end: int
    parts: list[tuple[int, int]]
    speaker: str | None = None
    extra: dict[str, object] = field(default_factory=dict)


def find_quotes(text: str) -> list[Quote]:
    """Every quotation of record in ``text``, split quotes rejoined, speakers resolved."""
    quotes: list[Quote] = []
    for para in _PARAGRAPH.finditer(text):
        spans = [(para.start() + s, para.start() + e) for s, e in _quoted_spans(para.group())]
        quotes.extend(_join_split(text, spans))
    quotes = [q for q in quotes if _of_record(text, q)]
    if not quotes:
        return []
    persons = [(m.start(), name) for m in _PERSON.finditer(text) if (name := _clean_name(m.group()))]
    last_speaker: tuple[str, int] | None = None
    prev_line = -1
    for q in quotes:
        line = text.rfind("\n", 0, q.start)
        q.speaker = _speaker(text, q, last_speaker, persons)
        if q.speaker:
            q.speaker = _expand(persons, q.speaker, q.start)
        elif last_speaker is not None and line == prev_line and q.start - last_speaker[1] < 300:
            q.speaker = last_speaker[0]  # a further quote in the same paragraph, same voice
        elif last_speaker is not None and _opens_paragraph(text, q) and _follows(text, line, last_speaker[1]):
            q.speaker = last_speaker[0]  # a quote paragraph right after the speaker's previous quote
        if q.speaker:
            last_speaker = (q.speaker, q.end)
        prev_line = line
        words = [w.lower() for s, e in q.parts for w in _WORDS.findall(text[s:e])]
        q.extra["norm"] = " ".join(words)
    return quotes


def _opens_paragraph(text: str, q: Quote) -> bool:
    line_start = text.rfind("\n", 0, q.start) + 1
    return not text[line_start : q.start].strip(" \t\"“«„")


def _follows(text: str, line: int, last_end: int) -> bool:
    """The previous quote ended in the paragraph just before this one (nothing but the attribution between)."""
    if line < 0 or last_end > line:
        return False
    prev_start = text.rfind("\n", 0, max(0, text.rfind("\n", 0, line + 1)))
    between = text[last_end:line]
    return last_end >= prev_start and "\n" not in between.strip() and len(between) < 200


def _quoted_spans(para: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each pair of quote marks (marks excluded)."""
    out: list[tuple[int, int]] = []
    odd_straight = para.count('"') % 2 == 1
    i, n = 0, len(para)
    while i < n:
        m = _OPEN_MARK.search(para, i)
        if m is None:
            break
        i, ch = m.start(), m.group()
        close = _PAIRS.get(ch)
        if close is None:
            i += 1
            continue
        j = para.find(close, i + 1)
        if ch == '"' and odd_straight:  # '"And I asked ...” said Hill': a straight mark closed by a curly one
            k = para.find("”", i + 1)
            j = k if k >= 0 and (j < 0 or k < j) else j
        if ch == "“":  # a curly opening quote is sometimes closed by a straight one
            k = para.find('"', i + 1)
            j = k if k >= 0 and (j < 0 or k < j) and odd_straight else j
        if j < 0:
            # A quote that runs on into the next paragraph: it opens the paragraph, or follows an
            # introduction ('Pompeo said the release "give[s] us hope ...', 'X said in a statement: "').
            if not para[:i].strip() or ch != '"' or _RUNS_ON.search(para, 0, i):
                out.append(_strip(para, i + 1, n))
            break
        out.append(_strip(para, i + 1, j))
        i = j + 1
    return out


def _strip(para: str, s: int, e: int) -> tuple[int, int]:
    while s < e and para[s].isspace():
        s += 1
    while e > s and para[e - 1].isspace():
        e -= 1
    return s, e


def _join_split(text: str, spans: list[tuple[int, int]]) -> list[Quote]:
    """Rejoin '"A," he said, "b"': a connector holding a speech verb and ending in a comma or colon."""
    out: list[Quote] = []
    for s, e in spans:
        prev = out[-1] if out else None
        if prev is not None:
            gap = text[prev.end + 1 : s - 1]
            joinable = text[prev.end - 1 : prev.end] in ",:;—–-" or text[s : s + 1].islower()
            if joinable and len(gap) < 120 and _CONNECTOR.match(gap):
                prev.parts.append((s, e))
                prev.end = e
                continue
        out.append(Quote(s, e, [(s, e)]))
    return out


def _of_record(text: str, q: Quote) -> bool:
    """Leave out scare quotes (one or two words) and titles ("Star Trek Into Darkness")."""
    words = [w for s, e in q.parts for w in _WORDS.findall(text[s:e])]
    if len(words) < 3:
        return False
    small = {"of", "the", "and", "a", "in"}
    return not (len(words) <= 6 and all(w[0].isupper() or w.lower() in small for w in words))


def _speaker(text: str, q: Quote, last: tuple[str, int] | None, persons: list[tuple[int, str]]) -> str | None:
    """The speaker named next to the quote (after it, between its parts, or before it)."""
    line_start = text.rfind("\n", 0, q.start) + 1
    line_end = text.find("\n", q.end)
    line_end = len(text) if line_end < 0 else line_end
    after = text[q.end + 1 : min(line_end, q.end + 160)]
    candidates: list[str | None] = []
    for s, e in q.parts[:-1]:
        gap_end = next(ps for ps, _ in q.parts if ps > s)
        gap = text[e + 1 : gap_end - 1]
        candidates.append(_from_after(gap))
    candidates.append(_from_after(after))
    before = text[max(line_start, q.start - 200) : max(line_start, q.start - 1)]
    candidates.append(_from_before(before))
    name = next((c for c in candidates if c), None)
    if name is None:
        return None
    if name.lower() in {"he", "she"}:
        return _resolve_pronoun(persons, q.start, last, text)
    if name.lower() == "they":
        return None
    return name


def _from_after(after: str) -> str | None:
    g = _AFTER_GENERIC_VERB_FIRST.match(after)
    if g and _CAP_RUN.search(g.group("seg")):  # ', said White House Press Secretary Stephanie Grisham'
        name = _described_speaker(after)
        if name and " " in name:
            return name
    m = _AFTER_VERB_NAME.match(after) or _AFTER_NAME_VERB.match(after)
    if m:
        return _clean_name(m.group("name"))
    return _described_speaker(after)


def _described_speaker(after: str) -> str | None:
    """', Commerzbank analyst Carsten Fritsch said' / ', said U.S. Attorney Nealy Cox' / ' officers announced'."""
    m = _AFTER_GENERIC_VERB_FIRST.match(after)
    seg = m.group("seg") if m else None
    if seg is None:
        m = _AFTER_GENERIC.match(after)
        if m is None:
            return None
        seg = m.group("seg").split(", ", 1)[0]  # 'Will Moy, chief executive of ..., told the BBC'
    names = _CAP_RUN.findall(seg)
    if names:
        return _clean_name(names[-1])
    words = seg.split()
    if 1 <= len(words) <= 4 and words[-1].lower() in _ROLE_NOUNS:
        return words[-1]  # 'officers announced', 'the victim's mother testified'
    return None


def _from_before(before: str) -> str | None:
    # Only the clause leading into the quote: cut at the last sentence end before it.
    cut = max(
        before.rfind(". "), before.rfind("? "), before.rfind("! "), before.rfind("” "), before.rfind('" ')
    )
    clause = before[cut + 2 :] if cut >= 0 else before
    m = _BEFORE.search(clause) or _BEFORE_ACCORDING.search(clause)
    if m is None:
        m = _partial(clause)
    return _clean_name(m.group("name")) if m else None


def _partial(clause: str) -> re.Match[str] | None:
    """'Bialiatski said the regime "keeps taking new hostages"': the last speaker-verb pair before it."""
    found = None
    for m in _PARTIAL.finditer(clause):
        found = m
    return found


def _clean_name(name: str) -> str | None:
    words = name.split()
    while words and words[0] in _NOT_NAMES:
        words = words[1:]
    if not words:
        return name if name.lower() in {"he", "she", "they"} else None
    cut = max((i for i, w in enumerate(words[:-1]) if w.lower() in _TITLE_WORDS), default=-1)
    words = words[cut + 1 :]
    cleaned = " ".join(words).rstrip(".,")
    return _STRIP_TITLE.sub("", cleaned) or cleaned


def _resolve_pronoun(
    persons: list[tuple[int, str]], pos: int, last: tuple[str, int] | None, text: str = ""
) -> str | None:
    """'he said' -> the last speaker or the last named subject ("Omar asked ..."), whichever is nearer;
    else the only person named in the preceding text."""
    subject = _last_subject(text, pos) if text else None
    if last is not None and pos - last[1] < 800 and (subject is None or subject[1] < last[1]):
        return last[0]
    if subject is not None:
        return subject[0]
    lo = bisect_left(persons, (pos - 600, ""))
    hi = bisect_left(persons, (pos, ""))
    full = {name for _, name in persons[lo:hi] if " " in name}
    if len(full) == 1:
        return full.pop()
    return None


def _last_subject(text: str, pos: int) -> tuple[str, int] | None:
    """The last capitalised name acting as a subject ("Taylor Swift posted", "Omar asked") before ``pos``."""
    window_start = max(0, pos - 700)
    found = None
    for m in _SUBJECT.finditer(text, window_start, pos):
        name = _clean_name(m.group("name"))
        if name and name not in _NOT_NAMES and name.lower() not in {"he", "she", "they"}:
            found = (name, m.end())
    return found


def _expand(persons: list[tuple[int, str]], name: str, pos: int) -> str:
    """A bare surname ("Bialiatski") becomes the full name used earlier ("Ales Bialiatski")."""
    if " " in name:
        return name
    for p, full in persons:
        if p >= pos:
            break
        if " " in full and full.split()[-1] == name:
            return full
    return name

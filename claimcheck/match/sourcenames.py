"""Cited sources as a reader counts them: "the BBC and The Guardian" are two sources, "Procter and Gamble" one;
"the World Health Organization" and "WHO" of one article or fact are one.

Decided by the shape of the names, never by a list of them: a conjunction joins two sources when each side can
stand as a name of its own (an outlet, an acronym, a name of two capitalised words or more, a title with its
"The", or a name the same article cites alone); an acronym is a name whose initials it spells.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

# Words a name's initials skip ("Federal Bureau of Investigation": FBI) and that may sit inside a name.
_SMALL = frozenset(["of", "the", "and", "for", "on", "in", "at", "to", "de", "du", "la", "des", "&"])
_JOIN = re.compile(r"\s*,\s+(?:and\s+)?|\s+and\s+|\s+&\s+")
_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,7}|[A-Z][a-z]?[A-Z]{1,5}")  # "WHO", "U.N.", "ICIJ", "DoD"
_OF = re.compile(r"\s(?:of|for)\s", re.IGNORECASE)


def is_acronym(name: str) -> bool:
    return _ACRONYM.fullmatch(name.strip()) is not None


def _caps(words: list[str]) -> list[str]:
    return [w for w in words if w[:1].isupper()]


def _stands_alone(piece: str, outlets: Collection[str], alone: Collection[str], strong: bool) -> bool:
    """Whether a side of a conjunction is a source's name by itself. ``strong``: only an outlet, an acronym, a
    title with its article or a name cited alone counts (a second name after "of" may be part of the first's:
    "Department of Health and Human Services")."""
    low = piece.lower().removeprefix("the ")
    if low in outlets or piece.lower() in outlets or low in alone or is_acronym(piece):
        return True
    words = piece.split()
    if words[0] in ("The", "the") and len(words) > 1 and words[1][:1].isupper():
        return True
    return not strong and len(_caps(words)) >= 2 and all(w[:1].isupper() or w.lower() in _SMALL for w in words)


def _common(piece: str) -> bool:
    """A common noun phrase after "the" ("the company", "the ministry"): no name of a source."""
    words = piece.split()
    return len(words) > 1 and words[0].lower() == "the" and not words[1][:1].isupper()


def split_sources(name: str, outlets: Collection[str] = (), alone: Collection[str] = ()) -> list[str]:
    """The sources a cited name lists: "BBC and The Guardian" -> ["BBC", "The Guardian"]; "Procter and Gamble",
    "Johnson & Johnson" and "Bureau of Alcohol, Tobacco and Firearms" stay one name. ``outlets``: the names
    outlets are cited by (lower case); ``alone``: the names (lower case) the same article cites on their own."""
    if " and " not in name and " & " not in name and ", " not in name:
        return [name]
    pieces = [p.strip() for p in _JOIN.split(name) if p.strip()]
    if len(pieces) < 2 or any(not p[:1].isupper() and not p.lower().startswith("the ") for p in pieces):
        return [name]
    named = [p for p in pieces if not _common(p)]
    if len(named) < len(pieces):  # "Reuters and the company": only the named side is a source
        if named and all(_stands_alone(p, outlets, alone, False) for p in named):
            return named
        return [name]
    if " & " in name:  # "Johnson & Johnson", "Marks & Spencer": a firm's own ampersand unless each side is known
        known = all(p.lower().removeprefix("the ") in outlets or p.lower() in alone for p in pieces)
        return pieces if known else [name]
    strong = _OF.search(pieces[0]) is not None
    if any(p.lower().removeprefix("the ") in outlets or p.lower() in outlets for p in pieces) and not strong:
        return pieces  # an outlet is never a word of a longer name
    if _stands_alone(pieces[0], outlets, alone, False) and all(_stands_alone(p, outlets, alone, strong) for p in pieces[1:]):
        return pieces
    return [name]


def _letters(word: str) -> str:
    """What a word of a name gives its initials: its first letter, or every letter of an acronym ("U.S. Senate"
    is "USS", never the "US" of the country; "UN Security Council" is "UNSC")."""
    return re.sub(r"[.]", "", word) if is_acronym(word) else word[0]


def initials(name: str) -> tuple[str, str]:
    """The initials of a name's capitalised words, and of all its words ("Department of Defense": "DD", "DOD")."""
    words = [w for w in re.split(r"[\s-]+", name.strip()) if w and w != "&"]
    if words and words[0].lower() == "the":
        words = words[1:]
    caps = "".join(_letters(w) for w in words if w[:1].isupper() and w.lower() not in _SMALL)
    return caps.upper(), "".join(_letters(w) for w in words).upper()


def fold_acronyms(names: Iterable[str]) -> dict[str, str]:
    """Each acronym among ``names`` whose initials one other name spells -> that full name (one source, named in
    full); two names it could stand for leave it as it is."""
    listed = list(dict.fromkeys(names))
    spelling: dict[str, list[str]] = {}  # initials -> the names of 2+ words they spell, each name worked once
    for n in listed:
        if not is_acronym(n) and len(n.split()) >= 2:
            for letters in dict.fromkeys(initials(n)):
                spelling.setdefault(letters, []).append(n)
    out: dict[str, str] = {}
    for a in listed:
        if is_acronym(a):
            full = spelling.get(re.sub(r"[.\s]", "", a).upper(), [])
            if len(full) == 1:
                out[a] = full[0]
    return out


_HOST_WORDS = frozenset(["www", "com", "co", "org", "net", "uk", "edition", "news", "en", "amp", "m", "mobile"])


def _compact(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower().removeprefix("the "))


def own_names(outlet_id: str, names: Iterable[str]) -> frozenset[str]:
    """The forms an outlet's own name takes in its pages, compacted: its names, and the words of its id or of a
    name that is a web address ("edition.cnn.com": "cnn"; "washingtonpost-com": "washingtonpost"), so that "told
    CNN" in a CNN article is not a source the article cites."""
    out = {_compact(n) for n in (outlet_id, *names)}
    for n in (outlet_id, *names):
        if "." in n or "-" in n:
            out |= {w for w in re.split(r"[.\-\s]+", n.lower()) if len(w) > 1 and w not in _HOST_WORDS}
    return frozenset(w for w in out if w)


def is_own(name: str, own: Collection[str]) -> bool:
    """Whether a cited name is the citing outlet's own (``own``: its ``own_names``)."""
    return _compact(name) in own

"""Make text from the web safe to store and to show: in a terminal, in Markdown, in CSV, as a link.

Every string that comes from a fetched page (titles, sentences, quotes) passes through one of
these before it is rendered, so a page cannot inject rich markup, ANSI escapes, Markdown
structure, HTML, spreadsheet formulas or ``javascript:`` links into a report.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any
from urllib.parse import urlsplit

# ANSI CSI / OSC sequences, then any remaining C0/C1 control character (tab and newline are
# folded to spaces separately).
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")
# Two filters, each for one job:
# - STORED_TEXT_CONTROL: what cleaning removes from text before it is stored (C0 controls but tab/newline,
#   DEL, zero-width space, line/paragraph separators, BOM). It keeps the zero-width (non-)joiners
#   (U+200C, U+200D), which Persian and Arabic spelling needs, and the bidi marks that order mixed text.
# - DISPLAY_CONTROL: what is stripped from stored text when it is shown (also C1 controls, every
#   zero-width and bidi control: a page must not reorder or hide text in a report). The bidi controls are
#   Unicode's twelve (U+061C, U+200E-F, U+202A-E, U+2066-9); the invisible ones U+200B-D, the word joiner
#   and invisible operators (U+2060-4), U+FEFF and the Mongolian vowel separator (U+180E); and the tag
#   characters (U+E0000-7F), an invisible copy of ASCII: a title could carry text no reader of the report sees
#   (a subdivision flag's tags go too; the black flag before them stays).
STORED_TEXT_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u2028\u2029\ufeff]")
# Of those, the ones that are no space: removed where they stand, so that a NUL inside a word ("Gover\0nment",
# a C string's end or padding in a feed) leaves the word whole instead of cutting it in two. The others
# (vertical tab, form feed, the information separators U+001C-F, line and paragraph separators) separate
# like a space, as str.split() reads them.
STORED_TEXT_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1b\x7f\u200b\ufeff]")
DISPLAY_CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
    r"\U000e0000-\U000e007f]"
)
_SPACE = re.compile(r"[ \t\r\n]+")
# A tag is what rich reads as one: no "[" inside it. ".*?" here escaped "[x[link=https://...]" as one tag from
# its first "[", and rich then read the inner "[link=...]" as a tag: a title could make a terminal hyperlink.
_MARKUP = re.compile(r"(\\*)(\[[a-zA-Z#/@][^\[]*?\])")
# Characters that make inline structure anywhere (code, emphasis, links, HTML, table cells,
# strikethrough), "&" only where it starts an entity and "!" only before "[" (an image).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<|~])|&(?=#?\w+;)|!(?=\[)")
# Characters that only matter at the start of a line (headings, lists, block quotes, "1." lists).
_MD_LINE_START = re.compile(r"^([#>+\-=]|\d+(?=[.)]))")
# A run of "#" ending the text after a blank: in a heading ("## 1. <title>") CommonMark reads it as the closing
# sequence and drops it; escaped, it shows as written (a "#" inside the text is plain and left alone).
_MD_CLOSING_HASHES = re.compile(r"(?:^|(?<=[ \t]))(#+)$")
# What GFM (GitHub, GitLab, editors' previews) links in plain text, its "extended autolinks": a "www." name and a
# "scheme://" address. Escaped ("www\\.", "https\\://"), it reads as written and no link starts: a page cannot put a
# clickable address of its choosing into a report. (An e-mail address is still linked, as mailto: GitHub finds
# those after escapes are read, and no escape stops it.)
_MD_AUTOLINK = re.compile(r"(?<![A-Za-z0-9])(www)\.|(?<=[A-Za-z0-9])(:)(?=//)", re.IGNORECASE)
# A GitHub mention: "@" after anything but an ASCII letter, digit or "_" (so not an e-mail address) and before a
# letter or digit. GitHub finds mentions in the rendered text, so "\\@" does not stop one: a report pasted into
# an issue would notify whoever has the handle a page quoted. An empty HTML comment after the "@" breaks the
# handle and renders as nothing (an invisible character would be copied with the quote).
_MD_MENTION = re.compile(r"(?<![A-Za-z0-9_])@(?=[A-Za-z0-9])")
_CSV_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def plain(s: str | None) -> str:
    """The text with escape sequences and control characters removed and whitespace folded."""
    if not s:
        return ""
    if s.isprintable() and "  " not in s:
        # no escape, control, bidi or zero-width character and no whitespace but single spaces (every
        # character the patterns below remove or fold is a control, a format character or a separator,
        # which str.isprintable() rejects, the ASCII space alone excepted): the same text, without them
        return s.strip(" ")
    s = _ANSI.sub("", s)
    s = _SPACE.sub(" ", s)
    return DISPLAY_CONTROL.sub("", s).strip()


def terminal_safe(s: str | None) -> str:
    """Plain text that rich prints literally: control characters gone, markup escaped."""
    return _escape_markup(plain(s))


def _escape_markup(s: str) -> str:
    # Same rule as rich.markup.escape, without importing rich into the core.
    s = _MARKUP.sub(lambda m: f"{m.group(1)}{m.group(1)}\\{m.group(2)}", s)
    if s.endswith("\\") and not s.endswith("\\\\"):
        s += "\\"
    return s


def markdown_escape(s: str | None, *, line_start: bool = False) -> str:
    """Inline CommonMark/GFM text that renders as the literal characters (no links, HTML, tables).

    Only what can make structure is escaped: ``\\ ` * _ [ ] < | ~`` everywhere, ``&`` before an
    entity, ``!`` before ``[``, ``>`` in text that also has ``<``, the ``.`` of a ``www.`` name and the ``:`` of
    ``scheme://`` (GFM's autolinks), a run of ``#`` ending the text (a heading's closing sequence). Block
    markers (``#``, ``>``, ``-``, ``+``, ``=``, ``1.``) only matter where the text begins a line; pass ``line_start=True`` for text placed there (inside
    a table cell, a heading or after a list marker they are plain characters).
    """
    text = _MD_SPECIAL.sub(lambda m: "\\" + m.group(0), plain(s))
    if "://" in text or "www" in text.lower():
        text = _MD_AUTOLINK.sub(lambda m: m.group(1) + "\\." if m.group(1) else "\\:", text)
    if text.endswith("#"):
        text = _MD_CLOSING_HASHES.sub(r"\\\1", text)
    if "<" in text:  # "<b>" is already inert once "<" is escaped; "\\>" too keeps it unreadable as a tag
        text = text.replace(">", "\\>")
    m = _MD_LINE_START.match(text) if line_start else None
    if m:
        text = text[: m.end()] + "\\" + text[m.end() :] if m.group(1)[0].isdigit() else "\\" + text
    if "@" in text:  # last: the comment's "<" and ">" are meant
        text = _MD_MENTION.sub("@<!-- -->", text)
    return text


def markdown_code(s: str | None) -> str:
    """Inline CommonMark code that shows ``s`` literally (a command to copy): fenced by one more backtick
    than its longest run of them, padded by a space where it begins or ends with one; "`x`" broke
    apart on a backtick in a --db path."""
    text = plain(s).replace("\n", " ")
    runs = [len(r) for r in re.findall(r"`+", text)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def html_escape(s: str | None) -> str:
    """Plain text for HTML element content or a quoted attribute value: ``& < > " '`` escaped."""
    return html.escape(plain(s), quote=True)


# In a <script type="application/json"> block, "</script" or "<!--" would end or change the element
# whatever the JSON means; U+2028/2029 end a line in pre-2019 JavaScript.
_JSON_SCRIPT = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def json_script(data: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">``: no ``<``, ``>``, ``&``,
    U+2028 or U+2029 (each written as a ``\\uXXXX`` escape, which ``JSON.parse`` reads back)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_SCRIPT)


def json_text(data: Any, *, indent: int | None = 2, inline: int | None = None) -> str:
    """JSON for a terminal or a file: every character :data:`DISPLAY_CONTROL` matches (C0 and C1
    controls, DEL, zero-width and bidi controls) written as a ``\\uXXXX`` escape, so printing it cannot
    move the cursor or reorder the text, while a reader of the JSON gets the value unchanged. (They
    can only occur inside strings, where an escape means the same character.)

    ``inline``: objects and arrays this many levels down, and arrays of plain values at any level, are
    written on one line each (``{"a": 1, "b": 2}``, ``["x", "y"]``), those above indented: a long list of
    small records stays readable, and is written by the json module's C encoder (it writes indented JSON
    in Python: the 50,000 articles of a stories listing took 0.6 s instead of 0.2)."""
    if inline is None or indent is None:
        text = json.dumps(data, ensure_ascii=False, indent=indent)
    else:
        parts: list[str] = []
        _indented(data, 0, indent, inline, parts)
        text = "".join(parts)
    return DISPLAY_CONTROL.sub(_json_escape, text)


def _json_escape(m: re.Match[str]) -> str:
    """A character as JSON's ``\\uXXXX``; one past U+FFFF as its UTF-16 pair, as JSON writes it."""
    code = ord(m.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _one_line_encoder() -> Any:
    """One value as ``json.dumps(value, ensure_ascii=False)`` writes it: through the json module's C
    encoder made once (``JSONEncoder.encode`` makes one per call: twice the time over 50,000 small
    records), else (no C accelerator) through ``JSONEncoder.encode``."""
    encoder = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return encoder.encode
    # the arguments JSONEncoder.iterencode passes it (markers None: our values hold no cycles)
    chunks = make(None, encoder.default, json.encoder.encode_basestring, None, ": ", ", ", False, False, True)
    return lambda value: "".join(chunks(value, 0))


_ONE_LINE = _one_line_encoder()
_STRING = json.encoder.encode_basestring  # a str as json.dumps(ensure_ascii=False) writes it


def _indented(value: Any, level: int, indent: int, inline: int, out: list[str]) -> None:
    """``value`` as ``json.dumps(indent=indent)`` writes it down to level ``inline``, except that an array of
    plain values is one line at any level; below that level, each object or array one line."""
    if isinstance(value, str):  # the commonest leaf, written as the encoder writes it, without a call into it
        out.append(_STRING(value))
        return
    if (
        level >= inline
        or not value
        or not isinstance(value, dict | list)
        or (isinstance(value, list) and not any(isinstance(v, dict | list) for v in value))
    ):
        out.append(_ONE_LINE(value))
        return
    pad, end = "\n" + " " * (indent * (level + 1)), "\n" + " " * (indent * level)
    if level + 1 >= inline and isinstance(value, list):  # its items one line each (a story's articles)
        out.append("[" + pad + ("," + pad).join(map(_ONE_LINE, value)) + end + "]")
        return
    if isinstance(value, dict):
        out.append("{")
        for k, (key, item) in enumerate(value.items()):
            out.append(("," if k else "") + pad + _STRING(str(key)) + ": ")
            _indented(item, level + 1, indent, inline, out)
        out.append(end + "}")
    else:
        out.append("[")
        for k, item in enumerate(value):
            out.append(("," if k else "") + pad)
            _indented(item, level + 1, indent, inline, out)
        out.append(end + "]")


def csv_safe(s: str | None) -> str:
    """A CSV cell that a spreadsheet will not run as a formula (OWASP CSV injection)."""
    s = plain(s)
    if s.startswith(_CSV_TRIGGERS):
        return "'" + s
    return s


def safe_link(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) link that is safe in Markdown, else ``None``."""
    if not url:
        return None
    url = url.strip()
    if DISPLAY_CONTROL.search(url) or any(c in url for c in " <>\\\n\t"):
        return None
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.replace("(", "%28").replace(")", "%29")

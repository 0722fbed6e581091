"""Text from the web as text: decode a page's bytes by its declared (and real) charset, clean strings
of control characters, parse timestamps. Light on imports: the fetching process uses these without
loading the extraction stack (trafilatura), which only the extraction workers need.
"""

from __future__ import annotations

import codecs
import functools
import re
from datetime import UTC, datetime, time, timedelta

from claimcheck.models import ExtractedPage
from claimcheck.textsafe import STORED_TEXT_INVISIBLE, plain

_CHARSET_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Decode a page to text, trusting a declared charset only when the bytes really are in it.

    Order: BOM, the HTTP charset, the ``<meta charset>``, UTF-8, then detection. A page declared UTF-8
    that carries cp1251 or latin-1 bytes is detected, not turned into mojibake.
    """
    if body.startswith(b"\xef\xbb\xbf"):
        return body[3:].decode("utf-8", errors="replace")
    if utf16 := utf16_without_bom(body):
        return body.decode(utf16, errors="replace")
    declared: list[str] = []
    if charset := http_charset(content_type):
        declared.append(charset)
    if m2 := _CHARSET_META.search(body[:4096]):
        declared.append(m2.group(1).decode("ascii", "ignore"))
    return decode_declared(body, declared)


def utf16_without_bom(body: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` when the bytes are UTF-16 without a BOM, else None.

    A BOM-less UTF-16 page decodes as "valid UTF-8" full of NULs (markup is ASCII, so every other byte
    is zero): such a page is known by its NULs, on one side of each byte pair only.
    """
    sample = body[:4096]
    if body.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    pairs = len(sample) // 2
    if pairs < 8:
        return None
    even, odd = sample[0 : 2 * pairs : 2].count(0), sample[1 : 2 * pairs : 2].count(0)
    if odd >= pairs * 0.3 and even <= pairs * 0.02:
        return "utf-16-le"
    if even >= pairs * 0.3 and odd <= pairs * 0.02:
        return "utf-16-be"
    return None


def http_charset(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header, if any."""
    if content_type and (m := re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.I)):
        return m.group(1)
    return None


# What a declared label means on the Web (WHATWG Encoding Standard), where it differs from Python's codec
# of that name: ISO-8859-1 and US-ASCII pages are read as windows-1252 by every browser, and their curly
# quotes and dashes (bytes 0x80-0x9F) are meant as such; Python's latin-1 made them C1 control characters.
_WEB_LABELS = {"iso8859-1": "windows-1252", "ascii": "windows-1252", "cp1252": "windows-1252",
               "iso8859-9": "cp1254", "iso8859-11": "cp874", "tis-620": "cp874"}  # fmt: skip
# windows-1252 as the Web decodes it: cp1252, with its five unassigned bytes kept as their code points
_WINDOWS_1252 = {i: bytes([i]).decode("cp1252") for i in range(0x80, 0xA0) if i not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def decode_as(body: bytes, label: str) -> str:
    """Decode as a page labelled ``label`` is decoded on the Web. Raises LookupError (no charset of the Web
    has that label) or UnicodeError (the bytes are not in it)."""
    codec = codecs.lookup("cp1252" if label.lower() == "x-cp1252" else label).name
    if not web_charset(codec):
        raise LookupError(f"{label}: no charset of the Web")
    name = _WEB_LABELS.get(codec)
    if name == "windows-1252":
        return body.decode("latin-1").translate(_WINDOWS_1252)
    return body.decode(name or label)


# Python codecs that read bytes as text but are no page's charset: escapes and encodings of names, which
# rewrite "\u0041" or "+AGE-" in a page's text ("punycode" failed the page: its UnicodeError was no decode error)
_NOT_CHARSETS = frozenset({"utf-7", "unicode-escape", "raw-unicode-escape", "punycode", "idna", "undefined"})
_ASCII_PROBE = b"<meta charset=utf-8> AZ az 09 +-~\\/"


@functools.cache
def web_charset(codec: str) -> bool:
    """Whether a declared charset (Python's name of its codec) can be a page's: ASCII-compatible, as the
    label itself, read from the bytes as ASCII, says it is (the HTML standard's reading). A page of plain
    ASCII or UTF-8 declared EBCDIC (cp500) was stored as garbage; declared UTF-16, as Chinese characters (a
    page really in UTF-16 is known by its BOM or its NULs first: decode_html)."""
    if codec in _NOT_CHARSETS:
        return False
    try:
        return _ASCII_PROBE.decode(codec) == _ASCII_PROBE.decode("ascii")
    except (UnicodeError, LookupError, TypeError):
        return False


def decode_declared(body: bytes, declared: list[str]) -> str:
    """Decode with the first declared charset the bytes really are in, else UTF-8 (with a few stray bytes
    of another charset in it: :func:`mostly_utf8`), else detection."""
    for enc in (*declared, "utf-8"):
        try:
            text = decode_as(body, enc)
        except (LookupError, UnicodeError):
            continue
        # A single-byte charset decodes anything; accept it only when the bytes are not UTF-8 with
        # non-ASCII in them (UTF-8 declared as latin-1 is the common lie).
        if enc.lower().replace("-", "") not in ("utf8",) and (utf8 := mostly_utf8(body)) is not None:
            return utf8
        return text
    if (utf8 := mostly_utf8(body)) is not None:
        return utf8
    return body.decode(detect_charset(body), errors="replace")


_STRAY = re.compile("[\udc80-\udcff]")


def mostly_utf8(body: bytes) -> str | None:
    """The text of UTF-8 bytes with non-ASCII in them, also when a few bytes are not UTF-8, else None.

    A UTF-8 page or feed often carries a few bytes of another charset (a windows-1252 quote pasted into
    the CMS): one such byte made the whole page fail as UTF-8, and detection then read every accent and
    curly quote of it as mojibake ("cafÃ©", "â€œyesâ€"). When the valid multibyte characters outnumber the
    stray bytes four to one (a page really in windows-1252 or cp1251 has almost none), the text is UTF-8
    and each stray byte is read as windows-1252, as it most often was meant."""
    if body.isascii():
        return None
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if len(body) > _PREFIX and _stray_text(body[:_PREFIX]) is None:  # a page in another charset, known early
        return None
    text = _stray_text(body)
    return None if text is None else _STRAY.sub(lambda m: _web_byte(ord(m.group()) - 0xDC00), text)


_PREFIX = 1 << 16


def _stray_text(body: bytes) -> str | None:
    """``body`` decoded as UTF-8, stray bytes as lone surrogates, when they are few enough (see mostly_utf8)."""
    text = body.decode("utf-8", errors="surrogateescape")
    stray = len(_STRAY.findall(text))
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - stray
    return text if multibyte >= 4 * stray else None


def _web_byte(b: int) -> str:
    """A byte read as windows-1252 is on the Web."""
    return bytes([b]).decode("latin-1").translate(_WINDOWS_1252)


# The encodings of the Web (the WHATWG Encoding Standard's, as Python names them; UTF-16 and UTF-8 are
# handled before detection): a page is never in a DOS code page such as cp775 or cp850, which the detector
# would otherwise pick for an English page with three accented letters.
WEB_ENCODINGS = [
    "utf_8", "cp866", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_5", "iso8859_6", "iso8859_7",
    "iso8859_8", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "koi8_r", "koi8_u",
    "mac_roman", "mac_cyrillic", "cp874", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255",
    "cp1256", "cp1257", "cp1258", "gb18030", "big5", "euc_jp", "iso2022_jp", "shift_jis", "euc_kr",
]  # fmt: skip


def detect_charset(body: bytes) -> str:
    """The charset of bytes that are in none they declare: the detector's best among the Web's encodings,
    except that windows-1252 (the Web's default legacy encoding) wins a tie: a mostly-ASCII page with a
    few accents reads as well in cp1250 or cp1257 by the detector's measures, and "naïve" is then "naďve"."""
    from charset_normalizer import from_bytes

    found = from_bytes(body[:200_000], cp_isolation=WEB_ENCODINGS)
    best = found.best()
    if best is None or not best.encoding:
        return "cp1252"
    western = next((m for m in found if m.encoding == "cp1252"), None)
    if western is not None and western.chaos <= best.chaos and western.coherence >= best.coherence - 0.1:
        return "cp1252"
    return best.encoding


# Half a UTF-16 pair (a "\ud800" escape in a page's JSON-LD headline or author, read by us and by trafilatura):
# no UTF-8 store or output can hold it, and one stopped the whole run when its article was written. It becomes
# U+FFFD, as in a JSON Feed (feeds._no_lone_surrogates).
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(s: str | None, limit: int | None = None) -> str:
    """Collapse whitespace and drop control characters (text from the web is hostile)."""
    if not s:
        return ""
    out = " ".join(STORED_TEXT_INVISIBLE.sub("", s).split())  # what is left of STORED_TEXT_CONTROL is space
    if not out.isascii():
        out = _LONE_SURROGATE.sub("\ufffd", out)
    return out[:limit].rstrip() if limit and len(out) > limit else out


def clip(s: str | None, limit: int) -> str:
    """:func:`clean_text` of at most ``limit`` characters, a longer text cut between words and ended with "…"
    (a reason cut mid-word, "see xmlCtxtSetM", reads as garbage); one long word is cut where it must."""
    out = clean_text(s)
    if len(out) <= limit:
        return out
    head = out[: limit - 1]
    space = head.rfind(" ")
    return (head[:space] if space > limit // 2 else head).rstrip(" ,;:(") + "…"


def clip_shown(s: str | None, limit: int) -> str | None:
    """:func:`clip`, or None when nothing of it would show (only bidi or zero-width controls: shown empty
    everywhere), so that a fallback is used instead (a page's title, a feed entry's title or summary)."""
    out = clip(s, limit)
    return out if plain(out) else None


def parse_datetime(value: object) -> datetime | None:
    """An ISO-8601 timestamp (with or without zone, 'Z' allowed) as an aware UTC datetime, else None."""
    if not isinstance(value, str) or not value.strip():
        return None
    s = value.strip().replace("Z", "+00:00").replace("z", "+00:00")
    if re.fullmatch(r".*[+-]\d{4}", s):
        s = s[:-2] + ":" + s[-2:]
    try:
        dt = datetime.fromisoformat(s)
    except ValueError:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    offset = dt.utcoffset()
    if offset is not None and abs(offset) > timedelta(hours=14):  # no place is: a wrong time, not a zone
        return None
    return bounded_time(dt)


EARLIEST_YEAR, LATEST_YEAR = 1990, 2100
FUTURE_TOLERANCE = timedelta(hours=1)  # clocks and time zones are off by minutes, not by days


def bounded_time(dt: datetime | None) -> datetime | None:
    """An aware time in UTC when its year is one a news article can have (1990-2100), else None."""
    if dt is None or not EARLIEST_YEAR <= dt.year <= LATEST_YEAR:
        return None
    try:
        return dt.astimezone(UTC)
    except (OverflowError, ValueError):
        return None


def not_in_future(dt: datetime | None, now: datetime) -> datetime | None:
    """``dt`` unless it lies more than ``FUTURE_TOLERANCE`` after ``now``: a publication time in the future
    is a mistake or a bid to look "first to report", and is not believed."""
    return dt if dt is not None and dt <= now + FUTURE_TOLERANCE else None


def same_local_time(page: datetime, local: bool, feed_time: datetime) -> bool:
    """Whether the page's time is a day, or a time without its zone (read as UTC: "2025-12-10T08:00:00" is
    often 08:00 in New York, 13:00 UTC), that the feed's zoned time is, in some zone: the feed's time is then
    the precise one. A page's bare day or local time made an outlet "first" by hours it was not, ahead of
    outlets that gave their zone. A day: the feed's time falls in that day somewhere (UTC-12 to UTC+14). A
    time: the feed's is the same to the second but for a zone's offset (a multiple of 15 minutes, at most 14
    hours; not a bare midnight, a feed's day alone), so a feed's later time of update is never taken for it."""
    if not local:
        return False
    if page.time() == time(0):  # a day alone (or midnight): its 24 hours, wherever it was that day
        return page - timedelta(hours=14) <= feed_time < page + timedelta(hours=36)
    offset = feed_time - page
    if feed_time.time() == time(0):  # a feed that gives the day alone says less than the page
        return False
    return abs(offset) <= timedelta(hours=14) and offset % timedelta(minutes=15) == timedelta(0)


def published_for(page: ExtractedPage, known_date: datetime | None) -> datetime | None:
    """The page's date as ``extract.extract_page`` gives it to an outlet whose feed dates the page ``known_date``:
    one download serves every outlet that lists the page (ingest.pipeline), and a page whose own tags give
    no date (or a bare day or local time) takes each outlet's own listing date, not the first one's. Without
    a date of the feed, the date the page was extracted with stands."""
    own = page.page_published
    if known_date is not None and (own is None or same_local_time(own, page.page_published_local, known_date)):
        return known_date
    return own if own is not None else page.published

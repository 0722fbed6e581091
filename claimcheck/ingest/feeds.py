"""Parse RSS 0.9x/1.0/2.0, Atom, JSON Feed and news sitemaps into :class:`FeedEntry` records.

Pure: bytes in, records out. feedparser is only ever given bytes we fetched, never a URL or a path
(it would fetch or open those itself).
"""

from __future__ import annotations

import calendar
import codecs
import html
import json
import re
from datetime import UTC, datetime
from urllib.parse import urldefrag, urlsplit, urlunsplit

import feedparser
from lxml import etree

from claimcheck.errors import FeedParseError
from claimcheck.ingest.decode import (
    bounded_time,
    clean_text,
    clip,
    clip_shown,
    decode_declared,
    http_charset,
    mostly_utf8,
    parse_datetime,
    web_charset,
)
from claimcheck.models import MAX_FEED_ENTRIES, ParsedFeed
from claimcheck.textsafe import STORED_TEXT_CONTROL, STORED_TEXT_INVISIBLE, plain
from claimcheck.urls import feed_link

__all__ = ["MAX_FEED_ENTRIES", "FeedParseError", "ParsedFeed", "parse_feed", "parse_json_feed", "parse_sitemap"]

MAX_TITLE = 500
MAX_SUMMARY = 20_000
# The entries of one RSS or Atom feed that are read. feedparser takes about half a millisecond an entry
# (and our own handling a fifth more): a 5 MB feed of 30,000 items cost 15 s of CPU on an idle machine,
# a minute on a loaded one, on every run that got no 304, even with --limit 5. A news feed lists tens or
# hundreds; an archive of every post is no news feed. Past the cap the newest are kept (by their dates,
# else the first in the file) and the rest are counted as left out (`ParsedFeed.capped`). Sitemaps (lxml,
# 50,000 URLs by the protocol's own limit) are not capped.
_ENTRY_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s/>]")
_ENTRY_DATES = ("pubDate", "published", "updated", "date", "issued", "modified")


def parse_feed(body: bytes, url: str, content_type: str | None = None) -> ParsedFeed:
    """Entries of a feed or news sitemap, deduplicated by guid and by link, links made absolute."""
    body, content_type = _narrow(body, content_type)
    # (a byte order mark, then a line break: a template saved with a mark writes one before its text)
    head = body[:2048].lstrip().removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        return parse_sitemap(body, url)
    if head.startswith(b"{"):
        return parse_json_feed(body, url)
    body, content_type = _fix_encoding(body, content_type)
    body = _CHAR_REF.sub(_valid_char_ref, _CONTROL_REF.sub(_control_ref, body))
    body, capped = _cap_entries(body)
    headers = {"content-location": url}
    if content_type:
        # Only a well-formed charset reaches feedparser (a NUL in it makes its bytes.decode raise).
        media = content_type.partition(";")[0].strip()
        media = media if re.fullmatch(r"[\w.+-]{1,80}/[\w.+-]{1,80}", media) else "application/xml"
        charset = http_charset(content_type)
        headers["content-type"] = media + (f"; charset={charset}" if charset else "")
    d = _feedparser(body, headers)
    from claimcheck.models import FeedEntry

    entries: list[FeedEntry] = []
    seen: set[str] = set()
    skipped = 0
    linked = []
    for e in d.entries:
        if link := _link(e, url):
            linked.append((e, link, _guid(e)))
        else:
            skipped += 1
    shared = _shared_guids([(guid, link) for _, link, guid in linked])
    common = _common_links([(link, guid) for _, link, guid in linked])
    for e, link, guid in linked:
        guid = None if guid in shared else guid
        if link in common and guid and (permalink := feed_link(guid, url))[1]:
            link = urldefrag(str(permalink[0])).url  # the item's own address, not the one every item gives
        keys = {link} | ({guid} if guid else set())
        if keys & seen:
            continue
        seen |= keys
        entries.append(
            FeedEntry(
                link=link,
                guid=guid,
                title=_plain(e.get("title"), MAX_TITLE),
                summary=clean_text(_strip_tags(e.get("summary")), MAX_SUMMARY) or None,
                author=clean_text(e.get("author"), 200) or None,
                published=_entry_time(e),
            )
        )
    if not entries:
        if head.startswith(b"<!doctype html") or b"<html" in head:
            named = _named_feed(body, url)
            raise FeedParseError(f"not a feed (got an HTML page{f' naming its feed {named}' if named else ''})")
        if not head.startswith(b"<"):
            raise FeedParseError("not a feed (no RSS or Atom found)")
        if isinstance(d.get("bozo_exception"), feedparser.NonXMLContentType):
            # The bytes decide, not the Content-Type: a feed sent as text/html (or with none) reads as any
            # other, and feedparser's complaint about the type said nothing of the feed. Read again as XML so
            # that a feed truly malformed is still told as such; a well-formed one with no items is empty.
            d = _feedparser(body, {**headers, "content-type": _xml_type(headers.get("content-type"))})
        if d.get("bozo") and not isinstance(d.get("bozo_exception"), feedparser.CharacterEncodingOverride):
            raise FeedParseError(f"malformed feed: {_bozo(d)}")
        if not d.get("version"):
            raise FeedParseError("not a feed (no RSS or Atom found)")
    title = clip(d.feed.get("title"), MAX_TITLE) or None
    return ParsedFeed(entries=tuple(entries), title=title, skipped=skipped, capped=capped)


def _feedparser(body: bytes, headers: dict[str, str]) -> feedparser.FeedParserDict:
    try:
        return feedparser.parse(body, response_headers=headers, sanitize_html=True, resolve_relative_uris=True)
    except (ValueError, LookupError, TypeError, RecursionError) as exc:  # feedparser's own bugs on hostile input
        raise FeedParseError(f"unreadable feed ({type(exc).__name__})") from None


def _xml_type(content_type: str | None) -> str:
    """``application/xml`` with the charset ``content_type`` gave, if any."""
    charset = http_charset(content_type) if content_type else None
    return "application/xml" + (f"; charset={charset}" if charset else "")


_ALTERNATE = re.compile(rb"<link\b[^>]{0,500}>", re.IGNORECASE)
_ATTR = re.compile(rb"""\b(rel|type|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)


def _named_feed(body: bytes, url: str) -> str | None:
    """The feed an HTML page names (``<link rel="alternate" type="application/rss+xml" href=...>``, feed
    autodiscovery), for the "not a feed" line: a site's home page written where its feed should be. Not
    followed: the feed in sources.yaml is the user's to choose. The path alone when it is on the same
    host (the reason stays short), else the whole URL; None when the page names none."""
    for tag in _ALTERNATE.findall(body[:200_000]):
        attrs = {m.group(1).lower(): (m.group(2) or m.group(3) or m.group(4) or b"") for m in _ATTR.finditer(tag)}
        kind = attrs.get(b"type", b"").strip().lower()
        if b"alternate" not in attrs.get(b"rel", b"").lower().split() or kind not in (
            b"application/rss+xml", b"application/atom+xml", b"application/feed+json"
        ):
            continue
        link, ok = feed_link(html.unescape(attrs.get(b"href", b"").decode("utf-8", "replace")), url)
        if ok and link:
            there, here = urlsplit(str(link)), urlsplit(url)
            same = (there.scheme, there.netloc) == (here.scheme, here.netloc)
            return plain(urlunsplit(("", "", there.path, there.query, "")) if same else str(link))
    return None


def _cap_entries(body: bytes, cap: int | None = None) -> tuple[bytes, int]:
    """The feed with at most ``cap`` entries, and how many were left out. The newest are kept when most
    entries have a date (RFC 822 or ISO 8601), else the first ones; the kept ones stay in their order.
    The feed is read with lxml (a 5 MB feed in a few hundredths of a second, entities not expanded, nothing
    fetched) and written back in its own encoding, so feedparser reads the same text it would have; a feed
    lxml cannot read (not well-formed) is cut as text (:func:`_cap_text`), else handed over whole."""
    cap = MAX_FEED_ENTRIES if cap is None else cap
    if len(_ENTRY_TAG.findall(body)) <= cap:
        return body, 0
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(body, parser)
    except (etree.XMLSyntaxError, ValueError):
        return _cap_text(body, cap)
    found = [
        el
        for el in root.iter()
        if isinstance(el.tag, str) and etree.QName(el).localname in ("item", "entry")
    ]
    entries = [el for el in found if el.getparent() is None or etree.QName(el.getparent()).localname not in ("item", "entry")]
    if len(entries) <= cap:
        return body, 0
    times = [_element_time(el) for el in entries]
    if sum(t is not None for t in times) * 2 > len(entries):
        order = sorted(range(len(entries)), key=lambda i: (times[i] is not None, times[i] or 0.0, -i), reverse=True)
        keep = set(order[:cap])
    else:
        keep = set(range(cap))
    for i, el in enumerate(entries):
        if i not in keep and (parent := el.getparent()) is not None:
            parent.remove(el)
    tree = root.getroottree()
    try:
        kept = etree.tostring(tree, encoding=tree.docinfo.encoding or "utf-8", xml_declaration=True)
    except (LookupError, ValueError, etree.SerialisationError):  # an encoding lxml reads but cannot write
        return body, 0
    return kept, len(entries) - cap


def _element_time(el: etree._Element) -> float | None:
    """The time of a feed entry element (its pubDate, published, updated or dc:date), as a timestamp."""
    for child in el:
        if not isinstance(child.tag, str) or etree.QName(child).localname not in _ENTRY_DATES:
            continue
        if (t := _text_time((child.text or "").strip())) is not None:
            return t
    return None


def _text_time(text: str) -> float | None:
    """An entry's date as a timestamp (RFC 822 or ISO 8601; no zone is UTC), None when it reads as neither."""
    from email.utils import parsedate_to_datetime

    dt = parse_datetime(text)
    if dt is None and text:
        try:
            dt = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError, OverflowError):
            dt = None
    return None if dt is None else (dt if dt.tzinfo else dt.replace(tzinfo=UTC)).timestamp()


_ENTRY_CLOSE = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?(?:item|entry)\s*>")
_SPAN_DATE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:" + b"|".join(d.encode() for d in _ENTRY_DATES) + rb")\b[^>]{0,200}>([^<]{1,100})<")


def _cap_text(body: bytes, cap: int) -> tuple[bytes, int]:
    """:func:`_cap_entries` for a feed lxml cannot read (an unescaped "&" in one title, a stray tag): its
    entries cut out as text, when each one's start tag is followed by its end tag before the next entry
    starts (a nested or unclosed entry: the feed is handed over whole). A not well-formed feed of 20,000
    entries went to feedparser whole: 12.6 s of CPU on every run against 3.0 s for a well-formed one, and
    every entry was kept. The rest of the text is left as it was, for feedparser's loose reading."""
    opens = [m.start() for m in _ENTRY_TAG.finditer(body)]
    closes = [m.end() for m in _ENTRY_CLOSE.finditer(body)]
    if len(opens) != len(closes) or len(opens) <= cap:
        return body, 0
    for i, (start, end) in enumerate(zip(opens, closes, strict=True)):
        if end <= start or (i + 1 < len(opens) and opens[i + 1] < end):
            return body, 0
    times: list[float | None] = []
    for start, end in zip(opens, closes, strict=True):
        m = _SPAN_DATE.search(body, start, end)
        times.append(_text_time(m.group(1).decode("latin-1").strip()) if m else None)
    if sum(t is not None for t in times) * 2 > len(times):
        order = sorted(range(len(times)), key=lambda i: (times[i] is not None, times[i] or 0.0, -i), reverse=True)
        keep = set(order[:cap])
    else:
        keep = set(range(cap))
    parts, last = [], 0
    for i, (start, end) in enumerate(zip(opens, closes, strict=True)):
        if i not in keep:
            parts.append(body[last:start])
            last = end
    parts.append(body[last:])
    return b"".join(parts), len(opens) - cap


# A numeric character reference: feedparser raises on one that names no character (a surrogate, 0, past
# U+10FFFF, too many digits for C), losing every entry of the feed for one bad title.
_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,40})|([0-9]{1,40}))(?=[^0-9a-fA-F]|$)")


# A reference to a control character XML 1.0 does not allow (feedparser made "&#0;" U+FFFD, in the middle
# of a word): as decode.clean_text treats the characters themselves (textsafe's two classes), gone where it
# stands (STORED_TEXT_INVISIBLE: a NUL), or a space for the others that separate (vertical tab, form feed,
# U+001C-F).
_CONTROL_REF = re.compile(rb"&#(?:[xX]0{0,8}([0-9a-fA-F]{1,2})|0{0,8}([0-9]{1,3}));")


def _as_stored(n: int) -> bytes | None:
    """What stored text makes of character ``n``: b"" (gone), b" " (a space), None (kept)."""
    if STORED_TEXT_INVISIBLE.match(chr(n)):
        return b""
    return b" " if STORED_TEXT_CONTROL.match(chr(n)) else None


def _control_ref(m: re.Match[bytes]) -> bytes:
    stored = _as_stored(int(m.group(1), 16) if m.group(1) is not None else int(m.group(2)))
    return m.group(0) if stored is None else stored


# The control bytes themselves, raw in a UTF-8 (or other ASCII-based) sitemap: lxml refused the whole
# sitemap for one NUL in one title ("Char 0x0 out of allowed range"), where feedparser reads a feed past it.
_SPACE_BYTES = bytes(b for b in range(0x80) if _as_stored(b) == b" ")
_CONTROL_BYTES = bytes.maketrans(_SPACE_BYTES, b" " * len(_SPACE_BYTES))
_GONE_BYTES = bytes(b for b in range(0x80) if _as_stored(b) == b"")


def _drop_control_bytes(body: bytes) -> bytes:
    if body.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in body[:4]:
        return body  # UTF-16 or UTF-32, whose characters hold such bytes
    # U+FFFE and U+FFFF written out in UTF-8: XML 1.0 allows neither, and lxml refuses a whole sitemap for one
    return body.translate(_CONTROL_BYTES, _GONE_BYTES).replace(b"\xef\xbf\xbe", b"\xef\xbf\xbd").replace(
        b"\xef\xbf\xbf", b"\xef\xbf\xbd"
    )


def _valid_char_ref(m: re.Match[bytes]) -> bytes:
    n = int(m.group(1), 16) if m.group(1) is not None else int(m.group(2))
    return m.group(0) if 0 < n <= 0x10FFFF and not 0xD800 <= n <= 0xDFFF else b"&#xFFFD"


def _xml_char_ref(m: re.Match[bytes]) -> bytes:
    """For lxml, which refuses a whole sitemap for one reference to a character XML 1.0 does not allow."""
    n = int(m.group(1), 16) if m.group(1) is not None else int(m.group(2))
    ok = n in (0x9, 0xA, 0xD) or 0x20 <= n <= 0xD7FF or 0xE000 <= n <= 0xFFFD or 0x10000 <= n <= 0x10FFFF
    return m.group(0) if ok else b"&#xFFFD"


# UTF-32 and UTF-16, by their byte order mark, else by where the NUL bytes of the first "<" (or space) fall
# (XML 1.0, appendix F): UTF-32's marks first, as theirs begin with UTF-16's.
_WIDE_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"),
)  # fmt: skip
_WIDE_LABEL = re.compile(r"(?i)^(?:utf|ucs)-?(?:16|32|2|4)(?:-?[bl]e)?$")


def _wide_encoding(body: bytes) -> str | None:
    for bom, name in _WIDE_BOMS:
        if body.startswith(bom):
            return name
    first = body[:4]
    if len(first) < 4 or b"\x00" not in first:
        return None
    if first[:3] == b"\x00\x00\x00":
        return "utf-32-be"
    if first[1:] == b"\x00\x00\x00":
        return "utf-32-le"
    if first[0] == 0 and first[1] != 0:
        return "utf-16-be"
    if first[0] != 0 and first[1] == 0:
        return "utf-16-le"
    return None


def _narrow(body: bytes, content_type: str | None) -> tuple[bytes, str | None]:
    """A UTF-16 or UTF-32 feed or sitemap (a byte order mark, or the NULs of its first characters) as
    UTF-8, its XML declaration and content type saying so: read as bytes, "<urlset" was not found in it
    and a UTF-16 sitemap was "not a feed"; lxml and feedparser then read the same text. A label of UTF-16
    on bytes that are not (ASCII, no NULs: the label lies) is dropped as well."""
    wide = _wide_encoding(body)
    declared = _XML_DECL_ENCODING.match(body)
    charset = http_charset(content_type)
    if wide is None:
        lying = [c for c in (charset, declared.group(1).decode("ascii") if declared else None) if c and _WIDE_LABEL.match(c)]
        if not lying:
            return body, content_type
        if declared and _WIDE_LABEL.match(declared.group(1).decode("ascii")):
            body = body[: declared.start(1)] + b"utf-8" + body[declared.end(1) :]
        return body, _utf8_type(content_type) if charset and _WIDE_LABEL.match(charset) else content_type
    text = body.decode(wide, errors="replace").lstrip("\ufeff")
    return _XML_DECL_ENCODING_TEXT.sub(r"\1utf-8", text, count=1).encode("utf-8"), _utf8_type(content_type)


def _utf8_type(content_type: str | None) -> str:
    media = (content_type or "application/xml").split(";", 1)[0].strip() or "application/xml"
    return f"{media}; charset=utf-8"


_XML_DECL_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""")
_XML_DECL_ENCODING_TEXT = re.compile(r"""(^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["'])[A-Za-z0-9._:-]{1,40}""")
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def _fix_encoding(body: bytes, content_type: str | None) -> tuple[bytes, str | None]:
    """Hand feedparser UTF-8 when the feed lies about its charset (cp1251 or latin-1 bytes declared as
    UTF-8, UTF-8 declared as latin-1, UTF-8 with a few stray bytes of another charset); feeds that tell
    the truth pass through untouched."""
    if body.startswith(_BOMS):
        # A byte order mark says the encoding, over any declaration (XML 1.0, appendix F): a UTF-16 feed
        # declaring encoding="iso-8859-1" was "not a feed" to feedparser. Handed over as UTF-8.
        text = body.decode("utf-8-sig" if body.startswith(_BOMS[0]) else "utf-16", errors="replace")
        return _as_utf8(text, content_type, declared_in_xml=True)
    declared = [c for c in (http_charset(content_type),) if c]
    if m := _XML_DECL_ENCODING.match(body):
        declared.append(m.group(1).decode("ascii"))
    first = declared[0] if declared else "utf-8"
    try:
        codec = codecs.lookup(first).name
        body.decode(first)
        honest = codec.startswith(("utf-8", "utf-16", "utf-32")) or (web_charset(codec) and mostly_utf8(body) is None)
    except (LookupError, UnicodeError):  # ("punycode" raised a UnicodeError: the whole run's internal error)
        honest = False
    if honest:
        return body, content_type
    return _as_utf8(decode_declared(body, declared), content_type, declared_in_xml=m is not None)


def _as_utf8(text: str, content_type: str | None, declared_in_xml: bool) -> tuple[bytes, str | None]:
    """A feed's decoded text handed to feedparser as UTF-8, its XML declaration (when it has one) and its
    content type saying so."""
    if declared_in_xml:
        text = _XML_DECL_ENCODING_TEXT.sub(r"\1utf-8", text, count=1)
    media = (content_type or "application/xml").split(";", 1)[0].strip() or "application/xml"
    return text.encode("utf-8"), f"{media}; charset=utf-8"


def _guid(e: feedparser.FeedParserDict) -> str | None:
    return clean_text(e.get("id") or e.get("guid"), 2000) or None


def _shared_guids(pairs: list[tuple[str | None, str]]) -> set[str]:
    """The guids that entries of three pages or more share (a feed that gives every item its own address, or
    "0", as guid): no entry's identity. Taken for one, they made the feed one entry long, and every later
    entry of it "seen" forever. Two links under one guid are one story listed twice, as before (its links
    alike but for tracking parameters count as one)."""
    from claimcheck.ingest.canonical import bare_link

    pages: dict[str, set[str]] = {}
    for guid, link in pairs:
        if guid:
            pages.setdefault(guid, set()).add(bare_link(link))
    return {guid for guid, links in pages.items() if len(links) >= 3}


def _common_links(pairs: list[tuple[str, str | None]]) -> set[str]:
    """The site's front page when items of different guids share it as their link (a feed that gives every
    item the site's address as its link, and the article's as its permalink guid): read as one entry, the
    front page, until now. Another shared link (a live page's updates) stays one entry."""
    from claimcheck.ingest.canonical import front_page

    guids: dict[str, set[str]] = {}
    for link, guid in pairs:
        if guid and front_page(link):
            guids.setdefault(link, set()).add(guid)
    return {link for link, found in guids.items() if len(found) > 1}


def _link(e: feedparser.FeedParserDict, base: str) -> str | None:
    """The entry's article link, absolute and http(s); RSS items that only carry a permalink guid count.

    An http(s) link that cannot be fetched (port 99999, a bad host) is kept as written, so that the fetch
    fails that entry alone and says why.
    """
    candidates = [e.get("link")]
    candidates += [lk.get("href") for lk in e.get("links", []) if lk.get("rel", "alternate") == "alternate"]
    guid = e.get("id")
    if e.get("guidislink") or (isinstance(guid, str) and guid.startswith("http")):
        candidates.append(guid)
    for c in candidates:
        if c and isinstance(c, str) and (link := feed_link(c, base)[0]):
            # without its fragment, which is never sent: a live page's updates as anchors are one page
            return urldefrag(link).url
    return None


def _entry_time(e: feedparser.FeedParserDict) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        # dict.get: feedparser's own lookup warns when it maps updated to published.
        t = dict.get(e, key)
        raw = dict.get(e, key.removesuffix("_parsed"))
        if t and _impossible_zone(raw):
            continue  # "10:00:00 +9999": feedparser shifts the time by 4 days; no time beats a wrong one
        if isinstance(raw, str) and (m := _NAMED_ZONE.search(raw)):
            offset = _zone_offset(m)
            if offset is None:
                continue  # a zone name we cannot read: feedparser took it for UTC
            if offset != "feedparser's":
                from feedparser.datetimes import _parse_date

                t = _parse_date(f"{raw[: m.start(1)].rstrip()} {offset}")
        if t:
            try:
                dt = bounded_time(datetime.fromtimestamp(calendar.timegm(t), tz=UTC))
            except (OverflowError, ValueError, OSError):
                continue
            if dt is not None:
                return dt
    return None


_ZONE = re.compile(r"\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*[+-](\d{2}):?(\d{2})\s*$")


# A time zone given by name: feedparser knows the US ones, GMT and the military letters, and reads every
# other name as UTC ("10:00 JST" was 10:00 UTC, nine hours late, and "10:00 UTC+05:30" five and a half:
# the first outlet to report was then someone else). The names news feeds write, as minutes east of UTC;
# IST and BST as English-language news uses them (India, British summer time). Another name, or an offset
# past 14 hours: no time from it (the page's own date, if it has one, is the date).
_NAMED_ZONE = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*((?:(?:GMT|UTC|UT)\s*(?=[+-]))?([+-]\d{1,2}(?::?\d{2})?|[A-Za-z]{1,5}))\s*$"
)
_ZONE_MINUTES = {
    "utc": 0, "wet": 0, "west": 60, "cet": 60, "cest": 120, "eet": 120, "eest": 180, "msk": 180,
    "sast": 120, "cat": 120, "eat": 180, "wat": 60, "gst": 240, "pkt": 300, "ist": 330, "npt": 345,
    "bst": 60, "ict": 420, "wib": 420, "hkt": 480, "sgt": 480, "pht": 480, "awst": 480, "jst": 540,
    "kst": 540, "acst": 570, "acdt": 630, "aest": 600, "aedt": 660, "nzst": 720, "nzdt": 780,
    "hst": -600, "akst": -540, "akdt": -480, "nst": -210, "ndt": -150, "brt": -180, "art": -180,
}  # fmt: skip
_FEEDPARSER_ZONES = frozenset(
    {"ut", "gmt", "z", "adt", "ast", "at", "edt", "est", "et", "cdt", "cst", "ct", "mdt", "mst", "mt"}
    | {"pdt", "pst", "pt", "met", "mest", *"abcdefghiklmnopqrstuvwxy"}
)


def _zone_offset(m: re.Match[str]) -> str | None:
    """The zone at the end of a feed's time as a numeric offset ("+0900"), "feedparser's" when feedparser
    reads it right (a number without GMT before it, a name it knows), ``None`` when nobody can."""
    zone = m.group(2)
    if zone[0] in "+-":
        if zone == m.group(1):
            return "feedparser's"  # "+0900", "+09:00"; an impossible one is _impossible_zone's
        digits = zone[1:].replace(":", "")  # "GMT+2", "UTC+05:30"
        hours, minutes = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "0")
        if int(hours) > 14 or int(minutes) > 59:
            return None
        return f"{zone[0]}{int(hours):02d}{int(minutes):02d}"
    if zone.lower() in _FEEDPARSER_ZONES:
        return "feedparser's"
    minutes = _ZONE_MINUTES.get(zone.lower())
    if minutes is None:
        return None
    return f"{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


def _impossible_zone(raw: object) -> bool:
    """A numeric zone no place has (past +-14:00, or 60 minutes and more) at the end of a feed's date."""
    m = _ZONE.search(raw) if isinstance(raw, str) else None
    return m is not None and (int(m.group(1)) > 14 or int(m.group(2)) > 59)


def _bozo(d: feedparser.FeedParserDict) -> str:
    exc = d.get("bozo_exception")
    msg = getattr(exc, "getMessage", lambda: str(exc))() if exc else "unreadable"
    return clip(str(msg), 120)


def _xml_reason(e: etree.XMLSyntaxError) -> str:
    """libxml2's complaint in words: an entity bomb said as one (its message names a C function), the rest
    with its line, without lxml's "(<string>, line 1)"."""
    msg = clean_text(e.msg or str(e)).rstrip(".")
    if "amplification" in msg.lower():
        return "its entities expand too far (an entity bomb?)"
    # libxml2 names the line itself in some messages ("..., line 2, column 65"): said once (unless cut off)
    short = clip(msg, 100)
    return short + (f" (line {e.lineno})" if e.lineno and f"line {e.lineno}," not in short else "")


_TAG = re.compile(r"<[^>]{0,2000}>")


def _strip_tags(s: str | None) -> str:
    return _TAG.sub(" ", s) if s else ""


def _plain(s: str | None, limit: int) -> str | None:
    """Feed text as plain text: real feeds double-escape, so markup can survive feedparser's unescaping."""
    return clip_shown(html.unescape(_TAG.sub("", s or "")), limit)  # a long title cut between words


def parse_json_feed(body: bytes, url: str) -> ParsedFeed:
    """Entries of a JSON Feed (jsonfeed.org, versions 1 and 1.1; feedparser reads none): each item's ``url``
    (else ``external_url``, else an http ``id``), ``id``, ``title``, ``summary`` (else its content as text),
    first author and ``date_published`` (else ``date_modified``); deduplicated by id and by link."""
    from claimcheck.models import FeedEntry

    try:
        text = body.decode("utf-8-sig")  # JSON Feed is UTF-8 (RFC 8259)
        doc = json.loads(text)
        if "\\u" in text and _SURROGATE_ESCAPE.search(text):
            doc = _no_lone_surrogates(doc)
    except RecursionError:  # (arrays or objects nested thousands deep: valid UTF-8 JSON, no feed)
        raise FeedParseError("malformed JSON feed (nested too deep)") from None
    except (UnicodeDecodeError, ValueError):
        raise FeedParseError("malformed JSON feed (not UTF-8 JSON)") from None
    items = doc.get("items") if isinstance(doc, dict) else None
    if not isinstance(items, list) or "jsonfeed.org" not in str(doc.get("version", "")):
        raise FeedParseError("not a feed (JSON, but no JSON Feed)")
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    skipped = 0
    for item in items:
        link = _json_link(item, url) if isinstance(item, dict) else None
        if link is None:
            skipped += 1
            continue
        raw_id = item.get("id")
        guid = clip(str(raw_id), 2048) if isinstance(raw_id, str | int) and str(raw_id).strip() else None
        keys = {link} | ({guid} if guid else set())
        if keys & seen:
            continue
        seen |= keys
        text = item.get("summary") or item.get("content_text") or _strip_tags(_json_str(item.get("content_html")))
        entries.append(
            FeedEntry(
                link=link,
                guid=guid,
                title=_plain(_json_str(item.get("title")), MAX_TITLE),
                summary=clean_text(html.unescape(_json_str(text)), MAX_SUMMARY) or None,
                author=clean_text(_json_author(item), 200) or None,
                published=bounded_time(parse_datetime(item.get("date_published") or item.get("date_modified"))),
            )
        )
    title = clip(_json_str(doc.get("title")), MAX_TITLE) or None
    return ParsedFeed(entries=tuple(entries), title=title, skipped=skipped)


# A "\ud800" escape with no partner decodes to a lone surrogate, which no UTF-8 store or output can hold:
# one such title in one item stopped the whole fetch ("internal error: UnicodeEncodeError"). Each becomes
# U+FFFD, as a reference to a surrogate in an XML feed does.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_lone_surrogates(value: object) -> object:
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_no_lone_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_SURROGATE.sub("\ufffd", k): _no_lone_surrogates(v) for k, v in value.items()}
    return value


def _json_str(value: object) -> str:
    return value if isinstance(value, str) else ""


def _json_link(item: dict[str, object], base: str) -> str | None:
    raw_id = item.get("id")
    for c in (item.get("url"), item.get("external_url"), raw_id if isinstance(raw_id, str) and raw_id.startswith("http") else None):
        if isinstance(c, str) and c and (link := feed_link(c, base)[0]):
            return urldefrag(link).url
    return None


def _json_author(item: dict[str, object]) -> str:
    authors = item.get("authors")
    people = authors if isinstance(authors, list) else [item.get("author")]  # "author": version 1
    for person in people:
        if isinstance(person, dict) and isinstance(name := person.get("name"), str) and name.strip():
            return name
    return ""


_NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


def parse_sitemap(body: bytes, url: str) -> ParsedFeed:
    """A (news) sitemap's URLs as entries, newest first; a sitemap index's children as ``sitemaps``, newest
    ``<lastmod>`` first (those without one last, in document order)."""
    from claimcheck.models import FeedEntry

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    body = _narrow(body, None)[0]
    try:
        body = _CONTROL_REF.sub(_control_ref, _drop_control_bytes(body))
        root = etree.fromstring(_CHAR_REF.sub(_xml_char_ref, body), parser)
    except etree.XMLSyntaxError as e:
        raise FeedParseError(f"malformed sitemap: {_xml_reason(e)}") from None
    tag = etree.QName(root).localname
    if tag == "sitemapindex":
        children: dict[str, datetime | None] = {}
        for node in root.iter("{*}sitemap"):
            loc, lastmod = node.find("{*}loc"), node.find("{*}lastmod")
            link, ok = feed_link(loc.text if loc is not None else None, url)
            if ok and link not in children:
                children[str(link)] = parse_datetime(lastmod.text if lastmod is not None else None)
        order = sorted(children, key=lambda c: children[c] or datetime.min.replace(tzinfo=UTC), reverse=True)
        return ParsedFeed(entries=(), sitemaps=tuple(order))
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    skipped = 0
    for node in root.iter("{*}url"):
        loc = node.find("{*}loc")
        link = feed_link(loc.text if loc is not None else None, url)[0]
        if not link or link in seen:
            skipped += not link
            continue
        seen.add(link)
        title = node.find(".//news:title", _NS)
        date = node.find(".//news:publication_date", _NS)
        if date is None:
            date = node.find("{*}lastmod")
        entries.append(
            FeedEntry(
                link=link,
                guid=link,
                title=clip(title.text if title is not None else None, MAX_TITLE) or None,
                published=parse_datetime(date.text if date is not None else None),
            )
        )
    entries.sort(key=lambda e: e.published or datetime.min.replace(tzinfo=UTC), reverse=True)
    return ParsedFeed(entries=tuple(entries), skipped=skipped)

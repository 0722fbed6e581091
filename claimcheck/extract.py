"""Extract an article's text and metadata from its HTML page (trafilatura, plus the page's own meta tags).

Pure: bytes in, :class:`ExtractedPage` out. Reader comments and "latest news" boxes are left out
(comments excluded, precision favoured), so they never become claims.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.utils import load_html

from claimcheck.models import ExtractedPage

MAX_TITLE = 500
_CHARSET_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u2028\u2029\ufeff]")


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Decode a page to text, trusting a declared charset only when the bytes really are in it.

    Order: BOM, the HTTP charset, the ``<meta charset>``, UTF-8, then detection. A page declared UTF-8
    that carries cp1251 or latin-1 bytes is detected, not turned into mojibake.
    """
    if body.startswith(b"\xef\xbb\xbf"):
        return body[3:].decode("utf-8", errors="replace")
    declared: list[str] = []
    if charset := http_charset(content_type):
        declared.append(charset)
    if m2 := _CHARSET_META.search(body[:4096]):
        declared.append(m2.group(1).decode("ascii", "ignore"))
    return decode_declared(body, declared)


def http_charset(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header, if any."""
    if content_type and (m := re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.I)):
        return m.group(1)
    return None


def decode_declared(body: bytes, declared: list[str]) -> str:
    """Decode with the first declared charset the bytes really are in, else UTF-8, else detection."""
    for enc in (*declared, "utf-8"):
        try:
            text = body.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
        # A single-byte charset decodes anything; accept it only when the bytes are not valid UTF-8
        # with non-ASCII in them (UTF-8 declared as latin-1 is the common lie).
        if enc.lower().replace("-", "") not in ("utf8",) and is_utf8_multibyte(body):
            return body.decode("utf-8")
        return text
    from charset_normalizer import from_bytes

    best = from_bytes(body[:200_000]).best()
    if best is not None and best.encoding:
        return body.decode(best.encoding, errors="replace")
    return body.decode("cp1252", errors="replace")


def is_utf8_multibyte(body: bytes) -> bool:
    """Valid UTF-8 with non-ASCII in it: bytes a single-byte charset declaration would turn into mojibake."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return any(b > 0x7F for b in body)


def clean_text(s: str | None, limit: int | None = None) -> str:
    """Collapse whitespace and drop control characters (text from the web is hostile)."""
    if not s:
        return ""
    out = " ".join(_CONTROL.sub(" ", s).split())
    return out[:limit].rstrip() if limit and len(out) > limit else out


def extract_page(html: str | bytes, url: str, content_type: str | None = None) -> ExtractedPage:
    """Text, title, author, publication time and canonical URL of an article page.

    Raises ``ValueError`` when the page holds no article text.
    """
    text_html = decode_html(html, content_type) if isinstance(html, bytes) else html
    # Parse once, with trafilatura's own loader: our meta tags are read from the tree trafilatura then
    # extracts from (parsing a 100 KB page twice cost ~15% of extraction time, see bench/extract.py).
    tree = load_html(text_html)
    meta = page_metadata(tree if tree is not None else text_html, url)
    doc = trafilatura.bare_extraction(
        tree if tree is not None else text_html,
        url=url,
        include_comments=False,
        favor_precision=True,
        # trafilatura's metadata (htmldate included) is only a fallback for what the page's own tags lack
        with_metadata=not all(k in meta for k in ("title", "author", "published")),
    )
    if doc is None or not (doc.text or "").strip():
        raise ValueError("no article text found")
    text = _clean_body(doc.text)
    if not text:
        raise ValueError("no article text found")
    title = clean_text(meta.get("title") or doc.title, MAX_TITLE) or None
    author = clean_text(meta.get("author") or doc.author, 200) or None
    published = meta.get("published") or _date_only(doc.date)
    return ExtractedPage(
        text=text, title=title, author=author, published=published, canonical_url=meta.get("canonical")
    )


def _clean_body(text: str) -> str:
    """Keep paragraphs (one per line) but remove control characters and runs of blank space."""
    lines = (" ".join(_CONTROL.sub(" ", line).split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def page_metadata(html: str | lxml.html.HtmlElement, url: str) -> dict[str, object]:
    """Title, author, precise publication time and canonical URL from the page's head and JSON-LD
    (``html`` as text or as an already parsed tree)."""
    out: dict[str, object] = {}
    if isinstance(html, lxml.html.HtmlElement):
        root = html
    else:
        try:
            root = lxml.html.document_fromstring(html[:2_000_000].encode("utf-8", "replace"))
        except (etree.ParserError, ValueError):
            return out
    for node in root.xpath("//link[@rel='canonical'][@href]")[:1]:
        href = urljoin(url, node.get("href").strip())
        if urlsplit(href).scheme in ("http", "https"):
            out["canonical"] = href
    metas = {
        (m.get("property") or m.get("name") or m.get("itemprop") or "").lower(): (m.get("content") or "").strip()
        for m in root.xpath("//meta[@content]")
    }
    for key in ("og:title", "twitter:title"):
        if metas.get(key):
            out["title"] = metas[key]
            break
    if metas.get("author") and "http" not in metas["author"]:
        out["author"] = metas["author"]
    ld = _json_ld(root)
    for key in ("article:published_time", "datepublished", "pubdate", "publishdate", "dc.date.issued", "date"):
        if (dt := parse_datetime(metas.get(key))) is not None:
            out["published"] = dt
            break
    else:
        if (dt := parse_datetime(ld.get("datePublished"))) is not None:
            out["published"] = dt
        else:
            for t in root.xpath("//time[@datetime]")[:1]:
                if (dt := parse_datetime(t.get("datetime"))) is not None:
                    out["published"] = dt
    if "title" not in out and isinstance(ld.get("headline"), str):
        out["title"] = ld["headline"]
    if "author" not in out:
        author = ld.get("author")
        if isinstance(author, list) and author:
            author = author[0]
        if isinstance(author, dict):
            author = author.get("name")
        if isinstance(author, str):
            out["author"] = author
    return out


def _json_ld(root: lxml.html.HtmlElement) -> dict[str, object]:
    """The first NewsArticle-like object among the page's JSON-LD blocks."""
    for node in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(node.text_content() or "")
        except (ValueError, RecursionError):
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        for item in items:
            if isinstance(item, dict) and ("datePublished" in item or "headline" in item):
                return item
    return {}


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
    if not 1990 <= dt.year <= 2100:
        return None
    return dt.astimezone(UTC)


def _date_only(value: object) -> datetime | None:
    return parse_datetime(value) if isinstance(value, str) and len(value) >= 10 else None

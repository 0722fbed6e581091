"""Extract an article's text and metadata from its HTML page (trafilatura, plus the page's own meta tags).

Pure: bytes in, :class:`ExtractedPage` out. Reader comments and "latest news" boxes are left out
(comments excluded, precision favoured), so they never become claims.
"""

from __future__ import annotations

import contextlib
import json
from datetime import datetime
from typing import Any, cast

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.utils import load_html

from claimcheck.errors import FetchError, NoArticleText
from claimcheck.ingest.decode import clean_text, decode_html, parse_datetime
from claimcheck.models import ExtractedPage
from claimcheck.textsafe import STORED_TEXT_CONTROL
from claimcheck.urls import fetchable_url

try:  # the elements after which trafilatura's cascade lets justext look again
    from trafilatura.external import SANITIZED_XPATH as _UNCLEAN
except ImportError:  # older trafilatura: the same list, spelled out
    _UNCLEAN = (
        ".//aside|.//audio|.//button|.//fieldset|.//figure|.//footer|.//iframe|.//input|.//label|.//link"
        "|.//nav|.//noindex|.//noscript|.//object|.//option|.//select|.//source|.//svg|.//time"
    )

MAX_TITLE = 500


def extract_page(html: str | bytes, url: str, content_type: str | None = None) -> ExtractedPage:
    """Text, title, author, publication time and canonical URL of an article page.

    Raises ``ValueError`` when the page holds no article text.
    """
    text_html = decode_html(html, content_type) if isinstance(html, bytes) else html
    # Parse once, as trafilatura's own loader does: our meta tags are read from the tree trafilatura then
    # extracts from (parsing a 100 KB page twice cost ~15% of extraction time, see bench/extract.py).
    tree = parse_html(text_html)
    source = tree if tree is not None else text_html
    meta = page_metadata(source, url)
    doc = _extract(
        source,
        url,
        # trafilatura's metadata (htmldate included) is only a fallback for what the page's own tags lack
        with_metadata=not all(k in meta for k in ("title", "author", "published")),
        fast=True,
    )
    if needs_full_cascade(doc):
        # The fast pass may have under-delivered: run trafilatura's whole cascade (its comparison with
        # readability and justext); trafilatura works on a copy of the tree it is given.
        full = _extract(source, url, with_metadata=False, fast=False)
        if full is not None and doc is not None:
            full.title, full.author, full.date = doc.title, doc.author, doc.date
        doc = full
    if doc is None or not (doc.text or "").strip():
        raise NoArticleText("no article text found")
    text = _clean_body(doc.text or "")
    if not text:
        raise NoArticleText("no article text found")
    title = clean_text(meta.get("title") or doc.title, MAX_TITLE) or None
    author = clean_text(meta.get("author") or doc.author, 200) or None
    published = meta.get("published") or _date_only(doc.date)
    return ExtractedPage(
        text=text, title=title, author=author, published=published, canonical_url=meta.get("canonical")
    )


def parse_html(text: str) -> lxml.html.HtmlElement | None:
    """The page's tree, exactly as trafilatura's ``load_html`` builds it, only faster on clean pages.

    ``load_html`` first deletes characters XML forbids with a regex pass over the whole page: 60% of its
    time on a 100 KB page (1 ms), nearly always removing nothing. Here substring tests (0.1 ms) look for
    those characters first; a page that has any, or that the quick path cannot parse, goes through
    ``load_html`` itself. A test checks both give the same tree on every real and demo page.
    """
    if _FAST_PARSE is None or any(c in text for c in _INVALID_XML):
        return load_html(text)
    parser, fromstring, doctype_tag, faulty_html = _FAST_PARSE
    beginning = text[:50].lower()
    # trafilatura's repairs (utils.repair_faulty_html), but for the character pass
    if "doctype" in beginning:
        first, _, rest = text.partition("\n")
        text = doctype_tag.sub("", first, count=1) + "\n" + rest
    for line in text[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            text = faulty_html.sub(r"\1>", text, count=1)
            break
    try:
        tree = fromstring(text, parser=parser)
    except Exception:  # noqa: BLE001 - anything unusual: let trafilatura's own loader deal with it
        return load_html(text)
    if tree is None or len(tree) < 1:
        return load_html(text)
    if "html" not in beginning and len(tree) < 2:  # trafilatura's "dubious HTML" rejection
        return None
    return tree


_INVALID_XML = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)]
try:
    from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, HTML_PARSER, INVALID_XML_CHARS
    from trafilatura.utils import fromstring as _fromstring

    # The quick path stands in for trafilatura's character pass only while that pass removes exactly
    # these characters; any other version of it falls back to load_html.
    _same = INVALID_XML_CHARS.pattern == "[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\ufffe\\uffff]"
    _FAST_PARSE = (HTML_PARSER, _fromstring, DOCTYPE_TAG, FAULTY_HTML) if _same else None
except ImportError:
    _FAST_PARSE = None


# trafilatura's comparison with readability and justext (what ``fast=False`` adds) can only replace the
# main extractor's text when that text is empty, short, lacks paragraph text, is table-dominated or holds
# elements that make justext look again (its SANITIZED_XPATH). Readability must also find more than twice
# as much text, which is where the length limit comes from: on the 181 real pages of
# shared/realdata/extraction-benchmark the cascade changed the text of 6 pages, all under 900 characters,
# and this gate gives the same mean word F1 as the full cascade on every page (0.965) at about half the
# CPU (bench/extract.py; the 2,000 pages of bench/corpus.py never reach the second pass).
FULL_CASCADE_BELOW = 1000  # characters of text from the fast pass


def needs_full_cascade(doc: trafilatura.settings.Document | None) -> bool:
    """Whether a fast extraction must be redone with trafilatura's full cascade of extractors."""
    if doc is None or len(doc.text or "") < FULL_CASCADE_BELOW:
        return True
    body = getattr(doc, "body", None)
    if body is None:
        return True
    if not body.xpath(".//p//text()") or len(body.findall(".//table")) > len(body.findall(".//p")):
        return True
    return bool(body.xpath(_UNCLEAN))


def _extract(
    html: str | lxml.html.HtmlElement, url: str, *, with_metadata: bool, fast: bool
) -> trafilatura.settings.Document | None:
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        favor_precision=True,
        with_metadata=with_metadata,
        fast=fast,
    )
    return cast("trafilatura.settings.Document | None", doc)  # a dict only when asked (as_dict=True)


def _clean_body(text: str) -> str:
    """Keep paragraphs (one per line) but remove control characters and runs of blank space."""
    lines = (" ".join(STORED_TEXT_CONTROL.sub(" ", line).split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def page_metadata(html: str | lxml.html.HtmlElement, url: str) -> dict[str, Any]:
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
        # A malformed canonical (https://[site_url]/...) is ignored; the article is kept.
        with contextlib.suppress(FetchError):
            out["canonical"] = fetchable_url(node.get("href"), base=url)
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


def _date_only(value: object) -> datetime | None:
    return parse_datetime(value) if isinstance(value, str) and len(value) >= 10 else None

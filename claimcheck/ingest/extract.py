"""Extract an article's text and metadata from its HTML page (trafilatura, plus the page's own meta tags).

Pure: bytes in, :class:`ExtractedPage` out. Reader comments and "latest news" boxes are left out
(comments excluded, precision favoured), so they never become claims.
"""

from __future__ import annotations

import contextlib
import copy
import json
import re
from datetime import datetime
from typing import Any, cast

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Extractor
from trafilatura.utils import load_html

from claimcheck.claims.language import primary
from claimcheck.errors import FetchError, NoArticleText
from claimcheck.ingest.decode import clean_text, clip_shown, decode_html, parse_datetime, same_local_time
from claimcheck.models import ExtractedPage
from claimcheck.textsafe import STORED_TEXT_INVISIBLE
from claimcheck.urls import fetchable_url, web_link

try:  # the elements after which trafilatura's cascade lets justext look again
    from trafilatura.external import SANITIZED_XPATH as _UNCLEAN
except ImportError:  # older trafilatura: the same list, spelled out
    _UNCLEAN = (
        ".//aside|.//audio|.//button|.//fieldset|.//figure|.//footer|.//iframe|.//input|.//label|.//link"
        "|.//nav|.//noindex|.//noscript|.//object|.//option|.//select|.//source|.//svg|.//time"
    )

MAX_TITLE = 500
# Fewer letters and digits than this (about two words) is no article, whatever the page: a body cut before its
# <body> gave the text "<", a script shell "Loading...", and a bare "Not Found" or "Please wait" sent as a 200
# was stored too; the page then counted as seen and its article was never asked for again. Characters, not
# words, for the scripts written without spaces (a Chinese sentence of a dozen characters passes). The
# shortest article text of the 181 pages of the extraction benchmark has 18 words.
MIN_TEXT_CHARS = 12

# A feed or a sitemap where an article was linked (an entry naming a podcast's or another section's feed, an
# article link that now redirects to the feed): the text of its XML, every item's title and id run together,
# was stored as an article. Told by its root element, after the XML declaration, stylesheet instructions,
# comments and a doctype: an XHTML page (``<?xml ...?><html>``) is a page.
FEED_PAGE = "a feed or sitemap, not an article page"
FEED_HEAD = 16_384
FEED_ROOT = re.compile(
    r"\A\ufeff?\s*(?:(?:<\?[^>]*>|<!--(?:[^-]|-(?!->))*-->|<!DOCTYPE[^\[>]*(?:\[[^\]]*\])?\s*>)\s*)*+"
    r"<(?:[A-Za-z_][\w.-]*:)?(?:rss|feed|RDF|urlset|sitemapindex|opml)[\s/>]",
    re.IGNORECASE | re.DOTALL,
)


def extract_page(
    html: str | bytes, url: str, content_type: str | None = None, known_date: datetime | None = None
) -> ExtractedPage:
    """Text, title, author, publication time and canonical URL of an article page.

    ``known_date`` is the date the feed gave for the page: when the page's own tags carry none, it is
    the publication time, and htmldate's search of the page (19 ms a page, against 2 ms for the rest
    of the metadata) is not run. Raises ``ValueError`` when the page holds no article text.
    """
    text_html = decode_html(html, content_type) if isinstance(html, bytes) else html
    if FEED_ROOT.match(text_html[:FEED_HEAD]):
        raise NoArticleText(FEED_PAGE)
    # Parse once, as trafilatura's own loader does: our meta tags are read from the tree trafilatura then
    # extracts from (parsing a 100 KB page twice cost ~15% of extraction time, see bench/extract.py).
    tree = parse_html(text_html)
    if tree is not None:
        drop_inert(tree)
    source = tree if tree is not None else text_html
    meta = page_metadata(source, url)
    own, own_local = meta.get("published"), bool(meta.get("published_local"))
    if known_date is not None and (own is None or same_local_time(own, own_local, known_date)):
        meta["published"] = known_date
    doc = _extract(source, url, with_metadata=False, fast=True)
    if needs_full_cascade(doc):
        # The fast pass may have under-delivered: run trafilatura's whole cascade (its comparison with
        # readability and justext); trafilatura works on a copy of the tree it is given.
        doc = _extract(source, url, with_metadata=False, fast=False)
    if doc is None or not (doc.text or "").strip():
        raise NoArticleText("no article text found")
    text = _clean_body(doc.text or "")
    if sum(map(str.isalnum, text)) < MIN_TEXT_CHARS:
        raise NoArticleText("no article text found")
    if consent_wall(text):
        raise NoArticleText(CONSENT_WALL)
    if not all(k in meta for k in ("title", "author", "published")) and tree is not None:
        # trafilatura's metadata is only a fallback for what the page's own tags (or the feed) lack
        meta = {**fallback_metadata(tree, url, need=[k for k in ("title", "author", "published") if k not in meta]), **meta}
    title = clip_shown(meta.get("title"), MAX_TITLE)  # cut between words; none that shows: the feed's title is used
    author = clean_text(meta.get("author"), 200) or None
    published = meta.get("published")
    return ExtractedPage(
        text=text,
        title=title,
        author=author,
        published=published,
        canonical_url=meta.get("canonical"),
        language=meta.get("language"),
        page_published=own,
        page_published_local=own_local,
    )


# A cookie or consent wall sent as a 200 in place of the article (an EU visitor's first request to many news
# sites): short, about cookies, consent and personal data, and asking for a click. Stored, it was an "article"
# whose claims ("our 842 partners") joined the comparison. Like a script-only shell it holds no article text:
# asked for again on the next runs (records.NO_TEXT_RUNS). An article about cookie law is longer, has no
# button text and speaks of the reader in the third person: the topic words, a choice to click and the
# wall's "we" and "you" are all needed.
CONSENT_WALL = "a cookie or consent page, not the article"
CONSENT_WALL_MAX = 3_000  # characters of text: a consent wall says its piece in a few paragraphs
_CONSENT_TOPIC = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\bcookies?\b",
        r"\bconsent\b",
        r"\bpersonal\s+(?:data|information)\b",
        r"\b(?:our|\d[\d,]*|trusted|advertising|third[-\s]party)\s+(?:partners|vendors)\b",
        r"\blegitimate\s+interests?\b",
        r"\b(?:store|access)\s+(?:and/or\s+access\s+)?information\s+on\s+(?:a|your)\s+device\b",
        r"\bpersonali[sz]ed\s+(?:ads|advertising|content)\b",
        r"\bprivacy\s+(?:policy|settings|notice|centre|center|dashboard)\b",
    )
]
_CONSENT_CHOICE = re.compile(
    r"\b(?:accept|reject|allow|refuse|decline|deny)\s+all\b|"
    r"\b(?:manage|customi[sz]e|change)\s+(?:your\s+)?(?:choices|preferences|options|cookie\s+settings|privacy\s+settings)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+(?:'\w+)?")
_ADDRESS = frozenset(["we", "our", "us", "you", "your", "yours"])  # a wall speaks to the reader; news reports
CONSENT_ADDRESS_SHARE = 0.04  # of the words: 6-10% in consent walls; a report quoting one stays well under


def consent_wall(text: str) -> bool:
    """Whether an extracted text is a cookie or consent wall rather than an article: under
    CONSENT_WALL_MAX characters, three of the consent topics, a choice to click ("Accept all", "Manage
    your choices"), and addressed to the reader ("we", "your": a report on cookie law is in the third person)."""
    if len(text) > CONSENT_WALL_MAX or not _CONSENT_CHOICE.search(text):
        return False
    if sum(1 for p in _CONSENT_TOPIC if p.search(text)) < 3:
        return False
    words = [w.lower() for w in _WORD.findall(text)]
    return bool(words) and sum(w in _ADDRESS for w in words) >= CONSENT_ADDRESS_SHARE * len(words)


def fallback_metadata(tree: lxml.html.HtmlElement, url: str, need: list[str]) -> dict[str, object]:
    """Title, author and date as ``trafilatura.extract_metadata`` finds them, computing only those in
    ``need``: htmldate's date search (the costly part, most of it its extensive search) runs only when
    the date is wanted, i.e. neither the page's tags nor the feed gave one."""
    from trafilatura.metadata import (
        examine_meta,
        extract_author,
        extract_meta_json,
        extract_title,
        extract_url,
    )

    # ``tree`` is the page's own tree (trafilatura extracted from a copy of it) and is not used after this
    found = examine_meta(tree)
    if found.author and " " not in found.author:
        found.author = None
    with contextlib.suppress(Exception):  # trafilatura guards its JSON-LD reader the same way
        found = extract_meta_json(tree, found)
    out: dict[str, object] = {}
    if "title" in need:
        out["title"] = found.title or extract_title(tree)
    if "author" in need:
        out["author"] = found.author or extract_author(tree)
    if "published" in need:
        from htmldate import find_date
        from trafilatura.settings import set_date_params

        config = set_date_params(True)
        config["url"] = found.url or extract_url(tree, url)
        try:
            date = find_date(tree, **config)
            if isinstance(date, str) and _bare_year(date, tree, config):
                date = None
            out["published"] = _date_only(date)
        except (ValueError, OverflowError, TypeError):  # htmldate on a hostile date ("+99:00"): no date
            out["published"] = None
    title, author = out.get("title"), out.get("author")
    found.title = title if isinstance(title, str) else None
    found.author = author if isinstance(author, str) else None
    found.clean_and_trim()
    out.update({k: v for k, v in (("title", found.title), ("author", found.author)) if k in need})
    return {k: v for k, v in out.items() if v}


def parse_html(text: str) -> lxml.html.HtmlElement | None:
    """The page's tree, exactly as trafilatura's ``load_html`` builds it, only faster on clean pages.

    ``load_html`` first deletes characters XML forbids with a regex pass over the whole page: 60% of its
    time on a 100 KB page (1 ms), nearly always removing nothing. Here substring tests (0.1 ms) look for
    those characters first; a page that has any, or that the quick path cannot parse, goes through
    ``load_html`` itself. A test checks both give the same tree on every real and demo page.
    """
    tree = _parse_html(text)
    if _hit_depth_limit():
        tree = _parse_html(flatten_deep_nesting(text))
    return tree


def _parse_html(text: str) -> lxml.html.HtmlElement | None:
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


# libxml2 stops reading an HTML page at its 256th level of nesting ("Excessive depth in document"), and
# everything after that point is lost: an article inside 300 nested <div>s (a page builder's wrappers) or
# after 300 unclosed <font> or <b> tags (a broken template in a loop) gave "no article text found", though
# a browser shows it. Such a page is read again with the tags past MAX_NESTING levels left out (their
# text kept), as HTML5 parsers do with the adoption agency's limits.
MAX_NESTING = 200
# A comment, a script or a style sheet (their "tags" are no elements), or a start or end tag.
_TAG = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style)\b.*?(?:</\1\s*>|\Z)|<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*>", re.S | re.I
)
# Elements that never nest in what they are in (void ones), or that the parser closes by itself at their
# next sibling (an unclosed <p> or <li> is no deeper level), and the document's own three: not counted.
_FLAT = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    "keygen", "basefont", "frame", "isindex", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
    "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body",
})  # fmt: skip
_CLOSE_SEARCH = 64  # how far down the open elements an end tag looks for its start tag (else it is stray)


def flatten_deep_nesting(text: str, keep: int = MAX_NESTING) -> str:
    """``text`` without the start tags that open a level deeper than ``keep`` (and without their end
    tags); the text between the tags is all kept. Linear in the page's length."""
    out: list[str] = []
    last = 0
    stack: list[tuple[str, bool]] = []  # the open elements: (name, kept)
    depth = 0  # how many of them are kept
    for m in _TAG.finditer(text):
        name = (m.group(3) or "").lower()
        if not name or name in _FLAT:
            continue
        if not m.group(2):  # a start tag
            kept = depth < keep
            stack.append((name, kept))
            depth += kept
        else:  # an end tag closes its element and what was left open inside it
            at = next((i for i in range(len(stack) - 1, max(-1, len(stack) - 1 - _CLOSE_SEARCH), -1)
                       if stack[i][0] == name), None)  # fmt: skip
            if at is None:
                continue
            kept = stack[at][1]
            depth -= sum(k for _, k in stack[at:])
            del stack[at:]
        if not kept:
            out.append(text[last : m.start()])
            last = m.end()
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def _hit_depth_limit() -> bool:
    """Whether the page just parsed went deeper than libxml2 reads (its parser's last error log)."""
    if _PARSER is None:
        return False
    return any("Excessive depth" in e.message for e in _PARSER.error_log)


try:
    from trafilatura.utils import HTML_PARSER as _PARSER
except ImportError:
    _PARSER = None


# trafilatura's comparison with readability and justext (what ``fast=False`` adds) can only replace the
# main extractor's text when that text is empty, short, lacks paragraph text, is table-dominated or holds
# elements that make justext look again (its SANITIZED_XPATH): readability must find more than twice as
# much text, justext runs on texts under 250 characters. On the 181 real pages of
# shared/realdata/extraction-benchmark the cascade changed the text of 6 pages: five whose fast text was
# under 350 characters (a teaser or a caption instead of the article: the cascade fixed them) and one of
# 894 characters (the cascade swapped the article for a page of links: F1 0.99 -> 0.34). Below 500
# characters (a news brief is longer) the second pass runs on 9 pages instead of 22 and the mean word F1
# is 0.969 (1,000 characters: 0.965; fast alone: 0.946), ~2 ms a page less (bench/README.md, #14).
FULL_CASCADE_BELOW = 500  # characters of text from the fast pass


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
    doc = trafilatura.bare_extraction(html, options=_options(url, with_metadata=with_metadata, fast=fast))
    return cast("trafilatura.settings.Document | None", doc)  # a dict only when asked (as_dict=True)


_TEMPLATES: dict[tuple[bool, bool], Extractor] = {}


def _options(url: str, *, with_metadata: bool, fast: bool) -> Extractor:
    """trafilatura's options for one page, as ``bare_extraction(url=url, include_comments=False,
    favor_precision=True, with_metadata=..., fast=...)`` builds them, copied from one built per process:
    building them reads trafilatura's config file settings each time (0.27 ms a call, ~7% of a light
    page's extraction). trafilatura copies an Extractor before changing one of its own (``core.py``)."""
    key = (with_metadata, fast)
    template = _TEMPLATES.get(key)
    if template is None:
        template = _TEMPLATES[key] = Extractor(
            output_format="python", comments=False, precision=True, with_metadata=with_metadata, fast=fast
        )
    options = copy.copy(template)  # a copy per page: pages of threads (--workers 0) run side by side
    options.url = url
    options.source = url.encode("utf-8", "replace").decode("utf-8")
    return options


def drop_inert(tree: lxml.html.HtmlElement) -> None:
    """Remove the ``<template>`` elements: a browser never shows their content (markup and code for a
    script to use), which trafilatura read as paragraphs of the article ("function card(){ return 42; }"
    gave the claim 42). Their tail text is outside them, and stays."""
    for element in list(tree.iter("template")):
        element.drop_tree()


# A paragraph that is code, not copy: a CMS that prints an embed's or an ad widget's script (or a style
# sheet) as text. Many of the signs {}();=[] (at least 6, and 4% of the line), braces or a call ended by
# ");", and JavaScript's own constructs (not its English words alone: "this", "return", "null" are news
# words too): function(, var x =, document., window., a method call a.b(, return x;, =>, ===, &&, ||; or
# two CSS declarations in braces. No line of the 181 pages of shared/realdata/extraction-benchmark (their
# truth or our text) nor of news-clusters' texts is one.
_CODE_WORDS = re.compile(
    r"\bfunction\s*\(|=>|===|!==|&&|\|\||\b(?:var|let|const)\s+[\w$]+\s*[=;,]|\b(?:document|window)\.[\w$]"
    r"|\breturn\s+[\w$.]+\s*;|\btypeof\s|[\w$]\.[\w$]+\("
)
_CSS_DECLARATION = re.compile(r"(?<![\w-])[\w-]+\s*:\s*[^;{}]{1,80};")


def is_code(line: str) -> bool:
    """Whether a line of extracted text is script or style sheet code printed as text."""
    signs = sum(line.count(c) for c in "{}();=[]")
    if signs < 6 or signs < 0.04 * len(line):
        return False
    braces = "{" in line or "}" in line
    if not braces and ");" not in line:
        return False
    return bool(_CODE_WORDS.search(line)) or (braces and len(_CSS_DECLARATION.findall(line)) >= 2)


def _clean_body(text: str) -> str:
    """Keep paragraphs (one per line) but remove control characters, runs of blank space and lines of
    code (:func:`is_code`)."""
    lines = (" ".join(STORED_TEXT_INVISIBLE.sub("", line).split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line and not is_code(line))


def page_metadata(html: str | lxml.html.HtmlElement, url: str) -> dict[str, Any]:
    """Title, author, precise publication time, canonical URL and declared language (``<html lang>``,
    og:locale, Content-Language) from the page's head and JSON-LD (``html`` as text or as an already
    parsed tree)."""
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
            out["canonical"] = web_link(node.get("href"), base=document_base(root, url))
    metas = {
        (m.get("property") or m.get("name") or m.get("itemprop") or "").lower(): (m.get("content") or "").strip()
        for m in root.xpath("//meta[@content]")
    }
    declared = root.get("lang") or root.get("xml:lang") or metas.get("og:locale") or metas.get("dc.language")
    if not declared:
        declared = next((m.get("content") for m in root.xpath("//meta[@http-equiv][@content]")
                         if (m.get("http-equiv") or "").lower() == "content-language"), None)  # fmt: skip
    if language := primary(declared):
        out["language"] = language
    for key in ("og:title", "twitter:title"):
        if metas.get(key):
            out["title"] = metas[key]
            break
    if metas.get("author") and "http" not in metas["author"]:
        out["author"] = metas["author"]
    ld = _json_ld(root)
    times = [metas.get(k) for k in ("article:published_time", "datepublished", "pubdate", "publishdate", "dc.date.issued", "date")]
    times += [ld.get("datePublished"), *(t.get("datetime") for t in root.xpath("//time[@datetime]")[:1])]
    for raw in times:
        if (dt := parse_datetime(raw)) is not None:
            out["published"] = dt
            if not _ZONED.search(str(raw)):
                out["published_local"] = True  # a day, or a time without its zone: see extract_page
            break
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


def document_base(root: lxml.html.HtmlElement, url: str) -> str:
    """The URL the page's relative links are read against, as a browser reads them: its first
    ``<base href>`` (itself resolved against ``url``) when that is an http(s) URL, else ``url``. A relative
    canonical of a page with ``<base href="https://site/">`` named a path under the article's own folder."""
    for node in root.xpath("//base[@href]")[:1]:
        with contextlib.suppress(FetchError):
            return fetchable_url(node.get("href"), base=url)
    return url


# A time that says its zone: "...T08:00:00Z", "...08:00+01:00", "...0800 -0500".
_ZONED = re.compile(r"\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[zZ]|[+-]\d{2}:?\d{2})\s*$")


def _json_ld(root: lxml.html.HtmlElement) -> dict[str, object]:
    """The first NewsArticle-like object among the page's JSON-LD blocks."""
    for node in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(node.text_content() or "")
        except (ValueError, RecursionError):
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        if isinstance(items, dict):  # a graph of one node object (JSON-LD 1.1)
            items = [items]
        elif not isinstance(items, list):  # '"@graph": null' or a number stopped the whole run (TypeError)
            items = []
        for item in items:
            if isinstance(item, dict) and ("datePublished" in item or "headline" in item):
                return item
    return {}


def _bare_year(date: str, tree: lxml.html.HtmlElement, config: dict[str, Any]) -> bool:
    """Whether htmldate's date is its last resort, a bare year of the page's text read as 1 January of it
    ("The bridge, built in 1998, ..." gave 1998-01-01, "2019 points" 2019-01-01): a 1 January that neither the
    markup (htmldate without its search of the text) nor a full date in the text gives."""
    if not date.endswith("-01-01"):
        return False
    from htmldate import find_date

    if find_date(tree, **{**config, "extensive_search": False}) == date:
        return False
    year = re.escape(date[:4])
    jan = r"jan(?:uary|\.)?"
    full = (
        rf"\b(?:0?1(?:st)?\s+{jan},?\s+{year}|{jan}\s+0?1(?:st)?,?\s+{year}|{year}[-/.]0?1[-/.]0?1\b|"
        rf"0?1[-/.]0?1[-/.]{year})\b"
    )
    return re.search(full, tree.text_content(), re.IGNORECASE) is None


def _date_only(value: object) -> datetime | None:
    return parse_datetime(value) if isinstance(value, str) and len(value) >= 10 else None

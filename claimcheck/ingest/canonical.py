"""Which URL an article is stored under (its canonical URL, tracking parameters removed), which URLs are a
site's front page or a section page above an article, and the keys that say a feed entry was handled."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from claimcheck.models import FeedEntry
from claimcheck.urls import is_fetchable


def front_page(url: str) -> bool:
    """Whether the URL is a site's root ("/", no query): a news site's front page, never one article."""
    parts = urlsplit(url)
    return parts.path in ("", "/") and not parts.query


def entry_keys(e: FeedEntry) -> list[str]:
    """The keys that say a feed entry was handled: its guid, its link, and its link without tracking
    parameters (a feed without guids whose links carry a campaign that changes every day,
    ``?utm_campaign=daily-2025-12-10``, had every page of it downloaded again on every run)."""
    return list(dict.fromkeys(k for k in (e.guid, e.link, bare_link(e.link)) if k))


def bare_link(link: str) -> str:
    """A link as :func:`canonical` stores a URL: tracking parameters and fragment removed, host lowercased;
    a link that cannot be fetched (``http://[::1/x``, kept to fail alone) as it is."""
    try:
        return canonical(None, link)
    except ValueError:
        return link


TRACKING = ("utm_", "at_", "maca", "cmpid", "ocid", "fbclid", "gclid", "mc_", "smid", "ref_", "ref-")
# Whole names only: a prefix "ref" also took "refid" and "reference", which may be what names the article.
TRACKING_NAMES = frozenset(["ref", "referrer", "referer"])


def _tracking(key: str) -> bool:
    key = key.lower()
    return key in TRACKING_NAMES or key.startswith(TRACKING)


def canonical(declared: str | None, final_url: str) -> str:
    """The article's canonical URL: the page's own claim when it stays on the same site, else the URL
    fetched; tracking parameters and fragments removed either way.

    A page may not claim another site's URL as its canonical one: that would make it a "duplicate" of
    an article it is not; nor its site's front page (a template's default), which made every article of
    the site a duplicate of the first; nor a section page above it (see :func:`_section_above`); either one
    named by its index file (``/index.html``, ``/news/index.php``) too.
    """
    url = final_url
    if (
        declared
        and is_fetchable(declared)
        and _site(declared) == _site(final_url)
        and not _above(declared, final_url)
    ):
        url = declared
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _tracking(k)]
    return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path or "/", urlencode(query), ""))


# A folder's index file as a server names it: "/index.html" is the front page "/", "/news/index.php" the section
# "/news/". A template naming one as every article's canonical URL made each article after the first a duplicate.
_INDEX_FILE = re.compile(r"/(?:index|default)\.(?:html?|shtml|php\d?|aspx?|jsp|cfm)$", re.IGNORECASE)


def _above(declared: str, url: str) -> bool:
    """Whether ``declared`` is the site's front page or a section page above ``url``, named by its folder or by
    its index file. A page's own index file is its own (``/2026/ferry-fares/index.html`` for
    ``/2026/ferry-fares/``, as some sites name every article)."""
    folder = _index_folder(declared)
    if folder != declared and urlsplit(folder).path == urlsplit(_index_folder(url)).path:
        return False
    return front_page(folder) or _section_above(folder, url)


def _index_folder(url: str) -> str:
    """``url`` with a last segment that is an index file cut to its folder (``/news/index.html`` -> ``/news/``)."""
    parts = urlsplit(url)
    m = _INDEX_FILE.search(parts.path)
    return urlunsplit(parts._replace(path=parts.path[: m.start() + 1])) if m else url


_AMP = re.compile(r"amp(?:\.html?)?/?", re.IGNORECASE)  # an AMP page's last segment: /story/amp, /story/amp/


def _section_above(declared: str, url: str) -> bool:
    """Whether ``declared`` is a page higher up the path than ``url`` (``/politics/`` above
    ``/politics/2025/story``): a section page a template names as every article's canonical URL, which made
    each article after the first a duplicate of the first. An AMP page's canonical (the article above it,
    ``/story`` for ``/story/amp``) is not one."""
    d, u = urlsplit(declared), urlsplit(url)
    base = d.path.rstrip("/") + "/"
    if d.query or not u.path.startswith(base):
        return False
    rest = u.path[len(base) :]
    return bool(rest.strip("/")) and not _AMP.fullmatch(rest)


# The host labels a site's other editions of the same pages go under: its mobile and AMP hosts name the
# article's www page as canonical (m.example.com/story, amp.example.com/story -> www.example.com/story).
_EDITION_LABELS = ("www.", "m.", "mobile.", "amp.")


def _site(url: str) -> str:
    """The site a URL is on: its host without an edition label, and its port when it names one other than
    http's and https's (a server on another port is another origin: a page of ``host:8081`` naming one of
    ``host:8080`` as canonical made itself a "duplicate" of another outlet's article, which then hid it)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:  # (a port out of range: no site of any other URL)
        return url
    for label in _EDITION_LABELS:
        if host.startswith(label) and host.count(".") >= 2:
            host = host[len(label) :]
            break
    return host if port in (None, 80, 443) else f"{host}:{port}"

"""The one gate every URL passes before claimcheck fetches it: a string from a feed, a sitemap, a redirect,
a page or sources.yaml becomes a fetchable http(s) URL, or a :class:`FetchError` with a few words saying why.

Hostile URLs (port 99999 or ``abc``, a 64-character host label, ``http://[::1/``, control characters) used to
escape as OverflowError, UnicodeError or InvalidURL from deep inside httpx, the resolver or urllib, and end the
whole run. Here they fail alone, before any name is resolved or any connection is made.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urljoin, urlsplit

from claimcheck.errors import FetchError

BAD = "bad URL"
NOT_HTTP = "not an http(s) URL"
MAX_URL = 8192
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_LABEL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?")


def fetchable_url(url: object, base: str | None = None) -> str:
    """``url`` (resolved against ``base`` when relative) as an absolute http(s) URL that httpx and the
    resolver accept, unchanged otherwise; raises :class:`FetchError` with a short reason. Pure: no DNS."""
    if not isinstance(url, str) or not url.strip():
        raise FetchError(f"{BAD}: empty", permanent=True)
    url = url.strip()
    if _CONTROL.search(url):
        raise FetchError(f"{BAD}: control characters in it", permanent=True)
    if len(url) > MAX_URL:
        raise FetchError(f"{BAD}: longer than {MAX_URL:,} characters", permanent=True)
    try:
        if base is not None:
            url = urljoin(base, url)
        parts = urlsplit(url)
        port = parts.port
    except ValueError as e:
        raise FetchError(f"{BAD}: {_why(e)}", permanent=True) from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(NOT_HTTP, permanent=True)
    host = parts.hostname
    if not host:
        raise FetchError(f"{BAD}: no host", permanent=True)
    if port == 0:
        raise FetchError(f"{BAD}: port out of range", permanent=True)
    _check_host(host, bracketed="[" in parts.netloc)
    import httpx  # what will really send the request must accept it too

    try:
        httpx.URL(url)
    except (httpx.InvalidURL, ValueError, UnicodeError) as e:
        raise FetchError(f"{BAD}: {_why(e)}", permanent=True) from None
    return url


def is_fetchable(url: object, base: str | None = None) -> bool:
    try:
        fetchable_url(url, base)
    except FetchError:
        return False
    return True


def _check_host(host: str, *, bracketed: bool) -> None:
    if bracketed:
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            raise FetchError(f"{BAD}: invalid IPv6 address", permanent=True) from None
        return
    name = host[:-1] if host.endswith(".") else host
    if not name.isascii():
        try:
            name = name.encode("idna").decode("ascii")
        except UnicodeError:
            raise FetchError(f"{BAD}: invalid host name", permanent=True) from None
    if len(name) > 253:
        raise FetchError(f"{BAD}: host name longer than 253 characters", permanent=True)
    for label in name.split("."):
        if len(label) > 63:
            raise FetchError(f"{BAD}: host name label longer than 63 characters", permanent=True)
        if not _LABEL.fullmatch(label):
            raise FetchError(f"{BAD}: invalid host name", permanent=True)


def _why(e: Exception) -> str:
    msg = str(e).split("\n", 1)[0]
    if msg.startswith("Port could not be cast"):
        return "port is not a number"
    if msg.startswith(("Port out of range", "Invalid port")):
        return "port out of range" if "range" in msg else "port is not a number"
    if "IPv6" in msg:
        return "invalid IPv6 address"
    return msg[:60].rstrip(" .,:;").lower() or type(e).__name__


def link_as_written(href: object) -> str | None:
    """An absolute http(s) link that :func:`fetchable_url` refused, kept as written so that fetching it
    fails that entry alone with the reason in the summary (rather than vanishing). None for anything else
    (another scheme, control characters, over 2,048 characters)."""
    if not isinstance(href, str):
        return None
    href = href.strip()
    if len(href) > 2048 or _CONTROL.search(href) or not href[:8].lower().startswith(("http://", "https://")):
        return None
    return href


def feed_link(href: object, base: str) -> tuple[str | None, bool]:
    """A feed's or sitemap's link made absolute: ``(url, True)`` when it can be fetched, ``(url, False)``
    when it is an http(s) link that cannot (kept for the summary), ``(None, False)`` when it is no link."""
    try:
        url = fetchable_url(href, base)
    except FetchError:
        return link_as_written(href), False
    return (url, True) if len(url) <= 2048 else (None, False)

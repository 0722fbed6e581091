"""The one gate every URL passes before claimcheck fetches it: a string from a feed, a sitemap, a redirect,
a page or sources.yaml becomes a fetchable http(s) URL, or a :class:`FetchError` with a few words saying why.

Hostile URLs (port 99999 or ``abc``, a 64-character host label, ``http://[::1/``, control characters) used to
escape as OverflowError, UnicodeError or InvalidURL from deep inside httpx, the resolver or urllib, and end the
whole run. Here they fail alone, before any name is resolved or any connection is made.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Iterable
from urllib.parse import urljoin, urlsplit, urlunsplit

from claimcheck.errors import FetchError

BAD = "bad URL"
NOT_HTTP = "not an http(s) URL"
MAX_URL = 8192
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_LABEL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?")
# A URL httpx takes as it is: http(s), a host of ASCII labels, a port, then printable ASCII only
_PLAIN_URL = re.compile(r"https?://([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.?)(?::[0-9]{1,5})?(?:[/?#][!-~]*)?", re.I)
_IPV4_STYLE = re.compile(r"[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+")  # what httpx reads as an IPv4 address


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
    if _plain(url):
        return url
    import httpx  # what will really send the request must accept it too

    try:
        httpx.URL(url)
    except (httpx.InvalidURL, ValueError, UnicodeError) as e:
        raise FetchError(f"{BAD}: {_why(e)}", permanent=True) from None
    return url


def _plain(url: str) -> bool:
    """Whether httpx is sure to accept ``url`` (checked beside it by tests/test_urls.py), so that reading
    sources.yaml need not import httpx: compare, sources and the other reading commands never send a
    request, and httpx cost their start-up ~0.04 s of CPU (#14)."""
    m = _PLAIN_URL.fullmatch(url)
    if m is None:
        return False
    host = m.group(1)
    if _IPV4_STYLE.fullmatch(host):
        try:
            ipaddress.IPv4Address(host)
        except ValueError:
            return False
    return True


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


def web_link(href: object, base: str | None = None) -> str:
    """:func:`fetchable_url` of a link the web gave (a feed entry, a sitemap, a redirect, a refresh, a
    canonical), without a user and password: "http://alice:s3cret@host/a" made claimcheck send them
    (``Authorization: Basic``) and every export show them, and "http://www.bbc.com@host/x" reads as the
    BBC's page in a report while it is host's. A feed URL the user wrote in sources.yaml keeps its own."""
    url = fetchable_url(href, base)
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


_PASSWORD = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://[^/?#@:]*:)[^/?#]*@")


def shown_url(url: str) -> str:
    """``url`` as claimcheck says it back: the password of a feed that needs one (``https://me:s3cret@host/``,
    which sources.yaml may hold: it is sent to that feed's host) as ``***``, as a PostgreSQL URL's is, so a
    warning or error in a terminal or a cron log does not give it away."""
    return _PASSWORD.sub(r"\1***@", url)


def feed_link(href: object, base: str) -> tuple[str | None, bool]:
    """A feed's or sitemap's link made absolute: ``(url, True)`` when it can be fetched, ``(url, False)``
    when it is an http(s) link that cannot (kept for the summary), ``(None, False)`` when it is no link."""
    try:
        url = web_link(href, base)
    except FetchError:
        return link_as_written(href), False
    return (url, True) if len(url) <= 2048 else (None, False)


# -- addresses: what a host names, judged as written ------------------------------------------------
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# Addresses an article link from a public feed may not reach (RFC 1918, loopback, link-local, CGNAT, ...).
PRIVATE_NETWORKS: tuple[IPNetwork, ...] = tuple(
    ipaddress.ip_network(n)
    for n in (
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
        "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4",
        "::/128", "::1/128", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
    )
)  # fmt: skip


def is_private_address(ip: str, networks: Iterable[IPNetwork] = PRIVATE_NETWORKS) -> bool:
    """True when ``ip`` lies in one of ``networks`` (IPv4-mapped IPv6 is judged as IPv4). Pure."""
    try:
        addr = ipaddress.ip_address(ip.split("%", 1)[0])
    except ValueError:
        return True  # not an address at all: refuse
    if isinstance(addr, ipaddress.IPv6Address):
        embedded = embedded_ipv4(addr)
        if embedded is not None and is_private_address(str(embedded), networks):
            return True
    return any(addr.version == n.version and addr in n for n in networks)


_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_V4_COMPAT = ipaddress.ip_network("::/96")


def embedded_ipv4(addr: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one reaches: mapped (::ffff:a.b.c.d), 6to4, NAT64, IPv4-compatible."""
    if addr.ipv4_mapped:
        return addr.ipv4_mapped
    if addr.sixtofour:
        return addr.sixtofour
    if addr in _NAT64 or (addr in _V4_COMPAT and int(addr) > 1):
        return ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
    return None


METADATA_HOSTS = frozenset(
    {
        "169.254.169.254",
        "fd00:ec2::254",
        "169.254.170.2",
        "100.100.100.200",
        "metadata.google.internal",
        "metadata.goog",
    }
)  # cloud instance metadata services (AWS IPv4/IPv6, ECS, Alibaba, GCP)


LOOPBACK_ADDRESSES = ("127.0.0.1", "::1")


def localhost_addresses(host: str) -> list[str] | None:
    """The loopback addresses for ``localhost`` and names under it (RFC 6761: never asked of DNS), with or
    without the trailing dot; None for any other name. ``address_kind`` calls these names loopback, so the
    fetch must reach them only there. Pure."""
    name = host.strip("[]").lower().rstrip(".")
    return list(LOOPBACK_ADDRESSES) if name == "localhost" or name.endswith(".localhost") else None


def address_kind(host: str) -> str | None:
    """What a URL's host names, judged as written (no DNS lookup): ``"a cloud metadata"``,
    ``"a link-local"``, ``"a loopback"``, ``"a private"`` address, or None for anything else. Pure."""
    host = host.strip("[]").lower().rstrip(".")
    if host in METADATA_HOSTS:
        return "a cloud metadata"
    if localhost_addresses(host) is not None:
        return "a loopback"
    try:
        addr: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        if not host or not re.fullmatch(r"[0-9a-fx.]+", host) or not host[0].isdigit():
            return None
        try:  # the forms inet_aton accepts and HTTP clients resolve: 2130706433, 127.1, 0x7f.1
            addr = ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    if isinstance(addr, ipaddress.IPv6Address) and (v4 := embedded_ipv4(addr)) is not None:
        addr = v4
    if str(addr) in METADATA_HOSTS:
        return "a cloud metadata"
    if addr.is_link_local:
        return "a link-local"
    if addr.is_loopback:
        return "a loopback"
    if is_private_address(str(addr), PRIVATE_NETWORKS):
        return "a private"
    return None

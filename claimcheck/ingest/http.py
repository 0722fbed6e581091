"""Polite, bounded HTTP for fetch: one httpx.AsyncClient, global and per-host limits, a total deadline and
a decompressed-size cap on every body, retries with backoff, Retry-After, robots.txt and an address guard.

Every failure becomes a :class:`FetchError` with a few words for the per-outlet summary. Beside this module:
``settings`` (:class:`FetchSettings`, the User-Agent), ``guard`` (the address guard: :class:`PrivateAccess`,
:class:`GuardedBackend`), ``pools`` (a keep-alive pool per host), ``body`` (a body read within its caps).
"""

from __future__ import annotations

import asyncio
import html
import random
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from http.cookiejar import Cookie, CookieJar, DefaultCookiePolicy
from typing import TYPE_CHECKING
from urllib.parse import urldefrag, urlsplit

import httpx
from protego import Protego

from claimcheck.errors import FetchError
from claimcheck.ingest.body import CODING_RUNS, read_capped
from claimcheck.ingest.guard import (
    ACCESS,
    NO_PRIVATE,
    REDIRECT_REFUSED,
    REFUSED,
    GuardedBackend,
    PrivateAccess,
    host_addresses,
)
from claimcheck.ingest.pools import HostPools
from claimcheck.ingest.settings import FetchSettings, honest_user_agent
from claimcheck.urls import BAD, NOT_HTTP, fetchable_url, is_private_address, web_link

if TYPE_CHECKING:
    from urllib.request import Request

__all__ = [  # the names callers import from here (some live beside it now)
    "NO_PRIVATE",
    "REFUSED",
    "FetchSettings",
    "GuardedBackend",
    "HostPools",
    "Http",
    "PrivateAccess",
    "Response",
    "honest_user_agent",
    "retry_after",
]

RETRY_STATUS = {500, 502, 503, 504, 429}
REDIRECTS = (301, 302, 303, 307, 308)
ROBOTS_MAX = 500 * 1024  # RFC 9309: parse at least the first 500 KiB; we read that much and use it
MAX_CRAWL_DELAY = 10.0

# A host on which this many requests in a row failed for good (a server error, a 429, a timeout or a failed connection
# after every retry), with no other answer between, is down for the rest of the run: its pages not yet asked for
# fail at once, without a request, and those retrying stop (each was asked 1 + retries times, so a host
# answering 503 to everything got three requests per page, and one that never answers held the run for three
# timeouts per page). For this run only: they are asked for again on the next one. Heritrix and Nutch stop
# asking a failing host the same way. Counted per request given up, not per attempt: two broken pages side by
# side among good ones (six 500s in a row) leave the host up.
HOST_DOWN_AFTER = 3
HOST_DOWN = f"host down: {HOST_DOWN_AFTER} pages failed in a row; not asked again this run"
RATE_LIMITED = "rate-limited (HTTP 429)"  # a 429 (no Retry-After, or a near one) after every retry

GONE = (404, 410)  # statuses that mean the page will not come back: a permanent failure
ROBOTS_DISALLOW = "disallowed by robots.txt"
# A 304 (not modified) answers a conditional request; to one that named no version it says nothing. A page so
# answered is asked for again on the next runs and remembered failed after as many as a coding we cannot undo
# (``body.CODING_RUNS``).
NOT_MODIFIED_UNASKED = "HTTP 304 not modified, to a request that named no version"


@dataclass
class Response:
    url: str
    status: int
    headers: httpx.Headers
    body: bytes
    location: str | None = None  # the Location header (set aside by _set_location_aside)

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")


# A refresh that sends the reader on at once (a tracker's or a moved page's "redirecting..." page): followed
# as a redirect. One of a few seconds at most; a page that reloads itself, or moves on after minutes (a
# front page refreshed every 5 minutes), is a page.
REFRESH_MAX_DELAY = 5.0
_META = re.compile(rb"<meta\b[^>]{0,2000}>", re.IGNORECASE)
_ATTR = re.compile(rb"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_NOSCRIPT = re.compile(rb"<(/?)noscript\b", re.IGNORECASE)
_BASE = re.compile(rb"<base\b[^>]{0,2000}>", re.IGNORECASE)
_REFRESH = re.compile(r"""\s*(\d+)(?:\.[\d.]*)?\s*(?:[;,]\s*)?(?:url\s*=\s*)?(["']?)(.*?)\2\s*$""", re.IGNORECASE | re.DOTALL)
_XML_START = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:<\?xml|<rss\b|<feed\b|<rdf:RDF\b|<urlset\b|<sitemapindex\b)", re.IGNORECASE)
_INERT = re.compile(rb"<!--|<script\b")  # searched in the lowercased bytes


def refresh_target(resp: Response, url: str) -> str | None:
    """Where an HTML page's refresh sends its reader at once, absolute: a ``Refresh`` header, or the first
    ``<meta http-equiv="refresh" content="0; url=...">`` of its first 16 KB that is not inside
    ``<noscript>``, a comment or a script. None when it has none, waits longer than REFRESH_MAX_DELAY or
    names this page again, and for a body that starts as XML (a feed served as text/html, whose items'
    CDATA may hold a page with its refresh)."""
    media = (resp.content_type or "text/html").partition(";")[0].strip().lower()
    if media not in ("text/html", "application/xhtml+xml") or _XML_START.match(resp.body[:512]):
        return None
    contents = [resp.headers.get("refresh")]
    head = _tags_read(resp.body[:16384])
    base = url
    for m in _META.finditer(head):
        attrs = {a.group(1).lower(): (a.group(2) or a.group(3) or a.group(4) or b"") for a in _ATTR.finditer(m.group())}
        if attrs.get(b"http-equiv", b"").strip().lower() != b"refresh":
            continue
        opened = [t.group(1) for t in _NOSCRIPT.finditer(head, 0, m.start())]
        if opened and not opened[-1]:  # inside <noscript>: a browser running scripts never sees it
            continue
        contents.append(attrs.get(b"content", b"").decode("latin-1"))
        base = _base_href(head[: m.start()], url)  # the meta's URL is read against the document's base URL
        break
    for k, content in enumerate(contents):  # the Refresh header, then the meta tag
        found = _REFRESH.match(content or "")
        if found is None or not found.group(3).strip() or float(found.group(1)) > REFRESH_MAX_DELAY:
            continue
        try:
            target = web_link(html.unescape(found.group(3).strip()), base=base if k else url)
        except FetchError:
            return None
        return None if urldefrag(target).url == urldefrag(url).url else target
    return None


def _sendable(value: str) -> bool:
    """Whether a header value can be sent as it is: printable ASCII (a server may send bytes past it)."""
    return value.isascii() and value.isprintable()


class _SendableCookies(DefaultCookiePolicy):
    """The standard policy, but a cookie that could not be sent back is not kept: a value with a byte past
    ASCII (a server may send one) made every later request to its host fail to be built, an internal error
    that ended the whole run."""

    def set_ok(self, cookie: Cookie, request: Request) -> bool:
        return _sendable(f"{cookie.name}={cookie.value or ''}") and super().set_ok(cookie, request)


def _base_href(head: bytes, url: str) -> str:
    """The page's base URL for what follows ``head``: its first ``<base href>`` (resolved against ``url``) when
    that is an http(s) URL, else ``url``; as ``extract.document_base`` reads it for links and the canonical."""
    for m in _BASE.finditer(head):
        attrs = {a.group(1).lower(): (a.group(2) or a.group(3) or a.group(4) or b"") for a in _ATTR.finditer(m.group())}
        if b"href" in attrs:
            try:
                return web_link(html.unescape(attrs[b"href"].decode("latin-1").strip()), base=url)
            except FetchError:
                return url
    return url


def _tags_read(head: bytes) -> bytes:
    """``head`` without what no browser reads as tags: comments (IE's conditional ones hold refreshes to
    "browser not supported" pages, on real CNN pages) and scripts, a comment or script left open cut off
    with its rest. One pass (a regex's lazy match from each of thousands of unclosed "<!--" was quadratic)."""
    low = head.lower()
    out, i = [], 0
    while (m := _INERT.search(low, i)) is not None:
        out.append(head[i : m.start()])
        close = b"-->" if m.group() == b"<!--" else b"</script"
        end = low.find(close, m.end())
        if end < 0:
            return b" ".join(out)
        i = end + len(close)
    out.append(head[i:])
    return b" ".join(out)


@dataclass
class _Host:
    sem: asyncio.Semaphore
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    next_start: float = 0.0
    delay: float = 0.0  # Crawl-delay from robots.txt, bounded
    quiet_until: float = 0.0  # a 429's or 503's Retry-After (a 429's backoff): no request starts on the host before then
    quiet_reason: str = ""  # a Retry-After too far to wait for: every request to the host fails with this
    server_errors: int = 0  # requests given up in a row on a 5xx, a 429, a timeout or a failed connection; any
    # other answer resets it (a 429 retried does not)
    down: str = ""  # set at HOST_DOWN_AFTER of them: every later request to the host fails with this
    robots: asyncio.Future[Protego | RobotsDown | None] | None = None


class Http:
    """The one HTTP client of a fetch run. Use as ``async with Http(settings) as http``."""

    def __init__(self, settings: FetchSettings) -> None:
        self.s = settings
        self.client = httpx.AsyncClient(
            headers={
                "User-Agent": honest_user_agent(settings.user_agent),
                "Accept-Encoding": "gzip, deflate",
            },
            timeout=httpx.Timeout(settings.timeout, connect=min(10.0, settings.timeout)),
            follow_redirects=False,
            event_hooks={"response": [_set_location_aside]},
            cookies=CookieJar(policy=_SendableCookies()),
            transport=HostPools(settings),  # per-host keep-alive pools; the connect-time guard lives there
        )
        self.sem = asyncio.Semaphore(settings.concurrency)
        self.hosts: dict[str, _Host] = {}
        self.dns: dict[str, list[str]] = {}
        # Shared pacing: (host, delay) -> seconds to wait, reserved with every other fetcher of the same
        # store; None (or an answer of None) paces this client alone.
        self.pacer: Callable[[str, float], Awaitable[float | None]] | None = None

    async def __aenter__(self) -> Http:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.client.aclose()

    # -- the guard ---------------------------------------------------------------------------------
    async def resolve(self, host: str) -> list[str]:
        if host not in self.dns:
            try:
                self.dns[host] = await host_addresses(host)
            except (OSError, UnicodeError, ValueError) as e:
                raise FetchError(f"DNS lookup failed for {host}") from e
        return self.dns[host]

    async def is_private(self, url: str) -> bool:
        """Whether the URL's host resolves to any private/loopback/link-local address (FetchError for a
        URL that cannot be fetched at all)."""
        host = urlsplit(_gate(url)).hostname or ""
        return any(is_private_address(a, self.s.private_networks) for a in await self.resolve(host))

    # -- requests ----------------------------------------------------------------------------------
    async def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        allow_private: PrivateAccess | bool = NO_PRIVATE,
    ) -> Response:
        """GET with redirects checked hop by hop (guard, robots, loops), retries and Retry-After.

        Every hop, and the robots.txt of every host, may reach a private or loopback address only if
        ``allow_private`` names that host (``True``: any, for tests of this layer alone).
        A 304 is returned as a response; other statuses >= 400 raise :class:`FetchError`.
        """
        access = PrivateAccess(everything=True) if allow_private is True else allow_private or NO_PRIVATE
        headers = {}
        # (a validator saved as a server sent it, with a byte past ASCII, cannot be sent back: it stopped every
        # later run on an internal error; without it the feed is asked for whole)
        if etag and _sendable(etag):
            headers["If-None-Match"] = etag
        if last_modified and _sendable(last_modified):
            headers["If-Modified-Since"] = last_modified
        seen: list[str] = []
        current = _gate(url)
        ACCESS.set(access)
        while True:
            try:
                await self._check(current, access)
            except FetchError as e:
                if seen and e.reason == REFUSED:  # the URL asked for was fine; where it redirects is not
                    raise FetchError(REDIRECT_REFUSED, url, permanent=True) from None
                raise
            resp = await self._get_with_retries(current, headers)
            location = resp.location if resp.status in REDIRECTS else None
            if resp.status == 200 and location is None:
                location = refresh_target(resp, current)
            if location is not None:
                seen.append(current)
                try:
                    target = web_link(location, base=current)
                except FetchError as e:
                    reason = "redirect to a non-HTTP address" if e.reason == NOT_HTTP else f"redirect to a {e.reason}"
                    raise FetchError(reason, url, resp.status) from None
                # A redirect that sets a cookie may come back once to a URL already asked for: a site's
                # cookie check (a 302 to the very same page with Set-Cookie) answers otherwise with the cookie
                if target in seen and (seen.count(target) > 1 or "set-cookie" not in resp.headers):
                    raise FetchError("redirect loop", url, resp.status)
                if len(seen) > self.s.max_redirects:
                    raise FetchError(f"too many redirects (> {self.s.max_redirects})", url, resp.status)
                current = target
                continue
            if 300 <= resp.status < 400 and resp.status != 304:
                # a redirect that names no target: its body ("Moved", a CDN's error page) is no article
                raise FetchError(f"HTTP {resp.status} redirect without a Location", url, resp.status)
            if resp.status >= 400 or resp.status < 200:
                raise FetchError(
                    _status_reason(resp.status), url, resp.status, permanent=resp.status in GONE
                )
            if resp.status == 304 and not headers:
                # "unchanged since the version you named", to a request that named none (a broken cache in
                # front of the site): not "nothing new" for ever, and no empty page either
                raise FetchError(NOT_MODIFIED_UNASKED, url, resp.status, permanent=True, runs=CODING_RUNS)
            return resp

    async def _check(self, url: str, access: PrivateAccess) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(NOT_HTTP, url, permanent=True)
        await self._guard(url, access)
        if self.s.robots and not await self._robots_allow(url, access):
            raise FetchError(ROBOTS_DISALLOW, url, permanent=True)

    async def _guard(self, url: str, access: PrivateAccess) -> None:
        """The address guard, before any request: a URL whose host resolves to a private, loopback or
        link-local address is refused unless ``access`` names that host."""
        if not access.allows_url(url) and await self.is_private(url):
            raise FetchError(REFUSED, url, permanent=True)

    async def _get_with_retries(self, url: str, headers: dict[str, str], keep: int | None = None) -> Response:
        """``keep``: read at most that many bytes of the body and use them (robots.txt), instead of
        failing a body over ``max_bytes``."""
        attempt = 0
        while True:
            try:
                resp = await self._get_once(url, headers, keep)
            except FetchError as e:
                if isinstance(e, _Unanswered) and attempt >= self.s.retries:
                    self._tally(url, failed=True)
                # (a permanent failure, such as a coding we cannot undo, gets the same answer again)
                transient = e.status is None and not e.permanent and "too large" not in e.reason and "bomb" not in e.reason
                if not transient or attempt >= self.s.retries or self._down(url):
                    raise
                await asyncio.sleep(self._backoff(attempt))
                attempt += 1
                continue
            server_error = 500 <= resp.status < 600
            if resp.status != 429 and (not server_error or attempt >= self.s.retries or resp.status not in RETRY_STATUS):
                self._tally(url, failed=server_error)  # a good answer, or a server error given up on
            if resp.status not in RETRY_STATUS:
                return resp
            h = self._known_host(url)
            if h is not None and h.down:
                if resp.status == 429:
                    raise FetchError(RATE_LIMITED, url, resp.status)
                return resp  # this page fails with its own answer; the host's next ones are not asked for
            wait = retry_after(resp.headers.get("retry-after"))
            if wait is not None and h is not None:
                # the site asked for quiet: none of its other pages is requested meanwhile either
                h.quiet_until = max(h.quiet_until, time.monotonic() + wait)
            if wait is not None and wait > self.s.max_retry_after:
                why = f"rate-limited (HTTP {resp.status}, Retry-After {wait:.0f}s)"
                if h is not None:
                    h.quiet_reason = why  # the host's other pages fail without being asked for
                raise FetchError(why, url, resp.status)
            if attempt >= self.s.retries:
                if resp.status == 429:
                    self._tally(url, failed=True)  # given up, as on a server error: HOST_DOWN_AFTER in a row
                    raise FetchError(RATE_LIMITED, url, resp.status)
                return resp
            pause = wait if wait is not None else self._backoff(attempt)
            if wait is None and resp.status == 429 and h is not None:
                # a 429 asks the site's quiet, not one page's: its other pages wait the backoff too (they went
                # on being asked meanwhile, four at a time, each getting its own 429)
                h.quiet_until = max(h.quiet_until, time.monotonic() + pause)
            await asyncio.sleep(pause)
            attempt += 1

    def _known_host(self, url: str) -> _Host | None:
        """The state kept for the URL's host (None before its first request)."""
        return self.hosts.get(urlsplit(url).netloc.lower())

    def _tally(self, url: str, *, failed: bool) -> None:
        """Count a request given up on the URL's host (a server error, timeout or failed connection after every
        retry), or reset the count on any other answer; at HOST_DOWN_AFTER in a row the host is down for the run."""
        h = self._known_host(url)
        if h is None:
            return
        h.server_errors = h.server_errors + 1 if failed else 0
        if h.server_errors >= HOST_DOWN_AFTER and not h.down:
            h.down = HOST_DOWN

    def _down(self, url: str) -> str:
        """Why the URL's host is down for this run ('' when it is not)."""
        h = self._known_host(url)
        return h.down if h is not None else ""

    def _backoff(self, attempt: int) -> float:
        return self.s.backoff * (2**attempt) * (0.75 + random.random() / 2)

    async def _get_once(self, url: str, headers: dict[str, str], keep: int | None = None) -> Response:
        host = urlsplit(url).netloc.lower()
        h = self.hosts.get(host)
        if h is None:
            h = self.hosts[host] = _Host(asyncio.Semaphore(self.s.per_host))
        async with h.sem:
            if h.down:
                raise FetchError(h.down, url)  # for this run only: the page is asked for again next run
            delay = max(self.s.delay, h.delay)
            if delay:
                async with h.lock:
                    shared = await self.pacer(host, delay) if self.pacer else None
                    now = time.monotonic()
                    wait = h.next_start - now if shared is None else shared
                    h.next_start = max(now, h.next_start) + delay
                if wait > 0:
                    await asyncio.sleep(wait)  # outside the global semaphore: other hosts go on meanwhile
            while (quiet := h.quiet_until - time.monotonic()) > 0:  # a Retry-After of this host's
                if h.quiet_reason and quiet > self.s.max_retry_after:
                    raise FetchError(h.quiet_reason, url, 429)
                await asyncio.sleep(quiet)
            if h.down:
                raise FetchError(h.down, url)  # for this run only: the page is asked for again next run
            async with self.sem:
                return await self._timed(url, headers, keep)

    async def _timed(self, url: str, headers: dict[str, str], keep: int | None = None) -> Response:
        """One request under a total deadline (httpx's read timeout is per chunk), errors in a few words."""
        try:
            async with asyncio.timeout(self.s.timeout):
                return await self._stream(url, headers, keep)
        except TimeoutError:
            raise _Unanswered(f"timed out after {self.s.timeout:g}s", url) from None
        except httpx.TimeoutException:
            raise _Unanswered("timed out", url) from None
        except httpx.RemoteProtocolError as e:
            if any(w in str(e) for w in ("peer closed", "disconnected")):
                raise _Unanswered("connection closed mid-response", url) from None
            # h11 refused what the server sent: a bad status line, header, chunk or Content-Length
            raise FetchError("malformed HTTP response from the server", url) from None
        except httpx.ConnectError as e:
            if REFUSED in str(e):
                raise FetchError(REFUSED, url, permanent=True) from None
            raise _Unanswered("connection refused or failed", url) from None
        except (httpx.ReadError, httpx.WriteError):
            raise _Unanswered("connection reset by the server", url) from None
        except httpx.TransportError as e:
            raise _Unanswered(f"network error ({type(e).__name__})", url) from None

    async def _stream(self, url: str, headers: dict[str, str], keep: int | None = None) -> Response:
        async with self.client.stream("GET", url, headers=headers) as r:
            declared = r.headers.get("content-length", "")
            encoding = r.headers.get("content-encoding", "identity").lower().strip()
            too_large = declared.isascii() and declared.isdigit() and int(declared[:20]) > self.s.max_bytes
            if keep is None and encoding in ("", "identity") and too_large:
                raise FetchError(f"body too large ({int(declared[:20]):,} bytes)", url, None)
            body = await read_capped(r, encoding, keep or self.s.max_bytes, url, truncate=keep is not None)
            return Response(str(r.url), r.status_code, r.headers, body, r.extensions.get(_LOCATION))

    # -- robots.txt --------------------------------------------------------------------------------
    async def _robots_allow(self, url: str, access: PrivateAccess) -> bool:
        parts = urlsplit(url)
        host = parts.netloc.lower()
        h = self.hosts.setdefault(host, _Host(asyncio.Semaphore(self.s.per_host)))
        if h.robots is None:
            # One fetch of robots.txt per host and run, shared by every request to that host.
            h.robots = asyncio.ensure_future(
                self._load_robots(f"{parts.scheme}://{parts.netloc}/robots.txt", access)
            )
        rules = await asyncio.shield(h.robots)
        if rules is None:
            return True
        if isinstance(rules, RobotsDown):
            # Everything is disallowed while robots.txt cannot be read (RFC 9309), for this run only: the
            # site forbade nothing, so the page is asked for again on the next run (not permanent).
            raise FetchError(f"robots.txt unavailable ({rules.why}): host skipped", url)
        return bool(rules.can_fetch(url, self.s.user_agent))

    async def _load_robots(self, url: str, access: PrivateAccess) -> Protego | RobotsDown | None:
        """RFC 9309: 4xx means no rules; an unreachable robots.txt or a 5xx means all is disallowed
        (:class:`RobotsDown`, with why: for this run, not for good).

        Redirects are followed like a page's (at most ``max_redirects`` hops, each through the URL gate
        and the address guard with the requester's private access); a redirect that cannot be followed
        or is refused counts as no robots.txt (nothing is sent there), and a 3xx body is never read as
        rules. Only the first ``ROBOTS_MAX`` bytes are read, and used.
        """
        current, seen = url, []
        while True:
            try:
                if current != url:
                    await self._guard(current, access)
                resp = await self._get_with_retries(current, {}, keep=ROBOTS_MAX)
            except FetchError as e:
                return None if e.reason.startswith((REFUSED, BAD)) else RobotsDown(e.reason)
            if resp.status not in REDIRECTS or resp.location is None:
                break
            seen.append(current)
            try:
                current = web_link(resp.location, base=current)
            except FetchError:
                return None
            if current in seen or len(seen) > self.s.max_redirects:
                return None
        if 300 <= resp.status < 500:
            return None
        if resp.status >= 500:
            return RobotsDown(_status_reason(resp.status))
        rules = Protego.parse(resp.body[:ROBOTS_MAX].decode("utf-8-sig", "replace"))  # a BOM is no rule
        delay = rules.crawl_delay(self.s.user_agent)
        host = self._known_host(url)
        if delay and host:
            host.delay = min(float(delay), MAX_CRAWL_DELAY)  # honoured through the per-host rate limit
        return rules


class _Unanswered(FetchError):
    """A request the host gave no answer to: a timeout, a refused, failed or reset connection."""


@dataclass(frozen=True)
class RobotsDown:
    """A robots.txt that could not be read (unreachable, or a 5xx after the retries): the host is
    treated as disallowing everything for the rest of the run."""

    why: str


_LOCATION = "claimcheck_location"


async def _set_location_aside(response: httpx.Response) -> None:
    """Move the Location header out of httpx's sight: even when not following redirects, httpx builds
    the next request from it, and raises (InvalidURL, or a misleading protocol error) on a Location it
    cannot parse, such as ``javascript:`` or port 99999. Http.get judges Location itself, with the URL gate.

    A Location sent twice (a proxy adding its own to the application's, most often the same) is the first:
    httpx joins them, "/a.html, /a.html", and that URL's 404 was remembered as the page's for good."""
    if "location" in response.headers:
        response.extensions[_LOCATION] = response.headers.get_list("location")[0].strip()
        del response.headers["location"]


def _gate(url: str) -> str:
    """:func:`fetchable_url`, with the URL named in the error."""
    try:
        return fetchable_url(url)
    except FetchError as e:
        e.url = url if isinstance(url, str) else None
        raise


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date); None when absent or malformed."""
    if not value:
        return None
    v = value.strip()
    if v.isascii() and v.isdigit():  # str.isdigit alone accepts "²" and "٣", which int() refuses or misreads
        return float(min(int(v[:12]), 10**9)) if len(v) <= 12 else float(10**9)
    try:
        when = parsedate_to_datetime(v)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        from datetime import UTC

        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def _status_reason(status: int) -> str:
    names = {404: "not found", 410: "gone", 401: "unauthorised", 403: "forbidden", 429: "rate-limited"}
    name = names.get(status)
    if name is None and 500 <= status < 600:
        name = "server error"
    elif not 100 <= status < 600:  # LinkedIn's 999 to crawlers, a proxy's 600: no server error
        return f"HTTP {status}, not a standard status"
    return f"HTTP {status}" + (f" {name}" if name else "")

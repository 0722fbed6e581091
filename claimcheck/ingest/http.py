"""Polite, bounded HTTP for fetch: one httpx.AsyncClient, global and per-host limits, a total deadline and
a decompressed-size cap on every body, retries with backoff, Retry-After, robots.txt and an address guard.

Every failure becomes a :class:`FetchError` with a few words for the per-outlet summary.
"""

from __future__ import annotations

import asyncio
import contextvars
import ipaddress
import random
import socket
import ssl
import time
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import httpcore
import httpx
from protego import Protego

from claimcheck.errors import FetchError
from claimcheck.ingest import aionet
from claimcheck.models import Defaults
from claimcheck.urls import BAD, NOT_HTTP, PRIVATE_NETWORKS, IPNetwork, fetchable_url, is_private_address

RETRY_STATUS = {500, 502, 503, 504, 429}
REDIRECTS = (301, 302, 303, 307, 308)
ROBOTS_MAX = 500 * 1024  # RFC 9309: parse at least the first 500 KiB; we read that much and use it
MAX_CRAWL_DELAY = 10.0


@dataclass(frozen=True)
class FetchSettings:
    """Everything the HTTP layer needs; built from sources.yaml ``defaults`` plus command-line options."""

    user_agent: str = Defaults.user_agent
    timeout: float = Defaults.timeout
    concurrency: int = Defaults.concurrency
    per_host: int = Defaults.per_host
    max_bytes: int = Defaults.max_bytes
    delay: float = 0.0  # minimum seconds between two request starts on one host
    retries: int = 2  # extra attempts after the first, on timeouts, resets and 5xx/429
    backoff: float = 0.5  # first retry waits about this long, then doubles
    max_retry_after: float = 30.0  # longer Retry-After: give up and report rate-limited
    max_redirects: int = 5
    robots: bool = True
    private_networks: tuple[IPNetwork, ...] = PRIVATE_NETWORKS

    @classmethod
    def from_defaults(cls, d: Defaults, **overrides: object) -> FetchSettings:
        base = cls(
            user_agent=d.user_agent,
            timeout=float(d.timeout),
            concurrency=int(d.concurrency),
            per_host=int(d.per_host),
            max_bytes=int(d.max_bytes),
            delay=float(d.delay),
        )
        return _replace(base, **{k: v for k, v in overrides.items() if v is not None})


def _replace(s: FetchSettings, **kw: object) -> FetchSettings:
    from dataclasses import replace

    return replace(s, **kw)  # type: ignore[arg-type]  # field names and types checked by dataclasses at run time


def honest_user_agent(ua: str) -> str:
    """The configured User-Agent, with claimcheck named in it if the configuration left it out."""
    from claimcheck import __version__

    ua = " ".join(ua.split()) or "claimcheck"
    return ua if "claimcheck" in ua.lower() else f"{ua} claimcheck/{__version__}"


@dataclass(frozen=True)
class PrivateAccess:
    """The hosts on private or loopback addresses that a request may reach: none unless opted in.

    ``host_ports`` are (host, port) pairs; ``hosts`` are allowed on any port. Hosts are compared as the URL
    names them (lower case, IPv6 without brackets), never by what they resolve to: opting in the feed's
    own host does not open another name for the same address. ``everything`` (tests of the HTTP layer
    only) lets any private address through.
    """

    host_ports: frozenset[tuple[str, int]] = frozenset()
    hosts: frozenset[str] = frozenset()
    everything: bool = False

    @classmethod
    def of(cls, urls: Iterable[str] = (), hosts: Iterable[str] = ()) -> PrivateAccess:
        """Allow the hosts of ``urls`` (on their port; on 80 and 443 when the URL names none) and the
        ``host`` or ``host:port`` entries of ``hosts``."""
        pairs: set[tuple[str, int]] = set()
        anyport: set[str] = set()
        for url in urls:
            host, port = _host_port(url)
            if host and port is None:
                pairs.update({(host, 80), (host, 443)})
            elif host and port is not None:
                pairs.add((host, port))
        for entry in hosts:
            host, port = _host_port("//" + entry.strip())
            if host and port is None:
                anyport.add(host)
            elif host and port is not None:
                pairs.add((host, port))
        return cls(frozenset(pairs), frozenset(anyport))

    def allows(self, host: str, port: int | None) -> bool:
        if self.everything:
            return True
        host = _norm_host(host)
        return host in self.hosts or (host, port or 0) in self.host_ports

    def allows_url(self, url: str) -> bool:
        if self.everything:
            return True
        parts = urlsplit(url)
        host, port = _host_port(url)
        return self.allows(host, port if port is not None else _DEFAULT_PORTS.get(parts.scheme, 0))

    def __bool__(self) -> bool:
        return self.everything or bool(self.host_ports or self.hosts)


NO_PRIVATE = PrivateAccess()
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _norm_host(host: str) -> str:
    host = host.strip("[]").lower().rstrip(".")
    try:
        return host.encode("idna").decode("ascii")  # the form httpcore connects with
    except UnicodeError:
        return host


def _host_port(url: str) -> tuple[str, int | None]:
    """The URL's host (normalised) and explicit port; ("", None) when it has no usable host."""
    try:
        parts = urlsplit(url)
        return _norm_host(parts.hostname or ""), parts.port
    except ValueError:  # a port out of range or not a number
        return "", None


# The private hosts the request being made may reach (set per request by Http.get; asyncio tasks carry
# their own copy, and httpcore opens a connection inside the task of the request that needs it).
_ACCESS: contextvars.ContextVar[PrivateAccess] = contextvars.ContextVar("claimcheck_private_access", default=NO_PRIVATE)
REFUSED = "refused: link points to a private or local address"
REDIRECT_REFUSED = "refused: redirect to a private or local address"
GONE = (404, 410)  # statuses that mean the page will not come back: a permanent failure


class _Refused(httpcore.ConnectError):
    """The guard refused the address a connection was about to be made to."""


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolves the host itself, checks every address against the guard, and connects to a checked one.

    The check in :meth:`Http.get` runs before the request; this one runs at connect time, so a name that
    resolves to a public address for the check and to a private one for the connection (DNS rebinding)
    is still refused. TLS keeps the host name for SNI and certificate checks (httpcore passes it apart).
    """

    def __init__(self, networks: tuple[IPNetwork, ...]) -> None:
        self.networks = networks

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            addresses = [str(ipaddress.ip_address(host.strip("[]")))]
        except ValueError:
            loop = asyncio.get_running_loop()
            try:
                infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except (OSError, UnicodeError, ValueError) as e:
                raise httpcore.ConnectError(f"DNS lookup failed for {host}") from e
            addresses = list(dict.fromkeys(str(i[4][0]) for i in infos))
        if not _ACCESS.get().allows(host, port) and any(is_private_address(a, self.networks) for a in addresses):
            raise _Refused(REFUSED)
        return await aionet.connect_tcp(
            addresses[0], port, timeout=timeout, local_address=local_address, socket_options=socket_options
        )

    async def connect_unix_socket(self, *args: Any, **kwargs: Any) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are not used by claimcheck")

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


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


@dataclass
class _Host:
    sem: asyncio.Semaphore
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    next_start: float = 0.0
    delay: float = 0.0  # Crawl-delay from robots.txt, bounded
    robots: asyncio.Future[Protego | None] | None = None


class HostPools(httpx.AsyncBaseTransport):
    """A small keep-alive connection pool per host (``per_host`` connections each), all connecting
    through the address guard.

    One shared pool capped at ``concurrency`` connections closes a host's idle connection whenever a
    request for another host needs the slot: with more hosts than slots (50 outlets, 16 requests in
    flight) nearly every request opened a new connection, and the shared pool checked every pooled
    connection on each request (bench/fetch.py). Here a connection stays with its host; ``Http``'s
    semaphores bound the requests in flight. At most ``max_hosts`` pools are kept: beyond that, the
    least recently used idle pools are closed.
    """

    def __init__(self, settings: FetchSettings, max_hosts: int = 256) -> None:
        self.settings = settings
        self.max_hosts = max_hosts
        self.backend = GuardedBackend(settings.private_networks)
        # One TLS context for every https pool, built when the first one is: building it loads the CA
        # bundle (~30 ms, on the start-up path of every fetch before #14, also of http-only ones).
        self._tls: ssl.SSLContext | None = None
        self.pools: dict[tuple[bytes, bytes, int | None], httpx.AsyncHTTPTransport] = {}  # LRU order
        self.busy: dict[tuple[bytes, bytes, int | None], int] = {}

    @property
    def ssl_context(self) -> ssl.SSLContext:
        if self._tls is None:
            self._tls = httpx.create_ssl_context()
        return self._tls

    def _pool(self, key: tuple[bytes, bytes, int | None]) -> httpx.AsyncHTTPTransport:
        pool = self.pools.pop(key, None)
        if pool is None:
            n = max(1, self.settings.per_host)
            # A pool serves one scheme, host and port: an http pool never uses TLS, yet httpx builds a
            # context for it unless given one. It gets one that trusts no certificate at all.
            tls = self.ssl_context if key[0] == b"https" else ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            pool = httpx.AsyncHTTPTransport(
                verify=tls, limits=httpx.Limits(max_connections=n, max_keepalive_connections=n)
            )
            # httpx takes no network backend; its connection pool does (httpcore >= 1.0). A test checks it is used.
            pool._pool._network_backend = self.backend  # noqa: SLF001
        self.pools[key] = pool  # most recently used last
        return pool

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        key = (request.url.raw_scheme, request.url.raw_host, request.url.port)
        pool = self._pool(key)
        self.busy[key] = self.busy.get(key, 0) + 1
        try:
            resp = await pool.handle_async_request(request)
        except BaseException:
            self._done(key)
            raise
        await self._evict()
        return httpx.Response(
            resp.status_code,
            headers=resp.headers,
            stream=_Tracked(resp.stream, lambda: self._done(key), pool),  # type: ignore[arg-type]  # httpx types stream as the sync|async union
            extensions=resp.extensions,
        )

    def _done(self, key: tuple[bytes, bytes, int | None]) -> None:
        self.busy[key] -= 1
        if not self.busy[key]:
            del self.busy[key]

    async def _evict(self) -> None:
        if len(self.pools) <= self.max_hosts:
            return
        for key in [k for k in self.pools if k not in self.busy][: len(self.pools) - self.max_hosts]:
            await self.pools.pop(key).aclose()

    async def aclose(self) -> None:
        pools, self.pools = list(self.pools.values()), {}
        for pool in pools:
            await pool.aclose()


class _Tracked(httpx.AsyncByteStream):
    """A response body that tells its pool when it is closed (the connection is free again), and closes
    a connection that the server sent more on than the response's declared length."""

    def __init__(self, inner: httpx.AsyncByteStream, done: Any, pool: httpx.AsyncHTTPTransport) -> None:
        self.inner = inner
        self.done = done
        self.pool = pool

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self.inner:
            yield chunk

    async def aclose(self) -> None:
        done, self.done = self.done, None
        try:
            await self.inner.aclose()
            await _drop_desynced(self.pool)
        finally:
            if done is not None:
                done()


async def _drop_desynced(pool: httpx.AsyncHTTPTransport) -> None:
    """Close every idle connection that holds bytes past the end of its last response.

    A body that overruns its Content-Length leaves the extra bytes in h11's buffer, where they would be
    read as the answer to the next request on that connection (keep-alive desync: a smuggled response
    stored as the next page). A server that does that has lost track of the conversation; the
    connection is not reused. (The loop's own buffer is checked by ``aionet``'s ``is_readable``.)
    """
    for conn in pool._pool.connections:  # noqa: SLF001
        state = getattr(getattr(conn, "_connection", None), "_h11_state", None)  # httpcore's HTTP/1.1 state
        if state is not None and conn.is_idle() and state.trailing_data[0]:
            await conn.aclose()


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
                ipaddress.ip_address(host)
                self.dns[host] = [host]
            except ValueError:
                loop = asyncio.get_running_loop()
                try:
                    infos = await loop.getaddrinfo(host, None, type=socket.SOCK_STREAM)
                except (OSError, UnicodeError, ValueError) as e:
                    raise FetchError(f"DNS lookup failed for {host}") from e
                self.dns[host] = sorted({str(i[4][0]) for i in infos})
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
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        seen: list[str] = []
        current = _gate(url)
        _ACCESS.set(access)
        while True:
            try:
                await self._check(current, access)
            except FetchError as e:
                if seen and e.reason == REFUSED:  # the URL asked for was fine; where it redirects is not
                    raise FetchError(REDIRECT_REFUSED, url, permanent=True) from None
                raise
            resp = await self._get_with_retries(current, headers)
            if resp.status in REDIRECTS and resp.location is not None:
                seen.append(current)
                try:
                    target = fetchable_url(resp.location, base=current)
                except FetchError as e:
                    reason = "redirect to a non-HTTP address" if e.reason == NOT_HTTP else f"redirect to a {e.reason}"
                    raise FetchError(reason, url, resp.status) from None
                if target in seen:
                    raise FetchError("redirect loop", url, resp.status)
                if len(seen) > self.s.max_redirects:
                    raise FetchError(f"too many redirects (> {self.s.max_redirects})", url, resp.status)
                current = target
                continue
            if resp.status >= 400:
                raise FetchError(
                    _status_reason(resp.status), url, resp.status, permanent=resp.status in GONE
                )
            return resp

    async def _check(self, url: str, access: PrivateAccess) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(NOT_HTTP, url, permanent=True)
        await self._guard(url, access)
        if self.s.robots and not await self._robots_allow(url, access):
            raise FetchError("disallowed by robots.txt", url, permanent=True)

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
                transient = e.status is None and "too large" not in e.reason and "bomb" not in e.reason
                if not transient or attempt >= self.s.retries:
                    raise
                await asyncio.sleep(self._backoff(attempt))
                attempt += 1
                continue
            if resp.status not in RETRY_STATUS:
                return resp
            wait = retry_after(resp.headers.get("retry-after"))
            if wait is not None and wait > self.s.max_retry_after:
                raise FetchError(
                    f"rate-limited (HTTP {resp.status}, Retry-After {wait:.0f}s)", url, resp.status
                )
            if attempt >= self.s.retries:
                if resp.status == 429:
                    raise FetchError("rate-limited (HTTP 429)", url, resp.status)
                return resp
            await asyncio.sleep(wait if wait is not None else self._backoff(attempt))
            attempt += 1

    def _backoff(self, attempt: int) -> float:
        return self.s.backoff * (2**attempt) * (0.75 + random.random() / 2)

    async def _get_once(self, url: str, headers: dict[str, str], keep: int | None = None) -> Response:
        host = urlsplit(url).netloc.lower()
        h = self.hosts.get(host)
        if h is None:
            h = self.hosts[host] = _Host(asyncio.Semaphore(self.s.per_host))
        async with h.sem:
            delay = max(self.s.delay, h.delay)
            if delay:
                async with h.lock:
                    shared = await self.pacer(host, delay) if self.pacer else None
                    now = time.monotonic()
                    wait = h.next_start - now if shared is None else shared
                    h.next_start = max(now, h.next_start) + delay
                if wait > 0:
                    await asyncio.sleep(wait)  # outside the global semaphore: other hosts go on meanwhile
            async with self.sem:
                return await self._timed(url, headers, keep)

    async def _timed(self, url: str, headers: dict[str, str], keep: int | None = None) -> Response:
        """One request under a total deadline (httpx's read timeout is per chunk), errors in a few words."""
        try:
            async with asyncio.timeout(self.s.timeout):
                return await self._stream(url, headers, keep)
        except TimeoutError:
            raise FetchError(f"timed out after {self.s.timeout:g}s", url) from None
        except httpx.TimeoutException:
            raise FetchError("timed out", url) from None
        except httpx.RemoteProtocolError:
            raise FetchError("connection closed mid-response", url) from None
        except httpx.ConnectError as e:
            if REFUSED in str(e):
                raise FetchError(REFUSED, url, permanent=True) from None
            raise FetchError("connection refused or failed", url) from None
        except (httpx.ReadError, httpx.WriteError):
            raise FetchError("connection reset by the server", url) from None
        except httpx.TransportError as e:
            raise FetchError(f"network error ({type(e).__name__})", url) from None

    async def _stream(self, url: str, headers: dict[str, str], keep: int | None = None) -> Response:
        async with self.client.stream("GET", url, headers=headers) as r:
            declared = r.headers.get("content-length", "")
            encoding = r.headers.get("content-encoding", "identity").lower().strip()
            too_large = declared.isascii() and declared.isdigit() and int(declared[:20]) > self.s.max_bytes
            if keep is None and encoding in ("", "identity") and too_large:
                raise FetchError(f"body too large ({int(declared[:20]):,} bytes)", url, None)
            body = await _read_capped(r, encoding, keep or self.s.max_bytes, url, truncate=keep is not None)
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
        return bool(rules.can_fetch(url, self.s.user_agent))

    async def _load_robots(self, url: str, access: PrivateAccess) -> Protego | None:
        """RFC 9309: 4xx means no rules; an unreachable robots.txt or a 5xx means all is disallowed.

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
                return None if e.reason.startswith((REFUSED, BAD)) else _DISALLOW_ALL()
            if resp.status not in REDIRECTS or resp.location is None:
                break
            seen.append(current)
            try:
                current = fetchable_url(resp.location, base=current)
            except FetchError:
                return None
            if current in seen or len(seen) > self.s.max_redirects:
                return None
        if 300 <= resp.status < 500:
            return None
        if resp.status >= 500:
            return _DISALLOW_ALL()
        rules = Protego.parse(resp.body[:ROBOTS_MAX].decode("utf-8-sig", "replace"))  # a BOM is no rule
        delay = rules.crawl_delay(self.s.user_agent)
        host = self.hosts.get(urlsplit(url).netloc.lower())
        if delay and host:
            host.delay = min(float(delay), MAX_CRAWL_DELAY)  # honoured through the per-host rate limit
        return rules


def _DISALLOW_ALL() -> Protego:  # noqa: N802 - reads as the constant it stands for
    return Protego.parse("User-agent: *\nDisallow: /")


_LOCATION = "claimcheck_location"


async def _set_location_aside(response: httpx.Response) -> None:
    """Move the Location header out of httpx's sight: even when not following redirects, httpx builds
    the next request from it, and raises (InvalidURL, or a misleading protocol error) on a Location it
    cannot parse, such as ``javascript:`` or port 99999. Http.get judges Location itself, with the URL gate."""
    if "location" in response.headers:
        response.extensions[_LOCATION] = response.headers["location"].strip()
        del response.headers["location"]


def _gate(url: str) -> str:
    """:func:`fetchable_url`, with the URL named in the error."""
    try:
        return fetchable_url(url)
    except FetchError as e:
        e.url = url if isinstance(url, str) else None
        raise


async def _read_capped(r: httpx.Response, encoding: str, cap: int, url: str, *, truncate: bool = False) -> bytes:
    """Read the raw body and decompress it ourselves, never holding more than ``cap`` bytes of output
    (with ``truncate``, the first ``cap`` bytes are returned instead of an error).

    httpx's own decoding has no output limit: a 65 KB gzip bomb becomes gigabytes in one chunk. A
    compressed body must reach the end of its stream: one cut short (a truncated gzip with a matching
    Content-Length) is as corrupt as a garbled one.
    """
    decomp = None
    if encoding in ("gzip", "x-gzip"):
        decomp = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        decomp = zlib.decompressobj()
    elif encoding not in ("", "identity"):
        raise FetchError(f"unsupported content-encoding {encoding[:20]!r}", url)
    out = bytearray()
    raw = 0
    async for chunk in r.aiter_raw():
        raw += len(chunk)
        if decomp is None:
            out += chunk
        else:
            try:
                out += decomp.decompress(decomp.unconsumed_tail + chunk, cap + 1 - len(out))
            except zlib.error:
                raise FetchError("corrupt compressed body", url) from None
            if decomp.unconsumed_tail and len(out) > cap and not truncate:
                raise FetchError(f"body too large after decompression (> {cap:,} bytes; gzip bomb?)", url)
        if truncate and len(out) > cap:
            return bytes(out[:cap])
        if len(out) > cap:
            raise FetchError(f"body too large (> {cap:,} bytes)", url)
    if decomp is not None:
        try:
            out += decomp.flush()
        except zlib.error:
            raise FetchError("corrupt compressed body", url) from None
        if raw and not decomp.eof:  # an empty body (a 304, a redirect) has no stream to end
            raise FetchError("corrupt compressed body", url)
        if truncate and len(out) > cap:
            return bytes(out[:cap])
        if len(out) > cap:
            raise FetchError(f"body too large (> {cap:,} bytes)", url)
    return bytes(out)


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
    if name is None and status >= 500:
        name = "server error"
    return f"HTTP {status}" + (f" {name}" if name else "")

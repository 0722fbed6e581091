"""Connections: a small keep-alive pool per host, every one connecting through the address guard
(:class:`HostPools`), and a connection the server desynchronised never reused."""

from __future__ import annotations

import ssl
from collections.abc import AsyncIterator
from typing import Any

import httpx

from claimcheck.ingest.guard import GuardedBackend
from claimcheck.ingest.settings import FetchSettings


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

"""An httpcore network stream on asyncio's own transports (used under :class:`claimcheck.ingest.http.GuardedBackend`).

httpcore's default backend goes through anyio, whose socket stream pauses the transport after every read
and resumes it before the next one (two ``epoll_ctl`` system calls per chunk), wraps every read and write
in a cancel scope, and answers the pool's "is this idle connection closed?" with a ``poll`` plus a
``getpeername`` call. On a fetch of 2,000 pages that was about a fifth of the fetching process's time
(bench/fetch.py, cProfile). Here the transport keeps reading into a buffer (paused only past
``HIGH_WATER`` bytes), and a connection knows it was closed from the loop's own ``eof_received`` /
``connection_lost`` callbacks.
"""

from __future__ import annotations

import asyncio
import collections
import select
import socket
import ssl
from collections.abc import Iterable
from typing import Any

import httpcore

HIGH_WATER = 1 << 20  # bytes buffered before the transport stops reading
LOW_WATER = 1 << 18


class _Protocol(asyncio.Protocol):
    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.chunks: collections.deque[bytes] = collections.deque()
        self.size = 0
        self.eof = False
        self.error: BaseException | None = None
        self.paused = False
        self.waiter: asyncio.Future[None] | None = None
        self.write_waiter: asyncio.Future[None] | None = None
        self.writing_paused = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]  # a stream connection: always a Transport

    def data_received(self, data: bytes) -> None:
        self.chunks.append(data)
        self.size += len(data)
        if self.size > HIGH_WATER and not self.paused and self.transport is not None:
            self.paused = True
            self.transport.pause_reading()
        self._wake()

    def eof_received(self) -> bool:
        self.eof = True
        self._wake()
        return False  # close the transport

    def connection_lost(self, exc: Exception | None) -> None:
        self.eof = True
        self.error = exc
        self._wake()
        self.resume_writing()

    def pause_writing(self) -> None:
        self.writing_paused = True

    def resume_writing(self) -> None:
        self.writing_paused = False
        if self.write_waiter is not None and not self.write_waiter.done():
            self.write_waiter.set_result(None)

    def _wake(self) -> None:
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_result(None)


class AsyncioStream(httpcore.AsyncNetworkStream):
    def __init__(self, transport: asyncio.Transport, protocol: _Protocol) -> None:
        self.transport = transport
        self.protocol = protocol

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        p = self.protocol
        if not p.chunks and not p.eof:
            p.waiter = asyncio.get_running_loop().create_future()
            try:
                await _wait(p.waiter, timeout, httpcore.ReadTimeout("timed out reading"))
            finally:
                p.waiter = None
        if p.chunks:
            data = p.chunks.popleft()
            if len(data) > max_bytes:
                p.chunks.appendleft(data[max_bytes:])
                data = data[:max_bytes]
            p.size -= len(data)
            if p.paused and p.size < LOW_WATER:
                p.paused = False
                self.transport.resume_reading()
            return data
        if p.error is not None:
            raise httpcore.ReadError(str(p.error) or type(p.error).__name__)
        return b""

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        p = self.protocol
        if p.eof or self.transport.is_closing():
            raise httpcore.WriteError("connection closed")
        self.transport.write(buffer)
        if p.writing_paused:
            p.write_waiter = asyncio.get_running_loop().create_future()
            try:
                await _wait(p.write_waiter, timeout, httpcore.WriteTimeout("timed out writing"))
            finally:
                p.write_waiter = None

    async def aclose(self) -> None:
        self.transport.close()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(timeout):
                transport = await loop.start_tls(
                    self.transport, self.protocol, ssl_context, server_hostname=server_hostname
                )
        except TimeoutError:
            self.transport.abort()
            raise httpcore.ConnectTimeout("timed out in the TLS handshake") from None
        except (OSError, ssl.SSLError, ConnectionError) as e:
            self.transport.abort()
            raise httpcore.ConnectError(str(e) or type(e).__name__) from None
        if transport is None:
            raise httpcore.ConnectError("connection closed during the TLS handshake")
        self.protocol.transport = transport  # flow control on the TLS layer from now on
        return AsyncioStream(transport, self.protocol)

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable":
            # The transport reads continuously: a connection the server closed has had its EOF or
            # connection_lost delivered; one with unread bytes on it is not reusable either.
            if self.protocol.eof or self.protocol.chunks:
                return True
            return _socket_readable(self.transport.get_extra_info("socket"))
        if info == "ssl_object":
            return self.transport.get_extra_info("ssl_object")
        if info == "client_addr":
            return self.transport.get_extra_info("sockname")
        if info == "server_addr":
            return self.transport.get_extra_info("peername")
        if info == "socket":
            return self.transport.get_extra_info("socket")
        return None


async def _wait(future: asyncio.Future[None], timeout: float | None, on_timeout: Exception) -> None:
    try:
        async with asyncio.timeout(timeout):
            await future
    except TimeoutError:
        raise on_timeout from None


def _socket_readable(sock: Any) -> bool:
    """Whether a socket has bytes (or an EOF) waiting that the loop has not delivered yet."""
    if sock is None or sock.fileno() < 0:
        return True
    if not hasattr(select, "poll"):  # Windows
        return bool(select.select([sock], [], [], 0)[0])
    p = select.poll()
    p.register(sock, select.POLLIN)
    return bool(p.poll(0))


async def connect_tcp(
    address: str,
    port: int,
    *,
    timeout: float | None = None,
    local_address: str | None = None,
    socket_options: Iterable[Any] | None = None,
) -> AsyncioStream:
    """A TCP connection to an already resolved and checked ``address``."""
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(timeout):
            transport, protocol = await loop.create_connection(
                _Protocol, host=address, port=port, local_addr=(local_address, 0) if local_address else None
            )
    except TimeoutError:
        raise httpcore.ConnectTimeout(f"timed out connecting to {address}") from None
    except OSError as e:
        raise httpcore.ConnectError(str(e) or type(e).__name__) from None
    sock = transport.get_extra_info("socket")
    if sock is not None:
        for option in socket_options or ():
            sock.setsockopt(*option)
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return AsyncioStream(transport, protocol)

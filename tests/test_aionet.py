"""The asyncio network stream under httpcore (claimcheck/ingest/aionet.py), over real loopback sockets."""

from __future__ import annotations

import asyncio
import shutil
import ssl
import subprocess
from pathlib import Path

import httpcore
import pytest
from loopback import Site

from claimcheck.ingest import aionet
from claimcheck.ingest.http import FetchSettings, Http


async def _echo_server(tls: ssl.SSLContext | None = None) -> tuple[asyncio.Server, int]:
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while data := await reader.read(65536):
            if data == b"close":
                break
            writer.write(data)
            await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0, ssl=tls)
    return server, server.sockets[0].getsockname()[1]


def test_a_large_body_survives_the_read_buffer_pausing_and_resuming(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(aionet, "HIGH_WATER", 4096)  # pause the transport often
    monkeypatch.setattr(aionet, "LOW_WATER", 1024)
    body = bytes(range(256)) * 12_000  # 3 MB
    site = Site()
    site.route("/big.bin", body, headers={"Content-Type": "application/octet-stream"})

    async def run() -> bytes:
        settings = FetchSettings(timeout=10, max_bytes=8_000_000, robots=False)
        async with Http(settings) as http:
            return (await http.get(site.url("/big.bin"), allow_private=True)).body

    try:
        assert asyncio.run(run()) == body
    finally:
        site.close()


def test_reads_time_out_and_a_closed_connection_reads_as_closed() -> None:
    async def run() -> None:
        server, port = await _echo_server()
        async with server:
            stream = await aionet.connect_tcp("127.0.0.1", port, timeout=2)
            await stream.write(b"hello")
            assert await stream.read(65536, timeout=2) == b"hello"
            assert stream.get_extra_info("is_readable") is False  # idle and open: reusable
            with pytest.raises(httpcore.ReadTimeout):
                await stream.read(65536, timeout=0.1)
            await stream.write(b"close")  # the server hangs up
            assert await stream.read(65536, timeout=2) == b""
            assert stream.get_extra_info("is_readable") is True  # closed: the pool must not reuse it
            await stream.aclose()

    asyncio.run(run())


def test_connecting_to_a_closed_port_is_a_connect_error() -> None:
    async def run() -> None:
        server, port = await _echo_server()
        server.close()
        await server.wait_closed()
        with pytest.raises(httpcore.ConnectError):
            await aionet.connect_tcp("127.0.0.1", port, timeout=2)

    asyncio.run(run())


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl command not available")
def test_start_tls_checks_the_certificate_and_then_carries_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(aionet, "HIGH_WATER", 8192)  # pause the transport often
    monkeypatch.setattr(aionet, "LOW_WATER", 2048)
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_ctx.load_cert_chain(cert, key)

    async def run() -> None:
        server, port = await _echo_server(server_ctx)
        async with server:
            trusting = ssl.create_default_context(cafile=str(cert))
            stream = await aionet.connect_tcp("127.0.0.1", port, timeout=2)
            tls = await stream.start_tls(trusting, server_hostname="localhost", timeout=2)
            assert tls.get_extra_info("ssl_object") is not None
            await tls.write(b"over tls")
            assert await tls.read(65536, timeout=2) == b"over tls"
            # Flow control on the TLS layer: much more than the buffer limit, read back slowly.
            big = bytes(range(256)) * 4000
            await tls.write(big)
            got = b""
            while len(got) < len(big):
                got += await tls.read(4096, timeout=5)
                await asyncio.sleep(0)
            assert got == big
            await tls.aclose()
            # A certificate the client does not trust: the handshake fails as a connect error.
            plain = await aionet.connect_tcp("127.0.0.1", port, timeout=2)
            with pytest.raises(httpcore.ConnectError):
                await plain.start_tls(ssl.create_default_context(), server_hostname="localhost", timeout=2)

    asyncio.run(run())


def test_host_pools_keep_at_most_max_hosts_idle_pools() -> None:
    from claimcheck.ingest.http import HostPools

    sites = [Site(host=f"127.0.0.{i}") for i in range(1, 5)]
    for s in sites:
        s.route("/a.txt", b"hello", headers={"Content-Type": "text/plain"})

    async def run() -> list[bytes]:
        settings = FetchSettings(timeout=5, robots=False)
        async with Http(settings) as http:
            pools: HostPools = http.client._transport  # type: ignore[assignment]
            pools.max_hosts = 2
            bodies = []
            for s in sites * 2:  # every host twice: evicted pools come back
                bodies.append((await http.get(s.url("/a.txt"), allow_private=True)).body)
                assert len(pools.pools) <= 2 and not pools.busy
            return bodies

    try:
        assert asyncio.run(run()) == [b"hello"] * 8
    finally:
        for s in sites:
            s.close()


@pytest.mark.parametrize("name", ["localhost", "localhost.", "feeds.localhost."])
def test_localhost_names_reach_loopback_without_asking_dns(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """RFC 6761: ``localhost`` and names under it, with or without the trailing dot, are loopback; ``sources
    --check`` calls them so, and the fetch reaches them there without a DNS query (``localhost.`` failed as
    "DNS lookup failed" before)."""
    site = Site()
    site.route("/feed.xml", b"<rss/>", headers={"Content-Type": "application/rss+xml"})

    def no_dns(*a: object, **k: object) -> object:
        raise AssertionError("a localhost name was asked of DNS")

    monkeypatch.setattr(asyncio.AbstractEventLoop, "getaddrinfo", no_dns)
    monkeypatch.setattr(asyncio.BaseEventLoop, "getaddrinfo", no_dns)

    async def run() -> bytes:
        async with Http(FetchSettings(timeout=10, robots=False)) as http:
            url = site.url("/feed.xml").replace("127.0.0.1", name)
            return (await http.get(url, allow_private=True)).body

    try:
        assert asyncio.run(run()) == b"<rss/>"
    finally:
        site.close()

"""The address guard: which private or loopback hosts a request may reach (:class:`PrivateAccess`: none
unless opted in), checked again at connect time on the addresses a name resolves to
(:class:`GuardedBackend`), so that DNS rebinding cannot slip a private address past the first check."""

from __future__ import annotations

import asyncio
import contextvars
import ipaddress
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpcore

from claimcheck.ingest import aionet
from claimcheck.urls import IPNetwork, is_private_address, localhost_addresses


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
            host, port = host_port(url)
            if host and port is None:
                pairs.update({(host, 80), (host, 443)})
            elif host and port is not None:
                pairs.add((host, port))
        for entry in hosts:
            host, port = host_port("//" + entry.strip())
            if host and port is None:
                anyport.add(host)
            elif host and port is not None:
                pairs.add((host, port))
        return cls(frozenset(pairs), frozenset(anyport))

    def allows(self, host: str, port: int | None) -> bool:
        if self.everything:
            return True
        host = norm_host(host)
        return host in self.hosts or (host, port or 0) in self.host_ports

    def allows_url(self, url: str) -> bool:
        if self.everything:
            return True
        parts = urlsplit(url)
        host, port = host_port(url)
        return self.allows(host, port if port is not None else _DEFAULT_PORTS.get(parts.scheme, 0))

    def __bool__(self) -> bool:
        return self.everything or bool(self.host_ports or self.hosts)


NO_PRIVATE = PrivateAccess()
_DEFAULT_PORTS = {"http": 80, "https": 443}


def norm_host(host: str) -> str:
    host = host.strip("[]").lower().rstrip(".")
    try:
        return host.encode("idna").decode("ascii")  # the form httpcore connects with
    except UnicodeError:
        return host


def host_port(url: str) -> tuple[str, int | None]:
    """The URL's host (normalised) and explicit port; ("", None) when it has no usable host."""
    try:
        parts = urlsplit(url)
        return norm_host(parts.hostname or ""), parts.port
    except ValueError:  # a port out of range or not a number
        return "", None


# The private hosts the request being made may reach (set per request by Http.get; asyncio tasks carry
# their own copy, and httpcore opens a connection inside the task of the request that needs it).
ACCESS: contextvars.ContextVar[PrivateAccess] = contextvars.ContextVar("claimcheck_private_access", default=NO_PRIVATE)
REFUSED = "refused: link points to a private or local address"
REDIRECT_REFUSED = "refused: redirect to a private or local address"


class Refused(httpcore.ConnectError):
    """The guard refused the address a connection was about to be made to."""


async def host_addresses(host: str, port: int | None = None) -> list[str]:
    """The addresses a URL's host names, in the resolver's order: an address as written, the loopback ones for
    ``localhost`` names (never asked of DNS), else a DNS lookup (its OSError, UnicodeError or ValueError
    raised). The request check (``Http.resolve``) and the connect-time check both judge these."""
    try:
        return [str(ipaddress.ip_address(host.strip("[]")))]
    except ValueError:
        if (local := localhost_addresses(host)) is not None:
            return local
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(i[4][0]) for i in infos))


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
            addresses = await host_addresses(host, port)
        except (OSError, UnicodeError, ValueError) as e:
            raise httpcore.ConnectError(f"DNS lookup failed for {host}") from e
        if not ACCESS.get().allows(host, port) and any(is_private_address(a, self.networks) for a in addresses):
            raise Refused(REFUSED)
        return await aionet.connect_tcp(
            addresses[0], port, timeout=timeout, local_address=local_address, socket_options=socket_options
        )

    async def connect_unix_socket(self, *args: Any, **kwargs: Any) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are not used by claimcheck")

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)

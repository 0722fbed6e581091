"""A real HTTP server on loopback for the tests, with per-path behaviour (faults included).

Routes are plain data: ``site.route("/feed.xml", body=..., status=..., headers=..., delay=...)``;
``action`` takes over the raw socket for resets, stalls and drips. Paths without a route are served
from an optional directory, with ``{{BASE}}`` replaced by the server's base URL.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from claimcheck.demo.server import TYPES

Action = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    action: Action | None = None
    then: list[Route] = field(
        default_factory=list
    )  # answers for the next requests, in turn (the last repeats)


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients that hang up on a fault (timeouts, caps) are expected here


class Site:
    def __init__(self, root: Path | None = None, host: str = "127.0.0.1") -> None:
        self.root = root
        self.routes: dict[str, Route] = {}
        self.hits: list[tuple[str, dict[str, str]]] = []
        self.times: list[
            tuple[float, str]
        ] = []  # (time.monotonic(), path) of every request, in arrival order
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802
                site.hits.append((self.path, dict(self.headers)))
                site.times.append((time.monotonic(), urlsplit(self.path).path))
                site.serve(self)

            def log_message(self, *a: object) -> None:
                pass

        self.httpd = _Server((host, 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    @property
    def base(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, body: bytes | str = b"", **kw: object) -> Route:
        data = body.encode("utf-8") if isinstance(body, str) else body
        r = self.routes[path] = Route(body=data.replace(b"{{BASE}}", self.base.encode()), **kw)  # type: ignore[arg-type]
        return r

    def sequence(self, path: str, *routes: Route) -> None:
        """Answer ``path`` with each route in turn; the last one keeps answering."""
        first, *rest = routes
        first.then = list(rest)
        self.routes[path] = first

    def paths_hit(self) -> list[str]:
        return [urlsplit(p).path for p, _ in self.hits]

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def serve(self, h: BaseHTTPRequestHandler) -> None:
        path = urlsplit(h.path).path
        r = self.routes.get(path)
        if r is not None and r.then:
            self.routes[path] = r.then[0]
            r.then[0].then = r.then[1:]
        if r is None and self.root is not None:
            f = (self.root / path.lstrip("/")).resolve()
            if f.is_relative_to(self.root.resolve()) and f.is_file():
                ctype = TYPES.get(f.suffix, "application/octet-stream")
                r = Route(
                    f.read_bytes().replace(b"{{BASE}}", self.base.encode()), headers={"Content-Type": ctype}
                )
        if r is None:
            r = Route(b"not found", 404, {"Content-Type": "text/plain"})
        if r.delay:
            time.sleep(r.delay)
        if r.action:
            r.action(h)
            return
        send(h, r.status, r.body, r.headers)


def send(h: BaseHTTPRequestHandler, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
    h.send_response(status)
    headers = dict(headers or {})
    headers.setdefault("Content-Length", str(len(body)))
    for k, v in headers.items():
        h.send_header(k, v)
    h.end_headers()
    if status not in (204, 304):
        h.wfile.write(body)


def reset(h: BaseHTTPRequestHandler) -> None:
    """Close the connection abruptly (RST) without an answer."""
    h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    h.close_connection = True
    # The handler's file objects hold the socket open; close them first so the close is real (an RST).
    h.rfile.close()
    h.wfile.close()
    h.connection.close()


def stall(after: bytes, seconds: float) -> Action:
    """Send headers and part of a body, then hang."""

    def act(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        h.send_header("Content-Length", str(len(after) * 10))
        h.end_headers()
        h.wfile.write(after)
        h.wfile.flush()
        time.sleep(seconds)

    return act


def drip(total: int, every: float) -> Action:
    """Send a body one byte at a time, slowly: no per-read timeout ever fires."""

    def act(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", str(total))
        h.end_headers()
        for _ in range(total):
            try:
                h.wfile.write(b"x")
                h.wfile.flush()
            except OSError:
                return
            time.sleep(every)

    return act


def close_delimited(body: bytes, ctype: str = "text/html; charset=utf-8") -> Action:
    """An HTTP/1.0-style answer: no Content-Length, the body ends when the connection closes."""

    def act(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", ctype)
        h.send_header("Connection", "close")
        h.end_headers()
        try:
            h.wfile.write(body)
            h.wfile.flush()
        except OSError:
            pass
        h.close_connection = True

    return act

"""A small real HTTP server on loopback that serves a directory of feeds and pages.

``{{BASE}}`` inside served text files becomes the server's own base URL, so the corpus can hold absolute
links without knowing its port. Feeds answer conditional GETs (ETag / If-None-Match, Last-Modified)
with 304, as real feeds do.
"""

from __future__ import annotations

import email.utils
import hashlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

PLACEHOLDER = b"{{BASE}}"
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/rss+xml; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".json": "application/json",
}
LAST_MODIFIED = email.utils.formatdate(1765600000, usegmt=True)


class CorpusServer:
    """``with CorpusServer(root) as srv: srv.base`` — serves ``root`` on 127.0.0.1 in a thread."""

    def __init__(self, root: Path, host: str = "127.0.0.1", port: int = 0) -> None:
        self.root = Path(root).resolve()
        self.hits: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                server.hits.append(self.path)
                server.handle(self)

            def log_message(self, *args: object) -> None:  # quiet
                pass

        self.httpd = ThreadingHTTPServer((host, port), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> CorpusServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def body(self, rel: str) -> bytes | None:
        """The served bytes of a corpus file (placeholder replaced), or None."""
        path = (self.root / rel.lstrip("/")).resolve()
        if not path.is_relative_to(self.root) or not path.is_file():
            return None
        return path.read_bytes().replace(PLACEHOLDER, self.base.encode())

    def handle(self, h: BaseHTTPRequestHandler) -> None:
        rel = unquote(urlsplit(h.path).path)
        if rel.endswith("/"):
            rel += "index.html"
        data = self.body(rel)
        if data is None:
            _send(h, 404, b"not found", "text/plain")
            return
        etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
        if h.headers.get("If-None-Match") == etag or h.headers.get("If-Modified-Since") == LAST_MODIFIED:
            _send(h, 304, b"", None, {"ETag": etag})
            return
        ctype = TYPES.get(Path(rel).suffix.lower(), "application/octet-stream")
        _send(h, 200, data, ctype, {"ETag": etag, "Last-Modified": LAST_MODIFIED})


def _send(
    h: BaseHTTPRequestHandler,
    status: int,
    body: bytes,
    ctype: str | None,
    headers: dict[str, str] | None = None,
) -> None:
    h.send_response(status)
    if ctype:
        h.send_header("Content-Type", ctype)
    for k, v in (headers or {}).items():
        h.send_header(k, v)
    h.send_header("Content-Length", str(len(body) if status != 304 else 0))
    h.end_headers()
    if status != 304:
        h.wfile.write(body)

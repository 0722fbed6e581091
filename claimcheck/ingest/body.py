"""A response body read within its limits: decompressed here, never holding more than the cap (a gzip bomb
is refused, not inflated), a compressed stream cut short refused as corrupt."""

from __future__ import annotations

import zlib
from collections.abc import Iterator

import httpx

from claimcheck.errors import FetchError

_GZIP_MAGIC = b"\x1f\x8b"  # how a gzip member begins (RFC 1952)
_PIECE = 1 << 16  # the most output one decompression step makes: what a bomb can add past the cap
# A coding we cannot undo (brotli, zstd: a server that ignores our Accept-Encoding) answers the same way on the
# next request: not retried in the run, and remembered failed after this many runs met it (as a page with no
# article text, ingest/records.NO_TEXT_RUNS): it was asked for again on every run for ever.
CODING_RUNS = 3


class _Inflate:
    """One content coding undone: gzip, or deflate (the zlib format HTTP names, or the bare deflate data some
    servers send under that name and browsers read too: told apart by the zlib header's check bits)."""

    def __init__(self, coding: str) -> None:
        self.gzip = coding in ("gzip", "x-gzip")
        self.d: zlib._Decompress | None = zlib.decompressobj(16 + zlib.MAX_WBITS) if self.gzip else None
        self.head = b""  # deflate: the first bytes, until there are two to read the header from

    def pieces(self, data: bytes) -> Iterator[bytes]:
        """The output of ``data``, a piece of at most _PIECE bytes at a time, made as it is asked for (a bomb's
        gigabytes are never held); zlib.error when it is corrupt."""
        if self.d is None:
            self.head += data
            if len(self.head) < 2:
                return
            zlib_format = self.head[0] & 0x0F == 8 and int.from_bytes(self.head[:2], "big") % 31 == 0
            self.d = zlib.decompressobj(zlib.MAX_WBITS if zlib_format else -zlib.MAX_WBITS)
            data, self.head = self.head, b""
        if self.d.eof and not self.gzip:
            return  # bytes after the stream's end, which begin no gzip member: ignored, not gathered (zlib adds
            # each piece to its unused_data, a copy of all before it: 50 MB of them after a page, 14 s; review25)
        while data:
            yield self.d.decompress(data, _PIECE)
            data = self.d.unconsumed_tail
            if self.gzip and self.d.eof and not data:
                data = self._next_member()

    def _next_member(self) -> bytes:
        """After a gzip member, the next one's bytes, decoded by a fresh decompressor: a body may be several
        members one after the other (``cat a.gz b.gz``; a server joining compressed parts), which gzip(1) and
        browsers read whole (only the first was read, the page cut or "no article text"). Anything else after
        a member is ignored, as before; one byte of the magic waits for the next."""
        assert self.d is not None
        rest = self.d.unused_data
        if rest[:2] != _GZIP_MAGIC[: len(rest)]:
            self.gzip = False  # trailing bytes that begin no member: the rest of the body is left unread
        if len(rest) < 2 or not self.gzip:
            return b""
        self.d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        return rest

    def end(self) -> bytes:
        """What is left at the end of the body; zlib.error when the stream did not end."""
        if self.d is None:  # a deflate body of fewer than two bytes
            if self.head:
                raise zlib.error("truncated")
            return b""
        rest = self.d.flush()
        if not self.d.eof:
            raise zlib.error("truncated")
        return rest


def codings(header: str, url: str) -> list[_Inflate]:
    """The decoders of a Content-Encoding, in the order they are undone (the last coding applied first):
    "gzip, deflate" is deflated data of gzipped data."""
    steps = []
    for coding in reversed([c.strip() for c in header.lower().split(",")]):
        if coding in ("gzip", "x-gzip", "deflate"):
            steps.append(_Inflate(coding))
        elif coding not in ("", "identity"):
            raise FetchError(f"unsupported content-encoding {header[:20]!r}", url, permanent=True, runs=CODING_RUNS)
    return steps


async def read_capped(r: httpx.Response, encoding: str, cap: int, url: str, *, truncate: bool = False) -> bytes:
    """Read the raw body and decompress it ourselves, never holding more than ``cap`` bytes of output
    (with ``truncate``, the first ``cap`` bytes are returned instead of an error).

    httpx's own decoding has no output limit: a 65 KB gzip bomb becomes gigabytes in one chunk. Each coding
    is undone a bounded piece at a time, through every coding stacked ("gzip, deflate"). A compressed body
    must reach the end of its stream: one cut short (a truncated gzip with a matching Content-Length) is as
    corrupt as a garbled one.
    """
    steps = codings(encoding, url)
    out = bytearray()
    raw = 0

    def over() -> bytes:
        """Past the cap: its first ``cap`` bytes with ``truncate``, else the error."""
        if truncate:
            return bytes(out[:cap])
        if steps:
            raise FetchError(f"body too large after decompression (> {cap:,} bytes; gzip bomb?)", url)
        raise FetchError(f"body too large (> {cap:,} bytes)", url)

    def push(data: bytes, k: int = 0) -> bool:
        """Run ``data`` through the codings from ``steps[k]`` on into ``out``; False once past the cap."""
        if k == len(steps):
            out.extend(data)
            return len(out) <= cap
        try:
            for piece in steps[k].pieces(data):
                if not push(piece, k + 1):
                    return False
        except zlib.error:
            raise FetchError("corrupt compressed body", url) from None
        return True

    async for chunk in r.aiter_raw():
        raw += len(chunk)
        if not push(chunk):
            return over()
    if raw:  # an empty body (a 304, a redirect) has no stream to end
        for k, step in enumerate(steps):
            try:
                rest = step.end()
            except zlib.error:
                raise FetchError("corrupt compressed body", url) from None
            if not push(rest, k + 1):
                return over()
    return bytes(out)


def gunzip_capped(data: bytes, cap: int, url: str) -> bytes:
    """A body that is itself a gzip file (``sitemap.xml.gz``, served as ``application/x-gzip`` with no
    Content-Encoding, as the sitemaps protocol allows), undone within the same cap as a coded body."""
    step = _Inflate("gzip")

    def pieces() -> Iterator[bytes]:
        yield from step.pieces(data)  # a bounded piece at a time: a bomb stops at the cap
        yield step.end()

    out = bytearray()
    try:
        for piece in pieces():
            out.extend(piece)
            if len(out) > cap:
                raise FetchError(f"body too large after decompression (> {cap:,} bytes; gzip bomb?)", url)
    except zlib.error:
        raise FetchError("corrupt compressed body", url) from None
    return bytes(out)

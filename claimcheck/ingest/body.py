"""A response body read within its limits: decompressed here, never holding more than the cap (a gzip bomb
is refused, not inflated), a compressed stream cut short refused as corrupt."""

from __future__ import annotations

import zlib

import httpx

from claimcheck.errors import FetchError


async def read_capped(r: httpx.Response, encoding: str, cap: int, url: str, *, truncate: bool = False) -> bytes:
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

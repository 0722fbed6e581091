"""The CPU-bound part of ingest, run in worker processes: page -> text and metadata -> claims."""

from __future__ import annotations

import os
import re
import signal
import threading
import time
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime

from claimcheck.claims import extract_claims
from claimcheck.claims.language import decide_language
from claimcheck.ingest.extract import extract_page
from claimcheck.models import Claim, ExtractedPage


def init_worker(parent: int | None = None) -> None:
    """Workers leave Ctrl-C to the parent, which stops the run cleanly and shuts the pool down.

    With ``parent`` (the fetching process's pid), a worker also exits when that process dies without
    shutting the pool down (SIGKILL, OOM killer), instead of waiting for work forever.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if parent:
        threading.Thread(target=_exit_with, args=(parent,), daemon=True, name="claimcheck-watchdog").start()


def _exit_with(parent: int) -> None:
    """Exit once ``parent`` is gone. A killed parent stays a zombie until its own parent reaps it, and a
    zombie's pid still answers ``kill(pid, 0)``: a caller that reads claimcheck's output to its end before
    reaping it (Python's ``subprocess.run(..., capture_output=True)``) waited for ever on the workers, who
    hold that output open and waited for the zombie. So the parent's sentinel is watched too (the pipe the
    worker was started through, whose other end closes when the parent's process ends, zombie or not)."""
    import multiprocessing
    from multiprocessing.connection import wait

    known = multiprocessing.parent_process()
    sentinel = known.sentinel if known is not None and known.pid == parent else None
    while True:
        if sentinel is None:
            time.sleep(0.5)
        else:
            try:
                if wait([sentinel], timeout=0.5):
                    os._exit(0)  # the parent's end of the pipe is closed: it has ended
            except (OSError, ValueError):
                sentinel = None
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(0)
        except PermissionError:
            pass  # alive (the pid belongs to someone we may not signal)


def claims_for(text: str, aliases: Mapping[str, str], language: str | None = None) -> list[Claim]:
    """Claims of one article's text (none when ``language``, or the text's own, is not English)."""
    return extract_claims(text, aliases, language=language)


# A start tag over 64 KB long; its quoted values; the attribute names left (a name after white space).
_LONG_TAG = re.compile(rb"<([A-Za-z][A-Za-z0-9:-]{0,64}+)([^<>]{65536,})>")
_QUOTED = re.compile(rb"\"[^\"]*\"|'[^']*'")
_ATTR_NAME = re.compile(rb"\s[^\s\"'<>/=]+")
MAX_ATTRIBUTES = 5_000


def tame_attribute_bombs(body: bytes) -> bytes:
    """Drop the attributes of any tag with more than ``MAX_ATTRIBUTES`` of them (keeping the tag and what
    it holds). libxml2 checks each attribute against all before it: 100,000 attributes on one tag cost
    minutes of CPU per parse, and trafilatura parses a page more than once. No page needs 5,000."""
    if len(body) < 65536:
        return body

    def tame(m: re.Match[bytes]) -> bytes:
        if len(_ATTR_NAME.findall(_QUOTED.sub(b"", m.group(2)))) <= MAX_ATTRIBUTES:
            return m.group(0)
        return b"<" + m.group(1) + b">"

    return _LONG_TAG.sub(tame, body)


def process_page(
    body: bytes,
    url: str,
    content_type: str | None,
    aliases: Mapping[str, str],
    known_date: datetime | None = None,
) -> tuple[ExtractedPage, list[Claim]]:
    """Extract a page and its claims (``known_date``: the feed's date for the page, see
    :func:`extract_page`). Raises ValueError when the page holds no article text.

    The page's ``language`` becomes the article's: its text's, else the page's declaration
    (claims.language.decide_language); the outlet's configured language comes last, in the fetching
    process, which knows the outlet."""
    page = extract_page(tame_attribute_bombs(body), url, content_type, known_date)
    language = decide_language(page.text, page.language)
    if language != page.language:
        page = replace(page, language=language)
    return page, claims_for(page.text, aliases, language)

"""The CPU-bound part of ingest, run in worker processes: page -> text and metadata -> claims."""

from __future__ import annotations

import signal
from collections.abc import Mapping

from claimcheck.extract import extract_page
from claimcheck.models import Claim, ExtractedPage


def init_worker() -> None:
    """Workers leave Ctrl-C to the parent, which stops the run cleanly and shuts the pool down."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def claims_for(text: str, aliases: Mapping[str, str]) -> list[Claim]:
    """Claims of one article's text; none while the claims stage is not installed."""
    try:
        from claimcheck.claims import extract_claims
    except ImportError:
        return []
    return extract_claims(text, aliases)


def process_page(
    body: bytes, url: str, content_type: str | None, aliases: Mapping[str, str]
) -> tuple[ExtractedPage, list[Claim]]:
    """Extract a page and its claims. Raises ValueError when the page holds no article text."""
    page = extract_page(body, url, content_type)
    return page, claims_for(page.text, aliases)

"""What the fetching process hands to its extraction workers, without importing the extraction stack.

The pool pickles a function by module and name, so the parent must import the function it submits;
these wrappers import :mod:`claimcheck.worker` (trafilatura, lxml, the claim extractors) only when they
first run, inside a worker (the forkserver has it preloaded), never in the fetching process.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimcheck.models import Claim, ExtractedPage


def init_worker(parent: int | None = None) -> None:
    from claimcheck.worker import init_worker as init

    init(parent)


def process_page(
    body: bytes, url: str, content_type: str | None, aliases: Mapping[str, str]
) -> tuple[ExtractedPage, list[Claim]]:
    from claimcheck.worker import process_page as process

    return process(body, url, content_type, aliases)

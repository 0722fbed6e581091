"""claimcheck: which outlets report which facts of a news story.

The library API (the CLI is one user of it)::

    import claimcheck

    sources = claimcheck.load_sources("sources.yaml")
    with claimcheck.open_store("news.db") as store:
        claimcheck.fetch(sources, store)
        result = claimcheck.compare_topic(store, "Belarus prisoners", sources)
    print(claimcheck.render.render(result, "markdown"))

Names are imported on first use (PEP 562), so ``import claimcheck`` loads none of httpx, trafilatura,
rapidfuzz, typer or rich. ARCHITECTURE.md draws the stages behind these names.
"""

from __future__ import annotations

import sys


def _run_as_main_module() -> bool:
    """Whether ``python -m claimcheck`` (also ``-mclaimcheck``, ``-Im claimcheck``) is locating its module:
    while it does, ``sys.argv[0]`` is "-m" and the command line ends with the module's name and then
    ``sys.argv[1:]``."""
    if sys.argv[:1] != ["-m"]:
        return False
    line = sys.orig_argv[: len(sys.orig_argv) - (len(sys.argv) - 1)]
    if line[-2:-1] and line[-2].startswith("-") and line[-2].endswith("m") and line[-1] == "claimcheck":
        return True
    return bool(line) and line[-1].startswith("-") and line[-1].endswith("mclaimcheck")


if _run_as_main_module():
    # Ctrl-C is exit 130 from here on, as with the console script (claimcheck_launch's first lines); the
    # rest of this package loads before __main__ could catch it. Any other import leaves the signals alone.
    import claimcheck_launch  # noqa: F401

from typing import TYPE_CHECKING  # noqa: E402

from claimcheck.lazy import lazy_exports  # noqa: E402

__version__ = "0.1.0"

# name -> the module that defines it (the one place to read it)
_EXPORTS = {
    "open_store": "claimcheck.store",
    "Store": "claimcheck.store",
    "load_sources": "claimcheck.config",
    "fetch": "claimcheck.ingest.pipeline",
    "FetchOptions": "claimcheck.ingest.pipeline",
    "FetchReport": "claimcheck.ingest.pipeline",
    "OutletReport": "claimcheck.ingest.pipeline",
    "compare_topic": "claimcheck.compare",
    "CompareOptions": "claimcheck.compare",
    "Article": "claimcheck.models",
    "Citation": "claimcheck.models",
    "Claim": "claimcheck.models",
    "CompareResult": "claimcheck.models",
    "Conflict": "claimcheck.models",
    "Defaults": "claimcheck.models",
    "Fact": "claimcheck.models",
    "Interval": "claimcheck.models",
    "Link": "claimcheck.models",
    "Mention": "claimcheck.models",
    "Outlet": "claimcheck.models",
    "OutletCount": "claimcheck.models",
    "Sources": "claimcheck.models",
    "ClaimcheckError": "claimcheck.errors",
    "ConfigError": "claimcheck.errors",
    "FetchError": "claimcheck.errors",
    "StoreError": "claimcheck.errors",
    "UsageError": "claimcheck.errors",
}
_SUBMODULES = ("render",)  # claimcheck.render: render(result, fmt) and one function per format

__all__ = [
    "__version__",
    "Article",
    "Citation",
    "Claim",
    "ClaimcheckError",
    "compare_topic",
    "CompareOptions",
    "CompareResult",
    "ConfigError",
    "Conflict",
    "Defaults",
    "Fact",
    "fetch",
    "FetchError",
    "FetchOptions",
    "FetchReport",
    "Interval",
    "Link",
    "load_sources",
    "Mention",
    "open_store",
    "Outlet",
    "OutletCount",
    "OutletReport",
    "render",
    "Sources",
    "Store",
    "StoreError",
    "UsageError",
]

if TYPE_CHECKING:
    from claimcheck import render
    from claimcheck.compare import CompareOptions, compare_topic
    from claimcheck.config import load_sources
    from claimcheck.errors import ClaimcheckError, ConfigError, FetchError, StoreError, UsageError
    from claimcheck.ingest.pipeline import FetchOptions, FetchReport, OutletReport, fetch
    from claimcheck.models import (
        Article,
        Citation,
        Claim,
        CompareResult,
        Conflict,
        Defaults,
        Fact,
        Interval,
        Link,
        Mention,
        Outlet,
        OutletCount,
        Sources,
    )
    from claimcheck.store import Store, open_store


__getattr__ = lazy_exports(__name__, {**_EXPORTS, **{m: f"claimcheck.{m}" for m in _SUBMODULES}})


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})

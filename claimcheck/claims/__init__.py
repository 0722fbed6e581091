"""Claim extraction: numbers as intervals, quotes with speakers, citations, checkable statements.

Pure functions over text; ``extract_claims`` (claims/extract.py) is the one entry point other stages use.
It is imported on first use (PEP 562): a stage that needs only a lexicon of this package, as matching
needs ``measures.MEASURE_WORDS``, does not load every extractor (~0.06 s of CPU at compare's start, #14).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck.lazy import lazy_exports

__all__ = ["extract_claims", "split_sentences"]

if TYPE_CHECKING:
    from claimcheck.claims.extract import extract_claims
    from claimcheck.claims.sentences import split_sentences

__getattr__ = lazy_exports(
    __name__, {"extract_claims": "claimcheck.claims.extract", "split_sentences": "claimcheck.claims.sentences"}
)

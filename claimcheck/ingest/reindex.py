"""Re-extract the claims of every stored article (after the claim extractor changed), and store its
wire-copy shingles anew (articles stored before schema 3 had none)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from claimcheck.claims import extract_claims
from claimcheck.claims.language import decide_language
from claimcheck.models import Sources
from claimcheck.shingles import shingle_blob
from claimcheck.store import Store


@dataclass
class ReindexReport:
    articles: int = 0  # articles re-extracted
    of: int = 0  # articles stored
    claims: int = 0  # claims stored at the end
    interrupted: bool = False


def reindex(
    store: Store, sources: Sources, *, progress: Callable[[int, int], None] | None = None
) -> ReindexReport:
    """Replace every stored article's claims with the extractor's current ones, one article per write,
    so a stop (Ctrl-C) keeps each article done. ``progress(done, total)`` is called after each one.
    The article's language is decided again: its text's, else the one stored (the page's declaration or
    the outlet's setting when it was fetched), else the outlet's configured one.

    The outlets are those of ``sources`` and, for any it does not name, the store's record of them (their
    names, aliases and language as the fetch that stored them knew them): re-extracted without the
    sources file that fetch used, citations of those outlets kept their outlet."""
    configured = {o.id for o in sources.outlets}
    sources = replace(
        sources, outlets=(*sources.outlets, *(o for o in store.stored_outlets() if o.id not in configured))
    )
    aliases = sources.alias_map()
    report = ReindexReport()
    try:
        report.of = store.stats().articles
        for article in store.iter_articles():
            if report.articles >= report.of:
                # Stored since it began (a fetch running meanwhile): already extracted by this extractor;
                # going on would report "31 of 30" and run the progress bar past its end.
                break
            outlet = sources.outlet(article.outlet)
            language = decide_language(article.text, article.language, outlet.language if outlet else None)
            claims = extract_claims(article.text, aliases, language=language)
            store.replace_claims(article.id or 0, claims, language)
            store.replace_shingles(article.id or 0, shingle_blob(article.text))
            report.articles += 1
            if progress is not None:
                progress(report.articles, report.of)
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        report.claims = store.stats().claims
    return report

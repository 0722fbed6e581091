"""Domain errors. The core raises these; the CLI turns each into one line and an exit code."""

from __future__ import annotations


class ClaimcheckError(Exception):
    """Base of every error claimcheck reports to the user. ``exit_code`` is the process's exit status."""

    exit_code = 2


class ConfigError(ClaimcheckError):
    """sources.yaml is missing, unreadable or invalid."""


class StoreError(ClaimcheckError):
    """The database cannot be opened, is corrupt, newer than this claimcheck, or cannot be written."""


class StoreUnavailable(StoreError):
    """The database server went away during a run (restarted, network cut): the run failed, but the
    input was fine and what was committed is kept (exit 1, as for a fetch that ran but failed)."""

    exit_code = 1


class FetchError(ClaimcheckError):
    """One request failed for good (after retries). Carries a short reason for the summary, and whether
    the failure is ``permanent`` (HTTP 404/410, no article text, a refused or bad address, robots.txt):
    a permanent failure is remembered with the feed entry, so the page is not asked for again. ``runs``:
    how many runs must meet a permanent failure before it is remembered (no article text: a later run may
    find the text); the page is asked for again until then."""

    exit_code = 1

    def __init__(
        self,
        reason: str,
        url: str | None = None,
        status: int | None = None,
        *,
        permanent: bool = False,
        runs: int = 1,
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.url = url
        self.status = status
        self.permanent = permanent
        self.runs = runs


class UsageError(ClaimcheckError):
    """Bad command-line input that the argument parser cannot catch (a bad --since, an unknown outlet)."""


class FeedParseError(ValueError):
    """The body is not a feed we can read; the message is short, for the fetch summary. (Here rather than
    in ingest/feeds.py, so that the fetching process can catch it without importing feedparser.)"""


class NoArticleText(ValueError):
    """A page holds no article text (raised by extraction, in a worker process; the fetch pipeline turns
    it into a permanent :class:`FetchError`, remembered after three runs). A ValueError, so that it crosses the process pool whole."""

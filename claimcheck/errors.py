"""Domain errors. The core raises these; the CLI turns each into one line and an exit code."""

from __future__ import annotations


class ClaimcheckError(Exception):
    """Base of every error claimcheck reports to the user. ``exit_code`` follows DESIGN.md."""

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
    """One request failed for good (after retries). Carries a short reason for the summary."""

    exit_code = 1

    def __init__(self, reason: str, url: str | None = None, status: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.url = url
        self.status = status


class UsageError(ClaimcheckError):
    """Bad command-line input that the argument parser cannot catch (a bad --since, an unknown outlet)."""

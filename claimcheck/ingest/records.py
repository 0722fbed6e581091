"""What a fetch run is asked (:class:`FetchOptions`) and what it reports (:class:`FetchReport`, one
:class:`OutletReport` per outlet: counts and the short reason of every failure), and the progress it tells."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, Protocol

from claimcheck.ingest.settings import FetchSettings

# --shard auto: a fetcher killed without a word frees its hosts after this many seconds without a
# heartbeat (it beats every quarter of it); long enough for a loaded machine, short for a rerun.
LEASE = 60.0

# A page downloaded whole that holds no article text may hold it on a later run: a script-only shell the
# site serves while its renderer is down, a maintenance or consent page, an error page sent as a 200. The page
# is asked for again on the next runs, and remembered failed (never asked for again) after NO_TEXT_RUNS runs
# found no text in it: an image or a page that is a script for good costs three downloads, not one per run.
NO_TEXT_RUNS = 3


@dataclass
class FetchOptions:
    outlets: Sequence[str] = ()  # only these outlet ids (--source); empty: every enabled outlet
    limit: int | None = None  # entries per feed, newest first
    since: datetime | None = None  # skip entries published before this
    settings: FetchSettings = field(default_factory=FetchSettings)
    workers: int | None = None  # extraction processes; None: default_workers(); 0: threads in this process
    # (K, N): only the outlets of shard K of N (--shard K/N), K from 1; "auto": hosts taken one at a time
    # from the queue shared through the store with the other fetchers of the round (--shard auto)
    shard: tuple[int, int] | Literal["auto"] | None = None
    lease: float = LEASE  # --shard auto: seconds a host stays taken by a fetcher that stopped beating
    allow_private: bool = False  # --allow-private: every outlet as if it had `allow_private: true`
    extract_timeout: float | None = None  # seconds per page's extraction; None: sources.yaml defaults


@dataclass
class OutletReport:
    outlet: str
    name: str
    feeds_ok: int = 0
    feeds_unchanged: int = 0
    feeds_failed: int = 0
    entries: int = 0
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    claims: int = 0
    skipped: int = 0  # feed entries without a link (nothing to fetch): said, not a failure
    empty_feeds: int = 0  # feeds read that list no entry (valid, empty): said, not a failure
    capped: int = 0  # entries past the entries a feed is read for (feeds.MAX_FEED_ENTRIES): said, not a failure
    reasons: Counter[str] = field(default_factory=Counter)

    @property
    def ok(self) -> bool:
        return self.feeds_failed == 0 and self.failed == 0

    def fail(self, reason: str, *, feed: bool = False) -> None:
        if feed:
            self.feeds_failed += 1
        else:
            self.failed += 1
        self.reasons[reason] += 1

    def to_json(self) -> dict[str, object]:
        return {
            "outlet": self.outlet,
            "name": self.name,
            "ok": self.ok,
            "feeds": {"ok": self.feeds_ok, "unchanged": self.feeds_unchanged, "failed": self.feeds_failed},
            "entries": self.entries,
            "new": self.new,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "claims": self.claims,
            "skipped": self.skipped,
            "empty_feeds": self.empty_feeds,
            "capped": self.capped,
            "reasons": dict(self.reasons),
        }


@dataclass
class FetchReport:
    outlets: list[OutletReport]
    started: datetime
    finished: datetime | None = None
    interrupted: bool = False

    @property
    def ok(self) -> bool:
        return all(o.ok for o in self.outlets) and not self.interrupted

    def totals(self) -> dict[str, int]:
        keys = ("entries", "new", "unchanged", "failed", "claims")
        return {k: sum(getattr(o, k) for o in self.outlets) for k in keys}


class Progress(Protocol):
    """What the CLI's progress bar is told (the core never imports rich)."""

    def add(self, outlet: str, n: int) -> None: ...  # n more pages to download for this outlet

    def advance(self, outlet: str) -> None: ...  # one page done (stored, skipped or failed)


class NoProgress:
    """The progress of a run nobody watches."""

    def add(self, outlet: str, n: int) -> None:
        pass

    def advance(self, outlet: str) -> None:
        pass

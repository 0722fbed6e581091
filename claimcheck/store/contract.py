"""The store's contract: :class:`Store` (what every backend keeps) and :class:`HostQueue` (the shared queue of
``fetch --shard auto``); the records they return are in :mod:`claimcheck.store.records`. :meth:`Store.open` picks the backend
from the target: a path is SQLite (:mod:`claimcheck.store.sqlite`), a ``postgresql://`` URL is PostgreSQL
(:mod:`claimcheck.store.pg`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Protocol

from claimcheck.errors import StoreError, UsageError
from claimcheck.models import Article, Claim, Outlet, WindowRows
from claimcheck.paths import db_target, default_db_path, is_db_url
from claimcheck.store.query import WORD, suggest_terms
from claimcheck.store.records import KEEP, ArticleRow, OutletStats, StoreStats


def no_shared_queue(where: object, backend: str) -> UsageError:
    """The error for ``--shard auto`` on a backend without a shared queue (SQLite), said the same by the CLI
    (before it opens the file) and by :meth:`Store.host_queue`."""
    return UsageError(
        f"--shard auto shares the outlets through a PostgreSQL database (--db postgresql://...); "
        f"{where} is {backend}: use --shard K/N"
    )


class HostQueue(Protocol):
    """A fetcher's place in a round of ``fetch --shard auto`` (:meth:`Store.host_queue`): it takes hosts
    one at a time; a host taken is leased to it (kept alive by a heartbeat) until it is done or given back."""

    round: int
    lost: set[
        str
    ]  # hosts taken, then taken by another fetcher (this one's lease ran out): fetch no more of them

    def claim(self) -> tuple[str | None, float | None]:
        """The next host of this round nobody has taken (or whose holder's lease ran out), now leased to
        this fetcher; else (None, seconds until the first lease held by another fetcher runs out, or None
        when no other fetcher holds one: the round has nothing left for this fetcher)."""
        ...

    def done(self, host: str) -> None:
        """``host`` is done in this round (nobody takes it again in it)."""
        ...

    def wait(self, seconds: float) -> None:
        """Block until another fetcher releases a host, or ``seconds`` pass."""
        ...

    def out_of_work(self) -> int:
        """How many other fetchers of the round have nothing left to take while others hold hosts."""
        ...

    def give_back(self, host: str) -> None:
        """``host`` goes back to the round undone, for a fetcher out of work to take (not this one)."""
        ...

    def close(self) -> None:
        """Leave the round: hosts still held are given back (another fetcher of the round may take them)."""
        ...

    def interrupt(self) -> None:
        """From another thread: make a call still waiting on a database server that stopped answering fail."""
        ...


class Store:
    """The contract of one open claimcheck database, whatever the backend.

    Every write is one transaction; :meth:`add_articles` stores a batch in one transaction with each
    article all or nothing (a savepoint each). Backend errors surface as :class:`StoreError`.
    """

    backend = ""  # "sqlite" or "postgresql"
    path: Path | None = None  # the database file, when there is one (outputs must never overwrite it)
    location = ""  # what messages name: the file, or the URL without its password
    read_only = False
    upgraded_from: int | None = None  # a reader of an older schema reads an upgraded copy: the file's schema

    @classmethod
    def open(
        cls,
        target: str | os.PathLike[str],
        *,
        create: bool = True,
        verify: bool = True,
        read_only: bool = False,
    ) -> Store:
        """Open (and create or migrate) the database ``target``: a path (SQLite) or a
        ``postgresql://`` URL. Raises :class:`StoreError`."""
        if re.match(r"^[a-z][a-z0-9+.-]*://", str(target), re.I) and not is_db_url(target):
            raise StoreError(
                f"{str(target).split('://')[0]}://: not a database claimcheck knows; use a file path "
                "(SQLite) or postgresql://user@host:port/dbname"
            )
        if is_db_url(target):
            from claimcheck.store.pg import PgStore

            return PgStore.open(str(target), create=create, verify=verify, read_only=read_only)
        from claimcheck.store.sqlite import SqliteStore

        return SqliteStore.open(target, create=create, verify=verify, read_only=read_only)

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def check_same_file(self) -> None:
        """Raise :class:`StoreError` when the database was swapped under the run (files only)."""

    def interrupt(self) -> None:
        """From another thread: make a call of this store that is still waiting (on a database server that
        stopped answering, on a lock) fail at once, so a stopped run can end. Nothing by default."""

    def store_error(self, e: BaseException) -> StoreError | None:
        """``e`` as a :class:`StoreError` when it is an error of this backend's driver, else None."""
        return None

    def host_slot(self, host: str, delay: float) -> float | None:
        """Reserve the next request start on ``host``, ``delay`` seconds after the previous one of every
        fetcher sharing this store; returns the seconds to wait. None: the store does not share pacing
        (each fetch paces itself)."""
        return None

    def host_queue(self, hosts: Sequence[str], lease: float) -> HostQueue:
        """Join the open fetch round of this database (or start one) as a fetcher that takes ``hosts``
        one at a time from a queue shared with every other fetcher of the round (``fetch --shard auto``).
        Raises :class:`UsageError` when the backend has no shared queue (SQLite)."""
        raise no_shared_queue(self.location or "this database", self.backend or "not one")

    # The rest of the contract (each backend implements every one):
    def sync_outlets(self, outlets: Iterable[Outlet]) -> None:
        raise NotImplementedError

    def outlet_names(self) -> dict[str, str]:
        raise NotImplementedError

    def stored_outlets(self) -> list[Outlet]:
        """The outlets as the store recorded them when they were fetched (no feeds), in id order."""
        raise NotImplementedError

    def feed_state(self, outlet: str, url: str) -> tuple[str | None, str | None]:
        raise NotImplementedError

    def save_feed_state(
        self,
        outlet: str,
        url: str,
        *,
        status: int | None,
        error: str | None,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> None:
        raise NotImplementedError

    def seen_entries(self, outlet: str, keys: Sequence[str]) -> set[str]:
        raise NotImplementedError

    def entry_tries(self, outlet: str, keys: Sequence[str]) -> int:
        raise NotImplementedError

    def mark_entries(self, outlet: str, keys: Iterable[str], url: str, status: str) -> None:
        raise NotImplementedError

    def add_article(self, article: Article, entry_keys: Iterable[str] = ()) -> tuple[int, bool]:
        raise NotImplementedError

    def add_articles(
        self, items: Sequence[tuple[Article, Iterable[str]]]
    ) -> list[tuple[int, bool] | Exception]:
        raise NotImplementedError

    def replace_claims(self, article_id: int, claims: Sequence[Claim], language: str | None = KEEP) -> None:
        raise NotImplementedError

    def iter_articles(self, batch: int = 200) -> Iterator[Article]:
        raise NotImplementedError

    def get_article(self, article_id: int) -> Article | None:
        raise NotImplementedError

    def stats(self) -> StoreStats:
        raise NotImplementedError

    def search(
        self,
        query: str,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        outlets: Sequence[str] | None = None,
        limit: int | None = None,
    ) -> list[Article]:
        raise NotImplementedError

    def suggest(self, query: str, n: int = 5) -> list[str]:
        """Words of stored titles close to the query's words, for a "did you mean" when nothing matched.

        Titles, not the full-text index: its terms are stems ("belaru"), which are no help to a reader.
        """
        words = [w for w in WORD.findall(query.lower()) if len(w) > 2]
        if not words:
            return []
        return suggest_terms(words, self.recent_titles(20000), n)

    def recent_titles(self, n: int) -> list[str]:
        raise NotImplementedError

    def list_articles(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        outlets: Sequence[str] | None = None,
        limit: int | None = None,
    ) -> list[ArticleRow]:
        raise NotImplementedError

    def outlet_stats(self) -> list[OutletStats]:
        raise NotImplementedError

    def language_counts(self, *, outlets: Sequence[str] | None = None) -> dict[str | None, int]:
        """Stored articles (of ``outlets`` only, when given) per language (None: not decided, read as
        English), most first."""
        raise NotImplementedError

    def outlet_ids(self) -> set[str]:
        raise NotImplementedError

    def size_bytes(self) -> int:
        raise NotImplementedError

    # -- stories -----------------------------------------------------------------------------------
    def newest_time(
        self, *, outlets: Sequence[str] | None = None, before: datetime | None = None
    ) -> datetime | None:
        """The latest publication (else fetch) time of the stored articles, ignoring times after ``before``
        (a page that claims to be from 2099 does not move the default window)."""
        raise NotImplementedError

    def window_articles(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        outlets: Sequence[str] | None = None,
        head: int = 1000,
        tail: int = 600,
    ) -> list[Article]:
        """Articles published (else fetched) in the window, without claims, in id order, each text cut to its
        first ``head`` and last ``tail`` characters (joined by a blank line); shorter texts come whole."""
        raise NotImplementedError

    def window_rows(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        outlets: Sequence[str] | None = None,
    ) -> WindowRows:
        """The articles of the window as :meth:`window_articles` selects them (same order), as columns
        without their texts: what ``stories`` reads for 50,000 articles in tens of MB, not hundreds."""
        raise NotImplementedError

    def cut_texts(self, ids: Sequence[int], *, head: int, tail: int = 0) -> list[str]:
        """These articles' texts in the order given, cut as :meth:`window_articles` cuts them (the first
        ``head`` and last ``tail`` characters joined by a blank line, shorter texts whole); ``tail=0``: the
        first ``head`` characters. An unknown id gives an empty text."""
        raise NotImplementedError

    def stored_shingles(self, ids: Sequence[int]) -> list[bytes | None]:
        """These articles' wire-copy shingles as stored with them (claimcheck.shingles.shingle_blob), in the
        order given; None for an article stored without them (before schema 3; `claimcheck reindex` adds
        them) or an unknown id."""
        raise NotImplementedError

    def replace_shingles(self, article_id: int, shingles: bytes) -> None:
        """Store an article's shingles anew (reindex), in one transaction."""
        raise NotImplementedError

    def articles_by_id(self, ids: Sequence[int]) -> list[Article]:
        """These articles, whole and with their claims, in the order given (unknown ids left out)."""
        raise NotImplementedError

    def also_listed(self, ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
        """Article id -> the other outlets whose feeds list that same page (stored once, under its owner:
        :mod:`claimcheck.store.owner`), sorted; ids that no other outlet lists are left out."""
        raise NotImplementedError

    # -- moving a store (claimcheck migrate-store) ---------------------------------------------------
    def export_rows(self, table: str, batch: int = 1000) -> Iterator[list[tuple[object, ...]]]:
        """Every row of ``table`` (one of :data:`TABLES`, columns as :data:`COLUMNS` lists them), in
        batches, in primary-key order."""
        raise NotImplementedError

    def import_rows(self, table: str, rows: Sequence[tuple[object, ...]]) -> None:
        """Insert exported rows as they are (ids kept), in one transaction."""
        raise NotImplementedError

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Inside it, every read sees the store as it was when the first one ran: migrate-store copies
        each table in turn, and a fetch committing meanwhile must not leave claims naming an article that
        was read before it existed."""
        yield

    def finish_import(self) -> None:
        """After :meth:`import_rows`: let new ids follow the imported ones."""

    def discard_import(self) -> None:
        """Empty every table a copy fills (:data:`TABLES`), in one transaction: a copy that failed or was
        stopped half-way leaves an empty store, not a partial one that looks whole."""
        raise NotImplementedError

    def is_empty(self) -> bool:
        return self.stats().articles == 0 and not self.outlet_ids() and not self.count_rows("entries")

    def count_rows(self, table: str) -> int:
        raise NotImplementedError


# Columns of each table as export_rows and import_rows carry them.


def open_store(path: str | os.PathLike[str] | None = None, *, create: bool = True) -> Store:
    """The store at ``path`` (a file, or a ``postgresql://`` URL), else at the default place
    ($CLAIMCHECK_DB, else the user data dir): ``claimcheck.open_store``. Raises :class:`StoreError`."""
    return Store.open(db_target(path, "path") if path else default_db_path(), create=create)

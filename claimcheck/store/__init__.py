"""The store: outlets, feed state, articles (full-text indexed over title and text) and their claims.

:class:`Store` is the contract every backend keeps, and callers (fetch, compare, articles, stats, reindex,
demo) see nothing else; :meth:`Store.open` picks the backend from the target: a path is SQLite
(:class:`SqliteStore`), a ``postgresql://`` URL is PostgreSQL (:mod:`claimcheck.store.pg`, imported only then).

The modules, by responsibility: ``contract`` (the :class:`Store` contract, :class:`HostQueue`, ``open_store``),
``records`` (the records a store returns, its tables, how values are stored), ``sql`` and ``sql_store`` (the
statements both backends run, written once with the dialect as data, and the part of the contract they
implement), ``rows`` (rows -> records), ``query`` (search text -> FTS5 / tsquery, "did you mean"),
``transfer`` (migrate-store's copy), ``sqlite`` and ``sqlite_file`` (SQLite: the store, the file before it is
opened), ``pg``, ``pg_writes``, ``pg_queue`` and ``pg_conn`` (PostgreSQL: the store, its writes, the shared
host queue of ``fetch --shard auto``, the driver and URLs without their password).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck.lazy import lazy_exports
from claimcheck.store.contract import HostQueue, Store, no_shared_queue, open_store
from claimcheck.store.records import (
    COLUMNS,
    KEEP,
    ORDER_BY,
    RETRY,
    TABLES,
    ArticleRow,
    OutletStats,
    StoreStats,
    content_hash,
    iso,
    parse_iso,
    retry_status,
)

if TYPE_CHECKING:
    from claimcheck.migrations import SCHEMA_VERSION
    from claimcheck.store.query import fts_query, suggest_terms
    from claimcheck.store.rows import window_columns
    from claimcheck.store.sqlite import SqliteStore
    from claimcheck.store.transfer import copy_store

# Imported on first use: a command that opens no store (``claimcheck --help``) loads only the contract.
_LAZY = {
    "SCHEMA_VERSION": "claimcheck.migrations",
    "fts_query": "claimcheck.store.query",
    "suggest_terms": "claimcheck.store.query",
    "window_columns": "claimcheck.store.rows",
    "SqliteStore": "claimcheck.store.sqlite",
    "copy_store": "claimcheck.store.transfer",
}

__all__ = [
    "COLUMNS",
    "KEEP",
    "ORDER_BY",
    "RETRY",
    "SCHEMA_VERSION",
    "TABLES",
    "ArticleRow",
    "HostQueue",
    "OutletStats",
    "SqliteStore",
    "Store",
    "StoreStats",
    "content_hash",
    "copy_store",
    "fts_query",
    "iso",
    "no_shared_queue",
    "open_store",
    "parse_iso",
    "retry_status",
    "suggest_terms",
    "window_columns",
]


__getattr__ = lazy_exports(__name__, _LAZY)

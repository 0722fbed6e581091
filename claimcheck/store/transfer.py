"""Moving a store from one database to another (``claimcheck migrate-store``): every table, ids kept."""

from __future__ import annotations

from collections.abc import Callable

from claimcheck.errors import StoreError
from claimcheck.store.contract import Store
from claimcheck.store.records import TABLES


def copy_store(source: Store, dest: Store, progress: Callable[[int], None] | None = None) -> dict[str, int]:
    """Copy every table of ``source`` into the empty ``dest``, ids kept, in batches of one transaction
    each; then check that ``dest`` holds exactly as many rows of each table. Returns the counts."""
    counts: dict[str, int] = {}
    for table in TABLES:
        n = 0
        for rows in source.export_rows(table):
            dest.import_rows(table, rows)
            n += len(rows)
            if progress:
                progress(len(rows))
        counts[table] = n
    dest.finish_import()
    for table, n in counts.items():
        if dest.count_rows(table) != n:
            raise StoreError(
                f"{dest.location}: holds {dest.count_rows(table):,} {table} after the copy, not {n:,}; "
                "something else wrote to it meanwhile"
            )
    return counts

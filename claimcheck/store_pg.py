"""PostgreSQL storage, under the name it always had: the code is in :mod:`claimcheck.store.pg` (the store),
:mod:`claimcheck.store.pg_queue` (the host queue of ``fetch --shard auto``) and :mod:`claimcheck.store.pg_conn`
(the driver, URLs without their password). Importing this imports them (not psycopg: that waits for a
connection)."""

from __future__ import annotations

from claimcheck.store.pg import PgStore
from claimcheck.store.pg_conn import redact
from claimcheck.store.pg_queue import PgHostQueue
from claimcheck.store.query import ts_parts

__all__ = ["PgHostQueue", "PgStore", "redact", "ts_parts"]

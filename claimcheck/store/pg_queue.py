"""The shared queue of hosts behind ``fetch --shard auto`` on PostgreSQL (:class:`PgHostQueue`, the
:class:`claimcheck.store.HostQueue` contract): rounds, leases and their heartbeat, hosts given to a fetcher
out of work."""

from __future__ import annotations

import threading
from contextlib import suppress
from typing import TYPE_CHECKING, Any

from claimcheck.store.pg_conn import connect, shut_socket

ROUND_LOCK = 0x636C7264  # pg_advisory_xact_lock key while a fetcher joins or starts a round ("clrd")
# A fetcher of round R out of work while others hold hosts holds the shared advisory lock (OUT_OF_WORK, R)
# on its queue connection (gone with the connection if it dies): the holders see it in pg_locks.
OUT_OF_WORK = 0x636C6F77  # "clow"

if TYPE_CHECKING:
    from claimcheck.store.pg import PgStore


class PgHostQueue:
    """One fetcher's place in a fetch round (``fetch --shard auto``): hosts are taken one at a time with
    ``FOR UPDATE SKIP LOCKED``, each leased to this fetcher until it is done.

    A round is the set of fetchers alive at once: a fetcher joins the round of any fetcher still alive
    (its ``alive_until`` ahead of the server's clock), else starts the next one. In a round every host is
    taken once: a host whose ``round`` is older than this one is free; one of this round with a holder is
    taken (until its lease runs out: a holder killed with SIGKILL stops its heartbeat, and its hosts are
    free again after ``lease`` seconds); one of this round without a holder is done. A heartbeat thread,
    on the queue's connection (taking turns with the claims under one lock), moves this fetcher's
    ``alive_until`` and its leases ``lease`` seconds on, every ``lease / 4`` seconds, and checks that it
    still holds every host it took: one that another fetcher has taken meanwhile (this one was cut off
    from the server longer than its lease) goes to ``lost``, and the fetcher starts no more of its pages.
    A host released wakes the fetchers waiting for one (``NOTIFY``)."""

    CHANNEL = "claimcheck_hosts"

    def __init__(self, store: PgStore, hosts: list[str], lease: float) -> None:
        import os
        import socket
        import uuid

        self.store = store
        self.hosts = hosts
        self.lease = float(lease)
        self.me = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._closing = (
            False  # set by close(): a claim that runs after it (a thread it did not wait for) takes nothing
        )
        self.held: set[str] = set()  # the hosts this fetcher took and has not yet marked done
        self.lost: set[str] = set()  # hosts it took that another fetcher has taken since
        self.given: set[str] = (
            set()
        )  # hosts it gave to a fetcher out of work (taken again only when out of work)
        self._out_of_work = False  # holds the (OUT_OF_WORK, round) lock
        self.conn = self._connect("claimcheck-queue")
        self.listen: Any = None
        try:
            with self.conn.transaction():
                # One joiner at a time, so that fetchers started together agree on one round.
                self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (ROUND_LOCK,))
                self.conn.execute("DELETE FROM fetchers WHERE alive_until < clock_timestamp()")
                row = self.conn.execute("SELECT max(round) FROM fetchers").fetchone()
                if row[0] is None:
                    row = self.conn.execute("SELECT nextval('fetch_rounds')").fetchone()
                self.round = int(row[0])
                self.conn.execute(
                    "INSERT INTO fetchers (id, round, started, alive_until) VALUES "
                    "(%s, %s, clock_timestamp(), clock_timestamp() + make_interval(secs => %s))",
                    (self.me, self.round, self.lease),
                )
                self.conn.execute(
                    "INSERT INTO host_leases (host) SELECT unnest(%s::text[]) ON CONFLICT DO NOTHING",
                    (hosts,),
                )
        except BaseException:
            self.conn.close()
            raise
        self._beat = threading.Thread(target=self._heartbeat, name="claimcheck-heartbeat", daemon=True)
        self._beat.start()

    def _connect(self, name: str) -> Any:
        return connect(self.store._psycopg, self.store.url, name)

    def _run(self, sql: str, args: dict[str, object], *, take: bool = False) -> list[tuple[Any, ...]]:
        """One statement under the connection's lock. ``take``: it takes hosts (the first column of its
        rows), which this fetcher then holds; not once the queue is closing (nothing would give them back)."""
        try:
            with self._lock:
                if take and self._closing:
                    return []
                cur = self.conn.execute(sql, args)
                rows = cur.fetchall() if cur.description else []
                if take:
                    taken = {str(r[0]) for r in rows}
                    self.held |= taken
                    self.lost -= taken  # taken again (its new holder let its lease run out)
                return rows
        except self.store._psycopg.Error as e:
            raise self.store.store_error(e) from None  # type: ignore[misc]

    def _args(self, **more: object) -> dict[str, object]:
        return {"r": self.round, "me": self.me, "lease": self.lease, "mine": self.hosts, **more}

    def _heartbeat(self) -> None:
        while not self._stop.wait(self.lease / 4):
            with suppress(Exception):  # a lost server: the fetch itself says so
                self.beat()

    def beat(self) -> None:
        """Keep this fetcher and its hosts alive for ``lease`` seconds more. The leases are moved on only
        where this fetcher is still the holder; a host it took and no longer holds (its lease ran out
        while it was cut off, and another fetcher took it) goes to :attr:`lost`."""
        with self._lock:  # a claim and a beat never use the connection at once
            if self._closing:
                return
            self.conn.execute(
                "UPDATE fetchers SET alive_until = clock_timestamp() + make_interval(secs => %(lease)s) "
                "WHERE id = %(me)s",
                self._args(),
            )
            kept = self.conn.execute(
                "UPDATE host_leases SET lease_until = clock_timestamp() + make_interval(secs => %(lease)s) "
                "WHERE holder = %(me)s AND round = %(r)s RETURNING host",
                self._args(),
            ).fetchall()
            gone = self.held - {str(r[0]) for r in kept}
            if gone:
                self.held -= gone
                self.lost |= gone

    def claim(self) -> tuple[str | None, float | None]:
        rows = self._run(
            "UPDATE host_leases SET round = %(r)s, holder = %(me)s, "
            "lease_until = clock_timestamp() + make_interval(secs => %(lease)s) "
            "WHERE host = (SELECT host FROM host_leases WHERE host = ANY(%(mine)s) AND (round < %(r)s OR "
            "(round = %(r)s AND holder IS NOT NULL AND lease_until < clock_timestamp())) "
            "AND NOT host = ANY(%(given)s::text[]) "
            "ORDER BY array_position(%(mine)s, host) LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING host",
            # the hosts it gave away, not while it holds others: one out of work takes any (one given to it,
            # then given back, would be left undone otherwise)
            self._args(given=list(self.given) if self.held else []),
            take=True,
        )
        if rows:
            if self._out_of_work:
                self._run(
                    "SELECT pg_advisory_unlock_shared(%(k)s::int4, %(r)s::int4)", self._args(k=OUT_OF_WORK)
                )
                self._out_of_work = False
            return str(rows[0][0]), None
        if self._closing:
            return None, None
        rows = self._run(
            "SELECT extract(epoch FROM min(lease_until) - clock_timestamp())::float8 FROM host_leases "
            "WHERE host = ANY(%(mine)s) AND round = %(r)s AND holder IS NOT NULL AND holder <> %(me)s",
            self._args(),
        )
        left = rows[0][0] if rows else None
        if left is not None and not self._out_of_work and not self.held:  # out of work: the holders may give
            self._run("SELECT pg_advisory_lock_shared(%(k)s::int4, %(r)s::int4)", self._args(k=OUT_OF_WORK))
            self._out_of_work = True
        return None, (None if left is None else max(0.0, float(left)))

    def out_of_work(self) -> int:
        """How many other fetchers of this round are out of work, waiting for the hosts others hold."""
        rows = self._run(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = %(k)s::int4::oid "
            "AND objid = %(r)s::int4::oid "
            "AND objsubid = 2 AND granted AND pid <> pg_backend_pid() "
            "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            self._args(k=OUT_OF_WORK),
        )
        return int(rows[0][0])

    def give_back(self, host: str) -> None:
        """``host`` goes back to the round undone (its pages under way are finished), for a fetcher out of
        work to take; this one takes it again only once it is out of work itself."""
        self._run(
            "WITH d AS (UPDATE host_leases SET round = round - 1, holder = NULL, lease_until = NULL "
            "WHERE host = %(h)s AND holder = %(me)s AND round = %(r)s RETURNING host) "
            f"SELECT pg_notify('{self.CHANNEL}', host) FROM d",
            self._args(h=host),
        )
        with self._lock:
            self.held.discard(host)
            self.given.add(host)

    def done(self, host: str) -> None:
        self._run(  # one round trip; the fetchers waiting for a host hear of it at the commit
            "WITH d AS (UPDATE host_leases SET holder = NULL, lease_until = NULL "
            "WHERE host = %(h)s AND holder = %(me)s RETURNING host) "
            f"SELECT pg_notify('{self.CHANNEL}', host) FROM d",
            self._args(h=host),
        )
        with self._lock:
            self.held.discard(host)

    def wait(self, seconds: float) -> None:
        try:
            if self.listen is None:
                self.listen = self._connect("claimcheck-listen")
                self.listen.execute(f"LISTEN {self.CHANNEL}")
                return  # a release between the claim and the LISTEN would be missed: look again first
            for _ in self.listen.notifies(timeout=max(0.0, seconds), stop_after=1):
                pass
        except self.store._psycopg.Error as e:
            raise self.store.store_error(e) from None  # type: ignore[misc]

    def interrupt(self) -> None:
        """Shut the queue's connections' sockets down (see PgStore.interrupt): a claim, a heartbeat or the
        giving back stuck on a server that stopped answering fails at once; the leases run out on their own."""
        for conn in (self.conn, self.listen):
            if conn is not None:
                shut_socket(conn)

    def close(self) -> None:
        """Leave the round; hosts held and not done go back to it (``round - 1``: free for its fetchers).
        Safe against a claim still running in another thread (a stop that did not wait for it): once
        closing, a claim takes nothing, and one that got in first is given back here. The giving back
        runs in a thread of its own that the interpreter waits for at exit, so a second Ctrl-C while it
        runs does not leave a host held until its lease runs out."""
        self._stop.set()
        leave = threading.Thread(target=self._leave, name="claimcheck-leave")
        leave.start()
        leave.join()

    def _leave(self) -> None:
        self._beat.join(5)
        with self._lock:
            self._closing = True
        with suppress(Exception):
            self._run(
                "UPDATE host_leases SET round = round - 1, holder = NULL, lease_until = NULL "
                "WHERE holder = %(me)s AND round = %(r)s",
                self._args(),
            )
            self._run("DELETE FROM fetchers WHERE id = %(me)s", self._args())
            self._run(f"NOTIFY {self.CHANNEL}", {})
        for conn in (self.conn, self.listen):
            if conn is not None:
                with suppress(Exception):
                    conn.close()

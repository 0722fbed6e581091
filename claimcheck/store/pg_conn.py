"""Connecting to PostgreSQL: the optional driver (psycopg 3), and the URL as messages may show it: the
password never in a message (:func:`redact`, and the driver's own messages with every form of it masked)."""

from __future__ import annotations

import re
from contextlib import suppress
from typing import Any
from urllib.parse import unquote, urlsplit

from claimcheck.errors import StoreError

CONNECT_TIMEOUT = 10  # seconds
# Deadlines on the server, so that no command waits for ever (a cron job has no Ctrl-C): a lock another
# session holds (a migration, a VACUUM FULL, a stuck transaction) is waited for as long as SQLite's busy
# timeout, a minute; a statement may run ten minutes. Set only where nobody chose them: PGOPTIONS, the URL's
# options, ALTER ROLE/DATABASE ... SET, postgresql.conf win (their pg_settings source is not 'default').
LOCK_TIMEOUT = "1min"
STATEMENT_TIMEOUT = "10min"
EXTRA = 'PostgreSQL needs the postgres extra: pip install "claimcheck[postgres]" (psycopg 3)'


def import_psycopg() -> Any:
    try:
        import psycopg
    except ImportError:
        raise StoreError(EXTRA) from None
    return psycopg


_QUERY_PASSWORD = re.compile(r"(?i)(^|&)((?:ssl)?password=)[^&]*")
# user:password@ as libpq reads it, before the first "/" (a "#" or "?" in the password need not be
# %-encoded for libpq, while urlsplit ends the host part there and finds no password). Up to the last "@"
# there, so that a password with an "@" left unencoded is masked whole.
_USER_INFO = re.compile(r"^([a-z][a-z0-9+.-]*://)([^/]*)@", re.I)
# user:pass/word@ with a "/" left unencoded: libpq reads "user" as the host and "pass" as the port, but the
# writer meant a password, and the driver's messages quote its pieces. Up to the last "@" of the URL (a
# URL with an "@" in its query is then masked past its host: more, never less).
_USER_INFO_SLASH = re.compile(r"^([a-z][a-z0-9+.-]*://)([^/@:]*:.*)@", re.I)


def _user_info(url: str) -> re.Match[str] | None:
    """The ``scheme://user:password@`` part as libpq reads it, else as its writer meant it."""
    m = _USER_INFO.match(url)
    if m and ":" in m.group(2):
        return m
    return _USER_INFO_SLASH.match(url) or m


def redact(url: str) -> str:
    """The URL as messages may show it: the password (``user:password@``, or the ``password=`` and
    ``sslpassword=`` parameters libpq also takes) replaced by ``***``."""
    try:
        urlsplit(url)
    except ValueError:
        return "postgresql://(a URL that cannot be read)"
    m = _user_info(url)
    if m and ":" in m.group(2):
        url = f"{m.group(1)}{m.group(2).split(':', 1)[0]}:***@{url[m.end() :]}"
    head, mark, query = url.partition("?")
    return head + mark + _QUERY_PASSWORD.sub(r"\1\2***", query)


def secrets(url: str) -> list[str]:
    """The passwords as the URL gives them, in either place, as written and decoded."""
    m = _user_info(url)
    user_info = m.group(2) if m else ""
    # to the last "@" (urlsplit's reading), to the first (libpq's, when the password has an "@"), and to
    # the first "/" (libpq's port, when the password has a "/")
    password = user_info.partition(":")[2]
    found = [password, user_info.partition("@")[0].partition(":")[2], password.partition("/")[0]]
    try:
        urlsplit(url)
    except ValueError:  # a URL that cannot be parsed ("[::1" unclosed): the driver may quote it whole
        found.append(url)
    query = (url[m.end() :] if m else url).partition("?")[2]  # after user:password@ (which may hold a "?")
    found += [q.group(0).split("=", 1)[1] for q in _QUERY_PASSWORD.finditer(query)]
    found += [unquote(s) for s in found]
    return sorted({s for s in found if s}, key=len, reverse=True)


def first_line(e: BaseException, url: str) -> str:
    """The driver's message in one line, with the password (if any) never in it."""
    msg = " ".join(str(e).split()) or type(e).__name__
    for secret in secrets(url):
        msg = msg.replace(secret, "***")
    return re.sub(r"\s+", " ", msg)[:300]


# A server that stopped answering altogether (its backend frozen: SIGSTOP, a paused machine) runs no timer of
# its own, and its kernel still acknowledges our packets, so no TCP timeout fires either: a wait for an answer
# is given up on the client ANSWER_MARGIN seconds after the statement's own deadline would have ended it.
ANSWER_MARGIN = 60.0  # seconds
NO_ANSWER = "no answer from the server"


def connect(psycopg: Any, url: str, name: str) -> Any:
    """A connection (autocommit) with the deadlines above where nobody set others, and a client-side wait
    deadline that follows the statement_timeout in force (none when it is 0)."""
    conn = _connection_class(psycopg).connect(
        url, autocommit=True, connect_timeout=CONNECT_TIMEOUT, application_name=name
    )
    try:
        conn.execute(
            "SELECT set_config(s.name, d.v, false) FROM pg_settings s "
            "JOIN (VALUES ('lock_timeout', %s), ('statement_timeout', %s)) AS d (name, v) ON d.name = s.name "
            "WHERE s.source = 'default'",
            (LOCK_TIMEOUT, STATEMENT_TIMEOUT),
        )
        row = conn.execute("SELECT setting::float8 FROM pg_settings WHERE name = 'statement_timeout'").fetchone()
    except BaseException:
        conn.close()
        raise
    ms = float(row[0]) if row and row[0] is not None else 0.0
    conn.answer_deadline = ms / 1000 + ANSWER_MARGIN if ms > 0 else None
    return conn


_CLASSES: dict[int, Any] = {}


def _connection_class(psycopg: Any) -> Any:
    """psycopg's Connection with a deadline on every wait for the server that has none of its own (a query's
    answer, a COPY); a wait given a timeout (LISTEN's) keeps it. Past the deadline the connection is given up:
    its socket shut, the wait failing as a lost connection."""
    found = _CLASSES.get(id(psycopg))
    if found is not None:
        return found

    class Connection(psycopg.Connection):  # type: ignore[misc,name-defined]
        answer_deadline: float | None = None

        def wait(self, gen: Any, *args: Any, **kwargs: Any) -> Any:
            given = kwargs.get("timeout", args[1] if len(args) > 1 else None)
            deadline = self.answer_deadline
            if given is not None or deadline is None:
                return super().wait(gen, *args, **kwargs)
            if len(args) > 1:
                args = args[:1]
            try:
                return super().wait(gen, *args, **{**kwargs, "timeout": deadline})
            except psycopg.errors._WaitTimeout:
                shut_socket(self)
                with suppress(Exception):
                    self.pgconn.finish()
                raise psycopg.OperationalError(
                    f"{NO_ANSWER} in {deadline:.0f} s, past its statement_timeout; connection given up"
                ) from None

    _CLASSES[id(psycopg)] = Connection
    return Connection


# The SQLSTATEs of a statement ended at a deadline: lock_not_available (lock_timeout), query_canceled
# (statement_timeout, or pg_cancel_backend)
LOCK_DEADLINE, STATEMENT_DEADLINE = "55P03", "57014"
DEADLINE_STATES = frozenset([LOCK_DEADLINE, STATEMENT_DEADLINE])


def deadline_error(e: BaseException, location: str) -> StoreError | None:
    """The error of a statement the server ended at a deadline (lock_timeout, statement_timeout) or cancelled
    (pg_cancel_backend), in words: a busy database, as SQLite's busy timeout says it (exit 2)."""
    sqlstate = getattr(e, "sqlstate", None)
    if sqlstate == LOCK_DEADLINE:
        return StoreError(
            f"{location}: database is busy: another session held a lock this command needed for longer than "
            "lock_timeout; try again (PGOPTIONS='-c lock_timeout=10min' waits longer)"
        )
    if sqlstate == STATEMENT_DEADLINE:
        diag = getattr(e, "diag", None)
        primary = " ".join(str(getattr(diag, "message_primary", None) or e).split())[:200]
        if "statement timeout" in primary.lower():
            return StoreError(
                f"{location}: a statement ran longer than statement_timeout and was stopped; try again when the "
                "server is less loaded (PGOPTIONS='-c statement_timeout=1h' waits longer)"
            )
        return StoreError(f"{location}: the server cancelled a statement ({primary}); nothing committed was lost")
    return None


def shut_socket(conn: Any) -> None:
    """Shut a psycopg connection's socket down from any thread: a call waiting on it for a server that stopped
    answering (a hung backend, a paused machine: no reset ever comes) wakes and fails as a lost connection."""
    import os
    import socket

    try:
        sock = socket.socket(fileno=os.dup(conn.pgconn.socket))
    except Exception:  # noqa: BLE001 - closed already, or no socket: nothing is waiting on it
        return
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    finally:
        sock.close()

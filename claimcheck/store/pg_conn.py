"""Connecting to PostgreSQL: the optional driver (psycopg 3), and the URL as messages may show it: the
password never in a message (:func:`redact`, and the driver's own messages with every form of it masked)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote, urlsplit

from claimcheck.errors import StoreError

CONNECT_TIMEOUT = 10  # seconds
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

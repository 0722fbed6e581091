"""Where claimcheck keeps its state and finds its configuration."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TypeVar

APP = "claimcheck"
T = TypeVar("T")


def user_dir() -> Path:
    """The directory for all user state: ``$CLAIMCHECK_HOME``, else the platform's user data dir."""
    env = os.environ.get("CLAIMCHECK_HOME")
    if env:
        return from_env("CLAIMCHECK_HOME", expand_home, env)
    import platformdirs  # only when no CLAIMCHECK_HOME says where (#14: ~4 ms of every start)

    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def expand_home(value: str | os.PathLike[str]) -> Path:
    """A path with a leading "~" or "~user" made that home folder, as a shell does. A "~name" of no known
    user is bad usage (exit 2): pathlib raised RuntimeError, an internal error, and kept as written it
    would make a folder "~name" in the current one, where no later command looks."""
    try:
        return Path(value).expanduser()
    except RuntimeError:
        from claimcheck.errors import UsageError

        head = str(value).split("/", 1)[0]
        raise UsageError(f"{value}: no home folder for {head} (no such user?)") from None


def from_env(var: str, read: Callable[[str], T], value: str) -> T:
    """``read(value)`` for the value of the environment variable ``var``; a bad value's one line names the
    variable (``~nosuchuser/x: no home folder ...`` did not say where the path came from: no option held it)."""
    from claimcheck.errors import UsageError

    try:
        return read(value)
    except UsageError as e:
        raise UsageError(f"${var}: {e}") from None


def is_db_url(target: str | os.PathLike[str]) -> bool:
    """Whether ``target`` names a database server (``postgresql://...``) rather than an SQLite file."""
    return str(target).lower().startswith(("postgresql://", "postgres://"))


def db_target(value: str | os.PathLike[str], name: str = "--db") -> str | Path:
    """A ``--db`` value (``name`` is what held it, as an empty one is said: "--db", "SRC", "it"): a URL (``postgresql://``, or another scheme the store will refuse) as it is (a
    Path would fold its ``//``), else a file path, "~" its user's home folder (the shell leaves a "~" after
    "--db=" as it is, and so does a service's environment file). "-" is bad usage: a database is read and
    written in place, never streamed (it was a file named "-" in the current folder)."""
    if not str(value).strip():
        from claimcheck.errors import UsageError

        raise UsageError(f"{name} is empty: give a database file or a postgresql:// URL")
    if str(value) == "-":
        from claimcheck.errors import UsageError

        raise UsageError("database -: a database is a file or a postgresql:// URL, not stdin or stdout")
    url = re.match(r"^[a-z][a-z0-9+.-]*://", str(value), re.I)
    if not url and str(value).endswith(("/", os.sep)):
        from claimcheck.errors import UsageError

        # Path("news/") is "news": a store was created as a file named "news" (migrate-store, fetch --db)
        raise UsageError(
            f"database {value}: it names a folder (a trailing /); give a file in it ({str(value).rstrip('/' + os.sep)}"
            f"{os.sep}claimcheck.db)"
        )
    if url:  # a scheme is read in any case (RFC 3986), libpq only in lower case: POSTGRESQL:// was "missing '='"
        return url.group(0).lower() + str(value)[url.end() :]
    return expand_home(value)


def no_folder(folder: Path) -> str:
    """Why a file cannot be made in ``folder``, in words: `plain.txt/x.db` said "no folder plain.txt" though
    plain.txt is there, a file where a folder was meant. The nearest part of ``folder`` that exists and is
    not a folder is named; else the folder is missing."""
    for part in (folder, *folder.parents):
        if os.path.lexists(part):
            if part.is_dir():
                break
            return f"{part} is a file, not a folder" if part.is_file() else f"{part} is not a folder"
    return f"no folder {folder}"


def default_db_path() -> str | Path:
    """``$CLAIMCHECK_DB`` if set (a path or a ``postgresql://`` URL), else ``claimcheck.db`` in :func:`user_dir`."""
    env = os.environ.get("CLAIMCHECK_DB")
    return from_env("CLAIMCHECK_DB", lambda v: db_target(v, "it"), env) if env else user_dir() / "claimcheck.db"


def demo_db_path() -> Path:
    """Where ``claimcheck demo`` keeps its database (rebuilt on every run): ``demo.db`` in :func:`user_dir`,
    apart from the user's own database."""
    return user_dir() / "demo.db"


def packaged_sources() -> Path:
    return Path(str(resources.files("claimcheck") / "sources.yaml"))


def find_sources(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The sources.yaml in use: ``--sources``, ``$CLAIMCHECK_SOURCES``, ``./sources.yaml``, the packaged default.
    An empty ``--sources`` ("$SRC" unset) is bad usage, as an empty --db is: it was Path("") == ".", said
    as ".: is a directory" (and `articles` without --source read nothing and said nothing)."""
    if explicit is not None and not str(explicit).strip():
        from claimcheck.errors import UsageError

        raise UsageError("--sources is empty: give a sources.yaml file")
    if explicit:
        return expand_home(explicit)
    env = os.environ.get("CLAIMCHECK_SOURCES")
    if env:
        return from_env("CLAIMCHECK_SOURCES", expand_home, env)
    local = Path("sources.yaml")
    if local.is_file():
        return local
    return packaged_sources()

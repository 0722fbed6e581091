"""The stories of a window kept between runs: ``claimcheck stories`` and ``compare --story ID`` group the
same articles again only when something they depend on changed.

A window's grouping is a function of its articles (stored articles are never rewritten: a new fetch adds
rows), the outlets' settings, the grouping options and the code. The key is a SHA-256 of all of them: every
column of the window's rows (ids, outlets, links, titles, authors, times), the outlets as configured, the
options, the source of every claimcheck module and the numpy and rapidfuzz versions. A store that was
deleted and fetched again, a changed sources file or an upgrade gives another key, never a stale listing.

What is kept (``StoryMemo``): the groups (window positions per story) and, for each story described so
far, its label, terms, topic, first outlet, independent outlets and wire copies, with the ids of its
articles (a story whose articles differ is described again). One JSON file per key in
``stories/`` of the user cache folder (``$CLAIMCHECK_CACHE``, else ``~/.cache/claimcheck`` on Linux), written whole to a temporary file and renamed into place, the 16 most
recent kept. A file that cannot be read or does not hold what it should is a miss; a folder that cannot
be written is no error (the listing is the same, only not kept). ``CLAIMCHECK_NO_CACHE=1`` (or
``stories --no-cache``) neither reads nor writes it.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import os
import re
import stat
import tempfile
import time
from array import array
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from importlib import metadata
from pathlib import Path

from claimcheck.collector import paused_gc
from claimcheck.models import Outlet, WindowRows
from claimcheck.paths import APP, expand_home, from_env
from claimcheck.stories import StoryDetails, StoryMemo, StoryOptions

FORMAT = 1
KEEP = 16  # files kept (the most recently written)


def enabled(no_cache: bool = False) -> bool:
    """Whether listings are kept and read: not with ``--no-cache`` or ``CLAIMCHECK_NO_CACHE`` set (not "0")."""
    return not no_cache and os.environ.get("CLAIMCHECK_NO_CACHE", "").strip() in ("", "0")


def cache_dir() -> Path:
    """``$CLAIMCHECK_CACHE``, else the platform's user cache folder (``~/.cache/claimcheck`` on Linux):
    not the user dir, which a command given ``--db`` never touches."""
    env = os.environ.get("CLAIMCHECK_CACHE", "").strip()
    if env:
        return from_env("CLAIMCHECK_CACHE", expand_home, env) / "stories"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP, appauthor=False)) / "stories"


@functools.cache
def _code() -> str:
    """The source of every claimcheck module and the versions of the libraries whose arithmetic grouping uses."""
    import claimcheck

    root = Path(claimcheck.__file__).resolve().parent
    h = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        h.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        h.update(path.read_bytes() + b"\0")
    for dist in ("numpy", "rapidfuzz"):
        try:
            h.update(f"{dist} {metadata.version(dist)}\0".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{dist} -\0".encode())
    return h.hexdigest()


def window_key(rows: WindowRows, outlets: Mapping[str, Outlet], options: StoryOptions) -> str:
    """The key of this window's grouping (hex SHA-256)."""
    h = hashlib.sha256(f"claimcheck.stories-cache/{FORMAT}\0{_code()}\0{options!r}\0".encode())
    h.update(json.dumps([repr(outlets[oid]) for oid in sorted(outlets)]).encode())
    # each column as bytes that no other column gives (a JSON text of each took twice the time)
    h.update(f"{len(rows)}\0".encode())
    h.update(array("q", [-1 if i is None else i for i in rows.ids]))  # None: in-memory articles only
    for column in (rows.outlets, rows.urls, rows.canonical_urls, rows.titles, rows.authors):
        h.update(_texts(column))
    h.update(array("d", [math.nan if t is None else t.timestamp() for t in rows.published]))  # instants
    h.update(array("d", [t.timestamp() for t in rows.fetched]))
    return h.hexdigest()


def _texts(column: Sequence[str | None]) -> bytes:
    """The strings' lengths (-1 for None), then their characters (lone surrogates too): two columns give
    the same bytes only when they hold the same strings."""
    lengths = array("q", [-1 if s is None else len(s) for s in column])
    return lengths.tobytes() + "".join([s or "" for s in column]).encode("utf-8", "surrogatepass")


@contextmanager
def kept(
    rows: WindowRows, outlets: Mapping[str, Outlet], options: StoryOptions, *, no_cache: bool = False
) -> Iterator[StoryMemo]:
    """The memo of this window as earlier runs kept it (empty when none is, or when caching is off), for
    ``claimcheck.stories`` to read and add to; what it added is kept when the block ends without an error."""
    if not enabled(no_cache):
        yield StoryMemo()
        return
    key = window_key(rows, outlets, options)
    memo = load(key, len(rows))
    yield memo
    save(key, memo)


def _file(key: str) -> Path:
    return cache_dir() / f"{key[:40]}.json"


_OWN_NAME = re.compile(r"[0-9a-f]{40}\.json")


def _own_files(folder: Path) -> Iterator[Path]:
    """The kept listings in ``folder``: files named as :func:`_file` names them. ``$CLAIMCHECK_CACHE`` may be a
    folder of the user's (``.``) whose ``stories/`` holds their own exports (``stories -o stories/monday.json``):
    pruning and clearing took every ``*.json`` there."""
    return (p for p in folder.glob("*.json") if _OWN_NAME.fullmatch(p.name))


def load(key: str, size: int) -> StoryMemo:
    """What earlier runs kept for this key over a window of ``size`` articles; an empty memo when nothing
    (or nothing sound) is kept."""
    try:
        with paused_gc():  # a list and a record for each story, none of them in a cycle
            data = json.loads(_read_regular(_file(key)))
            if data.get("format") != FORMAT or data.get("key") != key:
                return StoryMemo()
            return StoryMemo(groups=_groups(data.get("groups"), size), details=_details(data.get("details")))
    except (OSError, ValueError, TypeError, AttributeError, KeyError, RecursionError):
        # RecursionError: json's decoder on arrays nested thousands deep (a damaged or hostile file)
        return StoryMemo()


def _read_regular(path: Path) -> str:
    """The text of a regular file; anything else in its place (a FIFO, which a plain read waits on for
    ever, a device such as /dev/zero, which never ends) is an OSError, so a miss."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{path}: not a regular file")
        return f.read().decode("utf-8")


def _groups(raw: object, size: int) -> list[list[int]] | None:
    """Groups that partition the window's positions, or None (a miss)."""
    if not isinstance(raw, list):
        return None
    seen = bytearray(size)
    groups = []
    for g in raw:
        if not isinstance(g, list) or not g:
            return None
        for p in g:
            if type(p) is not int or not 0 <= p < size or seen[p]:
                return None
            seen[p] = 1
        groups.append(g)
    return groups if all(seen) else None


def _details(raw: object) -> dict[str, StoryDetails]:
    out: dict[str, StoryDetails] = {}
    if not isinstance(raw, dict):
        return out
    for sid, d in raw.items():
        ids, syndicated = d["ids"], d["syndicated"]
        strings = [d["label"], d["topic"], *d["terms"], *d["independent_outlets"]]
        first = d["first_outlet"]
        if (
            not all(isinstance(x, str) for x in strings)
            or not (first is None or isinstance(first, str))
            or not all(i is None or type(i) is int for i in ids)
            or not all(type(i) is int and 0 <= i < len(ids) for i in syndicated)
        ):
            raise ValueError("unsound details")
        out[sid] = StoryDetails(
            ids=tuple(ids),
            label=d["label"],
            terms=tuple(d["terms"]),
            topic=d["topic"],
            first_outlet=first,
            independent_outlets=tuple(d["independent_outlets"]),
            syndicated=tuple(syndicated),
        )
    return out


def save(key: str, memo: StoryMemo) -> None:
    """Keep what this run added (nothing to write when it added nothing). Never fails: a folder that
    cannot be written leaves the listing unkept."""
    if not memo.changed or memo.groups is None:
        return
    data = {
        "format": FORMAT,
        "key": key,
        "groups": memo.groups,
        "details": {sid: asdict(d) for sid, d in memo.details.items()},  # tuples written as JSON arrays
    }
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".stories-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="ascii") as f:  # JSON's escapes: any text, lone surrogates too
                json.dump(data, f, separators=(",", ":"))
            os.replace(tmp, _file(key))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        memo.changed = False
        _prune(folder)
    except OSError:
        return


def _prune(folder: Path) -> None:
    """Keep the KEEP most recently written files, and no temporary file of a run killed while writing (one
    over an hour old: a run writing now is not disturbed). A file another run removes meanwhile is no error."""
    files = []
    for path in _own_files(folder):
        try:
            files.append((path.stat().st_mtime, path))
        except OSError:
            continue
    for _, path in sorted(files, reverse=True)[KEEP:]:
        path.unlink(missing_ok=True)
    hour_ago = time.time() - 3600
    for path in folder.glob(".stories-*.tmp"):
        try:
            if path.stat().st_mtime < hour_ago:
                path.unlink(missing_ok=True)
        except OSError:
            continue


def clear() -> None:
    """Forget every kept listing: ``reindex`` rewrites the stored shingles that wire copies are found
    with, which the key does not cover (never an error)."""
    try:
        for path in _own_files(cache_dir()):
            path.unlink(missing_ok=True)
    except OSError:
        return

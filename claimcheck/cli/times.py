"""``--since`` and ``--until``: relative times (``3d``) and ISO dates read as UTC, a date's end of day,
and the window said back in words."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from claimcheck.errors import UsageError
from claimcheck.values import echoed

_REL = re.compile(r"^\s*(\d+)\s*([mhdw])\s*$", re.I)
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def window_words(since: datetime | None, until: datetime | None, source: list[str] | None) -> str:
    """The window searched, as it was searched (the default one included), for "no stored article ..."."""
    from claimcheck.render.common import zoned_text

    where = f" from {', '.join(dict.fromkeys(source))}" if source else ""
    if since is not None and until is not None:
        return f"{where} between {zoned_text(since)} and {zoned_text(until)}"
    if since is not None:
        return f"{where} since {zoned_text(since)}"
    if until is not None:
        return f"{where} until {zoned_text(until)}"
    return where


def parse_when(
    value: str | None, *, now: datetime | None = None, end_of_day: bool = False, option: str = "--since"
) -> datetime | None:
    """``3d``, ``12h``, ``30m``, ``2w`` (ago), or a date/time ``2025-12-13[T10:00[+01:00]]``, as UTC; None
    (the option not given) is no bound. An empty value (``--since "$SINCE"`` with SINCE unset) is bad usage:
    it was read as no bound, and a script meant to look at two days compared every stored article."""
    if value is None:
        return None
    if not value.strip():
        raise UsageError(f"{option} is empty: give e.g. 3d, 12h or 2025-12-13 (or leave the option out)")
    now = now or datetime.now(UTC)
    if m := _REL.match(value):
        try:
            return now - timedelta(**{_UNITS[m.group(2).lower()]: int(m.group(1))})
        except (OverflowError, ValueError):
            raise UsageError(
                f"time {echoed(value.strip())} reaches back before the year 1; use e.g. 3d or 2025-12-13"
            ) from None
    try:
        dt = datetime.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"cannot read time {echoed(value)}; use e.g. 3d, 12h or 2025-12-13") from None
    date_only = _is_date(value.strip())  # "2025-12-13", and its other ISO forms "20251213", "2025-W50-6"
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    try:
        if date_only and end_of_day:
            # a week without its day ("2025-W50", read as its Monday) is its seven days
            dt += timedelta(days=7 if _WEEK.match(value.strip()) else 1, microseconds=-1)
        return dt.astimezone(UTC)
    except OverflowError:
        raise UsageError(f"time {echoed(value.strip())} is out of range") from None


_WEEK = re.compile(r"^\d{4}-?W\d{2}$")


def _is_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def parse_window(since: str | None, until: str | None) -> tuple[datetime | None, datetime | None]:
    """``--since`` and ``--until`` as UTC times; ``--until`` before ``--since`` is bad usage."""
    since_dt = parse_when(since)
    until_dt = parse_when(until, end_of_day=True, option="--until")
    if since_dt and until_dt and until_dt < since_dt:
        raise UsageError(f"--until {echoed(str(until).strip())} is before --since {echoed(str(since).strip())}")
    return since_dt, until_dt

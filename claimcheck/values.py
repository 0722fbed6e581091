"""A short human form of a figure (an ``Interval``) and of a count with its noun: shared by the matcher's
explanations, every renderer and the CLI's messages."""

from __future__ import annotations

from claimcheck.models import Interval

__all__ = ["counted", "format_ordinal", "format_value"]


def counted(n: int, word: str, many: str | None = None) -> str:
    """``1 article``, ``2 articles``, ``10,000 articles``: a count with its noun in the right number."""
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def format_ordinal(n: float | None) -> str:
    """An ordinal's figure as written in digits: 6 -> "6th", 32 -> "32nd", 11 -> "11th"."""
    if n is None:
        return "?"
    k = int(n)
    last = 0 if k % 100 in (11, 12, 13) else k % 10
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(last, "th")
    return f"{k}{suffix}"


def format_value(v: Interval | None) -> str:
    """A short human form of an interval: "123", ">120", "120-130", "<=50"."""
    if v is None:
        return "?"
    lo, hi = _fmt(v.low), _fmt(v.high)
    if v.low is not None and v.low == v.high:
        return lo
    if v.high is None:
        return (">" if not v.low_inclusive else ">=") + lo
    if v.low is None:
        return ("<" if not v.high_inclusive else "<=") + hi
    return f"{lo}-{hi}"


def _fmt(x: float | None) -> str:
    """Every digit the figure was written with, grouped, never in exponent form: a conflict between 12.345
    and 12.349 must not read "12.35 (vs 12.35)". Twelve significant digits drop the noise of float
    arithmetic (4.07 billion is 4070000000.0000005) and nothing a newsroom writes."""
    if x is None:
        return ""
    if float(x).is_integer():
        return f"{int(x):,}"
    from decimal import Decimal

    return format(Decimal(f"{x:.12g}"), ",f")

"""A short human form of a figure (an ``Interval``), of a count with its noun and of a long name: shared by the matcher's
explanations, every renderer and the CLI's messages."""

from __future__ import annotations

import functools

from claimcheck.models import Interval

__all__ = ["CURRENCY_SIGNS", "bound_as_written", "counted", "cut", "format_amount", "format_ordinal", "format_value", "with_unit"]


def cut(text: str, limit: int) -> str:
    """``text`` of at most ``limit`` characters: a longer one cut and ended with "…" (a name, a label)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def echoed(value: str, limit: int = 100) -> str:
    """A value the user gave, quoted as an error line says it back, cut at ``limit`` characters: `compare
    <a 100 KB topic>` said all 100 KB back in its "no stored article matches" line, as did an unknown
    --source, --kind, --format or time."""
    return repr(cut(value, limit))


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


def format_value(v: Interval | None, *, full: bool = False, sign: str = "") -> str:
    """A short human form of an interval: "123", ">120", "120-130", "<=50"; a figure of a million or more in
    its short form when that form is exact ("11.5 million", ">2 billion", "1.5-2 million"; "11,532,117" keeps
    every digit). ``full`` keeps every digit always (CSV). ``sign`` is a currency sign put before each figure
    ("$2 billion", ">$40 million", "$1.5-2 billion")."""
    if v is None:
        return "?"
    lo, hi = _fmt(v.low, full, sign), _fmt(v.high, full, sign)
    if v.low is not None and v.low == v.high:
        return lo
    if v.high is None:
        return (">" if not v.low_inclusive else ">=") + lo
    if v.low is None:
        return ("<" if not v.high_inclusive else "<=") + hi
    if not full and any(_long(x) for x in (v.low, v.high)):
        # "1,234,567-2,000,000", not "1,234,567-2 million" (read as millions at both ends)
        lo, hi = _fmt(v.low, True, sign), _fmt(v.high, True, sign)
    # "1.5-2 million", not "1.5 million-2 million"; "$1.5-2 billion", not "$1.5-$2 billion"
    head, _, scale = lo.rpartition(" ")
    if head and scale in _SCALE_NAMES and hi.endswith(" " + scale):
        lo = head
    if sign and hi.startswith(sign):
        hi = hi[len(sign) :]
    return f"{lo}-{hi}"


# The currency sign of a money unit as stored (claims/numwords.py CURRENCIES): "$2 billion", not
# "2 billion dollars".
CURRENCY_SIGNS = {"dollars": "$", "pounds": "£", "euros": "€", "yen": "¥", "rupees": "₹"}


def format_amount(v: Interval | None, unit: str | None, *, money: bool = False, prefix: str = "") -> str:
    """A figure with its unit, the way a reader expects it: "$2 billion" for money (``money``: the unit is a
    currency, not "pounds" of weight), "11.5 million documents" otherwise; ``prefix`` goes before the
    figure ("about")."""
    sign = CURRENCY_SIGNS.get(unit or "", "") if money else ""
    return with_unit(f"{prefix} {format_value(v, sign=sign)}".strip(), unit, sign)


def bound_as_written(v: Interval, qualifier: str | None, sign: str = "") -> str | None:
    """A one-sided figure the way its sentence words it: "nearly 30", "up to 40", "<6,000" (not the "27-30" or
    "0-40" interval it is matched by); None for any other figure or qualifier."""
    if v.high is None or v.low == v.high:
        return None
    high = format_value(Interval.exact(v.high), sign=sign)
    if qualifier == "nearly":
        return f"nearly {high}"
    if qualifier == "up to" and v.low == 0:
        return f"up to {high}"
    if qualifier == "fewer than" and v.low == 0:  # "below $6,000", "under 40": not "0-6,000"
        return f"<{high}"
    return None


def with_unit(figure: str, unit: str | None, sign: str) -> str:
    """A formatted figure and its unit: a currency sign already in the figure stands for its unit ("$2
    billion"); an age reads as one ("37 years old", "6 months old", "died aged 84", not "37 age"); any other
    unit follows it ("11.5 million documents")."""
    if unit in _AGES and not sign:
        one = figure == "1" and unit != "age at death"  # "1 year old", not "1 years old" (review17)
        return (_AGES[unit].replace("s old", " old") if one else _AGES[unit]).format(figure)
    return figure if sign else f"{figure} {unit or ''}".strip()


# the units of an age (claims/ages.py, claims/numbers.py) as a reader says them
_AGES = {
    "age": "{} years old",
    "age in months": "{} months old",
    "age in weeks": "{} weeks old",
    "age in days": "{} days old",
    "age at death": "died aged {}",
}


# Short scales, largest first; a figure takes one when its digits fit in _SHORT_DIGITS significant digits.
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))
_SCALE_NAMES = {name for _, name in _SCALES}
_SHORT_DIGITS = 4


def _long(x: float | None) -> bool:
    """Whether a figure of a million or more keeps its full digits (too many for a short form)."""
    return x is not None and abs(x) >= 1e6 and not _fmt(x).endswith(tuple(_SCALE_NAMES))


@functools.lru_cache(maxsize=16384)
def _fmt(x: float | None, full: bool = False, sign: str = "") -> str:
    """Every digit the figure was written with, grouped, never in exponent form: a conflict between 12.345
    and 12.349 must not read "12.35 (vs 12.35)". Twelve significant digits drop the noise of float
    arithmetic (4.07 billion is 4070000000.0000005) and nothing a newsroom writes. Unless ``full``, a
    figure of a million or more with at most four significant digits reads "11.5 million": the same
    digits, none lost; "11,532,117" stays as it is."""
    if x is None:
        return ""
    from decimal import Decimal

    d = Decimal(f"{x:.12g}")
    neg = "-" if d < 0 else ""
    if not full:
        for scale, name in _SCALES:
            if abs(d) >= scale:
                digits = abs(d).normalize().as_tuple().digits
                if len(digits) <= _SHORT_DIGITS:
                    mantissa = abs(d) / scale
                    text = format(mantissa.normalize(), ",f")
                    return f"{neg}{sign}{text} {name}"
                break
    if float(x).is_integer():
        return f"{neg}{sign}{abs(int(x)):,}"
    return f"{neg}{sign}{format(abs(d), ',f')}"

"""A share told as a rate or a fraction of people or things ("one in five voters", "nine in ten members", "a fifth
of adults", "96 out of every 100 beds") is the percent other outlets give for it ("20% of voters", "88 pct of
members"): the matcher reads it as that percent (issue 12, variants23; variants20 left "One in ten jobs" / "10% of
its workforce" apart)."""

from __future__ import annotations

import math
import re
from dataclasses import replace

from claimcheck.models import Claim, Interval

# The extractor's rates and fractions of a noun (claims/numbers ``_rates``, ``_fractions``): "one in five", "1 in
# 10", "nine in every ten", "96 out of every 100", "a fifth of", "two-thirds of". Not "half" (a word of many other
# uses: "half of the match", "half an hour"), not a fraction of a sum or a measure (never a noun of people or
# things: its unit is money or a length, so it is left as it is).
_SHARE_TEXT = re.compile(
    r"^(?:(?:nearly|almost|about|around|some|roughly|approximately|more\s+than|over|fewer\s+than|less\s+than|just"
    r"\s+over|just\s+under|under|at\s+least|up\s+to)\s+)?"
    r"(?:[\w,]+[\s-]+(?:in|out\s+of)[\s-]+(?:every[\s-]+)?[\w,]+"
    r"|(?:an?|one|two|three|four|five|six|seven|eight|nine)[\s-]+"
    r"(?:third|quarter|fifth|sixth|seventh|eighth|ninth|tenth)s?\s+of)\b",
    re.IGNORECASE,
)


def as_percent(claim: Claim) -> Claim | None:
    """The claim of a share told as a rate or a fraction of a noun, read as the percent it is (value times 100,
    unit "percent", the noun kept among the words around it; a fraction that is no whole percent, "two-thirds", is
    the whole percents around it, 66-67); None for any other claim."""
    v, unit = claim.value, claim.unit
    if claim.kind != "number" or v is None or claim.extra.get("measure"):
        return None
    if v.low is None or v.high is None or not 0 < v.low <= v.high < 1:
        return None
    if not _SHARE_TEXT.match(claim.text):
        return None
    context = [w.lower() for w in (unit or "").split() if w.isalpha()]
    extra = dict(claim.extra)
    extra["measure"] = "percent"
    extra["context"] = [*context, *[w for w in claim.extra.get("context", []) if w not in context]]
    low, high = round(v.low * 100, 4), round(v.high * 100, 4)
    if low == high and low != int(low):  # "two-thirds" is 66.67%: the whole percents around it, "66%" and "67%"
        value = Interval(float(math.floor(low)), float(math.ceil(high)), True, True)
    else:
        value = Interval(low, high, v.low_inclusive, v.high_inclusive)
    return replace(claim, value=value, unit="percent", extra=extra)  # type: ignore[arg-type]


def told_as_share(claim: Claim) -> bool:
    """Whether a percent was told as a rate or fraction ("one in four", "two-thirds of"): a rounded way to give it,
    so never an exact figure for a conflict ("one in four" and "26%" agree; match/conflicts ``exact_figure``)."""
    return claim.unit == "percent" and _SHARE_TEXT.match(claim.text) is not None

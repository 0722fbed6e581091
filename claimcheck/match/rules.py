"""The rulebook of matching: when two claims state the same fact (``pipeline.match_facts`` applies it).

The steps that apply it (blocking, scoring inside blocks, clustering) are described in
``claimcheck.match.pipeline``; this module holds the rules themselves: time qualifiers, speakers, names,
counted things, and the scorers that give each candidate pair its score and rule (kept for ``--explain``).

Rules beyond plain similarity (each with its unit test in tests/test_match.py):

- the counted thing of a generic unit ("1,100 people") is the claim's role (``unit_role``, or a
  prison word in its sentence): "political prisoners" (``thing_key``), and the role joins its context;
- an evolving count (deaths, injured, missing, arrested, evacuated, "so far", "rose to") that differs
  between reports published at least ``update_window`` apart, the later one higher, is one fact whose
  figure was updated (``Fact.evolving``, value = the latest), unless its reports do not read as one
  rising figure (``figure_rises``): then the update links are dropped and the claims re-clustered;
- a point figure and the same figure rounded to at least two significant digits ("5.13 million" and
  "5.1 million") agree (``is_rounding``): one outlet rounded what another gave precisely;
- a bare weekday ("on Wednesday night") never splits a count that does not change from day to day
  (``match_when``);
- statements that share a run of ``phrase_words`` content words with a rare non-name word among
  them are the same statement told with different endings.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from claimcheck.match.normalize import is_span, when_compatible, when_strictly_compatible, when_words
from claimcheck.match.syndication import SyndicationOptions
from claimcheck.match.things import (  # noqa: F401 - re-exported: the matcher's public helpers
    CONTEXT_SYNONYMS,
    COUNT_CLASS,
    EVOLVING_THINGS,
    GENERIC_UNITS,
    UNIT_SECONDS,
    UNIT_SYNONYMS,
    can_evolve,
    compound_key,
    count_class,
    is_precise,
    number_context,
    rounds_to,
    running_length,
    significant_digits,
    stated,
    thing_key,
    unit_key,
)
from claimcheck.models import Claim, Interval
from claimcheck.text import match_words
from claimcheck.values import format_value

__all__ = [
    "CONTEXT_SYNONYMS", "EVOLVING_THINGS", "EXCLUSIVE", "GENERIC_UNITS", "MATCHED_KINDS", "UNIT_SECONDS", "UNIT_SYNONYMS", "Exclusive",
    "Item", "Rule",
    "MatchOptions", "can_evolve", "figure_rises", "format_value", "number_context", "number_pair", "quote_norm",
    "names_change", "quote_pair", "rule_text", "running_length", "statement_pair", "thing_key", "timestamp", "unit_key", "update_pair", "values_agree",
]  # fmt: skip

MATCHED_KINDS = ("number", "quote", "statement")


class Rule(NamedTuple):
    """Why a link was made, as data (``rule_text`` formats it only for the links a report shows)."""

    kind: str  # "agree", "conflict", "update" (two numbers), "quote" or "statement"
    score: float  # numbers: their contexts' similarity (0-1); quotes, statements: the words' score (0-100)
    thing: str = ""  # numbers: the counted thing
    values: tuple[Interval, Interval] | None = None  # numbers: the two figures
    other_speaker: bool = False  # quotes: linked despite known, different speakers
    names: tuple[str, ...] = ()  # statements: the names both share
    phrase: str = ""  # statements: the rare phrase both share


# A claim attribute that splits facts: (the claim's value of it, whether two such values agree).
Exclusive = tuple[Callable[["Claim"], str | None], Callable[[str, str], bool]]


@dataclass(frozen=True)
class MatchOptions:
    """Thresholds of the matcher. Scores are in [0, 1]; fuzzy thresholds in rapidfuzz's 0-100."""

    kinds: tuple[str, ...] = MATCHED_KINDS
    number_tolerance: float = 0.25  # disjoint values within 25% of each other are a conflict
    quote_threshold: float = 80.0
    speaker_penalty: float = 15.0  # points off a quote pair whose known speakers differ
    speaker_override_words: int = 8  # ...and only quotes at least this long may still link
    speaker_part_words: int = 10  # ...and, as a part of the other's longer quote, at least this long
    quote_part_words: int = 3  # a part of a quote by the same named speaker, inside the longer one, this long
    statement_threshold: float = 72.0
    # statements sharing a run of this many content words in order, at least phrase_rare of them rare
    # (in at most phrase_share of the statements) and not names, are one statement told with
    # different endings ("Belarus is a close ally of Russia, and ..." / "... and allowed ...")
    phrase_words: int = 4
    phrase_share: float = 0.2
    phrase_rare: int = 1  # rare words a shared run needs
    phrase_score: float = 76.0
    linkage: float = 0.5  # average-linkage threshold for joining two clusters
    rare_keys: int = 3  # blocking keys per quote/statement: its rarest words
    # a quote that is part of a longer one ("I'll miss the players" in a whole paragraph) joins its
    # fact when it has this many words, this many content words, and this partial_ratio (0-100)
    part_words: int = 4
    part_content: int = 3
    part_ratio: float = 95.0
    part_reworded: float = 85.0  # ... or this partial_ratio when the part keeps all its content words
    # one precise figure joins counts of different things ("documents", "files", "records") when
    # it is given for at most this many things in all
    count_names: int = 4
    # quotes with at least this many distinct content words each are also scored on those words as a
    # set (token_set_ratio): the same quotation translated or abridged differently
    quote_content_words: int = 6
    quote_keys: int = 16  # ...and a quote's next rarest words, up to this many keys,
    quote_key_df: int = 12  # when each is in at most this many distinct quotes
    max_block: int = 400  # blocks larger than this are split (by sorted text) before scoring
    max_candidates: int = 64  # per number, score at most this many close values (keeps dense data linear)
    number_context_floor: float = 0.4  # context similarity (0-1) at which numbers start to link
    when_threshold: float = 90.0  # two time qualifiers (neither part of the other) below this differ
    workers: int = 1  # cdist threads; -1 uses every core
    # updated figures (a toll that rises during the day): the later of two reports at least this many
    # seconds apart may carry a higher count of the same evolving thing, up to update_ratio times more
    update_window: float = 3600.0
    update_ratio: float = 5.0
    # ... and only within this many seconds of each other: a toll rises over the hours and days of one event;
    # two reports of an undated toll this far apart count two events (two floods weeks apart), never one fact
    update_span: float = 3 * 86400.0
    syndication: SyndicationOptions = field(default_factory=SyndicationOptions)


@dataclass
class Item:
    """One claim in the matcher's working set, with where it comes from."""

    index: int
    article: int
    claim: Claim


def values_agree(a: Interval, b: Interval) -> bool:
    """Two figures agree when their intervals share a value or meet at a bound: "more than 40
    million" agrees with "40 million" (outlets round a figure they also give as a bound); "up to
    5.1 million" agrees with figures near 5.1 million only (``CEILING_REACH``)."""
    a_low, b_low = floor_of(a), floor_of(b)
    if (a_low is None or b.high is None or a_low <= b.high) and (
        b_low is None or a.high is None or b_low <= a.high
    ):
        return True
    return is_rounding(a, b)


def is_rounding(a: Interval, b: Interval) -> bool:
    """Two point figures, one the other rounded ("5.1 million" and "5.13 million"; ``rounds_to``)."""
    if a.low is None or b.low is None or a.low != a.high or b.low != b.high:
        return False
    return rounds_to(a.low, b.low) or rounds_to(b.low, a.low)


# "up to 5.1 million", "as much as $2 billion": a ceiling names a figure near it, not every smaller one
CEILING_REACH = 0.75


def floor_of(v: Interval) -> float | None:
    """The low end of a figure for agreement: a ceiling's low end is ``CEILING_REACH`` of its top."""
    if not v.low and v.high is not None and v.high > 0:
        return v.high * CEILING_REACH
    return v.low


def figure_rises(points: Iterable[tuple[Interval, float | None]], window: float) -> bool | None:
    """Whether reports (value, publication time in seconds) read as one figure updated upwards.

    None when all values agree (nothing was updated); True when every two disjoint values were
    published in order, the lower one at least ``window`` seconds before the higher one; False
    otherwise (two reports at about the same time disagree, a figure falls, or a time is unknown).
    """
    spans: dict[Interval, list[float]] = {}
    for v, t in points:
        if t is None:
            spans.setdefault(v, []).append(float("nan"))
        else:
            spans.setdefault(v, []).append(t)
    vals = list(spans)
    disjoint = False
    for i, a in enumerate(vals):
        for b in vals[i + 1 :]:
            if values_agree(a, b):
                continue
            disjoint = True
            lo, hi = (a, b) if (a.midpoint or 0) < (b.midpoint or 0) else (b, a)
            if not max(spans[lo]) + window <= min(spans[hi]):  # NaN (undated) fails too
                return False
    return True if disjoint else None


def timestamp(dt: datetime | None) -> float | None:
    """A publication time in seconds (records' datetimes are UTC-aware), None when unknown."""
    return None if dt is None else dt.timestamp()


_DAY_ONLY = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "morning", "afternoon",
     "evening", "night", "overnight", "hours"]
)  # fmt: skip


@functools.lru_cache(maxsize=4096)
def day_only(when: str) -> bool:
    """A time qualifier of weekdays and parts of a day only ("on Monday evening", "overnight"): no date."""
    words = when_words(when)
    return bool(words) and words <= _DAY_ONLY


def match_when(claim: Claim) -> str | None:
    """A number's time qualifier as matching reads it: none for a bare weekday ("on Wednesday night",
    "Thursday") of a count that does not change from day to day. The weekday names when the outlet
    reported the event (late Wednesday in one time zone is early Thursday in another); only a toll,
    counted again each day, is split by it."""
    when = claim.when
    if when and not is_span(when) and day_only(when) and not can_evolve(claim):
        return None
    return when


# A claim attribute that splits facts: a number's time qualifier.
EXCLUSIVE: dict[str, Exclusive] = {"number": (match_when, when_compatible)}


# --- numbers ---------------------------------------------------------------------------------


def update_pair(
    a: Claim, b: Claim, ctx: float, thing: str, options: MatchOptions
) -> tuple[float, Rule] | None:
    """Two reports of an evolving count, the higher one published at least ``update_window`` later
    (checked by the caller): one fact, the figure updated. Scored like values that agree."""
    assert a.value is not None and b.value is not None
    if not when_strictly_compatible(match_when(a), match_when(b), options.when_threshold):
        return None  # "last year" / "in 2025" may be one time for one figure, never for a figure updated
    shared = max(0.0, (ctx - options.number_context_floor) / (1 - options.number_context_floor))
    return 0.45 + 0.55 * shared, Rule("update", ctx, thing or "?", (a.value, b.value))


def number_pair(
    a: Claim, b: Claim, ctx: float, thing: str, options: MatchOptions
) -> tuple[float, Rule] | None:
    assert a.value is not None and b.value is not None
    if not when_compatible(match_when(a), match_when(b), options.when_threshold):
        return None
    # token_set_ratio of unrelated word lists is rarely below 0.35: rescale so that only shared
    # words count, and a number in an unrelated sentence stays below the linkage threshold.
    shared = max(0.0, (ctx - options.number_context_floor) / (1 - options.number_context_floor))
    if values_agree(a.value, b.value):
        return 0.45 + 0.55 * shared, Rule("agree", ctx, thing or "?", (a.value, b.value))
    if shared <= 0 or not when_strictly_compatible(match_when(a), match_when(b), options.when_threshold):
        return None
    return 0.35 + 0.5 * shared, Rule("conflict", ctx, thing or "?", (a.value, b.value))


def rule_text(rule: Rule) -> str:
    """The human form of a link's rule, for ``--explain``."""
    kind = rule.kind
    if kind in ("update", "agree", "conflict"):
        assert rule.values is not None
        va, vb = map(format_value, rule.values)
        if kind == "update":
            return (
                f"number: same {rule.thing!r}, figure updated ({va} -> {vb}, "
                f"the later report higher), context {rule.score:.2f}"
            )
        how = "values agree" if kind == "agree" else "values close but disjoint"
        return f"number: same {rule.thing!r}, {how} ({va} ~ {vb}), context {rule.score:.2f}"
    if kind == "quote":
        who = ", despite different speakers" if rule.other_speaker else ""
        return f"quote: normalised words {rule.score:.0f}/100{who}"
    who = f", shared names {', '.join(rule.names)}" if rule.names else ""
    phrase = f", shared phrase {rule.phrase!r}" if rule.phrase else ""
    return f"statement: content words {rule.score:.0f}/100{phrase}{who}"


# --- quotes and statements -------------------------------------------------------------------


def quote_norm(claim: Claim) -> str:
    norm = claim.extra.get("norm")
    return " ".join(match_words(str(norm) if norm else claim.text))


def quote_pair(
    score: float, n_words: int, same_speaker: bool, options: MatchOptions
) -> tuple[float, Rule] | None:
    """Quotes link on their normalised words. Two known, different speakers cost
    ``speaker_penalty`` points: only a long, word-for-word quote survives that (one outlet, or the
    extractor, got the speaker wrong); short or reworded quotes of two people stay apart."""
    if not same_speaker:
        if n_words < options.speaker_override_words:
            return None
        score -= options.speaker_penalty
    if score < options.quote_threshold:
        return None
    return score / 100, Rule("quote", score, other_speaker=not same_speaker)


def quote_pairs(score: Any, n_words: Any, same_speaker: Any, options: MatchOptions) -> tuple[Any, Any]:
    """``quote_pair`` on arrays (float64 scores, word counts, speaker agreement): whether each pair links,
    and its score as ``quote_pair``'s rule gives it (the link's is that over 100). The same arithmetic,
    so the same floats."""
    other = ~same_speaker
    score = score - options.speaker_penalty * other  # x - 0.0 is x
    linked = ~(other & (n_words < options.speaker_override_words)) & ~(score < options.quote_threshold)
    return linked, score


def names_change(na: AbstractSet[str], nb: AbstractSet[str], shared: AbstractSet[str], named: int | None = None) -> float:
    """What two statements' names (``na``, ``nb``; ``shared``: both's) do to their words' score: -15 when both
    name several people or places and not one in common, +5 a shared name up to two (``named``: how many names
    the shared words make, see ``statement_pair``), else nothing."""
    if len(na) > 1 and len(nb) > 1 and not shared:
        return -15.0
    if shared:
        return 5.0 * min(len(shared) if named is None else named, 2)
    return 0.0


def statement_pair(
    score: float,
    na: AbstractSet[str],
    nb: AbstractSet[str],
    options: MatchOptions,
    phrase: str = "",
    named: int | None = None,
) -> tuple[float, Rule] | None:
    """Statements link on their content words (fuzzy) plus shared names; a shared rare phrase
    (``phrase``, found by ``blocking.text_graph``) lifts the words' score to ``phrase_score``. ``named``:
    how many names the shared words make (``normalize.name_runs``: "United States" is one name, not two);
    the shared words themselves when not given."""
    if phrase:
        score = max(score, options.phrase_score)
    shared = na & nb
    score += names_change(na, nb, shared, named)
    if score < options.statement_threshold:
        return None
    return min(score, 100.0) / 100, Rule("statement", score, names=tuple(sorted(shared)), phrase=phrase)

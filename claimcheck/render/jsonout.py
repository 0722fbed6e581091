"""The report as JSON, schema ``claimcheck.compare/1`` (a contract: other tools parse it).

Everything the issue's schema lists is always present. Additions, optional for consumers and
allowed by the schema (it does not forbid extra keys):

- top-level ``citations``: who cites whom, ``[{"outlet": id, "cited": id or name, "articles": int}]``
  (``articles``: how many of ``outlet``'s picked articles credit ``cited``);
- per mention of a quote fact, ``fidelity``: ``"verbatim"``, ``"trimmed"`` or ``"paraphrased"``
  against the quote's most common form (absent on number and statement mentions);
- per fact, ``evolving``: true for a count whose figure was updated over time (a rising toll):
  ``value`` is then the latest figure, each mention keeps its own, and earlier figures are not
  conflicts;
- per fact, ``first_outlets``: every outlet that may be the first, as the table marks them (``first_reported``
  names one; outlets published at that same time, or that same day when the first is stamped with its day
  only, are tied with it); [] when none is dated;
- per mention, ``also_listed_by``: the other outlets whose feeds list that same page (it is stored once and
  credited to ``outlet``, the outlet whose host serves it: ``claimcheck/store/owner.py``); absent when none.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from claimcheck.models import CompareResult, Fact, Interval
from claimcheck.render.common import first_outlets
from claimcheck.textsafe import json_text, plain

SCHEMA_ID = "claimcheck.compare/1"

_VALUE = {
    "type": "object",
    "required": ["low", "high"],
    "properties": {"low": {"type": ["number", "null"]}, "high": {"type": ["number", "null"]}},
    "additionalProperties": False,
}
_STR_OR_NULL = {"type": ["string", "null"]}
# JSON Schema (draft 2020-12 subset) of the output, used by the tests and by consumers.
SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["schema", "topic", "generated_at", "window", "outlets", "facts"],
    "properties": {
        "schema": {"const": SCHEMA_ID},
        "topic": {"type": "string"},
        "generated_at": {"type": "string", "format": "date-time"},
        "window": {
            "type": "object",
            "required": ["since", "until"],
            "properties": {"since": _STR_OR_NULL, "until": _STR_OR_NULL},
        },
        "outlets": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "name", "articles"],
                "properties": {
                    "id": {"type": "string"},
                    "name": {"type": "string"},
                    "articles": {"type": "integer"},
                },
            },
        },
        "facts": {
            "type": "array",
            "items": {
                "type": "object",
                "required": [
                    "id",
                    "kind",
                    "summary",
                    "value",
                    "unit",
                    "speaker",
                    "outlets",
                    "independent_outlets",
                    "first_reported",
                    "cited_sources",
                    "mentions",
                    "conflicts",
                ],
                "properties": {
                    "id": {"type": "string"},
                    "kind": {"enum": ["number", "quote", "statement"]},
                    "summary": {"type": "string"},
                    "value": {"oneOf": [_VALUE, {"type": "null"}]},
                    "unit": _STR_OR_NULL,
                    "speaker": _STR_OR_NULL,
                    "outlets": {"type": "array", "items": {"type": "string"}},
                    "independent_outlets": {"type": "array", "items": {"type": "string"}},
                    "first_reported": {
                        "oneOf": [
                            {
                                "type": "object",
                                "required": ["outlet", "published"],
                                "properties": {"outlet": {"type": "string"}, "published": {"type": "string"}},
                            },
                            {"type": "null"},
                        ]
                    },
                    "cited_sources": {"type": "array", "items": {"type": "string"}},
                    "mentions": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": [
                                "outlet",
                                "url",
                                "title",
                                "published",
                                "sentence",
                                "value",
                                "syndicated",
                            ],
                            "properties": {
                                "outlet": {"type": "string"},
                                "url": {"type": "string"},
                                "title": {"type": "string"},
                                "published": _STR_OR_NULL,
                                "sentence": {"type": "string"},
                                "value": {"oneOf": [_VALUE, {"type": "null"}]},
                                "syndicated": {"type": "boolean"},
                                "also_listed_by": {"type": "array", "items": {"type": "string"}},
                            },
                        },
                    },
                    "conflicts": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["outlet", "value", "sentence"],
                            "properties": {
                                "outlet": {"type": "string"},
                                "value": _VALUE,
                                "sentence": {"type": "string"},
                            },
                        },
                    },
                    "evolving": {"type": "boolean"},
                    "first_outlets": {"type": "array", "items": {"type": "string"}},
                },
            },
        },
    },
}


def _iso(dt: datetime | None) -> str | None:
    return dt.isoformat() if dt is not None else None


def _value(v: Interval | None) -> dict[str, Any] | None:
    return v.to_dict() if v is not None else None


def fact_json(f: Fact, also_listed: Mapping[str, Sequence[str]] | None = None) -> dict[str, Any]:
    also = also_listed or {}
    first = (
        {"outlet": f.first_outlet, "published": _iso(f.first_published)}
        if f.first_outlet and f.first_published
        else None
    )
    return {
        "id": f.id,
        "kind": f.kind,
        "summary": f.summary,
        "value": _value(f.value),
        "unit": f.unit,
        "speaker": f.speaker,
        "outlets": list(f.outlets),
        "independent_outlets": list(f.independent_outlets),
        "first_reported": first,
        "cited_sources": list(f.cited_sources),
        "mentions": [
            {
                "outlet": m.outlet,
                "url": m.url,
                "title": m.title,
                "published": _iso(m.published),
                "sentence": m.claim.sentence,
                "value": _value(m.claim.value),
                "syndicated": m.syndicated,
                **({"fidelity": m.fidelity} if m.fidelity else {}),
                **({"also_listed_by": list(also[m.url])} if also.get(m.url) else {}),
            }
            for m in f.mentions
        ],
        "conflicts": [
            {"outlet": c.outlet, "value": c.value.to_dict(), "sentence": c.sentence} for c in f.conflicts
        ],
        "evolving": f.evolving,
        "first_outlets": first_outlets(f),
    }


def _plain_strings(value: Any) -> Any:
    """Every string in the document as :func:`plain` text: web text reaches JSON consumers (and the
    terminals they print to) without control or bidi characters (U+202E), as in the other exports."""
    if isinstance(value, str):
        return plain(value)
    if isinstance(value, dict):
        return {k: _plain_strings(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_strings(v) for v in value]
    return value


def to_json(result: CompareResult) -> dict[str, Any]:
    return _plain_strings(_document(result))


def _document(result: CompareResult) -> dict[str, Any]:
    return {
        "schema": SCHEMA_ID,
        "topic": result.topic,
        "generated_at": _iso(result.generated_at),
        "window": {"since": _iso(result.since), "until": _iso(result.until)},
        "outlets": [{"id": o.id, "name": o.name, "articles": o.articles} for o in result.outlets],
        "facts": [fact_json(f, result.also_listed) for f in result.facts],
        "citations": [
            {"outlet": c.outlet, "cited": c.cited, "articles": c.articles} for c in result.citations
        ],
    }


def render_json(result: CompareResult) -> str:
    return json_text(to_json(result)) + "\n"

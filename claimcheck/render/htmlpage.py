"""A self-contained HTML page and the pieces to fill it with web text safely.

The page loads nothing: its CSS and JS are inline, and a Content-Security-Policy meta tag allows
exactly those two texts (by their sha256) and nothing else (no other script, style, image, font,
frame or connection; no <base>, no form target). Data for the script goes in a JSON block that
cannot close its element. Shared by the compare report (``render.html``); other reports (such as
``stories``) build their body with ``esc``/``link``/``timeline_svg`` and wrap it with ``page``.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from collections.abc import Sequence
from datetime import datetime
from importlib import resources
from typing import Any

from claimcheck.render.common import day_only, zoned_text
from claimcheck.textsafe import html_escape as esc
from claimcheck.textsafe import json_script, safe_link

__all__ = ["asset", "content_security_policy", "esc", "link", "page", "timeline_svg"]


@functools.cache
def asset(name: str) -> str:
    """A CSS or JS file of ``claimcheck/render/assets``, as text."""
    return (resources.files("claimcheck.render") / "assets" / name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def content_security_policy(css: str, js: str | None) -> str:
    """Nothing may load from anywhere; only this page's own inline style and script may apply."""
    script = _sha256(js) if js else "'none'"
    return (
        f"default-src 'none'; style-src {_sha256(css)}; script-src {script}; "
        "base-uri 'none'; form-action 'none'"
    )


def page(*, title: str, body: str, css: str, js: str | None = None, data: Any = None) -> str:
    """The whole document. ``title`` is plain text (escaped here); ``body`` is HTML built with
    ``esc``/``link``; ``data`` (JSON-able) goes in ``<script type="application/json" id="cc-data">``."""
    parts = [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(css, js)}">\n',
        '<meta name="referrer" content="no-referrer">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="generator" content="claimcheck">\n',
        f"<title>{esc(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n",
        body,
    ]
    if data is not None:
        parts.append(f'\n<script type="application/json" id="cc-data">{json_script(data)}</script>')
    if js:
        parts.append(f"\n<script>{js}</script>")
    parts.append("\n</body>\n</html>\n")
    return "".join(parts)


def link(url: str | None, text: str | None, *, fallback: str = "untitled") -> str:
    """``<a>`` to an http(s) URL with the text escaped; only the text when the URL is not http(s)."""
    label = esc(text) or fallback
    href = safe_link(url)
    if href is None:
        return f"<span>{label}</span>"
    return f'<a href="{esc(href)}">{label}</a>'  # no referrer: the page's meta tag


def _span_text(seconds: float) -> str:
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"+{minutes}m"
    if minutes < 48 * 60:
        return f"+{minutes // 60}h{minutes % 60:02d}"
    return f"+{minutes // 1440}d"


def _clock(when: datetime) -> str:
    """"08:00 UTC" (or "08:00 +0200" for a time kept in another offset)."""
    offset = when.utcoffset()
    zone = "UTC" if offset is not None and not offset else when.strftime("%z")
    return f"{when.strftime('%H:%M')} {zone}".strip()


def timeline_svg(points: Sequence[tuple[datetime, str, str]], *, width: int = 150, label: str = "") -> str:
    """A one-line inline SVG timeline: a dot per (time, name, css class), earliest at the left.

    Each dot has a ``<title>`` (name and time); the text after the line gives the first time and the
    span to the last. Empty when no point is dated. The dots' ``cy`` and ``r`` come from the CSS
    (geometry properties), which keeps a page of thousands of dots small.
    """
    if not points:
        return ""
    pts = sorted(points, key=lambda p: p[0].timestamp())
    t0, t1 = pts[0][0].timestamp(), pts[-1][0].timestamp()
    span = t1 - t0
    pad, y = 5, 8
    one_day = pts[0][0].date() == pts[-1][0].date()
    dots = []
    for when, name, cls in pts:
        x = pad + ((when.timestamp() - t0) / span * (width - 2 * pad) if span else 0)
        stamp = f"{when:%Y-%m-%d}, day only" if day_only(when) else _clock(when) if one_day else zoned_text(when)
        dots.append(
            f'<circle cx="{x:.0f}" class="{esc(cls)}"><title>{esc(name)} {esc(stamp)}</title></circle>'
        )
    first = pts[0][0]
    # Shown in the grid, away from the "times UTC" heading of the evidence: every time says its zone. A first
    # stamped with its day only (00:00, as day-only feeds give it) is that day: no clock time, and no span
    # counted from a midnight that was never a publication time.
    if day_only(first):
        text, first_text = f"{first:%Y-%m-%d} (day)", f"{first:%Y-%m-%d}, day only"
    else:
        text, first_text = _clock(first) + (f" {_span_text(span)}" if span else ""), zoned_text(first)
    title = f"{label} (first {first_text})" if label else ""
    return (
        f'<svg class="tl" width="{width + 90}" height="16" role="img">'
        f"<title>{esc(title)}</title>"
        f'<line x1="{pad}" y1="{y}" x2="{width - pad}" y2="{y}"/>{"".join(dots)}'
        f'<text x="{width + 2}" y="11">{esc(text)}</text></svg>'
    )

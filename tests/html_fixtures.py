"""CompareResults for the HTML report's tests: a synthetic large grid and a page of hostile web text."""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime, timedelta

from claimcheck.models import Claim, CompareResult, Conflict, Fact, Interval, Mention, OutletCount

T0 = datetime(2025, 12, 13, 6, 0, tzinfo=UTC)
WORDS = tuple(
    re.findall(
        r"\w+",
        "officials said the ministry confirmed on Saturday that talks in the capital had ended with an "
        "agreement after negotiators from both sides met for two days and aid convoys were allowed through",
    )
)


def _sentence(rng: random.Random, n: int) -> str:
    """Random words, exactly ``n`` characters long (a full stop at the end)."""
    words = " ".join(rng.choice(WORDS) for _ in range(n // 3))
    return words[: n - 1].rstrip().capitalize().ljust(n - 1, "s") + "."


def synthetic_result(n_facts: int = 200, n_outlets: int = 50, seed: int = 7) -> CompareResult:
    """A story as a large newsroom would see it: ``n_facts`` facts over ``n_outlets`` outlets, each fact
    carried by 2 to 25 of them (mean about 13), with sentences, titles and URLs of realistic length
    (about 200, 80 and 100 characters), some wire copies and some conflicting values."""
    rng = random.Random(seed)
    outlets = [f"outlet{k:02d}" for k in range(n_outlets)]
    names = {o: f"Outlet {k:02d} News" for k, o in enumerate(outlets)}  # real names average ~14 characters
    facts = []
    for i in range(n_facts):
        kind = ("number", "quote", "statement")[i % 3]
        carriers = rng.sample(outlets, rng.randint(2, 25))
        value = Interval.exact(100 + i) if kind == "number" else None
        mentions, conflicts = [], []
        for j, o in enumerate(carriers):
            sentence = _sentence(rng, 190)
            claim = Claim(kind, sentence[:40], sentence, 0, 40, value=value)
            mentions.append(
                Mention(
                    outlet=o,
                    url=f"https://www.{o}.example/news/world/europe/2025/12/13/story-{i}-{j}-talks-agreement-border.html",
                    title=_sentence(rng, 80),
                    published=T0 + timedelta(minutes=rng.randint(0, 600)),
                    claim=claim,
                    syndicated=j % 7 == 6,
                    fidelity="verbatim" if kind == "quote" else None,
                )
            )
            if kind == "number" and j == 3:
                conflicts.append(Conflict(o, Interval.exact(99 + i), sentence, mentions[-1].url))
        mentions.sort(key=lambda m: m.published or T0)
        order = list(dict.fromkeys(m.outlet for m in mentions))
        facts.append(
            Fact(
                id=f"F{i + 1}",
                kind=kind,
                summary=_sentence(rng, 90),
                mentions=tuple(mentions),
                outlets=tuple(order),
                independent_outlets=tuple(
                    o for o in order if any(m.outlet == o and not m.syndicated for m in mentions)
                ),
                first_outlet=order[0],
                first_published=mentions[0].published,
                value=value,
                unit="people" if value else None,
                speaker="A Spokesperson" if kind == "quote" else None,
                conflicts=tuple(conflicts),
            )
        )
    counts = tuple(OutletCount(o, names[o], 5) for o in outlets)
    return CompareResult(
        topic="synthetic story",
        generated_at=T0 + timedelta(days=1),
        since=None,
        until=None,
        outlets=counts,
        facts=tuple(facts),
        article_count=5 * n_outlets,
        known_outlets=names,
    )


# Web text that tries to run script in the report: every place a page's words reach.
PWN = "window.__pwned=1"
PWN_TEXTS = (
    f"</script><script>{PWN}</script>",
    f'<img src=x onerror="{PWN}">',
    f"<!--<script>{PWN}</script>-->",
    f'" onmouseover="{PWN}" x="',
    f"' autofocus onfocus='{PWN}' x='",
    f"<svg onload={PWN}>",
    f"<a href=javascript:{PWN}>x</a>",
    f"\u2028\u2029</SCRIPT ><script>{PWN}</script>",
    "\u202eevil-rtl\u202c \x1b[31mred\x1b[0m",
)
PWN_URLS = (
    f"javascript:{PWN}",
    f'https://ok.example/a"><script>{PWN}</script>',
    f"data:text/html,<script>{PWN}</script>",
)


def pwned_result() -> CompareResult:
    """Two facts whose every piece of web text (topic, outlet names, titles, sentences, summaries,
    units, speakers, cited sources, URLs) carries script."""
    evil = " ".join(PWN_TEXTS)
    outlets = ("evil", "evil2", "evil3")
    facts = []
    for i, kind in enumerate(("number", "quote")):
        mentions = tuple(
            Mention(
                outlet=o,
                url=PWN_URLS[j],
                title=f"{PWN_TEXTS[j]} title {j}",
                published=T0 + timedelta(minutes=10 * j),
                claim=Claim(
                    kind,
                    PWN_TEXTS[j + 3],
                    f"Said 123 {PWN_TEXTS[j + 3]} {evil}",
                    0,
                    3,
                    value=Interval.exact(123) if kind == "number" else None,
                    speaker=evil,
                ),  # fmt: skip
                syndicated=j == 2,
                fidelity="verbatim" if kind == "quote" else None,
            )
            for j, o in enumerate(outlets)
        )
        facts.append(
            Fact(
                id=f"F{i + 1}",
                kind=kind,  # type: ignore[arg-type]
                summary=evil,
                mentions=mentions,
                outlets=outlets,
                independent_outlets=outlets[:2],
                first_outlet="evil",
                first_published=T0,
                value=Interval.exact(123) if kind == "number" else None,
                unit=PWN_TEXTS[0] if kind == "number" else None,
                speaker=evil if kind == "quote" else None,
                cited_sources=(PWN_TEXTS[1], "evil2"),
                conflicts=(Conflict("evil2", Interval.exact(125), evil, PWN_URLS[1]),)
                if kind == "number"
                else (),
            )
        )
    return CompareResult(
        topic=evil,
        generated_at=T0,
        since=None,
        until=None,
        outlets=tuple(OutletCount(o, f"{PWN_TEXTS[k]} name", 1) for k, o in enumerate(outlets)),
        facts=tuple(facts),
        article_count=3,
        known_outlets={o: f"{PWN_TEXTS[k]} name" for k, o in enumerate(outlets)},
    )

"""Small sample pages and feeds for fetch tests (written for claimcheck; not any outlet's text)."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

NAV = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(12))


def article_html(
    title: str, paragraphs: list[str], published: str, *, comments: list[str] = (), canonical: str = ""
) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    comment_html = "".join(f'<div class="comment"><p>{c}</p></div>' for c in comments)
    canon = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return f"""<!DOCTYPE html>
<!-- Sample article written for claimcheck. Not any outlet's text. -->
<html><head><meta charset="utf-8"><title>{title} | Test Outlet</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{published}">
<meta name="author" content="Sam Writer">{canon}</head>
<body><nav><ul>{NAV}</ul></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all 3 cookies?</div>
<main><article><h1>{title}</h1>{body}</article></main>
<aside class="related"><h2>Most read</h2><ul><li><a href="/x">Markets fall 4% on Tuesday</a></li>
<li><a href="/y">Five things to know about 2026</a></li></ul></aside>
<section id="comments" class="comments"><h2>Comments</h2>{comment_html}</section>
<footer>Copyright 2025 Test Outlet. All rights reserved.</footer></body></html>"""


def rss(items: list[dict[str, str]], title: str = "Test feed") -> str:
    out = []
    for it in items:
        pub = format_datetime(datetime.fromisoformat(it["published"])) if it.get("published") else ""
        guid = f"<guid>{it['guid']}</guid>" if it.get("guid") else ""
        link = f"<link>{it['link']}</link>" if it.get("link") else ""
        out.append(f"<item><title>{it.get('title', '')}</title>{link}{guid}<pubDate>{pub}</pubDate></item>")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>{title}</title><link>http://example.org/</link>
<description>test</description>{"".join(out)}</channel></rss>"""


PARAS = [
    "Officials in the coastal city of Marlow said on Monday that 42 families had been moved to temporary shelters "
    "after the river rose above its banks for the second time this month.",
    "The mayor, Jana Okafor, said the council would spend 1.5 million pounds on new flood barriers before the spring.",
    '"We cannot keep asking people to pack their lives into a car every few weeks," Okafor told reporters outside '
    "the town hall, adding that engineers had surveyed 17 sites along the river.",
    "The Environment Agency said water levels were expected to fall slowly over the next three days.",
]

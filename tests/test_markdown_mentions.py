"""A handle quoted from the web ("@someone") in a Markdown report must not notify a GitHub user when the report is
pasted into an issue: GitHub finds mentions in the rendered text, so a backslash does not stop one. The escape
puts an empty HTML comment after the "@": it renders as nothing, and the visible text stays what the page said."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime

import pytest
from markdown_it import MarkdownIt

from claimcheck.compare import CompareOptions, compare
from claimcheck.models import Article, Claim, Interval
from claimcheck.render import render_markdown
from claimcheck.textsafe import markdown_escape

NOW = datetime(2025, 3, 4, 12, 0, tzinfo=UTC)

# GitHub's rule for a user or team mention as html-pipeline's MentionFilter writes it: "@" after the start or a
# character that is not an (ASCII) word character, then a letter or digit.
_GITHUB_MENTION = re.compile(r"(?:^|[^A-Za-z0-9_])@[A-Za-z0-9]")
_COMMENT = "<!-- -->"


def _visible(rendered: str) -> str:
    """What a reader sees: the HTML without its tags and comments, entities read."""
    return html.unescape(re.sub(r"<[^>]*>", "", rendered.replace(_COMMENT, ""))).strip()


@pytest.mark.parametrize(
    "text",
    [
        "@newsdesk_live: quake felt across the city",
        "The minister wrote on X (@gov_minister) that 12 were hurt",
        "as @BBCBreaking put it",
        "see https://social.example/@reporter for the thread",
        "a backslash \\@handle does not stop it",
        "two signs @@handle",
        "after a letter outside ASCII é@handle",
        "a team @org/editors",
    ],
)
def test_a_handle_in_web_text_mentions_nobody_and_reads_as_written(text: str) -> None:
    escaped = markdown_escape(text)
    rendered = MarkdownIt("commonmark").render(escaped)
    assert not _GITHUB_MENTION.search(rendered), rendered
    assert _visible(rendered) == text
    assert rendered.count(_COMMENT) == text.count("@") - text.count("@@")


@pytest.mark.parametrize("text", ["write to press@outlet.example", "user1@host", "user_@host", "a @ sign alone", "@ 5pm", "@-"])
def test_an_address_or_a_lone_sign_is_left_as_it_is(text: str) -> None:
    assert _COMMENT not in markdown_escape(text)


def test_the_comment_survives_the_other_escapes() -> None:
    """The comment is added last: the escape of ">" that text holding "<" gets must not break it."""
    text = "<b>@handle</b> said 3 > 2"
    escaped = markdown_escape(text)
    assert _COMMENT in escaped
    assert _visible(MarkdownIt("commonmark").render(escaped)) == text


def test_a_compare_report_quoting_a_handle_notifies_nobody() -> None:
    sentence = "Officials posted on X as @cityfire_dept that 40 people were evacuated."
    claim = Claim("number", "40", sentence, sentence.index("40"), sentence.index("40") + 2,
                  value=Interval.exact(40), unit="people")  # fmt: skip
    arts = [
        Article(o, f"https://{o}.example/a", "x", f"Evacuation ordered, says @cityfire_dept ({o})", "t", str(n),
                NOW, published=NOW, claims=(claim,))  # fmt: skip
        for n, o in enumerate(["bbc", "cbs"])
    ]
    md = render_markdown(compare("evacuation", arts, {}, CompareOptions(min_outlets=1), generated_at=NOW))
    assert "@cityfire_dept" not in md and "@<!-- -->cityfire\\_dept" in md
    tokens = MarkdownIt("commonmark").enable("table").parse(md)
    inline = [t for tok in tokens if tok.children for t in tok.children]
    # the only raw HTML in the report is the empty comment
    assert {t.content for t in inline if t.type == "html_inline"} == {_COMMENT}
    assert not any(t.type == "html_block" for t in tokens)
    rendered = MarkdownIt("commonmark").enable("table").render(md)
    assert not _GITHUB_MENTION.search(rendered)
    assert "@cityfire_dept that 40 people" in _visible(rendered)

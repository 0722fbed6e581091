"""The entry: articles -> stories (``find_stories``), those worth listing (``list_stories``), ids, order."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from claimcheck.models import Article, Outlet, StoriesResult, Story, StoryArticle, WindowRows
from claimcheck.stories.grouping import group
from claimcheck.stories.index import index_articles
from claimcheck.stories.labels import describe_stories
from claimcheck.stories.records import Articles, StoryOptions, Window, _positions
from claimcheck.stories.wire import _mark_wire_copies
from claimcheck.textsafe import plain


def story_id(article: Article) -> str:
    """``s`` + 10 hex digits of the SHA-1 of the story's earliest article's canonical URL."""
    return story_key_id(article.canonical_url or article.url)


def story_key_id(key: str) -> str:
    """The id of a story whose earliest article has this canonical URL (else URL)."""
    return "s" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def _sort_time(rows: WindowRows, i: int) -> tuple[int, float, str]:
    t, key = rows.published[i], rows.canonical_urls[i] or rows.urls[i]
    return (1, 0.0, key) if t is None else (0, t.timestamp(), key)


def find_stories(
    articles: Articles,
    outlets: Mapping[str, Outlet],
    options: StoryOptions | None = None,
    *,
    wire_copies: bool = True,
    describe: bool = True,
) -> list[Story]:
    """Every article in exactly one story; stories with the most outlets first, then the most recent.

    ``wire_copies=False`` leaves wire-copy detection out (every outlet counts as independent) and
    ``describe=False`` leaves label, terms and topic empty: a caller that shows only some stories
    completes those with :func:`describe_story` and :func:`mark_wire_copies`."""
    options = options or StoryOptions()
    window = Window.of(articles)
    ix = index_articles(window, options)
    groups = group(window, options, ix)
    stories = [_skeleton(g, window) for g in groups]
    del groups
    positions = _positions(window)
    if describe:
        stories = describe_stories(stories, ix, positions)
    del ix
    if wire_copies:
        stories = _mark_wire_copies(stories, window, positions, outlets)
    stories.sort(key=story_order)
    return stories


def story_order(s: Story) -> tuple[int, float, str]:
    last = s.last_published.timestamp() if s.last_published else 0.0
    return (-len(s.outlets), -last, s.id)


def _skeleton(idx: list[int], articles: Articles) -> Story:
    """A story's articles in publication order (undated last), outlets and times; no label yet."""
    rows = articles.rows if isinstance(articles, Window) else Window.of([articles[i] for i in idx]).rows
    if not isinstance(articles, Window):
        idx = list(range(len(idx)))
    order = sorted(idx, key=lambda i: _sort_time(rows, i))
    first = order[0]
    dated = [t for i in order if (t := rows.published[i]) is not None]
    outlets = tuple(dict.fromkeys(rows.outlets[i] for i in order))
    return Story(
        id=story_key_id(rows.canonical_urls[first] or rows.urls[first]),
        label="",
        terms=(),
        topic="",
        outlets=outlets,
        independent_outlets=outlets,
        first_published=min(dated) if dated else None,
        last_published=max(dated) if dated else None,
        first_outlet=rows.outlets[first] if rows.published[first] is not None else None,
        articles=tuple(
            StoryArticle(rows.ids[i], rows.outlets[i], rows.urls[i], plain(rows.titles[i]), rows.published[i])
            for i in order
        ),
    )


def pick(stories: Sequence[Story], *, min_outlets: int = 2, limit: int | None = None) -> list[Story]:
    """The stories covered by at least ``min_outlets`` outlets, at most ``limit`` of them."""
    out = [s for s in stories if len(s.outlets) >= max(1, min_outlets)]
    return out[:limit] if limit else out


def list_stories(
    articles: Articles,
    outlets: Mapping[str, Outlet],
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    min_outlets: int = 2,
    limit: int | None = None,
    options: StoryOptions | None = None,
    generated_at: datetime | None = None,
) -> StoriesResult:
    """Group the window's articles and keep the stories worth listing."""
    options = options or StoryOptions()
    window = Window.of(articles)
    ix = index_articles(window, options)
    every = sorted((_skeleton(g, window) for g in group(window, options, ix)), key=story_order)
    positions = _positions(window)
    stories = describe_stories(pick(every, min_outlets=min_outlets, limit=limit), ix, positions)
    del ix  # memory: the index is not needed for wire copies
    return StoriesResult(
        generated_at=generated_at or datetime.now(UTC),
        since=since,
        until=until,
        article_count=len(window),
        story_count=len(every),
        stories=tuple(_mark_wire_copies(stories, window, positions, outlets)),
        outlet_names={oid: o.name for oid, o in outlets.items()},
    )

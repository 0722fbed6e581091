"""The entry: articles -> stories (``find_stories``), those worth listing (``list_stories``), ids, order."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from claimcheck.collector import paused_gc
from claimcheck.models import Article, Outlet, StoriesResult, Story, StoryArticle, WindowRows
from claimcheck.stories.records import Articles, StoryDetails, StoryMemo, StoryOptions, Window, _positions
from claimcheck.textsafe import plain

if TYPE_CHECKING:
    from claimcheck.stories.index import _Index

# grouping, index, labels and wire (numpy, rapidfuzz) are imported where they are used: stories read back
# from a memo need none of them


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
    from claimcheck.stories.grouping import group
    from claimcheck.stories.index import index_articles
    from claimcheck.stories.labels import describe_stories
    from claimcheck.stories.wire import _mark_wire_copies

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
    memo: StoryMemo | None = None,
) -> StoriesResult:
    """Group the window's articles and keep the stories worth listing. ``memo``: what earlier runs over
    this very window worked out (read, and added to)."""
    options = options or StoryOptions()
    window = Window.of(articles)
    every, ix = window_stories(window, options, memo)
    index = [ix] if ix is not None else []
    del ix  # memory: complete_stories drops the index once the labels are made
    stories = complete_stories(
        pick(every, min_outlets=min_outlets, limit=limit), window, outlets, options, memo, index
    )
    return StoriesResult(
        generated_at=generated_at or datetime.now(UTC),
        since=since,
        until=until,
        article_count=len(window),
        story_count=len(every),
        stories=tuple(stories),
        outlet_names={oid: o.name for oid, o in outlets.items()},
    )


def window_stories(
    window: Window, options: StoryOptions, memo: StoryMemo | None = None
) -> tuple[list[Story], _Index | None]:
    """Every story of the window as a skeleton (no label yet, every outlet independent), in listing order:
    grouped, or from the memo's groups when it has them (grouping adds them to it). The index comes back
    too when it was built for grouping (None when the memo spared it)."""
    groups = memo.groups if memo is not None else None
    ix = None
    if groups is None:
        from claimcheck.stories.grouping import group
        from claimcheck.stories.index import index_articles

        ix = index_articles(window, options)
        groups = group(window, options, ix)
        if memo is not None:
            memo.groups, memo.changed = groups, True
    with paused_gc():  # a record for each article, none of them in a cycle
        return sorted((_skeleton(g, window) for g in groups), key=story_order), ix


def complete_stories(
    stories: Sequence[Story],
    window: Window,
    outlets: Mapping[str, Outlet],
    options: StoryOptions,
    memo: StoryMemo | None = None,
    index: list[_Index] | None = None,
) -> list[Story]:
    """These skeletons described (label, terms, topic) and their wire copies marked, in the same order:
    from the memo's details of a story with these very articles, else worked out and added to the memo.
    ``index``: a list holding the window's index if the caller built one (else it is built when a story
    needs it); it is emptied once the labels are made, so that its memory is free for the wire copies."""
    details = memo.details if memo is not None else {}
    out: list[Story] = list(stories)
    todo = []
    with paused_gc():  # a record for each story and each copy, none of them in a cycle
        for k, story in enumerate(stories):
            known = details.get(story.id)
            if known is not None and _fits(known, story):
                out[k] = _with_details(story, known)
            else:
                todo.append(k)
    if not todo:
        return out
    from claimcheck.stories.index import index_articles
    from claimcheck.stories.labels import describe_stories
    from claimcheck.stories.wire import _mark_wire_copies

    positions = _positions(window)
    ix = index.pop() if index else index_articles(window, options)
    described = describe_stories([stories[k] for k in todo], ix, positions)
    del ix  # memory: the index is not needed for wire copies
    for k, story in zip(todo, _mark_wire_copies(described, window, positions, outlets), strict=True):
        out[k] = story
        if memo is not None:
            memo.details[story.id] = StoryDetails(
                ids=tuple(a.id for a in story.articles),
                label=story.label,
                terms=story.terms,
                topic=story.topic,
                first_outlet=story.first_outlet,
                independent_outlets=story.independent_outlets,
                syndicated=tuple(i for i, a in enumerate(story.articles) if a.syndicated),
            )
            memo.changed = True
    return out


def _fits(known: StoryDetails, story: Story) -> bool:
    """Whether kept details belong to this skeleton: its very articles, and outlets among its own (a kept
    file written by hand or damaged names no outlet the story lacks: the listing shows those ids)."""
    return (
        known.ids == tuple(a.id for a in story.articles)
        and (known.first_outlet is None or known.first_outlet in story.outlets)
        and set(known.independent_outlets) <= set(story.outlets)
    )


def _with_details(story: Story, known: StoryDetails) -> Story:
    copies = set(known.syndicated)
    return replace(
        story,
        label=known.label,
        terms=known.terms,
        topic=known.topic,
        first_outlet=known.first_outlet,
        independent_outlets=known.independent_outlets,
        articles=tuple(
            replace(a, syndicated=True) if i in copies else a for i, a in enumerate(story.articles)
        ),
    )

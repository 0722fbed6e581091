"""Wire copies among each story's articles, as ``compare`` finds them (claimcheck.match.syndication)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from claimcheck.collector import paused_gc
from claimcheck.match.syndication import ShingleTable, find_syndicated, shingle_table, stored_table
from claimcheck.models import Article, Outlet, Story, StoryArticle
from claimcheck.stories.records import Window, _positions


def mark_wire_copies(story: Story, articles: Mapping[str, Article], outlets: Mapping[str, Outlet]) -> Story:
    """The story with its wire copies found (``articles``: url -> Article, as given to find_stories)."""
    return mark_all_wire_copies([story], articles, outlets)[0]


def mark_all_wire_copies(
    stories: Sequence[Story], articles: Mapping[str, Article], outlets: Mapping[str, Outlet]
) -> list[Story]:
    """Each story with its wire copies found as ``compare`` finds them among the story's articles (a story
    of one outlet has none; ``articles``: url -> Article)."""
    window = Window.of(list(articles.values()))
    return _mark_wire_copies(stories, window, _positions(window), outlets)


_WIRE_BATCH = 2000  # articles whose texts are read and looked through at a time (whole stories)


def _mark_wire_copies(
    stories: Sequence[Story], window: Window, positions: Mapping[str, int], outlets: Mapping[str, Outlet]
) -> list[Story]:
    """:func:`mark_all_wire_copies` over a window: the texts of whole stories ``_WIRE_BATCH`` articles at
    a time, each batch in one pass (copies are looked for within a story only, so batches change nothing).
    The cyclic collector is paused: an ``Article`` per article and a record per story, none in a cycle (its
    collections walked the window's and the stories' records: ~5% of the step at 50,000 articles)."""
    with paused_gc():
        return _marked_copies(stories, window, positions, outlets)


def _marked_copies(
    stories: Sequence[Story], window: Window, positions: Mapping[str, int], outlets: Mapping[str, Outlet]
) -> list[Story]:
    copies: dict[int, list[bool]] = {}  # story index -> per article: a wire copy
    batch: list[int] = []
    size = 0
    for k, story in enumerate(stories):
        if len({a.outlet for a in story.articles}) > 1:
            batch.append(k)
            size += len(story.articles)
            if size >= _WIRE_BATCH:
                copies.update(_wire_batch([stories[b] for b in batch], batch, window, positions, outlets))
                batch, size = [], 0
    if batch:
        copies.update(_wire_batch([stories[b] for b in batch], batch, window, positions, outlets))
    out = []
    for k, story in enumerate(stories):
        if k not in copies:
            out.append(replace(story, articles=tuple(_flagged(a, False) for a in story.articles)))
            continue
        seen: dict[str, bool] = {}
        for a, copy in zip(story.articles, copies[k], strict=True):
            seen[a.outlet] = seen.get(a.outlet, False) or not copy
        # a copy dated as its original (copies often keep the agency's timestamp) is not first before it
        tied = [
            (a, c)
            for a, c in zip(story.articles, copies[k], strict=True)
            if a.published == story.first_published
        ]
        original = (
            next((a for a, copy in tied if not copy), None) if story.first_published is not None else None
        )
        out.append(
            replace(
                story,
                first_outlet=original.outlet if original is not None else story.first_outlet,
                independent_outlets=tuple(o for o, indep in seen.items() if indep),
                articles=tuple(_flagged(a, c) for a, c in zip(story.articles, copies[k], strict=True)),
            )
        )
    return out


def _wire_batch(
    stories: Sequence[Story],
    keys: Sequence[int],
    window: Window,
    positions: Mapping[str, int],
    outlets: Mapping[str, Outlet],
) -> dict[int, list[bool]]:
    """Wire copies among these stories' articles (texts read for them, dropped after): key -> flags."""
    pos = [positions[a.url] for story in stories for a in story.articles]
    groups = [k for k, story in zip(keys, stories, strict=True) for _ in story.articles]
    rows = window.rows
    arts = [
        Article(rows.outlets[i], rows.urls[i], rows.canonical_urls[i], rows.titles[i], text, "", rows.fetched[i],
                author=rows.authors[i], published=rows.published[i], id=rows.ids[i])
        for i, text in zip(pos, window.texts(pos), strict=True)
    ]  # fmt: skip
    table = None if window.shingles is None else _stored_shingles(window.shingles(pos), arts)
    syndicated = find_syndicated(arts, outlets, groups=groups, table=table)
    out, start = {}, 0
    for k, story in zip(keys, stories, strict=True):
        out[k] = [start + m in syndicated for m in range(len(story.articles))]
        start += len(story.articles)
    return out


def _stored_shingles(blobs: list[bytes | None], arts: Sequence[Article]) -> ShingleTable:
    """The articles' shingle table from the shingles stored with them; those stored without any (before
    schema 3) are hashed from their cut texts here."""
    missing = [k for k, b in enumerate(blobs) if b is None]
    if missing:
        table = shingle_table([arts[k].text for k in missing])
        hashes = table.hashes.astype("<u4")
        for k, a, b in zip(missing, table.indptr[:-1].tolist(), table.indptr[1:].tolist(), strict=True):
            blobs[k] = hashes[a:b].tobytes()
    return stored_table(blobs)  # type: ignore[arg-type]  # no None left


def _flagged(article: StoryArticle, copy: bool) -> StoryArticle:
    return article if article.syndicated == copy else replace(article, syndicated=copy)

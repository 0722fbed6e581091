"""The count of a stopped fetch (tests/test_cli_stops.py's SIGTERM test once said 1 new article where 2 were
stored, under load): a batch the database thread commits just as the stop cancels the run's tasks counts."""

from __future__ import annotations

import asyncio
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from claimcheck.ingest.records import OutletReport
from claimcheck.ingest.writes import ArticleWriter
from claimcheck.models import Article, Outlet
from claimcheck.store import Store, content_hash


def _article(n: int) -> Article:
    text = f"The harbour board said {n} ferries would run on Sunday, up from two last winter."
    return Article(
        outlet="harbour", url=f"https://harbour.example/{n}", canonical_url=f"https://harbour.example/{n}",
        title=f"Ferries {n}", text=text, content_hash=content_hash(text), fetched=datetime(2026, 3, 2, tzinfo=UTC),
    )  # fmt: skip


def test_a_batch_committed_as_the_stop_comes_is_counted(tmp_path: Path) -> None:
    """The thread commits the batch while the event loop is busy; the stop then cancels every task (as
    asyncio.run does after Ctrl-C or SIGTERM) before the loop has taken the thread's result. The report
    must count what was committed."""
    entered, go, written = threading.Event(), threading.Event(), threading.Event()
    rep = OutletReport("harbour", "Harbour Board News")
    with Store.open(tmp_path / "c.db") as store:
        store.sync_outlets([Outlet("harbour", "Harbour Board News")])
        real = store.add_articles

        def add(items):  # type: ignore[no-untyped-def]
            entered.set()
            go.wait(5)
            try:
                return real(items)
            finally:
                written.set()

        store.add_articles = add  # type: ignore[method-assign]

        async def run() -> None:
            writer = ArticleWriter(store, lambda: False)
            pages = [asyncio.ensure_future(writer.store_article(_article(n), [], rep)) for n in (1, 2)]
            while not entered.is_set():
                await asyncio.sleep(0.001)
            go.set()
            written.wait(5)  # the loop is blocked: the commit's result waits in its queue
            time.sleep(0.01)
            me = asyncio.current_task()
            others = [t for t in asyncio.all_tasks() if t is not me]
            for t in others:
                t.cancel()
            await asyncio.gather(*others, *pages, return_exceptions=True)
            writer.shutdown()

        asyncio.run(run())
        assert store.stats().articles == 2
    assert (rep.new, rep.unchanged) == (2, 0)


def test_an_article_that_moved_to_its_owner_counts_for_the_owner() -> None:
    """One page in two outlets' feeds, stored for the first write's outlet and moved to the outlet whose
    host serves it (store.owner): the summary counted it new for the first and unchanged for the owner,
    which then held it. New for the owner, unchanged for the other, claims with it."""
    from dataclasses import replace

    from claimcheck.claims import extract_claims
    from claimcheck.ingest.writes import count_written

    first, owner = OutletReport("aggregator", "Roundup"), OutletReport("harbour", "Harbour Board News")
    a = _article(3)
    a = replace(a, claims=tuple(extract_claims(a.text)))
    listed = replace(a, outlet="aggregator")
    new_here: dict[int, tuple[OutletReport, int]] = {}
    count_written([(listed, [], first, None)], [(7, True)], {}, new_here)  # type: ignore[list-item]
    assert (first.new, first.claims) == (1, len(a.claims)) > (0, 0)
    count_written([(a, [], owner, None)], [(7, False)], {7: "harbour"}, new_here)  # type: ignore[list-item]
    assert (first.new, first.unchanged, first.claims) == (0, 1, 0)
    assert (owner.new, owner.unchanged, owner.claims) == (1, 0, len(a.claims))
    # not moved (the first outlet still holds it): unchanged for the second, as before
    other = OutletReport("valley", "Valley Times")
    count_written([(replace(a, outlet="valley"), [], other, None)], [(7, False)], {7: "harbour"}, new_here)  # type: ignore[list-item]
    assert (other.new, other.unchanged, owner.new) == (0, 1, 1)

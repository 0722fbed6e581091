"""The stories of a window kept between runs (claimcheck/cli/storycache.py): a second `stories` or a
`compare --story` over the same articles neither indexes nor groups them again, gives what a fresh run
gives, and any change to what the grouping depends on (a new article, the outlets) is a fresh run."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from test_compare_demo import demo_store
from typer.testing import CliRunner

from claimcheck.cli import storycache
from claimcheck.cli.app import app
from claimcheck.models import Article, Outlet, WindowRows
from claimcheck.store import Store
from claimcheck.stories import StoryMemo, StoryOptions, grouping, index

runner = CliRunner()


def stories(db: Path, *more: str, env: dict[str, str] | None = None) -> tuple[int, dict, str]:  # type: ignore[type-arg]
    argv = ["stories", "--since", "2000-01-01", "--min-outlets", "1", "--format", "json", *more]
    r = runner.invoke(app, [*argv, "--db", str(db), "--sources", str(demo_store().sources)], env=env)
    listing = json.loads(r.stdout) if r.exit_code == 0 else {}
    listing.pop("generated_at", None)
    return r.exit_code, listing, r.stderr


def kept() -> list[Path]:
    return sorted(storycache.cache_dir().glob("*.json"))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "stories.db"
    shutil.copy(demo_store().db, path)
    return path


@pytest.fixture
def no_grouping(monkeypatch: pytest.MonkeyPatch) -> None:
    """Indexing or grouping now fails: what runs after this was read from the kept stories."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("grouped again")

    monkeypatch.setattr(index, "index_articles", refuse)
    monkeypatch.setattr(grouping, "group", refuse)


def test_a_second_listing_of_the_same_window_is_read_from_the_kept_stories(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, first, err = stories(db)
    assert code == 0, err
    assert len(kept()) == 1 and len(first["stories"]) >= 3
    monkeypatch.setattr(index, "index_articles", lambda *a, **k: pytest.fail("indexed again"))
    monkeypatch.setattr(grouping, "group", lambda *a, **k: pytest.fail("grouped again"))
    code, second, err = stories(db)
    assert code == 0, err
    assert second == first  # labels, terms, topics, outlets, wire copies: all as the fresh run gave them
    # other --min-outlets / --limit / --source picks of the same window: the same stories, as fresh
    code, top, err = stories(db, "--limit", "2")
    assert code == 0 and top["stories"] == first["stories"][:2], err


def test_a_listing_read_back_from_the_kept_stories_loads_no_grouping_module(db: Path) -> None:
    """The grouping modules, numpy and rapidfuzz (~0.3 s to import) are left unloaded by a listing that reads
    its stories back; the first listing, which groups, loads them."""
    probe = (
        "import atexit, runpy, sys\n"
        "heavy = ('numpy', 'rapidfuzz', 'claimcheck.stories.grouping', 'claimcheck.stories.index')\n"
        "atexit.register(lambda: print('loaded:', *[m for m in heavy if m in sys.modules], file=sys.stderr))\n"
        "runpy.run_module('claimcheck', run_name='__main__')\n"
    )
    argv = ["stories", "--since", "2000-01-01", "--min-outlets", "1", "--format", "json", "--db", str(db),
            "--sources", str(demo_store().sources)]  # fmt: skip
    loaded = []
    for _ in range(2):
        r = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True, text=True, timeout=120)
        assert r.returncode == 0, r.stderr
        loaded.append(r.stderr.splitlines()[-1])
    assert "claimcheck.stories.grouping" in loaded[0] and "numpy" in loaded[0]
    assert loaded[1] == "loaded:"
    assert len(kept()) == 1


def test_the_key_counts_every_column_of_every_row() -> None:
    """Any change to one value of one column is another key: a character moved from one title to the next,
    no author and an empty one, an undated article, a later fetch, one row fewer."""
    noon = datetime(2026, 3, 4, 12, tzinfo=UTC)
    rows = WindowRows(
        [7, 8], ["harbour-news", "valley-post"], ["http://127.0.0.1/a", "http://127.0.0.1/b"],
        ["http://127.0.0.1/a", "http://127.0.0.1/b"], ["Council votes on the bridge", "Bridge reopens"],
        [None, "A. Writer"], [noon, noon + timedelta(hours=2)], [noon, noon],
    )  # fmt: skip
    outlets = {
        "harbour-news": Outlet("harbour-news", "Harbour News"),
        "valley-post": Outlet("valley-post", "Valley Post"),
    }
    key = storycache.window_key(rows, outlets, StoryOptions())
    changed = [
        replace(rows, ids=[7, 9]),
        replace(rows, outlets=["valley-post", "harbour-news"]),
        replace(rows, urls=["http://127.0.0.1/a", "http://127.0.0.1/c"]),
        replace(rows, canonical_urls=["http://127.0.0.1/a", "http://127.0.0.1/a"]),
        replace(rows, titles=["Council votes on the bridg", "eBridge reopens"]),
        replace(rows, authors=["", "A. Writer"]),
        replace(rows, published=[noon, None]),
        replace(rows, fetched=[noon, noon + timedelta(seconds=1)]),
        WindowRows(*(column[:1] for column in vars(rows).values())),
    ]
    keys = {storycache.window_key(other, outlets, StoryOptions()) for other in changed}
    assert key not in keys and len(keys) == len(changed)
    assert storycache.window_key(replace(rows), outlets, StoryOptions()) == key


def test_a_new_article_or_other_outlets_group_afresh(db: Path, tmp_path: Path) -> None:
    code, first, _ = stories(db)
    assert code == 0
    with Store.open(db) as store:
        last = max(store.iter_articles(), key=lambda a: a.published or a.fetched)
        url = "http://127.0.0.1:9/late/brief.html"
        added = Article(last.outlet, url, url, "A late brief on another matter entirely", "Nothing in common "
                        "with any stored story: a village fete moved indoors because of rain.", "late-brief",
                        last.fetched, published=(last.published or last.fetched) + timedelta(hours=1))  # fmt: skip
        store.add_article(added)
    code, second, _ = stories(db)
    assert code == 0 and len(kept()) == 2
    assert any(a["url"] == url for s in second["stories"] for a in s["articles"])
    assert second["stories"] != first["stories"]
    # the same articles with an outlet's settings changed (named a wire service): another key
    src = tmp_path / "sources.yaml"
    text = demo_store().sources.read_text()
    src.write_text(
        text.replace("wire: false", "wire: true", 1)
        if "wire: false" in text
        else text.replace("name:", "wire: true\n    name:", 1)
    )
    r = runner.invoke(
        app, ["stories", "--since", "2000-01-01", "--format", "json", "--db", str(db), "--sources", str(src)]
    )
    assert r.exit_code == 0, r.stderr
    assert len(kept()) == 3


@pytest.mark.parametrize(
    "damage",
    [
        "not json at all {",
        '{"format": 1, "key": "another", "groups": [], "details": {}}',
        "@groups-missing-one",
        "@groups-twice",
        "@details-wrong-types",
        "@details-other-articles",
        "@nested-deep",
        "@details-foreign-outlets",
    ],
)
def test_a_damaged_or_foreign_cache_file_is_a_miss_and_the_listing_is_as_fresh(db: Path, damage: str) -> None:
    code, first, _ = stories(db)
    (path,) = kept()
    data = json.loads(path.read_text())
    if damage == "@groups-missing-one":
        data["groups"][0] = data["groups"][0][1:] or data["groups"][1]
    elif damage == "@groups-twice":
        data["groups"].append(list(data["groups"][0]))
    elif damage == "@details-wrong-types":
        next(iter(data["details"].values()))["label"] = 7
    elif damage == "@details-other-articles":
        for d in data["details"].values():
            d["ids"] = [-5 for _ in d["ids"]]
            d["label"] = "A LABEL NOBODY WROTE"
    elif damage == "@details-foreign-outlets":
        for d in data["details"].values():
            d["first_outlet"], d["independent_outlets"] = "no-such-outlet", ["no-such-outlet"]
    if damage == "@nested-deep":  # json's decoder raises RecursionError on arrays nested this deep
        damage = (
            json.dumps({"format": 1, "key": data["key"]})[:-1]
            + ', "groups": '
            + "[" * 50_000
            + "]" * 50_000
            + "}"
        )
    path.write_text(json.dumps(data) if damage.startswith("@") else damage)
    code, second, err = stories(db)
    assert code == 0, err
    assert second == first
    assert "A LABEL NOBODY WROTE" not in json.dumps(second) and "no-such-outlet" not in json.dumps(second)


def test_no_cache_and_an_unwritable_cache_folder(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, fresh, said = stories(db, "--no-cache")
    assert code == 0 and kept() == []
    monkeypatch.setenv("CLAIMCHECK_NO_CACHE", "1")
    assert stories(db)[1] == fresh and kept() == []
    monkeypatch.delenv("CLAIMCHECK_NO_CACHE")
    blocker = tmp_path / "a file"
    blocker.write_text("")
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(blocker))  # its stories/ folder cannot be made
    code, listing, err = stories(db)
    assert code == 0 and listing == fresh and err == said, err  # no word about the cache


def test_compare_story_uses_the_kept_groups_and_compares_the_same_articles(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = str(demo_store().sources)
    code, listing, _ = stories(db)
    assert code == 0
    story = listing["stories"][0]

    def compare() -> dict:  # type: ignore[type-arg]
        r = runner.invoke(
            app, ["compare", "--story", story["id"], "--format", "json", "--db", str(db), "--sources", src],
            env={"CLAIMCHECK_NO_CACHE": ""},
        )  # fmt: skip
        assert r.exit_code == 0, r.stderr
        out = json.loads(r.stdout)
        out.pop("generated_at", None)
        return out

    monkeypatch.setenv("CLAIMCHECK_NO_CACHE", "1")
    fresh = compare()
    monkeypatch.delenv("CLAIMCHECK_NO_CACHE")
    monkeypatch.setattr(index, "index_articles", lambda *a, **k: pytest.fail("indexed again"))
    monkeypatch.setattr(grouping, "group", lambda *a, **k: pytest.fail("grouped again"))
    assert compare() == fresh
    assert story["label"] in json.dumps(fresh)


def test_a_memo_gives_what_a_fresh_run_gives_in_process() -> None:
    """list_stories with an empty memo fills it; with the filled memo it gives the same result."""
    from claimcheck.cli.stories import outlet_map, store_window
    from claimcheck.config import load_sources
    from claimcheck.stories import list_stories

    with Store.open(demo_store().db, create=False, read_only=True) as store:
        window = store_window(store, None, None, None)
        outlets = outlet_map(load_sources(demo_store().sources), store, window.rows.outlets)
        memo = StoryMemo()
        fresh = list_stories(window, outlets, min_outlets=1, memo=memo)
        assert memo.changed and memo.groups is not None and len(memo.details) == len(fresh.stories)
        memo.changed = False
        again = list_stories(window, outlets, min_outlets=1, memo=memo, generated_at=fresh.generated_at)
    assert again == fresh and not memo.changed


def test_reindex_forgets_the_kept_stories_and_a_dead_runs_temporary_file_goes(db: Path) -> None:
    """reindex rewrites the stored shingles wire copies are found with (the key does not cover them); a run
    killed while writing left a temporary file that nothing removed."""
    import os
    import time

    code, listing, _ = stories(db)
    assert code == 0 and len(kept()) == 1
    folder = storycache.cache_dir()
    dead, fresh = folder / ".stories-dead.tmp", folder / ".stories-writing.tmp"
    for path in (dead, fresh):
        path.write_text("{")
    os.utime(dead, (time.time() - 7200, time.time() - 7200))
    outlet = listing["stories"][0]["outlets"][0]
    assert stories(db, "--source", outlet)[0] == 0  # another window: a file is written
    assert not dead.exists() and fresh.exists()  # a run writing now is left alone
    r = runner.invoke(app, ["reindex", "-q", "--db", str(db), "--sources", str(demo_store().sources)])
    assert r.exit_code == 0, r.stderr
    assert kept() == []

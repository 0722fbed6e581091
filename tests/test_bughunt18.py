"""bughunt18: what a demanding user hits on the hostile web, on bad input and on two machines. Each test
failed on the code before its fix; pages and feeds are served over real sockets on loopback."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest
from loopback import Site
from pages import PARAS, article_html, rss
from soundness import assert_sound

from claimcheck.config import parse_sources
from claimcheck.ingest.extract import extract_page, flatten_deep_nesting
from claimcheck.ingest.http import FetchSettings
from claimcheck.ingest.pipeline import FetchOptions, run_fetch
from claimcheck.store import Store

FAST = FetchSettings(timeout=5, retries=1, backoff=0.05)
HTML = {"Content-Type": "text/html; charset=utf-8"}
RSS = {"Content-Type": "application/rss+xml"}
PUBLISHED = "2025-12-10T08:00:00+01:00"


def _wrapped(open_tag: str, n: int, *, closed: bool) -> str:
    """The sample article inside ``n`` levels of ``open_tag`` (closed after it, or never)."""
    name = open_tag[1:].split()[0].rstrip(">")
    html = article_html("Harbour report", PARAS, PUBLISHED).replace("<main>", open_tag * n + "<main>")
    return html.replace("</main>", "</main>" + f"</{name}>" * n) if closed else html


@pytest.mark.parametrize(
    ("open_tag", "n", "closed"),
    [
        ("<div class='wrap'>", 300, True),
        ("<font size=2>", 300, False),
        ("<span>", 10_000, True),
        ("<b>", 10_000, False),
    ],
)
def test_an_article_nested_deeper_than_libxml2_reads_is_still_stored(
    open_tag: str, n: int, closed: bool, tmp_path: Path
) -> None:
    """libxml2 stops reading an HTML page at its 256th level of nesting: an article inside 300 nested
    wrappers (a page builder's), or after 300 unclosed <font> tags (a broken template in a loop), was
    "no article text found", though a browser shows it. The tags past 200 levels are left out, the text kept."""
    row = fetch_one_page(tmp_path, _wrapped(open_tag, n, closed=closed))
    assert all(p.split(",")[0] in row["text"] for p in PARAS), row["text"]


def fetch_one_page(tmp_path: Path, page: str, feed_title: str = "a") -> dict:  # type: ignore[type-arg]
    """Serve one page listed in one feed (as ``feed_title``) over loopback, fetch it with the real pipeline into
    tmp_path/s.db, and give its stored row (the store checked sound, the page stored as new)."""
    site = Site()
    try:
        site.route("/a.html", page, headers=HTML)
        site.route("/feed.xml", rss([{"title": feed_title, "link": site.url("/a.html"), "guid": "a"}]), headers=RSS)
        sources = parse_sources(f"outlets:\n  - {{id: o, name: O, feeds: ['{site.url('/feed.xml')}']}}\n")
        with Store.open(tmp_path / "s.db") as store:
            report = run_fetch(sources, store, FetchOptions(settings=FAST, workers=0, allow_private=True))
    finally:
        site.close()
    assert report.outlets[0].new == 1, report.outlets[0].reasons
    (row,) = assert_sound(tmp_path / "s.db")
    return row


def test_flattening_keeps_every_word_and_leaves_a_shallow_page_as_it_is() -> None:
    page = article_html("Harbour report", PARAS, PUBLISHED)
    assert flatten_deep_nesting(page) == page
    deep = "<div>" * 500 + "<p>one <b>two</b> three</p>" + "<!-- <div><div> -->" + "</div>" * 500
    flat = flatten_deep_nesting(deep)  # (the two in the comment are no tags, and stay)
    assert (
        flat.count("<div>") == 200 + 2 and flat.count("</div>") == 200 and "<p>one two three</p>" in flat
    )  # (<b> is past 200 levels)
    assert extract_page(_wrapped("<div>", 400, closed=True), "http://127.0.0.1/a").text.count("Marlow") == 1


def _serve_articles(site: Site, prefix: str, n: int) -> None:
    for i in range(n):
        paras = [*PARAS, f"Item {prefix}{i}: {i * 3 + 5} ferries were held at the pier for the night."]
        site.route(f"/{prefix}{i}.html", article_html(f"{prefix} {i}", paras, PUBLISHED), headers=HTML)
    items = [{"title": f"{prefix}{i}", "link": site.url(f"/{prefix}{i}.html"), "guid": f"{prefix}{i}"} for i in range(n)]
    site.route("/feed.xml", rss(items), headers=RSS)


@pytest.mark.slow
def test_a_file_size_limit_reached_mid_fetch_is_said_and_loses_nothing(tmp_path: Path) -> None:
    """A write refused by the system (``ulimit -f``, EFBIG; a disk that fails a write) is SQLite's
    SQLITE_IOERR_WRITE, "disk I/O error": the fetch said `database error: disk I/O error`, which reads as a
    broken disk and says nothing of the articles stored. Now it says what can cause it and that what was
    stored is kept (the batch written is rolled back and fetched again next run), as for a full disk."""
    import resource
    import subprocess
    import sys

    site = Site()
    db, src = tmp_path / "c.db", tmp_path / "s.yaml"
    try:
        src.write_text(f"outlets: [{{id: a, name: A, feeds: ['{site.url('/feed.xml')}']}}]\n")
        _serve_articles(site, "first", 3)
        with Store.open(db) as store:
            run_fetch(parse_sources(src.read_text()), store, FetchOptions(settings=FAST, workers=0, allow_private=True))
        _serve_articles(site, "second", 40)
        limit = db.stat().st_size  # the file may not grow, nor may its -wal past the same size

        def cap() -> None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))

        argv = [sys.executable, "-m", "claimcheck", "fetch", "--allow-private", "--workers", "0", "-q"]
        r = subprocess.run(
            [*argv, "--db", str(db), "--sources", str(src)],
            capture_output=True, text=True, preexec_fn=cap, timeout=60, env={**os.environ, "CLAIMCHECK_HOME": str(tmp_path)},
        )  # fmt: skip
        assert r.returncode == 2, (r.returncode, r.stderr)
        assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr
        assert "nothing was lost" in r.stderr and "file size limit" in r.stderr, r.stderr
        titles = {row["title"] for row in assert_sound(db)}
        assert {"first 0", "first 1", "first 2"} <= titles and len(titles) < 43
        with Store.open(db) as store:  # the limit lifted: the run completes
            run_fetch(parse_sources(src.read_text()), store, FetchOptions(settings=FAST, workers=0, allow_private=True))
        assert len(assert_sound(db)) == 43
    finally:
        site.close()


def test_a_write_the_system_refused_is_said_as_such() -> None:
    import sqlite3

    from claimcheck.store.sqlite_file import explain

    refused = sqlite3.OperationalError("disk I/O error")
    refused.sqlite_errorcode = 778  # SQLITE_IOERR_WRITE, as an EFBIG write gives it
    assert "file size limit" in explain(refused) and "nothing was lost" in explain(refused)
    read = sqlite3.OperationalError("disk I/O error")
    read.sqlite_errorcode = 266  # SQLITE_IOERR_READ: nothing is said of what was kept
    assert explain(read) == "database error: disk I/O error"


def test_stories_written_to_a_file_names_a_database_path_that_is_not_utf8(tmp_path: Path) -> None:
    """`stories --db <latin-1 path> -o x.md` stopped on `internal error: UnicodeEncodeError`: the report's
    "compare it with" command held the path's undecodable bytes. They are now spelt as a shell's $'\\351'
    escapes, so the report is UTF-8 and the command, pasted into a shell, names the same file."""
    from typer.testing import CliRunner

    from claimcheck.cli.app import app

    folder = tmp_path / os.fsdecode(b"r\xe9sum\xe9")
    folder.mkdir()
    db = folder / os.fsdecode(b"news\xff.db")
    _two_outlets_on_one_story(db)
    out = tmp_path / "stories.md"
    r = CliRunner().invoke(app, ["stories", "--db", str(db), "-o", str(out), "--no-cache", "-q"])
    assert r.exit_code == 0, r.output
    text = out.read_text(encoding="utf-8")
    assert "--db $'" in text and "r\\351sum\\351/news\\377.db'" in text, text


def _two_outlets_on_one_story(db: Path) -> None:
    site = Site()
    try:
        for o in ("alpha", "beta"):
            site.route(f"/{o}.html", article_html(f"{o} harbour report", PARAS, PUBLISHED), headers=HTML)
            site.route(f"/{o}.xml", rss([{"title": o, "link": site.url(f"/{o}.html"), "guid": o}]), headers=RSS)
        lines = "".join(f"  - {{id: {o}, name: {o}, feeds: ['{site.url(f'/{o}.xml')}']}}\n" for o in ("alpha", "beta"))
        with Store.open(db) as store:
            run_fetch(parse_sources("outlets:\n" + lines), store, FetchOptions(settings=FAST, workers=0, allow_private=True))
    finally:
        site.close()


@pytest.mark.parametrize("name", ["x.md", "x.html", "x.json"])
def test_a_topic_typed_in_a_terminal_that_is_not_utf8_is_read_and_written(tmp_path: Path, name: str) -> None:
    """`compare` with a topic of latin-1 or windows-1252 bytes (a terminal that is not UTF-8: curly quotes
    \\x93 \\x94 around a name) searched, then stopped on `internal error: UnicodeEncodeError` writing the
    report to a file. Each such byte is now read as windows-1252, as a web page's stray bytes are."""
    from typer.testing import CliRunner

    from claimcheck.cli.app import app

    db = tmp_path / "s.db"
    _two_outlets_on_one_story(db)
    out = tmp_path / name
    topic = os.fsdecode(b"\x93Marlow\x94")
    r = CliRunner().invoke(app, ["compare", topic, "--db", str(db), "-o", str(out), "-q"])
    assert r.exit_code == 0, r.output
    assert "\u201cMarlow\u201d" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(("agent", "said"), [("caf\\u00e9 news", "U+00E9"), ("bot\\0", "U+0000"), ("bot\\x7f", "U+007F")])
def test_a_user_agent_no_http_header_can_hold_is_a_config_error(agent: str, said: str) -> None:
    """`sources --check` said OK to `user_agent: "café news"`, then every fetch stopped on `internal error:
    UnicodeEncodeError` (a NUL failed every request instead). Now the file is refused, with its line."""
    from claimcheck.errors import ConfigError

    text = f'defaults: {{user_agent: "{agent}"}}\noutlets:\n  - {{id: a, name: A, feeds: ["http://127.0.0.1:9/f"]}}\n'
    with pytest.raises(ConfigError) as got:
        parse_sources(text)
    assert f"defaults.user_agent: an HTTP header takes printable ASCII only; this has {said}" in str(got.value)
    ok = 'defaults: {user_agent: "claimcheck/1.0 (+https://example.org;\\tops@example.org)"}\noutlets:\n  - {id: a, name: A}\n'
    assert parse_sources(ok).defaults.user_agent.startswith("claimcheck/1.0")


@pytest.mark.slow
def test_a_killed_fetch_leaves_no_worker_holding_its_output_open(tmp_path: Path) -> None:
    """A fetch killed (SIGKILL: the OOM killer; or SIGHUP) stays a zombie until its parent reaps it, and the
    extraction workers took a zombie's pid for a live parent: a caller that reads the output to its end
    before reaping (``subprocess.run(..., capture_output=True)``, ``communicate()``) waited for ever, the
    workers holding the output open. They now watch the parent's end of the pipe they were started through."""
    import signal
    import subprocess

    from test_crash import publish, sources, start, wait_for

    site = Site()
    try:
        publish(site, delay=0.12)
        db = tmp_path / "c.db"
        proc = start(sources(site, tmp_path), db)
        try:
            wait_for(db, 1, proc)  # the pool is up: its workers extracted the first article
            proc.send_signal(signal.SIGKILL)
            try:
                proc.communicate(timeout=10)  # reads stdout and stderr to their end, then reaps
            except subprocess.TimeoutExpired:
                pytest.fail("the output was still held open 10 s after the fetch was killed")
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)
    finally:
        site.close()
    assert_sound(db)


def test_opening_a_database_another_program_holds_locked_can_be_stopped(tmp_path: Path) -> None:
    """With another program holding the file locked (a `sqlite3` shell in an exclusive transaction),
    `stats`, `articles`, `compare` and `stories` waited in SQLite's busy handler, which heeds no signal:
    Ctrl-C ended them only when the minute of the busy timeout was over (58 s after it). The open's first
    look now waits in slices of 0.2 s, and the Ctrl-C ends it between two."""
    import signal
    import sqlite3
    import threading
    import time

    db = tmp_path / "s.db"
    Store.open(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")

    class Stopped(Exception):
        pass

    def on_ctrl_c(signum: int, frame: object) -> None:
        raise Stopped

    old = signal.signal(signal.SIGINT, on_ctrl_c)
    timer = threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT))
    start = time.monotonic()
    try:
        timer.start()
        with pytest.raises(Stopped):
            Store.open(db, read_only=True)
    finally:
        timer.cancel()
        signal.signal(signal.SIGINT, old)
        holder.execute("ROLLBACK")
        holder.close()
    assert time.monotonic() - start < 2


def test_a_json_feed_nested_too_deep_is_not_called_not_utf8() -> None:
    """A JSON Feed whose items are arrays nested 200,000 deep failed as `malformed JSON feed (not UTF-8
    JSON)`, which sent its reader looking at the bytes; the feed still fails alone, with the reason it has."""
    from claimcheck.errors import FeedParseError
    from claimcheck.ingest.feeds import parse_feed

    body = ('{"version": "https://jsonfeed.org/version/1.1", "items": ' + "[" * 200_000 + "]" * 200_000 + "}").encode()
    with pytest.raises(FeedParseError, match=r"malformed JSON feed \(nested too deep\)"):
        parse_feed(body, "http://127.0.0.1:9/feed.json", "application/feed+json")


@pytest.mark.slow  # two fetcher processes on PostgreSQL, as the other multi-process cases of test_pg
def test_two_auto_sharded_fetchers_of_different_sources_each_fetch_their_outlets(tmp_path: Path, pg_url: str) -> None:
    """Two `fetch --shard auto` in one round, one machine's sources.yaml edited before the other's: both
    name `alpha` (host 1); A also has `gamma` and B `delta`, both on host 2. The queue was keyed by the host
    alone: whichever fetcher took host 2 fetched only its own outlet there, and the other found host 2 done
    in the round, its outlet there not fetched, with exit 0 and not a word. The key is now the host and the
    fetcher's outlets on it: each outlet is fetched, and `alpha`'s host is still taken by one fetcher."""
    import json
    import time

    from test_pg import _held_by, pg_count, reap, start

    one, two = Site(), Site(host="127.0.0.2")
    try:
        feeds = {}
        for site, o in ((one, "alpha"), (two, "gamma"), (two, "delta")):
            items = []
            for i in range(4):
                paras = [*PARAS, f"Report {i} of {o}: {i * 7 + 3} boats were moored along the quay."]
                # slow pages: a is still in its round when b has started, even on a loaded machine
                site.route(f"/{o}/{i}.html", article_html(f"{o} report {i}", paras, PUBLISHED), headers=HTML, delay=1.0)
                items.append({"title": f"{o} {i}", "link": site.url(f"/{o}/{i}.html"), "guid": f"{o}-{i}"})
            site.route(f"/{o}/feed.xml", rss(items), headers=RSS)
            feeds[o] = site.url(f"/{o}/feed.xml")

        def sources(name: str, ids: tuple[str, ...]) -> Path:
            path = tmp_path / name
            lines = "".join(f"  - {{id: {o}, name: {o}, feeds: ['{feeds[o]}'], allow_private: true}}\n" for o in ids)
            path.write_text("outlets:\n" + lines)
            return path

        a = start(sources("a.yaml", ("alpha", "gamma")), pg_url, tmp_path, "--shard", "auto", "--json")
        # b starts once a holds a host (as test_pg's killed-fetcher case): with a fixed pause, a loaded machine
        # could let a finish its whole round before b began one of its own, and both took alpha's host (seen in
        # CI run beside the held-out evaluations)
        end = time.monotonic() + 30
        while not _held_by(pg_url, a) and a.poll() is None and time.monotonic() < end:
            time.sleep(0.02)
        b = start(sources("b.yaml", ("alpha", "delta")), pg_url, tmp_path, "--shard", "auto", "--json")
        outs = []
        for proc in (a, b):
            out, err = proc.communicate(timeout=120)
            reap(proc)
            assert proc.returncode == 0, err
            outs.append({o["outlet"] for o in json.loads(out)["outlets"]})
    finally:
        one.close()
        two.close()
    stored = {o: pg_count(pg_url, f"SELECT count(*) FROM articles WHERE outlet = '{o}'") for o in feeds}
    assert stored == {"alpha": 4, "gamma": 4, "delta": 4}, (stored, outs)
    assert len([s for s in outs if "alpha" in s]) == 1  # one fetcher took alpha's host

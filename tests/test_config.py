from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli.app import app
from claimcheck.config import load_sources, parse_sources
from claimcheck.errors import ConfigError
from claimcheck.paths import packaged_sources

runner = CliRunner()

GOOD = """\
defaults:
  user_agent: "claimcheck-test/1"
  timeout: 5
outlets:
  - id: bbc
    name: BBC News
    aliases: [BBC]
    homepage: https://www.bbc.com/news
    country: GB
    language: en
    feeds: [https://feeds.bbci.co.uk/news/world/rss.xml]
  - id: reuters
    name: Reuters
    wire: true
    sitemaps: ["https://www.reuters.com/arc/outboundfeeds/news-sitemap/?outputType=xml"]
    enabled: false
"""


def test_good_file_loads_every_field() -> None:
    s = parse_sources(GOOD)
    assert s.defaults.user_agent == "claimcheck-test/1"
    assert s.defaults.timeout == 5
    assert s.defaults.per_host == 2  # unset: the default
    bbc, reuters = s.outlets
    assert bbc.aliases == ("BBC",) and bbc.country == "GB" and bbc.feeds[0].startswith("https://feeds.bbci")
    assert reuters.wire and not reuters.enabled and reuters.sitemaps
    assert s.alias_map()["bbc"] == "bbc" and s.alias_map()["bbc news"] == "bbc"


BAD = [
    ("outlets:\n  - id: bbc\n", ":2: outlets[0].name: missing"),
    ("outlets:\n  - {id: a, name: A}\n  - {id: a, name: B}\n", ":3: outlets[1].id: duplicate id 'a'"),
    (
        "outlets:\n  - id: a\n    name: A\n    feeds: [not-a-url]\n",
        ":4: outlets[0].feeds[0]: not an http(s) URL",
    ),
    (
        "outlets:\n  - id: a\n    name: A\n    feed: [https://x.org/f]\n",
        ":4: outlets[0].feed: unknown key 'feed' (did you mean 'feeds'?)",
    ),
    (
        "outlets:\n  - id: a\n    name: A\n    wire: sometimes\n",
        ":4: outlets[0].wire: expected true or false",
    ),
    (
        "outlets:\n  - id: a\n    name: A\n    feeds: https://x.org/f\n",
        ":4: outlets[0].feeds: expected a list",
    ),
    ("defaults:\n  timeout: fast\noutlets: [{id: a, name: A}]\n", ":2: defaults.timeout: expected a number"),
    ("outlets: []\n", ":1: outlets: the list is empty"),
    ("outlets:\n  - id: a\n    name: [A\n", "not valid YAML"),
    ("", "is empty"),
    ("outlets:\n  - &o {id: a, name: A}\n  - *o\n", "anchors and aliases are not supported"),
    ("outlets:\n  - {id: Bad Id, name: A}\n", "is not a slug"),
    # One name for two outlets: "according to Harbour Post" was credited to whichever came first, silently
    (
        "outlets:\n  - {id: a, name: A, aliases: [Harbour Post]}\n  - {id: b, name: harbour post}\n",
        ":3: outlets[1].name: 'harbour post' also names outlets[0] (a)",
    ),
    (
        "outlets:\n  - {id: a, name: A}\n  - {id: b, name: B, aliases: [a]}\n",
        ":3: outlets[1].aliases[0]: 'a' also names outlets[0] (a)",
    ),
    # YAML's .nan and .inf are floats: a NaN timeout failed every request, an infinite delay fetched nothing
    (
        "defaults:\n  timeout: .nan\noutlets: [{id: a, name: A}]\n",
        ":2: defaults.timeout: expected a finite number",
    ),
    (
        "defaults:\n  delay: .inf\noutlets: [{id: a, name: A}]\n",
        ":2: defaults.delay: expected a finite number",
    ),
    ("defaults:\n  extract_timeout: -.inf\noutlets: [{id: a, name: A}]\n", "expected a finite number"),
    # A language by its name was read as no language, so as English: "language: German" gave an outlet's
    # undecided pages English claims, "language: en" was the only way to say it
    (
        "outlets:\n  - {id: a, name: A, language: German}\n",
        ":2: outlets[0].language: 'German' is not a language code (ISO 639: en, de, fr, pt-BR, ...)",
    ),
    ("outlets:\n  - {id: a, name: A, language: und}\n", "'und' is not a language code"),
]


@pytest.mark.parametrize("code", ["en", "de", "pt-BR", "en_GB", "eng", "zh-Hant-TW"])
def test_a_language_code_is_kept_as_written(code: str) -> None:
    (outlet,) = parse_sources(f"outlets:\n  - {{id: a, name: A, language: {code}}}\n").outlets
    assert outlet.language == code


@pytest.mark.parametrize("text,message", BAD)
def test_bad_files_name_file_line_and_field(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError) as e:
        load_sources(path)
    assert str(e.value).startswith(str(path))
    assert message in str(e.value)
    result = runner.invoke(app, ["sources", "--check", "--sources", str(path)])
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    r = runner.invoke(app, ["sources", "--sources", str(tmp_path / "nope.yaml")])
    assert r.exit_code == 2 and "no such file" in r.output
    r = runner.invoke(app, ["sources", "--sources", str(tmp_path)])
    assert r.exit_code == 2 and "is a directory" in r.output
    (tmp_path / "bin.yaml").write_bytes(b"\xff\xfe\x00garbage")
    r = runner.invoke(app, ["sources", "--sources", str(tmp_path / "bin.yaml")])
    assert r.exit_code == 2 and "not UTF-8" in r.output


def test_huge_files_are_refused_quickly(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# " + b"x" * 9_000_000 + b"\noutlets: []\n")
    with pytest.raises(ConfigError, match="limited to"):
        load_sources(big)


@pytest.mark.slow  # CI's second run (pyproject.toml)
def test_ten_thousand_outlets_load(tmp_path: Path) -> None:
    lines = ["outlets:"] + [
        f"  - {{id: o{i}, name: Outlet {i}, feeds: [https://o{i}.example.org/f.xml]}}" for i in range(10_000)
    ]
    path = tmp_path / "many.yaml"
    path.write_text("\n".join(lines))
    t0 = time.monotonic()
    assert len(load_sources(path).outlets) == 10_000
    assert time.monotonic() - t0 < 60  # a hang guard, not a speed target (about 3 s idle; bench has speed)


def test_lookup_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_sources().path == str(packaged_sources())
    (tmp_path / "sources.yaml").write_text("outlets:\n  - {id: local, name: Local}\n")
    assert load_sources().outlets[0].id == "local"
    env = tmp_path / "env.yaml"
    env.write_text("outlets:\n  - {id: env, name: Env}\n")
    monkeypatch.setenv("CLAIMCHECK_SOURCES", str(env))
    assert load_sources().outlets[0].id == "env"
    explicit = tmp_path / "explicit.yaml"
    explicit.write_text("outlets:\n  - {id: explicit, name: Explicit}\n")
    assert load_sources(explicit).outlets[0].id == "explicit"


def test_packaged_default_has_the_required_outlets() -> None:
    s = load_sources(packaged_sources())
    ids = {o.id for o in s.outlets}
    required = {
        "bbc",
        "aljazeera",
        "cbsnews",
        "latimes",
        "lemonde",
        "toi",
        "scmp",
        "abcnews",
        "guardian",
        "npr",
        "dw",
        "france24",
        "reuters",
        "ap",
    }
    assert required <= ids
    assert s.outlet("reuters").wire and s.outlet("ap").wire  # type: ignore[union-attr]
    aliases = s.alias_map()
    for name, oid in [("india times", "toi"), ("toi", "toi"), ("ap", "ap"), ("la times", "latimes")]:
        assert aliases[name] == oid
    for o in s.outlets:
        if o.enabled:
            assert o.feeds or o.sitemaps, o.id
    # The top-level copy is the same file.
    top = Path(__file__).resolve().parents[1] / "sources.yaml"
    assert top.read_text() == packaged_sources().read_text()


def test_sources_command_lists_outlets_and_database(tmp_path: Path) -> None:
    r = runner.invoke(app, ["sources", "--db", str(tmp_path / "x.db")])
    assert r.exit_code == 0
    assert "bbc" in r.output and "Reuters" in r.output and "wire" in r.output
    assert str(tmp_path / "x.db") in r.output.replace("\n", "")
    r = runner.invoke(app, ["sources", "--check"])
    assert r.exit_code == 0 and r.output.startswith("OK:")


def test_a_number_with_an_exponent_reads_as_yaml_1_2_writes_it() -> None:
    """PyYAML reads YAML 1.1, where ``1e1`` (no dot) is text: ``timeout: 1e1`` was "expected a number, got
    '1e1'", a message the writer of a number could not act on. A plain number with an exponent is read as the
    number; quoted it is still text; a whole-number field says to write it without the exponent."""
    cfg = parse_sources("defaults:\n  timeout: 1e1\n  delay: 2.5E-1\noutlets: [{id: a, name: A, feeds: ['http://127.0.0.1:9/f']}]\n")
    assert (cfg.defaults.timeout, cfg.defaults.delay) == (10.0, 0.25)
    with pytest.raises(ConfigError, match="expected a number, got '1e1'$"):
        parse_sources("defaults:\n  timeout: '1e1'\noutlets: [{id: a, name: A}]\n")
    with pytest.raises(ConfigError, match=r"per_host: expected a whole number, got '1e1' \(write it without an exponent\)"):
        parse_sources("defaults:\n  per_host: 1e1\noutlets: [{id: a, name: A}]\n")


@pytest.mark.parametrize(
    ("kv", "message"),
    [("delay: 1e12", "defaults.delay: must be 3,600 or less, got 1,000,000,000,000"),
     ("delay: 100000", "defaults.delay: must be 3,600 or less, got 100,000"),
     ("timeout: 1.0e12", "defaults.timeout: must be 86,400 or less"),
     ("extract_timeout: 90000", "defaults.extract_timeout: must be 86,400 or less, got 90,000"),
     ("max_bytes: 100000000000000000000000", "defaults.max_bytes: must be 1,000,000,000 or less, got 1e+23")],
)  # fmt: skip
def test_a_value_past_any_sane_bound_is_refused(kv: str, message: str) -> None:
    """bughunt17: ``delay: 1e12`` (or 100000, 27 hours) made a fetch ask for robots.txt and then wait for ever,
    silently; a timeout as long let one stalled host hold the run; ``max_bytes: 10^23`` read any body whole into
    memory. Each is a slip, said in one line; the bounds themselves are accepted."""
    with pytest.raises(ConfigError, match=re.escape(message)):
        parse_sources(f"defaults:\n  {kv}\noutlets: [{{id: a, name: A}}]\n")
    cfg = parse_sources("defaults: {delay: 3600, timeout: 86400, extract_timeout: 86400, max_bytes: 1000000000}\noutlets: [{id: a, name: A}]\n")
    assert (cfg.defaults.delay, cfg.defaults.max_bytes) == (3600, 1_000_000_000)

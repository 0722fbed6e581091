"""The library API in claimcheck/__init__.py: the exported names, a cheap import, the README's example."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import claimcheck
from claimcheck.demo.corpus import corpus_dir, demo_sources_yaml
from claimcheck.demo.server import CorpusServer

README = Path(__file__).resolve().parents[1] / "README.md"


def test_all_exported_names_resolve_and_are_listed() -> None:
    """As httpx's tests/test_exported_members.py: __all__ is sorted, and every name in it resolves."""
    assert claimcheck.__all__ == sorted(claimcheck.__all__, key=str.casefold)
    for name in claimcheck.__all__:
        assert getattr(claimcheck, name) is not None, name
        assert name in dir(claimcheck)
    with pytest.raises(AttributeError):
        _ = claimcheck.no_such_name  # type: ignore[attr-defined]


def test_exports_are_the_objects_of_their_home_modules() -> None:
    from claimcheck import compare, ingest, models, render, store
    from claimcheck.ingest import pipeline

    assert claimcheck.fetch is pipeline.fetch and claimcheck.Store is store.Store
    assert claimcheck.compare_topic is compare.compare_topic and claimcheck.Fact is models.Fact
    assert claimcheck.render is render and callable(claimcheck.render.render)
    assert not callable(ingest)  # the package is ingest/; `claimcheck.fetch` is the function


def test_importing_claimcheck_loads_nothing_heavy() -> None:
    code = (
        "import sys, claimcheck\n"
        "heavy = ['httpx', 'trafilatura', 'rapidfuzz', 'typer', 'rich', 'numpy', 'feedparser', 'lxml']\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == ""


def test_the_readme_notebook_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    block = re.search(r"## Using it from Python\n.*?```python\n(.*?)```", README.read_text(), re.S)
    assert block is not None
    monkeypatch.chdir(tmp_path)
    with CorpusServer(corpus_dir()) as server:
        cfg = yaml.safe_load(demo_sources_yaml(server.base))
        for outlet in cfg["outlets"]:  # the corpus is served on loopback: each outlet opts in for its host
            outlet["allow_private"] = True
        (tmp_path / "sources.yaml").write_text(yaml.safe_dump(cfg), encoding="utf-8")
        scope: dict[str, object] = {}
        exec(compile(block.group(1), "README.md", "exec"), scope)
    report, result = scope["report"], scope["result"]
    assert isinstance(report, claimcheck.FetchReport) and report.ok and report.totals()["new"] > 10
    assert isinstance(result, claimcheck.CompareResult) and len(result.facts) >= 5
    assert str(scope["markdown"]).startswith("#") and "Belarus prisoners" in str(scope["markdown"])


def test_all_names_every_lazy_export_and_nothing_else() -> None:
    lazy = {*claimcheck._EXPORTS, *claimcheck._SUBMODULES, "__version__"}
    assert set(claimcheck.__all__) == lazy and len(claimcheck.__all__) == len(lazy)

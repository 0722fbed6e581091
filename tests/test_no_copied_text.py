"""No outlet's words in the repository: no run of 8 words of the real texts in ../shared/realdata (the
news-clusters articles' title and text, the extraction benchmark's articleBody, the feeds' text) appears in
claimcheck/, tests/, bench/, docs/, README.md or ARCHITECTURE.md. Rules and tests take their examples from
sentences we write; labels of real data refer to it by ids, offsets and hashes. Skipped when realdata is absent.

Words are lowercased runs of ASCII letters and digits (punctuation, case and line breaks never hide a copy). Set aside,
and only these:
- in the feeds, markup (tags, CDATA brackets, escaped HTML) and addresses (``http(s)://...``): they are not an
  outlet's words, and sources.yaml names real feed addresses on purpose;
- the labelled event names (the ``event`` fields of tests/data/*.json): the dataset's own ids, used by reference,
  and they spell out a headline;
- AP's wire footer, which the demo corpus' sample wire stories carry as page furniture (``BOILERPLATE``).
"""

from __future__ import annotations

import glob
import html
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from conftest import REALDATA, ROOT

N = 8
WORD = re.compile(r"[a-z0-9]+")
SCANNED = ("claimcheck", "tests", "bench", "docs", "README.md", "ARCHITECTURE.md")
TEXT_SUFFIXES = {".py", ".md", ".html", ".htm", ".xml", ".atom", ".rss", ".json", ".yaml", ".yml", ".txt", ".toml",
                 ".js", ".css", ".csv", ".cfg", ".ini"}
BOILERPLATE = (
    "The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or "
    "redistributed.",
)
_URL = re.compile(r"https?://\S+")
_CDATA = re.compile(r"<!\[CDATA\[|\]\]>")
_TAG = re.compile(r"<[^<>]*>")

needs_realdata = pytest.mark.skipif(
    not (REALDATA / "news-clusters" / "articles").is_dir(), reason="shared/realdata absent"
)


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def grams(toks: list[str]) -> Iterator[int]:
    """The hash of each run of N words, in order."""
    return map(hash, zip(*(toks[i:] for i in range(N)), strict=False))


def feed_text(raw: str) -> str:
    """A feed's words without its markup and addresses (escaped HTML in descriptions unescaped, then stripped)."""
    text = _TAG.sub(" ", _CDATA.sub(" ", raw))
    text = _TAG.sub(" ", html.unescape(text))
    return _URL.sub(" ", text)


def real_texts() -> Iterator[str]:
    for path in sorted((REALDATA / "news-clusters" / "articles").glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        yield f"{doc.get('title') or ''}\n{doc.get('text') or ''}"
    truth = REALDATA / "extraction-benchmark" / "ground-truth.json"
    if truth.is_file():
        for page in json.loads(truth.read_text(encoding="utf-8")).values():
            yield page.get("articleBody") or ""
    for name in sorted(glob.glob(str(REALDATA / "news-feeds-2026-02" / "*.xml"))):
        yield feed_text(Path(name).read_text(encoding="utf-8", errors="replace"))


def event_names() -> Iterator[str]:
    def walk(node: object) -> Iterator[str]:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "event" and isinstance(value, str):
                    yield value
                else:
                    yield from walk(value)
        elif isinstance(node, list):
            for item in node:
                yield from walk(item)

    for path in sorted((ROOT / "tests" / "data").glob("*.json")):
        yield from walk(json.loads(path.read_text(encoding="utf-8")))


def gram_set(texts: Iterable[str]) -> set[int]:
    out: set[int] = set()
    for text in texts:
        out.update(grams(words(text)))
    return out


def repo_files() -> Iterator[Path]:
    for name in SCANNED:
        top = ROOT / name
        if top.is_file():
            yield top
            continue
        for path in sorted(top.rglob("*")):
            rel = path.relative_to(ROOT).parts
            if path.suffix.lower() in TEXT_SUFFIXES and path.is_file() and not any(
                p.startswith(".") or p == "__pycache__" for p in rel
            ):
                yield path


def copied(real: set[int], path: Path, root: Path = ROOT) -> list[str]:
    """'file:line: words' for each run of copied words in the file (overlapping runs of N merged into one)."""
    text = path.read_text(encoding="utf-8", errors="replace").lower()
    hits = [i for i, h in enumerate(grams(WORD.findall(text))) if h in real]
    if not hits:
        return []
    spans = [m.span() for m in WORD.finditer(text)]
    runs: list[list[int]] = []
    for i in hits:
        if runs and i <= runs[-1][1]:
            runs[-1][1] = i + N
        else:
            runs.append([i, i + N])
    out = []
    for first, end in runs:
        quoted = " ".join(text[spans[first][0] : spans[end - 1][1]].split())
        out.append(f"{path.relative_to(root)}:{text.count(chr(10), 0, spans[first][0]) + 1}: {quoted[:160]}")
    return out


@needs_realdata
def test_no_run_of_eight_real_words_in_the_repository() -> None:
    real = gram_set(real_texts())
    assert len(real) > 100_000  # the real texts were read
    real -= gram_set(list(event_names()) + list(BOILERPLATE))
    found = [hit for path in repo_files() for hit in copied(real, path)]
    assert not found, "real article text copied into the repository:\n" + "\n".join(found)


def test_the_scan_finds_a_copy_and_ignores_markup_and_addresses(tmp_path: Path) -> None:
    """The scan itself, on texts of our own: a copied run is found at its line whatever its case, punctuation or
    line breaks, once however long; a run of 7 is not; feed markup and addresses are not words."""
    real = gram_set(["The harbour ferry left at dawn with forty-two cyclists, two dogs and a brass band aboard."])
    probe = tmp_path / "probe.py"
    probe.write_text('x = 1\n"""Example: THE HARBOUR ferry left\nat dawn, with forty two cyclists, two dogs."""\n'
                     "# the ferry left at dawn with forty two\n")
    assert copied(real, probe, tmp_path) == ["probe.py:2: the harbour ferry left at dawn, with forty two cyclists, two dogs"]
    feed = '<item><title><![CDATA[Tram &amp; bus]]></title><description>&lt;p&gt;Fares rise&lt;/p&gt; https://x.org/a'
    assert words(feed_text(feed)) == ["tram", "bus", "fares", "rise"]

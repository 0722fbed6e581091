"""Our sentence splitter recovers at least the measured share of gold sentences (see splitter_eval.py).

Floors are pinned a little below the measurement of ``python -m tests.splitter_eval``
(tricky 68/69 = 0.986, own 94/94 = 1.000, real 114/121 = 0.942, after the closing-quote fix).
"""

from __future__ import annotations

import pytest
from splitter_eval import accuracy, load_real_pages, ours, own_cases, real_cases, tricky_cases

FLOORS = {"tricky": 0.97, "own": 0.98, "real": 0.93}


def _check(name: str, cases: list) -> None:
    hit, total, misses = accuracy(ours, cases)
    assert hit / total >= FLOORS[name], f"{name}: {hit}/{total}\n" + "\n".join(misses)


def test_tricky_snippets() -> None:
    _check("tricky", tricky_cases())


def test_own_labelled_passages() -> None:
    _check("own", own_cases())


def test_real_pages() -> None:
    pages = load_real_pages()
    if pages is None:
        pytest.skip("../shared/realdata not present")
    _check("real", real_cases(pages))


def test_offsets_point_into_text() -> None:
    for text, _ in tricky_cases() + own_cases():
        for s, e in ours(text):
            assert 0 <= s < e <= len(text) and text[s:e] == text[s:e].strip()

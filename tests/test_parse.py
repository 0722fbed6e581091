"""Our quick HTML loader builds exactly the tree trafilatura's own load_html builds."""

from __future__ import annotations

import gzip
import json

import pytest
from conftest import REALDATA
from lxml import etree
from trafilatura.utils import load_html

from claimcheck.demo.corpus import corpus_dir
from claimcheck.ingest.decode import decode_html
from claimcheck.ingest.extract import _FAST_PARSE, parse_html

BENCH = REALDATA / "extraction-benchmark"


def _same(text: str) -> None:
    ours, theirs = parse_html(text), load_html(text)
    if theirs is None:
        assert ours is None
    else:
        assert ours is not None and etree.tostring(ours) == etree.tostring(theirs)


def test_the_quick_path_is_in_use() -> None:
    assert _FAST_PARSE is not None  # else every page silently takes the slow path


@pytest.mark.parametrize(
    "text",
    [
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"/>'
        "\n<html><body><p>One.</p></body></html>",
        '<html xmlns="http://www.w3.org/1999/xhtml"/>\n<head><title>T</title></head><body><p>x</p></body>',
        "<html><body><p>form\x0cfeed and \x00 nul and \uffff</p></body></html>",
        "<p>only a fragment</p>",
        "<div><p>two</p></div><div><p>blocks</p></div>",
        "plain words, no markup at all",
        "<html></html>",
        "<html><body><p>é — “quoted” 東京</p></body></html>",
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>declared</p></body></html>',
    ],
)
def test_same_tree_as_trafilatura_on_odd_pages(text: str) -> None:
    _same(text)


def test_same_tree_as_trafilatura_on_the_demo_pages() -> None:
    pages = sorted(corpus_dir().rglob("*.html"))
    assert len(pages) >= 20
    for page in pages:
        _same(decode_html(page.read_bytes(), "text/html"))


@pytest.mark.skipif(not (BENCH / "ground-truth.json").is_file(), reason="shared/realdata absent")
def test_same_tree_as_trafilatura_on_the_real_pages() -> None:
    ids = sorted(json.loads((BENCH / "ground-truth.json").read_text()))
    for page_id in ids:
        _same(decode_html(gzip.decompress((BENCH / "html" / f"{page_id}.html.gz").read_bytes()), "text/html"))

"""The bulk wire-copy finder (claimcheck/match/syndication.py) gives exactly what the pair-by-pair one gave
(tests/syndication_reference.py): the same shingle hashes, the same copies, sources and scores, on the demo
corpus (CBS and ABC carry wire copies), on a generated corpus with planted copies edited 0-50%, and on the
real news-clusters articles when ../shared/realdata is present."""

from __future__ import annotations

import ast
import hashlib
import itertools
import json
import random
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
import syndication_reference as reference
from conftest import REALDATA, ROOT

from claimcheck.match.syndication import Syndicated, find_syndicated, shingle_table, shingles
from claimcheck.models import Article, Outlet

T0 = datetime(2026, 1, 5, 8, tzinfo=UTC)


def per_group(
    articles: Sequence[Article], groups: Sequence[int], outlets: Mapping[str, Outlet]
) -> dict[int, Syndicated]:
    """The reference called once per group, as stories called it (once per story)."""
    members: dict[int, list[int]] = defaultdict(list)
    for i, g in enumerate(groups):
        members[g].append(i)
    out = {}
    for idx in members.values():
        for k, reason in reference.find_syndicated([articles[i] for i in idx], outlets).items():
            out[idx[k]] = reason
    return out


def test_bulk_shingles_are_the_crc32_of_each_word_5gram() -> None:
    texts = [
        "",
        "one two",
        "a b c d",
        "a b c d e",
        "It's a_b x-y 12,000 \t\n\x0b\x0c and \x1f so on, done.",
        "\u201cCurly quotes\u201d \u2014 and dashes \u2026 only ASCII words in between them all",
        "Ünïcode wörds ça va très bien là-bas, où les élèves étudient " * 3,
        "KELVIN \u212a and DOTTED \u0130stanbul lower to ASCII and more letters here",
        "\u0663\u0664 digits \u00b2 superscripts \u4e2d\u6587 words x y z",
        ("averyveryverylongwordthatgoesonandon" * 4 + " ") * 12,
        "word " * 300,
    ]
    texts += [
        p.read_text(encoding="utf-8")[:5000] for p in sorted((ROOT / "claimcheck" / "demo").rglob("*.html"))
    ]
    table = shingle_table(texts)
    for k, text in enumerate(texts):
        assert table.of(k) == reference.shingles(text) == shingles(text), text[:60]


def planted_copies(n: int, seed: int = 3) -> tuple[list[Article], list[int], dict[str, Outlet]]:
    """Generated articles (bench/corpus.py, invented text) and, for a quarter of them, another outlet's
    copy of one, edited 0-50% word by word and sometimes cut short; each with its story as group."""
    from bench.corpus import iter_articles, make_outlets, make_stories

    infos = make_outlets(20)
    outlets = {o.id: Outlet(o.id, o.name, o.aliases, wire=o.wire) for o in infos}
    rng = random.Random(seed)
    arts, groups = [], []
    stories = make_stories(max(1, n // 20), seed)
    for _, a, _ in itertools.islice(iter_articles(infos, n // 20 + 1, stories, seed), n):
        text = a.text if rng.random() < 0.5 else "\n".join(p for p in a.paragraphs if rng.random() < 0.5)
        url = f"https://{a.outlet.id}.example/{len(arts)}"
        arts.append(Article(a.outlet.id, url, url, a.title, text, url, T0, a.author, a.published))
        groups.append(a.story.id)
    for k in range(len(arts) // 4):
        src = rng.randrange(len(arts))
        edit = rng.choice([0.0, 0.1, 0.2, 0.3, 0.4, 0.5])
        words = [
            w if rng.random() >= edit else rng.choice(["other", "words", "here"])
            for w in arts[src].text.split()
        ]
        if rng.random() < 0.3:
            words = words[: max(5, int(len(words) * rng.uniform(0.2, 1.0)))]
        published = (arts[src].published or T0) + timedelta(hours=rng.choice([-2, 1, 3]))
        url = f"https://copy.example/{k}"
        arts.append(Article(rng.choice(infos).id, url, url, arts[src].title, " ".join(words), url, T0,
                            published=published))  # fmt: skip
        groups.append(groups[src])
    return arts, groups, outlets


def test_same_copies_as_pair_by_pair_on_planted_copies() -> None:
    arts, groups, outlets = planted_copies(500)
    whole = find_syndicated(arts, outlets)
    assert whole == reference.find_syndicated(arts, outlets)
    assert sum(r.kind == "near-duplicate" for r in whole.values()) > 50  # the test has copies to find
    grouped = find_syndicated(arts, outlets, groups=groups)
    assert grouped == per_group(arts, groups, outlets)
    assert grouped != whole  # groups do limit the search


def test_same_copies_as_pair_by_pair_on_the_demo_corpus() -> None:
    from test_compare_demo import demo_outlets, demo_store

    from claimcheck.store import Store

    with Store.open(demo_store().db, create=False) as store:
        full = store.articles_by_id(list(range(1, 1000)))
        cut = store.window_articles()  # what stories reads: texts cut to their head and tail
    outlets = demo_outlets()
    assert find_syndicated(full, outlets) == reference.find_syndicated(full, outlets)
    # without wire outlets the copies are found by their text alone (datelines need a wire to name)
    plain = {k: replace(o, wire=False) for k, o in outlets.items()}
    found = find_syndicated(full, plain)
    assert {full[i].outlet for i, r in found.items() if r.kind == "near-duplicate"} >= {"cbsnews", "abcnews"}
    assert found == reference.find_syndicated(full, plain)
    groups = [len(a.title) % 3 for a in cut]
    for o in (outlets, plain):
        assert find_syndicated(cut, o, groups=groups) == per_group(cut, groups, o)


CLUSTERS = REALDATA / "news-clusters"


@pytest.mark.skipif(not (CLUSTERS / "EVENTS.json").is_file(), reason="shared/realdata absent")
def test_same_copies_as_pair_by_pair_on_real_articles() -> None:
    arts, groups, events = [], [], {}
    for path in sorted((CLUSTERS / "articles").glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        nc = d["newsCluster"]
        event = (nc if isinstance(nc, dict) else ast.literal_eval(nc))["Event"]
        if int(hashlib.sha1(event.encode()).hexdigest(), 16) % 3 == 0:
            continue  # held-out events stay unseen
        pub = d.get("date_publish")
        when = datetime.fromisoformat(pub).replace(tzinfo=UTC) if pub and pub != "None" else None
        arts.append(Article(d["source_domain"], d["url"], d["url"], d["title"] or "", d["text"] or "", d["url"],
                            T0, published=when))  # fmt: skip
        groups.append(events.setdefault(event, len(events)))
    outlets = {a.outlet: Outlet(a.outlet, a.outlet) for a in arts}
    assert find_syndicated(arts, outlets) == reference.find_syndicated(arts, outlets)
    assert find_syndicated(arts, outlets, groups=groups) == per_group(arts, groups, outlets)


def test_wire_marks_as_before_with_short_and_dotted_names() -> None:
    outlets = {
        "un": Outlet("un", "United Newswire", ("UN", "IUN"), wire=True),
        "ap": Outlet("ap", "A.P.", ("Associated Press",), wire=True),
        "reuters": Outlet("reuters", "Reuters", (), wire=True),
        "bbc": Outlet("bbc", "BBC"),
    }
    heads = ["Under the union rules", "PARIS (UN) - Talks", "PARIS ( un ):", "By Jo Smith, A.P.", "By Jo, the A.P.x",
             "By Jo | Associated Pressing", "ROME (A.P.) — x", "un(UN)- x", "Reporting by Jo; Editing by Al",
             "ROME (\u0130UN) - x", "ROME (Un\u0131ted Newswire) - x", "By Al, Un\u0131ted Newswire"]  # fmt: skip
    arts = [
        Article(
            "bbc", f"u{k}", f"u{k}", "t", head + " body" * 50 + (" " + tail if tail else ""), "h", T0, author
        )
        for k, (head, tail, author) in enumerate(
            itertools.product(
                heads,
                ["", "By Ann Lee, UN", "Reporting by Jo Doe; Editing by Al Roe"],
                [None, "UN", "Jo Smith / A.P.", "Undine"],
            )  # fmt: skip
        )
    ]
    found = find_syndicated(arts, outlets)
    assert found == reference.find_syndicated(arts, outlets)
    assert 0 < len(found) < len(arts)


def test_wire_name_prefilter_finds_a_name_exactly_where_the_pattern_of_names_does() -> None:
    import re

    from claimcheck.match.syndication import _finds_name, _wire_patterns

    outlets = {
        "un": Outlet("un", "United Newswire", ("UN", "IUN"), wire=True),
        "ap": Outlet("ap", "A.P.", ("Associated Press",), wire=True),
        "x": Outlet("x", "X_1", (), wire=True),
    }
    names = _wire_patterns(outlets).lower_names
    assert names is not None
    # the pattern the prefilter replaced: the names as alternatives, a word character may not follow one
    # that ends in a word character
    pattern = re.compile("|".join(re.escape(n) + (r"(?!\w)" if end else "") for n, end in names))
    rng = random.Random(5)
    pieces = ["un", "iun", "a.p.", "associated press", "x_1", "united newswire", "u", "n", " ", "_", "é", "1",
              "a", ".", "p", "ñ", "-", "\n", "x", "²"]  # fmt: skip
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(20000)]
    found = [_finds_name(t, names) for t in texts]
    assert found == [pattern.search(t) is not None for t in texts]
    assert 0.2 < sum(found) / len(found) < 0.8


def test_stories_mark_the_same_copies_in_one_pass_as_story_by_story() -> None:
    from claimcheck.stories import _skeleton, mark_all_wire_copies

    arts, groups, outlets = planted_copies(300, seed=5)
    members: dict[int, list[int]] = defaultdict(list)
    for i, g in enumerate(groups):
        members[g].append(i)
    members[-1] = [0]  # a story of one outlet: no wire copies, not even by dateline
    stories = [_skeleton(idx, arts) for idx in members.values()]
    by_url = {a.url: a for a in arts}
    marked = mark_all_wire_copies(stories, by_url, outlets)
    assert sum(a.syndicated for s in marked for a in s.articles) > 10
    for story, done in zip(stories, marked, strict=True):
        story_arts = [by_url[a.url] for a in story.articles]
        one_outlet = len({a.outlet for a in story_arts}) < 2
        copies = {} if one_outlet else reference.find_syndicated(story_arts, outlets)
        assert [a.syndicated for a in done.articles] == [k in copies for k in range(len(story_arts))]
        independent = [o for o in done.outlets if any(not c and a.outlet == o for a, c in
                       zip(story_arts, [k in copies for k in range(len(story_arts))], strict=True))]  # fmt: skip
        assert list(done.independent_outlets) == independent


def test_every_way_of_counting_shared_shingles_agrees_with_sets(monkeypatch: pytest.MonkeyPatch) -> None:
    """_intersections lists the article pairs of each shared shingle when few articles share it, counts the
    shingles that many share (page furniture: the listing grows with its square) in a bit matrix, or looks
    each pair's shingles up when the matrix would be too large: each gives |A ∩ B| exactly, at any split."""
    from claimcheck.match import syndication as syn

    rng = random.Random(5)
    vocab = [f"w{k}" for k in range(300)]
    furniture = " ".join(rng.choice(vocab) for _ in range(80))  # a footer every page carries
    texts = [
        " ".join(rng.choice(vocab) for _ in range(rng.randint(40, 160))) + " " + furniture for _ in range(60)
    ]
    table = shingle_table(texts, 5)
    pairs = np.array([(i, j) for i, j in itertools.combinations(range(len(texts)), 2)], dtype=np.int64)
    sets = [shingles(t, 5) for t in texts]
    expected = [len(sets[i] & sets[j]) for i, j in pairs.tolist()]
    assert syn._intersections_by_lookup(table, pairs).tolist() == expected
    used: list[str] = []
    for name in ("_intersections_by_runs", "_intersections_by_bits", "_intersections_by_lookup"):
        real = getattr(syn, name)
        monkeypatch.setattr(syn, name, lambda *a, _real=real, _name=name: used.append(_name) or _real(*a))
    group_of = np.zeros(len(texts), dtype=np.int64)
    assert syn._intersections(table, pairs, group_of).tolist() == expected
    # a chain of 59 pairs over 60 pages that all carry the footer: the listing would go through every pair
    # of pages for each footer shingle; the footer's shingles go to the bit matrix instead
    chain = np.array([(k, k + 1) for k in range(len(texts) - 1)], dtype=np.int64)
    want = [len(sets[i] & sets[j]) for i, j in chain.tolist()]
    used.clear()
    assert syn._intersections(table, chain, group_of).tolist() == want
    assert used == ["_intersections_by_bits", "_intersections_by_runs"]
    # every split between listing and matrix gives the same counts
    real_split = syn._split
    for most in (1, 2, 3, 10, 59, 60):
        monkeypatch.setattr(syn, "_split", lambda *a, _most=most: (_most, 0.0))
        assert syn._intersections(table, pairs, group_of).tolist() == expected
        assert syn._intersections(table, chain, group_of).tolist() == want
    # no room for a matrix: the chain's shingles are looked up
    monkeypatch.setattr(syn, "_split", real_split)
    monkeypatch.setattr(syn, "_BITS_BYTES", 0)
    used.clear()
    assert syn._intersections(table, chain, group_of).tolist() == want
    assert used == ["_intersections_by_lookup"]
    # in groups (stories): the same counts as one call per group
    halves = np.repeat(np.array([0, 1], dtype=np.int64), 30)
    inner = np.array([(i, j) for i, j in pairs.tolist() if halves[i] == halves[j]], dtype=np.int64)
    monkeypatch.setattr(syn, "_BITS_BYTES", 64 << 20)
    counted = syn._intersections(table, inner, halves).tolist()
    assert counted == [len(sets[i] & sets[j]) for i, j in inner.tolist()]


def test_entries_sorted_by_group_hash_article_packed_or_not() -> None:
    """_by_group_hash_article sorts (group, hash, article) entries by one sort of the three packed in an
    int64 when they fit: the same order as the stable argsort by (group, hash) it falls back to (groups too
    many to pack), on entries in article order with each article's hashes distinct, as the tables give."""
    from claimcheck.match import syndication as syn

    rng = np.random.default_rng(7)
    n = 700
    counts = rng.integers(0, 40, size=n)
    owner = np.repeat(np.arange(n, dtype=np.int64), counts)
    hashes = np.concatenate([np.sort(rng.choice(1 << 32, size=c, replace=False)) for c in counts.tolist()])
    # a few hundred hashes in common, so that runs of one hash span several articles
    hashes[rng.random(len(hashes)) < 0.3] = rng.integers(0, 300, size=1)[0]
    h = np.concatenate([np.unique(hashes[owner == i]) for i in range(n)]).astype(np.int64)
    a = np.repeat(np.arange(n, dtype=np.int64), [len(np.unique(hashes[owner == i])) for i in range(n)])
    for groups in (np.sort(rng.integers(0, 50, size=n)), rng.integers(0, 3, size=n), np.zeros(n, np.int64)):
        g = groups.astype(np.int64)[a]
        order = np.argsort(g << 32 | h, kind="stable")
        want = (h[order], a[order], g[order])
        got = syn._by_group_hash_article(g, h, a, n)
        assert all(np.array_equal(x, y) for x, y in zip(got, want, strict=True))
    big = np.full(len(a), 1 << 28, dtype=np.int64)  # too many groups to pack (2**21 with 700 articles)
    got = syn._by_group_hash_article(big, h, a, n)
    order = np.argsort(big << 32 | h, kind="stable")
    assert np.array_equal(got[0], h[order]) and np.array_equal(got[1], a[order])

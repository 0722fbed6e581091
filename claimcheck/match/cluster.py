"""Average-linkage clustering of matched claims over a graph of groups of identical claims.

Claims that are the same for the matcher (same normalised text, speaker, value, time qualifier...)
form one *group*: every two of its claims from different articles would score the same, so the
group is scored once and its k² internal links are never written out. A link between two groups
stands for the links between every two of their claims from different articles. Averages are
computed exactly as over the claims themselves, a missing link counting 0 and two claims of one
article never linking, so the result is that of average linkage over the claims:

- a claim joins a cluster only when it is, on average, similar to *all* of its members, so
  unrelated claims do not chain through intermediate ones as they would under single linkage;
- no cluster holds two claims of one article: when two clusters that should merge each hold a
  claim of the same article, they merge and the weaker claim (the one less similar to the merged
  cluster) leaves it and stays on its own.
"""

from __future__ import annotations

import heapq
import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from claimcheck.match.rules import Exclusive, Item, Rule

# An edge between two items (i < j): score in [0, 1] and its rule.
Edges = dict[tuple[int, int], tuple[float, Rule]]

_TIE = 1e-9
# Averages are compared on a grid of 1e-12: sums of scores added in another order differ in their
# last bits, and two pairs equally close but for that noise must tie (the smaller ids first),
# whatever the order in which merges added up their sums.
_GRID = 1e12


@dataclass
class Graph:
    """Groups of identical items and the scored links between groups.

    ``members[g]`` are the items of group ``g`` (ascending, each of another article);
    ``inner[g]`` the score between two of them (0 for a single item); ``adj[g][h]`` the score
    between any item of ``g`` and any item of ``h`` of another article; ``rules[g, h]`` (g < h)
    why, or ``rule_of(i, j)`` works out why items ``i`` and ``j`` are linked when a report asks
    (numbers: their rules are never stored, as most links are never shown).
    """

    items: Sequence[Item]
    group: list[int]
    members: list[list[int]]
    inner: list[float]
    inner_rule: list[Rule | None]
    adj: list[dict[int, float]] = field(default_factory=list)
    rules: dict[tuple[int, int], Rule] = field(default_factory=dict)
    rule_of: Callable[[int, int], Rule] | None = None
    # links made by the updated-figure rule (g < h) -> the score the pair had before (None: none)
    updates: dict[tuple[int, int], float | None] = field(default_factory=dict)
    # per group, its score sum with each linked group (``cluster._totals``; kept up to date by recluster)
    totals: list[dict[int, float]] | None = None
    # per connected component clustered (by its first group): its groups and the merges made, in order
    # (``_Linkage.log``), which ``recluster`` replays up to the first one its dropped links change
    history: dict[int, tuple[list[int], list[tuple[int, int]]]] = field(default_factory=dict)
    home: dict[int, int] = field(default_factory=dict)  # group -> its component's key in ``history``

    def __post_init__(self) -> None:
        if not self.adj:
            self.adj = [{} for _ in self.members]

    def link(self, g: int, h: int, score: float, rule: Rule | None = None) -> None:
        self.adj[g][h] = score
        self.adj[h][g] = score
        self.totals = None  # made again when next needed
        if self.history:  # the components and merges of runs on the graph before this link
            self.history.clear()
            self.home.clear()
        if rule is not None:
            self.rules[(g, h) if g < h else (h, g)] = rule

    def score(self, i: int, j: int) -> float | None:
        """The score of the link between items ``i`` and ``j`` (None: not linked)."""
        if self.items[i].article == self.items[j].article:
            return None
        g, h = self.group[i], self.group[j]
        if g == h:
            return self.inner[g] if len(self.members[g]) > 1 else None
        return self.adj[g].get(h)

    def rule(self, i: int, j: int) -> Rule:
        """Why items ``i`` and ``j`` are linked (they must be)."""
        g, h = self.group[i], self.group[j]
        if g == h:
            rule = self.inner_rule[g]
            assert rule is not None
            return rule
        if self.rule_of is not None:
            return self.rule_of(i, j)
        return self.rules[(g, h) if g < h else (h, g)]


def graph_of_edges(items: Sequence[Item], edges: Edges) -> Graph:
    """A graph of single-item groups from item edges (``(i, j) -> (score, rule)``)."""
    n = len(items)
    graph = Graph(items, list(range(n)), [[i] for i in range(n)], [0.0] * n, [None] * n)
    for (i, j), (s, rule) in edges.items():
        graph.link(i, j, s, rule)
    return graph


def cluster_items(
    items: Sequence[Item],
    edges: Edges | Graph,
    linkage: float,
    exclusive: Exclusive | None = None,
) -> list[list[int]]:
    """Average-linkage clusters of item indexes; no cluster holds two items of one article.

    A missing edge counts as similarity 0, so a claim that matches one member of a cluster but
    nothing else in it stays out: chains A~B~C with A≁C do not collapse into one fact.
    ``exclusive`` adds a cannot-link rule on one attribute (a number's time qualifier): two
    clusters whose known values of it disagree never merge, even through a member that has no
    value ("123 on Saturday" and "123 on Friday" do not meet through a bare "123").
    """
    graph = edges if isinstance(edges, Graph) else graph_of_edges(items, edges)
    # groups are numbered in the order of their first item
    return _cluster_components(graph, range(len(graph.members)), linkage, exclusive)


def recluster(
    graph: Graph,
    clusters: list[list[int]],
    drop: Sequence[tuple[int, int]],
    linkage: float,
    exclusive: Exclusive | None = None,
) -> list[list[int]]:
    """``clusters`` after unlinking the group pairs ``drop`` (each restored to its score before
    ``graph.updates`` linked it, or unlinked): the components they touched are clustered again."""
    touched: set[int] = set()
    for g, _h in drop:
        if g not in touched:  # its component when last clustered, if it was
            known = graph.history.get(graph.home.get(g, -1))
            touched.update(known[0] if known is not None else _component(g, graph.adj))
    arts = {g: {graph.items[n].article for n in graph.members[g]} for pair in drop for g in pair}
    for g, h in drop:
        before = graph.updates.pop((g, h) if g < h else (h, g), None)
        if before is None:
            graph.adj[g].pop(h, None)
            graph.adj[h].pop(g, None)
        else:
            graph.adj[g][h] = graph.adj[h][g] = before
        if graph.totals is not None:
            _set_total(graph, arts, g, h, before)
    kept = [c for c in clusters if graph.group[c[0]] not in touched]
    changed = {(g, h) if g < h else (h, g) for g, h in drop}
    return kept + _cluster_components(graph, sorted(touched), linkage, exclusive, changed)


def _cluster_components(
    graph: Graph,
    starts: Iterable[int],
    linkage: float,
    exclusive: Exclusive | None,
    changed: set[tuple[int, int]] | None = None,
) -> list[list[int]]:
    """Average linkage inside each connected component reached from ``starts``, each component once.
    A component clustered before whose links ``changed`` (lowered or dropped) starts from the merges
    of its last run that those links could not have changed (``_Linkage.replay``)."""
    done: set[int] = set()
    clusters: list[list[int]] = []
    for start in starts:
        if start in done or not graph.members[start]:
            continue
        comp = _component(start, graph.adj)
        done.update(comp)
        run = _Linkage(graph, comp, linkage, exclusive)
        before = graph.history.get(comp[0])
        if changed is not None and before is not None and before[0] == comp:
            run.replay(before[1], changed)
        clusters.extend(run.run())
        graph.history[comp[0]] = (comp, run.log)
        home = graph.home
        for g in comp:
            home[g] = comp[0]
    return clusters


def _totals(graph: Graph) -> list[dict[int, float]]:
    """``graph.totals``, made on first use: for each group, its sum of scores with each linked group
    over their claims of different articles (a link's score times the pairs it stands for)."""
    if graph.totals is None:
        ng = len(graph.members)
        # every link g < h as arrays, in the order of the groups and of their links
        count = np.fromiter(map(len, graph.adj), dtype=np.int64, count=ng)
        nbr = np.fromiter(itertools.chain.from_iterable(graph.adj), dtype=np.int64, count=int(count.sum()))
        score = np.fromiter(
            itertools.chain.from_iterable(a.values() for a in graph.adj), dtype=np.float64, count=len(nbr)
        )
        at = np.repeat(np.arange(ng, dtype=np.int64), count)
        up = at < nbr
        g, h, s = at[up], nbr[up], score[up]
        # a link stands for every two claims of the groups (each group's claims are of distinct
        # articles) but those of one article: the articles both groups have, counted from each
        # article's groups
        size = np.fromiter(map(len, graph.members), dtype=np.int64, count=ng)
        pairs = size[g] * size[h] - _shared_articles(graph, g * ng + h, ng)
        total = s * pairs
        keep = total > 0
        g, h, total = g[keep], h[keep], total[keep]
        # each group's sums: with the smaller groups (ascending), then with the larger ones (in its links'
        # order), as setting totals[g][h] and totals[h][g] link by link would have them
        row = np.concatenate((h, g))
        order = np.argsort(row, kind="stable")
        col = np.concatenate((g, h))[order].tolist()
        val = np.concatenate((total, total))[order].tolist()
        ends = np.searchsorted(row[order], np.arange(1, ng + 1)).tolist()
        graph.totals = [dict(zip(col[a:b], val[a:b], strict=True)) for a, b in zip([0, *ends[:-1]], ends, strict=True)]
    return graph.totals


def _shared_articles(graph: Graph, codes: np.ndarray, ng: int) -> np.ndarray:
    """For each group pair ``g * ng + h`` (g < h), how many articles have a claim in both groups."""
    out = np.zeros(len(codes), dtype=np.int64)
    items, group = graph.items, graph.group
    n = len(group)
    if not len(codes) or not n:
        return out
    art = np.fromiter((it.article for it in items[:n]), dtype=np.int64, count=n)
    grp = np.asarray(group, dtype=np.int64)
    order = np.lexsort((grp, art))  # by article, then group
    art, grp = art[order], grp[order]
    found = []
    d = 1
    while d < len(art):
        same = art[:-d] == art[d:]
        if not same.any():
            break
        found.append(grp[:-d][same] * ng + grp[d:][same])  # groups ascending within an article
        d += 1
    if not found:
        return out
    both, times = np.unique(np.concatenate(found), return_counts=True)
    pos = np.minimum(np.searchsorted(both, codes), len(both) - 1)
    hit = both[pos] == codes
    out[hit] = times[pos[hit]]
    return out


def _set_total(graph: Graph, arts: Mapping[int, set[int]], g: int, h: int, s: float | None) -> None:
    totals = graph.totals
    assert totals is not None
    a, b = arts[g], arts[h]  # articles both groups have count no pair
    common = (next(iter(a)) in b) if len(a) == 1 else len(a & b)
    total = 0.0 if s is None else s * (len(a) * len(b) - common)
    if total > 0:
        totals[g][h] = totals[h][g] = total
    else:
        totals[g].pop(h, None)
        totals[h].pop(g, None)


def _component(start: int, adj: Sequence[Mapping[int, float]]) -> list[int]:
    seen, stack = {start}, [start]
    while stack:
        for n in adj[stack.pop()]:
            if n not in seen:
                seen.add(n)
                stack.append(n)
    return sorted(seen)


class _Linkage:
    """Merge the closest pair of clusters while their average similarity reaches ``linkage``.

    Clusters are sets of groups; a cluster's id is its first group's id, and ties between equally
    close pairs go to the smaller ids, as over single claims.
    """

    def __init__(self, graph: Graph, comp: list[int], linkage: float, exclusive: Exclusive | None) -> None:
        self.g = graph
        self.linkage = linkage
        self.exclusive = exclusive
        items = graph.items
        # live[g]: article -> item of group g still in its cluster
        self.live: dict[int, dict[int, int]] = {
            g: {items[n].article: n for n in graph.members[g]} for g in comp
        }
        self.owner: dict[int, int] = {g: g for g in comp}
        self.parts: dict[int, list[int]] = {g: [g] for g in comp}
        self.size: dict[int, int] = {g: len(graph.members[g]) for g in comp}
        self.arts: dict[int, dict[int, int]] = {g: dict(self.live[g]) for g in comp}
        self.tags: dict[int, Counter[str]] = {}
        if exclusive is not None:
            get = exclusive[0]
            for g in comp:
                tag = get(items[graph.members[g][0]].claim)
                self.tags[g] = Counter({tag: len(graph.members[g])} if tag else {})
        totals = _totals(graph)
        self.sums: dict[int, dict[int, float]] = {g: dict(totals[g]) for g in comp}
        self.alone: list[list[int]] = []
        self.log: list[tuple[int, int]] = []  # the merges made: (cluster kept, cluster folded into it)

    def _avg(self, c: int, d: int) -> float:
        return self.sums[c].get(d, 0.0) / (self.size[c] * self.size[d])

    def run(self) -> list[list[int]]:
        parts, sums = self.parts, self.sums
        if len(parts) == 1 and not self.alone:
            (g,) = parts
            return [sorted(self.live[g].values())]
        # The closest pair is merged first (ties: the smaller ids), as long as it reaches the linkage
        # threshold. Each cluster keeps its best partner among the clusters of larger ids (its
        # *candidate*), and a heap orders the clusters by their candidates: a merge changes only the
        # pairs of the merged cluster, so only its candidate is looked for again, and a cluster
        # whose candidate got worse (or went) is looked at again when its old, better entry comes
        # up (an entry is never worse than the cluster's best pair, so none is passed over). The
        # same pairs merge in the same order as when every pair was in the heap.
        size, tags, exclusive = self.size, self.tags, self.exclusive
        grid = _GRID
        linkage = int(self.linkage * grid + 0.5)  # averages as integers on the grid, to compare
        agree = exclusive[1] if exclusive is not None else None
        cand: dict[int, tuple[int, int]] = {}  # cluster -> (-average, partner) of its best pair
        heap: list[tuple[int, int, int]] = []
        pop, push = heapq.heappop, heapq.heappush

        def best_of(x: int) -> None:
            """Look for ``x``'s candidate again; push it."""
            size_x, found = size[x], None
            best_a, best_y = -linkage, 0  # a pair must reach the threshold
            for y, total in sums[x].items():
                if y > x:
                    a = -int(total * grid / (size_x * size[y]) + 0.5)
                    if (a < best_a or (a == best_a and (found is None or y < best_y))) and (
                        agree is None or _tags_agree(tags[x], tags[y], agree)
                    ):
                        best_a, best_y, found = a, y, y
            if found is None:
                cand.pop(x, None)
            else:
                cand[x] = (best_a, best_y)
                push(heap, (best_a, x, best_y))

        for x in list(parts):
            best_of(x)
        while heap:
            entry = pop(heap)
            neg, c, d = entry
            if cand.get(c) != (neg, d):
                continue  # superseded, or c is gone
            if (
                d not in parts
                or -int(sums[c].get(d, 0.0) * grid / (size[c] * size[d]) + 0.5) != neg
                or (agree is not None and not _tags_agree(tags[c], tags[d], agree))
            ):
                best_of(c)  # the candidate got worse or went: c's best pair now
                continue
            del cand[c]
            cand.pop(d, None)
            if size[d] > size[c]:
                c, d = d, c  # fold the smaller cluster into the larger
            self._merge(c, d)
            self.log.append((c, d))
            size_c, tags_c = size[c], tags.get(c)
            for e, total in sums[c].items():
                if e < c and (a := -int(total * grid / (size_c * size[e]) + 0.5)) <= -linkage:
                    now = cand.get(e)
                    if (now is None or a < now[0] or (a == now[0] and c < now[1])) and (
                        agree is None or _tags_agree(tags[e], tags_c, agree)  # type: ignore[arg-type]
                    ):
                        cand[e] = (a, c)
                        push(heap, (a, e, c))
            best_of(c)
        out = [sorted(n for g in gs for n in self.live[g].values()) for gs in parts.values()]
        return out + self.alone

    def replay(self, log: Sequence[tuple[int, int]], changed: set[tuple[int, int]]) -> None:
        """Make again the merges of ``log`` (an earlier run's, on this component) that come before
        the first whose merged cluster holds both groups of a ``changed`` link.

        Those are the merges ``run`` would make first now: links only ever lose score here (an
        updated-figure link falls back to what it was, or goes), so every pair of clusters is now
        at most as close as it was, and each of those merges joins a pair no changed link runs
        between, as close as before, so the closest pair still (ties: the same smaller ids); and
        the claims a merge leaves out are weighed over links inside the merged cluster, none of
        them changed. ``run`` goes on from there."""
        near: dict[int, list[int]] = {}
        owner = self.owner
        for g, h in changed:
            if g in owner and h in owner:
                near.setdefault(g, []).append(h)
                near.setdefault(h, []).append(g)
        label = {g: g for g in owner}
        parts = {g: [g] for g in owner}
        stop = len(log)
        for t, (c, d) in enumerate(log):
            folded = parts.pop(d)
            for g in folded:
                label[g] = c
            parts[c].extend(folded)
            if any(label[h] == c for g in folded if g in near for h in near[g]):
                stop = t
                break
        for c, d in log[:stop]:
            self._merge(c, d)
            self.log.append((c, d))

    def _merge(self, c: int, d: int) -> None:
        parts, sums, arts = self.parts, self.sums, self.arts
        dart = arts.pop(d)
        shared = arts[c].keys() & dart.keys()
        owner = self.owner
        for g in parts[d]:
            owner[g] = c
        parts[c].extend(parts.pop(d))
        self.size[c] += self.size.pop(d)
        if self.tags:
            self.tags[c] += self.tags.pop(d)
        sums_c = sums[c]
        get = sums_c.get
        for e, s in sums.pop(d).items():
            if e == c:
                continue
            sums_e = sums[e]
            sums_c[e] = sums_e[c] = get(e, 0.0) + s
            del sums_e[d]  # sums are symmetric: e's sum with d is there
        sums_c.pop(d, None)
        if not shared:  # no claim of one article on both sides: d's articles join c's, in their order
            arts[c].update(dart)
            return
        for article, y in dart.items():
            if article not in shared:
                arts[c][article] = y
                continue
            x = arts[c][article]
            sx, sy = self._weight(x, article, c), self._weight(y, article, c)
            keep, drop = (x, y) if sx > sy + _TIE or (abs(sx - sy) <= _TIE and x < y) else (y, x)
            arts[c][article] = keep
            self._drop(drop, article, c)

    def _weight(self, x: int, article: int, c: int) -> float:
        """Total similarity of item ``x`` to the other members of cluster ``c``."""
        g = self.g.group[x]
        live, owner = self.live, self.owner
        total = self.g.inner[g] * (len(live[g]) - 1)
        for h, s in self.g.adj[g].items():
            if owner.get(h) == c:
                total += s * (len(live[h]) - (article in live[h]))
        return total

    def _drop(self, z: int, article: int, c: int) -> None:
        g = self.g.group[z]
        del self.live[g][article]
        self.size[c] -= 1
        self.alone.append([z])
        if self.tags and self.exclusive is not None and (t := self.exclusive[0](self.g.items[z].claim)):
            self.tags[c][t] -= 1
            if not self.tags[c][t]:
                del self.tags[c][t]
        sums, parts = self.sums, self.parts
        for h, s in self.g.adj[g].items():
            o = self.owner.get(h)
            if o is None or o == c or o not in parts:
                continue
            w = s * (len(self.live[h]) - (article in self.live[h]))
            sums[c][o] = sums[c].get(o, 0.0) - w
            sums[o][c] = sums[c][o]


def _tags_agree(a: Counter[str], b: Counter[str], agree: Callable[[str, str], bool]) -> bool:
    return all(x == y or agree(x, y) for x in a for y in b)

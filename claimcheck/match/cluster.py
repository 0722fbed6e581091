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
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

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

    def __post_init__(self) -> None:
        if not self.adj:
            self.adj = [{} for _ in self.members]

    def link(self, g: int, h: int, score: float, rule: Rule | None = None) -> None:
        self.adj[g][h] = score
        self.adj[h][g] = score
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
        if g not in touched:
            touched.update(_component(g, graph.adj))
    for g, h in drop:
        before = graph.updates.pop((g, h) if g < h else (h, g), None)
        if before is None:
            graph.adj[g].pop(h, None)
            graph.adj[h].pop(g, None)
        else:
            graph.adj[g][h] = graph.adj[h][g] = before
    kept = [c for c in clusters if graph.group[c[0]] not in touched]
    return kept + _cluster_components(graph, sorted(touched), linkage, exclusive)


def _cluster_components(
    graph: Graph, starts: Iterable[int], linkage: float, exclusive: Exclusive | None
) -> list[list[int]]:
    """Average linkage inside each connected component reached from ``starts``, each component once."""
    done: set[int] = set()
    clusters: list[list[int]] = []
    for start in starts:
        if start in done or not graph.members[start]:
            continue
        comp = _component(start, graph.adj)
        done.update(comp)
        clusters.extend(_Linkage(graph, comp, linkage, exclusive).run())
    return clusters


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
        self.sums: dict[int, dict[int, float]] = {g: {} for g in comp}
        for g in comp:
            live_g, size_g = self.live[g], self.size[g]
            for h, s in graph.adj[g].items():
                if g < h:
                    live_h = self.live[h]
                    if size_g == 1:
                        common = int(next(iter(live_g)) in live_h)
                    else:
                        common = len(live_g.keys() & live_h.keys())
                    total = s * (size_g * self.size[h] - common)
                    if total > 0:
                        self.sums[g][h] = self.sums[h][g] = total
        self.alone: list[list[int]] = []

    def _avg(self, c: int, d: int) -> float:
        return self.sums[c].get(d, 0.0) / (self.size[c] * self.size[d])

    def run(self) -> list[list[int]]:
        parts, sums = self.parts, self.sums
        if len(parts) == 1:
            (g,) = parts
            return [sorted(self.live[g].values())]
        # Pairs below the linkage threshold are never merged (the loop stops at the first), so only
        # pairs at or above it enter the heap; a pair that rises above it by a merge is pushed then.
        size, tags, exclusive = self.size, self.tags, self.exclusive
        linkage = int(self.linkage * _GRID + 0.5)  # averages as integers on the grid, to compare

        def current() -> list[tuple[int, int, int]]:
            """A heap of every pair of clusters as it is now (no stale entries)."""
            heap = [
                (-a, c, d)
                for c, nbrs in sums.items()
                for d, total in nbrs.items()
                if c < d and (a := int(total * _GRID / (size[c] * size[d]) + 0.5)) >= linkage
            ]
            heapq.heapify(heap)
            return heap

        # Merges leave stale entries behind; popping each costs a log, so once a quarter as many
        # entries have been pushed as the heap held, it is rebuilt from the clusters instead
        # (amortised linear; the same pairs come out in the same order).
        heap = current()
        pushed, budget = 0, len(heap) // 4 + 1024
        pop, push = heapq.heappop, heapq.heappush
        while heap:
            neg, c, d = pop(heap)
            if c not in parts or d not in parts:
                continue
            avg = int(sums[c].get(d, 0.0) * _GRID / (size[c] * size[d]) + 0.5)
            if avg != -neg:
                continue  # stale entry
            if avg < linkage:
                break
            if exclusive is not None and not _tags_agree(tags[c], tags[d], exclusive[1]):
                continue  # e.g. "on Saturday" against "on Friday"
            if size[d] > size[c]:
                c, d = d, c  # fold the smaller cluster into the larger
            self._merge(c, d)
            size_c = size[c]
            for e, total in sums[c].items():
                if (a := int(total * _GRID / (size_c * size[e]) + 0.5)) >= linkage:
                    push(heap, (-a, c, e) if c < e else (-a, e, c))
                    pushed += 1
            if pushed > budget:
                heap = current()
                pushed, budget = 0, len(heap) // 4 + 1024
        out = [sorted(n for g in gs for n in self.live[g].values()) for gs in parts.values()]
        return out + self.alone

    def _merge(self, c: int, d: int) -> None:
        parts, sums, arts = self.parts, self.sums, self.arts
        shared = arts[c].keys() & arts[d].keys()
        for g in parts[d]:
            self.owner[g] = c
        parts[c].extend(parts.pop(d))
        self.size[c] += self.size.pop(d)
        dart = arts.pop(d)
        if self.tags:
            self.tags[c] += self.tags.pop(d)
        for e, s in sums.pop(d).items():
            if e == c:
                continue
            sums[c][e] = sums[c].get(e, 0.0) + s
            sums[e][c] = sums[c][e]
            sums[e].pop(d, None)
        sums[c].pop(d, None)
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

"""Review of round 16's short_one and one_term_groups (review14): short feed items of ONE event a day or two
apart, sharing its place's or its person's name and a few other words, stay one story; the name is in other
news of the window too (the case where the rule fades it). Invented items of rescue, labour, sport, health and
business news, all in one window (one grouping)."""

from __future__ import annotations

from claimcheck.stories import group
from tests.test_stories import art, sample, unrelated


def _elsewhere(name: str, key: str) -> list[tuple[float, str, str, str]]:
    return [
        (-9000 - 24 * k, f"x-{key}{k}", f"{town} council sets new budget",
         f"The council in {town} approved its budget for roads and parks and mentioned {name} in passing.")
        for k, town in enumerate(["Ashgrove", "Mellor", "Pitchley"])
    ]  # fmt: skip


EVENTS = {
    "hiker": [(0, "hk-0", "Hiker missing on Ben Carra", "Search under way on Ben Carra."),
              (30, "hk-1", "Hiker found alive on Ben Carra", "Rescuers reach walker on Ben Carra.")],
    "strike": [(0, "sk-0", "Dockers at Velport walk out", "Velport strike begins."),
               (44, "sk-1", "Velport strike ends", "Deal reached at Velport docks.")],
    "signing": [(0, "mt-0", "Quell signs for Brandon", "Brandon sign striker Quell."),
                (30, "mt-1", "Quell scores on Brandon debut", "Quell nets in first game.")],
    "recall": [(0, "rc-0", "Zentra recalls cars", "Zentra recalls 40,000 cars."),
               (34, "rc-1", "Zentra shares slide on recall", "Zentra stock falls.")],
    "flu": [(0, "f-0", "Grenwick flu outbreak", "Flu closes Grenwick school."),
            (1, "f-1", "Flu shuts Grenwick school", "Grenwick school closed by flu."),
            (2, "f-2", "Grenwick pupils sent home", "Flu at Grenwick school."),
            (30, "f-3", "Grenwick school reopens", "Grenwick pupils return after flu.")],
}  # fmt: skip
NAMES = {"hiker": "Ben Carra", "strike": "Velport", "signing": "Quell", "recall": "Zentra", "flu": "Grenwick"}


def test_short_reports_of_one_event_a_day_or_two_apart_stay_one_story() -> None:
    items = [x for key, ev in EVENTS.items() for x in [*ev, *_elsewhere(NAMES[key], key)]]
    ours = [art(f"o{k % 7}", t, x, h, slug) for k, (h, slug, t, x) in enumerate(items)]
    arts = [*sample(), *ours, *unrelated(300)]
    story = {i: k for k, g in enumerate(group(arts)) for i in g}
    of = {a.url.rsplit("/", 1)[-1]: story[arts.index(a)] for a in ours}
    for key, ev in EVENTS.items():
        assert len({of[slug] for _, slug, _, _ in ev}) == 1, key

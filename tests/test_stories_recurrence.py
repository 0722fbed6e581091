"""Recurrences of an event a year on (next season's final, next year's festival) against follow-ups.

The pages are written for claimcheck (paraphrased, invented teams, towns and people) in realistic HTML
(navigation, byline, related links, footer), served over loopback, fetched by the real `claimcheck fetch`
and grouped by the real `claimcheck stories`, as the eval does (tests/stories_eval.py).
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from claimcheck.models import Article
from claimcheck.stories import StoryOptions, group
from claimcheck.stories.terms import score_figure, term_of
from tests import stories_eval

T0 = datetime(2025, 5, 17, 17, 30, tzinfo=UTC)

# (slug, outlet, days after T0, title, paragraphs)
FINAL = [
    ("final-a", "courier", 0.0, "Harlow Rovers beat Castleton Athletic 3-1 to lift the Wessex Cup",
     ("Harlow Rovers won the Wessex Cup final 3-1 against Castleton Athletic at Brennan Park on Saturday, in "
      "front of 61,482 fans.",
      "Striker Tomasz Ilunga scored twice after the break, and Rovers manager Greta Solberg said her side had "
      "earned the trophy over a long season.",
      "Castleton manager Dev Okonjo praised his players, who had led through an early header.")),
    ("final-b", "gazette", 0.1, "Ilunga double wins Wessex Cup for Harlow Rovers",
     ("Two goals from Tomasz Ilunga gave Harlow Rovers a 3-1 win over Castleton Athletic in the Wessex Cup "
      "final at Brennan Park.",
      "A crowd of 61,482 saw Greta Solberg's team come from behind. Dev Okonjo said Castleton had simply run "
      "out of legs in the last half hour.")),
    ("final-c", "herald", 0.2, "Castleton Athletic fall to Harlow Rovers in Wessex Cup final",
     ("Castleton Athletic led early but lost 3-1 to Harlow Rovers at Brennan Park, where 61,482 watched the "
      "Wessex Cup final.",
      "Dev Okonjo's side had no answer to Tomasz Ilunga, and Greta Solberg lifted the cup for the first time "
      "as a manager.")),
]  # fmt: skip
# the same two teams' final at the same ground a season on: its own score, crowd and scorer
FINAL_AGAIN = [
    ("again-a", "courier", 364.0, "Harlow Rovers and Castleton Athletic meet again in Wessex Cup final",
     ("Castleton Athletic beat Harlow Rovers 2-0 in the Wessex Cup final at Brennan Park on Saturday, before "
      "58,917 fans.",
      "Dev Okonjo's side scored through Pablo Ferreyra twice. Greta Solberg said Rovers, and Tomasz Ilunga, "
      "never found their rhythm.")),
    ("again-b", "gazette", 364.1, "Ferreyra brace takes the Wessex Cup to Castleton",
     ("Pablo Ferreyra scored twice as Castleton Athletic won the Wessex Cup final 2-0 against Harlow Rovers at "
      "Brennan Park, with 58,917 in the stands.",
      "Dev Okonjo called it the best day of his career; Greta Solberg and Tomasz Ilunga left the pitch without "
      "a word.")),
]  # fmt: skip
# a follow-up of the first final months on: it names the final's clubs, ground and people and gives no
# figure of its own (the unit tests below move it more than a year on)
FINE = ("fine", "herald", 120.0, "Castleton Athletic fined over Wessex Cup final pitch invasion",
        ("The league fined Castleton Athletic after fans ran onto the Brennan Park pitch when Harlow Rovers beat "
         "them in the Wessex Cup final.",
         "Dev Okonjo apologised to the league, and Greta Solberg said Tomasz Ilunga had been pushed by a "
         "supporter as the teams left the field."))  # fmt: skip
# one town's lantern festival, two years running
FESTIVAL = [
    ("fest-a", "courier", 40.0, "Record crowds light up the Dunmere lantern festival",
     ("The Dunmere lantern festival drew 212,640 visitors over three nights, organiser Ruth Achterberg said, "
      "as paper lanterns floated down the Orrin.",
      "Traders on the quay said the festival was their busiest weekend of the year.")),
    ("fest-b", "gazette", 40.2, "Lanterns fill the Orrin as Dunmere festival draws 212,640",
     ("Some 212,640 people came to Dunmere for the lantern festival, according to Ruth Achterberg, who runs "
      "it, and the town's quay was closed to traffic.",
      "Lanterns were launched on the Orrin each night at dusk.")),
    ("fest-again-a", "courier", 405.0, "Dunmere lantern festival returns to the Orrin",
     ("The Dunmere lantern festival welcomed 198,375 visitors this weekend, Ruth Achterberg said, fewer than "
      "hoped after rain on the first night.",
      "Lanterns again floated down the Orrin, and traders on the quay reported a steady weekend.")),
    ("fest-again-b", "herald", 405.1, "Rain trims Dunmere lantern festival crowd to 198,375",
     ("Rain kept some visitors away from the Dunmere lantern festival, which counted 198,375 over its three "
      "nights, organiser Ruth Achterberg said.",
      "The quay by the Orrin was closed to traffic for the lantern launches.")),
]  # fmt: skip
# news of other kinds in the same window, so that each piece is compared with more than one story
OTHER = [
    ("bridge-a", "gazette", 2.0, "Kelvar bridge closed after cracks found in its main span",
     ("Engineers closed the Kelvar bridge on Monday after inspectors found cracks in its main span, the county "
      "roads office said.",
      "Drivers face a detour of 14 miles while repairs are planned.")),
    ("bridge-b", "courier", 2.1, "Cracks shut the Kelvar bridge to traffic",
     ("The county roads office shut the Kelvar bridge after cracks were found in the main span during a "
      "routine inspection.",
      "A detour adds 14 miles for drivers between the two valleys.")),
    ("rates-a", "herald", 370.0, "Central bank holds rates as inflation cools",
     ("The central bank kept its main rate unchanged on Thursday, saying inflation had cooled for a third "
      "month, and signalled cuts could come later in the year.",)),
    ("rates-b", "gazette", 370.2, "Rates left on hold as prices rise more slowly",
     ("Policymakers held the main rate as price rises slowed for a third month, the central bank said, "
      "leaving the door open to cuts later in the year.",)),
]  # fmt: skip
ALL = [*FINAL, *FINAL_AGAIN, FINE, *FESTIVAL, *OTHER]


def page(title: str, paragraphs: tuple[str, ...], outlet: str, when: datetime) -> str:
    """A news page as outlets serve them: navigation, byline, the article, related links, a footer."""
    t = html.escape(title)
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{t} | The {outlet.title()}</title>'
        f'<meta property="og:title" content="{t}">'
        f'<meta property="article:published_time" content="{when.isoformat()}"></head><body>'
        '<header><nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/local">Local</a> '
        '<a href="/weather">Weather</a></nav></header>'
        f'<main><article><h1>{t}</h1><p class="byline">By our staff reporter '
        f'<time datetime="{when.isoformat()}">{when:%d %B %Y}</time></p>{body}</article>'
        '<aside><h2>Most read</h2><ul><li><a href="/local/1">Council approves new car park</a></li>'
        '<li><a href="/local/2">School wins national choir prize</a></li></ul></aside></main>'
        f"<footer><p>&copy; The {outlet.title()}. All rights reserved.</p></footer></body></html>"
    )


def serve_and_group(tmp_path: Path) -> list[list[str]]:
    """The pieces served over loopback, fetched and grouped by the real CLI: each story's slugs."""
    from loopback import Site

    site = Site()
    by_outlet: dict[str, list[tuple[str, str, datetime]]] = defaultdict(list)
    for slug, outlet, days, title, paragraphs in ALL:
        when = T0 + timedelta(days=days)
        by_outlet[outlet].append((slug, title, when))
        site.route(f"/{outlet}/{slug}.html", page(title, paragraphs, outlet, when),
                   headers={"Content-Type": "text/html; charset=utf-8"})  # fmt: skip
    for outlet, pieces in by_outlet.items():
        items = "".join(
            f"<item><title>{html.escape(title)}</title><link>{site.base}/{outlet}/{slug}.html</link>"
            f"<pubDate>{format_datetime(when)}</pubDate></item>"
            for slug, title, when in pieces
        )
        feed = (
            '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>feed</title>'
            f"<link>{site.base}/</link><description>news</description>{items}</channel></rss>"
        )
        site.route(f"/{outlet}/feed.xml", feed, headers={"Content-Type": "application/rss+xml"})
    site.route("/robots.txt", "User-agent: *\nAllow: /\n", headers={"Content-Type": "text/plain"})
    db, src = tmp_path / "recur.db", tmp_path / "sources.yaml"
    try:
        src.write_text(stories_eval.sources_yaml(site.base, sorted(by_outlet)), encoding="utf-8")
        fetched = stories_eval.claimcheck(
            "fetch", "--quiet", "--allow-private", "--db", str(db), "--sources", str(src)
        )
        assert fetched.returncode == 0, fetched.stderr
    finally:
        site.close()
    result = stories_eval.stories_json(db, src)
    return sorted(
        sorted(a["url"].rsplit("/", 1)[-1].removesuffix(".html") for a in s["articles"])
        for s in result["stories"]
    )


def slugs(pieces: list[tuple[str, str, float, str, tuple[str, ...]]]) -> list[str]:
    return sorted(p[0] for p in pieces)


# The same stories through the real fetch and stories commands (two processes, about 3 s of CPU): with the
# slow tests; test_a_recurrence_a_year_on_joined_its_last_occurrence_without_the_rule checks the grouping
# of the same pieces in the default run.
@pytest.mark.slow
def test_next_seasons_final_and_next_years_festival_stay_apart_and_the_follow_up_joins(
    tmp_path: Path,
) -> None:
    got = serve_and_group(tmp_path)
    assert slugs([*FINAL, FINE]) in got  # the follow-up months on joins the final it follows up
    assert slugs(FINAL_AGAIN) in got  # next season's final is its own story
    assert slugs(FESTIVAL[:2]) in got and slugs(FESTIVAL[2:]) in got  # each year's festival its own
    assert len(got) == 6


def articles() -> list[Article]:
    out = []
    for slug, outlet, days, title, paragraphs in ALL:
        url = f"https://{outlet}.example/{slug}"
        when = T0 + timedelta(days=days)
        out.append(Article(outlet, url, url, title, " ".join(paragraphs), slug, when, published=when))
    return out


def slug(a: Article) -> str:
    return a.url.rsplit("/", 1)[-1]


def stories(arts: list[Article], options: StoryOptions | None = None) -> list[list[str]]:
    return sorted(sorted(slug(arts[i]) for i in g) for g in group(arts, options))


def test_a_recurrence_a_year_on_joined_its_last_occurrence_without_the_rule() -> None:
    arts = articles()
    before = stories(arts, StoryOptions(recur_days=0))
    # the same teams, ground and people, a season on: without the rule next season's final joined this one
    # (the average link, its similarity halved by a year, is still above the link) and so did next year's
    # festival; with it, each gives figures of its own and shares none with the other: apart
    assert slugs([*FINAL, *FINAL_AGAIN, FINE]) in before
    assert slugs(FESTIVAL) in before
    after = stories(arts)
    assert slugs([*FINAL, FINE]) in after and slugs(FINAL_AGAIN) in after
    assert slugs(FESTIVAL[:2]) in after and slugs(FESTIVAL[2:]) in after


def test_a_recurrence_two_seasons_on_that_only_the_named_follow_ups_joined_stays_apart() -> None:
    # one report of the final two seasons on: time damping keeps it out of the linkage, but it is clearly about
    # the first final before damping and names its clubs, ground and people, so the story pass's named
    # follow-ups joined it; it gives its own crowd figure and none of the final's: a recurrence, apart
    arts = [
        a for a in articles() if slug(a) in slugs(FINAL) or slug(a) in ("again-a", "bridge-a", "bridge-b")
    ]
    arts = [replace(a, published=T0 + timedelta(days=728)) if slug(a) == "again-a" else a for a in arts]
    assert ["again-a", *slugs(FINAL)] in stories(arts, StoryOptions(recur_days=0))
    after = stories(arts)
    assert slugs(FINAL) in after and ["again-a"] in after
    # with the named follow-ups off it stays apart anyway: it was that rule that joined it
    assert slugs(FINAL) in stories(arts, StoryOptions(recur_days=0, story_names=0))


def test_a_follow_up_a_year_on_that_repeats_a_figure_or_gives_none_still_joins() -> None:
    arts = [a for a in articles() if not slug(a).startswith("again")]
    k = next(i for i, a in enumerate(arts) if slug(a) == "fine")
    arts[k] = replace(arts[k], published=T0 + timedelta(days=400))
    # the fine gives no figure of its own: it joins the final through the names it shares (named follow-ups)
    assert slugs([*FINAL, FINE]) in stories(arts)
    # a follow-up that gives a figure of its own and repeats one of the final's: the same fact, so it joins
    told = arts[k].text + " The 61,482 fans saw 1,204 stewards on duty, the league's report said."
    arts[k] = replace(arts[k], text=told)
    assert slugs([*FINAL, FINE]) in stories(arts)
    # ... and one that gives its own figure only, a year on, is taken for another occurrence: apart
    arts[k] = replace(arts[k], text=arts[k].text.replace("The 61,482 fans saw", "The league counted"))
    assert slugs(FINAL) in stories(arts)


def without_crowds(a: Article) -> Article:
    """The article without its crowd figure (61,482, 58,917): its score is the only figure it gives."""
    text = re.sub(r"(, )?(in front of |before |with |where |A crowd of )[0-9,]{6}[^.]*?(?=\.)", "", a.text)
    return replace(a, text=re.sub(r"(?<=\.) +saw ", " ", text))


def test_a_final_a_season_on_told_with_its_score_only_stays_apart_and_a_follow_up_with_the_score_joins() -> (
    None
):
    arts = [without_crowds(a) for a in articles()]
    assert not any(re.search(r"\d{2},\d{3}", a.text) for a in arts if slug(a).startswith(("final", "again")))
    # a score ("3-1", "2-0") is a figure of the match's own: next season's final gives another, so apart
    got = stories(arts)
    assert slugs([*FINAL, FINE]) in got and slugs(FINAL_AGAIN) in got
    assert slugs([*FINAL, *FINAL_AGAIN, FINE]) in stories(arts, StoryOptions(recur_days=0))
    # a follow-up a year on that gives a tally of its own and repeats the final's score joins it
    arts = [a for a in arts if not slug(a).startswith("again")]
    k = next(i for i, a in enumerate(arts) if slug(a) == "fine")
    late = arts[k].text + " The panel voted 4-1 to fine the club for the scenes after the 3-1 final."
    arts[k] = replace(arts[k], text=late, published=T0 + timedelta(days=400))
    assert slugs([*FINAL, FINE]) in stories(arts)


@pytest.mark.parametrize("days", [300.0, 329.0])
def test_groups_less_than_recur_days_apart_are_not_judged_recurrences(days: float) -> None:
    arts = [a for a in articles() if not slug(a).startswith(("fest", "fine"))]
    moved = [
        replace(a, published=T0 + timedelta(days=days + 0.1 * k)) if slug(a).startswith("again") else a
        for k, a in enumerate(arts)
    ]
    assert stories(moved, StoryOptions(recur_days=days + 1.0)) == stories(moved, StoryOptions(recur_days=0))


def test_a_score_is_two_small_numbers_joined_by_a_hyphen_not_a_range_of_years() -> None:
    scores = [
        t
        for t in ("3-1", "2-0", "5-4", "112-104", "2017-18", "1914-1918", "3", "1,200")
        if score_figure(term_of(t) or "")
    ]
    assert scores == ["3-1", "2-0", "5-4", "112-104"]

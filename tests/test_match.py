"""Unit tests of the matcher on hand-made claims: the matching rules of DESIGN.md, one by one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from claimcheck.match import MatchOptions, cluster_items, match_facts
from claimcheck.models import Article, Claim, Interval, Outlet
from claimcheck.syndication import find_syndicated

T0 = datetime(2025, 12, 13, 10, tzinfo=UTC)
OUTLETS = {
    o.id: o
    for o in [
        Outlet("reuters", "Reuters", ("Thomson Reuters",), wire=True),
        Outlet("apnews", "AP", ("Associated Press",), wire=True),
        Outlet("bbc", "BBC"),
        Outlet("cbs", "CBS News"),
        Outlet("aljazeera", "Al Jazeera"),
        Outlet("latimes", "Los Angeles Times"),
        Outlet("lemonde", "Le Monde"),
    ]
}
FILLER = " ".join(f"word{i}" for i in range(80))


def num(value: float | Interval, sentence: str, unit: str = "political prisoners", **kw: object) -> Claim:
    iv = value if isinstance(value, Interval) else Interval.exact(value)
    return Claim("number", str(value), sentence, 0, 3, value=iv, unit=unit, **kw)  # type: ignore[arg-type]


def quote(text: str, speaker: str | None = "Ales Bialiatski") -> Claim:
    return Claim("quote", text, f"“{text},” he said.", 1, 1 + len(text), speaker=speaker)


def stmt(text: str) -> Claim:
    return Claim("statement", text, text, 0, len(text))


def art(outlet: str, *claims: Claim, hour: int = 0, n: int = 0, text: str | None = None) -> Article:
    url = f"https://{outlet}.example/{hour}/{n}"
    body = text if text is not None else " ".join(c.sentence for c in claims) + f" {outlet} {hour} {n}"
    return Article(outlet, url, url, f"{outlet} story", body, url, T0, published=T0 + timedelta(hours=hour),
                   claims=tuple(claims))  # fmt: skip


def facts_of(*articles: Article, **opts: object):  # noqa: ANN201
    return match_facts(articles, OUTLETS, MatchOptions(**opts))  # type: ignore[arg-type]


def fact_with(facts, outlet: str, kind: str = "number"):  # noqa: ANN001, ANN201
    return next(f for f in facts if outlet in f.outlets and f.kind == kind)


def test_overlapping_intervals_agree_and_close_values_conflict() -> None:
    facts = facts_of(
        art("reuters", num(123, "Belarus freed 123 political prisoners on Saturday."), hour=0),
        art(
            "bbc", num(Interval(120, None, False), "Belarus freed more than 120 political prisoners."), hour=1
        ),
        art("cbs", num(125, "Belarus freed 125 political prisoners, officials said."), hour=2),
        art("aljazeera", num(123, "Belarus has freed 123 prisoners.", unit="prisoners"), hour=3),
    )
    fact = fact_with(facts, "reuters")
    assert set(fact.outlets) == {"reuters", "bbc", "cbs", "aljazeera"}
    assert fact.value == Interval.exact(123)
    assert [(c.outlet, c.value.low) for c in fact.conflicts] == [("cbs", 125)]
    assert fact.first_outlet == "reuters"


def test_far_values_and_a_different_time_span_are_different_facts() -> None:
    facts = facts_of(
        art("reuters", num(123, "Belarus freed 123 political prisoners on Saturday."), hour=0),
        art(
            "bbc",
            num(430, "More than 430 political prisoners were freed since July 2024.", when="since July 2024"),
            hour=1,
        ),  # fmt: skip
        art(
            "latimes",
            num(
                Interval(430, None, False),
                "Belarus has freed over 430 political prisoners since July 2024.",
                when="since July 2024",
            ),
            hour=2,
        ),  # fmt: skip
        art(
            "cbs", num(300, "Belarus freed 300 political prisoners in the past.", unit="political prisoners")
        ),
    )
    first = fact_with(facts, "reuters")
    assert first.outlets == ("reuters",)
    since = fact_with(facts, "bbc")
    assert set(since.outlets) == {"bbc", "latimes"}


def test_two_claims_of_one_article_are_never_one_fact() -> None:
    a = art("reuters", num(123, "Belarus freed 123 political prisoners."), num(123, "The 123 political prisoners "
            "freed by Belarus crossed into Lithuania."))  # fmt: skip
    b = art("bbc", num(123, "Belarus freed 123 political prisoners."), hour=1)
    facts = facts_of(a, b)
    for f in facts:
        urls = [m.url for m in f.mentions]
        assert len(urls) == len(set(urls))
    assert sorted(len(f.mentions) for f in facts) == [1, 2]


def test_no_chaining_through_an_intermediate_claim() -> None:
    # 100 ~ 120 and 120 ~ 145 are each within 25%, but 100 and 145 are not: single linkage would
    # put all three into one fact.
    facts = facts_of(
        art("bbc", num(100, "Belarus freed 100 political prisoners."), hour=0),
        art("cbs", num(120, "Belarus freed 120 political prisoners."), hour=1),
        art("lemonde", num(145, "Belarus freed 145 political prisoners."), hour=2),
    )
    assert max(len(f.outlets) for f in facts) <= 2


def test_cluster_items_does_not_chain() -> None:
    from claimcheck.match import Item

    items = [Item(i, i, num(1, "x")) for i in range(4)]
    edges = {(0, 1): (0.9, ("quote", 90)), (1, 2): (0.9, ("quote", 90)), (2, 3): (0.9, ("quote", 90))}
    clusters = cluster_items(items, edges, 0.5)
    assert sorted(len(c) for c in clusters) == [2, 2]


def test_quote_fidelity_and_speaker() -> None:
    full = "I am happy to be free, but my thoughts are with those who remain in prison in Belarus"
    facts = facts_of(
        art("reuters", quote(full), hour=0),
        art("lemonde", quote("my thoughts are with those who remain in prison in Belarus"), hour=1),
        art(
            "latimes",
            quote("I am glad to be free, but my thoughts are with all who remain in prisons in Belarus"),
            hour=2,
        ),  # fmt: skip
        art("bbc", quote("We will keep fighting for democracy", speaker="Sviatlana Tsikhanouskaya"), hour=3),
    )
    fact = fact_with(facts, "reuters", "quote")
    assert set(fact.outlets) == {"reuters", "lemonde", "latimes"}
    assert fact.speaker == "Ales Bialiatski"
    fidelity = {m.outlet: m.fidelity for m in fact.mentions}
    assert fidelity == {"reuters": "verbatim", "lemonde": "trimmed", "latimes": "paraphrased"}


def test_statements_match_on_content_words_and_names() -> None:
    facts = facts_of(
        art("reuters", stmt("The United States lifted sanctions on Belarusian potash producer Belaruskali.")),
        art(
            "bbc", stmt("Washington lifted sanctions on the Belarusian potash producer Belaruskali."), hour=1
        ),
        art("cbs", stmt("Lithuania closed its border crossings with Belarus for two days."), hour=2),
    )
    fact = fact_with(facts, "reuters", "statement")
    assert set(fact.outlets) == {"reuters", "bbc"}


def test_outlet_once_per_fact_and_syndication_by_dateline() -> None:
    wire = "VILNIUS, Dec 13 (Reuters) - Belarus freed 123 political prisoners. " + FILLER
    facts = facts_of(
        art("reuters", num(123, "Belarus freed 123 political prisoners."), hour=0, text=wire),
        art(
            "cbs",
            num(123, "Belarus freed 123 political prisoners."),
            hour=1,
            text="VILNIUS (Reuters) — Belarus freed 123 political prisoners.",
        ),  # fmt: skip
        art("bbc", num(123, "Belarus freed 123 political prisoners on Saturday."), hour=2, n=1),
        art("bbc", num(123, "The 123 political prisoners freed by Belarus arrived in Vilnius."), hour=3, n=2),
    )
    fact = fact_with(facts, "reuters")
    assert fact.outlets == ("reuters", "cbs", "bbc")
    assert fact.independent_outlets == ("reuters", "bbc")
    assert "reuters" in fact.cited_sources  # the dateline credits Reuters for cbs's copy


def test_byline_and_reporting_by_mark_wire_copy_but_not_the_wire_itself() -> None:
    arts = [
        art("reuters", text="Belarus freed prisoners. Reporting by Jane Doe; Editing by John Roe"),
        art("bbc", text="By Anna Smith, Associated Press\nBelarus freed prisoners."),
        art("cbs", text="Belarus freed prisoners, the BBC said."),
    ]
    marked = find_syndicated(arts, OUTLETS)
    assert set(marked) == {1}


def test_near_duplicate_is_syndicated_and_the_earliest_is_the_original() -> None:
    base = "Belarus freed 123 political prisoners on Saturday in a deal with Washington. " + FILLER
    arts = [
        art("bbc", text="Breaking news. " + base, hour=1),
        art("lemonde", text=base + " More to follow.", hour=0),
        art("cbs", text="Something else entirely. " + " ".join(f"other{i}" for i in range(90)), hour=2),
    ]
    assert set(find_syndicated(arts, OUTLETS)) == {0}


def test_cited_source_counts_even_when_absent() -> None:
    cite = Claim("citation", "according to Thomson Reuters", "Belarus freed 123 political prisoners, according "
                 "to Thomson Reuters.", 40, 70, cites="Thomson Reuters")  # fmt: skip
    facts = facts_of(
        art("bbc", num(123, cite.sentence), cite, hour=0),
        art("cbs", num(123, "Belarus freed 123 political prisoners on Saturday."), hour=1),
    )
    fact = fact_with(facts, "bbc")
    assert fact.cited_sources == ("reuters",)
    assert "reuters" not in fact.outlets


def test_explain_links_carry_score_and_rule() -> None:
    facts = facts_of(
        art("reuters", num(123, "Belarus freed 123 political prisoners.")),
        art("bbc", num(123, "Belarus freed 123 political prisoners."), hour=1),
    )
    (link,) = fact_with(facts, "reuters").links
    assert link.score > 0.9 and link.rule.startswith("number: same 'prisoner', values agree")


def test_scales_roughly_linearly() -> None:
    """Growth, not speed: matching 4x the claims costs less than 4**1.3 times as long.

    Robust on a busy machine: each size is timed three times and the best kept (noise only ever
    adds time), garbage collection is off while timing, and the sizes are large enough (a few
    thousand claims) that fixed costs do not dominate the smaller one.
    """
    import gc
    import time

    def corpus(n_articles: int) -> tuple[list[Article], dict[str, Outlet]]:
        # a realistic spread: each story counts its own things, so blocks stay small as data grows;
        # statements and quotes recur across outlets as real copy's do
        def claims(a: int) -> list[Claim]:
            story = a % (n_articles // 4)
            out = []
            for k in range(6):
                thing, value = f"thing{(a + k) % (n_articles // 4)}", 10 + (a * 7 + k) % 500
                out.append(num(value, f"Story {a} counted {value} {thing}.", unit=thing))
            out.append(
                stmt(f"Officials in Place{story} said the inquiry into case {story} would report soon.")
            )
            out.append(
                quote(f"we will rebuild place{story} street by street and house by house", f"Mayor {story}")
            )
            return out

        arts = [art(f"o{a % 7}", *claims(a), hour=a % 48, n=a) for a in range(n_articles)]
        return arts, {f"o{i}": Outlet(f"o{i}", f"O{i}") for i in range(7)}

    def best_of_3(n_articles: int) -> float:
        arts, outlets = corpus(n_articles)
        times = []
        for _ in range(3):
            gc.collect()
            gc.disable()
            try:
                t = time.perf_counter()
                match_facts(arts, outlets)
                times.append(time.perf_counter() - t)
            finally:
                gc.enable()
        return min(times)

    best_of_3(20)  # warm up
    small, big = best_of_3(80), best_of_3(320)
    assert big / small < 4**1.3, (small, big)

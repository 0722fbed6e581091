"""Round variants22: one fact told in other words, fifth round (issue 12: recall and fragmentation). Every rule has
sentences written here from several kinds of news, read by the real extractor and matched by match_facts, with what
must stay apart; the loopback test at the end serves the TUNE part of the invented events of
tests/data/variants22_events.json (those whose int(sha1(name), 16) % 3 != 0; the others are the check part, measured
only) through the real `claimcheck fetch` and compare."""

from __future__ import annotations

from test_match_general import OUTLETS, told

from claimcheck.match.pipeline import match_facts
from claimcheck.match.rules import MatchOptions


def _rows(*texts: str) -> list[list[tuple[str, str]]]:
    """The number rows of several outlets' texts: each row's (outlet, claim text), in order."""
    articles = [told(o, t, hour=h) for h, (o, t) in enumerate(zip(OUTLETS, texts, strict=False))]
    facts = match_facts(articles, OUTLETS, MatchOptions())
    return [[(m.outlet, m.claim.text) for m in f.mentions] for f in facts if f.kind == "number"]


def _row_of(rows: list[list[tuple[str, str]]], text: str) -> list[tuple[str, str]]:
    return next(r for r in rows if any(text in t for _, t in r))


# --- rule 1: a figure restated in brackets in another unit bridges the facts of its two units ----------------------


def test_a_figure_restated_in_brackets_joins_the_facts_of_both_units() -> None:
    # a mountain rescue: metres and feet
    rows = _rows("The climbers were found at about 6,100 metres on the north face, the guides said.",
                 "They were found at 6,100 m (20,000 ft) on the north face, the guides said.",
                 "Rescuers reached the pair at 20,000ft on Tuesday.")  # fmt: skip
    assert len(_row_of(rows, "20,000ft")) == 4
    # a pipeline: kilometres and miles
    rows = _rows("The new pipeline will run for 320km across the plain.",
                 "The pipeline will run 320 km (199 miles) from the coast.",
                 "The 199-mile pipeline is due to open in 2029.")  # fmt: skip
    assert len(_row_of(rows, "199-mile pipeline")) == 4
    # a farm sale: hectares and acres
    rows = _rows("The estate covers 4,000 hectares of moorland.",
                 "The estate extends over 4,000 ha (9,884 acres) of moorland, the agents said.",
                 "Its 9,884 acres include two lochs.")  # fmt: skip
    assert len(_row_of(rows, "9,884 acres")) == 4
    # a transfer fee: money in two currencies, as the article itself says
    rows = _rows("The club paid 60 million euros for the midfielder.",
                 "The club paid 60 mln euros (52 mln pounds) for the midfielder, it said.",
                 "The midfielder cost £52m.")  # fmt: skip
    assert len(_row_of(rows, "£52m")) == 4


def test_figures_not_restated_in_brackets_stay_in_their_own_units() -> None:
    # a part in brackets is no restatement: five people, three of them children
    rows = _rows("The storm killed 120 people (45 children) in the valley.", "Some 45 children died in the storm.",
                 "The storm killed 120 people in the valley.")  # fmt: skip
    assert ("npr", "120 people") not in _row_of(rows, "Some 45 children")
    # two lengths in brackets that do not agree once converted (a typo, another figure) stay apart
    rows = _rows("The pipeline will run 320 km (150 miles) from the coast.", "The 150-mile pipeline opens in 2029.",
                 "The pipeline will run for 320km across the plain.")  # fmt: skip
    assert ("npr", "320km") not in _row_of(rows, "150-mile pipeline")
    # a figure in brackets after another sentence's figure, of another thing
    rows = _rows("Turnout was 64% (1.2 million voters), officials said.", "Some 1.2 million voters took part.",
                 "Turnout was 64%, officials said.")  # fmt: skip
    assert ("npr", "64%") not in _row_of(rows, "Some 1.2 million voters")

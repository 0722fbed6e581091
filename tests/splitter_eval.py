"""Sentence boundary accuracy and speed: our splitter against pysbd and syntok.

Run ``python -m tests.splitter_eval`` from the repository root to print the table. pysbd and syntok are
not project dependencies; each is measured only when it is installed (``pip install pysbd syntok``).

Accuracy is the fraction of gold sentences a splitter yields with exactly the gold boundaries (ignoring
surrounding whitespace). Three sets:

- tricky: the snippets in ``TRICKY`` below (abbreviations, initials, decimals, datelines, quotes).
- own: ``data/claims_labelled.json``; the items of each story are joined with a space into one passage
  and every item is a gold sentence (the few two-sentence items are split by ``_OWN_SPLITS``).
- real: ``data/claims_real_labelled.json``; each item's [start, end) is a gold sentence span in the
  ``articleBody`` of its page in ../shared/realdata. Note: these spans were picked from our splitter's
  output when the claims were labelled, so the real set leans towards ours.

Convention (the claim extractor needs a quotation and its speaker together): a quotation of several
sentences followed or preceded by its attribution is one sentence.
Speed is milliseconds per 1,000 words over the ``articleBody`` of all real pages.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from claimcheck.claims.sentences import split_sentences

DATA = Path(__file__).parent / "data"
REALDATA = Path(__file__).resolve().parents[2] / "shared" / "realdata" / "extraction-benchmark"

Span = tuple[int, int]
Splitter = Callable[[str], list[Span]]

# Each snippet is its gold sentences in order; the text is the sentences joined with a single space.
TRICKY: list[list[str]] = [
    ["The U.S. Senate passed the bill on Tuesday.", "It now goes to the House."],
    ["The sanctions were first imposed by the U.S.", "The European Union followed a week later."],
    ["Mr. Smith went to Washington.", "He met Dr. Jones there."],
    ["The talks ended on Dec. 13 without a deal.", "Both sides blamed each other."],
    ["He lives at No. 10 Downing Street.", "The door is black."],
    ["The Lord of the Rings was written by J. R. R. Tolkien.", "It was published in 1954."],
    ["Inflation rose 2.5 percent in March.", "Analysts had expected 2.3 percent."],
    [
        "VILNIUS, Dec 13 (Reuters) - Belarus freed 123 political prisoners on Saturday.",
        "Most left for Lithuania.",
    ],
    ["“Why?” Trump tweeted.", "He did not elaborate."],
    ["“We will not stop. We will never stop,” she said.", "The crowd cheered."],
    ['"I am innocent. I did nothing wrong," he told the court.', "The judge was unmoved."],
    ["Shares of Apple Inc. rose 3% on Monday.", "The company did not comment."],
    ["The meeting starts at 9 a.m. on Friday.", "Lunch follows at noon."],
    ["He arrived at 9 p.m.", "The guards let him in."],
    ["Gen. Mark Milley spoke first.", "Sen. Elizabeth Warren replied."],
    ["The company earned $1.2bn in the quarter.", "Its shares rose 4.5%."],
    ["Is this the end?", "Nobody knows!", "We will see."],
    ["The vote was 52 vs. 48 in the Senate.", "It was close."],
    ["George W. Bush visited Kyiv in 2008.", "He met Viktor Yushchenko."],
    ["The case, U.S. v. Smith, was heard in 2019.", "Smith lost."],
    ["Prices rose by approx. 3% last year.", "Wages did not keep up."],
    ["Some fruits, e.g. apples, are cheap.", "Others are not."],
    ['He called the plan "a disaster."', "Others disagreed."],
    ["The U.K. and the E.U. reached a deal at 11 p.m. on Thursday.", "Markets rallied."],
    ["The St. Louis Cardinals won the game.", "Fans celebrated in the streets."],
    [
        "WASHINGTON (AP) — The Supreme Court on Monday declined to hear the case.",
        "The justices gave no reason.",
    ],
    ["The rate was cut to 0.25 percent.", "It was the first cut since 2008."],
    ['"Where is the money?" asked the prosecutor.', "The defendant said nothing."],
    ["Pope Francis met Pres. Biden at 10 a.m.", "They spoke for an hour."],
    ["She said: “The prisoners are free. They are going home.”", "Then she left."],
    ["Building No. 5 burned down.", "Nobody was hurt, officials said."],
    ["Mr. and Mrs. Brown left early.", "Their car was later found on Main St. in Dover."],
    ["The 2.3 million figure came from the U.N. refugee agency.", "Its chief, Filippo Grandi, confirmed it."],
    ["“It is over,” said Ms. Lee. “We are going home.”", "Nobody stopped her."],
]

# Own-set items that hold two sentences: the text each second sentence starts with.
_OWN_SPLITS = {
    "prison-09": '"We will keep',
    "election-55": '"We did it',
    "court-84": '"The verdict',
    "i12-33": "'Nobody",
}


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _join(sentences: Iterable[str]) -> tuple[str, list[Span]]:
    text, gold = "", []
    for s in sentences:
        if text:
            text += " "
        gold.append((len(text), len(text) + len(s)))
        text += s
    return text, gold


def tricky_cases() -> list[tuple[str, list[Span]]]:
    return [_join(snippet) for snippet in TRICKY]


def own_cases(path: Path = DATA / "claims_labelled.json") -> list[tuple[str, list[Span]]]:
    stories: dict[str, list[str]] = {}
    for item in json.loads(path.read_text(encoding="utf-8")):
        text = item["text"]
        cut = _OWN_SPLITS.get(item["id"])
        parts = [text[: text.index(cut)].strip(), text[text.index(cut) :]] if cut else [text]
        stories.setdefault(item.get("story", "all"), []).extend(parts)
    return [_join(sentences) for sentences in stories.values()]


def load_real_pages() -> dict[str, str] | None:
    gt = REALDATA / "ground-truth.json"
    if not gt.exists():
        return None
    return {k: v["articleBody"] for k, v in json.loads(gt.read_text(encoding="utf-8")).items()}


def real_cases(
    pages: Mapping[str, str], path: Path = DATA / "claims_real_labelled.json"
) -> list[tuple[str, list[Span]]]:
    gold: dict[str, list[Span]] = {}
    for item in json.loads(path.read_text(encoding="utf-8")):
        body = pages[item["page"]]
        gold.setdefault(item["page"], []).append(_trim(body, item["start"], item["end"]))
    return [(pages[page], spans) for page, spans in gold.items()]


def ours(text: str) -> list[Span]:
    return [(s.start, s.end) for s in split_sentences(text)]


def available_splitters() -> dict[str, Splitter]:
    """Our splitter plus pysbd and syntok when they are installed."""
    splitters: dict[str, Splitter] = {"ours": ours}
    try:
        import pysbd
    except ImportError:
        pass
    else:
        seg = pysbd.Segmenter(language="en", clean=False, char_span=True)

        def pysbd_split(text: str) -> list[Span]:
            return [(s.start, s.end) for s in seg.segment(text)]

        splitters["pysbd"] = pysbd_split
    try:
        from syntok import segmenter
    except ImportError:
        pass
    else:

        def syntok_split(text: str) -> list[Span]:
            return [
                (sentence[0].offset, sentence[-1].offset + len(sentence[-1].value))
                for paragraph in segmenter.analyze(text)
                for sentence in paragraph
                if sentence
            ]

        splitters["syntok"] = syntok_split
    return splitters


def accuracy(split: Splitter, cases: Iterable[tuple[str, list[Span]]]) -> tuple[int, int, list[str]]:
    """Gold sentences recovered exactly, gold sentences in all, and a description of each miss."""
    hit = total = 0
    misses: list[str] = []
    for text, gold in cases:
        got = {_trim(text, s, e) for s, e in split(text)}
        for s, e in gold:
            total += 1
            if (s, e) in got:
                hit += 1
            else:
                near = sorted(g for g in got if g[0] < e and s < g[1])
                misses.append(f"gold {text[s:e]!r} got {[text[a:b] for a, b in near]!r}")
    return hit, total, misses


def speed(split: Splitter, texts: list[str]) -> float:
    """Milliseconds per 1,000 words (best of three passes)."""
    words = sum(len(t.split()) for t in texts)
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for t in texts:
            split(t)
        best = min(best, time.perf_counter() - t0)
    return 1000 * best / (words / 1000)


def main(verbose: bool = False) -> None:
    pages = load_real_pages()
    sets = {"tricky": tricky_cases(), "own": own_cases()}
    if pages is not None:
        sets["real"] = real_cases(pages)
    names = list(sets)
    print("| splitter | " + " | ".join(names) + " | ms / 1,000 words |")
    print("|---" * (len(names) + 2) + "|")
    for name, split in available_splitters().items():
        cells = []
        for set_name, cases in sets.items():
            hit, total, misses = accuracy(split, cases)
            cells.append(f"{hit / total:.3f} ({hit}/{total})")
            if verbose:
                for miss in misses:
                    print(f"  {name} {set_name}: {miss}")
        ms = f"{speed(split, list(pages.values())):.1f}" if pages is not None else "n/a"
        print(f"| {name} | " + " | ".join(cells) + f" | {ms} |")
    if pages is None:
        print(f"(real set and speed skipped: {REALDATA} not found)")


if __name__ == "__main__":
    import sys

    main(verbose="-v" in sys.argv[1:])

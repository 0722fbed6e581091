"""Quotes and their speakers on invented sentences of many kinds of news (round speakers23).

``tests/data/speakers23_sentences.json`` holds short invented texts, each with the quotes of record in it (a
fragment of the quoted words) and the true speaker (last name or role; "-" when the text does not tell). A third
of the texts, by ``sha1("speakers23:" + text)``, is the check split: figures only.

    python -m tests.speakers_eval [--split tune|check] [-v]

prints quote precision and recall (a quote found when an extracted quote holds the fragment) and speaker accuracy
(among the labelled quotes found, the speaker right; and of all labelled quotes, found with the right speaker).
``-v`` lists the tune split's misses; the check split's are never printed.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimcheck.claims import extract_claims
from claimcheck.models import Claim
from tests.claims_eval import ALIASES, _norm, _speaker_ok

SENTENCES = Path(__file__).parent / "data" / "speakers23_sentences.json"
SPLITS = ("tune", "check")
USAGE = "usage: python -m tests.speakers_eval [--split tune|check] [-v]  (-v lists tune misses only)"


def split_of(text: str) -> str:
    """The item's split: "check" for a third of the texts by hash, else "tune"."""
    return "check" if int(hashlib.sha1(("speakers23:" + text).encode("utf-8")).hexdigest(), 16) % 3 == 0 else "tune"


@dataclass
class SpeakerScore:
    """Counts of one split: quotes found / extra / missed, and speakers right among the found."""

    found: int = 0
    extra: int = 0
    missed: int = 0
    right: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.found / (self.found + self.extra) if self.found + self.extra else 1.0

    @property
    def recall(self) -> float:
        return self.found / (self.found + self.missed) if self.found + self.missed else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def speaker_recall(self) -> float:
        return self.right / (self.found + self.missed) if self.found + self.missed else 1.0


def speaker_right(expected: str, got: Claim) -> bool:
    """The label's speaker ("-": none) is the extracted one, or the role as credited (``extra["credit"]``)."""
    want = None if expected == "-" else expected
    credit = got.extra.get("credit")
    return _speaker_ok(want, got.speaker) or (want is not None and credit is not None and _speaker_ok(want, str(credit)))


def score_text(item: Mapping[str, Any], score: SpeakerScore) -> None:
    """Match the labelled quotes of one item to the extracted ones (greedy, one to one) and count."""
    quotes = [c for c in extract_claims(item["text"], ALIASES) if c.kind == "quote"]
    for label in item["quotes"]:
        want = _norm(label["text"])
        hit = next((q for q in quotes if want in str(q.extra.get("norm", ""))), None)
        if hit is None:
            score.missed += 1
            score.misses.append(f"{item['id']} missed quote {label['text']!r} ({label['speaker']})")
            continue
        quotes.remove(hit)
        score.found += 1
        if speaker_right(label["speaker"], hit):
            score.right += 1
        else:
            score.misses.append(
                f"{item['id']} speaker {hit.speaker!r} (credit {hit.extra.get('credit')!r}) for "
                f"{label['text']!r}, want {label['speaker']!r}"
            )
    for q in quotes:
        score.extra += 1
        score.misses.append(f"{item['id']} extra quote {q.text[:60]!r} ({q.speaker})")


def evaluate(split: str, path: Path = SENTENCES) -> SpeakerScore:
    score = SpeakerScore()
    for item in json.loads(path.read_text(encoding="utf-8")):
        if split_of(item["text"]) == split:
            score_text(item, score)
    return score


def main(argv: list[str]) -> None:
    if "-h" in argv or "--help" in argv:
        print(USAGE)
        return
    split = "tune"
    if "--split" in argv:
        at = argv.index("--split")
        split = argv[at + 1] if at + 1 < len(argv) else ""
    if split not in SPLITS or any(a not in ("--split", "-v", split) for a in argv):
        sys.exit(f"speakers_eval: bad options {' '.join(argv)!r}\n{USAGE}")
    s = evaluate(split)
    print("| split | quotes P | quotes R | speaker right (of found) | speaker right (of labelled) | found | extra | missed |")
    print("|---|---|---|---|---|---|---|---|")
    print(
        f"| {split} | {s.precision:.2f} | {s.recall:.2f} | {s.speaker_accuracy:.2f} | {s.speaker_recall:.2f} | "
        f"{s.found} | {s.extra} | {s.missed} |"
    )
    if "-v" in argv and split == "tune":  # the check split's misses are never printed
        print("\n".join(s.misses))


if __name__ == "__main__":
    main(sys.argv[1:])

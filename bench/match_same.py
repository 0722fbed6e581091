"""Equivalence check for matcher changes: the facts ``match_facts`` gives on the bench.match corpus, as
text, so that two versions of the matcher can be compared fact by fact.

Run it on the old version with --out, then on the new one with --against the same directory: it
writes one file per size (every fact's repr, in order) and prints, per size, the facts' count, a
sha1 of the text and, with --against, how many facts differ from the old run's (and the first few).
CPU time of match_facts in this process is printed too (the machine may be loaded).

    python -m bench.match_same --sizes 3000,10000 --out /tmp/before      # on the old commit
    python -m bench.match_same --sizes 3000,10000 --against /tmp/before  # on the new one
"""

from __future__ import annotations

import argparse
import hashlib
import re
import time
from pathlib import Path

from bench.match import build_articles, first_claims

_ID = re.compile(r"^Fact\(id='F\d+', ")


def dump(size: int, articles: list, outlets: dict) -> tuple[list[str], float]:  # type: ignore[type-arg]
    from claimcheck.match.pipeline import match_facts
    from claimcheck.match.rules import MatchOptions

    arts, _ = first_claims(articles, size)
    t = time.process_time()
    facts = match_facts(arts, outlets, MatchOptions())
    return [repr(f) for f in facts], time.process_time() - t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.match_same", description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="3000,10000", help="claim counts, comma-separated")
    ap.add_argument("--outlets", type=int, default=50)
    ap.add_argument("--out", type=Path, help="write the facts here (one file per size)")
    ap.add_argument("--against", type=Path, help="compare with the files an earlier --out wrote")
    a = ap.parse_args(argv)
    sizes = sorted(int(s) for s in a.sizes.split(","))
    articles, outlets = build_articles(sizes[-1], a.outlets)
    differ = 0
    for size in sizes:
        lines, cpu = dump(size, articles, outlets)
        text = "\n".join(lines) + "\n"
        digest = hashlib.sha1(text.encode()).hexdigest()[:12]
        print(
            f"{size:,} claims: {len(lines):,} facts, sha1 {digest}, match_facts {cpu:.2f} s CPU", flush=True
        )
        if a.out:
            a.out.mkdir(parents=True, exist_ok=True)
            (a.out / f"facts-{size}.txt").write_text(text)
        if a.against:
            old = (a.against / f"facts-{size}.txt").read_text().splitlines()
            # facts compared without their numbers: one fact more or less renumbers all after it
            before = {_ID.sub("Fact(", s) for s in old}
            after = {_ID.sub("Fact(", s) for s in lines}
            gone, new = sorted(before - after), sorted(after - before)
            differ += len(gone) + len(new)
            print(f"  against {a.against}: {len(old):,} facts before; {len(gone)} gone, {len(new)} new")
            for sign, shown in (("-", gone[:3]), ("+", new[:3])):
                for line in shown:
                    print("   ", sign, re.findall(r"summary='([^']*)'", line)[:1])
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())

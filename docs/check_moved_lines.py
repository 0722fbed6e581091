"""Check that moving the README's history into docs/ lost nothing (docs15, 2026-11-30).

Every non-blank line of README.md at an old commit must be, verbatim, a line of today's README.md or of a
docs/*.md file; the few lines edited in place on purpose (a pointer to a moved section made a link) are listed
in EDITED and counted apart. Run from the repository root:

    python docs/check_moved_lines.py [COMMIT]      # default: ac79cbd, the README before the move

Exit 0 when no line is missing, 1 otherwise (the first missing lines are printed).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EDITED = {
    '  48", "Game 7") are left out: tried, see "Real facts". An ordinal coordinated with a superlative or "final" '
    "before",
    '  `python -m tests.facts_cross`, see "Real facts"): a bare "twice" or "N times" counts a noun its sentence',
    '**Kept stories.** Grouping a window is the slow part (about 20 s for 50,000 articles, see "Speed"), and a '
    "reader",
    "docs/                the README's picture of the HTML report and the script that makes it",
}


def main(argv: list[str]) -> int:
    commit = argv[0] if argv else "ac79cbd"
    root = Path(__file__).resolve().parents[1]
    old = subprocess.run(
        ["git", "show", f"{commit}:README.md"], cwd=root, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    have = set((root / "README.md").read_text(encoding="utf-8").splitlines())
    for path in sorted((root / "docs").glob("*.md")):
        have |= set(path.read_text(encoding="utf-8").splitlines())
    lines = [line for line in old if line.strip()]
    edited = [line for line in lines if line not in have and line in EDITED]
    missing = [line for line in lines if line not in have and line not in EDITED]
    print(
        f"{len(lines)} non-blank lines in README.md at {commit}: {len(lines) - len(edited) - len(missing)} found "
        f"verbatim in README.md or docs/*.md, {len(edited)} edited in place on purpose, {len(missing)} missing"
    )
    for line in missing[:20]:
        print("missing:", line[:150])
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

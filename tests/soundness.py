"""What "nothing broken is stored" means, checked on a database file after any fetch (or a killed one)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

# Typical UTF-8-read-as-latin-1/cp1252 and cp1251-read-as-something-else leftovers.
MOJIBAKE = re.compile(r"Ã[\x80-\xbf\u0152-\u2122]|Ð[\x80-\xbf]|Ñ[\x80-\xbf]|â€|\ufffd|Â ")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def assert_sound(db: Path) -> list[sqlite3.Row]:
    """The database passes SQLite's own checks and holds only whole, readable articles. Returns them."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        rows = con.execute("SELECT * FROM articles").fetchall()
        for r in rows:
            assert r["text"].strip(), f"empty article {r['url']}"
            assert r["title"].strip(), f"article without a title {r['url']}"
            for col in ("title", "text"):
                assert not MOJIBAKE.search(r[col]), (
                    f"mojibake in {col} of {r['url']}: {MOJIBAKE.search(r[col])}"
                )
                assert not CONTROL.search(r[col].replace("\n", "")), (
                    f"control character in {col} of {r['url']}"
                )
            assert len(r["title"]) <= 500
        # Claims belong to stored articles, and their offsets point inside the article's text.
        orphans = con.execute(
            "SELECT count(*) FROM claims WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()[0]
        assert orphans == 0
        bad = con.execute(
            "SELECT count(*) FROM claims c JOIN articles a ON a.id = c.article_id "
            'WHERE c.start < 0 OR c."end" > length(a.text) OR c.start > c."end"'
        ).fetchone()[0]
        assert bad == 0
        dupes = con.execute(
            "SELECT count(*) FROM (SELECT outlet, content_hash FROM articles GROUP BY 1, 2 HAVING count(*) > 1)"
        ).fetchone()[0]
        assert dupes == 0
        return rows
    finally:
        con.close()

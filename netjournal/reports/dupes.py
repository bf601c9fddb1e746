"""``net contact dupes``: the contacts that look like one person, with the evidence and
the command that merges them (``netjournal.lookalike`` finds them)."""

from __future__ import annotations

import sqlite3
from typing import Any

from netjournal import lookalike
from netjournal.store.reads import contacts as contact_reads


def dupes(conn: sqlite3.Connection) -> dict[str, Any]:
    """``{"pairs": [{"names", "score", "evidence", "merge"}]}``, most likely first."""
    rows, ids = contact_reads.lookalike_rows(conn)
    return {
        "pairs": [
            {
                "names": [pair.first["name"], pair.second["name"]],
                "score": round(pair.score, 2),
                "evidence": pair.evidence,
                "merge": lookalike.merge_command(pair.first, pair.second),
            }
            for pair in lookalike.pairs(rows, ids)
        ]
    }

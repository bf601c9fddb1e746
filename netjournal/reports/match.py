"""``net match``: ideas for gives — introductions to propose and, with your targets, who
could refer you. Plain JSON-ready data."""

from __future__ import annotations

import sqlite3
from typing import Any

from netjournal.scoring import matching
from netjournal.store.reads import proactive as proactive_reads


def match(conn: sqlite3.Connection, only: int | None = None) -> dict[str, Any]:
    """``net match``: introductions to propose and, with targets, who could refer you."""
    profiles = [
        matching.Profile(
            id=r["id"],
            name=r["name"],
            company=r["company"],
            role=r["role"],
            tags=tuple(r["tags"]),
            facts=tuple(r["facts"]),
        )
        for r in proactive_reads.match_contacts(conn)
    ]
    from netjournal.store.reads import intros as intro_reads

    together = [*proactive_reads.met_together(conn), *intro_reads.pairs(conn)]
    known = matching.already_introduced(
        profiles, together, proactive_reads.introduction_gives(conn)
    )
    intros = matching.introductions(profiles, known, only=only)
    out: dict[str, Any] = {
        "introductions": [
            {
                "introduce": i.seeker,
                "to": i.helper,
                "need": i.need,
                "offers": list(i.offers),
                "words": list(i.common),
                "reason": i.reason,
            }
            for i in intros
        ]
    }
    if only is None:
        targets = [(t["id"], t["text"]) for t in proactive_reads.targets(conn)]
        out["referrers"] = [
            {
                "target": f"t{m.target_id}",
                "text": m.text,
                "contacts": [
                    {"name": r.name, "words": list(r.common), "reason": r.reason}
                    for r in m.referrers
                ],
            }
            for m in matching.referrers(targets, profiles)
        ]
    return out

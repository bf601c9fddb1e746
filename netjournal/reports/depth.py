"""``net depth``: depth and stage per contact, and one contact's depth term by term with
the missing profile categories and the stage evidence."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import TYPE_CHECKING, Any

from netjournal import scores
from netjournal.reports.common import find_contact

if TYPE_CHECKING:
    from netjournal.scoring.constants import Constants


def depth_report(
    conn: sqlite3.Connection, today: date, c: Constants, limit: int = 0
) -> dict[str, Any]:
    """Active contacts' depth, band and stage, deepest first (then by name; the first
    ``limit``, 0: all) and ``count`` of them all."""
    entries, count, _given, _taken = scores.ranked(conn, today, c, "depth", limit)
    contacts = [{k: v for k, v in e.items() if k[0] != "_"} for e in entries]
    return {"as_of": today.isoformat(), "contacts": contacts, "count": count}


def depth_detail(conn: sqlite3.Connection, name: str, today: date, c: Constants) -> dict[str, Any]:
    """One contact's depth term by term, the missing categories and the stage evidence."""
    from netjournal.scores.history import history_of
    from netjournal.scoring.asks import ask_hint
    from netjournal.scoring.depth import depth
    from netjournal.scoring.stage import stage

    cid = find_contact(conn, name)
    history = history_of(conn, cid, today, c)
    dep = depth(history, today, c)
    stg = stage(history, today, c)
    return {
        "as_of": today.isoformat(),
        "name": dep.name,
        "depth": round(dep.depth, 1),
        "band": dep.band,
        "stage": stg.name,
        "stage_was": stg.was,
        "stage_lapsed": stg.lapsed,
        "stage_evidence": list(stg.evidence),
        "stage_verdict": stg.verdict,
        "stage_needs": list(stg.needs),
        "components": {comp.name: round(comp.points, 2) for comp in dep.components},
        "terms": [
            {
                "name": comp.name,
                "input": round(comp.input, 4),
                "weight": comp.weight,
                "points": round(comp.points, 2),
                "detail": comp.detail,
            }
            for comp in dep.components
        ],
        "missing": [
            {"category": gap.category, "label": gap.label, "points": round(gap.points, 2)}
            for gap in dep.gaps
        ],
        "hint": ask_hint(history, today, c),
    }

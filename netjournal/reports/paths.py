"""``net path TARGET``: who among your contacts could introduce you to a person, a
company or a subject, best placed first, each with the reasons. Plain JSON-ready data.

A TARGET that names a contact looks for the people around them: an introduction with
them (someone who introduced you to them counts most), meetings you logged together with
them, the same company. Any other TARGET is words (a company, a role, "notary Bergamo"),
looked up in the search index: contacts whose company, role or tags match, whose facts
mention it, or who were part of an introduction of someone who matches. Ties go to the
contact you know better (more interactions), then by name.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from typing import Any

from netjournal.store.reads import paths as path_reads

#: points per piece of evidence, and the most one kind of evidence can add
POINTS = {
    "introduced you": (5, 5),
    "introduced": (4, 4),
    "was introduced": (3, 3),
    "met": (1, 3),
    "company": (2, 2),
    "profile": (3, 3),
    "fact": (2, 4),
    "introduction": (2, 4),
}


def _tally(evidence: list[tuple[str, int, str, str]]) -> dict[int, dict[str, Any]]:
    """Per contact: name, points and reasons, each kind capped."""
    by: dict[int, dict[str, Any]] = {}
    spent: dict[tuple[int, str], int] = defaultdict(int)
    for kind, cid, name, reason in evidence:
        each, cap = POINTS[kind]
        entry = by.setdefault(cid, {"name": name, "score": 0, "reasons": []})
        add = min(each, cap - spent[(cid, kind)])
        spent[(cid, kind)] += add
        entry["score"] += add
        if reason not in entry["reasons"]:
            entry["reasons"].append(reason)
    return by


def _about_contact(
    conn: sqlite3.Connection, cid: int, name: str
) -> list[tuple[str, int, str, str]]:
    out = []
    said = {
        "introduced you": f"introduced you to {name}",
        "introduced": f"introduced {name} to someone",
        "was introduced": f"introduced to {name}",
    }
    for c, n, how in path_reads.introductions_with(conn, cid):
        out.append((how, c, n, said[how]))
    for c, n, day in path_reads.met_with(conn, cid):
        out.append(("met", c, n, f"met {name} with you on {day}"))
    for c, n, company in path_reads.same_company(conn, cid):
        out.append(("company", c, n, f"also at {company}"))
    return out


def _about_words(conn: sqlite3.Connection, match: str) -> list[tuple[str, int, str, str]]:
    out = []
    for c, n, what in path_reads.profile_matches(conn, match):
        out.append(("profile", c, n, f"is {what}" if what else "profile matches"))
    for c, n, text in path_reads.fact_matches(conn, match):
        out.append(("fact", c, n, f"fact: {text}"))
    for c, n, other in path_reads.introduced_matches(conn, match):
        out.append(("introduction", c, n, f"an introduction with {other}"))
    return out


def path(conn: sqlite3.Connection, target: str, limit: int = 20) -> dict[str, Any]:
    """{"target", "contact" (the contact TARGET names, or None), "candidates": [...]}."""
    from netjournal.names import Outcome
    from netjournal.reports.search import to_match
    from netjournal.store.reads import contacts as contact_reads

    res = contact_reads.resolve_contact(conn, target)
    if res.outcome is Outcome.AMBIGUOUS:
        from netjournal.names import resolution_error

        raise resolution_error(res)
    if res.outcome is Outcome.FOUND and res.match is not None:
        evidence = _about_contact(conn, res.match.id, res.match.name)
        who = res.match.name
    else:
        evidence = _about_words(conn, to_match(target))
        who = None
    tally = _tally(evidence)
    known = path_reads.interactions_count(conn, list(tally))
    ranked = sorted(
        tally.items(), key=lambda kv: (-kv[1]["score"], -known.get(kv[0], 0), kv[1]["name"])
    )
    return {
        "target": target,
        "contact": who,
        "candidates": [
            {**entry, "interactions": known.get(cid, 0)} for cid, entry in ranked[: limit or None]
        ],
    }

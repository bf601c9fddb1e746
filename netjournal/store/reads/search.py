"""Full-text search over the journal's index (schema 6, ``migrations/search_index.py``).

Plain SQL over ``sqlite3``; nothing here imports SQLModel or SQLAlchemy.

Each kind of record has its own FTS5 index; a hit's score is its bm25 rank in that index
times the kind's weight (bm25 is negative, lower is better), so what a record *is* about
outranks a passing mention: a fact or a contact's own role beats a word in a long
meeting note. Ranking runs in two passes: the best ``limit`` of each kind by score (FTS5
ranks without reading the text), then snippets for the few hits kept.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

#: highlight markers in snippets: control characters no journal text may hold
#: (``text.py``), so the renderer can tell them from the text
MARK_ON = "\x02"
MARK_OFF = "\x03"
ELLIPSIS = "…"
#: how many words a snippet holds
SNIPPET_WORDS = 14
#: the most matches of one kind that are ranked (the newest); see ``_ranked``
RANKED = 2_000


@dataclass(frozen=True, slots=True)
class Source:
    """One kind of record: its index, table, the SQL that filters and describes it."""

    index: str
    table: str
    weight: float
    day: str  # the hit's date, an expression over the table's alias ``r``
    where: str = "1"
    weights: str = ""  # bm25's column weights, for indexes of several columns


#: what ``--in`` names, in the order hits of equal score are listed
SOURCES: dict[str, Source] = {
    "facts": Source("search_fact", "fact", 3.0, "r.learned_on"),
    "contacts": Source(
        "search_contact", "contact", 3.0, "r.met_on", weights=", 4.0, 2.0, 3.0, 1.0, 1.0, 2.0"
    ),
    "gives": Source("search_exchange", "exchange", 2.0, "r.occurred_on", "r.direction = 'give'"),
    "asks": Source("search_exchange", "exchange", 2.0, "r.occurred_on", "r.direction = 'ask'"),
    "followups": Source("search_followup", "followup", 1.5, "r.created_on"),
    "notes": Source("search_note", "interaction", 1.0, "r.occurred_on"),
}

#: the details of a kept hit, per table (alias ``r``), after its id, day and snippet
DETAILS = {
    "fact": "r.category, (SELECT name FROM contact WHERE id = r.contact_id), r.contact_id",
    "contact": "r.company, r.name, r.id",
    "exchange": "r.kind, (SELECT name FROM contact WHERE id = r.contact_id), r.contact_id",
    "followup": "r.kind, (SELECT name FROM contact WHERE id = r.contact_id), r.contact_id",
    "interaction": (
        "r.kind, (SELECT group_concat(c.name, char(10)) FROM (SELECT c.name FROM participant p "
        "JOIN contact c ON c.id = p.contact_id WHERE p.interaction_id = r.id "
        "ORDER BY p.position, p.id) c), NULL"
    ),
}


def _ranked(
    conn: sqlite3.Connection, kind: str, match: str, since: date | None, limit: int
) -> tuple[int, list[tuple[float, str, int]]]:
    """(how many records of ``kind`` match, the best ``limit`` as (score, kind, id)).

    Counting needs no ranking (FTS5 walks the doclists only); bm25 costs a few
    microseconds a match, so a query found in more than :data:`RANKED` records of one
    kind (a word in most notes) ranks the newest :data:`RANKED` of them: FTS5 bounds the
    walk by rowid, and a word that common says little about which record is best.
    """
    s = SOURCES[kind]
    # (FTS5's ranking functions cannot be used next to a window function: two queries)
    body = (
        f"FROM {s.index} JOIN {s.table} r ON r.id = {s.index}.rowid "
        f"WHERE {s.index} MATCH ? AND {s.where} AND (? IS NULL OR {s.day} >= ?)"
    )
    day = since.isoformat() if since else None
    total = int(conn.execute(f"SELECT count(*) {body}", (match, day, day)).fetchone()[0])
    if not total:
        return 0, []
    floor = None
    if total > RANKED:
        floor = conn.execute(
            f"SELECT {s.index}.rowid {body} ORDER BY {s.index}.rowid DESC LIMIT 1 OFFSET ?",
            (match, day, day, RANKED - 1),
        ).fetchone()[0]
    sql = (
        f"SELECT bm25({s.index}{s.weights}) * {s.weight} AS score, {s.index}.rowid {body} "
        f"AND (? IS NULL OR {s.index}.rowid >= ?) ORDER BY score, r.id DESC LIMIT ?"
    )
    params = (match, day, day, floor, floor, limit if limit > 0 else -1)
    rows = conn.execute(sql, params).fetchall()
    return total, [(float(score), kind, int(rowid)) for score, rowid in rows]


def _details(
    conn: sqlite3.Connection, kind: str, match: str, ids: list[int]
) -> dict[int, dict[str, Any]]:
    s = SOURCES[kind]
    sql = (
        f"SELECT r.id, {s.day}, snippet({s.index}, -1, ?, ?, ?, {SNIPPET_WORDS}), "
        f"{DETAILS[s.table]} FROM {s.index} JOIN {s.table} r ON r.id = {s.index}.rowid "
        f"WHERE {s.index} MATCH ? AND {s.index}.rowid BETWEEN ? AND ? "
        f"AND ({s.index}.rowid + 0) IN ({', '.join('?' * len(ids))})"
    )
    # the range bounds FTS5's one walk of the matches; ``rowid IN (...)`` itself would make
    # it run the whole query once per id (a tenth of a second each for a common word)
    out: dict[int, dict[str, Any]] = {}
    for rid, day, snippet, what, names, contact_id in conn.execute(
        sql, (MARK_ON, MARK_OFF, ELLIPSIS, match, min(ids), max(ids), *ids)
    ):
        out[int(rid)] = {
            "id": int(rid),
            "on": day,
            "snippet": snippet or "",
            "what": what,
            "names": str(names).split("\n") if names else [],
            "contact_id": contact_id,
        }
    return out


def search(
    conn: sqlite3.Connection,
    match: str,
    kinds: tuple[str, ...],
    *,
    since: date | None = None,
    limit: int = 50,
) -> tuple[int, list[dict[str, Any]]]:
    """(how many records match the FTS5 expression ``match``, the best ``limit`` of them,
    best first, each with its kind, id, date, snippet, names and details).

    Raises ``sqlite3.OperationalError`` for an expression FTS5 cannot parse.
    """
    total = 0
    ranked: list[tuple[float, str, int]] = []
    for kind in (k for k in SOURCES if k in kinds):
        count, best = _ranked(conn, kind, match, since, limit)
        total += count
        ranked += best
    order = list(SOURCES)
    ranked.sort(key=lambda hit: (hit[0], order.index(hit[1]), -hit[2]))
    kept = ranked[:limit] if limit > 0 else ranked
    details: dict[str, dict[int, dict[str, Any]]] = {}
    for kind in {k for _, k, _ in kept}:
        details[kind] = _details(conn, kind, match, [rid for _, k, rid in kept if k == kind])
    hits = [{"kind": kind, "score": score, **details[kind][rid]} for score, kind, rid in kept]
    return total, hits


def contact_ids(conn: sqlite3.Connection, match: str) -> set[int]:
    """The contacts whose own fields, or any fact, give, ask, follow-up or note of theirs,
    match the FTS5 expression ``match`` (``net contacts --search``)."""
    sql = """
        SELECT rowid FROM search_contact WHERE search_contact MATCH :m
        UNION SELECT r.contact_id FROM search_fact JOIN fact r ON r.id = search_fact.rowid
              WHERE search_fact MATCH :m
        UNION SELECT r.contact_id FROM search_exchange
              JOIN exchange r ON r.id = search_exchange.rowid WHERE search_exchange MATCH :m
        UNION SELECT r.contact_id FROM search_followup
              JOIN followup r ON r.id = search_followup.rowid WHERE search_followup MATCH :m
        UNION SELECT p.contact_id FROM search_note
              JOIN participant p ON p.interaction_id = search_note.rowid
              WHERE search_note MATCH :m
    """
    return {int(r[0]) for r in conn.execute(sql, {"m": match})}

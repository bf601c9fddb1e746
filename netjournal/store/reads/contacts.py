"""Contacts: resolving names, one contact, lists of contacts.

Plain SQL over ``sqlite3``; nothing here imports SQLModel or SQLAlchemy.
"""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING, Any

from netjournal.store.reads.sql import dicts

if TYPE_CHECKING:
    from datetime import date

    from netjournal.names import Resolution


CONTACT_COLUMNS = (
    "id, uuid, name, company, role, email, phone, birthday, tags, met_at, met_on, tier, kin, "
    "cadence, archived, snoozed_until, linkedin_url, vcard_uid, created_at, updated_at"
)


def resolve_contact(conn: sqlite3.Connection, name: str, *, exact_only: bool = False) -> Resolution:
    """``names.resolve`` of ``name`` against the journal's contacts.

    The same rule, asked of the database: the exact folded name through its unique index
    (or the same name but for spaces between CJK characters), then the names with a word
    starting with what was typed (``' ' || name_folded``
    contains ``' ' || key``: ``names._prefix_match`` in SQL). Only a name that matches
    nothing reads every contact, to suggest close spellings.
    """
    from netjournal.names import Candidate, decide, spaced_alike
    from netjournal.text import check_utf8, fold

    check_utf8(name)  # invalid UTF-8 from argv: a sentence, not an encoding error
    key = fold(name)
    row = conn.execute(
        "SELECT id, name, name_folded FROM contact WHERE name_folded = ?", (key,)
    ).fetchone()
    exact = None if row is None else Candidate(int(row[0]), str(row[1]), str(row[2]))
    if exact is None and key:
        exact = spaced_alike(
            key,
            [
                Candidate(int(r[0]), str(r[1]), str(r[2]))
                for r in conn.execute(
                    "SELECT id, name, name_folded FROM contact "
                    "WHERE replace(name_folded, ' ', '') = ?",
                    (key.replace(" ", ""),),
                )
            ],
        )
    hits: list[Candidate] = []
    if exact is None and not exact_only and key:
        hits = [
            Candidate(int(r[0]), str(r[1]), str(r[2]))
            for r in conn.execute(
                "SELECT id, name, name_folded FROM contact "
                "WHERE instr(' ' || name_folded, ' ' || ?) > 0",
                (key,),
            )
        ]
    return decide(
        name,
        exact,
        hits,
        lambda: [Candidate(*c) for c in contact_candidates(conn)],
        exact_only=exact_only,
    )


def contact_id_by_folded(conn: sqlite3.Connection, folded: str) -> tuple[int, str] | None:
    """(id, name) of the contact whose folded name is ``folded``."""
    row = conn.execute("SELECT id, name FROM contact WHERE name_folded = ?", (folded,)).fetchone()
    return None if row is None else (int(row[0]), str(row[1]))


def contact_candidates(conn: sqlite3.Connection) -> list[tuple[int, str, str]]:
    """(id, name, folded name) of every contact, for name resolution."""
    return [
        (int(r[0]), str(r[1]), str(r[2]))
        for r in conn.execute("SELECT id, name, name_folded FROM contact ORDER BY name_folded")
    ]


def _contact_dict(row: dict[str, Any]) -> dict[str, Any]:
    row["tags"] = json.loads(row["tags"] or "[]")
    row["kin"] = bool(row["kin"])
    row["archived"] = bool(row["archived"])
    return row


def contact(conn: sqlite3.Connection, contact_id: int) -> dict[str, Any] | None:
    rows = dicts(conn, f"SELECT {CONTACT_COLUMNS} FROM contact WHERE id = ?", (contact_id,))
    return _contact_dict(rows[0]) if rows else None


def card(conn: sqlite3.Connection, contact_id: int) -> str | None:
    """What the contact's vCard said beyond its fields (``contact_card.data``), if any."""
    row = conn.execute("SELECT data FROM contact_card WHERE contact_id = ?", (contact_id,))
    found = row.fetchone()
    return None if found is None else str(found[0])


def contacts(
    conn: sqlite3.Connection,
    *,
    tag: str | None = None,
    tier: str | None = None,
    include_archived: bool = False,
    limit: int = 0,
    today: date | None = None,
) -> list[dict[str, Any]]:
    """Contacts with their interaction count and last interaction day, by name (the
    first ``limit``; 0: all); with ``today``, interactions dated after it are not
    counted (a journal written while a clock ran ahead)."""
    clause, params = _where(tag, tier, include_archived)
    until = "9999-12-31" if today is None else today.isoformat()
    params = [until, until, *params]
    tail = ""
    if limit:
        tail = " LIMIT ?"
        params.append(limit)
    sql = f"""
        SELECT {", ".join("c." + col.strip() for col in CONTACT_COLUMNS.split(","))},
               c.name_folded AS folded,
               (SELECT count(*) FROM participant p
                  JOIN interaction i ON i.id = p.interaction_id
                 WHERE p.contact_id = c.id AND i.occurred_on <= ?) AS interactions,
               (SELECT max(i.occurred_on) FROM participant p
                  JOIN interaction i ON i.id = p.interaction_id
                 WHERE p.contact_id = c.id AND i.occurred_on <= ?) AS last_contact
          FROM contact c {clause}
         ORDER BY c.name_folded{tail}
    """
    return [_contact_dict(r) for r in dicts(conn, sql, params)]


def _where(tag: str | None, tier: str | None, include_archived: bool) -> tuple[str, list[Any]]:
    where = []
    params: list[Any] = []
    if not include_archived:
        where.append("c.archived = 0")
    if tier:
        where.append("c.tier = ?")
        params.append(tier)
    if tag:
        where.append("EXISTS (SELECT 1 FROM json_each(c.tags) WHERE lower(json_each.value) = ?)")
        params.append(tag.lower())
    return (("WHERE " + " AND ".join(where)) if where else ""), params


def contact_count(
    conn: sqlite3.Connection,
    *,
    tag: str | None = None,
    tier: str | None = None,
    include_archived: bool = False,
) -> int:
    """How many contacts :func:`contacts` lists with these filters (and no limit)."""
    clause, params = _where(tag, tier, include_archived)
    return int(conn.execute(f"SELECT count(*) FROM contact c {clause}", params).fetchone()[0])


def contact_archived(conn: sqlite3.Connection, contact_id: int) -> bool:
    row = conn.execute("SELECT archived FROM contact WHERE id = ?", (contact_id,)).fetchone()
    return bool(row and row[0])


def active_contact_ids(conn: sqlite3.Connection) -> list[int]:
    """Ids of the contacts that are not archived, in name order."""
    return [
        int(r[0])
        for r in conn.execute("SELECT id FROM contact WHERE archived = 0 ORDER BY name_folded")
    ]


def lookalike_rows(
    conn: sqlite3.Connection,
) -> tuple[list[dict[str, Any]], dict[int, set[tuple[str, str]]]]:
    """Every contact's name, company, identity columns, source and interaction count (by name),
    and every contact's identities (none in a journal from before schema 5)."""
    rows = dicts(
        conn,
        "SELECT c.id, c.name, c.company, c.email, c.phone, c.linkedin_url, c.vcard_uid, c.source, "
        "(SELECT count(*) FROM participant p WHERE p.contact_id = c.id) AS interactions "
        "FROM contact c ORDER BY c.name_folded, c.id",
    )
    found: dict[int, set[tuple[str, str]]] = {}
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'identity'"
    ).fetchone()
    if has_table:
        for contact_id, kind, value in conn.execute("SELECT contact_id, kind, value FROM identity"):
            found.setdefault(int(contact_id), set()).add((str(kind), str(value)))
    return rows, found

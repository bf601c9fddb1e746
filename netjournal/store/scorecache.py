"""Today's scores per contact, kept so that whole-journal reports stay fast.

Scoring a contact means reading its history and running ``scoring`` on it; for ten
thousand contacts that is seconds. Scores depend only on the contact's own records, the
day and the scoring constants, so a row of ``score_cache`` (contact, day, fingerprint of
the constants and the code, JSON of the scores) stays valid until one of those changes.
Triggers delete a contact's row in the same transaction as any change to its records
(contact, participant, interaction, exchange, fact, follow-up), including changes made by
``net undo`` and imports; a new day or another configuration makes every row stale.

The read path fills the table with plain ``sqlite3`` (derived data, not journal content,
so it bypasses the SQLModel write path and the undo log). Storing is best effort: when
another process holds the write lock, or the file is read-only, the scores are simply
not kept.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from datetime import date
from typing import Any

#: bump when the shape of the cached JSON changes
CACHE_FORMAT = 1

#: (table, SQL expression(s) giving the affected contact ids for NEW / OLD rows)
_BY_CONTACT_COLUMN = ("participant", "exchange", "fact", "followup")

CREATE_TABLE = (
    "CREATE TABLE score_cache (\n"
    "\tcontact_id INTEGER NOT NULL, \n"
    "\tas_of DATE NOT NULL, \n"
    "\tfingerprint VARCHAR NOT NULL, \n"
    "\tbalance VARCHAR NOT NULL, \n"
    "\tdepth VARCHAR NOT NULL, \n"
    "\turgency VARCHAR NOT NULL, \n"
    "\tPRIMARY KEY (contact_id), \n"
    "\tFOREIGN KEY(contact_id) REFERENCES contact (id) ON DELETE CASCADE\n"
    ")"
)


def fingerprint(constants: Any) -> str:
    """Identifies the code and the constants the cached scores were computed with."""
    from netjournal import __version__

    text = f"{CACHE_FORMAT}|{__version__}|{constants!r}"
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def trigger_sql() -> list[str]:
    drop = "DELETE FROM score_cache WHERE contact_id = {who};"
    out: list[str] = []
    for table in _BY_CONTACT_COLUMN:
        out.append(
            f"CREATE TRIGGER cache_{table}_insert AFTER INSERT ON {table} BEGIN "
            + drop.format(who="new.contact_id")
            + " END"
        )
        out.append(
            f"CREATE TRIGGER cache_{table}_update AFTER UPDATE ON {table} BEGIN "
            + drop.format(who="old.contact_id")
            + " "
            + drop.format(who="new.contact_id")
            + " END"
        )
        out.append(
            f"CREATE TRIGGER cache_{table}_delete AFTER DELETE ON {table} BEGIN "
            + drop.format(who="old.contact_id")
            + " END"
        )
    out.append(
        "CREATE TRIGGER cache_contact_update AFTER UPDATE ON contact BEGIN "
        "DELETE FROM score_cache WHERE contact_id = new.id; END"
    )
    out.append(
        "CREATE TRIGGER cache_interaction_update AFTER UPDATE ON interaction BEGIN "
        "DELETE FROM score_cache WHERE contact_id IN "
        "(SELECT contact_id FROM participant WHERE interaction_id = new.id); END"
    )
    return out


def install_triggers(conn: sqlite3.Connection) -> None:
    """(Re)create the invalidation triggers. Call inside a transaction."""
    existing = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'cache\\_%' "
            "ESCAPE '\\'"
        )
    ]
    for name in existing:
        conn.execute(f'DROP TRIGGER "{name}"')
    for statement in trigger_sql():
        conn.execute(statement)


#: indexes added in schema 2: the facts' latest day per category, read without the table
INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_fact_contact_category_learned "
    "ON fact (contact_id, category, learned_on)",
)


def migrate_to_2(conn: sqlite3.Connection) -> None:
    """Schema 1 -> 2: add the score cache, its triggers and a covering index on facts."""
    conn.execute(CREATE_TABLE)
    for statement in INDEXES:
        conn.execute(statement)
    install_triggers(conn)


#: the parts of a score record, one JSON column each, so a report parses only its own
PARTS = ("balance", "depth", "urgency")


def load(
    conn: sqlite3.Connection,
    ids: Iterable[int] | None,
    as_of: date,
    fp: str,
    parts: Iterable[str] = PARTS,
) -> dict[int, dict[str, Any]]:
    """The still-valid cached ``parts`` of the scores of ``ids`` (all contacts when None)."""
    names = [p for p in PARTS if p in set(parts)]
    params: tuple[Any, ...] = (as_of.isoformat(), fp)
    where = ""
    if ids is not None:
        where = " AND contact_id IN (SELECT value FROM json_each(?))"
        params = (*params, json.dumps(list(ids)))
    try:
        rows = conn.execute(
            f"SELECT contact_id, {', '.join(names)} FROM score_cache "
            "WHERE as_of = ? AND fingerprint = ?" + where,
            params,
        ).fetchall()
    except sqlite3.Error:
        return {}  # the cache is an optimisation: without it, reports compute everything
    loads = json.loads
    return {
        int(row[0]): {name: loads(text) for name, text in zip(names, row[1:], strict=True)}
        for row in rows
    }


def store(
    conn: sqlite3.Connection, as_of: date, fp: str, scores: dict[int, dict[str, Any]]
) -> bool:
    """Keep ``scores`` (records with every part; best effort). Returns whether stored.

    Runs inside the caller's read transaction when there is one (it is then upgraded to
    a write, which fails at once if another process wrote meanwhile), else in its own.
    """
    if not scores:
        return True
    own = not conn.in_transaction
    previous = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    dumps = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode
    try:
        conn.execute("PRAGMA busy_timeout = 50")
        if own:
            conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT OR REPLACE INTO score_cache "
            "(contact_id, as_of, fingerprint, balance, depth, urgency) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (cid, as_of.isoformat(), fp, *(dumps(record[p]) for p in PARTS))
                for cid, record in scores.items()
            ],
        )
        if own:
            conn.execute("COMMIT")
        return True
    except sqlite3.Error:
        if own and conn.in_transaction:
            conn.execute("ROLLBACK")
        return False
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(previous)}")


def clear(conn: sqlite3.Connection) -> None:
    """Forget every cached score (``net doctor --rebuild`` and tests)."""
    conn.execute("DELETE FROM score_cache")

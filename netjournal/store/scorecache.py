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

``score_quiet`` (schema 10) holds, per contact and day, that ``net due``'s screen showed
the contact cannot be listed that day, so its full scores were not computed: ``net due``
counts such a contact as done, the reports that need every score (balance, depth) do not.
The same triggers empty it.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable
from datetime import date
from typing import Any

#: bump when what a record holds or how scores are computed changes, so that no score from
#: before survives an upgrade (2: real contact, imports, snoozes that hide cadence only;
#: 3: the unrounded depth, for review)
CACHE_FORMAT = 3

#: (table, SQL expression(s) giving the affected contact ids for NEW / OLD rows)
_BY_CONTACT_COLUMN = ("participant", "exchange", "fact", "followup")

CREATE_TABLE = (
    "CREATE TABLE score_cache (\n"
    "\tcontact_id INTEGER NOT NULL, \n"
    "\tas_of DATE NOT NULL, \n"
    "\tfingerprint VARCHAR NOT NULL, \n"
    "\tbalance_value FLOAT NOT NULL, \n"
    "\tgiven FLOAT NOT NULL, \n"
    "\ttaken FLOAT NOT NULL, \n"
    "\tgives INTEGER NOT NULL, \n"
    "\tasks INTEGER NOT NULL, \n"
    "\tdepth_value FLOAT NOT NULL, \n"
    "\turgency_total FLOAT NOT NULL, \n"
    "\tlisted BOOLEAN NOT NULL, \n"
    "\tdormant_only BOOLEAN NOT NULL, \n"
    "\twas_depth FLOAT, \n"
    "\tsnoozed BOOLEAN NOT NULL, \n"
    "\tbalance VARCHAR NOT NULL, \n"
    "\tdepth VARCHAR NOT NULL, \n"
    "\turgency VARCHAR NOT NULL, \n"
    "\tPRIMARY KEY (contact_id), \n"
    "\tFOREIGN KEY(contact_id) REFERENCES contact (id) ON DELETE CASCADE\n"
    ")"
)


def fingerprint(constants: Any) -> str:
    """Identifies the code and the constants the cached scores were computed with.

    Two 32-bit checksums of the text, not a cryptographic hash: nothing here is secret or
    adversarial, and ``hashlib`` would cost every report a few milliseconds to import.
    """
    from netjournal import __version__

    data = f"{CACHE_FORMAT}|{__version__}|{constants!r}".encode()
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


#: the tables of derived scores the invalidation triggers empty per contact (``score_quiet``
#: from schema 10)
TARGETS = ("score_cache", "score_quiet")


def trigger_sql(targets: Iterable[str] = TARGETS) -> list[str]:
    """The invalidation triggers, emptying each table of ``targets`` per contact."""
    targets = tuple(targets)

    def drop(which: str) -> str:
        """Empty every target of the contacts whose id is ``which`` ("= new.id", "IN ...")."""
        return " ".join(f"DELETE FROM {t} WHERE contact_id {which};" for t in targets)

    out: list[str] = []
    for table in _BY_CONTACT_COLUMN:
        out.append(
            f"CREATE TRIGGER cache_{table}_insert AFTER INSERT ON {table} BEGIN "
            + drop("= new.contact_id")
            + " END"
        )
        out.append(
            f"CREATE TRIGGER cache_{table}_update AFTER UPDATE ON {table} BEGIN "
            + drop("= old.contact_id")
            + " "
            + drop("= new.contact_id")
            + " END"
        )
        out.append(
            f"CREATE TRIGGER cache_{table}_delete AFTER DELETE ON {table} BEGIN "
            + drop("= old.contact_id")
            + " END"
        )
    out.append(
        "CREATE TRIGGER cache_contact_update AFTER UPDATE ON contact BEGIN "
        + drop("= new.id")
        + " END"
    )
    out.append(
        "CREATE TRIGGER cache_interaction_update AFTER UPDATE ON interaction BEGIN "
        + drop("IN (SELECT contact_id FROM participant WHERE interaction_id = new.id)")
        + " END"
    )
    return out


def _targets(conn: sqlite3.Connection) -> tuple[str, ...]:
    """The tables of :data:`TARGETS` this journal's schema has (schema 2 had the first)."""
    have = {
        str(r[0])
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (?, ?)", TARGETS
        )
    }
    return tuple(t for t in TARGETS if t in have)


def install_triggers(conn: sqlite3.Connection) -> None:
    """(Re)create the invalidation triggers, for the derived tables the schema has. Call
    inside a transaction."""
    existing = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'cache\\_%' "
            "ESCAPE '\\'"
        )
    ]
    for name in existing:
        conn.execute(f'DROP TRIGGER "{name}"')
    for statement in trigger_sql(_targets(conn)):
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


#: index added in schema 3: the day's numbers of every contact, so that checking the cache
#: and ranking, counting and totalling contacts read this index and not the rows, whose JSON
#: makes the table ten times larger
DAY_INDEX = (
    "CREATE INDEX IF NOT EXISTS ix_score_cache_day ON score_cache (as_of, fingerprint, "
    "listed, urgency_total, dormant_only, was_depth, snoozed, balance_value, depth_value, "
    "given, taken)"
)


def migrate_to_3(conn: sqlite3.Connection) -> None:
    """Schema 2 -> 3: index the score cache's numbers by day."""
    conn.execute(DAY_INDEX)


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
    conn: sqlite3.Connection,
    as_of: date,
    fp: str,
    scores: dict[int, dict[str, Any]],
    quiet: Iterable[int] = (),
) -> bool:
    """Keep ``scores`` (records with every part), and that the contacts of ``quiet``
    cannot be listed by ``net due`` on ``as_of`` (best effort). Returns whether stored.

    Runs inside the caller's read transaction when there is one (it is then upgraded to
    a write, which fails at once if another process wrote meanwhile), else in its own.
    """
    quiet = list(quiet)
    if not scores and not quiet:
        return True
    own = not conn.in_transaction
    previous = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    dumps = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode
    try:
        conn.execute("PRAGMA busy_timeout = 50")
        if own:
            conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT OR REPLACE INTO score_cache (contact_id, as_of, fingerprint, "
            "balance_value, given, taken, gives, asks, depth_value, urgency_total, listed, "
            "dormant_only, was_depth, snoozed, balance, depth, urgency) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    cid,
                    as_of.isoformat(),
                    fp,
                    *_columns(record),
                    *(dumps(record[p]) for p in PARTS),
                )
                for cid, record in scores.items()
            ],
        )
        if quiet:
            conn.executemany(
                "INSERT OR REPLACE INTO score_quiet (contact_id, as_of, fingerprint) "
                "VALUES (?, ?, ?)",
                [(cid, as_of.isoformat(), fp) for cid in quiet],
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


def _columns(record: dict[str, Any]) -> tuple[Any, ...]:
    """The numbers reports sort and add up in SQL, from a score record."""
    bal, dep, urg = record["balance"], record["depth"], record["urgency"]
    return (
        bal["_balance"],
        bal["_given"],
        bal["_taken"],
        bal["gives"],
        bal["asks"],
        dep["depth"],
        urg["total"],
        # the column ``listed``: 0 not listed, 1 listed, 2 listed first (a follow-up or
        # promise due today or overdue; only a listed contact has one)
        (2 if urg["item"]["due_now"] else 1) if urg["listed"] else 0,
        urg["item"]["triggers"] == ["dormant"],
        urg["was_depth"],
        urg["hidden"],  # the column ``snoozed``: hidden by a snooze, even from --all
    )


_ACTIVE = (
    "FROM score_cache s JOIN contact c ON c.id = s.contact_id "
    "WHERE c.archived = 0 AND s.as_of = ? AND s.fingerprint = ?"
)


def missing_ids(
    conn: sqlite3.Connection, as_of: date, fp: str, *, quiet_will_do: bool = False
) -> list[int] | None:
    """Active contacts without valid cached scores for ``as_of`` and ``fp`` (None when the
    cache cannot be read); with ``quiet_will_do``, nor a valid ``score_quiet`` row (what
    ``net due`` needs: it lists no quiet contact)."""
    quiet = (
        " AND id NOT IN (SELECT contact_id FROM score_quiet WHERE as_of = ? AND fingerprint = ?)"
        if quiet_will_do
        else ""
    )
    day = (as_of.isoformat(), fp)
    try:
        return [
            int(r[0])
            for r in conn.execute(
                "SELECT id FROM contact WHERE archived = 0 AND id NOT IN "
                "(SELECT contact_id FROM score_cache WHERE as_of = ? AND fingerprint = ?)"
                + quiet
                + " ORDER BY id",
                day * 2 if quiet_will_do else day,
            )
        ]
    except sqlite3.Error:
        return None


def ranked(
    conn: sqlite3.Connection, as_of: date, fp: str, part: str, order: str, limit: int
) -> list[dict[str, Any]]:
    """The ``part`` of the active contacts' cached scores in ``order`` (first ``limit``;
    0: all). ``order`` is one of :data:`ORDERS`."""
    sql = f"SELECT s.{part} {_ACTIVE} ORDER BY {ORDERS[order]}"
    params: tuple[Any, ...] = (as_of.isoformat(), fp)
    if limit:
        sql += " LIMIT ?"
        params = (*params, limit)
    loads = json.loads
    return [loads(r[0]) for r in conn.execute(sql, params)]


#: the orders of the whole-journal reports, in SQL over score_cache s and contact c
ORDERS = {
    "balance": "s.balance_value, c.name_folded, c.id",
    "depth": "s.depth_value DESC, c.name_folded, c.id",
}


def totals(conn: sqlite3.Connection, as_of: date, fp: str) -> tuple[float, float, int]:
    """(given, taken, contacts) over the active contacts' cached scores."""
    row = conn.execute(
        f"SELECT total(s.given), total(s.taken), count(*) {_ACTIVE}", (as_of.isoformat(), fp)
    ).fetchone()
    return float(row[0]), float(row[1]), int(row[2])


def due_ranked(
    conn: sqlite3.Connection,
    as_of: date,
    fp: str,
    *,
    everyone: bool,
    dormant_limit: int,
    limit: int,
) -> tuple[int, list[int]]:
    """``scoring.rank_due`` over the cached scores, in SQL: (how many contacts are listed,
    the first ``limit`` of them (0: all) most urgent first).

    Listed active contacts, those with a follow-up or promise due today or overdue first,
    then by urgency, then name, keeping of those listed only as dormant strong ties the
    ``dormant_limit`` deepest; with ``everyone``, every active contact that a snooze does
    not hide (the column ``snoozed`` holds that).
    """
    day = (as_of.isoformat(), fp)
    # ``listed`` is 2 for what is due now (scoring.urgency's rank_key puts it first)
    if everyone:
        sql = (
            "SELECT s.contact_id, count(*) OVER () "
            f"{_ACTIVE} AND s.snoozed = 0 "
            "ORDER BY s.listed = 2 DESC, s.urgency_total DESC, c.name, c.id LIMIT ?"
        )
        params: tuple[Any, ...] = (*day, limit or -1)
    else:
        sql = (
            "WITH listed AS (SELECT s.contact_id AS id, s.urgency_total AS total, "
            f"c.name AS name, s.dormant_only AS dormant, s.was_depth AS was, s.listed AS now "
            f"{_ACTIVE} AND s.listed > 0), "
            "kept AS (SELECT id, total, name, now FROM listed WHERE dormant = 0 UNION ALL "
            "SELECT * FROM (SELECT id, total, name, now FROM listed WHERE dormant = 1 "
            "ORDER BY coalesce(was, 0) DESC, name, id LIMIT ?)) "
            "SELECT id, count(*) OVER () FROM kept ORDER BY now DESC, total DESC, name, id LIMIT ?"
        )
        params = (*day, max(dormant_limit, 0), limit or -1)
    rows = conn.execute(sql, params).fetchall()
    return (int(rows[0][1]) if rows else 0), [int(r[0]) for r in rows]


def urgency_parts(conn: sqlite3.Connection, ids: list[int]) -> dict[int, dict[str, Any]]:
    rows = conn.execute(
        "SELECT contact_id, urgency FROM score_cache "
        "WHERE contact_id IN (SELECT value FROM json_each(?))",
        (json.dumps(ids),),
    )
    return {int(cid): json.loads(text) for cid, text in rows}


def triggers_intact(conn: sqlite3.Connection) -> bool:
    """Whether every invalidation trigger is in place, exactly as :func:`trigger_sql` writes it."""
    have = {
        str(name): str(sql)
        for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'cache\\_%' "
            "ESCAPE '\\'"
        )
    }
    return have == {sql.split()[2]: sql for sql in trigger_sql(_targets(conn))}


def cached_ids(
    conn: sqlite3.Connection, as_of: date, fp: str, table: str = "score_cache"
) -> list[int]:
    """The contacts with cached scores (``table`` ``score_quiet``: found quiet) valid for
    ``as_of`` and ``fp``, by id."""
    if table not in TARGETS:
        raise ValueError(table)
    return [
        int(r[0])
        for r in conn.execute(
            f"SELECT contact_id FROM {table} WHERE as_of = ? AND fingerprint = ? "
            "ORDER BY contact_id",
            (as_of.isoformat(), fp),
        )
    ]

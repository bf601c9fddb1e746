"""The full JSON dump: every journal table (not the undo history), versioned.

Format::

    {"format": "netjournal", "version": 1, "schema": 1, "exported_at": "...",
     "tables": {"contact": [{column: value, ...}, ...], ...}}

Rows are the stored values, in primary-key order, with sorted keys: two exports of the
same journal differ only in ``exported_at``. ``restore`` puts them back exactly (same
ids and UUIDs) into an empty journal; ``merge`` adds to a non-empty one what it does not
have yet, matching records by UUID (contacts also by name, as names are unique).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netjournal import cards, identity, messages, vocab
from netjournal.dates import EARLIEST_YEAR, LATEST_YEAR
from netjournal.errors import BadValue
from netjournal.store import JOURNAL_TABLES, SCHEMA_VERSION
from netjournal.text import (
    MAX_TEXT,
    check_text,
    clean_name,
    fold,
    has_forbidden,
    printable,
    safe_json,
)

if TYPE_CHECKING:
    from netjournal.interop.source import Source
    from netjournal.store.writer import Journal

FORMAT = "netjournal"
VERSION = 1

#: columns that point at another table's id
_REFERENCES = {
    "contact_id": "contact",
    "interaction_id": "interaction",
    # introduction (schema 7): who introduced whom to whom, and the give recording it
    "to_id": "contact",
    "by_id": "contact",
    "exchange_id": "exchange",
}
_CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("contact", "tier"): vocab.TIERS,
    ("identity", "kind"): identity.KINDS,
    ("interaction", "kind"): vocab.INTERACTION_KINDS,
    ("exchange", "direction"): ("give", "ask"),
    ("exchange", "kind"): vocab.EXCHANGE_KINDS,
    ("exchange", "status"): vocab.ASK_STATUSES,
    ("fact", "category"): vocab.FACT_CATEGORIES,
    ("followup", "kind"): vocab.FOLLOWUP_KINDS,
    ("goal", "metric"): vocab.GOAL_METRICS,
    ("goal", "per"): vocab.PERIODS,
    ("captured", "source"): vocab.CAPTURE_SOURCES,
}
_DAY_COLUMNS = (
    "made_on",
    "met_on",
    "snoozed_until",
    "occurred_on",
    "settled_on",
    "learned_on",
    "due",
    "created_on",
    "done_on",
    "spent_on",
)
_TIME_COLUMNS = ("created_at", "updated_at", "occurred_at", "captured_at")
#: the texts that may span lines (as ``net log -m``, ``learn``, ``give`` and ``edit`` take
#: them); every other text column is one line
MULTILINE = {
    ("interaction", "note"),
    ("exchange", "what"),
    ("fact", "text"),
    ("followup", "note"),
    ("expense", "what"),
    ("target", "text"),
    ("introduction", "note"),
}
#: the integers SQLite stores; ids stay within what ``net edit``/``rm`` accept
INT_RANGE = (-(2**63), 2**63 - 1)
MAX_ID = 10**12 - 1


# --- export ---------------------------------------------------------------------------


def dump(conn: sqlite3.Connection, exported_at: datetime) -> dict[str, Any]:
    from netjournal.store.reads import dump as dump_reads

    return {
        "format": FORMAT,
        "version": VERSION,
        "schema": SCHEMA_VERSION,
        "exported_at": exported_at.isoformat(timespec="seconds"),
        "tables": {table: dump_reads.table_dump(conn, table) for table in JOURNAL_TABLES},
    }


def to_text(data: dict[str, Any]) -> str:
    return safe_json(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)) + "\n"


#: rows written per chunk of a streamed export
CHUNK_ROWS = 500


def stream(conn: sqlite3.Connection, exported_at: datetime) -> Iterator[str]:
    """``to_text(dump(conn, exported_at))`` as chunks of text, read and written a few
    hundred rows at a time: the same bytes, in memory bounded by a chunk, not the journal."""
    from netjournal.store.reads import dump as dump_reads

    encode = json.JSONEncoder(ensure_ascii=False).encode
    yield (
        f'{{\n  "exported_at": {encode(exported_at.isoformat(timespec="seconds"))},\n'
        f'  "format": {encode(FORMAT)},\n  "schema": {encode(SCHEMA_VERSION)},\n  "tables": {{'
    )
    for n, table in enumerate(sorted(JOURNAL_TABLES)):
        yield ("," if n else "") + f"\n    {encode(table)}: ["
        batch: list[dict[str, Any]] = []
        rows = 0
        for row in dump_reads.table_rows(conn, table, sort_columns=True):
            batch.append(row)
            if len(batch) >= CHUNK_ROWS:
                yield ("," if rows else "") + safe_json(_rows_text(batch))
                rows += len(batch)
                batch = []
        if batch:
            yield ("," if rows else "") + safe_json(_rows_text(batch))
            rows += len(batch)
        yield "\n    ]" if rows else "]"
    yield ("\n  }" if JOURNAL_TABLES else "}") + f',\n  "version": {encode(VERSION)}\n}}\n'


#: rows (flat objects, their keys already sorted) by the C encoder (the indenting one
#: is pure Python): the separators between items carry the indentation of a row's keys,
#: and :func:`_rows_text` re-indents the boundaries between rows, the only places where
#: ``},`` meets a ``{`` (inside a row a separator is followed by a key's quote)
_ROWS = json.JSONEncoder(ensure_ascii=False, separators=(",\n        ", ": ")).encode
_BOUNDARY = "},\n        {"


def _rows_text(rows: list[dict[str, Any]]) -> str:
    """``rows`` as ``json.dumps(..., indent=2, sort_keys=True)`` writes the items of a
    list three levels deep, each after a newline (the caller adds the commas between
    batches)."""
    body = _ROWS(rows)[2:-2].replace(_BOUNDARY, "\n      },\n      {\n        ")
    return "\n      {\n        " + body + "\n      }"


# --- reading and checking a dump --------------------------------------------------------


def load(source: Source) -> dict[str, list[dict[str, Any]]]:
    """The tables of a dump, checked: shape, columns, value types and vocabularies, and
    every text by the rules of the command that writes it (:func:`_text_problem`)."""
    path = source.path
    text = source.read_all()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadValue(
            messages.IMPORT_NOT_JSON.format(
                path=path, reason=f"invalid JSON at line {exc.lineno}, column {exc.colno}"
            )
        ) from None
    except RecursionError:
        raise BadValue(
            messages.IMPORT_NOT_JSON.format(path=path, reason=messages.WHY_JSON_TOO_DEEP)
        ) from None
    del text
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BadValue(
            messages.IMPORT_NOT_JSON.format(path=path, reason="no 'format': 'netjournal'")
        )
    if data.get("version") != VERSION:
        raise BadValue(
            messages.IMPORT_NOT_JSON.format(
                path=path,
                reason=f"format version {printable(repr(data.get('version')))}, "
                f"this net reads {VERSION}",
            )
        )
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise BadValue(messages.IMPORT_NOT_JSON.format(path=path, reason="no 'tables' object"))
    for name, rows in tables.items():
        if name not in JOURNAL_TABLES:
            raise BadValue(
                messages.IMPORT_NOT_JSON.format(
                    path=path, reason=f"unknown table '{printable(name)}'"
                )
            )
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise BadValue(
                messages.IMPORT_NOT_JSON.format(path=path, reason=f"'{name}' is not a list of rows")
            )
        if _table_clean(name, rows):
            continue
        for index, row in enumerate(rows, 1):
            problem = _problem(name, row)
            if problem:
                raise BadValue(
                    messages.IMPORT_NOT_JSON.format(
                        path=path, reason=f"{name} row {index}: {problem.rstrip('.')}"
                    )
                )
    return {t: tables.get(t, []) for t in JOURNAL_TABLES}


#: the types a dump's values may have (``bool`` is an ``int`` to :func:`_problem`)
_VALUE_TYPES = frozenset({str, int, bool, type(None)})
#: tables whose rows are checked whole (a name, tags, a card), always row by row
_ROW_CHECKED = ("contact", "contact_card")


def _table_clean(table: str, rows: list[dict[str, Any]]) -> bool:
    """True only when :func:`_problem` finds nothing in any of ``rows``: the same checks
    made column by column over the whole table (a set of types, a range of ids, one
    regular-expression search over all of a column's texts, each distinct day once),
    several times faster on a large dump. False means "look row by row", where the
    first problem is found and worded (a property test keeps the two in step)."""
    if not rows or table in _ROW_CHECKED:
        return not rows
    columns = rows[0].keys()
    if not all(row.keys() == columns for row in rows):
        return False
    for column in columns:
        values = [row[column] for row in rows]
        if not set(map(type, values)) <= _VALUE_TYPES:
            return False
        numbers = [v for v in values if type(v) is int]
        if numbers:
            low, high = min(numbers), max(numbers)
            if low < INT_RANGE[0] or high > INT_RANGE[1]:
                return False
            if column == "id" and (low < 1 or high > MAX_ID):
                return False
        allowed = _CHOICES.get((table, column))
        if allowed is not None and not set(values) <= set(allowed):
            return False
        texts = [v for v in values if type(v) is str]
        if texts:
            multiline = (table, column) in MULTILINE
            if max(map(len, texts)) > MAX_TEXT:
                return False
            if has_forbidden(" ".join(texts), multiline=multiline):
                return False
        if column in _DAY_COLUMNS or column in _TIME_COLUMNS:
            parse = date.fromisoformat if column in _DAY_COLUMNS else datetime.fromisoformat
            for value in {str(v) for v in values if v is not None}:
                try:
                    moment = parse(value)
                except ValueError:
                    return False
                if column in _DAY_COLUMNS and not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
                    return False
    return True


def _problem(table: str, row: dict[str, Any]) -> str | None:
    for column, value in row.items():
        if value is not None and not isinstance(value, str | int):
            return f"'{printable(column)}' holds {type(value).__name__}, not text or a number"
        if isinstance(value, int) and not isinstance(value, bool):
            if not INT_RANGE[0] <= value <= INT_RANGE[1]:
                return messages.WHY_JSON_NUMBER.format(column=printable(column), value=value)
            if column == "id" and not 1 <= value <= MAX_ID:
                return messages.WHY_JSON_ID.format(value=value, most=MAX_ID)
        allowed = _CHOICES.get((table, column))
        if allowed is not None and value not in allowed:
            shown = printable(str(value))
            return f"'{column}' is '{shown}', not one of {', '.join(allowed)}"
        if isinstance(value, str):
            problem = _text_problem(table, column, value)
            if problem:
                return problem
        if value is not None and column in _DAY_COLUMNS:
            try:
                day = date.fromisoformat(str(value))
            except ValueError:
                return f"'{column}' is not a date: '{printable(str(value))}'"
            if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
                return f"'{column}' is out of range: '{printable(str(value))}'"
        if value is not None and column in _TIME_COLUMNS:
            try:
                datetime.fromisoformat(str(value))
            except ValueError:
                return f"'{column}' is not a date and time: '{printable(str(value))}'"
    if table == "contact_card":
        return cards.check(row["data"]) if isinstance(row.get("data"), str) else None
    if table == "contact":
        name = row.get("name")
        try:
            if not isinstance(name, str) or clean_name(name) != name:
                return "the name is not a clean name"
        except BadValue as exc:
            return exc.message
        if row.get("name_folded") != fold(name):
            return f"'name_folded' does not match the name '{name}'"
        try:
            tags = json.loads(row.get("tags") or "[]")
        except (TypeError, ValueError, RecursionError):
            return "'tags' is not a JSON list"
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            return "'tags' is not a JSON list of texts"
        for tag in tags:
            try:
                check_text(tag, "tag", multiline=False)
            except BadValue as exc:
                return exc.message
    return None


def _text_problem(table: str, column: str, value: str) -> str | None:
    """Whether ``value`` breaks the rules of the command that writes the column: notes,
    facts and descriptions may span lines (newlines and tabs, direction characters);
    every other text is one line; none holds other control characters or invalid
    UTF-8, or is longer than a typed text may be. (Names are checked whole, above;
    emptiness is not checked, as older journals may hold empty texts.)"""
    what = column.replace("_", " ")
    try:
        check_text(value, what, multiline=(table, column) in MULTILINE)
    except BadValue as exc:
        return exc.message
    if len(value) > MAX_TEXT:
        return messages.TEXT_TOO_LONG.format(what=what, limit=MAX_TEXT)
    return None


# --- writing a dump into the journal ----------------------------------------------------


def is_empty(conn: sqlite3.Connection) -> bool:
    from netjournal.store.reads import dump as dump_reads

    return all(dump_reads.table_count(conn, t) == 0 for t in JOURNAL_TABLES)


def _insert(conn: sqlite3.Connection, table: str, row: dict[str, Any], columns: list[str]) -> int:
    unknown = [c for c in row if c not in columns]
    if unknown:
        raise sqlite3.IntegrityError(f"{table} has no column '{unknown[0]}'")
    keys = sorted(row)
    names = ", ".join(f'"{k}"' for k in keys)
    marks = ", ".join("?" for _ in keys)
    cur = conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", [row[k] for k in keys])
    return int(cur.lastrowid or 0)


def _insert_all(
    conn: sqlite3.Connection, table: str, rows: list[dict[str, Any]], columns: list[str]
) -> None:
    """Insert ``rows`` in order, each run of rows with the same columns in one
    ``executemany`` (an export's rows all have the same columns)."""
    known = set(columns)
    start = 0
    while start < len(rows):
        keys = sorted(rows[start])
        unknown = [k for k in keys if k not in known]
        if unknown:
            raise sqlite3.IntegrityError(f"{table} has no column '{unknown[0]}'")
        same = rows[start].keys()
        end = start + 1
        while end < len(rows) and rows[end].keys() == same:
            end += 1
        names = ", ".join(f'"{k}"' for k in keys)
        marks = ", ".join("?" for _ in keys)
        conn.executemany(
            f"INSERT INTO {table} ({names}) VALUES ({marks})",
            ([row[k] for k in keys] for row in islice(rows, start, end)),
        )
        start = end


def restore(j: Journal, path: Path, tables: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
    """Insert every row as it was (same ids); the journal must be empty. The rows go in
    in bulk (``store.bulkload``): the index and undo steps are made once per table."""
    from netjournal.store.bulkload import filling_empty

    j.flush()
    with filling_empty(j.conn):
        return _restore_rows(j, path, tables)


def _restore_rows(
    j: Journal, path: Path, tables: dict[str, list[dict[str, Any]]]
) -> dict[str, int]:
    from netjournal.store.reads import dump as dump_reads

    counts: dict[str, int] = {}
    try:
        for table in JOURNAL_TABLES:
            columns = dump_reads.table_columns(j.conn, table)
            _insert_all(j.conn, table, tables[table], columns)
            counts[table] = len(tables[table])
        _check_keys(j.conn)
    except sqlite3.IntegrityError as exc:
        raise BadValue(messages.IMPORT_JSON_CONFLICT.format(path=path, reason=exc)) from None
    if tables["contact"] and all("source" not in row for row in tables["contact"]):
        from netjournal.store.migrations.contact_source import derive_sources

        derive_sources(j.conn)  # exported before schema 4: which contacts were imported
    if tables["contact"] and not tables["identity"]:
        from netjournal.store.migrations.identities import fill

        fill(j.conn)  # exported before schema 5: the identities the contacts' columns hold
    return counts


def merge(j: Journal, path: Path, tables: dict[str, list[dict[str, Any]]]) -> tuple[int, int]:
    """Add what the journal lacks, by UUID; returns (added, already there)."""
    from netjournal.store.reads import contacts as contact_reads
    from netjournal.store.reads import dump as dump_reads

    j.flush()
    added = kept = 0
    new_ids: dict[str, dict[int, int]] = {"contact": {}, "interaction": {}, "exchange": {}}
    try:
        names = {folded: cid for cid, _name, folded in contact_reads.contact_candidates(j.conn)}
        goals = {str(r["metric"]) for r in dump_reads.table_dump(j.conn, "goal")}
        settings = {str(r["key"]) for r in dump_reads.table_dump(j.conn, "setting")}
        known = {(kind, value) for _cid, kind, value in dump_reads.identities(j.conn)}
        carded = {int(r["contact_id"]) for r in dump_reads.table_dump(j.conn, "contact_card")}
        captured = {
            (str(r["source"]), str(r["key"])) for r in dump_reads.table_dump(j.conn, "captured")
        }
        for table in JOURNAL_TABLES:
            columns = dump_reads.table_columns(j.conn, table)
            by_uuid = dump_reads.uuid_ids(j.conn, table) if "uuid" in columns else {}
            for source in tables[table]:
                row = dict(source)
                old_id = row.pop("id", None)
                existing = by_uuid.get(str(row.get("uuid"))) if "uuid" in columns else None
                if table == "contact" and existing is None:
                    existing = names.get(str(row.get("name_folded")))
                if table == "goal" and existing is None and row.get("metric") in goals:
                    existing = -1
                if table == "setting" and row.get("key") in settings:
                    existing = -1
                if table == "identity" and (row.get("kind"), row.get("value")) in known:
                    existing = -1  # a value belongs to one contact: the journal's keeps it
                if table == "captured" and (row.get("source"), row.get("key")) in captured:
                    existing = -1  # brought in already: the journal's own record stays
                if existing is None:
                    for column, target in _REFERENCES.items():
                        if row.get(column) is not None:
                            mapped = new_ids[target].get(int(row[column]))
                            if mapped is None:
                                raise sqlite3.IntegrityError(
                                    f"{table} refers to a missing {target} {row[column]}"
                                )
                            row[column] = mapped
                    if table == "participant" and _has_participant(j.conn, row):
                        existing = -1
                    if table == "contact_card" and row.get("contact_id") in carded:
                        existing = -1  # one card per contact: the journal's keeps it
                if existing is not None:
                    kept += 1
                    if table in new_ids and old_id is not None and existing > 0:
                        new_ids[table][int(old_id)] = existing
                    continue
                new_id = _insert(j.conn, table, row, columns)
                added += 1
                if table in new_ids and old_id is not None:
                    new_ids[table][int(old_id)] = new_id
                if table == "contact":
                    names[str(row.get("name_folded"))] = new_id
                if table == "identity":
                    known.add((row.get("kind"), row.get("value")))
                if table == "contact_card":
                    carded.add(row.get("contact_id"))
        _check_keys(j.conn)
    except sqlite3.IntegrityError as exc:
        raise BadValue(messages.IMPORT_JSON_CONFLICT.format(path=path, reason=exc)) from None
    if tables["contact"] and not tables["identity"]:
        from netjournal.store.migrations.identities import fill

        fill(j.conn)  # exported before schema 5
    return added, kept


def _has_participant(conn: sqlite3.Connection, row: dict[str, Any]) -> bool:
    from netjournal.store.reads import records as record_reads

    return any(
        cid == row.get("contact_id")
        for cid in record_reads.interaction_participants(conn, int(row["interaction_id"]))
    )


def _check_keys(conn: sqlite3.Connection) -> None:
    problem = conn.execute("PRAGMA foreign_key_check").fetchone()
    if problem:
        raise sqlite3.IntegrityError(f"{problem[0]} row {problem[1]} refers to a missing record")

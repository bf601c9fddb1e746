"""What a journal file may hold: exactly the tables, indexes and triggers netjournal
creates, compared with the file's ``sqlite_master`` before anything in the file runs.

A journal is data, never code: a trigger, a view or an altered table in a file someone
hands you would run inside ``net``. So every opening compares the file's objects with
those of its schema version in ``snapshot`` (type, name, table and SQL, whitespace
aside) and refuses the file when it holds an object netjournal did not create, when one
of its own differs, or when one is missing (a missing index only slows reports down, so
it is reported by ``net doctor`` and not refused). Reading ``sqlite_master`` runs nothing.
``net doctor --rebuild`` (:func:`repair`) removes foreign triggers, views and indexes,
which hold no data, and restores netjournal's own triggers and indexes; it never touches
a table.
"""

from __future__ import annotations

import functools
import sqlite3
from pathlib import Path
from typing import NamedTuple

from netjournal import messages
from netjournal.errors import JournalError
from netjournal.store import snapshot

#: objects SQLite itself may add (AUTOINCREMENT, ANALYZE), with the SQL it gives them
INTERNAL_TABLES = {
    "sqlite_sequence": "CREATE TABLE sqlite_sequence(name,seq)",
    "sqlite_stat1": "CREATE TABLE sqlite_stat1(tbl,idx,stat)",
    "sqlite_stat4": "CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)",
}
#: how many objects a sentence names before "and N more"
NAMED = 6
#: what repair may drop (no data in them) and recreate
CODE = ("trigger", "view", "index")


class Item(NamedTuple):
    """One schema object: its type, name, table and whitespace-normalised SQL.

    (Named tuples, not dataclasses: defining them costs every opening of the journal
    almost nothing, where two slotted dataclasses cost about 2 ms.)"""

    type: str
    name: str
    table: str
    sql: str

    def describe(self) -> str:
        """'trigger zz on interaction', 'index ix_x on contact', 'view v', 'table t'."""
        if self.type in ("trigger", "index") and self.table:
            return f"{self.type} {self.name} on {self.table}"
        return f"{self.type} {self.name}"

    def drop_sql(self) -> str:
        return f"DROP {self.type.upper()} IF EXISTS {quote(self.name)}"


class Diff(NamedTuple):
    foreign: tuple[Item, ...]  # in the file, not netjournal's
    altered: tuple[Item, ...]  # netjournal's name, other SQL (as found in the file)
    missing: tuple[Item, ...]  # netjournal's, not in the file (as expected)

    def refused(self) -> tuple[tuple[Item, ...], tuple[Item, ...], tuple[Item, ...]]:
        """(foreign, altered, missing) objects that keep the file from being opened."""
        missing = tuple(i for i in self.missing if i.type != "index")
        return self.foreign, self.altered, missing

    @property
    def clean(self) -> bool:
        return not (self.foreign or self.altered or self.missing)


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def normalise(sql: str) -> str:
    return " ".join(sql.split())


@functools.cache
def expected(version: int) -> dict[str, Item]:
    """netjournal's objects at schema ``version``, by name (KeyError: no such version)."""
    return {item.name: item for item in _items(version)}


@functools.cache
def _items(version: int) -> tuple[Item, ...]:
    rows = (snapshot.OBJECTS[key] for key in snapshot.VERSIONS[version])
    return tuple(Item(t, n, tb, normalise(sql)) for t, n, tb, sql in rows)


#: the tables an FTS5 virtual table makes for itself (sqlite.org/fts5.html, "shadow tables")
SHADOW_SUFFIXES = ("_data", "_idx", "_content", "_docsize", "_config")


@functools.cache
def shadow_tables(version: int) -> frozenset[str]:
    """The names of the shadow tables of ``version``'s virtual tables: created by SQLite
    with their virtual table, never by a statement of ours."""
    virtual = [i.name for i in _items(version) if i.sql.startswith("CREATE VIRTUAL TABLE ")]
    shadows = {v + suffix for v in virtual for suffix in SHADOW_SUFFIXES}
    return frozenset(i.name for i in _items(version) if i.type == "table" and i.name in shadows)


def text_tables(items: dict[str, Item]) -> list[str]:
    """The tables among ``items`` that hold rows of their own, by name: not a virtual
    table (the full-text index reads its text from the journal's tables) nor one of the
    shadow tables it keeps its index in."""
    virtual = [n for n, i in items.items() if i.sql.startswith("CREATE VIRTUAL TABLE ")]
    shadows = {v + s for v in virtual for s in SHADOW_SUFFIXES}
    return sorted(
        n for n, i in items.items() if i.type == "table" and n not in virtual and n not in shadows
    )


def creation_sql(version: int) -> dict[str, str]:
    """The exact statement that creates each of netjournal's objects at ``version``."""
    return {snapshot.OBJECTS[k][1]: snapshot.OBJECTS[k][3] for k in snapshot.VERSIONS[version]}


def found(conn: sqlite3.Connection) -> dict[str, Item]:
    """The file's objects by name, SQLite's internal ones aside.

    Raises ``sqlite3.DatabaseError`` (malformed) when the schema's text is not UTF-8.
    """
    try:
        rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    except (UnicodeDecodeError, sqlite3.OperationalError) as exc:
        if not is_decode_error(exc):
            raise
        raise sqlite3.DatabaseError("database disk image is malformed (schema text)") from exc
    items: dict[str, Item] = {}
    for kind, name, table, sql in rows:
        kind, name, table = str(kind), str(name), str(table or "")
        if sql is None and kind == "index" and name.startswith("sqlite_autoindex_"):
            continue  # made by SQLite for a UNIQUE or PRIMARY KEY of the table's SQL
        if kind == "table" and sql is not None and INTERNAL_TABLES.get(name) == sql:
            continue
        items[name] = Item(kind, name, table, normalise(str(sql or "")))
    return items


def is_decode_error(exc: BaseException) -> bool:
    """Whether ``exc`` is Python's ``sqlite3`` failing to decode text as UTF-8: a TEXT
    value, or the message of an error that quotes a damaged schema."""
    return isinstance(exc, UnicodeDecodeError) or (
        isinstance(exc, sqlite3.Error) and "Could not decode" in str(exc)
    )


def compare(conn: sqlite3.Connection, version: int) -> Diff:
    want = expected(version)
    have = found(conn)
    return Diff(
        foreign=tuple(item for name, item in have.items() if name not in want),
        altered=tuple(item for name, item in have.items() if name in want and want[name] != item),
        missing=tuple(item for name, item in want.items() if name not in have),
    )


def listing(items: tuple[Item, ...] | list[Item]) -> str:
    """'trigger zz on interaction, view v' (the first few, then 'and N more')."""
    shown = [item.describe() for item in items[:NAMED]]
    if len(items) > NAMED:
        shown.append(messages.SCHEMA_AND_MORE.format(count=len(items) - NAMED))
    return ", ".join(shown)


def refusal(diff: Diff, path: Path) -> str | None:
    """The sentences naming what keeps ``path`` from being used (None: nothing)."""
    foreign, altered, missing = diff.refused()
    parts = []
    if foreign:
        parts.append(messages.SCHEMA_FOREIGN.format(path=path, objects=listing(foreign)))
    if altered:
        parts.append(messages.SCHEMA_ALTERED.format(path=path, objects=listing(altered)))
    if missing:
        parts.append(messages.SCHEMA_MISSING.format(path=path, objects=listing(missing)))
    return " ".join(parts) or None


def check(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Raise the user's sentence unless the journal at ``path`` (schema ``version``)
    holds exactly netjournal's objects (missing indexes aside)."""
    problem = refusal(compare(conn, version), path)
    if problem:
        raise JournalError(f"{problem} {messages.SCHEMA_NOT_OPENED}")


def repair(conn: sqlite3.Connection, version: int) -> tuple[list[Item], list[Item]]:
    """Inside a write transaction: drop the triggers, views and indexes netjournal did
    not create, then (re)create its own triggers and indexes that are altered or
    missing. Tables are never dropped. Returns (removed, restored)."""
    diff = compare(conn, version)
    want = expected(version)
    sql = creation_sql(version)
    removed = [item for item in diff.foreign if item.type in CODE]
    restored: list[Item] = []
    for item in diff.altered:
        if item.type not in CODE:
            continue  # a table where netjournal has something else: left for the user
        removed.append(item)
        if want[item.name].type in CODE:
            restored.append(want[item.name])
    restored += [item for item in diff.missing if item.type in CODE]
    for item in removed:
        conn.execute(item.drop_sql())
    for item in restored:
        conn.execute(sql[item.name])
    return removed, restored

"""``net undo``: triggers record, for every row a write command changes, the SQL that
reverts it (the technique of https://www.sqlite.org/undoredo.html).

Each write command opens an ``undo_command`` row; the triggers file their statements
under the newest one. Undoing replays a command's statements newest first, with foreign
keys deferred to the commit, then forgets them. The triggers are rebuilt from the live
columns after every migration, so they always cover the whole table.

The history is data read from the file, so it is never run as SQL: each statement must
have one of the three shapes the triggers write (``steps``), on a journal table and its
live columns, with literal values as ``quote()`` writes them. All of a command's steps
are checked before the first one is replayed, as a statement built here with the values
as parameters; one foreign step refuses the whole undo.
"""

from __future__ import annotations

import sqlite3

from netjournal import messages
from netjournal.errors import JournalError
from netjournal.store import JOURNAL_TABLES
from netjournal.store.steps import Step, parse

_RECORDING = "(SELECT recording FROM undo_control WHERE id = 1)"
_CURRENT = "(SELECT max(id) FROM undo_command)"


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def _quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def trigger_sql(conn: sqlite3.Connection, table: str) -> list[str]:
    cols = _columns(conn, table)
    t = _quote_ident(table)
    col_list = ", ".join(_quote_ident(c) for c in cols)
    old_values = " || ',' || ".join(f"quote(old.{_quote_ident(c)})" for c in cols)
    set_old = " || ', ' || ".join(
        f"'{_quote_ident(c)} = ' || quote(old.{_quote_ident(c)})" for c in cols
    )
    insert_into = f"INSERT INTO {t} (rowid, {col_list}) VALUES ("
    return [
        f"""CREATE TRIGGER undo_{table}_insert AFTER INSERT ON {t} WHEN {_RECORDING}
BEGIN
  INSERT INTO undo_step (command_id, statement)
  VALUES ({_CURRENT}, 'DELETE FROM {t} WHERE rowid = ' || new.rowid);
END""",
        f"""CREATE TRIGGER undo_{table}_update AFTER UPDATE ON {t} WHEN {_RECORDING}
BEGIN
  INSERT INTO undo_step (command_id, statement)
  VALUES ({_CURRENT}, 'UPDATE {t} SET ' || {set_old} || ' WHERE rowid = ' || old.rowid);
END""",
        f"""CREATE TRIGGER undo_{table}_delete BEFORE DELETE ON {t} WHEN {_RECORDING}
BEGIN
  INSERT INTO undo_step (command_id, statement)
  VALUES ({_CURRENT}, '{insert_into}' || old.rowid || ',' || {old_values} || ')');
END""",
    ]


def install_triggers(conn: sqlite3.Connection) -> None:
    """(Re)create the undo triggers of every journal table. Call inside a transaction."""
    existing = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'undo\\_%' "
            "ESCAPE '\\'"
        )
    ]
    for name in existing:
        conn.execute(f"DROP TRIGGER {_quote_ident(name)}")
    for table in JOURNAL_TABLES:
        if not _columns(conn, table):
            continue  # a table of a later version than the journal's (migrating)
        for sql in trigger_sql(conn, table):
            conn.execute(sql)
    conn.execute("INSERT OR IGNORE INTO undo_control (id, recording) VALUES (1, 1)")


def begin_command(conn: sqlite3.Connection, name: str, at: str) -> int:
    # recording is off only inside an undo or a migration: a file that says otherwise
    # (say, a trigger switched it off) gets it back on before this command writes
    conn.execute("UPDATE undo_control SET recording = 1 WHERE id = 1 AND recording IS NOT 1")
    cur = conn.execute("INSERT INTO undo_command (name, at) VALUES (?, ?)", (name[:300], at))
    return int(cur.lastrowid or 0)


def end_command(conn: sqlite3.Connection, command_id: int) -> None:
    """Forget a command that changed nothing, so ``undo`` skips it; keep history bounded."""
    has_steps = conn.execute(
        "SELECT 1 FROM undo_step WHERE command_id = ? LIMIT 1", (command_id,)
    ).fetchone()
    if not has_steps:
        conn.execute("DELETE FROM undo_command WHERE id = ?", (command_id,))
    old = conn.execute(
        "SELECT id FROM undo_command ORDER BY id DESC LIMIT 1 OFFSET ?", (KEEP_COMMANDS,)
    ).fetchone()
    if old:
        conn.execute("DELETE FROM undo_step WHERE command_id <= ?", (old[0],))
        conn.execute("DELETE FROM undo_command WHERE id <= ?", (old[0],))


KEEP_COMMANDS = 100


def last_command(conn: sqlite3.Connection) -> tuple[int, str, str] | None:
    row = conn.execute("SELECT id, name, at FROM undo_command ORDER BY id DESC LIMIT 1").fetchone()
    return (int(row[0]), str(row[1]), str(row[2])) if row else None


def load_steps(conn: sqlite3.Connection, command_id: int, name: str) -> list[Step]:
    """The command's steps, newest first, each checked against :mod:`steps`' closed set
    and the live columns; raise the user's sentence at the first foreign one."""
    columns: dict[str, set[str]] = {}
    out: list[Step] = []
    for step_id, raw in conn.execute(
        "SELECT id, CAST(statement AS BLOB) FROM undo_step WHERE command_id = ? ORDER BY id DESC",
        (command_id,),
    ):
        step = parse(raw)
        if step is not None and step.table not in columns:
            columns[step.table] = set(_columns(conn, step.table))
        if step is None or not step.fits(columns[step.table]):
            raise JournalError(messages.UNDO_FOREIGN_STEP.format(name=name, step=step_id))
        out.append(step)
    return out


def foreign_steps(conn: sqlite3.Connection) -> list[tuple[int, int, str]]:
    """(step id, command id, command name) of every stored step netjournal would refuse."""
    columns = {table: set(_columns(conn, table)) for table in JOURNAL_TABLES}
    bad: list[tuple[int, int, str]] = []
    for step_id, command_id, raw, name in conn.execute(
        "SELECT s.id, s.command_id, CAST(s.statement AS BLOB), coalesce(c.name, '') "
        "FROM undo_step s LEFT JOIN undo_command c ON c.id = s.command_id ORDER BY s.id"
    ):
        step = parse(raw)
        if step is None or not step.fits(columns.get(step.table, set())):
            bad.append((int(step_id), int(command_id), str(name)))
    return bad


def revert(conn: sqlite3.Connection, command_id: int, name: str = "") -> int:
    """Replay the command's reverting steps newest first; return how many rows changed.

    Every step is checked before the first runs (a foreign one raises and changes
    nothing). Call inside a write transaction. Recording is switched off meanwhile.
    """
    steps = load_steps(conn, command_id, name)
    conn.execute("PRAGMA defer_foreign_keys = ON")
    conn.execute("UPDATE undo_control SET recording = 0 WHERE id = 1")
    for step in steps:
        conn.execute(*step.statement())
    conn.execute("DELETE FROM undo_step WHERE command_id = ?", (command_id,))
    conn.execute("DELETE FROM undo_command WHERE id = ?", (command_id,))
    conn.execute("UPDATE undo_control SET recording = 1 WHERE id = 1")
    return len(steps)

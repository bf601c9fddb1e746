"""``net doctor``'s checks: plain ``sqlite3`` reads and file modes, no SQLModel.

Each check returns a list of problems, each one plain sentence (empty = fine). Nothing
here writes to the journal (``net doctor --rebuild`` is ``repair.rebuild``); the only
change is removing the temporary copies killed backups left (:func:`temporary_files`).
The score cache's check compares cached and fresh scores, so it lives with the scores
(``netjournal.scores.check_cache``).
"""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

from netjournal import messages
from netjournal.plural import plural
from netjournal.store import shape, undo
from netjournal.store.backup import backups_dir, list_backups, remove_stale


def integrity(conn: sqlite3.Connection) -> list[str]:
    """``PRAGMA integrity_check``: damaged pages, broken indexes, bad constraints."""
    rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
    return [] if rows == ["ok"] else rows


def foreign_keys(conn: sqlite3.Connection) -> list[str]:
    """Rows that point at a parent row that does not exist."""
    return [
        f"{table} row {rowid} refers to a missing {parent} row"
        for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check")
    ]


ORPHAN_QUERIES: tuple[tuple[str, str], ...] = (
    (
        "interaction i{id} has no participants",
        "SELECT i.id FROM interaction i WHERE NOT EXISTS "
        "(SELECT 1 FROM participant p WHERE p.interaction_id = i.id) ORDER BY i.id",
    ),
    (
        "undo history entry {id} belongs to no command",
        "SELECT s.id FROM undo_step s WHERE NOT EXISTS "
        "(SELECT 1 FROM undo_command c WHERE c.id = s.command_id) ORDER BY s.id",
    ),
)


def orphans(conn: sqlite3.Connection) -> list[str]:
    """Records that make no sense on their own (beyond what foreign keys catch)."""
    problems: list[str] = []
    for template, sql in ORPHAN_QUERIES:
        problems.extend(template.format(id=row[0]) for row in conn.execute(sql))
    switch = conn.execute("SELECT recording FROM undo_control WHERE id = 1").fetchall()
    if len(switch) != 1:
        problems.append("the undo switch (undo_control) is missing")
    elif switch[0][0] != 1:
        problems.append(messages.DOCTOR_UNDO_OFF)
    return problems


def schema_objects(conn: sqlite3.Connection, version: int, db: Path) -> list[str]:
    """Objects netjournal did not create, and its own that differ or are missing, each
    with the way to fix it (``store/shape.py`` says what a journal may hold)."""
    diff = shape.compare(conn, version)
    problems: list[str] = []
    for item in diff.foreign:
        if item.type == "table":
            problems.append(
                messages.DOCTOR_FOREIGN_TABLE.format(
                    object=item.describe(), path=db, name=shape.quote(item.name)
                )
            )
        else:
            problems.append(messages.DOCTOR_FOREIGN_CODE.format(object=item.describe()))
    for items, table_text, code_text in (
        (diff.altered, messages.DOCTOR_ALTERED_TABLE, messages.DOCTOR_ALTERED_CODE),
        (diff.missing, messages.DOCTOR_MISSING_TABLE, messages.DOCTOR_MISSING_CODE),
    ):
        for item in items:
            template = table_text if item.type == "table" else code_text
            problems.append(template.format(object=item.describe()))
    return problems


#: how many foreign undo steps ``undo_history`` names
UNDO_NAMED = 10


def undo_history(conn: sqlite3.Connection) -> list[str]:
    """Stored undo steps that are not one of the changes netjournal records."""
    bad = undo.foreign_steps(conn)
    problems = [messages.DOCTOR_UNDO_STEP.format(step=step, name=name) for step, _cmd, name in bad][
        :UNDO_NAMED
    ]
    if len(bad) > UNDO_NAMED:
        problems.append(
            messages.DOCTOR_UNDO_MORE.format(
                more=plural(len(bad) - UNDO_NAMED, "more such undo step")
            )
        )
    return problems


def non_text(conn: sqlite3.Connection) -> list[str]:
    """Rows holding text that is not UTF-8 (the first one of each table)."""
    problems = []
    for table in shape.text_tables(shape.found(conn)):
        bad = first_non_text(conn, [table])
        if bad is not None:
            problems.append(messages.DOCTOR_NOT_TEXT.format(table=bad[0], rowid=bad[1]))
    return problems


def first_non_text(conn: sqlite3.Connection, tables: list[str]) -> tuple[str, int] | None:
    """(table, rowid) of the first row holding text that is not UTF-8, else None.

    Python's ``sqlite3`` decodes every TEXT value it returns; a value that does not decode
    ("Could not decode to UTF-8 column ...") would make a report fail later. One pass
    reads everything (decoded in C); only a table that fails is read again, undecoded, to
    name the row.
    """
    for table in tables:
        sql = f"SELECT rowid, * FROM {shape.quote(table)}"
        try:
            for _ in conn.execute(sql):
                pass
            continue
        except (UnicodeDecodeError, sqlite3.OperationalError) as exc:
            if not shape.is_decode_error(exc):
                raise
        previous = conn.text_factory
        conn.text_factory = bytes
        try:
            for row in conn.execute(sql):
                for value in row[1:]:
                    if isinstance(value, bytes) and not _utf8(value):
                        return table, int(row[0])
        finally:
            conn.text_factory = previous
    return None


def _utf8(value: bytes) -> bool:
    try:
        value.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def temporary_files(journal: Path) -> tuple[list[Path], list[str]]:
    """Remove the temporary copies interrupted backups, restores and upgrades left beside
    the journal and in its backups folder; (removed, problems with those that stay)."""
    failed: list[Path] = []
    removed: list[Path] = []
    for folder in (journal.parent, backups_dir(journal)):
        removed += remove_stale(folder, failed)
    return removed, [messages.DOCTOR_TEMP_LEFT.format(path=path) for path in failed]


#: look-alike pairs doctor lists one by one; ``net contact dupes`` lists them all
LOOKALIKES_LISTED = 10


def duplicate_contacts(conn: sqlite3.Connection) -> list[str]:
    """Pairs of contacts that look like one person (``netjournal.lookalike``: same email,
    phone or profile, same name but for accents, order, CJK spacing or post-nominals, a
    close spelling word by word...), most likely first, with the command to merge each."""
    from netjournal import lookalike
    from netjournal.store.reads import contacts as contact_reads

    rows, ids = contact_reads.lookalike_rows(conn)
    found = lookalike.pairs(rows, ids)
    problems = [
        messages.DOCTOR_LOOKALIKE.format(
            a=pair.first["name"],
            b=pair.second["name"],
            evidence=", ".join(pair.evidence),
            merge=lookalike.merge_command(pair.first, pair.second),
        )
        for pair in found[:LOOKALIKES_LISTED]
    ]
    if len(found) > LOOKALIKES_LISTED:
        problems.append(
            messages.DOCTOR_MORE_LOOKALIKES.format(
                more=plural(len(found) - LOOKALIKES_LISTED, "more pair")
            )
        )
    return problems


def _loose(path: Path) -> bool:
    return bool(stat.S_IMODE(path.stat().st_mode) & 0o077)


def permissions(journal: Path) -> list[str]:
    """The journal, its WAL/SHM files and its backups must be readable by the owner only."""
    problems: list[str] = []
    files = [journal, Path(f"{journal}-wal"), Path(f"{journal}-shm")]
    files += [b.path for b in list_backups(journal)]
    for path in files:
        try:
            if path.exists() and _loose(path):
                mode = stat.S_IMODE(path.stat().st_mode)
                problems.append(
                    f"{path} can be read by others (mode {mode:04o}); fix: chmod 600 '{path}'"
                )
        except OSError:  # removed meanwhile (a WAL file at checkpoint)
            continue
    return problems


def search_index(conn: sqlite3.Connection) -> list[str]:
    """The tables whose rows the full-text index does not match (schema 6)."""
    from netjournal.store import searchindex

    return [messages.DOCTOR_SEARCH_STALE.format(table=t) for t in searchindex.stale(conn)]

"""``net doctor``'s checks: plain ``sqlite3`` reads and file modes, no SQLModel.

Each check returns a list of problems, each one plain sentence (empty = fine). Nothing
here writes to the journal (``net doctor --rebuild`` is ``scorecache.rebuild``). The
score cache's check compares cached and fresh scores, so it lives with the scores
(``netjournal.scores.check_cache``).
"""

from __future__ import annotations

import re
import sqlite3
import stat
from collections import defaultdict
from pathlib import Path

from netjournal.store.backup import list_backups
from netjournal.text import fold


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
    if conn.execute("SELECT count(*) FROM undo_control WHERE id = 1").fetchone()[0] != 1:
        problems.append("the undo switch (undo_control) is missing")
    return problems


def name_key(name: str) -> str:
    """A looser form than the unique ``name_folded``: letters and digits only, words sorted,
    so 'Rossi, Ana', 'Ana Rossi' and 'Ána  Rossi.' look alike."""
    words = re.findall(r"\w+", fold(name))
    return " ".join(sorted(words))


def linkedin_key(url: str) -> str:
    """The ``/in/<slug>`` of a LinkedIn profile URL, lower case; else the trimmed URL."""
    text = url.strip().lower()
    match = re.search(r"linkedin\.com/in/([^/?#\s]+)", text)
    return match.group(1) if match else text.rstrip("/")


def duplicate_contacts(conn: sqlite3.Connection) -> list[str]:
    """Groups of contacts that look like the same person: same name after folding accents,
    case, punctuation and word order; same email; same LinkedIn profile."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name, email, url in conn.execute(
        "SELECT name, email, linkedin_url FROM contact ORDER BY name_folded"
    ):
        groups[("name", name_key(name))].append(name)
        if email and email.strip():
            groups[("email", email.strip().lower())].append(name)
        if url and url.strip():
            groups[("LinkedIn profile", linkedin_key(url))].append(name)
    problems: list[str] = []
    for (what, key), names in groups.items():
        if len(names) > 1 and key:
            shown = ", ".join(f"'{n}'" for n in names)
            problems.append(f"{shown} look like one person (same {what}); see net contact merge")
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

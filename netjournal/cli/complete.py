"""Shell completion of contact names (``autocompletion=complete_name`` on NAME arguments).

Runs on every <TAB>, so it stays on the fast path: plain ``sqlite3`` on a read-only
connection to the journal, no SQLModel, nothing created, and it never raises (a broken
or missing journal simply offers no names).
"""

from __future__ import annotations

from netjournal.text import fold


def complete_name(incomplete: str) -> list[str]:
    """Names of contacts (not archived) whose name, or a word of it, starts with
    ``incomplete``, case- and accent-insensitively; exact prefix matches first."""
    try:
        from netjournal.store.paths import journal_path
        from netjournal.store.reads import contacts as contact_reads
        from netjournal.store.sqlite import raw_connect

        path = journal_path(None)
        if not path.is_file():
            return []
        conn = raw_connect(path, readonly=True, timeout_ms=1000)  # hardened, read-only
        try:
            names = [name for _id, name, _folded in contact_reads.contact_candidates(conn)]
        finally:
            conn.close()
        key = fold(incomplete)
        first = [n for n in names if fold(n).startswith(key)]
        words = [
            n for n in names if n not in first and any(w.startswith(key) for w in fold(n).split())
        ]
        return first + words
    except Exception:  # completion must never break the shell
        return []

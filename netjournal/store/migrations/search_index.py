"""Schema 5 -> 6: the full-text index of ``net search`` and ``net contacts --search``.

One SQLite FTS5 table per kind of text, each an *external-content* table
(sqlite.org/fts5.html#external_content_tables): it holds only the index, the text stays
in the journal's own table and ``snippet()`` reads it from there by rowid.

=================  ==============  ==============================================
index              content table   columns indexed
=================  ==============  ==============================================
search_note        interaction     note
search_fact        fact            text
search_exchange    exchange        what (gives and asks)
search_followup    followup        note (reach-outs and promises)
search_contact     contact         name, company, role, email, met_at, tags
=================  ==============  ==============================================

Tokenizer ``unicode61 remove_diacritics 2``: case and accents are ignored, as in names
("citta" finds "Città"); ``prefix '2 3'`` keeps prefix queries quick. Triggers keep each
index in step with its table in the same transaction as the change, whatever makes it:
a command, an import, a merge (which changes ``contact_id``, not indexed), ``net undo``
(whose replayed statements fire them like any other) or a cascade. An update re-indexes a
row only when one of its indexed columns is written.

The triggers use a virtual table, which SQLite allows schema code only with
``trusted_schema`` on: the writer switches it on inside its write transaction once it has
checked, under the write lock, that the file holds exactly netjournal's objects
(``writer``); every other connection keeps it off.

The index is built here from the rows already in the journal (FTS5's ``rebuild``). The
DDL is written out as schema 6 has it, so later changes do not change what this step
does.
"""

from __future__ import annotations

import sqlite3

VERSION = 6

#: (index, content table, indexed columns)
INDEXES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("search_note", "interaction", ("note",)),
    ("search_fact", "fact", ("text",)),
    ("search_exchange", "exchange", ("what",)),
    ("search_followup", "followup", ("note",)),
    ("search_contact", "contact", ("name", "company", "role", "email", "met_at", "tags")),
)

TOKENIZE = "unicode61 remove_diacritics 2"


def table_sql(index: str, content: str, columns: tuple[str, ...]) -> str:
    return (
        f"CREATE VIRTUAL TABLE {index} USING fts5({', '.join(columns)}, "
        f"content='{content}', content_rowid='id', tokenize='{TOKENIZE}', prefix='2 3')"
    )


def trigger_sql(index: str, content: str, columns: tuple[str, ...]) -> list[str]:
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    remove = f"INSERT INTO {index} ({index}, rowid, {cols}) VALUES ('delete', old.id, {old});"
    add = f"INSERT INTO {index} (rowid, {cols}) VALUES (new.id, {new});"
    return [
        f"CREATE TRIGGER {index}_insert AFTER INSERT ON {content} BEGIN {add} END",
        f"CREATE TRIGGER {index}_delete AFTER DELETE ON {content} BEGIN {remove} END",
        f"CREATE TRIGGER {index}_update AFTER UPDATE OF {cols} ON {content} "
        f"BEGIN {remove} {add} END",
    ]


def create(conn: sqlite3.Connection) -> None:
    """Create the index tables and their triggers, and index the rows already there."""
    for index, content, columns in INDEXES:
        conn.execute(table_sql(index, content, columns))
        for statement in trigger_sql(index, content, columns):
            conn.execute(statement)
        conn.execute(f"INSERT INTO {index} ({index}) VALUES ('rebuild')")


def migrate(conn: sqlite3.Connection) -> None:
    """Add the full-text index, built from the journal's rows."""
    create(conn)

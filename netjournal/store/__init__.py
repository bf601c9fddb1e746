"""Opening, migrating, reading and writing the journal.

``reads`` is the fast path (plain ``sqlite3``, no SQLModel); ``writer`` goes through
SQLModel sessions. Importing this package costs nothing.
"""

#: the schema version this code writes; kept in ``PRAGMA user_version``.
SCHEMA_VERSION = 10

#: tables whose changes ``net undo`` reverts and ``net export json`` dumps, in
#: dependency order (parents first).
JOURNAL_TABLES: tuple[str, ...] = (
    "contact",
    "identity",
    "contact_card",
    "interaction",
    "participant",
    "exchange",
    "introduction",
    "fact",
    "followup",
    "goal",
    "expense",
    "target",
    "setting",
    "captured",
)

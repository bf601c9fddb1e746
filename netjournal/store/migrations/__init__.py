"""Schema migrations that need more than a line, one self-contained module each.

Each module holds one function ``migrate(conn)`` that ``store.schema.MIGRATIONS``
registers under the version it produces; it runs inside the migration's transaction,
with foreign keys off, after the backup (see ``store.schema.migrate``).
"""

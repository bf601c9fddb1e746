"""Every read query, in plain SQL over ``sqlite3``: the fast path behind reports.

One module per subject: ``contacts`` (names, one contact, lists), ``records`` (one
contact's timeline and records by id), ``history`` (what scoring reads), ``followups``,
``proactive`` (goals, money, review, match) and ``dump`` (whole tables for imports and
exports); ``sql`` holds what they share. Nothing here imports SQLModel or SQLAlchemy.
Functions take an open connection (from ``connection.open_journal`` or, inside a write,
the session's own connection) and return plain dicts and tuples.
``tests/test_store.py`` runs each query against the schema built from
``netjournal.models`` so the SQL and the models cannot drift.
"""

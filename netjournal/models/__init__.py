"""The schema: SQLModel tables, the single source of truth for the journal's layout.

The tables live in four modules, loaded on first use so that a command defines only the
tables it writes (defining a SQLModel table costs milliseconds): ``journal`` (contacts,
identities, interactions, follow-ups), ``exchanges`` (gives, asks, facts), ``proactive`` (goals,
expenses, targets, settings) and ``internal`` (undo log, score cache).
``from netjournal.models import Contact`` works as for one module; :func:`load_all`
registers every table (schema creation, tests).

Only the write path imports the table modules (they pull in SQLModel, SQLAlchemy and
Pydantic). Reports read the same tables through plain ``sqlite3`` in
``netjournal.store.reads``; a test builds this metadata and runs every read query against
it so the two cannot drift.

Conventions:
- every record has an integer ``id`` (what ``net edit``/``net rm`` take, with a letter
  prefix per table) and a stable ``uuid`` (what exports and ``--merge`` use);
- timestamps (``*_at``) are timezone-aware and stored in UTC; calendar days (``*_on``,
  ``due``, ``birthday``) are plain dates, so "follow up friday" never shifts a day;
- money is stored in integer minor units (cents), never binary floats.
"""

from __future__ import annotations

import importlib
from typing import Any

#: the module of each public name
_WHERE = {
    **dict.fromkeys(
        (
            "Contact",
            "ContactCard",
            "Identity",
            "Interaction",
            "Participant",
            "FollowUp",
            "Captured",
        ),
        "journal",
    ),
    **dict.fromkeys(("Exchange", "Fact", "Introduction"), "exchanges"),
    **dict.fromkeys(("Goal", "Expense", "Target", "Setting"), "proactive"),
    **dict.fromkeys(("UndoCommand", "UndoStep", "UndoControl", "ScoreCache"), "internal"),
    **dict.fromkeys(("new_uuid", "utcnow"), "base"),
}

__all__ = sorted(_WHERE)


def load_all() -> None:
    """Register every table in ``SQLModel.metadata``."""
    for module in sorted(set(_WHERE.values())):
        importlib.import_module(f"netjournal.models.{module}")


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"netjournal.models.{module}"), name)

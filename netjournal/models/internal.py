"""The journal's bookkeeping: the undo log and the score cache (derived data)."""

from datetime import date, datetime

from sqlalchemy import Column, ForeignKey, Integer
from sqlmodel import Field, SQLModel

from netjournal.models import journal  # noqa: F401  (the contact table the cache refers to)
from netjournal.models.base import fk, utcnow


class UndoCommand(SQLModel, table=True):
    """One write command that ``net undo`` can revert."""

    __tablename__ = "undo_command"

    id: int | None = Field(default=None, primary_key=True)
    name: str
    at: datetime = Field(default_factory=utcnow)


class UndoStep(SQLModel, table=True):
    """An SQL statement that reverts one row change; filled by triggers."""

    __tablename__ = "undo_step"

    id: int | None = Field(default=None, primary_key=True)
    command_id: int = Field(sa_column=fk("undo_command.id"))
    statement: str


class UndoControl(SQLModel, table=True):
    """A single row: whether the undo triggers record (off while undoing or migrating)."""

    __tablename__ = "undo_control"

    id: int = Field(default=1, primary_key=True)
    recording: bool = True


class ScoreCache(SQLModel, table=True):
    """Derived data: one contact's scores as of one day (added in schema 2).

    Reports over the whole journal read it instead of rescoring contacts whose history
    did not change; it is filled by the read path and emptied per contact by triggers
    (``store/scorecache.py``) whenever anything of theirs changes. Not journal content:
    ``net undo`` ignores it and ``net export json`` leaves it out.
    """

    __tablename__ = "score_cache"

    contact_id: int = Field(
        sa_column=Column(Integer, ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True)
    )
    as_of: date
    fingerprint: str
    # the numbers reports sort and add up in SQL
    balance_value: float
    given: float
    taken: float
    gives: int
    asks: int
    depth_value: float
    urgency_total: float
    listed: bool
    dormant_only: bool
    was_depth: float | None = None
    snoozed: bool
    # JSON, one part of the score record each
    balance: str
    depth: str
    urgency: str


class ScoreQuiet(SQLModel, table=True):
    """Derived data: a contact ``net due``'s screen showed cannot be listed on one day, so
    its full scores were not computed for it (added in schema 10).

    Emptied per contact by the score cache's triggers; not journal content.
    """

    __tablename__ = "score_quiet"

    contact_id: int = Field(
        sa_column=Column(Integer, ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True)
    )
    as_of: date
    fingerprint: str

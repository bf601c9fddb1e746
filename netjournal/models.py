"""The schema: SQLModel tables, the single source of truth for the journal's layout.

Only the write path imports this module (it pulls in SQLModel, SQLAlchemy and Pydantic).
Reports read the same tables through plain ``sqlite3`` in ``netjournal.store.reads``; a
test builds this metadata and runs every read query against it so the two cannot drift.

Conventions:
- every record has an integer ``id`` (what ``net edit``/``net rm`` take, with a letter
  prefix per table) and a stable ``uuid`` (what exports and ``--merge`` use);
- timestamps (``*_at``) are timezone-aware and stored in UTC; calendar days (``*_on``,
  ``due``, ``birthday``) are plain dates, so "follow up friday" never shifts a day;
- money is stored in integer minor units (cents), never binary floats.
"""

from __future__ import annotations

import uuid as uuid_module
from datetime import UTC, date, datetime

from sqlalchemy import Column, ForeignKey, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

from netjournal.store import JOURNAL_TABLES, SCHEMA_VERSION  # noqa: F401  (re-exported)


def new_uuid() -> str:
    return str(uuid_module.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC)


def _fk(target: str, *, nullable: bool = False, on_delete: str = "CASCADE") -> Column:  # type: ignore[type-arg]
    return Column(Integer, ForeignKey(target, ondelete=on_delete), nullable=nullable, index=True)


class Contact(SQLModel, table=True):
    __tablename__ = "contact"

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(default_factory=new_uuid, unique=True)
    name: str
    name_folded: str = Field(unique=True)
    company: str | None = None
    role: str | None = None
    email: str | None = Field(default=None, index=True)
    phone: str | None = None
    birthday: str | None = None  # 'YYYY-MM-DD' or '--MM-DD'
    tags: str = "[]"  # JSON list of strings
    met_at: str | None = None
    met_on: date | None = None
    tier: str = "active"
    kin: bool = False
    cadence: int | None = None  # override, in days
    archived: bool = False
    snoozed_until: date | None = None
    linkedin_url: str | None = Field(default=None, index=True)
    linkedin_company: str | None = None  # last values seen in a LinkedIn import
    linkedin_role: str | None = None
    vcard_uid: str | None = Field(default=None, index=True)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class Interaction(SQLModel, table=True):
    __tablename__ = "interaction"

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(default_factory=new_uuid, unique=True)
    kind: str = "one-to-one"
    occurred_at: datetime = Field(index=True)
    occurred_on: date = Field(index=True)  # the local calendar day of occurred_at
    note: str = ""
    created_at: datetime = Field(default_factory=utcnow)


class Participant(SQLModel, table=True):
    """Who took part in an interaction; ``position`` keeps the order names were given."""

    __tablename__ = "participant"
    __table_args__ = (UniqueConstraint("interaction_id", "contact_id"),)

    id: int | None = Field(default=None, primary_key=True)
    interaction_id: int = Field(sa_column=_fk("interaction.id"))
    contact_id: int = Field(sa_column=_fk("contact.id"))
    position: int = 0


class Exchange(SQLModel, table=True):
    """A give (deposit) or an ask (withdrawal)."""

    __tablename__ = "exchange"

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(default_factory=new_uuid, unique=True)
    contact_id: int = Field(sa_column=_fk("contact.id"))
    interaction_id: int | None = Field(
        default=None, sa_column=_fk("interaction.id", nullable=True, on_delete="SET NULL")
    )
    direction: str  # 'give' | 'ask'
    kind: str = "favor"
    what: str = ""
    size: int | None = None
    amount_cents: int | None = None
    status: str = "granted"  # 'granted' | 'open' | 'declined'
    occurred_on: date = Field(index=True)
    settled_on: date | None = None
    created_at: datetime = Field(default_factory=utcnow)


class Fact(SQLModel, table=True):
    __tablename__ = "fact"

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(default_factory=new_uuid, unique=True)
    contact_id: int = Field(sa_column=_fk("contact.id"))
    interaction_id: int | None = Field(
        default=None, sa_column=_fk("interaction.id", nullable=True, on_delete="SET NULL")
    )
    category: str
    text: str
    learned_on: date
    created_at: datetime = Field(default_factory=utcnow)


class FollowUp(SQLModel, table=True):
    """A reach-out reminder or a promise; open until ``done_on`` is set."""

    __tablename__ = "followup"

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(default_factory=new_uuid, unique=True)
    contact_id: int = Field(sa_column=_fk("contact.id"))
    interaction_id: int | None = Field(
        default=None, sa_column=_fk("interaction.id", nullable=True, on_delete="SET NULL")
    )
    kind: str = "reach-out"  # 'reach-out' | 'promise'
    due: date = Field(index=True)
    note: str = ""
    created_on: date
    done_on: date | None = None
    created_at: datetime = Field(default_factory=utcnow)


class Goal(SQLModel, table=True):
    __tablename__ = "goal"

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(default_factory=new_uuid, unique=True)
    metric: str = Field(unique=True)
    target: int
    per: str  # 'week' | 'month'
    created_at: datetime = Field(default_factory=utcnow)


class Expense(SQLModel, table=True):
    __tablename__ = "expense"

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(default_factory=new_uuid, unique=True)
    amount_cents: int
    what: str
    spent_on: date = Field(index=True)
    contact_id: int | None = Field(
        default=None, sa_column=_fk("contact.id", nullable=True, on_delete="SET NULL")
    )
    event: str | None = None
    created_at: datetime = Field(default_factory=utcnow)


class Target(SQLModel, table=True):
    __tablename__ = "target"

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(default_factory=new_uuid, unique=True)
    text: str
    created_at: datetime = Field(default_factory=utcnow)


class Setting(SQLModel, table=True):
    """Journal-level settings that travel with the journal (e.g. the budget)."""

    __tablename__ = "setting"

    key: str = Field(primary_key=True)
    value: str


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
    command_id: int = Field(sa_column=_fk("undo_command.id"))
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

"""Proactive networking: goals, expenses, targets and journal-level settings."""

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from netjournal.models import journal  # noqa: F401  (the contact table these refer to)
from netjournal.models.base import fk, new_uuid, utcnow


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
        default=None, sa_column=fk("contact.id", nullable=True, on_delete="SET NULL")
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

"""What passed between you and a contact: gives and asks (exchanges) and facts learned.

Apart from ``journal`` so that a plain ``net log`` does not define these tables.
"""

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from netjournal.models import journal  # noqa: F401  (the tables these refer to)
from netjournal.models.base import fk, new_uuid, utcnow


class Exchange(SQLModel, table=True):
    """A give (deposit) or an ask (withdrawal)."""

    __tablename__ = "exchange"

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(default_factory=new_uuid, unique=True)
    contact_id: int = Field(sa_column=fk("contact.id"))
    interaction_id: int | None = Field(
        default=None, sa_column=fk("interaction.id", nullable=True, on_delete="SET NULL")
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
    contact_id: int = Field(sa_column=fk("contact.id"))
    interaction_id: int | None = Field(
        default=None, sa_column=fk("interaction.id", nullable=True, on_delete="SET NULL")
    )
    category: str
    text: str
    learned_on: date
    created_at: datetime = Field(default_factory=utcnow)


class Introduction(SQLModel, table=True):
    """Who was introduced to whom (added in schema 7): ``contact`` was introduced to
    ``to`` (None: to you) by ``by`` (None: by you). ``net introduce A B`` and a give of
    kind introduction naming a contact record one made by you, with its give;
    ``--met-through NAME`` records one received: NAME introduced you to the contact."""

    __tablename__ = "introduction"

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(default_factory=new_uuid, unique=True)
    contact_id: int = Field(sa_column=fk("contact.id"))
    to_id: int | None = Field(default=None, sa_column=fk("contact.id", nullable=True))
    by_id: int | None = Field(default=None, sa_column=fk("contact.id", nullable=True))
    exchange_id: int | None = Field(  # the give that records it: removing it removes this
        default=None, sa_column=fk("exchange.id", nullable=True)
    )
    made_on: date
    note: str = ""
    created_at: datetime = Field(default_factory=utcnow)

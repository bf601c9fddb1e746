"""The journal's own tables: contacts and their identities, interactions and follow-ups
(what ``net log`` always writes; gives, asks and facts are in ``exchanges``).

No ``from __future__ import annotations`` in the table modules: with real annotations
pydantic need not evaluate a string per field, which makes defining a table cheaper.
"""

from datetime import date, datetime

from sqlalchemy import Column, ForeignKey, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

from netjournal.models.base import fk, new_uuid, utcnow


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
    source: str | None = None  # 'linkedin', 'vcard' or 'csv': brought in by that import
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class Identity(SQLModel, table=True):
    """One way of recognising a contact across sources (schema 5): a LinkedIn profile, a
    vCard UID, an email, a phone, normalised by ``netjournal.identity``. A value belongs
    to one contact at most; a contact may have many."""

    __tablename__ = "identity"
    __table_args__ = (UniqueConstraint("kind", "value"),)

    id: int | None = Field(default=None, primary_key=True)
    contact_id: int = Field(sa_column=fk("contact.id"))
    kind: str  # 'linkedin' | 'uid' | 'email' | 'phone'
    value: str


class ContactCard(SQLModel, table=True):
    """What a vCard said beyond the contact's own fields (schema 8): the structured
    name, nicknames, ORG units, every email, phone, URL and address with its types, as
    one JSON object (``netjournal.cards``). One row per contact at most."""

    __tablename__ = "contact_card"

    id: int | None = Field(default=None, primary_key=True)
    contact_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("contact.id", ondelete="CASCADE"), nullable=False, unique=True
        )
    )
    data: str = "{}"


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
    interaction_id: int = Field(sa_column=fk("interaction.id"))
    contact_id: int = Field(sa_column=fk("contact.id"))
    position: int = 0


class FollowUp(SQLModel, table=True):
    """A reach-out reminder, a promise or a plan; open until ``done_on`` is set."""

    __tablename__ = "followup"

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(default_factory=new_uuid, unique=True)
    contact_id: int = Field(sa_column=fk("contact.id"))
    interaction_id: int | None = Field(
        default=None, sa_column=fk("interaction.id", nullable=True, on_delete="SET NULL")
    )
    kind: str = "reach-out"  # 'reach-out' | 'promise' | 'plan' (log --planned)
    due: date = Field(index=True)
    note: str = ""
    created_on: date
    done_on: date | None = None
    created_at: datetime = Field(default_factory=utcnow)


class Captured(SQLModel, table=True):
    """What a capture (``net import calendar|mail``, ``net inbox``) has already brought in
    (schema 8): one row per event occurrence, mail thread-day-contact or inbox line, keyed
    by a digest of its identity in that source. ``interaction_id`` is the interaction it
    became (NULL once that interaction is removed: the key stays, so a removed capture is
    not brought back by the next run)."""

    __tablename__ = "captured"
    __table_args__ = (UniqueConstraint("source", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    source: str  # 'calendar' | 'mail' | 'inbox'
    key: str
    interaction_id: int | None = Field(
        default=None, sa_column=fk("interaction.id", nullable=True, on_delete="SET NULL")
    )
    captured_at: datetime = Field(default_factory=utcnow)

"""What the table modules share: identifiers, timestamps and foreign-key columns."""

from __future__ import annotations

import uuid as uuid_module
from datetime import UTC, datetime

from sqlalchemy import Column, ForeignKey, Integer


def new_uuid() -> str:
    return str(uuid_module.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC)


def fk(target: str, *, nullable: bool = False, on_delete: str = "CASCADE") -> Column:  # type: ignore[type-arg]
    return Column(Integer, ForeignKey(target, ondelete=on_delete), nullable=nullable, index=True)

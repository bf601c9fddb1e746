"""What the capture tests share: the fixtures' folder, [me] in the config, the contacts
the fixtures name, and the interactions a journal holds."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parent / "fixtures" / "capture"


def set_me(*emails: str) -> None:
    path = Path(os.environ["NETJOURNAL_CONFIG"])
    path.parent.mkdir(parents=True, exist_ok=True)
    listed = ", ".join(f'"{e}"' for e in emails)
    path.write_text(f'[me]\nemails = [{listed}]\nnames = ["Me Myself"]\n', encoding="utf-8")


def add_people(ok: Callable[..., Any]) -> None:
    ok("contact", "add", "Ana Rossi", "--email", "ana@example.com")
    ok("contact", "add", "Marco Neri", "--email", "Marco.Neri@studio-neri.example")
    ok("contact", "add", "Giulia Conti")  # no email: matched by the name in CN


def logged(rows: Callable[..., list[tuple[Any, ...]]], source: str) -> list[tuple[Any, ...]]:
    """(day, kind, note, participants) of the interactions a capture of ``source`` wrote."""
    return rows(
        "SELECT i.occurred_on, i.kind, i.note, "
        "(SELECT group_concat(c.name, ', ') FROM (SELECT c.name FROM participant p "
        "JOIN contact c ON c.id = p.contact_id WHERE p.interaction_id = i.id "
        "ORDER BY p.position) c) "
        "FROM interaction i JOIN captured k ON k.interaction_id = i.id "
        "WHERE k.source = ? ORDER BY i.occurred_at, i.id",
        source,
    )

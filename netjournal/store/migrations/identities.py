"""Schema 4 -> 5: the ``identity`` table, every way of recognising a contact across sources.

One row per identity: a LinkedIn profile URL, a vCard UID, an email or a phone number, in
the normalised form of ``netjournal.identity`` (a copy of those rules is frozen here, so
that later changes there do not change what this step does). A value belongs to one
contact at most (``UNIQUE (kind, value)``); a contact may carry many.

Existing journals get the identities their contacts' columns hold (``linkedin_url``,
``vcard_uid``, ``email``, ``phone``). Two contacts with the same email or phone (typed
twice by hand) cannot both have it: the older contact keeps it, and ``net contact dupes``
lists the pair. Only a new table and its index are created, so the undo history stays
valid (its statements name their columns).
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata

VERSION = 5

IDENTITY_TABLE = (
    "CREATE TABLE identity (\n"
    "\tid INTEGER NOT NULL, \n"
    "\tcontact_id INTEGER NOT NULL, \n"
    "\tkind VARCHAR NOT NULL, \n"
    "\tvalue VARCHAR NOT NULL, \n"
    "\tPRIMARY KEY (id), \n"
    "\tUNIQUE (kind, value), \n"
    "\tFOREIGN KEY(contact_id) REFERENCES contact (id) ON DELETE CASCADE\n"
    ")"
)
INDEXES = ("CREATE INDEX ix_identity_contact_id ON identity (contact_id)",)

_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_EXTENSION = re.compile(r"(?:;ext=|\s*(?:ext\.?|x|#)\s*)\d+\s*$", re.IGNORECASE)


def _linkedin(url: str) -> str | None:
    match = re.search(r"linkedin\.com/in/([^/?#\s]+)", url.strip(), re.IGNORECASE)
    return f"https://www.linkedin.com/in/{match.group(1).lower()}" if match else None


def _uid(value: str) -> str | None:
    text = value.strip()
    if text.lower().startswith("urn:uuid:"):
        text = text[9:]
    return (text.lower() if _UUID.match(text) else text) or None


def _email(value: str) -> str | None:
    text = value.strip()
    return text.casefold() if "@" in text else None


def _phone(value: str) -> str | None:
    text = unicodedata.normalize("NFKC", value).strip()
    if text.lower().startswith("tel:"):
        text = text[4:]
    text = _EXTENSION.sub("", text)
    digits = "".join(ch for ch in text if ch.isdigit())
    international = text.lstrip().startswith("+") or digits.startswith("00")
    if digits.startswith("00"):
        digits = digits[2:]
    if len(digits) < 7:
        return None
    return ("+" if international else "") + digits


_COLUMNS = (
    ("linkedin_url", "linkedin", _linkedin),
    ("vcard_uid", "uid", _uid),
    ("email", "email", _email),
    ("phone", "phone", _phone),
)


def fill(conn: sqlite3.Connection) -> int:
    """Give every contact the identities its columns hold (those no older contact has);
    returns how many rows were added. Also used after restoring an export made before
    schema 5."""
    rows: list[tuple[int, str, str]] = []
    for record in conn.execute(
        "SELECT id, linkedin_url, vcard_uid, email, phone FROM contact ORDER BY id"
    ):
        for (_column, kind, normalise), raw in zip(_COLUMNS, record[1:], strict=True):
            value = normalise(raw) if isinstance(raw, str) else None
            if value:
                rows.append((int(record[0]), kind, value))
    before = conn.total_changes
    conn.executemany(
        "INSERT OR IGNORE INTO identity (contact_id, kind, value) VALUES (?, ?, ?)", rows
    )
    return conn.total_changes - before


def migrate(conn: sqlite3.Connection) -> None:
    """Create ``identity`` and fill it from the contacts' columns."""
    conn.execute(IDENTITY_TABLE)
    for statement in INDEXES:
        conn.execute(statement)
    fill(conn)

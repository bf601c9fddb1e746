"""vCard export: one card per contact, 3.0 by default or 4.0, deterministic for the same
journal.

The UID is the imported one, else the contact's own UUID, so a re-import finds the same
people; N, ORG, emails, phones, URLs and addresses as ``vcardparts`` writes them (the
kept N while the name is the one it came with, else built by ``personname``); TITLE,
CATEGORIES (tags), NOTE (each fact of category ``other``); a birthday without a year is
``--MMDD`` (``--apple``: ``1604-MM-DD`` with ``X-APPLE-OMIT-YEAR``, what Apple writes).
"""

from __future__ import annotations

from typing import Any

from netjournal import cards as card_data
from netjournal import messages
from netjournal.errors import BadValue
from netjournal.identity import Identity
from netjournal.interop import vcardparts
from netjournal.interop.vcard import NO_YEAR, VERSIONS


def check_version(version: str) -> None:
    """Refuse a vCard version this export does not write (3.0 and 4.0)."""
    if version not in VERSIONS:
        raise BadValue(messages.EXPORT_BAD_VCARD_VERSION.format(version=version))


def export(
    contacts: list[dict[str, Any]],
    notes: dict[int, list[str]],
    version: str,
    *,
    extra: dict[int, list[Identity]] | None = None,
    details: dict[int, str] | None = None,
    apple: bool = False,
) -> str:
    """Every contact as a vCard of ``version``; deterministic for the same journal.
    ``extra``: each contact's identities, for the emails and phones beyond its own
    fields; ``details``: each contact's kept card (``contact_card.data``); ``apple``:
    year-less birthdays as Apple Contacts writes them."""
    import json

    import vobject

    check_version(version)
    out: list[str] = []
    for contact in contacts:
        key = int(contact["id"])
        data = card_data.loads((details or {}).get(key))
        card = vobject.vCard()
        card.add("version").value = version
        card.add("uid").value = contact.get("vcard_uid") or contact["uuid"]
        card.add("fn").value = contact["name"]
        vcardparts.write_name(card, contact, data)
        vcardparts.write_org(card, contact, data)
        if contact.get("role"):
            card.add("title").value = contact["role"]
        found = (extra or {}).get(key, [])
        vcardparts.write_emails(card, contact, data, found, version)
        vcardparts.write_phones(card, contact, data, found, version)
        vcardparts.write_addresses(card, data, version)
        if contact.get("birthday"):
            _birthday(card, contact["birthday"], version, apple)
        tags = json.loads(contact.get("tags") or "[]")
        if tags:
            card.add("categories").value = tags
        vcardparts.write_urls(card, contact, data, version)
        for note in notes.get(key, []):
            card.add("note").value = note
        out.append(card.serialize())
    return "".join(out)


def _birthday(card: Any, birthday: str, version: str, apple: bool) -> None:
    """``--MMDD`` without a year (RFC 6350, and ISO 8601's truncated form that 3.0
    readers such as khard and Thunderbird take); with ``apple`` in 3.0, Apple's
    ``1604-MM-DD`` with ``X-APPLE-OMIT-YEAR``. A full date is ``YYYYMMDD`` in 4.0."""
    line = card.add("bday")
    if birthday.startswith("--"):
        if apple and version == "3.0":
            line.value = f"{NO_YEAR}{birthday[1:]}"
            line.params["X-APPLE-OMIT-YEAR"] = [str(NO_YEAR)]
        else:
            line.value = "--" + birthday[2:].replace("-", "")
    else:
        line.value = birthday.replace("-", "") if version == "4.0" else birthday

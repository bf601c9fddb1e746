"""Contacts as CSV, for spreadsheets: one row per contact.

Columns: ``name, company, role, email, phone, birthday, tags, tier, kin, met_on, met_at,
linkedin`` (tags separated by ``;``, kin ``yes``/``no``). A cell that begins with ``=``,
``+``, ``-``, ``@``, tab or carriage return is written with a leading ``'`` so that a
spreadsheet never runs it as a formula; import removes that ``'`` again.

Identity on import: email, else name. A known contact takes the row's non-empty cells
(an empty cell never clears a field); tags are added to the ones it has.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netjournal import messages, vocab
from netjournal.errors import BadValue
from netjournal.interop import (
    Contacts,
    Summary,
    canonical_linkedin,
    merged_tags,
    read_text,
    tags_json,
)
from netjournal.text import choice, clean_name, clean_optional

if TYPE_CHECKING:
    from collections.abc import Callable

    from netjournal.store.writer import Journal

COLUMNS = (
    "name",
    "company",
    "role",
    "email",
    "phone",
    "birthday",
    "tags",
    "tier",
    "kin",
    "met_on",
    "met_at",
    "linkedin",
)
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_YES = ("yes", "y", "true", "1", "x")
_NO = ("no", "n", "false", "0", "")


def protect(cell: str) -> str:
    """Prefix a cell a spreadsheet would run as a formula with ``'``."""
    return "'" + cell if cell.startswith(_DANGEROUS) else cell


def unprotect(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(_DANGEROUS) else cell


# --- export ---------------------------------------------------------------------------


def export(contacts: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for c in contacts:
        values = [
            c["name"],
            c.get("company") or "",
            c.get("role") or "",
            c.get("email") or "",
            c.get("phone") or "",
            c.get("birthday") or "",
            ";".join(json.loads(c.get("tags") or "[]")),
            c.get("tier") or "",
            "yes" if c.get("kin") else "no",
            c.get("met_on") or "",
            c.get("met_at") or "",
            c.get("linkedin_url") or "",
        ]
        writer.writerow([protect(str(v)) for v in values])
    return buffer.getvalue()


# --- import ---------------------------------------------------------------------------


@dataclass
class Row:
    where: str
    name: str
    fields: dict[str, Any] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)


def parse(path: Path, summary: Summary, date_order: str) -> list[Row]:
    text = read_text(path, "CSV")
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise BadValue(messages.IMPORT_BAD_CSV.format(path=path, reason=exc)) from exc
    if not records:
        raise BadValue(messages.IMPORT_NOT_CSV.format(path=path))
    header = [h.strip().lower().replace(" ", "_") for h in records[0]]
    if "name" not in header:
        raise BadValue(messages.IMPORT_NOT_CSV.format(path=path))
    col = {h: i for i, h in enumerate(header) if h in COLUMNS}
    out: list[Row] = []
    line = 2 + sum(c.count("\n") for c in records[0])
    for record in records[1:]:
        where = f"row {line}"
        line += 1 + sum(c.count("\n") for c in record)
        if not any(c.strip() for c in record):
            continue
        cells = {k: unprotect(record[i].strip()) for k, i in col.items() if i < len(record)}
        if not cells.get("name"):
            summary.skipped.append((where, messages.WHY_NO_NAME))
            continue
        try:
            out.append(_row(where, cells, date_order))
        except BadValue as exc:
            summary.skipped.append((where, exc.message))
    return out


def _row(where: str, cells: dict[str, str], date_order: str) -> Row:
    from netjournal.dates import check_range, parse_birthday

    row = Row(where, clean_name(cells["name"]))
    f = row.fields
    for key in ("company", "role", "phone", "met_at"):
        value = clean_optional(cells.get(key, ""), key.replace("_", " "))
        if value:
            f[key] = value
    email = clean_optional(cells.get("email", ""), "email")
    if email:
        if not _EMAIL.match(email):
            raise BadValue(messages.BAD_EMAIL.format(email=email))
        f["email"] = email
    if cells.get("birthday"):
        f["birthday"] = parse_birthday(cells["birthday"], date_order=date_order)  # type: ignore[arg-type]
    if cells.get("tier"):
        f["tier"] = choice(cells["tier"], vocab.TIERS, "tier")
    kin = cells.get("kin", "").strip().lower()
    if kin in _YES:
        f["kin"] = True
    elif kin not in _NO:
        raise BadValue(messages.UNKNOWN_CHOICE.format(what="kin", value=kin, allowed="yes, no"))
    elif kin:
        f["kin"] = False
    if cells.get("met_on"):
        try:
            f["met_on"] = check_range(date.fromisoformat(cells["met_on"]), cells["met_on"])
        except ValueError:
            raise BadValue(messages.BAD_DATE.format(text=cells["met_on"])) from None
    if cells.get("linkedin"):
        url = canonical_linkedin(cells["linkedin"])
        if url:
            f["linkedin_url"] = url
    for tag in cells.get("tags", "").split(";"):
        cleaned = clean_optional(tag, "tag")
        if cleaned:
            row.tags = merged_tags(row.tags, [cleaned])
    return row


def import_rows(
    j: Journal,
    rows: list[Row],
    summary: Summary,
    advance: Callable[[], None],
    tier: str = "acquaintance",
) -> None:
    """Add or update every row inside the caller's write transaction; new contacts get
    the row's tier, else ``tier``, and the source ``csv``."""
    people = Contacts(j, source="csv", tier=tier)
    seen: dict[int, str] = {}
    for row in rows:
        advance()
        email = row.fields.get("email")
        key = people.by_email.get(email.casefold()) if email else None
        name = row.name
        if key is None:
            clash = people.named(row.name)
            existing_email = people.rows[clash].get("email") if clash is not None else None
            if clash is not None and not (email and existing_email):
                key = clash
            elif clash is not None:
                name = people.free_name(row.name, row.fields.get("company"))
                summary.renamed.append((row.where, row.name, name))
        if key is not None and key in seen:
            summary.skipped.append((row.where, messages.WHY_SAME_AS.format(where=seen[key])))
            continue
        if key is None:
            key = people.add(name, tags=tags_json(row.tags), **row.fields)
            summary.added += 1
        else:
            current = people.rows[key]
            changes = {k: v for k, v in row.fields.items() if _stored(current.get(k)) != _stored(v)}
            tags = merged_tags(people.tags(key), row.tags)
            if tags != people.tags(key):
                changes["tags"] = tags_json(tags)
            if changes:
                people.update(key, **changes)
                summary.updated += 1
            else:
                summary.unchanged += 1
        seen[key] = row.where
    people.flush()
    j.flush()
    summary.filed, summary.tier = people.filed, tier


def _stored(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value

"""Contacts as CSV, for spreadsheets: one row per contact.

Columns: ``name, company, role, email, phone, birthday, tags, tier, kin, met_on, met_at,
linkedin`` (tags separated by ``;``, a ``;`` inside a tag written ``\\;`` and a backslash
``\\\\``; kin ``yes``/``no``). A cell that begins with ``=``,
``+``, ``-``, ``@``, tab or carriage return is written with a leading ``'`` so that a
spreadsheet never runs it as a formula; import removes that ``'`` again.

Identity on import: the LinkedIn profile, email or phone (``netjournal.identity``), else
the name unless a profile or email contradicts it. A known contact takes the row's
non-empty cells (an empty cell never clears a field); tags are added to the ones it has.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netjournal import identity, messages, vocab
from netjournal.errors import BadValue
from netjournal.interop import (
    SAME,
    Contacts,
    Summary,
    canonical_linkedin,
    merged_tags,
    tags_json,
)
from netjournal.text import choice, clean_name, clean_optional, clean_text

if TYPE_CHECKING:
    from netjournal.interop.source import Source
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


def join_tags(tags: list[str]) -> str:
    """Tags in one cell, separated by ``;``: a ``;`` inside a tag is written ``\\;`` and a
    backslash ``\\\\``, so that every tag comes back whole (an ordinary list is unchanged)."""
    return ";".join(t.replace("\\", "\\\\").replace(";", "\\;") for t in tags)


def split_tags(cell: str) -> list[str]:
    """The tags of a cell written by :func:`join_tags` (or by hand: a backslash before
    anything but ``;`` or another backslash is kept as it is)."""
    if "\\" not in cell:
        return cell.split(";")
    tags: list[str] = []
    current: list[str] = []
    chars = iter(cell)
    for ch in chars:
        if ch == "\\":
            following = next(chars, "")
            current.append(following if following in ("\\", ";") else ch + following)
        elif ch == ";":
            tags.append("".join(current))
            current = []
        else:
            current.append(ch)
    tags.append("".join(current))
    return tags


def protect(cell: str) -> str:
    """Prefix a cell a spreadsheet would run as a formula with ``'`` (and one that truly
    begins with ``'`` and such a character, so that :func:`unprotect` gives it back)."""
    return "'" + cell if _guarded(cell) else cell


def _guarded(cell: str) -> bool:
    """Whether ``cell`` begins with what a spreadsheet runs, or with ``'`` and that."""
    return cell.startswith(_DANGEROUS) or (cell[:1] == "'" and cell[1:].startswith(_DANGEROUS))


def unprotect(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and _guarded(cell[1:]) else cell


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
            join_tags(json.loads(c.get("tags") or "[]")),
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
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)  # ``netjournal.cards``


def _delimiter(first: str) -> str:
    """``;`` for the CSVs Excel writes in Italian, German... locales (and tab for TSV),
    when the header line has more of them than commas."""
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ","))


def parse(source: Source, summary: Summary, date_order: str) -> Iterator[Row]:
    """The file's rows, read as they are needed; rows that cannot be used go to
    ``summary``. The header is read now (its separator, and whether it is ours, Google's
    or Outlook's): a file without a ``name`` column of any of these is refused before
    anything is written."""
    from netjournal.interop.csvformats import reader_for

    lines = source.lines()
    first_line = next(lines, "")
    reader = csv.reader(itertools.chain([first_line], lines), delimiter=_delimiter(first_line))
    try:
        first = next(reader, None)
    except csv.Error as exc:
        raise BadValue(messages.IMPORT_BAD_CSV.format(path=source.path, reason=exc)) from exc
    if first is None:
        raise BadValue(messages.IMPORT_NOT_CSV.format(path=source.path))
    foreign = reader_for([h.strip() for h in first])
    header = [h.strip().lower().replace(" ", "_") for h in first]
    if foreign is None and "name" not in header:
        raise BadValue(messages.IMPORT_NOT_CSV.format(path=source.path))
    col = {h: i for i, h in enumerate(header) if h in COLUMNS}

    def ours(record: list[str]) -> dict[str, Any]:
        return {k: record[i].strip() for k, i in col.items() if i < len(record)}

    return _rows(reader, foreign or ours, source.path, summary, date_order)


def _rows(
    reader: Any, cells_of: Any, path: Path, summary: Summary, date_order: str
) -> Iterator[Row]:
    line = reader.line_num + 1  # the physical line the next record starts on
    try:
        for record in reader:
            where = f"row {line}"
            line = reader.line_num + 1
            if not any(c.strip() for c in record):
                continue
            cells = {
                k: unprotect(v) if isinstance(v, str) else v for k, v in cells_of(record).items()
            }
            if not cells.get("name"):
                summary.skipped.append((where, messages.WHY_NO_NAME))
                continue
            try:
                row = _row(where, cells, date_order)
            except BadValue as exc:
                summary.skipped.append((where, exc.message))
                continue
            yield row
    except csv.Error as exc:
        raise BadValue(messages.IMPORT_BAD_CSV.format(path=path, reason=exc)) from exc


def _extras(row: Row, cells: dict[str, Any]) -> None:
    """The other emails and phones, and the notes, of a Google or Outlook row."""
    for email in cells.get("emails") or []:
        value = clean_optional(email, "email")
        if value and _EMAIL.match(value) and value not in row.emails:
            row.emails.append(value)
    for phone in cells.get("phones") or []:
        value = clean_optional(phone, "phone")
        if value and value not in row.phones:
            row.phones.append(value)
    if cells.get("notes"):
        row.notes.append(clean_text(str(cells["notes"]), "note"))
    row.details = dict(cells.get("details") or {})


def _row(where: str, cells: dict[str, str], date_order: str) -> Row:
    from netjournal.dates import check_range

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
        f["birthday"] = _birthday(cells["birthday"], date_order)
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
    raw_tags = cells.get("tags", "")
    for tag in raw_tags if isinstance(raw_tags, list) else split_tags(raw_tags):
        cleaned = clean_optional(tag, "tag")
        if cleaned:
            row.tags = merged_tags(row.tags, [cleaned])
    _extras(row, cells)
    return row


def import_rows(
    j: Journal, rows: Iterable[Row], summary: Summary, tier: str = "acquaintance"
) -> None:
    """Add or update every row inside the caller's write transaction."""
    from netjournal import cards
    from netjournal.interop.vcardparts import join
    from netjournal.store import card_writes
    from netjournal.store.reads import dump as dump_reads

    people = Contacts(j, source="csv", tier=tier)
    kept = {key: cards.loads(text) for key, text in dump_reads.contact_cards(j.conn).items()}
    changed_cards: set[int] = set()
    notes: dict[int, set[str]] = {}
    for contact_id, text in dump_reads.interop_facts(j.conn, "other"):
        notes.setdefault(contact_id, set()).add(text)
    seen: dict[int, str] = {}
    for row in rows:
        f = row.fields
        found = identity.collect(
            linkedin=f.get("linkedin_url"),
            email=[f.get("email"), *row.emails],
            phone=[f.get("phone"), *row.phones],
        )
        link = people.link(row.name, found)
        key = link.key
        if key is not None and key in seen:
            summary.skipped.append((row.where, messages.WHY_SAME_AS.format(where=seen[key])), SAME)
            continue
        if key is None:
            name = people.place(row.name, link, f.get("company"), row.where, summary)
            key = people.add(name, tags=tags_json(row.tags), **row.fields)
            status = "added"
        else:
            status = "updated" if _refresh(people, key, row) else "unchanged"
        people.claim(key, found)
        if row.details and join(people, key, row.details, kept):
            changed_cards.add(key)
            status = "updated" if status == "unchanged" else status
        known = notes.setdefault(key, set()) if key >= 0 else set()
        new_notes = [n for n in row.notes if n not in known]
        for note in new_notes:
            j.add_fact(people.real_id(key), "other", note, j.today)
            known.add(note)
        if new_notes and status == "unchanged":
            status = "updated"
        setattr(summary, status, getattr(summary, status) + 1)
        seen[key] = row.where
    people.flush()
    j.flush()
    card_writes.put(j.conn, [(people.real_id(k), cards.dumps(kept[k])) for k in changed_cards])
    summary.filed, summary.tier = people.filed, tier


def _refresh(people: Contacts, key: int, row: Row) -> bool:
    """The row's non-empty cells and new tags onto a known contact; True if it changed."""
    current = people.rows[key]
    changes = {k: v for k, v in row.fields.items() if _stored(current.get(k)) != _stored(v)}
    tags = merged_tags(people.tags(key), row.tags)
    if tags != people.tags(key):
        changes["tags"] = tags_json(tags)
    if changes:
        people.update(key, **changes)
    return bool(changes)


def _birthday(text: str, date_order: str) -> str:
    """The birthday in the configured date order, else in the other one when only that
    one reads it (Outlook writes its locale's order: '2/29/1968' is month first)."""
    from netjournal.dates import parse_birthday

    try:
        return parse_birthday(text, date_order=date_order)  # type: ignore[arg-type]
    except BadValue:
        other = "MDY" if date_order == "DMY" else "DMY"
        try:
            return parse_birthday(text, date_order=other)  # type: ignore[arg-type]
        except BadValue:
            pass
        raise


def _stored(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value

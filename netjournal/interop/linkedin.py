"""LinkedIn ``Connections.csv``: parsing the export, and importing it into the journal.

The file may start with a UTF-8 BOM and a ``Notes:`` preamble (a line, a quoted
paragraph, a blank line); older exports have no ``URL`` column. Identity for re-imports
is the canonical profile URL, else name + company. A re-import adds new people and
updates company and position only where LinkedIn's value changed since the previous
import (``contact.linkedin_company``/``linkedin_role`` hold the last imported values) and
the contact still shows that previous value: what the user typed by hand is kept.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netjournal import identity, messages
from netjournal.errors import BadValue
from netjournal.identity import Identity, name_key, strip_credentials
from netjournal.interop import (
    SAME,
    Contacts,
    Link,
    Summary,
    canonical_linkedin,
    quick_name,
    quick_optional,
)
from netjournal.text import fold as plain_fold
from netjournal.text import printable

if TYPE_CHECKING:
    from netjournal.interop.source import Source
    from netjournal.store.writer import Journal

#: folding repeats for the same names and companies on every row: remember it
fold = lru_cache(maxsize=1 << 16)(plain_fold)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}


@dataclass(frozen=True)
class Connection:
    row: int  # line of the file the record starts on, for messages
    name: str
    url: str | None
    email: str | None
    company: str | None
    role: str | None
    connected_on: date | None


def parse_connected_on(text: str) -> date | None:
    """'15 Jan 2024' / '3 Feb 2021' (also 'Jan 15, 2024' and ISO) -> date; None if unreadable
    or outside the years a journal accepts."""
    from netjournal.dates import EARLIEST_YEAR, LATEST_YEAR

    day = _parse_connected_on(text)
    if day is None or not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        return None
    return day


def _parse_connected_on(text: str) -> date | None:
    value = text.strip()
    match = re.fullmatch(r"(\d{1,2})[ -]([A-Za-z]{3})[a-z]*\.?[ -](\d{4})", value)
    try:
        if match:
            month = _MONTHS.get(match.group(2).lower())
            if month is None:
                return None
            return date(int(match.group(3)), month, int(match.group(1)))
        for pattern in ("%b %d, %Y", "%Y-%m-%d"):
            try:
                return datetime.strptime(value, pattern).date()
            except ValueError:
                continue
    except ValueError:
        return None
    return None


#: how many records may come before the header (LinkedIn's preamble has three)
HEADER_WITHIN = 50


def parse(source: Source, summary: Summary) -> Iterator[Connection]:
    """The file's connections, read as they are needed; rows that cannot be used go to
    ``summary``. The header is looked for now: a file that is not a LinkedIn export is
    refused before anything is written."""
    reader = csv.reader(source.lines())
    header: list[str] | None = None
    with _csv_errors(source.path):
        for record in itertools.islice(reader, HEADER_WITHIN):
            cells = [c.strip() for c in record]
            if "First Name" in cells and "Last Name" in cells:
                header = cells
                break
    if header is None:
        raise BadValue(messages.IMPORT_NOT_LINKEDIN.format(path=source.path))
    return _connections(reader, header, source.path, summary)


def _connections(
    reader: Any, header: list[str], path: Path, summary: Summary
) -> Iterator[Connection]:
    col = {name: header.index(name) for name in header if name}

    def cell(record: list[str], name: str) -> str:
        i = col.get(name)
        return record[i].strip() if i is not None and i < len(record) else ""

    line = reader.line_num + 1  # the physical line the next record starts on
    with _csv_errors(path):
        for record in reader:
            start, line = line, reader.line_num + 1
            if not any(c.strip() for c in record):
                continue  # blank rows (",,,,,," or empty lines) are not people
            connection = _connection(start, record, cell, summary)
            if connection is not None:
                yield connection


def _connection(
    line: int, record: list[str], cell: Callable[[list[str], str], str], summary: Summary
) -> Connection | None:
    where = f"row {line}"
    last = strip_credentials(cell(record, "Last Name"))  # "Neri, PhD" -> "Neri"
    raw_name = " ".join(p for p in (cell(record, "First Name"), last) if p)
    if not raw_name:
        summary.skipped.append((where, messages.WHY_NO_NAME))
        return None
    try:
        name = quick_name(raw_name)
        company = quick_optional(cell(record, "Company"), "company")
        role = quick_optional(cell(record, "Position"), "position")
        email = quick_optional(cell(record, "Email Address"), "email")
    except BadValue as exc:
        summary.skipped.append((where, exc.message))
        return None
    if email and not _EMAIL.match(email):
        summary.warnings.append((where, messages.WHY_BAD_EMAIL.format(email=printable(email))))
        email = None
    raw_day = cell(record, "Connected On")
    day = parse_connected_on(raw_day) if raw_day else None
    if raw_day and day is None:
        summary.warnings.append((where, messages.WHY_BAD_DATE.format(text=printable(raw_day))))
    url = canonical_linkedin(cell(record, "URL"))
    return Connection(line, name, url, email, company, role, day)


@contextmanager
def _csv_errors(path: Path) -> Iterator[None]:
    try:
        yield
    except csv.Error as exc:
        raise BadValue(messages.IMPORT_BAD_CSV.format(path=path, reason=exc)) from exc


def import_connections(
    j: Journal, connections: Iterable[Connection], summary: Summary, tier: str = "acquaintance"
) -> None:
    """Add or update every connection inside the caller's write transaction."""
    people = Contacts(j, source="linkedin", tier=tier)
    by_name_company: dict[tuple[str, str], int] = {}
    for key, row in people.rows.items():
        company = row.get("linkedin_company") or row.get("company") or ""
        by_name_company.setdefault((name_key(row["name"]), fold(company)), key)
    seen: dict[int, str] = {}
    for conn in connections:
        where = f"row {conn.row}"
        found = identity.collect(linkedin=conn.url, email=conn.email)
        link = _match(people, by_name_company, conn, found)
        key = link.key
        if key is not None and key in seen:
            summary.skipped.append((where, messages.WHY_SAME_AS.format(where=seen[key])), SAME)
            continue
        if key is None:
            name = people.place(conn.name, link, conn.company, where, summary)
            key = people.add(
                name,
                company=conn.company,
                role=conn.role,
                email=conn.email,
                met_on=conn.connected_on,
                linkedin_url=conn.url,
                linkedin_company=conn.company,
                linkedin_role=conn.role,
            )
            summary.added += 1
        else:
            changed = _refresh(people, key, conn)
            people.claim(key, found)
            if changed:
                summary.updated += 1
            else:
                summary.unchanged += 1
        seen[key] = where
        company_key = (name_key(people.rows[key]["name"]), fold(conn.company or ""))
        by_name_company.setdefault(company_key, key)
    people.flush()
    j.flush()
    summary.filed, summary.tier = people.filed, tier


def _match(
    people: Contacts,
    by_name_company: dict[tuple[str, str], int],
    conn: Connection,
    found: list[Identity],
) -> Link:
    """By identity (profile URL, email); a row without a URL also by name and company
    (how earlier imports told apart two people of one name); else by name."""
    if not conn.url:
        key = by_name_company.get((name_key(conn.name), fold(conn.company or "")))
        if key is not None:
            return Link(key)
    return people.link(conn.name, found)


def _refresh(people: Contacts, key: int, conn: Connection) -> bool:
    """Bring a known contact up to date with LinkedIn; True if anything changed."""
    row = dict(people.rows[key])
    fields: dict[str, object] = {}
    first_link = not row.get("linkedin_url") and row.get("linkedin_company") is None
    for column, last_column, new in (
        ("company", "linkedin_company", conn.company),
        ("role", "linkedin_role", conn.role),
    ):
        current, last = row.get(column), row.get(last_column)
        if first_link:
            if current is None and new is not None:
                fields[column] = new  # fill a blank; never overwrite what was typed
        elif new != last and current == last:
            fields[column] = new  # LinkedIn changed and the user had not edited it
        fields[last_column] = new
    if conn.url and not row.get("linkedin_url"):
        fields["linkedin_url"] = conn.url
    if conn.email and not row.get("email"):
        fields["email"] = conn.email
    if conn.connected_on and not row.get("met_on"):
        fields["met_on"] = conn.connected_on
    changes = {k: v for k, v in fields.items() if _stored(row.get(k)) != _stored(v)}
    if not changes:
        return False
    people.update(key, **changes)
    return True


def _stored(value: object) -> object:
    """Compare dates as the ISO text the database holds."""
    return value.isoformat() if isinstance(value, date) else value

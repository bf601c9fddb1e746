"""iCalendar export (``net export ics``): open follow-ups, promises and next birthdays.

Every item becomes an all-day ``VEVENT`` rather than a ``VTODO``: to-dos are ignored on
import by many calendars (Google Calendar among them), while all-day events show up
everywhere. Each event has a UID derived from the journal's own stable UUIDs:

* ``followup-<follow-up uuid>@netjournal`` for a reach-out or a promise, on its due day;
* ``birthday-<contact uuid>-<year>@netjournal`` for a contact's next birthday (today or
  later; a 29 February birthday falls on 28 February in common years, as in ``net due``).

Importing a newer export into the same calendar therefore updates events instead of
duplicating them. Only open follow-ups are exported; one that is done (or deleted)
simply no longer appears. The output is deterministic for a given journal and moment:
``DTSTAMP`` is the command's "now" in UTC.

``icalendar`` is imported inside :func:`build` only, so nothing else pays for it.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from netjournal.store.reads import followups as followup_reads

PRODID = "-//netjournal//net export ics//EN"
_BIRTHDAY = re.compile(r"^(?:\d{4}|--)-?(\d{2})-(\d{2})$")
DOMAIN = "netjournal"


@dataclass(frozen=True, slots=True)
class CalendarItem:
    """One all-day event: its stable UID, day, title, description and category."""

    uid: str
    day: date
    summary: str
    description: str
    category: str


def next_birthday(birthday: str, today: date) -> date | None:
    """The first birthday on or after ``today`` ('YYYY-MM-DD' or '--MM-DD'), else None."""
    found = _BIRTHDAY.match(birthday.strip())
    if not found:
        return None
    month, day = int(found.group(1)), int(found.group(2))
    for year in (today.year, today.year + 1):
        try:
            when = date(year, month, day)
        except ValueError:
            if (month, day) != (2, 29):
                return None
            when = date(year, 2, 28)
        if when >= today:
            return when
    return None  # pragma: no cover - one of two consecutive years always matches


def followup_items(rows: Iterable[dict[str, Any]]) -> list[CalendarItem]:
    items = []
    for row in rows:
        note = row["note"] or ""
        if row["kind"] == "promise":
            summary = f"Promise to {row['name']}" + (f": {note}" if note else "")
            category = "promise"
        else:
            summary = f"Follow up with {row['name']}" + (f": {note}" if note else "")
            category = "follow-up"
        description = f"netjournal {category} r{row['id']}, recorded on {row['created_on']}."
        items.append(
            CalendarItem(
                uid=f"followup-{row['uuid']}@{DOMAIN}",
                day=date.fromisoformat(row["due"]),
                summary=summary,
                description=description,
                category=category,
            )
        )
    return items


def birthday_items(rows: Iterable[dict[str, Any]], today: date) -> list[CalendarItem]:
    items = []
    for row in rows:
        when = next_birthday(row["birthday"], today)
        if when is None:
            continue
        items.append(
            CalendarItem(
                uid=f"birthday-{row['uuid']}-{when.year}@{DOMAIN}",
                day=when,
                summary=f"{row['name']}'s birthday",
                description=f"Birthday of {row['name']}: a good day to get in touch.",
                category="birthday",
            )
        )
    return items


def collect(conn: sqlite3.Connection, today: date) -> list[CalendarItem]:
    """The events to export: open follow-ups and promises, then next birthdays."""
    return followup_items(followup_reads.followups_list(conn)) + birthday_items(
        followup_reads.birthdays(conn), today
    )


def build(items: Iterable[CalendarItem], now: datetime) -> bytes:
    """An RFC 5545 calendar: CRLF line ends, lines folded to at most 75 octets."""
    from icalendar import Calendar, Event

    stamp = now.astimezone(UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "netjournal")
    for item in items:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.day)
        event.add("dtend", item.day + timedelta(days=1))
        event.add("summary", item.summary)
        event.add("description", item.description)
        event.add("categories", ["netjournal", item.category])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return bytes(cal.to_ical())

"""iCalendar export (``net export ics``): open follow-ups, promises and next birthdays.

Every item becomes an all-day ``VEVENT`` unless ``--todo`` asks for ``VTODO``s: to-dos
are ignored on import by many calendars (Google Calendar among them), while all-day
events show up everywhere. Each event has a UID derived from the journal's own stable UUIDs:

* ``followup-<follow-up uuid>@netjournal`` for a reach-out or a promise, on its due day;
* ``birthday-<contact uuid>@netjournal`` for a contact's birthday: one event repeating
  every year (``RRULE:FREQ=YEARLY``) from the birth date, or from 2000 without a year;
  29 February repeats on the last day of February.

Importing a newer export into the same calendar therefore updates events instead of
duplicating them. Each item has ``SEQUENCE`` (0 while open, 1 once cancelled) and
``LAST-MODIFIED``; a follow-up done, or removed (as long as ``net undo`` remembers it),
in the last 30 days is exported ``STATUS:CANCELLED`` (``--todo``: ``COMPLETED`` or
``CANCELLED`` to-dos), so a calendar that imported it learns it is gone. ``--alarm`` adds
a display alarm at 9:00 on the day of each open item. The output is deterministic for a
given journal and moment: ``DTSTAMP`` is the command's "now" in UTC.

``icalendar`` is imported inside :func:`build` only, so nothing else pays for it.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from netjournal.store.reads import followups as followup_reads

PRODID = "-//netjournal//net export ics//EN"
_BIRTHDAY = re.compile(r"^(?:\d{4}|--)-?(\d{2})-(\d{2})$")
DOMAIN = "netjournal"


#: how long a follow-up done or removed is still exported, as cancelled, so that a
#: calendar that imported it learns it is gone
CANCELLED_DAYS = 30


@dataclass(frozen=True, slots=True)
class CalendarItem:
    """One all-day event (or to-do): its stable UID, day, title, description, category,
    status (``open``, ``done``, ``removed``), revision and when it last changed."""

    uid: str
    day: date
    summary: str
    description: str
    category: str
    status: str = "open"
    sequence: int = 0
    modified: datetime | None = None
    yearly: bool = False
    leap_day: bool = False


def _followup_item(row: dict[str, Any], status: str, modified: datetime | None) -> CalendarItem:
    note = row["note"] or ""
    if row["kind"] == "promise":
        summary = f"Promise to {row['name']}" + (f": {note}" if note else "")
        category = "promise"
    elif row["kind"] == "plan":
        summary = f"Planned with {row['name']}" + (f": {note}" if note else "")
        category = "plan"
    else:
        summary = f"Follow up with {row['name']}" + (f": {note}" if note else "")
        category = "follow-up"
    description = f"netjournal {category} r{row['id']}, recorded on {row['created_on']}."
    if status != "open":
        description = f"netjournal {category}, {status}."
    return CalendarItem(
        uid=f"followup-{row['uuid']}@{DOMAIN}",
        day=date.fromisoformat(str(row["due"])),
        summary=summary,
        description=description,
        category=category,
        status=status,
        sequence=0 if status == "open" else 1,
        modified=modified,
    )


def _instant(value: Any) -> datetime | None:
    """A stored UTC timestamp ('2026-11-28 09:00:00.000000' or ISO) as an aware datetime."""
    if not value:
        return None
    try:
        found = datetime.fromisoformat(str(value).replace(" ", "T"))
    except ValueError:
        return None
    return (found if found.tzinfo else found.replace(tzinfo=UTC)).astimezone(UTC)


def followup_items(rows: Iterable[dict[str, Any]]) -> list[CalendarItem]:
    return [_followup_item(row, "open", _instant(row.get("created_at"))) for row in rows]


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


#: the year a birthday without one starts repeating from (a leap year, for 29 February)
BIRTHDAY_FROM = 2000


def birthday_items(rows: Iterable[dict[str, Any]], today: date) -> list[CalendarItem]:
    """One yearly event per birthday, from the birth date (or, without a year, from
    :data:`BIRTHDAY_FROM`); 29 February repeats on the last day of February."""
    items = []
    for row in rows:
        found = _BIRTHDAY.match(str(row["birthday"]).strip())
        if next_birthday(row["birthday"], today) is None or not found:
            continue
        text = str(row["birthday"]).strip()
        year = BIRTHDAY_FROM if text.startswith("--") else int(text[:4])
        month, day = int(found.group(1)), int(found.group(2))
        start = date(year if (month, day) != (2, 29) else BIRTHDAY_FROM, month, day)
        items.append(
            CalendarItem(
                uid=f"birthday-{row['uuid']}@{DOMAIN}",
                day=start,
                summary=f"{row['name']}'s birthday",
                description=f"Birthday of {row['name']}: a good day to get in touch.",
                category="birthday",
                yearly=True,
                leap_day=(month, day) == (2, 29),
            )
        )
    return items


def collect(conn: sqlite3.Connection, today: date) -> list[CalendarItem]:
    """The events to export: open follow-ups and promises, those done or removed in the
    last :data:`CANCELLED_DAYS` days (cancelled), then birthdays."""
    since = today - timedelta(days=CANCELLED_DAYS)
    items = followup_items(followup_reads.followups_list(conn))
    for row in followup_reads.closed_since(conn, since.isoformat()):
        done = datetime.combine(date.fromisoformat(str(row["done_on"])), time(12), UTC)
        items.append(_followup_item(row, "done", done))
    present = {item.uid for item in items}
    for row in followup_reads.removed_since(conn, since.isoformat()):
        item = _followup_item({**row, "id": 0}, "removed", _instant(row["removed_at"]))
        if item.uid not in present:
            present.add(item.uid)
            items.append(item)
    return items + birthday_items(followup_reads.birthdays(conn), today)


def build(
    items: Iterable[CalendarItem], now: datetime, *, alarm: bool = False, todo: bool = False
) -> bytes:
    """An RFC 5545 calendar: CRLF line ends, lines folded to at most 75 octets. With
    ``todo``, follow-ups and promises are VTODOs (birthdays stay events); with
    ``alarm``, each open item reminds at 9:00 on its day."""
    from icalendar import Calendar

    stamp = now.astimezone(UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "netjournal")
    for item in items:
        as_todo = todo and item.category != "birthday"
        component = _todo(item) if as_todo else _event(item)
        component.add("uid", item.uid)
        component.add("dtstamp", stamp)
        component.add("sequence", item.sequence)
        if item.modified is not None:
            component.add("last-modified", item.modified.replace(microsecond=0))
        component.add("summary", item.summary)
        component.add("description", item.description)
        component.add("categories", ["netjournal", item.category])
        if alarm and item.status == "open":
            component.add_component(_alarm(item))
        cal.add_component(component)
    return bytes(cal.to_ical())


def _event(item: CalendarItem) -> Any:
    from icalendar import Event

    event = Event()
    event.add("dtstart", item.day)
    event.add("dtend", item.day + timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    if item.yearly:
        rule: dict[str, Any] = {"freq": "yearly"}
        if item.leap_day:
            rule.update(bymonth=2, bymonthday=-1)
        event.add("rrule", rule)
    if item.status != "open":
        event.add("status", "CANCELLED")
    return event


def _todo(item: CalendarItem) -> Any:
    from icalendar import Todo

    todo = Todo()
    todo.add("dtstart", item.day)
    todo.add("due", item.day)
    status = {"open": "NEEDS-ACTION", "done": "COMPLETED", "removed": "CANCELLED"}[item.status]
    todo.add("status", status)
    if item.status == "done" and item.modified is not None:
        todo.add("completed", item.modified.replace(microsecond=0))
    return todo


def _alarm(item: CalendarItem) -> Any:
    from icalendar import Alarm

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", item.summary)
    alarm.add("trigger", timedelta(hours=9))  # all-day items start at midnight
    return alarm

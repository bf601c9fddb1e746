"""``net import calendar FILE|DIR``: past events with other people become interactions.

An ``.ics`` file (a Google Calendar export, an Outlook invite) or a vdir (the folders of
one-event ``.ics`` files that vdirsyncer and khal keep) is read with ``icalendar``; each
series (the events of one UID: the rule and its moved or cancelled occurrences) is
expanded by ``recurring-ical-events`` over the window, alone, so that a broken series
is one problem and the rest is read. An occurrence is proposed when it started within
``--since`` and before now, is timed (not all-day), is not cancelled (``STATUS`` or a
``METHOD:CANCEL`` file), you did not decline it, and somebody else attends (rooms,
resources and those who declined do not count). Its key is UID + RECURRENCE-ID.

Kind: a conference link or a known video host anywhere in the event -> ``video``; at
least :data:`EVENT_ATTENDEES` others -> ``event``; one other -> ``one-to-one``; else
``meeting``. Note: the summary. Moment: the start, in local time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from netjournal import messages
from netjournal.capture import Matcher, Person, Proposal, Tally, clean_note, digest
from netjournal.capture.files import read_bytes, walk

SOURCE = "calendar"
#: other attendees from which an event is an ``event`` (an all-hands) rather than a meeting
EVENT_ATTENDEES = 8
_VIDEO_HOSTS = re.compile(
    r"meet\.google\.com|zoom\.us|zoom\.com|teams\.microsoft\.com|teams\.live\.com|webex\.com"
    r"|whereby\.com|meet\.jit\.si|gotomeeting\.com|bluejeans\.com|chime\.aws|skype\.com"
    r"|facetime\.apple\.com|around\.co|discord\.gg|signal\.group",
    re.IGNORECASE,
)
_VIDEO_PROPERTIES = (
    "CONFERENCE",
    "X-GOOGLE-CONFERENCE",
    "X-MICROSOFT-SKYPETEAMSMEETINGURL",
    "X-MICROSOFT-ONLINEMEETINGCONFLINK",
    "X-MICROSOFT-ONLINEMEETINGINFORMATION",
)
_NOT_PEOPLE = ("ROOM", "RESOURCE")


def propose(
    path: Path,
    since: datetime,
    now: datetime,
    matcher: Matcher,
    tally: Tally,
    *,
    limit_mb: int,
) -> list[Proposal]:
    """The interactions the calendar at ``path`` proposes, newest last."""
    out: list[Proposal] = []
    keys: set[str] = set()
    for cal, name in _calendars(path, tally, limit_mb):
        method = str(cal.get("METHOD", "")).upper()
        for event in _expanded(cal, name, since, now, tally):
            tally.read += 1
            item = _proposal(event, method, now, matcher, tally)
            if item is not None and item.key not in keys:
                keys.add(item.key)
                out.append(item)
    out.sort(key=lambda p: p.when)
    return out


def _calendars(path: Path, tally: Tally, limit_mb: int) -> Iterator[tuple[Any, Path]]:
    from icalendar import Calendar

    for file in walk(path, (".ics", ".ical", ".ifb", ".icalendar"), tally.problems):
        data = read_bytes(file, limit_mb, tally.problems)
        if data is None:
            continue
        if b"BEGIN:VCALENDAR" not in data[:4096].upper():
            tally.problems.add(messages.CAPTURE_NO_EVENTS.format(path=file))
            continue
        try:
            calendars = Calendar.from_ical(data, multiple=True)
        except Exception as exc:  # icalendar raises ValueError and others on bad syntax
            tally.problems.add(messages.CAPTURE_NOT_CALENDAR.format(path=file, reason=exc))
            continue
        if not calendars:
            tally.problems.add(messages.CAPTURE_NO_EVENTS.format(path=file))
            continue
        tally.files += 1
        for cal in calendars:
            yield cal, file


def _expanded(cal: Any, name: Path, since: datetime, now: datetime, tally: Tally) -> list[Any]:
    """The calendar's occurrences from ``since`` to now; the series that start after now
    are counted as future. The whole calendar is expanded at once; when that fails, each
    series alone, so that a broken one is one problem and the rest is read."""
    import recurring_ical_events

    try:
        ahead = sum(_all_ahead(series, now) for _uid, series in _series(cal))
        found = list(recurring_ical_events.of(cal).between(since, now))
    except Exception:  # a broken event somewhere: find it, series by series
        found = []
        for uid, series in _series(cal):
            try:
                if _all_ahead(series, now):
                    tally.read += 1
                    tally.skip("future")
                    continue
                found += _occurrences(cal, series, since, now)
            except Exception as exc:  # icalendar and the expansion raise many kinds
                tally.problems.add(
                    messages.CAPTURE_BROKEN_EVENT.format(path=name, uid=uid or "?", reason=exc)
                )
        return found
    tally.read += ahead
    if ahead:
        tally.skipped["future"] += ahead
    return found


def _series(cal: Any) -> Iterator[tuple[str, list[Any]]]:
    groups: dict[str, list[Any]] = {}
    for component in cal.walk("VEVENT"):
        groups.setdefault(str(component.get("UID", "")), []).append(component)
    yield from groups.items()


def _all_ahead(series: list[Any], now: datetime) -> bool:
    """Whether the series starts after now (an event in the future, counted once)."""
    for event in series:
        start = event.get("DTSTART")
        if start is None:
            raise ValueError("no DTSTART")
        value = start.dt
        if not isinstance(value, datetime):
            value = datetime.combine(value, datetime.min.time())
        if value.astimezone() <= now:
            return False
    return True


def _occurrences(cal: Any, series: list[Any], since: datetime, now: datetime) -> list[Any]:
    """The series' occurrences from ``since`` to now, the series alone."""
    import recurring_ical_events
    from icalendar import Calendar

    alone = Calendar()
    for timezone in cal.walk("VTIMEZONE"):
        alone.add_component(timezone)
    for event in series:
        alone.add_component(event)
    return list(recurring_ical_events.of(alone).between(since, now))


def _proposal(
    event: Any, method: str, now: datetime, matcher: Matcher, tally: Tally
) -> Proposal | None:
    start = event.get("DTSTART").dt
    if not isinstance(start, datetime):
        tally.skip("all-day")
        return None
    start = start.astimezone()  # a floating time is local time
    if start > now:  # started within the window's last moment: not yet
        return None
    if method == "CANCEL" or str(event.get("STATUS", "")).upper() == "CANCELLED":
        tally.skip("cancelled")
        return None
    people, declined = _people(event, matcher)
    if declined:
        tally.skip("declined")
        return None
    if not people:
        tally.skip("no attendee")
        return None
    key = digest(str(event.get("UID", "")), _recurrence(event))
    if matcher.captured(SOURCE, key):
        tally.skip("already imported")
        return None
    known = [p for p in people if p.id is not None]
    unknown = [p for p in people if p.id is None and p.email]
    for person in unknown:
        tally.unknown.setdefault(str(person.email), person.name)
    if not known and not (tally.new and unknown):
        tally.skip("only unknown attendees")
        return None
    return Proposal(
        source=SOURCE,
        key=key,
        kind=_kind(event, len(people)),
        when=start,
        note=clean_note(event.get("SUMMARY", "")),
        people=known,
        unknown=unknown if tally.new else [],
    )


def _people(event: Any, matcher: Matcher) -> tuple[list[Person], bool]:
    """The others who take part (organizer and attendees, each once), and whether you
    declined."""
    found: list[Person] = []
    seen: set[object] = set()
    declined = False
    attendees = event.get("ATTENDEE", [])
    if not isinstance(attendees, list):
        attendees = [attendees]
    organizer = event.get("ORGANIZER")
    for address in [*([organizer] if organizer is not None else []), *attendees]:
        params = getattr(address, "params", {})
        email = str(address).strip()
        if email.lower().startswith("mailto:"):
            email = email[7:]
        person = matcher.person(email if "@" in email else None, params.get("CN"))
        status = str(params.get("PARTSTAT", "")).upper()
        if person is None:
            declined = declined or status == "DECLINED"
            continue
        if str(params.get("CUTYPE", "")).upper() in _NOT_PEOPLE or status == "DECLINED":
            continue
        if not person.name:
            continue
        identity_key = person.id if person.id is not None else person.email
        if identity_key not in seen:
            seen.add(identity_key)
            found.append(person)
    return found, declined


def _recurrence(event: Any) -> str:
    found = event.get("RECURRENCE-ID")
    if found is None:
        return ""
    value = found.dt
    if isinstance(value, datetime):
        return (value.astimezone(UTC) if value.tzinfo else value).isoformat()
    return value.isoformat() if isinstance(value, date) else str(value)


def _kind(event: Any, others: int) -> str:
    if any(event.get(name) is not None for name in _VIDEO_PROPERTIES):
        return "video"
    text = " ".join(str(event.get(name, "")) for name in ("LOCATION", "URL", "DESCRIPTION"))
    if _VIDEO_HOSTS.search(text):
        return "video"
    if others >= EVENT_ATTENDEES:
        return "event"
    return "one-to-one" if others == 1 else "meeting"

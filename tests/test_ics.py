"""``net export ics``: open follow-ups, promises and next birthdays as all-day events.

Today is Saturday 2026-11-28 (conftest).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

Run = Callable[..., Result]

LONG_NOTE = (
    "chiedere a Zoë Müller-Lüdenscheidt dell'ufficio di Milano — ça va? 🎉 "
    "and send the twelve-page deck about the café franchise in Genève"
)


def export(ok: Run, *args: str, env: dict[str, str] | None = None) -> bytes:
    result = ok("export", "ics", *args, env=env)
    return result.stdout_bytes


def unfold(raw: bytes) -> list[tuple[str, dict[str, str], str]]:
    """Python's own reading of RFC 5545 content lines: (NAME, params, value)."""
    text = raw.decode("utf-8")
    assert text.endswith("\r\n")
    text = text.replace("\r\n ", "").replace("\r\n\t", "")
    out = []
    for line in text.split("\r\n")[:-1]:
        head, _, value = line.partition(":")
        name, *params = head.split(";")
        out.append((name.upper(), dict(p.split("=", 1) for p in params), value))
    return out


def events(raw: bytes) -> dict[str, dict[str, str]]:
    """UID -> {property: value} of every VEVENT, from the stdlib reading."""
    found: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for name, _params, value in unfold(raw):
        if name == "BEGIN" and value == "VEVENT":
            current = {}
        elif name == "END" and value == "VEVENT":
            assert current is not None
            found[current["UID"]] = current
            current = None
        elif current is not None:
            current[name] = value
    return found


def unescape(value: str) -> str:
    return value.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")


@pytest.fixture
def journal(ok: Run) -> None:
    ok("contact", "add", "Ana Rossi", "--birthday", "1980-12-10")
    ok("contact", "add", "Leap Lee", "--birthday", "--02-29")
    ok("contact", "add", "Marco Neri")
    ok("followup", "Ana", "friday", LONG_NOTE)
    ok("promise", "Marco", "send the deck", "--by", "tuesday")
    ok("followup", "Marco", "in 3 weeks")
    ok("done", "Marco")  # closes the promise: exported as cancelled


def test_lines_are_crlf_and_at_most_75_octets(ok: Run, journal: None) -> None:
    raw = export(ok)
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n")
    assert raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    lines = raw.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines)
    assert any(line.startswith(b" ") for line in lines)  # the long note was folded
    for line in lines:
        line.decode("utf-8")  # never folded inside a UTF-8 sequence


def test_parses_with_icalendar(ok: Run, journal: None, rows: Any) -> None:
    import icalendar

    cal = icalendar.Calendar.from_ical(export(ok))
    assert str(cal["VERSION"]) == "2.0"
    vevents = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    (ana_uuid,) = rows("SELECT uuid FROM contact WHERE name = 'Ana Rossi'")[0]
    (leap_uuid,) = rows("SELECT uuid FROM contact WHERE name = 'Leap Lee'")[0]
    open_ids = {
        f"followup-{u}@netjournal"
        for (u,) in rows("SELECT uuid FROM followup WHERE done_on IS NULL")
    }
    assert len(open_ids) == 2
    ((done_uuid,),) = rows("SELECT uuid FROM followup WHERE done_on IS NOT NULL")
    done_uid = f"followup-{done_uuid}@netjournal"
    expected = open_ids | {
        done_uid,
        f"birthday-{ana_uuid}@netjournal",
        f"birthday-{leap_uuid}@netjournal",
    }
    assert set(vevents) == expected
    assert str(vevents[done_uid]["STATUS"]) == "CANCELLED"
    assert int(vevents[done_uid]["SEQUENCE"]) == 1
    assert all(int(vevents[u]["SEQUENCE"]) == 0 for u in open_ids)
    assert all("LAST-MODIFIED" in vevents[u] for u in open_ids | {done_uid})
    ana_followup = next(e for e in vevents.values() if "Ana Rossi:" in str(e["SUMMARY"]))
    assert str(ana_followup["SUMMARY"]) == f"Follow up with Ana Rossi: {LONG_NOTE}"
    assert ana_followup.decoded("DTSTART") == date(2026, 12, 4)
    assert ana_followup.decoded("DTEND") == date(2026, 12, 5)
    leap = vevents[f"birthday-{leap_uuid}@netjournal"]
    assert leap.decoded("DTSTART") == date(2000, 2, 29)
    assert leap["RRULE"] == {"FREQ": ["YEARLY"], "BYMONTH": [2], "BYMONTHDAY": [-1]}
    assert str(leap["SUMMARY"]) == "Leap Lee's birthday"
    ana = vevents[f"birthday-{ana_uuid}@netjournal"]
    assert ana.decoded("DTSTART") == date(1980, 12, 10)
    assert ana["RRULE"] == {"FREQ": ["YEARLY"]}


def test_stdlib_reading_agrees(ok: Run, journal: None) -> None:
    found = events(export(ok))
    assert len(found) == 5
    summaries = {unescape(e["SUMMARY"]): e for e in found.values()}
    assert f"Follow up with Ana Rossi: {LONG_NOTE}" in summaries
    assert "Follow up with Marco Neri" in summaries
    assert summaries["Promise to Marco Neri: send the deck"]["STATUS"] == "CANCELLED"
    for event in found.values():
        assert event["DTSTAMP"] == "20261128T100000Z"
        date(int(event["DTSTART"][:4]), int(event["DTSTART"][4:6]), int(event["DTSTART"][6:]))


def test_reexport_keeps_the_uids_of_unchanged_items(ok: Run, journal: None) -> None:
    before = events(export(ok))
    ok("promise", "Ana", "intro to Sara")  # a new item
    ok("followup", "Marco", "tomorrow")  # another
    ok("contact", "edit", "Ana", "--company", "Studio Rossi")  # no effect on events
    after = events(export(ok))
    assert set(before) <= set(after)
    assert len(after) == len(before) + 2
    for uid, event in before.items():
        assert after[uid]["SUMMARY"] == event["SUMMARY"]
        assert after[uid]["DTSTART"] == event["DTSTART"]
    # a done follow-up is cancelled, a removed one too; the others keep their UIDs
    ok("done", "Ana")
    final = events(export(ok))
    assert set(final) == set(after)
    cancelled = {uid for uid, e in final.items() if e.get("STATUS") == "CANCELLED"}
    assert len(cancelled) == 2  # the promise done in the fixture, and Ana's follow-up


def test_birthday_today_and_next_year(ok: Run) -> None:
    ok("contact", "add", "Ana Rossi", "--birthday", "--11-28")
    ok("contact", "add", "Bea Bianchi", "--birthday", "1990-11-27")
    found = events(export(ok))
    starts = sorted(e["DTSTART"] for e in found.values())
    assert starts == ["19901127", "20001128"]  # from the birth date, or 2000, yearly
    assert all(e["RRULE"] == "FREQ=YEARLY" for e in found.values())
    assert all(uid.startswith("birthday-") and uid.count("-") == 5 for uid in found)


def test_archived_contacts_are_left_out(ok: Run, journal: None) -> None:
    ok("contact", "archive", "Ana")
    summaries = " ".join(e["SUMMARY"] for e in events(export(ok)).values())
    assert "Ana Rossi" not in summaries


def test_output_file_is_private(ok: Run, journal: None, tmp_path: Path) -> None:
    target = tmp_path / "net.ics"
    target.write_text("old")
    os.chmod(target, 0o644)
    result = ok("export", "ics", "-o", str(target))
    assert result.stdout == ""
    assert "Wrote 5 calendar events" in result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes() == export(ok)


@pytest.mark.usefixtures("empty_journal")
def test_empty_journal_is_a_valid_calendar(ok: Run) -> None:
    import icalendar

    cal = icalendar.Calendar.from_ical(export(ok))
    assert list(cal.walk("VEVENT")) == []


def test_unwritable_output(net: Run, tmp_path: Path) -> None:
    result = net("export", "ics", "-o", str(tmp_path / "missing" / "net.ics"))
    assert result.exit_code == 1
    assert result.stderr.strip()


def test_removed_and_long_done_items(ok: Run, rows: Any, net: Run) -> None:
    """A follow-up removed is cancelled while ``net undo`` remembers it; undone, it is
    open again; one done more than 30 days ago is left out."""
    import icalendar

    ok("contact", "add", "Ana Rossi")
    ok("followup", "Ana", "friday", "call")
    ((fid, uuid),) = rows("SELECT id, uuid FROM followup")
    uid = f"followup-{uuid}@netjournal"
    ok("rm", f"r{fid}")
    cal = icalendar.Calendar.from_ical(export(ok))
    (event,) = [e for e in cal.walk("VEVENT") if str(e["UID"]) == uid]
    assert str(event["STATUS"]) == "CANCELLED" and int(event["SEQUENCE"]) == 1
    assert str(event["SUMMARY"]) == "Follow up with Ana Rossi: call"
    ok("undo")
    (event,) = [e for e in icalendar.Calendar.from_ical(export(ok)).walk("VEVENT")]
    assert "STATUS" not in event and int(event["SEQUENCE"]) == 0
    ok("done", "Ana")
    later = {"NETJOURNAL_NOW": "2027-01-15T10:00:00"}
    assert list(icalendar.Calendar.from_ical(export(ok, env=later)).walk("VEVENT")) == []


def test_todos_and_alarms(ok: Run, journal: None) -> None:
    import icalendar

    cal = icalendar.Calendar.from_ical(export(ok, "--todo", "--alarm"))
    todos = {str(t["SUMMARY"]): t for t in cal.walk("VTODO")}
    assert str(todos["Follow up with Marco Neri"]["STATUS"]) == "NEEDS-ACTION"
    done = todos["Promise to Marco Neri: send the deck"]
    assert str(done["STATUS"]) == "COMPLETED" and "COMPLETED" in done
    assert todos["Follow up with Marco Neri"].decoded("DUE") == date(2026, 12, 19)
    alarms = todos["Follow up with Marco Neri"].walk("VALARM")
    assert [str(a["ACTION"]) for a in alarms] == ["DISPLAY"]
    assert alarms[0].decoded("TRIGGER").total_seconds() == 9 * 3600
    assert done.walk("VALARM") == []  # nothing to remind of
    birthdays = [str(e["SUMMARY"]) for e in cal.walk("VEVENT")]
    assert sorted(birthdays) == ["Ana Rossi's birthday", "Leap Lee's birthday"]

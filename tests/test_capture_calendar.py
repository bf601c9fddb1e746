"""net import calendar: Google, Outlook and khal/vdirsyncer files, recurrences, skips,
idempotence, --dry-run, --new and net undo. Today is 2026-11-28 (conftest)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.capture_helpers import FIXTURES, add_people, logged, set_me


@pytest.fixture(autouse=True)
def people(ok: Callable[..., Any]) -> None:
    set_me("me@example.com")
    add_people(ok)


def test_google_export(ok: Callable[..., Any], rows: Callable[..., Any]) -> None:
    result = ok("import", "calendar", str(FIXTURES / "google.ics"))
    assert logged(rows, "calendar") == [
        ("2026-11-10", "video", "Ana / me: Bergamo tender", "Ana Rossi"),
        ("2026-11-18", "meeting", "Notary and bank: the Bergamo deal", "Marco Neri, Ana Rossi"),
    ]
    assert result.stderr.splitlines()[0] == (
        "calendar: 2 meetings logged with 2 contacts; 4 skipped (all-day 1, cancelled 1, "
        "future 1, no attendee 1); 1 unknown attendee: Bruno Bianchi <bruno@bianchi.example>"
    )
    # the room (CUTYPE=RESOURCE) and the user are no participants
    assert "Sala" not in result.stderr


def test_second_run_dry_run_and_undo(
    ok: Callable[..., Any], rows: Callable[..., Any], unchanged: Any
) -> None:
    path = str(FIXTURES / "google.ics")
    with unchanged():
        dry = ok("import", "calendar", path, "--dry-run")
    assert dry.stdout.splitlines() == [
        "2026-11-10 08:00  video with Ana Rossi: Ana / me: Bergamo tender",
        "2026-11-18 13:30  meeting with Marco Neri, Ana Rossi: Notary and bank: the Bergamo deal",
    ]
    assert "Dry run: nothing was written." in dry.stderr
    ok("import", "calendar", path)
    with unchanged():
        again = ok("import", "calendar", path)
    assert "0 meetings logged" in again.stderr and "already imported 2" in again.stderr
    ok("undo")
    assert logged(rows, "calendar") == []
    assert rows("SELECT count(*) FROM interaction") == [(0,)]
    assert rows("SELECT count(*) FROM captured") == [(0,)]


def test_outlook_invite_you_declined(ok: Callable[..., Any], rows: Callable[..., Any]) -> None:
    """Exchange writes your own answer as ATTENDEE;PARTSTAT=DECLINED (the address in
    another case than [me]'s): the meeting is not logged."""
    result = ok("import", "calendar", str(FIXTURES / "outlook-declined.ics"))
    assert logged(rows, "calendar") == []
    assert "1 skipped (declined 1)" in result.stderr


def test_weekly_one_to_one_moved_and_cancelled(
    ok: Callable[..., Any], rows: Callable[..., Any]
) -> None:
    """Weekly on Tuesdays from 6 October: the 20th is an EXDATE, the 10 November one moved
    to Thursday the 12th (RECURRENCE-ID), the 17 November one cancelled (an override
    with STATUS:CANCELLED)."""
    result = ok("import", "calendar", str(FIXTURES / "weekly.ics"))
    days = [(day, kind, note) for day, kind, note, _who in logged(rows, "calendar")]
    assert days == [
        ("2026-10-06", "one-to-one", "Marco / me weekly"),
        ("2026-10-13", "one-to-one", "Marco / me weekly"),
        ("2026-10-27", "one-to-one", "Marco / me weekly"),
        ("2026-11-03", "one-to-one", "Marco / me weekly"),
        ("2026-11-12", "one-to-one", "Marco / me weekly (moved to Thursday)"),
        ("2026-11-24", "one-to-one", "Marco / me weekly"),
    ]
    assert "6 meetings logged with 1 contact; 1 skipped (cancelled 1)" in result.stderr
    # --since narrows the window; what is in it was imported already
    again = ok("import", "calendar", str(FIXTURES / "weekly.ics"), "--since", "2026-11-10")
    assert "0 meetings logged" in again.stderr and "already imported 2" in again.stderr
    ok("undo")
    assert logged(rows, "calendar") == []


def test_since_limits_the_window(ok: Callable[..., Any], rows: Callable[..., Any]) -> None:
    ok("import", "calendar", str(FIXTURES / "weekly.ics"), "--since", "2026-11-01")
    assert [r[0] for r in logged(rows, "calendar")] == ["2026-11-03", "2026-11-12", "2026-11-24"]


def test_vdir_with_a_half_written_file(
    ok: Callable[..., Any], rows: Callable[..., Any], unchanged: Any
) -> None:
    """khal/vdirsyncer: one event per file, and displayname/color files; a file a sync
    left half-written is one sentence, the rest is imported. Giulia has no email: her
    CN names her."""
    path = str(FIXTURES / "vdir")
    result = ok("import", "calendar", path)
    assert logged(rows, "calendar") == [
        ("2026-11-05", "one-to-one", "Lunch with Ana", "Ana Rossi"),
        ("2026-11-19", "meeting", "Board dinner", "Ana Rossi, Giulia Conti"),
    ]
    assert "broken.ics is not a complete iCalendar file" in result.stderr
    with unchanged():
        ok("import", "calendar", path)
    ok("undo")
    assert logged(rows, "calendar") == []


def test_new_adds_unknown_attendees_as_acquaintances(
    ok: Callable[..., Any], rows: Callable[..., Any], net_json: Any
) -> None:
    ok("import", "calendar", str(FIXTURES / "google.ics"), "--new")
    assert logged(rows, "calendar")[1][3] == "Marco Neri, Ana Rossi, Bruno Bianchi"
    assert rows("SELECT tier FROM contact WHERE name = 'Bruno Bianchi'") == [("acquaintance",)]
    assert rows(
        "SELECT value FROM identity WHERE kind = 'email' AND contact_id = "
        "(SELECT id FROM contact WHERE name = 'Bruno Bianchi')"
    ) == [("bruno@bianchi.example",)]
    due = json.loads(ok("due", "--json", "--limit", "0").stdout)
    bruno = [row for row in due["items"] if row["name"] == "Bruno Bianchi"]
    assert all(row["due_on"] is None and not row["due_now"] for row in bruno)  # no cadence
    ok("undo")
    assert rows("SELECT count(*) FROM contact WHERE name = 'Bruno Bianchi'") == [(0,)]


def test_captured_meetings_count_and_show_their_source(
    ok: Callable[..., Any], net_json: Any
) -> None:
    before = net_json("show", "Marco Neri", "--json")
    ok("import", "calendar", str(FIXTURES / "weekly.ics"))
    shown = net_json("show", "Marco Neri", "--json")
    assert [i["source"] for i in shown["interactions"]] == ["calendar"] * 6
    # they count like typed ones: six one-to-ones deepen the relationship
    assert shown["depth"]["depth"] > before["depth"]["depth"]
    assert shown["depth"]["components"]["frequency"] > 0
    text = ok("show", "Marco Neri").stdout
    assert "one-to-one (calendar)" in text


def test_bad_input(
    ok: Callable[..., Any], net: Callable[..., Any], tmp_path: Path, unchanged: Any
) -> None:
    text = tmp_path / "notes.ics"
    text.write_text("just some notes\n", encoding="utf-8")
    with unchanged():
        result = net("import", "calendar", str(text))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == f"Nothing could be read from {text}."
    missing = net("import", "calendar", str(tmp_path / "nope.ics"))
    assert missing.exit_code == 1 and "does not exist" in missing.stderr
    (tmp_path / "a.ics").symlink_to(tmp_path / "b.ics")
    (tmp_path / "b.ics").symlink_to(tmp_path / "a.ics")
    loop = net("import", "calendar", str(tmp_path / "a.ics"))
    assert loop.exit_code == 1 and "symbolic link loop" in loop.stderr
    broken = tmp_path / "cal"
    broken.mkdir()
    (broken / "up").symlink_to(tmp_path)  # a folder loop
    good = (FIXTURES / "weekly.ics").read_text(encoding="utf-8")
    bad_event = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:bad-rule\r\n"
        "DTSTART:20261110T100000Z\r\nRRULE:FREQ=SOMETIMES\r\nSUMMARY:x\r\n"
        "ATTENDEE:mailto:ana@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    (broken / "bad.ics").write_text(bad_event, encoding="utf-8")
    (broken / "good.ics").write_text(good, encoding="utf-8")
    result = ok("import", "calendar", str(broken), "--dry-run")
    assert "the event bad-rule cannot be read" in result.stderr
    assert "6 meetings would be logged" in result.stderr


def test_many_problems_are_summarised(ok: Callable[..., Any], tmp_path: Path) -> None:
    for n in range(25):
        (tmp_path / f"{n:02}.ics").write_text("BEGIN:VCALENDAR\r\n", encoding="utf-8")
    (tmp_path / "weekly.ics").write_text(
        (FIXTURES / "weekly.ics").read_text(encoding="utf-8"), encoding="utf-8"
    )
    result = ok("import", "calendar", str(tmp_path), "--dry-run")
    lines = result.stderr.splitlines()
    assert sum("not a complete iCalendar file" in line for line in lines) == 20
    assert "... and 5 more problems." in lines


def test_without_me_a_warning(ok: Callable[..., Any], tmp_path: Path) -> None:
    import os

    Path(os.environ["NETJOURNAL_CONFIG"]).write_text("", encoding="utf-8")
    result = ok("import", "calendar", str(FIXTURES / "weekly.ics"), "--dry-run")
    assert "[me] emails are not set" in result.stderr
    assert "unknown attendee: me@example.com" in result.stderr


def test_a_captured_meeting_closes_the_reach_outs_it_answers(
    ok: Callable[..., Any], rows: Callable[..., Any]
) -> None:
    """net log's rule: a one-to-one (real contact) on or after the day a reach-out was
    recorded closes it, as of the meeting's day."""
    ok("followup", "Marco Neri", "2026-11-08", env={"NETJOURNAL_NOW": "2026-11-01T10:00"})
    ok("import", "calendar", str(FIXTURES / "weekly.ics"))
    assert rows("SELECT done_on FROM followup") == [("2026-11-03",)]
    ok("undo")
    assert rows("SELECT done_on FROM followup") == [(None,)]


def test_a_removed_capture_is_not_brought_back(
    ok: Callable[..., Any], rows: Callable[..., Any]
) -> None:
    """The key outlives the interaction: the meeting you removed stays removed, and
    undoing the removal gives it back its key."""
    ok("import", "calendar", str(FIXTURES / "google.ics"))
    first = rows("SELECT min(interaction_id) FROM captured")[0][0]
    ok("rm", f"i{first}")
    assert rows("SELECT count(*) FROM captured WHERE interaction_id IS NULL") == [(1,)]
    again = ok("import", "calendar", str(FIXTURES / "google.ics"))
    assert "0 meetings logged" in again.stderr
    assert len(logged(rows, "calendar")) == 1
    ok("undo")  # the second import wrote nothing: this undoes the rm
    assert len(logged(rows, "calendar")) == 2

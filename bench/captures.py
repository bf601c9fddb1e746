"""The capture rows of the benchmark: ``net import calendar`` of a one-year calendar of
2,000 events and ``net import mail`` of a 50,000-message mbox, each into a fresh copy of
the small journal whose contacts the files name (by email), timed once with their peak
memory (DESIGN.md: every import in ≤ 150 MiB whatever the file's size).

``python bench/capture.py DIR`` only writes the two files (and prints their sizes), to
try them by hand.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

EVENTS = 2_000
MESSAGES = 50_000
ME = "me@example.com"
START = datetime(2025, 11, 28, 8, 0, tzinfo=UTC)  # a year before the bench's NOW


def prepare(source: Path, dest: Path) -> list[str]:
    """A copy of a bench journal whose contacts carry their emails as identities (the
    generator writes the column only), and those emails."""
    from netjournal.store.migrations.identities import fill

    shutil.copyfile(source, dest)
    conn = sqlite3.connect(dest, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE undo_control SET recording = 0 WHERE id = 1")
        fill(conn)
        conn.execute("UPDATE undo_control SET recording = 1 WHERE id = 1")
        conn.execute("COMMIT")
        found = [r[0] for r in conn.execute("SELECT value FROM identity WHERE kind = 'email'")]
    finally:
        conn.close()
    return found or [f"person{n}@example.org" for n in range(50)]


def rows(bench: Any, launcher: tuple[str, list[str]], small: Path, work: Path, kit: Any) -> None:
    """Time the two captures (once each, a fresh copy of the prepared journal before
    every run). ``kit`` holds run.py's ``Case``, ``Result``, ``base_env`` and ``wanted``."""
    via, argv = launcher
    labels = (f"import calendar {EVENTS:,} events", f"import mail {MESSAGES:,} messages")
    if not any(kit.wanted(label, "small") for label in labels):
        return
    prepared = work / "capture-source.db"
    known = prepare(small, prepared)
    settings = work / "capture-config.toml"
    config(settings)
    copy = work / "capture.db"

    def reset() -> None:
        for leftover in work.glob("capture.db*"):
            leftover.unlink()
        shutil.copyfile(prepared, copy)

    env = kit.base_env(copy, settings)
    files = (work / "year.ics", work / "big.mbox")
    commands = (
        ["import", "calendar", str(files[0]), "--since", "2025-11-28", "--yes"],
        ["import", "mail", str(files[1]), "--yes"],
    )
    for label, file, command, make in zip(labels, files, commands, (calendar, mbox), strict=True):
        if not kit.wanted(label, "small"):
            continue
        make(file, known)
        result = kit.Result(label, "small", via)
        case = kit.Case([*argv, *command], env, result, warm=False, before=reset)
        bench.group([case], runs=1)


def calendar(path: Path, known: list[str], events: int = EVENTS, seed: int = 16) -> None:
    """A Google-style export: ``events`` timed events over the year before NOW, a tenth
    of them weekly series (each counted as one event, expanded over its weeks), with 1-6
    attendees, some unknown, some declined."""
    rng = random.Random(seed)
    out = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{ME}",
    ]
    for n in range(events):
        start = START + timedelta(minutes=30 * rng.randrange(17_000))
        out += [
            "BEGIN:VEVENT",
            f"DTSTART:{start:%Y%m%dT%H%M%SZ}",
            f"DTEND:{start + timedelta(hours=1):%Y%m%dT%H%M%SZ}",
            "DTSTAMP:20261128T090000Z",
            f"UID:bench-{n}-{rng.getrandbits(40):x}@google.com",
            f"ORGANIZER;CN=Me:mailto:{ME}",
            f"SUMMARY:Meeting {n} about the plan",
            "STATUS:CONFIRMED",
        ]
        if n % 10 == 0:
            out.append("RRULE:FREQ=WEEKLY;COUNT=8")
        if n % 7 == 0:
            out.append("X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij")
        mine = "DECLINED" if n % 25 == 0 else "ACCEPTED"
        out.append(f"ATTENDEE;CN=Me;PARTSTAT={mine}:mailto:{ME}")
        for k in range(rng.randint(1, 6)):
            who = rng.choice(known) if rng.random() < 0.8 else f"guest{n}-{k}@elsewhere.example"
            out.append(f"ATTENDEE;CN=Guest {n} {k};PARTSTAT=ACCEPTED:mailto:{who}")
        out.append("END:VEVENT")
    out.append("END:VCALENDAR")
    path.write_text("\r\n".join(out) + "\r\n", encoding="utf-8", newline="")


def mbox(path: Path, known: list[str], messages: int = MESSAGES, seed: int = 16) -> None:
    """A Thunderbird-style mbox: ``messages`` messages over the year before NOW, in
    threads, a third sent by you, a tenth list traffic, each with a body of a few
    hundred bytes (never read)."""
    rng = random.Random(seed)
    body = ("This paragraph is the body, which the import never reads. " * 6 + "\n") * 3
    step = timedelta(days=365) / messages
    with path.open("w", encoding="utf-8", newline="\n") as out:
        thread = "<t0@bench>"
        for n in range(messages):
            when = START + step * n
            other = rng.choice(known) if rng.random() < 0.7 else f"x{n}@elsewhere.example"
            sender, to = (ME, other) if n % 3 == 0 else (other, ME)
            if n % 4 == 0:
                thread = f"<t{n}@bench>"
            listed = "List-Id: <team.lists.example>\n" if n % 10 == 5 else ""
            out.write(
                f"From {sender} {when:%a %b %d %H:%M:%S %Y}\n"
                f"From: Someone <{sender}>\nTo: <{to}>\n"
                f"Subject: Re: topic {n // 4}\n"
                f"Date: {when:%a, %d %b %Y %H:%M:%S +0000}\n"
                f"Message-ID: <m{n}@bench>\nReferences: {thread}\n{listed}"
                f"Content-Type: text/plain; charset=UTF-8\n\n{body}\n"
            )


def config(path: Path) -> None:
    path.write_text(f'[me]\nemails = ["{ME}"]\n', encoding="utf-8")


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    folder.mkdir(parents=True, exist_ok=True)
    people = [f"person{n}@example.org" for n in range(100)]
    calendar(folder / "year.ics", people)
    mbox(folder / "big.mbox", people)
    for name in ("year.ics", "big.mbox"):
        print(f"{folder / name}: {(folder / name).stat().st_size / 1e6:.1f} MB")

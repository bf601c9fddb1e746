"""net backup / restore / doctor, file permissions, and no network, ever."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def count(db: Path, table: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


# --- backup ---------------------------------------------------------------------------


def test_backup_default_path_private_and_complete(ok: Callable[..., Result], db_path: Path) -> None:
    ok("log", "Ana Rossi", "-m", "Coffee")
    # a reader stays open, so the next writes stay in the WAL file (no checkpoint at close)
    reader = sqlite3.connect(db_path)
    reader.execute("SELECT count(*) FROM contact").fetchone()
    ok("log", "Marco Bianchi", "-m", "Lunch")
    assert Path(f"{db_path}-wal").stat().st_size > 0
    # a file copy would miss what sits in the WAL; the backup API must not
    out = ok("backup").stdout
    reader.close()
    backups = list((db_path.parent / "backups").glob("*.db"))
    assert len(backups) == 1
    target = backups[0]
    assert str(target) in out
    assert target.name.startswith("journal-backup-20261128-")
    assert mode(target) == 0o600
    assert count(target, "interaction") == 2
    assert count(target, "contact") == 2
    conn = sqlite3.connect(target)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # self-contained
    conn.close()
    assert not Path(f"{target}-wal").exists()


def test_backup_twice_in_the_same_second_keeps_both(
    ok: Callable[..., Result], db_path: Path
) -> None:
    ok("log", "Ana Rossi")
    ok("backup")
    ok("backup")
    assert len(list((db_path.parent / "backups").glob("*.db"))) == 2


def test_backup_to_file_and_list(ok: Callable[..., Result], tmp_path: Path) -> None:
    ok("log", "Ana Rossi")
    target = tmp_path / "elsewhere" / "copy.db"
    ok("backup", str(target))
    assert mode(target) == 0o600
    assert count(target, "contact") == 1
    # overwriting an earlier backup is fine
    ok("log", "Marco Bianchi")
    ok("backup", str(target))
    assert count(target, "contact") == 2
    ok("backup")
    listing = ok("backup", "--list").stdout
    assert "journal-backup-20261128-100000.db" in listing
    assert "kB" in listing
    assert "2026" in listing


def test_backup_list_empty(net: Callable[..., Result]) -> None:
    result = net("backup", "--list")
    assert result.exit_code == 0
    assert "No backups" in result.stderr


def test_backup_refuses_to_clobber_other_files_and_the_journal(
    ok: Callable[..., Result], net: Callable[..., Result], tmp_path: Path, db_path: Path
) -> None:
    ok("log", "Ana Rossi")
    precious = tmp_path / "thesis.db"
    precious.write_text("my thesis")
    result = net("backup", str(precious))
    assert result.exit_code == 1
    assert "not overwritten" in result.stderr
    assert precious.read_text() == "my thesis"
    result = net("backup", str(db_path))
    assert result.exit_code == 1
    assert "journal itself" in result.stderr
    assert count(db_path, "contact") == 1
    result = net("backup", str(tmp_path))
    assert result.exit_code == 1
    assert "folder" in result.stderr


def test_backup_without_journal(net: Callable[..., Result], db_path: Path) -> None:
    result = net("backup")
    assert result.exit_code == 1
    assert "nothing to back up" in result.stderr
    assert not db_path.exists()


# --- restore --------------------------------------------------------------------------


def test_restore_round_trip_backs_up_first(
    ok: Callable[..., Result], db_path: Path, tmp_path: Path
) -> None:
    ok("log", "Ana Rossi", "-m", "Coffee")
    saved = tmp_path / "saved.db"
    ok("backup", str(saved))
    ok("log", "Marco Bianchi", "-m", "Lunch")
    ok("log", "Carla Verdi", "-m", "Call", "-k", "call")
    assert count(db_path, "interaction") == 3
    out = ok("restore", str(saved), "--yes").stdout
    assert count(db_path, "interaction") == 1
    assert "Restored" in out
    before = [p for p in (db_path.parent / "backups").glob("*before-restore*.db")]
    assert len(before) == 1
    assert count(before[0], "interaction") == 3  # nothing is lost by restoring
    assert mode(before[0]) == 0o600
    assert mode(db_path) == 0o600
    # the restored journal works normally
    ok("log", "Ana Rossi", "-m", "Again")
    assert count(db_path, "interaction") == 2


def test_restore_asks_on_a_terminal(
    ok: Callable[..., Result],
    net: Callable[..., Result],
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ok("log", "Ana Rossi")
    saved = tmp_path / "saved.db"
    ok("backup", str(saved))
    ok("log", "Marco Bianchi")
    # off a terminal, without --yes: refused
    result = net("restore", str(saved))
    assert result.exit_code == 2
    assert "--yes" in result.stderr
    assert count(db_path, "contact") == 2
    monkeypatch.setattr("netjournal.cli.safety._interactive", lambda: True)
    result = net("restore", str(saved), input="n\n")
    assert result.exit_code == 1
    assert count(db_path, "contact") == 2
    result = net("restore", str(saved), input="y\n")
    assert result.exit_code == 0, result.stderr
    assert count(db_path, "contact") == 1


def test_restore_refuses_non_journals(
    ok: Callable[..., Result],
    net: Callable[..., Result],
    tmp_path: Path,
    unchanged: Any,
) -> None:
    ok("log", "Ana Rossi")
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with unchanged():
        for path, words in (
            (text, "not a netjournal journal"),
            (other, "not a netjournal journal"),
            (tmp_path / "missing.db", "no file"),
        ):
            result = net("restore", str(path), "--yes")
            assert result.exit_code == 1, result.stderr
            assert words in result.stderr
            assert "Traceback" not in result.stderr


def test_restore_refuses_newer_schema(
    ok: Callable[..., Result], net: Callable[..., Result], tmp_path: Path, unchanged: Any
) -> None:
    ok("log", "Ana Rossi")
    newer = tmp_path / "newer.db"
    ok("backup", str(newer))
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    ok("log", "Marco Bianchi")
    with unchanged():
        result = net("restore", str(newer), "--yes")
    assert result.exit_code == 1
    assert "newer netjournal" in result.stderr
    assert not list((tmp_path / "journal" / "backups").glob("*before-restore*"))


def test_restore_into_a_new_journal(ok: Callable[..., Result], tmp_path: Path) -> None:
    ok("log", "Ana Rossi")
    saved = tmp_path / "saved.db"
    ok("backup", str(saved))
    fresh = tmp_path / "fresh" / "journal.db"
    ok("--db", str(fresh), "restore", str(saved), "--yes")
    assert count(fresh, "contact") == 1
    assert mode(fresh) == 0o600


# --- doctor ---------------------------------------------------------------------------


def test_doctor_healthy(ok: Callable[..., Result], net_json: Callable[..., Any]) -> None:
    ok("log", "Ana Rossi", "-m", "Coffee")
    ok("backup")
    out = ok("doctor").stdout
    assert "integrity check" in out
    assert "All checks passed." in out
    data = net_json("doctor", "--json")
    assert data["ok"] is True
    names = {c["name"] for c in data["checks"]}
    assert {"integrity", "foreign_keys", "orphans", "duplicates", "permissions"} <= names


def test_doctor_no_journal(net: Callable[..., Result], db_path: Path) -> None:
    result = net("doctor")
    assert result.exit_code == 0
    assert "no journal" in result.stderr
    assert not db_path.exists()


def _break(db: Path, *statements: str) -> None:
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("UPDATE undo_control SET recording = 0")
    for sql in statements:
        conn.execute(sql)
    conn.execute("UPDATE undo_control SET recording = 1")
    conn.close()


def test_doctor_finds_problems(
    ok: Callable[..., Result], net: Callable[..., Result], db_path: Path
) -> None:
    ok("contact", "add", "Ana Rossi", "--email", "ana@example.com")
    ok("contact", "add", "Rossi, Ana")  # same words, other order
    ok("contact", "add", "Anna R", "--email", "ANA@example.com")
    ok("log", "Marco Bianchi", "-m", "Lunch")
    ok("log", "Carla Verdi", "-m", "Call")
    _break(
        db_path,
        "DELETE FROM participant WHERE interaction_id = 2",  # an interaction with nobody
        "INSERT INTO fact (uuid, contact_id, category, text, learned_on, created_at) "
        "VALUES ('x', 999, 'other', 'ghost', '2026-01-01', '2026-01-01 00:00:00')",
        "UPDATE contact SET linkedin_url = 'https://www.linkedin.com/in/marco/' "
        "WHERE name = 'Marco Bianchi'",
        "UPDATE contact SET linkedin_url = 'https://it.linkedin.com/in/Marco?trk=x' "
        "WHERE name = 'Carla Verdi'",
    )
    os.chmod(db_path, 0o644)
    result = net("doctor")
    assert result.exit_code == 1
    out = result.stdout
    assert "interaction i2 has no participants" in out
    assert "fact row" in out and "missing contact" in out
    assert (
        "'Ana Rossi' and 'Rossi, Ana' look like one person (same name); if they are: "
        "net contact merge 'Ana Rossi' 'Rossi, Ana'" in out
    )
    assert "same email" in out
    assert "same LinkedIn profile" in out
    assert "chmod 600" in out
    assert "8 problems found" in out
    data = json.loads(net("doctor", "--json").stdout)
    assert data["ok"] is False
    bad = {c["name"] for c in data["checks"] if not c["ok"]}
    assert bad == {"orphans", "foreign_keys", "duplicates", "permissions"}


def test_doctor_flags_loose_backups(
    ok: Callable[..., Result], net: Callable[..., Result], db_path: Path
) -> None:
    ok("log", "Ana Rossi")
    ok("backup")
    (backup,) = (db_path.parent / "backups").glob("*.db")
    os.chmod(backup, 0o644)
    result = net("doctor")
    assert result.exit_code == 1
    assert backup.name in result.stdout


def test_doctor_damaged_file(
    ok: Callable[..., Result], net: Callable[..., Result], db_path: Path
) -> None:
    ok("log", "Ana Rossi")
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(db_path.read_bytes())
    page = 4096
    for offset in range(2 * page + 100, min(len(data), 6 * page), 7):
        data[offset] = 0xA5
    db_path.write_bytes(bytes(data))
    result = net("doctor")
    assert result.exit_code == 1
    assert "PROBLEM" in result.stdout
    assert "Traceback" not in result.stderr


# --- privacy ------------------------------------------------------------------------


def test_every_file_is_private(ok: Callable[..., Result], db_path: Path, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        ok("log", "Ana Rossi", "-m", "Coffee")
        conn = sqlite3.connect(db_path)  # keep WAL/SHM alive while we look
        conn.execute("SELECT 1 FROM contact").fetchall()
        files = [db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")]
        assert all(p.exists() for p in files)
        for p in files:
            assert mode(p) == 0o600, p
        conn.close()
        ok("backup")
        for p in (db_path.parent / "backups").iterdir():
            assert mode(p) == 0o600, p
        out = tmp_path / "out.db"
        ok("backup", str(out))
        assert mode(out) == 0o600
        for fmt in ("json", "csv", "vcard", "ics"):
            export = tmp_path / f"export.{fmt}"
            result = ok("export", fmt, "-o", str(export))
            assert result.exit_code == 0
            assert mode(export) == 0o600, fmt
    finally:
        os.umask(old)


def test_no_command_opens_a_network_connection(
    ok: Callable[..., Result],
    net: Callable[..., Result],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    attempts: list[Any] = []

    class NoSocket(socket.socket):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            attempts.append(args)
            raise AssertionError("netjournal tried to open a socket")

    def no_connection(*args: Any, **kwargs: Any) -> Any:
        attempts.append(args)
        raise AssertionError("netjournal tried to connect")

    monkeypatch.setattr(socket, "socket", NoSocket)
    monkeypatch.setattr(socket, "create_connection", no_connection)
    monkeypatch.setattr(socket, "getaddrinfo", no_connection)
    commands: list[tuple[str, ...]] = [
        ("contact", "add", "Élodie Núñez", "--company", "Acme", "--email", "e@example.com"),
        (
            "log",
            "Élodie",
            "Marco Bianchi",
            "-m",
            "Lunch",
            "--give",
            "a book",
            "--ask",
            "advice:pricing",
            "--learned",
            "family:two kids",
            "--follow-up",
            "2w",
            "--promise",
            "deck",
        ),
        ("give", "Marco", "an intro", "--size", "2"),
        ("ask", "Marco", "a referral", "--amount", "10"),
        ("learn", "Marco", "goals", "a second office"),
        ("contacts",),
        ("contacts", "--json"),
        ("show", "Élodie"),
        ("show", "Élodie", "--json"),
        ("balance",),
        ("depth",),
        ("due",),
        ("due", "--json"),
        ("followups",),
        ("review",),
        ("backup",),
        ("doctor",),
        ("export", "json", "-o", str(tmp_path / "x.json")),
        ("export", "ics", "-o", str(tmp_path / "x.ics")),
        ("undo",),
    ]
    for args in commands:
        result = net(*args)
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        assert result.exit_code == 0, (args, result.stderr)
    assert attempts == []


def _cache_journal(ok: Callable[..., Result]) -> None:
    ok("log", "Ana Rossi", "--new", "-k", "meal", "--give", "introduction:to a notary")
    ok("log", "Marco Neri", "--new", "--learned", "family:two kids")
    ok("balance")  # fills today's score cache


def test_doctor_checks_the_score_cache(
    ok: Callable[..., Result], net: Callable[..., Result], db_path: Path
) -> None:
    _cache_journal(ok)
    healthy = json.loads(ok("doctor", "--json").stdout)
    (cache,) = [c for c in healthy["checks"] if c["name"] == "score_cache"]
    assert cache["ok"] is True
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE score_cache SET depth = '{\"depth\": 99}'")  # a wrong cached value
    conn.execute("DROP TRIGGER cache_fact_insert")  # and a missing invalidation trigger
    conn.commit()
    conn.close()
    sick = net("doctor")
    assert sick.exit_code == 1
    assert "score cache's triggers are missing" in sick.stdout
    assert "cached scores of 2 of 2 contacts checked differ" in sick.stdout
    fixed = ok("doctor", "--rebuild")
    assert "Score cache rebuilt" in fixed.stderr and "2 cached scores dropped" in fixed.stderr
    assert "All checks passed." in fixed.stdout
    conn = sqlite3.connect(db_path)
    triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    assert "cache_fact_insert" in triggers
    assert conn.execute("SELECT count(*) FROM score_cache").fetchone() == (0,)
    conn.close()
    ok("learn", "Marco", "goals", "a bakery")  # the restored trigger invalidates again
    assert json.loads(ok("doctor", "--json").stdout)["ok"] is True

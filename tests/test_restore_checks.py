"""``net restore`` checks as much as ``net doctor`` before it replaces anything.

A private copy of the file is checked: ``integrity_check`` (not only ``quick_check``), the
schema objects, ``foreign_key_check`` and UTF-8 text; a damaged file of any kind gets one
sentence, never a traceback, and the journal stays exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import Result

BACKUP_FIXTURE = "saved.db"


def edit(db: Path, *statements: str, fk: bool = True) -> None:
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        if not fk:
            conn.execute("PRAGMA foreign_keys=OFF")
        for sql in statements:
            conn.execute(sql)
    finally:
        conn.close()


@pytest.fixture
def saved(ok: Callable[..., Result], tmp_path: Path) -> Path:
    """A genuine backup, and a journal that has moved on since."""
    ok("contact", "add", "Ana Rossi", "--email", "ana@example.com", "--phone", "+39 1")
    ok("log", "Ana Rossi", "-m", "Coffee", "--learned", "family:two kids")
    ok("log", "Marco Bianchi", "-m", "Lunch")
    path = tmp_path / BACKUP_FIXTURE
    ok("backup", str(path))
    ok("log", "Carla Verdi", "-m", "Call")
    return path


def refused(net: Callable[..., Result], path: Path, unchanged: Any, db_path: Path) -> str:
    with unchanged():
        result = net("restore", str(path), "--yes")
    assert result.exit_code == 1, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr and "Unexpected" not in result.stderr
    assert not list((db_path.parent / "backups").glob("*before-restore*"))
    assert not list((db_path.parent / "backups").glob(".*.tmp*"))  # its private copy is gone
    return lines[0]


def test_a_file_with_only_the_signature_tables_is_refused(
    net: Callable[..., Result],
    ok: Callable[..., Result],
    tmp_path: Path,
    unchanged: Any,
    db_path: Path,
) -> None:
    ok("log", "Ana Rossi")
    bare = tmp_path / "bare.db"
    edit(
        bare,
        "CREATE TABLE contact (id INTEGER PRIMARY KEY)",
        "CREATE TABLE interaction (id INTEGER PRIMARY KEY)",
        "CREATE TABLE participant (id INTEGER PRIMARY KEY)",
        "CREATE TABLE undo_control (id INTEGER PRIMARY KEY, recording BOOLEAN)",
        "PRAGMA user_version = 3",
    )
    line = refused(net, bare, unchanged, db_path)
    assert "differ from the ones netjournal creates: table contact" in line
    assert "lacks objects every netjournal journal has:" in line and "table exchange" in line
    assert "It was not restored" in line


def test_an_index_out_of_step_with_its_table_is_caught_by_integrity_check(
    saved: Path, net: Callable[..., Result], unchanged: Any, db_path: Path
) -> None:
    """One byte changed in the contact table's page but not in its email index: every
    page is well formed (quick_check passes), the index no longer matches the table."""
    conn = sqlite3.connect(saved)
    page = int(conn.execute("PRAGMA page_size").fetchone()[0])
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'contact'").fetchone()
    conn.close()
    data = bytearray(saved.read_bytes())
    start = (root - 1) * page
    at = data.index(b"ana@example.com", start, start + page)
    data[at + 2] = ord("b")  # anb@example.com in the table, ana@ still in the index
    saved.write_bytes(bytes(data))
    conn = sqlite3.connect(saved)
    assert conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
    assert conn.execute("PRAGMA integrity_check").fetchone() != ("ok",)
    conn.close()
    line = refused(net, saved, unchanged, db_path)
    assert "damaged journal (its integrity check fails)" in line


def test_records_pointing_at_missing_ones_are_refused(
    saved: Path, net: Callable[..., Result], unchanged: Any, db_path: Path
) -> None:
    edit(saved, "DELETE FROM contact WHERE name = 'Marco Bianchi'", fk=False)
    line = refused(net, saved, unchanged, db_path)
    assert "pointing at missing ones" in line and "refers to a missing contact row" in line


def test_text_that_is_not_utf8_is_refused(
    saved: Path, net: Callable[..., Result], unchanged: Any, db_path: Path
) -> None:
    edit(saved, "UPDATE interaction SET note = CAST(X'436F66FE' AS TEXT) WHERE note = 'Coffee'")
    line = refused(net, saved, unchanged, db_path)
    assert "not UTF-8 (interaction row 1)" in line


def test_doctor_names_text_that_is_not_utf8(
    ok: Callable[..., Result], net: Callable[..., Result], db_path: Path
) -> None:
    ok("log", "Ana Rossi", "-m", "Coffee")
    edit(db_path, "UPDATE interaction SET note = CAST(X'FF' AS TEXT)")
    result = net("doctor")
    assert result.exit_code == 1
    assert "interaction row 1 holds text that is not UTF-8" in result.stdout


def test_the_file_checked_is_the_file_restored(
    saved: Path, ok: Callable[..., Result], db_path: Path
) -> None:
    ok("restore", str(saved), "--yes")
    conn = sqlite3.connect(db_path)
    names = {r[0] for r in conn.execute("SELECT name FROM contact")}
    conn.close()
    assert names == {"Ana Rossi", "Marco Bianchi"}
    assert not list((db_path.parent / "backups").glob(".*.tmp*"))
    ok("doctor")


def test_a_schema_that_is_not_utf8_gives_one_sentence(
    saved: Path, net: Callable[..., Result], unchanged: Any, db_path: Path, tmp_path: Path
) -> None:
    """SQLite quotes the damaged schema in its error message, which Python's sqlite3 then
    fails to decode (UnicodeDecodeError): a sentence all the same, on restore and open."""
    data = bytearray(saved.read_bytes())
    trigger = data.index(b"CREATE TRIGGER undo_target_delete")
    at = data.index(b"WHERE id = 1)", trigger) + len("WHERE id = 1")
    data[at] = 0xA9  # 'unrecognized token: "1\xa9"', quoted in the error message
    saved.write_bytes(bytes(data))
    assert "damaged journal" in refused(net, saved, unchanged, db_path)
    result = net("--db", str(saved), "contacts")
    assert result.exit_code == 1
    assert f"The journal {saved} is damaged" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small real journal as bytes (a backup: one self-contained file)."""
    from typer.testing import CliRunner

    from netjournal.cli.app import app

    folder = tmp_path_factory.mktemp("pristine")
    db = folder / "journal.db"
    runner = CliRunner()
    env = {"NETJOURNAL_DB": str(db), "NETJOURNAL_NOW": "2026-11-28T10:00:00"}
    for args in (
        ["log", "Ana Rossi", "-m", "Coffee", "--learned", "family:two kids", "--give", "a book"],
        ["log", "Marco Bianchi", "Carla Verdi", "-m", "Lunch", "--ask", "advice:pricing"],
        ["followup", "Ana", "2w", "call back"],
        ["backup", str(folder / "copy.db")],
    ):
        assert runner.invoke(app, args, env=env).exit_code == 0
    return folder / "copy.db"


@settings(
    max_examples=int(os.environ.get("NETJOURNAL_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    flips=st.lists(st.tuples(st.integers(0, 2**31), st.integers(1, 255)), min_size=1, max_size=4)
)
def test_any_byte_flip_gives_one_sentence(
    pristine: Path,
    flips: list[tuple[int, int]],
    net: Callable[..., Result],
    tmp_path: Path,
) -> None:
    data = bytearray(pristine.read_bytes())
    for position, mask in flips:
        data[position % len(data)] ^= mask
    bad = tmp_path / "flipped.db"
    bad.write_bytes(bytes(data))
    result = net("restore", str(bad), "--yes")
    # NETJOURNAL_DEBUG is set: an unexpected exception would surface here, not as a line
    assert not (result.exception and not isinstance(result.exception, SystemExit)), result
    assert result.exit_code in (0, 1)
    if result.exit_code == 1:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr and "Unexpected" not in result.stderr

"""The schema version and its migrations, against a real journal made by schema 1.

``tests/data/journal-v1.db`` was written by netjournal's own CLI at schema version 1, with
records of every kind (contacts with every field, interactions with several people, gives,
asks, facts, follow-ups, promises, goals, expenses, a budget, targets, undo history).
It is copied before use: the committed file is never opened in place.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import snapshot
from typer.testing import Result

import netjournal.store
from netjournal.store import connection, schema, scorecache, shape, undo
from netjournal.store import snapshot as schema_snapshot
from netjournal.store.connection import open_journal

FIXTURE = Path(__file__).parent / "data" / "journal-v1.db"
#: journal tables later schemas added (empty after migrating a schema-1 journal)
ADDED_AFTER_1 = ("identity", "introduction", "contact_card", "captured")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def master(db: Path) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db)
    try:
        return sorted(
            conn.execute(
                "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
            ).fetchall(),
            key=repr,
        )
    finally:
        conn.close()


def version(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def v1(db_path: Path) -> Path:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(FIXTURE, db_path)
    db_path.chmod(0o600)  # as net creates it
    return db_path


def test_fixture_is_schema_1_with_every_kind_of_record() -> None:
    assert version(FIXTURE) == 1
    rows = snapshot(FIXTURE)
    for table in netjournal.store.JOURNAL_TABLES:
        if table in ADDED_AFTER_1:
            assert table not in rows  # added in schema 5, 7 and 8 (contact_card)
            continue
        assert rows[table], f"the v1 fixture has no {table} rows"
    assert rows["undo_step"]


def test_current_code_opens_v1_intact(
    v1: Path, ok: Callable[..., Result], net_json: Callable[..., Any], tmp_path: Path
) -> None:
    before = snapshot(v1)
    names = {c["name"] for c in net_json("contacts", "--json")["contacts"]}
    assert names == {"Élodie Núñez", "Marco Bianchi", "Ana Rossi"}
    shown = net_json("show", "Élodie", "--json")
    assert shown["facts"] and shown["interactions"] and shown["gives"]
    ok("doctor")
    after = snapshot(v1)
    # schema 4 added contact.source after vcard_uid: none of these three came from an import
    source_at = 21
    contacts = before["contact"]
    assert after.pop("contact") == [
        (*row[:source_at], None, *row[source_at:]) for row in before.pop("contact")
    ]
    # schema 5 gave every contact the identities its columns hold (email, phone...)
    identities = after.pop("identity")
    emails = {(row[0], "email", row[6].casefold()) for row in contacts if row[6]}
    assert emails and emails <= {(cid, kind, value) for _id, cid, kind, value in identities}
    assert after.pop("introduction") == []
    assert after.pop("contact_card") == []  # schema 8: nothing was kept before it
    assert after.pop("captured") == []
    assert after == before
    before = snapshot(v1)
    fresh = tmp_path / "fresh.db"
    open_journal(fresh).close()
    assert master(v1) == master(fresh)
    # writing still works, and undo still reverts exactly
    ok("log", "Ana Rossi", "-m", "Again")
    ok("undo")
    assert snapshot(v1) == before


def test_v1_migrates_to_the_current_schema_with_a_score_cache(
    v1: Path, net: Callable[..., Result], net_json: Callable[..., Any]
) -> None:
    result = net("balance", "--json")
    assert result.exit_code == 0, result.stderr
    assert f"Upgraded the journal to schema {REAL}" in result.stderr
    assert version(v1) == REAL
    conn = sqlite3.connect(v1)
    try:
        assert conn.execute("SELECT count(*) FROM score_cache").fetchone()[0] == 3
    finally:
        conn.close()
    assert net_json("balance", "--json") == json.loads(result.stdout)


# --- the machinery, with a fake next schema version ------------------------------------

#: the schema version the code really writes
REAL = netjournal.store.SCHEMA_VERSION
NEXT = REAL + 1


@pytest.fixture
def version2(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[int, Any]]:
    """Pretend the code knows schema NEXT; the real migrations run first, then the test's
    MIGRATIONS[NEXT]. A real new version comes with its objects in ``snapshot.py``; this
    pretended one gets them as its migrations make them of a current journal."""
    migrations: dict[int, Any] = dict(schema.MIGRATIONS)
    for module in (netjournal.store, connection, schema):
        monkeypatch.setattr(module, "SCHEMA_VERSION", NEXT)
    monkeypatch.setattr(schema, "MIGRATIONS", migrations)
    real_expected = shape.expected

    def expected(version: int) -> dict[str, shape.Item]:
        if version <= REAL:
            return real_expected(version)
        conn = sqlite3.connect(tmp_path_factory.mktemp("next") / "next.db", isolation_level=None)
        try:
            conn.execute("BEGIN")
            for key in schema_snapshot.VERSIONS[REAL]:
                if key not in shape.shadow_tables(REAL):  # made by their FTS5 table
                    conn.execute(schema_snapshot.OBJECTS[key][3])
            for step in range(REAL + 1, version + 1):
                migrations[step](conn)
            undo.install_triggers(conn)
            scorecache.install_triggers(conn)
            conn.execute("COMMIT")
            return shape.found(conn)
        finally:
            conn.close()

    monkeypatch.setattr(shape, "expected", expected)
    yield migrations


def test_migration_backs_up_first_then_migrates_in_one_transaction(
    v1: Path, version2: dict[int, Any], net: Callable[..., Result]
) -> None:
    before = snapshot(v1)
    seen: dict[str, Any] = {}

    def to_v2(conn: sqlite3.Connection) -> None:
        backups = list((v1.parent / "backups").glob("*.db"))
        seen["backups"] = backups
        seen["in_transaction"] = conn.in_transaction
        conn.execute("ALTER TABLE contact ADD COLUMN nickname TEXT")
        conn.execute("UPDATE contact SET nickname = substr(name, 1, 3)")

    version2[NEXT] = to_v2
    result = net("contacts")
    assert result.exit_code == 0, result.stderr
    assert f"Upgraded the journal to schema {NEXT}" in result.stderr
    assert seen["in_transaction"] is True
    (backup,) = seen["backups"]  # the backup existed before the first migration step
    assert backup.name.startswith("journal-v1-")
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert version(backup) == 1
    assert snapshot(backup) == before
    assert version(v1) == NEXT
    conn = sqlite3.connect(v1)
    assert conn.execute("SELECT nickname FROM contact WHERE name = 'Ana Rossi'").fetchone() == (
        "Ana",
    )
    # the undo triggers were rebuilt over the new column
    trigger = conn.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'undo_contact_update'"
    ).fetchone()[0]
    assert "nickname" in trigger
    conn.close()
    # a second open does not migrate again
    again = net("contacts")
    assert again.exit_code == 0
    assert "Upgraded" not in again.stderr
    assert len(list((v1.parent / "backups").glob("*.db"))) == 1


def test_failing_migration_leaves_the_file_exactly_as_it_was(
    v1: Path, version2: dict[int, Any], net: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pending steps up to NEXT + 1; the last fails: not even the first ones stay."""
    before = digest(v1)
    for module in (netjournal.store, connection, schema):
        monkeypatch.setattr(module, "SCHEMA_VERSION", NEXT + 1)

    def to_v2(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE contact ADD COLUMN nickname TEXT")
        conn.execute("UPDATE contact SET nickname = 'x'")

    def to_v3(conn: sqlite3.Connection) -> None:
        conn.execute("DROP TABLE fact")
        raise RuntimeError("step two went wrong")

    version2[NEXT] = to_v2
    version2[NEXT + 1] = to_v3
    for args in (("contacts",), ("log", "Ana Rossi", "-m", "hello")):
        result = net(*args)
        assert result.exit_code == 1
        assert "left exactly as it was" in result.stderr
        assert "step two went wrong" in result.stderr
        assert "Traceback" not in result.stderr
    assert not Path(f"{v1}-wal").exists()
    assert digest(v1) == before
    assert version(v1) == 1


def test_migration_breaking_foreign_keys_is_rolled_back(
    v1: Path, version2: dict[int, Any], net: Callable[..., Result]
) -> None:
    before = digest(v1)

    def to_v2(conn: sqlite3.Connection) -> None:
        conn.execute("DELETE FROM contact WHERE name = 'Ana Rossi'")  # FKs are off meanwhile

    version2[NEXT] = to_v2
    result = net("contacts")
    assert result.exit_code == 1
    assert "foreign keys broken" in result.stderr
    assert digest(v1) == before


def test_newer_journal_is_refused_untouched(v1: Path, net: Callable[..., Result]) -> None:
    conn = sqlite3.connect(v1)
    conn.execute(f"PRAGMA user_version = {REAL + 1}")
    conn.commit()
    conn.close()
    before = digest(v1)
    for args in (("contacts",), ("log", "Ana Rossi", "-m", "x"), ("due",), ("backup",)):
        result = net(*args)
        if args == ("backup",):
            continue  # a backup of a newer journal is allowed, and harmless
        assert result.exit_code == 1, args
        assert f"newer netjournal (schema {REAL + 1}, this one knows {REAL})" in result.stderr
        assert "Traceback" not in result.stderr
    doctor = net("doctor")
    assert doctor.exit_code == 1
    assert "newer" in doctor.stdout
    assert digest(v1) == before

"""A journal file is data, never code: a file someone hands you cannot run SQL in net.

Each test builds the hostile file the way an attacker would (plain ``sqlite3`` on a real
journal) and shows the refusal: opening (``--db``/``NETJOURNAL_DB``), restoring and
``doctor`` compare the schema with the one netjournal creates (``store/shape.py``);
``net undo`` replays only the three statement shapes its triggers write
(``store/steps.py``); every connection runs with ``trusted_schema=OFF``.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import snapshot
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import Result

FIXTURE_V1 = Path(__file__).parent / "data" / "journal-v1.db"

#: the attack of the issue: every new note is copied into a table of the attacker's and
#: replaced, and undo recording is switched off so that net undo cannot bring it back
SPY = (
    "CREATE TABLE loot (note TEXT)",
    "CREATE TRIGGER zz AFTER INSERT ON interaction BEGIN "
    "INSERT INTO loot VALUES (new.note); "
    "UPDATE interaction SET note = 'nothing to see' WHERE id = new.id; "
    "UPDATE undo_control SET recording = 0; END",
)


def tamper(db: Path, *statements: str) -> None:
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        for sql in statements:
            conn.execute(sql)
    finally:
        conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_line(result: Result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr and "Unexpected" not in result.stderr
    return lines[0]


@pytest.fixture
def journal(ok: Callable[..., Result], db_path: Path) -> Path:
    ok("log", "Ana Rossi", "-m", "Coffee", "--learned", "family:two kids")
    ok("log", "Marco Bianchi", "-m", "Lunch")
    return db_path


# --- foreign objects: refused on open, restore and reported by doctor --------------------


def test_a_spying_trigger_is_refused_before_it_runs(
    journal: Path, net: Callable[..., Result], unchanged: Any
) -> None:
    tamper(journal, *SPY)
    with unchanged():
        for args in (
            ("log", "Ana Rossi", "-m", "secret plans"),
            ("contacts",),
            ("due",),
            ("undo",),
            ("export", "json", "-o", str(journal.parent / "out.json")),
        ):
            result = net(*args)
            assert result.exit_code == 1, args
            line = one_line(result)
            assert "has objects netjournal did not create" in line
            assert "trigger zz on interaction" in line and "table loot" in line
            assert "was not opened" in line
    conn = sqlite3.connect(journal)
    assert conn.execute("SELECT count(*) FROM loot").fetchone() == (0,)
    assert conn.execute("SELECT recording FROM undo_control").fetchone() == (1,)
    conn.close()


def test_doctor_reports_foreign_objects_with_the_way_to_remove_them(
    journal: Path, net: Callable[..., Result], ok: Callable[..., Result]
) -> None:
    tamper(journal, *SPY, "CREATE VIEW peek AS SELECT note FROM interaction")
    result = net("doctor")
    assert result.exit_code == 1
    assert "All checks passed" not in result.stdout
    assert "trigger zz on interaction was not created by netjournal" in result.stdout
    assert "net doctor --rebuild removes it" in result.stdout
    assert "view peek was not created by netjournal" in result.stdout
    assert f"""sqlite3 '{journal}' 'DROP TABLE "loot";'""" in result.stdout
    (objects,) = [
        c for c in json.loads(net("doctor", "--json").stdout)["checks"] if c["name"] == "objects"
    ]
    assert len(objects["problems"]) == 3
    # --rebuild removes the code (no data in it), never the table
    fixed = net("doctor", "--rebuild")
    assert "Removed what netjournal did not create: trigger zz on interaction, view peek" in (
        fixed.stderr
    )
    assert fixed.exit_code == 1 and "table loot" in fixed.stdout
    assert net("contacts").exit_code == 1  # the foreign table still keeps it closed
    tamper(journal, "DROP TABLE loot")
    ok("doctor")
    ok("log", "Ana Rossi", "-m", "safe again")


def test_an_altered_undo_trigger_is_refused_and_rebuild_restores_it(
    journal: Path, net: Callable[..., Result], ok: Callable[..., Result], unchanged: Any
) -> None:
    conn = sqlite3.connect(journal)
    (sql,) = conn.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'undo_fact_insert'"
    ).fetchone()
    conn.close()
    # the same name, one statement more: switch recording off after the first fact
    evil = sql.replace("END", "UPDATE undo_control SET recording = 0; END")
    tamper(journal, "DROP TRIGGER undo_fact_insert", evil)
    with unchanged():
        result = net("learn", "Ana", "goals", "a bakery")
    assert result.exit_code == 1
    line = one_line(result)
    assert "differ from the ones netjournal creates: trigger undo_fact_insert on fact" in line
    doctor = net("doctor")
    assert "trigger undo_fact_insert on fact differs from netjournal's" in doctor.stdout
    assert (
        "Restored netjournal's own trigger undo_fact_insert on fact"
        in ok("doctor", "--rebuild").stderr
    )
    before = snapshot(journal)
    ok("learn", "Ana", "goals", "a bakery")
    ok("learn", "Ana", "skills", "pastry")
    ok("undo")
    ok("undo")
    assert snapshot(journal) == before


def test_a_missing_trigger_is_refused_a_missing_index_only_reported(
    journal: Path, net: Callable[..., Result], ok: Callable[..., Result]
) -> None:
    tamper(journal, "DROP INDEX ix_contact_email")
    ok("contacts")  # an index only makes reads faster
    assert "index ix_contact_email on contact is missing" in net("doctor").stdout
    tamper(journal, "DROP TRIGGER undo_contact_update")
    result = net("contact", "edit", "Ana", "--company", "Acme")
    assert result.exit_code == 1
    assert "lacks objects every netjournal journal has: trigger undo_contact_update" in (
        one_line(result)
    )
    ok("doctor", "--rebuild")
    ok("doctor")
    ok("contact", "edit", "Ana", "--company", "Acme")


def test_a_hostile_old_journal_is_refused_before_it_is_migrated(
    db_path: Path, net: Callable[..., Result]
) -> None:
    """A v1 file's trigger would fire during the migration: it is checked first."""
    db_path.parent.mkdir(parents=True)
    shutil.copyfile(FIXTURE_V1, db_path)
    tamper(
        db_path,
        "CREATE TABLE loot (x)",
        "CREATE TRIGGER grab BEFORE UPDATE ON undo_control BEGIN "
        "INSERT INTO loot SELECT text FROM fact; END",
    )
    before = digest(db_path)
    result = net("contacts")
    assert result.exit_code == 1
    assert "trigger grab on undo_control" in one_line(result)
    assert digest(db_path) == before
    assert not (db_path.parent / "backups").exists()  # no migration was even begun


def test_a_foreign_object_in_a_file_to_restore_is_refused(
    journal: Path, net: Callable[..., Result], tmp_path: Path, unchanged: Any
) -> None:
    hostile = tmp_path / "from-a-friend.db"
    net("backup", str(hostile))
    tamper(hostile, *SPY)
    with unchanged():
        result = net("restore", str(hostile), "--yes")
    assert result.exit_code == 1
    line = one_line(result)
    assert "trigger zz on interaction" in line and "It was not restored" in line
    assert not list((journal.parent / "backups").glob("*before-restore*"))


def test_a_new_file_with_anything_in_it_is_not_made_a_journal(
    db_path: Path, net: Callable[..., Result]
) -> None:
    db_path.parent.mkdir(parents=True)
    tamper(db_path, "CREATE VIEW v AS SELECT 1")  # no table, user_version 0
    result = net("log", "Ana Rossi")
    assert result.exit_code == 1
    assert "not a netjournal journal" in one_line(result)
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("v",)]
    conn.close()


# --- every connection: trusted_schema=OFF --------------------------------------------


def _unsafe_trigger(conn: sqlite3.Connection) -> None:
    """A trigger calling a function SQLite does not mark innocuous (json_object in 3.40+
    builds; fts3_tokenizer, load_extension and the like are worse)."""
    conn.execute("CREATE TABLE t (x)")
    conn.execute("CREATE TABLE log (y)")
    conn.execute(
        "CREATE TRIGGER t_ins AFTER INSERT ON t BEGIN "
        "INSERT INTO log VALUES (json_object('x', new.x)); END"
    )


def test_schema_code_cannot_call_unsafe_functions_on_any_connection(tmp_path: Path) -> None:
    from netjournal.store.sqlite import connect, raw_connect
    from netjournal.store.writer import _engine

    db = tmp_path / "x.db"
    setup = sqlite3.connect(db, isolation_level=None)
    _unsafe_trigger(setup)
    setup.execute("INSERT INTO t VALUES (1)")  # an ordinary connection trusts the schema
    setup.close()
    engine = _engine(db)
    try:
        with engine.connect() as sa_conn:
            writer_conn = sa_conn.connection.driver_connection
            for conn in (connect(db), raw_connect(db), writer_conn):
                assert conn.execute("PRAGMA trusted_schema").fetchone() == (0,)
                assert conn.execute("PRAGMA cell_size_check").fetchone() == (1,)
                with pytest.raises(sqlite3.OperationalError, match="unsafe use"):
                    conn.execute("INSERT INTO t VALUES (2)")
                with pytest.raises(sqlite3.OperationalError, match="too many attached"):
                    conn.execute("ATTACH ':memory:' AS other")
    finally:
        engine.dispose()
    ro = raw_connect(db, readonly=True)
    assert ro.execute("PRAGMA trusted_schema").fetchone() == (0,)
    ro.close()


def test_worker_processes_read_with_hardened_connections(journal: Path) -> None:
    from netjournal.scores import workers as batch

    conn = sqlite3.connect(journal)
    try:
        path = batch._database_file(conn)
    finally:
        conn.close()
    assert path is not None
    from netjournal.store.sqlite import raw_connect

    worker = raw_connect(Path(path), readonly=True)
    assert worker.execute("PRAGMA trusted_schema").fetchone() == (0,)
    worker.close()


# --- undo: a closed set of statement shapes, checked before anything runs ---------------

FOREIGN_STEPS = (
    "DROP TABLE fact",
    'DELETE FROM "contact" WHERE rowid = 1; DROP TABLE fact',
    'DELETE FROM "contact" WHERE rowid = 1 -- a comment',
    'DELETE FROM "contact" WHERE rowid = 1 OR 1 = 1',
    'delete from "contact" where rowid = 1',
    "DELETE FROM contact WHERE rowid = 1",
    'DELETE FROM "undo_control" WHERE rowid = 1',
    'DELETE FROM "sqlite_master" WHERE rowid = 1',
    'UPDATE "contact" SET "name" = (SELECT group_concat(note) FROM interaction) WHERE rowid = 1',
    'UPDATE "contact" SET "name" = lower(\'X\') WHERE rowid = 1',
    'UPDATE "contact" SET "nope" = 1 WHERE rowid = 1',
    'UPDATE "contact" SET "name" = 1, "name" = 2 WHERE rowid = 1',
    "INSERT INTO \"fact\" (rowid, \"text\") VALUES (9,'a'), (10,'b')",
    'INSERT INTO "fact" (rowid, "text") SELECT 9, text FROM fact',
    'INSERT INTO "fact" (rowid, "text") VALUES (9,\'a\',1)',
    'INSERT INTO "fact" ("text") VALUES (\'a\')',
)


@pytest.mark.parametrize("statement", FOREIGN_STEPS)
def test_undo_refuses_a_command_holding_a_foreign_step(
    journal: Path, net: Callable[..., Result], statement: str
) -> None:
    before = snapshot(journal)
    # the foreign step sits among genuine ones of the newest command: nothing may run
    conn = sqlite3.connect(journal)
    (command,) = conn.execute("SELECT max(id) FROM undo_command").fetchone()
    conn.execute(
        "INSERT INTO undo_step (command_id, statement) VALUES (?, ?)", (command, statement)
    )
    conn.commit()
    conn.close()
    tampered = snapshot(journal)
    result = net("undo")
    assert result.exit_code == 1
    line = one_line(result)
    assert "holds a change netjournal did not record" in line and "nothing was undone" in line
    assert snapshot(journal) == tampered  # fact still there, Marco's lunch still there
    assert len(tampered["interaction"]) == len(before["interaction"]) == 2
    doctor = net("doctor")
    assert "is not a change netjournal records" in doctor.stdout


def test_rebuild_forgets_a_command_with_foreign_steps_and_undo_goes_on(
    journal: Path, net: Callable[..., Result], ok: Callable[..., Result]
) -> None:
    conn = sqlite3.connect(journal)
    (command,) = conn.execute("SELECT max(id) FROM undo_command").fetchone()
    conn.execute(
        "INSERT INTO undo_step (command_id, statement) VALUES (?, 'DROP TABLE fact')", (command,)
    )
    conn.commit()
    conn.close()
    assert "Forgot the undo history of 1 command holding" in ok("doctor", "--rebuild").stderr
    ok("doctor")
    ok("undo")  # now the one before: Ana's coffee
    rows = snapshot(journal)
    assert [r[5] for r in rows["interaction"]] == ["Lunch"]
    assert rows["fact"] == []


def test_undo_recording_switched_off_in_the_file_comes_back_on(
    journal: Path, net: Callable[..., Result], ok: Callable[..., Result]
) -> None:
    tamper(journal, "UPDATE undo_control SET recording = 0")
    assert "undo recording is switched off" in net("doctor").stdout
    before = snapshot(journal)
    ok("log", "Carla Verdi", "-m", "Call")
    ok("undo")
    assert snapshot(journal) == {**before, "undo_control": [(1, 1)]}


# --- the parser against what SQLite's quote() writes ----------------------------------

VALUES = st.one_of(
    st.none(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")),
    st.binary(max_size=20),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=st.lists(VALUES, min_size=1, max_size=4), rowid=st.integers(-(2**63), 2**63 - 1))
@example(values=[9.723741670523071e-182], rowid=0)  # quote() writes 15 digits Python rounds apart
@example(values=[float("inf"), float("-inf"), -0.0, "it''s", b"\x00"], rowid=-1)
@example(values=[2.6999999999999998e-306], rowid=0)  # a double quote() itself cannot keep
def test_every_value_quote_writes_is_replayed_exactly(values: list[Any], rowid: int) -> None:
    """What the old replay of the SQL text would have stored, bit for bit: parsing a step
    and running the statement built from it stores the very value the trigger quoted."""
    from netjournal.store.steps import parse

    conn = sqlite3.connect(":memory:", isolation_level=None)
    cols = [f"c{i}" for i in range(len(values))]
    conn.execute(f"CREATE TABLE fact ({', '.join(cols)})")  # no affinity: values kept as is
    quoted = [conn.execute("SELECT quote(?)", (v,)).fetchone()[0] for v in values]
    # what the recorded text means to SQLite: the value itself, but for the rare double
    # that quote()'s 20 digits do not bring back (SQLite's own limit, the old replay's too)
    literal = {"Inf": "9e999", "-Inf": "-9e999"}  # quote()'s infinities, as SQL reads them
    meant = [conn.execute(f"SELECT {literal.get(q, q)}").fetchone()[0] for q in quoted]
    update = parse(
        'UPDATE "fact" SET '
        + ", ".join(f'"{c}" = {q}' for c, q in zip(cols, quoted, strict=True))
        + f" WHERE rowid = {rowid}"
    )
    names = ", ".join(f'"{c}"' for c in cols)
    insert = parse(f'INSERT INTO "fact" (rowid, {names}) VALUES ({rowid},{",".join(quoted)})')
    assert insert is not None and update is not None
    assert insert.rowid == update.rowid == rowid
    conn.execute(*insert.statement())
    conn.execute(f"UPDATE fact SET {', '.join(f'{c} = NULL' for c in cols)}")
    conn.execute(*update.statement())
    (row,) = conn.execute(f"SELECT rowid, {', '.join(cols)} FROM fact").fetchall()
    conn.close()
    assert row[0] == rowid
    for got, want, value in zip(row[1:], meant, values, strict=True):
        assert type(got) is type(want) is type(value) and got == want  # doubles exactly
        if not isinstance(value, float) or value in (0.0, float("inf"), float("-inf")):
            assert got == value

"""The journal file: location, permissions, pragmas, schema version, and read SQL vs models."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netjournal.store import SCHEMA_VERSION
from netjournal.store.connection import open_journal
from netjournal.store.reads import contacts as contact_reads
from netjournal.store.reads import records as record_reads


def test_journal_created_owner_only_with_parents(ok, db_path):
    assert not db_path.parent.exists()
    ok("contact", "add", "Ana Rossi")
    assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600
    for suffix in ("-wal", "-shm"):
        side = Path(str(db_path) + suffix)
        if side.exists():
            assert stat.S_IMODE(os.stat(side).st_mode) == 0o600


@pytest.mark.usefixtures("empty_journal")
def test_db_option_beats_environment(ok, tmp_path, db_path, net_json):
    other = tmp_path / "elsewhere" / "other.db"
    ok("--db", str(other), "contact", "add", "Ana Rossi")
    assert other.exists()
    assert net_json("--db", str(other), "contacts", "--json")["contacts"][0]["name"] == "Ana Rossi"
    assert net_json("contacts", "--json")["contacts"] == []


def test_pragmas_wal_and_foreign_keys(ok, db_path):
    ok("contact", "add", "Ana Rossi")
    conn = open_journal(db_path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(
                "INSERT INTO participant (interaction_id, contact_id, position) "
                "VALUES (999, 999, 0)"
            )
    finally:
        conn.close()


def test_newer_journal_refused_and_untouched(ok, net, db_path):
    ok("contact", "add", "Ana Rossi")
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = db_path.read_bytes()
    result = net("contacts")
    assert result.exit_code == 1
    assert "newer netjournal" in result.stderr
    assert db_path.read_bytes() == before


def test_not_a_journal_refused(net, db_path):
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"this is a text file, not a database" * 100)
    before = db_path.read_bytes()
    result = net("contacts")
    assert result.exit_code == 1
    assert "not a netjournal journal" in result.stderr
    assert db_path.read_bytes() == before


def test_foreign_sqlite_database_refused(net, db_path):
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.close()
    result = net("contacts")
    assert result.exit_code == 1
    assert "not a netjournal journal" in result.stderr


#: values for the parameters of read functions, by parameter name; a new read function
#: with a parameter not listed here makes the test below fail until it is added
ARGUMENTS: dict[str, object] = {
    "contact_id": 1,
    "interaction_id": 1,
    "record_id": 1,
    "ids": [1, 2],
    "contact_ids": [1, 2],
    "today": date(2026, 11, 28),
    "since": date(2025, 11, 28),
    "until": date(2026, 11, 28),
    "start": date(2026, 11, 1),
    "end": date(2026, 11, 28),
    "day": date(2026, 11, 28),
    "table": "contact",
    "name": "Ana",
    "prefix": "an",
    "limit": 10,
}


def _by_annotation(fname: str, param: object) -> object:
    annotation = str(getattr(param, "annotation", ""))
    for key, value in (
        ("date", date(2026, 11, 28)),
        ("bool", False),
        ("int", 1),
        ("str", "other"),
        ("list", []),
        ("Sequence", []),
        ("Iterable", []),
    ):
        if key in annotation:
            return value
    raise AssertionError(f"add a value for {fname}({getattr(param, 'name', '?')}) to ARGUMENTS")


def test_every_read_query_runs_against_the_model_schema(tmp_path):
    """The read path's SQL and the SQLModel metadata cannot drift apart: every public
    function of the ``store/reads/`` modules runs against a schema built from
    ``netjournal.models``."""
    import importlib
    import inspect
    import pkgutil

    from sqlmodel import SQLModel, create_engine

    import netjournal.store.reads as reads_package
    from netjournal import models
    from netjournal.store.migrations import search_index

    models.load_all()

    path = tmp_path / "from-models.db"
    engine = create_engine(f"sqlite:///{path}")
    SQLModel.metadata.create_all(engine)
    engine.dispose()
    conn = sqlite3.connect(path)
    search_index.create(conn)  # the full-text index: FTS5 tables, not models
    checked = []
    modules = [
        importlib.import_module(f"{reads_package.__name__}.{info.name}")
        for info in pkgutil.iter_modules(reads_package.__path__)
        if info.name != "sql"  # the helpers the queries share, not queries
    ]
    functions = [
        (fname, func)
        for module in modules
        for fname, func in sorted(vars(module).items())
        if not fname.startswith("_")
        and inspect.isfunction(func)
        and func.__module__ == module.__name__
    ]
    for fname, func in functions:
        params = list(inspect.signature(func).parameters.values())
        if not params or params[0].name != "conn":
            continue
        kwargs = {}
        for param in params[1:]:
            if param.name in ARGUMENTS:
                kwargs[param.name] = ARGUMENTS[param.name]
            elif param.default is inspect.Parameter.empty:
                kwargs[param.name] = _by_annotation(fname, param)
        if fname == "record":
            for table in set(record_reads.RECORD_TABLES.values()):
                func(conn, **{**kwargs, "table": table})
        else:
            func(conn, **kwargs)  # raises sqlite3.OperationalError on a missing table or column
        if "full" in inspect.signature(func).parameters:
            func(conn, **kwargs, full=True)
        checked.append(fname)
    assert {"contacts", "window_interactions", "history_exchanges"} <= set(checked)
    conn.close()


NAME_WORDS = [
    *("Ana", "ana", "Anna", "Rossi", "Rössi", "Marco", "Maria", "Ma", "de", "Núñez", "Bo"),
    *("李", "小龍", "李小龍"),
]


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    names=st.lists(
        st.lists(st.sampled_from(NAME_WORDS), min_size=1, max_size=3).map(" ".join),
        max_size=8,
    ),
    query=st.one_of(
        st.lists(st.sampled_from(NAME_WORDS), min_size=1, max_size=2).map(" ".join),
        st.sampled_from(
            ["a", "ma", "ro", "ana ro", "annna", "mrco", "zz", " ", "nunez", "marko", "李 小龍"]
        ),
    ),
    exact_only=st.booleans(),
)
def test_resolving_in_sql_equals_the_names_rule(tmp_path_factory, names, query, exact_only):
    """``contact_reads.resolve_contact`` (exact name by index, word prefixes in SQL) decides exactly
    as ``names.resolve`` over the whole list of contacts."""
    from netjournal.names import Candidate, resolve
    from netjournal.text import fold

    conn = open_journal(tmp_path_factory.mktemp("names") / "journal.db")
    conn.execute("PRAGMA trusted_schema=ON")  # our own schema: the search-index triggers run
    conn.execute("UPDATE undo_control SET recording = 0")
    folded: set[str] = set()
    for i, name in enumerate(names, start=1):
        if fold(name) in folded:
            continue
        folded.add(fold(name))
        conn.execute(
            "INSERT INTO contact (id, uuid, name, name_folded, tags, tier, kin, archived, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, '[]', 'active', 0, 0, '', '')",
            (i, f"u{i}", name, fold(name)),
        )
    candidates = [Candidate(*row) for row in contact_reads.contact_candidates(conn)]
    assert contact_reads.resolve_contact(conn, query, exact_only=exact_only) == resolve(
        query, candidates, exact_only=exact_only
    )
    conn.close()

"""`net import json` fills an empty journal in bulk (``store.bulkload``): its triggers are
dropped while the rows go in, and their work is done once per table. The journal it
makes must be the one the row-by-row path makes: the same rows, the same undo steps, a
full-text index that finds the same things, the same schema, and an undo that empties it.

The fast column-by-column check of a dump (``jsondump._table_clean``) must never pass
a table that the row-by-row check refuses (a hypothesis property)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import Result

from netjournal.interop import jsondump
from netjournal.interop.source import open_import
from netjournal.store import JOURNAL_TABLES, searchindex
from netjournal.store.connection import open_journal
from netjournal.store.writer import open_writer
from tests.conftest import snapshot

Run = Callable[..., Result]
NOW = datetime(2026, 11, 28, 10, 0)


def _sample_dump(ok: Run, tmp_path: Path) -> Path:
    """The demo's journal (every kind of record) with a few hostile-looking but valid
    texts, exported."""
    demo = tmp_path / "demo.db"
    ok("demo", "--keep", str(demo))
    ok("--db", str(demo), "log", "Zoë Ångström", "-m", "café\nsecond line\twith a tab")
    ok("--db", str(demo), "learn", "Zoë Ångström", "interests", "ÉCOLE 東京 ‘quotes’")
    dump = tmp_path / "dump.json"
    ok("--db", str(demo), "export", "json", "-o", str(dump))
    return dump


def _row_by_row(dump: Path, db: Path) -> None:
    """What ``import json`` did before the bulk fill: every row through the triggers."""
    with open_import(dump, "JSON", 200) as source:
        tables = jsondump.load(source)
    with open_writer(db, "import json dump.json", NOW) as j:
        j.flush()
        jsondump._restore_rows(j, dump, tables)


def _schema(db: Path) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db)
    try:
        return sorted(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
    finally:
        conn.close()


def _undo_steps(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return sorted(r[0] for r in conn.execute("SELECT statement FROM undo_step"))
    finally:
        conn.close()


def test_bulk_import_makes_the_journal_the_triggers_make(
    ok: Run, net_json: Callable[..., Any], tmp_path: Path, db_path: Path
) -> None:
    dump = _sample_dump(ok, tmp_path)
    ok("import", "json", str(dump))  # the bulk path, into the test's journal
    reference = tmp_path / "reference.db"
    _row_by_row(dump, reference)

    bulk, slow = snapshot(db_path), snapshot(reference)
    bulk.pop("undo_step"), slow.pop("undo_step")
    bulk.pop("undo_command"), slow.pop("undo_command")
    assert bulk == slow
    assert bulk["contact"] and bulk["interaction"] and bulk["fact"]
    assert _undo_steps(db_path) == _undo_steps(reference)
    assert len(_undo_steps(db_path)) == sum(len(slow[t]) for t in JOURNAL_TABLES)
    assert _schema(db_path) == _schema(reference)  # every trigger is back, as it was

    conn = open_journal(db_path)
    try:
        assert searchindex.stale(conn) == []
    finally:
        conn.close()
    for query in ("café", "ecole", "東京", "Ångström"):
        here = net_json("search", query, "--json")
        there = net_json("--db", str(reference), "search", query, "--json")
        assert here == there, query
    assert net_json("search", "ecole", "--json")  # found through the rebuilt index

    ok("undo")
    emptied = snapshot(db_path)
    assert all(not emptied[t] for t in JOURNAL_TABLES)
    assert ok("doctor").exit_code == 0


def test_a_bulk_import_that_fails_leaves_the_triggers_and_no_rows(
    net: Run, ok: Run, tmp_path: Path, empty_journal: Path
) -> None:
    db_path = empty_journal
    dump = _sample_dump(ok, tmp_path)
    data = json.loads(dump.read_text(encoding="utf-8"))
    data["tables"]["participant"].append(dict(data["tables"]["participant"][0]))  # a twin
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    schema = _schema(db_path)
    result = net("import", "json", str(bad))
    assert result.exit_code == 1
    assert _schema(db_path) == schema
    assert all(not rows for t, rows in snapshot(db_path).items() if t in JOURNAL_TABLES)


# --- the fast check of a dump never passes what the row-by-row check refuses ---------------

_TEXTS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["café", "a\nb", "tab\there", "\x1b[31m", "\u202e", "\ud800", "x" * 40]),
)
_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**64), max_value=2**64),
    st.floats(allow_nan=False),
    _TEXTS,
    st.sampled_from(["2026-11-28", "2026-02-30", "0001-01-01", "2026-11-28T10:00:00", "soon"]),
    st.sampled_from(["one-to-one", "give", "ask", "close", "email", "open"]),
)
_COLUMNS = {
    "interaction": ["id", "kind", "note", "occurred_on", "created_at", "place"],
    "exchange": ["id", "direction", "what", "kind", "occurred_on", "amount_cents"],
    "fact": ["id", "category", "text", "learned_on"],
    "participant": ["id", "interaction_id", "contact_id"],
    "followup": ["id", "kind", "what", "due", "done_on"],
}


@st.composite
def _tables(draw: st.DrawFn) -> tuple[str, list[dict[str, Any]]]:
    table = draw(st.sampled_from(sorted(_COLUMNS)))
    columns = _COLUMNS[table]
    rows = draw(
        st.lists(st.fixed_dictionaries({c: _VALUES for c in columns}), min_size=1, max_size=5)
    )
    return table, rows


@settings(max_examples=400, deadline=None)
@given(_tables())
def test_the_fast_check_passes_only_what_every_row_passes(case: Any) -> None:
    table, rows = case
    if jsondump._table_clean(table, rows):
        assert all(jsondump._problem(table, row) is None for row in rows)
    else:
        # a table the fast check sends row by row: fine whether or not a row is bad, but
        # a clean table of one shape should pass the fast check too
        if all(jsondump._problem(table, row) is None for row in rows):
            raise AssertionError(f"a clean {table} table failed the fast check: {rows}")

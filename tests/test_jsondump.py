"""net export json / net import json: a complete, stable, exactly restorable dump."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from netjournal.store import JOURNAL_TABLES

NAMES = ["Ana Rossi", "Élodie Núñez", "王小明 🚀", 'Bob "The Builder" O\'Neil']


_BUILT: dict[str, bytes] = {}


@pytest.fixture
def full_journal(ok: Callable[..., Any], db_path: Path) -> None:
    """A journal with every kind of record (built once, then copied)."""
    if _BUILT:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        for suffix, data in _BUILT.items():
            Path(f"{db_path}{suffix}").write_bytes(data)
        return
    _build(ok, db_path.parent)
    for suffix in ("", "-wal"):
        if Path(f"{db_path}{suffix}").exists():
            _BUILT[suffix] = Path(f"{db_path}{suffix}").read_bytes()


#: a card with what the journal keeps beside the contact's fields (``contact_card``)
CARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Núñez;Élodie;;;\r\nFN:Élodie Núñez\r\n"
    "NICKNAME:Lodie\r\nORG:Núñez SA;Ventas\r\nEMAIL;TYPE=INTERNET,WORK:elodie@nunez.example\r\n"
    "TEL;TYPE=CELL:+34 600 11 22 33\r\nADR;TYPE=WORK:;;Calle Mayor 1;Madrid;;28013;España\r\n"
    "END:VCARD\r\n"
)


def _build(ok: Callable[..., Any], folder: Path) -> None:
    ok(
        "contact",
        "add",
        NAMES[0],
        "--company",
        "Acme, Inc.",
        "--tag",
        "bni",
        "--tier",
        "close",
        "--birthday",
        "--05-17",
        "--kin",
        "--met-on",
        "2026-01-10",
        "--email",
        "ana@example.com",
    )
    ok("contact", "add", NAMES[2], "--role", "创始人", "--cadence", "14")
    ok(
        "log",
        NAMES[0],
        NAMES[1],
        "--new",
        "-m",
        'Coffee ☕\nsecond line "quoted"\ttab',
        "--on",
        "2026-11-20",
        "--give",
        "introduction:to Marco, a notary",
        "--ask",
        "advice:pricing",
        "--learned",
        "family:two daughters 👧👧",
        "--follow-up",
        "2026-12-05",
        "--promise",
        "send the deck",
        "--by",
        "2026-11-30",
    )
    ok("give", NAMES[0], "closed business", "-k", "business", "--amount", "1250.50")
    ok("ask", NAMES[1], "a referral", "-k", "referral", "--open")
    ok("ask", NAMES[1], "an intro", "-k", "introduction", "--open")
    ok("ask-status", "a5", "granted")
    ok("learn", NAMES[2], "seeking", "IT managers in Lombardy")
    ok("log", NAMES[3], "--new", "-k", "call", "--on", "yesterday")
    ok("promise", NAMES[3], "call back", "--by", "2026-12-01")
    ok("done", NAMES[3])
    ok("goal", "set", "one-to-ones", "3", "--per", "week")
    ok("goal", "set", "gives", "4", "--per", "month")
    ok("spend", "45.90", "BNI breakfast", "--contact", NAMES[0], "--event", "BNI Milano")
    ok("spend", "1200", "membership")
    ok("budget", "set", "2000", "--per", "year")
    ok("target", "add", "IT managers at manufacturers in Lombardy")
    ok("snooze", NAMES[2], "2026-12-24")
    ok("introduce", NAMES[2], NAMES[0], "for the tender", "--on", "2026-11-21")
    ok("contact", "edit", NAMES[3], "--met-through", NAMES[1])
    card = folder / "elodie.vcf"
    card.write_text(CARD, encoding="utf-8")
    ok("import", "vcard", str(card))
    import os
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as inbox:
        inbox.write(f"2026-11-22 coffee with {NAMES[0]}: from the phone\n")
    ok("inbox", inbox.name)  # a captured interaction (schema 9)
    os.unlink(inbox.name)


def body(text: str) -> dict[str, Any]:
    data = json.loads(text)
    data.pop("exported_at")
    return data


def test_dump_shape(full_journal: None, net_json: Callable[..., Any]) -> None:
    data = net_json("export", "json")
    assert data["format"] == "netjournal"
    assert data["version"] == 1
    assert data["exported_at"].startswith("2026-11-28T10:00:00")
    assert list(data["tables"]) == sorted(JOURNAL_TABLES)
    assert not any(t.startswith("undo") for t in data["tables"])
    for table in JOURNAL_TABLES:
        assert data["tables"][table], table  # every kind of record is there
    amounts = [r["amount_cents"] for r in data["tables"]["expense"]]
    assert amounts == [4590, 120000]


def test_two_exports_differ_only_in_exported_at(full_journal: None, ok: Callable[..., Any]) -> None:
    first = ok("export", "json").stdout
    second = ok("export", "json", env={"NETJOURNAL_NOW": "2027-01-01T09:00:00"}).stdout
    assert first != second
    assert body(first) == body(second)
    assert first.splitlines()[2:] == second.splitlines()[2:]  # exported_at is line 2


def test_round_trip_is_exact(
    full_journal: None, ok: Callable[..., Any], net: Callable[..., Any], tmp_path: Path
) -> None:
    dump = tmp_path / "dump.json"
    ok("export", "json", "-o", str(dump))
    assert stat.S_IMODE(dump.stat().st_mode) == 0o600
    other = tmp_path / "restored.db"
    result = ok("--db", str(other), "import", "json", str(dump))
    assert result.stderr.startswith(f"Restored {dump}:")
    again = ok("--db", str(other), "export", "json").stdout
    assert again == dump.read_text(encoding="utf-8")
    for name in NAMES:
        mine = ok("show", name, "--json").stdout
        theirs = ok("--db", str(other), "show", name, "--json").stdout
        assert mine == theirs
    for report in (("balance", "--json"), ("due", "--all", "--json"), ("expenses", "--json")):
        assert ok(*report).stdout == ok("--db", str(other), *report).stdout
    # what the vCard said beyond the fields came along: the vCard exports are the same
    for version in ("3.0", "4.0"):
        mine = ok("export", "vcard", "--version", version).stdout
        assert mine == ok("--db", str(other), "export", "vcard", "--version", version).stdout
        assert "NICKNAME:Lodie" in mine and "ORG:Núñez SA;Ventas" in mine


def test_restore_is_one_undoable_command(
    full_journal: None, ok: Callable[..., Any], tmp_path: Path
) -> None:
    dump = tmp_path / "dump.json"
    ok("export", "json", "-o", str(dump))
    other = tmp_path / "restored.db"
    ok("--db", str(other), "import", "json", str(dump))
    ok("--db", str(other), "undo")
    empty = json.loads(ok("--db", str(other), "export", "json").stdout)
    assert all(rows == [] for rows in empty["tables"].values())


def test_refuses_a_non_empty_journal_without_merge(
    full_journal: None,
    ok: Callable[..., Any],
    net: Callable[..., Any],
    unchanged: Any,
    tmp_path: Path,
) -> None:
    dump = tmp_path / "dump.json"
    ok("export", "json", "-o", str(dump))
    with unchanged():
        result = net("import", "json", str(dump))
    assert result.exit_code == 1
    assert "--merge" in result.stderr
    with unchanged():
        merged = ok("import", "json", str(dump), "--merge")
    assert "added 0" in merged.stderr


def test_merge_adds_only_what_is_missing(
    full_journal: None, ok: Callable[..., Any], rows: Any, tmp_path: Path
) -> None:
    dump = tmp_path / "dump.json"
    ok("export", "json", "-o", str(dump))
    other = tmp_path / "other.db"
    ok("--db", str(other), "import", "json", str(dump))
    ok("--db", str(other), "log", "Carla Neri", "--new", "-m", "new person")
    ok("--db", str(other), "give", NAMES[0], "a new give")
    ok("--db", str(other), "export", "json", "-o", str(tmp_path / "other.json"))
    ok("contact", "add", "Local Only")
    before = rows("SELECT COUNT(*) FROM exchange")[0][0]
    result = ok("import", "json", str(tmp_path / "other.json"), "--merge")
    assert "added 4 records;" in result.stderr  # contact, interaction, participant, give
    assert rows("SELECT COUNT(*) FROM exchange")[0][0] == before + 1
    names = {r[0] for r in rows("SELECT name FROM contact")}
    assert {"Carla Neri", "Local Only", *NAMES} == names
    parts = rows(
        "SELECT c.name FROM participant p JOIN contact c ON c.id = p.contact_id "
        "JOIN interaction i ON i.id = p.interaction_id WHERE i.note = 'new person'"
    )
    assert parts == [("Carla Neri",)]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x89PNG\x00\x00", "is not a JSON file"),
        (b"{not json", "invalid JSON at line 1"),
        (b"[1, 2]", "no 'format': 'netjournal'"),
        (b'{"format": "netjournal", "version": 99, "tables": {}}', "format version 99"),
        (b'{"format": "netjournal", "version": 1}', "no 'tables' object"),
        (b'{"format": "netjournal", "version": 1, "tables": {"undo_step": []}}', "unknown table"),
        (
            b'{"format": "netjournal", "version": 1, "tables": {"interaction": [{"id": 1, '
            b'"uuid": "u", "kind": "party", "occurred_at": "2026-01-01 10:00:00", '
            b'"occurred_on": "2026-01-01", "note": "", "created_at": "2026-01-01 10:00:00"}]}}',
            "'kind' is 'party'",
        ),
        (
            b'{"format": "netjournal", "version": 1, "tables": {"contact": [{"id": 1, '
            b'"uuid": "u", "name": "A\\u0007b", "name_folded": "a\\u0007b"}]}}',
            "contains control characters",
        ),
        (
            b'{"format": "netjournal", "version": 1, "tables": {"fact": [{"id": 1, "uuid": "u",'
            b' "contact_id": 7, "category": "family", "text": "x", "learned_on": "2026-01-01",'
            b' "created_at": "2026-01-01 10:00:00"}]}}',
            "does not fit the journal",
        ),
        (
            b'{"format": "netjournal", "version": 1, "tables": {"contact_card": [{"id": 1, '
            b'"contact_id": 1, "data": "{\\"n\\": [\\"Rossi\\"]}"}]}}',
            "the structured name is not a list of 5 parts",
        ),
        (
            b'{"format": "netjournal", "version": 1, "tables": {"contact_card": [{"id": 1, '
            b'"contact_id": 1, "data": "{\\"email\\": [[\\"a@b.example\\", [\\"x y\\"]]]}"}]}}',
            "'email' holds a type that is not a plain word",
        ),
        (
            b'{"format": "netjournal", "version": 1, "tables": {"target": [{"id": 1, '
            b'"uuid": "u", "text": "x", "colour": "red"}]}}',
            "has no column 'colour'",
        ),
    ],
)
def test_bad_files_change_nothing(
    net: Callable[..., Any], unchanged: Any, tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(content)
    with unchanged():
        result = net("import", "json", str(path))
    assert result.exit_code == 1, result.stderr
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_streamed_export_is_the_whole_document_byte_for_byte(
    full_journal: None, ok: Callable[..., Any], db_path: Path, tmp_path: Path
) -> None:
    """`net export json` writes the dump a few hundred rows at a time (bounded memory:
    the benchmark measures it on 10,000 contacts); the bytes are those of rendering the
    whole document at once, chunk boundaries (tiny chunks here) included."""
    from datetime import UTC, datetime

    from netjournal.interop import jsondump
    from netjournal.store.sqlite import raw_connect

    for n in range(7):  # an empty table, one row, several chunks
        ok("contact", "add", f"Chunk {n}", "--company", "Acme")
    out = tmp_path / "dump.json"
    ok("export", "json", "-o", str(out))
    now = datetime(2026, 11, 28, 10, tzinfo=UTC)
    conn = raw_connect(db_path, readonly=True)
    try:
        whole = jsondump.to_text(jsondump.dump(conn, now))
        pytest.MonkeyPatch().setattr(jsondump, "CHUNK_ROWS", 2)
        chunks = list(jsondump.stream(conn, now))
    finally:
        conn.close()
    assert len(chunks) > len(JOURNAL_TABLES) + 2
    assert "".join(chunks) == whole
    written = out.read_text(encoding="utf-8").splitlines()
    assert written[2:] == whole.splitlines()[2:] and written[1].startswith('  "exported_at"')
    json.loads(whole)

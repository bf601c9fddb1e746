"""net import csv / net export csv: columns, formula protection, identity, bad files."""

from __future__ import annotations

import csv
import io
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from netjournal.interop.csvio import COLUMNS, protect, unprotect

HEADER = ",".join(COLUMNS) + "\n"


def exported_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+39 333", "'+39 333"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("plain", "plain"),
        ("'quoted", "'quoted"),
    ],
)
def test_protect_and_unprotect(cell: str, written: str) -> None:
    assert protect(cell) == written
    assert unprotect(written) == cell


def test_export_columns_and_protection(ok: Callable[..., Any]) -> None:
    ok(
        "contact",
        "add",
        "Ana Rossi",
        "--company",
        '=HYPERLINK("http://x")',
        "--role",
        "-CEO-",
        "--phone",
        "+39 333 1234",
        "--birthday",
        "--05-17",
        "--tag",
        "bni",
        "--tag",
        "@home",
        "--tier",
        "close",
        "--kin",
        "--met-on",
        "2026-01-15",
        "--met-at",
        "Fair, hall 3",
        "--email",
        "ana@example.com",
    )
    text = ok("export", "csv").stdout
    assert text.splitlines()[0] == ",".join(COLUMNS)
    [row] = exported_rows(text)
    assert row == {
        "name": "Ana Rossi",
        "company": '\'=HYPERLINK("http://x")',
        "role": "'-CEO-",
        "email": "ana@example.com",
        "phone": "'+39 333 1234",
        "birthday": "'--05-17",
        "tags": "bni;@home",
        "tier": "close",
        "kin": "yes",
        "met_on": "2026-01-15",
        "met_at": "Fair, hall 3",
        "linkedin": "",
    }


def test_round_trip_into_a_new_journal(
    ok: Callable[..., Any], net_json: Any, tmp_path: Path
) -> None:
    ok("contact", "add", "Ana Rossi", "--company", "=cmd", "--phone", "+39 1", "--tag", "a")
    ok("contact", "add", "Élodie Núñez", "--birthday", "1980-05-17", "--tier", "inner")
    ok("contact", "add", "王小明", "--role", "@founder", "--met-at", "line one")
    out = tmp_path / "c.csv"
    ok("export", "csv", "-o", str(out))
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    other = tmp_path / "o.db"
    result = ok("--db", str(other), "import", "csv", str(out))
    assert result.stderr.startswith("CSV: added 3, updated 0, unchanged 0, skipped 0.")
    keys = ("name", "company", "role", "email", "phone", "birthday", "tags", "tier", "met_at")
    before = net_json("contacts", "--json")["contacts"]
    after = net_json("--db", str(other), "contacts", "--json")["contacts"]
    assert [{k: c.get(k) for k in keys} for c in after] == [
        {k: c.get(k) for k in keys} for c in before
    ]
    again = ok("import", "csv", str(out))
    assert again.stderr.startswith("CSV: added 0, updated 0, unchanged 3, skipped 0.")


def test_identity_email_then_name(ok: Callable[..., Any], rows: Any, tmp_path: Path) -> None:
    ok("contact", "add", "Ana R.", "--email", "ana@example.com")
    ok("contact", "add", "Bea Neri")
    path = tmp_path / "c.csv"
    path.write_text(
        "name,email,role,tags\n"
        "Ana Rossi,ANA@example.com,Partner,\n"
        "bea neri,,CTO,x;y\n"
        "Carl Blu,,,\n",
        encoding="utf-8",
    )
    result = ok("import", "csv", str(path))
    assert result.stderr.startswith("CSV: added 1, updated 2, unchanged 0, skipped 0.")
    assert rows("SELECT role FROM contact WHERE name = 'Ana R.'") == [("Partner",)]
    assert rows("SELECT role, tags FROM contact WHERE name = 'Bea Neri'") == [("CTO", '["x", "y"]')]


def test_name_of_a_contact_with_another_email(
    ok: Callable[..., Any], rows: Any, tmp_path: Path
) -> None:
    ok("contact", "add", "Ana Rossi", "--email", "ana@one.com")
    path = tmp_path / "c.csv"
    path.write_text("name,email,company\nAna Rossi,ana@two.com,Beta\n", encoding="utf-8")
    result = ok("import", "csv", str(path))
    assert "added as 'Ana Rossi (Beta)'" in result.stderr
    assert rows("SELECT COUNT(*) FROM contact")[0][0] == 2


def test_bad_rows_are_skipped_with_the_reason(
    ok: Callable[..., Any], rows: Any, tmp_path: Path
) -> None:
    path = tmp_path / "c.csv"
    path.write_text(
        HEADER
        + "Ana,,,not-an-email,,,,,,,,\n"
        + "Bea,,,,,,,royal,,,,\n"
        + "Carl,,,,,1990-02-30,,,,,,\n"
        + ",,,,,,,,,,,\n"
        + ",Acme,,,,,,,,,,\n"
        + "Dan,,,,,,,,maybe,,,\n"
        + "Eve,,,,,,,,,yesterday-ish,,\n"
        + "Fay,,,,,,,,,,,\n",
        encoding="utf-8",
    )
    result = ok("import", "csv", str(path))
    lines = result.stderr.splitlines()
    assert lines[0] == "CSV: added 1, updated 0, unchanged 0, skipped 6."
    assert "  skipped row 2: 'not-an-email' does not look like an email address." in lines
    assert any(line.startswith("  skipped row 3: Unknown tier 'royal'") for line in lines)
    assert any(line.startswith("  skipped row 4: The date '1990-02-30'") for line in lines)
    assert "  skipped row 6: no name" in lines
    assert any(line.startswith("  skipped row 7: Unknown kin 'maybe'") for line in lines)
    assert any(line.startswith("  skipped row 8: Cannot read the date") for line in lines)
    assert rows("SELECT name FROM contact") == [("Fay",)]


def test_bom_crlf_and_quoted_cells(ok: Callable[..., Any], rows: Any, tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(
        b'\xef\xbb\xbfName,Met At,Kin\r\n"Ana Rossi","hall 3, stand 5",yes\r\n\r\n'
        b'Bea,"two\r\nlines",no\r\nCarl,,\r\n'
    )
    result = ok("import", "csv", str(path))
    assert result.stderr.startswith("CSV: added 2, updated 0, unchanged 0, skipped 1.")
    assert "skipped row 4: The met at contains control characters" in result.stderr
    assert rows("SELECT name, met_at, kin FROM contact ORDER BY name") == [
        ("Ana Rossi", "hall 3, stand 5", 1),
        ("Carl", None, 0),
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x00\x00binary\x00", "is not a CSV file"),
        (b"first,last\nAna,Rossi\n", "the header has no 'name' column"),
        (b"", "the header has no 'name' column"),
    ],
)
def test_not_a_contacts_csv(
    net: Callable[..., Any],
    ok: Callable[..., Any],
    unchanged: Any,
    tmp_path: Path,
    content: bytes,
    expected: str,
) -> None:
    ok("contact", "add", "Someone")
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    with unchanged():
        result = net("import", "csv", str(path))
    assert result.exit_code == 1
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.usefixtures("empty_journal")
def test_empty_journal_exports_the_header(ok: Callable[..., Any]) -> None:
    assert ok("export", "csv").stdout.strip() == ",".join(COLUMNS)

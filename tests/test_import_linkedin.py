"""net import linkedin: the Connections.csv quirks, identity, re-imports, name clashes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from netjournal.interop import canonical_linkedin
from netjournal.interop.linkedin import parse_connected_on

DATA = Path(__file__).parent / "data"
FULL = DATA / "linkedin_connections.csv"  # BOM, CRLF, Notes: preamble, blank rows
PLAIN = DATA / "linkedin_no_preamble.csv"  # same rows, LF, no preamble, no BOM
LEGACY = DATA / "linkedin_legacy.csv"  # older header without URL

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def contact(rows: Callable[..., Any], name: str) -> dict[str, Any]:
    cols = "name, company, role, email, met_on, linkedin_url, linkedin_company, linkedin_role"
    found = rows(f"SELECT {cols} FROM contact WHERE name = ?", name)
    assert found, name
    return dict(zip([c.strip() for c in cols.split(",")], found[0], strict=True))


def test_fixture_has_the_quirks() -> None:
    data = FULL.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfNotes:\r\n")
    assert b"\r\n\r\nFirst Name" in data
    assert b",,,,,,\r\n" in data


def test_full_export_with_preamble_bom_crlf(ok: Callable[..., Any], rows: Any) -> None:
    result = ok("import", "linkedin", str(FULL))
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == "LinkedIn: added 5, updated 0, unchanged 0, skipped 1."
    assert "  skipped row 10: no name" in lines
    assert "  note row 12: cannot read the date 'sometime'; imported without it" in lines
    ada = contact(rows, "Ada Lovelace")
    assert ada["company"] == "Analytical Engines"
    assert ada["role"] == "Mathematician, Lead"  # quoted comma
    assert ada["email"] == "ada@example.com"
    assert ada["met_on"] == "2023-07-24"
    assert ada["linkedin_url"] == "https://www.linkedin.com/in/ada-lovelace"
    grace = contact(rows, "Grace Hopper")
    assert grace["email"] is None  # blank email
    assert grace["linkedin_url"] == "https://www.linkedin.com/in/grace-hopper-1a2b"
    assert grace["met_on"] == "2021-01-03"
    elodie = contact(rows, "Élodie Núñez")
    assert elodie["linkedin_url"] == "https://www.linkedin.com/in/elodie-nunez"
    assert elodie["company"] == "Rossi, Bianchi & Co"
    assert elodie["met_on"] == "2021-02-03"  # single-digit day
    assert contact(rows, "Marco Verdi")["linkedin_url"] is None
    assert contact(rows, "Linus Torvalds")["met_on"] is None


def test_same_rows_without_preamble_give_the_same_people(ok: Callable[..., Any], rows: Any) -> None:
    ok("import", "linkedin", str(PLAIN))
    names = [r[0] for r in rows("SELECT name FROM contact ORDER BY name")]
    assert names == [
        "Ada Lovelace",
        "Grace Hopper",
        "Linus Torvalds",
        "Marco Verdi",
        "Élodie Núñez",
    ]


def test_imported_contact_is_at_stage_contact(ok: Callable[..., Any], net_json: Any) -> None:
    ok("import", "linkedin", str(FULL))
    assert net_json("show", "Ada Lovelace", "--json")["stage"] == "contact"


def test_reimport_changes_nothing(ok: Callable[..., Any], unchanged: Any) -> None:
    ok("import", "linkedin", str(FULL))
    with unchanged():
        result = ok("import", "linkedin", str(FULL))
    assert result.stderr.startswith("LinkedIn: added 0, updated 0, unchanged 5, skipped 1.")


def test_legacy_header_matches_by_name_and_company(ok: Callable[..., Any], rows: Any) -> None:
    ok("import", "linkedin", str(FULL))
    result = ok("import", "linkedin", str(LEGACY))
    assert result.stderr.startswith("LinkedIn: added 0, updated 0, unchanged 2, skipped 0.")
    assert rows("SELECT COUNT(*) FROM contact")[0][0] == 5


def test_legacy_header_alone(ok: Callable[..., Any], rows: Any) -> None:
    ok("import", "linkedin", str(LEGACY))
    assert contact(rows, "Marco Verdi")["met_on"] == "2024-01-15"
    assert contact(rows, "Ada Lovelace")["linkedin_url"] is None


def write(tmp_path: Path, body: str, name: str = "c.csv") -> str:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return str(path)


def test_reimport_updates_what_linkedin_changed_and_keeps_hand_edits(
    ok: Callable[..., Any], rows: Any, tmp_path: Path
) -> None:
    url = "https://www.linkedin.com/in/{}"
    ok(
        "import",
        "linkedin",
        write(
            tmp_path,
            f"Ana,Rossi,{url.format('ana')},,Acme,Sales,15 Jan 2024\n"
            f"Bea,Neri,{url.format('bea')},,Beta,CTO,15 Jan 2024\n",
        ),
    )
    ok("contact", "edit", "Bea Neri", "--company", "Beta Group (typed by hand)")
    result = ok(
        "import",
        "linkedin",
        write(
            tmp_path,
            f"Ana,Rossi,{url.format('ana')},,Acme Corp,Head of Sales,15 Jan 2024\n"
            f"Bea,Neri,{url.format('bea')},,Gamma,CTO,15 Jan 2024\n",
            "c2.csv",
        ),
    )
    assert result.stderr.startswith("LinkedIn: added 0, updated 2, unchanged 0, skipped 0.")
    ana = contact(rows, "Ana Rossi")
    assert (ana["company"], ana["role"]) == ("Acme Corp", "Head of Sales")
    bea = contact(rows, "Bea Neri")
    assert bea["company"] == "Beta Group (typed by hand)"  # the hand edit is kept
    assert bea["linkedin_company"] == "Gamma"  # LinkedIn's latest value is remembered
    assert bea["role"] == "CTO"


def test_url_variants_are_one_person(ok: Callable[..., Any], rows: Any, tmp_path: Path) -> None:
    ok("import", "linkedin", write(tmp_path, "Ana,Rossi,https://www.linkedin.com/in/ana-r/,,,,\n"))
    result = ok(
        "import",
        "linkedin",
        write(tmp_path, "Ana,Rossi,https://IT.linkedin.com/in/Ana-R?trk=abc,,,,\n", "b.csv"),
    )
    assert "added 0" in result.stderr
    assert rows("SELECT COUNT(*) FROM contact")[0][0] == 1


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("https://www.linkedin.com/in/ada-lovelace", "https://www.linkedin.com/in/ada-lovelace"),
        (
            "https://www.linkedin.com/in/Grace-Hopper-1a2b/",
            "https://www.linkedin.com/in/grace-hopper-1a2b",
        ),
        ("https://se.linkedin.com/in/x?trk=public", "https://www.linkedin.com/in/x"),
        ("http://linkedin.com/in/y#about", "https://www.linkedin.com/in/y"),
        ("https://www.linkedin.com/company/acme", None),
        ("", None),
    ],
)
def test_canonical_url(raw: str, canonical: str | None) -> None:
    assert canonical_linkedin(raw) == canonical


def test_connected_on_forms() -> None:
    assert parse_connected_on("15 Jan 2024").isoformat() == "2024-01-15"  # type: ignore[union-attr]
    assert parse_connected_on("3 Feb 2021").isoformat() == "2021-02-03"  # type: ignore[union-attr]
    assert parse_connected_on("31 Feb 2021") is None
    assert parse_connected_on("sometime") is None


def test_hand_typed_contact_with_same_name_is_linked(ok: Callable[..., Any], rows: Any) -> None:
    ok("contact", "add", "Ada Lovelace", "--role", "Countess")
    result = ok("import", "linkedin", str(FULL))
    assert result.stderr.startswith("LinkedIn: added 4, updated 1,")
    ada = contact(rows, "Ada Lovelace")
    assert ada["role"] == "Countess"  # typed by hand: kept
    assert ada["company"] == "Analytical Engines"  # blank: filled
    assert ada["linkedin_url"] == "https://www.linkedin.com/in/ada-lovelace"
    assert rows("SELECT COUNT(*) FROM contact WHERE name LIKE 'Ada%'")[0][0] == 1


def test_same_name_with_another_profile_is_added_with_company(
    ok: Callable[..., Any], rows: Any, tmp_path: Path
) -> None:
    ok("import", "linkedin", write(tmp_path, "Ana,Rossi,https://www.linkedin.com/in/a1,,Acme,,\n"))
    result = ok(
        "import",
        "linkedin",
        write(tmp_path, "Ana,Rossi,https://www.linkedin.com/in/a2,,Beta,,\n", "b.csv"),
    )
    assert (
        "  row 2: 'Ana Rossi' has a different LinkedIn profile from the contact 'Ana Rossi', "
        "so this one was added as 'Ana Rossi (Beta)'. If they are one person: "
        "net contact merge 'Ana Rossi' 'Ana Rossi (Beta)'" in result.stderr.splitlines()
    )
    names = sorted(r[0] for r in rows("SELECT name FROM contact"))
    assert names == ["Ana Rossi", "Ana Rossi (Beta)"]
    with_no_company = ok(
        "import",
        "linkedin",
        write(tmp_path, "Ana,Rossi,https://www.linkedin.com/in/a3,,,,\n", "c.csv"),
    )
    assert "'Ana Rossi (2)'" in with_no_company.stderr


def test_duplicate_row_in_file_is_skipped(ok: Callable[..., Any], tmp_path: Path) -> None:
    body = "Ana,Rossi,https://www.linkedin.com/in/a1,,Acme,,\n" * 2
    result = ok("import", "linkedin", write(tmp_path, body))
    assert "  skipped row 3: the same person as row 2" in result.stderr.splitlines()


def test_bad_name_is_skipped_with_reason(ok: Callable[..., Any], tmp_path: Path) -> None:
    result = ok("import", "linkedin", write(tmp_path, "An\x07a,Rossi,,,,,\nBea,Neri,,,,,\n"))
    assert result.stderr.startswith("LinkedIn: added 1, updated 0, unchanged 0, skipped 1.")
    assert "skipped row 2: The name" in result.stderr


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is not a LinkedIn Connections.csv file"),
        (b"name,company\nAna,Acme\n", "no header row with First Name and Last Name"),
        (b"\xff\xfe\xfdnot utf8", "is not a LinkedIn Connections.csv file"),
    ],
)
def test_not_a_linkedin_file(
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
        result = net("import", "linkedin", str(path))
    assert result.exit_code == 1
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_file(net: Callable[..., Any], tmp_path: Path) -> None:
    result = net("import", "linkedin", str(tmp_path / "nope.csv"))
    assert result.exit_code == 1
    assert "Cannot read" in result.stderr


def test_one_transaction_undone_at_once(ok: Callable[..., Any], rows: Any) -> None:
    ok("import", "linkedin", str(FULL))
    ok("undo")
    assert rows("SELECT COUNT(*) FROM contact")[0][0] == 0


def big_file(path: Path, n: int) -> Path:
    lines = [HEADER.strip()]
    for i in range(n):
        lines.append(
            f"First{i},Last{i},https://www.linkedin.com/in/person-{i}/,,"
            f'"Company {i % 300}, Ltd",Role {i % 40},{1 + i % 28} Mar 2022'
        )
    path.write_text("\ufeff" + "\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def test_thousands_of_rows(ok: Callable[..., Any], rows: Any, tmp_path: Path) -> None:
    path = big_file(tmp_path / "big.csv", 1000)
    result = ok("import", "linkedin", str(path))
    assert result.stderr.startswith("LinkedIn: added 1000, updated 0, unchanged 0, skipped 0.")
    again = ok("import", "linkedin", str(path))
    assert again.stderr.startswith("LinkedIn: added 0, updated 0, unchanged 1000, skipped 0.")
    tags = rows("SELECT DISTINCT tags FROM contact")
    assert tags == [("[]",)]
    assert json.loads(tags[0][0]) == []


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    from netjournal.interop import progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setenv("TERM", "xterm")
    for stream, shown in ((io.StringIO(), False), (Terminal(), True)):
        monkeypatch.setattr(sys, "stderr", stream)
        with progress(500, "Importing connections") as advance:
            for _ in range(500):
                advance()
        assert bool(stream.getvalue()) is shown
    small = Terminal()
    monkeypatch.setattr(sys, "stderr", small)
    with progress(10, "Importing connections") as advance:
        advance()
    assert small.getvalue() == ""  # a moment's work draws no bar

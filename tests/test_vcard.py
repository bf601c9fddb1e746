"""net import vcard / net export vcard: fields, identity, unreadable cards, round trips."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from netjournal.interop.vcard import parse_birthday
from netjournal.interop.vcardtext import split_cards

DATA = Path(__file__).parent / "data"
CARDS = DATA / "contacts.vcf"
KHARD = Path("/work/shared/data/vcards-khard")


def person(rows: Callable[..., Any], name: str) -> dict[str, Any]:
    cols = ["name", "company", "role", "email", "phone", "birthday", "tags", "vcard_uid"]
    found = rows(f"SELECT {', '.join(cols)} FROM contact WHERE name = ?", name)
    assert found, name
    return dict(zip(cols, found[0], strict=True))


def test_import_fields_and_a_broken_card(ok: Callable[..., Any], rows: Any) -> None:
    result = ok("import", "vcard", str(CARDS))
    lines = result.stderr.splitlines()
    assert lines[0] == "vCard: added 3, updated 0, unchanged 0, skipped 1."
    assert lines[1].startswith("  skipped card 3: cannot read this card")
    ana = person(rows, "Ana Rossi")
    assert ana == {
        "name": "Ana Rossi",
        "company": "Rossi Consulting",
        "role": "Partner",
        "email": "ana@example.com",
        "phone": "+39 333 123 4567",
        "birthday": "1980-05-17",
        "tags": '["bni", "clients"]',
        "vcard_uid": "uid-ana",
    }
    facts = rows("SELECT category, text FROM fact")
    assert facts == [("other", "Two daughters, loves sailing")]
    kim = person(rows, "Ji-woo Kim")  # no FN: the name comes from N
    assert kim["birthday"] == "--03-17"  # 4.0 birthday without a year
    korean = person(rows, "최유림")
    assert korean["birthday"] == "--12-24"  # Apple's 1604 = no year
    assert korean["vcard_uid"] == "urn:uuid:korean-1"


def test_reimport_changes_nothing(ok: Callable[..., Any], unchanged: Any) -> None:
    ok("import", "vcard", str(CARDS))
    with unchanged():
        result = ok("import", "vcard", str(CARDS))
    assert result.stderr.startswith("vCard: added 0, updated 0, unchanged 3, skipped 1.")


def card(body: str) -> str:
    return f"BEGIN:VCARD\r\nVERSION:3.0\r\n{body}END:VCARD\r\n"


def test_identity_by_email_then_name(ok: Callable[..., Any], rows: Any, tmp_path: Path) -> None:
    ok("contact", "add", "Ana R.", "--email", "ana@example.com")
    ok("contact", "add", "Bea Neri")
    path = tmp_path / "c.vcf"
    path.write_text(
        card("FN:Ana Rossi\r\nEMAIL:ana@example.com\r\nTITLE:Partner\r\n")
        + card("FN:Bea Neri\r\nORG:Beta\r\nCATEGORIES:friends\r\n"),
        encoding="utf-8",
    )
    result = ok("import", "vcard", str(path))
    assert result.stderr.startswith("vCard: added 0, updated 2, unchanged 0, skipped 0.")
    assert person(rows, "Ana R.")["role"] == "Partner"  # found by email, name kept
    assert person(rows, "Bea Neri")["tags"] == '["friends"]'


def test_uid_is_identity_and_values_are_not_overwritten(
    ok: Callable[..., Any], rows: Any, tmp_path: Path
) -> None:
    path = tmp_path / "c.vcf"
    path.write_text(card("UID:u1\r\nFN:Ana Rossi\r\nORG:Acme\r\n"), encoding="utf-8")
    ok("import", "vcard", str(path))
    ok("contact", "edit", "Ana Rossi", "--company", "Typed by hand", "--name", "Ana Maria Rossi")
    path.write_text(card("UID:u1\r\nFN:Ana Rossi\r\nORG:Other\r\nTEL:123\r\n"), encoding="utf-8")
    result = ok("import", "vcard", str(path))
    assert "updated 1" in result.stderr
    ana = person(rows, "Ana Maria Rossi")
    assert (ana["company"], ana["phone"]) == ("Typed by hand", "123")


def test_another_address_book_uid_links_to_the_same_person(
    ok: Callable[..., Any], rows: Any, tmp_path: Path
) -> None:
    """iCloud and Google give one person two UIDs: a UID alone never makes a second
    contact; the contact keeps both."""
    path = tmp_path / "c.vcf"
    path.write_text(card("UID:u1\r\nFN:Ana Rossi\r\n"), encoding="utf-8")
    ok("import", "vcard", str(path))
    path.write_text(card("UID:u2\r\nFN:Ana Rossi\r\nORG:Beta\r\n"), encoding="utf-8")
    result = ok("import", "vcard", str(path))
    assert "updated 1" in result.stderr
    assert [r[0] for r in rows("SELECT name FROM contact")] == ["Ana Rossi"]
    uids = rows("SELECT value FROM identity WHERE kind = 'uid' ORDER BY value")
    assert [r[0] for r in uids] == ["u1", "u2"]


def test_name_taken_by_a_contact_with_another_email(
    ok: Callable[..., Any], rows: Any, tmp_path: Path
) -> None:
    path = tmp_path / "c.vcf"
    path.write_text(card("UID:u1\r\nFN:Ana Rossi\r\nEMAIL:ana@a.example\r\n"), encoding="utf-8")
    ok("import", "vcard", str(path))
    path.write_text(
        card("UID:u2\r\nFN:Ana Rossi\r\nORG:Beta\r\nEMAIL:ana@b.example\r\n"), encoding="utf-8"
    )
    result = ok("import", "vcard", str(path))
    assert (
        "  card 1: 'Ana Rossi' has a different email from the contact 'Ana Rossi', so this one "
        "was added as 'Ana Rossi (Beta)'. If they are one person: "
        "net contact merge 'Ana Rossi' 'Ana Rossi (Beta)'" in result.stderr.splitlines()
    )
    assert sorted(r[0] for r in rows("SELECT name FROM contact")) == [
        "Ana Rossi",
        "Ana Rossi (Beta)",
    ]


def test_hand_typed_contact_is_linked(ok: Callable[..., Any], rows: Any, tmp_path: Path) -> None:
    ok("contact", "add", "Ana Rossi", "--role", "Partner")
    path = tmp_path / "c.vcf"
    path.write_text(card("UID:u1\r\nFN:Ana Rossi\r\nTITLE:Boss\r\nORG:Acme\r\n"), encoding="utf-8")
    result = ok("import", "vcard", str(path))
    assert result.stderr.startswith("vCard: added 0, updated 1,")
    assert person(rows, "Ana Rossi")["vcard_uid"] == "u1"
    assert person(rows, "Ana Rossi")["role"] == "Partner"
    assert person(rows, "Ana Rossi")["company"] == "Acme"


def test_only_unreadable_cards_exit_1(
    net: Callable[..., Any], unchanged: Any, tmp_path: Path
) -> None:
    path = tmp_path / "c.vcf"
    path.write_text("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:never ends\r\n", encoding="utf-8")
    with unchanged():
        result = net("import", "vcard", str(path))
    assert result.exit_code == 1
    assert "skipped card 1" in result.stderr
    assert result.stderr.strip().endswith(f"No card in {path} could be imported.")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x00\x01\x02binary", "is not a vCard file"),
        (b"name,company\nAna,Acme\n", "holds no BEGIN:VCARD"),
    ],
)
def test_not_a_vcard(
    net: Callable[..., Any], unchanged: Any, tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "x.vcf"
    path.write_bytes(content)
    with unchanged():
        result = net("import", "vcard", str(path))
    assert result.exit_code == 1
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("1980-05-17", "1980-05-17"),
        ("19800517", "1980-05-17"),
        ("1980-05-17T00:00:00Z", "1980-05-17"),
        ("--0517", "--05-17"),
        ("--05-17", "--05-17"),
        ("1604-05-17", "--05-17"),
        ("circa 1800", None),
        ("1990-02-30", None),
    ],
)
def test_birthday_forms(raw: str, stored: str | None) -> None:
    assert parse_birthday(raw) == stored


def test_split_cards_keeps_positions() -> None:
    text = CARDS.read_text(encoding="utf-8")
    assert len(split_cards(text)) == 4


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_export_and_reimport_round_trip(
    ok: Callable[..., Any], net_json: Any, tmp_path: Path, version: str
) -> None:
    ok("import", "vcard", str(CARDS))
    ok("contact", "add", 'Zoë "Z" O\'Neil; Jr', "--company", "A, B & C", "--tag", "x;y")
    out = tmp_path / "out.vcf"
    result = ok("export", "vcard", "--version", version, "-o", str(out))
    assert result.stdout == ""
    assert "Exported 4 contacts" in result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = out.read_text(encoding="utf-8")
    assert f"VERSION:{version}" in text
    assert "BDAY:--0317" in text  # RFC 6350 and ISO 8601's truncated form, in both
    if version == "4.0":
        assert "BDAY:19800517" in text
    before = net_json("contacts", "--json")["contacts"]
    other = tmp_path / "other.db"
    ok("--db", str(other), "import", "vcard", str(out))
    after = net_json("--db", str(other), "contacts", "--json")["contacts"]
    keys = ("name", "company", "role", "email", "phone", "birthday", "tags")
    assert [{k: c.get(k) for k in keys} for c in after] == [
        {k: c.get(k) for k in keys} for c in before
    ]
    # and importing the export back into the same journal changes nothing
    again = ok("import", "vcard", str(out))
    assert again.stderr.startswith("vCard: added 0, updated 0, unchanged 4, skipped 0.")


def test_export_to_stdout(ok: Callable[..., Any]) -> None:
    ok("contact", "add", "Ana Rossi", "--email", "ana@example.com")
    result = ok("export", "vcard")
    assert result.stdout.replace("\r\n", "\n").startswith("BEGIN:VCARD\nVERSION:3.0\n")
    assert "FN:Ana Rossi" in result.stdout
    assert "N:Rossi;Ana;;;" in result.stdout


def test_bad_version(net: Callable[..., Any]) -> None:
    result = net("export", "vcard", "--version", "2.1")
    assert result.exit_code == 1
    assert "3.0 or 4.0" in result.stderr


@pytest.mark.skipif(not KHARD.is_dir(), reason=f"the khard sample cards are not at {KHARD}")
def test_real_khard_cards(
    ok: Callable[..., Any], net: Callable[..., Any], rows: Any, tmp_path: Path
) -> None:
    """khard's test cards (photos, Korean names, odd BDAYs, a broken card), in one file."""
    files = sorted(KHARD.glob("*.vcf"))
    combined = tmp_path / "khard.vcf"
    combined.write_text("".join(p.read_text(encoding="utf-8") for p in files), encoding="utf-8")
    result = ok("import", "vcard", str(combined))
    position = [p.name for p in files].index("unparsable.vcf") + 1
    assert f"  skipped card {position}: cannot read this card" in result.stderr
    names = {r[0] for r in rows("SELECT name FROM contact")}
    assert {"최유림", "with photo v3", "with photo v4", "minimal contact"} <= names
    tags = dict(rows("SELECT name, tags FROM contact"))
    assert json.loads(tags["contact with category"]) == ["bar"]
    exported = ok("export", "vcard", "--version", "4.0").stdout
    assert exported.count("BEGIN:VCARD") == len(names)
    alone = net("import", "vcard", str(KHARD / "unparsable.vcf"))
    assert alone.exit_code == 1
    assert "skipped card 1" in alone.stderr


def test_unterminated_card_does_not_swallow_the_next() -> None:
    text = "BEGIN:VCARD\nFN:a\nBEGIN:VCARD\nFN:b\nEND:VCARD\n"
    assert split_cards(text) == ["BEGIN:VCARD\r\nFN:a\r\n", "BEGIN:VCARD\r\nFN:b\r\nEND:VCARD\r\n"]

"""vCards as real clients write them (fixtures in tests/fixtures, written for these
tests the way each client writes its cards), checked field by field; and our export
read back by vobject."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
FIELDS = ("name", "company", "role", "email", "phone", "birthday", "tags")


def contact(net_json: Callable[..., Any], name: str) -> dict[str, Any]:
    return net_json("show", name, "--json")


def identities(rows: Any, name: str) -> list[tuple[str, str]]:
    return rows(
        "SELECT i.kind, i.value FROM identity i JOIN contact c ON c.id = i.contact_id "
        "WHERE c.name = ? ORDER BY i.kind, i.value",
        name,
    )


EXPECTED = {
    "apple.vcf": (
        {
            "name": "Dr. Giulia Maria Bianchi",
            "company": "Studio Bianchi, Notai",
            "role": "Notaio",
            "email": "giulia@studiobianchi.example",
            "phone": "+39 333 765 4321",
            "birthday": "--03-09",
            "tags": ["clients", "BNI"],
        },
        ["Met at the notaries' congress, Rome.\nTwo sons."],
        [
            ("email", "giulia.b@mail.example"),
            ("email", "giulia@studiobianchi.example"),
            ("linkedin", "https://www.linkedin.com/in/giulia-bianchi"),
            ("phone", "+390287654321"),
            ("phone", "+393337654321"),
            ("uid", "5b1d6c8e-2f4a-4e3b-9c1d-7a6b5c4d3e2f"),
        ],
    ),
    "google.vcf": (
        {
            "name": "Paolo Verdi",
            "company": "Verdi S.r.l.",
            "role": "CEO",
            "email": "paolo.verdi@gmail.example",
            "phone": "+39 347 111 2222",
            "birthday": "1975-11-02",
            "tags": ["Referral partners"],  # Google's own 'myContacts' is no tag
        },
        ["Introduced by Giulia."],
        [
            ("email", "p.verdi@verdi-srl.example"),
            ("email", "paolo.verdi@gmail.example"),
            ("linkedin", "https://www.linkedin.com/in/paoloverdi"),
            ("phone", "+393471112222"),
        ],
    ),
    "outlook21.vcf": (
        {
            "name": "Jürgen Müller",  # FN 'Müller, Jürgen' is how Outlook files him
            "company": "Müller, Schmidt & Partner",
            "role": "Geschäftsführer, Vertrieb",
            "email": "j.mueller@ms-partner.example",
            "phone": "+49 (89) 1234-5678",
            "birthday": "1968-02-29",
            "tags": [],
        },
        ["Messe München, Halle 3.\nMag Golf, Tennis und Wein."],
        [
            ("email", "j.mueller@ms-partner.example"),
            ("phone", "+491719876543"),
            ("phone", "+498912345678"),
        ],
    ),
    "outlook-utf16.vcf": (
        {
            "name": "Élodie Dubois",
            "company": "Dubois, Fils & Cie",
            "role": None,
            "email": "elodie@dubois.example",
            "phone": None,
            "birthday": None,
            "tags": [],
        },
        [],
        [("email", "elodie@dubois.example")],
    ),
    "thunderbird.vcf": (
        {
            "name": "Sara Neri",
            "company": "Neri & Figli",
            "role": "Export manager",
            "email": "sara.neri@neri.example",
            "phone": "+39 320 555 0101",
            "birthday": "--07-04",
            "tags": [],
        },
        [],
        [
            ("email", "sara.neri@neri.example"),
            ("email", "sara@home.example"),
            ("linkedin", "https://www.linkedin.com/in/sara-neri"),
            ("phone", "+39025550102"),
            ("phone", "+393205550101"),
            ("uid", "0b6f3b2a-8d0e-4a86-9a7e-1c2d3e4f5a6b"),
        ],
    ),
    "khard.vcf": (
        {
            "name": "Søren O'Brien Jr.",
            "company": "Hygge Consulting",
            "role": "Partner",
            "email": "soren@hygge.example",
            "phone": "+45 20 12 34 56",
            "birthday": "--12-24",
            "tags": ["nordics"],
        },
        [],
        [
            ("email", "soren@hygge.example"),
            ("phone", "+4520123456"),
            ("uid", "8f2c9d6e1a7b4c3d"),
        ],
    ),
}


@pytest.mark.parametrize("fixture", sorted(EXPECTED))
def test_client_cards_field_by_field(
    fixture: str, ok: Callable[..., Any], net_json: Callable[..., Any], rows: Any
) -> None:
    fields, notes, ids = EXPECTED[fixture]
    result = ok("import", "vcard", str(FIXTURES / fixture))
    assert result.stderr.startswith("vCard: added 1, updated 0, unchanged 0, skipped 0.")
    shown = contact(net_json, fields["name"])
    assert {k: shown[k] for k in FIELDS} == fields
    assert [f["text"] for f in shown["facts"]] == notes
    assert identities(rows, fields["name"]) == ids
    again = ok("import", "vcard", str(FIXTURES / fixture))
    assert again.stderr.startswith("vCard: added 0, updated 0, unchanged 1, skipped 0.")


def test_every_client_then_linkedin_in_any_order_is_one_contact_each(
    ok: Callable[..., Any], rows: Any, tmp_path: Path
) -> None:
    csv = tmp_path / "Connections.csv"
    csv.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
        "Giulia,Bianchi,https://www.linkedin.com/in/giulia-bianchi,,Studio Bianchi,,1 Mar 2022\r\n"
        "Sara,Neri,https://it.linkedin.com/in/Sara-Neri?trk=x,,Neri & Figli,,2 Mar 2022\r\n"
        "Jürgen,Müller,https://www.linkedin.com/in/jmueller,,MSP,,3 Mar 2022\r\n",
        encoding="utf-8",
    )
    ok("import", "linkedin", str(csv))
    for fixture in sorted(EXPECTED):
        ok("import", "vcard", str(FIXTURES / fixture))
    assert rows("SELECT count(*) FROM contact")[0][0] == len(EXPECTED)
    again = ok("import", "linkedin", str(csv))
    assert "added 0" in again.stderr


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_export_read_back_by_vobject(version: str, ok: Callable[..., Any], tmp_path: Path) -> None:
    import vobject

    for fixture in ("apple.vcf", "khard.vcf", "thunderbird.vcf"):
        ok("import", "vcard", str(FIXTURES / fixture))
    ok("contact", "add", "李 小龍", "--phone", "+852 2345 6789")
    out = tmp_path / "out.vcf"
    ok("export", "vcard", "--version", version, "-o", str(out))
    cards = {c.fn.value: c for c in vobject.readComponents(out.read_text(encoding="utf-8"))}
    soren = cards["Søren O'Brien Jr."]
    n = soren.n.value
    assert (n.family, n.given, n.suffix) == ("O'Brien", "Søren", "Jr.")
    assert soren.bday.value == "--1224"
    lee = cards["李 小龍"].n.value
    assert (lee.family, lee.given) == ("李", "小龍")
    tels = [t.value for t in cards["Sara Neri"].contents["tel"]]
    emails = [e.value for e in cards["Sara Neri"].contents["email"]]
    assert emails == ["sara.neri@neri.example", "sara@home.example"]
    if version == "4.0":
        assert tels == ["tel:+39-320-555-0101", "tel:+39-02-555-0102"]  # as the card wrote it
        assert cards["Sara Neri"].contents["tel"][0].params["VALUE"] == ["uri"]
    else:
        assert tels[0] == "+39 320 555 0101"
    giulia = cards["Dr. Giulia Maria Bianchi"]
    assert giulia.url.value == "https://www.linkedin.com/in/giulia-bianchi"
    assert giulia.n.value.prefix == "Dr." and giulia.n.value.additional == "Maria"


def test_apple_birthdays_on_request(ok: Callable[..., Any], tmp_path: Path) -> None:
    ok("import", "vcard", str(FIXTURES / "khard.vcf"))
    out = tmp_path / "apple.vcf"
    ok("export", "vcard", "--apple", "-o", str(out))
    assert "BDAY;X-APPLE-OMIT-YEAR=1604:1604-12-24" in out.read_text(encoding="utf-8")
    other = tmp_path / "other.db"
    ok("--db", str(other), "import", "vcard", str(out))
    shown = json.loads(ok("--db", str(other), "show", "Søren", "--json").stdout)
    assert shown["birthday"] == "--12-24"


def test_note_edited_elsewhere_replaces_its_fact(
    ok: Callable[..., Any], net_json: Callable[..., Any], tmp_path: Path
) -> None:
    path = tmp_path / "ana.vcf"

    def write(note: str) -> None:
        path.write_text(
            f"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:ana-1\r\nFN:Ana Rossi\r\nNOTE:{note}\r\n"
            "END:VCARD\r\n",
            encoding="utf-8",
        )

    write("Met at BNI")
    ok("import", "vcard", str(path))
    write("Met at BNI\\, likes sailing")  # edited in another client
    result = ok("import", "vcard", str(path))
    assert result.stderr.startswith("vCard: added 0, updated 1, unchanged 0")
    facts = [f["text"] for f in contact(net_json, "Ana Rossi")["facts"]]
    assert facts == ["Met at BNI, likes sailing"]
    write("Two daughters")  # a different note is a new fact
    ok("import", "vcard", str(path))
    facts = [f["text"] for f in contact(net_json, "Ana Rossi")["facts"]]
    assert sorted(facts) == ["Met at BNI, likes sailing", "Two daughters"]
    ok("undo")
    ok("undo")
    assert [f["text"] for f in contact(net_json, "Ana Rossi")["facts"]] == ["Met at BNI"]

"""Contact CSVs as Google Contacts (current and legacy), Outlook and Excel in a ';'
locale write them, and LinkedIn with CJK names (fixtures in tests/fixtures, written for
these tests), checked field by field; and the leading-quote round trip."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
FIELDS = ("name", "company", "role", "email", "phone", "birthday", "tags")


def shown(net_json: Callable[..., Any], name: str) -> dict[str, Any]:
    data = net_json("show", name, "--json")
    return {k: data[k] for k in FIELDS} | {"facts": [f["text"] for f in data["facts"]]}


def kinds(rows: Any, name: str) -> list[tuple[str, str]]:
    return rows(
        "SELECT i.kind, i.value FROM identity i JOIN contact c ON c.id = i.contact_id "
        "WHERE c.name = ? ORDER BY i.kind, i.value",
        name,
    )


def test_google_current(ok: Callable[..., Any], net_json: Any, rows: Any) -> None:
    result = ok("import", "csv", str(FIXTURES / "google-contacts.csv"))
    assert result.stderr.startswith("CSV: added 2, updated 0, unchanged 0, skipped 0.")
    assert shown(net_json, "Giulia Maria Bianchi") == {
        "name": "Giulia Maria Bianchi",
        "company": "Studio Bianchi, Notai",
        "role": "Notaio",
        "email": "giulia@studiobianchi.example",
        "phone": "+39 333 765 4321",
        "birthday": "--03-09",
        "tags": ["Clients", "BNI"],
        "facts": ["Met at the congress.\nTwo sons."],
    }
    assert kinds(rows, "Giulia Maria Bianchi") == [
        ("email", "giulia.b@mail.example"),
        ("email", "giulia@studiobianchi.example"),
        ("linkedin", "https://www.linkedin.com/in/giulia-bianchi"),
        ("phone", "+390287654321"),
        ("phone", "+393337654321"),
    ]
    assert shown(net_json, "Paolo Verdi")["tags"] == []  # '* myContacts' is Google's own
    again = ok("import", "csv", str(FIXTURES / "google-contacts.csv"))
    assert again.stderr.startswith("CSV: added 0, updated 0, unchanged 2, skipped 0.")


def test_google_legacy(ok: Callable[..., Any], net_json: Any, rows: Any) -> None:
    ok("import", "csv", str(FIXTURES / "google-legacy.csv"))
    assert shown(net_json, "Sara Neri") == {
        "name": "Sara Neri",
        "company": "Neri & Figli, Export",
        "role": "Export manager",
        "email": "sara.neri@neri.example",
        "phone": "+39 320 555 0101",
        "birthday": "1985-07-04",
        "tags": ["Suppliers"],
        "facts": ["Export to Asia"],
    }
    assert ("linkedin", "https://www.linkedin.com/in/sara-neri") in kinds(rows, "Sara Neri")


def test_outlook(ok: Callable[..., Any], net_json: Any, rows: Any) -> None:
    result = ok("import", "csv", str(FIXTURES / "outlook.csv"))
    assert "skipped 0" in result.stderr
    jurgen = shown(net_json, "Jürgen Müller")
    assert jurgen == {
        "name": "Jürgen Müller",
        "company": "Müller, Schmidt & Partner",
        "role": "Geschäftsführer",
        "email": "j.mueller@ms-partner.example",
        "phone": "+49 171 9876543",
        "birthday": "1968-02-29",  # 2/29 can only be month first
        "tags": ["Messe", "Golf"],
        "facts": ["Met at the fair in München."],
    }
    assert ("email", "juergen@privat.example") in kinds(rows, "Jürgen Müller")
    anna = shown(net_json, "Dr. Anna Schmidt")
    assert anna["birthday"] is None and anna["email"] == "anna@schmidt.example"


def test_outlook_cp1252_is_read_as_windows_1252(
    ok: Callable[..., Any], net_json: Any, rows: Any
) -> None:
    """Outlook on Windows writes its CSV in the ANSI code page: no BOM, Windows-1252
    (the '–', '€' and '’' are bytes 0x96, 0x80 and 0x92, which Latin-1 lacks)."""
    path = FIXTURES / "outlook-cp1252.csv"
    result = ok("import", "csv", str(path))
    assert result.stderr.startswith("CSV: added 2, updated 0, unchanged 0, skipped 0.")
    assert (
        "  note outlook-cp1252.csv: not UTF-8, so read as Windows-1252 "
        "(what Excel and Outlook write on Windows)" in result.stderr
    )
    assert shown(net_json, "Élodie Dubois") == {
        "name": "Élodie Dubois",
        "company": "Dubois, Fils & Cie",
        "role": "Responsable achats – Europe",
        "email": "elodie@dubois.example",
        "phone": "+33 6 12 34 56 78",
        "birthday": "1979-03-15",
        "tags": ["Clients", "Salon"],
        "facts": ["Budget 50 000 € par an.\nPréfère le café à 8h — jamais le lundi."],
    }
    sean = shown(net_json, "Seán O’Connor")
    assert (sean["company"], sean["role"]) == ("Brühl Straße GmbH", "Einkäufer")
    again = ok("import", "csv", str(path))
    assert again.stderr.startswith("CSV: added 0, updated 0, unchanged 2, skipped 0.")


def test_utf8_csv_is_never_read_as_windows_1252(
    ok: Callable[..., Any], net_json: Any, tmp_path: Path
) -> None:
    path = tmp_path / "utf8.csv"
    # valid UTF-8 whose bytes would also be Windows-1252 text ('Ã©' there)
    path.write_bytes("name,company\r\nRené Côté,Café Noir\r\n".encode())
    result = ok("import", "csv", str(path))
    assert "Windows-1252" not in result.stderr
    assert shown(net_json, "René Côté")["company"] == "Café Noir"


def test_csv_neither_utf8_nor_windows_1252_is_refused(
    net: Callable[..., Any], unchanged: Any, tmp_path: Path
) -> None:
    path = tmp_path / "odd.csv"
    path.write_bytes(b"name,company\r\nAna \x81 Rossi,Acme\r\n")  # 0x81: no character
    with unchanged():
        result = net("import", "csv", str(path))
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"{path} is not a CSV file: it is neither UTF-8 nor Windows-1252 text."
    )


def test_semicolon_csv_is_detected(ok: Callable[..., Any], net_json: Any) -> None:
    result = ok("import", "csv", str(FIXTURES / "excel-semicolon.csv"))
    assert result.stderr.startswith("CSV: added 2")
    assert shown(net_json, "Marco Neri") == {
        "name": "Marco Neri",
        "company": "Neri, Rossi & C.",
        "role": "Avvocato",
        "email": "marco@neri.example",
        "phone": "+39 02 1111 2222",
        "birthday": "1980-05-17",
        "tags": ["clienti", "BNI"],
        "facts": [],
    }
    assert shown(net_json, "=Zed")["company"] == "+fake"


def test_linkedin_cjk_and_credentials(ok: Callable[..., Any], net_json: Any) -> None:
    ok("import", "linkedin", str(FIXTURES / "linkedin-cjk.csv"))
    names = [c["name"] for c in net_json("contacts", "--json")["contacts"]]
    assert sorted(names) == ["Marco Neri", "李 小龍", "최 유림"]
    marco = shown(net_json, "Marco Neri")
    assert (marco["company"], marco["role"]) == ("Università di Milano", "Professor, Law")
    ok("import", "vcard", str(FIXTURES / "khard.vcf"))  # someone else
    card = FIXTURES.parent / "fixtures" / "thunderbird.vcf"
    ok("import", "vcard", str(card))
    assert len(net_json("contacts", "--json")["contacts"]) == 5


@pytest.mark.parametrize("value", ["'=1+1", "'+39", "'-x", "'@home", "'plain", "=SUM(A1)"])
def test_leading_quote_survives_a_round_trip(
    value: str, ok: Callable[..., Any], net_json: Any, tmp_path: Path
) -> None:
    ok("contact", "add", "Ana Rossi", "--company", value)
    out = tmp_path / "c.csv"
    ok("export", "csv", "-o", str(out))
    other = tmp_path / "other.db"
    ok("--db", str(other), "import", "csv", str(out))
    data = json.loads(ok("--db", str(other), "show", "Ana Rossi", "--json").stdout)
    assert data["company"] == value


def test_google_and_outlook_rows_keep_their_card(
    ok: Callable[..., Any], net_json: Any, rows: Any
) -> None:
    """Labels become vCard types, addresses and departments are kept, `net show` and the
    vCard export give them back, and re-importing changes nothing."""
    ok("import", "csv", str(FIXTURES / "google-contacts.csv"))
    ok("import", "csv", str(FIXTURES / "outlook.csv"))
    giulia = net_json("show", "Giulia Maria Bianchi", "--json")["card"]
    assert giulia["emails"] == [
        {"value": "giulia@studiobianchi.example", "types": ["work", "pref"]},
        {"value": "giulia.b@mail.example", "types": ["home"]},
    ]
    assert giulia["phones"] == [
        {"value": "+39 333 765 4321", "types": ["cell"]},
        {"value": "+39 02 8765 4321", "types": ["cell"]},
    ]
    assert giulia["urls"] == []  # the LinkedIn profile is the contact's own field
    jurgen = net_json("show", "Jürgen Müller", "--json")["card"]
    assert jurgen["org"] == ["Müller, Schmidt & Partner", "Vertrieb"]
    assert jurgen["phones"] == [
        {"value": "+49 171 9876543", "types": ["cell"]},
        {"value": "+49 (89) 1234-5678", "types": ["work", "voice"]},
    ]
    assert [(a["street"], a["locality"], a["types"]) for a in jurgen["addresses"]] == [
        ("Leopoldstr. 1", "München", ["work"])
    ]
    assert "Leopoldstr. 1, München (work)" in ok("show", "Jürgen").stdout
    card = ok("export", "vcard").stdout.replace("\r\n", "\n")
    assert "ADR;TYPE=WORK:;;Leopoldstr. 1;München;;;" in card
    assert "ORG:Müller\\, Schmidt & Partner;Vertrieb" in card
    assert "EMAIL;TYPE=INTERNET,HOME:giulia.b@mail.example" in card
    before = rows("SELECT contact_id, data FROM contact_card ORDER BY contact_id")
    for name in ("google-contacts.csv", "outlook.csv"):
        again = ok("import", "csv", str(FIXTURES / name))
        assert again.stderr.startswith("CSV: added 0, updated 0, unchanged 2"), name
    assert rows("SELECT contact_id, data FROM contact_card ORDER BY contact_id") == before


def test_google_addresses_labels_and_department(ok: Callable[..., Any], net_json: Any) -> None:
    ok("import", "csv", str(FIXTURES / "google-address.csv"))
    shown = net_json("show", "Marco Conti", "--json")
    card = shown["card"]
    assert card["nicknames"] == ["Marchino"]
    assert card["org"] == ["Conti Impianti", "Ufficio tecnico"]
    assert card["phones"] == [
        {"value": "+39 035 123 999", "types": ["work", "fax"]},
        {"value": "+39 347 000 1111", "types": ["cell"]},
    ]
    assert card["urls"] == [{"value": "https://conti.example", "types": []}]
    first, second = card["addresses"]
    assert first == {
        "po_box": "",
        "extended": "Scala B",
        "street": "Via Roma 1",
        "locality": "Bergamo",
        "region": "BG",
        "postal_code": "24121",
        "country": "Italia",
        "types": ["work", "pref"],
    }
    # only the formatted address: kept whole, on one line, as the street
    assert second["street"] == "Via Verdi 3, Milano" and second["types"] == ["home"]

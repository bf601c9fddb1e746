"""What a vCard says beyond the journal's fields (N, NICKNAME, ORG units, every EMAIL,
TEL, URL and ADR with its types) survives import and export, in 3.0 and 4.0; N is built
properly when no card gave one."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


def export(ok: Callable[..., Any], version: str = "3.0", *db: str) -> str:
    return str(ok(*db, "export", "vcard", "--version", version).stdout)


def lines_of(text: str, fn: str) -> list[str]:
    """The unfolded lines of the card whose FN is ``fn``."""
    for block in text.replace("\r\n", "\n").split("BEGIN:VCARD\n")[1:]:
        lines = block.replace("\n ", "").split("\n")
        if "FN:" + fn.replace(",", "\\,") in lines:
            return lines
    raise AssertionError(f"no card {fn}")


def card_row(rows: Any, name: str) -> dict[str, Any]:
    found = rows(
        "SELECT k.data FROM contact_card k JOIN contact c ON c.id = k.contact_id WHERE c.name = ?",
        name,
    )
    return json.loads(found[0][0]) if found else {}


def test_apple_card_is_kept_whole(ok: Callable[..., Any], rows: Any) -> None:
    ok("import", "vcard", str(FIXTURES / "apple.vcf"))
    kept = card_row(rows, "Dr. Giulia Maria Bianchi")
    assert kept["nickname"] == ["Giuli"]
    assert kept["org"] == ["Studio Bianchi, Notai", "Successioni"]
    assert kept["email"] == [
        ["giulia@studiobianchi.example", ["internet", "work", "pref"]],
        ["giulia.b@mail.example", ["internet", "home"]],
    ]
    assert kept["tel"] == [
        ["+39 333 765 4321", ["cell", "voice", "pref"]],
        ["+39 02 8765 4321", []],
    ]
    assert kept["adr"] == [
        [[[], [], ["Via Torino 5"], ["Milano"], ["MI"], ["20123"], ["Italia"]], ["work", "pref"]]
    ]
    assert kept["url"] == [["https://studiobianchi.example", ["pref"]]]
    three = lines_of(export(ok), "Dr. Giulia Maria Bianchi")
    for line in (
        "N:Bianchi;Giulia;Maria;Dr.;",
        "NICKNAME:Giuli",
        "ORG:Studio Bianchi\\, Notai;Successioni",
        "EMAIL;TYPE=INTERNET,WORK,pref:giulia@studiobianchi.example",
        "EMAIL;TYPE=INTERNET,HOME:giulia.b@mail.example",
        "TEL;TYPE=CELL,VOICE,pref:+39 333 765 4321",
        "TEL;TYPE=VOICE:+39 02 8765 4321",
        "ADR;TYPE=WORK,pref:;;Via Torino 5;Milano;MI;20123;Italia",
        "URL:https://www.linkedin.com/in/giulia-bianchi",
        "URL:https://studiobianchi.example",
    ):
        assert line in three, line
    four = lines_of(export(ok, "4.0"), "Dr. Giulia Maria Bianchi")
    for line in (
        "EMAIL;PREF=1;TYPE=work:giulia@studiobianchi.example",
        "EMAIL;TYPE=home:giulia.b@mail.example",
        "TEL;PREF=1;TYPE=cell,voice;VALUE=uri:tel:+39-333-765-4321",
        "TEL;VALUE=uri:tel:+39-02-8765-4321",
        "ADR;PREF=1;TYPE=work:;;Via Torino 5;Milano;MI;20123;Italia",
    ):
        assert line in four, line


def test_outlook_21_bare_types_are_types(ok: Callable[..., Any]) -> None:
    ok("import", "vcard", str(FIXTURES / "outlook21.vcf"))
    card = lines_of(export(ok), "Jürgen Müller")
    assert "TEL;TYPE=WORK,VOICE,pref:+49 (89) 1234-5678" in card
    assert "TEL;TYPE=CELL,VOICE:+49 171 9876543" in card
    assert "ORG:Müller\\, Schmidt & Partner;Vertrieb" in card
    assert "N:Müller;Jürgen;;;" in card


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_export_import_export_is_the_same_text(
    version: str, ok: Callable[..., Any], tmp_path: Path
) -> None:
    for fixture in ("apple.vcf", "google.vcf", "thunderbird.vcf", "outlook21.vcf", "khard.vcf"):
        ok("import", "vcard", str(FIXTURES / fixture))
    first = export(ok, version)
    path = tmp_path / "out.vcf"
    path.write_text(first, encoding="utf-8")
    other = str(tmp_path / "other.db")
    ok("--db", other, "import", "vcard", str(path))
    assert export(ok, version, "--db", other) == first
    again = ok("--db", other, "import", "vcard", str(path))
    assert again.stderr.startswith("vCard: added 0, updated 0, unchanged 5, skipped 0.")


def test_structured_n_is_kept_until_the_contact_is_renamed(
    ok: Callable[..., Any], tmp_path: Path
) -> None:
    path = tmp_path / "maria.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:de la Cruz;María José;;;\r\n"
        "FN:María José de la Cruz\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    ok("import", "vcard", str(path))
    # kept as it came: a two-word given name, not "María" with "José" as a middle name
    assert "N:de la Cruz;María José;;;" in lines_of(export(ok), "María José de la Cruz")
    ok("contact", "edit", "María José de la Cruz", "--name", "Dr. María Cruz PhD")
    assert "N:Cruz;María;;Dr.;PhD" in lines_of(export(ok), "Dr. María Cruz PhD")


@pytest.mark.parametrize(
    ("name", "n"),
    [
        ("Søren O'Brien Jr.", "N:O'Brien;Søren;;;Jr."),
        ("Prof. Hans van der Berg PhD", "N:van der Berg;Hans;;Prof.;PhD"),
        ("Ana de Souza", "N:de Souza;Ana;;;"),
        ("Schmidt, Anna", "N:Schmidt;Anna;;;"),
        ("Marco Neri, MBA, PMP", "N:Neri;Marco;;;MBA\\, PMP"),
        ("李小龍", "N:李;小龍;;;"),
        ("王 小明", "N:王;小明;;;"),
        ("Madonna", "N:;Madonna;;;"),
    ],
)
def test_n_built_from_a_name_without_a_card(name: str, n: str, ok: Callable[..., Any]) -> None:
    ok("contact", "add", name)
    assert n in lines_of(export(ok), name)


def test_a_second_card_adds_what_the_first_did_not_say(
    ok: Callable[..., Any], rows: Any, tmp_path: Path
) -> None:
    path = tmp_path / "ana.vcf"
    head = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:ana-1\r\nN:Rossi;Ana;;;\r\nFN:Ana Rossi\r\n"
    path.write_text(head + "EMAIL;TYPE=WORK:ana@acme.example\r\nEND:VCARD\r\n", encoding="utf-8")
    ok("import", "vcard", str(path))
    path.write_text(
        head + "EMAIL;TYPE=WORK:ana@acme.example\r\nEMAIL;TYPE=HOME:ana@home.example\r\n"
        "NICKNAME:Annie\r\nTEL;TYPE=CELL:+39 333 000 1111\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    result = ok("import", "vcard", str(path))
    assert result.stderr.startswith("vCard: added 0, updated 1, unchanged 0")
    card = lines_of(export(ok), "Ana Rossi")
    assert "EMAIL;TYPE=INTERNET,WORK,pref:ana@acme.example" in card
    assert "EMAIL;TYPE=INTERNET,HOME:ana@home.example" in card
    assert "NICKNAME:Annie" in card
    assert "TEL;TYPE=CELL:+39 333 000 1111" in card
    ok("undo")
    assert card_row(rows, "Ana Rossi") == {"email": [["ana@acme.example", ["work"]]]}


def test_merge_joins_the_cards(ok: Callable[..., Any], rows: Any, tmp_path: Path) -> None:
    ok("import", "vcard", str(FIXTURES / "khard.vcf"))
    path = tmp_path / "soren.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:other-book\r\nFN:Soren OBrien\r\n"
        "EMAIL;TYPE=home:soren@home.example\r\nNICKNAME:Sø\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    ok("import", "vcard", str(path))
    ok("contact", "merge", "Søren O'Brien Jr.", "Soren OBrien")
    card = lines_of(export(ok), "Søren O'Brien Jr.")
    assert "N:O'Brien;Søren;;;Jr." in card
    assert "NICKNAME:Sø" in card
    assert "EMAIL;TYPE=INTERNET,WORK,pref:soren@hygge.example" in card
    assert "EMAIL;TYPE=INTERNET,HOME:soren@home.example" in card
    assert rows("SELECT count(*) FROM contact_card")[0][0] == 1


def test_a_value_a_card_may_not_hold_is_left_out(ok: Callable[..., Any], tmp_path: Path) -> None:
    path = tmp_path / "odd.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Odd Card\r\nNICKNAME:bell\x07\r\n"
        'TEL;TYPE="x y",CELL:+39 333 222 1111\r\nEND:VCARD\r\n',
        encoding="utf-8",
    )
    result = ok("import", "vcard", str(path))
    assert result.stderr.startswith("vCard: added 1,")
    card = lines_of(export(ok), "Odd Card")
    assert not any(line.startswith("NICKNAME") for line in card)
    assert "TEL;TYPE=CELL:+39 333 222 1111" in card


def test_our_export_edited_in_another_client_updates_the_note(
    ok: Callable[..., Any], net_json: Callable[..., Any], tmp_path: Path
) -> None:
    ok("contact", "add", "Ana Rossi", "--email", "ana@acme.example")
    ok("learn", "Ana Rossi", "other", "Met at BNI Milano, likes sailing")
    out = tmp_path / "ana.vcf"
    ok("export", "vcard", "-o", str(out))
    text = out.read_bytes().decode("utf-8")
    assert "NOTE:Met at BNI Milano\\, likes sailing\r\n" in text
    # the user fixes a word and adds a line in their phone's address book
    edited = text.replace(
        "NOTE:Met at BNI Milano\\, likes sailing",
        "NOTE:Met at BNI Milano\\, loves sailing.\\nTwo daughters.",
    )
    out.write_bytes(edited.encode("utf-8"))
    result = ok("import", "vcard", str(out))
    assert result.stderr.startswith("vCard: added 0, updated 1, unchanged 0, skipped 0.")
    facts = [f["text"] for f in net_json("show", "Ana Rossi", "--json")["facts"]]
    assert facts == ["Met at BNI Milano, loves sailing.\nTwo daughters."]
    again = ok("import", "vcard", str(out))
    assert again.stderr.startswith("vCard: added 0, updated 0, unchanged 1, skipped 0.")


def test_a_phone_uri_with_an_extension_stays_whole(ok: Callable[..., Any], tmp_path: Path) -> None:
    import vobject

    path = tmp_path / "ext.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:ext-1\r\nFN:Ext Person\r\n"
        'TEL;VALUE=uri;PREF=1;TYPE="voice,home":tel:+1-555-555-5555;ext=5555\r\n'
        "TEL;VALUE=uri;TYPE=work:tel:+1-555-555-0000\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    ok("import", "vcard", str(path))
    four = export(ok, "4.0")
    assert "TEL;PREF=1;TYPE=voice,home;VALUE=uri:tel:+1-555-555-5555;ext=5555" in four
    assert "TEL;TYPE=work;VALUE=uri:tel:+1-555-555-0000" in four
    assert vobject.readOne(four).tel.value == "tel:+1-555-555-5555;ext=5555"
    three = export(ok)
    assert "TEL;TYPE=VOICE,HOME,pref:+1 555 555 5555;ext=5555" in three
    for text in (four, three):
        path.write_text(text, encoding="utf-8")
        again = ok("import", "vcard", str(path))
        assert again.stderr.startswith("vCard: added 0, updated 0, unchanged 1")


def test_show_gives_the_whole_card(ok: Callable[..., Any]) -> None:
    ok("import", "vcard", str(FIXTURES / "apple.vcf"))
    ok("log", "Ana Rossi", "-k", "call")
    shown = json.loads(ok("show", "Giulia", "--json").stdout)
    card = shown["card"]
    assert card["nicknames"] == ["Giuli"]
    assert card["emails"] == [
        {"value": "giulia@studiobianchi.example", "types": ["internet", "work", "pref"]},
        {"value": "giulia.b@mail.example", "types": ["internet", "home"]},
    ]
    assert card["phones"][1] == {"value": "+39 02 8765 4321", "types": []}
    assert card["addresses"] == [
        {
            "po_box": "",
            "extended": "",
            "street": "Via Torino 5",
            "locality": "Milano",
            "region": "MI",
            "postal_code": "20123",
            "country": "Italia",
            "types": ["work", "pref"],
        }
    ]
    text = ok("show", "Giulia").stdout
    assert "giulia.b@mail.example (internet, home)" in text
    assert "+39 02 8765 4321" in text
    assert "Via Torino 5, 20123 Milano, MI, Italia (work, pref)" in text
    # a contact no card came with has none
    assert json.loads(ok("show", "Ana Rossi", "--json").stdout)["card"] is None


def test_a_plain_url_is_kept_when_the_contact_has_no_linkedin(
    ok: Callable[..., Any], rows: Any, tmp_path: Path
) -> None:
    card = tmp_path / "one.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Piero Gallo\r\nN:Gallo;Piero;;;\r\n"
        "URL:https://gallo.example\r\nEND:VCARD\r\n"
    )
    ok("import", "vcard", str(card))
    assert card_row(rows, "Piero Gallo")["url"] == [["https://gallo.example", []]]
    assert "URL:https://gallo.example" in export(ok)

"""Our vCard export read by khard, and khard's own sample cards through the journal.

* ``khard`` (a Python address book on PyPI) is run on a vdir holding our export, with a
  config of its own: names, N parts, emails and phones with their types, organisation
  units, nicknames and birthdays (with and without a year) are what went in. Skipped
  when khard is not installed.
* khard's test cards (GPL; read from /work/shared/data/vcards-khard, never copied here;
  skipped when absent): each imported, exported and read back by vobject, nothing lost.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from netjournal import identity
from netjournal.interop.vcard import parse_birthday

FIXTURES = Path(__file__).parent / "fixtures"
KHARD_CARDS = Path("/work/shared/data/vcards-khard")
HAS_KHARD = importlib.util.find_spec("khard") is not None

CONFIG = """[addressbooks]
[[journal]]
path = {book}

[general]
debug = no
default_action = list
editor = /bin/true
merge_editor = /bin/true

[contact table]
display = formatted_name
group_by_addressbook = no
reverse = no
show_nicknames = no
show_uids = yes
sort = last_name
localize_dates = no
preferred_phone_number_type = pref, cell, home
preferred_email_address_type = pref, work, home

[vcard]
private_objects = ,
preferred_version = 3.0
search_in_source_files = no
skip_unparsable = no
"""


def vdir(text: str, folder: Path) -> None:
    """Our export as a vdir: one card per file, as khard (and vdirsyncer) keep them."""
    folder.mkdir()
    for n, block in enumerate(text.split("BEGIN:VCARD\r\n")[1:]):
        (folder / f"card{n}.vcf").write_bytes(("BEGIN:VCARD\r\n" + block).encode("utf-8"))


def khard(tmp_path: Path, *args: str) -> str:
    config = tmp_path / "khard.conf"
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "khard", "-c", str(config), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.skipif(not HAS_KHARD, reason="khard is not installed (pip install khard)")
@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_khard_reads_our_export(version: str, ok: Callable[..., Any], tmp_path: Path) -> None:
    for fixture in ("apple.vcf", "thunderbird.vcf", "outlook21.vcf", "khard.vcf"):
        ok("import", "vcard", str(FIXTURES / fixture))
    ok("contact", "add", "李小龍", "--phone", "+852 2345 6789", "--birthday", "1940-11-27")
    out = tmp_path / "out.vcf"
    ok("export", "vcard", "--version", version, "-o", str(out))
    vdir(out.read_bytes().decode("utf-8"), tmp_path / "book")
    (tmp_path / "khard.conf").write_text(CONFIG.format(book=tmp_path / "book"), encoding="utf-8")

    listed = [line.split("\t") for line in khard(tmp_path, "list", "-p").splitlines()]
    names = {row[1] for row in listed}
    assert names == {
        "Dr. Giulia Maria Bianchi",
        "Sara Neri",
        "Jürgen Müller",
        "Søren O'Brien Jr.",
        "李小龍",
    }
    assert ["8f2c9d6e1a7b4c3d", "Søren O'Brien Jr.", "journal"] in listed

    emails = {tuple(line.split("\t")) for line in khard(tmp_path, "email", "-p").splitlines()[1:]}
    work = "INTERNET, WORK" if version == "3.0" else "work"
    pref = "pref" if version == "3.0" else "pref=1"  # khard shows 4.0's PREF=1 so
    assert ("giulia@studiobianchi.example", "Dr. Giulia Maria Bianchi", f"{work}, {pref}") in emails
    home = "INTERNET, HOME" if version == "3.0" else "home"
    assert ("giulia.b@mail.example", "Dr. Giulia Maria Bianchi", home) in emails
    assert ("soren@hygge.example", "Søren O'Brien Jr.", work) in emails

    # 3.0 as written; 4.0's tel: URIs khard shows with their '-' separators
    shown = "+39 320 555 0101" if version == "3.0" else "+39-320-555-0101"
    phones = {tuple(line.split("\t")) for line in khard(tmp_path, "phone", "-p").splitlines()}
    cell = "CELL" if version == "3.0" else "cell"
    assert (shown, "Sara Neri", f"{cell}, {pref}") in phones
    numbers = {(identity.phone(p[0]), p[1], p[2]) for p in phones}
    assert ("+39025550102", "Sara Neri", "WORK" if version == "3.0" else "work") in numbers
    assert ("+4520123456", "Søren O'Brien Jr.", cell) in numbers
    assert any(p[0] == "+85223456789" and p[1] == "李小龍" for p in numbers)

    birthdays = khard(tmp_path, "birthdays")
    for name, day in (
        ("Søren O'Brien Jr.", "--12-24"),
        ("Sara Neri", "--07-04"),
        ("Dr. Giulia Maria Bianchi", "--03-09"),
        ("Jürgen Müller", "1968-02-29"),
        ("李小龍", "1940-11-27"),
    ):
        assert any(name in line and line.split()[-1] == day for line in birthdays.splitlines())

    giulia = khard(tmp_path, "show", "--format", "yaml", "5B1D6C8E-2F4A-4E3B-9C1D-7A6B5C4D3E2F")
    for line in (
        "Prefix: Dr.",
        "First name: Giulia",
        "Additional: Maria",
        "Last name: Bianchi",
        "Nickname: Giuli",
        "  -   - Studio Bianchi, Notai",
        "      - Successioni",
        "Title: Notaio",
        "        Street: Via Torino 5",
        "        City: Milano",
    ):
        assert line in giulia.splitlines(), line
    soren = khard(tmp_path, "show", "--format", "yaml", "8f2c9d6e1a7b4c3d").splitlines()
    assert "Last name: O'Brien" in soren and "Suffix: Jr." in soren
    lee = khard(tmp_path, "show", "--format", "yaml", "李小龍").splitlines()
    assert "Last name: 李" in lee and "First name: 小龍" in lee


# --- khard's own cards through the journal -------------------------------------------


def _said(card: Any) -> dict[str, Any]:
    """What a card says, in the terms a round trip must keep."""

    def texts(name: str) -> list[str]:
        return [line.value for line in card.contents.get(name, []) if isinstance(line.value, str)]

    n = card.contents.get("n", [])
    parts = None
    if n:
        value = n[0].value
        parts = [
            [p for p in (v if isinstance(v, list) else [v]) if p]
            for v in (value.family, value.given, value.additional, value.prefix, value.suffix)
        ]
    orgs = card.contents.get("org", [])
    bdays = texts("bday")
    return {
        "fn": texts("fn")[:1],
        "n": parts if parts and any(parts) else None,
        "email": sorted(e.casefold() for e in texts("email")),
        "tel": sorted(identity.phone(t) or t.removeprefix("tel:") for t in texts("tel")),
        "org": [u for u in orgs[0].value if u] if orgs else [],
        "nickname": texts("nickname"),
        "bday": parse_birthday(bdays[0]) if bdays else None,
        "note": texts("note"),
        "adr": [
            [getattr(line.value, a) for a in ("box", "extended", "street", "city", "region")]
            + [line.value.code, line.value.country]
            + [t.lower() for t in line.params.get("TYPE", [])]
            for line in card.contents.get("adr", [])
        ],
    }


@pytest.mark.skipif(
    not KHARD_CARDS.is_dir(), reason=f"khard's sample cards are not at {KHARD_CARDS}"
)
@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_khard_sample_cards_lose_nothing(
    version: str, ok: Callable[..., Any], net: Callable[..., Any], tmp_path: Path
) -> None:
    import vobject

    checked = 0
    for path in sorted(KHARD_CARDS.glob("*.vcf")):
        db = str(tmp_path / f"{path.stem}.db")
        result = net("--db", db, "import", "vcard", str(path))
        if result.exit_code != 0:
            assert path.name == "unparsable.vcf", result.stderr
            continue
        exported = ok("--db", db, "export", "vcard", "--version", version).stdout
        original = vobject.readOne(path.read_text(encoding="utf-8"))
        back = vobject.readOne(exported)
        before, after = _said(original), _said(back)
        if not before["fn"]:  # no FN: the name is built from N, and written as FN
            before["fn"] = after["fn"]
        if before["n"] is None:  # no N: the export builds one
            after["n"] = None
        if path.name == "text-bday.vcf":  # 'circa 1800' is no date: imported without it
            assert before["bday"] is None and after["bday"] is None
        assert after == before, path.name
        checked += 1
    assert checked >= 19

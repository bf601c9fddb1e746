"""One person, one contact: identities across LinkedIn, vCard and CSV imports.

The files are written the way each source writes them (LinkedIn's preamble and CRLF,
vCard 3.0 cards, our own CSV columns); the property at the end imports random
sequences of them about the same people and counts the contacts.
"""

from __future__ import annotations

import itertools
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import snapshot
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from netjournal import identity
from netjournal.cli.app import app

PREAMBLE = (
    "Notes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    'are missing."\r\n'
    "\r\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
)


def linkedin_file(path: Path, *rows: str) -> str:
    path.write_bytes(("\ufeff" + PREAMBLE + "".join(r + "\r\n" for r in rows)).encode())
    return str(path)


def vcard_file(path: Path, *cards: str) -> str:
    text = "".join(
        "BEGIN:VCARD\r\nVERSION:3.0\r\n" + body.replace("\n", "\r\n") + "END:VCARD\r\n"
        for body in cards
    )
    path.write_text(text, encoding="utf-8", newline="")
    return str(path)


def names(rows: Callable[..., list[tuple[Any, ...]]]) -> list[str]:
    return [r[0] for r in rows("SELECT name FROM contact ORDER BY name")]


def test_normalised_identities() -> None:
    assert identity.phone("+39 02 1234-5678") == "+390212345678"
    assert identity.phone("0039 (02) 12345678 ext. 12") == "+390212345678"
    assert identity.phone("tel:+39-02-12345678") == "+390212345678"
    assert identity.phone("02 1234 5678") == "0212345678"
    assert identity.phone("123") is None  # an extension, not a person
    assert identity.email(" Ana@Example.COM ") == "ana@example.com"
    assert identity.uid("urn:uuid:0E8F3A2C-1111-4222-8333-944445555666") == (
        "0e8f3a2c-1111-4222-8333-944445555666"
    )
    assert identity.linkedin("https://it.linkedin.com/in/Marco-Neri/?trk=x") == (
        "https://www.linkedin.com/in/marco-neri"
    )
    assert identity.strip_credentials("Neri, PhD") == "Neri"
    assert identity.strip_credentials("Neri, MBA, P.Eng.") == "Neri"
    assert identity.strip_credentials("Schmidt, Anna") == "Schmidt, Anna"
    assert identity.name_key("李 小龍") == identity.name_key("李小龍")
    assert identity.name_key("Marco Neri, PhD") == "marco neri"


def test_our_vcard_export_then_linkedin_makes_no_duplicate(
    ok: Callable[..., Any], rows: Any, tmp_path: Path
) -> None:
    """The issue's case: ten contacts exported to vCard, imported into another journal,
    then LinkedIn brings the same people: still ten contacts."""
    people = [(f"Person{i}", f"Surname{i}", f"https://www.linkedin.com/in/p{i}") for i in range(10)]
    source = tmp_path / "a.db"
    lines = [f"{f},{s},{u},,Acme {i},Boss,15 Jan 2024" for i, (f, s, u) in enumerate(people)]
    ok("--db", str(source), "import", "linkedin", linkedin_file(tmp_path / "l.csv", *lines))
    vcf = tmp_path / "out.vcf"
    ok("--db", str(source), "export", "vcard", "-o", str(vcf))
    assert "URL:https://www.linkedin.com/in/p0" in vcf.read_text()
    ok("import", "vcard", str(vcf))
    result = ok("import", "linkedin", str(tmp_path / "l.csv"))
    assert "added 0" in result.stderr
    assert len(names(rows)) == 10
    assert rows("SELECT count(*) FROM identity WHERE kind = 'linkedin'")[0][0] == 10


def test_vcard_after_linkedin_links_by_name(
    ok: Callable[..., Any], rows: Any, tmp_path: Path
) -> None:
    ok(
        "import",
        "linkedin",
        linkedin_file(tmp_path / "l.csv", "Ana,Rossi,https://www.linkedin.com/in/ana-r,,Acme,,"),
    )
    apple = "PRODID:-//Apple Inc.//iPhone OS 17.1//EN\nN:Rossi;Ana;;;\nFN:Ana Rossi\n"
    apple += "item1.TEL;type=pref:+39 02 1234 5678\nUID:7E3F1C1A-2B2B-4C4C-8D8D-0E0E0E0E0E0E\n"
    result = ok("import", "vcard", vcard_file(tmp_path / "a.vcf", apple))
    assert "added 0, updated 1" in result.stderr
    assert names(rows) == ["Ana Rossi"]
    kinds = sorted(r[0] for r in rows("SELECT kind FROM identity"))
    assert kinds == ["linkedin", "phone", "uid"]


def test_phone_written_another_way_finds_the_contact(
    ok: Callable[..., Any], rows: Any, tmp_path: Path
) -> None:
    ok("contact", "add", "Giulia Bianchi", "--phone", "+39 333 123 4567")
    csv = tmp_path / "c.csv"
    csv.write_text("name,phone,company\r\nG. Bianchi,0039 333 1234567,Studio B\r\n")
    result = ok("import", "csv", str(csv))
    assert "added 0, updated 1" in result.stderr
    assert rows("SELECT name, company FROM contact") == [("Giulia Bianchi", "Studio B")]


def test_cjk_names_and_credentials_meet(ok: Callable[..., Any], rows: Any, tmp_path: Path) -> None:
    cards = vcard_file(
        tmp_path / "c.vcf",
        "N:李;小龍;;;\nFN:李小龍\nUID:u-lee\n",
        "N:Neri;Marco;;;\nFN:Marco Neri\nUID:u-neri\n",
    )
    ok("import", "vcard", cards)
    result = ok(
        "import",
        "linkedin",
        linkedin_file(
            tmp_path / "l.csv",
            "李,小龍,https://www.linkedin.com/in/lee,,,Actor,15 Jan 2024",
            'Marco,"Neri, PhD",https://www.linkedin.com/in/mneri,,Uni,Professor,3 Feb 2021',
        ),
    )
    assert "added 0, updated 2" in result.stderr
    assert names(rows) == ["Marco Neri", "李小龍"]


def test_contradiction_is_listed_with_the_merge_command(
    ok: Callable[..., Any], rows: Any, tmp_path: Path
) -> None:
    ok("contact", "add", "Ana Rossi", "--email", "ana@rossi.example")
    result = ok(
        "import",
        "linkedin",
        linkedin_file(
            tmp_path / "l.csv",
            "Ana,Rossi,https://www.linkedin.com/in/ana-2,ana@other.example,Beta,,15 Jan 2024",
        ),
    )
    line = (
        "  row 5: 'Ana Rossi' has a different email from the contact 'Ana Rossi', so this one "
        "was added as 'Ana Rossi (Beta)'. If they are one person: "
        "net contact merge 'Ana Rossi' 'Ana Rossi (Beta)'"
    )
    assert line in result.stderr.splitlines()
    again = ok("import", "linkedin", str(tmp_path / "l.csv"))
    assert "added 0, updated 0, unchanged 1" in again.stderr
    ok("contact", "merge", "Ana Rossi", "Ana Rossi (Beta)")
    assert names(rows) == ["Ana Rossi"]
    owners = {r[0] for r in rows("SELECT contact_id FROM identity")}
    assert len(owners) == 1
    after_merge = ok("import", "linkedin", str(tmp_path / "l.csv"))
    assert "added 0" in after_merge.stderr and names(rows) == ["Ana Rossi"]


def test_two_cards_of_one_file_with_two_uids_are_two_people(
    ok: Callable[..., Any], rows: Any, tmp_path: Path
) -> None:
    cards = vcard_file(
        tmp_path / "c.vcf",
        "FN:John Smith\nUID:js-1\nORG:Acme\n",
        "FN:John Smith\nUID:js-2\nORG:Beta\n",
    )
    result = ok("import", "vcard", cards)
    assert "added 2" in result.stderr
    assert names(rows) == ["John Smith", "John Smith (Beta)"]
    again = ok("import", "vcard", cards)
    assert "added 0, updated 0, unchanged 2" in again.stderr


def test_undo_and_delete_keep_identities_in_step(
    ok: Callable[..., Any], rows: Any, db_path: Path, tmp_path: Path
) -> None:
    ok("contact", "add", "Ana Rossi", "--email", "ana@rossi.example")
    before = snapshot(db_path)
    cards = vcard_file(tmp_path / "c.vcf", "FN:Ana Rossi\nUID:a-1\nTEL:+39 02 1234 5678\n")
    ok("import", "vcard", cards)
    assert rows("SELECT count(*) FROM identity")[0][0] == 3
    ok("undo")
    assert snapshot(db_path) == before
    ok("import", "vcard", cards)
    with_cards = snapshot(db_path)
    ok("contact", "rm", "Ana Rossi", "--yes")
    assert rows("SELECT count(*) FROM identity")[0][0] == 0
    ok("undo")
    assert snapshot(db_path) == with_cards


def test_edit_gives_the_contact_its_new_email_too(ok: Callable[..., Any], rows: Any) -> None:
    ok("contact", "add", "Ana Rossi", "--email", "ana@old.example")
    ok("contact", "edit", "Ana Rossi", "--email", "Ana@New.example")
    values = sorted(r[0] for r in rows("SELECT value FROM identity"))
    assert values == ["ana@new.example", "ana@old.example"]


def test_migration_fill_keeps_the_older_contact_for_a_shared_email() -> None:
    from netjournal.store.migrations import identities

    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE TABLE contact (id INTEGER PRIMARY KEY, linkedin_url, vcard_uid, email, phone)"
    )
    conn.execute(identities.IDENTITY_TABLE.replace("REFERENCES contact (id)", "REFERENCES contact"))
    conn.executemany(
        "INSERT INTO contact VALUES (?, ?, ?, ?, ?)",
        [
            (1, "https://de.linkedin.com/in/Ana/", "URN:UUID:X", "A@x.example", "+39 02 1234567"),
            (2, None, None, "a@X.example", "12"),
        ],
    )
    assert identities.fill(conn) == 4
    assert conn.execute("SELECT contact_id, kind, value FROM identity ORDER BY id").fetchall() == [
        (1, "linkedin", "https://www.linkedin.com/in/ana"),
        (1, "uid", "X"),
        (1, "email", "a@x.example"),
        (1, "phone", "+39021234567"),
    ]


# --- the property: as many contacts as people ------------------------------------------

#: (first name, last name as LinkedIn writes it, the name a vCard or CSV writes)
NAMES = [
    ("Ana", "Rossi", "Ana Rossi"),
    ("李", "小龍", "李小龍"),
    ("Marco", "Neri, PhD", "Marco Neri"),
    ("Élodie", "Núñez", "elodie nunez"),
    ("Søren", "O'Brien", "SØREN O'BRIEN"),
    ("John", "Smith", "John Smith"),
]


@dataclass(frozen=True)
class Person:
    n: int
    first: str
    last: str
    written: str
    twin: bool  # shares a name with person 0: every record of either carries the email

    @property
    def email(self) -> str:
        return f"p{self.n}@people.example"

    @property
    def url(self) -> str:
        return f"https://www.linkedin.com/in/person-{self.n}"

    @property
    def phone(self) -> str:
        return f"+39 02 555 {self.n:04d}"


@st.composite
def populations(draw: Any) -> list[Person]:
    picked = draw(st.lists(st.sampled_from(range(len(NAMES))), min_size=1, max_size=4, unique=True))
    people = [Person(i, *NAMES[k], twin=False) for i, k in enumerate(picked)]
    if draw(st.booleans()):
        first = people[0]
        people[0] = Person(0, first.first, first.last, first.written, twin=True)
        people.append(Person(len(people), first.first, first.last, first.written, twin=True))
    return people


SOURCES = ("linkedin", "icloud", "google", "csv")


def record(source: str, person: Person, flags: tuple[bool, bool, bool]) -> str:
    """The person as ``source`` writes them, with the fields ``flags`` keep."""
    email, phone, url = flags
    email = email or person.twin
    if source == "linkedin":
        last = f'"{person.last}"' if "," in person.last else person.last
        mail = person.email if email else ""
        return f"{person.first},{last},{person.url},{mail},Firm {person.n},,15 Jan 2024"
    if source == "csv":
        return f"{person.written},{person.email if email else ''},{person.phone if phone else ''}"
    lines = [f"FN:{person.written}", f"UID:{source}-{person.n}"]
    lines += [f"EMAIL;TYPE=INTERNET:{person.email}"] if email else []
    lines += [f"TEL;TYPE=CELL:{person.phone}"] if phone else []
    lines += [f"URL:{person.url}"] if url and source == "icloud" else []
    return "\n".join(lines) + "\n"


def write_import(folder: Path, source: str, items: list[str], n: int) -> list[str]:
    if source == "linkedin":
        return ["linkedin", linkedin_file(folder / f"{n}.csv", *items)]
    if source == "csv":
        path = folder / f"{n}.csv"
        path.write_text("name,email,phone\r\n" + "".join(i + "\r\n" for i in items))
        return ["csv", str(path)]
    return ["vcard", vcard_file(folder / f"{n}.vcf", *items)]


imports = st.lists(
    st.tuples(
        st.sampled_from(SOURCES),
        st.lists(st.tuples(st.booleans(), st.booleans(), st.booleans()), min_size=6, max_size=6),
        st.randoms(use_true_random=False),
    ),
    min_size=1,
    max_size=4,
)


def owners(db: Path, people: list[Person]) -> list[set[int]]:
    """For each contact, the people whose identities it holds."""
    who: dict[str, int] = {}
    for p in people:
        for value in (p.email, identity.linkedin(p.url), identity.phone(p.phone)):
            who[str(value)] = p.n
        for source in SOURCES:
            who[f"{source}-{p.n}"] = p.n
    conn = sqlite3.connect(db)
    try:
        out: dict[int, set[int]] = {}
        for contact_id, value in conn.execute("SELECT contact_id, value FROM identity"):
            out.setdefault(contact_id, set()).add(who[value])
        by_name = {}
        for p in people:
            by_name.setdefault(identity.name_key(p.written), set()).add(p.n)
        contacts = conn.execute("SELECT id, name FROM contact").fetchall()
        # a contact no source gave an identity (a CSV row with a name only) is its name's
        return [out.get(i) or by_name.get(identity.name_key(name), set()) for i, name in contacts]
    finally:
        conn.close()


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(people=populations(), steps=imports)
def test_as_many_contacts_as_people(
    people: list[Person], steps: list[Any], tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("identity")
    runner = CliRunner()
    commands = []
    for n, (source, flags, rnd) in enumerate(steps):
        chosen = [p for p in people if rnd.random() < 0.8] or people[:1]
        items = [record(source, p, flags[p.n % 6]) for p in chosen]
        commands.append(write_import(folder, source, items, n))
    seen_people = {p.n for p in people}
    results = []
    for order in itertools.islice(itertools.permutations(commands), 3):
        db = folder / f"{uuid.uuid4()}.db"
        for command in [*order, *order]:  # every import, then every re-import
            result = runner.invoke(app, ["--db", str(db), "import", *command])
            assert result.exit_code == 0, (command, result.stderr)
        mapping = owners(db, people)
        # each contact is one person, and each person who came in is one contact
        assert all(len(who) == 1 for who in mapping), mapping
        came = {next(iter(who)) for who in mapping}
        assert len(mapping) == len(came)
        assert came <= seen_people
        results.append(sorted(tuple(sorted(w)) for w in mapping))
        second = runner.invoke(app, ["--db", str(db), "import", *order[0]])
        assert "added 0" in second.stderr
    assert all(r == results[0] for r in results)

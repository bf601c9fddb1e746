"""``net contact dupes`` and doctor's look-alike check: pairs with their evidence."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from netjournal import lookalike


def row(i: int, name: str, **fields: Any) -> dict[str, Any]:
    return {"id": i, "name": name, "interactions": 0, **fields}


def test_pairs_with_evidence_most_likely_first() -> None:
    contacts = [
        row(1, "Ana Rossi", email="ana@x.example", company="Acme"),
        row(2, "Ana Rossi (Beta)", email="ana@y.example"),
        row(3, "Marco"),
        row(4, "Marco Neri", company="Acme"),
        row(5, "Marko Neri", company="Acme"),
        row(6, "Rossi, Ana", phone="+39 02 1234 5678"),
        row(7, "Zoe Black", phone="0039 02 12345678"),
        row(8, "李 小龍"),
        row(9, "李小龍"),
        row(10, "Paolo Verdi"),
    ]
    ids = {1: {("email", "ana@x.example")}, 2: {("email", "ana@y.example")}}
    found = {
        tuple(sorted((p.first["name"], p.second["name"]))): (p.evidence, p.score)
        for p in lookalike.pairs(contacts, ids)
    }
    assert found[("Ana Rossi", "Rossi, Ana")] == (["same name"], 4.0)
    assert found[("Rossi, Ana", "Zoe Black")] == (["same phone"], 4.0)
    assert found[("李 小龍", "李小龍")] == (["same name"], 4.0)
    assert found[("Marco Neri", "Marko Neri")] == (["close spelling", "same company"], 4.0)
    assert found[("Marco", "Marco Neri")] == (["one name starts the other"], 2.0)
    # an import kept these two apart for their emails: listed last, if at all
    assert ("Ana Rossi", "Ana Rossi (Beta)") not in found
    assert not any("Paolo Verdi" in names for names in found)
    scores = [score for _evidence, score in found.values()]
    ordered = [p.score for p in lookalike.pairs(contacts, ids)]
    assert ordered == sorted(ordered, reverse=True) and sorted(scores) == sorted(ordered)


def test_merge_command_keeps_the_one_with_history() -> None:
    a = row(1, "Ana Rossi (Beta)", interactions=0)
    b = row(2, "Ana Rossi", interactions=0)
    assert lookalike.merge_command(a, b) == "net contact merge 'Ana Rossi' 'Ana Rossi (Beta)'"
    c = row(3, "O'Brien", interactions=3)
    assert lookalike.merge_command(b, c) == "net contact merge 'O'\"'\"'Brien' 'Ana Rossi'"


def test_contact_dupes_lists_and_merges(ok: Callable[..., Any], tmp_path: Path) -> None:
    ok("log", "Marco", "-m", "met at BNI")
    ok("contact", "add", "Giulia Rossi", "--company", "Studio")
    path = tmp_path / "Connections.csv"
    path.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
        "Giula,Rossi,https://www.linkedin.com/in/giulia,,Studio,,15 Jan 2024\r\n",
        encoding="utf-8",
    )
    ok("import", "linkedin", str(path))
    data = json.loads(ok("contact", "dupes", "--json").stdout)
    assert data["pairs"] == [
        {
            "names": ["Giula Rossi", "Giulia Rossi"],
            "score": 4.0,
            "evidence": ["close spelling", "same company"],
            "merge": "net contact merge 'Giulia Rossi' 'Giula Rossi'",  # typed by hand
        }
    ]
    table = ok("contact", "dupes").stdout
    assert "Giula Rossi · Giulia Rossi" in table and "close spelling" in table
    ok("contact", "merge", "Giulia Rossi", "Giula Rossi")
    assert json.loads(ok("contact", "dupes", "--json").stdout) == {"pairs": []}
    assert ok("contact", "dupes").stderr.strip() == "No two contacts look like one person."


def test_doctor_reports_look_alikes(ok: Callable[..., Any], net: Callable[..., Any]) -> None:
    ok("contact", "add", "Marco Neri", "--email", "marco@neri.example")
    ok("contact", "add", "Marko Neri")
    result = net("doctor")
    assert (
        "'Marco Neri' and 'Marko Neri' look like one person (close spelling); if they are: "
        "net contact merge 'Marco Neri' 'Marko Neri'" in result.stdout + result.stderr
    )

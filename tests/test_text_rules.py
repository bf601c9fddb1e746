"""One rule for typed and imported text (issue 12, hole 2): control characters, direction
characters, invalid UTF-8 and lengths are refused the same way by `net log`, `contact add`,
the CSV, vCard and LinkedIn importers and `net import json`."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netjournal.errors import BadValue
from netjournal.interop import quick_name, quick_optional
from netjournal.text import MAX_TEXT, clean_name, clean_optional, clean_text

PAYLOAD = "\x1b]0;x\x07\x1b[2J"

# --- the rule itself ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("Ana\u202eRossi", "invisible control characters"),
        ("Ana\u2066Rossi", "U+2066"),
        ("Ana\u200eRossi", "U+200E"),  # a direction mark: two names would look alike
        ("Ana\u2028Rossi", "U+2028"),
        ("Ana\x85Rossi", "control characters"),  # C1 (NEL)
        ("Ana\x9bRossi", "control characters"),  # C1 CSI: an escape sequence on its own
        ("Ana\udcffRossi", "not valid UTF-8"),  # what Python makes of the byte 0xff in argv
        ("Ana\tRossi", "control characters"),
    ],
)
def test_names_refuse_what_they_cannot_show(raw: str, words: str) -> None:
    with pytest.raises(BadValue, match=re.escape(words)):
        clean_name(raw)


def test_one_line_fields_say_what_they_allow() -> None:
    with pytest.raises(BadValue) as info:
        clean_optional("Acme\tLtd", "company")
    assert "only newlines and tabs are allowed" not in info.value.message
    assert "one line of text, without tabs or line breaks" in info.value.message
    with pytest.raises(BadValue, match=re.escape("U+202E")):
        clean_optional("Acme\u202e", "company")
    with pytest.raises(BadValue, match="not valid UTF-8"):
        clean_optional("Acme\udc80", "company")


def test_notes_keep_newlines_tabs_and_direction_characters_but_not_controls() -> None:
    assert clean_text("two\tdaughters\nand a \u2067dog\u2069", "note") == (
        "two\tdaughters\nand a \u2067dog\u2069"
    )
    with pytest.raises(BadValue, match="only newlines and tabs are allowed"):
        clean_text(f"note {PAYLOAD}", "note")
    with pytest.raises(BadValue, match="not valid UTF-8"):
        clean_text("note \udcff", "note")


# the importers' fast paths are the same rule, not a second one
anything = st.text(st.characters(codec=None, exclude_categories=()), max_size=40) | st.sampled_from(
    ["Ana Rossi", " Ana  Rossi ", "", " ", "A" * 201, "A" * 20_001, "x\ty", "é"]
)


def _outcome(fn: Any, *args: Any) -> tuple[str, Any]:
    try:
        return ("ok", fn(*args))
    except BadValue as exc:
        return ("refused", exc.message)


@settings(max_examples=300, deadline=None)
@given(raw=anything)
def test_quick_name_is_clean_name(raw: str) -> None:
    assert _outcome(quick_name, raw) == _outcome(clean_name, raw)


@settings(max_examples=300, deadline=None)
@given(raw=anything)
def test_quick_optional_is_clean_optional(raw: str) -> None:
    assert _outcome(quick_optional, raw, "company") == _outcome(clean_optional, raw, "company")


# --- typed: argv with invalid UTF-8 -------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("log", "An\udcffa"),
        ("log", "Ana", "-m", "x\udcff"),
        ("contact", "add", "Bob", "--company", "\udcfe"),
        ("show", "\udcff"),
        ("due", "\udcff"),
        ("contacts", "--tag", "\udcff"),
    ],
)
def test_invalid_utf8_in_argv_is_a_sentence(net: Any, ok: Any, unchanged: Any, args: Any) -> None:
    ok("log", "Ana", "-m", "seed")
    with unchanged():
        result = net(*args)
    assert result.exit_code == 1, result.stderr
    assert "not valid UTF-8" in result.stderr
    assert "Unexpected error" not in result.stderr


# --- imported: the same sentences --------------------------------------------------------


def test_csv_import_refuses_controls_like_typing(ok: Any, rows: Any, tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text(
        "name,company,tags\r\n"
        "Good Person,Acme,a\r\n"
        f"Bad{PAYLOAD},Acme,\r\n"
        "Third Person,Acme\u202e,\r\n"
        f"Fourth Person,Acme,tag{PAYLOAD}\r\n",
        encoding="utf-8",
    )
    result = ok("import", "csv", str(path))
    assert result.stderr.startswith("CSV: added 1, updated 0, unchanged 0, skipped 3.")
    assert rows("SELECT name FROM contact") == [("Good Person",)]
    assert "\x1b" not in result.stderr  # the reasons quote the rows escaped
    assert "Bad\\x1b]0;x\\x07" in result.stderr


def test_vcard_import_refuses_a_note_with_escape_sequences(
    ok: Any, net: Any, rows: Any, tmp_path: Path
) -> None:
    path = tmp_path / "c.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Rossi\r\nNOTE:fine\r\nEND:VCARD\r\n"
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Marco Neri\r\nNOTE:evil {PAYLOAD}\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    result = ok("import", "vcard", str(path))
    assert result.stderr.startswith("vCard: added 1, updated 0, unchanged 0, skipped 1.")
    assert "skipped card 2: The note contains control characters" in result.stderr
    assert rows("SELECT text FROM fact") == [("fine",)]


def test_linkedin_import_refuses_bidi_in_names(ok: Any, rows: Any, tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
        "Ana,Rossi,,,Acme,CEO,15 Jan 2024\r\n"
        "Evil,\u202eilgnE,,,Acme,CEO,15 Jan 2024\r\n"
        "Marco,Neri,,,Ac\x9bme,CEO,15 Jan 2024\r\n",
        encoding="utf-8",
    )
    result = ok("import", "linkedin", str(path))
    assert result.stderr.startswith("LinkedIn: added 1, updated 0, unchanged 0, skipped 2.")
    assert rows("SELECT name FROM contact") == [("Ana Rossi",)]


# --- imported through `net import json`: every text column ----------------------------------


@pytest.fixture
def dump(ok: Any, tmp_path: Path) -> dict[str, Any]:
    ok("log", "Ana Rossi", "-m", "Lunch", "--give", "an intro", "--learned", "family:two kids")
    ok("followup", "Ana", "friday", "call back")
    ok("spend", "30", "BNI breakfast", "--event", "BNI")
    ok("target", "add", "IT managers")
    path = tmp_path / "dump.json"
    ok("export", "json", "-o", str(path))
    return json.loads(path.read_text(encoding="utf-8"))


def _refused(net: Any, db_path: Path, tmp_path: Path, data: dict[str, Any], words: str) -> None:
    db_path.unlink(missing_ok=True)
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = net("import", "json", str(path))
    assert result.exit_code == 1, result.stderr
    assert "is not a netjournal JSON export" in result.stderr
    assert words in result.stderr
    assert "\x1b" not in result.stderr


@pytest.mark.parametrize(
    ("table", "column", "value", "words"),
    [
        ("interaction", "note", "x" * 10_000_000, "too long"),
        ("interaction", "note", f"Lunch {PAYLOAD}", "control characters"),
        ("fact", "text", "two\x9bkids", "control characters"),
        ("exchange", "what", "intro\udcff", "not valid UTF-8"),
        ("followup", "note", "call \x1b[2J", "control characters"),
        ("expense", "what", "x" * (MAX_TEXT + 1), "too long"),
        ("expense", "event", "BNI\tMilano", "one line of text"),
        ("target", "text", "IT \x07", "control characters"),
        ("contact", "company", "Acme\u202e", "U+202E"),
        ("contact", "role", f"CEO{PAYLOAD}", "control characters"),
        ("contact", "email", "a@b.c\n", "one line of text"),
        ("contact", "met_at", "x" * 30_000, "too long"),
    ],
)
def test_import_json_checks_every_text_like_the_command_that_writes_it(
    net: Any,
    db_path: Path,
    tmp_path: Path,
    dump: dict[str, Any],
    table: str,
    column: str,
    value: str,
    words: str,
) -> None:
    dump["tables"][table][0][column] = value
    _refused(net, db_path, tmp_path, dump, words)


def test_import_json_checks_tags_and_names(
    net: Any, db_path: Path, tmp_path: Path, dump: dict[str, Any]
) -> None:
    dump["tables"]["contact"][0]["tags"] = json.dumps(["fine", f"bad{PAYLOAD}"])
    _refused(net, db_path, tmp_path, dump, "tag contains control characters")
    dump["tables"]["contact"][0]["tags"] = "[]"
    dump["tables"]["contact"][0]["name"] = "Ana\u202eRossi"
    _refused(net, db_path, tmp_path, dump, "U+202E")


@pytest.mark.parametrize(
    ("column", "value", "words"),
    [("cadence", 2**63, "beyond the whole numbers"), ("id", 10**12, "outside the record ids")],
)
def test_import_json_refuses_numbers_sqlite_cannot_hold(
    net: Any,
    db_path: Path,
    tmp_path: Path,
    dump: dict[str, Any],
    column: str,
    value: int,
    words: str,
) -> None:
    dump["tables"]["contact"][0][column] = value
    _refused(net, db_path, tmp_path, dump, words)


def test_a_clean_dump_still_restores_exactly(
    ok: Any, db_path: Path, tmp_path: Path, dump: dict[str, Any], net_json: Any
) -> None:
    dump["tables"]["interaction"][0]["note"] = "two lines\n\tand a \u2067רוני\u2069 mark"
    db_path.unlink()
    path = tmp_path / "clean.json"
    path.write_text(json.dumps(dump, ensure_ascii=False), encoding="utf-8")
    ok("import", "json", str(path))
    shown = net_json("show", "Ana", "--json")
    assert shown["interactions"][0]["note"] == "two lines\n\tand a \u2067רוני\u2069 mark"

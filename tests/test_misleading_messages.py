"""Messages that mislead (issue 12, hole 7): invalid UTF-8 in argv, ``NETJOURNAL_NOW`` out
of the journal's years, JSON nested 100,000 deep, an id of 2**63. Each gets its own
sentence naming the value and what to do, never "Unexpected error"."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest


@pytest.mark.parametrize(
    "value", ["0001-01-01", "9999-12-31", "1899-12-31T23:00:00", "3000-01-01T00:00:00+14:00"]
)
def test_now_out_of_range_names_the_variable_and_the_range(
    net: Callable[..., Any], value: str
) -> None:
    result = net("due", env={"NETJOURNAL_NOW": value})
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"NETJOURNAL_NOW is '{value}', outside the years a journal accepts (1900 to 2999); "
        "set it to a date in that range, or unset it to use the clock."
    )


def test_now_at_the_edges_of_the_range_works(ok: Callable[..., Any]) -> None:
    ok("log", "Ana Rossi", env={"NETJOURNAL_NOW": "1900-01-01"})
    ok("due", "--all", env={"NETJOURNAL_NOW": "2999-12-31T23:59:59"})


@pytest.mark.parametrize(
    "args",
    [
        ("rm", "i9223372036854775808"),
        ("edit", "g9223372036854775808", "-m", "x"),
        ("ask-status", "9223372036854775808", "granted"),
        ("ask-status", "a18446744073709551616", "declined"),
        ("target", "rm", "t99999999999999999999999"),
    ],
)
def test_an_id_beyond_sqlite_integers_is_no_such_record(
    net: Callable[..., Any], ok: Callable[..., Any], unchanged: Any, args: tuple[str, ...]
) -> None:
    ok("log", "Ana Rossi", "--ask", "a lead")
    with unchanged():
        result = net(*args)
    assert result.exit_code == 1
    assert "There is no record" in result.stderr
    assert "record ids have at most 12 digits" in result.stderr
    assert "Unexpected" not in result.stderr


def test_an_id_of_twelve_digits_is_looked_up(
    net: Callable[..., Any], ok: Callable[..., Any]
) -> None:
    ok("log", "Ana Rossi")
    assert net("rm", "i999999999999").stderr.strip() == "There is no record i999999999999."


def test_json_nested_100000_deep_is_not_an_export(net: Callable[..., Any], tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = net("import", "json", str(path))
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"{path} is not a netjournal JSON export: it is nested too deeply to be one."
    )


def test_deep_tags_inside_a_dump_are_not_a_list(
    net: Callable[..., Any], ok: Callable[..., Any], db_path: Path, tmp_path: Path
) -> None:
    import json

    ok("contact", "add", "Ana Rossi")
    dump = tmp_path / "dump.json"
    ok("export", "json", "-o", str(dump))
    data = json.loads(dump.read_text(encoding="utf-8"))
    data["tables"]["contact"][0]["tags"] = "[" * 5_000 + "]" * 5_000  # within MAX_TEXT
    dump.write_text(json.dumps(data), encoding="utf-8")
    db_path.unlink()
    result = net("import", "json", str(dump))
    assert result.exit_code == 1
    assert "'tags' is not a JSON list" in result.stderr


# --- the installed program, given bytes that are not UTF-8 ------------------------------------

ARGV = [
    [b"log", b"An\xffa"],
    [b"log", b"Ana Rossi", b"-m", b"caf\xe9"],  # Latin-1, not UTF-8
    [b"show", b"\xff"],
    [b"contacts", b"--tag", b"\xff"],
    [b"contact", b"add", b"Bob", b"--company", b"\xfe"],
    [b"give", b"Ana Rossi", b"x", b"-k", b"\xff"],
    [b"log", b"Ana Rossi", b"--on", b"\xff"],
    [b"show", b"--\xff"],
    [b"\xff"],
]


@pytest.mark.parametrize("argv", ARGV, ids=lambda a: repr(b" ".join(a)))
def test_invalid_utf8_in_argv_gets_a_sentence(
    ok: Callable[..., Any], db_path: Path, argv: list[bytes]
) -> None:
    ok("log", "Ana Rossi")
    done = subprocess.run(
        [sys.executable.encode(), b"-m", b"netjournal", *argv],
        capture_output=True,
        env={**os.environ, "NETJOURNAL_DEBUG": ""},
    )
    assert done.returncode in (1, 2), done.stderr
    assert b"Unexpected error" not in done.stderr
    assert b"Traceback" not in done.stderr
    assert b"\\udc" in done.stderr  # the offending byte, shown as an escape
    assert b"\xff" not in done.stderr and b"\xfe" not in done.stderr


def test_output_naming_an_invalid_utf8_path_never_fails(
    ok: Callable[..., Any], db_path: Path, tmp_path: Path
) -> None:
    ok("log", "Ana Rossi")
    folder = os.fsencode(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "netjournal", "export", "csv", "-o", folder + b"/\xff.csv"],
        capture_output=True,
        env={**os.environ, "NETJOURNAL_DEBUG": ""},
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith(b"Exported 1 contact to ") and b"\\udcff.csv" in done.stderr
    assert (tmp_path / os.fsdecode(b"\xff.csv")).exists()


def test_a_file_name_that_is_not_utf8_imports_and_undoes(
    ok: Callable[..., Any], db_path: Path, tmp_path: Path
) -> None:
    path = os.fsencode(tmp_path) + b"/caf\xe9.csv"  # a Latin-1 file name
    Path(os.fsdecode(path)).write_text("name\nAna Rossi\n", encoding="utf-8")
    env = {**os.environ, "NETJOURNAL_DEBUG": ""}
    net = [sys.executable, "-m", "netjournal"]
    done = subprocess.run([*net, "import", "csv", path], capture_output=True, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith(b"CSV: added 1,")
    undone = subprocess.run([*net, "undo"], capture_output=True, env=env)
    assert undone.stdout.startswith(b"Undid 'import csv caf\\udce9.csv'"), undone


def test_a_name_that_is_not_utf8_is_named_as_a_name(net: Callable[..., Any]) -> None:
    result = net("show", "An\udcffa")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "The name 'An\\udcffa' is not valid UTF-8 text; check that your terminal or file "
        "uses UTF-8."
    )

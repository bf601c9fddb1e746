"""What a real terminal receives (issue 12, hole 2): `python -m netjournal` runs under a
pseudo-terminal (the standard library's ``pty``), with colours on, as in a person's
terminal. A note holding a window-title sequence and a clear-screen
(``\\x1b]0;x\\x07\\x1b[2J``) is refused by `net import json`, vCard and CSV, and one that
an older net let in is shown escaped by `show`, `contacts`, `due` and `followups`: the only
escape sequences that reach the terminal are the colours net writes itself."""

from __future__ import annotations

import errno
import json
import os
import pty
import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from netjournal.text import fold

PAYLOAD = "\x1b]0;x\x07\x1b[2J"
SGR = re.compile(rb"\x1b\[[0-9;]*m")
#: control bytes a terminal acts on, other than the line ends the pty itself writes
FOREIGN = re.compile(rb"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]")

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pty is POSIX only")


def on_terminal(db: Path, config: Path, *args: str) -> bytes:
    """Run ``python -m netjournal ARGS`` with stdin, stdout and stderr on a pty."""
    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "NETJOURNAL_DEBUG")}
    env.update(
        NETJOURNAL_DB=str(db),
        NETJOURNAL_CONFIG=str(config),
        NETJOURNAL_NOW="2026-11-28T10:00:00",
        TERM="xterm-256color",
        COLUMNS="120",
        LINES="40",
        FORCE_COLOR="1",
    )
    env.pop("_TYPER_FORCE_DISABLE_TERMINAL", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "netjournal", *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        close_fds=True,
    )
    os.close(slave)
    chunks: list[bytes] = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError as exc:  # Linux: EIO once the child has closed its side
            if exc.errno != errno.EIO:
                raise
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    assert proc.wait(timeout=60) in (0, 1), b"".join(chunks)
    return b"".join(chunks)


def assert_only_our_sequences(output: bytes) -> None:
    assert b"\x1b]0;x\x07" not in output
    assert b"\x1b[2J" not in output
    assert FOREIGN.search(SGR.sub(b"", output)) is None, output
    assert b"\x1b" not in SGR.sub(b"", output), output
    assert b"Unexpected error" not in output


@pytest.fixture
def journal(ok: Callable[..., Any], db_path: Path, tmp_path: Path) -> dict[str, Path]:
    ok("log", "Ana Rossi", "-m", "Lunch", "--give", "an intro", "--follow-up", "yesterday")
    ok("learn", "Ana", "family", "two kids")
    ok("promise", "Ana", "the deck", "--by", "tomorrow")
    return {"db": db_path, "config": tmp_path / "config" / "config.toml", "tmp": tmp_path}


READS = (["show", "Ana"], ["contacts"], ["due"], ["followups"])


def test_import_json_refuses_the_payload_and_nothing_reaches_the_terminal(
    ok: Callable[..., Any], journal: dict[str, Path]
) -> None:
    dump = journal["tmp"] / "dump.json"
    ok("export", "json", "-o", str(dump))
    data = json.loads(dump.read_text(encoding="utf-8"))
    data["tables"]["interaction"][0]["note"] = f"Lunch {PAYLOAD}"
    data["tables"]["followup"][0]["note"] = PAYLOAD
    hostile = journal["tmp"] / "hostile.json"
    hostile.write_text(json.dumps(data), encoding="utf-8")
    fresh = journal["tmp"] / "fresh.db"
    output = on_terminal(fresh, journal["config"], "import", "json", str(hostile))
    assert b"not a netjournal JSON export" in output
    assert_only_our_sequences(output)
    for command in READS:
        assert_only_our_sequences(on_terminal(fresh, journal["config"], *command))


def test_vcard_and_csv_refuse_the_payload(journal: dict[str, Path]) -> None:
    cards = journal["tmp"] / "cards.vcf"
    cards.write_text(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Rossi\r\nNOTE:{PAYLOAD}\r\nEND:VCARD\r\n"
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Marco{PAYLOAD}\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    rows = journal["tmp"] / "rows.csv"
    rows.write_text(f"name,company,met_at\r\nLia Neri,Acme,{PAYLOAD}\r\n", encoding="utf-8")
    for command in (["import", "vcard", str(cards)], ["import", "csv", str(rows)]):
        output = on_terminal(journal["db"], journal["config"], *command)
        assert b"skipped" in output
        assert_only_our_sequences(output)
    for command in READS:
        output = on_terminal(journal["db"], journal["config"], *command)
        assert_only_our_sequences(output)
        assert b"\\x1b" not in output  # refused, so not even shown escaped


def test_what_an_older_import_let_in_is_shown_escaped(journal: dict[str, Path]) -> None:
    name = f"Ana {PAYLOAD}"
    conn = sqlite3.connect(journal["db"])
    with conn:
        conn.execute(
            "UPDATE contact SET name=?, name_folded=?, company=?, tags=?",
            (name, fold(name), PAYLOAD, json.dumps([PAYLOAD])),
        )
        conn.execute("UPDATE interaction SET note=?", (PAYLOAD,))
        conn.execute("UPDATE fact SET text=?", (PAYLOAD,))
        conn.execute("UPDATE followup SET note=?", (PAYLOAD,))
    conn.close()
    for command in (*READS, ["due", "--all"], ["export", "csv"], ["export", "vcard"]):
        output = on_terminal(journal["db"], journal["config"], *command)
        assert_only_our_sequences(output)
        assert b"\\x1b]0" in output and b"x\\x07\\x1b[2J" in output, (command, output)

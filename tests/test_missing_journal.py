"""Reads never create a journal: a mistyped NETJOURNAL_DB or --db must not look like an
empty journal ("Nobody is due"). Read commands on a path with no journal say so and exit
1, leaving no file and no folder behind; writes create it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

Run = Callable[..., Result]

READS = [
    ("due",),
    ("due", "--all"),
    ("balance",),
    ("depth",),
    ("contacts",),
    ("show", "Ana Rossi"),
    ("asks",),
    ("followups",),
    ("goals",),
    ("expenses",),
    ("budget",),
    ("budget", "show", "--json"),
    ("targets",),
    ("match",),
    ("review",),
    ("review", "--month"),
    ("search", "coffee"),
    ("intros",),
    ("graph",),
    ("path", "Ana Rossi", "Marco Neri"),
    ("export", "json"),
    ("export", "csv"),
    ("export", "vcard"),
    ("export", "ics"),
    ("--json", "balance"),
]


def _sentence(path: Path) -> str:
    return f"No journal at {path} yet (`net log` or `net import` creates it)."


@pytest.mark.parametrize("args", READS, ids=" ".join)
def test_a_read_on_a_missing_path_says_so_and_creates_nothing(
    net: Run, db_path: Path, args: tuple[str, ...]
) -> None:
    result = net(*args)
    assert result.exit_code == 1, (result.stdout, result.stderr)
    assert result.stderr.strip() == _sentence(db_path)
    assert result.stdout == ""
    assert not db_path.exists()
    assert not db_path.parent.exists()  # the folders are not made either


def test_a_mistyped_db_option_after_the_command_creates_nothing(net: Run, tmp_path: Path) -> None:
    typo = tmp_path / "notes" / "jounral" / "j.db"
    result = net("due", "--db", str(typo))
    assert result.exit_code == 1
    assert result.stderr.strip() == _sentence(typo)
    assert not (tmp_path / "notes").exists()


def test_an_empty_file_is_no_journal_yet_and_stays_empty(net: Run, db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.touch()
    result = net("contacts")
    assert result.exit_code == 1
    assert result.stderr.strip() == _sentence(db_path)
    assert db_path.stat().st_size == 0


def test_plain_net_on_an_empty_file_welcomes_and_leaves_it_empty(ok: Run, db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.touch()
    assert "Welcome to net" in ok().stdout
    assert db_path.stat().st_size == 0


def test_writes_create_the_journal_and_reads_then_work(ok: Run, db_path: Path) -> None:
    ok("log", "Ana Rossi", "-m", "coffee")
    assert db_path.exists()
    assert "Ana Rossi" in ok("contacts").stdout


def test_an_empty_journal_reads_as_empty(ok: Run, empty_journal: Path) -> None:
    assert "Nobody is due" in ok("due").stderr


def test_a_dry_run_capture_on_a_missing_path_proposes_without_creating(
    ok: Run, db_path: Path, tmp_path: Path
) -> None:
    notes = tmp_path / "inbox.txt"
    notes.write_text("2026-11-20 coffee with Ana Rossi\n", encoding="utf-8")
    done = ok("inbox", str(notes), "--dry-run")
    assert "Ana Rossi" in done.stdout + done.stderr
    assert not db_path.exists()


def test_the_installed_net_on_a_missing_path(tmp_path: Path) -> None:
    typo = tmp_path / "jounral" / "j.db"
    env = {**os.environ, "NETJOURNAL_DB": str(typo)}
    done = subprocess.run(
        [sys.executable, "-m", "netjournal", "due"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.strip() == _sentence(typo)
    assert not typo.parent.exists()


@pytest.mark.parametrize(
    "args",
    [("undo",), ("edit", "i1", "-m", "x"), ("rm", "i1"), ("log", "Ana Rossi", "--on", "tomorrow")],
    ids=" ".join,
)
def test_a_write_that_fails_on_a_missing_path_leaves_no_file_or_folder(
    net: Run, db_path: Path, args: tuple[str, ...]
) -> None:
    result = net(*args)
    assert result.exit_code == 1
    assert not db_path.parent.exists()

"""The renderer never writes a control character it did not create itself (issue 12,
hole 2, defence in depth): whatever text a journal holds (an older `net` imported escape
sequences without checking them), tables, panels, confirmations, errors and JSON show it
with visible escapes (``\\x1b``, ``\\u202e``), and JSON stays the same data."""

from __future__ import annotations

import io
import json
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rich.console import Console

from netjournal.render import contacts as render_contacts
from netjournal.table import Table
from netjournal.text import fold, safe_json, visible

#: what must never reach the terminal as it is
FORBIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
#: Rich's own colour codes (the only escape sequences net writes)
SGR = re.compile("\x1b\\[[0-9;]*m")
PAYLOAD = "\x1b]0;x\x07\x1b[2J"

hostile_char = st.one_of(
    st.characters(min_codepoint=0, max_codepoint=0x9F),
    st.sampled_from(list("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029")),
    st.characters(exclude_categories=("Cs",)),
)
hostile = st.one_of(
    st.just(PAYLOAD),
    st.text(hostile_char, min_size=1, max_size=30),
    st.text(hostile_char, min_size=1, max_size=10).map(lambda t: f"Ana {t} Rossi"),
)


def clean(text: str) -> bool:
    return FORBIDDEN.search(SGR.sub("", text)) is None


# --- the helpers ----------------------------------------------------------------------------


@given(text=st.text(st.characters(codec=None)))
def test_visible_leaves_nothing_a_terminal_acts_on(text: str) -> None:
    shown = visible(text)
    assert clean(shown)
    assert not re.search("[\ud800-\udfff]", shown)
    assert shown.count("\n") == text.count("\n")


@given(data=st.recursive(st.text(st.characters(codec=None)), lambda kids: st.lists(kids)))
@example(data=["plain ASCII", "but a DEL\x7f"])  # the ASCII fast path still escapes DEL
@example(data="Müller\u202e")
def test_safe_json_is_the_same_json_data(data: Any) -> None:
    dumped = safe_json(json.dumps(data, ensure_ascii=False))
    assert json.loads(dumped) == data
    assert clean(dumped)
    assert not re.search("[\ud800-\udfff]", dumped)


@settings(max_examples=200, deadline=None)
@given(cells=st.lists(st.tuples(hostile, hostile, hostile), min_size=1, max_size=5), title=hostile)
def test_tables_in_colour_never_carry_foreign_controls(
    cells: list[tuple[str, str, str]], title: str
) -> None:
    t = Table("name", ">n", "note", title=title, names=["name"], text=["note"])
    for name, n, note in cells:
        t.add_row([(name, "bold"), (" (archived)", "dim")], (n, "red"), note)
    for color in (True, False):
        out = io.StringIO()
        console = Console(
            file=out,
            width=60,
            force_terminal=color,
            color_system="truecolor" if color else None,
            no_color=not color,
        )
        t.print_to(console)
        assert clean(out.getvalue())


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=hostile, company=hostile, tag=hostile)
def test_the_profile_panel_never_carries_foreign_controls(
    name: str, company: str, tag: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = io.StringIO()
    colour = Console(file=out, width=80, force_terminal=True, color_system="truecolor")
    monkeypatch.setattr(render_contacts, "console", lambda: colour)
    profile = {
        "name": name,
        "role": tag,
        "company": company,
        "email": tag,
        "phone": tag,
        "birthday": "--05-17",
        "tier": "active",
        "kin": False,
        "cadence": None,
        "met_on": None,
        "met_at": company,
        "tags": [tag],
        "archived": False,
        "balance": {"balance": 0.0, "label": "no exchanges yet", "gives": 0, "asks": 0},
        "depth": {"depth": 0.0, "band": "surface"},
        "stage": "contact",
        "hint": tag,
        "facts": [{"id": "f1", "category": "other", "text": tag, "learned_on": "2026-01-01"}],
        "followups": [],
        "gives": [],
        "asks": [],
        "interactions": [],
    }
    render_contacts.show(profile, as_json=False)
    assert clean(out.getvalue())


# --- the commands, on a journal that already holds such text --------------------------------


def plant(db: Path, text: str) -> str:
    """Write ``text`` into every text column of the seeded journal, bypassing the rules,
    as an older net's import would have; returns the contact's new name."""
    name = f"Ana{text}"
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(
            "UPDATE contact SET name=?, name_folded=?, company=?, role=?, email=?, phone=?, "
            "met_at=?, tags=? WHERE id=1",
            (name, fold(name), text, text, text, text, text, json.dumps([text])),
        )
        for table, column in (
            ("interaction", "note"),
            ("fact", "text"),
            ("exchange", "what"),
            ("followup", "note"),
            ("target", "text"),
            ("expense", "what"),
            ("expense", "event"),
        ):
            conn.execute(f"UPDATE {table} SET {column}=?", (text,))
    conn.close()
    return name


@pytest.fixture
def seeded(ok: Callable[..., Any]) -> None:
    ok("log", "Ana Rossi", "-m", "Lunch", "--give", "an intro", "--ask", "a lead")
    ok("learn", "Ana", "family", "two kids")
    ok("followup", "Ana", "yesterday", "call back")
    ok("promise", "Ana", "the deck", "--by", "tomorrow")
    ok("target", "add", "IT managers")
    ok("spend", "30", "BNI breakfast", "--event", "BNI", "--contact", "Ana")


COMMANDS = [
    ["show", "NAME"],
    ["show", "NAME", "--json"],
    ["contacts"],
    ["contacts", "--json"],
    ["due"],
    ["due", "--all"],
    ["due", "NAME"],
    ["due", "--json"],
    ["followups"],
    ["followups", "--json"],
    ["balance"],
    ["balance", "NAME"],
    ["depth", "NAME"],
    ["asks"],
    ["targets"],
    ["expenses"],
    ["review", "--year"],
    ["match"],
    ["export", "json"],  # CSV and vCard to a pipe are the data as it is (tests/test_pty.py
    # shows them escaped on a terminal)
    ["give", "NAME", "a book"],
    ["ask", "NAME", "a big deal", "-k", "business", "--amount", "90000"],  # warnings quote NAME
    ["done", "NAME"],
    ["snooze", "NAME", "in 2 weeks"],
    ["contact", "edit", "NAME", "--role", "CEO"],
    ["show", "Ana"],  # a prefix of the planted name: resolution found, or an error quoting it
]


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=hostile)
def test_no_command_prints_what_the_journal_holds_raw(
    seeded: None, net: Callable[..., Any], db_path: Path, tmp_path: Path, text: str
) -> None:
    import shutil

    backup = tmp_path / "seeded.db"
    if not backup.exists():
        shutil.copyfile(db_path, backup)
    shutil.copyfile(backup, db_path)
    name = plant(db_path, text)
    for command in COMMANDS:
        args = [name if a == "NAME" else a for a in command]
        result = net(*args)
        assert result.exit_code in (0, 1), (args, result.stderr)
        assert "Unexpected error" not in result.stderr, (args, result.stderr)
        assert clean(result.stdout), (args, result.stdout)
        assert clean(result.stderr), (args, result.stderr)
        if "--json" in args or args[:2] == ["export", "json"]:
            json.loads(result.stdout)


@pytest.mark.parametrize(
    "command", [["show", "NAME"], ["contacts"], ["due", "--all"], ["followups"], ["asks"]]
)
def test_planted_escape_sequences_are_shown_escaped(
    seeded: None, ok: Callable[..., Any], db_path: Path, command: list[str]
) -> None:
    name = plant(db_path, PAYLOAD)
    result = ok(*[name if a == "NAME" else a for a in command])
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "\\x1b]0;x\\x07\\x1b[2J" in result.stdout


def test_warnings_quote_a_planted_name_escaped(
    seeded: None, ok: Callable[..., Any], db_path: Path
) -> None:
    name = plant(db_path, PAYLOAD)
    result = ok("ask", name, "a big deal", "-k", "business", "--amount", "90000")
    assert "deposit before you withdraw" in result.stderr
    assert "\x1b" not in result.stderr and "Ana\\x1b]0;x\\x07" in result.stderr

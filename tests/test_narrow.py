"""Tables on narrow terminals: numbers, dates and labels never wrap, names wrap only
between words and only when nothing else helps, the least important columns go first
and a footer names them."""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from netjournal.table import Table

NAMES = ["Annalisa Bernasconi", "Bartolomeo Esposito", "Zoë Müller-Lüdenscheidt"]


@pytest.fixture
def journal(ok):
    ok(
        "log",
        "Annalisa Bernasconi",
        "Giulia Ferraretti",
        "-k",
        "meal",
        "--on",
        "2026-10-02",
        "-m",
        "Long lunch at the Caffè Cova talking about their second office in Lugano and the "
        "notary they need",
        "--give",
        "introduction:to a notary in Lugano",
        "--learned",
        "family:two daughters",
    )
    ok("log", "Bartolomeo Esposito", "--on", "2026-11-10", "--ask", "referral:a CFO")
    ok("log", "Zoë Müller-Lüdenscheidt", "--on", "2026-06-01", "-m", "Met at the BNI breakfast")
    ok(
        "promise",
        "Annalisa",
        "send the Lugano notary's contact and the draft",
        "--by",
        "2026-11-20",
    )
    ok("followup", "Zoë", "2026-12-02", "ask how the software pilot went")


def _at(ok, width: int, *args: str) -> list[str]:
    return ok(*args, env={"COLUMNS": str(width)}).stdout.splitlines()


COMMANDS = [
    ("due",),
    ("due", "--all"),
    ("balance",),
    ("depth",),
    ("contacts",),
    ("asks",),
    ("followups",),
    ("show", "Annalisa"),
    ("due", "Annalisa"),
    ("balance", "Bartolomeo"),
    ("depth", "Annalisa"),
    ("search", "notary"),
    ("review",),
]


@pytest.mark.parametrize("width", [40, 60, 80, 120])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_no_line_is_wider_than_the_terminal(journal, ok, width, args) -> None:
    for line in _at(ok, width, *args):
        assert cell_len(line) <= width, line


@pytest.mark.parametrize("args", [("balance",), ("due", "--all"), ("depth",), ("contacts",)])
def test_two_word_names_stay_on_one_line_at_80(journal, ok, args) -> None:
    lines = _at(ok, 80, *args)
    for name in NAMES:
        assert any(name in line for line in lines), (name, lines)


def test_balance_at_60_keeps_labels_and_numbers_whole_and_names_what_it_hid(journal, ok) -> None:
    lines = _at(ok, 60, "balance")
    assert any("no exchanges yet" in line for line in lines)
    assert any("-4.83" in line and "Bartolomeo Esposito" in line for line in lines)
    assert hidden(lines)[:3] == ["lifetime g/t", "given", "taken"]
    assert "(widen it or use --json)" in " ".join(lines)


@pytest.mark.parametrize("width", [40, 60, 80])
def test_due_never_splits_a_date(journal, ok, width) -> None:
    lines = _at(ok, width, "due", "--all")
    for line in lines:
        for found in re.findall(r"2026-[0-9-]*", line):
            assert re.fullmatch(r"2026-\d\d-\d\d", found), line
    assert hidden(lines)[:2] == ["last contact", "due"]


def test_wide_terminal_hides_nothing(journal, ok) -> None:
    for args in COMMANDS:
        assert "Hidden to fit" not in ok(*args, env={"COLUMNS": "200"}).stdout


# --- the table code itself ----------------------------------------------------------------


def printed(t: Table, width: int) -> list[str]:
    out = io.StringIO()
    t.print_to(Console(file=out, width=width, color_system=None, no_color=True))
    return out.getvalue().splitlines()


def hidden(lines: list[str]) -> list[str]:
    at = next((k for k, line in enumerate(lines) if line.startswith("  Hidden to fit")), None)
    if at is None:
        return []
    footer = " ".join(line.strip() for line in lines[at:])
    return footer.split("): ", 1)[1].split(" (widen", 1)[0].split(", ")


def test_drop_order_then_text_wraps_and_a_fitting_table_is_unchanged() -> None:
    t = Table(">#", "name", "last met", "why", names=["name"], text=["why"], drop=["last met"])
    t.add_row("1", "Ana Rossi", "2026-10-02 (57d ago)", "promise overdue; tier close; depth 46")
    wide = printed(t, 120)
    assert hidden(wide) == [] and "  1   Ana Rossi   2026-10-02 (57d ago)   promise" in wide[3]
    narrow = printed(t, 40)
    assert hidden(narrow) == ["last met"]
    assert narrow[3].startswith("  1   Ana Rossi   promise")


LETTERS = st.characters(codec="utf-8", categories=["Lu", "Ll"])
WORD = st.text(LETTERS, min_size=1, max_size=12)
NUMBER = st.one_of(
    st.integers(-9999, 99999).map(str),
    st.floats(-999, 999, allow_nan=False).map(lambda x: f"{x:+.2f}"),
    st.tuples(st.floats(0, 99), st.floats(0, 99)).map(lambda p: f"{p[0]:.1f}/{p[1]:.1f}"),
)
DATE = st.dates().map(lambda d: d.isoformat())
LABEL = st.sampled_from(
    [
        "overdrawn",
        "no exchanges yet",
        "in credit",
        "acquainted",
        "visibility",
        "a12",
        "r3",
        "dormant but was strong",
        "2026-11-20 (overdue)",
        "promise",
        "follow-up",
    ]
)
NAME = st.lists(WORD, min_size=1, max_size=3).map(" ".join)
TEXT = st.lists(st.text(LETTERS, min_size=1, max_size=18), max_size=25).map(" ".join)
KIND = {"number": NUMBER, "date": DATE, "label": LABEL, "names": NAME, "text": TEXT}


@st.composite
def tables(draw):
    kinds = draw(st.lists(st.sampled_from(list(KIND)), min_size=1, max_size=9))
    headers = [
        f"{draw(st.sampled_from(['c', 'col', 'last met', 'size/amount']))}{i}"
        for i in range(len(kinds))
    ]
    rows = draw(st.lists(st.tuples(*(KIND[k] for k in kinds)), min_size=1, max_size=6))
    drop = draw(st.permutations(range(len(kinds))))[: draw(st.integers(0, len(kinds)))]
    title = draw(st.one_of(st.none(), NAME))
    return kinds, headers, rows, drop, title


@settings(max_examples=300, deadline=None)
@given(table=tables(), width=st.integers(40, 160))
def test_numbers_dates_labels_and_name_words_are_never_split(table, width) -> None:
    kinds, headers, rows, drop, title = table
    t = Table(
        *headers,
        title=title,
        names=[i for i, k in enumerate(kinds) if k == "names"],
        text=[i for i, k in enumerate(kinds) if k == "text"],
        drop=drop,
    )
    for row in rows:
        t.add_row(*row)
    lines = printed(t, width)
    assert all(cell_len(line) <= width for line in lines)
    gone = hidden(lines)
    for i, kind in enumerate(kinds):
        if headers[i] in gone or kind == "text":
            continue
        for row in rows:
            pieces = row[i].split(" ") if kind == "names" else [row[i]]
            for piece in pieces:
                assert any(piece in line for line in lines), (piece, lines)

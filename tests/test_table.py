"""The plain table layout (``netjournal.table``): what a person reads in every report."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from netjournal.table import Table


def printed(t: Table, width: int = 80, color: bool = False) -> str:
    out = io.StringIO()
    console = Console(
        file=out,
        width=width,
        force_terminal=color,
        color_system="standard" if color else None,
        no_color=not color,  # the suite runs with NO_COLOR=1
    )
    t.print_to(console)
    return out.getvalue()


def test_header_rule_rows_and_sections_line_up() -> None:
    t = Table("name", ">gives", title="Give and take")
    t.add_row("Ana Rossi", "3")
    t.add_row("Bo", "12")
    t.add_section()
    t.add_row(("network", "bold"), "15")
    assert printed(t).splitlines() == [
        "Give and take",
        "",
        "  name        gives",
        " ───────────────────",
        "  Ana Rossi       3",
        "  Bo             12",
        "",
        "  network        15",
        "",
    ]


def test_text_that_looks_like_markup_prints_as_written() -> None:
    t = Table("name")
    t.add_row("[bold]Ana[/] [red]")
    assert "[bold]Ana[/] [red]" in printed(t)


def test_wide_characters_line_up_by_terminal_cells() -> None:
    t = Table("name", ">n")
    t.add_row("山田太郎", "1")
    t.add_row("Ana", "22")
    lines = printed(t).splitlines()
    assert lines[3] == "  山田太郎    1"
    assert lines[4] == "  Ana        22"
    assert cell_len(lines[3]) == cell_len(lines[4])


def test_long_cells_wrap_between_words_to_fit_the_terminal() -> None:
    t = Table("name", "why", names=["name"], text=["why"])
    t.add_row("Ana Rossi", "promise overdue since 2026-06-09; tier close; depth 46 at stake")
    lines = printed(t, width=40).splitlines()
    assert all(cell_len(line) <= 40 for line in lines)
    assert lines[3].startswith("  Ana Rossi   promise overdue")
    text = " ".join(line[14:].strip() for line in lines[3:] if line.strip())
    assert text == "promise overdue since 2026-06-09; tier close; depth 46 at stake"


def test_styles_reach_a_colour_terminal_and_stay_off_a_pipe(monkeypatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    t = Table("label")
    t.add_row(("overdrawn", "red"))
    assert "\x1b[31moverdrawn" in printed(t, color=True)
    assert "\x1b[" not in printed(t)


CELL = st.text(
    st.characters(codec="utf-8", categories=["L", "N", "P", "Zs"], exclude_characters="\n"),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(
    rows=st.lists(st.tuples(CELL, CELL, CELL), max_size=5),
    width=st.integers(20, 120),
)
def test_any_text_fits_the_width_and_keeps_every_word(rows, width) -> None:
    t = Table("name", ">n", "note", text=["name", "n", "note"])  # all may wrap
    for row in rows:
        t.add_row(*row)
    lines = printed(t, width=width).splitlines()
    assert all(cell_len(line) <= width for line in lines)
    at = next((k for k, line in enumerate(lines) if line.startswith("  Hidden to fit")), None)
    footer = " ".join(line.strip() for line in lines[at:]) if at is not None else ""
    shown = "".join("".join(line.split()) for line in lines)
    for row in rows:
        for header, cell in zip(("name", "n", "note"), row, strict=True):
            if f" {header}," in footer or f" {header} (" in footer:
                continue  # too narrow for every column: this one is named as hidden
            for word in cell.split():
                assert all(ch in shown for ch in word)

"""The day's page (plain ``net``, ``net today``): one screen with the top of ``net due``,
this week's follow-ups and promises, the goals and the streak.

The page is laid out as lines first, so it can be fitted to :data:`PAGE_LINES`: when the
sections are taller, rows are left out from the bottom of the longer list (the follow-ups
or the contacts, never below one each) and a line says how many more the full command
shows. The JSON holds the whole data the page was drawn from.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from netjournal.plural import plural
from netjournal.render import console, emit_json

if TYPE_CHECKING:
    from rich.console import Console

    from netjournal.table import Run

#: a 24-line screen with the shell's prompt under the page
PAGE_LINES = 23

Line = list["Run"]


def today(data: dict[str, Any], *, as_json: bool) -> None:
    """Print the day's page (or its JSON)."""
    if as_json:
        emit_json(data)
        return
    c = console()
    _print(page(data, c.width), c)


def welcome(path: str) -> None:
    """No journal yet: what it would be and how to start one."""
    from netjournal import messages
    from netjournal.text import visible

    c = console()
    _print(
        [[(visible(line), "")] for line in messages.TODAY_WELCOME.format(path=path).split("\n")], c
    )


def page(data: dict[str, Any], width: int, height: int = PAGE_LINES) -> list[Line]:
    """The page as lines of styled runs, at most ``width`` cells wide and, whenever one
    contact and one follow-up leave room for it, at most ``height`` lines."""
    from netjournal import messages

    if not (data["due"] or data["followups"] or data["goals"] or data["streak"]):
        return _paragraph([(messages.TODAY_EMPTY, "")], width)
    n_due = len(data["due"])
    n_followups = min(len(data["followups"]), height)
    while True:
        lines = _compose(data, width, n_due, n_followups)
        if len(lines) <= height:
            return lines
        if n_followups > n_due and n_followups > 1:
            n_followups -= 1
        elif n_due > 1:
            n_due -= 1
        elif n_followups > 1:
            n_followups -= 1
        else:
            return lines


def _compose(data: dict[str, Any], width: int, n_due: int, n_followups: int) -> list[Line]:
    lines: list[Line] = [_header(data)]
    lines.append([])
    lines.extend(_due(data, width, n_due))
    lines.append([])
    lines.extend(_followups(data, width, n_followups))
    lines.append([])
    lines.extend(_goals(data, width))
    return lines


def _header(data: dict[str, Any]) -> Line:
    from netjournal import messages
    from netjournal.render.goals import days_text

    day = date.fromisoformat(data["as_of"])
    when = f"{day:%A} {day.day} {day:%B} {day.year}"
    if data["streak"]:
        streak = messages.TODAY_STREAK.format(days=days_text(data["streak"]))
    else:
        streak = messages.TODAY_NO_STREAK
    return [(when, "bold"), (" · " + streak, "")]


def _due(data: dict[str, Any], width: int, rows: int) -> list[Line]:
    from netjournal import messages
    from netjournal.render import table

    items = data["due"][:rows]
    if not items:
        return _paragraph(
            [(messages.DUE_NOTHING.format(days=plural(data["due_within"], "day")), "")], width
        )
    t = table(">", "", ">", "")
    for index, item in enumerate(items, start=1):
        t.add_row(str(index), item["name"], f"{item['urgency']:.1f}", "; ".join(item["reasons"]))
    lines = [[(messages.TODAY_DUE_TITLE, "bold")], *_body(t.lines(width))]
    more = data["due_count"] - len(items)
    if more > 0:
        lines.append([(messages.TODAY_DUE_MORE.format(more=more), "dim")])
    return lines


def _followups(data: dict[str, Any], width: int, rows: int) -> list[Line]:
    from netjournal import messages
    from netjournal.render import table
    from netjournal.render.due import due_cell

    items = data["followups"][:rows]
    if not items:
        return _paragraph([(messages.TODAY_NO_FOLLOWUPS, "")], width)
    t = table("", "", "", "")
    for item in items:
        t.add_row(due_cell(item), item["name"], item["kind"], item["note"])
    lines = [[(messages.TODAY_FOLLOWUPS_TITLE, "bold")], *_body(t.lines(width))]
    more = len(data["followups"]) - len(items)
    if more > 0:
        lines.append([(messages.TODAY_FOLLOWUPS_MORE.format(more=more), "dim")])
    return lines


def _goals(data: dict[str, Any], width: int) -> list[Line]:
    from netjournal import messages

    if not data["goals"]:
        return _paragraph([(messages.NO_GOALS, "")], width)
    runs: list[Run] = [(messages.TODAY_GOALS, "bold")]
    for index, g in enumerate(data["goals"]):
        text = messages.TODAY_GOAL.format(
            metric=g["metric"], actual=g["actual"], target=g["target"], per=g["per"]
        )
        runs.append((";" if index else "", ""))
        runs.append((" " + text, "green" if g["actual"] >= g["target"] else ""))
    return _paragraph(runs, width)


def _body(lines: list[Line]) -> list[Line]:
    """A headerless table's rows: what comes after its (blank) header and rule, without
    the blank lines around it."""
    for index, line in enumerate(lines):
        if line and line[0][0].lstrip().startswith("─"):
            lines = lines[index + 1 :]
            break
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _paragraph(runs: list[Run], width: int) -> list[Line]:
    """Runs wrapped at spaces to ``width`` cells (as a one-column table wraps them)."""
    from netjournal.render import table

    t = table("")
    t.add_row(runs)
    return [_unindent(line) for line in _body(t.lines(width + 4))]


def _unindent(line: Line) -> Line:
    """A table line without the table's two-cell left edge."""
    if line and line[0][0].startswith("  "):
        return [(line[0][0][2:], line[0][1]), *line[1:]]
    return line


def _print(lines: list[Line], c: Console) -> None:
    """The lines as they are without colours (a pipe, NO_COLOR), else styled by Rich."""
    if c.color_system is None and not c.record:
        c.file.write("".join("".join(text for text, _ in line) + "\n" for line in lines))
        return
    from rich.text import Text

    text = Text(end="", no_wrap=True, overflow="ignore")
    for line in lines:
        for chunk, style in line:
            text.append(chunk, style or None)
        text.append("\n")
    c.print(text, soft_wrap=True, end="")

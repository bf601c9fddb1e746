"""``net review`` drawn: the same Rich renderables print on the terminal and become the
SVG of ``--svg``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from netjournal.plural import plural
from netjournal.render.goals import budget_cell, budget_line, days_text, money_line
from netjournal.text import visible

if TYPE_CHECKING:
    from rich.console import Console, RenderableType


def _bar(n: int, top: int, width: int = 30) -> str:
    if top == 0 or n == 0:
        return ""
    return "█" * max(1, round(n * width / top))


def _activity(data: dict[str, Any]) -> list[RenderableType]:
    from rich.text import Text

    act = data["activity"]
    kinds = ", ".join(plural(n, k) for k, n in act["by_kind"].items()) or "none"
    lines = [
        f"interactions  {act['interactions']} ({kinds})",
        f"new contacts  {act['new_contacts']}",
        f"facts learned {act['facts']}",
        f"gives         {act['gives']['count']} ({plural(act['gives']['points'], 'point')})",
        f"asks          {act['asks']['count']} ({plural(act['asks']['points'], 'point')})",
        f"follow-ups    {act['follow_ups_done']} done, {act['follow_ups_missed']} missed",
        f"streak        {days_text(data['streak'])}",
    ]
    return [Text("\nActivity", style="bold underline"), Text("\n".join(lines))]


def _weeks(data: dict[str, Any]) -> list[RenderableType]:
    from rich.text import Text

    top = max([max(w["gives"], w["asks"]) for w in data["weeks"]] or [0])
    chart = Text()
    for w in data["weeks"]:
        chart.append(f"{w['week']}  gives ")
        chart.append(_bar(w["gives"], top), style="green")
        chart.append(f" {w['gives']}\n")
        chart.append(" " * 12 + "asks  ")
        chart.append(_bar(w["asks"], top), style="magenta")
        chart.append(f" {w['asks']}\n")
    return [Text("\nGives against asks per week", style="bold underline"), chart]


def _goals_and_habits(data: dict[str, Any]) -> list[RenderableType]:
    from netjournal import render

    out: list[RenderableType] = []
    if data["goals"]:
        t = render.table("goal", "per", ">actual  [% of target]", title="Goals", drop=["per"])
        for g in data["goals"]:
            cell = budget_cell(g["actual"], g["target"], g["percent"])
            t.add_row(g["metric"], f"{g['goal']} a {g['per']}", cell)
        out.append(t)
    t = render.table("", "habit", "figure", title="Proactive habits", text=["habit", "figure"])
    for h in data["habits"]:
        mark = ("✓", "green") if h["in_place"] else ("✗", "red")
        t.add_row(mark, h["habit"], h["figure"])
    out.append(t)
    return out


def _money(data: dict[str, Any], currency: str) -> list[RenderableType]:
    from rich.text import Text

    money = data["money"]
    money_lines = [money_line(money, currency)]
    if money["budget"]:
        money_lines.append(budget_line(money["budget"], currency))
    # the currency comes from the config
    return [Text("Money", style="bold underline"), Text(visible("\n".join(money_lines)))]


def _stages(data: dict[str, Any]) -> list[RenderableType]:
    from rich.text import Text

    stages = data["stages"]
    counts = "  ".join(f"{k} {n}" for k, n in stages["counts"].items())
    moved = [visible(f"{m['name']}: {m['from']} → {m['to']}") for m in stages["moved"]]
    since = stages["since"]
    tail = (
        "\nmoved since " + since + ":\n  " + "\n  ".join(moved)
        if moved
        else "\nnobody moved since " + since
    )
    out: list[RenderableType] = [Text("\nStages", style="bold underline"), Text(counts + tail)]
    if data["depth"]["wide_but_shallow"]:
        out.append(Text("\nWide but shallow: many contacts, few deep ones.", style="bold red"))
    return out


def review_renderables(data: dict[str, Any], currency: str) -> list[RenderableType]:
    """The review as Rich renderables: printed on the terminal and saved as SVG alike."""
    from rich.text import Text

    title = f"Networking review {data['from']} – {data['to']} ({days_text(data['days'])})"
    return [
        Text(title, style="bold"),
        *_activity(data),
        *_weeks(data),
        *_goals_and_habits(data),
        *_money(data, currency),
        *_stages(data),
    ]


def print_review(data: dict[str, Any], currency: str, console: Console) -> None:
    for item in review_renderables(data, currency):
        console.print(item)

"""Being proactive: ``goal``, ``goals``, ``spend``, ``expenses``, ``budget``, ``target``,
``targets``, ``match`` and ``review``."""

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from netjournal import messages, vocab
from netjournal.cli import parse
from netjournal.cli.common import State, echo, notice, reading, state, writing
from netjournal.errors import BadUsage, BadValue
from netjournal.text import choice, clean_text, format_money, parse_money

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

goal_app = typer.Typer(help="Set and remove networking goals.", no_args_is_help=True)
budget_app = typer.Typer(help="The networking budget.", no_args_is_help=True)
target_app = typer.Typer(help="The referrals you are after.", no_args_is_help=True)

BUDGET_PERIODS = ("month", "year")
MAX_GOAL = 10_000
JSON_HELP = "Machine-readable output."


def _money(cents_text: str | None, currency: str) -> str:
    return "" if cents_text is None else f"{currency}{cents_text}"


# --- goals ------------------------------------------------------------------------------------


@goal_app.command("set")
def goal_set(
    ctx: typer.Context,
    metric: Annotated[str, typer.Argument(help="One of: " + ", ".join(vocab.GOAL_METRICS) + ".")],
    target: Annotated[int, typer.Argument(metavar="N", help="How many per period.")],
    per: Annotated[str, typer.Option("--per", help="week or month.")],
) -> None:
    """Set (or change) a networking goal: N of METRIC per week or month."""
    from netjournal.models.proactive import Goal

    st = state(ctx)
    metric_value = choice(metric, vocab.GOAL_METRICS, "goal metric")
    per_value = choice(per, vocab.PERIODS, "goal period")
    if not 1 <= target <= MAX_GOAL:
        raise BadValue(messages.BAD_GOAL_TARGET.format(n=target))
    with writing(st, f"goal set {metric_value} {target} --per {per_value}") as j:
        from sqlmodel import select

        goal = j.session.exec(select(Goal).where(Goal.metric == metric_value)).first()
        if goal is None:
            goal = Goal(metric=metric_value, target=target, per=per_value)
        else:
            goal.target, goal.per = target, per_value
        j.save(goal)
    echo(messages.GOAL_SET.format(target=target, metric=metric_value, per=per_value))


@goal_app.command("rm")
def goal_rm(
    ctx: typer.Context,
    metric: Annotated[str, typer.Argument(help="The goal's metric.")],
) -> None:
    """Remove a goal."""
    from netjournal.models.proactive import Goal

    st = state(ctx)
    metric_value = choice(metric, vocab.GOAL_METRICS, "goal metric")
    with writing(st, f"goal rm {metric_value}") as j:
        from sqlmodel import select

        goal = j.session.exec(select(Goal).where(Goal.metric == metric_value)).first()
        if goal is None:
            raise BadValue(messages.GOAL_NOT_SET.format(metric=metric_value))
        j.delete(goal)
    echo(messages.GOAL_REMOVED.format(metric=metric_value))


def _budget_cell(actual: float, target: float, pct: int | None) -> str:
    target_text = f"{target:g}" if float(target).is_integer() else f"{target:.1f}"
    pct_text = "" if pct is None else f"{pct}% of "
    return f"{actual:g}  [{pct_text}{target_text}]"


def goals(
    ctx: typer.Context,
    json_: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    """Your goals: this week's or month's actual against each target, and the streak."""
    from netjournal import render
    from netjournal.reports import goals as goal_reports

    st = state(ctx)
    with reading(st) as conn:
        data = goal_reports.goals(conn, st.today)
    if json_:
        render.emit_json(data)
        return
    if not data["goals"]:
        notice(messages.NO_GOALS)
    else:
        t = render.table("metric", "per", "since", ">actual  [% of target]")
        for g in data["goals"]:
            style = "green" if g["actual"] >= g["target"] else ""
            cell = _budget_cell(g["actual"], g["target"], g["percent"])
            t.add_row(g["metric"], g["per"], g["period_start"], (cell, style))
        render.put(t)
    echo(f"Streak: {_days(data['streak'])} in a row with a networking action.")


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


# --- money ------------------------------------------------------------------------------------


def spend(
    ctx: typer.Context,
    amount: Annotated[str, typer.Argument(help="How much, e.g. 25 or 1250.50.")],
    what: Annotated[str, typer.Argument(help="What it was for.")],
    on: Annotated[str | None, typer.Option("--on", help="When (default today).")] = None,
    contact: Annotated[
        str | None, typer.Option("--contact", help="The contact it was for, if any.")
    ] = None,
    event: Annotated[str | None, typer.Option("--event", help="The event, if any.")] = None,
) -> None:
    """Record money spent on networking (event fees, lunches, memberships)."""
    from netjournal.models.proactive import Expense

    st = state(ctx)
    cents = parse_money(amount)
    text = clean_text(what, "expense", multiline=False)
    event_text = clean_text(event, "event", multiline=False) if event is not None else None
    day = parse.day(st, on, prefer="past")
    with writing(st, f"spend {format_money(cents)} {text}") as j:
        contact_id = j.find(contact).id if contact is not None else None
        expense = Expense(
            amount_cents=cents, what=text, spent_on=day, contact_id=contact_id, event=event_text
        )
        j.save(expense)
    echo(
        messages.SPENT.format(
            amount=_money(format_money(cents), st.config.currency),
            what=text,
            day=day.isoformat(),
            id=expense.id,
        )
    )


def expenses(
    ctx: typer.Context,
    since: Annotated[
        str | None, typer.Option("--since", help="Only from this day (default: all).")
    ] = None,
    json_: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    """Networking expenses, the total, and the return (closed business from referrals)."""
    from netjournal import render
    from netjournal.reports import goals as goal_reports

    st = state(ctx)
    since_day = _since(st, since)
    with reading(st) as conn:
        data = goal_reports.expenses(conn, st.today, since_day)
    if json_:
        render.emit_json(data)
        return
    cur = st.config.currency
    if not data["expenses"]:
        notice(messages.NO_EXPENSES)
    else:
        t = render.table("id", "date", ">amount", "what", "contact", "event")
        for e in data["expenses"]:
            t.add_row(
                e["id"],
                e["on"],
                _money(e["amount"], cur),
                e["what"],
                e["contact"] or "",
                e["event"] or "",
            )
        render.put(t)
    echo(_money_line(data, cur))
    if data["budget"]:
        echo(f"Budget: {_money(data['budget']['amount'], cur)} a {data['budget']['per']}.")


def _money_line(data: dict[str, Any], cur: str) -> str:
    ratio = "" if data["ratio"] is None else f", {data['ratio']:.2f}× what you spent"
    return (
        f"Spent {_money(data['spent'], cur)}; returned {_money(data['returned'], cur)} "
        f"in closed business from referrals (net {_money(data['net'], cur)}{ratio})."
    )


@budget_app.command("set")
def budget_set(
    ctx: typer.Context,
    amount: Annotated[str, typer.Argument(help="How much, e.g. 200.")],
    per: Annotated[str, typer.Option("--per", help="month or year.")],
) -> None:
    """Set the networking budget per month or year."""
    from netjournal.models.proactive import Setting
    from netjournal.reports.goals import BUDGET_KEY

    st = state(ctx)
    cents = parse_money(amount)
    per_value = choice(per, BUDGET_PERIODS, "budget period")
    value = json.dumps({"cents": cents, "per": per_value})
    with writing(st, f"budget set {format_money(cents)} --per {per_value}") as j:
        row = j.session.get(Setting, BUDGET_KEY)
        if row is None:
            row = Setting(key=BUDGET_KEY, value=value)
        else:
            row.value = value
        j.save(row)
    echo(
        messages.BUDGET_SET.format(
            amount=_money(format_money(cents), st.config.currency), per=per_value
        )
    )


@budget_app.command("rm")
def budget_rm(ctx: typer.Context) -> None:
    """Remove the networking budget."""
    from netjournal.models.proactive import Setting
    from netjournal.reports.goals import BUDGET_KEY

    st = state(ctx)
    with writing(st, "budget rm") as j:
        row = j.session.get(Setting, BUDGET_KEY)
        if row is None:
            raise BadValue(messages.NO_BUDGET)
        j.delete(row)
    echo(messages.BUDGET_REMOVED)


@budget_app.command("show")
def budget_show(ctx: typer.Context) -> None:
    """Show the networking budget against what was spent this month or year."""
    from netjournal.reports import goals as goal_reports

    st = state(ctx)
    with reading(st) as conn:
        status = goal_reports.budget_now(conn, st.today)
    if status is None:
        notice(messages.NO_BUDGET)
        return
    echo(_budget_line(status, st.config.currency))


def _budget_line(b: dict[str, Any], cur: str) -> str:
    """One budget against its period, the same in ``budget show`` and ``review``."""
    return messages.BUDGET_STATUS.format(
        amount=_money(b["amount"], cur),
        per=b["per"],
        for_period=_money(b["for_period"], cur),
        start=b["from"],
        end=b["to"],
        spent=_money(b["spent"], cur),
        left=_money(b["left"], cur),
    )


# --- targets ----------------------------------------------------------------------------------


@target_app.command("add")
def target_add(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="The referral you want, said precisely.")],
) -> None:
    """Write down a referral you are after ("IT managers at manufacturers in Lombardy")."""
    from netjournal.models.proactive import Target

    st = state(ctx)
    value = clean_text(text, "target", multiline=False)
    with writing(st, "target add") as j:
        target = Target(text=value)
        j.save(target)
    echo(messages.TARGET_ADDED.format(id=target.id, text=value))


@target_app.command("rm")
def target_rm(
    ctx: typer.Context,
    target_id: Annotated[str, typer.Argument(metavar="ID", help="The target's id, e.g. t1.")],
) -> None:
    """Remove a target."""
    from netjournal.cli.records import parse_id
    from netjournal.models.proactive import Target

    st = state(ctx)
    _prefix, number = parse_id(target_id, allowed="t")
    with writing(st, f"target rm t{number}") as j:
        target = j.record(Target, number)
        if target is None:
            raise BadValue(messages.TARGET_NOT_FOUND.format(id=number))
        j.delete(target)
    echo(messages.TARGET_REMOVED.format(id=number))


def targets(
    ctx: typer.Context,
    json_: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    """The referrals you are after."""
    from netjournal import render
    from netjournal.store.reads import proactive as proactive_reads

    st = state(ctx)
    with reading(st) as conn:
        rows = proactive_reads.targets(conn)
    if json_:
        render.emit_json(
            {
                "targets": [
                    {"id": f"t{r['id']}", "text": r["text"], "added_on": r["added_on"]}
                    for r in rows
                ]
            }
        )
        return
    if not rows:
        notice(messages.NO_TARGETS)
        return
    t = render.table("id", "target", "added")
    for r in rows:
        t.add_row(f"t{r['id']}", r["text"], r["added_on"])
    render.put(t)


# --- match ------------------------------------------------------------------------------------


def match(
    ctx: typer.Context,
    name: Annotated[
        str | None, typer.Argument(help="Only introductions for or by this contact.")
    ] = None,
    json_: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    """Ideas for gives: introductions to propose, and who could refer you to your targets."""
    from netjournal import render
    from netjournal.reports.common import find_contact
    from netjournal.reports.match import match as match_report

    st = state(ctx)
    with reading(st) as conn:
        only = find_contact(conn, name) if name is not None else None
        data = match_report(conn, only)
    if json_:
        render.emit_json(data)
        return
    if data["introductions"]:
        echo("Introductions to propose:")
        for item in data["introductions"]:
            echo(f"  {item['reason']}")
    else:
        notice(messages.NO_MATCHES)
    for m in data.get("referrers", []):
        echo(f"Best placed to refer you to {m['text']} ({m['target']}):")
        if not m["contacts"]:
            echo(f"  {messages.NO_REFERRERS}")
        for r in m["contacts"]:
            echo(f"  {r['reason']}")


# --- review -----------------------------------------------------------------------------------


def _since(st: State, since: str | None) -> Any:
    if since is None:
        return None
    day = parse.day(st, since, prefer="past")
    if day > st.today:
        raise BadValue(messages.SINCE_FUTURE.format(day=day.isoformat()))
    return day


def _bar(n: int, top: int, width: int = 30) -> str:
    if top == 0 or n == 0:
        return ""
    return "█" * max(1, round(n * width / top))


def review_renderables(data: dict[str, Any], currency: str) -> "list[RenderableType]":
    """The review as Rich renderables: printed on the terminal and saved as SVG alike."""
    from rich.text import Text

    from netjournal import render

    out: list[RenderableType] = []
    title = f"Networking review {data['from']} – {data['to']} ({data['days']} days)"
    out.append(Text(title, style="bold"))
    act = data["activity"]
    kinds = ", ".join(f"{n} {k}" for k, n in act["by_kind"].items()) or "none"
    lines = [
        f"interactions  {act['interactions']} ({kinds})",
        f"new contacts  {act['new_contacts']}",
        f"facts learned {act['facts']}",
        f"gives         {act['gives']['count']} ({act['gives']['points']:g} points)",
        f"asks          {act['asks']['count']} ({act['asks']['points']:g} points)",
        f"follow-ups    {act['follow_ups_done']} done, {act['follow_ups_missed']} missed",
        f"streak        {_days(data['streak'])}",
    ]
    out.append(Text("\nActivity", style="bold underline"))
    out.append(Text("\n".join(lines)))
    out.append(Text("\nGives against asks per week", style="bold underline"))
    top = max([max(w["gives"], w["asks"]) for w in data["weeks"]] or [0])
    chart = Text()
    for w in data["weeks"]:
        chart.append(f"{w['week']}  gives ")
        chart.append(_bar(w["gives"], top), style="green")
        chart.append(f" {w['gives']}\n")
        chart.append(" " * 12 + "asks  ")
        chart.append(_bar(w["asks"], top), style="magenta")
        chart.append(f" {w['asks']}\n")
    out.append(chart)
    if data["goals"]:
        t = render.table("goal", "per", ">actual  [% of target]", title="Goals")
        for g in data["goals"]:
            cell = _budget_cell(g["actual"], g["target"], g["percent"])
            t.add_row(g["metric"], f"{g['goal']} a {g['per']}", cell)
        out.append(t)
    t = render.table("", "habit", "figure", title="Proactive habits")
    for h in data["habits"]:
        mark = ("✓", "green") if h["in_place"] else ("✗", "red")
        t.add_row(mark, h["habit"], h["figure"])
    out.append(t)
    money = data["money"]
    out.append(Text("Money", style="bold underline"))
    money_lines = [_money_line(money, currency)]
    if money["budget"]:
        money_lines.append(_budget_line(money["budget"], currency))
    out.append(Text("\n".join(money_lines)))
    stages = data["stages"]
    out.append(Text("\nStages", style="bold underline"))
    counts = "  ".join(f"{k} {n}" for k, n in stages["counts"].items())
    moved = [f"{m['name']}: {m['from']} → {m['to']}" for m in stages["moved"]]
    out.append(
        Text(
            counts
            + (
                "\nmoved since " + stages["since"] + ":\n  " + "\n  ".join(moved)
                if moved
                else "\nnobody moved since " + stages["since"]
            )
        )
    )
    if data["depth"]["wide_but_shallow"]:
        out.append(Text("\nWide but shallow: many contacts, few deep ones.", style="bold red"))
    return out


def _print_review(data: dict[str, Any], currency: str, console: "Console") -> None:
    for item in review_renderables(data, currency):
        console.print(item)


def review(
    ctx: typer.Context,
    week: Annotated[bool, typer.Option("--week", help="This calendar week (default).")] = False,
    month: Annotated[bool, typer.Option("--month", help="This calendar month.")] = False,
    year: Annotated[bool, typer.Option("--year", help="This calendar year.")] = False,
    since: Annotated[str | None, typer.Option("--since", help="From WHEN to today.")] = None,
    json_: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
    svg: Annotated[
        Path | None, typer.Option("--svg", help="Also save the report as an SVG picture.")
    ] = None,
) -> None:
    """Is your networking proactive? Activity, goals, habits, money and stages."""
    from netjournal import render
    from netjournal.reports.review import review_report
    from netjournal.scoring import habits as periods

    st = state(ctx)
    chosen = [k for k, on in (("week", week), ("month", month), ("year", year)) if on]
    if since is not None:
        chosen.append("since")
    if len(chosen) > 1:
        raise BadUsage(messages.PERIOD_CONFLICT)
    kind = chosen[0] if chosen else "week"
    p = periods.period(kind, st.today, _since(st, since))
    with reading(st) as conn:
        data = review_report(conn, p, st.today, st.constants)
    currency = st.config.currency
    if json_:
        render.emit_json(data)
    else:
        _print_review(data, currency, render.console())
    if svg is not None:
        import io

        from rich.console import Console

        recorder = Console(record=True, width=100, file=io.StringIO(), highlight=False)
        _print_review(data, currency, recorder)
        try:
            recorder.save_svg(str(svg), title="net review")
        except OSError as exc:
            raise BadValue(
                messages.SVG_UNWRITABLE.format(path=svg, reason=exc.strerror or exc)
            ) from exc
        notice(messages.SVG_WRITTEN.format(path=svg))


def register(app: typer.Typer) -> None:
    app.add_typer(goal_app, name="goal")
    app.command("goals")(goals)
    app.command("spend")(spend)
    app.command("expenses")(expenses)
    app.add_typer(budget_app, name="budget")
    app.add_typer(target_app, name="target")
    app.command("targets")(targets)
    app.command("match")(match)
    app.command("review")(review)

"""Goals and money: ``goal``, ``goals``, ``spend``, ``expenses`` and ``budget``."""

import json
from typing import Annotated

import typer

from netjournal import messages, vocab
from netjournal.cli import parse
from netjournal.cli.common import echo, notice, reading, state, writing
from netjournal.errors import BadUsage, BadValue
from netjournal.plural import plural
from netjournal.render.goals import budget_cell, budget_line, days_text, money_line, money_text
from netjournal.text import choice, clean_text, format_money, parse_money

JSON_HELP = "Machine-readable output."

goal_app = typer.Typer(help="Set and remove networking goals.", no_args_is_help=True)
budget_app = typer.Typer(help="The networking budget (alone: the same as budget show).")

BUDGET_PERIODS = ("month", "year")
MAX_GOAL = 10_000


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
    echo(
        messages.GOAL_SET.format(
            target=plural(target, *messages.GOAL_METRIC_WORDS[metric_value]), per=per_value
        )
    )


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
        render.empty(messages.NO_GOALS)
    else:
        t = render.table("metric", "per", "since", ">actual  [% of target]", drop=["since"])
        for g in data["goals"]:
            style = "green" if g["actual"] >= g["target"] else ""
            cell = budget_cell(g["actual"], g["target"], g["percent"])
            t.add_row(g["metric"], g["per"], g["period_start"], (cell, style))
        render.put(t)
    echo(f"Streak: {days_text(data['streak'])} in a row with a networking action.")


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
    day = parse.happened_on(st, on, "expense")
    with writing(st, f"spend {format_money(cents)} {text}") as j:
        contact_id = j.find(contact).id if contact is not None else None
        expense = Expense(
            amount_cents=cents, what=text, spent_on=day, contact_id=contact_id, event=event_text
        )
        j.save(expense)
    echo(
        messages.SPENT.format(
            amount=money_text(format_money(cents), st.config.currency),
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
    since_day = parse.since_day(st, since)
    with reading(st) as conn:
        data = goal_reports.expenses(conn, st.today, since_day)
    if json_:
        render.emit_json(data)
        return
    cur = st.config.currency
    if not data["expenses"]:
        render.empty(messages.NO_EXPENSES)
        return
    t = render.table(
        "id",
        "date",
        ">amount",
        "what",
        "contact",
        "event",
        names=["contact"],
        text=["what", "event"],
        drop=["event", "contact"],
    )
    for e in data["expenses"]:
        t.add_row(
            e["id"],
            e["on"],
            money_text(e["amount"], cur),
            e["what"],
            e["contact"] or "",
            e["event"] or "",
        )
    render.put(t)
    echo(money_line(data, cur))
    if data["budget"]:
        echo(f"Budget: {money_text(data['budget']['amount'], cur)} a {data['budget']['per']}.")


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
            amount=money_text(format_money(cents), st.config.currency), per=per_value
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


@budget_app.callback(invoke_without_command=True)
def budget_main(
    ctx: typer.Context,
    json_: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    """The networking budget; ``net budget`` alone shows it, as ``net budget show`` does."""
    if ctx.invoked_subcommand is None:
        _show_budget(ctx, json_)
    elif json_ and ctx.invoked_subcommand != "show":
        raise BadUsage(messages.BUDGET_JSON_ONLY_SHOW)
    ctx.meta["budget_json"] = json_


@budget_app.command("show")
def budget_show(
    ctx: typer.Context,
    json_: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    """Show the networking budget against what was spent this month or year."""
    _show_budget(ctx, json_ or bool(ctx.meta.get("budget_json")))


def _show_budget(ctx: typer.Context, as_json: bool) -> None:
    from netjournal.reports import goals as goal_reports

    st = state(ctx)
    with reading(st) as conn:
        status = goal_reports.budget_now(conn, st.today)
    if as_json:
        from netjournal.render import emit_json

        emit_json({"as_of": st.today.isoformat(), "budget": status})
        return
    if status is None:
        notice(messages.NO_BUDGET)
        return
    echo(budget_line(status, st.config.currency))


def register(app: typer.Typer) -> None:
    app.add_typer(goal_app, name="goal")
    app.command("goals")(goals)
    app.command("spend")(spend)
    app.command("expenses")(expenses)
    app.add_typer(budget_app, name="budget")

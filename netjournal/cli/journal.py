"""Recording what happened: ``log``, ``give``, ``ask``, ``asks``, ``ask-status``, ``learn``."""

from typing import Annotated

import typer

from netjournal import messages, vocab
from netjournal.cli import parse
from netjournal.cli.common import echo, notice, reading, state, writing
from netjournal.cli.complete import complete_name
from netjournal.errors import BadUsage
from netjournal.text import choice, clean_text

KIND_HELP = "Kind: " + ", ".join(vocab.EXCHANGE_KINDS) + "."

# the options `give` and `ask` share
ExchangeKind = Annotated[str, typer.Option("-k", "--kind", help=KIND_HELP)]
Size = Annotated[int | None, typer.Option("--size", help="1 (small) to 5 (big); 3 default.")]
Amount = Annotated[str | None, typer.Option("--amount", help="Money value instead of a size.")]
OnDay = Annotated[str | None, typer.Option("--on", help="When (default today).")]


def log(
    ctx: typer.Context,
    names: Annotated[
        list[str] | None,
        typer.Argument(
            help="Who you met (one or more names); none on a terminal: a debrief.",
            autocompletion=complete_name,
        ),
    ] = None,
    note: Annotated[str | None, typer.Option("-m", "--note", help="What happened.")] = None,
    kind: Annotated[
        str,
        typer.Option("-k", "--kind", help="Kind: " + ", ".join(vocab.INTERACTION_KINDS) + "."),
    ] = vocab.DEFAULT_INTERACTION_KIND,
    on: Annotated[
        str | None, typer.Option("--on", help="When (default now): yesterday, last friday.")
    ] = None,
    give: Annotated[
        list[str] | None, typer.Option("--give", help="[KIND:]TEXT you gave (repeatable).")
    ] = None,
    ask: Annotated[
        list[str] | None, typer.Option("--ask", help="[KIND:]TEXT you asked for (repeatable).")
    ] = None,
    learned: Annotated[
        list[str] | None,
        typer.Option("--learned", help="CATEGORY:TEXT you learned (repeatable)."),
    ] = None,
    follow_up: Annotated[
        str | None, typer.Option("--follow-up", help="When to reach out again.")
    ] = None,
    promise: Annotated[
        list[str] | None, typer.Option("--promise", help="Something you promised (repeatable).")
    ] = None,
    by: Annotated[
        str | None, typer.Option("--by", help="When the promises are due (default a week on).")
    ] = None,
    new: Annotated[
        bool, typer.Option("--new", help="Create every name without an exact match, as typed.")
    ] = False,
    met_through: Annotated[
        str | None,
        typer.Option(
            "--met-through",
            help="Who introduced you to the first contact named (a contact).",
            autocompletion=complete_name,
        ),
    ] = None,
    planned: Annotated[
        bool,
        typer.Option(
            "--planned", help="A plan for a day after --on's: a reminder, not contact (yet)."
        ),
    ] = False,
) -> None:
    """Record one interaction, with what was given, asked, learned and promised."""
    from netjournal.cli import logentry

    st = state(ctx)
    if not names:
        from netjournal.cli import debrief

        if not debrief.interactive():
            raise BadUsage(messages.NO_NAMES)
        answers = debrief.run(ctx)
        if answers is not None:  # the debrief asks; logentry writes, as for these options
            logentry.record(st, answers.entry())
        return
    if by is not None and not promise:
        raise BadUsage(messages.BY_WITHOUT_PROMISE)
    items: list[logentry.Item] = [logentry.Item("give", g) for g in give or []]
    items += [logentry.Item("ask", a) for a in ask or []]
    items += [logentry.Item("fact", f) for f in learned or []]
    if follow_up is not None:  # written before the promises, as net log always has
        items.append(logentry.Item("follow-up", follow_up))
    items += [logentry.Item("promise", p, by=by) for p in promise or []]
    entry = logentry.Entry(
        names=list(names),
        note=note,
        kind=kind,
        on=on,
        items=items,
        new=new,
        met_through=met_through,
        planned=planned,
    )
    people = logentry.record(st, entry)
    if len(people) > 1 and items:
        notice(messages.LOG_FIRST_NAMED.format(name=people[0]))


def _exchange(
    ctx: typer.Context,
    direction: str,
    name: str,
    what: str,
    kind: str,
    size: int | None,
    amount: str | None,
    on: str | None,
    status: str = "granted",
) -> None:
    st = state(ctx)
    kind_value = parse.exchange_kind(kind)
    text = clean_text(what, direction)
    size_value, cents = parse.size_amount(size, amount)
    day = parse.happened_on(st, on, direction)
    with writing(st, f"{direction} {name}") as j:
        person = j.find(name)
        if direction == "ask":
            from netjournal.reports.balance import ask_warnings

            for warning in ask_warnings(
                j.conn,
                person.id,
                st.today,
                st.constants,
                kind_value,
                size_value,
                cents,
                on=day,
                status=status,  # type: ignore[arg-type]
            ):
                notice(warning)
        record = j.add_exchange(
            person.id,
            direction,
            kind_value,
            text,
            day,
            size=size_value,
            amount_cents=cents,
            status=status,
        )
    template = messages.GIVE_RECORDED if direction == "give" else messages.ASK_RECORDED
    echo(template.format(name=person.name, kind=kind_value, what=text, id=record.id, status=status))


def give(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Whom you helped.", autocompletion=complete_name)],
    what: Annotated[str, typer.Argument(help="What you did for them.")],
    kind: ExchangeKind = "favor",
    size: Size = None,
    amount: Amount = None,
    on: OnDay = None,
) -> None:
    """Record a give: something you did for a contact (a deposit)."""
    _exchange(ctx, "give", name, what, kind, size, amount, on)


def ask_cmd(
    ctx: typer.Context,
    name: Annotated[
        str, typer.Argument(help="Whom you asked, or who helped you.", autocompletion=complete_name)
    ],
    what: Annotated[str, typer.Argument(help="What you asked for or received.")],
    kind: ExchangeKind = "favor",
    size: Size = None,
    amount: Amount = None,
    on: OnDay = None,
    open_: Annotated[bool, typer.Option("--open", help="Still waiting for an answer.")] = False,
) -> None:
    """Record an ask: something you asked of a contact or received (a withdrawal)."""
    _exchange(ctx, "ask", name, what, kind, size, amount, on, "open" if open_ else "granted")


def asks(
    ctx: typer.Context,
    open_: Annotated[bool, typer.Option("--open", help="Only asks still open.")] = False,
    json_: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """List your asks, newest first."""
    from netjournal.render import contacts as render_contacts

    st = state(ctx)
    with reading(st) as conn:
        from netjournal.store.reads import records as record_reads

        rows = record_reads.asks(conn, open_only=open_)
    render_contacts.asks(rows, as_json=json_, currency=st.config.currency, only_open=open_)


def ask_status(
    ctx: typer.Context,
    ask_id: Annotated[str, typer.Argument(metavar="ID", help="The ask's id, e.g. a12.")],
    status: Annotated[str, typer.Argument(help="granted or declined.")],
) -> None:
    """Settle an open ask as granted or declined."""
    from netjournal.cli.records import parse_id

    st = state(ctx)
    _prefix, number = parse_id(ask_id, allowed="a")
    value = choice(status, ("granted", "declined", "open"), "ask status")
    with writing(st, f"ask-status {ask_id} {value}") as j:
        record = j.set_ask_status(number, value)
        name = j.contact(record.contact_id).name
    echo(messages.ASK_SETTLED.format(id=number, name=name, status=value))


def learn(
    ctx: typer.Context,
    name: Annotated[
        str, typer.Argument(help="Whom the fact is about.", autocompletion=complete_name)
    ],
    category: Annotated[
        str, typer.Argument(help="One of: " + ", ".join(vocab.FACT_CATEGORIES) + ".")
    ],
    text: Annotated[str, typer.Argument(help="What you learned.")],
    on: Annotated[
        str | None, typer.Option("--on", help="When you learned it (default today).")
    ] = None,
) -> None:
    """Record something you learned about a contact."""
    st = state(ctx)
    category_value = choice(category, vocab.FACT_CATEGORIES, "fact category")
    fact_text = clean_text(text, "fact")
    day = parse.happened_on(st, on, "fact")
    with writing(st, f"learn {name}") as j:
        person = j.find(name)
        fact = j.add_fact(person.id, category_value, fact_text, day)
    echo(
        messages.FACT_RECORDED.format(
            name=person.name, category=category_value, text=fact_text, id=fact.id
        )
    )


def register(app: typer.Typer) -> None:
    app.command("log")(log)
    app.command("give")(give)
    app.command("ask")(ask_cmd)
    app.command("asks")(asks)
    app.command("ask-status")(ask_status)
    app.command("learn")(learn)

"""The referrals you are after and ideas for gives: ``target``, ``targets`` and ``match``."""

from typing import Annotated

import typer

from netjournal import messages
from netjournal.cli.common import echo, reading, state, writing
from netjournal.errors import BadValue
from netjournal.text import clean_text

JSON_HELP = "Machine-readable output."

target_app = typer.Typer(help="The referrals you are after.", no_args_is_help=True)


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
        render.empty(messages.NO_TARGETS)
        return
    t = render.table("id", "target", "added", text=["target"], drop=["added"])
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
        render.empty(messages.NO_MATCHES)
    for m in data.get("referrers", []):
        echo(f"Best placed to refer you to {m['text']} ({m['target']}):")
        if not m["contacts"]:
            echo(f"  {messages.NO_REFERRERS}")
        for r in m["contacts"]:
            echo(f"  {r['reason']}")


def register(app: typer.Typer) -> None:
    app.add_typer(target_app, name="target")
    app.command("targets")(targets)
    app.command("match")(match)

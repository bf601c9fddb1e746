"""Data in and out: ``net import linkedin|vcard|csv|json FILE`` and
``net export json|csv|vcard|ics [-o FILE]``.

Every import reads and checks the whole file first, then writes in one transaction
(``net undo`` reverts it); a file that is not what it claims is one sentence, exit 1,
and an untouched journal. Summaries and progress go to stderr, data to stdout.
``export ics`` lives in ``cli/farming.py`` and is registered here.
"""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from netjournal import messages
from netjournal.cli.common import notice, reading, state, writing

if TYPE_CHECKING:
    from netjournal.interop import Summary

import_app = typer.Typer(
    help="Bring contacts in (and, from a JSON export, everything).", no_args_is_help=True
)
export_app = typer.Typer(help="Take everything out.", no_args_is_help=True)

InFile = Annotated[
    Path,
    typer.Argument(help="The file to import.", dir_okay=False, show_default=False),
]
OutFile = Annotated[
    Path | None,
    typer.Option(
        "-o",
        "--output",
        help="File to write (created readable by you only); default: standard output.",
        dir_okay=False,
        show_default=False,
    ),
]


#: ``--tier`` of the contact imports: the tier of the people they add
ImportTier = Annotated[
    str,
    typer.Option(
        "--tier",
        help="Tier of the people added (existing contacts keep theirs); until you meet "
        "them for real they have no cadence whatever the tier.",
    ),
]


def _report(summary: "Summary") -> None:
    for line in summary.lines():
        notice(line)


def _tier(value: str) -> str:
    from netjournal import vocab
    from netjournal.text import choice

    return choice(value, vocab.TIERS, "tier")


@import_app.command("linkedin")
def import_linkedin(ctx: typer.Context, file: InFile, tier: ImportTier = "acquaintance") -> None:
    """LinkedIn's Connections.csv (Settings > Data privacy > Get a copy of your data)."""
    from netjournal.interop import Summary, progress
    from netjournal.interop.linkedin import import_connections, parse

    st = state(ctx)
    tier_value = _tier(tier)
    summary = Summary("LinkedIn")
    connections = parse(file, summary)
    with (
        writing(st, f"import linkedin {file.name}") as j,
        progress(len(connections), "Importing connections") as advance,
    ):
        import_connections(j, connections, summary, advance, tier_value)
    _report(summary)


@import_app.command("vcard")
def import_vcard(ctx: typer.Context, file: InFile, tier: ImportTier = "acquaintance") -> None:
    """vCard 3.0 or 4.0 (.vcf), one or many cards per file."""
    from netjournal.errors import BadValue
    from netjournal.interop import Summary, progress
    from netjournal.interop.vcard import import_cards, parse

    st = state(ctx)
    tier_value = _tier(tier)
    summary = Summary("vCard")
    cards = parse(file, summary)
    if cards:
        with (
            writing(st, f"import vcard {file.name}") as j,
            progress(len(cards), "Importing cards") as advance,
        ):
            import_cards(j, cards, summary, advance, tier_value)
    _report(summary)
    if summary.changed == 0 and summary.unchanged == 0:
        raise BadValue(messages.IMPORT_NOTHING.format(path=file))


@import_app.command("csv")
def import_csv(ctx: typer.Context, file: InFile, tier: ImportTier = "acquaintance") -> None:
    """Contacts from a CSV with the columns of 'net export csv' (at least 'name'); a row's
    own tier wins over --tier."""
    from netjournal.interop import Summary, progress
    from netjournal.interop.csvio import import_rows, parse

    st = state(ctx)
    tier_value = _tier(tier)
    summary = Summary("CSV")
    rows = parse(file, summary, st.config.date_order)
    with (
        writing(st, f"import csv {file.name}") as j,
        progress(len(rows), "Importing contacts") as advance,
    ):
        import_rows(j, rows, summary, advance, tier_value)
    _report(summary)


@import_app.command("json")
def import_json(
    ctx: typer.Context,
    file: InFile,
    merge: Annotated[
        bool,
        typer.Option("--merge", help="Add to a non-empty journal what it lacks (by UUID)."),
    ] = False,
) -> None:
    """A 'net export json' file: restores it exactly into an empty journal."""
    from netjournal.errors import BadValue
    from netjournal.interop import jsondump

    st = state(ctx)
    tables = jsondump.load(file)
    with writing(st, f"import json {file.name}") as j:
        empty = jsondump.is_empty(j.conn)
        if not empty and not merge:
            raise BadValue(messages.IMPORT_JSON_NOT_EMPTY)
        if empty:
            counts = jsondump.restore(j, file, tables)
            text = ", ".join(f"{n} {t}" for t, n in counts.items() if n)
            done = messages.IMPORT_JSON_DONE.format(path=file, counts=text or "nothing")
        else:
            added, kept = jsondump.merge(j, file, tables)
            done = messages.IMPORT_JSON_MERGED.format(path=file, added=added, kept=kept)
    notice(done)


def _done(output: Path | None, what: str) -> None:
    if output is not None:
        notice(messages.EXPORT_DONE.format(what=what, path=output))


def _count(n: int) -> str:
    return f"{n} contact" if n == 1 else f"{n} contacts"


@export_app.command("json")
def export_json(ctx: typer.Context, output: OutFile = None) -> None:
    """Everything, as versioned JSON ('net import json' restores it)."""
    from netjournal.interop import jsondump, write_output

    st = state(ctx)
    with reading(st) as conn:
        data = jsondump.dump(conn, st.now)
    write_output(output, jsondump.to_text(data))
    _done(output, "the whole journal")


@export_app.command("csv")
def export_csv(ctx: typer.Context, output: OutFile = None) -> None:
    """Contacts as CSV for spreadsheets."""
    from netjournal.interop import csvio, write_output
    from netjournal.store.reads import dump as dump_reads

    st = state(ctx)
    with reading(st) as conn:
        contacts = dump_reads.interop_contacts(conn)
    write_output(output, csvio.export(contacts))
    _done(output, _count(len(contacts)))


@export_app.command("vcard")
def export_vcard(
    ctx: typer.Context,
    output: OutFile = None,
    version: Annotated[str, typer.Option("--version", help="vCard version: 3.0 or 4.0.")] = "3.0",
) -> None:
    """Contacts as vCards (.vcf), with 'other' facts as notes."""
    from netjournal.interop import progress, vcard, write_output
    from netjournal.store.reads import dump as dump_reads

    st = state(ctx)
    with reading(st) as conn:
        contacts = dump_reads.interop_contacts(conn)
        notes: dict[int, list[str]] = {}
        for contact_id, text in dump_reads.interop_facts(conn, "other"):
            notes.setdefault(contact_id, []).append(text)
    with progress(len(contacts), "Exporting cards"):
        text = vcard.export(contacts, notes, version)
    write_output(output, text)
    _done(output, _count(len(contacts)))


def register(app: typer.Typer) -> None:
    from netjournal.cli import farming

    export_app.command("ics")(farming.export_ics)
    app.add_typer(import_app, name="import")
    app.add_typer(export_app, name="export")

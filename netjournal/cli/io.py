"""Data in and out: ``net import linkedin|vcard|csv|json FILE`` and
``net export json|csv|vcard|ics [-o FILE]``.

Every import reads its file as a stream (``interop/source.py``: within the import limit,
a line at a time) and writes in one transaction (``net undo`` reverts it): the header is
checked before the transaction begins, and a file found not to be what it claims further
on is one sentence, exit 1, and a journal left as it was (the transaction is rolled
back). Summaries and progress go to stderr, data to stdout. Exports are written whole or
not at all (``netjournal.files.write_private``). ``export ics`` lives in
``cli/farming.py`` and is registered here.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from netjournal import messages
from netjournal.cli.common import State, notice, reading, state, writing
from netjournal.plural import counted, plural

if TYPE_CHECKING:
    from netjournal.interop import Summary
    from netjournal.interop.source import Source

#: files from this size up show a progress bar while they are imported (on a terminal)
PROGRESS_BYTES = 64 * 1024

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


def _tier(value: str) -> str:
    from netjournal import vocab
    from netjournal.text import choice

    return choice(value, vocab.TIERS, "tier")


def _report(summary: "Summary") -> None:
    for line in summary.lines():
        notice(line)


@contextmanager
def _opened(
    st: State, file: Path, what: str, tolerant: bool = False, fallback: str | None = None
) -> "Iterator[Source]":
    """The import file, open as a stream within the configured import limit."""
    from netjournal.interop.source import open_import
    from netjournal.store.paths import config_path

    limit = st.config.import_limit_mb
    with open_import(
        file, what, limit, config_path(), tolerant=tolerant, fallback=fallback
    ) as source:
        yield source


@contextmanager
def _importing(
    st: State, command: str, source: "Source", items: Any, label: str
) -> "Iterator[tuple[Any, Any]]":
    """The write transaction, and the items advancing a progress bar as they are read."""
    from netjournal.interop import progress
    from netjournal.interop.source import tracked

    total = source.size or 0
    with (
        writing(st, command) as j,
        progress(total, label, enabled=total >= PROGRESS_BYTES) as advance,
    ):
        yield j, tracked(items, source, advance)


@import_app.command("linkedin")
def import_linkedin(ctx: typer.Context, file: InFile, tier: ImportTier = "acquaintance") -> None:
    """LinkedIn's Connections.csv (Settings > Data privacy > Get a copy of your data)."""
    from netjournal.interop import Summary
    from netjournal.interop.linkedin import import_connections, parse

    st = state(ctx)
    tier_value = _tier(tier)
    summary = Summary("LinkedIn")
    with _opened(st, file, "LinkedIn Connections.csv") as source:
        connections = parse(source, summary)
        command = f"import linkedin {file.name}"
        with _importing(st, command, source, connections, "Importing connections") as (j, items):
            import_connections(j, items, summary, tier_value)
    _report(summary)


@import_app.command("vcard")
def import_vcard(ctx: typer.Context, file: InFile, tier: ImportTier = "acquaintance") -> None:
    """vCard 3.0 or 4.0 (.vcf), one or many cards per file."""
    from netjournal.errors import BadValue
    from netjournal.interop import Summary
    from netjournal.interop.vcard import import_cards, parse

    st = state(ctx)
    tier_value = _tier(tier)
    summary = Summary("vCard", unit="card")
    with _opened(st, file, "vCard", tolerant=True) as source:
        cards = _peeked(parse(source, summary))
        if cards is not None:
            command = f"import vcard {file.name}"
            with _importing(st, command, source, cards, "Importing cards") as (j, items):
                import_cards(j, items, summary, tier_value)
    _report(summary)
    if summary.changed == 0 and summary.unchanged == 0:
        raise BadValue(messages.IMPORT_NOTHING.format(path=file))


def _peeked(items: Iterator[Any]) -> Iterator[Any] | None:
    """``items`` unchanged, or None when there is none (read up to the first one)."""
    import itertools

    first = next(items, _NONE)
    return None if first is _NONE else itertools.chain([first], items)


_NONE = object()


@import_app.command("csv")
def import_csv(ctx: typer.Context, file: InFile, tier: ImportTier = "acquaintance") -> None:
    """Contacts from a CSV with the columns of 'net export csv' (at least 'name'), or
    Google Contacts' or Outlook's CSV; ';'-separated files too. A row's own tier wins
    over --tier."""
    from netjournal.interop import Summary
    from netjournal.interop.csvio import import_rows, parse

    st = state(ctx)
    tier_value = _tier(tier)
    from netjournal.interop.source import ENCODING_NAMES

    summary = Summary("CSV")
    with _opened(st, file, "CSV", fallback="cp1252") as source:
        if source.encoding != "utf-8":
            encoding = ENCODING_NAMES.get(source.encoding, source.encoding)
            summary.warnings.append((file.name, messages.WHY_READ_AS.format(encoding=encoding)))
        rows = parse(source, summary, st.config.date_order)
        command = f"import csv {file.name}"
        with _importing(st, command, source, rows, "Importing contacts") as (j, items):
            import_rows(j, items, summary, tier_value)
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
    with _opened(st, file, "JSON") as source:
        tables = jsondump.load(source)
    with writing(st, f"import json {file.name}") as j:
        empty = jsondump.is_empty(j.conn)
        if not empty and not merge:
            raise BadValue(messages.IMPORT_JSON_NOT_EMPTY)
        if empty:
            counts = jsondump.restore(j, file, tables)
            text = counted(counts, messages.JSON_TABLE_WORDS)
            done = messages.IMPORT_JSON_DONE.format(path=file, counts=text or "nothing")
        else:
            added, kept = jsondump.merge(j, file, tables)
            done = messages.IMPORT_JSON_MERGED.format(
                path=file, added=plural(added, "record"), kept=plural(kept, "record")
            )
    notice(done)


def _done(output: Path | None, what: str) -> None:
    if output is not None:
        notice(messages.EXPORT_DONE.format(what=what, path=output))


def _count(n: int) -> str:
    return plural(n, "contact")


@export_app.command("json")
def export_json(ctx: typer.Context, output: OutFile = None) -> None:
    """Everything, as versioned JSON ('net import json' restores it)."""
    from netjournal.interop import jsondump, write_output

    st = state(ctx)
    with reading(st) as conn:  # one read transaction: a consistent journal, streamed
        write_output(output, jsondump.stream(conn, st.now))
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
    apple: Annotated[
        bool,
        typer.Option(
            "--apple",
            help="Birthdays without a year as Apple Contacts writes them (1604 and "
            "X-APPLE-OMIT-YEAR) instead of --MMDD.",
        ),
    ] = False,
) -> None:
    """Contacts as vCards (.vcf), with 'other' facts as notes."""
    from netjournal.interop import progress, vcardexport, write_output
    from netjournal.store.reads import dump as dump_reads

    vcardexport.check_version(version)  # said before the journal is opened
    st = state(ctx)
    with reading(st) as conn:
        contacts = dump_reads.interop_contacts(conn)
        notes: dict[int, list[str]] = {}
        for contact_id, text in dump_reads.interop_facts(conn, "other"):
            notes.setdefault(contact_id, []).append(text)
        extra: dict[int, list[tuple[str, str]]] = {}
        for contact_id, kind, value in dump_reads.identities(conn):
            extra.setdefault(contact_id, []).append((kind, value))
        details = dump_reads.contact_cards(conn)
    with progress(len(contacts), "Exporting cards"):
        text = vcardexport.export(
            contacts, notes, version, extra=extra, details=details, apple=apple
        )
    write_output(output, text)
    _done(output, _count(len(contacts)))


def register(app: typer.Typer) -> None:
    from netjournal.cli import capture, farming

    export_app.command("ics")(farming.export_ics)
    capture.register_import(import_app)
    app.add_typer(import_app, name="import")
    app.add_typer(export_app, name="export")

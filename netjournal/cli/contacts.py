"""The people: ``contact add|edit|merge|archive|rm``, ``contacts`` and ``show``."""

import json
import re
from typing import Annotated, Any

import typer

from netjournal import messages, vocab
from netjournal.cli import parse
from netjournal.cli.common import State, echo, reading, state, writing
from netjournal.cli.complete import complete_name
from netjournal.cli.scores import Limit
from netjournal.cli.scores import _rows as table_rows
from netjournal.errors import BadUsage, BadValue
from netjournal.text import choice, clean_name, clean_optional, fold

contact_app = typer.Typer(help="Add and change contacts.", no_args_is_help=True)

Company = Annotated[str | None, typer.Option("--company", help="Where they work.")]
Role = Annotated[str | None, typer.Option("--role", help="What they do.")]
Email = Annotated[str | None, typer.Option("--email", help="Email address.")]
Phone = Annotated[str | None, typer.Option("--phone", help="Phone number.")]
Birthday = Annotated[
    str | None, typer.Option("--birthday", help="1980-05-17, or --05-17 / '17 May' without year.")
]
Tier = Annotated[
    str | None, typer.Option("--tier", help="How close: " + ", ".join(vocab.TIERS) + ".")
]
Cadence = Annotated[
    int | None, typer.Option("--cadence", help="Days between contacts (overrides the tier).")
]
Tags = Annotated[list[str] | None, typer.Option("--tag", help="A tag (repeatable).")]
MetAt = Annotated[str | None, typer.Option("--met-at", help="Where you met.")]
MetOn = Annotated[str | None, typer.Option("--met-on", help="When you met.")]
MetThrough = Annotated[
    str | None,
    typer.Option(
        "--met-through",
        help="Who introduced you (a contact; an empty value forgets it).",
        autocompletion=complete_name,
    ),
]
Kin = Annotated[
    bool | None, typer.Option("--kin/--not-kin", help="Family: closeness decays slower.")
]

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _fields(
    st: State,
    *,
    company: str | None,
    role: str | None,
    email: str | None,
    phone: str | None,
    birthday: str | None,
    tier: str | None,
    cadence: int | None,
    tags: list[str] | None,
    met_at: str | None,
    met_on: str | None,
    kin: bool | None,
) -> dict[str, Any]:
    """Validated column values for the options that were given."""
    fields: dict[str, Any] = {}
    for key, label, value in (
        ("company", "company", company),
        ("role", "role", role),
        ("phone", "phone number", phone),
        ("met_at", "place you met", met_at),
    ):
        if value is not None:
            fields[key] = clean_optional(value, label)
    if email is not None:
        cleaned = clean_optional(email, "email")
        if cleaned and not _EMAIL.match(cleaned):
            raise BadValue(messages.BAD_EMAIL.format(email=cleaned))
        fields["email"] = cleaned
    if birthday is not None:
        from netjournal.dates import parse_birthday

        fields["birthday"] = (
            parse_birthday(birthday, date_order=st.config.date_order)  # type: ignore[arg-type]
            if birthday.strip()
            else None
        )
    if tier is not None:
        fields["tier"] = choice(tier, vocab.TIERS, "tier")
    if cadence is not None:
        if not 1 <= cadence <= 3650:
            raise BadValue(messages.BAD_CADENCE.format(days=cadence))
        fields["cadence"] = cadence
    if tags is not None:
        cleaned_tags: list[str] = []
        for tag in tags:
            value = clean_optional(tag, "tag")
            if value and fold(value) not in {fold(t) for t in cleaned_tags}:
                cleaned_tags.append(value)
        fields["tags"] = json.dumps(cleaned_tags, ensure_ascii=False)
    if met_on is not None:
        fields["met_on"] = parse.day(st, met_on, prefer="past")
    if kin is not None:
        fields["kin"] = kin
    return fields


def _met_through(j: Any, contact_id: Any, met_on: Any, raw: str | None) -> str | None:
    """Record who introduced you (``--met-through``); their name, or None."""
    if raw is None:
        return None
    from netjournal.store import intro_writes

    by = j.find(raw) if raw.strip() else None
    intro_writes.set_met_through(j, int(contact_id), by.id if by else None, met_on)
    return by.name if by else None


@contact_app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Full name.")],
    company: Company = None,
    role: Role = None,
    email: Email = None,
    phone: Phone = None,
    birthday: Birthday = None,
    tier: Tier = None,
    cadence: Cadence = None,
    tag: Tags = None,
    met_at: MetAt = None,
    met_on: MetOn = None,
    met_through: MetThrough = None,
    kin: Kin = None,
) -> None:
    """Add a contact."""
    st = state(ctx)
    clean = clean_name(name)
    fields = _fields(
        st,
        company=company,
        role=role,
        email=email,
        phone=phone,
        birthday=birthday,
        tier=tier,
        cadence=cadence,
        tags=tag,
        met_at=met_at,
        met_on=met_on,
        kin=kin,
    )
    with writing(st, f"contact add {clean}") as j:
        contact = j.add_contact(clean, **fields)
        by = _met_through(j, contact.id, contact.met_on, met_through)
    echo(messages.CONTACT_ADDED.format(name=clean))
    if by:
        echo(messages.MET_THROUGH_SET.format(name=clean, by=by))


@contact_app.command("edit")
def edit(
    ctx: typer.Context,
    name: Annotated[
        str, typer.Argument(help="The contact to change.", autocompletion=complete_name)
    ],
    new_name: Annotated[str | None, typer.Option("--name", help="A new name.")] = None,
    company: Company = None,
    role: Role = None,
    email: Email = None,
    phone: Phone = None,
    birthday: Birthday = None,
    tier: Tier = None,
    cadence: Cadence = None,
    tag: Tags = None,
    met_at: MetAt = None,
    met_on: MetOn = None,
    met_through: MetThrough = None,
    kin: Kin = None,
    no_cadence: Annotated[
        bool, typer.Option("--no-cadence", help="Drop the cadence override.")
    ] = False,
    unarchive: Annotated[
        bool, typer.Option("--unarchive", help="Bring back an archived contact.")
    ] = False,
) -> None:
    """Change a contact's details (an empty value clears a field)."""
    st = state(ctx)
    fields = _fields(
        st,
        company=company,
        role=role,
        email=email,
        phone=phone,
        birthday=birthday,
        tier=tier,
        cadence=cadence,
        tags=tag,
        met_at=met_at,
        met_on=met_on,
        kin=kin,
    )
    if new_name is not None:
        fields["name"] = clean_name(new_name)
    if no_cadence:
        if cadence is not None:
            raise BadUsage(messages.NO_CADENCE_AND_CADENCE)
        fields["cadence"] = None
    if unarchive:
        fields["archived"] = False
    if not fields and met_through is None:
        raise BadUsage(messages.NO_CHANGES)
    with writing(st, f"contact edit {name}") as j:
        person = j.find(name)
        contact = j.update_contact(person.id, **fields) if fields else j.contact(person.id)
        by = _met_through(j, person.id, contact.met_on, met_through)
    echo(messages.CONTACT_UPDATED.format(name=contact.name))
    if by:
        echo(messages.MET_THROUGH_SET.format(name=contact.name, by=by))
    elif met_through is not None:
        echo(messages.MET_THROUGH_CLEARED.format(name=contact.name))


@contact_app.command("merge")
def merge(
    ctx: typer.Context,
    keep: Annotated[str, typer.Argument(help="The contact to keep.", autocompletion=complete_name)],
    other: Annotated[
        str,
        typer.Argument(
            help="The duplicate whose history moves over.", autocompletion=complete_name
        ),
    ],
) -> None:
    """Merge a duplicate into a contact: all history moves, the duplicate goes."""
    st = state(ctx)
    with writing(st, f"contact merge {keep} {other}") as j:
        a = j.find(keep)
        b = j.find(other)
        if a.id == b.id:
            raise BadValue(messages.MERGE_SAME)
        j.merge_contacts(a.id, b.id)
    echo(messages.CONTACT_MERGED.format(keep=a.name, other=b.name))


@contact_app.command("dupes")
def dupes(
    ctx: typer.Context,
    json_: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Contacts that look like one person, with the evidence, most likely first."""
    from netjournal.render import contacts as render_contacts
    from netjournal.reports.dupes import dupes as find_dupes

    st = state(ctx)
    with reading(st) as conn:
        data = find_dupes(conn)
    render_contacts.dupes(data, as_json=json_)


@contact_app.command("archive")
def archive(
    ctx: typer.Context,
    name: Annotated[
        str, typer.Argument(help="The contact to archive.", autocompletion=complete_name)
    ],
) -> None:
    """Hide a contact from lists and reports, keeping the history."""
    st = state(ctx)
    with writing(st, f"contact archive {name}") as j:
        person = j.find(name)
        j.update_contact(person.id, archived=True)
    echo(messages.CONTACT_ARCHIVED.format(name=person.name))


@contact_app.command("rm")
def remove(
    ctx: typer.Context,
    name: Annotated[
        str, typer.Argument(help="The contact to delete.", autocompletion=complete_name)
    ],
    yes: Annotated[bool, typer.Option("--yes", help="Confirm the deletion.")] = False,
) -> None:
    """Delete a contact and all their history (net undo brings it back)."""
    st = state(ctx)
    if not yes:
        with reading(st) as conn:
            from netjournal.names import Outcome, resolution_error
            from netjournal.store.reads import contacts as contact_reads

            res = contact_reads.resolve_contact(conn, name)
        if res.outcome is not Outcome.FOUND or res.match is None:
            raise resolution_error(res)
        raise BadUsage(messages.RM_NEEDS_YES.format(name=res.match.name))
    with writing(st, f"contact rm {name}") as j:
        person = j.find(name)
        j.remove_contact(person.id)
    echo(messages.CONTACT_REMOVED.format(name=person.name))


def contacts(
    ctx: typer.Context,
    tag: Annotated[str | None, typer.Option("--tag", help="Only contacts with this tag.")] = None,
    tier: Tier = None,
    search: Annotated[
        str | None,
        typer.Option(
            "--search",
            help="Contacts whose fields or records hold these words (net search's grammar).",
        ),
    ] = None,
    archived: Annotated[
        bool, typer.Option("--archived", help="Include archived contacts.")
    ] = False,
    json_: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    limit: Limit = None,
) -> None:
    """List contacts."""
    from netjournal.render import contacts as render_contacts
    from netjournal.store.reads import contacts as contact_reads

    st = state(ctx)
    tier_value = choice(tier, vocab.TIERS, "tier") if tier is not None else None
    shown = table_rows(limit, json_)
    with reading(st) as conn:
        where = {"tag": tag, "tier": tier_value, "include_archived": archived}
        if search:
            from netjournal.reports.search import matching_contacts

            found = matching_contacts(conn, search)
            rows = [
                r for r in contact_reads.contacts(conn, **where, today=st.today) if r["id"] in found
            ]
            total, rows = len(rows), rows[:shown] if shown else rows
        else:
            total = contact_reads.contact_count(conn, **where)
            rows = contact_reads.contacts(conn, **where, limit=shown, today=st.today)
    render_contacts.contacts(rows, as_json=json_, total=total)


def show(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The contact to show.", autocompletion=complete_name)],
    json_: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Everything about one contact: profile, facts, timeline, balance, depth, stage."""
    from netjournal.render import contacts as render_contacts
    from netjournal.reports.profile import contact_profile
    from netjournal.text import check_utf8

    check_utf8(name)  # the argument's fault is said before the journal's absence
    st = state(ctx)
    with reading(st) as conn:
        profile = contact_profile(conn, name, st.today, st.constants)
    render_contacts.show(profile, as_json=json_, currency=st.config.currency)


def register(app: typer.Typer) -> None:
    app.add_typer(contact_app, name="contact")
    app.command("contacts")(contacts)
    app.command("show")(show)

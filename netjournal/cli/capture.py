"""Capture without typing: ``net import calendar FILE|DIR``, ``net import mail PATH``
and ``net inbox FILE``.

Each run reads its input in a read transaction (matching people, leaving out what was
captured already), then, unless ``--dry-run`` (print the proposals, write nothing),
reviews the proposals on a terminal (accept all, step through, cancel; skipped with
``--yes`` or without a terminal) and writes them in one transaction, which ``net undo``
reverts whole. Problems with the input are one sentence each on stderr (the first 20);
the command fails (exit 1) only when nothing could be read. The summary line goes to
stderr, the proposals of a dry run to stdout.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from netjournal import messages
from netjournal.cli.common import State, echo, notice, reading, state, writing
from netjournal.errors import BadValue
from netjournal.plural import plural

if TYPE_CHECKING:
    from netjournal.capture import Matcher, Proposal, Tally

#: how far back ``--since`` reaches by default, in days
DEFAULT_SINCE_DAYS = 90

Since = Annotated[
    str | None,
    typer.Option(
        "--since",
        help=(
            f"From when (default: {DEFAULT_SINCE_DAYS} days ago), "
            'such as 2026-09-01 or "3 months ago".'
        ),
    ),
]
DryRun = Annotated[
    bool, typer.Option("--dry-run", help="Print what would be logged; write nothing.")
]
Yes = Annotated[bool, typer.Option("--yes", "-y", help="Write without the review.")]


def _since(st: State, since: str | None) -> datetime:
    from netjournal.cli import parse

    day = parse.since_day(st, since) or st.today - timedelta(days=DEFAULT_SINCE_DAYS)
    return datetime.combine(day, time(0)).astimezone()


def run(
    st: State,
    tally: Tally,
    path: Path,
    propose: Callable[[Matcher, Tally], list[Proposal]],
    *,
    command: str,
    dry_run: bool,
    yes: bool,
) -> None:
    """Read, report, review and write one capture."""
    from netjournal.capture import Matcher
    from netjournal.capture.apply import write

    if not path.exists() and not path.is_symlink():
        raise BadValue(messages.CAPTURE_NOT_FOUND.format(path=path))
    if not st.config.me_emails and tally.source != "inbox":
        notice(messages.CAPTURE_NO_ME.format(path=st.config.path or "the config file"))
    with reading(st, missing_is_empty=True) as conn:
        proposals = propose(Matcher(conn, st.config.me_emails, st.config.me_names), tally)
    for line in tally.problems.lines():
        notice(line)
    if tally.files == 0 and tally.problems.count:
        raise BadValue(messages.CAPTURE_NOTHING_READ.format(path=path))
    if dry_run:
        for item in proposals:
            echo(item.line())
        _summary(tally, proposals, dry_run=True)
        notice(messages.CAPTURE_DRY_RUN)
        return
    if proposals and not yes:
        from netjournal.cli.debrief import interactive

        if interactive():
            reviewed = review(proposals)
            if reviewed is None:
                notice(messages.CAPTURE_CANCELLED)
                return
            proposals = reviewed
    written: list[Proposal] = []
    if proposals:
        with writing(st, command) as j:
            written = write(j, proposals, st.constants)
    _summary(tally, written)


def _summary(tally: Tally, proposals: list[Proposal], *, dry_run: bool = False) -> None:
    notice(tally.summary(proposals, dry_run=dry_run))
    if tally.unknown and not tally.new and tally.source == "calendar":
        notice(messages.CAPTURE_NEW_HINT)


def review(proposals: list[Proposal]) -> list[Proposal] | None:
    """On a terminal: the proposals, then accept all, step through or cancel; None when
    cancelled (Ctrl-C raises, and nothing is written either)."""
    for item in proposals[:50]:
        echo(item.line())
    if len(proposals) > 50:
        echo(f"... and {len(proposals) - 50} more")
    answer = typer.prompt(
        messages.CAPTURE_REVIEW.format(interactions=plural(len(proposals), "interaction")),
        default="a",
        show_default=False,
    )
    choice = answer.strip().lower()[:1]
    if choice == "a":
        return proposals
    if choice != "s":
        return None
    kept: list[Proposal] = []
    for item in proposals:
        echo(item.line())
        step = typer.prompt(messages.CAPTURE_STEP, default="y", show_default=False)
        step = step.strip().lower()[:1]
        if step == "q":
            break
        if step == "y":
            kept.append(item)
    return kept


def import_calendar(
    ctx: typer.Context,
    path: Annotated[
        Path, typer.Argument(help="An .ics file or a vdir folder.", show_default=False)
    ],
    since: Since = None,
    new: Annotated[
        bool, typer.Option("--new", help="Add unknown attendees as acquaintances.")
    ] = False,
    dry_run: DryRun = False,
    yes: Yes = False,
) -> None:
    """Past meetings from a calendar (.ics or vdir), with their attendees matched by email."""
    from netjournal.capture import Tally
    from netjournal.capture import calendar as reader

    st = state(ctx)
    start = _since(st, since)
    tally = Tally("calendar", "meeting", new=new)
    limit = st.config.import_limit_mb

    def propose(matcher: Matcher, t: Tally) -> list[Proposal]:
        return reader.propose(path, start, st.now, matcher, t, limit_mb=limit)

    run(
        st,
        tally,
        path,
        propose,
        command=f"import calendar {path.name}",
        dry_run=dry_run,
        yes=yes,
    )


def import_mail(
    ctx: typer.Context,
    path: Annotated[
        Path,
        typer.Argument(help="A Maildir (or a folder of them) or an mbox file.", show_default=False),
    ],
    since: Annotated[
        str | None, typer.Option("--since", help="Only messages from then on (default: all).")
    ] = None,
    dry_run: DryRun = False,
    yes: Yes = False,
) -> None:
    """Last contact from your mail: one email interaction per contact per thread per day
    (headers only; lists, bulk mail and Bcc left out)."""
    from netjournal.capture import Tally
    from netjournal.capture import mail as reader
    from netjournal.interop import progress

    st = state(ctx)
    start = _since(st, since) if since is not None else None
    tally = Tally("mail", "email")

    def propose(matcher: Matcher, t: Tally) -> list[Proposal]:
        boxes = reader.mailboxes(path, t)
        total = sum(_size(box) for _path, box in boxes)
        with progress(total, "Reading mail") as advance:
            return reader.propose(boxes, start, st.now, matcher, t, advance)

    run(st, tally, path, propose, command=f"import mail {path.name}", dry_run=dry_run, yes=yes)


def inbox(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            help="The text file, one entry per line.", dir_okay=False, show_default=False
        ),
    ],
    dry_run: DryRun = False,
    yes: Yes = False,
) -> None:
    """Log the lines of a text file you append to from your phone, such as
    '2026-12-01 coffee with Ana Rossi: talked about Bergamo; give introduction: to Marco'
    (lines imported before are skipped; see the README for the grammar)."""
    from netjournal.capture import Tally
    from netjournal.capture import inbox as reader
    from netjournal.capture.files import read_bytes

    st = state(ctx)
    tally = Tally("inbox", "entry")

    def propose(matcher: Matcher, t: Tally) -> list[Proposal]:
        data = read_bytes(file, st.config.import_limit_mb, t.problems)
        if data is None:
            return []
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise BadValue(messages.CAPTURE_INBOX_NOT_TEXT.format(path=file)) from None
        return reader.propose(text, st.today, st.config.date_order, matcher, t)

    run(st, tally, file, propose, command=f"inbox {file.name}", dry_run=dry_run, yes=yes)


def _size(box: object) -> int:
    """How many messages a mailbox holds (0 when it cannot tell: no progress bar)."""
    try:
        return len(box)  # type: ignore[arg-type]
    except (OSError, ValueError, TypeError):
        return 0


def register_import(import_app: typer.Typer) -> None:
    """``import calendar`` and ``import mail`` join ``net import`` (``cli/io.py``)."""
    import_app.command("calendar")(import_calendar)
    import_app.command("mail")(import_mail)


def register(app: typer.Typer) -> None:
    app.command("inbox")(inbox)

"""Keeping the journal safe: ``net backup``, ``net restore``, ``net doctor``.

Backups and restores go through SQLite's online backup API (``store.backup``); the
doctor's checks live in ``store.checks``. None of these commands imports SQLModel unless
a restored journal needs migrating.
"""

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from netjournal import messages
from netjournal.cli.common import State, echo, notice, state
from netjournal.errors import BadUsage, BadValue, JournalError
from netjournal.plural import plural


def human_size(size: int) -> str:
    """1234567 -> '1.2 MB'."""
    value = float(size)
    for unit in ("bytes", "kB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{int(value)} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{size} bytes"  # pragma: no cover


def _interactive() -> bool:
    """Whether a person can answer a confirmation prompt."""
    return sys.stdin.isatty()


def _require_journal(db: Path, template: str) -> None:
    from netjournal.store.sqlite import has_content

    if not has_content(db):  # an unreadable folder is a sentence too
        raise BadValue(template.format(path=db))


def backup(
    ctx: typer.Context,
    file: Annotated[
        Path | None,
        typer.Argument(
            help="Where to write the copy (default: a dated file in the journal's backups folder).",
            show_default=False,
        ),
    ] = None,
    list_: Annotated[
        bool, typer.Option("--list", help="List the backups in the journal's backups folder.")
    ] = False,
    json_: Annotated[
        bool, typer.Option("--json", help="With --list: machine-readable output.")
    ] = False,
) -> None:
    """Copy the journal safely (SQLite's backup API), readable by you only."""
    from netjournal.store.backup import (
        backup_file,
        default_backup_path,
        journal_version,
        same_file,
    )

    st = state(ctx)
    if list_:
        if file is not None:
            raise BadUsage(messages.BACKUP_LIST_WITH_FILE)
        _list(st.db, as_json=json_)
        return
    if json_:
        raise BadUsage(messages.BACKUP_JSON_WITHOUT_LIST)
    _require_journal(st.db, messages.NO_JOURNAL_YET)
    journal_version(st.db)  # a clear sentence if the journal is not one
    if file is None:
        target = default_backup_path(st.db, st.now)
    else:
        target = file.expanduser()
        if target.is_dir():
            raise BadValue(messages.BACKUP_TARGET_FOLDER.format(path=target))
        if same_file(target, st.db) or target.absolute() == st.db.absolute():
            raise BadValue(messages.BACKUP_IS_JOURNAL.format(path=target))
        if target.exists():
            try:
                journal_version(target)
            except JournalError:
                raise BadValue(messages.BACKUP_TARGET_EXISTS.format(path=target)) from None
    written = backup_file(st.db, target)  # a failure is one sentence naming the target
    echo(messages.BACKUP_DONE.format(path=written, size=human_size(written.stat().st_size)))


def _list(db: Path, *, as_json: bool = False) -> None:
    from netjournal.render import table
    from netjournal.store.backup import backups_dir, list_backups

    found = list_backups(db)
    if as_json:
        from netjournal.render import emit_json

        emit_json(
            {
                "folder": str(backups_dir(db)),
                "backups": [
                    {
                        "file": item.path.name,
                        "path": str(item.path),
                        "size": item.size,
                        "modified": item.modified.isoformat(timespec="seconds"),
                    }
                    for item in found
                ],
            }
        )
        return
    if not found:
        from netjournal.render import empty

        empty(messages.BACKUP_LIST_EMPTY.format(folder=backups_dir(db)))
        return
    from rich.console import Console

    echo(f"Backups in {backups_dir(db)}:")
    t = table("file", ">size", "date")
    for item in found:
        t.add_row(
            item.path.name,
            human_size(item.size),
            item.modified.astimezone().strftime("%Y-%m-%d %H:%M"),
        )
    t.print_to(Console(highlight=False), width=None)


def restore(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A journal or backup to restore.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Replace the journal with a backup (the current journal is backed up first)."""
    from netjournal.store import SCHEMA_VERSION
    from netjournal.store.backup import same_file
    from netjournal.store.restore import restore_from, staged

    st = state(ctx)
    source = file.expanduser()
    if same_file(source, st.db):
        raise BadValue(messages.RESTORE_SAME.format(path=source))
    # a private copy, checked like net doctor checks (integrity, schema objects, foreign
    # keys, text) before anything is replaced; the copy checked is the copy restored
    with staged(source, st.db) as (copy, found):
        if not yes:
            if not _interactive():
                raise BadUsage(messages.RESTORE_NEEDS_YES.format(journal=st.db))
            if not typer.confirm(messages.RESTORE_CONFIRM.format(journal=st.db, path=source)):
                notice(messages.RESTORE_CANCELLED)
                raise typer.Exit(1)
        previous = restore_from(copy, st.db, st.now)
    echo(messages.RESTORED.format(path=source))
    if previous is not None:
        echo(messages.RESTORED_BACKUP.format(backup=previous))
    if found < SCHEMA_VERSION:
        from netjournal.store.connection import open_journal

        open_journal(st.db, notice).close()  # upgrade now, with its own backup and notice


def doctor(
    ctx: typer.Context,
    json_: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    rebuild: Annotated[
        bool,
        typer.Option(
            "--rebuild",
            help="First repair what can be repaired without losing data: remove triggers, "
            "views and indexes netjournal did not create, restore its own, forget undo history "
            "it did not record, empty the score cache and rebuild the search index.",
        ),
    ] = False,
) -> None:
    """Check the journal: integrity, schema objects, foreign keys, text, orphans, undo
    history, look-alike contacts, score cache, search index, permissions, temporary copies."""
    from netjournal.store.sqlite import path_exists

    st = state(ctx)
    db = st.db
    if not path_exists(db):
        if json_:
            from netjournal.render import emit_json

            emit_json({"journal": str(db), "exists": False, "ok": True, "checks": []})
        else:
            notice(messages.DOCTOR_NO_JOURNAL.format(path=db))
        return
    if rebuild:
        _rebuild(db)
    from netjournal.store.checks import temporary_files

    removed, left = temporary_files(db)
    results = run_checks(db, st)
    results.append(
        {"name": "temporary_files", "title": "temporary copies", "ok": not left, "problems": left}
    )
    if removed:
        notice(messages.DOCTOR_TEMP_REMOVED.format(copies=plural(len(removed), "temporary copy")))
    bad = sum(len(r["problems"]) for r in results)
    if json_:
        from netjournal.render import emit_json

        emit_json({"journal": str(db), "exists": True, "ok": bad == 0, "checks": results})
    else:
        echo(f"Journal: {db} ({human_size(db.stat().st_size)})")
        for r in results:
            mark = "ok" if not r["problems"] else "PROBLEM"
            echo(f"{mark:<8} {r['title']}")
            for problem in r["problems"]:
                echo(f"         - {problem}")
        echo(
            messages.DOCTOR_OK
            if bad == 0
            else messages.DOCTOR_PROBLEMS.format(problems=plural(bad, "problem"))
        )
    if bad:
        raise typer.Exit(1)


def _rebuild(db: Path) -> None:
    """``--rebuild``: repair (store/repair.py), say what changed, then upgrade an older
    journal if nothing keeps it from being opened."""
    from netjournal.store import SCHEMA_VERSION, shape
    from netjournal.store.repair import rebuild

    done = rebuild(db)
    if done.removed:
        notice(messages.DOCTOR_REMOVED.format(objects=shape.listing(done.removed)))
    if done.restored:
        notice(messages.DOCTOR_RESTORED.format(objects=shape.listing(done.restored)))
    if done.forgotten:
        notice(messages.DOCTOR_FORGOT_UNDO.format(commands=plural(done.forgotten, "command")))
    notice(messages.DOCTOR_REBUILT.format(scores=plural(done.dropped, "cached score")))
    if done.reindexed:
        notice(messages.DOCTOR_SEARCH_REBUILT)
    if done.version < SCHEMA_VERSION:
        from netjournal.store.connection import open_journal
        from netjournal.store.sqlite import connect

        conn = connect(db)
        try:
            usable = shape.refusal(shape.compare(conn, done.version), db) is None
        finally:
            conn.close()
        if usable:
            open_journal(db, notice).close()


def run_checks(db: Path, st: State) -> list[dict[str, Any]]:
    """Every check in order, as {"name", "title", "ok", "problems"}."""
    import sqlite3

    from netjournal.store import SCHEMA_VERSION, checks
    from netjournal.store.sqlite import connect, user_version

    results: list[dict[str, Any]] = []

    def add(name: str, title: str, problems: list[str]) -> None:
        results.append({"name": name, "title": title, "ok": not problems, "problems": problems})

    try:
        with db.open("rb") as fh:
            is_sqlite = fh.read(16) == b"SQLite format 3\x00"
    except OSError as exc:
        raise JournalError(
            messages.JOURNAL_UNREADABLE.format(path=db, reason=exc.strerror or exc)
        ) from exc
    if not is_sqlite:
        raise JournalError(messages.JOURNAL_NOT_SQLITE.format(path=db))
    conn = connect(db)
    try:
        version = user_version(conn)
        if version > SCHEMA_VERSION:
            add(
                "schema",
                "schema version",
                [f"schema {version} is newer than this netjournal knows ({SCHEMA_VERSION})"],
            )
        elif version < 1:
            add("schema", "schema version", ["this file is not a netjournal journal"])
        else:
            add("schema", f"schema version {version}", [])
        add("integrity", "integrity check", checks.integrity(conn))
        if 1 <= version <= SCHEMA_VERSION:
            # before anything else reads the tables: what the file holds besides data
            add(
                "objects",
                "schema objects (tables, indexes, triggers, views)",
                checks.schema_objects(conn, version, db),
            )
        add("foreign_keys", "foreign keys", checks.foreign_keys(conn))
        if 1 <= version <= SCHEMA_VERSION:
            add("text", "text is UTF-8", checks.non_text(conn))
            add("orphans", "orphaned records", checks.orphans(conn))
            add("undo_history", "undo history", checks.undo_history(conn))
            add("duplicates", "look-alike contacts", checks.duplicate_contacts(conn))
        if 2 <= version <= SCHEMA_VERSION:
            from netjournal.scores import check_cache

            add("score_cache", "score cache", check_cache(conn, st.today, st.constants))
        if 5 <= version <= SCHEMA_VERSION:
            add("search_index", "search index", checks.search_index(conn))
        add("permissions", "file permissions (journal, WAL, backups)", checks.permissions(db))
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        add("integrity", "integrity check", [f"the journal cannot be read: {exc}"])
    finally:
        conn.close()
    return results


def register(app: typer.Typer) -> None:
    app.command("backup")(backup)
    app.command("restore")(restore)
    app.command("doctor")(doctor)

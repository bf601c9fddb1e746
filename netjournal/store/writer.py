"""Writing to the journal: one command, one SQLModel session, one transaction.

``open_writer`` takes the write lock up front (``BEGIN IMMEDIATE``), so concurrent
``net`` processes queue behind the busy timeout instead of failing, registers the command
for ``net undo``, and commits only if the whole command succeeded. The ``Journal`` it
yields offers the domain operations; it never prints.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool
from sqlmodel import Session, select

from netjournal import identity, messages
from netjournal.errors import BadValue, JournalError
from netjournal.models.journal import Contact, FollowUp, Interaction, Participant

if TYPE_CHECKING:
    from netjournal.models.exchanges import Exchange, Fact
from netjournal.names import Outcome, options_text, resolution_error
from netjournal.store import sqlite, undo
from netjournal.store.connection import open_journal
from netjournal.store.reads import contacts as contact_reads
from netjournal.text import fold


def _engine(path: Path) -> Any:
    """An engine whose connections are ``sqlite.connect(path)``: SQLAlchemy never
    sees the path, so it cannot read ``%20`` or ``?`` in it as URL syntax and open
    another file than the one the reads open."""
    engine = create_engine("sqlite://", creator=lambda: sqlite.connect(path), poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


@contextmanager
def open_writer(
    path: Path,
    command: str,
    now: datetime,
    on_notice: Any = None,
) -> Iterator[Journal]:
    """Yield a :class:`Journal` inside one write transaction; commit on success only.

    A journal this command creates gets its schema inside the same transaction, so a
    command that fails leaves no journal behind (the empty file is removed again).
    """
    made = _missing_folders(path)
    created = sqlite.create_file(path)
    if not created:
        open_journal(path, on_notice).close()  # checks, migrates, outside our txn
    engine = _engine(path)
    committed = False
    try:
        with Session(engine, expire_on_commit=False, autoflush=True) as session:
            try:
                raw = session.connection().connection.driver_connection
                assert isinstance(raw, sqlite3.Connection)
                if created:
                    _create_schema(raw, path)
                sqlite.trust_checked_schema(raw, path)  # the search index's triggers
                command_id = undo.begin_command(raw, command, now.astimezone(UTC).isoformat())
                journal = Journal(session, raw, now)
                yield journal
                session.flush()
                undo.end_command(raw, command_id)
                raw.execute("PRAGMA trusted_schema=OFF")
                session.commit()
                committed = True
            except (OperationalError, sqlite3.OperationalError) as exc:
                session.rollback()
                raise sqlite.translate(exc, path) from exc
            except BaseException:
                session.rollback()
                raise
    finally:
        engine.dispose()
        if created and committed:
            sqlite.use_wal(path)
        elif created:
            sqlite.discard_new(path)
            _remove_empty(made, path)


def _missing_folders(path: Path) -> list[Path]:
    """The folders above ``path`` that do not exist yet, deepest first."""
    out = []
    folder = path.absolute().parent
    while not folder.exists() and folder != folder.parent:
        out.append(folder)
        folder = folder.parent
    return out


def _remove_empty(folders: list[Path], path: Path) -> None:
    """Remove the folders a failed first write made for its journal, once the file is
    gone again: a command that failed leaves the disk as it found it."""
    if path.exists():
        return
    for folder in folders:
        try:
            folder.rmdir()  # only an empty folder; anything put there meanwhile stays
        except OSError:
            return


def _create_schema(conn: sqlite3.Connection, path: Path) -> None:
    """The schema of the journal this command created, in the command's transaction
    (unless another process made it meanwhile, which ``shape`` then checks)."""
    from netjournal.store import SCHEMA_VERSION, schema, shape

    if schema.create_in_transaction(conn, path):
        return
    version = sqlite.user_version(conn)
    if version != SCHEMA_VERSION:
        raise JournalError(messages.JOURNAL_CHANGED_MEANWHILE.format(path=path))
    shape.check(conn, path, version)


#: how SQLModel stores a datetime (UTC), for the rows written in plain SQL
_STAMP = "%Y-%m-%d %H:%M:%S.%f"


@dataclass(frozen=True, slots=True)
class Resolved:
    id: int
    name: str
    created: bool = False


class Journal:
    """The write operations of one command."""

    def __init__(self, session: Session, conn: sqlite3.Connection, now: datetime) -> None:
        self.session = session
        self.conn = conn
        self.now = now
        self.today: date = now.date()

    # --- reading inside the transaction -------------------------------------------------

    def flush(self) -> None:
        self.session.flush()

    def find(self, name: str) -> Resolved:
        """Resolve an existing contact or raise the user's sentence."""
        self.flush()
        res = contact_reads.resolve_contact(self.conn, name)
        if res.outcome is Outcome.FOUND and res.match:
            return Resolved(res.match.id, res.match.name)
        raise resolution_error(res)

    def find_or_create(self, names: Sequence[str], *, new: bool = False) -> list[Resolved]:
        """``log``'s rule: resolve each name, creating the missing ones (all or nothing)."""
        from netjournal.text import clean_name

        self.flush()
        out: list[Resolved] = []
        seen: set[int] = set()
        pending: list[str] = []
        for raw in names:
            name = clean_name(raw)
            res = contact_reads.resolve_contact(self.conn, name, exact_only=new)
            if res.outcome is Outcome.FOUND and res.match:
                if res.match.id in seen:
                    raise BadValue(messages.DUPLICATE_NAMES.format(name=res.match.name))
                seen.add(res.match.id)
                out.append(Resolved(res.match.id, res.match.name))
            elif res.outcome is Outcome.MISSING:
                if fold(name) in {fold(p) for p in pending}:
                    raise BadValue(messages.DUPLICATE_NAMES.format(name=name))
                pending.append(name)
                out.append(Resolved(-1, name, created=True))
            elif res.outcome is Outcome.CLOSE:
                raise BadValue(
                    messages.NAME_CLOSE_ON_LOG.format(name=name, options=options_text(res.options))
                )
            else:
                raise resolution_error(res)
        final: list[Resolved] = []
        for item in out:
            if item.created:
                contact = self.add_contact(item.name)
                assert contact.id is not None
                final.append(Resolved(contact.id, contact.name, created=True))
            else:
                final.append(item)
        return final

    def contact(self, contact_id: int) -> Contact:
        contact = self.session.get(Contact, contact_id)
        if contact is None:  # pragma: no cover - ids come from resolution
            raise BadValue(messages.RECORD_NOT_FOUND.format(id=contact_id))
        return contact

    # --- contacts ---------------------------------------------------------------------

    def _check_unique(self, name: str, except_id: int | None = None) -> None:
        self.flush()
        taken = contact_reads.contact_id_by_folded(self.conn, fold(name))
        if taken is not None and taken[0] != except_id:
            raise BadValue(messages.NAME_TAKEN.format(name=taken[1]))

    def add_contact(self, name: str, **fields: Any) -> Contact:
        self._check_unique(name)
        contact = Contact(name=name, name_folded=fold(name), **fields)
        contact.created_at = contact.updated_at = self.now.astimezone(UTC)
        self.session.add(contact)
        self.flush()
        assert contact.id is not None
        self.claim(contact.id, identity.of_contact(fields))
        return contact

    def claim(self, contact_id: int, found: Sequence[identity.Identity]) -> int:
        """Give the contact these identities (those no contact has yet); how many it got."""
        if not found:
            return 0
        self.flush()
        before = self.conn.total_changes
        self.conn.executemany(
            "INSERT OR IGNORE INTO identity (contact_id, kind, value) VALUES (?, ?, ?)",
            [(contact_id, kind, value) for kind, value in found],
        )
        return self.conn.total_changes - before

    def update_contact(self, contact_id: int, **fields: Any) -> Contact:
        contact = self.contact(contact_id)
        if "name" in fields:
            self._check_unique(fields["name"], except_id=contact_id)
            contact.name_folded = fold(fields["name"])
        for key, value in fields.items():
            setattr(contact, key, value)
        contact.updated_at = self.now.astimezone(UTC)
        self.session.add(contact)
        self.flush()
        self.claim(contact_id, identity.of_contact(fields))
        return contact

    def remove_contact(self, contact_id: int) -> None:
        contact = self.contact(contact_id)
        interaction_ids = [
            row[0]
            for row in self.conn.execute(
                "SELECT interaction_id FROM participant WHERE contact_id = ?", (contact_id,)
            )
        ]
        self.session.delete(contact)
        self.flush()
        self._drop_empty_interactions(interaction_ids)

    def _drop_empty_interactions(self, interaction_ids: Sequence[int]) -> None:
        for iid in interaction_ids:
            left = self.conn.execute(
                "SELECT 1 FROM participant WHERE interaction_id = ? LIMIT 1", (iid,)
            ).fetchone()
            if not left:
                interaction = self.session.get(Interaction, iid)
                if interaction is not None:
                    self.session.delete(interaction)
        self.flush()

    def merge_contacts(self, keep_id: int, other_id: int) -> None:
        """Move every record of ``other`` to ``keep``, fill ``keep``'s blanks, drop ``other``."""
        keep = self.contact(keep_id)
        other = self.contact(other_id)
        shared = {
            row[0]
            for row in self.conn.execute(
                "SELECT interaction_id FROM participant WHERE contact_id = ? AND interaction_id IN "
                "(SELECT interaction_id FROM participant WHERE contact_id = ?)",
                (other_id, keep_id),
            )
        }
        for part in self.session.exec(
            select(Participant).where(Participant.contact_id == other_id)
        ).all():
            if part.interaction_id in shared:
                self.session.delete(part)
            else:
                part.contact_id = keep_id
                self.session.add(part)
        from netjournal.models.exchanges import Exchange, Fact
        from netjournal.models.proactive import Expense

        for model in (Exchange, Fact, FollowUp, Expense):
            for row in self.session.exec(
                select(model).where(model.contact_id == other_id)  # type: ignore[attr-defined]
            ).all():
                row.contact_id = keep_id
                self.session.add(row)
        for field in (
            "company",
            "role",
            "email",
            "phone",
            "birthday",
            "met_at",
            "met_on",
            "cadence",
            "linkedin_url",
            "linkedin_company",
            "linkedin_role",
            "vcard_uid",
            "snoozed_until",
        ):
            if getattr(keep, field) is None and getattr(other, field) is not None:
                setattr(keep, field, getattr(other, field))
        if other.met_on and keep.met_on and other.met_on < keep.met_on:
            keep.met_on = other.met_on
        tags = json.loads(keep.tags) + [t for t in json.loads(other.tags) if t not in keep.tags]
        keep.tags = json.dumps(tags, ensure_ascii=False)
        keep.kin = keep.kin or other.kin
        if other.source is None:
            keep.source = None  # one of the two was typed by hand: not an import
        keep.updated_at = self.now.astimezone(UTC)
        self.session.add(keep)
        self.flush()
        self.conn.execute(
            "UPDATE identity SET contact_id = ? WHERE contact_id = ?", (keep_id, other_id)
        )
        from netjournal.store import card_writes, intro_writes

        card_writes.merge(self.conn, keep_id, other_id)
        intro_writes.merge(self, keep_id, other_id)
        self.session.delete(other)
        self.flush()

    # --- interactions and what came out of them ------------------------------------------

    def log_interaction(
        self, contact_ids: Sequence[int], kind: str, when: datetime, note: str
    ) -> Interaction:
        """Record one interaction with the given contacts (``reach_outs_met`` closes the
        reach-outs it answers)."""
        day = when.date()
        interaction = Interaction(
            kind=kind,
            occurred_at=when.astimezone(UTC),
            occurred_on=day,
            note=note,
            created_at=self.now.astimezone(UTC),
        )
        self.session.add(interaction)
        self.flush()
        assert interaction.id is not None
        for position, cid in enumerate(contact_ids):
            self.session.add(
                Participant(interaction_id=interaction.id, contact_id=cid, position=position)
            )
        self.flush()
        return interaction

    def log_captured(
        self,
        contact_ids: Sequence[int],
        kind: str,
        when: datetime,
        note: str,
        source: str,
        key: str,
    ) -> int | None:
        """:meth:`log_interaction` and :meth:`capture` in one, in plain SQL (the same rows,
        values and triggers; a capture writes tens of thousands, which the session's
        unit of work would take minutes for); None when ``key`` was captured already."""
        from netjournal.models.base import new_uuid

        self.flush()
        if self.conn.execute(
            "SELECT 1 FROM captured WHERE source = ? AND key = ?", (source, key)
        ).fetchone():
            return None
        created = self.now.astimezone(UTC).strftime(_STAMP)
        cur = self.conn.execute(
            "INSERT INTO interaction (uuid, kind, occurred_at, occurred_on, note, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                new_uuid(),
                kind,
                when.astimezone(UTC).strftime(_STAMP),
                when.date().isoformat(),
                note,
                created,
            ),
        )
        interaction_id = int(cur.lastrowid or 0)
        self.conn.executemany(
            "INSERT INTO participant (interaction_id, contact_id, position) VALUES (?, ?, ?)",
            [(interaction_id, cid, position) for position, cid in enumerate(contact_ids)],
        )
        self.conn.execute(
            "INSERT INTO captured (source, key, interaction_id, captured_at) VALUES (?, ?, ?, ?)",
            (source, key, interaction_id, created),
        )
        return interaction_id

    def reach_outs_met(
        self, contact_ids: Sequence[int], day: date, *, close: bool = True
    ) -> list[FollowUp]:
        """The open reach-outs of these contacts that contact on ``day`` answers: recorded
        on or before ``day``, and ``day`` not after today; and their plans (``log
        --planned``) for ``day`` or before. With ``close`` (real contact), they are closed
        as done on ``day``; by due date, then id."""
        from sqlalchemy import and_, or_

        if day > self.today or not contact_ids:
            return []
        query = (
            select(FollowUp)
            .where(
                FollowUp.contact_id.in_(list(contact_ids)),  # type: ignore[attr-defined]
                FollowUp.done_on == None,  # noqa: E711
                or_(
                    and_(FollowUp.kind == "reach-out", FollowUp.created_on <= day),
                    and_(FollowUp.kind == "plan", FollowUp.due <= day),
                ),
            )
            .order_by(FollowUp.due, FollowUp.id)  # type: ignore[arg-type]
        )
        items = list(self.session.exec(query).all())
        if close:
            for item in items:
                item.done_on = day
                self.session.add(item)
            self.flush()
        return items

    def add_exchange(
        self,
        contact_id: int,
        direction: str,
        kind: str,
        what: str,
        on: date,
        *,
        size: int | None = None,
        amount_cents: int | None = None,
        status: str = "granted",
        interaction_id: int | None = None,
        link: bool = True,
    ) -> Exchange:
        """A give or an ask; a give of kind introduction whose text names a contact also
        records the introduction (``intro_writes.link_give``) unless ``link`` is off."""
        from netjournal.models.exchanges import Exchange

        exchange = Exchange(
            contact_id=contact_id,
            direction=direction,
            kind=kind,
            what=what,
            size=size,
            amount_cents=amount_cents,
            status=status,
            occurred_on=on,
            settled_on=on if status != "open" else None,
            interaction_id=interaction_id,
            created_at=self.now.astimezone(UTC),
        )
        self.session.add(exchange)
        self.flush()
        if link and direction == "give" and kind == "introduction":
            from netjournal.store import intro_writes

            intro_writes.link_give(self, exchange)
        return exchange

    def set_ask_status(self, exchange_id: int, status: str) -> Exchange:
        from netjournal.models.exchanges import Exchange

        exchange = self.session.get(Exchange, exchange_id)
        if exchange is None or exchange.direction != "ask":
            raise BadValue(messages.ASK_NOT_FOUND.format(id=exchange_id))
        exchange.status = status
        exchange.settled_on = self.today if status != "open" else None
        self.session.add(exchange)
        self.flush()
        return exchange

    def add_fact(
        self,
        contact_id: int,
        category: str,
        text: str,
        on: date,
        interaction_id: int | None = None,
    ) -> Fact:
        from netjournal.models.exchanges import Fact

        fact = Fact(
            contact_id=contact_id,
            category=category,
            text=text,
            learned_on=on,
            interaction_id=interaction_id,
            created_at=self.now.astimezone(UTC),
        )
        self.session.add(fact)
        self.flush()
        return fact

    def update_fact_text(self, fact_id: int, text: str) -> None:
        from netjournal.models.exchanges import Fact

        fact = self.session.get(Fact, fact_id)
        if fact is not None:
            fact.text = text
            self.session.add(fact)
            self.flush()

    def add_followup(
        self,
        contact_id: int,
        kind: str,
        due: date,
        note: str,
        interaction_id: int | None = None,
    ) -> FollowUp:
        followup = FollowUp(
            contact_id=contact_id,
            kind=kind,
            due=due,
            note=note,
            created_on=self.today,
            interaction_id=interaction_id,
            created_at=self.now.astimezone(UTC),
        )
        self.session.add(followup)
        self.flush()
        return followup

    # --- records by id (edit, rm) -----------------------------------------------------

    def record(self, model: type[Any], record_id: int) -> Any:
        return self.session.get(model, record_id)

    def save(self, obj: Any) -> None:
        self.session.add(obj)
        self.flush()

    def delete(self, obj: Any) -> None:
        self.session.delete(obj)
        self.flush()

    # --- undo -------------------------------------------------------------------------

    def undo_last(self) -> tuple[str, int] | None:
        """Revert the newest recorded command (other than this one)."""
        self.flush()
        rows = self.conn.execute(
            "SELECT id, name FROM undo_command ORDER BY id DESC LIMIT 2"
        ).fetchall()
        # rows[0] is this very `undo` command, registered by open_writer
        if len(rows) < 2:
            return None
        command_id, name = int(rows[1][0]), str(rows[1][1])
        steps = undo.revert(self.conn, command_id, name)
        return name, steps

    # --- follow-ups and snoozing ------------------------------------------------------

    def close_followups(self, contact_id: int, *, every: bool = False) -> list[FollowUp]:
        """Mark done, as of today, the earliest open follow-up or promise of the contact
        (by due date, then id), or all of them with ``every``. Returns those closed."""
        query = (
            select(FollowUp)
            .where(FollowUp.contact_id == contact_id, FollowUp.done_on == None)  # noqa: E711
            .order_by(FollowUp.due, FollowUp.id)  # type: ignore[arg-type]
        )
        items = list(self.session.exec(query).all())
        closed = items if every else items[:1]
        for item in closed:
            item.done_on = self.today
            self.session.add(item)
        self.flush()
        return closed

    def snooze(self, contact_id: int, until: date | None) -> Contact:
        """Hide the contact from ``net due`` until ``until`` (None: show it again)."""
        return self.update_contact(contact_id, snoozed_until=until)

"""Writing accepted proposals, inside the command's one transaction: each becomes an
interaction (``Journal.log_interaction``, as ``net log`` writes it), remembered in
``captured``; it closes the reach-outs it answers by ``net log``'s rule (real contact
closes them, a light touch does not); with ``--new`` the unknown people it names become
contacts of tier ``acquaintance`` carrying their email. An inbox entry also records its
gives, asks, facts, follow-up and promises, tied to the interaction."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from netjournal.capture import Person, Proposal
from netjournal.scoring.records import is_real
from netjournal.store.reads import capture as capture_reads
from netjournal.store.reads import contacts as contact_reads
from netjournal.text import fold

if TYPE_CHECKING:
    from netjournal.scoring.constants import Constants
    from netjournal.store.writer import Journal

NEW_TIER = "acquaintance"


def write(j: Journal, proposals: list[Proposal], constants: Constants) -> list[Proposal]:
    """Log the proposals not captured meanwhile; the ones written."""
    created: dict[str, int] = {}
    done: list[Proposal] = []
    j.flush()
    waiting = capture_reads.open_reach_out_contacts(j.conn)  # the few with reach-outs open
    for item in proposals:
        ids = [p.id for p in item.people if p.id is not None]
        for person in item.unknown:
            new_id = _contact(j, person, created)
            if new_id is not None and new_id not in ids:
                ids.append(new_id)
        if not ids:
            continue
        interaction_id = j.log_captured(ids, item.kind, item.when, item.note, item.source, item.key)
        if interaction_id is None:
            continue  # captured meanwhile by another run
        if waiting.intersection(ids) and is_real(item.kind, constants):
            # net log's rule: real contact closes the reach-outs it answers (a light
            # touch leaves them open, so there is nothing to write for it)
            j.reach_outs_met(ids, item.day, close=True)
        if item.extras:
            _extras(j, ids[0], interaction_id, item)
        done.append(item)
    return done


def _contact(j: Journal, person: Person, created: dict[str, int]) -> int | None:
    """The contact made for an unknown person (once per run), named as the source names
    them, else by their address."""
    email = str(person.email or "")
    if email in created:
        return created[email]
    j.flush()
    found = capture_reads.contact_by_email(j.conn, email) if email else None
    if found is not None:
        created[email] = found[0]
        return found[0]
    for name in (person.name, email):
        if name and contact_reads.contact_id_by_folded(j.conn, fold(name)) is None:
            contact = j.add_contact(name, email=email or None, tier=NEW_TIER)
            assert contact.id is not None
            created[email] = contact.id
            return contact.id
    return None


def _extras(j: Journal, contact_id: int, interaction_id: int, item: Proposal) -> None:
    extras: dict[str, Any] = item.extras
    day = item.day
    for kind, text in extras.get("gives", []):
        j.add_exchange(contact_id, "give", kind, text, day, interaction_id=interaction_id)
    for kind, text in extras.get("asks", []):
        j.add_exchange(contact_id, "ask", kind, text, day, interaction_id=interaction_id)
    for category, text in extras.get("facts", []):
        j.add_fact(contact_id, category, text, day, interaction_id=interaction_id)
    if extras.get("follow_up") is not None:
        j.add_followup(
            contact_id, "reach-out", extras["follow_up"], "", interaction_id=interaction_id
        )
    for text in extras.get("promises", []):
        j.add_followup(
            contact_id, "promise", extras["promise_day"], text, interaction_id=interaction_id
        )

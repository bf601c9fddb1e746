"""``net import mail PATH``: messages from or to known contacts become ``email``
interactions, one per contact per thread per day.

PATH is a Maildir (a folder with ``cur/`` and ``new/``, as mbsync and offlineimap keep),
a folder of Maildirs, or an mbox file; both are read with the standard library's
``mailbox``, one message at a time and only up to the end of its headers (bodies are
never read). A message you sent (From one of ``[me]``'s addresses) is an interaction
with each known contact in To and Cc (never Bcc); one you received is an interaction
with its sender when it was addressed to you (in To or Cc; else you were a blind copy
and it is skipped). Mailing-list and bulk traffic (``List-Id``, ``Precedence: bulk``,
``list`` or ``junk``) is skipped. The thread is the first Message-ID in References,
else In-Reply-To, else the message's own Message-ID, else its subject without
``Re:``/``Fwd:``; the key of an interaction is (thread, day, the contact's address), so
a second run, or the same message in two folders, imports nothing new. Note: the
subject. Moment: the Date header, in local time.
"""

from __future__ import annotations

import mailbox
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from email.header import decode_header, make_header
from email.message import Message
from email.parser import BytesHeaderParser
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path
from typing import IO, Any

from netjournal import identity, messages
from netjournal.capture import Matcher, Person, Proposal, Tally, clean_note, digest
from netjournal.capture.files import _why, is_folder, tree

SOURCE = "mail"
#: the most header bytes read of one message (a message with more is cut there)
HEADER_LIMIT = 256 * 1024
_PREFIX = re.compile(
    r"^\s*(?:(?:re|fwd?|aw|wg|sv|vs|antw|rif|r|tr|odp)\s*(?:\[\d+\])?\s*:\s*|\[[^\]]*\]\s*)+",
    re.IGNORECASE,
)
_BULK = ("bulk", "list", "junk")
_MESSAGE_ID = re.compile(r"<[^<>\s]+>")
_ADDRESS = re.compile(r"^[^@\s<>(),;:\"]+@[^@\s<>(),;:\"]+\.[^@\s<>(),;:\".]+$|^[^@\s]+@localhost$")


def mailboxes(path: Path, tally: Tally) -> list[tuple[Path, Any]]:
    """The mailboxes at ``path``: an mbox file, a Maildir, or the Maildirs under a
    folder (each real folder once: a symbolic link back up the tree ends there)."""
    if not path.is_dir():
        try:
            with path.open("rb") as handle:
                start = handle.read(5)
        except OSError as exc:
            tally.problems.add(_why(path, exc))
            return []
        if start != b"From ":
            tally.problems.add(messages.CAPTURE_NOT_MAILBOX.format(path=path))
            return []
        return [(path, mailbox.mbox(path, factory=None, create=False))]
    found = [
        (folder, mailbox.Maildir(folder, factory=None, create=False)) for folder in _maildirs(path)
    ]
    if not found:
        tally.problems.add(messages.CAPTURE_NOT_MAILBOX.format(path=path))
    return found


def _maildirs(path: Path) -> Iterator[Path]:
    # Maildir++ keeps subfolders as hidden ".Sent" folders next to cur/new/tmp
    for folder, entries in tree(path, None, lambda name: name not in ("cur", "new", "tmp")):
        if {"cur", "new"} <= {e.name for e in entries if is_folder(e)}:
            yield folder


def propose(
    boxes: list[tuple[Path, Any]],
    since: datetime | None,
    now: datetime,
    matcher: Matcher,
    tally: Tally,
    advance: Callable[[int], None] = lambda step=1: None,
) -> list[Proposal]:
    """The interactions the messages propose, oldest first."""
    found: dict[str, Proposal] = {}
    for where, headers in _messages(boxes, tally, advance):
        tally.read += 1
        for key, item in _interactions(where, headers, since, now, matcher, tally):
            earlier = found.get(key)
            if earlier is None:
                found[key] = item
                continue
            tally.skip("same thread that day")
            if item.when < earlier.when:
                earlier.when, earlier.note = item.when, item.note
    return sorted(found.values(), key=lambda p: p.when)


def _messages(
    boxes: list[tuple[Path, Any]], tally: Tally, advance: Callable[[int], None]
) -> Iterator[tuple[str, Message]]:
    parser = BytesHeaderParser()
    for path, box in boxes:
        try:
            keys = list(box.iterkeys())
        except (OSError, mailbox.Error) as exc:
            tally.problems.add(messages.CAPTURE_UNREADABLE.format(path=path, reason=exc))
            continue
        tally.files += 1
        single = isinstance(box, mailbox.mbox)
        for number, key in enumerate(keys, 1):
            advance(1)
            if not single and str(key).startswith("."):
                continue  # not a message: a .keep or a client's own file
            where = f"{path.name} message {number}" if single else f"{path.name}/{key}"
            try:
                handle = box.get_file(key)
                try:
                    data = _header_bytes(handle)
                finally:
                    handle.close()
                yield where, parser.parsebytes(data)
            except (OSError, KeyError, mailbox.Error, ValueError) as exc:
                tally.problems.add(messages.CAPTURE_BROKEN_MESSAGE.format(where=where, reason=exc))


def _header_bytes(handle: IO[bytes]) -> bytes:
    lines: list[bytes] = []
    size = 0
    for line in handle:
        if line in (b"\n", b"\r\n") or size > HEADER_LIMIT:
            break
        lines.append(line)
        size += len(line)
    return b"".join(lines)


def _text(value: object) -> str:
    if value is None:
        return ""
    try:
        return str(make_header(decode_header(str(value))))
    except (ValueError, LookupError, UnicodeError):
        return str(value)


def _addresses(msg: Message, header: str, where: str, tally: Tally) -> list[tuple[str, str]] | None:
    """(name, address) pairs of the header (addresses normalised); None when one is
    malformed (one problem)."""
    raw = [str(v) for v in msg.get_all(header, [])]
    if not raw:
        return []
    out: list[tuple[str, str]] = []
    pairs = [(n, a) for n, a in getaddresses(raw) if n or a]
    if not pairs and any(v.strip() for v in raw):
        pairs = [("", ", ".join(raw))]  # what the parser could not read at all
    for name, address in pairs:
        email = identity.email(address)
        if email is None or not _ADDRESS.match(email):
            tally.problems.add(
                messages.CAPTURE_BAD_ADDRESS.format(
                    where=where, header=header, value=clean_note(", ".join(raw))[:80]
                )
            )
            return None
        out.append((_text(name), email))
    return out


def _interactions(
    where: str,
    msg: Message,
    since: datetime | None,
    now: datetime,
    matcher: Matcher,
    tally: Tally,
) -> Iterator[tuple[str, Proposal]]:
    if msg.get("List-Id") is not None or str(msg.get("Precedence", "")).strip().lower() in _BULK:
        tally.skip("list")
        return
    when = _date(msg)
    if when is None:
        tally.problems.add(messages.CAPTURE_NO_DATE.format(where=where))
        tally.skip("no date")
        return
    if when > now:
        tally.skip("future")
        return
    if since is not None and when < since:
        tally.skip("before --since")
        return
    sender = _addresses(msg, "From", where, tally)
    to = _addresses(msg, "To", where, tally)
    cc = _addresses(msg, "Cc", where, tally)
    if sender is None or to is None or cc is None or not sender:
        tally.skip("bad address")
        return
    name, address = sender[0]
    mine = matcher.me_emails
    from_me = matcher.is_me(address) or (not mine and matcher.by_email(address) is None)
    if from_me:
        parties = [matcher.person(a, n) for n, a in to + cc]
    elif mine and not any(matcher.is_me(a) for _n, a in to + cc):
        tally.skip("bcc")
        return
    else:
        parties = [matcher.person(address, name)]
    known = _known(parties, tally)
    if not known:
        tally.skip("no known contact")
        return
    root = _thread(msg)
    day = when.date().isoformat()
    note = clean_note(_text(msg.get("Subject")))
    for person in known:
        key = digest(root, day, str(person.email))
        if matcher.captured(SOURCE, key):
            tally.skip("already imported")
            continue
        yield key, Proposal(SOURCE, key, "email", when, note, [person])


def _known(parties: list[Person | None], tally: Tally) -> list[Person]:
    known: list[Person] = []
    for person in parties:
        if person is None:
            continue
        if person.id is None:
            if person.email:
                tally.unknown.setdefault(person.email, "")
            continue
        if all(p.id != person.id for p in known):
            known.append(person)
    return known


def _date(msg: Message) -> datetime | None:
    raw = msg.get("Date")
    if raw is None:
        return None
    try:
        value = parsedate_to_datetime(str(raw))
    except (TypeError, ValueError, IndexError):
        return None
    if value is None:
        return None
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone()


def _thread(msg: Message) -> str:
    for header in ("References", "In-Reply-To", "Message-ID"):
        found = _MESSAGE_ID.findall(str(msg.get(header, "")))
        if found:
            return found[0]
    subject = _PREFIX.sub("", clean_note(_text(msg.get("Subject"))))
    return "subject:" + " ".join(subject.casefold().split())

"""A card's text: cut from the file (:func:`iter_cards`), made fit for ``vobject``
(:func:`prepare`: vCard 2.1, Outlook's unescaped commas, charsets).

``vobject`` reads every card by the 3.0 rules, where an unescaped comma separates the
values of a list: "Schmidt, Anna" in FN became "Schmidt", a title or note was cut at
its first comma, a company with a comma was split. So before a card is parsed:

* in a 2.1 card (where a comma is just a comma) every comma of every value but
  CATEGORIES is escaped;
* in any card, a comma that is not escaped in FN, TITLE, ROLE, NOTE or ORG (never lists
  in any version) is escaped, as Outlook's 3.0 cards need;
* a line whose bytes are not UTF-8 is decoded by its ``CHARSET`` parameter, else as
  Windows-1252 (what Outlook writes); the file was read with ``surrogateescape`` so the
  original bytes are still there. (A UTF-16 file is recognised by its BOM when opened.)

Folded lines (a leading space or tab) and quoted-printable soft line breaks (a value
line ending in ``=``) continue the property of the line before them.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator

_NEVER_LISTS = {"FN", "TITLE", "ROLE", "NOTE", "ORG"}
_LISTS = {"CATEGORIES", "NICKNAME"}
_UNESCAPED_COMMA = re.compile(r"(?<!\\),")
_SURROGATE = re.compile("[\udc80-\udcff]")
_CHARSET = re.compile(r";\s*CHARSET=([^;:]+)", re.IGNORECASE)


def _split(line: str) -> tuple[str, str] | None:
    """(name with parameters, value) at the first ':' outside quotes."""
    quoted = False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            return line[:i], line[i + 1 :]
    return None


def _property(head: str) -> str:
    name = head.split(";", 1)[0].strip().upper()
    return name.rsplit(".", 1)[-1]  # 'item1.TEL' -> 'TEL'


def decode(line: str, charset: str | None) -> str:
    """A line read with ``surrogateescape``, decoded from its original bytes by
    ``charset`` (else Windows-1252) when they were not UTF-8."""
    if not _SURROGATE.search(line):
        return line
    raw = line.encode("utf-8", "surrogateescape")
    for name in (charset, "cp1252", "latin-1"):
        if not name:
            continue
        try:
            codecs.lookup(name)
            return raw.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("latin-1")  # pragma: no cover - latin-1 decodes every byte


def _escape(value: str, prop: str, version21: bool) -> str:
    if prop in _LISTS:
        return value
    if version21 or prop in _NEVER_LISTS:
        return _UNESCAPED_COMMA.sub(r"\\,", value)
    return value


def prepare(text: str) -> str:
    """The card's text with commas escaped and charsets decoded as described above."""
    lines = text.split("\r\n")
    version21 = any(line.strip().upper() == "VERSION:2.1" for line in lines)
    out: list[str] = []
    prop, charset, soft = "", None, False
    for line in lines:
        if (line[:1] in (" ", "\t") or soft) and out:
            out.append(_escape(decode(line, charset), prop, version21))
            soft = soft and line.endswith("=")
            continue
        parts = _split(line)
        if parts is None:
            out.append(decode(line, None))
            prop, charset, soft = "", None, False
            continue
        head, value = parts
        prop = _property(head)
        found = _CHARSET.search(head)
        charset = found.group(1).strip().strip('"') if found else None
        quoted_printable = "QUOTED-PRINTABLE" in head.upper()
        soft = quoted_printable and value.endswith("=")
        out.append(f"{head}:{_escape(decode(value, charset), prop, version21)}")
    return "\r\n".join(out)


#: the largest card read (a phone's photo of the person makes a card big; 8 MB is not a
#: contact, and vobject would need several times that to read it)
MAX_CARD = 8 * 1024 * 1024


def iter_cards(lines: Iterable[str]) -> Iterator[str | None]:
    """The text of each BEGIN:VCARD ... END:VCARD block, as the lines come. A card that
    never ends is kept (and later reported as unreadable) up to the next BEGIN:VCARD. A
    card over :data:`MAX_CARD` characters is not kept: None stands in its place."""
    current: list[str] | None = None
    size = 0
    for raw in lines:
        line = raw.rstrip("\r\n")
        word = line.strip().upper()
        if word == "BEGIN:VCARD":
            if current is not None:
                yield _block(current, size)
            current, size = [], 0
        if current is not None:
            size += len(line) + 2
            if size <= MAX_CARD:
                current.append(line)
            elif current:
                current.clear()  # too big: drop what was kept, count the rest
            if word == "END:VCARD":
                yield _block(current, size)
                current = None
    if current is not None:
        yield _block(current, size)


def _block(lines: list[str], size: int) -> str | None:
    return None if size > MAX_CARD else "\r\n".join(lines) + "\r\n"


def split_cards(text: str) -> list[str | None]:
    """Every card of ``text`` (see :func:`iter_cards`)."""
    return list(iter_cards(text.splitlines()))

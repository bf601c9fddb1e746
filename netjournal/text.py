"""Folding and checking what people type: names, notes, kinds, money."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from netjournal import messages
from netjournal.errors import BadValue

MAX_NAME = 200
MAX_TEXT = 20_000
MAX_AMOUNT_CENTS = 100_000_000_000  # one billion in major units: anything above is a typo

# bidirectional overrides and isolates: invisible, and used to disguise text
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def fold(text: str) -> str:
    """Case- and accent-insensitive form: 'Élodie  Núñez' -> 'elodie nunez'."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def _has_control(text: str, allowed: str = "") -> bool:
    return any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in text)


def clean_name(raw: str) -> str:
    """A contact's name, trimmed, with runs of spaces collapsed; refuses control characters."""
    if _has_control(raw) or _BIDI_CONTROLS.search(raw):
        raise BadValue(messages.NAME_CONTROL.format(name=printable(raw)))
    name = " ".join(unicodedata.normalize("NFC", raw).split())
    if not name or not fold(name):
        raise BadValue(messages.NAME_EMPTY)
    if len(name) > MAX_NAME:
        raise BadValue(messages.NAME_TOO_LONG.format(limit=MAX_NAME))
    return name


def clean_text(raw: str, what: str, *, required: bool = True, multiline: bool = True) -> str:
    """A note or fact: newlines and tabs are fine, other control characters are not."""
    allowed = "\n\t" if multiline else ""
    if _has_control(raw.replace("\r\n", "\n"), allowed):
        raise BadValue(messages.TEXT_CONTROL.format(what=what))
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n")).strip()
    if required and not text:
        raise BadValue(messages.TEXT_EMPTY.format(what=what))
    if len(text) > MAX_TEXT:
        raise BadValue(messages.TEXT_TOO_LONG.format(what=what, limit=MAX_TEXT))
    return text


def clean_optional(raw: str | None, what: str) -> str | None:
    """A short single-line field (company, role, email...); empty means none."""
    if raw is None:
        return None
    text = clean_text(raw, what, required=False, multiline=False)
    return text or None


def choice(raw: str, allowed: tuple[str, ...], what: str) -> str:
    """One of ``allowed``, case-insensitively; else a sentence listing them."""
    value = raw.strip().lower()
    if value not in allowed:
        raise BadValue(
            messages.UNKNOWN_CHOICE.format(
                what=what, value=printable(raw), allowed=", ".join(allowed)
            )
        )
    return value


def parse_money(raw: str) -> int:
    """'1250', '1250.50', '1,250.50' -> cents. Refuses negative, absurd or malformed amounts."""
    text = raw.strip().replace(" ", "").replace("_", "")
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", text):
        text = text.replace(",", "")
    elif re.fullmatch(r"\d+,\d{1,2}", text):
        text = text.replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise BadValue(messages.BAD_AMOUNT.format(amount=printable(raw))) from None
    if not value.is_finite() or value < 0:
        raise BadValue(messages.BAD_AMOUNT.format(amount=printable(raw)))
    cents = value * 100
    if cents != cents.to_integral_value():
        raise BadValue(messages.AMOUNT_PRECISION.format(amount=printable(raw)))
    if cents > MAX_AMOUNT_CENTS:
        raise BadValue(messages.AMOUNT_TOO_LARGE.format(amount=printable(raw)))
    return int(cents)


def format_money(cents: int) -> str:
    """Exact two-decimal string: 30 -> '0.30'."""
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d}"


def printable(text: str, limit: int = 60) -> str:
    """A safe one-line rendering of user input for messages."""
    shown = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"

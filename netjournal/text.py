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

# What typed and imported text may hold (one rule for both; see README "Reliability"):
# - lone surrogates (invalid UTF-8 in argv or a file, decoded with surrogateescape):
#   refused everywhere, with a sentence saying the text is not valid UTF-8;
# - control characters (Unicode category Cc: C0, DEL and C1 U+0080-U+009F): refused,
#   except newline and tab in multi-line text (notes, facts, descriptions);
# - bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069), which reorder
#   what a terminal shows, and the line and paragraph separators U+2028/U+2029: refused
#   in names and one-line fields, kept in multi-line text (shown escaped, see visible());
# - the invisible direction marks U+200E, U+200F and U+061C: refused in names only, where
#   they would make two contacts look alike; harmless and needed in right-to-left text.
_SURROGATE = re.compile("[\ud800-\udfff]")
_BIDI = "\u202a-\u202e\u2066-\u2069"
_MARKS = "\u061c\u200e\u200f"
_SEPARATORS = "\u2028\u2029"
_CONTROLS = "\x00-\x1f\x7f-\x9f"
_NAME_BAD = re.compile(f"[{_CONTROLS}{_BIDI}{_MARKS}{_SEPARATORS}\ud800-\udfff]")
_LINE_BAD = re.compile(f"[{_CONTROLS}{_BIDI}{_SEPARATORS}\ud800-\udfff]")
_MULTI_BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")

#: what the renderer never writes as it is: controls other than newline (tab becomes
#: spaces), bidi overrides and isolates, the separators, and lone surrogates
_INVISIBLE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}{_SEPARATORS}\ud800-\udfff]")
#: the same for JSON text, which already escapes the C0 controls itself
_JSON_RAW = re.compile(f"[\x7f-\x9f{_BIDI}{_SEPARATORS}\ud800-\udfff]")
TAB_AS = "    "


def fold(text: str) -> str:
    """Case- and accent-insensitive form: 'Élodie  Núñez' -> 'elodie nunez'."""
    if text.isascii():  # NFKD leaves ASCII as it is and it has no combining marks
        return " ".join(text.casefold().split())
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def _codes(chars: str) -> str:
    """'\u202e\x1b' -> 'U+202E, U+001B' (each character once, in order)."""
    return ", ".join(f"U+{ord(ch):04X}" for ch in dict.fromkeys(chars))


def check_utf8(raw: str, what: str = "name") -> None:
    """Refuse text holding lone surrogates: what Python makes of invalid UTF-8 in argv
    or a file; no name can match it and SQLite cannot store it."""
    if _SURROGATE.search(raw):
        if what == "name":
            raise BadValue(messages.NAME_NOT_UTF8.format(name=printable(raw)))
        raise BadValue(messages.TEXT_NOT_UTF8.format(what=what, text=printable(raw)))


def check_name(raw: str) -> None:
    """Refuse what no name may hold: invalid UTF-8, controls, direction characters."""
    bad = _NAME_BAD.findall(raw)
    if not bad:
        return
    shown = printable(raw)
    if any(_SURROGATE.match(ch) for ch in bad):
        raise BadValue(messages.NAME_NOT_UTF8.format(name=shown))
    if all(unicodedata.category(ch) == "Cc" for ch in bad):
        raise BadValue(messages.NAME_CONTROL.format(name=shown))
    raise BadValue(messages.NAME_INVISIBLE.format(name=shown, chars=_codes(bad)))


def has_forbidden(text: str, *, multiline: bool = True) -> bool:
    """Whether :func:`check_text` would refuse ``text`` (one search, no sentence: for
    checking many texts joined by a space at once)."""
    return (_MULTI_BAD if multiline else _LINE_BAD).search(text) is not None


def check_text(text: str, what: str, *, multiline: bool = True) -> None:
    """Refuse what ``text`` (a note when ``multiline``, else a one-line field) may not
    hold; ``\r\n`` must already be ``\n``."""
    bad = (_MULTI_BAD if multiline else _LINE_BAD).findall(text)
    if not bad:
        return
    if any(_SURROGATE.match(ch) for ch in bad):
        raise BadValue(messages.TEXT_NOT_UTF8.format(what=what, text=printable(text)))
    if all(unicodedata.category(ch) == "Cc" for ch in bad):
        template = messages.TEXT_CONTROL if multiline else messages.TEXT_CONTROL_LINE
        raise BadValue(template.format(what=what))
    raise BadValue(messages.TEXT_INVISIBLE.format(what=what, chars=_codes(bad)))


def clean_name(raw: str) -> str:
    """A contact's name, trimmed, with runs of spaces collapsed; refuses control
    characters, direction characters and invalid UTF-8 (:func:`check_name`)."""
    check_name(raw)
    name = " ".join(unicodedata.normalize("NFC", raw).split())
    if not name or not fold(name):
        raise BadValue(messages.NAME_EMPTY)
    if len(name) > MAX_NAME:
        raise BadValue(messages.NAME_TOO_LONG.format(limit=MAX_NAME))
    return name


def clean_text(raw: str, what: str, *, required: bool = True, multiline: bool = True) -> str:
    """A note or fact: newlines and tabs are fine, other control characters are not; a
    one-line field (``multiline=False``) takes neither, nor direction characters."""
    raw = raw.replace("\r\n", "\n")
    check_text(raw, what, multiline=multiline)
    text = unicodedata.normalize("NFC", raw).strip()
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
    shown = "".join(ch if ch.isprintable() else _escape(ch) for ch in text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _escape(ch: str) -> str:
    """A character as Python writes it in a string literal: \\t, \\x1b, \\u202e, \\udcff."""
    return repr(ch)[1:-1]


def visible(text: str) -> str:
    """``text`` as the terminal may show it: every control character but newline, the
    direction overrides and isolates, the line separators and invalid UTF-8 written as
    visible escapes (``\\x1b``, ``\\u202e``, ``\\udcff``); a tab becomes spaces.

    Every piece of user data the renderer and the commands print goes through here, so
    ``net`` never writes a control character it did not create itself.
    """
    if "\t" in text:
        text = text.replace("\t", TAB_AS)
    if _INVISIBLE.search(text) is None:
        return text
    return _INVISIBLE.sub(lambda m: _escape(m.group()), text)


def safe_json(dumped: str) -> str:
    """JSON text (``json.dumps(..., ensure_ascii=False)``) with the characters a terminal
    would act on escaped as ``\\uXXXX``: the same JSON data, safe to print. (JSON itself
    escapes the C0 controls; DEL, C1, direction characters and surrogates it leaves raw,
    and they can only occur inside strings.)"""
    if dumped.isascii():  # CPython knows this without a scan; of the ASCII only DEL is raw
        if "\x7f" not in dumped:
            return dumped
    elif _JSON_RAW.search(dumped) is None:
        return dumped
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)

"""Identities: the values that recognise one person across sources (schema 5).

A contact carries every identity its sources give it, each as a ``(kind, value)`` pair in
the ``identity`` table, the value in the normalised form made here:

* ``linkedin``: the canonical profile URL (``https://www.linkedin.com/in/<slug>``);
* ``uid``: a vCard UID (``urn:uuid:`` removed, a UUID in lower case);
* ``email``: the address, trimmed and case-folded;
* ``phone``: the digits, with ``+`` when the number is international (``+``/``00``),
  without a ``tel:`` scheme, separators or an extension; fewer than 7 digits is no
  identity (an extension, a short code).

Every identity links: an import that brings any of them finds the contact that has it.
Only LinkedIn profiles and emails *contradict*: a person of the same name whose profile
or email differs from all of a contact's is somebody else. A UID is per address book (the
same person has one UID at iCloud and another at Google) and phones are shared and
change, so they never make a second contact. Pure: no database.
"""

from __future__ import annotations

import re
import unicodedata

from netjournal.text import fold

KINDS = ("linkedin", "uid", "email", "phone")
#: the kinds whose difference means "another person" when the names are the same
CONTRADICTING = ("linkedin", "email")
MIN_PHONE_DIGITS = 7

_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_EXTENSION = re.compile(r"(?:;ext=|\s*(?:ext\.?|x|#)\s*)\d+\s*$", re.IGNORECASE)

Identity = tuple[str, str]


def linkedin(url: str | None) -> str | None:
    """``https://se.linkedin.com/in/Ada-L/?trk=x`` -> ``https://www.linkedin.com/in/ada-l``."""
    if not url:
        return None
    match = re.search(r"linkedin\.com/in/([^/?#\s]+)", url.strip(), re.IGNORECASE)
    if not match:
        return None
    return f"https://www.linkedin.com/in/{match.group(1).lower()}"


def uid(value: str | None) -> str | None:
    text = (value or "").strip()
    if text.lower().startswith("urn:uuid:"):
        text = text[9:]
    if _UUID.match(text):
        text = text.lower()
    return text or None


def email(value: str | None) -> str | None:
    text = (value or "").strip().removeprefix("mailto:").removeprefix("MAILTO:")
    return text.casefold() if "@" in text else None


def phone(value: str | None) -> str | None:
    """'+39 02 1234-5678', 'tel:+390212345678', '0039 (02) 12345678 ext. 12' -> '+390212345678'."""
    text = unicodedata.normalize("NFKC", value or "").strip()
    if text.lower().startswith("tel:"):
        text = text[4:]
    text = _EXTENSION.sub("", text)
    digits = "".join(ch for ch in text if ch.isdigit())
    international = text.lstrip().startswith("+") or digits.startswith("00")
    if digits.startswith("00"):
        digits = digits[2:]
    if len(digits) < MIN_PHONE_DIGITS:
        return None
    return ("+" if international else "") + digits


NORMALISE = {"linkedin": linkedin, "uid": uid, "email": email, "phone": phone}


def of(kind: str, value: str | None) -> Identity | None:
    """The normalised identity, or None when ``value`` identifies nobody."""
    normal = NORMALISE[kind](value)
    return (kind, normal) if normal else None


def collect(**values: object) -> list[Identity]:
    """The identities among ``linkedin=…, uid=…, email=…, phone=…`` (each a value or a
    list of values), in that order, without repeats."""
    out: list[Identity] = []
    for kind in KINDS:
        raw = values.get(kind)
        items = raw if isinstance(raw, list | tuple) else [raw]
        for item in items:
            found = of(kind, item) if isinstance(item, str) else None
            if found and found not in out:
                out.append(found)
    return out


def of_contact(row: dict[str, object]) -> list[Identity]:
    """The identities a contact's own columns hold."""
    return collect(
        linkedin=row.get("linkedin_url"),
        uid=row.get("vcard_uid"),
        email=row.get("email"),
        phone=row.get("phone"),
    )


def contradicts(
    known: set[Identity], incoming: list[Identity], kinds: tuple[str, ...] = CONTRADICTING
) -> str | None:
    """The first of ``kinds`` in which ``incoming`` contradicts a contact's ``known``
    identities (both have some of that kind, and none in common), or None."""
    for kind in kinds:
        mine = {v for k, v in known if k == kind}
        theirs = {v for k, v in incoming if k == kind}
        if mine and theirs and not mine & theirs:
            return kind
    return None


# --- names, as sources write them ------------------------------------------------------

#: post-nominal letters LinkedIn users put in their last name ("Neri, PhD")
CREDENTIALS = frozenset(
    [
        "phd",
        "md",
        "mba",
        "cpa",
        "cfa",
        "pmp",
        "esq",
        "jr",
        "sr",
        "ii",
        "iii",
        "iv",
        "dds",
        "rn",
        "msc",
        "bsc",
        "ma",
        "ba",
        "mphil",
        "llm",
        "jd",
        "frcs",
        "facs",
        "cissp",
        "ceng",
        "peng",
        "eur",
        "ing",
        "dr",
        "prof",
        "mfa",
        "dphil",
    ]
)


def _is_credential(token: str) -> bool:
    word = token.strip().strip(".").replace(".", "")
    if not word or not word.isalpha():
        return False
    return fold(word) in CREDENTIALS or (word.isupper() and len(word) <= 5)


def strip_credentials(name: str) -> str:
    """'Marco Neri, PhD' -> 'Marco Neri'; 'Neri, MBA, PMP' -> 'Neri'; 'Schmidt, Anna' stays."""
    head, sep, tail = name.partition(",")
    if not sep or not head.strip():
        return name
    tokens = [t for part in tail.split(",") for t in part.split()]
    if tokens and all(_is_credential(t) for t in tokens):
        return head.strip()
    return name


def is_cjk(ch: str) -> bool:
    code = ord(ch)
    return (
        0x3040 <= code <= 0x30FF  # kana
        or 0x3400 <= code <= 0x4DBF
        or 0x4E00 <= code <= 0x9FFF
        or 0xAC00 <= code <= 0xD7AF  # hangul
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x2FFFF
    )


def compact(folded: str) -> str:
    """A folded name without the spaces between CJK characters: LinkedIn's '李 小龍'
    (first and last name joined by a space) meets '李小龍' as people write it."""
    if not any(is_cjk(ch) for ch in folded):
        return folded
    out: list[str] = []
    for i, ch in enumerate(folded):
        if (
            ch == " "
            and 0 < i < len(folded) - 1
            and is_cjk(folded[i - 1])
            and is_cjk(folded[i + 1])
        ):
            continue
        out.append(ch)
    return "".join(out)


def name_key(name: str) -> str:
    """How imports compare names: folded, credentials dropped, CJK spacing ignored."""
    return compact(fold(strip_credentials(name)))

"""The parts of a vCard the journal keeps beside a contact's fields (``netjournal.cards``):
read from a card on import, written back on export.

Read: N's five parts, NICKNAME, ORG's units, every EMAIL, TEL, URL and ADR with its TYPE
values (4.0's ``PREF`` as the type ``pref``). A value that is not a clean one-line text is
left out, the card is still imported.

Written: N as it came while the contact keeps the name it came with (else built from
the name by ``personname``: "Jr." a suffix, "van der" with the family name, CJK family
name first); ORG with its units while the company is still the first; every email and
phone: the contact's own first (preferred when there are several), then the card's, then
those other sources gave (``identity`` rows), each with the card's types. 3.0 writes
types in upper case (EMAIL with ``INTERNET``, TEL ``VOICE`` when it had none) and
``TYPE=pref``; 4.0 writes them in lower case, ``PREF=1``, and a phone as a ``tel:`` URI
with ``VALUE=uri``.
"""

from __future__ import annotations

import re
from typing import Any

from netjournal import cards, identity
from netjournal.cards import Data, clean_types, parts
from netjournal.errors import BadValue
from netjournal.identity import Identity
from netjournal.text import clean_optional

#: what a phone number may be written with and need no escaping (no comma, backslash, line end)
_NUMBER = re.compile(r"^[\w+\-. ()#*;=:/]*$")
_N = ("family", "given", "additional", "prefix", "suffix")
_ADR = ("box", "extended", "street", "city", "region", "code", "country")


def clean_value(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        text = clean_optional(value, "card value")
    except BadValue:
        return None
    return text if text and len(text) <= cards.MAX_VALUE else None


def _clean_parts(raw: Any) -> list[str]:
    return [t for t in (clean_value(v) for v in parts(raw)) if t]


#: 2.1's bare parameters that say how a value is written, not what it is
_NOT_TYPES = {"quoted-printable", "base64", "8bit", "7bit"}


def _types(line: Any) -> list[str]:
    """TYPE's values; 2.1's bare ones (``TEL;WORK;VOICE:``) too, and 4.0's PREF."""
    bare = [
        p
        for p in getattr(line, "singletonparams", [])
        if isinstance(p, str) and p.lower() not in _NOT_TYPES
    ]
    types = clean_types([*line.params.get("TYPE", []), *bare])
    if line.params.get("PREF") and "pref" not in types:
        types.append("pref")
    return types


def tel_text(value: str | None) -> str | None:
    """A phone without the ``tel:`` scheme of a 4.0 ``TEL;VALUE=uri`` (nor its
    parameters: ``;ext=`` stays with the number, others go), its ``-`` separators read
    back as the spaces :func:`tel_uri` wrote them for."""
    if value and value[:4].lower() == "tel:":
        number, *params = value[4:].replace("-", " ").split(";")
        ext = [p for p in params if p.lower().startswith("ext=")]
        return number + (f";{ext[0]}" if ext else "")
    return value


def read(component: Any, name: str) -> Data:
    """What ``component`` holds beyond the journal's fields (see the module)."""
    data: Data = {}
    for line in component.contents.get("n", [])[:1]:
        n = [_clean_parts(getattr(line.value, attr, "")) for attr in _N]
        if any(n):
            data["fn"], data["n"] = name, n
    nicknames = [
        t for line in component.contents.get("nickname", []) if (t := clean_value(line.value))
    ]
    for line in component.contents.get("org", [])[:1]:
        units = _clean_parts(line.value)
        if units:
            data["org"] = units
    if nicknames:
        data["nickname"] = nicknames
    for kind in ("email", "tel", "url"):
        items = []
        for line in component.contents.get(kind, []):
            value = clean_value(tel_text(line.value) if kind == "tel" else line.value)
            if value and (kind != "email" or identity.email(value)):
                items.append([value, _types(line)])
        if items:
            data[kind] = items
    addresses = []
    for line in component.contents.get("adr", []):
        adr = [_clean_parts(getattr(line.value, attr, "")) for attr in _ADR]
        if any(adr):
            addresses.append([adr, _types(line)])
    if addresses:
        data["adr"] = addresses
    return cards.fit(capped(data))


#: the types an export writes when it knows none: an item with only these says nothing more
_DEFAULT_TYPES = {"email": {"internet", "pref"}, "tel": {"voice", "pref"}, "url": {"pref"}}


def beyond(data: Data, row: dict[str, Any], known: set[Identity]) -> Data:
    """What ``data`` says that the export would not write from the contact's ``row`` and
    its ``known`` identities anyway (so re-importing our own export keeps nothing): N as
    ``personname`` builds it, ORG as the company alone, an email or phone the contact has
    with no types but the defaults, its LinkedIn profile."""
    from netjournal.interop.personname import split_name

    out = dict(data)
    if out.get("n") == [parts(p) for p in split_name(row["name"])]:
        out.pop("n")
        out.pop("fn", None)
    if out.get("org") == [row.get("company")]:
        out.pop("org")
    own = {"email": row.get("email"), "tel": row.get("phone")}
    for kind in _DEFAULT_TYPES:
        kept = [item for item in out.get(kind, []) if not _derived(kind, item, own, known, row)]
        if kept:
            out[kind] = kept
        else:
            out.pop(kind, None)
    return out


def join(people: Any, key: int, details: Data, kept: dict[int, Data]) -> bool:
    """Join what an imported card (or CSV row) said, ``details``, to what the contact's
    card held in ``kept`` (``interop.Contacts`` ``people``, the contact's ``key``); True
    if that changed it."""
    row = people.rows[key]
    said = beyond(details, row, people.identities.get(key, set()))
    if not said:
        return False
    old = kept.get(key, {})
    joined = cards.merge(old, said, row["name"], row.get("company"))
    if joined == old:
        return False
    kept[key] = joined
    return True


def _derived(
    kind: str, item: list[Any], own: dict[str, Any], known: set[Identity], row: dict[str, Any]
) -> bool:
    value, types = item
    if not set(types) <= _DEFAULT_TYPES[kind]:
        return False
    if kind == "url":
        profile = identity.linkedin(value) if value else None
        return profile is not None and profile == row.get("linkedin_url")
    stored = "phone" if kind == "tel" else "email"
    return value == own[kind] or (stored, value) in known


def capped(data: Data) -> Data:
    for key in cards.LISTS + cards.PAIRS:
        if key in data:
            data[key] = data[key][: cards.MAX_ITEMS]
    return data


# --- export ---------------------------------------------------------------------------


def _one(values: list[str]) -> str | list[str]:
    """A kept component as vobject writes it: a list of several values, else a text."""
    return values if len(values) > 1 else (values[0] if values else "")


def write_name(card: Any, contact: dict[str, Any], data: Data) -> None:
    """N as the card had it while the name is the one it came with, else built."""
    import vobject

    from netjournal.interop.personname import split_name

    if "n" in data and cards.names_match(str(data.get("fn", "")), contact["name"]):
        values = {attr: _one(p) for attr, p in zip(_N, data["n"], strict=True)}
        card.add("n").value = vobject.vcard.Name(**values)
    else:
        card.add("n").value = vobject.vcard.Name(**split_name(contact["name"])._asdict())
    for nickname in data.get("nickname", []):
        card.add("nickname").value = nickname


def write_org(card: Any, contact: dict[str, Any], data: Data) -> None:
    company = contact.get("company")
    if not company:
        return
    units = data.get("org") or []
    card.add("org").value = list(units) if units and units[0] == company else [company]


def _listed(
    kind: str, primary: str | None, data: Data, found: list[Identity]
) -> list[tuple[str, list[str]]]:
    """The contact's own value first (with the card's types for it), then the card's,
    then the other sources' (``found``), each once."""
    known = {identity.of(kind, v[0]): v for v in data.get(kind, [])}
    out: list[tuple[str, list[str]]] = []
    seen: set[Any] = set()

    def add(value: str, types: list[str]) -> None:
        key = identity.of(kind, value) or value
        if key not in seen:
            seen.add(key)
            out.append((value, types))

    if primary:
        own = identity.of(kind, primary)
        mine = known.get(own) if own else None
        add(primary, list(mine[1]) if mine else [])
    for value, types in data.get(kind, []):
        add(value, list(types))
    for k, value in found:
        if k == kind:
            add(value, [])
    return out


def _params(line: Any, types: list[str], first: bool, many: bool, version: str) -> None:
    """TYPE (and PREF in 4.0): preferred only the first of several."""
    plain = [t for t in types if t != "pref"]
    prefer = first and many
    if version == "3.0":
        values = [t.upper() for t in plain] + (["pref"] if prefer else [])
        if values:
            line.params["TYPE"] = values
    else:
        if plain:
            line.params["TYPE"] = plain
        if prefer:
            line.params["PREF"] = ["1"]


def write_emails(
    card: Any, contact: dict[str, Any], data: Data, found: list[Identity], version: str
) -> None:
    values = _listed("email", contact.get("email"), data, found)
    for index, (value, types) in enumerate(values):
        line = card.add("email")
        line.value = value
        plain = [t for t in types if t != "internet"]
        kept = (["internet"] if version == "3.0" else []) + plain
        _params(line, kept, index == 0, len(values) > 1, version)


def write_phones(
    card: Any, contact: dict[str, Any], data: Data, found: list[Identity], version: str
) -> None:
    values = _listed("phone", contact.get("phone"), _as_phone(data), found)
    for index, (value, types) in enumerate(values):
        line = card.add("tel")
        if version == "4.0":
            line.value = tel_uri(value)
            line.params["VALUE"] = ["uri"]
        else:
            line.value = value
            types = types if [t for t in types if t != "pref"] else [*types, "voice"]
        # a number is no text: ';ext=' is not escaped (nothing here needs escaping)
        line.encoded = bool(_NUMBER.match(line.value))
        _params(line, types, index == 0, len(values) > 1, version)


def _as_phone(data: Data) -> Data:
    return {"phone": data.get("tel", [])}


def tel_uri(phone: str) -> str:
    """'+39 02 1234 5678' -> 'tel:+39-02-1234-5678' (RFC 3966: no spaces; an
    extension as ``;ext=``)."""
    if phone.lower().startswith("tel:"):
        return phone
    number, _, ext = phone.partition(";ext=")
    kept = "".join(ch for ch in "-".join(number.split()) if ch.isdigit() or ch in "+-.()")
    digits = "".join(ch for ch in ext if ch.isdigit())
    return f"tel:{kept}" + (f";ext={digits}" if digits else "")


def write_urls(card: Any, contact: dict[str, Any], data: Data, version: str) -> None:
    """The LinkedIn profile first, then the card's other URLs."""
    linkedin = contact.get("linkedin_url")
    if linkedin:
        card.add("url").value = linkedin
    for value, types in data.get("url", []):
        if linkedin and identity.linkedin(value) == linkedin:
            continue
        line = card.add("url")
        line.value = value
        _params(line, types, False, False, version)


def write_addresses(card: Any, data: Data, version: str) -> None:
    import vobject

    for adr, types in data.get("adr", []):
        values = {attr: _one(p) for attr, p in zip(_ADR, adr, strict=True)}
        line = card.add("adr")
        line.value = vobject.vcard.Address(**values)
        prefer = "pref" in types
        _params(line, types, prefer, prefer, version)

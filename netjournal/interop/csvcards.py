"""What a Google or Outlook CSV row says beyond the journal's fields, as a vCard would
say it (``netjournal.cards``): the structured name, nickname, organisation and department,
every email, phone and website with its label as vCard types, and every address.

Google labels a value (``E-mail 1 - Label``, legacy ``- Type``) with words such as
``* Work``, ``Mobile``, ``Home Fax``; the ``*`` marks the primary one (vCard's ``pref``).
Only the words vCard knows become types (``mobile`` is ``cell``); a label of its own
("LinkedIn") is no type. Outlook names its columns by what they hold (``Business Phone``,
``Home Street``). A value that is not a clean one-line text is left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from netjournal import cards, identity
from netjournal.cards import Data
from netjournal.interop.vcardparts import capped, clean_value

Cell = Callable[[str], str]

#: label words -> vCard types
_WORDS = {
    "work": "work",
    "business": "work",
    "home": "home",
    "mobile": "cell",
    "cell": "cell",
    "fax": "fax",
    "pager": "pager",
    "main": "voice",
    "voice": "voice",
    "text": "text",
}
#: Google's address parts, in vCard ADR's order
_GOOGLE_ADR = ("PO Box", "Extended Address", "Street", "City", "Region", "Postal Code", "Country")
_NUMBERED = re.compile(r"^(E-mail|Phone|Website|Address) (\d+) - ")


def _types(label: str) -> list[str]:
    primary = label.strip().startswith("*")
    words = re.findall(r"[a-z]+", label.lower())
    types = [_WORDS[w] for w in words if w in _WORDS]
    if primary:
        types.append("pref")
    return cards.clean_types(types)


def _split(cell: str) -> list[str]:
    return [v.strip() for v in cell.split(":::") if v.strip()]


def _one_line(text: str) -> str:
    return ", ".join(line.strip() for line in text.splitlines() if line.strip())


def _finish(data: Data, name: str, n: list[str]) -> Data:
    parts = [[p] if (p := clean_value(x)) else [] for x in n]
    if any(parts):
        data["fn"], data["n"] = name, parts
    return cards.fit(capped({k: v for k, v in data.items() if v}))


def google(header: list[str]) -> Callable[[Cell, str, list[str], bool], Data]:
    """The card of a Google row: ``read(cell, name, n, legacy)``, ``n`` the five parts
    of the name (family, given, additional, prefix, suffix)."""
    numbers = sorted(
        {(m.group(1), int(m.group(2))) for h in header if (m := _NUMBERED.match(h))},
        key=lambda kn: kn[1],
    )

    def read(cell: Cell, name: str, n: list[str], legacy: bool) -> Data:
        def label(kind: str, number: int) -> str:
            return cell(f"{kind} {number} - Type") or cell(f"{kind} {number} - Label")

        data: Data = {"email": [], "tel": [], "url": [], "adr": []}
        for kind, number in numbers:
            types = _types(label(kind, number))
            if kind == "Address":
                adr = [_clean_list(cell(f"Address {number} - {part}")) for part in _GOOGLE_ADR]
                if not any(adr) and (formatted := cell(f"Address {number} - Formatted")):
                    adr[2] = _clean_list(formatted)
                if any(adr):
                    data["adr"].append([adr, types])
                continue
            key = {"E-mail": "email", "Phone": "tel", "Website": "url"}[kind]
            for value in _split(cell(f"{kind} {number} - Value")):
                kept = clean_value(value)
                if kept and (key != "email" or identity.email(kept)):
                    data[key].append([kept, types])
        nickname = clean_value(cell("Nickname"))
        org = "Organization 1 - Name" if legacy else "Organization Name"
        unit = "Organization 1 - Department" if legacy else "Organization Department"
        data["nickname"] = [nickname] if nickname else []
        data["org"] = [u for u in (clean_value(cell(org)), clean_value(cell(unit))) if u]
        if len(data["org"]) < 2:
            data["org"] = []  # the company alone is the contact's own field
        return _finish(data, name, n)

    return read


#: Outlook's phone columns and their types
OUTLOOK_PHONES = {
    "Mobile Phone": ["cell"],
    "Business Phone": ["work", "voice"],
    "Home Phone": ["home", "voice"],
    "Business Phone 2": ["work", "voice"],
    "Home Phone 2": ["home", "voice"],
    "Other Phone": [],
    "Primary Phone": ["pref"],
    "Company Main Phone": ["work"],
    "Business Fax": ["work", "fax"],
    "Home Fax": ["home", "fax"],
    "Pager": ["pager"],
}
OUTLOOK_EMAILS = ("E-mail Address", "E-mail 2 Address", "E-mail 3 Address")
_OUTLOOK_PLACES = (("Business", ["work"]), ("Home", ["home"]), ("Other", []))


def outlook(cell: Cell, name: str, n: list[str]) -> Data:
    """The card of an Outlook row."""
    data: Data = {"email": [], "tel": [], "adr": []}
    for column in OUTLOOK_EMAILS:
        value = clean_value(cell(column))
        if value and identity.email(value):
            data["email"].append([value, []])
    for column, types in OUTLOOK_PHONES.items():
        value = clean_value(cell(column))
        if value:
            data["tel"].append([value, list(types)])
    for place, types in _OUTLOOK_PLACES:
        street = ", ".join(s for s in (cell(f"{place} Street{k}") for k in ("", " 2", " 3")) if s)
        adr = [
            _clean_list(cell(f"{place} PO Box")),
            [],
            _clean_list(street),
            _clean_list(cell(f"{place} City")),
            _clean_list(cell(f"{place} State")),
            _clean_list(cell(f"{place} Postal Code")),
            _clean_list(cell(f"{place} Country/Region") or cell(f"{place} Country")),
        ]
        if any(adr):
            data["adr"].append([adr, list(types)])
    data["url"] = [[u, []]] if (u := clean_value(cell("Web Page"))) else []
    nickname = clean_value(cell("Nickname"))
    data["nickname"] = [nickname] if nickname else []
    units = [u for u in (clean_value(cell("Company")), clean_value(cell("Department"))) if u]
    data["org"] = units if len(units) == 2 else []
    return _finish(data, name, n)


def _clean_list(text: str) -> list[str]:
    value = clean_value(_one_line(text))
    return [value] if value else []

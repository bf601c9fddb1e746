"""The contact CSVs other programs write, read into the cells of ``net export csv``'s.

* Google Contacts, current header (``First Name``, ``Last Name``, ``Organization Name``,
  ``Organization Title``, ``Labels``, ``E-mail 1 - Value``, ``Phone 1 - Value``,
  ``Website 1 - Value``...) and legacy header (``Name``, ``Given Name``, ``Family Name``,
  ``Organization 1 - Name``, ``Group Membership``...). A cell may hold several values
  separated by `` ::: ``; the labels ``* myContacts`` and ``* starred`` are Google's own.
* Outlook (``First Name``, ``Last Name``, ``Company``, ``Job Title``, ``E-mail Address``,
  ``Mobile Phone``, ``Business Phone``, ``Categories`` separated by ``;``, a birthday of
  ``0/0/00`` meaning none).

:func:`reader_for` looks at the header and returns a function from a record to the cells
``csvio`` reads (``name``, ``company``, ``role``, ``email``, ``phone``, ``birthday``,
``tags``, ``linkedin``) plus ``emails``, ``phones`` (every one, the first being
``email``/``phone``), ``notes`` and ``details``, what the row says beyond the journal's
fields as a vCard would (``csvcards``); None for a header that is none of these.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from netjournal.interop import csvcards

Cells = dict[str, object]
Reader = Callable[[list[str]], Cells]

_GOOGLE_SYSTEM = {"mycontacts", "my contacts", "starred"}
_NUMBERED = re.compile(r"^(E-mail|Phone|Website) (\d+) - Value$")


def _split_multi(cell: str) -> list[str]:
    return [v.strip() for v in cell.split(":::") if v.strip()]


def _google_labels(cell: str) -> list[str]:
    out = []
    for label in _split_multi(cell):
        name = label.removeprefix("* ").strip()
        if name and name.casefold() not in _GOOGLE_SYSTEM:
            out.append(name)
    return out


def _numbered(header: list[str], kind: str) -> list[int]:
    found = []
    for index, name in enumerate(header):
        match = _NUMBERED.match(name)
        if match and match.group(1) == kind:
            found.append((int(match.group(2)), index))
    return [index for _n, index in sorted(found)]


def _google(header: list[str], legacy: bool) -> Reader:
    col = {name: i for i, name in enumerate(header)}
    emails, phones, sites = (_numbered(header, k) for k in ("E-mail", "Phone", "Website"))
    card_of = csvcards.google(header)
    if legacy:
        name_parts = ("Name Prefix", "Given Name", "Additional Name", "Family Name", "Name Suffix")
        org, title, groups = "Organization 1 - Name", "Organization 1 - Title", "Group Membership"
    else:
        name_parts = ("Name Prefix", "First Name", "Middle Name", "Last Name", "Name Suffix")
        org, title, groups = "Organization Name", "Organization Title", "Labels"

    def read(record: list[str]) -> Cells:
        def cell(name: str) -> str:
            i = col.get(name)
            return record[i].strip() if i is not None and i < len(record) else ""

        def values(indexes: list[int]) -> list[str]:
            return [v for i in indexes if i < len(record) for v in _split_multi(record[i])]

        name = cell("Name") if legacy else ""
        name = name or " ".join(p for p in (cell(n) for n in name_parts) if p)
        name = name or cell("Nickname") or cell("File As")
        prefix, given, additional, family, suffix = (cell(n) for n in name_parts)
        details = card_of(cell, name, [family, given, additional, prefix, suffix], legacy)
        return _cells(
            name,
            cell(org),
            cell(title),
            values(emails),
            values(phones),
            cell("Birthday"),
            _google_labels(cell(groups)),
            values(sites),
            cell("Notes"),
            details,
        )

    return read


def _outlook(header: list[str]) -> Reader:
    col = {name: i for i, name in enumerate(header)}

    def read(record: list[str]) -> Cells:
        def cell(name: str) -> str:
            i = col.get(name)
            return record[i].strip() if i is not None and i < len(record) else ""

        parts = (cell("Title"), cell("First Name"), cell("Middle Name"), cell("Last Name"))
        name = " ".join(p for p in (*parts, cell("Suffix")) if p)
        birthday = cell("Birthday")
        if re.fullmatch(r"0?0/0?0/0{2,4}", birthday):
            birthday = ""  # Outlook's "no birthday"
        tags = [t.strip() for t in cell("Categories").split(";") if t.strip()]
        return _cells(
            name,
            cell("Company"),
            cell("Job Title"),
            [cell(n) for n in csvcards.OUTLOOK_EMAILS if cell(n)],
            [cell(n) for n in csvcards.OUTLOOK_PHONES if cell(n)],
            birthday,
            tags,
            [cell("Web Page")] if cell("Web Page") else [],
            cell("Notes"),
            csvcards.outlook(cell, name, [parts[3], parts[1], parts[2], parts[0], cell("Suffix")]),
        )

    return read


def _cells(
    name: str,
    company: str,
    role: str,
    emails: list[str],
    phones: list[str],
    birthday: str,
    tags: list[str],
    sites: list[str],
    notes: str,
    details: dict[str, object],
) -> Cells:
    linkedin = next((s for s in sites if "linkedin.com/in/" in s.lower()), "")
    return {
        "name": name,
        "company": company,
        "role": role,
        "email": emails[0] if emails else "",
        "phone": phones[0] if phones else "",
        "emails": emails,
        "phones": phones,
        "birthday": birthday,
        "tags": tags,
        "linkedin": linkedin,
        "notes": notes,
        "details": details,
    }


def reader_for(header: list[str]) -> Reader | None:
    """The reader of a Google or Outlook CSV with this header, else None."""
    names = set(header)
    if "Given Name" in names and "Family Name" in names:
        return _google(header, legacy=True)
    if "First Name" in names and ("Organization Name" in names or "Labels" in names):
        return _google(header, legacy=False)
    if "First Name" in names and ("Job Title" in names or "E-mail Address" in names):
        return _outlook(header)
    return None

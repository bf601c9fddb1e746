"""What a vCard said about a contact beyond the journal's own fields (schema 8).

The journal keeps one name, one company, one email and one phone per contact; a card
holds more, and an export that drops it loses what the user's address book had. So each
contact imported from a vCard keeps one ``contact_card`` row whose ``data`` is a JSON
object of these keys (each optional):

* ``fn``: the FN the structured name came with, ``n``: N's five parts (family, given,
  additional, prefix, suffix), each a list of values. The export writes this N while the
  contact's name is still ``fn``; after a rename it builds N from the new name.
* ``nickname``: the NICKNAME values; ``org``: ORG's units ("Acme", "Sales"), written
  while the first unit is still the contact's company;
* ``email``, ``tel``, ``url``: ``[value, [types]]`` pairs, in the card's order (a TEL
  without its ``tel:`` scheme); ``adr``: ``[[7 parts, each a list], [types]]`` pairs
  (post office box, extended, street, locality, region, postal code, country).

Types are the card's TYPE values (and ``pref`` for 4.0's ``PREF``), in lower case, each a
plain word. Every text is a one-line text, at most :data:`MAX_VALUE` characters; a list
holds at most :data:`MAX_ITEMS` items, and the whole object stays within
:data:`netjournal.text.MAX_TEXT`. Pure: :func:`check` says what is wrong with a stored
value, :func:`merge` joins what two cards said, :func:`dumps` writes the JSON.
"""

from __future__ import annotations

import json
import re
from typing import Any

from netjournal import identity
from netjournal.errors import BadValue
from netjournal.text import MAX_TEXT, check_text

Data = dict[str, Any]

LISTS = ("nickname", "org")
PAIRS = ("email", "tel", "url", "adr")
KEYS = ("fn", "n", *LISTS, *PAIRS)
N_PARTS = 5
ADR_PARTS = 7
MAX_ITEMS = 20
MAX_VALUE = 1_000
_TYPE = re.compile(r"^[a-z0-9][a-z0-9-]{0,30}$")


def clean_types(raw: Any) -> list[str]:
    """A card's TYPE values as kept: lower case, plain words only, no repeats."""
    out: list[str] = []
    for item in raw if isinstance(raw, list | tuple) else [raw]:
        for word in str(item).split(","):
            word = word.strip().strip('"').lower()
            if _TYPE.match(word) and word not in out:
                out.append(word)
    return out


def parts(raw: Any) -> list[str]:
    """One component of N or ADR (a text or a list of texts) as a list of its values."""
    items = raw if isinstance(raw, list | tuple) else [raw]
    return [str(v).strip() for v in items if isinstance(v, str) and v.strip()]


def _problem_text(value: Any, what: str) -> str | None:
    if not isinstance(value, str):
        return f"{what} is not a text"
    if len(value) > MAX_VALUE:
        return f"{what} is longer than {MAX_VALUE} characters"
    try:
        check_text(value, what, multiline=False)
    except BadValue as exc:
        return exc.message
    return None


def _problem_parts(value: Any, count: int, what: str) -> str | None:
    if not isinstance(value, list) or len(value) != count:
        return f"{what} is not a list of {count} parts"
    for part in value:
        if not isinstance(part, list):
            return f"{what} has a part that is not a list"
        for text in part:
            problem = _problem_text(text, what)
            if problem:
                return problem
    return None


def _problem_pair(key: str, item: Any) -> str | None:
    if not isinstance(item, list) or len(item) != 2 or not isinstance(item[1], list):
        return f"'{key}' holds an item that is not [value, [types]]"
    if not all(isinstance(t, str) and _TYPE.match(t) for t in item[1]):
        return f"'{key}' holds a type that is not a plain word"
    if key == "adr":
        return _problem_parts(item[0], ADR_PARTS, "an address")
    return _problem_text(item[0], f"a card's {key}")


def check(text: str) -> str | None:
    """What is wrong with a stored ``data`` value, or None."""
    if len(text) > MAX_TEXT:
        return f"the card is longer than {MAX_TEXT} characters"
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return "the card is not JSON"
    if not isinstance(data, dict):
        return "the card is not a JSON object"
    for key, value in data.items():
        if key not in KEYS:
            return f"the card has an unknown key '{key[:40]}'"
        if key == "fn":
            problem = _problem_text(value, "the card's name")
        elif key == "n":
            problem = _problem_parts(value, N_PARTS, "the structured name")
        elif not isinstance(value, list) or len(value) > MAX_ITEMS:
            problem = f"'{key}' is not a list of at most {MAX_ITEMS} items"
        elif key in LISTS:
            problem = next((p for v in value if (p := _problem_text(v, key))), None)
        else:
            problem = next((p for v in value if (p := _problem_pair(key, v))), None)
        if problem:
            return problem
    return None


def loads(text: str | None) -> Data:
    """A stored value read back (an empty object for none or one that :func:`check`
    refuses, which only a damaged journal holds)."""
    if not text or check(text) is not None:
        return {}
    return dict(json.loads(text))


def _key(kind: str, value: Any) -> Any:
    """What makes two items of ``kind`` the same item."""
    if kind == "email":
        return identity.email(value) or str(value).casefold()
    if kind == "tel":
        return identity.phone(value) or str(value)
    if kind == "url":
        return str(value).rstrip("/").casefold()
    if kind == "adr":
        return json.dumps(value).casefold()
    return str(value).casefold()


def _union(kind: str, old: list[Any], new: list[Any]) -> list[Any]:
    out = list(old)
    seen = {_key(kind, item[0] if kind in PAIRS else item) for item in old}
    for item in new:
        key = _key(kind, item[0] if kind in PAIRS else item)
        if key not in seen and len(out) < MAX_ITEMS:
            seen.add(key)
            out.append(item)
    return out


def names_match(fn: str, name: str) -> bool:
    """Whether a contact called ``name`` still has the name its card's N came with (or
    that name made unique by an import: "Ana Rossi (Acme)")."""
    return bool(fn) and (name == fn or name.startswith(f"{fn} ("))


def merge(old: Data, new: Data, name: str, company: str | None) -> Data:
    """What two cards of one contact said together: the structured name whose FN is the
    contact's ``name`` (the old one first), the ORG units that begin with its ``company``,
    and every nickname, email, phone, URL and address of both (the old ones first, with
    their types)."""
    out: Data = {}
    for side in (old, new):
        if "n" in side and names_match(str(side.get("fn", "")), name):
            out["fn"], out["n"] = side["fn"], side["n"]
            break
    else:
        if "n" in old or "n" in new:
            side = old if "n" in old else new
            out["fn"], out["n"] = side.get("fn", ""), side["n"]
    orgs = [s["org"] for s in (old, new) if s.get("org")]
    fitting = [o for o in orgs if company is not None and o[0] == company]
    if fitting or orgs:
        out["org"] = (fitting or orgs)[0]
    for kind in ("nickname", *PAIRS):
        joined = _union(kind, old.get(kind, []), new.get(kind, []))
        if joined:
            out[kind] = joined
    return fit(out)


def fit(data: Data) -> Data:
    """``data`` within :data:`MAX_TEXT` once written: the last items of the longest
    lists go first (an address book entry that big is not what a contact needs)."""
    while len(dumps(data)) > MAX_TEXT:
        lists = [k for k in LISTS + PAIRS if data.get(k)]
        if not lists:
            data.pop("n", None)
            data.pop("fn", None)
            break
        longest = max(lists, key=lambda k: len(data[k]))
        data[longest] = data[longest][:-1]
        if not data[longest]:
            del data[longest]
    return data


def dumps(data: Data) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


#: ``net show --json``'s names for ADR's seven parts
ADR_NAMES = ("po_box", "extended", "street", "locality", "region", "postal_code", "country")


def shown(data: Data) -> Data | None:
    """What ``net show --json`` gives of a card: its emails, phones, URLs and addresses
    (each with its types), nicknames and ORG units, under readable names; None for none."""
    if not data:
        return None
    out: Data = {
        "nicknames": list(data.get("nickname", [])),
        "org": list(data.get("org", [])),
    }
    for key, name in (("email", "emails"), ("tel", "phones"), ("url", "urls")):
        out[name] = [{"value": v, "types": list(t)} for v, t in data.get(key, [])]
    out["addresses"] = [
        {**{n: ", ".join(part) for n, part in zip(ADR_NAMES, adr, strict=False)}, "types": list(t)}
        for adr, t in data.get("adr", [])
    ]
    return out


def address_line(address: Data) -> str:
    """One address of :func:`shown` on one line: 'Via Roma 1, 24100 Bergamo, Italy'."""
    town = " ".join(x for x in (address.get("postal_code"), address.get("locality")) if x)
    bits = (address.get(k) for k in ("po_box", "extended", "street"))
    return ", ".join(x for x in (*bits, town, address.get("region"), address.get("country")) if x)

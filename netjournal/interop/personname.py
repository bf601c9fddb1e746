"""A contact's name as vCard's structured N: family; given; additional; prefix; suffix.

The journal keeps one name; a card needs its parts. They are found the way people
write names, not by cutting at the last space:

* honorifics before the name ("Dr.", "Prof.", "Mrs.") are the prefix, generational and
  post-nominal suffixes after it ("Jr.", "III", "PhD", also after a comma) the suffix;
* "Family, Given" (how Outlook files people) is read as such;
* the family name takes the particles before it ("van der Berg", "de la Cruz", "O'Brien"
  is one word anyway);
* a CJK name is family name first: "李 小龍" is family 李, given 小龍; written without a space,
  the first character is the family name;
* one word is a given name.
"""

from __future__ import annotations

from typing import NamedTuple

from netjournal.identity import is_cjk
from netjournal.text import fold

PREFIXES = frozenset(
    [
        "dr",
        "dr.",
        "prof",
        "prof.",
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "mx",
        "mx.",
        "sir",
        "dame",
        "rev",
        "rev.",
    ]
)
SUFFIXES = frozenset(
    [
        "jr",
        "jr.",
        "sr",
        "sr.",
        "ii",
        "iii",
        "iv",
        "v",
        "phd",
        "ph.d.",
        "md",
        "m.d.",
        "mba",
        "esq",
        "esq.",
        "cpa",
        "cfa",
        "pmp",
        "msc",
        "bsc",
    ]
)
PARTICLES = frozenset(
    [
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "dos",
        "das",
        "du",
        "la",
        "le",
        "al",
        "bin",
        "ibn",
        "ter",
    ]
)


class Name(NamedTuple):
    family: str = ""
    given: str = ""
    additional: str = ""
    prefix: str = ""
    suffix: str = ""


def split_name(name: str) -> Name:
    """The parts of ``name`` (see the module's rules)."""
    text = " ".join(name.split())
    if text and all(is_cjk(ch) or ch == " " for ch in text):
        family, _, given = text.partition(" ")
        if not given and len(family) > 1:
            family, given = family[0], family[1:]
        return Name(family=family, given=given)
    head, comma, tail = text.partition(",")
    tail_words = tail.replace(",", " ").split()  # "Neri, MBA, PMP": several suffixes
    suffix: list[str] = []
    if comma and tail_words and all(fold(w) in SUFFIXES for w in tail_words):
        suffix, text = tail_words, head
    elif comma and tail_words and len(head.split()) >= 1:
        given_part = Name(*split_name(tail.strip()))
        return Name(head.strip(), given_part.given, given_part.additional, given_part.prefix)
    words = text.split()
    prefix = [w for w in words[:1] if fold(w) in PREFIXES and len(words) > 1]
    words = words[len(prefix) :]
    while len(words) > 1 and fold(words[-1].rstrip(",")) in SUFFIXES:
        suffix.insert(0, words.pop().rstrip(","))
    if len(words) == 1:
        return Name(given=words[0], prefix=" ".join(prefix), suffix=" ".join(suffix))
    start = len(words) - 1
    while start > 1 and fold(words[start - 1]) in PARTICLES:
        start -= 1
    return Name(
        family=" ".join(words[start:]),
        given=words[0],
        additional=" ".join(words[1:start]),
        prefix=" ".join(prefix),
        suffix=", ".join(suffix) if len(suffix) > 1 else " ".join(suffix),
    )

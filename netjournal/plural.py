"""Counts and articles in words: ``plural(1, "give")`` is "1 give", ``plural(3, "copy")``
"3 copies", ``a_an("introduction")`` "an introduction".

Every count a person reads goes through :func:`plural` (a test greps the message
catalogue and the modules that print for "(s)", "{n} gives" and "a introduction"), so
"1 gives" cannot come back. A leaf: it imports nothing from netjournal.
"""

from __future__ import annotations

from functools import lru_cache

#: plurals that the spelling rules below do not give
IRREGULAR = {
    "person": "people",
    "business": "business",
    "advice": "advice",
}

#: nouns that take no article ("ask for business", "ask for advice")
UNCOUNTABLE = frozenset({"business", "advice", "information", "feedback", "help", "money"})

#: words that start with a vowel letter but a consonant sound, and the reverse
_CONSONANT_SOUND = ("one", "once", "uni", "use", "usu", "euro", "ubiq", "utf")
_VOWEL_SOUND = ("hour", "honest", "honou", "heir")


def noun(n: float, word: str, many: str | None = None) -> str:
    """``word`` in the number ``n`` asks for: "contact" for 1, "contacts" otherwise.

    ``many`` overrides the plural; for a phrase the last word changes ("cached score"
    -> "cached scores"), unless the whole phrase is irregular."""
    if n == 1 or n == -1:
        return word
    if many is not None:
        return many
    return plural_of(word)


def plural(n: float, word: str, many: str | None = None) -> str:
    """The count and the noun: "1 contact", "0 contacts", "3 people", "2 copies"."""
    number = f"{n:g}" if isinstance(n, float) else str(n)
    return f"{number} {noun(n, word, many)}"


@lru_cache(maxsize=512)  # scores word their reasons with a few nouns, thousands of times
def plural_of(word: str) -> str:
    """The plural of a noun or a noun phrase (its last word changes)."""
    if word in IRREGULAR:
        return IRREGULAR[word]
    head, sep, last = word.rpartition(" ")
    if sep and last in IRREGULAR:
        return head + sep + IRREGULAR[last]
    return head + sep + _one_word_plural(last)


def _one_word_plural(word: str) -> str:
    if word in IRREGULAR:
        return IRREGULAR[word]
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def times(n: int) -> str:
    """ "once", "twice", "3 times"."""
    return {1: "once", 2: "twice"}.get(n, plural(n, "time"))


def a_an(word: str) -> str:
    """The noun with its indefinite article: "an introduction", "a referral", "a job-lead";
    nouns that take none stay bare ("business", "advice")."""
    if word.split(" ")[0] in UNCOUNTABLE:
        return word
    return f"{article(word)} {word}"


def article(word: str) -> str:
    """ "a" or "an" for ``word``, by its sound as far as the spelling tells."""
    lower = word.lower()
    if lower.startswith(_VOWEL_SOUND):
        return "an"
    if lower.startswith(_CONSONANT_SOUND):
        return "a"
    return "an" if lower[:1] in ("a", "e", "i", "o", "u") else "a"


def counted(counts: dict[str, int], words: dict[str, tuple[str, str]] | None = None) -> str:
    """ "8 contacts, 6 interactions and 1 give" from ``{"contact": 8, ...}`` (zeros left out);
    ``words`` maps a key to its (one, many) words when the key is not the noun."""
    parts = []
    for key, n in counts.items():
        if not n:
            continue
        one, many = (words or {}).get(key, (key, None))
        parts.append(plural(n, one, many))
    return join(parts)


def join(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]

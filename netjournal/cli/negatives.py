"""Negative numbers as values: ``net spend -35 lunch``, ``net goal set one-to-ones -2
--per week``. Click reads any word that starts with ``-`` as an option ("No such option:
-3"), so before a command parses its arguments, a word that is a negative number and no
value of an option is moved, with the other positional words in their order, after a
``--``; the argument then gets the value, and its own check says what is wrong with it,
as it does for ``--amount -500``."""

from __future__ import annotations

import re
from typing import Any

NEGATIVE = re.compile(r"^-\d+(?:[.,]\d+)?$")


def reorder(args: list[str], takes_value: dict[str, bool]) -> list[str]:
    """``args`` with its positional words after a ``--`` when one of them is a negative
    number; unchanged otherwise. ``takes_value``: each option name of the command, and
    whether it takes a value."""
    options: list[str] = []
    positional: list[str] = []
    found = False
    words = iter(args)
    for word in words:
        if word == "--":
            positional.extend(words)
            break
        if NEGATIVE.match(word) and word not in takes_value:
            positional.append(word)
            found = True
        elif word.startswith("-") and len(word) > 1:
            options.append(word)
            if takes_value.get(word):
                value = next(words, None)
                if value is not None:
                    options.append(value)
        else:
            positional.append(word)
    return [*options, "--", *positional] if found else args


def let_negative_numbers_through(command: Any) -> None:
    """Wrap ``command.parse_args`` with :func:`reorder`."""
    parse_args = command.parse_args

    def parse(ctx: Any, args: list[str]) -> list[str]:
        takes_value = {
            name: not (p.is_flag or p.count)
            for p in command.params
            if p.param_type_name == "option"
            for name in (*p.opts, *p.secondary_opts)
        }
        return parse_args(ctx, reorder(list(args), takes_value))

    command.parse_args = parse

"""docs/scoring.md is the model's documentation for users: it names every setting, its
urgency table matches ``scoring.terms.TERMS`` one to one, and the README and
``net depth --help`` point to it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path
from typing import Any

from netjournal.render.due import TERM_LABELS
from netjournal.scoring.constants import DEFAULTS, Constants
from netjournal.scoring.terms import TERMS

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "scoring.md").read_text(encoding="utf-8")


def test_every_setting_is_documented() -> None:
    missing = [f.name for f in fields(Constants) if f"`{f.name}`" not in DOC]
    assert missing == []


def test_the_urgency_table_is_the_terms_one_to_one() -> None:
    section = DOC.split("### The terms", 1)[1].split("###", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")][1:]
    named = [row.split("|")[1].strip() for row in rows]
    assert named == [TERM_LABELS[t.__name__] for t in TERMS]
    coefficients = [float(row.split("|")[3].strip()) for row in rows]
    assert coefficients == [DEFAULTS.coefficients[t.__name__] for t in TERMS]


def test_readme_and_help_link_the_doc(ok: Callable[..., Any]) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(docs/scoring.md)" in readme
    assert "docs/scoring.md" in ok("depth", "--help").stdout
    assert re.search(r"^# How netjournal scores relationships$", DOC, re.M)

"""A tag holding ';' survives a CSV round trip (issue 12, hole 8): inside a tag, ';' is
written '\\;' and a backslash '\\\\'; an ordinary tag list is written as before."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from netjournal.interop.csvio import join_tags, split_tags


def test_tags_with_separators_survive_export_and_import(
    ok: Callable[..., Any], net_json: Any, db_path: Path, tmp_path: Path
) -> None:
    tags = ["sales; marketing", "C:\\temp", "end\\", "plain", "a\\;b"]
    ok("contact", "add", "Ana Rossi", *[x for t in tags for x in ("--tag", t)])
    path = tmp_path / "contacts.csv"
    ok("export", "csv", "-o", str(path))
    assert "sales\\; marketing;C:\\\\temp;end\\\\;plain;a\\\\\\;b" in path.read_text()
    db_path.unlink()
    ok("import", "csv", str(path))
    assert net_json("contacts", "--json")["contacts"][0]["tags"] == tags


def test_an_ordinary_tag_list_is_written_as_before(ok: Callable[..., Any], tmp_path: Path) -> None:
    ok("contact", "add", "Ana Rossi", "--tag", "paris", "--tag", "BNI Milano")
    path = tmp_path / "contacts.csv"
    ok("export", "csv", "-o", str(path))
    assert path.read_text().splitlines()[1].split(",")[6] == "paris;BNI Milano"


def test_a_hand_written_backslash_is_kept(
    ok: Callable[..., Any], rows: Any, tmp_path: Path
) -> None:
    path = tmp_path / "by-hand.csv"
    path.write_text("name,tags\nAna Rossi,C:\\temp;x\n", encoding="utf-8")
    ok("import", "csv", str(path))
    assert json.loads(rows("SELECT tags FROM contact")[0][0]) == ["C:\\temp", "x"]


@given(tags=st.lists(st.text(st.sampled_from("ab;\\ "), max_size=6)))
def test_join_and_split_are_inverse(tags: list[str]) -> None:
    if tags == [""]:  # one empty tag and no tag both write an empty cell
        return
    assert split_tags(join_tags(tags)) == (tags or [""])

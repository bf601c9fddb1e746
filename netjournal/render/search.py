"""``net search``: hits as a table whose snippets show the matches in bold, or JSON."""

from __future__ import annotations

from typing import Any

from netjournal.render import emit_json, empty, put, say, table
from netjournal.table import Run

MATCH_STYLE = "bold yellow"


def snippet_runs(text: str, spans: list[list[int]]) -> list[Run]:
    """The snippet as plain runs with each match styled (the table shows every run
    through ``visible``: nothing from the journal reaches the terminal unescaped)."""
    runs: list[Run] = []
    at = 0
    for start, end in spans:
        if start > at:
            runs.append((text[at:start], ""))
        runs.append((text[start:end], MATCH_STYLE))
        at = end
    if at < len(text):
        runs.append((text[at:], ""))
    return runs or [("", "")]


def _kind(hit: dict[str, Any]) -> str:
    if hit["kind"] == "followup":
        return str(hit["what"])  # reach-out or promise
    if hit["kind"] == "contact" or not hit["what"]:
        return str(hit["kind"])
    return f"{hit['kind']} ({hit['what']})"


def search(report: dict[str, Any], *, as_json: bool, limit: int) -> None:
    if as_json:
        emit_json(report)
        return
    from netjournal import messages
    from netjournal.text import printable

    hits = report["hits"]
    if not hits:
        empty(messages.SEARCH_NONE.format(query=printable(report["query"], 80)))
        return
    t = table(
        "on", "kind", "who", "found", "id", names=["who"], text=["found"], drop=["kind", "on"]
    )
    for hit in hits:
        t.add_row(
            hit["on"] or "",
            _kind(hit),
            ", ".join(hit["names"]),
            snippet_runs(hit["snippet"], hit["highlights"]),
            hit["id"] or "",
        )
    put(t)
    if report["total"] > len(hits):
        say(messages.SEARCH_MORE.format(more=report["total"] - len(hits)))

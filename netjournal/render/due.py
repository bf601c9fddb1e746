"""``net due`` (the list and one contact's terms) and ``net followups``."""

from __future__ import annotations

from typing import Any

from netjournal.plural import plural
from netjournal.render import console, emit_json, empty, esc, put, say, table

TERM_LABELS = {
    "follow_up": "follow-up",
    "cadence": "cadence",
    "promise": "promise",
    "tier": "tier",
    "event": "event",
    "new_tie": "new tie",
    "depth_at_stake": "depth at stake",
    "give_back": "give back",
    "ready_to_ask": "ready to ask",
    "dormant_strong": "dormant but was strong",
}


def _ago(day: str | None, today: str) -> str:
    if day is None:
        return "never"
    from datetime import date

    days = (date.fromisoformat(today) - date.fromisoformat(day)).days
    if days == 0:
        return f"{day} (today)"
    return f"{day} ({days}d ago)" if days > 0 else day


def cadence_words(cadence: int, since: int | None) -> str:
    """ "every 30 days; 2 days late", "every 30 days; 12 days to go": how far the cadence
    has run in words (the JSON keeps the ratio, ``rho``)."""
    every = "every " + plural(cadence, "day")
    if since is None:
        return every
    left = cadence - since
    if left > 0:
        return f"{every}; {plural(left, 'day')} to go"
    if left == 0:
        return f"{every}; due today"
    return f"{every}; {plural(-left, 'day')} late"


def due(data: dict[str, Any], *, as_json: bool, limit: int | None = None) -> None:
    """``net due``: one row per contact, with the reasons in words: the follow-ups and
    promises due today or overdue first, then the rest, each most urgent first.

    The table shows the first ``limit`` rows (None or 0: all) and says how many more
    there are; the JSON always holds every row.
    """
    if as_json:
        emit_json(data)
        return
    from netjournal import messages

    items = data["items"]
    if not items:
        text = messages.DUE_NOBODY if data["all"] else messages.DUE_NOTHING
        empty(text.format(days=plural(data["within"], "day")))
        return
    shown = items[:limit] if limit else items
    total = data.get("count", len(items))
    t = table(
        ">#",
        "name",
        ">urgency",
        "due",
        "last contact",
        "why",
        names=["name"],
        text=["why"],
        drop=["last contact", "due"],
    )
    for index, item in enumerate(shown, start=1):
        if index > 1 and shown[index - 2].get("due_now") and not item.get("due_now"):
            t.add_section()  # what is due now (dated) above, the reminders of habit below
        t.add_row(
            str(index),
            item["name"],
            f"{item['urgency']:.1f}",
            item["due_on"] or "",
            _ago(item["last_contact"], data["as_of"]),
            "; ".join(item["reasons"]),
        )
    put(t)
    if len(shown) < total:
        say(messages.DUE_MORE.format(more=total - len(shown)))


def due_terms(data: dict[str, Any], *, as_json: bool) -> None:
    """``net due NAME``: each term as value × coefficient = points, and the total."""
    if as_json:
        emit_json(data)
        return
    from rich.table import Table

    from netjournal import messages

    c = console()
    t = table(
        "term",
        ">value",
        "",
        ">coefficient",
        "",
        ">points",
        "reason",
        title=data["name"],
        text=["reason"],
        drop=[("value", 2, "coefficient", 4)],
    )
    for term in data["terms"]:
        dim = not term["points"]
        row = (
            TERM_LABELS.get(term["name"], term["name"]),
            f"{term['value']:.3f}",
            "×",
            f"{term['coefficient']:g}",
            "=",
            f"{term['points']:.2f}",
            term["reason"],
        )
        t.add_row(*row, style="dim" if dim else "")
    t.add_section()
    t.add_row("total", "", "", "", "", (f"{data['urgency']:.2f}", "bold"), "")
    put(t, c)
    facts = Table.grid(padding=(0, 2))
    facts.add_row("due on", esc(data["due_on"] or "no date (no cadence, nothing open)"))
    facts.add_row("last contact", esc(_ago(data["last_contact"], data["as_of"])))
    if data.get("last_real_contact") != data["last_contact"]:
        facts.add_row("last real contact", esc(_ago(data.get("last_real_contact"), data["as_of"])))
    if data["cadence"] is not None:
        facts.add_row(
            "cadence", cadence_words(data["cadence"], data.get("days_since_real_contact"))
        )
    else:
        facts.add_row("cadence", "none")
    listed = "yes" if data["listed"] else "no"
    if data["triggers"] and data["listed"]:
        listed += " (" + ", ".join(data["triggers"]) + ")"
    facts.add_row("listed by net due", listed)
    c.print(facts)
    if data["archived"]:
        say(messages.DUE_ARCHIVED.format(name=data["name"]))
    elif data["snoozed_until"]:
        say(messages.DUE_SNOOZED.format(name=data["name"], day=data["snoozed_until"]))


def due_cell(item: dict[str, Any]) -> tuple[str, str]:
    """A follow-up's due day as ``net followups`` shows it: overdue in red, today in yellow."""
    if item["overdue"]:
        return (f"{item['due']} (overdue)", "red")
    if item["done_on"] is None and item["days"] == 0:
        return (f"{item['due']} (today)", "yellow")
    return (item["due"], "")


def followups(data: dict[str, Any], *, as_json: bool, include_done: bool = False) -> None:
    """``net followups``: open follow-ups and promises by due date."""
    if as_json:
        emit_json(data)
        return
    from netjournal import messages

    items = data["followups"]
    if not items:
        empty(messages.NO_FOLLOWUPS_AT_ALL if include_done else messages.NO_FOLLOWUPS)
        return
    columns = ["id", "due", "who", "kind", "note"] + (["done"] if include_done else [])
    t = table(
        *columns,
        names=["who"],
        text=["note"],
        drop=(["done"] if include_done else []) + ["kind"],
    )
    for item in items:
        row: list[Any] = [item["id"], due_cell(item), item["name"], item["kind"], item["note"]]
        if include_done:
            done = item["done_on"] or ""
            if item["kept"] is True:
                done += " kept"
            elif item["kept"] is False:
                done += " late"
            row.append(done)
        t.add_row(*row)
    put(t)

"""Drawing reports: Rich tables for people, plain stable JSON for scripts.

Functions take the plain data that ``reports``/``store.reads`` return and write to
stdout. Rich honours ``NO_COLOR`` and plain pipes by itself. Rich is imported lazily so
``--json`` output never pays for it.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

from netjournal.text import format_money

if TYPE_CHECKING:
    from rich.console import Console

    from netjournal.table import Table


def emit_json(data: Any) -> None:
    """JSON on stdout: indented for a person at a terminal, compact (and fast) for scripts."""
    indent = 2 if sys.stdout.isatty() else None
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=indent, default=str) + "\n")


def console() -> Console:
    """A console for stdout; off a terminal, wide enough that tables do not wrap."""
    import os

    from rich.console import Console

    width = None
    if not sys.stdout.isatty() and "COLUMNS" not in os.environ:
        width = 120
    return Console(highlight=False, width=width)


def table(*columns: str, title: str | None = None) -> Table:
    """A table whose cells are plain text or ``(text, style)`` runs (a ``>`` before a
    column's name right-aligns it); print it with :func:`put`."""
    from netjournal.table import Table

    return Table(*columns, title=title)


def put(t: Table, c: Console | None = None) -> None:
    t.print_to(c or console())


def esc(text: Any) -> str:
    from rich.markup import escape

    return escape("" if text is None else str(text))


def money(cents: int | None, currency: str = "") -> str:
    if cents is None:
        return ""
    return f"{currency}{format_money(cents)}"


# --- contacts -----------------------------------------------------------------------------


def contacts(rows: list[dict[str, Any]], *, as_json: bool) -> None:
    if as_json:
        emit_json(
            {
                "contacts": [
                    {
                        "name": r["name"],
                        "company": r["company"],
                        "role": r["role"],
                        "tier": r["tier"],
                        "tags": r["tags"],
                        "email": r["email"],
                        "phone": r["phone"],
                        "birthday": r["birthday"],
                        "kin": r["kin"],
                        "met_on": r["met_on"],
                        "met_at": r["met_at"],
                        "archived": r["archived"],
                        "interactions": r["interactions"],
                        "last_contact": r["last_contact"],
                        "uuid": r["uuid"],
                    }
                    for r in rows
                ]
            }
        )
        return
    from netjournal import messages

    if not rows:
        sys.stderr.write(messages.NO_CONTACTS + "\n")
        return
    t = table("name", "company", "role", "tier", "tags", ">met", "last contact")
    for r in rows:
        t.add_row(
            [(r["name"], ""), (" (archived)" if r["archived"] else "", "dim")],
            r["company"],
            r["role"],
            r["tier"] + (" ♥" if r["kin"] else ""),
            ", ".join(r["tags"]),
            str(r["interactions"]),
            r["last_contact"] or "never",
        )
    put(t)


def asks(rows: list[dict[str, Any]], *, as_json: bool, currency: str = "") -> None:
    if as_json:
        emit_json(
            {
                "asks": [
                    {
                        "id": f"a{r['id']}",
                        "name": r["name"],
                        "kind": r["kind"],
                        "what": r["what"],
                        "on": r["occurred_on"],
                        "status": r["status"],
                        "size": r["size"],
                        "amount": format_money(r["amount_cents"])
                        if r["amount_cents"] is not None
                        else None,
                        "settled_on": r["settled_on"],
                    }
                    for r in rows
                ]
            }
        )
        return
    t = table("id", "date", "who", "kind", "what", "status", ">size/amount")
    for r in rows:
        style = {"open": "yellow", "declined": "red"}.get(r["status"], "")
        t.add_row(
            f"a{r['id']}",
            r["occurred_on"],
            r["name"],
            r["kind"],
            r["what"],
            (r["status"], style),
            money(r["amount_cents"], currency)
            if r["amount_cents"] is not None
            else str(r["size"] or ""),
        )
    put(t)


# --- one contact --------------------------------------------------------------------------


def show(p: dict[str, Any], *, as_json: bool, currency: str = "") -> None:
    if as_json:
        emit_json(p)
        return
    from rich.panel import Panel

    c = console()
    lines = []
    work = " · ".join(esc(x) for x in (p["role"], p["company"]) if x)
    if work:
        lines.append(work)
    contact_bits = [esc(x) for x in (p["email"], p["phone"]) if x]
    if p["birthday"]:
        contact_bits.append("birthday " + esc(p["birthday"].replace("--", "")))
    if contact_bits:
        lines.append("  ".join(contact_bits))
    met = [f"tier {p['tier']}"]
    if p["kin"]:
        met.append("kin")
    if p["cadence"]:
        met.append(f"every {p['cadence']} days")
    if p["met_on"] or p["met_at"]:
        met.append("met " + " ".join(esc(x) for x in (p["met_at"], p["met_on"]) if x))
    if p["tags"]:
        met.append("tags " + esc(", ".join(p["tags"])))
    lines.append("  ".join(met))
    bal = p["balance"]
    dep = p["depth"]
    stage = p["stage"] + (f", was {p['stage_was']}" if p.get("stage_was") else "")
    lines.append(
        f"[bold]depth[/] {dep['depth']:.0f} ({dep['band']})   [bold]stage[/] {stage}   "
        f"[bold]balance[/] {bal['balance']:+.2f} ({bal['label']}; "
        f"{bal['gives']} gives, {bal['asks']} asks)"
    )
    if p.get("next_move"):
        lines.append("[dim]next move: learn their " + ", ".join(p["next_move"]) + "[/]")
    if p.get("hint"):
        lines.append("[green]" + esc(p["hint"]) + "[/]")
    title = esc(p["name"]) + (" [dim](archived)[/]" if p["archived"] else "")
    c.print(Panel("\n".join(lines), title=title, title_align="left", expand=False))

    if p["facts"]:
        t = table("id", "category", "fact", ">learned", title="What you know")
        for f in p["facts"]:
            t.add_row(f["id"], f["category"], f["text"], f["learned_on"])
        put(t, c)
    open_f = [f for f in p["followups"] if f["done_on"] is None]
    if open_f:
        t = table("id", "kind", "due", "note", title="Open follow-ups and promises")
        for f in open_f:
            t.add_row(f["id"], f["kind"], f["due"], f["note"])
        put(t, c)
    if p["gives"] or p["asks"]:
        t = table("id", "date", "", "kind", "what", ">size/amount", title="Gives and asks")
        items = [("give", x) for x in p["gives"]] + [("ask", x) for x in p["asks"]]
        items.sort(key=lambda item: (item[1]["on"], item[1]["id"]))
        for direction, x in items:
            arrow = ("gave", "green") if direction == "give" else ("asked", "magenta")
            status = f" ({x['status']})" if direction == "ask" and x["status"] != "granted" else ""
            amount = f"{currency}{x['amount']}" if x["amount"] else str(x["size"] or "")
            t.add_row(x["id"], x["on"], arrow, x["kind"] + status, x["what"], amount)
        put(t, c)
    if p["interactions"]:
        t = table("id", "when", "kind", "with", "note", title="Timeline")
        for i in p["interactions"][:20]:
            others = [n for n in i["with"] if n != p["name"]]
            t.add_row(i["id"], i["on"], i["kind"], ", ".join(others), i["note"])
        put(t, c)
        if len(p["interactions"]) > 20:
            c.print(f"[dim]… and {len(p['interactions']) - 20} earlier interactions[/]")


# --- due and follow-ups -------------------------------------------------------------------

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
    return f"{day} ({days}d ago)" if days > 0 else day


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
        sys.stderr.write(text.format(days=data["within"]) + "\n")
        return
    shown = items[:limit] if limit else items
    total = data.get("count", len(items))
    t = table(">#", "name", ">urgency", "due", "last contact", "why")
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
        sys.stderr.write(messages.DUE_MORE.format(more=total - len(shown)) + "\n")


def due_terms(data: dict[str, Any], *, as_json: bool) -> None:
    """``net due NAME``: each term as value × coefficient = points, and the total."""
    if as_json:
        emit_json(data)
        return
    from rich.table import Table

    from netjournal import messages

    c = console()
    t = table("term", ">value", "", ">coefficient", "", ">points", "reason", title=data["name"])
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
        rho = f" (ρ = {data['rho']:.2f})" if data["rho"] is not None else ""
        facts.add_row("cadence", f"every {data['cadence']} days{rho}")
    else:
        facts.add_row("cadence", "none")
    listed = "yes" if data["listed"] else "no"
    if data["triggers"] and data["listed"]:
        listed += " (" + ", ".join(data["triggers"]) + ")"
    facts.add_row("listed by net due", listed)
    c.print(facts)
    if data["archived"]:
        sys.stderr.write(messages.DUE_ARCHIVED.format(name=data["name"]) + "\n")
    elif data["snoozed_until"]:
        sys.stderr.write(
            messages.DUE_SNOOZED.format(name=data["name"], day=data["snoozed_until"]) + "\n"
        )


def followups(data: dict[str, Any], *, as_json: bool, include_done: bool = False) -> None:
    """``net followups``: open follow-ups and promises by due date."""
    if as_json:
        emit_json(data)
        return
    from netjournal import messages

    items = data["followups"]
    if not items:
        text = messages.NO_FOLLOWUPS_AT_ALL if include_done else messages.NO_FOLLOWUPS
        sys.stderr.write(text + "\n")
        return
    columns = ["id", "due", "who", "kind", "note"] + (["done"] if include_done else [])
    t = table(*columns)
    for item in items:
        due_text: tuple[str, str] = (item["due"], "")
        if item["overdue"]:
            due_text = (f"{item['due']} (overdue)", "red")
        elif item["done_on"] is None and item["days"] == 0:
            due_text = (f"{item['due']} (today)", "yellow")
        row: list[Any] = [item["id"], due_text, item["name"], item["kind"], item["note"]]
        if include_done:
            done = item["done_on"] or ""
            if item["kept"] is True:
                done += " kept"
            elif item["kept"] is False:
                done += " late"
            row.append(done)
        t.add_row(*row)
    put(t)


# --- balance and depth ----------------------------------------------------------------------

_LABEL_STYLE = {"in credit": "green", "overdrawn": "red", "balanced": "", "no exchanges yet": "dim"}


def _styled(text: str, style: str) -> str:
    """Rich markup for ``text`` in ``style`` (for lines printed outside tables)."""
    return f"[{style}]{esc(text)}[/]" if style else esc(text)


def _more(total: int, shown: int) -> None:
    if total > shown:
        from netjournal import messages

        sys.stderr.write(messages.DUE_MORE.format(more=total - shown) + "\n")


def balance(data: dict[str, Any], *, as_json: bool, limit: int = 0) -> None:
    """The balance table (the first ``limit`` contacts; 0: all) and the network total."""
    if limit and as_json:
        data = {**data, "contacts": data["contacts"][:limit]}
    if as_json:
        emit_json(data)
        return
    t = table(
        "name",
        ">gives",
        ">asks",
        ">given",
        ">taken",
        ">balance",
        "label",
        ">lifetime g/t",
        title=f"Give and take as of {data['as_of']} (lowest balance first)",
    )
    shown = data["contacts"][:limit] if limit else data["contacts"]
    for r in shown:
        label_style = _LABEL_STYLE.get(r["label"], "")
        t.add_row(
            r["name"],
            str(r["gives"]),
            str(r["asks"]),
            f"{r['given']:.2f}",
            f"{r['taken']:.2f}",
            (f"{r['balance']:+.2f}", label_style),
            (r["label"], label_style),
            f"{r['lifetime_given']:.1f}/{r['lifetime_taken']:.1f}",
        )
    net = data["network"]
    t.add_section()
    t.add_row(
        [("network", "bold"), (f" ({data.get('count', len(data['contacts']))} contacts)", "")],
        "",
        "",
        f"{net['given']:.2f}",
        f"{net['taken']:.2f}",
        (f"{net['balance']:+.2f}", "bold"),
        "",
        "",
    )
    put(t)
    _more(data.get("count", len(data["contacts"])), len(shown))


def balance_ledger(data: dict[str, Any], *, as_json: bool, currency: str = "") -> None:
    if as_json:
        emit_json(data)
        return
    c = console()
    t = table(
        "date",
        "",
        "kind",
        "what",
        ">points",
        ">× size or amount",
        ">× decay",
        ">× status",
        ">= amount",
        title=f"{data['name']}: ledger as of {data['as_of']}",
    )
    for line in data["lines"]:
        arrow = ("gave", "green") if line["direction"] == "give" else ("asked", "magenta")
        status = "" if line["status"] == "granted" else f" ({line['status']})"
        t.add_row(
            line["date"],
            arrow,
            line["kind"] + status,
            line["what"],
            f"{line['points']:g}",
            _size_cell(line, currency),
            f"{line['decay']:.3f}",
            f"{line['status_factor']:g}",
            f"{line['amount']:+.2f}",
        )
    put(t, c)
    ratio = "—" if data["ratio"] is None else f"{data['ratio']:+.2f}"
    c.print(
        f"G {data['given']:.2f} − T {data['taken']:.2f} = [bold]B {data['balance']:+.2f}[/]"
        f"   R {ratio}   {_styled(data['label'], _LABEL_STYLE.get(data['label'], ''))}"
    )
    c.print(
        f"lifetime: given {data['lifetime_given']:.2f}, taken {data['lifetime_taken']:.2f}; "
        f"headroom for an ask: {data['headroom']:.2f}"
        + ("   [dim](close tie: no warnings)[/]" if data["close_tie"] else "")
    )
    if data.get("hint"):
        c.print("[green]" + esc(data["hint"]) + "[/]")


def _size_cell(line: dict[str, Any], currency: str) -> str:
    """What the size multiplier comes from: '1,200.00 → × 2.114', 'size 4 → × 1.333'."""
    from decimal import Decimal

    mult = f"× {line['size_mult']:.3f}"
    if line.get("money") is not None:
        return f"{currency}{Decimal(line['money']):,.2f} → {mult}"
    if line.get("size") is not None:
        return f"size {line['size']} → {mult}"
    return mult


def depth(data: dict[str, Any], *, as_json: bool, limit: int = 0) -> None:
    """The depth table (the first ``limit`` contacts; 0: all)."""
    if limit and as_json:
        data = {**data, "contacts": data["contacts"][:limit]}
    if as_json:
        emit_json(data)
        return
    t = table(
        "name",
        ">depth",
        "band",
        "stage",
        ">know",
        ">freq",
        ">rec",
        ">rich",
        ">recip",
        ">dur",
        title=f"Depth and stage as of {data['as_of']}",
    )
    shown = data["contacts"][:limit] if limit else data["contacts"]
    for r in shown:
        comp = r["components"]
        stage = r["stage"] + (f" (was {r['stage_was']})" if r.get("stage_was") else "")
        t.add_row(
            r["name"],
            f"{r['depth']:.1f}",
            r["band"],
            stage,
            *(
                f"{comp.get(k, 0):.1f}"
                for k in (
                    "knowledge",
                    "frequency",
                    "recency",
                    "richness",
                    "reciprocity",
                    "duration",
                )
            ),
        )
    put(t)
    _more(data.get("count", len(data["contacts"])), len(shown))


def depth_detail(data: dict[str, Any], *, as_json: bool) -> None:
    if as_json:
        emit_json(data)
        return
    c = console()
    t = table(
        "component",
        ">input",
        ">× weight",
        ">= points",
        "because",
        title=f"{data['name']}: depth {data['depth']:.1f} ({data['band']}) as of {data['as_of']}",
    )
    for term in data["terms"]:
        t.add_row(
            term["name"],
            f"{term['input']:.3f}",
            f"{term['weight']:g}",
            f"{term['points']:.2f}",
            term["detail"],
        )
    t.add_section()
    t.add_row(("depth", "bold"), "", "", (f"{data['depth']:.1f}", "bold"), "")
    put(t, c)
    if data["missing"]:
        c.print(
            "Next move — learn their: "
            + ", ".join(f"{esc(m['label'])} (+{m['points']:.1f})" for m in data["missing"])
        )
    stage = data["stage"] + (f", was {data['stage_was']}" if data.get("stage_was") else "")
    c.print(f"[bold]Stage:[/] {esc(stage)}")
    for line in data["stage_evidence"]:
        c.print(f"  • {esc(line)}")
    if data.get("stage_verdict"):
        c.print(f"[bold]Verdict:[/] {esc(data['stage_verdict'])}")
    if data.get("hint"):
        c.print("[green]" + esc(data["hint"]) + "[/]")

"""``net balance`` and ``net depth``: the tables, one contact's ledger and depth terms."""

from __future__ import annotations

from typing import Any

from netjournal.plural import plural
from netjournal.render import console, emit_json, empty, esc, more, put, table

_LABEL_STYLE = {"in credit": "green", "overdrawn": "red", "balanced": "", "no exchanges yet": "dim"}


def _styled(text: str, style: str) -> str:
    """Rich markup for ``text`` in ``style`` (for lines printed outside tables)."""
    return f"[{style}]{esc(text)}[/]" if style else esc(text)


def balance(data: dict[str, Any], *, as_json: bool, limit: int = 0) -> None:
    """The balance table (the first ``limit`` contacts; 0: all) and the network total."""
    if limit and as_json:
        data = {**data, "contacts": data["contacts"][:limit]}
    if as_json:
        emit_json(data)
        return
    if not data["contacts"]:
        from netjournal import messages

        empty(messages.NO_BALANCE)
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
        names=["name"],
        drop=["lifetime g/t", ("given", "taken"), ("gives", "asks")],
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
        [
            ("network", "bold"),
            (f" ({plural(data.get('count', len(data['contacts'])), 'contact')})", ""),
        ],
        "",
        "",
        f"{net['given']:.2f}",
        f"{net['taken']:.2f}",
        (f"{net['balance']:+.2f}", "bold"),
        "",
        "",
    )
    put(t)
    more(data.get("count", len(data["contacts"])), len(shown))


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
        text=["what"],
        drop=["× status", "× decay", "× size or amount", "points", "kind"],
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
    if not data["contacts"]:
        from netjournal import messages

        empty(messages.NO_DEPTH)
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
        names=["name"],
        drop=["dur", "recip", "rich", "rec", "freq", "know"],
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
    more(data.get("count", len(data["contacts"])), len(shown))


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
        text=["because"],
        drop=["× weight", "input"],
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

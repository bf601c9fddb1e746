"""``net review``: is your networking proactive? (drawn by ``render/review.py``)"""

from pathlib import Path
from typing import Annotated

import typer

from netjournal import messages
from netjournal.cli import parse
from netjournal.cli.common import notice, reading, state
from netjournal.errors import BadUsage, BadValue
from netjournal.render.review import print_review

JSON_HELP = "Machine-readable output."


def review(
    ctx: typer.Context,
    week: Annotated[bool, typer.Option("--week", help="This calendar week (default).")] = False,
    month: Annotated[bool, typer.Option("--month", help="This calendar month.")] = False,
    year: Annotated[bool, typer.Option("--year", help="This calendar year.")] = False,
    since: Annotated[str | None, typer.Option("--since", help="From WHEN to today.")] = None,
    json_: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
    svg: Annotated[
        Path | None, typer.Option("--svg", help="Also save the report as an SVG picture.")
    ] = None,
) -> None:
    """Is your networking proactive? Activity, goals, habits, money and stages."""
    from netjournal import render
    from netjournal.reports.review import review_report
    from netjournal.scoring import habits as periods

    st = state(ctx)
    chosen = [k for k, on in (("week", week), ("month", month), ("year", year)) if on]
    if since is not None:
        chosen.append("since")
    if len(chosen) > 1:
        raise BadUsage(messages.PERIOD_CONFLICT)
    kind = chosen[0] if chosen else "week"
    p = periods.period(kind, st.today, parse.since_day(st, since))
    with reading(st) as conn:
        data = review_report(conn, p, st.today, st.constants)
    currency = st.config.currency
    if json_:
        render.emit_json(data)
    else:
        print_review(data, currency, render.console())
    if svg is not None:
        import io

        from rich.console import Console

        from netjournal.files import write_private

        recorder = Console(record=True, width=100, file=io.StringIO(), highlight=False)
        print_review(data, currency, recorder)
        try:  # not Rich's save_svg: that writes in place, with the umask's mode
            write_private(svg, [recorder.export_svg(title="net review")])
        except OSError as exc:
            raise BadValue(
                messages.SVG_UNWRITABLE.format(path=svg, reason=exc.strerror or exc)
            ) from exc
        notice(messages.SVG_WRITTEN.format(path=svg))


def register(app: typer.Typer) -> None:
    app.command("review")(review)

"""``net config path`` and ``net config show``: where the config file is, what is in force."""

from dataclasses import fields
from typing import Annotated, Any

import typer

from netjournal import messages
from netjournal.cli.common import echo, state

config_app = typer.Typer(
    help="Where the config file is, and what is in force.", no_args_is_help=True
)


@config_app.command("path")
def path(ctx: typer.Context) -> None:
    """Print the config file's path (it may not exist yet)."""
    from netjournal.store.paths import config_path

    state(ctx)
    echo(str(config_path()))


@config_app.command("show")
def show(
    ctx: typer.Context,
    json_: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Print the settings in force: date order, currency, import limit, who you are
    ([me]: left out of captured attendees and addresses), scoring constants."""
    from netjournal import render
    from netjournal.config import scoring_constants
    from netjournal.store.paths import config_path

    st = state(ctx)
    config = st.config
    constants = scoring_constants(config)
    file = config_path()
    data: dict[str, Any] = {
        "path": str(file),
        "exists": config.path is not None,
        "date_order": config.date_order,
        "currency": config.currency,
        "import_limit_mb": config.import_limit_mb,
        "me": {"emails": list(config.me_emails), "names": list(config.me_names)},
        "scoring_overrides": config.scoring,
        "scoring": _plain(constants),
    }
    if json_:
        render.emit_json(data)
        return
    echo(f"config file: {file}")
    if config.path is None:
        echo(messages.CONFIG_NO_FILE.format(path=file))
    echo(f"date_order = {config.date_order}")
    echo(f"currency = {config.currency!r}")
    echo(f"import_limit_mb = {config.import_limit_mb}")
    echo("[me]" + ("" if config.me_emails or config.me_names else messages.CONFIG_NO_ME))
    echo(f"emails = {_show(list(config.me_emails))}")
    echo(f"names = {_show(list(config.me_names))}")
    echo("[scoring]" + ("" if config.scoring else " (defaults)"))
    for key, value in data["scoring"].items():
        mark = "  (set in the config file)" if key in config.scoring else ""
        echo(f"{key} = {_show(value)}{mark}")


def _plain(constants: Any) -> dict[str, Any]:
    """The constants as JSON-ready values (read-only mappings become dicts)."""
    from collections.abc import Mapping

    out: dict[str, Any] = {}
    for field in fields(constants):
        value = getattr(constants, field.name)
        if isinstance(value, Mapping):
            value = dict(value)
        elif isinstance(value, frozenset | set | tuple):
            value = sorted(value) if isinstance(value, frozenset | set) else list(value)
        out[field.name] = value
    return out


def _show(value: Any) -> str:
    import json

    if isinstance(value, dict | list | tuple):
        return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)
    return str(value)


def register(app: typer.Typer) -> None:
    app.add_typer(config_app, name="config")

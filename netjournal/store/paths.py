"""Where the journal and the config file live."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "netjournal"
ENV_DB = "NETJOURNAL_DB"
ENV_CONFIG = "NETJOURNAL_CONFIG"


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def journal_path(option: str | os.PathLike[str] | None = None) -> Path:
    """``--db``, else ``$NETJOURNAL_DB``, else ``<user data dir>/netjournal/journal.db``."""
    if option:
        return Path(option).expanduser()
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser()
    return data_dir() / "journal.db"


def config_path() -> Path:
    """``$NETJOURNAL_CONFIG``, else ``<user config dir>/netjournal/config.toml``."""
    env = os.environ.get(ENV_CONFIG)
    if env:
        return Path(env).expanduser()
    return config_dir() / "config.toml"


def create_private_file(path: Path) -> None:
    """Create ``path`` (and missing parents) readable by its owner only, if absent."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)

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


def make_private_dirs(folder: Path) -> None:
    """Create ``folder`` and its missing parents, each readable by its owner only (0700)
    whatever the umask; folders that already exist are left as they are."""
    missing: list[Path] = []
    here = folder
    while not here.exists() and here != here.parent:
        missing.append(here)
        here = here.parent
    for path in reversed(missing):
        try:
            os.mkdir(path, 0o700)
        except FileExistsError:
            continue  # made meanwhile by another process, with this same code
        os.chmod(path, 0o700)  # mkdir's mode is filtered through the umask


def create_private_file(path: Path) -> bool:
    """Create ``path`` (and missing parents, 0700) readable by its owner only (0600).

    Returns True when this call created the file, False when it existed already.
    """
    make_private_dirs(path.parent)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        os.chmod(path, 0o600)
        return False
    os.close(fd)
    os.chmod(path, 0o600)
    return True

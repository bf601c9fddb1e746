"""Shell completion of contact names (issue 17): every NAME parameter completes, names
match the way they resolve (case, accents, a prefix of any word), a name with spaces
reaches the command as one argument, and `net log Gi<TAB> -m x` completes the name.

Three levels: the protocol each shell's script speaks (``_NET_COMPLETE`` with COMP_WORDS /
``_TYPER_COMPLETE_ARGS``) run through the installed ``net``; the generated script sourced
into the real bash, zsh and fish on a pseudo-terminal, <TAB> pressed, and the arguments
the command then receives checked; and the Click tree walked so that no NAME parameter is
left without completion. zsh and fish come from the apt packages ``zsh`` and ``fish``; the
tests that need them are skipped, saying so, when they are missing.
"""

from __future__ import annotations

import os
import pty
import select
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from netjournal.cli import complete, helptext

NET = Path(sys.executable).with_name("net")
NAMES = ("Ana Rossi", "Anselm Kiefer", "Marco Anastasi", "Élodie Núñez", "Giulia Bianchi")

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX shells")


@pytest.fixture
def people(ok: Callable[..., Any], db_path: Path) -> Path:
    for name in NAMES:
        ok("contact", "add", name)
    return db_path


def protocol(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if not k.endswith("_COMPLETE")}
    full.update(env)
    return subprocess.run([str(NET)], env=full, capture_output=True, text=True, timeout=60)


def bash_protocol(line: str, spelling: str = "complete_bash") -> list[str]:
    words = line.split(" ")
    done = protocol(
        {
            "_NET_COMPLETE": spelling,
            "COMP_WORDS": line,
            "COMP_CWORD": str(len(words) - 1),
            "_NET_COMPLETE_WORD": words[-1],
        }
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr
    return done.stdout.splitlines()


@pytest.mark.parametrize("spelling", ["complete_bash", "bash_complete"])
def test_bash_protocol_escapes_and_matches_like_names_resolve(people: Path, spelling: str) -> None:
    assert bash_protocol("net show Ans", spelling) == [r"Anselm\ Kiefer"]
    assert bash_protocol("net show ros", spelling) == [r"Ana\ Rossi"]  # a surname
    assert bash_protocol("net show ELO", spelling) == [r"Élodie\ Núñez"]  # case, accents
    # exact prefixes of the whole name first, then prefixes of a later word
    assert bash_protocol("net due an", spelling) == [
        r"Ana\ Rossi",
        r"Anselm\ Kiefer",
        r"Marco\ Anastasi",
    ]
    assert bash_protocol('net show "Ans', spelling) == ["Anselm Kiefer"]  # inside "..."


def test_bash_protocol_completes_the_name_before_other_options(people: Path) -> None:
    """`net log Gi<TAB> -m x`: the shell completes word 2 of 4."""
    done = protocol(
        {
            "_NET_COMPLETE": "complete_bash",
            "COMP_WORDS": "net log Gi -m x",
            "COMP_CWORD": "2",
            "_NET_COMPLETE_WORD": "Gi",
        }
    )
    assert done.stdout.splitlines() == [r"Giulia\ Bianchi"], done.stderr
    # a second name, and a name after an option that takes a value
    assert bash_protocol("net log Ana gi") == [r"Giulia\ Bianchi"]
    assert bash_protocol("net log --give x gi") == [r"Giulia\ Bianchi"]


@pytest.mark.parametrize("spelling", ["complete_zsh", "zsh_complete"])
def test_zsh_protocol(people: Path, spelling: str) -> None:
    done = protocol({"_NET_COMPLETE": spelling, "_TYPER_COMPLETE_ARGS": "net show ros"})
    assert done.stdout.splitlines() == ["Ana Rossi"], done.stderr
    done = protocol({"_NET_COMPLETE": spelling, "_TYPER_COMPLETE_ARGS": "net sh"})
    assert done.stdout.splitlines()[0].startswith("show\tEverything about one contact")


@pytest.mark.parametrize("spelling", ["complete_fish", "fish_complete"])
def test_fish_protocol(people: Path, spelling: str) -> None:
    env = {"_NET_COMPLETE": spelling, "_TYPER_COMPLETE_ARGS": "net done elo"}
    done = protocol({**env, "_TYPER_COMPLETE_FISH_ACTION": "get-args"})
    assert done.stdout.splitlines() == ["Élodie Núñez"], done.stderr
    assert protocol({**env, "_TYPER_COMPLETE_FISH_ACTION": "is-args"}).returncode == 0


def test_db_after_the_command_is_the_journal_completed_from(
    people: Path, tmp_path: Path, ok: Callable[..., Any]
) -> None:
    other = tmp_path / "other.db"
    ok("--db", str(other), "contact", "add", "Zoe Zanetti")
    assert bash_protocol(f"net show --db {other} z") == [r"Zoe\ Zanetti"]
    assert bash_protocol(f"net --db {other} show z") == [r"Zoe\ Zanetti"]
    assert bash_protocol(f"net show --db = {other} z") == [r"Zoe\ Zanetti"]  # bash's --db=F
    assert bash_protocol("net show z") == []


def test_completion_never_raises_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "none" / "j.db"
    assert bash_protocol(f"net show --db {missing} a") == []
    assert not missing.parent.exists()
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"not a database at all" * 100)
    assert bash_protocol(f"net show --db {broken} a") == []
    assert broken.read_bytes() == b"not a database at all" * 100


def test_completion_is_fast_and_skips_the_write_stack(people: Path) -> None:
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: sys.stderr.write(repr(sorted(m for m in sys.modules "
        "if m.split('.')[0] in ('sqlmodel', 'sqlalchemy', 'pydantic')))))\n"
        "sys.argv = ['net']\n"
        "from netjournal.cli import main\n"
        "main()\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.endswith("_COMPLETE")}
    env.update(
        _NET_COMPLETE="complete_bash",
        COMP_WORDS="net show ros",
        COMP_CWORD="2",
        _NET_COMPLETE_WORD="ros",
    )
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    elapsed = time.monotonic() - start
    assert done.stdout.splitlines() == [r"Ana\ Rossi"]
    assert done.stderr == "[]"
    assert elapsed < 5  # generous: a loaded CI machine; ~0.3 s on a quiet one


def _name_params() -> list[tuple[str, Any]]:
    from typer.main import get_command

    from netjournal.cli.app import full_app

    root = get_command(full_app())
    found: list[tuple[str, Any]] = []

    def walk(group: Any, path: list[str]) -> None:
        ctx = group.make_context(path[-1] if path else "net", [], resilient_parsing=True)
        for name in group.list_commands(ctx):
            cmd = group.get_command(ctx, name)
            if hasattr(cmd, "commands"):
                walk(cmd, [*path, name])
                continue
            for param in cmd.params:
                if param.name == "help" or getattr(param, "is_flag", False):
                    continue
                found.append((" ".join([*path, name]), param))

    walk(root, [])
    return found


def test_every_name_parameter_completes_names(people: Path) -> None:
    from typer.main import get_command

    from netjournal.cli.app import full_app

    bash = complete._classes()["bash"](get_command(full_app()), {}, "net", "_NET_COMPLETE")
    checked = []
    for path, param in _name_params():
        if not helptext.completes_names(path, param):
            continue
        if param.param_type_name == "option":
            args = [*path.split(), param.opts[-1]]
        else:
            before = []
            cmd_params = [p for p in param_siblings(path) if p.param_type_name == "argument"]
            for p in cmd_params:
                if p.name == param.name:
                    break
                before.append("Ana")
            args = [*path.split(), *before]
        values = [item.value for item in bash.get_completions(args, "ros")]
        assert values == ["Ana Rossi"], (path, param.name, values)
        checked.append((path, param.name))
    expected = {
        ("show", "name"),
        ("log", "names"),
        ("log", "met_through"),
        ("give", "name"),
        ("ask", "name"),
        ("learn", "name"),
        ("due", "name"),
        ("balance", "name"),
        ("depth", "name"),
        ("done", "name"),
        ("snooze", "name"),
        ("followup", "name"),
        ("promise", "name"),
        ("match", "name"),
        ("introduce", "name"),
        ("introduce", "to"),
        ("intros", "name"),
        ("path", "target"),
        ("spend", "contact"),
        ("contact edit", "name"),
        ("contact edit", "met_through"),
        ("contact add", "met_through"),
        ("contact merge", "keep"),
        ("contact merge", "other"),
        ("contact archive", "name"),
        ("contact rm", "name"),
    }
    assert expected <= set(checked), expected - set(checked)


def param_siblings(path: str) -> list[Any]:
    return [p for q, p in _name_params() if q == path]


# --- the real shells, on a pseudo-terminal ------------------------------------------------

ARGC = """#!/bin/sh
if [ -n "$_NET_COMPLETE" ]; then exec net "$@"; fi
printf 'ARGS:%s' "$#"; for a; do printf '<%s>' "$a"; done; echo
"""


def _interactive(argv: list[str], setup: str, typed: list[str], env: dict[str, str]) -> str:
    """Start a shell on a pty, run ``setup``, type each line (TAB as \\t), and return
    what the terminal showed."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True,
        preexec_fn=_own_terminal,
    )  # fmt: skip
    os.close(slave)
    seen = b""

    def read_until(marker: bytes, timeout: float) -> None:
        nonlocal seen
        end = time.monotonic() + timeout
        while marker not in seen and time.monotonic() < end:
            seen += _drain(master)

    try:
        read_until(b"$ ", 5)
        os.write(master, setup.encode() + b"\n")
        read_until(b"READY", 30)
        for n, line in enumerate(typed):
            os.write(master, line.encode())
            time.sleep(1.0)  # the completion runs net: let it answer before Enter
            os.write(master, b"\n")
            end = time.monotonic() + 30
            while seen.count(b"ARGS:") <= n and time.monotonic() < end:
                seen += _drain(master)
            seen += _drain(master)
    finally:
        proc.kill()
        proc.wait()
        os.close(master)
    return seen.decode("utf-8", "replace")


def _own_terminal() -> None:
    """In the child: a session of its own whose controlling terminal is the pty (job
    control in an interactive shell needs one)."""
    import fcntl
    import termios

    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def _drain(master: int) -> bytes:
    out = b""
    while select.select([master], [], [], 0.2)[0]:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    return out


def _shell_env(tmp_path: Path, db: Path) -> dict[str, str]:
    bindir = tmp_path / "bin"
    bindir.mkdir(exist_ok=True)
    argc = bindir / "argc"
    argc.write_text(ARGC)
    argc.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if not k.endswith("_COMPLETE")}
    env.update(
        PATH=f"{bindir}:{NET.parent}:{os.environ.get('PATH', '/usr/bin:/bin')}",
        NETJOURNAL_DB=str(db),
        TERM="xterm",
        PS1="$ ",
        PROMPT="$ ",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "xdg"),
        fish_greeting="",
    )
    return env


def _script(shell: str, env: dict[str, str], tmp_path: Path) -> Path:
    done = subprocess.run(
        [str(NET)], env={**env, "_NET_COMPLETE": f"source_{shell}"}, capture_output=True,
        text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    path = tmp_path / f"net.{shell}"
    path.write_text(done.stdout)
    return path


#: what is typed (TAB where completion is asked) and the arguments `argc` must receive
TYPED = [
    ("argc show ros\t", ["show", "Ana Rossi"]),
    ("argc show Ans\t", ["show", "Anselm Kiefer"]),
    ("argc log Gi\t -m x", ["log", "Giulia Bianchi", "-m", "x"]),
    ("argc done elo\t", ["done", "Élodie Núñez"]),
    ('argc show "Ans\t', ["show", "Anselm Kiefer"]),
]


def _check(shown: str, typed: list[tuple[str, list[str]]]) -> None:
    got = [line[line.index("ARGS:") :].strip() for line in shown.splitlines() if "ARGS:" in line]
    want = [f"ARGS:{len(args)}" + "".join(f"<{a}>" for a in args) for _, args in typed]
    assert got == want, shown[-3000:]


def _need(shell: str) -> str:
    found = shutil.which(shell)
    if found is None:
        pytest.skip(f"{shell} is not installed (apt-get install -y {shell})")
    return found


def test_real_bash_inserts_one_argument_per_name(people: Path, tmp_path: Path) -> None:
    bash = _need("bash")
    env = _shell_env(tmp_path, people)
    script = _script("bash", env, tmp_path)
    setup = f"source {script}; complete -o default -F _net_completion argc; echo READY"
    shown = _interactive([bash, "--norc", "--noprofile", "-i"], setup, [t for t, _ in TYPED], env)
    _check(shown, TYPED)


def test_real_zsh_inserts_one_argument_per_name(people: Path, tmp_path: Path) -> None:
    zsh = _need("zsh")
    env = _shell_env(tmp_path, people)
    script = _script("zsh", env, tmp_path)
    setup = (
        f"autoload -Uz compinit; compinit -u -D; source {script}; "
        "compdef _net_completion argc; echo READY"
    )
    shown = _interactive([zsh, "-f", "-i"], setup, [t for t, _ in TYPED], env)
    _check(shown, TYPED)


def test_real_fish_inserts_one_argument_per_name(people: Path, tmp_path: Path) -> None:
    """fish filters the candidates itself (prefix, then substring, case-insensitively but
    not accent-insensitively), so "elo" finds no "Élodie" there."""
    fish = _need("fish")
    env = _shell_env(tmp_path, people)
    script = _script("fish", env, tmp_path)
    text = script.read_text().replace("--command net", "--command argc")
    script.write_text(text)
    typed = [t for t in TYPED if "elo" not in t[0]]
    setup = f"source {script}; echo READY"
    shown = _interactive([fish, "--no-config", "-i"], setup, [t for t, _ in typed], env)
    _check(shown, typed)
    listed = subprocess.run(
        [fish, "--no-config", "-c", f"source {_script('fish', env, tmp_path)}; "
         "complete -C'net show ros'"],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert listed.stdout.splitlines() == ["Ana Rossi"], listed.stderr


def test_complete_name_is_read_only(people: Path) -> None:
    before = people.read_bytes()
    assert complete.complete_name("ros") == ["Ana Rossi"]
    assert people.read_bytes() == before
    conn = sqlite3.connect(people)
    assert conn.execute("SELECT count(*) FROM contact").fetchone()[0] == len(NAMES)
    conn.close()

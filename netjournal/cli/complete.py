"""Shell completion: contact names on every NAME parameter, and the bash, zsh and fish
protocols that hand them to the shell as one word each.

Runs on every <TAB>, so it stays on the fast path: plain ``sqlite3`` on a read-only
connection to the journal (``--db`` where given, before or after the command), no SQLModel,
nothing created, and it never raises (a broken or missing journal simply offers no names).

Names match the way they resolve (:func:`netjournal.names.prefix_match`): case- and
accent-insensitively, as a prefix of the name or of any word of it ("ros" offers "Ana
Rossi"). Each shell gets them so that a name with spaces stays one argument: bash as the
word to insert, backslash-escaped (or inside the quote the person opened); zsh through
``compadd -U``, which quotes what it inserts and keeps matches that do not start with the
typed text; fish as plain lines, which fish escapes itself. ``_NET_COMPLETE`` takes
Click's ``bash_complete`` as well as Typer's ``complete_bash`` spelling.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

from netjournal.text import fold

#: the environment variable the scripts set
COMPLETE_VAR = "_NET_COMPLETE"
SHELLS = ("bash", "zsh", "fish")

BASH_SCRIPT = r"""
%(complete_func)s() {
    local IFS=$'\n'
    local -
    set -o noglob
    COMPREPLY=( $( env COMP_WORDS="${COMP_WORDS[*]}" COMP_CWORD=$COMP_CWORD \
                   _NET_COMPLETE_WORD="${COMP_WORDS[COMP_CWORD]}" \
                   %(autocomplete_var)s=complete_bash $1 ) )
    return 0
}

complete -o default -F %(complete_func)s %(prog_name)s
"""

ZSH_SCRIPT = r"""
#compdef %(prog_name)s

%(complete_func)s() {
  local -a values shown
  local line answer
  answer=$(env _TYPER_COMPLETE_ARGS="${words[1,$CURRENT]}" \
    %(autocomplete_var)s=complete_zsh %(prog_name)s)
  for line in "${(@f)answer}"; do
    [[ -z $line ]] && continue
    values+=("${line%%%%$'\t'*}")
    if [[ $line == *$'\t'* ]]; then
      shown+=("${line%%%%$'\t'*}  -- ${line#*$'\t'}")
    else
      shown+=("${line}")
    fi
  done
  if (( ${#values} )); then
    compadd -U -l -d shown -- "${values[@]}"
  else
    _files
  fi
}

compdef %(complete_func)s %(prog_name)s
"""

FISH_SCRIPT = (
    "complete --command %(prog_name)s --no-files --arguments "
    '"(env %(autocomplete_var)s=complete_fish _TYPER_COMPLETE_FISH_ACTION=get-args '
    '_TYPER_COMPLETE_ARGS=(commandline -cp) %(prog_name)s)" --condition '
    '"env %(autocomplete_var)s=complete_fish _TYPER_COMPLETE_FISH_ACTION=is-args '
    '_TYPER_COMPLETE_ARGS=(commandline -cp) %(prog_name)s"'
)

SCRIPTS = {"bash": BASH_SCRIPT, "zsh": ZSH_SCRIPT, "fish": FISH_SCRIPT}

#: what bash must see escaped outside quotes (shlex.quote's safe set, plus non-ASCII)
_BASH_UNSAFE = re.compile(r"([^\w@%+=:,./-])")


def names_for(incomplete: str, db: str | os.PathLike[str] | None = None) -> list[str]:
    """Names of contacts that ``incomplete`` starts, or starts a word of, case- and
    accent-insensitively; those the whole name starts first."""
    try:
        from netjournal.names import prefix_match
        from netjournal.store.paths import journal_path
        from netjournal.store.reads import contacts as contact_reads
        from netjournal.store.sqlite import raw_connect

        path = journal_path(db)
        if not path.is_file():
            return []
        conn = raw_connect(path, readonly=True, timeout_ms=1000)  # hardened, read-only
        try:
            rows = contact_reads.contact_candidates(conn)
        finally:
            conn.close()
        key = fold(incomplete)
        first = [name for _id, name, folded in rows if folded.startswith(key)]
        chosen = set(first)
        words = [
            name for _id, name, folded in rows if name not in chosen and prefix_match(key, folded)
        ]
        return first + words
    except Exception:  # completion must never break the shell
        return []


def complete_name(incomplete: str) -> list[str]:
    """Contact names for ``incomplete`` in the default journal (see :func:`names_for`)."""
    return names_for(incomplete)


def _db_of(ctx: Any) -> Path | None:
    """The ``--db`` typed anywhere on the line being completed."""
    found = ctx.meta.get("netjournal.db")
    if found is None:
        found = ctx.find_root().params.get("db")
    return Path(found) if found else None


def name_completer(ctx: Any, param: Any, incomplete: str) -> list[Any]:
    """Click's ``shell_complete`` for NAME parameters."""
    from typer._click.shell_completion import CompletionItem

    try:
        return [CompletionItem(n) for n in names_for(incomplete, _db_of(ctx))]
    except Exception:
        return []


def bash_word(value: str, typed: str) -> str:
    """``value`` as bash must insert it in place of the word ``typed`` so far."""
    if typed[:1] == '"':  # readline replaces what follows the quote and closes it
        return re.sub(r'(["\\$`])', r"\\\1", value)
    if typed[:1] == "'":
        return value.replace("'", "'\\''")
    return _BASH_UNSAFE.sub(r"\\\1", value)


def _rejoin_equals(words: list[str]) -> list[str]:
    """bash splits ``--db=F`` into ``--db``, ``=``, ``F`` (``=`` is a word break):
    join them again."""
    out: list[str] = []
    i = 0
    while i < len(words):
        if words[i] == "=" and out and out[-1].startswith("--") and i + 1 < len(words):
            out[-1] = f"{out[-1]}={words[i + 1]}"
            i += 2
            continue
        out.append(words[i])
        i += 1
    return out


def _classes() -> dict[str, type]:
    from typer._completion_classes import BashComplete, FishComplete, ZshComplete

    class Bash(BashComplete):  # type: ignore[misc,valid-type]
        source_template = BASH_SCRIPT

        def get_completion_args(self) -> tuple[list[str], str]:
            args, incomplete = super().get_completion_args()
            return _rejoin_equals(args), incomplete

        def format_completion(self, item: Any) -> str:
            typed = os.environ.get("_NET_COMPLETE_WORD", "")
            return bash_word(str(item.value), typed)

    class Zsh(ZshComplete):  # type: ignore[misc,valid-type]
        source_template = ZSH_SCRIPT

        def format_completion(self, item: Any) -> str:
            value = " ".join(str(item.value).split("\n"))
            if item.help:
                return f"{value}\t{' '.join(str(item.help).split())}"
            return value

        def complete(self) -> str:
            args, incomplete = self.get_completion_args()
            return "\n".join(
                self.format_completion(i) for i in self.get_completions(args, incomplete)
            )

    class Fish(FishComplete):  # type: ignore[misc,valid-type]
        source_template = FISH_SCRIPT

    return {"bash": Bash, "zsh": Zsh, "fish": Fish}


def install_scripts() -> None:
    """``--show-completion`` and ``--install-completion`` write these scripts."""
    try:
        from typer import _completion_shared
    except ImportError:
        return
    scripts = getattr(_completion_shared, "_completion_scripts", None)
    if isinstance(scripts, dict):
        scripts.update(SCRIPTS)


def run(cli: Any, ctx_args: dict[str, Any], prog_name: str, instruction: str) -> int:
    """Answer the shell: ``complete_SHELL`` / ``SHELL_complete`` (or ``source``)."""
    first, _, second = instruction.partition("_")
    shell, action = (first, second) if first in SHELLS else (second, first)
    classes = _classes()
    if shell not in classes or action not in ("complete", "source"):
        sys.stderr.write(f"Completion instruction {instruction!r} not supported.\n")
        return 1
    comp = classes[shell](cli, ctx_args, prog_name, COMPLETE_VAR)
    try:
        text = comp.source() if action == "source" else comp.complete()
    except SystemExit as exc:  # fish's is-args answers with the exit status
        return int(exc.code or 0)
    except Exception:  # completion must never break the shell
        return 0
    sys.stdout.write(text + ("\n" if text else ""))
    return 0

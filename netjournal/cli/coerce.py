"""Parameter coercion without pydantic for the plain types ``net`` uses.

Typer 0.29 turns every parameter value (defaults and ``None`` included) into its Python type
through a pydantic ``TypeAdapter``. Importing pydantic and building one adapter per
parameter costs about 100 ms on every command, almost half the cost of starting Python with
Typer and Rich (see ``bench/run.py``). Our parameters are ``str``, ``int``, ``bool``,
``Path`` and lists of ``str``; for those, :class:`PlainParam` does what Typer's adapters do,
and everything else (a ``parser=``, choices, ranges, files, other types) still goes through
Typer's own coercion, built only when such a value arrives.

The hook is Typer's ``_TyperParameter.get_runtime_param``, a private method: the version
range in ``pyproject.toml`` pins the Typer this was written against, :func:`install` leaves
Typer alone when that method or the classes it needs are missing, and ``tests/test_coerce``
checks the wording of bad values and that no read command imports pydantic.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, get_args, get_origin

#: the annotations coerced here; anything else is Typer's
PLAIN: tuple[type, ...] = (str, int, bool, Path)


def _is_plain(annotation: Any) -> bool:
    if get_origin(annotation) is list:
        args = get_args(annotation)
        return len(args) == 1 and args[0] is str
    return annotation in PLAIN


def install() -> None:
    """Make Typer coerce plain parameters with :class:`PlainParam`; idempotent."""
    try:
        from typer import core
        from typer._click.exceptions import BadParameter
        from typer._coercion import RuntimeParam, build_runtime_param
        from typer._param_types import coerce_cli_path
    except ImportError:  # a Typer without these internals: keep its own coercion
        return
    parameter = getattr(core, "_TyperParameter", None)
    original = getattr(parameter, "get_runtime_param", None)
    if parameter is None or original is None or getattr(original, "_netjournal", False):
        return

    class PlainParam(RuntimeParam):  # type: ignore[misc,valid-type]
        """Coerces ``str``, ``int``, ``bool``, ``Path`` and ``list[str]`` like Typer does."""

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            if get_origin(self.annotation) is list:
                items = value if isinstance(value, list | tuple) else [value]
                return [_text(item) for item in items]
            return self._one(value, param, ctx)

        def _one(self, value: Any, param: Any, ctx: Any) -> Any:
            kind = self.annotation
            if kind is str:
                return _text(value)
            if kind is int:
                if isinstance(value, int) and not isinstance(value, bool):
                    return value
                try:
                    return int(_text(value).strip())
                except ValueError:
                    from netjournal import messages

                    raise BadParameter(
                        messages.NOT_A_WHOLE_NUMBER.format(value=_text(value)),
                        ctx=ctx,
                        param=param,
                    ) from None
            if kind is Path:
                path = value if isinstance(value, Path) else Path(_text(value))
                return coerce_cli_path(
                    path, self.parameter_info, path_type=Path, param=param, ctx=ctx
                )
            if isinstance(value, bool):
                return value
            return build_runtime_param(param.type_descriptor)._coerce_value(value, param, ctx)

    def get_runtime_param(self: Any) -> Any:
        if self._runtime_param is None:
            desc = self.type_descriptor
            info = desc.parameter_info
            if (
                _is_plain(desc.annotation)
                and desc.file_annotation is None
                and info.parser is None
                and info.min is None
                and info.max is None
                and not desc.is_choice
            ):
                self._runtime_param = PlainParam(parameter_info=info, annotation=desc.annotation)
            else:
                self._runtime_param = original(self)
        return self._runtime_param

    get_runtime_param._netjournal = True  # type: ignore[attr-defined]
    parameter.get_runtime_param = get_runtime_param


def _text(value: Any) -> str:
    """A command-line value as text; bytes are decoded the way Typer decodes argv."""
    if isinstance(value, bytes):
        import sys

        return value.decode(sys.getfilesystemencoding(), "replace")
    return str(value)

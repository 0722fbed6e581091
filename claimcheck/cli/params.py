"""Option values without pydantic, for the plain types our commands take (#14).

typer 0.2x coerces every value that is not a boolean flag with a pydantic ``TypeAdapter``, built when the
command line is parsed: importing pydantic and building the adapters cost every command ~0.05 s of CPU
before it did anything. :func:`install` gives each parameter of the plain kinds (``str``, ``bool``, ``int`` with
bounds, ``Path`` without checks asked for, ``list[str]``) a coercion that takes an ordinary value as
typer would, and hands anything else (a bad number, a value out of bounds, an unreadable path, text that
is not valid Unicode) to typer's own, which gives its own message. ``tests/test_cli_params.py`` checks
the two agree on every parameter of every command.

Where typer has no such coercion (the typer releases before pydantic), nothing is installed.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import Any

_DIGITS = re.compile(r"[0-9]{1,18}")
_SLOW = object()  # "not a value this module takes: ask typer"
# typer's defaults for a path option: with these, a path is only checked to be readable if it exists
_PLAIN_PATH = {
    "exists": False,
    "file_okay": True,
    "dir_okay": True,
    "readable": True,
    "writable": False,
    "resolve_path": False,
    "allow_dash": False,
    "path_type": None,
    "parser": None,
}


def _text(value: Any) -> Any:
    if type(value) is not str:
        return _SLOW
    try:
        value.encode("utf-8")  # lone surrogates (undecodable bytes in argv): typer's own message
    except UnicodeError:
        return _SLOW
    return value


def _kind(param: Any) -> str | None:
    """Which plain kind ``param`` is, or None when typer must coerce it."""
    desc = getattr(param, "type_descriptor", None)
    info = getattr(desc, "parameter_info", None)
    if desc is None or info is None or desc.file_annotation is not None:
        return None
    if getattr(info, "parser", None) is not None or getattr(info, "click_type", None) is not None:
        return None
    ann = desc.annotation
    multi = bool(param.multiple or param.nargs == -1)
    if ann == list[str] and param.multiple and param.nargs == 1:
        return "list"
    if multi or param.nargs != 1:
        return None
    if ann is str:
        return "str"
    if ann is bool:  # flags: typer takes a bool as it is; None (-h not given) stays None
        return "bool"
    if ann is int and not getattr(info, "clamp", False):
        return "int"
    if ann is Path and all(getattr(info, k, v) == v for k, v in _PLAIN_PATH.items()):
        return "path"
    return None


def plain_value(kind: str, param: Any, value: Any) -> Any:
    """``value`` coerced as typer would, or ``_SLOW`` when only typer can say (an error, an odd value)."""
    if value is None:
        return () if kind == "list" else None  # as typer: an absent repeatable option is ()
    if kind == "str":
        return _text(value)
    if kind == "bool":
        return value if type(value) is bool else _SLOW
    if kind == "int":
        if type(value) is int:
            n = value
        elif type(value) is str and _DIGITS.fullmatch(value):
            n = int(value)
        else:
            return _SLOW
        info = param.type_descriptor.parameter_info
        if (info.min is not None and n < info.min) or (info.max is not None and n > info.max):
            return _SLOW
        return n
    if kind == "path":
        text = _text(value)
        if text is _SLOW or not text:
            return _SLOW
        if os.path.exists(text) and not os.access(text, os.R_OK):
            return _SLOW
        return Path(text)
    if kind == "list" and isinstance(value, (list, tuple)):
        items = [_text(v) for v in value]
        return _SLOW if any(v is _SLOW for v in items) else items
    return _SLOW


class PlainParam:
    """A typer runtime coercion for one plain parameter; typer's own (pydantic) only when needed."""

    def __init__(self, kind: str, slow: Any) -> None:
        self.kind = kind
        self.build_slow = slow
        self.slow: Any = None

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        out = plain_value(self.kind, param, value)
        if out is not _SLOW:
            return out
        if self.slow is None:
            self.slow = self.build_slow(param.type_descriptor)
        return self.slow.coerce(value, param=param, ctx=ctx)


def install(command: Any) -> int:
    """Give the plain parameters of ``command`` (a click group or command, with its subcommands) the
    coercion above, the help option (made when first asked for) included. Returns how many got it."""
    try:
        from typer._coercion import build_runtime_param
    except ImportError:  # a typer without pydantic coercion: nothing to do
        return 0
    done = 0
    for cmd in [command, *getattr(command, "commands", {}).values()]:
        done += sum(_plain(p, build_runtime_param) for p in cmd.params)
        if "get_help_option" not in vars(cmd):
            cmd.get_help_option = functools.partial(_help_option, cmd.get_help_option, build_runtime_param)
    return done


def _plain(param: Any, slow: Any) -> bool:
    if getattr(param, "_runtime_param", 0) is not None:  # not a typer parameter, or set already
        return False
    kind = _kind(param)
    if kind is None:
        return False
    param._runtime_param = PlainParam(kind, slow)
    return True


def _help_option(get: Any, slow: Any, ctx: Any) -> Any:
    option = get(ctx)
    if option is not None:
        _plain(option, slow)
    return option

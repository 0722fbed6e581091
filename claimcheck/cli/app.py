"""The command line: the Typer app and ``main``. Each command lives in its own module of this package;
they parse, call the library, and render. No logic of their own lives here.

A run imports only the module of the command it runs (#14): ``claimcheck fetch ...`` builds an app of
that one command, ``claimcheck -V`` one of none. The full app (every command) answers everything else:
``claimcheck -h``, a mistyped command, shell completion, and ``app`` for tests and the library.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from claimcheck import __version__
from claimcheck.cli.common import CONTEXT_SETTINGS, Group

if TYPE_CHECKING:
    app: typer.Typer

# Command name -> (module of this package, function), in the order `claimcheck -h` lists them.
COMMANDS = {
    "sources": ("sources", "sources"),
    "fetch": ("fetch", "fetch"),
    "migrate-store": ("migrate", "migrate_store"),
    "reindex": ("reindex", "reindex"),
    "demo": ("demo", "demo"),
    "completion": ("completion", "completion"),
    "compare": ("compare", "compare"),
    "articles": ("store", "articles"),
    "stats": ("store", "stats"),
    "stories": ("stories", "stories"),
}
VERSION_OPTIONS = ("--version", "-V")
COMPLETE_VAR = "_CLAIMCHECK_COMPLETE"  # set by the shell while it asks for completions


def _version(value: bool) -> None:
    if value:
        print(f"claimcheck {__version__}")
        raise typer.Exit()


def main_options(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """Which outlets report which facts of a news story."""


def build(names: tuple[str, ...] | None = None) -> typer.Typer:
    """The app with the commands ``names`` (None: every command), importing only their modules."""
    new = typer.Typer(
        name="claimcheck",
        help="Which outlets report which facts of a news story: fetch articles, extract claims, compare outlets.",
        no_args_is_help=True,
        add_completion=False,  # `claimcheck completion SHELL` prints the script instead
        cls=Group,
        context_settings=CONTEXT_SETTINGS,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    new.callback()(main_options)
    for name, (module, function) in COMMANDS.items():
        if names is None or name in names:
            new.command(name)(getattr(importlib.import_module(f"claimcheck.cli.{module}"), function))
    return new


def commands_for(args: list[str]) -> tuple[str, ...] | None:
    """The commands a command line needs: the one it names first, none for ``-V`` before anything else,
    every one (None) otherwise."""
    if os.environ.get(COMPLETE_VAR):
        return None
    if args and args[0] in COMMANDS:
        return (args[0],)
    if args and args[0] in VERSION_OPTIONS:
        return ()
    return None


def __getattr__(name: str) -> Any:
    if name == "app":  # the full app, built on first use
        globals()["app"] = full = build()
        return full
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    build(commands_for(sys.argv[1:]))(prog_name="claimcheck")


if __name__ == "__main__":
    main()

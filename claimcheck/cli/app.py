"""The command line: the Typer app and ``main``. Each command lives in its own module of this package;
they parse, call the library, and render. No logic of their own lives here."""

from __future__ import annotations

from typing import Annotated

import typer

from claimcheck import __version__
from claimcheck.cli.common import CONTEXT_SETTINGS, Group
from claimcheck.cli.compare import compare
from claimcheck.cli.completion import completion
from claimcheck.cli.demo import demo
from claimcheck.cli.fetch import fetch
from claimcheck.cli.migrate import migrate_store
from claimcheck.cli.reindex import reindex
from claimcheck.cli.sources import sources
from claimcheck.cli.store import articles, stats
from claimcheck.cli.stories import stories

app = typer.Typer(
    name="claimcheck",
    help="Which outlets report which facts of a news story: fetch articles, extract claims, compare outlets.",
    no_args_is_help=True,
    add_completion=False,  # `claimcheck completion SHELL` prints the script instead
    cls=Group,
    context_settings=CONTEXT_SETTINGS,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        print(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """Which outlets report which facts of a news story."""


app.command()(sources)
app.command()(fetch)
app.command("migrate-store")(migrate_store)
app.command()(reindex)
app.command()(demo)
app.command()(completion)
app.command()(compare)
app.command()(articles)
app.command()(stats)
app.command()(stories)


def main() -> None:
    app(prog_name="claimcheck")


if __name__ == "__main__":
    main()

"""`claimcheck completion SHELL`: print the shell's completion script.

The shell runs claimcheck with ``COMPLETE_VAR`` set and reads the candidates back. typer registers its
shell classes only when it adds --install-completion, which we do not (it said "Shell bash not
supported" without them): ``completion_init()`` registers them, and this command prints the script.
"""

from __future__ import annotations

from typing import Annotated

import typer
from typer.completion import completion_init, get_completion_script

from claimcheck.cli.app import COMPLETE_VAR
from claimcheck.cli.common import choose, handle_errors

completion_init()

SHELLS = ("bash", "zsh", "fish")


@handle_errors
def completion(
    shell: Annotated[str, typer.Argument(metavar="SHELL", help="bash, zsh or fish.", show_default=False)],
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Accepted as everywhere; the script is all it prints.")
    ] = False,
) -> None:
    """Print the shell completion script. bash: eval "$(claimcheck completion bash)" in ~/.bashrc;
    zsh the same in ~/.zshrc; fish: claimcheck completion fish > ~/.config/fish/completions/claimcheck.fish."""
    name = choose(shell, SHELLS, "shell")
    typer.echo(get_completion_script(prog_name="claimcheck", complete_var=COMPLETE_VAR, shell=name))

"""The command's entry point (``claimcheck`` and ``python -m claimcheck``). A fetch starts the forkserver of its extraction processes first, so that
it imports the extraction stack (trafilatura: ~0.3 s of CPU) on the other core while this process
imports the command line (typer, rich: ~0.1 s) and sets up the fetch (#14)."""

from __future__ import annotations

import sys


def wants_pool(args: list[str]) -> bool:
    """Whether the command line asks for a fetch with extraction processes (not ``--workers 0``)."""
    if args[:1] != ["fetch"] or "-h" in args or "--help" in args:
        return False
    for i, a in enumerate(args):
        if a == "--workers" and args[i + 1 : i + 2] == ["0"] or a == "--workers=0":
            return False
    return True


def main() -> None:
    if wants_pool(sys.argv[1:]):
        from claimcheck.ingest.jobs import start_forkserver

        start_forkserver()
    from claimcheck.cli.app import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()

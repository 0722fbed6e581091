"""The docs match the CLI: every command has help, and every option the README names exists."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from claimcheck.cli.app import app

README = Path(__file__).resolve().parents[1] / "README.md"


def commands() -> dict:  # type: ignore[type-arg]
    group = typer.main.get_command(app)
    return dict(group.commands)  # type: ignore[attr-defined]


def test_every_command_has_help_text() -> None:
    for name, cmd in commands().items():
        assert (cmd.help or "").strip(), f"claimcheck {name} has no help text"
        for p in cmd.params:
            if type(p).__name__.endswith("Option") and p.name != "help":
                assert (p.help or "").strip(), f"claimcheck {name} {p.opts[0]} has no help text"


def test_readme_starts_with_the_two_commands() -> None:
    text = README.read_text()
    blocks = re.findall(r"```sh\n(.*?)```", text, re.S)
    assert "claimcheck demo" in blocks[0] and "pip install -e ." in blocks[0]
    assert "python -m pytest" in blocks[1]
    ci = (README.parent / ".ci" / "run").read_text()
    assert "python -m pytest" in ci  # CI runs the README's test command


def test_readme_names_only_options_that_exist() -> None:
    cmds = commands()
    text = README.read_text()
    checked = 0
    for line in text.splitlines():
        for m in re.finditer(r"claimcheck ([a-z]+)((?:\s+[^\s`|#]+)*)", line):
            name, rest = m.group(1), m.group(2)
            if name not in cmds:
                continue
            known = {o for p in cmds[name].params for o in getattr(p, "opts", [])}
            for opt in re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", rest):
                assert opt in known, f"README: 'claimcheck {name}' has no option {opt}"
                checked += 1
    assert checked >= 5
    for name in ("fetch", "sources", "demo", "reindex"):
        assert f"claimcheck {name}" in text, f"README does not mention claimcheck {name}"


def _help(command: str, option: str) -> str:
    cmd = commands()[command]
    return next(p.help for p in cmd.params if option in getattr(p, "opts", ()))


def test_help_texts_say_what_the_readme_says() -> None:
    # --explain also changes the HTML report (README "Comparing outlets"); --workers is capped at 8 and
    # counts the CPUs the process may use, not the machine's cores (README "Fetching")
    assert "html" in _help("compare", "--explain").lower()
    workers = _help("fetch", "--workers")
    assert "at most 8" in workers and "core" not in workers

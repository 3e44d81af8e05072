"""The README's "Command line" table names every `lpo-bot` command and every flag it takes."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

from bot.app.cli import build_parser

README = Path(__file__).resolve().parents[3] / "README.md"


def _command_table() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("## Command line")
    return text[start:text.index("\n## ", start + 1)]


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:  # argparse offers no public way to walk its subcommands
        if isinstance(action, argparse._SubParsersAction):
            found.update(action.choices)
    return found


def _commands(parser: argparse.ArgumentParser, words: str = "lpo-bot"
              ) -> Iterator[tuple[str, list[str]]]:
    """Each runnable command line (`lpo-bot roster import`) with its visible flags."""
    children = _subcommands(parser)
    if not children:
        flags = [option for action in parser._actions if action.help != argparse.SUPPRESS
                 for option in action.option_strings if option.startswith("--")
                 and option != "--help"]
        yield words, flags
    for name, child in children.items():
        yield from _commands(child, f"{words} {name}")


def test_every_command_and_flag_is_in_the_readme() -> None:
    table = _command_table()
    missing = []
    for command, flags in _commands(build_parser()):
        last_two = " ".join(command.split()[-2:]) if command.count(" ") > 1 else command
        if last_two not in table:
            missing.append(command)
        missing += [f"{command} {flag}" for flag in flags if flag not in table]
    assert "--verbose" in table
    assert missing == []

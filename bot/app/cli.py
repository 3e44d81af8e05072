"""The `lpo-bot` command line: argument parsing and dispatch to bot.app.commands.*."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from typing import NoReturn

from sqlalchemy.exc import DBAPIError

from bot.app.commands import EXIT_USAGE, DatabaseNotReady, database_trouble, fail
from bot.clock import parse_instant
from bot.logs import configure_logging
from bot.settings import SettingsError, load_settings

MAX_PORT = 65535


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr (exit 2) that says where help is."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see `{self.prog} --help`)\n")


def port_number(value: str) -> int:
    """A TCP port to listen on, 1-65535."""
    try:
        port = int(value)
    except ValueError:
        port = 0
    if not 1 <= port <= MAX_PORT:
        raise argparse.ArgumentTypeError(f"expected a port from 1 to {MAX_PORT}, got {value!r}")
    return port


def instant(value: str) -> str:
    """An ISO 8601 instant, kept as typed (the commands parse it with bot.clock)."""
    try:
        parse_instant(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected an ISO 8601 instant like 2027-03-01T09:00-05:00, got {value!r}") from None
    return value


def _add_now(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--now", metavar="ISO8601", type=instant,
                        help="the instant to act at (default: the current time)")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="lpo-bot",
        description="Delegate legal work to the least expensive qualified person, from Slack "
                    "or Microsoft Teams.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug details")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    init = commands.add_parser("init", help="create or upgrade the database schema")
    init.add_argument("--sample", action="store_true",
                      help="load the bundled sample firm into an empty database")

    serve = commands.add_parser("serve", help="run the HTTP server (Slack, Teams, health)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=port_number, default=3000)

    for noun, what in (("roster", "staff"), ("matters", "matters")):
        group = commands.add_parser(noun, help=f"import or list {what}")
        verbs = group.add_subparsers(dest="verb", metavar="VERB", required=True)
        importer = verbs.add_parser("import", help=f"upsert {what} from a CSV file (atomic)")
        importer.add_argument("file", metavar="FILE.csv")
        lister = verbs.add_parser("list", help=f"show {what}")
        lister.add_argument("--json", action="store_true", help="print JSON with every field")

    parse = commands.add_parser("parse", help="show how a delegation text is understood")
    parse.add_argument("text", nargs="?", metavar="TEXT")
    _add_now(parse)
    parse.add_argument("--tz", metavar="IANA", help="the delegator's timezone")
    parse.add_argument("--as", dest="as_email", metavar="EMAIL",
                       help="the writer: their own name is never the assignee")
    parse.add_argument("--jsonl", action="store_true",
                       help="read JSON objects from stdin, write one result per line")

    match = commands.add_parser("match", help="dry run: who would get this task, and why")
    match.add_argument("text", nargs="?", metavar="TEXT")
    match.add_argument("--as", dest="as_email", metavar="EMAIL", help="the delegator")
    _add_now(match)
    match.add_argument("--tz", metavar="IANA", help=argparse.SUPPRESS)
    match.add_argument("--jsonl", action="store_true",
                       help="read JSON objects from stdin, write one result per line")
    match.add_argument("--json", action="store_true", help="print the JSON result")

    chat = commands.add_parser("chat", help="play lpo-bot in the terminal (console adapter)")
    chat.add_argument("--as", dest="as_email", metavar="EMAIL", required=True)
    _add_now(chat)

    digest = commands.add_parser("digest", help="print (or post) the managers' daily digest")
    _add_now(digest)
    digest.add_argument("--post", action="store_true", help="send it instead of printing it")

    tasks = commands.add_parser("tasks", help="list tasks or show one with its audit trail")
    task_verbs = tasks.add_subparsers(dest="verb", metavar="VERB", required=True)
    task_list = task_verbs.add_parser("list", help="list tasks")
    task_list.add_argument("--state", help="only tasks in this state")
    task_list.add_argument("--json", action="store_true", help="print JSON")
    task_show = task_verbs.add_parser("show", help="one task with its offers and audit trail")
    task_show.add_argument("id", type=int)
    task_show.add_argument("--json", action="store_true", help="print JSON")

    model = commands.add_parser("model", help="the request classifier: train it, or show it")
    model_verbs = model.add_subparsers(dest="verb", metavar="VERB", required=True)
    for verb, what in (("train", "retrain on the shipped data and report"),
                       ("status", "show what the model learns from and how it scores")):
        model_verb = model_verbs.add_parser(verb, help=what)
        model_verb.add_argument("--json", action="store_true", help="print JSON")

    tick = commands.add_parser("tick", help="run every scheduler job due now, deliver, exit")
    _add_now(tick)

    export = commands.add_parser("export", help="completed tasks of a date range as CSV")
    export.add_argument("--from", dest="first", required=True, metavar="DATE",
                        help="the first day (YYYY-MM-DD, firm timezone)")
    export.add_argument("--to", dest="last", required=True, metavar="DATE",
                        help="the last day, included")
    export.add_argument("--out", metavar="FILE.csv", help="write here instead of to stdout")

    dashboard = commands.add_parser("dashboard", help="manage the managers' dashboard")
    dashboard_verbs = dashboard.add_subparsers(dest="verb", metavar="VERB", required=True)
    revoke = dashboard_verbs.add_parser(
        "revoke", help="end dashboard sessions and cancel unused sign-in links")
    revoke.add_argument("--all", action="store_true", help="every session and link")

    package = commands.add_parser("teams-package", help="write the Teams app package (zip)")
    package.add_argument("--out", default="lpo-bot-teams.zip", metavar="FILE.zip")
    package.add_argument("--endpoint", metavar="URL",
                         help="the bot's public https address (default: LPO_PUBLIC_URL); "
                              "only its origin is used")
    return parser


def _module_for(args: argparse.Namespace) -> str:
    command: str = args.command
    return command.replace("-", "_")


def _configure_logging(*, verbose: bool, server: bool) -> None:
    """Servers log their progress; one-shot commands speak only when something is wrong."""
    configure_logging(logging.DEBUG if verbose else logging.INFO if server else logging.WARNING)
    if not verbose:  # libraries that narrate every migration step and every 30-second tick
        for chatty in ("alembic", "apscheduler"):
            logging.getLogger(chatty).setLevel(logging.WARNING)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _configure_logging(verbose=args.verbose, server=args.command == "serve")
    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"lpo-bot: configuration error: {error}", file=sys.stderr)
        return EXIT_USAGE
    module = importlib.import_module(f"bot.app.commands.{_module_for(args)}")
    try:
        return int(module.run(args, settings) or 0)
    except SettingsError as error:  # e.g. a firm's task catalogue that does not validate
        print(f"lpo-bot: configuration error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except DatabaseNotReady as problem:
        return fail(str(problem))
    except DBAPIError as error:  # e.g. PostgreSQL went away mid-command; -v shows where
        if args.verbose:
            raise
        return fail(f"the database failed: {database_trouble(error)}")
    except KeyboardInterrupt:
        return 130

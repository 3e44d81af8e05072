"""`lpo-bot parse`: show how a delegation text is understood (task, deadline, matter, ...)."""

from __future__ import annotations

import argparse
import json
import sys

from bot.app.commands import DatabaseNotReady, fail
from bot.app.commands._shared import read_firm
from bot.app.commands.jsonl import each_request
from bot.catalogue import load_taxonomy
from bot.clock import parse_instant
from bot.dry_run import DryRunError, firm_parser, parse_one
from bot.firm import Firm
from bot.settings import Settings


def run(args: argparse.Namespace, settings: Settings) -> int:
    taxonomy = load_taxonomy(settings)
    try:
        firm = read_firm(settings).firm
    except DatabaseNotReady as problem:  # the parser still works; it just knows no names
        print(f"lpo-bot: note: {problem} (matters and people are not recognised)",
              file=sys.stderr)
        firm = Firm(staff=(), matters=())
    parser = firm_parser(taxonomy, firm)

    def answer(text: str, now: str | None, tz: str | None, as_: str | None) -> dict[str, object]:
        # The writer, when a request says who wrote it ("as"): never its assignee.
        writer = as_.strip().lower() if as_ else None
        draft = parse_one(text, now=parse_instant(now), tz=tz or settings.timezone,
                          parser=parser, writer=writer)
        return draft.as_contract()

    if args.jsonl:
        return each_request(sys.stdin, sys.stdout, answer,
                            defaults={"now": args.now, "tz": args.tz, "as": args.as_email})
    if not args.text:
        return fail("give the text to parse, or --jsonl to read requests from stdin")
    try:
        print(json.dumps(answer(args.text, args.now, args.tz, args.as_email), indent=2))
    except (DryRunError, ValueError) as error:
        return fail(str(error))
    return 0

"""`lpo-bot parse`: show how a delegation text is understood (task, deadline, matter, ...)."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys

from bot.app.commands import fail
from bot.app.commands.jsonl import each_request
from bot.catalogue import load_taxonomy
from bot.clock import parse_instant
from bot.dry_run import DryRunError, firm_parser, load_context, parse_one
from bot.settings import Settings


def run(args: argparse.Namespace, settings: Settings) -> int:
    taxonomy = load_taxonomy(settings)
    firm, _loads, note = asyncio.run(load_context(settings))
    if note:
        print(f"lpo-bot: note: {note} (matters and people are not recognised)", file=sys.stderr)
    parser = firm_parser(taxonomy, firm)

    def answer(text: str, now: str | None, tz: str | None, _as: str | None) -> dict[str, object]:
        draft = parse_one(text, now=parse_instant(now), tz=tz or settings.timezone,
                          parser=parser)
        return draft.as_contract()

    if args.jsonl:
        return each_request(sys.stdin, sys.stdout, answer, defaults={"now": args.now,
                                                                     "tz": args.tz})
    if not args.text:
        return fail("give the text to parse, or --jsonl to read requests from stdin")
    try:
        print(json.dumps(answer(args.text, args.now, args.tz, None), indent=2))
    except (DryRunError, ValueError) as error:
        return fail(str(error))
    return 0

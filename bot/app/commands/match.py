"""`lpo-bot match TEXT --as EMAIL`: a dry run of who would get the task, and why (writes nothing)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from bot.app.commands import fail
from bot.app.commands._shared import read_firm
from bot.app.commands.jsonl import each_request
from bot.catalogue import load_taxonomy
from bot.clock import parse_instant
from bot.dry_run import DryRunError, firm_parser, match_one
from bot.settings import Settings
from matching.matcher import StaffIndex


def _readable(result: dict[str, Any]) -> str:
    task = result["task"]
    lines = [f"Task: {task['task_type'] or '?'} · due {task['due_at'] or '-'} · matter "
             f"{task['matter'] or '-'} · priority {task['priority']}"]
    if task["unsure"]:
        lines.append(f"Would ask about: {', '.join(task['unsure'])} "
                     f"(task types offered: {', '.join(task['candidates']) or 'all'})")
    lines += ["", result["explanation"], "", "Candidates (cheapest first):"]
    for candidate in result["candidates"]:
        mark = "eligible" if candidate["eligible"] else "; ".join(candidate["reasons"])
        lines.append(f"  {candidate['email']:<40} ${candidate['cost']:>9,.2f}  {mark}")
    return "\n".join(lines)


def run(args: argparse.Namespace, settings: Settings) -> int:
    taxonomy = load_taxonomy(settings)
    reading = read_firm(settings)
    index, parser = StaffIndex(reading.firm.staff), firm_parser(taxonomy, reading.firm)

    def answer(text: str, now: str | None, tz: str | None, as_email: str | None
               ) -> dict[str, Any]:
        if not as_email:
            raise DryRunError("say who delegates: --as EMAIL (or \"as\" in each JSON line)")
        return match_one(text, now=parse_instant(now), as_email=as_email, tz=tz,
                         taxonomy=taxonomy, reading=reading, parser=parser, index=index)

    if args.jsonl:
        return each_request(sys.stdin, sys.stdout, answer,
                            defaults={"now": args.now, "tz": args.tz, "as": args.as_email})
    if not args.text:
        return fail("give the text to match, or --jsonl to read requests from stdin")
    try:
        result = answer(args.text, args.now, args.tz, args.as_email)
    except (DryRunError, ValueError) as error:
        return fail(str(error))
    print(json.dumps(result, indent=2) if args.json else _readable(result))
    return 0

"""`lpo-bot tasks list|show`: tasks as a table or JSON, one task with its audit trail."""

from __future__ import annotations

import argparse
import json
from typing import Any

from bot.app.commands import fail
from bot.app.commands._shared import run_on_database
from bot.queries import task_detail, task_rows
from bot.settings import Settings
from storage.db import Database
from storage.tables import TASK_STATES

COLUMNS = (("id", 4), ("state", 17), ("task_type", 22), ("assignee", 26), ("due_at", 25),
           ("title", 40))


async def _query(args: argparse.Namespace, database: Database) -> Any:
    async with database.read_session() as session:
        if args.verb == "show":
            return await task_detail(session, task_id=args.id)
        return await task_rows(session, state=args.state)


def _table(rows: list[dict[str, Any]]) -> str:
    header = "  ".join(name.ljust(width) for name, width in COLUMNS)
    lines = [header, "-" * len(header)]
    for row in rows:
        lines.append("  ".join(str(row[name] if row[name] is not None else "-")[:width]
                               .ljust(width) for name, width in COLUMNS))
    return "\n".join(lines)


def _history(detail: dict[str, Any]) -> str:
    lines = [f"Task #{detail['id']}: {detail['title']}",
             f"  type {detail['task_type']} · state {detail['state']} · priority "
             f"{detail['priority']} · due {detail['due_at'] or '-'} · matter "
             f"{detail['matter'] or '-'}",
             f"  delegator {detail['delegator']} · holder {detail['assignee'] or '-'} · "
             f"est {detail['est_hours']:g} h · cost {detail['cost']} · savings {detail['savings']}",
             f"  text: {detail['text']}"]
    if detail["escalation_code"]:
        lines.append(f"  escalated: {detail['escalation_code']} in offer round "
                     f"{detail['offer_round']} — {detail['escalation_reason']}")
    lines += ["", "Offers:"]
    for offer in detail["offers"]:
        lines.append(f"  #{offer['id']} round {offer['round']} to {offer['to']}: {offer['state']}"
                     f"{' (' + offer['reason'] + ')' if offer['reason'] else ''} — offered "
                     f"{offer['offered_at']}")
        if offer["note"]:
            lines.append(f"      note: {offer['note']}")
    lines += ["", "Audit trail:"]
    for event in detail["history"]:
        move = f" {event['from_state'] or ''}->{event['to_state']}" if event["to_state"] else ""
        reason = f" — {event['reason']}" if event["reason"] else ""
        lines.append(f"  {event['at']}  {event['actor']}: {event['action']}{move}{reason}")
        explanation = (event["detail"] or {}).get("explanation")
        if explanation:
            lines.append(f"      why: {explanation}")
    return "\n".join(lines)


def run(args: argparse.Namespace, settings: Settings) -> int:
    if args.verb == "list" and args.state and args.state not in TASK_STATES:
        return fail(f"unknown state {args.state!r}; use one of {', '.join(TASK_STATES)}")

    async def work(database: Database) -> int:
        result = await _query(args, database)
        if args.verb == "show" and result is None:
            return fail(f"there is no task #{args.id}")
        if args.json:
            print(json.dumps(result, indent=2))
        elif args.verb == "show":
            print(_history(result))
        else:
            print(_table(result) if result else "No tasks.")
        return 0

    return run_on_database(settings, work)

"""`lpo-bot roster import FILE.csv` and `lpo-bot roster list [--json]`."""

from __future__ import annotations

import argparse
import json
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.app.commands._shared import aligned, run_import, run_listing
from bot.imports import import_roster
from bot.settings import Settings
from storage import staff as staff_store
from storage.tables import AwayPeriod, Staff

HEADERS = ("EMAIL", "NAME", "ROLE", "RATE", "HOURS/WK", "TIMEZONE", "WORKING", "MANAGER",
           "CHAT", "BAR", "SKILLS", "STATUS")


def _away(period: AwayPeriod) -> dict[str, Any]:
    return {"starts_at": period.starts_at.isoformat(),
            "ends_at": period.ends_at.isoformat() if period.ends_at else None,
            "note": period.note}


def staff_record(row: Staff, *, manager_email: str | None, away: list[AwayPeriod],
                 settings: Settings) -> dict[str, Any]:
    """Every Roster CSV column (empty = null), plus id, active, away and the defaults applied."""
    start, end = settings.working_hours
    return {
        "id": row.id,
        "email": row.email,
        "name": row.name,
        "role": row.role,
        "hourly_rate": float(row.hourly_rate),
        "skills": dict(row.skills),
        "weekly_capacity_hours": row.weekly_capacity_hours,
        "timezone": row.timezone,
        "working_hours": row.working_hours,
        "slack_user_id": row.slack_user_id,
        "teams_user_id": row.teams_user_id,
        "manager_email": manager_email,
        "bar_admissions": list(row.bar_admissions),
        "is_manager": row.is_manager,
        "active": row.active,
        "timezone_effective": row.timezone or settings.timezone,
        "working_hours_effective": row.working_hours or f"{start:%H:%M}-{end:%H:%M}",
        "away": [_away(period) for period in away],
    }


async def staff_records(session: AsyncSession, *, settings: Settings) -> list[dict[str, Any]]:
    """The whole roster, inactive people included, in id order."""
    everyone = await staff_store.list_staff(session, active_only=False)
    email_of = {row.id: row.email for row in everyone}
    away: dict[int, list[AwayPeriod]] = {}
    for period in await staff_store.list_away_periods(session):
        away.setdefault(period.staff_id, []).append(period)
    return [staff_record(row, manager_email=email_of.get(row.manager_id) if row.manager_id
                         else None, away=away.get(row.id, []), settings=settings)
            for row in everyone if row.id is not None]


def _table_row(record: dict[str, Any]) -> list[str]:
    chat = [name for name, key in (("slack", "slack_user_id"), ("teams", "teams_user_id"))
            if record[key]]
    status = [word for word, on in (("manager", record["is_manager"]),
                                    ("inactive", not record["active"])) if on]
    return [record["email"], record["name"], record["role"], f"${record['hourly_rate']:,.2f}",
            f"{record['weekly_capacity_hours']:g}", record["timezone_effective"],
            record["working_hours_effective"], record["manager_email"] or "-",
            "+".join(chat) or "unreachable", ";".join(record["bar_admissions"]) or "-",
            ";".join(f"{skill}:{level}" for skill, level in record["skills"].items()) or "-",
            ", ".join(status) or "-"]


def render(records: list[dict[str, Any]], *, as_json: bool) -> str:
    if as_json:
        return json.dumps(records, indent=2, ensure_ascii=False) + "\n"
    if not records:
        return "No staff yet: load them with `lpo-bot roster import FILE.csv`.\n"
    return aligned(HEADERS, [_table_row(record) for record in records])


def run(args: argparse.Namespace, settings: Settings) -> int:
    if args.verb == "import":
        return run_import(args.file, settings, import_roster)

    async def listing(session: AsyncSession) -> str:
        return render(await staff_records(session, settings=settings), as_json=args.json)

    return run_listing(settings, listing)

"""`lpo-bot matters import FILE.csv` and `lpo-bot matters list [--json]`."""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.app.commands._shared import aligned, run_import, run_listing
from bot.application import build_application
from bot.catalogue import load_taxonomy
from bot.imports import ImportSummary, import_matters
from bot.settings import Settings
from bot.usecases.screens import WallReport
from storage import matters as matter_store
from storage import staff as staff_store
from storage.db import Database

HEADERS = ("NUMBER", "CLIENT", "TITLE", "RESPONSIBLE", "JURISDICTION", "SCREENED")


async def matter_records(session: AsyncSession) -> list[dict[str, Any]]:
    """Every Matters CSV column (empty = null), plus the id, in matter-number order."""
    email_of = {row.id: row.email
                for row in await staff_store.list_staff(session, active_only=False)}
    screens = await matter_store.list_screens(session)
    return [{
        "id": row.id,
        "matter_number": row.number,
        "client_name": row.client_name,
        "title": row.title,
        "responsible_attorney_email": (email_of.get(row.responsible_attorney_id)
                                       if row.responsible_attorney_id else None),
        "jurisdiction": row.jurisdiction,
        "screened_emails": sorted(email_of[staff_id] for staff_id in screens.get(row.id, ())),
    } for row in await matter_store.list_matters(session) if row.id is not None]


def _table_row(record: dict[str, Any]) -> list[str]:
    return [record["matter_number"], record["client_name"], record["title"] or "-",
            record["responsible_attorney_email"] or "-", record["jurisdiction"] or "-",
            ";".join(record["screened_emails"]) or "-"]


def render(records: list[dict[str, Any]], *, as_json: bool) -> str:
    if as_json:
        return json.dumps(records, indent=2, ensure_ascii=False) + "\n"
    if not records:
        return "No matters yet: load them with `lpo-bot matters import FILE.csv`.\n"
    return aligned(HEADERS, [_table_row(record) for record in records])


@dataclass(frozen=True, slots=True)
class WalledImport(ImportSummary):
    """A matters import and what its screens undid, printed together."""

    walls: WallReport = WallReport()

    def __str__(self) -> str:
        imported = ImportSummary.__str__(self)
        return f"{imported}\n{self.walls}" if self.walls.withdrawn or self.walls.taken_back \
            else imported


async def import_matters_behind_walls(settings: Settings, session: AsyncSession, data: bytes, *,
                                      source: str) -> WalledImport:
    """Import matters, then hold every screen at once, in the same transaction: a screened
    person's pending offers on the matter are withdrawn and the work they hold taken back."""
    summary = await import_matters(session, data, source=source)
    # The application acts in the import's transaction; its own database is never opened.
    application = build_application(Database(settings.database_url), settings,
                                    load_taxonomy(settings))
    walls = await application.screens.enforce(application.units.within(session))
    return WalledImport(summary.what, created=summary.created, updated=summary.updated,
                        unchanged=summary.unchanged, walls=walls)


def run(args: argparse.Namespace, settings: Settings) -> int:
    if args.verb == "import":
        return run_import(args.file, settings, partial(import_matters_behind_walls, settings))

    async def listing(session: AsyncSession) -> str:
        return render(await matter_records(session), as_json=args.json)

    return run_listing(settings, listing)

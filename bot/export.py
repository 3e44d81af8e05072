"""`lpo-bot export` and the dashboard's download: completed tasks as CSV, safe to open."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator, Sequence
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.firm import Firm
from matching.model import Taxonomy
from storage import reports

COLUMNS = ("task number", "completed at", "task type", "UTBMS task code",
           "UTBMS activity code", "matter number", "delegator", "assignee", "estimated hours",
           "actual hours", "cost", "savings")
# OWASP's CSV injection advice: a spreadsheet runs a cell starting with one of these as a
# formula; a leading single quote makes it plain text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _line(cells: Sequence[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow([neutralise(cell) for cell in cells])
    return buffer.getvalue()


def _amount(value: Decimal | None) -> str:
    return "" if value is None else f"{Decimal(value):.2f}"


def _hours(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _cells(row: reports.CompletedRow, firm: Firm, taxonomy: Taxonomy,
           zone: ZoneInfo) -> list[str]:
    task_type = taxonomy.get(row.task_type)
    matter = firm.matter_by_id(row.matter_id)
    return [str(row.task_id), row.completed_at.astimezone(zone).isoformat(timespec="seconds"),
            task_type.name if task_type else row.task_type,
            task_type.utbms_task if task_type else "", task_type.utbms_activity if task_type else "",
            matter.number if matter else "", firm.email_of(row.delegator_id) or "",
            firm.email_of(row.assignee_id) or "", _hours(row.est_hours),
            _hours(row.actual_hours), _amount(row.cost), _amount(row.savings)]


async def export_lines(session: AsyncSession, *, firm: Firm, taxonomy: Taxonomy,
                       start: datetime, end: datetime, zone: ZoneInfo,
                       staff_ids: Sequence[int] | None = None) -> AsyncIterator[str]:
    """The header, then one CSV line per task completed in [start, end), oldest first."""
    yield _line(COLUMNS)
    async for row in reports.completed_rows(session, start=start, end=end, staff_ids=staff_ids):
        yield _line(_cells(row, firm, taxonomy, zone))

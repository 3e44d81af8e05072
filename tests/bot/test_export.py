"""The export: every completed task of the range, formula-proof cells, totals equal to the digest's."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import insert, select

from bot import reports
from bot.digest import Scope, build_digest
from bot.export import COLUMNS, export_lines, neutralise
from bot.views import money
from storage.tables import Matter, Task
from tests.dashboard_support import NOW, Seeded, seeded_firm


@pytest.mark.parametrize(("cell", "safe"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1", "'+1"), ("-2", "'-2"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("2027-0301", "2027-0301"),
    ("", ""), ("a=b", "a=b")])
def test_cells_a_spreadsheet_would_run_get_a_quote(cell: str, safe: str) -> None:
    assert neutralise(cell) == safe


async def _export(seeded: Seeded, first: object, last: object) -> list[dict[str, str]]:
    firm = await seeded.firm()
    start, end = reports.day_range(first, last, seeded.settings.zone)  # type: ignore[arg-type]
    async with seeded.database.transaction() as session:
        text = "".join([line async for line in export_lines(
            session, firm=firm, taxonomy=seeded.taxonomy, start=start, end=end,
            zone=seeded.settings.zone)])
    reader = csv.DictReader(io.StringIO(text))
    assert tuple(reader.fieldnames or ()) == COLUMNS
    return list(reader)


async def test_export_totals_equal_the_digests_savings(database_url: str) -> None:
    async with seeded_firm(database_url, tasks=600) as seeded:
        zone = seeded.settings.zone
        today = NOW.astimezone(zone).date()
        firm = await seeded.firm()
        async with seeded.database.transaction() as session:
            digest = await build_digest(session, firm=firm, scope=Scope("the firm", None),
                                        now=NOW, zone=zone, weekly=True,
                                        type_names={t.id: t.name for t in seeded.taxonomy.types})
        facts = {fact.label: fact.value for fact in digest.facts}
        month = await _export(seeded, today.replace(day=1), today)
        last_week_start = reports.week_start(today) - timedelta(weeks=1)
        last_week = await _export(seeded, last_week_start, last_week_start + timedelta(days=6))
    for rows, label in ((month, "Saved this month"), (last_week, "Saved last week")):
        total = sum((Decimal(row["savings"] or 0) for row in rows), Decimal(0))
        assert rows and money(float(total)) == facts[label]


async def test_export_rows_carry_codes_people_and_neutralised_matters(database_url: str) -> None:
    async with seeded_firm(database_url, tasks=50) as seeded:
        async with seeded.database.transaction() as session:
            matter_id = (await session.execute(insert(Matter).values(
                number="=1+1", client_name="Formula Client", title="", created_at=NOW,
                updated_at=NOW).returning(Matter.id))).scalar_one()
            task = (await session.execute(select(Task).where(Task.state == "completed")
                                          .limit(1))).scalars().one()
            task.matter_id = matter_id
        today = NOW.astimezone(seeded.settings.zone).date()
        rows = await _export(seeded, today - timedelta(days=400), today)
    by_number = {row["task number"]: row for row in rows}
    row = by_number[str(task.id)]
    assert row["matter number"] == "'=1+1"
    assert row["UTBMS task code"] and row["UTBMS activity code"]
    assert row["delegator"].endswith("@sample-firm.test") and row["actual hours"] == ""
    assert "Formula Client" not in "".join(map(str, (r.values() for r in rows)))
    completed = [r["completed at"] for r in rows]
    assert completed == sorted(completed) and len(rows) == sum(
        1 for r in rows if r["savings"]) > 20

"""The dashboard's numbers agree with `tasks list --json` and the raw rows, on both databases."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select

from bot import reports
from bot.digest import Scope
from bot.queries import task_rows
from bot.views import STATE_LABELS
from storage import reports as report_queries
from storage.tables import LOAD_TASK_STATES, OPEN_TASK_STATES, Offer, Task
from tests.dashboard_support import MIRIAM, NOW, seeded_firm

FIRM = Scope("the firm", None)


async def test_overview_counts_what_tasks_list_shows(database_url: str) -> None:
    async with seeded_firm(database_url) as seeded:
        firm = await seeded.firm()
        async with seeded.database.transaction() as session:
            rows = await task_rows(session)
            page = await reports.overview(session, firm=firm, taxonomy=seeded.taxonomy,
                                          viewer=firm.by_email(MIRIAM), scope=FIRM, now=NOW,
                                          zone=seeded.settings.zone)
    states = Counter(row["state"] for row in rows)
    assert dict(page.counts) == {STATE_LABELS[state]: states[state] for state in STATE_LABELS}
    open_rows = [row for row in rows if row["state"] in OPEN_TASK_STATES and row["due_at"]]
    overdue = [row for row in open_rows if datetime.fromisoformat(row["due_at"]) < NOW]
    assert page.overdue.total == len(overdue) > 0
    assert page.unassigned.total == states["unassigned"]
    assert all(line.reason for line in page.unassigned.lines)
    assert len(page.overdue.lines) == min(len(overdue), reports.LIST_LIMIT)


async def test_open_hours_per_person_match_tasks_list(database_url: str) -> None:
    async with seeded_firm(database_url) as seeded:
        firm = await seeded.firm()
        async with seeded.database.transaction() as session:
            rows = await task_rows(session)
            page = await reports.people(session, firm=firm, scope=FIRM, now=NOW,
                                        zone=seeded.settings.zone)
    expected: dict[str, float] = defaultdict(float)
    for row in rows:
        if row["state"] in LOAD_TASK_STATES and row["assignee"]:
            expected[firm.by_email(row["assignee"]).name] += row["est_hours"]
    shown = {load.name: load.open_hours for load in page.loads}
    assert shown == {p.name: expected.get(p.name, 0.0) for p in firm.staff}
    ratios = [load.percent for load in page.loads]
    assert ratios == sorted(ratios, reverse=True)  # busiest first
    assert page.refusals and all(r.declined + r.expired > 0 for r in page.refusals)


async def test_acceptance_rate_and_median_wait_of_the_week(database_url: str) -> None:
    async with seeded_firm(database_url, tasks=1500) as seeded:
        firm = await seeded.firm()
        async with seeded.database.transaction() as session:
            page = await reports.overview(session, firm=firm, taxonomy=seeded.taxonomy,
                                          viewer=firm.by_email(MIRIAM), scope=FIRM, now=NOW,
                                          zone=seeded.settings.zone)
            monday = reports.local_midnight(page.week_of, seeded.settings.zone)
            offers = list((await session.execute(select(Offer).where(
                Offer.offered_at >= monday, Offer.offered_at < NOW))).scalars())
    answered = [o for o in offers if o.state in ("accepted", "declined", "expired")]
    accepted = [o for o in offers if o.state == "accepted"]
    assert (page.offers_answered, page.offers_accepted) == (len(answered), len(accepted))
    assert accepted, "the seed should accept some offers this week"
    waits = [(o.responded_at - o.offered_at).total_seconds() / 60 for o in accepted]
    assert abs(page.median_minutes_to_accept - statistics.median(waits)) < 0.01


async def test_savings_per_period_match_the_digest_query(database_url: str) -> None:
    async with seeded_firm(database_url) as seeded:
        firm = await seeded.firm()
        zone = seeded.settings.zone
        first, last = reports.default_range(NOW, zone)
        async with seeded.database.transaction() as session:
            page = await reports.savings(session, firm=firm, taxonomy=seeded.taxonomy,
                                         scope=FIRM, now=NOW, zone=zone, first=first, last=last)
            months = reports._month_periods(NOW.astimezone(zone).date(), NOW, zone)
            digest_way = await report_queries.completed_between(session, periods=months)
            start, end = reports.day_range(first, last, zone)
            done = list((await session.execute(select(Task).where(
                Task.state == "completed", Task.completed_at >= start,
                Task.completed_at < end))).scalars())
    assert [(p.count, p.savings) for p in page.months] == \
        [(c.count, c.savings) for c in digest_way.values()]
    assert page.total == sum((t.savings or Decimal(0) for t in done), Decimal(0)) > 0
    assert sum(g.count for g in page.by_delegator) == len(done)
    assert sum(p.count for p in page.weeks) == len(done)  # the default range is those weeks
    assert page.actual_hours_recorded  # the schema stores them (migration 0006)...
    assert not any(group.known_count for group in page.by_type)  # ...and nobody gave any yet


async def test_client_names_only_for_the_viewer_on_the_matter(database_url: str) -> None:
    async with seeded_firm(database_url) as seeded:
        firm = await seeded.firm()
        miriam = firm.by_email(MIRIAM)
        async with seeded.database.transaction() as session:
            page = await reports.overview(session, firm=firm, taxonomy=seeded.taxonomy,
                                          viewer=miriam, scope=FIRM, now=NOW,
                                          zone=seeded.settings.zone)
            tasks = {t.id: t for t in (await session.execute(select(Task))).scalars()}
    lines = page.due_today.lines + page.overdue.lines + page.unassigned.lines
    assert any("(" in (line.matter or "") for line in lines)
    for line in lines:
        task = tasks[line.task_id]
        matter = firm.matter_by_id(task.matter_id)
        on_matter = miriam.email not in matter.screened and miriam.email in {
            firm.email_of(task.delegator_id), matter.responsible_email,
            firm.email_of(task.assignee_id) if task.state != "unassigned" else None}
        assert (matter.client_name in line.matter) == on_matter, line

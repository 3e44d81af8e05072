"""Read models for `lpo-bot tasks list/show`: tasks with names, offers and the audit trail."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from storage import matters as matter_store
from storage import staff as staff_store
from storage import tasks as task_store
from storage.tables import Task


async def _names(session: AsyncSession) -> tuple[dict[int, str], dict[int, str], dict[int, str]]:
    people = await staff_store.list_staff(session, active_only=False)
    matters = await matter_store.list_matters(session)
    emails = {p.id or 0: p.email for p in people}
    names = {p.id or 0: p.name for p in people}
    numbers = {m.id or 0: m.number for m in matters}
    return emails, names, numbers


def _money(value: Any) -> float | None:
    return None if value is None else float(value)


def _row(task: Task, emails: dict[int, str], numbers: dict[int, str]) -> dict[str, Any]:
    holder = task.assignee_id if task.state != "unassigned" else None
    return {"id": task.id, "title": task.title, "task_type": task.task_type, "state": task.state,
            "assignee": emails.get(holder) if holder else None,
            "delegator": emails.get(task.delegator_id),
            "matter": numbers.get(task.matter_id) if task.matter_id else None,
            "due_at": task.due_at.isoformat() if task.due_at else None,
            "priority": task.priority, "est_hours": task.est_hours,
            "savings": _money(task.savings)}


async def task_rows(session: AsyncSession, *, state: str | None = None) -> list[dict[str, Any]]:
    """The `tasks list --json` contract of DESIGN.md §4."""
    emails, _names_, numbers = await _names(session)
    return [_row(task, emails, numbers)
            for task in await task_store.list_tasks(session, state=state)]


async def task_detail(session: AsyncSession, *, task_id: int) -> dict[str, Any] | None:
    """One task with its offers and audit trail."""
    task = await task_store.get_task(session, task_id=task_id)
    if task is None:
        return None
    emails, names, numbers = await _names(session)
    detail = _row(task, emails, numbers)
    detail.update({"text": task.text, "cost": _money(task.cost),
                   "escalation_reason": task.escalation_reason,
                   "created_at": task.created_at.isoformat(),
                   "completed_at": task.completed_at.isoformat() if task.completed_at else None})
    detail["offers"] = [
        {"id": o.id, "to": emails.get(o.staff_id), "state": o.state,
         "offered_at": o.offered_at.isoformat(),
         "expires_at": o.expires_at.isoformat() if o.expires_at else None,
         "responded_at": o.responded_at.isoformat() if o.responded_at else None,
         "reason": o.reason, "note": o.note, "cost": _money(o.cost)}
        for o in await task_store.offers_of(session, task_id=task_id)]
    detail["history"] = [
        {"at": e.at.isoformat(), "actor": names.get(e.actor_id) if e.actor_id else "lpo-bot",
         "action": e.action, "from_state": e.from_state, "to_state": e.to_state,
         "reason": e.reason, "detail": e.detail}
        for e in await task_store.events_of(session, task_id=task_id)]
    return detail

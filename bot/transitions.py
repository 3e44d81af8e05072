"""Task state changes: written with one winner, and recorded in the audit trail with them."""

from __future__ import annotations

from bot.unit_of_work import UnitOfWork, already
from storage import tasks as task_store
from storage.tables import Task


async def move(uow: UnitOfWork, task: Task, from_states: tuple[str, ...], to_state: str, *,
               actor_id: int | None, action: str | None = None, reason: str | None = None,
               values: dict[str, object] | None = None,
               detail: dict[str, object] | None = None) -> None:
    """Conditionally move the task (one winner) and write the audit event with it."""
    previous = task.state
    moved = await task_store.transition_task(
        uow.session, task_id=task.id or 0, from_states=from_states,
        values={**(values or {}), "state": to_state, "updated_at": uow.now})
    if not moved:
        raise already(f"task #{task.id}", task.state)
    await uow.session.refresh(task)
    await task_store.record_event(uow.session, task_id=task.id, actor_id=actor_id,
                                  action=action or to_state, from_state=previous,
                                  to_state=to_state, reason=reason, at=uow.now, detail=detail)

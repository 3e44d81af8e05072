"""Task state changes: the lifecycle decides, storage writes with one winner, the audit records.

Nothing else in the product assigns `Task.state`. A use case asks `decide` for the
lifecycle's `Transition` (matching/lifecycle.py), then `apply`s it: the task row moves only
if it is still in the state the decision was made from (a repeated click loses and is
answered "already handled"), and the audit event is written in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from bot.replies import Refusal
from bot.unit_of_work import UnitOfWork, already
from matching.lifecycle import (
    Caller,
    Escalated,
    NotAllowed,
    Operation,
    Right,
    TaskState,
    TaskStatus,
    Transition,
    TransitionRefused,
)
from matching.model import StaffProfile
from storage import tasks as task_store
from storage.tables import Task

# The audit trail's names for each operation (`tasks show` prints them).
ACTIONS: Mapping[Operation, str] = MappingProxyType({
    Operation.OFFER: "offered", Operation.ACCEPT: "accepted", Operation.DECLINE: "declined",
    Operation.EXPIRE: "expired", Operation.WITHDRAW: "withdrawn", Operation.SUBMIT: "done",
    Operation.COMPLETE: "done", Operation.APPROVE: "approved",
    Operation.REQUEST_CHANGES: "changes_requested", Operation.CANCEL: "cancelled",
    Operation.REASSIGN: "reassigned", Operation.ESCALATE: "escalated",
    Operation.TAKE_BACK: "taken_back"})
# What a supervisor's operation is called in "Only the delegating attorney or a manager can ...".
VERBS: Mapping[Operation, str] = MappingProxyType({
    Operation.APPROVE: "approve", Operation.REQUEST_CHANGES: "request changes",
    Operation.CANCEL: "cancel", Operation.REASSIGN: "reassign"})


def status_of(task: Task) -> TaskStatus:
    """The lifecycle's view of a task row."""
    return TaskStatus(state=TaskState(task.state), delegator=task.delegator_id,
                      assignee=task.assignee_id, offers_made=task.offers_made,
                      offer_round=task.offer_round, review_round=task.review_round,
                      escalated=task.escalation_code is not None)


def caller(person: StaffProfile) -> Caller:
    return Caller(staff_id=person.id or 0, is_manager=person.is_manager)


def decide(task: Task, operation: Callable[[TaskStatus], Transition]) -> Transition:
    """The lifecycle's decision for `task`, or the polite refusal its objection becomes."""
    try:
        return operation(status_of(task))
    except TransitionRefused:
        raise already(f"task #{task.id}", task.state) from None
    except NotAllowed as refused:
        raise _refusal(refused) from None


def _refusal(refused: NotAllowed) -> Refusal:
    if refused.needs == Right.OFFEREE:
        return Refusal("forbidden", "That offer was made to someone else.",
                       "Only the person it was offered to can accept or decline it.")
    if refused.needs == Right.ASSIGNEE:
        return Refusal("forbidden", "Only the person working on it can mark it done.")
    if refused.needs == Right.UNSCREENED:
        return Refusal("forbidden", "You are screened from that matter.",
                       "An ethical wall keeps you off it, so you can't act on its tasks.")
    verb = VERBS.get(refused.operation, str(refused.operation))
    return Refusal("forbidden", f"Only the delegating attorney or a manager can {verb}.")


async def apply(uow: UnitOfWork, task: Task, transition: Transition, *,
                actor_id: int | None, reason: str | None = None,
                values: Mapping[str, object] | None = None,
                detail: dict[str, object] | None = None) -> None:
    """Write the transition (one winner) and its audit event."""
    await write(uow, task, transition, values)
    await record(uow, task, transition, actor_id=actor_id, reason=reason, detail=detail)


async def write(uow: UnitOfWork, task: Task, transition: Transition,
                values: Mapping[str, object] | None = None) -> None:
    """Move the row from `before.state` to `after`; a task not yet stored moves in memory."""
    after = transition.after
    changes = {"state": after.state.value, "assignee_id": after.assignee,
               "offers_made": after.offers_made, "offer_round": after.offer_round,
               "review_round": after.review_round, **_escalation(transition),
               "updated_at": uow.now, **(values or {})}
    if task.id is None:  # a delegation's new task: written once, already moved
        for name, value in changes.items():
            setattr(task, name, value)
        return
    moved = await task_store.transition_task(uow.session, task_id=task.id,
                                             from_states=(transition.before.state.value,),
                                             values=changes)
    if not moved:
        raise already(f"task #{task.id}", task.state)
    await uow.session.refresh(task)


def _escalation(transition: Transition) -> dict[str, object]:
    """The stored side of `escalated`: the round's reason code while it waits for a manager,
    cleared (with the reason) once a new round starts or the task leaves the queue."""
    for event in transition.events:
        if isinstance(event, Escalated):
            return {"escalation_code": event.reason_code.value}
    if transition.after.escalated:
        return {}
    return {"escalation_code": None, "escalation_reason": None}


async def record(uow: UnitOfWork, task: Task, transition: Transition, *,
                 actor_id: int | None, reason: str | None = None,
                 detail: dict[str, object] | None = None) -> None:
    """The audit event of a transition already written."""
    await task_store.record_event(uow.session, task_id=task.id, actor_id=actor_id,
                                  action=ACTIONS[transition.operation],
                                  from_state=transition.before.state.value,
                                  to_state=transition.after.state.value, reason=reason,
                                  at=uow.now, detail=detail)

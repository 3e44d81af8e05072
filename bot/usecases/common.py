"""What several use case groups load first: the actor with the task, or with their offer."""

from __future__ import annotations

from bot import notifications, walls
from bot.replies import Actor, Refusal
from bot.unit_of_work import UnitOfWork, already
from matching.lifecycle import OfferState, TaskState
from matching.model import StaffProfile
from storage import tasks as task_store
from storage.tables import Offer, Task


async def acting_on(uow: UnitOfWork, actor: Actor, task_id: int,
                    event_key: str | None) -> tuple[StaffProfile, Task]:
    """The acting person and the task, unless a wall keeps them off its matter (whether they
    may act on it otherwise is the lifecycle's call)."""
    person = await uow.identify(actor)
    await uow.once(event_key)
    return person, await unwalled_task(uow, person, task_id)


async def unwalled_task(uow: UnitOfWork, person: StaffProfile, task_id: int) -> Task:
    """The task, judged on the walls as they stand in this transaction."""
    task = await uow.task(task_id)
    walls.refuse_if_screened((await uow.snapshot()).firm, person.email, task.matter_id)
    return task


async def offered_to(uow: UnitOfWork, task_id: int, person: StaffProfile) -> tuple[Offer, Task]:
    """The task's pending offer to `person`, with the task, or a polite refusal: people name
    the task by its number; which offer of it is theirs is for us to know."""
    task = await unwalled_task(uow, person, task_id)
    pending = await task_store.pending_offer(uow.session, task_id=task_id)
    if pending is not None and pending.staff_id == person.id:
        return pending, task
    past = await task_store.offers_of(uow.session, task_id=task_id)
    if any(offer.staff_id == person.id for offer in past):
        raise already(f"task #{task_id}", task.state)  # they answered it, or it moved on
    raise Refusal("forbidden", f"Task #{task_id} was not offered to you.",
                  "Only the person it was offered to can accept or decline it.")


async def work_thread(uow: UnitOfWork, task: Task, holder: StaffProfile) -> str | None:
    """The message the holder works from: the last changes note, else their accepted offer."""
    # Every review round but the last submitted one (under review, or approved) was sent back
    # with a changes note.
    done = task.state in (TaskState.SUBMITTED, TaskState.COMPLETED) and task.review_round
    sent_back = task.review_round - (1 if done else 0)
    if sent_back:
        return notifications.changes_thread(task.id or 0, sent_back)
    offers = await task_store.offers_of(uow.session, task_id=task.id or 0)
    accepted = [o for o in offers if o.state == OfferState.ACCEPTED and o.staff_id == holder.id]
    return notifications.offer_thread(accepted[-1].id or 0) if accepted else None

"""Checks several use case groups share: who may act on a task, and on an offer."""

from __future__ import annotations

from bot.replies import Actor, Refusal
from bot.unit_of_work import UnitOfWork
from matching.model import StaffProfile
from storage import tasks as task_store
from storage.tables import Offer, Task


async def supervised(uow: UnitOfWork, actor: Actor, task_id: int, event_key: str | None,
                     verb: str) -> tuple[StaffProfile, Task]:
    """The acting delegator (or manager) and the task, or a polite refusal."""
    person = await uow.identify(actor)
    await uow.once(event_key)
    task = await uow.task(task_id)
    if person.id != task.delegator_id and not person.is_manager:
        raise Refusal("forbidden", f"Only the delegating attorney or a manager can {verb}.")
    return person, task


async def offered_to(uow: UnitOfWork, offer_id: int, person: StaffProfile) -> tuple[Offer, Task]:
    """An offer made to `person`, with its task, or a polite refusal."""
    offer = await task_store.get_offer(uow.session, offer_id=offer_id)
    task = await task_store.get_task(uow.session, task_id=offer.task_id) if offer else None
    if offer is None or task is None:
        raise Refusal("not_found", f"There is no offer {offer_id}.")
    if offer.staff_id != person.id:
        raise Refusal("forbidden", "That offer was made to someone else.",
                      "Only the person it was offered to can accept or decline it.")
    return offer, task

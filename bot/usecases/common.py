"""What several use case groups load first: the actor with the task, or with their offer."""

from __future__ import annotations

from bot.replies import Actor, Refusal
from bot.unit_of_work import UnitOfWork
from matching.model import StaffProfile
from storage import tasks as task_store
from storage.tables import Offer, Task


async def acting_on(uow: UnitOfWork, actor: Actor, task_id: int,
                    event_key: str | None) -> tuple[StaffProfile, Task]:
    """The acting person and the task (whether they may act on it is the lifecycle's call)."""
    person = await uow.identify(actor)
    await uow.once(event_key)
    return person, await uow.task(task_id)


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

"""Finishing work: mark it done, and the delegator approves it or asks for changes."""

from __future__ import annotations

from bot import notifications, transitions, views
from bot.replies import Actor, Refusal, Reply
from bot.unit_of_work import UnitOfWork, Units
from bot.usecases.common import acting_on, unwalled_task, work_thread
from matching import lifecycle


class Review:
    """Done, then (for types that need it) one review round per submission."""

    def __init__(self, units: Units) -> None:
        self.units = units

    async def done(self, actor: Actor, task_id: int, *, event_key: str | None = None) -> Reply:
        async def work(uow: UnitOfWork) -> Reply:
            person = await uow.identify(actor)
            await uow.once(event_key)
            task = await unwalled_task(uow, person, task_id)
            task_type = uow.taxonomy.get(task.task_type)
            review = task_type is not None and task_type.review_required
            transition = transitions.decide(task, lambda status: lifecycle.submit(
                status, transitions.caller(person), review_required=review))
            await transitions.apply(uow, task, transition, actor_id=person.id,
                                    values={} if review else {"completed_at": uow.now})
            view = uow.view(await uow.snapshot(), task)
            outcome = "Sent to the attorney for review." if review else "Completed. Thank you!"
            thread = await work_thread(uow, task, person)  # the card they worked from
            if thread:
                await uow.send(notifications.work_closed(view, person, thread, task.updated_at,
                                                         outcome))
            if review:
                await uow.send(notifications.review_requested(view, person, task.review_round))
            else:
                await uow.send(notifications.completed(view, person))
            return Reply(status="ok", task_id=task_id, message=views.plain(
                f"Task #{task_id} {'submitted for review' if review else 'completed'}.", outcome))

        return await self.units.run(work)

    async def approve(self, actor: Actor, task_id: int, *, event_key: str | None = None) -> Reply:
        async def work(uow: UnitOfWork) -> Reply:
            person, task = await acting_on(uow, actor, task_id, event_key)
            transition = transitions.decide(
                task, lambda status: lifecycle.approve(status, transitions.caller(person)))
            await transitions.apply(uow, task, transition, actor_id=person.id,
                                    values={"completed_at": uow.now})
            view = uow.view(await uow.snapshot(), task)
            await uow.send(notifications.review_closed(view, task.review_round, "Approved."))
            if view.holder:
                await uow.send(notifications.approved(view, view.holder, person))
            return Reply(status="ok", task_id=task_id,
                         message=views.plain(f"Approved task #{task_id}.", "It is complete."))

        return await self.units.run(work)

    async def request_changes(self, actor: Actor, task_id: int, note: str, *,
                              event_key: str | None = None) -> Reply:
        async def work(uow: UnitOfWork) -> Reply:
            person, task = await acting_on(uow, actor, task_id, event_key)
            transition = transitions.decide(task, lambda status: lifecycle.request_changes(
                status, transitions.caller(person), (note or "").strip()))
            cleaned = (note or "").strip()
            if not cleaned:
                raise Refusal("invalid", "Say what should change.",
                              "Add a short note for the person doing the work.")
            await transitions.apply(uow, task, transition, actor_id=person.id, reason=cleaned)
            view = uow.view(await uow.snapshot(), task)
            await uow.send(notifications.review_closed(view, task.review_round,
                                                       f"Changes requested: {cleaned}"))
            if view.holder:
                await uow.send(notifications.changes_requested(view, view.holder, person,
                                                               cleaned, task.review_round))
            return Reply(status="ok", task_id=task_id, message=views.plain(
                f"Sent task #{task_id} back with your note."))

        return await self.units.run(work)

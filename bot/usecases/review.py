"""Finishing work: mark it done (and, optionally, how long it took), and the delegator approves
it or asks for changes."""

from __future__ import annotations

from bot import notifications, transitions, views
from bot.messages import Message
from bot.replies import Actor, Refusal, Reply
from bot.unit_of_work import UnitOfWork, Units
from bot.usecases.common import acting_on, unwalled_task, work_thread
from matching import lifecycle
from matching.estimates import MOST_HOURS, parse_hours
from matching.lifecycle import TaskState
from storage import tasks as task_store
from storage.tables import Task
from storage.versions import bump_hours_version

# Done, and not sent back since: the states in which the holder may say what the work took.
FINISHED = (TaskState.SUBMITTED.value, TaskState.COMPLETED.value)
BAD_HOURS = Refusal("invalid", "That isn't a number of hours.",
                    f"Say how long it took in hours, like 1.5 (at most {MOST_HOURS:g}).")


def hours_from(text: str | None) -> float | None:
    """The hours someone typed or tapped; None when they gave none; a refusal when unusable."""
    if text is None or not text.strip():
        return None
    hours = parse_hours(text)
    if hours is None:
        raise BAD_HOURS
    return hours


def _outcome(task: Task) -> str:
    return ("Sent to the attorney for review." if task.state == TaskState.SUBMITTED
            else "Completed. Thank you!")


class Review:
    """Done, then (for types that need it) one review round per submission."""

    def __init__(self, units: Units) -> None:
        self.units = units

    async def done(self, actor: Actor, task_id: int, *, hours: str | None = None,
                   event_key: str | None = None) -> Reply:
        """Mark the work done; `hours`, when given (`done 12 1.5`), is what it took, and when
        not, the closed card asks in one tap."""
        async def work(uow: UnitOfWork) -> Reply:
            person = await uow.identify(actor)
            spent = hours_from(hours)
            await uow.once(event_key)
            task = await unwalled_task(uow, person, task_id)
            task_type = uow.taxonomy.get(task.task_type)
            review = task_type is not None and task_type.review_required
            transition = transitions.decide(task, lambda status: lifecycle.submit(
                status, transitions.caller(person), review_required=review))
            values: dict[str, object] = {} if review else {"completed_at": uow.now}
            if spent is not None:
                values["actual_hours"] = spent
                await bump_hours_version(uow.session)
            await transitions.apply(uow, task, transition, actor_id=person.id, values=values)
            view = uow.view(await uow.snapshot(), task)
            outcome = _outcome(task)
            thread = await work_thread(uow, task, person)  # the card they worked from
            if thread:
                await uow.send(notifications.work_closed(view, person, thread, task.updated_at,
                                                         outcome, ask_hours=spent is None))
            if review:
                await uow.send(notifications.review_requested(view, person, task.review_round))
            else:
                await uow.send(notifications.completed(view, person))
            title = f"Task #{task_id} {'submitted for review' if review else 'completed'}."
            if spent is not None:
                return Reply(status="ok", task_id=task_id, message=views.plain(
                    title, f"{outcome} Took {spent:g} h: noted."))
            return Reply(status="ok", task_id=task_id, message=Message(
                title=title, body=f"{outcome} How long did it take? (optional)",
                actions=views.hours_actions(task_id)))

        return await self.units.run(work)

    async def record_hours(self, actor: Actor, task_id: int, hours: str, *,
                           event_key: str | None = None) -> Reply:
        """After `done`: how long the work took, said by the person who did it."""
        async def work(uow: UnitOfWork) -> Reply:
            person = await uow.identify(actor)
            spent = hours_from(hours)
            if spent is None:
                raise BAD_HOURS
            await uow.once(event_key)
            task = await unwalled_task(uow, person, task_id)
            if task.assignee_id != person.id:
                raise Refusal("forbidden", "Only the person who did the work can say how long "
                                           "it took.")
            if not await task_store.record_actual_hours(uow.session, task_id=task_id,
                                                        hours=spent, states=FINISHED):
                raise Refusal("invalid", f"Task #{task_id} isn't done yet.",
                              "Mark it done first; the hours go with it.")
            await bump_hours_version(uow.session)
            await task_store.record_event(uow.session, task_id=task_id, actor_id=person.id,
                                          action="actual_hours", at=uow.now,
                                          detail={"hours": spent})
            thread = await work_thread(uow, task, person)
            if thread:
                view = uow.view(await uow.snapshot(), task)
                await uow.send(notifications.hours_recorded(view, person, thread, spent,
                                                            _outcome(task)))
            return Reply(status="ok", task_id=task_id, message=views.plain(
                f"Noted: task #{task_id} took {spent:g} h.", "Thank you: it sharpens the "
                "firm's estimates for this kind of task."))

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

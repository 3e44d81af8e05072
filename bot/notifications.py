"""What each step of a delegation tells whom, and the keys that make every message idempotent.

A use case turns what happened into `Outgoing` messages here and queues them in its own
transaction (bot/outbox.py). Every outbox key is built by one function below:

- a **dedupe key** names one message; queueing the same key twice sends it once, so a retried
  or repeated use case never messages anyone twice;
- a **thread key** names a message that later updates may find (`thread_key`), and an update
  names the message it replaces (`replaces_key`): Slack and Teams then edit it in place.

The scheme is described in docs/architecture.md, "Message keys".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot import views
from bot.messages import Message
from bot.views import TaskView
from matching.lifecycle import EscalationReason, TaskState
from matching.model import StaffProfile
from matching.reminders import DAY_BEFORE

# --- keys --------------------------------------------------------------------------------------


def offer_thread(offer_id: int) -> str:
    """`offer:{offer}`: the offer DM; the offeree's later updates on the offer replace it."""
    return f"offer:{offer_id}"


def offer_update_key(offer_id: int, outcome: str) -> str:
    """`offer:{offer}:{outcome}`: one update to the offeree (accepted, closed, withdrawn,
    remind)."""
    return f"{offer_thread(offer_id)}:{outcome}"


def task_update_key(task_id: int, event: str, detail: object = None) -> str:
    """`task:{task}:{event}[:{detail}]`: one notice about a task, e.g. `task:7:accepted:12`
    (offer 12 accepted), `task:7:cancelled`; `detail` tells repeated events apart."""
    suffix = "" if detail is None else f":{detail}"
    return f"task:{task_id}:{event}{suffix}"


def review_thread(task_id: int, review_round: int) -> str:
    """`review:{task}:{round}`: the delegator's review request for one submission; approving
    or requesting changes replaces it. The round is stored on the task (`review_round`)."""
    return f"review:{task_id}:{review_round}"


def review_request_key(task_id: int, review_round: int) -> str:
    """`task:{task}:review:{round}`: the review request itself (threaded by `review_thread`)."""
    return task_update_key(task_id, "review", review_round)


def review_closed_key(task_id: int, review_round: int) -> str:
    """`review:{task}:{round}:closed`: the review request, answered."""
    return f"{review_thread(task_id, review_round)}:closed"


def changes_thread(task_id: int, review_round: int) -> str:
    """`changes:{task}:{round}`: the note asking for changes to submission `round`; it is its
    own dedupe key, and marking the work done again replaces it."""
    return f"changes:{task_id}:{review_round}"


def work_done_key(thread: str, at: datetime) -> str:
    """`{thread}:done:{when}`: the worker's card (offer or changes note) closed on "done"."""
    return f"{thread}:done:{at.isoformat()}"


def escalation_key(task_id: int, offer_round: int, reader_id: int | None) -> str:
    """`escalated:{task}:r{round}:{reader}`: one "needs an owner" notice per reader and offer
    round (a round escalates at most once; a reassign starts the next round)."""
    return f"escalated:{task_id}:r{offer_round}:{reader_id}"


def unreachable_key(staff_id: int, day: date) -> str:
    """`unreachable:{staff}:{day}`: the manager hears at most daily that chat can't reach
    someone."""
    return f"unreachable:{staff_id}:{day:%Y-%m-%d}"


def deadline_reminder_key(task_id: int, stage: int, scheduled_for: datetime) -> str:
    """`task:{task}:remind:{stage}:{when}`: one deadline reminder; a snooze reschedules it, so
    the moment it was due for is part of the key."""
    return task_update_key(task_id, "remind", f"{stage}:{scheduled_for.isoformat()}")


def overdue_key(task_id: int, due_at: datetime | None, reader_id: int | None) -> str:
    """`task:{task}:overdue:{due}:{reader}`: one overdue alert per reader and deadline."""
    due = due_at.isoformat() if due_at else None
    return task_update_key(task_id, "overdue", f"{due}:{reader_id}")


def wall_notice_key(task_id: int, last_offer_id: int, reader_id: int | None) -> str:
    """`wall:{task}:{last offer}:{reader}`: a wall took the task from someone, told once per
    reader (the last offer tells one wall's effect from the next)."""
    return f"wall:{task_id}:{last_offer_id}:{reader_id}"


def walled_key(thread: str) -> str:
    """`{thread}:walled`: the holder's work card, emptied when a wall takes the task back."""
    return f"{thread}:walled"


def digest_run_key(day: date) -> str:
    """`digest:{day}`: the job-run claim that sends one day's digest exactly once."""
    return f"digest:{day.isoformat()}"


def digest_key(day: date, reader: str) -> str:
    """`digest:{day}:{reader}`: that day's digest for one reader (`channel` or a manager id)."""
    return f"{digest_run_key(day)}:{reader}"


# --- messages ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One message for one staff member (or channel), with its outbox keys."""

    message: Message
    key: str
    staff_id: int | None = None
    channel: str | None = None
    thread_key: str | None = None
    replaces_key: str | None = None


def _to(person: StaffProfile, message: Message, key: str, *, thread_key: str | None = None,
        replaces_key: str | None = None) -> Outgoing:
    return Outgoing(message=message, key=key, staff_id=person.id, thread_key=thread_key,
                    replaces_key=replaces_key)


def why_you(asked_by_name: bool) -> str:
    """Why the offeree, in their terms (the full explanation stays in the audit trail)."""
    if asked_by_name:
        return "you were asked for by name, and you're qualified and free for it."
    return "you're the least expensive qualified person with room for it this week."


def offered(view: TaskView, offeree: StaffProfile, offer_id: int, *,
            asked_by_name: bool) -> Outgoing:
    """The offer itself, with Accept and Decline."""
    thread = offer_thread(offer_id)
    return _to(offeree, views.offer(view, offeree, why_you(asked_by_name)), thread,
               thread_key=thread)


def offer_withdrawn(view: TaskView, offeree: StaffProfile, offer_id: int,
                    outcome: str) -> Outgoing:
    """A pending offer taken back (cancelled, reassigned): its buttons go."""
    return _to(offeree, views.offer_closed(view, offeree, outcome),
               offer_update_key(offer_id, "withdrawn"), replaces_key=offer_thread(offer_id))


def offer_walled(task_id: int, offeree: StaffProfile, offer_id: int) -> Outgoing:
    """An offer withdrawn behind a new wall: a bare notice, no title, matter or client."""
    return _to(offeree, views.withdrawn(task_id, "This offer was withdrawn."),
               offer_update_key(offer_id, "withdrawn"), replaces_key=offer_thread(offer_id))


def work_walled(task_id: int, holder: StaffProfile, thread: str) -> Outgoing:
    """Work taken back behind a new wall: the holder's card says so, and no more."""
    return _to(holder, views.withdrawn(task_id, "This task was taken back."), walled_key(thread),
               replaces_key=thread)


def wall_notice(task_id: int, reader: StaffProfile, person: StaffProfile, matter_number: str,
                *, held: bool, last_offer_id: int) -> Outgoing:
    """To the delegator and the person's unscreened manager: matter number only."""
    notice = views.plain(
        f"Task #{task_id} was {'taken back from' if held else 'withdrawn from'} {person.name}",
        f"{person.name} is now screened from matter {matter_number}. "
        "The task is being offered to the next eligible person.", kind="update")
    return _to(reader, notice, wall_notice_key(task_id, last_offer_id, reader.id))


def offer_closed(view: TaskView, offeree: StaffProfile, offer_id: int,
                 outcome: str) -> Outgoing:
    """A declined or expired offer, closed for its offeree."""
    return _to(offeree, views.offer_closed(view, offeree, outcome),
               offer_update_key(offer_id, "closed"), replaces_key=offer_thread(offer_id))


def offer_accepted(view: TaskView, offeree: StaffProfile, offer_id: int) -> Outgoing:
    """The accepted offer for its new holder, now with Mark done."""
    message = views.offer_closed(view, offeree, "You accepted. Mark it done when it's finished.",
                                 actions=(views.done_action(view.task_id),))
    return _to(offeree, message, offer_update_key(offer_id, "accepted"),
               replaces_key=offer_thread(offer_id))


def accepted_for_delegator(view: TaskView, holder: StaffProfile, offer_id: int) -> Outgoing:
    return _to(view.delegator,
               views.to_delegator(view, f"{holder.name} accepted task #{view.task_id}."),
               task_update_key(view.task_id, "accepted", offer_id))


def moved_on(view: TaskView, offer_id: int, headline: str, detail: str) -> Outgoing:
    """The delegator hears that an offer closed and where the task went next."""
    return _to(view.delegator, views.to_delegator(view, headline, detail),
               task_update_key(view.task_id, "moved", offer_id))


def rerouted(view: TaskView, offeree: StaffProfile, offer_id: int, detail: str) -> Outgoing:
    """The delegator hears that chat could not reach the offeree, so the task moved on."""
    headline = (f"{offeree.name} can't be reached in Teams, so task #{view.task_id} "
                "moved on.")
    return _to(view.delegator, views.to_delegator(view, headline, detail),
               task_update_key(view.task_id, "unreachable", offer_id))


def next_step(state: str, chosen: str | None) -> str:
    """Where a task went after an offer closed (to whom, by name), as the delegator reads it."""
    if state == TaskState.OFFERED and chosen:
        return f"Offered to {chosen} instead."
    return "Nobody else is eligible; your manager has been told."


def escalated(view: TaskView, readers: tuple[StaffProfile, ...], reason: str,
              code: EscalationReason, offer_round: int) -> list[Outgoing]:
    """"Needs an owner", to the delegator and their manager (once each per round)."""
    unique = {person.email: person for person in readers}.values()
    return [_to(person, views.escalation(view, person, reason, code, offer_round),
                escalation_key(view.task_id, offer_round, person.id)) for person in unique]


def unreachable(person: StaffProfile, manager: StaffProfile, reason: str,
                now: datetime) -> Outgoing:
    notice = Message(
        title=f"{person.name} can't receive lpo-bot messages in Teams",
        body=("Please install lpo-bot for them in Teams (or ask them to open it "
              "once). Until then no tasks are offered to them."),
        footer=f"Teams said: {reason}", kind="escalation")
    return _to(manager, notice, unreachable_key(person.id or 0, now.date()))


def work_closed(view: TaskView, holder: StaffProfile, thread: str, at: datetime,
                outcome: str, *, ask_hours: bool = False) -> Outgoing:
    """The card the holder worked from (offer or changes note), closed when they are done;
    with `ask_hours`, it asks in one tap how long the work took."""
    actions = views.hours_actions(view.task_id) if ask_hours else ()
    if ask_hours:
        outcome = f"{outcome} How long did it take? (optional)"
    return _to(holder, views.offer_closed(view, holder, outcome, actions=actions),
               work_done_key(thread, at), replaces_key=thread)


def hours_key(thread: str, hours: float) -> str:
    """`{thread}:hours:{hours}`: the worker's closed card, updated with the hours they gave."""
    return f"{thread}:hours:{hours:g}"


def hours_recorded(view: TaskView, holder: StaffProfile, thread: str, hours: float,
                   outcome: str) -> Outgoing:
    """The closed card again, its hour buttons gone, saying what was recorded."""
    return _to(holder, views.offer_closed(view, holder, f"{outcome} Took {hours:g} h: noted."),
               hours_key(thread, hours), replaces_key=thread)


def review_requested(view: TaskView, holder: StaffProfile, review_round: int) -> Outgoing:
    task_id = view.task_id
    return _to(view.delegator,
               views.to_delegator(view, f"{holder.name} finished task #{task_id}: please review.",
                                  actions=views.review_actions(task_id)),
               review_request_key(task_id, review_round),
               thread_key=review_thread(task_id, review_round))


def completed(view: TaskView, holder: StaffProfile) -> Outgoing:
    return _to(view.delegator,
               views.to_delegator(view, f"{holder.name} completed task #{view.task_id}."),
               task_update_key(view.task_id, "completed"))


def review_closed(view: TaskView, review_round: int, outcome: str) -> Outgoing:
    """The review request, answered: its buttons go."""
    return _to(view.delegator, views.offer_closed(view, view.delegator, outcome),
               review_closed_key(view.task_id, review_round),
               replaces_key=review_thread(view.task_id, review_round))


def approved(view: TaskView, holder: StaffProfile, approver: StaffProfile) -> Outgoing:
    return _to(holder, views.offer_closed(view, holder, f"{approver.name} approved it. Nice work!"),
               task_update_key(view.task_id, "approved"))


def changes_requested(view: TaskView, holder: StaffProfile, reviewer: StaffProfile, note: str,
                      review_round: int) -> Outgoing:
    task_id = view.task_id
    thread = changes_thread(task_id, review_round)
    message = Message(title=f"Changes requested on task #{task_id}: {view.title}",
                      body=f"{reviewer.name}: {note}", facts=view.facts(holder),
                      actions=(views.done_action(task_id),), kind="changes")
    return _to(holder, message, thread, thread_key=thread)


def cancelled(view: TaskView, holder: StaffProfile, canceller: StaffProfile) -> Outgoing:
    return _to(holder, views.offer_closed(view, holder, f"{canceller.name} cancelled this task."),
               task_update_key(view.task_id, "cancelled"))


def offer_reminder(view: TaskView, offeree: StaffProfile, offer_id: int, explanation: str,
                   expires_at: datetime | None) -> Outgoing:
    """Halfway through the timeout: the offer again, with when it moves on."""
    offer = views.offer(view, offeree, explanation)
    reminder = Message(title=f"Reminder: task #{view.task_id} is waiting for your answer",
                       body=f"It moves to someone else at "
                            f"{views.when(expires_at, offeree.timezone)}.",
                       facts=offer.facts, actions=offer.actions, kind="reminder")
    return _to(offeree, reminder, offer_update_key(offer_id, "remind"))


def deadline_reminder(view: TaskView, holder: StaffProfile, stage: int, scheduled_for: datetime,
                      now: datetime) -> Outgoing:
    task_id = view.task_id
    message = Message(title=_reminder_title(view, stage, holder.timezone, now),
                      body=f"{view.title} is due {views.when(view.due_at, holder.timezone)}.",
                      facts=view.facts(holder), kind="reminder",
                      actions=views.snooze_actions(task_id) + (views.done_action(task_id),))
    return _to(holder, message, deadline_reminder_key(task_id, stage, scheduled_for))


def _reminder_title(view: TaskView, stage: int, zone: str, now: datetime) -> str:
    """`Due tomorrow`, or `Due Monday` from Friday, or `Due today` after a snooze."""
    if stage != DAY_BEFORE or view.due_at is None:
        return f"Due soon: task #{view.task_id}"
    local = ZoneInfo(zone)
    due_day, today = view.due_at.astimezone(local).date(), now.astimezone(local).date()
    day = ("today" if due_day == today else "tomorrow" if due_day == today + timedelta(days=1)
           else f"{due_day:%A}")
    return f"Due {day}: task #{view.task_id}"


def overdue(view: TaskView, reader: StaffProfile, holder: StaffProfile, *,
            holder_away: bool) -> Outgoing:
    """To the delegator, and to the holder or, while they are away, to their manager."""
    note = f" {holder.name} is away." if holder_away else ""
    message = Message(title=f"Overdue: task #{view.task_id}",
                      body=f"{view.title} was due {views.when(view.due_at, reader.timezone)}."
                           f"{note}",
                      facts=view.facts(reader), kind="overdue",
                      actions=(views.done_action(view.task_id),) if reader is holder else ())
    return _to(reader, message, overdue_key(view.task_id, view.due_at, reader.id))


def digest(day: date, reader: str, message: Message, *, staff_id: int | None = None,
           channel: str | None = None) -> Outgoing:
    """One day's digest for the channel or one manager."""
    return Outgoing(message=message, key=digest_key(day, reader), staff_id=staff_id,
                    channel=channel)

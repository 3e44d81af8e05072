"""The Task lifecycle as pure data and operations: states, moves, rights, rounds.

The diagram and how use cases apply it: docs/architecture.md, "Task lifecycle".

Every state change of a task is one operation here. An operation takes the task's
`TaskStatus` (the few columns of the task row that the lifecycle owns), checks that the move
is in `TRANSITIONS` and that the caller has the right to make it, and returns a `Transition`:
the status before and after, plus the domain events it caused. Nothing is stored, sent or
timed here; a use case loads the status, calls the operation, writes `after` with a
conditional update on `before.state` (so a repeated click has one winner) and turns the events
into audit rows and messages.

Refusals are exceptions: `TransitionRefused` (the task is not in a state the operation moves:
"already handled") and `NotAllowed` (the caller lacks the right: "not allowed").

Task states (stored strings unchanged)::

    unassigned --offer--> offered --accept--> accepted --submit--> submitted --approve--> completed
    offered --decline|expire|withdraw--> unassigned
    accepted|changes_requested --complete--> completed     (`done` when no review is needed)
    submitted --request_changes--> changes_requested --submit--> submitted
    unassigned --escalate--> unassigned (escalated: the round is over)
    unassigned|offered|accepted|changes_requested --reassign--> unassigned (new round)
    accepted|changes_requested|submitted --take_back--> unassigned (new round; an ethical wall)
    any open state --cancel--> cancelled

Offer rounds: a decline for conflict or not-my-skill excludes the person from the task for
good; any other answer (a decline for no capacity or other, an expiry, a withdrawal) only for
the current round. A round ends, and the task is escalated, when everyone eligible was tried
or the maximum number of offers was made. Reassign and take-back start a new round.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from types import MappingProxyType
from typing import TypeAlias


class TaskState(StrEnum):
    UNASSIGNED = "unassigned"
    OFFERED = "offered"
    ACCEPTED = "accepted"
    SUBMITTED = "submitted"
    CHANGES_REQUESTED = "changes_requested"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class OfferState(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"


class Operation(StrEnum):
    OFFER = "offer"
    ACCEPT = "accept"
    DECLINE = "decline"
    EXPIRE = "expire"
    WITHDRAW = "withdraw"
    SUBMIT = "submit"  # `done` on a task that needs review
    COMPLETE = "complete"  # `done` on a task that does not
    APPROVE = "approve"
    REQUEST_CHANGES = "request_changes"
    CANCEL = "cancel"
    REASSIGN = "reassign"
    ESCALATE = "escalate"
    TAKE_BACK = "take_back"


class DeclineReason(StrEnum):
    NO_CAPACITY = "no_capacity"
    NOT_MY_SKILL = "not_my_skill"
    CONFLICT = "conflict"
    OTHER = "other"

    @property
    def label(self) -> str:
        """How people read it: "no capacity", "not my skill", ..."""
        return self.value.replace("_", " ")

    @property
    def excludes_for_good(self) -> bool:
        """A conflict or a missing skill does not go away in a new round; a full week does."""
        return self in (DeclineReason.CONFLICT, DeclineReason.NOT_MY_SKILL)

    @classmethod
    def parse(cls, text: str | None) -> DeclineReason:
        """The reason from a code or its label ("not my skill"); anything else is `OTHER`."""
        cleaned = (text or "").strip().lower().replace(" ", "_").replace("-", "_")
        try:
            return cls(cleaned)
        except ValueError:
            return cls.OTHER


class WithdrawReason(StrEnum):
    CANCELLED = "cancelled"
    REASSIGNED = "reassigned"
    UNREACHABLE = "unreachable"
    SCREENED = "screened"


class EscalationReason(StrEnum):
    NOBODY_ELIGIBLE = "nobody_eligible"  # no one could be offered the task in this round
    EVERYONE_TRIED = "everyone_tried"
    MAX_OFFERS = "max_offers"


class Right(StrEnum):
    """Who may make a caller's operation, named for the refusal message."""

    OFFEREE = "offeree"  # accept, decline
    ASSIGNEE = "assignee"  # submit / complete
    SUPERVISOR = "supervisor"  # the delegator or a manager: approve, changes, cancel, reassign
    UNSCREENED = "unscreened"  # every caller: a screen holds at every moment


OPEN: frozenset[TaskState] = frozenset({
    TaskState.UNASSIGNED, TaskState.OFFERED, TaskState.ACCEPTED, TaskState.SUBMITTED,
    TaskState.CHANGES_REQUESTED})
TERMINAL: frozenset[TaskState] = frozenset({TaskState.COMPLETED, TaskState.CANCELLED})
HOLDING: frozenset[TaskState] = frozenset({
    TaskState.ACCEPTED, TaskState.CHANGES_REQUESTED, TaskState.SUBMITTED})
# Offered hours count too: an offer reserves the offeree's room until it is answered.
LOAD: frozenset[TaskState] = frozenset({
    TaskState.OFFERED, TaskState.ACCEPTED, TaskState.CHANGES_REQUESTED})


@dataclass(frozen=True, slots=True)
class Move:
    """One row of the transition table: the states an operation accepts and where it leads."""

    sources: frozenset[TaskState]
    target: TaskState


def _move(target: TaskState, *sources: TaskState) -> Move:
    return Move(frozenset(sources), target)


TRANSITIONS: Mapping[Operation, Move] = MappingProxyType({
    Operation.OFFER: _move(TaskState.OFFERED, TaskState.UNASSIGNED),
    Operation.ACCEPT: _move(TaskState.ACCEPTED, TaskState.OFFERED),
    Operation.DECLINE: _move(TaskState.UNASSIGNED, TaskState.OFFERED),
    Operation.EXPIRE: _move(TaskState.UNASSIGNED, TaskState.OFFERED),
    Operation.WITHDRAW: _move(TaskState.UNASSIGNED, TaskState.OFFERED),
    Operation.SUBMIT: _move(TaskState.SUBMITTED, TaskState.ACCEPTED, TaskState.CHANGES_REQUESTED),
    Operation.COMPLETE: _move(TaskState.COMPLETED, TaskState.ACCEPTED,
                              TaskState.CHANGES_REQUESTED),
    Operation.APPROVE: _move(TaskState.COMPLETED, TaskState.SUBMITTED),
    Operation.REQUEST_CHANGES: _move(TaskState.CHANGES_REQUESTED, TaskState.SUBMITTED),
    Operation.CANCEL: _move(TaskState.CANCELLED, *OPEN),
    Operation.REASSIGN: _move(TaskState.UNASSIGNED, TaskState.UNASSIGNED, TaskState.OFFERED,
                              TaskState.ACCEPTED, TaskState.CHANGES_REQUESTED),
    Operation.ESCALATE: _move(TaskState.UNASSIGNED, TaskState.UNASSIGNED),
    Operation.TAKE_BACK: _move(TaskState.UNASSIGNED, *HOLDING),
})


def is_open(state: TaskState) -> bool:
    return state in OPEN


def is_terminal(state: TaskState) -> bool:
    return state in TERMINAL


def holds_work(state: TaskState) -> bool:
    """The assignee has the work in hand (accepted it and has not finished it for good)."""
    return state in HOLDING


def counts_toward_load(state: TaskState) -> bool:
    return state in LOAD


def allows(operation: Operation, state: TaskState) -> bool:
    """Whether the table lets `operation` move a task in `state` (guards aside)."""
    return state in TRANSITIONS[operation].sources


# --- the value and the caller -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TaskStatus:
    """The lifecycle's part of a task row; staff are identified by their staff id.

    `assignee` is the offeree while offered, the holder while the work is in hand, and who did
    it once completed; None while unassigned. `offers_made` counts offers in the current
    `offer_round`; `review_round` counts submissions for review (stored, never recounted).
    `escalated` marks an unassigned task whose round is over: it waits for a manager.
    """

    state: TaskState
    delegator: int
    assignee: int | None = None
    offers_made: int = 0
    offer_round: int = 1
    review_round: int = 0
    escalated: bool = False


@dataclass(frozen=True, slots=True)
class Caller:
    """The person asking for an operation, as the use case established them."""

    staff_id: int
    is_manager: bool = False
    screened: bool = False  # screened from the task's matter (an ethical wall)


# --- events -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Offered:
    to: int
    offer_round: int
    nth: int  # the how-many-th offer of this round


@dataclass(frozen=True, slots=True)
class Accepted:
    by: int


@dataclass(frozen=True, slots=True)
class Declined:
    by: int
    reason_code: DeclineReason
    note: str = ""  # free text: for the delegator and the audit trail only


@dataclass(frozen=True, slots=True)
class Expired:
    offeree: int


@dataclass(frozen=True, slots=True)
class Withdrawn:
    offeree: int
    reason_code: WithdrawReason


@dataclass(frozen=True, slots=True)
class Submitted:
    by: int
    review_round: int


@dataclass(frozen=True, slots=True)
class Completed:
    """Done on a task that needs no review."""

    by: int


@dataclass(frozen=True, slots=True)
class Approved:
    by: int
    holder: int | None
    review_round: int


@dataclass(frozen=True, slots=True)
class ChangesRequested:
    by: int
    holder: int | None
    review_round: int  # the round sent back; the next submission opens review_round + 1
    note: str = ""


@dataclass(frozen=True, slots=True)
class Cancelled:
    by: int
    previous_state: TaskState
    holder: int | None  # who had the work in hand, to be told; None if nobody had
    note: str = ""


@dataclass(frozen=True, slots=True)
class Reassigned:
    by: int
    previous_assignee: int | None
    offer_round: int  # the new round


@dataclass(frozen=True, slots=True)
class Escalated:
    reason_code: EscalationReason
    offer_round: int


@dataclass(frozen=True, slots=True)
class TakenBack:
    holder: int
    previous_state: TaskState
    offer_round: int  # the new round


Event: TypeAlias = (Offered | Accepted | Declined | Expired | Withdrawn | Submitted | Completed
                    | Approved | ChangesRequested | Cancelled | Reassigned | Escalated | TakenBack)


@dataclass(frozen=True, slots=True)
class Transition:
    operation: Operation
    before: TaskStatus
    after: TaskStatus
    events: tuple[Event, ...]


# --- refusals ---------------------------------------------------------------------------------


class Refused(Exception):
    """An operation the lifecycle will not apply; nothing changed."""

    def __init__(self, operation: Operation, message: str) -> None:
        super().__init__(message)
        self.operation = operation


class TransitionRefused(Refused):
    """The task is not in a state this operation moves: usually "already handled"."""

    def __init__(self, state: TaskState, operation: Operation, *, escalated: bool = False) -> None:
        why = " (escalated)" if escalated else ""
        super().__init__(operation, f"cannot {operation} a task that is {state}{why}")
        self.state = state


class NotAllowed(Refused):
    """The caller lacks the right this operation needs."""

    def __init__(self, operation: Operation, needs: Right) -> None:
        super().__init__(operation, f"{operation} needs the {needs}")
        self.needs = needs


# --- operations -------------------------------------------------------------------------------


def offer(status: TaskStatus, to: int) -> Transition:
    """Offer an unassigned task to `to`; refused once the round is over (escalated)."""
    _check(status, Operation.OFFER)
    after = replace(status, state=TaskState.OFFERED, assignee=to,
                    offers_made=status.offers_made + 1)
    return _done(Operation.OFFER, status, after,
                 Offered(to=to, offer_round=status.offer_round, nth=after.offers_made))


def accept(status: TaskStatus, caller: Caller) -> Transition:
    _check(status, Operation.ACCEPT)
    _require_offeree(status, caller, Operation.ACCEPT)
    after = replace(status, state=TaskState.ACCEPTED)
    return _done(Operation.ACCEPT, status, after, Accepted(by=caller.staff_id))


def decline(status: TaskStatus, caller: Caller, reason: DeclineReason,
            note: str = "") -> Transition:
    _check(status, Operation.DECLINE)
    _require_offeree(status, caller, Operation.DECLINE)
    return _done(Operation.DECLINE, status, _unassigned(status),
                 Declined(by=caller.staff_id, reason_code=reason, note=note))


def expire(status: TaskStatus) -> Transition:
    """The offer's timeout passed without an answer (a scheduler job)."""
    _check(status, Operation.EXPIRE)
    return _done(Operation.EXPIRE, status, _unassigned(status),
                 Expired(offeree=_offeree(status)))


def withdraw(status: TaskStatus, reason: WithdrawReason) -> Transition:
    """Take the pending offer back from its offeree (unreachable in chat, newly screened)."""
    _check(status, Operation.WITHDRAW)
    return _done(Operation.WITHDRAW, status, _unassigned(status),
                 Withdrawn(offeree=_offeree(status), reason_code=reason))


def submit(status: TaskStatus, caller: Caller, *, review_required: bool) -> Transition:
    """`done`: to the delegator for review when the task type needs it, else completed."""
    operation = Operation.SUBMIT if review_required else Operation.COMPLETE
    if status.assignee != caller.staff_id or status.state == TaskState.OFFERED:
        raise NotAllowed(operation, Right.ASSIGNEE)
    _require_unscreened(caller, operation)
    _check(status, operation)
    if not review_required:
        after = replace(status, state=TaskState.COMPLETED)
        return _done(operation, status, after, Completed(by=caller.staff_id))
    after = replace(status, state=TaskState.SUBMITTED, review_round=status.review_round + 1)
    return _done(Operation.SUBMIT, status, after,
                 Submitted(by=caller.staff_id, review_round=after.review_round))


def approve(status: TaskStatus, caller: Caller) -> Transition:
    _require_supervisor(status, caller, Operation.APPROVE)
    _check(status, Operation.APPROVE)
    after = replace(status, state=TaskState.COMPLETED)
    return _done(Operation.APPROVE, status, after,
                 Approved(by=caller.staff_id, holder=status.assignee,
                          review_round=status.review_round))


def request_changes(status: TaskStatus, caller: Caller, note: str = "") -> Transition:
    _require_supervisor(status, caller, Operation.REQUEST_CHANGES)
    _check(status, Operation.REQUEST_CHANGES)
    after = replace(status, state=TaskState.CHANGES_REQUESTED)
    return _done(Operation.REQUEST_CHANGES, status, after,
                 ChangesRequested(by=caller.staff_id, holder=status.assignee,
                                  review_round=status.review_round, note=note))


def cancel(status: TaskStatus, caller: Caller, note: str = "") -> Transition:
    """Cancel an open task; a pending offer is withdrawn, a holder keeps the record."""
    _require_supervisor(status, caller, Operation.CANCEL)
    _check(status, Operation.CANCEL)
    holder = status.assignee if holds_work(status.state) else None
    after = replace(status, state=TaskState.CANCELLED, assignee=holder, escalated=False)
    cancelled = Cancelled(by=caller.staff_id, previous_state=status.state, holder=holder,
                          note=note)
    return _done(Operation.CANCEL, status, after,
                 *_withdrawn_offer(status, WithdrawReason.CANCELLED), cancelled)


def reassign(status: TaskStatus, caller: Caller) -> Transition:
    """A manager (or the delegator) takes the task back to offer it again, in a new round."""
    _require_supervisor(status, caller, Operation.REASSIGN)
    _check(status, Operation.REASSIGN)
    after = _new_round(status)
    reassigned = Reassigned(by=caller.staff_id, previous_assignee=status.assignee,
                            offer_round=after.offer_round)
    return _done(Operation.REASSIGN, status, after,
                 *_withdrawn_offer(status, WithdrawReason.REASSIGNED), reassigned)


def escalate(status: TaskStatus, reason: EscalationReason) -> Transition:
    """End the round: the unassigned task waits for a manager; once per round."""
    _check(status, Operation.ESCALATE)
    after = replace(status, escalated=True)
    return _done(Operation.ESCALATE, status, after,
                 Escalated(reason_code=reason, offer_round=status.offer_round))


def take_back(status: TaskStatus) -> Transition:
    """An ethical wall now screens the holder: the work returns, to be offered in a new round."""
    _check(status, Operation.TAKE_BACK)
    holder = status.assignee
    assert holder is not None, "a task in hand always has an assignee"
    after = _new_round(status)
    return _done(Operation.TAKE_BACK, status, after,
                 TakenBack(holder=holder, previous_state=status.state,
                           offer_round=after.offer_round))


def _check(status: TaskStatus, operation: Operation) -> None:
    # An escalated task's round is over: no more offers and no second escalation until a
    # reassign starts the next round.
    blocked = status.escalated and operation in (Operation.OFFER, Operation.ESCALATE)
    if blocked or not allows(operation, status.state):
        raise TransitionRefused(status.state, operation, escalated=blocked)


def _require_unscreened(caller: Caller, operation: Operation) -> None:
    if caller.screened:
        raise NotAllowed(operation, Right.UNSCREENED)


def _require_offeree(status: TaskStatus, caller: Caller, operation: Operation) -> None:
    if status.assignee != caller.staff_id:
        raise NotAllowed(operation, Right.OFFEREE)
    _require_unscreened(caller, operation)


def _require_supervisor(status: TaskStatus, caller: Caller, operation: Operation) -> None:
    if caller.staff_id != status.delegator and not caller.is_manager:
        raise NotAllowed(operation, Right.SUPERVISOR)
    _require_unscreened(caller, operation)


def _offeree(status: TaskStatus) -> int:
    assert status.assignee is not None, "an offered task always has an offeree"
    return status.assignee


def _unassigned(status: TaskStatus) -> TaskStatus:
    return replace(status, state=TaskState.UNASSIGNED, assignee=None)


def _new_round(status: TaskStatus) -> TaskStatus:
    return replace(_unassigned(status), offers_made=0, offer_round=status.offer_round + 1,
                   escalated=False)


def _withdrawn_offer(status: TaskStatus, reason: WithdrawReason) -> tuple[Event, ...]:
    if status.state != TaskState.OFFERED:
        return ()
    return (Withdrawn(offeree=_offeree(status), reason_code=reason),)


def _done(operation: Operation, before: TaskStatus, after: TaskStatus,
          *events: Event) -> Transition:
    return Transition(operation=operation, before=before, after=after, events=events)


# --- offer rounds -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OfferRecord:
    """One offer of a task, as far as the rounds care."""

    staff_id: int
    state: OfferState
    offer_round: int
    reason: DeclineReason | None = None  # for declined offers


@dataclass(frozen=True, slots=True)
class OfferRound:
    """Who may not be offered the task in its current round, and why."""

    number: int
    offers_made: int  # in this round
    for_good: frozenset[int]  # declined for conflict or not my skill, in any round
    this_round: frozenset[int]  # offered in this round (whatever came of it), not for good

    @property
    def excluded(self) -> frozenset[int]:
        return self.for_good | self.this_round


def offer_round(offers: Iterable[OfferRecord], *, current_round: int) -> OfferRound:
    """The exclusions of `current_round` from every offer the task ever had.

    Anyone offered in this round is out of it: they were tried (pending, accepted, declined,
    expired or withdrawn). Earlier rounds leave only their decisive declines behind.
    """
    for_good: set[int] = set()
    this_round: set[int] = set()
    made = 0
    for record in offers:
        if (record.state == OfferState.DECLINED and record.reason is not None
                and record.reason.excludes_for_good):
            for_good.add(record.staff_id)
        if record.offer_round == current_round:
            made += 1
            this_round.add(record.staff_id)
    return OfferRound(number=current_round, offers_made=made, for_good=frozenset(for_good),
                      this_round=frozenset(this_round - for_good))


def round_exhausted(round_: OfferRound, *, eligible: Collection[int],
                    max_offers: int) -> EscalationReason | None:
    """Why the round is over, or None while someone eligible is left to try.

    `eligible` is everyone who passes the matching rules for the task apart from its own offer
    history (skills, screens, capacity, availability, ...).
    """
    if not set(eligible) - round_.excluded:
        return (EscalationReason.NOBODY_ELIGIBLE if round_.offers_made == 0
                else EscalationReason.EVERYONE_TRIED)
    if round_.offers_made >= max_offers:
        return EscalationReason.MAX_OFFERS
    return None

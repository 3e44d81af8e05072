"""The Task lifecycle against DESIGN.md §2: the transition table, rights, rounds, invariants."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matching import lifecycle as lc
from matching.lifecycle import (
    Caller,
    DeclineReason,
    EscalationReason,
    NotAllowed,
    OfferRecord,
    OfferState,
    Operation,
    Refused,
    Right,
    TaskState,
    TaskStatus,
    TransitionRefused,
    WithdrawReason,
)
from storage.tables import OFFER_STATES, OPEN_TASK_STATES, TASK_STATES

DELEGATOR, OFFEREE, NEXT, MANAGER, STRANGER = 1, 2, 3, 9, 7

T = TaskState

# DESIGN.md §2 written out independently of the module: operation -> {from: to}.
EXPECTED: dict[Operation, dict[TaskState, TaskState]] = {
    Operation.OFFER: {T.UNASSIGNED: T.OFFERED},
    Operation.ACCEPT: {T.OFFERED: T.ACCEPTED},
    Operation.DECLINE: {T.OFFERED: T.UNASSIGNED},
    Operation.EXPIRE: {T.OFFERED: T.UNASSIGNED},
    Operation.WITHDRAW: {T.OFFERED: T.UNASSIGNED},
    Operation.SUBMIT: {T.ACCEPTED: T.SUBMITTED, T.CHANGES_REQUESTED: T.SUBMITTED},
    Operation.COMPLETE: {T.ACCEPTED: T.COMPLETED, T.CHANGES_REQUESTED: T.COMPLETED},
    Operation.APPROVE: {T.SUBMITTED: T.COMPLETED},
    Operation.REQUEST_CHANGES: {T.SUBMITTED: T.CHANGES_REQUESTED},
    Operation.CANCEL: {T.UNASSIGNED: T.CANCELLED, T.OFFERED: T.CANCELLED,
                       T.ACCEPTED: T.CANCELLED, T.SUBMITTED: T.CANCELLED,
                       T.CHANGES_REQUESTED: T.CANCELLED},
    Operation.REASSIGN: {T.UNASSIGNED: T.UNASSIGNED, T.OFFERED: T.UNASSIGNED,
                         T.ACCEPTED: T.UNASSIGNED, T.CHANGES_REQUESTED: T.UNASSIGNED},
    Operation.ESCALATE: {T.UNASSIGNED: T.UNASSIGNED},
    Operation.TAKE_BACK: {T.ACCEPTED: T.UNASSIGNED, T.CHANGES_REQUESTED: T.UNASSIGNED,
                          T.SUBMITTED: T.UNASSIGNED},
}

EVENTS: dict[Operation, tuple[type, ...]] = {
    Operation.OFFER: (lc.Offered,),
    Operation.ACCEPT: (lc.Accepted,),
    Operation.DECLINE: (lc.Declined,),
    Operation.EXPIRE: (lc.Expired,),
    Operation.WITHDRAW: (lc.Withdrawn,),
    Operation.SUBMIT: (lc.Submitted,),
    Operation.COMPLETE: (lc.Completed,),
    Operation.APPROVE: (lc.Approved,),
    Operation.REQUEST_CHANGES: (lc.ChangesRequested,),
    Operation.CANCEL: (lc.Cancelled,),
    Operation.REASSIGN: (lc.Reassigned,),
    Operation.ESCALATE: (lc.Escalated,),
    Operation.TAKE_BACK: (lc.TakenBack,),
}


def status_in(state: TaskState, *, offers_made: int = 1, escalated: bool = False) -> TaskStatus:
    """A task in `state` in its second round: someone is offered it, holds it or did it."""
    assignee = None if state == TaskState.UNASSIGNED else OFFEREE
    return TaskStatus(state, DELEGATOR, assignee, offers_made=offers_made, offer_round=2,
                      review_round=1, escalated=escalated)


def delegator() -> Caller:
    return Caller(DELEGATOR)


def offeree() -> Caller:
    return Caller(OFFEREE)


PERFORM: dict[Operation, Callable[[TaskStatus], lc.Transition]] = {
    Operation.OFFER: lambda s: lc.offer(s, NEXT),
    Operation.ACCEPT: lambda s: lc.accept(s, offeree()),
    Operation.DECLINE: lambda s: lc.decline(s, offeree(), DeclineReason.OTHER),
    Operation.EXPIRE: lc.expire,
    Operation.WITHDRAW: lambda s: lc.withdraw(s, WithdrawReason.UNREACHABLE),
    Operation.SUBMIT: lambda s: lc.submit(s, offeree(), review_required=True),
    Operation.COMPLETE: lambda s: lc.submit(s, offeree(), review_required=False),
    Operation.APPROVE: lambda s: lc.approve(s, delegator()),
    Operation.REQUEST_CHANGES: lambda s: lc.request_changes(s, delegator(), "fix it"),
    Operation.CANCEL: lambda s: lc.cancel(s, delegator()),
    Operation.REASSIGN: lambda s: lc.reassign(s, delegator()),
    Operation.ESCALATE: lambda s: lc.escalate(s, EscalationReason.NOBODY_ELIGIBLE),
    Operation.TAKE_BACK: lc.take_back,
}


# --- the stored strings and the table ---------------------------------------------------------


def test_enum_values_are_the_stored_strings() -> None:
    assert tuple(TaskState) == TASK_STATES
    assert tuple(OfferState) == OFFER_STATES
    assert lc.OPEN == frozenset(OPEN_TASK_STATES)
    assert TaskState("changes_requested") is TaskState.CHANGES_REQUESTED
    assert f"{TaskState.OFFERED}" == "offered"


def test_the_module_table_is_the_design_table() -> None:
    table = {op: {source: move.target for source in move.sources}
             for op, move in lc.TRANSITIONS.items()}
    assert table == EXPECTED


@pytest.mark.parametrize("operation", list(Operation))
@pytest.mark.parametrize("state", list(TaskState))
def test_every_operation_from_every_state(operation: Operation, state: TaskState) -> None:
    before = status_in(state)
    target = EXPECTED[operation].get(state)
    if target is None:
        # `done` by someone who holds nothing is a question of rights, not of state.
        holds_nothing = state in (TaskState.UNASSIGNED, TaskState.OFFERED)
        expected = (NotAllowed if operation in (Operation.SUBMIT, Operation.COMPLETE)
                    and holds_nothing else TransitionRefused)
        with pytest.raises(expected) as refused:
            PERFORM[operation](before)
        assert refused.value.operation == operation
        assert not lc.allows(operation, state)
        return
    transition = PERFORM[operation](before)
    assert lc.allows(operation, state)
    assert (transition.operation, transition.before) == (operation, before)
    assert transition.after.state == target
    kinds = tuple(type(event) for event in transition.events)
    withdrawn = (lc.Withdrawn,) if state == TaskState.OFFERED and operation in (
        Operation.CANCEL, Operation.REASSIGN) else ()
    assert kinds == withdrawn + EVENTS[operation]


def test_predicates() -> None:
    assert [s for s in T if lc.is_open(s)] == [T.UNASSIGNED, T.OFFERED, T.ACCEPTED,
                                               T.SUBMITTED, T.CHANGES_REQUESTED]
    assert [s for s in T if lc.is_terminal(s)] == [T.COMPLETED, T.CANCELLED]
    assert [s for s in T if lc.holds_work(s)] == [T.ACCEPTED, T.SUBMITTED, T.CHANGES_REQUESTED]
    assert [s for s in T if lc.counts_toward_load(s)] == [T.OFFERED, T.ACCEPTED,
                                                          T.CHANGES_REQUESTED]


# --- the operations' values and events --------------------------------------------------------


def test_a_reviewed_task_from_offer_to_approval_counts_its_review_rounds() -> None:
    status = TaskStatus(TaskState.UNASSIGNED, delegator=DELEGATOR)
    offered = lc.offer(status, OFFEREE)
    assert offered.after == TaskStatus(TaskState.OFFERED, DELEGATOR, OFFEREE, offers_made=1)
    assert offered.events == (lc.Offered(to=OFFEREE, offer_round=1, nth=1),)
    accepted = lc.accept(offered.after, offeree())
    assert accepted.events == (lc.Accepted(by=OFFEREE),)
    first = lc.submit(accepted.after, offeree(), review_required=True)
    assert first.after.review_round == 1
    assert first.events == (lc.Submitted(by=OFFEREE, review_round=1),)
    changes = lc.request_changes(first.after, delegator(), "cite the lease")
    assert changes.after.state == TaskState.CHANGES_REQUESTED
    assert changes.events == (lc.ChangesRequested(by=DELEGATOR, holder=OFFEREE, review_round=1,
                                                  note="cite the lease"),)
    second = lc.submit(changes.after, offeree(), review_required=True)
    assert second.events == (lc.Submitted(by=OFFEREE, review_round=2),)
    approved = lc.approve(second.after, Caller(MANAGER, is_manager=True))
    assert approved.after == replace_state(second.after, TaskState.COMPLETED)
    assert approved.events == (lc.Approved(by=MANAGER, holder=OFFEREE, review_round=2),)


def replace_state(status: TaskStatus, state: TaskState) -> TaskStatus:
    return TaskStatus(state, status.delegator, status.assignee, status.offers_made,
                      status.offer_round, status.review_round, status.escalated)


def test_done_without_review_completes_and_keeps_who_did_it() -> None:
    done = lc.submit(status_in(TaskState.ACCEPTED), offeree(), review_required=False)
    assert done.operation == Operation.COMPLETE
    assert (done.after.state, done.after.assignee) == (TaskState.COMPLETED, OFFEREE)
    assert done.after.review_round == 1  # unchanged: nothing went to review
    assert done.events == (lc.Completed(by=OFFEREE),)


@pytest.mark.parametrize(("operation", "event"), [
    (lambda s: lc.decline(s, offeree(), DeclineReason.CONFLICT, "I act for the landlord"),
     lc.Declined(OFFEREE, DeclineReason.CONFLICT, "I act for the landlord")),
    (lc.expire, lc.Expired(OFFEREE)),
    (lambda s: lc.withdraw(s, WithdrawReason.SCREENED),
     lc.Withdrawn(OFFEREE, WithdrawReason.SCREENED)),
])
def test_an_answered_offer_leaves_the_task_unassigned_in_the_same_round(
        operation: Callable[[TaskStatus], lc.Transition], event: lc.Event) -> None:
    before = status_in(TaskState.OFFERED, offers_made=2)
    transition = operation(before)
    assert transition.after == TaskStatus(TaskState.UNASSIGNED, DELEGATOR, None, offers_made=2,
                                          offer_round=2, review_round=1)
    assert transition.events == (event,)


def test_escalation_ends_the_round_until_a_reassign_starts_the_next() -> None:
    escalated = lc.escalate(status_in(TaskState.UNASSIGNED, offers_made=3),
                            EscalationReason.MAX_OFFERS)
    assert escalated.after.escalated and escalated.after.state == TaskState.UNASSIGNED
    assert escalated.events == (lc.Escalated(EscalationReason.MAX_OFFERS, offer_round=2),)
    with pytest.raises(TransitionRefused, match="escalated"):
        lc.offer(escalated.after, NEXT)
    with pytest.raises(TransitionRefused):
        lc.escalate(escalated.after, EscalationReason.EVERYONE_TRIED)
    reassigned = lc.reassign(escalated.after, Caller(MANAGER, is_manager=True))
    assert reassigned.after == TaskStatus(TaskState.UNASSIGNED, DELEGATOR, None, offers_made=0,
                                          offer_round=3, review_round=1, escalated=False)
    assert reassigned.events == (lc.Reassigned(by=MANAGER, previous_assignee=None,
                                               offer_round=3),)
    assert lc.offer(reassigned.after, NEXT).events == (lc.Offered(NEXT, offer_round=3, nth=1),)


def test_reassigning_an_offered_task_withdraws_the_offer() -> None:
    transition = lc.reassign(status_in(TaskState.OFFERED), delegator())
    assert transition.events == (lc.Withdrawn(OFFEREE, WithdrawReason.REASSIGNED),
                                 lc.Reassigned(DELEGATOR, previous_assignee=OFFEREE,
                                               offer_round=3))


def test_reassigning_work_in_hand_names_the_holder_who_loses_it() -> None:
    transition = lc.reassign(status_in(TaskState.CHANGES_REQUESTED), delegator())
    assert transition.after.assignee is None and transition.after.review_round == 1
    assert transition.events == (lc.Reassigned(DELEGATOR, previous_assignee=OFFEREE,
                                               offer_round=3),)


def test_cancel_keeps_the_holder_on_record_but_not_an_offeree() -> None:
    held = lc.cancel(status_in(TaskState.ACCEPTED), delegator(), "client settled")
    assert (held.after.state, held.after.assignee) == (TaskState.CANCELLED, OFFEREE)
    assert held.events == (lc.Cancelled(DELEGATOR, TaskState.ACCEPTED, holder=OFFEREE,
                                        note="client settled"),)
    offered = lc.cancel(status_in(TaskState.OFFERED), delegator())
    assert offered.after.assignee is None
    assert offered.events == (lc.Withdrawn(OFFEREE, WithdrawReason.CANCELLED),
                              lc.Cancelled(DELEGATOR, TaskState.OFFERED, holder=None))
    waiting = lc.cancel(status_in(TaskState.UNASSIGNED, escalated=True), delegator())
    assert not waiting.after.escalated


@pytest.mark.parametrize("state", sorted(lc.HOLDING))
def test_a_wall_takes_back_work_in_hand_into_a_new_round(state: TaskState) -> None:
    transition = lc.take_back(status_in(state, offers_made=3))
    assert transition.after == TaskStatus(TaskState.UNASSIGNED, DELEGATOR, None, offers_made=0,
                                          offer_round=3, review_round=1)
    assert transition.events == (lc.TakenBack(holder=OFFEREE, previous_state=state,
                                              offer_round=3),)


def test_transitions_are_values() -> None:
    first = PERFORM[Operation.ACCEPT](status_in(TaskState.OFFERED))
    again = PERFORM[Operation.ACCEPT](status_in(TaskState.OFFERED))
    assert first == again and hash(first) == hash(again)
    with pytest.raises(AttributeError):
        first.after.state = TaskState.CANCELLED  # type: ignore[misc]


# --- rights -----------------------------------------------------------------------------------


@pytest.mark.parametrize("answer", [
    lambda s, c: lc.accept(s, c),
    lambda s, c: lc.decline(s, c, DeclineReason.NO_CAPACITY),
])
def test_only_the_offeree_answers_an_offer(
        answer: Callable[[TaskStatus, Caller], lc.Transition]) -> None:
    offered = status_in(TaskState.OFFERED)
    for someone_else in (Caller(DELEGATOR), Caller(MANAGER, is_manager=True), Caller(STRANGER)):
        with pytest.raises(NotAllowed) as refused:
            answer(offered, someone_else)
        assert refused.value.needs == Right.OFFEREE
    with pytest.raises(NotAllowed) as screened:
        answer(offered, Caller(OFFEREE, screened=True))
    assert screened.value.needs == Right.UNSCREENED


def test_an_answered_offer_answered_again_is_already_handled() -> None:
    accepted = lc.accept(status_in(TaskState.OFFERED), offeree()).after
    with pytest.raises(TransitionRefused) as refused:
        lc.accept(accepted, offeree())
    assert (refused.value.state, refused.value.operation) == (TaskState.ACCEPTED,
                                                              Operation.ACCEPT)
    declined = lc.decline(status_in(TaskState.OFFERED), offeree(), DeclineReason.OTHER).after
    with pytest.raises(TransitionRefused):
        lc.decline(declined, offeree(), DeclineReason.OTHER)


@pytest.mark.parametrize("review_required", [True, False])
def test_only_the_person_with_the_work_marks_it_done(review_required: bool) -> None:
    for status, caller in [(status_in(TaskState.ACCEPTED), Caller(DELEGATOR)),
                           (status_in(TaskState.ACCEPTED), Caller(MANAGER, is_manager=True)),
                           (status_in(TaskState.OFFERED), offeree())]:  # not accepted yet
        with pytest.raises(NotAllowed) as refused:
            lc.submit(status, caller, review_required=review_required)
        assert refused.value.needs == Right.ASSIGNEE
    with pytest.raises(NotAllowed) as screened:
        lc.submit(status_in(TaskState.ACCEPTED), Caller(OFFEREE, screened=True),
                  review_required=review_required)
    assert screened.value.needs == Right.UNSCREENED
    with pytest.raises(TransitionRefused):  # a second `done` on the submitted task
        lc.submit(status_in(TaskState.SUBMITTED), offeree(), review_required=review_required)


SUPERVISED: dict[str, tuple[TaskState, Callable[[TaskStatus, Caller], lc.Transition]]] = {
    "approve": (TaskState.SUBMITTED, lc.approve),
    "request_changes": (TaskState.SUBMITTED, lambda s, c: lc.request_changes(s, c, "more")),
    "cancel": (TaskState.ACCEPTED, lambda s, c: lc.cancel(s, c)),
    "reassign": (TaskState.ACCEPTED, lc.reassign),
}


@pytest.mark.parametrize("name", sorted(SUPERVISED))
def test_only_the_delegator_or_an_unscreened_manager_supervises(name: str) -> None:
    state, operation = SUPERVISED[name]
    status = status_in(state)
    assert operation(status, Caller(DELEGATOR)).after.state != state
    assert operation(status, Caller(MANAGER, is_manager=True)).after.state != state
    for caller, right in [(Caller(STRANGER), Right.SUPERVISOR),
                          (Caller(OFFEREE), Right.SUPERVISOR),  # the holder is no supervisor
                          (Caller(MANAGER, is_manager=True, screened=True), Right.UNSCREENED),
                          (Caller(DELEGATOR, screened=True), Right.UNSCREENED)]:
        with pytest.raises(NotAllowed) as refused:
            operation(status, caller)
        assert refused.value.needs == right
    # Rights come first: a stranger learns nothing about the task's state.
    with pytest.raises(NotAllowed):
        operation(status_in(TaskState.COMPLETED), Caller(STRANGER))


def test_refusals_say_what_was_refused() -> None:
    refused = TransitionRefused(TaskState.COMPLETED, Operation.APPROVE)
    assert str(refused) == "cannot approve a task that is completed"
    assert isinstance(refused, Refused)
    assert str(NotAllowed(Operation.ACCEPT, Right.OFFEREE)) == "accept needs the offeree"


# --- offer rounds -----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "reason"), [
    ("no_capacity", DeclineReason.NO_CAPACITY), ("no capacity", DeclineReason.NO_CAPACITY),
    ("Not my skill", DeclineReason.NOT_MY_SKILL), ("not-my-skill", DeclineReason.NOT_MY_SKILL),
    (" conflict ", DeclineReason.CONFLICT), ("on holiday", DeclineReason.OTHER),
    ("", DeclineReason.OTHER), (None, DeclineReason.OTHER),
])
def test_decline_reasons_parse_codes_and_labels(text: str | None,
                                                reason: DeclineReason) -> None:
    assert DeclineReason.parse(text) is reason
    assert DeclineReason.parse(reason.label) is reason


def declined(staff_id: int, reason: DeclineReason, round_: int = 1) -> OfferRecord:
    return OfferRecord(staff_id, OfferState.DECLINED, round_, reason)


HISTORY = (
    declined(10, DeclineReason.CONFLICT),
    declined(11, DeclineReason.NOT_MY_SKILL),
    declined(12, DeclineReason.NO_CAPACITY),
    declined(13, DeclineReason.OTHER),
    OfferRecord(14, OfferState.EXPIRED, 1),
    OfferRecord(15, OfferState.WITHDRAWN, 1),
)


def test_a_round_excludes_decisive_declines_for_good_and_the_rest_for_the_round() -> None:
    first = lc.offer_round(HISTORY, current_round=1)
    assert first.for_good == {10, 11}
    assert first.this_round == {12, 13, 14, 15}
    assert first.excluded == {10, 11, 12, 13, 14, 15}
    assert (first.number, first.offers_made) == (1, 6)


def test_a_new_round_lifts_the_round_only_exclusions() -> None:
    second = lc.offer_round((*HISTORY, OfferRecord(16, OfferState.PENDING, 2)), current_round=2)
    assert second.for_good == {10, 11}
    assert second.this_round == {16}  # being asked now
    assert second.offers_made == 1


def test_someone_declining_for_good_in_a_later_round_stays_out() -> None:
    rounds = (declined(12, DeclineReason.NO_CAPACITY, 1), declined(12, DeclineReason.CONFLICT, 2))
    assert lc.offer_round(rounds, current_round=3).for_good == {12}
    assert lc.offer_round(rounds, current_round=2).this_round == frozenset()


def test_an_offer_round_reads_a_legacy_decline_without_a_code_as_round_only() -> None:
    legacy = OfferRecord(20, OfferState.DECLINED, 1, None)
    assert lc.offer_round([legacy], current_round=1).this_round == {20}
    assert lc.offer_round([legacy], current_round=2).excluded == frozenset()


@pytest.mark.parametrize(("eligible", "max_offers", "outcome"), [
    ({10, 11, 12, 13, 14, 15}, 10, EscalationReason.EVERYONE_TRIED),
    ({12, 30}, 10, None),
    ({12, 30}, 6, EscalationReason.MAX_OFFERS),
    ({30}, 7, None),
])
def test_round_exhausted(eligible: set[int], max_offers: int,
                         outcome: EscalationReason | None) -> None:
    round_ = lc.offer_round(HISTORY, current_round=1)
    assert lc.round_exhausted(round_, eligible=eligible, max_offers=max_offers) == outcome


def test_a_round_with_nobody_to_offer_says_so() -> None:
    fresh = lc.offer_round(HISTORY, current_round=2)
    assert lc.round_exhausted(fresh, eligible={10, 11}, max_offers=3) == (
        EscalationReason.NOBODY_ELIGIBLE)
    assert lc.round_exhausted(fresh, eligible=set(), max_offers=3) == (
        EscalationReason.NOBODY_ELIGIBLE)
    assert lc.round_exhausted(fresh, eligible={12}, max_offers=3) is None


RECORDS = st.builds(OfferRecord, staff_id=st.integers(1, 6), state=st.sampled_from(OfferState),
                    offer_round=st.integers(1, 4),
                    reason=st.none() | st.sampled_from(DeclineReason))


@settings(max_examples=300, deadline=None)
@given(st.lists(RECORDS, max_size=20), st.integers(1, 5))
def test_offer_round_properties(records: list[OfferRecord], current: int) -> None:
    round_ = lc.offer_round(records, current_round=current)
    assert not round_.for_good & round_.this_round
    assert round_.offers_made == sum(r.offer_round == current for r in records)
    for record in records:
        decisive = (record.state == OfferState.DECLINED and record.reason is not None
                    and record.reason.excludes_for_good)
        assert (record.staff_id in round_.for_good) or not decisive
        assert (record.staff_id in round_.excluded) or record.offer_round != current
    next_round = max([current, *(r.offer_round for r in records)]) + 1
    later = lc.offer_round(records, current_round=next_round)
    assert later.excluded == later.for_good == round_.for_good


# --- any sequence keeps the invariants --------------------------------------------------------

PEOPLE = [DELEGATOR, OFFEREE, NEXT, MANAGER]
STEP = st.tuples(st.sampled_from(Operation), st.sampled_from(PEOPLE), st.booleans(),
                 st.sampled_from(DeclineReason))


def apply(status: TaskStatus, step: tuple[Operation, int, bool, DeclineReason]) -> lc.Transition:
    operation, person, screened, reason = step
    caller = Caller(person, is_manager=person == MANAGER, screened=screened)
    calls: dict[Operation, Callable[[], lc.Transition]] = {
        Operation.OFFER: lambda: lc.offer(status, person),
        Operation.ACCEPT: lambda: lc.accept(status, caller),
        Operation.DECLINE: lambda: lc.decline(status, caller, reason),
        Operation.EXPIRE: lambda: lc.expire(status),
        Operation.WITHDRAW: lambda: lc.withdraw(status, WithdrawReason.UNREACHABLE),
        Operation.SUBMIT: lambda: lc.submit(status, caller, review_required=True),
        Operation.COMPLETE: lambda: lc.submit(status, caller, review_required=False),
        Operation.APPROVE: lambda: lc.approve(status, caller),
        Operation.REQUEST_CHANGES: lambda: lc.request_changes(status, caller),
        Operation.CANCEL: lambda: lc.cancel(status, caller),
        Operation.REASSIGN: lambda: lc.reassign(status, caller),
        Operation.ESCALATE: lambda: lc.escalate(status, EscalationReason.EVERYONE_TRIED),
        Operation.TAKE_BACK: lambda: lc.take_back(status),
    }
    return calls[operation]()


def check_invariants(status: TaskStatus) -> None:
    with_someone = {TaskState.OFFERED, *lc.HOLDING, TaskState.COMPLETED}
    if status.state == TaskState.UNASSIGNED:
        assert status.assignee is None
    if status.state in with_someone:
        assert status.assignee is not None
    assert not status.escalated or status.state == TaskState.UNASSIGNED
    assert status.offers_made >= 0 and status.offer_round >= 1 and status.review_round >= 0


@settings(max_examples=500, deadline=None)
@given(st.lists(STEP, max_size=40))
def test_any_sequence_of_operations_keeps_the_invariants(
        steps: list[tuple[Operation, int, bool, DeclineReason]]) -> None:
    status = TaskStatus(TaskState.UNASSIGNED, delegator=DELEGATOR)
    for step in steps:
        try:
            transition = apply(status, step)
        except Refused:
            continue
        before, after = status, transition.after
        assert transition.before == before
        assert not lc.is_terminal(before.state), "completed and cancelled are terminal"
        move = lc.TRANSITIONS[transition.operation]
        assert before.state in move.sources and after.state == move.target
        assert transition.events
        assert after.delegator == before.delegator
        assert after.offer_round >= before.offer_round
        assert after.review_round >= before.review_round
        if after.offer_round == before.offer_round:
            assert after.offers_made >= before.offers_made
        else:
            assert after.offers_made == 0
        check_invariants(after)
        status = after

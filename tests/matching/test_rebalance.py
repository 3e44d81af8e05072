"""The rebalance plan: moves that save, offers that stay, per-task exclusions, capacity."""

from __future__ import annotations

from datetime import UTC, datetime

from matching.estimates import Estimate, Median, estimate_for, parse_hours
from matching.matcher import MatchContext, StaffIndex, TaskSpec
from matching.model import AwayPeriod, StaffProfile, TaskType
from matching.rebalance import Movable, Move, plan_rebalance

NOW = datetime(2027, 3, 2, 15, 0, tzinfo=UTC)
LETTER = TaskType("demand_letter", "Demand letter", {"drafting": 1}, 2.0, "L160", "A103")
BOSS = "boss@f.test"


def person(email: str, rate: float, capacity: float = 35.0, **fields: object) -> StaffProfile:
    return StaffProfile(email=email, name=email.split("@")[0].title(), role="paralegal",
                        hourly_rate=rate, skills={"drafting": 2}, weekly_capacity_hours=capacity,
                        slack_user_id="U" + email, **fields)


def letter(n: int, holder: str | None = None, **fields: object) -> Movable:
    return Movable(task_id=n, spec=TaskSpec(LETTER, BOSS, **fields), holder=holder)  # type: ignore[arg-type]


def test_a_dear_offer_moves_and_an_equal_one_stays() -> None:
    ann, bea, cy = person("ann@f.test", 50), person("bea@f.test", 80), person("cy@f.test", 50)
    index = StaffIndex([ann, bea, cy])
    ctx = MatchContext(NOW, loads={"bea@f.test": 2.0, "cy@f.test": 2.0})
    plan = plan_rebalance([letter(1, "bea@f.test"), letter(2, "cy@f.test")], index, ctx)
    assert plan.moves == (Move(task_id=1, before="bea@f.test", after="ann@f.test",
                               cost_before=16000, cost_after=10000),)
    assert plan.saved == 6000 and plan.placed == 0 and plan.stuck == ()


def test_each_task_keeps_its_own_exclusions_and_unassigned_work_is_placed() -> None:
    ann, bea = person("ann@f.test", 50), person("bea@f.test", 80)
    plan = plan_rebalance([letter(1, excluded=frozenset({"ann@f.test"})), letter(2)],
                          StaffIndex([ann, bea]), MatchContext(NOW))
    assert [(m.task_id, m.before, m.after) for m in plan.moves] == [
        (1, None, "bea@f.test"), (2, None, "ann@f.test")]
    assert plan.placed == 2 and plan.saved == 0


def test_an_offer_nobody_else_may_take_stays_with_its_offeree() -> None:
    away = (AwayPeriod(NOW.replace(hour=1)),)
    ann = person("ann@f.test", 50, away=away)
    bea = person("bea@f.test", 80, capacity=2.0)
    declined = frozenset({"bea@f.test"})  # Bea declined task 1: only Ann, away, is left
    plan = plan_rebalance([letter(1, "ann@f.test", excluded=declined), letter(2)],
                          StaffIndex([ann, bea]), MatchContext(NOW, loads={"ann@f.test": 2.0}))
    assert [(m.task_id, m.after) for m in plan.moves] == [(2, "bea@f.test")]
    assert plan.stuck == ()


def test_estimates_switch_to_the_firms_median_at_ten_records() -> None:
    assert estimate_for(LETTER, {"demand_letter": Median(1.2, 9)}) == Estimate(2.0)
    firm = estimate_for(LETTER, {"demand_letter": Median(1.2, 14)})
    assert firm == Estimate(1.2, 14) and firm.describe() == "\u2248 1.2 h, the firm's median of 14"
    assert [parse_hours(t) for t in ("1.5", "2 h", "90 min", "0,5", "0", "nan", "x", "61")] == [
        1.5, 2.0, 1.5, 0.5, None, None, None, None]

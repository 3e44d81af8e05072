"""match(): ranking, tie-breaks, named assignees, savings, nobody eligible, explanations."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from matching.matcher import (
    MatchContext,
    MatchResult,
    StaffIndex,
    TaskSpec,
    format_money,
    match,
)
from matching.model import AwayPeriod, MatterRef, StaffProfile, TaskType

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
DEMAND = TaskType("demand_letter", "Demand letter", {"drafting": 2}, 2.0, "L160", "A103")
ANSWER = TaskType(
    "answer_complaint", "Answer", {"drafting": 3, "litigation_support": 2}, 3.0, "L210", "A103"
)
ADVICE = TaskType(
    "client_advice", "Advice", {"client_communication": 2}, 1.0, "L120", "A106",
    attorney_only=True,
)
GARCIA = MatterRef("2026-0101", "Garcia", jurisdiction="GA", screened=frozenset({"james@f.test"}))


def person(email: str, name: str, rate: float, **fields: object) -> StaffProfile:
    values: dict[str, object] = {
        "role": "paralegal",
        "skills": {"drafting": 2, "client_communication": 2},
        "weekly_capacity_hours": 35.0,
        "slack_user_id": "U" + email,
    }
    values.update(fields)
    return StaffProfile(email=email, name=name, hourly_rate=rate, **values)


PARTNER = person("pat@f.test", "Pat Partner", 241.0, role="partner",
                 skills={"drafting": 5, "client_communication": 5})
MARIA = person("maria@f.test", "Maria Lopez", 65.0)
JAMES = person("james@f.test", "James Okafor", 55.0)
GRACE = person("grace@f.test", "Grace Kim", 83.75)
FIRM = (PARTNER, MARIA, JAMES, GRACE)


def run(
    *staff: StaffProfile,
    task: TaskType = DEMAND,
    matter: MatterRef | None = GARCIA,
    named: str | None = None,
    hours: float | None = None,
    evaluate_all: bool = False,
    **ctx: object,
) -> MatchResult:
    """Match one task for Pat Partner against `staff` (default: the small firm above)."""
    spec = TaskSpec(task, PARTNER.email, matter, est_hours=hours, named_assignee=named)
    context = MatchContext(NOW, **ctx)
    return match(spec, StaffIndex(staff or FIRM), context, evaluate_all=evaluate_all)


def test_cheapest_eligible_is_chosen_and_the_cheaper_screened_person_explained() -> None:
    result = run()
    assert result.chosen is not None and result.chosen.email == "maria@f.test"
    assert result.chosen.cost == 130.0
    assert result.est_hours == 2.0
    assert result.savings == 352.0
    assert result.explanation == (
        "Maria Lopez (paralegal, $65/h): cheapest qualified; saves $352 vs your rate. "
        "Skipped: James Okafor — screened from 2026-0101."
    )
    assert result.named_assignee_note is None


def test_fast_candidates_are_the_cheaper_ineligible_and_the_chosen() -> None:
    assert [(c.email, c.eligible, c.reasons) for c in run().candidates] == [
        ("james@f.test", False, ("screened from 2026-0101",)),
        ("maria@f.test", True, ()),
    ]


def test_evaluate_all_lists_everyone_cheapest_first() -> None:
    result = run(evaluate_all=True)
    assert [c.email for c in result.candidates] == [
        "james@f.test", "maria@f.test", "grace@f.test", "pat@f.test"
    ]
    assert result.candidates[-1].reasons == ("is the delegator",)
    assert result.chosen == run().chosen
    assert result.explanation == run().explanation


def test_people_without_the_skills_are_neither_chosen_nor_called_skipped() -> None:
    novice = person("ana@f.test", "Ana Diaz", 30.0, skills={"drafting": 1})
    result = run(novice, *FIRM)
    assert result.chosen is not None and result.chosen.email == "maria@f.test"
    assert "Ana" not in result.explanation


def test_explicit_estimate_overrides_the_catalogue() -> None:
    result = run(hours=0.5)
    assert result.chosen is not None and result.chosen.cost == 32.5
    assert result.savings == 88.0


def test_negative_estimate_is_refused() -> None:
    with pytest.raises(ValueError, match="est_hours"):
        run(hours=-1.0)


def test_no_savings_when_the_delegator_is_cheaper() -> None:
    cheap_boss = person("pat@f.test", "Pat Partner", 40.0, role="partner")
    result = run(cheap_boss, MARIA)
    assert result.savings == 0.0
    assert "saves" not in result.explanation


def test_unknown_delegator_means_no_savings_claimed() -> None:
    result = match(TaskSpec(DEMAND, "stranger@f.test"), StaffIndex(FIRM), MatchContext(NOW))
    assert result.chosen is not None and result.savings == 0.0


# Tie-breaks: cost, then skill surplus, then load ratio, then least recently offered, then email.
def test_tie_on_cost_goes_to_the_smaller_skill_surplus() -> None:
    expert = person("a@f.test", "Ann Expert", 60.0, skills={"drafting": 5})
    fit = person("z@f.test", "Zoe Fit", 60.0, skills={"drafting": 2})
    result = run(PARTNER, expert, fit, matter=None)
    assert result.chosen is not None and result.chosen.email == "z@f.test"
    assert "cheapest qualified (same cost as Ann Expert; chosen for closer skill fit)" in (
        result.explanation
    )


def test_then_the_lower_load_ratio() -> None:
    busy = person("a@f.test", "Ann Busy", 60.0)
    idle = person("z@f.test", "Zoe Idle", 60.0, weekly_capacity_hours=20.0)
    result = run(PARTNER, busy, idle, matter=None, loads={"a@f.test": 14.0, "z@f.test": 4.0})
    assert result.chosen is not None and result.chosen.email == "z@f.test"
    assert "chosen for lighter load" in result.explanation


def test_then_never_offered_before_least_recently_offered() -> None:
    a = person("a@f.test", "Ann", 60.0)
    b = person("b@f.test", "Bea", 60.0)
    c = person("c@f.test", "Cal", 60.0)
    recent = {"a@f.test": NOW - timedelta(hours=1), "b@f.test": NOW - timedelta(days=3)}
    result = run(PARTNER, a, b, c, matter=None, last_offered=recent)
    assert result.chosen is not None and result.chosen.email == "c@f.test"
    everyone_offered = {**recent, "c@f.test": NOW - timedelta(minutes=5)}
    result = run(PARTNER, a, b, c, matter=None, last_offered=everyone_offered)
    assert result.chosen is not None and result.chosen.email == "b@f.test"
    assert "(same cost as Ann and 1 other; chosen for offered work less recently)" in (
        result.explanation
    )


def test_then_the_email() -> None:
    b = person("b@f.test", "Bea", 60.0)
    a = person("a@f.test", "Ann", 60.0)
    result = run(PARTNER, b, a, matter=None)
    assert result.chosen is not None and result.chosen.email == "a@f.test"
    assert "chosen for first by email" in result.explanation


def test_costs_equal_to_the_cent_tie_even_when_rates_differ_slightly() -> None:
    expert = person("a@f.test", "Ann", 60.001, skills={"drafting": 5})
    fit = person("z@f.test", "Zoe", 60.002, skills={"drafting": 2})
    result = run(PARTNER, expert, fit, matter=None)
    assert result.chosen is not None and result.chosen.email == "z@f.test"


# Named assignee
def test_named_eligible_person_is_chosen_even_when_dearer() -> None:
    result = run(named="grace@f.test")
    assert result.chosen is not None and result.chosen.email == "grace@f.test"
    assert result.named_assignee_note is None
    assert result.savings == 314.5
    assert result.explanation == (
        "Grace Kim (paralegal, $83.75/h): you asked for them and they are eligible; "
        "Maria Lopez would cost $37.50 less; still saves $314.50 vs your rate."
    )
    assert {c.email for c in result.candidates} >= {"grace@f.test", "maria@f.test"}


def test_named_person_who_is_also_cheapest() -> None:
    result = run(named="maria@f.test")
    assert result.chosen is not None and result.chosen.email == "maria@f.test"
    assert result.explanation.startswith(
        "Maria Lopez (paralegal, $65/h): you asked for them; they are eligible and the "
        "cheapest qualified; saves $352 vs your rate."
    )


def test_named_person_matched_without_regard_to_case() -> None:
    result = run(named="Grace@F.test")
    assert result.chosen is not None and result.chosen.email == "grace@f.test"


def test_named_ineligible_person_is_passed_over_with_a_note() -> None:
    result = run(named="james@f.test")
    assert result.chosen is not None and result.chosen.email == "maria@f.test"
    assert result.named_assignee_note == "James Okafor can't take it: screened from 2026-0101."
    assert result.explanation == (
        "Maria Lopez (paralegal, $65/h): cheapest qualified; saves $352 vs your rate. "
        "James Okafor can't take it: screened from 2026-0101."
    )
    named = next(c for c in result.candidates if c.email == "james@f.test")
    assert named.reasons == ("screened from 2026-0101",)


def test_named_dearer_person_who_lacks_skills_is_reported_with_the_reason() -> None:
    result = run(named="grace@f.test", task=ANSWER,
                 *[*FIRM, person("sam@f.test", "Sam Senior", 70.0,
                                 skills={"drafting": 3, "litigation_support": 2})])
    assert result.chosen is not None and result.chosen.email == "sam@f.test"
    assert result.named_assignee_note == (
        "Grace Kim can't take it: needs drafting 3, has 2 and needs litigation support 2, "
        "has none."
    )


def test_named_person_not_on_the_roster() -> None:
    result = run(named="ghost@f.test")
    assert result.chosen is not None and result.chosen.email == "maria@f.test"
    assert result.named_assignee_note == "ghost@f.test is not on the roster."


# Attorney-only work
def test_attorney_only_task_goes_to_an_admitted_attorney() -> None:
    fl = person("fl@f.test", "Fran Florida", 250.0, role="associate",
                bar_admissions=frozenset({"FL"}))
    ga = person("ga@f.test", "Gus Georgia", 300.0, role="associate",
                bar_admissions=frozenset({"GA"}))
    result = run(fl, ga, *FIRM, task=ADVICE)
    assert result.chosen is not None and result.chosen.email == "ga@f.test"
    # Paralegals are not "skipped" for attorney work; the unadmitted associate is.
    assert [c.email for c in result.candidates] == ["fl@f.test", "ga@f.test"]
    # Gus costs more than Pat doing it: the cheaper associate is named once, in that clause.
    assert result.explanation.endswith(
        "costs $59 more than doing it yourself; nobody cheaper is qualified: Fran Florida — "
        "not admitted in GA.")


def test_attorney_only_task_without_jurisdiction_needs_no_admission() -> None:
    fl = person("fl@f.test", "Fran Florida", 250.0, role="associate")
    result = run(fl, *FIRM, task=ADVICE, matter=None)
    assert result.chosen is not None and result.chosen.email == "fl@f.test"


# Nobody eligible
def test_nobody_eligible_names_the_closest_and_why() -> None:
    back = datetime(2026, 12, 2, 17, tzinfo=UTC)
    away = person("maria@f.test", "Maria Lopez", 65.0,
                  away=(AwayPeriod(NOW - timedelta(days=1), back),))
    full = person("grace@f.test", "Grace Kim", 90.0)
    result = run(PARTNER, away, JAMES, full, loads={"grace@f.test": 34.0})
    assert result.chosen is None and result.savings == 0.0
    assert result.explanation == (
        "Nobody is eligible. Closest: James Okafor — screened from 2026-0101; "
        "Maria Lopez — away until Dec 2; "
        "Grace Kim — at capacity: 34/35 h (task needs 2 h)."
    )
    closest = [c.email for c in result.candidates]
    assert closest[:3] == ["james@f.test", "maria@f.test", "grace@f.test"]
    assert all(not c.eligible and c.reasons for c in result.candidates)


def test_nobody_with_the_skills_shows_who_is_nearest() -> None:
    result = run(task=ANSWER)
    assert result.chosen is None
    assert result.explanation.startswith(
        "Nobody is eligible. Closest: James Okafor — needs drafting 3, has 2 and needs "
        "litigation support 2, has none and screened from 2026-0101; Maria Lopez — needs "
        "drafting 3, has 2 and needs litigation support 2, has none;"
    )
    # The delegator is never offered as "closest".
    assert [c.email for c in result.candidates] == ["james@f.test", "maria@f.test", "grace@f.test"]


def test_nobody_eligible_with_many_close_people_lists_a_few() -> None:
    crowd = [person(f"p{n}@f.test", f"Para {n}", 50.0 + n, slack_user_id=None) for n in range(9)]
    result = run(PARTNER, *crowd)
    assert result.chosen is None
    assert len(result.candidates) == 5
    assert result.explanation.endswith("; and 2 more.")


def test_nobody_eligible_and_the_named_person_explained() -> None:
    result = run(PARTNER, JAMES, named="james@f.test")
    assert result.chosen is None
    assert result.explanation == (
        "Nobody is eligible. James Okafor can't take it: screened from 2026-0101."
    )


def test_empty_roster() -> None:
    result = match(TaskSpec(DEMAND, "pat@f.test"), StaffIndex([]), MatchContext(NOW))
    assert result.chosen is None
    assert result.candidates == ()
    assert result.explanation == "Nobody is eligible: nobody else is on the roster."


def test_explanations_name_the_matter_never_the_client() -> None:
    for named in (None, "james@f.test", "grace@f.test"):
        assert "Garcia" not in run(named=named).explanation
    assert "Garcia" not in run(task=ANSWER).explanation


def test_long_skipped_list_is_cut_short() -> None:
    offline = [person(f"p{n}@f.test", f"Para {n}", 50.0 + n, slack_user_id=None) for n in range(5)]
    result = run(PARTNER, MARIA, *offline)
    assert result.explanation.endswith(
        "Skipped: Para 0 — not reachable on Slack or Teams; Para 1 — not reachable on Slack or "
        "Teams; Para 2 — not reachable on Slack or Teams; and 2 more."
    )
    assert len(result.candidates) == 6


def test_excluded_and_unreachable_people_are_passed_over() -> None:
    result = run(excluded=frozenset({"MARIA@f.test"}), unreachable=frozenset({"grace@f.test"}))
    assert result.chosen is None
    reasons = {c.email: c.reasons for c in result.candidates}
    assert reasons["maria@f.test"] == ("already offered this task",)
    assert reasons["grace@f.test"] == ("not reachable on Slack or Teams",)


# The index
def test_index_finds_people_by_email_in_any_case() -> None:
    index = StaffIndex(FIRM)
    assert index.get("MARIA@F.TEST") is MARIA
    assert index.get("nobody@f.test") is None
    assert len(index) == 4


def test_index_refuses_a_duplicate_email() -> None:
    with pytest.raises(ValueError, match="twice"):
        StaffIndex([MARIA, person("Maria@f.test", "Other Maria", 70.0)])


def test_task_without_required_skills_walks_the_whole_roster() -> None:
    anything = TaskType("misc", "Misc", {}, 1.0, "L190", "A111")
    result = run(task=anything, matter=None)
    assert result.chosen is not None and result.chosen.email == "james@f.test"


def test_skill_level_above_anyone_on_the_roster() -> None:
    impossible = TaskType("x", "X", {"drafting": 9}, 1.0, "L190", "A111")
    assert run(task=impossible).chosen is None


@pytest.mark.parametrize(
    ("cents", "text"), [(35200, "$352"), (3750, "$37.50"), (125000, "$1,250"), (5, "$0.05")]
)
def test_money_drops_zero_cents(cents: int, text: str) -> None:
    assert format_money(cents) == text


# Dearer than the delegator
def test_a_choice_dearer_than_the_delegator_says_so_and_why_nobody_cheaper() -> None:
    """An associate's advice that only the partner can give: no savings to claim, the extra
    cost instead (a paralegal is not news for attorney-only work)."""
    associate = person("ann@f.test", "Ann Associate", 200.0, role="associate",
                       skills={"client_communication": 1})
    paralegal = person("paul@f.test", "Paul Para", 60.0, skills={"client_communication": 3})
    spec = TaskSpec(ADVICE, associate.email, None)
    result = match(spec, StaffIndex((PARTNER, associate, paralegal)), MatchContext(NOW))
    assert result.chosen is not None and result.chosen.email == PARTNER.email
    assert result.savings == 0.0
    assert result.explanation == (
        "Pat Partner (partner, $241/h): cheapest qualified; costs $41 more than doing it "
        "yourself; nobody cheaper is qualified.")
    assert result.rationale == result.explanation.split(": ", 1)[1]


def test_a_named_dearer_person_costs_more_without_a_second_list() -> None:
    cheap_boss = person("pat@f.test", "Pat Partner", 40.0, role="partner")
    spec = TaskSpec(DEMAND, cheap_boss.email, None, named_assignee="grace@f.test")
    result = match(spec, StaffIndex((cheap_boss, MARIA, GRACE)), MatchContext(NOW))
    assert result.chosen is not None and result.chosen.email == "grace@f.test"
    assert result.explanation == (
        "Grace Kim (paralegal, $83.75/h): you asked for them and they are eligible; Maria Lopez "
        "would cost $37.50 less; costs $87.50 more than doing it yourself.")


def test_nobody_chosen_means_the_rationale_is_the_whole_explanation() -> None:
    result = run(PARTNER)
    assert result.chosen is None and result.rationale == result.explanation

"""Each eligibility rule of DESIGN.md §3 and the reason a person sees when it fails."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from matching.eligibility import (
    Requirements,
    fits_capacity,
    format_hours,
    is_qualified,
    load_ratio,
    reasons_against,
    skill_surplus,
)
from matching.model import AwayPeriod, StaffProfile

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)


def person(email: str = "maria@firm.test", **fields: object) -> StaffProfile:
    values: dict[str, object] = {
        "name": "Maria Lopez",
        "role": "paralegal",
        "hourly_rate": 65.0,
        "skills": {"drafting": 3},
        "weekly_capacity_hours": 35.0,
        "slack_user_id": "U1",
    }
    values.update(fields)
    return StaffProfile(email=email, **values)


def needs(**fields: object) -> Requirements:
    values: dict[str, object] = {"skills": (("drafting", 2),), "hours": 1.5, "now": NOW}
    values.update(fields)
    return Requirements(**values)


def test_qualified_person_has_no_reasons() -> None:
    assert reasons_against(person(), needs()) == ()


# Rule 1: skills
def test_skill_below_minimum_names_level_needed_and_held() -> None:
    req = needs(skills=(("drafting", 3),))
    assert reasons_against(person(skills={"drafting": 2}), req) == ("needs drafting 3, has 2",)


def test_missing_skill_reads_as_none_and_underscores_become_spaces() -> None:
    req = needs(skills=(("legal_research", 3),))
    assert reasons_against(person(), req) == ("needs legal research 3, has none",)


def test_every_missing_skill_gets_its_own_reason() -> None:
    req = needs(skills=(("drafting", 4), ("litigation_support", 2)))
    assert reasons_against(person(), req) == (
        "needs drafting 4, has 3",
        "needs litigation support 2, has none",
    )


def test_level_exactly_at_minimum_qualifies() -> None:
    assert reasons_against(person(skills={"drafting": 2}), needs()) == ()


# Rule 2: attorney-only work and bar admission
def test_attorney_only_task_refuses_paralegal() -> None:
    assert reasons_against(person(), needs(attorney_only=True)) == ("attorney-only task",)


@pytest.mark.parametrize("role", ["associate", "partner"])
def test_attorney_only_task_accepts_attorneys(role: str) -> None:
    assert reasons_against(person(role=role), needs(attorney_only=True)) == ()


def test_attorney_must_be_admitted_where_the_matter_is() -> None:
    lawyer = person(role="associate", bar_admissions=frozenset({"FL"}))
    req = needs(attorney_only=True, jurisdiction="GA")
    assert reasons_against(lawyer, req) == ("not admitted in GA",)


def test_bar_admission_compares_without_case() -> None:
    lawyer = person(role="associate", bar_admissions=frozenset({"ga"}))
    assert reasons_against(lawyer, needs(attorney_only=True, jurisdiction="GA")) == ()


def test_a_federal_matter_takes_an_admission_anywhere() -> None:
    federal = needs(attorney_only=True, jurisdiction="US")
    assert reasons_against(person(role="associate", bar_admissions=frozenset({"FL"})),
                           federal) == ()
    assert reasons_against(person(role="associate"), federal) == ("not admitted in US",)


def test_a_federal_admission_alone_does_not_admit_in_a_state() -> None:
    lawyer = person(role="associate", bar_admissions=frozenset({"US"}))
    req = needs(attorney_only=True, jurisdiction="FL")
    assert reasons_against(lawyer, req) == ("not admitted in FL",)


def test_jurisdiction_does_not_matter_for_work_anyone_may_do() -> None:
    assert reasons_against(person(), needs(jurisdiction="GA")) == ()


def test_paralegal_is_not_qualified_in_kind_for_attorney_work() -> None:
    assert not is_qualified(person(), needs(attorney_only=True))
    assert is_qualified(person(role="partner"), needs(attorney_only=True, jurisdiction="NY"))


# Rule 3: ethical wall
def test_screened_person_is_told_the_matter_number_only() -> None:
    req = needs(matter_number="2026-0101", screened=frozenset({"maria@firm.test"}))
    assert reasons_against(person(), req) == ("screened from 2026-0101",)


def test_screen_matches_the_email_whatever_its_case() -> None:
    req = needs(matter_number="2026-0101", screened=frozenset({"maria@firm.test"}))
    assert reasons_against(person("Maria@Firm.TEST"), req) == ("screened from 2026-0101",)


# Rule 4: away
def test_away_with_a_return_date() -> None:
    back = datetime(2026, 12, 2, 5, 0, tzinfo=UTC)  # midnight in New York
    someone = person(away=(AwayPeriod(NOW - timedelta(days=1), back),))
    assert reasons_against(someone, needs()) == ("away until Dec 2",)


def test_return_date_is_given_in_the_persons_timezone() -> None:
    back = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)  # still Dec 1 in New York
    someone = person(away=(AwayPeriod(NOW - timedelta(days=1), back),))
    assert reasons_against(someone, needs()) == ("away until Dec 1",)


def test_return_date_in_another_year_shows_the_year() -> None:
    back = datetime(2027, 1, 5, 14, 0, tzinfo=UTC)
    someone = person(away=(AwayPeriod(NOW - timedelta(days=1), back),))
    assert reasons_against(someone, needs()) == ("away until Jan 5, 2027",)


def test_open_ended_absence_reads_away() -> None:
    someone = person(away=(AwayPeriod(NOW - timedelta(days=1)),))
    assert reasons_against(someone, needs()) == ("away",)


def test_absence_past_or_future_does_not_count() -> None:
    past = AwayPeriod(NOW - timedelta(days=9), NOW - timedelta(days=2))
    future = AwayPeriod(NOW + timedelta(days=2), NOW + timedelta(days=9))
    back_now = AwayPeriod(NOW - timedelta(days=2), NOW)  # ends_at is exclusive
    assert reasons_against(person(away=(past, future, back_now)), needs()) == ()


# Rule 5: capacity
def test_load_plus_task_over_capacity() -> None:
    req = needs(hours=3.0, loads={"maria@firm.test": 33.0})
    assert reasons_against(person(), req) == ("at capacity: 33/35 h (task needs 3 h)",)


def test_task_that_exactly_fills_capacity_fits() -> None:
    assert reasons_against(person(), needs(hours=3.0, loads={"maria@firm.test": 32.0})) == ()


def test_float_sums_of_quarter_hours_do_not_tip_over() -> None:
    assert fits_capacity(0.1 + 0.2, 34.7, 35.0)
    assert not fits_capacity(0.1 + 0.2, 34.71, 35.0)


def test_zero_capacity_takes_nothing() -> None:
    req = needs(hours=0.25)
    assert reasons_against(person(weekly_capacity_hours=0.0), req) == (
        "at capacity: 0/0 h (task needs 0.25 h)",
    )


# Rule 6: delegator and refused offers
def test_delegator_cannot_take_their_own_task() -> None:
    assert reasons_against(person(), needs(delegator="maria@firm.test")) == ("is the delegator",)


def test_declined_or_expired_offer_is_not_repeated() -> None:
    req = needs(excluded=frozenset({"maria@firm.test"}))
    assert reasons_against(person(), req) == ("already offered this task",)


# Rule 7: reachable
def test_no_chat_identity_is_unreachable() -> None:
    assert reasons_against(person(slack_user_id=None), needs()) == (
        "not reachable on Slack or Teams",
    )


def test_teams_identity_alone_is_reachable() -> None:
    assert reasons_against(person(slack_user_id=None, teams_user_id="aad-1"), needs()) == ()


def test_known_unreachable_right_now_fails_rule_seven() -> None:
    req = needs(unreachable=frozenset({"maria@firm.test"}))
    assert reasons_against(person(), req) == ("not reachable on Slack or Teams",)


def test_all_failing_rules_are_reported_in_rule_order() -> None:
    someone = person(
        slack_user_id=None,
        away=(AwayPeriod(NOW - timedelta(days=1)),),
        skills={"drafting": 1},
    )
    req = needs(
        attorney_only=True,
        matter_number="2026-0101",
        screened=frozenset({"maria@firm.test"}),
        delegator="maria@firm.test",
        excluded=frozenset({"maria@firm.test"}),
        loads={"maria@firm.test": 35.0},
    )
    assert reasons_against(someone, req) == (
        "needs drafting 2, has 1",
        "attorney-only task",
        "screened from 2026-0101",
        "away",
        "at capacity: 35/35 h (task needs 1.5 h)",
        "is the delegator",
        "already offered this task",
        "not reachable on Slack or Teams",
    )


def test_surplus_sums_levels_above_the_minimums() -> None:
    someone = person(skills={"drafting": 4, "litigation_support": 2})
    assert skill_surplus(someone, (("drafting", 3), ("litigation_support", 2))) == 1


def test_load_ratio() -> None:
    assert load_ratio(person(), {"maria@firm.test": 7.0}) == pytest.approx(0.2)
    assert load_ratio(person(weekly_capacity_hours=0.0), {}) == 0.0
    assert load_ratio(person(weekly_capacity_hours=0.0), {"maria@firm.test": 1.0}) == float("inf")


@pytest.mark.parametrize(("hours", "text"), [(33.0, "33"), (32.5, "32.5"), (0.25, "0.25")])
def test_format_hours(hours: float, text: str) -> None:
    assert format_hours(hours) == text

"""The staff repository: lookups, upserts, chat identities and away periods."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from storage import staff as staff_store
from storage.db import Database
from storage.versions import get_versions

NOW = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)


def _values(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {"name": "Ada Quill", "role": "paralegal",
                              "hourly_rate": Decimal(65), "skills": {"drafting": 3}}
    return {**values, **overrides}


async def _add(db: Database, email: str = "Ada.Quill@Example.test", **overrides: Any) -> int:
    async with db.transaction() as session:
        staff, change = await staff_store.upsert_staff(session, email=email,
                                                       values=_values(**overrides))
        assert change == "created"
        assert staff.id is not None
        return staff.id


async def test_upsert_creates_with_a_lower_cased_email_and_table_defaults(db: Database) -> None:
    await _add(db)
    async with db.transaction() as session:
        staff = await staff_store.get_staff_by_email(session, email="  ADA.quill@example.TEST ")
    assert staff is not None
    assert staff.email == "ada.quill@example.test"
    assert staff.hourly_rate == Decimal("65.00")
    assert (staff.weekly_capacity_hours, staff.timezone, staff.bar_admissions) == (40.0, None, [])
    assert staff.active and not staff.is_manager


async def test_upsert_updates_only_given_columns_and_reports_no_change(db: Database) -> None:
    staff_id = await _add(db, timezone="America/Chicago")
    async with db.transaction() as session:
        before = await staff_store.get_staff(session, staff_id=staff_id)
        assert before is not None
        stamp = before.updated_at
        _, change = await staff_store.upsert_staff(session, email="ada.quill@example.test",
                                                   values={"hourly_rate": Decimal(70)})
        assert change == "updated"
        _, again = await staff_store.upsert_staff(session, email="ada.quill@example.test",
                                                  values={"hourly_rate": Decimal("70.00")})
        assert again == "unchanged"
    async with db.transaction() as session:
        after = await staff_store.get_staff(session, staff_id=staff_id)
    assert after is not None
    assert after.hourly_rate == Decimal("70.00")
    assert after.timezone == "America/Chicago"  # not given, so kept
    assert after.updated_at > stamp


async def test_list_staff_skips_inactive_unless_asked(db: Database) -> None:
    first = await _add(db, "a@example.test")
    await _add(db, "b@example.test")
    async with db.transaction() as session:
        gone = await staff_store.get_staff(session, staff_id=first)
        assert gone is not None
        await staff_store.update_staff(session, staff=gone, values={"active": False})
    async with db.transaction() as session:
        active = [s.email for s in await staff_store.list_staff(session)]
        everyone = [s.email for s in await staff_store.list_staff(session, active_only=False)]
        assert await staff_store.count_staff(session) == 2
    assert active == ["b@example.test"]
    assert everyone == ["a@example.test", "b@example.test"]


async def test_chat_identity_lookups_and_linking(db: Database) -> None:
    staff_id = await _add(db, teams_user_id="7d2a1c90-0000-4000-8000-000000000001")
    async with db.transaction() as session:
        assert await staff_store.get_staff_by_slack_id(session, slack_user_id="U1ADA") is None
        linked = await staff_store.set_slack_user_id(session, staff_id=staff_id,
                                                     slack_user_id="U1ADA")
        assert linked is not None and linked.slack_user_id == "U1ADA"
        assert await staff_store.set_slack_user_id(session, staff_id=9999,
                                                   slack_user_id="U1X") is None
    async with db.transaction() as session:
        by_slack = await staff_store.get_staff_by_slack_id(session, slack_user_id="U1ADA")
        by_teams = await staff_store.get_staff_by_teams_id(
            session, teams_user_id="7d2a1c90-0000-4000-8000-000000000001")
        assert await staff_store.get_staff_by_email(session, email="nobody@example.test") is None
    assert by_slack is not None and by_slack.id == staff_id
    assert by_teams is not None and by_teams.id == staff_id



async def test_claiming_chat_ids_fills_only_what_is_missing_and_moves_the_firm_version(
        db: Database) -> None:
    staff_id = await _add(db)
    teams_id = "7d2a1c90-0000-4000-8000-00000000000f"
    async with db.transaction() as session:
        staff = await staff_store.get_staff(session, staff_id=staff_id)
        assert staff is not None
        before = (await get_versions(session)).firm
        assert await staff_store.claim_chat_ids(session, staff=staff, teams_user_id=teams_id) == ()
        assert staff.teams_user_id == teams_id
        linked = (await get_versions(session)).firm
        assert linked > before
        assert await staff_store.claim_chat_ids(session, staff=staff,
                                                teams_user_id="another-object-id") == ("teams",)
        assert await staff_store.claim_chat_ids(session, staff=staff, teams_user_id=teams_id,
                                                slack_user_id="U0OTHER") == ()
        assert staff.slack_user_id == "U0OTHER"
        assert await staff_store.claim_chat_ids(session, staff=staff) == ()
        assert staff.teams_user_id == teams_id
    async with db.transaction() as session:
        found = await staff_store.get_staff_by_teams_id(session, teams_user_id=teams_id)
        assert found is not None and found.id == staff_id


async def test_end_away_closes_current_and_open_periods_only(db: Database) -> None:
    ada = await _add(db, "ada@example.test")
    bob = await _add(db, "bob@example.test")
    async with db.transaction() as session:
        past = await staff_store.add_away_period(session, staff_id=ada,
                                                 starts_at=NOW - timedelta(days=10),
                                                 ends_at=NOW - timedelta(days=8))
        current = await staff_store.add_away_period(session, staff_id=ada,
                                                    starts_at=NOW - timedelta(days=1),
                                                    ends_at=NOW + timedelta(days=2), note="CLE")
        open_ended = await staff_store.add_away_period(session, staff_id=ada,
                                                       starts_at=NOW - timedelta(hours=1))
        future = await staff_store.add_away_period(session, staff_id=ada,
                                                   starts_at=NOW + timedelta(days=7),
                                                   ends_at=NOW + timedelta(days=9))
        others = await staff_store.add_away_period(session, staff_id=bob,
                                                   starts_at=NOW - timedelta(days=1))
    async with db.transaction() as session:
        assert await staff_store.end_away(session, staff_id=ada, at=NOW) == 2
        assert await staff_store.end_away(session, staff_id=ada, at=NOW) == 0
    async with db.transaction() as session:
        ends = {p.id: p.ends_at for p in await staff_store.list_away_periods(session)}
        only_bob = await staff_store.list_away_periods(session, staff_ids=[bob])
    assert ends[past.id] == NOW - timedelta(days=8)
    assert ends[current.id] == NOW and ends[open_ended.id] == NOW
    assert ends[future.id] == NOW + timedelta(days=9)
    assert ends[others.id] is None
    assert [p.id for p in only_bob] == [others.id]


async def test_an_away_period_must_end_after_it_starts(db: Database) -> None:
    ada = await _add(db)
    async with db.transaction() as session:
        with pytest.raises(ValueError, match="end after it starts"):
            await staff_store.add_away_period(session, staff_id=ada, starts_at=NOW, ends_at=NOW)


async def test_changes_bump_the_firm_version_and_no_ops_do_not(db: Database) -> None:
    async with db.transaction() as session:
        start = (await get_versions(session)).firm
    staff_id = await _add(db)
    async with db.transaction() as session:
        created = (await get_versions(session)).firm
        await staff_store.upsert_staff(session, email="ada.quill@example.test", values=_values())
        await staff_store.end_away(session, staff_id=staff_id, at=NOW)
        assert (await get_versions(session)).firm == created
        await staff_store.add_away_period(session, staff_id=staff_id, starts_at=NOW)
        assert (await get_versions(session)).firm > created > start

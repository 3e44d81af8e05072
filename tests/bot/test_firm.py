"""load_firm: stored rows become the frozen domain values the matcher and parser use."""

from __future__ import annotations

from datetime import UTC, datetime, time

from bot.firm import Firm, load_firm
from bot.imports import MATTER_COLUMNS, ROSTER_COLUMNS, import_matters, import_roster
from bot.settings import load_settings
from matching.model import AwayPeriod, MatterRef, StaffProfile
from storage import staff as staff_store
from storage.db import Database

ROSTER = "\n".join([
    ",".join(ROSTER_COLUMNS),
    "ines@firm.test,Ines Park,partner,480.5,negotiation:5,30,,,U0INES,,,FL;GA,true",
    ("omar@firm.test,Omar Vale,paralegal,55,drafting:2;bankruptcy:3,35,America/Chicago,"
     "08:00-16:00,,11111111-0000-4000-8000-000000000009,ines@firm.test,,false"),
    "gone@firm.test,Gus Gone,legal_assistant,30,,40,,,U0GONE,,ines@firm.test,,false",
]).encode()
MATTERS = "\n".join([
    ",".join(MATTER_COLUMNS),
    "2027-0100,Rita Moss,Moss v. Lakeside Credit,ines@firm.test,FL,omar@firm.test;gone@firm.test",
    "2027-0101,Theo Bell,,,,",
]).encode()
SETTINGS = load_settings(LPO_TIMEZONE="America/Denver", LPO_BUSINESS_HOURS="08:30-16:30")
AWAY_FROM = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)


async def _firm(db: Database) -> Firm:
    async with db.transaction() as session:
        await import_roster(session, ROSTER)
        await import_matters(session, MATTERS)
        omar = await staff_store.get_staff_by_email(session, email="omar@firm.test")
        gone = await staff_store.get_staff_by_email(session, email="gone@firm.test")
        assert omar is not None and gone is not None and omar.id is not None
        await staff_store.add_away_period(session, staff_id=omar.id, starts_at=AWAY_FROM)
        await staff_store.update_staff(session, staff=gone, values={"active": False})
    async with db.transaction() as session:
        return await load_firm(session, settings=SETTINGS)


async def test_active_staff_become_profiles_with_defaults_applied(db: Database) -> None:
    firm = await _firm(db)
    assert [p.email for p in firm.staff] == ["ines@firm.test", "omar@firm.test"]
    ines = firm.by_email("INES@firm.test")
    assert ines == StaffProfile(
        id=firm.staff_id("ines@firm.test"), email="ines@firm.test", name="Ines Park",
        role="partner", hourly_rate=480.5, skills={"negotiation": 5}, weekly_capacity_hours=30.0,
        timezone="America/Denver", working_hours=(time(8, 30), time(16, 30)),
        bar_admissions=frozenset({"FL", "GA"}), is_manager=True, slack_user_id="U0INES")
    omar = firm.by_email("omar@firm.test")
    assert omar is not None
    assert (omar.timezone, omar.working_hours) == ("America/Chicago", (time(8), time(16)))
    assert omar.manager_email == "ines@firm.test"
    assert omar.away == (AwayPeriod(starts_at=AWAY_FROM, ends_at=None),)
    assert omar.reachable and omar.teams_user_id == "11111111-0000-4000-8000-000000000009"


async def test_inactive_people_are_not_staff_but_keep_their_walls_and_emails(
        db: Database) -> None:
    firm = await _firm(db)
    assert firm.by_email("gone@firm.test") is None and firm.staff_id("gone@firm.test") is None
    gone_id = next(i for i, email in firm.emails.items() if email == "gone@firm.test")
    assert firm.by_id(gone_id) is None and firm.email_of(gone_id) == "gone@firm.test"
    assert firm.email_of(None) is None and firm.by_id(None) is None
    moss = firm.matter("2027-0100")
    assert moss == MatterRef(number="2027-0100", client_name="Rita Moss",
                             title="Moss v. Lakeside Credit", jurisdiction="FL",
                             responsible_email="ines@firm.test",
                             screened=frozenset({"omar@firm.test", "gone@firm.test"}))


async def test_matters_resolve_by_number_and_by_id(db: Database) -> None:
    firm = await _firm(db)
    bell_id = firm.matter_id(" 2027-0101 ")
    assert bell_id is not None
    bell = firm.matter_by_id(bell_id)
    assert bell == MatterRef(number="2027-0101", client_name="Theo Bell")
    assert firm.matter("2027-9999") is None and firm.matter_id("2027-9999") is None
    assert firm.matter_by_id(None) is None and firm.matter_by_id(99999) is None
    ines = firm.by_email("ines@firm.test")
    assert ines is not None and firm.by_id(ines.id) == ines


async def test_an_empty_database_is_an_empty_firm(db: Database) -> None:
    async with db.transaction() as session:
        firm = await load_firm(session, settings=SETTINGS)
    assert firm == Firm()

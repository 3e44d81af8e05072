"""The bridge from stored rows to the pure domain: the firm as the matcher and the parser see it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from sqlalchemy.ext.asyncio import AsyncSession

from bot.settings import Settings, parse_hours_range
from matching.model import AwayPeriod, MatterRef, StaffProfile
from storage import matters as matter_store
from storage import staff as staff_store
from storage.staff import normalise_email
from storage.tables import AwayPeriod as AwayRow
from storage.tables import Matter, Staff


@dataclass(frozen=True)
class Firm:
    """Active staff and all matters at one moment, as frozen domain values."""

    staff: tuple[StaffProfile, ...] = ()
    matters: tuple[MatterRef, ...] = ()
    # MatterRef carries no database id; use cases need it to store a task's matter.
    matter_ids: Mapping[str, int] = field(default_factory=dict)
    # Every staff id, inactive people too: old tasks and offers still name them.
    emails: Mapping[int, str] = field(default_factory=dict)

    @cached_property
    def _by_email(self) -> dict[str, StaffProfile]:
        return {profile.email: profile for profile in self.staff}

    @cached_property
    def _by_id(self) -> dict[int, StaffProfile]:
        return {profile.id: profile for profile in self.staff if profile.id is not None}

    @cached_property
    def _by_number(self) -> dict[str, MatterRef]:
        return {matter.number: matter for matter in self.matters}

    @cached_property
    def _numbers(self) -> dict[int, str]:
        return {matter_id: number for number, matter_id in self.matter_ids.items()}

    def by_email(self, email: str) -> StaffProfile | None:
        """An active staff member by email (any case)."""
        return self._by_email.get(normalise_email(email))

    @cached_property
    def _by_chat_id(self) -> dict[str, StaffProfile]:
        ids = {}
        for profile in self.staff:
            for chat_id in (profile.slack_user_id, profile.teams_user_id):
                if chat_id:
                    ids[chat_id] = profile
        return ids

    def by_chat_id(self, chat_id: str | None) -> StaffProfile | None:
        """An active staff member by Slack user id or Teams (AAD object) id."""
        return self._by_chat_id.get(chat_id) if chat_id else None

    def by_id(self, staff_id: int | None) -> StaffProfile | None:
        """An active staff member by database id."""
        return self._by_id.get(staff_id) if staff_id is not None else None

    def person(self, staff_id: int | None) -> StaffProfile:
        """An active staff member by id, or a stand-in for someone who has left the roster."""
        return self.by_id(staff_id) or former_colleague(staff_id)

    def staff_id(self, email: str) -> int | None:
        profile = self.by_email(email)
        return profile.id if profile else None

    def email_of(self, staff_id: int | None) -> str | None:
        """The email of anyone who was ever on the roster, active or not."""
        return self.emails.get(staff_id) if staff_id is not None else None

    def matter(self, number: str) -> MatterRef | None:
        return self._by_number.get(number.strip())

    def matter_id(self, number: str) -> int | None:
        return self.matter_ids.get(number.strip())

    def matter_by_id(self, matter_id: int | None) -> MatterRef | None:
        number = self._numbers.get(matter_id) if matter_id is not None else None
        return self.matter(number) if number else None


def former_colleague(staff_id: int | None) -> StaffProfile:
    """A stand-in for someone no longer on the active roster."""
    return StaffProfile(email=f"former-{staff_id}@invalid", name="a former colleague",
                        role="paralegal", hourly_rate=0.0, skills={},
                        weekly_capacity_hours=0.0, id=staff_id)


def _profile(row: Staff, *, manager_email: str | None, away: Iterable[AwayRow],
             settings: Settings) -> StaffProfile:
    return StaffProfile(
        id=row.id,
        email=row.email,
        name=row.name,
        role=row.role,
        hourly_rate=float(row.hourly_rate),
        skills=dict(row.skills),
        weekly_capacity_hours=row.weekly_capacity_hours,
        # NULL means "the firm's default", applied now so a changed default reaches everyone.
        timezone=row.timezone or settings.timezone,
        working_hours=(parse_hours_range(row.working_hours) if row.working_hours
                       else settings.working_hours),
        bar_admissions=frozenset(row.bar_admissions),
        is_manager=row.is_manager,
        manager_email=manager_email,
        slack_user_id=row.slack_user_id,
        teams_user_id=row.teams_user_id,
        away=tuple(AwayPeriod(starts_at=period.starts_at, ends_at=period.ends_at)
                   for period in away),
    )


async def _away_by_staff(session: AsyncSession, staff_ids: list[int]) -> dict[int, list[AwayRow]]:
    away: dict[int, list[AwayRow]] = {}
    for period in await staff_store.list_away_periods(session, staff_ids=staff_ids):
        away.setdefault(period.staff_id, []).append(period)
    return away


def _matter_ref(row: Matter, *, screened_ids: Iterable[int], roster: Firm) -> MatterRef:
    return MatterRef(number=row.number, client_name=row.client_name, title=row.title,
                     jurisdiction=row.jurisdiction,
                     responsible_email=roster.email_of(row.responsible_attorney_id),
                     screened=frozenset(email for staff_id in screened_ids
                                        if (email := roster.email_of(staff_id))))


async def load_firm(session: AsyncSession, *, settings: Settings) -> Firm:
    """Read the roster (active staff, with away periods) and the matters with their walls."""
    everyone = await staff_store.list_staff(session, active_only=False)
    # Inactive people still resolve as managers, attorneys and screened staff: a wall stays up.
    roster = Firm(emails={row.id: row.email for row in everyone if row.id is not None})
    active = {row.id: row for row in everyone if row.active and row.id is not None}
    away = await _away_by_staff(session, list(active))
    staff = tuple(_profile(row, manager_email=roster.email_of(row.manager_id),
                           away=away.get(staff_id, ()), settings=settings)
                  for staff_id, row in active.items())
    screens = await matter_store.list_screens(session)
    rows = {row.id: row for row in await matter_store.list_matters(session) if row.id is not None}
    matters = tuple(_matter_ref(row, screened_ids=screens.get(matter_id, ()), roster=roster)
                    for matter_id, row in rows.items())
    return Firm(staff=staff, matters=matters,
                matter_ids={row.number: matter_id for matter_id, row in rows.items()},
                emails=roster.emails)

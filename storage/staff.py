"""Staff and away periods: keyword-only queries and upserts over an AsyncSession."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from storage.core import rowcount
from storage.tables import AwayPeriod, Staff, utcnow
from storage.versions import bump_firm_version

Change = Literal["created", "updated", "unchanged"]
CHAT_PLATFORMS = {"slack_user_id": "slack", "teams_user_id": "teams"}


def normalise_email(email: str) -> str:
    """Emails are keys: stored and compared trimmed and lower-cased."""
    return email.strip().lower()


async def count_staff(session: AsyncSession) -> int:
    return (await session.execute(select(func.count()).select_from(Staff))).scalar_one()


async def list_staff(session: AsyncSession, *, active_only: bool = True) -> list[Staff]:
    query = select(Staff).order_by(col(Staff.id))
    if active_only:
        query = query.where(col(Staff.active).is_(True))
    return list((await session.execute(query)).scalars())


async def get_staff(session: AsyncSession, *, staff_id: int) -> Staff | None:
    return await session.get(Staff, staff_id)


async def lock_staff(session: AsyncSession, *, staff_id: int) -> None:
    """Hold this person's row until the transaction ends (PostgreSQL: FOR UPDATE), so two
    transactions that both count their open hours take turns."""
    await session.execute(select(col(Staff.id)).where(col(Staff.id) == staff_id)
                          .with_for_update())


async def staff_by_ids(session: AsyncSession, *, staff_ids: Iterable[int]) -> dict[int, Staff]:
    wanted = set(staff_ids)
    if not wanted:
        return {}
    query = select(Staff).where(col(Staff.id).in_(wanted))
    return {row.id: row for row in (await session.execute(query)).scalars() if row.id}


async def get_staff_by_email(session: AsyncSession, *, email: str) -> Staff | None:
    query = select(Staff).where(col(Staff.email) == normalise_email(email))
    return (await session.execute(query)).scalars().first()


async def get_staff_by_slack_id(session: AsyncSession, *, slack_user_id: str) -> Staff | None:
    query = select(Staff).where(col(Staff.slack_user_id) == slack_user_id).order_by(col(Staff.id))
    return (await session.execute(query)).scalars().first()


async def get_staff_by_teams_id(session: AsyncSession, *, teams_user_id: str) -> Staff | None:
    query = select(Staff).where(col(Staff.teams_user_id) == teams_user_id).order_by(col(Staff.id))
    return (await session.execute(query)).scalars().first()


async def set_slack_user_id(session: AsyncSession, *, staff_id: int,
                            slack_user_id: str | None) -> Staff | None:
    """Link (or unlink, with None) a Slack identity; None when there is no such staff member."""
    staff = await get_staff(session, staff_id=staff_id)
    if staff is not None:
        await update_staff(session, staff=staff, values={"slack_user_id": slack_user_id})
    return staff


def _held_by_others(staff: Staff, ids: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(CHAT_PLATFORMS[column] for column, value in ids.items()
                 if getattr(staff, column) not in (None, value))


async def claim_chat_ids(session: AsyncSession, *, staff: Staff, slack_user_id: str | None = None,
                         teams_user_id: str | None = None) -> tuple[str, ...]:
    """Link chat identities to a row that has none yet for their platform; never replace one.

    Returns the platforms ("slack", "teams") on which the row already belongs to another
    account: then nothing is written. The link is a compare-and-set, so of two accounts
    racing for one unlinked row exactly one gets it.
    """
    given = {column: value for column, value in
             (("slack_user_id", slack_user_id), ("teams_user_id", teams_user_id)) if value}
    taken = _held_by_others(staff, given)
    missing = {column: value for column, value in given.items() if not getattr(staff, column)}
    if taken or not missing:
        return taken
    claim = (update(Staff).where(col(Staff.id) == staff.id,
                                 *(getattr(Staff, column).is_(None) for column in missing))
             .values(**missing, updated_at=utcnow())
             .execution_options(synchronize_session=False))
    claimed = rowcount(await session.execute(claim)) == 1
    await session.refresh(staff)
    if not claimed:  # another account linked it since the row was read
        return _held_by_others(staff, given)
    await bump_firm_version(session)
    return ()


async def update_staff(session: AsyncSession, *, staff: Staff, values: Mapping[str, Any]) -> bool:
    """Apply the values that differ; True when anything changed (then updated_at moves)."""
    changed = {key: value for key, value in values.items() if getattr(staff, key) != value}
    if not changed:
        return False
    for key, value in changed.items():
        setattr(staff, key, value)
    staff.updated_at = utcnow()
    session.add(staff)
    await session.flush()
    await bump_firm_version(session)
    return True


async def upsert_staff(session: AsyncSession, *, email: str,
                       values: Mapping[str, Any]) -> tuple[Staff, Change]:
    """Create the staff member with this email, or update the given columns of the existing one.

    Columns absent from `values` keep their current value (or the table default on create).
    """
    email = normalise_email(email)
    existing = await get_staff_by_email(session, email=email)
    if existing is None:
        staff = Staff(**{**values, "email": email})
        session.add(staff)
        await session.flush()
        await bump_firm_version(session)
        return staff, "created"
    changed = await update_staff(session, staff=existing, values=values)
    return existing, "updated" if changed else "unchanged"


# --- away periods ------------------------------------------------------------------------


async def list_away_periods(session: AsyncSession, *,
                            staff_ids: Iterable[int] | None = None) -> list[AwayPeriod]:
    query = select(AwayPeriod).order_by(col(AwayPeriod.staff_id), col(AwayPeriod.starts_at), col(AwayPeriod.id))
    if staff_ids is not None:
        query = query.where(col(AwayPeriod.staff_id).in_(list(staff_ids)))
    return list((await session.execute(query)).scalars())


async def add_away_period(session: AsyncSession, *, staff_id: int, starts_at: datetime,
                          ends_at: datetime | None = None, note: str | None = None) -> AwayPeriod:
    """Record a span away; `ends_at` None means until they say they are back."""
    if ends_at is not None and ends_at <= starts_at:
        raise ValueError("an away period must end after it starts")
    period = AwayPeriod(staff_id=staff_id, starts_at=starts_at, ends_at=ends_at, note=note)
    session.add(period)
    await session.flush()
    await bump_firm_version(session)
    return period


async def end_away(session: AsyncSession, *, staff_id: int, at: datetime) -> int:
    """Close every period that is open or current at `at`; returns how many were closed.

    Periods that start later stay as planned: "back" today does not cancel next week's leave.
    """
    query = select(AwayPeriod).where(
        col(AwayPeriod.staff_id) == staff_id,
        col(AwayPeriod.starts_at) <= at,
        or_(col(AwayPeriod.ends_at).is_(None), col(AwayPeriod.ends_at) > at))
    periods = list((await session.execute(query)).scalars())
    for period in periods:
        period.ends_at = at
        session.add(period)
    if periods:
        await session.flush()
        await bump_firm_version(session)
    return len(periods)

"""The managers' dashboard: sign-in links from chat, browser sessions, the pages and the export.

Managers only, re-checked on every request: someone who stops being a manager (or leaves the
roster) loses the dashboard at their next click, whatever their cookie says.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, datetime

from bot import reports, sign_in
from bot.digest import Scope, manager_scopes
from bot.export import export_lines
from bot.firm import Firm
from bot.messages import Fact, Message
from bot.replies import Actor, Refusal, Reply
from bot.settings import Settings
from bot.unit_of_work import UnitOfWork, Units
from matching.model import StaffProfile

MANAGERS_ONLY = Refusal("forbidden", "The dashboard is for managers.",
                        "Ask your manager if you need the team's numbers.")


class Dashboard:
    """What the dashboard adapter and the `/lpo dashboard` command call."""

    def __init__(self, units: Units, settings: Settings) -> None:
        self.units = units
        self.settings = settings

    # --- signing in ------------------------------------------------------------------------

    async def link_for(self, actor: Actor) -> Reply:
        """`/lpo dashboard`: a one-time sign-in link for a manager, valid ten minutes."""
        async def work(uow: UnitOfWork) -> Reply:
            person = await uow.identify(actor)
            if not person.is_manager or person.id is None:
                raise MANAGERS_ONLY
            token = await sign_in.issue_link(uow.session, staff_id=person.id, now=uow.now)
            minutes = int(sign_in.LINK_LIFETIME.total_seconds() // 60)
            return Reply(status="ok", message=Message(
                title="Your dashboard sign-in link",
                body=(f"Open it within {minutes} minutes; it works once and only for you, "
                      "so don't forward it."),
                facts=(Fact("Link", sign_in.login_url(self.settings.public_url, token)),),
                kind="dashboard_link"))

        return await self.units.run(work)

    async def sign_in(self, token: str | None) -> sign_in.Grant | None:
        """Trade a link for a session; None for an unknown, used or expired link, or for
        someone who is no longer a manager."""
        async with self.units.begin() as uow:
            grant = await sign_in.redeem(uow.session, token=token, now=uow.now)
            if grant is None or await self._manager(uow, grant.staff_id) is None:
                await sign_in.sign_out(uow.session, secret=grant.secret if grant else None)
                return None
            return grant

    async def viewer(self, secret: str | None) -> StaffProfile | None:
        """The manager this session belongs to, while it lasts and they are still a manager."""
        async with self.units.reading() as uow:
            staff_id = await sign_in.session_owner(uow.session, secret=secret, now=uow.now)
            return None if staff_id is None else await self._manager(uow, staff_id)

    async def sign_out(self, secret: str | None) -> None:
        async with self.units.begin() as uow:
            await sign_in.sign_out(uow.session, secret=secret)

    async def revoke_all(self) -> tuple[int, int]:
        """End every session and cancel every unused link: (sessions, links)."""
        async with self.units.begin() as uow:
            return await sign_in.revoke_all(uow.session)

    @staticmethod
    async def _manager(uow: UnitOfWork, staff_id: int) -> StaffProfile | None:
        person = (await uow.snapshot()).firm.by_id(staff_id)
        return person if person is not None and person.is_manager else None

    def local_now(self) -> datetime:
        """The firm's wall clock, for "as of" lines."""
        return self.units.clock().astimezone(self.settings.zone)

    # --- the pages -------------------------------------------------------------------------

    async def overview(self, viewer: StaffProfile, *, firm_wide: bool) -> reports.Overview:
        async with self.units.reading() as uow:
            firm = (await uow.snapshot()).firm
            return await reports.overview(uow.session, firm=firm, taxonomy=uow.taxonomy,
                                          viewer=viewer, scope=_scope(firm, viewer, firm_wide),
                                          now=uow.now, zone=self.settings.zone)

    async def people(self, viewer: StaffProfile, *, firm_wide: bool) -> reports.People:
        async with self.units.reading() as uow:
            firm = (await uow.snapshot()).firm
            return await reports.people(uow.session, firm=firm,
                                        scope=_scope(firm, viewer, firm_wide), now=uow.now,
                                        zone=self.settings.zone)

    async def savings(self, viewer: StaffProfile, *, firm_wide: bool, first: date | None = None,
                      last: date | None = None) -> reports.Savings:
        """The savings page over [first, last] (default: the weeks its chart shows)."""
        async with self.units.reading() as uow:
            firm = (await uow.snapshot()).firm
            default_first, default_last = reports.default_range(uow.now, self.settings.zone)
            return await reports.savings(uow.session, firm=firm, taxonomy=uow.taxonomy,
                                         scope=_scope(firm, viewer, firm_wide), now=uow.now,
                                         zone=self.settings.zone, first=first or default_first,
                                         last=last or default_last)

    async def export(self, first: date, last: date, *,
                     viewer: StaffProfile | None = None, firm_wide: bool = True
                     ) -> AsyncIterator[str]:
        """CSV lines of the tasks completed from `first` to `last` (whole days, both included):
        the firm's for the command line, the viewer's scope for the dashboard."""
        start, end = reports.day_range(first, last, self.settings.zone)
        async with self.units.reading() as uow:
            firm = (await uow.snapshot()).firm
            scope = _scope(firm, viewer, firm_wide) if viewer else Scope("the firm", None)
            async for line in export_lines(uow.session, firm=firm, taxonomy=uow.taxonomy,
                                           start=start, end=end, zone=self.settings.zone,
                                           staff_ids=scope.staff_ids):
                yield line


def _scope(firm: Firm, viewer: StaffProfile, firm_wide: bool) -> Scope:
    """The viewer's team by default; the whole firm with the switch."""
    if firm_wide:
        return Scope(title="the whole firm", staff_ids=None)
    team = dict(manager_scopes(firm)).get(viewer.id or 0)
    return Scope(title="your team", staff_ids=team.staff_ids if team else (viewer.id or 0,))
